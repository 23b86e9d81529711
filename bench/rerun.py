"""Goals 1 and 4: server rerun time of each page with warm caches, in-process with AppTest.

Each page is opened once (caches warm), then rerun N times; the median is divided by the median rerun of an
empty page (bench/baseline_apps/empty.py) measured in the same process.  Goal 4 points the app at ten times
the uses (BOTOX_EXPLORER_DATA_DIR) and divides each page's median by the same page's median on the real content.
"""

from __future__ import annotations

import os
import shutil
import time

from streamlit.testing.v1 import AppTest

from botox_explorer.content import DATA_DIR_VARIABLE, load_content

from .common import APP, BASELINE_APPS, PAGES, median
from .synthetic import make_scaled_content


def time_reruns(app: AppTest, reruns: int) -> list[float]:
    app.run()  # warm: first run fills the caches
    if app.exception:
        raise RuntimeError([e.value for e in app.exception])
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
    if app.exception:
        raise RuntimeError([e.value for e in app.exception])
    return times


def page_app(page: str) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.switch_page(PAGES[page][0])
    return app


def baseline_median(reruns: int) -> float:
    return median(time_reruns(AppTest.from_file(str(BASELINE_APPS / "empty.py"), default_timeout=60), reruns))


def page_medians(pages: list[str], reruns: int) -> dict[str, float]:
    return {page: median(time_reruns(page_app(page), reruns)) for page in pages}


def run_rerun(pages: list[str], reruns: int) -> dict:
    """Goal 1: page median / empty-page median, <= 10."""
    base = baseline_median(reruns)
    medians = page_medians(pages, reruns)
    base_after = baseline_median(reruns)  # bracket the pages, so drift shows
    baseline = median([base, base_after])
    rows = {page: {"median_s": m, "ratio": m / baseline, "goal": 10.0, "met": m / baseline <= 10.0}
            for page, m in medians.items()}
    return {"baseline_empty_median_s": baseline, "baseline_before_after_s": [base, base_after],
            "reruns": reruns, "pages": rows}


def run_scale(pages: list[str], reruns: int, factor: int = 10) -> dict:
    """Goal 4: each page with ``factor`` times the uses / the same page on the real content, <= 2."""
    normal = page_medians(pages, reruns)
    folder = make_scaled_content(factor)
    load_content(folder)  # broken scaled content would time the error page: say so instead
    previous = os.environ.get(DATA_DIR_VARIABLE)
    os.environ[DATA_DIR_VARIABLE] = str(folder)
    try:
        scaled = page_medians(pages, reruns)
    finally:
        if previous is None:
            os.environ.pop(DATA_DIR_VARIABLE, None)
        else:
            os.environ[DATA_DIR_VARIABLE] = previous
        shutil.rmtree(folder, ignore_errors=True)
    rows = {page: {"normal_median_s": normal[page], "scaled_median_s": scaled[page],
                   "ratio": scaled[page] / normal[page], "goal": 2.0, "met": scaled[page] / normal[page] <= 2.0}
            for page in pages}
    return {"factor": factor, "reruns": reruns, "pages": rows}
