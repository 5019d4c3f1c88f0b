"""PHI detection: a library with no Slack in it.

`TextEngine` is re-exported lazily: importing `bot.detect.types` (as `bot.policy` does) must not
pull in spaCy and Presidio, which would slow every `phiwarden` command and test collection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.detect.types import Finding, Kind, ScanResult, Verdict

if TYPE_CHECKING:
    from bot.detect.engine import TextEngine

__all__ = ["Finding", "Kind", "ScanResult", "TextEngine", "Verdict"]


def __getattr__(name: str) -> Any:
    if name == "TextEngine":
        from bot.detect.engine import TextEngine

        return TextEngine
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
