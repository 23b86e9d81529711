"""Command line: ``python -m botox_explorer.guide build --output DIR``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import DATA_DIR, ContentError, load_content
from .build import GuideFolderError, build_site, write_site
from .site import SiteOptions, guide_address


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m botox_explorer.guide", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="write the guide's pages, in every language, to a folder")
    build.add_argument("--output", type=Path, required=True, help="an empty or new folder, or an earlier guide")
    build.add_argument("--data-dir", type=Path, default=DATA_DIR)
    build.add_argument("--base-url", help="the guide's public address (default: the clinic's public_url + guide/)")
    build.add_argument("--dashboard-url", default="../",
                       help="the dashboard's address, full or relative to the guide (default: ../, the guide "
                            "served at /guide/ beside it)")
    arguments = parser.parse_args(argv)
    try:
        content = load_content(arguments.data_dir)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {arguments.data_dir}: no guide written", file=sys.stderr)
        return 1
    base_url = arguments.base_url or guide_address(content.clinic.public_url)
    files = build_site(content, SiteOptions(base_url, arguments.dashboard_url))
    try:
        write_site(files, arguments.output)
    except GuideFolderError as error:
        print(error, file=sys.stderr)
        return 1
    pages = sum(name.endswith(".html") for name in files)
    print(f"wrote {pages} pages ({', '.join(content.site.languages)}) and {len(files) - pages} other files "
          f"to {arguments.output}")
    if not base_url:
        print("no public address is set (public_url in data/clinic.yaml, or --base-url): canonical links are "
              "relative and no sitemap.xml was written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
