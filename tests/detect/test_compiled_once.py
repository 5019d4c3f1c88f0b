"""The checks that run on every match compile their patterns once, at import.

A module-level `regex.search(pattern, ...)` looks its pattern up in the `regex` module's cache
on every call, through flag enums: about ten times the cost of the search on a compiled
pattern, and the date, identifier, age and plate checks and the post-passes made some 20
such calls a message on the dev letters (issue 13). Scanning and redacting dev texts here must
not ask that cache once from any module of `bot/detect`, so a module added later is held to it
too; the only exception is a pattern built from a value found in the text itself.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

import pytest
import regex._main as regex_main

from bench.text_bench import corpus
from bot.detect.engine import TextEngine

# patterns that cannot be compiled at import: built from a value found in this very text
BUILT_PER_VALUE = {("verbal_secrets.py", "_echoes")}  # the found secret, said again


def test_a_scan_and_its_redaction_look_no_pattern_up_in_the_regex_cache(
    engine: TextEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [
        e["text"]
        for split in (
            "dev",
            "clinic_letters",
            "intake_desk",
            "referral_rows",
            "verification_calls",
            "world_addresses",
            "world_names",
            "account_desk",
        )
        for e in corpus(split, 80, 3)[0]
    ]
    engine.scan_batch(texts[:5])  # anything lazily built on first use is built now
    callers: Counter[str] = Counter()
    compile_ = regex_main._compile

    def counted(*args: Any, **kwargs: Any) -> Any:
        frame = sys._getframe(2)  # the caller of `regex.search` and the like
        where = frame.f_code.co_filename.replace("\\", "/")
        if (where.rsplit("/", 1)[-1], frame.f_code.co_name) not in BUILT_PER_VALUE:
            callers[where] += 1
        return compile_(*args, **kwargs)

    monkeypatch.setattr(regex_main, "_compile", counted)
    for text, result in zip(texts, engine.scan_batch(texts), strict=True):
        engine.redact(text, result)
    ours = {f: n for f, n in callers.items() if "/bot/detect/" in f}
    assert ours == {}
