"""Person names of many origins in the shapes forms, slips, letters, e-mails and agents' notes use.

A DEV voice, written on 2026-12-03 for issue 13's Safe Harbor "names" pass and committed before
its first measurement. It is for tuning: the measured other voices stay held out, and this
corpus's figures are dev figures, never evidence. Written from how such documents name people,
not from any other corpus.

The names are Faker's, from 40-odd locales: English ones (US, UK, Ireland, India, Nigeria,
Kenya, Pakistan, the Philippines), Yoruba, Igbo, Hausa, Swahili, Twi and Zulu ones, European ones
(Spanish, Mexican, Colombian, French, German, Austrian, Italian, Portuguese, Brazilian, Dutch,
Belgian, Polish, Czech, Hungarian, Romanian, Swedish, Finnish, Danish, Turkish, Irish Gaelic),
Vietnamese and Indonesian ones, Japanese and Chinese ones in Faker's romanisation, Korean ones
romanised here (Revised Romanisation, the customary spelling of common surnames), Russian and
Ukrainian ones transliterated (and sometimes left in Cyrillic), and now and then an Arabic or Han
name in its own script. Each is written the way a form or a letter writes it: "Name: First
Last", "LAST, First M.", "F. M. Last", "Mr Last", "Last Jr.", all capitals, all lower case, a
given name alone after "Dear", double surnames and hyphens, particles ("van der", "de la",
"Mac"), apostrophes (O'Neill, D'Souza), and names that are also English words (Faker's own names
whose word is common in English by wordfreq: "Rose Hunter", "Mr Price"). The frames are the
ones such documents put around a name: form labels (Name, Patient, Guarantor, Subscriber,
Emergency contact, Next of kin, Caller, Interpreter for), salutations and sign-offs, "cc:",
"From: Name <mail>", "spoke with X (daughter)", "X called re ...", "per X", "LVM for X".
Staff sign some items (gold staff names, which the bench's staff directory learns); clean items
name nobody, though they use the same labels and sign-offs ("Regards,\\nBilling Office").

    python -m bench.corpus.name_stress --n 3
"""

from __future__ import annotations

import random
import sys
import unicodedata
from collections.abc import Sequence
from functools import cache
from typing import Any

from faker import Faker
from wordfreq import zipf_frequency

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import Part, digits, documents, generator_main, lit, pii, render_slots
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = (
    "en_US", "en_US", "en_US", "en_GB", "en_GB", "en_IE", "en_IN", "en_IN", "en_NG", "yo_NG",
    "ig_NG", "ha_NG", "en_KE", "sw", "tw_GH", "zu_ZA", "en_PK", "en_PH", "es_ES", "es_MX",
    "es_CO", "fr_FR", "fr_CA", "de_DE", "de_AT", "it_IT", "pt_BR", "pt_PT", "nl_NL", "nl_BE",
    "pl_PL", "cs_CZ", "hu_HU", "ro_RO", "sv_SE", "fi_FI", "da_DK", "tr_TR", "ga_IE", "vi_VN",
    "id_ID", "ja_JP", "zh_CN", "zh_TW", "ko_KR", "ru_RU", "uk_UA", "ar_AA",
)  # fmt: skip

ROMANIZED = frozenset({"ja_JP", "zh_CN", "zh_TW"})  # Faker has romanised name lists
CYRILLIC = frozenset({"ru_RU", "uk_UA"})
FOREIGN_SCRIPT = ROMANIZED | CYRILLIC | {"ko_KR"}  # Faker's plain last_name() is not Latin


def _table(text: str) -> list[str]:
    """A transliteration table written as space-separated values ("_" for nothing)."""
    return [v.replace("_", "") for v in text.split()]


_CYR = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяё",
        _table(
            "a b v g g d e ye zh z i i yi y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya yo"
        ),
        strict=True,
    )
)
_CYR_UK = {**_CYR, "и": "y", "г": "h", "і": "i"}


def transliterate(text: str, ukrainian: bool = False) -> str:
    """Cyrillic in the passport style (BGN-like), keeping the capital of each word."""
    table = _CYR_UK if ukrainian else _CYR
    out = []
    for ch in text:
        low = ch.lower()
        if low not in table:
            out.append(ch)
            continue
        lat = table[low]
        out.append(lat.capitalize() if ch != low else lat)
    return "".join(out)


# Hangul: initials, medials and finals in the Revised Romanisation
_KO_INITIAL = _table("g kk n d tt r m b pp s ss _ j jj ch k t p h")
_KO_MEDIAL = _table("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
_KO_FINAL = _table("_ k k k n n n t l k m l l l l l m p p t t ng t t k t p t")
# the customary spellings of common surnames (a passport writes 김 "Kim", not "Gim")
_KO_SURNAMES = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang",
    "조": "Cho", "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo",
    "신": "Shin", "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "류": "Ryu",
    "유": "Yoo", "전": "Jeon", "홍": "Hong", "고": "Ko", "문": "Moon", "양": "Yang",
    "손": "Son", "배": "Bae", "백": "Baek", "허": "Heo", "남": "Nam", "노": "Noh", "하": "Ha",
    "곽": "Kwak", "성": "Sung", "차": "Cha", "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min",
}  # fmt: skip


def romanize_hangul(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(ch)
            continue
        ini, med, fin = code // 588, (code % 588) // 28, code % 28
        out.append(_KO_INITIAL[ini] + _KO_MEDIAL[med] + _KO_FINAL[fin])
    return "".join(out)


def korean_name(fake: Faker, rng: random.Random) -> tuple[str, str]:
    """A Korean given name and surname as a passport or a form writes them ("Ji-hoon", "Kim")."""
    last = fake.last_name()
    first = fake.first_name()
    sur = _KO_SURNAMES.get(last) or romanize_hangul(last).capitalize()
    sylls = [romanize_hangul(c) for c in first]
    given = rng.choice(("-".join(sylls), "".join(sylls), " ".join(sylls))).capitalize()
    if " " in given:
        given = " ".join(s.capitalize() for s in given.split())
    return given, sur


@cache
def word_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Faker's English given names and surnames that are also common English words."""
    fake = Faker("en_US")
    person = next(p for p in fake.providers if "person" in type(p).__module__)

    def common(names: Any) -> tuple[str, ...]:
        keys = sorted(set(names))
        return tuple(n for n in keys if n.isalpha() and zipf_frequency(n.lower(), "en") >= 3.8)

    return common(person.first_names), common(person.last_names)


# particles a surname takes in the languages that write them, and surnames with an apostrophe
PARTICLES = {
    "es": ("de", "del", "de la", "de los"),
    "fr": ("de", "de la", "du", "Le", "d'"),
    "it": ("De", "Di", "Dell'", "D'", "La"),
    "pt": ("da", "dos", "de", "das"),
    "de": ("von", "von der", "zu", "vom"),
    "nl": ("van", "van der", "de", "van den", "ter"),
    "ar": (),
}
APOSTROPHE_SURNAMES = (
    "O'Neill", "O'Hara", "O'Reilly", "D'Souza", "D'Costa", "D'Angelo", "N'Diaye", "N'Dour",
    "Dell'Orto", "L'Estrange", "O'Donoghue", "D'Arcy", "M'Bala", "Ka'ahumanu",
)  # fmt: skip


def _with_particle(locale: str, last: str, rng: random.Random) -> str:
    """The surname with its language's particle, or (elsewhere) a surname with an apostrophe."""
    particles = PARTICLES.get(locale[:2])
    if particles is None:
        return rng.choice(APOSTROPHE_SURNAMES) if rng.random() < 0.3 else last
    if not particles or " " in last or "'" in last:
        return last
    particle = rng.choice(particles)
    return f"{particle}{last}" if particle.endswith("'") else f"{particle} {last}"


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch in ".-_"))


class Person:
    """One named person: given name(s), surname, sex, and the locale they were drawn from."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choice(LOCALES)
        fake = fakers[self.locale]
        fake.seed_instance(rng.getrandbits(32))
        self.female = rng.random() < 0.5
        self.script = ""  # a non-Latin spelling kept as written
        if self.locale in ROMANIZED:
            sex = "_female" if self.female and self.locale != "zh_CN" else ""
            sex = "_male" if not self.female and self.locale != "zh_CN" else sex
            first = getattr(fake, f"first_romanized_name{sex}")()
            last = fake.last_romanized_name()
        elif self.locale == "ko_KR":
            first, last = korean_name(fake, rng)
        elif self.locale == "ar_AA":
            first, last = fake.first_name(), fake.last_name()
            self.script = "Arabic"
        else:
            first = fake.first_name_female() if self.female else fake.first_name_male()
            last = fake.last_name()
            if self.locale in CYRILLIC:
                if rng.random() < 0.8:
                    uk = self.locale == "uk_UA"
                    first, last = transliterate(first, uk), transliterate(last, uk)
                else:
                    self.script = "Cyrillic"
        if self.locale.startswith("en_") and not self.script and rng.random() < 0.25:
            firsts, lasts = word_names()
            if rng.random() < 0.5:
                first = rng.choice(firsts)
            else:
                last = rng.choice(lasts)
        if not self.script and rng.random() < 0.2:
            last = _with_particle(self.locale, last, rng)
        if self.locale.startswith("es_") and rng.random() < 0.4:
            last = f"{last} {fake.last_name()}"  # both surnames
        elif not self.script and rng.random() < 0.08 and self.locale not in FOREIGN_SCRIPT:
            last = f"{last}-{fake.last_name()}"
        self.first, self.last = first.strip(), last.strip()
        self.middle = "" if self.script or self.locale == "ko_KR" else fake.first_name()
        if self.locale in ROMANIZED:
            self.middle = fake.first_romanized_name()
        elif self.locale in CYRILLIC:
            self.middle = transliterate(self.middle, self.locale == "uk_UA")
        self.suffix = rng.choice(("Jr.", "Sr.", "II", "III", "Jr")) if (
            self.locale in {"en_US", "en_PH"} and rng.random() < 0.3
        ) else ""  # fmt: skip
        self.mail_domain = fake.free_email_domain()

    @property
    def title(self) -> str:
        if self.locale[:2] == "es":
            return "Sra." if self.female else "Sr."
        if self.locale[:2] == "fr":
            return "Mme" if self.female else "M."
        if self.locale[:2] == "de":
            return "Frau" if self.female else "Herr"
        return self.rng.choice(("Mrs", "Ms", "Ms.", "Mrs.") if self.female else ("Mr", "Mr."))

    def email(self) -> str:
        first, last = _ascii(self.first).lower(), _ascii(self.last.replace(" ", "")).lower()
        user = f"{first}.{last}" if first and last else f"patient{digits(self.rng, 4)}"
        return f"{user}@{self.mail_domain}"


def _initial(word: str) -> str:
    return f"{word[0]}."


def name_shape(p: Person, rng: random.Random, shape: str = "") -> str:
    """The person's name in one of the shapes documents write."""
    if p.script:
        return rng.choice((f"{p.first} {p.last}", f"{p.last} {p.first}"))
    mid = _initial(p.middle) if p.middle else ""
    suffix = f" {p.suffix}" if p.suffix else ""
    shapes = {
        "full": f"{p.first} {p.last}{suffix}",
        "middle": f"{p.first} {mid} {p.last}{suffix}",
        "middle_full": f"{p.first} {p.middle} {p.last}",
        "initials": f"{_initial(p.first)} {mid} {p.last}",
        "initial": f"{_initial(p.first)} {p.last}",
        "inverted": f"{p.last}, {p.first}",
        "inverted_mid": f"{p.last}, {p.first} {mid}",
        "form": f"{p.last.upper()}, {p.first} {mid}",
        "caps": f"{p.first} {p.last}{suffix}".upper(),
        "caps_inverted": f"{p.last}, {p.first}".upper(),
        "lower": f"{p.first} {p.last}".lower(),
        "title": f"{p.title} {p.last}",
        "title_full": f"{p.title} {p.first} {p.last}",
    }
    if not shape:
        shape = rng.choices(list(shapes), weights=(8, 3, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 1))[0]
    return shapes[shape].replace("  ", " ").strip()


RELATIONS = (
    "daughter", "son", "wife", "husband", "mother", "father", "mum", "sister", "brother",
    "niece", "nephew", "partner", "carer", "guardian", "neighbour", "grandson", "granddaughter",
    "daughter-in-law", "POA", "friend",
)  # fmt: skip
TOPICS = (
    "the bill", "her statement", "his statement", "the invoice", "a refill", "the appt",
    "appointment time", "parking", "the balance", "a payment plan", "lab results", "the referral",
    "records request", "insurance card", "the estimate", "a refund", "the letter we sent",
)  # fmt: skip
OFFICES = (
    "Billing Office", "Patient Accounts", "Patient Relations", "Registration", "Scheduling",
    "Medical Records", "The Front Desk Team", "Customer Service", "Health Information Management",
)  # fmt: skip

TEMPLATES: dict[str, list[str]] = {
    "name_stress": [
        # registration forms
        "PATIENT REGISTRATION\nName: {name}\nDOB: {dob}\nPhone: {phone}\nEmergency contact: "
        "{rel} ({relation}) {phone2}",
        "Patient: {form}\nGuarantor: {rel_form}\nRelationship to patient: {relation}",
        "Subscriber name: {caps}\nPatient name: {rel_caps}\nGroup #: {num}",
        "Full name (last, first): {inverted}\nPreferred name: {first}\nSex: {sex}",
        "Next of kin: {rel}, {relation}, tel {phone}",
        "Emergency Contact Name: {rel_caps}   Relationship: {relation}   Phone: {phone}",
        "Responsible party: {rel} / patient: {name}",
        "Name of patient {name} Date {date}\nSignature of guardian {rel}",
        "Interpreter needed for {name} (language: {language}).",
        # phone slips and agents' notes
        "PHONE MESSAGE\nFor: {staff}\nCaller: {name}\nRe: {topic}\nCall back {phone}",
        "Caller: {rel} ({relation} of {name}). Wants to talk about {topic}.",
        "{name} called re {topic}, pls call back {phone}.",
        "{lower} called re {topic}",
        "spoke with {rel} ({relation}) about {topic}; {first} is aware.",
        "LVM for {title} at {phone} re {topic}.",
        "{date} spoke w/ {rel_title} ({relation}); pt {name} to come in {date2}.",
        "Left message with {rel_first} ({relation}) for {title} to call us.",
        "per {rel} ({relation}), {name} moved in with her.",
        "Agent note {date}: {caps} disputes the charge; {relation} {rel} on the line too.",
        "Call from {initials}, asked for {staff}. Ref {num}.",
        "Transferred {name} to {staff} in billing.",
        # letters
        "Dear {title},\n\nOur records show a balance of ${amount} on your account {num}. "
        "Please call us on {phone}.\n\nRegards,\n{staff}\n{office}",
        "Dear {first},\n\nThank you for your payment of ${amount}.\n\nKind regards,\n{office}",
        "Dear {title_full},\n\nRe: {name}, date of birth {dob}\n\nWe write on behalf of your "
        "{relation}.\n\nYours sincerely,\n{staff}",
        "Re: {form} (DOB {dob})\n\nDear Dr {doctor},\nI am writing about my {relation_of} care."
        "\n\nSincerely,\n{rel}",
        "To whom it may concern,\n\nI authorise {rel} ({relation}) to discuss my account.\n\n"
        "Signed,\n{name}",
        "Dear Sir or Madam,\nI dispute invoice {num}.\nYours faithfully,\n{middle}",
        "Thank you for your letter.\nBest wishes,\n{first}\n\n{name}\n{phone}",
        "cc: {rel}, {staff}",
        "cc: {name} (patient); {office}",
        # e-mails
        "From: {name} <{email}>\nTo: billing@example.org\nSubject: statement {num}\n\nHi, my "
        "{relation} {rel_first} said I should write.\n\nThanks,\n{first}",
        "From: {caps} <{email}>\nSent: {date}\nSubject: Re: appointment\n\nPlease move it.",
        "On {date}, {name} <{email}> wrote:\n> can I pay by card?",
        "Hi {first},\nyour {relation} {rel} asked us to send the letter to {email}.\nThanks, "
        "{staff}",
        "Reply-To: {inverted} <{email}>\nSubject: records for {rel}",
        # clean: nobody in them, the same labels and sign-offs
        "PHONE MESSAGE\nFor: Billing\nCaller: (no name left)\nRe: statement\nCall back: unknown",
        "Dear Patient,\n\nOur office will be closed on public holidays.\n\nRegards,\n{office}",
        "Name: ____________  DOB: ____________  Emergency contact: ____________",
        "cc: {office}; Patient Accounts",
        "From: Scheduling <noreply@example.org>\nSubject: Your appointment reminder\n\nReply "
        "YES to confirm.",
        "Dear colleagues,\nthe new guarantor forms are in the top drawer.\nBest wishes,\nThe "
        "Front Desk Team",
        "Caller hung up before giving a name. No callback number.",
        "Spoke with the pharmacy about the refill; they will fax it.",
        "Kind regards,\nCustomer Service\nMon-Fri 8-5",
    ],
}

SLOT_SHAPES = {
    "name": "",
    "form": "form",
    "caps": "caps",
    "inverted": "inverted",
    "lower": "lower",
    "title": "title",
    "title_full": "title_full",
    "initials": "initials",
    "middle": "middle_full",
}
LANGUAGES = ("Spanish", "Polish", "Vietnamese", "Mandarin", "Arabic", "Yoruba", "Korean", "Russian")


class Household:
    """The patient or account holder, a relative, and the staff member who writes."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.person = Person(rng, fakers)
        self.relative = Person(rng, fakers)
        same_script = self.person.script == self.relative.script
        if same_script and rng.random() < 0.6:  # families often share a surname
            self.relative.last = self.person.last
        self.relation = rng.choice(RELATIONS)
        staff = fakers["en_US" if rng.random() < 0.6 else rng.choice(LOCALES[:20])]
        self.staff = f"{staff.first_name()} {staff.last_name()}"
        self.doctor = staff.last_name()
        self.fake = fakers["en_US"]


def _fill(h: Household, slot: str) -> Part:
    rng = h.rng
    p, r = h.person, h.relative
    if slot in SLOT_SHAPES:
        return pii(name_shape(p, rng, SLOT_SHAPES[slot]), "NAME", "direct", "names")
    if slot.startswith("rel_") and slot[4:] in SLOT_SHAPES:
        return pii(name_shape(r, rng, SLOT_SHAPES[slot[4:]]), "NAME", "direct", "names")
    names = {"rel": name_shape(r, rng), "first": p.first, "rel_first": r.first}
    if slot in names:
        return pii(names[slot], "NAME", "direct", "names")
    if slot == "staff":
        return pii(h.staff, "NAME", "staff")
    if slot == "doctor":
        return pii(h.doctor, "NAME", "staff")
    if slot == "email":
        return pii(p.email(), "CONTACT", "direct", "electronic mail addresses")
    if slot in {"phone", "phone2"}:
        return pii(h.fake.phone_number(), "CONTACT", "direct", "telephone numbers")
    if slot in {"dob", "date", "date2"}:
        day = h.fake.date_of_birth(minimum_age=0, maximum_age=95) if slot == "dob" else (
            h.fake.date_between("-1y", "today")
        )  # fmt: skip
        text = rng.choice((day.strftime("%m/%d/%Y"), day.strftime("%d %b %Y"), day.isoformat()))
        return pii(text, "DATE", "direct" if slot == "dob" else "quasi", "dates")
    if slot == "num":
        return pii(
            f"{rng.choice(('', 'A', 'INV-'))}{digits(rng, 7)}", "ID", "direct", "account numbers"
        )
    plain = {
        "relation": h.relation,
        "relation_of": f"{h.relation}'s",
        "topic": rng.choice(TOPICS),
        "office": rng.choice(OFFICES),
        "amount": f"{rng.randint(12, 2400)}.{rng.randint(0, 99):02d}",
        "sex": "F" if p.female else "M",
        "language": rng.choice(LANGUAGES),
    }
    return lit(plain[slot])


def render(template: str, h: Household) -> list[Part]:
    return render_slots(template, lambda slot: _fill(h, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "name_stress") -> list[dict[str, Any]]:
    """`n` documents of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n,
        seed,
        split,
        TEMPLATES[split],
        lambda rng: Household(rng, fakers),
        render,
        between="\n\n",
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="name_stress",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
