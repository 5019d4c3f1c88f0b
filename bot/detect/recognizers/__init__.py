"""phiwarden's recognizers, one module per family of PHI."""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer

from bot.detect.recognizers.address_fields import AddressFieldRecognizer
from bot.detect.recognizers.addresses import AddressRecognizer
from bot.detect.recognizers.ages import AgeRecognizer
from bot.detect.recognizers.ages_beside import AgeBesideRecognizer
from bot.detect.recognizers.ages_spelled import SpelledAgeRecognizer
from bot.detect.recognizers.answers import AnsweredIdRecognizer, SecurityAnswerRecognizer
from bot.detect.recognizers.cities import CityGazetteerRecognizer
from bot.detect.recognizers.contact import (
    DEFAULT_PHONE_REGIONS,
    ChatEmailRecognizer,
    ChatUrlRecognizer,
    ClinicalPhoneRecognizer,
    Ipv6Recognizer,
    RegionalPhoneRecognizer,
)
from bot.detect.recognizers.counties import CountyRecognizer
from bot.detect.recognizers.cued_addresses import CuedAddressRecognizer
from bot.detect.recognizers.dates import ClinicalDateRecognizer, RelativeDateRecognizer
from bot.detect.recognizers.handles import HandleRecognizer
from bot.detect.recognizers.ids import IdRecognizer, SsnRecognizer
from bot.detect.recognizers.institutions import InstitutionRecognizer
from bot.detect.recognizers.labelled_ids import LabelledIdRecognizer, LetteredCodeRecognizer
from bot.detect.recognizers.names import NameRecognizer
from bot.detect.recognizers.plates import PlateRecognizer, VanityPlateRecognizer
from bot.detect.recognizers.postcodes import PostcodeRecognizer
from bot.detect.recognizers.rooms import RoomRecognizer
from bot.detect.recognizers.scripts import ScriptNameRecognizer
from bot.detect.recognizers.spoken_ids import SpokenNumberRecognizer
from bot.detect.recognizers.streets import ForeignAddressRecognizer
from bot.detect.recognizers.towns import CityRecognizer
from bot.detect.recognizers.traits import TraitRecognizer
from bot.detect.recognizers.verbal_secrets import VerbalSecretRecognizer

__all__ = [
    "DEFAULT_PHONE_REGIONS",
    "AddressFieldRecognizer",
    "AddressRecognizer",
    "AgeBesideRecognizer",
    "AgeRecognizer",
    "AnsweredIdRecognizer",
    "ChatEmailRecognizer",
    "ChatUrlRecognizer",
    "CityGazetteerRecognizer",
    "CityRecognizer",
    "ClinicalDateRecognizer",
    "ClinicalPhoneRecognizer",
    "CountyRecognizer",
    "CuedAddressRecognizer",
    "ForeignAddressRecognizer",
    "HandleRecognizer",
    "IdRecognizer",
    "InstitutionRecognizer",
    "Ipv6Recognizer",
    "LabelledIdRecognizer",
    "LetteredCodeRecognizer",
    "NameRecognizer",
    "PlateRecognizer",
    "PostcodeRecognizer",
    "RegionalPhoneRecognizer",
    "RelativeDateRecognizer",
    "RoomRecognizer",
    "ScriptNameRecognizer",
    "SecurityAnswerRecognizer",
    "SpelledAgeRecognizer",
    "SpokenNumberRecognizer",
    "SsnRecognizer",
    "TraitRecognizer",
    "VanityPlateRecognizer",
    "VerbalSecretRecognizer",
    "default_recognizers",
]


def default_recognizers(
    institutions: Sequence[str] = (), phone_regions: Sequence[str] = DEFAULT_PHONE_REGIONS
) -> list[EntityRecognizer]:
    """Every phiwarden recognizer, ready for a `RecognizerRegistry`. The engine files the
    pattern recognizers' gate strings together (`GateIndex`); a recognizer asked alone reads
    its own."""
    recognizers: list[EntityRecognizer] = [
        NameRecognizer(),
        ClinicalDateRecognizer(),
        RelativeDateRecognizer(),
        AgeRecognizer(),
        AgeBesideRecognizer(),
        SpelledAgeRecognizer(),
        IdRecognizer(),
        LabelledIdRecognizer(),
        LetteredCodeRecognizer(),
        AnsweredIdRecognizer(),
        SecurityAnswerRecognizer(),
        SsnRecognizer(),
        SpokenNumberRecognizer(),
        HandleRecognizer(),
        TraitRecognizer(),
        VerbalSecretRecognizer(),
        PlateRecognizer(),
        VanityPlateRecognizer(),
        ClinicalPhoneRecognizer(),
        RegionalPhoneRecognizer(phone_regions),
        ChatEmailRecognizer(),
        ChatUrlRecognizer(),
        Ipv6Recognizer(),
        InstitutionRecognizer(institutions),
        AddressRecognizer(),
        ForeignAddressRecognizer(),
        CuedAddressRecognizer(),
        AddressFieldRecognizer(),
        CountyRecognizer(),
        CityRecognizer(),
        CityGazetteerRecognizer(),
        PostcodeRecognizer(),
        RoomRecognizer(),
        ScriptNameRecognizer(),
    ]
    return recognizers
