"""Build-time proof that deploy/slim-venv.sh cut nothing a feature needs (Dockerfile, build stage).

Importing is not enough: a cut library or model file shows only when it is used. So each
feature runs once on synthetic data, through the code that loads what was cut beside it:
the text engine (spaCy's pipeline, blis), OCR and faces on a PNG and a HEIC image
(onnxruntime, OpenCV and its Haar cascades, libheif), DICOM pixels (GDCM, pylibjpeg) from the
files pydicom ships, and the compliance report's charts (matplotlib's Agg backend and fonts;
its PDF, PostScript and SVG output too, unused by phiwarden but kept whole). A font
matplotlib cannot find is only a log line there, so it fails the check here.

    python deploy/smoke.py        exit 0, or a traceback naming what broke
"""

from __future__ import annotations

import asyncio
import io
import logging
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path


class _Missing(logging.Handler):
    """Collects matplotlib's `findfont` complaints."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _banner() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (640, 160), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(40)
    draw.text((20, 20), "DOE, JANE", fill="black", font=font)
    draw.text((20, 90), "MRN 48291734", fill="black", font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def check_text() -> None:
    from bot.detect.engine import TextEngine

    result = TextEngine().scan("Mrs Elena Varga, MRN 4829173, seen today")
    assert result.phi and "NAME" in result.kinds, result


def check_images() -> None:
    import numpy as np
    import pydicom.data
    from PIL import Image

    from bot.detect.image_faces import HaarFaceDetector
    from bot.detect.images import ImageScanner

    HaarFaceDetector().detect(np.zeros((120, 160, 3), dtype=np.uint8))  # cascades load
    scanner = ImageScanner()
    png = _banner()
    found = scanner.scan(png, filename="banner.png")
    assert found.scannable and found.redacted and found.findings, found.to_json()
    heic = io.BytesIO()
    Image.open(io.BytesIO(png)).save(heic, format="HEIF")
    found = scanner.scan(heic.getvalue(), filename="banner.heic")
    assert found.scannable and found.redacted, found.to_json()
    assert Image.open(io.BytesIO(found.redacted)).format == "HEIF"
    for name in (
        "JPGExtended.dcm",
        "JPEG2000.dcm",
        "MR_small_jpeg_ls_lossless.dcm",
        "SC_rgb_rle.dcm",
    ):
        data = Path(str(pydicom.data.get_testdata_file(name))).read_bytes()
        found = scanner.scan(data, filename=name)
        assert found.scannable and found.redacted, (name, found.to_json())


def check_report() -> None:
    from bot.config import Settings
    from bot.demo.report_sample import seed
    from bot.report import render_html
    from bot.report.data import gather
    from bot.store import open_store

    missing = _Missing()
    logging.getLogger("matplotlib").addHandler(missing)

    async def build(folder: str) -> str:
        until = datetime.now(UTC)
        store = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{folder}/r.db"))
        try:
            await seed(store, until, days=7)
            return render_html(await gather(store, until - timedelta(days=7), until, None))
        finally:
            await store.close()

    with tempfile.TemporaryDirectory() as folder:
        html = asyncio.run(build(folder))
    assert html.count("data:image/png;base64,") >= 4, "charts missing from the report"
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    ax.set_title("posts scanned")
    for fmt in ("pdf", "ps", "svg"):
        fig.savefig(io.BytesIO(), format=fmt)
    plt.close(fig)
    assert not missing.lines, missing.lines


if __name__ == "__main__":
    check_text()
    check_images()
    check_report()
    print("smoke: text, images (PNG, HEIC, DICOM), report: ok")
