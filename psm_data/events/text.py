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

# Control characters (C0, DEL, C1) except newline, plus the invisible characters that can reorder or hide text on
# screen: every Unicode format character (category Cf: bidi marks, overrides and isolates, zero-width characters,
# BOM, soft hyphen U+00AD, Arabic letter mark U+061C, Mongolian vowel separator U+180E, ...), the whole tag block
# (U+E0000-E007F, which can carry invisible ASCII). Two texts that look the same to the moderator are then the
# same text.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\U000e0000-\U000e007f]")

#: Every code point of Unicode category Cf (format), as ranges (Unicode 14, Python 3.11's unicodedata; a test
#: checks this list against unicodedata, so a newer Python with new format characters fails loudly).
FORMAT_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891),
    (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)
_INVISIBLE = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in FORMAT_RANGES) + "]")
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t]+")


def clean_text(raw: str | None, *, max_chars: int = TEXT_MAX, required: bool = True) -> str:
    """The text as it will be stored; raises EventError('text_empty' | 'text_too_long')."""
    text = unicodedata.normalize("NFC", raw or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", _CONTROL.sub("", text))
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
