"""The position paper's content from the report's data and the chosen events: one `Document` of blocks.

Every figure comes from the functions the explorer uses (psm_data.analysis for the report, psm_data.events.results
for the answers), never recomputed here, and every table names its source. See `model.py` for the blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from psm_data.analysis import find_gaps, resolve_zones, strategy_coverage_table, zone_axis_counts, zone_axis_matrix
from psm_data.analysis import zone_strategy_table as zone_strategies
from psm_data.documents.gather import EventInputs
from psm_data.documents.model import (
    BarsChart,
    Block,
    Bullets,
    Document,
    Heading,
    MapChart,
    Para,
    Quote,
    Table,
    TocField,
    Voice,
)
from psm_data.documents.placement import GroupSimilar, PlacedText, RankNeeds, place_texts, place_verbale
from psm_data.documents.strings import text, text_count
from psm_data.events.results import convergent_needs, results_table
from psm_data.events.vocabulary import ANSWERS, MIN_VOTERS, ROLE_LABELS_IT, ROLES, UNCLEAR_FLAG
from psm_data.i18n import format_date, format_decimal
from psm_data.loader import Dataset
from psm_data.provenance import Report
from psm_data.scenario import Scenario

POSITION_PAPER_QUOTE = ("Tale fase si concluderà con l'elaborazione di un position paper in cui verranno "
                        "sistematizzati i risultati emersi dalle precedenti fasi")


@dataclass(frozen=True)
class PaperOptions:
    """What the planner chose. Empty axes or zones mean all; `event_codes=None` means every event that counts."""

    event_codes: tuple[str, ...] | None = None
    axis_ids: tuple[str, ...] = ()
    zone_ids: tuple[str, ...] = ()
    lang: str = "it"
    scenario: Scenario | None = None  # included only when the planner asks, and then labelled *ipotesi*
    generated: date = field(default_factory=date.today)


def number(value: float, lang: str, decimals: int = 0) -> str:
    """'1.234' / '0,51' in Italian, '1,234' / '0.51' in English (Babel, as in the interface); '—' for no value."""
    if pd.isna(value):
        return "—"
    return format_decimal(float(value), decimals, lang)


def consensus(value: float, lang: str) -> str:
    """The consensus across zones as the results give it (4 decimals), shortened to 2 when that loses nothing
    visible: a product over many zones is often below 0.01 and must not print as 0."""
    if pd.isna(value):
        return "—"
    return number(value, lang, 2 if value >= 0.1 else 4)


def percent(share: float, lang: str) -> str:
    return "—" if pd.isna(share) else f"{number(float(share) * 100, lang)}%"


class _Writer:
    """Collects blocks; knows the language, the report (for sections) and the events (for sources)."""

    def __init__(self, data: Dataset, inputs: EventInputs, options: PaperOptions, report: Report) -> None:
        self.data, self.inputs, self.options, self.report = data, inputs, options, report
        self.lang = options.lang
        self.blocks: list[Block] = []

    def t(self, key: str, **fields: object) -> str:
        return text(key, self.lang, **fields)

    def tn(self, key: str, n: int, **fields: object) -> str:
        return text_count(key, n, self.lang, **fields)

    def day(self, value: date | str) -> str:
        """A date as the paper's language writes it: "6 dicembre 2026" / "December 6, 2026"."""
        return format_date(value, self.lang)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def report_source(self, *quotes: str) -> str:
        sections = list(dict.fromkeys(s for s in (self.report.section_of(q) for q in quotes) if s))
        return self.t("src_report", section=(" — " + "; ".join(sections)) if sections else "")

    def quote(self, quote: str, lead: str = "") -> Quote:
        return Quote(quote, (lead + " — " if lead else "") + self.report_source(quote))

    def event_refs(self, codes: Sequence[str] | None = None) -> str:
        wanted = self.inputs.codes if codes is None else tuple(codes)
        dates = {e.code: self.day(e.event_date) for e in self.inputs.events}
        return ", ".join(self.t("event_ref", code=c, date=dates.get(c, "")) for c in wanted)

    def table(self, key: str, title: str, frame: pd.DataFrame, columns: Mapping[str, str],
              formats: Mapping[str, Callable[[object], str]], source: str) -> Table:
        shown = []
        for row in frame.itertuples(index=False):
            values = row._asdict()
            shown.append(tuple(formats.get(c, str)(values[c]) for c in columns))
        raw = frame[list(columns)].rename(columns=dict(columns)).assign(**{self.t("col_source"): source})
        return Table(key, title, tuple(columns.values()), tuple(shown), source, raw)


def build_document(data: Dataset, inputs: EventInputs, options: PaperOptions | None = None, *,
                   report: Report | None = None, rank_needs: RankNeeds | None = None,
                   group_similar: GroupSimilar | None = None,
                   links: Mapping[int, tuple[str, str]] | None = None) -> Document:
    """The whole paper. `rank_needs` / `group_similar`: the matcher (see placement.py); `links`: the stored
    text → (need, axis) decisions, by default those read with the events (`inputs.links`)."""
    options = options or PaperOptions()
    w = _Writer(data, inputs, options, report or Report.from_file())
    axes = [a for a in data.axis_ids if not options.axis_ids or a in options.axis_ids]
    zones = resolve_zones(options.zone_ids, data.zone_ids)
    need_ids = tuple(data.needs["need_id"])
    results = results_table(inputs.answers, need_ids) if inputs.events else None
    need_axis = dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True))
    placed = place_texts(inputs.texts, need_axis, links=inputs.links if links is None else links, rank_needs=rank_needs,
                         group_similar=group_similar) if inputs.events else []
    verbale = place_verbale(inputs.verbale, need_axis, rank_needs=rank_needs)

    _front(w)
    _path(w, zones)
    w.add(Heading(1, w.t("h_axes")))
    for axis_id in axes:
        _axis(w, axis_id, zones, results, placed, verbale)
    w.add(Heading(1, w.t("h_zones")))
    for zone_id in zones:
        _zone(w, zone_id, axes)
    _open_questions(w, results, axes)
    _method(w, zones)
    if options.scenario is not None and len(options.scenario):
        _scenario(w, options.scenario)
    _sources(w)
    return Document(w.t("title"), w.t("subtitle"), w.lang, tuple(w.blocks))


def _front(w: _Writer) -> None:
    w.add(Para(w.t("generated", date=w.day(w.options.generated))), Para(w.t("why")),
          w.quote(POSITION_PAPER_QUOTE))
    if w.inputs.events:
        w.add(Para(w.t("events_in", events="; ".join(
            f"{e.code} «{e.title}» ({w.day(e.event_date)})" for e in w.inputs.events))))
    else:
        w.add(Para(w.t("events_none")))
    w.add(Para(w.t("legend_sources"), "note"), TocField())


# ---------------------------------------------------------------------------------------------- Il percorso
def _path(w: _Writer, zones: Sequence[str]) -> None:
    data = w.data
    w.add(Heading(1, w.t("h_path")), Heading(2, w.t("h_survey")))
    method = data.method.reset_index(drop=True)
    w.add(w.table("percorso_indagine", w.t("t_survey"), method,
                  {"label": w.t("col_figure"), "value": w.t("col_value"), "unit": w.t("col_unit")}, {},
                  w.report_source(*method["source_quote"])))
    for row in method.itertuples():
        w.add(w.quote(row.source_quote, str(row.label)))
    w.add(Heading(2, w.t("h_events")))
    if not w.inputs.events:
        w.add(Para(w.t("events_none")))
        return
    zone_names = dict(zip(data.zones["zone_id"], data.zones["name"], strict=True))
    people = w.inputs.participants
    outcomes = w.inputs.outcomes
    for event in w.inputs.events:
        mine = people[people["code"] == event.code]
        w.add(Heading(3, f"{event.code} · {event.title}"))
        agenda = int((outcomes["code"] == event.code).sum())
        w.add(Bullets(tuple(x for x in (
            w.t("ev_date", date=w.day(event.event_date)),
            w.t("ev_place", place=event.place) if event.place else "",
            w.t("ev_zones", zones=", ".join(f"{z} {zone_names.get(z, '')}" for z in event.zone_ids))
            if event.zone_ids else "",
            w.t("ev_tables", tables=", ".join(f"{n} «{name}»" for n, name in _event_tables(w, event.code)))
            if _event_tables(w, event.code) else "",
            w.t("ev_agenda", n=agenda), w.t("ev_people", n=len(mine))) if x)))
        source = w.t("src_events", events=w.event_refs([event.code]))
        by_zone = _count_by(mine["zone_id"], list(data.zone_ids))
        by_zone["name"] = by_zone["key"].map(lambda z: zone_names.get(z, w.t("zone_none")))
        w.add(w.table(f"evento_{event.code}_zone", w.t("t_by_zone", code=event.code), by_zone,
                      {"key": w.t("col_zone"), "name": w.t("col_zone_name"), "n": w.t("col_participants")},
                      {"key": lambda z: str(z) or "—"}, source))
        by_role = _count_by(mine["role"], list(ROLES))
        w.add(w.table(f"evento_{event.code}_ruoli", w.t("t_by_role", code=event.code), by_role,
                      {"key": w.t("col_role"), "n": w.t("col_participants")},
                      {"key": lambda r: ROLE_LABELS_IT.get(str(r), str(r)) if r else w.t("role_none")}, source))
        by_origin = _count_by(mine["origin"], ["web", "paper", "online"])
        w.add(w.table(f"evento_{event.code}_provenienza", w.t("t_by_origin", code=event.code), by_origin,
                      {"key": w.t("col_origin"), "n": w.t("col_participants")},
                      {"key": lambda o: w.t(f"origin_{o}") if f"origin_{o}" in _ORIGIN_KEYS else str(o)}, source))
    w.add(Heading(2, w.t("h_participation_map")))
    table = _representation(w)
    w.add(MapChart(w.t("map_title"), dict(zip(table.frame[w.t("col_zone")], table.frame[w.t("col_per_10k")],
                                              strict=True)),
                   {z: z for z in data.zone_ids}, w.t("map_legend"), table.key),
          Para(w.t("chart_table", title=table.title), "note"), table)


_ORIGIN_KEYS = {"origin_web", "origin_paper", "origin_online"}


def _count_by(values: pd.Series, known: list[str]) -> pd.DataFrame:
    """Counts per value (known values first, zeros kept only for values that occur or are known; '' = none)."""
    cleaned = values.astype(object).where(values.notna(), "").astype(str)
    counts = cleaned.value_counts()
    order = [k for k in known if k in counts.index] + sorted(k for k in counts.index if k not in known and k)
    if "" in counts.index:
        order.append("")
    return pd.DataFrame({"key": order, "n": [int(counts[k]) for k in order]}, columns=["key", "n"]).astype(
        {"n": "int64"})


def _representation(w: _Writer) -> Table:
    """Per zone: population and its share, participants who declared it and their share, per 10 000."""
    zones = w.data.zones
    people = w.inputs.participants
    declared = people["zone_id"].dropna().astype(str)
    declared = declared[declared != ""]
    counts = declared.value_counts()
    frame = zones[["zone_id", "name", "population"]].reset_index(drop=True)
    frame["participants"] = frame["zone_id"].map(lambda z: int(counts.get(z, 0))).astype("int64")
    frame["pop_share"] = (frame["population"] / frame["population"].sum()).round(4)
    total = max(int(frame["participants"].sum()), 1)
    frame["part_share"] = (frame["participants"] / total).round(4)
    frame["per_10k"] = (frame["participants"] * 10_000 / frame["population"]).round(2)
    lang = w.lang
    return w.table("partecipazione_per_zona", w.t("t_representation"), frame,
                   {"zone_id": w.t("col_zone"), "name": w.t("col_zone_name"), "population": w.t("col_population"),
                    "pop_share": w.t("col_pop_share"), "participants": w.t("col_participants"),
                    "part_share": w.t("col_part_share"), "per_10k": w.t("col_per_10k")},
                   {"population": lambda v: number(v, lang), "pop_share": lambda v: percent(v, lang),
                    "part_share": lambda v: percent(v, lang), "per_10k": lambda v: number(v, lang, 2)},
                   w.t("src_population", events=w.event_refs()))


# ---------------------------------------------------------------------------------------------- Per asse
def _axis(w: _Writer, axis_id: str, zones: Sequence[str], results: pd.DataFrame | None,
          placed: list[PlacedText], verbale: pd.DataFrame) -> None:
    data, lang = w.data, w.lang
    axis = data.axes[data.axes["axis_id"] == axis_id].iloc[0]
    w.add(Heading(2, w.t("h_axis", id=axis_id, name=axis["name"])), w.quote(axis["source_quote"]),
          Heading(3, w.t("h_report_found")))
    selection = tuple(zones) if len(zones) < len(data.zone_ids) else ()
    coverage = strategy_coverage_table(data.strategies, data.projects, data.zone_ids, selection, axis_id)
    w.add(w.table(f"asse_{axis_id}_strategie", w.t("t_strategies", id=axis_id), coverage,
                  {"strategy_id": w.t("col_strategy"), "title": w.t("col_title"), "status": w.t("col_status"),
                   "n_projects": w.t("col_projects"), "n_in_selection": w.t("col_in_zones"),
                   "n_outside": w.t("col_outside")},
                  {"status": lambda s: w.t(f"status_{s}")}, w.report_source(*coverage["source_quote"])))
    with_p = coverage.loc[coverage["n_in_selection"] > 0, "strategy_id"].tolist()
    without = coverage.loc[coverage["n_in_selection"] == 0, "strategy_id"].tolist()
    w.add(Bullets((w.t("with_projects", ids=", ".join(with_p) or w.t("none")),
                   w.t("without_projects", ids=", ".join(without) or w.t("none")))))
    for row in coverage.itertuples():
        if row.source_quote:
            w.add(w.quote(row.source_quote, w.t("strategy_quote", id=row.strategy_id)))
    gaps = find_gaps(data.strategies, data.projects, data.zones, data.axis_ids, selection, axis_id)
    names = dict(zip(data.zones["zone_id"], data.zones["name"], strict=True))
    empty = [g.zone_id for g in gaps if g.kind == "zone_axis_empty"]
    w.add(Para(w.t("zones_without", zones=", ".join(f"{z} {names[z]}" for z in empty)) if empty
               else w.t("zones_without_none")),
          Para(w.t("src_report", section=""), "note"))

    needs = data.needs[data.needs["axis_id"] == axis_id]
    w.add(Heading(3, w.t("h_validation")))
    axis_results = None
    if results is not None:
        axis_results = results[results["need_id"].isin(needs["need_id"])].reset_index(drop=True)
        table = _validation_table(w, axis_id, axis_results)
        if int(axis_results["voters"].sum()) == 0 and int(axis_results["stars"].sum()) == 0:
            w.add(Para(w.t("no_answers")))
        else:
            w.add(BarsChart(w.t("chart_bars", id=axis_id),
                            tuple((r.need_id, tuple(int(getattr(r, f"n_{a}")) for a in ANSWERS))
                                  for r in axis_results.itertuples()),
                            tuple(w.t(f"answer_{a}") for a in ANSWERS), table.key),
                  Para(w.t("chart_table", title=table.title), "note"))
        w.add(table)
    proposals = data.proposals
    for need in needs.itertuples():
        w.add(Heading(3, f"{need.need_id} — {need.title}"), w.quote(need.source_quote))
        mine = proposals[proposals["need_id"] == need.need_id]
        if len(mine):
            w.add(Para(w.t("report_proposals")))
            for p in mine.itertuples():
                w.add(w.quote(p.source_quote))
        if axis_results is not None:
            row = axis_results[axis_results["need_id"] == need.need_id]
            if len(row) and int(row.iloc[0]["voters"]):
                r = row.iloc[0]
                w.add(Para(w.t("need_figures", sentence=w.t(
                    "need_sentence", voters=int(r["voters"]), agreement=percent(r["agreement"], lang),
                    stars=int(r["stars"]), label=w.t(f"label_{r['label']}"),
                    consensus=consensus(r["zone_consensus"], lang), zones=int(r["n_zones"])))),
                    Para(w.t("src_events", events=w.event_refs()), "note"))
            _outcomes(w, need.need_id)
            _verbale(w, verbale[verbale["placed_need"] == need.need_id])
            _voices(w, [p for p in placed if p.need_id == need.need_id])
    new = [p for p in placed if not p.need_id and p.axis_id == axis_id]
    new_points = verbale[(verbale["placed_need"] == "") & (verbale["placed_axis"] == axis_id)]
    if new or len(new_points):
        w.add(Heading(3, w.t("h_new_needs", id=axis_id)))
        _verbale(w, new_points)
        _voices(w, new, heading=False)


def _validation_table(w: _Writer, axis_id: str, axis_results: pd.DataFrame) -> Table:
    lang = w.lang
    columns = {"need_id": w.t("col_need"), **{f"n_{a}": w.t(f"answer_{a}") for a in ANSWERS},
               "voters": w.t("col_voters"), "agreement": w.t("col_agreement"), "stars": w.t("col_stars"),
               "label": w.t("col_label"), "zone_consensus": w.t("col_consensus"), "n_zones": w.t("col_zones")}
    return w.table(f"asse_{axis_id}_validazione", w.t("t_validation", id=axis_id), axis_results, columns,
                   {"agreement": lambda v: percent(v, lang), "label": lambda v: w.t(f"label_{v}"),
                    "zone_consensus": lambda v: consensus(v, lang)},
                   w.t("src_events", events=w.event_refs()))


def _outcomes(w: _Writer, need_id: str) -> None:
    outcomes = w.inputs.outcomes
    rows = outcomes[(outcomes["need_id"] == need_id) & outcomes["outcome"].notna()]
    for r in rows.itertuples():
        if not r.outcome:
            continue
        ref = w.t("event_ref", code=r.code, date=w.day(r.event_date))
        w.add(Para(w.t("outcome_line", event=ref, outcome=w.t(f"outcome_{r.outcome}"))))
        if isinstance(r.outcome_note, str) and r.outcome_note.strip():
            w.add(Voice(r.outcome_note, w.t("outcome_note", event=ref)))


def _event_tables(w: _Writer, code: str) -> list[tuple[int, str]]:
    found = w.inputs.tables[w.inputs.tables["code"] == code]
    return [(int(n), str(name)) for n, name in zip(found["table_no"], found["name"], strict=True)]


def _verbale(w: _Writer, points: pd.DataFrame) -> None:
    """A table's record points, as written at the table (quoted and labelled, never our words)."""
    if points.empty:
        return
    w.add(Para(w.t("h_verbale")))
    dates = {e.code: w.day(e.event_date) for e in w.inputs.events}
    for p in points.itertuples():
        event = w.t("event_ref", code=p.code, date=dates.get(p.code, ""))
        meta = w.t("verbale_of", table=p.table_name, event=event, kind=w.t(f"note_{p.kind}"))
        if p.link == "suggested":
            meta += " · " + w.t("link_suggested")
        w.add(Voice(str(p.body), meta))


def _voices(w: _Writer, items: list[PlacedText], *, heading: bool = True) -> None:
    if not items:
        return
    if heading:
        w.add(Para(w.t("h_voices")))
    for p in items:
        meta = [w.t("written_by"), w.t(f"kind_{p.kind}"), w.event_refs(p.codes)]
        if p.zones:
            meta.append(w.t("col_zone") + " " + ", ".join(p.zones))
        if p.link in ("suggested", "confirmed"):
            meta.append(w.t(f"link_{p.link}"))
        if p.count > 1:
            meta.append(w.t("similar", n=p.count))
        w.add(Voice(p.body, " · ".join(meta), p.count))


# ---------------------------------------------------------------------------------------------- Per zona
def _zone(w: _Writer, zone_id: str, axes: Sequence[str]) -> None:
    data, lang = w.data, w.lang
    zone = data.zones[data.zones["zone_id"] == zone_id].iloc[0]
    n_comuni = int(zone["n_comuni"])
    comuni = w.tn("comuni", n_comuni)
    w.add(Heading(2, w.t("h_zone", id=zone_id, name=zone["name"])),
          Para(w.t("zone_facts", population=number(zone["population"], lang), comuni=comuni)))
    by_axis = zone_axis_counts(data.projects, zone_id, data.axes)
    by_axis = by_axis[by_axis["axis_id"].isin(axes)].reset_index(drop=True)
    projects = data.projects[data.projects["zone_ids"].map(lambda ids: zone_id in ids)]
    w.add(w.table(f"zona_{zone_id}_assi", w.t("t_zone_axes", id=zone_id), by_axis,
                  {"axis_id": w.t("col_axis"), "name": w.t("col_title"), "n_projects": w.t("col_projects")}, {},
                  w.report_source(*projects["source_quote"])))
    strategies = zone_strategies(data.strategies, data.projects, zone_id, data.zone_ids)
    uncovered = strategies[(~strategies["covered"]) & strategies["axis_id"].isin(axes)]["strategy_id"].tolist()
    w.add(Para(w.t("zone_uncovered", ids=", ".join(uncovered) or w.t("none"))),
          Para(w.t("src_report", section=""), "note"))
    if not w.inputs.events:
        return
    people = w.inputs.participants
    w.add(Para(w.t("zone_participants", n=int((people["zone_id"].astype(str) == zone_id).sum()))))
    counts = zone_axis_matrix(data.projects, data.zones, data.axis_ids)
    convergent = convergent_needs(w.inputs.answers, w.inputs.outcomes, data.needs, counts, [zone_id])
    convergent = convergent[convergent["axis_id"].isin(axes)].reset_index(drop=True)
    if convergent.empty:
        w.add(Para(w.t("convergent_none")))
        return
    w.add(Para(w.t("convergent_intro")),
          w.table(f"zona_{zone_id}_convergente", w.t("t_convergent", id=zone_id), convergent,
                  {"need_id": w.t("col_need"), "axis_id": w.t("col_axis"), "title": w.t("col_title"),
                   "stars": w.t("col_stars_zone"), "voters": w.t("col_voters_zone"),
                   "agreement": w.t("col_agreement_zone")},
                  {"agreement": lambda v: percent(v, lang)}, w.t("src_mixed", events=w.event_refs())))


# ---------------------------------------------------------------------------------------------- Questioni aperte
def _open_questions(w: _Writer, results: pd.DataFrame | None, axes: Sequence[str]) -> None:
    w.add(Heading(1, w.t("h_open")))
    if results is None:
        w.add(Para(w.t("open_none")))
        return
    lang = w.lang
    on_axes = set(w.data.needs.loc[w.data.needs["axis_id"].isin(axes), "need_id"])
    results = results[results["need_id"].isin(on_axes)]
    source = w.t("src_events", events=w.event_refs())
    outcomes = w.inputs.outcomes
    reword = outcomes[(outcomes["outcome"] == "da_riformulare") & outcomes["need_id"].isin(on_axes)]
    reword = reword.assign(event=[w.t("event_ref", code=c, date=w.day(d)) for c, d in
                                  zip(reword["code"], reword["event_date"], strict=True)]).reset_index(drop=True)
    w.add(Heading(2, w.t("t_reword")))
    if reword.empty:
        w.add(Para(w.t("empty_list")))
    else:
        w.add(w.table("questioni_da_riformulare", w.t("t_reword"), reword,
                      {"need_id": w.t("col_need"), "event": w.t("col_event"), "outcome": w.t("col_outcome"),
                       "outcome_note": w.t("col_note")},
                      {"outcome": lambda v: w.t(f"outcome_{v}")}, source))
    columns = {"need_id": w.t("col_need"), "voters": w.t("col_voters"), "agreement": w.t("col_agreement"),
               "n_unclear": w.t("answer_unclear"), "label": w.t("col_label")}
    formats = {"agreement": lambda v: percent(v, lang), "label": lambda v: w.t(f"label_{v}")}
    for key, title, chosen in (
            ("questioni_divisive", "t_divisive", results[results["label"] == "divisiva"]),
            ("questioni_non_chiare", "t_unclear", results[results["n_unclear"] >= UNCLEAR_FLAG])):
        w.add(Heading(2, w.t(title)))
        if chosen.empty:
            w.add(Para(w.t("empty_list")))
        else:
            w.add(w.table(key, w.t(title), chosen.reset_index(drop=True), columns, formats, source))


# ---------------------------------------------------------------------------------------------- Nota metodologica
def _method(w: _Writer, zones: Sequence[str]) -> None:
    w.add(Heading(1, w.t("h_method")), Heading(2, w.t("h_definitions")),
          Bullets(tuple(w.t(k, min_voters=MIN_VOTERS, unclear_flag=UNCLEAR_FLAG)
                        for k in ("def_voters", "def_agreement", "def_label", "def_consensus", "def_stars",
                                  "def_outcome", "def_convergent", "def_projects", "def_matching"))),
          Heading(2, w.t("h_representation")))
    if w.inputs.events:
        table = _representation(w)
        w.add(Para(w.t("representation_note")), Table(table.key + "_nota", table.title, table.columns, table.rows,
                                                       table.source, table.frame))
    else:
        w.add(Para(w.t("representation_none")))
    w.add(Heading(2, w.t("h_can")), Bullets(tuple(w.t(f"can_{i}") for i in range(1, 5))))


def _scenario(w: _Writer, scenario: Scenario) -> None:
    w.add(Heading(1, w.t("h_scenario")))
    for h in scenario.hypotheses:
        where = w.t("hyp_zones", zones=", ".join(h.zone_ids)) if h.zone_ids else w.t("hyp_metro")
        w.add(Para(w.t("hypothesis", name=h.name, strategies=", ".join(h.strategy_ids), where=where,
                       need=w.t("hyp_need", need=h.need_id) if h.need_id else ""), "hypothesis"))


def _sources(w: _Writer) -> None:
    w.add(Heading(1, w.t("h_sources")),
          Bullets((w.t("source_report"), w.t("source_geo"), w.t("source_events"))))
