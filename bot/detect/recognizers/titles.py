"""Whether a word stands right after a title ("Dr. Ashford", "Mrs Dunne is 92"): one list of
titles, the name recognizers' own (`TITLES_PERSON | TITLES_PRACTITIONER`), for every rule that
asks, so a title one rule knows is never a word another takes for a town or a reading. Each
rule asks over its own window of characters before the word."""

from __future__ import annotations

import regex as re

from bot.detect.recognizers.names_lexicon import TITLES_PERSON, TITLES_PRACTITIONER

TITLES = TITLES_PERSON | TITLES_PRACTITIONER
# The whole word before the gap, with its full stop ("Dr."): never the tail of a longer word
# ("Adams Ashford" holds no "ms", "Grandpa Ashford" no "pa")
_WORD_BEFORE = re.compile(r"(?<![\w.])([\w.]+)\s+$")


def after_title(text: str, start: int, window: int = 16) -> bool:
    """Whether the word ending within `window` characters before `start` is a title."""
    word = _WORD_BEFORE.search(text, max(0, start - window), start)
    return word is not None and word.group(1).lower() in TITLES
