from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine, merge
from bot.detect.types import Finding, Kind, Verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("pt john smith 67yo M, MRN 12345678", Verdict.PHI),
        ("grand rounds today at noon", Verdict.LOW),
        ("Dr. Okafor wants a repeat echo", Verdict.LOW),
        ("Dr. Okafor saw the 67M in bed 8 yesterday", Verdict.PHI),
        ("does anyone have the new sepsis order set?", Verdict.CLEAN),
        ("Parkinson's pt with Bell's palsy, BP 120/80, 3/6 murmur, Norco 5/325", Verdict.CLEAN),
        # an untitled name nobody listed as staff: fail closed (with the directory: `test_staff`)
        ("Priya is on call this weekend", Verdict.PHI),
        ("Dr. Okafor is covering nights at St Mary's", Verdict.LOW),
        ("Dr. Okafor saw the pt yesterday at St Mary's", Verdict.PHI),
        ("Dr. Okafor admitted him last night", Verdict.PHI),
    ],
)
def test_when_message_scanned_then_verdict_follows_combination_rule(
    engine: TextEngine, text: str, verdict: Verdict
) -> None:
    assert engine.scan(text).verdict is verdict


def test_when_batch_scanned_then_results_keep_input_order(engine: TextEngine) -> None:
    texts = ["MRN 12345678", "lunch?", "call 617-555-1234", ""]
    results = engine.scan_batch(texts, batch_size=2)
    assert [r.verdict for r in results] == [Verdict.PHI, Verdict.CLEAN, Verdict.PHI, Verdict.CLEAN]
    assert [r.verdict for r in results] == [engine.scan(t).verdict for t in texts]


def test_when_slack_markup_present_then_ids_ignored_and_offsets_kept(engine: TextEngine) -> None:
    text = "<@U0123ABCD> *John Smith* in <#C0123ABCD|icu> :hospital:"
    found = engine.findings(text)
    assert [(text[f.start : f.end], f.kind) for f in found] == [("John Smith", Kind.NAME)]


def test_when_redacted_then_placeholders_and_age_ranges(engine: TextEngine) -> None:
    out = engine.redact("pt john smith 67yo M, 92 y/o mother, MRN 12345678")
    assert "john" not in out and "12345678" not in out
    assert "60s M" in out and "90+" in out and "[NAME]" in out and "[ID]" in out


def test_when_text_is_long_then_chunks_are_scanned_with_true_offsets(engine: TextEngine) -> None:
    text = "ok " * 20_000 + "MRN 12345678"
    found = engine.findings(text)
    assert [text[f.start : f.end] for f in found] == ["12345678"]


def test_when_spans_overlap_then_merged_into_strongest_kind() -> None:
    a = Finding(0, 8, Kind.DATE, 0.5, subtype="SERVICE_DATE")
    b = Finding(5, 14, Kind.ID, 0.6, subtype="MRN")
    c = Finding(20, 25, Kind.ROOM, 0.9)
    assert merge([c, a, b]) == [Finding(0, 14, Kind.ID, 0.6, "", "MRN"), c]


def test_when_a_listed_town_follows_a_title_then_the_name_wins_the_merge() -> None:
    text = "Mrs Rutledge called; she moved to Rutledge"
    town = Finding(4, 12, Kind.LOCATION, 0.9, "CityGazetteerRecognizer", "CITY")
    name = Finding(4, 12, Kind.NAME, 0.9, "NameRecognizer", "PATIENT")
    later_town = Finding(34, 42, Kind.LOCATION, 0.9, "CityGazetteerRecognizer", "CITY")
    later_name = Finding(34, 42, Kind.NAME, 0.5, "NameRecognizer", "PATIENT")
    merged = merge([town, name, later_town, later_name], text)
    assert [f.kind for f in merged] == [Kind.NAME, Kind.LOCATION]


def test_when_vocabulary_grows_past_limit_then_model_reloads_and_still_detects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import bot.detect.engine as engine_module

    fresh = TextEngine()
    monkeypatch.setattr(engine_module, "MAX_VOCAB", 1)
    before = fresh.nlp_engine.get_nlp("en")
    results = fresh.scan_batch(["MRN 12345678", "zyxwv qwerty"])
    assert fresh.nlp_engine.get_nlp("en") is not before
    assert [r.verdict for r in results] == [Verdict.PHI, Verdict.CLEAN]


def test_the_analyzer_skips_presidios_context_pass_and_its_lemma_enhancer(
    engine: TextEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our recognizers weigh their context words themselves; Presidio's lemma enhancer would
    raise scores a second time on words like "patient" near a finding."""

    class Untouchable:
        def enhance_using_context(self, **_: object) -> None:
            raise AssertionError("the context enhancer ran")

    monkeypatch.setattr(engine.analyzer, "context_aware_enhancer", Untouchable())
    assert engine.scan("patient John Smith, MRN 12345678").verdict is Verdict.PHI


@pytest.mark.parametrize(
    "text",
    [
        "pt john smith 67yo M, MRN 12345678, DOB 03/04/1961, lives at 12 Oak St, Springfield IL 62704",
        "Dr. Okafor saw Mekonu yday at St Mary's; call 617-555-0142 or j.smith@example.test",
        "card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, ip 10.0.0.1, plate ABC-1234",
        "患者王小明，男，65岁, cama 4, Zimmer 12",
    ],
)
def test_the_engine_keeps_what_presidios_analyze_would_return(
    engine: TextEngine, text: str
) -> None:
    """`TextEngine._analyze` calls the recognizers itself (issue 13, speed); it must return
    what `AnalyzerEngine.analyze` returns for the same recognizers, threshold and artifacts."""
    artifacts = engine.nlp_engine.process_text(text, "en")
    ours = engine._analyze(text, artifacts)
    presidio = engine.analyzer.analyze(
        text,
        "en",
        entities=engine._entities,
        score_threshold=engine.score_threshold,
        nlp_artifacts=artifacts,
    )

    def key(results: list) -> list[tuple[int, int, str, float, str]]:  # type: ignore[type-arg]
        return sorted(
            (r.start, r.end, r.entity_type, r.score, str(r.recognition_metadata.get("subtype")))
            for r in results
        )

    assert ours
    assert key(ours) == key(presidio)


def test_the_engine_hands_the_name_rules_the_text_it_tokenized(engine: TextEngine) -> None:
    """`doc.text` is rebuilt from every token at each call; the rules read the stored copy
    (`names_context.doc_text`), which must be the text spaCy tokenized (issue 13, speed)."""
    from bot.detect.recognizers.names_context import DOC_TEXT_KEY, doc_text

    text = "pt  Mekonu\tsaw Dr. Okafor yday\n  bed 8 "
    doc = engine.nlp_engine.process_text(text, "en").tokens
    assert doc.user_data[DOC_TEXT_KEY] == text == doc.text
    assert doc_text(doc) == text


def test_the_name_rules_share_one_token_list_per_doc(engine: TextEngine) -> None:
    """`doc[i]` builds a new `Token` each call; the rules share one list (issue 13, speed)."""
    from bot.detect.recognizers.names_context import tokens

    doc = engine.nlp_engine.process_text("can u see kraesaom maiwaekul in bed 8", "en").tokens
    assert tokens(doc) is tokens(doc)
    assert [t.text for t in tokens(doc)] == [t.text for t in doc]


def test_the_engine_does_not_ask_a_pattern_recognizer_none_of_whose_patterns_may_match(
    engine: TextEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message without a digit cannot match a pattern that needs one: its recognizer is not
    asked (`GateIndex.idle`, issue 13, speed); one with a digit and a label is."""
    from bot.detect.recognizers.ids import IdRecognizer

    ids = next(r for r in engine._recognizers if isinstance(r, IdRecognizer))
    asked: list[str] = []
    real = ids.analyze

    def counting(text: str, *args: object, **kwargs: object) -> object:
        asked.append(text)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ids, "analyze", counting)
    engine.scan("can someone check on bed eight please")
    assert asked == []
    engine.scan("MRN 12345678 for bed 8")
    assert asked == ["MRN 12345678 for bed 8"]
