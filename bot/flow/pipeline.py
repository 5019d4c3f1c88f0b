"""Step 2: from a recorded job to what happens next, dispatched by `JobKind`.

`Pipeline.handle(job)` is what the durable queue's runner calls. For a post it loads the
channel's class and policy, scans the text and files in the warm workers (never on the event
loop), asks the pure `policy.decide()` what to do, has `Enforcer` do it (step 4) and `Auditor`
record it (step 5). Answers to a held post and timeouts go to `Confirms`. The parts are
composed here, each given only the `FlowDeps` and the parts it calls.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging

from bot import metrics
from bot.detect.redact import redact_text
from bot.detect.types import MAX_SCAN_CHARS, Finding, ScanResult, Verdict
from bot.errors import DetectionError
from bot.flow import files as files_flow
from bot.flow.audit import Auditor
from bot.flow.confirms import Confirms, Found
from bot.flow.deps import FlowDeps
from bot.flow.enforce import Enforcer
from bot.flow.feedback import FeedbackFlow
from bot.flow.files import FileOutcome
from bot.flow.intake import job_parts
from bot.flow.kinds import JobKind
from bot.flow.notify import Notifier
from bot.flow.sweep import SweepFlow
from bot.logging import log_event
from bot.messages.admin_alerts import AlertReason
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
from bot.slack.content import FILE_NAME, SETTING_ORIGINS, Document, message_text
from bot.store.api import ScanJob
from bot.store.sealed import UNREADABLE

log = logging.getLogger(__name__)

_SEVERITY = {
    ActionKind.NONE: 0,
    ActionKind.REMIND: 1,
    ActionKind.REDACT: 2,
    ActionKind.CONFIRM: 3,
    ActionKind.BLOCK: 4,
}

PRESCREEN_MAX_CHARS = 4000  # longer posts always go through the queue


def _for_app_post(action: Action, on_timeout: Action) -> Action:
    """What to do with an app's post (a workflow form, an integration relaying a person's words).

    No one can answer a consent prompt or a redaction offer for it, so `confirm` applies the
    channel's expiry action at once rather than holding the post for a reply that never comes;
    and as the poster cannot be told, admins are alerted of every action taken.
    """
    if action.kind is ActionKind.NONE:
        return action
    if action.kind is ActionKind.CONFIRM:
        action = on_timeout
    return action.model_copy(
        update={"alert_admins": True, "offer_redacted": False, "offer_override": False}
    )


class Pipeline:
    """Runs scan jobs and the confirm resolutions that follow them."""

    def __init__(self, deps: FlowDeps) -> None:
        self.deps = deps
        self.audit = Auditor(deps)
        self.notify = Notifier(deps)
        self.confirms = Confirms(deps, self.notify, self.audit)
        self.enforce = Enforcer(deps, self.notify, self.confirms)
        self.sweeps = SweepFlow(deps, self.policy_for)
        self.feedback = FeedbackFlow(deps)

    async def handle(self, job: ScanJob) -> None:
        """Run one job (the queue's handler); raising lets the queue retry it."""
        try:
            kind = JobKind(job.kind)
        except ValueError:
            log_event(log, logging.WARNING, "unknown job kind", job_id=job.job_id, kind=job.kind)
            return
        if kind.is_post:
            await self.scan_post(job)
        elif kind is JobKind.SWEEP:
            await self.sweeps.run(job)
        elif kind is JobKind.FALSE_POSITIVE:
            await self.feedback.report(job)
        elif kind is JobKind.EXPIRE:
            await self.confirms.expire(str(job.payload.get("confirm_id", "")))
        else:
            p = job.payload
            consent, justification = p.get("consent"), p.get("justification")
            await self.confirms.choose(
                str(p.get("confirm_id", "")),
                str(p.get("actor", "")),
                str(p.get("choice", "")),
                consent if isinstance(consent, dict) else None,
                channel_id=job.channel_id,
                team_id=job.team_id,
                justification=justification if isinstance(justification, dict) else None,
            )

    async def prescreen_clean(self, job: ScanJob) -> bool:
        """True when a text post can be acknowledged without a job (opt-in, `ack_prescreen_ms`).

        Only a post with no findings at all qualifies: `decide()` does nothing with a clean
        verdict under any policy, so no channel or policy lookup is needed. Anything else (a
        finding, files, a slow or failing scan) is recorded as a job as usual.
        """
        budget = self.deps.settings.ack_prescreen_ms
        text = job.payload.get("text")
        if (
            budget <= 0
            or job.kind != JobKind.MESSAGE
            or not isinstance(text, str)
            or len(text) > PRESCREEN_MAX_CHARS
        ):
            return False
        try:
            vocabulary = await self.deps.vocabulary(job.team_id)
            # No staff directory here: a member's name is still a finding, so it could never
            # make a post qualify, and fetching `users.list` must not hold up the ack.
            outcome = await asyncio.wait_for(
                self.deps.scanner.scan_text(text, vocabulary), budget / 1000
            )
        except (TimeoutError, DetectionError):
            return False
        if outcome.result.verdict is not Verdict.CLEAN or outcome.result.findings:
            return False
        metrics.VERDICTS.labels(verdict=str(Verdict.CLEAN), content="text").inc()
        await self.deps.store.tally_scanned(job.team_id, self.deps.clock())
        return True

    async def policy_for(
        self, team_id: str, channel_id: str, channel_class: ChannelClass
    ) -> ChannelPolicy:
        policies = self.deps.policies
        return effective_policy(
            channel_class,
            await policies.get_policy(team_id, channel_id),
            await policies.get_default_policy(team_id),
        )

    async def scan_post(self, job: ScanJob) -> None:
        p = job.payload
        team, channel = job.team_id, job.channel_id
        channel_class = await self.deps.channels.channel_class(
            team, channel, p.get("channel_type"), ext_shared=p.get("ext_shared")
        )
        policy = await self.policy_for(team, channel, channel_class)
        doc = Document.of(job_parts(p))
        text = doc.text
        result = ScanResult(verdict=Verdict.CLEAN)
        safe: SafeCopy | None = None
        action = Action(kind=ActionKind.NONE)
        content = Content.TEXT
        # More than one scan reads (`MAX_SCAN_CHARS`, the one limit `bot.scan_pool.analyse`
        # enforces too): the failure action, reported as too long rather than a checker fault.
        too_long = len(text) > MAX_SCAN_CHARS
        if p.get(UNREADABLE) or text.strip():
            try:
                if p.get(UNREADABLE):
                    # Sealed under a key this process lacks (a worker started without the
                    # deployment's TOKEN_ENCRYPTION_KEY / SLACK_SIGNING_SECRET): never "empty".
                    raise DetectionError("held post cannot be decrypted here")
                if too_long:
                    raise DetectionError("post longer than one scan reads")
                with metrics.SCAN_LATENCY.labels(content="text").time():
                    outcome = await self.deps.scanner.scan_text(
                        text, await self.deps.vocabulary(team), await self.deps.staff(team)
                    )
                result = outcome.result
                safe = safe_copy(doc, result.findings) if result.findings else None
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
                    count=len(text),
                )
        redacted = None if safe is None else safe.setting if p.get("setting") else safe.text
        if p.get("setting") and action.kind in (ActionKind.REDACT, ActionKind.CONFIRM):
            # A topic or purpose is no post: there is no copy to repost and no consent route
            # for a channel header. Remove the announcement and alert admins instead.
            action = action.model_copy(
                update={
                    "kind": ActionKind.BLOCK,
                    "remove_original": True,
                    "repost_redacted": False,
                    "alert_admins": True,
                }
            )
        elif p.get("setting") and action.kind is ActionKind.BLOCK:
            action = action.model_copy(update={"alert_admins": True})
        files = p.get("files") or []
        outcomes: list[FileOutcome] = []
        if files:
            outcomes = await files_flow.scan_files(self.deps, files, team, job.job_id)
            names = safe.file_names if safe is not None else {}
            outcomes = [
                dataclasses.replace(o, safe_name=names.get(i, o.name))
                for i, o in enumerate(outcomes)
            ]
            for shared in outcomes:
                metrics.VERDICTS.labels(
                    verdict=str(shared.verdict), content=str(shared.content)
                ).inc()
                file_action = shared.action(channel_class, policy)
                if _SEVERITY[file_action.kind] > _SEVERITY[action.kind]:
                    content, action = shared.content, file_action
        if p.get("from_app"):
            action = _for_app_post(action, decide_timeout(channel_class, policy, content))
        kinds = sorted(set(result.kinds) | {k for o in outcomes for k in o.kinds})
        if text.strip() and content is not Content.FAILURE:
            metrics.VERDICTS.labels(verdict=str(result.verdict), content="text").inc()
        found = Found(result.verdict, kinds, too_long=too_long and content is Content.FAILURE)
        await self.deps.store.tally_scanned(team, self.deps.clock())
        removed = await self.enforce.carry_out(
            job, action, found, redacted, channel_class, content, policy, outcomes
        )
        if found.verdict is Verdict.CLEAN and action.kind is ActionKind.NONE and not outcomes:
            return  # counted in metrics; the audit trail records findings and actions only
        await self.audit.job(
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
                # Where in the post the findings were (text, blocks, attachment, file_name, ...).
                "origins": doc.origins((f.start, f.end) for f in result.findings),
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

    async def on_job_failed(self, job: ScanJob, error_type: str) -> None:
        """The queue gave up on a job: tell admins, since a post may be unchecked (fail closed)."""
        if job.kind not in (JobKind.MESSAGE, JobKind.FILE):
            return  # the queue has already counted the failure (`phiwarden_failures_total{stage="job"}`)
        await self.notify.alert(
            job,
            Action(kind=ActionKind.NONE),
            [],
            removed=False,
            reason=AlertReason.UNFINISHED,  # not "detector failure": we do not know which part failed
        )


@dataclasses.dataclass(frozen=True, slots=True)
class SafeCopy:
    """The de-identified post: its message text, a safe name for each file by index, and the
    de-identified value of a topic or purpose change (what the header may show instead)."""

    text: str
    file_names: dict[int, str]
    setting: str = ""


def safe_copy(doc: Document, findings: tuple[Finding, ...] | list[Finding]) -> SafeCopy:
    """Redact each part with the findings that fall in it (a finding that crosses parts is cut
    into each), so no part of the repost, and no reposted file's name, keeps an identifier."""
    per_part: dict[int, list[Finding]] = {}
    for f in findings:
        for index, start, end in doc.split(f.start, f.end):
            per_part.setdefault(index, []).append(dataclasses.replace(f, start=start, end=end))
    parts = [
        dataclasses.replace(part, text=redact_text(part.shown, per_part[i]), raw=None)
        if i in per_part
        else part
        for i, part in enumerate(doc.parts)
    ]
    names = {p.file: p.shown for p in parts if p.origin == FILE_NAME and p.file is not None}
    setting = "".join(p.shown for p in parts if p.origin in SETTING_ORIGINS)
    return SafeCopy(message_text(parts), names, setting)
