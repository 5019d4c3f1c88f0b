"""What the other-voice corpora share: segments in, a labelled example out.

`pii_sentences`, `clinical_notes` and `safe_harbor` each have their own templates and fillers
(their own generator, their own voice); this module only joins segments into text with gold
spans, in the JSON shape `bench.text_bench` scores (see `bench.corpus.text_corpus`). A segment
may also carry the Safe Harbor category it plants (`harbor`), which the leak test reads.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from faker import Faker

from bench.corpus.text_corpus import verdict_for


@dataclass(frozen=True)
class Part:
    text: str
    kind: str = ""
    role: str = ""  # "direct" | "quasi" | "staff" | ""
    harbor: str = ""  # Safe Harbor category planted by this value ("" = not planted)


# Provider lists Faker builds from a set, so their order (and what `random_element` picks for a
# given seed) follows PYTHONHASHSEED: it_IT's `cities` is `list({...})` (Faker 40). Sorted here,
# a generator's output depends on its seed alone.
_SET_BUILT = {"it_IT": ("cities",)}


def fakers(locales: Iterable[str]) -> dict[str, Faker]:
    """One Faker per locale whose draws depend only on its seed, not on the process's hash seed."""
    out: dict[str, Faker] = {}
    for locale in sorted(set(locales)):
        fake = Faker(locale)
        # an instance never seeded draws from Faker's module-wide Random, seeded from the OS:
        # a generator that draws from a locale before seeding it (occ_health's en_US towns)
        # wrote another corpus every run. Seeded here, such draws depend on the order alone.
        fake.seed_instance(0)
        for provider in fake.providers:
            for attr in _SET_BUILT.get(locale, ()):
                if isinstance(getattr(provider, attr, None), list):
                    setattr(provider, attr, sorted(getattr(provider, attr)))
        out[locale] = fake
    return out


def lit(text: str) -> Part:
    return Part(text)


_SLOT = re.compile(r"\{(\w+)\}")


def render_slots(template: str, fill: Callable[[str], Part | list[Part]]) -> list[Part]:
    """A template's text as parts: literal runs, and each `{slot}` filled by `fill(slot)`,
    one part or several (a label and its value, an address block's lines)."""
    parts: list[Part] = []
    pos = 0
    for m in _SLOT.finditer(template):
        parts.append(lit(template[pos : m.start()]))
        filled = fill(m.group(1))
        parts += filled if isinstance(filled, list) else [filled]
        pos = m.end()
    parts.append(lit(template[pos:]))
    return parts


def pii(text: str, kind: str, role: str = "direct", harbor: str = "") -> Part:
    return Part(text, kind, role, harbor)


def example(
    parts: Sequence[Part], split: str, seed: int, index: int, template: str
) -> dict[str, Any]:
    """One scored example; `category` is `phi` when any gold span makes it so."""
    text, spans, planted, pos = [], [], [], 0
    for p in parts:
        if p.kind:
            spans.append([pos, pos + len(p.text), p.kind, p.role])
        if p.harbor:
            planted.append([pos, pos + len(p.text), p.harbor])
        text.append(p.text)
        pos += len(p.text)
    verdict = verdict_for([sp[3] for sp in spans])
    return {
        "id": f"{split}-{seed}-{index:05d}",
        "text": "".join(text),
        "spans": spans,
        "planted": planted,
        "verdict": verdict,
        "category": "phi" if verdict == "phi" else verdict,
        "template": template,
        "split": split,
    }


def documents(
    n: int,
    seed: int,
    split: str,
    templates: Sequence[str],
    persona: Callable[[random.Random], Any],
    render: Callable[[str, Any], list[Part]],
    *,
    most_items: int = 2,
    between: str = "",
) -> list[dict[str, Any]]:
    """`n` examples of 1..`most_items` templates each about one `persona(rng)`, by seed alone.

    Every other-voice generator draws in this order (persona, item count, templates), so their
    outputs stay what they were when first measured; `between` separates a document's items.
    """
    rng = random.Random(f"{split}:{seed}")
    out = []
    for index in range(n):
        who = persona(rng)
        picks = rng.sample(range(len(templates)), rng.randint(1, most_items))
        parts: list[Part] = []
        for k, t in enumerate(picks):
            if k and between:
                parts.append(lit(between))
            parts += render(templates[t], who)
        out.append(example(parts, split, seed, index, f"{split}/{'-'.join(map(str, picks))}"))
    return out


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# ORDINALS[d.day - 1] spells a day of the month ("the third of July", a shape issue 13 names).
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
    "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
    "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
)  # fmt: skip


def day_suffix(day: int) -> str:
    """The English ordinal suffix of a day number: 1st, 2nd, 11th, 23rd."""
    return "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def vin(rng: random.Random) -> str:
    """A 17-character vehicle identification number (no I, O or Q, as real VINs)."""
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17))


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    """A card number of `length` digits that passes the Luhn check."""
    body = prefix + digits(rng, length - len(prefix) - 1)
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def generator_main(
    argv: Sequence[str] | None,
    description: str,
    generate: Callable[[int, int, str], list[dict[str, Any]]],
    splits: Iterable[str],
    *,
    default_split: str,
    default_n: int,
) -> int:
    """The command line every other-voice generator shares: `--n --seed --split`, JSON lines out."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--n", type=int, default=default_n)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--split", default=default_split, choices=sorted(splits))
    args = parser.parse_args(argv)
    for ex in generate(args.n, args.seed, args.split):
        sys.stdout.write(json.dumps(ex, ensure_ascii=False) + "\n")
    return 0
