"""How the room's answers are shown: accessible HTML bars (counts written in, a text line beside them) and tables.

Used by the facilitator, the presenter and the explorer's *Esigenze* page, always labelled as participants'
answers, never as the report's facts. All text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from components import state
from components.events.access import LIVE_TTL_S, _store, explorer_results
from components.i18n import format_date, t, tn
from components.strings import STRINGS
from components.tables import download_csv
from psm_data import Dataset
from psm_data.analysis import zone_axis_matrix
from psm_data.events.db import database_url
from psm_data.events.errors import EventError
from psm_data.events.results import convergent_needs
from psm_data.events.vocabulary import ANSWERS, MIN_VOTERS, ORIGINS
from psm_data.palette import ANSWER_COLORS

# Okabe–Ito, colour-blind safe; text colour chosen for contrast ≥ 4.5:1 on each fill.


def summary_sentence(row: Mapping[str, object]) -> str:
    """The text alternative of one need's bar: counts, agreement, ★ and the label."""
    voters = int(row["voters"])
    if voters == 0:
        return t("r_no_votes", stars=int(row["stars"]))
    parts = ", ".join(f"{t('answer_' + a)} {int(row['n_' + a])}" for a in ANSWERS)
    agreement = row["agreement"]
    share = "—" if pd.isna(agreement) else f"{float(agreement) * 100:.0f}%"
    return t("r_sentence", voters=tn("n_answers", voters), parts=parts, agreement=share, stars=int(row["stars"]),
             label=t("label_" + str(row["label"]), min=MIN_VOTERS))


def results_bars_html(row: Mapping[str, object], *, large: bool = False) -> str:
    """One need's answers as a stacked bar with counts written in, and the sentence under it."""
    voters = int(row["voters"])
    size = "1.35em" if large else "1em"
    segments = []
    for answer in ANSWERS:
        n = int(row["n_" + answer])
        if not n:
            continue
        fill, ink = ANSWER_COLORS[answer]
        segments.append(
            f'<span style="flex:{n};background:{fill};color:{ink};padding:0.15em 0.3em;overflow:hidden;'
            f'white-space:nowrap;text-overflow:clip" title="{html.escape(t("answer_" + answer))}: {n}">'
            f'{html.escape(t("answer_" + answer)) if n / max(voters, 1) > 0.18 else ""} {n}</span>')
    bar = ("".join(segments) if segments else
           f'<span style="flex:1;background:#f0f2f6;color:#31333F;padding:0.15em 0.3em">{html.escape(t("r_none"))}'
           "</span>")
    sentence = html.escape(summary_sentence(row))
    return (f'<div style="font-size:{size}"><div aria-hidden="true" style="display:flex;gap:2px;border-radius:4px;'
            f'overflow:hidden;font-weight:600">{bar}</div><p style="margin:0.3em 0 0 0">{sentence}</p></div>')


def results_frame_for_display(results: pd.DataFrame) -> pd.DataFrame:
    """The results table with readable column names and labels (what the CSV download also gets)."""
    out = results.copy()
    out["agreement"] = (out["agreement"] * 100).round(0)
    out["label"] = out["label"].map(lambda v: t("label_" + str(v), min=MIN_VOTERS))
    names = {"need_id": t("col_need"), "voters": t("r_col_voters"), "agreement": t("r_col_agreement"),
             "stars": "★", "label": t("r_col_label"), "zone_consensus": t("r_col_zone_consensus"),
             "n_zones": t("r_col_zones"), **{f"n_{a}": t("answer_" + a) for a in ANSWERS}}
    return out.rename(columns=names)


def outcome_lines(outcomes: pd.DataFrame, need_id: str) -> list[str]:
    """'Validata — Ascolto Zona 7 (03/12/2026)' for each event that set an outcome on this need, followed by the
    outcome note (the reformulation agreed in the room) where the facilitator wrote one."""
    lines = []
    for r in outcomes[outcomes["need_id"] == need_id].itertuples():
        if isinstance(r.outcome, str) and r.outcome:
            lines.append(t("r_outcome_line", outcome=t("outcome_" + r.outcome), title=str(r.title),
                           date=format_date(str(r.event_date)), code=str(r.code)))
        if isinstance(r.outcome_note, str) and r.outcome_note.strip():
            lines.append(t("r_outcome_note_line", title=str(r.title), code=str(r.code), note=r.outcome_note))
    return lines


def origin_lines(split: pd.DataFrame, need_id: str) -> list[str]:
    """One line per origin (web, paper, any origin added later) with its answers: 'su carta: 3 risposte (…)'."""
    mine = split[split["need_id"] == need_id]
    order = {o: i for i, o in enumerate(ORIGINS)}  # web, paper, then any origin added later
    lines = []
    for origin, rows in sorted(mine.groupby("origin"), key=lambda g: (order.get(str(g[0]), len(order)), g[0])):
        counts = dict(zip(rows["answer"], rows["n"], strict=True))
        total = int(sum(counts.values()))
        parts = ", ".join(f"{t('answer_' + a)} {int(counts.get(a, 0))}" for a in ANSWERS)
        label = t("origin_" + str(origin)) if f"origin_{origin}" in STRINGS else str(origin)
        lines.append(tn("r_origin_line", total, origin=label, parts=parts))
    return lines


@st.cache_data(ttl=LIVE_TTL_S, show_spinner=False, max_entries=64)
def origin_split(choice: str | None) -> pd.DataFrame:
    """Answers per need, origin and answer, for one event or (None) every event that counts (one GROUP BY, shared
    by every viewer for the live interval); empty if the database went away."""
    store = _store(database_url())
    try:
        return store.origin_counts((choice,) if choice else store.counted_codes())
    except EventError:  # the database went away since the results were read: the split is left out
        return pd.DataFrame(columns=["need_id", "origin", "answer", "n"])


def need_results_html(row: Mapping[str, object] | None, outcomes: list[str], origins: Sequence[str] = (),
                      need_id: str = "") -> str:
    """The participants' box under a need on the explorer: labelled as theirs, bars, the split by origin, outcomes
    and outcome notes; all escaped."""
    head = f'<p style="margin:0 0 0.3em 0;font-weight:600">{html.escape(t("r_box_title"))}</p>'
    body = results_bars_html(row) if row is not None else f"<p>{html.escape(t('r_none'))}</p>"
    split = ""
    if origins:
        split = (f'<p style="margin:0.3em 0 0 0;font-size:0.9em">{html.escape(t("r_by_origin"))}</p>'
                 f'<ul style="margin:0 0 0 1.1em;padding:0;font-size:0.9em">'
                 + "".join(f"<li>{html.escape(line)}</li>" for line in origins) + "</ul>")
    tail = "".join(f'<p style="margin:0.2em 0 0 0">{html.escape(line)}</p>' for line in outcomes)
    return (f'<div data-need="{html.escape(need_id)}" style="border-left:4px solid #E69F00;padding:0.4em 0.8em;'
            f'background:#fffaf0;margin:0.3em 0">{head}{body}{split}{tail}</div>')


RESULTS_PARAM = "risultati"
ALL_EVENTS, NO_RESULTS = "tutti", "no"


def results_choice(events: tuple) -> str | None:  # noqa: ANN001 - tuple of store Events
    """Which events' results to show (`?risultati=tutti|no|CODE`, bound to the URL); returns NO_RESULTS, ALL_EVENTS
    or an event code."""
    codes = tuple(e.code for e in events)
    state.seed_from_url(RESULTS_PARAM, (ALL_EVENTS, NO_RESULTS, *codes), default=ALL_EVENTS)
    labels = {ALL_EVENTS: t("r_events_all"), NO_RESULTS: t("r_events_none"),
              **{e.code: _event_choice_label(e) for e in events}}
    choice = st.selectbox(t("r_events"), tuple(labels), key=RESULTS_PARAM, format_func=labels.__getitem__,
                          help=t("r_events_help"))
    state.page_param(RESULTS_PARAM, choice if choice != ALL_EVENTS else None)
    return choice


def _event_choice_label(event) -> str:  # noqa: ANN001 - a store Event
    label = f"{event.code} · {event.event_date} · {event.title}"
    return t("r_events_archived", label=label) if event.archived else label


def convergent_section(data: Dataset, zone_selection: tuple[str, ...], axis_id: str | None) -> None:
    """*Copertura*'s convergent view: validated, starred needs in zones whose axis has no project (report)."""
    found = explorer_results(None)
    if found is None:
        return
    st.header(t("cov_convergent_header"))
    st.caption(t("cov_convergent_intro"))
    counts = zone_axis_matrix(data.projects, data.zones, data.axis_ids)
    table = convergent_needs(found.counts, found.outcomes, data.needs, counts, zone_selection)
    if axis_id:
        table = table[table["axis_id"] == axis_id]
    if table.empty:
        st.info(t("cov_convergent_none"), icon=":material/info:")
        return
    names = dict(zip(data.zones["zone_id"], data.zones["name"], strict=True))
    st.markdown("\n".join(
        "- " + html.escape(t("cov_convergent_line", zone=r.zone_id, zone_name=names[r.zone_id], need=r.need_id,
                             title=r.title, axis=r.axis_id, stars=int(r.stars))) for r in table.itertuples()))
    download_csv(table.assign(source="participants (★, esito) + report (progetti)"), key="cov_convergent",
                 file_name="psm_vista_convergente.csv")


def approved_texts_html(texts: pd.DataFrame, *, need_id: str | None = None, large: bool = False) -> str:
    """Approved comments and proposals as a list, each marked as a participant's words; all text escaped."""
    shown = texts if need_id is None else texts[texts["need_id"] == need_id]
    if shown.empty:
        return ""
    size = "1.2em" if large else "1em"
    items = []
    for row in shown.itertuples():
        about = [t("kind_" + row.kind)]
        if isinstance(row.need_id, str) and row.need_id:
            about.append(row.need_id)
        elif isinstance(row.axis_id, str) and row.axis_id:
            about.append(t("axis_short", id=row.axis_id))
        if isinstance(row.zone_id, str) and row.zone_id:
            about.append(t("zone_short", id=row.zone_id))
        items.append(f'<li style="margin:0.25em 0"><span style="font-size:0.8em;color:#4a4f5c">'
                     f'{html.escape(t("written_by_participant"))} · {html.escape(" · ".join(about))}</span><br>'
                     f"{html.escape(str(row.body))}</li>")
    return f'<ul style="font-size:{size};padding-left:1.1em;margin:0.2em 0">{"".join(items)}</ul>'
