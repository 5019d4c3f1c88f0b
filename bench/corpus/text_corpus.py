"""Labelled synthetic corpus of clinical chat messages, for tuning and measuring the text engine.

Every example has character-span gold labels by kind (NAME, DATE, AGE, ID, CONTACT, LOCATION,
ROOM), each with its role under the combination rule (`direct` or `quasi`), and the verdict that
rule implies: any direct identifier -> `phi`; two or more quasi-identifiers -> `phi`; exactly one
-> `low`; none -> `clean`. Gold spans leave labels out ("MRN 123" -> "123"; "Dr. Okafor" ->
"Okafor"; "Maria's" -> "Maria"; "on Tuesday" -> "Tuesday") but keep them for rooms ("bed 12B")
and ages ("aged 92", "45 yo F"; a spelled-out "male" stays outside). Staff first names ("thanks
Priya") and "Dr. X" are practitioner names: quasi-identifiers, not direct ones.

Three splits with disjoint templates, name locales, cities and institution lists: `main` (for
tuning), `heldout` (other styles; 30% invented names from `synth_names`) and `fresh` (written
after the engine, terse typed voice, 60% invented names; look only at aggregate figures). A
colleague's name in staff-only chatter has role `staff`: it makes a message `low` alone but
never combines ("Priya is on call this weekend" is `low`).

    python -m bench.corpus.text_corpus --n 2000 --seed 1 --split main > corpus.jsonl

Each JSON line: `{"id", "text", "spans": [[start, end, kind, role], ...], "verdict",
"category", "template", "split"}` (`category` is `phi`, `low`, `clean` or `hard`, a clean
message full of look-alikes). Same arguments, same output (for a given Faker version).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.corpus import slots as s
from bench.corpus import (
    slots_bedflow,
    slots_handoff,
    slots_infusion,
    slots_periop,
    templates_bedflow_dev,
    templates_board,
    templates_clinic_dev,
    templates_dialysis,
    templates_fresh,
    templates_handoff_dev,
    templates_heldout,
    templates_infusion_dev,
    templates_main,
    templates_periop_dev,
    templates_shift,
)
from bench.corpus.confusers import FILLERS

SLOTS: dict[str, Callable[[s.Ctx], list[s.Seg]]] = {
    "name": s.f_name,
    "first": s.f_first,
    "last": s.f_last,
    "other_last": s.f_other_last,
    "mr_last": s.f_mr_last,
    "poss": s.f_poss,
    "rel": s.f_rel,
    "bname": s.f_bold_name,
    "doc": s.f_doc,
    "staff": s.f_staff,
    "date": s.f_date,
    "date_y": s.f_date_y,
    "dob": s.f_dob,
    "dob_bare": s.f_dob_bare,
    "rdate": s.f_rdate,
    "age": s.f_age,
    "age_sex": s.f_age_sex,
    "age_inf": s.f_age_infant,
    "mrn": s.f_mrn,
    "acc": s.f_acc,
    "fin": s.f_fin,
    "acct": s.f_acct,
    "hp": s.f_hp,
    "ssn": s.f_ssn,
    "bare": s.f_bare_id,
    "phone": s.f_phone,
    "email": s.f_email,
    "url": s.f_url,
    "slink": s.f_slack_link,
    "mailto": s.f_mailto,
    "ip": s.f_ip,
    "inst": s.f_inst,
    "own_inst": s.f_own_inst,
    "colleague": s.f_colleague,
    "street": s.f_street,
    "city": s.f_city,
    "zip": s.f_zip,
    "room": s.f_room,
    "hdr": s.f_header_name,
    "lname": s.f_lower_name,
    "cjk": s.f_native_name,
    **slots_periop.SLOTS,
    **slots_infusion.SLOTS,
    **slots_handoff.SLOTS,
    **slots_bedflow.SLOTS,
    "chair": s.f_chair,
    **FILLERS,  # type: ignore[dict-item]
}
CONFUSER_SLOTS = frozenset(
    {"epo", "device", "proc", "course", "score", "dose", "vital", "exam", "lab"}
)

MAIN_LOCALES = [
    "en_US",
    "en_GB",
    "es_ES",
    "es_MX",
    "pl_PL",
    "tr_TR",
    "vi_VN",
    "en_IN",
    "de_DE",
    "fr_FR",
    "it_IT",
    "pt_BR",
    "zh_CN",
]
HELDOUT_LOCALES = [
    "nl_NL",
    "sv_SE",
    "cs_CZ",
    "hu_HU",
    "ro_RO",
    "fi_FI",
    "id_ID",
    "ja_JP",
    "ga_IE",
    "yo_NG",
    "zu_ZA",
    "da_DK",
    "hr_HR",
    "lt_LT",
    "lv_LV",
    "es_CO",
    "fr_CA",
    "az_AZ",
    "tw_GH",
    "sk_SK",
]
MAIN_EXTRA_NAMES = [
    ("Mary-Kate", "O'Neill"),
    ("Jean-Luc", "Béranger"),
    ("Siobhán", "Ní Bhriain"),
    ("José María", "García-López"),
    ("D'Angelo", "Washington"),
    ("Lan", "Nguyễn Thị"),
    ("Đức", "Phạm"),
    ("Øyvind", "Ødegård"),
    ("Ayşe", "Yılmaz"),
    ("Zofia", "Wójcik"),
]
HELDOUT_EXTRA_NAMES = [
    ("Abdirahman", "Warsame"),
    ("Min-jun", "Park"),
    ("Chukwuemeka", "Okonkwo"),
    ("Yohannes", "Tesfaye"),
    ("Keoni", "Kahananui"),
    ("Nikolaos", "Papadopoulos"),
    ("Svetlana", "Kuznetsova"),
    ("Farzaneh", "Hosseini"),
    ("Murugan", "Subramaniam"),
    ("Fatima-Zahra", "El Idrissi"),
    ("Tariq", "Al-Hashimi"),
    ("Aroha", "Te Whare"),
]
MAIN_CITIES = [
    "Boston",
    "Chicago",
    "Springfield",
    "Leeds",
    "Manchester",
    "Phoenix",
    "San Antonio",
    "Worcester",
    "Bristol",
    "Fresno",
    "Tulsa",
    "Dayton",
    "Glasgow",
    "Cardiff",
    "Omaha",
    "Albany",
    "Madrid",
    "Guadalajara",
    "Kraków",
    "İzmir",
    "Hà Nội",
    "Köln",
    "Lyon",
]
HELDOUT_CITIES = [
    "Rotterdam",
    "Göteborg",
    "Brno",
    "Debrecen",
    "Cluj-Napoca",
    "Tampere",
    "Surabaya",
    "Osaka",
    "Galway",
    "Lagos",
    "Durban",
    "Aarhus",
    "Split",
    "Kaunas",
    "Bogotá",
    "Québec",
    "Baku",
    "Kumasi",
    "Košice",
    "Duluth",
    "Reno",
    "Spokane",
]
MAIN_INSTITUTIONS = [
    "Northfield Health",
    "Alder Bay Clinic",
    "Saint Brigid's",
    "Kestrel Valley Hospital",
]
HELDOUT_INSTITUTIONS = [
    "Harrowgate Infirmary",
    "Blue Heron Health",
    "Quarry Hill Clinic",
    "Mount Calder",
]
# the `board` split (written 2026-12-02): locales, extras, cities and institutions no other
# split uses; three locales write names in their own script (Cyrillic, Greek, Devanagari), and
# the extras carry particles and surnames that are also English words
BOARD_LOCALES = [
    "es_CL",
    "nl_BE",
    "fr_CH",
    "de_CH",
    "is_IS",
    "es_CL",
    "nl_BE",
    "is_IS",
    "ru_RU",
    "el_GR",
    "hi_IN",
]
BOARD_EXTRA_NAMES = [
    ("Lotte", "van het Heerenveen"),
    ("Pieter", "de Vries"),
    ("Ana Lucía", "de la Cruz"),
    ("Marcus", "Green"),
    ("Joy", "Seven"),
    ("Will", "Baker"),
    ("Hope", "Stone"),
    ("Grant", "Bishop"),
    ("Rose", "Marsh"),
    ("Frank", "Hill"),
    ("Ren", "Park"),
    ("Amber", "Fox"),
]
BOARD_CITIES = [
    "Valparaíso",
    "Ghent",
    "Lausanne",
    "Basel",
    "Akureyri",
    "Thessaloniki",
    "Pune",
    "Kazan",
    "Taichung",
    "Daegu",
    "Flagstaff",
    "Missoula",
    "Kalamazoo",
    "Yakima",
]
BOARD_INSTITUTIONS = [
    "Pinecrest Medical Center",
    "Osprey Point Hospital",
    "Larchmont Health",
    "Ridgeview Clinic",
]
# the `clinic_dev` split (a DEV set for the names pass, tuned on): sources of its own
CLINIC_DEV_LOCALES = ["pl_PL", "tr_TR", "uk_UA", "bg_BG", "ne_NP", "ka_GE", "es_MX", "en_US"]
CLINIC_DEV_EXTRA_NAMES = [
    ("Jan", "van der Berg"),
    ("Maria", "dos Santos"),
    ("Luc", "de Smet"),
    ("Rex", "Brown"),
    ("Holly", "White"),
    ("Daisy", "Bell"),
    ("Ray", "Young"),
    ("Dawn", "Price"),
    ("Sunny", "Rivers"),
    ("Ivy", "Lane"),
]
# the `periop_dev` split (a DEV set for issue 13's second names pass, tuned on): sources no other
# split uses; the extras are names that are English words, hyphenated and particle names
PERIOP_DEV_LOCALES = ["en_NG", "ha_NG", "ig_NG", "sw", "en_KE", "en_PK", "fr_BE", "de_LU", "en_US"]
PERIOP_DEV_EXTRA_NAMES = [
    ("Faith", "Green"),
    ("Will", "Mercer"),
    ("Mark", "Hope"),
    ("Rose", "Brown"),
    ("Grace", "Wood"),
    ("Hunter", "Moss"),
    ("Summer", "Lake"),
    ("Chase", "Black"),
    ("Penny", "Chambers"),
    ("Anne-Sophie", "van den Broek"),
    ("Juan Pablo", "de la Vega"),
    ("Marie-Claire", "Dubois-Lambert"),
    ("Ngozi", "Okafor-Adeyemi"),
    ("Niamh", "Ó Súilleabháin"),
    ("Hyun-woo", "Seo"),
    ("Mohammed", "Al-Masri"),
]
PERIOP_DEV_INSTITUTIONS = [
    "Kingfisher Surgical Center",
    "Ashgrove Hospital",
    "Tidewater Health",
    "Bramble Hill Clinic",
]
FRESH_LOCALES = ["et_EE", "sl_SI", "no_NO", "pt_PT", "de_AT", "es_AR", "uz_UZ", "en_NZ", "en_IE"]
FRESH_CITIES = [
    "Tartu",
    "Maribor",
    "Bergen",
    "Coimbra",
    "Graz",
    "Rosario",
    "Samarkand",
    "Dunedin",
    "Limerick",
    "Eugene",
    "Boise",
    "Fargo",
    "Hilo",
    "Moab",
    "Tromsø",
    "Ulaanbaatar",
]
FRESH_INSTITUTIONS = [
    "Tamarack Health",
    "Stonebridge Clinic",
    "Wren Valley Hospital",
    "Halcyon Care",
]
# the `dialysis` split (held out, written 2026-12-02): a dialysis unit's channel, with locales,
# extras, cities and institutions no other split uses (two locales write names in their own
# script, Cyrillic and Armenian; the extras carry particles and surnames that are also words)
DIALYSIS_LOCALES = ["ha_NG", "ha_NG", "fr_BE", "de_LI", "es", "es", "mk_MK", "hy_AM"]
DIALYSIS_EXTRA_NAMES = [
    ("Carmen", "de los Santos"),
    ("Pim", "ter Horst"),
    ("Iris", "Banks"),
    ("Earl", "Grey"),
    ("Patience", "Moore"),
    ("Crystal", "Waters"),
    ("Bill", "Ward"),
    ("Miles", "Long"),
    ("Sterling", "Cash"),
    ("Rocky", "Shore"),
    ("Mohammed", "Al Amin"),
    ("Ngozi", "Nwachukwu-Bello"),
]
DIALYSIS_CITIES = [
    "Kano",
    "Liège",
    "Vaduz",
    "Skopje",
    "Yerevan",
    "Zaragoza",
    "Gary",
    "Toledo",
    "Macon",
    "Yuma",
    "Pueblo",
    "Utica",
    "Lowell",
    "Akron",
]
DIALYSIS_INSTITUTIONS = [
    "Cedar Ford Dialysis",
    "Ashgrove Kidney Center",
    "Meridian Bluff Hospital",
    "Three Rivers Renal",
]
# the `infusion_dev` split (a DEV set for issue 13's chat pass, tuned on): sources no other split
# uses; the extras are names that are English words, particles, an apostrophe and a hyphen
INFUSION_DEV_LOCALES = ["en_AU", "en_CA", "fil_PH", "it_CH", "sq_AL", "mt_MT", "bs_BA", "en_PH"]
INFUSION_DEV_EXTRA_NAMES = [
    ("Hazel", "Rush"),
    ("Sage", "Hunt"),
    ("Autumn", "Field"),
    ("Drew", "Carter"),
    ("Jade", "Wolf"),
    ("Cliff", "Norman"),
    ("Dusty", "Rhodes"),
    ("Mercy", "Gold"),
    ("Robin", "Swift"),
    ("Chip", "Mason"),
    ("Giulia", "della Rovere"),
    ("Hendrik", "van 't Hof"),
    ("María José", "del Río"),
    ("Siân", "Lloyd-Pritchard"),
]
INFUSION_DEV_CITIES = [
    "Geelong",
    "Ballarat",
    "Moncton",
    "Saskatoon",
    "Cebu",
    "Davao",
    "Lugano",
    "Tirana",
    "Valletta",
    "Mostar",
    "Wollongong",
    "Kelowna",
]
INFUSION_DEV_INSTITUTIONS = [
    "Silverbirch Cancer Centre",
    "Marrow Creek Hospital",
    "Eastwater Infusion Clinic",
    "Juniper Point Health",
]
# the `handoff_dev` split (a DEV set for issue 13's chat names pass, tuned on): an ED/ICU night
# handoff and bed-management voice; a third of its names are hand-written ones of many origins
# (South and East Asian, African, Slavic, Hispanic, Arabic, Pacific) and names that are words
HANDOFF_DEV_LOCALES = ["en_TH", "es_CA", "en_IN", "vi_VN", "pl_PL", "en_NG", "uk_UA", "es_MX"]
HANDOFF_DEV_EXTRA_NAMES = [
    ("Chinedu", "Okonkwo"),
    ("Thabo", "Mokoena"),
    ("Kwame", "Mensah"),
    ("Amara", "Diallo"),
    ("Wanjiru", "Kamau"),
    ("Tendai", "Moyo"),
    ("Abebe", "Tesfaye"),
    ("Yousef", "Haddad"),
    ("Noor", "Al-Khatib"),
    ("Khalid", "Mansour"),
    ("Layla", "Nasser"),
    ("Omar", "Farouk"),
    ("Thanh", "Nguyen"),
    ("Lan", "Pham"),
    ("Ji-ho", "Seo"),
    ("Min-jun", "Kang"),
    ("Wei", "Zhou"),
    ("Mei", "Lin"),
    ("Haruto", "Sato"),
    ("Priyanka", "Patel"),
    ("Arjun", "Reddy"),
    ("Tahmina", "Rahman"),
    ("Imran", "Chowdhury"),
    ("Sione", "Taufa"),
    ("Mele", "Tupou"),
    ("Tavita", "Leota"),
    ("Aroha", "Ngata"),
    ("Losa", "Fifita"),
    ("Bogdan", "Kowalczyk"),
    ("Oksana", "Shevchenko"),
    ("Dragan", "Petrovic"),
    ("Milena", "Novakova"),
    ("Lucia", "Mendez"),
    ("Jorge", "Ruiz"),
    ("Ximena", "Quispe"),
    ("Joaquin", "Baptiste"),
    ("Ember", "Frost"),
    ("Faith", "King"),
    ("Hope", "Gold"),
    ("Rose", "Swift"),
    ("Hope", "Sterling"),
    ("Grace", "Hope"),
    ("Rose", "Frost"),
    ("Autumn", "King"),
]
HANDOFF_DEV_CITIES = [
    "Leicester",
    "Preston",
    "Hamilton",
    "Wichita",
    "Tulsa",
    "Halifax",
    "Townsville",
    "Bendigo",
]
HANDOFF_DEV_INSTITUTIONS = [
    "Kestrel Vale Hospital",
    "Northgate General",
    "Harrow Fields Campus",
    "Saltmarsh Medical Center",
]
# the `bedflow_dev` split (a DEV set for issue 13's chat recall pass, tuned on): a patient-flow,
# bed-management and transfer-centre voice; its extras are surnames that are English words,
# particles, hyphens and an apostrophe, and names of many origins
BEDFLOW_DEV_LOCALES = [
    "en_US",
    "en_US",
    "en_GB",
    "en_IE",
    "yo_NG",
    "ig_NG",
    "es_CO",
    "pt_BR",
    "ro_RO",
    "fi_FI",
    "id_ID",
]
BEDFLOW_DEV_EXTRA_NAMES = [
    ("Coral", "Reed"),
    ("Clay", "Potter"),
    ("Heath", "Moor"),
    ("Violet", "Rain"),
    ("Basil", "Wise"),
    ("Misty", "Glen"),
    ("Dale", "Bridges"),
    ("Ruby", "Street"),
    ("Ernest", "Sharp"),
    ("Sky", "Bloom"),
    ("Forrest", "Steele"),
    ("Bonnie", "Fairweather"),
    ("Kofi", "Boateng"),
    ("Ingrid", "Halvorsen"),
    ("Thandiwe", "Mbeki"),
    ("Chidi", "Okafor"),
    ("Saoirse", "Mac Giolla"),
    ("Aisling", "O'Dwyer"),
    ("Kai", "Kealoha"),
    ("Nilufar", "Yusupova"),
    ("Ramón", "de la Fuente"),
    ("Liesbeth", "ter Meulen"),
    ("Anh", "Trương"),
    ("Hamid", "Al-Sayegh"),
    ("Paora", "Te Rangi"),
    ("Jean-Baptiste", "Ndayisaba"),
]
BEDFLOW_DEV_CITIES = [
    "Sudbury",
    "Thunder Bay",
    "Rockford",
    "Peoria",
    "Bakersfield",
    "Chattanooga",
    "Ipswich",
    "Swindon",
    "Mackay",
    "Toowoomba",
]
BEDFLOW_DEV_INSTITUTIONS = [
    "Foxglove Regional",
    "Heronsgate Hospital",
    "Cobalt Ridge Medical Center",
    "Larkspur Community Hospital",
]
# share of invented names (`synth_names`): names no gazetteer could have been built from

_SLOT_RE = re.compile(r"\{(\w+)\}")
_EMOJI_RE = re.compile(r":[a-z0-9_+-]+:")


@dataclass(frozen=True)
class Split:
    phi: Sequence[str]
    low: Sequence[str]
    clean: Sequence[str]
    locales: Sequence[str]
    extra_names: Sequence[tuple[str, str]]
    cities: Sequence[str]
    institutions: Sequence[str]
    synth_share: float = 0.0
    extras_share: float = 0.06


SPLITS = {
    "main": Split(
        templates_main.PHI,
        templates_main.LOW,
        templates_main.CLEAN,
        MAIN_LOCALES,
        MAIN_EXTRA_NAMES,
        MAIN_CITIES,
        MAIN_INSTITUTIONS,
    ),
    "heldout": Split(
        templates_heldout.PHI,
        templates_heldout.LOW,
        templates_heldout.CLEAN,
        HELDOUT_LOCALES,
        HELDOUT_EXTRA_NAMES,
        HELDOUT_CITIES,
        HELDOUT_INSTITUTIONS,
        0.3,
    ),
    # tuning set for unknown names: main's templates with half its names invented
    "dev": Split(
        templates_main.PHI,
        templates_main.LOW,
        templates_main.CLEAN,
        MAIN_LOCALES,
        MAIN_EXTRA_NAMES,
        MAIN_CITIES,
        MAIN_INSTITUTIONS,
        0.5,
    ),
    "fresh": Split(
        templates_fresh.PHI,
        templates_fresh.LOW,
        templates_fresh.CLEAN,
        FRESH_LOCALES,
        (),
        FRESH_CITIES,
        FRESH_INSTITUTIONS,
        0.6,
    ),
    # written after issue 13's changes of 2026-12-02: night-shift back-channel in chat shorthand
    "shift": Split(
        templates_shift.PHI,
        templates_shift.LOW,
        templates_shift.CLEAN,
        FRESH_LOCALES,
        (),
        FRESH_CITIES,
        FRESH_INSTITUTIONS,
        0.6,
    ),
    # a DEV set for the names pass of 2026-12-02 (tuned on): an outpatient clinic's front office
    "clinic_dev": Split(
        templates_clinic_dev.PHI,
        templates_clinic_dev.LOW,
        templates_clinic_dev.CLEAN,
        CLINIC_DEV_LOCALES,
        CLINIC_DEV_EXTRA_NAMES,
        MAIN_CITIES,
        MAIN_INSTITUTIONS,
        0.5,
    ),
    # a DEV set for issue 13's second names pass (tuned on): an OR scheduling and anaesthesia
    # channel, written and committed before its first measurement
    "periop_dev": Split(
        templates_periop_dev.PHI,
        templates_periop_dev.LOW,
        templates_periop_dev.CLEAN,
        PERIOP_DEV_LOCALES,
        PERIOP_DEV_EXTRA_NAMES,
        MAIN_CITIES,
        PERIOP_DEV_INSTITUTIONS,
        0.5,
    ),
    # written 2026-12-02 before that day's names pass: a patient-flow (bed board) channel
    "board": Split(
        templates_board.PHI,
        templates_board.LOW,
        templates_board.CLEAN,
        BOARD_LOCALES,
        BOARD_EXTRA_NAMES,
        BOARD_CITIES,
        BOARD_INSTITUTIONS,
        0.5,
    ),
    # held out, written 2026-12-02 and committed before its first measurement: a dialysis unit
    "dialysis": Split(
        templates_dialysis.PHI,
        templates_dialysis.LOW,
        templates_dialysis.CLEAN,
        DIALYSIS_LOCALES,
        DIALYSIS_EXTRA_NAMES,
        DIALYSIS_CITIES,
        DIALYSIS_INSTITUTIONS,
        0.5,
    ),
    # a DEV set for issue 13's chat pass (tuned on): an infusion centre's and step-down unit's
    # huddle channel, written and committed before its first measurement
    "infusion_dev": Split(
        templates_infusion_dev.PHI,
        templates_infusion_dev.LOW,
        templates_infusion_dev.CLEAN,
        INFUSION_DEV_LOCALES,
        INFUSION_DEV_EXTRA_NAMES,
        INFUSION_DEV_CITIES,
        INFUSION_DEV_INSTITUTIONS,
        0.5,
    ),
    # a DEV set for issue 13's chat names pass (tuned on): an ED/ICU night handoff and
    # bed-management channel, written and committed before its first measurement
    "handoff_dev": Split(
        templates_handoff_dev.PHI,
        templates_handoff_dev.LOW,
        templates_handoff_dev.CLEAN,
        HANDOFF_DEV_LOCALES,
        HANDOFF_DEV_EXTRA_NAMES,
        HANDOFF_DEV_CITIES,
        HANDOFF_DEV_INSTITUTIONS,
        0.3,
        0.35,
    ),
    # a DEV set for issue 13's chat recall pass (tuned on): a patient-flow, bed-management and
    # transfer-centre channel, written and committed before its first measurement
    "bedflow_dev": Split(
        templates_bedflow_dev.PHI,
        templates_bedflow_dev.LOW,
        templates_bedflow_dev.CLEAN,
        BEDFLOW_DEV_LOCALES,
        BEDFLOW_DEV_EXTRA_NAMES,
        BEDFLOW_DEV_CITIES,
        BEDFLOW_DEV_INSTITUTIONS,
        0.3,
        0.3,
    ),
}


# splits that also draw the held-out and the terse typed formats of `slots`
_FRESH_FORMS = frozenset(
    {
        "fresh",
        "shift",
        "board",
        "clinic_dev",
        "periop_dev",
        "dialysis",
        "infusion_dev",
        "handoff_dev",
        "bedflow_dev",
    }
)
_HELDOUT_FORMS = _FRESH_FORMS | {"heldout"}


def institutions_for(split: str) -> list[str]:
    """The deployment's own institution list for a split (what the engine would be configured with)."""
    return list(SPLITS[split].institutions)


@dataclass
class Example:
    id: str
    text: str
    spans: list[tuple[int, int, str, str]] = field(default_factory=list)
    verdict: str = "clean"
    category: str = "clean"
    template: str = ""
    split: str = "main"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "spans": [list(sp) for sp in self.spans],
            "verdict": self.verdict,
            "category": self.category,
            "template": self.template,
            "split": self.split,
        }


def verdict_for(roles: Sequence[str]) -> str:
    """The combination rule over gold roles; a `staff` name (colleague, no patient in the
    message) is one quasi-identifier alone but never combines with another."""
    if "direct" in roles:
        return "phi"
    quasi = sum(1 for r in roles if r == "quasi")
    return "phi" if quasi >= 2 else "low" if quasi == 1 or "staff" in roles else "clean"


def _case_transform(segments: list[s.Seg], mode: str) -> list[s.Seg]:
    """Re-case non-raw text per character, so offsets stay right even when lengths change (İ, ß)."""
    if mode == "asis":
        return segments
    out: list[s.Seg] = []
    prev = " "
    for seg in segments:
        if seg.raw:
            out.append(seg)
            prev = seg.text[-1:] or prev
            continue
        chars = []
        for ch in seg.text:
            if mode == "lower":  # people type "izmir", not Unicode's "i" + combining dot
                chars.append("i" if ch == "İ" else ch.lower())
            elif mode == "upper":
                chars.append(ch.upper())
            else:  # title: capitalise word starts only, leave the rest alone
                chars.append(
                    ch.upper() if (prev.isspace() or prev in '(/"-') and ch.isalpha() else ch
                )
            prev = ch
        out.append(s.Seg("".join(chars), seg.kind, seg.role, seg.raw))
    return out


def _literal(text: str) -> list[s.Seg]:
    """Template text; emoji codes in it are raw (Slack keeps them lower-case)."""
    out: list[s.Seg] = []
    pos = 0
    for m in _EMOJI_RE.finditer(text):
        if m.start() > pos:
            out.append(s.lit(text[pos : m.start()]))
        out.append(s.lit(m.group(0), raw=True))
        pos = m.end()
    if pos < len(text):
        out.append(s.lit(text[pos:]))
    return out


def render(
    template: str, ctx: s.Ctx, case: str = "asis"
) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Fill a template's slots; return the text and its gold spans."""
    segments: list[s.Seg] = []
    pos = 0
    for m in _SLOT_RE.finditer(template):
        segments.extend(_literal(template[pos : m.start()]))
        segments.extend(SLOTS[m.group(1)](ctx))
        pos = m.end()
    segments.extend(_literal(template[pos:]))
    text_parts: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    offset = 0
    for seg in _case_transform(segments, case):
        if seg.kind:
            spans.append((offset, offset + len(seg.text), seg.kind, seg.role))
        text_parts.append(seg.text)
        offset += len(seg.text)
    return "".join(text_parts), spans


def _pick_case(rng: random.Random) -> str:
    r = rng.random()
    return "asis" if r < 0.62 else "lower" if r < 0.84 else "upper" if r < 0.92 else "title"


def generate(
    n: int = 2000,
    seed: int = 1,
    split: str = "main",
    weights: tuple[float, float, float] = (0.55, 0.15, 0.30),
) -> list[Example]:
    """`n` examples: `phi`/`low`/`clean` templates drawn with `weights`; reproducible by `seed`."""
    conf = SPLITS[split]
    rng = random.Random(f"{split}:{seed}")
    names = s.NameSource(conf.locales, conf.extra_names, conf.synth_share, conf.extras_share)
    groups = {"phi": conf.phi, "low": conf.low, "clean": conf.clean}
    examples: list[Example] = []
    for i in range(n):
        group = rng.choices(["phi", "low", "clean"], weights=weights)[0]
        index = rng.randrange(len(groups[group]))
        template = groups[group][index]
        ctx = s.Ctx(
            rng=rng,
            names=names,
            institutions=conf.institutions,
            cities=conf.cities,
            patient=names.pick(rng),
            heldout=split in _HELDOUT_FORMS,
            fresh=split in _FRESH_FORMS,
        )
        text, spans = render(template, ctx, _pick_case(rng))
        verdict = verdict_for([sp[3] for sp in spans])
        if verdict != group:
            raise AssertionError(f"template {split}/{group}/{index} yields {verdict}")
        category = group
        if group == "clean" and CONFUSER_SLOTS & set(_SLOT_RE.findall(template)):
            category = "hard"
        examples.append(
            Example(
                f"{split}-{seed}-{i:05d}",
                text,
                spans,
                verdict,
                category,
                f"{split}/{group}/{index}",
                split,
            )
        )
    return examples


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--split", choices=sorted(SPLITS), default="main")
    args = parser.parse_args(argv)
    try:
        for ex in generate(args.n, args.seed, args.split):
            sys.stdout.write(json.dumps(ex.to_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
