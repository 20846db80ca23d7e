"""Text that every match of a pattern spells out, so scans that cannot match are skipped.

A regex scan of a sentence costs far more than a few substring tests, and most of the
parser's patterns can only match text holding some literal words ("under" and "control",
"chief of ", "ministry of defen"). :func:`required_text` reads them off the parsed pattern as
clauses: every match holds one string of each clause, so a text lacking all the strings of
one clause cannot match. Anything the reading does not understand adds no clause, so the
test only ever skips scans that would have found nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

__all__ = ["Clauses", "may_match", "required_text"]

Clauses = tuple[frozenset[str], ...]

# Strings this short are in almost every sentence: testing for them saves nothing.
_MIN_LENGTH = 3
_MAX_CLAUSES = 2


def required_text(pattern: re.Pattern[str]) -> Clauses:
    """The most telling clauses of literal text that every match of ``pattern`` holds."""
    if pattern.flags & re.IGNORECASE:
        return ()
    try:
        from re import _parser as parser

        parsed = parser.parse(pattern.pattern, pattern.flags)
        clauses = _clauses(list(parsed))
    except Exception:  # a private parser of another Python version: test nothing
        return ()
    useful = {c for c in clauses if min(map(len, c)) >= _MIN_LENGTH}
    ranked = sorted(useful, key=lambda c: (-min(map(len, c)), len(c), sorted(c)))
    return tuple(ranked[:_MAX_CLAUSES])


def may_match(clauses: Clauses, text: str) -> bool:
    """False when ``text`` lacks every string of some clause: then nothing can match."""
    for clause in clauses:
        for string in clause:
            if string in text:
                break
        else:
            return False
    return True


def _clauses(items: Sequence[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Clauses of a sequence of parsed items: its runs of literal characters and the
    clauses of the items every match passes through."""
    from re import _constants as c

    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op is c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & c.SRE_FLAG_IGNORECASE:
                found += _clauses(list(sub))
        elif op is c.ATOMIC_GROUP:
            found += _clauses(list(av))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, item = av
            if low >= 1:
                found += _clauses(list(item))
        elif op is c.BRANCH:
            either: set[str] = set()
            for alternative in av[1]:
                best = _best(_clauses(list(alternative)))
                if best is None:
                    break  # an alternative that spells nothing out: no clause
                either |= best
            else:
                found.append(frozenset(either))
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def _best(clauses: list[frozenset[str]]) -> frozenset[str] | None:
    """The clause whose shortest string is longest (the rarest to find by chance)."""
    return max(clauses, key=lambda c: (min(map(len, c)), -len(c)), default=None)
