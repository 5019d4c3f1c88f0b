"""Context the name recognizer reads around a word: whether casing means anything, sentence
starts, neighbours, beds, list labels and arrows. A blank spaCy tokenizer is enough (no model:
these helpers only describe a `Doc`)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bot.detect.recognizers.names_context import (
    after_room,
    after_sentence_end,
    casing_informative,
    dedupe,
    join_particles,
    list_item_label,
    neighbours,
    sent_start,
    transfer_arrow,
)

NLP = spacy.blank("en")


def _doc(text: str) -> Doc:
    return NLP(text)


def _at(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "informative"),
    [
        ("pt seen by Okafor this morning", True),  # a capital mid-sentence
        ("pt john smith 67m, mrn 123", False),  # all lower
        ("PT JOHN SMITH SEEN TODAY", False),  # all caps
        ("Patient Seen By Doctor Today", False),  # Title Case
        ("Seen today. Stable overnight", False),  # capitals only after a sentence end
        ("", False),
    ],
)
def test_casing_counts_only_when_some_but_not_most_words_are_capitalised(
    text: str, informative: bool
) -> None:
    assert casing_informative(text) is informative


def test_a_position_after_a_sentence_end_or_at_the_start_begins_a_sentence() -> None:
    text = "stable.  Ames reviewed: Okafor then Lee"
    assert after_sentence_end(text, 0) and after_sentence_end(text, text.index("Ames"))
    assert after_sentence_end(text, text.index("Okafor"))
    assert not after_sentence_end(text, text.index("Lee"))


def test_a_token_starts_a_sentence_first_or_after_a_stop_or_a_line_break() -> None:
    doc = _doc("Ames reviewed. Okafor too\nLee later with Kim")
    starts = {t.text for t in doc if sent_start(t)}
    assert {"Ames", "Okafor", "Lee"} <= starts and "Kim" not in starts


def test_neighbours_skip_separators_and_pad_at_the_edges() -> None:
    doc = _doc("seen by // Okafor | today")
    at = _at(doc, "Okafor")
    assert neighbours(doc, at, -1) == ("by", "seen")
    assert neighbours(doc, at, 1) == ("today", "")


@pytest.mark.parametrize(
    ("text", "word", "after"),
    [
        ("bed 22 Okafor", "Okafor", True),
        ("bay 4 - Okafor", "Okafor", True),
        ("seen Okafor", "Okafor", False),
        # a census board's tower beds and its row's own bed ("B10" only at the row's start)
        ("T4-06D  COOK H  26M", "COOK", True),
        ("T4 22A | BLACK, T", "BLACK", True),
        ("B10  CHURCH G  43M", "CHURCH", True),
        ("low B12 Church", "Church", False),
    ],
)
def test_a_word_after_a_bed_or_room_number_is_known_to_follow_it(
    text: str, word: str, after: bool
) -> None:
    doc = _doc(text)
    assert after_room(doc, _at(doc, word)) is after


def test_a_bulleted_or_numbered_label_and_an_arrow_are_recognised() -> None:
    bullet = _doc("- warsame: tsh 0.01")
    at = _at(bullet, "warsame")
    assert list_item_label(bullet, at, at + 1)
    plain = _doc("ask warsame: tsh")
    at = _at(plain, "warsame")
    assert not list_item_label(plain, at, at + 1)
    arrow = _doc("transfer -> Lakeside")
    assert transfer_arrow(arrow, 1)
    assert not transfer_arrow(_doc("transfer to Lakeside"), 1)


def test_overlapping_spans_merge_widest_with_the_best_score_and_the_safer_subtype() -> None:
    assert dedupe([(0, 2, 0.6, "PATIENT"), (1, 3, 0.8, "RELATIVE")]) == [(0, 3, 0.8, "RELATIVE")]
    assert dedupe([(0, 2, 0.7, "PRACTITIONER"), (0, 2, 0.6, "PATIENT")]) == [(0, 2, 0.7, "PATIENT")]
    assert dedupe([(0, 2, 0.6, "PATIENT"), (0, 1, 0.9, "PRACTITIONER")]) == [
        (0, 2, 0.9, "PRACTITIONER")
    ]
    assert dedupe([(3, 4, 0.5, "PATIENT"), (0, 1, 0.5, "PATIENT")]) == [
        (0, 1, 0.5, "PATIENT"),
        (3, 4, 0.5, "PATIENT"),
    ]


def test_when_particles_stand_between_two_name_spans_then_the_spans_join() -> None:
    doc = _doc("check on Lotte van het Heerenveen in bed 2")
    lotte, heerenveen = _at(doc, "Lotte"), _at(doc, "Heerenveen")
    joined = join_particles(
        doc, [(lotte, lotte + 1, 0.75, "PATIENT"), (heerenveen, heerenveen + 1, 0.6, "PATIENT")]
    )
    assert joined == [(lotte, heerenveen + 1, 0.75, "PATIENT")]


def test_when_an_ordinary_word_stands_between_two_names_then_they_stay_apart() -> None:
    doc = _doc("Lotte and Heerenveen")
    spans = [(0, 1, 0.75, "PATIENT"), (2, 3, 0.75, "PATIENT")]
    assert join_particles(doc, spans) == spans


def test_a_batchs_casing_is_read_once_per_text() -> None:
    # the NER gate asks of every text of a batch before the rules ask of the first again
    texts = [f"pt {i} seen by Dr Lee in clinic, will call back" for i in range(300)]
    before = casing_informative.cache_info().misses
    for text in texts + texts:
        casing_informative(text)
    assert casing_informative.cache_info().misses - before == len(texts)
