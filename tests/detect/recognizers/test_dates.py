"""The date recognizers alone (no spaCy): dates of birth and of service, relative dates; and
the fractions of clinical chat (murmur grades, blood pressure) that are not dates."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from bot.detect.recognizers.dates import ClinicalDateRecognizer, RelativeDateRecognizer
from tests.detect.recognizers.tables import found

DATES, RELATIVE = ClinicalDateRecognizer(), RelativeDateRecognizer()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "expected"),
    [
        ("partial_after_cue", DATES, "seen on 3/6", {("3/6", "SERVICE_DATE")}),
        ("dob_numeric", DATES, "DOB 04/12/1956", {("04/12/1956", "DOB")}),
        (
            "dob_words",
            DATES,
            "born 12 March 1956",
            {("12 March 1956", "DOB"), ("March 1956", "DOB")},
        ),
        ("iso", DATES, "admitted 2026-11-30", {("2026-11-30", "FULL_DATE")}),
        ("yesterday", RELATIVE, "yesterday", {("yesterday", "SERVICE_DATE")}),
        ("last_weekday", RELATIVE, "last Tuesday", {("last Tuesday", "SERVICE_DATE")}),
        ("days_ago", RELATIVE, "3 days ago", {("3 days ago", "SERVICE_DATE")}),
        (
            "french",
            DATES,
            "vu le 3 mars 2026",
            {("3 mars 2026", "FULL_DATE"), ("mars 2026", "SERVICE_DATE")},
        ),
        (
            "german",
            DATES,
            "am 3. März 2026",
            {("3. März 2026", "FULL_DATE"), ("März 2026", "SERVICE_DATE")},
        ),
        (
            "spanish",
            DATES,
            "el 3 de marzo de 2026",
            {("3 de marzo de 2026", "FULL_DATE"), ("marzo de 2026", "SERVICE_DATE")},
        ),
        (
            "dutch",
            DATES,
            "gezien op 12 mei 1956",
            {("12 mei 1956", "FULL_DATE"), ("mei 1956", "SERVICE_DATE")},
        ),
        (
            "mail_header",
            DATES,
            "Date: Tue, 03 Mar 2026 09:14:00 +0100",
            {("Tue, 03 Mar 2026 09:14:00 +0100", "FULL_DATE"), ("Mar 2026", "SERVICE_DATE")},
        ),
        (
            "sent_line",
            DATES,
            "Sent: Tuesday, March 3, 2026 9:14 AM",
            {("Tuesday, March 3, 2026 9:14 AM", "FULL_DATE")},
        ),
        (
            "iso_timestamp",
            DATES,
            "at 2026-03-03T09:14:00Z",
            {("2026-03-03T09:14:00Z", "FULL_DATE")},
        ),
        ("spaced_dob", DATES, "date of birth 03 04 1961", {("03 04 1961", "DOB")}),
    ],
)
def test_when_a_date_is_written_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("murmur_grade", DATES, "murmur 3/6"),
        ("blood_pressure", DATES, "BP 120/80"),
        ("future_interval", DATES, "in 2 weeks"),
        ("future_minutes", RELATIVE, "in 5 minutes"),
        ("mayo_clinic", DATES, "per the Mayo 2021 guidelines"),
        ("spaced_numbers_no_cue", DATES, "sets of 3 4 2020 reps"),
        ("mars_alone", DATES, "a mars bar at 2"),
    ],
)
def test_when_a_fraction_or_interval_is_not_a_date_then_it_is_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("weekday_abbreviation_before", "Seen Sat 3/4 for a draw", "Sat 3/4"),
        ("weekday_upper_same_numbers", "drawn SAT 03/03 by the unit", "SAT 03/03"),
        ("month_day_colon", "Jul 16: K 6.4, repeated", "Jul 16"),
        ("entry_colon_same_numbers", "Lab called 10/10: critical K", "10/10"),
        ("time_after_partial", "Collected 09/09 17:00", "09/09 17:00"),
        ("military_time_at", "07-JUL-25 @ 0715", "07-JUL-25 @ 0715"),
        ("history_without_in", "Hx: CABG x 3 in 1/86, DVT 5/95.", "5/95"),
        ("spelled_no_of", "the bill for first March", "first March"),
        ("the_digit_ordinal_of", "on the 19th of January", "the 19th of January"),
        ("month_the_ordinal", "March the eleventh", "March the eleventh"),
        ("weekday_the_ordinal", "drawn Sunday the 4th by", "Sunday the 4th"),
        ("month_of_year", "in November of 1988, then", "November of 1988"),
        ("range_glued", "given 1/9/2026-1/13/2026 was", "1/9/2026-1/13/2026"),
        ("range_through", "given 8/1 through 8/7 daily", "8/1 through 8/7"),
        ("range_to_months", "Jan 3 to Jan 7, 2026", "Jan 3 to Jan 7, 2026"),
    ],
)
def test_when_a_date_is_written_in_another_voice_then_all_of_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(DATES, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("oxygen_saturation", "O2 sat 9/10 on RA"),
        ("modal_may_after_ordinal", "the second may be fine"),
        ("ratio_alone", "Ratio 3/80 alone"),
    ],
)
def test_when_a_weekday_or_ordinal_word_only_looks_like_a_date_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(DATES, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("hour_after", "Next visit on March 9 at 5pm.", "March 9 at 5pm"),
        ("week_of", "compliance 82% the week of 8/12.", "8/12"),
        ("hyphen_month_year_in_history", "Hx: hip fx 3-2013, CVA 1-2014.", "1-2014"),
        ("hyphen_month_year_after_in", "Moved here in 6-2004.", "6-2004"),
    ],
)
def test_when_a_home_visit_note_dates_something_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(DATES, text)}


def test_when_a_hyphen_joins_a_number_and_a_year_alone_then_it_is_a_range() -> None:
    assert found(DATES, "pages 1-2000 of the manual") == set()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "value"),
    [
        ("zone_with_colon", DATES, "at 2025-08-02T17:16:00-05:00.", "2025-08-02T17:16:00-05:00"),
        (
            "outlook_when_range_and_zone",
            DATES,
            "When: Monday, February 16, 2026 2:26 PM-2:56 PM (UTC-05:00)\nWhere",
            "Monday, February 16, 2026 2:26 PM-2:56 PM (UTC-05:00)",
        ),
        (
            "clock_range_zone_name",
            DATES,
            "Fri Feb 6, 2026 15:03 – 16:03 (CET)",
            "Fri Feb 6, 2026 15:03 – 16:03 (CET)",
        ),
        ("military_glued_h", DATES, "on Dec 31st at 1337h. Reply", "Dec 31st at 1337h"),
        ("time_before_compact", DATES, "collected at 13:05 04OCT25; wheelchair", "13:05 04OCT25"),
        ("time_before_weekday", DATES, "at 11:14 AM, Sun 14/6; wheelchair", "11:14 AM, Sun 14/6"),
        ("military_before_on", DATES, "at 1741 on 14/01; escort", "1741 on 14/01"),
        ("icalendar_stamp", DATES, "DTSTART:20250624T122200Z\n", "20250624T122200Z"),
        ("dotted_day_month", DATES, "reviewed by 06.01. at the latest", "06.01."),
        ("dotted_range", DATES, "can we do 1.8.–4.8.2025? If not", "1.8.–4.8.2025"),
        ("day_range_of_month", DATES, "can we do 24-26 February?", "24-26 February"),
        ("ordinal_day_range", DATES, "do 7th-10th November?", "7th-10th November"),
        ("month_then_day_range", DATES, "do November 10-12? If", "November 10-12"),
        ("month_day_to_the", DATES, "do Dec 24th to the 26th? If", "Dec 24th to the 26th"),
        ("german_day_full_stop", DATES, "am 8. September 2025, bitte", "8. September 2025"),
        ("the_ordinal_before_but", RELATIVE, "arrived the 10th but the pump", "the 10th"),
        ("the_ordinal_before_comma", RELATIVE, "moved to the 29th, same time.", "the 29th"),
        ("the_ordinal_before_works", RELATIVE, "If not, the 9th works too.", "the 9th"),
        ("mid_month", DATES, "Can we see her in mid-March?", "mid-March"),
        ("early_month", DATES, "admitted early April and", "early April"),
        ("end_of_month", DATES, "at the end of March, then", "end of March"),
        ("weekday_digit_ordinal", DATES, "book her for Monday 3rd?", "Monday 3rd"),
        ("abbreviated_weekday_ordinal", DATES, "on Tues 10th at 2.", "Tues 10th at 2"),
        ("french_no_year", DATES, "rendez-vous le 4 mars à 10h.", "4 mars à 10h"),
        ("german_no_year", DATES, "Termin am 4. März um 10 Uhr.", "4. März um 10 Uhr"),
        ("spanish_no_year", DATES, "cita el 4 de marzo.", "4 de marzo"),
        ("hour_after_comma", DATES, "can come March 3, 10am.", "March 3, 10am"),
        ("hour_after_space", DATES, "can come 3/4 2pm.", "3/4 2pm"),
        ("weekday_in_brackets", DATES, "next visit: 10 March (Tue).", "10 March (Tue)"),
        ("days_to_month", DATES, "away from 3 to 5 March", "3 to 5 March"),
        ("days_and_month", DATES, "between 3 and 5 March", "3 and 5 March"),
        ("of_next_month", RELATIVE, "on the 3rd of next month.", "the 3rd of next month"),
        ("danish", DATES, "set den 3. marts 2026 af", "3. marts 2026"),
        ("hours_word_after", DATES, "seen 3 March at 14:30 hrs.", "3 March at 14:30 hrs"),
        ("at_noon", DATES, "seen 3 March at noon.", "3 March at noon"),
        ("hour_alone_before_stop", DATES, "seen on 3/4 at 10.", "3/4 at 10"),
        (
            "german_gmail_quote",
            DATES,
            "Am Di., 3. März 2026 um 10:14 schrieb Ann Lee:",
            "Di., 3. März 2026 um 10:14",
        ),
        (
            "french_gmail_quote",
            DATES,
            "Le mar. 3 mars 2026 à 10:14, Ann Lee a écrit :",
            "mar. 3 mars 2026 à 10:14",
        ),
        (
            "spanish_weekday_time",
            DATES,
            "El jue, 5 mar 2026 a las 9:30, X",
            "jue, 5 mar 2026 a las 9:30",
        ),
        ("birth_year", DATES, "Ann Lee born 1931 in Leeds.", "1931"),
        ("year_of_birth_label", DATES, "Ann Lee, YOB: 1931.", "1931"),
        ("polish", DATES, "wizyta 3 marca 2026 r.", "3 marca 2026"),
    ],
)
def test_when_a_mail_header_invite_or_log_dates_something_then_all_of_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(recognizer, text)}


@pytest.mark.parametrize(
    ("case", "text", "subtype"),
    [
        ("compact_day_month_year", "printed 04OCT25 on the label", "FULL_DATE"),
        ("icalendar_is_full", "DTSTART:20260304T140000", "FULL_DATE"),
        ("day_range_without_year", "November 10-12 works", "SERVICE_DATE"),
    ],
)
def test_when_a_written_date_has_its_year_then_it_is_a_full_date(
    case: str, text: str, subtype: str
) -> None:
    longest = max(found(DATES, text), key=lambda pair: len(pair[0]))
    assert longest[1] == subtype


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("firmware_version", DATES, "Firmware 4.2.17 is out"),
        ("glued_version", DATES, "see v3.2.1 notes"),
        ("section_number", DATES, "section 2.1. says so"),
        ("ordinal_floor", RELATIVE, "up to the 5th floor"),
        ("ordinal_ribs", RELATIVE, "the 3rd and 4th ribs"),
        ("ordinal_dose", RELATIVE, "the 2nd dose was given"),
        ("ordinal_time", RELATIVE, "for the 3rd time"),
        ("late_may_modal", DATES, "it is late may be fine"),
        ("weekday_then_ordinal_of_nothing", DATES, "Monday first thing"),
        ("decimal_hour_is_not_an_hour_alone", DATES, "pages 1931 of 2000"),
    ],
)
def test_when_a_version_section_or_ordinal_only_looks_like_a_date_then_it_is_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


# Letters' dates (issue 13, the `clinic_letters` dev voice): sentences written for these tests.
@pytest.mark.parametrize(
    ("case", "recognizer", "text", "value"),
    [
        ("roman_month_dob", DATES, "DOB 3.iii.61, widow", "3.iii.61"),
        ("roman_month_dashed", DATES, "d.o.b. 03-iii-1961", "03-iii-1961"),
        ("roman_month_capitals", DATES, "Seen 3/XII/2024 in clinic.", "3/XII/2024"),
        ("instant", DATES, "Thank you for your letter of 4th inst. about", "4th inst."),
        ("ordinal_day_mon_year", DATES, "Booked 3rd-Mar-25 for review.", "3rd-Mar-25"),
        ("month_comma_day", DATES, "The letter is dated March, 3rd 2025.", "March, 3rd 2025"),
        ("slashed_ordinals", DATES, "Overnight 3rd/4th March she fell.", "3rd/4th March"),
        ("week_beginning", DATES, "Surgery planned for wk beg 10/3.", "10/3"),
        ("week_commencing_dotted", DATES, "Clinic week commencing 8.5. for", "8.5."),
        ("w_c_dotted", DATES, "Transport booked w/c 9.5., pick-up 08:15", "9.5."),
        ("between_months", DATES, "treated between 28 June and 1 July, then", "28 June and 1 July"),
        ("holiday_year", DATES, "On Christmas Eve 2024 she fell.", "Christmas Eve 2024"),
        ("holiday", DATES, "She fell on Boxing Day at home.", "Boxing Day"),
        ("han", DATES, "入院日 2025年3月4日", "2025年3月4日"),
        ("han_no_year", DATES, "3月4日复诊", "3月4日"),
        ("hangul", DATES, "2025년 3월 4일 입원", "2025년 3월 4일"),
        ("russian", DATES, "осмотр 4 марта 2025", "4 марта 2025"),
        ("hindi", DATES, "भर्ती 4 मार्च 2025", "4 मार्च 2025"),
        ("spanish_de", DATES, "visita 4 de marzo en la clínica", "4 de marzo"),
        ("spelled_day", RELATIVE, "whom I saw in clinic on the ninth.", "the ninth"),
        ("spelled_day_seen", RELATIVE, "First seen the twenty-third.", "the twenty-third"),
        ("spelled_days_and", RELATIVE, "seen on the ninth and again on the twelfth", "the ninth"),
        ("ordinal_range", RELATIVE, "Seen the 3rd to the 7th on the ward.", "the 3rd to the 7th"),
    ],
)
def test_when_a_letter_dates_something_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(recognizer, text)}


@pytest.mark.parametrize(
    ("case", "text", "subtype"),
    [
        ("roman_dob", "DOB 3.iii.61", "DOB"),
        ("roman_full", "seen 3.iii.2024", "FULL_DATE"),
    ],
)
def test_when_a_month_is_in_roman_numerals_then_the_date_is_whole(
    case: str, text: str, subtype: str
) -> None:
    assert {s for _span, s in found(DATES, text)} == {subtype}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("second_floor", "Her office is on the second floor."),
        ("third_attempt", "On the third attempt she passed the test."),
        ("first_shelf", "Put it on the first shelf."),
        ("ordinal_doses", "the second and third doses were given"),
        ("ordinal_ribs", "fractures of the 3rd and 4th ribs"),
        ("times_roman_x", "give 2 x 10 mg now"),
        ("han_duration", "共3月"),
        ("holiday_lower_case", "merry christmas everyone"),
    ],
)
def test_when_a_letter_word_only_looks_like_a_date_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(DATES, text) == set() and found(RELATIVE, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("french_abbr", "Le 4 févr. 2025 à 14:02, Jean a écrit :", "4 févr. 2025 à 14:02"),
        ("dutch_abbr", "Op di 4 mrt. 2025 om 14:02 schreef Jan:", "4 mrt. 2025 om 14:02"),
        (
            "portuguese_abbr",
            "Em ter., 4 de mar. de 2025 às 14:02, Ana",
            "ter., 4 de mar. de 2025 às 14:02",
        ),
        ("danish_abbr", "Den tirs. 4. mar. 2025 kl. 14.02 skrev", "tirs. 4. mar. 2025 kl. 14.02"),
        ("spanish_abbr", "visto el 4 dic 2025 en consulta", "4 dic 2025"),
        ("iso_interval", "admitted 2025-03-05/2025-03-07 with", "2025-03-05/2025-03-07"),
    ],
)
def test_when_a_quoted_mail_or_interval_dates_something_then_all_of_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(DATES, text)}


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("spaced_dashes", "seen 4 - 3 - 2025 in clinic", "4 - 3 - 2025"),
        ("spaced_dots", "gesehen 4. 3. 2025 in der Ambulanz", "4. 3. 2025"),
        ("misspelt_month_after", "appt on Febuary 4th, thanks", "Febuary 4th"),
        ("misspelt_month_before", "on 4th Feburary 2025 she", "4th Feburary 2025"),
        ("misspelt_long_month", "Decemeber 12 she fell", "Decemeber 12"),
        ("misspelt_weekday", "can she come Wednsday 5th", "Wednsday 5th"),
    ],
)
def test_when_a_date_is_typed_with_spaces_or_a_misspelt_name_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(DATES, text)}


@pytest.mark.parametrize(
    "text",
    ["Marcy 4 kids at home", "Sunny 5 days running", "Augusta 12 beds open", "about 5 patients"],
)
def test_when_a_word_near_a_month_name_is_a_word_or_name_then_no_date_is_found(text: str) -> None:
    assert found(DATES, text) == set()


# Dates as a registration desk and an insurer's agents write them in many languages (issue 13,
# the intake_desk dev voice): sentences written for these tests.
@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("romanian_weekday_and_month", "Clarisa Manole, joi, 28 aprilie 1977, SZ649851.", "joi, 28 aprilie 1977"),
        ("czech_genitive", "nar. 25. září 1944", "25. září 1944"),
        ("czech_nominative", "úterý, 9 duben 2002", "úterý, 9 duben 2002"),
        ("polish_nominative", "callback by 18 luty 2025.", "18 luty 2025"),
        ("turkish_weekday_time", "Pazar, 18 Ocak 2026 11:57: Metinkaya", "Pazar, 18 Ocak 2026 11:57"),
        ("danish_weekday", "den onsdag, 4 mars 2026 Berit Lund", "onsdag, 4 mars 2026"),
        ("portuguese_weekday", "Desk log sexta-feira, 5 dezembro 2025", "sexta-feira, 5 dezembro 2025"),
        ("norwegian_month_full_stop", "(ma. 6. juni. 1994) checked in", "ma. 6. juni. 1994"),
        ("dashed_foreign_abbreviation", "Nina Berge den 12-OKT-2025 07:57", "12-OKT-2025 07:57"),
        ("dashed_foreign_month", "Desk log 14-JUNI-2025", "14-JUNI-2025"),
        ("bare_day_foreign_month", "Last contact 24 juni.", "24 juni"),
        ("bare_day_turkish_month", "moved the appointment of 6 Ekim. New booking", "6 Ekim"),
        ("bare_day_in_a_field", "Date of birth: 5 Ocak\n", "5 Ocak"),
        ("spaced_after_a_field", "Date: 18 08 2025", "18 08 2025"),
        ("spaced_month_first_after_a_cue", "follow up 02 14 2025.", "02 14 2025"),
        ("spaced_in_a_list", "Victor Gallet, 14 07 1967, 5844-0360.", "14 07 1967"),
    ],
)  # fmt: skip
def test_when_a_desk_writes_a_date_in_its_own_language_then_all_of_it_is_found(
    case: str, text: str, expected: str
) -> None:
    assert expected in {v for v, _ in found(DATES, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("mars_is_a_word", "we need 2 mars bars and 4 mai tais"),
        ("spaced_run_of_a_number", "call 0161 07 12 2024 5678"),
        ("card_groups", "card 4111 11 12 2024"),
        ("spaced_numbers_no_cue", "sets of 3 4 2020 reps"),
    ],
)
def test_when_words_or_numbers_only_look_like_a_foreign_or_spaced_date_then_no_date(
    case: str, text: str
) -> None:
    assert not found(DATES, text)


# Dates as systems print them with strftime (issue 13): C's ctime() with the year last and the
# day padded, fractions of a second, ISO year-month, a comma before the year, spaced ISO.
@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("ctime", "Last visit Tue Sep 12 21:34:38 1972, follow-up booked.", "Tue Sep 12 21:34:38 1972"),
        ("ctime_padded_day", "Sent: Sat Dec  3 10:22:29 1977", "Sat Dec  3 10:22:29 1977"),
        ("iso_microseconds", "DOB 1982-04-29T22:13:35.000000", "1982-04-29T22:13:35.000000"),
        ("iso_year_month", "Date: 1989-09\nFrom: clinic", "1989-09"),
        ("month_comma_year", "DOB April, 1935", "April, 1935"),
        ("spaced_iso", "Maria Lopez was seen on 1960 08 23.", "1960 08 23"),
    ],
)  # fmt: skip
def test_when_a_system_prints_a_date_with_strftime_then_all_of_it_is_found(
    case: str, text: str, expected: str
) -> None:
    assert expected in {v for v, _ in found(DATES, text)}


# A service's opening days and standing sessions name no date (issue 13, `clinic_letters` and
# `lab_eob` dev voices); a patient's days in the same shapes still do.
@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("clinic_hours", "Outpatient clinics run Monday to Friday, 08:30-17:00."),
        ("courier_runs", "The courier runs at 10:30 and 15:00 Monday to Friday; no more"),
        ("open_through", "The desk is open Monday through Saturday."),
        ("the_list", "The Saturday list starts in the spring."),
        ("plural_session", "Saturday pickups only on request."),
    ],
)
def test_when_weekdays_name_a_service_s_opening_or_sessions_then_no_date(
    case: str, text: str
) -> None:
    assert found(RELATIVE, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("stay_range", "Mrs Lee was inpatient Monday to Friday.", {"Monday", "Friday"}),
        ("seen_then_return", "seen Monday and will return Friday.", {"Monday", "Friday"}),
        ("session_without_the", "Monday clinic appointment for Mrs Lee", {"Monday"}),
        (
            "range_in_other_sentence",
            "The clinic runs daily. Seen Monday to Friday.",
            {"Monday", "Friday"},
        ),
    ],
)
def test_when_weekdays_are_a_patient_s_days_then_they_stay_dates(
    case: str, text: str, expected: set[str]
) -> None:
    assert {span for span, _subtype in found(RELATIVE, text)} == expected


# November in Polish and Czech, in the nominative a desk's log prints ("20 listopad"); the
# genitive was read already (issue 13, `intake_desk` dev voice)
@pytest.mark.parametrize(
    ("text", "value"),
    [("Mahulena Svoboda; 20 listopad", "20 listopad"), ("seen 3 listopad 2024", "3 listopad 2024")],
)
def test_when_a_day_comes_before_listopad_then_it_is_a_date(text: str, value: str) -> None:
    assert value in {span for span, _subtype in found(DATES, text)}


def test_when_listopad_has_no_day_then_it_is_no_date() -> None:
    assert found(DATES, "listopad was cold, 20 of them came") == set()


# A spaced day, month and year as a log's field after a semicolon ("Raik Siering; 20 07 2024"),
# as after a colon or a comma (issue 13, `intake_desk` dev voice); counts in a row stay numbers.
def test_when_a_spaced_date_follows_a_semicolon_then_it_is_a_date() -> None:
    text = "policy no. DA8932408; Raik Siering; 20 07 2024"
    assert "20 07 2024" in {span for span, _subtype in found(DATES, text)}


def test_when_spaced_numbers_follow_a_word_then_they_are_no_date() -> None:
    assert found(DATES, "sets of 3 4 2020 reps; then rest") == set()


# A Spanish or Portuguese "de" between a day and an English month, as a desk writing in two
# languages puts it ("Intake 11 de June"; issue 13, `intake_desk` dev voice).
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Intake 11 de June: Nicolás Granado", "11 de June"),
        ("visto 3 de March 2025", "3 de March 2025"),
    ],
)
def test_when_de_joins_a_day_and_an_english_month_then_it_is_a_date(text: str, value: str) -> None:
    assert value in {span for span, _subtype in found(DATES, text)}


def test_when_de_follows_a_number_before_no_month_then_it_is_no_date() -> None:
    assert found(DATES, "tomar 2 de las pastillas, 3 de ellos") == set()


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("your fitting is moved to Tuesday (5/5), same time", "5/5"),
        ("Fri (4/4) works for us", "4/4"),
    ],
)
def test_when_a_weekday_gives_its_date_in_brackets_then_the_date_is_found(
    text: str, date: str
) -> None:
    assert date in {span for span, _ in found(DATES, text)}


@pytest.mark.parametrize("text", ["score (4/4) on Friday", "grip (5/5) bilaterally"])
def test_when_a_bracketed_pair_follows_no_weekday_then_it_is_no_date(text: str) -> None:
    assert found(DATES, text) == set()


@pytest.mark.parametrize("text", ["DOB: 1929", "D.O.B. 1929", "Date of birth: 1931"])
def test_when_a_birth_label_gives_a_year_alone_then_it_is_a_dob(text: str) -> None:
    assert (text.split()[-1], "DOB") in found(DATES, text)
