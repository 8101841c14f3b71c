"""AppTest helpers: run the real app.py (sidebar, navigation, URL state) on one page, no browser."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.scenario import EDITOR as SCENARIO_EDITOR
from components.strings import STRINGS

APP = Path(__file__).resolve().parents[2] / "app.py"


def open_page(page_file: str | None = None, params: Mapping[str, str | list[str]] | None = None,
              timeout: float = 60, *, editor: bool = False) -> AppTest:
    """Start the app with `params` in the URL, switch to `page_file` (e.g. 'pages/coverage.py'), run it;
    `editor`: with the scenario editor open (its body is only drawn open, as when a planner clicks it)."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if editor:
        at.session_state[SCENARIO_EDITOR] = True
    at.run()
    if page_file:
        # The first run lands on the default page, whose URL sync drops other pages' parameters (as a browser
        # does when it opens that page): set them again, as a shared link to `page_file` would carry them.
        for key, value in (params or {}).items():
            at.query_params[key] = value
        at.switch_page(page_file).run()
    return at


@pytest.fixture
def app_page() -> Callable[..., AppTest]:
    return open_page


def no_exception(at: AppTest) -> None:
    """No uncaught exception, and no page failure caught by app.py's friendly error (which hides it from
    `at.exception`)."""
    assert not at.exception, [e.message for e in at.exception]
    titles = {STRINGS["page_error_title"]["it"], STRINGS["page_error_title"]["en"]}
    assert not [e.value for e in at.error if e.value in titles], "the page failed (see the server log above)"


def url_values(at: AppTest, key: str) -> list[str]:
    """The values of one query parameter as a list (AppTest shows a single value as a plain string)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


class _TableParser(HTMLParser):
    """The header texts, and each row's cell texts and classes, of one `components.tables.table_html` table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.caption = ""
        self.columns: list[str] = []
        self.rows: list[list[tuple[str, str]]] = []
        self._cell: list[str] | None = None
        self._class = ""
        self._in = ""  # "caption", "head" or "body"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "caption":
            self._in, self._cell = "caption", []
        elif tag in ("thead", "tbody"):
            self._in = "head" if tag == "thead" else "body"
        elif tag == "tr" and self._in == "body":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell, self._class = [], dict(attrs).get("class") or ""
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._cell is None:
            return
        text = "".join(self._cell)
        if tag == "caption":
            self.caption, self._cell = text, None
        elif tag in ("th", "td"):
            if self._in == "head":
                self.columns.append(text)
            else:
                self.rows[-1].append((text, self._class))
            self._cell = None


def _number(text: str, lang: str) -> float | int | str:
    """A number as the tables write it ("841.600", "1,17" in Italian; "841,600", "1.17" in English)."""
    if not text:
        return float("nan")
    plain = text.replace(".", "").replace(",", ".") if lang == "it" else text.replace(",", "")
    value = float(plain)
    return int(value) if value.is_integer() and "." not in plain else value


def html_table_frame(body: str, lang: str = "it") -> pd.DataFrame | None:
    """The table drawn by components.tables.table_html in an st.html body, as a DataFrame of what it shows:
    numbers (right-aligned cells) read back from the page's language, every other cell as its text; the
    caption in `frame.attrs["caption"]`. None if the body holds no such table."""
    if 'class="psm-table"' not in body:
        return None
    parser = _TableParser()
    parser.feed(body)
    data = [[_number(text, lang) if "num" in cls.split() else text for text, cls in row] for row in parser.rows]
    frame = pd.DataFrame(data, columns=parser.columns)
    frame.attrs["caption"] = parser.caption
    return frame


def page_tables(at: AppTest, lang: str = "it") -> list[pd.DataFrame]:
    """Every table on the page: Streamlit's dataframes, then the HTML tables."""
    found = [df.value for df in at.dataframe]
    return found + [f for f in (html_table_frame(h.proto.body, lang) for h in at.get("html")) if f is not None]


@dataclass(frozen=True)
class ShownFigure:
    """One headline figure of components.figures as the page shows it."""

    value: str
    delta: str
    note: str


class _FiguresParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[dict[str, str]] = []
        self._field: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "dt":
            self.items.append({"label": "", "v": "", "d": "", "n": ""})
            self._field = "label"
        elif tag == "dd":
            self._field = dict(attrs).get("class") or ""

    def handle_data(self, data: str) -> None:
        if self._field is not None and self.items:
            self.items[-1][self._field] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("dt", "dd"):
            self._field = None


def page_figures(at: AppTest) -> dict[str, ShownFigure]:
    """Every headline figure on the page (components.figures.figures_html), by label."""
    out: dict[str, ShownFigure] = {}
    for element in at.get("html"):
        if 'class="psm-figures"' in element.proto.body:
            parser = _FiguresParser()
            parser.feed(element.proto.body)
            out |= {i["label"]: ShownFigure(i["v"], i["d"], i["n"]) for i in parser.items}
    return out
