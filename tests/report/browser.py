"""Headless Debian chromium for the report tests and the README screenshot.

Installed by `scripts/setup_chromium.sh` (called from `scripts/setup.sh --dev`). Runs as root in
CI, hence `--no-sandbox`; a fresh profile per run so parallel runs never share one.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

BINARIES = ("chromium", "chromium-browser")


def find_chromium() -> str | None:
    for name in BINARIES:
        path = shutil.which(name)
        if path:
            return path
    return None


def screenshot(html: Path, png: Path, width: int = 1100, height: int = 3600) -> None:
    """Render `html` (a local file) and save what the browser painted as `png`."""
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed (bash scripts/setup_chromium.sh)")
    with tempfile.TemporaryDirectory(prefix="phiwarden-chromium-") as profile:
        subprocess.run(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={png}",
                html.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
