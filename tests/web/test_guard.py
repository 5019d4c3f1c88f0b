"""The guard in front of `POST /slack/events`: Slack's v0 signature (agreeing with slack_sdk's
verifier), 401 for unsigned, 400 for a signed shape Slack never sends, 500 without the error's
text, 413 past the size cap, and every other path passed through untouched."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from slack_sdk.signature import SignatureVerifier

from bot import metrics
from bot.web.guard import EVENTS_PATH, MAX_BODY_BYTES, build_web_app, signed

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
Client = TestClient[web.Request, web.Application]


def _sign(raw: bytes, at: float, secret: str = SECRET) -> dict[str, str]:
    stamp = str(int(at))
    digest = hmac.new(secret.encode(), b"v0:" + stamp.encode() + b":" + raw, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": "v0=" + digest.hexdigest()}


class _Alive:
    async def ping(self) -> bool:
        return True


@pytest.mark.parametrize(
    "body", [b'{"type":"event_callback"}', b"payload=%7B%7D", "token=x&text=é".encode()]
)
def test_signed_agrees_with_slack_sdks_verifier(body: bytes) -> None:
    now = time.time()
    headers = _sign(body, now)
    stamp, signature = headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"]
    verifier = SignatureVerifier(SECRET, clock=_Clock(now))
    assert signed(SECRET, body, stamp, signature, now) is True
    assert verifier.is_valid(body, stamp, signature) is True
    assert signed("another secret", body, stamp, signature, now) is False
    assert signed(SECRET, body + b" ", stamp, signature, now) is False


class _Clock:
    def __init__(self, now: float) -> None:
        self._now = now

    def now(self) -> float:
        return self._now


def test_a_stale_or_garbled_timestamp_is_not_signed() -> None:
    now = float(int(time.time()))
    headers = _sign(b"{}", now - 301)
    stamp, signature = headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"]
    assert signed(SECRET, b"{}", stamp, signature, now) is False
    assert signed(SECRET, b"{}", stamp, signature, now - 301 + 300) is True
    assert signed(SECRET, b"{}", "soon", signature, now) is False


@pytest.fixture
async def serve() -> AsyncIterator[Callable[[web.Application], Awaitable[Client]]]:
    clients: list[Client] = []

    async def start(app: web.Application) -> Client:
        client: Client = TestClient(TestServer(app, host="127.0.0.1", port=0))
        await client.start_server()
        clients.append(client)
        return client

    yield start
    for client in clients:
        await client.close()


def _app(handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.Application:
    return build_web_app(handler, store=_Alive(), signing_secret=SECRET)


async def _ok(request: web.Request) -> web.StreamResponse:
    return web.Response(text="ok")


async def test_an_unsigned_request_is_a_401_and_counted(
    serve: Callable[[web.Application], Awaitable[Client]],
) -> None:
    client = await serve(_app(_ok))
    before = metrics.REGISTRY.get_sample_value("phiwarden_signature_rejections_total") or 0
    raw = json.dumps({"type": "event_callback", "event": {"type": "message"}}).encode()
    response = await client.post(
        EVENTS_PATH, data=raw, headers={"Content-Type": "application/json"}
    )
    assert response.status == 401
    assert metrics.REGISTRY.get_sample_value("phiwarden_signature_rejections_total") == before + 1
    signed_response = await client.post(
        EVENTS_PATH,
        data=raw,
        headers={"Content-Type": "application/json", **_sign(raw, time.time())},
    )
    assert signed_response.status == 200 and await signed_response.text() == "ok"


async def test_a_signed_shape_slack_never_sends_is_a_400_before_the_handler(
    serve: Callable[[web.Application], Awaitable[Client]],
) -> None:
    reached: list[str] = []

    async def handler(request: web.Request) -> web.StreamResponse:
        reached.append(request.path)
        return web.Response(text="ok")

    client = await serve(_app(handler))
    raw = json.dumps({"type": "event_callback", "event": "x"}).encode()
    response = await client.post(
        EVENTS_PATH,
        data=raw,
        headers={"Content-Type": "application/json", **_sign(raw, time.time())},
    )
    assert response.status == 400 and await response.json() == {"error": "malformed payload"}
    assert reached == []


@pytest.mark.parametrize(
    "error, status", [(KeyError("event"), 400), (RuntimeError("Jane Roe 01/02/1960"), 500)]
)
async def test_a_handler_error_is_answered_without_its_text(
    serve: Callable[[web.Application], Awaitable[Client]],
    caplog: pytest.LogCaptureFixture,
    error: Exception,
    status: int,
) -> None:
    async def handler(request: web.Request) -> web.StreamResponse:
        raise error

    client = await serve(_app(handler))
    raw = json.dumps({"type": "event_callback", "event": {"type": "message"}}).encode()
    with caplog.at_level("WARNING", logger="bot.web.guard"):
        response = await client.post(
            EVENTS_PATH,
            data=raw,
            headers={"Content-Type": "application/json", **_sign(raw, time.time())},
        )
    assert response.status == status
    assert "Jane Roe" not in await response.text()
    assert "Jane Roe" not in caplog.text
    assert all("Jane Roe" not in repr(getattr(r, "fields", {})) for r in caplog.records)


async def test_a_body_past_the_cap_is_refused_and_other_paths_pass_through(
    serve: Callable[[web.Application], Awaitable[Client]],
) -> None:
    client = await serve(_app(_ok))
    raw = b"x" * (MAX_BODY_BYTES + 1)
    response = await client.post(EVENTS_PATH, data=raw, headers=_sign(raw, time.time()))
    assert response.status == 413
    health = await client.get("/healthz")  # no Slack headers needed off the events path
    assert health.status == 200
