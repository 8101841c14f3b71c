"""UI strings of an event's life: preparing and fixing it, rehearsals, archive, deletion, outcome notes, and
results split by origin (issue 15.3); moderation of an edited text (issue 14.2)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # --- event labels, wherever an event is named
    "ev_rehearsal_tag": {"it": "PROVA", "en": "REHEARSAL"},
    "ev_archived_tag": {"it": "archiviato", "en": "archived"},
    "ev_rehearsal_note": {
        "it": "Evento di prova: le sue risposte non contano mai nei risultati dell'esploratore.",
        "en": "Rehearsal: its answers never count in the explorer's results.",
    },
    "ev_archived_note": {
        "it": "Evento archiviato: fuori dai risultati dell'esploratore (resta nelle esportazioni e nei backup).",
        "en": "Archived event: out of the explorer's results (kept in exports and backups).",
    },
    # --- creating and editing
    "f_rehearsal": {"it": "Evento di prova (non conta nei risultati)", "en": "Rehearsal (not counted in results)"},
    "f_rehearsal_help": {
        "it": "Per provare telefoni, proiettore e carta prima dell'evento vero. Si può eliminare in ogni momento.",
        "en": "To try phones, projector and paper before the real event. It can be deleted at any time.",
    },
    "f_agenda_preview": {"it": "Anteprima del programma", "en": "Agenda preview"},
    "f_agenda_preview_all": {
        "it": "Nessun asse e nessuna esigenza scelti: il programma sarà tutte le esigenze.",
        "en": "No axis and no need chosen: the agenda will be every need.",
    },
    "f_agenda_count": {"it": "{n} esigenze in programma, in quest'ordine:", "en": "{n} needs, in this order:",
                       "it_one": "1 esigenza in programma:", "en_one": "1 need:"},
    "f_view_gestisci": {"it": "Prepara e gestisci", "en": "Prepare and manage"},
    "f_edit_header": {"it": "Modifica l'evento", "en": "Edit the event"},
    "f_edit_save": {"it": "Salva le modifiche", "en": "Save the changes"},
    "f_edit_saved": {"it": "Modifiche salvate.", "en": "Changes saved."},
    "f_edit_locked": {
        "it": "Titolo, data, luogo, zone e programma si modificano solo finché l'evento è in preparazione "
              "(l'evento è {status}).",
        "en": "Title, date, place, zones and agenda can be edited only while the event is in preparation "
              "(the event is {status}).",
    },
    "f_edit_agenda_help": {
        "it": "Le esigenze in programma, nell'ordine in cui la sala le vedrà. Un'esigenza con risposte resta.",
        "en": "The needs on the agenda, in the order the room will see them. A need with answers stays.",
    },
    # --- rehearsal, archive, delete
    "f_kind_header": {"it": "Prova o evento vero", "en": "Rehearsal or real event"},
    "f_mark_rehearsal": {"it": "Segna come prova", "en": "Mark as rehearsal"},
    "f_unmark_rehearsal": {"it": "Non è più una prova: conta nei risultati",
                           "en": "No longer a rehearsal: count it in results"},
    "f_archive_header": {"it": "Archivio", "en": "Archive"},
    "f_archive": {"it": "Archivia l'evento", "en": "Archive the event"},
    "f_unarchive": {"it": "Riporta tra gli eventi attivi", "en": "Bring back among active events"},
    "f_archive_help": {
        "it": "Un evento archiviato esce dai risultati «Tutti gli eventi» dell'esploratore; resta consultabile da "
              "solo, nelle esportazioni e nei backup. Un evento aperto va prima chiuso.",
        "en": "An archived event leaves the explorer's \"All events\" results; it stays viewable on its own, in "
              "exports and in backups. An open event must be closed first.",
    },
    "f_delete_header": {"it": "Elimina", "en": "Delete"},
    "f_delete_help": {
        "it": "Si può eliminare una prova, o un evento senza risposte. Non si torna indietro: per conferma scrivi "
              "il codice dell'evento ({code}).",
        "en": "A rehearsal, or an event without answers, can be deleted. There is no undo: to confirm, type the "
              "event's code ({code}).",
    },
    "f_delete_blocked": {
        "it": "Questo evento ha {n} risposte e testi: non si elimina. Puoi archiviarlo, o segnarlo come prova.",
        "en": "This event has {n} answers and texts: it cannot be deleted. You can archive it, or mark it as a "
              "rehearsal.",
    },
    "f_delete_confirm": {"it": "Codice dell'evento, per conferma", "en": "The event's code, to confirm"},
    "f_delete_button": {"it": "Elimina definitivamente", "en": "Delete for good"},
    "f_deleted": {"it": "Evento {code} eliminato.", "en": "Event {code} deleted."},
    "f_delete_will_remove": {
        "it": "Saranno eliminate anche {n} risposte e testi di prova.",
        "en": "{n} rehearsal answers and texts will be deleted too.",
    },
    # --- refusals
    "err_event_not_editable": {
        "it": "L'evento non è più in preparazione: titolo, data, luogo, zone e programma non si modificano.",
        "en": "The event is no longer in preparation: title, date, place, zones and agenda cannot change.",
    },
    "err_event_is_open": {
        "it": "L'evento è aperto: chiudilo prima di archiviarlo.",
        "en": "The event is open: close it before archiving it.",
    },
    "err_event_has_answers": {
        "it": "Ci sono già risposte: non si può eliminare (né togliere dal programma un'esigenza con risposte).",
        "en": "There are answers already: it cannot be deleted (nor can a need with answers leave the agenda).",
    },
    "err_confirmation_mismatch": {
        "it": "Il codice scritto non è quello dell'evento ({event_code}): nulla è stato eliminato.",
        "en": "The code typed is not the event's ({event_code}): nothing was deleted.",
    },
    "err_text_changed": {
        "it": "Il partecipante ha modificato questo testo dopo che lo hai visto: non è stato approvato. "
              "Rileggi la nuova versione qui sotto.",
        "en": "The participant edited this text after you saw it: it was not approved. Read the new version "
              "below.",
    },
    # --- outcome note
    "f_outcome_note": {"it": "Nota sull'esito (ciò che la sala ha concordato, es. la riformulazione)",
                       "en": "Outcome note (what the room agreed, e.g. the reformulation)"},
    "f_outcome_note_save": {"it": "Salva la nota", "en": "Save the note"},
    "f_outcome_note_saved": {"it": "Nota salvata: «{note}»", "en": "Note saved: \"{note}\""},
    "f_outcome_note_none": {"it": "Nessuna nota salvata.", "en": "No note saved."},
    "f_outcome_note_unsaved": {"it": "Modifica non ancora salvata.", "en": "Change not saved yet."},
    "r_outcome_note_line": {"it": "Nota dell'esito — {title} ({code}): «{note}»",
                            "en": "Outcome note — {title} ({code}): \"{note}\""},
    # --- origin split
    "r_by_origin": {"it": "Per provenienza:", "en": "By origin:"},
    "r_origin_line": {"it": "{origin}: {n} risposte ({parts})", "en": "{origin}: {n} answers ({parts})",
                      "it_one": "{origin}: 1 risposta ({parts})", "en_one": "{origin}: 1 answer ({parts})"},
    "origin_web": {"it": "dal telefono (web)", "en": "from phones (web)"},
    "origin_paper": {"it": "su carta", "en": "on paper"},
    "r_events_archived": {"it": "{label} (archiviato)", "en": "{label} (archived)"},
}
