"""UI strings: participants' texts linked to the report's needs (moderation), near-duplicate proposals."""

STRINGS: dict[str, dict[str, str]] = {
    "nl_suggested": {"it": "Esigenza suggerita (calcolata, da confermare)",
                     "en": "Suggested need (computed, to be confirmed)"},
    "nl_no_suggestion": {"it": "Nessuna esigenza suggerita: scegline una o segna una nuova esigenza.",
                         "en": "No need suggested: pick one or mark a new need."},
    "nl_confirm": {"it": "Conferma {need}", "en": "Confirm {need}"},
    "nl_pick": {"it": "Un'altra esigenza", "en": "Another need"},
    "nl_pick_placeholder": {"it": "Scegli…", "en": "Choose…"},
    "nl_new": {"it": "Nuova esigenza, asse", "en": "New need, axis"},
    "nl_new_placeholder": {"it": "Asse…", "en": "Axis…"},
    "nl_linked": {"it": "Collegata a **{need}** — {title}", "en": "Linked to **{need}** — {title}"},
    "nl_linked_new": {"it": "Segnata come **nuova esigenza**, asse {axis}",
                      "en": "Marked as a **new need**, axis {axis}"},
    "nl_decision_confirmed": {"it": "suggerimento confermato", "en": "suggestion confirmed"},
    "nl_decision_picked": {"it": "scelta dal facilitatore", "en": "chosen by the facilitator"},
    "nl_change": {"it": "Cambia", "en": "Change"},
    "nl_similar": {"it": "≈ {n} proposte simili", "en": "≈ {n} similar proposals",
                   "it_one": "≈ {n} proposta simile", "en_one": "≈ {n} similar proposal"},
    "nl_similar_events": {"it": "anche negli eventi {codes}", "en": "also in events {codes}"},
}
