"""URL: Presidio's `UrlRecognizer`, made linear in the length of the text.

Presidio's host pattern (`[a-z0-9.\\-]{1,253}[.](?:com|...)`) may start at every character of a
long dotted run and backtrack over up to 253 characters and some 600 top-level domains from
each: "1." repeated took milliseconds per character. A host name starts where its run of host
characters starts, so each pattern here may only start there (a lookbehind); the patterns are
otherwise Presidio's own, so what is found in real text is unchanged.
"""

from __future__ import annotations

from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import UrlRecognizer

_HOST_START = r"(?<![a-z0-9.\-])"


class LinearUrlRecognizer(UrlRecognizer):
    """`UrlRecognizer` whose host match starts only at the start of a run of host characters."""

    PATTERNS = [
        Pattern(
            p.name,
            p.regex.replace(
                "(?i)" + UrlRecognizer.BASE_URL_REGEX,
                "(?i)" + _HOST_START + UrlRecognizer.BASE_URL_REGEX,
                1,
            )
            if p.name == "Non schema URL"
            else p.regex,
            p.score,
        )
        for p in UrlRecognizer.PATTERNS
    ]

    def __init__(self) -> None:
        super().__init__(patterns=list(self.PATTERNS), name="UrlRecognizer")
