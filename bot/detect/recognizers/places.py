"""LOCATION: the place recognizers, re-exported from the modules that hold them.

`institutions` (hospitals, clinics, schools, residences; `facility_names` and
`facility_places` read their names), `addresses` (streets, boxes, ZIP and postcodes), `towns`
(cities and towns; `town_shapes` holds their shapes) and `states` (what closes an address).
"""

from __future__ import annotations

from bot.detect.recognizers.addresses import AddressRecognizer
from bot.detect.recognizers.facility_places import facility_trail
from bot.detect.recognizers.institutions import InstitutionRecognizer, trie_alternation
from bot.detect.recognizers.states import is_state
from bot.detect.recognizers.town_shapes import value_before_zip
from bot.detect.recognizers.towns import CityRecognizer

__all__ = [
    "AddressRecognizer",
    "CityRecognizer",
    "InstitutionRecognizer",
    "facility_trail",
    "is_state",
    "trie_alternation",
    "value_before_zip",
]
