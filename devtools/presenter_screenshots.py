"""Screenshots of every step of the presenter, on the consultation room's screen and on a tablet.

    .venv/bin/python -m devtools.presenter_screenshots [--out docs/screenshots]

Starts its own Streamlit server, presents crow's feet and chronic migraine, and writes each step, whole (the
window grown to the step's height, as the tests' screenshots do), to ``<out>/presenter-<step>-<size>.png``
(``presenter-3-1920x1080.png``). Needs Debian's Chromium (``/usr/bin/chromium``).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from devtools.server import StreamlitServer
from devtools.settled import SETTLED_JS

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1920, 1080), (1024, 768))
TOPICS = "crows-feet,chronic-migraine"
CHROMIUM = "/usr/bin/chromium"
# The height of the step: Streamlit's main section scrolls, the document does not.
STEP_HEIGHT_JS = "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
STEPS_JS = ("() => Number(document.querySelector('.st-key-presenter_bar [data-testid=\"stCaptionContainer\"]')"
            ".innerText.trim().split(' ').pop())")


def small_png(path: Path) -> None:
    """The screenshot in 256 colors: flat interface colors survive it, and the file is about half as big."""
    with Image.open(path) as shot:
        flat = shot.convert("RGB").quantize(256)
    flat.save(path, optimize=True)


def shoot(page, base: str, size: tuple[int, int], out: Path) -> list[Path]:
    """Every step at ``size``; the paths written."""
    width, height = size
    written = []
    step, steps = 1, 1
    while step <= steps:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{base}/consultation?topics={TOPICS}&present=1&step={step}")
        page.wait_for_function(SETTLED_JS, polling="raf", timeout=60_000)
        steps = page.evaluate(STEPS_JS)
        page.set_viewport_size({"width": width, "height": max(height, page.evaluate(STEP_HEIGHT_JS))})
        page.wait_for_function(SETTLED_JS, polling="raf", timeout=60_000)
        path = out / f"presenter-{step}-{width}x{height}.png"
        page.screenshot(path=str(path))
        small_png(path)
        written.append(path)
        step += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    server = StreamlitServer(Path(tempfile.mkdtemp(prefix="presenter-screenshots-")) / "streamlit.log")
    base = server.start(60)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            try:
                for size in SIZES:
                    page = browser.new_page(device_scale_factor=1)
                    for path in shoot(page, base, size, out):
                        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
                    page.close()
            finally:
                browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
