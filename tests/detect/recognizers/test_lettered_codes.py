"""`LetteredCodeRecognizer` alone (no spaCy): codes with no digit or few after their label (a
bank's BIC, booking and reference codes in capitals, generated codes and secrets, passwords);
words, acronyms, names and drugs after the same labels are not."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.lettered_codes import LetteredCodeRecognizer
from tests.detect.recognizers.tables import found

CODES = LetteredCodeRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("bic", "IBAN GB05BPLF27799411021941, BIC FMCHGBBY.", "FMCHGBBY"),
        ("swift_colon", "SWIFT: NWBKGB2L, acct", "NWBKGB2L"),
        ("reference_capitals", "Reference GUKNIJUO, no digit anywhere", "GUKNIJUO"),
        ("booking_ref", "booking ref: QXHTRPZ", "QXHTRPZ"),
        ("confirmation_code", "confirmation code JVKJGBLF", "JVKJGBLF"),
        ("password", "her password 1p+j4KuPbE.", "1p+j4KuPbE"),
    ],
)
def test_when_a_code_without_digits_follows_its_label_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(CODES, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("password_then_word", "password is changed"),
        # the comma or full stop after the word is no mark of a password
        ("passphrase_then_comma", "passphrase declined, caller to ring back"),
        ("password_then_full_stop", "voice password expired."),
        ("password_redacted", "password: [redacted]."),
        ("password_placeholder", "password <hidden>"),
        ("reference_english_word", "see reference LABORATORY"),
        ("reference_ranges", "reference RANGES apply"),
        ("refer_to_acronym", "refer to STEMI protocol"),
        ("claim_word", "claim SUBMITTED today"),
        ("ticket_word", "ticket CLOSED"),
        ("claim_acronym", "claim NHS costs"),
        ("case_ref_dashed_words", "case ref FOLLOW-UP"),
        ("policy_word", "policy UPDATED last year"),
        ("member_id_word", "member ID REQUIRED"),
        ("tracking_word", "tracking ENABLED"),
        ("policy_acronym", "policy DNACPR discussed"),
        ("reference_guideline", "Ref NICE NG28"),
        ("reference_mostly_digits", "reference AB12345"),  # `labelled_ids` reads a number
    ],
)
def test_when_a_word_follows_a_code_label_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(CODES, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("confirmation_short", "Confirmation code: 5XK8GX", "5XK8GX"),
        ("booking_reference", "Please quote booking reference 5KY4ZU if", "5KY4ZU"),
        ("voucher_dashed_letters", "Voucher code DBJA-FCKL for the refund", "DBJA-FCKL"),
        ("ticket_mixed_case", "Ticket wXyZaBcDeQ opened for her", "wXyZaBcDeQ"),
        ("reference_lower_case", "reference hqzvtrplkm for her", "hqzvtrplkm"),
        ("tracking_lower_case", "tracking number bkzqxmtw", "bkzqxmtw"),
        ("customer_id_generated", "customer ID xVwGHuLaJMbsPSeqxrhY for", "xVwGHuLaJMbsPSeqxrhY"),
        ("case_id_secret", "case ID +r2U_8y!y@, callback", "+r2U_8y!y@"),
        ("verbal_password", "verbal password $3L#jwQd_x noted", "$3L#jwQd_x"),
        ("passphrase", "passphrase: cEjek6Ja@k", "cEjek6Ja@k"),
        # issue 13, `account_desk`: a claim's, a case's or a ticket's capitals, a digit among
        # them, capitals in dashed groups
        ("claim_capitals", "repeat ready, claim EBXXTR; X-ray", "EBXXTR"),
        ("case_number_capitals", "Told caller case number QZXWLM.", "QZXWLM"),
        ("reference_one_digit", "driver note, reference JE1SMF, caller", "JE1SMF"),
        ("invoice_ref_one_digit", "Told caller invoice ref ET5ZBL.", "ET5ZBL"),
        ("case_number_dashed", "case number KMJ-RAZ; account", "KMJ-RAZ"),
        ("reference_dashed", "reference PFD-CDS; he wants", "PFD-CDS"),
        ("member_id_capitals", "member ID KXRTQZ on file", "KXRTQZ"),
        ("tracking_capitals", "tracking ABCDEFGH sent", "ABCDEFGH"),
        ("auth_code_capitals", "authorisation code QZXWLM issued", "QZXWLM"),
        ("voucher_code_capitals", "voucher code QZXWLM", "QZXWLM"),
        ("enrolment_code_dashed", "enrolment code: WLPQ-ZXKM", "WLPQ-ZXKM"),
    ],
)
def test_when_a_booking_or_generated_code_follows_its_label_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(CODES, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("booking_id_word", "booking ID required"),
        ("confirmation_acronym", "confirmation MRI tomorrow"),
        ("booking_words", "Booking CT-HEAD for Monday"),
        ("case_word", "case discussed with the team"),
        ("ticket_name", "ticket McDonald called"),
        ("confirmation_typo", "confirmation recieved today"),
        ("reference_word", "ref laboratory values"),
        ("patient_product_name", "patient MyChartPortal login"),
        ("lab_reading", "patient HbA1c>7.5% again"),
        ("pin_removal", "pin removal in 2 weeks"),
    ],
)
def test_when_a_word_follows_a_booking_label_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(CODES, text) == set()


# A code of capitals with no digit after what a desk numbers with one: an invoice, a
# transaction, an order or a reservation, in the languages it writes; never an English word, a
# name or a drug's brand. Issue 13, `intake_desk` dev voice.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("french_reservation_mark", "réservation n° PCGNGJ / Julie Vallet", "PCGNGJ"),
        ("invoice", "disputes invoice HDDDJU dated Dec 2", "HDDDJU"),
        ("spanish_locator", "localizador AZTDZX / Amalia Escalante", "AZTDZX"),
        ("french_order_after_mark", "n° de commande RTMVCD / Thierry Besson", "RTMVCD"),
        ("transaction", "Transaction UHLRRX refunded to her", "UHLRRX"),
    ],
)
def test_when_a_lettered_code_follows_a_desk_word_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(CODES, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("invoice_word", "invoice ATTACHED for review"),
        ("transaction_word", "transaction PENDING again"),
        ("invoice_drug_brand", "invoice KEYTRUDA cycle 3"),
        ("invoice_name", "invoice ROBERT sent it"),
        ("english_order_drug", "order ZOFRAN for her"),
    ],
)
def test_when_a_word_follows_a_desk_word_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(CODES, text) == set()


def test_when_pw_precedes_a_password_then_it_is_found() -> None:
    assert ("bluebell75", "MRN") in found(CODES, "Claim # #538545959 and pw bluebell75. Passed")
