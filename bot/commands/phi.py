"""What `/phi` does: parse (`bot.commands.parse`), check who may, act, and answer privately.

The answer is returned as a Block Kit message for the command's synchronous (ephemeral)
response, so `/phi` costs no extra Web API call. `check` scans in the warm workers and stores
nothing. Policy changes and approvals go through the store, which audits who and when.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from bot.commands.parse import (
    HERE,
    AlertsCommand,
    ApproveCommand,
    CheckCommand,
    HelpCommand,
    InvalidCommand,
    ResetPolicyCommand,
    RulesCommand,
    SetPolicyCommand,
    ShowPolicyCommand,
    SweepCommand,
    TermsCommand,
    UnapproveCommand,
    parse_command,
    requires_admin,
)
from bot.errors import DetectionError, InvalidPolicyError, SlackGatewayError
from bot.logging import log_event
from bot.messages import commands as replies
from bot.messages.kit import Message
from bot.policy import (
    EXTERNAL_RISK,
    default_policy,
    effective_policy,
    merge_policy,
    relaxed_fields,
)
from bot.rules import topic
from bot.slack.channels import ChannelFlags

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)


def _invalidate(services: Services, team_id: str, channel_id: str) -> None:
    services.policies.invalidate(team_id, channel_id)


async def run_phi(
    services: Services,
    *,
    team_id: str,
    channel_id: str,
    user_id: str,
    text: str | None,
    channel_type: str | None = None,
) -> Message:
    """The private reply to one `/phi` command."""
    command = parse_command(text)
    rules_url = services.settings.rules_url  # the deployment's own rules page, in every reply
    log_event(
        log,
        logging.INFO,
        "phi command",
        kind=type(command).__name__,
        user_id=user_id,
        channel_id=channel_id,
    )
    if isinstance(command, InvalidCommand):
        return replies.command_error(command.message)
    is_admin = await services.is_admin(team_id, user_id)
    if requires_admin(command) and not is_admin:
        log_event(
            log,
            logging.WARNING,
            "phi command refused: not an admin",
            user_id=user_id,
            kind=type(command).__name__,
        )
        return replies.admin_refusal()
    if isinstance(command, HelpCommand):
        return replies.help_message(is_admin, rules_url=rules_url)
    if isinstance(command, RulesCommand):
        return replies.rules_message(
            topic(command.topic) if command.topic else None, rules_url=rules_url
        )
    if isinstance(command, CheckCommand):
        try:
            outcome = await services.scanner.scan_text(
                command.text, await services.vocabulary(team_id), await services.staff(team_id)
            )
        except DetectionError:
            return replies.command_error(
                "The checker is not available right now; please try again shortly."
            )
        result = outcome.result
        return replies.check_result(
            result.verdict, result.kinds, outcome.redacted or "", rules_url=rules_url
        )
    if isinstance(command, AlertsCommand):
        return await _alerts(
            services, command, team_id=team_id, channel_id=channel_id, user_id=user_id
        )
    if isinstance(command, TermsCommand):
        return await change_terms(services, team_id, user_id, command)
    if isinstance(command, SweepCommand):
        sweep, started = await services.pipeline.sweeps.start(
            team_id, channel_id, user_id, days=command.days, mode=command.mode
        )
        return replies.sweep_started(
            channel_id,
            days=command.days,
            mode=sweep.mode,
            destination=str(sweep.state.get("destination") or ""),
            already_running=not started,
        )
    store = services.store
    channel_class = await services.channels.channel_class(team_id, channel_id, channel_type)
    own = await store.get_policy(team_id, channel_id)
    workspace = await store.get_default_policy(team_id)
    current = effective_policy(channel_class, own, workspace)
    if isinstance(command, ShowPolicyCommand):
        if own is not None:
            source = replies.SOURCE_CHANNEL
        elif workspace is not None and current == workspace:
            source = replies.SOURCE_WORKSPACE
        else:
            source = replies.SOURCE_DEFAULT
        return replies.policy_message(
            current,
            channel_id=channel_id,
            channel_class=channel_class,
            source=source,
            is_admin=is_admin,
        )
    if isinstance(command, SetPolicyCommand):
        try:
            updated = merge_policy(current, command.as_overrides())
        except InvalidPolicyError as exc:
            return replies.command_error(str(exc))
        if relaxed_fields(channel_class, updated) and updated.accepted_risk != EXTERNAL_RISK:
            if command.accepted_risk != EXTERNAL_RISK:
                log_event(
                    log,
                    logging.WARNING,
                    "policy relaxation refused: external channel",
                    user_id=user_id,
                    channel_id=channel_id,
                    channel_class=str(channel_class),
                )
                return replies.relaxation_refused(
                    channel_class, command.setting, rules_url=rules_url
                )
            updated = updated.model_copy(update={"accepted_risk": EXTERNAL_RISK})
            log_event(
                log,
                logging.WARNING,
                "external channel relaxed below block: risk accepted",
                user_id=user_id,
                channel_id=channel_id,
                channel_class=str(channel_class),
                reason=EXTERNAL_RISK,
            )
        await store.set_policy(team_id, channel_id, updated, user_id)
        _invalidate(services, team_id, channel_id)
        return replies.policy_updated(
            updated, channel_id=channel_id, channel_class=channel_class, changed=command.setting
        )
    if isinstance(command, ResetPolicyCommand):
        updated = default_policy(channel_class)
        await store.set_policy(team_id, channel_id, updated, user_id)
        _invalidate(services, team_id, channel_id)
        return replies.policy_updated(
            updated, channel_id=channel_id, channel_class=channel_class, changed=None
        )
    if isinstance(command, ApproveCommand | UnapproveCommand):
        approve = isinstance(command, ApproveCommand)
        if approve:
            blocker = await services.channels.approval_blocker(team_id, channel_id, channel_type)
            if blocker is not None:
                return replies.approval_refused(blocker, rules_url=rules_url)
        await store.set_approved(team_id, channel_id, approve, user_id)
        _invalidate(services, team_id, channel_id)
        return replies.approval_changed(channel_id, approve, rules_url=rules_url)
    return replies.command_error("I didn't recognise that command. Try `/phi help`.")


async def _alerts(
    services: Services, command: AlertsCommand, *, team_id: str, channel_id: str, user_id: str
) -> Message:
    """Show, set or clear where this workspace's admin alerts go (per installation)."""
    store = services.store
    if command.target is None and not command.off:
        current = await store.get_workspace_settings(team_id)
        return replies.alerts_status(current.alert_channel, services.alerts.fallback_label())
    if command.off:
        await store.update_workspace_settings(team_id, user_id, alert_channel=None)
        return replies.alerts_changed(None)
    target = channel_id if command.target == HERE else str(command.target)
    refusal = await alert_channel_refusal(services, team_id, target)
    if refusal is not None:
        return replies.alerts_refused(refusal)
    await store.update_workspace_settings(team_id, user_id, alert_channel=target)
    return replies.alerts_changed(target)


async def alert_channel_refusal(services: Services, team_id: str, target: str) -> str | None:
    """Why `target` cannot take this workspace's alerts ("external", "dm", "cannot_post"), or
    None once a first post there proved it can. `/phi alerts` and the App Home modal share it."""
    services.channels.forget(team_id, target)
    try:  # Slack's facts, not a cached or fail-closed guess: the refusal must say the truth
        flags = ChannelFlags.from_info(
            await services.gateway.conversation_info(target, team_id=team_id)
        )
    except SlackGatewayError:
        return "cannot_post"  # not even visible to the bot
    if flags.is_ext_shared:
        return "external"
    if flags.is_im or flags.is_mpim:
        return "dm"
    note = replies.alerts_test_post()
    try:  # a destination the bot cannot post to would lose every alert: prove it first
        await services.gateway.post(
            f"alerts:{team_id}:{target}:{uuid.uuid4().hex}",
            target,
            note["text"],
            note["blocks"],
            team_id=team_id,
        )
    except SlackGatewayError as exc:
        log_event(log, logging.WARNING, "alert channel refused", channel_id=target, error=exc.error)
        return "cannot_post"
    return None


async def change_terms(
    services: Services, team_id: str, user_id: str, command: TermsCommand
) -> Message:
    """Change or list the workspace's vocabulary; the detector uses it from the next scan."""
    store = services.store
    if command.action == "add":
        changed = await store.add_term(team_id, command.kind, command.term, user_id)
    elif command.action == "remove":
        changed = await store.remove_term(team_id, command.kind, command.term, user_id)
    else:
        return replies.terms_list(await store.list_terms(team_id))
    if services.vocabularies is not None:
        services.vocabularies.invalidate(team_id)
    return replies.terms_changed(command.action, command.kind, command.term, changed)
