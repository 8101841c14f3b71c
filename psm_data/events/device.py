"""The anonymous device token: an HttpOnly cookie set on the page load, so a phone that sleeps, reloads or loses
Wi-Fi finds its answers again, without an account, a name, the IP or Streamlit's session id.

A plain ASGI middleware (no Streamlit, no Starlette import): `scripts/serve.py` mounts it on `st.App`. The token
is random and **signed by the server** (`<24 random chars><22-char HMAC>` with the server secret,
psm_data/events/auth.py): a value a client makes up is not a participant, so one laptop cannot become hundreds of
voters by inventing cookies. New tokens are capped per client address and minute (psm_data/server/limits.py). The store
only ever keeps the token's keyed hash per event (`store.device_hash`).

The same middleware opens the facilitator's door for the start-up link (`/facilitatore?token=<one-time code>`):
see `DeviceCookieMiddleware`.
"""

from __future__ import annotations

import asyncio
import hmac
import re
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from psm_data.events.auth import (
    FACILITATOR_COOKIE,
    FACILITATOR_COOKIE_S,
    SIGNIN,
    facilitator_cookie,
    redeem_signin_code,
    sign,
)
from psm_data.server import limits

COOKIE = "psm_device"
MAX_AGE_S = 180 * 24 * 3600  # half a year: long enough for a process with several events
_BODY_CHARS = 24
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{46}$")
#: Seconds a wrong start-up code is answered late (on top of the growing lock-out of psm_data/events/auth.py).
WRONG_CODE_DELAY_S = 1.0
FACILITATOR_PATH = "/facilitatore"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


def new_token(secret: bytes | None = None) -> str:
    """A random token signed by this server (the only kind that makes a participant)."""
    body = secrets.token_urlsafe(18)
    return body + sign("device", body, secret)


def valid_token(value: str | None, secret: bytes | None = None) -> bool:
    """Well formed and signed with the server secret."""
    if not value or not _TOKEN.match(value):
        return False
    body, mac = value[:_BODY_CHARS], value[_BODY_CHARS:]
    return hmac.compare_digest(mac.encode(), sign("device", body, secret).encode())


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
    """Give every browser that loads a page a signed device token cookie, if it has no valid one (new tokens are
    capped per client address and minute: over the cap the page loads without one and the participant page says
    to try again shortly).

    Also opens the facilitator's door for the start-up link: `GET /facilitatore?token=<one-time code>` is checked
    here (nowhere else), against the failure counter shared with the sign-in form; whatever the outcome, the
    browser is redirected to the same address without the code, with `Referrer-Policy: no-referrer`, and a right
    code sets the signed HttpOnly facilitator cookie (psm_data/events/auth.py)."""

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
        address = limits.client_address(scope)
        if self._is_signin_link(scope):
            await self._signin_link(scope, send, address, secure)
            return
        cookies: list[bytes] = []
        if not token_from_cookie_header(headers.get(b"cookie", b"").decode("latin-1")) and \
                limits.new_devices.allow(address):
            cookies.append(set_cookie_header(new_token(), secure=secure))
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

    def _is_signin_link(self, scope: Scope) -> bool:
        path = str(scope.get("path", "")).rstrip("/")
        query = scope.get("query_string", b"")
        return self.password is not None and path.endswith(FACILITATOR_PATH) and b"token=" in query

    async def _signin_link(self, scope: Scope, send: Callable[[Message], Awaitable[None]], address: str,
                           secure: bool) -> None:
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        code = next((v for k, v in pairs if k == "token"), "")
        headers = [(b"location", _clean_location(scope, pairs)), (b"referrer-policy", b"no-referrer"),
                   (b"cache-control", b"no-store"), (b"content-length", b"0")]
        expected = self.password() if self.password else None
        if SIGNIN.wait_s(address) > 0 or not expected:
            await asyncio.sleep(WRONG_CODE_DELAY_S)  # locked: not even checked, and answered as late as a wrong one
        elif redeem_signin_code(code):
            SIGNIN.succeeded(address)
            value = facilitator_cookie(str(expected), time.time())
            flags = (f"{FACILITATOR_COOKIE}={value}; Path=/; Max-Age={FACILITATOR_COOKIE_S}; HttpOnly; "
                     "SameSite=Strict" + ("; Secure" if secure else ""))
            headers.append((b"set-cookie", flags.encode("latin-1")))
        else:
            SIGNIN.failed(address)
            await asyncio.sleep(WRONG_CODE_DELAY_S)
        await send({"type": "http.response.start", "status": 303, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


def _clean_location(scope: Scope, pairs: list[tuple[str, str]]) -> bytes:
    """The same page and query without the code (a relative URL: no Host header is trusted)."""
    path = str(scope.get("path", ""))
    rest = urlencode([(k, v) for k, v in pairs if k != "token"])
    return ("/" + path.lstrip("/") + (f"?{rest}" if rest else "")).encode("latin-1", "replace")


def _is_asset(path: str) -> bool:
    return path.startswith(("/_stcore/", "/static/", "/app/static/", "/component/", "/media/"))
