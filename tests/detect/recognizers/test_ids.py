"""`IdRecognizer` and `SsnRecognizer` alone (no spaCy): labelled record numbers and SSNs; lab
values and impossible SSNs left alone."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from bot.detect.recognizers.ids import IdRecognizer, SsnRecognizer
from tests.detect.recognizers.tables import found

IDS, SSN = IdRecognizer(), SsnRecognizer()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "expected"),
    [
        ("mrn_labelled", IDS, "MRN 12345678", {("12345678", "MRN")}),
        ("mrn_colon_lowercase", IDS, "mrn: 4471923", {("4471923", "MRN")}),
        ("order_number", IDS, "order 12345", {("12345", "MRN")}),
        ("letters_then_digits", IDS, "chart ab4-55678", {("ab4-55678", "MRN")}),
        ("ssn_labelled", SSN, "SSN 123-45-6789", {("123-45-6789", "SSN")}),
        ("ssn_bare", SSN, "123-45-6789", {("123-45-6789", "SSN")}),
    ],
)
def test_when_an_identifier_is_written_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(recognizer, text) == expected


def test_when_a_label_names_the_number_then_it_scores_higher_than_bare_digits() -> None:
    labelled = IDS.analyze("MRN 12345678", ["ID"])
    bare = IDS.analyze("room 12345678", ["ID"])
    assert max(r.score for r in labelled) == 1.0
    assert max(r.score for r in bare) < 0.85


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("potassium", IDS, "K 4.1"),
        ("short_number", IDS, "bed 12"),
        ("ssn_area_000", SSN, "000-12-3456"),
        ("ssn_area_666", SSN, "666-12-3456"),
        ("phone_extension", IDS, "blood bank is x4-5567 if anyone needs it"),
        ("phone_extension_ext", IDS, "call ext4-5567 for the lab"),
        ("phone_extension_run_together", IDS, "pharmacy x45567"),
    ],
)
def test_when_a_number_is_not_an_identifier_then_it_is_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("mac_colons", "MAC 3a:c0:9e:47:fb:ab, IMEI", "3a:c0:9e:47:fb:ab"),
        ("mac_dashes_upper", "adapter 00-1A-2B-3C-4D-5E.", "00-1A-2B-3C-4D-5E"),
        ("mac_cisco_dots", "mac 0011.2233.44aa.", "0011.2233.44aa"),
        (
            "whatsapp_photo",
            "sent WhatsApp Image 2026-03-04 at 20.16.48.jpeg, and",
            "WhatsApp Image 2026-03-04 at 20.16.48.jpeg",
        ),
        (
            "screenshot",
            "Screenshot 2026-03-03 at 10.14.22.png",
            "Screenshot 2026-03-03 at 10.14.22.png",
        ),
        ("serial_not_after_lot", "serial 24K118X9 on the pump", "24K118X9"),
        ("label_word_left_out", "heel wound, photo IMG_0122.HEIC. Next", "IMG_0122.HEIC"),
    ],
)
def test_when_a_device_address_or_named_photo_is_written_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(IDS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("lot_number", "Lot 24K118 of the infusion sets is on hold. Use lot 24K131 or later."),
        ("lot_hash", "lot # 24K118"),
        ("batch", "batch 4471923 recalled"),
        ("photo_words_no_digit", "photo of the wound.jpg"),
    ],
)
def test_when_a_number_names_a_batch_or_a_file_names_nobody_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(IDS, text) == set()


def test_when_a_photo_label_comes_before_a_file_name_then_the_label_is_not_reported() -> None:
    assert all(not span.startswith("photo") for span, _ in found(IDS, "photo IMG_0122.HEIC."))


# Issue 13, identifiers pass: a photo saved in a phone's or a camera's own format (JFIF, AVIF,
# a DSLR's raw file) is a photo file as a JPEG is.
@pytest.mark.parametrize(
    "value", ["face_0412.jfif", "IMG_4471.avif", "DSC_0042.NEF", "IMG_7781.CR2", "_DSC4410.ARW"]
)
def test_when_a_numbered_photo_is_saved_in_a_camera_format_then_it_is_an_id(value: str) -> None:
    assert value in {span for span, _subtype in found(IDS, f"sent {value} yesterday")}


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("case_code", "Complaint logged. Case PR#48213.", "48213"),
        ("table_cell", "Reference CR#12345 | 2026-03-04 | closed", "12345"),
        ("three_capitals", "Our ref: PRL#77812.", "77812"),
    ],
)
def test_when_capitals_are_glued_to_a_number_sign_then_its_number_is_an_id(
    case: str, text: str, value: str
) -> None:
    assert value in {v for v, _ in found(IDS, text)}
