"""UI strings: Accessibility and error pages (skip links, friendly error messages)."""

STRINGS: dict[str, dict[str, str]] = {
}
