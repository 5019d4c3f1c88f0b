"""The CLI tests' database: a fresh SQLite file per test, named by `DATABASE_URL`."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path}/cli/phiwarden.sqlite3"
    monkeypatch.setenv("DATABASE_URL", url)
    return url
