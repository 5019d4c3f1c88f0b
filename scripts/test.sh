#!/usr/bin/env bash
# Lint, type-check and run the test suite. Starts PostgreSQL and Redis if this machine
# has them installed but stopped (CI=true makes the tests that need them mandatory).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh || true
.venv/bin/ruff format --check bot handlers tests bench
.venv/bin/ruff check bot handlers tests bench
.venv/bin/mypy
set +e
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
rc=$?
set -e
# pytest's 5 means "no tests collected": that is a failure for us, not a pass.
exit $rc
