"""Buttons: attest (opens the consent modal), post redacted, withdraw, post the redacted image,
override a block (opens the justification modal).

"Post redacted" and "withdraw" are recorded as jobs before the ack, like events, so a crash
after the click loses nothing; the pipeline checks the clicker is the poster. "Attest" and
"override" only open a modal (Slack's `trigger_id` lives 3 s), in a lazy listener after the
ack; the override modal opens only for the poster of the blocked post (the submission is
checked again in the pipeline).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.errors import SlackGatewayError
from bot.flow.kinds import Choice, JobKind
from bot.logging import log_event
from bot.messages import ids
from bot.messages.consent import consent_modal
from bot.messages.override import override_modal
from bot.services import Services
from bot.store.api import ScanJob

log = logging.getLogger(__name__)

_CHOICE_BY_ACTION = {
    ids.ACTION_POST_REDACTED: Choice.REDACTED,
    ids.ACTION_WITHDRAW: Choice.WITHDRAWN,
    ids.ACTION_POST_REDACTED_OFFER: Choice.OFFER,
}


def _ids(body: dict[str, Any]) -> tuple[str, str, str, str]:
    """(team, channel, actor, confirm_id) from a block_actions payload."""
    action = (body.get("actions") or [{}])[0]
    team = str((body.get("team") or {}).get("id") or body.get("team_id") or "")
    channel = str(
        (body.get("channel") or {}).get("id")
        or (body.get("container") or {}).get("channel_id")
        or ""
    )
    actor = str((body.get("user") or {}).get("id") or "")
    return team, channel, actor, str(action.get("value") or "")


def choice_job(
    team: str,
    channel: str,
    actor: str,
    confirm_id: str,
    choice: Choice,
    consent: dict[str, Any] | None = None,
    justification: dict[str, Any] | None = None,
) -> ScanJob:
    """The durable job for an answer; codes, booleans and digests only (never typed text)."""
    payload: dict[str, Any] = {"confirm_id": confirm_id, "actor": actor, "choice": choice}
    if consent is not None:
        payload["consent"] = consent
    if justification is not None:
        payload["justification"] = justification
    return ScanJob(
        job_id=f"choice:{confirm_id}:{actor}:{choice}",
        team_id=team,
        channel_id=channel,
        kind=JobKind.CHOICE,
        payload=payload,
    )


async def handle_choice(ack: AsyncAck, body: dict[str, Any], services: Services) -> None:
    action_id = str((body.get("actions") or [{}])[0].get("action_id") or "")
    team, channel, actor, confirm_id = _ids(body)
    choice = _CHOICE_BY_ACTION.get(action_id)
    if choice is None or not confirm_id or not actor:
        log_event(log, logging.WARNING, "confirm button without ids", reason="bad_payload")
        await ack()
        return
    await services.queue.enqueue(choice_job(team, channel, actor, confirm_id, choice))
    log_event(
        log,
        logging.INFO,
        "confirm choice recorded",
        confirm_id=confirm_id,
        actor=actor,
        outcome=choice,
    )
    await ack()


async def ack_only(ack: AsyncAck) -> None:
    await ack()


async def open_consent_modal(body: dict[str, Any], services: Services) -> None:
    team, _, actor, confirm_id = _ids(body)
    trigger_id = body.get("trigger_id")
    if not confirm_id or not trigger_id:
        log_event(log, logging.WARNING, "attest button without ids", reason="bad_payload")
        return
    try:
        await services.gateway.open_modal(
            str(trigger_id), consent_modal(confirm_id), team_id=team or None
        )
    except SlackGatewayError as exc:
        log_event(
            log,
            logging.ERROR,
            "consent modal failed to open",
            confirm_id=confirm_id,
            actor=actor,
            error=exc.error,
        )


async def open_override_modal(body: dict[str, Any], services: Services) -> None:
    team, _, actor, override_id = _ids(body)
    trigger_id = body.get("trigger_id")
    if not override_id or not trigger_id or not actor:
        log_event(log, logging.WARNING, "override button without ids", reason="bad_payload")
        return
    pending = await services.store.get_pending(override_id)
    if pending is None or not pending.payload.get("override") or pending.user_id != actor:
        # Gone, not an override, or someone else's: no modal (the pipeline would refuse anyway).
        log_event(
            log,
            logging.WARNING,
            "override modal refused",
            confirm_id=override_id,
            actor=actor,
            reason="not_poster" if pending is not None else "unknown",
        )
        return
    try:
        await services.gateway.open_modal(
            str(trigger_id), override_modal(override_id), team_id=team or None
        )
    except SlackGatewayError as exc:
        log_event(
            log,
            logging.ERROR,
            "override modal failed to open",
            confirm_id=override_id,
            actor=actor,
            error=exc.error,
        )


def register(app: AsyncApp, services: Services) -> None:
    async def on_choice(ack: AsyncAck, body: dict[str, Any]) -> None:
        await handle_choice(ack, body, services)

    async def on_attest(body: dict[str, Any]) -> None:
        await open_consent_modal(body, services)

    app.action(ids.ACTION_POST_REDACTED)(on_choice)
    app.action(ids.ACTION_WITHDRAW)(on_choice)
    app.action(ids.ACTION_ATTEST)(ack=ack_only, lazy=[on_attest])
    app.action(ids.ACTION_POST_REDACTED_OFFER)(on_choice)

    async def on_override(body: dict[str, Any]) -> None:
        await open_override_modal(body, services)

    app.action(ids.ACTION_OVERRIDE)(ack=ack_only, lazy=[on_override])
