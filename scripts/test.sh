#!/usr/bin/env bash
# Lint, type-check and run the test suite. Starts PostgreSQL and Redis if this machine
# has them installed but stopped (CI=true makes the tests that need them mandatory).
# CI=true also runs scripts/container_check.sh (the image built and run hardened, the compose
# stack under traffic with kills), in the background from the start: its builds wait on the
# network while the tests use the CPU. Its log: bench/out/container_check.log.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh || true
container_pid=""
container_log=bench/out/container_check.log
if [[ "${CI:-}" == true ]]; then
    mkdir -p bench/out
    bash scripts/container_check.sh >"$container_log" 2>&1 &
    container_pid=$!
    # A lint or type failure below ends the run: stop the check too (it cleans up after itself).
    trap '[[ -n "$container_pid" ]] && kill "$container_pid" 2>/dev/null; wait 2>/dev/null' EXIT
fi
.venv/bin/ruff format --check bot handlers tests bench
.venv/bin/ruff check bot handlers tests bench
.venv/bin/mypy
set +e
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
rc=$?
if [[ -n "$container_pid" ]]; then
    if wait "$container_pid"; then
        grep '^== ' "$container_log"
    else
        echo "container check failed (bench/out/container_check.log):" >&2
        tail -60 "$container_log" >&2
        rc=1
    fi
    container_pid=""
fi
set -e
# pytest's 5 means "no tests collected": that is a failure for us, not a pass.
exit $rc
