"""The city gazetteer index: first folded token to every city starting with it, longest first
(so "San Antonio" is tried before a shorter "San ..."), hyphens as their own token, accents
folded, nothing of more than `MAX_TOKENS` words (hyphens do not count). No spaCy needed."""

from __future__ import annotations

from bot.detect.data import load_words
from bot.detect.recognizers.city_index import MAX_TOKENS, city_index, words_in
from bot.detect.recognizers.names_lexicon import fold


def test_multi_word_cities_are_under_their_first_token_longest_first() -> None:
    index = city_index()
    assert ("new", "york") in index["new"]
    assert ("san", "antonio") in index["san"] and ("san", "diego") in index["san"]
    for entries in index.values():
        lengths = [len(e) for e in entries]
        assert lengths == sorted(lengths, reverse=True)
        assert all(0 < words_in(e) <= MAX_TOKENS for e in entries)


def test_hyphens_are_tokens_and_accents_fold() -> None:
    index = city_index()
    # five tokens but three words: "Stoke-on-Trent", "Port-au-Prince" are found
    assert ("port", "-", "au", "-", "prince") in index["port"]
    assert ("stoke", "-", "on", "-", "trent") in index["stoke"]
    assert ("cluj", "-", "napoca") in index["cluj"]
    assert ("a", "coruna") in index["a"]  # "A Coruña", folded


def test_every_short_enough_gazetteer_name_is_indexed() -> None:
    index = city_index()
    indexed = {entry for entries in index.values() for entry in entries}
    names = sorted(load_words("cities.txt"))
    assert names
    for name in names:
        tokens = tuple(fold(t) for t in name.replace("-", " - ").split())
        if sum(t != "-" for t in tokens) <= MAX_TOKENS:
            assert tokens in indexed, name
    assert city_index() is index  # built once


def test_a_saint_mount_or_fort_town_is_indexed_as_addresses_abbreviate_it() -> None:
    index = city_index()
    assert ("st.", "cloud") in index["st."]
    assert ("ft", ".", "wayne") in index["ft"]
    assert ("mt", "vernon") in index["mt"]
    assert ("tunbridge", "wells") in index["tunbridge"]  # GeoNames' "Royal Tunbridge Wells"


def test_a_british_or_irish_county_or_a_shire_is_a_listed_county() -> None:
    """An address block's county line ("Hertfordshire", "West Midlands", "merionethshire");
    a word or a town that is none stays out (issue 13's places pass)."""
    from bot.detect.recognizers.city_index import listed_county

    for county in (
        "Hertfordshire",
        "West Midlands",
        "SOUTH LANARKSHIRE",
        "Tyrone",
        "merionethshire",
    ):
        assert listed_county(county), county
    for other in ("Midlands Road", "shire", "Springfield", "Thanks"):
        assert not listed_county(other), other
