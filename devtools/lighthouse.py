"""Lighthouse (mobile, performance) through the deploy's nginx in front of the launcher, as docs/performance.md
reports it: ``python -m devtools.lighthouse --lighthouse /path/to/node_modules/.bin/lighthouse PATH...``.

Each round visits every path in turn (so a slow minute of a shared machine falls on all of them), and each run is
written as a JSON line with the one-minute load average when it started: compare a page with the reference page
measured in the same run, not with another day's figure. Lighthouse is a measuring tool, not part of the project
(``npm install lighthouse@12`` in a folder outside the repository).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from .proxy import NginxProxy
from .server import StreamlitServer

CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
                "--disable-sync --no-first-run --disable-quic")
AUDITS = {"fcp": "first-contentful-paint", "lcp": "largest-contentful-paint", "tbt": "total-blocking-time",
          "bytes": "total-byte-weight"}


def run_once(lighthouse: str, url: str, report: Path) -> dict:
    """One Lighthouse run: the performance score (0-100) and the audits' values, or the run's error."""
    report.unlink(missing_ok=True)  # a run that fails writes no report: never read the one before
    subprocess.run([lighthouse, url, f"--chrome-flags={CHROME_FLAGS}", "--only-categories=performance",
                    "--output=json", f"--output-path={report}", "--quiet"],
                   env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=False, timeout=300)
    result = json.loads(report.read_text()) if report.exists() else {}
    score = result.get("categories", {}).get("performance", {}).get("score")
    if score is None:
        return {"error": result.get("runtimeError", {}).get("code", "no report")}
    return {"score": round(score * 100),
            **{name: result["audits"][audit]["numericValue"] for name, audit in AUDITS.items()}}


def median_and_range(values: list[float]) -> str:
    low, high = min(values), max(values)
    middle = statistics.median(values)
    return f"{middle:g}" if low == high else f"{middle:g} ({low:g}-{high:g})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="addresses below the proxy's root: / /explore /guide/index.html")
    parser.add_argument("--lighthouse", required=True, help="the lighthouse command (node_modules/.bin/lighthouse)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", type=Path, default=Path("lighthouse-runs.jsonl"))
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        server = StreamlitServer(Path(folder) / "server.log")
        server.start()
        proxy = NginxProxy(Path(folder) / "nginx", [server.port])
        try:
            proxy.start()
            runs = [{"round": number, "path": path, "load": os.getloadavg()[0],
                     **run_once(options.lighthouse, proxy.url + path, Path(folder) / "report.json")}
                    for number in range(1, options.rounds + 1) for path in options.paths]
        finally:
            proxy.stop()
            server.stop()
    options.output.write_text("".join(json.dumps(run) + "\n" for run in runs))
    for path in options.paths:
        scores = [run["score"] for run in runs if run["path"] == path and "score" in run]
        print(f"{path}: performance {median_and_range(scores) if scores else 'no run'} ({len(scores)} runs)")


if __name__ == "__main__":
    main()
