#!/usr/bin/env bash
# Sets up and runs everything CI runs: lint, the content check and the whole test suite
# (unit, AppTest and browser tests). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt
bash scripts/install-debian-packages.sh
.venv/bin/ruff check .
.venv/bin/python -m botox_explorer.content check
.venv/bin/python -m pytest "$@"
