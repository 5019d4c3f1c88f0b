"""The age_forms generator: an age's role follows Safe Harbor, and the words read right."""

from __future__ import annotations

import random
import re

from bench.corpus import age_forms
from bench.corpus.age_forms import spelled, spelled_ordinal


def test_when_an_age_is_planted_then_over_89_is_direct_and_under_90_quasi() -> None:
    for ex in age_forms.generate(120, 5):
        for start, end, kind, role in ex["spans"]:
            if kind != "AGE":
                continue
            value = ex["text"][start:end]
            digits = re.search(r"\d+", value)
            if digits:
                assert role == ("direct" if int(digits.group()) > 89 else "quasi"), value


def test_when_a_near_miss_is_written_then_it_is_no_gold_age() -> None:
    for ex in age_forms.generate(120, 6):
        for near in ("90 mg", "93% on air", "BP 95/60", "in 1993", "over 90 days"):
            at = ex["text"].find(near)
            if at >= 0:
                assert not any(s < at + len(near) and at < e for s, e, *_ in ex["spans"]), near


def test_when_an_age_is_spelled_then_the_words_are_english() -> None:
    assert spelled(93) == "ninety-three"
    assert spelled(101) == "one hundred and one"
    assert spelled(112) == "a hundred and twelve"
    assert spelled_ordinal(90) == "ninetieth"
    assert spelled_ordinal(93) == "ninety-third"
    assert spelled_ordinal(100) == "hundredth"
    assert spelled_ordinal(112) == "one hundred and twelfth"


def test_when_an_age_form_is_split_into_parts_then_only_its_number_carries_a_role() -> None:
    person = age_forms.Person(random.Random(1), age_forms.stable_fakers(age_forms.LOCALES))
    person.age = 68
    parts = [q for q in age_forms._a(person, "Patientin, ", "68 Jahre alt") if q.kind]

    assert [(q.text, q.role) for q in parts] == [("68", "quasi"), (" Jahre alt", "")]
