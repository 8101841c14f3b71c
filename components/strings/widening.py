"""UI strings of widening participation (issue 17): the online window, publication, *Partecipazione*."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "f_view_diffondi": {"it": "Online e pubblico", "en": "Online and public"},
    "w_online_header": {"it": "Finestra online", "en": "Online window"},
    "w_online_help": {
        "it": "Tra queste due date (comprese) chiunque abbia il link risponde da casa a tutte le esigenze; le "
              "risposte sono segnate «online» e i risultati restano nascosti fino alla fine. Si chiude da sola "
              "dopo l'ultimo giorno.",
        "en": "Between these two dates (both included) anyone with the link answers every need from home; the "
              "answers are marked 'online' and results stay hidden until the end. It closes by itself after the "
              "last day.",
    },
    "w_online_from": {"it": "Dal", "en": "From"},
    "w_online_until": {"it": "Al", "en": "Until"},
    "w_online_set": {"it": "Apri la finestra online", "en": "Set the online window"},
    "w_online_clear": {"it": "Togli la finestra online", "en": "Clear the online window"},
    "w_online_none": {"it": "Nessuna finestra online.", "en": "No online window."},
    "w_online_running": {"it": "Aperta online fino al {until} compreso.", "en": "Open online until {until}."},
    "w_online_planned": {"it": "Online dal {start} al {until}.", "en": "Online from {start} to {until}."},
    "w_online_over": {"it": "Finestra online chiusa il {until}.", "en": "Online window closed on {until}."},
    "w_online_days": {"it": "Partecipanti online per giorno", "en": "Online participants per day"},
    "w_online_zones": {"it": "Partecipanti online per zona dichiarata", "en": "Online participants per declared zone"},
    "w_online_nobody": {"it": "Ancora nessuno ha risposto online.", "en": "Nobody has answered online yet."},
    "w_day": {"it": "Giorno", "en": "Day"},
    "w_zone": {"it": "Zona", "en": "Zone"},
    "w_participants": {"it": "Partecipanti", "en": "Participants"},
    "w_no_zone": {"it": "(nessuna zona)", "en": "(no zone)"},
    "p_online_window": {
        "it": "Partecipazione online aperta fino al {until} compreso: rispondi a tutte le esigenze quando vuoi. I "
              "risultati si vedono alla fine.",
        "en": "Online participation open until {until}: answer every need when you like. Results are shown at "
              "the end.",
    },
    "w_publish_header": {"it": "Pagina pubblica", "en": "Public page"},
    "w_publish_help": {
        "it": "Pubblicare mostra a tutti, senza password, la partecipazione per zona, i risultati e gli esiti con "
              "la nota, e le proposte approvate. Mai risposte singole né testi non approvati.",
        "en": "Publishing shows everyone, without a password, participation per zone, results and outcomes with "
              "their note, and approved proposals. Never single answers or unapproved texts.",
    },
    "w_publish": {"it": "Pubblica l'esito", "en": "Publish the outcome"},
    "w_unpublish": {"it": "Ritira dalla pagina pubblica", "en": "Withdraw from the public page"},
    "w_published": {"it": "Pubblicato.", "en": "Published."},
    "w_not_published": {"it": "Non pubblicato.", "en": "Not published."},
}
