"""`spelled_codes`: a code spelled out a character at a time is an identifier, however its
label stands (issue 13, `account_desk` dev voice); what spells nothing stays."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.spelled_codes import spelled_codes
from bot.detect.types import Finding, Kind


def _added(text: str, found: list[Finding] | None = None) -> list[str]:
    return [text[f.start : f.end] for f in spelled_codes(text, found or [])]


@pytest.mark.parametrize(
    ("case", "text", "code"),
    [
        ("dashed_capitals", "pt says F-Z-T-W-N-N is the number on the bottle", "F-Z-T-W-N-N"),
        ("spaced_lower", "read the number off the bag, n c n d t. Approved.", "n c n d t"),
        ("spaced_capitals", "your reference is L X F U D. Thanks", "L X F U D"),
        ("letters_then_digits", "booking ref: M-S-0-6-2-4-9. Cancelled", "M-S-0-6-2-4-9"),
        ("four_letters", "it's K-X-R-T, yes", "K-X-R-T"),
        ("phonetic_then_spaced_digits", "says golf 8 2 7 8 is the number", "golf 8 2 7 8"),
        ("phonetic_comma_digits", "it's mike, 3 4 9 8 5", "mike, 3 4 9 8 5"),
        ("accented_surname", "her surname is M-A-R-T-Í-N-E-Z, yes", "M-A-R-T-Í-N-E-Z"),
        ("accented_name", "her name is J-O-S-É M-A-R-T-Í-N-E-Z", "J-O-S-É M-A-R-T-Í-N-E-Z"),
        ("accented_spaced", "name: j o s é, thanks", "j o s é"),
        ("umlaut_code", "ref is M Ü L L R 4", "M Ü L L R 4"),
    ],
)  # fmt: skip
def test_when_a_code_is_spelled_out_then_it_is_an_id(case: str, text: str, code: str) -> None:
    assert _added(text) == [code]


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("acronym_typed", "NHS, ICU and MRI letters went out"),
        ("a_ok", "everything's A-OK on our side"),
        ("t_shirt", "T-shirt size for the fun run"),
        ("redaction_mark", "password: X X X X"),
        ("alphabet", "use the A-B-C-D-E approach"),
        ("digits_alone", "beds 4 7 2 9 are clean"),
        ("digits_after_a_word", "golf 18 holes, then 4 7 2 9 steps"),
        ("three_letters", "the N-H-S app"),
        ("initials", "J. R. R. Tolkien"),
        ("dotted_acronym", "please R.S.V.P.A by Friday"),
        ("number_mark", "processo n.º 9 P 4786/26"),
        ("ordinal_mark", "a 1 ª 2 ª 3 ª vez"),
    ],
)  # fmt: skip
def test_when_a_run_spells_no_code_then_it_is_left_alone(case: str, text: str) -> None:
    assert _added(text) == []


def test_when_a_finding_already_holds_the_run_then_nothing_is_added() -> None:
    text = "memorable word B-R-A-M-B-L-E"
    start = text.index("B-R")
    held = [Finding(start, len(text), Kind.ID, 0.85, "VerbalSecretRecognizer", "UNIQUE")]
    assert spelled_codes(text, held) == held


def test_a_spelled_code_is_a_direct_identifier_id() -> None:
    (finding,) = spelled_codes("ref K-X-R-T-Q", [])
    assert (finding.kind, finding.subtype) == (Kind.ID, "UNIQUE")


def test_given_the_runs_the_original_is_not_scanned_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine hands on the runs `view` read (`TextView.runs`): the same findings, one scan."""
    import bot.detect.spelled_codes as module

    text = "caller ref K-X-R-T-Q, thanks"
    expected = spelled_codes(text, [])

    def unexpected(_: str) -> list[tuple[int, int]]:
        raise AssertionError("scanned again")

    monkeypatch.setattr(module, "spelled_runs", unexpected)
    assert spelled_codes(text, [], [(11, 20)]) == expected != []


def test_the_engine_hands_the_views_runs_to_the_spelled_codes(
    engine: TextEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.detect.spelled_codes as module

    def unexpected(_: str) -> list[tuple[int, int]]:
        raise AssertionError("scanned again")

    monkeypatch.setattr(module, "spelled_runs", unexpected)
    found = engine.findings("caller ref K-X-R-T-Q, thanks")
    assert [f.recognizer for f in found] == [module.RECOGNIZER]
