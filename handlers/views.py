"""The consent modal's submission: validate, record the attestation job, then close the modal.

Incomplete forms are answered with `response_action: errors` naming the missing points; a
complete one becomes an `attested` choice job (codes and booleans only) that the pipeline runs:
it checks the submitter is the poster, audits the attestation and restores the post.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.flow.kinds import Choice
from bot.logging import log_event
from bot.messages import ids
from bot.messages.consent import parse_consent_submission, validate_consent_submission
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


def register(app: AsyncApp, services: Services) -> None:
    async def on_consent(ack: AsyncAck, body: dict[str, Any]) -> None:
        await handle_consent_submission(ack, body, services)

    app.view(ids.VIEW_CONSENT)(on_consent)
