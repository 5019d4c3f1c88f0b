"""History sweeps: scan a channel's past posts, threads and files, paced to Slack's limits.

A sweep (`/phi sweep [30d] [apply]`, or the bot joining a channel) is a row in `sweeps` plus
one durable job per Web API page (`bot.store.sweeps` explains the `seq` that makes a re-run
harmless). Each job reads one page of `conversations.history` (then `conversations.replies`
for each thread it found), scans the posts and files, saves the cursor and counts, updates the
one progress message and enqueues the next page `sweep_interval_seconds` later.

Pacing follows Slack's changelog "Rate limit changes for non-Marketplace apps" (2025-05-29,
api.slack.com/changelog/2025-05-terms-rate-limit-update-and-faq): for apps not approved for
the Slack Marketplace, `conversations.history` and `conversations.replies` are Tier 1, one
request a minute, and `limit` is at most (and by default) 15. Those are the defaults
(`SWEEP_PAGE_SIZE=15`, `SWEEP_INTERVAL_SECONDS=60`); a Marketplace app may raise them. A 429
is not waited out in a worker: the page is rescheduled after Slack's `Retry-After`.

Report-only (the default) counts and lists what it found; `apply` also records a normal scan
job for each post with findings, so the channel's policy acts on it exactly as on a new post
(audited there). The progress message and the summary go to the workspace's alert
channel (`/phi alerts`, else the deployment's `ADMIN_ALERT_CHANNEL`; else the admin who asked,
by DM) and hold counts, kinds and links, never text.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot import metrics
from bot.detect.types import Verdict
from bot.errors import DetectionError, SlackGatewayError, SlackRateLimited
from bot.flow import files as files_flow
from bot.flow.intake import Skip, job_from_event
from bot.logging import log_event
from bot.messages import sweep as sweep_messages
from bot.policy import ActionKind, ChannelClass, ChannelPolicy, Content, decide
from bot.slack.gateway import is_permanent
from bot.store.api import AuditEvent, ScanJob, Sweep

if TYPE_CHECKING:
    from bot.flow.deps import FlowDeps

log = logging.getLogger(__name__)

JOB_SWEEP = "sweep"  # bot.flow.kinds.JobKind.SWEEP
PolicyFor = Callable[[str, str, ChannelClass], Awaitable[ChannelPolicy]]
MODES = ("report", "apply")
MAX_DAYS = 365
MAX_HITS = 50  # posts listed in the summary (ids and kinds); the counts go on beyond
_CURSOR = re.compile(r"^[A-Za-z0-9+/=_\-]{0,512}$")
# Refusals that no retry can mend: the sweep ends and says why.
_FINAL_ERRORS = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "missing_scope",
        "not_authed",
        "invalid_auth",
        "account_inactive",
        "token_revoked",
        "is_archived",
    }
)


@dataclass(frozen=True, slots=True)
class Page:
    """One Web API page: the messages, the next cursor ("" on the last page)."""

    messages: list[dict[str, Any]]
    cursor: str


def new_state(destination: str) -> dict[str, Any]:
    return {
        "phase": "history",
        "cursor": "",
        "threads": [],
        "reply_cursor": "",
        "scanned": 0,
        "found": 0,
        "acted": 0,
        "pages": 0,
        "rate_limited": 0,
        "kinds": {},
        "hits": [],
        "destination": destination,
        "progress_ts": "",
        "error": "",
    }


class SweepFlow:
    """Starts sweeps and runs their page jobs (see the module docstring)."""

    def __init__(self, deps: FlowDeps, policy_for: PolicyFor) -> None:
        self.deps = deps
        self.policy_for = policy_for

    # Starting -------------------------------------------------------------------------

    async def start(
        self, team_id: str, channel_id: str, actor: str, *, days: int = 30, mode: str = "report"
    ) -> tuple[Sweep, bool]:
        """Record a sweep and its first page job; (the sweep, False) if one is already running."""
        if mode not in MODES:
            raise ValueError(f"sweep mode must be one of {MODES}")
        days = max(1, min(MAX_DAYS, days))
        running = await self.deps.store.running_sweep(team_id, channel_id)
        if running is not None:
            return running, False
        oldest = (self.deps.clock() - timedelta(days=days)).timestamp()
        destination = await self._destination(team_id, actor)
        sweep = Sweep(
            sweep_id="s" + uuid.uuid4().hex[:24],
            team_id=team_id,
            channel_id=channel_id,
            requested_by=actor,
            mode=mode,
            oldest=f"{oldest:.6f}",
            status="running",
            seq=0,
            state=new_state(destination),
        )
        await self.deps.store.create_sweep(sweep)
        await self._audit(sweep, "start", sweep.state)
        await self._enqueue(sweep, 0)
        return sweep, True

    async def _destination(self, team_id: str, actor: str) -> str:
        """The workspace's alert channel (`/phi alerts`, else the deployment's default), or a
        DM to the admin who asked when alerts go to people rather than a channel: the progress
        message is updated in place, and `chat.update` needs the conversation it was posted in."""
        for target in await self.deps.gateway.alert_targets(team_id):
            if target[:1] in ("C", "G"):
                return target
        return actor

    async def _enqueue(self, sweep: Sweep, seq: int, delay: float = 0.0) -> None:
        job = ScanJob(
            job_id=f"sweep:{sweep.sweep_id}:{seq}",
            team_id=sweep.team_id,
            channel_id=sweep.channel_id,
            kind=JOB_SWEEP,
            payload={"sweep_id": sweep.sweep_id, "seq": seq},
        )
        await self.deps.record(job, delay)

    # One page -------------------------------------------------------------------------

    async def run(self, job: ScanJob) -> None:
        sweep = await self.deps.store.get_sweep(str(job.payload.get("sweep_id", "")))
        seq = int(job.payload.get("seq", -1))
        if sweep is None or sweep.status != "running":
            return
        if sweep.seq != seq:
            if sweep.seq == seq + 1:  # we saved, then died before enqueuing: make sure it exists
                await self._enqueue(sweep, sweep.seq, self.deps.settings.sweep_interval_seconds)
            return
        state = dict(sweep.state)
        if not state.get("progress_ts"):
            state["progress_ts"] = await self._post_progress(sweep, state)
        try:
            page = await self._read(sweep, state)
        except SlackRateLimited as exc:
            state["rate_limited"] = int(state.get("rate_limited", 0)) + 1
            metrics.RETRIES.labels(stage="sweep").inc()
            log_event(
                log,
                logging.INFO,
                "sweep page rate limited; rescheduled",
                job_id=job.job_id,
                delay_s=exc.retry_after,
            )
            if await self.deps.store.advance_sweep(sweep.sweep_id, seq, state):
                await self._enqueue(sweep, seq + 1, exc.retry_after or 60.0)
            return
        except SlackGatewayError as exc:
            if exc.error not in _FINAL_ERRORS:
                raise  # transient: the job queue retries this same page
            state["error"] = exc.error
            await self._finish(sweep, seq, state, status="failed")
            return
        await self._scan_page(sweep, state, page)
        self._advance_cursor(state, page)
        if state["phase"] == "done":
            await self._finish(sweep, seq, state, status="done")
            return
        if await self.deps.store.advance_sweep(sweep.sweep_id, seq, state):
            await self._update_progress(sweep, state)
            await self._enqueue(sweep, seq + 1, self.deps.settings.sweep_interval_seconds)

    async def _read(self, sweep: Sweep, state: dict[str, Any]) -> Page:
        limit = str(self.deps.settings.sweep_page_size)
        args: dict[str, Any] = {"channel": sweep.channel_id, "oldest": sweep.oldest, "limit": limit}
        if state["phase"] == "history":
            method = "conversations.history"
            cursor = str(state.get("cursor") or "")
        else:
            method = "conversations.replies"
            args["ts"] = state["threads"][0]
            cursor = str(state.get("reply_cursor") or "")
        if cursor:
            args["cursor"] = cursor
        data = await self.deps.gateway.read_page(method, team_id=sweep.team_id, **args)
        state["pages"] = int(state.get("pages", 0)) + 1
        next_cursor = str((data.get("response_metadata") or {}).get("next_cursor") or "")
        if not _CURSOR.match(next_cursor):
            next_cursor = ""  # not a Slack cursor: stop here rather than store it
        messages = [m for m in data.get("messages") or [] if isinstance(m, dict)]
        return Page(messages, next_cursor)

    def _advance_cursor(self, state: dict[str, Any], page: Page) -> None:
        if state["phase"] == "history":
            state["cursor"] = page.cursor
            if not page.cursor:
                state["phase"] = "replies" if state["threads"] else "done"
            return
        state["reply_cursor"] = page.cursor
        if not page.cursor:
            state["threads"] = state["threads"][1:]
            if not state["threads"]:
                state["phase"] = "done"

    async def _scan_page(self, sweep: Sweep, state: dict[str, Any], page: Page) -> None:
        channel_class = await self.deps.channels.channel_class(sweep.team_id, sweep.channel_id)
        policy = await self.policy_for(sweep.team_id, sweep.channel_id, channel_class)
        thread_root = state["threads"][0] if state["phase"] == "replies" else None
        kinds_seen: Counter[str] = Counter(state.get("kinds") or {})
        for message in page.messages:
            ts = str(message.get("ts") or "")
            replies = int(message.get("reply_count") or 0)
            if state["phase"] == "history" and replies and ts and ts not in state["threads"]:
                state["threads"].append(ts)
            if thread_root is not None and ts == thread_root:
                continue  # the thread's parent was read with the channel's history
            job = self._job_for(sweep, message)
            if job is None:
                continue
            state["scanned"] += 1
            verdict, kinds, action = await self._scan(job, channel_class, policy)
            if verdict is not Verdict.PHI and action is ActionKind.NONE:
                continue
            state["found"] += 1
            kinds_seen.update(kinds)
            if len(state["hits"]) < MAX_HITS:
                state["hits"].append({"ts": ts, "thread_ts": thread_root or "", "kinds": kinds})
            applies = sweep.mode == "apply" and action is not ActionKind.NONE
            if applies and await self.deps.record(job):
                state["acted"] += 1
        state["kinds"] = dict(kinds_seen)

    def _job_for(self, sweep: Sweep, message: dict[str, Any]) -> ScanJob | None:
        """The scan job a live post would have had, or None for bots, joins and the like."""
        ts = str(message.get("ts") or "")
        envelope = {
            "event_id": f"sweep:{sweep.channel_id}:{ts}",  # one apply per post across sweeps
            "team_id": sweep.team_id,
            "event": {**message, "type": "message", "channel": sweep.channel_id},
        }
        job = job_from_event(envelope, self.deps.bot_user_id)
        return None if isinstance(job, Skip) else job

    async def _scan(
        self, job: ScanJob, channel_class: ChannelClass, policy: ChannelPolicy
    ) -> tuple[Verdict, list[str], ActionKind]:
        """Verdict, kinds and the action the policy would take; failures count as findings."""
        text = str(job.payload.get("text") or "")
        verdict, kinds, action = Verdict.CLEAN, set[str](), ActionKind.NONE
        if text.strip():
            try:
                outcome = await self.deps.scanner.scan_text(
                    text,
                    await self.deps.vocabulary(job.team_id),
                    await self.deps.staff(job.team_id),
                )
                verdict, kinds = outcome.result.verdict, set(outcome.result.kinds)
                action = decide(verdict, channel_class, policy, Content.TEXT).kind
            except DetectionError:
                verdict = Verdict.PHI
                action = decide(Verdict.PHI, channel_class, policy, Content.FAILURE).kind
        files = job.payload.get("files") or []
        if files:
            outcomes = await files_flow.scan_files(self.deps, files, job.team_id, job.job_id)
            for shared in outcomes:
                kinds |= set(shared.kinds)
                if shared.verdict is Verdict.PHI:
                    verdict = Verdict.PHI
                file_action = shared.action(channel_class, policy).kind
                if action is ActionKind.NONE:
                    action = file_action
        return verdict, sorted(kinds), action

    # Progress and the end ---------------------------------------------------------------

    async def _post_progress(self, sweep: Sweep, state: dict[str, Any]) -> str:
        """Post the progress message; "none" when there is nowhere to post it (the sweep runs
        on, audited, and the compliance report counts what it did)."""
        destination = str(state.get("destination") or "")
        if not destination:
            return "none"
        msg = sweep_messages.progress(sweep, state)
        key = f"sweep:{sweep.sweep_id}:progress"
        try:
            ts = await self.deps.gateway.post(
                key, destination, msg["text"], msg["blocks"], team_id=sweep.team_id
            )
        except SlackGatewayError as exc:
            if not is_permanent(exc):
                raise
            log_event(log, logging.WARNING, "sweep progress not posted", error=exc.error)
            return "none"
        if not destination.startswith(("C", "G", "D")):
            # Posted to a user id: Slack opened the DM and answered with its `D…` id, which
            # `chat.update` needs (docs.slack.dev/reference/methods/chat.update: "channel
            # containing the message"); the gateway's action log kept the answer.
            posted = await self.deps.store.get_action(key)
            channel = (posted or {}).get("channel")
            if isinstance(channel, str) and channel.startswith("D"):
                state["destination"] = channel
        return ts or "none"

    async def _update_progress(
        self, sweep: Sweep, state: dict[str, Any], links: list[str] | None = None
    ) -> None:
        ts = str(state.get("progress_ts") or "")
        if not ts or ts == "none":
            return
        msg = (
            sweep_messages.summary(sweep, state, links or [])
            if state["phase"] == "done" or state.get("error")
            else sweep_messages.progress(sweep, state)
        )
        try:
            await self.deps.gateway.call(
                "chat.update",
                team_id=sweep.team_id,
                channel=str(state["destination"]),
                ts=ts,
                text=msg["text"],
                blocks=msg["blocks"],
            )
        except SlackGatewayError as exc:  # progress is a courtesy; the sweep goes on
            log_event(log, logging.WARNING, "sweep progress not updated", error=exc.error)

    async def _links(self, sweep: Sweep, state: dict[str, Any]) -> list[str]:
        links: list[str] = []
        for hit in state["hits"][: sweep_messages.MAX_LINKS]:
            try:
                # A read method: form fields, one try (`read_page`); a miss leaves the link out.
                data = await self.deps.gateway.read_page(
                    "chat.getPermalink",
                    team_id=sweep.team_id,
                    channel=sweep.channel_id,
                    message_ts=hit["ts"],
                )
            except SlackGatewayError:
                links.append("")
                continue
            link = data.get("permalink")
            links.append(link if isinstance(link, str) and link.startswith("https://") else "")
        return links

    async def _finish(self, sweep: Sweep, seq: int, state: dict[str, Any], *, status: str) -> None:
        state["phase"] = "done"
        if not await self.deps.store.advance_sweep(sweep.sweep_id, seq, state, status=status):
            return  # another run of this page finished it
        await self._update_progress(sweep, state, await self._links(sweep, state))
        await self._audit(sweep, status, state)
        metrics.ACTIONS.labels(action=f"sweep_{status}").inc()

    async def _audit(self, sweep: Sweep, outcome: str, state: dict[str, Any]) -> None:
        await self.deps.store.append(
            AuditEvent(
                team_id=sweep.team_id,
                channel_id=sweep.channel_id,
                user_id=sweep.requested_by,
                event="sweep",
                action=outcome,
                kinds=tuple(sorted(state.get("kinds") or {})),
                counts={str(k): int(v) for k, v in (state.get("kinds") or {}).items()},
                detail={
                    "sweep_id": sweep.sweep_id,
                    "mode": sweep.mode,
                    "scanned": int(state.get("scanned", 0)),
                    "found": int(state.get("found", 0)),
                    "acted": int(state.get("acted", 0)),
                    "pages": int(state.get("pages", 0)),
                    "error": str(state.get("error") or ""),
                },
                at=self.deps.clock(),
            )
        )


def parse_window(value: str | None, now: datetime | None = None) -> int:
    """`30d` / `12w` / `30` -> days (1..365); raises ValueError with what is accepted."""
    if not value:
        return 30
    match = re.fullmatch(r"(\d{1,3})([dw]?)", value.strip().lower())
    if not match:
        raise ValueError("give the window as days, e.g. 30d (or weeks: 4w), up to 365d")
    days = int(match.group(1)) * (7 if match.group(2) == "w" else 1)
    if not 1 <= days <= MAX_DAYS:
        raise ValueError("the window must be between 1d and 365d")
    return days
