"""App Home settings: the buttons open modals, the modals' submissions save (admins only).

A button is acked at once and its modal opened in a lazy listener (Slack's `trigger_id` lives
3 s), and only for an admin. A submission is checked and saved before the ack, so a refusal or
a bad value comes back as `response_action: errors` on the form; the Home tab is then published
again in a lazy listener. `bot.commands.settings` decides everything; this module only wires.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext

from bot.commands import settings
from bot.errors import SlackGatewayError
from bot.home import publish_home
from bot.logging import log_event
from bot.messages import ids
from bot.messages.settings import NOT_ADMIN
from bot.services import Services

log = logging.getLogger(__name__)


def _who(body: dict[str, Any], context: AsyncBoltContext | None) -> tuple[str, str]:
    """(team, user) as Slack signed them: Bolt's context first, then the payload's team."""
    user = body.get("user") or {}
    team = str(
        (context.team_id if context is not None else None)
        or (body.get("team") or {}).get("id")
        or user.get("team_id")
        or ""
    )
    return team, str(user.get("id") or "")


async def ack_only(ack: AsyncAck) -> None:
    await ack()


async def open_settings(
    body: dict[str, Any], context: AsyncBoltContext | None, services: Services
) -> None:
    """Lazy: open the modal a Home button asks for, if the clicker is an admin."""
    team, user = _who(body, context)
    action_id = str((body.get("actions") or [{}])[0].get("action_id") or "")
    if not await settings.admin_or_refuse(services, team, user, action_id):
        return
    view = await settings.modal_for(services, team, action_id)
    trigger_id = body.get("trigger_id")
    if view is None or not trigger_id:
        return
    try:
        await services.gateway.open_modal(str(trigger_id), view, team_id=team or None)
    except SlackGatewayError as exc:
        log_event(
            log, logging.ERROR, "settings modal failed to open", kind=action_id, error=exc.error
        )


async def submit_settings(
    ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext | None, services: Services
) -> None:
    """Check, validate and save one settings modal; errors go back onto the form."""
    view = body.get("view") or {}
    callback_id = str(view.get("callback_id") or "")
    team, user = _who(body, context)
    if not await settings.admin_or_refuse(services, team, user, callback_id):
        block = settings.first_input_block(view)
        if block is None:
            await ack()
        else:
            await ack(response_action="errors", errors={block: NOT_ADMIN})
        return
    values = (view.get("state") or {}).get("values") or {}
    if callback_id == ids.VIEW_SETTINGS_PICK_CHANNEL:
        errors, form = await settings.policy_form_for_channel(services, team, values)
        if form is not None:
            await ack(response_action="update", view=form)
            return
    elif callback_id == ids.VIEW_SETTINGS_SWEEP:
        errors = await settings.start_sweep(services, team, user, values)
    elif callback_id == ids.VIEW_SETTINGS_ALERTS:
        errors = await settings.save_alerts(services, team, user, values)
    elif callback_id in (ids.VIEW_SETTINGS_TERM_ADD, ids.VIEW_SETTINGS_TERM_REMOVE):
        add = callback_id == ids.VIEW_SETTINGS_TERM_ADD
        errors = await settings.save_term(services, team, user, values, add=add)
    else:
        scope = str(view.get("private_metadata") or "")
        errors = await settings.save_policy(services, team, user, scope, values)
    if errors:
        log_event(log, logging.INFO, "settings form refused", kind=callback_id, count=len(errors))
        await ack(response_action="errors", errors=errors)
        return
    log_event(log, logging.INFO, "settings saved", kind=callback_id, user_id=user)
    await ack()


async def republish(
    body: dict[str, Any], context: AsyncBoltContext | None, services: Services
) -> None:
    """Lazy, after a submission: the Home tab shows the new settings (or the same ones)."""
    team, user = _who(body, context)
    if not team or not user:
        return
    try:
        await publish_home(services, team, user)
    except SlackGatewayError as exc:
        log_event(log, logging.WARNING, "home publish failed", user_id=user, error=exc.error)


def register(app: AsyncApp, services: Services) -> None:
    async def on_button(body: dict[str, Any], context: AsyncBoltContext) -> None:
        await open_settings(body, context, services)

    async def on_submit(ack: AsyncAck, body: dict[str, Any], context: AsyncBoltContext) -> None:
        await submit_settings(ack, body, context, services)

    async def on_submitted(body: dict[str, Any], context: AsyncBoltContext) -> None:
        await republish(body, context, services)

    for action_id in ids.SETTINGS_ACTION_IDS:
        app.action(action_id)(ack=ack_only, lazy=[on_button])
    for callback_id in ids.SETTINGS_VIEW_IDS:
        app.view(callback_id)(ack=on_submit, lazy=[on_submitted])
