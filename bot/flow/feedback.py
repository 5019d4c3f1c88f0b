"""False-positive reports: "This isn't patient information" on a notice, recorded as a job.

Only the poster the notice was about may report it, once; the workspace and the poster come
from the scan's own audit row (looked up by the job id the button carries, in the workspace the
click came from), so a crafted click cannot report another workspace's or another person's
post. The report is audited (`false_positive`, with the kinds and the recognizers that fired),
counted per recognizer in `/metrics`, sent to the workspace's alert destination, and the poster
is thanked. No text is read or sent anywhere.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot import metrics
from bot.errors import SlackGatewayError
from bot.logging import log_event, safe_value
from bot.messages import feedback
from bot.store.api import AuditEvent, ScanJob

if TYPE_CHECKING:
    from bot.flow.deps import FlowDeps

log = logging.getLogger(__name__)

JOB_FALSE_POSITIVE = "false_positive"
# A click can beat the scan's audit row by a moment: look again a few times, then give up.
LOOKUP_ATTEMPTS = 3


class ScanNotAuditedYet(LookupError):
    """The scan's audit row is not there (yet): the job queue tries again shortly."""


def report_job(team_id: str, channel_id: str, actor: str, scan_job_id: str) -> ScanJob:
    return ScanJob(
        job_id=f"fp:{scan_job_id}:{actor}"[:255],
        team_id=team_id,
        channel_id=channel_id,
        kind=JOB_FALSE_POSITIVE,
        payload={"scan_job_id": scan_job_id, "actor": actor},
    )


class FeedbackFlow:
    def __init__(self, deps: FlowDeps) -> None:
        self.deps = deps

    async def report(self, job: ScanJob) -> None:
        scan_job_id = str(job.payload.get("scan_job_id") or "")
        actor = str(job.payload.get("actor") or "")
        row = (
            await self.deps.store.find_scan_event(job.team_id, scan_job_id) if scan_job_id else None
        )
        if row is None:
            if job.attempts < LOOKUP_ATTEMPTS:
                raise ScanNotAuditedYet("no scan audit row for this job yet")
            log_event(
                log, logging.WARNING, "false-positive report for no known scan", job_id=job.job_id
            )
            return
        if row["user_id"] != actor:
            log_event(
                log,
                logging.WARNING,
                "false-positive report refused: not the poster",
                job_id=job.job_id,
                user_id=actor,
            )
            return
        if await self.deps.store.get_action(f"{job.job_id}:audit") is not None:
            return  # reported before: one report per post and person
        detail: dict[str, Any] = row.get("detail") or {}
        kinds = [str(k) for k in row.get("kinds") or []]
        fired = safe_value(detail.get("recognizers") or [])
        recognizers = [str(r) for r in fired] if isinstance(fired, list) else []
        channel = str(row["channel_id"])
        await self.deps.store.append(
            AuditEvent(
                team_id=job.team_id,
                channel_id=channel,
                user_id=actor,
                event="false_positive",
                action="report",
                verdict=str(row.get("verdict") or ""),
                kinds=tuple(kinds),
                detail={"job_id": scan_job_id, "recognizers": recognizers},
                message_hash=str(row.get("message_hash") or ""),
                at=self.deps.clock(),
            )
        )
        await self.deps.store.record_action(f"{job.job_id}:audit", {"ok": True})
        for recognizer in recognizers or ["unknown"]:
            metrics.FALSE_POSITIVES.labels(recognizer=recognizer).inc()
        alert = feedback.admin_report(
            channel_id=channel, user_id=actor, kinds=kinds, recognizers=recognizers
        )
        await self.deps.gateway.alert_admins(
            f"{job.job_id}:alert", alert["text"], alert["blocks"], team_id=job.team_id
        )
        thanks = feedback.thanks()
        try:
            await self.deps.gateway.ephemeral(
                f"{job.job_id}:thanks",
                channel,
                actor,
                thanks["text"],
                thanks["blocks"],
                team_id=job.team_id,
            )
        except SlackGatewayError as exc:  # the report stands; the thanks is a courtesy
            log_event(
                log, logging.WARNING, "thanks not delivered", job_id=job.job_id, error=exc.error
            )
