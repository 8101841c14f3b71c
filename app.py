"""PSM Torino Explorer: the entry point. Page frame, navigation; no data work here.

Each page has an audience (components/navigation.py): explorer pages get the shared sidebar with the what-if
filters; the participant page (a phone in a hall) gets nothing but itself, so its runs stay cheap; facilitator and
presenter pages get their own frame.
"""

import os
import time
from pathlib import Path

import streamlit as st

from components import state
from components.data_access import get_dataset
from components.errors import show_page_error
from components.filters import render_filters, render_language, seed_language
from components.i18n import t
from components.navigation import build_pages, page_info
from components.style import apply_event_style, apply_style

FAVICON = Path(__file__).parent / "static" / "favicon.png"
_started, _started_cpu = time.perf_counter(), time.thread_time()
# A local favicon: a ":material/…:" or emoji icon makes the browser fetch it from a font CDN (offline: a failure).
st.set_page_config(page_title="PSM Torino Explorer", page_icon=str(FAVICON), layout="wide")
state.start_run()
seed_language()
page = st.navigation(build_pages())
audience = page_info(page).audience
notices = st.container()
if audience == "explorer":
    render_language()
    apply_style()
    st.session_state["_filters"] = render_filters(get_dataset())
elif audience == "facilitator":
    render_language()
    apply_style()
else:
    apply_event_style(audience)
try:
    page.run()
except Exception as exc:  # noqa: BLE001 - a page's bug: a friendly message for the visitor, the traceback in the log
    show_page_error(exc)
ignored = state.pop_notices()
if ignored:
    notices.warning(t("url_notice", values=", ".join(ignored)), icon=":material/link_off:")
state.write_url()

if log_path := os.environ.get("PSM_BENCH_LOG"):
    # One line per script run, so the benchmark can count runs per interaction: wall time, then the run's own CPU
    # time (the wall time also counts waiting for the GIL and the cores, which grows with the machine's load).
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{time.time():.3f} {page.url_path or 'panoramica'} {time.perf_counter() - _started:.4f} "
                  f"{time.thread_time() - _started_cpu:.4f}\n")
