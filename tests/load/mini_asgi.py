"""Serve mini_app.py through st.App with the app's device-cookie middleware: `streamlit run tests/load/mini_asgi.py`.

The same mechanism as the participant page (scripts/serve.py), so the load client's cookie handling is tested
against the real thing.
"""

import sys
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from psm_data.events.device import DeviceCookieMiddleware  # noqa: E402

app = st.App(str(Path(__file__).with_name("mini_app.py")), middleware=[Middleware(DeviceCookieMiddleware)])
