"""Right-to-left words in visual order for the PDF (ReportLab draws characters left to right as given).

A participant may write Hebrew or Arabic. Without this, "טקסט" prints mirrored (its last letter first). This is
a small part of the Unicode bidi algorithm, enough for a left-to-right document quoting right-to-left words:
each run of right-to-left letters (with the spaces and punctuation between them, and numbers kept in their own
order) is reversed in place, brackets mirrored. Explicit embeddings and overrides (U+202A–U+202E, U+2066–U+2069)
are not obeyed: a text cannot turn the document's own words around. Arabic letters keep their unjoined forms (no
shaping). The DOCX needs none of this: Word and LibreOffice lay right-to-left text out themselves.
"""

from __future__ import annotations

import unicodedata

_RTL = frozenset(("R", "AL"))
_LTR = frozenset(("L",))
_DIGITS = frozenset(("EN", "AN"))
_MIRROR = str.maketrans("()[]{}«»", ")(][}{»«")


_CLOSERS = {")": "(", "]": "[", "}": "{", "»": "«"}


def _unclosed(run: str, closer: str) -> bool:
    return run.count(_CLOSERS[closer]) > run.count(closer)


def _kind(ch: str) -> str:
    cls = unicodedata.bidirectional(ch)
    if cls in _RTL:
        return "R"
    if cls in _LTR:
        return "L"
    return "D" if cls in _DIGITS else "N"


def _reverse_run(run: str, kinds: list[str]) -> str:
    tokens: list[str] = []
    previous = ""
    for ch, kind in zip(run, kinds, strict=True):
        if kind == "D" and previous == "D":
            tokens[-1] += ch  # "25" stays "25" inside a reversed run
        else:
            tokens.append(ch if kind == "D" else ch.translate(_MIRROR))
        previous = kind
    return "".join(reversed(tokens))


def _line(line: str) -> str:
    kinds = [_kind(ch) for ch in line]
    if "R" not in kinds:
        return line
    out: list[str] = []
    i = 0
    while i < len(line):
        if kinds[i] != "R":
            out.append(line[i])
            i += 1
            continue
        last = j = i
        while j < len(line) and kinds[j] != "L":  # the run ends at the last RTL letter before a Latin one
            if kinds[j] == "R":
                last = j
            j += 1
        while last + 1 < len(line) and line[last + 1] in _CLOSERS and _unclosed(line[i:last + 1], line[last + 1]):
            last += 1  # "(עולם)": the bracket that closes one opened inside the run belongs to it
        out.append(_reverse_run(line[i:last + 1], kinds[i:last + 1]))
        i = last + 1
    return "".join(out)


def visual_order(text: str) -> str:
    """`text` with every right-to-left run in the order it must be drawn left to right; unchanged without one."""
    if text.isascii():
        return text
    return "\n".join(_line(line) for line in text.split("\n"))
