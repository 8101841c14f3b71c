"""*Partecipazione* (planners) and *Zona*'s small section: who took part per declared zone, per 10 000
inhabitants, by role and channel, and each need's agreement as answered beside agreement with every zone weighing
the same. Numbers from psm_data/events/turnout.py; always labelled as participants' answers."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from components.data_access import geojson, get_dataset
from components.events.access import _schema_current, _store, get_store
from components.i18n import format_decimal, t, tn
from components.maps import geojson_download
from components.svg_map import zone_map_svg
from components.tables import show_html_table, show_table
from psm_data import geo_export
from psm_data.events.db import database_url
from psm_data.events.errors import EventError
from psm_data.events.results import zone_summary
from psm_data.events.store import PARTICIPANT_COLUMNS, Event, EventStore
from psm_data.events.turnout import MIN_ZONE_VOTERS, balanced_agreement, by_role_and_origin, per_zone, undeclared
from psm_data.events.vocabulary import ORIGINS, ROLE_LABELS_IT

ALL = "__all__"


def counted_events(store: EventStore) -> list[Event]:
    """The events a planner may read: counted ones (no rehearsal, not archived) whose results are not hidden."""
    counted = set(store.counted_event_ids())
    return [e for e in store.events() if e.event_id in counted]


def _percent(value: float) -> str:
    return "–" if pd.isna(value) else format_decimal(100 * value, 1) + " %"


def participation_page() -> None:
    st.title(t("tp_title"))
    st.caption(t("tp_intro"))
    store = get_store()
    try:
        events = counted_events(store)
    except EventError:
        st.info(t("err_store_unavailable"), icon=":material/cloud_off:")
        return
    if not events:  # the map still says which zones are unheard: all of them
        st.info(t("tp_no_events"), icon=":material/info:")
        zone_section(pd.DataFrame(columns=PARTICIPANT_COLUMNS))
        return
    labels = {ALL: t("tp_all_events"), **{e.code: f"{e.event_date} · {e.title}" for e in events}}
    choice = st.selectbox(t("tp_event"), tuple(labels), key="tp_event", format_func=labels.__getitem__)
    codes = [e.code for e in events] if choice == ALL else [choice]
    people = store.participants_frame(codes)
    answers = store.answers_frame(codes)
    st.warning(t("tp_label"), icon=":material/groups:")
    cols = st.columns(1 + len(ORIGINS))
    cols[0].metric(t("tp_participants"), len(people))
    for col, origin in zip(cols[1:], ORIGINS, strict=True):
        col.metric(t(f"tp_origin_{origin}"), int((people["origin"] == origin).sum()))
    zone_section(people)
    st.header(t("tp_roles"))
    roles = by_role_and_origin(people)
    roles["role"] = roles["role"].map(lambda r: ROLE_LABELS_IT.get(r, t("tp_no_role")))
    show_table(roles.rename(columns={"role": t("tp_role"), **{o: t(f"tp_origin_{o}") for o in ORIGINS}}),
               key="tp_roles", file_name="psm_partecipanti_ruoli_canali.csv")
    agreement_section(answers, store, codes)


def zone_section(people: pd.DataFrame) -> None:
    data = get_dataset()
    names = dict(zip(data.zones["zone_id"].astype(str), data.zones["name"], strict=True))
    population = data.zones.set_index(data.zones["zone_id"].astype(str))["population"]
    table = per_zone(people, population)
    st.header(t("tp_map_header"))
    notes = {z: tn("tp_map_note", int(n)) for z, n in zip(table["zone_id"], table["participants"], strict=True)}
    unheard = [f"{z} · {names[z]}" for z in table.loc[table["unheard"], "zone_id"]]
    label = t("tp_map_label", zones=", ".join(f"{z} · {names[z]} ({notes[z]})" for z in table["zone_id"]))
    drawn = zone_map_svg(geojson("zones"), dict(zip(table["zone_id"], table["per_10k"], strict=True)), names=names,
                         label=label, notes=notes, width=900, height=620)
    st.html(drawn.html)
    st.caption(t("tp_map_caption"))
    geojson_download(lambda: geo_export.zones_collection(geojson("zones"), table, source="participants", view={}),
                     label=t("geo_download_participants"), key="tp_zones", file_name="psm_partecipazione_zone.geojson")
    if unheard:
        st.warning(t("tp_unheard", zones=", ".join(unheard)), icon=":material/hearing_disabled:")
    if (missing := undeclared(people)):
        st.caption(tn("tp_undeclared", missing))
    shown = pd.DataFrame({
        t("tp_zone"): [f"{z} · {names[z]}" for z in table["zone_id"]],
        t("tp_participants"): table["participants"],
        t("tp_per_10k"): table["per_10k"].map(lambda v: format_decimal(v, 2)),
        t("tp_share_participants"): table["participants_share"].map(_percent),
        t("tp_share_population"): table["population_share"].map(_percent),
        t("tp_heard"): table["unheard"].map(lambda u: t("tp_nobody") if u else ""),
    })
    show_table(shown, key="tp_zones", file_name="psm_partecipanti_per_zona.csv")


def agreement_section(answers: pd.DataFrame, store: EventStore, codes: list[str]) -> None:
    st.header(t("tp_agreement_header"))
    st.caption(t("tp_agreement_help", n=MIN_ZONE_VOTERS))
    data = get_dataset()
    titles = dict(zip(data.needs["need_id"], data.needs["title"], strict=True))
    needs = list(dict.fromkeys(store.outcomes_frame(codes)["need_id"]))
    table = balanced_agreement(answers, needs)
    shown = pd.DataFrame({
        t("tp_need"): [f"{n} · {titles.get(n, '')[:60]}" for n in table["need_id"]],
        t("tp_voters"): table["voters"],
        t("tp_agreement_answered"): table["agreement"].map(_percent),
        t("tp_agreement_balanced"): table["agreement_zone_balanced"].map(_percent),
        t("tp_zones_used"): table["zones_used"].str.replace(";", ", "),
        t("tp_zones_left_out"): table["zones_left_out"].str.replace(";", ", "),
    })
    show_table(shown, key="tp_agreement", file_name="psm_partecipanti_accordo_zone.csv")


def zone_participation(zone_id: str) -> None:
    """*Zona*'s section: how many declared this zone, and how they answered (counted events only)."""
    url = database_url()
    try:  # never stops *Zona*: the report's facts show even when the events database is down
        if not _schema_current(url):
            return
        store = _store(url)
        codes = [e.code for e in counted_events(store)]
        if not codes:
            return
        people = store.participants_frame(codes)
        answers = store.answers_frame(codes)
    except Exception:  # noqa: BLE001 - any store or driver fault: the section is left out
        return
    title = t("tp_zone_header")
    st.subheader(title)
    mine = people[people["zone_id"].astype(str) == str(zone_id)]
    st.caption(tn("tp_zone_count", len(mine), events=len(codes)))
    rows = zone_summary(answers)
    rows = rows[rows["zone_id"].astype(str) == str(zone_id)]
    if rows.empty:
        return
    # An HTML table (components/tables.py), as every table of *Zona*: the page loads no data grid.
    show_html_table(pd.DataFrame({
        t("tp_need"): rows["need_id"], t("tp_voters"): rows["voters"],
        t("tp_agreement_answered"): rows["agreement"].map(_percent),
    }), key="tp_zone_results", file_name=f"psm_partecipanti_zona_{zone_id}.csv", caption=title, max_height=None)
    st.caption(html.escape(t("tp_label")))
