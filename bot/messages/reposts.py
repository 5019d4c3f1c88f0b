"""What phiwarden posts in a removed post's place: the de-identified copy or the attested original.

One source for reposted words (the enforcer, held posts and file reposts all build them here),
sized so Slack accepts every message before the original is removed. Slack rejects a message
whose text over all blocks passes about 12,000 characters (`msg_blocks_too_long`; observed near
13,200 in slackapi/bolt-js#2509, so `limits.BLOCKS_TEXT_MAX` keeps 12,000) and a `text` over
40,000 (`msg_too_long`, https://docs.slack.dev/reference/methods/chat.postMessage). A long copy is
split into several messages, the first in the original's place and the rest in its thread; one
too long even for that is attached as a text file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.messages.kit import Block, Message, context, link, message, poster, section
from bot.messages.limits import problems
from bot.rules import DEFAULT_DOCS_URL

# Redacted text per section, and sections per message: 3 x 2,900 stays well under 12,000 with
# the attribution line (each section's own limit is 3,000).
SECTION_CHARS = 2_900
SECTIONS_PER_MESSAGE = 3
PART_CHARS = SECTION_CHARS * SECTIONS_PER_MESSAGE
# More parts than this (a copy over ~70,000 characters) read badly as a thread: attach a file.
MAX_PARTS = 8
# A reposted file's `initial_comment` carries at most this much of the post's text; the rest
# follows as messages in the thread (the comment becomes a message of its own in Slack).
COMMENT_CHARS = 3_000
FALLBACK_CHARS = 300  # notification text of each part: a preview, not the whole copy
ATTACHMENT_NAME = "message.txt"
# Why an original came back: consent attested (or, `bot.messages.override`, a justified override).
CONSENT_ATTRIBUTION = "patient consent attested to phiwarden"

_PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*)>")
_EMPTY = "_(nothing left after removing identifiers)_"


@dataclass(frozen=True, slots=True)
class Repost:
    """Messages to post in order, and text to attach as a file when it fits no message.

    The first message goes where the original was (its channel and thread); the others go in
    the thread of the first (or the original's thread). `attachment` is uploaded into the same
    thread as `ATTACHMENT_NAME`.
    """

    messages: list[Message]
    attachment: str | None = None


def split_text(text: str, size: int) -> list[str]:
    """Cut `text` into pieces of at most `size` characters, at a line break or a space where one
    is near, never inside a Slack token (`<@U1|name>`, `<https://...>`) or an entity (`&amp;`)."""
    pieces: list[str] = []
    rest = text
    while len(rest) > size:
        cut = _cut_at(rest, size)
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def _cut_at(text: str, size: int) -> int:
    window = text[:size]
    floor = size // 2  # never cut so early that pieces get tiny
    cut = size
    for sep in ("\n", " "):
        found = window.rfind(sep, floor)
        if found > 0:
            cut = found + 1
            break
    # Do not end inside an open `<...>` token or `&...;` entity: cut before it instead.
    opened, closed = window.rfind("<", 0, cut), window.rfind(">", 0, cut)
    if opened > closed and opened > 0:
        cut = opened
    amp = window.rfind("&", max(0, cut - 8), cut)
    if amp > 0 and ";" not in window[amp:cut]:
        cut = amp
    return max(cut, 1)


def _parts(text: str, footer: str) -> list[Message]:
    pieces = split_text(text, PART_CHARS)
    out: list[Message] = []
    for index, piece in enumerate(pieces):
        sections = split_text(piece, SECTION_CHARS)
        blocks: list[Block] = [section(s if s.strip() else " ") for s in sections]
        tail = footer if len(pieces) == 1 else f"{footer} · part {index + 1} of {len(pieces)}"
        blocks.append(context(tail))
        preview = piece.strip()[:FALLBACK_CHARS] or footer
        out.append(message(preview, blocks))
    return out


def _repost(text: str, footer: str, too_long: str) -> Repost:
    parts = _parts(text, footer)
    if len(parts) <= MAX_PARTS:
        return Repost(parts)
    intro = message(too_long, [section(too_long), context(footer)])
    return Repost([intro], attachment=text)


def readable(redacted_text: str) -> str:
    """Placeholders written as `<NAME>` become `[NAME]`, so Slack does not read them as links."""
    return _PLACEHOLDER.sub(r"[\1]", redacted_text).strip()


def redacted_footer(user_id: str, rules_url: str = DEFAULT_DOCS_URL) -> str:
    return (
        f"Posted by {poster(user_id)}, identifiers removed by phiwarden · "
        f"{link(rules_url, 'Sharing rules')}"
    )


def attested_footer(user_id: str, attribution: str = CONSENT_ATTRIBUTION) -> str:
    return f"Posted by {poster(user_id)} · {attribution}"


def redact_repost(redacted_text: str, *, user_id: str, rules_url: str = DEFAULT_DOCS_URL) -> Repost:
    """The public de-identified copy, attributed to the poster, for the same channel and thread.

    `redacted_text` is Slack message text (already mrkdwn-escaped) with identifiers replaced.
    """
    text = readable(redacted_text) or _EMPTY
    return _repost(
        text,
        redacted_footer(user_id, rules_url),
        "The de-identified post is too long for Slack messages, so it is attached as a file.",
    )


def attested_repost(text: str, *, user_id: str, attribution: str = CONSENT_ATTRIBUTION) -> Repost:
    """The original text back in the channel after consent was attested (or a justified
    override), attributed to its author and saying why (`attribution`).

    `text` is the original Slack message text (already mrkdwn-escaped).
    """
    return _repost(
        text if text.strip() else " ",
        attested_footer(user_id, attribution),
        "The post is too long for Slack messages, so it is attached as a file.",
    )


def redacted_image_comment(user_id: str) -> str:
    """The `initial_comment` for a redacted image upload."""
    return f"Posted by {poster(user_id)}, identifiers removed by phiwarden"


@dataclass(frozen=True, slots=True)
class FileRepost:
    """A reposted file's `initial_comment`, and the post's text that did not fit in it."""

    comment: str
    rest: Repost | None = None


def file_repost(
    user_id: str,
    text: str,
    *,
    redacted: bool,
    attribution: str = CONSENT_ATTRIBUTION,
    rules_url: str = DEFAULT_DOCS_URL,
) -> FileRepost:
    """Who posted the file, and the post's (safe) text: in the comment when it fits, otherwise
    the comment names the poster and the text follows in the thread as a repost."""
    head = redacted_image_comment(user_id) if redacted else attested_footer(user_id, attribution)
    body = (readable(text) if redacted else text).strip()
    if not body:
        return FileRepost(head)
    if len(head) + 1 + len(body) <= COMMENT_CHARS:
        return FileRepost(f"{head}\n{body}")
    rest = (
        redact_repost(text, user_id=user_id, rules_url=rules_url)
        if redacted
        else attested_repost(text, user_id=user_id, attribution=attribution)
    )
    return FileRepost(head, rest)


def fits(plan: Repost | FileRepost) -> bool:
    """Whether Slack will take every message of `plan` (checked before an original is removed)."""
    if isinstance(plan, FileRepost):
        return len(plan.comment) <= COMMENT_CHARS and (plan.rest is None or fits(plan.rest))
    return bool(plan.messages) and all(not problems(m) for m in plan.messages)
