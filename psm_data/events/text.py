"""Participants' text is untrusted: normalise it, strip control characters, cap its length, key it for dedup.

Escaping for display happens where text is shown (HTML), and formula neutralisation where it is exported (CSV);
here we only make the stored text clean and bounded.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from psm_data.events.errors import EventError
from psm_data.events.vocabulary import TEXT_MAX

# Control characters (C0, DEL, C1) except newline, plus the invisible format characters that can reorder or hide
# text on screen (bidi overrides and isolates, zero-width characters, BOM).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t]+")


def clean_text(raw: str | None, *, max_chars: int = TEXT_MAX, required: bool = True) -> str:
    """The text as it will be stored; raises EventError('text_empty' | 'text_too_long')."""
    text = unicodedata.normalize("NFC", raw or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text).strip()
    if not text:
        if required:
            raise EventError("text_empty")
        return ""
    if len(text) > max_chars:
        raise EventError("text_too_long", max_chars=max_chars, length=len(text))
    return text


def text_key(text: str) -> str:
    """Same words, same key: a proposal re-sent (reload, double tap, retry) is stored once."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:40]
