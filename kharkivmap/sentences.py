"""Sentence splitting with exact character offsets, tuned for news copy.

Lines are hard boundaries (titles, bullet points, captions and section headings each stand
alone), except that short bullet items under a line ending in a colon stay with it, as the
list that line announces; inside a line a full stop ends a sentence unless it closes an
abbreviation or an initial, or falls inside a balanced quotation (so a quote of several
sentences stays with its "…, he said").

Splitting runs over every article's full text, so the scanning is left to regular
expressions and string methods, and Python looks only at the few places they single out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kharkivmap.lexicons import load_lexicon

__all__ = ["Sentence", "split_sentences"]

# A non-blank line without the spaces around it. Lines end at \n, \r, \u2028 or \u2029; most
# texts use only \n, and a pattern that excludes one character scans faster than a set.
_LINE = re.compile(r"\S(?:[^\n\r\u2028\u2029]*\S)?")
_LF_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_RARE_BREAKS = ("\r", "\u2028", "\u2029")
_CLOSERS = r"[\"”’')\]»]*"
_NEXT_START = r"\s+(?=[\"“‘'(\[«]?[A-Z0-9\u0400-\u04ff\u00c0-\u00de])"
_WORD_PUNCT = "_.'’-"  # with letters and digits, what an abbreviation is spelled with
# The word before a stop is read within this many characters before the boundary's end.
_WORD_WINDOW = 40
_OPEN = "“«„"
_CLOSE = "”»"
_QUOTE_MARKS = (*_OPEN, *_CLOSE, '"')


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


@dataclass(frozen=True, slots=True)
class _Boundaries:
    """Where sentences may end, for texts whose stops are the characters ``stops``.

    ``pattern`` matches a run of stops perhaps closed by quotes or brackets (group 1), then
    the spaces before what looks like the start of a sentence: the match ends where that
    sentence starts. Group 2 is set when the word before the run may be an abbreviation or
    an initial; it is set for every word :func:`_is_abbreviation` accepts, so only those are
    checked, except after a run so long (``long_run``) that the window cuts the word short.
    """

    pattern: re.Pattern[str]
    long_run: int


@cache
def _boundaries(stops: str) -> _Boundaries:
    """Most texts hold no "!" or "?", and a pattern that begins with a literal dot is found
    much faster than one that begins with a set."""
    stop = re.escape(stops) if len(stops) == 1 else f"[{re.escape(stops)}]"
    by_length: dict[int, list[str]] = {1: [r"[^\W\d_]"]}  # an initial: any one letter
    for word in _abbreviations():
        by_length.setdefault(len(word), []).append(re.escape(word))
    # A word stands after a dot, a character it cannot hold, or the line's start; matched
    # without regard to case, as the exact check lowercases it.
    maybe = "|".join(
        rf"(?<=(?<![\w'’-])(?i:{'|'.join(words)}){stop})" for words in by_length.values()
    )
    pattern = re.compile(rf"({stop}(?:(?:{maybe})()|){stop}*{_CLOSERS}){_NEXT_START}")
    return _Boundaries(pattern, _WORD_WINDOW - max(by_length))


def _is_abbreviation(text: str, start: int, lo: int) -> bool:
    """Whether the stop at ``text[start]`` closes an abbreviation or an initial.

    The word is the run of word characters, dots, apostrophes and hyphens right before the
    stop, from ``lo`` on (the line's start, or the window before the boundary's end).
    """
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


def _quote_counts(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Opening and closing curly quotes, and straight quotes, in ``text[start:end]``."""
    opened = closed = 0
    for mark in _OPEN:
        opened += text.count(mark, start, end)
    for mark in _CLOSE:
        closed += text.count(mark, start, end)
    return opened, closed, text.count('"', start, end)


def _quotes_to_check(text: str, start: int, end: int) -> bool:
    """Whether cuts in the line ``text[start:end]`` may fall inside a quotation: it quotes,
    in balanced marks."""
    opened, closed, straight = _quote_counts(text, start, end)
    return opened == closed and straight % 2 == 0 and opened + straight > 0


# What may follow a quotation that fills its line: nothing, or a date or source in brackets
_AFTER_BLOCK_QUOTE = re.compile(r"\s*(?:\([^()]{0,40}\)|\[[^\[\]]{0,40}\])?\s*")


def _block_quote(text: str, first: int, last: int) -> bool:
    """Whether the line ``text[first:last]`` is one quotation and nothing else (a quoted
    paragraph, perhaps dated): no "…, he said" ties its sentences together, so they split."""
    if text[first] not in _OPEN:
        return False
    opened, closed, _ = _quote_counts(text, first, last)
    if opened != 1 or closed != 1:
        return False  # ("“…,” he said. “…”": quotes with a speaker between them)
    close = max(text.rfind(mark, first + 1, last) for mark in _CLOSE)
    return close > first and _AFTER_BLOCK_QUOTE.fullmatch(text, close + 1, last) is not None


def _quote_depth(text: str, start: int, end: int) -> int:
    opened, closed, straight = _quote_counts(text, start, end)
    return opened - closed + straight % 2


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end]`` is the stripped sentence."""
    sentences: list[Sentence] = []
    append = sentences.append
    lines = _LINE if any(b in text for b in _RARE_BREAKS) else _LF_LINE
    boundaries = _boundaries(".!?" if "!" in text or "?" in text else ".")
    long_run = boundaries.long_run
    quotes = any(mark in text for mark in _QUOTE_MARKS)
    for line_no, line in enumerate(lines.finditer(text)):
        first, last = line.span()
        heading = text[last - 1] == ":"
        if sentences and _continues_list(text, sentences[-1], first, last):
            # "… liberated the following settlements:" and a short item line under it (a
            # bullet, or a name alone closed by a comma): one sentence, so the list reads as
            # the verb's object
            previous = sentences.pop()
            append(Sentence(previous.start, last, previous.line, True, previous.heading))
            continue
        start = first  # of the sentence being read
        first_in_line = True
        # worked out at the first cut that needs it, if the text quotes at all
        check_quotes: bool | None = None if quotes else False
        for cut in boundaries.pattern.finditer(text, first, last):
            (stop, next_start), (_, end), (maybe, _) = cut.regs
            if (maybe >= 0 or end - stop >= long_run) and _is_abbreviation(
                text, stop, max(first, end - _WORD_WINDOW)
            ):
                continue
            if check_quotes is None:
                check_quotes = _quotes_to_check(text, first, last) and not _block_quote(
                    text, first, last
                )
            if check_quotes and _quote_depth(text, start, end) > 0:
                continue
            append(Sentence(start, end, line_no, first_in_line, heading))
            first_in_line = False
            start = next_start
        append(Sentence(start, last, line_no, first_in_line, heading))
    return sentences


# A short bullet line, or a name of up to four words alone on its line: a list item, not a
# paragraph (its closing comma or full stop included)
_BULLET_ITEM = re.compile(
    r"(?:[-–—•*·▪]\s*\S[^.!?:;]{0,58}|[A-ZА-ЯІЇЄҐ][\w'’-]*(?:[ -][\w'’()-]+){0,3}\s*,?)[.;]?"
)


def _continues_list(text: str, previous: Sentence, first: int, last: int) -> bool:
    """Whether the line ``text[first:last]`` is a bullet item of a list that ``previous`` (a
    line ending in a colon, with the items read so far) opens."""
    if not previous.heading or not previous.first_in_line or text[previous.end - 1] in ".!?":
        return False  # (an item closed by a full stop ends the list)
    return _BULLET_ITEM.fullmatch(text, first, last) is not None
