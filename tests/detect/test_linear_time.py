"""No scan takes unbounded time: adversarial repeats of every character class, at Slack's
40,000-character message limit, stay within a generous bound per character (issue 11, item 7).

Before the fix, "Ab-" * 2666 took 20 s and a 39k-character message 331 s (quadratic loops in
the name recognizer, Presidio's URL pattern backtracking, spaCy's suffix search on long runs).
The bound here is loose on purpose (CPU time, so a busy machine does not fail it); the figures
beside vanilla Presidio come from `bench/adversarial_bench.py`.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.detect.engine import TextEngine

SLACK_MAX = 40_000
BOUND_US_PER_CHAR = 1_000.0  # measured ~100-250 us/char after the fix; quadratic code was far over
_ENGINE: list[TextEngine] = []

# One or two characters of every class that the recognizers treat differently.
CLASSES = (
    "aZ",  # letters
    "09",  # digits
    " \t\n",  # white space
    "-'.,/:;@#()&*_~`<>|+=%$!?\"[]",  # punctuation and markup
    "’é",  # typographic apostrophe, accented letter
    "ßЖ中",  # other scripts
    "\U0001f600\u200d",  # emoji, zero-width joiner
    "\u0336\u00ad\u200b\uff11\uff21",  # combining stroke, soft hyphen, ZWSP, full-width
)
ALPHABET = "".join(CLASSES)


def _engine() -> TextEngine:
    if not _ENGINE:
        _ENGINE.append(TextEngine())
    return _ENGINE[0]


def _us_per_char(unit: str) -> float:
    text = (unit * (SLACK_MAX // len(unit) + 1))[:SLACK_MAX]
    engine = _engine()
    engine.scan("warm")
    started = time.process_time()
    engine.scan(text)
    return (time.process_time() - started) * 1e6 / len(text)


@settings(
    max_examples=8,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=5))
@example("Ab-")  # the 8k-character case, here at 40k
@example("O'")
@example("1.")
@example("a.b")
@example("(")
@example("'s")
@example("JOHN ")
@example("Smith, ")
@example("\U0001f600")
def test_when_text_is_a_long_repeat_then_scan_time_is_linear(unit: str) -> None:
    cost = _us_per_char(unit)
    assert cost < BOUND_US_PER_CHAR, f"{unit!r} * n: {cost:.0f} us per character"
