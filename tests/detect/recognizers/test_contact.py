"""The contact recognizers alone (no spaCy): phones, pagers, e-mail and URLs; and vitals,
doses and mentions that only look like them."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from bot.detect.recognizers.contact import (
    ChatEmailRecognizer,
    ChatUrlRecognizer,
    ClinicalPhoneRecognizer,
    RegionalPhoneRecognizer,
)
from tests.detect.recognizers.tables import found

PHONE, EMAIL, URL = ClinicalPhoneRecognizer(), ChatEmailRecognizer(), ChatUrlRecognizer()
REGIONAL = RegionalPhoneRecognizer()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "expected"),
    [
        ("us_phone", PHONE, "call 617-555-0143", {("617-555-0143", "PHONE")}),
        ("paren_phone", PHONE, "(617) 555 0143", {("(617) 555 0143", "PHONE")}),
        ("pager", PHONE, "pager 4412", {("4412", "PHONE")}),
        ("email", EMAIL, "jane.doe@example.org", {("jane.doe@example.org", "EMAIL")}),
        (
            "email_role_word_inside",
            EMAIL,
            "claims.jdoe@x.example",
            {("claims.jdoe@x.example", "EMAIL")},
        ),
        (
            "email_apostrophe",
            EMAIL,
            "send to gareth.o'connell79@mailbox.example or",
            {("gareth.o'connell79@mailbox.example", "EMAIL")},
        ),
        (
            "url",
            URL,
            "https://portal.example.org/patient/123",
            {("https://portal.example.org/patient/123", "URL")},
        ),
        ("uk_international", REGIONAL, "+44 20 7946 0958", {("+44 20 7946 0958", "PHONE")}),
        ("uk_national", REGIONAL, "020 7946 0958", {("020 7946 0958", "PHONE")}),
    ],
)
def test_when_a_contact_detail_is_written_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("extension_alone", PHONE, "ext 4412"),
        ("blood_pressure", PHONE, "BP 120/80"),
        ("dose", PHONE, "dose 0.5 mg"),
        ("slack_mention", EMAIL, "@channel"),
        ("no_domain", EMAIL, "user@localhost"),
        ("role_mailbox", EMAIL, "send the form to claims@insurer.example"),
        ("role_mailbox_noreply", EMAIL, "from: no-reply@portal.example"),
        ("bare_domain", URL, "example.com"),
        ("abbreviation", URL, "e.g. this"),
        ("version", REGIONAL, "version 1.2.3"),
    ],
)
def test_when_a_text_only_looks_like_a_contact_then_it_is_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("double_zero_country_code", "call 0049 79 2532882.", {("0049 79 2532882", "PHONE")}),
        ("double_zero_fax", "fax 0033 1 23 45 67 89 now", {("0033 1 23 45 67 89", "FAX")}),
        ("double_zero_too_short", "lot 0012 3456", set()),
    ],
)
def test_when_a_number_dials_abroad_with_00_then_it_is_a_phone(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(PHONE, text) == expected


# Issue 13, `intake_desk` dev voice: an international number keeps its extension, and digits in
# spaced groups after a call-back phrase are a number to call whatever the country's rules.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("intl_with_extension", "Called back on +90(220)304-9911x5000.", "+90(220)304-9911x5000"),
        ("intl_with_ext_word", "reach her on +44 20 7946 0958 ext 254", "+44 20 7946 0958 ext 254"),
        ("called_back_on_groups", "New booking. Called back on 497 71 427.", "497 71 427"),
        ("phoned_her_on_triplets", "phoned her on 572 649 563 twice", "572 649 563"),
    ],
)
def test_when_a_phone_is_written_with_an_extension_or_after_a_call_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(PHONE, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("clock_times", "call back at 1400 1600 1800 please"),
        ("short_groups", "called at 10 30 today"),
        ("counts", "rang on 12 14 16 hours"),
    ],
)
def test_when_numbers_after_a_call_are_times_or_counts_then_they_are_left_alone(
    case: str, text: str
) -> None:
    assert found(PHONE, text) == set()


def test_the_regions_phone_patterns_are_compiled_when_the_recognizer_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `phonenumbers` compiles a region's patterns at the first number that needs them; built,
    # the recognizer has read an example of each type, so a message compiles none of them
    import re

    from bot.detect.recognizers import contact

    recognizer = RegionalPhoneRecognizer(regions=("US", "GB"))
    compiled: list[str] = []
    real = re.compile

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    texts = ["call 212-555-0147 or (646) 555 0199", "UK office 020 7946 0958"]
    assert [len(recognizer.analyze(t, ["PHONE_NUMBER"])) for t in texts] == [2, 1]
    assert compiled == []
    assert {"US", "GB", "GG", "JE", "IM", "CA"} <= contact._warmed


# `handoff_dev` dev voice: a UK hospital's bleep, a Vocera badge and a team's or a role's pager
# are staff's in-house numbers (four or five digits that dial only inside), not a person's phone.
@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("bleep", "Outreach team is on bleep 4402"),
        ("bleep_number", "SHO on bleep no. 2719 tonight"),
        ("vocera", "charge nurse, vocera 5521"),
        ("team_pager", "the on-call reg is on pager 4402"),
        ("stroke_pager", "stroke team pager 3344 if NIHSS rises"),
    ],
)
def test_when_a_staff_bleep_or_a_teams_pager_is_written_then_it_is_no_phone(
    case: str, text: str
) -> None:
    assert found(PHONE, text) == set()


def test_when_a_pager_is_no_teams_then_it_is_still_a_phone() -> None:
    assert found(PHONE, "daughter has pager 4417, call her first") == {("4417", "PHONE")}
