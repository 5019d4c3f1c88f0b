"""`TermRepo`: a workspace's vocabulary, normalised, per team, each change audited by digest."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.detect.vocabulary import normalise
from bot.store import Store
from bot.store.terms import term_digest

SINCE = datetime(2000, 1, 1, tzinfo=UTC)


async def test_when_a_term_is_added_twice_then_it_is_stored_once(store: Store) -> None:
    assert await store.add_term("T1", "not_name", "Rounds", "UADMIN") is True
    assert await store.add_term("T1", "not_name", "  rounds ", "UADMIN") is False  # normalised
    assert await store.list_terms("T1") == [("not_name", normalise("Rounds"))]
    assert await store.list_terms("T2") == []  # another workspace's vocabulary is its own


async def test_when_terms_are_kept_then_the_vocabulary_splits_them_by_kind(store: Store) -> None:
    await store.add_term("T1", "not_name", "Rounds", "UADMIN")
    await store.add_term("T1", "institution", "Lakeside Clinic", "UADMIN")
    vocabulary = await store.get_vocabulary("T1")
    assert vocabulary.not_names == {normalise("Rounds")}
    assert vocabulary.institutions == {normalise("Lakeside Clinic")}


async def test_when_a_term_changes_then_the_audit_row_holds_its_digest_not_the_term(
    store: Store,
) -> None:
    await store.add_term("T1", "not_name", "Okafor", "UADMIN")
    assert await store.remove_term("T1", "not_name", "Okafor", "UADMIN") is True
    assert await store.remove_term("T1", "not_name", "Okafor", "UADMIN") is False  # gone
    rows = [r for r in await store.audit_rows(SINCE, team_id="T1") if r["event"] == "terms_change"]
    assert [r["action"] for r in rows] == ["add", "remove"]
    assert all(
        r["detail"] == {"kind": "not_name", "term_sha256": term_digest("Okafor")} for r in rows
    )
    assert "Okafor" not in str(rows) and "okafor" not in str(rows)


async def test_when_the_kind_is_unknown_then_nothing_is_stored(store: Store) -> None:
    with pytest.raises(ValueError, match="term kind"):
        await store.add_term("T1", "colour", "blue", "UADMIN")
    assert await store.list_terms("T1") == []
