"""The Dockerfile, and the script that replays it where no Docker engine runs, stay in step.

`scripts/check_image.sh` is our only evidence that the image works on machines without Docker,
so it must copy what the Dockerfile copies and install the way it installs.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()
CHECK = (ROOT / "scripts" / "check_image.sh").read_text()


def copied_sources() -> set[str]:
    """Sources of the Dockerfile's COPY lines from the build context (not --from=stage)."""
    sources: set[str] = set()
    for line in DOCKERFILE.splitlines():
        parts = line.split()
        if parts[:1] == ["COPY"] and not any(p.startswith("--from") for p in parts):
            sources.update(parts[1:-1])
    return sources


def test_every_copied_source_exists_and_is_replayed() -> None:
    sources = copied_sources()
    assert sources, "no COPY lines found"
    cp_line = next(line for line in CHECK.splitlines() if line.startswith("cp -r "))
    replayed = set(cp_line.split()[2:-1])
    for source in sources:
        assert (ROOT / source).exists(), source
        top = source.split("/")[0]
        assert top in replayed, f"check_image.sh does not copy {top}"


def test_installs_the_same_way() -> None:
    for command in ("--require-hashes --no-deps -r requirements/runtime.lock",
                    "--no-deps --no-build-isolation ."):
        assert command in DOCKERFILE
        assert command in CHECK


def test_runs_as_the_image_user() -> None:
    uid = re.search(r"^USER (\d+):(\d+)$", DOCKERFILE, re.M)
    assert uid is not None and uid.group(1) != "0"
    assert f"--reuid={uid.group(1)}" in CHECK
    assert "runtime.lock" in DOCKERFILE and "dev.lock" not in DOCKERFILE
