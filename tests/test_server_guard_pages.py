"""What counts as a page load for the per-address cap (psm_data/server/guard.py)."""

from __future__ import annotations

from psm_data.server.guard import _is_page


def test_the_phones_state_polls_are_not_page_loads() -> None:
    # 15 phones polling every 3 s from one address are 300 requests a minute: the whole page-load cap.
    assert not _is_page("/api/live/ABC123")
    assert _is_page("/partecipa")
    assert _is_page("/")
    assert not _is_page("/_stcore/health")
    assert not _is_page("/static/js/main.js")
