"""The job handler: from a recorded scan job to the action Slack sees, audited.

`Pipeline.handle(job)` is what the durable queue's runner calls. For a post it loads the
channel's class and policy, scans the text in the warm workers (never on the event loop),
asks the pure `policy.decide()` what to do, and has the gateway do it. Every Slack side effect
carries an idempotency key made of the job id and the step, so a job that is retried after a
crash never posts twice. Pending confirms keep the post's text only in their own record, until
the poster answers or the sweeper applies the channel's default at the timeout.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bot import files_flow, metrics
from bot.detect.types import ScanResult, Verdict
from bot.errors import DetectionError, SlackGatewayError
from bot.files_flow import FileOutcome
from bot.intake import message_hash
from bot.logging import log_event
from bot.messages import notices
from bot.messages.kit import Message, context, message, section
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
from bot.store.api import AuditEvent, ConsentAttestation, PendingConfirm, ScanJob

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

_SEVERITY = {ActionKind.NONE: 0, ActionKind.REMIND: 1, ActionKind.REDACT: 2,
             ActionKind.CONFIRM: 3, ActionKind.BLOCK: 4}

JOB_MESSAGE = "message"
JOB_FILE = "file"
JOB_EXPIRE = "expire_confirm"
JOB_CHOICE = "confirm_choice"
CHOICES = ("attested", "redacted", "withdrawn", "offer")
OFFER_SECONDS = 3600  # how long a "post the redacted image" button stays good  # a button or modal answer, recorded before the ack like any event


def confirm_id_for(job_id: str) -> str:
    """Deterministic, so a retried job finds the pending confirm it already saved."""
    return "c" + hashlib.sha256(job_id.encode()).hexdigest()[:24]


def stricter(a: Action, b: Action) -> Action:
    return b if _SEVERITY[b.kind] > _SEVERITY[a.kind] else a


@dataclass(frozen=True, slots=True)
class Found:
    """Verdict and kinds of a whole post (text and files), what notices and pending records need."""

    verdict: Verdict
    kinds: list[str]


def restored_post(user: str, text: str) -> Message:
    """The original text back in the channel after a consent attestation, attributed to its author."""
    chunks = [text[i : i + 2900] for i in range(0, len(text), 2900)][:45] or [" "]
    return message(text[:3000], [*(section(c) for c in chunks),
                                 context(f"Posted by <@{user}> · patient consent attested to phiwarden")])


class Pipeline:
    """Runs scan jobs and the confirm resolutions that follow them."""

    def __init__(self, services: Services) -> None:
        self.s = services

    # Entry point for the job queue ---------------------------------------------------

    async def handle(self, job: ScanJob) -> None:
        if job.kind in (JOB_MESSAGE, JOB_FILE):
            await self.scan_post(job)
        elif job.kind == JOB_EXPIRE:
            await self.expire(str(job.payload.get("confirm_id", "")))
        elif job.kind == JOB_CHOICE:
            p = job.payload
            consent = p.get("consent")
            await self.choose(str(p.get("confirm_id", "")), str(p.get("actor", "")), str(p.get("choice", "")),
                              consent if isinstance(consent, dict) else None)
        else:
            log_event(log, logging.WARNING, "unknown job kind", job_id=job.job_id, kind=job.kind)

    async def policy_for(self, team_id: str, channel_id: str, channel_class: ChannelClass) -> ChannelPolicy:
        policies = self.s.policies
        assert policies is not None
        return effective_policy(channel_class, await policies.get_policy(team_id, channel_id),
                                await policies.get_default_policy(team_id))

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
                log_event(log, logging.ERROR, "detector failed; failure policy applied",
                          job_id=job.job_id, action=str(action.kind))
        files = p.get("files") or []
        outcomes: list[FileOutcome] = []
        if files:
            outcomes = await files_flow.scan_files(self.s, files, team, job.job_id)
            for shared in outcomes:
                metrics.VERDICTS.labels(verdict=str(shared.verdict), content=str(shared.content)).inc()
                file_action = shared.action(channel_class, policy)
                if _SEVERITY[file_action.kind] > _SEVERITY[action.kind]:
                    content, action = shared.content, file_action
        kinds = sorted(set(result.kinds) | {k for o in outcomes for k in o.kinds})
        metrics.VERDICTS.labels(verdict=str(result.verdict), content="text").inc()
        found = Found(result.verdict, kinds)
        removed = await self.carry_out(job, action, found, redacted, channel_class, content, policy, outcomes)
        if found.verdict is Verdict.CLEAN and action.kind is ActionKind.NONE and not outcomes:
            return  # counted in metrics; the audit trail records findings and actions only
        await self.audit(job, "scan", action=str(action.kind), verdict=str(result.verdict),
                         result=result, kinds=kinds, detail={"channel_class": str(channel_class),
                                                "content": str(content), "removed": removed,
                                                "files": len(files), "edited": bool(p.get("edited"))})
        log_event(log, logging.INFO, "post scanned", job_id=job.job_id, channel_id=channel,
                  verdict=str(result.verdict), kinds=result.kinds, action=str(action.kind),
                  channel_class=str(channel_class), count=len(result.findings))

    # Carrying out an Action ------------------------------------------------------------

    async def carry_out(self, job: ScanJob, action: Action, found: Found, redacted: str | None,
                        channel_class: ChannelClass, content: Content, policy: ChannelPolicy,
                        outcomes: list[FileOutcome] | None = None) -> bool:
        """Do what `action` says; returns whether the original post was removed."""
        outcomes = outcomes or []
        if action.kind is ActionKind.NONE:
            if action.alert_admins:
                await self._alert(job, action, found.kinds, removed=False, reason=AlertReason.DETECTOR_FAILURE)
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
        can_redact = (redacted is not None) if content is Content.TEXT else any(o.redacted for o in outcomes)
        if action.kind is ActionKind.REDACT and not can_redact:
            action = action.model_copy(update={"kind": ActionKind.BLOCK, "repost_redacted": False})
        msg: Message
        safe_text = redacted if redacted is not None else str(p.get("text") or "")
        if action.kind is ActionKind.REDACT:
            if removed and outcomes:
                await files_flow.upload_outcomes(self.s, f"{key}:repost", job.team_id, channel, thread_ts,
                                                 outcomes, files_flow.comment(user, safe_text, redacted=True))
                msg = notices.redacted_posted_notice()
            elif removed:
                await self.repost(f"{key}:repost", job.team_id, channel,
                                  notices.redact_repost(safe_text, user_id=user), thread_ts,
                                  broadcast=bool(p.get("broadcast")))
                msg = notices.redacted_posted_notice()
            else:
                msg = notices.block_notice(kinds, rule=action.rule, removed=False)
        elif action.kind is ActionKind.CONFIRM:
            on_timeout = decide_timeout(channel_class, policy, content).kind
            confirm_id = await self.save_pending(job, action, found, redacted, removed, on_timeout, outcomes)
            msg = notices.confirm_prompt(
                kinds, confirm_id=confirm_id, timeout_seconds=action.confirm_timeout_seconds or 600,
                on_timeout=on_timeout, removed=removed,
                offer_redacted=can_redact, content=content,
                rule=action.rule or "consent")
        elif content is Content.UNSCANNABLE:
            msg = notices.unscannable_notice(action.kind, removed=removed)
        elif content is Content.FAILURE:
            msg = notices.failure_notice(action.kind, removed=removed)
        else:
            offer_id = None
            if action.offer_redacted and removed and any(o.redacted for o in outcomes):
                offer_id = await self.save_pending(job, action, found, redacted, removed, ActionKind.BLOCK,
                                                   outcomes, offer=True)
            msg = notices.block_notice(kinds, rule=action.rule, content=content, removed=removed,
                                       offer_id=offer_id)
        await self._tell(f"{key}:notice", job, msg)
        if not removed:
            await self._alert(job, action, kinds, removed=False, reason=AlertReason.CANNOT_REMOVE)
        elif action.alert_admins:
            reason = AlertReason.DETECTOR_FAILURE if content is Content.FAILURE else AlertReason.EXTERNAL
            await self._alert(job, action, kinds, removed=True, reason=reason)
        metrics.ACTIONS.labels(action=str(action.kind)).inc()
        return removed

    async def _tell(self, key: str, job: ScanJob, msg: Message) -> None:
        """An ephemeral to the poster; one Slack refuses for good (they left) is logged, not retried."""
        p = job.payload
        try:
            await self.s.gateway.ephemeral(key, job.channel_id, str(p["user"]), msg["text"], msg["blocks"],
                                           thread_ts=p.get("thread_ts"), team_id=job.team_id)
        except SlackGatewayError as exc:
            if not is_permanent(exc):
                raise
            log_event(log, logging.WARNING, "poster notice not delivered", job_id=job.job_id, error=exc.error)

    async def _tell_pending(self, key: str, pending: PendingConfirm, msg: Message) -> None:
        await self.s.gateway.ephemeral(key, pending.channel_id, pending.user_id, msg["text"], msg["blocks"],
                                       thread_ts=pending.thread_ts, team_id=pending.team_id)

    async def repost(self, key: str, team_id: str, channel: str, msg: Message, thread_ts: str | None,
                     *, broadcast: bool = False) -> str | None:
        """Post `msg` in the original's place (same channel and thread)."""
        return await self.s.gateway.post(key, channel, msg["text"], msg["blocks"], thread_ts=thread_ts,
                                         team_id=team_id, reply_broadcast=broadcast)

    async def _alert(self, job: ScanJob, action: Action, kinds: list[str], *, removed: bool,
                     reason: AlertReason) -> None:
        msg = notices.admin_alert(channel_id=job.channel_id, user_id=str(job.payload.get("user", "")),
                                  kinds=kinds, action=action.kind, removed=removed, reason=reason)
        try:
            await self.s.gateway.alert_admins(f"{job.job_id}:alert", msg["text"], msg["blocks"],
                                              team_id=job.team_id)
        except SlackGatewayError as exc:
            metrics.FAILURES.labels(stage="gateway").inc()
            log_event(log, logging.ERROR, "admin alert failed", job_id=job.job_id, error=exc.error)

    async def on_job_failed(self, job: ScanJob, error_type: str) -> None:
        """The queue gave up on a job: tell admins, since a post may be unchecked (fail closed)."""
        if job.kind not in (JOB_MESSAGE, JOB_FILE):
            return
        metrics.FAILURES.labels(stage="job").inc()
        await self._alert(job, Action(kind=ActionKind.NONE), [], removed=False,
                          reason=AlertReason.DETECTOR_FAILURE)

    # Pending confirms ------------------------------------------------------------------

    async def save_pending(self, job: ScanJob, action: Action, found: Found, redacted: str | None,
                           removed: bool, on_timeout: ActionKind, outcomes: list[FileOutcome] | None = None,
                           *, offer: bool = False) -> str:
        """Keep what an answer needs (text, file URLs) until the poster answers or time runs out."""
        confirm_id = ("o" if offer else "") + confirm_id_for(job.job_id)
        if await self.s.store.get_pending(confirm_id) is not None:
            return confirm_id
        p = job.payload
        timeout = OFFER_SECONDS if offer else (action.confirm_timeout_seconds or 600)
        await self.s.store.save_pending(PendingConfirm(
            confirm_id=confirm_id, team_id=job.team_id, channel_id=job.channel_id,
            user_id=str(p["user"]), message_ts=str(p["ts"]), thread_ts=p.get("thread_ts"),
            expires_at=self.s.clock() + timedelta(seconds=timeout),
            payload={"text": p.get("text") if removed else None,
                     "redacted": (redacted if redacted is not None else p.get("text")) if removed else None,
                     "kinds": found.kinds, "removed": removed, "broadcast": bool(p.get("broadcast")),
                     "on_timeout": str(on_timeout), "job_id": job.job_id, "offer": offer,
                     "files": [o.meta() for o in outcomes or [] if o.content is Content.IMAGE] if removed else []},
        ))
        return confirm_id

    async def choose(self, confirm_id: str, actor: str, choice: str,
                     consent: dict[str, Any] | None = None) -> None:
        """The poster's answer to a confirm prompt: attested, redacted, or withdrawn."""
        if choice not in CHOICES:
            log_event(log, logging.WARNING, "unknown confirm choice", confirm_id=confirm_id)
            return
        pending = await self.s.store.get_pending(confirm_id)
        if pending is None or pending.user_id != actor:
            # Someone else's (or a forged) confirm id: refuse without saying whose it is.
            log_event(log, logging.WARNING, "confirm answer refused", confirm_id=confirm_id,
                      actor=actor, reason="not_found_or_not_poster")
            return
        resolved = await self.s.store.resolve_pending(confirm_id, choice, actor)
        if resolved is None:
            await self._tell_pending(f"{confirm_id}:{choice}:late", pending, notices.already_resolved_notice())
            return
        if choice == "attested":
            consent = consent or {}
            await self.attested(resolved, str(consent.get("intended_use", "")),
                                tuple(consent.get("points") or ()), bool(consent.get("channel_approved")))
        elif choice in ("redacted", "offer"):
            await self._restore(resolved, redacted=True)
            await self._audit_pending(resolved, "confirm", "redacted", {})
        elif choice == "withdrawn":
            await self._tell_pending(f"{confirm_id}:withdrawn", resolved, notices.withdrawn_notice())
            await self._audit_pending(resolved, "confirm", "withdrawn", {})
        metrics.ACTIONS.labels(action=f"confirm_{choice}").inc()

    async def attested(self, pending: PendingConfirm, intended_use: str, points: tuple[str, ...],
                       channel_approved: bool) -> None:
        """Restore the hidden post after a complete attestation; the attestation is audited."""
        attestation = ConsentAttestation(
            attestation_id="a" + pending.confirm_id[1:], team_id=pending.team_id,
            channel_id=pending.channel_id, user_id=pending.user_id, confirm_id=pending.confirm_id,
            points=points, intended_use=intended_use, channel_approved=channel_approved, at=self.s.clock(),
        )
        record = getattr(self.s.store, "record_attestation", None)
        if callable(record):
            await record(attestation)
        else:
            await self._audit_pending(pending, "consent", "attested",
                                      {"intended_use": intended_use, "count": len(points)})
        await self._restore(pending, redacted=False)

    async def _restore(self, pending: PendingConfirm, *, redacted: bool) -> None:
        p = pending.payload
        text = p.get("redacted") if redacted else p.get("text")
        if p.get("removed") and p.get("files"):
            await files_flow.upload_copies(self.s, f"{pending.confirm_id}:restore", pending.team_id,
                                           pending.channel_id, pending.thread_ts, list(p["files"]),
                                           files_flow.comment(pending.user_id, str(text or ""), redacted=redacted),
                                           redacted=redacted)
        elif p.get("removed") and isinstance(text, str) and text:
            msg = (notices.redact_repost(text, user_id=pending.user_id) if redacted
                   else restored_post(pending.user_id, text))
            await self.repost(f"{pending.confirm_id}:restore", pending.team_id, pending.channel_id, msg,
                              pending.thread_ts, broadcast=bool(p.get("broadcast")))
        done = notices.redacted_posted_notice() if redacted else notices.restored_notice()
        await self._tell_pending(f"{pending.confirm_id}:restored", pending, done)

    async def expire(self, confirm_id: str) -> None:
        """No answer in time: the channel's default applies (kept removed, or a redacted copy)."""
        pending = await self.s.store.resolve_pending(confirm_id, "expired", "timeout")
        if pending is None:
            return
        if pending.payload.get("offer"):
            return  # an unused offer of a redacted copy simply lapses
        applied = ActionKind(pending.payload.get("on_timeout") or ActionKind.BLOCK)
        if applied is ActionKind.REDACT and pending.payload.get("redacted"):
            p = pending.payload
            await self.repost(f"{confirm_id}:restore", pending.team_id, pending.channel_id,
                              notices.redact_repost(str(p["redacted"]), user_id=pending.user_id),
                              pending.thread_ts, broadcast=bool(p.get("broadcast")))
        else:
            applied = ActionKind.BLOCK
        await self._tell_pending(f"{confirm_id}:expired", pending, notices.timed_out_notice(applied))
        await self._audit_pending(pending, "confirm", "expired", {"action": str(applied)})
        metrics.ACTIONS.labels(action="confirm_expired").inc()

    async def sweep(self) -> int:
        """Queue an expiry job for each pending confirm past its timeout; returns how many."""
        queued = 0
        for pending in await self.s.store.expired(self.s.clock()):
            job = ScanJob(job_id=f"expire:{pending.confirm_id}", team_id=pending.team_id,
                          channel_id=pending.channel_id, kind=JOB_EXPIRE,
                          payload={"confirm_id": pending.confirm_id})
            if await self.s.queue.enqueue(job):
                queued += 1
        return queued

    # Audit and metrics -----------------------------------------------------------------

    async def audit(self, job: ScanJob, event: str, *, action: str, verdict: str, result: ScanResult,
                    detail: dict[str, Any], kinds: list[str] | None = None) -> None:
        p = job.payload
        counts: dict[str, int] = {}
        for f in result.findings:
            counts[str(f.kind)] = counts.get(str(f.kind), 0) + 1
        await self.s.store.append(AuditEvent(
            team_id=job.team_id, channel_id=job.channel_id, user_id=str(p.get("user", "")), event=event,
            action=action, verdict=verdict, kinds=tuple(kinds if kinds is not None else result.kinds),
            counts=counts,
            detail={"job_id": job.job_id, **detail},
            message_hash=message_hash(job.team_id, job.channel_id, str(p.get("ts", "")), self._salt()),
            at=self.s.clock(),
        ))

    async def _audit_pending(self, pending: PendingConfirm, event: str, outcome: str,
                             detail: dict[str, Any]) -> None:
        await self.s.store.append(AuditEvent(
            team_id=pending.team_id, channel_id=pending.channel_id, user_id=pending.user_id, event=event,
            action=outcome, kinds=tuple(pending.payload.get("kinds") or ()),
            detail={"confirm_id": pending.confirm_id, "outcome": outcome, **detail},
            message_hash=message_hash(pending.team_id, pending.channel_id, pending.message_ts, self._salt()),
            at=self.s.clock(),
        ))

    def _salt(self) -> str:
        return self.s.settings.token_encryption_key or self.s.settings.slack_signing_secret or ""
