# phiwarden: slim, non-root image built only from the hash-pinned lock file.
#   docker build -t phiwarden .
# No `# syntax=` line: BuildKit would fetch a frontend image for it, and the classic builder
# (DOCKER_BUILDKIT=0) builds this file as well. PYTHON_IMAGE is any Debian bookworm image with
# python3 (3.11) and python3-venv: scripts/container_check.sh passes one made with mmdebstrap.
#   docker run --rm -p 3000:3000 -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET phiwarden
# The same image runs `run` (web), `worker`, `db upgrade` and `audit export`.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---- build: a virtualenv with the locked dependencies and the project, nothing else ----
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python3 -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# Dependencies first (their own layer, rebuilt only when the lock changes). --no-deps: the
# lock is complete, and it swaps rapidocr's opencv-python for the headless build.
# A local wheelhouse (scripts/container_check.sh passes PIP_FIND_LINKS=http://..., its host as
# PIP_TRUSTED_HOST and PIP_NO_INDEX=1) saves CI the PyPI round trips; the hashes are checked
# all the same, so plain HTTP on the bridge is no risk. Not
# passed: PyPI. --no-compile: the bytecode would be deleted below anyway.
ARG PIP_FIND_LINKS
ARG PIP_NO_INDEX
ARG PIP_TRUSTED_HOST
COPY requirements/runtime.lock requirements/runtime.lock
RUN pip install --no-compile --require-hashes --no-deps -r requirements/runtime.lock
# binutils: `strip` for deploy/slim-venv.sh; this stage is thrown away, so it costs nothing.
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils >/dev/null \
    && rm -rf /var/lib/apt/lists/*
# The project itself; setuptools comes from the lock, so no unpinned build download.
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY handlers ./handlers
COPY deploy/slim-venv.sh /usr/local/bin/slim-venv
COPY deploy/smoke.py /usr/local/lib/phiwarden-smoke.py
# Then cut what the runtime never uses, and prove that every feature still imports and works:
# every runtime package imports, phone matching works, and deploy/smoke.py runs the text
# engine, OCR and faces on PNG and HEIC, DICOM pixel decoders and the report's charts.
RUN pip install --no-compile --no-deps --no-build-isolation . \
    && slim-venv /opt/venv \
    && python -c "import bot.cli, bot.store.migrate, presidio_analyzer, slack_bolt, cv2, onnxruntime, onnx, onnx.helper, onnx.numpy_helper, rapidocr_onnxruntime, pillow_heif, gdcm, pydicom, asyncpg, redis, arq; import phonenumbers; assert list(phonenumbers.PhoneNumberMatcher('call 617-555-0123', 'US'))" \
    && python /usr/local/lib/phiwarden-smoke.py \
    && find /opt/venv -name '__pycache__' -prune -exec rm -rf {} +

# ---- runtime: the virtualenv on a clean slim base, run as an unprivileged user ----
FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="phiwarden" \
      org.opencontainers.image.description="Keeps protected health information out of the wrong Slack channels" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 phiwarden \
    && useradd --system --uid 10001 --gid phiwarden --home-dir /data --no-create-home \
       --shell /usr/sbin/nologin phiwarden \
    && mkdir -p /data \
    && chown phiwarden:phiwarden /data
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HOME=/data \
    XDG_CACHE_HOME=/tmp/.cache \
    PORT=3000 \
    DATABASE_URL=sqlite+aiosqlite:////data/phiwarden.sqlite3
WORKDIR /data
VOLUME ["/data"]
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '3000'), timeout=4)"]
ENTRYPOINT ["phiwarden"]
CMD ["run"]
