"""Held posts at rest: job and confirm payloads are sealed, the SQLite file is 0600 (issue 11/15)."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.config import Settings
from bot.store import open_store
from bot.store.api import PendingConfirm, ScanJob
from bot.store.models import utcnow
from bot.store.sealed import UNREADABLE, PayloadSealer

SECRET_TEXT = "Mrs Elena Varga MRN 4829173"


def _raw_bytes(db: Path) -> bytes:
    """The database file and its WAL, as a thief with a copy of the folder would read them."""
    return b"".join(p.read_bytes() for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def _job(job_id: str = "Ev1") -> ScanJob:
    payload = {
        "user": "U1",
        "ts": "1.1",
        "text": SECRET_TEXT,
        "parts": [["text", SECRET_TEXT, None]],
    }
    return ScanJob(job_id=job_id, team_id="T1", channel_id="C1", kind="message", payload=payload)


def _pending() -> PendingConfirm:
    return PendingConfirm(
        confirm_id="CF1",
        team_id="T1",
        channel_id="C1",
        user_id="U1",
        message_ts="1.1",
        thread_ts=None,
        expires_at=utcnow() + timedelta(minutes=10),
        payload={"text": SECRET_TEXT, "redacted": "Mrs [NAME] MRN [ID]", "kinds": ["ID"]},
    )


@pytest.mark.parametrize("signing_secret", ["s3cret", None])
async def test_held_posts_never_reach_the_database_file_in_plaintext(
    tmp_path: Path, signing_secret: str | None
) -> None:
    db = tmp_path / "var" / "phiwarden.sqlite3"
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{db}", slack_signing_secret=signing_secret
    )
    store = await open_store(settings)
    try:
        await store.insert_job(_job())
        await store.save_pending(_pending())
        # Still readable through the store, whole.
        claimed = await store.claim_job("Ev1", "w1", timedelta(seconds=30))
        assert claimed is not None and claimed.payload["text"] == SECRET_TEXT
        held = await store.get_pending("CF1")
        assert held is not None and held.payload["text"] == SECRET_TEXT
        assert held.payload["kinds"] == ["ID"]  # ids and kinds stay readable
        await store.checkpoint("FULL")
        raw = _raw_bytes(db)
        assert b"4829173" not in raw and b"Varga" not in raw
    finally:
        await store.close()


async def test_a_new_database_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        db = tmp_path / "fresh" / "phiwarden.sqlite3"
        store = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{db}"))
        await store.insert_job(_job())
        await store.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    for companion in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        if companion.exists():
            assert stat.S_IMODE(companion.stat().st_mode) & 0o077 == 0


async def test_an_existing_world_readable_database_is_tightened(tmp_path: Path) -> None:
    db = tmp_path / "phiwarden.sqlite3"
    db.touch(mode=0o644)
    db.chmod(0o644)
    store = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{db}"))
    await store.close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_record_sealed_under_a_lost_key_opens_as_unreadable_not_as_an_error() -> None:
    before = PayloadSealer()  # no key in the environment: a key in memory only
    sealed = before.seal({"text": SECRET_TEXT, "kinds": ["ID"], "removed": True})
    assert sealed is not None and SECRET_TEXT not in str(sealed)
    after_restart = PayloadSealer().open(sealed)
    assert after_restart == {"kinds": ["ID"], "removed": True, UNREADABLE: True}


def test_token_key_rotation_and_the_signing_secret_fallback_both_open() -> None:
    key = Fernet.generate_key().decode()
    by_secret = PayloadSealer(signing_secret="s3cret").seal({"text": "x"})
    by_key = PayloadSealer(token_keys=key, signing_secret="s3cret").seal({"text": "y"})
    both = PayloadSealer(token_keys=key, signing_secret="s3cret")
    assert both.open(by_secret)["text"] == "x"
    assert both.open(by_key)["text"] == "y"
    assert PayloadSealer(signing_secret="s3cret").open(by_key).get(UNREADABLE) is True
