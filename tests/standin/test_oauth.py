"""The install flow: Bolt's /slack/install -> Slack's consent page -> /slack/oauth_redirect."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import aiohttp
import pytest
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store import FileInstallationStore
from slack_sdk.oauth.state_store import FileOAuthStateStore
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from bot.standin.manifest import bot_scopes, user_scopes
from tests.standin.conftest import Ward


async def test_when_bolt_runs_the_install_flow_then_the_installation_is_saved(
    slack: StandIn, ward: Ward, tmp_path: Path
) -> None:
    store = FileInstallationStore(base_dir=str(tmp_path / "installs"))
    settings = AsyncOAuthSettings(
        client_id=slack.workspace.client_id,
        client_secret=slack.workspace.client_secret,
        scopes=sorted(bot_scopes()),
        user_scopes=sorted(user_scopes()),
        authorization_url=slack.authorize_url,
        install_page_rendering_enabled=False,
        installation_store=store,
        state_store=FileOAuthStateStore(expiration_seconds=300, base_dir=str(tmp_path / "states")),
    )
    flow = AsyncOAuthFlow(client=AsyncWebClient(base_url=slack.api_url), settings=settings)
    bolt = AsyncApp(signing_secret=slack.signing_secret, oauth_flow=flow)
    app_runner = web.AppRunner(bolt.web_app())
    await app_runner.setup()
    site = web.TCPSite(app_runner, "127.0.0.1", 0)
    await site.start()
    port = app_runner.addresses[0][1]
    slack.workspace.oauth_redirect_url = f"http://127.0.0.1:{port}/slack/oauth_redirect"
    try:
        # Step by step, because Bolt's state cookie is `Secure` and this is plain http.
        async with aiohttp.ClientSession() as browser:
            async with browser.get(
                f"http://127.0.0.1:{port}/slack/install", allow_redirects=False
            ) as response:
                consent = response.headers["Location"]
                cookie = response.cookies["slack-app-oauth-state"]
            assert consent.startswith(slack.authorize_url)
            async with browser.get(consent, allow_redirects=False) as response:
                assert response.status == 302
                callback = response.headers["Location"]
            headers = {"Cookie": f"{cookie.key}={cookie.value}"}
            async with browser.get(callback, headers=headers, allow_redirects=False) as response:
                assert response.status == 200, response.status
        authorize = slack.last("oauth.authorize")
        assert set(authorize.args["scope"].split(",")) == bot_scopes()
        assert slack.last("oauth.v2.access").ok
        installation = await store.async_find_installation(
            enterprise_id=None, team_id=slack.workspace.team_id
        )
        assert installation is not None and installation.bot_token
        assert installation.bot_user_id == slack.workspace.bot_user_id
        assert installation.user_token and installation.user_scopes == ["chat:write", "files:write"]
        client = AsyncWebClient(base_url=slack.api_url, token=installation.bot_token)
        assert (await client.chat_postMessage(channel=ward.public.id, text="installed"))["ok"]
    finally:
        await app_runner.cleanup()


async def test_when_the_admin_declines_then_the_redirect_carries_access_denied(
    slack: StandIn,
) -> None:
    slack.workspace.oauth_consent = False
    query = {"client_id": slack.workspace.client_id, "scope": "chat:write", "state": "s1",
             "redirect_uri": "https://phi.example.org/slack/oauth_redirect"}  # fmt: skip
    async with (
        aiohttp.ClientSession() as browser,
        browser.get(slack.authorize_url, params=query, allow_redirects=False) as response,
    ):
        assert response.status == 302
        target = urlparse(response.headers["Location"])
    assert parse_qs(target.query) == {"error": ["access_denied"], "state": ["s1"]}


async def test_when_the_redirect_uri_differs_from_the_authorize_step_then_the_exchange_fails(
    slack: StandIn,
) -> None:
    ws = slack.workspace
    code = ws.issue_oauth_code(redirect_uri="https://phi.example.org/slack/oauth_redirect")
    client = AsyncWebClient(base_url=slack.api_url)
    with pytest.raises(SlackApiError) as caught:
        await client.oauth_v2_access(
            client_id=ws.client_id,
            client_secret=ws.client_secret,
            code=code,
            redirect_uri="https://evil.example/cb",
        )
    assert caught.value.response["error"] == "bad_redirect_uri"
