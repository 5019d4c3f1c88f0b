"""What admins are told when phiwarden could not do its job: why a post or a file is still in
Slack, in words an admin can act on, and never its content.

The reasons (`AlertReason`) are stored in the audit trail; the refusal texts follow what
`chat.delete` and `files.delete` answer. Split out of `bot.messages.notices`, which keeps what the
poster sees.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from bot.messages.kit import Block, Message, context, describe_kinds, link, message, poster, section
from bot.policy import ActionKind
from bot.rules import DEFAULT_DOCS_URL


class AlertReason(StrEnum):
    """Why admins are alerted; shown to them, stored in the audit trail."""

    CANNOT_REMOVE = "cannot_remove"  # no admin user token, or Slack refused the delete
    DETECTOR_FAILURE = "detector_failure"
    EXTERNAL = "external"  # PHI posted in a Slack Connect channel
    UNRESOLVED = "unresolved"  # a confirm timed out and the post could not be removed
    UNFINISHED = "unfinished"  # the job kept failing (Slack or the database), post unchecked
    SETTING = "setting"  # a channel topic or purpose was set with patient details
    TOO_LONG = "too_long"  # more text than one scan reads: the failure action, no checker fault


# Why a post could not be removed, by what `chat.delete` answered
# (https://docs.slack.dev/reference/methods/chat.delete: its own errors, then the errors every
# method may return). `no_admin_token` is ours: there was no user token to ask with.
_REFUSALS = {
    "no_admin_token": "phiwarden could not remove the post: it needs an admin user token "
    "(`SLACK_ADMIN_USER_TOKEN`, or an install by a workspace admin) to delete other people's "
    "messages.",
    "compliance_exports_prevent_deletion": "Slack refused to delete the post: compliance "
    "exports are on in this workspace, so messages cannot be deleted. Remove it by hand or "
    "through your retention tooling.",
    "cant_delete_message": "Slack refused to delete the post: the admin token's user may not "
    "delete this message (message deletion may be restricted to owners in this workspace).",
    "channel_not_found": "Slack refused to delete the post: the admin token's user cannot see "
    "this conversation (a DM or private channel they are not in).",
    "access_denied": "Slack refused to delete the post: access denied to this message.",
    "ekm_access_denied": "Slack refused to delete the post: the workspace's encryption keys "
    "(Enterprise Key Management) were revoked for this content.",
    "enterprise_is_restricted": "Slack refused to delete the post: the Enterprise Grid "
    "organisation restricts this action.",
    "not_authed": "phiwarden could not remove the post: the admin user token was not accepted.",
    "invalid_auth": "phiwarden could not remove the post: the admin user token is invalid.",
    "token_revoked": "phiwarden could not remove the post: the admin user token was revoked.",
    "token_expired": "phiwarden could not remove the post: the admin user token expired.",
    "account_inactive": "phiwarden could not remove the post: the admin token's user is "
    "deactivated.",
    "missing_scope": "phiwarden could not remove the post: the admin user token lacks "
    "`chat:write`.",
    "not_allowed_token_type": "phiwarden could not remove the post: the admin token is not a "
    "user token.",
    "no_permission": "phiwarden could not remove the post: the admin user token lacks the "
    "permission.",
}


def refusal_text(code: str | None) -> str:
    """What admins read about a delete that did not happen (a Slack error code, never content)."""
    if code is None:
        return _ALERT_REASONS[AlertReason.CANNOT_REMOVE]
    known = _REFUSALS.get(code)
    if known is not None:
        return known
    safe = code if re.fullmatch(r"[a-z0-9_]{1,64}", code) else "unknown"
    return f"Slack refused to delete the post (`{safe}`)."


_ALERT_REASONS = {
    AlertReason.CANNOT_REMOVE: "phiwarden could not remove the post (it needs an admin user "
    "token, `SLACK_ADMIN_USER_TOKEN`, to delete other people's messages).",
    AlertReason.DETECTOR_FAILURE: "The PHI checker failed on this post, so the channel's "
    "failure action was applied. Check the phiwarden logs and `/healthz`.",
    AlertReason.EXTERNAL: "Patient details were posted in a Slack Connect channel shared with "
    "another organisation.",
    AlertReason.UNRESOLVED: "A post awaiting consent timed out and could not be removed.",
    AlertReason.UNFINISHED: "phiwarden could not finish handling this post: its job kept "
    "failing (Slack, the database or the checker), so it may still be visible unchecked. "
    "Check the post and the phiwarden logs.",
    AlertReason.SETTING: "A channel topic, description or name was set with patient details. "
    "phiwarden replaces a topic or description with a de-identified copy where the app may; "
    "otherwise (and always for a name) it stays on show until someone changes it.",
    AlertReason.TOO_LONG: "A post was too long for phiwarden to check in one scan, so the "
    "channel's failure action was applied. The checker itself did not fail.",
}

_ACTION_LABELS = {
    ActionKind.NONE: "logged only",
    ActionKind.REMIND: "reminder sent",
    ActionKind.REDACT: "replaced with a de-identified copy",
    ActionKind.BLOCK: "removed",
    ActionKind.CONFIRM: "hidden until the poster attests consent",
}


def admin_alert(
    *,
    channel_id: str,
    user_id: str,
    kinds: Sequence[str],
    action: ActionKind,
    removed: bool,
    reason: AlertReason,
    rules_url: str = DEFAULT_DOCS_URL,
    refusal: str | None = None,
) -> Message:
    """For the admins' alert channel or DMs: where, who, what kinds, what was done. No content.

    `refusal` is why the post could not be removed (what `chat.delete` answered) for
    `CANNOT_REMOVE`: the alert says what really happened instead of guessing.
    """
    why = refusal_text(refusal) if reason is AlertReason.CANNOT_REMOVE else _ALERT_REASONS[reason]
    status = "Removed" if removed else "*Still visible: please remove it*"
    fields = [
        {"type": "mrkdwn", "text": f"*Channel*\n<#{channel_id}>"},
        {"type": "mrkdwn", "text": f"*Posted by*\n{poster(user_id)}"},
        {"type": "mrkdwn", "text": f"*Found*\n{describe_kinds(kinds) if kinds else 'not checked'}"},
        {"type": "mrkdwn", "text": f"*Action*\n{_ACTION_LABELS[action]}"},
        {"type": "mrkdwn", "text": f"*Status*\n{status}"},
    ]
    blocks: list[Block] = [
        section(f":rotating_light: *phiwarden alert*\n{why}"),
        {"type": "section", "fields": fields},
        context(f"Alerts never include message content. {link(rules_url, 'Sharing rules')}"),
    ]
    return message(f"phiwarden alert in <#{channel_id}>: {why}", blocks)


# Why a blocked file could not be deleted, by what `files.delete` answered
# (https://docs.slack.dev/reference/methods/files.delete); other codes are shown as they are.
_FILE_REFUSALS = {
    "no_admin_token": "phiwarden needs an admin user token (`SLACK_ADMIN_USER_TOKEN`, or an "
    "install by a workspace admin) with the `files:write` user scope to delete files.",
    "missing_scope": "the admin user token lacks the `files:write` user scope; reinstall the "
    "app with it.",
    "cant_delete_file": "Slack says the admin token's user may not delete this file.",
    "file_deleting_disabled": "file deletion is disabled in this workspace.",
    "file_not_found": "the admin token's user cannot see the file (or it is already gone).",
    # Ours, not Slack's: deleting a canvas deletes the whole document everywhere it is shared.
    "canvas_kept": "It is a canvas, which phiwarden never deletes (that would delete the whole "
    "document, in every channel it is shared in): remove the patient details from it, or "
    "unshare it.",
}


def file_kept_alert(*, channel_id: str, user_id: str, file_id: str, refusal: str | None) -> Message:
    """For admins: a blocked post's file is still in Slack (the file list, its permalink).

    Names the file by id only (never its name: a file name can identify a patient) so an admin
    can find and delete it.
    """
    code = refusal or "unknown"
    safe = code if re.fullmatch(r"[a-z0-9_]{1,64}", code) else "unknown"
    safe_id = file_id if re.fullmatch(r"[A-Z0-9]{1,32}", file_id) else "unknown"
    why = _FILE_REFUSALS.get(safe, f"Slack refused to delete it (`{safe}`).")
    text = (
        f":rotating_light: *phiwarden alert*\nA file from a removed post is still in Slack: "
        f"file `{safe_id}`, shared in <#{channel_id}> by <@{user_id}>. It stays reachable from "
        f"the workspace's file list and its link until deleted. {why}"
    )
    thing = "canvas" if safe == "canvas_kept" else "file"
    return message(
        f"phiwarden alert: {thing} {safe_id} from a removed post in <#{channel_id}> is still in "
        "Slack.",
        [section(text), context("Alerts never include message or file content.")],
    )
