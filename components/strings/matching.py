"""UI strings: participants' texts linked to the report's needs (moderation), near-duplicate proposals."""

from psm_data.i18n import N_, NN_, Message

STRINGS: dict[str, Message] = {
    "nl_suggested": N_("Esigenza suggerita (calcolata, da confermare)"),
    "nl_no_suggestion": N_("Nessuna esigenza suggerita: scegline una o segna una nuova esigenza."),
    "nl_confirm": N_("Conferma {need}"),
    "nl_pick": N_("Un'altra esigenza"),
    "nl_pick_placeholder": N_("Scegli…"),
    "nl_new": N_("Nuova esigenza, asse"),
    "nl_new_placeholder": N_("Asse…"),
    "nl_linked": N_("Collegata a **{need}** — {title}"),
    "nl_linked_new": N_("Segnata come **nuova esigenza**, asse {axis}"),
    "nl_decision_confirmed": N_("suggerimento confermato"),
    "nl_decision_picked": N_("scelta dal facilitatore"),
    "nl_change": N_("Cambia"),
    "nl_similar": NN_("≈ {n} proposta simile", "≈ {n} proposte simili"),
    "nl_similar_events": N_("anche negli eventi {codes}"),
}
