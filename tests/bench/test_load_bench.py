"""The load bench's event sequence, which `--clean-only` replays without servers."""

from __future__ import annotations

from bench.load_bench import picks


def test_when_events_are_picked_then_even_ones_are_phi_and_the_order_follows_the_seed() -> None:
    texts = {True: ["p1", "p2", "p3"], False: ["c1", "c2"]}
    users = ["U1", "U2"]
    first = list(picks(texts, users, 40, seed=1))
    assert [phi for phi, _, _ in first] == [i % 2 == 0 for i in range(40)]
    assert all(text in texts[phi] and user in users for phi, text, user in first)
    assert first == list(picks(texts, users, 40, seed=1))
    assert first != list(picks(texts, users, 40, seed=2))
