"""Verification calls: timestamped insurer and bank-style call transcripts, telecare alarm-centre
logs, voice-biometric enrolment logs, CRM contact-history notes, nurse-line callbacks,
account-recovery e-mails, delivery-driver notes and interpreter-line transcripts in German,
French, Spanish, Portuguese, Italian and Dutch, planting the secrets a caller gives to prove who
they are (Safe Harbor item 18, "any other unique identifying number, characteristic, or code").

A DEV voice, written on 2026-12-07 by the secrets pass of issue 13 (helper `secrets`) and
committed before its first measurement. It is for tuning: the held-out voices stay held out, and
this corpus's figures are dev figures, never evidence. Written from how such calls are typed,
not from any other corpus.

What it plants (R): one token with no digit, 5-12 characters, as callers and agents say it: a
password, passcode or passphrase, a verbal or telephone password, a security or memorable word,
name or place, a safe or code word, an account nickname, a username with no digit, a voice-ID
enrolment name, a customer reference word; after "is", "=", ":", "as", "to", "set to",
"changed to", quoted or not, spelled with hyphens or spaces, in the phonetic alphabet or "M for
mike", on the line after the question that names it, read back by the agent ("so that's
'marigold', yes?"), and under other languages' labels ("Kennwort: Sonnenblume", "mot de passe :
tournesol"); and a vanity plate (item 12, vehicle identifiers). Each planted span is the value
alone (a spelled value: the whole spelled run). The clean text around them, and the clean
messages, name the same labels with no value: "the password reset link", "forgot her password",
"security question not set up", "a memorable day", "Password: ******", "PIN not given",
"Passwort vergessen".

First measurement: see the module's commit and docs/detection.md (secrets pass).

    python -m bench.corpus.verification_calls --n 3
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import Part, documents, generator_main, lit, pii, render_slots
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_GB", "en_GB", "en_US", "en_IE", "en_AU", "en_CA", "en_NZ")
R = "any other unique number"
V = "vehicle identifiers"

_WORDS = (
    "bluebird", "Marigold", "sunflower", "pineapple", "Hawthorn", "Kestrel", "lemonade", "custard",
    "Rainbow", "Walrus", "Toffee", "seashell", "Thistle", "buttercup", "Snowflake", "moonbeam",
    "Bramble", "Juniper", "Cinnamon", "Pebbles", "Dandelion", "Rosebud", "tortoise", "Mistletoe",
    "avocado", "Honeybee", "Sapphire", "nutmeg", "Lollipop", "Flamingo", "zeppelin", "peppermint",
    "Gingerbread", "Paddington", "Wellington", "marmoset", "Tiramisu", "Quokka", "lavender",
)  # fmt: skip
_PLACES = (
    "Tenby",
    "Whitby",
    "Lisbon",
    "Brighton",
    "Kyoto",
    "Ravenna",
    "Skegness",
    "Galway",
    "Oban",
)
_PETS = ("Fluffy", "Rascal", "Scamp", "Pickle", "Mittens", "Barney", "Whiskers", "Nibbles")
_PHRASES = (
    "correct horse battery", "purple monkey dishwasher", "tea at the Ritz", "blue suede shoes",
    "my voice is my password", "jam before cream", "sixpence in my shoe",
)  # fmt: skip
_NICKNAMES = ("Grandma's", "Holiday fund", "Rainy day", "Nana's pot", "Kiddies", "Piggybank")
_HANDLES = ("sparkles", "moonchild", "gingerninja", "bookworm_bea", "tealady", "knitwitch")
_PLATES = ("GRANDMA", "BIGDADY", "NURSEJO", "MUMSTAXI", "GOLFNUT", "ROSIEB")
_FOREIGN = {
    "de": (
        ("Kennwort", "Passwort", "Codewort", "Sicherheitswort"),
        ("Sonnenblume", "Regenbogen", "Eichhörnchen", "Schmetterling"),
    ),
    "fr": (
        ("mot de passe", "mot secret", "phrase secrète"),
        ("tournesol", "papillon", "citrouille", "coquelicot"),
    ),
    "es": (
        ("contraseña", "palabra clave", "palabra secreta"),
        ("girasol", "mariposa", "golondrina", "calabaza"),
    ),
    "pt": (("senha", "palavra-passe"), ("girassol", "borboleta", "andorinha")),
    "it": (("parola d'ordine", "parola segreta"), ("girasole", "farfalla", "rondine")),
    "nl": (("wachtwoord", "codewoord"), ("zonnebloem", "vlinder", "eekhoorn")),
}
_FOREIGN_SEP = {"de": (": ", " ist ", " lautet "), "fr": (" : ", " est ", ": "),
                "es": (": ", " es ", " sería "), "pt": (": ", " é "), "it": (": ", " è "),
                "nl": (": ", " is ")}  # fmt: skip
_NATO = {
    "a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
    "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima", "m": "mike",
    "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo", "s": "sierra",
    "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray", "y": "yankee",
    "z": "zulu",
}  # fmt: skip
# What a label is called, by what it guards; each with what the value is.
_LABELS = (
    ("password", "word"), ("verbal password", "word"), ("telephone password", "word"),
    ("phone banking password", "word"), ("passcode", "word"), ("security word", "word"),
    ("memorable word", "word"), ("secret word", "word"), ("safe word", "word"),
    ("code word", "word"), ("customer reference word", "word"), ("password on the account", "word"),
    ("memorable place", "place"), ("memorable name", "pet"), ("first pet's name", "pet"),
    ("passphrase", "phrase"), ("account nickname", "nickname"), ("username", "handle"),
    ("voice ID enrolment name", "word"), ("security answer", "pet"),
)  # fmt: skip
_SEPS = (" is ", ": ", " = ", " - ", " was ", "'s ", " set to ", " changed to ", " given as ",
         " set as ", " on file is ", " we agreed is ", " ")  # fmt: skip


class Caller:
    """One caller and one agent, so a call's names and secret agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.agent = self.fake.first_name()
        self.her = rng.choice(("her", "his", "their"))
        self.label, self.what = rng.choice(_LABELS)
        self.value = _value(rng, self.what)


def _value(rng: random.Random, what: str) -> str:
    pools = {"word": _WORDS, "place": _PLACES, "pet": _PETS, "phrase": _PHRASES,
             "nickname": _NICKNAMES, "handle": _HANDLES}  # fmt: skip
    return rng.choice(pools[what])


def _spelled(rng: random.Random, word: str) -> str:
    """A word spelled out as an agent types it: hyphens, spaces, the phonetic alphabet."""
    letters = [c for c in word if c.isalpha()]
    form = rng.randrange(4)
    if form == 0:
        return "-".join(c.upper() for c in letters)
    if form == 1:
        case = str.upper if rng.random() < 0.5 else str.lower
        return " ".join(case(c) for c in letters)
    if form == 2:
        return " ".join(_NATO[c.lower()] for c in letters)
    return ", ".join(f"{c.upper()} for {_NATO[c.lower()]}" for c in letters[:5])


def _quoted(rng: random.Random) -> tuple[str, str]:
    return rng.choice([("", ""), ("'", "'"), ('"', '"'), ("‘", "’"), ("“", "”")])


def _labelled(c: Caller) -> list[Part]:
    """The label, a separator, the value, perhaps in quotes."""
    rng = c.rng
    sep = rng.choice(_SEPS)
    if c.what in ("phrase", "nickname") or sep == " ":
        sep = rng.choice((": ", " is ", " = "))
    head = rng.choice(["", f"{c.her} ", "the ", "caller's "])
    label = c.label[0].upper() + c.label[1:] if rng.random() < 0.2 else c.label
    if label.startswith("password on"):
        head = "the "
    left, right = _quoted(rng)
    return [lit(f"{head}{label}{sep}{left}"), pii(c.value, "ID", "direct", R), lit(right)]


def _plain_word(c: Caller) -> str:
    """The caller's secret as one word (a phrase's or nickname's first is not one to spell)."""
    return c.value if c.what in ("word", "place", "pet") else c.rng.choice(_WORDS)


def _spelled_secret(c: Caller) -> list[Part]:
    rng = c.rng
    word = _plain_word(c)
    label = rng.choice(["password", "memorable word", "security word", "verbal password"])
    lead = rng.choice([f"{label} spelled ", "spell it: ", f"{label} is ", f"{label}: "])
    return [lit(lead), pii(_spelled(rng, word), "ID", "direct", R)]


def _foreign(c: Caller) -> list[Part]:
    rng = c.rng
    lang = rng.choice(sorted(_FOREIGN))
    labels, words = _FOREIGN[lang]
    label = rng.choice(labels)
    label = label[0].upper() + label[1:] if rng.random() < 0.5 else label
    left, right = _quoted(rng)
    return [
        lit(f"{label}{rng.choice(_FOREIGN_SEP[lang])}{left}"),
        pii(rng.choice(words), "ID", "direct", R),
        lit(right),
    ]


_CLEAN = (
    "the password reset link was sent to the address on file", "caller forgot her password",
    "security question not set up", "it was a memorable day for the family", "Password: ******",
    "PIN not given", "password was incorrect twice, account locked", "memorable word: not provided",
    "passphrase declined, caller to ring back", "verbal password to be set up at next call",
    "caller passed security", "security questions answered correctly", "ID&V passed",
    "new password emailed separately", "the password must be at least eight characters",
    "voice ID enrolment declined", "nickname not recorded", "the safe word policy was explained",
    "code word is on the front sheet of the care plan", "password: [redacted]",
    "could not remember the memorable word", "password hint shown on screen",
    "the plate was obscured on the camera", "username is the email address on file",
    "Passwort vergessen, Rückruf erbeten", "mot de passe oublié", "olvidó su contraseña",
    "account nickname left blank", "security word is not required for this enquiry",
)  # fmt: skip

TEMPLATES: dict[str, list[str]] = {
    "verification_calls": [
        # timestamped insurer / bank-style call transcripts
        "[00:00:41] AGENT {agent}: Before we go on, what's the {ask} on the account?\n"
        "[00:00:47] CUSTOMER: {reply}\n[00:00:52] AGENT {agent}: {readback}",
        "[00:01:12] AGT: Thanks {first}. And the {ask}?\n[00:01:15] CUST: {reply}\n"
        "[00:01:20] AGT: Perfect, you're through security.",
        "[00:03:02] AGT: I'll need {ask} please.\n[00:03:09] CUST: hang on, {spelled}.\n"
        "[00:03:15] AGT: lovely, thank you.",
        "[00:00:12] CUSTOMER {name}: hi, for the record {labelled}\n[00:00:20] AGENT: {clean}.",
        "[00:02:30] AGENT: have you got your {ask} handy?\n[00:02:33] CUSTOMER: no, {clean}.",
        # telecare / alarm monitoring centre logs
        "Alarm call 03:12 - operator spoke to resident {name}. Safe word given correctly; "
        "{labelled}. {clean}.",
        "Telecare log: pendant activation for {first} {last}. Operator asked for {ask}; resident "
        "said {reply_inline}. Ambulance not needed.",
        "Telecare log: no response from {name}'s unit, {clean}. Keyholder called.",
        # voice-biometric enrolment logs
        "VoiceID enrol: {name} enrolled, {labelled}; passphrase repeated three times.",
        "Voice biometrics: enrolment for {first} failed, {clean}.",
        # CRM contact-history notes
        "Contact history > note by {agent}: spoke to {name}, verified with {labelled} and DOB. "
        "{clean}.",
        "Contact history > note by {agent}: {name} rang, {clean}; {clean2}.",
        "CRM note: {labelled2}; {labelled}. Done.",
        # nurse advice line callbacks
        "Nurse line callback: {name}, {labelled}. Advice given re temperature.",
        "Nurse line: callback to {first}; {clean}. Will try again after lunch.",
        # account-recovery e-mails
        "Subject: can't log in\n\nHi, this is {name}. {clean}, but I think my {ask} was "
        "{reply_inline}. Can you help?",
        "Subject: account recovery\n\nDear support, my {labelled}. Please reset. Regards, {first}",
        "Subject: account recovery\n\nDear support, {clean}. Regards, {first}",
        # chat
        "[webchat] Agent: for security, what's your {ask}?\n[webchat] {first}: {reply}",
        "[webchat] {first}: my {ask}, is it {reply_inline}?\n[webchat] Agent: that's right, thanks.",
        # delivery-driver notes
        "Delivery note for {name}: driver must ask for the {labelled}. Leave nothing on the step.",
        "Delivery note: {clean}. Car in the drive is plate {plate}.",
        "Parking permit for {name}: vanity plate {plate}.",
        # interpreter-line transcripts, other languages
        "Dolmetscherdienst: Anrufer {name}; {foreign}. Identität bestätigt.",
        "Interprète : l'appelant {name} donne {foreign}. {clean}.",
        "Intérprete: {name} dice {foreign}.",
        "Interpreter line (pt/it/nl): {name}, {foreign}.",
        # clean messages
        "[00:00:05] AGENT: {clean}.\n[00:00:09] CUSTOMER: ok, {clean2}.",
        "Telecare log: {clean}; {clean2}.",
        "CRM note: {clean}. {clean2}.",
        "Subject: password reset\n\nHi, {clean}. {clean2}.",
        "Nurse line: {clean}; callback booked.",
    ],
}


def _reply(c: Caller, inline: bool = False) -> list[Part]:
    """What the caller says back: the value, perhaps after "it's" or "erm", perhaps spelled."""
    rng = c.rng
    left, right = _quoted(rng)
    if not inline and rng.random() < 0.25 and c.what in ("word", "place", "pet"):
        return [lit(rng.choice(["it's ", "erm, ", ""])), pii(c.value, "ID", "direct", R),
                lit(", "), pii(_spelled(rng, c.value), "ID", "direct", R), lit(".")]  # fmt: skip
    lead = rng.choice(["", "it's ", "yes, it's ", "erm... ", "I think it's ", "should be "])
    if inline:
        lead = ""
    tail = "" if inline else rng.choice([".", "", " I think."])
    return [lit(f"{lead}{left}"), pii(c.value, "ID", "direct", R), lit(f"{right}{tail}")]


def _readback(c: Caller) -> list[Part]:
    rng = c.rng
    head, tail = rng.choice(
        [("so that's '", "', yes?"), ("great, ", " matches."), ("I have ", " on file, thank you."),
         ("just to confirm, ", "?"), ("", ", lovely.")]
    )  # fmt: skip
    return [lit(head), pii(c.value, "ID", "direct", R), lit(tail)]


def _fill(c: Caller, slot: str) -> list[Part]:
    rng = c.rng
    if slot == "name":
        return [pii(f"{c.first} {c.last}", "NAME", "direct", "names")]
    if slot == "first":
        return [pii(c.first, "NAME", "direct", "names")]
    if slot == "last":
        return [pii(c.last, "NAME", "direct", "names")]
    if slot == "agent":
        return [lit(c.agent)]
    if slot == "ask":
        return [lit(c.label.removeprefix("password on the account").strip() or "password")]
    if slot in ("reply", "reply_inline"):
        return _reply(c, inline=slot == "reply_inline")
    if slot == "readback":
        return _readback(c)
    if slot == "labelled":
        return _labelled(c)
    if slot == "labelled2":
        other = Caller.__new__(Caller)
        other.rng, other.her = rng, c.her
        other.label, other.what = rng.choice(_LABELS)
        other.value = _value(rng, other.what)
        return _labelled(other)
    if slot == "spelled":
        return _spelled_secret(c)
    if slot == "foreign":
        return _foreign(c)
    if slot == "plate":
        return [pii(rng.choice(_PLATES), "ID", "direct", V)]
    if slot in ("clean", "clean2"):
        return [lit(rng.choice(_CLEAN))]
    raise KeyError(slot)


def render(template: str, c: Caller) -> list[Part]:
    """A template's text as parts; a slot may fill with a label and its value."""
    return render_slots(template, lambda slot: _fill(c, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "verification_calls") -> list[dict[str, Any]]:
    """`n` call transcripts, alarm logs, enrolment logs, notes, e-mails or chats, by seed alone."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Caller(rng, fakers), render, most_items=1
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="verification_calls",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
