"""Trivial calibration app for scripts/bench/: one selectbox and one line of text.

Timing the same click → script done here, in the same run and on the same machine, gives the floor that
Streamlit and the browser cost on their own; the benchmark reports every app timing as a ratio to it.
Like app.py, it appends "<epoch> <page> <seconds>" to $PSM_BENCH_LOG once per script run.
"""

import os
import time

import streamlit as st

_started = time.perf_counter()
choice = st.selectbox("Opzione", ["alfa", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"])
st.write(f"Scelta: {choice}")

if log_path := os.environ.get("PSM_BENCH_LOG"):
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{time.time():.3f} floor {time.perf_counter() - _started:.4f}\n")
