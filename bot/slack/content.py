"""Every text a Slack message shows its readers, each with where it came from.

`text` is only one of the places a post carries words. A forwarded message ("Share message")
arrives with an empty `text` and the forwarded post in `attachments[]` (`is_share`,
`is_msg_unfurl`, `message_blocks`); a post made through the API, a workflow or a user token may
say one thing in `text` and another in `blocks`; a file carries its `name`, `title`, a snippet's
`preview` and (older uploads) an `initial_comment`; a topic or purpose change carries the new
value. Payload shapes: tests/payloads/ (forwarded_message, share_with_message,
message_rich_text*, file_share_snippet, channel_topic, channel_purpose; each names its source).

This module only reads dicts: `message_parts()` returns `Part`s in the order a reader sees them,
`Document` joins them for one scan (the combination rule then counts findings across parts) and
maps each finding back to its part, so the redacted copy is rebuilt part by part and a file's
name is redacted where it is used. It knows nothing of detection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# Origins, in the order `message_parts` emits them. Message parts are reposted as text; file
# parts name or describe a file and are redacted where the file is reposted.
TEXT = "text"
BLOCKS = "blocks"
ATTACHMENT = "attachment"
ATTACHMENT_META = "attachment_meta"  # fallback, links, footer: scanned, never reposted
FILE_NAME = "file_name"
FILE_TITLE = "file_title"
FILE_PREVIEW = "file_preview"
FILE_COMMENT = "file_comment"
FILE_ALT = "file_alt"  # an image's alt text, read aloud by screen readers (scanned only)
TOPIC = "topic"
PURPOSE = "purpose"
CHANNEL_NAME = "channel_name"
MESSAGE_ORIGINS = frozenset({TEXT, BLOCKS, ATTACHMENT, FILE_PREVIEW, FILE_COMMENT})
SEPARATOR = "\n\n"

# Subtypes whose text is a channel setting (Slack docs: message/channel_topic, channel_purpose,
# group_topic, group_purpose); the value sits in `topic` / `purpose`.
SETTING_SUBTYPES = {
    "channel_topic": TOPIC,
    "group_topic": TOPIC,
    "channel_purpose": PURPOSE,
    "group_purpose": PURPOSE,
    # A rename: the new name in `name` (docs.slack.dev/reference/events/message/channel_name).
    "channel_name": CHANNEL_NAME,
    "group_name": CHANNEL_NAME,
}
SETTING_ORIGINS = frozenset(SETTING_SUBTYPES.values())
_SETTING_FIELD = {TOPIC: "topic", PURPOSE: "purpose", CHANNEL_NAME: "name"}

# Keys of block and attachment objects whose string values readers see (or follow: URLs).
_SHOWN_KEYS = frozenset(
    {
        "text",
        "alt_text",
        "title",
        "url",
        "fallback",
        "pretext",
        "author_name",
        "author_subname",
        "author_link",
        "title_link",
        "footer",
        "value",
        "label",
        "placeholder",
        "description",
        "image_url",
        "from_url",
        "original_url",
        "service_name",
        # Inputs show their pre-filled value (Block Kit: plain_text_input, email, url and
        # number inputs' `initial_value`, date picker's `initial_date`); a workflow or app
        # can post them in a message.
        "initial_value",
        "initial_date",
    }
)
# Keys that hold ids or styling, never words (skipped to keep the scanned text readable).
_SKIPPED_KEYS = frozenset(
    {
        "type",
        "block_id",
        "action_id",
        "style",
        "color",
        "unicode",
        "indent",
        "border",
        "offset",
        "mrkdwn_in",
        "author_icon",
        "footer_icon",
        "thumb_url",
        "service_icon",
        "id",
        "ts",
        "team",
        "channel",
        "channel_id",
        "channel_team",
        "author_id",
        "user_id",
        "bot_id",
        "app_id",
        "language",
        "callback_id",
        "files",  # files inside attachments are read by `_file_parts`
        "message_blocks",  # read as the attachment's rich text
    }
)
_MAX_DEPTH = 32  # Slack nests a few levels; deeper input is read no further (and flagged)


@dataclass(frozen=True, slots=True)
class Part:
    """One text a reader sees. `file` is the index of the file it belongs to, if any; `raw`
    is the text as shown when `text` (what is scanned, same length) reads it differently."""

    origin: str
    text: str
    file: int | None = None
    raw: str | None = None

    @property
    def shown(self) -> str:
        return self.raw if self.raw is not None else self.text

    def to_json(self) -> list[Any]:
        return [self.origin, self.text, self.file, self.raw]

    @classmethod
    def from_json(cls, raw: Any) -> Part | None:
        if not isinstance(raw, list | tuple) or len(raw) not in (3, 4):
            return None
        if not isinstance(raw[1], str):
            return None
        file = raw[2] if isinstance(raw[2], int) else None
        shown = raw[3] if len(raw) == 4 and isinstance(raw[3], str) else None
        if shown is not None and len(shown) != len(raw[1]):
            shown = None
        return cls(str(raw[0]), raw[1], file, shown)


def _list(value: Any) -> list[Any]:
    """`value` if it is a list, else empty: a signed body of the wrong shape is read as far as
    it has the right one, never raised on (the listener would answer 500, Slack retry)."""
    return value if isinstance(value, list) else []


# --- rich text, rendered as Slack's own `text` renders it -----------------------------------


def _rich_element(el: dict[str, Any]) -> str:
    """One rich_text element in mrkdwn form, so a mirror of `text` tokenises like it."""
    kind = el.get("type")
    if kind == "text":
        return str(el.get("text") or "")
    if kind == "link":
        url, label = str(el.get("url") or ""), str(el.get("text") or "")
        return f"<{url}|{label}>" if label else f"<{url}>"
    if kind == "user":
        return f"<@{el.get('user_id') or ''}>"
    if kind == "channel":
        return f"<#{el.get('channel_id') or ''}>"
    if kind == "usergroup":
        return f"<!subteam^{el.get('usergroup_id') or ''}>"
    if kind == "broadcast":
        return f"<!{el.get('range') or ''}>"
    if kind == "emoji":
        return f":{el.get('name') or ''}:"
    if kind == "date":
        return str(el.get("fallback") or "")
    # Unknown element types (and `message_mention`, ...): whatever words they hold.
    return " ".join(_strings(el, 0))


def _rich_text(block: dict[str, Any], depth: int = 0) -> str:
    """A rich_text block (sections, lists, quotes, preformatted) as text, one line per container."""
    lines: list[str] = []
    for container in _list(block.get("elements")):
        if not isinstance(container, dict):
            continue
        if container.get("type") == "rich_text_list" and depth < _MAX_DEPTH:
            lines.append(_rich_text(container, depth + 1))
            continue
        inline = container.get("elements")
        if isinstance(inline, list):
            lines.append("".join(_rich_element(e) for e in inline if isinstance(e, dict)))
        else:
            lines.append(_rich_element(container))
    return "\n".join(line for line in lines if line)


def _strings(node: Any, depth: int) -> Iterator[str]:
    """Every shown string under `node` (any block type, known or not), in document order."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from _strings(item, depth + 1)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "rich_text":
        text = _rich_text(node)
        if text:
            yield text
        return
    for key, value in node.items():
        if key in _SKIPPED_KEYS:
            continue
        if isinstance(value, str):
            if key in _SHOWN_KEYS and value.strip():
                yield value
        elif isinstance(value, dict | list):
            yield from _strings(value, depth + 1)


def blocks_text(blocks: Any) -> str:
    """The text of every block element (sections, fields, context, headers, rich text, inputs)."""
    return "\n".join(s for s in _strings(blocks, 0) if s.strip())


# --- is a block or attachment a mirror of `text`? -------------------------------------------

_MENTION_LABEL = re.compile(r"<([#@]|!subteam\^)([A-Z0-9]+)\|[^>]*>")
_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_MENTION_LABEL.sub(r"<\1\2>", text).casefold())


def mirrors(extra: str, already: Iterable[str]) -> bool:
    """True when `extra` says nothing the texts in `already` do not say, word for word.

    A post typed in Slack's composer carries the same words twice (`text` and a rich_text
    block); scanning both would count every finding twice. Anything else (one more word, a
    different link) is scanned on its own.
    """
    words = _tokens(extra)
    return not words or any(words == _tokens(t) for t in already)


# --- attachments ------------------------------------------------------------------------------


def _is_web_unfurl(att: dict[str, Any], text: str) -> bool:
    """A preview Slack fetched for a public web link in the post (not the poster's words).

    Forwards and message links (`is_share`, `is_msg_unfurl`, `message_blocks`) and app unfurls
    (`is_app_unfurl`: an integration chose what to show) are never skipped.
    """
    url = att.get("from_url") or att.get("original_url")
    if not isinstance(url, str) or not url:
        return False
    if any(att.get(k) for k in ("is_share", "is_msg_unfurl", "is_app_unfurl", "message_blocks")):
        return False
    return url in text


_DISPLAY_KEYS = ("pretext", "author_name", "title", "text")
_SHARE_GENERATED = frozenset(
    {"from_url", "author_link", "author_subname", "footer", "fallback", "original_url"}
)
_SHARE_PREFIX = re.compile(r"^\[[^\]\n]{1,80}\]\s*[^:\n]{0,120}:\s*")


def _attachment_parts(att: dict[str, Any]) -> tuple[str, str]:
    """(what the attachment shows as its body, everything else it carries: fallback, links,
    footer, actions). Both are scanned; only the first is reposted as text."""
    shown = [str(att[k]) for k in _DISPLAY_KEYS if isinstance(att.get(k), str) and att[k].strip()]
    for field in _list(att.get("fields")):
        if isinstance(field, dict):
            shown.extend(str(field[k]) for k in ("title", "value") if isinstance(field.get(k), str))
    inner = blocks_text(att.get("blocks"))
    if inner and not mirrors(inner, shown):
        shown.append(inner)
    for mb in _list(att.get("message_blocks")):
        if isinstance(mb, dict) and isinstance(mb.get("message"), dict):
            inner = blocks_text(mb["message"].get("blocks"))
            if inner and not mirrors(inner, shown):
                shown.append(inner)
    skip = {*_DISPLAY_KEYS, "fields", "blocks"}
    rest = {k: v for k, v in att.items() if k not in skip}
    if _is_share(att):
        # Slack wrote these from the original post: its permalink, its author's profile link,
        # and a fallback "[<date and time>] <author>: <text>" (the date is the post's own
        # timestamp, not a date in the message; the text is read from `text` already).
        rest = {k: v for k, v in rest.items() if k not in _SHARE_GENERATED}
        fallback = att.get("fallback")
        if isinstance(fallback, str):
            rest["fallback"] = _SHARE_PREFIX.sub("", fallback, count=1)
    body = "\n".join(s for s in shown if s.strip())
    body_words = _tokens(body)
    extra = [s for s in _strings(rest, 0) if not _contained(_tokens(s), body_words)]
    return body, "\n".join(extra)


def _contained(words: list[str], within: list[str]) -> bool:
    """True when `words` occur in `within` in a row (a fallback repeating the text)."""
    n = len(words)
    return not words or any(within[i : i + n] == words for i in range(len(within) - n + 1))


def _is_share(att: dict[str, Any]) -> bool:
    return bool(att.get("is_share") or att.get("is_msg_unfurl"))


# --- files ------------------------------------------------------------------------------------


# A dot that is not between two digits (an extension, "Elena.Varga"), and underscores: read as
# spaces in a file name, so "xray.png" is not taken for a web address (".pn" is a top-level
# domain) while "03.14.1958" stays a date. Same length, so spans index the name as shown.
_NAME_SEPARATOR = re.compile(r"_|(?<!\d)\.|\.(?!\d)")
# Names a camera or an operating system gives a file, whose date and time are the capture's,
# not a detail of the post: "Screenshot 2024-05-01 at 10.15.22", "IMG_20240501_101522",
# "PXL_20240501_101522123", "WhatsApp Image 2024-05-01 at 10.15.22".
_DEVICE_STAMP = re.compile(
    r"^(?:Screenshot|Screen Shot|Screen Recording|WhatsApp (?:Image|Video)|Photo|IMG|VID|PXL)"
    r"[ _-]?(\d{4}-?\d{2}-?\d{2}(?:(?: at |[ _T-])\d{1,2}[.:]?\d{2}[.:]?\d{2}\d{0,3})?)",
    re.IGNORECASE,
)


def name_form(name: str) -> str:
    """A file name as words (same length): separators read as spaces, a device's own
    timestamp blanked."""
    stamp = _DEVICE_STAMP.match(name)
    if stamp:
        start, end = stamp.span(1)
        name = name[:start] + " " * (end - start) + name[end:]
    return _NAME_SEPARATOR.sub(" ", name)


def _named(origin: str, value: str, index: int) -> Part:
    form = name_form(value)
    return Part(origin, form, index, value if form != value else None)


def _file_parts(f: dict[str, Any], index: int) -> list[Part]:
    parts: list[Part] = []
    name = f.get("name")
    if isinstance(name, str) and name.strip():
        parts.append(_named(FILE_NAME, name, index))
    title = f.get("title")
    if isinstance(title, str) and title.strip() and title != name:
        parts.append(_named(FILE_TITLE, title, index))
    preview = f.get("preview") or f.get("plain_text")
    if isinstance(preview, str) and preview.strip():
        parts.append(Part(FILE_PREVIEW, preview, index))
    # `alt_txt`: "Description of image for screen-reader", set on upload
    # (https://docs.slack.dev/reference/methods/files.getUploadURLExternal).
    alt = f.get("alt_txt")
    if isinstance(alt, str) and alt.strip():
        parts.append(Part(FILE_ALT, alt, index))
    comment = f.get("initial_comment")
    if isinstance(comment, dict):
        comment = comment.get("comment")
    if isinstance(comment, str) and comment.strip():
        parts.append(Part(FILE_COMMENT, comment, index))
    return parts


def message_files(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The files a post shows: its own, then those inside forwarded attachments."""
    files = [f for f in _list(message.get("files")) if isinstance(f, dict)]
    for att in _list(message.get("attachments")):
        if isinstance(att, dict):
            files.extend(f for f in _list(att.get("files")) if isinstance(f, dict))
    return files


# --- the whole message ------------------------------------------------------------------------


def message_parts(message: dict[str, Any]) -> list[Part]:
    """Every text of `message` a reader sees, each once, in reading order."""
    subtype = message.get("subtype")
    if isinstance(subtype, str) and subtype in SETTING_SUBTYPES:
        origin = SETTING_SUBTYPES[str(subtype)]
        value = message.get(_SETTING_FIELD[origin])
        if not isinstance(value, str):  # fall back to the whole system line
            value = message.get("text")
        if not isinstance(value, str) or not value.strip():
            return []
        if origin == CHANNEL_NAME:  # "elena-varga-mrn-4829173" reads as words
            words = value.replace("-", " ").replace("_", " ")
            return [Part(origin, words, None, value if words != value else None)]
        return [Part(origin, value)]
    text = message.get("text")
    text = text if isinstance(text, str) else ""
    parts: list[Part] = [Part(TEXT, text)] if text.strip() else []
    seen = [text]
    shown = blocks_text(message.get("blocks"))
    if shown and not mirrors(shown, seen):
        parts.append(Part(BLOCKS, shown))
        seen.append(shown)
    for att in _list(message.get("attachments")):
        if not isinstance(att, dict) or _is_web_unfurl(att, text):
            continue
        body, extra = _attachment_parts(att)
        if body.strip() and not mirrors(body, seen):
            parts.append(Part(ATTACHMENT, body))
            seen.append(body)
        if extra.strip():
            parts.append(Part(ATTACHMENT_META, extra))
    for index, f in enumerate(message_files(message)):
        parts.extend(_file_parts(f, index))
    return parts


@dataclass(frozen=True, slots=True)
class Document:
    """The parts joined for one scan, with each part's span in the joined text."""

    parts: tuple[Part, ...]
    text: str
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, parts: Sequence[Part]) -> Document:
        spans: list[tuple[int, int]] = []
        pieces: list[str] = []
        cursor = 0
        for i, part in enumerate(parts):
            if i:
                pieces.append(SEPARATOR)
                cursor += len(SEPARATOR)
            spans.append((cursor, cursor + len(part.text)))
            pieces.append(part.text)
            cursor += len(part.text)
        return cls(tuple(parts), "".join(pieces), tuple(spans))

    def split(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """(part index, start, end) in part coordinates of every part the span overlaps.

        A finding that crosses a separator is cut into each part it touches, so no fragment of
        an identifier survives in either.
        """
        for index, (s, e) in enumerate(self.spans):
            lo, hi = max(start, s), min(end, e)
            if lo < hi:
                yield index, lo - s, hi - s

    def origins(self, spans: Iterable[tuple[int, int]]) -> list[str]:
        """The origins (`text`, `attachment`, `file_name`, ...) the given spans fall in."""
        found = {self.parts[i].origin for start, end in spans for i, _, _ in self.split(start, end)}
        return sorted(found)


def message_text(parts: Iterable[Part]) -> str:
    """What a repost shows as text: the message parts (not file names), joined."""
    return SEPARATOR.join(p.shown for p in parts if p.origin in MESSAGE_ORIGINS)
