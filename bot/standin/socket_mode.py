"""Socket Mode: `apps.connections.open` and the WebSocket Slack pushes envelopes through.

`phiwarden run --socket-mode` connects with the `xapp-` token; `SocketSender` then delivers the
same events, commands and interactivity payloads as `EventSender`, wrapped in Socket Mode
envelopes, and waits for the app's acknowledgement as Slack does.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
import uuid
from typing import Any

from aiohttp import WSMsgType, web

from bot.standin.context import JSON, CallContext, SlackError
from bot.standin.recorder import Call, Recorder
from bot.standin.responses import ResponseUrls
from bot.standin.sender import Delivery, EventSender
from bot.standin.workspace import Workspace


class SocketHub:
    """Open Socket Mode connections and the acknowledgements they owe."""

    def __init__(self, workspace: Workspace, recorder: Recorder) -> None:
        self.ws = workspace
        self.recorder = recorder
        self._tickets: set[str] = set()
        self.connections: list[web.WebSocketResponse] = []
        self._acks: dict[str, asyncio.Future[JSON]] = {}
        self._connected = asyncio.Event()

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/socket/{ticket}", self._socket)

    def connections_open(self, ctx: CallContext) -> JSON:
        """`apps.connections.open`: a one-time WebSocket URL for an app-level token."""
        if ctx.auth.kind != "app":
            raise SlackError("not_allowed_token_type")
        ctx.require_scope("connections:write")
        ticket = secrets.token_urlsafe(16)
        self._tickets.add(ticket)
        return {"url": f"ws{self.ws.base_url.removeprefix('http')}socket/{ticket}"}

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        ticket = request.match_info["ticket"]
        if ticket not in self._tickets:
            return web.Response(status=401, text="invalid ticket")
        self._tickets.discard(ticket)
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        await socket.send_json(
            {
                "type": "hello",
                "num_connections": len(self.connections) + 1,
                "debug_info": {"host": "standin-1", "approximate_connection_time": 18060},
                "connection_info": {"app_id": self.ws.app_id},
            }
        )
        self.connections.append(socket)
        self._connected.set()
        self.recorder.record(Call("socket.connect", {}, "app", True, None, 101, time.time()))
        try:
            async for message in socket:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    ack = json.loads(message.data)
                except ValueError:
                    continue
                future = self._acks.pop(str(ack.get("envelope_id")), None)
                if future is not None and not future.done():
                    future.set_result(ack)
        finally:
            self.connections.remove(socket)
            if not self.connections:
                self._connected.clear()
        return socket

    async def wait_connected(self, timeout: float = 5.0) -> None:
        await asyncio.wait_for(self._connected.wait(), timeout)

    async def deliver(
        self,
        kind: str,
        payload: JSON | dict[str, str],
        *,
        accepts_response_payload: bool = False,
        retry_attempt: int = 0,
        retry_reason: str = "",
        timeout: float = 3.0,
    ) -> JSON:
        """Push one envelope on the newest connection and return the app's ack."""
        if not self.connections:
            raise ConnectionError("no Socket Mode connection is open")
        envelope_id = str(uuid.uuid4())
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "payload": payload,
            "type": kind,
            "accepts_response_payload": accepts_response_payload,
        }
        if kind == "events_api":
            envelope["retry_attempt"] = retry_attempt
            envelope["retry_reason"] = retry_reason
        future: asyncio.Future[JSON] = asyncio.get_running_loop().create_future()
        self._acks[envelope_id] = future
        await self.connections[-1].send_json(envelope)
        try:
            return await asyncio.wait_for(future, timeout)
        finally:
            self._acks.pop(envelope_id, None)

    async def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask clients to reconnect, as Slack does every few hours."""
        for socket in list(self.connections):
            await socket.send_json({"type": "disconnect", "reason": reason, "debug_info": {}})

    async def close(self) -> None:
        for socket in list(self.connections):
            await socket.close()


class SocketSender(EventSender):
    """`EventSender` over Socket Mode; `Delivery.status` is 200 once the app acked in time."""

    def __init__(self, hub: SocketHub, workspace: Workspace, responses: ResponseUrls) -> None:
        super().__init__("socket-mode", workspace, responses)
        self.hub = hub

    async def post(
        self, body: bytes | str, content_type: str = "application/json", **options: Any
    ) -> Delivery:
        raise NotImplementedError("Socket Mode carries no raw HTTP bodies; use EventSender")

    async def _send(self, kind: str, payload: JSON | dict[str, str], **options: Any) -> Delivery:
        started = time.perf_counter()
        try:
            ack = await self.hub.deliver(
                kind,
                payload,
                accepts_response_payload=kind != "events_api",
                retry_attempt=int(options.get("retry_num") or 0),
                retry_reason=str(options.get("retry_reason") or ""),
            )
        except TimeoutError:
            return Delivery(504, "", {}, payload, time.perf_counter() - started)
        body = ack.get("payload")
        text = json.dumps(body) if body else ""
        return Delivery(200, text, {}, payload, time.perf_counter() - started)

    async def _json(self, payload: JSON, **options: Any) -> Delivery:
        if payload.get("type") != "event_callback":
            raise ValueError("only Events API payloads travel over Socket Mode")
        return await self._send("events_api", payload, **options)

    async def _form(self, fields: dict[str, str], **options: Any) -> Delivery:
        return await self._send("slash_commands", fields, **options)

    async def _interactive(self, payload: JSON, **options: Any) -> Delivery:
        return await self._send("interactive", payload, **options)
