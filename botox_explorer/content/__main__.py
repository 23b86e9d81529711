"""Command line: ``python -m botox_explorer.content check|export|review``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..export import export_uses
from ..tables import uses_frame
from .loader import DATA_DIR, load_content
from .problems import ContentError
from .registry import record_counts
from .review import report, review


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m botox_explorer.content", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the content; exit 1 with one line a problem")
    check.add_argument("data_dir", nargs="?", type=Path, default=DATA_DIR)
    export = commands.add_parser("export", help="write every use as JSON or CSV")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument("--data-dir", type=Path, default=DATA_DIR)
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    review_command = commands.add_parser("review", help="list what needs a fresh look, as markdown")
    review_command.add_argument("--data-dir", type=Path, default=DATA_DIR)
    review_command.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                                help="the date to review on (YYYY-MM-DD; default: today)")
    arguments = parser.parse_args(argv)

    data_dir = arguments.data_dir
    try:
        content = load_content(data_dir)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {data_dir}", file=sys.stderr)
        return 1
    if arguments.command == "check":
        for name, count in record_counts(content).items():
            print(f"{name}: {count} records")
        print(f"content OK in {data_dir}")
        return 0
    if arguments.command == "review":
        sys.stdout.write(report(review(content, arguments.today), arguments.today))
        return 0
    text = export_uses(uses_frame(content), arguments.format)
    if arguments.output:
        arguments.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
