"""The process's public page (no password): the events to come (date, place, zones, how to take part, QR) and,
for each event the facilitator published, participation per zone, each need's result and outcome with its note,
and the approved proposals. Nothing unapproved, no single answer, nothing that identifies a phone: only counts per
zone and per need, and texts the facilitator approved. Every text is escaped; the page is one plain HTML block
that fits a phone and prints cleanly."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components.data_access import get_dataset
from components.events.access import get_store
from components.events.public_url import join_url
from components.events.qr import qr_svg
from components.i18n import format_date, format_decimal, t, tn
from psm_data.events.errors import EventError
from psm_data.events.results import need_summary
from psm_data.events.store import Event, EventStore, today
from psm_data.events.turnout import NO_ZONE

STYLE = """<style>
.psm-public{font-size:1rem;line-height:1.45;max-width:48rem;overflow-wrap:anywhere}
.psm-public section{border-top:1px solid #bbb;padding:.6rem 0 1rem;break-inside:avoid-page}
.psm-public h3{font-size:1.2rem;margin:.2rem 0}
.psm-public table{border-collapse:collapse;width:100%;font-size:.95rem}
.psm-public td,.psm-public th{border-bottom:1px solid #ddd;padding:.2rem .3rem;text-align:left;vertical-align:top}
.psm-public .qr{float:right;margin:0 0 .5rem .5rem;width:8rem}
.psm-public blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid #888}
.psm-public .who{font-size:.85rem;font-style:italic}
@media print{.psm-public{max-width:none}.psm-public .qr{width:5cm}}
</style>"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def upcoming(events: list[Event]) -> list[Event]:
    """Events still to come or open online: not rehearsals, not archived; an event closed in the hall is no longer
    to come (even on its own day), unless its online window is running or still ahead."""
    day = today().isoformat()
    return [e for e in events if not e.is_rehearsal and not e.archived
            and ((e.status != "closed" and e.event_date >= day) or e.status == "open" or e.online_open
                 or (e.online_from or "") > day)]


def published(events: list[Event]) -> list[Event]:
    return [e for e in events if e.published and not e.is_rehearsal]


def _zones(event: Event, names: dict[str, str]) -> str:
    return ", ".join(f"{z} · {names.get(z, '')}" for z in event.zone_ids) or t("all_zones")


def upcoming_html(event: Event, names: dict[str, str]) -> str:
    url = join_url(event.code)
    how = [t("pub_how_hall", place=event.place or "–", date=format_date(event.event_date))]
    if event.online_from and event.online_until:
        how.append(t("pub_how_online", start=format_date(event.online_from), until=format_date(event.online_until)))
    return (f'<section><div class="qr">{qr_svg(url, label=t("pub_qr_alt", title=event.code), width="100%")}</div>'
            f"<h3>{_e(event.title)}</h3>"
            f"<p><b>{_e(format_date(event.event_date))}</b> · {_e(event.place)}<br>"
            f"{_e(t('pub_zones'))}: {_e(_zones(event, names))}</p>"
            + "".join(f"<p>{_e(h)}</p>" for h in how)
            + f"<p>{_e(t('pub_address'))}: <b>{_e(url)}</b> · {_e(t('pub_code'))}: <b>{_e(event.code)}</b></p>"
            "</section>")


def outcome_html(store: EventStore, event: Event, names: dict[str, str], titles: dict[str, str]) -> str:
    parts = [f"<section><h3>{_e(event.title)}</h3><p><b>{_e(format_date(event.event_date))}</b> · "
             f"{_e(event.place)} · {_e(t('pub_zones'))}: {_e(_zones(event, names))}</p>"]
    if event.results_hidden:
        parts.append(f"<p>{_e(t('pub_results_later'))}</p></section>")
        return "".join(parts)
    people = store.participants_frame([event.code])
    zones = people["zone_id"].fillna(NO_ZONE).astype(str).value_counts()
    rows = "".join(f"<tr><td>{_e(f'{z} · {names.get(z, z)}' if z else t('w_no_zone'))}</td><td>{int(n)}</td></tr>"
                   for z, n in zones.items())
    parts.append(f"<p>{_e(tn('pub_participants', len(people)))}</p>"
                 f"<table><tr><th>{_e(t('tp_zone'))}</th><th>{_e(t('tp_participants'))}</th></tr>{rows}</table>")
    agenda = store.agenda(event.code)
    results = need_summary(store.answers_frame([event.code]), [i.need_id for i in agenda]).set_index("need_id")
    rows = []
    for item in agenda:
        result = results.loc[item.need_id]
        share = "–" if pd.isna(result["agreement"]) else format_decimal(100 * result["agreement"], 0) + " %"
        outcome = t("outcome_" + item.outcome) if item.outcome else t("pub_no_outcome")
        note = f"<br><i>{_e(item.outcome_note)}</i>" if item.outcome_note else ""
        rows.append(f"<tr><td><b>{_e(item.need_id)}</b> {_e(titles.get(item.need_id, ''))}</td>"
                    f"<td>{int(result['voters'])} · {_e(share)} · {_e(t('label_' + result['label']))}</td>"
                    f"<td>{_e(outcome)}{note}</td></tr>")
    parts.append(f"<h4>{_e(t('pub_results'))}</h4><table><tr><th>{_e(t('tp_need'))}</th>"
                 f"<th>{_e(t('pub_result'))}</th><th>{_e(t('pub_outcome'))}</th></tr>{''.join(rows)}</table>")
    texts = store.texts_frame([event.code], status="approved")
    proposals = texts[texts["kind"] == "proposal"]
    if len(proposals):
        items = "".join(
            f"<blockquote><span class='who'>{_e(t('written_by_participant'))}"
            + (f" · {_e(t('pub_for_need', need=row.need_id))}" if row.need_id else "")
            + f"</span><br>{_e(row.body)}</blockquote>" for row in proposals.itertuples())
        parts.append(f"<h4>{_e(t('pub_proposals'))}</h4>{items}")
    parts.append("</section>")
    return "".join(parts)


def public_page() -> None:
    st.title(t("pub_title"))
    st.caption(t("pub_intro"))
    store = get_store()
    data = get_dataset()
    names = dict(zip(data.zones["zone_id"].astype(str), data.zones["name"], strict=True))
    titles = dict(zip(data.needs["need_id"], data.needs["title"], strict=True))
    try:
        events = store.events()
        coming = sorted(upcoming(events), key=lambda e: e.event_date)
        done = published(events)
        body = [STYLE, '<div class="psm-public">', f"<h2>{_e(t('pub_upcoming'))}</h2>"]
        body += [upcoming_html(e, names) for e in coming] or [f"<p>{_e(t('pub_none_upcoming'))}</p>"]
        body.append(f"<h2>{_e(t('pub_outcomes'))}</h2>")
        body += [outcome_html(store, e, names, titles) for e in done] or [f"<p>{_e(t('pub_none_published'))}</p>"]
        body.append(f"<p class='who'>{_e(t('pub_footer'))}</p></div>")
    except EventError:
        st.info(t("err_store_unavailable"), icon=":material/cloud_off:")
        return
    st.html("".join(body))
