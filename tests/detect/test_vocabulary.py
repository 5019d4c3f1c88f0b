"""A workspace's vocabulary over a scan's findings: not-a-name words and institutions."""

from __future__ import annotations

import pytest

from bot.detect.types import Finding, Kind, ScanResult, Verdict
from bot.detect.vocabulary import RECOGNIZER, Vocabulary, apply_vocabulary, normalise


def _name(text: str, words: str) -> Finding:
    start = text.index(words)
    return Finding(start, start + len(words), Kind.NAME, 0.85, "NameRecognizer")


def test_normalise_folds_case_and_spacing() -> None:
    assert normalise("  St   Elsewhere ") == "st elsewhere"


@pytest.mark.parametrize(
    ("text", "flagged", "vocabulary", "verdict"),
    [
        # the term covers the name: dropped, the post is clean
        (
            "Meeting with Grace Kelly ward",
            "Grace Kelly",
            Vocabulary(not_names=frozenset({"grace kelly"})),
            Verdict.CLEAN,
        ),
        # case and spacing of the post do not matter
        (
            "meeting with GRACE  KELLY ward",
            "GRACE  KELLY",
            Vocabulary(not_names=frozenset({"grace kelly"})),
            Verdict.CLEAN,
        ),
        # a term for part of the name leaves the name alone
        (
            "Meeting with Grace Kelly ward",
            "Grace Kelly",
            Vocabulary(not_names=frozenset({"grace"})),
            Verdict.PHI,
        ),
        # a term inside another word does not match
        ("Ask Pollard about it", "Pollard", Vocabulary(not_names=frozenset({"poll"})), Verdict.PHI),
        # no vocabulary: the detector's answer stands
        ("Meeting with Grace Kelly ward", "Grace Kelly", Vocabulary(), Verdict.PHI),
    ],
)
def test_when_a_not_a_name_term_covers_a_name_then_it_is_dropped(
    text: str, flagged: str, vocabulary: Vocabulary, verdict: Verdict
) -> None:
    result = ScanResult(Verdict.PHI, (_name(text, flagged),))
    assert apply_vocabulary(text, result, vocabulary).verdict is verdict


def test_when_an_institution_is_named_then_it_is_a_place_not_a_patient() -> None:
    text = "Transferred from St Elsewhere this morning"
    result = ScanResult(Verdict.PHI, (_name(text, "Elsewhere"),))
    out = apply_vocabulary(text, result, Vocabulary(institutions=frozenset({"st elsewhere"})))
    (finding,) = out.findings
    assert (finding.kind, finding.subtype, finding.recognizer) == (
        Kind.LOCATION,
        "INSTITUTION",
        RECOGNIZER,
    )
    assert text[finding.start : finding.end] == "St Elsewhere"
    assert out.verdict is not Verdict.PHI  # one weak quasi-identifier


def test_other_findings_stay_and_still_decide() -> None:
    text = "Grace Kelly ward: MRN 4829173 for bed 4"
    mrn = Finding(text.index("MRN"), text.index("MRN") + 11, Kind.ID, 0.95, "MrnRecognizer")
    result = ScanResult(Verdict.PHI, (_name(text, "Grace Kelly"), mrn))
    out = apply_vocabulary(text, result, Vocabulary(not_names=frozenset({"grace kelly"})))
    assert out.findings == (mrn,) and out.verdict is Verdict.PHI


def test_when_a_workspace_institution_meets_a_schedules_day_then_the_post_rule_decides() -> None:
    # the verdict after the vocabulary is the scan's own rule (`post_verdict`): a day in words
    # beside the workspace's institution, no one in the post, is one quasi-identifier's worth
    text = "Effective Monday, the St Elsewhere pharmacy hours change"
    day = Finding(
        text.index("Monday"), text.index("Monday") + 6, Kind.DATE, 0.8, subtype="SERVICE_DATE"
    )
    result = ScanResult(Verdict.LOW, (day,))
    out = apply_vocabulary(text, result, Vocabulary(institutions=frozenset({"st elsewhere"})))

    assert [f.kind for f in out.findings] == [Kind.DATE, Kind.LOCATION]
    assert out.verdict is Verdict.LOW
