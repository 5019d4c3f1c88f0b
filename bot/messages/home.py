"""The App Home: the rules for everyone; for admins, channel policies and recent counts."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from bot.messages.commands import ACTION_LABELS, home_section_rules
from bot.messages.ids import BLOCK_HOME_COUNTS, BLOCK_HOME_POLICIES
from bot.messages.kit import SECTION_TEXT_MAX, Block, View, context, header, section
from bot.policy import ChannelClass, ChannelPolicy
from bot.rules import DEFAULT_DOCS_URL

HOME_BLOCKS_MAX = 100
# Channels listed on the Home tab; the rest are summarised so the view stays under 100 blocks.
HOME_CHANNELS_MAX = 200

_COUNT_LABELS = {
    "scan": "Posts checked",
    "phi": "Posts with patient details",
    "redact": "Redacted",
    "block": "Blocked",
    "confirm": "Held for consent",
    "remind": "Reminders",
    "consent": "Consent attested",
    "failure": "Checker failures",
    "unscannable": "Unscannable files",
    "policy_change": "Policy changes",
    "approve": "Approvals",
}


def _short(policy: ChannelPolicy) -> str:
    def word(a: object) -> str:
        return str(getattr(a, "value", a))

    return (
        f"text {word(policy.text_action)} · images {word(policy.image_action)} · "
        f"files {word(policy.unscannable_action)} · failure {word(policy.failure_action)} · "
        f"wait {policy.confirm_timeout_seconds // 60} min"
    )


def home_view(
    is_admin: bool,
    policies: Mapping[str, ChannelPolicy],
    counts: Mapping[str, int],
    *,
    classes: Mapping[str, ChannelClass] | None = None,
    approved: Collection[str] = (),
    workspace_default: ChannelPolicy | None = None,
    period: str = "the last 7 days",
    rules_url: str = DEFAULT_DOCS_URL,
) -> View:
    """`views.publish` payload. Counts are numbers per event/action name; never content."""
    blocks: list[Block] = home_section_rules(rules_url)
    if not is_admin:
        blocks.append(context("Questions about a channel's policy? `/phi policy` in that channel."))
        return {"type": "home", "blocks": blocks}

    blocks.append(header("Channel policies"))
    if workspace_default is not None:
        blocks.append(section(f"*Workspace default:* {_short(workspace_default)}"))
    legend = " · ".join(f"{a.value}: {label}" for a, label in ACTION_LABELS.items())
    lines: list[str] = []
    channel_ids = sorted(set(policies) | set(approved))
    for channel_id in channel_ids[:HOME_CHANNELS_MAX]:
        cls = (classes or {}).get(channel_id)
        if channel_id in approved:
            cls = ChannelClass.APPROVED
        tag = f" ({cls.value})" if cls else ""
        policy = policies.get(channel_id)
        detail = _short(policy) if policy else "default policy"
        lines.append(f"<#{channel_id}>{tag}: {detail}")
    if len(channel_ids) > HOME_CHANNELS_MAX:
        lines.append(
            f"…and {len(channel_ids) - HOME_CHANNELS_MAX} more. `/phi policy` shows any channel's policy."
        )
    if not lines:
        lines = ["No channel has its own policy yet; every channel uses the defaults."]
    chunk = ""
    chunks: list[str] = []
    for line in lines:
        if len(chunk) + len(line) + 1 > SECTION_TEXT_MAX:
            chunks.append(chunk)
            chunk = ""
        chunk = f"{chunk}\n{line}" if chunk else line
    chunks.append(chunk)
    room = HOME_BLOCKS_MAX - len(blocks) - 4
    for i, text in enumerate(chunks[:room]):
        blocks.append(section(text, block_id=f"{BLOCK_HOME_POLICIES}_{i}"))
    blocks.append(context(legend))

    blocks.append(header(f"Activity in {period}"))
    if counts:
        text = "\n".join(
            f"*{_COUNT_LABELS.get(k, k.replace('_', ' ').capitalize())}:* {v}"
            for k, v in sorted(counts.items())
        )
    else:
        text = "Nothing recorded yet."
    blocks.append(section(text, block_id=BLOCK_HOME_COUNTS))
    blocks.append(
        context(
            "Counts only: a post's words are kept only while it waits for a check or an "
            "answer, encrypted, and erased after."
        )
    )
    return {"type": "home", "blocks": blocks}
