"""The anonymous device token: an HttpOnly cookie set on the page load, so a phone that sleeps, reloads or loses
Wi-Fi finds its answers again, without an account, a name, the IP or Streamlit's session id.

A plain ASGI middleware (no Streamlit, no Starlette import): `scripts/serve.py` mounts it on `st.App`. The token
is random and meaningless; the store only ever keeps its keyed hash per event (`store.device_hash`).
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from psm_data.events.auth import FACILITATOR_COOKIE, FACILITATOR_COOKIE_S, facilitator_cookie, password_matches

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
    """Give every browser that loads a page a device token cookie, if it has none (or a malformed one).

    Also, when a page is opened with the facilitator's start-up link (`?token=<password>`, printed by
    `make run`), remember that browser with a signed HttpOnly cookie (psm_data/events/auth.py), so a reload or
    the projector's page does not ask for the password again. The page itself removes the token from the URL."""

    def __init__(self, app: ASGIApp, password: Callable[[], str | None] | None = None) -> None:
        self.app = app
        self.password = password

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope.get("type") != "http" or scope.get("method") != "GET" or _is_asset(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        proto = headers.get(b"x-forwarded-proto", b"").decode("latin-1") or scope.get("scheme", "http")
        secure = proto == "https"
        cookies: list[bytes] = []
        if not token_from_cookie_header(headers.get(b"cookie", b"").decode("latin-1")):
            cookies.append(set_cookie_header(new_token(), secure=secure))
        facilitator = self._facilitator_cookie(scope.get("query_string", b""), secure)
        if facilitator:
            cookies.append(facilitator)
        if not cookies:
            await self.app(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            if message.get("type") == "http.response.start":
                content_type = dict(message.get("headers") or []).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    message["headers"] = [*message.get("headers", []), *((b"set-cookie", c) for c in cookies)]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


    def _facilitator_cookie(self, query_string: bytes, secure: bool) -> bytes | None:
        if self.password is None or b"token=" not in query_string:
            return None
        given = parse_qs(query_string.decode("latin-1")).get("token", [""])[0]
        expected = self.password()
        if not password_matches(given, expected):
            return None
        value = facilitator_cookie(str(expected), time.time())
        flags = f"{FACILITATOR_COOKIE}={value}; Path=/; Max-Age={FACILITATOR_COOKIE_S}; HttpOnly; SameSite=Strict"
        return (flags + ("; Secure" if secure else "")).encode("latin-1")


def _is_asset(path: str) -> bool:
    return path.startswith(("/_stcore/", "/static/", "/app/static/", "/component/", "/media/"))
