"""PHI detection: a library with no Slack in it."""

from bot.detect.engine import TextEngine
from bot.detect.types import Finding, Kind, ScanResult, Verdict

__all__ = ["Finding", "Kind", "ScanResult", "TextEngine", "Verdict"]
