"""The stand-in's `response_url`s as Slack applies posts to them: an ephemeral reply by default,
`in_channel` as a message, `replace_original` / `delete_original` on the clicked message; each
post recorded; a URL that is unknown or used up is refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.standin import Workspace
from bot.standin.recorder import Recorder
from bot.standin.responses import MAX_USES, ResponseUrls

Client = TestClient[web.Request, web.Application]


@pytest.fixture
async def setup() -> AsyncIterator[tuple[Workspace, ResponseUrls, Recorder, Client]]:
    ws = Workspace()
    maria = ws.add_user("maria", user_id="U0MARIA")
    ws.add_channel("ward-4", members=[maria.id], channel_id="C0WARD4")
    recorder = Recorder()
    urls = ResponseUrls(ws, recorder)
    app = web.Application()
    urls.add_routes(app)
    client: Client = TestClient(TestServer(app, host="127.0.0.1", port=0))
    await client.start_server()
    yield ws, urls, recorder, client
    await client.close()


def _path(url: str) -> str:
    return "/response/" + url.rsplit("/", 1)[1]


async def _post(client: Client, url: str, body: Any) -> tuple[int, dict[str, Any]]:
    response = await client.post(_path(url), json=body)
    return response.status, await response.json()


async def test_a_reply_is_ephemeral_by_default_and_in_channel_when_asked(
    setup: tuple[Workspace, ResponseUrls, Recorder, Client],
) -> None:
    ws, urls, recorder, client = setup
    url = urls.new_url("C0WARD4", "U0MARIA")
    assert await _post(client, url, {"text": "only you"}) == (200, {"ok": True})
    assert [e.text for e in ws.ephemerals_for("U0MARIA", "C0WARD4")] == ["only you"]
    assert await _post(client, url, {"text": "everyone", "response_type": "in_channel"}) == (
        200,
        {"ok": True},
    )
    assert [m.text for m in ws.messages["C0WARD4"]] == ["everyone"]
    assert [c.method for c in recorder.calls()] == ["response_url", "response_url"]


async def test_replace_and_delete_original_act_on_the_clicked_message(
    setup: tuple[Workspace, ResponseUrls, Recorder, Client],
) -> None:
    ws, urls, _, client = setup
    ts = str(ws.post_as_user("U0MARIA", "C0WARD4", "before")["ts"])  # the `message` event
    url = urls.new_url("C0WARD4", "U0MARIA", message_ts=ts)
    await _post(client, url, {"text": "after", "replace_original": True})
    message = ws.find_message("C0WARD4", ts)
    assert message is not None and message.text == "after"
    await _post(client, url, {"delete_original": True})
    assert ws.find_message("C0WARD4", ts) is None


async def test_unknown_used_up_and_malformed_posts_are_refused_and_recorded(
    setup: tuple[Workspace, ResponseUrls, Recorder, Client],
) -> None:
    _, urls, recorder, client = setup
    assert await _post(client, "http://x/response/nope", {"text": "x"}) == (
        404,
        {"ok": False, "error": "invalid_response_url"},
    )
    url = urls.new_url("C0WARD4", "U0MARIA")
    assert (await _post(client, url, ["not", "an", "object"]))[0] == 400
    for _ in range(MAX_USES):
        assert (await _post(client, url, {"text": "x"}))[0] == 200
    assert await _post(client, url, {"text": "x"}) == (404, {"ok": False, "error": "used_url"})
    assert [c.error for c in recorder.calls(ok=False)] == [
        "invalid_response_url",
        "invalid_payload",
        "used_url",
    ]
