"""The what-if scenario in the interface: the editor, the *ipotesi* badge, and the pieces that show the report and
the scenario side by side.

The editor sits in the sidebar of the three pages where a scenario changes something (Mappa, Copertura, Zona), so
a planner adds a hypothesis and sees the gaps close on the page in front of them; the other pages say that a
scenario is active. The scenario lives in session state and in the URL (`scn`, components/state.py): a copied
address carries it to another browser. Every hypothesis is labelled *ipotesi*; exports carry `source`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import streamlit as st

from components import state
from components.i18n import current_language, t, tn, translate
from components.tables import download_csv, table_html
from psm_data import Dataset, DataValidationError
from psm_data.analysis import Gap, strategy_axis
from psm_data.scenario import (
    CSV_FILE_NAME,
    MAX_HYPOTHESES,
    NAME_MAX,
    SOURCE_SCENARIO,
    GapDiff,
    Hypothesis,
    Scenario,
    ScenarioRefs,
    apply_scenario,
    changed_cells,
    decode_scenario,
    hypothesis_problems,
    hypothetical_projects,
    scenario_from_csv,
    scenario_to_csv,
    stack_sources,
)

NAME, STRATEGIES, ZONES, METROPOLITAN, NEED = "scn_name", "scn_strategies", "scn_zones", "scn_metro", "scn_need"
UPLOAD = "scn_upload"
EDITOR = "scn_editor"  # the sidebar expander: open or closed (its body is only drawn open)
_FORM_ERRORS, _UPLOAD_ERROR, _UPLOAD_DONE = "_scn_form_errors", "_scn_upload_error", "_scn_upload_done"
_UPLOAD_ERROR_MAX = 8000  # characters of an upload's problem list shown (30 rows with a few problems each fit)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=])")


def plain(text: str) -> str:
    """User text inside Streamlit markdown: every markdown character escaped (no link, image, or markup)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def badge() -> str:
    """The *ipotesi* label, as a markdown badge (text, so colour is never the only cue)."""
    return f":orange-badge[{t('scn_badge')}]"


def refs_of(data: Dataset) -> ScenarioRefs:
    return _refs(data, id(data))


# The dataset is itself cached once per server, so its identity keys what is derived from it (the underscore keeps
# Streamlit from hashing the frames). Computed on every run, these cost ~8 ms of an explorer run.
@st.cache_resource(show_spinner=False, max_entries=8)
def _refs(_data: Dataset, data_id: int) -> ScenarioRefs:  # noqa: ARG001 - the cache key
    return ScenarioRefs.from_dataset(_data)


def seed_scenario(data: Dataset) -> None:
    """Read `?scn=` once per session (app.py's sidebar calls this on every page, so a link survives any page)."""
    refs = refs_of(data)
    state.seed_parsed(state.SCENARIO, lambda raw: decode_scenario(raw, refs), default=Scenario())


def current_scenario() -> Scenario:
    return st.session_state.get(state.SCENARIO) or Scenario()


def _set(scenario: Scenario) -> None:
    st.session_state[state.SCENARIO] = scenario


def scenario_projects(data: Dataset, scenario: Scenario) -> pd.DataFrame:
    """The report's projects plus the hypotheses, each row with its `source`."""
    return apply_scenario(data.projects, scenario)


def where_text(hypothesis: Hypothesis) -> str:
    if not hypothesis.zone_ids:
        return t("scn_metropolitan")
    return t("scn_in_zone" if len(hypothesis.zone_ids) == 1 else "scn_in_zones", zones=", ".join(hypothesis.zone_ids))


def hypothesis_line(hypothesis: Hypothesis) -> str:
    """One hypothesis as markdown: name (escaped), strategies, where, the need it answers."""
    parts = [f"**{plain(hypothesis.name)}**", ", ".join(hypothesis.strategy_ids), where_text(hypothesis)]
    if hypothesis.need_id:
        parts.append(t("scn_answers", need=hypothesis.need_id))
    return " · ".join(parts)


# --- the editor


def _labels(data: Dataset) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Option labels, resolved now (AppTest calls format_func outside the script run); the same for every
    visitor in a language, so built once per server and language (read-only)."""
    return _option_labels(data, id(data), current_language())


@st.cache_resource(show_spinner=False, max_entries=8)
def _option_labels(_data: Dataset, data_id: int,  # noqa: ARG001 - the cache key
                   lang: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    data = _data

    def short(text: str, limit: int) -> str:
        return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

    strategies = {s: f"{s} · {short(title, 58)}" for s, title in zip(data.strategies["strategy_id"],
                                                                   data.strategies["title"], strict=True)}
    zones = {z: f"{z} · {name}" for z, name in zip(data.zones["zone_id"], data.zones["name"], strict=True)}
    needs = {"": translate("scn_need_none", lang)}
    proposals = data.proposals.groupby("need_id", sort=False)
    for need_id, title in zip(data.needs["need_id"], data.needs["title"], strict=True):
        needs[need_id] = f"{need_id} · {short(title, 58)}"
        if need_id in proposals.groups:
            for pid, text in zip(proposals.get_group(need_id)["proposal_id"], proposals.get_group(need_id)["text"],
                                 strict=True):
                needs[pid] = f"{pid} · {short(text, 56)}"
    return strategies, zones, needs


def _add(refs: ScenarioRefs) -> None:
    """Form callback: validate the inputs, add the hypothesis, then clear the whole form (zones and the
    metropolitan box too: a half-kept form made the next, metropolitan, hypothesis fail with "not both")."""
    scenario = current_scenario()
    metropolitan = bool(st.session_state.get(METROPOLITAN))
    zones = tuple(st.session_state.get(ZONES) or ())
    hypothesis = Hypothesis(st.session_state.get(NAME) or "", tuple(st.session_state.get(STRATEGIES) or ()),
                            () if metropolitan else zones, st.session_state.get(NEED) or "")
    errors = []
    for column, _problem in hypothesis_problems(hypothesis, refs):
        errors.append(t({"name": "scn_err_name", "strategy_ids": "scn_err_strategy"}.get(column, "scn_err_value"),
                        max=NAME_MAX))
    if not zones and not metropolitan:
        errors.append(t("scn_err_where"))
    if zones and metropolitan:
        errors.append(t("scn_err_both"))
    if len(scenario) >= MAX_HYPOTHESES:
        errors.append(t("scn_err_full", max=MAX_HYPOTHESES))
    if errors:
        st.session_state[_FORM_ERRORS] = list(dict.fromkeys(errors))
        return
    _set(scenario.add(refs.canonical(hypothesis)))
    st.session_state[NAME] = ""
    st.session_state[STRATEGIES] = []
    st.session_state[ZONES] = []
    st.session_state[METROPOLITAN] = False
    st.session_state[NEED] = ""


def _remove(index: int) -> None:
    scenario = current_scenario()
    if 0 <= index < len(scenario):
        _set(scenario.remove(index))
    st.session_state[EDITOR] = True  # the label changes (a new expander): keep it open where the planner works


def _clear() -> None:
    _set(Scenario())
    st.session_state[EDITOR] = True


def _upload(refs: ScenarioRefs) -> None:
    """Uploader callback: all or nothing; a bad file leaves the current scenario as it was."""
    uploaded = st.session_state.get(UPLOAD)
    if uploaded is None:
        return
    try:
        scenario = scenario_from_csv(uploaded.getvalue(), refs, uploaded.name)
    except DataValidationError as exc:
        message = str(exc)  # every problem (file, row, column); capped so a hostile file cannot flood the page
        st.session_state[_UPLOAD_ERROR] = message if len(message) <= _UPLOAD_ERROR_MAX else (
            message[:_UPLOAD_ERROR_MAX - 1] + "…")
        return
    _set(scenario)
    st.session_state[_UPLOAD_DONE] = len(scenario)


def scenario_editor(data: Dataset) -> Scenario:
    """The sidebar expander: the hypotheses (each removable), a form to add one, CSV download and upload; drawn
    only while the expander is open."""
    refs = refs_of(data)
    scenario = current_scenario()
    form_errors = st.session_state.pop(_FORM_ERRORS, None)
    upload_error = st.session_state.pop(_UPLOAD_ERROR, None)
    uploaded = st.session_state.pop(_UPLOAD_DONE, None)
    title = tn("scn_editor_title", len(scenario)) if scenario else t("scn_editor_title_empty")
    if form_errors or upload_error or uploaded is not None:
        st.session_state[EDITOR] = True  # what the planner just did shows its outcome
    # Open when there is a scenario to see (a shared link, a hypothesis just added: the label changes, and with it
    # the default); its body is only sent while it is open: a closed expander's widgets would still be sent, and
    # every new browser tab would fetch and compile their scripts (text input, file uploader, form), on every
    # page of the explorer.
    with st.sidebar.expander(title, expanded=bool(scenario), icon=":material/science:", key=EDITOR,
                             on_change="rerun") as box:
        if box.open:
            _editor_body(refs, scenario, _labels(data), form_errors=form_errors, upload_error=upload_error,
                         uploaded=uploaded)
    return current_scenario()


def _editor_body(refs: ScenarioRefs, scenario: Scenario, labels: tuple[dict[str, str], dict[str, str], dict[str, str]],
                 *, form_errors: list[str] | None, upload_error: str | None, uploaded: int | None) -> None:
    """The open editor: the hypotheses (each removable), the form, the scenario's CSV out and in."""
    strategy_labels, zone_labels, need_labels = labels
    st.caption(t("scn_editor_intro"))
    for i, hypothesis in enumerate(scenario.hypotheses):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(f"{i + 1}\\. {badge()} {hypothesis_line(hypothesis)}")
            st.button(t("scn_remove"), key=f"scn_remove_{i}", on_click=_remove, args=(i,), type="tertiary",
                      icon=":material/close:", help=t("scn_remove_help", name=plain(hypothesis.name[:40])))
    if uploaded is not None:
        st.success(tn("scn_upload_done", uploaded))
    with st.form("scn_form", border=True, enter_to_submit=False):
        st.markdown(f"**{t('scn_form_title')}** {badge()}")
        st.text_input(t("scn_name"), key=NAME, max_chars=NAME_MAX, placeholder=t("scn_name_placeholder"))
        # Labels start with the id ("4.1 · …"): matched as a substring, typing "4.1" offers 4.1 first (the
        # default fuzzy match put 1.1, 1.2, 1.5 before it); no "select all matches" for Enter to pick.
        st.multiselect(t("scn_strategies"), refs.strategy_ids, key=STRATEGIES,
                       format_func=strategy_labels.__getitem__, placeholder=t("scn_strategies_placeholder"),
                       filter_mode="contains", select_all=False)
        st.multiselect(t("scn_zones"), refs.zone_ids, key=ZONES, format_func=zone_labels.__getitem__,
                       placeholder=t("scn_zones_placeholder"), filter_mode="contains", select_all=False)
        st.checkbox(t("scn_metropolitan_check"), key=METROPOLITAN)
        st.selectbox(t("scn_need"), tuple(need_labels), key=NEED, format_func=need_labels.__getitem__)
        st.form_submit_button(t("scn_add"), key="scn_add", on_click=_add, args=(refs,), type="primary",
                              icon=":material/add:")
    if form_errors:
        st.error("\n".join(f"- {e}" for e in form_errors))
    if scenario:
        st.caption(t("scn_share"))
        with st.container(horizontal=True, gap="small"):
            st.download_button(t("scn_download"), data=scenario_to_csv(scenario), file_name=CSV_FILE_NAME,
                               mime="text/csv", key="scn_download", on_click="ignore",
                               icon=":material/download:")
            st.button(t("scn_clear"), key="scn_clear", on_click=_clear, icon=":material/delete:")
    st.file_uploader(t("scn_upload"), type=["csv"], key=UPLOAD, on_change=_upload, args=(refs,),
                     help=t("scn_upload_help", max=MAX_HYPOTHESES), max_upload_size=1)
    if upload_error:
        st.error(t("scn_upload_error"))
        st.code(upload_error, language=None, wrap_lines=True)


def scenario_sidebar_note() -> None:
    """On pages without the editor: a scenario is active (it stays in the link), and where it shows."""
    scenario = current_scenario()
    if scenario:
        st.sidebar.caption(f"{badge()} {tn('scn_active_note', len(scenario))}")


# --- side by side


def scenario_banner(scenario: Scenario) -> None:
    """At the top of a page that shows a scenario: what it is, that it is not the report."""
    st.info(f"{badge()} {tn('scn_banner', len(scenario))}", icon=":material/science:")


def hypotheses_frame(scenario: Scenario) -> pd.DataFrame:
    """The hypotheses as rows to show and export: source, name, strategies, scope, zones, need."""
    frame = hypothetical_projects(scenario)
    return frame[["source", "name", "strategy_ids", "scope", "zone_ids", "need_id"]]


def show_hypotheses(hypotheses: pd.DataFrame, *, key: str, file_name: str, caption: str) -> None:
    """A table of hypotheses (HTML, components/tables.py), each row marked *ipotesi*, with its CSV (`source` =
    scenario)."""
    labels = {"source": t("col_source"), "name": t("scn_col_hypothesis"), "strategy_ids": t("col_strategies"),
              "scope": t("col_scope"), "zone_ids": t("col_zones"), "need_id": t("scn_col_need")}
    shown = hypotheses.assign(
        source=t("scn_source_scenario"),
        scope=hypotheses["scope"].map(lambda s: t("scn_metropolitan") if s != "zones" else t("scn_scope_zones")))
    st.html(table_html(shown, caption=caption, key=key, labels=labels, row_header=False))
    download_csv(hypotheses, key=key, file_name=file_name)


def filter_hypotheses(hypotheses: pd.DataFrame, *, axis_id: str | None = None, strategy_id: str | None = None,
                      zones: Sequence[str] = ()) -> pd.DataFrame:
    """Hypotheses on a strategy (or axis) and, with `zones`, localised there or metropolitan-wide."""
    mask = pd.Series(True, index=hypotheses.index)
    if strategy_id:
        mask &= hypotheses["strategy_ids"].map(lambda ids: strategy_id in ids)
    elif axis_id:
        mask &= hypotheses["strategy_ids"].map(lambda ids: any(strategy_axis(s) == axis_id for s in ids))
    if zones:
        wanted = set(zones)
        mask &= hypotheses["zone_ids"].map(lambda ids: not ids or bool(wanted.intersection(ids)))
    return hypotheses[mask]


def gap_changes(diff: GapDiff, sentence: Callable[[Gap], str]) -> None:
    """The gaps the scenario closes (and those it turns into another kind), in a bordered box labelled *ipotesi*."""
    with st.container(border=True, key="scn_closed_gaps"):
        st.subheader(t("scn_closed_header", n=len(diff.closed)))
        st.markdown(badge() + " " + t("scn_closed_intro"))
        if diff.closed:
            st.markdown("\n".join(f"- {sentence(gap)}" for gap in diff.closed))
        else:
            st.caption(t("scn_closed_none"))
        if diff.changed:
            st.markdown(t("scn_changed_header", n=len(diff.changed)))
            st.markdown("\n".join(f"- {sentence(new)}" for _old, new in diff.changed))


def scenario_source_label(source: str) -> str:
    return t("scn_source_scenario") if source == SOURCE_SCENARIO else t("scn_source_report")


def changes_caption(report: pd.DataFrame, scenario: pd.DataFrame | None) -> None:
    """How many cells of a count matrix the scenario changes (the table outlines them); nothing without one."""
    if scenario is not None:
        n = len(changed_cells(report, scenario))
        st.caption(tn("scn_cells_changed", n) if n else t("scn_cells_none"))


def matrix_export(report: pd.DataFrame, scenario: pd.DataFrame | None, *, index: Mapping[str, str],
                  columns: Callable[[str], str] | None = None, index_name: str = "") -> pd.DataFrame:
    """A count matrix for CSV with its labels; with a scenario, the report's rows then the scenario's, apart by a
    `source` column."""
    def labelled(matrix: pd.DataFrame) -> pd.DataFrame:
        return matrix.rename(index=dict(index), columns=columns).rename_axis(index_name)

    return labelled(report) if scenario is None else stack_sources(labelled(report), labelled(scenario))
