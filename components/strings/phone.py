"""Strings of the phone that never loses an answer and follows the room (issues 14 and 15)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "ph_state_saved": {"it": "Salvata alle {time}", "en": "Saved at {time}"},
    "ph_state_saved_plain": {"it": "Salvata", "en": "Saved"},
    "ph_state_pending": {
        "it": "In attesa: il server non l'ha ancora salvata. È conservata su questo telefono e viene inviata da "
              "sola appena possibile.",
        "en": "Waiting: the server has not stored it yet. It is kept on this phone and sent by itself as soon as "
              "possible.",
    },
    "ph_state_refused": {"it": "Rifiutata: {reason}", "en": "Refused: {reason}"},
    "ph_comment_saved": {
        "it": "Commento salvato: sarà visibile dopo la moderazione.",
        "en": "Comment saved: it will be visible after moderation.",
    },
    "ph_comment_pending": {
        "it": "Commento in attesa: conservato su questo telefono, viene inviato da solo appena possibile.",
        "en": "Comment waiting: kept on this phone, sent by itself as soon as possible.",
    },
    "ph_proposal_pending": {
        "it": "Proposta in attesa: conservata su questo telefono, viene inviata da sola appena possibile.",
        "en": "Proposal waiting: kept on this phone, sent by itself as soon as possible.",
    },
    "ph_pending_count": {
        "it": "{n} invii in attesa su questo telefono: partono da soli appena il server risponde.",
        "it_one": "1 invio in attesa su questo telefono: parte da solo appena il server risponde.",
        "en": "{n} items waiting on this phone: they are sent by themselves as soon as the server answers.",
        "en_one": "1 item waiting on this phone: it is sent by itself as soon as the server answers.",
    },
    "ph_closed_answer": {
        "it": "Chiusa. La tua risposta salvata: {answer}", "en": "Closed. Your saved answer: {answer}",
    },
    "ph_closed_none": {
        "it": "Chiusa. Non hai risposto a questa esigenza.", "en": "Closed. You did not answer this need.",
    },
    "ph_waiting_open": {
        "it": "Non ancora aperta: comparirà da sola quando il facilitatore la apre.",
        "en": "Not open yet: it will appear by itself when the facilitator opens it.",
    },
    "ph_progress": {"it": "Hai risposto a {n} di {total}", "en": "You answered {n} of {total}"},
    "ph_current": {"it": "In discussione ora", "en": "Being discussed now"},
    "ph_star_after_answer": {"it": "Prima rispondi, poi puoi dare la ★.", "en": "Answer first, then you may star it."},
    "ph_stars_left": {
        "it": "★ usate: {used} su {max}. Ne restano {left}.", "en": "★ used: {used} of {max}. {left} left.",
    },
    "ph_stars_full": {
        "it": "★ usate: {used} su {max}. Per darne un'altra, togline una.",
        "en": "★ used: {used} of {max}. To give another, remove one first.",
    },
    "ph_offline": {
        "it": "Il server dell'evento non risponde (Wi-Fi o server spento). Le risposte non salvate restano su "
              "questo telefono e partono da sole quando torna.",
        "en": "The event's server is not answering (Wi-Fi or server off). Unsaved answers stay on this phone and "
              "are sent by themselves when it is back.",
    },
    "ph_offline_title": {"it": "Connessione persa", "en": "Connection lost"},
}
