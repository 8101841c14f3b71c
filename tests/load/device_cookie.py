"""An ASGI middleware that gives each new browser an HttpOnly device cookie on the page load (test apps only).

The participant page gets its `psm_device` cookie the same way (`st.App` middleware), so the load client's cookie
handling is tested against the real mechanism.
"""

import secrets

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "psm_device"


class DeviceCookie:
    """Set `psm_device` on page responses (not on /_stcore or /static) when the request carries none."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(("/_stcore", "/static")):
            await self.app(scope, receive, send)
            return
        has_cookie = any(k == b"cookie" and COOKIE.encode() + b"=" in v for k, v in scope["headers"])

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and not has_cookie:
                value = f"{COOKIE}={secrets.token_urlsafe(16)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000"
                message.setdefault("headers", []).append((b"set-cookie", value.encode()))
            await send(message)

        await self.app(scope, receive, send_with_cookie)
