#!/usr/bin/env bash
# Re-pin every dependency with hashes. Needs uv (pip install uv).
# opencv-python is dropped: rapidocr asks for it, but it needs libGL; the headless build
# provides the same `cv2` module and is pinned instead (installs use --no-deps).
set -euo pipefail
cd "$(dirname "$0")/../requirements"
common=(--python-version 3.11 --generate-hashes --no-emit-package opencv-python --quiet)
uv pip compile runtime.in "${common[@]}" -o runtime.lock
uv pip compile dev.in "${common[@]}" -o dev.lock
