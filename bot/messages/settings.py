"""App Home settings for admins: the buttons, the modals, and reading their submissions back.

Each button on the admin's Home tab opens one modal (`views.open`); each modal's submission is
read here into plain values (`read_*`), never trusted further: `bot.commands.settings` checks
the submitter is an admin and validates again before anything is saved. Limits follow Slack's
Block Kit reference (docs.slack.dev/reference/block-kit): option text at most 75 characters,
at most 100 options in a `static_select`, at most 10 in `checkboxes` and `radio_buttons`, view
titles and buttons 24 characters; `bot.messages.limits.problems` checks every modal in tests.

`conversations_select` takes a filter object (docs.slack.dev/reference/block-kit/
composition-objects/conversation-filter-object): we leave Slack Connect channels and DMs out,
since neither may receive this workspace's alerts or be picked for a policy here by mistake
(`/phi policy` in the channel itself still works, with its floor).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.messages import ids
from bot.messages.commands import ACTION_LABELS
from bot.messages.kit import (
    Block,
    View,
    actions,
    button,
    context,
    header,
    plain,
    section,
)
from bot.policy import ChannelPolicy, PolicyAction

OPTION_TEXT_MAX = 75
STATIC_SELECT_OPTIONS_MAX = 100
CHECKBOX_OPTIONS_MAX = 10
TERM_KINDS = (("not_name", "A word that is not a name"), ("institution", "An institution"))
TERM_KIND_LABELS = dict(TERM_KINDS)

# The policy form: one select per action setting, with the values `/phi policy set` accepts.
POLICY_SELECTS: tuple[tuple[str, str, str, str, tuple[PolicyAction, ...]], ...] = (
    (
        "text_action",
        ids.BLOCK_SET_TEXT,
        ids.ACTION_SET_TEXT,
        "Text with patient details",
        (PolicyAction.ALLOW, PolicyAction.REDACT, PolicyAction.BLOCK, PolicyAction.CONFIRM),
    ),
    (
        "image_action",
        ids.BLOCK_SET_IMAGES,
        ids.ACTION_SET_IMAGES,
        "Images with patient details",
        (PolicyAction.ALLOW, PolicyAction.REDACT, PolicyAction.BLOCK, PolicyAction.CONFIRM),
    ),
    (
        "unscannable_action",
        ids.BLOCK_SET_UNSCANNABLE,
        ids.ACTION_SET_UNSCANNABLE,
        "Files phiwarden can't read",
        (PolicyAction.ALLOW, PolicyAction.BLOCK, PolicyAction.CONFIRM),
    ),
    (
        "failure_action",
        ids.BLOCK_SET_FAILURE,
        ids.ACTION_SET_FAILURE,
        "If the checker fails",
        (PolicyAction.ALLOW, PolicyAction.BLOCK, PolicyAction.CONFIRM),
    ),
)
POLICY_FLAGS = (
    ("allow_override", "Posters may override a block with a written justification"),
    ("offer_redacted_image", "After blocking an image, offer the redacted copy"),
    ("act_on_low", "Act on a single weak detail"),
)
RISK_VALUE = "accept"
NOT_ADMIN = "Only workspace admins and phiwarden admins can change these settings."


def _option(value: str, text: str) -> dict[str, Any]:
    return {"text": plain(text, OPTION_TEXT_MAX), "value": value}


def _modal(callback_id: str, title: str, blocks: list[Block], metadata: str = "") -> View:
    view: View = {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title, 24),
        "submit": plain("Save", 24),
        "close": plain("Cancel", 24),
        "blocks": blocks,
    }
    if metadata:
        view["private_metadata"] = metadata
    return view


def _conversation_input(block_id: str, label: str, *, initial: str | None, optional: bool) -> Block:
    element: dict[str, Any] = {
        "type": "conversations_select",
        "action_id": ids.ACTION_SET_CONVERSATION,
        "filter": {
            "include": ["public", "private"],
            "exclude_external_shared_channels": True,
            "exclude_bot_users": True,
        },
    }
    if initial:
        element["initial_conversation"] = initial
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": plain(label, 2000),
        "element": element,
    }


# The Home tab -------------------------------------------------------------------------


def settings_section(
    alert_channel: str | None,
    *,
    fallback: str | None,
    terms: Sequence[tuple[str, str]],
    workspace_default: ChannelPolicy | None,
) -> list[Block]:
    """The admin's settings summary and the buttons that open each modal."""
    alerts = f"<#{alert_channel}>" if alert_channel else (fallback or "nowhere")
    institutions = sum(1 for kind, _ in terms if kind == "institution")
    default = (
        "set (see Channel policies)" if workspace_default is not None else "phiwarden's defaults"
    )
    buttons = [
        button("Alert channel", ids.ACTION_SETTINGS_ALERTS, "alerts"),
        button("Add a term", ids.ACTION_SETTINGS_TERM_ADD, "term_add"),
    ]
    if terms:
        buttons.append(button("Remove a term", ids.ACTION_SETTINGS_TERM_REMOVE, "term_remove"))
    buttons += [
        button("Workspace default policy", ids.ACTION_SETTINGS_DEFAULT_POLICY, "default"),
        button("A channel's policy", ids.ACTION_SETTINGS_CHANNEL_POLICY, "channel"),
        button("Sweep a channel", ids.ACTION_SETTINGS_SWEEP, "sweep"),
    ]
    return [
        header("Settings"),
        section(
            f"*Admin alerts go to* {alerts}\n"
            f"*Vocabulary* {len(terms) - institutions} word(s) that are not names, "
            f"{institutions} institution(s)\n*Workspace default policy* {default}",
            block_id=ids.BLOCK_HOME_SETTINGS,
        ),
        actions(ids.BLOCK_HOME_SETTINGS_ACTIONS, buttons),
        context("Every change is recorded in the audit trail with your name and the time."),
    ]


# The modals ---------------------------------------------------------------------------


def alerts_modal(current: str | None) -> View:
    return _modal(
        ids.VIEW_SETTINGS_ALERTS,
        "Alert channel",
        [
            section(
                "Where this workspace's admin alerts, sweep summaries and false-positive "
                "reports go. phiwarden posts a first note there to prove it can. Leave it empty "
                "to use the deployment's default."
            ),
            _conversation_input(
                ids.BLOCK_SET_ALERT_CHANNEL, "Alert channel", initial=current, optional=True
            ),
        ],
    )


def term_add_modal() -> View:
    return _modal(
        ids.VIEW_SETTINGS_TERM_ADD,
        "Add a term",
        [
            section(
                "Teach phiwarden a word of your workspace: one it wrongly reads as a name "
                '("poll", "Bay"), or one of your institutions ("St Elsewhere"). It applies '
                "from the next post, in this workspace only."
            ),
            {
                "type": "input",
                "block_id": ids.BLOCK_SET_TERM_KIND,
                "label": plain("What kind of term?", 2000),
                "element": {
                    "type": "radio_buttons",
                    "action_id": ids.ACTION_SET_TERM_KIND,
                    "options": [_option(kind, label) for kind, label in TERM_KINDS],
                },
            },
            {
                "type": "input",
                "block_id": ids.BLOCK_SET_TERM,
                "label": plain("The term (up to 80 characters and 6 words)", 2000),
                "element": {
                    "type": "plain_text_input",
                    "action_id": ids.ACTION_SET_TERM,
                    "max_length": 80,
                },
            },
        ],
    )


def term_remove_modal(terms: Sequence[tuple[str, str]]) -> View:
    """A select of the workspace's terms (the first 100: Slack's limit for a static select)."""
    shown = list(terms)[:STATIC_SELECT_OPTIONS_MAX]
    blocks: list[Block] = [
        {
            "type": "input",
            "block_id": ids.BLOCK_SET_TERM_REMOVE,
            "label": plain("Term to remove", 2000),
            "element": {
                "type": "static_select",
                "action_id": ids.ACTION_SET_TERM_REMOVE,
                "placeholder": plain("Choose a term"),
                "options": [
                    _option(f"{kind}:{term}", f"{TERM_KIND_LABELS.get(kind, kind)}: {term}")
                    for kind, term in shown
                ],
            },
        }
    ]
    if len(terms) > len(shown):
        blocks.append(
            context(
                f"The first {len(shown)} of {len(terms)} terms; `/phi terms remove` removes any."
            )
        )
    return _modal(ids.VIEW_SETTINGS_TERM_REMOVE, "Remove a term", blocks)


SWEEP_WINDOWS = (
    ("7", "The last 7 days"),
    ("30", "The last 30 days"),
    ("90", "The last 90 days"),
    ("365", "The last year"),
)
SWEEP_MODES = (
    ("report", "Report only: count and list what it finds"),
    ("apply", "Apply the channel's policy to what it finds"),
)


def sweep_modal() -> View:
    """`/phi sweep [window] [apply]` for a channel picked here (docs/sweep.md)."""
    return _modal(
        ids.VIEW_SETTINGS_SWEEP,
        "Sweep a channel",
        [
            section(
                "Check a channel's past posts, threads and files, one page a minute (Slack's "
                "limit). Progress and the summary go to the alert channel."
            ),
            _conversation_input(ids.BLOCK_SWEEP_CHANNEL, "Channel", initial=None, optional=False),
            {
                "type": "input",
                "block_id": ids.BLOCK_SWEEP_WINDOW,
                "label": plain("How far back?", 2000),
                "element": {
                    "type": "static_select",
                    "action_id": ids.ACTION_SWEEP_WINDOW,
                    "options": [_option(days, label) for days, label in SWEEP_WINDOWS],
                    "initial_option": _option(*SWEEP_WINDOWS[1]),
                },
            },
            {
                "type": "input",
                "block_id": ids.BLOCK_SWEEP_MODE,
                "label": plain("What should it do?", 2000),
                "element": {
                    "type": "radio_buttons",
                    "action_id": ids.ACTION_SWEEP_MODE,
                    "options": [_option(mode, label) for mode, label in SWEEP_MODES],
                    "initial_option": _option(*SWEEP_MODES[0]),
                },
            },
        ],
    )


def channel_pick_modal() -> View:
    return _modal(
        ids.VIEW_SETTINGS_PICK_CHANNEL,
        "A channel's policy",
        [_conversation_input(ids.BLOCK_SET_CHANNEL, "Channel", initial=None, optional=False)],
    )


def policy_modal(policy: ChannelPolicy, *, scope: str, where: str, ask_risk: bool = False) -> View:
    """The policy form, filled with `policy`; `scope` ("*" or a channel id) rides in
    `private_metadata` and is checked again on submission."""
    blocks: list[Block] = [section(f"*Policy for {where}*")]
    for field, block_id, action_id, label, choices in POLICY_SELECTS:
        current = getattr(policy, field)
        options = [_option(a.value, ACTION_LABELS[a]) for a in choices]
        element: dict[str, Any] = {
            "type": "static_select",
            "action_id": action_id,
            "options": options,
        }
        if current in choices:
            element["initial_option"] = _option(current.value, ACTION_LABELS[current])
        blocks.append(
            {"type": "input", "block_id": block_id, "label": plain(label, 2000), "element": element}
        )
    blocks.append(
        {
            "type": "input",
            "block_id": ids.BLOCK_SET_TIMEOUT,
            "label": plain("Consent wait (1m to 24h, like 10m or 1h)", 2000),
            "element": {
                "type": "plain_text_input",
                "action_id": ids.ACTION_SET_TIMEOUT,
                "initial_value": f"{policy.confirm_timeout_seconds // 60}m",
                "max_length": 10,
            },
        }
    )
    flags = [_option(field, label) for field, label in POLICY_FLAGS]
    checked = [
        o for o, (field, _) in zip(flags, POLICY_FLAGS, strict=True) if getattr(policy, field)
    ]
    flag_element: dict[str, Any] = {
        "type": "checkboxes",
        "action_id": ids.ACTION_SET_FLAGS,
        "options": flags,
    }
    if checked:
        flag_element["initial_options"] = checked
    blocks.append(
        {
            "type": "input",
            "block_id": ids.BLOCK_SET_FLAGS,
            "optional": True,
            "label": plain("Options", 2000),
            "element": flag_element,
        }
    )
    if ask_risk:
        blocks.append(
            {
                "type": "input",
                "block_id": ids.BLOCK_SET_RISK,
                "optional": True,
                "label": plain("This channel is shared outside your organisation", 2000),
                "element": {
                    "type": "checkboxes",
                    "action_id": ids.ACTION_SET_RISK,
                    "options": [
                        _option(RISK_VALUE, "I accept that PHI may leave the organisation")
                    ],
                },
            }
        )
    return _modal(ids.VIEW_SETTINGS_POLICY, "Policy", blocks, metadata=scope)


# Reading submissions back -----------------------------------------------------------------


def _element(values: Mapping[str, Any], block_id: str, action_id: str) -> Mapping[str, Any]:
    block = values.get(block_id)
    element = block.get(action_id) if isinstance(block, Mapping) else None
    return element if isinstance(element, Mapping) else {}


def read_conversation(values: Mapping[str, Any], block_id: str) -> str | None:
    chosen = _element(values, block_id, ids.ACTION_SET_CONVERSATION).get("selected_conversation")
    return chosen if isinstance(chosen, str) and chosen else None


def read_text(values: Mapping[str, Any], block_id: str, action_id: str) -> str:
    value = _element(values, block_id, action_id).get("value")
    return value.strip() if isinstance(value, str) else ""


def read_choice(values: Mapping[str, Any], block_id: str, action_id: str) -> str | None:
    option = _element(values, block_id, action_id).get("selected_option")
    value = option.get("value") if isinstance(option, Mapping) else None
    return value if isinstance(value, str) else None


def read_checked(values: Mapping[str, Any], block_id: str, action_id: str) -> set[str]:
    options = _element(values, block_id, action_id).get("selected_options")
    if not isinstance(options, list):
        return set()
    return {str(o.get("value")) for o in options if isinstance(o, Mapping)}


def read_policy_form(values: Mapping[str, Any]) -> dict[str, object]:
    """Field name -> submitted value, for `bot.policy.merge_policy` to validate."""
    form: dict[str, object] = {}
    for field, block_id, action_id, _, _ in POLICY_SELECTS:
        chosen = read_choice(values, block_id, action_id)
        if chosen is not None:
            form[field] = chosen
    timeout = read_text(values, ids.BLOCK_SET_TIMEOUT, ids.ACTION_SET_TIMEOUT)
    if timeout:
        form["confirm_timeout_seconds"] = timeout
    checked = read_checked(values, ids.BLOCK_SET_FLAGS, ids.ACTION_SET_FLAGS)
    for field, _ in POLICY_FLAGS:
        form[field] = field in checked
    return form


def block_for_field(field: str) -> str:
    """The input block an error about `field` is shown on."""
    for name, block_id, _, _, _ in POLICY_SELECTS:
        if name == field:
            return block_id
    return ids.BLOCK_SET_TIMEOUT if field == "confirm_timeout_seconds" else ids.BLOCK_SET_FLAGS
