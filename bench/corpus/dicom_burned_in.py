"""DICOM files with burned-in text, and which of their strings are PHI, for `bench.burned_in_bench`.

Two sources:

- real files that ship in packages on the index: pydicom's own test files, `pydicom-data`
  (module `data_store`) and `deid-data` (its ultrasounds, two of them zipped cines). The PHI
  strings each one shows in its pixels were read by eye from the first frame and written down
  here (`REAL_GOLD`); they are the test patients those projects made up ("ZZZ TEST PATIENT"),
  not real people. Strings that are annotation (probe, TIS/MI, depth, body part) are listed too,
  to measure what redaction keeps.
- synthetic ultrasound-banner files (`synthetic`), seeded, with Faker identities: a banner of
  name, MRN, DOB, institution and study date over a speckle image, in four variants: plain, a
  low-contrast grey band, words run together ("DOE^JANE..00012345"), and a cine whose frame 1
  carries a second patient.

    bash scripts/setup.sh --dev    # pydicom-data and deid-data come from dev.lock
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont


@dataclass(frozen=True)
class Gold:
    """Strings shown in a file's pixels: PHI (must not be readable after) and annotation."""

    phi: tuple[str, ...]
    annotation: tuple[str, ...] = ()


@dataclass
class BurnedInFile:
    name: str
    data: bytes
    gold: Gold
    source: str  # "real" or "synthetic"
    notes: list[str] = field(default_factory=list)


# Read by eye from each file's pixels (first frame); the cines repeat the banner on every frame.
_GREYSCALE = Gold(
    phi=("ZZZ TEST PATIENTFI", "00079241539", "08/29/1951", "CCHS CLEVELAN", "03/02/2017"),
    annotation=("Adv Breast", "L12-5", "TAC1", "4.0cm"),
)
_PHILIPS = Gold(
    phi=("11-05-25-142825", "5/25/2011", "Philips Healthcare"),
    annotation=("C5-1", "28Hz", "Cist Mag"),
)
_US1 = Gold(phi=("BAPTIST MED CTR",), annotation=("LYMPH NODE", "MSCSKEL", "CINE 0118"))
REAL_GOLD: dict[str, Gold] = {
    "GREYSCALE_IMAGE.dcm": _GREYSCALE,
    "GREYSCALE_CINE.dcm": _GREYSCALE,
    "RGB_IMAGE.dcm": Gold(
        phi=("ZZZDOWNTIME,MARY", "00047431395", "4/14/2020", "120907058", "CCHS CLEVELAND CLINIC"),
        annotation=("SIEMENS", "Renal", "General", "Sag Liver", "16cm"),
    ),
    "RGB_CINE.dcm": Gold(
        phi=("01/30/1986", "AGMC Sports Medicine", "7-OCT-2016", "0001128201"),
        annotation=("Shoulder", "Supraspinatus"),
    ),
    "US1_UNCR.dcm": _US1,
    "US1_UNCI.dcm": _US1,
    "US1_J2KR.dcm": _US1,
    "US1_J2KI.dcm": _US1,
    "examples_jpeg2k.dcm": _US1,
    "examples_rgb_color.dcm": Gold(phi=("MED CTR",), annotation=("LYMPH NODE", "MSCSKEL")),
    "gdcm-US-ALOKA-16.dcm": Gold(phi=("WESTWAY MEDICAL", "24-MAY-02"), annotation=("PELVIS",)),
    "gdcm-US-ALOKA-16_big.dcm": Gold(phi=("WESTWAY MEDICAL", "24-MAY-02"), annotation=("PELVIS",)),
    # The Philips banner: grey on a near-white bar in the greyscale copies, legible through
    # the palette (examples_palette); its ID, study date and institution are PHI.
    "OBXXXX1A.dcm": _PHILIPS,
    "examples_palette.dcm": _PHILIPS,
    # Text, but none of it PHI: what redaction must leave alone.
    "JPGLosslessP14SV1_1s_1f_8b.dcm": Gold(phi=(), annotation=("Adult Echo", "Asc Diam", "16cm")),
    "ultrasound-multiframe.dcm": Gold(phi=(), annotation=("15cm", "3850Hz")),
}


def _package_dir(module: str) -> Path | None:
    try:
        mod = __import__(module)
    except ImportError:
        return None
    return Path(mod.__file__).parent if mod.__file__ else None


def real_files(only: str | None = None) -> Iterator[BurnedInFile]:
    """Every file of `REAL_GOLD` found in the installed packages (zipped cines read in place);
    `only` keeps those whose name contains it."""
    wanted = {n for n in REAL_GOLD if only is None or only in n}
    roots = [
        p
        for p in (
            _package_dir("pydicom") and _package_dir("pydicom") / "data" / "test_files",  # type: ignore[operator]
            _package_dir("data_store"),
            _package_dir("deid_data"),
        )
        if p is not None
    ]
    seen: set[str] = set()
    for root in roots:
        for path in sorted(root.rglob("*")):
            name = path.name
            if name.endswith(".zip"):
                with zipfile.ZipFile(path) as zf:
                    for member in zf.namelist():
                        base = Path(member).name
                        if base in wanted and base not in seen:
                            seen.add(base)
                            yield BurnedInFile(base, zf.read(member), REAL_GOLD[base], "real")
            elif name in wanted and name not in seen:
                seen.add(name)
                yield BurnedInFile(name, path.read_bytes(), REAL_GOLD[name], "real")


# --- synthetic ultrasound banners ----------------------------------------------------------


def _font(size: int) -> ImageFont.FreeTypeFont:
    from bench.corpus.image_corpus import _font_paths

    return ImageFont.truetype(_font_paths()[0], size)


def _speckle(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    img = np.zeros((h, w), np.float32)
    cone = rng.rayleigh(40, (h - 120, w - 260)).astype(np.float32)
    img[90 : h - 30, 130 : w - 130] = np.clip(cone, 0, 255)
    return img


def _identity(rnd: random.Random) -> dict[str, str]:
    from faker import Faker

    from bench.corpus.reference_day import birth_and_study

    fake = Faker("en_US")
    fake.seed_instance(rnd.randrange(1 << 30))
    dob, study = birth_and_study(fake, 18, 90, "-5y")
    return {
        "last": fake.last_name().upper(),
        "first": fake.first_name().upper(),
        "mrn": f"{rnd.randrange(10**7, 10**9):09d}",
        "dob": dob.strftime("%m/%d/%Y"),
        "dob_da": dob.strftime("%Y%m%d"),
        "institution": rnd.choice(
            ["MERCY GENERAL HOSP", "ST LUKES MEDICAL CTR", "NORTHSIDE CLINIC", "BAYVIEW HOSPITAL"]
        ),
        "study": study.strftime("%m/%d/%Y"),
        "study_da": study.strftime("%Y%m%d"),
        "acc": f"A{rnd.randrange(10**6, 10**7)}",
    }


def _banner(draw: ImageDraw.ImageDraw, who: dict[str, str], variant: str, fg: int) -> Gold:
    font = _font(17)
    if variant == "merged":
        name = f"{who['last']}^{who['first']}..{who['mrn']}"
        draw.text((8, 6), name, fill=fg, font=font)
        phi = (f"{who['last']}", f"{who['first']}", who["mrn"])
    else:
        draw.text((8, 6), f"{who['last']}, {who['first']}", fill=fg, font=font)
        draw.text((330, 6), f"MRN {who['mrn']}", fill=fg, font=font)
        phi = (who["last"], who["first"], who["mrn"])
    draw.text((8, 30), f"DOB: {who['dob']}", fill=fg, font=font)
    draw.text((330, 30), who["institution"], fill=fg, font=font)
    draw.text((640, 6), who["study"], fill=fg, font=font)
    phi += (who["dob"], who["institution"], who["study"])
    small = _font(15)
    for y, text in ((70, "C5-1"), (90, "Gen 50"), (110, "TIS 0.4"), (130, "MI 1.1")):
        draw.text((10, y), text, fill=fg, font=small)
    draw.text((700, 560), "Depth 16cm", fill=fg, font=small)
    return Gold(phi=phi, annotation=("C5-1", "Gen 50", "TIS 0.4", "MI 1.1", "Depth 16cm"))


def _dataset(frames: list[np.ndarray], who: dict[str, str]) -> bytes:
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, UltrasoundMultiFrameImageStorage, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = UltrasoundMultiFrameImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID, ds.SOPInstanceUID = (
        meta.MediaStorageSOPClassUID,
        meta.MediaStorageSOPInstanceUID,
    )
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    ds.Modality = "US"
    ds.PatientName = f"{who['last']}^{who['first']}"
    ds.PatientID = who["mrn"]
    ds.PatientBirthDate = who["dob_da"]
    ds.StudyDate = who["study_da"]
    ds.AccessionNumber = who["acc"]
    ds.InstitutionName = who["institution"]
    ds.StudyID = "1"
    stack = np.stack(frames).astype(np.uint8)
    ds.Rows, ds.Columns = stack.shape[1:3]
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit, ds.PixelRepresentation = 7, 0
    if len(frames) > 1:
        ds.NumberOfFrames = len(frames)
    ds.PixelData = stack.tobytes()
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


VARIANTS = ("plain", "low_contrast", "merged", "cine_second_patient")


def synthetic(n_per_variant: int = 2, seed: int = 14) -> Iterator[BurnedInFile]:
    """Ultrasound-banner files; the header carries the same identity as the banner, except the
    cine's frame 1, whose second patient the header does not know (only the detector can find it)."""
    rnd = random.Random(seed)
    rng = np.random.default_rng(seed)
    h, w = 600, 800
    for variant in VARIANTS:
        for i in range(n_per_variant):
            who = _identity(rnd)
            base = _speckle(rng, h, w)
            img = Image.fromarray(base.astype(np.uint8))
            draw = ImageDraw.Draw(img)
            fg = 235
            if variant == "low_contrast":
                draw.rectangle((0, 0, w, 56), fill=120)
                fg = 150
            gold = _banner(draw, who, variant, fg)
            frames = [np.asarray(img)]
            if variant == "cine_second_patient":
                other = _identity(rnd)
                frames = []
                for k in range(4):
                    f = Image.fromarray(_speckle(rng, h, w).astype(np.uint8))
                    d = ImageDraw.Draw(f)
                    g = _banner(d, other if k == 1 else who, "plain", fg)
                    if k == 1:
                        gold = Gold(phi=gold.phi + g.phi, annotation=gold.annotation)
                    frames.append(np.asarray(f))
            yield BurnedInFile(
                f"synthetic_{variant}_{i}.dcm", _dataset(frames, who), gold, "synthetic"
            )
