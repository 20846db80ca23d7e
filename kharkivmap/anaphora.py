"""Definite noun phrases that stand for a place named just before them.

Reports name a place once and then go on with "the city" or "the village": "Ukrainian forces
liberated Bilohorivka in 2022. The Russian Defense Ministry claimed to have captured the village
again on May 20." :func:`resolve_anaphors` turns such a phrase into a mention of its own, of the
place it stands for, so the claim made about it keeps its sentence and offsets and does not
displace the claim made where the place is named. It is deliberately cautious: the phrase must
stand alone ("the city council", "the village of X" and "the town's mayor" are other things),
and the place must be the only one it can mean in the nearest sentence that names a candidate:
its own, before the phrase ("still hold the north of Pokrovsk, a week after Russia announced
the capture of the city"), or one of the two before it; in an opening sentence, which
mostly names its place and then goes on about it, none. A name that is only a reference point
("located near Kupiansk", "30 km from Izium") is never meant, and neither is a region ("the
Kursk region") or a capital, which stands for its government more often than for itself.

The word lists live in ``lexicon/anaphora.json``.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from kharkivmap.lexicons import alternation, load_lexicon
from kharkivmap.mentions import lexicon
from kharkivmap.models import Mention
from kharkivmap.rules import context
from kharkivmap.sentences import Sentence

__all__ = ["PluralAnaphor", "resolve_anaphors", "resolve_plural_anaphors"]

_SENTENCES_BACK = 4
TOWN_POPULATION_LIMIT = 500_000  # no town, village or settlement is this large
_LOOK_BEHIND = 80  # characters before a name searched for a reference-point cue
_SCORE = 0.8  # an anaphor is less certain than the name it stands for
_OPENING = 40  # characters before a plural noun searched for its determiner
_NOT_THEM = frozenset({"other", "many", "several", "some", "few", "surrounding", "nearby"})


@dataclass(frozen=True, slots=True)
class _Grammar:
    phrase: re.Pattern[str]
    kinds: dict[str, tuple[str, ...]]
    reference: re.Pattern[str]
    never: dict[str, frozenset[str]]
    plural: re.Pattern[str]
    plural_opening: re.Pattern[str]
    singular_of: dict[str, str]
    plural_never: dict[str, frozenset[str]]
    counts: dict[str, int | None]
    pronoun: re.Pattern[str]  # "it" as the object of a verb of capture, entry or withdrawal
    landmark: re.Pattern[str]  # a preposition before a name: "a tank near @0"


@dataclass(frozen=True, slots=True)
class PluralAnaphor:
    """A phrase such as "both villages" standing for the places named together before it:
    ``mention`` is the phrase (its place the first of them), ``antecedents`` their mentions."""

    mention: Mention
    antecedents: tuple[Mention, ...]


@cache
def _grammar() -> _Grammar:
    lex = load_lexicon("anaphora")
    context = load_lexicon("place_context")
    nouns: dict[str, list[str]] = lex["nouns"]
    determiners = alternation(lex["determiners"])
    epithets = alternation(lex["epithets"])
    follow = alternation(lex["next_words"])
    owned = alternation(lex["possessive_next"])
    phrase = re.compile(
        rf"(?<![\w'’-]){determiners}\s+(?:{epithets}\s+){{0,2}}(?P<noun>{alternation(nouns)})"
        # alone: punctuation, the end, or a word that cannot continue the noun phrase
        rf"(?=\s*(?:[.,;:!?“”\"’«»)\]–—]|$)|\s+{follow}\b|['’]s\s+{owned}\b)",
        re.IGNORECASE,
    )
    compass = alternation(w for w in context["relation_words"] if w.endswith(" of"))
    near = alternation(w for w in context["relation_words"] if not w.endswith(" of"))
    units = alternation(context["distance_units"])
    cues = alternation(lex["reference_cues"])
    reference = re.compile(
        rf"(?:\b{compass}|\b{units}\s+(?:away\s+)?from"
        rf"|(?:,|\b{cues})\s+(?:[\w-]+\s+){{0,3}}?{near}"
        # "a town near Kharkiv has been recaptured … the town": the landmark is not the town
        rf"|\b(?:a|an|another)\s+(?:[\w-]+\s+)?(?:town|village|city|settlement)\s+{near})"
        # "northwest of the center of Russian-occupied Luhansk"
        r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$",
        re.IGNORECASE,
    )
    kinds = {noun: tuple(preferred) for noun, preferred in nouns.items()}
    never = {noun: frozenset(ruled_out) for noun, ruled_out in lex["never"].items()}
    singular_of: dict[str, str] = lex["plural_nouns"]
    counts: dict[str, int | None] = lex["plural_determiners"]
    plural_follow = alternation([*lex["next_words"], *lex["plural_next_words"]])
    plural = re.compile(
        rf"(?<![\w'’-])(?P<det>{alternation(counts)})\s+(?:(?P<adj>[a-z-]+)\s+)?"
        rf"(?P<noun>{alternation(singular_of)})"
        rf"(?=\s*(?:[.,;:!?“”\"’«»)\]–—]|$)|\s+{plural_follow}\b)",
        re.IGNORECASE,
    )
    # the plural nouns are rare and "the" is everywhere: find a noun, then its determiner
    plural_opening = re.compile(
        rf"(?<![\w'’-]){alternation(counts)}\s+(?:[a-z-]+\s+)?$", re.IGNORECASE
    )
    plural_never = {noun: frozenset(kinds) for noun, kinds in lex["plural_never"].items()}
    pronoun = re.compile(
        rf"(?<![\w'’-]){alternation(lex['pronoun_verbs'])}\s+(?P<noun>it)"
        rf"(?=\s*(?:[.,;:!?]|$)|\s+{alternation(lex['pronoun_next_words'])}\b)"
    )
    landmark = re.compile(
        rf"\b{alternation(lex['landmark_prepositions'])}\s+(?:the\s+)?$", re.IGNORECASE
    )
    return _Grammar(
        phrase,
        kinds,
        reference,
        never,
        plural,
        plural_opening,
        singular_of,
        plural_never,
        counts,
        pronoun,
        landmark,
    )


def resolve_anaphors(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]
) -> list[Mention]:
    """Mentions for the phrases of ``text`` that stand for one earlier named place.

    ``mentions`` are the named places in text order; the result holds only the new
    mentions (``text[start:end]`` is the phrase, ``place`` the place it stands for), each
    scored below the name it refers to. Phrases inside a mention are left alone.
    """
    grammar = _grammar()
    found: list[Mention] = []
    # per sentence index, the phrase that opens it as its subject and the mention it became
    opening: dict[int, tuple[str, Mention]] = {}
    # per noun, the sentence index and mention of the last phrase with that noun that opened
    # its sentence
    chain: dict[str, tuple[int, Mention]] = {}
    phrases = heapq.merge(
        grammar.phrase.finditer(text), grammar.pronoun.finditer(text), key=lambda m: m.start()
    )
    for match, earlier, sentence_starts in _phrases(phrases, text, sentences, mentions):
        index = bisect.bisect_right(sentence_starts, match.start("noun")) - 1
        noun = match["noun"].lower()
        if noun == "it":
            # "Vuhledar had held out for two years. Russian forces entered it after a furious
            # battle": "it" after a verb of capture or entry, for the only place named last
            named = _antecedent(text, earlier, sentence_starts, grammar, noun)
            landmark = named is not None and grammar.landmark.search(
                text, max(0, named.start - 30), named.start
            )
            if named is not None and not landmark:
                # (not "an abandoned tank near @0. They captured it": the tank)
                start, end = match.span("noun")
                score = round(named.score * _SCORE, 3)
                found.append(Mention(start, end, match["noun"], named.place, score))
            continue
        chained = opening.get(index - 1)
        if (
            chained is not None
            and chained[0] == noun
            and not _named_in(earlier, sentence_starts[index])
        ):
            # "Robotyne has been liberated. The settlement is 10 km south of Orikhiv … towards
            # Tokmak. … raising the flag in the settlement": the phrase goes on with the one
            # the sentence before opened with, not the last name that sentence gave
            meant: Mention | None = chained[1]
        else:
            meant = _antecedent(text, earlier, sentence_starts, grammar, match["noun"])
            prior = chain.get(noun)
            if (
                meant is not None
                and prior is not None
                and prior[1].place.id != meant.place.id
                and index - prior[0] <= _CHAIN_SENTENCES
                and not _named_in(earlier, sentence_starts[index])
                and not _called(text, earlier, meant, noun)
            ):
                # "The settlement is 10 km south of @0 … towards @1, a road hub. @1's capture
                # would be a milestone. … raising the flag in the settlement": a noun goes on
                # naming what it named last, not a place it was never used for
                meant = prior[1]
        if meant is not None:
            score = round(meant.score * _SCORE, 3)
            mention = Mention(*match.span(), match[0], meant.place, score)
            found.append(mention)
            if not text[sentence_starts[index] : match.start()].strip(" \"'“”‘’"):
                opening[index] = (noun, mention)
                # a phrase opening its sentence is the topic the noun names from there on
                chain[noun] = (index, mention)
    return found


def _called(text: str, earlier: Sequence[Mention], meant: Mention, noun: str) -> bool:
    """Whether the text calls the place ``meant`` by ``noun`` where it names it ("the
    settlement of @1", "@1, a small settlement")."""
    for mention in earlier:
        if mention.place.id != meant.place.id:
            continue
        around = text[max(0, mention.start - 30) : mention.end + 30].lower()
        if noun in around:
            return True
    return False


# How many sentences back a noun's last phrase still decides what it names
_CHAIN_SENTENCES = 2


def _named_in(earlier: Sequence[Mention], sentence_start: int) -> bool:
    """Whether a name stands in the phrase's own sentence, before it."""
    return bool(earlier) and earlier[-1].start >= sentence_start


def resolve_plural_anaphors(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]
) -> list[PluralAnaphor]:
    """The phrases of ``text`` that stand for several places named together just before
    ("Russia captured @0 and @1. Kyiv denied losing both villages."): in the nearest sentence
    that names a candidate, exactly as many places as the phrase counts ("both", "the two"),
    or two or more for "these villages". Like :func:`resolve_anaphors`, cautious: anything
    else leaves the phrase alone."""
    grammar = _grammar()
    found: list[PluralAnaphor] = []
    phrases = _plural_phrases(grammar, text)
    for match, earlier, sentence_starts in _phrases(phrases, text, sentences, mentions):
        if match["adj"] and match["adj"].lower() in _NOT_THEM:
            continue  # "these other villages" are others
        noun = grammar.singular_of[match["noun"].lower()]
        ruled_out = grammar.plural_never.get(noun, frozenset())
        named = _nearest_named(text, earlier, sentence_starts, grammar, ruled_out)
        count = grammar.counts[" ".join(match["det"].lower().split())]
        if len(named) < 2 or (count is not None and len(named) != count):
            continue
        score = round(min(m.score for m in named) * _SCORE, 3)
        phrase = Mention(*match.span(), match[0], named[0].place, score)
        found.append(PluralAnaphor(phrase, tuple(named)))
    return found


def _plural_phrases(grammar: _Grammar, text: str) -> Iterator[re.Match[str]]:
    """The matches of ``grammar.plural`` in ``text`` in text order, found from their nouns
    (plain substring search: the nouns are rare, and a regex scan of every text is not)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): no offsets
        return grammar.plural.finditer(text)
    found: list[re.Match[str]] = []
    for noun in grammar.singular_of:
        at = lowered.find(noun)
        while at >= 0:
            end = at + len(noun)
            opening = grammar.plural_opening.search(text, max(0, at - _OPENING), at)
            if opening is not None:
                match = grammar.plural.match(text, opening.start())
                if match is not None and match.end("noun") == end:
                    found.append(match)
            at = lowered.find(noun, end)
    return iter(sorted(found, key=lambda m: m.start()))


def _phrases(
    matches: Iterator[re.Match[str]],
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
) -> Iterator[tuple[re.Match[str], Sequence[Mention], list[int]]]:
    """Each of ``matches`` after a name and outside the opening sentence, with the names
    before it in its sentence and the sentences before, up to four back (and the sentences'
    starts)."""
    if not mentions or not sentences:
        return
    starts = [m.start for m in mentions]
    sentence_starts = [s.start for s in sentences]
    for match in matches:
        start = match.start()
        at = bisect.bisect_right(starts, start) - 1
        index = bisect.bisect_right(sentence_starts, start) - 1
        if at < 0 or mentions[at].end > start or index < 1:
            continue  # nothing named before it, or part of a name ("The Village of …")
        lowest = bisect.bisect_left(starts, sentence_starts[max(0, index - _SENTENCES_BACK)])
        yield match, mentions[lowest : at + 1], sentence_starts


def _nearest_named(
    text: str,
    earlier: Sequence[Mention],
    sentence_starts: list[int],
    grammar: _Grammar,
    ruled_out: frozenset[str],
) -> list[Mention]:
    """The first mention of each place the nearest sentence with candidates names."""
    by_sentence = _candidates_by_sentence(text, earlier, sentence_starts, grammar, ruled_out)
    if not by_sentence:
        return []
    places = {m.place.id: m for m in reversed(by_sentence[max(by_sentence)])}
    return sorted(places.values(), key=lambda m: m.start)


def _candidates_by_sentence(
    text: str,
    earlier: Sequence[Mention],
    sentence_starts: list[int],
    grammar: _Grammar,
    ruled_out: frozenset[str],
) -> dict[int, list[Mention]]:
    """The ``earlier`` mentions of places of no kind ``ruled_out`` that are no reference
    point, region or capital, by sentence index."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in earlier:
        if mention.place.kind not in ruled_out and _may_be_meant(text, mention, grammar):
            at = bisect.bisect_right(sentence_starts, mention.start) - 1
            by_sentence.setdefault(at, []).append(mention)
    return by_sentence


def _antecedent(
    text: str, earlier: Sequence[Mention], sentence_starts: list[int], grammar: _Grammar, noun: str
) -> Mention | None:
    """The one place "the ``noun``" can stand for among the ``earlier`` names: in the nearest
    sentence that names a candidate, the only place named there, or the only one of a kind
    the noun prefers ("the village" after a village and a city); None when that leaves two."""
    ruled_out = grammar.never.get(noun.lower(), frozenset())
    if noun.lower() != "city":
        # "the town" is no city of half a million ("Kharkiv … the town had been liberated")
        earlier = [m for m in earlier if (m.place.population or 0) < TOWN_POPULATION_LIMIT]
    by_sentence = _candidates_by_sentence(text, earlier, sentence_starts, grammar, ruled_out)
    if not by_sentence:
        return None
    places = {m.place.id: m for m in by_sentence[max(by_sentence)]}
    if len(places) > 1:
        preferred = grammar.kinds.get(noun.lower(), ())
        places = {pid: m for pid, m in places.items() if m.place.kind in preferred}
    return next(iter(places.values())) if len(places) == 1 else None


def _may_be_meant(text: str, mention: Mention, grammar: _Grammar) -> bool:
    """Whether ``mention`` names a settlement itself: not a capital ("Moscow" is mostly the
    government), a region ("the Kursk region", "the Lugansk People's Republic"), a front or
    area named after it ("the Toretsk direction", "the Toretsk agglomeration") or a
    reference point."""
    ctx = context()
    after = text[mention.end : mention.end + 40].lower()
    return not (
        mention.text.lower() in ctx.capitals
        or ctx.region_after.match(after[:30])
        # "the head of the Kharkov military-civilian administration": the region's
        or after.startswith(lexicon().administration_after)
        or ctx.direction_after.match(after[:30])
        or grammar.reference.search(text, max(0, mention.start - _LOOK_BEHIND), mention.start)
    )
