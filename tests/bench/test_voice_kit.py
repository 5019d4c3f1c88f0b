"""Every corpus generator is a function of its seed alone (issue 13).

A figure measured on `--seed 7` must mean the same corpus on the next run: call_centre and
pii_sentences did not, since Faker's it_IT cities list is built from a set and so follows
PYTHONHASHSEED. Each process here runs every generator and prints one hash per split.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.corpus.voice_kit import fakers

ROOT = Path(__file__).resolve().parents[2]
GENERATORS = {
    "pii": "pii_sentences",
    "notes": "clinical_notes",
    "harbor": "safe_harbor",
    "front_desk": "front_desk",
    "referral_mail": "referral_mail",
    "call_centre": "call_centre",
    "pharmacy_fax": "pharmacy_fax",
    "lab_eob": "lab_eob",
    "home_visit": "home_visit",
}
_SCRIPT = """
import hashlib, importlib, json, sys
from bench.corpus.text_corpus import generate
out = {"main": hashlib.sha256(json.dumps([e.to_json() for e in generate(60, 3, "main")]).encode()).hexdigest()}
for split, module in json.loads(sys.argv[1]).items():
    gen = importlib.import_module("bench.corpus." + module)
    out[split] = hashlib.sha256(json.dumps(gen.generate(60, 3, split)).encode()).hexdigest()
print(json.dumps(out))
"""


def _hashes(hash_seed: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(GENERATORS)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return dict(json.loads(done.stdout))


def test_when_the_hash_seed_differs_then_every_generator_writes_the_same_corpus() -> None:
    first, second = _hashes("1"), _hashes("2")

    assert set(first) == {"main", *GENERATORS}
    assert first == second


def test_when_a_locale_builds_a_list_from_a_set_then_it_is_sorted() -> None:
    cities = next(p for p in fakers(["it_IT"])["it_IT"].providers if hasattr(p, "cities")).cities

    assert cities == sorted(cities)
