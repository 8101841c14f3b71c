"""UI strings: Accessibility and error pages (skip links, friendly error messages)."""

STRINGS: dict[str, dict[str, str]] = {
    "nav_test_failing": {"it": "Test: pagina che fallisce", "en": "Test: failing page"},
    "nav_test_markup": {"it": "Test: testo ostile", "en": "Test: hostile text"},
    "skip_map": {"it": "Salta la mappa", "en": "Skip the map"},
    "page_error_title": {
        "it": "Questa pagina non è riuscita a mostrarsi.",
        "en": "This page could not be shown.",
    },
    "page_error_hint": {
        "it": "Ricarica la pagina o torna alla Panoramica. Se il problema si ripete, segnalalo indicando l'indirizzo "
              "della pagina e questo codice: {ref}.",
        "en": "Reload the page or go back to the Overview. If it happens again, report it with the page's address "
              "and this code: {ref}.",
    },
}
