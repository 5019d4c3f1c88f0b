"""The job handler: from a recorded scan job to the action Slack sees, audited.

`Pipeline.handle(job)` is what the durable queue's runner calls. For a post it loads the
channel's class and policy, scans the text in the warm workers (never on the event loop),
asks the pure `policy.decide()` what to do, and has the gateway do it. Every Slack side effect
carries an idempotency key made of the job id and the step, so a job that is retried after a
crash never posts twice. Pending confirms keep the post's text only in their own record, until
the poster answers or the sweeper applies the channel's default at the timeout.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot import metrics
from bot.detect.types import ScanResult, Verdict
from bot.errors import DetectionError, SlackGatewayError
from bot.flow import files as files_flow
from bot.flow.confirms import JOB_CHOICE, JOB_EXPIRE, ConfirmFlow, Found
from bot.flow.files import FileOutcome
from bot.flow.intake import message_hash
from bot.logging import log_event
from bot.messages import notices
from bot.messages.kit import Message
from bot.messages.notices import AlertReason
from bot.policy import (
    Action,
    ActionKind,
    ChannelClass,
    ChannelPolicy,
    Content,
    decide,
    decide_timeout,
    effective_policy,
)
from bot.slack.gateway import is_permanent
from bot.store.api import AuditEvent, ScanJob

log = logging.getLogger(__name__)

_SEVERITY = {
    ActionKind.NONE: 0,
    ActionKind.REMIND: 1,
    ActionKind.REDACT: 2,
    ActionKind.CONFIRM: 3,
    ActionKind.BLOCK: 4,
}

JOB_MESSAGE = "message"
JOB_FILE = "file"
PRESCREEN_MAX_CHARS = 4000  # longer posts always go through the queue
__all__ = ["JOB_CHOICE", "JOB_EXPIRE", "JOB_FILE", "JOB_MESSAGE", "Pipeline"]


class Pipeline(ConfirmFlow):
    """Runs scan jobs and the confirm resolutions that follow them."""

    # Entry point for the job queue ---------------------------------------------------

    async def handle(self, job: ScanJob) -> None:
        if job.kind in (JOB_MESSAGE, JOB_FILE):
            await self.scan_post(job)
        elif job.kind == JOB_EXPIRE:
            await self.expire(str(job.payload.get("confirm_id", "")))
        elif job.kind == JOB_CHOICE:
            p = job.payload
            consent = p.get("consent")
            await self.choose(
                str(p.get("confirm_id", "")),
                str(p.get("actor", "")),
                str(p.get("choice", "")),
                consent if isinstance(consent, dict) else None,
                channel_id=job.channel_id,
                team_id=job.team_id,
            )
        else:
            log_event(log, logging.WARNING, "unknown job kind", job_id=job.job_id, kind=job.kind)

    async def prescreen_clean(self, job: ScanJob) -> bool:
        """True when a text post can be acknowledged without a job (opt-in, `ack_prescreen_ms`).

        Only a post with no findings at all qualifies: `decide()` does nothing with a clean
        verdict under any policy, so no channel or policy lookup is needed. Anything else (a
        finding, files, a slow or failing scan) is recorded as a job as usual.
        """
        budget = self.s.settings.ack_prescreen_ms
        text = job.payload.get("text")
        if (
            budget <= 0
            or job.kind != JOB_MESSAGE
            or not isinstance(text, str)
            or len(text) > PRESCREEN_MAX_CHARS
        ):
            return False
        try:
            outcome = await asyncio.wait_for(self.s.scanner.scan_text(text), budget / 1000)
        except (TimeoutError, DetectionError):
            return False
        if outcome.result.verdict is not Verdict.CLEAN or outcome.result.findings:
            return False
        metrics.VERDICTS.labels(verdict=str(Verdict.CLEAN), content="text").inc()
        return True

    async def policy_for(
        self, team_id: str, channel_id: str, channel_class: ChannelClass
    ) -> ChannelPolicy:
        policies = self.s.policies
        assert policies is not None
        return effective_policy(
            channel_class,
            await policies.get_policy(team_id, channel_id),
            await policies.get_default_policy(team_id),
        )

    async def scan_post(self, job: ScanJob) -> None:
        p = job.payload
        team, channel = job.team_id, job.channel_id
        channel_class = await self.s.channels.channel_class(team, channel, p.get("channel_type"))
        policy = await self.policy_for(team, channel, channel_class)
        text = str(p.get("text") or "")
        result = ScanResult(verdict=Verdict.CLEAN)
        redacted: str | None = None
        action = Action(kind=ActionKind.NONE)
        content = Content.TEXT
        if text.strip():
            try:
                with metrics.SCAN_LATENCY.labels(content="text").time():
                    outcome = await self.s.scanner.scan_text(text)
                result, redacted = outcome.result, outcome.redacted
                action = decide(result.verdict, channel_class, policy, Content.TEXT)
            except DetectionError:
                content = Content.FAILURE
                action = decide(Verdict.PHI, channel_class, policy, Content.FAILURE)
                log_event(
                    log,
                    logging.ERROR,
                    "detector failed; failure policy applied",
                    job_id=job.job_id,
                    action=str(action.kind),
                )
        files = p.get("files") or []
        outcomes: list[FileOutcome] = []
        if files:
            outcomes = await files_flow.scan_files(self.s, files, team, job.job_id)
            for shared in outcomes:
                metrics.VERDICTS.labels(
                    verdict=str(shared.verdict), content=str(shared.content)
                ).inc()
                file_action = shared.action(channel_class, policy)
                if _SEVERITY[file_action.kind] > _SEVERITY[action.kind]:
                    content, action = shared.content, file_action
        kinds = sorted(set(result.kinds) | {k for o in outcomes for k in o.kinds})
        if text.strip() and content is not Content.FAILURE:
            metrics.VERDICTS.labels(verdict=str(result.verdict), content="text").inc()
        found = Found(result.verdict, kinds)
        removed = await self.carry_out(
            job, action, found, redacted, channel_class, content, policy, outcomes
        )
        if found.verdict is Verdict.CLEAN and action.kind is ActionKind.NONE and not outcomes:
            return  # counted in metrics; the audit trail records findings and actions only
        await self.audit(
            job,
            "scan",
            action=str(action.kind),
            verdict=str(result.verdict),
            result=result,
            kinds=kinds,
            detail={
                "channel_class": str(channel_class),
                "content": str(content),
                "removed": removed,
                "files": len(files),
                "edited": bool(p.get("edited")),
            },
        )
        log_event(
            log,
            logging.INFO,
            "post scanned",
            job_id=job.job_id,
            channel_id=channel,
            verdict=str(result.verdict),
            kinds=kinds,
            action=str(action.kind),
            channel_class=str(channel_class),
            count=len(result.findings) + len(outcomes),
        )

    # Carrying out an Action ------------------------------------------------------------

    async def carry_out(
        self,
        job: ScanJob,
        action: Action,
        found: Found,
        redacted: str | None,
        channel_class: ChannelClass,
        content: Content,
        policy: ChannelPolicy,
        outcomes: list[FileOutcome] | None = None,
    ) -> bool:
        """Do what `action` says; returns whether the original post was removed."""
        outcomes = outcomes or []
        if action.kind is ActionKind.NONE:
            if action.alert_admins:
                await self._alert(
                    job, action, found.kinds, removed=False, reason=AlertReason.DETECTOR_FAILURE
                )
            return False
        p = job.payload
        key, channel, user = job.job_id, job.channel_id, str(p["user"])
        thread_ts = p.get("thread_ts")
        kinds = found.kinds
        gateway = self.s.gateway
        if action.kind is ActionKind.REMIND:
            await self._tell(f"{key}:remind", job, notices.image_reminder(kinds))
            metrics.ACTIONS.labels(action="remind").inc()
            return False
        removed = False
        if action.remove_original:
            removed = await gateway.delete_user_message(channel, str(p["ts"]), team_id=job.team_id)
        can_redact = (
            (redacted is not None) if content is Content.TEXT else any(o.redacted for o in outcomes)
        )
        if action.kind is ActionKind.REDACT and not can_redact:
            action = action.model_copy(update={"kind": ActionKind.BLOCK, "repost_redacted": False})
        msg: Message
        safe_text = redacted if redacted is not None else str(p.get("text") or "")
        if action.kind is ActionKind.REDACT:
            if removed and outcomes:
                await files_flow.upload_outcomes(
                    self.s,
                    f"{key}:repost",
                    job.team_id,
                    channel,
                    thread_ts,
                    outcomes,
                    files_flow.comment(user, safe_text, redacted=True),
                )
                msg = notices.redacted_posted_notice()
            elif removed:
                await self.repost(
                    f"{key}:repost",
                    job.team_id,
                    channel,
                    notices.redact_repost(safe_text, user_id=user),
                    thread_ts,
                    broadcast=bool(p.get("broadcast")),
                )
                msg = notices.redacted_posted_notice()
            else:
                msg = notices.block_notice(kinds, rule=action.rule, removed=False)
        elif action.kind is ActionKind.CONFIRM:
            on_timeout = decide_timeout(channel_class, policy, content).kind
            confirm_id = await self.save_pending(
                job, action, found, redacted, removed, on_timeout, outcomes
            )
            msg = notices.confirm_prompt(
                kinds,
                confirm_id=confirm_id,
                timeout_seconds=action.confirm_timeout_seconds or 600,
                on_timeout=on_timeout,
                removed=removed,
                offer_redacted=can_redact,
                content=content,
                rule=action.rule or "consent",
            )
        elif content is Content.UNSCANNABLE:
            msg = notices.unscannable_notice(action.kind, removed=removed)
        elif content is Content.FAILURE:
            msg = notices.failure_notice(action.kind, removed=removed)
        else:
            offer_id = None
            if action.offer_redacted and removed and any(o.redacted for o in outcomes):
                offer_id = await self.save_pending(
                    job, action, found, redacted, removed, ActionKind.BLOCK, outcomes, offer=True
                )
            msg = notices.block_notice(
                kinds, rule=action.rule, content=content, removed=removed, offer_id=offer_id
            )
        await self._tell(f"{key}:notice", job, msg)
        if not removed:
            await self._alert(job, action, kinds, removed=False, reason=AlertReason.CANNOT_REMOVE)
        elif action.alert_admins:
            reason = (
                AlertReason.DETECTOR_FAILURE if content is Content.FAILURE else AlertReason.EXTERNAL
            )
            await self._alert(job, action, kinds, removed=True, reason=reason)
        metrics.ACTIONS.labels(action=str(action.kind)).inc()
        return removed

    async def _tell(self, key: str, job: ScanJob, msg: Message) -> None:
        """An ephemeral to the poster; one Slack refuses for good (they left) is logged, not retried."""
        p = job.payload
        try:
            await self.s.gateway.ephemeral(
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

    async def _alert(
        self, job: ScanJob, action: Action, kinds: list[str], *, removed: bool, reason: AlertReason
    ) -> None:
        msg = notices.admin_alert(
            channel_id=job.channel_id,
            user_id=str(job.payload.get("user", "")),
            kinds=kinds,
            action=action.kind,
            removed=removed,
            reason=reason,
        )
        try:
            await self.s.gateway.alert_admins(
                f"{job.job_id}:alert", msg["text"], msg["blocks"], team_id=job.team_id
            )
        except SlackGatewayError as exc:
            metrics.FAILURES.labels(stage="gateway").inc()
            log_event(log, logging.ERROR, "admin alert failed", job_id=job.job_id, error=exc.error)

    async def on_job_failed(self, job: ScanJob, error_type: str) -> None:
        """The queue gave up on a job: tell admins, since a post may be unchecked (fail closed)."""
        if job.kind not in (JOB_MESSAGE, JOB_FILE):
            return  # the queue has already counted the failure (`phiwarden_failures_total{stage="job"}`)
        await self._alert(
            job,
            Action(kind=ActionKind.NONE),
            [],
            removed=False,
            reason=AlertReason.DETECTOR_FAILURE,
        )

    # Audit and metrics -----------------------------------------------------------------

    async def audit(
        self,
        job: ScanJob,
        event: str,
        *,
        action: str,
        verdict: str,
        result: ScanResult,
        detail: dict[str, Any],
        kinds: list[str] | None = None,
    ) -> None:
        p = job.payload
        counts: dict[str, int] = {}
        for f in result.findings:
            counts[str(f.kind)] = counts.get(str(f.kind), 0) + 1
        await self.s.store.append(
            AuditEvent(
                team_id=job.team_id,
                channel_id=job.channel_id,
                user_id=str(p.get("user", "")),
                event=event,
                action=action,
                verdict=verdict,
                kinds=tuple(kinds if kinds is not None else result.kinds),
                counts=counts,
                detail={"job_id": job.job_id, **detail},
                message_hash=message_hash(
                    job.team_id, job.channel_id, str(p.get("ts", "")), self._salt()
                ),
                at=self.s.clock(),
            )
        )
