"""The facilitator's door: the password, the server secret, the remembered sign-in, the one-time start-up code and
the failure counter shared by every way in.

- The password comes from the environment or `.streamlit/secrets.toml` (never committed) and is compared in
  constant time, so its length or prefix cannot be guessed from response times.
- The **server secret** is random, made once and kept beside the database (`$PSM_DATA_HOME/server_secret`, or
  `$PSM_SERVER_SECRET` for several servers on several machines). It signs the facilitator cookie and the device
  tokens, so a stolen cookie gives no offline guess of the password, and a cookie value made up by a client is
  worth nothing.
- The facilitator cookie is bound to a fingerprint of the password: changing the password signs everyone out.
- The start-up link printed by `make run` carries a **one-time code**, never the password; it is checked only on
  `/facilitatore` (psm_data/events/device.py) and the browser is sent on to the clean address.
- One **failure counter** per server process and per client address, shared by the form and the link, with growing
  lock-outs: five wrong tries lock that address (30 s, then 60, 120, … up to an hour), and many wrong tries from
  anywhere lock the door for everyone for a while (a facilitator already signed in stays signed in).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import threading
import time
import tomllib
from pathlib import Path

from psm_data.server.limits import address_key

PASSWORD_ENV = "PSM_FACILITATOR_PASSWORD"  # noqa: S105 - the variable's name, not a password
SECRET_ENV = "PSM_SERVER_SECRET"  # noqa: S105 - the variable's name, not a secret
SECRETS_KEY = "facilitator_password"
SECRET_FILE = "server_secret"  # noqa: S105 - a file name


def configured_password(secrets_file: Path | None = None) -> str | None:
    """$PSM_FACILITATOR_PASSWORD, else `facilitator_password` in the secrets file, else None."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if secrets_file is not None and secrets_file.is_file():
        try:
            value = tomllib.loads(secrets_file.read_text(encoding="utf-8")).get(SECRETS_KEY)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None
        return str(value) if value else None
    return None


def password_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison; no configured password never matches."""
    if not expected or given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


# ---------------------------------------------------------------------------------------------- server secret
_secret_lock = threading.Lock()
_secret_cache: dict[str, bytes] = {}


def server_secret() -> bytes:
    """$PSM_SERVER_SECRET, else the random secret in the data home (made on first use, readable by its owner only)."""
    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV].encode("utf-8")
    from psm_data.events.db import data_home

    path = data_home() / SECRET_FILE
    key = str(path)
    with _secret_lock:
        if key in _secret_cache:
            return _secret_cache[key]
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(secrets.token_hex(32) + "\n")
        value = path.read_text(encoding="ascii").strip()
        if len(value) < 32:  # a half-written file from a crash: never sign with a short key
            raise RuntimeError(f"{path} holds no usable secret: delete it and restart the server")
        _secret_cache[key] = value.encode("ascii")
        return _secret_cache[key]


def sign(purpose: str, value: str, secret: bytes | None = None) -> str:
    """A 22-character URL-safe HMAC-SHA256 of `value` for one purpose, keyed with the server secret."""
    mac = hmac.new(secret or server_secret(), f"{purpose}:{value}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:16]).decode("ascii").rstrip("=")


# ---------------------------------------------------------------------------------------------- remembered sign-in
FACILITATOR_COOKIE = "psm_facilitator"
FACILITATOR_COOKIE_S = 12 * 3600  # one working day: a reload, the projector's second screen, no new sign-in


def password_fingerprint(password: str, secret: bytes | None = None) -> str:
    """Changes with the password; useless without the server secret (no offline guessing from a cookie)."""
    return sign("password", password, secret)


def facilitator_cookie(password: str, now: float, secret: bytes | None = None) -> str:
    """`<expiry>.<HMAC>`: proof that this browser signed in, signed with the server secret."""
    expiry = int(now) + FACILITATOR_COOKIE_S
    return f"{expiry}.{_cookie_mac(password, expiry, secret)}"


def facilitator_cookie_valid(value: str | None, password: str | None, now: float, secret: bytes | None = None) -> bool:
    """Not expired, signed by this server, for the current password (changing it signs everyone out)."""
    if not value or not password or "." not in value:
        return False
    expiry, _, mac = value.partition(".")
    if not expiry.isdigit() or len(expiry) > 12 or int(expiry) < now or int(expiry) > now + FACILITATOR_COOKIE_S + 60:
        return False
    return hmac.compare_digest(mac.encode(), _cookie_mac(password, int(expiry), secret).encode())


def _cookie_mac(password: str, expiry: int, secret: bytes | None) -> str:
    return sign("facilitator", f"{expiry}:{password_fingerprint(password, secret)}", secret)


# ---------------------------------------------------------------------------------------------- one-time codes
SIGNIN_CODE_S = 24 * 3600  # the link printed at start works once, within a day
_codes: dict[str, float] = {}  # sha256 of the code -> expiry (monotonic); this process only
_codes_lock = threading.Lock()


def issue_signin_code(now: float | None = None) -> str:
    """A new one-time sign-in code for the start-up link (kept hashed, in this process only)."""
    code = secrets.token_urlsafe(18)
    with _codes_lock:
        _codes[hashlib.sha256(code.encode()).hexdigest()] = (now or time.monotonic()) + SIGNIN_CODE_S
    return code


def redeem_signin_code(code: str | None, now: float | None = None) -> bool:
    """True once for a code this server issued and that has not expired; the code is then spent."""
    if not code or len(code) > 100:
        return False
    digest = hashlib.sha256(code.encode("utf-8", "replace")).hexdigest()
    with _codes_lock:
        expiry = _codes.pop(digest, None)
    return expiry is not None and expiry >= (now or time.monotonic())


# ---------------------------------------------------------------------------------------------- failure counter
MAX_FAILS = 5  # per client address, then a lock-out that doubles at each further failure
LOCKOUT_S = 30.0
MAX_LOCKOUT_S = 3600.0
SERVER_MAX_FAILS = 25  # from every address together, then the same growing lock-out for everyone
FORGET_AFTER_S = 3600.0  # an address (or the server) with no failure for an hour starts again from zero


class SignInGuard:
    """Wrong facilitator passwords and codes, counted per client address and for the whole server."""

    def __init__(self) -> None:
        self._fails: dict[str, tuple[int, float, float]] = {}  # key -> (failures, last failure, locked until)
        self._lock = threading.Lock()

    def wait_s(self, address: str, now: float | None = None) -> float:
        """Seconds before this address may try again (0: now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            return max(0.0, *(self._state(key, now)[2] - now for key in (address_key(address), "*")))

    def failed(self, address: str, now: float | None = None) -> float:
        """Count a wrong try; the seconds this address must now wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            for key, allowed in ((address_key(address), MAX_FAILS), ("*", SERVER_MAX_FAILS)):
                fails, _, until = self._state(key, now)
                fails += 1
                if fails >= allowed:
                    until = now + min(MAX_LOCKOUT_S, LOCKOUT_S * 2 ** min(fails - allowed, 20))
                self._fails[key] = (fails, now, until)
            if len(self._fails) > 10_000:  # forget the oldest addresses (a flood of spoofed ones)
                for key in sorted(self._fails, key=lambda k: self._fails[k][1])[:5000]:
                    if key != "*":
                        del self._fails[key]
        return self.wait_s(address, now)

    def succeeded(self, address: str) -> None:
        with self._lock:
            self._fails.pop(address_key(address), None)

    def reset(self) -> None:
        """Forget every failure (tests; a server restart does the same)."""
        with self._lock:
            self._fails.clear()

    def failures(self, address: str, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        with self._lock:
            return self._state(address_key(address), now)[0]

    def _state(self, key: str, now: float) -> tuple[int, float, float]:
        fails, last, until = self._fails.get(key, (0, 0.0, 0.0))
        if fails and now - last > FORGET_AFTER_S and until <= now:
            self._fails.pop(key, None)
            return 0, 0.0, 0.0
        return fails, last, until


#: The one counter of this server process (the sign-in form and the start-up link both use it).
SIGNIN = SignInGuard()
