"""Helpers for tests that drive asyncio code (kept out of conftest.py: importing a conftest re-runs it)."""

from __future__ import annotations


def run_async(coroutine):  # noqa: ANN001, ANN201 - any awaitable and its result
    """Run a coroutine to completion in a fresh thread with its own event loop.

    Playwright's sync API keeps an event loop running in the main thread for the whole browser session, so a
    plain `asyncio.run` in a later test would fail with "cannot be called from a running event loop"."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
