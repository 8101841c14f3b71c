"""Listening-event UI, one module per concern: thematic tables, need links, the phone's sync component."""
