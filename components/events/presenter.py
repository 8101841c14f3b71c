"""The projector's slides for a listening event, built from its agenda, and their live parts.

Slides: opening (QR code, join code, address) · what the report says for the event's zones (figures, the map with
zone numbers and names written on it, strategies without projects there) · one slide per need (answer bars hidden
until the facilitator closes it: no bandwagon effect) · the wall of approved texts · closing (consensus, divisive,
to be reworded, consensus across zones). Live parts are fragments that re-run every `LIVE_TTL_S` seconds and
read the aggregates every viewer shares (`live_event`): one set of queries per interval, however many screens.
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.data_access import geojson, get_dataset
from components.events.access import LIVE_TTL_S, LiveEvent, live_event
from components.events.participation import md, need_texts
from components.events.public_url import address_notice, join_url
from components.events.qr import qr_svg
from components.events.results import approved_texts_html, results_bars_html
from components.i18n import format_date, format_decimal, t, tn
from components.svg_map import zone_map_svg
from psm_data.analysis import find_gaps, projects_per_zone, zone_axis_matrix
from psm_data.events.results import ranked, zone_summary
from psm_data.events.store import Event


@dataclass(frozen=True)
class Slide:
    kind: str  # opening | report | need | table | wall | closing
    need_id: str = ""
    table_no: int = 0


def slides_for(agenda_need_ids: list[str], tables: dict[int, tuple[str, ...]] | None = None) -> list[Slide]:
    """With thematic tables (`{table number: its needs}`): the plenary's needs, then one report-back per table,
    before the wall and the closing; a table's needs are reported by its table."""
    at_tables = {n for needs in (tables or {}).values() for n in needs}
    return [Slide("opening"), Slide("report"), *(Slide("need", n) for n in agenda_need_ids if n not in at_tables),
            *(Slide("table", table_no=no) for no in sorted(tables or {})), Slide("wall"), Slide("closing")]


def _big(text: str, size: float = 1.0, weight: int = 400) -> str:
    return f'<p style="font-size:{size}em;font-weight:{weight};margin:0.2em 0;line-height:1.25">{text}</p>'


def rehearsal_badge(event: Event) -> None:
    """PROVA in a corner of every slide of a rehearsal: fixed, so it takes no room from the slide."""
    if event.is_rehearsal:
        st.html('<div role="status" style="position:fixed;top:0.6rem;right:0.8rem;z-index:1000;padding:0.15em 0.6em;'
                'border:3px solid #b3261e;border-radius:0.3em;background:#fff;color:#b3261e;font-weight:800;'
                f'font-size:1.4rem;letter-spacing:0.08em">{html.escape(t("ev_rehearsal_tag"))}</div>')


# ---------------------------------------------------------------------------------------------- slides
def opening(event: Event) -> None:
    url = join_url(event.code)
    st.title(md(event.title))
    details = " · ".join([format_date(event.event_date), *([event.place] if event.place else [])])
    st.html(_big(html.escape(details), 1.0))
    left, right = st.columns([2, 3], vertical_alignment="top")
    with left:
        st.html(qr_svg(url, label=t("qr_label", url=url), scale=10, width="min(100%, 48vh)"))
    with right:
        st.html(_big(html.escape(t("pr_join_with")), 0.9)
                + _big(f'<span style="font-family:monospace;letter-spacing:0.12em">{html.escape(event.code)}</span>',
                       2.3, 700)
                + _big(html.escape(t("pr_or_open")), 0.8)
                + _big(_unbroken_url(url), 0.75, 600)
                + _big(html.escape(t("pr_anonymous")), 0.8))
        address_notice("pr_public_address", compact=True)  # one line, under the address it is about


def _unbroken_url(url: str) -> str:
    """The join address on as few lines as it takes, broken only after a '/' or before the '?', never inside a
    word or the code (a `<wbr>` is the only place the browser may break it)."""
    cut = [html.escape(part) for part in url.replace("?", "\0?").replace("/", "/\0").split("\0")]
    return f'<span style="font-family:monospace;white-space:nowrap">{"<wbr>".join(cut)}</span>'


def report_for_zones(event: Event) -> None:
    """The report's facts for the event's zones (all zones when it names none): figures, map, gaps."""
    data = get_dataset()
    names = dict(zip(data.zones["zone_id"], data.zones["name"], strict=True))
    zones = tuple(event.zone_ids)
    st.header(t("pr_report_title", zones=", ".join(f"{z} · {names[z]}" for z in zones) if zones else t("all_zones")))
    st.caption(t("pr_report_source"))
    counts = projects_per_zone(data.projects, data.zones).set_index("zone_id")["n_projects"]
    gaps = find_gaps(data.strategies, data.projects, data.zones, data.axis_ids, zones)
    missing = [g for g in gaps if g.kind in ("strategy_no_actions", "strategy_not_in_selection")]
    empty_axes = zone_axis_matrix(data.projects, data.zones, data.axis_ids, zones)
    left, right = st.columns([3, 2])
    with left:
        # The event's zones carry their count on the map and in the text alternative: colour is never the only cue.
        notes = {z: tn("pr_map_count", int(counts.get(z, 0)))
                 for z in (zones or data.zone_ids)}
        label = t("pr_map_label", zones=", ".join(f"{z} · {names[z]} ({notes[z]})" for z in zones) if zones
                  else t("all_zones"))
        drawn = zone_map_svg(geojson("zones"), counts.to_dict(), names=names, focus=zones, label=label,
                             width=900, height=640, font_px=46, notes=notes)
        st.html(drawn.html)
    with right:
        shown = set(zones or data.zone_ids)
        in_zones = sum(bool(shown & set(ids)) for ids in data.projects["zone_ids"])  # each project once
        ids = " ".join(f'<span style="display:inline-block;border:2px solid #555;border-radius:0.3em;'
                       f'padding:0 0.25em;margin:0.1em">{html.escape(g.strategy_id)}</span>' for g in missing)
        empty = int((empty_axes == 0).to_numpy().sum())
        st.html(_big(html.escape(tn("pr_projects_in_zones", in_zones)), 0.9, 700)
                + _big(html.escape(tn("pr_strategies_missing", len(missing), total=len(data.strategies))), 0.9, 700)
                + _big(ids, 0.8) + _big(html.escape(t("pr_empty_axes", n=empty)), 0.9))
        key = ", ".join(f"{z} {names[z]}" for z in drawn.numbered_only)  # beside the map, which keeps the height
        parts = [t("pr_map_caption"), t("pr_map_caption_grey") if (counts.reindex(data.zone_ids) == 0).any() else "",
                 t("pr_map_caption_focus") if zones else "", t("pr_map_key", zones=key) if key else ""]
        # only what this map shows, small: the slide must fit 720 px with the buttons
        st.html(f'<p style="font-size:0.62em;line-height:1.25;color:#4a4f5c;margin:0.3em 0 0 0">'
                f'{html.escape(" ".join(p for p in parts if p))}</p>')


def need_slide(code: str, need_id: str, position: int, total: int) -> None:
    """The need, then its live part: while open its proposals and how many answered; once closed the results."""
    need = need_texts()[need_id]
    st.caption(t("pr_need_position", n=position, total=total, axis=need.axis_id))
    st.html(_big(f"<b>{html.escape(need.need_id)}</b> — {html.escape(need.title)}", 1.1, 600))
    need_live(code, need_id)


@st.fragment(run_every=LIVE_TTL_S)
def need_live(code: str, need_id: str) -> None:
    live = live_event(code)
    if live is None:
        return
    item = next((i for i in live.agenda if i.need_id == need_id), None)
    row = live.results.set_index("need_id").loc[need_id]
    voters = int(row["voters"])
    if item is None or item.status != "closed":
        need = need_texts()[need_id]
        if need.proposals:
            items = "".join(f"<li><b>{html.escape(letter)})</b> {html.escape(text)}</li>"
                            for letter, text in need.proposals)
            st.html(f'<ul style="font-size:1em;margin:0.2em 0 0.4em 0;padding-left:1em;line-height:1.25">{items}</ul>')
        state = t("pr_item_open") if item is not None and item.status == "open" else t("pr_item_pending")
        st.html(_big(html.escape(tn("pr_answered", voters)), 1.2, 700) + _big(html.escape(state), 1.0))
        return
    by_zone = _zone_split(live, need_id)
    if not len(by_zone):
        st.html(results_bars_html(row, large=True))
        return
    bars, zones = st.columns([3, 2], gap="medium")  # side by side: the slide keeps its 720 px
    bars.html(results_bars_html(row, large=True))
    zones.html(f'<div class="psm-fit" style="font-size:0.8em">{by_zone_html(by_zone)}</div>')


def _zone_split(live: LiveEvent, need_id: str) -> pd.DataFrame:
    frame = live.counts[live.counts["need_id"] == need_id]
    return zone_summary(frame) if len(frame) else pd.DataFrame()


def by_zone_html(by_zone: pd.DataFrame) -> str:
    """The split by declared zone: a real table (answers, agreement), readable from the back of the hall."""
    names = dict(zip(get_dataset().zones["zone_id"], get_dataset().zones["name"], strict=True))
    rows = []
    for r in by_zone.sort_values("voters", ascending=False).itertuples():
        zone = f"{r.zone_id} · {names.get(r.zone_id, '')}" if r.zone_id else t("pr_zone_undeclared")
        agreement = "—" if pd.isna(r.agreement) else f"{r.agreement * 100:.0f}%"
        rows.append(f"<tr><th scope='row' style='text-align:left;font-weight:400'>{html.escape(zone)}</th>"
                    f"<td style='text-align:right'>{int(r.voters)}</td><td style='text-align:right'>{agreement}</td>"
                    f"<td style='text-align:right'>{int(r.stars)}</td></tr>")
    head = (f"<tr><th scope='col' style='text-align:left'>{html.escape(t('col_zone'))}</th>"
            f"<th scope='col'>{html.escape(t('r_col_voters'))}</th>"
            f"<th scope='col'>{html.escape(t('r_col_agreement'))}</th><th scope='col'>★</th></tr>")
    return (f'<table style="font-size:1em;border-collapse:collapse;margin-top:0.3em" cellpadding="4">'
            f"<caption style='text-align:left;font-weight:700'>{html.escape(t('pr_by_zone'))}</caption>"
            f"{head}{''.join(rows[:4])}</table>")


#: Characters of participants' text one wall page holds at 1280×720 (a text counts at least WALL_MIN_CHARS).
WALL_BUDGET, WALL_MIN_CHARS, WALL_PAGE_S = 620, 140, 12


def wall_pages(lengths: list[int]) -> list[range]:
    """Consecutive texts grouped so each page fits the slide: at most WALL_BUDGET characters (short texts count
    WALL_MIN_CHARS), and a long text alone on its page. Every text is on exactly one page."""
    pages: list[range] = []
    start, used = 0, 0
    for i, length in enumerate(lengths):
        cost = max(length, WALL_MIN_CHARS) + 40
        if i > start and used + cost > WALL_BUDGET:
            pages.append(range(start, i))
            start, used = i, 0
        used += cost
    if start < len(lengths):
        pages.append(range(start, len(lengths)))
    return pages


@st.fragment(run_every=LIVE_TTL_S)
def wall(code: str) -> None:
    """Every approved text, newest first, a page at a time: the wall turns its page by itself every WALL_PAGE_S
    seconds (every projector in step), and says which texts it shows of how many."""
    live = live_event(code)
    if live is None:
        return
    st.header(t("pr_wall_title", n=len(live.approved)))
    if live.approved.empty:
        st.caption(t("participants_data"))
        st.html(_big(html.escape(t("pr_wall_empty")), 0.8))
        return
    newest = live.approved.sort_values("created_at", ascending=False).reset_index(drop=True)
    pages = wall_pages([len(str(b)) for b in newest["body"]])
    shown = pages[int(time.time() // WALL_PAGE_S) % len(pages)]
    st.caption(t("participants_data") + " · " + t("pr_wall_page", first=shown.start + 1, last=shown.stop,
                                                   total=len(newest), page=pages.index(shown) + 1, pages=len(pages)))
    st.html(f'<div class="psm-fit" style="font-size:0.8em">'
            f'{approved_texts_html(newest.iloc[shown.start:shown.stop], large=False)}</div>')


CLOSING_PAGE = 2  # needs per list at a time: four lists and the outcomes fit 1280×720


def _closing_step(kind: str, total: int) -> None:
    key = f"_pr_closing_{kind}"
    st.session_state[key] = (st.session_state.get(key, 0) + CLOSING_PAGE) % max(total, 1)


@st.fragment(run_every=LIVE_TTL_S)
def closing(code: str) -> None:
    """What the answers say (automatic readings, each list with its count and a button to step through the rest),
    then, under their own heading, the outcomes the facilitator set in the room."""
    live = live_event(code)
    if live is None:
        return
    st.header(t("pr_closing_title"))
    st.caption(t("participants_data") + " · " + tn("pr_participants_n", live.participants))
    titles = {n: v.title for n, v in need_texts().items()}
    st.html(f'<p style="font-weight:700;margin:0.1em 0;font-size:0.8em">{html.escape(t("pr_readings_heading"))}</p>')
    columns = st.columns(4, gap="small")
    for column, kind in zip(columns, ("consensus", "divisive", "unclear", "zones"), strict=True):
        everything = ranked(live.results, kind, n=len(live.results))
        total = len(everything)
        first = st.session_state.get(f"_pr_closing_{kind}", 0)
        first = first if first < total else 0
        chosen = everything.iloc[first:first + CLOSING_PAGE]
        if chosen.empty:
            lines = f"<li>{html.escape(t('pr_none_yet'))}</li>"
        else:
            lines = "".join(_closing_line(r, titles, kind) for r in chosen.to_dict("records"))
        where = (t("pr_list_range", first=first + 1, last=first + len(chosen), total=total)
                 if total > CLOSING_PAGE else "")
        with column:
            st.html(f'<div class="psm-fit" style="font-size:0.62em"><p style="font-weight:700;margin:0.1em 0">'
                    f'{html.escape(t("pr_list_" + kind + "_auto"))} ({total})</p>'
                    + (f'<p style="margin:0;color:#4a4f5c">{html.escape(where)}</p>' if where else "")
                    + f'<ul style="padding-left:1em;margin:0;line-height:1.2">{lines}</ul></div>')
            if total > CLOSING_PAGE:
                st.button(t("pr_list_more"), key=f"pr_more_{kind}", icon=":material/unfold_more:",
                          on_click=_closing_step, args=(kind, total), help=t("pr_list_more_help"))
    st.html(f'<p style="font-size:0.55em;margin:0.2em 0;color:#4a4f5c">{html.escape(t("pr_zones_explained"))}</p>')
    st.html(_outcomes_html(live))


def _closing_line(r: dict, titles: dict[str, str], kind: str) -> str:
    figures = t("pr_closing_figures", agreement=_percent(r["agreement"]), voters=int(r["voters"]),
                stars=int(r["stars"]))
    if kind == "zones":
        figures += " · " + t("pr_zone_consensus_value", value=format_decimal(float(r["zone_consensus"])))
    if kind == "unclear":
        figures += " · " + tn("pr_unclear_count", int(r["n_unclear"]))
    return (f"<li><b>{html.escape(r['need_id'])}</b> {html.escape(_short(titles[r['need_id']], 30))}<br>"
            f"{html.escape(figures)}</li>")


def _outcomes_html(live: LiveEvent) -> str:
    """The facilitator's decisions, by outcome: distinct words and heading from the automatic readings."""
    decided: dict[str, list[str]] = {}
    for item in live.agenda:
        if item.outcome:
            decided.setdefault(item.outcome, []).append(item.need_id)
    if decided:
        body = " · ".join(f"<b>{html.escape(t('outcome_' + outcome))}</b>: {html.escape(', '.join(ids))}"
                          for outcome, ids in decided.items())
    else:
        body = html.escape(t("pr_outcomes_none"))
    return (f'<div class="psm-fit" style="font-size:0.66em;border-top:2px solid #005A8C;margin-top:0.2em;'
            f'padding-top:0.2em">'
            f'<p style="font-weight:700;margin:0">{html.escape(t("pr_outcomes_heading"))}</p>'
            f'<p style="margin:0">{body}</p></div>')


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _percent(value: object) -> str:
    return "—" if pd.isna(value) else f"{float(value) * 100:.0f}%"
