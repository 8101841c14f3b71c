"""The device-cookie middleware and the facilitator's password and remembered sign-in (pure ASGI, no server)."""

from __future__ import annotations

import time

from psm_data.events.auth import (
    FACILITATOR_COOKIE,
    facilitator_cookie,
    facilitator_cookie_valid,
    password_matches,
)
from psm_data.events.device import COOKIE, DeviceCookieMiddleware, token_from_cookie_header, valid_token
from tests.async_helpers import run_async

PASSWORD = "una-password-lunga"


def run(middleware: DeviceCookieMiddleware, path: str = "/partecipa", query: bytes = b"", cookie: bytes = b"",
        content_type: bytes = b"text/html; charset=utf-8", method: str = "GET") -> list[bytes]:
    """The Set-Cookie headers the middleware adds to one response."""
    sent: list[dict] = []

    async def app(scope, receive, send):  # noqa: ANN001 - ASGI
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", content_type)]})
        await send({"type": "http.response.body", "body": b"ok"})

    async def receive():  # noqa: ANN202
        return {"type": "http.request"}

    async def send(message):  # noqa: ANN001
        sent.append(message)

    middleware.app = app
    scope = {"type": "http", "method": method, "path": path, "query_string": query, "scheme": "http",
             "headers": [(b"cookie", cookie)] if cookie else []}
    run_async(middleware(scope, receive, send))
    return [v for k, v in sent[0]["headers"] if k == b"set-cookie"]


def middleware() -> DeviceCookieMiddleware:
    return DeviceCookieMiddleware(None, password=lambda: PASSWORD)


def test_a_page_load_gets_an_httponly_device_cookie_once():
    cookies = run(middleware())
    assert len(cookies) == 1
    header = cookies[0].decode()
    assert header.startswith(f"{COOKIE}=")
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    token = header.split(";")[0].split("=", 1)[1]
    assert valid_token(token)
    assert run(middleware(), cookie=f"{COOKIE}={token}".encode()) == []  # it has one: nothing new
    assert len(run(middleware(), cookie=f"{COOKIE}=<script>".encode())) == 1  # a forged one is replaced


def test_assets_and_non_html_responses_get_no_cookie():
    assert run(middleware(), path="/_stcore/health") == []
    assert run(middleware(), path="/app/static/vendor/leaflet.js", content_type=b"text/javascript") == []
    assert run(middleware(), method="POST") == []


def test_malformed_cookie_headers_are_ignored():
    assert token_from_cookie_header('psm_device="unterminated; x=') is None
    assert len(run(middleware(), cookie=b"\xff\xfe=;;;")) == 1


def test_the_start_up_link_remembers_the_facilitator_browser():
    cookies = [c.decode() for c in run(middleware(), query=f"token={PASSWORD}&evento=ABC234".encode())]
    remembered = next(c for c in cookies if c.startswith(FACILITATOR_COOKIE))
    assert "HttpOnly" in remembered
    assert "SameSite=Strict" in remembered
    value = remembered.split(";")[0].split("=", 1)[1]
    assert PASSWORD not in value
    assert facilitator_cookie_valid(value, PASSWORD, now=time.time())
    wrong = [c.decode() for c in run(middleware(), query=b"token=indovina")]
    assert not any(c.startswith(FACILITATOR_COOKIE) for c in wrong)


def test_facilitator_cookie_expires_and_follows_the_password():
    value = facilitator_cookie(PASSWORD, now=1_000_000)
    assert facilitator_cookie_valid(value, PASSWORD, now=1_000_100)
    assert not facilitator_cookie_valid(value, PASSWORD, now=1_000_000 + 13 * 3600)  # expired
    assert not facilitator_cookie_valid(value, "password-cambiata", now=1_000_100)
    assert not facilitator_cookie_valid("9999999999.abc", PASSWORD, now=1_000_100)
    assert not facilitator_cookie_valid(None, PASSWORD, now=1_000_100)


def test_password_comparison():
    assert password_matches(PASSWORD, PASSWORD)
    assert not password_matches("una-password-lungA", PASSWORD)
    assert not password_matches("", PASSWORD)
    assert not password_matches(PASSWORD, None)
