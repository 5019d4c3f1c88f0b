"""File hosting: `url_private` serves bytes only with a token, and a missing or wrong one is
redirected to a sign-in page (HTML), as Slack does."""

from __future__ import annotations

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient

from bot.standin import StandIn
from tests.standin.conftest import Ward

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


async def test_when_a_file_is_fetched_then_only_a_token_gets_the_bytes(
    slack: StandIn, ward: Ward, bot: AsyncWebClient
) -> None:
    event = slack.workspace.share_file(
        ward.nurse.id, ward.public.id, "wound.png", PNG, text="day 3"
    )
    assert event["subtype"] == "file_share"
    url = event["files"][0]["url_private_download"]
    async with aiohttp.ClientSession() as session:
        async with session.get(
            url, headers={"Authorization": f"Bearer {slack.bot_token}"}
        ) as response:
            assert response.status == 200 and response.content_type == "image/png"
            assert await response.read() == PNG
        async with session.get(url) as response:  # like Slack: redirected to a sign-in page
            assert response.status == 200 and response.content_type == "text/html"
            assert response.history[0].status == 302
        async with session.get(url, headers={"Authorization": "Bearer xoxb-wrong"}) as response:
            assert response.content_type == "text/html"
        async with session.get(url, allow_redirects=False) as response:
            assert response.status == 302
    outcomes = [(c.ok, c.error) for c in slack.calls("files.download")]
    assert outcomes == [
        (True, None),
        (False, "not_authed"),
        (False, "invalid_auth"),
        (False, "not_authed"),
    ]
