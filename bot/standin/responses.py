"""`response_url`s handed out with commands and actions, and what posting to them does.

Posts are recorded as calls to the pseudo-method `response_url` and applied to the workspace
the way Slack applies them: an ephemeral reply to the user by default, `in_channel` as a
message, `replace_original` / `delete_original` on the message the action came from.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web

from bot.standin.blocks import validate_blocks
from bot.standin.context import JSON, SlackError
from bot.standin.model import Ephemeral, Message
from bot.standin.recorder import Call, Recorder
from bot.standin.workspace import Workspace

MAX_USES = 5


@dataclass
class ResponseTarget:
    channel_id: str
    user_id: str
    message_ts: str | None = None
    ephemeral: bool = False
    uses: int = 0


class ResponseUrls:
    def __init__(
        self, workspace: Workspace, recorder: Recorder, *, after: Callable[[], None] | None = None
    ) -> None:
        self.ws = workspace
        self.recorder = recorder
        self._after = after
        self.targets: dict[str, ResponseTarget] = {}

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/response/{rid}", self._post)

    def new_url(
        self,
        channel_id: str,
        user_id: str,
        *,
        message_ts: str | None = None,
        ephemeral: bool = False,
    ) -> str:
        rid = secrets.token_urlsafe(16)
        self.targets[rid] = ResponseTarget(channel_id, user_id, message_ts, ephemeral)
        return f"{self.ws.base_url}response/{rid}"

    async def _post(self, request: web.Request) -> web.Response:
        rid = request.match_info["rid"]
        target = self.targets.get(rid)
        try:
            body = json.loads(await request.text())
        except ValueError:
            body = None
        args: JSON = dict(body) if isinstance(body, dict) else {}
        args["response_url_id"] = rid
        error: str | None = None
        status = 200
        if target is None:
            error, status = "invalid_response_url", 404
        elif target.uses >= MAX_USES:
            error, status = "used_url", 404
        elif not isinstance(body, dict):
            error, status = "invalid_payload", 400
        else:
            target.uses += 1
            try:
                self._apply(target, body)
            except SlackError as exc:
                error, status = exc.code, 400
        if self._after is not None:
            self._after()
        self.recorder.record(
            Call("response_url", args, None, error is None, error, status, time.time())
        )
        if error:
            return web.json_response({"ok": False, "error": error}, status=status)
        return web.json_response({"ok": True})

    def _apply(self, target: ResponseTarget, body: JSON) -> None:
        blocks = body.get("blocks")
        if blocks is not None:
            validate_blocks(blocks)
        text = str(body.get("text") or "")
        if body.get("delete_original"):
            self._drop_original(target)
            return
        if body.get("replace_original") and target.message_ts is not None:
            if not target.ephemeral:
                message = self.ws.find_message(target.channel_id, target.message_ts)
                if message is not None:
                    message.text = text
                    message.blocks = blocks
                    return
            self._drop_original(target)
        if body.get("response_type") == "in_channel" and not target.ephemeral:
            message = Message(
                ts=self.ws.next_ts(),
                channel=target.channel_id,
                text=text,
                user=self.ws.bot_user_id,
                bot_id=self.ws.bot_id,
                app_id=self.ws.app_id,
                blocks=blocks,
                thread_ts=body.get("thread_ts"),
            )
            self.ws.store_message(message)
            self.ws.emit(self.ws.message_event(message))
            return
        self.ws.ephemerals.append(
            Ephemeral(
                ts=self.ws.next_ts(),
                channel=target.channel_id,
                user=target.user_id,
                text=text,
                blocks=blocks,
                thread_ts=body.get("thread_ts"),
                bot_id=self.ws.bot_id,
            )
        )

    def _drop_original(self, target: ResponseTarget) -> None:
        if target.message_ts is None:
            return
        if target.ephemeral:
            self.ws.ephemerals = [
                e
                for e in self.ws.ephemerals
                if not (e.ts == target.message_ts and e.user == target.user_id)
            ]
            return
        message = self.ws.find_message(target.channel_id, target.message_ts)
        if message is not None:
            self.ws.messages[target.channel_id].remove(message)
