"""The device-cookie middleware, the facilitator's door (one-time link, remembered sign-in, failure counter) and the
server secret (pure ASGI and functions, no server; the real server: tests/load/test_hostile_clients.py)."""

from __future__ import annotations

import time

import pytest

from psm_data.events import auth
from psm_data.events.auth import (
    FACILITATOR_COOKIE,
    SIGNIN,
    SignInGuard,
    facilitator_cookie,
    facilitator_cookie_valid,
    issue_signin_code,
    password_matches,
    redeem_signin_code,
    server_secret,
)
from psm_data.events.device import COOKIE, DeviceCookieMiddleware, new_token, token_from_cookie_header, valid_token
from tests.async_helpers import run_async

PASSWORD = "una-password-lunga"
SECRET = b"0123456789abcdef0123456789abcdef-test"


@pytest.fixture(autouse=True)
def _fresh_failure_counter():
    SIGNIN.reset()
    yield
    SIGNIN.reset()


def respond(middleware: DeviceCookieMiddleware, path: str = "/partecipa", query: bytes = b"", cookie: bytes = b"",
            content_type: bytes = b"text/html; charset=utf-8", method: str = "GET",
            client: str = "10.0.0.7") -> tuple[int, dict[bytes, list[bytes]], bool]:
    """(status, headers, whether the app was reached) of one request through the middleware."""
    sent: list[dict] = []
    reached: list[bool] = []

    async def app(scope, receive, send):  # noqa: ANN001 - ASGI
        reached.append(True)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", content_type)]})
        await send({"type": "http.response.body", "body": b"ok"})

    async def receive():  # noqa: ANN202
        return {"type": "http.request"}

    async def send(message):  # noqa: ANN001
        sent.append(message)

    middleware.app = app
    scope = {"type": "http", "method": method, "path": path, "query_string": query, "scheme": "http",
             "headers": [(b"cookie", cookie)] if cookie else [], "client": (client, 50000)}
    run_async(middleware(scope, receive, send))
    headers: dict[bytes, list[bytes]] = {}
    for k, v in sent[0]["headers"]:
        headers.setdefault(k, []).append(v)
    return sent[0]["status"], headers, bool(reached)


def run(middleware: DeviceCookieMiddleware, **kwargs) -> list[bytes]:  # noqa: ANN003
    """The Set-Cookie headers the middleware adds to one response."""
    return respond(middleware, **kwargs)[1].get(b"set-cookie", [])


def middleware() -> DeviceCookieMiddleware:
    return DeviceCookieMiddleware(None, password=lambda: PASSWORD)


def test_a_page_load_gets_an_httponly_signed_device_cookie_once():
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


def test_a_made_up_device_token_is_not_a_participant():
    """Any well-formed string used to be a participant: only tokens this server signed count now."""
    made_up = "A" * 46
    assert not valid_token(made_up)
    assert not valid_token("x" * 30)  # the old shape (22-64 random characters)
    real = new_token()
    assert valid_token(real)
    assert not valid_token(real[:-1] + ("A" if real[-1] != "A" else "B"))  # one character changed
    assert not valid_token(new_token(secret=b"another-server-secret-0123456789ab"))  # signed by someone else
    assert token_from_cookie_header(f"{COOKIE}={made_up}") is None
    assert len(run(middleware(), cookie=f"{COOKIE}={made_up}".encode())) == 1  # replaced by a signed one


def test_new_device_tokens_are_capped_per_address(monkeypatch: pytest.MonkeyPatch):
    from psm_data.server import limits

    monkeypatch.setattr(limits, "new_devices", limits.RateWindow(3))
    got = [len(run(middleware(), client="10.9.9.9")) for _ in range(5)]
    assert got == [1, 1, 1, 0, 0]  # the page still loads, without a new participant
    assert len(run(middleware(), client="10.9.9.10")) == 1  # another address is not affected


def test_assets_and_non_html_responses_get_no_cookie():
    assert run(middleware(), path="/_stcore/health") == []
    assert run(middleware(), path="/app/static/vendor/leaflet.js", content_type=b"text/javascript") == []
    assert run(middleware(), method="POST") == []


def test_malformed_cookie_headers_are_ignored():
    assert token_from_cookie_header('psm_device="unterminated; x=') is None
    assert len(run(middleware(), cookie=b"\xff\xfe=;;;")) == 1


def test_the_start_up_link_signs_in_once_and_leaves_the_address():
    code = issue_signin_code()
    status, headers, reached = respond(middleware(), path="/facilitatore", query=f"token={code}&evento=ABC234".encode())
    assert status == 303
    assert not reached
    assert headers[b"location"] == [b"/facilitatore?evento=ABC234"]  # the clean address
    assert headers[b"referrer-policy"] == [b"no-referrer"]
    remembered = next(c.decode() for c in headers[b"set-cookie"] if c.startswith(FACILITATOR_COOKIE.encode()))
    assert "HttpOnly" in remembered
    assert "SameSite=Strict" in remembered
    value = remembered.split(";")[0].split("=", 1)[1]
    assert PASSWORD not in value
    assert code not in value
    assert facilitator_cookie_valid(value, PASSWORD, now=time.time())
    # the same code again: spent
    status, headers, _ = respond(middleware(), path="/facilitatore", query=f"token={code}".encode())
    assert status == 303
    assert b"set-cookie" not in headers
    assert headers[b"location"] == [b"/facilitatore"]


def test_the_password_in_the_link_signs_nobody_in_and_other_pages_ignore_the_link():
    status, headers, _ = respond(middleware(), path="/facilitatore", query=f"token={PASSWORD}".encode())
    assert status == 303
    assert b"set-cookie" not in headers
    code = issue_signin_code()
    status, headers, reached = respond(middleware(), path="/presenta", query=f"token={code}".encode(),
                                       cookie=f"{COOKIE}={new_token()}".encode())
    assert status == 200
    assert reached
    assert b"set-cookie" not in headers
    assert redeem_signin_code(code)  # and not spent there


def test_wrong_codes_lock_the_link_and_the_form_of_that_address():
    """Five wrong tries from one address lock it on every path; the right code is then refused too."""
    started = time.monotonic()
    for _ in range(5):
        status, headers, _ = respond(middleware(), path="/facilitatore", query=b"token=indovina", client="10.1.1.1")
        assert status == 303
        assert b"set-cookie" not in headers
    assert time.monotonic() - started >= 5 * 0.9  # each wrong code answered about a second late
    assert SIGNIN.wait_s("10.1.1.1") > 25  # the form of that address is locked as well (shared counter)
    code = issue_signin_code()
    _, headers, _ = respond(middleware(), path="/facilitatore", query=f"token={code}".encode(), client="10.1.1.1")
    assert b"set-cookie" not in headers  # locked: not even checked
    _, headers, _ = respond(middleware(), path="/facilitatore", query=f"token={code}".encode(), client="10.1.1.2")
    assert any(c.startswith(FACILITATOR_COOKIE.encode()) for c in headers[b"set-cookie"])  # another address may


def test_failure_counter_grows_and_is_shared_by_the_whole_server():
    guard = SignInGuard()
    now = 1000.0
    for _ in range(4):
        assert guard.failed("10.0.0.1", now) == 0
    assert guard.failed("10.0.0.1", now) == pytest.approx(30)  # 5th wrong try: 30 s
    assert guard.wait_s("10.0.0.1", now + 31) == 0
    assert guard.failed("10.0.0.1", now + 31) == pytest.approx(60)  # then 60 s, 120 s, ...
    assert guard.failed("10.0.0.1", now + 92) == pytest.approx(120)
    assert guard.wait_s("10.0.0.2", now + 92) == 0  # another address is not locked ...
    for i in range(auth.SERVER_MAX_FAILS):  # ... until the server as a whole has seen too many
        guard.failed(f"10.0.1.{i}", now + 100)
    assert guard.wait_s("10.0.0.2", now + 100) > 0
    guard.succeeded("10.0.0.1")
    assert guard.failures("10.0.0.1") == 0


def test_facilitator_cookie_is_signed_with_the_server_secret_and_follows_the_password():
    value = facilitator_cookie(PASSWORD, now=1_000_000, secret=SECRET)
    assert facilitator_cookie_valid(value, PASSWORD, now=1_000_100, secret=SECRET)
    assert not facilitator_cookie_valid(value, PASSWORD, now=1_000_000 + 13 * 3600, secret=SECRET)  # expired
    assert not facilitator_cookie_valid(value, "password-cambiata", now=1_000_100, secret=SECRET)  # signs out
    assert not facilitator_cookie_valid(value, PASSWORD, now=1_000_100, secret=b"x" * 40)  # another server
    assert not facilitator_cookie_valid("9999999999.abc", PASSWORD, now=1_000_100, secret=SECRET)
    assert not facilitator_cookie_valid(None, PASSWORD, now=1_000_100, secret=SECRET)


def test_a_stolen_cookie_gives_no_offline_guess():
    """The old cookie was HMAC(password, expiry): a guess could be checked offline. Now the key is the secret."""
    import hashlib
    import hmac

    value = facilitator_cookie(PASSWORD, now=1_000_000, secret=SECRET)
    expiry, mac = value.split(".")
    old_style = hmac.new(PASSWORD.encode(), f"psm-facilitator:{expiry}".encode(), hashlib.sha256).hexdigest()
    assert mac != old_style
    assert PASSWORD.encode() not in value.encode()
    assert facilitator_cookie(PASSWORD, now=1_000_000, secret=b"y" * 40) != value  # depends on the secret


def test_server_secret_is_random_kept_beside_the_database_and_private(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PSM_DATA_HOME", str(tmp_path))
    monkeypatch.delenv(auth.SECRET_ENV, raising=False)
    first = server_secret()
    path = tmp_path / auth.SECRET_FILE
    assert path.is_file()
    assert (path.stat().st_mode & 0o777) == 0o600
    assert len(first) >= 64
    assert server_secret() == first
    monkeypatch.setenv(auth.SECRET_ENV, "shared-by-several-servers-0123456789")
    assert server_secret() == b"shared-by-several-servers-0123456789"


def test_password_comparison():
    assert password_matches(PASSWORD, PASSWORD)
    assert not password_matches("una-password-lungA", PASSWORD)
    assert not password_matches("", PASSWORD)
    assert not password_matches(PASSWORD, None)
