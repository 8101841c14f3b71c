"""UI strings: the tables' verbale points matched to the report's needs (read-only, computed suggestion)."""

from psm_data.i18n import N_, Message

STRINGS: dict[str, Message] = {
    "vs_suggested": N_("Esigenze suggerite automaticamente (calcolate dal testo, solo un suggerimento): {needs}"),
    "vs_none": N_("Nessuna esigenza del rapporto suggerita automaticamente per questo punto."),
    "vs_heading": N_("Verbale: punti senza un'esigenza del rapporto"),
}
