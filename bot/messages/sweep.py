"""The history sweep's one progress message and its summary: counts, kinds and links only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.messages.kit import Message, context, describe_kinds, link, message, section
from bot.store.api import Sweep

MAX_LINKS = 20  # links in the summary; the rest are counted
_MODE = {
    "report": "report only: nothing is changed",
    "apply": "applying the channel's policy to past posts",
}
_ERRORS = {
    "not_in_channel": "the bot is not a member of the channel any more",
    "channel_not_found": "the channel no longer exists or cannot be seen",
    "missing_scope": "the app lacks the history scope for this kind of channel",
    "is_archived": "the channel was archived",
}


def _counts(state: dict[str, Any]) -> str:
    text = (
        f"*Scanned* {int(state.get('scanned', 0))} · *found* {int(state.get('found', 0))}"
        f" · *acted on* {int(state.get('acted', 0))}"
    )
    threads = len(state.get("threads") or [])
    if threads and state.get("phase") == "replies":
        text += f" · {threads} thread(s) still to read"
    return text


def progress(sweep: Sweep, state: dict[str, Any]) -> Message:
    head = f":mag: *History sweep of <#{sweep.channel_id}>*, {_MODE.get(sweep.mode, sweep.mode)}"
    blocks = [
        section(f"{head}\n{_counts(state)}"),
        context(
            "Slack allows this app one history page a minute, so a long channel takes a while."
            " This message updates as it goes; it never shows message content."
        ),
    ]
    return message(f"History sweep of <#{sweep.channel_id}>: {_counts(state)}", blocks)


def summary(sweep: Sweep, state: dict[str, Any], links: Sequence[str]) -> Message:
    error = str(state.get("error") or "")
    if error:
        head = (
            f":warning: *History sweep of <#{sweep.channel_id}> stopped*:"
            f" {_ERRORS.get(error, 'Slack refused the history read')}."
        )
    else:
        head = f":white_check_mark: *History sweep of <#{sweep.channel_id}> finished*"
    kinds = state.get("kinds") or {}
    lines = [head, _counts(state)]
    if kinds:
        lines.append(f"*Found* {describe_kinds(kinds)}")
    blocks = [section("\n".join(lines))]
    hits = list(state.get("hits") or [])
    if hits:
        items = []
        for index, hit in enumerate(hits[:MAX_LINKS]):
            url = links[index] if index < len(links) else ""
            label = f"post {index + 1}: {describe_kinds(hit.get('kinds') or [])}"
            items.append(f"• {link(url, label)}" if url else f"• {label}")
        more = int(state.get("found", 0)) - len(items)
        if more > 0:
            items.append(f"…and {more} more")
        blocks.append(section("\n".join(items)))
    if sweep.mode == "report" and hits:
        blocks.append(
            context("Report only: nothing was changed. Run `/phi sweep apply` to apply the policy.")
        )
    blocks.append(context("Links and kinds only: no message content is shown."))
    return message(f"History sweep of <#{sweep.channel_id}> finished: {_counts(state)}", blocks)
