"""UI strings: the facilitator's sign-in and what the server refuses to one client (issue 14)."""

STRINGS: dict[str, dict[str, str]] = {
    "s_wrong_password": {
        "it": "Password non corretta. Controlla maiuscole e minuscole e riprova.",
        "en": "That password is not right. Check upper and lower case and try again.",
    },
    "s_password_hint": {
        "it": "La password la conosce chi ha avviato l'app: la trova dove l'ha avviata, insieme a un link che fa "
              "entrare una volta senza scriverla.",
        "en": "The person who started the app knows the password: they find it where they started it, with a link "
              "that signs in once without typing it.",
    },
    "s_locked": {
        "it": "Troppi tentativi sbagliati: per sicurezza l'accesso è sospeso. Riprova tra {seconds} secondi.",
        "en": "Too many wrong attempts: signing in is paused for safety. Try again in {seconds} seconds.",
    },
    "s_no_password": {
        "it": "L'accesso del facilitatore non è ancora attivo: chi gestisce l'app deve sceglierne la password.",
        "en": "The facilitator's sign-in is not active yet: whoever runs the app must choose its password.",
    },
    "s_new_per_minute": {
        "it": "Nuovi partecipanti al minuto (ultimi {minutes} minuti, il più recente a destra): {series}",
        "en": "New participants per minute (last {minutes} minutes, most recent on the right): {series}",
    },
    "s_flag_address": {
        "it": "Attenzione: un solo indirizzo di rete ({address}) ha creato {n} nuovi dispositivi nell'ultimo minuto. "
              "Se la sala non condivide una sola rete, qualcuno potrebbe votare più volte.",
        "en": "Warning: one network address ({address}) made {n} new devices in the last minute. Unless the hall "
              "shares one network, someone may be voting several times.",
    },
    "s_too_many_devices": {
        "it": "Troppi nuovi telefoni da questa rete nell'ultimo minuto: riprova tra un minuto.",
        "en": "Too many new phones from this network in the last minute: try again in a minute.",
    },
    "s_too_many_texts": {
        "it": "Troppi testi inviati da questa rete nell'ultimo minuto: riprova tra un minuto.",
        "en": "Too many texts sent from this network in the last minute: try again in a minute.",
    },
}
