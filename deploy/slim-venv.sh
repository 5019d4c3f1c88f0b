#!/bin/sh
# Cut from the image's virtualenv what the runtime never uses (Dockerfile, build stage).
# Measured on the runtime lock: 817 MB before; the figure after is in the README.
#   - debug sections of shared objects (spaCy, blis, thinc, asyncpg, ... ship them: ~150 MB);
#     only files that carry .debug_info are touched, and only with --strip-debug, so the
#     symbol tables and the RPATHs auditwheel wrote stay as they are
#   - pip and setuptools: nothing is installed at run time
#   - test suites inside packages (numpy, spaCy, matplotlib, ...)
#   - phonenumbers' geocoder and carrier data: only phonenumbers.geocoder/.carrier read it;
#     Presidio and phiwarden parse and match numbers, they never look up where a number is
#   - duplicate files become hard links: a wheel cannot hold symlinks, so python-gdcm ships
#     libgdcm*.so, .so.3.2 and .so.3.2.6 as three copies of each library (~25 MB)
#   - onnxruntime's C API library, capi/libonnxruntime.so.* (33 MB): the Python binding
#     (onnxruntime_pybind11_state) holds the runtime itself and never loads it (`readelf -d`
#     lists only libc, libstdc++ and friends as NEEDED); and its model-conversion tools
#     (transformers/, quantization/, tools/), which inference never imports
#   - onnx's backend test suite and model data (onnx/backend/test, 17 MB) and its reference
#     evaluator (onnx/reference): bot/detect/ocr_graph.py only loads, edits and serialises a
#     graph (onnx, onnx.helper, onnx.numpy_helper), and onnxruntime runs it
#   - OpenCV's Haar cascades but the two bot/detect/image_faces.py loads (frontal face, eye)
#   - fontTools' font-building packages (curve conversion, UFO, VOLT and Monotype sources,
#     merging): matplotlib only reads and subsets fonts with it (dviread at import; ttLib,
#     which needs feaLib, varLib and designspaceLib, for PDF and PostScript)
#   - matplotlib's fonts but DejaVu Sans (its default, also for mathtext), DejaVu Sans Mono and
#     LastResort (its fallback for missing glyphs),
#     the AFM and PDF core-font metrics (PostScript and PDF backends) and its sample data
#   - C, C++ and Cython sources, headers, static libraries and type stubs that wheels carry
#     (*.c, *.cpp, *.h, *.hpp, *.pyx, *.pxd, *.pxi, *.pyi, *.a): read by compilers and type
#     checkers, never at run time
# The Dockerfile imports every runtime package afterwards, so a cut too far fails the build.
set -eu
venv=${1:-/opt/venv}
site=$(echo "$venv"/lib/python3*/site-packages)
find "$site" -type f -name '*.so*' | while read -r so; do
    if readelf -S "$so" 2>/dev/null | grep -q '\.debug_info'; then
        strip --strip-debug "$so"
    fi
done
rm -rf "$site"/pip "$site"/pip-*.dist-info "$site"/setuptools "$site"/setuptools-*.dist-info \
    "$site"/_distutils_hack "$site"/distutils-precedence.pth "$site"/pkg_resources \
    "$venv"/bin/pip "$venv"/bin/pip3*
find "$site" -depth -type d \( -name tests \) -path '*/site-packages/*/*' \
    -exec rm -rf {} +
rm -rf "$site"/phonenumbers/geodata "$site"/phonenumbers/carrierdata
rm -rf "$site"/onnxruntime/capi/libonnxruntime.so.* "$site"/onnxruntime/transformers \
    "$site"/onnxruntime/quantization "$site"/onnxruntime/tools
rm -rf "$site"/onnx/backend/test "$site"/onnx/reference
find "$site"/cv2/data -name 'haarcascade_*.xml' ! -name haarcascade_frontalface_default.xml \
    ! -name haarcascade_eye.xml -delete
for part in qu2cu cu2qu ufoLib voltLib mtiLib merge; do
    rm -rf "$site/fontTools/$part"
done
mpl="$site"/matplotlib/mpl-data
find "$mpl"/fonts/ttf -name '*.ttf' ! -name 'DejaVuSans*.ttf' ! -name 'LastResort*.ttf' -delete
rm -rf "$mpl"/fonts/afm "$mpl"/fonts/pdfcorefonts "$mpl"/sample_data
find "$site" -type f \( -name '*.c' -o -name '*.cpp' -o -name '*.h' -o -name '*.hpp' \
    -o -name '*.pyx' -o -name '*.pxd' -o -name '*.pxi' -o -name '*.pyi' -o -name '*.a' \) -delete
find "$venv" -name '__pycache__' -prune -exec rm -rf {} +
"$venv/bin/python" - "$site" <<'PY'
import hashlib, os, sys
seen = {}
for root, _dirs, files in os.walk(sys.argv[1]):
    for name in files:
        path = os.path.join(root, name)
        if os.path.islink(path) or os.path.getsize(path) < 65536:
            continue
        with open(path, "rb") as handle:
            key = (os.path.getsize(path), hashlib.sha256(handle.read()).hexdigest())
        if key in seen:
            os.unlink(path)
            os.link(seen[key], path)
        else:
            seen[key] = path
PY
