"""From an article to control claims: which places changed hands, to whom, when, on whose word.

The parser is rule-based and pure. For every sentence that holds a place mention it builds a
frame (:mod:`kharkivmap.frames`: the sentence normalised, mentions as ``@N`` tokens classified
as targets or not) and runs the trigger rules of :mod:`kharkivmap.rules`. A match becomes a
claim once it survives the modality checks and its acting side is known
(:mod:`kharkivmap.actors`); claimant and hedging come from :mod:`kharkivmap.claimants`, the
date from :mod:`kharkivmap.dates`. Per article, a denial that governs a trigger disputes the
place ("Kyiv denied that Russians had taken @1"), a contradiction made after a claim only
hedges it, and an older claim that gives the place to the other side yields to a newer one.

Only :meth:`MentionFinder.find_mentions` is needed from the gazetteer.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Protocol

from kharkivmap.actors import (
    OTHER,
    acting_sides,
    announced_gain,
    appositive_head,
    article_voice,
    blocked,
    denial,
    house_side,
    linked_side,
    negation,
    pronoun_before_verb,
    reported_side,
    resolve_actor,
    singular_relative,
    subject_of,
)
from kharkivmap.anaphora import resolve_anaphors, resolve_plural_anaphors
from kharkivmap.claimants import (
    PRONOUNS,
    Speaker,
    choose_speaker,
    fallback_names,
    find_speakers,
    generic_names,
    has_quoted_trigger,
    is_followup_hedge,
    is_hedged,
    side_words,
    speech_verbs,
)
from kharkivmap.dates import (
    DateExpression,
    find_date_expressions,
    nearest_expression,
    pick_date,
)
from kharkivmap.frames import (
    TOKEN,
    Frame,
    Group,
    build_frame,
    clause_start,
    clean,
    group_by_token,
    may_be_place_names,
)
from kharkivmap.gazetteer import distance_km, war_zone_nearness
from kharkivmap.lexicons import load_lexicon
from kharkivmap.models import Article, Candidate, Claim, Event, Mention, Place
from kharkivmap.normalize import fold
from kharkivmap.prefilter import may_match
from kharkivmap.rules import Rule, context, key_words_in, rules_keyed
from kharkivmap.sentences import Sentence, split_sentences
from kharkivmap.translit import romanize_ru

__all__ = ["MentionFinder", "extract_claims"]

_CHANGE = frozenset({"captured", "withdrew"})
_TARGETS = frozenset({"target", "soft"})
_EDGE_OF = re.compile(
    r"\b(?:outskirts|edges?|approaches)\s+(?:of|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$"
)
_STATUS_TARGETS = _TARGETS | {"reference"}
# A noun of passing into someone's control right before a state ("the transfer of @1 under …")
_PASSING_UNDER = re.compile(r"\b(?:transfer|transition)\s+of\s+(?:[\w'@-]+\s+|,\s+){1,8}?$")
# "@1 is almost entirely under Russian control": not all of it, so a front line runs through
_ALMOST = re.compile(r"\b(?:almost|nearly)\b")
_ENCIRCLING = re.compile(
    r"\s+in(?:to)?\s+(?:an?\s+)?(?:semi-?|half-?|partial\s+)?(?:encirclement|ring|pincer)"
)
_FORMER = re.compile(r"\b(?:former|erstwhile|one-time)\s+$")
_PARTIAL = re.compile(r"\bpartial(?:ly)?\s+$")
_PASSIVE_COUNT = re.compile(r"\s(?:been|were|was)\s")
_RELATIVE_SUBJECT = re.compile(r"@(?P<g>\d+)\s*,\s*(?:which|that|who)\s+(?:[a-z]+ly\s+)?$")
# "@0 near @1, which …": a place, the landmark it lies by, and a relative clause
_CAPITAL_LANDMARK = re.compile(
    r"@(?P<t>\d+)\s*,?\s+(?:near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+"
    r"(?:the\s+capital\s+)?@(?P<g>\d+)\s*,\s*(?:which|that)\b"
)
# "@0, another village in @1 oblast that …": a relative clause after a place's appositive
_APPOSED_RELATIVE = re.compile(
    r"@(?P<g>\d+)\s*,\s*(?:another|a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:village|town|city"
    r"|settlement)(?:\s+(?:in|of|near)\s+(?:the\s+)?(?:@\d+\s+(?:region|oblast)|@\d+|[\w-]+)"
    r"(?:\s+(?:region|oblast))?)?\s+(?:which|that)\s+(?:[a-z]+ly\s+)?$"
)
# "the village of @1 in the @2 district of the @3 People's Republic, which was liberated":
# the clause is about the village its district and region only place
_DISTRICT_RELATIVE = re.compile(
    r"@(?P<g>\d+)(?:\s+(?:village|town|settlement))?\s+in\s+(?:the\s+)?@\d+\s+(?:district|raion"
    r"|community|hromada)(?:\s+of\s+(?:the\s+)?@\d+\s+(?:people['’]s\s+republic|region|oblast))?"
    r"\s*,\s*(?:which|that)\s+(?:[a-z]+ly\s+)?$"
)
# "@1, held by …": a participle set off right after a name
_PARTICIPLE_AFTER_NAME = re.compile(r"@(?P<g>\d+)\s*,\s*(?:still\s+|now\s+)?$")
# …not a predicate with its verb ("@0, near @1, was also in Ukrainian hands")
_COPULA_FIRST = re.compile(r"(?:is|are|was|were|has|have|had|remains?|remained|be|been)\b")
_RANK = {"captured": 3, "withdrew": 3, "held": 2, "contested": 1}
_LOOKBACK = 3
_DATELINE = 80
# A hold that ended lately: "until recently", "until this week", "until Thursday"
_UNTIL_RECENT = re.compile(
    r"\s*,?\s*\buntil\s+(?:very\s+)?(?:recently|(?:earlier\s+)?this\s+week|last\s+week|yesterday"
    r"|(?:a\s+few\s+|several\s+|two\s+|three\s+)?days\s+ago|(?:last\s+)?(?:mon|tues|wednes|thurs"
    r"|fri|satur|sun)day)\b(?:\s*,)?\s*"
)
# A place held "since" a day this recent changed hands that day.
_SINCE_NEWS_DAYS = 14
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:early|late)\s+)?$")
# Sentence and frame texts whose readings are kept, up to this many of each.
_CACHE_MAX = 10_000
_MATCHES: dict[str, dict[int, tuple[re.Match[str], ...]]] = {}


class MentionFinder(Protocol):
    """Anything that finds place mentions with exact offsets (the gazetteer does)."""

    def find_mentions(self, text: str) -> list[Mention]:
        """Mentions in ``text``, each with ``text[start:end] == mention.text``."""
        ...


@dataclass(slots=True)
class _Candidate:
    members: list[Mention]
    event: str
    actor: str | None
    anchor: int
    confidence: float
    frame: Frame
    speaker: Speaker | None
    disputed: str | None = None  # the controller a denied change would have given
    doubted: bool = False  # contradicted later in the sentence
    # driven out rather than withdrawn: the winner, not the loser, tells of it
    forced: bool = False


def _named_speakers(speakers: list[Speaker]) -> list[Speaker]:
    """The named speakers a later sentence can go on with: a relaying outlet only when no
    source of its own is named ("The centre stated this, Ukrinform reports")."""
    named = [s for s in speakers if s.name and not s.inherit]
    own = [s for s in named if not s.agency]
    return own or named


class _Article:
    """Per-call state: sentences, frames and speakers, built on demand and cached."""

    def __init__(
        self,
        article: Article,
        mentions: list[Mention],
        sentences: list[Sentence],
        plural: frozenset[int] = frozenset(),
    ) -> None:
        self.article = article
        self.plural = plural  # starts of phrases such as "both villages", which name no place
        self.text = article.text
        self.sentences = sentences
        self.mentions = mentions
        starts = [m.start for m in mentions]
        count = len(starts)
        self.by_sentence: list[list[Mention]] = []
        for s in self.sentences:
            lo = bisect.bisect_left(starts, s.start)
            if lo == count or starts[lo] >= s.end:
                self.by_sentence.append([])  # most sentences name no place
                continue
            hi = bisect.bisect_left(starts, s.end, lo)
            self.by_sentence.append(mentions[lo:hi])
        self._starts = [s.start for s in self.sentences]
        self._frames: dict[int, Frame] = {}
        self._speakers: dict[int, list[Speaker]] = {}
        self._dates: dict[int, list[DateExpression]] = {}
        self._raw_dates: dict[int, list[DateExpression]] = {}
        self._hedged: dict[int, bool] = {}
        self._doubts: dict[int, bool] = {}
        self._quotes: dict[int, str] = {}
        self._unverified: frozenset[str] | None = None
        self._lowered: str | None = None
        self._house_side: tuple[str | None] | None = None  # (side,) once worked out
        # the side each place passed to in the changes of the sentences read so far
        self.gained_by: dict[str, str] = {}
        self.last_gainer: str | None = None  # …and in the last of them

    def house_side(self) -> str | None:
        """The side whose voice the article speaks: its outlet's, when a dateline or the outlet
        names a state news agency, else the words only one side uses anywhere in it
        ("Krasnoarmeysk"). Worked out on first use: most articles never ask."""
        if self._house_side is None:
            outlet = house_side(self.article.outlet, self.text[:_DATELINE], self.article.url)
            self._house_side = (outlet or article_voice(self.text),)
        return self._house_side[0]

    def frame(self, i: int) -> Frame:
        if i not in self._frames:
            self._frames[i] = build_frame(self.text, self.sentences[i], i, self.by_sentence[i])
        return self._frames[i]

    def speakers(self, i: int) -> list[Speaker]:
        if i not in self._speakers:
            frame = self.frame(i)
            self._speakers[i] = find_speakers(frame.text, frame.places)
        return self._speakers[i]

    def speaker(self, i: int, anchor: int) -> Speaker | None:
        frame = self.frame(i)
        chosen = choose_speaker(self.speakers(i), anchor, breaks=frame.clauses)
        if chosen is not None and not chosen.inherit:
            if chosen.side is None:
                # "the defence ministry said" after "Russian Defense Minister Shoigu said": the
                # side an earlier speaker named outweighs side words around this one
                earlier = self._earlier_side(i)
                if earlier is not None or chosen.hint is None:
                    return replace(chosen, hint=earlier)
            return chosen
        if chosen is None and not _CONTINUES.match(frame.text):
            return self._heading_speaker(i)
        # a speaker who inherits, or a sentence that goes on with the last one's account
        # ("Also captured were …"), takes the source named before
        for j in range(i - 1, max(-1, i - 1 - _LOOKBACK), -1):
            named = _named_speakers(self.speakers(j))
            if named:
                return named[-1]
        return None

    def _earlier_side(self, i: int) -> str | None:
        for j in range(i - 1, max(-1, i - 1 - _LOOKBACK), -1):
            sides = [s.side for s in self.speakers(j) if s.side in OTHER]
            if sides:
                return sides[-1]
        return None

    def _heading_speaker(self, i: int) -> Speaker | None:
        line = self.sentences[i].line
        for j in range(i - 1, -1, -1):
            s = self.sentences[j]
            if s.line < line - 1:
                return None
            if s.line == line - 1 and s.heading:
                named = _named_speakers(self.speakers(j))
                return named[-1] if named else None
        return None

    def dates(self, i: int) -> list[DateExpression]:
        """Date expressions of sentence ``i``'s frame (cached)."""
        if i not in self._dates:
            self._dates[i] = find_date_expressions(self.frame(i).text, self.article.published)
        return self._dates[i]

    def previous_dates(self, i: int) -> list[DateExpression]:
        """Date expressions of the sentence before ``i``, for a date carried over; past a
        sentence that dates nothing to the day or week, those of the one before it (a
        background sentence between the dated lead and the claim)."""
        for j in range(i - 1, max(-1, i - 3), -1):
            found = self._sentence_dates(j)
            if any(e.date is not None and e.precision in {"day", "week"} for e in found):
                return found
        return self._sentence_dates(i - 1) if i else []

    def _sentence_dates(self, j: int) -> list[DateExpression]:
        if j in self._frames:
            return self.dates(j)
        if j not in self._raw_dates:
            s = self.sentences[j]
            text = clean(self.text[s.start : s.end])
            self._raw_dates[j] = find_date_expressions(text, self.article.published)
        return self._raw_dates[j]

    def quote(self, sentence: Sentence) -> str:
        """The text of ``sentence``, sliced once however many claims quote it."""
        if sentence.start not in self._quotes:
            self._quotes[sentence.start] = self.text[sentence.start : sentence.end]
        return self._quotes[sentence.start]

    def hedged(self, i: int) -> bool:
        """Whether sentence ``i`` reports with doubt or quotes its capture word (cached)."""
        if i not in self._hedged:
            quote = self.quote(self.sentences[i])
            self._hedged[i] = _hedged_frame(self.frame(i).text) or has_quoted_trigger(quote)
        return self._hedged[i]

    def unverified_sides(self) -> frozenset[str]:
        """Sides whose claims the outlet says it could not verify ("Reuters was not able to
        verify Russia's battlefield account"); ``"*"`` when the disclaimer names no side."""
        if self._unverified is None:
            sides: set[str] = set()
            lowered = self.lowered()
            if "verif" in lowered or "confirm" in lowered:
                for m in _disclaimers(lowered):
                    i = bisect.bisect_right(self._starts, m.start()) - 1
                    s = self.sentences[max(i, 0)]
                    # whose account: named after the verb ("verify Russia's account"), else
                    # before it ("Russia's claims could not be verified")
                    after = _sides_named(self.text[m.end() : s.end])
                    sides |= after or _sides_named(self.text[s.start : m.start()]) or {"*"}
            self._unverified = frozenset(sides)
        return self._unverified

    def followed_by_doubt(self, i: int) -> bool:
        """Whether the next sentence, naming no place, only doubts or denies this one
        ("The claim could not be verified.", "Kyiv denied Russia had full control of the
        hub.")."""
        nxt = i + 1
        if nxt >= len(self.sentences) or self.by_sentence[nxt]:
            return False
        if nxt not in self._doubts:
            s = self.sentences[nxt]
            self._doubts[nxt] = _doubts(self.text[s.start : s.end])
        return self._doubts[nxt]

    def lowered(self) -> str:
        """The article's text lowercased, for the whole-text scans (computed once)."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def later_denials(self, after: int) -> list[tuple[int, str]]:
        """(sentence, side) of each sentence after sentence ``after`` naming no place in which
        a side denies a claim ("Kyiv dismissed the report as false.", "Ukraine's military
        later denied the claim")."""
        found: list[tuple[int, str]] = []
        start = self.sentences[after + 1].start if after + 1 < len(self.sentences) else None
        if start is None:
            return found
        for m in _claim_denials(self.lowered(), start):
            i = bisect.bisect_right(self._starts, m.start()) - 1
            if i < 0 or (found and found[-1][0] == i):
                continue
            s = self.sentences[i]
            text = clean(self.text[s.start : m.start()])
            if self.by_sentence[i]:
                # a capital speaking for its side is no place ("Kyiv dismissed the report")
                frame = self.frame(i)
                if any(
                    g.status in _STATUS_TARGETS and g.members[0].start not in self.plural
                    for g in frame.groups
                ):
                    continue
                again = context().claim_denials.search(frame.text)
                text = frame.text[: again.start()] if again else frame.text
            sides = [g.lastgroup for g in side_words(strict=False).finditer(text)]
            named = [side for side in sides if side in {"ru", "ua"}]
            if named:
                found.append((i, named[-1].upper()))
        return found

    def account_before(self, i: int, actor: str | None) -> Speaker | None:
        """The source of the sentence before, for a change this sentence tells with no source
        of its own that goes on with that account: a gain of the side that source speaks for
        ("Russia's Defence Ministry said its forces had captured @1. The village of @2 was also
        taken.")."""
        if actor not in OTHER:
            return None
        for j in range(i - 1, max(-1, i - 3), -1):
            named = [s for s in self.speakers(j) if s.name and not s.inherit and not s.agency]
            if named:
                return named[-1] if named[-1].likely_side == actor else None
        return None

    def attribution_after(self, i: int) -> Speaker | None:
        """The source a sentence naming no place gives for the one before ("This was
        announced by the head of the regional administration."), if it is one."""
        if i + 1 >= len(self.sentences):
            return None
        frame = self.frame(i + 1)
        if not _ATTRIBUTION.search(frame.text) or any(g.status == "target" for g in frame.groups):
            return None  # a place of its own ("Kharkiv regional administration" is none)
        named = _named_speakers(self.speakers(i + 1))
        return named[0] if named else None

    def counted_capture(self, i: int) -> bool:
        """Whether sentence ``i`` reports a counted capture naming none of the places
        ("said its forces had taken control of five villages")."""
        return self._counted_match(i) is not None

    def _counted_match(self, i: int) -> tuple[str, re.Match[str]] | None:
        """The text of sentence ``i`` in which a counted capture is found, and the match: its
        frame, or else the sentence with every name a token, for a count after a named place
        ("took control of @1 and a number of nearby settlements") that the frame folds into
        the name."""
        counted = context().counted_capture
        text = self.frame(i).text
        found = counted.search(text)
        if found is not None:
            return text, found
        sentence = self.sentences[i]
        pieces, cursor = [], sentence.start
        for mention in self.by_sentence[i]:
            pieces.append(self.text[cursor : mention.start].replace("@", " "))
            pieces.append("@0")
            cursor = mention.end
        pieces.append(self.text[cursor : sentence.end].replace("@", " "))
        text = "".join(pieces).lower()
        found = counted.search(text)
        return (text, found) if found is not None else None

    def counted_source(self, i: int, *, reach: int) -> int | None:
        """The nearest of the ``reach`` sentences before ``i`` that reports a counted capture:
        "the villages in question are @1 and @2" may name them paragraphs later."""
        for j in range(i - 1, max(-1, i - 1 - reach), -1):
            if self.counted_capture(j):
                return j
        return None

    def counted_side(self, j: int) -> str | None:
        """The side that made the counted capture of sentence ``j``: the last named before its
        verb ("Russian troops have taken control of three villages … through Ukraine"), else
        the last named before it."""
        counted = self._counted_match(j)
        sides = acting_sides(counted[0][: counted[1].start()]) if counted else []
        if sides:
            return sides[-1]
        speaker = self.speaker(j, counted[1].start()) if counted else None
        # "the Russian ministry said full control was established over @1 and …": its side;
        # "Seven settlements were de-occupied.": the passive's agent is the actor before it
        passive = bool(counted and _PASSIVE_COUNT.search(counted[1].group()))
        side = self.recent_side(j + 1, subject=passive) or (
            speaker.side if speaker is not None else None
        )
        if side is None and counted and context().liberation.search(counted[1].group()):
            # "Seven settlements were de-occupied.": a liberation word no side is named for is
            # the house's, else Ukraine's
            side = self.house_side() or "UA"
        return side

    def recent_side(self, i: int, *, subject: bool = False) -> str | None:
        """The side whose forces were named last in the two sentences before ``i``
        ("Ukrainian forces continue to advance. The military entered @1."); with ``subject``,
        the one named first, that sentence's actor ("Ukrainian troops pushed Russian forces
        out of @1. @2 was also recaptured.")."""
        for j in range(i - 1, max(-1, i - 3), -1):
            sides = acting_sides(self.frame(j).text)
            if sides:
                return sides[0 if subject else -1]
        return None

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[i] if i >= 0 else None

    def previous_targets(self, i: int) -> list[Mention]:
        if i == 0 or not self.by_sentence[i - 1]:
            return []
        targets = [g for g in self.frame(i - 1).groups if g.status == "target"]
        return targets[-1].members if targets else []


# Status said by an adjective of the place ("the Russian-occupied towns of @1 and @2"): it
# describes the place whatever the verb around it plans or denies.
_ATTRIBUTES = frozenset({"held_adj", "held_occupied"})
# A participle clause opening the sentence ("Having taken @1, …")
# (…or a clause of time: "While retreating from @1, the occupants blew up the bridge")
_HAVING = re.compile(r"\W*(?:having|while|when|after|before|upon)\s+(?:\w+ly\s+)?$")
_HAVING_REACH = 60
# "(with DeepState marking …": an absolute phrase beside its main clause
_WITH_PHRASE = re.compile(r"(?:\(|,)\s*with\s+[^(),;@]{1,60}$")


def _with_main_side(text: str, pos: int) -> str | None:
    """The side acting in the main clause before a "with" phrase that ends at ``pos``."""
    phrase = _WITH_PHRASE.search(text, 0, pos)
    sides = acting_sides(text[: phrase.start()]) if phrase else []
    return sides[-1] if sides else None


# A copula right after a reference point that closes an appositive ("@0, 96km east of @1, is")
_COPULA_AFTER_APPOSITIVE = re.compile(r"\s*,\s*(?:is|was|are|were)\s")
# A hold that lasted until a change told later in the sentence
_HELD_UNTIL = re.compile(
    r"\bunder\s+(?:the\s+)?[\w'’-]+\s+(?:control|command|occupation|rule)\s+until\b"
)
# "the claim by <source> that <subject> …" right before a verb
_CLAIM_THAT = re.compile(
    r"\b(?:claims?|statements?|reports?|allegations?|assertions?)\s+(?:of|by|from)\s+"
    r"(?P<source>[^,;:.@]{1,60}?)\s+that\s+(?P<clause>[^@;:,]{0,80})$"
)
# An attempt told in a sentence, which a retreat in the next one may end
_ATTEMPT = re.compile(r"\b(?:attempts?|attempted|tried|trying|sought)\b")
# A main clause that plans (not "can now advance": a consequence of the gain)
_MODAL_MAIN = re.compile(
    r"\b(?:will|would|shall|must|plans?\s+to|aims?\s+to|intends?\s+to|going\s+to)\b"
)
# A status denied right before it ("is not under", "had not been under", "no longer under")
_DENIAL_TAIL = r"\s+(?:(?:essentially|currently|yet|really|fully|been|be)\s+)*$"
_NOT_STATE = re.compile(r"\b(?:not|no\s+longer|n't)" + _DENIAL_TAIL)
# …with the copula before it, which ends the subject ("@1 is no longer under …")
_DENIED_STATE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|remains?|remained)\s+"
    r"(?:(?:essentially|currently|really)\s+)?(?:not|no\s+longer)" + _DENIAL_TAIL
)
# …and said of a change: "no longer under", "not under … since Monday"
_NO_LONGER = re.compile(r"\bno\s+longer\b|\bsince\b")
_ALSO = re.compile(r"(?<![\w-])(?:also|too|as\s+well)(?![\w-])")
# A sentence opening like this continues the account before it.
_CONTINUES = re.compile(r"\s*(?:also|in\s+addition|additionally|furthermore|moreover)\b")


# A capture of full control denied ("had not established full control over @1"): fighting
_FULL_CONTROL = re.compile(r"\b(?:full|complete|total|entire)\s+control\b")
# Fighting waged for a capture, the capture a noun: "battles … for the liberation of"
_FIGHT_FOR = re.compile(
    r"(?<![\w-])(?:battles?|fighting|fights?|struggle|combat|clashes)(?![\w-])[^.;:@]{0,120}?"
    r"\bfor\s+(?:the\s+)?(?:(?:liberation|capture|recapture|control)\s+of\s+(?:the\s+[\w\s-]{0,30}?)?)?$"
)


def _background(text: str, anchor: int, end: int) -> bool:
    """Whether the capture word at ``anchor`` tells history in passing ("the brigade that
    liberated @1 was honoured", "took part in the liberation of @1"), unless the clause dates
    it right away ("the troops who liberated @1 last week")."""
    if not context().background.search(text, max(0, anchor - 80), anchor):
        return False
    found = find_date_expressions(text[end : end + 25], None)
    return not (found and found[0].start <= 5)  # " on saturday", ", last week"


def _sides_named(text: str) -> set[str]:
    """The sides ``text`` names explicitly (``RU``, ``UA``)."""
    found = side_words(strict=False).finditer(clean(text))
    return {w.lastgroup.upper() for w in found if w.lastgroup in {"ru", "ua"}}


@lru_cache(maxsize=_CACHE_MAX)
def _hedged_frame(text: str) -> bool:
    """:func:`is_hedged` of a frame text; frames recur, so each is read once."""
    return is_hedged(text)


@lru_cache(maxsize=_CACHE_MAX)
def _doubts(sentence: str) -> bool:
    """Whether a sentence naming no place doubts or denies what came before; sentences
    recur ("The claim could not be verified."), so each is read once."""
    text = clean(sentence)
    return is_followup_hedge(text) or context().denials.search(text) is not None


# Every disclaimer ends in one of these stems; the longest runs about 70 characters.
_DISCLAIMER_STEMS = ("verif", "confirm")
_DISCLAIMER_REACH = 90


def _disclaimers(text: str) -> list[re.Match[str]]:
    """The outlet's "could not verify" disclaimers in lowercased ``text``, in text order; the
    pattern is tried only just before each verb stem (see :func:`_claim_denials`)."""
    pattern = context().unverified
    found: dict[int, re.Match[str]] = {}
    for stem in _DISCLAIMER_STEMS:
        at = text.find(stem)
        while at >= 0:
            m = pattern.search(text, max(0, at - _DISCLAIMER_REACH), at + len(stem) + 6)
            while m is not None and m.end() <= at:  # an earlier disclaimer in the window
                m = pattern.search(text, m.end(), at + len(stem) + 6)
            if m is not None:
                found.setdefault(m.start(), m)
            at = text.find(stem, at + 1)
    return [found[k] for k in sorted(found)]


def _claim_denials(text: str, pos: int = 0) -> list[re.Match[str]]:
    """Denials of a claim in lowercased ``text`` from ``pos`` on, in text order. The verbs are
    found by plain substring search and the pattern tried only there: a regex scan of every
    article is slow.
    """
    ctx = context()
    found = []
    for verb in ctx.claim_denial_verbs:
        start = text.find(verb, pos)
        while start >= 0:
            if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "'-"):
                m = ctx.claim_denials.match(text, start)
                if m:
                    found.append(m)
            start = text.find(verb, start + 1)
    return sorted(found, key=lambda m: m.start())


@lru_cache(maxsize=_CACHE_MAX)
def _applicable(raw: str, *, mentioned: bool) -> tuple[Rule, ...]:
    """The rules worth trying on sentence ``raw``; sentences recur ("Fighting continues near
    @1."), so each is read once. Object rules need a place in the sentence ("the town"
    standing for one is a mention too)."""
    if raw.rstrip().endswith("?"):
        return ()
    # Most sentences hold no trigger word at all: skip them before building a frame.
    rules = rules_keyed(key_words_in(raw.lower()))
    if not rules or mentioned:
        return rules
    return tuple(r for r in rules if r.shape == "subject")


def _candidates(doc: _Article, i: int) -> list[_Candidate]:
    sentence = doc.sentences[i]
    raw = doc.text[sentence.start : sentence.end]
    mentioned = bool(doc.by_sentence[i])
    applicable = _applicable(raw, mentioned=mentioned)
    if not applicable:
        return []
    previous = doc.previous_targets(i)
    if not mentioned and not previous:
        return []
    frame = doc.frame(i)
    text = frame.text
    has_tokens = not _STATUS_TARGETS.isdisjoint([g.status for g in frame.groups])
    found: list[_Candidate] = []
    scans = _scans_of(text)
    for rule in applicable:
        if rule.shape == "object" and not has_tokens:
            continue
        if rule.shape == "subject" and not (has_tokens or previous):
            continue
        if rule.kind == "linked" and (mentioned or not previous):
            continue  # "On Saturday, they withdrew.": only in a sentence naming no place
        counted = None
        if rule.kind == "counted_link":
            # "two of the villages -- @1 and @2": only after a counted capture; "the villages
            # in question", naming its noun, may look further back than "them"
            counted = doc.counted_source(i, reach=_COUNTED_REACH)
            if counted is None:
                continue
        for m in _matches(rule, text, scans):
            if rule.kind == "headline" and not _is_headline(frame.sentence):
                continue  # "Bakhmut taken" is headline grammar only
            far_count = counted is not None and counted < i - 1
            if far_count and not context().list_noun.search(m.group()):
                continue  # "them" points at the sentence right before only
            partial = None
            held_since = False
            if rule.shape == "object":
                group = group_by_token(frame, int(m.group("g")))
                # a reference point can still be said to be held ("towards @2, a
                # Russian-occupied hub"); it cannot change hands in passing
                # A relative clause is about its place even when that is a reference point
                # ("@0, a town north of @1, which Ukrainian troops retook").
                # …and "withdrew west of @1" leaves the reference point itself
                held = rule.event == "held" or rule.kind in {"relative", "beyond", "participle"}
                # "retreated from the outskirts of @1" leaves the place itself; "retreated to
                # the outskirts of @1" leaves it for its edge
                # …as do "moved to new positions west of @1" (the place left behind, though
                # "west of" makes it a reference point; not "retreated from positions north of
                # @1", from around it)
                outskirts = rule.kind in {"withdraw", "euphemism"} and (
                    "outskirts" in m.group()
                    or _COMPASS_OF.search(m.group()) is not None
                    # "retreated west from @1": the way out of the place, which is left
                    or _COMPASS_FROM.search(m.group()) is not None
                )
                # "the flag was raised by residents of @1": the residents' place is the flag's
                residents = rule.kind == "flag" and _BY_RESIDENTS.search(m.group()) is not None
                # "fighting continues on the outskirts of @1": fighting at a place's edge is
                # fighting for it
                edge = (
                    rule.event == "contested"
                    and group is not None
                    and _EDGE_OF.search(text, max(0, group.start - 30), group.start) is not None
                )
                allowed = _STATUS_TARGETS if held or outskirts or residents or edge else _TARGETS
                if group is None or group.status not in allowed:
                    continue
                if (
                    rule.kind == "relative"
                    and group.status == "reference"
                    and len(text[: group.start].split()) <= 4
                    and not _RELATIVE_PRONOUN.search(m.group())
                ):
                    # "North of @0, a ruined town emerges as Russia leaves": after a reference
                    # point that opens the sentence, the appositive is the main clause's
                    # subject, another place (not "north of @0, the main town Moscow
                    # recaptured", nor "40 km from @1, which …")
                    continue
                if (
                    rule.kind == "relative"
                    and group.status == "reference"
                    and _RESTRICTIVE_AFTER.match(text, group.end)
                    and _HEAD_BEFORE_RELATION.search(text, max(0, group.start - 60), group.start)
                ):
                    # "@0, a town northwest of @1 that was recaptured": a restrictive clause
                    # is the town's, not its landmark's (", which …" may be the landmark's)
                    continue
                head = None
                if (
                    rule.kind == "relative"
                    and group.status == "reference"
                    and _COPULA_AFTER_APPOSITIVE.match(text, group.end)
                ):
                    # "@0, about 96km east of @1, is one of the villages retaken": the
                    # appositive closes before the verb; its head is the subject
                    head = appositive_head(frame, group)
                    if head is None:
                        continue
                members = head or singular_relative(group.members, m.group())
                if rule.kind in {"relative", "participle"}:
                    members = _beside_capital(frame, group, m.start()) or members
                if (
                    rule.kind == "active"
                    and _CLAIMS_OF.match(m.group())
                    and _REFUTED_BEFORE.search(text, max(0, m.start() - 30), m.start())
                ):
                    continue  # "refuted Russian claims of capturing @1": the denial speaks
                if rule.kind == "headline" and group.status == "soft":
                    # "Ruska Lozova near Kharkiv liberated": the headline's subject is the
                    # place the other is a landmark for
                    described = _landmark_of(frame, group)
                    if described is not None:
                        members = described
                if (
                    len(members) < 2
                    and rule.kind == "active"
                    and "head" in m.re.groupindex
                    and m.group("head")
                ):
                    continue  # "captured equipment, @1 officials said": no list
                if (
                    "unlisted" in m.re.groupindex
                    and m.group("unlisted")
                    and not may_be_place_names(m.group("unlisted"))
                ):
                    continue  # "captured weapons, ammunition and @1": no list of places
                anchor = m.start("v") if "v" in m.re.groupindex and m.group("v") else m.start()
                durative = (
                    context().durative.match(text, m.end()) if rule.event == "captured" else None
                )
                if (
                    durative
                    # (not "had liberated 700 square miles, including @1, since launching a
                    # counter-offensive": a change verb with "since" tells when it happened)
                    and not (
                        durative.group().rstrip().endswith("since")
                        and rule.kind != "nominal"
                        and m.group("v").lower() not in context().held_since
                    )
                    # "has been claiming the capture of @1 since November": the claim lasts
                    and not (rule.kind == "nominal" and announced_gain(frame, m.start()))
                ):
                    # "occupied @1 for six months": history, not news; "has occupied @1
                    # since March" still says who holds it
                    if m.group("v").lower() not in context().held_since:
                        continue
                    held_since = True
                if rule.kind == "active" and (
                    not text[:anchor].strip()
                    or (
                        m.group("v").endswith(("ed", "en"))
                        and _ATTRIBUTIVE.search(text, max(0, anchor - 30), anchor)
                    )
                ):
                    # "Liberated @1 remains …", "a resident of recently liberated @1": a
                    # participle opening the sentence or after a preposition is no verb
                    continue
                if (
                    rule.kind == "active"
                    and m.group("v").endswith("ing")
                    and (
                        context().modal_after.match(text, _past_under_control(text, m.end()))
                        or (
                            _CLAUSE_OPENING.search(text, max(0, anchor - 12), anchor)
                            and _GERUND_SUBJECT.match(text, m.end())
                        )
                    )
                ):
                    # "taking @1 would give it a platform", "said entering @1 was almost
                    # impossible": a gerund subject, a plan or the act itself, not an event
                    continue
                if (
                    rule.kind == "active"
                    and _BASE_FORM.fullmatch(m.group("v"))
                    and (
                        _WHO_BEFORE.search(text, max(0, anchor - 8), anchor)
                        or _INFINITIVE_SERIES.search(text, max(0, anchor - 160), anchor)
                        or _FUTURE_CLAUSE.search(text, max(0, anchor - 50), anchor)
                    )
                ):
                    # "drones drop the enemy who enter @1": what they do, not news; "efforts to
                    # break through …, gain access to the canal, capture @1, and create
                    # conditions": one more verb of a series of goals
                    continue
                if (
                    rule.kind == "active"
                    and m.group("v").startswith("clear")
                    and _RAIDERS_AFTER.match(text, m.end())
                ):
                    # "clearing @1 of Russian sabotage groups": a sweep of a place held, in
                    # which raiders are hunted down, not a change
                    continue
                partial = context().partial_before.search(text, max(0, anchor - 36), anchor)
            elif rule.kind == "linked":
                anchor = m.start()
                if _SOME_UNITS.search(text, max(0, anchor - 50), anchor):
                    # "some units have pulled back or maneuvered to more advantageous
                    # positions": the rest hold the places named before
                    continue
                if "line" not in m.re.groupindex and _ATTEMPT.search(doc.frame(i - 1).text):
                    # "An attempt by the DRG to cross the river in the area of @1. … The
                    # enemy is dispersed and retreated": the attackers fell back from their
                    # attempt, not from the place (not "moved to more advantageous
                    # positions", the defenders' withdrawal after an assault)
                    continue
                members = previous  # the places of the sentence before
            else:
                anchor = m.start()
                if rule.kind == "held_state" and _WISHED_STATE.search(
                    text, max(0, anchor - 60), anchor + 16
                ):
                    continue  # "Moscow expects @1 to be under its control by May": a wish
                subject = subject_of(frame, anchor, previous, status=rule.event == "held")
                denied_state = (
                    _DENIED_STATE.search(text, max(0, anchor - 40), anchor)
                    if not subject and rule.kind == "held_state"
                    else None
                )
                if denied_state:  # "@1 is no longer under …": the subject before the denial
                    subject = subject_of(frame, denied_state.start(), previous, status=True)
                participle = (
                    _PARTICIPLE_AFTER_NAME.search(text, max(0, anchor - 12), anchor)
                    if rule.kind == "held_state" and not _COPULA_FIRST.match(m.group())
                    else None
                )
                if participle:
                    # "captured @0, near the hub of @1, held by Kyiv's forces": the participle
                    # describes the name right before its comma
                    subject = _place_members(frame, participle["g"]) or subject
                if not subject or (
                    rule.kind == "held_state"
                    and (
                        _PASSING_UNDER.search(text, 0, anchor)
                        or _FORMER.search(text, max(0, m.start() - 12), m.start())
                    )
                ):
                    # "the transfer of @1 under Russian control": a change, not a state; "@1,
                    # a former Ukrainian stronghold": a state that has ended
                    continue
                members = subject
                if rule.kind == "passive" and not re.search(
                    r"\b(?:was|were|is|are|been|being|be)\b", m.group("aux")
                ):
                    continue
                relative = (
                    _RELATIVE_SUBJECT.search(text, max(0, anchor - 28), anchor)
                    if rule.kind == "passive"
                    else None
                )
                if relative and subject[0] not in frame.groups[int(relative["g"])].members:
                    # "@0, 10 km north west of @1, which was taken by Russia": the relative
                    # pronoun is the subject, and stands for the name right before it
                    continue
                if relative:
                    beside = _beside_capital(frame, frame.groups[int(relative["g"])], anchor)
                    members = beside or members
                apposed = (
                    _APPOSED_RELATIVE.search(text, max(0, anchor - 90), anchor)
                    or _DISTRICT_RELATIVE.search(text, max(0, anchor - 120), anchor)
                    if rule.kind == "passive" and not relative
                    else None
                )
                if apposed:
                    # "@0, another village in @1 oblast that was liberated in late July": the
                    # clause is about the place its appositive describes
                    members = _place_members(frame, apposed["g"]) or members
            # a holding verb may be future ("Russian troops will occupy @1"): not yet a state
            family = "held" if rule.event == "held" and rule.kind != "held_verb" else rule.kind
            negated = None
            if blocked(frame, anchor, rule.event, family, attributive=rule.kind in _ATTRIBUTES):
                negated = (
                    negation(frame, anchor) if rule.event in {"captured", "withdrew"} else None
                )
                if rule.kind == "held_state" and _NOT_STATE.search(
                    text, max(0, anchor - 30), anchor
                ):
                    # "@1 is no longer under Ukrainian control", "had not been under
                    # Ukrainian control since Monday": the other side took it
                    negated = (
                        "lost"
                        if _NO_LONGER.search(text, max(0, anchor - 30), m.end() + 20)
                        else "other"
                    )
                if negated is None:
                    continue
            speaker = doc.speaker(i, anchor)
            if speaker is None and counted is not None:
                speaker = doc.speaker(counted, len(doc.frame(counted).text))  # the capture's
            speaker_side = speaker.likely_side if speaker else None
            if rule.kind == "linked":
                event, actor = rule.event, linked_side(frame, anchor, doc.frame(i - 1))
                if actor is None and "line" in m.re.groupindex:
                    # "… assaults near @1 and @2. Ukrainian units have moved to more
                    # advantageous positions.": the side that moved, named in its own sentence,
                    # left the places where the fighting just told took place
                    named = acting_sides(text[:anchor], strict=False)
                    actor = named[-1] if named else None
            else:
                event, actor = resolve_actor(
                    rule,
                    m,
                    frame,
                    speaker_side,
                    # a place written in its Russian form ("Svyatogorsk was liberated") is
                    # told in Russia's words, unless a side is named or the article's own
                    # voice tells otherwise (worked out only when asked, as the voice is)
                    house_side=functools.partial(_house_side, doc, members),
                    country=_country_of(members),
                )
            if (
                actor is None
                and speaker is None
                and event in _CHANGE
                and _FIRST_PERSON.search(text, max(0, anchor - 40), anchor)
            ):
                # "Our troops took control of @1" with nobody quoted: the article's own voice
                # speaks ("the Kiev regime", "khokhols": Russia's; "occupiers": Ukraine's)
                actor = doc.house_side()
            if actor is None and event in _CHANGE and i > 0 and _BULLET_VERB.match(raw):
                # "The AFU:\n • took control of @1": a bullet item whose verb has its subject at
                # the end of the line that opened the list
                lead = _LIST_LEAD.search(doc.frame(i - 1).text)
                named = acting_sides(lead.group("lead"), strict=False) if lead else []
                if len(set(named)) == 1:
                    actor = named[0]
            if (
                rule.kind == "passive"
                and event == "captured"
                and doc.last_gainer is not None
                and _ALSO_PASSIVE.search(m.group())
                and not acting_sides(text[: m.start()], strict=False)
                and not _BY_AGENT.match(text, m.end())
            ):
                # "They completely occupied @0. @1 and @2 were also taken": the side that made
                # the change just told, not the speaker's
                actor = doc.last_gainer
            if (
                rule.kind in {"held_liberated", "liberated_adjective"}
                and (
                    # a side the source itself names, not one guessed from the words around it
                    (speaker.side if speaker and speaker.hint is None else None) or doc.house_side()
                )
                == "RU"
            ):
                actor = "RU"  # "the recently liberated settlement of @1", Russia's ministry said
            if (
                event == "captured"
                and actor == "UA"
                and (speaker is None or speaker.side is None)
                and _scare_quoted(doc, i, m)
                and "UA" not in acting_sides(text, strict=False)
                # ("had been 'liberated' from Russian troops": Russia is who lost it)
                and "RU" not in acting_sides(text[m.end() :], strict=False)
            ):
                # "Army units 'liberated' @1, it said": a liberation in scare quotes is the word
                # of the side the outlet keeps its distance from, Russia's
                actor = "RU"
            verb_at = m.start("v") if "v" in m.re.groupindex and m.group("v") else anchor
            if actor is None and event == "held" and rule.kind == "passive_negated":
                # "@1 was never captured": its own country's side holds it; "@1 has not been
                # liberated": the side it was taken by still does
                country = _country_of(members)
                verb = m.group("v")
                regain = context().liberation.fullmatch(verb) or _RETAKEN.fullmatch(verb)
                actor = OTHER.get(country or "") if regain else country
            if actor is None and event == "captured" and rule.kind == "passive":
                actor = _occupier(m, members)
                if actor and context().durative.match(text, m.end()):
                    event = "held"  # "@1 has been occupied since 2022": who holds it
            if event in _CHANGE and (
                _PROGRESSIVE.search(text, max(0, verb_at - 40), verb_at)
                or (
                    event == "withdrew"
                    and _FLEEING.match(text, verb_at)
                    and _PRESENT_BE.search(text, max(0, verb_at - 40), verb_at)
                )
                or (event == "withdrew" and _BEGUN.search(text, max(0, verb_at - 30), verb_at))
            ):
                # "are being pushed out of @1 quarter by quarter", "are chaotically fleeing
                # @1", "began to withdraw from @1": under way
                event = "contested"
            if event == "contested" and "foothold" in m.group():
                left = _LEFT_BEFORE.search(text, 0, anchor)
                if left is not None:
                    # "after the withdrawal of the Ukrainian troops, the enemy gained a
                    # foothold in @1": the other side took what was left
                    gone = acting_sides(left.group("side"), strict=False)
                    if gone and gone[0] in OTHER:
                        event, actor = "captured", OTHER[gone[0]]
            if event == "captured" and _ENCIRCLING.match(text, m.end()):
                event = "contested"  # "took @1 in a semi-encirclement": not yet in control
            if event == "withdrew" and _PARTIAL.search(text, max(0, verb_at - 12), verb_at):
                event = "contested"  # "a partial withdrawal from @1": some units still hold it
            if rule.shape == "subject" and event == "captured":
                # "@1 was partially captured": a front line runs through it
                partial = context().partial_before.search(text, max(0, verb_at - 20), verb_at)
            if (
                (rule.shape == "object" or partial)
                and event == "captured"
                and (partial or _entry_with_fighting(text, m))
            ):
                # "partially entered @1", "entered @1 and began battles on its outskirts":
                # fighting inside, not a change
                event = "contested"
            if event in {"captured", "held", "withdrew"} and (
                # (not "Ukraine controlled no part of @1": none of it)
                (_share_of(frame, members) and rule.kind != "absent")
                or (rule.kind == "held_state" and _ALMOST.search(m.group()))
                or (rule.shape == "subject" and _share_subject(text, anchor))
            ):
                # "control about half of @1", "part of the village remained under Ukrainian
                # control": a front line runs through it
                event = "contested"
            if event == "none":
                continue
            ended = _ENDED.match(text, m.end()) if event == "held" else None
            lately = event == "held" and bool(
                _UNTIL_RECENT.match(text, m.end())
                or _UNTIL_RECENT.search(text, max(0, anchor - 40), anchor)
            )
            if ended or lately:
                if actor not in OTHER or not lately:
                    continue  # "held by Russia until 2022": a state that has ended
                # "was held by Russian troops until Thursday", "@1, which until recently was
                # under Russian control": the other side took it since
                event, actor = "captured", OTHER[actor]
            if event == rule.event == "held" and (
                _now_newly_held(doc, i, text, m, anchor)
                or (
                    rule.kind == "held_liberated"
                    and _NEWLY.search(text, max(0, m.start() - 11), m.end())
                )
                or _fully_taken(text, m, actor, members)
                or _ANNOUNCED_CONTROL.search(text, max(0, m.start() - 40), m.start()) is not None
            ):
                # "… in recently liberated @1", "the army announced its control over @1": news
                # of the change
                event = "captured"
            if event == "captured" and (held_since or _background(text, anchor, m.end())):
                event = "held"  # "the brigade that liberated @1 was honoured": who holds it
            elif event == "captured" and _FIGHT_FOR.search(text, max(0, anchor - 160), anchor):
                event = "contested"  # "the battles against Azov for the liberation of @1"
            if rule.shape == "object" and event in _CHANGE:
                members = _continued(frame, members)
            elif rule.shape == "subject" and event in _CHANGE:
                # "@1 had fallen to Russian forces along with the nearby village of @2"
                members = [*members, *_joined_after(frame, m.end())]
            if (
                event == "withdrew"
                and actor in OTHER
                and _IN_OCCUPIED_PART.match(text, m.end()) is not None
            ):
                # "the Russians are withdrawing their military from @1 and @2 in the occupied
                # part of @3 oblast": troops move within ground their side keeps
                event = "held"
            confidence = rule.weight
            if negated in {"lost", "other"}:
                if event != "held" or actor not in OTHER:
                    continue
                event, actor = ("captured" if negated == "lost" else "held"), OTHER[actor]
                negated = None
            if negated and event == "withdrew":
                # "they have not yet begun a withdrawal of troops from @1": still theirs
                if actor not in OTHER:
                    continue
                event, negated = "held", None
                confidence *= 0.8
            if negated:
                # "Russian troops have not entered @1": the other side still holds it
                if event != "captured" or actor not in OTHER:
                    continue
                event, actor = ("held", OTHER[actor]) if negated == "held" else (negated, None)
                if event == "held" and _FULL_CONTROL.search(m.group()):
                    # "had not established full control over the city": it is fought over
                    event, actor = "contested", None
                confidence *= 0.8
            held_until = _HELD_UNTIL.search(text, 0, anchor) if event == "captured" else None
            if held_until and acting_sides(held_until.group(), strict=False) == [actor]:
                # "had been under Russian command until yesterday, when it was reportedly
                # liberated": the side that held it until then lost it
                actor = OTHER.get(actor or "", actor)
            owner = (
                _CLAIM_THAT.search(text, max(0, anchor - 160), anchor) if event in _CHANGE else None
            )
            if owner and not acting_sides(owner.group("clause")):
                # "the claim by Russian propagandists that a subversive group entered @1": a
                # subject of no side acts for the claim's source
                sides = acting_sides(owner.group("source"), strict=False)
                actor = sides[-1] if sides else actor
            disputed = None
            verdict = denial(frame, anchor) if event in _CHANGE else None
            if verdict == "reported" and event == "captured" and actor == speaker_side:
                # "Moscow denied Ukrainian claims of the liberation of @1": the gain is the
                # claim's source's, not the denier's
                source_side = reported_side(frame, anchor)
                if source_side in OTHER and source_side != actor:
                    actor = source_side
            if verdict:
                disputed = actor if event == "captured" else OTHER.get(actor or "")
            if (
                event in _CHANGE
                and actor is None
                and (
                    (
                        rule.kind in {"active", "control", "euphemism", "fronted", "withdraw"}
                        and _generic_subject(frame, anchor, first_person=rule.kind != "withdraw")
                    )
                    or (rule.kind == "nominal" and m.group("v") not in {"fall", "loss"})
                    or rule.kind in {"counted_link", "marked_as"}
                    # "@1 was also retaken": by the side that took the place before
                    or (rule.kind == "passive" and _ALSO.search(text, anchor) is not None)
                )
            ):
                # "The military entered @1", "Key to this advance is the capture of @1": the
                # force last named in the sentences before; "the Russian MOD announced the
                # capture of @1": a side named as the speaker announces its own gain
                speaking = speaker.side if speaker is not None else None
                if (
                    rule.kind == "nominal"
                    and speaking in OTHER
                    and announced_gain(frame, m.start(), m.end())
                ):
                    actor = speaking
                elif (
                    rule.kind == "nominal"
                    and m.group("v") in _PLAIN_CAPTURE
                    and _country_of(members) == "UA"
                    and speaking != "UA"
                ):
                    # "The capture of @1 is part of a broader pattern": a Ukrainian town taken
                    # (not retaken or liberated) with no side named is Russia's gain; the
                    # side named last is as often the defender; but the capture the article
                    # has just told of is that one ("The Ukrainian army has taken back @1.
                    # The capture of this city confirms …")
                    earlier = {doc.gained_by.get(m.place.id) for m in members}
                    actor = earlier.pop() if len(earlier) == 1 and None not in earlier else "RU"
                elif (
                    rule.kind == "nominal"
                    and m.group("v") in {"recapture", "retaking"}
                    and m.group().startswith("@")
                    and not acting_sides(text[: m.start()], strict=False)
                ):
                    # "@1's recapture comes after …": a place taken back goes back to its
                    # own country
                    actor = _country_of(members)
                elif rule.kind == "marked_as" and (main := _with_main_side(text, m.start())):
                    # "Russian forces are advancing (with DeepState marking @1 as captured)":
                    # the side the main clause names took it
                    actor = main
                else:
                    # "@1 was also retaken", "they have liberated @1": by the last sentence's
                    # actor, not the last side it names
                    verb = m.start("v") if "v" in m.re.groupindex else m.start()
                    also = rule.kind == "passive" or pronoun_before_verb(text, verb)
                    actor = (
                        doc.recent_side(i, subject=also)
                        if counted is None
                        else doc.counted_side(counted)
                    )
            if event in _CHANGE and _HAVING.match(text, 0, anchor):
                # "Having taken @1 over the past week, Russian forces …": the subject of the
                # main clause after the participle's comma acted
                comma = text.find(",", m.end())
                main = text[comma : comma + _HAVING_REACH] if comma > 0 else ""
                if _MODAL_MAIN.search(main):
                    continue  # a plan: "After liberating @1, the army will enter @2"
                if actor is None:
                    sides = acting_sides(main, strict=False)
                    actor = sides[0] if sides else None
            if (
                actor is None
                and event == "captured"
                and rule.kind in {"passive", "relative", "active", "nominal"}
                and _RETAKEN.fullmatch((m.group("v") if "v" in m.re.groupindex else "") or "")
            ):
                # "@1, which was recaptured earlier this week", "the recapture of @1", no side
                # named anywhere near: a place taken back goes back to its own country
                actor = _country_of(members)
            if (
                actor is None
                and event == "captured"
                and rule.kind == "fallen"
                and _country_of(members) == "UA"
                and _names_right_before(frame, anchor, members)
                # (not a number that fell: "its population had fallen to some 5,000")
                and not _FALLEN_NUMBER.match(text, m.end())
            ):
                # "the town of @1, which fell last week": a Ukrainian town that fell, no side
                # named, fell to Russia (only the place named right before the verb: not
                # "defending @0, north of @1, which fell")
                actor = "RU"
            if verdict == "governs":
                event, confidence = "contested", confidence * 0.6
            elif event in _CHANGE | {"held"} and actor is None:
                continue
            if speaker is None and event in _CHANGE:
                speaker = doc.attribution_after(i)  # "… liberated @1. This was announced by …"
            if speaker is None and event in _CHANGE:
                speaker = doc.account_before(i, actor)
            found.append(
                _Candidate(
                    members,
                    event,
                    actor,
                    anchor,
                    confidence,
                    frame,
                    speaker,
                    disputed,
                    # the villages a hedged count named are named with its doubt
                    doubted=verdict in _DOUBTING or (counted is not None and doc.hedged(counted)),
                    forced=rule.kind == "push"
                    and event == "withdrew"
                    and not (m.group("obj") or "").strip(),
                )
            )
    opener = _IN_ADDITION.match(text)
    if opener is not None:
        found.extend(_in_addition(frame, opener, found))
    if len(found) > 1 and _STILL_HELD_BY.search(text):
        _entered_yet_held(found)
    return found


# "announced its control over @1": a hold declared as news is a gain
_ANNOUNCED_CONTROL = re.compile(
    r"\b(?:announced|announces|declared|declares|proclaimed|proclaims|asserted|asserts)\s+"
    r"(?:its\s+|their\s+)?"
    r"(?:(?:full|complete|total)\s+)?$"
)
# "… still held by Ukraine", "… still under Ukrainian control": a hold the sentence insists on
# (not in the past: "the last city that was still under Ukrainian control" before it fell)
_STILL_HELD_BY = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\bstill\s+(?:(?:held|controlled|defended)\s+by\b"
    r"|(?:in|under)\s+(?:[\w-]+\s+){1,2}(?:control|hands)\b)"
)


def _names_right_before(frame: Frame, at: int, members: list[Mention]) -> bool:
    """Whether the last place named before ``at`` is one of ``members``."""
    group = next((g for g in reversed(frame.groups) if g.end <= at), None)
    return group is not None and any(m in group.members for m in members)


_FALLEN_NUMBER = re.compile(
    r"\s+(?:to|by)\s+(?:(?:some|about|around|nearly|almost|just|only|under|below|roughly)\s+)?\d"
)


def _entered_yet_held(found: list[_Candidate]) -> None:
    """A capture of a place the same sentence says the other side still holds is fighting
    there ("Russian troops had entered @1, the largest city still held by Ukraine")."""
    still = [c for c in found if c.event == "held" and c.actor in OTHER]
    for k, cand in enumerate(found):
        if cand.event != "captured" or cand.actor not in OTHER:
            continue
        places = {m.start for m in cand.members}
        if any(
            h.actor == OTHER[cand.actor] and places & {m.start for m in h.members} for h in still
        ):
            found[k] = replace(cand, event="contested", actor=None)


# "In addition to @0, Russian forces claimed to have captured @1": the opening place shares the
# main clause's change
_IN_ADDITION = re.compile(
    r"(?:in\s+addition\s+to|besides|alongside|along\s+with|as\s+well\s+as)\s+@(?P<g>\d+)\s*,\s"
)


def _in_addition(frame: Frame, opener: re.Match[str], found: list[_Candidate]) -> list[_Candidate]:
    """The change of the first place after ``opener``, given to the place it names too."""
    group = group_by_token(frame, int(opener.group("g")))
    if group is None or group.status not in _TARGETS:
        return []
    after = [c for c in found if c.anchor >= opener.end() and c.event in _CHANGE]
    if not after or any(m in after[0].members for m in group.members):
        return []
    first = after[0]
    return [replace(first, members=list(group.members), confidence=first.confidence * 0.9)]


# Between two parts of one list: a region or a date that qualifies the part before, then a
# comma or "and".
_LIST_GLUE = re.compile(
    # ("the @1 settlement in the Lugansk People's Republic (LPR) and the @2 settlement")
    r"(?:\s+(?:settlement|village|town|locality))?"
    r"(?:\s*,?\s*(?:@\d+\s+(?:oblast|region|province)|(?:in|of)\s+(?:the\s+)?(?:(?:ukraine|russia)"
    # ("@1 in the Donetsk People's Republic and @2")
    r"['’]s\s+)?(?:same\s+|[a-z-]+\s+)?(?:@\d+\s+)?(?:oblast|region|province|people['’]s\s+republic"
    r"(?:\s*\([a-z]{2,4}\))?)"
    r"|on\s+(?:[a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[a-z]+"
    r"|[a-z]+day)"
    # "@1 and @2 on the @3 axis, and @4 and @5 on the @6 axis"
    r"|on\s+(?:the\s+)?@\d+\s+(?:axis|direction|front|sector)"
    r"))+\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|(?:and|as\s+well\s+as)\s+)"
    r"(?:(?<=as\swell\sas\s)(?:over|of)\s+)?"  # "control over @1 in … region, as well as over @2"
    # "the village of @1 in the Donetsk region and the village of @2", "…, as well as the
    # settlements of @2 and @3", "… and the @2 settlement"
    r"(?:the\s+(?:(?:village|town|city|settlement)s?\s+of\s+)?)?"
    # or a name the gazetteer lacks, between commas ("@1, skuchne, @2", "@1, stupochky
    # (stupochki), @2")
    r"|\s*,\s*[a-z'-]+\s*(?:\([a-z'\s-]{1,30}\)\s*)?,\s*(?:and\s+)?"
    # …or before the last "and" ("liberated @1, boring and @2")
    r"|\s*,\s*(?!(?:which|that|who|where|it|they|then|now|also|too|others?)\s)[a-z'-]+\s+and\s+"
    # or a list of places around the first: "@1 and neighboring settlements - @2, @3",
    # "@1, as well as several nearby towns, such as @2"
    r"|\s*,?\s*(?:and|as\s+well\s+as)\s+(?:(?:several|some|two|three|four|five|six|other|the"
    r"|its|nearby|neighbou?ring|surrounding|adjacent)\s+){0,3}(?:settlements|villages|towns"
    r"|localities)\s*,?\s*(?:[-–—:]|such\s+as|including|namely|notably|in\s+particular)\s*"
    # or the named part of an unnamed tail the frame folded into the first ("@1 and a number of
    # nearby settlements, the largest of which are @2, @3"; "@1 and several neighbouring towns,
    # most notably @2")
    r"|\s*,?\s*the\s+(?:largest|biggest|main|most\s+important)\s+of\s+(?:which|them)\s+"
    r"(?:are|were|being|include|included)\s*"
    r"|\s*,\s*(?:most\s+notably|in\s+particular)\s+"
    # or a noun after the name, or an aside in brackets, before the next part of the list:
    # "the @1 settlement (in the @2 region - TASS), the @3 and @4 settlements"
    r"|(?:\s+(?:settlement|village|town|locality))?\s*\([^()]{1,100}\)\s*,\s*(?:and\s+)?(?:the\s+)?"
    r"|\s+(?:settlement|village|town|locality)\s*,\s*(?:and\s+)?the\s+"
    # or another name in brackets: "@1, sichneve (@2), @3", "@1 (@2) and @3"
    r"|\s*,\s*(?:[a-z'-]+\s*)?\(\s*|\s*\(\s*|\s*\)\s*(?:,\s*(?:and\s+)?|and\s+)"
    # or a bracketed oblast label before the next noun: "@1 and @2 (@3) and the localities of @4"
    r"|\s*\(\s*@\d+\s*\)\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the\s+(?:villages?|towns?"
    r"|cit(?:y|ies)|settlements?|localit(?:y|ies))\s+of\s+)?"
)
# "the nearby village of" before a place joined to a list
_JOINED_NOUN = (
    r"(?:the\s+(?:nearby\s+|neighbou?ring\s+|adjacent\s+)?(?:village|town|city|settlement)s?"
    # "… along with another settlement called @2"
    r"\s+of\s+|another\s+(?:village|town|settlement)\s+(?:called|named)\s+)?"
)
# "@1 and a number of nearby settlements, including @2": the object's list goes on with the
# places a counted group names
_AND_GROUP_INCLUDING = re.compile(
    r"\s+and\s+(?:(?:a\s+number\s+of|several|some|many|a\s+few|other|the|\d+|two|three|four"
    r"|five|six|seven|eight|nine|ten)\s+)?(?:(?:other|more|nearby|neighbou?ring|surrounding"
    r"|adjacent|smaller)\s+)*(?:villages|settlements|towns|localities|communities)\s*,?\s*"
    r"(?:including|among\s+them|such\s+as|namely|(?:most\s+)?notably|in\s+particular)\s+"
)
# "@1, as well as @2", "@1 along with the nearby village of @2": a list the object goes on with
_ALONG_WITH = re.compile(
    rf"\s*,?\s*(?:as\s+well\s+as|along\s+with|together\s+with|alongside)\s+{_JOINED_NOUN}"
)
# …and after a subject's verb and its agent ("fallen to Russian forces along with @2")
_ALONG_WITH_AFTER = re.compile(
    rf"(?:\s+(?:to|by)\s+[^@,.;:]{{1,40}}?)?\s*,?\s*(?:(?:along|together)\s+with|alongside)\s+"
    rf"{_JOINED_NOUN}"
    r"@(?P<g>\d+)"
)
# An appositive saying where the part before lies, then the list's last part: "the villages of
# @1, near the town of @2, and @3"; it may name a reference point.
_BETWEEN = re.compile(r"\bbetween\b")
_LIST_APPOSITIVE = re.compile(
    r"\s*,\s*(?:(?:near|close\s+to|not\s+far\s+from|just|about|around|roughly|approximately"
    r"|nearly|almost|some|located|situated"
    r"|\d[\d.,]*\s*(?:km|kilometres|kilometers|miles)|(?:north|south|east|west)[a-z-]*\s+of)"
    # "@1, a strategic logistics hub in eastern Ukraine, along with @2"
    r"(?![a-z])|(?:a|an)\s)"
    r"(?:[^;:()]|\([^()]{0,30}\)){0,120}?,\s*(?:and|as\s+well\s+as|along\s+with|together\s+with)\s+"
    r"(?:the\s+(?:village|town|city|settlement)\s+of\s+)?"
)


def _joined_after(frame: Frame, end: int) -> list[Mention]:
    """The places a clause adds after its verb ("… had fallen to Russian forces along with the
    nearby village of @2"): they share the change."""
    joined = _ALONG_WITH_AFTER.match(frame.text, end)
    if joined is None:
        return []
    group = group_by_token(frame, int(joined.group("g")))
    return group.members if group is not None and group.status in _TARGETS else []


def _continued(frame: Frame, members: list[Mention]) -> list[Mention]:
    """``members`` and the places of a list that goes on after a qualifier ("the liberation of
    @0, @1 oblast on June 12, and @2 in the same oblast"): each part shares the claim."""
    groups = frame.groups
    at = next((k for k, g in enumerate(groups) if g.members is members), None)
    if at is None:
        return members
    extended, end = members, groups[at].end
    for group in groups[at + 1 :]:
        if group.status == "hard":
            continue  # a region inside the glue
        text = frame.text
        inside = _LIST_APPOSITIVE.match(text, end)
        if inside and _BETWEEN.search(inside.group()):
            break  # "@0, located between @1 … and @2": the "and" is the between's
        if inside and inside.end() > group.end:
            continue  # "@1, near the town of @2, and @3": a reference point inside the glue
        if group.status not in _TARGETS or not (
            _LIST_GLUE.fullmatch(text, end, group.start)
            or _LIST_APPOSITIVE.fullmatch(text, end, group.start)
            or _ALONG_WITH.fullmatch(text, end, group.start)
            or _AND_GROUP_INCLUDING.fullmatch(text, end, group.start)
        ):
            break
        extended, end = [*extended, *group.members], group.end
    return extended


def _scans_of(text: str) -> dict[int, tuple[re.Match[str], ...]]:
    """The rule matches found so far in a frame text, by rule pattern; frames repeat ("@0 was
    recaptured by Russian troops earlier this week."), so each text is scanned once per rule.
    """
    found = _MATCHES.get(text)
    if found is None:
        if len(_MATCHES) >= _CACHE_MAX:
            _MATCHES.clear()
        found = _MATCHES[text] = {}
    return found


def _matches(
    rule: Rule, text: str, scans: dict[int, tuple[re.Match[str], ...]]
) -> tuple[re.Match[str], ...]:
    """The matches of a rule in a frame text, recorded in ``scans`` (:func:`_scans_of`)."""
    key = id(rule.pattern)  # rule patterns live as long as the process; hashing one is slow
    found = scans.get(key)
    if found is None:
        # a text lacking what every match spells out is not scanned
        scan = not rule.needs or may_match(rule.needs, text)
        found = scans[key] = tuple(rule.pattern.finditer(text)) if scan else ()
    return found


def _fully_taken(text: str, m: re.Match[str], actor: str | None, members: list[Mention]) -> bool:
    """Whether a Ukrainian place said to be fully in Russian hands reports its capture: "the
    village is fully under Russian control", "Wagner units are in full control of @1" tell the
    news of an advance; a place "still" or "since 2014" held, and Ukraine's "full control" of
    its own towns (most often a denial), stay statuses."""
    return (
        actor == "RU"
        and _FULLY.search(m.group()) is not None
        and _country_of(members) == "UA"
        and _STILL_HELD.search(text) is None
    )


# Places said to lie in the part of a region one side occupies
_IN_OCCUPIED_PART = re.compile(
    r"[^.;@]{0,60}?(?:@\d+[^.;@]{0,60}?){0,4}\bin\s+the\s+(?:temporarily\s+)?occupied\s+"
    r"(?:part|parts|territory|territories|areas?)\s+of\b"
)
_FULLY = re.compile(r"\b(?:fully|completely|entirely|full|complete|total|totally)\b")
_STILL_HELD = re.compile(
    r"\b(?:still|remains?|remained|continues?|continued|since|until|already|long)\b"
)


def _now_newly_held(doc: _Article, i: int, text: str, m: re.Match[str], anchor: int) -> bool:
    """Whether a holding "now" reports a change: "Moscow said it had taken five villages. Its
    troops were now in control of @1" names the places the capture counted; "…under Russian
    control until recently. @1 is now under the control of the Ukrainian army"."""
    if not _NOW.search(text, max(0, m.start() - 12), m.end()):
        return False
    if _UNTIL_RECENTLY.search(text) or context().counted_places.search(text, 0, anchor):
        return True
    if _NOW_PREDICATE.search(text, max(0, m.start() - 30), m.end()) and not _APPOSITIVE_NOW.search(
        text, max(0, m.start() - 4), m.start() + 6
    ):
        return True  # "DeepState said @1 is now under Russian control": the news of a change
    return bool(i) and (
        doc.counted_capture(i - 1) or _UNTIL_RECENTLY.search(doc.frame(i - 1).text) is not None
    )


def _generic_subject(frame: Frame, anchor: int, *, first_person: bool = True) -> bool:
    """Whether the clause before ``anchor`` names its actor only by a force noun ("the
    military", "troops") or by "they" right before the verb ("they also captured @1"); other
    pronouns are left alone ("it predicted that the loss of @1 …")."""
    start = clause_start(frame, anchor)
    found = list(side_words().finditer(frame.text, start, anchor))
    if not found:
        return False
    last = found[-1]  # the subject right before its verb: "the military entered", "troops have"
    return (
        last.lastgroup == "generic"
        and (last.group() not in PRONOUNS or last.group() == "they")
        # "our forces withdrew from @1": the speaker's own side, who tells of a loss, not the
        # side named last (that side may be the one that took it)
        and (
            first_person
            or (
                last.group() not in {"our", "we", "us"}
                and not frame.text[max(0, last.start() - 4) : last.start()].endswith("our ")
            )
        )
        and _few_words_between(frame.text[last.end() : anchor], pronoun=last.group() == "they")
    )


# Words a subject's verb phrase may carry before the trigger ("they are reported to be
# pulling back from @1")
_VERB_PHRASE_WORDS = frozenset(
    {"are", "is", "was", "were", "be", "been", "being", "to", "have", "has", "had"}
    | {"reported", "said", "believed", "understood", "thought", "also", "now", "already"}
)


def _few_words_between(gap: str, *, pronoun: bool) -> bool:
    """Whether a subject and its verb stand close enough: two words at most, or, after
    "they", a verb phrase of auxiliaries and reporting words ("they are reported to be")."""
    words = gap.split()
    if len(words) <= 2:
        return True
    return pronoun and len(words) <= 6 and all(w in _VERB_PHRASE_WORDS for w in words)


_ADVERBS_BEFORE = re.compile(r"(?:\b(?:still|now|also|only|largely|mostly|remains?|remained)\s+)+$")


# (…nor is a flag being raised: "soldiers were raising flags over the villages of @1")
_STATE_PARTICIPLES = frozenset(
    {"securing", "flying", "waving", "raising", "hoisting", "planting", "unfurling"}
)
_UNDER_WAY = re.compile(r"\b(?:is|are|was|were|been)\s+(?:\w+ly\s+|now\s+|already\s+)?$")


def _entry_with_fighting(text: str, m: re.Match[str]) -> bool:
    """Whether an entry into a place is followed by fighting there in the same sentence, or
    a capture is still under way ("are entering @1", "are clearing @1")."""
    ctx = context()
    verb = m.group("v") if "v" in m.re.groupindex else None
    if verb is None:
        return False
    at = m.start("v")
    # (in Russian military English "were securing @1" reports the result; a flag "is flying"
    # over a place it already flies over)
    if (
        verb.endswith("ing")
        and verb not in _STATE_PARTICIPLES
        and _UNDER_WAY.search(text, max(0, at - 25), at)
    ):
        return True  # "the Russians were entering @1 through a gas pipe": under way
    if verb not in ctx.entry_verbs:
        return False
    if _REPEATED.match(text, m.end()):
        return True  # "entered @1 several times, but were knocked out each time": attempts
    if _FIGHTS_AS.search(text, max(0, at - 60), at):
        return True  # "street fights as Russians enter @1": the entry is the fighting
    if _SMALL_FORCE.search(text, max(0, at - 70), at):
        return True  # "around 200 Russian troops had entered the city": an infiltration
    return ctx.fighting_after_entry.search(text, m.end(), m.end() + 120) is not None


# A counted or small force right before its entry: an infiltration, not a capture
_SMALL_FORCE = re.compile(
    r"\b(?:(?:about|around|some|up\s+to|nearly|almost|roughly|over|more\s+than)\s+)?"
    r"(?:\d[\d,]*|dozens\s+of|a\s+few|several|small\s+groups?\s+of|sabotage(?:\s+and"
    r"\s+reconnaissance)?|reconnaissance)\s+(?:[\w-]+\s+){0,2}?(?:troops|soldiers|servicemen"
    r"|fighters|infantrymen|groups?|units?)\s+(?:have\s+|had\s+|has\s+)?(?:already\s+)?$"
)
# Fighting told as what happens while a side enters
_FIGHTS_AS = re.compile(
    r"\b(?:fights?|fighting|battles?|clashes|combat)\W{0,3}\s+(?:as|while|when)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)


_REPEATED = re.compile(
    r"\s*,?\s*(?:(?:several|many|multiple|numerous|a\s+few|countless)\s+times|repeatedly)\b"
)


def _share_subject(text: str, anchor: int) -> bool:
    """Whether a subject-shaped trigger at ``anchor`` has a share of the place as subject
    ("part of the village still remained under Ukrainian control")."""
    lo = max(0, anchor - 80)
    adverbs = _ADVERBS_BEFORE.search(text, lo, anchor)
    end = adverbs.start() if adverbs else anchor
    return context().share_before.search(text, lo, end) is not None


def _share_of(frame: Frame, members: list[Mention]) -> bool:
    """Whether the place is named as a share of itself ("70% of @1", "part of the town of @1")."""
    for group in frame.groups:
        if group.members is members:
            lo = max(0, group.start - 80)
            if "of" not in frame.text[lo : group.start]:
                return False  # every share ends in "of": "half of", "part of the town of"
            return context().share_before.search(frame.text, lo, group.start) is not None
    return False


def _claim(doc: _Article, mention: Mention, cand: _Candidate) -> Claim:
    art = doc.article
    event = cand.event
    actor = cand.actor if cand.actor in OTHER else None
    controller: str | None
    if event == "contested":
        controller = "contested"
    elif event == "withdrew":
        controller = OTHER.get(actor or "")
    else:
        controller = actor
    index = cand.frame.index
    usable = _dates_for(cand.frame, doc.dates(index), cand.anchor)
    nearest = nearest_expression(usable, cand.anchor)
    # The previous sentence's dates only count when this one has none: find them only then.
    previous = doc.previous_dates(index) if nearest is None else []
    when, precision = pick_date(
        usable, anchor=cand.anchor, published=art.published, previous=previous
    )
    if (
        event == "held"
        and controller in OTHER
        and nearest is not None
        and nearest.precision == "day"
        and nearest.date is not None
        and art.published is not None
        and 0 <= (art.published - nearest.date).days <= _SINCE_NEWS_DAYS
        and _SINCE.search(cand.frame.text, max(0, nearest.start - 12), nearest.start)
    ):
        # "@1 has been controlled by the Russian occupiers since May 8": held since a day
        # of the last weeks, so taken that day
        event, actor = "captured", controller
        when, precision = nearest.date, "day"
    if event in _CHANGE and nearest is not None and nearest.past_year:
        # "Lyman, captured by Russian forces in 2022": a change dated only by its year is
        # background, a status; a change of a stated day or month, however long ago, stays
        # a change at that date ("On October 5, Ukrainian troops liberated @1")
        event, actor = "held", controller  # type: ignore[assignment]
    hedged = cand.doubted or doc.hedged(index) or doc.followed_by_doubt(index)
    if not hedged and event in _CHANGE and cand.speaker is not None:
        unverified = doc.unverified_sides()
        hedged = "*" in unverified or cand.speaker.likely_side in unverified
    confidence = cand.confidence * (0.75 if hedged else 1.0)
    confidence *= 0.6 + 0.4 * max(0.0, min(1.0, mention.score))
    sentence = cand.frame.sentence
    return Claim(
        article=art.id,
        published=art.published,
        place=mention.place,
        mention=mention.text,
        start=mention.start,
        end=mention.end,
        event=event,  # type: ignore[arg-type]
        actor=actor,  # type: ignore[arg-type]
        controller=controller,  # type: ignore[arg-type]
        date=when,
        date_precision=precision,
        claimant=(
            cand.speaker.named(controller if cand.forced else actor, mention.place)
            if cand.speaker
            else None
        ),
        hedged=hedged,
        sentence=doc.quote(sentence),
        confidence=round(max(0.01, min(0.99, confidence)), 3),
        title=art.title,
        url=art.url,
        outlet=art.outlet,
    )


# A relative clause closed by its comma before the main clause's verb
_CLOSED_RELATIVE = re.compile(r"\s*(?:which|that|who)\s[^,;:]*,")
# "…, which Moscow said it had taken in early January": a relative clause dates its own event
_RELATIVE_OPENING = re.compile(r"\s*(?:which|that|who|where|whose)\b")


# A mention whose place takes less than half of its namesakes' weight carries no claim when
# at least three of the text's places are settled (0.8 or more): over the development sets
# such claims named the wrong village more often than the right one (the one meant is often
# missing from the gazetteer). Measured for 0.3–0.7: 0.5 gave the best change F1, and place
# resolution rose with every step.
_DOUBTFUL_PLACE = 0.5
_SETTLED_PLACE = 0.8
_DOUBT_CONTEXT = 3
_BESIDE_SETTLED_KM = 8.0
# A list of this many places whose members but one lie within this reach of one another.
_LIST_LEAST = 3
_LIST_STRAY_KM = 90.0
_TIGHT_LIST_KM = 20.0
_TIGHT_STRAY_KM = 40.0
_FIRST_PERSON = re.compile(r"\b(?:our|ours|we)\b")
_BY_RESIDENTS = re.compile(
    r"\bby\s+(?:local\s+)?(?:residents|locals|villagers|inhabitants|people)\s+of\b"
)
_PLAIN_CAPTURE = frozenset({"capture", "seizure", "takeover", "taking"})
_NOW = re.compile(r"\bnow\b")
# "now" in the predicate of a place ("@1 is now under …", "forces now occupy @1"), not in an
# aside about a reference point ("Bakhmut — now held by Russia —")
_NOW_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+now\b|\bnow\s+(?:occupy|occupies|occupied|occupying|control"
    r"|controls|controlled|hold|holds)\b|\b(?:is|are|was|were)\s+(?:\w+\s+)?now\s+(?:in|under)\b"
    # "among the areas now fully under Russian control are @1 and @2"
    r"|\bamong\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?now\s+(?:(?:fully|completely|entirely)\s+)?under\b"
)
_APPOSITIVE_NOW = re.compile(r"[,—–-]\s*now\b")
# "claims of capturing @1" and the verb that denies them before it
_CLAIMS_OF = re.compile(r"(?:claims?|reports?|announcements?|statements?)\s+(?:of|about)\s")
_REFUTED_BEFORE = re.compile(
    r"\b(?:refut|den(?:y|ied|ies|ying)|reject|dismiss|disput)[a-z]*\s+(?:[\w'’]+\s+)?$"
)
# A restrictive relative clause after a place, and an unnamed place and its relation to a
# landmark right before the landmark ("a town northwest of @1"), not a name's own noun ("the
# town of @1")
_RESTRICTIVE_AFTER = re.compile(r"\s+that\s")
_HEAD_BEFORE_RELATION = re.compile(
    r"(?<![\w-])(?:a|an|another)\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|settlement|hamlet)"
    r"\s+(?!(?:of|called|named)\s+$)(?:[\w.-]+\s+){1,4}$"
)
# A preposition or article before a past participle makes it an adjective ("residents of
# recently liberated @1", "in the newly captured @1").
_ATTRIBUTIVE = re.compile(
    r"(?<![\w-])(?:of|in|into|from|near|around|the|to"
    # "moving towards occupied @1", "just outside liberated @1"
    r"|towards?|outside|inside|within|across|through|behind|beyond|at|against"
    # "Occupiers attack liberated @1": the adjective of the attacked place
    r"|attacks?|attacked|attacking|shell|shells|shelled|shelling|strikes?|struck|striking"
    r"|bombs?|bombed|bombing)\s+(?:(?:recently|newly|just)\s+)?$"
)
_DOUBTING = frozenset({"follows", "reported"})  # denial verdicts that leave a claim, doubted
# A bullet item opened by a verb, and the end of the line that opens its list
_BULLET_VERB = re.compile(r"\s*[•·▪*–—-]\s*[a-z]+(?:ed|ok|ew|ave|ft)\b")
_LIST_LEAD = re.compile(r"(?P<lead>[^.;:]{0,60}):\s*$")
# A state wished for or expected ("wants @1 to be under its control"), not told
_WISHED_STATE = re.compile(
    r"\b(?:expects?|expected|expecting|wants?|wanted|wanting|hopes?|hoped|plans?|planned|aims?"
    r"|aimed|intends?|intended|like|likes|liked|needs?|needed|forecasts?|predicts?|predicted)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+)?@\d+\s+to\s+"
)
_SOME_UNITS = re.compile(
    r"\b(?:some|several|a\s+few|part)\s+(?:of\s+(?:the|its|their|our)\s+)?(?:units|troops"
    r"|forces|soldiers|positions)\s+(?:have\s+|had\s+|has\s+)?(?:[a-z]+\s+(?:back\s+)?(?:or|and)\s+)?$"
)
# (or a list opened by "among the liberated settlements are", "the latest liberated populated
# areas were @1 and @2": news of the gains)
_NEWLY = re.compile(
    r"\b(?:recently|newly|among\s+the(?=\s+liberated)|the\s+(?:latest|last)(?=\s+liberated))\b"
)
# A side's withdrawal told before a foothold ("after the withdrawal of the Ukrainian troops")
_LEFT_BEFORE = re.compile(
    r"\bafter\s+(?:the\s+)?(?:withdrawal|retreat|pullout)\s+of\s+(?:the\s+)?"
    r"(?P<side>[\w'-]+(?:\s+[\w'-]+)?)\s+(?:troops|forces|units|army|military)\b"
)
# A capture verb in the plain present after a relative pronoun: a habit, not an event
_BASE_FORM = re.compile(
    r"enter|capture|take|seize|occupy|storm|break\s+into|liberate|retake|recapture|regain|reclaim"
)
_WHO_BEFORE = re.compile(r"\b(?:who|that)\s+$")
# A clause of time or condition that a plain present puts in the future ("a breakthrough could
# come after the defenders liberate @1", "once Russian troops take @1")
_FUTURE_CLAUSE = re.compile(
    r"\b(?:after|once|when|if|until|unless|before|as\s+soon\s+as)\s+(?:the\s+)?(?:[\w'-]+\s+){1,3}$"
)
_RAIDERS_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:sabotage|subversive|reconnaissance|infiltration"
    r"|diversion|drgs?|saboteurs|infiltrators)\b"
)
_INFINITIVE_SERIES = re.compile(
    r"(?<!managed )(?<!able )(?<!failed )\bto\s+[a-z]+\b(?:[^.;:@]|@\d+)*,\s*(?:and\s+)?$"
)
# "taking @1 under control would allow …": the control phrase closing a gerund's object
_UNDER_CONTROL_TAIL = re.compile(
    r"\s+under\s+(?:(?:its|their|our|full|complete|russian|ukrainian)\s+)*control\b"
)


def _past_under_control(text: str, end: int) -> int:
    """Where the words after a match at ``end`` go on, past "under … control"."""
    tail = _UNDER_CONTROL_TAIL.match(text, end)
    return tail.end() if tail else end


# A gerund standing as a clause's subject: "(that) entering @1 was almost impossible"
_CLAUSE_OPENING = re.compile(r"(?:^|\b(?:that|while|but|and)\s+|[,:;“\"]\s*)$")
_GERUND_SUBJECT = re.compile(
    r"\s*[”\"’']?\s*(?:is|was|were|are|remains|remained|proved|became|has\s+been|had\s+been)\b"
)
# How many sentences back "the villages in question are @1 and @2" may find its count.
_COUNTED_REACH = 6
# A sentence that only says who reported the one before
_ATTRIBUTION = re.compile(
    r"^\s*(?:this|that|it)\s+(?:was|has\s+been|had\s+been)\s+(?:[\w-]+\s+)?(?:announced|reported"
    r"|stated|said|confirmed)\b|\b(?:said|stated|reported|announced|confirmed|wrote)\s+(?:this|that)"
    r"\s*(?:on|in|at|\.|,|$)"
)
_PROGRESSIVE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:(?:now|still|also|gradually|slowly)\s+)*being\s+$"
)

_FLEEING = re.compile(r"(?:fleeing|running\s+away|retreating)\b")
_PRESENT_BE = re.compile(r"\b(?:is|are)\s+(?:[a-z]+ly\s+|now\s+|still\s+|already\s+)*$")
# A withdrawal only begun: "began to withdraw from @1", "have started withdrawing from @1"
_BEGUN = re.compile(
    r"\b(?:began|begun|started)\s+(?:to\s+)?"
    r"(?:[a-z]+ly\s+)?$"
)
# ("… remained under Kyiv's control until now" still holds)
_ENDED = re.compile(
    r"\s*,?\s*(?:(?:in|in\s+this|in\s+the)\s+(?:area|region)\s+)?until\b"
    r"(?!\s+(?:now|today|this\s+day|the\s+present)\b)"
)
_UNTIL_RECENTLY = re.compile(
    r"\buntil\s+(?:very\s+|quite\s+)?recently\b|\buntil\s+last\s+(?:week|month)\b"
)


# A relative clause with a finite verb of its own between a trigger and a date after it
_RELATIVE_VERB = re.compile(
    r"\b(?:that|which|who)\s+(?:had\s+|has\s+|have\s+)?(?:first\s+|originally\s+)?"
    r"(?:[a-z]+ed|took|seized|fell|won|lost|retook|overran|left)\b"
)


def _dates_for(frame: Frame, found: list[DateExpression], anchor: int) -> list[DateExpression]:
    """The date expressions that can date a trigger at ``anchor``.

    Past a comma, only a speech verb's date or a date right after the comma still counts
    ("…, officials said Wednesday", "…, on Friday"); one inside an appositive ("…, the
    capital captured by Moscow in February") or a relative clause ("…, which Moscow said it
    took in January") dates another event. Before the trigger, a
    date in an earlier clause that names a place of its own dates that clause's event
    ("Ukraine lost @0 in February, and Russia has since taken @1").
    """
    text = frame.text
    own = clause_start(frame, anchor)
    kept = []
    for expr in found:
        if expr.start < own:
            start = clause_start(frame, expr.start)
            end = next((c for c in frame.clauses if c > expr.start), own)
            if TOKEN.search(text, start, end):
                continue
        elif expr.start < anchor and (closed := _CLOSED_RELATIVE.match(text, own, anchor)):
            if expr.start < closed.end():
                continue  # "@1, which fell in March, is back in Ukrainian hands": the past
        elif expr.start > anchor:
            if _RELATIVE_VERB.search(text, anchor, expr.start):
                continue  # "from Ukrainian forces that seized the city in August": theirs
            comma = text.rfind(",", anchor, expr.start)
            between = text[comma + 1 : expr.start]
            detached = comma >= 0 and len(between.split()) > 1
            if detached and (
                _RELATIVE_OPENING.match(between) or not _speech_dates(text, comma, expr.start)
            ):
                continue
        kept.append(expr)
    return kept


def _speech_dates(text: str, start: int, date_start: int) -> bool:
    """Whether a speech verb in ``text[start:date_start]`` is the one the date right after it
    dates ("…, officials said on Wednesday"), not one further back ("…, one of four regions
    Moscow claimed to have annexed in September")."""
    ends = [m.end() for m in speech_verbs().finditer(text, start, date_start)]
    return bool(ends) and len(text[ends[-1] : date_start].split()) <= 2


def _none_claim(doc: _Article, mention: Mention, sentence: Sentence | None) -> Claim:
    art = doc.article
    quoted = doc.quote(sentence) if sentence else mention.text
    none: Event = "none"
    return Claim(
        article=art.id,
        published=art.published,
        place=mention.place,
        mention=mention.text,
        start=mention.start,
        end=mention.end,
        event=none,
        actor=None,
        controller=None,
        date=None,
        date_precision="unknown",
        claimant=None,
        hedged=False,
        sentence=quoted,
        confidence=round(0.5 * (0.6 + 0.4 * max(0.0, min(1.0, mention.score))), 3),
        title=art.title,
        url=art.url,
        outlet=art.outlet,
    )


def _house_side(doc: _Article, members: Sequence[Mention]) -> str | None:
    """The side whose words tell of the place: the article's own voice, or Russia's when the
    place is written in its Russian form ("Svyatogorsk was liberated")."""
    return doc.house_side() or ("RU" if _russian_spelling(members) else None)


def _russian_spelling(members: Sequence[Mention]) -> bool:
    """Whether every place of ``members`` is written in the romanised Russian form of its
    name that differs from the Ukrainian one ("Svyatogorsk", "Seversk", "Tsukurino"), as a
    Russian source writes it; forms the two languages share once folded ("Izyum",
    "Kupyansk") say nothing."""
    if not members:
        return False
    for mention in members:
        place = mention.place
        if place.country != "UA" or not place.name_ru:
            return False
        written = fold(mention.text)
        if written == fold(place.name) or written != fold(romanize_ru(place.name_ru)):
            return False
    return True


def _preference(cand: _Candidate, mention: Mention) -> tuple[int, float, bool, int]:
    """How strongly ``cand`` claims ``mention``: the stronger event, then the surer reading,
    then the main clause's, then the earlier trigger."""
    return (_RANK[cand.event], cand.confidence, _main(cand, mention), -cand.anchor)


def _main(cand: _Candidate, mention: Mention) -> bool:
    """Whether ``cand`` is told in the main clause about ``mention``, not in a relative clause
    right after it: "@1, which fell in March, is back in Ukrainian hands" is news of the main
    clause; the relative clause's change is the place's past."""
    group = next((g for g in cand.frame.groups if mention in g.members), None)
    if group is None or cand.anchor < group.end:
        return True
    return _RELATIVE_AFTER_NAME.match(cand.frame.text[group.end : cand.anchor]) is None


# A relative clause opening right after a name and still open at a trigger
_RELATIVE_AFTER_NAME = re.compile(r"\s*,\s*(?:which|that)\s[^,;:]*$")


def _valid(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions in text order, without overlaps or offsets that do not match the text."""
    kept: list[Mention] = []
    end = -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start >= end and 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text:
            kept.append(m)
            end = m.end
    return kept


def extract_claims(
    article: Article, gazetteer: MentionFinder, *, all_mentions: bool = False
) -> list[Claim]:
    """The control claims ``article`` makes, one per place mention that carries one.

    Events are ``captured``, ``withdrew``, ``contested`` or ``held``; with
    ``all_mentions=True`` every other mention is returned too, as ``event="none"``.
    Deterministic, does no I/O, and returns ``[]`` for an empty text.
    """
    text = article.text or ""
    if not text.strip():
        return []
    mentions = _valid(text, gazetteer.find_mentions(text))
    if not mentions:
        return []
    sentences = split_sentences(text)
    # "the village" standing for a place named before: only reported when it carries a claim
    anaphors = resolve_anaphors(text, sentences, mentions)
    # "both villages" standing for places named together before: its claim goes to their names
    plural = resolve_plural_anaphors(text, sentences, mentions)
    if anaphors or plural:
        mentions = _valid(text, [*mentions, *anaphors, *(p.mention for p in plural)])
    meant = {p.mention.start: p.antecedents for p in plural}
    standing_for = {m.start for m in anaphors} | meant.keys()
    doc = _Article(article, mentions, sentences, frozenset(meant))
    best: dict[int, _Candidate] = {}
    # (place id, controller, claimant side) of changes the article reports as denied
    denied: set[tuple[str, str | None, str | None]] = set()  # side "*": any source
    for i, found in enumerate(doc.by_sentence):
        if not found and (i == 0 or not doc.by_sentence[i - 1]):
            continue
        for cand in _candidates(doc, i):
            if cand.event in _CHANGE and cand.actor in OTHER and not cand.disputed:
                gainer = cand.actor if cand.event == "captured" else OTHER[cand.actor]
                for mention in cand.members:
                    doc.gained_by[mention.place.id] = gainer
                doc.last_gainer = gainer
            if cand.disputed:
                side = cand.speaker.likely_side if cand.speaker else None
                places = {m.place.id for m in _named(cand.members, meant)}
                denied.update((place, cand.disputed, side) for place in places)
                if side is None:  # a denial of nobody in particular disputes every source
                    denied.update((place, cand.disputed, "*") for place in places)
            for mention in cand.members:
                if mention.start in meant:
                    # only where their own sentences said less ("fighting near @0 and @1.
                    # Russia has captured both villages")
                    for named in meant[mention.start]:
                        held = best.get(named.start)
                        if held is None or _RANK[cand.event] > _RANK[held.event]:
                            best[named.start] = cand
                    continue
                held = best.get(mention.start)
                if held is None or _preference(cand, mention) > _preference(held, mention):
                    best[mention.start] = cand
    claims = [_claim(doc, m, best[m.start]) for m in mentions if m.start in best]
    if denied:
        claims = [_doubt_denied(c, best[c.start], denied) for c in claims]
    # only a change still claimed without doubt can be denied by a later sentence
    open_changes = [
        best[c.start].frame.index for c in claims if c.event in _CHANGE and not c.hedged
    ]
    later = doc.later_denials(min(open_changes)) if open_changes else []
    if later:
        claims = [_doubt_later(c, best[c.start], later) for c in claims]
    claims = _dated_alike(_consistent(claims), article.published)
    kept = {c.start: c for c in _specific_sources(_sourced_headlines(claims, best), best)}
    result: list[Claim] = []
    strays: dict[int, set[int]] = {}  # per candidate, the starts of its members far off
    settled: dict[str, Place] | None = None  # places the text pins down, when first needed
    for mention in mentions:
        claim = kept.get(mention.start)
        if claim is not None and mention.score < _DOUBTFUL_PLACE and mention.alternatives:
            if settled is None:
                settled = {m.place.id: m.place for m in mentions if m.score >= _SETTLED_PLACE}
            if len(settled) >= _DOUBT_CONTEXT and not _beside_settled(mention.place, settled):
                # a name shared by places that none of the text's many clues sets apart: the
                # one picked is more often wrong than right, so no claim is put on it
                claim = None
        if (
            claim is not None
            and mention.alternatives
            and mention.start in _strays(best[mention.start], strays)
        ):
            # "liberated Nevske, Hrekivka, Novoiehorivka and Stelmakhivka": one member far from
            # the others, which lie together, is a namesake of a village the gazetteer lacks
            # (whatever is claimed of the list: fighting near it too)
            claim = None
        if claim is not None and claim.event in _CHANGE and _behind_the_front(claim.place):
            # a change of hands where no ground fighting took place is one of the name's
            # front-line namesakes ("Vilkhivka was recaptured": not the one in Zakarpattia);
            # with none, a village the gazetteer lacks ("Storozhove": only Poltava's is known).
            # "The village" standing for a name has the name's namesakes.
            front = [a for a in _namesakes(mention, mentions) if not _behind_the_front(a.place)]
            claim = replace(claim, place=front[0].place) if front else None
        elif (
            claim is not None
            and claim.event in _CHANGE
            and not _near_the_war(claim.place)
            and not _among_others(claim.place, mentions)
        ):
            # a change of hands far from every town the war was fought over and from every
            # other place the article names, when a namesake lies near such a town, is that
            # namesake's ("Pyatykhatky was recaptured" in June 2023: the Zaporizhzhia village,
            # not the Dnipropetrovsk town 150 km from the front)
            front = [a for a in _namesakes(mention, mentions) if _near_the_war(a.place)]
            if front:
                claim = replace(claim, place=front[0].place)
        if claim is not None:
            result.append(claim)
        elif all_mentions and mention.start not in standing_for:
            result.append(_none_claim(doc, mention, doc.sentence_at(mention.start)))
    return result


@cache
def _oblasts(key: str) -> frozenset[str]:
    return frozenset(load_lexicon("place_context")[key]["names"])


# A Russian city this large is a regional centre no ground fighting reached (Kursk, Belgorod)
_REGIONAL_CENTRE = 200_000


_AMONG_OTHERS_KM = 60.0


def _behind_the_front(place: Place) -> bool:
    """Whether ``place`` lies where no ground fighting took place: a rear oblast of Ukraine,
    or Russia outside its border oblasts (lexicon place_context), or another country
    ("Kamianets" is no Kamenets in Belarus)."""
    if place.country not in OTHER:
        return True
    if place.country == "UA":
        return place.admin1 in _oblasts("rear_oblasts")
    if (place.population or 0) >= _REGIONAL_CENTRE:
        # "Ukrainian troops have been ousted from Kursk": the region named by its city, where
        # no fighting reached
        return True
    return place.country == "RU" and place.admin1 not in _oblasts("front_russian_oblasts")


def _namesakes(mention: Mention, mentions: Sequence[Mention]) -> tuple[Candidate, ...]:
    """The other places ``mention``'s name may mean; for a mention that has none ("the
    village" standing for a name), those of another mention of the same place."""
    return mention.alternatives or next(
        (m.alternatives for m in mentions if m.place.id == mention.place.id), ()
    )


def _near_the_war(place: Place) -> bool:
    """Whether ``place`` lies within reach of a town the war was fought over
    (data/war_zone.csv)."""
    return war_zone_nearness(place.lat, place.lon) > 0.0


def _among_others(place: Place, mentions: Sequence[Mention]) -> bool:
    """Whether another place the article names lies within _AMONG_OTHERS_KM of ``place``:
    then the text is about that area ("liberated Nova Basan, Bobryk and Makiivka" in the
    Chernihiv region, however far from the war's best-known towns)."""
    here = (place.lat, place.lon)
    return any(
        m.place.name != place.name
        and distance_km(here, (m.place.lat, m.place.lon)) <= _AMONG_OTHERS_KM
        for m in mentions
    )


def _beside_settled(place: Place, settled: dict[str, Place]) -> bool:
    """Whether a place the text pins down lies within _BESIDE_SETTLED_KM of ``place``: the
    namesake next to it ("@0 … the recapture of @1, another village in the region") is the
    one a reader takes, however many namesakes the name has."""
    here = (place.lat, place.lon)
    return any(
        other_id != place.id and distance_km(here, (other.lat, other.lon)) <= _BESIDE_SETTLED_KM
        for other_id, other in settled.items()
    )


def _beside_capital(frame: Frame, group: Group, start: int) -> list[Mention] | None:
    """The place named right before a capital it lies by, when a relative clause follows the
    capital ("the mayor of @0 near Kyiv, which was liberated on Thursday"): the capital is
    where the town lies, the town what the clause is about."""
    if group.members[0].text.lower() not in context().capitals:
        return None
    for landmark in _CAPITAL_LANDMARK.finditer(frame.text, max(0, start - 60), start + 40):
        if frame.groups[int(landmark["g"])] is group:
            return _place_members(frame, landmark["t"])
    return None


def _place_members(frame: Frame, token: str) -> list[Mention] | None:
    """The places of the group behind token number ``token``, if it names places at all
    (a target or a reference point, not a region, an axis or an actor)."""
    group = group_by_token(frame, int(token))
    return group.members if group is not None and group.status in _STATUS_TARGETS else None


def _named(members: list[Mention], meant: dict[int, tuple[Mention, ...]]) -> list[Mention]:
    """``members`` with each plural phrase ("both villages") replaced by the names it stands for."""
    if not meant:
        return members
    return [n for m in members for n in meant.get(m.start, (m,))]


def _strays(cand: _Candidate, found: dict[int, set[int]]) -> set[int]:
    """The starts of the mentions of the one member of ``cand``'s list that lies farther than
    _LIST_STRAY_KM from every other, when the list names at least _LIST_LEAST places and the
    others all lie within that reach of one another (worked out once per candidate)."""
    key = id(cand)
    if key not in found:
        found[key] = set()
        points = {(m.place.lat, m.place.lon) for m in cand.members}
        if len(points) >= _LIST_LEAST:
            close = {
                p: sum(distance_km(p, q) <= _LIST_STRAY_KM for q in points if q != p)
                for p in points
            }
            far = [p for p, count in close.items() if count == 0]
            together = all(count == len(points) - 2 for p, count in close.items() if p not in far)
            if not together:
                far = []
            if len(far) != 1:
                # …or a stretch of front and a village far from it (a town stands for itself:
                # "three mid-sized towns — Avdiivka, Selydove and Kurakhove")
                villages = {
                    (m.place.lat, m.place.lon) for m in cand.members if m.place.kind == "village"
                }
                far = [p for p in villages if _off_cluster(p, points - {p})]
            if len(far) == 1:
                found[key] = {m.start for m in cand.members if (m.place.lat, m.place.lon) == far[0]}
    return found[key]


def _off_cluster(p: tuple[float, float], others: set[tuple[float, float]]) -> bool:
    """Whether ``p`` lies over _TIGHT_STRAY_KM from every other place of a list whose other
    places each lie within _TIGHT_LIST_KM of another of them, a stretch of front: in
    "Blahodatne, Neskuchne and Makarivka", two villages a few km apart and a namesake 45 km
    off, the name is a third village by them that the gazetteer lacks."""
    nearest = min(distance_km(p, q) for q in others)
    if nearest <= _TIGHT_STRAY_KM:
        return False
    # each of the others lies close to another of them: the list is a stretch of front
    return all(min(distance_km(a, b) for b in others if b != a) <= _TIGHT_LIST_KM for a in others)


def _dated_alike(claims: list[Claim], published: date | None) -> list[Claim]:
    """A claim the text gives no date takes the date of the same claim made elsewhere in the
    article (the same place, event and controller): a quote that repeats the news ("I decided
    to withdraw our units from the town") is about the day the lead gave, not "this week"."""
    if published is None:
        return claims
    undated = (published - timedelta(days=1), "week")
    dated: dict[tuple[str, str, str | None], list[tuple[int, date, str]]] = {}
    for claim in claims:
        if claim.date is not None and (claim.date, claim.date_precision) != undated:
            key = (claim.place.id, claim.event, claim.controller)
            dated.setdefault(key, []).append((claim.start, claim.date, claim.date_precision))
    if not dated:
        return claims
    result = []
    for claim in claims:
        alike = dated.get((claim.place.id, claim.event, claim.controller))
        if alike and (claim.date, claim.date_precision) == undated:
            # the nearest before it, else the first after it
            before = [a for a in alike if a[0] < claim.start]
            _, when, precision = before[-1] if before else alike[0]
            claim = replace(claim, date=when, date_precision=precision)  # type: ignore[arg-type]
        result.append(claim)
    # …and the places listed with it in one sentence share its date ("have taken full control
    # of @1 and other nearby towns, notably @2 and @3": one event, one day)
    by_sentence: dict[tuple[str, str, str | None], tuple[date, str]] = {}
    for claim in result:
        if claim.date is not None and (claim.date, claim.date_precision) != undated:
            key = (claim.sentence, claim.event, claim.controller)
            by_sentence.setdefault(key, (claim.date, claim.date_precision))
    return [
        replace(claim, date=shared[0], date_precision=shared[1])  # type: ignore[arg-type]
        if (claim.date, claim.date_precision) == undated
        and (shared := by_sentence.get((claim.sentence, claim.event, claim.controller)))
        else claim
        for claim in result
    ]


def _sourced_headlines(claims: list[Claim], best: dict[int, _Candidate]) -> list[Claim]:
    """A headline's change that names no source takes the source and the doubt of the body's
    first claim of the same change: a headline compresses the attribution its story gives."""
    body: dict[tuple[str, str | None], Claim] = {}
    for claim in claims:
        sentence = best[claim.start].frame.sentence
        if claim.event in _CHANGE and claim.claimant and not _is_headline(sentence):
            body.setdefault((claim.place.id, claim.controller), claim)
    if not body:
        return claims
    out = []
    for claim in claims:
        source = body.get((claim.place.id, claim.controller))
        if (
            source is not None
            and claim.claimant is None
            and claim.event in _CHANGE
            and _is_headline(best[claim.start].frame.sentence)
        ):
            claim = replace(claim, claimant=source.claimant, hedged=claim.hedged or source.hedged)
        out.append(claim)
    return out


def _specific_sources(claims: list[Claim], best: dict[int, _Candidate]) -> list[Claim]:
    """A change credited to a country as a whole ("Russia said …") takes the side's own
    source the article names for the same change, else for its other changes ("the defence
    ministry said"): "Russia" is the reporter's shorthand for it."""
    fallback = fallback_names()
    vague = fallback | generic_names()
    specific: dict[tuple[str, str | None, str], str] = {}
    by_side: dict[str, str] = {}
    for claim in claims:
        speaker = best[claim.start].speaker
        side = speaker.likely_side if speaker else None
        if claim.event in _CHANGE and claim.claimant and claim.claimant not in vague and side:
            specific.setdefault((claim.place.id, claim.controller, side), claim.claimant)
            by_side.setdefault(side, claim.claimant)
    if not by_side:
        return claims
    out = []
    for claim in claims:
        speaker = best[claim.start].speaker
        if claim.event in _CHANGE and claim.claimant in fallback and speaker is not None:
            side = speaker.likely_side or ""
            named = specific.get((claim.place.id, claim.controller, side)) or by_side.get(side)
            if named:
                claim = replace(claim, claimant=named)
        out.append(claim)
    return out


_NEAR_LINK = re.compile(r"\s+(?:near|outside|close\s+to|by)\s+(?:the\s+)?(?:city\s+of\s+)?$")


_COMPASS_OF = re.compile(
    r"\bto\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:positions|lines|frontiers|boundaries)\s*,?\s+"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\b"
)
_COMPASS_FROM = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:wards?)?\s+from\b")
_RELATIVE_PRONOUN = re.compile(r"\b(?:which|that|who|whom)\b")


# "were also taken": one more of the changes just told, unless a "by …" agent follows
_ALSO_PASSIVE = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+also\s+\w+$")
_BY_AGENT = re.compile(r"\s+by\b")
# A passive that returns a place to whom it was taken from
_RETAKEN = re.compile(
    r"re-?taken|re-?captured|regained|won\s+back|taken\s+back|reclaimed|re-?capture|re-?taking"
)


def _occupier(m: re.Match[str], members: Sequence[Mention]) -> str | None:
    """The side an occupation word gives a gain to when nothing else names one: the side at
    war with the places' country ("@1 has been occupied" is Russia's gain in Ukraine, and
    Ukraine's in the Kursk region); a place "retaken" returns to its own country's side."""
    verb = m.group("v") if "v" in m.re.groupindex else None
    country = _country_of(members)
    if not verb or country is None:
        return None
    if context().occupation.fullmatch(verb):
        return OTHER[country]
    # "Robotyne was retaken after weeks of fighting": back to its own country's side
    return country if _RETAKEN.fullmatch(verb) else None


# A quotation mark opening right on a liberation word: scare quotes around the word itself, not
# a quoted sentence that ends in it ("… that \"Urozhaine was liberated\"", which
# has_quoted_trigger also counts, is the speaker's own word)
# (a quotation mark after a word closes a name: 'the group of troops "Tavria" liberated')
_SCARE_QUOTED = re.compile(
    r"(?<![\w.,!?])[\"“”«»‘’']\s*(?:liberat(?:ed|e|es|ing|ion)|freed|de-?occupied)\b", re.IGNORECASE
)


def _scare_quoted(doc: _Article, i: int, m: re.Match[str]) -> bool:
    """Whether the sentence sets a liberation word of this match in quotation marks."""
    verb = m.group("v") if "v" in m.re.groupindex else None
    if not (verb and context().liberation.fullmatch(verb)):
        return False
    return _SCARE_QUOTED.search(doc.quote(doc.sentences[i])) is not None


def _country_of(members: Sequence[Mention]) -> str | None:
    """The side whose country all ``members`` lie in, if they lie in one of the two."""
    countries = {mention.place.country for mention in members}
    country = countries.pop() if len(countries) == 1 else None
    return country if country in OTHER else None


def _landmark_of(frame: Frame, group: Group) -> list[Mention] | None:
    """The target a "near @N" landmark follows right after ("@0 near @1"), if any."""
    before = [g for g in frame.groups if g.end <= group.start]
    if (
        before
        and before[-1].status == "target"
        and _NEAR_LINK.fullmatch(frame.text, before[-1].end, group.start)
    ):
        return before[-1].members
    return None


def _is_headline(sentence: Sentence) -> bool:
    return sentence.line == 0 or sentence.heading


def _doubt_denied(
    claim: Claim, cand: _Candidate, denied: set[tuple[str, str | None, str | None]]
) -> Claim:
    """A change (or the holding it implies) that the article elsewhere reports as denied
    ("Kyiv denied that Russians have taken @1") is still claimed, but with doubt, when it
    comes from the side whose claim was denied."""
    side = cand.speaker.likely_side if cand.speaker else None
    keys = {(claim.place.id, claim.controller, side), (claim.place.id, claim.controller, "*")}
    if claim.event in _CHANGE | {"held"} and not keys.isdisjoint(denied):
        return replace(claim, hedged=True, confidence=round(claim.confidence * 0.8, 3))
    return claim


def _doubt_later(claim: Claim, cand: _Candidate, later: list[tuple[int, str]]) -> Claim:
    """A change the other side later denies in a sentence of its own ("Kyiv dismissed the
    report as false.") is still claimed, with doubt."""
    if claim.event not in _CHANGE or claim.hedged:
        return claim
    index = cand.frame.index
    if any(i > index and side != claim.controller for i, side in later):
        return replace(claim, hedged=True, confidence=round(claim.confidence * 0.8, 3))
    return claim


_PLUPERFECT_STATE = re.compile(
    r"\bhad\s+(?:long\s+|previously\s+)?been\s+(?:(?:fully|largely|firmly|completely)\s+)?"
    r"(?:occupied|under|held|controlled|in\s+(?:the\s+)?hands)\b",
    re.IGNORECASE,
)


# A hold told as a denial: "had not been pushed out of @1", "is not ours", "have not entered"
_NEGATED_HOLD = re.compile(r"\b(?:not|n['’]t|never|no\s+longer)\b", re.IGNORECASE)


_STATE_SINCE = re.compile(
    r"\b(?:has|have)\s+been\s+(?:(?:fully|largely|firmly|completely)\s+)?"
    r"(?:occupied|under|held|controlled|in\s+(?:the\s+)?hands)\b[^.;]*?\bsince\b",
    re.IGNORECASE,
)


# How many days a hold one source states may precede another source's claim of a change and
# still stand beside it as its counter-claim, not as history
_COUNTER_CLAIM_DAYS = 7


def _consistent(claims: list[Claim]) -> list[Claim]:
    """Drop claims of one article that an explicitly newer claim about the place overrides.

    An older claim that gives the place to the other side is history ("which Russia had
    occupied in March") and goes; claims of the same date that disagree are the two sides'
    claims and counter-claims, and both stay.
    """
    by_place: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.event != "contested":
            by_place.setdefault(claim.place.id, []).append(claim)
    dropped: set[int] = set()
    for group in by_place.values():
        if len({c.controller for c in group}) < 2:
            continue
        # "@1 had been occupied by the Russians since March" tells the state before the
        # article's news, whatever date it gets
        before = {
            c.start for c in group if c.event == "held" and _PLUPERFECT_STATE.search(c.sentence)
        }
        # "@1 has been under Russian occupation since early March" tells the state the news of
        # a change is about: it is no newer than that news, and both stay
        since = {c.start for c in group if c.event == "held" and _STATE_SINCE.search(c.sentence)}
        news = [c for c in group if c.start not in before | since] or group
        latest = max(news, key=lambda c: (c.date or date.min, _RANK[c.event], c.confidence))
        newest = latest.date or date.min
        for claim in group:
            if claim.start in since and latest.start not in since:
                continue
            # a status it no longer has is history; an earlier change stays, as the first of
            # the moves the article reports ("took @1 by August 20", "has since lost it")
            stale = claim.event == "held" or latest.event == "held"
            if (
                claim.event in _CHANGE
                and latest.event == "held"
                and (claim.hedged or _NEGATED_HOLD.search(latest.sentence))
            ):
                # "Russia said it had captured @1, but Ukraine denied it … 'we hold @1'", "its
                # forces had not been pushed out of @1": a disputed claim and its
                # counter-claim, both kept
                continue
            if (
                claim.event == "held"
                and latest.event in _CHANGE
                and claim.claimant is not None
                and latest.claimant is not None
                and claim.claimant != latest.claimant
                and claim.date is not None
                and (newest - claim.date).days <= _COUNTER_CLAIM_DAYS
            ):
                # "Russia said on Friday it had captured @1 … Ukraine on Thursday said @1
                # remained under its control": two sources' claims a day apart, both kept
                continue
            if (
                stale
                and claim.controller != latest.controller
                and (
                    (claim.date or date.min) < newest
                    or (claim.start in before and latest.event in _CHANGE)
                )
            ):
                dropped.add(claim.start)
    return [claim for claim in claims if claim.start not in dropped]
