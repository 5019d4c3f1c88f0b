"""The workspace's own people, so a name typed without a title is a patient's unless it is staff.

No cue in the words tells a clinician from a patient reliably ("Can IR do a drain on Graham over
the weekend?"): the detector fails open if it guesses "colleague" from phrasing. So a name in a
message about patient care is a direct identifier unless it carries a title ("Dr. X", "X, NP")
or belongs to a member of the workspace. The directory arrives as plain data (real and display
names from the chat platform; the detector knows nothing of Slack) and is kept only as salted
hashes of folded name words, so neither a log line nor a memory dump of it lists the staff.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Iterable, Sequence

import regex as re

_WORD = re.compile(r"[\p{L}\p{M}'’-]+")
# display names carry handles and roles: "priya.r", "Ken (he/him)", "Dr. Lee - ICU"
_NOT_NAME_WORDS = frozenset(
    {"dr", "md", "rn", "np", "pa", "do", "he", "him", "she", "her", "they", "them"}
)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip("'’-")


class StaffDirectory:
    """Salted hashes of the words of members' names; answers "is this span staff?"."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        # Names this instance, so a scan process can keep it and be sent only the token next
        # time (`bot.scan_pool`): a new directory (a refresh) always has a new version.
        self.version = os.urandom(8).hex()
        self._salt = os.urandom(16)
        self._words: frozenset[bytes] = frozenset(
            self._hash(w) for name in names for w in self._name_words(name)
        )

    def __len__(self) -> int:
        return len(self._words)

    def knows(self, words: Sequence[str]) -> bool:
        """True when every name word of a span is a word of some member's name."""
        folded = [_fold(w) for w in words]
        folded = [w for w in folded if len(w) >= 2]
        return bool(folded) and all(self._hash(w) in self._words for w in folded)

    def _hash(self, word: str) -> bytes:
        return hashlib.blake2b(word.encode(), digest_size=16, key=self._salt).digest()

    @staticmethod
    def _name_words(name: str) -> list[str]:
        words = [_fold(w) for w in _WORD.findall(name.replace(".", " ").replace("_", " "))]
        return [w for w in words if len(w) >= 2 and w not in _NOT_NAME_WORDS]


EMPTY = StaffDirectory()
