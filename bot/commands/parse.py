"""Parse the text after `/phi` into a typed command. Pure: who may run it is decided elsewhere.

Errors never quote what the user typed: `/phi John Smith MRN 1234` (a forgotten `check`) must
not come back in an error message, a log line or an exception.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.policy import (
    EXTERNAL_RISK,
    FIELD_ALIASES,
    MAX_CONFIRM_TIMEOUT_SECONDS,
    MIN_CONFIRM_TIMEOUT_SECONDS,
    PolicyAction,
    parse_duration,
)
from bot.rules import all_topics, topic


@dataclass(frozen=True, slots=True)
class HelpCommand:
    """`/phi`, `/phi help`."""


@dataclass(frozen=True, slots=True)
class RulesCommand:
    """`/phi rules [topic]`; `topic` is a resolved `bot.rules` key, None for the index."""

    topic: str | None = None


@dataclass(frozen=True, slots=True)
class CheckCommand:
    """`/phi check <text>`; `text` is unescaped from Slack's &amp;/&lt;/&gt; encoding."""

    text: str

    def __repr__(self) -> str:  # the text may be PHI: keep it out of reprs and tracebacks
        return f"CheckCommand(text=<{len(self.text)} chars>)"


@dataclass(frozen=True, slots=True)
class ShowPolicyCommand:
    """`/phi policy`."""


@dataclass(frozen=True, slots=True)
class SetPolicyCommand:
    """`/phi policy set <setting> <value>`: `field` is a `ChannelPolicy` field name."""

    field: str
    value: PolicyAction | int | bool
    setting: str  # the short name the admin typed, normalised ("text", "timeout", ...)
    accepted_risk: str | None = None  # `... accept-risk <risk>`: see `bot.policy.EXTERNAL_RISK`

    def as_overrides(self) -> dict[str, object]:
        """For `bot.policy.merge_policy(current, command.as_overrides())`."""
        return {self.field: self.value}


@dataclass(frozen=True, slots=True)
class ResetPolicyCommand:
    """`/phi policy reset`: drop this channel's own policy."""


@dataclass(frozen=True, slots=True)
class ApproveCommand:
    """`/phi approve`: mark this channel approved for PHI."""


@dataclass(frozen=True, slots=True)
class UnapproveCommand:
    """`/phi unapprove`."""


@dataclass(frozen=True, slots=True)
class AlertsCommand:
    """`/phi alerts` (show), `/phi alerts #channel` or `here` (set), `/phi alerts off`.

    `target` is a channel id, `HERE` for the channel the command was run in, or None to show
    where alerts go now.
    """

    target: str | None = None
    off: bool = False


HERE = "here"


@dataclass(frozen=True, slots=True)
class SweepCommand:
    """`/phi sweep [30d] [apply]`: scan this channel's history (report only unless `apply`)."""

    days: int = 30
    mode: str = "report"


@dataclass(frozen=True, slots=True)
class TermsCommand:
    """`/phi terms list`, `/phi terms add|remove not-a-name|institution <term>`."""

    action: str  # list | add | remove
    kind: str = ""  # not_name | institution
    term: str = ""

    def __repr__(self) -> str:  # an admin's word could be a person's name: keep it out of logs
        return f"TermsCommand(action={self.action!r}, kind={self.kind!r})"


@dataclass(frozen=True, slots=True)
class InvalidCommand:
    """Input we could not read; `message` says what to type instead, never what was typed."""

    message: str


Command = (
    HelpCommand
    | RulesCommand
    | CheckCommand
    | ShowPolicyCommand
    | SetPolicyCommand
    | ResetPolicyCommand
    | ApproveCommand
    | UnapproveCommand
    | AlertsCommand
    | SweepCommand
    | TermsCommand
    | InvalidCommand
)

_ADMIN_COMMANDS = (
    SetPolicyCommand,
    ResetPolicyCommand,
    ApproveCommand,
    UnapproveCommand,
    AlertsCommand,
    SweepCommand,
    TermsCommand,
)
# A channel as Slack escapes it in a command's text (`should_escape: true` in manifest.yml):
# `<#C0123ABCD|phi-alerts>` (https://docs.slack.dev/interactivity/implementing-slash-commands).
_CHANNEL_REF = re.compile(r"^<#([CG][A-Z0-9]{2,31})(?:\|[^>]*)?>$")
ALERTS_USAGE = (
    "Usage: `/phi alerts #channel` (or `/phi alerts here` in that channel) to send this "
    "workspace's admin alerts there, `/phi alerts off` to stop, `/phi alerts` to see where "
    "they go."
)
TERM_KIND_ALIASES = {
    "not-a-name": "not_name",
    "notaname": "not_name",
    "not_name": "not_name",
    "word": "not_name",
    "institution": "institution",
    "hospital": "institution",
}
TERMS_USAGE = (
    "Usage: `/phi terms list`, `/phi terms add not-a-name <word>` (a word phiwarden wrongly "
    'reads as a name), `/phi terms add institution "<name>"`, `/phi terms remove <kind> <term>`. '
    "A term is up to 80 characters and 6 words."
)
SWEEP_USAGE = (
    "Usage: `/phi sweep [window] [apply]`: the window in days or weeks (default 30d, up to "
    "365d); report only unless you add `apply`, which applies this channel's policy to past posts."
)

# Short setting names accepted by `policy set`, and the values each one takes.
ACTION_SETTINGS = {
    "text": (PolicyAction.ALLOW, PolicyAction.REDACT, PolicyAction.BLOCK, PolicyAction.CONFIRM),
    "images": (PolicyAction.ALLOW, PolicyAction.REDACT, PolicyAction.BLOCK, PolicyAction.CONFIRM),
    "unscannable": (PolicyAction.ALLOW, PolicyAction.BLOCK, PolicyAction.CONFIRM),
    "failure": (PolicyAction.ALLOW, PolicyAction.BLOCK, PolicyAction.CONFIRM),
    "expiry": (PolicyAction.BLOCK, PolicyAction.REDACT),
}
BOOL_SETTINGS = ("low", "offer_redacted", "override")
SETTING_ALIASES = {
    "image": "images",
    "img": "images",
    "files": "unscannable",
    "file": "unscannable",
    "failures": "failure",
    "fail": "failure",
    "error": "failure",
    "wait": "timeout",
    "on-timeout": "expiry",
    "ontimeout": "expiry",
    "offer": "offer_redacted",
    "offer-redacted": "offer_redacted",
    "overrides": "override",
    "justify": "override",
}
SETTINGS = (*ACTION_SETTINGS, "timeout", *BOOL_SETTINGS)

SET_USAGE = (
    "Usage: `/phi policy set <setting> <value>`. Settings: `text`, `images`, `unscannable`, "
    "`failure` (allow, redact, block, confirm; files and failures cannot be redacted), "
    "`timeout` (1m to 24h, like 10m or 1h), `expiry` (block or redact), `low`, "
    "`offer_redacted` and `override` (on or off; `override` lets a poster put a blocked post "
    "back with a written justification)."
)
_UNKNOWN = "I didn't recognise that command. Try `/phi help`, `/phi rules`, `/phi check <text>` or `/phi policy`."


def requires_admin(command: Command) -> bool:
    """Whether only workspace admins/owners and configured phiwarden admins may run `command`."""
    return isinstance(command, _ADMIN_COMMANDS)


def parse_command(text: str | None) -> Command:
    """Read the `text` field of a `/phi` slash command (case and spacing do not matter)."""
    raw = (text or "").strip()
    if not raw:
        return HelpCommand()
    parts = raw.split(None, 1)
    head = parts[0].lower()
    rest = parts[1].strip() if len(parts) > 1 else ""
    if head in ("help", "?", "-h", "--help"):
        return HelpCommand()
    if head in ("rules", "rule"):
        return _rules(rest)
    if head == "check":
        body = html.unescape(rest)
        if not body:
            return InvalidCommand(
                "Add the text to check: `/phi check <text>`. Only you see the result."
            )
        return CheckCommand(body)
    words = raw.lower().split()
    if head == "policy":
        return _policy(words[1:])
    if head == "approve" and len(words) == 1:
        return ApproveCommand()
    if head == "unapprove" and len(words) == 1:
        return UnapproveCommand()
    if head in ("alerts", "alert"):
        return _alerts(rest)
    if head == "sweep":
        return _sweep(words[1:])
    if head in ("terms", "term", "vocabulary"):
        return _terms(html.unescape(rest))
    return InvalidCommand(_UNKNOWN)


def _alerts(rest: str) -> Command:
    if not rest:
        return AlertsCommand()
    if rest.lower() in (HERE, "this"):
        return AlertsCommand(HERE)
    if rest.lower() in ("off", "none", "clear"):
        return AlertsCommand(off=True)
    found = _CHANNEL_REF.match(rest)
    if found is None:
        return InvalidCommand(ALERTS_USAGE)
    return AlertsCommand(found.group(1))


def _terms(rest: str) -> Command:
    parts = rest.split(None, 2)
    action = parts[0].lower() if parts else "list"
    if action in ("list", "show") and len(parts) <= 1:
        return TermsCommand("list")
    if action not in ("add", "remove", "delete", "rm") or len(parts) < 3:
        return InvalidCommand(TERMS_USAGE)
    return term_command("add" if action == "add" else "remove", parts[1], parts[2])


def term_command(action: str, kind_word: str, raw_term: str) -> Command:
    """A vocabulary change, validated the one way (`/phi terms` and the App Home modal)."""
    kind = TERM_KIND_ALIASES.get(kind_word.lower())
    term = raw_term.strip().strip("\"'“”‘’").strip()
    words = term.split()
    if kind is None or not term or len(term) > 80 or len(words) > 6:
        return InvalidCommand(TERMS_USAGE)
    if not any(ch.isalpha() for ch in term):
        return InvalidCommand(TERMS_USAGE)
    return TermsCommand(action, kind, " ".join(words))


def _sweep(args: list[str]) -> Command:
    from bot.flow.sweep import parse_window

    mode, window = "report", None
    for word in args:
        if word in ("apply", "report"):
            mode = word
        elif window is None:
            window = word
        else:
            return InvalidCommand(SWEEP_USAGE)
    try:
        days = parse_window(window)
    except ValueError:
        return InvalidCommand(SWEEP_USAGE)
    return SweepCommand(days=days, mode=mode)


def _rules(rest: str) -> Command:
    if not rest:
        return RulesCommand(None)
    found = topic(rest)
    if found is None:
        keys = ", ".join(f"`{t.key}`" for t in all_topics())
        return InvalidCommand(f"I don't have a rules topic by that name. Topics: {keys}.")
    return RulesCommand(found.key)


def _policy(args: list[str]) -> Command:
    if not args or args == ["show"]:
        return ShowPolicyCommand()
    if args == ["reset"]:
        return ResetPolicyCommand()
    if args[0] != "set":
        return InvalidCommand(
            "Try `/phi policy`, `/phi policy set <setting> <value>` or `/phi policy reset`."
        )
    accepted: str | None = None
    if len(args) == 5 and args[3] == "accept-risk":
        if args[4] != EXTERNAL_RISK:
            return InvalidCommand(f"The only risk that can be accepted is `{EXTERNAL_RISK}`.")
        accepted, args = args[4], args[:3]
    if len(args) != 3:
        return InvalidCommand(SET_USAGE)
    setting = SETTING_ALIASES.get(args[1], args[1])
    value = args[2]
    if setting in ACTION_SETTINGS:
        allowed = ACTION_SETTINGS[setting]
        action = next((a for a in allowed if a.value == value), None)
        if action is None:
            choices = ", ".join(a.value for a in allowed)
            return InvalidCommand(f"`{setting}` takes one of: {choices}.")
        return SetPolicyCommand(FIELD_ALIASES[setting], action, setting, accepted)
    if accepted is not None and setting != "override":
        return InvalidCommand(
            "`accept-risk` only goes with text, images, unscannable, failure or override."
        )
    if setting == "timeout":
        seconds = parse_duration(value)
        if (
            seconds is None
            or not MIN_CONFIRM_TIMEOUT_SECONDS <= seconds <= MAX_CONFIRM_TIMEOUT_SECONDS
        ):
            return InvalidCommand(
                "`timeout` must be between 1 minute and 24 hours, like `10m`, `600s` or `1h`."
            )
        return SetPolicyCommand(FIELD_ALIASES["timeout"], seconds, "timeout")
    if setting in BOOL_SETTINGS:
        if value not in ("on", "off"):
            return InvalidCommand(f"`{setting}` takes on or off.")
        return SetPolicyCommand(FIELD_ALIASES[setting], value == "on", setting, accepted)
    return InvalidCommand(SET_USAGE)
