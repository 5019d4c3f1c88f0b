"""spaCy for the text engine: every text tokenized, NER only where the name rules ask for it.

Everything else here is regex, word lists and context checked on the raw text, and NER is most
of spaCy's cost, so it runs, batched, only on the texts where `ner_gate` (the name recognizer's
`needs_ner`: a capitalised word it does not know) says it could add something. Tagger, parser
and lemmatizer are never loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc

from bot.detect.recognizers.names_context import DOC_TEXT_KEY, tokens
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
