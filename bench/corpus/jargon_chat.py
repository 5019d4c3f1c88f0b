"""A ward's and a unit's Slack channel on a busy shift: clean chatter dense with the words that
look like PHI and are not, beside a minority of posts about one patient (DEV).

A DEV voice, written on 2026-12-08 by the chat precision pass of issue 13 (helper `precision`)
and committed before its first measurement. It is for tuning: the held-out voices stay held
out, and this corpus's figures are dev figures, never evidence. Written from how nurses,
residents, pharmacists and unit clerks post between tasks, not from any other corpus.

NOT PHI (plain text, never gold): eponyms ("Bence Jones protein", "Auer rods", "Kawasaki
disease", "Glasgow coma scale", "Jackson-Pratt", "Swan-Ganz", "Whipple"), drug names and
brands ("Apap", "Zosyn", "Keppra", "Levophed"), abbreviations ("IR", "ROM", "DOA", "Es",
"NBM", "ROSC"), devices and equipment ("Alaris", "Pyxis", "GlideScope", "Hoyer lift"), lab and
unit jargon ("K 3.1", "plt 45", "trop neg x2"), scores ("NEWS2 of 5", "Braden 12", "CURB-65
of 2"), shift logistics ("huddle at 0700", "float pool"), a vendor's, a service's or the
hospital's own phone lines ("Pyxis support 1-800-...", "Biomed ext 4412", "switchboard
0113 ..."), holidays as closures and rotas ("clinic closed Christmas Day", "Boxing Day rota"),
and polls ("Quick poll:"). The colleagues who sign posts are gold NAME with role `staff`, which
the bench hands ours as the workspace's directory.

PHI (gold): a patient's or a relative's name and phone, an MRN (direct), a date tied to the
patient, a holiday among them ("admitted on Boxing Day"), and a bed (quasi).

    python -m bench.corpus.jargon_chat --n 3
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
    lit,
    pii,
    render_slots,
)
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_US", "en_US", "en_GB", "en_CA", "en_AU", "en_IE", "en_NZ")

_EPONYMS = (
    "Bence Jones protein positive on the urine electrophoresis",
    "Auer rods on the smear, haem aware", "Kawasaki disease workup sent, echo requested",
    "Glasgow coma scale 14, was 15 at handover", "Jackson-Pratt drain put out 40 mL serous",
    "Swan-Ganz numbers look better after the diuresis", "Whipple from the first list is back on the unit",
    "Murphy's sign positive, surgical reg aware", "Homans sign is not a thing anymore, get a Doppler",
    "Cheyne-Stokes breathing on and off, family updated by the team",
    "Kussmaul respirations, VBG pending", "Chvostek and Trousseau both negative",
    "Virchow's triad teaching at the huddle", "Frank-Starling slide deck is on the drive",
    "Guillain-Barré protocol needs FVC q4h", "Parkinson's meds are time critical, don't delay",
    "Crohn's flare bundle updated", "Addisonian crisis kit is in the resus trolley",
    "Cushing's triad refresher for the new grads", "Brugada pattern on the ECG, cards to review",
    "Wolff-Parkinson-White on the monitor strip, adenosine not given", "Hartmann's reversal is on the list",
    "Nissen fundoplication patients stay NBM until the swallow", "Salter-Harris II on the x-ray",
    "Colles fracture clinic moved to the plaster room", "Apgar 8 and 9 for the section",
    "Seldinger kit restocked", "Trendelenburg for the line insertion please",
    "Allen test documented before the art line", "Bell's palsy pathway PDF attached",
    "Wernicke's prophylaxis: Pabrinex before glucose", "Gram stain shows gram positive cocci in clusters",
    "Ziehl-Neelsen stain sent", "direct Coombs test positive", "Tanner staging chart is in the clinic room",
    "Mallampati 3, anaesthesia aware", "Child-Pugh B on the new calculator",
    "Hodgkin lymphoma MDT moved to 1300", "Barrett's surveillance list is full",
    "Graves' disease clinic needs a second nurse", "Korotkoff sounds teaching session at 1400",
)  # fmt: skip
_DRUGS = (
    "Apap 1 g q6h prn", "Zosyn 4.5 g q8h extended infusion", "vanc trough before the 4th dose",
    "Keppra 500 mg BID", "Levophed weaning, MAP above 65", "Precedex at 0.4 and RASS -1",
    "Lasix 40 IV given, good response", "Eliquis held for the procedure", "Clexane 40 SC nocte",
    "heparin gtt per the nomogram", "Kcentra is in the blood bank fridge", "TXA 1 g over 10 min",
    "Solu-Medrol 125 stat", "Narcan at the bedside", "Toradol not with that creat",
    "Dilaudid PCA settings checked by two RNs", "Zofran 4 mg ODT", "Reglan before meals",
    "Protonix drip stopped", "Augmentin switched to PO", "Flagyl IV to PO", "Humalog sliding scale",
    "Lantus 20 units nocte", "Oramorph 2.5 mg prn", "Movicol 2 sachets", "senna and Dulcolax PR",
    "Buscopan 20 mg IV", "Entonox cylinder is empty", "Ensure TDS with meals", "Haldol 0.5 mg max",
    "Ativan 1 mg for the seizure", "Tazocin and gent for the febrile neutropenia",
    "ketamine infusion needs the pump with the library", "propofol syringe changed",
)  # fmt: skip
_ABBREVIATIONS = (
    "IR wants the drain site marked", "ROM at 0300, clear liquor", "DOA in resus, family in the relatives room",
    "Es are pending, K was 3.1 at 0600", "NBM from midnight for the OGD", "ROSC after 2 cycles",
    "PEA arrest debrief at 1500", "AF with RVR, rate 140s", "TTE and TEE both booked",
    "U&Es, LFTs and FBC sent", "CXR shows a small effusion", "CT KUB clear", "MRCP then ERCP",
    "LP done, CSF to micro", "POCUS shows a full IVC", "HFNC 40 L at FiO2 0.5", "BiPAP on for sleep",
    "NIV mask sizes restocked", "PICC tip confirmed", "EVD at 10 cmH2O", "ICP 18", "PEG feed paused",
    "SALT review requested", "OT and PT both cleared for home", "MDT moved to 1100", "DNACPR form signed by the reg",
    "TTO meds with pharmacy", "TIA clinic referral sent", "AKI stage 2, fluids up", "CKD 4 so no contrast",
    "COPD exacerbation bundle", "HFrEF, EF 25%", "ESRD, dialysis via the fistula", "SVT resolved with vagal",
    "qSOFA 2, sepsis six started", "CAM-ICU negative", "DVT prophylaxis held",
)  # fmt: skip
_DEVICES = (
    "the Alaris pump in the clean utility is alarming", "Pyxis is down again", "Omnicell count discrepancy",
    "GlideScope blades restocked", "C-MAC screen cracked, sent to biomed", "bladder scanner is on charge",
    "Bair Hugger tubes are in the store room", "SCDs missing from the isolation cart",
    "Flowtron boots on order", "Hoyer lift slings in the laundry", "Sara Stedy is on 5 North",
    "Arjo bath is out of service", "Stryker bed firmware update after 2200", "Hill-Rom bed scale needs recalibrating",
    "Vocera badges are charging at the desk", "Zoll defib check done", "LifePak battery swapped",
    "IntelliVue central station restarted", "Pleur-evac cabinet restocked", "Yankauer and suction tubing out",
    "Ambu bag missing from the resus trolley", "Sengstaken tube is in the GI cupboard",
    "Hickman dressing packs in the line cart", "Port-a-Cath needles, 20G, are on order",
    "Mepilex and Tegaderm back in stock", "Aquacel Ag on back order", "Miami J collar sizes on the shelf",
    "Philadelphia collar is the wrong size", "Thomas splint is in ED", "Ilizarov frame pin care leaflet",
)  # fmt: skip
_LABS = (
    "K 3.1, replaced with 40 mEq PO", "Mg 1.6, 2 g IV running", "Hb 7.2, transfuse 1 unit",
    "plt 45, hold the Clexane", "WBC 14.2 and CRP 180", "lactate 4.1 then 2.3", "trop neg x2",
    "INR 2.8, warfarin held", "BNP 1200", "creat 180 from 95", "eGFR 35", "Na 128, fluid restrict",
    "ABG 7.31/6.2/9.8", "glucose 2.9, treated, now 6.4", "PCT 0.8", "ESR 90", "CK 12000",
    "ammonia 80", "lipase 900", "ferritin 12", "TSH 0.01", "HbA1c 92",
)  # fmt: skip
_SCORES = (
    "NEWS2 of 5, escalated", "Braden 12, pressure care q2h", "Morse falls score 45",
    "Wells score 4, CTPA booked", "CURB-65 of 2", "RASS -2", "pain 6/10 after the Oramorph",
    "GCS 15, AVPU alert", "MEWS 3", "SOFA up by 2", "CHA2DS2-VASc of 4", "HAS-BLED 3",
    "Waterlow 18", "Glasgow-Blatchford 9", "APACHE II 22", "Ranson 3",
)  # fmt: skip
_LOGISTICS = (
    "huddle at 0700 in the staff room", "float pool sending one RN at 1900", "agency nurse on nights",
    "bed meeting at 1100", "two sick calls on nights, staffing office aware", "breaks: first lot at 1230",
    "swap board is up in the break room", "overtime sign-up closes at 1200", "the new rota is out",
    "new grads shadowing on the day shift", "fire drill at 1000, don't panic", "mandatory training slots are on the intranet",
    "Quick poll: pizza or curry for the team lunch?", "Quick poll: who can stay late for the audit?",
    "parking permits renewed at the security office", "the coffee machine is fixed",
    "locker keys are with the unit clerk", "uniform sizes to the unit clerk please",
)  # fmt: skip
_HOLIDAYS = (
    "outpatient clinic closed Christmas Day", "Boxing Day rota is on the board",
    "New Year's Eve party in the staff room after handover", "Thanksgiving potluck sign-up sheet is at the desk",
    "pharmacy shuts early on Christmas Eve", "Easter Monday is a bank holiday, no elective lists",
    "Labor Day: OR runs the emergency list only", "July 4th fireworks, expect burns in ED",
    "Good Friday is on the holiday rota", "Canada Day cover sorted",
    "Anzac Day service at 0600 in the chapel", "St Patrick's Day, expect a busy ED",
)  # fmt: skip
# A vendor's, a service's or the hospital's own line, and the word it is given with.
_ORG_LINES = (
    ("Pyxis support", "tollfree"), ("Biomed", "ext"), ("Stryker service", "tollfree"),
    ("Poison Control", "poison"), ("IT service desk", "local"), ("switchboard", "local"),
    ("blood bank", "ext"), ("the pharmacy main line", "local"), ("Philips helpdesk", "tollfree"),
    ("bed management", "ext"), ("the interpreter line", "tollfree"), ("facilities", "ext"),
    ("the lab front desk", "local"), ("Omnicell", "tollfree"), ("Sodexo catering", "local"),
)  # fmt: skip
_STAFF_ROLES = ("RN", "charge", "pharmacy", "CNM", "unit clerk", "NP", "HCA")
_BEDS = ("bed {n}", "bay {n}", "rm {n}", "room {n}", "side room {n}")
_PATIENT_DATES = (
    "admitted on Boxing Day", "since Christmas Eve", "came in on New Year's Day",
    "admitted {md}", "surgery on {md}", "discharged {md}", "fell at home on {md}",
)  # fmt: skip


def _org_number(rng: random.Random, form: str) -> str:
    if form == "tollfree":
        return f"1-{rng.choice(('800', '866', '877', '888'))}-{digits(rng, 3)}-{digits(rng, 4)}"
    if form == "ext":
        return f"ext {digits(rng, 4)}"
    if form == "poison":
        return "1-800-222-1222"
    if rng.random() < 0.5:
        return f"({rng.randint(201, 989)}) {rng.randint(200, 989)}-{digits(rng, 4)}"
    return f"0{rng.randint(113, 191)} {digits(rng, 3)} {digits(rng, 4)}"


class Shift:
    """One post's colleagues and patient, so a thread's names agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.staff = self.fake.first_name()
        self.doctor = self.fake.last_name()
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.relative = self.fake.first_name()


TEMPLATES: dict[str, list[str]] = {
    "jargon_chat": [
        # clean chatter, several jargon classes to a post
        "{epo}. {drug}.",
        "FYI {epo}; {lab}.",
        "{abbr}. {score}.",
        "{abbr}, {drug}, {lab}",
        "reminder: {device}. {logi}.",
        "{device} - call {org} if it happens again.",
        "{holiday}. {logi}.",
        "{logi}. {holiday}!",
        "{score}; {abbr}; {drug}.",
        "teaching at 1400: {epo}. {epo2}.",
        "{org} for anything after hours. {device}.",
        "pharmacy update: {drug}. {drug2}. Questions to {org}.",
        "{abbr}. {epo}. {lab}. {score}.",
        "heads up, {holiday}; {org} is staffed as normal.",
        "{logi}. {device}. {abbr}.",
        "{epo}, {abbr}",
        # colleagues sign posts (gold staff: the workspace's directory)
        "{device}. Thanks, {staff}",
        "{logi}. {holiday}. - {staff} ({role})",
        "{drug} per Dr {doctor}. {lab}.",
        "@{staff} {abbr}? {score}.",
        "{epo}. Dr {doctor} happy with the plan. {staff}",
        # a patient in the post
        "{bed}: {name}, {pdate}. {drug}. {lab}.",
        "{name} ({bed}) {abbr}; daughter {relative} on {phone}.",
        "{first} in {bed} {pdate}; {epo}. MRN {mrn}.",
        "can someone call {name}'s son back on {phone}? {holiday}, so {org} is closed.",
        "{bed} {last}, {score}, {drug}. {pdate}.",
        "{name}, MRN {mrn}: {epo}. {org} aware.",
    ],
}


def _fill(s: Shift, slot: str) -> list[Part]:
    rng = s.rng
    pools = {
        "epo": _EPONYMS, "epo2": _EPONYMS, "drug": _DRUGS, "drug2": _DRUGS,
        "abbr": _ABBREVIATIONS, "device": _DEVICES, "lab": _LABS, "score": _SCORES,
        "logi": _LOGISTICS, "holiday": _HOLIDAYS, "role": _STAFF_ROLES,
    }  # fmt: skip
    if slot in pools:
        return [lit(rng.choice(pools[slot]))]
    if slot == "org":
        who, form = rng.choice(_ORG_LINES)
        return [lit(f"{who} {'on ' if form != 'ext' else ''}{_org_number(rng, form)}")]
    if slot == "staff":
        return [pii(s.staff, "NAME", "staff")]
    if slot == "doctor":
        return [pii(s.doctor, "NAME", "staff")]
    if slot == "name":
        return [pii(f"{s.first} {s.last}", "NAME", "direct", "names")]
    if slot == "first":
        return [pii(s.first, "NAME", "direct", "names")]
    if slot == "last":
        return [pii(s.last, "NAME", "direct", "names")]
    if slot == "relative":
        return [pii(s.relative, "NAME", "direct", "names")]
    if slot == "phone":
        number = (
            f"{rng.choice(('07700', '0412', '(617)', '021'))} {digits(rng, 3)} {digits(rng, 3)}"
        )
        return [pii(number, "CONTACT", "direct", "telephone numbers")]
    if slot == "mrn":
        return [pii(digits(rng, 8), "ID", "direct", "medical record numbers")]
    if slot == "bed":
        return [pii(rng.choice(_BEDS).format(n=rng.randint(1, 32)), "ROOM", "quasi")]
    if slot == "pdate":
        return _patient_date(rng)
    raise KeyError(slot)


def _patient_date(rng: random.Random) -> list[Part]:
    """A date tied to the patient: the date words gold, the verb before them plain."""
    phrase = rng.choice(_PATIENT_DATES).format(md=f"{rng.randint(1, 12)}/{rng.randint(1, 28)}")
    for lead in ("admitted on ", "came in on ", "since ", "fell at home on ", "admitted ",
                 "surgery on ", "discharged "):  # fmt: skip
        if phrase.startswith(lead):
            return [lit(lead), pii(phrase[len(lead) :], "DATE", "quasi", "dates")]
    raise ValueError(phrase)


def render(template: str, s: Shift) -> list[Part]:
    return render_slots(template, lambda slot: _fill(s, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "jargon_chat") -> list[dict[str, Any]]:
    """`n` channel posts, one template each, by seed alone."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Shift(rng, fakers), render, most_items=1
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="jargon_chat",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
