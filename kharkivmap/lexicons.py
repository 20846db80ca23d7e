"""Access to the parser's word lists in ``kharkivmap/lexicon/*.json``.

The lists are data so they can grow without code changes; each file is read once, on first
use, never at import time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["alternation", "load_lexicon"]


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed JSON lexicon ``name`` (without ``.json``); cached for the process."""
    text = resources.files("kharkivmap").joinpath(f"lexicon/{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def alternation(fragments: Iterable[str]) -> str:
    """A non-capturing regex group of ``fragments``, longest first so longer phrases win.

    Fragments are regex source; a plain space inside one matches any run of whitespace.
    """
    parts = sorted({f.replace(" ", r"\s+") for f in fragments}, key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


def compile_words(fragments: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of ``fragments`` as whole words."""
    return re.compile(r"(?<![\w'-])" + alternation(fragments) + r"(?![\w-])")
