"""A rehearsal said so on the projector and on the phones, not only on the facilitator's views."""

from psm_data.i18n import N_

STRINGS = {
    "p_rehearsal_note": N_("PROVA — questo è un evento di prova: le risposte non contano nei risultati."),
}
