"""The words a caller reads a code out in: the phonetic alphabet and the digits' names.

`spoken_ids` (a number or a code read out, "bravo kilo seven seven two one") and
`verbal_secrets` (a password spelled, "bravo oscar bravo") each carried a copy of the alphabet,
one with "juliett?" and one with "juliet+": one list here, so a spelling a caller uses is known
to both. ICAO spells "Alfa" and "Juliett"; callers and agents also type "alpha", "juliet",
"whisky", "xray" and "x ray".
"""

from __future__ import annotations

# The phonetic alphabet as agents type it: ICAO's spellings and the common ones beside them.
NATO = (
    r"(?:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike"
    r"|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiske?y|x[- ]?ray|yankee"
    r"|zulu)"
)
# A digit said as a word: "oh" and "nought" for zero, radio's "niner" for nine.
DIGIT_WORD = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|niner)"
