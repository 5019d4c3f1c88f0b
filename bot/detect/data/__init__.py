"""Word lists shipped with the detector (names, eponyms, institutions, cities).

Read once per process through `load_words`; the lists are plain text, one entry a line, `#`
comments allowed, so a deployment can review exactly what the detector knows.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_words(filename: str, lower: bool = True) -> frozenset[str]:
    """The entries of `bot/detect/data/<filename>`; empty when the file is absent."""
    path = resources.files(__name__).joinpath(filename)
    if not path.is_file():
        return frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            words.add(entry.lower() if lower else entry)
    return frozenset(words)
