"""The facilitator password: from the environment or `.streamlit/secrets.toml` (never committed), compared in
constant time so its length or prefix cannot be guessed from response times."""

from __future__ import annotations

import hmac
import os
import tomllib
from pathlib import Path

PASSWORD_ENV = "PSM_FACILITATOR_PASSWORD"
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
