"""What kind of word a token is, for the name rules: a solid name, an unknown word, name-shaped.

The lookups fold and inflect strings, so the answers are cached. `NameRecognizer`, `NameCues`
and `UnknownNames` share one instance instead of reaching into each other.
"""

from __future__ import annotations

import regex as re
from spacy.tokens import Doc

from bot.detect.recognizers.names_context import (
    ID_LABELS,
    POSSESSIVE,
    Tok,
    alpha,
    doc_text,
    tokens,
)
from bot.detect.recognizers.names_lexicon import (
    CLINICAL_AFTER,
    CLINICAL_SUFFIXES,
    MEDICAL_SUFFIXES,
    PARTICLES,
    ROOM_WORDS,
    SURNAME_SUFFIXES,
    TITLES_PERSON,
    TITLES_PRACTITIONER,
    Lexicon,
)


# Labels and chart abbreviations that are not in the English list but are not names either.
def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


NOT_NAMES = ID_LABELS | words_of(
    "nkda nka nkfa dnr dni dnar hcp poa pcn pmh hpi ros sbar hx dx tx sx fx abx cxr ekg ecg bipap cpap hfnc picc "
    "ivf npo prn qhs qam qpm bid tid qid dvt pe ppx gtt gtts hgb hct plt wbc inr ptt bnp lft lfts egd ercp tpn "
    "ngt ogt peg ett lol omg thx pls plz tmrw yday wknd asap fyi eta eod bc btw idk imo tbh ok okay anc cath apgars troponin ondansetron granisetron evac icu micu sicu ccu cvicu nicu picu pacu "
    "hcap ltach ltac snf ecmo crrt cvvh hd pd tele stepdown obs tmax tmin ldh aetna cigna humana medicaid medicare "
    "ir rom doa es apap iban dev prod poll ama lwbs ok'd okd case "
    # staff roles written before a colleague's name ("crna adan is running the board"), and
    # the UK ward's ("escalated to SHO", "HCA aware")
    "crna cna lpn lvn aprn crnp rrt auth sho spr anp hca odp rmn "
    # UK ward shorthand in capitals ("DNACPR in place", "NBM from midnight", "TTO ready")
    "dnacpr nbm tto tta twoc ogd ivab sdec camhs dols ctpa amts "
    # an infusion centre's chart words: the medication administration record, premedication
    "mar emar premed premeds "
    # a seat's kind before its label ("iso chair 2", "bari bed 4", "resus bay 1": `rooms`)
    "iso bari resus isol desatting desatted desaturating "
    # a dialysis unit's shorthand, also beside a seat ("chair 3 hemo", "stn 4 bicarb")
    "hemo bicarb heplock "
    # other languages' age and room words (`ages`, `rooms`): "58 años", "cama 4", "Zimmer 12"
    "años anos ans jahre anni jaar cama habitación habitacion zimmer bett chambre quarto leito letto "
    "stanza kamer edad âge alter età idade "
    # their forms beside an age or a population's ("91-jährige Bewohnerin", "âgée de 92 ans",
    # "Kinder unter 12 Jahren": capitalised nouns, never the patient's name)
    "jahren jährige jährigen jähriger jährigem bewohner bewohnerin bewohnerinnen kinder âgé âgée "
    # "patient" in other languages, which opens a name's sentence ("Пациент Иван Петров")
    "пациент пациентка пациента больной больная paciente patiente patientin paziente"
)
# Chat shorthand that is also a listed first name ("ty", "jo"): never a name in lower case.
CHAT_SHORTHAND = words_of(
    "ty tyvm tysm np gm gn brb ttyl hbu wbu ikr nvm rn tho ya yah yup nah kk lmk smh imho "
    "jk ily gg wb ty's thx"
)
_PREFIXES = (
    "re",
    "un",
    "pre",
    "post",
    "non",
    "anti",
    "over",
    "under",
    "mis",
    "dis",
    "hyper",
    "hypo",
    "peri",
    "intra",
)
_TYPO_CACHE: dict[str, bool] = {}
_RUN_TOGETHER_CACHE: dict[str, bool] = {}
# English derivational endings that names of any origin rarely have
_WORD_ENDINGS = (
    "ation",
    "ition",
    "ution",
    "sion",
    "ment",
    "ness",
    "ology",
    "ism",
    "ity",
    "able",
    "ible",
    "ive",
    "ize",
    "ise",
)
_VOWELS = re.compile(
    r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿāăąēĕėęěīĭįıōŏőœūŭůűųạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
    re.IGNORECASE,
)
# "Jackson-Pratt", "Roux-en-Y", "Mary-Kate Smith-Jones": a hyphenated name has few parts.
MAX_COMPOUND_PARTS = 4
_LOWER_KEY = "phiwarden.has_lower"
# The most spellings a `NameWords` cache holds before it starts again: a long-running worker
# sees new words for ever, and memory must not grow with them.
_CACHE_LIMIT = 100_000


def has_lower(doc: Doc) -> bool:
    """Whether the message has any lower-case letter; kept on the doc (asked per word)."""
    hit = doc.user_data.get(_LOWER_KEY)
    if hit is None:
        hit = doc.user_data[_LOWER_KEY] = any(c.islower() for c in doc_text(doc))
    return bool(hit)


def shape_ok(tok: Tok, inf: bool) -> bool:
    """Whether `tok` is written as a name may be: capitalised, where the message's case means
    something (`names_context.casing_informative`); any way where it does not."""
    return not inf or tok.text[:1].isupper()


class NameWords:
    """Word classes over one `Lexicon`: `solid`, `unknown`, `nameish` and eponym checks."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._cache: dict[str, tuple[bool, bool]] = {}
        self._unknown: dict[str, bool] = {}

    def solid(self, tok: Tok) -> bool:
        """A gazetteer name that is not also an ordinary word or an eponym, or an unknown word
        with a surname ending ("Kuznetsova", "Papadopoulos")."""
        solid, unknown = self._classes(tok.text)
        return solid or (
            unknown and len(tok.text) >= 6 and tok.lower_.endswith(SURNAME_SUFFIXES) and alpha(tok)
        )

    def unknown(self, tok: Tok) -> bool:
        """A word we know nothing about: not English, not a listed name, not a clinical term.
        Cached by spelling: the name rules ask it of each word a few times (issue 13)."""
        t = tok.text
        hit = self._unknown.get(t)
        if hit is None:
            low = tok.lower_
            hit = (
                "." not in t
                and low not in TITLES_PERSON
                and low not in TITLES_PRACTITIONER
                and low not in NOT_NAMES
                and not low.endswith(MEDICAL_SUFFIXES)
                and alpha(tok)
                and len(t) >= 3
                and self._classes(t)[1]
                and not self.run_together(low)
            )
            if len(self._unknown) > _CACHE_LIMIT:
                self._unknown.clear()
            self._unknown[t] = hit
        return hit

    def run_together(self, low: str) -> bool:
        """ "timesheets", "bedrails", "handwash": two English words of four letters or more
        written as one, which no list has but which is no name ("Mark your timesheets
        please" read "Timesheets" as a colleague addressed by name)."""
        if len(low) < 8 or not low.isascii():
            return False
        hit = _RUN_TOGETHER_CACHE.get(low)
        if hit is None:
            words = self.lex.english  # exact spellings (and plurals): inflecting finds too much
            is_name = self.lex.is_name
            hit = any(
                low[:k] in words
                and (low[k:] in words or (low[-1] == "s" and low[k:-1] in words))
                and not (is_name(low[:k]) and is_name(low[k:]))  # "JohnSmith": a glued name
                for k in range(4, len(low) - 3)
            )
            if len(_RUN_TOGETHER_CACHE) > 50_000:
                _RUN_TOGETHER_CACHE.clear()
            _RUN_TOGETHER_CACHE[low] = hit
        return hit

    def _classes(self, word: str) -> tuple[bool, bool]:
        """(solid, unknown) for a word, cached: the lookups fold and inflect strings."""
        key = word.lower()
        hit = self._cache.get(key)
        if hit is None:
            lex = self.lex
            name, eponym = lex.is_name(word), lex.is_eponym(word)
            hit = (
                name and not lex.is_ambiguous(word) and not eponym,
                not name and not eponym and not lex.is_english(word),
            )
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def compound_blocked(self, tok: Tok) -> bool:
        """ "Jackson-Pratt", "Guillain-Barré", "Roux-en-Y": a hyphenated eponym or term."""
        doc, i = tokens(tok.doc), tok.i
        parts = [tok]
        j = i
        while (
            j > 1
            and doc[j - 1].text == "-"
            and not doc[j - 2].whitespace_
            and not doc[j - 1].whitespace_
        ):
            parts.append(doc[j - 2])
            j -= 2
            if len(parts) > MAX_COMPOUND_PARTS:
                return True  # "Ab-Ab-Ab-...": no name; walking it from every word was quadratic
        j = i
        while (
            j + 2 < len(doc)
            and doc[j + 1].text == "-"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
        ):
            parts.append(doc[j + 2])
            j += 2
            if len(parts) > MAX_COMPOUND_PARTS:
                return True
        parts = [p for p in parts if p.lower_ not in PARTICLES]
        if len(parts) <= 1:
            return False
        return any(
            self.lex.is_eponym(p.text)
            or (self.lex.is_english(p.text) and not self.lex.is_name(p.text))
            or len(p.text) < 2
            for p in parts
        )

    def nameish(self, tok: Tok, min_len: int = 4) -> bool:
        """An unknown word shaped like a name: letters with a vowel, long enough not to be chat
        shorthand ("agn", "abt"), not a chart abbreviation."""
        low = tok.lower_
        if (
            low in NOT_NAMES
            or not alpha(tok)
            or len(tok.text) < min_len
            or not _VOWELS.search(tok.text)
        ):
            return False
        if low.endswith(_WORD_ENDINGS) or (
            tok.text.isupper() and len(tok.text) <= 5 and has_lower(tok.doc)
        ):
            return False  # "extubation", "HCAP" in a mixed-case message: vocabulary and acronyms
        return self.unknown(tok) and not self.typo(low)

    def typo(self, low: str) -> bool:
        """ "pateint", "recieved", "recheck", "unclamp": an English word one slip or one prefix
        away, which is far likelier than a name in the same spot."""
        hit = _TYPO_CACHE.get(low)
        if hit is None:
            english = self.lex.is_english
            hit = any(
                low.startswith(p) and len(low) - len(p) >= 4 and english(low[len(p) :])
                for p in _PREFIXES
            )
            words = self.lex.english  # exact spellings only: inflecting a slip finds too much
            if not hit and low.isascii() and len(low) >= 6:
                hit = any(
                    low[:k] + low[k + 1] + low[k] + low[k + 2 :] in words
                    for k in range(len(low) - 1)
                )
            if not hit and low.isascii() and len(low) >= 7:
                hit = any(low[:k] + low[k + 1 :] in words for k in range(len(low)))
            if len(_TYPO_CACHE) > 50_000:
                _TYPO_CACHE.clear()
            _TYPO_CACHE[low] = hit
        return hit

    def known_given(self, tok: Tok) -> bool:
        return alpha(tok) and self.lex.is_first(tok.text) and not self.lex.is_english(tok.text)

    def clinical_next(self, doc: Doc, end: int) -> bool:
        """ "Parkinson's disease", "Murphy sign": the name is part of a clinical term."""
        if end >= len(doc):
            return False
        toks = tokens(doc)
        nxt = toks[end].lower_
        if nxt in POSSESSIVE and end + 1 < len(toks):
            nxt = toks[end + 1].lower_
        if nxt in CLINICAL_AFTER:
            # "Johnson station 4": a seat and its number, not a clinical term
            after = toks[end + 1].text if end + 1 < len(toks) else ""
            return not (nxt in ROOM_WORDS and any(c.isdigit() for c in after))
        # "Ivor Lewis esophagectomy": a procedure named after its eponyms
        return nxt.endswith(CLINICAL_SUFFIXES) and any(
            self.lex.is_eponym(t.text) or self.lex.is_ambiguous(t.text)
            for t in tokens(doc)[max(0, end - 3) : end]
        )
