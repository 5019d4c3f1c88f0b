"""Merged OCR tokens, truncated header values and palettes (issue 14; bands: test_image_preprocess).

The strings are the ones RapidOCR reads off deid-data's GREYSCALE_IMAGE.dcm banner, whose
Tesseract check found the name, MRN and institution still readable after redaction.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pydicom
import pytest

from bot.detect.image_faces import NoFaceDetector
from bot.detect.image_tokens import demerged, find_terms, map_back, technical_screen
from bot.detect.pixels import PixelAnalyzer
from bot.detect.types import Finding, Kind
from tests.detect.image_fakes import FakeOcr, FakeTextEngine

HEADER_TERMS = [
    ("ZZZ TEST PATIENTFIVE^NEW^P^", Kind.NAME),
    ("CCHS CLEVELAND CLINIC CANADA", Kind.LOCATION),
]


def spans(text: str, terms: list[tuple[str, Kind]] | None = None) -> set[str]:
    analyzer = PixelAnalyzer(FakeTextEngine(), FakeOcr([], 100), NoFaceDetector())
    return {text[f.start : f.end] for f in analyzer.spans(text, terms or HEADER_TERMS)}


@pytest.mark.parametrize(
    ("text", "phi"),
    [
        ("ZZZTESTPATIENTFI..00079241539", {"ZZZTESTPATIENTFI", "00079241539"}),
        ("DOB:08/29/1951 M CCHSCLEVELAN", {"CCHSCLEVELAN", "08/29/1951"}),
        ("ZZZ TEST PATIENTFI\u2026 00079241539", {"ZZZ TEST PATIENTFI", "00079241539"}),
    ],
)
def test_when_a_banner_is_merged_or_truncated_then_its_values_are_found(
    text: str, phi: set[str]
) -> None:
    found = spans(text)
    assert all(any(p in s for s in found) for p in phi), found


@pytest.mark.parametrize("text", ["Adv Breast", "TIS0.0MI 0.6", "L12-5", "DynR58", "4.0cm-"])
def test_when_annotation_is_merged_then_it_stays_legible(text: str) -> None:
    assert spans(text) == set()


def test_a_short_value_is_not_matched_by_its_prefix() -> None:
    # eight letters or fewer must be shown whole: "CCHS" alone is not the institution
    found = find_terms("CCHS LAB", [("CCHS LAB 2", Kind.LOCATION)])
    assert found == []


def test_demerged_offsets_map_back_to_the_original() -> None:
    text = "FI..00079241539 X"
    view = demerged(text)
    assert view is not None
    copy, index = view
    start = copy.index("00079241539")
    back = map_back([Finding(start, start + 11, Kind.ID, 0.9, "t", "ID")], index, len(text))
    assert [text[f.start : f.end] for f in back] == ["00079241539"]
    assert demerged("no seams here") is None


def test_a_palette_colour_file_is_read_through_its_palette() -> None:
    from pydicom.pixels.processing import apply_color_lut

    from bot.detect.dicom_paint import to_rgb8 as _to_rgb8

    path = Path(pydicom.__file__).parent / "data" / "test_files" / "examples_palette.dcm"
    ds = pydicom.dcmread(path)
    frame = ds.pixel_array
    rgb = _to_rgb8(frame, "PALETTE COLOR", ds)
    expected = (apply_color_lut(frame, ds)[..., :3] / 257).astype(np.uint8)
    assert rgb.shape == (*frame.shape, 3)
    assert np.abs(rgb.astype(int) - expected.astype(int)).max() <= 1


@pytest.mark.parametrize(
    "text",
    [
        "commit072e3cf347862554017cdf83fd989e60f2104023",
        "0: 0x31c41885221c - tokio::run",
        "Compiling hyper v1.5.11",
        "Profile: dev",
        "thread 'main' panicked at src/main.rs:230:1",
        "$ git rev-parse --short HEAD -> dddc3eb",
        "sgitrev-parse--short HEAD->4f156fo",
        "1:0x3e3f13c90335-anyhow:read",
        "3cm3cm_8M12L\n630P630\n44CG43\n78DR78\nCINE 0118",
        "$ git rev-parse --short HEAD -> 9205574",
        "shortHEAD\u00b7>9205574",
        "Finished^devprofile [unoptimized + debuginfo] target(s) in 20.57s",
        "kVp120mAs200\nW1500L:35\nSe:4im:127/257",
        "MRKNEELT\nXRCHESTPA\nMR KNEE LT",
        "Se 1 AX DWI\n5e4CORT3\n5e2AX72\nImg10of11\nTR1561TE63\nFOV250mm",
        # photographed OCR: "#107" as "#1e7", "0x" as "@x", "v" as "w", a hash cut to six
        "Merge pull request #1e7 from feature/cache",
        "1:0x95874864251f\n0:@x95874864251f\n2:8x95874864251f",
        "Compiling rayon w1.4.17",
        "short>5f4b84",
        # the consoles dev split (bench/corpus/image_corpus_consoles.py), as the OCR read it
        "[ 7657.762163] usb 1-3: new high-speed USB device number 2 using xhci_hcd",
        "[8153.998279] oom-kill: task scheduler pid 27206 score 713",
        "eth0: link up,10000 Mbps, full duplex",
        "api-7d9f8b6c5-x2k4p 1/1 Running 0 11h41m",
        "Collecting uvicorn==5.5.16\nSuccessfully installed numpy-1.16.15 orjson-0.10.14",
        "72 | from pathlib import Path",
        "Traceback (most recent call last):",
        "LANG=C.UTF-8",
        "Ln 12, Col9 Spaces:4 UTF-8 LF Python3.12.8 3 warnings",
        "ICD-10-CM\n1CD-10-CM\nICD10",  # a code system's name, also with its I read as 1
        # new dev seeds (overlays 4250, consoles 6262): a technical screen's bare numbers and
        # log timestamps are no identifiers or dates
        "CONTAINER ID IMAGE STATUS PORTS\n62780652425c nginx:1.27 Up 13 minutes 6379/tcp\n"
        "fe46e05dc30e redis:7 Up 43 minutes5432/tcp\nc3afbzbb2509 billing:latest up 46minutes",
        "Compiling anyhawv2.25.20",
        "stack backtrace:\n0: 0x31c41885221c - tokio::run\n10431141\n"
        "at src/main.rs:230:1\n2026-11-02 14:33:12 INFO worker 6using /usr/lib/x",
    ],
)
def test_when_a_screen_is_technical_then_nothing_in_it_is_phi(text: str) -> None:
    analyzer = PixelAnalyzer(_engine(), FakeOcr([], 100), NoFaceDetector())
    assert [text[f.start : f.end] for f in analyzer.spans(text)] == []


# Code and configuration screens as photographed (consoles dev seed 6262, `--per-scene 8`): no
# hash or path on most lines, so only their code lines (snake_case and UPPER_SNAKE names, calls,
# KEY=value, key: value) make them technical; before, "3.13.15", "DEFAULT_CUNK_BYTES2500" and
# "LANG-C.UTF" (its "=" read as "-") were painted as a date, an MRN and a name.
_CONFIG_DUMP = (
    "database:\nhost:db-replica-09.internal\nport:5432\npool_s1ze:29\nworkers:11\n"
    "visibility_timeout_s:30\nlog_level:debug\nsenv|sort|head\nLANG-C.UTF-8\n"
    "PYTHONHASHSEED=419\nWEB_CONCURRENCY=6\nOMP_NUM_THREADS-2"
)
_EDITOR = (
    "README.md\n162\nfr pathlib iport Path\nDEFAULT_CUNK_BYTES2500\n169\n"
    "chnkbytes:intDEFAULT_CHUBYTEsdicttr.int\n174\nforlneineumrateath.red tet(.splitlims:\n"
    "ren(key-stripD]int\uff08value or 0)\nreturn rows\n13,C21Sx4UTF UFPhn3.13.15"
)


@pytest.mark.parametrize("text", [_CONFIG_DUMP, _EDITOR])
def test_a_code_or_config_screen_is_technical_and_its_garbage_is_no_phi(text: str) -> None:
    assert technical_screen(text)
    analyzer = PixelAnalyzer(_engine(), FakeOcr([], 100), NoFaceDetector())
    assert [text[f.start : f.end] for f in analyzer.spans(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "DOE, JANE\nMRN: 40718823\nDOB: 03/14/1957\nAcc: CT1234567\nW:400 L:40\nSe 3 Im 12",
        "Patient: Jane Doe\nHR 72 SpO2 98%\nBP 120/80\nRR 16\nBed 12",
    ],
)
def test_a_patients_screen_is_not_technical(text: str) -> None:
    assert not technical_screen(text)


def test_on_a_config_screen_a_labelled_identifier_stays_phi() -> None:
    text = _CONFIG_DUMP + "\nERROR lookup failed for MRN 40718823"
    analyzer = PixelAnalyzer(_engine(), FakeOcr([], 100), NoFaceDetector())
    assert "40718823" in {text[f.start : f.end] for f in analyzer.spans(text)}


def test_a_patient_record_shown_as_json_keeps_its_labelled_values() -> None:
    # snake_case keys make the screen technical; each value's key is its label
    text = (
        '{\n"patient_name": "Jane Doe",\n"birth_date": "1957-03-14",\n"mrn": "40718823",\n'
        '"phone": "555-201-3344",\n"visit_date": "2024-01-02",\n"ward_code": 4\n}'
    )
    assert technical_screen(text)
    analyzer = PixelAnalyzer(_engine(), FakeOcr([], 100), NoFaceDetector())
    found = {text[f.start : f.end] for f in analyzer.spans(text)}
    assert {"Jane Doe", "1957-03-14", "40718823", "555-201-3344", "2024-01-02"} <= found


# A git log, a build and a backtrace as the overlays dev seeds show them (photographed OCR).
_BUILD_SCREEN = (
    "commit 289e0082c358452358902ff3177e7e8c92637e64\nMerge pull request #741 from feature/cache\n"
    "$ cargo build\nCompiling rayon v2.10.15\nDownloaded tokio v1.2.5 (registry crates.io)\n"
    "Profile: dev\nthread 'main' panicked at src/main.rs:317:29\n"
    "0: 0x8df33809cd89 - regex::read\n$ git rev-parse--short HEAD -> 5a03d76\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "commit0ea83859dafc1eb 03300183873 de573",  # a hash the OCR cut: a phone number's shape
        "bed612",  # a hash fragment: "bed" and digits
        "commit 7a9bed6120 1f",  # a hash's tail as age and sex
        "Finisheddevprofile (unoptimized+debuginfo]target(s)in 22.30s",  # one word, a name
    ],
)
def test_on_a_technical_screen_hash_pieces_and_log_words_are_no_phone_room_age_or_name(
    line: str,
) -> None:
    text = _BUILD_SCREEN + line
    analyzer = PixelAnalyzer(_engine(), FakeOcr([], 100), NoFaceDetector())
    found = [text[f.start : f.end] for f in analyzer.spans(text)]
    assert found == []


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        ("ERROR callback failed, patient phone 555-201-3344", "555-201-3344"),
        ("WARN moved patient to Bed 12", "12"),
        ("WARN lookup failed for Jane Doe", "Jane Doe"),
        ("INFO Patient: Smith", "Smith"),
        ("WARN patient 45F admitted", "45F"),
    ],
)
def test_on_a_technical_screen_a_labelled_phone_room_age_or_a_full_name_stays_phi(
    line: str, phi: str
) -> None:
    text = _BUILD_SCREEN + line
    analyzer = PixelAnalyzer(_engine(), FakeOcr([], 100), NoFaceDetector())
    found = [text[f.start : f.end] for f in analyzer.spans(text)]
    assert any(phi in s for s in found), found


@pytest.mark.parametrize(
    ("text", "phi"),
    [
        ("Lakeside Imaging\nRef: Dr. Okafor", {"Lakeside Imaging", "Okafor"}),
        ("*WESTWAY_MEDICAL*\n24-MAY-02", {"WESTWAY_MEDICAL", "24-MAY-02"}),
        ("Referming: DAVIS^STEVEN", {"DAVIS^STEVEN"}),
        ("MRN E2930429\nF/072Y", {"E2930429", "F/072Y"}),
        ("E1486626\nHARMON, CINDY", {"E1486626"}),
        ("Referring: MARTINEZ~JENNIFER", {"MARTINEZ~JENNIFER"}),
        ("KERR~CRYSTAL\nReferring: ALEXANDER ^LISA", {"KERR~CRYSTAL", "ALEXANDER ^LISA"}),
        ("Nov 291938\nSep022000", {"Nov 291938", "Sep022000"}),
        ("MRN 9205574 -> 4 West", {"9205574"}),
        ("Acc CT1234567", {"CT1234567"}),
        ("Feb041946\nDec 12 1950", {"Feb041946", "Dec 12 1950"}),  # hex letters, but dates
        ("F66yrs", {"F66yrs"}),
        ("Patient MRN 1234567, see pull request", {"1234567"}),
        ("DOB 05.05.1946\nPt: KERR, CRYSTAL", {"05.05.1946", "KERR, CRYSTAL"}),
        ("MRN 52719941 Score 3", {"52719941"}),
        # photographed (dev seeds main 4243, overlays 4244): a label glued into a run of hex
        # letters ("WANDABed14" is no hash), a name in lower case after its title
        ("DAVIDSON,WANDABed14MRN59204984", {"14", "59204984"}),
        ("Scott Clinic\nRef:Dr.tes\n10-Sep-2026", {"tes"}),
        # a technical screen keeps a labelled identifier and birth date PHI
        (
            "$ tail -f app.log\nERROR lookup failed for MRN 40718823 at src/db.rs:12:4\n"
            "WARN patient DOB 03/14/1957 pid 2231\n0: 0x31c41885221c - tokio::run",
            {"40718823", "03/14/1957"},
        ),
    ],
)
def test_overlay_corners_are_found(text: str, phi: set[str]) -> None:
    analyzer = PixelAnalyzer(_engine(), FakeOcr([], 100), NoFaceDetector())
    found = [text[f.start : f.end] for f in analyzer.spans(text)]
    assert all(any(p in s for s in found) for p in phi), found


def _engine() -> object:
    from bot.detect.engine import TextEngine

    return _shared_engine(TextEngine)


_ENGINES: dict[type, object] = {}


def _shared_engine(cls: type) -> object:
    if cls not in _ENGINES:
        _ENGINES[cls] = cls()
    return _ENGINES[cls]


def test_a_place_read_across_ocr_lines_is_judged_line_by_line() -> None:
    # An ultrasound banner (burned_in_bench's synthetic files): the institution line and the
    # probe and gain labels under it read as one "... C5-1 Gen" (Gen for General) facility.
    text = "SMITH,JASON\nSTLUKESMEDICALCTR\nC5-1\nGen 50\nTIS 0.4"
    analyzer = PixelAnalyzer(_engine(), FakeOcr([], 100), NoFaceDetector())
    found = [text[f.start : f.end] for f in analyzer.spans(text)]
    assert not any("C5-1" in s or "Gen" in s for s in found), found
    assert any("SMITH,JASON" in s for s in found)


@pytest.mark.parametrize(
    ("token", "kept"),
    [
        ("1CD-10-CM", False),
        ("ICD-10-PCS", False),
        ("lCD-9-CM", False),
        ("1CD-1047", True),  # a plate-shaped code of letters and digits stays an identifier
        ("ICD-10-CMX4", True),
    ],
)
def test_a_code_systems_name_is_no_identifier(token: str, kept: bool) -> None:
    from bot.detect.image_tokens import drop_technical

    found = drop_technical(token, [Finding(0, len(token), Kind.ID, 0.6, "PlateRecognizer")])
    assert bool(found) is kept
