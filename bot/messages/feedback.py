"""The "This isn't patient information" button on every notice, and what it sends.

The button carries the scan job's id only; the report that reaches admins names the kinds and
the recognizers that fired (read back from the audit trail), never the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.messages.kit import (
    Block,
    Message,
    actions,
    button,
    context,
    describe_kinds,
    message,
    section,
)

ACTION_FALSE_POSITIVE = "phiwarden_false_positive"
BLOCK_FEEDBACK = "phiwarden_feedback"
BUTTON_TEXT = "This isn't patient information"


def report_block(job_id: str) -> Block:
    return actions(BLOCK_FEEDBACK, [button(BUTTON_TEXT, ACTION_FALSE_POSITIVE, job_id)])


def with_report_button(msg: Message, job_id: str) -> Message:
    """`msg` with the report button appended (once), for a notice about scan job `job_id`."""
    blocks = [b for b in msg.get("blocks") or [] if b.get("block_id") != BLOCK_FEEDBACK]
    return {**msg, "blocks": [*blocks, report_block(job_id)]}


def thanks() -> Message:
    text = (
        "Thanks: your report went to the admins with the kinds of detail that were flagged "
        "(not your message). They can teach phiwarden your workspace's words."
    )
    return message(text, [section(f":pray: {text}")])


def admin_report(
    *, channel_id: str, user_id: str, kinds: Sequence[str], recognizers: Sequence[str]
) -> Message:
    """For the alert destination: where, who, what kinds, which recognizers. No content."""
    fired = ", ".join(f"`{r}`" for r in recognizers) or "not recorded"
    text = f"False-positive report from <@{user_id}> in <#{channel_id}>"
    blocks = [
        section(
            f":speech_balloon: *{text}*\n*Flagged as* {describe_kinds(kinds)}\n"
            f"*Recognizers* {fired}"
        ),
        context(
            "The poster says this was not patient information. Reports never include message "
            "content; repeated reports of one recognizer are counted in the compliance report."
        ),
    ]
    return message(text, blocks)
