"""Sentence splitting with exact character offsets, tuned for news copy.

Lines are hard boundaries (titles, bullet points, captions and section headings each stand
alone); inside a line a full stop ends a sentence unless it closes an abbreviation or an
initial, or falls inside a balanced quotation (so a quote of several sentences stays with
its "…, he said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kharkivmap.lexicons import load_lexicon

__all__ = ["Sentence", "split_sentences"]

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]»]*(?=\s+[\"“‘'(\[«]?[A-Z0-9\u0400-\u04ff\u00c0-\u00de])")
_WORD_PUNCT = "_.'’-"  # with letters and digits, what an abbreviation is spelled with
_OPEN = "“«„"
_CLOSE = "”»"
_QUOTE_CHARS = frozenset(_OPEN + _CLOSE + '"')
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as offsets into the text; ``line`` counts non-empty lines from 0 (the title).

    ``heading`` marks a line ending in a colon, which often names the source of the section
    below it ("Ukraine says Russia pulling back:").
    """

    start: int
    end: int
    line: int
    first_in_line: bool
    heading: bool


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_lexicon("abbreviations")["abbreviations"])


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether the full stop of the boundary ``text[start:end]`` closes an abbreviation.

    The word is the run of word characters, dots, apostrophes and hyphens right before the
    boundary, within the 40 characters before its end.
    """
    lo = max(0, end - 40)
    space = text.rfind(" ", lo, start)
    if space >= 0:
        word = text[space + 1 : start]
        if word.isalnum():  # the usual case, a plain word after a space: no walk needed
            word = word.lower()
            return (len(word) == 1 and word.isalpha()) or word in _abbreviations()
    begin = start
    while begin > lo and (text[begin - 1].isalnum() or text[begin - 1] in _WORD_PUNCT):
        begin -= 1
    word = text[begin:start].strip(".").lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial, as in "Volodymyr O. Zelensky"
    return word in _abbreviations()


def _quotes_to_check(line: str) -> bool:
    """Whether cuts in ``line`` may fall inside a quotation: it quotes, in balanced marks."""
    if _QUOTE_CHARS.isdisjoint(line):
        return False
    opened = sum(line.count(c) for c in _OPEN)
    closed = sum(line.count(c) for c in _CLOSE)
    return opened == closed and line.count('"') % 2 == 0


def _quote_depth(segment: str) -> int:
    depth = sum(segment.count(c) for c in _OPEN) - sum(segment.count(c) for c in _CLOSE)
    return depth + segment.count('"') % 2


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end]`` is the stripped sentence."""
    sentences: list[Sentence] = []
    append = sentences.append
    line_no = 0
    for line_match in _LINE.finditer(text):
        line = line_match.group()
        if line.isspace():
            continue
        offset = line_match.start()
        heading = line.rstrip().endswith(":")
        check_quotes = _quotes_to_check(line)
        cuts: list[int] = []
        begin = 0
        for cut in _BOUNDARY.finditer(line):
            start, end = cut.span()
            if _is_abbreviation(line, start, end):
                continue
            if check_quotes and _quote_depth(line[begin:end]) > 0:
                continue
            cuts.append(end)
            begin = end
        # A cut ends in its stop (or closing quote), so a sentence ends where its cut does;
        # only the line's last one may trail spaces.
        last = len(line.rstrip())
        start = 0
        first = True
        for end in cuts:
            lead = _NON_SPACE.search(line, start, end)
            if lead is not None:
                s = offset + lead.start()
                append(Sentence(s, offset + end, line_no, first, heading))
                first = False
            start = end
        lead = _NON_SPACE.search(line, start, last)
        if lead is not None:
            s = offset + lead.start()
            append(Sentence(s, offset + last, line_no, first, heading))
        line_no += 1
    return sentences
