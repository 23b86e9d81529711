"""Shared helpers: the pages, statistics, servers on free loopback ports, memory readings."""

from __future__ import annotations

import os
import statistics
from pathlib import Path

from devtools.server import StreamlitServer

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = Path(__file__).resolve().parent
BASELINE_APPS = BENCH_DIR / "baseline_apps"
APP = REPO_ROOT / "app.py"

# name -> (page script for AppTest, URL path, has charts)
PAGES = {
    "home": ("pages/learn/home.py", "/", False),
    "explore": ("pages/learn/explore.py", "/explore", True),
    "how_it_works": ("pages/learn/how_it_works.py", "/how_it_works", True),
    "history": ("pages/learn/history.py", "/history", True),
    "safety": ("pages/learn/safety.py", "/safety", False),
    "glossary": ("pages/learn/glossary.py", "/glossary", False),
    "before_your_visit": ("pages/visit/before_your_visit.py", "/before_your_visit", False),
    "locations": ("pages/visit/locations.py", "/locations", True),
    "consultation": ("pages/consult/consultation.py", "/consultation", False),
}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MiB, from /proc (no psutil needed)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Server(StreamlitServer):
    """The browser tests' server as a context manager; ``script=None`` serves the dashboard."""

    def __init__(self, script: Path | None = None, env: dict[str, str] | None = None):
        (BENCH_DIR / "results").mkdir(parents=True, exist_ok=True)
        super().__init__(BENCH_DIR / "results" / f"server-{id(self)}.log.tmp", script, env)

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
        self.log_path.unlink(missing_ok=True)

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def rss_mb(self) -> float | None:
        return rss_mb(self.pid)


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used so far, from /proc/<pid>/stat."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_summary(results: list[dict], levels: list[int], capacity_levels: list[int], limit_s: float) -> dict:
    """Goal 3's verdict from the levels run: p95 at the top level against one session, errors, and capacity
    (the most sessions whose p95 stayed under ``limit_s`` with no error)."""
    by_sessions = {r["sessions"]: r for r in results}
    single = by_sessions.get(1, {}).get("p95_s")
    top = max(levels)
    ratio = by_sessions[top]["p95_s"] / single if single and top in by_sessions else float("nan")
    errors = sum(r["errors"] for r in results if r["sessions"] in levels)
    held = [r["sessions"] for r in results if r["p95_s"] <= limit_s and r["errors"] == 0]
    passed = [r["sessions"] for r in results if r["p95_s"] > limit_s or r["errors"]]
    return {
        "levels": results, "p95_ratio_top_vs_single": ratio, "top_level": top, "goal": 3.0,
        "met": ratio <= 3.0 and errors == 0, "errors_total": errors,
        "capacity": {"limit_p95_s": limit_s, "largest_level_within_limit": max(held, default=0),
                     "first_level_over_limit": min(passed, default=None), "cap": max(capacity_levels)},
    }
