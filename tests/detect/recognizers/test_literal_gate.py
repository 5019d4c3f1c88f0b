"""The literal gate: the strings a pattern needs, read off the pattern, and skipping a pattern
on a text without them changes no finding (issue 13's speed work)."""

from __future__ import annotations

from typing import ClassVar

import pytest
import regex as re
from presidio_analyzer import Pattern

from bench.text_bench import corpus
from bot.detect.recognizers import default_recognizers
from bot.detect.recognizers.base import ClinicalPatternRecognizer
from bot.detect.recognizers.gate_reading import ASCII_FOLDS, longest_digit_run, lowered
from bot.detect.recognizers.literal_gate import (
    digit_run,
    literal_gate,
    literal_needs,
    needs_digit,
)

FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        (r"\bMRN\s*#?\s*\d{6,9}\b", ("mrn",)),
        (r"(?-i:[A-Z]\w+\s+(?:County|Parish|Co\.))", ("co.", "county", "parish")),
        (r"\b(?:early\s+)?today\b|\btonight\b", ("today", "tonight")),
        (r"\b\d+\s*(?:days?|wks?)\s+ago\b", ("ago",)),  # the longest string wins
        (r"(?:school|academy){1,2}", ("school", "academy")),
        # a character no ASCII one matches stays in the string: no ASCII text holds it
        (r"\p{Lu}\p{L}+\s+Straße\s+\d+", ("straße",)),
        (r"[年년]\s?\d", ("年", "년")),
        (r"\p{Lu}[\p{L}'’-]+ Road", (" road",)),
        (r"(?<=bed )\d+", ("bed ",)),  # a lookbehind's text is in the text, if not in the match
        (r"\d+(?= ?mg\b)", ("mg",)),
        (r"(?<!no )\d+", None),  # a negative one needs nothing
        (r"(?:dr\.?\s+)?[A-Z][a-z]+", None),  # optional
        (r"\d{3}-\d{4}", ("-",)),
        (r"[[:alpha:]]+ road", None),  # a POSIX class: `re` reads it otherwise, so no gate
        (r"(?P<v>ab)|(?P<v>cd)", ("ab", "cd")),  # `regex` allows a name twice, `re` does not
        (r"(?P<s>[:-])\d(?P=s)x", ("x",)),
        (r"(?P<g>[ ./])ab(?P=g)cd", (" ab", ".ab", "/ab")),  # a back-reference: no "abcd"
        # small classes and optional letters spelt out; a string that holds another goes
        (r"licen[cs]e|licen[cs]ed", ("licence", "license")),
        (r"\b(?:jan(?:uary)?|feb(?:ruary)?)\s+\d", ("feb", "jan")),
        (r"\bgardens?\b", ("garden",)),
    ],
)
def test_the_gate_is_read_off_the_pattern(pattern: str, gate: tuple[str, ...] | None) -> None:
    assert literal_gate(pattern, FLAGS) == (
        tuple(sorted(gate, key=lambda s: (len(s), s))) if gate else None
    )


def test_past_48_spellings_the_run_so_far_is_the_requirement() -> None:
    gate = literal_gate(r"(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)(?:k|l)", FLAGS)
    assert gate is not None and len(gate) == 32 and {len(s) for s in gate} == {5}


@pytest.mark.parametrize(
    ("pattern", "digit"),
    [
        (r"\d{3}-\d{4}", True),
        (r"[0-9]+ ?mg", True),
        (r"(?=[\w-]*\d)[a-z0-9]+", True),  # a lookahead's digit is in the text
        (r"(?:\d+|one|two) days", False),  # a branch without one
        (r"\d* days", False),  # optional
        (r"(?!\d)\w+", False),
        (r"\p{N}+", False),  # a property reads as a class that is not a digit
        (r"[\d.]+", False),
        (r"(?:room|bed) (?:\d+|[0-9]{2}[a-z])", True),
    ],
)
def test_the_digit_need_is_read_off_the_pattern(pattern: str, digit: bool) -> None:
    assert needs_digit(pattern, FLAGS) is digit


@pytest.mark.parametrize(
    ("pattern", "run"),
    [
        (r"\d{3}-\d{4}", 4),
        (r"\b\d{7,12}\b", 7),
        (r"\d{1,2}\d{2}", 3),  # digits in a row add up
        (r"\d{2}\b\d", 3),  # through a zero-width part
        (r"(?:19|20)\d{2}|\d{2}", 2),  # the fewest of any branch
        (r"(?=\d{5})\w+", 5),  # a lookahead's run is in the text
        (r"\d+(?:\.\d+)?", 1),
        (r"\d?x", 0),
        (r"(?P<g>[ ./])\d{2}(?P=g)?\d{2}", 2),  # a back-reference may hold a separator
    ],
)
def test_the_digit_run_is_read_off_the_pattern(pattern: str, run: int) -> None:
    assert digit_run(pattern, FLAGS) == run


class Ward(ClinicalPatternRecognizer):
    """A toy recognizer with one gated pattern."""

    ENTITY = "TEST_ID"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("ward", r"\bward\s+(?P<v>\d+[a-z]?)", 0.6)]


@pytest.mark.parametrize(
    "text",
    [
        "WARD 7b today",
        "Ward\t12",
        "nothing here",
        "ward",
        "ｗａｒｄ 5",
        "Kelvin-ward 3 ſ",
        "wards 3",
        # texts beyond ASCII are gated too: letters the `regex` module matches to "w", "a",
        # "r", "d" only as themselves, accents and other scripts beside them
        "Müller on WARD 7, café",
        "病房 ward 3 見",
        "Wärd 4 ü",
        "ıştanbul: nothing here, ü",
    ],
)
def test_gated_and_ungated_runs_find_the_same(text: str) -> None:
    gated = Ward()
    ungated = Ward()
    ungated._compiled = [(n, s, rx, None, 0) for n, s, rx, *_ in ungated._compiled]
    found = {(r.start, r.end, r.score) for r in gated.analyze(text, ["TEST_ID"])}
    assert found == {(r.start, r.end, r.score) for r in ungated.analyze(text, ["TEST_ID"])}


def test_a_text_without_the_string_never_runs_the_pattern() -> None:
    recognizer = Ward()
    ((name, score, _, gate, digit),) = recognizer._compiled
    assert gate == frozenset({"ward"})
    assert digit == 1

    class Refuse:
        groupindex: ClassVar[dict[str, int]] = {}

        def finditer(self, text: str) -> list[object]:
            raise AssertionError("the gated pattern ran")

    recognizer._compiled = [(name, score, Refuse(), gate, digit)]
    assert recognizer.analyze("bed 7, no such word", ["TEST_ID"]) == []
    assert recognizer.analyze("ward seven", ["TEST_ID"]) == []  # no digit


def test_every_match_of_every_gated_pattern_holds_one_of_its_strings() -> None:
    """The gate is what the pattern needs: on dev chat and a dev voice, each ASCII text each of
    our patterns matches in holds one of its gate's strings, and a digit if the pattern needs
    one (a wrong gate would drop findings)."""
    texts = [e["text"] for split in ("dev", "lab_eob") for e in corpus(split, 150, 5)[0]]
    checked = 0
    for recognizer in default_recognizers(("Alder Bay Clinic",)):
        for name, _, regex, gate, digit in getattr(recognizer, "_compiled", []):
            for text in texts:
                if regex.search(text) is None:
                    continue
                checked += 1
                assert longest_digit_run(text) >= digit, name
                if gate is not None:
                    low = lowered(text)[0]
                    wide = not text.isascii() and any(not s.isascii() for s in gate)
                    assert wide or any(s in low for s in gate), (name, gate)
    assert checked > 500


class Icu(ClinicalPatternRecognizer):
    """A toy recognizer whose gate's letters have look-alikes the `regex` module matches."""

    ENTITY = "TEST_ID"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("icu", r"\bicu\s+sk\s+(?P<v>\d+)", 0.6)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ICU SK 4", True),
        ("İCU ſk 5 ü", True),  # "i" matches the dotted capital, "s" the long s
        ("icu s\u212a 6 ü", True),  # "k" matches the Kelvin sign
        ("ıcu sk 7 ü", False),  # the dotless i matches only "I"
        ("icu 8 ü", False),
    ],
)
def test_when_a_letter_has_a_look_alike_the_regex_matches_then_the_gate_lets_it_through(
    text: str, found: bool
) -> None:
    gated = Icu()
    ungated = Icu()
    ungated._compiled = [(n, s, rx, None, 0) for n, s, rx, *_ in ungated._compiled]
    spans = {(r.start, r.end) for r in gated.analyze(text, ["TEST_ID"])}
    assert spans == {(r.start, r.end) for r in ungated.analyze(text, ["TEST_ID"])}
    assert bool(spans) is found


def test_the_folds_hold_every_character_the_regex_matches_to_an_ascii_one() -> None:
    """`ASCII_FOLDS` is what the gates need on texts beyond ASCII: every other character the
    `regex` module matches to an ASCII character when it ignores case (every code point)."""
    beyond = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    folds = {chr(k): v for k, v in ASCII_FOLDS.items()}
    for code in range(128):
        a = chr(code)
        for hit in re.findall(re.escape(a), beyond, flags=FLAGS):
            assert folds.get(hit) == a.lower(), (a, hex(ord(hit)))


class Lengths(ClinicalPatternRecognizer):
    """A toy recognizer whose gates hold strings of one, two, three and more characters."""

    ENTITY = "TEST_ID"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("hash", r"#(?P<v>\d+)", 0.6),
        Pattern("bay", r"\b(?:bay|bd)\s*(?P<v>\d+)", 0.6),
        Pattern("ward", r"\b(?:ward|wards|warden)\s+(?P<v>\d+)", 0.6),
    ]


@pytest.mark.parametrize(
    "text",
    ["#4", "bay 2", "BD3", "ward 7", "WARDS 12", "the warden 3", "wa 5", "", "ba", "xwardy 4"],
)
def test_when_gates_are_looked_up_by_their_first_three_characters_then_none_is_missed(
    text: str,
) -> None:
    gated = Lengths()
    ungated = Lengths()
    ungated._compiled = [(n, s, rx, None, 0) for n, s, rx, *_ in ungated._compiled]
    found = {(r.start, r.end, r.score) for r in gated.analyze(text, ["TEST_ID"])}
    assert found == {(r.start, r.end, r.score) for r in ungated.analyze(text, ["TEST_ID"])}
    low, runs = lowered(text)
    assert low == text.lower()
    assert runs == {low[i : i + 3] for i in range(len(low) - 2)}


def test_a_long_list_of_names_is_a_gate() -> None:
    """A pattern that needs one of a few hundred strings (month names in many languages) is
    gated: the three-character index keeps such a list cheap to look for."""
    months = "|".join(f"m{i:03d}onth" for i in range(300))
    gate = literal_gate(rf"\b\d{{1,2}}\s+(?:{months})\b", FLAGS)
    assert gate is not None and len(gate) == 300


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        # a label, then a question's mark or "please", then a line break: each is needed
        (r"\b(?:pin|code)\b[^\n?]{0,30}(?:\?|\bplease\b)[ \t]*\n(?P<v>\d{4})", (("pin", "code"), ("\n",), ("?", "please"))),
        (r"\bward\s+(?P<v>\d+)", (("ward",),)),
        (r"(?:\bbed\s+)+\d+\s+(?=room)", (("room",), ("bed",))),  # a repeat's, a lookahead's
        # a requirement another's strings all hold is dropped: "county" holds "c"
        (r"(?:county)\s+[c]", (("county",),)),
        (r"(?:dr\.?\s+)?[A-Z][a-z]+", ()),
        (r"(?:ab|\d)x(?!y)", (("x",),)),  # a branch without a string, a negative lookahead
    ],
)  # fmt: skip
def test_every_requirement_is_read_off_the_pattern(
    pattern: str, needs: tuple[tuple[str, ...], ...]
) -> None:
    assert literal_needs(pattern, FLAGS) == needs


class Answer(ClinicalPatternRecognizer):
    """A toy recognizer whose pattern needs its label and, apart from it, a line break."""

    ENTITY = "TEST_ID"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("answer", r"\bpin\b[^\n]{0,30}\?[ \t]*\n[ \t]*(?P<v>\d{4})", 0.6)
    ]


def test_a_text_without_a_second_requirement_never_runs_the_pattern() -> None:
    recognizer = Answer()
    ((name, score, _, gate, digit),) = recognizer._compiled
    assert gate == frozenset({"pin"})

    class Refuse:
        groupindex: ClassVar[dict[str, int]] = {}

        def finditer(self, text: str) -> list[object]:
            raise AssertionError("the pattern ran")

    recognizer._compiled = [(name, score, Refuse(), gate, digit)]
    assert recognizer.analyze("your pin? 4471 and 2290", ["TEST_ID"]) == []  # no line break
    assert recognizer.analyze("pin 4471\nok 2290", ["TEST_ID"]) == []  # no "?"


@pytest.mark.parametrize(
    "text",
    [
        "Agent: your PIN?\nCaller: 4471",
        "your pin? \n 2290 today",
        "PIN?\n4471 ü",  # beyond ASCII
        "pin 4471",
        "what pin\n4471?",
        "",
    ],
)
def test_with_and_without_the_second_requirements_the_same_is_found(text: str) -> None:
    gated = Answer()
    ungated = Answer()
    ungated._compiled = [(n, s, rx, None, 0) for n, s, rx, *_ in ungated._compiled]
    found = {(r.start, r.end, r.score) for r in gated.analyze(text, ["TEST_ID"])}
    assert found == {(r.start, r.end, r.score) for r in ungated.analyze(text, ["TEST_ID"])}


def test_every_match_of_every_pattern_holds_one_string_of_each_requirement() -> None:
    """The requirements are what the pattern needs: on dev texts (chat, a letter voice and a
    desk voice), each text each of our patterns matches in holds a string of every one (a
    wrong requirement would drop findings)."""
    texts = [
        e["text"]
        for split in ("dev", "clinic_letters", "intake_desk")
        for e in corpus(split, 150, 5)[0]
    ]
    checked = 0
    for recognizer in default_recognizers(("Alder Bay Clinic",)):
        for p in getattr(recognizer, "patterns", []):
            needs = literal_needs(p.regex, recognizer.global_regex_flags)
            if len(needs) < 2:
                continue
            regex = re.compile(p.regex, flags=recognizer.global_regex_flags)
            for text in texts:
                if regex.search(text) is None:
                    continue
                checked += 1
                low = lowered(text)[0]
                wide = not text.isascii()
                for need in needs:
                    assert any(s in low or (wide and not s.isascii()) for s in need), p.name
    assert checked > 300
