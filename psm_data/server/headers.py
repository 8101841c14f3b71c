"""Security headers on every HTTP response of the app (a plain ASGI middleware, mounted by scripts/serve.py).

What a public body's app should send whatever the proxy in front does: no MIME sniffing, no embedding in other
sites' frames (Streamlit's own component iframes are same-origin, so `SAMEORIGIN` keeps the maps working), the
address (which can carry an event code) not leaked to other sites, and no camera, microphone or location.
A Content-Security-Policy is left to the proxy: Streamlit's frontend needs inline styles and scripts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)

Message = MutableMapping[str, Any]


class SecurityHeadersMiddleware:
    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message.get("type") == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in HEADERS if k not in present)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
