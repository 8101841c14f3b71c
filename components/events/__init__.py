"""Listening-event UI grown by concern (the thematic tables first)."""
