"""A dev split for the image bench: web PACS viewers laid out unlike `image_corpus_overlays`.

Written for issue 14 as a tuning corpus of its own, so that the overlays split (seeds 1414 and
2828, both measured) stays held out. Where the overlays generator puts the patient top left and
the institution top right, a viewer here puts them anywhere: the patient block top right or
bottom right, the institution with the study description, the referring physician as
"Referred by: ..." and the study date with a label. Names come as "Last, First", "First M.
Last", "LAST FIRST"; the MRN sometimes with only a "#". Around the image: a menu bar, a series
panel and a status bar, none of it PHI.

- `viewer`: one study with its patient block, as above.
- `phantom` (clean): the same viewer showing a QA phantom: corners with technique, the phantom's
  name and the site's QC labels, no patient; it must come out untouched.

Each screenshot is also rendered as a phone photo (`image_corpus.phone_photo`). Identities come
from Faker; nothing here is real patient data. Committed before its first measurement.

    .venv/bin/python -m bench.image_bench --split viewer --per-scene 6 --seed 5151
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import numpy as np
from faker import Faker
from PIL import Image, ImageDraw, ImageFilter

from bench.corpus.image_corpus import SIZE, Canvas, CorpusImage, screenshots_and_photos
from bench.corpus.reference_day import birth_and_study

SCENES = ("viewer", "phantom")
MENU = ["File", "Edit", "View", "Tools", "Layout", "Window", "Help"]
SERIES = ["AX T2", "COR T1", "SAG STIR", "AX DWI", "Scout", "AX 5mm", "COR MPR"]


def _chrome(c: Canvas, rng: random.Random) -> tuple[int, int, int, int]:
    """Menu bar, series panel and status bar; returns the image viewport (x0, y0, x1, y1)."""
    c.draw.rectangle((0, 0, SIZE[0], 26), fill=(45, 45, 50))
    x = 8.0
    for word in MENU:
        c.line(x, 6, [(word, False, "")], 13, (220, 220, 220))
        x += len(word) * 8 + 18
    c.draw.rectangle((0, 26, 150, SIZE[1] - 24), fill=(30, 30, 34))
    y = 40.0
    for k, label in enumerate(rng.sample(SERIES, 4), start=1):
        c.draw.rectangle((12, y, 138, y + 80), fill=(70, 70, 75))
        c.line(12, y + 84, [(f"Se {k}", False, ""), (label, False, "")], 12, (200, 200, 200))
        y += 120
    c.draw.rectangle((0, SIZE[1] - 24, SIZE[0], SIZE[1]), fill=(45, 45, 50))
    status = [("Ready", False, ""), (f"Zoom {rng.choice([100, 125, 150, 200])}%", False, "")]
    c.line(160, SIZE[1] - 19, status, 12, (200, 200, 200))
    return 150, 26, SIZE[0], SIZE[1] - 24


def _anatomy(c: Canvas, rng: random.Random, box: tuple[int, int, int, int]) -> None:
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    yy, xx = np.mgrid[0:h, 0:w]
    body = ((xx - w / 2) / (w * 0.32)) ** 2 + ((yy - h / 2) / (h * 0.36)) ** 2 < 1
    noise = np.random.default_rng(rng.randint(0, 10**6)).normal(95, 20, (h, w))
    arr = np.where(body, noise, 0)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(2))
    c.image.paste(img.convert("RGB"), (x0, y0))
    c.draw = ImageDraw.Draw(c.image)


def _name(fake: Faker, rng: random.Random) -> str:
    first, last = fake.first_name(), fake.last_name()
    return rng.choice(
        [
            f"{last}, {first}",
            f"{first} {rng.choice('ABCDEFGHJKLMNPRST')}. {last}",
            f"{last.upper()} {first.upper()}",
        ]
    )


def _block(
    c: Canvas,
    x: float,
    y: float,
    rows: list[list[tuple[str, bool, str]]],
    size: int,
    color: tuple[int, int, int],
    right: bool,
    up: bool,
) -> None:
    step = size * 1.35
    if up:
        y -= step * len(rows)
    for parts in rows:
        y += c.line(x, y, parts, size, color, align_right=right)


def viewer(fake: Faker, rng: random.Random) -> Canvas:
    c = Canvas(SIZE, (0, 0, 0))
    box = _chrome(c, rng)
    _anatomy(c, rng, box)
    dob, study = birth_and_study(fake, 18, 92, "-2y")
    age = (study - dob).days // 365
    sex = rng.choice(["M", "F"])
    mrn = str(rng.randint(1_000_000, 99_999_999))
    patient = [
        [(w, True, "NAME") for w in _name(fake, rng).split(" ")],
        rng.choice(
            [
                [("#", False, ""), (mrn, True, "ID")],
                [("MRN", False, ""), (mrn, True, "ID")],
                [(mrn, True, "ID")],
            ]
        ),
        [
            ("DOB", False, ""),
            (dob.strftime(rng.choice(["%Y-%m-%d", "%m/%d/%Y", "%d %b %Y"])), True, "DATE"),
            (f"({age}Y)", True, "AGE"),
        ],
        [("Sex:", False, ""), (sex, False, "")],
    ]
    site = rng.choice(
        [f"{fake.city()} Imaging Center", f"{fake.last_name()} Radiology", f"{fake.city()} Medical"]
    )
    doctor = f"Dr. {fake.first_name()} {fake.last_name()}"
    study_rows = [
        [(w, True, "LOCATION") for w in site.split(" ")],
        [("Referred", False, ""), ("by:", False, "")]
        + [(w, w != "Dr.", "NAME" if w != "Dr." else "") for w in doctor.split(" ")],
        [
            ("Study:", False, ""),
            (study.strftime(rng.choice(["%m/%d/%Y", "%Y-%m-%d"])), True, "DATE"),
            (f"{rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}", False, ""),
        ],
        [(rng.choice(["MR LUMBAR SPINE", "CT HEAD WO", "MR BRAIN W/WO", "CT CHEST"]), False, "")],
    ]
    technique = [
        [(f"W {rng.choice([80, 400, 1500])} / L {rng.choice([40, 35, -600])}", False, "")],
        [(f"Lossy {rng.choice([8, 10, 15])}:1", False, "")],
        [(f"Img {rng.randint(1, 40)} of {rng.randint(41, 120)}", False, "")],
    ]
    size = rng.choice([12, 13, 14])
    color = rng.choice([(235, 235, 235), (255, 240, 150)])
    left, right, top, bottom = box[0] + 8, box[2] - 8, box[1] + 6, box[3] - 6
    layout = rng.choice(["patient_top_right", "patient_bottom_right"])
    if layout == "patient_top_right":
        _block(c, right, top, patient, size, color, right=True, up=False)
        _block(c, left, top, study_rows, size, color, right=False, up=False)
        _block(c, left, bottom, technique, size, color, right=False, up=True)
    else:
        _block(c, right, bottom, patient, size, color, right=True, up=True)
        _block(c, left, top, study_rows, size, color, right=False, up=False)
        _block(c, right, top, technique, size, color, right=True, up=False)
    return c


def phantom(fake: Faker, rng: random.Random) -> Canvas:
    """The viewer on a QA phantom: technique and QC labels in the corners, no patient."""
    c = Canvas(SIZE, (0, 0, 0))
    box = _chrome(c, rng)
    _anatomy(c, rng, box)
    size = rng.choice([12, 13, 14])
    color = rng.choice([(235, 235, 235), (255, 240, 150)])
    left, right, top, bottom = box[0] + 8, box[2] - 8, box[1] + 6, box[3] - 6
    qc = [
        [(rng.choice(["ACR Phantom", "Daily QC", "Water Phantom", "QA Phantom"]), False, "")],
        [(rng.choice(["Slice Thickness", "Uniformity Check", "Low Contrast"]), False, "")],
        [(rng.choice(["Head Coil", "Body Coil", "Knee Coil"]), False, "")],
    ]
    technique = [
        [(f"TR {rng.randint(400, 3000)} TE {rng.randint(10, 120)}", False, "")],
        [(f"FOV {rng.choice([220, 250, 300])} mm", False, "")],
        [(f"Img {rng.randint(1, 11)} of 11", False, "")],
    ]
    _block(c, left, top, qc, size, color, right=False, up=False)
    _block(c, right, top, technique, size, color, right=True, up=False)
    _block(
        c,
        left,
        bottom,
        [[(f"W {rng.choice([200, 400])} / L 100", False, "")]],
        size,
        color,
        False,
        True,
    )
    return c


BUILDERS = {"viewer": viewer, "phantom": phantom}


def generate(per_scene: int = 6, seed: int = 5151) -> Iterator[CorpusImage]:
    """per_scene screenshots of each scene and a phone photo of each."""
    return screenshots_and_photos(BUILDERS, SCENES, per_scene, seed)
