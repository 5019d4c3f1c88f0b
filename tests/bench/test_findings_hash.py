from __future__ import annotations

from bench.findings_hash import digest


def test_the_equivalence_hash_ignores_which_recognizer_a_tie_kept_but_not_a_score() -> None:
    """On an exact tie the merged finding keeps either recognizer's name from run to run
    (Presidio's registry returns a set), so the name must not move the hash; anything that
    changes what is found must."""
    row = ["phi", [76, 90, "LOCATION", "1.0", "AddressRecognizer", "ADDRESS"]]
    tie = ["phi", [76, 90, "LOCATION", "1.0", "ForeignAddressRecognizer", "ADDRESS"]]
    rescored = ["phi", [76, 90, "LOCATION", "0.75", "AddressRecognizer", "ADDRESS"]]
    retyped = ["phi", [76, 90, "LOCATION", "1.0", "AddressRecognizer", "ZIP"]]
    assert digest([row]) == digest([tie])
    assert len({digest([row]), digest([rescored]), digest([retyped]), digest([["low"]])}) == 4
