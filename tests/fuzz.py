"""Shared Hypothesis settings for the fuzz suites: deterministic in CI, small enough for the 90-minute budget.

Every fuzz test is derandomized (same examples on every run and machine) and keeps no example database, so a
failure in CI reproduces locally with the same command. `PSM_FUZZ_SCALE=10 make test-fast` runs ten times as
many examples (still deterministic) when hunting bugs; Hypothesis prints the failing example as usual.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCALE = max(1, int(os.environ.get("PSM_FUZZ_SCALE", "1")))

settings.register_profile("psm", derandomize=True, database=None, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile("psm")


def examples(n: int) -> settings:
    """`n` examples (times PSM_FUZZ_SCALE) on top of the shared profile."""
    return settings(max_examples=n * SCALE)


#: Text a hostile or careless user might type: markup, quotes, entities, separators, control and wide characters.
NASTY_FRAGMENTS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</div>", "<b>", '"', "'", "&amp;",
                   "&lt;", "`", "**", "[x](javascript:alert(1))", "$x$", "\n\n", "\r\n", "\t", ";", ",", "=1+1",
                   "\u202e", "\x00", "é", "漢字", "🙂", "\\", "{}", "{0}", "%s", "#", "|")


def nasty_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Random unicode text mixed with the fragments above."""
    piece = st.one_of(st.sampled_from(NASTY_FRAGMENTS), st.text(max_size=12))
    return st.lists(piece, max_size=max(1, max_size // 6)).map("".join)
