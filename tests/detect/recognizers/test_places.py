"""`places` re-exports the place recognizers and helpers: callers that import them from it
get the very objects of the modules that hold them."""

from __future__ import annotations

from bot.detect.recognizers import addresses, institutions, places, states, towns


def test_when_places_is_imported_then_its_names_are_the_modules_own() -> None:
    assert places.AddressRecognizer is addresses.AddressRecognizer
    assert places.CityRecognizer is towns.CityRecognizer
    assert places.InstitutionRecognizer is institutions.InstitutionRecognizer
    assert places.is_state is states.is_state
    assert set(places.__all__) <= set(dir(places))
