"""Step 5: the audit trail. Ids, kinds, counts, scores and actions; never the post itself.

A post is named by a salted hash of its team, channel and timestamp (`message_hash`), so a
compliance officer can tell rows about the same post apart without the trail saying which.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.detect.types import ScanResult
from bot.flow.deps import FlowDeps
from bot.flow.intake import message_hash
from bot.store.api import AuditEvent, PendingConfirm, ScanJob


class Auditor:
    """Appends the audit rows of scans and of confirm outcomes."""

    def __init__(self, deps: FlowDeps) -> None:
        self.deps = deps

    async def job(
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
        """One row for what a job found and did (`kinds` defaults to the text's)."""
        p = job.payload
        counts: dict[str, int] = {}
        for f in result.findings:
            counts[str(f.kind)] = counts.get(str(f.kind), 0) + 1
        now = self.deps.clock()
        extra: dict[str, Any] = {}
        if event == "scan":
            # For the compliance report: who fired (names, no text) and time from post to action.
            extra["recognizers"] = sorted({f.recognizer for f in result.findings if f.recognizer})
            # An edit keeps the original's `ts`: its time since then says nothing about us.
            latency = None if p.get("edited") else post_latency_ms(str(p.get("ts", "")), now)
            if latency is not None:
                extra["latency_ms"] = latency
        await self.deps.store.append(
            AuditEvent(
                team_id=job.team_id,
                channel_id=job.channel_id,
                user_id=str(p.get("user", "")),
                event=event,
                action=action,
                verdict=verdict,
                kinds=tuple(kinds if kinds is not None else result.kinds),
                counts=counts,
                detail={"job_id": job.job_id, **extra, **detail},
                message_hash=message_hash(
                    job.team_id, job.channel_id, str(p.get("ts", "")), self.deps.salt()
                ),
                at=now,
            )
        )

    async def pending(
        self, pending: PendingConfirm, event: str, outcome: str, detail: dict[str, Any]
    ) -> None:
        """One row for how a held post or an offer ended."""
        await self.deps.store.append(
            AuditEvent(
                team_id=pending.team_id,
                channel_id=pending.channel_id,
                user_id=pending.user_id,
                event=event,
                action=outcome,
                kinds=tuple(pending.payload.get("kinds") or ()),
                detail={"confirm_id": pending.confirm_id, "outcome": outcome, **detail},
                message_hash=message_hash(
                    pending.team_id, pending.channel_id, pending.message_ts, self.deps.salt()
                ),
                at=self.deps.clock(),
            )
        )


def post_latency_ms(ts: str, now: datetime) -> int | None:
    """Milliseconds from a Slack message `ts` (epoch seconds) to `now`; None if `ts` is not one."""
    try:
        posted = float(ts)
    except ValueError:
        return None
    if posted <= 0:
        return None
    return max(0, round((now.timestamp() - posted) * 1000))
