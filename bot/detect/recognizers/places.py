"""LOCATION: institutions, street addresses, cities, ZIP codes.

Institutions come from the deployment's own list (`Settings.institutions`) plus shapes
("St. Mary's", "Mercy General", "Lakeside Medical Center", "Mass General") and well-known
short names in `data/institutions.txt`. A street address is a direct identifier (`ADDRESS`);
institution, city and ZIP are quasi-identifiers (`INSTITUTION`, `CITY`, `ZIP`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.data import load_words
from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    set_subtype,
    words_after,
    words_before,
    wordset,
)
from bot.detect.recognizers.city_index import listed_town
from bot.detect.recognizers.names_context import casing_informative, id_label
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.streets import (
    AFTER_DIRECTION,
    HOUSE,
    UNIT_FIRST,
    USPS_TITLE,
)

# Bounded: unbounded, every word boundary inside a long hyphenated word re-read the rest of it.
_CAP = r"(?:[A-Z][\w'’.-]{0,40}|[a-z][a-z'’-]{2,40})"
_FACILITY = (
    r"(?:general(?:\s+hospital)?|memorial(?:\s+hospital)?|medical\s+center|med\s+center|medical\s+centre"
    r"|hospital(?:\s+(?:center|centre|medical\s+center))?"
    r"|regional(?:\s+(?:medical\s+center|hospital))?|children'?s(?:\s+hospital)?|infirmary|health\s+system"
    r"|health\s+center|cancer\s+center|rehab(?:ilitation)?\s+(?:center|hospital)|nursing\s+home|clinic"
    r"|university\s+hospital|va\s+medical\s+center|vamc|community\s+hospital|health\s+care(?:\s+system)?|healthcare|health|med\.?\s+ctr\.?"
    r"|medical\s+ctr|gen|hosp|hospice|rehab|rehabilitation|care\s+center|surgery\s+center|surgical\s+center"
    r"|nursing\s+(?:and|&)\s+rehab|snf|ltac|ltach|urgent\s+care|manor|village|gardens|house|home"
    r"|assisted\s+living|senior\s+living|care\s+home|nursing\s+facility|skilled\s+nursing(?:\s+facility)?"
    # outpatient services a specimen or a claim comes from
    r"|(?:outpatient\s+|clinical\s+|reference\s+)?lab(?:oratory|oratories|s)?|diagnostic\s+imaging|diagnostics?"
    r"|imaging(?:\s+center)?|draw\s+station|family\s+(?:practice|medicine|health)|medical\s+group|dialysis\s+center"
    r"|va\s+clinic"
    # a specialty's own centre, named by a place or a person ("Brookmere Diabetes Center",
    # "Eastgate Hearing Centre"); the specialty and its centre alone name no place
    r"|(?:diabetes|hearing|eye|heart|vascular|sleep|wound|pain|breast|spine|fertility|kidney|renal"
    r"|endoscopy|audiology|cardiac|memory|allergy|vision|foot|hand|women'?s|maternity|birth)\s+(?:center|centre|institute)"
    # a hospital's outpatient department by the hospital's name ("St. Olave's Outpatients")
    r"|outpatients)"
)
_STREET = (
    r"(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place|ter|terrace|pkwy"
    r"|parkway|cir|circle|hwy|highway|sq|square|trl|trail|loop|row|run|pike|alley|path|crescent|cres|close"
    r"|walk|plaza|point|ridge|view|crossing|xing|grove|gardens?|heights|hills?|park|manor|meadows?|mews"
    r"|station|summit|vista|via|creek|brook|harbor|landing|junction|isle|island|valley|village|ville|well|wells"
    r"|estates?|falls|fields?|forest|fork|glen|green|haven|knoll|lakes?|mill|mission|orchard|oval|pass|port"
    r"|route|spring|springs|stravenue|street|streets|throughway|track|trace|turnpike|union|skyway|shore|shoals?)"
)
_ANY_STREET = rf"(?:{_STREET}|{USPS_TITLE})"
_STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
    "PR",
]
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii"
    "|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan"
    "|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\\s+Hampshire|New\\s+Jersey"
    "|New\\s+Mexico|New\\s+York|North\\s+Carolina|North\\s+Dakota|Ohio|Oklahoma|Oregon"
    "|Pennsylvania|Rhode\\s+Island|South\\s+Carolina|South\\s+Dakota|Tennessee|Texas|Utah|Vermont"
    "|Virginia|Washington|West\\s+Virginia|Wisconsin|Wyoming"
)
_STATE_RE = "(?:" + "|".join(_STATES) + ")"
# Territories and freely associated states the USPS addresses (Faker's `state_abbr` draws
# them): only before a ZIP, since "AS", "FM" are words or units of their own
_TERRITORY_RE = "(?:AS|FM|GU|MH|MP|PW|VI)"
# The AP style's state abbreviations ("Yuma, Ky. 94935", "Erie, Pa. 16501"): only before a
# ZIP, where "Lee, Mo." cannot be a name written last name first.
_AP_STATE_RE = (
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo"
    r"|Mont|Neb|Nebr|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va"
    r"|Wash|W\.Va|Wis|Wyo)\."
)
_ANY_STATE_RE = "(?:" + "|".join(_STATES) + "|" + _STATE_NAMES + ")"
_STATE_OR_PROVINCE = re.compile(
    rf"(?:{_STATE_NAMES}|{_AP_STATE_RE}|Alberta|British\s+Columbia|Manitoba|New\s+Brunswick"
    r"|Newfoundland(?:\s+and\s+Labrador)?|Nova\s+Scotia|Ontario|Prince\s+Edward\s+Island"
    r"|Qu[ée]bec|Saskatchewan|Yukon)"
)


def is_state(value: str) -> bool:
    """A US state or a Canadian province by its name or AP abbreviation ("Ohio", "Mich.",
    "Alberta"): a subdivision Safe Harbor keeps, which closes an address block."""
    return _STATE_OR_PROVINCE.fullmatch(value) is not None


_NOT_ADDRESS = frozenset(
    [
        "mg",
        "mcg",
        "ml",
        "units",
        "u",
        "tab",
        "tabs",
        "tablet",
        "po",
        "iv",
        "im",
        "sq",
        "pm",
        "am",
        "with",
        "at",
        "by",
        "for",
        "the",
        "of",
        "to",
        "and",
        "or",
        "x",
        "q",
        "prn",
        "bid",
        "tid",
        "daily",
        "hours",
        "hrs",
        "min",
        "minutes",
        "days",
        "weeks",
        "mo",
        "months",
        "times",
        "doses",
        "liters",
        "l",
    ]
)
_NOT_INSTITUTION_BEFORE = wordset(
    "the a an in at of to for from and or with our my your his her their this that surgery medicine internal "
    "general peds pediatric family emergency mental public primary urgent home va outside other another local "
    "nearest same different any teaching psych psychiatric state county private is was be back go going went "
    "sent send transfer transferred d/c dc discharged discharge admitted admit see u you me him them it "
    "group assisted living skilled day night new old big main vaccine flu travel wound diabetes heart cancer eye "
    "infusion dialysis pain sleep fertility anticoagulation coumadin lipid hiv ortho cardiology neurology "
    "oncology surgical medical pediatrics women's womens children's employee student staff outpatient inpatient "
    "resident research memory weight obesity smoking transplant liver kidney renal lung breast skin derm dental "
    "walk-in free our their has have had does did will would can could should needs need got gets on off vax "
    "vaccination immunization covid prenatal antenatal postnatal well-baby travel ob gyn obgyn gi ent uro urology "
    "anticoag hep hepatology rheum allergy asthma chest foot podiatry hand spine sports breastfeeding lactation "
    # the outpatient clinics British and Irish letters name by what they treat ("the Fracture
    # Clinic", "Colposcopy Clinic", "Pre-assessment Clinic"; issue 13, `clinic_letters` dev
    # voice); not words a hospital's own name holds as often ("Cardiac", "Maternity")
    "fracture continence epilepsy headache glaucoma cataract audiology colposcopy haematology "
    "hematology diabetic menopause pre-assessment preassessment pre-op preop plaster "
    "musculoskeletal msk physiotherapy physio dermatology rheumatology gynaecology gynecology "
    "gastroenterology "
    # what else a clinic is named by: its condition's last word ("Heart Failure Clinic", "Sickle
    # Cell Clinic", "Movement Disorders Clinic"), its organ system or its kind of visit
    "failure stroke tia syncope arrhythmia pacemaker device inr warfarin thyroid endocrine "
    "endocrinology nephrology pulmonary pulmonology respiratory copd ibd osteoporosis density "
    "bone stoma lymphoedema lymphedema concussion disorders disorder addiction methadone "
    "suboxone detox std sti genetics genetic neonatal follow-up followup post-op postop "
    "rapid-access access triage ambulatory hypertension cell fibrosis hepatitis tb vascular "
    "assessment"
)
# A hospital's own units and services before a facility word: alone they name a room or an
# office, not a place ("Cath Lab", "Echo Lab", "Occupational Health", "School Health Office";
# issue 13 precision pass), but a name before them is one ("Cotter Flats Occupational Health")
_UNIT_WORDS = wordset(
    "cath catheterization ep echo endoscopy endo pathology path micro microbiology hematology heme "
    "chemistry histology cytology core stat satellite sim simulation skills vascular interventional "
    "radiology pft motility occupational occ school"
)
_LOWER_SUFFIX_NEEDS_NAME = wordset(
    "health clinic hospital healthcare gen hosp home house manor village gardens rehab hospice snf ltac ltach rehabilitation"
)
_TITLE_ONLY_SUFFIX = wordset("gen home house manor village gardens")
_TITLE_ABBREVIATIONS = wordset("st. ste. mt. ft. pt. dr. n. s. e. w.")
# The facility words the dates/places/identifiers pass added (labs, imaging, practices): they
# also name a room or a test ("CBC labs", "Morning Labs"), so they need Title Case and a name
# that is no abbreviation. The facility words before it keep their own rules.
_SERVICE_FACILITY = re.compile(
    r"(?:(?:outpatient|clinical|reference)\s+)?lab(?:oratory|oratories|s)?|diagnostic\s+imaging|diagnostics?"
    r"|imaging(?:\s+center)?|draw\s+station|family\s+(?:practice|medicine|health)|medical\s+group"
    r"|dialysis\s+center|va\s+clinic",
    re.IGNORECASE,
)
_DISTINCTIVE_SUFFIX = wordset("ctr infirmary vamc ltach ltac regional memorial")
_FACILITY_END = re.compile(rf"{_FACILITY}$", re.IGNORECASE)
_PLACE_CUES = wordset("from at to in transferred transfer sent back")
_NOT_CITY_AFTER = wordset(
    "chromosome rules rule criteria collar j score classification protocol agreement virus strain fever"
)
# what makes a listed hospital's name part of a clinical term ("Parkland formula", "Mayo
# score", "Duke criteria"), named for where it was devised
_TERM_AFTER = _NOT_CITY_AFTER | wordset("formula scale staging index calculator regimen")
_ZIP_AFTER = re.compile(r",?\s+\d{5}(?:-\d{4})?\b")  # "Belfry, WI 31448": city, state, ZIP
_TOWN_HEADS = wordset("North South East West New Lake Port Fort Mount Glen")
# Heads that make a town of a first or last name with no cue ("Port Rita", "West Brian"):
# not "Glen" or "Mount", which are also given names and words of their own
_PLACE_TAILS = wordset(
    "Springs Falls Hollow Crossing Heights Hills Creek Ridge Valley Junction Harbor Harbour Bend Gap "
    "Mills Flats Corner Corners Center Centre City Village Beach Grove Landing Bluff Bluffs Lake Park"
)
_DETERMINERS = wordset("The A An This That Our Your His Her Their My Each Every")
_NAME_TOWN_HEADS = wordset("North South East West New Lake Port Fort")
_GLUED_SUFFIX = (
    r"(?:town|ton|land|ville|Ville|berg|burgh|borough|bury|view|port|mouth|stad|furt|chester|fort"
    r"|haven|side|shire|field|ford|wood|bourg|boeuf|nec|dan)"  # the last four: Faker's fr_FR
)
_GLUED = re.compile(rf"(?P<stem>\w+?){_GLUED_SUFFIX}")
# A French town's joined name ("Didier-sur-Mer", "Garcia-sur-Ferrand", "Saint-Lucas-les-Bains")
_JOINED_TOWN = (
    r"(?-i:\b(?:Saint-|Sainte-)?[A-Z][\w'’]+(?:-(?:sur|sous|lès|les|le|la|en|de|du|des|aux|au)-[A-Z][\w'’]+)"
    r"(?:-(?:les|sur)-[A-Z][\w'’]+)?)\b"
)
_TITLE_BEFORE = re.compile(r"(?:dr|mr|mrs|ms|miss|nurse|prof|rn|np|pa|md)\.?\s+$", re.IGNORECASE)
_NOT_TOWN_WORD = wordset(
    "tower wing campus building bldg unit hall lobby entrance parking pavilion annex "
    "floor ward clinic hospital icu"
)
# A synthetic-town shape common in generated data and in real US place names.
_TOWN = (
    r"\b(?:(?:North|South|East|West|New|Lake|Port|Fort|Mount|Glen)\s+[A-Z][a-z]+(?:\s?(?:town|ton|land|ville|berg|burgh"
    r"|borough|bury|view|port|mouth|stad|furt|chester|fort|haven|side|shire|field|ford|wood))?"
    r"|[A-Z][a-z]+(?:town|ton|land|ville|berg|burgh|borough|bury|view|port|mouth|stad|furt|chester|haven|side|shire))\b"
)


_TRIP_TOWN = r"(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}"
_TRIP_DISTANCE = r",?\s+\d{1,4}(?:\.\d)?\s*(?:mi|miles|km)\b"


# Health systems that name each hospital by its town (a brand before the town's name)
_SYSTEMS = (
    r"Mercy|Providence|Kaiser[ ]Permanente|Baptist|Methodist|Presbyterian|Adventist|Sutter|Dignity"
    r"|Ascension|Trinity[ ]Health|Sentara|Banner|Intermountain|Advocate|Atrium[ ]Health|Novant[ ]Health"
    r"|Piedmont|Prisma[ ]Health|Sanford|Essentia|Aurora|Bon[ ]Secours|Geisinger|Ochsner|Beaumont"
    r"|Allina|Fairview|Christus|Covenant|UPMC|OhioHealth|ProMedica|Corewell|Good[ ]Samaritan"
    r"|Northwell|Hackensack[ ]Meridian|Lehigh[ ]Valley|Kettering[ ]Health|SSM[ ]Health|Avera|Ballad"
)


class InstitutionRecognizer(ClinicalPatternRecognizer):
    """Hospitals and clinics: the deployment's list plus name shapes."""

    ENTITY = "LOCATION"
    SUBTYPE = "INSTITUTION"
    # looked for backwards first (`BACKWARDS_FIRST`): a facility word ends it
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"named_facility_strong"})
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "saint_strong",
            r"\b(?:st\.?|saint|ste\.?)\s+[A-Z][a-z]+(?:'s|’s|s)?(?:\s+" + _FACILITY + r")?\b",
            0.7,
        ),
        Pattern("named_facility_strong", rf"\b(?:{_CAP}\s+){{1,3}}{_FACILITY}\b", 0.6),
        Pattern(
            "university_hospital_strong",
            rf"\buniversity\s+of\s+(?:\p{{L}}[\p{{L}}'’.-]+\s+){{1,3}}{_FACILITY}\b",
            0.75,
        ),
        Pattern(
            "facility_prefix_strong",
            r"\b(?:hôpital|hopital|clínica|clinica|klinikum|ospedale|policlinico|szpital|hastanesi|centre\s+hospitalier"
            r"|centro\s+m[ée]dico|hospital\s+(?:de|del|da|do|san|santa|são|sao)|sanatorio|bệnh\s+viện|our\s+lady\s+of)"
            r"\s+(?:(?:de|del|da|do|la|le|san|santa|são|sao|st\.?)\s+)?(?-i:\p{Lu})[\p{L}\p{M}'’-]+(?:\s+(?-i:\p{Lu})[\p{L}\p{M}'’-]+){0,2}",
            0.8,
        ),
        # Where people live together, with the space or lot inside it: "Sunset Mobile Home
        # Park, Space 78", "Pinebrook Apartments", "Cedar Ridge Estates, Lot 90"
        Pattern(
            "residence_strong",
            r"(?-i:\b(?:[A-Z][\w'’-]+\s+){1,3}(?:Mobile\s+Home\s+Park|Trailer\s+Park|RV\s+Park|Apartments|Apts\.?"
            r"|Estates|Manor|Condominiums|Condos|Townhomes|Senior\s+Living|Hospice\s+House|Retirement\s+Community))"
            r"(?:,?\s+(?:space|spc|lot|unit|apt\.?|bldg\.?|#)\s*#?\s*\w{1,5}(?:-\w{1,3})?(?:,?\s*#\s*\d{1,5})?"
            # and the town after the unit, when the line or sentence ends with it
            r"(?:,\s+(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})(?=\s*(?:[.;\n]|$)))?)?",
            0.75,
        ),
        # A school named for its town or a person ("Quimby Middle School", "Tillery Gap
        # Elementary", "Lincoln Primary"): where a student is, as a form or a nurse writes it
        Pattern(
            "school_medium",
            r"(?-i:\b(?:(?:St|Ste|Mt)\.\s+)?(?:[A-Z][\w'’-]+\s+){1,3}(?:Elementary(?:\s+School)?|Middle\s+School|High\s+School"
            r"|Junior\s+High|Primary(?:\s+School)?|Intermediate\s+School|Consolidated\s+Schools?|School\s+District|School))\b"
            # and its town after a comma, at the end of the line ("Lincoln Primary, Duvall Corner")
            r"(?:,[ \t]+(?-i:[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})(?=[ \t]*(?:\n|$)))?",
            0.6,
        ),
        # A health system's name before the town its hospital is in ("Mercy Oshkosh", "Banner
        # Casa Grande"): the town words are checked in `refine`
        Pattern(
            "system_town_medium",
            rf"(?-i:\b(?:{_SYSTEMS})(?:[ ](?:Health|Hospital|Medical[ ]Center))?(?:[ ][-–][ ]|[ ])(?P<v>[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+){{0,2}}))\b",
            0.6,
        ),
        # A VA hospital by its town, after a place word ("resides at the Mount Airy VA")
        Pattern(
            "town_va_medium",
            r"\b(?:the|at|outside|from|to)\s+(?P<v>(?-i:[A-Z][\w'’]+(?:[ ][A-Z][\w'’]+){0,2}[ ]VA))\b(?![ \t]*[\d-])",
            0.6,
        ),
        # A generic hospital word made a name by its place ("Children's Hospital Colorado",
        # "Children's Hospital of Philadelphia", "Shriners Hospitals for Children Boston")
        Pattern(
            "generic_hospital_place_medium",
            r"(?-i:\b(?:Children['’]?s|Childrens|Shriners|Veterans|Women['’]?s|University|Community|County|State"
            r"|Regional|General|Memorial|Baptist|Methodist|Presbyterian|Lutheran|Adventist)[ ](?:Hospitals?|Medical[ ]Center"
            r"|Health(?:[ ]Care|care)?)(?:[ ]for[ ]Children)?(?:[ ]of)?(?:[ ]the)?[ ](?P<place>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))\b",
            0.6,
        ),
        # A town's hospital unit ("the Franklinside ED", "Quimby Urgent Care"): the town
        # words are checked in `refine`, the unit word goes with them
        Pattern(
            "town_unit_medium",
            r"(?-i:\b(?P<town>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)[ ](?:ED|ER|ICU|NICU|PICU|Campus|Urgent[ ]Care|Walk-[Ii]n|Dialysis|Infusion[ ]Center))\b",
            0.6,
        ),
        Pattern(
            "mass_general_strong", r"\b(?:mass|mass\.)\s+(?:general|gen|eye\s+and\s+ear)\b", 0.85
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "at",
        "from",
        "to",
        "transferred",
        "transfer",
        "osh",
        "admitted",
        "sent",
    ]

    def __init__(self, institutions: Sequence[str] = ()) -> None:
        names = sorted(
            {
                n.strip()
                for n in (*institutions, *load_words("institutions.txt", lower=False))
                if n.strip()
            },
            key=len,
            reverse=True,
        )
        patterns = list(self.PATTERNS)
        if names:
            alternation = trie_alternation(names)
            patterns.append(
                Pattern(
                    "listed_institution_strong",
                    rf"(?<![\w-])(?:{alternation})(?:\s+{_FACILITY})?(?![\w-])",
                    0.85,
                )
            )
        super().__init__(patterns=patterns)

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        if name == "listed_institution_strong" and value.split()[-1].lower() not in {
            "hospital",
            "clinic",
        }:
            after = words_after(text, result.end, 1)
            if after and after[0] in _TERM_AFTER:
                return None  # "Parkland formula", "Duke criteria": a term, not the place
        if name in {"system_town_medium", "town_va_medium"}:
            return _branch_town(text, result)
        if name in {"generic_hospital_place_medium", "town_unit_medium"}:
            return _placed_facility(text, result)
        if name == "residence_strong":
            lead = re.match(r"(?:(?:The|At|From|To|In|Meet|Visit|Called)\s+)+", value)
            if lead:
                result.start += lead.end()
            return result if result.start < result.end else None
        if name == "school_medium":
            lead = re.match(r"(?:(?:The|At|From|To|In|Our|Your)\s+)+", value)
            if lead:
                result.start += lead.end()
            words = text[result.start : result.end].split(",")[0].split()
            own = words[: -2 if words[-1] in {"School", "High", "Schools", "District"} else -1]
            if words[-1] == "School" and words[-2] not in {
                "Middle",
                "High",
                "Primary",
                "Intermediate",
            }:
                own = words[:-1]  # "St. Brendan's School"
            lex = lexicon()
            if not own or all(
                w.lower() in _SCHOOL_KINDS or (lex.is_english(w) and not lex.is_name(w))
                for w in own
                if w not in _SAINTS
            ):
                return None  # "Summer School", "Medical School": no place named
            return result
        if name == "named_facility_strong":
            if text[result.end : result.end + 1] == "#":
                return None  # "Case Hosp# 4441663956": a hospital number's label
            trimmed = self._name_part(text, result.start, result.end)
            if trimmed is None:
                return None
            result.start = trimmed
        if name in {"named_facility_strong", "listed_institution_strong", "saint_strong"}:
            # "Mount Sinai West", "Lakeview Regional - North Campus", "Children's Hospital Oakland"
            result.end = facility_trail(text, result.end)
        if name == "saint_strong" and _STREET_BEFORE.search(
            text[max(0, result.start - 40) : result.start]
        ):
            return None  # "4521 Elm St Eugene": a street suffix, then the city
        bare_st = (
            name == "saint_strong"
            and value.split()[0].lower() == "st"
            and value.islower()
            and not value.endswith(("'s", "’s"))
        )
        if bare_st and not any(w in _PLACE_CUES for w in words_before(text, result.start, 2)):
            return None  # "st francis" needs "at"/"from"; "st" alone is often "street" or "stat"
        return result

    def _name_part(self, text: str, start: int, end: int) -> int | None:
        """Start of the facility's own name within a "<words> <facility word>" match.

        "o at Eastfield Memorial Hospital" -> "Eastfield Memorial Hospital"; "the wound clinic"
        and "outside hospital" -> None. Lower-case names need a place cue or a non-English word.
        """
        value = text[start:end]
        facility = _FACILITY_END.search(value)
        if facility is None:
            return None
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", value[: facility.start()])]
        lex = lexicon()
        suffix = facility.group().split()[-1].lower().strip(".")
        for k in range(len(words)):
            if "\n" in value[words[k][0] : facility.start()]:
                continue  # "Abby Thorsen, LCSW\n\nHome visit": a name never runs over a line
            name = [w for _, w in words[k:]]
            own = list(name)
            while own and own[-1].lower() in _UNIT_WORDS:
                own.pop()
            if not own:
                continue  # "Cath Lab", "Occupational Health": a unit, no name before it
            if any(
                w.lower() in _NOT_INSTITUTION_BEFORE
                or len(w) < 2
                or not w[:1].isalpha()
                or (w.endswith(".") and w.lower() not in _TITLE_ABBREVIATIONS)
                for w in name
            ):
                continue  # "Wed. the twelfth too. Lab": a sentence ended inside the name
            titled = all(w[:1].isupper() for w in name)
            if not titled and any(w[:1].isupper() for w in name):
                continue
            at = start + words[k][0]
            cued = _cued_in_sentence(text, at) or text[max(0, at - 4) : at].rstrip().endswith(
                ("->", "→")
            )
            distinctive = len(facility.group().split()) >= 2 or suffix in _DISTINCTIVE_SUFFIX
            if (
                not titled
                and not facility.group()[:1].isupper()
                and not (cued or distinctive or any(not lex.is_english(w) for w in name))
            ):
                return None
            if suffix in _TITLE_ONLY_SUFFIX and not titled and not cued:
                return None
            if (
                suffix == "clinic"
                and len(own) == 1
                and re.search(r"\b(?:the|a|an)\s+$", text[max(0, at - 5) : at], re.IGNORECASE)
                and lex.is_english(own[0])
                and not lex.is_name(own[0])
                and not listed_town(own[0])
            ):
                return None  # "the Falls Clinic", "the Wound Clinic": what it treats, no name
            capital = facility.group()[:1].isupper()
            if suffix in _TITLE_ONLY_SUFFIX and not capital and not cued:
                return None  # "Phlebotomy home draw": a sentence's first word, then a noun
            if _SERVICE_FACILITY.fullmatch(facility.group()) and not (
                capital
                and not any(w.isupper() and len(w) > 1 for w in name)
                and (cued or len(name) > 1 or distinctive or not lex.is_english(name[0]))
            ):
                return None  # "CBC labs", "Morning Labs"; "Quinton Valley Labs" is a place
            return start + int(words[k][0])
        return None


_SAINTS = frozenset({"St.", "Ste.", "Mt."})
# Labels of a policy's numbers that an address line's shape can take for a town ("Grp 70848")
_ID_WORDS = wordset("grp group policy member claim acct account ins plan")
# Kinds of school, not places ("Summer School", "Medical School", "Nursing School"), though
# some are also names
_SCHOOL_KINDS = wordset(
    "summer medical nursing sunday night law graduate boarding public private charter local "
    "secondary grade driving dental business art music dance language flight home catholic "
    "christian pharmacy residency fellowship this that our your the new old"
)
_SENTENCE_END = re.compile(r"[.!?]\s+")


def _cued_in_sentence(text: str, at: int) -> bool:
    """A place cue ("at", "from") among the two words before `at`, in the same sentence:
    "Repeat lab at 6. Phlebotomy home draw" has none before "Phlebotomy"."""
    window = text[max(0, at - 40) : at]
    ends = list(_SENTENCE_END.finditer(window))
    start = max(0, at - 40) + (ends[-1].end() if ends else 0)
    return any(w in _PLACE_CUES for w in words_before(text[start:at], at - start, 2))


_STRONG_STREET = wordset(
    "st street ave avenue rd road blvd boulevard dr drive ln lane ct court pl place ter terrace pkwy parkway cir circle "
    "hwy highway sq square way trl trail plaza crescent cres alley"
)
_STREET_BEFORE = re.compile(
    r"(?<![\w/.-])\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:(?!(?:at|from|to|in|for|with|and|or|the|pts?|patients?|of|on|by)\b)[\w'’.-]+\s+){1,3}$",
    re.IGNORECASE,
)
_SAINT_AFTER = re.compile(
    r"\.?\s+[A-Z][\w-]*(?:'s|’s|s')?(?:\s+(?:hospital|medical|general|regional|memorial|clinic|health)\b|'s|’s|s'|\W*$)"
)
_STOP = wordset(
    "is are was were be been being doing done has have had will would can could not no the a an to in on for with at by of and or it he she they we you i his her"
)
_STREET_MATCH = re.compile(
    rf"{UNIT_FIRST}{HOUSE}\s+(?:[NSEW]\.?\s+)?(?:[\w'’.-]+\s+){{1,3}}?{_STREET}\b", re.IGNORECASE
)
_LEAD = re.compile(rf"{UNIT_FIRST}{HOUSE}", re.IGNORECASE)


class AddressRecognizer(ClinicalPatternRecognizer):
    """Street addresses ("123 Main St", "45 Oak Avenue Apt 3") and ZIP codes in context."""

    NEEDS_DIGIT = True
    ENTITY = "LOCATION"
    SUBTYPE = "ADDRESS"
    # looked for backwards first (`BACKWARDS_FIRST`): a postcode or a ZIP ends them
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset(
        {
            "uk_postcode_after_street_medium",
            "zip4_after_street_town_medium",
            "zip_after_state_strong",
        }
    )
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "street_strong",
            rf"(?<![\w./-]){UNIT_FIRST}{HOUSE}\s+(?:[NSEW]\.?\s+)?(?:[\w'’.-]+\s+){{1,3}}{_STREET}\b\.?{AFTER_DIRECTION}"
            r"(?:,?\s*(?:apt|apartment|unit|suite|ste|bldg|building|lot|fl|floor|rm|trlr|spc|#)\.?\s*#?\w+(?:-\w{1,3})?){0,2}",
            0.75,
        ),
        Pattern(
            "po_box_strong",
            r"\b(?:p\.?\s?o\.?\s*box|p\.?o\.?b\.?|post\s+office\s+box)\s*#?\s*\d+\b",
            0.85,
        ),
        # a post-office box in the words of other languages ("Postfach 4683", "Postbus 3976",
        # "Postboks 599", "Caixa Postal 7286", "Apartado de Correos 9589", "Casella Postale
        # 9846", "skrytka pocztowa 3840", "Boîte postale 12", "Pf. 8533"); not "BP 120" or
        # "PL 250", a blood pressure and platelets, which only an address block's postcode
        # after them makes a box (`bot.detect.address_towns`)
        Pattern(
            "foreign_po_box_strong",
            r"\b(?:postfach|postbus|postboks|postbox|caixa\s+postal|apartado\s+de\s+correos|apdo\."
            r"|casella\s+postale|skrytka\s+pocztowa|bo[iî]te\s+postale|pf\.|postilokero|p\.?\s?o\.?\s?box)"
            r"\s*(?:n[°º.]\s*)?\d{2,6}(?:[ ]\d{2,3}){0,2}\b",
            0.85,
        ),
        # "Box 30516" alone on an address line, or after "mail to", before the town's comma
        Pattern(
            "box_line_strong",
            r"(?:^[ \t]*|(?<=\b(?:to|at|address|mail)\s?:?\s))box\s+\d{1,6}\b(?=[ \t]*(?:,|$))",
            0.8,
        ),
        # a military post office and its ZIP ("APO AE 09012", "FPO AP 96349"), all of it
        # (Faker's addresses plant the whole line), and a ship's name before it ("USS Crawford")
        Pattern(
            "ship_strong",
            r"(?-i:\b(?:USS|USNS|USCGC|USNV)[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)\b",
            0.8,
        ),
        Pattern(
            "zip_after_military_strong",
            r"(?-i:\b(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5}(?:-\d{4})?\b)",
            0.85,
        ),
        Pattern(
            "zip_after_state_strong",
            rf"(?-i:\b(?:{_ANY_STATE_RE}|{_AP_STATE_RE}|{_TERRITORY_RE})),?\s+(?P<v>\d{{5}}(?:-\d{{4}})?)\b",
            0.8,
        ),
        Pattern("zip_plus4_strong", r"(?<![\d-])\b\d{5}-\d{4}\b(?!-)", 0.75),
        # Australian and New Zealand postcodes are four digits: after a state or territory
        # ("Parramatta NSW 2150", "Fitzroy VIC 3065"), or closing a street line's town
        # ("22 Queen St, Auckland 1010"); a time or a count after a street has no town before it
        Pattern(
            "zip_after_au_state_strong",
            r"(?-i:\b(?:NSW|VIC|QLD|TAS|ACT|NT|SA|WA)),?\s+(?P<v>\d{4})\b(?![-\d:.,]\d)",
            0.8,
        ),
        Pattern(
            "zip4_after_street_town_medium",
            rf"\b\d{{1,6}}\s+(?:[\w'’.-]+\s+){{1,3}}{_ANY_STREET}\b\.?,?[ ]+"
            r"(?-i:(?:(?:St|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}),?[ ]+"
            r"(?P<v>\d{4})\b(?![-\d:.,]\d)",
            0.6,
        ),
        Pattern(
            "zip_after_street_medium",
            rf"\b\d{{1,6}}\s+(?:[\w'’.-]+\s+){{1,3}}{_ANY_STREET}\b[^\n]{{0,60}}?\s(?P<v>\d{{5}})\b(?!-)",
            0.6,
        ),
        Pattern(
            "uk_postcode_after_street_medium",
            rf"\b\d{{1,6}}\s+(?:[\w'’.-]+\s+){{1,3}}{_ANY_STREET}\b[^\n]{{0,60}}?\s(?P<v>[a-z]{{1,2}}\d[a-z\d]?\s\d[a-z]{{2}})\b",
            0.6,
        ),
        Pattern("uk_postcode_medium", r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b)", 0.6),
        Pattern(
            "zip_after_town_medium",
            r"(?<![\w./-])\d[^\n,;]{0,40},\s{1,2}(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})"
            r"\s+(?P<v>\d{5}(?:-\d{4})?)\b",
            0.6,
        ),
        # "the 45601 area", "outside the 02139 zip code": a ZIP named as a place
        Pattern(
            "zip_area_medium",
            r"\bthe\s+(?P<v>\d{5})\s+(?:area|zip|zip\s?code|zipcode|postal\s+code|postcode)\b",
            0.7,
        ),
        Pattern(
            "zip_labelled_strong",
            r"\b(?:zip|zipcode|zip\s+code|postal\s+code)\s*:?\s*(?P<v>\d{5}(?:-\d{4})?)\b",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["lives", "address", "at", "on", "home"]
    FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        if name == "zip_after_town_medium":
            town = value_before_zip(text, result.start)
            if town is None:
                return None  # "…, Total 12345": a word and a count, not a town and its ZIP
        if name.startswith("zip"):
            result.recognition_metadata["subtype"] = "ZIP"
            return result
        if name == "street_strong":
            street = _STREET_MATCH.match(value)
            body = value[: street.end()] if street else value
            lead = _LEAD.match(body)
            # the house number itself ("99" of "Flat 10, 99", "1053" of "1053 1/2")
            number = [t for t in (lead.group() if lead else body).split() if t != "1/2"][-1]
            words = [number, *(body[lead.end() :] if lead else body).split()[0 if lead else 1 :]]
            inner = [w.lower().strip(".,") for w in words[1:-1]]
            suffix = words[-1].lower().strip(".,")
            if any(w in _NOT_ADDRESS or w in _STOP for w in inner):
                return None
            if suffix not in _STRONG_STREET and (
                len(words[0].rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")) < 2
                or not all(w[:1].isalpha() for w in words[1:])
            ):
                return None  # "4 is doing well": a common word, not a street type
            last = value.split()[-1].lower().strip(".")
            saint = last == "st" and _SAINT_AFTER.match(text, result.end) is not None
            if (
                (saint or last in {"dr", "pt"})
                and words_after(text, result.end, 1)[:1]
                and text[result.end : result.end + 2].strip()[:1].isupper()
            ):
                return None  # "3 with Dr Lee", "2 St Mary's": a title, not a street type
        return result


_TOWN_BEFORE_ZIP = re.compile(r"(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}\s+$")


def value_before_zip(text: str, zip_start: int) -> str | None:
    """The town written before a ZIP, unless its words are all English ("Total 12345")."""
    town = _TOWN_BEFORE_ZIP.search(text, max(0, zip_start - 40), zip_start)
    if town is None:
        return None
    words = town.group().split()
    lex = lexicon()
    led = words[0] in _TOWN_HEADS and len(words) > 1
    if not led and all(lex.is_english(w) and not lex.is_name(w) for w in words):
        return None
    return str(town.group()).strip()


class CityRecognizer(ClinicalPatternRecognizer):
    """Cities: "City, ST", listed city names, town-shaped names after "from"/"in"/"lives in"."""

    ENTITY = "LOCATION"
    SUBTYPE = "CITY"
    # looked for backwards first (`BACKWARDS_FIRST`): a state, a ZIP or a town ends them
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset(
        {
            "city_state_name_strong",
            "city_state_strong",
            "town_state_zip_line_strong",
            "trip_from_medium",
            "trip_to_medium",
        }
    )
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "city_state_strong",
            rf"(?-i:\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s+{_STATE_RE}\b)",
            0.8,
        ),
        # "Port Quinton, Ohio 51225": a state written out, so only with its ZIP ("Lee, Georgia"
        # alone is a name written last name first)
        Pattern(
            "city_state_name_strong",
            rf"(?-i:\b(?P<v>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}),\s+(?:{_STATE_NAMES}|{_AP_STATE_RE}|{_TERRITORY_RE}),?\s+\d{{5}}(?:-\d{{4}})?\b)",
            0.8,
        ),
        # An address block's last line with no comma ("Lake Davidfort MN 45707", "Trois-Rivières
        # NY 57419"): a town, a state and a ZIP, alone on their line
        Pattern(
            "town_state_zip_line_strong",
            rf"(?-i:^[ \t]*(?P<v>(?:(?:St|Ste|Mt|Ft)\.\s)?\p{{Lu}}[\p{{Ll}}'’]+(?:[ -]\p{{Lu}}[\p{{Ll}}'’]+){{0,2}}),?[ \t]+"
            rf"(?:{_STATE_RE}|{_AP_STATE_RE}|{_TERRITORY_RE}|{_STATE_NAMES}),?[ \t]+\d{{5}}(?:-\d{{4}})?[ \t]*$)",
            0.8,
        ),
        # Faker's and many real towns' shape: a first or last name with a town suffix glued on
        # ("Dianefort", "Curtisview", "Jacksonville"); the name part is checked in `refine`
        Pattern("joined_town_medium", _JOINED_TOWN, 0.6),
        Pattern("town_glued_medium", rf"(?-i:\b[A-Z][a-z]{{2,14}}{_GLUED_SUFFIX}\b)", 0.6),
        # "in the Dogpatch neighborhood", "the Mission District": a part of a town by its name
        Pattern(
            "neighbourhood_medium",
            r"\b(?:in|of|near|from|to|around)\s+the\s+(?P<v>(?-i:[A-Z][a-z][\w'’-]*(?:[ ][A-Z][a-z][\w'’-]*){0,2}))"
            r"\s+(?:neighbou?rhood|district|subdivision|suburb|barrio)\b",
            0.65,
        ),
        Pattern("town_shape_medium", f"(?-i:{_TOWN})", 0.55),
        # A town named by where someone moved or lives, or by a distance from it ("moved here
        # from Crowley Springs", "3 mi north of Vail Crossing"): Title Case words after the cue
        Pattern(
            "town_after_move_medium",
            r"\b(?:(?:moved|relocated|lives|living|resides|residing)\s+(?:here\s+|back\s+|out\s+)?(?:in|to|from|past|near|outside(?:\s+of)?)"
            r"|\d+(?:\.\d)?\s*(?:mi|miles|km)\s+(?:north|south|east|west|[ns][ew]?|[ew])\s+of)\s+"
            r"(?P<v>(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))\b",
            0.6,
        ),
        # "4872 Hwy 57 S, East Callow 90401", "HC 31 Box 8, Ste. Marthe 26456-9094": a town
        # between an address line and its ZIP, whatever its words
        Pattern(
            "town_zip_after_address_medium",
            r"(?<![\w./-])\d[^\n,;]{0,40},\s{1,2}(?P<v>(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))"
            r"\s+\d{5}(?:-\d{4})?\b",
            0.6,
        ),
        # A trip between two towns in a mileage log or a transport note ("Dunhaven to Port
        # Renwick, 38 mi"): the town before "to" and the town after it
        Pattern(
            "trip_from_medium",
            rf"(?-i:\b(?P<v>{_TRIP_TOWN})[ ]to[ ]{_TRIP_TOWN}){_TRIP_DISTANCE}",
            0.6,
        ),
        Pattern(
            "trip_to_medium",
            rf"(?-i:\b{_TRIP_TOWN}[ ]to[ ](?P<v>{_TRIP_TOWN})){_TRIP_DISTANCE}",
            0.6,
        ),
        # The town a visit note names after the home ("seen at home, Vail Crossing.")
        Pattern(
            "town_after_home_medium",
            r"\b(?:at|from)\s+(?:(?:her|his|their|the\s+patient's|pt's)\s+)?home(?:\s+in)?,?\s+"
            r"(?P<v>(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))(?=\s*(?:[.;,(]|\s-\s|$))",
            0.6,
        ),
        # A form's own field for the town ("City: Tillery Gap", "Town/City: Okanee", "Mailing
        # City: LAKE SARAH", "City, State, ZIP: east karlfurt", "Place of residence: Jaén",
        # "County: Cook", "Suburb: North Holly"), to the end of its line or field, in any case
        # a form is filled in (see `_field_town`)
        Pattern(
            "town_field_strong",
            r"(?<![\w/])(?:(?:home|mailing|billing|patient|pt|current|previous|birth|residential|postal)\s+)?"
            r"(?:(?:city|town)(?:\s*[/,]\s*(?:city|town|state|st|province|prov|county|zip|zip\s+code|postcode|postal\s+code)){0,3}"
            r"(?:\s+of\s+(?:birth|residence))?|municipality|home\s?town|place\s+of\s+(?:birth|residence)|birthplace"
            r"|residence|lives\s+in"
            # a subdivision below a state, as forms ask for it (Safe Harbor item 2)
            r"|(?:county|parish|borough|district|township|suburb|village|locality|neighbou?rhood)(?:\s+of\s+residence)?)"
            r"\s*:[ \t]*(?P<v>(?:(?:St|Ste|Mt|Ft)\.\s)?\p{L}[\p{L}\p{M}'’-]*(?:[ ]\p{L}[\p{L}\p{M}'’-]*){0,3})(?=[ \t]*(?:[,;\n]|$|\s{2}|[ \t]\d|[ \t]\p{L}\d))",
            0.75,
        ),
        # A town named by the employer's site in it ("the Quimby depot", "the Harlow Bend
        # distribution center"): Title Case words between "the" and a site noun
        Pattern(
            "town_site_medium",
            r"(?:\bthe|\bsite\s*:|\blocation\s*:)[ \t]+(?P<v>(?-i:[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))\s+"
            r"(?:depot|plant|site|campus|branch|warehouse|distribution\s+cent(?:er|re)|factory|yard|mill"
            r"|terminal|facility|location|store)\b",
            0.6,
        ),
        # A letterhead's or signature's town after the office's name, ending the line
        # ("School Health Office, Tillery Gap", "Occupational Health Dept., Quimby")
        Pattern(
            "town_after_office_medium",
            r"(?-i:\b(?:Office|Department|Dept\.?|Services|Center|Centre|Clinic|Program|Team|Unit|District)),[ \t]+"
            r"(?P<v>(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))(?=[ \t]*(?:\n|$))",
            0.6,
        ),
        # A street named without its number after a preposition ("the laundromat on 79th Ave",
        # "back up Old Mill Ln", "off Rios St E"): Title Case words and a street type
        Pattern(
            "street_name_after_cue_medium",
            r"\b(?:on|off|up|down|along|onto|via|corner\s+of)\s+(?P<v>(?-i:(?:[NSEW]\.?[ ])?(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})"
            r"[ ](?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl|Terrace|Ter|Parkway|Pkwy"
            r"|Highway|Hwy|Pike|Circle|Cir|Trail|Trl|Turnpike|Crossing|Row|Loop|Bend|Ridge|Hollow|Square|Sq)\b\.?"
            r"(?:[ ](?:[NS][EW]|[NSEW])\b)?))",
            0.6,
        ),
        Pattern(
            "city_after_street_medium",
            rf"\b\d{{1,6}}\s+(?:[\w'’.-]+\s+){{1,3}}{_ANY_STREET}\b\.?(?:,?\s*(?:apt|apartment|unit|suite|ste|bldg|building|lot|fl|floor|rm|trlr|spc|\#)\.?\s*\#?\w+)?,\s*(?!(?:apt|apartment|unit|suite|ste|bldg|building|lot|fl|floor|rm|trlr|spc|wife|husband|pt|mom|dad|son|daughter)\b)(?P<v>\p{{L}}[\p{{L}}\p{{M}}'’.-]+(?:\s\p{{L}}[\p{{L}}\p{{M}}'’.-]+){{0,2}}?)(?!\w)(?=\s*(?:[,;:?!)—–]|\s-\s|\d|$|\.|\s[A-Z]{{2}}\b|\s[A-Z]{{1,2}}\d))",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "from",
        "in",
        "lives",
        "near",
        "to",
        "resident",
        "moved",
        "visiting",
        "home",
    ]
    FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        before = words_before(text, result.start, 2)
        cued = any(
            w
            in {
                "from",
                "in",
                "lives",
                "near",
                "to",
                "of",
                "at",
                "resident",
                "visiting",
                "moved",
                "home",
            }
            for w in before
        )
        if name == "street_name_after_cue_medium":
            return _street_name(text, result)
        if name == "town_glued_medium":
            return result if _glued_town(text, result.start, value) else None
        if name == "town_shape_medium" and not cued and not _name_town(text, result.start, value):
            return None
        if (
            name == "city_after_street_medium"
            and value[:1].islower()
            and lexicon().is_english(value.split()[0])
            and not listed_town(value)
        ):
            # "6761 Hart Cove, then 1053 ...": a word, not a town; but a listed town in lower
            # case after the street's comma is the town ("12 oak ave, fresno ca 93721")
            return None
        if value.lower() in load_words("common_words.txt"):
            return None
        if name == "town_field_strong" and not _field_town(value):
            return None
        if id_label(value.split()[0]) or value.split()[0].lower() in _ID_WORDS:
            return None  # "member 7502 8172 RD, acct 5266936224": an identifier's label, no town
        if re.fullmatch(_STATE_NAMES, value) and _ZIP_AFTER.match(text, result.end):
            return None  # "Peterborough, Pennsylvania 81916": the state, which Safe Harbor keeps
        if name == "town_after_move_medium" and (
            value.split()[0] in {"The", "A", "An", "Her", "His", "Their", "Our"}
            or re.fullmatch(_STATE_NAMES, value) is not None
        ):
            return None  # "lives in The Pines", "moved to Florida": no town Safe Harbor counts
        if (
            name in {"city_state_strong", "city_state_name_strong", "town_shape_medium"}
            and not value[:1].isupper()
        ):
            return None
        if name in {
            "city_state_strong",
            "city_state_name_strong",
            "town_shape_medium",
            "town_zip_after_address_medium",
            "town_after_move_medium",
            "town_field_strong",
            "town_site_medium",
            "town_after_office_medium",
            "town_state_zip_line_strong",
            "trip_from_medium",
            "trip_to_medium",
            "town_after_home_medium",
        }:
            lex = lexicon()
            head = re.split(r",", value)[0].split()
            if head[-1].lower() in _NOT_TOWN_WORD:
                return None  # "West Tower", "North Wing": a part of a building
            if name == "town_after_home_medium" and head[0] in _DETERMINERS:
                return None  # "at home, The End."
            # "Lake Harrow, ID", "lives in Port Belfry": a town led by East/West/Lake/Port/New
            # is a town even when its second word is also an English word or an eponym
            led = (head[0] in _TOWN_HEADS and len(head) > 1) or name == "town_field_strong"
            # "Pike Hollow", "Vail Crossing": a word and a place noun, as towns are named
            led = led or (
                len(head) > 1 and head[-1] in _PLACE_TAILS and head[0] not in _DETERMINERS
            )
            zipped = name in {"city_state_name_strong", "town_state_zip_line_strong"} or (
                name != "town_zip_after_address_medium" and _ZIP_AFTER.match(text, result.end)
            )
            if (
                name == "town_shape_medium"
                and not zipped
                and not casing_informative(text)
                and all(lex.is_english(w) and not lex.is_name(w) for w in head[1:])
            ):
                return None  # "Faith In The New Scheduling System": capitals say nothing here
            if not (led or zipped) and (
                any(lex.is_eponym(w) for w in head)
                or all(lex.is_english(w) and not lex.is_name(w) for w in head)
            ):
                return None  # "Hypoglycemia, PA", "Quinton catheter"; "lives in Port Belfry" stays
        if value.endswith(".") and not value.endswith(("St.", "Ste.")):
            result.end -= 1  # "Glen Corwin. ME 04101": the sentence's full stop is not the town's
        after = words_after(text, result.end, 1)
        if after and after[0] in _NOT_CITY_AFTER:
            return None  # "Philadelphia chromosome", "Ottawa ankle rules", "Miami J collar"
        return result


def _field_town(value: str) -> bool:
    """A town field's value as forms fill it in: Title Case as written ("Tillery Gap"); in
    capitals or small letters ("LAKE SARAH", "east karlfurt") a listed town, or words not all
    of them everyday English ones ("same as above", "N/A", "UNKNOWN" are no town)."""
    words = value.split()
    if all(w[:1].isupper() and not w.isupper() for w in words) or len(value) < 2:
        return len(value) >= 2
    if listed_town(value):
        return True
    lex = lexicon()
    # "a" and "I" are words too: "Lake Havasu City: it is a 40-minute drive" holds no town
    return not all(lex.is_english(w) or w.lower() in {"a", "i"} for w in words)


def _glued_town(text: str, start: int, word: str) -> bool:
    """A first or last name with a town suffix glued on, itself no word or name: "Dianefort",
    "Curtisview" (Faker's towns), "Jacksonville"; not "Milton" (a name) or "button" (a word)."""
    glued = _GLUED.fullmatch(word)
    if glued is None or len(glued.group("stem")) < 3:
        return False
    lex = lexicon()
    if lex.is_english(word) or lex.is_name(word) or word.lower() in load_words("common_words.txt"):
        return False
    if _TITLE_BEFORE.search(text, max(0, start - 8), start):
        return False  # "Dr. Ashford": a colleague's surname
    return lex.is_name(glued.group("stem"))  # "Whitefort": "White" is a surname too


def _name_town(text: str, start: int, value: str) -> bool:
    """ "Port Rita", "West Brian", "New Matthewberg": a compass or water head before a given
    name or a glued town, which no person is called; states ("West Virginia") are left out."""
    words = value.split()
    if len(words) != 2 or words[0] not in _NAME_TOWN_HEADS:
        return False
    if re.fullmatch(_STATE_NAMES, value) or _TITLE_BEFORE.search(text, max(0, start - 8), start):
        return False
    lex = lexicon()
    tail = words[1]
    if _glued_town(text, start, tail):
        return True
    return lex.is_name(tail) and not lex.is_english(tail) and not lex.is_ambiguous(tail)


def _street_name(text: str, result: RecognizerResult) -> RecognizerResult | None:
    """A street by its name alone, unless its type is a title ("on Dr Lee's list", "up St
    Mary's") or every word of it is a weekday or month ("follow up Friday Dr.")."""
    words = text[result.start : result.end].split()
    if words[0] in {"The", "A", "An", "My", "Our", "Your", "His", "Her", "Their", "This", "That"}:
        return None  # "On The Shared Drive": a title in Title Case, not a street
    kind = words[-1].rstrip(".") if words[-1].rstrip(".") not in _DIRECTION_WORDS else words[-2]
    after = text[result.end : result.end + 3].strip()
    if kind in {"Dr", "St"} and after[:1].isupper():
        return None
    if all(w.lower() in _CALENDAR for w in words[:-1]):
        return None
    return set_subtype(result, "CITY")


_DIRECTION_WORDS = frozenset({"N", "S", "E", "W", "NE", "NW", "SE", "SW"})
_CALENDAR = wordset(
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday "
    "january february march april may june july august september october november december"
)


def _branch_town(text: str, result: RecognizerResult) -> RecognizerResult | None:
    """A hospital named by a system and a town ("Mercy Oshkosh") or a town and "VA": the whole
    name, unless the town part is only English words ("Mercy General", "the New Patient VA")."""
    value = text[result.start : result.end]
    words = [w for w in value.split() if w != "VA"]
    if words[0] in {"The", "A", "An", "Our", "Your", "This", "That"}:
        return None
    lex = lexicon()
    if any(w.lower() in _CALENDAR for w in words):
        return None  # "the Mercy Sunday service"
    # "Mount Airy", "Port Sandy": a town head before a word; "New Patient" is no town
    led = words[0] in _TOWN_HEADS and len(words) == 2 and not lex.is_english(words[1])
    led = led or (words[0] in {"Mount", "Port", "Fort", "Lake"} and len(words) == 2)
    if not led and all(lex.is_english(w) and not lex.is_name(w) for w in words[-2:]):
        return None
    if pattern_name(result) == "system_town_medium":
        # the system's name goes too: "Mercy" of "Mercy Oshkosh" names the hospital's owner
        systems = list(_SYSTEM_RE.finditer(text, max(0, result.start - 60), result.start))
        if systems:
            result.start = systems[-1].start()
    return result


_SYSTEM_RE = re.compile(rf"(?-i:\b(?:{_SYSTEMS}))")


# What a hospital's name carries after its facility word: a direction or campus ("Mount Sinai
# West", "- North Campus"), or a state written out ("Children's Hospital Colorado")
_FACILITY_TRAIL = re.compile(
    rf"(?-i:[ ](?:North|South|East|West|Downtown|Midtown|Uptown|Main[ ]Campus|{_STATE_NAMES})\b(?:[ ]Campus)?"
    r"|[ ][-–][ ](?:North|South|East|West|Main|Downtown|[A-Z][a-z]+)(?:[ ][A-Z][a-z]+)?(?:[ ]Campus)?)"
    r"\b(?![-'’])"
)
_NEXT_WORDS = re.compile(r"(?-i:[ ]([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?))\b(?![-'’])")
_GENERIC_HEAD = re.compile(
    r"^.*?(?:Hospitals?|Medical[ ]Center|Health(?:[ ]Care|care)?)(?:[ ]for[ ]Children)?(?:[ ]of)?(?:[ ]the)?[ ]"
)


def facility_trail(text: str, end: int) -> int:
    """Where a facility's name really ends: past a direction, a campus, a state or a listed
    town written right after it ("Mount Sinai West", "Children's Hospital Oakland")."""
    trail = _FACILITY_TRAIL.match(text, end)
    if trail is not None:
        return int(trail.end())
    nxt = _NEXT_WORDS.match(text, end)
    if nxt is None:
        return end
    words = nxt.group(1).split()
    for k in (2, 1):
        if len(words) >= k and listed_town(" ".join(words[:k])):
            return end + 1 + len(" ".join(words[:k]))
    return end


def _placed_facility(text: str, result: RecognizerResult) -> RecognizerResult | None:
    """A generic facility or unit named by its place: kept when the place is a state, a town of
    the gazetteer or a town-shaped word ("Franklinside"), not English words ("Main ED")."""
    value = text[result.start : result.end]
    name = pattern_name(result)
    if name == "generic_hospital_place_medium":
        head = _GENERIC_HEAD.match(value)
        place_text = value[head.end() :] if head else ""
    else:
        place_text = value.rsplit(" ", 1)[0]
        if place_text.endswith((" Urgent", " Infusion")):
            place_text = place_text.rsplit(" ", 1)[0]
    words = place_text.split()
    if not words or words[0] in {
        "The",
        "A",
        "An",
        "Our",
        "Your",
        "This",
        "That",
        "Main",
        "New",
        "Old",
    }:
        return None
    if any(w.lower() in _CALENDAR for w in words):
        return None
    lex = lexicon()
    if re.fullmatch(_STATE_NAMES, place_text) or listed_town(place_text):
        return result
    if len(words) == 1 and _glued_town(text, result.start, words[0]):
        return result
    if all(not lex.is_english(w) and not lex.is_first(w) for w in words):
        return result
    return None


def trie_alternation(names: Sequence[str]) -> str:
    """One regex for many case-insensitive names, as a character trie ("mass (?:general|eye)")
    rather than a flat alternation: a flat one retries every name at every position. A
    longer name is tried before its prefix, as the flat one sorted by length did; a space
    matches any run of whitespace."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for name in names:
        node = trie
        for ch in name.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)
