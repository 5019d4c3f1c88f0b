"""The Bolt app: build it, wire each handler module in, and adapt it to HTTP or Socket Mode.

This is the only module in `bot/` that imports `slack_bolt`. The app runs with
`process_before_response=True`: a listener's `ack()` is sent when the listener returns, so the
message listener acknowledges only after the scan job is durably recorded; slow follow-ups
(opening a modal, publishing App Home) run as lazy listeners after the ack.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings, slack_mode
from bot.services import Services
from handlers import MODULES

log = logging.getLogger("phiwarden.bolt")

# What the OAuth install asks for; kept equal to manifest.yml's bot scopes (tests/test_app.py).
BOT_SCOPES = (
    "canvases:read",  # read a canvas shared in a post (bot.flow.files.scan_canvas)
    "channels:history",
    "channels:read",
    "channels:write.topic",  # replace a topic or purpose that holds PHI (gateway.replace_setting)
    "chat:write",
    "commands",
    "files:read",
    "files:write",
    "groups:history",
    "groups:read",
    "groups:write.topic",
    "im:history",
    "im:read",
    "mpim:history",
    "mpim:read",
    "mpim:write.topic",
    "users:read",
)
USER_SCOPES = ("chat:write", "files:write")  # delete users' posts and blocked files

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


# Variables Bolt reads by itself when an argument is missing (slack_bolt 1.30:
# app/async_app.py `AsyncApp.__init__`, oauth/async_oauth_settings.py `AsyncOAuthSettings`):
# SLACK_CLIENT_ID + SLACK_CLIENT_SECRET merely being set (empty counts) switch on its own OAuth
# flow with a file store under $HOME, which ignores the bot token and keeps tokens in plaintext.
BOLT_ENVIRONMENT = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_VERIFICATION_TOKEN",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "SLACK_SCOPES",
    "SLACK_USER_SCOPES",
    "SLACK_REDIRECT_URI",
    "SLACK_INSTALL_PATH",
    "SLACK_REDIRECT_URI_PATH",
)


@contextlib.contextmanager
def hidden_from_bolt() -> Iterator[None]:
    """Build Bolt's objects with only what we pass them: its variables are out of sight.

    Bolt has no switch for its environment fallbacks, so they are removed for the few
    synchronous lines that construct the app (no await inside: no other task runs meanwhile)
    and put back unchanged; our `Settings` were read before and decide everything.
    """
    saved = {name: os.environ.pop(name) for name in BOLT_ENVIRONMENT if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def build_app(settings: Settings, services: Services) -> AsyncApp:
    """An `AsyncApp` in the mode our settings decide, with every handler module registered."""
    mode = slack_mode(settings)
    client = AsyncWebClient(
        token=settings.slack_bot_token if mode == "token" else None,
        base_url=settings.slack_api_url,
    )
    options: dict[str, Any] = {
        "signing_secret": settings.slack_signing_secret or "",
        "process_before_response": True,
        "client": client,
        "logger": log,
    }
    with hidden_from_bolt():
        if mode == "oauth":
            options["oauth_settings"] = _oauth_settings(settings, services)
        app = AsyncApp(**options)
    for module in MODULES:
        module.register(app, services)
    return app


def _oauth_settings(settings: Settings, services: Services) -> Any:
    """Bolt's OAuth flow over our database's installation and state stores."""
    from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings

    # The installing admin's user token (chat:write) is what removes other people's posts.
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(BOT_SCOPES),
        user_scopes=list(USER_SCOPES),
        authorization_url=authorization_url(settings.slack_api_url),
        installation_store=services.store.installation_store,
        state_store=services.store.oauth_state_store,
    )


def authorization_url(api_url: str) -> str:
    """Slack's consent page beside the Web API (`https://slack.com/oauth/v2/authorize`)."""
    base = api_url.rstrip("/")
    base = base[: -len("/api")] if base.endswith("/api") else base
    return f"{base}/oauth/v2/authorize"


def http_handler(app: AsyncApp) -> Handler:
    """The aiohttp handler for `POST /slack/events` (events, commands, interactivity)."""

    async def handle(request: web.Request) -> web.StreamResponse:
        bolt_request = await to_bolt_request(request)
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    return handle


def oauth_routes(app: AsyncApp) -> list[web.RouteDef]:
    """`GET /slack/install` and the redirect route, when the OAuth flow is configured."""
    flow = app.oauth_flow
    if flow is None:
        return []

    async def install(request: web.Request) -> web.StreamResponse:
        return await to_aiohttp_response(
            await flow.handle_installation(await to_bolt_request(request))
        )

    async def callback(request: web.Request) -> web.StreamResponse:
        return await to_aiohttp_response(await flow.handle_callback(await to_bolt_request(request)))

    return [web.get(flow.install_path, install), web.get(flow.redirect_uri_path, callback)]


async def start_socket_mode(app: AsyncApp, app_token: str) -> Callable[[], Awaitable[None]]:
    """Connect over Socket Mode; returns the coroutine function that disconnects."""
    from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

    handler = AsyncSocketModeHandler(app, app_token)
    await handler.connect_async()
    return handler.close_async
