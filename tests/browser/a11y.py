"""Accessibility and phone-layout checks in chromium, shared by the tests and scripts/a11y_report.py.

- `axe_violations`: axe-core (shipped inside the axe-playwright-python wheel, injected from disk: nothing is
  fetched) on the page and its same-origin frames (the maps), WCAG 2.1 A/AA rules only.
- `heading_problems`: heading levels that skip (h1 → h3) in the main area and in the sidebar.
- `layout_problems`: at phone size, an element of the main area past the viewport's edges (outside a box that
  scrolls sideways on its own), the page scrolling sideways, or something lying over an element.
- `focus_walk`: press Tab through the page and record where focus lands.

Which pages are checked, and how to open them, is `VISITS` below: every page of components.navigation.PAGES is
visited at its URL path with no parameters unless it has an entry there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from components.navigation import PAGES, PageInfo
from tests.browser.harness import wait_for_app_ready

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("critical", "serious")
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 360, "height": 740}
_AXE = Axe()


@dataclass(frozen=True)
class Visit:
    """How to open one page for the audits.

    query: extra URL parameters the page needs (e.g. "evento=DEMO").
    prepare: called with the server's base URL before the visit; returns extra URL parameters (e.g. it creates a
        listening event and returns "evento=<its code>").
    login: called with the loaded page (e.g. types the facilitator's password and waits for the page).
    skip: why the page cannot be audited yet (the test is reported as skipped with this reason, not hidden).
    phone_layout: False for a page that is not meant for phones (axe still runs at phone size), with the reason in
        a comment on its entry.
    """

    query: str = ""
    prepare: Callable[[str], str] | None = None
    login: Callable[[Page], None] | None = None
    skip: str = ""
    phone_layout: bool = True


def open_event(_base_url: str = "") -> str:
    """A fresh listening event, open, with two needs open for answers, in the tests' throwaway database (the
    browser-test server shares it through PSM_DB_URL, see tests/conftest.py); returns its code."""
    from psm_data import load_dataset
    from psm_data.events.db import database_for
    from psm_data.events.store import EventStore

    data = load_dataset()
    store = EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                       axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    needs = ["N1.1", "N3.3"]
    event = store.create_event(title="Ascolto: verifica di accessibilità", event_date="2026-12-05", place="Torino",
                               zone_ids=["1"], need_ids=needs)
    store.set_event_status(event.code, "open")
    store.set_item_status(event.code, needs, "open")
    return event.code


def facilitator_login(page: Page) -> None:
    """Sign the page's browser in as the facilitator (signed cookie, tests/browser/signin.py) and reload."""
    from tests.browser.signin import sign_in

    sign_in(page.context, page.url)
    page.reload()


#: Per-page hooks, by PageInfo.key. A page without an entry is opened at its URL path with no parameters; a new
#: page in PAGES is audited automatically. Add an entry only when the page needs parameters, setup or a password.
VISITS: dict[str, Visit] = {
    # a strategy chosen (the side column shows its quote and status), and the interactive map, the one with keyboard
    # stops and a skip link (the server-drawn map, an image with its text alternative, is audited on /zona)
    "map": Visit(query="strategy=2.3&interactive=1"),
    "participate": Visit(prepare=lambda base: f"evento={open_event(base)}"),  # a phone that joined an open event
    # The projector's view: type sized for a hall (28 px and up), the join code as large as a slide allows; a phone
    # is not its screen (phones join on /partecipa), so its layout is not held to 360 px.
    "present": Visit(prepare=lambda base: f"evento={open_event(base)}", login=facilitator_login, phone_layout=False),
    "facilitate": Visit(prepare=lambda base: f"evento={open_event(base)}", login=facilitator_login),  # signed in
    # A table host signed in with the table's PIN: the table's needs and the verbale editor.
    "table_host": Visit(prepare=lambda base: open_table(base), login=lambda page: host_login(page)),
}
_TABLE_PIN: dict[str, str] = {}


def open_table(base_url: str = "") -> str:
    """An open event with one thematic table (and one point in its verbale); the PIN is kept for `host_login`."""
    from psm_data import load_dataset
    from psm_data.events.db import database_for
    from psm_data.events.store import EventStore
    from psm_data.events.tavoli import TableStore

    code = open_event(base_url)
    data = load_dataset()
    store = EventStore(database_for(os.environ["PSM_DB_URL"]), need_ids=tuple(data.needs["need_id"]),
                       axis_ids=data.axis_ids, zone_ids=data.zone_ids)
    tables = TableStore(store, dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True)))
    _table, _TABLE_PIN["pin"] = tables.create_table(code, name="Mobilità", host_name="Giulia", need_ids=["N3.3"])
    tables.save_note(code, 1, kind="key_point", need_id="N3.3", body="Corse serali tra le valli")
    return f"evento={code}&tavolo=1"


def host_login(page: Page) -> None:
    page.get_by_role("textbox", name=re.compile("PIN del tavolo|Table PIN")).fill(_TABLE_PIN["pin"])
    page.get_by_role("button", name=re.compile("^(Entra|Sign in)$")).click()
    page.get_by_role("heading", name=re.compile("Verbale del tavolo|The table's minutes")).wait_for(timeout=30_000)


def page_url(info: PageInfo, *, base_url: str = "", lang: str = "it", projector: bool = False) -> str:
    """The page's address with its visit parameters and the variant (language, projector mode)."""
    visit = VISITS.get(info.key, Visit())
    params = [visit.query] if visit.query else []
    if visit.prepare:
        params.append(visit.prepare(base_url))
    if lang != "it":
        params.append(f"lang={lang}")
    if projector:
        params.append("proj=1")
    path = "/" if info == PAGES[0] else f"/{info.url_path}"
    query = "&".join(p for p in params if p)
    return f"{path}?{query}" if query else path


def open_page(page: Page, info: PageInfo, *, base_url: str = "", lang: str = "it", projector: bool = False) -> None:
    """Go to the page in the given variant and wait until it and its maps are drawn."""
    page.goto(page_url(info, base_url=base_url, lang=lang, projector=projector))
    wait_for_app_ready(page, timeout=60_000)
    visit = VISITS.get(info.key, Visit())
    if visit.login:
        visit.login(page)
        wait_for_app_ready(page, timeout=60_000)
    wait_for_maps(page)


def wait_for_maps(page: Page, timeout: float = 60_000) -> None:
    """Every folium map on the page has drawn its shapes (axe must see the finished map)."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]')].every(f =>
             f.contentDocument && f.contentDocument.querySelector('path.leaflet-interactive'))""",
        timeout=timeout, polling=50)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations on the page, its map frames included."""
    for frame in page.frames[1:]:  # axe in the top frame asks each frame's own axe for its results
        frame.evaluate(_AXE.axe_script)
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                      "resultTypes": ["violations"]})
    return results.response["violations"]


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violated rule with its first offending nodes, for an assertion message."""
    lines = []
    for v in violations:
        nodes = "; ".join(f"{n['target']} {n['html'][:120]}" for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} — {nodes}")
    return "\n".join(lines)


def count_nodes(violations: list[dict[str, Any]]) -> int:
    return sum(len(v["nodes"]) for v in violations)


_HEADINGS_JS = """(root) => [...document.querySelectorAll(root + ' :is(h1,h2,h3,h4,h5,h6)')]
    .filter(h => h.checkVisibility() || h.closest('details'))
    .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""


def heading_problems(page: Page) -> list[str]:
    """Headings that jump more than one level down (h1 → h3), in the main area (which must start with an h1)
    and in the sidebar."""
    problems = []
    for root, first_max in (("[data-testid=stMain]", 1), ("[data-testid=stSidebar]", 2)):
        levels = page.evaluate(_HEADINGS_JS, root)
        previous = first_max - 1
        for level, text in levels:
            if level > previous + 1:
                problems.append(f"{root}: h{level} '{text}' follows h{previous}")
            previous = level
    return problems


_LAYOUT_JS = """() => {
  const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  const main = document.querySelector('[data-testid=stMain]');
  const problems = [];
  const name = (el) => {
    const box = el.closest('[data-testid]');
    return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ?
      '.' + el.className.split(' ')[0] : ''} in ${box ? box.getAttribute('data-testid') : '?'}: ` +
      `"${(el.innerText || el.getAttribute('title') || '').trim().slice(0, 40)}"`;
  };
  for (const [label, el] of [['document', document.scrollingElement], ['main area', main]]) {
    if (el.scrollWidth > el.clientWidth + 1) problems.push(`the ${label} scrolls sideways (${el.scrollWidth} px)`);
  }
  // Inside a box that scrolls sideways on its own, content may extend past the edge: that is the point.
  const inScrollBox = (el) => {
    for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    if (r.right < -1000 || r.left < -1000) continue;  // the visually-hidden idiom (skip links until focused)
    if ((r.left < -1 || r.right > vw + 1) && !inScrollBox(el)) {
      problems.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px, the screen is ${vw} px`);
    }
  }
  // Nothing lies over the content: probe each element block at its left edge and its centre, in its visible part
  // below Streamlit's fixed header (content scrolls under a fixed header: scrolling brings it out).
  const header = document.querySelector('[data-testid=stHeader]');
  const headerBottom = header ? Math.max(header.getBoundingClientRect().bottom, 0) : 0;
  const blocks = [...main.querySelectorAll('[data-testid=stElementContainer]')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width >= 8 && r.height >= 8 && el.checkVisibility();
  });
  for (const el of blocks) {
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    const r = el.getBoundingClientRect();
    const top = Math.max(r.top, headerBottom), bottom = Math.min(r.bottom, vh);
    const y = Math.min(top + Math.min((bottom - top) / 2, 20), vh - 1);  // near the top of its visible part
    for (const x of [r.left + 3, r.left + r.width / 2]) {
      if (x < 0 || x >= vw) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && !el.contains(hit) && !hit.contains(el)) {
        problems.push(`${name(el)} is covered at (${Math.round(x)}, ${Math.round(y)}) by ${name(hit)}`);
        break;
      }
    }
  }
  main.scrollTo(0, 0);
  return problems;
}"""


def layout_problems(page: Page) -> list[str]:
    """What makes the page unusable on a small screen (see the module docstring)."""
    return page.evaluate(_LAYOUT_JS)


_FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (!el.dataset.psmSeen) el.dataset.psmSeen = String(window.__psmSeen = (window.__psmSeen || 0) + 1);
  const r = el.getBoundingClientRect();
  const box = el.closest('[data-testid^=st]');
  return {id: el.getAttribute('data-psm-kb'), seen: el.dataset.psmSeen, tag: el.tagName.toLowerCase(),
          role: el.getAttribute('role') || '',
          testid: box ? box.getAttribute('data-testid') : '', cls: typeof el.className === 'string' ? el.className : '',
          x: r.left, y: r.top, w: r.width, h: r.height,
          text: (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 40)};
}"""

#: Every control a keyboard user must be able to reach: visible, in the tab order (tabindex ≥ 0), one per radio
#: group (the group's other radios are reached with the arrow keys; a test checks that for the language switch).
_MARK_CONTROLS_JS = """() => {
  const sel = 'a[href], button, input, select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"])';
  const roots = [document.querySelector('[data-testid=stMain]'), document.querySelector('[data-testid=stSidebar]')];
  let n = 0; const radioGroups = new Map(); const out = [];
  for (const root of roots) {
    if (!root) continue;
    for (const el of root.querySelectorAll(sel)) {
      if (el.disabled || el.tabIndex < 0 || el.closest('[inert], [aria-hidden=true]')) continue;
      const r = el.getBoundingClientRect();
      const hiddenIdiom = r.right < -1000;  // a skip link: reachable, but out of sight until focused
      if (!hiddenIdiom && (r.width < 1 || r.height < 1 || !el.checkVisibility({visibilityProperty: true}))) continue;
      // A radio group is one Tab stop (arrow keys move inside it): all its radios share one id.
      const group = el.type === 'radio' ? el.name
        : el.getAttribute('role') === 'radio' ? el.closest('[role=radiogroup]') : null;
      if (group && radioGroups.has(group)) { el.setAttribute('data-psm-kb', radioGroups.get(group)); continue; }
      if (group) radioGroups.set(group, String(n));
      el.setAttribute('data-psm-kb', String(n));
      out.push({id: String(n), tag: el.tagName.toLowerCase(), name: el.name || '',
                text: (el.innerText || el.getAttribute('aria-label') || el.title || '').trim().slice(0, 40),
                testid: (el.closest('[data-testid^=st]') || {getAttribute: () => ''}).getAttribute('data-testid')});
      n++;
    }
  }
  return out;
}"""


def mark_controls(page: Page) -> list[dict[str, Any]]:
    """Tag every reachable control of the main area and sidebar with `data-psm-kb` and return them."""
    return page.evaluate(_MARK_CONTROLS_JS)


def focused(page: Page) -> dict[str, Any] | None:
    return page.evaluate(_FOCUS_JS)


def focus_walk(page: Page, max_steps: int,
               on_stop: Callable[[dict[str, Any]], None] | None = None) -> list[dict[str, Any]]:
    """Press Tab up to `max_steps` times from the top of the document; the focused element after each press
    (`on_stop` is called there), until focus comes back to where it started."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    stops: list[dict[str, Any]] = []
    for _ in range(max_steps):
        page.keyboard.press("Tab")
        now = focused(page)
        if now is None:
            continue
        if stops and now["seen"] == stops[0]["seen"]:
            break  # focus went round the page and is back at the first stop
        stops.append(now)
        if on_stop:
            on_stop(now)
    return stops


def focus_is_visible(page: Page) -> bool:
    """Whether the focused element looks different from the same element unfocused (a focus ring, an outline, a
    border colour): the pixels around it are compared with and without focus, then focus is put back. The part
    of the box inside the viewport is compared (the element is scrolled into view by the focus itself)."""
    box = page.evaluate("""() => {
      // A table cell's focus is drawn on the grid's canvas: compare the whole grid.
      const el = document.activeElement;
      const r = (el.closest('[data-testid=stDataFrameResizable]') || el).getBoundingClientRect();
      return {x: Math.max(r.left - 6, 0), y: Math.max(r.top - 6, 0), width: r.width + 12, height: r.height + 12};
    }""")
    viewport = page.viewport_size or DESKTOP
    box["width"] = max(1, min(box["width"], viewport["width"] - box["x"]))
    box["height"] = max(1, min(box["height"], viewport["height"] - box["y"]))
    with_focus = page.screenshot(clip=box, animations="disabled", caret="initial")
    page.evaluate("() => { window.__psmFocus = document.activeElement; document.activeElement.blur(); }")
    without_focus = page.screenshot(clip=box, animations="disabled", caret="initial")
    page.evaluate("() => window.__psmFocus.focus({focusVisible: true})")
    return with_focus != without_focus
