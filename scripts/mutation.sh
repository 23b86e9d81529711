#!/usr/bin/env bash
# Mutation testing, outside CI (it takes long on 2 cores): mutmut plants one fault at a time in the package's
# pure modules (pyproject.toml, [tool.mutmut]) and runs the non-browser tests that cover it; a fault no test
# notices "survives". Writes the score per module to docs/testing.md. Extra arguments go to `mutmut run`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt
rm -rf mutants
# mutmut draws a progress line per mutant; the table below is what matters.
.venv/bin/mutmut run "$@" > /dev/null 2>&1 || { echo "mutmut run failed; rerun it by hand to see why" >&2; exit 1; }
.venv/bin/python scripts/mutation_report.py --write docs/testing.md --survivors
