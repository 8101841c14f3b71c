"""UI strings: What-if scenarios and the printable zone sheets."""

from psm_data.i18n import N_, NN_, Message

STRINGS: dict[str, Message] = {
    # --- scenario: the editor (sidebar of Mappa, Copertura, Zona)
    "scn_badge": N_("ipotesi"),
    "scn_editor_title_empty": N_("Scenario: aggiungi progetti ipotetici"),
    "scn_editor_title": NN_("Scenario: 1 progetto ipotetico", "Scenario: {n} progetti ipotetici"),
    "scn_editor_intro": N_(
        "Che cosa cambierebbe se partisse un progetto qui? Le ipotesi non sono nel report: la pagina le "
        "mostra accanto ai fatti del report, sempre etichettate come *ipotesi*.",
    ),
    "scn_form_title": N_("Nuovo progetto ipotetico"),
    "scn_name": N_("Nome"),
    "scn_name_placeholder": N_("es. Polo formativo delle Valli di Lanzo"),
    "scn_strategies": N_("Strategie"),
    "scn_strategies_placeholder": N_("Una o più strategie"),
    "scn_zones": N_("Zone"),
    "scn_zones_placeholder": N_("Una o più zone"),
    "scn_metropolitan_check": N_("Tutta l'area metropolitana (nessuna zona)"),
    "scn_need": N_("Esigenza o proposta a cui risponde (facoltativa)"),
    "scn_need_none": N_("—"),
    "scn_add": N_("Aggiungi ipotesi"),
    "scn_err_name": N_("Dai un nome al progetto (al massimo {max} caratteri)."),
    "scn_err_strategy": N_("Scegli almeno una strategia."),
    "scn_err_value": N_("Un valore non è valido."),
    "scn_err_where": N_("Scegli almeno una zona, oppure l'intera area metropolitana."),
    "scn_err_both": N_("Zone o intera area metropolitana: non entrambe."),
    "scn_err_full": N_("Lo scenario ha già {max} ipotesi, il massimo."),
    "scn_remove": N_("Togli"),
    "scn_remove_help": N_("Togli «{name}» dallo scenario"),
    "scn_clear": N_("Svuota"),
    "scn_share": N_("Lo scenario è nell'indirizzo della pagina: copialo per condividerlo, o scarica il CSV."),
    "scn_download": N_("Scarica scenario (CSV)"),
    "scn_upload": N_("Carica uno scenario (CSV)"),
    "scn_upload_help": N_(
        "Un CSV come quello scaricato qui (colonne source, name, strategy_ids, scope, zone_ids, need_id; "
        "al massimo {max} righe). Sostituisce lo scenario attuale; un file con errori non cambia nulla.",
    ),
    "scn_upload_error": N_("Il file non è uno scenario valido; lo scenario attuale non è cambiato:"),
    "scn_upload_done": NN_("Scenario caricato: {n} ipotesi.", "Scenario caricato: {n} ipotesi."),
    "scn_active_note": NN_(
        "Scenario attivo: 1 progetto ipotetico (su Mappa, Copertura e Zona).",
        "Scenario attivo: {n} progetti ipotetici (su Mappa, Copertura e Zona).",
    ),
    "scn_metropolitan": N_("tutta l'area metropolitana"),
    "scn_scope_zones": N_("zone"),
    "scn_in_zone": N_("zona {zones}"),
    "scn_in_zones": N_("zone {zones}"),
    "scn_answers": N_("risponde a {need}"),
    # --- scenario: side by side on the pages
    "scn_banner": NN_(
        "Scenario con 1 progetto ipotetico. Le cifre del report non cambiano: accanto compaiono quelle "
        "dello scenario, e le celle che cambiano sono evidenziate.",
        "Scenario con {n} progetti ipotetici. Le cifre del report non cambiano: accanto compaiono quelle "
        "dello scenario, e le celle che cambiano sono evidenziate.",
    ),
    "scn_source_report": N_("report"),
    "scn_source_scenario": N_("scenario (ipotesi)"),
    "col_source": N_("Fonte"),
    "scn_col_hypothesis": N_("Progetto ipotetico"),
    "scn_col_need": N_("Risponde a"),
    "scn_closed_header": N_("Lacune che lo scenario chiuderebbe ({n})"),
    "scn_closed_intro": N_("Con i progetti ipotetici, nella vista corrente:"),
    "scn_closed_none": N_("Nessuna lacuna della vista corrente si chiude con questo scenario."),
    "scn_closed_mark": N_("chiusa nello scenario"),
    "scn_zone_axes_closed": N_("nello scenario coperto: asse {axes}"),
    "scn_changed_header": N_("Cambiano tipo ({n}):"),
    "scn_cells_changed": NN_(
        "Nello scenario (ipotesi) cambia 1 cella, bordata e scritta «report → scenario».",
        "Nello scenario (ipotesi) cambiano {n} celle, bordate e scritte «report → scenario».",
    ),
    "scn_cells_none": N_("Nello scenario nessuna cella di questa tabella cambia."),
    "scn_cell_title": N_("report {report} → scenario {scenario} (ipotesi)"),
    "scn_col_hyp_in_selection": N_("Ipotesi nelle zone selezionate"),
    "scn_export_note": N_("Il CSV ha una colonna «source»: report o scenario."),
    "scn_map_view": N_("Sulla mappa"),
    "scn_view_report": N_("Report"),
    "scn_view_scenario": N_("Scenario (ipotesi)"),
    "scn_view_diff": N_("Differenza (ipotesi)"),
    "scn_map_value_scenario": N_("{value} nello scenario (ipotesi)"),
    "scn_map_value_diff": N_("{value} aggiunti dallo scenario (ipotesi)"),
    "scn_map_caption_scenario": N_(
        "Scenario (ipotesi): progetti del report più quelli ipotetici; le zone che cambiano hanno il "
        "bordo tratteggiato.",
    ),
    "scn_map_caption_diff": N_(
        "Differenza (ipotesi): quanti progetti ipotetici lo scenario aggiunge in ogni zona (grigio = "
        "nessuno); le zone che cambiano hanno il bordo tratteggiato.",
    ),
    "scn_m_hypotheses": N_("Progetti ipotetici"),
    "scn_m_hypotheses_help": N_("Dello scenario, per questa scelta di asse e strategia (ipotesi, non del report)."),
    "scn_col_n_scenario": N_("Progetti nello scenario (ipotesi)"),
    "scn_col_delta": N_("Differenza (ipotesi)"),
    "scn_map_hypotheses_header": N_("Progetti ipotetici dello scenario ({n})"),
    "scn_map_hypotheses_caption": N_(
        "Ipotesi aggiunte nello scenario, non fatti del report. Nel CSV la colonna «source» vale "
        "«scenario».",
    ),
    "scn_map_no_hypotheses": N_("Nessun progetto ipotetico per questa scelta."),
    # --- places that lie in one zone (zona dedotta dal luogo)
    "place_marker": N_("{name} — zona {zone} dedotta dal luogo"),
    "place_map_caption": N_(
        "Il rombo tratteggiato segna un progetto che il report lega solo a un luogo, che sta tutto in "
        "una zona (zona dedotta dal luogo): non è contato nei colori.",
    ),
    "place_header": N_("Con zona dedotta dal luogo ({n})"),
    "place_caption": N_(
        "Il report non indica la zona ma solo un luogo, che sta tutto in una zona secondo l'elenco dei "
        "comuni: li mostriamo su quella zona, contati a parte (regola ed elenco in «Indicazioni e "
        "fonti»).",
    ),
    "place_col_zone": N_("Zona dedotta dal luogo"),
    "place_col_basis": N_("Base della zona"),
    "place_basis_value": N_("dedotta dal luogo"),
    "scn_metric_delta": NN_("+{n} ipotesi", "+{n} ipotesi"),
    "scn_zone_hypotheses_header": N_("Progetti ipotetici dello scenario per la zona ({n})"),
    "scn_zone_hypotheses_caption": N_(
        "Ipotesi localizzate nella zona o estese a tutta l'area metropolitana: non sono nel report e non "
        "cambiano le cifre del report qui sopra (salvo il «+» accanto).",
    ),
    "scn_zone_no_hypotheses": N_("Nessuna ipotesi dello scenario riguarda questa zona."),
    "scn_covered_in_scenario": N_("coperta nello scenario"),
    "scn_zone_axes_covered": N_("Nello scenario avrebbero un progetto anche gli assi: {axes}."),
    "zone_sheet_download": N_("Scheda della zona (PDF)"),
    "zone_sheet_download_help": N_(
        "Una pagina A4 da stampare: mappa, cifre, comuni, progetti per asse, strategie senza progetti, "
        "esigenze degli assi scoperti, QR code alla pagina della zona. Solo fatti del report (niente "
        "ipotesi).",
    ),
    "place_rule_header": N_("Luoghi che stanno in una zona («zona dedotta dal luogo»)"),
    "place_rule_text": N_(
        "Alcuni progetti sono legati dal report solo a un luogo, senza zona. Quando **ogni** luogo "
        "nominato sta **tutto in una sola zona** secondo `comuni.csv`, l'app mostra il progetto anche su "
        "quella zona, con il segno *zona dedotta dal luogo* (rombo tratteggiato sulle mappe e sulle "
        "schede), **contato a parte** rispetto alle zone che il report indica. Un luogo vale se è un "
        "comune (per nome; «Città di Torino» è il comune di Torino) oppure un'area con i suoi comuni "
        "presi da un riferimento citato (`place_areas.csv`). Restano senza zona i luoghi che "
        "attraversano più zone (il Canavese, una linea ferroviaria) e quelli di cui non c'è un elenco di "
        "comuni citato. La zona dedotta è calcolata da `places` e `comuni.csv` a ogni avvio, non è "
        "scritta nei dati; se un comune ha una zona dedotta (vedi sopra), lo è anche la zona del "
        "progetto.",
    ),
    "place_col_outcome": N_("Esito"),
    "place_col_comuni": N_("Comuni"),
    "place_col_reference": N_("Riferimento per l'area"),
    "place_col_place": N_("Luogo"),
    "place_outcome_deduced": N_("zona {zone} dedotta dal luogo"),
    "place_outcome_spans": N_("resta senza zona: i luoghi sono in più zone ({zones})"),
    "place_outcome_unresolved": N_(
        "resta senza zona: «{places}» non è un comune né un'area con elenco di comuni citato",
    ),
    "place_outcome_unresolved_many": N_(
        "resta senza zona: «{places}» non sono comuni né aree con elenco di comuni citato",
    ),
    "place_areas_caption": N_("Aree con i loro comuni da un riferimento citato (place_areas.csv):"),
    # --- zone sheet (PDF): every key starting with "sheet_" is passed to psm_data.documents.zone_sheet
    "sheet_title": N_("Zona {id} · {name}"),
    "sheet_subtitle": N_(
        "Piano Strategico Metropolitano Torino 2024|2026 · scheda di zona dalla restituzione della fase "
        "preliminare",
    ),
    "sheet_population": N_("abitanti (ISTAT 2023)"),
    "sheet_area": N_("superficie"),
    "sheet_comuni": N_("comuni ({n} con zona dedotta*)"),
    "sheet_comuni_plain": N_("comuni"),
    "sheet_comuni_one": N_("comune"),
    "sheet_projects": N_("progetti localizzati dal report (+{n} dal luogo)"),
    "sheet_projects_plain": N_("progetti localizzati dal report"),
    "sheet_qr_zone": N_("La zona nell'app:"),
    "sheet_comuni_header": N_("I {n} comuni"),
    "sheet_comuni_header_one": N_("Il comune"),
    "sheet_inferred_note": N_(
        "* zona assegnata per deduzione: l'elenco ufficiale dei comuni per zona non è disponibile (vedi "
        "«Indicazioni e fonti» nell'app).",
    ),
    "sheet_legend_zone": N_("zona {id}"),
    "sheet_legend_comuni": N_("confine comunale"),
    "sheet_legend_inferred": N_("comune con zona dedotta"),
    "sheet_legend_neighbours": N_("zone vicine, con il loro numero"),
    "sheet_legend_place": N_("progetto con zona dedotta dal luogo"),
    "sheet_projects_header": N_("Progetti localizzati nella zona, per asse ({n})"),
    "sheet_axis": N_("Asse {id} · {name}"),
    "sheet_no_projects": N_("nessun progetto"),
    "sheet_place_item": N_("zona dedotta dal luogo: {places}"),
    "sheet_place_note": N_(
        "Con il rombo: il report indica solo il luogo, che sta tutto in questa zona ({n}); non è contato "
        "tra i progetti localizzati dal report.",
    ),
    "sheet_metropolitan_note": N_(
        "Inoltre {n} progetti di scala metropolitana valgono per tutte le zone (elenco nell'app).",
    ),
    "sheet_uncovered_header": N_("Strategie senza progetti localizzati nella zona ({n})"),
    "sheet_no_actions": N_("nessuna azione nel report"),
    "sheet_uncovered_place": N_("dal luogo: {names}"),
    "sheet_needs_header": N_("Esigenze 2024–26 degli assi senza progetti nella zona ({n})"),
    "sheet_needs_none": N_("Ogni asse ha almeno un progetto localizzato nella zona."),
    "sheet_source": N_(
        "Fonte: Città metropolitana di Torino, Piano Strategico Metropolitano 2024|2026 — Restituzione "
        "della fase preliminare. Confini: ISTAT/openpolis 2023, CC-BY 4.0.",
    ),
    "sheet_generated": N_("Generata il {date} da PSM Torino Explorer."),
    "sheet_event_header": N_("Evento di ascolto: {title}"),
    "sheet_event_join": N_("Rispondi dal telefono:"),
    "sheet_event_when": N_("{date} · {place}"),
    "sheet_event_code": N_("Codice evento:"),
    "sheet_event_intro": N_("Oppure qui: una croce per riga; stella sulle esigenze prioritarie (al massimo {max})."),
    "sheet_event_sheet_no": N_("Scheda n."),
    "sheet_event_zone": N_("Zona (1–11)"),
    "sheet_event_role": N_("Ruolo:"),
    "sheet_event_need": N_("Esigenza"),
    "sheet_event_comment": N_("Commento:"),
    # --- gap lines: where the strategy's projects are (Copertura)
    "gap_where_unlocalised": NN_(
        "1 progetto di scala metropolitana o senza zona indicata",
        "{n} progetti di scala metropolitana o senza zona indicata",
    ),
    "gap_where_zones": NN_("altrove: zona {zones}", "altrove: zone {zones}"),
    "gap_where_places": NN_("zona {zones} dedotta dal luogo", "zone {zones} dedotte dal luogo"),
    "col_zones_elsewhere": N_("Zone fuori selezione con progetti"),
    "col_place_zones": N_("Zone dedotte dal luogo"),
    # --- the zone sheet and the wide matrix
    "zone_sheet_no_hypotheses": N_(
        "La scheda stampa solo i fatti del report: i progetti ipotetici dello scenario non ci sono.",
    ),
    "matrix_scrolls": N_(
        "↔ Tabella larga ({n} colonne): se non entra nello schermo scorre di lato (trascina o usa le "
        "frecce); per una tabella più stretta scegli un asse nella barra laterale.",
    ),
}
