"""`names_foreign`: German, Dutch and French ward chat, whose capitalised nouns name nobody and
whose verbs end a name; English messages with a name's particles are left as they are."""

from __future__ import annotations

import pytest
import spacy

from bot.detect.recognizers.names import NameRecognizer
from bot.detect.recognizers.names_foreign import foreign_keep, foreign_message
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.names_words import NameWords
from tests.detect.recognizers.tables import found

WORDS = NameWords(lexicon())
NLP = spacy.blank("en")


def _kept(text: str, spans: list[str]) -> list[str]:
    """`foreign_keep` of the spans given by their words (each found once in the text)."""
    doc = NLP(text)
    words = [t.text for t in doc]
    found = []
    for span in spans:
        parts = NLP(span)
        k = next(
            i for i in range(len(words)) if words[i : i + len(parts)] == [t.text for t in parts]
        )
        found.append((k, k + len(parts), 0.7, "PATIENT"))
    return [doc[s:e].text for s, e, _, _ in foreign_keep(doc, found, WORDS)]


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        ("Frau Dr. Müller ist Oberärztin", ["Dr. Müller ist Oberärztin"], ["Dr. Müller"]),
        ("Der Patient hat Fieber und Schmerzen im Bauch", ["Fieber und Schmerzen", "Bauch"], []),
        ("Mobilisation mit Physiotherapie, Rollator am Bett.", ["Bett"], []),
        ("Bei Herrn Schulz Verband gewechselt, Wunde reizlos.", ["Schulz Verband"], ["Schulz"]),
        ("Patient ligt op kamer 5, Bloeddruk stabiel", ["Bloeddruk"], []),
        ("Transmissions à 7h en salle de soins.", ["en salle de soins"], []),
        ("Mevrouw de Vries heeft koorts, Bloedkweek afgenomen.", ["de Vries"], ["de Vries"]),
        ("Stoll auf Zimmer 18: Blutdruck stabil, das ist gut.", ["Stoll"], ["Stoll"]),
    ],
)
def test_when_ward_chat_is_german_dutch_or_french_then_only_names_stay(
    text: str, spans: list[str], kept: list[str]
) -> None:
    assert _kept(text, spans) == kept


@pytest.mark.parametrize(
    "text",
    [
        "Full name (last, first): de la Fernández, Raúl",
        "DBN list for 4W: CCU-32: DE LA FUENTE, R",
        "I am writing about my brother's care. Sincerely, frederico das amorim",
    ],
)
def test_when_only_a_name_s_particles_are_foreign_then_the_message_is_english(text: str) -> None:
    assert not foreign_message(NLP(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Dr. Müller ist Oberärztin", {("Dr. Müller", "PRACTITIONER")}),
        ("Der Patient hat Fieber und Schmerzen im Bauch", set()),
        ("Bei Herrn Schulz Verband gewechselt, Wunde reizlos.", {("Schulz", "PATIENT")}),
    ],
)
def test_when_the_recognizer_reads_german_ward_chat_then_nouns_and_verbs_are_no_name(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(NameRecognizer(), text, nlp=True) == expected


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        ("Meneer Varbeck heeft pijn en wordt straks opgehaald", ["Meneer Varbeck"], None),
        ("Dhr. Varbeck heeft pijn en wordt straks opgehaald", ["Dhr. Varbeck"], None),
        ("Quillon Varbeck ist heute gekommen und hat Fieber", ["Quillon Varbeck"], None),
        ("Visite chez Quillon Varbeck est prévue dans la matinée", ["Quillon Varbeck"], None),
        ("Bel met Quillon Varbeck over de uitslag, hij is niet thuis", ["Quillon Varbeck"], None),
        ("Rückruf für Quillon Varbeck bitte, er ist nicht da", ["Quillon Varbeck"], None),
        ("Appel pour Quillon Varbeck est prévu demain à la maison", ["Quillon Varbeck"], None),
        (
            "Der Brief von Kowalczyk Brzęczyszczykiewicz ist da",
            ["Kowalczyk Brzęczyszczykiewicz"],
            None,
        ),
        ("Bei Herrn Varbeck Verband gewechselt, Wunde reizlos.", ["Varbeck Verband"], ["Varbeck"]),
    ],
)
def test_when_a_name_is_in_doubt_in_ward_chat_then_the_name_wins(
    text: str, spans: list[str], kept: list[str] | None
) -> None:
    assert _kept(text, spans) == (spans if kept is None else kept)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rendez-vous de Etelvina Torrent est confirmé pour demain à 10h", "Etelvina Torrent"),
        ("Le dossier du Patrice Moreau est dans la salle", "Patrice Moreau"),
        ("Termin mit Jonas Keller ist heute und nicht morgen", "Jonas Keller"),
        (
            "Der Brief von Kowalczyk Brzęczyszczykiewicz ist heute gekommen",
            "Kowalczyk Brzęczyszczykiewicz",
        ),
    ],
)
def test_when_a_name_follows_a_preposition_in_ward_chat_then_it_is_covered_whole(
    text: str, name: str
) -> None:
    # a name's particle may come along ("de Etelvina Torrent"): the name is covered, not cut
    assert any(name in span for span, _ in found(NameRecognizer(), text, nlp=True))
