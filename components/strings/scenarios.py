"""UI strings: What-if scenarios and the printable zone sheets."""

STRINGS: dict[str, dict[str, str]] = {
}
