"""`phiwarden redact-image`: same name/format/size out, per-file errors, no writes outside DIR."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PIL import Image

import bot.detect.images as images_module
from bot.cli import main
from bot.cli.redact_image import redact_files, safe_name
from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from tests.detect.image_fakes import FakeOcr, FakeTextEngine, overlay_image

W, H = 320, 200
LINES = [("DOE, JANE", 10, 10, 80, 18), ("ID: 12345678", 10, 32, 100, 18)]


def fake_scanner(**_: object) -> ImageScanner:
    return ImageScanner(
        text_engine=FakeTextEngine(["DOE, JANE"]),
        ocr=FakeOcr(LINES, W),
        face_detector=NoFaceDetector(),
    )


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    image = overlay_image([(t, x, y) for t, x, y, _, _ in LINES], (W, H))
    image.save(src / "screen.png")
    image.save(src / "photo.jpg", quality=90)
    image.save(src / "lying.jpg", format="PNG")  # PNG content, JPEG name
    (src / "empty.png").write_bytes(b"")
    (src / "notes.pdf").write_bytes(b"%PDF-1.4 not an image")
    return src


def test_when_batch_then_each_file_written_same_name_format_size(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    files = [inputs / n for n in ("screen.png", "photo.jpg", "lying.jpg")]
    assert redact_files(fake_scanner, files, out) == 0
    for name, fmt in (("screen.png", "PNG"), ("photo.jpg", "JPEG"), ("lying.jpg", "PNG")):
        written = Image.open(out / name)
        assert written.format == fmt and written.size == (W, H)
        assert written.getpixel((40, 18)) == (0, 0, 0) or written.getpixel((40, 18)) == 0


def test_when_some_inputs_bad_then_status_2_and_good_ones_still_written(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    files = [
        inputs / "empty.png",
        inputs / "notes.pdf",
        inputs / "missing.png",
        inputs / "screen.png",
    ]
    assert redact_files(fake_scanner, files, out) == 2
    err = capsys.readouterr().err
    assert "empty.png: unscannable: empty file" in err
    assert "notes.pdf: unscannable: unsupported content: application/pdf" in err
    assert "missing.png: no such file" in err
    assert sorted(os.listdir(out)) == ["screen.png"]


def test_json_reports_kinds_and_boxes_but_never_ocr_text(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert redact_files(fake_scanner, [inputs / "screen.png"], out, as_json=True) == 0
    printed = capsys.readouterr().out
    report = json.loads(printed)
    assert report[0]["verdict"] == "phi" and {"NAME", "ID"} <= set(report[0]["kinds"])
    assert all(len(f["box"]) == 4 for f in report[0]["findings"])
    assert "DOE" not in printed and "12345678" not in printed


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("/abs/dir/x.png", "x.png"),
        ("a\\..\\b.png", "b.png"),
        ("..", None),
        (".hidden", None),
        ("dir/", "dir"),
    ],
)
def test_output_name_is_always_a_plain_base_name(given: str, expected: str | None) -> None:
    assert safe_name(given) == expected


def test_when_symlink_planted_in_out_dir_then_target_untouched(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / "screen.png").symlink_to(victim)
    assert redact_files(fake_scanner, [inputs / "screen.png"], out) == 0
    assert victim.read_text() == "keep me"
    assert not (out / "screen.png").is_symlink() and Image.open(out / "screen.png").format == "PNG"


def test_when_two_inputs_share_a_name_then_second_refused(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "screen.png").write_bytes((inputs / "screen.png").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    assert redact_files(fake_scanner, [inputs / "screen.png", other / "screen.png"], out) == 2
    assert "same file name" in capsys.readouterr().err


def test_cli_entry_point_loads_one_scanner_for_the_batch(
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    built: list[ImageScanner] = []

    def factory(
        cls: type[ImageScanner], settings: object, text_engine: object = None
    ) -> ImageScanner:
        built.append(fake_scanner())
        return built[-1]

    monkeypatch.setattr(images_module.ImageScanner, "from_settings", classmethod(factory))
    out = tmp_path / "new" / "out"
    status = main(
        [
            "redact-image",
            str(inputs / "screen.png"),
            str(inputs / "photo.jpg"),
            "--out",
            str(out),
            "--json",
        ]
    )
    assert status == 0 and len(built) == 1
    assert sorted(os.listdir(out)) == ["photo.jpg", "screen.png"]
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_when_dicom_pixels_cannot_be_read_then_a_header_only_copy_is_written_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pydicom

    from tests.detect.test_dicom import make_dicom, read

    ds = read(make_dicom(burned_in=False))
    ds.BitsAllocated = 12  # no decoder reads this layout
    src = tmp_path / "us.dcm"
    ds.save_as(src, enforce_file_format=True)
    out = tmp_path / "out"
    out.mkdir()
    assert redact_files(fake_scanner, [src], out) == 2
    assert not (out / "us.dcm").exists()  # never under the input's name
    copy = pydicom.dcmread(out / "us.header-only.dcm")
    assert not copy.PatientName and copy.PatientIdentityRemoved == "NO"
    err = capsys.readouterr().err
    assert "header-only" in err and "NOT checked" in err


def test_when_a_dicom_is_over_the_size_limit_then_its_header_is_still_cleaned_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over MAX_FILE_BYTES: no longer nothing. The header is de-identified into a header-only
    copy, the pixels copied through unchecked; a non-DICOM over the limit still gets nothing."""
    import pydicom

    from tests.detect.test_dicom import make_dicom

    src = tmp_path / "cine.dcm"
    src.write_bytes(make_dicom(burned_in=False))
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 8192)
    out = tmp_path / "out"
    out.mkdir()

    def small_limit() -> ImageScanner:
        return ImageScanner(
            text_engine=FakeTextEngine([]),
            ocr=FakeOcr([], W),
            face_detector=NoFaceDetector(),
            max_bytes=4096,
        )

    assert redact_files(small_limit, [src, big], out) == 2
    assert sorted(os.listdir(out)) == ["cine.header-only.dcm"]  # no temporary file left
    copy = pydicom.dcmread(out / "cine.header-only.dcm")
    assert not copy.PatientName and copy.PatientIdentityRemoved == "NO"
    assert copy.pixel_array.shape == (H, W)
    err = capsys.readouterr().err
    assert "file too large" in err and "header-only" in err and "NOT checked" in err
    assert f"{big}: unscannable: file too large" in err


def test_when_the_copy_would_replace_its_input_then_refused_and_input_untouched(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (inputs / "screen.png").read_bytes()
    assert redact_files(fake_scanner, [inputs / "screen.png"], inputs) == 2
    assert "would replace the input itself" in capsys.readouterr().err
    assert (inputs / "screen.png").read_bytes() == before
    linked = inputs / "link.png"
    linked.symlink_to(inputs / "screen.png")  # the same file under another name
    assert redact_files(fake_scanner, [linked], inputs) == 2
    assert (inputs / "screen.png").read_bytes() == before


def test_when_no_input_can_be_scanned_then_the_models_never_load(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_load(cls: type[ImageScanner], settings: object) -> ImageScanner:
        raise AssertionError("the models were loaded for a batch with nothing to scan")

    monkeypatch.setattr(images_module.ImageScanner, "from_settings", classmethod(must_not_load))
    out = tmp_path / "out"
    assert main(["redact-image", str(inputs / "missing.png"), "--out", str(out)]) == 2
    assert main(["redact-image", str(inputs / "screen.png"), "--out", str(inputs)]) == 2


def test_a_missing_file_is_reported_before_the_models_load(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said_before_loading: list[str] = []

    def load() -> ImageScanner:
        said_before_loading.append(capsys.readouterr().err)
        return fake_scanner()

    out = tmp_path / "out"
    out.mkdir()
    files = [inputs / "screen.png", inputs / "missing.png"]
    assert redact_files(load, files, out) == 2
    assert said_before_loading == [f"{inputs / 'missing.png'}: no such file\n"]
    assert os.listdir(out) == ["screen.png"]
