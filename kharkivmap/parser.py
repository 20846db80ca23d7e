"""From an article to control claims: which places changed hands, to whom, when, on whose word.

The parser is rule-based and pure. For every sentence that holds a place mention it builds a
*frame* (the sentence lowercased, quotes dropped, mentions replaced by ``@N`` tokens, lists
of coordinated places sharing one token), classifies each token by its surroundings (a
region, an axis, a reference point such as "50 km south of @1", a capital used as an actor,
a dateline), and runs the trigger rules of :mod:`kharkivmap.rules`. A match becomes a claim
once it survives the modality checks (attempts, plans, failures, questions; a denial turns a
change into a contested claim) and its acting side is known: from the grammatical subject,
a "by"/"from" agent, a side adjective, or the speaker's side for "its troops". Claimant,
hedging and date come from :mod:`kharkivmap.claimants` and :mod:`kharkivmap.dates`.

Only :meth:`MentionFinder.find_mentions` is needed from the gazetteer.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from kharkivmap.claimants import (
    Speaker,
    choose_speaker,
    find_speakers,
    is_followup_hedge,
    is_hedged,
    side_words,
    speech_verbs,
)
from kharkivmap.dates import DateExpression, find_date_expressions, pick_date
from kharkivmap.models import Article, Claim, Event, Mention, Place
from kharkivmap.rules import Context, Rule, context, rules_for, words_of
from kharkivmap.sentences import Sentence, split_sentences

__all__ = ["MentionFinder", "extract_claims"]

_CHANGE = frozenset({"captured", "withdrew"})
_RANK = {"captured": 3, "withdrew": 3, "held": 2, "contested": 1}
_OTHER = {"RU": "UA", "UA": "RU"}
# "Occupied X" is Russian-held and "liberated X" Ukrainian-held whoever writes it.
_FIXED_SIDE = {"held_occupied": "RU", "held_liberated": "UA"}
# How far back (characters) an attempt, plan or modal verb still governs a trigger.
_BLOCK_REACH = 70
_LOOKBACK = 3
# A change dated this long before publication is reported as background: who holds the place.
_HISTORY_DAYS = 30

_NORMALISE = str.maketrans(
    {
        "“": " ", "”": " ", '"': " ", "«": " ", "»": " ", "„": " ", "‘": "'", "’": "'",
        "ʼ": "'", "—": " — ", "–": " — ", "\u00a0": " ", "\t": " ",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"@(\d+)")
_PRONOUN = re.compile(r"\b(?:them|him|it|us)\b")


class MentionFinder(Protocol):
    """Anything that finds place mentions with exact offsets (the gazetteer does)."""

    def find_mentions(self, text: str) -> list[Mention]:
        """Mentions in ``text``, each with ``text[start:end] == mention.text``."""
        ...


@dataclass(slots=True)
class _Group:
    """Coordinated mentions sharing one token, and what their surroundings make of them."""

    members: list[Mention]
    status: str = "target"  # target, soft, hard, actor, dateline
    start: int = 0  # token position in the final frame
    end: int = 0


@dataclass(slots=True)
class _Frame:
    sentence: Sentence
    index: int
    text: str
    groups: list[_Group]
    clauses: list[int]
    places: list[Place] = field(default_factory=list)


@dataclass(slots=True)
class _Candidate:
    members: list[Mention]
    event: str
    actor: str | None
    anchor: int
    confidence: float
    frame: _Frame
    speaker: Speaker | None
    disputed: str | None = None  # the controller a denied change would have given
    doubted: bool = False  # contradicted later in the sentence


# A single quote that is no apostrophe ("had 'fully liberated' @1") is a quotation mark.
_QUOTE = re.compile(r"(?<![a-z0-9])'(?!s\b)|'(?![a-z])")


def _clean(piece: str) -> str:
    return _SPACES.sub(" ", _QUOTE.sub(" ", piece.translate(_NORMALISE).lower()))


def _group_mentions(text: str, mentions: Sequence[Mention], ctx: Context) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for i, m in enumerate(mentions):
        if groups:
            prev = groups[-1][-1]
            between = text[prev.end : m.start].lower()
            joined = ctx.join.fullmatch(between) is not None
            if joined and between.strip().startswith(",") and "and" not in between:
                # "A, B" is a list only when it goes on ("A, B and C"), not "A, B holds".
                after = text[m.end : m.end + 6].lower()
                nxt = mentions[i + 1].start if i + 1 < len(mentions) else -1
                joined = after.startswith((",", " and ", " or ")) or nxt == m.end
            if joined:
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _classify(group: _Group, left: str, right: str, first: bool, ctx: Context) -> None:
    word = group.members[0].text.lower()
    if first and not left.strip() and ctx.dateline_after.match(right):
        group.status = "dateline"
    elif word in ctx.capitals and (
        ctx.capital_after.match(right) or ctx.capital_before.search(left[-40:])
    ):
        group.status = "actor"
    elif _not_the_place(group, word, left, right, ctx):
        group.status = "hard"
    elif ctx.soft_before.search(left[-60:]):
        group.status = "soft"


def _not_the_place(group: _Group, word: str, left: str, right: str, ctx: Context) -> bool:
    """A possessive, an axis, a region, a river or a reference point rather than the place."""
    if ctx.possessive_nominal.match(right):
        return False  # "Avdiivka's capture" is about the place itself
    if ctx.not_target_after.match(right) or ctx.direction_after.match(right):
        return True
    if ctx.region_after.match(right) and any(_is_region_name(m.place) for m in group.members):
        return True
    if word in ctx.rivers and (ctx.river_before.search(left[-20:]) or right.startswith(" river")):
        return True
    return ctx.reference_before.search(left[-90:]) is not None


def _is_region_name(place: Place) -> bool:
    """A place whose name also names its region: an oblast centre, or a place abroad."""
    if place.country and place.country != "UA":
        return True
    first = place.admin1.split(" ")[0].lower() if place.admin1 else ""
    return bool(first) and first == place.name.lower()


def _frame(text: str, sentence: Sentence, index: int, mentions: Sequence[Mention]) -> _Frame:
    ctx = context()
    raw_groups = _group_mentions(text, mentions, ctx)
    pieces: list[str] = []
    cursor = sentence.start
    for k, members in enumerate(raw_groups):
        # A literal "@" in the text must not pass for a token.
        pieces.append(text[cursor : members[0].start].replace("@", " "))
        pieces.append(f"@{k}")
        cursor = members[-1].end
    pieces.append(text[cursor : sentence.end].replace("@", " "))
    prelim = _clean("".join(pieces))
    groups = [_Group(members) for members in raw_groups]
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(prelim)]
    for k, (group, (start, end)) in enumerate(zip(groups, spans, strict=True)):
        _classify(group, prelim[:start], prelim[end:], k == 0, ctx)
        group.start, group.end = start, end
    frame = prelim
    if any(g.status in {"actor", "dateline"} for g in groups):
        # Capitals acting as a side become words; datelines vanish.
        out: list[str] = []
        cursor = shift = 0
        for group in groups:
            start, end = group.start, group.end
            out.append(prelim[cursor:start])
            token = prelim[start:end]
            if group.status == "actor":
                token = _clean(group.members[0].text)
            elif group.status == "dateline":
                token = ""
            out.append(token)
            group.start, group.end = start + shift, start + shift + len(token)
            shift += len(token) - (end - start)
            cursor = end
        out.append(prelim[cursor:])
        frame = "".join(out)
    clauses = [m.end() for m in ctx.clause.finditer(frame)]
    places = [g.members[0].place for g in groups]
    return _Frame(sentence, index, frame, groups, clauses, places)


def _clause_start(frame: _Frame, pos: int) -> int:
    i = bisect.bisect_right(frame.clauses, pos) - 1
    return frame.clauses[i] if i >= 0 else 0


def _blocked(frame: _Frame, pos: int, event: str, kind: str) -> bool:
    ctx = context()
    lo = max(_clause_start(frame, pos), pos - _BLOCK_REACH)
    window = frame.text[lo:pos]
    if event == "contested":
        return ctx.contested_blockers.search(window) is not None
    if ctx.blockers.search(window):
        return True
    return event != "withdrew" and kind != "held" and ctx.future.search(window) is not None


def _denial(frame: _Frame, anchor: int) -> str | None:
    """How a denial in the sentence bears on the trigger at ``anchor``.

    ``"governs"``: the trigger is what is denied ("Kyiv denied that Russians had taken @1",
    "rejected the claim that @1 had fallen"): no change is claimed, the place is disputed.
    ``"follows"``: the claim is made, then contradicted ("…, a claim Kyiv denied"): still a
    claimed change, reported with doubt. A denial about another place counts for nothing.
    """
    own = _clause_start(frame, anchor)
    verdict = None
    for m in context().denials.finditer(frame.text):
        start = _clause_start(frame, m.start())
        if m.start() < anchor and start == own:
            return "governs"
        i = bisect.bisect_right(frame.clauses, m.start())
        end = frame.clauses[i] if i < len(frame.clauses) else len(frame.text)
        if m.start() > anchor and (start == own or not _TOKEN.search(frame.text, start, end)):
            verdict = "follows"
    return verdict


def _side_of(match: re.Match[str], speaker_side: str | None) -> str | None:
    kind = match.lastgroup
    if kind == "ru":
        return "RU"
    if kind == "ua":
        return "UA"
    if kind == "enemy":
        return _OTHER.get(speaker_side or "", "RU")
    return speaker_side if speaker_side in _OTHER else None


def _side_in(text: str, speaker_side: str | None, *, last: bool, strict: bool = True) -> str | None:
    """The side ``text`` names (nearest the end when ``last``); ``strict`` as in
    :func:`side_words`, off where a side adjective alone is meant ("Russian-occupied")."""
    found = list(side_words(strict=strict).finditer(text))
    for m in reversed(found) if last else found:
        side = _side_of(m, speaker_side)
        if side:
            return side
    return None


def _actor_left(frame: _Frame, pos: int, speaker_side: str | None) -> str | None:
    """The acting side: nearest side term before ``pos`` in the clause, then the sentence.

    A side adjective right before the trigger names it too ("the Russian withdrawal").
    """
    tail = frame.text[max(0, pos - 30) : pos].rstrip()
    for m in side_words(strict=False).finditer(tail):
        if m.end() == len(tail) and m.lastgroup in {"ru", "ua"}:
            return "RU" if m.lastgroup == "ru" else "UA"
    start = _clause_start(frame, pos)
    return _side_in(frame.text[start:pos], speaker_side, last=True) or _side_in(
        frame.text[:start], speaker_side, last=True
    )


def _agent(frame: _Frame, end: int, speaker_side: str | None) -> tuple[str | None, str | None]:
    """A "by"/"from"/"to" agent right after a passive verb: (preposition, side)."""
    rest = frame.text[end : end + 70]
    m = context().agent.match(rest)
    if not m:
        return None, None
    side = _side_in(rest[m.end() : m.end() + 45], speaker_side, last=False, strict=False)
    return m.group(1), side


def _subject(frame: _Frame, pos: int, previous: list[Mention]) -> list[Mention] | None:
    """The place a subject-shaped trigger at ``pos`` is about, if any."""
    ctx = context()
    left = frame.text[max(0, pos - 200) : pos]
    direct = ctx.direct_subject.search(left)
    if direct:
        group = _group_by_token(frame, int(direct.group(1)))
        return group.members if group and group.status in {"target", "soft"} else None
    anaphor = ctx.anaphor.search(left)
    if anaphor:
        limit = pos - len(left) + anaphor.start()
        targets = [g for g in frame.groups if g.status == "target" and g.end <= limit]
        if not targets:
            return previous or None
        # A place opening the sentence is its subject and the likeliest antecedent
        # ("Vovchansk has been a link in the supply chain from Belgorod, and it remained …").
        first = targets[0]
        if len(frame.text[: first.start].split()) <= 2:
            return first.members
        return targets[-1].members
    relative = ctx.relative.search(left)
    if relative:
        group = _group_by_token(frame, int(relative.group(1)))
        return group.members if group and group.status == "target" else None
    return None


def _group_by_token(frame: _Frame, k: int) -> _Group | None:
    return frame.groups[k] if 0 <= k < len(frame.groups) else None


def _resolve_actor(
    rule: Rule, m: re.Match[str], frame: _Frame, speaker_side: str | None
) -> tuple[str, str | None]:
    """(event, actor) of a match; actor None means the side could not be established."""
    kind, event = rule.kind, rule.event
    if kind in _FIXED_SIDE:
        return event, _FIXED_SIDE[kind]
    groups = m.re.groupindex
    named = m.group("side") if "side" in groups else None
    if named:
        return event, _side_in(named, speaker_side, last=False, strict=False)
    if kind == "push":
        subject = _actor_left(frame, m.start(), speaker_side)
        obj = m.group("obj") or ""
        pushed = _side_in(obj, speaker_side, last=True)
        if obj.strip() and not obj.startswith("to ") and not _forces(obj):
            return "none", None  # "pushed back the front line from @1"
        if not obj.strip() or obj.startswith("to "):
            # "were pushed out of @1", "were forced to retreat from @1"
            return "withdrew", pushed or subject
        if subject and subject != pushed:
            return "captured", subject
        return "withdrew", pushed
    if kind == "withdraw":
        obj = (m.group("obj") if "obj" in groups else None) or ""
        ctx = context()
        if ctx.needs_force.match(m.group("v")) and not (
            ctx.force_nouns.search(obj)
            or ctx.force_nouns.search(frame.text, _clause_start(frame, m.start()), m.start())
        ):
            return event, None  # civilians leave and are evacuated too
        side = _side_in(obj, speaker_side, last=False) if obj else None
        return event, side or _actor_left(frame, m.start(), speaker_side)
    if kind == "relative":
        side = _side_in(m.group("obj"), speaker_side, last=True)
        verb = m.group("v")
        withdrew = context().withdraw_direct.fullmatch(verb) is not None
        return ("withdrew" if withdrew else "captured"), side
    if kind in {"passive", "lost", "fallen", "headline"}:
        prep, side = _agent(frame, m.end(), speaker_side)
        if kind == "lost":
            loser = side if prep == "by" else speaker_side if speaker_side in _OTHER else None
            if prep == "to" and side:
                return "captured", side
            return "captured", _OTHER.get(loser or "")
        if kind == "fallen":
            return event, side if prep == "to" else None
        if prep == "by" and side:
            return event, side
        if prep == "from" and side:
            return event, _OTHER[side]
        side = speaker_side if speaker_side in _OTHER else None
        side = side or _side_in(frame.text[: m.start()], speaker_side, last=True)
        return event, side or _liberator(m.group("v"))
    if kind == "nominal":
        verb = m.group("v")
        rest = frame.text[m.end() :]
        if context().modal_after.match(rest):
            return "none", None
        if verb in {"fall", "loss"}:
            prep, side = _agent(frame, m.end(), speaker_side)
            if prep == "to" and side:
                return "captured", side
            loser = _side_in(
                frame.text[_clause_start(frame, m.start()) : m.start()], None, last=True
            )
            if verb == "loss":
                return "withdrew", loser
            # "the fall of @1" names no winner; a speaker celebrating it is one
            return "captured", speaker_side if speaker_side in _OTHER else None
    side = _actor_left(frame, m.start(), speaker_side)
    return event, side or (_liberator(m.group("v")) if "v" in groups else None)


def _forces(text: str) -> bool:
    """Whether ``text`` names armed forces or a side ("Russian troops", "them", "the enemy")."""
    ctx = context()
    return bool(side_words().search(text) or ctx.force_nouns.search(text) or _PRONOUN.search(text))


def _liberator(verb: str | None) -> str | None:
    """Ukraine, for a liberation word that nothing else gives a side to."""
    return "UA" if verb and context().liberation.fullmatch(verb) else None


class _Article:
    """Per-call state: sentences, frames and speakers, built on demand and cached."""

    def __init__(self, article: Article, mentions: list[Mention]) -> None:
        self.article = article
        self.text = article.text
        self.sentences = split_sentences(self.text)
        self.mentions = mentions
        starts = [m.start for m in mentions]
        self.by_sentence: list[list[Mention]] = []
        for s in self.sentences:
            lo = bisect.bisect_left(starts, s.start)
            hi = bisect.bisect_left(starts, s.end)
            self.by_sentence.append(mentions[lo:hi])
        self._starts = [s.start for s in self.sentences]
        self._frames: dict[int, _Frame] = {}
        self._speakers: dict[int, list[Speaker]] = {}
        self._dates: dict[int, list[DateExpression]] = {}
        self._raw_dates: dict[int, list[DateExpression]] = {}

    def frame(self, i: int) -> _Frame:
        if i not in self._frames:
            self._frames[i] = _frame(self.text, self.sentences[i], i, self.by_sentence[i])
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
            if chosen.likely_side is None:
                # "the defence ministry said" after "Russian Defense Minister Shoigu said"
                return replace(chosen, hint=self._earlier_side(i))
            return chosen
        if chosen is None:
            return self._heading_speaker(i)
        for j in range(i - 1, max(-1, i - 1 - _LOOKBACK), -1):
            named = [s for s in self.speakers(j) if s.name and not s.inherit]
            if named:
                return named[-1]
        return None

    def _earlier_side(self, i: int) -> str | None:
        for j in range(i - 1, max(-1, i - 1 - _LOOKBACK), -1):
            sides = [s.side for s in self.speakers(j) if s.side in _OTHER]
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
                named = [sp for sp in self.speakers(j) if sp.name and not sp.inherit]
                return named[-1] if named else None
        return None

    def dates(self, i: int) -> list[DateExpression]:
        """Date expressions of sentence ``i``'s frame (cached)."""
        if i not in self._dates:
            self._dates[i] = find_date_expressions(self.frame(i).text, self.article.published)
        return self._dates[i]

    def previous_dates(self, i: int) -> list[DateExpression]:
        """Date expressions of the sentence before ``i``, for a date carried over."""
        if i == 0:
            return []
        if i - 1 in self._frames:
            return self.dates(i - 1)
        if i - 1 not in self._raw_dates:
            s = self.sentences[i - 1]
            text = _clean(self.text[s.start : s.end])
            self._raw_dates[i - 1] = find_date_expressions(text, self.article.published)
        return self._raw_dates[i - 1]

    def followed_by_doubt(self, i: int) -> bool:
        """Whether the next sentence of the same paragraph only doubts this one."""
        nxt = i + 1
        if nxt >= len(self.sentences) or self.sentences[nxt].line != self.sentences[i].line:
            return False
        s = self.sentences[nxt]
        return not self.by_sentence[nxt] and is_followup_hedge(_clean(self.text[s.start : s.end]))

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[i] if i >= 0 else None

    def previous_targets(self, i: int) -> list[Mention]:
        if i == 0 or not self.by_sentence[i - 1]:
            return []
        targets = [g for g in self.frame(i - 1).groups if g.status == "target"]
        return targets[-1].members if targets else []


def _candidates(doc: _Article, i: int) -> list[_Candidate]:
    sentence = doc.sentences[i]
    raw = doc.text[sentence.start : sentence.end]
    if raw.rstrip().endswith("?"):
        return []
    # Most sentences hold no trigger word at all: skip them before building a frame.
    words = words_of(raw.lower())
    mentioned = bool(doc.by_sentence[i])
    applicable = [r for r in rules_for(words) if mentioned or r.shape == "subject"]
    if not applicable:
        return []
    previous = doc.previous_targets(i)
    if not mentioned and not previous:
        return []
    frame = doc.frame(i)
    text = frame.text
    has_tokens = any(g.status in {"target", "soft"} for g in frame.groups)
    found: list[_Candidate] = []
    for rule in applicable:
        if rule.shape == "object" and not has_tokens:
            continue
        if rule.shape == "subject" and not (has_tokens or previous):
            continue
        for m in rule.pattern.finditer(text):
            if rule.kind == "headline" and not (frame.sentence.line == 0 or frame.sentence.heading):
                continue  # "Bakhmut taken" is headline grammar only
            if rule.shape == "object":
                group = _group_by_token(frame, int(m.group("g")))
                if group is None or group.status not in {"target", "soft"}:
                    continue
                members = group.members
                anchor = m.start("v") if "v" in m.re.groupindex and m.group("v") else m.start()
                if rule.event == "captured" and context().durative.match(text, m.end()):
                    continue  # "occupied @1 for six months": history, not news
                if rule.kind == "active" and not text[:anchor].strip():
                    continue  # "Liberated @1 remains …": a participle opening the sentence
            else:
                anchor = m.start()
                subject = _subject(frame, anchor, previous)
                if not subject:
                    continue
                members = subject
                if rule.kind == "passive" and not re.search(
                    r"\b(?:was|were|is|are|been|being|be)\b", m.group("aux")
                ):
                    continue
            family = "held" if rule.event == "held" else rule.kind
            if _blocked(frame, anchor, rule.event, family):
                continue
            speaker = doc.speaker(i, anchor)
            speaker_side = speaker.likely_side if speaker else None
            event, actor = _resolve_actor(rule, m, frame, speaker_side)
            if event == "none":
                continue
            confidence = rule.weight
            disputed = None
            denial = _denial(frame, anchor) if event in _CHANGE else None
            if denial == "governs":
                disputed = actor if event == "captured" else _OTHER.get(actor or "")
                event, confidence = "contested", confidence * 0.6
            elif event in _CHANGE | {"held"} and actor is None:
                continue
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
                    doubted=denial == "follows",
                )
            )
    return found


def _claim(doc: _Article, mention: Mention, cand: _Candidate) -> Claim:
    art = doc.article
    event = cand.event
    actor = cand.actor if cand.actor in _OTHER else None
    if event == "contested":
        controller = "contested"
    elif event == "withdrew":
        controller = _OTHER.get(actor or "")
    else:
        controller = actor
    index = cand.frame.index
    when, precision = pick_date(
        _dates_for(cand.frame.text, doc.dates(index), cand.anchor),
        anchor=cand.anchor,
        published=art.published,
        previous=doc.previous_dates(index),
    )
    if event in _CHANGE and when and art.published and (art.published - when).days > _HISTORY_DAYS:
        # "Lyman, captured by Russian forces in May": background, not news; a status.
        event, actor = "held", controller  # type: ignore[assignment]
    hedged = cand.doubted or is_hedged(cand.frame.text) or doc.followed_by_doubt(index)
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
        claimant=cand.speaker.named(actor) if cand.speaker else None,
        hedged=hedged,
        sentence=doc.text[sentence.start : sentence.end],
        confidence=round(max(0.01, min(0.99, confidence)), 3),
        title=art.title,
        url=art.url,
        outlet=art.outlet,
    )


def _dates_for(text: str, found: list[DateExpression], anchor: int) -> list[DateExpression]:
    """The date expressions that can date a trigger at ``anchor``.

    Past a comma, only a speech verb's date or a date right after the comma still counts
    ("…, officials said Wednesday", "…, on Friday"); one inside an appositive ("…, the
    capital captured by Moscow in February") dates another event.
    """
    kept = []
    for expr in found:
        if expr.start > anchor:
            comma = text.rfind(",", anchor, expr.start)
            detached = comma >= 0 and len(text[comma + 1 : expr.start].split()) > 1
            if detached and not speech_verbs().search(text, comma, expr.start):
                continue
        kept.append(expr)
    return kept


def _none_claim(doc: _Article, mention: Mention, sentence: Sentence | None) -> Claim:
    art = doc.article
    quoted = doc.text[sentence.start : sentence.end] if sentence else mention.text
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
    doc = _Article(article, mentions)
    best: dict[int, _Candidate] = {}
    # (place id, controller, claimant side) of changes the article reports as denied
    denied: set[tuple[str, str | None, str | None]] = set()  # side "*": any source
    for i, found in enumerate(doc.by_sentence):
        if not found and (i == 0 or not doc.by_sentence[i - 1]):
            continue
        for cand in _candidates(doc, i):
            if cand.disputed:
                side = cand.speaker.likely_side if cand.speaker else None
                denied.update((m.place.id, cand.disputed, side) for m in cand.members)
                if side is None:  # a denial of nobody in particular disputes every source
                    denied.update((m.place.id, cand.disputed, "*") for m in cand.members)
            for mention in cand.members:
                held = best.get(mention.start)
                key = (_RANK[cand.event], cand.confidence, -cand.anchor)
                if held is None or key > (_RANK[held.event], held.confidence, -held.anchor):
                    best[mention.start] = cand
    claims = [_claim(doc, m, best[m.start]) for m in mentions if m.start in best]
    if denied:
        claims = [_doubt_denied(c, best[c.start], denied) for c in claims]
    kept = {c.start: c for c in _consistent(claims)}
    result: list[Claim] = []
    for mention in mentions:
        claim = kept.get(mention.start)
        if claim is not None:
            result.append(claim)
        elif all_mentions:
            result.append(_none_claim(doc, mention, doc.sentence_at(mention.start)))
    return result


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


def _consistent(claims: list[Claim]) -> list[Claim]:
    """Resolve claims of one article that give one place to both sides.

    The latest-dated claim wins: an older contradicting claim is history ("which Russia had
    occupied in March") and is dropped; a same-day contradiction is a dispute, kept as contested.
    """
    by_place: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.event != "contested":
            by_place.setdefault(claim.place.id, []).append(claim)
    dropped: set[int] = set()
    disputed: set[int] = set()
    for group in by_place.values():
        if len({c.controller for c in group}) < 2:
            continue
        latest = max(group, key=lambda c: (c.date or date.min, _RANK[c.event], c.confidence))
        newest = latest.date or date.min
        for claim in group:
            if claim.controller != latest.controller:
                older = (claim.date or date.min) < newest
                (dropped if older else disputed).add(claim.start)
    result: list[Claim] = []
    for claim in claims:
        if claim.start in dropped:
            continue
        if claim.start in disputed:
            claim = replace(claim, event="contested", controller="contested")
        result.append(claim)
    return result
