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
from itertools import repeat
from typing import Any

__all__ = ["Clauses", "may_match", "required_text", "required_words", "words_match"]

Clauses = tuple[frozenset[str], ...]

# Strings this short are in almost every sentence: testing for them saves nothing.
_MIN_LENGTH = 3
_MAX_CLAUSES = 2


def required_text(pattern: re.Pattern[str]) -> Clauses:
    """The most telling clauses of literal text that every match of ``pattern`` holds."""
    if pattern.flags & re.IGNORECASE:
        return ()
    try:
        from re import _parser as parser  # type: ignore[attr-defined]

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


def required_words(pattern: re.Pattern[str]) -> Clauses:
    """Clauses of whole words (runs of ``[a-z]``, two letters or more) of which every match
    of ``pattern`` spells one of each, the most telling first; empty when it does not tell.

    A set of a text's words is built once, and testing it for a few words is far cheaper than
    a substring test per literal: "the associated press|ap|reuters" needs one of "associated",
    "ap" or "reuters" as a word, where its literal "ap" is part of most texts.
    """
    if pattern.flags & re.IGNORECASE:
        return ()
    try:
        from re import _parser as parser  # type: ignore[attr-defined]

        parsed = list(parser.parse(pattern.pattern, pattern.flags))
        clauses = _word_clauses(parsed, left=False, right=False)
    except Exception:  # a private parser of another Python version: tell nothing
        return ()
    return tuple(sorted(set(clauses), key=lambda c: (-min(map(len, c)), len(c), sorted(c))))


def words_match(clauses: Clauses, words: set[str] | frozenset[str]) -> bool:
    """False when ``words`` lack every word of some clause: then nothing can match."""
    return not any(map(frozenset.isdisjoint, clauses, repeat(words)))


def _word_clauses(
    items: Sequence[tuple[Any, Any]], *, left: bool, right: bool, prefix: str = ""
) -> list[frozenset[str]]:
    """Clauses of whole words in a sequence of parsed items. ``left`` and ``right`` say
    whether the text just outside the sequence is sure to hold no letter; ``prefix`` is a run
    of letters just before it (the parser moves the common start of alternatives out)."""
    from re import _constants as c  # type: ignore[attr-defined]

    found: list[frozenset[str]] = []
    run: list[str] = list(prefix)
    run_left = edge = left  # no letter stands just before the run (or the next item)
    for i, (op, av) in enumerate(items):
        if op is c.LITERAL and _is_letter(av):
            if not run:
                run_left = edge
            run.append(chr(av))
            continue
        apart = _parts_words(op, av)  # no letter is matched here, and none next to it
        if apart:
            if run and run_left and len(run) >= 2:
                found.append(frozenset({"".join(run)}))
            run, edge = [], True
            continue
        if not run and _optional_apart(op, av):
            continue  # "(?:[\\w'-]+\\s+){0,2}": ends apart if it matches at all
        inner_left = run_left if run else edge
        inner_right = _apart_ahead(items[i + 1 :], right)
        prefix = "".join(run)
        run, edge = [], False
        if op is c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & c.SRE_FLAG_IGNORECASE:
                found += _word_clauses(list(sub), left=inner_left, right=inner_right, prefix=prefix)
        elif op is c.BRANCH:
            either: set[str] = set()
            for alternative in av[1]:
                clauses = _word_clauses(
                    list(alternative), left=inner_left, right=inner_right, prefix=prefix
                )
                best = _best_words(clauses)
                if best is None:
                    break  # an alternative that spells no whole word: no clause
                either |= best
            else:
                found.append(frozenset(either))
    if run and run_left and right and len(run) >= 2:
        found.append(frozenset({"".join(run)}))
    return found


def _apart_ahead(items: Sequence[tuple[Any, Any]], right: bool) -> bool:
    """Whether no letter can follow directly: the next item keeps words apart, or it is
    optional and starts apart, and so does what comes after it."""
    for op, av in items:
        if _parts_words(op, av):
            return True
        if not _optional_apart(op, av, end=False):
            return False
    return right


def _optional_apart(op: Any, av: Any, *, end: bool = True) -> bool:
    """Whether an item is a repeat that may match nothing and otherwise ends (or, with
    ``end`` False, starts) with an item that keeps words apart."""
    from re import _constants as c  # type: ignore[attr-defined]

    if op not in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) or av[0] != 0:
        return False
    body = list(av[2])
    while len(body) == 1 and body[0][0] is c.SUBPATTERN:
        body = list(body[0][1][3])
    return bool(body) and _parts_words(*body[-1 if end else 0])


def _is_letter(code: int) -> bool:
    return 97 <= code <= 122  # a-z: the letters of a text's words


def _parts_words(op: Any, av: Any) -> bool:
    """Whether a parsed item keeps letters apart: it matches a non-letter, or asserts that
    no word character stands beside it (``\\b``, ``(?![\\w-])``, ``(?<![\\w'-])``)."""
    from re import _constants as c  # type: ignore[attr-defined]

    if op is c.LITERAL:
        return not _is_letter(av)
    if op is c.AT:
        return av is c.AT_BOUNDARY
    if op is c.ASSERT_NOT:
        _direction, sub = av
        sub = list(sub)
        if len(sub) != 1 or sub[0][0] is not c.IN:
            return False
        members = sub[0][1]
        return (c.CATEGORY, c.CATEGORY_WORD) in members and (c.NEGATE, None) not in members
    if op is c.IN:
        return _no_letters(av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, item = av
        item = list(item)
        return low >= 1 and len(item) == 1 and item[0][0] is c.IN and _no_letters(item[0][1])
    return False


def _no_letters(members: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a character set holds no letter a-z: spaces, digits, punctuation."""
    from re import _constants as c  # type: ignore[attr-defined]

    for op, av in members:
        if op is c.LITERAL and _is_letter(av):
            return False
        if op is c.CATEGORY and av not in (c.CATEGORY_SPACE, c.CATEGORY_DIGIT):
            return False
        if op not in (c.LITERAL, c.CATEGORY):
            return False  # a range or a negated set may hold letters
    return True


def _best_words(clauses: list[frozenset[str]]) -> frozenset[str] | None:
    """The clause whose shortest word is longest (the rarest to find by chance)."""
    return max(clauses, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _clauses(items: Sequence[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Clauses of a sequence of parsed items: its runs of literal characters and the
    clauses of the items every match passes through."""
    from re import _constants as c  # type: ignore[attr-defined]

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
