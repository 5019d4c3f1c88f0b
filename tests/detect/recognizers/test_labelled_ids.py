"""`LabelledIdRecognizer` alone (no spaCy): whatever an identifier's shape, the value after its
label is found (letters, dashes, slashes, groups, glued to the label); counts, doses, years,
codes and dates after the same words are not."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.labelled_ids import LabelledIdRecognizer
from tests.detect.recognizers.tables import found

IDS = LabelledIdRecognizer()


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
        # issue 13, `account_desk`: the pause an agent types after an id's word
        ("comma_after_id", "Billing desk: customer ID, 7721-334-91. Balance", "7721-334-91"),
        ("comma_after_number", "member number, HX447190, please", "HX447190"),
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


# Letters' numbers (issue 13, the `clinic_letters` dev voice): Safe Harbor item 18 after the
# labels letters print them with, and national numbers beyond the US ones.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("ubrn", "e-RS UBRN 1878 1096 4675. First seen", "1878 1096 4675"),
        ("aadhaar", "Aadhaar 7295 7450 9390, Dwayne Hawkins", "7295 7450 9390"),
        ("consignment", "sent by courier, consignment DN 1205 8416 AU.", "DN 1205 8416 AU"),
        ("ni_number", "Dear Ms Kaufman, NI number JK 32 07 54 B and", "JK 32 07 54 B"),
        ("loyalty_card", "loyalty card 7862 2999 3259 was used", "7862 2999 3259"),
        ("please_quote", "Please quote KR15/6635 on any reply.", "KR15/6635"),
        ("quote_our_ref", "quoting our reference REF/2024/00871.", "REF/2024/00871"),
        ("medicare_check_digit", "Medicare card 2123 45670 1 for", "2123 45670 1"),
        ("complaint_ref", "Complaint ref: C/24/0331", "C/24/0331"),
        ("incident", "Incident no. INC0048812 raised", "INC0048812"),
        ("datix", "the Datix ID is 398101.", "398101"),
        ("file_no", "File no. KE-56213 opened", "KE-56213"),
        ("job_no", "job no. J049231 for the escort", "J049231"),
        ("nhs_number", "NHS No. 485 777 3456", "485 777 3456"),
        ("chi", "CHI 0403611234 attended", "0403611234"),
        ("ppsn", "PPSN 1234567TA, Athlone", "1234567TA"),
    ],
)
def test_when_a_letter_numbers_something_after_its_label_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(IDS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("quote_count", "quote 2 tablets a day"),
        ("appointment_time", "appointment at 10:40 on 4 March"),
        ("file_size", "file 2.5 MB attached"),
        ("incident_year", "the incident 2024 review"),
        ("job_count", "job 12 done"),
        ("booking_dates", "booking 3/4 for the clinic"),
        ("chi_square", "chi 3.84 at one degree of freedom"),
    ],
)
def test_when_a_letter_label_word_is_followed_by_no_number_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(IDS, text) == set()


# Issue 13, Safe Harbor item 18 ("any other unique number", `intake_desk` dev voice): four digits
# after a number mark, the label's own dot ("Ref."), number words in other languages, and codes
# of letters and digits in dashed groups in any case.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("four_digits_after_hash", "Claim # 6204 / policy n", "6204"),
        ("four_digits_after_no", "see case no. 3917 and", "3917"),
        ("four_digits_after_number_word", "skadenummer 5083 - seen", "5083"),
        ("four_digits_after_az", "Mitglied 4 Jahre, Az. 6612.", "6612"),
        ("label_with_its_dot", "Ref. no. 3-2291-508; escalated", "3-2291-508"),
        ("label_dot_letters", "vår ref. KTW512.", "KTW512"),
        ("spanish_reference", "referencia 4-9127-350.", "4-9127-350"),
        ("dutch_kenmerk", "kenmerk 0-4471-218 - sent", "0-4471-218"),
        ("german_referenz", "Referenz QRN719.", "QRN719"),
        ("italian_claim", "numero sinistro 51/30492 for", "51/30492"),
        ("polish_case", "znak sprawy 41 8820 - Nowak", "41 8820"),
        ("n_dot_mark", "ticket n. rq7-bd2k: caller", "rq7-bd2k"),
        ("lower_code_after_label", "Incident mz3-pa8t.", "mz3-pa8t"),
        ("upper_code_after_label", "Ticket TD5-HD0R open", "TD5-HD0R"),
    ],
)
def test_when_a_short_or_foreign_labelled_number_follows_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(IDS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("room_number", "moved to room no. 4 at noon"),
        ("pencil", "bring a no. 2 pencil"),
        ("count_of", "# of patients 12 today"),
        ("four_digits_no_mark", "case 1234 today"),
        ("dose_after_mark", "order no. 1000 mg daily"),
        ("year_after_mark", "visit no. 2024 was"),
        ("lab_value", "lab 4471 pending"),
        ("time_after_mark", "claim # 1200 pm call"),
        ("case_then_sentence", "the case. 4471 units"),
        ("short_after_mark", "case no. 12"),
        ("covid_word", "case covid-19 positive"),
        ("dashed_words", "ticket re-open today"),
    ],
)
def test_when_a_short_value_or_word_follows_a_number_mark_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(IDS, text) == set()


# After a file, case or claim word or a number mark, two numbers no range writes (unequal widths,
# a leading zero) are a file number ("file ref. 75-590"); a range's alike ends stay a range.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("file_ref_uneven", "member seen, file ref. 62-418.", "62-418"),
        ("dossier_leading_zero", "numéro de dossier 27-054.", "27-054"),
        ("number_word_uneven", "saksnummer 58-207.", "58-207"),
        ("n_dot_uneven", "fascicolo n. 31-886 - sent", "31-886"),
    ],
)
def test_when_a_pair_no_range_writes_follows_a_file_word_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(IDS, text)}


@pytest.mark.parametrize(
    "text",
    [
        "glucose ref 70-100 mg/dL",
        "WBC ref no. 4-10",
        "case 10-20 today",
        "claim no. 10-20 a month",
        "file 3.5-5.0 on the chart",
        "case 12-15 today",
    ],
)
def test_when_a_range_follows_a_file_word_then_it_is_left_alone(text: str) -> None:
    assert found(IDS, text) == set()


# Accounts, cards and appeals in the languages a desk writes, and the number words that come
# before the noun they number ("číslo zákazníka", "numer konta", "cod asigurat"); a register's
# number opened by a digit and a letter ("9 P 4786/26"). Issue 13, `intake_desk` dev voice.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("card_no_triplets", "born Oct 11, 1999, card no. 295 748 049, case", "295 748 049"),
        ("portuguese_account", "Verified with conta nº 250 029 140. Claim", "250 029 140"),
        ("spanish_account", "old N.º de cuenta 577 795 890 merged", "577 795 890"),
        ("german_account_dash_nr", "Verified with Konto-Nr. 485 619 595. Denied", "485 619 595"),
        ("czech_number_of_customer", "Verified with číslo zákazníka 989 048 988.", "989 048 988"),
        ("romanian_insured_code", "cod asigurat 153 709 688, Case", "153 709 688"),
        ("polish_number_of_account", "old numer konta 56026482 merged", "56026482"),
        ("appeal_number", "Claim # 6116 3286 51 denied, appeal 60980.", "60980"),
        ("appeal_uneven_pair", "claim denied, appeal 55-667.", "55-667"),
        ("appeal_register", "denied, appeal 72 B 2841/26.", "72 B 2841/26"),
        ("register_single_digit", "processo n.º 9 P 4786/26", "9 P 4786/26"),
    ],
)
def test_when_an_account_card_or_appeal_number_follows_its_word_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(IDS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("card_count", "the card 2 of 5 today"),
        ("appeal_duration", "appeal 2 weeks later"),
        ("appeal_range", "appeal 10-20 days"),
        ("cod_dose", "cod liver oil 1000 mg"),
        ("numbers_in_a_row", "group 3 10 15 then"),
        ("single_digits_in_a_row", "visit 2 3 4567 later"),
    ],
)
def test_when_a_count_follows_an_account_card_or_appeal_word_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(IDS, text) == set()


# A Turkish file word, and a French file named by what it is for, before its mark and number
# (issue 13, `intake_desk` dev voice).
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("turkish_file", "Aslanhan Çamurcuoğlu - hasar dosya no 18606 - muayene", "18606"),
        ("french_file_of", "dossier de remboursement n° 34/74971 - vu le", "34/74971"),
    ],
)
def test_when_a_file_word_with_its_purpose_comes_before_a_number_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(IDS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("count_after_file_phrase", "dossier de patients 12 today"),
        ("year", "the dossier de base 2024"),
    ],
)
def test_when_a_count_or_year_follows_a_file_phrase_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(IDS, text) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("SSN ending in 4471, verified", "4471"),
        ("card ending 9921 on file", "9921"),
        ("acct ending -0921 was charged", "0921"),
        ("callback number ending 4471", "4471"),
        ("last 4 digits: 4471", "4471"),
        ("the last four of her Medicare number are 8812", "8812"),
        ("card ending in xxxx9921", "xxxx9921"),
        ("photo 88412 in the portal", "88412"),
        ("ID photo #A77120 on file", "A77120"),
    ],
)
def test_when_a_numbers_last_digits_or_a_photos_number_are_given_then_an_id(
    text: str, value: str
) -> None:
    assert value in {v for v, _ in found(IDS, text)}


@pytest.mark.parametrize(
    "text",
    [
        "last 4 days were rough",
        "the last four visits were fine",
        "the last 4 were normal",
        "last 5 doses 1000 units",
        "period ending 2024",
        "statement ending 2024",
        "the bill ending 2023",
        "photo 2 of 3 attached",
        "took 3 pictures of the wound",
    ],
)
def test_when_last_or_photo_is_a_count_then_no_id(text: str) -> None:
    assert found(IDS, text) == set()


# Issue 13, `unique_ids` dev voice: what shops, schools, employers, gyms, libraries, car parks
# and device makers number a person by; a dash between label and value; the label after the
# value in brackets; the letters of a value apart; an EAN-13 as printed; a 4-4-2 number after a
# payroll's word (an NDC's shape, which only a drug's or an order's word makes a drug code).
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("matriculation", "matriculation number #u7613257 | note", "u7613257"),
        ("payroll_ndc_shape", "payroll number #1118-1140-53 noted", "1118-1140-53"),
        ("locker_key", "Locker key number #S-5105. Photo", "S-5105"),
        ("wristband", "Wristband number 3627 2721. Also", "3627 2721"),
        ("bracelet_dash", "the number on his MedicAlert bracelet - 1GV-55L | ticket", "1GV-55L"),
        ("dash_after_label", "claim number - 74/85435 | note", "74/85435"),
        ("value_then_label", "asks to update 7165 4965 (wristband barcode). Also", "7165 4965"),
        ("value_then_label_hash", "| 63321 (Claim #) | note", "63321"),
        ("value_then_label_letters", "it's about R185 405 (case number)", "R185 405"),
        ("letters_apart_five_digits", "library card W 07102 today", "W 07102"),
        ("ean13_printed", "barcode number - 2 026779 881635. Also", "2 026779 881635"),
        ("gym", "gym member ID - CA-336-801 and", "CA-336-801"),
        ("fob", "key fob number 00418822 deactivated", "00418822"),
    ],
)  # fmt: skip
def test_when_a_shop_school_or_employer_number_is_labelled_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(IDS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("ndc_after_order", "order 0002-3227-30 sent"),
        ("band_of_staff", "band 7 nurse on the ward"),
        ("bracketed_count", "gave 2 tabs (twice daily) and 500 (mg) at 10:00 (ref range)"),
        ("value_then_unit_word", "took 5000 (units) of heparin"),
    ],
)
def test_when_a_code_or_count_sits_where_a_label_might_then_no_id(case: str, text: str) -> None:
    assert found(IDS, text) == set()


def test_when_a_second_label_stands_before_the_value_then_it_is_not_the_values_letters() -> None:
    # `dev` split: "MBI" is a label of its own, not the value's letters apart
    assert ("MBI 9EG1-TE4-MK03", "MRN") not in found(IDS, "Medicare MBI 9EG1-TE4-MK03, prior auth")


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("given_as", "member number given as 9912 4471 3", "9912 4471 3"),
        ("card_reads", "and the card reads AB-44712 on the back", "AB-44712"),
        ("number_was", "her claim number was 88-41207", "88-41207"),
    ],
)
def test_when_a_note_gives_a_value_as_its_label_reads_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    # issue 13, identifiers pass: "gave her member number as ...", "the card reads ..."
    assert value in {span for span, _subtype in found(IDS, text)}


def test_when_was_or_as_of_follows_a_label_word_then_a_count_or_year_stays() -> None:
    assert found(IDS, "claim was 2 days ago, account as of 2024, case as discussed") == set()
