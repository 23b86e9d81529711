"""``python -m bench [--only rerun,render,concurrency,load,scale,phone,soak] [--quick]``: every benchmark, as ratios.

Writes bench/results/latest.json and prints a markdown table.  Everything runs on loopback and stops by itself.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from .common import BENCH_DIR, PAGES

SUITES = ("rerun", "render", "concurrency", "load", "scale", "phone", "soak")


def machine() -> dict:
    import plotly
    import streamlit

    def read(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return "unknown"

    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")),
               platform.processor())
    memory = next(line.split()[1] for line in meminfo if line.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gib": round(int(memory) / 1024**2, 1),
            "python": platform.python_version(), "streamlit": streamlit.__version__, "plotly": plotly.__version__,
            "chromium": read(["/usr/bin/chromium", "--version"]), "kernel": platform.release()}


def table(results: dict) -> str:
    lines = ["| benchmark | subject | measured | baseline | ratio | goal | met |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    ms = lambda seconds: f"{seconds * 1000:.1f} ms"  # noqa: E731
    if "rerun" in results:
        r = results["rerun"]
        for page, row in r["pages"].items():
            lines.append(f"| 1. warm rerun (AppTest) | {page} | {ms(row['median_s'])} | empty page "
                         f"{ms(r['baseline_empty_median_s'])} | {row['ratio']:.1f}x | <= 10x | "
                         f"{'yes' if row['met'] else 'NO'} |")
    if "render" in results:
        r = results["render"]
        for page, row in r["pages"].items():
            base = r["baselines_median_s"][row["baseline"]]
            lines.append(f"| 2. first render (Chromium) | {page} | {ms(row['median_s'])} | {row['baseline']} "
                         f"{ms(base)} | {row['ratio']:.2f}x | <= 1.3x | {'yes' if row['met'] else 'NO'} |")
    for suite, title, capacity_title in (("concurrency", "3. /explore filter", "3. capacity"),
                                         ("load", "3. /explore rerun, websocket clients", "3. capacity, websocket")):
        if suite not in results:
            continue
        r = results[suite]
        single = next((lv for lv in r["levels"] if lv["sessions"] == 1), None)
        for level in r["levels"]:
            lines.append(f"| {title}, {level['sessions']} sessions | p50 {ms(level['p50_s'])}, "
                         f"p95 {ms(level['p95_s'])} | {level['reruns']} reruns, {level['errors']} errors, "
                         f"RSS peak {level['rss_peak_mb'] or 0:.0f} MiB | 1 session p95 "
                         f"{ms(single['p95_s']) if single else '-'} | "
                         f"{level['p95_s'] / single['p95_s'] if single else float('nan'):.2f}x | "
                         f"{'<= 3x, 0 errors' if level['sessions'] == r['top_level'] else '-'} | "
                         f"{('yes' if r['met'] else 'NO') if level['sessions'] == r['top_level'] else '-'} |")
        cap = r["capacity"]
        over = cap["first_level_over_limit"] or f"none up to the cap {cap['cap']}"
        lines.append(f"| {capacity_title} | sessions with p95 <= {cap['limit_p95_s']:.0f} s | "
                     f"{cap['largest_level_within_limit']} (first over: {over}) | - | - | report | - |")
        if "ratio_min_median_max" in r:
            low, mid, high = r["ratio_min_median_max"]
            lines.append(f"| {title}, {r['repeat']} runs | p95 at {r['top_level']} / p95 at 1 | median {mid:.2f}x "
                         f"(from {low:.2f}x to {high:.2f}x) | capacity per run {r['capacity_per_run']} | - | "
                         f"<= 3x in every run | {'yes' if r['met'] else 'NO'} |")
    if "phone" in results:
        r = results["phone"]
        base = r["rows"]["baseline:hello_plotly"]
        goals = r["goals"]
        for name, row in r["rows"].items():
            lines.append(f"| 5. phone on 4G, first / second visit | {name} | {row['first_s']:.2f} s, "
                         f"{row['first_mb']:.2f} MB / {row['second_s']:.2f} s | hello_plotly {base['first_s']:.2f} s, "
                         f"{base['first_mb']:.2f} MB | {row['first_ratio']:.2f}x | < {goals['first_mb']:g} MB, "
                         f"< {goals['first_s']:g} s / < {goals['second_s']:g} s | "
                         f"{('yes' if row['met'] else 'NO') if name.startswith('page:') else '-'} |")
    if "soak" in results:
        r = results["soak"]
        for name in ("one_server", "proxy_two_replicas"):
            row = r[name]
            lines.append(f"| 6. soak, {r['sessions']} sessions for {r['seconds']:.0f} s | {name} | "
                         f"p50 {ms(row['p50_s'])}, p95 {ms(row['p95_s'])}, {row['reruns']} reruns, "
                         f"{row['errors']} errors | RSS after warm-up {row['rss_after_warm_up_mb'] or 0:.0f} MiB | "
                         f"growth {row['rss_growth_after_warm_up']:+.1%} | 0 errors, < +10% | "
                         f"{'yes' if row['met'] else 'NO'} |")
    if "scale" in results:
        r = results["scale"]
        for page, row in r["pages"].items():
            lines.append(f"| 4. {r['factor']}x content rerun | {page} | {ms(row['scaled_median_s'])} | "
                         f"normal content {ms(row['normal_median_s'])} | {row['ratio']:.2f}x | <= 2x | "
                         f"{'yes' if row['met'] else 'NO'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", default=",".join(SUITES), help=f"comma-separated subset of {', '.join(SUITES)}")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated pages (goals 1, 2 and 4)")
    parser.add_argument("--quick", action="store_true", help="fewer samples and shorter levels (a smoke run)")
    parser.add_argument("--reruns", type=int, default=None, help="AppTest reruns a page (default 30, quick 5)")
    parser.add_argument("--rounds", type=int, default=None, help="fresh contexts a page (default 11, quick 2)")
    parser.add_argument("--seconds", type=float, default=None, help="seconds a concurrency level (default 35)")
    parser.add_argument("--levels", default="1,10,25", help="concurrency levels of goal 3")
    parser.add_argument("--capacity-levels", default="1,5,10,25,40", help="steps of the capacity search")
    parser.add_argument("--load-seconds", type=float, default=None,
                        help="seconds a level of the websocket load suite (default 30, quick 8)")
    parser.add_argument("--load-capacity-levels", default="1,10,25,40,60,80,100",
                        help="steps of the websocket load suite's capacity search (it stops at p95 > 1 s)")
    parser.add_argument("--output", default=str(BENCH_DIR / "results" / "latest.json"))
    args = parser.parse_args(argv)
    suites = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(suites) - set(SUITES)
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    if unknown or set(pages) - set(PAGES):
        parser.error(f"unknown: {sorted(unknown | (set(pages) - set(PAGES)))}")
    reruns = args.reruns or (5 if args.quick else 30)
    rounds = args.rounds or (2 if args.quick else 11)  # a page varies by ~4 % between runs of 7
    seconds = args.seconds or (8.0 if args.quick else 35.0)
    levels = [int(n) for n in args.levels.split(",")]
    capacity = [int(n) for n in args.capacity_levels.split(",")] if not args.quick else levels
    load_seconds = args.load_seconds or (8.0 if args.quick else 30.0)
    load_capacity = [int(n) for n in args.load_capacity_levels.split(",")]
    logging.getLogger("streamlit").setLevel(logging.ERROR)

    results: dict = {"machine": machine(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "quick": args.quick}
    timings = {}
    for suite in suites:
        began = time.monotonic()
        print(f"... {suite}", file=sys.stderr, flush=True)
        if suite == "rerun":
            from .rerun import run_rerun
            results["rerun"] = run_rerun(pages, reruns)
        elif suite == "scale":
            from .rerun import run_scale
            results["scale"] = run_scale(pages, max(5, reruns // 2))
        elif suite == "render":
            from .browser import run_first_render
            results["render"] = run_first_render(pages, rounds)
        elif suite == "concurrency":
            from .browser import run_concurrency
            results["concurrency"] = run_concurrency(levels, capacity, seconds)
        elif suite == "load":
            from .ws_load import run_load
            results["load"] = run_load(levels, load_capacity, load_seconds, repeat=1 if args.quick else 3)
        elif suite == "phone":
            from .phone import run_phone
            results["phone"] = run_phone(pages, 1 if args.quick else 3)
        elif suite == "soak":
            from .soak import run_soak
            results["soak"] = run_soak(seconds=20.0 if args.quick else 180.0)
        timings[suite] = round(time.monotonic() - began, 1)
    results["suite_seconds"] = timings
    # A partial run (--only) replaces only its own suites in the output; the others are kept, with when they ran.
    runs = {suite: {"started": results["started"], "quick": args.quick, "seconds": timings[suite]} for suite in suites}
    try:
        with open(args.output) as file:
            previous = json.load(file)
    except (OSError, ValueError):
        previous = {}
    for suite in SUITES:
        if suite not in results and suite in previous:
            results[suite] = previous[suite]
            runs[suite] = previous.get("suite_runs", {}).get(suite) or {
                "started": previous.get("started"), "quick": previous.get("quick"),
                "seconds": previous.get("suite_seconds", {}).get(suite)}
    results["suite_runs"] = runs
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as file:
        json.dump(results, file, indent=2)
    print(table({suite: results[suite] for suite in suites}))
    print(f"\nresults: {args.output}; seconds per suite: {timings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
