#!/usr/bin/env bash
# Check what the Docker image would hold, on a machine without a Docker engine.
#
# Replays the Dockerfile's build stage (fresh venv, runtime.lock only, non-editable install of
# the project, the same import check) in a temporary directory, then runs the installed
# `phiwarden` the way the runtime stage does: as uid 10001 (not root), from an empty working
# directory that is the only writable place, with the image's environment. It proves the
# lock, the packaged data files and the commands; it does not prove the base image or the
# Dockerfile syntax (only `docker build` can).
# Usage: bash scripts/check_image.sh   (about a minute; needs the package index, like docker build)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(mktemp -d /tmp/phiwarden-image.XXXXXX)
trap 'rm -rf "$root"' EXIT
src=$root/src venv=$root/opt/venv data=$root/data
# The system Python: uid 10001 must be able to run it (a pyenv under /root it cannot reach).
python=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}
if ! setpriv --reuid=10001 --regid=10001 --clear-groups "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "$python must be Python 3.11+ and runnable by uid 10001 (set PYTHON=...)" >&2
    exit 1
fi

echo "== build stage: runtime.lock + the project, nothing else"
mkdir -p "$src" "$data"
# The files the Dockerfile COPYs, and only those.
cp -r requirements pyproject.toml README.md LICENSE bot handlers "$src/"
find "$src" -name '__pycache__' -prune -exec rm -rf {} +
"$python" -m venv "$venv"
(
    cd "$src"
    export PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
    "$venv/bin/pip" install -q --require-hashes --no-deps -r requirements/runtime.lock 2>&1 | grep -v "^WARNING: Location" || true
    "$venv/bin/pip" install -q --no-deps --no-build-isolation . 2>&1 | grep -v "^WARNING: Location" || true
    "$venv/bin/python" -c "import bot.cli, bot.store.migrate, spacy, presidio_analyzer, slack_bolt"
)
rm -rf "$src"  # the runtime stage has no source tree
echo "virtualenv copied into the runtime stage: $(du -sh "$venv" | cut -f1) (plus the python:3.11-slim base)"

echo "== runtime stage: uid 10001, cwd /data, read-only everywhere else"
chmod -R a+rX "$root"
chown -R 10001:10001 "$data"
as_image_user() {
    (cd "$data" && setpriv --reuid=10001 --regid=10001 --clear-groups \
        env -i PATH="$venv/bin:/usr/bin:/bin" PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
        HOME="$data" XDG_CACHE_HOME=/tmp/.phiwarden-image-cache PORT=3000 \
        DATABASE_URL="sqlite+aiosqlite:///$data/phiwarden.sqlite3" "$@")
}
as_image_user phiwarden db upgrade
as_image_user phiwarden scan "Mrs Elena Varga, MRN 4829173, seen today" >"$root/scan.out"
grep -q "verdict: phi" "$root/scan.out" || { echo "scan found no PHI:" >&2; cat "$root/scan.out" >&2; exit 1; }
echo "scan: phi found"
as_image_user phiwarden demo | tail -1
port=$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_image_user env PORT="$port" SLACK_BOT_TOKEN=xoxb-image-check SLACK_SIGNING_SECRET=image-check \
    phiwarden run --port "$port" >"$root/run.log" 2>&1 &
pid=$!
healthy=""
for _ in $(seq 60); do
    healthy=$(curl -fsS -m 2 "http://127.0.0.1:$port/healthz" 2>/dev/null) && break
    sleep 1
done
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
if [[ "$healthy" != *'"status": "ok"'* ]]; then
    echo "phiwarden run never answered /healthz with ok; its log:" >&2
    cat "$root/run.log" >&2
    exit 1
fi
echo "run: /healthz ok"

# docker-compose.yml against the Compose schema, where a compose client is installed (Debian's
# docker-compose validates without an engine); a missing POSTGRES_PASSWORD must be refused.
if command -v docker-compose >/dev/null 2>&1; then
    POSTGRES_PASSWORD=check docker-compose -f docker-compose.yml config -q
    if env -u POSTGRES_PASSWORD docker-compose -f docker-compose.yml config -q 2>/dev/null; then
        echo "docker-compose.yml starts without POSTGRES_PASSWORD" >&2
        exit 1
    fi
    echo "compose: docker-compose.yml valid ($(docker-compose version --short))"
else
    echo "compose: not checked (no docker-compose here; apt-get install docker-compose)"
fi
echo "image check passed"
