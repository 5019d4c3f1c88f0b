"""Storage: protocols in `api`, the SQLAlchemy `Store`, and `open_store(settings)`."""

from __future__ import annotations

from bot.store.store import Store, open_store

__all__ = ["Store", "open_store"]
