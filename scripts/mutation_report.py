"""Mutation score per module, from the results ``mutmut run`` left in ``mutants/``.

``python scripts/mutation_report.py [--write docs/testing.md] [--survivors]``: prints a markdown table (and, with
``--survivors``, every surviving mutant's name); with ``--write``, replaces the table between the markers in
that file. Killed, timed-out and type-check-caught mutants count as detected; "no tests" counts as survived.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
BEGIN, END = "<!-- mutation-scores:begin -->", "<!-- mutation-scores:end -->"
DETECTED = {1: "killed", 3: "killed", 36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout",
            255: "timeout", 37: "caught by type check"}
SURVIVED = {0: "survived", 5: "no tests", 33: "no tests"}
GOAL = 0.80


def results() -> dict[str, dict[str, int | None]]:
    """Exit code of each mutant's test run, by module path (``botox_explorer/filters.py``)."""
    found = {}
    for meta in sorted(MUTANTS.glob("botox_explorer/**/*.py.meta")):
        module = str(meta.relative_to(MUTANTS)).removesuffix(".meta")
        found[module] = json.loads(meta.read_text())["exit_code_by_key"]
    if not found:
        sys.exit("no mutation results: run `mutmut run` first (scripts/mutation.sh does both)")
    return found


def outcome(code: int | None) -> str:
    if code in DETECTED:
        return "detected"
    if code in SURVIVED:
        return "survived"
    return "not run" if code is None else "suspicious"


def table(by_module: dict[str, dict[str, int | None]]) -> str:
    lines = ["| module | mutants | detected | survived | other | score |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    totals: Counter = Counter()
    for module, codes in by_module.items():
        counts = Counter(outcome(code) for code in codes.values())
        totals.update(counts)
        lines.append(_row(f"`{module}`", counts))
    lines.append(_row("**all**", totals))
    return "\n".join(lines)


def _row(name: str, counts: Counter) -> str:
    judged = counts["detected"] + counts["survived"]
    score = counts["detected"] / judged if judged else 1.0
    mark = "" if score >= GOAL else " (below the goal)"
    other = counts["suspicious"] + counts["not run"]
    return (f"| {name} | {sum(counts.values())} | {counts['detected']} | {counts['survived']} | {other} | "
            f"{score:.0%}{mark} |")


def survivors(by_module: dict[str, dict[str, int | None]]) -> list[str]:
    return [key for codes in by_module.values() for key, code in codes.items() if outcome(code) == "survived"]


def write(path: Path, text: str) -> None:
    document = path.read_text(encoding="utf-8")
    if BEGIN not in document or END not in document:
        sys.exit(f"{path} has no {BEGIN} ... {END} markers")
    head, rest = document.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    stamp = f"Measured on {dt.date.today():%Y-%m-%d} with `bash scripts/mutation.sh`."
    path.write_text(f"{head}{BEGIN}\n{stamp}\n\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="markdown file whose marked table to replace")
    parser.add_argument("--survivors", action="store_true", help="also list every surviving mutant")
    arguments = parser.parse_args(argv)
    by_module = results()
    text = table(by_module)
    print(text)
    if arguments.survivors:
        print("\n".join(["", "Survivors:", *survivors(by_module)]))
    if arguments.write:
        write(arguments.write, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
