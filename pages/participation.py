"""Partecipazione: who took part per declared zone (per 10 000 inhabitants, on the zone map), roles and channels,
and each need's agreement as answered beside agreement with every zone weighing the same. Thin: see
components/events/turnout_view.py."""

from components.events.turnout_view import participation_page

participation_page()
