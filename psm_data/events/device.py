"""The anonymous device token: an HttpOnly cookie set on the page load, so a phone that sleeps, reloads or loses
Wi-Fi finds its answers again, without an account, a name, the IP or Streamlit's session id.

A plain ASGI middleware (no Streamlit, no Starlette import): `scripts/serve.py` mounts it on `st.App`. The token
is random and meaningless; the store only ever keeps its keyed hash per event (`store.device_hash`).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any

COOKIE = "psm_device"
MAX_AGE_S = 180 * 24 * 3600  # half a year: long enough for a process with several events
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


def new_token() -> str:
    return secrets.token_urlsafe(24)


def valid_token(value: str | None) -> bool:
    return bool(value) and bool(_TOKEN.match(value or ""))


def token_from_cookie_header(header: str) -> str | None:
    cookie = SimpleCookie()
    try:
        cookie.load(header)
    except Exception:  # noqa: BLE001 - a malformed Cookie header from a client is simply ignored
        return None
    morsel = cookie.get(COOKIE)
    return morsel.value if morsel is not None and valid_token(morsel.value) else None


def set_cookie_header(token: str, *, secure: bool) -> bytes:
    flags = f"{COOKIE}={token}; Path=/; Max-Age={MAX_AGE_S}; HttpOnly; SameSite=Lax"
    return (flags + ("; Secure" if secure else "")).encode("latin-1")


class DeviceCookieMiddleware:
    """Give every browser that loads a page a device token cookie, if it has none (or a malformed one)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope.get("type") != "http" or scope.get("method") != "GET" or _is_asset(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        existing = token_from_cookie_header(headers.get(b"cookie", b"").decode("latin-1"))
        if existing:
            await self.app(scope, receive, send)
            return
        proto = headers.get(b"x-forwarded-proto", b"").decode("latin-1") or scope.get("scheme", "http")
        header = set_cookie_header(new_token(), secure=proto == "https")

        async def send_with_cookie(message: Message) -> None:
            if message.get("type") == "http.response.start":
                content_type = dict(message.get("headers") or []).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    message["headers"] = [*message.get("headers", []), (b"set-cookie", header)]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _is_asset(path: str) -> bool:
    return path.startswith(("/_stcore/", "/static/", "/app/static/", "/component/", "/media/"))
