"""UI strings: Accessibility and error pages (skip links, friendly error messages)."""

from psm_data.i18n import N_, Message

STRINGS: dict[str, Message] = {
    "nav_test_failing": N_("Test: pagina che fallisce"),
    "nav_test_markup": N_("Test: testo ostile"),
    "skip_map": N_("Salta la mappa"),
    "page_error_title": N_("Questa pagina non è riuscita a mostrarsi."),
    "page_error_hint": N_(
        "Ricarica la pagina o torna alla Panoramica. Se il problema si ripete, segnalalo indicando "
        "l'indirizzo della pagina e questo codice: {ref}.",
    ),
}
