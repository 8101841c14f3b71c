"""UI strings: the *Documento di sintesi* page (the position paper draft)."""

from psm_data.i18n import N_, Message

STRINGS: dict[str, Message] = {
    "nav_paper": N_("Documento di sintesi"),
    "pp_intro": N_(
        "La bozza del *position paper* che il rapporto annuncia: il percorso, ogni asse con le sue "
        "esigenze e la loro validazione, ogni zona con la vista convergente, le questioni aperte e la "
        "nota metodologica. Ogni numero porta la sua fonte: il rapporto (sezione e citazione) o l'evento "
        "(codice e data). Si scarica come Word modificabile, come PDF e come tabelle CSV.",
    ),
    "pp_events_table": N_("Gli eventi di ascolto"),
    "pp_col_code": N_("Codice"),
    "pp_col_date": N_("Data"),
    "pp_col_title": N_("Titolo"),
    "pp_col_place": N_("Luogo"),
    "pp_col_participants": N_("Partecipanti"),
    "pp_col_note": N_("Escluso da «tutti»"),
    "pp_events": N_("Eventi da includere"),
    "pp_events_help": N_(
        "Di norma tutti gli eventi tranne le prove e gli archiviati. Senza eventi il documento riporta "
        "solo il rapporto.",
    ),
    "pp_events_placeholder": N_("Nessun evento: solo il rapporto"),
    "pp_event_rehearsal": N_("prova"),
    "pp_event_archived": N_("archiviato"),
    "pp_no_store": N_("Il database degli eventi non è disponibile: il documento riporterà solo il rapporto."),
    "pp_scope": N_("Zone: {zones}. Asse: {axis}. Si cambiano dal filtro nella barra laterale."),
    "pp_all_zones": N_("tutte le 11"),
    "pp_all_axes": N_("tutti e 6"),
    "pp_scenario": N_("Includi le ipotesi dello scenario attivo ({n}), etichettate come ipotesi"),
    "pp_outline": N_("Anteprima dell'indice"),
    "pp_outline_caption": N_(
        "{sections} sezioni, {tables} tabelle. I titoli dei capitoli come appariranno nel documento.",
    ),
    "pp_build": N_("Prepara il documento"),
    "pp_step_read": N_("Lettura degli eventi…"),
    "pp_step_content": N_("Composizione dei capitoli…"),
    "pp_step_docx": N_("Documento Word…"),
    "pp_step_pdf": N_("PDF…"),
    "pp_step_zip": N_("Tabelle CSV…"),
    "pp_step_done": N_("Pronto"),
    "pp_ready": N_("Documento pronto ({seconds} s): {events}."),
    "pp_ready_none": N_("solo il rapporto"),
    "pp_stale": N_("La scelta è cambiata dopo l'ultima preparazione: prepara di nuovo il documento."),
    "pp_download_docx": N_("Scarica Word (.docx)"),
    "pp_download_pdf": N_("Scarica PDF"),
    "pp_download_zip": N_("Scarica le tabelle (CSV, zip)"),
    "pp_failed": N_("Il documento non si è potuto preparare: {reason}"),
}
