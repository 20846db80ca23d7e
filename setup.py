"""Build: the parser's hot modules compiled to C with mypyc, or left as Python.

The modules that read articles (sentences, mentions, frames, actors, claimants, dates, the
parser itself) are plain typed Python; mypyc turns them into C extensions that run the same
code a fifth to a third faster (benchmarks/bench_extract.py). Where no C compiler or mypyc
is at hand, or the build fails, the package installs as pure Python and behaves the same, only
slower. Set ``KHARKIVMAP_PURE_PYTHON=1`` to skip compiling on purpose.

An editable install (``pip install -e .``) stays pure Python unless ``KHARKIVMAP_COMPILE=1``:
a compiled module beside its source shadows it, so edits to the source would silently not
take effect.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# Every module on the path from article text to claims; the rest (CLI, rendering, I/O,
# records) stays Python: it runs once a run, and the records must stay plain dataclasses.
COMPILED = [
    "actors",
    "anaphora",
    "claimants",
    "dates",
    "frames",
    "gazetteer",
    "mentions",
    "normalize",
    "parser",
    "prefilter",
    "rules",
    "sentences",
    "translit",
]


def _warn(message: str) -> None:
    print(f"kharkivmap: {message}; installing as pure Python", file=sys.stderr)


class _OptionalBuildExt(build_ext):
    """Build the extensions, or none of them: the compiled modules share one runtime
    library, so a partial build would leave modules that cannot import."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, a compiler error: fall back to Python
            _warn(f"compiling failed ({error})")
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            self.extensions = []


def _editable() -> bool:
    return "editable_wheel" in sys.argv and not os.environ.get("KHARKIVMAP_COMPILE")


def _extensions() -> list:
    if os.environ.get("KHARKIVMAP_PURE_PYTHON"):
        return []
    if _editable():
        _warn("an editable install is not compiled (KHARKIVMAP_COMPILE=1 compiles it)")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    paths = [f"kharkivmap/{name}.py" for name in COMPILED]
    try:
        return mypycify(paths, opt_level="3", debug_level="0")
    except (Exception, SystemExit) as error:  # a type error mypyc cannot compile
        _warn(f"mypyc failed ({error})")
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": _OptionalBuildExt})
