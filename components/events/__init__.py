"""UI of listening events, one module per concern (the facilitator page calls them)."""
