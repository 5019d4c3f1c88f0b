"""Real Slack payloads, each file naming where it was copied from (`source`).

Every file is `{"source": ..., "description": ..., "body": ...}`: `body` is exactly what Slack
(or Bolt's or slack_sdk's own tests) sends, so intake and the handlers are tested against the
platform's shapes rather than against the shapes our stand-in happens to produce. Add a
payload by copying it from Slack's documentation or a slackapi test fixture, never by
inventing one; say in `source` where it came from and in `description` what it shows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent


def names() -> list[str]:
    """Every payload's name (its file name without `.json`), sorted."""
    return sorted(p.stem for p in FOLDER.glob("*.json"))


def load(name: str) -> dict[str, Any]:
    """The whole record of one payload: `source`, `description` and `body`."""
    record: dict[str, Any] = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    return record


def body(name: str) -> dict[str, Any]:
    """A fresh copy of one payload's body (tests may change it)."""
    copied: dict[str, Any] = load(name)["body"]
    return copied


def kind(name: str) -> str:
    """How Slack delivers it: `event` (Events API JSON) or `interactive` (form `payload=`)."""
    return "event" if body(name).get("type") == "event_callback" else "interactive"
