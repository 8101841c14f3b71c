"""The link emulator (scripts/loadtest/relay.py) against a real echo server on loopback, and the nginx recipe's
rendering for the load test (scripts/loadtest/proxy.py)."""

from __future__ import annotations

import asyncio
import time

from scripts.loadtest.proxy import RECIPE, render_config
from scripts.loadtest.relay import LinkProfile, Relay
from tests.async_helpers import run_async


async def _echo_server() -> asyncio.Server:
    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(1024):
            writer.write(data)
            await writer.drain()
        writer.close()

    return await asyncio.start_server(echo, "127.0.0.1", 0)


async def _round_trips(profile: LinkProfile, n: int) -> tuple[list[float], bytes, Relay]:
    server = await _echo_server()
    port = server.sockets[0].getsockname()[1]
    async with Relay("127.0.0.1", port, profile) as relay:
        reader, writer = await asyncio.open_connection("127.0.0.1", relay.port, local_addr=("127.77.0.9", 0))
        times, got = [], b""
        for k in range(n):
            t = time.monotonic()
            writer.write(bytes([65 + k]))
            await writer.drain()
            got += await reader.read(16)
            times.append(time.monotonic() - t)
        writer.close()
    server.close()
    return times, got, relay


def test_every_message_is_delayed_each_way_and_order_is_kept() -> None:
    times, got, relay = run_async(_round_trips(LinkProfile(delay_s=0.05, jitter_s=0.01, stall_rate=0.0), 5))
    assert got == b"ABCDE"
    assert min(times) >= 2 * 0.04 - 0.005  # 40-60 ms each way
    assert relay.stats.chunks == 10


def test_stalls_add_their_time() -> None:
    times, _, relay = run_async(_round_trips(LinkProfile(delay_s=0.0, jitter_s=0.0, stall_rate=1.0,
                                                           stall_s=(0.1, 0.1)), 2))
    assert relay.stats.stalls == 4
    assert min(times) >= 0.19


def test_a_cut_link_closes_the_phone_connections_and_refuses_new_ones_for_its_time() -> None:
    async def scenario() -> tuple[bytes, bool, bytes]:
        server = await _echo_server()
        port = server.sockets[0].getsockname()[1]
        async with Relay("127.0.0.1", port, LinkProfile(delay_s=0.0, jitter_s=0.0, stall_rate=0.0)) as relay:
            reader, _writer = await asyncio.open_connection("127.0.0.1", relay.port, local_addr=("127.77.0.10", 0))
            await asyncio.sleep(0.05)
            relay.disrupt("127.77.0.10", 0.5, "cut")
            closed = await asyncio.wait_for(reader.read(16), 2)  # b"": the relay closed it
            r2, _ = await asyncio.open_connection("127.0.0.1", relay.port, local_addr=("127.77.0.10", 0))
            refused = await asyncio.wait_for(r2.read(16), 2) == b""
            await asyncio.sleep(0.6)
            r3, w3 = await asyncio.open_connection("127.0.0.1", relay.port, local_addr=("127.77.0.10", 0))
            w3.write(b"back")
            back = await asyncio.wait_for(r3.read(16), 2)
            w3.close()
        server.close()
        return closed, refused, back

    closed, refused, back = run_async(scenario())
    assert closed == b""
    assert refused
    assert back == b"back"


def test_a_frozen_link_delivers_everything_after_the_freeze() -> None:
    async def scenario() -> tuple[bytes, float]:
        server = await _echo_server()
        port = server.sockets[0].getsockname()[1]
        async with Relay("127.0.0.1", port, LinkProfile(delay_s=0.0, jitter_s=0.0, stall_rate=0.0)) as relay:
            reader, writer = await asyncio.open_connection("127.0.0.1", relay.port, local_addr=("127.77.0.11", 0))
            relay.disrupt("127.77.0.11", 0.4, "freeze")
            t = time.monotonic()
            writer.write(b"hi")
            data = await asyncio.wait_for(reader.read(16), 3)
            waited = time.monotonic() - t
            writer.close()
        server.close()
        return data, waited

    data, waited = run_async(scenario())
    assert data == b"hi"
    assert waited >= 0.35


def test_the_recipe_is_rendered_with_the_load_tests_ports_and_upstreams() -> None:
    text = render_config(18080, ["127.0.0.1:1001", "127.0.0.1:1002"])
    assert "listen 127.0.0.1:18080;" in text
    assert text.count("server 127.0.0.1:") == 2
    assert "server 127.0.0.1:1001;" in text
    assert "server 127.0.0.1:1002;" in text
    assert "hash $remote_addr consistent;" in text  # the recipe's affinity, unchanged
    assert "proxy_set_header Host $http_host;" in RECIPE.read_text(encoding="utf-8")
