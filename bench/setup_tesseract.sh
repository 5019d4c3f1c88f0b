#!/usr/bin/env bash
# Installs the Tesseract OCR binary that vanilla presidio-image-redactor needs, so that
# bench/image_bench.py can compare phiwarden against it. phiwarden itself does not need it
# (rapidocr ships its models in the wheel); run this once by hand, as root or with sudo.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1; then
    echo "tesseract already installed: $(tesseract --version 2>&1 | head -n1)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-eng
tesseract --version 2>&1 | head -n1
