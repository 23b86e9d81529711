#!/usr/bin/env bash
# Sets up and starts the dashboard on http://localhost:8501 (any extra arguments go to streamlit).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
exec .venv/bin/python -m botox_explorer.ui.launch "$@"
