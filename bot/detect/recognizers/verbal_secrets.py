"""ID: a secret a caller proves who they are with, a word with no digit, as calls and notes write it.

A verification call asks for something only the account holder knows, and it is mostly a word:
a verbal or telephone password, a passphrase, a security, memorable, secret, safe or code word, a
memorable place, an account nickname, a voice-ID enrolment name ("the password on the account is
bluebird", "her security word: Marigold", "passphrase 'correct horse'", "memorable place set as
Tenby", "Kennwort: Sonnenblume", "mot de passe : tournesol"). Each is the caller's own (Safe
Harbor item 18, "any other unique identifying number, characteristic, or code"). An agent also
takes it a turn after asking ("what's the verbal password?" / "CUST: it's sunflower"), has it
spelled ("B-R-A-M-B-L-E", "bravo oscar bravo", "T for tango, O for oscar") and reads it back ("so
that's 'marigold', yes?"): the same word again in the message is the same secret.

What the labels say with no value stays: "the password reset link", "forgot her password",
"security question not set up", "Password: ******", "passphrase declined", "Passwort vergessen".
A value is one word of letters (or a quoted phrase, or a spelled run) that ends its clause; a
state or a function word ("is required", "not set", "hint") and a participle ("declined") is none.
`answers.SecurityAnswerRecognizer` keeps the security questions' own answers ("first pet: Rover");
`lettered_codes` the passwords with digits or marks.
"""

from __future__ import annotations

from typing import Any, ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.answers import ANSWER_LABEL
from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    outermost,
    pattern_name,
    wordset,
)
from bot.detect.recognizers.phonetic import NATO

_PASSWORD = r"(?:pass[ \t-]?(?:words?|codes?|phrases?)|p/w(?:ord)?|pwd|pw|pword)"
_SECRET_NOUN = (
    r"(?:security|memorable|secret|safe|code|challenge|magic|verification)[ \t-]?"
    r"(?:words?|phrases?|names?|places?|answers?|responses?|info(?:rmation)?)"
)
# What security questions ask besides `answers.ANSWER_LABEL`'s: a first car or teacher, a
# childhood friend, a parent's middle name, the street someone grew up on (a birthplace is a
# place, which the location rules read and grade). Ordinary words ("the first car park"), so
# only with a separator after them (`refine`); a care plan's favourites ("favourite music:
# Elvis") are not asked.
_QUESTION = (
    r"(?:first|childhood)[ \t]+(?:car|teacher|(?:best[ \t]+)?friend|pet)(?:'s[ \t]+name)?"
    r"|childhood[ \t]+(?:nickname|hero|street)"
    r"|(?:mother|father)'?s[ \t]+(?:middle|maiden|first)[ \t]+name"
    r"|street[ \t]+(?:you|she|he|they|i)[ \t]+grew[ \t]+up[ \t]+(?:on|in)"
)
_BARE_QUESTION = re.compile(rf"(?:{_QUESTION})[ \t]*$", re.IGNORECASE)
_LABEL = (
    r"(?:(?:verbal|telephone|phone(?:[ \t]+banking)?|spoken|voice|account|online|portal|app|web"
    rf"|alarm|delivery|doorstep|customer|new|current|agreed|family)[ \t]+)?{_PASSWORD}"
    rf"|(?:(?:agreed|family|new|current)[ \t]+)?{_SECRET_NOUN}|codeword|safeword"
    r"|account[ \t]+nick[ \t-]?name|nick[ \t-]?name[ \t]+(?:on|for)[ \t]+(?:the[ \t]+)?account"
    r"|(?:voice[ \t-]?(?:id|print|biometrics?)|biometrics?)(?:[ \t]+enrol(?:l)?ment)?[ \t]+"
    r"(?:names?|words?|phrases?)|voice[ \t-]?(?:id|print|biometrics?)[ \t]+enrol(?:l)?ed"
    r"|enrol(?:l)?ment[ \t]+(?:names?|words?|phrases?)"
    r"|(?:customer[ \t]+)?ref(?:erence)?[ \t]+word"
    r"|answer[ \t]+to[ \t]+(?:(?:her|his|their|my|your|the)[ \t]+)?security[ \t]+question"
    rf"|{ANSWER_LABEL}|{_QUESTION}|user[ \t_-]?name|log-?in[ \t]+name|screen[ \t-]?name"
    # other languages' words for a password, a code word, a secret word
    r"|passwort|kennwort|codewort|losungswort|sicherheitswort|kundenkennwort|telefonkennwort"
    r"|geheimwort|mot[ \t]+de[ \t]+passe|mot[ \t]+secret|phrase[ \t]+(?:secr[èe]te|de[ \t]+passe)"
    r"|r[ée]ponse[ \t]+secr[èe]te|contrase[ñn]a|palabra[ \t]+(?:clave|secreta|de[ \t]+seguridad)"
    r"|clave[ \t]+secreta|senha|palavra[ \t-]passe|palavra[ \t]+(?:secreta|de[ \t]+seguran[çc]a)"
    r"|parola[ \t]+(?:d['’]ordine|segreta)|wachtwoord|codewoord|has[łl]o"
)
# Labels whose value is often a few words ("purple monkey dishwasher", "Holiday fund").
_PHRASE_LABEL = (
    r"pass[ \t-]?phrase|(?:secret|security|memorable|voice)[ \t]+phrase|account[ \t]+nick[ \t-]?name"
    r"|voice[ \t-]?(?:id|print)[ \t]+(?:enrol(?:l)?ment[ \t]+)?phrase"
)
# Between the label and its value: whose and where ("on the account", "we agreed"), then the
# separators, one or more ("is", "=", "set to", "ist", "est").
_WHERE = (
    r"(?:[ \t]+(?:on|for)[ \t]+(?:the|her|his|their|my|your|this)[ \t]+"
    r"(?:account|file|record|system|card|policy|line|profile|pendant|alarm))?"
    r"(?:[ \t]+(?:on[ \t]+file|on[ \t]+record))?"
    r"(?:[ \t]+(?:that|which)?[ \t]*(?:we|she|he|they|i|you|the[ \t]+(?:caller|customer|resident))"
    r"[ \t]+(?:agreed|set|chose|picked|gave|use[sd]?|have|had|registered)(?:[ \t]+(?:up|on))?)?"
    # a note in brackets before a separator ("first pet (security question): Biscuit")
    r"(?:[ \t]*\([^)\n]{0,30}\)(?=[ \t]*(?::|=|-|is\b|was\b)))?"
)
_SEP_WORD = (
    r"(?::|=|-|–|—|'s|’s|,?[ \t]*is[ \t]+it|is|was|as|to|set[ \t]+(?:to|as|up[ \t]+as)|changed[ \t]+to|reset[ \t]+to"
    r"|updated[ \t]+to|given[ \t]+as|given|reads|of|under(?:[ \t]+the[ \t]+name)?|ist|lautet|war"
    r"|est|était|es|era|sería|é|è)"
)
_SEP = rf"(?P<sep>(?:[ \t]*{_SEP_WORD}(?![\p{{L}}]))*)[ \t]*"
# A word spelled out in words: the phonetic alphabet ("bravo oscar bravo"), or letters with
# theirs ("T for tango, O for oscar", "V for Victoria - B for Bob"). Letters spelled one by one ("B-R-A-M-B-L-E", "l i s b o
# n") reach the recognizers joined (`bot.detect.normalise`), a word like any other.
_NATO_RUN = rf"{NATO}(?:[ \t]*[,-]?[ \t]*{NATO}){{2,}}(?![\w-])"
_LETTER_FOR = r"(?-i:[A-Z])[ \t]+(?:for|as[ \t]+in)[ \t]+(?-i:[A-Za-z][a-z-]+)"
_FOR_RUN = rf"{_LETTER_FOR}(?:[ \t]*[,;-]?[ \t]*{_LETTER_FOR})+"
_SPELLED = rf"(?:{_NATO_RUN}|{_FOR_RUN})"
# The value: quoted (a phrase may be), spelled, or one word of letters.
_VALUE = (
    r"(?:['\"‘“](?P<v>\p{L}(?:[^'\"‘’“”\n\d]|['’](?=\p{L})){0,38}?)['\"’”](?!\p{L})"
    rf"|(?P<v>{_SPELLED})"
    r"|\((?P<v>\p{L}[\p{L}'’-]{1,29})\)"
    r"|(?P<v>\p{L}(?:\p{L}|['’._-](?=\p{L})){1,29})(?![\w@./-]*\d))"
)
# What a caller says before the value ("yes, it's", "erm", "hang on, spell it:").
_FILLER = (
    r"(?:(?:yes|yeah|yep|ok|okay|sure|right|so|hang[ \t]+on|hold[ \t]+on|one[ \t]+sec(?:ond)?"
    r"|it'?s|it[ \t]+is|it[ \t]+was|that'?s|i[ \t]+think[ \t]+it'?s|should[ \t]+be|um+|erm?|uh"
    r"|spel(?:led|l|t)(?:[ \t]+(?:it|that))?)(?![\p{L}])[ \t,.…!:-]*)*"
)
_SPEAKER = r"(?:\[[^\]\n]{1,20}\][ \t]*)?(?:[\p{L} .'()-]{1,30}:[ \t]*)?"


class VerbalSecretRecognizer(ClinicalPatternRecognizer):
    """Verification secrets in words after their label, in the reply to the question naming
    them, spelled out, and again where the message says them a second time."""

    # `analyze` adds echoes of the matches, nothing without one
    SKIP_WHEN_IDLE: ClassVar[bool] = True

    ENTITY = "ID"
    SUBTYPE = "UNIQUE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("secret_labelled_strong", rf"\b(?:{_LABEL})(?![\p{{L}}]){_WHERE}{_SEP}{_VALUE}", 0.85),
        # a phrase after a phrase's or a nickname's label and a separator ("passphrase = jam
        # before cream.", "account nickname: Holiday fund;"), up to the clause's end
        Pattern(
            "secret_phrase_strong",
            rf"\b(?:{_PHRASE_LABEL})(?![\p{{L}}]){_WHERE}[ \t]*(?:[:=]|is|was|set[ \t]+to|as)[ \t]+"
            r"(?P<v>\p{L}[\p{L}'’-]*(?:[ \t]+\p{L}[\p{L}'’-]*){1,3})(?=[ \t]*(?:[.;,!?\n]|$))",
            0.85,
        ),
        # "asked for the safe word; resident said 'nutmeg'"
        Pattern(
            "secret_said_strong",
            rf"\b(?:{_LABEL})(?![\p{{L}}])[^.\n?]{{0,30}}?\b(?:said|gave|answered|replied|says|gives)"
            rf"[ \t]*:?[ \t]*{_FILLER}{_VALUE}",
            0.85,
        ),
        # "what's the verbal password?\nCUST: it's sunflower", "memorable word? Caller: Kestrel"
        Pattern(
            "secret_reply_strong",
            rf"\b(?:{_LABEL})(?![\p{{L}}])[^\n?]{{0,40}}?(?:\?|\bplease\b[.!]?)"
            rf"(?:[ \t]*\n[ \t]*{_SPEAKER}|[ \t]+(?=[^\n?]{{1,30}}:){_SPEAKER}){_FILLER}{_VALUE}",
            0.85,
        ),
        # "the second and fourth letters of her memorable word: A and G", or in the reply
        Pattern(
            "secret_letters_strong",
            rf"\b(?:letters?|characters?)[ \t]+of[ \t]+(?:the|her|his|their|my|your)[ \t]+(?:{_LABEL})(?![\p{{L}}])"
            rf"(?:[^\n?:]{{0,30}}?(?:\?|\bplease\b[.!]?)[ \t]*\n[ \t]*{_SPEAKER}{_FILLER}"
            r"|[ \t]*(?::|=|-|is|are|were|given[ \t]+as)[ \t]*)"
            r"(?P<v>(?-i:[A-Za-z])(?:[ \t]*(?:,|and|&)[ \t]*(?-i:[A-Za-z])){1,3})(?![\p{L}])",
            0.85,
        ),
        # a word spelled in the phonetic alphabet, with no label
        Pattern("spelled_strong", rf"(?<![\w-])(?P<v>{_SPELLED})", 0.85),
        # a word after a cue to spell it ("spell it: l i s b o n", read "spell it: lisbon")
        Pattern("spell_cue_strong", rf"\bspel(?:led|l|t)(?![\p{{L}}])(?:[ \t]+(?:it|that|this))?(?:[ \t]+as)?[ \t]*[:,-]?[ \t]*{_VALUE}", 0.85),
    ]  # fmt: skip
    CONTEXT: ClassVar[list[str]] = []

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        found = super().analyze(text, entities, nlp_artifacts, regex_flags)
        # a word a phrase holds ("jam" of "jam before cream") is that phrase's
        found = outermost(found)
        return found + _echoes(text, found)

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        name = pattern_name(result)
        value = text[result.start : result.end]
        if name in ("spelled_strong", "secret_letters_strong") or _spelled(value):
            return result
        words = [w.lower().strip("'’") for w in value.split()]
        if name == "secret_phrase_strong":
            keep = _no_state(words[0]) and words[-1] not in _NOT_A_SECRET
            return result if keep else None
        if result.start > 0 and text[result.start - 1] in "'\"‘“":  # quoted
            if words[0] in _NONE or all(w in _NOT_A_SECRET for w in words):
                return None  # "password: 'not set'", "'none'"
            return result
        if len(words) != 1 or not secret_word(text, result.start, result.end):
            return None
        if _BARE_QUESTION.search(text, max(0, result.start - 60), result.start):
            return None  # "the first car park": a question's words with no separator
        return result


def secret_word(text: str, start: int, end: int) -> bool:
    """Whether the unquoted word at `start:end`, after a secret's label, can be the secret: no
    function word or state ("not", "hint", "declined", "correctly"), and it ends its clause
    ("password is case sensitive", "security word is not required" say no secret)."""
    return _no_state(text[start:end].lower()) and _CLAUSE_END.match(text, end) is not None


def _no_state(low: str) -> bool:
    return low not in _NOT_A_SECRET and not (
        _STATE_ENDING.search(low) and low not in _SECRET_ENDINGS
    )


_SPELLED_VALUE = re.compile(_SPELLED, re.I)  # compiled once (test_compiled_once)


def _spelled(value: str) -> bool:
    return _SPELLED_VALUE.fullmatch(value) is not None


def _echoes(text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
    """The same secret said again in the message ("so that's 'marigold', yes?"), wherever the
    label is not beside it."""
    out: list[RecognizerResult] = []
    taken = [(r.start, r.end) for r in found]
    seen: set[str] = set()
    # longest first, then in text order: the same echoes whatever the run's hash seed
    for first in sorted(found, key=lambda r: (r.start - r.end, r.start)):
        value = text[first.start : first.end]
        if value.lower() in seen or len(value) < 4 or _spelled(value):
            continue
        seen.add(value.lower())
        if value.lower() in _NOT_A_SECRET:
            continue
        pattern = rf"(?<![\p{{L}}\d]){re.escape(value)}(?![\p{{L}}\d])"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            echo = RecognizerResult(
                entity_type=first.entity_type,
                start=m.start(),
                end=m.end(),
                score=first.score,
                analysis_explanation=first.analysis_explanation,
                recognition_metadata={
                    **first.recognition_metadata,
                    "pattern": "secret_echo_strong",
                },
            )
            out.append(echo)
    return out


# A value ends its clause: punctuation, the line's end, or a word that opens another clause (not
# a colon: "Caller:" after a question is the next speaker, not the answer).
_CLAUSE_END = re.compile(
    r"[ \t]*(?:$|[.,;!?)\]\"'”’…]|\n|(?:and|but|or|so|then|at|for|from|on|in|with|last|now|please"
    r"|thanks?|thank|i[ \t]+think|yes|ok|right|if|which|when|because|before|after|to|und|et|y|e|en"
    r"|o|as|all|lower[ \t]+case|capital|spelt|spelled|spelling|confirmed|verified|given|accepted"
    r"|matched|correct|correctly|provided|passed|checked|noted|recorded|supplied|entered"
    r"|agreed|set|chosen|registered|added|saved|stored|used|approved|shared|arranged"
    r"|on[ \t]+file)(?![\p{L}]))",
    re.IGNORECASE | re.MULTILINE,
)
# A word that describes a state ("declined", "correctly") is no secret; these are.
_STATE_ENDING = re.compile(r"(?:ed|ly)$")
_SECRET_ENDINGS = wordset("bred seed reed weed")
_NONE = wordset("not no none nil n/a na unknown blank empty")
# Words after a label that are no secret: function words, states, what a form prints for none.
_NOT_A_SECRET = wordset(
    "the a an is was are were be been being not no none nil nothing n/a na unknown blank empty "
    "and or but on in for to of with as at by from it its this that these those there here "
    "she he they her his their my your our me you him them we i "
    "wrong right correct incorrect ok okay fine good valid invalid given provided verified "
    "matched confirmed failed passed required needed set reset changed updated forgotten forgot "
    "please thanks hint hints policy policies manager reminder reminders prompt protection "
    "protected expired expiry locked sent separately attached below above same usual default "
    "temporary new old shared emailed texted link links field fields box screen page form "
    "must should will would can could may might also still again too just only "
    "requested request requests reset change changes check checks case sensitive question "
    "update updates upgrade confirmation verification "
    "questions answer answers declined refused withheld redacted hidden masked removed "
    "handy ready available missing pending outstanding unavailable agreed repeated repeat "
    "entered typed recorded noted stored saved held kept used known asked asks "
    "strength length characters character letters digits numbers words word phrase "
    "setup set-up reset-link recovery retrieval out back "
    # what a caller says back that is no answer ("Sorry?", "Pardon?", "Nope.")
    "sorry pardon what why who how hello hi hey hmm nope nah yeah yep yes maybe dunno idk sure "
    "great lovely perfect brilliant cheers wait hold hang one sec second moment minute "
    # the labels themselves ("hang on, password spelled ...")
    "password passwords passcode passphrase pin username login security memorable secret safe "
    "code nickname name names place "
    # other languages' articles, negations and "forgotten", "wrong"
    "der die das ein eine kein keine nicht vergessen falsch le la les un une pas aucun oublié "
    "oubliée incorrect el los las uno una ninguna olvidada olvidó incorrecta o os um uma não "
    "esquecida errada il lo gli non dimenticata sbagliata een het geen niet vergeten onjuist"
)
