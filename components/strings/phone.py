"""Strings of the phone that never loses an answer and follows the room (issues 14 and 15)."""

from psm_data.i18n import N_, NN_, Message

STRINGS: dict[str, Message] = {
    "ph_state_saved": N_("Salvata alle {time}"),
    "ph_state_saved_plain": N_("Salvata"),
    "ph_state_pending": N_(
        "In attesa: il server non l'ha ancora salvata. È conservata su questo telefono e viene inviata "
        "da sola appena possibile.",
    ),
    "ph_state_refused": N_("Rifiutata: {reason}"),
    "ph_comment_saved": N_("Commento salvato: sarà visibile dopo la moderazione."),
    "ph_comment_pending": N_(
        "Commento in attesa: conservato su questo telefono, viene inviato da solo appena possibile.",
    ),
    "ph_proposal_pending": N_(
        "Proposta in attesa: conservata su questo telefono, viene inviata da sola appena possibile.",
    ),
    "ph_pending_count": NN_(
        "1 invio in attesa su questo telefono: parte da solo appena il server risponde.",
        "{n} invii in attesa su questo telefono: partono da soli appena il server risponde.",
    ),
    "ph_closed_answer": N_("Chiusa. La tua risposta salvata: {answer}"),
    "ph_closed_none": N_("Chiusa. Non hai risposto a questa esigenza."),
    "ph_waiting_open": N_("Non ancora aperta: comparirà da sola quando il facilitatore la apre."),
    "ph_progress": N_("Hai risposto a {n} di {total}"),
    "ph_current": N_("In discussione ora"),
    "ph_star_after_answer": N_("Prima rispondi, poi puoi dare la ★."),
    "ph_stars_left": N_("★ usate: {used} su {max}. Ne restano {left}."),
    "ph_stars_full": N_("★ usate: {used} su {max}. Per darne un'altra, togline una."),
    "ph_offline": N_(
        "Il server dell'evento non risponde (Wi-Fi o server spento). Le risposte non salvate restano su "
        "questo telefono e partono da sole quando torna.",
    ),
    "ph_offline_title": N_("Connessione persa"),
}
