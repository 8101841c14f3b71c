"""Serve mini_app.py through st.App with a middleware that gives each new browser an HttpOnly device cookie.

The same mechanism the participant page uses (`st.App` middleware on the page load), so the load client's cookie
handling is tested against the real thing: `streamlit run tests/load/mini_asgi.py`.
"""

import secrets
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "psm_device"


class DeviceCookie:
    """Set `psm_device` on HTML page responses when the request carries none."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_stcore") or scope["path"].startswith("/static"):
            await self.app(scope, receive, send)
            return
        has_cookie = any(k == b"cookie" and COOKIE.encode() + b"=" in v for k, v in scope["headers"])

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and not has_cookie:
                value = f"{COOKIE}={secrets.token_urlsafe(16)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000"
                message.setdefault("headers", []).append((b"set-cookie", value.encode()))
            await send(message)

        await self.app(scope, receive, send_with_cookie)


app = st.App(str(Path(__file__).with_name("mini_app.py")), middleware=[Middleware(DeviceCookie)])
