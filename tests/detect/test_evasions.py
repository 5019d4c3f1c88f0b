"""Evasions a reader sees through: the detector sees through them too, and the redacted copy
keeps no piece of what it found (issue 11, item 6)."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.normalise import view
from bot.detect.types import Kind

# Synthetic identifiers only.
EVASIONS = [
    ("soft hyphen", "pt seen today MRN 3692\u00ad5814", "36925814"),
    ("zero-width space", "pt seen today MRN 369\u200b258\u200b14", "36925814"),
    ("word joiner and BOM", "pt mrn 36\u206092\ufeff5814", "36925814"),
    (
        "full-width digits",
        "pt seen today MRN \uff13\uff16\uff19\uff12\uff15\uff18\uff11\uff14",
        "36925814",
    ),
    (
        "full-width label",
        "\uff2d\uff32\uff2e\u3000\uff13\uff16\uff19\uff12\uff15\uff18\uff11\uff14",
        "36925814",
    ),
    ("spaced out", "m r n 3 6 9 2 5 8 1 4", "36925814"),
    ("spaced out after a label", "pt MRN: 3 6 9 2 5 8 1 4.", "36925814"),
    ("dashed out", "the number is 3-6-9-2-5-8-1-4", "36925814"),
    ("dotted out", "mrn 3.6.9.2.5.8.1.4 pls", "36925814"),
    ("zero-width inside a phone", "call her on 617-555-\u200b0142", "6175550142"),
    # Look-alikes and mixed separators (issue 11, item 6, second round).
    ("cyrillic letter in the label", "pt \u041cRN 3692", "3692"),
    ("cyrillic and greek letters in the label", "pt \u041cR\u039d 4821", "4821"),
    ("small capitals in the label", "pt \u041c\u0280\u0274 3692", "3692"),
    ("accents on every letter of the label", "pt M\u0300R\u0300N\u0300 4821", "4821"),
    ("arabic-indic digits", "pt mrn \u0663\u0666\u0669\u0662", "3692"),
    ("devanagari digits", "pt mrn \u0969\u096c\u096f\u0968", "3692"),
    ("en dashes in an SSN", "ssn 123\u201345\u20136789", "123456789"),
    ("mixed separators", "m.r.n 3-6-9 2.5 8/1 4", "36925814"),
    ("spaced and dashed", "m r n 3-6-9-2 5 8 1 4", "36925814"),
    ("dashes with blanks", "MRN 3 - 6 - 9 - 2 - 5 - 8 - 1 - 4", "36925814"),
    ("slashes", "the number is 3/6/9/2/5/8/1/4", "36925814"),
    ("middle dots", "mrn 3\u00b76\u00b79\u00b72\u00b75\u00b78\u00b71\u00b74", "36925814"),
    ("braille blanks", "mrn 3\u28006\u28009\u28002\u28005\u28008\u28001\u28004", "36925814"),
    ("grouped as read out", "pt mrn 369 258 14", "36925814"),
    ("a digit left at the end", "pt MRN 3692581 4 today", "36925814"),
    ("markup inside a number", "pt 369`258`14", "36925814"),
    ("keycap digits", "mrn " + "".join(d + "\ufe0f\u20e3" for d in "36925814"), "36925814"),
    ("dotted SSN groups", "ssn 123.45.6789", "123456789"),
    ("slashed SSN groups", "ssn 123/45/6789", "123456789"),
]


def _digits(s: str) -> str:
    s = __import__("unicodedata").normalize("NFKC", s)
    return "".join(str(__import__("unicodedata").decimal(c)) for c in s if c.isdecimal())


@pytest.mark.parametrize(("case", "text", "digits"), EVASIONS, ids=[e[0] for e in EVASIONS])
def test_when_identifier_is_disguised_then_found_and_fully_redacted(
    engine: TextEngine, case: str, text: str, digits: str
) -> None:
    result = engine.scan(text)
    assert result.phi, case
    hits = [f for f in result.findings if f.kind in {Kind.ID, Kind.CONTACT}]
    assert hits, case
    covered = "".join(text[f.start : f.end] for f in hits)
    assert _digits(covered) == digits
    redacted = engine.redact(text, result)
    assert not any(c.isdigit() for c in redacted), redacted  # not one digit of it stays


@pytest.mark.parametrize(
    "text",
    [
        "J\u200bo\u200bh\u200bn Sm\u00adith is in bed 4 MRN 36925814",
        "J\u0336o\u0336h\u0336n\u0336 S\u0336m\u0336i\u0336t\u0336h\u0336 in bed 4, MRN 36925814",
        "\uff2a\uff4f\uff48\uff4e \uff33\uff4d\uff49\uff54\uff48 in bed 4, MRN 36925814",
        "J o h n  S m i t h  in bed 4, MRN 36925814",
        "J\u043ehn Sm\u0456th in bed 4, MRN 36925814",
        "J.o.h.n S-m-i-t-h in bed 4, MRN 36925814",
    ],
    ids=["zero-width", "strike-through marks", "full-width", "spaced", "cyrillic", "dotted"],
)
def test_when_name_is_disguised_then_redaction_covers_it_whole(
    engine: TextEngine, text: str
) -> None:
    result = engine.scan(text)
    names = [text[f.start : f.end] for f in result.findings if f.kind is Kind.NAME]
    assert names, text
    redacted = engine.redact(text, result)
    folded = view(redacted).text.lower()
    assert "john" not in folded and "smith" not in folded, redacted


def test_when_spans_map_back_then_they_index_the_original_text(engine: TextEngine) -> None:
    text = "<@U0123ABCD> \uff2a\uff4f\uff48\uff4e Smith m r n 3 6 9 2 5 8 1 4 thx"
    for f in engine.findings(text):
        assert 0 <= f.start < f.end <= len(text)
        assert not text[f.start].isspace() and not text[f.end - 1].isspace()


def test_when_clean_text_has_single_letters_then_nothing_is_invented(engine: TextEngine) -> None:
    assert not engine.scan("options are a, b or c; pick a b c d for the quiz").phi
    assert not engine.scan("visit 2 30 min, group 3 10 15, steps 1 - 2 - 3 - 4").phi
    assert not engine.scan("group 1.5 2.5 3.5 then 2*3 doses").phi
    assert not engine.scan("K 3.5 3.8 4.1 4.0 overnight, scores 3-1 2-0 1-1 4-2").phi
    assert not engine.scan("\u041f\u0440\u0438\u0432\u0435\u0442, see you at 3").phi
    assert engine.findings("ordinary ascii text, nothing to see") == []
