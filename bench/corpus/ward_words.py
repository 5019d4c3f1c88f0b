"""Patients named by English words, census boards and German/Dutch/French ward chat: a DEV voice.

Written on 2026-12-08 by the names pass of issue 13 (helper `names`) and committed before its
first measurement. It is for tuning the name and room recognizers (`bot.detect.recognizers`
names_*, rooms): the held-out voices stay held out, and this corpus's figures are dev figures,
never evidence. Written from how night nurses, charge nurses and bed boards write, not from any
other corpus.

The voices: a night nurse's running chat about patients called Gold, Rose, Will, Green, Seven,
Young or Hall, often by one name alone after a verb or a preposition ("saw Gold at 0200", "hold
Norman's heparin", "can you check on Rose", "Will in bed 4 is NPO"); census-board rows pasted
from the unit's whiteboard ("B12 Nguyen 78M CHF", "rm 4 - JONES - NPO p MN", "T3 10A | HALL |
92F | UTI"); tower-and-bed rooms ("T3 10A", "4 West 12B", "Tower 2 rm 1104", "5N-22"); and ward
chat in German, Dutch and French, whose capitalised nouns ("Fieber", "Blutdruck", "Verband") and
titles ("Frau Dr. Müller ist Oberärztin") name nobody but the person.

Gold: the patient's name NAME (direct), a colleague's surname NAME (staff), a room or bed ROOM
(quasi), an age AGE (quasi). Clean lines use the same words as words ("the gold standard", "temp
rose to 38.5", "will call", "green sputum", "young for a stroke", "down the hall", "seven days of
co-amox", "hold the heparin"), and the German lines' nouns as nouns, so precision is measured.

    python -m bench.corpus.ward_words --n 3
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

LOCALES = ("en_GB", "en_US", "en_AU", "de_DE", "nl_NL", "fr_FR")
# Surnames that are also English words, and first names that are too
_WORD_SURNAMES = (
    "Gold", "Rose", "Green", "Seven", "Young", "Hall", "Norman", "Bell", "White", "Black",
    "Brown", "Hope", "Price", "Page", "Bishop", "Mason", "Baker", "Little", "Long", "Stone",
    "Wood", "Moss", "Frost", "Snow", "Lane", "Fox", "Swan", "Lamb", "Sharp", "Strong", "Best",
    "Noble", "Power", "Hart", "Field", "Marsh", "Banks", "Cross", "Golden", "Silver", "Rich",
    "Sterling", "Love", "Wise", "Church", "King", "Knight", "Cook", "Short", "Bird",
)  # fmt: skip
_WORD_FIRSTS = (
    "Will", "Rose", "Grace", "Hope", "Faith", "Joy", "Dawn", "Iris", "Ivy", "Jack", "Mark",
    "Bill", "Sue", "Pat", "Drew", "Frank", "Gene", "Art", "Ray", "Max", "Sunny", "April", "May",
    "June", "Amber", "Ruby", "Pearl", "Holly", "Daisy", "Lily", "Olive", "Norman", "Carol",
    "Sandy", "Rocky", "Penny", "Summer", "Robin", "Chase", "Miles", "Violet", "Heather",
)  # fmt: skip
# The same words used as words in a ward's chat (no one is named)
_WORD_USES = (
    "the gold standard is still a CT angio", "temp rose to 38.5", "will call pharmacy back",
    "green sputum, sent for MC&S", "quite young for a stroke", "trolley is down the hall",
    "seven days of co-amox", "hold the heparin for the LP", "normal saline at 80 ml/hr",
    "frank haematuria on the bag", "dawn cortisol sent", "mark the site before theatre",
    "call bell within reach", "black stools, FOB sent", "brown urine, encourage fluids",
    "long lie, CK sent", "little urine output since midnight", "stone on the CT KUB",
    "sharp pain on inspiration", "strong radial pulse", "best interests meeting needed",
    "power of attorney is the daughter", "rich in potassium, stop the bananas",
    "wise to repeat the gas", "field block for the hip", "cross-match 2 units",
    "silver dressing to the sacrum", "golden hour for the sepsis six", "pink frothy sputum",
    "grace period for the rota swap", "faith leader visiting at 1900",
    "max dose of paracetamol reached", "amber on the NEWS chart", "olive oil drops for the ears",
    "gentian violet to the cord", "drew bloods at 0600", "art line is positional",
    "gene panel sent off", "jack the bed up for the cannula", "chase the bloods",
    "miles from home, no visitors", "page the reg if MAP under 65", "white cell count 18",
    "price of the new pumps came up", "hope the bed comes through", "snow delaying day staff",
    "frost on the car park, take care", "love the new rota", "little bit drowsy",
    "may need a catheter", "king-size pad needed", "short of breath on exertion",
    "bird flu swab negative", "cook the obs properly please", "banks of monitors in HDU",
    "church service on the radio", "noble effort by the night team", "lamb for tea apparently",
)  # fmt: skip
_VERBS = (
    "saw {who} at {clock}", "hold {who}'s heparin", "can you check on {who}", "checked on {who}",
    "spoke with {who} about the scan", "gave {who} the 2200 meds", "bloods from {who} at {clock}",
    "{who} is asking for you", "{who} refusing obs again", "{who} settled after oramorph",
    "pls check {who}'s BMs", "{who} pulled the cannula out", "found {who} on the floor, no injury",
    "sat {who} out for breakfast", "repositioned {who} at {clock}", "{who} NBM from midnight",
    "escorted {who} to CT", "{who}'s daughter rang", "turned {who} at {clock}",
    "{who} for a repeat ECG", "offered {who} a sandwich", "rang {who}'s son",
)  # fmt: skip
_BEDSIDE = (
    "{who} in {room} is NPO", "{who} in {room} needs a bolus", "{who} ({room}) desatting to 88%",
    "{who} in {room} for discharge", "{room} - {who} - spiked 38.6", "{who}, {room}, pain 7/10",
)  # fmt: skip
_CLOCKS = ("0200", "0330", "2315", "0500", "1am", "4", "0615", "midnight")
_COMPLAINTS = (
    "CHF", "COPD", "UTI", "#NOF", "sepsis", "CAP", "DKA", "AKI", "PE", "GIB", "cellulitis",
    "delirium", "SBO", "pancreatitis", "NSTEMI", "CVA",
)  # fmt: skip
_NOTES = (
    "NPO p MN", "DNR", "falls risk", "1:1 sitter", "tele", "NIV at night", "for d/c", "isol",
    "MRSA", "K 3.1 - replace", "q2h turns", "POD2", "awaiting bed", "strict I/O",
)  # fmt: skip
_WINGS = ("West", "East", "North", "South", "W", "E", "N", "S")


def _room(rng: random.Random) -> str:
    """A room in a tower-and-bed or wing-and-bed shape, and the shorter board forms."""
    n, letter = rng.randint(1, 30), rng.choice("ABCD")
    floor, tower = rng.randint(2, 9), rng.randint(1, 4)
    wing = rng.choice(_WINGS)
    forms = (
        f"T{tower} {n}{letter}", f"{floor} {wing} {n}{letter}", f"Tower {tower} rm {floor}{n:02d}",
        f"{floor}{wing[0]}-{n}", f"T{tower}-{n:02d}{letter}", f"{floor} {wing} bed {n}",
        f"bed {n}", f"rm {n}", f"B{n}", f"bay {rng.randint(1, 6)}", f"Tower {tower} bed {n}",
        f"{floor}{wing[0]} {n}{letter}", f"room {floor}{n:02d}",
    )  # fmt: skip
    return rng.choice(forms)


# A census-board row: room, name, age and sex, complaint, note; the separators boards use
_BOARDS = (
    "{room} {surname} {age} {complaint}",
    "{room} - {SURNAME} - {note}",
    "{room} | {SURNAME}, {initial} | {age} | {complaint} | {note}",
    "{room}  {SURNAME} {initial}  {age}  {complaint}  {note}",
    "{room}: {surname} {age} {complaint}, {note}",
    "{room} {SURNAME} {complaint} - {note}",
)  # fmt: skip
_BOARD_CLEAN = (
    "3 empty - cleaning", "2 closed (norovirus)", "no side rooms free", "1 bed free on tele",
    "4 for discharge, 2 awaiting TTOs", "all 28 beds full",
)  # fmt: skip

# German, Dutch and French ward chat: {name} a patient, {staff} a doctor; the capitalised nouns
# of German (and the first word of a Dutch line) are nouns
_FOREIGN = {
    "de_DE": (
        "Frau {name} hat seit heute Nacht Fieber, Blutkultur abgenommen.",
        "Herr {name} klagt über Schmerzen im Bauch, Visite informiert.",
        "Frau Dr. {staff} ist Oberärztin heute, bitte {name} vorstellen.",
        "Bei Herrn {name} Verband gewechselt, Wunde reizlos.",
        "{name} auf {room}: Blutdruck stabil, Ausscheidung gut.",
        "Rückruf von Dr. {staff} wegen Frau {name}, Kalium kontrollieren.",
    ),
    "nl_NL": (
        "Mevrouw {name} heeft koorts, Bloedkweek afgenomen.",
        "Dhr. {name} op {room}, Bloeddruk stabiel, pijn onder controle.",
        "Dr. {staff} komt straks langs voor mevrouw {name}.",
        "Meneer {name} weigert de medicatie, familie gebeld.",
    ),
    "fr_FR": (
        "Mme {name} en {room}, douleur contrôlée sous paracétamol.",
        "M. {name} fébrile cette nuit, hémocultures faites.",
        "Le Dr {staff} passe voir Mme {name} à 14h.",
        "Patient {name} refuse le bilan, la famille est prévenue.",
    ),
}  # fmt: skip
_ROOM_WORDS = {"de_DE": "Zimmer", "nl_NL": "kamer", "fr_FR": "chambre"}
_FOREIGN_CLEAN = {
    "de_DE": (
        "Blutdruck stabil, Schmerzen rückläufig, Verband trocken.",
        "Visite heute später, Oberärztin im OP.", "Fieber gesunken, Antibiose weiter.",
        "Bitte Kalium und Natrium kontrollieren, Labor ist informiert.",
        "Station voll, Aufnahmen über die Notaufnahme.", "Übergabe um sieben im Dienstzimmer.",
        "Mobilisation mit Physiotherapie, Rollator am Bett.",
    ),
    "nl_NL": (
        "Bloeddruk stabiel, geen koorts.", "Overdracht om zeven uur op de afdeling.",
        "Afdeling vol, opnames via de SEH.", "Pijn onder controle, Mobilisatie met fysio.",
    ),
    "fr_FR": (
        "Douleur contrôlée, pas de fièvre.", "Transmissions à 7h en salle de soins.",
        "Service complet, entrées par les urgences.", "Bilan sanguin fait, résultats à suivre.",
    ),
}  # fmt: skip

TEMPLATES: dict[str, list[str]] = {
    "ward_words": [
        # a night nurse's chat: one word-name after a verb or preposition
        "{verb}",
        "{verb}",
        "{verb}. {use}.",
        "{use}; {verb}",
        "{bedside}",
        "{bedside}. {use}.",
        "fyi {verb}, {use}",
        "{first} {surname} to CT at {clock}, {use}.",
        "handover: {surname} in {room} - {use}. {verb}.",
        "Dr {staff} happy with {surname}, {use}.",
        "@{staff} {verb}?",
        # census-board rows
        "{board}",
        "{board}\n{board2}",
        "Census 0600\n{board}\n{board2}\n{board_clean}",
        "board update: {board}",
        # tower and bed rooms with no name (one quasi identifier)
        "can someone look at {room}, {use}",
        "{room} call bell going",
        # German, Dutch and French ward chat
        "{foreign}",
        "{foreign}",
        "{foreign} {foreign_clean}",
        # clean
        "{use}. {use2}.",
        "{use}, {use2}",
        "reminder: {use}",
        "{foreign_clean}",
        "{foreign_clean} {foreign_clean}",
        "Census 0600\n{board_clean}\n{board_clean}",
    ],
}


class Patient:
    """Who a message is about: a word-name, a board name, a colleague, a ward in another tongue."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        english = fakers[rng.choice(("en_GB", "en_US", "en_AU"))]
        english.seed_instance(rng.getrandbits(32))
        self.surname = rng.choice(_WORD_SURNAMES)
        self.first = rng.choice(_WORD_FIRSTS)
        # board rows use the word-names half the time, Faker's surnames otherwise
        self.board_surname = rng.choice((self.surname, english.last_name()))
        self.other = english.last_name()
        self.staff = english.last_name()
        self.locale = rng.choice(("de_DE", "nl_NL", "fr_FR"))
        foreign = fakers[self.locale]
        foreign.seed_instance(rng.getrandbits(32))
        self.foreign_name = foreign.last_name()
        self.foreign_staff = foreign.last_name()


def _name(text: str) -> Part:
    return pii(text, "NAME", "direct", "names")


def _who(p: Patient) -> Part:
    """One word-name alone: a surname, a first name, or both."""
    pick = p.rng.randrange(5)
    if pick < 2:
        return _name(p.surname)
    if pick < 4:
        return _name(p.first)
    return _name(f"{p.first} {p.surname}")


def _framed(p: Patient, frames: Sequence[str]) -> list[Part]:
    rng = p.rng
    who = _who(p)

    def fill(slot: str) -> list[Part]:
        if slot == "who":
            return [who]
        if slot == "room":
            return [pii(_room(rng), "ROOM", "quasi")]
        return [lit(rng.choice(_CLOCKS))]

    return render_slots(rng.choice(frames), fill)


def _board(p: Patient, surname: str) -> list[Part]:
    rng = p.rng
    age = f"{rng.randint(19, 89)}{rng.choice('MF')}"

    def fill(slot: str) -> list[Part]:
        if slot == "room":
            return [pii(_room(rng), "ROOM", "quasi")]
        if slot == "surname":
            return [_name(surname)]
        if slot == "SURNAME":
            return [_name(surname.upper())]
        if slot == "initial":
            return [_name(rng.choice("ABCDEGHJKLNPRSTW"))]
        if slot == "age":
            return [pii(age, "AGE", "quasi")]
        if slot == "complaint":
            return [lit(rng.choice(_COMPLAINTS))]
        return [lit(rng.choice(_NOTES))]

    return render_slots(rng.choice(_BOARDS), fill)


def _foreign(p: Patient) -> list[Part]:
    rng = p.rng

    def fill(slot: str) -> list[Part]:
        if slot == "name":
            return [_name(p.foreign_name)]
        if slot == "staff":
            return [pii(p.foreign_staff, "NAME", "staff")]
        word = _ROOM_WORDS[p.locale]
        return [pii(f"{word} {rng.randint(1, 30)}", "ROOM", "quasi")]

    return render_slots(rng.choice(_FOREIGN[p.locale]), fill)


def _fill(p: Patient, slot: str) -> list[Part]:
    rng = p.rng
    if slot == "verb":
        return _framed(p, _VERBS)
    if slot == "bedside":
        return _framed(p, _BEDSIDE)
    if slot in ("use", "use2"):
        return [lit(rng.choice(_WORD_USES))]
    if slot == "first":
        return [_name(p.first)]
    if slot == "surname":
        return [_name(p.surname)]
    if slot == "staff":
        return [pii(p.staff, "NAME", "staff")]
    if slot == "room":
        return [pii(_room(rng), "ROOM", "quasi")]
    if slot == "board":
        return _board(p, p.board_surname)
    if slot == "board2":
        return _board(p, p.other)
    if slot == "board_clean":
        return [lit(rng.choice(_BOARD_CLEAN))]
    if slot == "foreign":
        return _foreign(p)
    if slot == "foreign_clean":
        return [lit(rng.choice(_FOREIGN_CLEAN[p.locale]))]
    return [lit(rng.choice(_CLOCKS))]


def render(template: str, p: Patient) -> list[Part]:
    """A template's text as parts; a slot may fill with a framed line or a board row."""
    return render_slots(template, lambda slot: _fill(p, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "ward_words") -> list[dict[str, Any]]:
    """`n` night-nurse chat lines, census-board pastes and German/Dutch/French ward messages."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Patient(rng, fakers), render, most_items=1
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="ward_words",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
