"""Every UI string, Italian first with English alongside: one place, so the two never drift.

The data stays in Italian as the report writes it; only the interface is translated.
"""

from __future__ import annotations

import streamlit as st

LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"

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
              "online questionnaire. Every number is counted from the curated data, which quotes the report row by row.",
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


def current_language() -> str:
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str, **values: object) -> str:
    """The string for `key` in `lang` (Italian if missing), with `{placeholders}` filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def t(key: str, **values: object) -> str:
    """The string for `key` in the user's current language."""
    return translate(key, current_language(), **values)
