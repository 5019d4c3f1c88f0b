"""What the flow says in Slack: a post in the original's place, a word to the poster, an alert.

Every call carries the idempotency key of its step, so a retried job never posts twice.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot import metrics
from bot.errors import SlackGatewayError
from bot.flow.deps import FlowDeps
from bot.logging import log_event
from bot.messages import admin_alerts, feedback
from bot.messages.admin_alerts import AlertReason
from bot.messages.kit import Message
from bot.messages.reposts import ATTACHMENT_NAME, FileRepost, Repost
from bot.policy import Action
from bot.slack.gateway import is_permanent
from bot.store.api import PendingConfirm, ScanJob

log = logging.getLogger(__name__)

# Uploads a post's files into a thread (None: the channel) with an initial comment.
UploadFiles = Callable[[str | None, str], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class Reposted:
    """How a repost went: the first message's ts, or what Slack refused (`refusal`)."""

    first_ts: str | None = None
    refusal: str | None = None


class Notifier:
    """Posts, ephemerals and admin alerts for one job or one pending confirm."""

    def __init__(self, deps: FlowDeps) -> None:
        self.deps = deps

    async def repost(
        self,
        key: str,
        team_id: str,
        channel: str,
        msg: Message,
        thread_ts: str | None,
        *,
        broadcast: bool = False,
    ) -> str | None:
        """Post `msg` in the original's place (same channel and thread)."""
        return await self.deps.gateway.post(
            key,
            channel,
            msg["text"],
            msg["blocks"],
            thread_ts=thread_ts,
            team_id=team_id,
            reply_broadcast=broadcast,
        )

    async def repost_all(
        self,
        key: str,
        team_id: str,
        channel: str,
        repost: Repost,
        thread_ts: str | None,
        *,
        broadcast: bool = False,
    ) -> Reposted:
        """Post every part of `repost`: the first in the original's place, the rest (and any
        attached text) in its thread. A refusal (retrying cannot help) comes back as
        `Reposted.refusal` so the poster can be told; only transient faults raise.
        """
        first_ts: str | None = None
        try:
            for index, msg in enumerate(repost.messages):
                part_key = key if index == 0 else f"{key}:part{index + 1}"
                where = thread_ts if index == 0 else (thread_ts or first_ts)
                ts = await self.repost(
                    part_key, team_id, channel, msg, where, broadcast=broadcast and index == 0
                )
                if index == 0:
                    first_ts = ts
            if repost.attachment is not None:
                await self.deps.gateway.upload(
                    f"{key}:attachment",
                    channel,
                    thread_ts or first_ts,
                    ATTACHMENT_NAME,
                    repost.attachment.encode(),
                    "",
                    team_id=team_id or None,
                )
        except SlackGatewayError as exc:
            if not is_permanent(exc):
                raise
            metrics.FAILURES.labels(stage="repost").inc()
            log_event(log, logging.WARNING, "repost refused", job_id=key, error=exc.error)
            return Reposted(first_ts, exc.error)
        return Reposted(first_ts)

    async def repost_planned(
        self,
        key: str,
        team_id: str,
        channel: str,
        thread_ts: str | None,
        plan: Repost | FileRepost,
        upload: UploadFiles,
        *,
        broadcast: bool = False,
    ) -> Reposted:
        """A text repost, or a post's files with its text: in the comment when short, else the
        text first (in the original's place) and the files in its thread."""
        if isinstance(plan, Repost):
            return await self.repost_all(
                key, team_id, channel, plan, thread_ts, broadcast=broadcast
            )
        where, first_ts = thread_ts, None
        if plan.rest is not None:
            text = await self.repost_all(
                f"{key}:text", team_id, channel, plan.rest, thread_ts, broadcast=broadcast
            )
            if text.refusal:
                return text
            first_ts = text.first_ts
            where = thread_ts or first_ts
        try:
            await upload(where, plan.comment)
        except SlackGatewayError as exc:
            if not is_permanent(exc):
                raise
            metrics.FAILURES.labels(stage="repost").inc()
            log_event(log, logging.WARNING, "file repost refused", job_id=key, error=exc.error)
            return Reposted(first_ts, exc.error)
        return Reposted(first_ts)

    async def remove_files(
        self, key: str, team_id: str, channel_id: str, user_id: str, file_ids: list[str]
    ) -> None:
        """Delete a removed post's files themselves (Slack does not document that removing a
        message removes its files); each refusal becomes an admin alert naming the file's id.
        Each file once per key."""
        for file_id in dict.fromkeys(f for f in file_ids if f):
            step = f"{key}:delete:{file_id}"
            if await self.deps.store.get_action(step) is not None:
                continue
            removal = await self.deps.gateway.delete_file(file_id, team_id=team_id or None)
            if not removal.removed:
                await self._file_kept(step, team_id, channel_id, user_id, file_id, removal.refusal)
            await self.deps.store.record_action(step, {"removed": removal.removed})

    async def keep_canvases(
        self, key: str, team_id: str, channel_id: str, user_id: str, canvas_ids: list[str]
    ) -> None:
        """A removed post's canvases with PHI stay (never deleted: see `files.blocked_ids`);
        admins are told each one's id, once per key."""
        for file_id in dict.fromkeys(f for f in canvas_ids if f):
            step = f"{key}:canvas:{file_id}"
            if await self.deps.store.get_action(step) is not None:
                continue
            await self._file_kept(step, team_id, channel_id, user_id, file_id, "canvas_kept")
            await self.deps.store.record_action(step, {"removed": False})

    async def _file_kept(
        self,
        step: str,
        team_id: str,
        channel_id: str,
        user_id: str,
        file_id: str,
        refusal: str | None,
    ) -> None:
        msg = admin_alerts.file_kept_alert(
            channel_id=channel_id, user_id=user_id, file_id=file_id, refusal=refusal
        )
        try:
            await self.deps.gateway.alert_admins(
                f"{step}:alert", msg["text"], msg["blocks"], team_id=team_id or None
            )
        except SlackGatewayError as exc:
            metrics.FAILURES.labels(stage="gateway").inc()
            log_event(log, logging.ERROR, "admin alert failed", job_id=step, error=exc.error)

    async def tell(self, key: str, job: ScanJob, msg: Message) -> None:
        """An ephemeral to the poster; one Slack refuses for good (they left) is logged, not retried.

        Every notice about a post ends with the "This isn't patient information" button.
        """
        p = job.payload
        if p.get("from_app"):
            # An app cannot read an ephemeral (and one to a `B…` id is refused): admins hear of
            # the post instead (`bot.flow.pipeline`: every action on an app's post alerts them).
            log_event(log, logging.INFO, "poster notice not sent: app post", job_id=job.job_id)
            return
        msg = feedback.with_report_button(msg, job.job_id)
        try:
            await self.deps.gateway.ephemeral(
                key,
                job.channel_id,
                str(p["user"]),
                msg["text"],
                msg["blocks"],
                thread_ts=p.get("thread_ts"),
                team_id=job.team_id,
            )
        except SlackGatewayError as exc:
            if not is_permanent(exc):
                raise
            log_event(
                log,
                logging.WARNING,
                "poster notice not delivered",
                job_id=job.job_id,
                error=exc.error,
            )

    async def tell_pending(self, key: str, pending: PendingConfirm, msg: Message) -> None:
        """An ephemeral to the poster of a held post, in its thread."""
        await self.deps.gateway.ephemeral(
            key,
            pending.channel_id,
            pending.user_id,
            msg["text"],
            msg["blocks"],
            thread_ts=pending.thread_ts,
            team_id=pending.team_id,
        )

    async def alert(
        self,
        job: ScanJob,
        action: Action,
        kinds: list[str],
        *,
        removed: bool,
        reason: AlertReason,
        refusal: str | None = None,
    ) -> None:
        """Tell the workspace's admins; a failed alert is counted and logged, never raised."""
        msg = admin_alerts.admin_alert(
            channel_id=job.channel_id,
            user_id=str(job.payload.get("user", "")),
            kinds=kinds,
            action=action.kind,
            removed=removed,
            reason=reason,
            refusal=refusal,
            rules_url=self.deps.settings.rules_url,
        )
        try:
            await self.deps.gateway.alert_admins(
                f"{job.job_id}:alert", msg["text"], msg["blocks"], team_id=job.team_id
            )
        except SlackGatewayError as exc:
            metrics.FAILURES.labels(stage="gateway").inc()
            log_event(log, logging.ERROR, "admin alert failed", job_id=job.job_id, error=exc.error)
