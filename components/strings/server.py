"""UI strings: the facilitator's sign-in and what the server refuses to one client (issue 14)."""

from psm_data.i18n import N_, Message

STRINGS: dict[str, Message] = {
    "s_wrong_password": N_("Password non corretta. Controlla maiuscole e minuscole e riprova."),
    "s_password_hint": N_(
        "La password la conosce chi ha avviato l'app: la trova dove l'ha avviata, insieme a un link che "
        "fa entrare una volta senza scriverla.",
    ),
    "s_locked": N_("Troppi tentativi sbagliati: per sicurezza l'accesso è sospeso. Riprova tra {seconds} secondi."),
    "s_no_password": N_(
        "L'accesso del facilitatore non è ancora attivo: chi gestisce l'app deve sceglierne la password.",
    ),
    "s_new_per_minute": N_("Nuovi partecipanti al minuto (ultimi {minutes} minuti, il più recente a destra): {series}"),
    "s_flag_address": N_(
        "Attenzione: un solo indirizzo di rete ({address}) ha creato {n} nuovi dispositivi nell'ultimo "
        "minuto. Se la sala non condivide una sola rete, qualcuno potrebbe votare più volte.",
    ),
    "s_too_many_devices": N_("Troppi nuovi telefoni da questa rete nell'ultimo minuto: riprova tra un minuto."),
    "s_too_many_texts": N_("Troppi testi inviati da questa rete nell'ultimo minuto: riprova tra un minuto."),
}
