"""Non-PHI fillers that look like PHI to a naive detector: the hard negatives of the corpus.

Eponyms (diseases, signs, scores, procedures, devices) look like names; doses, vitals, exam
grades and scores look like dates or IDs; Slack markup looks like names or links.
"""

from __future__ import annotations

from bench.corpus.slots import Ctx, Seg, lit

EPONYMS = [
    "Parkinson's", "Crohn's flare", "Hodgkin lymphoma", "non-Hodgkin lymphoma", "Graves' disease",
    "Bell's palsy", "Whipple", "a Whipple procedure", "Foley", "the Foley", "Swan-Ganz", "Murphy's sign",
    "Alzheimer's dementia", "Addison's", "Cushing's", "Hashimoto's", "Guillain-Barré", "Kawasaki disease",
    "Marfan syndrome", "Down syndrome", "Huntington's", "Wilson's disease", "Raynaud's", "Sjögren's",
    "Barrett's esophagus", "Babinski sign", "Kernig's sign", "McBurney's point tenderness",
    "Rovsing's sign", "Romberg positive", "Mallory-Weiss tear", "Boerhaave", "Zenker's diverticulum",
    "Meckel's diverticulum", "Wernicke's encephalopathy", "Stevens-Johnson syndrome", "Kaposi sarcoma",
    "Ewing sarcoma", "Wilms tumor", "Burkitt lymphoma", "tetralogy of Fallot", "Wolff-Parkinson-White",
    "Brugada pattern", "Mobitz II", "Cheyne-Stokes breathing", "Kussmaul respirations", "Kerley B lines",
    "Osler nodes", "Janeway lesions", "Roth spots", "Virchow's triad", "Beck's triad", "Charcot's triad",
    "Courvoisier sign", "Grey Turner sign", "Cullen's sign", "Tinel's sign", "Phalen's test",
    "Lachman test", "McMurray test", "Trendelenburg gait", "Nissen fundoplication", "Roux-en-Y",
    "Hartmann's procedure", "Ivor Lewis esophagectomy", "Pfannenstiel incision", "Seldinger technique",
    "Epley maneuver", "Valsalva", "Hickman line", "Port-a-Cath", "Jackson-Pratt drain", "JP drain",
    "Sengstaken-Blakemore tube", "Dobhoff", "Smith's fracture", "Colles' fracture", "Monteggia fracture",
    "Galeazzi fracture", "Jones fracture", "Bennett fracture", "Lisfranc injury", "Baker's cyst",
    "Dupuytren's contracture", "Ludwig's angina", "Fournier's gangrene", "Pott's disease",
    "Paget's disease", "Takotsubo", "Prinzmetal angina", "Dressler syndrome", "Conn's syndrome",
    "Sheehan syndrome", "Reye syndrome", "Tourette's", "Asperger's", "Lyme disease", "Bowen's disease",
    "Hirschsprung", "Legg-Calvé-Perthes", "Osgood-Schlatter", "Ringer's lactate", "lactated Ringer's",
    "Bair Hugger", "Yankauer", "Ambu bag", "Gram stain", "Ziehl-Neelsen stain", "Coombs positive",
    "Homans' sign", "Chvostek sign", "Trousseau sign", "Kehr's sign", "Levine sign",
]

DEVICES = [
    "Foley", "Swan-Ganz", "Hickman", "JP drain", "Dobhoff", "Yankauer", "Bair Hugger", "Ambu bag",
    "Sengstaken-Blakemore", "Port-a-Cath", "Pleur-evac", "Salem sump", "Minnesota tube", "Broviac",
    "Groshong", "Penrose drain", "Blake drain", "Quinton", "Mahurkar", "Tenckhoff", "Hemovac",
    "Miller blade", "Macintosh blade", "GlideScope", "Bovie", "Holter monitor", "Zoll pads",
    "Jackson-Pratt", "Pigtail", "Mac 3", "Heimlich valve", "Thomas splint", "Sager splint",
    "Philadelphia collar", "Miami J collar", "Steri-Strips", "Coudé catheter", "Pyxis", "Alaris pump",
]

PROCEDURES = [
    "Whipple", "Nissen", "Roux-en-Y", "Hartmann's", "Ivor Lewis", "Epley", "Seldinger", "Kasai",
    "Ross procedure", "Fontan", "Glenn", "Norwood", "Bentall", "Mohs", "Billroth II", "Puestow",
    "Heller myotomy", "Lichtenstein repair", "Bankart repair", "Latarjet", "Girdlestone",
    "Kocher maneuver", "Pringle maneuver", "Valsalva", "Leopold maneuvers", "McRoberts maneuver",
    "Heimlich", "Pfannenstiel", "Cesarean", "Trendelenburg", "Sellick maneuver", "Dix-Hallpike",
]

SCORES = [
    "Apgar 8/9", "Apgars 7 and 9", "Wells score 4", "Wells 1.5", "Gleason 3+4", "Gleason 4+3=7",
    "GCS 15", "GCS 3", "GCS E2V1M4", "NIHSS 6", "CURB-65 of 2", "qSOFA 2", "SOFA 9", "APACHE II 22",
    "CHA2DS2-VASc 4", "HAS-BLED 3", "HEART score 5", "TIMI 3", "MELD 24", "Child-Pugh B", "Ranson 3",
    "Glasgow-Blatchford 12", "Alvarado 7", "Bishop score 8", "Braden 12", "Morse 45", "PHQ-9 of 14",
    "CIWA 18", "COWS 11", "RASS -2", "CAM-ICU positive", "Mallampati 3", "ASA 3", "NYHA III",
    "Killip II", "BI-RADS 4", "Lung-RADS 3", "TI-RADS 4", "Breslow 1.2 mm", "Clark level IV",
    "T2N1M0", "Hunt and Hess 3", "Fisher grade 3", "Spetzler-Martin II", "Centor 3", "PERC negative",
    "Ottawa rules negative", "Mentzer index 11",
]

DOSES = [
    "Norco 5/325", "Percocet 10/325", "Norco 10/325 q6h prn", "Vicodin 5/300", "Percocet 5/325 1-2 tabs",
    "Tylox 5/500", "augmentin 875/125 BID", "Bactrim DS 800/160", "zosyn 4.5 g q6h",
    "vanc 1.25 g q12h", "metoprolol 25 mg BID", "heparin 5000 units SQ q8h", "lasix 40 IV x1",
    "insulin glargine 22 units qhs", "ceftriaxone 2 g daily", "apixaban 5 mg BID", "K-Dur 40 mEq",
    "mag 2 g IV", "D5 1/2NS at 75/hr", "1/2 NS", "NS 1 L bolus", "morphine 2-4 mg q2h prn",
    "keppra 500/500", "advair 250/50", "symbicort 160/4.5", "combivent 20/100", "entresto 24/26",
    "sinemet 25/100", "duoneb q4h", "ondansetron 4 mg IV q8h", "amox-clav 500/125 TID",
    "tdap", "pip-tazo 3.375", "dexamethasone 10 mg", "alteplase 0.9 mg/kg", "TPA at 1430",
]

VITALS = [
    "BP 120/80", "BP 88/50", "bp 170/95", "HR 112", "RR 24", "SpO2 94%", "sat 88% on RA", "T 38.9",
    "Tmax 39.2", "MAP 58", "O2 sat 91% on 4L NC", "BP 92/60 HR 118", "CVP 14", "PA 45/22",
    "wt 82.4 kg", "BMI 31", "I/O 1.2/0.8", "UOP 20 cc/hr", "FiO2 60% PEEP 10", "vent 450/14/5/40%",
    "HR 54 in sinus", "ETCO2 32", "pain 7/10", "pain 0/10", "glucose 312", "FSBG 54",
]

EXAMS = [
    "3/6 murmur", "2/6 SEM at RUSB", "5/5 strength", "4/5 strength LLE", "2+ pulses", "1+ edema",
    "A&Ox3", "AOx4", "PERRLA", "CN II-XII intact", "reflexes 2+ symmetric", "4/4 blood cx positive",
    "grade 2/4 varices", "stage 3 pressure injury", "3+ pitting edema", "1/2 NS",
    "2/2 pneumonia", "EOMI", "no JVD", "6/6 vision", "20/40 OD", "Mobitz I", "0/3 signs",
]

LABS = [
    "trop 0.04", "troponin 2.1", "K 3.2", "K 6.1", "Hgb 7.9", "Hb 6.8", "INR 2.3", "lactate 4.1",
    "WBC 14.2", "Cr 1.8 from 1.1", "bili 3.4", "Na 128", "plt 45k", "BNP 1840", "A1c 9.2%",
    "TSH 0.01", "lipase 1200", "CK 14000", "pH 7.21/pCO2 58", "ABG 7.31/48/62", "ALT 450 AST 380",
    "d-dimer 2.4", "procal 3.1", "CRP 180", "ESR 95", "ammonia 112", "Mg 1.4", "phos 1.9",
    "anion gap 22", "HCO3 14", "BUN/Cr 48/2.1", "CD4 180", "VL 40k", "ferritin 1200", "ANC 400",
    "retic 4.2%", "LDH 620", "tacro level 12.4", "vanc trough 22", "urine tox +",
]

DX = [
    "NSTEMI", "CHF exacerbation", "COPD flare", "DKA", "sepsis 2/2 UTI", "SBO", "PE", "afib w RVR",
    "ESRD on HD", "cellulitis", "pancreatitis", "GI bleed", "stroke", "hip fx", "appendicitis",
    "pyelo", "AKI", "hyperkalemia", "syncope", "new onset seizure", "SAH", "asthma exacerbation",
    "cholecystitis", "bronchiolitis", "febrile neutropenia", "alcohol withdrawal", "ACS", "hypoglycemia",
]

COURSE = [
    "day 5/7 of ceftriaxone", "POD #2", "POD 1", "HD 3", "HD#4", "C2D1 of FOLFOX", "cycle 3/6 of R-CHOP",
    "G3P2", "G2P1 at 38/40", "1:1 sitter", "2:1 AV block", "x3 days", "wk 2 of 6 of vanc", "day 10/14 abx",
    "s/p 2 units pRBC", "EF 35%", "24h urine", "12-lead", "10/10 pain", "3/4 sets of cultures", "q2h neuro checks",
]

TIMES = ["at 1400", "at noon", "at 0730", "at 7", "@ 3pm", "at 16:30", "at 0200", "by 5", "around 11",
         "at 1pm", "at 6:45", "at 2300"]

EMOJI = [":pray:", ":thumbsup:", ":+1:", ":white_check_mark:", ":eyes:", ":rotating_light:", ":hospital:",
         ":coffee:", ":tada:", ":warning:", ":ambulance:", ":pill:", ":syringe:", ":heart:", ":100:"]

CHANNELS = ["icu-team", "ed-handoff", "hospitalist", "cards-fellows", "nursing-5west", "peds-residents",
            "onc-consults", "rad-reads", "gen-surg", "pharmacy", "it-help", "random"]


def _slack_id(c: Ctx, prefix: str) -> str:
    return prefix + "".join(c.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(c.rng.randint(8, 10)))


def f_mention(c: Ctx) -> list[Seg]:
    return [lit(f"<@{_slack_id(c, 'U')}>", raw=True)]


def f_chan(c: Ctx) -> list[Seg]:
    return [lit(f"<#{_slack_id(c, 'C')}|{c.choice(CHANNELS)}>", raw=True)]


def f_here(c: Ctx) -> list[Seg]:
    return [lit(c.choice(["<!here>", "<!channel>", "@here", "@channel"]), raw=True)]


def f_emoji(c: Ctx) -> list[Seg]:
    return [lit(c.choice(EMOJI), raw=True)]


def _pick(items: list[str]) -> object:
    def filler(c: Ctx) -> list[Seg]:
        return [lit(c.choice(items))]

    return filler


FILLERS = {
    "epo": _pick(EPONYMS), "device": _pick(DEVICES), "proc": _pick(PROCEDURES), "score": _pick(SCORES), "dose": _pick(DOSES), "vital": _pick(VITALS),
    "exam": _pick(EXAMS), "course": _pick(COURSE), "lab": _pick(LABS), "dx": _pick(DX), "time": _pick(TIMES),
    "mention": f_mention, "chan": f_chan, "here": f_here, "emoji": f_emoji,
}
