"""A rehearsal said so on the projector and on the phones, not only on the facilitator's views."""

STRINGS = {
    "p_rehearsal_note": {
        "it": "PROVA — questo è un evento di prova: le risposte non contano nei risultati.",
        "en": "REHEARSAL — this is a rehearsal: answers do not count in the results.",
    },
}
