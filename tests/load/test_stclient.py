"""The load client against a real `streamlit run` server: what a browser tab does, done over the websocket."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from typing import Any

import psutil
import pytest

from scripts.stclient import (
    FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    FINISHED_SUCCESSFULLY,
    StreamlitClient,
    http_get,
    text_contains,
    user_key,
)
from tests.async_helpers import run_async


def run(coro_fn: Callable[..., Awaitable[Any]], *args: Any) -> Any:
    return run_async(coro_fn(*args))


def line(client: StreamlitClient, prefix: str) -> str:
    """The text element starting with ``prefix`` (the mini app writes every value as `name=value`)."""
    found = [t for t in client.tree.texts() if t.startswith(prefix)]
    assert found, f"no text starting with {prefix!r} in {client.tree.texts()}"
    return found[0]


def test_user_key_is_the_end_of_the_widget_id() -> None:
    assert user_key("$$ID-0a1b2c-ans_N01") == "ans_N01"
    assert user_key("$$ID-0a1b2c-a-b") == "a-b"
    assert user_key("$$ID-0a1b2c-None") is None
    assert user_key("plain") is None


def test_first_load_gets_the_device_cookie_and_runs_the_page(mini_server: str) -> None:
    async def go() -> None:
        c = StreamlitClient(mini_server, "", "a=1")
        result = await c.connect()
        try:
            assert result.ok
            assert result.status == FINISHED_SUCCESSFULLY
            assert "psm_device" in c.cookies
            assert "_streamlit_xsrf" in c.cookies
            assert line(c, "device=") == f"device={c.cookies['psm_device']}"  # the cookie reached st.context
            assert line(c, "query=") == "query={'a': '1'}"
            assert {"colour", "tap", "name", "size", "send", "frag_answer", "frag_save"} <= set(c.keys())
            assert c.session_id
            assert c.page_script_hash
        finally:
            await c.close()

    run(go)


def test_a_reload_with_the_cookie_is_the_same_device(mini_server: str) -> None:
    async def go() -> None:
        first = StreamlitClient(mini_server)
        await first.connect()
        await first.close()
        again = StreamlitClient(mini_server, cookies=first.cookies)
        await again.connect()
        try:
            assert line(again, "device=") == f"device={first.cookies['psm_device']}"
            assert again.session_id != first.session_id  # a new Streamlit session, the same device
        finally:
            await again.close()

    run(go)


def test_radio_button_toggle_and_a_plain_rerun(mini_server: str) -> None:
    async def go() -> None:
        async with StreamlitClient(mini_server) as c:
            r = await c.choose("colour", "green")
            assert r.ok
            assert line(c, "colour=") == "colour=green"
            r = await c.click("tap")
            assert r.ok
            assert line(c, "taps=").startswith("taps=1 ")
            r = await c.rerun()  # a trigger is one-shot: a rerun does not tap again, the radio keeps its value
            assert r.ok
            assert line(c, "taps=").startswith("taps=1 ")
            assert line(c, "colour=") == "colour=green"
            await c.check("detail")
            assert "detail=on" in c.tree.texts()
            await c.check("detail", False)
            assert "detail=on" not in c.tree.texts()  # an element the run did not draw again is gone
            with pytest.raises(ValueError, match="not an option"):
                await c.choose("colour", "purple")
            with pytest.raises(KeyError, match="no widget"):
                await c.click("nope")

    run(go)


def test_form_values_travel_only_with_the_submit(mini_server: str) -> None:
    async def go() -> None:
        async with StreamlitClient(mini_server) as c:
            runs = c.runs_finished
            assert await c.type_text("name", "Ada") is None  # in a form: no run yet
            assert await c.choose("size", "size L") is None  # the label as shown (format_func applied)
            assert c.runs_finished == runs
            r = await c.submit("order")  # the form's submit button, found by the form's key
            assert r.ok
            assert line(c, "sent=") == "sent=Ada/L"
            await c.rerun()
            assert not [t for t in c.tree.texts() if t.startswith("sent=")]  # the submit was one-shot

    run(go)


def test_fragment_interactions_rerun_only_the_fragment(mini_server: str) -> None:
    async def go() -> None:
        async with StreamlitClient(mini_server) as c:
            full_before = line(c, "taps=")
            r = await c.choose("frag_answer", index=1)  # "NO": the label, format_func=str.upper
            assert r.ok
            assert r.status == FINISHED_FRAGMENT_RUN_SUCCESSFULLY
            assert r.fragment_id
            await c.type_text("frag_note", "ciao")
            r = await c.click("frag_save", until=text_contains("saved="))
            assert r.ok
            assert r.match_latency is not None
            assert r.match_latency <= r.latency
            assert line(c, "saved=") == "saved=no/ciao"
            assert line(c, "frag_runs=").endswith("full_runs_seen=1")
            assert line(c, "taps=") == full_before  # the rest of the page was not re-run
            await c.rerun()  # a full run redraws the fragment too; the one-shot save is gone
            assert not [t for t in c.tree.texts() if t.startswith("saved=")]
            assert line(c, "frag_runs=").endswith("full_runs_seen=2")

    run(go)


def test_the_query_string_follows_the_app(mini_server: str) -> None:
    async def go() -> None:
        async with StreamlitClient(mini_server, "", "a=1") as c:
            await c.check("set_param")
            assert c.query == "a=1&step=2"  # page_info_changed, as the browser's address bar
            await c.rerun()
            assert line(c, "query=") == "query={'a': '1', 'step': '2'}"

    run(go)


def test_run_every_fragments_rerun_by_themselves(mini_server: str) -> None:
    async def go() -> None:
        async with StreamlitClient(mini_server, "", "live=1") as c:
            # Wait for the reruns, not for a time: the client asks every 0.3 s, but on a busy machine one rerun
            # can take longer than that (a fixed 1.5 s saw only one rerun when both test workers were busy).
            deadline = asyncio.get_running_loop().time() + 30
            while len(c.auto_reruns) < 2 and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.05)
            assert len(c.auto_reruns) >= 2
            assert all(r.ok and r.status == FINISHED_FRAGMENT_RUN_SUCCESSFULLY for r in c.auto_reruns)
            assert int(line(c, "live_runs=").split("=")[1]) >= 3
            assert line(c, "taps=").endswith("full_runs=1")

    run(go)


def test_a_dropped_phone_resumes_its_server_session(mini_server: str) -> None:
    async def go() -> None:
        c = StreamlitClient(mini_server)
        await c.connect()
        await c.click("tap")
        session = c.session_id
        await c.drop()  # no close handshake: the server parks the session (disconnectedSessionTTL)
        r = await c.connect(load_page=False, resume=True)
        try:
            assert r.ok
            assert c.session_id == session
            assert line(c, "taps=").startswith("taps=1 ")  # session_state survived
        finally:
            await c.close()

    run(go)


def test_big_messages_come_once_then_by_reference(mini_server: str) -> None:
    async def go() -> None:
        async with StreamlitClient(mini_server, "", "big=1") as c:
            first_bytes = c.bytes_received
            assert first_bytes > 20_000
            assert any(t.startswith("big ") for t in c.tree.texts())
            r = await c.rerun()
            assert r.ok
            assert r.bytes < 10_000
            assert any(t.startswith("big ") for t in c.tree.texts())  # resolved from the client's cache
            assert not c.errors

    run(go)


def test_health_check_over_plain_http(mini_server: str) -> None:
    resp = run_async(http_get(mini_server + "/_stcore/health"))
    assert resp.status == 200
    assert resp.body == b"ok"


def test_fifty_clients_cost_little_memory(mini_server: str) -> None:
    """The budget that lets 150 simulated phones share one process with the server on 2 cores."""

    async def go() -> float:
        proc = psutil.Process(os.getpid())
        clients = [StreamlitClient(mini_server, name=f"m{i}") for i in range(50)]
        await asyncio.gather(*(c.connect() for c in clients[:1]))
        before = proc.memory_info().rss
        results = await asyncio.gather(*(c.connect() for c in clients[1:]))
        after = proc.memory_info().rss
        assert all(r.ok for r in results), [r.error for r in results if not r.ok]
        await asyncio.gather(*(c.close() for c in clients))
        return (after - before) / 49

    per_client = run(go)
    print(f"{per_client / 1e3:.0f} KB per client")
    assert per_client < 1_000_000, f"{per_client / 1e6:.2f} MB per client"
