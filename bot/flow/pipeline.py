"""Step 2: from a recorded job to what happens next, dispatched by `JobKind`.

`Pipeline.handle(job)` is what the durable queue's runner calls. For a post it loads the
channel's class and policy, scans the text and files in the warm workers (never on the event
loop), asks the pure `policy.decide()` what to do, has `Enforcer` do it (step 4) and `Auditor`
record it (step 5). Answers to a held post and timeouts go to `Confirms`. The parts are
composed here, each given only the `FlowDeps` and the parts it calls.
"""

from __future__ import annotations

import asyncio
import logging

from bot import metrics
from bot.detect.types import ScanResult, Verdict
from bot.errors import DetectionError
from bot.flow import files as files_flow
from bot.flow.audit import Auditor
from bot.flow.confirms import Confirms, Found
from bot.flow.deps import FlowDeps
from bot.flow.enforce import Enforcer
from bot.flow.feedback import FeedbackFlow
from bot.flow.files import FileOutcome
from bot.flow.kinds import JobKind
from bot.flow.notify import Notifier
from bot.flow.sweep import SweepFlow
from bot.logging import log_event
from bot.messages.notices import AlertReason
from bot.policy import (
    Action,
    ActionKind,
    ChannelClass,
    ChannelPolicy,
    Content,
    decide,
    effective_policy,
)
from bot.store.api import ScanJob

log = logging.getLogger(__name__)

_SEVERITY = {
    ActionKind.NONE: 0,
    ActionKind.REMIND: 1,
    ActionKind.REDACT: 2,
    ActionKind.CONFIRM: 3,
    ActionKind.BLOCK: 4,
}

PRESCREEN_MAX_CHARS = 4000  # longer posts always go through the queue


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
            consent = p.get("consent")
            await self.confirms.choose(
                str(p.get("confirm_id", "")),
                str(p.get("actor", "")),
                str(p.get("choice", "")),
                consent if isinstance(consent, dict) else None,
                channel_id=job.channel_id,
                team_id=job.team_id,
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
        text = str(p.get("text") or "")
        result = ScanResult(verdict=Verdict.CLEAN)
        redacted: str | None = None
        action = Action(kind=ActionKind.NONE)
        content = Content.TEXT
        if text.strip():
            try:
                with metrics.SCAN_LATENCY.labels(content="text").time():
                    outcome = await self.deps.scanner.scan_text(
                        text, await self.deps.vocabulary(team)
                    )
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
            outcomes = await files_flow.scan_files(self.deps, files, team, job.job_id)
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
