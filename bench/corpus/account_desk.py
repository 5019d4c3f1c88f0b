"""Account desks on the phone and in chat: a hospital billing desk, a pharmacy refill line, a
patient-portal help desk and a patient-transport booking line, planting the reference codes,
claim and booking codes, PINs and customer numbers callers read out (Safe Harbor item 18, "any
other unique identifying number, characteristic, or code", R) and full-face photo files (item
17, Q).

A DEV voice, written on 2026-12-07 by the reference-codes pass of issue 13 (helper `refcodes`)
and committed before its first measurement. It is for tuning: the held-out voices stay held
out, and this corpus's figures are dev figures, never evidence. Written from how a desk agent
types while the caller talks (speaker tags, after-call wrap-up notes, IVR logs, chat widgets),
not from any other corpus.

What it plants (R), as a caller says it and an agent types it: letters read one by one with
dashes or blanks ("K-X-R-T-Q", "k x r t q"), in the phonetic alphabet ("kilo x-ray romeo
tango"), letter by letter with a word for each ("Q for queen, Z for zebra"), in capitals after
a case, claim, booking or reference word ("case ref QZXWLM", "claim ABCDEF"), phonetic words
in capitals with dashes ("BRAVO-TANGO-SEVEN-FOUR"), digits in words ("seven seven two one
three", "double four seven one two"), phonetic letters and digits ("alpha 7 7 2 9", "alpha
seven seven two one"), a PIN read out ("the PIN is four four seven one"), a number after a
comma ("customer ID, 7721-334-91"), and a reference the agent gives ("your reference is
..."); the label is inline, a turn before, or absent. (Q): the file of a full-face photo, named
after its label ("profile picture (mark.jpeg)", "selfie attached IMG_2231.HEIC", "photo ID scan
front.jpg", "headshot: priya.png"). Each planted span is the value alone (a spelled value:
the whole spelled run).

What is clean, beside them: ordinary capitalised words and acronyms (NHS, ICU, MRI, GP, A&E,
ETA, PDF), "A-OK", "T-shirt", "alpha blockers", "double check", "one or two", "seven days",
"Tango class" (a ward's bus), "PIN number reset instructions", "X-ray", "echo booked", menu
options ("press two for billing"), doses and counts in words. A photo of a rash, a wound or a
prescription is no identifier: Safe Harbor item 17 is "full-face photographs and any
comparable images", and a rash shows no one's face, so "see photo of the rash" and "rash.jpg"
are clean here (a photo file with a number in its name is planted only when it is the
person's face).

The agents are colleagues: gold NAME spans with role `staff`, which the bench hands ours as the
workspace's directory. After the first measurement (at 590fbbd) the agents' names became those
staff spans (they were plain text, and ours found them as names) and the clean phrases lost the
weekdays and relative days they wrote as plain text ("ready Thursday", "this morning"), which
the project scores as dates; no planted value changed.

First measurement: see the module's commit and docs/detection.md (reference-codes pass).

    python -m bench.corpus.account_desk --n 3
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import (
    Part,
    digits,
    documents,
    generator_main,
    letters,
    lit,
    pii,
    render_slots,
)
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_GB", "en_GB", "en_US", "en_IE", "en_AU", "en_CA", "en_NZ", "en_IN")
R = "any other unique number"
Q = "full-face photographs"

_NATO = {
    "A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
    "G": "golf", "H": "hotel", "I": "india", "J": "juliett", "K": "kilo", "L": "lima",
    "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
    "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
    "Y": "yankee", "Z": "zulu",
}  # fmt: skip
# The words callers pick for a letter when they do not know the alphabet
_HOMELY = {
    "A": "apple", "B": "Bob", "C": "cat", "D": "dog", "F": "Freddie", "G": "George",
    "H": "Harry", "K": "king", "L": "London", "M": "mother", "N": "Nancy", "P": "Peter",
    "Q": "queen", "R": "Robert", "S": "sugar", "T": "Tommy", "V": "Victoria", "W": "William",
    "X": "x-ray", "Z": "zebra",
}  # fmt: skip
_WORD_DIGIT = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_CAPS = "ABCDEFGHJKLMNPQRSTUVWXZ"


def _code_letters(rng: random.Random, n: int) -> str:
    """Letters no word spells: a consonant-heavy run, as booking systems print."""
    return "".join(rng.choice(_CAPS) for _ in range(n))


def _spoken(rng: random.Random, ds: str) -> str:
    """Digits as a caller reads them: words, "oh" for zero, "double" for a pair."""
    out: list[str] = []
    i = 0
    while i < len(ds):
        d = int(ds[i])
        word = "oh" if d == 0 and rng.random() < 0.6 else _WORD_DIGIT[d]
        if i + 1 < len(ds) and ds[i + 1] == ds[i] and rng.random() < 0.6:
            out.append(f"double {word}")
            i += 2
            continue
        out.append(word)
        i += 1
    sep = rng.choice((" ", " ", ", ", "-"))
    return sep.join(out)


def _read_out(rng: random.Random) -> str:
    """A reference in one of the forms a caller reads it out in, letters first or digits."""
    form = rng.randrange(11)
    if form == 0:  # "K-X-R-T-Q"
        return "-".join(_code_letters(rng, rng.randint(5, 7)))
    if form == 1:  # "k x r t q", "K X R T Q"
        case = str.lower if rng.random() < 0.4 else str.upper
        return " ".join(case(c) for c in _code_letters(rng, rng.randint(5, 7)))
    if form == 2:  # "kilo x-ray romeo tango quebec"
        return " ".join(_NATO[c] for c in _code_letters(rng, rng.randint(4, 6)))
    if form == 3:  # "Q for queen, Z for zebra, K for king"
        code = [c for c in _code_letters(rng, 8) if c in _HOMELY][: rng.randint(3, 5)]
        while len(code) < 3:
            code.append("Q")
        join = rng.choice((", ", " ", " - "))
        return join.join(f"{c} for {_HOMELY[c]}" for c in code)
    if form == 4:  # "BRAVO-TANGO-SEVEN-FOUR"
        head = [_NATO[c].upper() for c in _code_letters(rng, 2)]
        tail = [_WORD_DIGIT[int(d)].upper() for d in digits(rng, rng.randint(2, 3))]
        return "-".join(head + tail)
    if form == 5:  # "seven seven two one three"
        return _spoken(rng, digits(rng, rng.randint(5, 8)))
    if form == 6:  # "alpha 7 7 2 9"
        return f"{_NATO[_code_letters(rng, 1)]} {' '.join(digits(rng, rng.randint(4, 5)))}"
    if form == 7:  # "alpha seven seven two one"
        return f"{_NATO[_code_letters(rng, 1)]} {_spoken(rng, digits(rng, rng.randint(4, 5)))}"
    if form == 8:  # "K as in kilo, four four seven one"
        c = _code_letters(rng, 1)
        return f"{c} as in {_NATO[c]}, {_spoken(rng, digits(rng, 4))}"
    if form == 9:  # "H-X-4-4-7-1-9"
        return "-".join(_code_letters(rng, 2) + digits(rng, 5))
    return f"{letters(rng, 3)} {_spoken(rng, digits(rng, 4))}"  # "QRT four four seven one"


def _typed(rng: random.Random) -> str:
    """A reference as the agent types it from the screen."""
    form = rng.randrange(5)
    if form == 0:
        return _code_letters(rng, rng.randint(6, 8))  # "QZXWLM"
    if form == 1:
        return f"{digits(rng, 4)}-{digits(rng, 3)}-{digits(rng, 2)}"  # "7721-334-91"
    if form == 2:
        return f"{_code_letters(rng, 3)}-{_code_letters(rng, 3)}"  # "QZX-WLM"
    if form == 3:
        return f"{_code_letters(rng, 2)}{digits(rng, 1)}{_code_letters(rng, 3)}"  # "KX7RTQ"
    return digits(rng, rng.randint(7, 9))


class Caller:
    """One caller, one desk and one agent, so a call's names and codes agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.agent = self.fake.first_name()
        self.code = _read_out(rng)
        self.typed = _typed(rng)


_ASKS = (
    "booking reference", "case reference", "claim number", "account number", "customer number",
    "reference", "confirmation code", "refill reference", "portal PIN", "booking code",
    "invoice reference", "member code", "patient account number", "transport booking ref",
)  # fmt: skip
_INLINE = (
    "case ref ", "claim ", "booking code ", "reference ", "your reference is ",
    "the reference is ", "booking ref: ", "confirmation code ", "invoice ref ", "case number ",
    "account ref ", "ticket ",
)  # fmt: skip
_COMMA = ("customer ID, ", "account number, ", "patient number, ", "member ID, ", "claim, ")
_PHOTO_LEAD = (
    "profile picture ({v})", "selfie attached {v}", "photo ID scan {v}", "headshot: {v}",
    "passport photo uploaded as {v}", "the picture for the portal profile, {v},",
    "profile photo {v}", "ID photo {v}", "selfie for the ID check: {v}",
)  # fmt: skip
_PHOTO_STEMS = ("front", "mark", "me", "face", "selfie", "IMG_{d}", "profile", "scan_front",
                "photo_{d}", "{first}", "{first}_{last}", "DSC{d}", "PXL_2026{d}")  # fmt: skip
_PHOTO_EXT = ("jpg", "jpeg", "JPG", "HEIC", "png", "heic")

_CLEAN = (
    "the NHS App shows the appointment", "she was in ICU for a week", "MRI letter went out",
    "everything's A-OK on our side", "he wants the T-shirt size for the fun run",
    "she's on alpha blockers from the GP", "let me double check that for you",
    "one or two tablets as needed", "the prescription lasts seven days",
    "Tango class vehicle booked, wheelchair accessible", "PIN number reset instructions sent by post",
    "see photo of the rash on the portal", "X-ray appointment moved to the afternoon",
    "echo booked in the cardiology unit", "press two for billing, three for pharmacy",
    "ETA about twenty minutes", "the PDF statement is in the documents tab",
    "A&E told her to ring the GP", "double dose by mistake, advised to call 111",
    "reference number is on the top right of the letter", "the code is on the back of the card",
    "the portal was down for an hour", "collection from the main entrance, Block B",
    "bill paid in full, no balance", "statement reprinted", "driver waits ten minutes at most",
    "caller on hold for three minutes", "ICU visiting hours explained",
    "B12 injection due at the next visit", "Vitamin D added to the repeat list",
    "a photo of the wound was uploaded for the nurse", "rash.jpg attached for the dermatology team",
    "prescription photo is blurry, asked for a new one", "OK, K, thanks",
    "the Delta ward lift is out of order", "Echo and ECG booked back to back",
    "two-factor code not received, resent", "one sec, the system's slow",
)  # fmt: skip

TEMPLATES: dict[str, list[str]] = {
    "account_desk": [
        # hospital billing desk
        "Billing desk, line 3. Agent {agent}: Can I take the {ask}?\nCaller ({name}): {code}\n"
        "Agent {agent}: thanks, I've found the statement. {clean}.",
        "Billing desk wrap-up: {name} rang about an invoice, {inline}. {clean}. Payment plan set up.",
        "Billing desk wrap-up: caller queried a charge; {clean}. {clean2}.",
        "Agent {agent}: and your {ask}, Mr {last}?\nCaller: it's {code}.\nAgent {agent}: lovely. "
        "{clean}.",
        "Billing desk: {comma}. Balance explained to {first}; {clean}.",
        # pharmacy refill line
        "Refill line IVR: caller keyed option 2. Agent {agent} took over.\nAGENT: what's the "
        "{ask} on the label?\nCALLER: um, {code}\nAGENT: got it, ready at the counter.",
        "Refill line note: {name} - repeat ready, {inline}; {clean}.",
        "Refill line note: {clean}; {clean2}. No action.",
        "Refill line: {first} read the number off the bag, {code}. Refill approved by pharmacist.",
        "Refill line: pt {name} says {code} is the number on the bottle. {clean}.",
        # patient-portal help desk
        "[Portal chat 14:02] Helpdesk {agent}: for security, can you give me your {ask}?\n"
        "[Portal chat 14:03] {first}: {code}\n[Portal chat 14:03] Helpdesk {agent}: thank you!",
        "[Portal chat 09:40] {first}: my profile won't save, I uploaded a {photo} "
        "and it just spins.\n[Portal chat 09:41] Helpdesk: {clean}.",
        "Portal ticket: {name} locked out. {comma}; {clean}. Reset done.",
        "Portal ticket: {clean}. {clean2}.",
        "Portal ticket for {name}: {photo} rejected as too dark; asked for a new one. {clean}.",
        "Portal help desk call: {name}, the PIN is {pin}. {clean}.",
        "Portal help desk: {clean}. Told caller {inline}.",
        # patient-transport booking line
        "Transport line: booking for {name}, pick-up 08:15 from home. Agent: your reference is "
        "{code}. {clean}.",
        "Transport line: {clean}; {clean2}.",
        "Transport line - caller {first} cancelling, {ask}: {code}. Cancelled, no fee.",
        "Transport line: driver note for {name}, {inline}, {clean}.",
        "Transport line call log\n- caller: {name}\n- ref read out: {code}\n- outcome: {clean}",
        # wrap-up notes with two codes
        "ACW: {name}; {inline}; {comma}. {clean}.",
        "ACW: {clean}. {clean2}. Closed.",
        # photos
        "ID check for {name}: {photo} matched to the photo on the account. {clean}.",
        "Portal: {first} sent {photo}. {clean}.",
        "Portal: {clean}; {clean2}.",
    ],
}


def _inline(c: Caller) -> list[Part]:
    label = c.rng.choice(_INLINE)
    value = c.typed
    if label.startswith("claim") or label.startswith("ticket"):
        value = _code_letters(c.rng, 6) if c.rng.random() < 0.6 else value  # "claim ABCDEF"
    return [lit(label), pii(value, "ID", "direct", R)]


def _comma(c: Caller) -> list[Part]:
    value = f"{digits(c.rng, 4)}-{digits(c.rng, 3)}-{digits(c.rng, 2)}"
    if c.rng.random() < 0.4:
        value = f"{_code_letters(c.rng, 2)}{digits(c.rng, 6)}"
    return [lit(c.rng.choice(_COMMA)), pii(value, "ID", "direct", R)]


def _photo(c: Caller) -> list[Part]:
    rng = c.rng
    stem = rng.choice(_PHOTO_STEMS).format(
        d=digits(rng, 4), first=c.first.lower(), last=c.last.lower()
    )
    value = f"{stem}.{rng.choice(_PHOTO_EXT)}"
    lead, tail = rng.choice(_PHOTO_LEAD).split("{v}")
    return [lit(lead), pii(value, "ID", "direct", Q), lit(tail)]


def _pin(c: Caller) -> list[Part]:
    ds = digits(c.rng, 4)
    value = _spoken(c.rng, ds) if c.rng.random() < 0.7 else ds
    return [pii(value, "ID", "direct", R)]


def _fill(c: Caller, slot: str) -> list[Part]:
    rng = c.rng
    if slot == "name":
        return [pii(f"{c.first} {c.last}", "NAME", "direct", "names")]
    if slot == "first":
        return [pii(c.first, "NAME", "direct", "names")]
    if slot == "last":
        return [pii(c.last, "NAME", "direct", "names")]
    if slot == "agent":
        return [pii(c.agent, "NAME", "staff")]  # a colleague: the staff directory knows her
    if slot == "ask":
        return [lit(rng.choice(_ASKS))]
    if slot == "code":
        return [pii(c.code, "ID", "direct", R)]
    if slot == "inline":
        return _inline(c)
    if slot == "comma":
        return _comma(c)
    if slot == "photo":
        return _photo(c)
    if slot == "pin":
        return _pin(c)
    if slot in ("clean", "clean2"):
        return [lit(rng.choice(_CLEAN))]
    raise KeyError(slot)


def render(template: str, c: Caller) -> list[Part]:
    """A template's text as parts; a slot may fill with a label and its value."""
    return render_slots(template, lambda slot: _fill(c, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "account_desk") -> list[dict[str, Any]]:
    """`n` desk transcripts, wrap-up notes, IVR logs, portal chats or tickets, by seed alone."""
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
        default_split="account_desk",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
