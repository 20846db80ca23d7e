"""Sentence frames: the normalised view of a sentence that the trigger rules read.

A frame is the sentence lowercased, quotes dropped, whitespace collapsed and every place
mention replaced by a token ``@N``; coordinated mentions ("the Balakliia and Izium areas")
share one token. Each token is classified by its surroundings: a *target* the rules may
claim, a *soft* reference ("near @1", kept out of pronoun resolution), a *hard* non-target
(a region, an axis, a river, a possessive, "50 km south of @1"), a capital acting as a
side ("Kyiv has rushed …", replaced by the word so it counts as a side) or a dateline.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kharkivmap.lexicons import alternation
from kharkivmap.mentions import VILLAGE_MAX_POPULATION, lexicon
from kharkivmap.models import Mention, Place
from kharkivmap.rules import Context, context
from kharkivmap.sentences import Sentence

__all__ = [
    "TOKEN",
    "Frame",
    "Group",
    "build_frame",
    "clause_start",
    "clean",
    "group_by_token",
]

_NORMALISE = str.maketrans(
    {
        "“": " ", "”": " ", '"': " ", "«": " ", "»": " ", "„": " ", "‘": "'", "’": "'",
        "ʼ": "'", "—": " — ", "–": " — ", "\u00a0": " ", "\t": " ",
        # an editor's insertion reads as part of the sentence: "around 70% [of @1 was taken]"
        "[": " ", "]": " ",
        # flag emoji (regional indicator pairs) stand between words in posts quoted by news:
        # "the Ukrainian🇺🇦 47th Brigade"
        **{chr(c): " " for c in range(0x1F1E6, 0x1F200)},
    }
)  # fmt: skip
# A whitespace run other than a single space: the only ones collapsing changes, so a sentence
# of single spaces is left alone instead of having every space replaced by itself.
_SPACES = re.compile(r"(?: (?=\s)|[^\S ])\s*")
# The characters of _NORMALISE that ASCII text can hold: plain replacements do for those.
_ASCII_NORMALISE = tuple(
    (chr(c), _NORMALISE[c]) for c in sorted(_NORMALISE) if c < 128
)  # fmt: skip
TOKEN = re.compile(r"@(\d+)")
# Frame shapes kept for sentences that recur with other places, up to this many.
_CACHE_MAX = 20_000


@dataclass(slots=True)
class Group:
    """Coordinated mentions sharing one token, and what their surroundings make of them."""

    members: list[Mention]
    status: str = "target"  # target, soft, reference, hard, actor, dateline
    start: int = 0  # token position in the final frame
    end: int = 0


@dataclass(slots=True)
class Frame:
    """One sentence as the rules see it: ``text`` with ``@N`` tokens for ``groups[N]``.

    ``clauses`` are the positions where clauses start; ``places[N]`` is the first place of
    ``groups[N]`` (claimant patterns that name a region by place use it).
    """

    sentence: Sentence
    index: int
    text: str
    groups: list[Group]
    clauses: list[int]
    places: list[Place] = field(default_factory=list)


# A single quote that is no apostrophe ("had 'fully liberated' @1") is a quotation mark.
_QUOTE = re.compile(r"(?<![a-z0-9])'(?!s\b)|'(?![a-z])")


# An ellipsis before a lower-case word only trims a quotation ("@1... was liberated").
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)(?=\s+[a-z])")


def clean(piece: str) -> str:
    """Lowercase ``piece``, drop quotation marks and trimming ellipses, keep apostrophes,
    collapse whitespace."""
    if "..." in piece or "…" in piece:
        piece = _ELLIPSIS.sub("", piece)
    if piece.isascii():  # most text: str.replace beats a per-character translation
        for char, replacement in _ASCII_NORMALISE:
            piece = piece.replace(char, replacement)
        lowered = piece.lower()
    else:
        lowered = piece.translate(_NORMALISE).lower()
    if "'" in lowered:  # most sentences hold none: skip the quote pattern's scan
        lowered = _QUOTE.sub(" ", lowered)
    if "ly-" in lowered:  # "recently-liberated @1": an adverb hyphenated to its participle
        lowered = _ADVERB_HYPHEN.sub(" ", lowered)
    if "," in lowered and " to " in lowered:
        # "is trying, with heavy losses, to push … out of @1": an aside between an attempt and
        # its verb hides no attempt
        lowered = _ATTEMPT_ASIDE.sub(r"\1 \2", lowered)
    if ", in particular," in lowered or ", notably," in lowered:
        # "recaptured, in particular, the village of @1": an aside between verb and object
        lowered = _INSERTED_ASIDE.sub(" ", lowered)
    if any(f", {word} " in lowered for word in _FOCUS_WORDS):
        # "continues its offensive, in particular near the town of @1": a focus before the
        # place the verb's phrase goes on to
        lowered = _INSERTED_FOCUS.sub(" ", lowered)
    if "n)" in lowered:
        # "@0 (@1 in ukrainian) and @2": a gloss, as if the name stood alone in brackets
        lowered = _GLOSS_LANGUAGE.sub("", lowered)
        # "the (ukrainian) defense forces": an editor's word, part of the text
        lowered = _INSERTED_SIDE.sub(r" \1 ", lowered)
    if "--" in lowered:  # "@1 -- now held by russia --": a dash typed as two hyphens
        lowered = lowered.replace("--", " — ")
    return _SPACES.sub(" ", lowered)


_ADVERB_HYPHEN = re.compile(r"(?<=[a-z]{3}ly)-(?=[a-z])")
_INSERTED_SIDE = re.compile(r"\((ukrainian|russian)\)")
_GLOSS_LANGUAGE = re.compile(r"(?<=[\w'])\s+in\s+(?:ukrainian|russian)(?=\))")
_ATTEMPT_ASIDE = re.compile(
    r"\b(tr(?:y|ies|ying|ied)|attempt(?:s|ing|ed)?|seek(?:s|ing)?|sought|aim(?:s|ing|ed)?"
    r"|want(?:s|ing|ed)?|plan(?:s|ning|ned)?|intend(?:s|ing|ed)?|hop(?:es|ing|ed)?)\s*,\s*"
    r"[^,;:@()]{1,60}?,\s*(to\s)"
)
_INSERTED_ASIDE = re.compile(r"(?<=[a-z]),\s*(?:in\s+particular|notably),\s*")
_FOCUS_WORDS = ("in particular", "notably", "especially", "particularly", "mainly")
_INSERTED_FOCUS = re.compile(
    rf"(?<=[a-z]),\s*{alternation(_FOCUS_WORDS)}\s+"
    r"(?=(?:near|in|around|at|on|towards?|outside)\s)"
)


# One list item the gazetteer lacks, between two it knows: capitalised words and a separator.
# "… settlements:\n- @1\n- @2": the bullet of a list's first item after its colon
_BULLET_AFTER_COLON = re.compile(r":\s*[-–—•*·▪]\s+(?=@\d)")
_BULLET_JOIN = re.compile(r"\s*[,;]?\s*\n\s*[-–—•*·▪]\s+")
# "…:\n- @1,\n- @2": the bullets of the items after it
_BULLET_AFTER_ITEM = re.compile(r"(?<=\d)[,;]?\s*\n\s*[-–—•*·▪]\s+(?=@\d)")
# "@0, a key logistics hub, as well as the city of @1": a list goes on past an appositive
_APPOSED_JOIN = re.compile(
    r",\s+(?:a|an)\s+[^,;@.()]{1,60},\s*(?:and|as\s+well\s+as)\s+"
    r"(?:the\s+(?:[a-z-]+\s+)?(?:towns?|villages?|city|cities|settlements?)\s+of\s+)?"
)
_UNKNOWN_ITEM = re.compile(
    # (up to six in a row: "…, Talakun, Sukoluchchya, @5"; "…, Privolnoye, Zapoozhye region,
    # @5": a region the gazetteer cannot name is one more item)
    r"(?:,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?:\s+(?:region|oblast|province))?){1,6}"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
)


# A list's last item the gazetteer lacks ("@0, @1 and Petropavlivka had been liberated"): one
# to three capitalised words ending like a Slavic place name, no capitalised word or other
# spelling in brackets after them.
_UNKNOWN_NAME = (
    r"(?P<name>(?:[A-Z][a-z'’-]+\s+){0,2}(?:[A-Z][a-z'’-]*"
    r"(?:ka|ke|ki|ske|ne|no|ve|ye|ia|ya|yi|ina|ino|ovo|evo|sk|tsi|ty|ky|yar|ets|ove|ivka|ivske)"
    # "Verkhovyi Yar": a noun ending a two-word name
    r"|(?<=[a-z] )(?:Yar|Balka|Brid|Hai|Hora|Kut|Dolyna|Pole)))"
)
_TRAILING_UNKNOWN = re.compile(
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){_UNKNOWN_NAME}(?![\w'’-])(?!\s+[A-Z]|\s*\()"
)


# A list's first item the gazetteer lacks, after a lowercase word or a colon ("seized control
# of Derylove and @0", "recaptured 4 villages: Nova Dmytrivka, @0"): the same shape of name,
# then the separator up to the known item.
_LEADING_UNKNOWN = re.compile(rf"(?<=[a-z:—–,] ){_UNKNOWN_NAME}(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")


def _unknown_place_item(text: str, end: int) -> re.Match[str] | None:
    """A list item right after ``end`` that names a place the gazetteer lacks: it ends like
    a Slavic place name and is no known word (a person, an English word, a first name)."""
    item = _TRAILING_UNKNOWN.match(text, end)
    return item if item is not None and _may_be_place(item.group("name")) else None


def _without_leading_unknown(piece: str) -> str:
    """``piece`` (the text up to a group's first mention) without a list item the gazetteer
    lacks right before it, so the verb reaches the list ("seized control of Derylove and
    @0" reads as "seized control of @0")."""
    # (up to three such items: "taken control of Obukhivka, Pokrovskoye, @0")
    for _ in range(3):
        if not piece.endswith(" "):
            return piece
        item = _LEADING_UNKNOWN.search(piece, max(0, len(piece) - 60))
        if item is None or not _may_be_place(item.group("name")):
            return piece
        word = piece[: item.start()].rstrip().rsplit(" ", 1)[-1]
        if word[:1].isupper() and not word.endswith(","):
            return piece  # the end of a longer capitalised name ("Nova" before "Dmytrivka")
        piece = piece[: item.start()]
    return piece


def may_be_place_names(names: str) -> bool:
    """Whether every word of a list of names the gazetteer lacks ("karmazinovka,
    myasozharovka and") may be a place's: no English word or first name among them."""
    return _may_be_place(re.sub(r",|\band\b", " ", names))


def _may_be_place(name: str) -> bool:
    """Whether a capitalised name is no known word (a person, an English word, a first name)."""
    from kharkivmap.mentions import lexicon

    words = lexicon()
    return not any(
        word in words.not_places or word in words.english_words or word in words.first_names
        for word in name.lower().split()
    )


# A list that ends in a count of unnamed places: "@0, @1 and several other settlements have
# been liberated" is still one subject.
_UNNAMED_TAIL = re.compile(
    r",?\s+(?:and|as\s+well\s+as)\s+(?:(?:several|some|a\s+few|many|a\s+number\s+of|two|three"
    r"|four|five|other|more|nearby|neighbou?ring|smaller)\s+){1,3}(?:settlements|villages|towns"
    r"|localities|communities)(?![\w-])"
    # …unless it goes on to name them ("and neighboring settlements - @2, @3")
    r"(?!\s*(?:[-–—:]|,?\s*(?:such\s+as|including|namely|like|notably|in\s+particular)\b))"
)


# A short aside in brackets after a list item that names no place: "(confirmation)"
_BRACKET_ASIDE = re.compile(r"\s*\([^()@\n]{1,40}\)")


# A compass aside between two list items ("@0, to the northeast, and @1")
_COMPASS_ASIDE_JOIN = re.compile(
    r",\s+(?:to\s+the\s+|further\s+)?(?:north|south|east|west|northeast|northwest|southeast"
    r"|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s*,\s*(?:and|as\s+well\s+as)\s+"
)
# A landmark every item so far lies by ("@0 and @1, both north of @2, and @3")
_SHARED_LANDMARK = re.compile(
    r",\s+(?:both|all|each)\s+(?:(?:about|some|around)\s+)?(?:\d+\s*(?:km|kilometres|kilometers"
    r"|miles)\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of"
    r"|near|outside|around)\s+(?:the\s+(?:town|city|village)\s+of\s+)?",
    re.IGNORECASE,
)
_COMMA_AND = re.compile(r",\s*(?:and|as\s+well\s+as)\s+")
# What goes on from a list item to the next one
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")


def _list_end(text: str, members: list[Mention], following: int) -> int:
    """Where a group's span ends: after its last mention, or after a last list item the
    gazetteer lacks or a count of unnamed places, so the list still reads as one subject. An
    item that another mention's list goes on from is that list's business (see
    _group_mentions)."""
    end = members[-1].end
    tail = _UNNAMED_TAIL.match(text, end)
    if tail is not None:
        return tail.end()
    item = _unknown_place_item(text, end)
    if (
        item is None
        or item.end() > following  # the "item" is the next mention ("@0, Donetsk region")
        or _LIST_GOES_ON.fullmatch(text, item.end(), following)
    ):
        return end
    return item.end()


# How alike (0–100) a name and a region's name must be to be the same name in two spellings
_SAME_NAME = 85
_UNNAMED_REGION = re.compile(r"\s*,\s*[a-z'’-]{4,}\s+(?:region|oblast|province)(?=\s*,)")
_REGION_LINK = re.compile(r"\s*(?:,|\bin\b(?:\s+the\b)?|\()\s*")
_CLOSE = re.compile(r"\s*\)")
_AS_WELL_AS = re.compile(r",\s+as\s+well\s+as\s+")


# A short appositive after an item of a list that goes on: "@0, Ukraine's capital, and @1"
_APPOSITIVE_ITEM = re.compile(
    r"\s*,\s*(?:the|a|an|its|[\w'’-]+['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:capital|city|town|village|suburb|metropolis|hub|cent(?:er|re)|port|stronghold|settlement)"
    r"\s*,\s*(?:and|or)\s+"
)


# A dash with space on both sides, and a possessive after a name: "@0 – @1's suburb –" sets
# off an aside, where "@0 – @1" alone may pair two places
_SPACED_DASH = re.compile(r"\s+[–—-]\s+")
_POSSESSIVE = re.compile(r"['’]s\b")
# A plural place noun right before a list: "the settlements of @0, @1"
_PLURAL_OPENING = re.compile(
    r"\b(?:villages|settlements|towns|cities|localities|communities)\s+(?:of\s+)?$", re.IGNORECASE
)


def _group_mentions(text: str, mentions: Sequence[Mention], ctx: Context) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for i, m in enumerate(mentions):
        if groups:
            prev = groups[-1][-1]
            between = text[prev.end : m.start].lower()
            apposed = _APPOSED_JOIN.fullmatch(between) is not None
            joined = (
                apposed
                or ctx.join.fullmatch(between) is not None
                or _BULLET_JOIN.fullmatch(between) is not None  # "@0,\n- @1": a bulleted list
            )
            if joined and _SPACED_DASH.fullmatch(between) and _POSSESSIVE.match(text, m.end):
                # "liberated @0 – @1's suburb –": an aside set off by dashes, no pair
                joined = False
            if (
                joined
                and m.text.lower() in ctx.capitals
                and ctx.capital_after.match(text[m.end : m.end + 60].lower())
            ):
                # "Russia Seized Maryinka- Kiev denies": a capital that speaks starts a clause
                joined = False
            republic = None if joined else lexicon().republics.match(text, prev.end, m.start)
            if republic is not None:
                # "@0 in the DPR and @1": the republic qualifies the first; the list goes on
                joined = ctx.join.fullmatch(between[republic.end() - prev.end :]) is not None
            if not joined:
                # "@0, Zapoozhye region, @1 and @2": a region the gazetteer cannot name (a
                # misspelling) qualifies the place before it; the list goes on
                qualifier = _UNNAMED_REGION.match(between)
                if qualifier is not None:
                    joined = ctx.join.fullmatch(between[qualifier.end() :]) is not None
            if not joined and between.lstrip().startswith("("):
                # "@0 (confirmation), @1 (confirmation), and @2": a short aside in brackets
                # after an item is no end of the list
                aside = _BRACKET_ASIDE.match(between)
                joined = (
                    aside is not None and ctx.join.fullmatch(between[aside.end() :]) is not None
                )
            if not joined and _COMPASS_ASIDE_JOIN.fullmatch(between):
                # "captured @0, to the northeast, and @1 to the south": where the first lies,
                # set off by commas; the list goes on
                joined = True
            if not joined and _APPOSITIVE_ITEM.fullmatch(between):
                # "fled from @0, Ukraine's capital, and @1, its northern metropolis": the
                # appositive describes the first item; the list goes on
                joined = True
            if not joined and _UNKNOWN_ITEM.fullmatch(text, prev.end, m.start):
                # "@0, @1, Nova Kamenka, @2 and @3": a running list goes on past a name the
                # gazetteer lacks; after one name, only past one that looks like a place
                item = _unknown_place_item(text, prev.end) if len(groups[-1]) < 2 else None
                joined = len(groups[-1]) >= 2 or bool(
                    item and _LIST_GOES_ON.fullmatch(text, item.end(), m.start)
                )
            if (
                joined
                and between.strip().startswith(",")
                and ctx.region_after.match(text[m.end : m.end + 40].lower())
            ):
                joined = False  # "A and B, Kherson Oblast": the region qualifies, ends the list
            if joined and not apposed and between.strip().startswith(",") and "and" not in between:
                # "A, B" is a list only when it goes on ("A, B and C"), not "A, B holds".
                after = text[m.end : m.end + 6].lower()
                nxt = mentions[i + 1].start if i + 1 < len(mentions) else -1
                # …or when it already runs on commas: "@0, @1, @2, @3 are liberated"
                # …or when a plural noun opens it and it ends the clause: "captured the
                # settlements of @0, @1."
                opened = _PLURAL_OPENING.search(
                    text, max(0, groups[-1][0].start - 40), groups[-1][0].start
                )
                joined = (
                    after.startswith((",", " and ", " or "))
                    or nxt == m.end
                    or len(groups[-1]) >= 2
                    or (opened is not None and after.lstrip()[:1] in {".", ";", ""})
                )
            if (
                len(groups) >= 2
                and len(groups[-1]) == 1
                and _list_past_region(text, groups[-2][-1], prev, m, ctx)
            ):
                # "the liberation of @0, Donetsk Oblast on June 12, and @1": the region
                # qualifies the first place; the list goes on past it
                groups.pop()  # the region is no member: it only stands inside the list's span
                groups[-1].append(m)
                continue
            if (
                len(groups) >= 2
                and len(groups[-1]) == 1
                and _SHARED_LANDMARK.fullmatch(text, groups[-2][-1].end, prev.start)
                and _COMMA_AND.fullmatch(between)
            ):
                # "west of @0 and @1, both north of @2, and @3": the landmark both lie by
                # stands inside the list, which goes on past it
                groups.pop()
                groups[-1].append(m)
                continue
            if joined:
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _list_past_region(
    text: str, before: Mention, region: Mention, m: Mention, ctx: Context
) -> bool:
    """Whether ``region`` stands between two places of one list, qualifying the first
    (", Donetsk Oblast", "in the Donetsk region", "(Donetsk region)")."""
    if not _REGION_LINK.fullmatch(text, before.end, region.start):
        return False
    rest = text[region.end : m.start].lower()
    if _names_own_oblast(text, before, region):
        # "@0 in Zaporizhzhia and @1 in Kharkiv", "@0 in Donetsk, as well as @1 in Kharkiv":
        # an oblast named by its centre
        return ctx.join.fullmatch(rest) is not None or _AS_WELL_AS.fullmatch(rest) is not None
    word = ctx.region_after.match(rest)
    if word is None or ctx.region_after.match(text[m.end : m.end + 40].lower()):
        return False  # "@0 in Izium district, Kharkiv Oblast": a second region, no list
    # "@0 (Donetsk region) and @1": a bracketed region closes before the list goes on
    closed = _CLOSE.match(rest, word.end())
    after = closed.end() if closed else word.end()
    # "@0 and @1 in the @2 community, as well as @3": the list goes on past the qualifier
    return bool(ctx.join.fullmatch(rest, after) or _AS_WELL_AS.fullmatch(rest, after))


def _names_own_oblast(text: str, before: Mention, region: Mention) -> bool:
    """Whether ``region`` ("in Zaporizhzhia", "(Chernihiv)") is the oblast of the place before
    it, named by its centre: "Stepnohirsk in Zaporizhzhia" is in the oblast, not in the city."""
    link = text[before.end : region.start].strip().lower()
    if link == "(":
        # "Sloboda and Lukashivka (Chernihiv)": a bracketed label
        if not text[region.end : region.end + 2].lstrip().startswith(")"):
            return False
    elif link != "in":
        return False
    # (the capital's own admin1 is the city's: "(Kiev)" labels Kyiv Oblast)
    return (
        before.place.id != region.place.id and before.place.admin1 == f"{region.place.name} Oblast"
    )


# What stands before a capital that ends a headline as its source ("…: Moscow", "… – Kyiv")
_SOURCE_OPENING = re.compile(r"\w\s*(?::|\s[-–—|])\s*$")


def _classify(group: Group, left: str, right: str, first: bool, ctx: Context) -> None:
    word = group.members[0].text.lower()
    if first and not left.strip() and len(group.members) == 1 and ctx.dateline_after.match(right):
        group.status = "dateline"
    elif word in ctx.capitals and (
        ctx.capital_after.match(right)
        or ctx.capital_before.search(left[-40:])
        # "Russia captures two villages in Ukraine: Moscow": a headline's source
        or (_SOURCE_OPENING.search(left) is not None and not right.strip(" .\n"))
    ):
        group.status = "actor"
    elif _not_the_place(group, word, left, right, ctx):
        group.status = "hard"
    elif ctx.reference_before.search(left[-90:]) or _DISTRICT_AFTER.match(right):
        # "captured the Izium district": the district around a town, not the town itself
        group.status = "reference"
    elif ctx.soft_before.search(left[-60:]):
        group.status = "soft"


# A flag raised over a place's centre ("… in @1's central square", "in front of the @1 city
# hall") flies over the place
_FLAG_BEFORE = re.compile(r"\b(?:flags?|banner|tricolou?r)\b", re.IGNORECASE)
_CENTRE_OF = re.compile(
    r"(?:['’]s)?\s+(?:(?:central|main)\s+square|(?:city|town|village)\s+(?:centre|center|hall|council)"
    r"|centre|center|administration\s+building)\b",
    re.IGNORECASE,
)


def _not_the_place(group: Group, word: str, left: str, right: str, ctx: Context) -> bool:
    """A possessive, an axis, a region or a river rather than the place."""
    if ctx.possessive_nominal.match(right):
        return False  # "Avdiivka's capture" is about the place itself
    if _FLAG_BEFORE.search(left[-80:]) and _CENTRE_OF.match(right):
        return False  # "a flag raised in Sudzha's central square": over the place itself
    if ctx.not_target_after.match(right) or ctx.direction_after.match(right):
        return True
    if _AREA_AFTER.match(right) and left.rstrip().endswith("("):
        return True  # "Shevchenko (Pokrovsk district)": the area a place lies in, not the town
    if ctx.region_after.match(right) and any(_names_its_region(m) for m in group.members):
        return True
    if len(group.members) == 1 and _renamed_centre(group.members[0]):
        return True  # "entered Dnipropetrovsk": the oblast keeps the name its centre dropped
    if _REGIONS_APPOSED.match(right) and all(_names_its_region(m) for m in group.members):
        return True  # "the Luhansk and Donetsk, the two breakaway regions": regions
    if _WITH_DONBAS.match(right) and all(_names_its_region(m) for m in group.members):
        return True  # "relocated from Zaporizhzhia, Kherson, and the Donbas": regions
    if _REGION_OF.search(left[-30:]) and any(_names_its_region(m) for m in group.members):
        return True  # "the border region of Sumy"
    if _VILLAGE_IN.search(left[-30:]) and any(_names_its_region(m) for m in group.members):
        return True  # "the last village in Kursk under Ukrainian control": the Kursk region
    if _VILLAGE_AFTER.match(right) and all(
        m.place.kind == "city" or (m.place.population or 0) >= VILLAGE_MAX_POPULATION
        for m in group.members
    ):
        return True  # "Ukraine's troops abandon Donetsk village": a village of its area
    river = ctx.river_before.search(left[-20:]) or right.startswith(" river")
    return word in ctx.rivers and bool(river)


_DISTRICT_AFTER = re.compile(r"\s*(?:district|raion|rayon)\b", re.IGNORECASE)
# An area named after its town ("Pokrovsk district", "Vovchansk hromada")
_AREA_AFTER = re.compile(
    r"\s*(?:district|districts|raion|rayon|hromada|community|municipality)\b", re.IGNORECASE
)
# A city's name before "village": a village of the city's area ("the Severodonetsk village")
_VILLAGE_AFTER = re.compile(r"\s+(?:village|villages|hamlet|hamlets)\b", re.IGNORECASE)
# A village said to lie in a region's centre, which stands for the region ("a village in Kursk")
_VILLAGE_IN = re.compile(r"(?<![\w-])(?:village|hamlet|settlement|locality)\s+in\s+(?:the\s+)?$")
# A list that ends in a region ("Zaporizhzhia, Kherson, and the Donbas") names regions
_WITH_DONBAS = re.compile(r"\s*,?\s*(?:and|or)\s+(?:the\s+)?(?:donbas+|donbass|donbas\s+region)\b")
# An appositive that calls the names regions ("@0, the two breakaway regions in the east")
_REGIONS_APPOSED = re.compile(
    r"\s*,\s*(?:the\s+)?(?:two\s+|both\s+)?(?:[\w-]+\s+){0,2}?(?:regions|oblasts|provinces|republics)\b"
)
# A region word before its centre's name: "the region of @1", "Ukraine's oblast of @1"
_REGION_OF = re.compile(r"(?<![\w-])(?:region|oblast|province)\s+of\s+(?:the\s+)?$")


def _names_region(members: list[Mention]) -> bool:
    """Whether any of a group's places names its region (most groups hold one place)."""
    if len(members) == 1:
        return _names_its_region(members[0])
    return any(_names_its_region(m) for m in members)


def _names_its_region(mention: Mention) -> bool:
    """Whether a mention names its place's region: the place's own name, or the region's where
    the centre was renamed ("the Dnipropetrovsk region" of the city of Dnipro)."""
    if _is_region_name(mention.place):
        return True
    admin1 = mention.place.admin1
    if not admin1:
        return False
    # spelled as news copy spells it: "the Dnepropetrovsk region"
    said, region = mention.text.lower(), admin1.split(" ")[0].lower()
    if said[:2] != region[:2] or abs(len(said) - len(region)) > 3:
        return False  # most names: no fuzzy comparison needed
    from rapidfuzz import fuzz

    return said == region or fuzz.ratio(said, region) >= _SAME_NAME


def _renamed_centre(mention: Mention) -> bool:
    """Whether a mention calls an oblast centre by the oblast's name, which the city no longer
    bears ("Dnipropetrovsk" for Dnipro): news since the renaming means the oblast."""
    return (
        mention.place.kind == "city"
        and not _is_region_name(mention.place)
        and _names_its_region(mention)
    )


def _is_region_name(place: Place) -> bool:
    """A place whose name also names its region: an oblast centre, or a place abroad."""
    if place.country and place.country != "UA":
        return True
    first = place.admin1.split(" ")[0].lower() if place.admin1 else ""
    return bool(first) and first == place.name.lower()


# A wire story's slug before its headline ("UPDATE 2-", "EXCLUSIVE-")
_WIRE_SLUG = re.compile(
    r"^\s*(?:UPDATE\s+\d+|WRAPUP\s+\d+|EXCLUSIVE|ANALYSIS|FACTBOX|EXPLAINER|REFILE|CORRECTED)"
    r"\s*-(?=\S)"
)


def build_frame(text: str, sentence: Sentence, index: int, mentions: Sequence[Mention]) -> Frame:
    """The frame of ``sentence`` (the ``index``-th of ``text``) with its ``mentions``."""
    ctx = context()
    raw_groups = _group_mentions(text, mentions, ctx)
    pieces: list[str] = []
    cursor = sentence.start
    for k, members in enumerate(raw_groups):
        # A literal "@" in the text must not pass for a token.
        pieces.append(_without_leading_unknown(text[cursor : members[0].start].replace("@", " ")))
        pieces.append(f"@{k}")
        following = raw_groups[k + 1][0].start if k + 1 < len(raw_groups) else sentence.end
        cursor = min(_list_end(text, members, following), sentence.end)
    pieces.append(text[cursor : sentence.end].replace("@", " "))
    if pieces[0][:1].isupper() and "-" in pieces[0][:16]:
        # "UPDATE 2-Russian forces captured …": a wire story's slug is glued to the headline
        pieces[0] = _WIRE_SLUG.sub("", pieces[0], count=1)
    # Beyond the text with its tokens, a frame depends on each group's first name and on
    # whether it names its region; sentences repeat with other places, so shapes are kept.
    telling, regional = [], []
    for members in raw_groups:
        telling.append(_telling(members[0].text, ctx))
        regional.append(_names_region(members))
    tokenised = "".join(pieces)
    if ":" in tokenised:
        tokenised = _BULLET_AFTER_COLON.sub(": ", tokenised)
        tokenised = _BULLET_AFTER_ITEM.sub(", ", tokenised)
    key = (tokenised, tuple(telling), tuple(regional))
    shape = _shapes.get(key)
    if shape is None:
        if len(_shapes) >= _CACHE_MAX:
            _shapes.clear()
        shape = _shapes[key] = _shape(key[0], raw_groups, ctx)
    groups = [
        Group(members, status, lo, hi)
        for members, status, (lo, hi) in zip(raw_groups, shape.statuses, shape.spans, strict=True)
    ]
    for before, group in itertools.pairwise(groups):
        if (
            group.status == "target"
            and len(group.members) == 1
            and _names_own_oblast(text, before.members[-1], group.members[0])
        ):
            # "@0 in Donetsk and @1 in Sumy have fallen": the last list member's oblast,
            # named by its centre, is no place of the list
            group.status = "hard"
    places = [g.members[0].place for g in groups]
    return Frame(sentence, index, shape.text, groups, list(shape.clauses), places)


def _telling(name: str, ctx: Context) -> str:
    """A group's first name if it can change the frame (a capital, a river), else ``""``."""
    word = name.lower()
    return name if word in ctx.capitals or word in ctx.rivers else ""


@dataclass(frozen=True, slots=True)
class _Shape:
    """A frame apart from its mentions: its text, the groups' statuses and token spans."""

    text: str
    statuses: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    clauses: tuple[int, ...]


_shapes: dict[tuple[object, ...], _Shape] = {}
# Statuses whose tokens the frame text rewrites: a capital acting as a side, a dateline.
_REWRITTEN = frozenset({"actor", "dateline"})


def _shape(tokenised: str, raw_groups: list[list[Mention]], ctx: Context) -> _Shape:
    """The shape of a frame from its text with tokens and its groups of mentions."""
    prelim = clean(tokenised)
    groups = [Group(members) for members in raw_groups]
    spans = [(m.start(), m.end()) for m in TOKEN.finditer(prelim)]
    for k, (group, (start, end)) in enumerate(zip(groups, spans, strict=True)):
        # Classification reads a few words either side; bounded slices keep long lines linear.
        left = prelim[max(0, start - 120) : start]
        _classify(group, left, prelim[end : end + 120], k == 0, ctx)
        group.start, group.end = start, end
    frame = prelim
    if not _REWRITTEN.isdisjoint([g.status for g in groups]):
        # Capitals acting as a side become words; datelines vanish.
        out: list[str] = []
        cursor = shift = 0
        for group in groups:
            start, end = group.start, group.end
            out.append(prelim[cursor:start])
            token = prelim[start:end]
            if group.status == "actor":
                token = clean(group.members[0].text)
            elif group.status == "dateline":
                token = ""
            out.append(token)
            group.start, group.end = start + shift, start + shift + len(token)
            shift += len(token) - (end - start)
            cursor = end
        out.append(prelim[cursor:])
        frame = "".join(out)
    return _Shape(
        frame,
        tuple(g.status for g in groups),
        tuple((g.start, g.end) for g in groups),
        tuple(m.end() for m in ctx.clause.finditer(frame)),
    )


def clause_start(frame: Frame, pos: int) -> int:
    """Where the clause holding ``pos`` starts."""
    i = bisect.bisect_right(frame.clauses, pos) - 1
    return frame.clauses[i] if i >= 0 else 0


def group_by_token(frame: Frame, k: int) -> Group | None:
    """The group of token ``@k``, if there is one."""
    return frame.groups[k] if 0 <= k < len(frame.groups) else None
