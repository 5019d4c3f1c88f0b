"""Modal submissions: consent (validate, record the attestation job) and the override of a
block (validate the justification, record its digest), then close the modal.

Incomplete forms are answered with `response_action: errors` naming the missing points; a
complete one becomes a choice job (codes, booleans and digests only) that the pipeline runs:
it checks the submitter is the poster and that the record takes this answer, audits it and
restores the post. The justification's words never reach the job row, a log or the audit
trail: only its length and keyed hash (`bot.messages.override`).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.flow.kinds import Choice
from bot.logging import log_event
from bot.messages import ids
from bot.messages.consent import parse_consent_submission, validate_consent_submission
from bot.messages.override import digest, justification_text, validate_justification
from bot.services import Services
from handlers.actions import choice_job

log = logging.getLogger(__name__)


async def handle_consent_submission(
    ack: AsyncAck, body: dict[str, Any], services: Services
) -> None:
    view = body.get("view") or {}
    values = (view.get("state") or {}).get("values") or {}
    confirm_id = str(view.get("private_metadata") or "")
    actor = str((body.get("user") or {}).get("id") or "")
    team = str((body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id") or "")
    errors = validate_consent_submission(values)
    if errors:
        log_event(
            log, logging.INFO, "consent form incomplete", confirm_id=confirm_id, count=len(errors)
        )
        await ack(response_action="errors", errors=errors)
        return
    if not confirm_id or not actor:
        log_event(log, logging.WARNING, "consent submission without ids", reason="bad_payload")
        await ack()
        return
    submission = parse_consent_submission(values)
    consent = {
        "points": list(submission.points),
        "intended_use": submission.intended_use,
        "channel_approved": bool(submission.channel_approved),
    }
    pending = await services.store.get_pending(confirm_id)
    channel = pending.channel_id if pending is not None else ""
    await services.queue.enqueue(
        choice_job(team, channel, actor, confirm_id, Choice.ATTESTED, consent)
    )
    log_event(log, logging.INFO, "consent attestation recorded", confirm_id=confirm_id, actor=actor)
    await ack()


async def handle_override_submission(
    ack: AsyncAck, body: dict[str, Any], services: Services
) -> None:
    view = body.get("view") or {}
    values = (view.get("state") or {}).get("values") or {}
    override_id = str(view.get("private_metadata") or "")
    actor = str((body.get("user") or {}).get("id") or "")
    team = str((body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id") or "")
    text = justification_text(values)
    errors = validate_justification(text)
    if errors:
        log_event(log, logging.INFO, "override justification refused", confirm_id=override_id)
        await ack(response_action="errors", errors=errors)
        return
    if not override_id or not actor or len(override_id) > 64:
        log_event(log, logging.WARNING, "override submission without ids", reason="bad_payload")
        await ack()
        return
    justified = digest(text, services.pipeline.deps.salt())
    del text  # nothing below sees the words
    pending = await services.store.get_pending(override_id)
    channel = pending.channel_id if pending is not None else ""
    await services.queue.enqueue(
        choice_job(
            team,
            channel,
            actor,
            override_id,
            Choice.OVERRIDDEN,
            justification=justified.as_payload(),
        )
    )
    log_event(
        log,
        logging.INFO,
        "override recorded",
        confirm_id=override_id,
        actor=actor,
        count=justified.chars,
    )
    await ack()


def register(app: AsyncApp, services: Services) -> None:
    async def on_consent(ack: AsyncAck, body: dict[str, Any]) -> None:
        await handle_consent_submission(ack, body, services)

    async def on_override(ack: AsyncAck, body: dict[str, Any]) -> None:
        await handle_override_submission(ack, body, services)

    app.view(ids.VIEW_CONSENT)(on_consent)
    app.view(ids.VIEW_OVERRIDE)(on_override)
