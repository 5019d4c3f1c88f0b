"""`LabelledIdRecognizer` alone (no spaCy): whatever an identifier's shape, the value after its
label is found (letters, dashes, slashes, groups, glued to the label); counts, doses, years,
codes and dates after the same words are not."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.labelled_ids import LabelledIdRecognizer, LetteredCodeRecognizer
from tests.detect.recognizers.tables import found

IDS = LabelledIdRecognizer()
CODES = LetteredCodeRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("claim_hash_colon", "Claim #: 854-7364349-10", "854-7364349-10"),
        ("member_groups_check_letters", "member 9629 4233 KJ, acct", "9629 4233 KJ"),
        ("member_id_glued_to_value", "card reads member ID4516 1594 NE, about", "ID4516 1594 NE"),
        ("certificate_slash", "certificate no. RTB/600455", "RTB/600455"),
        ("licence_dashed_letter", "Driver's licence G-329-071-114 and", "G-329-071-114"),
        ("group_letters_after", "Group #: GRP-01167S\nClaim", "GRP-01167S"),
        ("chart_glued_hash", "Also chart#123456 and", "123456"),
        ("glued_upper_label", "IDW95473840 on the card", "W95473840"),
        ("vin_with_one_digit", "driver plate WD 5197, VIN WLJYRM9AEEGYGX7T6.", "WLJYRM9AEEGYGX7T6"),
        ("auth_number_is", "the auth number is PA4471902", "PA4471902"),
        ("letters_apart", "WC carrier Hartwell, policy WC 9965406. Our", "WC 9965406"),
    ],
)
def test_when_a_value_follows_an_identifier_label_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(IDS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("dose", "plan 1000 mg daily"),
        ("units", "order 2000 units of heparin"),
        ("year", "member since 2019"),
        ("quantity_glued", "pump 1500mL over 4 h"),
        ("time", "visit 10:30 tomorrow"),
        ("icd10", "Dx E11.65"),
        ("small_count", "group 2 of 3, case 12 reviewed"),
        ("date_after_visit", "follow-up visit 3/12/2026"),
        ("word_starting_like_a_label", "insulin 1000 units"),
    ],
)
def test_when_a_number_after_a_label_word_is_no_identifier_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(IDS, text) == set()


@pytest.mark.parametrize(
    "text", ["group 3 10 15 then", "group 1.5 2.5 3.5 then", "ref 000-12-3456 in the binder"]
)
def test_when_numbers_in_a_row_follow_a_label_word_then_they_are_no_identifier(text: str) -> None:
    assert found(IDS, text) == set()


def test_when_a_group_number_has_letters_then_three_digits_are_enough() -> None:
    assert ("YW207", "MRN") in found(IDS, "BlueSky HMO ID 196TS1571, Grp YW207. Acct")


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("reference_hex", "Reference 0083504a.", "0083504a"),
        ("ref_slashed_letters", "Ref REF/2947/CP.", "REF/2947/CP"),
        ("ref_coded_capitals", "Ref FFSHDE5KZ1I.", "FFSHDE5KZ1I"),
        ("ref_dotted_groups", "Ref 522.231.300.", "522.231.300"),
        ("german_number_word", "Versichertennummer 100 388 854.", "100 388 854"),
        (
            "token_hash",
            "token 0d69d8651e163b63b429af00c16bf329.",
            "0d69d8651e163b63b429af00c16bf329",
        ),
        ("imei", "IMEI 909297330411021", "909297330411021"),
    ],
)
def test_when_a_reference_token_or_bank_code_follows_its_label_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(IDS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("reference_range", "ref range 3.5-5.0 today"),
        ("ref_numeric_range", "ref 135-145 mmol"),
        ("reference_year", "see reference 2019"),
        ("mac_the_word", "mac and cheese 2 servings"),
        ("code_two_digits", "case COVID19 ward 4"),
    ],
)
def test_when_a_range_year_or_word_follows_a_reference_label_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(IDS, text) == set()


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
        ("reference_english_word", "see reference LABORATORY"),
        ("reference_ranges", "reference RANGES apply"),
        ("refer_to_acronym", "refer to STEMI protocol"),
    ],
)
def test_when_a_word_follows_a_code_label_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(CODES, text) == set()
