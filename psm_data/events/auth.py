"""The facilitator password: from the environment or `.streamlit/secrets.toml` (never committed), compared in
constant time so its length or prefix cannot be guessed from response times."""

from __future__ import annotations

import hmac
import os
import tomllib
from pathlib import Path

PASSWORD_ENV = "PSM_FACILITATOR_PASSWORD"  # noqa: S105 - the variable's name, not a password
SECRETS_KEY = "facilitator_password"


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


FACILITATOR_COOKIE = "psm_facilitator"
FACILITATOR_COOKIE_S = 12 * 3600  # one working day: a reload, the projector's second screen, no new sign-in


def facilitator_cookie(password: str, now: float) -> str:
    """`<expiry>.<HMAC>`: proof that this browser opened the start-up link, without storing the password."""
    expiry = int(now) + FACILITATOR_COOKIE_S
    return f"{expiry}.{_mac(password, expiry)}"


def facilitator_cookie_valid(value: str | None, password: str | None, now: float) -> bool:
    """Not expired and signed with the current password (changing the password signs everyone out)."""
    if not value or not password or "." not in value:
        return False
    expiry, _, mac = value.partition(".")
    if not expiry.isdigit() or int(expiry) < now or int(expiry) > now + FACILITATOR_COOKIE_S + 60:
        return False
    return hmac.compare_digest(mac.encode(), _mac(password, int(expiry)).encode())


def _mac(password: str, expiry: int) -> str:
    return hmac.new(password.encode("utf-8"), f"psm-facilitator:{expiry}".encode(), "sha256").hexdigest()
