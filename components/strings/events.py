"""UI strings: Listening events: participant, facilitator and presenter pages."""

STRINGS: dict[str, dict[str, str]] = {
}
