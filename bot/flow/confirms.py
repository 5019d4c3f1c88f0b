"""Pending confirms: what the poster answers (attest, de-identified, withdraw), and timeouts.

A post held for consent keeps its text and file URLs only in its `PendingConfirm` record until
the poster answers or the timeout passes; the store resolves a pending confirm atomically, so
the first answer wins and a late click is told so. Only the poster may answer. Offers of a
redacted image copy use the same records (ids starting with "o") and lapse silently, and so do
overrides of a block (ids starting with "j", `allow_override`): the poster's written
justification puts the post back like a consent attestation, audited as an `override` row that
keeps the justification's length and keyed hash only (`bot.messages.override`). Each record
takes only its own answers (`ANSWERS`), so a crafted submission cannot use an override id to
skip the consent form, nor a held post's id to skip it with a justification.

`Confirms` is one of the pipeline's parts, not its base class: the pipeline hands it the held
post (`save_pending`) and runs its jobs (`choose`, `expire`); the sweeper calls `sweep`.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot import metrics
from bot.detect.types import Verdict
from bot.errors import SlackGatewayError
from bot.flow import files as files_flow
from bot.flow.audit import Auditor
from bot.flow.deps import Enqueue, FlowDeps
from bot.flow.files import FileOutcome
from bot.flow.intake import job_parts
from bot.flow.kinds import Choice, JobKind
from bot.flow.notify import Notifier, Reposted
from bot.logging import log_event
from bot.messages import admin_alerts, notices, reposts
from bot.messages.admin_alerts import AlertReason
from bot.messages.override import (
    MAX_JUSTIFICATION_CHARS,
    MIN_JUSTIFICATION_CHARS,
    OVERRIDE_ATTRIBUTION,
)
from bot.messages.reposts import CONSENT_ATTRIBUTION
from bot.policy import Action, ActionKind, Content
from bot.slack.content import message_text
from bot.store.api import ConsentAttestation, PendingConfirm, ScanJob
from bot.store.sealed import UNREADABLE

log = logging.getLogger(__name__)

OFFER_SECONDS = 3600  # how long a "post the redacted image" or "override" button stays good

# Which answers each kind of record takes (`_record_kind`).
ANSWERS: dict[str, frozenset[Choice]] = {
    "confirm": frozenset({Choice.ATTESTED, Choice.REDACTED, Choice.WITHDRAWN}),
    "offer": frozenset({Choice.OFFER}),
    "override": frozenset({Choice.OVERRIDDEN}),
}


def _record_kind(pending: PendingConfirm) -> str:
    if pending.payload.get("override"):
        return "override"
    return "offer" if pending.payload.get("offer") else "confirm"


def confirm_id_for(job_id: str) -> str:
    """Deterministic, so a retried job finds the pending confirm it already saved."""
    return "c" + hashlib.sha256(job_id.encode()).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Found:
    """Verdict and kinds of a whole post (text and files), what notices and pending records need."""

    verdict: Verdict
    kinds: list[str]
    too_long: bool = False  # more text than one scan reads (the failure action, no checker fault)


def _justified(justification: dict[str, Any] | None) -> bool:
    """A justification digest the view handler made: a length in bounds and a hex HMAC."""
    if not isinstance(justification, dict):
        return False
    chars, mac = justification.get("chars"), justification.get("hmac")
    return (
        isinstance(chars, int)
        and not isinstance(chars, bool)
        and MIN_JUSTIFICATION_CHARS <= chars <= MAX_JUSTIFICATION_CHARS
        and isinstance(mac, str)
        and len(mac) == 64
        and all(c in "0123456789abcdef" for c in mac)
    )


class Confirms:
    """Held posts and offers: saved by the pipeline, resolved by the poster or the clock."""

    def __init__(self, deps: FlowDeps, notify: Notifier, audit: Auditor) -> None:
        self.deps, self.notify, self.audit = deps, notify, audit

    async def save_pending(
        self,
        job: ScanJob,
        action: Action,
        found: Found,
        redacted: str | None,
        removed: bool,
        on_timeout: ActionKind,
        outcomes: list[FileOutcome] | None = None,
        *,
        offer: bool = False,
        override: bool = False,
    ) -> str:
        """Keep what an answer needs (text, file URLs) until the poster answers or time runs out."""
        prefix = "j" if override else "o" if offer else ""
        confirm_id = prefix + confirm_id_for(job.job_id)
        if await self.deps.store.get_pending(confirm_id) is not None:
            return confirm_id
        p = job.payload
        original = message_text(job_parts(p))
        timeout = OFFER_SECONDS if offer or override else (action.confirm_timeout_seconds or 600)
        await self.deps.store.save_pending(
            PendingConfirm(
                confirm_id=confirm_id,
                team_id=job.team_id,
                channel_id=job.channel_id,
                user_id=str(p["user"]),
                message_ts=str(p["ts"]),
                thread_ts=p.get("thread_ts"),
                expires_at=self.deps.clock() + timedelta(seconds=timeout),
                payload={
                    "text": original if removed else None,
                    "redacted": (redacted if redacted is not None else original)
                    if removed
                    else None,
                    "kinds": found.kinds,
                    "removed": removed,
                    "broadcast": bool(p.get("broadcast")),
                    "on_timeout": str(on_timeout),
                    "job_id": job.job_id,
                    "offer": offer,
                    "override": override,
                    "files": [o.meta() for o in outcomes or [] if o.content is Content.IMAGE]
                    if removed
                    else [],
                    # Deleted from Slack once the answer is settled (ids only).
                    "file_ids": files_flow.blocked_ids(outcomes or []) if removed else [],
                    # Canvases with PHI are never deleted; admins hear of them if the post
                    # stays removed (withdrawn, expired).
                    "canvas_ids": files_flow.kept_canvas_ids(outcomes or []) if removed else [],
                },
            )
        )
        return confirm_id

    async def _win(self, confirm_id: str, tag: str) -> bool:
        """First answer wins (across replicas); a retry of the winning job wins again."""
        key = f"{confirm_id}:answer"
        if await self.deps.store.claim(key):
            await self.deps.store.record_action(key, {"tag": tag})
            return True
        done = await self.deps.store.get_action(key)
        return done is None or done.get("tag") == tag  # None: the winner crashed before recording

    async def _once(self, key: str) -> bool:
        """True if the step `key` has not run yet; mark it done with `_done`."""
        return await self.deps.store.get_action(key) is None

    async def _done(self, key: str) -> None:
        await self.deps.store.record_action(key, {"done": True})

    async def choose(
        self,
        confirm_id: str,
        actor: str,
        choice: str,
        consent: dict[str, Any] | None = None,
        channel_id: str = "",
        team_id: str = "",
        justification: dict[str, Any] | None = None,
    ) -> None:
        """The poster's answer: attested, redacted, withdrawn, an offer taken, or a block
        overridden with a justification (`justification`: its length and keyed hash).

        Side effects run first (each once), then the record is resolved and its payload dropped,
        so a crash in between is finished by the retried job rather than lost.
        """
        try:
            picked = Choice(choice)
        except ValueError:
            log_event(log, logging.WARNING, "unknown confirm choice", confirm_id=confirm_id)
            return
        pending = await self.deps.store.get_pending(confirm_id)
        if pending is None:
            log_event(
                log, logging.INFO, "confirm already resolved", confirm_id=confirm_id, actor=actor
            )
            if channel_id and actor:
                late = notices.already_resolved_notice()
                await self.deps.gateway.ephemeral(
                    f"{confirm_id}:{choice}:{actor}:late",
                    channel_id,
                    actor,
                    late["text"],
                    late["blocks"],
                    team_id=team_id or None,
                )
            return
        if pending.user_id != actor:
            # Someone else's (or a forged) confirm id: refuse without saying whose it is.
            log_event(
                log,
                logging.WARNING,
                "confirm answer refused",
                confirm_id=confirm_id,
                actor=actor,
                reason="not_poster",
            )
            return
        kind = _record_kind(pending)
        if picked not in ANSWERS[kind] or (
            picked is Choice.OVERRIDDEN and not _justified(justification)
        ):
            # A forged pairing (an override id sent as a consent form, a held post's id sent
            # with a justification): the record stays as it is for its own answer.
            log_event(
                log,
                logging.WARNING,
                "confirm answer refused",
                confirm_id=confirm_id,
                actor=actor,
                reason="wrong_answer",
                kind=kind,
                outcome=choice,
            )
            return
        if not await self._win(confirm_id, f"{choice}:{actor}"):
            await self.notify.tell_pending(
                f"{confirm_id}:{choice}:late", pending, notices.already_resolved_notice()
            )
            return
        if picked is Choice.ATTESTED:
            consent = consent or {}
            await self.attested(
                pending,
                str(consent.get("intended_use", "")),
                tuple(consent.get("points") or ()),
                bool(consent.get("channel_approved")),
            )
        elif picked is Choice.OVERRIDDEN:
            await self.overridden(pending, justification or {})
        elif picked in (Choice.REDACTED, Choice.OFFER):
            await self._restore(pending, redacted=True)
        else:
            await self.notify.tell_pending(
                f"{confirm_id}:withdrawn", pending, notices.withdrawn_notice()
            )
            await self._keep_canvases(pending)
        await self._remove_files(pending)
        audited_apart = (Choice.ATTESTED, Choice.OVERRIDDEN)  # their own audit rows
        if picked not in audited_apart and await self._once(f"{confirm_id}:audit"):
            await self.audit.pending(pending, "confirm", choice, {})
            await self._done(f"{confirm_id}:audit")
        await self.deps.store.resolve_pending(confirm_id, choice, actor)
        counted = "override_justified" if picked is Choice.OVERRIDDEN else f"confirm_{choice}"
        metrics.ACTIONS.labels(action=counted).inc()

    async def overridden(self, pending: PendingConfirm, justification: dict[str, Any]) -> None:
        """Put a blocked post back after the poster justified it; audited like an attestation
        (who, when, where, the kinds), with the justification's length and keyed hash only."""
        if await self._once(f"{pending.confirm_id}:override"):
            await self.audit.pending(
                pending,
                "override",
                "justified",
                {
                    "justification_chars": int(justification["chars"]),
                    "justification_hmac": str(justification["hmac"]),
                },
            )
            await self._done(f"{pending.confirm_id}:override")
        await self._restore(pending, redacted=False, overridden=True)

    async def attested(
        self,
        pending: PendingConfirm,
        intended_use: str,
        points: tuple[str, ...],
        channel_approved: bool,
    ) -> None:
        """Restore the hidden post after a complete attestation; the attestation is audited."""
        attestation = ConsentAttestation(
            attestation_id="a" + pending.confirm_id[1:],
            team_id=pending.team_id,
            channel_id=pending.channel_id,
            user_id=pending.user_id,
            confirm_id=pending.confirm_id,
            points=points,
            intended_use=intended_use,
            channel_approved=channel_approved,
            at=self.deps.clock(),
        )
        if await self._once(f"{pending.confirm_id}:attestation"):
            await self.deps.store.record_attestation(attestation)  # and its `consent` audit row
            await self._done(f"{pending.confirm_id}:attestation")
        await self._restore(pending, redacted=False)

    async def _restore(
        self, pending: PendingConfirm, *, redacted: bool, overridden: bool = False
    ) -> None:
        posted = await self._repost_pending(pending, redacted=redacted, overridden=overridden)
        if posted is None and pending.payload.get(UNREADABLE):
            done = notices.not_restored_notice()  # sealed under a key this process lacks
        elif posted is not None and posted.refusal:
            done = notices.repost_failed_notice(posted.refusal, redacted=redacted)
        elif redacted:
            done = notices.redacted_posted_notice()
        elif overridden:
            done = notices.overridden_notice()
        else:
            done = notices.restored_notice()
        await self.notify.tell_pending(f"{pending.confirm_id}:restored", pending, done)

    async def _repost_pending(
        self, pending: PendingConfirm, *, redacted: bool, overridden: bool = False
    ) -> Reposted | None:
        """Put a hidden post back (as it was, or de-identified), files included; None if there is
        nothing to post. `overridden`: a justified override, attributed as such."""
        p = pending.payload
        attribution = OVERRIDE_ATTRIBUTION if overridden else CONSENT_ATTRIBUTION
        text = p.get("redacted") if redacted else p.get("text")
        if not p.get("removed"):
            return None
        key = f"{pending.confirm_id}:restore"
        broadcast = bool(p.get("broadcast"))
        if p.get("files"):
            files = list(p["files"])

            async def upload(where: str | None, comment: str) -> int:
                return await files_flow.upload_copies(
                    self.deps,
                    key,
                    pending.team_id,
                    pending.channel_id,
                    where,
                    files,
                    comment,
                    redacted=redacted,
                )

            plan = reposts.file_repost(
                pending.user_id,
                str(text or ""),
                redacted=redacted,
                attribution=attribution,
                rules_url=self.deps.settings.rules_url,
            )
            return await self.notify.repost_planned(
                key,
                pending.team_id,
                pending.channel_id,
                pending.thread_ts,
                plan,
                upload,
                broadcast=broadcast,
            )
        if not isinstance(text, str) or not text:
            return None
        repost = (
            reposts.redact_repost(
                text, user_id=pending.user_id, rules_url=self.deps.settings.rules_url
            )
            if redacted
            else reposts.attested_repost(text, user_id=pending.user_id, attribution=attribution)
        )
        return await self.notify.repost_all(
            key, pending.team_id, pending.channel_id, repost, pending.thread_ts, broadcast=broadcast
        )

    async def expire(self, confirm_id: str) -> None:
        """No answer in time: the channel's default applies (kept removed, or a redacted copy).

        A post that could never be hidden (no admin token) is still up: the poster is asked to
        delete it and admins are alerted.
        """
        pending = await self.deps.store.get_pending(confirm_id)
        if pending is None or not await self._win(confirm_id, "timeout"):
            return  # answered in time (or already expired)
        p = pending.payload
        if p.get("offer") or p.get("override"):
            await self._remove_files(pending)
            await self.deps.store.resolve_pending(confirm_id, "expired", "timeout")
            return  # an unused offer of a redacted copy, or an unused override, simply lapses
        kinds = [str(k) for k in p.get("kinds") or []]
        applied = ActionKind(p.get("on_timeout") or ActionKind.BLOCK)
        if not p.get("removed"):
            applied = ActionKind.BLOCK
            rules_url = self.deps.settings.rules_url
            msg = notices.block_notice(kinds, rule="consent", removed=False, rules_url=rules_url)
            alert = admin_alerts.admin_alert(
                channel_id=pending.channel_id,
                user_id=pending.user_id,
                kinds=kinds,
                action=ActionKind.CONFIRM,
                removed=False,
                reason=AlertReason.UNRESOLVED,
                rules_url=rules_url,
            )
            try:
                await self.deps.gateway.alert_admins(
                    f"{confirm_id}:expired", alert["text"], alert["blocks"], team_id=pending.team_id
                )
            except SlackGatewayError as exc:
                log_event(
                    log, logging.ERROR, "admin alert failed", confirm_id=confirm_id, error=exc.error
                )
        else:
            if applied is ActionKind.REDACT:
                posted = await self._repost_pending(pending, redacted=True)
                if posted is None or posted.refusal:
                    applied = ActionKind.BLOCK
            else:
                applied = ActionKind.BLOCK
            msg = notices.timed_out_notice(applied, rules_url=self.deps.settings.rules_url)
        await self.notify.tell_pending(f"{confirm_id}:expired", pending, msg)
        await self._keep_canvases(pending)
        await self._remove_files(pending)
        if await self._once(f"{confirm_id}:audit"):
            await self.audit.pending(pending, "confirm", "expired", {"action": str(applied)})
            await self._done(f"{confirm_id}:audit")
        await self.deps.store.resolve_pending(confirm_id, "expired", "timeout")
        metrics.ACTIONS.labels(action="confirm_expired").inc()

    async def _keep_canvases(self, pending: PendingConfirm) -> None:
        """A held post that stays removed: its canvases with PHI stay too; admins are told."""
        ids = [str(f) for f in pending.payload.get("canvas_ids") or []]
        await self.notify.keep_canvases(
            pending.confirm_id, pending.team_id, pending.channel_id, pending.user_id, ids
        )

    async def _remove_files(self, pending: PendingConfirm) -> None:
        """The held post's files, no longer needed for an answer, deleted from Slack.

        A blocked image can carry two open records (the redacted-copy offer and the override);
        the files go when the last of them settles, since either may download them again.
        """
        base = pending.confirm_id.lstrip("oj")
        for sibling in {base, "o" + base, "j" + base} - {pending.confirm_id}:
            if await self.deps.store.get_pending(sibling) is not None:
                return  # the sibling's settlement deletes them
        ids = [str(f) for f in pending.payload.get("file_ids") or []]
        await self.notify.remove_files(
            pending.confirm_id, pending.team_id, pending.channel_id, pending.user_id, ids
        )

    async def sweep(self, enqueue: Enqueue) -> int:
        """Queue an expiry job for each pending confirm past its timeout; returns how many."""
        queued = 0
        for pending in await self.deps.store.expired(self.deps.clock()):
            job = ScanJob(
                job_id=f"expire:{pending.confirm_id}",
                team_id=pending.team_id,
                channel_id=pending.channel_id,
                kind=JobKind.EXPIRE,
                payload={"confirm_id": pending.confirm_id},
            )
            if await enqueue(job):
                queued += 1
        return queued
