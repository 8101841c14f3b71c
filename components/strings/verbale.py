"""UI strings: the tables' verbale points matched to the report's needs (read-only, computed suggestion)."""

STRINGS: dict[str, dict[str, str]] = {
    "vs_suggested": {"it": "Esigenze suggerite automaticamente (calcolate dal testo, solo un suggerimento): {needs}",
                     "en": "Needs suggested automatically (computed from the text, only a suggestion): {needs}"},
    "vs_none": {"it": "Nessuna esigenza del rapporto suggerita automaticamente per questo punto.",
                "en": "No need of the report suggested automatically for this point."},
    "vs_heading": {"it": "Verbale: punti senza un'esigenza del rapporto",
                   "en": "Record: points without a need of the report"},
}
