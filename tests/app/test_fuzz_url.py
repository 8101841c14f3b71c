"""Property-based fuzzing of the address: random query strings on every page, through AppTest (the real app.py).

Random keys, repeated keys, huge values, unicode, markup, out-of-range numbers, empty values: the page renders
without an exception (nor app.py's friendly error), valid global values (zones, axis, language, projector) are
kept in the address, and every invalid value, and every parameter the page does not know, is named in the notice,
as literal text cut to a readable length.

`PAGE_PARAMS` is each page's URL contract (the README lists it); a page not listed gets random keys only.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from components.navigation import PAGES, PageInfo
from components.state import describe
from psm_data import load_dataset
from tests.app.conftest import APP, no_exception, url_values
from tests.fuzz import examples, nasty_text

DATA = load_dataset()
ZONES = tuple(DATA.zones["zone_id"])
AXES = tuple(DATA.axes["axis_id"])
GLOBAL = {"zone": ZONES, "axis": ("",) + AXES, "lang": ("it", "en"), "proj": ("1",)}
DEFAULTS = {"axis": "", "lang": "it"}  # valid values the address omits
#: Each page's own parameters and their valid values (None: any text).
PAGE_PARAMS: dict[str, dict[str, tuple[str, ...] | None]] = {
    "map": {"strategy": ("",) + tuple(DATA.strategies["strategy_id"]), "map_axis": AXES,
            "metric": ("count", "per100k"), "comuni": ("1",)},
    "coverage": {"chart": ("1",)},
    "needs": {"q": None, "theme": ("",) + tuple(DATA.themes["theme_id"])},
    "zone": {"profile": ZONES},
}
#: Never drawn as random keys: the contract above, the event pages' own (tests/app/test_events_*.py test those),
#: Streamlit's reserved ones.
KNOWN = (set(GLOBAL) | {k for params in PAGE_PARAMS.values() for k in params}
         | {"scn", "evento", "step", "view", "token"} | {"embed", "embed_options"})
ODD_VALUES = ("", " ", "0", "12", "-1", "1.5", "1e9", "٣", "x" * 3000, "<script>alert(1)</script>", "5 ", "05",
              "%00", "\u202e11", "[5](http://x.example)")


def values_for(valid: tuple[str, ...] | None) -> st.SearchStrategy[list[str]]:
    pool = [st.sampled_from(ODD_VALUES), nasty_text(40)]
    if valid:
        pool.insert(0, st.sampled_from(valid))
    return st.lists(st.one_of(*pool), min_size=1, max_size=3)


@st.composite
def query(draw: st.DrawFn, info: PageInfo) -> dict[str, list[str]]:
    contract = {**GLOBAL, **PAGE_PARAMS.get(info.key, {})}
    keys = draw(st.lists(st.sampled_from(sorted(contract)), max_size=4, unique=True))
    params = {k: draw(values_for(contract[k])) for k in keys}
    junk = draw(st.lists(st.text(min_size=1, max_size=12).filter(lambda k: k not in KNOWN), max_size=2,
                         unique=True))
    params.update({k: draw(values_for(None)) for k in junk})
    return params


def open_with(info: PageInfo, params: dict[str, list[str]]) -> tuple[AppTest, str, str]:
    """The page opened by a link carrying `params`, and the notices of its first run as a browser would get them.

    AppTest's first run always lands on the default page: global values are read (and reported) there, the page's
    own in the second run; both runs' notices together are what a visitor sees on the deep link."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    first = " ".join(w.value for w in at.warning)
    if info != PAGES[0]:
        no_exception(at)
        for key, value in params.items():
            at.query_params[key] = value
        at.switch_page(info.file).run()
    last = " ".join(w.value for w in at.warning)
    return at, first + " " + last, last


def check(info: PageInfo, params: dict[str, list[str]]) -> None:
    at, notices, page_notices = open_with(info, params)
    no_exception(at)
    assert at.title, "the page drew its title"
    if info.audience != "explorer":
        # Event pages read no filters, and end early with st.stop() (no event code: the join form), which skips
        # app.py's notice; their own parameters are tested in tests/app/test_events_*.py.
        return
    for key, valid in GLOBAL.items():
        given_values = params.get(key, [])
        good = list(dict.fromkeys(v for v in given_values if v in valid))
        for v in given_values:
            if v not in valid:
                assert describe(key, v) in notices, (key, v)
        if key == "zone":
            assert url_values(at, "zone") == [z for z in ZONES if z in good]
        else:
            kept = good[0] if good else DEFAULTS.get(key)
            expected = [] if kept in (None, DEFAULTS.get(key)) else [kept]
            assert url_values(at, key) == expected, (key, given_values)
            for v in good[1:]:
                assert describe(key, v) in notices, (key, v)
    own = PAGE_PARAMS.get(info.key, {})
    for key, given_values in params.items():
        if key in GLOBAL:
            continue
        valid = own.get(key, ()) if key in own else ()
        if key not in own:  # a parameter this page does not know: every value named, and dropped from the address
            for v in given_values:
                assert describe(key, v) in page_notices, (key, v)
            assert key not in at.query_params
        elif valid is not None:
            for v in given_values:
                if v not in valid:
                    assert describe(key, v) in page_notices, (key, v)


def make_test(info: PageInfo):
    @examples(4)
    @given(params=query(info))
    def test(params):
        check(info, params)

    test.__name__ = f"test_random_address_on_{info.key}"
    test.__doc__ = f"Random query strings on {info.url_path}."
    return test


for _info in PAGES:
    globals()[f"test_random_address_on_{_info.key}"] = make_test(_info)


def test_known_hostile_addresses():
    """A few addresses worth keeping as fixed examples, on the page most parameters reach."""
    for params in ({"zone": ["5", "5", "<b>x</b>", "x" * 5000], "axis": ["3", "4"], "lang": ["EN"]},
                   {"strategy": ["9.9", "2.3"], "metric": ["per100k"], "\u202e": ["1"], "comuni": ["", "1"]},
                   {"q": ["`code` **b**"], "zone": ["[a](javascript:alert(1))"]}):
        check(PAGES[1], params)
