"""UI strings of an event's life: preparing and fixing it, rehearsals, archive, deletion, outcome notes, and
results split by origin (issue 15.3); moderation of an edited text (issue 14.2)."""

from psm_data.i18n import N_, NN_, Message

STRINGS: dict[str, Message] = {
    # --- event labels, wherever an event is named
    "ev_rehearsal_tag": N_("PROVA"),
    "ev_archived_tag": N_("archiviato"),
    "ev_rehearsal_note": N_("Evento di prova: le sue risposte non contano mai nei risultati dell'esploratore."),
    "ev_archived_note": N_(
        "Evento archiviato: fuori dai risultati dell'esploratore (resta nelle esportazioni e nei backup).",
    ),
    # --- creating and editing
    "f_rehearsal": N_("Evento di prova (non conta nei risultati)"),
    "f_rehearsal_help": N_(
        "Per provare telefoni, proiettore e carta prima dell'evento vero. Si può eliminare in ogni "
        "momento.",
    ),
    "f_agenda_preview": N_("Anteprima del programma"),
    "f_agenda_preview_all": N_("Nessun asse e nessuna esigenza scelti: il programma sarà tutte le esigenze."),
    "f_agenda_count": NN_("1 esigenza in programma:", "{n} esigenze in programma, in quest'ordine:"),
    "f_view_gestisci": N_("Prepara e gestisci"),
    "f_edit_header": N_("Modifica l'evento"),
    "f_edit_save": N_("Salva le modifiche"),
    "f_edit_saved": N_("Modifiche salvate."),
    "f_edit_locked": N_(
        "Titolo, data, luogo, zone e programma si modificano solo finché l'evento è in preparazione "
        "(l'evento è {status}).",
    ),
    "f_edit_agenda_help": N_(
        "Le esigenze in programma, nell'ordine in cui la sala le vedrà. Un'esigenza con risposte resta.",
    ),
    # --- rehearsal, archive, delete
    "f_kind_header": N_("Prova o evento vero"),
    "f_mark_rehearsal": N_("Segna come prova"),
    "f_unmark_rehearsal": N_("Non è più una prova: conta nei risultati"),
    "f_archive_header": N_("Archivio"),
    "f_archive": N_("Archivia l'evento"),
    "f_unarchive": N_("Riporta tra gli eventi attivi"),
    "f_archive_help": N_(
        "Un evento archiviato esce dai risultati «Tutti gli eventi» dell'esploratore; resta consultabile "
        "da solo, nelle esportazioni e nei backup. Un evento aperto va prima chiuso.",
    ),
    "f_delete_header": N_("Elimina"),
    "f_delete_help": N_(
        "Si può eliminare una prova, o un evento senza risposte. Non si torna indietro: per conferma "
        "scrivi il codice dell'evento ({code}).",
    ),
    "f_delete_blocked": N_(
        "Questo evento ha {n} risposte e testi: non si elimina. Puoi archiviarlo, o segnarlo come prova.",
    ),
    "f_delete_confirm": N_("Codice dell'evento, per conferma"),
    "f_delete_button": N_("Elimina definitivamente"),
    "f_deleted": N_("Evento {code} eliminato."),
    "f_delete_will_remove": NN_(
        "Sarà eliminata anche {n} risposta o testo di prova.", "Saranno eliminate anche {n} risposte e testi di prova."
    ),
    # --- refusals
    "err_event_not_editable": N_(
        "L'evento non è più in preparazione: titolo, data, luogo, zone e programma non si modificano.",
    ),
    "err_event_is_open": N_("L'evento è aperto: chiudilo prima di archiviarlo."),
    "err_event_has_answers": N_(
        "Ci sono già risposte: non si può eliminare (né togliere dal programma un'esigenza con risposte).",
    ),
    "err_confirmation_mismatch": N_(
        "Il codice scritto non è quello dell'evento ({event_code}): nulla è stato eliminato.",
    ),
    "err_text_changed": N_(
        "Il partecipante ha modificato questo testo dopo che lo hai visto: non è stato approvato. "
        "Rileggi la nuova versione qui sotto.",
    ),
    # --- outcome note
    "f_outcome_note": N_("Nota sull'esito (ciò che la sala ha concordato, es. la riformulazione)"),
    "f_outcome_note_save": N_("Salva la nota"),
    "f_outcome_note_saved": N_("Nota salvata: «{note}»"),
    "f_outcome_note_none": N_("Nessuna nota salvata."),
    "f_outcome_note_unsaved": N_("Modifica non ancora salvata."),
    "r_outcome_note_line": N_("Nota dell'esito — {title} ({code}): «{note}»"),
    # --- origin split
    "r_by_origin": N_("Per provenienza:"),
    "r_origin_line": NN_("{origin}: 1 risposta ({parts})", "{origin}: {n} risposte ({parts})"),
    "origin_web": N_("dal telefono (web)"),
    "origin_paper": N_("su carta"),
    "r_events_archived": N_("{label} (archiviato)"),
}
