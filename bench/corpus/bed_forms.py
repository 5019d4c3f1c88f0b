"""Rooms, beds, bays, cots and seats in the shapes other people write them: a DEV voice.

Written on 2026-12-07 by the rooms pass of issue 13 (helper `rooms`) and committed before its
first measurement. It is for tuning the room recognizers (`bot.detect.recognizers.rooms`): the
held-out voices stay held out, and this corpus's figures are dev figures, never evidence.
Written from how referrers, bed managers, neonatal nurses and ED boards write a patient's place,
not from any other corpus.

The voices: referral e-mails ("Dear Dr X, I would be grateful if you could see ... in Bay 3 bed
2"), transfer requests (a form's lines), bed-management e-mails (a site report), NICU nursing
notes (cots, incubators, isolettes, warmers), ED tracking-board exports (pipe-separated rows:
area, cubicle, name, complaint) and notes in Spanish, German, French, Italian, Portuguese,
Dutch, Polish, Swedish, Danish, Chinese and Japanese. Every room or bed is gold `ROOM`
(quasi): "Bed-12", "bed twelve", "incubator 3", "SR 4" and "SR4" (a side room), "Majors 4" (an
ED area), "Station 4B", "cubicle 5", "Bay 3 bed 2" (one span), "resus 2", "chair 6", "pod C bed
3", "cot 2", "isolette 4", "Rm. 7", "rm7", "room #12", "in 12" after a ward ("Ward 9 in 12"),
"bedspace 4", "warmer 2", "cama 4", "Zimmer 12", "Zi. 12", "chambre 12", "au lit 4",
"habitación 3", "hab. 3", "letto 5", "in camera 6", "quarto 5", "leito 2", "kamer 5", "sala 3",
"pokój 12", "łóżko 3", "säng 4", "seng 6", "3床", "12号床", "5号室".

Near misses, written in the planted messages and in clean ones, that are no room: "bed rest",
"2 beds available", "ward round", "Room for improvement", "14 Station Road" (in a patient's
address it is gold LOCATION, an address, not a room), "chair yoga", "Chair: Dr X" (a meeting's
chair), "resus trolley", "the side room is free" (no number), "level 4" and "a level 2 bed" (a
floor or a level of care: a floor holds too many patients to be a room; decided here, and in
docs/detection.md), a drug's formulation ("tramadol SR 50 mg", "hydromorphone SR 4 mg",
"nifedipine SR 20mg"), "in SR" (sinus rhythm, "back in SR, rate 72"), "ST4" and "FY2" (a
doctor's grade), "bay leaf", "4 cots free", "Majors is at capacity", "major haemorrhage",
"Zimmer frame", "Ward 9 in 20 minutes", "room air", "4 Betten frei", "reposo en cama".

    python -m bench.corpus.bed_forms --n 3
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

ENGLISH = ("en_GB", "en_GB", "en_US", "en_AU", "en_IE", "en_NZ", "en_CA")
OTHERS = ("es_ES", "de_DE", "fr_FR", "it_IT", "pt_BR", "nl_NL", "pl_PL", "sv_SE", "da_DK")
LOCALES = (*ENGLISH, *OTHERS, "zh_CN", "ja_JP")
_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fourteen", "fifteen", "sixteen", "twenty",
)  # fmt: skip
_WARDS = ("Ward 9", "Ward 7", "ward 23", "Ward 4B", "7B", "Ward 12", "AMU", "Ward C3")


def _n(rng: random.Random, top: int = 30) -> str:
    return str(rng.randint(1, top))


def _room_form(rng: random.Random, form: int) -> str:
    """One English room or bed, by form number (every form of the issue, and a few more)."""
    n = _n(rng)
    small = _n(rng, 8)
    letter = rng.choice("ABCDE")
    word = rng.choice(_WORDS)
    forms = (
        f"Bed-{n}", f"bed-{n}", f"bed {word}", f"Bed {word.capitalize()}", f"incubator {small}",
        f"Incubator {small}", f"SR {small}", f"SR{small}", f"side room {small}",
        f"Majors {n}", f"majors {n}", f"Minors {small}", f"Station {rng.randint(2, 9)}{letter}",
        f"cubicle {n}", f"Cubicle {n}", f"Bay {small} bed {small}", f"bay {small}, bed {small}",
        f"resus {small}", f"Resus {small}", f"chair {n}", f"Chair {n}", f"pod {letter} bed {small}",
        f"Pod {letter}, bed {small}", f"cot {small}", f"Cot {small}", f"isolette {small}",
        f"Rm. {n}", f"rm{n}", f"RM{n}", f"room #{n}", f"Room #{n}", f"Rm #{n}",
        f"Room No. {n}", f"bedspace {small}", f"Bedspace {small}", f"bed space {small}",
        f"warmer {small}", f"cot {word}", f"incubator {word}", f"Room {n}{letter}",
        f"trolley {small}", f"HDU {small}", f"recliner {n}",
    )  # fmt: skip
    return forms[form % len(forms)]


def _room(rng: random.Random) -> Part:
    return pii(_room_form(rng, rng.randrange(1000)), "ROOM", "quasi")


# Where a patient lies in another language: the note's locale and the room, each with the
# preposition it takes ("en cama 4", "au lit 4", "in camera 6"); the preposition is no room
_FOREIGN_ROOMS = {
    "es_ES": ("en |cama {n}", "en la |habitación {n}", "en |hab. {n}", "en |Cama {n}",
              "en |box {s}", "en la |habitación {n}, cama {s}"),
    "de_DE": ("auf |Zimmer {n}", "auf |Zi. {n}", "in |Bett {s}", "auf |Zimmer {n}, Bett {s}",
              "auf |Zimmer Nr. {n}"),
    "fr_FR": ("en |chambre {n}", "au |lit {s}", "en |chambre n° {n}", "en |chambre {n}, lit {s}"),
    "it_IT": ("al |letto {n}", "in |stanza {n}", "in |camera {n}", "al |letto n. {n}"),
    "pt_BR": ("no |quarto {n}", "no |leito {s}", "no |quarto {n}, leito {s}"),
    "nl_NL": ("op |kamer {n}", "in |bed {s}", "op |kamer {n}, bed {s}"),
    "pl_PL": ("|sala {n}", "|pokój {n}", "|łóżko {s}", "|sala nr {n}"),
    "sv_SE": ("i |säng {s}", "på |sal {n}", "i |rum {n}"),
    "da_DK": ("i |seng {s}", "på |stue {n}"),
    "zh_CN": ("|{s}床", "|{n}号床", "|{n}号病房"),
    "ja_JP": ("|{n}号室", "|ベッド{s}"),
}  # fmt: skip
# Each language's notes, with the room, and the same language's bed words that are no room
_FOREIGN_NOTES = {
    "es_ES": ("Paciente {name} {room}, estable. Reposo en cama.",
              "{name} ingresa {room}; quedan 2 camas libres en la planta."),
    "de_DE": ("Patientin {name} liegt {room}, Bettruhe bis morgen.",
              "{name} liegt {room}, Mobilisation mit Rollator. 4 Betten frei."),
    "fr_FR": ("Mme {name}, installée {room}, repos au lit strict.",
              "Patient {name} installé {room}; 12 lits disponibles ce soir."),
    "it_IT": ("Paziente {name} {room}, riposo a letto.",
              "{name} ricoverata {room}, due letti liberi in reparto."),
    "pt_BR": ("Paciente {name} {room}, repouso no leito.",
              "{name} transferida {room}; 3 leitos vagos."),
    "nl_NL": ("Patiënt {name} ligt {room}, bedrust.",
              "{name} verplaatst, nu {room}, 2 bedden vrij."),
    "pl_PL": ("Pacjent {name}, {room}, leżenie w łóżku.",
              "{name} przeniesiona: {room}. Wolne 2 łóżka."),
    "sv_SE": ("Patient {name} ligger {room}, sängläge.", "{name} flyttad, nu {room}."),
    "da_DK": ("Patient {name} ligger {room}, sengeleje.", "{name} flyttet, nu {room}."),
    "zh_CN": ("患者{name}，{room}，卧床休息。", "{room}患者{name}今日出院。"),
    "ja_JP": ("{name}さん、{room}、安静。", "{room}の{name}さんは本日退院。"),
}  # fmt: skip

GEO = "geographic subdivisions"
_TOWNS = ("Wickford", "Hebden Bridge", "Market Harborough", "Leighton Buzzard", "Newton Abbot")
# Bed words in other languages that are no room (a count, bed rest, a walking frame)
_FOREIGN_NEAR = (
    "Quedan 3 camas libres.", "4 Betten frei, Bettruhe aufgehoben.", "12 lits disponibles.",
    "Riposo a letto.", "Repouso no leito.", "2 bedden vrij.", "Mobilisation mit Zimmer frame.",
    "Reposo en cama 48 horas.",
)  # fmt: skip
_COMPLAINTS = (
    "community-acquired pneumonia", "an NSTEMI", "a fractured neck of femur", "DKA", "cellulitis",
    "an exacerbation of COPD", "a GI bleed", "new-onset AF", "pyelonephritis", "a fall",
    "acute kidney injury", "delirium",
)  # fmt: skip
# No room, though each reads like one: the near misses of the issue and more
_NEAR = (
    "Strict bed rest for 48 hours", "We have 2 beds available on the ward",
    "Ward round is at nine", "Room for improvement in the handover sheet",
    "She tried chair yoga with the physios", "The resus trolley was checked",
    "The side room is free now", "Theatres are on level 4", "She will need a level 2 bed",
    "Continue tramadol SR 50 mg BD", "Hydromorphone SR 4 mg twice daily",
    "nifedipine SR 20mg OD restarted", "Back in SR, rate 72", "Reverted to SR on amiodarone",
    "Seen by the ST4 and the FY2", "Cook with a bay leaf, as the dietitian said",
    "4 cots free on SCBU", "Majors is at capacity", "Major haemorrhage protocol not needed",
    "Mobilising with a Zimmer frame", "Sats 96% on room air", "2 side rooms closed for norovirus",
    "Bed state: 3 beds, 2 side rooms", "Bay closed to admissions", "Room temperature feeds only",
    "Chair: Dr {staff}", "Nurses' station phone is down", "6 beds closed on Ward 12",
    "Incubator transport team on standby", "Return to Ward 9 in 20 minutes",
    "Will be back on AMU in 12 hours", "ICU 2 beds open", "Majors and minors both full",
)  # fmt: skip

TEMPLATES: dict[str, list[str]] = {
    "bed_forms": [
        # referral e-mails
        "Dear Dr {staff},\n\nI would be grateful if you could see {name}, currently in {room} on "
        "{ward}, with {complaint}. {near}.\n\nKind regards",
        "Subject: Referral - {name} ({room})\n\nHi team, please review {name} for {complaint}. {near}.",
        "Dear colleague, {name} remains in {room}. {near}. Many thanks, Dr {staff}",
        "Re: {name}\nThank you for the referral. I saw {him} in {room} this morning. {near}.",
        # transfer requests
        "TRANSFER REQUEST\nPatient: {name}\nCurrent location: {room}\nReason: {complaint}\nNotes: {near}",
        "Transfer request from {ward}, {room}: {name}, {complaint}. Accepting: Dr {staff}.",
        "TRANSFER REQUEST\nPatient: {name}\nHome address: {address}\nBed: {room}\nNotes: {near}",
        "Dear Dr {staff}, re {name}, {address}: admitted to {room} with {complaint}. {near}.",
        "Please arrange transfer of {name} from {ward} {inward} to the step-down unit. {near}.",
        # bed-management e-mails
        "Site report: {near}. {name} to move to {room} once cleaned. {near2}.",
        "Bed manager here - {name} has been allocated {room}. {near}.",
        "Hi all, {near}. {ward} {inward} is {name}, awaiting a side room.",
        "Flow update: {room} ({name}) for discharge; {near}.",
        # NICU notes
        "NICU note: baby {name} in {room}, on CPAP. {near}.",
        "Twin 2 ({name}) moved to {room} after phototherapy. {near}.",
        "SCBU handover: {room} - baby {name}, feeding well.",
        # ED tracking-board exports
        "{room} | {name} | {complaint} | awaiting bloods",
        "ED board export\n{room} | {name} | {complaint}\n{room2} | {other} | triage",
        "Area, Patient, Complaint\n{room}, {name}, {complaint}",
        # multilingual notes
        "{foreign}",
        "{foreign}",
        "{foreign}",
        "{foreign}",
        "{foreign} {foreign_near}",
        # a room with no name beside it (one quasi identifier)
        "Can someone review {room} please? {near}.",
        "{room} needs obs repeated. {near}.",
        # clean
        "{near}. {near2}.",
        "Bed meeting: {near}; {near2}. Chair: Dr {staff}.",
        "Reminder: {near}.",
        "Bed huddle notes: {near}. {near2}. {foreign_near}",
        "Site report: {near}; {near2}.",
        "ED board export\nMajors | at capacity\nNotes: {near}",
    ],
}


class Patient:
    """Who a message is about: a name in the note's locale, a pronoun, a colleague."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choice((*OTHERS, "zh_CN", "ja_JP"))
        english = fakers[rng.choice(ENGLISH)]
        english.seed_instance(rng.getrandbits(32))
        self.name = f"{english.first_name()} {english.last_name()}"
        self.other = f"{english.first_name()} {english.last_name()}"
        self.staff = english.last_name()
        self.him = rng.choice(("him", "her"))
        self.town = rng.choice(_TOWNS)
        foreign = fakers[self.locale]
        foreign.seed_instance(rng.getrandbits(32))
        if self.locale in ("zh_CN", "ja_JP"):
            self.foreign_name = foreign.last_name() + foreign.first_name()
        else:
            self.foreign_name = f"{foreign.first_name()} {foreign.last_name()}"


def _foreign(p: Patient) -> list[Part]:
    rng = p.rng
    prep, _, shape = rng.choice(_FOREIGN_ROOMS[p.locale]).partition("|")
    room = shape.format(n=_n(rng), s=_n(rng, 8))
    note = rng.choice(_FOREIGN_NOTES[p.locale])

    def fill(slot: str) -> list[Part]:
        if slot == "name":
            return [pii(p.foreign_name, "NAME", "direct", "names")]
        return [lit(prep), pii(room, "ROOM", "quasi")] if prep else [pii(room, "ROOM", "quasi")]

    return render_slots(note, fill)


def _fill(p: Patient, slot: str) -> list[Part]:
    rng = p.rng
    if slot == "name":
        return [pii(p.name, "NAME", "direct", "names")]
    if slot == "other":
        return [pii(p.other, "NAME", "direct", "names")]
    if slot == "staff":
        return [pii(p.staff, "NAME", "staff")]
    if slot in ("room", "room2"):
        return [_room(rng)]
    if slot == "inward":
        # a ward, then "in" and the bed: "Ward 9 in 12"
        return [pii(f"in {_n(rng)}", "ROOM", "quasi")]
    if slot == "ward":
        return [lit(rng.choice(_WARDS))]
    if slot == "foreign":
        return _foreign(p)
    if slot == "foreign_near":
        return [lit(rng.choice(_FOREIGN_NEAR))]
    if slot == "address":
        # "Station Road" in an address is an address, not a room
        return [
            pii(f"{rng.randint(1, 99)} Station Road", "LOCATION", "direct", GEO),
            lit(", "),
            pii(p.town, "LOCATION", "direct", GEO),
        ]
    if slot in ("near", "near2"):
        near = rng.choice(_NEAR)
        if "{staff}" in near:
            head, _, tail = near.partition("{staff}")
            return [lit(head), pii(p.staff, "NAME", "staff"), lit(tail)]
        return [lit(near)]
    if slot == "him":
        return [lit(p.him)]
    return [lit(rng.choice(_COMPLAINTS))]


def render(template: str, p: Patient) -> list[Part]:
    """A template's text as parts; a slot may fill with a note of several parts."""
    return render_slots(template, lambda slot: _fill(p, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "bed_forms") -> list[dict[str, Any]]:
    """`n` referral e-mails, transfer requests, bed e-mails, NICU notes, board rows or notes."""
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
        default_split="bed_forms",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
