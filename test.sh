#!/usr/bin/env bash
# Installs Regiowacht with its test tools in .venv and runs the whole test suite. Set
# TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run the database tests on
# PostgreSQL as well as SQLite. Four test processes (TEST_WORKERS): most tests wait on sockets.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
exec .venv/bin/python -m pytest -q -n "${TEST_WORKERS:-4}" "$@"
