"""Serve the STAND-IN participant pages through st.App with the device-cookie middleware (load test only)."""

from pathlib import Path

import streamlit as st
from device_cookie import DeviceCookie
from starlette.middleware import Middleware

app = st.App(str(Path(__file__).with_name("standin_app.py")), middleware=[Middleware(DeviceCookie)])
