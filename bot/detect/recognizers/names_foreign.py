"""Name spans in German, Dutch and French ward chat: a noun is capitalised, a verb ends a name.

German capitalises every noun ("Fieber", "Schmerzen im Bauch", "Rollator am Bett") and a Dutch
or French line capitalises its first word ("Bloeddruk stabiel"); in such a message the English
rules read a capitalised word mid-sentence as a name, and an all-titled line ("Frau Dr. Müller
ist Oberärztin") as one whose case says nothing, so a span runs on over "ist" and the next noun.
Here, in a message whose function words are German, Dutch or French:
- a span ends before its first lower-case word ("Dr. Müller ist Oberärztin" -> "Dr. Müller",
  "Klingelhöfer wegen" -> "Klingelhöfer") or a joining word ("Fieber und Schmerzen" -> "Fieber");
- a span stays only with a title before it ("Frau Kuhl", "Dr. Müller", "Mme Dubois", "bei
  Herrn Schulz"), or with a listed name in it that no article or preposition governs ("Mende
  auf Zimmer 13", not "im Bauch", "am Bett": a noun after its article);
- a noun after a listed name is the sentence's, not the name's ("Schulz Verband gewechselt").
Composed into `NameRecognizer`, run on its merged spans after the vetoes.
"""

from __future__ import annotations

from spacy.tokens import Doc

from bot.detect.recognizers.names_context import Span, Tok, alpha, doc_text, sent_start, tokens
from bot.detect.recognizers.names_lexicon import PARTICLES, TITLES_PERSON, TITLES_PRACTITIONER
from bot.detect.recognizers.names_words import NameWords, words_of

# Function words that English chat does not use, one set per language
_GERMAN = words_of(
    "der das und ist im am mit bei von wegen hat seit nicht eine auf über heute bitte noch zum "
    "zur dem den des liegt klagt nach wird sind kein keine beim vom ins frau herr herrn"
)
_DUTCH = words_of(
    "het een heeft ligt van met voor niet bij naar geen wordt weigert komt straks op de en "
    "mevrouw meneer dhr dhr."
)
_FRENCH = words_of(
    "le la les des du et est une pas par à au aux pour avec sur dans sous cette fait faites de "
    "en mme madame monsieur"
)
# English words that mean the line is English after all ("the patient is in bed 4")
_ENGLISH = words_of(
    "the and is to of for with at he she his her was has not will this that i my am about you "
    "we our your are be in on it a an please thanks dear re sincerely regards from"
)
# Titles and patient words of these languages before a name (beside the English ones)
_FOREIGN_TITLES = words_of(
    "herrn patientin patient patiënt patiente mw mw. dhr meneer m. mr mme dr dr. prof prof. "
    "schwester pfleger"
)
# Articles (and a preposition fused with one) whose next capitalised word is a noun ("im Bauch",
# "am Bett"); a bare preposition is not one: a name follows it as often ("mit Jonas Keller",
# "de Etelvina Torrent", "van Dijk", "chez Varbeck"), and Dutch "de" is a name's particle too
_GOVERNING = words_of(
    "der die das den dem des ein eine einen einem einer im am zum zur vom beim ins "
    "het een le la les du au aux un une"
)
# Ward nouns of these languages that a capitalised word beside a name is, not the name's part
# ("Schulz Verband"); two capitalised words none of which is here are a name on doubt
_NOUNS = words_of(
    "fieber schmerzen bauch bett verband wunde blutdruck blutkultur visite oberärztin oberarzt "
    "kalium natrium labor station aufnahme aufnahmen notaufnahme übergabe dienstzimmer zimmer "
    "mobilisation physiotherapie rollator antibiose ausscheidung nacht arzt ärztin pflege uhr "
    "befund entlassung medikation infusion katheter drainage temperatur puls urin stuhl essen "
    "termin rückruf brief gespräch familie angehörige op station bloeddruk bloedkweek koorts "
    "pijn afdeling overdracht opname opnames seh mobilisatie fysio medicatie familie kamer "
    "uitslag afspraak douleur fièvre transmissions salle soins service entrées urgences bilan "
    "sanguin résultats hémocultures chambre rendez-vous appel visite dossier patient patientin "
    "patiënt patiente"
)
_JOINS = words_of("und en et oder of ou")


_TITLE_WORDS = words_of("frau herr herrn mevrouw meneer dhr dhr. mme madame monsieur")


def _evidence(toks: list[Tok]) -> list[str]:
    """The words that tell a message's language: function words in lower case (or opening a
    sentence), not a name's particles ("de la Fernández", "DE LA FUENTE"), and the languages'
    titles in any case."""
    out = []
    for k, tok in enumerate(toks):
        low = tok.lower_
        if low in _TITLE_WORDS:
            out.append(low)
        elif tok.text.islower() or (tok.text.istitle() and sent_start(tok)):
            nxt = toks[k + 1].text if k + 1 < len(toks) else ""
            if not (low in PARTICLES and nxt[:1].isupper()):
                out.append(low)
    return out


def foreign_message(doc: Doc) -> bool:
    """Whether the message's function words are German, Dutch or French, not English."""
    low = _evidence(tokens(doc))
    foreign = max(len(_GERMAN.intersection(low)), len(_DUTCH.intersection(low)))
    foreign = max(foreign, len(_FRENCH.intersection(low)))
    return foreign >= 2 and foreign > len(_ENGLISH.intersection(low))


def _titled(toks: list[Tok], start: int) -> bool:
    """A title or patient word right before the span ("Frau", "Dr.", "Dr .", "bei Herrn")."""
    if start == 0:
        return False
    prev = toks[start - 1].lower_
    if prev == "." and start > 1:
        prev = toks[start - 2].lower_ + "."
    return prev in TITLES_PERSON or prev in TITLES_PRACTITIONER or prev in _FOREIGN_TITLES


def _title(tok: Tok) -> bool:
    low = tok.lower_
    return low in TITLES_PERSON or low in TITLES_PRACTITIONER or low in _FOREIGN_TITLES


def _unlisted_pair(span: list[Tok]) -> bool:
    """Two capitalised words or more, none a ward noun: a name on doubt ("Quillon Varbeck")."""
    parts = [t for t in span if alpha(t) and t.lower_ not in PARTICLES]
    return len(parts) >= 2 and not any(t.lower_ in _NOUNS for t in parts)


def _trim(toks: list[Tok], span: Span, words: NameWords) -> Span | None:
    """The span up to its first lower-case or joining word, and with no noun after a name."""
    start, end, score, subtype = span
    stop = end
    for k in range(start, end):
        tok = toks[k]
        if tok.lower_ in PARTICLES and k + 1 < end:
            continue  # "de la Fernández", "DE LA FUENTE": a name's particles
        if tok.lower_ in _JOINS or (alpha(tok) and tok.text[:1].islower() and k > start):
            stop = k
            break
        if k > start and tok.lower_ in _NOUNS and not words.lex.is_name(tok.text):
            stop = k  # "Schulz Verband": the noun after the name
            break
    while stop > start and not toks[stop - 1].text.isalpha() and toks[stop - 1].text != ".":
        stop -= 1
    return (start, stop, score, subtype) if stop > start else None


def foreign_keep(doc: Doc, spans: list[Span], words: NameWords) -> list[Span]:
    """The spans a German, Dutch or French message's grammar leaves a name (module doc)."""
    if not spans or not foreign_message(doc):
        return spans
    toks = tokens(doc)
    out: list[Span] = []
    for span in spans:
        trimmed = _trim(toks, span, words)
        if trimmed is None:
            continue
        start, stop = trimmed[0], trimmed[1]
        if _titled(toks, start) or _title(toks[start]) or _unlisted_pair(toks[start:stop]):
            out.append(trimmed)  # "Meneer Varbeck", "Dhr. Varbeck", "Quillon Varbeck ist ..."
            continue
        # an article inside the span's front governs it as much as one before it ("im Bauch");
        # the word before is read from the text (the tokenizer parts "im" as "I'm")
        before = doc_text(doc)[: toks[start].idx].split()
        governed = bool(before) and before[-1].lower() in _GOVERNING
        while start < stop and toks[start].lower_ in _GOVERNING:
            governed, start = True, start + 1
        listed = any(
            words.lex.is_name(t.text) or words.solid(t) for t in toks[start:stop] if alpha(t)
        )
        if listed and not governed:
            out.append(trimmed)
    return out
