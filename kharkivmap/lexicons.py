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


_META = frozenset("\\.^$*+?{}[]()|")


def _trie_regex(words: list[str]) -> str:
    """A regex for ``words`` factored by common prefixes, so matching tries one branch per
    letter instead of every word in turn; longer words still win (optional tails are greedy)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return emit(trie)


def alternation(fragments: Iterable[str]) -> str:
    """A non-capturing regex group matching any of ``fragments``, longer matches first.

    Fragments are regex source; a plain space inside one matches any run of whitespace.
    Plain words are merged into a prefix tree, which keeps large word lists fast.
    """
    unique = set(fragments)
    plain = sorted(f for f in unique if not _META.intersection(f))
    special = sorted(
        (f.replace(" ", r"\s+") for f in unique if _META.intersection(f)), key=len, reverse=True
    )
    parts = [*special, _trie_regex(plain)] if plain else special
    return "(?:" + "|".join(parts) + ")"


def compile_words(fragments: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of ``fragments`` as whole words."""
    return re.compile(r"(?<![\w'-])" + alternation(fragments) + r"(?![\w-])")
