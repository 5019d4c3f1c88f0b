"""Neutralise Slack markup before detection, keeping every character offset.

Slack sends `<@U123>` mentions, `<#C123|name>` channel links, `<https://x|label>` links,
`:emoji:` codes, `*bold*`, `_italic_`, `~strike~`, backticks and `&lt;`-style entities. The
detector must not read user or channel ids as record numbers, nor miss "*John Smith*" because of
the asterisks. Markup is blanked with spaces of the same length, so spans found in the cleaned
text index the original text unchanged (and redaction edits the original).
"""

from __future__ import annotations

import regex as re

_MENTION = re.compile(
    r"<(?:[@#][A-Z0-9]+|!(?:here|channel|everyone|subteam\^[A-Z0-9]+|date\^[^>|]*))(?:\|[^>]*)?>"
)
_LINK = re.compile(r"<((?:https?|mailto|tel|ftp):[^>|\s]*)(\|[^>]*)?>")
_EMOJI = re.compile(r"(?<![\w:/]):[a-z0-9][a-z0-9_+'\-]*:(?::skin-tone-\d:)?(?![\w/])")
_ENTITY = re.compile(r"&(?:lt|gt|amp);")
_FORMAT = re.compile(r"[*~`]|(?<![\w])_|_(?![\w])")
# A mark inside a word ("369`258`14", "Va*rg*a"): the reader sees one word, so the mark becomes
# a zero-width space, which the normalised view drops (`bot.detect.normalise`), not a gap.
_FORMAT_INSIDE = re.compile(r"(?<=[^\W_])[*~`]+(?=[^\W_])")
_QUOTE = re.compile(r"^(?:>|&gt;)", re.MULTILINE)


def _blank(match: re.Match[str]) -> str:
    return " " * (int(match.end()) - int(match.start()))


def _link(match: re.Match[str]) -> str:
    """Keep the URL and the label readable; blank the brackets, the bar and a scheme prefix."""
    url, label = str(match.group(1)), str(match.group(2) or "")
    for prefix in ("mailto:", "tel:"):
        if url.startswith(prefix):
            url = " " * len(prefix) + url[len(prefix) :]
    return " " + url + (" " + label[1:] if label else "") + " "


def neutralise(text: str) -> str:
    """Same-length copy of `text` with Slack markup replaced by spaces."""
    out: str = _MENTION.sub(_blank, text)
    out = _LINK.sub(_link, out)
    out = _EMOJI.sub(_blank, out)
    out = _ENTITY.sub(
        lambda m: {"&lt;": "<", "&gt;": ">", "&amp;": "&"}[m.group()] + " " * (len(m.group()) - 1),
        out,
    )
    out = _QUOTE.sub(_blank, out)
    out = _FORMAT_INSIDE.sub(lambda m: "\u200b" * len(m.group()), out)
    out = _FORMAT.sub(" ", out)
    return out
