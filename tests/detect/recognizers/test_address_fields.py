"""`AddressFieldRecognizer` alone (no spaCy): a form's address field in any language, and
Japanese and Chinese addresses (issue 13's address pass, `address_stress` dev voice). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.address_fields import AddressFieldRecognizer
from tests.detect.recognizers.tables import found

FIELDS = AddressFieldRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "address"),
    [
        ("czech", "Adresa: V Nížinách 5", "V Nížinách 5"),
        ("finnish", "Osoite: Ylä-Fallin bulevardi 14", "Ylä-Fallin bulevardi 14"),
        ("norwegian", "Adresse: Kristiansenkollen 166\nPostnummer: 6386", "Kristiansenkollen 166"),
        ("french_unit", "Address: rue de Faivre, porte 4", "rue de Faivre, porte 4"),
        ("country_left_out", "Cím: Pf. 8533, H-7280 Hátháza, Hungary", "Pf. 8533, H-7280 Hátháza"),
        ("japanese_field", "住所: 四街道市外国府間5丁目7番2号", "四街道市外国府間5丁目7番2号"),
        ("japanese_inline", "to 〒468-9692, 長崎県四街道市外国府間5丁目7番2号, please", "〒468-9692, 長崎県四街道市外国府間5丁目7番2号"),
        ("chinese", "地址 陕西省成都市龙潭区太原路12号", "陕西省成都市龙潭区太原路12号"),
        ("chinese_building", "邮编 417012 陕西省成都市龙潭区太原路y座", "陕西省成都市龙潭区太原路y座"),
    ],
)  # fmt: skip
def test_when_an_address_field_or_a_cjk_address_is_written_then_it_is_found(
    case: str, text: str, address: str
) -> None:
    assert (address, "ADDRESS") in found(FIELDS, text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("email", "Email address: jo@example.com"),
        ("ip", "IP address: 10.0.0.12"),
        ("no_number", "Address: same as above"),
        ("url", "Address: https://example.com/1"),
        ("chinese_city_word", "我住在城市里 3 年"),
    ],
)
def test_when_an_address_field_holds_no_postal_address_then_nothing_is_found(
    case: str, text: str
) -> None:
    assert found(FIELDS, text) == set()


# Issue 13's places pass (`world_addresses` dev voice): a form's numbered address lines, and
# fields a bar parts on one line. Sentences written for these tests.
@pytest.mark.parametrize(
    ("case", "text", "address"),
    [
        ("line_two_flat", "Address line 1: 47 Main Street | Address line 2: Flat 28 | Town: Leeds", "Flat 28"),
        ("line_one_before_a_bar", "Address line 1: 33, rue Brun | Town/City: Lyon", "33, rue Brun"),
        ("spanish_floor", "Address line 2: Piso 6", "Piso 6"),
    ],
)  # fmt: skip
def test_when_a_numbered_address_line_is_filled_then_its_value_is_found(
    case: str, text: str, address: str
) -> None:
    assert (address, "ADDRESS") in found(FIELDS, text)


def test_when_a_numbered_address_line_holds_no_number_then_nothing_is_found() -> None:
    assert found(FIELDS, "Address line 2: n/a | Town: Leeds") == set()
