"""Synthetic, labelled image corpus for the image benchmark (Pillow-drawn, seeded).

Scenes: PACS viewer screenshots, bedside monitor screens, wristbands, specimen labels, and
clean clinical images (wound with a ruler, ECG strip). Every scene is drawn word by word, so
each word has a gold box and a label (PHI or not, with its kind); every scene is also rendered
as a degraded phone photo (perspective, rotation, blur, glare, noise, JPEG), with the gold
boxes carried through the same homography as quadrilaterals. All identities come from Faker:
nothing here is real patient data.

    python -m bench.corpus.image_corpus --per-scene 2 --out /tmp/corpus   # writes files + gold.json
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import cv2
import numpy as np
from faker import Faker
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bench.corpus.reference_day import birth_and_study

SIZE = (1024, 768)
SCENES = ("pacs", "monitor", "wristband", "specimen", "wound", "ecg")
# technical: image_corpus_overlays, phantom: image_corpus_viewer, the rest: image_corpus_consoles
CLEAN_SCENES = frozenset(
    {"wound", "ecg", "technical", "phantom"}
    | {"terminal", "ide", "traceback", "config", "packages", "sheet"}
)

Quad = list[list[float]]


@dataclass
class GoldWord:
    text: str
    quad: Quad  # four corners in image pixels
    phi: bool
    kind: str = ""


@dataclass
class CorpusImage:
    name: str
    scene: str
    variant: str  # "screenshot" or "photo"
    data: bytes
    words: list[GoldWord] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return self.scene in CLEAN_SCENES


def _font_paths() -> tuple[str, str, str]:
    """DejaVu Sans, Sans Bold and Mono from fontconfig, else matplotlib's bundled copies."""
    wanted = {"DejaVuSans.ttf": "", "DejaVuSans-Bold.ttf": "", "DejaVuSansMono.ttf": ""}
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, timeout=10
        ).stdout
        for path in listing.splitlines():
            for name in wanted:
                if path.endswith("/" + name):
                    wanted[name] = path
    except (OSError, subprocess.SubprocessError):
        pass
    if not all(wanted.values()):
        import matplotlib

        base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        wanted = {name: path or str(base / name) for name, path in wanted.items()}
    return wanted["DejaVuSans.ttf"], wanted["DejaVuSans-Bold.ttf"], wanted["DejaVuSansMono.ttf"]


SANS, BOLD, MONO = _font_paths()


class Canvas:
    """An image plus the words drawn on it, each with its box and label."""

    def __init__(self, size: tuple[int, int], background: tuple[int, int, int]) -> None:
        self.image = Image.new("RGB", size, background)
        self.draw = ImageDraw.Draw(self.image)
        self.words: list[GoldWord] = []

    def line(
        self,
        x: float,
        y: float,
        parts: list[tuple[str, bool, str]],
        size: int,
        fill: tuple[int, int, int],
        font: str = SANS,
        align_right: bool = False,
    ) -> float:
        """Draw (text, phi, kind) parts on one line, word by word; returns the line height."""
        f = ImageFont.truetype(font, size)
        space = f.getlength(" ")
        words = [(w, phi, kind) for text, phi, kind in parts for w in text.split(" ") if w]
        width = sum(f.getlength(w) for w, _, _ in words) + space * (len(words) - 1)
        cx = x - width if align_right else x
        for word, phi, kind in words:
            self.draw.text((cx, y), word, font=f, fill=fill)
            x0, y0, x1, y1 = self.draw.textbbox((cx, y), word, font=f)
            self.words.append(GoldWord(word, [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], phi, kind))
            cx += f.getlength(word) + space
        return size * 1.35


def _identity(fake: Faker, rng: random.Random) -> dict[str, str]:
    last, first = fake.last_name().upper(), fake.first_name().upper()
    dob, study = birth_and_study(fake, 18, 95, "-2y")
    age = (study - dob).days // 365
    dob_formats = [
        dob.strftime("%m/%d/%Y"),
        dob.strftime("%Y-%m-%d"),
        dob.strftime("%d-%b-%Y"),
        dob.strftime("%Y%m%d"),
    ]
    study_formats = [
        study.strftime("%m/%d/%Y"),
        study.strftime("%Y-%m-%d"),
        study.strftime("%d-%b-%Y"),
    ]
    return {
        "last": last,
        "first": first,
        "mid": rng.choice(["", "", rng.choice("ABCDEFGHJKLMNPRST")]),
        "mrn": str(rng.randint(10_000_000, 99_999_999))
        if rng.random() < 0.7
        else f"{rng.randint(100000, 999999)}",
        "acc": rng.choice(["A", "CT", "MR", "US", ""]) + str(rng.randint(1_000_000, 9_999_999)),
        "dob": rng.choice(dob_formats),
        "study": rng.choice(study_formats),
        "age": f"{age}Y",
        "sex": rng.choice("MF"),
        "institution": rng.choice(
            [
                f"{fake.last_name()} Memorial Hospital",
                f"{fake.city()} General Hospital",
                f"St. {fake.first_name()} Medical Center",
                f"{fake.city()} Regional Medical Center",
                f"{fake.last_name()} Children's Hospital",
            ]
        ),
        "doctor": fake.last_name(),
        "bed": str(rng.randint(1, 40)),
        "time": f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
    }


def _name_parts(p: dict[str, str]) -> list[tuple[str, bool, str]]:
    name = f"{p['last']}, {p['first']}" + (f" {p['mid']}" if p["mid"] else "")
    return [(name, True, "NAME")]


def pacs(fake: Faker, rng: random.Random) -> Canvas:
    p = _identity(fake, rng)
    c = Canvas(SIZE, (0, 0, 0))
    # the clinical image: a textured ellipse (CT-like) in the middle
    arr = np.zeros((SIZE[1], SIZE[0]), np.float32)
    yy, xx = np.mgrid[0 : SIZE[1], 0 : SIZE[0]]
    ell = ((xx - 512) / 300) ** 2 + ((yy - 400) / 260) ** 2 < 1
    noise = np.random.default_rng(rng.randint(0, 10**6)).normal(110, 25, arr.shape)
    arr[ell] = noise[ell]
    inner = ((xx - 470) / 90) ** 2 + ((yy - 360) / 70) ** 2 < 1
    arr[inner] = 190
    base = (
        Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        .filter(ImageFilter.GaussianBlur(2))
        .convert("RGB")
    )
    c.image.paste(base)
    c.draw = ImageDraw.Draw(c.image)
    size = rng.choice([12, 13, 14, 15, 16])
    color = rng.choice([(235, 235, 235), (255, 255, 120), (120, 255, 255), (200, 255, 200)])
    id_label = rng.choice(["ID:", "MRN:", "Pt ID:", "PID:"])
    y = 8.0
    for parts in (
        _name_parts(p),
        [(id_label, False, ""), (p["mrn"], True, "ID")],
        [("DOB:", False, ""), (p["dob"], True, "DATE")],
        [(f"{p['age']} {p['sex']}", True, "AGE")],
    ):
        y += c.line(8, y, parts, size, color)
    y = 8.0
    for parts in (
        [(p["institution"], True, "LOCATION")],
        [("Acc:", False, ""), (p["acc"], True, "ID")],
        [(p["study"], True, "DATE"), (p["time"], False, "")],
        [(rng.choice(["CT HEAD W/O", "MR BRAIN", "CT CHEST W", "CT ABD/PEL"]), False, "")],
    ):
        y += c.line(SIZE[0] - 8, y, parts, size, color, align_right=True)
    y = SIZE[1] - 8 - 4 * size * 1.35
    for parts in (
        [(f"Se: {rng.randint(1, 12)}", False, "")],
        [(f"Im: {rng.randint(1, 300)}/{rng.randint(300, 600)}", False, "")],
        [(f"W: {rng.choice([80, 350, 400, 1500])} L: {rng.choice([40, 50, -600])}", False, "")],
        [
            (
                rng.choice(["AX", "COR", "SAG"])
                + " "
                + rng.choice(["5.0 mm", "2.5 mm", "1.25 mm"]),
                False,
                "",
            )
        ],
    ):
        y += c.line(8, y, parts, size, color)
    y = SIZE[1] - 8 - 3 * size * 1.35
    for parts in (
        [(f"{rng.choice([100, 120, 140])} kVp", False, "")],
        [(f"{rng.randint(80, 400)} mAs", False, "")],
        [(f"Zoom: {rng.choice(['1.0', '1.2', '1.5'])}", False, "")],
    ):
        y += c.line(SIZE[0] - 8, y, parts, size, color, align_right=True)
    # ruler
    c.draw.line((980, 250, 980, 550), fill=color, width=1)
    for i in range(11):
        c.draw.line((975, 250 + 30 * i, 985, 250 + 30 * i), fill=color, width=1)
    return c


def monitor(fake: Faker, rng: random.Random) -> Canvas:
    p = _identity(fake, rng)
    c = Canvas(SIZE, (0, 0, 0))
    c.draw.rectangle((0, 0, SIZE[0], 40), fill=(20, 30, 70))
    banner = [
        *_name_parts(p),
        ("Bed", False, ""),
        (p["bed"], True, "ROOM"),
        ("MRN", False, ""),
        (p["mrn"], True, "ID"),
    ]
    c.line(12, 9, banner, 18, (255, 255, 255), BOLD)
    c.line(
        SIZE[0] - 12, 9, [(p["time"][:5], False, "")], 18, (255, 255, 255), BOLD, align_right=True
    )
    if rng.random() < 0.5:
        c.line(430, 11, [("DOB", False, ""), (p["dob"], True, "DATE")], 15, (220, 220, 220))
    waves = [
        ("II", (0, 255, 0)),
        ("Pleth", (0, 220, 255)),
        ("Resp", (255, 255, 0)),
        ("ABP", (255, 60, 60)),
    ]
    for i, (label, color) in enumerate(waves):
        top = 70 + i * 165
        c.line(10, top, [(label, False, "")], 16, color)
        pts = []
        phase = rng.random() * 6
        for x in range(10, 700, 3):
            t = x / 40 + phase
            v = np.sin(t) * 25 + (
                40 * np.exp(-(((t % 6.28) - 3) ** 2) * 30) if label == "II" else 0
            )
            pts.append((x, top + 80 - v))
        c.draw.line(pts, fill=color, width=2)
    vitals = [
        ("HR", str(rng.randint(55, 120)), (0, 255, 0)),
        ("SpO2", str(rng.randint(88, 100)), (0, 220, 255)),
        ("RR", str(rng.randint(10, 28)), (255, 255, 0)),
        ("NIBP", f"{rng.randint(95, 160)}/{rng.randint(55, 95)}", (255, 60, 60)),
    ]
    for i, (label, value, color) in enumerate(vitals):
        top = 65 + i * 165
        c.line(730, top, [(label, False, "")], 18, color)
        c.line(740, top + 35, [(value, False, "")], rng.choice([48, 56, 64]), color, BOLD)
    return c


def _label_scene(fake: Faker, rng: random.Random, specimen: bool) -> Canvas:
    p = _identity(fake, rng)
    bg = rng.choice([(70, 90, 110), (120, 100, 80), (60, 60, 60)])
    c = Canvas(SIZE, bg)
    box = (160, 210, 880, 560) if specimen else (60, 260, 980, 500)
    c.draw.rounded_rectangle(box, radius=18, fill=(250, 250, 245) if specimen else (235, 240, 250))
    x, y = box[0] + 24, box[1] + 18
    ink = (15, 15, 15)
    size = rng.choice([20, 22, 24])
    if specimen:
        rows = [
            _name_parts(p),
            [
                ("MRN", False, ""),
                (p["mrn"], True, "ID"),
                ("DOB", False, ""),
                (p["dob"], True, "DATE"),
            ],
            [
                ("Acc:", False, ""),
                (f"S{rng.randint(20, 25)}-{rng.randint(100000, 999999)}", True, "ID"),
            ],
            [("Coll:", False, ""), (p["study"], True, "DATE"), (p["time"][:5], False, "")],
            [
                (rng.choice(["CBC W DIFF", "BMP", "LIPID PANEL", "HBA1C"]), False, ""),
                (rng.choice(["Lavender", "Gold", "Green"]), False, ""),
            ],
        ]
    else:
        rows = [
            _name_parts(p),
            [
                ("MRN:", False, ""),
                (p["mrn"], True, "ID"),
                ("DOB:", False, ""),
                (p["dob"], True, "DATE"),
            ],
            [
                (f"{p['age']} {p['sex']}", True, "AGE"),
                ("Adm:", False, ""),
                (p["study"], True, "DATE"),
            ],
            [(p["institution"], True, "LOCATION")],
            [
                ("Dr.", False, ""),
                (p["doctor"], True, "NAME"),
                (rng.choice(["FALL RISK", "ALLERGY: PCN", "DNR"]), False, ""),
            ],
        ]
    for parts in rows:
        y += c.line(x, y, parts, size, ink, BOLD if parts is rows[0] else SANS)
    bx = box[2] - 200
    for i in range(60):  # barcode
        if rng.random() < 0.55:
            c.draw.rectangle((bx + i * 3, box[1] + 30, bx + i * 3 + 1, box[1] + 120), fill=ink)
    return c


def wristband(fake: Faker, rng: random.Random) -> Canvas:
    return _label_scene(fake, rng, specimen=False)


def specimen(fake: Faker, rng: random.Random) -> Canvas:
    return _label_scene(fake, rng, specimen=True)


def wound(fake: Faker, rng: random.Random) -> Canvas:
    c = Canvas(SIZE, (200, 160, 140))
    arr = np.asarray(c.image).astype(np.float32)
    arr += np.random.default_rng(rng.randint(0, 10**6)).normal(0, 6, arr.shape)
    c.image = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    c.draw = ImageDraw.Draw(c.image)
    cx, cy = rng.randint(380, 600), rng.randint(260, 380)
    c.draw.ellipse((cx - 120, cy - 70, cx + 120, cy + 70), fill=(150, 40, 40))
    c.draw.ellipse((cx - 70, cy - 35, cx + 80, cy + 40), fill=(190, 70, 60))
    top = 560
    c.draw.rectangle((150, top, 870, top + 90), fill=(245, 245, 235))
    for i in range(0, 141):
        x = 170 + i * 4.8
        h = 30 if i % 10 == 0 else (20 if i % 5 == 0 else 10)
        c.draw.line((x, top, x, top + h), fill=(20, 20, 20), width=1)
    for i in range(0, 15):
        c.line(166 + i * 48, top + 40, [(str(i), False, "")], 18, (20, 20, 20))
    c.line(820, top + 62, [("cm", False, "")], 16, (20, 20, 20))
    return c


def ecg(fake: Faker, rng: random.Random) -> Canvas:
    c = Canvas(SIZE, (255, 235, 235))
    for x in range(0, SIZE[0], 10):
        c.draw.line(
            (x, 0, x, SIZE[1]), fill=(250, 200, 200) if x % 50 else (240, 150, 150), width=1
        )
    for y in range(0, SIZE[1], 10):
        c.draw.line(
            (0, y, SIZE[0], y), fill=(250, 200, 200) if y % 50 else (240, 150, 150), width=1
        )
    leads = ["I", "II", "III", "aVR", "V1", "V5"]
    for i, lead in enumerate(leads[:4]):
        base = 130 + i * 160
        pts = []
        phase = rng.random() * 3
        for x in range(40, 1000, 2):
            t = (x / 180 + phase) % 1.0
            v = (
                60 * np.exp(-((t - 0.3) ** 2) * 4000)
                - 12 * np.exp(-((t - 0.36) ** 2) * 3000)
                + 14 * np.exp(-((t - 0.55) ** 2) * 300)
            )
            pts.append((x, base - v))
        c.draw.line(pts, fill=(10, 10, 10), width=2)
        c.line(12, base - 60, [(lead, False, "")], 18, (10, 10, 10))
    c.line(
        12,
        SIZE[1] - 36,
        [("25 mm/s", False, ""), ("10 mm/mV", False, ""), ("0.05-150 Hz", False, "")],
        16,
        (10, 10, 10),
    )
    c.line(
        SIZE[0] - 12,
        12,
        [(f"HR {rng.randint(55, 110)} bpm", False, "")],
        18,
        (10, 10, 10),
        align_right=True,
    )
    return c


BUILDERS = {
    "pacs": pacs,
    "monitor": monitor,
    "wristband": wristband,
    "specimen": specimen,
    "wound": wound,
    "ecg": ecg,
}


def phone_photo(
    image: Image.Image, words: list[GoldWord], rng: random.Random
) -> tuple[bytes, list[GoldWord]]:
    """The same scene photographed: perspective, rotation, blur, glare, noise, JPEG."""
    w, h = image.size
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    inset = 0.06
    jitter = 0.035
    dst = []
    for x, y in src:
        nx = x * (1 - 2 * inset) + w * inset + rng.uniform(-jitter, jitter) * w
        ny = y * (1 - 2 * inset) + h * inset + rng.uniform(-jitter, jitter) * h
        dst.append([nx, ny])
    angle = np.deg2rad(rng.uniform(-4, 4))
    center = np.float32([w / 2, h / 2])
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], np.float32)
    dst_arr = (np.float32(dst) - center) @ rot.T + center
    matrix = cv2.getPerspectiveTransform(src, dst_arr.astype(np.float32))
    surround = rng.choice([(40, 40, 45), (90, 80, 70), (25, 25, 25)])
    warped = cv2.warpPerspective(
        np.asarray(image), matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=surround
    )
    out = warped.astype(np.float32)
    gx, gy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    yy, xx = np.mgrid[0:h, 0:w]
    glare = np.exp(-(((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * (0.18 * w) ** 2))) * rng.uniform(
        25, 60
    )
    out += glare[:, :, None]
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.6, 1.3))
    out += np.random.default_rng(rng.randint(0, 10**6)).normal(0, rng.uniform(3, 7), out.shape)
    photo = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    photo.save(buf, "JPEG", quality=rng.randint(65, 85))
    moved = []
    for word in words:
        pts = cv2.perspectiveTransform(np.float32([word.quad]), matrix)[0]
        moved.append(GoldWord(word.text, pts.tolist(), word.phi, word.kind))
    return buf.getvalue(), moved


def generate(
    per_scene: int = 4, seed: int = 7, scenes: tuple[str, ...] = SCENES
) -> Iterator[CorpusImage]:
    """per_scene screenshots of each scene and a phone photo of each (2 x per_scene x scenes)."""
    return screenshots_and_photos(BUILDERS, scenes, per_scene, seed)


def screenshots_and_photos(
    builders: Mapping[str, Callable[[Faker, random.Random], Canvas]],
    scenes: Sequence[str],
    per_scene: int,
    seed: int,
) -> Iterator[CorpusImage]:
    """Each scene `per_scene` times as a PNG screenshot and a phone photo of it, by seed alone.

    Every image split draws through this one loop, so a split's images stay what they were
    when first measured.
    """
    fake = Faker("en_US")
    Faker.seed(seed)
    rng = random.Random(seed)
    for scene in scenes:
        for i in range(per_scene):
            canvas = builders[scene](fake, rng)
            buf = io.BytesIO()
            canvas.image.save(buf, "PNG")
            yield CorpusImage(
                f"{scene}-{i:02d}.png", scene, "screenshot", buf.getvalue(), canvas.words
            )
            data, words = phone_photo(canvas.image, canvas.words, rng)
            yield CorpusImage(f"{scene}-{i:02d}-photo.jpg", scene, "photo", data, words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-scene", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    gold = {}
    for item in generate(args.per_scene, args.seed):
        (args.out / item.name).write_bytes(item.data)
        gold[item.name] = {
            "scene": item.scene,
            "variant": item.variant,
            "words": [asdict(w) for w in item.words],
        }
    (args.out / "gold.json").write_text(json.dumps(gold, indent=1))
    print(f"wrote {len(gold)} images to {args.out}")


if __name__ == "__main__":
    main()
