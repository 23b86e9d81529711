"""Soak: 25 sessions rerunning /explore for 3 minutes, against one server and through the proxy with two replicas.

The sessions are the websocket clients of ``bench/ws_load.py``. Through the proxy they connect from 127.0.0.1,
127.0.0.2, ... (ten to an address), as visitors from several places would, since the proxy limits connections per
client address. Memory is the servers' resident memory (summed over the replicas); "after warm-up" is the reading
once the first ``WARM_UP_S`` seconds of the level have passed.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from devtools.proxy import NginxProxy

from .common import Server
from .ws_load import Target, _level, _warm

WARM_UP_S = 30.0
MEMORY_GOAL = 0.10  # growth after warm-up


def summary(level: dict) -> dict:
    """Errors, latencies and memory growth of one soak level (the raw samples stay in the level)."""
    after_warm_up = next((rss for at, rss in level["rss_samples"] if at >= WARM_UP_S), None)
    end = level["rss_samples"][-1][1] if level["rss_samples"] else None
    growth = (end - after_warm_up) / after_warm_up if after_warm_up and end else float("nan")
    return {**level, "rss_after_warm_up_mb": after_warm_up, "rss_growth_after_warm_up": growth,
            "met": level["errors"] == 0 and growth < MEMORY_GOAL}


async def _run_soak(sessions: int, seconds: float, think_mean: float, seed: int) -> dict:
    results = {}
    with Server() as server:
        await _warm(server.port)
        results["one_server"] = summary(await _level(Target(server.port, [server]), sessions, seconds, think_mean,
                                                     seed))
    with Server() as first, Server() as second, tempfile.TemporaryDirectory() as folder:
        proxy = NginxProxy(Path(folder), [first.port, second.port])
        proxy.start()
        try:
            for replica in (first, second):
                await _warm(replica.port)
            target = Target(proxy.port, [first, second], clients_per_address=10)
            results["proxy_two_replicas"] = summary(await _level(target, sessions, seconds, think_mean, seed))
        finally:
            proxy.stop()
    return {"sessions": sessions, "seconds": seconds, "warm_up_s": WARM_UP_S, "memory_goal": MEMORY_GOAL,
            "think_mean_s": think_mean, "seed": seed, **results}


def run_soak(sessions: int = 25, seconds: float = 180.0, think_mean: float = 2.0, seed: int = 20261130) -> dict:
    return asyncio.run(_run_soak(sessions, seconds, think_mean, seed))
