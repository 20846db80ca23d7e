"""Finding place names in running text quickly, and resolving homonyms with the whole text.

A compiled regex finds capitalised words (Latin or Cyrillic); from each, runs of up to four
words joined by a space or a hyphen are folded and looked up, longest first, but only where a
multi-word name can begin. Declined Ukrainian and Russian forms ("під Харковом", "у Старому
Салтові") are looked up through their possible nominatives. A single word is no place when it
is a common word, a given name before a capitalised word or a surname after one
(``lexicon/not_places.txt``, ``lexicon/first_names.txt``).

Lower-case words count only when they spell a city's own name (kind ``city``: 100,000 people
or an oblast centre), so "kyiv" in careless copy is found but no alias or village is; they are
found by one set intersection over the text's whitespace tokens. The bounded fuzzy match is
tried only for capitalised, non-sentence-initial unknown words outside runs of capitals that
the text never writes in lower case, and its answers are cached per word.

Homonyms are resolved jointly: names followed by "region"/"oblast" and city mentions vote for
their oblast, places without homonyms act as anchors whose distance scores the candidates, and
cue phrases right before a name ("Russia's", "in Russia's") switch the country prior. What the
text states outright narrows the candidates before any weighing: a region right next to a name
("Stepove, Zaporizhzhia region", "Donetsk Oblast's Urozhaine") keeps those inside that oblast, a
place the name is said to be near ("Druzhba east of Toretsk") those within 60 km of it, and a
region word makes a name its oblast's city. A name right before "group", "brigade" or "river"
(or after "river") names an organisation or a river and is no mention."""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from kharkivmap.gazetteer import Evidence, distance_km, is_war_zone_town, row_number
from kharkivmap.models import Candidate, Mention, Place
from kharkivmap.normalize import fold

if TYPE_CHECKING:
    from kharkivmap.gazetteer import Gazetteer

__all__ = ["VILLAGE_MAX_POPULATION", "Lexicon", "MentionFinder", "lexicon"]

_LETTER = r"[^\W\d_]"
_APOSTROPHES = "'’ʼ"
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
_CAPITALISED = re.compile(rf"[{re.escape(_UPPER)}]{_LETTER}*(?:[{_APOSTROPHES}]{_LETTER}+)*")
# The words of a unit's name between a place name and "brigade" ("the Kharkiv separate
# territorial defence brigade")
_UNIT_AFTER = re.compile(
    r"\s+(?:(?:separate|territorial|defen[cs]e|mechani[sz]ed|motori[sz]ed|assault|infantry|tank"
    r"|rifle|airborne|air|guards|marine|special|operational|mountain|jaeger|ranger)\s+){1,3}"
    r"(?:brigade|battalion|regiment|division|corps)s?\b",
    re.IGNORECASE,
)
_QUOTES = "\"'‘’“”«"
# …and the name a grouping of forces goes by ("the group of troops 'Tavria'")
_UNIT_BEFORE = re.compile(
    # (and a unit's: "the 425th separate assault regiment "Skelia"")
    r"\b(?:group(?:ing)?(?:\s+of\s+(?:troops|forces))?|battle\s*group|task\s+force|regiment"
    r"|brigade|battalion|division|detachment|unit|squadron|company"
    # ("units of the "Tavria" OSUV")
    r"|(?:units?|forces|troops|soldiers|fighters)\s+of\s+the)\s*"
    rf"[{_QUOTES}]\s*$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(rf"[ \u00a0\-\u2010\u2011]({_LETTER}+(?:[{_APOSTROPHES}]{_LETTER}+)*)")
_WORD = re.compile(rf"{_LETTER}+(?:[{_APOSTROPHES}]{_LETTER}+)*")
_SPACED_WORD = re.compile(rf"[ \u00a0]*({_WORD.pattern})")  # the next word after spaces
_POSSESSIVE = ("'s", "’s", "ʼs")
_SENTENCE_END = frozenset('.!?:;"“”«»\n')
# The words between a region and the list it opens: "in Donetsk region: @1", "oblast – @1"
_REGION_THEN_LIST = re.compile(
    # "three villages in Donetsk region: @1, @2", "settlements of the Kherson region have
    # already been liberated: @1, @2", "settlements in the Kharkiv region, including @1 and @2"
    r"(?:\s+(?:region|oblast|province))?(?:\s+(?:have|has|had|were|was)\s+(?:(?:already|now|also)"
    r"\s+)?(?:been\s+)?[a-z-]+)?\s*(?:[:—–-]|,\s+(?:including|such\s+as|namely))\s*"
    # "… in the Donetsk region - in the areas of @1 and @2"
    r"(?:(?:in|near|around)\s+the\s+(?:areas?|vicinity)\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
_AXIS_WORDS = frozenset({"direction", "directions", "axis", "axes", "sector", "sectors"})
_TOWN_KINDS = frozenset({"city", "town"})
_CONJUNCTIONS = frozenset({" and ", ", ", " or ", " і ", " й ", " и ", " та "})
# Text between names of one list, spaces normalised; and between a name and a city that
# stands for its oblast.
_CONVERSION = re.compile(
    r"\s*\(\s*(?:about\s+|some\s+)?[\d.,]+\s*(?:miles?|mi|km|kilomet(?:re|er)s?)\s*\)"
)
_OBLAST_NOUN_OF = re.compile(
    # ("Luhansk's villages of @1 and @2": the possessive and the plural too)
    r"(?:['’]s)?\s+(?:(?:region|oblast|province)(?:['’]s)?\s+)?(?:villages?|towns?|settlements?)"
    r"\s+of\s+"
)
_GOVERNED = re.compile(
    r"[-\u2010\u2011](?:backed|installed|appointed|aligned|led|controlled|held|friendly|imposed)\b",
    re.IGNORECASE,
)
_BORDER_KM = 15.0  # "by the border with a region": this close to one of its places
_ACROSS_LINE_KM = 5.0  # a place "in" a region this close to one of its places may be meant
# "Yablunivka, around nine kilometers from the Russian border", "Tykhe, just inside the
# border with Russia": where along the front a namesake lies
_RUSSIAN_BORDER = re.compile(
    r"(?i)[”\"’']?\s*,?\s*(?:(?:a|the)\s+(?:village|town|settlement)\s+)?"
    r"(?:(?:located|situated|lying|which\s+(?:is|lies))\s+)?"
    r"(?:(?:just|about|around|some|roughly|approximately|less\s+than|only|barely)\s+)*"
    r"(?:(?P<km>\d+(?:\.\d+)?|[a-z]+)\s*(?:km|kilometers|kilometres)\s*(?:\([^()]{0,25}\)\s*)?"
    r"(?:from|of|away\s+from)\s+|(?:near|inside|along|by|on|at|close\s+to|next\s+to)\s+)"
    r"(?:the\s+)?(?:(?:ukraine|russia)['’]s\s+)?(?:(?:russian|state)\s+border|border\s+with\s+russia)"
)
# Border-zone places stand in for the border line: the nearest lies a few km beyond it.
_BORDER_SLACK_KM = 20.0
_LIST_LINKS = frozenset({",", "and", "or", ", and", ", or", "і", "й", "и", "та"})
# A village named in a list beside a place this close to it is that place's neighbour.
_LIST_VILLAGE_KM = 15.0
_LIST_GAP = 8  # characters between two names of one list at most (", and ")
_IN_CITY = frozenset({"in", ", in", "у", "в"})
# Where a clause ends right after a name ("… in Kamyanske, Zaporizhzhia.")
_CLAUSE_END = re.compile(r"\s*(?:[.;:!?)]|\n|$)")
_TOKEN_PREFIXES = ("", "(", "“", '"', "«")
_TOKEN_SUFFIXES = ("", ".", ",", ";", ":", "!", "?", ")", "”", '"', "»", *_POSSESSIVE)
_MAX_WORDS = 4
# Nouns that say the name after them is a village, not the city of that name.
_SMALL_PLACE_NOUNS = tuple(
    f"{noun}{tail}"
    for noun in (
        *("village", "settlement", "hamlet", "villages", "settlements", "hamlets"),
        *("село", "селище", "деревня", "поселок"),
    )
    for tail in (" ", " of ")
)
# …and those that name it outright: "the village of", "the settlements of"
_NAMING_NOUNS = tuple(noun for noun in _SMALL_PLACE_NOUNS if noun.endswith(" of "))
# Nouns that call a place a village, after its name ("Makiivka village") or before it: no
# place this large is meant ("the settlements of Popasna, Rubizhne" may still be towns).
_VILLAGE_NOUNS = frozenset({"village", "hamlet", "село", "деревня"})
_VILLAGE_BEFORE = tuple(
    n for n in _SMALL_PLACE_NOUNS if n.split()[0] in _VILLAGE_NOUNS | {"villages", "hamlets"}
)
VILLAGE_MAX_POPULATION = 40_000
# Words between a name and its region word ("the Kharkiv border region")
_REGION_EPITHETS = frozenset({"border", "frontier", "frontline", "front-line"})
_LIST_OPENING = " -–—(:"
_INFLECTED = 0.95  # a declined Cyrillic form matched through its nominative
_CYRILLIC_VOWELS = "аеєиіїоуюяыэё"
_MIN_KEY = 3
_MIN_FUZZY_WORD = 5
_ANCHOR_SHARE = 0.35  # a first choice this sure anchors the others (measured over the sets)
_MAX_ALTERNATIVES = 5
_CUE_WINDOW = 40
_CACHE_MAX = 100_000
_ALIKE_LEAST = 2  # other places that must lie together before a stray name is respelt
_ALIKE_DOUBT = 0.8  # a respelt name is less sure than a name spelt as the gazetteer has it
_LISTED_KM = 25.0  # a list item the gazetteer lacks is respelt only as a place this close
# A capitalised word listed right before or after a name: "Striliche, @", "@ and Slatina"
# (one word alone: "Borivska Andriivka" is a two-word name, not a list item)
_LISTED_BEFORE = re.compile(
    r"(?<![A-Z][a-z'’]\s)(?<![\w'’-])(?P<w>[A-Z][a-z'’]{4,})(?:\s*,\s*(?:and\s+)?|\s+and\s+)$"
)
_LISTED_AFTER = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<w>[A-Z][a-z'’]{4,})(?![\w'’-]|\s+[A-Z])"
)
_NEAR_KM = 100.0  # a doubtful place this close to a settled one is backed by it
_FAR_KM = 180.0  # a misspelt name or stray village this far from every other place is dropped
# A village without namesakes is dropped beside this many far places, and backs the others up
_LONE_VILLAGE = 3
# Words that put a place in another part of the country than the rest of the text
_ELSEWHERE = re.compile(
    r"(?i)(?<![\w-])(?:(?:further|farther)\s+(?:north|south|east|west)|(?:north|south|east|west)ern"
    r"\s+(?:ukrainian|russian|[\w-]+\s+region|[\w-]+\s+oblast|front)|on\s+the\s+(?:northern"
    r"|southern|eastern|western)\s+front|elsewhere)(?![\w-])"
)
_ELSEWHERE_REACH = 50
# "… in the Donetsk and Lugansk regions respectively"
_RESPECTIVELY = re.compile(r"\s+(?:regions|oblasts|provinces)?\s*,?\s*respectively\b")
_PLURAL_REGIONS = re.compile(r"\s+(?:regions|oblasts|provinces)\b(?!\s*,?\s*respectively)")
# (", located in the"; "situated in")
_IN_THE = re.compile(r"\s*,?\s+(?:(?:located|situated)\s+)?in\s+(?:the\s+)?")
_IN_REGIONS_OF = re.compile(
    r"\s*,?\s+(?:(?:located|situated)\s+)?in\s+(?:the\s+)?(?:[a-z]+\s+)?(?:regions|oblasts"
    r"|provinces)\s+of\s+(?:the\s+)?"
)
# "In the @ region, …" opening a sentence, and where the sentence ends
# …after a sentence's end, a colon or semicolon, or a bullet ("  • in Kharkiv Oblast, …"), or
# after an opening adverb ("Meanwhile, in Donetsk Oblast, …", "Further south, in the …")
_FRONTED_REGION_BEFORE = re.compile(
    r"(?:(?:^|[.!?]\s+|\n\s*)In|(?:[:;]\s+|\n\s*[•·▪*–—-]\s*)[Ii]n"
    r"|(?:^|[.!?]\s+|\n\s*)[A-Z][a-z]+(?:\s+[a-z]+)?,\s+in)\s+(?:the\s+)?$"
)
_FRONTED_REGION_AFTER = re.compile(r"\s+(?:region|oblast|Oblast|Region)\s*,")
_REGION_OF_BEFORE = re.compile(r"\b(?:region|oblast|province)\s+of\s+$", re.IGNORECASE)
_FULL_STOP = re.compile(r"[.!?](?:\s|$)|\n")
_CLOSING_QUOTE = re.compile(r"^[”\"»’']+(?=\s)")
# Words naming a district after its town, and how far from the town its villages may lie
_DISTRICT_WORDS = frozenset({"district", "districts", "raion", "rayon"})
_DISTRICT_KM = 60.0
_CLEAR_TOWN = 0.9  # a town scored this far above its namesakes is taken as named
_CLEAR_WAR_ZONE_VILLAGE = 0.8  # …and a village of the war zone this far
_CAPITALS = frozenset({(50.5, 30.5), (55.8, 37.6)})  # Kyiv, Moscow: (lat, lon) to 0.1 degree
_KM_PER_DEGREE = 111.19  # of latitude, a little under the mean great circle's 111.195
_LONE_REACH_KM = 150.0  # a name's only place farther than this from its stated landmark is not it
_RELATED_KM = 60.0  # "X east of Y": candidates for X farther than this from Y are dropped
_NEAR_RELATED_KM = 45.0  # "X near Y": the same for a relation with no direction
_NEAR_CLOSE_KM = 20.0  # …of which a namesake this close is the one meant
_BEARING_SLACK = 55.0  # degrees a place may lie off a stated compass direction
_BEARING_SLACK_LOOSE = 80.0  # when no candidate lies within _BEARING_SLACK
_BEARING_SLACK_TIGHT = 25.0  # …and of those within it, the ones this close to the direction


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Words that steer mention finding, read from ``kharkivmap/lexicon``."""

    not_places: frozenset[str]
    english_words: frozenset[str]
    first_names: frozenset[str]
    region_words: frozenset[str]
    plural_region_words: frozenset[str]
    administration_after: tuple[str, ...]
    administration_first: frozenset[str]
    qualifier_links: frozenset[str]
    republics: re.Pattern[str]  # "in the DPR": the capital city's name in group "r"
    republic_cities: dict[str, str]
    border_links: re.Pattern[str]
    relation_words: tuple[str, ...]
    distance_relations: frozenset[str]  # relations only after a distance ("26 km from")
    name_prefixes: frozenset[str]  # "Nova" in "Nova Kamianka": a longer name begins
    name_tails: frozenset[str]  # "Yar" in "Rusyn Yar": a longer name ends
    distance_units: tuple[str, ...]
    not_settlement_after: frozenset[str]
    not_settlement_before: frozenset[str]
    country_cues: dict[str, tuple[str, ...]]
    country_names: dict[str, tuple[str, ...]]
    cyrillic_endings: tuple[tuple[str, str], ...]
    alternating_vowels: dict[str, str]
    bearings: dict[str, float]  # compass degrees of "east of" and the like
    number_words: dict[str, float]  # "five kilometers"


def _word_list(name: str) -> frozenset[str]:
    text = (resources.files("kharkivmap") / "lexicon" / name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon (read once per process)."""
    folder = resources.files("kharkivmap") / "lexicon"
    context = json.loads((folder / "place_context.json").read_text(encoding="utf-8"))
    # the surnames of those who speak for a side are never places ("Gaidai said" is no Haidary)
    claimants = json.loads((folder / "claimants.json").read_text(encoding="utf-8"))
    return Lexicon(
        not_places=_word_list("not_places.txt") | frozenset(claimants["people"]),
        english_words=_word_list("english_words.txt"),
        first_names=_word_list("first_names.txt"),
        region_words=frozenset(context["region_words"]),
        plural_region_words=frozenset(context["plural_region_words"]),
        administration_after=tuple(f" {words}" for words in context["administration_after"]),
        administration_first=frozenset(w.split()[0] for w in context["administration_after"]),
        qualifier_links=frozenset(context["qualifier_links"]),
        republics=re.compile(
            r"\s*,?\s+in\s+(?:the\s+)?(?:self-proclaimed\s+)?(?P<r>"
            + "|".join(context["republics"])
            + r")(?![\w-])"
        ),
        republic_cities=dict(context["republics"]),
        border_links=re.compile(
            r"\s*,?\s*(?:" + "|".join(re.escape(b) for b in context["border_links"]) + r")"
            r"\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        relation_words=tuple(context["relation_words"]),
        distance_relations=frozenset(context["distance_relations"]),
        name_prefixes=frozenset(context["name_prefixes"]),
        name_tails=frozenset(context["name_tails"]),
        distance_units=tuple(context["distance_units"]),
        not_settlement_after=frozenset(context["not_settlement_after"]),
        not_settlement_before=frozenset(context["not_settlement_before"]),
        country_cues={k: tuple(v) for k, v in context["country_cues"].items()},
        country_names={k: tuple(v) for k, v in context["country_names"].items()},
        cyrillic_endings=tuple((ending, base) for ending, base in context["cyrillic_endings"]),
        alternating_vowels=dict(context["alternating_vowels"]),
        bearings={k: float(v) for k, v in context["bearings"].items()},
        number_words={k: float(v) for k, v in context["number_words"].items()},
    )


# " and Mala Oleksandrivka" after "Velyka": a second name adjective and the shared noun
# "Velyka and Mala Oleksandrivka", "Velyka, Mala Oleksandrivka"
_ELIDED_PAIR = re.compile(r"(?:\s+(?:and|or|&)|\s*,)\s+([A-Z][a-z]+)\s+([A-Z][\w'’-]+)")


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    key: str
    entries: tuple[int, ...]
    quality: float
    region: bool = False
    plural: bool = False  # "Kharkiv and Donetsk regions"
    axis: bool = False  # "the Lyman direction": a front named after its town, not a village
    country: str | None = None
    qualifier: _Span | None = None  # the region named right next to it
    anchor: _Span | None = None  # the place it is said to be near ("east of Toretsk")
    fuzzy: bool = False  # matched as a misspelling of a gazetteer name
    inherited: bool = False  # the qualifier is the next list member's ("A and B in X region")
    distance: float | None = None  # km from the anchor, when the text says it
    bearing: float | None = None  # compass degrees from the anchor ("east of": 90)
    small: bool = False  # a small-place noun stands right before it ("the village of")
    village: bool = False  # "village" itself names it, before or after ("Makiivka village")
    border: _Span | None = None  # the region it is said to be by ("near the border with X")
    by_russia: float | None = None  # km from the Russian border it is said to lie (0: "near")
    district: bool = False  # a region word for a district follows it ("the Izium district")


@dataclass(slots=True)
class _Word:
    """What a capitalised word is on its own, worked out once per distinct word so that each
    of its occurrences only checks the words around it."""

    cut: int  # its length without a possessive 's
    key: str  # the folded word without the possessive
    starts: bool  # it may begin a multi-word name (and has no possessive)
    entries: tuple[int, ...]  # the places it names alone, declined forms included
    common: bool  # a common word (only worked out when it names places)
    first_name: bool
    cyrillic: bool
    may_be_typo: bool  # long, unfamiliar and not all capitals: worth a fuzzy match
    never: bool | None = None  # no place anywhere, even fuzzily (worked out on first miss)


class MentionFinder:
    """Scans texts for the places of one gazetteer; keeps per-word caches between texts."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._lexicon = lexicon()
        self._keys: dict[str, str] = {}
        self._fuzzy: dict[str, tuple[str, float] | None] = {}
        self._dead: set[str] = set()  # capitalised words known to be no place anywhere
        self._words: dict[str, _Word] = {}
        self._inflections: dict[str, tuple[int, ...]] = {}
        self._common: dict[str, bool] = {}
        self._ids: dict[tuple[int, ...], frozenset[str]] = {}
        self._links: dict[str, str | None] = {}
        self._first_names = frozenset(fold(name) for name in self._lexicon.first_names)
        self._city_tokens: tuple[dict[str, str], frozenset[str]] | None = None
        # Cue phrases by their last word, so a name is checked against a handful of them.
        self._cues: dict[str, list[tuple[str, str]]] = {}
        for country, cues in self._lexicon.country_cues.items():
            for cue in cues:
                self._cues.setdefault(cue.split()[-1], []).append((cue + " ", country))
        relation_words = (*self._lexicon.relation_words, *self._lexicon.distance_relations)
        relations = "|".join(re.escape(w) for w in sorted(relation_words, key=len, reverse=True))
        units = "|".join(re.escape(w) for w in self._lexicon.distance_units)
        numbers = "|".join(self._lexicon.number_words)
        # ", located almost 110 kilometers (68.3 miles) east of": the number is kept
        distance = (
            rf"(?:[^\W\d]+\s+){{0,2}}?(?P<n>\d+(?:[.,]\d+)?|{numbers})\s*-?\s*(?P<unit>{units})\s+"
            r"(?:\([^()]{0,30}\)\s+)?"
        )
        # ("another frontline village some 15 kilometers away from")
        appositive = (
            r"(?:(?:(?:a|an|another)\s+)?(?:[a-z-]+\s+){0,2}?(?:village|town|city|settlement)\s+)?"
        )
        # a quotation may close right after the name ("have captured Mykolaivka”, 12 km …")
        self._relation = re.compile(
            # "Krupets (both southeast of Sudzha)": the relation may stand in brackets
            # ("Hannivka village, nearly 9 kilometers south of": the noun after the name)
            rf"[”\"»’']?(?:\s+(?:village|town|settlement))?\s*,?\s*(?:\(\s*(?:both\s+|all\s+)?)?"
            rf"{_WHICH_LIES_BODY}?{appositive}"
            rf"(?:(?:located|situated|lying|some|about|around|roughly|almost"
            rf"|nearly|just)\s+)*(?:{distance})?(?:to\s+the\s+)?(?P<rel>{relations})\s+(?:the\s+)?"
            # "near eastern Ukraine's Pokrovsk": the country names no place of its own
            r"(?:(?:[a-z-]+\s+)?(?:ukraine|russia)['’]s\s+)?"
            # "near the virtually destroyed town of": words describing the town may come first
            rf"(?:(?:[a-z-]+\s+){{0,3}}?(?:city|town|hub|stronghold)\s+of\s+)?"
        )
        self._relation_ends = (*relation_words, "the", "of", "ukraine's", "ukraine’s", "russia's")
        self._relation_tail = max(map(len, self._relation_ends))
        # A gap with more letters than the longest link word is no link; most gaps between
        # names span sentences, and are not normalised to find that out.
        links = (*self._lexicon.qualifier_links, *_IN_CITY, *_LIST_LINKS)
        self._short_gap = re.compile(rf"\s*(?:\S\s*){{0,{max(map(len, links))}}}")

    def find(self, text: str) -> list[Mention]:
        """Mentions in text order (see :meth:`Gazetteer.find_mentions`)."""
        spans = self._narrow(self._spans(text), text)
        if not spans:
            return []
        mentions = self._spelt_alike(_glossed(text, self._resolve(spans, text)))
        return self._listed_respelt(text, mentions)

    def _listed_respelt(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Words the gazetteer lacks, listed right beside a named place ("Striliche, Krasne,
        Pylna and Borysivka"), as the place near it spelt most like them: a list names
        neighbours, and sources transliterate the same village several ways."""
        if not mentions:
            return mentions
        found: dict[int, Mention] = {}
        taken = {m.start for m in mentions}
        for mention in mentions:
            if mention.place.kind in _TOWN_KINDS:
                continue  # a list of villages, not a city and a name beside it
            anchor = (mention.place.lat, mention.place.lon)
            for item in _listed_words(text, mention):
                start, end = item.span("w")
                if start in taken or start in found:
                    continue
                word = item.group("w")
                if not self._may_be_misspelled(word) or word.lower() in self._first_names:
                    continue
                key = self._key(word)
                if self._gazetteer.lookup(key):
                    continue  # a name the text's reading dropped, not one to respell
                row = self._gazetteer.spelt_like_near(key, [anchor], _LISTED_KM)
                if row is None:
                    continue
                place = self._gazetteer.place_at(row)
                score = round(mention.score * _ALIKE_DOUBT, 3)
                found[start] = Mention(start, end, word, place, score)
        if not found:
            return mentions
        return sorted([*mentions, *found.values()], key=lambda m: m.start)

    def _spelt_alike(self, mentions: list[Mention]) -> list[Mention]:
        """A village named far from every other place of the text, when a place spelt almost
        alike lies among them, is that one: "Hlyboka, Lukiantsi in Kharkiv region" names the
        Kharkiv-oblast Hlyboke, not Hlyboka in Chernivtsi oblast, 900 km west."""
        if len(mentions) < _ALIKE_LEAST + 1:
            return mentions
        points = _Points({(m.place.lat, m.place.lon) for m in mentions})
        if points.count < _ALIKE_LEAST + 1:
            return mentions
        out = mentions
        moved: dict[str, Place | None] = {}
        for k, mention in enumerate(mentions):
            place = mention.place
            if place.kind in _TOWN_KINDS or points.within((place.lat, place.lon), _FAR_KM):
                continue
            key = self._key(mention.text)
            if key not in moved:
                found = self._gazetteer.spelt_alike_near(
                    key, lambda here: points.within(here, _NEAR_KM)
                )
                moved[key] = None if found is None else self._gazetteer.place_at(found)
            better = moved[key]
            if better is not None:
                out = list(out) if out is mentions else out
                out[k] = replace(mention, place=better, score=mention.score * _ALIKE_DOUBT)
        return out

    def text_evidence(self, text: str, *, exclude: str = "") -> Evidence:
        """What a text tells about location: oblasts it names, anchor places, a country."""
        spans = [span for span in self._narrow(self._spans(text), text) if span.key != exclude]
        evidence = self._evidence(spans, self._first_choices(spans))
        evidence.within = {self._gazetteer.region_of(self._best(s)) for s in spans if s.region}
        lowered = text.lower()
        for country, names in self._lexicon.country_names.items():
            if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", lowered) for n in names):
                evidence.country = country
        return evidence

    # --- scanning ----------------------------------------------------------------------------

    def _key(self, surface: str) -> str:
        key = self._keys.get(surface)
        if key is None:
            if len(self._keys) >= _CACHE_MAX:
                self._keys.clear()
            key = self._keys[surface] = fold(surface)
        return key

    def _spans(self, text: str) -> list[_Span]:
        spans: list[_Span] = []
        resume = 0
        dead = self._dead
        words = self._words
        size = len(text)
        for match in _CAPITALISED.finditer(text):
            surface = match.group()
            if surface in dead:  # most capitalised words: checked first, as cheaply as possible
                continue
            start, end = match.span()
            if start < resume or (start and (text[start - 1].isalnum() or _inside(text, start))):
                continue
            if end < size and text[end].isdigit():
                continue
            word = words.get(surface) or self._word(surface)
            span = self._longest(text, start, end, word)
            if word.cyrillic and (span is None or span.end == start + word.cut):
                # "у Великому Бурлуці": a declined adjective may be a place alone ("Велике")
                # and the first word of a longer one; the longer reading wins
                longer = self._inflected_span(text, start, end)
                if longer is not None and (span is None or longer.end > span.end):
                    span = longer
            if span is None and word.may_be_typo:
                span = self._fuzzy_span(text, start, start + word.cut)
            if span is None and surface.lower() in self._lexicon.name_prefixes:
                # "Velyka and Mala Oleksandrivka"; "Velykyi Burliuk" for Velykyi Burluk
                span = self._elided_span(text, start, end) or self._prefixed_typo(text, start, end)
            if span is not None and span.end < size and text[span.end] in " -":
                # "Cherkasy Tyshky", "Rai-Olekandrivka": two words misspelling one name
                span = self._compound_span(text, span) or span
            if span is not None and (
                self._after_name_prefix(text, start)
                or (
                    self._before_unknown_name(text, span.end)
                    # ("the Kurakhove-Konstantinopolske area": a town joined to a village the
                    # gazetteer lacks names an area, the town one end of it)
                    and not (text[span.end] == "-" and self._names_a_town(span))
                )
            ):
                # "Nova Kamianka", "Cherkasy Tyshky": a longer name the gazetteer lacks
                continue
            if span is not None:
                spans.append(span)
                resume = span.end
            else:
                if word.never is None:
                    word.never = self._never_a_place(surface)
                if word.never:
                    if len(dead) >= _CACHE_MAX:
                        dead.clear()
                    dead.add(surface)
        spans.extend(self._lowercase_cities(text, spans))
        spans = [span for span in spans if self._is_settlement(text, span)]
        spans.sort(key=lambda s: s.start)
        for n, span in enumerate(spans):
            self._mark_context(text, span)
            if n and (spans[n - 1].small or spans[n - 1].village) and not span.small:
                # "the villages of @1, @2 and Pushkino": the noun covers the whole list
                gap = text[spans[n - 1].end : span.start]
                listed = len(gap) < 8 and _link_words(gap) in _LIST_LINKS
                span.small = listed
                span.village = listed and spans[n - 1].village
            if n and spans[n - 1].key != span.key and span.plural:
                gap = text[spans[n - 1].end : span.start]
                spans[n - 1].region = spans[n - 1].region or gap in _CONJUNCTIONS
                spans[n - 1].plural = spans[n - 1].region
            if n and span.axis and text[spans[n - 1].end : span.start] in _CONJUNCTIONS:
                spans[n - 1].axis = True  # "the Pokrovsk and Lyman directions"
        for span in spans:
            self._community_town(text, span)
        self._link(text, spans)
        for span in spans:
            by_russia = _RUSSIAN_BORDER.match(text, span.end)
            if by_russia:
                km = by_russia.group("km") or "0"
                said = float(km) if km[0].isdigit() else self._lexicon.number_words.get(km.lower())
                span.by_russia = said
        return _without_hyphenated_names(text, spans)

    def _after_name_prefix(self, text: str, start: int) -> bool:
        """Whether a capitalised adjective that begins two-word names stands right before."""
        previous = _previous_word(text, start)
        return previous[:1].isupper() and previous.lower() in self._lexicon.name_prefixes

    def _elided_span(self, text: str, start: int, end: int) -> _Span | None:
        """The first of two names sharing their noun ("Velyka and Mala Oleksandrivka"): the
        adjective alone stands for its whole name, if the gazetteer has it."""
        pair = _ELIDED_PAIR.match(text, end)
        if pair is None or pair.group(1).lower() not in self._lexicon.name_prefixes:
            return None
        key = self._key(f"{text[start:end]} {pair.group(2)}")
        entries = self._gazetteer.lookup(key)
        return _Span(start, end, key, entries, 1.0) if entries else None

    def _prefixed_typo(self, text: str, start: int, end: int) -> _Span | None:
        """A name adjective and a misspelled noun ("Velykyi Burliuk"), if the gazetteer has a
        two-word name close enough that begins with the adjective."""
        if text[end : end + 1] != " ":
            return None
        following = _WORD.match(text, end + 1)
        if following is None or not following.group()[0].isupper():
            return None
        stop = _trim(text, following.start(), following.end())
        key = self._key(text[start:stop])
        match = self._fuzzy_match(key)
        prefix = self._key(text[start:end])
        if match is None or not match[0].startswith(prefix) or len(match[0]) <= len(prefix) + 2:
            return None
        return _Span(start, stop, match[0], self._gazetteer.lookup(match[0]), match[1], fuzzy=True)

    def _compound_span(self, text: str, span: _Span) -> _Span | None:
        """A two-word name misspelled, where the first word alone is a name ("Cherkasy Tyshky"
        for Cherkaski Tyshky, "Rai-Olekandrivka" for Rai-Oleksandrivka), if the gazetteer has
        one close enough; the bounds are :meth:`Gazetteer.fuzzy`'s."""
        following = _WORD.match(text, span.end + 1)
        if following is None or not following.group()[0].isupper():
            return None
        end = _trim(text, following.start(), following.end())
        key = self._key(text[span.start : end])
        if self._gazetteer.lookup(key):
            return None  # a name spelled right was matched whole already
        match = self._fuzzy_match(key)
        if match is None or len(match[0]) <= len(span.key) + 2:
            return None  # the first word's own name, or a name no longer than it
        return _Span(
            span.start, end, match[0], self._gazetteer.lookup(match[0]), match[1], fuzzy=True
        )

    def _community_town(self, text: str, span: _Span) -> None:
        """A community named by its town's adjective is that town's ("Vovchanska community" is
        Vovchansk's, not the village Vovchanske; "Yunakivska hromada", Yunakivka's)."""
        if not _COMMUNITY_AFTER.match(text, span.end):
            return
        surface = text[span.start : span.end]
        if surface.endswith("ivska"):
            town = surface[:-5] + "ivka"
        elif surface.endswith("ska"):
            town = surface[:-1]
        else:
            return
        key = self._key(town)
        entries = self._gazetteer.lookup(key)
        if entries:
            span.key, span.entries = key, tuple(entries)

    def _names_a_town(self, span: _Span) -> bool:
        row = self._gazetteer.row
        return any(row(row_number(e))[11] in _TOWN_KINDS for e in span.entries)

    def _before_unknown_name(self, text: str, end: int) -> bool:
        """Whether a capitalised word no dictionary knows follows a name: "Cherkasy Tyshky" is
        a village whose name the gazetteer lacks in this spelling, not the city of Cherkasy.
        Words that are English, a region or an organisation after a name ("Kharkiv Oblast",
        "Kyiv Independent") or that begin a name of their own do not count."""
        # "Rusyn Yar", and "Kleban-Byk" after a hyphen
        if text[end : end + 1] not in (" ", "-") or not text[end + 1 : end + 2].isupper():
            return False
        after = _WORD.match(text, end + 1)
        if after is None:
            return False
        word = after.group()
        word = word[:-2] if word.endswith(_POSSESSIVE) else word
        if not (len(word) >= 3 and word.isascii() and word[0].isupper() and word[1:].islower()):
            return False
        lowered = word.lower()
        lexicon = self._lexicon
        if (
            lowered in lexicon.english_words
            or lowered in lexicon.not_places
            or lowered in lexicon.region_words
            or lowered in lexicon.not_settlement_after
        ):
            return False
        if lowered in lexicon.name_tails:
            return True  # "Yar", "Balka", "Brid" end longer names
        key = self._key(word)
        return not (self._gazetteer.lookup(key) or self._gazetteer.starts_name(key))

    def _is_settlement(self, text: str, span: _Span) -> bool:
        """False for a name used for an organisation or a river ("Vostok group", "Dnipro river").

        A hyphenated pair of places ("the Izium-Balakliia group") names the area a force holds,
        so it stays a mention.
        """
        if span.start and text[span.start - 1] in "-\u2010\u2011":
            return True
        at = _trim(text, span.start, span.end)
        if _GOVERNED.match(text, at):
            return False  # "Moscow-backed forces", "Kyiv-controlled territory": a government
        at = at + 2 if text[at : at + 2] in _POSSESSIVE else at
        after = _WORD.match(text, at + 1) if text[at : at + 1] in " \u00a0" else None
        if after and after.group().lower() in self._lexicon.not_settlement_after:
            return False
        if after and _UNIT_AFTER.match(text, at):
            return False  # "the Zaporizhzhia separate territorial defense brigade": a unit
        quote = text[max(0, span.start - 4) : span.start].rstrip()[-1:]
        unit_from = max(0, span.start - 40)
        if quote and quote in _QUOTES and _UNIT_BEFORE.search(text, unit_from, span.start):
            return False  # "the joint strategic group of troops "Tavria"": a unit's name
        previous = _previous_word(text, span.start).lower()
        return previous not in self._lexicon.not_settlement_before

    def _link(self, text: str, spans: list[_Span]) -> None:
        """Tie a name to the region that qualifies it and to the place it is said to be near.

        "Stepove, Zaporizhzhia region", "Urozhaine in Donetsk Oblast", "Donetsk Oblast's
        Blahodatne" and "Druzhba east of Toretsk" each name where a homonym is; such a
        statement outweighs every prior, so it narrows the candidates instead of being weighed.
        """
        qualified: dict[int, _Span] = {}  # a region span's id → the place it just qualified
        for first, second in itertools.pairwise(spans):
            gap = text[first.end : second.start]
            if not first.region and _OBLAST_NOUN_OF.fullmatch(gap) and self._is_city(first):
                # "the Luhansk village of Makeyevka": the city's name stands for its oblast
                first.region = True
            link = None if first.region else self._link_between(gap)
            if second.region and not first.region:
                if link in self._lexicon.qualifier_links:
                    first.qualifier = second
                elif self._lexicon.border_links.fullmatch(gap):
                    first.border = second
            elif link in _IN_CITY and not first.region and self._is_city(second):
                # a village "in Zaporizhzhia" is in that city's oblast, not in the city
                if not self._is_city(first):
                    first.qualifier = second
            elif (
                link == ","
                and not first.region
                and _CLAUSE_END.match(text, second.end)
                and self._is_oblast_centre(second)
                and not self._is_oblast_centre(first)
            ):
                # "positions in Kamyanske, Zaporizhzhia.": a label of the oblast the place is in
                first.qualifier = second
            elif first.region and not second.region:
                words = _WORD.findall(gap.lower())
                possessive = len(words) == 1 and words[0].endswith(_POSSESSIVE)
                if possessive and words[0][:-2] in self._lexicon.region_words:
                    second.qualifier = first
                elif _REGION_THEN_LIST.fullmatch(gap):
                    # "three villages in Donetsk region: @1, @2 and @3"
                    second.qualifier = first
                elif _OBLAST_NOUN_OF.fullmatch(gap):
                    second.qualifier = first  # "the Luhansk village of @1"
            elif (
                first.qualifier is not None
                and first.qualifier.end <= first.start
                and not second.region
                and link in _LIST_LINKS
            ):
                second.qualifier = first.qualifier  # the rest of a list the region opened
            if not second.region:
                # "@1 in the Donetsk region, which lies around 25 km southeast of @2": the
                # relation is the place's, not its region's
                placed: _Span | None = first
                which = _WHICH_LIES.match(gap) if first.region else None
                if first.region:
                    placed = qualified.get(id(first)) if which else None
                related = self._related(gap[which.start("comma") :] if which else gap)
                if (
                    related
                    and placed is not None
                    and (
                        related.group("n")
                        or related.group("rel") not in self._lexicon.distance_relations
                    )
                ):
                    placed.anchor = second
                    rel = related.group("rel").replace("-", "")
                    placed.bearing = self._lexicon.bearings.get(rel)
                    if related.group("n"):
                        miles = related.group("unit").startswith("mi")
                        number = related.group("n")
                        number_words = self._lexicon.number_words
                        value = number_words.get(number) or float(number.replace(",", "."))
                        placed.distance = value * (1.609 if miles else 1.0)
            if first.qualifier is second:
                qualified[id(second)] = first
        for span in spans:
            if span.qualifier is None and not span.region:
                span.qualifier = self._republic(text, span.end)
        self._fronted_region(text, spans)
        self._respective_regions(text, spans)
        # "Zelenyi Hai and Dobropillia in Zaporizhzhia": the region qualifies the whole list
        for n in range(len(spans) - 1, 0, -1):
            before, named = spans[n - 1], spans[n]
            if named.qualifier is None or before.qualifier is not None or before.region:
                continue
            if self._is_city(before):
                continue  # "Kharkiv and Lyman in Donetsk Oblast": the city is itself
            gap = text[before.end : named.start]
            if not self._short_gap.fullmatch(gap):
                continue
            if _link_words(gap) in _LIST_LINKS:
                before.qualifier = named.qualifier
                before.inherited = True

    def _respective_regions(self, text: str, spans: list[_Span]) -> None:
        """ "Shevchenko and Novoyegorivka in the Donetsk and Lugansk regions respectively", "…
        in the regions of Donetsk and Lugansk respectively": the k-th region qualifies the k-th
        name."""
        said = _RESPECTIVELY.finditer(text) if "respectively" in text else iter(())
        # (most texts name no plural region: spared the scan)
        plural = any(word in text for word in ("regions", "oblasts", "provinces"))
        paired = _PLURAL_REGIONS.finditer(text) if plural else iter(())
        for m in itertools.chain(said, paired):
            # without "respectively" only where each name has a namesake in its region
            # ("Pokrovsk and Volchansk in the Donetsk and Kharkiv regions")
            plain = m.re is _PLURAL_REGIONS
            before = [s for s in spans if s.end <= m.start() and s.start >= m.start() - 160]
            for k in range(1, len(before)):
                first_region = before[k]
                gap = text[before[k - 1].end : first_region.start]
                of_form = _IN_REGIONS_OF.fullmatch(gap) is not None
                if not (of_form or (_IN_THE.fullmatch(gap) and first_region.region)):
                    continue
                regions, names = before[k:], before[:k]
                if len(regions) < 2 or len(names) < len(regions):
                    break
                pairs = list(zip(names[-len(regions) :], regions, strict=True))
                if plain and not all(self._in_region(n, r) for n, r in pairs):
                    break
                for name, region in pairs:
                    if of_form:
                        region.region = True
                    name.qualifier = region
                break

    def _in_region(self, name: _Span, region: _Span) -> bool:
        """Whether a namesake of ``name`` lies in the oblast ``region`` names."""
        oblast = self._gazetteer.region_of(self._best(region))
        row = self._gazetteer.row
        return any(row(row_number(e))[5] == oblast for e in name.entries)

    def _fronted_region(self, text: str, spans: list[_Span]) -> None:
        """ "In the Luhansk region, 12 settlements have been liberated, including Makiivka": a
        region opening the sentence qualifies the places named in the rest of it."""
        for n, region in enumerate(spans):
            if not region.region or not _FRONTED_REGION_BEFORE.search(
                text, max(0, region.start - 32), region.start
            ):
                continue
            if not _FRONTED_REGION_AFTER.match(text, region.end):
                continue
            stop = _FULL_STOP.search(text, region.end)
            end = stop.start() if stop else len(text)
            for span in spans[n + 1 :]:
                if span.start >= end:
                    break
                if span.qualifier is None and not span.region:
                    span.qualifier = region
                    span.inherited = True

    def _republic(self, text: str, end: int) -> _Span | None:
        """The oblast a self-proclaimed republic's abbreviation after a name stands for
        ("Krasnoarmeysk in the DPR"), as a region span of its capital's name."""
        found = self._lexicon.republics.match(text, end)
        if found is None:
            return None
        key = self._key(self._lexicon.republic_cities[found.group("r")])
        entries = self._gazetteer.lookup(key)
        if not entries:
            return None
        return _Span(found.start("r"), found.end("r"), key, entries, 1.0, region=True)

    def _link_between(self, gap: str) -> str | None:
        """The link words between two names (see :func:`_link_words`), or None when the gap is
        too long to be a link; short gaps recur ("and", ", "), so their answer is kept."""
        if len(gap) >= 60:
            return _link_words(gap) if self._short_gap.fullmatch(gap) else None
        if gap in self._links:
            link = self._links[gap]
        else:
            # "Rivne in the eastern Donetsk region", "Kucherivka in Ukraine's northern Kharkiv
            # region": the direction and the country say nothing about which oblast
            core = _COMPASS.sub(" ", gap)
            # "“liberated the village of @1” in the Donetsk region": a quotation closing
            # right after the name is no break
            core = _CLOSING_QUOTE.sub(" ", core)
            # "Oleshnya, the second-to-last village in the Kursk region", "@1 is a tiny
            # settlement in Ukraine's @2 region": an appositive or predicate noun puts its
            # place in the region as "in" does
            core = _APPOSED_IN.sub(" in ", core)
            # "located in the south-eastern region of @": the region's name follows
            core = _REGION_OF_BEFORE.sub(" ", core)
            link = _link_words(core) if self._short_gap.fullmatch(core) else None
            if len(self._links) >= _CACHE_MAX:
                self._links.clear()
            self._links[gap] = link
        return link

    def _related(self, gap: str) -> re.Match[str] | None:
        """The relation a gap states between two names ("5 km east of"), if any.

        Every relation ends in a relation word, "the" or "of" and then spaces; most gaps do
        not, and are told apart by their last letters before being lowered and matched.
        """
        stripped = gap.rstrip()
        if not stripped[-self._relation_tail :].lower().endswith(self._relation_ends):
            return None
        if "(" in gap or '"' in gap or "”" in gap:
            # "," around 30 kilometres (20 miles) west of": a closing quote and a unit
            # conversion say nothing about the relation
            gap = _CONVERSION.sub("", gap).replace('"', "").replace("”", "")
        return self._relation.fullmatch(gap.lower())

    def _settled(self, span: _Span) -> bool:
        """Whether a name surely names one place: a city, or the only place of its name."""
        return len(span.entries) == 1 or self._is_city(span)

    def _is_city(self, span: _Span) -> bool:
        return self._gazetteer.row(self._best(span))[11] == "city"

    def _is_oblast_centre(self, span: _Span) -> bool:
        row = self._gazetteer.row(self._best(span))
        return row[11] == "city" and row[5] == f"{row[1]} Oblast"

    def _never_a_place(self, word: str) -> bool:
        """True when a word cannot start a name nor match one, even fuzzily, in any text."""
        key = self._key(word[: _trim(word, 0, len(word))])
        if self._gazetteer.lookup(key) or self._gazetteer.starts_name(self._key(word)):
            return False
        if _is_cyrillic(word[0]) and self.inflected_entries(word):
            return False
        if not self._may_be_misspelled(word[: _trim(word, 0, len(word))]):
            return True
        return self._fuzzy_match(key) is None

    def _fuzzy_match(self, key: str) -> tuple[str, float] | None:
        """:meth:`Gazetteer.fuzzy` of a folded key, kept: the same words recur in many texts."""
        if key not in self._fuzzy:
            if len(self._fuzzy) >= _CACHE_MAX:
                self._fuzzy.clear()
            self._fuzzy[key] = self._gazetteer.fuzzy(key)
        return self._fuzzy[key]

    def _may_be_misspelled(self, word: str) -> bool:
        """Only long, unfamiliar words may be a misspelled place name."""
        lowered = word.lower()
        return (
            len(word) >= _MIN_FUZZY_WORD
            and lowered not in self._lexicon.english_words
            and lowered not in self._lexicon.not_places
        )

    def _word(self, surface: str) -> _Word:
        """The facts of a capitalised word that do not depend on the text around it."""
        cut = _trim(surface, 0, len(surface))
        bare = surface[:cut]
        key = self._key(bare)
        cyrillic = _is_cyrillic(surface[0])
        entries = self._gazetteer.lookup(key) if len(key) >= _MIN_KEY else ()
        if entries and cyrillic:
            # "Харькове" is a village as written and the city once declined: weigh both.
            rows = {row_number(e) for e in entries}
            entries += tuple(e for e in self.inflected_entries(bare) if row_number(e) not in rows)
        if len(self._words) >= _CACHE_MAX:
            self._words.clear()
        word = self._words[surface] = _Word(
            cut=cut,
            key=key,
            starts=cut == len(surface) and self._gazetteer.starts_name(key),
            entries=entries,
            common=bool(entries) and self._is_common(bare),
            first_name=key in self._first_names,
            cyrillic=cyrillic,
            may_be_typo=not bare.isupper() and self._may_be_misspelled(bare),
        )
        return word

    def _longest(self, text: str, start: int, end: int, word: _Word) -> _Span | None:
        """The longest run of words from ``start`` that names a place, if any."""
        if word.starts:
            span = self._longest_run(text, start, end)
            if span is not None:
                return span
        first_end = start + word.cut
        if word.entries and self._stands_alone(
            text, start, first_end, word.common, word.first_name
        ):
            return _Span(start, first_end, word.key, word.entries, 1.0)
        return None

    def _longest_run(self, text: str, start: int, end: int) -> _Span | None:
        """The longest run of two to four words from ``start`` that names a place, if any."""
        ends: list[int] = []
        at = end
        while len(ends) < _MAX_WORDS - 1:
            following = _NEXT_WORD.match(text, at)
            if following is None:
                break
            if following.group(1)[0].islower() and text[at] in " \u00a0":
                # "Kupiansk as well": a lowercase word after a space continues no name (the
                # gazetteer's names that have one are other languages' forms, such as a
                # Lithuanian "Kupjanskas" that "Kupiansk as" folds to)
                break
            at = following.end()
            trimmed = _trim(text, following.start(1), at)
            ends.append(trimmed)
            if trimmed != at:  # nothing continues past a possessive
                break
        lookup = self._gazetteer.lookup
        for stop in reversed(ends):
            key = self._key(text[start:stop])
            if len(key) >= _MIN_KEY:
                entries = lookup(key)
                if entries:
                    return _Span(start, stop, key, entries, 1.0)
        return None

    def _single_word_ok(self, text: str, start: int, end: int, surface: str) -> bool:
        """False for common words and for words that are part of a person's name."""
        common = self._is_common(surface)
        return self._stands_alone(
            text, start, end, common, not common and self._key(surface) in self._first_names
        )

    def _stands_alone(
        self, text: str, start: int, end: int, common: bool, first_name: bool
    ) -> bool:
        """False for a common word and for a word that is part of a person's name; a common
        word right after "the village of" is the village's name ("the villages of Progress
        and …": Прогрес, Prohres)."""
        if common:
            # (not the first word of a longer name: "the village of Nova Kruhliakivka")
            return (
                text[max(0, start - _CUE_WINDOW) : start].lower().endswith(_NAMING_NOUNS)
                and not text[end : end + 2].lstrip(" -")[:1].isupper()
            )
        if first_name:
            following = _NEXT_WORD.match(text, end)
            if following and text[end] == " " and following.group(1)[0].isupper():
                return False  # "Volodymyr Zelensky": a first name, not the town
        previous = _previous_word(text, start)
        return not previous or self._key(previous) not in self._first_names

    def _is_common(self, word: str) -> bool:
        """True for a word of the not-places list, declined Cyrillic forms included."""
        lowered = word.lower()
        if lowered in self._lexicon.not_places:
            return True
        if not _is_cyrillic(word[0]):
            return False
        common = self._common.get(lowered)
        if common is None:
            if len(self._common) >= _CACHE_MAX:
                self._common.clear()
            forms = self._nominatives(lowered)
            common = self._common[lowered] = any(f in self._lexicon.not_places for f in forms)
        return common

    def _inflected_span(self, text: str, start: int, end: int) -> _Span | None:
        """A Cyrillic name in an oblique case: an adjective and a noun, or one word."""
        ends = [end]
        following = _NEXT_WORD.match(text, end)
        if following and text[end] == " " and _is_cyrillic(following.group(1)[0]):
            ends.append(following.end())
        for stop in reversed(ends):
            surface = text[start:stop]
            entries = self.inflected_entries(surface)
            if entries and (stop != end or self._single_word_ok(text, start, end, surface)):
                return _Span(start, stop, self._key(surface), entries, _INFLECTED)
        return None

    def inflected_entries(self, surface: str) -> tuple[int, ...]:
        """Index entries of every nominative form of a declined Cyrillic name (one or two
        words) that the gazetteer knows."""
        cached = self._inflections.get(surface)
        if cached is not None:
            return cached
        forms = [self._nominatives(word) for word in surface.lower().split(" ")]
        if len(forms) == 2:
            forms = [[f"{a} {b}" for a in forms[0] for b in forms[1]]]
        entries: list[int] = []
        rows: set[int] = set()
        for form in forms[0][1:]:
            key = fold(form)
            if len(key) >= _MIN_KEY and form not in self._lexicon.not_places:
                for entry in self._gazetteer.lookup(key):
                    if row_number(entry) not in rows:
                        rows.add(row_number(entry))
                        entries.append(entry)
        if len(self._inflections) >= _CACHE_MAX:
            self._inflections.clear()
        found = self._inflections[surface] = tuple(entries)
        return found

    def _nominatives(self, word: str) -> list[str]:
        """Possible nominative forms of a lower-case Cyrillic word, the word itself first."""
        forms = [word]
        vowels = self._lexicon.alternating_vowels
        for ending, base in self._lexicon.cyrillic_endings:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: len(word) - len(ending)] + base
                forms.append(stem)
                last = max(stem.rfind(v) for v in _CYRILLIC_VOWELS)
                if last > 0 and stem[last] in vowels and last < len(stem) - 1:
                    forms.append(stem[:last] + vowels[stem[last]] + stem[last + 1 :])
        return forms

    def _fuzzy_span(self, text: str, start: int, end: int) -> _Span | None:
        surface = text[start:end]
        if surface.isupper() or not self._may_be_misspelled(surface):
            return None
        key = self._key(surface)
        if self._fuzzy.get(key, True) is None:
            return None  # known to resemble no name
        at = start - 1
        while at >= 0 and text[at] in " \t\u00a0":
            at -= 1
        if at < 0 or text[at] in _SENTENCE_END:
            return None  # a sentence-initial capital says nothing about a proper noun
        match = self._fuzzy_match(key)
        if match is None or not self._single_word_ok(text, start, end, surface):
            return None
        following = _NEXT_WORD.match(text, end)
        if _previous_word(text, start)[:1].isupper() or (
            following and text[end] == " " and following.group(1)[0].isupper()
        ):
            return None  # an unknown word in a run of capitals is a name or a title, not a typo
        lowered = surface.lower()
        if lowered in text and re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", text):
            return None  # the text uses it as an ordinary word
        return _Span(start, end, match[0], self._gazetteer.lookup(match[0]), match[1], fuzzy=True)

    def _lowercase_cities(self, text: str, taken: list[_Span]) -> list[_Span]:
        tokens, token_set = self._city_token_map()
        hits = {tokens[token] for token in token_set.intersection(text.split())}
        spans = []
        for surface in hits:
            start = text.find(surface)
            while start >= 0:
                end = start + len(surface)
                word = _WORD.match(text, start)
                whole = word is not None and word.end() in (end, end + 2)  # not inside a word
                if (
                    whole
                    and (start == 0 or not (text[start - 1].isalnum() or _inside(text, start)))
                    and not any(s.start <= start < s.end for s in taken)
                ):
                    key = self._key(surface)
                    spans.append(_Span(start, end, key, self._gazetteer.lookup(key), 1.0))
                start = text.find(surface, end)
        return spans

    def _city_token_map(self) -> tuple[dict[str, str], frozenset[str]]:
        """Whitespace tokens (with punctuation around) that are a city's name in lower case."""
        if self._city_tokens is None:
            from kharkivmap.translit import romanize_ru, romanize_uk

            tokens: dict[str, str] = {}
            gazetteer = self._gazetteer
            for i in range(len(gazetteer)):
                row = gazetteer.row(i)
                if row[11] != "city":
                    continue
                for name in (row[1], row[7], row[8], romanize_uk(row[7]), romanize_ru(row[8])):
                    surface = name.lower()
                    if len(surface) < 4 or not surface.isalpha():
                        continue
                    if surface in self._lexicon.not_places:
                        continue
                    for prefix in _TOKEN_PREFIXES:
                        for suffix in _TOKEN_SUFFIXES:
                            tokens[prefix + surface + suffix] = surface
            self._city_tokens = (tokens, frozenset(tokens))
        return self._city_tokens

    def _mark_context(self, text: str, span: _Span) -> None:
        end = span.end
        at = end + 2 if text[end : end + 2] in _POSSESSIVE else end
        after = _SPACED_WORD.match(text, at)
        if after:
            word = after.group(1).lower()
            word = word[:-2] if word.endswith(_POSSESSIVE) else word
            if word in _REGION_EPITHETS:
                # "the Kharkiv border region": the word after the epithet tells
                following = _SPACED_WORD.match(text, after.end())
                word = following.group(1).lower() if following else word
            span.plural = word in self._lexicon.plural_region_words
            span.region = span.plural or word in self._lexicon.region_words
            span.district = word in _DISTRICT_WORDS
            if not span.region and word in self._lexicon.administration_first:
                # "the Luhansk Military Administration" speaks for the oblast
                tail = text[at : at + 40].lower()
                span.region = tail.startswith(self._lexicon.administration_after)
            span.axis = word in _AXIS_WORDS
            # "Makiivka village": the village of that name, not the city (an oblast's centre
            # before "village" names a village of its oblast: "abandon Donetsk village")
            span.village = word in _VILLAGE_NOUNS and not self._is_oblast_centre(span)
            span.small = span.village
        start = span.start
        if not start or text[start - 1] != " ":
            return
        before = text[max(0, start - _CUE_WINDOW) : start]
        if before.isspace():
            return
        before = before.lower()
        span.small = span.small or before.endswith(_SMALL_PLACE_NOUNS)
        # ("four villages -- @1, @2 and @3": the noun before a list set off by a dash, a
        # bracket or a colon)
        span.village = span.village or f"{before.rstrip(_LIST_OPENING)} ".endswith(_VILLAGE_BEFORE)
        if not span.region and _REGION_OF_BEFORE.search(before) and self._is_oblast_centre(span):
            span.region = True  # "the south-eastern region of Zaporizhzhia": the oblast
        for cue, country in self._cues.get(before.rsplit(None, 1)[-1], ()):
            if before.endswith(cue):
                span.country = country

    # --- resolving ---------------------------------------------------------------------------

    def _best(self, span: _Span) -> int:
        """The row a span means on priors alone."""
        return self._gazetteer.score(span.entries, Evidence(country=span.country))[0][0]

    def _village_of_list(self, spans: list[_Span], n: int, text: str) -> bool:
        """Whether a name a city shares is listed beside a place one of its villages lies
        next to ("capturing Plavni and Kamianske": the village by Plavni, not the city)."""
        span = spans[n]
        if len(span.entries) < 2:
            return False
        listed = []
        for k in (n - 1, n + 1):
            if 0 <= k < len(spans):
                gap = text[min(span.end, spans[k].end) : max(span.start, spans[k].start)]
                if len(gap) <= _LIST_GAP and _link_words(gap) in _LIST_LINKS:
                    listed.append(spans[k])
        if not listed:
            return False
        row = self._gazetteer.row
        villages = [
            row(row_number(e))[2:4] for e in span.entries if row(row_number(e))[11] != "city"
        ]
        if not villages or len(villages) == len(span.entries):
            return False
        for other in listed:
            if other.region or any(row(row_number(e))[11] == "city" for e in other.entries):
                continue
            if any(
                distance_km(village, row(row_number(e))[2:4]) <= _LIST_VILLAGE_KM
                for village in villages
                for e in other.entries
            ):
                return True
        return False

    def _narrow(self, spans: list[_Span], text: str) -> list[_Span]:
        """Drop candidates the text rules out: a region word after a name means the oblast's
        city, a qualifying region keeps the candidates inside it, a place the name is said to be
        near keeps the candidates within ``_RELATED_KM`` of it (when any remain)."""
        row = self._gazetteer.row
        for n, span in enumerate(spans):
            if span.region or not (
                span.qualifier or span.anchor or span.small or self._village_of_list(spans, n, text)
            ):
                # "Zaporizhzhia" alone is the Ukrainian city of 700,000, not a village of that
                # name near other places in the text; a village needs the text to say so
                country = None if span.region else span.country or "UA"
                if span.region:
                    # "the Kursk region" is the oblast its centre names; "the Seversk region"
                    # around the Donetsk-oblast town, no oblast's centre, is no region of the
                    # Russian city of Seversk
                    named = any(_names_its_oblast(row(row_number(e))) for e in span.entries)
                    country = None if named else span.country or "UA"
                cities = tuple(
                    e
                    for e in span.entries
                    if row(row_number(e))[11] == "city" and country in (None, row(row_number(e))[4])
                )
                span.entries = cities or span.entries
            elif (
                span.village
                and not span.region
                and len(span.entries) > 1
                and not self._is_oblast_centre(span)
            ):
                # "the village of Makiivka" is a village of that name, not the city of 340,000
                # ("the villages of Zaporozhye" are still the oblast's; "the settlements of
                # Popasna, Rubizhne" may be towns)
                villages = tuple(
                    e
                    for e in span.entries
                    if (row(row_number(e))[10] or 0) < VILLAGE_MAX_POPULATION
                )
                span.entries = villages or span.entries
            if span.axis:
                # "the Lyman direction" is the front around the town, not a village Lyman
                towns = tuple(e for e in span.entries if row(row_number(e))[11] in _TOWN_KINDS)
                span.entries = towns or span.entries
        unknown: set[str] = set()
        settled: set[str] = set()  # names a region word placed where the gazetteer has them
        misplaced: set[str] = set()  # names a region word placed where it has none
        for span in spans:
            if span.qualifier is not None:
                best = self._best(span.qualifier)
                region = row(best)
                oblast = self._gazetteer.region_of(best) if span.qualifier.region else region[5]
                inside = tuple(e for e in span.entries if row(row_number(e))[5] == oblast)
                if span.qualifier.district and inside and row(best)[4] == "UA":
                    # "Lozova in the Izium district": a district lies around the town it is
                    # named after; the city of Lozova, 110 km away, is another place
                    near = tuple(
                        e
                        for e in inside
                        if distance_km(row(row_number(e))[2:4], region[2:4]) <= _DISTRICT_KM
                    )
                    if not near and not span.anchor:
                        unknown.add(span.key)
                    inside = near
                if not inside:
                    # "Nova Dmytrivka in the Kherson region", which has no place of that
                    # spelling but a Novodmytrivka: that one
                    inside = tuple(
                        e for e in self._joined(text, span) if row(row_number(e))[5] == oblast
                    )
                if not inside and row(best)[4] == "UA":
                    # "Krasnohirske, Dnipropetrovsk region": a namesake just across the
                    # oblast's line is the one meant; sources misplace border villages
                    inside = self._gazetteer.near_oblast(span.entries, oblast, _ACROSS_LINE_KM)
                if not inside and not span.anchor and not span.qualifier.fuzzy:
                    # "Hlyboka and Lukiantsi in the Kharkiv region": no Hlyboka there, but a
                    # Hlyboke; a name differing only in its vowels is its spelling, not a
                    # namesake elsewhere
                    alike = self._gazetteer.spelt_alike_in(span.key, oblast)
                    if alike is not None:
                        inside = (alike,)
                        span.quality = min(span.quality, _ALIKE_DOUBT)
                if inside:
                    settled.add(span.key)
                span.entries = inside or span.entries
                # a list "in the Kursk region" is all in Russia, though a Ukrainian list may
                # name places of several oblasts before the last one's region
                listed = (
                    span.inherited
                    and region[4] == "UA"
                    # …though a village of a list "in the Donetsk region" with no namesake
                    # there is one the gazetteer lacks ("Petropavlivka and Vremivka, in …")
                    and self._names_a_town(span)
                )
                # "Lebedevka in Kursk": a Russian city qualifies like its region
                qualifies = span.qualifier.region or region[4] != "UA"
                if (
                    not inside
                    and qualifies
                    and not listed
                    and not span.anchor
                    and not span.qualifier.fuzzy
                ):
                    # "Lebedevka in the Kursk region" and no Lebedevka there in the gazetteer:
                    # an unknown village, not the namesake in another oblast…
                    misplaced.add(span.key)
        # …unless the text placed the name rightly elsewhere: "Tyotkino in the Kursk region",
        # then "the Belgorod region village of Tyotkino" misplaces the same village
        unknown |= misplaced - settled
        for span in spans:
            if span.border is not None and span.border.entries and len(span.entries) > 1:
                # "Novomykolaivka near the border with the Donetsk region": by that oblast
                oblast = self._gazetteer.region_of(self._best(span.border))
                near = self._gazetteer.near_oblast(span.entries, oblast, _BORDER_KM)
                span.entries = near or span.entries
            if span.by_russia is not None and span.entries:
                reach = span.by_russia * 1.35 + _BORDER_SLACK_KM
                near = self._gazetteer.near_country(span.entries, "RU", reach)
                if not near and span.by_russia > 0:
                    # "Yablunivka, around nine kilometers from the Russian border" and no
                    # Yablunivka within reach of Russia: a village the gazetteer lacks
                    span.entries = ()
                    unknown.add(span.key)
                else:
                    span.entries = near or span.entries
            if (
                span.anchor is not None
                and span.anchor.entries
                # one place of the name is checked too when the name was only spelt like it
                and (len(span.entries) > 1 or (span.fuzzy and span.entries))
            ):
                there = row(self._best(span.anchor))
                said = span.distance
                near = self._fitting(span, there)
                if not near and len(span.anchor.entries) > 1:
                    # "Pryvillia, 6 km southwest of Verbove": of the landmark's namesakes, the
                    # one the relation fits is meant, if only one fits
                    fitting = [
                        (e, found)
                        for e in span.anchor.entries
                        if (found := self._fitting(span, row(row_number(e))))
                    ]
                    if len(fitting) == 1:
                        span.anchor.entries = (fitting[0][0],)
                        there, near = row(row_number(fitting[0][0])), fitting[0][1]
                span.entries = near or span.entries
                # a direction is loose ("north of" may be northeast): with one, only a name
                # with no namesake in twice the reach of the place is unknown
                far = span.bearing is not None and not any(
                    distance_km(row(row_number(e))[2:4], there[2:4]) <= 2 * _RELATED_KM
                    for e in span.entries
                )
                if not near and (
                    said is not None
                    or ((span.bearing is None or far) and self._settled(span.anchor))
                ):
                    # "Myrne near Kupiansk" and no Myrne within reach of the city: a village
                    # the gazetteer lacks, not a namesake elsewhere
                    span.entries = ()  # "5 km west of Donetsk" and no namesake there
                    unknown.add(span.key)
            elif span.anchor is not None and span.anchor.entries and span.entries:
                # a name with one place only is that place even where the text's distance or
                # direction is off; but "Izmailivka, 9 km from Kurakhove" is not a village
                # 300 km away: a village the gazetteer lacks
                there = row(self._best(span.anchor))
                here = row(row_number(span.entries[0]))[2:4]
                reach = max(3 * (span.distance or 0) + 30, _LONE_REACH_KM)
                if distance_km(here, there[2:4]) > reach and self._settled(span.anchor):
                    span.entries = ()
                    unknown.add(span.key)
        # the text said once where that name lies: its other mentions are that place too
        # ("Kamianske" in the headline is the "Kamianske in the Zaporizhzhia region" of the
        # body, not the city of that name), unless it placed two namesakes apart; "the
        # village of Kamenskoye" says it is no city
        placed: dict[str, set[tuple[int, ...]]] = {}
        for span in spans:
            told_where = span.qualifier is not None or span.anchor is not None
            if (told_where or (span.village and not span.region)) and span.entries:
                placed.setdefault(span.key, set()).add(span.entries)
        for span in spans:
            told = placed.get(span.key)
            if (
                told
                and len(told) == 1
                and span.qualifier is None
                and span.anchor is None
                and not span.region
            ):
                span.entries = next(iter(told))
            elif told and len(told) > 1 and span.entries:
                # "Kalynove in the Donetsk region" (two there), then "Kalynove is located 25 km
                # southeast of Pokrovsk" (one): the narrowest statement, if the others allow it
                narrowest = min(told, key=len)
                if all(set(narrowest) <= set(other) for other in told) and set(narrowest) <= set(
                    span.entries
                ):
                    span.entries = narrowest
        return [s for s in spans if s.entries and (s.key not in unknown or s.anchor is not None)]

    def _joined(self, text: str, span: _Span) -> tuple[int, ...]:
        """The places named by a two-word name written as one ("Nova Dmytrivka" for
        Novodmytrivka, "Velyka Oleksandrivka" for Velykooleksandrivka): the adjective's stem
        and a linking "o" before the noun."""
        first, _, rest = text[span.start : span.end].partition(" ")
        if not rest or first.lower() not in self._lexicon.name_prefixes:
            return ()
        stem = self._key(first).rstrip("aeiouy")
        return self._gazetteer.lookup(stem + "o" + self._key(rest)) if stem else ()

    def _first_choices(self, spans: list[_Span]) -> list[tuple[int, float]]:
        """Per span: the best row and its share, from priors and region words only."""
        gazetteer = self._gazetteer
        regions = Evidence()
        for span in spans:
            if span.region:
                best = gazetteer.score(span.entries, Evidence(country=span.country))[0][0]
                regions.admin1[gazetteer.region_of(best)] = 1.0
        choices = []
        done: dict[tuple[tuple[int, ...], str | None], tuple[int, float]] = {}
        for span in spans:
            choice = done.get((span.entries, span.country))
            if choice is None:  # a name repeated in the text is weighed once
                regions.country = span.country
                choice = done[(span.entries, span.country)] = gazetteer.score(
                    span.entries, regions
                )[0]
            choices.append(choice)
        return choices

    def _evidence(self, spans: list[_Span], choices: list[tuple[int, float]]) -> Evidence:
        evidence = Evidence()
        seen = set()
        for span, (best, share) in zip(spans, choices, strict=True):
            if share < _ANCHOR_SHARE and not span.region:
                continue  # a coin toss between homonyms places nothing
            row = self._gazetteer.row(best)
            weight = 1.0 if span.region else share * (0.5 if row[11] == "city" else 0.25)
            oblast = self._gazetteer.region_of(best) if span.region else row[5]
            evidence.admin1[oblast] = max(evidence.admin1.get(oblast, 0.0), weight)
            # "Kharkiv oblast" names an area, not a point near its centre.
            if not span.region and row[0] not in seen:
                seen.add(row[0])
                evidence.anchors.append((row[0], row[2], row[3], share))
        return evidence

    def _resolve(self, spans: list[_Span], text: str) -> list[Mention]:
        gazetteer = self._gazetteer
        place_at = gazetteer.place_at
        choices = self._first_choices(spans)
        evidence = self._evidence(spans, choices)
        named = self._named_by(spans, choices)
        # A name repeated in the text gets the same place, score and alternatives: per
        # (entries, country) the scored rows, and per quality what they make.
        done: dict[tuple[tuple[int, ...], str | None], tuple[Any, dict[float, Any]]] = {}
        mentions: list[tuple[Mention, int]] = []
        for span in spans:
            entries = span.entries
            found = done.get((entries, span.country))
            if found is None:
                if len(entries) == 1:
                    # one candidate: nothing to weigh (as in ``Gazetteer.score``)
                    scored = [(row_number(entries[0]), 1.0)]
                else:
                    own = self._ids_of(entries)
                    local = Evidence(
                        admin1=evidence.admin1,
                        anchors=[a for a in evidence.anchors if a[0] not in own],
                        country=span.country,
                    )
                    scored = self._named_elsewhere(
                        gazetteer.score(entries, local), named, span.key, entries
                    )
                found = done[(entries, span.country)] = (scored, {})
            scored, made = found
            quality = span.quality
            resolved = made.get(quality)
            if resolved is None:
                best, share = scored[0]
                resolved = made[quality] = (
                    place_at(best),
                    round(share * quality, 4),
                    tuple(
                        Candidate(place_at(i), round(s * quality, 4))
                        for i, s in scored[1 : 1 + _MAX_ALTERNATIVES]
                    ),
                )
            place, score, alternatives = resolved
            mention = Mention(
                span.start, span.end, text[span.start : span.end], place, score, alternatives
            )
            least = self._least_others(span, place, score, alternatives)
            if least == _LONE_VILLAGE and _ELSEWHERE.search(
                text, max(0, span.start - _ELSEWHERE_REACH), span.end + _ELSEWHERE_REACH
            ):
                # "the southern Ukrainian village of Robotyne", "Robotyne further south": the
                # text itself puts it away from the other places it names
                least = 0
            mentions.append((mention, least))
        if all(not least for _, least in mentions):
            return [m for m, _ in mentions]
        # a village without namesakes is doubted only by the others, not by its own kind
        settled = _Points(
            {(m.place.lat, m.place.lon) for m, least in mentions if least in (0, _LONE_VILLAGE)}
        )
        doubtful = {
            (m.place.lat, m.place.lon) for m, least in mentions if least not in (0, _LONE_VILLAGE)
        }
        # doubtful places near a settled one back each other up ("Katerynivka, Yelyzavetivka
        # … northeast of Vuhledar"); the rest must lie near one of them
        backed = _Points(settled.points | {p for p in doubtful if settled.within(p, _NEAR_KM)})
        far: dict[tuple[str, int], bool] = {}  # a place is judged once, however often named
        kept = []
        for mention, least in mentions:
            if least:
                key = (mention.place.id, least)
                if key not in far:
                    far[key] = _far_from(mention.place, backed, least)
                if far[key]:
                    continue
            kept.append(mention)
        return kept

    def _named_by(
        self, spans: list[_Span], choices: list[tuple[int, float]]
    ) -> dict[int, set[str]]:
        """Towns the text names plainly (a settled first choice), with the names it uses: a
        town's former name lives on in news copy, a village's seldom does."""
        named: dict[int, set[str]] = {}
        row = self._gazetteer.row
        for span, (best, share) in zip(spans, choices, strict=True):
            if share >= _ANCHOR_SHARE and not span.region and row(best)[11] in _TOWN_KINDS:
                named.setdefault(best, set()).add(span.key)
        return named

    @staticmethod
    def _named_elsewhere(
        scored: list[tuple[int, float]],
        named: dict[int, set[str]],
        key: str,
        entries: tuple[int, ...],
    ) -> list[tuple[int, float]]:
        """One place under two names is one place: "Krasny Liman" in a text that also says
        "Lyman" is the town by its former name, not the village still called so. When exactly
        one candidate bears this name as an alias and is the settled reading of another name
        in the text, it comes first."""
        aliased = {~e for e in entries if e < 0}
        others = [
            (row, share)
            for row, share in scored
            if row in aliased and named.get(row, set()) - {key}
        ]
        if len(others) != 1 or others[0] == scored[0]:
            return scored
        row, _ = others[0]
        return [(row, max(_ANCHOR_SHARE, scored[0][1])), *(i for i in scored if i[0] != row)]

    def _fitting(self, span: _Span, there: tuple[Any, ...]) -> tuple[int, ...]:
        """Candidates of ``span`` that its relation to the landmark row ``there`` allows:
        "110 km east of @1" about that far, "near @1" within _RELATED_KM. News distances are
        rough ("19 miles (30km) north of Kherson" for a town 50 km away), so when none lies
        about that far, one within twice the distance still is the place."""
        said = span.distance
        if said is None:
            if span.bearing is not None:
                # of namesakes both roughly that way, the one that lies the way the text says:
                # "Kalynove, southeast of Pokrovsk" is the village 25 km southeast, not the one
                # 35 km east
                return (
                    self._within(span, there, 0.0, _RELATED_KM, slack=_BEARING_SLACK_TIGHT)
                    or self._within(span, there, 0.0, _RELATED_KM)
                    or self._within(span, there, 0.0, _RELATED_KM, slack=_BEARING_SLACK_LOOSE)
                )
            # "near @1" is closer than a compass word's "north of @1", for a village; a town
            # is "near" a city farther off ("Trostianets near Sumy")
            # (of namesakes both within reach, the one close by: "@1, near Ocheretyne" is the
            # village 10 km off, not the one 40 km off)
            # (…unless a town is farther off: "the town of Dobropillia near Pokrovsk")
            row = self._gazetteer.row
            wide = self._within(span, there, 0.0, _NEAR_RELATED_KM)
            close = self._within(span, there, 0.0, _NEAR_CLOSE_KM)
            if close and not any(
                row(row_number(e))[11] in _TOWN_KINDS for e in wide if e not in close
            ):
                return close
            return wide or tuple(
                e
                for e in self._within(span, there, 0.0, _RELATED_KM)
                if row(row_number(e))[11] in _TOWN_KINDS
            )
        # "five kilometers southwest of the city of Donetsk" counts from the city's edge, which
        # lies a large city's radius from the point the gazetteer gives
        edge = _city_radius_km(there[10])
        fitting = (
            self._within(span, there, said * 0.65 - 5, said * 1.35 + 5 + edge)
            or self._within(span, there, said * 0.4 - 10, said * 2 + 10 + edge)
            # compass words are rough too ("10 km south of" for a village to the southwest)
            or self._within(
                span, there, said * 0.4 - 10, said * 2 + 10 + edge, slack=_BEARING_SLACK_LOOSE
            )
        )
        if len(fitting) < 2 or span.bearing is None:
            return fitting
        # "25 km southeast of @1" names a point: of several namesakes about there, those
        # nearest to it (a village due east, 35 km off, is not the one meant)
        origin = there[2:4]
        point = _offset(origin, said, span.bearing)
        row = self._gazetteer.row
        misses = {e: distance_km(row(row_number(e))[2:4], point) for e in fitting}
        best = min(misses.values())
        return tuple(e for e in fitting if misses[e] <= best + _POINT_SLACK_KM)

    def _within(
        self,
        span: _Span,
        there: tuple[Any, ...],
        lo: float,
        hi: float,
        *,
        slack: float = _BEARING_SLACK,
    ) -> tuple[int, ...]:
        """Candidates of ``span`` between ``lo`` and ``hi`` km from ``there``, in its bearing
        give or take ``slack`` degrees."""
        row = self._gazetteer.row
        origin = there[2:4]
        return tuple(
            e
            for e in span.entries
            if lo <= distance_km(here := row(row_number(e))[2:4], origin) <= hi
            and _towards(origin, here, span.bearing, slack)
        )

    def _ids_of(self, entries: tuple[int, ...]) -> frozenset[str]:
        """Place ids of a name's candidates (cached: the same names recur in many texts)."""
        ids = self._ids.get(entries)
        if ids is None:
            if len(self._ids) >= _CACHE_MAX:
                self._ids.clear()
            row = self._gazetteer.row
            ids = self._ids[entries] = frozenset(row(row_number(e))[0] for e in entries)
        return ids

    def _least_others(
        self, span: _Span, place: Place, score: float, alternatives: tuple[Candidate, ...]
    ) -> int:
        """How many other places the text must name for ``place`` to be dropped when far from
        all of them (0: never). A look-alike of a name, a village with namesakes and, less
        readily, a village with none may each be a namesake of a village the gazetteer lacks."""
        if span.fuzzy:
            return 1
        if self._stray(span, place, score, alternatives):
            return 2
        if place.kind == "village" and span.qualifier is None:
            return _LONE_VILLAGE
        return 0

    @staticmethod
    def _stray(
        span: _Span, place: Place, score: float, alternatives: tuple[Candidate, ...]
    ) -> bool:
        """A village, or a town its namesakes come close to, chosen with nothing in the text
        tying it down ("Seversk" is Siversk in Donetsk oblast, not the Siberian city). One of
        the war zone's towns is the name's plain reading however far the text's other places
        lie (Avdiivka in a report on Krynky)."""
        if place.kind == "city" or not alternatives or span.qualifier is not None:
            return False
        if is_war_zone_town(place.lat, place.lon) and (
            place.kind == "town" or score >= _CLEAR_WAR_ZONE_VILLAGE
        ):
            # (a village of the war zone too, when its namesakes weigh little: Krynky on the
            # Dnipro's left bank in a report on Avdiivka)
            return False
        return place.kind != "town" or score < _CLEAR_TOWN


_POINT_SLACK_KM = 5.0  # how much farther than the nearest from a stated point a namesake may lie


def _offset(origin: tuple[float, float], km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` from ``origin`` in the compass direction ``bearing`` (flat-earth: the
    distances news gives are tens of kilometres)."""
    angle = math.radians(bearing)
    lat = origin[0] + km * math.cos(angle) / _KM_PER_DEGREE
    lon = origin[1] + km * math.sin(angle) / (_KM_PER_DEGREE * math.cos(math.radians(origin[0])))
    return lat, lon


def _towards(
    origin: tuple[float, float], point: tuple[float, float], bearing: float | None, slack: float
) -> bool:
    """Whether ``point`` lies roughly in the compass direction ``bearing`` from ``origin``
    (within ``slack`` degrees: "east of" also takes northeast); True with no bearing."""
    if bearing is None:
        return True
    dlat = point[0] - origin[0]
    dlon = (point[1] - origin[1]) * math.cos(math.radians(origin[0]))
    if abs(dlat) < 1e-9 and abs(dlon) < 1e-9:
        return True
    actual = math.degrees(math.atan2(dlon, dlat)) % 360
    return abs((actual - bearing + 180) % 360 - 180) <= slack


class _Points:
    """Distinct positions in grid cells of about 250 km, so "is any within D km" (D up to
    250) looks at nine cells instead of every place a long text names. Capitals are left out:
    they stand for governments more often than for places."""

    _LAT = 2.5
    _LON = 4.5

    def __init__(self, points: set[tuple[float, float]]) -> None:
        self.points = points
        self._cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
        for point in points:
            if (round(point[0], 1), round(point[1], 1)) not in _CAPITALS:
                self._cells.setdefault(self._cell(point), []).append(point)
        self.count = sum(map(len, self._cells.values()))

    def _cell(self, point: tuple[float, float]) -> tuple[int, int]:
        return math.floor(point[0] / self._LAT), math.floor(point[1] / self._LON)

    def __contains__(self, point: object) -> bool:
        return isinstance(point, tuple) and point in self._cells.get(self._cell(point), ())

    def within(self, point: tuple[float, float], km: float) -> bool:
        """Whether another of the points lies within ``km`` of ``point``."""
        row, col = self._cell(point)
        # A latitude gap alone puts a point out of reach (1 m of slack for rounding) before
        # the great circle is worked out.
        reach = km / _KM_PER_DEGREE + 1e-5
        lat = point[0]
        return any(
            there != point and abs(there[0] - lat) <= reach and distance_km(point, there) <= km
            for r in (row - 1, row, row + 1)
            for c in (col - 1, col, col + 1)
            for there in self._cells.get((r, c), ())
        )


def _glossed(text: str, mentions: list[Mention]) -> list[Mention]:
    """One place under its two names: "Krasnoye – called Sontsivka in Ukraine", "Sontsivka
    (Krasnoye in Russian)", "Krasnoarmeysk, known in Ukraine as Pokrovsk". The name the gloss
    marks as Ukrainian (or the one it does not mark as Russian) is the place; the other name,
    often a Russian form the gazetteer gives a namesake far away, is that place too."""
    out = mentions
    for k in range(len(mentions) - 1):
        a, b = out[k], out[k + 1]
        if a.place.id == b.place.id or b.start - a.end > _GLOSS_GAP:
            continue
        between = _GLOSS_BETWEEN.fullmatch(text, a.end, b.start)
        if between is None:
            continue
        after = (_GLOSS_AFTER if between.group("verb") else _GLOSS_BRACKET).match(text, b.end)
        language = between.group("language") or (after.group("language") if after else None)
        if language is None or (not between.group("verb") and not between.group("open")):
            continue  # "Avdiivka (Donetsk region)", "Izium, Balakliia": no gloss
        out = list(out) if out is mentions else out
        # "B in Ukrainian": B is the Ukrainian name; "B in Russian": A is
        if language.lower().startswith("ukrain"):
            out[k] = replace(a, place=b.place, score=b.score, alternatives=())
        else:
            out[k + 1] = replace(b, place=a.place, score=a.score, alternatives=())
    return out


_GLOSS_GAP = 40
# between the two names: a bracket or dash, then "called", "known in Ukraine as" and the like
_GLOSS_BETWEEN = re.compile(
    r"(?i)(?:\s+(?:village|town|city|settlement))?\s*(?:(?P<open>\()|,|–|—|-{1,2})\s*"
    r"(?:(?:also|now|formerly|officially)\s+)?"
    r"(?:(?P<verb>called|known|named|spelt|spelled)\s+(?:in\s+(?P<language>ukrainian|ukraine"
    r"|russian|russia)\s+)?(?:as\s+)?)?(?:the\s+)?"
)
# after the second name: "… in Ukraine", "… by Russia" (after "called"); "… in Ukrainian)"
_GLOSS_AFTER = re.compile(r"(?i)\s+(?:in|by)\s+(?P<language>ukrainian|ukraine|russian|russia)\b")
_GLOSS_BRACKET = re.compile(r"(?i)\s+in\s+(?P<language>ukrainian|russian)\s*\)")


def _far_from(place: Place, others: _Points, least: int) -> bool:
    """Whether the text names at least ``least`` other places and ``place`` lies far from all
    of them ("Pogrebki" beside Malaya Loknya in Kursk oblast is no typo of Pohreby near Kyiv)."""
    here = (place.lat, place.lon)
    if others.count - (here in others) < least:
        return False
    return not others.within(here, _FAR_KM)


# ("Ivanivka in neighbouring Dnipropetrovsk": a neighbour, too, says nothing of which oblast)
_COMPASS = re.compile(
    r"(?i)(?<![\w-])(?:(?:ukraine|russia|the country)['’]s\s+)?(?:north|south|east|west|central|"
    r"neighbou?ring|adjacent|nearby|"
    r"(?:north|south)-?(?:east|west)|northern|southern|eastern|western|(?:north|south)-?(?:eastern"
    r"|western))(?![\w-])|(?<![\w-])(?:ukraine|russia|the country)['’]s(?![\w-])"
)


# ", which lies …", ", which is located …": a relative clause that places what it follows
# ("@1 is located approximately 25 kilometers southeast of @2": the main clause's too)
_WHICH_LIES_BODY = (
    r"(?:(?:(?:which|that)\s+)?(?:lies|lay|sits|is\s+located|is\s+situated|was\s+located)\s+)"
)
_WHICH_LIES = re.compile(
    # ("@1 in Donetsk Oblast, near @2": the relation without its verb)
    rf"^\s*(?:(?:region|oblast|province)\s*)?(?P<comma>,)\s*{_WHICH_LIES_BODY}?",
    re.IGNORECASE,
)
_APPOSED_IN = re.compile(
    r"^\s*(?:,|(?:is|was)\b)\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:village|town|settlement|city"
    r"|hamlet)\s+in\s+"
    # "@1 is located in the @2 region", "@1 lies in the @2 region"
    r"|^\s*(?:(?:is|was)\s+(?:located|situated)|lies)\s+in\s+",
    re.IGNORECASE,
)


def _city_radius_km(population: int | None) -> float:
    """About how far a city's edge lies from its centre, by its population."""
    people = population or 0
    if people >= 500_000:
        return 12.0
    if people >= 200_000:
        return 7.0
    if people >= 50_000:
        return 3.0
    return 0.0


def _link_words(gap: str) -> str:
    """The text between two names with spaces normalised: ``" ,  in "`` → ``", in"``."""
    return " ".join(gap.replace(",", " , ").split()).replace(" ,", ",")


def _trim(text: str, start: int, end: int) -> int:
    """End of a word without a possessive ``'s`` (Kharkiv's → Kharkiv)."""
    if end - start > 3 and text[end - 2 : end] in _POSSESSIVE:
        return end - 2
    return end


def _is_cyrillic(letter: str) -> bool:
    return "\u0400" <= letter <= "\u04ff"


# A community (hromada) after its name: "Vovchanska community", "the Yunakivska hromada"
_COMMUNITY_AFTER = re.compile(
    r"\s+(?:(?:urban|rural|settlement|village|city|territorial)\s+){0,2}(?:community|hromada)\b"
)


def _without_hyphenated_names(text: str, spans: list[_Span]) -> list[_Span]:
    """Spans without the halves of one hyphenated name: "the village of Gora-Podil" is one
    village the gazetteer lacks, not Hora and Podil (a pair named without "village of", as in
    "the Izium-Balakliia group", stays two places)."""
    dropped: set[int] = set()
    for first, second in itertools.pairwise(spans):
        if first.small and second.start == first.end + 1 and text[first.end] == "-":
            dropped.update((first.start, second.start))
    ends = {span.end for span in spans}
    for span in spans:
        # "Alexandro-Kalinovo": a name the gazetteer lacks whose second half is another
        # place's name; the half is not that place
        if span.start > 1 and text[span.start - 1] == "-" and span.start - 1 not in ends:
            head = _HYPHEN_HEAD.search(text, max(0, span.start - 40), span.start)
            if head is not None and head.group(1).lower() not in _PREFIX_WORDS:
                dropped.add(span.start)
    return [s for s in spans if s.start not in dropped] if dropped else spans


# A capitalised word joined by a hyphen to the name after it
_HYPHEN_HEAD = re.compile(r"(?<![\w-])([A-Z][a-z]{2,})-$")
# Hyphenated words that qualify a name rather than begin another ("pro-Russian", "Mid-")
_PREFIX_WORDS = frozenset({"pro", "anti", "neo", "mid", "post", "pre", "non", "ex"})


def _names_its_oblast(row: tuple[Any, ...]) -> bool:
    """Whether a gazetteer row is a city its oblast is named after ("Kursk", "Kyiv")."""
    return bool(row[5].startswith(f"{row[1]} "))


def _previous_word(text: str, start: int) -> str:
    """The word right before ``start`` when only one space separates them, else ``""``."""
    end = start - 1
    if end < 1 or text[end] not in " \u00a0":
        return ""
    begin = end
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end]


def _inside(text: str, start: int) -> bool:
    """True when an apostrophe before ``start`` joins it to a preceding word (Kup'Iansk)."""
    return text[start - 1] in _APOSTROPHES and start > 1 and text[start - 2].isalpha()


def _listed_words(text: str, mention: Mention) -> list[re.Match[str]]:
    """The capitalised words listed right before and after ``mention`` (not the first word
    of a sentence: "Zelensky" opening one is no list item)."""
    found = []
    before = _LISTED_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    if (
        before is not None
        and before.start() > 0
        and text[before.start() - 1] in " \t"
        and text[: before.start()].rstrip()[-1:] not in {".", "!", "?", ""}
    ):
        found.append(before)
    after = _LISTED_AFTER.match(text, mention.end)
    if after is not None:
        found.append(after)
    return found
