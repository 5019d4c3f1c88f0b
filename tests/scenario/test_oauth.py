"""Multi-workspace mode: install through Bolt's OAuth flow, then act with the installation's tokens."""

from __future__ import annotations

import re
from pathlib import Path

import aiohttp
import pytest
from cryptography.fernet import Fernet

from bot.config import Settings
from bot.scan_pool import Engine, ScanWorkers
from bot.standin import StandIn, Workspace
from bot.web.server import start_server
from tests.scenario.conftest import PHI_TEXT


@pytest.mark.parametrize("enterprise_id", [None, "E0GRIDORG"], ids=["workspace", "grid"])
async def test_install_then_events_use_the_installed_tokens(
    tmp_path: Path, scan_engine: Engine, enterprise_id: str | None
) -> None:
    """A Grid workspace's install is stored with its enterprise_id; it must still be found."""
    ws = Workspace(enterprise_id=enterprise_id)
    maria = ws.add_user("maria")
    partner = ws.add_channel("partner-clinic", members=[maria.id], is_ext_shared=True)
    async with StandIn.start(ws) as slack:
        settings = Settings(
            slack_api_url=slack.api_url,
            slack_signing_secret=slack.signing_secret,
            slack_client_id=ws.client_id,
            slack_client_secret=ws.client_secret,
            token_encryption_key=Fernet.generate_key().decode(),
            database_url=f"sqlite+aiosqlite:///{tmp_path}/oauth.sqlite3",
        )
        server = await start_server(
            settings, port=0, scanner=ScanWorkers(settings, engine=scan_engine)
        )
        ws.oauth_redirect_url = f"{server.url}/slack/oauth_redirect"
        try:
            async with aiohttp.ClientSession() as browser:
                async with browser.get(
                    f"{server.url}/slack/install", allow_redirects=False
                ) as response:
                    assert response.status in (200, 302)
                    page = await response.text()
                    cookie = response.cookies["slack-app-oauth-state"]
                    consent = response.headers.get("Location") or re.search(
                        r'href="(http[^"]+)"', page
                    ).group(1)
                consent = consent.replace("&amp;", "&")
                assert consent.startswith(slack.authorize_url)
                async with browser.get(consent, allow_redirects=False) as response:
                    callback = response.headers["Location"]
                async with browser.get(
                    callback,
                    headers={"Cookie": f"{cookie.key}={cookie.value}"},
                    allow_redirects=False,
                ) as response:
                    assert response.status == 200
            assert slack.last("oauth.v2.access").ok
            sender = slack.sender(f"{server.url}/slack/events")
            delivery = await sender.event(ws.post_as_user(maria.id, partner.id, PHI_TEXT))
            assert delivery.status == 200
            await slack.wait_for("chat.postEphemeral", timeout=10)
            delete = slack.last("chat.delete")
            assert delete.ok and delete.token_kind == "user"  # the installing admin's user token
            assert slack.last("chat.postEphemeral").token_kind == "bot"
        finally:
            await server.stop()
