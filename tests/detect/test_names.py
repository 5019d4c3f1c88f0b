"""NAME: patients, relatives and staff in chat shapes; eponyms and ordinary words left alone."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pt John Smith in 4B needs a sitter", ["John Smith"]),
        ("pt john smith 67yo M needs a sitter", ["john smith"]),
        ("SMITH, JOHN 45 yo F", ["SMITH, JOHN"]),
        ("Smith, John is ready for dc", ["Smith, John"]),
        ("can someone see Boyd in bed 8", ["Boyd"]),
        ("can someone see boyd in bed 8", ["boyd"]),
        ("Dr. Okafor wants a repeat echo", ["Okafor"]),
        ("dr okafor wants a repeat echo", ["okafor"]),
        ("Maria's daughter called again", ["Maria"]),
        ("Nguyễn Văn An is back from CT", ["Nguyễn Văn An"]),
        ("pt Łukasz Wójcik refusing meds", ["Łukasz Wójcik"]),
        ("Ayşe Yılmaz 72F with sepsis", ["Ayşe Yılmaz"]),
        ("E. Klinkosz 8yo pyelo", ["E. Klinkosz"]),
        ("rounds: bed 22 BECCARIA cellulitis", ["BECCARIA"]),
        ("Mary-Kate O'Neill is NPO", ["Mary-Kate O'Neill"]),
        ("José María García-López to CT", ["José María García-López"]),
        ("Bed 4 - Fitzgerald - 77 M - NSTEMI", ["Fitzgerald"]),
        ("Can someone check on Abdullah Al-Farsi in room 7", ["Abdullah Al-Farsi"]),
        ("Sgt. Williams (VA pt) in bed 3", ["Williams"]),
        ("Svetlana Ivanova (DOB 12 Jan 1980)", ["Svetlana Ivanova"]),
        ("paged about Kuznetsova: Na 128", ["Kuznetsova"]),
        ("12-lead — Joel (35 yrs old) still febrile", ["Joel"]),
        ("Tesfaye -> Eastfield Regional by ambulance", ["Tesfaye"]),
        ("to-do:\n- warsame: tsh 0.01\n- labs: pending", ["warsame"]),
        ("wrong chart, yohannes tesfaye is mrn 15029399", ["yohannes tesfaye"]),
        (
            "rounds: room 712 White afib w RVR",
            ["White"],
        ),  # a name that is also a word, after the bed
        ("2. RM 334 Wan hyperkalemia, CK 14000", ["Wan"]),
        # a title's name ends before the verb ("Said" is also a name)
        ("Dr. Smith said the pt can go home", ["Smith"]),
        ("dr smith said she is fine", ["smith"]),
        ("kyle orozco left ama from rm 402", ["kyle orozco"]),  # against medical advice
        ("dr lambert ok'd discharge", ["lambert"]),
        ("Пациент Иван Петров в палате 5", ["Иван Петров"]),  # "patient" is not his name
        # particles between two name words stay inside the name
        ("pls check on Lotte van het Heerenveen in bed 2", ["Lotte van het Heerenveen"]),
        # a letter's addressee (issue 13, occ_health dev voice)
        ("Dear Fabian,\n\nThis confirms your pre-placement exam", ["Fabian"]),
    ],
)
def test_when_name_in_chat_then_found(engine: TextEngine, text: str, expected: list[str]) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Parkinson's pt with Bell's palsy and Crohn's",
        "positive Murphy's sign, Apgar 8/9, Wells score 4",
        "Foley placed, Swan-Ganz in, Whipple on Tuesday",
        "Smith's fracture of the left wrist",
        "Hodgkin lymphoma stage II, Graves' disease",
        "will mark the chart, grace period, hope it helps",
        "the Thomas splint tray is in the clean utility room",
        "whoever left the Bair Hugger in the hallway pls move it",
        "Jackson-Pratt drain out, Guillain-Barré workup negative",
        "E. coli and S. aureus in the cultures",
        "NEW ADMIT\nAge: 45\nRoom: 4",
        "Cerner Interface Is Down For Labs, Call Criticals To The Floor",
        "he has Stevens-Johnson from the lamotrigine",
        "FYI rapid response called, pt transferred to MICU",
        "pt on Eliquis 5 BID and Percocet prn in bed 4",
        "- Dispo: home\n- PPx: hep sq\n- Vanc: trough 15",
        "pt is from rural Montana",
        "Mark bed 3 as dirty please",  # before the bed, a word-name is as likely a verb
        "bed 12 AKI on CKD, renal consulted",  # an acronym, not "Aki"
    ],
)
def test_when_eponym_or_common_word_then_not_a_name(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.NAME) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("Dr. Okafor wants a repeat echo", "PRACTITIONER"),
        ("Jane Smith, NP will round", "PRACTITIONER"),
        # no title and no directory entry: phrasing cannot tell staff from a patient (issue 13)
        ("thanks Kaja for the coffee", "PATIENT"),
        ("Can IR do a drain on Graham over the weekend?", "PATIENT"),
        ("pt Maria Lopez refusing meds", "PATIENT"),
        ("daughter Linh will call back", "RELATIVE"),
    ],
)
def test_when_name_role_is_clear_then_subtype_says_so(
    engine: TextEngine, text: str, subtype: str
) -> None:
    found = [f for f in engine.findings(text) if f.kind is Kind.NAME]
    assert [f.subtype for f in found] == [subtype]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names in no list, found by shape and position
        ("Yohannes is precepting the new grads", ["Yohannes"]),
        ("the Tesfaye family portal is down for them", ["Tesfaye"]),
        ("Keoni's mom called twice", ["Keoni"]),
        ("pt keoni kahananui refusing meds", ["keoni kahananui"]),
        ("Kahananui 45M chest pain", ["Kahananui"]),
        ("please check on kraesaom maiwaekul, asthma flare", ["kraesaom maiwaekul"]),
        ("TATUMI, DUKIGBI (16 y/o, bay 7) stroke", ["TATUMI, DUKIGBI"]),
        ("NEED A BED FOR RUMAQKUSI, SUQSIYHI MR# 00860513", ["RUMAQKUSI, SUQSIYHI"]),
        ("New Consult: Kases Fuwiso DOB 19.12.1931", ["Kases Fuwiso"]),
        ("Avogadro rm827 K 3.2", ["Avogadro"]),
        ("dr. nguyen văn an wants a call back", ["nguyen văn an"]),
        ("Dr Gachenuuri and Khogar rounding on bed 9", ["Gachenuuri", "Khogar"]),
        ("wawupoino says her old number is off", ["wawupoino"]),
        ("dob 1937-12-23, sebesogowale, lesolo, nkda", ["sebesogowale, lesolo"]),
        ("akuyada, banwan in rm910 is a rapid response", ["akuyada, banwan"]),
        ("Tsinyly Rasadryfi 03-Sep-2025 admitted for NSTEMI", ["Tsinyly Rasadryfi"]),
        ("Dr Lee saw Mekonu yday", ["Lee", "Mekonu"]),
        ("dtr at bedside, Halopei comfortable", ["Halopei"]),
        ("1. Rasuno - CHF exac", ["Rasuno"]),
        ("can u see rasuno 45 in bed 9", ["rasuno"]),
        ("dr. poma egonavulua says hi", ["poma egonavulua"]),
        ("pt ike hauui refusing", ["ike hauui"]),
        ("Rasuno, T. - consult for CHF", ["Rasuno, T."]),
        ("Price says her old number is off, new email price.debra@wp.pl", ["Price"]),
        ("*NWAKENYANWONNNA, GWENGỤ* needs a sitter", ["NWAKENYANWONNNA, GWENGỤ"]),
        ("Wilkinson, Alexandra Sep 4 2023 FIN 350173550", ["Wilkinson, Alexandra"]),
        ("gyoren zsoszan, D.O.B. 10-Jun-1994", ["gyoren zsoszan"]),
        # note headers and boards (issue 13): "LAST,FIRST" with no space, or before a verb
        ("TAVUKEL,MERISO checked in late", ["TAVUKEL,MERISO"]),
        ("Ombaret, Kilune is here for the 10:30", ["Ombaret, Kilune"]),
        ("LANEFA, SIMENO S/P FALL, HGB 7.9", ["LANEFA, SIMENO"]),  # "simeno": one slip from a word
        # a lower-case full name after a word a person follows, in a message with capitals
        ("new pt sabotu kerenawi, 44F, referred by Dr. Lee", ["sabotu kerenawi", "Lee"]),
        ("can we get Rytana Hatsymyrory on the OR board", ["Rytana Hatsymyrory"]),
        ("Woepuranto no-showed again, third time", ["Woepuranto"]),
        ("ketuanis moleranu lives at 12 Elm St, letter came back", ["ketuanis moleranu"]),
        ("Homau L. (pt id 87450667) paperwork is in the box", ["Homau L."]),
        ("Price,Dawn\npyelo\nbili 3.4", ["Price,Dawn"]),  # both also words
        ("YEBAO, FEDA is here for a walk-in", ["YEBAO, FEDA"]),  # short capitals, no acronym
        ("FEYUKAWALE, LOFEFE W checked in", ["FEYUKAWALE, LOFEFE W"]),  # middle initial
        ("ma note: ohusisalo, rekopuu m - seizure", ["ohusisalo, rekopuu m"]),
        ("ok khuepphakraon, kaomuprung is in room 5", ["khuepphakraon, kaomuprung"]),
        ("Smith no-showed again, third time", ["Smith"]),
        ("Tsuzo E. Tsösjargal age 95 ACS", ["Tsuzo E. Tsösjargal"]),
        ("bugupen p. dibadosong mr# 3541182221 chf", ["bugupen p. dibadosong"]),
        ("refill req from kuturnis takusgara for amox, last seen Mar. 30", ["kuturnis takusgara"]),
        ("CHURJARGAL Lugsheg is here for a walk-in", ["CHURJARGAL Lugsheg"]),
        ("tsepokanu ribonaava 29 September 2023 McMurray test LDH 620", ["tsepokanu ribonaava"]),
        ("hey, chulchochi chuszersuren no-showed today", ["chulchochi chuszersuren"]),
    ],
)
def test_when_name_unknown_to_lexicons_then_found_by_position(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    "text",
    [
        "pateint recieved meds, recheck troponin 2.1",
        "Wells score 4 and Mentzer index 11",
        "sim lab booked for Bentall practice",
        "Latarjet vs Bankart repair, thoughts?",
        "keppra, zosyn and vanc hung, nkda",
        "pls stop putting food in the med fridge",
        "LOL THE PRINTER IS JAMMED AGAIN",
        "EHR downtime 0200-0400, use paper",
        "MICU is full, boarding in the ED",
        "pacu is holding 3, anesthesia aware",
        "RT says HR 112 is fine for extubation",
        "HCAP vs CAP, thoughts?",
        "journal club: the Coombs positive trial",
        "Tmax 38.9, LDH 620, Aetna denied the MRI",
        "agn abt the pump, pls fix",
        "email pharmacy@hosp.org, pharmacy says ok",
        "Mark your timesheets please",  # two English words run together, no name
        "pls restock the handwash in bay 3",
        "SMITH, I think the pump is broken",  # "I" is no middle initial
    ],
)
def test_when_unknown_word_is_typo_eponym_or_drug_then_not_a_name(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.NAME) == []
