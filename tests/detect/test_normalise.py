"""The view detectors read: what a person would see, mapped back to the original characters."""

from __future__ import annotations

import pytest

from bot.detect.normalise import bounded_runs, spelled_runs, view


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("MRN 1234\u00ad5678", "MRN 12345678"),
        ("\uff2d\uff32\uff2e\u3000\uff11\uff12", "MRN 12"),
        ("m r n 3 6 9 2", "mrn 3692"),
        ("J o h n  S m i t h", "John Smith"),
        ("3-6-9-2-5-8", "369258"),
        ("Jose\u0301 and J\u0336o\u0336", "José and Jo"),
        ("e.g. a b c", "e.g. a b c"),
        ("a, b, c, d", "a, b, c, d"),
        ("K 3.5 3.8 4.1 4.0", "K 3.5 3.8 4.1 4.0"),
        ("46 y/o F w/ c/o n/v", "46 y/o F w/ c/o n/v"),
        ("\u041cRN \u0663\u0666", "MRN 36"),
        ("m.r.n 3-6-9 2.5 8/1 4", "mrn 36925814"),
        ("given 3/4-3/9 daily", "given 3/4-3/9 daily"),
        ("Jos\u00e9 \u0418\u0432\u0430\u043d", "Jos\u00e9 \u0418\u0432\u0430\u043d"),
        ("plain", "plain"),
        # issue 13, `account_desk`: the letter after an apostrophe ends "it's", it opens no run
        ("it's K-X-R-T", "it's KXRT"),
    ],
)
def test_when_text_normalised_then_view_reads_as_a_person_would(text: str, seen: str) -> None:
    v = view(text)
    assert v.text == seen
    assert v.span(0, len(v.text)) == (0, len(text))


def test_when_word_is_very_long_then_spacy_copy_is_cut_but_same_length() -> None:
    text = "ok " + "(" * 1000 + " and " + "a.b" * 300
    cut = bounded_runs(text)
    assert len(cut) == len(text)
    assert max(len(w) for w in cut.split()) <= 200
    assert bounded_runs("ordinary words only") == "ordinary words only"


def test_when_a_code_is_spelled_out_then_its_run_is_reported_on_the_original() -> None:
    # issue 13, `account_desk`: `spelled_codes` reads these, which the view has joined
    text = "ref K-X-R-T-Q, scores 3-1 2-0, it's n c n d t"
    assert [text[s:e] for s, e in spelled_runs(text)] == ["K-X-R-T-Q", "n c n d t"]


@pytest.mark.parametrize(
    "text", ["ref K-X-R-T-Q ok", "3.5 4.1 3.8 and m r n 3 6 9 2", "no runs here", "K 3.5 3.8"]
)
def test_the_view_of_an_ascii_text_carries_the_runs_it_read(text: str) -> None:
    """`view` scans an ASCII text for runs anyway; what it found is handed on
    (`TextView.runs`), so `spelled_codes` need not scan the original again (issue 13, speed)."""
    assert view(text).runs == tuple(spelled_runs(text))


def test_the_view_of_a_text_beyond_ascii_reads_no_runs_of_the_original() -> None:
    assert view("Ｍ-Ｒ-Ｎ 3-6-9-2 José").runs is None
