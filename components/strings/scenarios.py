"""UI strings: What-if scenarios and the printable zone sheets."""

STRINGS: dict[str, dict[str, str]] = {
    # --- scenario: the editor (sidebar of Mappa, Copertura, Zona)
    "scn_badge": {"it": "ipotesi", "en": "hypothesis"},
    "scn_editor_title_empty": {"it": "Scenario: aggiungi progetti ipotetici",
                               "en": "Scenario: add hypothetical projects"},
    "scn_editor_title": {"it": "Scenario: {n} progetti ipotetici", "en": "Scenario: {n} hypothetical projects",
                         "it_one": "Scenario: 1 progetto ipotetico", "en_one": "Scenario: 1 hypothetical project"},
    "scn_editor_intro": {
        "it": "Che cosa cambierebbe se partisse un progetto qui? Le ipotesi non sono nel report: la pagina le mostra "
              "accanto ai fatti del report, sempre etichettate come *ipotesi*.",
        "en": "What would change if a project started here? Hypotheses are not in the report: the page shows them "
              "next to the report's facts, always labelled *hypothesis*.",
    },
    "scn_form_title": {"it": "Nuovo progetto ipotetico", "en": "New hypothetical project"},
    "scn_name": {"it": "Nome", "en": "Name"},
    "scn_name_placeholder": {"it": "es. Polo formativo delle Valli di Lanzo",
                             "en": "e.g. Training hub of the Valli di Lanzo"},
    "scn_strategies": {"it": "Strategie", "en": "Strategies"},
    "scn_strategies_placeholder": {"it": "Una o più strategie", "en": "One or more strategies"},
    "scn_zones": {"it": "Zone", "en": "Zones"},
    "scn_zones_placeholder": {"it": "Una o più zone", "en": "One or more zones"},
    "scn_metropolitan_check": {"it": "Tutta l'area metropolitana (nessuna zona)",
                               "en": "The whole metropolitan area (no zone)"},
    "scn_need": {"it": "Esigenza o proposta a cui risponde (facoltativa)",
                 "en": "Need or proposal it answers (optional)"},
    "scn_need_none": {"it": "—", "en": "—"},
    "scn_add": {"it": "Aggiungi ipotesi", "en": "Add hypothesis"},
    "scn_err_name": {"it": "Dai un nome al progetto (al massimo {max} caratteri).",
                     "en": "Give the project a name (at most {max} characters)."},
    "scn_err_strategy": {"it": "Scegli almeno una strategia.", "en": "Choose at least one strategy."},
    "scn_err_value": {"it": "Un valore non è valido.", "en": "A value is not valid."},
    "scn_err_where": {"it": "Scegli almeno una zona, oppure l'intera area metropolitana.",
                      "en": "Choose at least one zone, or the whole metropolitan area."},
    "scn_err_both": {"it": "Zone o intera area metropolitana: non entrambe.",
                     "en": "Zones or the whole metropolitan area: not both."},
    "scn_err_full": {"it": "Lo scenario ha già {max} ipotesi, il massimo.",
                     "en": "The scenario already has {max} hypotheses, the maximum."},
    "scn_remove": {"it": "Togli", "en": "Remove"},
    "scn_remove_help": {"it": "Togli «{name}» dallo scenario", "en": "Remove “{name}” from the scenario"},
    "scn_clear": {"it": "Svuota", "en": "Clear"},
    "scn_share": {"it": "Lo scenario è nell'indirizzo della pagina: copialo per condividerlo, o scarica il CSV.",
                  "en": "The scenario is in the page address: copy it to share it, or download the CSV."},
    "scn_download": {"it": "Scarica scenario (CSV)", "en": "Download scenario (CSV)"},
    "scn_upload": {"it": "Carica uno scenario (CSV)", "en": "Upload a scenario (CSV)"},
    "scn_upload_help": {
        "it": "Un CSV come quello scaricato qui (colonne source, name, strategy_ids, scope, zone_ids, need_id; "
              "al massimo {max} righe). Sostituisce lo scenario attuale; un file con errori non cambia nulla.",
        "en": "A CSV like the one downloaded here (columns source, name, strategy_ids, scope, zone_ids, need_id; "
              "at most {max} rows). It replaces the current scenario; a file with errors changes nothing.",
    },
    "scn_upload_error": {"it": "Il file non è uno scenario valido; lo scenario attuale non è cambiato:",
                         "en": "The file is not a valid scenario; the current scenario is unchanged:"},
    "scn_upload_done": {"it": "Scenario caricato: {n} ipotesi.", "en": "Scenario loaded: {n} hypotheses.",
                        "en_one": "Scenario loaded: 1 hypothesis."},
    "scn_active_note": {"it": "Scenario attivo: {n} progetti ipotetici (su Mappa, Copertura e Zona).",
                        "en": "Scenario active: {n} hypothetical projects (on Map, Coverage and Zone).",
                        "it_one": "Scenario attivo: 1 progetto ipotetico (su Mappa, Copertura e Zona).",
                        "en_one": "Scenario active: 1 hypothetical project (on Map, Coverage and Zone)."},
    "scn_metropolitan": {"it": "tutta l'area metropolitana", "en": "whole metropolitan area"},
    "scn_scope_zones": {"it": "zone", "en": "zones"},
    "scn_in_zone": {"it": "zona {zones}", "en": "zone {zones}"},
    "scn_in_zones": {"it": "zone {zones}", "en": "zones {zones}"},
    "scn_answers": {"it": "risponde a {need}", "en": "answers {need}"},
    # --- scenario: side by side on the pages
    "scn_banner": {
        "it": "Scenario con {n} progetti ipotetici. Le cifre del report non cambiano: accanto compaiono quelle dello "
              "scenario, e le celle che cambiano sono evidenziate.",
        "en": "Scenario with {n} hypothetical projects. The report's figures do not change: the scenario's appear "
              "next to them, and the cells that change are highlighted.",
        "it_one": "Scenario con 1 progetto ipotetico. Le cifre del report non cambiano: accanto compaiono quelle "
                  "dello scenario, e le celle che cambiano sono evidenziate.",
        "en_one": "Scenario with 1 hypothetical project. The report's figures do not change: the scenario's appear "
                  "next to it, and the cells that change are highlighted.",
    },
    "scn_source_report": {"it": "report", "en": "report"},
    "scn_source_scenario": {"it": "scenario (ipotesi)", "en": "scenario (hypothesis)"},
    "col_source": {"it": "Fonte", "en": "Source"},
    "scn_col_hypothesis": {"it": "Progetto ipotetico", "en": "Hypothetical project"},
    "scn_col_need": {"it": "Risponde a", "en": "Answers"},
    "scn_closed_header": {"it": "Lacune che lo scenario chiuderebbe ({n})",
                          "en": "Gaps the scenario would close ({n})"},
    "scn_closed_intro": {"it": "Con i progetti ipotetici, nella vista corrente:",
                         "en": "With the hypothetical projects, in the current view:"},
    "scn_closed_none": {"it": "Nessuna lacuna della vista corrente si chiude con questo scenario.",
                        "en": "No gap of the current view closes with this scenario."},
    "scn_closed_mark": {"it": "chiusa nello scenario", "en": "closed in the scenario"},
    "scn_zone_axes_closed": {"it": "nello scenario coperto: asse {axes}", "en": "covered in the scenario: axis {axes}"},
    "scn_changed_header": {"it": "Cambiano tipo ({n}):", "en": "Change kind ({n}):"},
    "scn_cells_changed": {"it": "Nello scenario (ipotesi) cambiano {n} celle, bordate e scritte «report → scenario».",
                          "en": "In the scenario (hypothesis) {n} cells change, outlined and written "
                                "“report → scenario”.",
                          "it_one": "Nello scenario (ipotesi) cambia 1 cella, bordata e scritta «report → scenario».",
                          "en_one": "In the scenario (hypothesis) 1 cell changes, outlined and written "
                                    "“report → scenario”."},
    "scn_cells_none": {"it": "Nello scenario nessuna cella di questa tabella cambia.",
                       "en": "In the scenario no cell of this table changes."},
    "scn_cell_title": {"it": "report {report} → scenario {scenario} (ipotesi)",
                       "en": "report {report} → scenario {scenario} (hypothesis)"},
    "scn_col_hyp_in_selection": {"it": "Ipotesi nelle zone selezionate", "en": "Hypotheses in selected zones"},
    "scn_export_note": {"it": "Il CSV ha una colonna «source»: report o scenario.",
                        "en": "The CSV has a “source” column: report or scenario."},
    "scn_map_view": {"it": "Sulla mappa", "en": "On the map"},
    "scn_view_report": {"it": "Report", "en": "Report"},
    "scn_view_scenario": {"it": "Scenario (ipotesi)", "en": "Scenario (hypothesis)"},
    "scn_view_diff": {"it": "Differenza (ipotesi)", "en": "Difference (hypothesis)"},
    "scn_map_value_scenario": {"it": "{value} nello scenario (ipotesi)", "en": "{value} in the scenario (hypothesis)"},
    "scn_map_value_diff": {"it": "{value} aggiunti dallo scenario (ipotesi)",
                           "en": "{value} added by the scenario (hypothesis)"},
    "scn_map_caption_scenario": {
        "it": "Scenario (ipotesi): progetti del report più quelli ipotetici; le zone che cambiano hanno il bordo "
              "tratteggiato.",
        "en": "Scenario (hypothesis): the report's projects plus the hypothetical ones; the zones that change have a "
              "dashed outline.",
    },
    "scn_map_caption_diff": {
        "it": "Differenza (ipotesi): quanti progetti ipotetici lo scenario aggiunge in ogni zona (grigio = nessuno); "
              "le zone che cambiano hanno il bordo tratteggiato.",
        "en": "Difference (hypothesis): how many hypothetical projects the scenario adds in each zone (grey = none); "
              "the zones that change have a dashed outline.",
    },
    "scn_m_hypotheses": {"it": "Progetti ipotetici", "en": "Hypothetical projects"},
    "scn_m_hypotheses_help": {"it": "Dello scenario, per questa scelta di asse e strategia (ipotesi, non del report).",
                              "en": "Of the scenario, for this axis and strategy (hypotheses, not the report's)."},
    "scn_col_n_scenario": {"it": "Progetti nello scenario (ipotesi)", "en": "Projects in the scenario (hypothesis)"},
    "scn_col_delta": {"it": "Differenza (ipotesi)", "en": "Difference (hypothesis)"},
    "scn_map_hypotheses_header": {"it": "Progetti ipotetici dello scenario ({n})",
                                  "en": "Hypothetical projects of the scenario ({n})"},
    "scn_map_hypotheses_caption": {
        "it": "Ipotesi aggiunte nello scenario, non fatti del report. Nel CSV la colonna «source» vale «scenario».",
        "en": "Hypotheses added in the scenario, not facts of the report. In the CSV the “source” column is "
              "“scenario”.",
    },
    "scn_map_no_hypotheses": {"it": "Nessun progetto ipotetico per questa scelta.",
                              "en": "No hypothetical project for this choice."},
    # --- places that lie in one zone (zona dedotta dal luogo)
    "place_marker": {"it": "{name} — zona {zone} dedotta dal luogo",
                     "en": "{name} — zone {zone} deduced from the place"},
    "place_map_caption": {
        "it": "Il rombo tratteggiato segna un progetto che il report lega solo a un luogo, che sta tutto in una zona "
              "(zona dedotta dal luogo): non è contato nei colori.",
        "en": "The dashed diamond marks a project the report ties only to a place lying wholly in one zone (zone "
              "deduced from the place): it is not counted in the colours.",
    },
    "place_header": {"it": "Con zona dedotta dal luogo ({n})", "en": "With the zone deduced from the place ({n})"},
    "place_caption": {
        "it": "Il report non indica la zona ma solo un luogo, che sta tutto in una zona secondo l'elenco dei comuni: "
              "li mostriamo su quella zona, contati a parte (regola ed elenco in «Indicazioni e fonti»).",
        "en": "The report names no zone but a place lying wholly in one zone according to the list of comuni: we "
              "show them on that zone, counted apart (rule and list in “Guidance and sources”).",
    },
    "place_col_zone": {"it": "Zona dedotta dal luogo", "en": "Zone deduced from the place"},
    "place_col_basis": {"it": "Base della zona", "en": "Zone basis"},
    "place_basis_value": {"it": "dedotta dal luogo", "en": "deduced from the place"},
    "scn_metric_delta": {"it": "+{n} ipotesi", "en": "+{n} hypotheses", "en_one": "+1 hypothesis"},
    "scn_zone_hypotheses_header": {"it": "Progetti ipotetici dello scenario per la zona ({n})",
                                   "en": "Hypothetical projects of the scenario for the zone ({n})"},
    "scn_zone_hypotheses_caption": {
        "it": "Ipotesi localizzate nella zona o estese a tutta l'area metropolitana: non sono nel report e non "
              "cambiano le cifre del report qui sopra (salvo il «+» accanto).",
        "en": "Hypotheses localised in the zone or covering the whole metropolitan area: they are not in the report "
              "and do not change the report's figures above (except the “+” next to them).",
    },
    "scn_zone_no_hypotheses": {"it": "Nessuna ipotesi dello scenario riguarda questa zona.",
                               "en": "No hypothesis of the scenario concerns this zone."},
    "scn_covered_in_scenario": {"it": "coperta nello scenario", "en": "covered in the scenario"},
    "scn_zone_axes_covered": {"it": "Nello scenario avrebbero un progetto anche gli assi: {axes}.",
                              "en": "In the scenario these axes would have a project too: {axes}."},
    "zone_sheet_download": {"it": "Scheda della zona (PDF)", "en": "Zone sheet (PDF)"},
    "zone_sheet_download_help": {
        "it": "Una pagina A4 da stampare: mappa, cifre, comuni, progetti per asse, strategie senza progetti, "
              "esigenze degli assi scoperti, QR code alla pagina della zona. Solo fatti del report (niente ipotesi).",
        "en": "One A4 page to print: map, figures, comuni, projects by axis, strategies without projects, needs of "
              "the uncovered axes, a QR code to the zone's page. Only the report's facts (no hypotheses).",
    },
    "place_rule_header": {"it": "Luoghi che stanno in una zona («zona dedotta dal luogo»)",
                          "en": "Places that lie in one zone (“zone deduced from the place”)"},
    "place_rule_text": {
        "it": "Alcuni progetti sono legati dal report solo a un luogo, senza zona. Quando **ogni** luogo nominato "
              "sta **tutto in una sola zona** secondo `comuni.csv`, l'app mostra il progetto anche su quella zona, "
              "con il segno *zona dedotta dal luogo* (rombo tratteggiato sulle mappe e sulle schede), **contato a "
              "parte** rispetto alle zone che il report indica. Un luogo vale se è un comune (per nome; «Città di "
              "Torino» è il comune di Torino) oppure un'area con i suoi comuni presi da un riferimento citato "
              "(`place_areas.csv`). Restano senza zona i luoghi che attraversano più zone (il Canavese, una linea "
              "ferroviaria) e quelli di cui non c'è un elenco di comuni citato. La zona dedotta è calcolata da "
              "`places` e `comuni.csv` a ogni avvio, non è scritta nei dati; se un comune ha una zona dedotta "
              "(vedi sopra), lo è anche la zona del progetto.",
        "en": "Some projects are tied by the report to a place only, with no zone. When **every** place named lies "
              "**wholly in one zone** according to `comuni.csv`, the app shows the project on that zone too, marked "
              "*zone deduced from the place* (a dashed diamond on maps and sheets), **counted apart** from the zones "
              "the report states. A place counts when it is a comune (by name; “Città di Torino” is the comune of "
              "Torino) or an area whose comuni come from a cited reference (`place_areas.csv`). Places that span "
              "zones (the Canavese, a railway line) and places without a cited list of comuni stay unlocalised. The "
              "deduced zone is computed from `places` and `comuni.csv` at start-up, never written into the data; "
              "where a comune's zone is inferred (see above), so is the project's.",
    },
    "place_col_outcome": {"it": "Esito", "en": "Outcome"},
    "place_col_comuni": {"it": "Comuni", "en": "Comuni"},
    "place_col_reference": {"it": "Riferimento per l'area", "en": "Reference for the area"},
    "place_col_place": {"it": "Luogo", "en": "Place"},
    "place_outcome_deduced": {"it": "zona {zone} dedotta dal luogo", "en": "zone {zone} deduced from the place"},
    "place_outcome_spans": {"it": "resta senza zona: i luoghi sono in più zone ({zones})",
                            "en": "stays unlocalised: the places lie in several zones ({zones})"},
    "place_outcome_unresolved": {
        "it": "resta senza zona: «{places}» non è un comune né un'area con elenco di comuni citato",
        "en": "stays unlocalised: “{places}” is neither a comune nor an area with a cited list of comuni",
    },
    "place_outcome_unresolved_many": {
        "it": "resta senza zona: «{places}» non sono comuni né aree con elenco di comuni citato",
        "en": "stays unlocalised: “{places}” are neither comuni nor areas with a cited list of comuni",
    },
    "place_areas_caption": {"it": "Aree con i loro comuni da un riferimento citato (place_areas.csv):",
                            "en": "Areas with their comuni from a cited reference (place_areas.csv):"},
    # --- zone sheet (PDF): every key starting with "sheet_" is passed to psm_data.documents.zone_sheet
    "sheet_title": {"it": "Zona {id} · {name}", "en": "Zone {id} · {name}"},
    "sheet_subtitle": {
        "it": "Piano Strategico Metropolitano Torino 2024|2026 · scheda di zona dalla restituzione della fase "
              "preliminare",
        "en": "Metropolitan Strategic Plan Torino 2024|2026 · zone sheet from the report of the preliminary phase",
    },
    "sheet_decimal_sep": {"it": ",", "en": "."},
    "sheet_population": {"it": "abitanti (ISTAT 2023)", "en": "inhabitants (ISTAT 2023)"},
    "sheet_area": {"it": "superficie", "en": "area"},
    "sheet_comuni": {"it": "comuni ({n} con zona dedotta*)", "en": "comuni ({n} with inferred zone*)"},
    "sheet_comuni_plain": {"it": "comuni", "en": "comuni"},
    "sheet_comuni_one": {"it": "comune", "en": "comune"},
    "sheet_projects": {"it": "progetti localizzati dal report (+{n} dal luogo)",
                       "en": "projects localised by the report (+{n} from the place)"},
    "sheet_projects_plain": {"it": "progetti localizzati dal report", "en": "projects localised by the report"},
    "sheet_qr_zone": {"it": "La zona nell'app:", "en": "The zone in the app:"},
    "sheet_comuni_header": {"it": "I {n} comuni", "en": "The {n} comuni"},
    "sheet_comuni_header_one": {"it": "Il comune", "en": "The comune"},
    "sheet_inferred_note": {
        "it": "* zona assegnata per deduzione: l'elenco ufficiale dei comuni per zona non è disponibile "
              "(vedi «Indicazioni e fonti» nell'app).",
        "en": "* zone assigned by inference: the official list of comuni per zone is not available "
              "(see “Guidance and sources” in the app).",
    },
    "sheet_legend_zone": {"it": "zona {id}", "en": "zone {id}"},
    "sheet_legend_comuni": {"it": "confine comunale", "en": "comune boundary"},
    "sheet_legend_inferred": {"it": "comune con zona dedotta", "en": "comune with inferred zone"},
    "sheet_legend_neighbours": {"it": "zone vicine, con il loro numero", "en": "neighbouring zones, numbered"},
    "sheet_legend_place": {"it": "progetto con zona dedotta dal luogo", "en": "project with zone deduced from place"},
    "sheet_projects_header": {"it": "Progetti localizzati nella zona, per asse ({n})",
                              "en": "Projects localised in the zone, by axis ({n})"},
    "sheet_axis": {"it": "Asse {id} · {name}", "en": "Axis {id} · {name}"},
    "sheet_no_projects": {"it": "nessun progetto", "en": "no project"},
    "sheet_place_item": {"it": "zona dedotta dal luogo: {places}", "en": "zone deduced from the place: {places}"},
    "sheet_place_note": {
        "it": "Con il rombo: il report indica solo il luogo, che sta tutto in questa zona ({n}); non è contato tra "
              "i progetti localizzati dal report.",
        "en": "With the diamond: the report names only the place, which lies wholly in this zone ({n}); not counted "
              "among the projects the report localises.",
    },
    "sheet_metropolitan_note": {
        "it": "Inoltre {n} progetti di scala metropolitana valgono per tutte le zone (elenco nell'app).",
        "en": "Also {n} metropolitan-wide projects apply to every zone (listed in the app).",
    },
    "sheet_uncovered_header": {"it": "Strategie senza progetti localizzati nella zona ({n})",
                               "en": "Strategies with no project localised in the zone ({n})"},
    "sheet_no_actions": {"it": "nessuna azione nel report", "en": "no action in the report"},
    "sheet_uncovered_place": {"it": "dal luogo: {names}", "en": "from the place: {names}"},
    "sheet_needs_header": {"it": "Esigenze 2024–26 degli assi senza progetti nella zona ({n})",
                           "en": "2024–26 needs of the axes with no project in the zone ({n})"},
    "sheet_needs_none": {"it": "Ogni asse ha almeno un progetto localizzato nella zona.",
                         "en": "Every axis has at least one project localised in the zone."},
    "sheet_source": {
        "it": "Fonte: Città metropolitana di Torino, Piano Strategico Metropolitano 2024|2026 — Restituzione della "
              "fase preliminare. Confini: ISTAT/openpolis 2023, CC-BY 4.0.",
        "en": "Source: Città metropolitana di Torino, Metropolitan Strategic Plan 2024|2026 — report of the "
              "preliminary phase. Boundaries: ISTAT/openpolis 2023, CC-BY 4.0.",
    },
    "sheet_generated": {"it": "Generata il {date} da PSM Torino Explorer.",
                        "en": "Generated on {date} by PSM Torino Explorer."},
    "sheet_event_header": {"it": "Evento di ascolto: {title}", "en": "Listening event: {title}"},
    "sheet_event_join": {"it": "Rispondi dal telefono:", "en": "Answer from your phone:"},
    "sheet_event_when": {"it": "{date} · {place}", "en": "{date} · {place}"},
    "sheet_event_code": {"it": "Codice evento:", "en": "Event code:"},
    "sheet_event_intro": {
        "it": "Oppure qui: una croce per riga; stella sulle esigenze prioritarie (al massimo {max}).",
        "en": "Or here: one cross per row; a star on your priority needs (at most {max}).",
    },
    "sheet_event_sheet_no": {"it": "Scheda n.", "en": "Sheet no."},
    "sheet_event_zone": {"it": "Zona (1–11)", "en": "Zone (1–11)"},
    "sheet_event_role": {"it": "Ruolo:", "en": "Role:"},
    "sheet_event_need": {"it": "Esigenza", "en": "Need"},
    "sheet_event_comment": {"it": "Commento:", "en": "Comment:"},
    # --- gap lines: where the strategy's projects are (Copertura)
    "gap_where_unlocalised": {"it": "{n} progetti di scala metropolitana o senza zona indicata",
                              "en": "{n} metropolitan-wide or unlocalised projects",
                              "it_one": "1 progetto di scala metropolitana o senza zona indicata",
                              "en_one": "1 metropolitan-wide or unlocalised project"},
    "gap_where_zones": {"it": "altrove: zone {zones}", "en": "elsewhere: zones {zones}",
                        "it_one": "altrove: zona {zones}", "en_one": "elsewhere: zone {zones}"},
    "gap_where_places": {"it": "zone {zones} dedotte dal luogo", "en": "zones {zones} deduced from the place",
                         "it_one": "zona {zones} dedotta dal luogo", "en_one": "zone {zones} deduced from the place"},
    "col_zones_elsewhere": {"it": "Zone fuori selezione con progetti", "en": "Zones outside the selection with "
                                                                            "projects"},
    "col_place_zones": {"it": "Zone dedotte dal luogo", "en": "Zones deduced from the place"},
    # --- the zone sheet and the wide matrix
    "zone_sheet_no_hypotheses": {
        "it": "La scheda stampa solo i fatti del report: i progetti ipotetici dello scenario non ci sono.",
        "en": "The sheet prints only the report's facts: the scenario's hypothetical projects are not on it.",
    },
    "matrix_scrolls": {
        "it": "↔ Tabella larga ({n} colonne): se non entra nello schermo scorre di lato (trascina o usa le frecce); "
              "per una tabella più stretta scegli un asse nella barra laterale.",
        "en": "↔ Wide table ({n} columns): when it does not fit the screen it scrolls sideways (swipe or use the "
              "arrow keys); for a narrower table choose an axis in the sidebar.",
    },
}
