"""Goal 3, server side: /explore under N lightweight sessions that speak Streamlit's own websocket protocol.

No browser: each session is a websocket (``websockets``, a dependency of Streamlit) on ``/_stcore/stream``
sending ``BackMsg`` protobufs and reading ``ForwardMsg`` protobufs, so 100 sessions cost the client side almost
nothing and what is measured is the server.  The handshake is what Streamlit 1.67's frontend does:

- connect with the subprotocol ``streamlit`` (the header's 2nd and 3rd entries, an XSRF token and a session to
  resume, are only needed for auth cookies and reconnects);
- send ``BackMsg.rerun_script`` (a ``ClientState``) with ``page_name="explore"`` (the URL path) and no widget
  states; the server answers with ``new_session``, ``navigation`` (the page's script hash), deltas and
  ``script_finished``;
- later reruns send the page's script hash, the query string the server last set (``page_info_changed``), the
  hashes of the cacheable messages already received (``cached_message_hashes``: the server then sends references
  instead of repeating the big chart messages, as for a browser) and the widget states: here the "Category"
  ``st.pills`` (a ``ButtonGroup``; its value is a ``string_array_value`` of the option labels).

A rerun is timed from sending the BackMsg to the ``script_finished`` of the run it started (a ``new_session``
must arrive first); an error is a run that shows an exception or finishes with another status, a dropped
connection, or no ``script_finished`` within 10 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

from .common import Server, cpu_seconds, load_summary, median, percentile

PAGE = "explore"
WIDGET_KEY = "f_category"  # the "Category" pills (explorer.KEYS["categories"])
RERUN_TIMEOUT_S = 10.0
OPEN_TIMEOUT_S = 120.0  # every session's connection and first run, at any level
MAX_MESSAGE_BYTES = 64 * 1024**2


class SessionError(Exception):
    pass


class Session:
    """One visitor's websocket: a reader task keeps the state a browser would keep."""

    def __init__(self, port: int, local_host: str = "127.0.0.1"):
        self.url = f"ws://127.0.0.1:{port}/_stcore/stream"
        self.local_host = local_host  # the proxy limits connections per client address: spread the sessions
        self.ws = None
        self.reader: asyncio.Task | None = None
        self.page_hash = ""
        self.query = ""
        self.cached: set[str] = set()
        self.widget_id: str | None = None
        self.options: list[str] = []
        self.selection: list[str] = []
        self.waiter: asyncio.Future | None = None
        self.in_run = False
        self.run_problems: list[str] = []

    # --- receiving ---------------------------------------------------------------------------------------
    def _handle(self, data: bytes) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = ForwardMsg()
        msg.ParseFromString(data)
        if msg.hash and msg.metadata.cacheable:
            self.cached.add(msg.hash)
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.in_run = self.waiter is not None
            self.run_problems = []
        elif kind == "navigation":
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            self.run_problems.append("page not found")
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                self.run_problems.append(f"exception: {element.exception.type}: {element.exception.message[:120]}")
            elif which == "button_group" and element.button_group.id.endswith("-" + WIDGET_KEY):
                self.widget_id = element.button_group.id
                self.options = [option.content for option in element.button_group.options]
        elif kind == "script_finished" and self.in_run and self.waiter is not None and not self.waiter.done():
            self.in_run = False
            if msg.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                self.run_problems.append(f"script_finished status {msg.script_finished}")
            self.waiter.set_result(list(self.run_problems))

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                if isinstance(data, bytes):
                    self._handle(data)
        except Exception as error:  # the connection dropped
            if self.waiter is not None and not self.waiter.done():
                self.waiter.set_exception(SessionError(f"disconnected: {type(error).__name__}"))
            return
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(SessionError("disconnected by the server"))

    # --- sending -----------------------------------------------------------------------------------------
    async def _run(self, first: bool) -> float:
        """Ask for a run like the browser does; seconds until its script_finished."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_name = PAGE
        state.widget_states.SetInParent()
        if not first:
            state.page_script_hash = self.page_hash
            state.cached_message_hashes.extend(sorted(self.cached))
            widget = state.widget_states.widgets.add()
            widget.id = self.widget_id
            widget.string_array_value.data.extend(self.selection)
        else:
            state.context_info.timezone = "UTC"
            state.context_info.locale = "en-US"
            state.context_info.url = self.url.replace("ws://", "http://").replace("/_stcore/stream", f"/{PAGE}")
        self.waiter = asyncio.get_running_loop().create_future()
        start = time.perf_counter()
        try:
            await self.ws.send(message.SerializeToString())
            problems = await asyncio.wait_for(asyncio.shield(self.waiter), OPEN_TIMEOUT_S if first else
                                              RERUN_TIMEOUT_S)
        except TimeoutError:
            raise SessionError(f"no script_finished within {RERUN_TIMEOUT_S:.0f} s") from None
        elapsed = time.perf_counter() - start
        self.waiter = None
        if problems:
            raise SessionError("; ".join(problems))
        return elapsed

    async def open(self) -> float:
        """Connect and run the page once; seconds of that first run."""
        import websockets

        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=MAX_MESSAGE_BYTES,
                                           open_timeout=OPEN_TIMEOUT_S, local_addr=(self.local_host, 0))
        self.reader = asyncio.create_task(self._read())
        elapsed = await self._run(first=True)
        if self.widget_id is None or not self.options:
            raise SessionError(f"no pills with key {WIDGET_KEY!r} on /{PAGE}")
        return elapsed

    async def rerun(self, selection: list[str]) -> float:
        self.selection = selection
        return await self._run(first=False)

    async def resync(self) -> bool:
        """After a late run: wait (bounded) for its script_finished, so the next timing starts clean."""
        if self.waiter is None:
            return True
        try:
            await asyncio.wait_for(asyncio.shield(self.waiter), 30)
        except Exception:
            return False
        finally:
            self.waiter = None
        return True

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 5)
        if self.reader is not None:
            self.reader.cancel()
            await asyncio.gather(self.reader, return_exceptions=True)


def new_selection(rng: random.Random, options: list[str], current: list[str]) -> list[str]:
    """A random subset of the categories (each in with p = 1/2), never the current one, so every rerun changes
    the filter; in the options' order, as the frontend sends it."""
    while True:
        chosen = [option for option in options if rng.random() < 0.5]
        if chosen != current:
            return chosen


async def _visitor(session: Session, seed: int, think_mean: float, deadline: float, out: dict) -> None:
    rng = random.Random(seed)
    while True:
        await asyncio.sleep(min(rng.expovariate(1 / think_mean), max(0.0, deadline - time.monotonic())))
        if time.monotonic() >= deadline:
            return
        try:
            out["latencies"].append(await session.rerun(new_selection(rng, session.options, session.selection)))
        except SessionError as error:
            out["errors"].append(str(error))
            if not await session.resync():
                out["errors"].append("session abandoned: its run never finished")
                return
        except Exception as error:
            out["errors"].append(f"{type(error).__name__}: {str(error)[:160]}")
            return


@dataclass
class Target:
    """Where the sessions connect (a server's port, or the proxy's) and the server processes that do the work."""

    port: int
    servers: list[Server]
    clients_per_address: int = 10_000  # below the proxy's per-client limit when it is in front

    def rss_mb(self) -> float | None:
        readings = [server.rss_mb() for server in self.servers if server.alive]
        return sum(r for r in readings if r is not None) if readings else None

    def cpu_seconds(self) -> float:
        return sum(cpu_seconds(server.pid) or 0.0 for server in self.servers if server.alive)

    def local_host(self, number: int) -> str:
        """127.0.0.1 for the first sessions, then 127.0.0.2, ... (all of 127/8 is this machine)."""
        return f"127.0.0.{1 + number // self.clients_per_address}"


async def _sample(target: Target, memory: list[tuple[float, float]], stop: asyncio.Event) -> None:
    """(seconds since the start, RSS of the servers in MiB), every second until ``stop``."""
    began = time.monotonic()
    while not stop.is_set():
        rss = target.rss_mb()
        if rss is not None:
            memory.append((time.monotonic() - began, rss))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 1.0)


def _loadavg() -> float | None:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


async def _open(session: Session) -> float:
    return await asyncio.wait_for(session.open(), OPEN_TIMEOUT_S)


async def _level(target: Target, sessions: int, seconds: float, think_mean: float, seed: int) -> dict:
    out: dict = {"latencies": [], "errors": []}
    memory: list[tuple[float, float]] = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(_sample(target, memory, stop))
    start_rss = target.rss_mb()
    clients = [Session(target.port, target.local_host(n)) for n in range(sessions)]
    opened = await asyncio.gather(*(_open(c) for c in clients), return_exceptions=True)
    ready = []
    first_runs = []
    for client, result in zip(clients, opened, strict=True):
        if isinstance(result, BaseException):
            out["errors"].append(f"open: {type(result).__name__}: {str(result)[:160]}")
        else:
            ready.append(client)
            first_runs.append(result)
    # The level's clock starts once every session has its page; they then all work for ``seconds``.
    load_before = _loadavg()
    server_cpu, client_cpu, wall = target.cpu_seconds(), time.process_time(), time.monotonic()
    ready_at = len(memory)
    deadline = wall + seconds
    visitors = [asyncio.create_task(_visitor(c, seed * 1000 + n, think_mean, deadline, out))
                for n, c in enumerate(ready)]
    await asyncio.wait(visitors, timeout=seconds + RERUN_TIMEOUT_S + 35)
    wall = time.monotonic() - wall
    server_cpu = target.cpu_seconds() - server_cpu
    client_cpu = time.process_time() - client_cpu
    for task in visitors:
        if not task.done():
            task.cancel()
            out["errors"].append("visitor still running after the level's bound")
    await asyncio.gather(*visitors, return_exceptions=True)
    stop.set()
    await sampler
    end_rss = target.rss_mb()
    await asyncio.gather(*(c.close() for c in clients))
    latencies = out["latencies"]
    return {"sessions": sessions, "seconds": seconds, "reruns": len(latencies),
            "reruns_per_s": len(latencies) / wall if wall else float("nan"),
            "p50_s": percentile(latencies, 50), "p95_s": percentile(latencies, 95),
            "max_s": max(latencies, default=float("nan")),
            "first_run_median_s": median(first_runs), "first_run_max_s": max(first_runs, default=float("nan")),
            "errors": len(out["errors"]), "error_samples": out["errors"][:5],
            "server_cpu_cores": server_cpu / wall if wall else float("nan"),
            "client_cpu_cores": client_cpu / wall if wall else float("nan"),
            # The machine's 1-minute load average before and after: other work on these 2 cores shows up here.
            "loadavg_1m": [load_before, _loadavg()],
            "rss_start_mb": start_rss, "rss_peak_mb": max((m for _, m in memory), default=None),
            "rss_end_mb": end_rss, "rss_when_ready_mb": memory[ready_at - 1][1] if ready_at else start_rss,
            "rss_samples": memory, "samples_s": latencies}


async def _warm(port: int) -> None:
    """One session loads the page and tries every category subset once, so the chart caches are warm."""
    session = Session(port)
    try:
        await _open(session)
        subsets = [[o for i, o in enumerate(session.options) if mask >> i & 1]
                   for mask in range(1, 2 ** len(session.options))] + [[]]
        for subset in subsets:
            await session.rerun(subset)
    finally:
        await session.close()


async def _run_load(levels: list[int], capacity_levels: list[int], seconds: float, think_mean: float, seed: int,
                    limit_s: float) -> dict:
    results = []
    with Server() as server:
        await _warm(server.port)
        target = Target(server.port, [server])
        for sessions in sorted(set(levels) | set(capacity_levels)):
            extra = sessions not in levels
            if extra and results and (results[-1]["p95_s"] > limit_s or results[-1]["errors"]):
                break  # the capacity search has its answer: no need to go further
            results.append(await _level(target, sessions, seconds, think_mean, seed))
            row = results[-1]
            print(f"    load: {sessions} sessions: p50 {row['p50_s'] * 1000:.0f} ms, p95 {row['p95_s'] * 1000:.0f} ms,"
                  f" {row['reruns']} reruns, {row['errors']} errors, server CPU {row['server_cpu_cores']:.2f} cores,"
                  f" load average {row['loadavg_1m']}",
                  flush=True)
    return {
        "client": "websockets (Streamlit protocol), one asyncio process", "think_mean_s": think_mean, "seed": seed,
        "rerun_timeout_s": RERUN_TIMEOUT_S, "nproc": os.cpu_count(),
        **load_summary(results, levels, capacity_levels, limit_s),
    }


def run_load(levels: list[int], capacity_levels: list[int], seconds: float, think_mean: float = 2.0,
             seed: int = 20261125, limit_s: float = 1.0, repeat: int = 3) -> dict:
    """The load suite ``repeat`` times (each on a fresh server); the figures are the median run's, with the spread.

    Runs differ mostly in the one-session level's p95 (its ~20 reruns make it nearly a maximum, so one slow rerun
    moves it) and in other work on the machine's two cores (the 1-minute load average is recorded per level).
    """
    runs = [asyncio.run(_run_load(levels, capacity_levels, seconds, think_mean, seed + n, limit_s))
            for n in range(repeat)]
    ratios = sorted(run["p95_ratio_top_vs_single"] for run in runs)
    middle = sorted(runs, key=lambda run: run["p95_ratio_top_vs_single"])[len(runs) // 2]
    spread = {}
    for level in middle["levels"]:
        same = [lv for run in runs for lv in run["levels"] if lv["sessions"] == level["sessions"]]
        spread[level["sessions"]] = {key: [min(lv[key] for lv in same), median([lv[key] for lv in same]),
                                           max(lv[key] for lv in same)] for key in ("p50_s", "p95_s")}
    capacities = [run["capacity"]["largest_level_within_limit"] for run in runs]
    return {**middle, "repeat": repeat, "ratio_min_median_max": [ratios[0], ratios[len(ratios) // 2], ratios[-1]],
            "levels_min_median_max": spread, "capacity_per_run": capacities,
            "met": all(run["met"] for run in runs), "runs": runs}
