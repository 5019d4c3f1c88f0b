"""What the flow says in Slack: a post in the original's place, a word to the poster, an alert.

Every call carries the idempotency key of its step, so a retried job never posts twice.
"""

from __future__ import annotations

import logging

from bot import metrics
from bot.errors import SlackGatewayError
from bot.flow.deps import FlowDeps
from bot.logging import log_event
from bot.messages import feedback, notices
from bot.messages.kit import Message
from bot.messages.notices import AlertReason
from bot.policy import Action
from bot.slack.gateway import is_permanent
from bot.store.api import PendingConfirm, ScanJob

log = logging.getLogger(__name__)


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

    async def tell(self, key: str, job: ScanJob, msg: Message) -> None:
        """An ephemeral to the poster; one Slack refuses for good (they left) is logged, not retried.

        Every notice about a post ends with the "This isn't patient information" button.
        """
        p = job.payload
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
        msg = notices.admin_alert(
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
