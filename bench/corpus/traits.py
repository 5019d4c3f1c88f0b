"""ED triage notes, ambulance and police handovers, social-work notes, care-home incident
reports, missing-person calls and insurer chats, planting Safe Harbor's "unique identifying
characteristic or code" (R) written in letters only, and photographs of a face (Q) with no digit.

A DEV voice, written on 2026-12-07 by the traits pass of issue 13 (helper `traits`) and
committed before its first measurement. It is for tuning: the held-out voices stay held out,
and this corpus's figures are dev figures, never evidence. Written from how such notes are
typed, not from any other corpus.

What it plants (R): a tattoo with its words or motif and its place ("tattoo reading 'MAGGIE' on
his left forearm", "spider-web tattoo on the right elbow"), a distinctive birthmark, lettered or
engraved jewellery ("bracelet engraved ROSIE"), a scar, prosthesis or tooth written up as a
distinguishing mark, a nickname or alias ("known as 'Tiny'", "goes by Spud"), and codes of
letters only (a code word, a security or safe word, a callsign, a password). (Q): a photo of the
person by its file name with no digit ("selfie.jpg", "headshot.png", "passport_photo.heic"), by
words ("the photo of her face she emailed", "a picture of his face is attached") or by a link.
Each planted span is the mark with its words and place, not the article before it. The text
around them, and the clean notes, carry marks and photos that identify nobody: surgical scars
("midline laparotomy scar"), "no rashes or tattoos", "tattoo removal consult", a wound's photo
("wound_photo.jpg", "photo of the wound attached", "CXR image"), a cannula in the left forearm,
and ordinary words in capitals ("URGENT", "NO KNOWN ALLERGIES").

First measurement (ours, `python -m bench.text_bench --split traits --n 300 --repeat 1 --engine
ours`, at 3b6b9f4): token recall 0.225, precision 0.982, clean flagged 1.5% ("DNACPR" read as a
name), fully scrubbed 7.8%, planted leaked 333/527 ("any other unique number" 285/303,
photographs 33/51, names 15/173), ID recall 0.068.

    python -m bench.corpus.traits --n 3
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

LOCALES = ("en_US", "en_GB", "en_GB", "en_AU", "en_IE", "en_NZ", "en_CA")
R = "any other unique number"
Q = "full-face photographs"

_PLACES = (
    "left forearm", "right forearm", "inner left wrist", "right wrist", "back of the neck",
    "left side of the neck", "right elbow", "left elbow", "knuckles", "left hand", "chest",
    "right calf", "left ankle", "lower back", "left shoulder", "right shoulder blade",
    "right cheek", "left temple", "upper right arm", "left thigh", "behind the right ear",
)  # fmt: skip
_MOTIFS = (
    "spider-web", "swallow", "dragon", "koi carp", "rose", "anchor", "skull", "barbed-wire",
    "teardrop", "snake", "butterfly", "Celtic cross", "dagger", "tiger", "compass", "phoenix",
    "star", "clover", "lion", "owl", "scorpion", "Union Jack", "Liverpool FC crest",
)  # fmt: skip
_WORDS = (
    "MAGGIE", "MUM", "Kayleigh", "LOVE", "HATE", "RIP DAD", "Jaxon", "Forever Young", "TRUST NO ONE",
    "Nan", "Bella", "Carpe Diem", "ROSIE", "Born Free", "Ellie-May", "DEV", "Only God Can Judge Me",
)  # fmt: skip
_NICKNAMES = (
    "Tiny", "Spud", "Smiler", "Ghost", "Princess", "Ginge", "Bones", "Moose", "Taz", "Sparky",
    "Dutch", "Lefty", "Peanut", "Skinny", "Biscuit", "Rocky", "Chalky", "Bubbles", "Tank",
)  # fmt: skip
_CODE_WORDS = (
    "BLUEBELL", "HEDGEHOG", "PINEAPPLE", "tangerine", "Marigold", "KESTREL", "lighthouse",
    "Rhubarb", "SNOWDROP", "puffin", "Zanzibar", "CLEMENTINE", "Thistle", "WATERLOO",
)  # fmt: skip
_SIDE = ("left", "right")


class Person:
    """Who a document is about, so its name, pronoun and marks agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.her, self.she = rng.choice((("her", "she"), ("his", "he"), ("their", "they")))


def _tattoo(c: Person) -> list[Part]:
    rng = c.rng
    place = rng.choice(_PLACES)
    where = f" on {rng.choice(['the', c.her])} {place}" if rng.random() < 0.8 else ""
    word, motif = rng.choice(_WORDS), rng.choice(_MOTIFS)
    mark = rng.choice(
        [
            f"tattoo reading '{word}'{where}",
            f'"{word}" tattooed{where}',
            f"tattoo of the name {word}{where}",
            f"{motif} tattoo{where}",
            f"tattoo of a {motif.lower()}{where}",
            f"{word} tattoo{where}",
            f"tattoo saying {word}{where}",
        ]
    )
    head = rng.choice(["a ", "", "has a ", "distinctive "])
    return [lit(head), pii(mark, "ID", "direct", R)]


def _birthmark(c: Person) -> list[Part]:
    rng = c.rng
    place = rng.choice(_PLACES)
    mark = rng.choice(
        [
            f"port-wine birthmark on {c.her} {place}",
            f"strawberry birthmark on the {place}",
            f"heart-shaped birthmark on the {place}",
            f"large brown birthmark over the {place}",
            f"birthmark shaped like a {rng.choice(['map', 'star', 'thumbprint', 'kidney bean'])} on the {place}",
        ]
    )
    return [lit(rng.choice(["a ", "distinctive ", "", "has a "])), pii(mark, "ID", "direct", R)]


def _jewellery(c: Person) -> list[Part]:
    rng = c.rng
    word = rng.choice((*_WORDS, "Forever Jack", "Nana", "TOMMY", "J & K"))
    item = rng.choice(["bracelet", "ring", "locket", "St Christopher pendant", "dog tag", "signet ring", "watch"])  # fmt: skip
    mark = rng.choice(
        [
            f"{item} engraved {word}",
            f"{item} engraved '{word}'",
            f"{item} with '{word}' on it",
            f'gold {item} inscribed "{word}"',
            f"{item} with the initials {rng.choice(['J.B.', 'MK', 'R.T.', 'AL'])}",
        ]
    )
    return [lit(rng.choice(["a ", "wearing a ", ""])), pii(mark, "ID", "direct", R)]


def _mark(c: Person) -> list[Part]:
    """A scar, prosthesis or tooth written up as a distinguishing mark, with its cue."""
    rng = c.rng
    side = rng.choice(_SIDE)
    mark = rng.choice(
        [
            f"scar through the {side} eyebrow",
            f"jagged scar across the {side} cheek",
            "gold front tooth",
            f"prosthetic {side} eye",
            f"missing tip of the {side} index finger",
            f"horseshoe-shaped scar on the {side} side of the chin",
            f"{side} below-knee prosthesis covered in football stickers",
            f"burn scar over the whole {side} hand",
            "cleft-lip scar",
        ]
    )
    cue = rng.choice(
        [
            "distinguishing marks: ", "distinguishing features: ", "identifying marks - ",
            "easily recognised by a ", "identifiable by a ", "notable features: ",
        ]
    )  # fmt: skip
    return [lit(cue), pii(mark, "ID", "direct", R)]


def _alias(c: Person) -> list[Part]:
    rng = c.rng
    nick = rng.choice(_NICKNAMES)
    cue = rng.choice(
        ["known as ", "goes by ", "AKA ", "a.k.a. ", "street name ", "calls herself ",
         "nickname ", "answers to ", "known locally as "]
    )  # fmt: skip
    quote = rng.choice(["'", '"', ""])
    return [lit(f"{cue}{quote}"), pii(nick, "NAME", "direct", R), lit(quote)]


def _code(c: Person) -> list[Part]:
    """A code of letters only: a code word, a safe or security word, a callsign, a password."""
    rng = c.rng
    word = rng.choice(_CODE_WORDS)
    cue = rng.choice(
        ["code word ", "family code word: ", "safe word ", "security word is ", "password is ",
         "agreed password ", "callsign ", "radio callsign ", "the password for the Lifeline account is ",
         "memorable word "]
    )  # fmt: skip
    return [lit(cue), pii(word, "ID", "direct", R)]


def _photo(c: Person) -> list[Part]:
    rng = c.rng
    first = c.first.lower()
    stem = rng.choice(
        ["selfie", "headshot", "profile_photo", "passport_photo", "ID_photo", "face", "portrait",
         "my_face", "photo_of_me", f"{first}_selfie", "mugshot", "passport-photo", "face_front"]
    )  # fmt: skip
    ext = rng.choice(["jpg", "png", "heic", "jpeg", "JPG"])
    form = rng.randrange(5)
    if form <= 1:
        return [pii(f"{stem}.{ext}", "ID", "direct", Q)]
    if form == 2:
        link = (
            f"https://photos.example.org/share/{rng.choice(['selfie', 'face', 'headshot'])}.{ext}"
        )
        return [pii(link, "CONTACT", "direct", Q)]
    article, words = rng.choice(
        [
            ("the ", f"photo of {c.her} face {c.she} emailed"), ("a ", f"picture of {c.her} face"),
            ("a ", f"recent photo of {c.her} face"), ("a ", f"photo showing {c.her} face"),
            ("the ", f"headshot {c.she} sent"), ("", f"{c.her} passport photo"),
            ("a ", f"selfie {c.she} took"), ("a ", f"close-up of {c.her} face"),
        ]
    )  # fmt: skip
    return [lit(article), pii(words, "ID", "direct", Q)]


_CLEAN = (
    "midline laparotomy scar, well healed", "old sternotomy scar", "no rashes or tattoos",
    "referred for tattoo removal consult", "photo of the wound attached", "wound_photo.jpg uploaded",
    "CXR image reviewed", "no distinguishing marks", "appendicectomy scar right iliac fossa",
    "C-section scar", "cannula in the left forearm", "abrasion to the right elbow",
    "ECG image on the system", "rash_photo.png attached", "wears glasses", "hearing aids both ears",
    "uses a walking frame", "URGENT - please review", "NO KNOWN ALLERGIES", "GCS 15",
    "clinical photography booked for the ulcer", "lesion.jpg sent to derm", "BKA stump healing well",
    "tattoos: none", "pressure-area photo taken", "scar from an old chest drain",
    "photo consent signed", "DNACPR in place", "skin intact, no marks", "x-ray image of the wrist",
    "bruising to the left shin", "password reset for the ward PC done",
)  # fmt: skip

TEMPLATES: dict[str, list[str]] = {
    "traits": [
        # ED triage notes
        "ED triage: {name}, brought in by friend. {clean}. Identifying: {tattoo}.",
        "Triage - unknown male, no ID on him. {mark}. {tattoo}. {clean}.",
        "ED note: pt {first} {alias}, {clean}, {clean2}.",
        "Triage: unconscious female, {jewellery}, {birthmark}. {clean}.",
        # ambulance / police handover
        "Handover from crew: {name}, found at the bus station, {clean}. {tattoo}.",
        "Police handover: detained person gives name as {first}, {alias}. {mark}.",
        "Crew handover: elderly female from the care home, {jewellery}. {clean}.",
        "Ambulance ePCR: pt refused name; {birthmark}; {clean}.",
        # social-work notes
        "SW note: visited {name}; {clean}. Agreed {code} with {her} daughter.",
        "Social work: {first} ({alias}) attended, {clean}. Photo for the file: {photo}.",
        "Safeguarding note: the child, {alias}; {birthmark}.",
        # care-home incident reports
        "Incident report: {name} left the building at 14:00. {jewellery}. {tattoo}. {clean}.",
        "Care home incident: resident found on the floor, {clean}, {clean2}. No injury.",
        "Incident: resident {first} missing from the lounge; {mark}; {photo} sent to police.",
        # missing-person calls
        "Missing person call: caller's son {name}, {alias}, {tattoo}; {photo} attached.",
        "Misper: {first}, {age}, {birthmark}, {jewellery}. Last seen near the canal.",
        "MISPER - {name}. Distinguishing marks: {tattoo}. Family have {photo}.",
        "Call log: mother reports {first} missing; {mark}. She emailed {photo}.",
        # insurer chats
        "[chat] {name}: hi, I need to update my details. Agent: for security, {code}.",
        "[chat] Agent: please upload a photo ID. {name}: done, it's {photo}.",
        "[chat] {first}: my {code}, is that right? Agent: thanks, verified.",
        "[chat] Agent: claim for the lost {jewellery}? {first}: yes.",
        # clean notes
        "ED triage: {clean}; {clean2}. Seen by the nurse practitioner.",
        "Crew handover: {clean}, {clean2}, obs stable.",
        "Care home incident: {clean}. {clean2}. Family informed.",
        "Skin check: {clean}; {clean2}.",
        "Derm referral: {clean}. {clean2}. PLEASE BOOK SOON.",
        "[chat] Agent: thanks for waiting, {clean2}.",
    ],
}


def _fill(c: Person, slot: str) -> list[Part]:
    rng = c.rng
    if slot == "name":
        return [pii(f"{c.first} {c.last}", "NAME", "direct", "names")]
    if slot == "first":
        return [pii(c.first, "NAME", "direct", "names")]
    if slot == "her":
        return [lit(c.her)]
    if slot == "age":
        # the missing person's exact age, gold since the ages pass (its text was always "34")
        return [pii("34", "AGE", "quasi")]
    if slot in ("clean", "clean2"):
        return [lit(rng.choice(_CLEAN))]
    makers = {"tattoo": _tattoo, "birthmark": _birthmark, "jewellery": _jewellery, "mark": _mark,
              "alias": _alias, "code": _code, "photo": _photo}  # fmt: skip
    return makers[slot](c)


def render(template: str, c: Person) -> list[Part]:
    """A template's text as parts; a slot may fill with a cue and its value."""
    return render_slots(template, lambda slot: _fill(c, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "traits") -> list[dict[str, Any]]:
    """`n` triage notes, handovers, social-work notes, incident reports, calls or chats."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Person(rng, fakers), render, most_items=1
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="traits", default_n=10
    )


if __name__ == "__main__":
    sys.exit(main())
