"""Goals 2 and 3, in Debian's Chromium driven by Playwright (async API, one browser, one context a visitor).

Settled means what the browser tests mean (``devtools/settled.py``): stApp CONNECTED and notRunning, no
stSkeleton, and every stPlotlyChart holds an svg.
"""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path

from devtools.settled import RERUN_SETTLED_JS, SETTLED_JS, WATCH_RUN_JS

from .common import BASELINE_APPS, PAGES, Server, load_summary, median, percentile

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 # 25 visitors share one browser: none of their pages may be throttled as "in the background".
                 "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                 "--disable-backgrounding-occluded-windows"]
VIEWPORT = {"width": 1280, "height": 800}

SETTLE_TIMEOUT_MS = 60_000


async def launch(playwright):
    return await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


async def first_render(browser, url: str) -> float:
    """Seconds from navigation to settled, in a brand-new context (no cache, no cookies)."""
    context = await browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    try:
        page = await context.new_page()
        start = time.perf_counter()
        await page.goto(url)
        await page.wait_for_function(SETTLED_JS, timeout=SETTLE_TIMEOUT_MS, polling="raf")
        return time.perf_counter() - start
    finally:
        await context.close()


async def _run_first_render(pages: list[str], rounds: int) -> dict:
    from playwright.async_api import async_playwright

    with Server() as app, Server(BASELINE_APPS / "hello_plotly.py") as plotly_hello, \
            Server(BASELINE_APPS / "hello.py") as plain_hello:
        async with async_playwright() as playwright:
            browser = await launch(playwright)
            try:
                targets = {f"page:{p}": app.url + PAGES[p][1] for p in pages}
                targets["baseline:hello_plotly"] = plotly_hello.url + "/"
                targets["baseline:hello"] = plain_hello.url + "/"
                for url in targets.values():  # warm each server's caches and the browser once
                    await first_render(browser, url)
                times: dict[str, list[float]] = {name: [] for name in targets}
                for _ in range(rounds):  # interleaved, so drift hits every target alike
                    for name, url in targets.items():
                        times[name].append(await first_render(browser, url))
            finally:
                await browser.close()
    base = {"hello_plotly": median(times["baseline:hello_plotly"]), "hello": median(times["baseline:hello"])}
    rows = {}
    for page in pages:
        baseline = "hello_plotly" if PAGES[page][2] else "hello"
        value = median(times[f"page:{page}"])
        ratio = value / base[baseline]
        rows[page] = {"median_s": value, "baseline": baseline, "ratio": ratio, "goal": 1.3, "met": ratio <= 1.3,
                      "samples_s": times[f"page:{page}"]}
    return {"rounds": rounds, "baselines_median_s": base,
            "baseline_samples_s": {k: times[f"baseline:{k}"] for k in base}, "pages": rows}


def run_first_render(pages: list[str], rounds: int) -> dict:
    return asyncio.run(_run_first_render(pages, rounds))


# --- goal 3: concurrent visitors on /explore ----------------------------------------------------------------

async def _visitor(browser, url: str, seed: int, think_mean: float, out: dict) -> None:
    """One visitor: open /explore, then until ``out['deadline']`` think (exponential), click a category pill and
    time the rerun until settled."""
    rng = random.Random(seed)
    context = await browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    try:
        page = await context.new_page()
        await page.goto(url)
        await page.wait_for_function(SETTLED_JS, timeout=SETTLE_TIMEOUT_MS, polling="raf")
        pills = page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]').first.locator("button")
        count = await pills.count()
        out["ready"] += 1
        while out["deadline"] is None:  # wait until every visitor has its page open
            await asyncio.sleep(0.1)
        deadline = out["deadline"]
        while time.monotonic() < deadline:
            await asyncio.sleep(min(rng.expovariate(1 / think_mean), max(0.0, deadline - time.monotonic())))
            if time.monotonic() >= deadline:
                break
            await page.evaluate(WATCH_RUN_JS)
            start = time.perf_counter()
            try:
                await pills.nth(rng.randrange(count)).click(timeout=SETTLE_TIMEOUT_MS)
                await page.wait_for_function(RERUN_SETTLED_JS, timeout=SETTLE_TIMEOUT_MS, polling="raf")
                out["latencies"].append(time.perf_counter() - start)
            except Exception as error:
                out["errors"].append(f"{type(error).__name__}: {str(error).splitlines()[0][:160]}")
        if await page.locator('[data-testid="stException"]').count():
            out["errors"].append("the page shows an exception")
    except Exception as error:
        out["errors"].append(f"{type(error).__name__}: {str(error).splitlines()[0][:160]}")
    finally:
        await context.close()


async def _level(browser, server: Server, sessions: int, seconds: float, think_mean: float, seed: int) -> dict:
    out = {"latencies": [], "errors": [], "ready": 0, "deadline": None}
    memory: list[float] = []
    start_rss = server.rss_mb()
    loading_deadline = time.monotonic() + 120  # every visitor's first load must fit in here
    # The level's clock starts once every visitor has the page open; they then all work for ``seconds``.
    tasks = [asyncio.create_task(_visitor(browser, server.url + "/explore", seed * 1000 + number, think_mean, out))
             for number in range(sessions)]
    while out["ready"] + len(out["errors"]) < sessions and time.monotonic() < loading_deadline:
        await asyncio.sleep(0.2)
    deadline = time.monotonic() + seconds
    out["deadline"] = deadline
    while any(not t.done() for t in tasks) and time.monotonic() < deadline + SETTLE_TIMEOUT_MS / 1000 + 30:
        rss = server.rss_mb()
        if rss is not None:
            memory.append(rss)
        await asyncio.sleep(1.0)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    latencies = out["latencies"]
    return {"sessions": sessions, "seconds": seconds, "reruns": len(latencies),
            "p50_s": percentile(latencies, 50), "p95_s": percentile(latencies, 95),
            "errors": len(out["errors"]), "error_samples": out["errors"][:5],
            "rss_start_mb": start_rss, "rss_peak_mb": max(memory, default=None), "rss_end_mb": server.rss_mb()}


async def _run_concurrency(levels: list[int], capacity_levels: list[int], seconds: float, think_mean: float,
                           seed: int, limit_s: float) -> dict:
    from playwright.async_api import async_playwright

    results = []
    with Server() as server:
        async with async_playwright() as playwright:
            browser = await launch(playwright)
            try:
                await first_render(browser, server.url + "/explore")  # warm the server's caches
                for sessions in sorted(set(levels) | set(capacity_levels)):
                    extra = sessions not in levels
                    if extra and results and results[-1]["p95_s"] > limit_s:
                        break  # the capacity search has its answer: no need to go further
                    results.append(await _level(browser, server, sessions, seconds, think_mean, seed))
            finally:
                await browser.close()
    return {"think_mean_s": think_mean, "seed": seed, **load_summary(results, levels, capacity_levels, limit_s)}


def run_concurrency(levels: list[int], capacity_levels: list[int], seconds: float, think_mean: float = 2.0,
                    seed: int = 20261125, limit_s: float = 1.0) -> dict:
    return asyncio.run(_run_concurrency(levels, capacity_levels, seconds, think_mean, seed, limit_s))
