"""Delivers signed events, commands and interactivity payloads to the app like Slack does.

Requests carry `X-Slack-Signature` (v0, HMAC-SHA256 over `v0:{timestamp}:{body}`) and
`X-Slack-Request-Timestamp`; options break them on purpose (bad or missing signature, stale
timestamp) and add Slack's retry headers, so the app's verification and dedup are tested.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal
from urllib.parse import urlencode

import aiohttp

from bot.standin import payloads
from bot.standin.blocks import VIEW_BLOCK_LIMIT, validate_blocks
from bot.standin.model import Ephemeral, Message, View
from bot.standin.responses import ResponseUrls
from bot.standin.workspace import Workspace

JSON = dict[str, Any]
Signature = Literal["valid", "bad", "missing"]


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 request signature for `body` sent at `timestamp`."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class Delivery:
    """What the app answered, with what was sent (for follow-up clicks and assertions)."""

    status: int
    text: str
    headers: dict[str, str]
    sent: JSON | dict[str, str] = field(default_factory=dict)
    elapsed: float = 0.0

    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


class EventSender:
    """Posts to the app's `/slack/events` URL; one aiohttp session, closed by `close()`."""

    def __init__(
        self,
        app_url: str,
        workspace: Workspace,
        responses: ResponseUrls,
        *,
        signing_secret: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.app_url = app_url
        self.ws = workspace
        self.responses = responses
        self.signing_secret = signing_secret or workspace.signing_secret
        self.timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> EventSender:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    # low level ---------------------------------------------------------------------------

    async def post(
        self,
        body: bytes | str,
        content_type: str = "application/json",
        *,
        signature: Signature = "valid",
        timestamp_offset: float = 0.0,
        omit_timestamp: bool = False,
        retry_num: int | None = None,
        retry_reason: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Delivery:
        """POST any body signed as Slack would; the options break the request on purpose.

        `timestamp_offset=-301` makes a stale request; `signature="bad"` signs with the wrong
        secret; `"missing"` sends no signature header; `omit_timestamp` drops the timestamp.
        """
        raw = body.encode() if isinstance(body, str) else body
        timestamp = str(int(time.time() + timestamp_offset))
        all_headers = {
            "Content-Type": content_type,
            "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        }
        if not omit_timestamp:
            all_headers["X-Slack-Request-Timestamp"] = timestamp
        if signature == "valid":
            all_headers["X-Slack-Signature"] = sign(self.signing_secret, timestamp, raw)
        elif signature == "bad":
            all_headers["X-Slack-Signature"] = sign("not-the-signing-secret", timestamp, raw)
        if retry_num is not None:
            all_headers["X-Slack-Retry-Num"] = str(retry_num)
            all_headers["X-Slack-Retry-Reason"] = retry_reason or "http_timeout"
        all_headers.update(headers or {})
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
        started = time.perf_counter()
        async with self._session.post(self.app_url, data=raw, headers=all_headers) as response:
            text = await response.text()
            return Delivery(
                status=response.status,
                text=text,
                headers=dict(response.headers),
                elapsed=time.perf_counter() - started,
            )

    async def _json(self, payload: JSON, **options: Any) -> Delivery:
        delivery = await self.post(json.dumps(payload), "application/json", **options)
        delivery.sent = payload
        return delivery

    async def _form(self, fields: dict[str, str], **options: Any) -> Delivery:
        delivery = await self.post(
            urlencode(fields), "application/x-www-form-urlencoded", **options
        )
        delivery.sent = fields
        return delivery

    # Events API --------------------------------------------------------------------------

    async def event(self, event: JSON, *, event_id: str | None = None, **options: Any) -> Delivery:
        """Deliver an inner event (e.g. from `Workspace.post_as_user`) in its envelope.

        Pass the same `event_id` with `retry_num=1` to replay a delivery as Slack retries do.
        """
        return await self._json(payloads.envelope(self.ws, event, event_id=event_id), **options)

    async def event_like_slack(
        self,
        event: JSON,
        *,
        attempts: int = 4,
        ack_timeout: float = 3.0,
        pause: float = 0.0,
        **options: Any,
    ) -> list[Delivery]:
        """Deliver as Slack does: when the app answers late (> `ack_timeout`) or not 2xx,
        send the same `event_id` again with `X-Slack-Retry-Num`/`-Reason`, up to `attempts`
        times in all (Slack waits minutes between retries; `pause` here). An answer carrying
        `X-Slack-No-Retry: 1` stops the retries. Returns every attempt; a timeout has status 0.
        """
        payload = payloads.envelope(self.ws, event)
        deliveries: list[Delivery] = []
        reason = ""
        for attempt in range(attempts):
            retry: dict[str, Any] = {}
            if attempt:
                retry = {"retry_num": attempt, "retry_reason": reason}
            try:
                delivery = await asyncio.wait_for(
                    self._json(payload, **retry, **options), ack_timeout
                )
            except TimeoutError:
                delivery = Delivery(0, "", {}, payload, ack_timeout)
                reason = "http_timeout"
            else:
                reason = "http_error"
            deliveries.append(delivery)
            if 200 <= delivery.status < 300 or delivery.headers.get("X-Slack-No-Retry") == "1":
                break
            if pause:
                await asyncio.sleep(pause)
        return deliveries

    async def url_verification(self, challenge: str | None = None, **options: Any) -> Delivery:
        return await self._json(
            payloads.url_verification(self.ws, challenge or uuid.uuid4().hex), **options
        )

    # slash commands and interactivity -------------------------------------------------------

    async def command(
        self,
        user_id: str,
        channel_id: str,
        text: str = "",
        *,
        command: str = "/phi",
        **options: Any,
    ) -> Delivery:
        """Invoke a slash command; `delivery.sent` holds its `response_url` and `trigger_id`."""
        fields = payloads.slash_command(self.ws, self.responses, user_id, channel_id, text, command)
        return await self._form(fields, **options)

    async def _interactive(self, payload: JSON, **options: Any) -> Delivery:
        delivery = await self._form({"payload": json.dumps(payload)}, **options)
        delivery.sent = payload
        return delivery

    async def click(
        self,
        user_id: str,
        source: Message | Ephemeral | View,
        action_id: str,
        *,
        value: Any = None,
        **options: Any,
    ) -> Delivery:
        """Click the element with `action_id` in a message, ephemeral message or view."""
        payload = payloads.block_actions(self.ws, self.responses, user_id, source, action_id, value)
        return await self._interactive(payload, **options)

    async def submit_view(
        self, user_id: str, view: View | str, answers: dict[str, Any], **options: Any
    ) -> Delivery:
        """Submit a modal the app opened; it closes unless the app answers with errors/update/push."""
        found = self.ws.views[view] if isinstance(view, str) else view
        delivery = await self._interactive(
            payloads.view_submission(self.ws, user_id, found, answers), **options
        )
        if delivery.status == 200:
            action = _response_action(delivery.text)
            if action in (None, "clear"):
                stack = [found] if action is None else self.ws.open_modals(user_id)
                for closing in stack:
                    closing.closed = True
            elif action == "update":
                # "response_action": "update" replaces the submitted modal's content with the
                # answer's `view`, checked as views.update would check it (docs.slack.dev/
                # surfaces/modals#updating_response); a view Slack would refuse fails here.
                body = json.loads(delivery.text).get("view")
                if not isinstance(body, dict) or body.get("type") != "modal":
                    raise AssertionError("response_action update without a modal view")
                validate_blocks(body.get("blocks"), limit=VIEW_BLOCK_LIMIT, in_view=True)
                found.body = body
        return delivery

    async def close_view(self, user_id: str, view: View | str, **options: Any) -> Delivery:
        """The user dismisses a modal (sent only if the view asked for `notify_on_close`)."""
        found = self.ws.views[view] if isinstance(view, str) else view
        found.closed = True
        return await self._interactive(payloads.view_closed(self.ws, user_id, found), **options)


def _response_action(text: str) -> str | None:
    if not text.strip():
        return None
    try:
        body = json.loads(text)
    except ValueError:
        return None
    action = body.get("response_action") if isinstance(body, dict) else None
    return str(action) if action else None
