"""The only door to the Slack Web API: retries, idempotency and the admin-token rule live here.

Every call goes through `SlackGateway.call`. A 429 is retried inside slack_sdk by its
rate-limit handler (`bot.slack.ratelimit`), waiting `Retry-After` in full (Tier 1-2 methods ask
for up to 60 s); 5xx and timeouts are retried here with capped exponential backoff plus
jitter, asking `reconcile` first because such a call may have taken effect. Then
`SlackGatewayError` is raised (with `retry_after` when rate limited, so the job's next try
waits at least that long) and the pipeline can alert admins. Side effects that must not repeat (reposts, ephemerals, alerts)
go through `once(key, ...)`: the key is the job id plus the action step, recorded in the
store's `ActionLog` after success, so a retried job skips steps already done.

A post can still happen without its record: Slack's answer lost to a timeout or a 5xx, or the
process killed between Slack's answer and the record. So every post carries its key in message
metadata, an intent is recorded before the first attempt, and before posting again the gateway
looks for its own message in the conversation (`find_post`): found, it is recorded, not
repeated. Ephemerals cannot be looked up (Slack keeps no copy), so they stay at-least-once.

A bot token can delete only the bot's own posts; removing a user's post needs the optional
`SLACK_ADMIN_USER_TOKEN`. Without it, or when Slack refuses (compliance exports on, EKM,
Enterprise restrictions, a conversation the admin is not in), `delete_user_message` says why
in a `Removal` and the caller falls back to an ephemeral warning plus an admin alert that
names the refusal. A refusal is never retried: asking again gets the same answer.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import metrics
from bot.config import Settings
from bot.errors import SlackGatewayError, SlackRateLimited
from bot.logging import log_event
from bot.slack.post_lookup import find_post, post_metadata
from bot.slack.ratelimit import RetryAfterHandler, retry_after_seconds
from bot.slack.upload_once import upload_once
from bot.store.api import ActionLog

log = logging.getLogger(__name__)

# Errors that mean "the message is already gone": a repeated delete counts as done
# (https://docs.slack.dev/reference/methods/chat.delete: message_not_found).
_GONE = frozenset({"message_not_found", "thread_not_found"})
# https://docs.slack.dev/reference/methods/files.delete: "The file has already been deleted",
# "The file does not exist, or is not visible to the calling user".
_FILE_GONE = frozenset({"file_deleted", "file_not_found"})
# Every other answer that is not transient is a refusal: chat.delete's own errors
# (cant_delete_message, channel_not_found for a conversation the admin is not in,
# compliance_exports_prevent_deletion) and those any method returns (access_denied,
# ekm_access_denied, enterprise_is_restricted, token errors); `bot.messages.notices` explains
# each to admins. No code list here decides retries: `is_permanent` does.
NO_ADMIN_TOKEN = "no_admin_token"


@dataclass(frozen=True, slots=True)
class Removal:
    """How removing a user's post ended: removed, or why not (`refusal`: a Slack error code,
    or `no_admin_token`)."""

    removed: bool
    refusal: str | None = None


_RETRYABLE_ERRORS = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)

Sleep = Callable[[float], Awaitable[None]]
TokenProvider = Callable[[str | None], Awaitable[str | None]]
# A team's admin alert targets (channel or user ids): `bot.slack.alerts.AlertDestinations`.
AlertTargets = Callable[[str | None], Awaitable[list[str]]]
Reconcile = Callable[[], Awaitable[dict[str, Any] | None]]


def is_permanent(exc: SlackGatewayError) -> bool:
    """True when retrying cannot help (`user_not_in_channel`, `is_archived`, ...), False when
    the call failed only after exhausting retries on a transient fault."""
    if exc.retry_after is not None:
        return False  # Slack (or we) said when to ask again: rate limited, a share pending
    return not exc.error.endswith("attempts") and not exc.error.startswith("http_5")


class MemoryActionLog:
    """Fallback `ActionLog` for a store that has none: idempotent within one process only."""

    def __init__(self) -> None:
        self._done: dict[str, dict[str, Any]] = {}

    async def get_action(self, key: str) -> dict[str, Any] | None:
        return self._done.get(key)

    async def record_action(
        self, key: str, result: dict[str, Any], *, replace: bool = False
    ) -> None:
        if replace or key not in self._done:
            self._done[key] = result


class SlackGateway:
    """Slack Web API calls with retries, idempotency keys and the admin-token fallback."""

    def __init__(
        self,
        settings: Settings,
        actions: ActionLog | None = None,
        *,
        bot_token: TokenProvider | None = None,
        admin_token: TokenProvider | None = None,
        alert_targets: AlertTargets | None = None,
        sleep: Sleep = asyncio.sleep,
        max_attempts: int = 5,
        base_delay: float = 0.5,
        max_delay: float = 20.0,
        timeout: float = 10.0,
        rate_limit_retries: int = 3,
    ) -> None:
        self.settings = settings
        self.actions: ActionLog = actions if actions is not None else MemoryActionLog()
        self._bot_token = bot_token
        self._admin_token = admin_token
        self._alert_targets = alert_targets
        self._sleep = sleep
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.timeout = timeout
        # 429s waited out per call (each `Retry-After` in full): up to ~4 minutes on Tier 1.
        self.rate_limit_retries = rate_limit_retries
        self._session: aiohttp.ClientSession | None = None
        self._clients: dict[str, AsyncWebClient] = {}

    @property
    def can_delete_user_posts(self) -> bool:
        return bool(self.settings.slack_admin_user_token or self._admin_token)

    async def admin_token_for(self, team_id: str | None) -> str | None:
        """The user token that may remove people's posts: configured, or the installer's (OAuth)."""
        if self.settings.slack_admin_user_token:
            return self.settings.slack_admin_user_token
        return await self._admin_token(team_id) if self._admin_token else None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
        self._clients.clear()

    def _client(self, token: str) -> AsyncWebClient:
        client = self._clients.get(token)
        if client is None:
            if self._session is None or self._session.closed:
                self._session = aiohttp.ClientSession(
                    timeout=aiohttp.ClientTimeout(total=self.timeout)
                )
            client = AsyncWebClient(
                token=token,
                base_url=self.settings.slack_api_url,
                session=self._session,
                timeout=int(self.timeout),
                retry_handlers=[RetryAfterHandler(self.rate_limit_retries, self._sleep)],
            )
            self._clients[token] = client
        return client

    async def token_for(self, team_id: str | None) -> str:
        token = await self._bot_token(team_id) if self._bot_token else self.settings.slack_bot_token
        if not token:
            raise SlackGatewayError("auth", "no bot token for this workspace; install the app")
        return token

    def _delay(self, attempt: int) -> float:
        """Full-jitter exponential backoff, capped."""
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return float(random.uniform(ceiling / 2, ceiling))

    async def call(
        self,
        method: str,
        *,
        token: str | None = None,
        team_id: str | None = None,
        reconcile: Reconcile | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        """One Web API call with retries; returns the response data or raises `SlackGatewayError`.

        After a failure that may have taken effect (timeout, 5xx, Slack's internal errors; not
        429, which Slack answers before doing anything) `reconcile` is asked before the next
        attempt; what it finds is returned instead of calling again.
        """
        use_token = token or await self.token_for(team_id)
        client = self._client(use_token)
        last_error = "unknown"
        for attempt in range(self.max_attempts):
            delay: float | None = None
            if attempt and reconcile is not None:
                found = await reconcile()
                if found is not None:
                    return found
            try:
                if method.startswith(("chat.", "views.")):
                    response = await client.api_call(method, json=kwargs)
                else:  # read methods take form fields, as on slack.com
                    response = await client.api_call(method, data=kwargs)
                return dict(response.data) if isinstance(response.data, dict) else {}
            except SlackApiError as exc:
                status = exc.response.status_code
                data = exc.response.data
                error = str(
                    (data.get("error") if isinstance(data, dict) else None) or f"http_{status}"
                )
                last_error = error
                if status == 429 or error == "ratelimited":
                    # slack_sdk's handler already waited out every Retry-After it was given.
                    tries = self.rate_limit_retries + 1
                    log_event(log, logging.ERROR, "slack call still rate limited", method=method)
                    raise SlackGatewayError(
                        method,
                        f"ratelimited after {tries} attempts",
                        retry_after=retry_after_seconds(dict(exc.response.headers)),
                    ) from None
                if status >= 500 or error in _RETRYABLE_ERRORS:
                    delay = self._delay(attempt)
                else:
                    raise SlackGatewayError(method, error) from None
            except (TimeoutError, aiohttp.ClientError) as exc:
                last_error = type(exc).__name__
                delay = self._delay(attempt)
            if attempt + 1 < self.max_attempts:
                metrics.RETRIES.labels(stage="gateway").inc()
                log_event(
                    log,
                    logging.WARNING,
                    "slack call retry",
                    method=method,
                    error=last_error,
                    attempt=attempt + 1,
                    delay_s=round(delay, 2),
                )
                await self._sleep(delay)
        metrics.FAILURES.labels(stage="gateway").inc()
        log_event(
            log,
            logging.ERROR,
            "slack call failed after retries",
            method=method,
            error=last_error,
            attempts=self.max_attempts,
        )
        raise SlackGatewayError(method, f"{last_error} after {self.max_attempts} attempts")

    async def once(self, key: str, method: str, **kwargs: Any) -> dict[str, Any]:
        """`call` at most once per idempotency key; a repeat returns the recorded result (ids only)."""
        done = await self.actions.get_action(key)
        if done is not None:
            log_event(
                log, logging.INFO, "slack call skipped: already done", job_id=key, method=method
            )
            return done
        if method == "chat.postMessage":
            data = await self._post_reconciled(key, **kwargs)
        else:
            data = await self.call(method, **kwargs)
        result = {
            k: data[k] for k in ("ts", "channel", "message_ts") if isinstance(data.get(k), str)
        }
        result["method"] = method
        await self.actions.record_action(key, result)
        return result

    async def _post_reconciled(
        self, key: str, *, team_id: str | None = None, **args: Any
    ) -> dict[str, Any]:
        """chat.postMessage that never posts twice for one key, even if an answer was lost."""
        args["metadata"] = post_metadata(key)
        channel, thread_ts = str(args["channel"]), args.get("thread_ts")
        if not channel.startswith(("C", "G", "D")):
            # Addressed to a user id (an admin's DM): without im:write the DM's id is unknown
            # before the post, so it cannot be searched; at-least-once, like ephemerals.
            return await self.call("chat.postMessage", team_id=team_id, **args)
        intent_key = f"{key}:intent"
        intent = await self.actions.get_action(intent_key)
        if intent is None:
            since = time.time()
            await self.actions.record_action(intent_key, {"method": "intent", "at": f"{since:.6f}"})
        else:
            since = float(intent.get("at") or 0)
            found = await self.find_post(key, channel, thread_ts, since, team_id=team_id)
            if found is not None:
                return found

        async def reconcile() -> dict[str, Any] | None:
            return await self.find_post(key, channel, thread_ts, since, team_id=team_id)

        return await self.call("chat.postMessage", team_id=team_id, reconcile=reconcile, **args)

    async def find_post(
        self,
        key: str,
        channel: str,
        thread_ts: str | None,
        since: float,
        *,
        team_id: str | None = None,
    ) -> dict[str, Any] | None:
        """Our earlier post for `key` in `channel` (or its thread), if Slack has it
        (`bot.slack.post_lookup.find_post`)."""
        return await find_post(
            self.read_page, self.actions, key, channel, thread_ts, since, team_id=team_id
        )

    # High-level actions -------------------------------------------------------------------

    async def delete_user_message(
        self, channel: str, ts: str, team_id: str | None = None
    ) -> Removal:
        """Remove a user's post with the admin user token, or say why it cannot be done.

        Raises `SlackGatewayError` only for a transient failure (so the job is retried).
        """
        token = await self.admin_token_for(team_id)
        if not token:
            return Removal(False, NO_ADMIN_TOKEN)
        try:
            await self.call("chat.delete", token=token, channel=channel, ts=ts)
        except SlackGatewayError as exc:
            if exc.error in _GONE:
                return Removal(True)
            if not is_permanent(exc):
                raise
            log_event(
                log, logging.WARNING, "cannot delete user post", channel_id=channel, error=exc.error
            )
            return Removal(False, exc.error)
        return Removal(True)

    async def replace_setting(
        self, channel: str, setting: str, value: str, *, team_id: str | None = None
    ) -> bool:
        """Set a channel's topic or purpose (description) to `value` with the bot token; False
        (and a log line with Slack's error code) when Slack refuses.

        `conversations.setTopic` / `setPurpose` take `channels:write.topic` (public),
        `groups:write.topic` (private) or `mpim:write.topic` (group DMs) for a bot token, and
        the caller must be a member ("not_in_channel" otherwise); a value is at most 250
        characters ("too_long"): https://docs.slack.dev/reference/methods/conversations.setTopic,
        https://docs.slack.dev/reference/methods/conversations.setPurpose. Transient failures
        raise `SlackGatewayError`, so the job is retried.
        """
        methods = {
            "topic": ("conversations.setTopic", "topic"),
            "purpose": ("conversations.setPurpose", "purpose"),
        }
        if setting not in methods:
            return False  # a name: renaming needs `channels:manage`, which the app never asks
        method, arg = methods[setting]
        try:
            args: dict[str, Any] = {"channel": channel, arg: value[:250]}
            await self.call(method, team_id=team_id, **args)
        except SlackGatewayError as exc:
            if not is_permanent(exc):
                raise
            log_event(
                log,
                logging.WARNING,
                "cannot replace channel setting",
                channel_id=channel,
                setting=setting,
                error=exc.error,
            )
            return False
        return True

    async def delete_own_message(self, channel: str, ts: str, team_id: str | None = None) -> None:
        try:
            await self.call("chat.delete", team_id=team_id, channel=channel, ts=ts)
        except SlackGatewayError as exc:
            if exc.error not in _GONE:
                raise

    async def post(
        self,
        key: str,
        channel: str,
        text: str,
        blocks: Sequence[dict[str, Any]] | None = None,
        *,
        thread_ts: str | None = None,
        team_id: str | None = None,
        reply_broadcast: bool = False,
    ) -> str | None:
        """Post once per key (a repost or an alert); returns the new message's ts."""
        args: dict[str, Any] = {
            "channel": channel,
            "text": text,
            "unfurl_links": False,
            "unfurl_media": False,
        }
        if blocks:
            args["blocks"] = list(blocks)
        if thread_ts:
            args["thread_ts"] = thread_ts
            if reply_broadcast:
                args["reply_broadcast"] = True
        result = await self.once(key, "chat.postMessage", team_id=team_id, **args)
        ts = result.get("ts")
        return ts if isinstance(ts, str) else None

    async def ephemeral(
        self,
        key: str,
        channel: str,
        user: str,
        text: str,
        blocks: Sequence[dict[str, Any]] | None = None,
        *,
        thread_ts: str | None = None,
        team_id: str | None = None,
    ) -> None:
        """An ephemeral notice to one user, once per key."""
        args: dict[str, Any] = {"channel": channel, "user": user, "text": text}
        if blocks:
            args["blocks"] = list(blocks)
        if thread_ts:
            args["thread_ts"] = thread_ts
        await self.once(key, "chat.postEphemeral", team_id=team_id, **args)

    async def alert_targets(self, team_id: str | None) -> list[str]:
        """Where the team's admin alerts go: its `/phi alerts` channel, else the deployment's
        default (`bot.slack.alerts.AlertDestinations` decides); channel or user ids."""
        if self._alert_targets is not None:
            return await self._alert_targets(team_id)
        if self.settings.admin_alert_channel:
            return [self.settings.admin_alert_channel]
        return list(self.settings.admin_user_ids)

    async def alert_admins(
        self,
        key: str,
        text: str,
        blocks: Sequence[dict[str, Any]] | None = None,
        *,
        team_id: str | None = None,
    ) -> int:
        """Tell the team's admins (its alert channel, else the default); returns posts made."""
        targets = await self.alert_targets(team_id)
        if not targets:
            log_event(
                log,
                logging.WARNING,
                "admin alert not delivered: set one with /phi alerts #channel "
                "(or ADMIN_ALERT_CHANNEL / ADMIN_USER_IDS for a single workspace)",
                job_id=key,
                team_id=team_id,
            )
            return 0
        sent = 0
        for target in targets:
            try:
                await self.post(f"{key}:alert:{target}", target, text, blocks, team_id=team_id)
                sent += 1
            except SlackGatewayError as exc:
                log_event(
                    log, logging.ERROR, "admin alert failed", channel_id=target, error=exc.error
                )
        return sent

    async def download(
        self, url_private: str, max_bytes: int, *, team_id: str | None = None
    ) -> bytes:
        """A shared file's bytes with the bot token (`FileTooLargeError` past `max_bytes`)."""
        from bot.slack.files import download_file

        token = await self.token_for(team_id)
        return await download_file(self._client(token), url_private, token, max_bytes)

    async def upload(
        self,
        key: str,
        channel: str,
        thread_ts: str | None,
        filename: str,
        data: bytes,
        comment: str,
        *,
        team_id: str | None = None,
    ) -> str | None:
        """Upload a file into the channel/thread once per key; returns the file id
        (`bot.slack.upload_once.upload_once`)."""

        async def client_for(team: str | None) -> AsyncWebClient:
            return self._client(await self.token_for(team))

        return await upload_once(
            self.actions,
            self.call,
            self._sleep,
            client_for,
            key,
            channel,
            thread_ts,
            filename,
            data,
            comment,
            team_id=team_id,
        )

    async def delete_file(self, file_id: str, *, team_id: str | None = None) -> Removal:
        """Remove a shared file itself, with the admin user token (`files:write` user scope).

        Deleting the message that shared a file is not documented to delete the file
        (https://docs.slack.dev/reference/methods/chat.delete speaks of messages only;
        https://docs.slack.dev/reference/methods/files.delete "deletes a file from your team"),
        so a blocked file is deleted on its own. `file_not_found` / `file_deleted` count as done;
        a refusal (`cant_delete_file`, `file_deleting_disabled`, `missing_scope`, ...) comes back
        in `Removal.refusal`, never retried; only transient failures raise.
        """
        token = await self.admin_token_for(team_id)
        if not token:
            return Removal(False, NO_ADMIN_TOKEN)
        try:
            await self.call("files.delete", token=token, file=file_id)
        except SlackGatewayError as exc:
            if exc.error in _FILE_GONE:
                return Removal(True)
            if not is_permanent(exc):
                raise
            log_event(log, logging.WARNING, "cannot delete file", file_id=file_id, error=exc.error)
            return Removal(False, exc.error)
        return Removal(True)

    async def open_modal(
        self, trigger_id: str, view: dict[str, Any], *, team_id: str | None = None
    ) -> None:
        await self.call("views.open", team_id=team_id, trigger_id=trigger_id, view=view)

    async def publish_home(
        self, user_id: str, view: dict[str, Any], *, team_id: str | None = None
    ) -> None:
        await self.call("views.publish", team_id=team_id, user_id=user_id, view=view)

    async def user_info(self, user_id: str, *, team_id: str | None = None) -> dict[str, Any]:
        data = await self.call("users.info", team_id=team_id, user=user_id)
        user = data.get("user")
        return user if isinstance(user, dict) else {}

    async def file_info(self, file_id: str, *, team_id: str | None = None) -> dict[str, Any]:
        """The file object (`files.info`, `files:read`); {} when Slack has none."""
        data = await self.call("files.info", team_id=team_id, file=file_id)
        file = data.get("file")
        return file if isinstance(file, dict) else {}

    async def canvas_content(self, canvas_id: str, *, team_id: str | None = None) -> str:
        """A canvas's whole content as markdown (`canvases.getContent`, `canvases:read`; Slack
        answers `canvas_not_found` for one the bot cannot view:
        https://docs.slack.dev/reference/methods/canvases.getContent)."""
        data = await self.call("canvases.getContent", team_id=team_id, canvas_id=canvas_id)
        content = data.get("content")
        return content if isinstance(content, str) else ""

    async def conversation_info(
        self, channel: str, *, team_id: str | None = None
    ) -> dict[str, Any]:
        data = await self.call("conversations.info", team_id=team_id, channel=channel)
        info = data.get("channel")
        return info if isinstance(info, dict) else {}

    async def read_page(
        self, method: str, *, team_id: str | None = None, **args: Any
    ) -> dict[str, Any]:
        """One page of a paginated read (`conversations.history`/`replies`), tried once.

        Unlike `call`, a 429 is not waited out here: it raises `SlackRateLimited` with Slack's
        `Retry-After`, so a long job (the history sweep) reschedules itself durably instead of
        holding a worker for a minute. Other failures raise `SlackGatewayError`.
        """
        token = await self.token_for(team_id)
        # No retry handler here: a 429 goes back to the caller, who reschedules durably.
        client = AsyncWebClient(
            token=token,
            base_url=self.settings.slack_api_url,
            session=self._client(token).session,
            timeout=int(self.timeout),
            retry_handlers=[],
        )
        try:
            response = await client.api_call(method, data=args)  # read methods take form fields
        except SlackApiError as exc:
            status, data = exc.response.status_code, exc.response.data
            error = str((data.get("error") if isinstance(data, dict) else None) or f"http_{status}")
            if status == 429 or error == "ratelimited":
                header = exc.response.headers.get("Retry-After") or exc.response.headers.get(
                    "retry-after"
                )
                try:
                    retry_after = max(1.0, float(header)) if header else 60.0
                except ValueError:
                    retry_after = 60.0
                raise SlackRateLimited(method, retry_after) from None
            raise SlackGatewayError(method, error) from None
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise SlackGatewayError(method, type(exc).__name__) from None
        return dict(response.data) if isinstance(response.data, dict) else {}
