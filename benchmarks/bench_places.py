"""Benchmark the gazetteer: cold start, bulk resolution, memory and mention finding.

Targets: ``kharkivmap places Izyum`` in a fresh process < 0.5 s (index cached); resolving
100,000 names through the API < 2 s; peak memory of a loaded gazetteer < 200 MB;
``find_mentions`` well under 0.5 ms per KB of article text. Resolution and mention finding are
timed in CPU seconds of this process, so a busy machine does not distort them.

\b
python benchmarks/bench_places.py
python benchmarks/bench_places.py --names 20000 --repeat 100
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from kharkivmap.errors import UnknownPlaceError
from kharkivmap.gazetteer import Gazetteer

SEEDS = Path(__file__).parents[1] / "seeds"


def cold_start(cache_home: str, runs: int) -> tuple[float, float, float]:
    """``kharkivmap places Izyum`` in fresh processes: wall seconds of the first run (which
    builds the index), then the best wall and CPU seconds of the runs with the index cached."""
    env = {**os.environ, "XDG_CACHE_HOME": cache_home}
    command = [sys.executable, "-m", "kharkivmap", "places", "Izyum"]
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return walls[0], min(walls[1:]), min(cpus[1:])


def bulk_resolve(gazetteer: Gazetteer, count: int) -> tuple[float, int]:
    """Seconds to resolve ``count`` names drawn from every spelling the gazetteer holds, and
    how many of them are unknown (spellings too short to index, such as one-letter aliases)."""
    spellings = [
        spelling
        for place in gazetteer.places
        for spelling in (place.name, place.name_uk, place.name_ru, *place.aliases)
        if spelling
    ]
    names = random.Random(7).choices(spellings, k=count)
    unknown = 0
    start = time.process_time()
    for name in names:
        try:
            gazetteer.resolve(name)
        except UnknownPlaceError:
            unknown += 1
    return time.process_time() - start, unknown


def loaded_memory(cache_dir: str) -> float:
    """Peak MB allocated while loading the gazetteer from its cache and resolving once."""
    tracemalloc.start()
    gazetteer = Gazetteer.load(cache_dir=cache_dir)
    gazetteer.resolve("Izyum")
    gazetteer.find_mentions("Troops left Kupiansk and Izium.")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def mentions_speed(gazetteer: Gazetteer, repeat: int) -> tuple[float, float]:
    """Milliseconds per KB and articles per second of find_mentions over the seed articles."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    kilobytes = sum(len(text.encode()) for text in texts) / 1024
    for text in texts:  # warm the per-word caches as a long run would
        gazetteer.find_mentions(text)
    start = time.process_time()
    for _ in range(repeat):
        for text in texts:
            gazetteer.find_mentions(text)
    elapsed = time.process_time() - start
    return elapsed * 1000 / (kilobytes * repeat), len(texts) * repeat / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", type=int, default=100_000, help="names to resolve")
    parser.add_argument("--repeat", type=int, default=300, help="passes over the seed articles")
    parser.add_argument("--runs", type=int, default=4, help="fresh processes for the cold start")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache_home:
        first, warm, cpu = cold_start(cache_home, args.runs)
        print(f"places Izyum, fresh process: {first:.2f} s building the index, "
              f"{warm:.2f} s ({cpu:.2f} s CPU) with it cached (target < 0.5 s)")  # fmt: skip
        cache_dir = str(Path(cache_home) / "kharkivmap")
        print(f"peak memory of a loaded gazetteer: {loaded_memory(cache_dir):.0f} MB (tracemalloc, "
              "target < 200 MB)")  # fmt: skip
        gazetteer = Gazetteer.load(cache_dir=cache_dir)
        seconds, unknown = bulk_resolve(gazetteer, args.names)
        print(f"resolve {args.names:,} names: {seconds:.2f} s (target < 2 s); {unknown} unknown")
        per_kb, per_second = mentions_speed(gazetteer, args.repeat)
        print(f"find_mentions: {per_kb:.3f} ms per KB, {per_second:,.0f} seed articles/s")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"gazetteer rows: {len(gazetteer):,}; process max RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
