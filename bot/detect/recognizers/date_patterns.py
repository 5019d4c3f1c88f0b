"""The shapes of an absolute date `ClinicalDateRecognizer` looks for, in the order it tries them
(strength in each pattern's name); `dates.ClinicalDateRecognizer.refine` judges each match."""

from __future__ import annotations

from presidio_analyzer import Pattern

from bot.detect.recognizers.date_words import (
    DAY,
    FOREIGN_MONTH,
    FOREIGN_MONTH_ABBR,
    MONTH,
    ORD,
    ORDINAL_WORD,
    WEEKDAY,
    YEAR,
)

# The named days a holiday is written by, without its year (shared with `holiday_dates`).
HOLIDAY_NAMES = (
    r"(?:Christmas|Xmas)\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year'?s?\s+(?:Day|Eve)"
    r"|Easter\s+(?:Sunday|Monday)|Good\s+Friday|St\.?\s+Patrick'?s\s+Day|Anzac\s+Day"
    r"|Waitangi\s+Day|Canada\s+Day|Australia\s+Day|Thanksgiving\s+Day|Independence\s+Day"
)

DATE_PATTERNS: list[Pattern] = [
    Pattern(
        "iso_date_strong",
        r"(?<![\d/.]|\d-)(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![\d/-]|\.\d)",
        0.9,
    ),
    Pattern(
        "numeric_full_strong",
        r"(?<![\d/.]|\d-|\d:)\d{1,2}([/.-])\d{1,2}\1(?:(?:19|20)\d{2}|\d{2})(?![\d/-]|\.\d|:\d)",
        0.85,
    ),
    # "1/9/2026-1/13/2026", "3/4–3/9": a range written without spaces; each end is checked
    Pattern(
        "numeric_range_strong",
        r"(?<![\d/.]|\d-|\d:)(?P<a>\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?)\s?[-–—]\s?"
        r"(?P<b>\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?)(?![\d/-]|\.\d|:\d)",
        0.8,
    ),
    Pattern(
        "numeric_partial_medium",
        r"(?<![\d/.+^x]|\d:)\d{1,2}/\d{1,2}(?![\d/]|\.\d|\s*\+|[a-z])",
        0.5,
    ),
    Pattern(
        "month_day_strong",
        rf"\b{MONTH}(?:\s?|[ ]{{2}})\d{{1,2}}{ORD}(?!\d|:\d|\s*(?:mg|mcg|ml|units?|%|am|pm)\b){YEAR}?(?!\d)",
        0.75,
    ),
    Pattern(
        "day_month_strong",
        # "of", or a Spanish or Portuguese "de" as a desk in two languages writes it ("11
        # de June")
        rf"(?<![\d/.])\b\d{{1,2}}{ORD}\s?(?:of\s+|de\s+)?{MONTH}{YEAR}?(?!\d)",
        0.75,
    ),
    # "the 19th of January": the article goes with the date (its own pattern: an optional
    # "the" in front of the pattern above made it three times slower)
    Pattern(
        "the_day_of_month_strong",
        rf"\bthe\s+\d{{1,2}}{ORD}\s+of\s+{MONTH}{YEAR}?(?!\d)",
        0.75,
    ),
    # "24-26 February", "7th-10th Nov 2026": days of one month as a range
    Pattern(
        "day_range_month_strong",
        rf"(?<![\d/.])\b\d{{1,2}}{ORD}\s?(?:[-–/&]|\s(?:to|and|through|till|until)\s)\s?\d{{1,2}}{ORD}\s+(?:of\s+)?{MONTH}{YEAR}?(?!\d)",
        0.75,
    ),
    # "November 10-12", "Dec 24th to the 26th": a month, then a range of its days
    Pattern(
        "month_day_range_strong",
        rf"\b{MONTH}\s?\d{{1,2}}{ORD}\s?(?:[-–]|to|through|thru|until|till)\s?(?:the\s+)?"
        rf"\d{{1,2}}{ORD}(?![\d/]|:\d|\s*(?:mg|mcg|ml|units?|%|am|pm|days?|weeks?)\b){YEAR}?(?!\d)",
        0.75,
    ),
    # "born 1931", "YOB: 1931", "DOB: 1929" (the year alone): a year of birth (an element of the DOB; over 89 it identifies)
    Pattern(
        "birth_year_medium",
        r"\b(?:born(?:\s+in)?|b\.|yob|year\s+of\s+birth|birth\s+year|dob|d\.o\.b\.?|date\s+of\s+birth)\s*:?\s*"
        r"(?P<v>(?:19|20)\d{2})\b(?![/.-]\d)",
        0.6,
    ),
    # "mid-March", "early April", "the end of June": a part of a named month (capitalised,
    # so "late may" stays a modal verb)
    Pattern(
        "month_part_medium",
        rf"\b(?:mid|early|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[- ]{MONTH}(?!\s*\d)",
        0.6,
    ),
    # "Monday 3rd", "Tues 10th": a weekday before a day of the month
    Pattern(
        "weekday_day_medium",
        rf"\b(?:{WEEKDAY}|{DAY}\.?),?\s+\d{{1,2}}(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{MONTH})",
        0.65,
    ),
    # "le 4 mars", "am 4. März", "el 4 de marzo": a day and month after another language's
    # "on", no year needed (alone, "mars" and "mai" are words)
    Pattern(
        "foreign_day_month_medium",
        rf"\b(?:le|am|el|il|op|em|au|du|vom|bis|zum|del|dal|al)\s+(?P<v>\d{{1,2}}(?:\.|er|º|°)?\s+(?:de\s+)?"
        rf"(?:{FOREIGN_MONTH}|{MONTH}))(?!\s*(?:de\s+|del\s+)?(?:19|20)\d{{2}})",
        0.7,
    ),
    # "8. September 2025": a German or Scandinavian day, its full stop, an English month
    Pattern(
        "dotted_day_month_year_strong",
        rf"(?<![\d/.])\b\d{{1,2}}\.\s?{MONTH}\s?(?:19|20)\d{{2}}\b",
        0.85,
    ),
    # "03.03.", "1.8.-4.8.2025": a day and month with their full stops and no year
    Pattern(
        "dotted_day_month_medium",
        r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?![\d.]|\w)",
        0.6,
    ),
    # "04OCT25", "31dec2025": day, month and year run together, as logs and labels print them
    Pattern(
        "compact_day_mon_year_strong",
        r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
        r"(?:(?:19|20)\d{2}|\d{2})(?![\w/-])",
        0.85,
    ),
    # iCalendar and log stamps: "20260304T140000Z"
    Pattern(
        "compact_timestamp_strong",
        r"(?<![\w])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])T[0-2]\d[0-5]\d(?:[0-5]\d)?Z?(?![\w])",
        0.9,
    ),
    Pattern("day_mon_year_strong", rf"\b\d{{1,2}}{ORD}-{MONTH}-(?:\d{{4}}|\d{{2}})\b", 0.9),
    # Letters' shapes (issue 13, `clinic_letters` dev voice): a month in Roman numerals as
    # British and European letters print a DOB ("3.iii.61", "03-iii-1961", "3/XII/1961");
    # the old "3rd inst." / "4th ult." (this month, last month); "March, 3rd 2025".
    Pattern(
        "roman_month_strong",
        r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([./-])(?-i:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i"
        r"|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\1(?:(?:19|20)\d{2}|\d{2})(?![\w/-])",
        0.85,
    ),
    Pattern(
        "day_inst_medium",
        r"\b(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+(?:inst|ult|prox)\b\.?",
        0.7,
    ),
    Pattern(
        "month_comma_day_medium",
        rf"\b{MONTH},\s+\d{{1,2}}(?:st|nd|rd|th)\b{YEAR}?(?!\d)",
        0.7,
    ),
    # Named days of the year ("Christmas Eve 2024", "on Boxing Day", "New Year's Day"): a
    # day of service like any other when they say when something happened.
    # Han and Hangul dates ("2025年3月4日", "3月4日", "2025년 3월 4일"): scripts without
    # capitals or spaces, so no word boundary is asked for.
    Pattern(
        "cjk_date_strong",
        r"(?<!\d)(?:(?:19|20)\d{2}\s?[年년]\s?)?(?:0?[1-9]|1[0-2])\s?[月월]\s?(?:0?[1-9]|[12]\d|3[01])\s?[日号일]",
        0.85,
    ),
    Pattern(
        "cjk_month_year_medium",
        r"(?<!\d)(?:19|20)\d{2}\s?[年년]\s?(?:0?[1-9]|1[0-2])\s?[月월](?!\s?\d)",
        0.6,
    ),
    # "4 de marzo", "4 de março": the "de" makes it a date without a preposition before it
    Pattern(
        "de_day_month_medium",
        rf"(?<![\d/.])\b\d{{1,2}}\s+de\s+{FOREIGN_MONTH}(?!\s*(?:de\s+|del\s+)?(?:19|20)\d{{2}})",
        0.7,
    ),
    Pattern(
        "holiday_medium",
        rf"\b(?-i:{HOLIDAY_NAMES})(?:,?\s+(?:19|20)\d{{2}})?\b",
        0.6,
    ),
    Pattern("day_mon_medium", rf"(?<![\d/.]|\d-)\b\d{{1,2}}-{MONTH}(?![\w-])", 0.7),
    Pattern("mon_day_medium", rf"\b{MONTH}-\d{{1,2}}(?![\w-])", 0.7),
    Pattern("mon_day_year_strong", rf"\b{MONTH}-\d{{1,2}}-(?:(?:19|20)\d{{2}}|\d{{2}})\b", 0.9),
    Pattern(
        "md_hyphen_weak",
        r"(?<![\d/.:+-])\b(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])\b(?![\d/-]|\.\d|\s*(?:mg|mcg|ml|units?|days?|d|hrs?|hours?|weeks?|wks?|times|x|%|cm|mm|kg|lbs?)\b)",
        0.3,
    ),
    Pattern("month_year_medium", rf"\b{MONTH},?\s?(?:of\s+)?(?:(?:19|20)\d{{2}}|'\d{{2}})\b", 0.6),
    # "CABG x 4 in 3/80", "quit in 10/1995": month/year in a history
    Pattern(
        "month_year_numeric_medium",
        r"(?<![\d/.]|\d-)(?:0?[1-9]|1[0-2])/(?:(?:19|20)\d{2}|[3-9]\d)(?![\d/]|\.\d|\s*(?:mg|mcg|ml|mmhg|units?|%)\b)",
        0.6,
    ),
    # "hip fx 3-2013": the same with a hyphen, four-digit years only (a pattern of its own:
    # one alternation for both marks made this pass ten times slower)
    Pattern(
        "month_year_numeric_hyphen_medium",
        r"(?<![\d/.-])(?:0?[1-9]|1[0-2])-(?:19|20)\d{2}(?![\d/-]|\.\d|\s*(?:mg|mcg|ml|mmhg|units?|%)\b)",
        0.6,
    ),
    # "the third of July", "July the 3rd", "July third"
    Pattern(
        "spelled_day_medium",
        rf"\b(?:(?:the\s+)?{ORDINAL_WORD}\s+(?:of\s+)?{MONTH}|{MONTH}\s+(?:the\s+)?(?:{ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th)))\b{YEAR}?",
        0.7,
    ),
    # "Sunday the 4th", "Wed. the twelfth": a weekday names the month's day it falls on
    Pattern(
        "weekday_ordinal_medium",
        rf"\b(?:{WEEKDAY}|{DAY}\.?),?\s+the\s+(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})\b",
        0.7,
    ),
    Pattern(
        "foreign_abbr_day_month_year_strong",
        rf"(?<![\d/.])\b\d{{1,2}}\.?\s+(?:de\s+)?{FOREIGN_MONTH_ABBR}\.?\s+(?:de\s+)?(?:19|20)\d{{2}}\b",
        0.85,
    ),
    # Numeric with spaces around its separators and a full year ("4 - 3 - 2025", "4. 3. 2025")
    Pattern(
        "spaced_numeric_full_strong",
        r"(?<![\d/.])\b(?:0?[1-9]|[12]\d|3[01])\s?([./-])\s(?:0?[1-9]|1[0-2])\s?\1\s?(?:19|20)\d{2}\b"
        r"|(?<![\d/.])\b(?:0?[1-9]|[12]\d|3[01])\s([./-])\s?(?:0?[1-9]|1[0-2])\s?\2\s?(?:19|20)\d{2}\b",
        0.85,
    ),
    # A month or weekday name misspelt as people type them ("Febuary 4th", "4th Feburary",
    # "Wednsday 5th"): a word one or two edits from the name, beside a day's number (see
    # `date_checks.misspelt_month`); a word of the dictionary is never one.
    Pattern(
        "misspelt_month_medium",
        r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[JFMASONDjfmasond][a-z]{4,9})\b(?:,?\s+(?:19|20)\d{2}\b)?"
        r"|(?P<w>[JFMASONDTWjfmasondtw][a-z]{4,9})\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?![\d:/.]\d)(?:,?\s+(?:19|20)\d{2}\b)?)",
        0.6,
    ),
    # An interval in ISO 8601 ("2025-03-05/2025-03-07")
    Pattern(
        "iso_interval_strong",
        r"(?<![\d/.])(?:19|20)\d{2}-\d{2}-\d{2}/(?:19|20)\d{2}-\d{2}-\d{2}(?![\d/-])",
        0.9,
    ),
    Pattern(
        "foreign_day_month_year_strong",
        rf"(?<![\d/.])\b\d{{1,2}}(?:\.|er|º|°)?\s+(?:de\s+)?{FOREIGN_MONTH}\.?\s+(?:de\s+|del\s+)?(?:19|20)\d{{2}}\b",
        0.85,
    ),
    # "24 juni", "6 Ekim", "20 listopad", "2. Juli": a day and another language's month,
    # no year and no preposition (see `dates._AMBIGUOUS_MONTH` for the words it leaves)
    Pattern(
        "foreign_day_month_bare_medium",
        rf"(?<![\d/.,]|\d\s)\b(?:0?[1-9]|[12]\d|3[01])(?:\.|er|º|°)?\s+(?:de\s+)?{FOREIGN_MONTH}(?!\.?\s*(?:de\s+|del\s+)?(?:19|20)\d{{2}})",
        0.6,
    ),
    # "12-OKT-2025", "15-Ekim-2024", "3/févr./2025": a day, a month in another language
    # and a year joined by dashes or slashes
    Pattern(
        "foreign_dashed_date_strong",
        rf"(?<![\d/.-])\b\d{{1,2}}([-/])(?:{FOREIGN_MONTH}|{FOREIGN_MONTH_ABBR})\.?\1(?:(?:19|20)\d{{2}}|\d{{2}})\b(?![/-]\d)",
        0.85,
    ),
    # "18 08 2025", "02 14 2025": day, month and year parted by single spaces, a full year,
    # no digit on either side (a number's groups are longer or run on)
    # "1989-09": ISO 8601's year and month, the month zero-padded
    Pattern(
        "iso_month_year_medium",
        r"(?<![\d/.-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?![\d/-]|\.\d)",
        0.6,
    ),
    # "1960 08 23": year, month and day parted by spaces
    Pattern(
        "spaced_iso_strong",
        r"(?<![\d/.:]|\d[ ])\b(?:19|20)\d{2}[ ](?:0[1-9]|1[0-2])[ ](?:0[1-9]|[12]\d|3[01])\b(?![ ]?\d|[/.:-]\d)",
        0.7,
    ),
    Pattern(
        "spaced_numeric_year_medium",
        r"(?<![\d/.:]|\d[ ])\b(?:0?[1-9]|[12]\d|3[01])[ ](?:0?[1-9]|[12]\d|3[01])[ ](?:19|20)\d{2}\b(?![ ]?\d|[/.:-]\d)",
        0.6,
    ),
    Pattern(
        "foreign_month_year_medium",
        rf"\b{FOREIGN_MONTH}\s+(?:de\s+|del\s+)?(?:19|20)\d{{2}}\b",
        0.6,
    ),
    # "DOB 03 03 1961": day, month and year spaced, counted only after a birth cue
    Pattern(
        "spaced_dob_weak",
        r"(?<![\d/.])\b(?:0?[1-9]|[12]\d|3[01])\s(?:0?[1-9]|1[0-2])\s(?:19|20)\d{2}\b",
        0.3,
    ),
    Pattern(
        "compact_dob_weak",
        r"(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)",
        0.3,
    ),
]
