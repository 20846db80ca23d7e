"""A spelling-insensitive key for place names: every common romanization meets one key.

Reports write the same village as ``Kupiansk``, ``Kupyansk``, ``Kupiyansk``, ``Kup'jans'k``
or ``Купʼянськ``. :func:`fold` maps all of them to one ASCII key by collapsing the letters
where the romanization systems disagree (y/i/j, ie/ye/e, kh/h/ch/g, zh/ž, shch/sch, ts/c,
soft signs, apostrophes, diacritics, doubled letters, spaces and hyphens). Cyrillic is
transcribed letter by letter into the same classes, so Ukrainian and Russian spellings of a
name meet too when they differ only in spelling (``Ізюм``/``Изюм``), not in form
(``Вовчанськ``/``Волчанск`` stay apart: the gazetteer's aliases join those).

The key is for matching only; it is not meant to be readable.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold"]

# Cyrillic letters (Ukrainian and Russian) and Latin letters with diacritics that stand for a
# digraph are rewritten into plain Latin first; the digraph rules below then fold both alike.
# г is written "g" so that зг ("zgh" in KMU 2010) cannot be read as ж ("zh").
_TRANSCRIBE = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ie",
        "ё": "io", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
        "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
        # ISO 9 and scholarly letters that stand for two Latin letters elsewhere.
        "ž": "zh", "š": "sh", "č": "ch", "ŝ": "shch", "û": "yu", "â": "ya", "ê": "ye",
        "ł": "l", "ß": "ss",
    }
)  # fmt: skip

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGRAPHS = re.compile(r"shch|sch|kh|zh|sh|ch|ts|[cghjwxy]")
# One pass, so a class letter is never read again as part of another digraph; the letters
# the classes use (w, j, x) are themselves folded away, so they cannot come from the input.
_CLASS = {
    "shch": "w",  # щ
    "sch": "w",
    "kh": "h",  # х, г (Ukrainian h, Russian g) and the Polish/German ch all meet
    "ch": "h",
    "h": "h",
    "g": "h",
    "zh": "j",  # ж
    "sh": "x",  # ш
    "ts": "c",  # ц
    "c": "c",
    "j": "i",  # scholarly ja/ju/je/ji
    "y": "i",  # и/ы/й and the y of ya/yu/ye/yi all fall in the i class
    "w": "v",
    "x": "ks",
}
_REPEATS = re.compile(r"(.)\1+")
_IE = re.compile(r"ie")


def fold(text: str) -> str:
    """Return the matching key of a place name (``"Kup'yansk"`` → ``"kupiansk"``).

    Distinct names stay distinct unless they differ only in spelling conventions; an empty key
    means the text holds no Latin or Cyrillic letters or digits.
    """
    s = text.lower().translate(_TRANSCRIBE)
    if not s.isascii():
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = _NOT_ALNUM.sub("", s)
    s = _DIGRAPHS.sub(lambda m: _CLASS[m.group()], s)
    s = _collapse_repeats(s)
    # ie/ye/je/є and e meet only after y/j became i and runs of i collapsed (Sievierodonetsk).
    return _collapse_repeats(_IE.sub("e", s))


def _collapse_repeats(s: str) -> str:
    """``s`` with every run of one character written once. Most keys hold no run, and
    looking for one costs a fraction of a substitution."""
    return _REPEATS.sub(r"\1", s) if _REPEATS.search(s) else s
