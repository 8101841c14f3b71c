"""Serve mini_app.py through st.App with the device-cookie middleware: `streamlit run tests/load/mini_asgi.py`."""

from pathlib import Path

import streamlit as st
from device_cookie import DeviceCookie
from starlette.middleware import Middleware

app = st.App(str(Path(__file__).with_name("mini_app.py")), middleware=[Middleware(DeviceCookie)])
