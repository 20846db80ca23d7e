"""Benchmark claim extraction on one core against spaCy's blank English tokenizer.

Writes the synthetic corpus of ``benchmarks/corpus.py`` (seeded) to a temporary JSON Lines
file, then runs, each in its own subprocess pinned to one core so peak memory is measured per
contender (the corpus is held in memory by both; "corpus alone" says how much that takes):

- ours: ``Gazetteer.load()`` and one short warm-up article (the first call compiles the
  lexicons' patterns; both count as load), then ``claims_from_articles`` over every article,
  the path of ``kharkivmap extract``;
- reference: ``spacy.blank("en")``'s tokenizer (no model) over the same texts.

Prints articles/s, MB/s, peak resident memory (``ru_maxrss``), our time over spaCy's, and
whether the project's targets hold (>= 1,000 articles/s, faster than the tokenizer, < 300 MB).
``--unique`` benchmarks a corpus in which no sentence occurs twice (see ``corpus.py``), so
nothing keyed by sentence text is reused. ``--profile`` prints where extraction time goes
too (``BENCH_SORT=tottime`` and ``BENCH_LINES=60`` change its order and length).

Run from the repository root::

    python benchmarks/bench_extract.py --articles 10000 --seed 1
    python benchmarks/bench_extract.py --articles 10000 --seed 1 --unique
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

TARGET_ARTICLES_PER_S = 1000
_WARM_UP = (
    "Russian forces captured Izium on Monday, the ministry said. Kyiv denied it. The claim "
    "could not be verified. Fighting continues near Kupiansk, officials said on 3 May."
)
TARGET_PEAK_MB = 300
# Single-threaded numeric libraries, so "one core" holds for whatever the contenders import.
SINGLE_THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def _write_corpus(path: Path, count: int, seed: int, *, unique: bool) -> None:
    """Generate the corpus once, in the parent, so workers only parse JSON Lines."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import main as write_corpus

    options = ["--articles", str(count), "--seed", str(seed), "-o", str(path)]
    write_corpus([*options, "--unique"] if unique else options)


def _worker(contender: str, corpus: Path, profile: bool) -> dict[str, float | bool]:
    """Run one contender in this process, on one core, and return its measurements."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from kharkivmap.articles import read_articles

    articles = list(read_articles([corpus]))
    rss_before = _peak_mb()
    nbytes = sum(len(a.text.encode("utf-8")) for a in articles)
    started = time.perf_counter()
    claims = 0
    if contender == "ours":
        from kharkivmap.gazetteer import Gazetteer
        from kharkivmap.models import Article
        from kharkivmap.parser import extract_claims
        from kharkivmap.pipeline import claims_from_articles

        gazetteer = Gazetteer.load()
        # The first call compiles the lexicons' patterns, once per process: part of loading.
        extract_claims(Article(id="warm-up", text=_WARM_UP), gazetteer)
        loaded, loaded_cpu = time.perf_counter(), time.process_time()
        if profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
        # the path of `kharkivmap extract`: a failing article is reported, the rest go on
        problems: list[object] = []
        for _claim in claims_from_articles(articles, gazetteer, on_problem=problems.append):
            claims += 1
        if problems:
            sys.exit(f"{len(problems)} articles failed: {problems[:3]}")
        if profile:
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stderr).sort_stats(
                os.environ.get("BENCH_SORT", "cumulative")
            ).print_stats(int(os.environ.get("BENCH_LINES", "25")))
    else:
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        loaded, loaded_cpu = time.perf_counter(), time.process_time()
        for article in articles:
            claims += len(tokenizer(article.text))
    finished, finished_cpu = time.perf_counter(), time.process_time()
    import kharkivmap.parser

    return {
        # the parser as installed: C compiled by mypyc (setup.py) or pure Python
        "compiled": not kharkivmap.parser.__file__.endswith(".py"),
        "articles": len(articles),
        "mb": nbytes / 1e6,
        "load_s": loaded - started,
        "run_s": finished - loaded,
        # CPU time too: on a busy machine wall time overstates the cost.
        "cpu_s": finished_cpu - loaded_cpu,
        "items": claims,
        "corpus_peak_mb": rss_before,
        "peak_mb": _peak_mb(),
    }


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def _spawn(contender: str, corpus: Path, *, profile: bool) -> dict[str, float | bool]:
    command = [sys.executable, __file__, "--worker", contender, "--corpus", str(corpus)]
    if profile:
        command.append("--profile")
    env = {**os.environ, **SINGLE_THREAD_ENV}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{contender} run failed:\n{done.stderr}")
    if done.stderr:
        print(done.stderr, file=sys.stderr)
    return json.loads(done.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--unique", action="store_true", help="a corpus in which no sentence occurs twice"
    )
    parser.add_argument("--profile", action="store_true", help="profile our extraction")
    parser.add_argument("--worker", choices=["ours", "spacy"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker(args.worker, args.corpus, args.profile)))
        return 0

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        _write_corpus(corpus, args.articles, args.seed, unique=args.unique)
        ours = _spawn("ours", corpus, profile=args.profile)
        spacy = _spawn("spacy", corpus, profile=False)
    kind = ", unique sentences" if args.unique else ""
    print(f"corpus: {ours['articles']} articles, {ours['mb']:.1f} MB, seed {args.seed}{kind}")
    print(f"parser: {'compiled (mypyc)' if ours['compiled'] else 'pure Python'}")
    for name, result, unit in (("extract", ours, "claims"), ("spaCy tokenizer", spacy, "tokens")):
        print(
            f"{name:<16} {result['articles'] / result['run_s']:>8.0f} articles/s "
            f"{result['mb'] / result['run_s']:>6.2f} MB/s  run {result['run_s']:.2f} s "
            f"(CPU {result['cpu_s']:.2f} s)  "
            f"load {result['load_s']:.2f} s  peak {result['peak_mb']:.0f} MB "
            f"(corpus alone {result['corpus_peak_mb']:.0f} MB)  {int(result['items'])} {unit}"
        )
    ratio = ours["run_s"] / spacy["run_s"]
    print(f"our time / spaCy tokenizer time: {ratio:.2f}")
    rate = ours["articles"] / ours["run_s"]
    checks = {
        f">= {TARGET_ARTICLES_PER_S} articles/s": rate >= TARGET_ARTICLES_PER_S,
        "faster than spaCy's tokenizer": ratio < 1,
        f"< {TARGET_PEAK_MB} MB peak": ours["peak_mb"] < TARGET_PEAK_MB,
    }
    for label, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'} {label}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
