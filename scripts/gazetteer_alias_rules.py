"""Rules that keep GeoNames alternate names which would put a wrong place on the map.

GeoNames lists, unlabelled, the colonial names of former German and French villages ("Paris",
"Hamburg"), Soviet names after people ("Stalin" for Donetsk), other languages' words and
occasional errors ("Bilhorod-Dnistrovskyi" on Belgorod). Every alias becomes a key of
``Gazetteer.resolve``, so each such name would turn a word, a person or a foreign city into a
Ukrainian village. One pure function decides per alias; docs/gazetteer.md lists the rules and
how many aliases each drops. Names from scripts/gazetteer_aliases.csv and curated rows are
added after these rules and never filtered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from kharkivmap.normalize import fold
from kharkivmap.translit import romanize_ru, romanize_uk

MIN_LETTERS = 4  # "Izh", "Tok", "Civ": shorter aliases are codes, rivers or abbreviations
# A Latin alias this similar (rapidfuzz ratio of folded keys) to a current name is a spelling.
VARIANT_MIN = 70.0
# A dissimilar Latin alias is a former name when one of the place's Cyrillic alternates
# romanizes this close to it, and is long enough not to be an ordinary word elsewhere.
TRANSLITERATION_MIN = 85.0
FORMER_NAME_MIN_LETTERS = 6

SHORT = "shorter than four letters"
WORD = "a common word or a person's name"
FOREIGN = "a city or country name of another country"
OTHER_PLACE = "the own name of another gazetteer place"
NOT_A_VARIANT = "Latin, neither a spelling of the place's names nor of a Cyrillic alternate"
RULES = (SHORT, WORD, FOREIGN, OTHER_PLACE, NOT_A_VARIANT)


@dataclass(frozen=True)
class AliasContext:
    """What the rules compare aliases against, built once per run."""

    never_places: frozenset[str]  # folded words that never name a place (not_places.txt)
    words: frozenset[str]  # frequent English words (a spelling of a name may be one)
    foreign: frozenset[str]  # folded names of other countries' cities and of countries
    own_names: dict[str, frozenset[str]]  # folded own name -> ids of the rows it names


def _similar(a: str, b: str) -> float:
    return fuzz.ratio(a, b) if a and b else 0.0


def drop_reason(
    alias: str,
    *,
    row_id: str,
    names: Iterable[str],
    cyrillic: Iterable[str],
    context: AliasContext,
) -> str | None:
    """Why ``alias`` must not name the place, or None to keep it.

    ``names`` are the place's current names (GeoNames, Ukrainian and Russian names and their
    romanizations), ``cyrillic`` its Cyrillic alternates. A name in ``never_places`` goes
    even when it spells the place ("Police" is Polish for Polytsi), a frequent English word
    only when it does not.
    """
    key = fold(alias)
    keys = {fold(n) for n in names if n}
    if key in keys:
        return None
    if sum(ch.isalpha() for ch in alias) < MIN_LETTERS:
        return SHORT
    if key in context.never_places:
        return WORD
    if max((_similar(key, k) for k in keys), default=0.0) >= VARIANT_MIN:
        return None
    if alias.lower() in context.words:
        return WORD
    if key in context.foreign:
        return FOREIGN
    if context.own_names.get(key, frozenset()) - {row_id}:
        return OTHER_PLACE
    if is_latin(alias) and not (
        len(key) >= FORMER_NAME_MIN_LETTERS
        and any(
            _similar(key, fold(roman)) >= TRANSLITERATION_MIN
            for c in cyrillic
            for roman in (romanize_uk(c), romanize_ru(c))
        )
    ):
        return NOT_A_VARIANT
    return None


def is_latin(alias: str) -> bool:
    """True for an alias without Cyrillic letters."""
    return not any("\u0400" <= ch <= "\u04ff" for ch in alias)
