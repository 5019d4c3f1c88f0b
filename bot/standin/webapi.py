"""The stand-in's HTTP server: Slack's Web API, file hosting, upload and `response_url`s.

The app reaches it only through `SLACK_API_URL` (`StandIn.api_url`), so tests and
`phiwarden demo` replace Slack without patching anything. Every request is recorded and can be
made to fail (`fail_next`) to exercise the app's retries and fail-closed paths.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import time
from collections.abc import Generator
from types import TracebackType
from typing import Any

import aiohttp
from aiohttp import web

from bot.standin import api_chat, api_conversations, api_files, api_views, oauth
from bot.standin.context import JSON, CallContext, Handler, SlackError
from bot.standin.faults import Faults
from bot.standin.files import FileRoutes
from bot.standin.model import Token
from bot.standin.recorder import Call, Recorder
from bot.standin.responses import ResponseUrls
from bot.standin.sender import Delivery, EventSender
from bot.standin.socket_mode import SocketHub, SocketSender
from bot.standin.workspace import Workspace

# Methods called without a token (the OAuth exchange authenticates with the client secret).
TOKENLESS = frozenset({"oauth.v2.access"})
# Methods that read a JSON body. "Most write methods allow arguments with application/json"
# (https://docs.slack.dev/apis/web-api, "POST bodies"); each method page lists its content
# types, and read methods (conversations.history/replies/info, users.*, files.info,
# files.getUploadURLExternal, files.completeUploadExternal) list only
# application/x-www-form-urlencoded. Slack ignores a JSON body sent to those, so the call fails
# for its missing arguments (Octember/earshot#10: files.getUploadURLExternal with JSON answered
# invalid_arguments live). The set: chat.delete's page lists application/json; the others are
# the methods slack_sdk's WebClient itself sends as JSON.
JSON_METHODS = frozenset(
    {
        "chat.postMessage", "chat.postEphemeral", "chat.update", "chat.delete", "chat.unfurl",
        "chat.scheduleMessage", "views.open", "views.publish", "views.push", "views.update",
        "conversations.canvases.create", "canvases.create", "canvases.edit",
        "users.profile.set", "dialog.open",
    }
)  # fmt: skip
# Methods only an app-level (`xapp-`) token may call.
APP_TOKEN_METHODS = frozenset({"apps.connections.open"})
MAX_BODY = 64 * 1024 * 1024


class StandIn:
    """A local Slack: `async with StandIn() as slack:` or `slack = await StandIn.start()`."""

    def __init__(
        self, workspace: Workspace | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.workspace = workspace or Workspace()
        self.recorder = Recorder()
        self.faults = Faults()
        self.host = host
        self.port = port
        self.methods: dict[str, Handler] = {
            **api_chat.METHODS,
            **api_conversations.METHODS,
            **api_files.METHODS,
            **api_views.METHODS,
            **oauth.METHODS,
        }
        self.responses = ResponseUrls(self.workspace, self.recorder, after=self._flush_outbox)
        self._files = FileRoutes(self.workspace, self.recorder, self.faults)
        self.socket = SocketHub(self.workspace, self.recorder)
        self._oauth = oauth.OAuthRoutes(self.workspace, self.recorder)
        self.methods["apps.connections.open"] = self.socket.connections_open
        self._runner: web.AppRunner | None = None
        self._senders: list[EventSender] = []
        self._echo: EventSender | None = None
        self._echo_tasks: set[asyncio.Task[None]] = set()
        self.echoed: list[tuple[JSON, Delivery | None]] = []

    # life cycle -----------------------------------------------------------------------------

    @classmethod
    def start(
        cls, workspace: Workspace | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> _Starting:
        """Start a stand-in: `await StandIn.start()` or `async with StandIn.start() as slack`."""
        return _Starting(cls(workspace, host=host, port=port))

    async def serve(self) -> StandIn:
        """Bind (port 0 picks a free port) and serve until `stop()`."""
        if self._runner is not None:
            return self
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", "/api/{method}", self._api)
        self._files.add_routes(app)
        self.responses.add_routes(app)
        self.socket.add_routes(app)
        self._oauth.add_routes(app)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        self.port = int(sockets[0].getsockname()[1])
        self._runner = runner
        self.workspace.base_url = self.base_url
        await self._files.start_cdn(self.host)
        return self

    async def stop(self) -> None:
        if self._echo_tasks:
            await asyncio.gather(*self._echo_tasks, return_exceptions=True)
        for sender in self._senders:
            await sender.close()
        self._senders.clear()
        await self.socket.close()
        await self._files.stop_cdn()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> StandIn:
        return await self.serve()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # what the app is configured with ---------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def api_url(self) -> str:
        """The `SLACK_API_URL` to give the app, ending with a slash like slack_sdk expects."""
        return f"{self.base_url}api/"

    @property
    def authorize_url(self) -> str:
        """Slack's consent page, for Bolt's `OAuthSettings(authorization_url=...)`."""
        return f"{self.base_url}oauth/v2/authorize"

    @property
    def bot_token(self) -> str:
        return self.workspace.bot_token

    @property
    def admin_token(self) -> str | None:
        return self.workspace.admin_token

    @property
    def app_token(self) -> str:
        return self.workspace.app_token

    @property
    def signing_secret(self) -> str:
        return self.workspace.signing_secret

    def env(self) -> dict[str, str]:
        """Environment variables that point phiwarden at this stand-in."""
        env = {
            "SLACK_API_URL": self.api_url,
            "SLACK_BOT_TOKEN": self.bot_token,
            "SLACK_SIGNING_SECRET": self.signing_secret,
            "SLACK_APP_TOKEN": self.app_token,
            "SLACK_CLIENT_ID": self.workspace.client_id,
            "SLACK_CLIENT_SECRET": self.workspace.client_secret,
        }
        if self.admin_token:
            env["SLACK_ADMIN_USER_TOKEN"] = self.admin_token
        return env

    def sender(self, app_url: str, **kwargs: Any) -> EventSender:
        """An `EventSender` posting signed requests to the app at `app_url` (closed by `stop`)."""
        sender = EventSender(app_url, self.workspace, self.responses, **kwargs)
        self._senders.append(sender)
        return sender

    def socket_sender(self) -> SocketSender:
        """A sender that delivers over Socket Mode once the app connected with `app_token`."""
        return SocketSender(self.socket, self.workspace, self.responses)

    def echo_events(self, sender: EventSender | None) -> None:
        """Deliver the events the app's own calls cause, as Slack does: its posts, edits,
        deletions and file shares come back as `message` events (with `bot_id`) through
        `sender`. Off by default; `None` turns it off. Deliveries land in `echoed`.
        """
        self._echo = sender

    async def drain_echoes(self) -> None:
        """Wait until every echoed event has been delivered."""
        while self._echo_tasks:
            await asyncio.gather(*list(self._echo_tasks), return_exceptions=True)

    def _flush_outbox(self) -> None:
        events = list(self.workspace.outbox)
        self.workspace.outbox.clear()
        if self._echo is None:
            return
        for event in events:
            task = asyncio.get_running_loop().create_task(self._deliver_echo(self._echo, event))
            self._echo_tasks.add(task)
            task.add_done_callback(self._echo_tasks.discard)

    async def _deliver_echo(self, sender: EventSender, event: JSON) -> None:
        try:
            self.echoed.append((event, await sender.event(event)))
        except (aiohttp.ClientError, TimeoutError):
            self.echoed.append((event, None))

    # recording and faults -------------------------------------------------------------------

    def calls(self, method: str | None = None, *, ok: bool | None = None) -> list[Call]:
        return self.recorder.calls(method, ok=ok)

    def count(self, method: str | None = None, *, ok: bool | None = None) -> int:
        return self.recorder.count(method, ok=ok)

    def last(self, method: str) -> Call:
        return self.recorder.last(method)

    def clear(self) -> None:
        self.recorder.clear()

    async def wait_for(
        self, method: str, count: int = 1, timeout: float = 30.0, *, ok: bool | None = None
    ) -> list[Call]:
        return await self.recorder.wait_for(method, count, timeout, ok=ok)

    def fail_next(
        self,
        method: str,
        error: str = "ratelimited",
        *,
        times: int = 1,
        retry_after: int = 1,
        status: int | None = None,
    ) -> None:
        self.faults.fail_next(method, error, times=times, retry_after=retry_after, status=status)

    def http_error_next(self, method: str, status: int = 500, *, times: int = 1) -> None:
        self.faults.http_error_next(method, status, times=times)

    def delay_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        self.faults.delay_next(method, seconds, times=times)

    def rate_limit(self, method: str, per_minute: int | None, *, window: float = 60.0) -> None:
        self.faults.rate_limit(method, per_minute, window=window)

    def lose_answer_next(self, method: str, *, times: int = 1) -> None:
        self.faults.lose_answer_next(method, times=times)

    # the Web API --------------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        try:
            args, token_value, basic = await _parse(request, json_body=method in JSON_METHODS)
        except SlackError as exc:
            return self._answer(method, {}, None, {"ok": False, "error": exc.code}, 200)
        token = self.workspace.tokens.get(token_value or "")
        fault = self.faults.take(method)
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.status:
            self.recorder.record(
                Call(
                    method,
                    args,
                    token.kind if token else None,
                    False,
                    f"http_{fault.status}",
                    fault.status,
                )
            )
            headers = {"Retry-After": str(fault.retry_after)} if fault.status == 429 else {}
            return web.Response(status=fault.status, text="Internal Server Error", headers=headers)
        if fault is not None and fault.error:
            body = {"ok": False, "error": fault.error}
            if fault.error == "ratelimited":
                headers = {"Retry-After": str(fault.retry_after)}
                return self._answer(method, args, token, body, 429, headers)
            return self._answer(method, args, token, body, 200)
        try:
            handler = self.methods.get(method)
            if handler is None:
                raise SlackError("unknown_method", req_method=method)
            if method not in TOKENLESS:
                _check_token(token_value, token, method)
            ctx = CallContext(self.workspace, method, token, dict(args), basic)
            payload: JSON = {"ok": True, **handler(ctx)}
        except SlackError as exc:
            payload = {"ok": False, "error": exc.code, **exc.extra}
        except (TypeError, ValueError):  # an argument of the wrong shape, e.g. latest="soon"
            payload = {"ok": False, "error": "invalid_arguments"}
        answer = self._answer(method, args, token, payload, 200)
        if fault is not None and fault.lose_answer:
            return web.Response(
                status=500, text="Internal Server Error"
            )  # done, but the caller can't know
        return answer

    def _answer(
        self,
        method: str,
        args: JSON,
        token: Token | None,
        payload: JSON,
        status: int,
        headers: dict[str, str] | None = None,
    ) -> web.Response:
        ok = bool(payload.get("ok"))
        self._flush_outbox()
        self.recorder.record(
            Call(
                method=method,
                args=args,
                token_kind=token.kind if token else None,
                ok=ok,
                error=None if ok else str(payload.get("error")),
                status=status,
                at=time.time(),
                response=payload,
            )
        )
        all_headers = dict(headers or {})
        if token is not None:
            all_headers["X-OAuth-Scopes"] = ",".join(sorted(token.scopes))
        return web.json_response(payload, status=status, headers=all_headers)


class _Starting:
    """What `StandIn.start()` returns: awaitable, and an async context manager that stops it."""

    def __init__(self, standin: StandIn) -> None:
        self._standin = standin

    def __await__(self) -> Generator[Any, None, StandIn]:
        return self._standin.serve().__await__()

    async def __aenter__(self) -> StandIn:
        return await self._standin.serve()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._standin.stop()


def _check_token(value: str | None, token: Token | None, method: str) -> None:
    if not value:
        raise SlackError("not_authed")
    if token is None:
        raise SlackError("invalid_auth")
    if token.revoked:
        raise SlackError("token_revoked")
    if (token.kind == "app") != (method in APP_TOKEN_METHODS):
        raise SlackError("not_allowed_token_type")


async def _parse(
    request: web.Request, *, json_body: bool = True
) -> tuple[JSON, str | None, tuple[str, str] | None]:
    """Arguments from the query string plus a form or JSON body, as Slack accepts them; a JSON
    body for a method that takes none (`json_body` False) is not read."""
    args: JSON = dict(request.query)
    body_token = args.pop("token", None)
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise SlackError("invalid_json") from None
            if not isinstance(body, dict):
                raise SlackError("invalid_json")
            body.pop("token", None)  # Slack ignores a token inside a JSON body
            if json_body:
                args.update(body)
        else:
            form = await request.post()
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
            body_token = fields.pop("token", body_token)
            args.update(fields)
    token: str | None = None
    basic: tuple[str, str] | None = None
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        token = header.removeprefix("Bearer ").strip()
    elif header.startswith("Basic "):
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
            basic = (user, password)
        except (binascii.Error, UnicodeDecodeError):
            raise SlackError("invalid_auth") from None
    token = token or (str(body_token) if body_token else None)
    return args, token, basic
