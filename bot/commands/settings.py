"""App Home settings: who may open and submit them, and what a submission changes.

The Home tab's buttons and the modals they open are a second way in to what `/phi` already
does (alert channel, vocabulary, workspace default and channel policies), so they go through
the same checks: `admin_or_refuse` asks the same `services.is_admin` the commands ask, and the
saves reuse `/phi`'s own steps (`alert_channel_refusal`, `term_command` + `change_terms`,
`merge_policy` + the Slack Connect floor). Nothing in a payload is trusted: the team and the
user come from the request Slack signed, `private_metadata` (a policy's scope) is checked
against the shape of an id and only ever names a channel of the submitter's own workspace.

A refusal writes a `settings` audit row (`refused`, with the surface: an action or callback
id) and a log line with ids only, so an attempt by a non-admin is on the record without any of
what was typed. Every accepted change is audited by the store, as `/phi` changes are.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.commands.parse import InvalidCommand, TermsCommand, term_command
from bot.commands.phi import alert_channel_refusal, change_terms
from bot.errors import InvalidPolicyError
from bot.logging import log_event
from bot.messages import commands as replies
from bot.messages import ids
from bot.messages import settings as forms
from bot.messages.kit import View
from bot.policy import (
    EXTERNAL_RISK,
    ChannelClass,
    ChannelPolicy,
    default_policy,
    effective_policy,
    merge_policy,
    relaxed_fields,
)
from bot.store.api import AuditEvent

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

Errors = dict[str, str]
WORKSPACE_SCOPE = "*"
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,31}$")


async def admin_or_refuse(services: Services, team_id: str, user_id: str, surface: str) -> bool:
    """True for an admin of `team_id`; otherwise the attempt is logged and audited (ids only)."""
    if team_id and user_id and await services.is_admin(team_id, user_id):
        return True
    log_event(
        log,
        logging.WARNING,
        "settings refused: not an admin",
        team_id=team_id,
        user_id=user_id,
        kind=surface,
    )
    if team_id:
        await services.store.append(
            AuditEvent(
                team_id=team_id,
                channel_id="",
                user_id=user_id,
                event="settings",
                action="refused",
                detail={"surface": surface if surface.startswith(ids.PREFIX) else "unknown"},
                at=services.clock(),
            )
        )
    return False


async def modal_for(services: Services, team_id: str, action_id: str) -> View | None:
    """The modal a Home button opens, filled with the workspace's current settings."""
    store = services.store
    if action_id == ids.ACTION_SETTINGS_ALERTS:
        current = await store.get_workspace_settings(team_id)
        return forms.alerts_modal(current.alert_channel)
    if action_id == ids.ACTION_SETTINGS_TERM_ADD:
        return forms.term_add_modal()
    if action_id == ids.ACTION_SETTINGS_TERM_REMOVE:
        terms = await store.list_terms(team_id)
        return forms.term_remove_modal(terms) if terms else None
    if action_id == ids.ACTION_SETTINGS_DEFAULT_POLICY:
        default = await store.get_default_policy(team_id) or default_policy(ChannelClass.CLINICAL)
        return forms.policy_modal(
            default, scope=WORKSPACE_SCOPE, where="the workspace default (clinical channels)"
        )
    if action_id == ids.ACTION_SETTINGS_CHANNEL_POLICY:
        return forms.channel_pick_modal()
    if action_id == ids.ACTION_SETTINGS_SWEEP:
        return forms.sweep_modal()
    return None


async def save_alerts(
    services: Services, team_id: str, user_id: str, values: Mapping[str, Any]
) -> Errors:
    chosen = forms.read_conversation(values, ids.BLOCK_SET_ALERT_CHANNEL)
    if chosen is None:
        await services.store.update_workspace_settings(team_id, user_id, alert_channel=None)
        return {}
    if not _CHANNEL_ID.match(chosen):
        return {ids.BLOCK_SET_ALERT_CHANNEL: "Choose a channel."}
    refusal = await alert_channel_refusal(services, team_id, chosen)
    if refusal is not None:
        return {ids.BLOCK_SET_ALERT_CHANNEL: replies.alerts_refused(refusal)["text"][:150]}
    await services.store.update_workspace_settings(team_id, user_id, alert_channel=chosen)
    return {}


async def save_term(
    services: Services, team_id: str, user_id: str, values: Mapping[str, Any], *, add: bool
) -> Errors:
    if add:
        kind = forms.read_choice(values, ids.BLOCK_SET_TERM_KIND, ids.ACTION_SET_TERM_KIND)
        raw = forms.read_text(values, ids.BLOCK_SET_TERM, ids.ACTION_SET_TERM)
        where = ids.BLOCK_SET_TERM
    else:
        picked = forms.read_choice(values, ids.BLOCK_SET_TERM_REMOVE, ids.ACTION_SET_TERM_REMOVE)
        kind, _, raw = (picked or "").partition(":")
        where = ids.BLOCK_SET_TERM_REMOVE
    command = term_command("add" if add else "remove", kind or "", raw)
    if isinstance(command, InvalidCommand) or not isinstance(command, TermsCommand):
        return {where: "Up to 80 characters and 6 words, with at least one letter."}
    await change_terms(services, team_id, user_id, command)
    return {}


async def policy_form_for_channel(
    services: Services, team_id: str, values: Mapping[str, Any]
) -> tuple[Errors, View | None]:
    """Step one of a channel's policy: the picked channel's form (`response_action: update`)."""
    channel = forms.read_conversation(values, ids.BLOCK_SET_CHANNEL)
    if channel is None or not _CHANNEL_ID.match(channel):
        return {ids.BLOCK_SET_CHANNEL: "Choose a channel."}, None
    channel_class = await services.channels.channel_class(team_id, channel)
    own = await services.store.get_policy(team_id, channel)
    workspace = await services.store.get_default_policy(team_id)
    current = effective_policy(channel_class, own, workspace)
    view = forms.policy_modal(
        current,
        scope=channel,
        where=f"<#{channel}>, {replies.CLASS_LABELS[channel_class]}",
        ask_risk=channel_class in (ChannelClass.EXTERNAL, ChannelClass.DM),
    )
    return {}, view


async def save_policy(
    services: Services, team_id: str, user_id: str, scope: str, values: Mapping[str, Any]
) -> Errors:
    """Validate the policy form field by field, apply the floor, and store it (audited)."""
    if scope != WORKSPACE_SCOPE and not _CHANNEL_ID.match(scope):
        return {ids.BLOCK_SET_TEXT: "This form has expired; open it again from the Home tab."}
    store = services.store
    workspace = await store.get_default_policy(team_id)
    channel_class = ChannelClass.CLINICAL
    if scope == WORKSPACE_SCOPE:
        base = workspace or default_policy(ChannelClass.CLINICAL)
    else:
        channel_class = await services.channels.channel_class(team_id, scope)
        base = effective_policy(channel_class, await store.get_policy(team_id, scope), workspace)
    errors: Errors = {}
    updated: ChannelPolicy = base
    for field, value in forms.read_policy_form(values).items():
        try:
            updated = merge_policy(updated, {field: value})
        except InvalidPolicyError as exc:
            errors[forms.block_for_field(field)] = str(exc)[:150]
    if errors:
        return errors
    if relaxed_fields(channel_class, updated) and updated.accepted_risk != EXTERNAL_RISK:
        if forms.RISK_VALUE not in forms.read_checked(
            values, ids.BLOCK_SET_RISK, ids.ACTION_SET_RISK
        ):
            return {
                ids.BLOCK_SET_RISK: "Shared outside your organisation: tick to accept that "
                "risk on the record, or keep every action at block."
            }
        updated = updated.model_copy(update={"accepted_risk": EXTERNAL_RISK})
    await store.set_policy(team_id, None if scope == WORKSPACE_SCOPE else scope, updated, user_id)
    services.policies.invalidate(team_id, None if scope == WORKSPACE_SCOPE else scope)
    return {}


async def start_sweep(
    services: Services, team_id: str, user_id: str, values: Mapping[str, Any]
) -> Errors:
    """`/phi sweep` for the picked channel (report only unless "apply" was chosen)."""
    channel = forms.read_conversation(values, ids.BLOCK_SWEEP_CHANNEL)
    if channel is None or not _CHANNEL_ID.match(channel):
        return {ids.BLOCK_SWEEP_CHANNEL: "Choose a channel."}
    window = forms.read_choice(values, ids.BLOCK_SWEEP_WINDOW, ids.ACTION_SWEEP_WINDOW) or "30"
    mode = forms.read_choice(values, ids.BLOCK_SWEEP_MODE, ids.ACTION_SWEEP_MODE) or "report"
    if window not in dict(forms.SWEEP_WINDOWS) or mode not in dict(forms.SWEEP_MODES):
        return {ids.BLOCK_SWEEP_WINDOW: "Choose one of the windows and modes offered."}
    _, started = await services.pipeline.sweeps.start(
        team_id, channel, user_id, days=int(window), mode=mode
    )
    if not started:
        return {ids.BLOCK_SWEEP_CHANNEL: "A sweep of this channel is already running."}
    return {}


def first_input_block(view: Mapping[str, Any]) -> str | None:
    """Where a refusal can be shown in a submitted view (Slack needs an input block's id)."""
    for block in view.get("blocks") or []:
        if isinstance(block, Mapping) and block.get("type") == "input" and block.get("block_id"):
            return str(block["block_id"])
    return None
