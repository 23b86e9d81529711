"""A phone on 4G: Chromium emulating a phone (390 x 844) on a 9 Mbit/s link with 60 ms latency, through the proxy.

For each page: a first visit in a brand-new context (empty cache) and a second visit in the same context (the
browser's cache warm), each timed from navigation to settled (as the browser tests mean it) and measured in bytes
that crossed the network (HTTP bodies as sent, compressed where they were, and websocket frames). The same is done
for ``hello_plotly.py`` behind its own copy of the proxy, the baseline measured in the same run, and for the
dashboard without the proxy (what a visitor got before it: nothing compressed, nothing cached by the proxy).
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from devtools.proxy import NginxProxy
from devtools.settled import SETTLED_JS

from .browser import CHROMIUM, CHROMIUM_ARGS
from .common import BASELINE_APPS, PAGES, Server, median

DOWNLOAD_BITS_PER_S = 9_000_000
UPLOAD_BITS_PER_S = 3_000_000  # not given by the goal; a common 4G upload
LATENCY_MS = 60
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
SETTLE_TIMEOUT_MS = 120_000
GOALS = {"first_mb": 3.0, "first_s": 4.0, "second_s": 1.5}


async def _visit(context, url: str) -> dict:
    """Seconds to settled and bytes received over the network for one visit of ``url`` in ``context``."""
    page = await context.new_page()
    cdp = await context.new_cdp_session(page)
    received = {"http": 0, "websocket": 0}
    cdp.on("Network.loadingFinished", lambda event: received.__setitem__(
        "http", received["http"] + event["encodedDataLength"]))
    cdp.on("Network.webSocketFrameReceived", lambda event: received.__setitem__(
        "websocket", received["websocket"] + len(event["response"]["payloadData"])))
    await cdp.send("Network.enable")
    await cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS, "downloadThroughput": DOWNLOAD_BITS_PER_S / 8,
        "uploadThroughput": UPLOAD_BITS_PER_S / 8})
    start = time.perf_counter()
    await page.goto(url)
    await page.wait_for_function(SETTLED_JS, timeout=SETTLE_TIMEOUT_MS, polling="raf")
    seconds = time.perf_counter() - start
    await page.close()
    return {"seconds": seconds, "bytes": received["http"] + received["websocket"], **received}


async def _first_and_second(browser, url: str) -> tuple[dict, dict]:
    context = await browser.new_context(**PHONE)
    try:
        return await _visit(context, url), await _visit(context, url)
    finally:
        await context.close()


async def _run_phone(pages: list[str], rounds: int) -> dict:
    from playwright.async_api import async_playwright

    with Server() as app, Server(BASELINE_APPS / "hello_plotly.py") as hello, \
            tempfile.TemporaryDirectory() as app_folder, tempfile.TemporaryDirectory() as hello_folder:
        app_proxy, hello_proxy = NginxProxy(Path(app_folder), [app.port]), NginxProxy(Path(hello_folder),
                                                                                      [hello.port])
        app_proxy.start()
        hello_proxy.start()
        try:
            targets = {f"page:{page}": app_proxy.url + PAGES[page][1] for page in pages}
            targets["baseline:hello_plotly"] = hello_proxy.url + "/"
            targets["direct:explore"] = app.url + PAGES["explore"][1]
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                           args=CHROMIUM_ARGS)
                try:
                    for url in targets.values():  # warm the servers' and the proxies' caches once
                        await _first_and_second(browser, url)
                    samples: dict[str, list[tuple[dict, dict]]] = {name: [] for name in targets}
                    for _ in range(rounds):  # interleaved, so drift hits every target alike
                        for name, url in targets.items():
                            samples[name].append(await _first_and_second(browser, url))
                finally:
                    await browser.close()
        finally:
            app_proxy.stop()
            hello_proxy.stop()
    rows = {name: _row(visits) for name, visits in samples.items()}
    baseline = rows["baseline:hello_plotly"]
    for row in rows.values():
        row["first_ratio"] = row["first_s"] / baseline["first_s"]
        row["met"] = (row["first_mb"] < GOALS["first_mb"] and row["first_s"] < GOALS["first_s"]
                      and row["second_s"] < GOALS["second_s"])
    return {"rounds": rounds, "network": {"download_bits_per_s": DOWNLOAD_BITS_PER_S,
                                         "upload_bits_per_s": UPLOAD_BITS_PER_S, "latency_ms": LATENCY_MS},
            "device": PHONE, "goals": GOALS, "rows": rows}


def _row(visits: list[tuple[dict, dict]]) -> dict:
    first, second = [v[0] for v in visits], [v[1] for v in visits]
    return {"first_s": median([v["seconds"] for v in first]), "first_mb": median([v["bytes"] for v in first]) / 1e6,
            "second_s": median([v["seconds"] for v in second]),
            "second_mb": median([v["bytes"] for v in second]) / 1e6,
            "first_samples_s": [v["seconds"] for v in first], "second_samples_s": [v["seconds"] for v in second],
            "first_samples_mb": [v["bytes"] / 1e6 for v in first]}


def run_phone(pages: list[str], rounds: int) -> dict:
    return asyncio.run(_run_phone(pages, rounds))
