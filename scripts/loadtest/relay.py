"""Bad Wi-Fi between the phones and the proxy: a userspace TCP relay on loopback (this kernel has no netem).

Each chunk read from one side (one "message": what one send() delivered) is written to the other side after a
delay of 80 ms ± 40 ms, and on 2 % of chunks after a stall of 200-600 ms more (what a lost packet costs TCP);
order is kept per direction, as TCP keeps it. A phone's link can be *frozen* (nothing passes for N s, then
everything arrives) or *cut* (its connections are closed, new ones refused, for N s).

The relay connects to the proxy FROM the phone's own address (each phone has its own 127.x.y.z), so the proxy's
affinity by address sees the phones, not the relay.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from dataclasses import dataclass, field


@dataclass
class LinkProfile:
    delay_s: float = 0.080
    jitter_s: float = 0.040
    stall_rate: float = 0.02
    stall_s: tuple[float, float] = (0.2, 0.6)
    seed: int = 20261206


@dataclass
class _Outage:
    until: float
    mode: str  # "freeze" or "cut"


@dataclass
class RelayStats:
    connections: int = 0
    refused: int = 0
    chunks: int = 0
    stalls: int = 0
    cut_connections: int = 0
    delays: list[float] = field(default_factory=list)
    late: list[float] = field(default_factory=list)  # chunks written after their due time (the relay's loop lag)


class Relay:
    """`async with Relay(upstream_port, profile) as relay:` phones connect to 127.0.0.1:relay.port."""

    def __init__(self, upstream_host: str, upstream_port: int, profile: LinkProfile | None = None) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.profile = profile or LinkProfile()
        self.rng = random.Random(self.profile.seed)  # noqa: S311 - simulation, not security
        self.stats = RelayStats()
        self.port = 0
        self._server: asyncio.Server | None = None
        self._outages: dict[str, _Outage] = {}
        self._conns: dict[str, set[tuple[asyncio.StreamWriter, asyncio.StreamWriter]]] = {}

    async def __aenter__(self) -> Relay:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0, limit=1 << 20)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.close()
        for pairs in list(self._conns.values()):
            for a, b in list(pairs):
                a.close()
                b.close()
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)

    # ---- faults -----------------------------------------------------------------------------------------------
    def disrupt(self, address: str, seconds: float, mode: str) -> None:
        """Freeze or cut the link of the phone at `address` for `seconds`, from now."""
        self._outages[address] = _Outage(time.monotonic() + seconds, mode)
        if mode == "cut":
            for a, b in list(self._conns.get(address, ())):
                self.stats.cut_connections += 1
                a.close()
                b.close()

    def _outage(self, address: str) -> _Outage | None:
        out = self._outages.get(address)
        if out is not None and out.until <= time.monotonic():
            del self._outages[address]
            return None
        return out

    # ---- relaying ---------------------------------------------------------------------------------------------
    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        address = writer.get_extra_info("peername")[0]
        out = self._outage(address)
        if out is not None and out.mode == "cut":
            self.stats.refused += 1
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream, local_addr=(address, 0),
                                                                 limit=1 << 20)
        except OSError:
            writer.close()
            return
        self.stats.connections += 1
        pair = (writer, up_writer)
        self._conns.setdefault(address, set()).add(pair)
        try:
            await asyncio.gather(self._pipe(reader, up_writer, address), self._pipe(up_reader, writer, address),
                                 return_exceptions=True)
        finally:
            self._conns[address].discard(pair)
            writer.close()
            up_writer.close()

    def _delay(self) -> float:
        p = self.profile
        d = max(0.0, p.delay_s + self.rng.uniform(-p.jitter_s, p.jitter_s))
        if self.rng.random() < p.stall_rate:
            self.stats.stalls += 1
            d += self.rng.uniform(*p.stall_s)
        return d

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, address: str) -> None:
        """Read chunks as they come; a second task writes each at its due time (never before the previous one)."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
        last_due = 0.0

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                if not data:
                    break
                out_until = 0.0
                while True:
                    now = time.monotonic()
                    out = self._outage(address)
                    if out is not None:
                        out_until = max(out_until, out.until)
                    wait = max(due - now, (out.until - now) if out is not None else 0.0)
                    if wait <= 0:
                        break
                    await asyncio.sleep(wait)
                if len(self.stats.late) < 100_000:
                    self.stats.late.append(max(0.0, time.monotonic() - max(due, out_until)))
                writer.write(data)
                await writer.drain()
            with contextlib.suppress(OSError):
                if writer.can_write_eof():
                    writer.write_eof()

        sender = asyncio.create_task(deliver())
        try:
            while True:
                data = await reader.read(1 << 16)
                if not data:
                    break
                self.stats.chunks += 1
                delay = self._delay()
                if len(self.stats.delays) < 100_000:
                    self.stats.delays.append(delay)
                last_due = max(time.monotonic() + delay, last_due)
                queue.put_nowait((last_due, data))
        except (ConnectionError, OSError):
            pass
        finally:
            queue.put_nowait((0.0, b""))
            with contextlib.suppress(Exception):
                await sender
