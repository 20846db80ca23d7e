"""Benchmark the map: 50,000 synthetic claims over 2,000 places and 700 days.

Reports the build time, the HTML size per claim and, in headless Chromium, the time until the
map is ready and the time of one slider step. Targets: build < 10 s, ≤ 0.5 KB per claim,
ready < 3 s, slider step < 100 ms.

\b
python benchmarks/bench_render.py                   # full size, with the browser
python benchmarks/bench_render.py --claims 5000 --no-browser
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kharkivmap.models import Claim, Place
from kharkivmap.render import map_html

NPM = Path(os.environ.get("KHARKIVMAP_ASSETS_NPM", Path(__file__).parents[1] / ".ci/npm-assets"))
CHROMIUM = os.environ.get("KHARKIVMAP_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OBLASTS = {"Kharkiv Oblast", "Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast"}
START = date(2022, 2, 24)


def places(count: int, rng: random.Random) -> list[Place]:
    """Settlements of eastern Ukraine from the gazetteer, else synthetic ones in the same area."""
    try:
        from kharkivmap.gazetteer import Gazetteer

        east = [p for p in Gazetteer.load().places if p.admin1 in OBLASTS]
    except Exception as error:  # a benchmark must run before the gazetteer is built
        print(f"gazetteer unavailable ({error}); using synthetic places")
        east = []
    if len(east) >= count:
        return rng.sample(east, count)
    return [
        Place(f"syn{i}", f"Place {i}", rng.uniform(47.0, 50.4), rng.uniform(35.5, 40.0),
              name_uk=f"Місце {i}", kind=rng.choice(["village"] * 8 + ["town", "city"]))
        for i in range(count)
    ]  # fmt: skip


def claims(n_claims: int, n_places: int, n_days: int, seed: int = 7) -> list[Claim]:
    """Claims that follow a front moving east and west, with noise, hedges and repeats."""
    rng = random.Random(seed)
    chosen = places(n_places, rng)
    lon_min = min(p.lon for p in chosen)
    lon_max = max(p.lon for p in chosen)
    out: list[Claim] = []
    articles = max(1, n_claims // 10)
    for i in range(n_claims):
        place = chosen[i % n_places]
        offset = rng.randrange(n_days)
        day = START + timedelta(days=offset)
        # Front longitude swings across the area over the period.
        front = lon_min + (lon_max - lon_min) * (0.5 + 0.4 * ((offset / n_days) * 2 - 1) ** 3)
        side = "RU" if place.lon + rng.gauss(0, 0.08) > front else "UA"
        event = rng.choice(["captured", "captured", "held", "contested"])
        controller = "contested" if event == "contested" else side
        article = rng.randrange(articles)
        sentence = (
            f"{'Russian' if side == 'RU' else 'Ukrainian'} forces {event} {place.name} "
            f"on {day:%d %B %Y}, report {article} said."
        )
        out.append(
            Claim(article=f"art{article}", published=day, place=place, mention=place.name,
                  start=0, end=len(place.name), event=event, actor=side, controller=controller,
                  date=day, date_precision="day",
                  claimant=rng.choice([None, None, "the General Staff", "the Russian MoD"]),
                  hedged=rng.random() < 0.2, sentence=sentence, confidence=0.8,
                  title=f"Article {article} about the front", outlet=f"Outlet {article % 40}",
                  url=f"https://news.example.org/{article}")
        )  # fmt: skip
    return out


def browser_times(page_path: Path, days: list[date]) -> tuple[float, float, float]:
    from playwright.sync_api import sync_playwright

    from kharkivmap.assets import locate, manifest

    local = {asset.url: locate(asset, assets_dir=NPM) for asset in manifest()}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})

        def route(r):
            url = r.request.url
            if url.startswith("file://"):
                r.continue_()
            elif local.get(url):
                r.fulfill(path=str(local[url]))
            else:
                r.abort()

        page.route("**/*", route)
        began = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("window.kharkivmap && window.kharkivmap.map !== undefined",
                               timeout=120_000)  # fmt: skip
        ready = time.perf_counter() - began
        steps = page.evaluate(
            """(days) => days.map((day) => {
                 const t0 = performance.now();
                 window.kharkivmap.slider.setTime(Date.parse(day + "T12:00:00Z"));
                 return performance.now() - t0;
               })""",
            [d.isoformat() for d in days],
        )
        browser.close()
    return ready, statistics.median(steps), max(steps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=50_000)
    parser.add_argument("--places", type=int, default=2_000)
    parser.add_argument("--days", type=int, default=700)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--keep", type=Path, help="Also save the HTML here.")
    args = parser.parse_args()

    data = claims(args.claims, args.places, args.days)
    began = time.perf_counter()
    page = map_html(data, tiles="none")
    build = time.perf_counter() - began
    size = len(page.encode("utf-8"))
    print(f"claims {len(data)}, places {args.places}, days {args.days}")
    print(f"build {build:.2f} s (target < 10 s)")
    print(f"html {size / 1e6:.1f} MB, {size / len(data) / 1024:.3f} KB per claim (target <= 0.5)")
    if args.keep:
        args.keep.write_text(page, encoding="utf-8")
    if args.no_browser:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.html"
        path.write_text(page, encoding="utf-8")
        step_days = [START + timedelta(days=d) for d in range(30, args.days, args.days // 25)]
        ready, median, worst = browser_times(path, step_days)
    print(f"browser ready {ready:.2f} s (target < 3 s)")
    print(f"slider step median {median:.1f} ms, max {worst:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
