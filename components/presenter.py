"""The projector's slides for a listening event, built from its agenda, and their live parts.

Slides: opening (QR code, join code, address) · what the report says for the event's zones (figures, the map with
zone numbers and names written on it, strategies without projects there) · one slide per need (answer bars hidden
until the facilitator closes it: no bandwagon effect) · the wall of approved texts · closing (consensus, divisive,
to be reworded, consensus across zones). Live parts are fragments that re-run every `LIVE_TTL_S` seconds and
read the aggregates every viewer shares (`live_event`): one set of queries per interval, however many screens.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.data_access import geojson, get_dataset
from components.event_results import approved_texts_html, results_bars_html
from components.events_access import LIVE_TTL_S, LiveEvent, live_event
from components.i18n import t
from components.participation import md, need_texts
from components.public_url import join_url
from components.qr import qr_svg
from components.svg_map import zone_map_svg
from psm_data.analysis import find_gaps, projects_per_zone, zone_axis_matrix
from psm_data.events.results import ranked, zone_summary
from psm_data.events.store import Event


@dataclass(frozen=True)
class Slide:
    kind: str  # opening | report | need | wall | closing
    need_id: str = ""


def slides_for(agenda_need_ids: list[str]) -> list[Slide]:
    return [Slide("opening"), Slide("report"), *(Slide("need", n) for n in agenda_need_ids), Slide("wall"),
            Slide("closing")]


def _big(text: str, size: float = 1.0, weight: int = 400) -> str:
    return f'<p style="font-size:{size}em;font-weight:{weight};margin:0.2em 0;line-height:1.25">{text}</p>'


# ---------------------------------------------------------------------------------------------- slides
def opening(event: Event) -> None:
    url = join_url(event.code)
    st.title(md(event.title))
    details = " · ".join([event.event_date, *([event.place] if event.place else [])])
    st.html(_big(html.escape(details), 1.0))
    left, right = st.columns([2, 3], vertical_alignment="center")
    with left:
        st.html(qr_svg(url, label=t("qr_label", url=url), scale=10, width="min(100%, 56vh)"))
    with right:
        st.html(_big(html.escape(t("pr_join_with")), 1.0)
                + _big(f'<span style="font-family:monospace;letter-spacing:0.12em">{html.escape(event.code)}</span>',
                       2.6, 700)
                + _big(html.escape(t("pr_or_open")), 0.9)
                + _big(f'<span style="font-family:monospace;word-break:break-all">{html.escape(url)}</span>', 1.0, 600)
                + _big(html.escape(t("pr_anonymous")), 1.0))


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
        notes = {z: t("pr_map_count_one" if counts.get(z, 0) == 1 else "pr_map_count", n=int(counts.get(z, 0)))
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
        st.html(_big(html.escape(t("pr_projects_in_zones", n=in_zones)), 1.0, 700)
                + _big(html.escape(t("pr_strategies_missing", n=len(missing), total=len(data.strategies))), 1.0, 700)
                + _big(ids, 1.0) + _big(html.escape(t("pr_empty_axes", n=empty)), 1.0))
        key = ", ".join(f"{z} {names[z]}" for z in drawn.numbered_only)  # beside the map, which keeps the height
        parts = [t("pr_map_caption"), t("pr_map_caption_grey") if (counts.reindex(data.zone_ids) == 0).any() else "",
                 t("pr_map_caption_focus") if zones else "", t("pr_map_key", zones=key) if key else ""]
        st.caption(" ".join(p for p in parts if p))  # only what this map shows: the slide must fit 720 px


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
        st.html(_big(html.escape(t("pr_answered", n=voters)), 1.2, 700) + _big(html.escape(state), 1.0))
        return
    st.html(results_bars_html(row, large=True))
    by_zone = _zone_split(live, need_id)
    if len(by_zone):
        st.html(by_zone_html(by_zone))


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


@st.fragment(run_every=LIVE_TTL_S)
def wall(code: str) -> None:
    live = live_event(code)
    if live is None:
        return
    st.header(t("pr_wall_title", n=len(live.approved)))
    st.caption(t("participants_data"))
    if live.approved.empty:
        st.html(_big(html.escape(t("pr_wall_empty")), 0.8))
        return
    newest = live.approved.sort_values("created_at", ascending=False).head(6)
    st.html(approved_texts_html(newest, large=True))


@st.fragment(run_every=LIVE_TTL_S)
def closing(code: str) -> None:
    live = live_event(code)
    if live is None:
        return
    st.header(t("pr_closing_title"))
    st.caption(t("participants_data"))
    titles = {n: v.title for n, v in need_texts().items()}
    blocks = []
    for kind in ("consensus", "divisive", "unclear", "zones"):
        chosen = ranked(live.results, kind, n=2)
        if chosen.empty:
            lines = f"<li>{html.escape(t('pr_none_yet'))}</li>"
        else:
            lines = "".join(
                f"<li><b>{html.escape(r['need_id'])}</b> {html.escape(_short(titles[r['need_id']]))}<br>"
                + html.escape(t("pr_closing_figures", agreement=_percent(r["agreement"]), voters=int(r["voters"]),
                                stars=int(r["stars"])))
                + (f" · {html.escape(t('pr_zone_consensus_short', value=r['zone_consensus']))}" if kind == "zones"
                   else "") + "</li>" for r in chosen.to_dict("records"))
        blocks.append(f'<div style="flex:1 1 45%;min-width:14em"><p style="font-weight:700;margin:0.2em 0">'
                      f'{html.escape(t("pr_list_" + kind))}</p><ul style="font-size:1em;padding-left:1em;'
                      f'margin:0;line-height:1.2">{lines}</ul></div>')
    st.html(f'<div style="display:flex;flex-wrap:wrap;gap:0.3em 1.2em">{"".join(blocks)}</div>')
    st.html(_big(html.escape(t("pr_participants", n=live.participants)), 1.0))


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _percent(value: object) -> str:
    return "—" if pd.isna(value) else f"{float(value) * 100:.0f}%"
