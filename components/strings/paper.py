"""UI strings: the *Documento di sintesi* page (the position paper draft)."""

STRINGS: dict[str, dict[str, str]] = {
    "nav_paper": {"it": "Documento di sintesi", "en": "Synthesis document"},
    "pp_intro": {
        "it": "La bozza del *position paper* che il rapporto annuncia: il percorso, ogni asse con le sue esigenze e "
              "la loro validazione, ogni zona con la vista convergente, le questioni aperte e la nota metodologica. "
              "Ogni numero porta la sua fonte: il rapporto (sezione e citazione) o l'evento (codice e data). "
              "Si scarica come Word modificabile, come PDF e come tabelle CSV.",
        "en": "The draft of the *position paper* the report announces: the process, each axis with its needs and "
              "their validation, each zone with the convergent view, open questions and the methodological note. "
              "Every figure carries its source: the report (section and quote) or the event (code and date). "
              "Download it as editable Word, as PDF and as CSV tables.",
    },
    "pp_events_table": {"it": "Gli eventi di ascolto", "en": "The listening events"},
    "pp_col_code": {"it": "Codice", "en": "Code"},
    "pp_col_date": {"it": "Data", "en": "Date"},
    "pp_col_title": {"it": "Titolo", "en": "Title"},
    "pp_col_place": {"it": "Luogo", "en": "Place"},
    "pp_col_participants": {"it": "Partecipanti", "en": "Participants"},
    "pp_col_note": {"it": "Escluso da «tutti»", "en": "Left out of «all»"},
    "pp_events": {"it": "Eventi da includere", "en": "Events to include"},
    "pp_events_help": {
        "it": "Di norma tutti gli eventi tranne le prove e gli archiviati. Senza eventi il documento riporta solo "
              "il rapporto.",
        "en": "By default every event except rehearsals and archived ones. With no event the document gives the "
              "report only.",
    },
    "pp_events_placeholder": {"it": "Nessun evento: solo il rapporto", "en": "No event: the report only"},
    "pp_event_rehearsal": {"it": "prova", "en": "rehearsal"},
    "pp_event_archived": {"it": "archiviato", "en": "archived"},
    "pp_no_store": {"it": "Il database degli eventi non è disponibile: il documento riporterà solo il rapporto.",
                    "en": "The events database is not available: the document will give the report only."},
    "pp_scope": {"it": "Zone: {zones}. Asse: {axis}. Si cambiano dal filtro nella barra laterale.",
                 "en": "Zones: {zones}. Axis: {axis}. Change them with the sidebar's filter."},
    "pp_all_zones": {"it": "tutte le 11", "en": "all 11"},
    "pp_all_axes": {"it": "tutti e 6", "en": "all 6"},
    "pp_scenario": {"it": "Includi le ipotesi dello scenario attivo ({n}), etichettate come ipotesi",
                    "en": "Include the active scenario's hypotheses ({n}), labelled as hypotheses"},
    "pp_outline": {"it": "Anteprima dell'indice", "en": "Outline preview"},
    "pp_outline_caption": {"it": "{sections} sezioni, {tables} tabelle. I titoli dei capitoli come appariranno "
                                 "nel documento.",
                           "en": "{sections} sections, {tables} tables. The headings as they will appear in the "
                                 "document."},
    "pp_build": {"it": "Prepara il documento", "en": "Build the document"},
    "pp_step_read": {"it": "Lettura degli eventi…", "en": "Reading the events…"},
    "pp_step_content": {"it": "Composizione dei capitoli…", "en": "Writing the chapters…"},
    "pp_step_docx": {"it": "Documento Word…", "en": "Word document…"},
    "pp_step_pdf": {"it": "PDF…", "en": "PDF…"},
    "pp_step_zip": {"it": "Tabelle CSV…", "en": "CSV tables…"},
    "pp_step_done": {"it": "Pronto", "en": "Ready"},
    "pp_ready": {"it": "Documento pronto ({seconds} s): {events}.", "en": "Document ready ({seconds} s): {events}."},
    "pp_ready_none": {"it": "solo il rapporto", "en": "the report only"},
    "pp_stale": {"it": "La scelta è cambiata dopo l'ultima preparazione: prepara di nuovo il documento.",
                 "en": "The choice changed after the last build: build the document again."},
    "pp_download_docx": {"it": "Scarica Word (.docx)", "en": "Download Word (.docx)"},
    "pp_download_pdf": {"it": "Scarica PDF", "en": "Download PDF"},
    "pp_download_zip": {"it": "Scarica le tabelle (CSV, zip)", "en": "Download the tables (CSV, zip)"},
    "pp_failed": {"it": "Il documento non si è potuto preparare: {reason}", "en": "The document could not be built: "
                                                                                "{reason}"},
}
