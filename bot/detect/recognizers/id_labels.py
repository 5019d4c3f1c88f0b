"""The words that name an identifier and the grammar of the value after one.

Shared by the recognizers that read a value after its label (`labelled_ids`, `lettered_codes`,
`answers`) and by the name rules, which must not take a label for a name ("Kundennummer
7880"): one list, so a label added for one is known to all.
"""

from __future__ import annotations

# Words that name an identifier (Safe Harbor items 7-18 and the numbers around a claim).
LABEL = (
    r"(?:mrn|mr\s?#|med(?:ical)?\s+rec(?:ord)?s?|chart|acc(?:ession)?|acct|account|a/c"
    r"|claim|clm|member(?:ship)?|mbr|subscriber|sub|group|grp|policy|pol|plan|contract|benefit"
    r"|medicaid|medicare|mbi|hicn|cin|insurance|ins|case|auth(?:ori[sz]ation)?|pa|referral"
    r"|confirmation|conf|ticket|tracking|invoice|statement|bill|program|enrol(?:l)?ment|rx|script"
    r"|prescription|specimen|spec|requisition|req|order|barcode|kit|sample|lab|encounter|enc|visit|fin|csn"
    r"|certificate|cert|licen[cs]e|lic|dl|permit|passport|visa|badge|employee|emp|student|registration"
    r"|reg|plate|tag|vin|chassis|serial|s/n|sn|device|implant|pacemaker|pump|receiver|meter|asset"
    r"|biometric|fingerprint|voiceprint|retina|iris|template|login|patient|pt|person|customer|client"
    r"|identifier|id|ssn|ss#|tax|tin|ein|npi|dea|upin|uid|empi|ehr|emr"
    # references, tokens and hardware numbers, and the words other languages print before one
    # ("Versichertennummer", "Kundennummer", "numéro", "número")
    r"|ref(?:erence)?|token|session|imei|meid|udi|mac|\w+nummer|aktenzeichen|num[ée]ro|n[úu]mero"
    # what letters and their replies number (issue 13, `clinic_letters` dev voice): bookings,
    # complaints and incidents, parcels, vouchers and cards, and national numbers beyond the
    # US ones (NHS, CHI, PPSN, NHI, OHIP, Aadhaar, UBRN, National Insurance); "please quote"
    # before the number to quote
    r"|booking|reservation|appointment|appt|itinerary|pnr|voucher|coupon|loyalty|rewards"
    r"|complaint|incident|inc|datix|enquiry|inquiry|query|file|docket|folio|job|receipt"
    r"|transaction|txn|consignment|parcel|shipment|waybill|ifr|sar|nhs|chi|ppsn?|nhi|ohip"
    r"|aadhaa?r|uhid|ubrn|urn|crn|nino|national\s+insurance|ni(?=\s*(?:no\b|number|#))"
    r"|quot(?:e|ing)(?:\s+(?:our|your|the|this|my))?"
    # a file, claim or case number's word in the languages desks write (issue 13, `intake_desk`
    # dev voice): dossier, expediente, pratica, fascicolo, processo, sinistro, siniestro,
    # reclamo, sprawy, szkody, kenmerk, referencia, Referenz, referans, rif., sygnatura, "Az.";
    # Turkish "dosya", and a French file named by what it is for ("dossier de remboursement")
    r"|dossier(?:\s+de\s+(?-i:\p{Ll}+))?|dosya(?:s[ıi])?|expediente|pratica|fascicolo|processo"
    r"|protocolo|sinistro|siniestro|reclamo"
    r"|r[ée]clamation|reclamaci[oó]n|sprawy|szkody|sygnatura|kenmerk|referen(?:cia|z|za|ce)"
    r"|r[ée]f[ée]rence|referans|referanse|rif|az(?=\.)|sag|sak|zgłoszenie|tiket|tichet|talep"
    # an account's word in those languages, a card's, an appeal's; and the number words that
    # come before what they number, with that noun ("číslo zákazníka", "numer konta", "cod
    # asigurat": Czech, Slovak, Polish and Romanian write "number of customer")
    r"|konto|conto|conta|cuenta|compte|card|appeal"
    # a full-face photograph's number or file (Safe Harbor item 17): "photo 88412", "ID photo
    # #A77120", "selfie 2024-0311-7"
    r"|photo(?:graph)?|picture|selfie|headshot|portrait|snapshot|pic|img"
    # what a shop, a school, an employer, a gym, a library, a car park or a device maker knows a
    # person by (issue 13, `unique_ids` dev voice): the words before "number" on their cards,
    # bands, bracelets, fobs and permits
    r"|matriculation|payroll|staff(?=\s+(?:no|number|id|#))|works(?=\s+(?:no|number))"
    r"|wristband|band(?=\s+(?:no|number|id|#|barcode))|bracelet|medic-?alert|locker(?:\s+key)?|fob"
    r"|library|gym|clubcard|advantage(?=\s+card)|points(?=\s+card)|e-?voucher"
    r"|hearing[\s-]aid|wheelchair|chair(?=\s+(?:serial|no|number|#))"
    r"|(?:č[ií]slo|numer|cod)(?:\s+(?-i:\p{Ll}+))?)"
)
# What may stand between the label and its value: "#", ":", "no.", "ID", "number is", "number
# given as", "card reads" (a note's "gave her member number as ..."), and a comma after an id's
# or a number's word, as an agent types the pause before it ("customer ID, 7721-334-91").
SEP = (
    r"(?:\s*(?:[#:=]|-(?=\s)|(?<=\b(?:id|no|number|ref|code)),|n\.?\s?[°º]|n\.(?=\s)|-?(?:no|nos|num|number|nr|id|ident|code|ref|reference|card|is|of|was|as|given\s+as|reads|says)"
    r"(?![a-z0-9])\.?))*\s*"
)
_GROUP = r"[A-Za-z0-9]+(?:[-/._][A-Za-z0-9]+)*"
_NEXT = r"(?:[ \t](?:(?=[A-Za-z]*\d)[A-Za-z0-9]+(?:[-/._][A-Za-z0-9]+)*|(?-i:[A-Z]{1,3})(?![\w-])))"
# A value may open with its letters apart ("policy WC 9965406", "member ID HX 4471902").
_LEAD = r"(?:(?-i:[A-Z]{1,4})[ ](?=\d))?"
VALUE = rf"(?P<v>{_LEAD}(?=[\w/.-]*\d){_GROUP}{_NEXT}{{0,5}})"
