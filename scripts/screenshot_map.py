"""Screenshot a rendered map on a given day, for the README.

The map must be self-contained (``render --self-contained``) so the page needs no network; the
browser is Debian's Chromium driven by playwright, as in the browser tests.

    kharkivmap render seeds -o /tmp/seeds.html --self-contained --tiles none \
        --assets-dir .ci/npm-assets
    python scripts/screenshot_map.py /tmp/seeds.html maps/kharkiv.png --day 2024-05-20
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--day", required=True, help="YYYY-MM-DD shown on the slider")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        page.goto(args.html.resolve().as_uri())
        page.wait_for_function("window.kharkivmap && window.kharkivmap.map !== undefined")
        page.evaluate(
            "(day) => window.kharkivmap.slider.setTime(Date.parse(day + 'T12:00:00Z'))", args.day
        )
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.png))
        browser.close()


if __name__ == "__main__":
    main()
