"""A second image split for the image bench: PACS overlay corners and technical screenshots.

Written for issue 14 after the main corpus (`image_corpus.py`) had been measured many times:
held-out PACS screenshots scored 0.906 / 0.89 where the main corpus scores 1.00 / 0.98, and
technical screenshots were over-painted. Its scenes:

- `corners`: a CT/MR-like image with all four overlay corners in layouts the main corpus does
  not draw: names as "DOE^JANE", "Jane Doe" or "DOE JANE", the referring physician ("Ref: Dr.
  Lee", "Referring: KIM^ANNA", "Ref Phys: Omar Haddad MD"), age and sex in several spellings
  ("67Y M", "M/067Y", "F 45 yrs"), study date with time in one token, and institution names with
  no hospital word in them ("Lakeside Imaging", "CCHS RIVERTON"); technique labels in the
  bottom corners are not PHI and must stay legible.
- `technical` (clean): a terminal or build log with git hashes, hex addresses, "Profile: dev",
  crate names from crates.io and file:line references, none of it PHI: it must come out
  untouched.

Each screenshot is also rendered as a phone photo (`image_corpus.phone_photo`). Identities come
from Faker; nothing here is real patient data. Measured first with the code of commit 0c1b9cd.

    .venv/bin/python -m bench.image_bench --split overlays --per-scene 6
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import numpy as np
from faker import Faker
from PIL import Image, ImageDraw, ImageFilter

from bench.corpus.image_corpus import MONO, SIZE, Canvas, CorpusImage, screenshots_and_photos
from bench.corpus.reference_day import birth_and_study

SCENES = ("corners", "technical")


def _patient(fake: Faker, rng: random.Random) -> dict[str, str]:
    first, last = fake.first_name(), fake.last_name()
    dob, study = birth_and_study(fake, 20, 89, "-3y")
    age = (study - dob).days // 365
    sex = rng.choice("MF")
    time = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    return {
        "name": rng.choice(
            [
                f"{last.upper()}^{first.upper()}",
                f"{first} {last}",
                f"{last.upper()} {first.upper()}",
            ]
        ),
        "mrn": rng.choice(
            [f"{rng.randint(1_000_000, 9_999_999)}", f"E{rng.randint(10**6, 10**7)}"]
        ),
        "dob": rng.choice(
            [dob.strftime("%d.%m.%Y"), dob.strftime("%b %d %Y"), dob.strftime("%Y%m%d")]
        ),
        "agesex": rng.choice(
            [f"{age}Y {sex}", f"{sex}/{age:03d}Y", f"{sex} {age} yrs", f"{age:03d}Y/{sex}"]
        ),
        "study": rng.choice(
            [
                study.strftime("%Y-%m-%d") + f" {time}",
                study.strftime("%d-%b-%Y") + f" {time}",
                study.strftime("%m/%d/%Y") + f" {time}:{rng.randint(0, 59):02d}",
            ]
        ),
        "institution": rng.choice(
            [
                f"{fake.city()} Imaging",
                f"CCHS {fake.city().upper()}",
                f"{fake.last_name()} Radiology",
                f"{fake.city()} Health",
                f"{fake.last_name()} Clinic",
            ]
        ),
        "referring": rng.choice(
            [
                f"Ref: Dr. {fake.last_name()}",
                f"Referring: {fake.last_name().upper()}^{fake.first_name().upper()}",
                f"Ref Phys: {fake.first_name()} {fake.last_name()} MD",
            ]
        ),
    }


def _split_label(text: str, kind: str) -> list[tuple[str, bool, str]]:
    """ "Ref: Dr. Lee" -> the label words not PHI, the name PHI."""
    labels = {"Ref:", "Dr.", "Referring:", "Ref", "Phys:", "MD"}
    return [(w, w not in labels, "" if w in labels else kind) for w in text.split(" ")]


def corners(fake: Faker, rng: random.Random) -> Canvas:
    p = _patient(fake, rng)
    c = Canvas(SIZE, (0, 0, 0))
    yy, xx = np.mgrid[0 : SIZE[1], 0 : SIZE[0]]
    body = ((xx - 512) / 320) ** 2 + ((yy - 390) / 270) ** 2 < 1
    noise = np.random.default_rng(rng.randint(0, 10**6)).normal(100, 22, (SIZE[1], SIZE[0]))
    arr = np.where(body, noise, 0)
    base = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(2)
    )
    c.image.paste(base.convert("RGB"))
    c.draw = ImageDraw.Draw(c.image)
    size = rng.choice([12, 13, 14, 15])
    color = rng.choice([(230, 230, 230), (255, 255, 140), (140, 255, 255)])
    step = size * 1.35
    y = 6.0
    for parts in (
        [(p["name"], True, "NAME")],
        [(p["mrn"], True, "ID")],
        [(p["dob"], True, "DATE")],
        [(p["agesex"], True, "AGE")],
    ):
        y += c.line(8, y, parts, size, color)
    y = 6.0
    for parts in (
        [(p["institution"], True, "LOCATION")],
        _split_label(p["referring"], "NAME"),
        [(w, True, "DATE") for w in p["study"].split(" ")[:1]]
        + [(p["study"].split(" ")[1], False, "")],
        [(rng.choice(["CT ABDOMEN", "MR KNEE LT", "CT ANGIO", "XR CHEST PA"]), False, "")],
    ):
        y += c.line(SIZE[0] - 8, y, parts, size, color, align_right=True)
    y = SIZE[1] - 6 - 3 * step
    for parts in (
        [(f"W: {rng.choice([400, 1500, 80])} L: {rng.choice([40, -600, 35])}", False, "")],
        [(f"kVp {rng.choice([100, 120])} mAs {rng.randint(80, 300)}", False, "")],
        [(f"Se: {rng.randint(1, 9)} Im: {rng.randint(1, 200)}/{rng.randint(200, 400)}", False, "")],
    ):
        y += c.line(8, y, parts, size, color)
    y = SIZE[1] - 6 - 3 * step
    for parts in (
        [(f"Thk: {rng.choice(['1.0', '2.5', '5.0'])} mm", False, "")],
        [(f"Zoom: {rng.choice(['1.0', '1.3', '2.1'])}", False, "")],
        [(rng.choice(["Axial", "Coronal", "Sagittal"]), False, "")],
    ):
        y += c.line(SIZE[0] - 8, y, parts, size, color, align_right=True)
    return c


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def technical(fake: Faker, rng: random.Random) -> Canvas:
    """A terminal: git log, a cargo build, a backtrace with addresses; nothing identifying."""
    c = Canvas(SIZE, rng.choice([(20, 22, 28), (0, 0, 0), (250, 250, 250)]))
    dark = c.image.getpixel((0, 0)) != (250, 250, 250)
    fg = (210, 215, 220) if dark else (30, 30, 30)
    crates = ["serde", "tokio", "anyhow", "clap", "rayon", "regex", "hyper", "tracing"]
    lines = [
        f"commit {_hex(rng, 40)}",
        f"Merge pull request #{rng.randint(10, 999)} from feature/{rng.choice(['ocr', 'cache', 'retry'])}",
        f"    {rng.choice(['fix', 'refactor', 'perf'])}: {rng.choice(['batch writes', 'parse headers', 'trim spans'])}",
        f"commit {_hex(rng, 40)}",
        "",
        "$ cargo build",
        *(
            f"   Compiling {name} v{rng.randint(0, 2)}.{rng.randint(0, 40)}.{rng.randint(0, 20)}"
            for name in rng.sample(crates, 3)
        ),
        f"  Downloaded {rng.choice(crates)} v1.{rng.randint(0, 9)}.{rng.randint(0, 9)} (registry crates.io)",
        f"    Finished `dev` profile [unoptimized + debuginfo] target(s) in {rng.uniform(1, 60):.2f}s",
        "Profile: dev",
        f"thread 'main' panicked at src/{rng.choice(['main', 'lib', 'io'])}.rs:{rng.randint(10, 400)}:{rng.randint(1, 40)}",
        "stack backtrace:",
        *(
            f"  {k}: 0x{_hex(rng, 12)} - {rng.choice(crates)}::{rng.choice(['run', 'poll', 'read'])}"
            for k in range(4)
        ),
        f"$ git rev-parse --short HEAD  ->  {_hex(rng, 7)}",
    ]
    size = rng.choice([13, 14, 15])
    y = 10.0
    for text in lines:
        if text:
            c.line(12, y, [(text, False, "")], size, fg, font=MONO)
        y += size * 1.45
    return c


BUILDERS = {"corners": corners, "technical": technical}


def generate(per_scene: int = 6, seed: int = 1414) -> Iterator[CorpusImage]:
    """per_scene screenshots of each scene and a phone photo of each."""
    return screenshots_and_photos(BUILDERS, SCENES, per_scene, seed)
