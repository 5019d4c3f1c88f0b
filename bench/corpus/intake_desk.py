"""A registration and intake desk's log, and an insurer's call notes, in many locales.

A DEV voice, written on 2026-12-03 by engineer 28 for issue 13's leak pass, and committed before
its first measurement. It is for tuning: the measured other voices stay held out, and this
corpus's figures are dev figures, never evidence. Written from how such logs read, not from any
other corpus.

The voice: the desk's shift log pasted into chat ("08:42 walk-in ..., DOB ..., card ..."), the
insurer's agent notes on a call ("Call 2025-03-04 14:02, member ..., claim ..., promised a
callback"), intake forms filled in by hand, and the notes of staff who write in their own
language (German, French, Spanish, Italian, Dutch, Portuguese, Polish, Danish, Norwegian, Czech,
Romanian, Turkish) beside English ones (US, UK, Canada, Australia, India). Dates are Faker's,
written in every common strftime shape (numeric in each order and separator, with and without
leading zeros, two- and four-digit years, ISO with a time, compact, month names full and short in
the locale's language, weekdays, "de", "le", "den", ordinal suffixes), so the detector meets the
formats people and systems print, not one letter style. "Any other unique number" comes in every
shape a desk copies (account, claim, case, ticket, reference, authorisation, member, policy,
order, booking, file, call, transaction, voucher numbers) as Faker's providers and hand-made
shapes write them: short or long, digits or letters, with dashes, slashes, dots, spaces and
hashes, lower case, glued to their label ("REF4471", "case#88-12"), after a label in English or
in the locale's language, or beside the patient's name with no label at all.

    python -m bench.corpus.intake_desk --n 3
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import (
    Part,
    day_suffix,
    digits,
    documents,
    generator_main,
    letters,
    lit,
    pii,
    render_slots,
)
from bench.corpus.voice_kit import (
    fakers as stable_fakers,
)

LOCALES = (
    "en_US", "en_US", "en_GB", "en_CA", "en_AU", "en_IN", "de_DE", "de_AT", "fr_FR", "fr_CA",
    "es_ES", "es_MX", "it_IT", "nl_NL", "pt_BR", "pt_PT", "pl_PL", "da_DK", "no_NO", "cs_CZ",
    "ro_RO", "tr_TR",
)  # fmt: skip

# The label a desk writes before each kind of number, in English and in the locale's language
# (only the languages this voice writes; others fall back to English).
LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "account": {
        "en": ("Account no.", "Acct #", "account number", "A/C", "Acct:"),
        "de": ("Kundennummer", "Konto-Nr.", "Kd.-Nr."),
        "fr": ("N° de compte", "numéro client", "compte n°"),
        "es": ("N.º de cuenta", "número de cliente", "cuenta"),
        "it": ("codice cliente", "conto n."),
        "nl": ("klantnummer", "rekeningnr."),
        "pt": ("n.º de cliente", "conta nº"),
        "pl": ("nr klienta", "numer konta"),
        "da": ("kundenummer",),
        "no": ("kundenummer",),
        "cs": ("číslo zákazníka",),
        "ro": ("cod client",),
        "tr": ("müşteri no",),
    },
    "claim": {
        "en": ("Claim #", "claim no.", "Claim number:", "claim ref", "CLAIM"),
        "de": ("Schadennummer", "Leistungsfall-Nr.", "Antragsnr."),
        "fr": ("n° de sinistre", "dossier de remboursement n°", "réclamation"),
        "es": ("n.º de siniestro", "reclamación", "número de reclamo"),
        "it": ("numero sinistro", "pratica n."),
        "nl": ("schadenummer", "declaratienr."),
        "pt": ("n.º do sinistro", "protocolo"),
        "pl": ("nr szkody", "numer roszczenia"),
        "da": ("skadenummer",),
        "no": ("skadenummer",),
        "cs": ("číslo pojistné události",),
        "ro": ("nr. dosar daună",),
        "tr": ("hasar dosya no",),
    },
    "case": {
        "en": ("Case", "case no.", "Case ID:", "case #", "file ref."),
        "de": ("Aktenzeichen", "Vorgangsnummer", "Az.", "Fallnummer"),
        "fr": ("numéro de dossier", "dossier n°", "réf. dossier"),
        "es": ("expediente", "n.º de expediente", "caso"),
        "it": ("numero pratica", "fascicolo n.", "prot. n."),
        "nl": ("dossiernummer", "zaaknummer"),
        "pt": ("processo n.º", "número do processo"),
        "pl": ("sygnatura", "numer sprawy", "nr sprawy"),
        "da": ("sagsnummer", "j.nr."),
        "no": ("saksnummer",),
        "cs": ("č.j.", "spisová značka"),
        "ro": ("nr. dosar",),
        "tr": ("dosya no",),
    },
    "ticket": {
        "en": ("Ticket", "ticket #", "Incident", "SR", "call ref"),
        "de": ("Ticket-Nr.", "Meldungsnr."),
        "fr": ("ticket n°", "n° d'appel"),
        "es": ("ticket", "n.º de incidencia"),
        "it": ("ticket n.", "segnalazione n."),
        "nl": ("ticketnummer", "meldingsnr."),
        "pt": ("chamado n.º", "ticket"),
        "pl": ("zgłoszenie nr",),
        "da": ("sagsnr.",),
        "no": ("henvendelse nr.",),
        "cs": ("tiket č.",),
        "ro": ("tichet nr.",),
        "tr": ("talep no",),
    },
    "reference": {
        "en": ("Ref:", "Our ref", "reference", "Ref. no.", "Your reference", "quote ref"),
        "de": ("Unser Zeichen", "Referenz", "Ihr Zeichen"),
        "fr": ("Réf.", "notre référence", "V/Réf."),
        "es": ("Ref.", "referencia", "N/Ref."),
        "it": ("Rif.", "riferimento"),
        "nl": ("kenmerk", "ons kenmerk", "referentie"),
        "pt": ("Ref.ª", "referência"),
        "pl": ("znak sprawy", "nr ref."),
        "da": ("vores ref.", "reference"),
        "no": ("vår ref.", "referanse"),
        "cs": ("naše zn.",),
        "ro": ("referință",),
        "tr": ("referans no",),
    },
    "auth": {
        "en": ("Auth #", "authorisation no.", "prior auth", "PA number", "approval code"),
        "de": ("Genehmigungsnummer", "Kostenzusage Nr."),
        "fr": ("n° d'accord préalable", "entente préalable n°"),
        "es": ("n.º de autorización", "autorización"),
        "it": ("autorizzazione n.", "impegnativa n."),
        "nl": ("machtigingsnummer",),
        "pt": ("guia de autorização", "senha de autorização"),
        "pl": ("nr zgody", "skierowanie nr"),
        "da": ("bevillingsnr.",),
        "no": ("godkjenning nr.",),
        "cs": ("číslo schválení",),
        "ro": ("nr. aprobare",),
        "tr": ("provizyon no",),
    },
    "member": {
        "en": ("Member ID", "member no.", "Subscriber ID:", "ID#", "card no."),
        "de": ("Versichertennummer", "Vers.-Nr.", "Mitgliedsnummer"),
        "fr": ("n° d'adhérent", "n° de sécurité sociale", "carte Vitale"),
        "es": ("n.º de afiliado", "tarjeta sanitaria", "NSS"),
        "it": ("tessera sanitaria", "codice assistito"),
        "nl": ("verzekerdennummer", "relatienummer"),
        "pt": ("carteirinha", "n.º de utente", "cartão SUS"),
        "pl": ("nr ubezpieczenia", "PESEL"),
        "da": ("medlemsnummer", "CPR"),
        "no": ("medlemsnummer",),
        "cs": ("číslo pojištěnce",),
        "ro": ("cod asigurat",),
        "tr": ("sigorta sicil no",),
    },
    "policy": {
        "en": ("Policy", "policy no.", "Policy #:", "Group/Policy", "plan no."),
        "de": ("Policennummer", "Vertragsnummer", "Police Nr."),
        "fr": ("n° de contrat", "police n°"),
        "es": ("n.º de póliza", "póliza"),
        "it": ("polizza n.", "numero polizza"),
        "nl": ("polisnummer", "polisnr."),
        "pt": ("apólice n.º", "número da apólice"),
        "pl": ("nr polisy", "polisa nr"),
        "da": ("policenummer",),
        "no": ("polisenummer",),
        "cs": ("číslo smlouvy",),
        "ro": ("poliță nr.",),
        "tr": ("poliçe no",),
    },
    "order": {
        "en": ("Order #", "order no.", "Booking ref", "Confirmation:", "Transaction ID"),
        "de": ("Bestellnummer", "Buchungsnr.", "Auftragsnummer"),
        "fr": ("n° de commande", "réservation n°"),
        "es": ("n.º de pedido", "localizador"),
        "it": ("ordine n.", "prenotazione n."),
        "nl": ("ordernummer", "boekingsnummer"),
        "pt": ("pedido n.º", "código da reserva"),
        "pl": ("nr zamówienia", "nr rezerwacji"),
        "da": ("ordrenr.", "bookingnr."),
        "no": ("ordrenummer",),
        "cs": ("číslo objednávky",),
        "ro": ("comanda nr.",),
        "tr": ("sipariş no",),
    },
}

# What a desk writes beside a date in the locale's language
DATE_WORDS: dict[str, dict[str, str]] = {
    "en": {"dob": "DOB", "on": "on", "born": "born", "seen": "seen"},
    "de": {"dob": "geb.", "on": "am", "born": "geboren am", "seen": "vorgestellt am"},
    "fr": {"dob": "né(e) le", "on": "le", "born": "date de naissance", "seen": "vu le"},
    "es": {"dob": "F. nac.", "on": "el", "born": "fecha de nacimiento", "seen": "atendido el"},
    "it": {"dob": "nato il", "on": "il", "born": "data di nascita", "seen": "visto il"},
    "nl": {"dob": "geb.", "on": "op", "born": "geboortedatum", "seen": "gezien op"},
    "pt": {"dob": "DN", "on": "em", "born": "data de nascimento", "seen": "atendido em"},
    "pl": {"dob": "ur.", "on": "dnia", "born": "data urodzenia", "seen": "przyjęty"},
    "da": {"dob": "f.", "on": "den", "born": "fødselsdato", "seen": "set den"},
    "no": {"dob": "f.", "on": "den", "born": "fødselsdato", "seen": "sett den"},
    "cs": {"dob": "nar.", "on": "dne", "born": "datum narození", "seen": "vyšetřen dne"},
    "ro": {"dob": "n.", "on": "pe", "born": "data nașterii", "seen": "văzut pe"},
    "tr": {"dob": "D.T.", "on": "", "born": "doğum tarihi", "seen": "muayene"},
}

TEMPLATES: dict[str, list[str]] = {
    "intake_desk": [
        # the desk's shift log
        "{clock} walk-in {name}, {dob_word} {dob}, {member_label} {member}. Sent to triage.",
        "{clock} {name_upper} re-registered; old {account_label} {account} merged into "
        "{account_b}. Address now {street}, {town} {postcode}.",
        "Desk log {date_any}\n- {name} ({dob}) checked in {clock}, {policy_label} {policy}\n"
        "- copy of ID taken, {case_label} {case}",
        "{date_any} {clock}: {name} phoned to move the appointment of {date_any}. New booking "
        "{order}. Called back on {phone}.",
        "REGISTRATION FORM\nName: {name}\nDate of birth: {dob}\nDate: {date_any}\n"
        "{member_label}: {member}\n{policy_label}: {policy}\nSignature on file",
        "Intake {date_any}: {name}, {dob_word} {dob}; referred by {staff} on {date_any}; "
        "{reference_label} {reference}.",
        "Patient {name} arrived without the card; {member_label} {member} confirmed by phone, "
        "{auth_label} {auth} valid until {date_any}.",
        "Walk-ins {date_any}: {name} {glued}, {relative} (mother) waiting.",
        "{name}, {dob}, {account}. Needs interpreter.",
        "{name} - {ticket} - paperwork missing, follow up {date_any}.",
        # an insurer's agent notes
        "Call {datetime_any} - agent {staff}\nMember {name} ({member_label} {member}) asked "
        "about {claim_label} {claim} for the visit of {date_any}. Promised a callback by "
        "{date_any}. {ticket_label} {ticket}.",
        "{datetime_any} inbound: caller {relative} for {name}, {dob_word} {dob}. Verified with "
        "{account_label} {account}. {claim_label} {claim} denied, appeal {case}.",
        "Note {date_any}: {name} disputes invoice {order} dated {date_any}; {reference_label} "
        "{reference}; escalated as {ticket}.",
        "Outbound call {datetime_any} to {name} on {phone}: no answer, voicemail left about "
        "{auth_label} {auth}.",
        "{claim_label} {claim} / {policy_label} {policy} / {name} / service date {date_any} / "
        "received {date_any}",
        "Agent {staff}: {name} asked us to quote {reference} on every letter. Last contact "
        "{date_any}.",
        "Transaction {order} refunded to {name} on {date_any}. {account_label} {account}.",
        "{name} called {date_any}. Case {glued} reopened; see also {case_label} {case}.",
        # staff who write in their own language
        "{on_word} {date_any} {name}, {born_word} {dob}, {member_label} {member}, "
        "{case_label} {case}.",
        "{name} ({born_word} {dob}) - {claim_label} {claim} - {seen_word} {date_any}.",
        "{reference_label} {reference} - {name}, {street}, {postcode} {town}. {on_word} "
        "{date_any}.",
        "{ticket_label} {ticket}: {name} {on_word} {datetime_any}, {account_label} {account}.",
        "{policy_label} {policy}; {auth_label} {auth}; {name}; {date_any}",
        "{order_label} {order} / {name} / {date_any}",
        # clean: nobody in them
        "The desk opens at 07:30 on weekdays. Forms v3.2 replace v3.1; the scanner on desk 2 "
        "is out of toner again.",
        "Reminder: ask every walk-in for photo ID and the insurance card; copy both sides.",
        "Queue times today: 12 min average, 31 max. Kiosk 3 rebooted at 10:15.",
        "Interpreter line is extension 4410. Spanish and Polish on site until 16:00.",
        "Policy update: claims older than 90 days go to the appeals team, not to the desk.",
        "The call-back script is on the shared drive, section 4, page 2.",
    ],
}

CATEGORY = {
    "name": "names",
    "name_upper": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "town": "geographic subdivisions",
    "postcode": "geographic subdivisions",
    "dob": "dates",
    "date_any": "dates",
    "datetime_any": "dates",
    "phone": "telephone numbers",
    "member": "health plan beneficiary numbers",
    "policy": "health plan beneficiary numbers",
    "account": "account numbers",
    "account_b": "account numbers",
    "claim": "any other unique number",
    "case": "any other unique number",
    "ticket": "any other unique number",
    "reference": "any other unique number",
    "auth": "any other unique number",
    "order": "any other unique number",
    "glued": "any other unique number",
}
# a visit or call date alone is a quasi-identifier; a birth date is direct
QUASI = frozenset({"town", "postcode", "date_any", "datetime_any"})


class Caller:
    """One patient or member, a relative and the staff member who wrote the note."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choice(LOCALES)
        self.lang = self.locale[:2]
        self.fake = fakers[self.locale]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.relative = f"{self.fake.first_name()} {self.fake.last_name()}"
        self.staff = self.fake.first_name()
        self.dob = self.fake.date_of_birth(minimum_age=0, maximum_age=95)
        dt_provider = next(p for p in self.fake.providers if "date_time" in type(p).__module__)
        self.months: dict[str, str] = getattr(dt_provider, "MONTH_NAMES", {}) or {}
        self.days: dict[str, str] = getattr(dt_provider, "DAY_NAMES", {}) or {}
        # month first in the US (and often in Canada), day first elsewhere
        self.month_first = self.locale == "en_US" or (self.locale == "en_CA" and rng.random() < 0.5)


def _month(c: Caller, d: dt.date, short: bool) -> str:
    name = c.months.get(f"{d.month:02d}") if c.lang != "en" else None
    if name is None:
        return d.strftime("%b" if short else "%B")
    if not short:
        return name
    cut = name[:3] if len(name) > 4 else name
    return c.rng.choice((cut, f"{cut}.", cut.lower(), cut.upper()))


def _weekday(c: Caller, d: dt.date, short: bool) -> str:
    name = c.days.get(d.strftime("%w")) if c.lang != "en" else None
    if name is None:
        return d.strftime("%a" if short else "%A")
    return name[: 2 if c.lang in {"de", "da", "no", "cs"} else 3] + "." if short else name


def _date(c: Caller, d: dt.date) -> str:
    """A date in one of the shapes people and systems print, in the caller's language."""
    rng = c.rng
    y, yy, m, dd = d.year, f"{d.year % 100:02d}", d.month, d.day
    sfx = day_suffix(dd)
    first, second = (m, dd) if c.month_first else (dd, m)
    full, short = _month(c, d, False), _month(c, d, True)
    numeric = [
        f"{first:02d}/{second:02d}/{y}",
        f"{first}/{second}/{y}",
        f"{first:02d}/{second:02d}/{yy}",
        f"{first}/{second}/{yy}",
        f"{first:02d}-{second:02d}-{y}",
        f"{first}-{second}-{yy}",
        f"{dd:02d}.{m:02d}.{y}",
        f"{dd}.{m}.{y}",
        f"{dd:02d}.{m:02d}.{yy}",
        f"{dd}. {m}. {y}",
        f"{y}-{m:02d}-{dd:02d}",
        f"{y}/{m:02d}/{dd:02d}",
        f"{y}.{m:02d}.{dd:02d}",
        f"{y}{m:02d}{dd:02d}",
        f"{dd:02d}{m:02d}{y}",
        f"{first:02d} {second:02d} {y}",
    ]
    if c.lang == "en":
        spelled = [
            f"{dd} {full} {y}",
            f"{dd}{sfx} {full} {y}",
            f"{full} {dd}, {y}",
            f"{full} {dd}{sfx}, {y}",
            f"{short} {dd}, {y}",
            f"{short} {dd} {y}",
            f"{dd} {short} {y}",
            f"{dd}-{short}-{y}",
            f"{dd:02d}-{short.upper()}-{yy}",
            f"{dd:02d}{short.upper()}{y}",
            f"{_weekday(c, d, False)}, {full} {dd}, {y}",
            f"{_weekday(c, d, True)}, {dd} {short} {y}",
            f"{_weekday(c, d, True)} {short} {dd} {y}",
            f"{full} {y}",
            f"{short}-{yy}",
        ]
    else:
        de = {"es": "de", "pt": "de", "fr": "", "it": "", "ro": ""}.get(c.lang)
        spelled = [
            f"{dd} {full} {y}",
            f"{dd}. {full} {y}",
            f"{dd} {short} {y}",
            f"{dd}-{short}-{y}",
            f"{_weekday(c, d, False)}, {dd} {full} {y}",
            f"{_weekday(c, d, True)} {dd}. {short} {y}",
            f"{full} {y}",
            f"{dd} {full}",
        ]
        if de:
            spelled += [f"{dd} {de} {full} {de} {y}", f"{dd} {de} {full}"]
        if c.lang == "fr":
            spelled += [f"le {dd} {full} {y}", f"1er {full} {y}" if dd == 1 else f"{dd} {full}"]
        if c.lang == "pl":
            spelled += [f"{dd} {full} {y} r.", f"{dd}.{m:02d}.{y} r."]
    return rng.choice(numeric + spelled if rng.random() < 0.5 else spelled + numeric[:6])


def _datetime(c: Caller, d: dt.date) -> str:
    rng = c.rng
    h, mi = rng.randint(7, 19), rng.randint(0, 59)
    y, m, dd = d.year, d.month, d.day
    first, second = (m, dd) if c.month_first else (dd, m)
    return rng.choice(
        [
            f"{y}-{m:02d}-{dd:02d} {h:02d}:{mi:02d}",
            f"{y}-{m:02d}-{dd:02d}T{h:02d}:{mi:02d}:{rng.randint(0, 59):02d}",
            f"{first:02d}/{second:02d}/{y} {h:02d}:{mi:02d}",
            f"{first}/{second}/{y % 100:02d} {h % 12 or 12}:{mi:02d} {'PM' if h >= 12 else 'AM'}",
            f"{dd:02d}.{m:02d}.{y} {h:02d}:{mi:02d}",
            f"{dd:02d}.{m:02d}.{y}, {h:02d}.{mi:02d} Uhr" if c.lang == "de" else f"{dd:02d}.{m:02d}.{y} {h}h{mi:02d}",
            f"{_date(c, d)} {h:02d}:{mi:02d}",
            f"{_date(c, d)} at {h:02d}{mi:02d}",
        ]
    )  # fmt: skip


def _number(c: Caller, kind: str) -> str:
    """A number of `kind` in a shape Faker's providers or a desk's system print."""
    rng, fake = c.rng, c.fake
    year = rng.choice((2024, 2025, 2026))
    shapes = {
        "account": [
            digits(rng, rng.randint(6, 12)),
            f"{digits(rng, 4)}-{digits(rng, 4)}",
            f"{letters(rng, 2)}{digits(rng, 6)}",
            fake.bban() if rng.random() < 0.5 else digits(rng, 8),
            f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
        ],
        "claim": [
            digits(rng, rng.randint(4, 10)),
            f"{letters(rng, 3)}-{digits(rng, 6)}",
            f"{year}-{digits(rng, 6)}",
            f"{digits(rng, 2)}/{digits(rng, 5)}",
            fake.bothify("??#####").upper(),
            f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}",
        ],
        "case": [
            digits(rng, rng.randint(4, 8)),
            f"{year}/{digits(rng, rng.randint(3, 5))}",
            f"{digits(rng, 2)}-{digits(rng, 3)}",
            f"{rng.randint(1, 99)} {letters(rng, 1)} {rng.randint(100, 9999)}/{year % 100}",
            f"{letters(rng, 2)}-{year}-{digits(rng, 4)}",
            f"{digits(rng, 3)}.{digits(rng, 3)}.{digits(rng, 3)}",
        ],
        "ticket": [
            f"#{digits(rng, rng.randint(4, 7))}",
            f"INC{digits(rng, 7)}",
            fake.bothify("???-####").lower(),
            f"{letters(rng, 2).lower()}{digits(rng, 1)}-{letters(rng, 2).lower()}{digits(rng, 1)}{letters(rng, 1).lower()}",
            str(fake.uuid4())[:8],
            f"SR-{digits(rng, 5)}",
        ],
        "reference": [
            fake.bothify("??/####/??").upper(),
            f"{letters(rng, 2)}/{letters(rng, 2)}/{digits(rng, 4)}",
            f"{digits(rng, 2)} {digits(rng, 4)}",
            f"{letters(rng, 3)}{digits(rng, 3)}",
            f"{digits(rng, 1)}-{digits(rng, 4)}-{digits(rng, 3)}",
            fake.ean8(),
        ],
        "auth": [
            f"PA{digits(rng, 7)}",
            f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}",
            fake.bothify("#??##?#").upper(),
            digits(rng, rng.randint(5, 9)),
            f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 1)}-{digits(rng, 3)}",
        ],
        "member": [
            f"{letters(rng, 3)}{digits(rng, 9)}",
            f"{letters(rng, 1)}{digits(rng, 9)}",
            f"{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 4)}",
            f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
            f"{letters(rng, 2)}-{digits(rng, 2)}-{digits(rng, 5)}",
            digits(rng, rng.randint(8, 12)),
        ],
        "policy": [
            f"{letters(rng, 2)}{digits(rng, 7)}",
            f"POL-{digits(rng, 6)}",
            f"{digits(rng, 4)}.{digits(rng, 4)}.{digits(rng, 2)}",
            f"{digits(rng, 6)}/{digits(rng, 2)}",
            fake.bothify("###-??-####").upper(),
        ],
        "order": [
            f"#{digits(rng, 6)}",
            letters(rng, 6),
            fake.bothify("?#?#?#").upper(),
            str(fake.uuid4()),
            fake.ean13(),
            f"{digits(rng, 3)}-{digits(rng, 7)}-{digits(rng, 7)}",
            f"TX{digits(rng, 10)}",
        ],
    }
    return rng.choice(shapes[kind])


def _glued(c: Caller) -> str:
    """A number glued to its label, as systems and quick notes write it."""
    rng = c.rng
    return rng.choice(
        [
            f"REF{digits(rng, 4)}",
            f"case#{digits(rng, 2)}-{digits(rng, 2)}",
            f"Ticket#{digits(rng, 5)}",
            f"claim{digits(rng, 7)}",
            f"ID:{digits(rng, 6)}",
            f"Acct#{digits(rng, 8)}",
            f"Az.{digits(rng, 3)}/{rng.randint(20, 26)}",
            f"No.{digits(rng, 5)}",
            f"Nr.{digits(rng, 6)}",
            f"n°{digits(rng, 6)}",
        ]
    )


def _phone(c: Caller) -> str:
    return c.fake.phone_number()


def _postcode(c: Caller) -> str:
    return c.fake.postcode()


def _fill(c: Caller, slot: str) -> Part:
    rng = c.rng
    if slot == "staff":
        return pii(c.staff, "NAME", "staff")
    if slot == "clock":
        return lit(f"{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}")
    if slot.endswith("_label"):
        kind = slot[: -len("_label")]
        table = LABELS[kind]
        lang = c.lang if c.lang in table and rng.random() < 0.7 else "en"
        return lit(rng.choice(table[lang]))
    if slot.endswith("_word"):
        words = DATE_WORDS.get(c.lang, DATE_WORDS["en"])
        return lit(words[slot[: -len("_word")]])
    if slot in {"name", "name_upper", "relative"}:
        text = {
            "name": f"{c.first} {c.last}",
            "name_upper": f"{c.last.upper()}, {c.first.upper()}",
            "relative": c.relative,
        }[slot]
        return pii(text, "NAME", "direct", CATEGORY[slot])
    day = dt.date(2024, 1, 8) + dt.timedelta(days=rng.randrange(900))
    values: dict[str, tuple[str, str]] = {
        "street": (c.fake.street_address(), "LOCATION"),
        "town": (c.fake.city(), "LOCATION"),
        "postcode": (_postcode(c), "LOCATION"),
        "dob": (_date(c, c.dob), "DATE"),
        "date_any": (_date(c, day), "DATE"),
        "datetime_any": (_datetime(c, day), "DATE"),
        "phone": (_phone(c), "CONTACT"),
        "glued": (_glued(c), "ID"),
        "account_b": (_number(c, "account"), "ID"),
    }
    if slot in values:
        text, kind = values[slot]
    else:
        text, kind = _number(c, slot), "ID"
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, c: Caller) -> list[Part]:
    return render_slots(template, lambda slot: _fill(c, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "intake_desk") -> list[dict[str, Any]]:
    """`n` log entries or call notes of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n,
        seed,
        split,
        TEMPLATES[split],
        lambda rng: Caller(rng, fakers),
        render,
        between="\n\n",
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="intake_desk",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
