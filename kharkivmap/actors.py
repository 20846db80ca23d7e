"""Who acted, and whether a trigger claims anything: sides, subjects, agents, modality.

Reads a :class:`~kharkivmap.frames.Frame` around a rule match. The acting side comes from
the nearest side term before the trigger in its clause ("Russian troops", "the enemy",
"Kyiv's forces"), a "by"/"from"/"to" agent after a passive verb, a side word inside the
pattern ("the Ukrainian flag"), or the speaker's side for generic subjects ("its troops").
Attempts, plans, failures, conditions and negation before a trigger block it; a denial that
governs the trigger disputes it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache
from urllib.parse import urlsplit

from kharkivmap.anaphora import TOWN_POPULATION_LIMIT
from kharkivmap.claimants import names_a_place, side_words, vocabulary_side
from kharkivmap.frames import TOKEN, Frame, Group, clause_start, group_by_token
from kharkivmap.lexicons import alternation, load_lexicon
from kharkivmap.models import Mention
from kharkivmap.rules import Rule, context

__all__ = [
    "OTHER",
    "appositive_head",
    "article_voice",
    "blocked",
    "denial",
    "house_side",
    "linked_side",
    "negation",
    "pronoun_before_verb",
    "resolve_actor",
    "subject_of",
]

OTHER = {"RU": "UA", "UA": "RU"}
# "Occupied X" is Russian-held and "liberated X" Ukrainian-held whoever writes it.
_FIXED_SIDE = {
    "held_occupied": "RU",
    "held_liberated": "UA",
    "liberated_adjective": "UA",
    "occupation": "RU",
    "held_occupation": "RU",
}
# How far back (characters) an attempt, plan or modal verb still governs a trigger.
_BLOCK_REACH = 70
# How far (characters) side words and denials are looked for around a trigger; bounds the work
# on run-on "sentences" of whole pages.
_REACH = 400
_PRONOUN_SUBJECTS = frozenset({"it", "its", "they", "their"})
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their)\s+$")
_COORDINATION = re.compile(r"\s(?:and|but)\s")
_QUALIFIERS = frozenset({"hard", "reference", "soft"})
_PRONOUN = re.compile(r"\b(?:them|him|it|us)\b")


_ATTRIBUTE_REACH = 16
_BARE_REACH = 160
_AND_BARE = re.compile(r"\b(?:and|or)\s+$")
_AND_GERUND = re.compile(r"\b(?:and|or|as\s+well\s+as)\s+$")
_BARE = re.compile(
    r"(?:capture|take|seize|retake|recapture|liberate|occupy|enter|regain|reclaim|storm|clear"
    r"|push|drive|force|oust|expel|dislodge|knock|restore|establish|gain|return)"
    r"(?![\w-])"
)
# the last infinitive of a chain ("to destroy them, and push … out of @1")
_INFINITIVE = re.compile(r"(?<![\w'-])to\s+(?=[a-z]+\b)")
_GERUND = re.compile(r"[a-z]+ing(?![\w-])")


# Where an attempt, plan or negation before a trigger stops governing it: after a "despite"
# phrase, a contrast clause or a purpose phrase closed by its comma ("Despite the military not
# naming them, @1 was freed", "in order to save the lives of personnel, the units withdrew
# from @1"), and before a new pronoun subject ("the operation to liberate the Donbas, it was
# decided to regroup").
_GOVERNED_UNTIL = re.compile(
    r"(?<![\w-])(?:despite|in\s+spite\s+of|(?:in\s+order|so\s+as)\s+(?:not\s+)?to"
    # "Whereas the offensive has made no gains, Ukrainian forces recaptured @1": a contrast
    # clause closed by its comma
    r"|whereas|although|though)\s[^,;]*,\s*"
    r"|,\s+(?=(?:it|they|we|he|she)\s+(?:was|were|is|are|has|have|had)\b)"
    # "would be another blow to Ukraine after its forces were forced to withdraw from @1": a
    # clause of what has happened, which the main clause's modal does not govern
    r"|\b(?:after|since|because)\s+(?=[^,;@]{0,40}?\b(?:were|was|had|have|has)\s)"
    # "have not commented on reports that Russia captured @1": the negation is the comment's,
    # not the reported gain's
    r"|\b(?:not|n't|never)\s+(?:(?:yet|immediately|independently|publicly|officially)\s+)*"
    r"(?:comment(?:ed)?|respond(?:ed)?|react(?:ed)?|confirm(?:ed)?|verif(?:y|ied)"
    r"|acknowledge(?:d)?|address(?:ed)?)\s+(?:(?:on|to)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:reports?|claims?|statements?|assertions?|announcements?)"
    r"(?:\s+(?:by|from)\s+[^,;@]{1,60}?)?\s+(?:that|of|to\s+have|claiming|saying)\s"
)


# An order or a demand right before a gain named by a noun ("ordered the capture of")
_ORDERED = re.compile(
    r"\b(?:ordered|orders|demanded|demands|called\s+for|calls\s+for|urged|urges)\s+(?:the\s+)?"
    r"(?:(?:swift|quick|rapid|complete|full|final|total)\s+)?$"
)
_OR_BEFORE = re.compile(r"(?:,\s*|\s)(?:or|nor)\s+$")
_NEGATED_FIRST = re.compile(
    r"\b(?:has|have|had|did|do|does)\s*(?:not|n't)\s|\b(?:has|have|had)\s+never\s"
)
_MATTER_OF_TIME = re.compile(
    r"\b(?:matter|question)\s+of\s+(?:time|days|weeks|months|hours)\s+(?:before|until)\b"
)


def _window_start(frame: Frame, pos: int, reach: int) -> int:
    """Where the words that can block a trigger at ``pos`` begin (see _GOVERNED_UNTIL)."""
    start = clause_start(frame, pos)
    lo = max(start, pos - reach)
    # the phrase may open before the clause that holds the trigger ("Although Russian troops
    # failed to capture @0, they took @1": "failed" starts a clause of its own)
    for m in _GOVERNED_UNTIL.finditer(frame.text, max(0, pos - 2 * _REACH), pos):
        lo = max(lo, m.end())
    return lo


_AND_PERFECT = re.compile(r"\band\s+(?:had|has|have)\s+(?!to\b)")
# "repelled 11 attacks … and moved to more advantageous positions near @1": "and" and a past
# verb of its own after the repelling
_AND_THEN = r"\band\s+(?:then\s+|also\s+|later\s+|subsequently\s+)?"
_PAST = r"(?:[a-z]{3,}ed|took|left|fell|withdrew|retook|overran|won|drove)\b"
_AND_PAST = re.compile(_AND_THEN + _PAST)
_AND_BEFORE = re.compile(_AND_THEN + "$")
_PAST_VERB = re.compile(_PAST)
_COMPLEMENT = re.compile(r"\s*(?:that|the\s+claims?|claims?|reports?|allegations?)\b")
_AND_THAT = re.compile(r"\b(?:and|but)\s+(?:said\s+)?that\s")
_REGROUPING_UNDER_WAY = re.compile(
    r"\b(?:is|are|was|were|(?P<keep>keeps?|kept|continues?|continued|continuing))\s+"
    r"(?:(?:still|now|also|actively)\s+)?(?:to\s+)?$"
)
# An opening phrase of purpose, up to its comma ("In order to achieve the goals of …, ")
_GOAL_OPENING = re.compile(
    r"(?:^|[.;:!?\"“”]\s*)\s*(?:in\s+order\s+)?to\s+(?:achieve|reach|fulfil|fulfill|accomplish"
    r"|attain|meet)\b[^,;.]*,\s"
)


# A modal with a word of likelihood: "would highly likely retreat", "may eventually withdraw"
_FORECAST = re.compile(
    r"\b(?:would|will|may|might|could)\s+(?:(?:most|highly|very|quite|more|less)\s+)?"
    r"(?:likely|probably|possibly|soon|eventually|inevitably)\b"
    r"|\b(?:likely|expected|bound)\s+to\s+(?:\w+\s+)?$"
)
# A cleft of time ("It was not until early this week that … was able to liberate @1"): the
# clause after "that" is a fact, which the "not" of the cleft does not deny
_NOT_UNTIL = re.compile(r"\bnot\s+until\b[^.;:!?]*?\bthat\s")


# A place and the comma of its appositive, right before a status ("@1, another stronghold of")
_APPOSITIVE_AFTER = re.compile(r"@\d+\s*,\s*(?:[a-z-]+\s+){0,3}$")


# A sentence opening on the terms of a plan ("Under the proposal, …"), and the modal verb that
# makes what follows one of them
_PLAN_OPENING = re.compile(
    r"\W*(?:under|according\s+to|in)\s+(?:the|a|this|that|such\s+a|[\w-]+['’]s)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:proposals?|plans?|deal|agreement|framework|draft|memorandum"
    r"|scenario|terms)\b"
)
_PLAN_MODAL = re.compile(r"\b(?:would|will|should|must|could|shall)\b")
# A demand or proposal whose subject is told to act ("proposes that Ukraine …", "wants Kyiv
# to …") …
_MANDATIVE = re.compile(
    r"\b(?:suggest(?:s|ed|ing)?|propos(?:e|es|ed|ing)|recommend(?:s|ed|ing)?"
    r"|demand(?:s|ed|ing)?|insist(?:s|ed|ing)?\s+(?:that|on)|urg(?:e|es|ed|ing)|wants?|wanted"
    r"|asks?|asked|calls?\s+on|called\s+on|requires?|required)\s+(?:that\s+)?"
    r"(?:[\w'@-]+\s+){1,4}?(?:to\s+)?$"
)
# … and the bare verb it asks for ("cede", not "ceded": "suggested Russia had taken @1" is a
# hedged report)
_BASE_VERB = re.compile(
    r"(?:cede|give\s+up|surrender|withdraw|pull|leave|hand\s+over|abandon|retreat|evacuate"
    r"|take|capture|seize|enter|liberate|occupy|free)\b"
)


def blocked(frame: Frame, pos: int, event: str, kind: str, *, attributive: bool = False) -> bool:
    """Whether an attempt, plan, failure, condition, negation or modal verb shortly before
    ``pos`` in its clause keeps the trigger from claiming anything ("failed to take @1").
    Announced withdrawals may be future ("troops will be regrouped"); captures may not. An
    ``attributive`` trigger (an adjective of the place: "aim to seize the Russian-occupied
    town of @1") is blocked only by a word right before it ("the not yet occupied @1")."""
    ctx = context()
    lo = _window_start(frame, pos, _ATTRIBUTE_REACH if attributive else _BLOCK_REACH)
    window = frame.text[lo:pos]
    opening = _GOAL_OPENING.search(frame.text, max(0, pos - 4 * _BLOCK_REACH), pos)
    if opening and opening.end() > lo:
        # "To achieve the goals of the operation to liberate Donbas, a decision was made to
        # regroup troops …": the goal opens the sentence; its "operation to" blocks nothing after
        window = frame.text[opening.end() : pos]
    cleft = _NOT_UNTIL.search(window)
    if cleft:
        window = window[cleft.end() :]
    commented = max(_COMMENTED_ON.finditer(window), key=lambda c: c.end(), default=None)
    if commented is not None:
        tail = window[commented.end() :]
        token = _TOKEN_ONLY.fullmatch(tail)
        capital = token is not None and (
            frame.groups[int(token.group(1))].members[0].text.lower() in ctx.capitals
        )
        if len(tail.split()) <= 3 and (capital or side_words(strict=False).search(tail)):
            # "refused to comment on Moscow abandoning @1": the refusal is the comment's, not
            # the change a side is said to make (not "have not commented on a possible
            # pullback from @1", a change the silence leaves open)
            window = tail
    failed = _FAILED_PREVENTION.search(window)
    if failed:
        # "were unable to stop Russian troops from capturing @1": a prevention that failed
        # tells of a change that happened
        window = window[failed.end() :]
    if event == "contested":
        return ctx.contested_blockers.search(window) is not None
    # "were stepping up efforts to seize the plant … and had entered @1": a finite verb of
    # its own, which the attempt before it does not govern
    window = _AND_PERFECT.split(window)[-1]
    # "said the Russian claim was not true and that Ukrainian troops still hold @1": a second
    # reported clause of its own
    window = _AND_THAT.split(window)[-1]
    if _AND_BEFORE.search(window) and _PAST_VERB.match(frame.text, pos):
        # "repelled Russian attacks and captured @1": a past verb of its own after "and"
        window = ""
    if event == "withdrew" and _FORECAST.search(window):
        # "troops would highly likely retreat from @1 soon": a forecast, not an announced
        # withdrawal ("troops will be regrouped from @1")
        return True
    if event == "held":
        appositive = _APPOSITIVE_AFTER.search(window)
        if appositive:
            # "Russia is trying to take @1, a Ukrainian stronghold": the attempt governs the
            # verb before the place, not the appositive that says who holds it
            window = window[appositive.end() :]
    if event == "withdrew" or (kind == "held" and ctx.held_copula.match(frame.text, pos)):
        # "@1 has not fallen and remains under Ukrainian control", "repel 18 attacks and
        # withdraw from @1": the negation or blocker is the first predicate's
        window = _COORDINATION.split(window)[-1]
    if ctx.blockers.search(window) or _KEPT_FROM.search(window):
        return True  # "stopped Russian assault groups from capturing @1": prevented
    plan = _PLAN_OPENING.match(frame.text, 0, pos)
    if plan and _PLAN_MODAL.search(frame.text, plan.end(), pos):
        # "Under the proposal, Ukrainian forces would leave @1": the terms of a plan
        return True
    if _MANDATIVE.search(window) and _BASE_VERB.match(frame.text, pos):
        # "the plan proposes that Ukraine cede @1", "Moscow wants Kyiv to pull its troops out
        # of @1": a demand, not a change
        return True
    if event != "withdrew" and _ORDERED.search(window):
        return True  # "Putin ordered the capture of @1": an order, not yet a gain
    if _MATTER_OF_TIME.search(frame.text, max(0, pos - _BLOCK_REACH), pos):
        return True  # "only a matter of time before @1 falls": a forecast opening the clause
    if (
        event == "captured"
        and _OR_BEFORE.search(frame.text, max(0, pos - 12), pos)
        and _NEGATED_FIRST.search(frame.text, max(0, pos - 2 * _BLOCK_REACH - 60), pos)
    ):
        # "have not penetrated the first line of defence …, or taken @1": the negation of
        # the first verb governs the one after "or"
        return True
    if (
        event == "captured"
        and _AND_BARE.search(window)
        and _BARE.match(frame.text, pos)
        and ctx.blockers.search(frame.text, max(0, pos - _BARE_REACH), pos)
    ):
        # "attempts to force our units out of the forest and capture @1": the infinitive
        # shares the attempt standing further back than a clause
        return True
    if (
        event == "captured"
        and _AND_GERUND.search(frame.text, max(0, pos - 15), pos)
        and _GERUND.match(frame.text, pos)
        and (
            ctx.future.search(frame.text, max(0, pos - _BARE_REACH), pos)
            or ctx.blockers.search(frame.text, max(0, pos - _BARE_REACH), pos)
        )
    ):
        # "continues to focus on taking @1, as well as establishing full control over @2":
        # the gerund shares the aim standing further back
        return True
    if event == "captured" and _AND_BARE.search(window) and _BARE.match(frame.text, pos):
        # "an operation is under way to destroy them, and push the occupiers out of @1": the
        # bare verb shares the goal of the infinitive it is coordinated with
        lo = max(0, pos - _BARE_REACH)
        chain = list(_INFINITIVE.finditer(frame.text, lo, pos))
        if chain:
            to = chain[-1].end()
            before = frame.text[max(lo, to - 60) : to]
            if ctx.goal_infinitive.search(before) and not ctx.result_before.search(before):
                return True
    if (
        event == "captured"
        # (the text itself: "Russia's main objective: taking @1" puts the goal past a colon)
        and ctx.goal_before.search(frame.text, max(0, pos - _BLOCK_REACH), pos)
        and _GERUND.match(frame.text, pos)
    ):
        return True  # "pressing toward capturing @1"
    if (
        event == "captured"
        and _GOAL_SET_OFF.search(frame.text, max(0, pos - 30), pos)
        and _CHANGE_NOUN.match(frame.text, pos)
    ):
        return True  # "one of its central goals — the capture of @1 — proved unobtainable"
    if (
        event == "captured"
        and (ctx.goal_infinitive.search(window) or _STRUGGLED_FOR_TIME.search(window))
        and not ctx.result_before.search(window)
    ):
        # (a time before "to" tells of a capture made only after "took": "took weeks to take
        # @1", not "have been fighting for months to capture @1")
        # "is determined to liberate @1"; not "managed to liberate @1", nor "pushed back
        # Russian forces to recapture @1"
        return True
    return event != "withdrew" and kind != "held" and ctx.future.search(window) is not None


def negation(frame: Frame, pos: int) -> str | None:
    """What a capture at ``pos`` that only a negation blocks says instead: ``"held"`` (the
    other side holds the place: "Russian troops have not entered @1") or ``"contested"``
    (an assault under way: "have not yet captured @1"); None when anything else blocks it
    (an attempt, a condition, a modal or future verb)."""
    ctx = context()
    lo = _window_start(frame, pos, _BLOCK_REACH)
    window = frame.text[lo:pos]
    found = list(ctx.blockers.finditer(window))
    if not found or ctx.future.search(window):
        return None
    if not all(ctx.negations.fullmatch(m.group()) for m in found):
        return None
    if not ctx.negation_gap.fullmatch(window, found[-1].end()):
        return None  # "has not acknowledged the fall of @1": another verb is denied
    return "contested" if ctx.still_pending.search(window) else "held"


def _coordinated_past(text: str, start: int, anchor: int) -> bool:
    """Whether "and" and a past verb of their own stand between ``start`` and the trigger at
    ``anchor`` (the verb may be the trigger itself: "repelled attacks and withdrew from @1")."""
    found = _AND_PAST.search(text, start, anchor + 24)
    return found is not None and found.start() < anchor


def denial(frame: Frame, anchor: int) -> str | None:
    """How a denial in the sentence bears on the trigger at ``anchor``.

    ``"governs"``: the trigger is what is denied ("Kyiv denied that Russians had taken @1",
    "rejected the claim that @1 had fallen"): no change is claimed, the place is disputed.
    ``"follows"``: the claim is made, then contradicted ("…, a claim Kyiv denied"): still a
    claimed change, reported with doubt. ``"reported"``: the denial names the claim's source
    ("refuted Moscow's claims that …", see :func:`reported_side`): the claim is reported, with
    doubt. A denial about another place counts for nothing.
    """
    own = clause_start(frame, anchor)
    verdict = None
    lo, hi = max(0, anchor - _REACH), min(len(frame.text), anchor + _REACH)
    sourced = -1  # the end of a sourced claim a denial verb names
    for m in context().denials.finditer(frame.text, lo, hi):
        if m.start() < sourced:
            continue  # "the occupiers' fake report": the claim's own label
        start = clause_start(frame, m.start())
        if m.start() < anchor and start == own:
            if not _COMPLEMENT.match(frame.text, m.end()) and (
                _AND_PERFECT.search(frame.text, m.end(), anchor)
                or _AND_THAT.search(frame.text, m.end(), anchor)
                or _coordinated_past(frame.text, m.end(), anchor)
            ):
                # "had repelled six attacks … and had also taken @1": a verb of its own (not
                # "denied that they had entered … and had taken @1", one denied clause)
                continue
            claim = context().sourced_claim.match(frame.text, m.end())
            if claim:
                # "refuted the Russian ministry's claims that its forces had captured @1": a
                # claim with its source is still reported, with the denial as its doubt
                verdict, sourced = "reported", claim.end()
                continue
            return "governs"
        i = bisect.bisect_right(frame.clauses, m.start())
        end = frame.clauses[i] if i < len(frame.clauses) else len(frame.text)
        if m.start() > anchor and (start == own or not TOKEN.search(frame.text, start, end)):
            verdict = "follows"
    return verdict


def reported_side(frame: Frame, anchor: int) -> str | None:
    """The side whose claim a denial before ``anchor`` names ("denied Ukrainian claims of the
    liberation of @1": Ukraine's), if its source names one."""
    own = clause_start(frame, anchor)
    side = None
    for m in context().denials.finditer(frame.text, own, anchor):
        claim = context().sourced_claim.match(frame.text, m.end())
        if claim:
            side = _side_in(claim.group(), None, last=True, strict=False) or side
    return side


def _side_of(match: re.Match[str], speaker_side: str | None) -> str | None:
    kind = match.lastgroup
    if kind == "ru":
        return "RU"
    if kind == "ua":
        return "UA"
    if kind == "enemy":
        return OTHER.get(speaker_side or "", "RU")
    return speaker_side if speaker_side in OTHER else None


@cache
def _unit_gap() -> re.Pattern[str]:
    """What may stand between a side word and the force noun it owns: a unit's number and
    kind ("Ukraine's 79th air assault brigade", "Russian airborne troops")."""
    words = alternation(load_lexicon("actors")["unit_modifiers"])
    return re.compile(rf"\s*(?:(?:{words})\s+){{0,4}}")


def _owner_of_generic(text: str, found: list[re.Match[str]], k: int) -> re.Match[str] | None:
    """The side word that ``found[k]``, a generic force noun, belongs to, if it stands right
    before it with only a unit's number and kind between them."""
    if k and found[k].lastgroup == "generic" and found[k - 1].lastgroup in {"ru", "ua"}:
        owner = found[k - 1]
        if _unit_gap().fullmatch(text, owner.end(), found[k].start()):
            return owner
    return None


# A force noun whose owner follows: "the armed forces of the Russian Federation"
_FORCES_OF = re.compile(r"\b(?:forces|troops|army|military|units)\s+of\s+(?:the\s+)?$")


def _side_in(
    text: str,
    speaker_side: str | None,
    *,
    last: bool,
    strict: bool = True,
    generic: bool = True,
    places: bool = True,
) -> str | None:
    """The side ``text`` names (nearest the end when ``last``); ``strict`` as in
    :func:`side_words`, off where a side adjective alone is meant ("Russian-occupied");
    without ``generic``, "troops" or "its forces" name no side; without ``places``, neither
    does the country named as a place ("in the east of Ukraine")."""
    found = list(side_words(strict=strict).finditer(text))
    for k, m in reversed(list(enumerate(found))) if last else enumerate(found):
        if not generic and m.lastgroup == "generic":
            continue
        if _owner_of_generic(text, found, k) is not None:
            continue  # "russian troops": the adjective's side, not the speaker's
        if (
            not places
            and names_a_place(text, m.start(), m.end())
            # ("the armed forces of the Russian Federation": the forces' owner, no place)
            and not _FORCES_OF.search(text, max(0, m.start() - 30), m.start())
        ):
            continue
        side = _side_of(m, speaker_side)
        if side:
            return side
    return None


# "the ministry reported capturing @1", "the ministry claimed to have captured @1": the
# speaker is the subject of the gain
# ("Ukraine's troops were reported to have taken @1": passive, the subject's gain)
_SPOKEN_GAIN = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeen\s)(?<!\bbe\s)"
    r"\b(?:reported|reports|report|reporting|announced|announces|announce|announcing|claimed"
    r"|claims|claim|claiming|confirmed|confirms|confirm|confirming)"
    r"(?:\s+(?:on\s+\w+\s+)?to\s+have(?:\s+(?:fully|completely|already))?)?$"
)


def _actor_left(frame: Frame, pos: int, speaker_side: str | None) -> str | None:
    """The acting side: nearest side term before ``pos`` in the clause, then the sentence.

    A side adjective right before the trigger names it too ("the Russian withdrawal").
    """
    tail = frame.text[max(0, pos - 30) : pos].rstrip()
    decision = _DECISION_TO.search(tail)
    # "the Russian decision to withdraw from @1": the adjective before the decision
    head = tail[: decision.start()].rstrip() if decision else tail
    for m in side_words(strict=False).finditer(head):
        if m.end() == len(head) and m.lastgroup in {"ru", "ua"}:
            return "RU" if m.lastgroup == "ru" else "UA"
    if speaker_side in OTHER and _SPOKEN_GAIN.search(tail):
        return speaker_side  # the speaker's side acted
    start = max(clause_start(frame, pos), pos - _REACH)
    windows = [(start, pos), (max(0, start - _REACH), start)]
    opened = frame.text.rfind("(", start, pos)
    if opened >= 0 and ")" not in frame.text[opened:pos]:
        # "Russian troops retreated from @1 (the liberation of @2 was confirmed by …)": an
        # aside in brackets has its own subject, not the sentence's
        windows = [(opened + 1, pos)]
    # "the Ukrainian troops – despite rumours they would push back the advancing Russians –
    # surrendered @1": an aside set off by dashes has its own subject, not the sentence's
    asides = [a.span() for a in _DASHED_ASIDE.finditer(frame.text, max(0, pos - _REACH), pos)]
    for lo, hi in windows:
        found = list(side_words().finditer(frame.text, lo, hi))
        for k in range(len(found) - 1, -1, -1):
            if asides and any(a <= found[k].start() < b for a, b in asides):
                continue
            # "Ukraine's 79th air assault brigade retreated": the country's brigade, not the
            # speaker's
            m = _owner_of_generic(frame.text, found, k) or found[k]
            if _names_where(frame.text, m):
                continue  # "troops operating in Ukraine's Kharkiv region seized @1"
            if _object_of_push(frame.text, m.start()):
                continue  # "pushed Russian troops from the bank and liberated @1": the object
            if m.lastgroup == "generic" and _QUANTITY_OF.search(
                frame.text, max(0, m.start() - 40), m.start()
            ):
                continue  # "threw huge amounts of armaments and soldiers at it": what was sent
            if _DEFEATED_BEFORE.search(frame.text, max(0, m.start() - 30), m.start()):
                # "the defeat of Ukrainian troops and the liberation of @1": the side beaten
                # lost the place; the other side took it
                side = _side_of(m, speaker_side)
                if side in OTHER:
                    return OTHER[side]
                continue
            if _PRESSING_BEFORE.search(
                frame.text, max(0, m.start() - 100), m.start()
            ) and frame.text.startswith(",", m.end()):
                # "due to the fire impact and assault actions of the enemy, units were
                # removed": the side pressing, in a phrase of cause set off by its comma, is
                # the actor's opponent (not "actions of @0's forces resulted in the capture")
                side = _side_of(m, speaker_side)
                if side in OTHER:
                    return OTHER[side]
                continue
            if m.group() in _POSSESSIVES and _OWN_LAND_AFTER.match(frame.text, m.end()):
                # "attempts to enter its western @0 region", "the group in @0 and its outskirts":
                # whose land, not who acted
                continue
            possessed = m.lastgroup == "generic" and _POSSESSIVE_BEFORE.search(
                frame.text, max(0, m.start() - 7), m.start()
            )
            if possessed:
                m = possessed  # "Russian claims that its forces had captured @1": whose forces
            if m.group().split()[0] in _PRONOUN_SUBJECTS:
                # "Russia said it had captured @1", "handing Russia … since it captured @2":
                # a pronoun stands for the nearest side named before it, else the speaker;
                # a country named as a place ("forces in the east of Ukraine said they")
                # is no antecedent.
                before = frame.text[max(0, m.start() - _REACH) : m.start()]
                if _LOSS_AFTER_PRONOUN.match(frame.text, m.end()):
                    before = _without_claim_sources(before)
                # "advanced into the AFU's most vulnerable area, and they captured @1": a
                # possessive inside a prepositional phrase is no antecedent
                before = _POSSESSIVE_OBJECT.sub(lambda o: " " * len(o.group()), before)
                # "the Freedom of Russia Legion, which seeks to liberate Russia from Putin,
                # said it had overrun @1": a relative clause set off by commas is no antecedent
                before = _RELATIVE_ASIDE.sub(lambda o: " " * len(o.group()), before)
                named = _side_in(before, None, last=True, strict=False, generic=False, places=False)
                return named or (speaker_side if speaker_side in OTHER else None)
            side = _side_of(m, speaker_side)
            if side:
                return side
    if speaker_side in OTHER and (
        decision or (_WITHDRAWAL_NOUN.match(frame.text, pos) and _ARTICLE_END.search(tail))
    ):
        # "the decision to withdraw from @1 was made to save lives, the spokesman said", "the
        # retreat from @1 took place amid an offensive, Russian military correspondents say":
        # a decision or a withdrawal told with no side named is the speaker's side's own
        return speaker_side
    if speaker_side in OTHER and tail.endswith(",") and _GERUND_AT.match(frame.text, pos):
        # "the ministry reported significant progress, capturing @1": a participle of the
        # speaker's own report
        return speaker_side
    return None


_GERUND_AT = re.compile(r"[a-z]+ing\b")
_STRUGGLED_FOR_TIME = re.compile(
    r"\b(?:fighting|fought|battling|battled|struggling|struggled|trying|tried|pushing|pushed"
    r"|attacking|attacked|striving|working)\s+(?:for\s+)?(?:(?:many|several|two|three|four|five"
    r"|six|nine|\d+|the\s+past|the\s+last)\s+)?(?:days|weeks|months|years)\s+to\s+"
    r"(?:(?:fully|finally|completely)\s+)?$"
)
# An aside set off by a pair of dashes
_DASHED_ASIDE = re.compile(r"\s(?:[–—]|--)\s[^–—@.;]{1,160}?\s(?:[–—]|--)\s")
# A goal named, then set off by a colon or dash, before the change it is ("its goal — the")
_GOAL_SET_OFF = re.compile(
    r"\b(?:objective|goal|aim|target|task|mission|priority)s?\s*(?::|—|–|--)\s*(?:the\s+)?$"
)
_CHANGE_NOUN = re.compile(r"(?:capture|seizure|liberation|fall|takeover|occupation)\b")
# "… from " right before a trigger, up to the verb that keeps someone from it
_FROM_BEFORE = r"[^.;:]{0,80}?\bfrom\s+$"
_FAILED_PREVENTION = re.compile(
    r"\b(?:unable|failed|fail(?:s|ing)?|could\s+not|couldn['’]t|did\s+not\s+manage"
    r"|(?:was|were)\s+not\s+able)\s+to\s+(?:stop|prevent|halt|keep)\b" + _FROM_BEFORE
)
_MODAL_INSIDE = re.compile(r"@\d+\s+(?:would|will|could|might|may|should|can)\s")
_KEPT_FROM = re.compile(
    r"\b(?:stop(?:s|ped|ping)?|kept|keep(?:s|ing)?|halt(?:s|ed|ing)?|bar(?:s|red|ring)?"
    r"|block(?:s|ed|ing)?|deter(?:s|red|ring)?)\s+" + _FROM_BEFORE
)
_WITHDRAWAL_NOUN = re.compile(r"(?:withdrawal|retreat|pull-?out|pullback)\s+(?:was\s+)?from\b")
_ARTICLE_END = re.compile(r"\b(?:the|a)$")
_DECISION_TO = re.compile(r"\b(?:decision|decided)\s+to\s*$")
# Giving a place up to a side named after it ("surrendered @1 to Russian forces")
_GIVING_UP = re.compile(r"surrender|ced(?:e|ed|ing)\b")
_HANDED_TO = re.compile(r"\s+to\s+(?P<side>(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2})")
# A quantity a generic force noun is counted in: what a side sends, not who acts
_QUANTITY_OF = re.compile(
    r"\b(?:amounts?|numbers?|lots|masses|waves|hundreds|thousands|dozens)\s+of\s+[^,;:.@]*$"
)
# Pressure, fire or attacks by a side, named as what another side gave way to
_PRESSING_BEFORE = re.compile(
    r"\b(?:due\s+to|because\s+of|owing\s+to|under|amid|in\s+the\s+face\s+of)\s+[^,;]{0,60}?"
    r"\b(?:pressure|fire|attacks?|assaults?|(?:assault\s+)?actions|impact|shelling|onslaught"
    r"|advance|offensive)\s+(?:of|from|by)\s+(?:the\s+)?$"
)
# A side named as what was beaten ("the defeat of Ukrainian troops", "routing the enemy")
_DEFEATED_BEFORE = re.compile(
    r"\b(?:defeat|rout|routing|destruction|defeating|destroying)\s+(?:of\s+)?(?:the\s+)?$"
)


@cache
def _denied_source() -> re.Pattern[str]:
    """A denial verb and the side word that owns the claim it denies ("denied Russian reports
    that …", "rejected Moscow's claims")."""
    h = load_lexicon("hedges")
    return re.compile(
        rf"(?<![\w-]){alternation(h['claim_denial_verbs'])}\s+(?:the\s+)?(?P<side>[\w'-]+)"
        rf"(?=\s+(?:state\s+)?(?:{alternation(h['claim_nouns'])}|media)(?![\w-]))"
    )


# A side's possessive after a preposition, not before its forces ("into the AFU's area") or
# its claims ("commented on Moscow's claims that it had captured @1")
_POSSESSIVE_OBJECT = re.compile(
    r"\b(?:into|in|on|at|of|from|against|toward|towards|through|behind|across)\s+(?:the\s+)?"
    r"[\w-]+['’]s\s+(?!(?:[\w-]+\s+){0,2}?(?:troops|forces|units|soldiers|army|military"
    r"|fighters|servicemen|brigades?|claims?|reports?|statements?|assertions?)\b)"
)
# A relative clause between commas, right before the verb whose pronoun subject is sought
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who)\s[^,;@]{1,160},(?=\s*[a-z]+\s*$)")
# A pronoun subject that lost ground: "… reports that it had lost @1"
_LOSS_AFTER_PRONOUN = re.compile(
    r"\s+(?:(?:had|has|have|was|were)\s+)?(?:\w+ly\s+)?"
    r"(?:lost|withdrawn|withdrew|retreated|abandoned|left|pulled\s+out|pulled\s+back)(?![\w-])"
)


def _without_claim_sources(text: str) -> str:
    """``text`` with the side words of denied claims blanked out: in "Ukraine denied Russian
    reports that it had lost @1", "it" is Ukraine, the denier, not the reports' side (a side
    claims its own gains: "rejected Moscow's claim that it had taken @1" is Moscow's)."""
    for m in _denied_source().finditer(text):
        start, end = m.span("side")
        text = f"{text[:start]}{' ' * (end - start)}{text[end:]}"
    return text


# ", @1 oblast", " in the @1 region": a region qualifying the place before
_REGION_AFTER = re.compile(
    r"(?:\s*,\s*|\s+in\s+(?:the\s+)?)@\d+\s+(?:oblast|region|province|district|raion)\b,?"
)


# "the liberation of three villages by Ukrainian troops: @1": an agent before a counted list
_AGENT_BEFORE_LIST = re.compile(r"\bby\s+(?P<who>[^@:;—–]{1,45}?)\s*(?:[—–:]|--)\s*@\d+$")


def _agent(frame: Frame, end: int, speaker_side: str | None) -> tuple[str | None, str | None]:
    """A "by"/"from"/"to" agent right after a passive verb: (preposition, side)."""
    rest = frame.text[end : end + 100]
    # "the liberation of @0, @1 oblast by the Ukrainian army": past the place's own region
    region = _REGION_AFTER.match(rest)
    if region:
        end += region.end()
        rest = frame.text[end : end + 100]
    m = context().agent.match(rest)
    if not m:
        return None, None
    agent = frame.text[end + m.end() : end + m.end() + 45]
    side = _side_in(agent, speaker_side, last=False, strict=False)
    return m.group(1), side


# "@0 (city) in the @1 region and …": a list member set off by its own region
_QUALIFIED_MEMBER = re.compile(
    r"@(\d+)(?:\s+(?:city|town|village|settlement))?\s*,?\s+in\s+(?:the\s+)?@\d+\s+"
    r"(?:region|oblast|province|hromada|raion|community)\s*(?:,\s*(?:and\s+)?|\s+and\s+)$"
)


# "@0, veliko-anadol, @1 were taken": a name the gazetteer lacks between a list's commas
_UNKNOWN_BETWEEN = re.compile(
    r"\s*,\s*(?!(?:however|meanwhile|too|also|though|therefore|moreover|then|now|and|or)\s*,)"
    r"[a-z'-]+(?:\s+[a-z'-]+)?\s*,\s*(?:and\s+)?"
)


def _listed_before(frame: Frame, group: Group) -> list[Mention]:
    """The places of a list before ``group`` that a name the gazetteer lacks split from it
    ("The settlements of Olginka, Veliko-Anadol, Zeleny Gai were taken under control")."""
    groups = frame.groups
    at = next((k for k, g in enumerate(groups) if g is group), None)
    if not at:
        return []
    before = groups[at - 1]
    if before.status not in {"target", "soft"}:
        return []
    if not _UNKNOWN_BETWEEN.fullmatch(frame.text, before.end, group.start):
        return []
    return before.members


def _qualified_list(frame: Frame, group: Group) -> list[Mention]:
    """The places listed before ``group`` each with its own region ("@0 in the @1 region and
    @2 in the @3 region were taken"): the region groups keep the names apart in the frame."""
    found: list[Mention] = []
    start = group.start
    while True:
        m = _QUALIFIED_MEMBER.search(frame.text, max(0, start - 80), start)
        if m is None:
            return found
        earlier = group_by_token(frame, int(m.group(1)))
        if earlier is None or earlier.status != "target":
            return found
        found = earlier.members + found
        start = earlier.start


# "@0 and @1 villages": the noun a list of names is the subject with
_PLURAL_HEAD = re.compile(r"@\d+\s+(?:settlements|villages|towns|localities)\b")


# What a change named by a noun meant, and for whom: "the capture of @1 constitutes a major
# victory for Kyiv", "the fall of @1 would be a blow to Moscow"
_OUTCOME_AFTER = re.compile(
    r"[^.;:@]{0,60}?\b(?:(?P<good>victory|win|success|triumph|boost|breakthrough|gain|prize"
    r"|achievement)"
    r"|blow|setback|defeat|embarrassment|humiliation)\s+(?:for|to)\s+(?P<side>[^,.;:@]{1,40})"
    # "the liberation of @1 deprived the Ukrainian Armed Forces of …": a loss to those deprived
    r"|\s+(?:has\s+|had\s+)?(?:deprived|deprives)\s+(?P<side2>[^,.;:@]{1,40}?)"
    r"\s+(?:of|the)\b"
    # "… significantly hampered the logistical support of the AFU grouping"
    r"|\s+(?:has\s+|had\s+)?(?:\w+ly\s+)?(?:hampered|hampers|undermined|undermines|weakened"
    r"|weakens|disrupted|disrupts)\s+(?P<side3>[^,.;:@]{1,70})"
)


# "fell into Ukrainian hands", "had fallen into the hands of Kiev forces"
_INTO_HANDS = re.compile(
    r"\s+(?:(?:back|again)\s+)?in(?:to)?\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?hands"
    r"(?:\s+of\s+(?:[^,.;:@]|@\d+){1,40})?"
)


_RESTORED = frozenset({"restored", "re-established", "regained"})


# What a gain told by a noun shows, and of whom ("… is evidence that Ukrainian forces …")
_SHOWS_THAT = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:(?:is|was)\s+(?:(?:a|an|the|further|more|clear|new)\s+)*"
    r"(?:evidence|proof|sign|signal|indication)\s+that|(?:shows?|showed|means|meant|suggests?"
    r"|suggested|proves?|proved|demonstrates?|demonstrated|indicates?|indicated)\s+(?:that\s+)?"
    # "the capture of @1 is one step in a long journey by Ukrainian forces"
    r"|(?:is|was)\s+(?:only\s+)?(?:one|a|another|the\s+first)\s+(?:[\w-]+\s+)?step\s+"
    r"[^,.;:@]{0,40}?\bby)"
    r"\s*(?P<subject>[^,.;]{1,40})"
)


def _outcome_winner(frame: Frame, end: int) -> str | None:
    """The side that made a change named by a noun ending at ``end``, from what it meant and
    for whom: a victory for one side is its gain, a blow to one side the other's."""
    outcome = _OUTCOME_AFTER.match(frame.text, end)
    named = (
        (outcome.group("side") or outcome.group("side2") or outcome.group("side3"))
        if outcome
        else None
    )
    side = _side_in(named, None, last=False, strict=False) if named else None
    if outcome is None or side not in OTHER:
        return None
    return side if outcome.group("good") else OTHER[side]


# An aside between dashes closing right before the verb
_DASH_ASIDE = re.compile(r"\s(?:–|—|--|-)\s[^–—@;:.]{1,100}?\s(?:–|—|--|-)\s*$")
# An appositive noun phrase after a place ("@1, one of the towns", "@1, another village")
_APPOSED_NOUN = re.compile(r"^@\d+\s*,\s*(?:another|one\s+of\s+the|the\s+latest|the\s+last)\s")
# …or a noun phrase set off by dashes, which may name a landmark ("@0 and @1 - two small
# villages south of @2 - had also been liberated")
_DASH_APPOSITIVE = re.compile(
    r"\s(?:–|—|--|-)\s(?:a|an|the|two|three|four|five|six|several|both|all)\s[^–—;:.]{1,120}?"
    r"\s(?:–|—|--|-)\s*$"
)


def subject_of(
    frame: Frame, pos: int, previous: list[Mention], *, status: bool = False
) -> list[Mention] | None:
    """The place a subject-shaped trigger at ``pos`` is about, if any.

    With ``status`` (who holds a place), a reference point qualifies too: "40 km from @1,
    which is under Russian control" says who holds @1.
    """
    ctx = context()
    allowed = {"target", "soft", "reference"} if status else {"target", "soft"}
    lo = max(0, pos - 200)
    left = frame.text[lo:pos]
    masked = _masked(frame, lo, pos)
    texts: tuple[str, ...] = (masked, left) if masked else (left,)
    aside = _DASH_ASIDE.search(left) or _DASH_APPOSITIVE.search(left)
    if aside:
        # "the city of @0 – which serves as a regional railway hub – had been liberated": the
        # subject stands before the aside
        texts = (left[: aside.start()] + " ", *texts)
    for text in texts:
        direct = ctx.direct_subject.search(text)
        if direct and direct["pred"] and not status:
            direct = None  # "@0 is the town where Russian troops were pushed back": no state
        if direct:
            group = group_by_token(frame, int(direct.group(1)))
            if group and group.status == "reference" and not _RELATIVE_AFTER.match(direct[0]):
                # "@0, located some 50 km north of @1 is still under Russian control": an
                # appositive left unclosed; the place it describes is the subject ("…north
                # of @1, which has been under separatist control" is about @1)
                described = appositive_head(frame, group)
                if described is not None:
                    return described
            if group and group.status == "soft" and _UNNAMED_HEAD.search(text, 0, direct.start()):
                return None  # "a town near @0 has been recaptured": the town, unnamed
            if (
                group
                and group.status == "reference"
                and _UNNAMED_AREA.search(text, max(0, direct.start() - 60), direct.start())
                and not _RELATIVE_AFTER.match(direct[0])
            ):
                return None  # "a district south of @0 was fully occupied": the district
            located = _LOCATED_APPOSITIVE.search(text, 0, direct.start()) if group else None
            if located:
                # "@0, located on a highway linking @1 and @2, has been captured": the places
                # of a closed appositive only locate its head, the subject
                head = group_by_token(frame, int(located.group(1)))
                if head is not None and head.status in allowed:
                    return head.members
            if group and _ROUTE_BEFORE.search(text, 0, direct.start()):
                return None  # "the road from @0 is under our control": the road, not the town
            if group and _UNNAMED_BY.search(text, 0, direct.start()):
                # "a key city east of the Ukrainian capital, @0, has been recaptured"
                return None
            if group and len(group.members) < 2 and _PLURAL_HEAD.match(direct[0]):
                return None  # "@0 villages were liberated": villages around it, unnamed
            if group and group.status in allowed:
                members = singular_relative(group.members, direct[0] + frame.text[pos : pos + 12])
                listed = _qualified_list(frame, group) or _listed_before(frame, group)
                return listed + members if listed else members
    anaphor = ctx.anaphor.search(left)
    relative = ctx.relative.search(left)
    if anaphor and relative and anaphor.start() >= relative.start():
        anaphor = None  # "@1 city, which is …": the pronoun of the relative clause
    if anaphor and _ROUTE_BEFORE.search(left, 0, anaphor.start()):
        return None  # "the only road out of the town still in Russian hands": the road
    if anaphor:
        limit = pos - len(left) + anaphor.start()
        if _BOTH_OF_WHICH.match(anaphor.group()):
            # "… 14 km southwest of @1 and 77 km southeast of @2, both of which remain
            # under …": the two places named last, reference points too
            named = [
                g
                for g in frame.groups
                if g.end <= limit and g.status in {"target", "soft", "reference"}
            ]
            if named and len(named[-1].members) >= 2:
                return named[-1].members  # "@0 and @1, both of which": one list
            if len(named) >= 2:
                return [m for g in named[-2:] for m in g.members]
        # (not a name of an area: "the village of @0 in the @1 district …, claims that it was
        # taken" is about the village)
        targets = [
            g
            for g in frame.groups
            if g.status == "target" and g.end <= limit and not _AREA_AFTER.match(frame.text, g.end)
        ]
        if not targets:
            # "MOSCOW (AA) - … the village came under Russian control": a capital in a
            # dateline, or a city for "the village", is not what the noun stands for
            village = "village" in anaphor.group()
            small = "city" not in anaphor.group()  # "the town" is no city of half a million
            meant = [
                m
                for m in previous
                if m.text.lower() not in ctx.capitals
                and not (village and m.place.kind == "city")
                and not (small and (m.place.population or 0) >= TOWN_POPULATION_LIMIT)
            ]
            return meant or None
        # A place opening the sentence is its subject and the likeliest antecedent
        # ("Vovchansk has been a link in the supply chain from Belgorod, and it remained …").
        first = targets[0]
        if first.start < 40 and len(frame.text[: first.start].split()) <= 2:
            return first.members
        return targets[-1].members
    if relative:
        group = group_by_token(frame, int(relative.group(1)))
        # a relative clause is about its place, a reference point too ("… west of @1, which
        # was liberated by Russia in May")
        if not group or group.status not in {"target", "reference"}:
            return None
        return singular_relative(group.members, relative.group() + frame.text[pos : pos + 12])
    second = _SECOND_PREDICATE.search(left)
    if second:
        # "the towns of @0 are located in … region, and according to the ministry are under
        # Russian control": the second predicate of the same subject
        group = group_by_token(frame, int(second.group(1)))
        if group is not None and group.status in allowed - {"soft"}:
            return group.members
    return None


# A subject's second predicate: "@0 (and X) are located in …, and (according to …) are"
_SECOND_PREDICATE = re.compile(
    r"@(\d+)(?:\s+and\s+[\w'-]+)?\s+(?:are|is|lie|lies)\s+(?:located|situated)\s+[^;@]{0,60}"
    r"(?:@\d+[^;@]{0,60}){0,2},?\s+and\s+(?:according\s+to\s+[^,@]{1,60}?,?\s+)?"
    r"(?:(?:are|is|were|was)\s+)?$"
)


def singular_relative(members: list[Mention], text: str) -> list[Mention]:
    """``members``, or only the last of them when ``text`` opens with their token and a
    relative clause whose verb is singular ("@0 and @1, which has been occupied": only @1)."""
    if len(members) > 1 and _SINGULAR_RELATIVE.match(text):
        return members[-1:]
    return members


# A relative clause whose verb is singular ("@0 and @1, which has been …") is about the last
# name of a list only
_SINGULAR_RELATIVE = re.compile(
    r"@\d+(?:\s+(?:city|town))?\s*,\s*(?:which|that)\s+(?:(?:still|now|also)\s+)?(?:has|is|was)\b"
    # …as is a singular copula right after it ("the road to @0 and the village of @1 is the
    # last Ukrainian stronghold")
    r"|@\d+\s+(?:is|was|remains|remained)\s+(?:still\s+)?(?:the|a|an|one)\b"
)


# An unnamed place a landmark only locates ("a town near @0")
_UNNAMED_HEAD = re.compile(
    r"(?<![\w-])(?:a|an|another|one)\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|settlement"
    r"|hamlet)\s+(?:[\w-]+\s+){0,3}?$"
    # "the @1 airfield near @2 had been taken": a site named after a place, by a landmark
    r"|(?<![\w-])the\s+(?:@\d+\s+)?(?:airfield|airport|air\s+base|base|bridge|dam|plant|factory"
    r"|station|mine)\s+(?:[\w-]+\s+){0,2}?$"
)
# An unnamed area or place before a reference point ("a district south of @0 was occupied")
_UNNAMED_AREA = re.compile(
    r"(?<![\w-])(?:a|an|another|one|some|several|parts?\s+of\s+the|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:districts?|areas?|parts?|sections?|neighbou?rhoods?|suburbs?|sectors?|towns?|villages?"
    r"|settlements?|hamlets?|positions?|territor(?:y|ies))\s+(?!of\s)(?:[\w-]+\s+){0,3}?$"
)
# "@0, located on a highway linking …": an appositive of where its head lies, up to its comma
_LOCATED_APPOSITIVE = re.compile(
    r"@(\d+)\s*,\s*(?:located|situated|lying|which\s+lies|which\s+is\s+(?:located|situated))"
    r"\s[^,;.]*(?:@\d+[^,;.]*)*$"
)
# A route named after the places it joins ("the road from @0 is under our control")
_ROUTE_BEFORE = re.compile(
    r"\b(?:road|highway|motorway|route|railway|rail\s+line|supply\s+line)s?\s+(?:from|to|between"
    r"|towards?|linking|leading\s+to|out\s+of)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$"
)
# …set off from a landmark named with its title ("east of the Ukrainian capital, @0,")
_UNNAMED_BY = re.compile(
    r"(?<![\w-])(?:a|an|another|one)\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|settlement|hamlet)"
    r"\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|near|outside)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:capital|city|town|centre|center)\s*,\s*$"
)
_AREA_AFTER = re.compile(r"\s+(?:district|raion|community|hromada|direction|axis|sector)\b")
# "@1, which …" and "@1, a city that …": a relative clause about the place right before it
_RELATIVE_AFTER = re.compile(
    r"@\d+\s*,\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|settlement|hub)"
    r"\s+)?(?:which|that)\b"
)
_APPOSITIVE_RELATION = re.compile(
    r"\s*,?\s*(?:(?:located|situated|lying|which\s+(?:is|lies))\s+)?(?:some\s+|about\s+|around\s+"
    r"|roughly\s+|nearly\s+)?[\w.\s-]{0,30}?\b(?:of|from)\s+(?:the\s+(?:city|town)\s+of\s+)?"
)

# "four villages — @0 — around @1 had been liberated": a list set off after its noun, placed
# by a landmark, is the subject
_LIST_AROUND = re.compile(
    r"\s*(?:—|\))\s*(?:around|near|outside|surrounding|close\s+to)\s+(?:the\s+(?:city|town)\s+of\s+)?"
)


_BOTH_OF_WHICH = re.compile(r"both\s+of\s+(?:which|them)\b")


def appositive_head(frame: Frame, reference: Group) -> list[Mention] | None:
    """The target a reference point stands in an appositive of ("@0, 50 km north of @1")."""
    before = [g for g in frame.groups if g.end <= reference.start]
    if not before or before[-1].status != "target":
        return None
    target = before[-1]
    if _APPOSITIVE_RELATION.fullmatch(frame.text, target.end, reference.start):
        return target.members
    if _LIST_AROUND.fullmatch(frame.text, target.end, reference.start):
        return target.members
    return None


def linked_side(frame: Frame, pos: int, before: Frame) -> str | None:
    """The side of a withdrawal at ``pos`` that names no place ("On Saturday, they
    withdrew."), if ``before``, the sentence before, names that side too: then its places
    are where that side stood. A pronoun takes the first side ``before`` names."""
    named = [
        _side_of(m, None)
        for m in side_words(strict=False).finditer(before.text)
        if m.lastgroup in {"ru", "ua"}
    ]
    side = _actor_left(frame, pos, None) or (named[0] if named else None)
    return side if side in named else None


def _masked(frame: Frame, lo: int, hi: int) -> str | None:
    """``frame.text[lo:hi]`` with "#" for every place after the first that is no target:
    a reference point or region that only qualifies the subject ("@0, about 20 km south of
    @1, was captured" reads "@0, about 20 km south of #, was captured"); None if there is
    none."""
    out, cursor = [], lo
    for k, group in enumerate(frame.groups):
        if k and lo <= group.start and group.end <= hi and group.status in _QUALIFIERS:
            out.append(frame.text[cursor : group.start] + "#")
            cursor = group.end
    if not out:
        return None
    out.append(frame.text[cursor:hi])
    return "".join(out)


def _object_of_push(text: str, start: int) -> bool:
    """Whether the side term at ``start`` is the object of a pushing verb right before it, or
    of a verb of breaking or beating it ("had broken through the Ukrainian defence line and
    entered @1": the defenders are not who entered)."""
    words = text[max(0, start - 40) : start].split()
    if words and words[-1] == "the":
        words.pop()
    # "repelled six new Ukrainian attempts": a count and an adjective before the side
    for _ in range(3):
        if words and (words[-1] in _COUNT_WORDS or words[-1].isdigit()):
            words.pop()
    if words and words[-1] in {"back", "out", "away"}:
        words.pop()  # "pushed back Russian forces"
    if words and words[-1] == "through" and len(words) > 1:
        return words[-2] in _BREAK_VERBS  # "broke through the Ukrainian defences"
    if len(words) > 2 and words[-1] == "on" and words[-2] == "in" and words[-3] in _CLOSING:
        return True  # "closing in on the Ukrainian brigade in @0 after the capture of @1"
    return bool(words) and (words[-1] in _push_verbs() or words[-1] in _BEAT_VERBS)


_CLOSING = frozenset({"closing", "close", "closes", "closed", "moving", "converging"})
_BREAK_VERBS = frozenset({"broke", "broken", "breaking", "break", "breaks", "punched", "pushed"})
# A possessive pronoun's land, not its forces: "its western @0 region", "their territory"
_OWN_LAND_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:@\d+\s+)?(?:region|oblast|territory"
    r"|territories|border|borders|land|lands|soil|outskirts|suburbs|environs|surroundings"
    r"|vicinity|residents|inhabitants|population)\b"
)
_POSSESSIVES = frozenset({"its", "their", "our"})
_COUNT_WORDS = frozenset(
    {
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "several",
        "new",
        "multiple",
        "further",
        "more",
        "repeated",
        "fresh",
        "all",
        "numerous",
        "dozens",
        "of",
    }
)
_BEAT_VERBS = frozenset(
    {"defeated", "routed", "outflanked", "surrounded", "encircled", "overwhelmed", "repelled"}
    | {"repulsed", "repulsing", "repelling"}
    # "counterattack the enemy on the flanks, liberating @1": whom one attacks did not act
    | {"attack", "attacked", "attacking", "counterattack", "counterattacked", "counterattacking"}
    | {"counter-attack", "counter-attacked", "counter-attacking", "ambushed", "struck"}
    | {"surrounding", "encircling", "besieging", "besieged", "pressing", "pressed"}
)


@cache
def _push_verbs() -> frozenset[str]:
    return frozenset(
        w
        for w in (*load_lexicon("triggers")["push_out_verbs"], "expelled", "ousted")
        if " " not in w
    )


_AWAY = re.compile(r"\b(?:further|farther|even\s+further)\s+(?:away|back)\s*$")
_COUNTRY_WORDS = frozenset({"ukraine", "ukraine's", "russia", "russia's"})
_BORDER_WITH = re.compile(r"\b(?:border|borders|frontier)\s+with\s+(?:the\s+)?$")


def _names_where(text: str, m: re.Match[str]) -> bool:
    """Whether the side term ``m`` names where, not who: the country as a place ("in Ukraine's
    Kharkiv region") or what a border lies with ("near the border with the Russian
    Federation")."""
    if m.group() in _COUNTRY_WORDS and names_a_place(text, m.start(), m.end()):
        return True
    return _BORDER_WITH.search(text, max(0, m.start() - 24), m.start()) is not None


# A side named right before a leaving verb as its subject ("the Russians left @1")
_SIDE_SUBJECT = re.compile(
    r"\b(?:the\s+)?(?:russians|ukrainians|occupiers|invaders|enemy)\s+(?:have\s+|had\s+|has\s+)?"
    r"(?:(?:already|finally|reportedly|allegedly|now|also)\s+)?$"
)


# "… the liberation of @1 was confirmed by …": the news is vouched for, not disputed
_CONFIRMED_AFTER = re.compile(
    r"\s*(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)(?:officially\s+|also\s+)?"
    r"confirmed\b"
)
# …and by whom: "the liberation of @1 has already been confirmed by President Zelenskyy"
_CONFIRMED_BY = re.compile(
    r"\s*(?:was|were|has|have|had)\s+(?:(?:already|officially|also)\s+)*(?:been\s+)?"
    r"(?:(?:already|officially|also)\s+)*confirmed\s+by\s+(?P<who>[^.;:()@]{1,80})"
)
# A nominal gain still under way ("the takeover of @1 is \"still going on\"")
_ONGOING = re.compile(
    r"\s+(?:is|are|was|were|remains?)\s+[\"“”']?\s*(?:still\s+)?(?:going\s+on|ongoing|continuing"
    r"|under\s?way|in\s+progress|not\s+(?:yet\s+)?(?:over|complete|completed|finished))"
)
# Whose gain a capture noun is: "the enemy's seizure of", "Moscow's claimed capture of"
_POSSESSOR = re.compile(
    r"(?<![\w'-])([\w-]+['’]s)\s+(?:(?:complete|full|recent|latest|alleged|reported|claimed"
    r"|final)\s+)?$"
)
# A claim noun's own source right before it ("Shoigu's report on", "Russian claims of")
# Media or sources of a side that spread a claim, before the claim word
_MEDIA_OWNER = re.compile(
    r"\b(?P<side>russian|ukrainian|pro-russian|pro-kremlin|kremlin|russia's|ukraine's)\s+"
    r"(?:state\s+)?(?:media|sources|outlets|telegram\s+channels|channels|(?:war\s+|military\s+)?"
    r"bloggers|propaganda|propagandists)\b[^.;@]*$"
)
_SOURCED = re.compile(
    r"(?:['’]s?|\b(?:russian|ukrainian|kremlin|moscow|kyiv|its|their|his|her))\s+$"
)


def acting_sides(text: str, *, strict: bool = True) -> list[str]:
    """The sides ``text`` names as actors, in order ("RU"/"UA"): a country named as a place
    ("the town in Ukraine's Donetsk region") acts for nobody; unless ``strict``, a side
    adjective counts before any noun ("further Russian progress")."""
    sides = []
    for m in side_words(strict=strict).finditer(text):
        if m.lastgroup not in {"ru", "ua"}:
            continue
        if _names_where(text, m):
            continue
        sides.append(m.lastgroup.upper())
    return sides


def claim_source_side(frame: Frame, pos: int) -> str | None:
    """The side whose claim names the gain at ``pos`` ("Russian claims about the capture of
    @1"): the claim's source acted, whoever reports or denies it."""
    found = _CLAIM_SOURCE.search(frame.text, max(0, pos - 120), pos)
    if found is None:
        return None
    source = found.group("source") or found.group("adjective")
    side = _side_in(source, None, last=True, strict=False)
    return side if side in OTHER else None


def announced_gain(frame: Frame, pos: int, end: int | None = None) -> bool:
    """Whether a speech verb stands right before a gain named by a noun at ``pos``
    ("announced the complete capture of @1"), or, the noun phrase ending at ``end``, after it
    in the passive ("the capture of @1 was announced by"): a side announces its own gains."""
    if _ANNOUNCED.search(frame.text, max(0, pos - 60), pos) is not None:
        return True
    if _REPORTS_ON.search(frame.text, max(0, pos - 50), pos) and context().liberation.match(
        frame.text, pos
    ):
        # "listened to reports on the liberation of @1", "made an official statement about
        # the liberation of @1": a side's own word for its gain
        # ("DeepState reported on the seizure of @1" tells someone else's)
        return True
    return end is not None and _ANNOUNCED_BY.match(frame.text, end) is not None


# A speech verb right before a gain named by a noun ("announced the complete capture of",
# "reported to Putin on the alleged capture of", "reported additional territorial gains, with
# the capture of"); "claims about the capture of", "reports of the capture of" are nouns:
# someone else's word
_ANNOUNCED = re.compile(
    r"\b(?:announc(?:ed|es|ing)|claim(?:ed|s|ing)|report(?:ed|s|ing)|declar(?:ed|es|ing)"
    r"|confirm(?:ed|s|ing)|hail(?:ed|s|ing)|reveal(?:ed|s|ing)|describ(?:ed|es|ing)|detail(?:ed|s|ing)"
    # "the ministry informed about the alleged capture of @1"
    r"|inform(?:ed|s|ing)\s+(?:\w+\s+)?(?:about|of))"
    r"\s+(?:to\s+[\w-]+\s+on\s+)?"
    # "announced on Saturday the capture of @1": a time phrase may come first
    r"(?:(?:on|last|this)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|week|weekend"
    r"|[a-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[a-z]{3,9})\s*,?\s+"
    r"|(?:yesterday|today|overnight|earlier)\s*,?\s+)?(?:the\s+)?"
    # "described the stages of the liberation of @1"
    r"(?:(?:stages|details|course)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:(?:additional|new|further|territorial|more)\s+){0,2}(?:gains|advances|successes)"
    r"\s*,?\s+(?:with|including|notably)\s+(?:the\s+)?)?"
    # ("confirmed that after the capture of @1, …": a time clause, not what was announced)
    r"(?:(?!(?:about|of|on|regarding|after|before|since|following|during|amid)\s)[\w-]+\s+){0,2}$"
)
_REPORTS_ON = re.compile(
    r"\b(?:report(?:s|ed)?\s+on|(?:made|issued|released|published)\s+(?:an?\s+)?(?:official\s+)?"
    r"statement\s+(?:about|on))\s+(?:the\s+)?$"
)
# "… of @1, near the town of @2, was announced on Saturday by": the gain's announcer follows
_ANNOUNCED_BY = re.compile(
    r"(?:,[^,;:.]{1,60},)?\s+(?:was|were|has\s+been|have\s+been)\s+(?:officially\s+)?"
    r"(?:announced|reported|claimed|confirmed|declared)\b(?:\s+[^,;:.@]{0,30}?)?\s+by\b"
)
# Part of a force: "some forces", "part of its troops", "some of the units"
_SOME_OF = re.compile(r"(?:some|part|a\s+part|several|a\s+few)\s+(?:of\s+)?(?:its|their|the)?\s*")
# The owner of a claim to have acted: "the Russian claim to have seized @1", "Moscow's claims
# that it had taken @1"
_CLAIM_OWNER = re.compile(
    r"(?P<owner>[\w'’-]+)\s+(?:claims?|assertions?|boasts?)\s+(?:to\s+have|that\s+(?:it|they)"
    r"\s+(?:had|has|have))\s+(?:(?:already|fully|now)\s+)?$"
)
# Whose word a gain named by a noun is: "the statements of the occupation army of the Russian
# Federation about the alleged capture of @1", "Russian claims about the capture of @1"
_CLAIM_SOURCE = re.compile(
    r"(?:(?:claims?|statements?|reports?|assertions?|allegations?)\s+(?:of|by|from)\s+"
    r"(?P<source>[^,;:.@]{1,80}?)|(?P<adjective>[\w'’-]+)\s+(?:claims?|statements?|reports?"
    r"|assertions?|allegations?))\s+(?:about|of|regarding|on|concerning)\s+(?:the\s+)?"
    r"(?:(?:alleged|purported|supposed|so-called|reported)\s+)?$"
)
# A gain named by a noun that is still under way: "during the liberation of @1"
_DURING = re.compile(
    r"\b(?:during|amid|in\s+the\s+course\s+of|in\s+the\s+process\s+of|continues?|continuing"
    r"|keeps?|keeping)\s+(?:the\s+)?"
    r"(?:ongoing\s+|continuing\s+)?$"
)
# An aside between a noun's place and its verb: ", along with the nearby town of @2,"
_ASIDE = r"\s*,(?:[^,.;]{0,80},)?"
# A gain named by a noun that is the subject of an aim ("the capture of @1, along with the
# nearby town of @2, has been a major goal", "… remains Moscow's main objective")
_GOAL_AFTER = re.compile(
    # ("the capture of @1 in the east was a priority": a locative before the copula)
    rf"(?:{_ASIDE})?(?:\s+in\s+the\s+[a-z-]+)?\s*(?:has\s+been|had\s+been|have\s+been|is|was"
    r"|are|were|remains?|remained|became|has\s+become|becomes)\s+(?:(?:still|also|long|now)\s+)?(?:(?:a|an|the"
    r"|one\s+of\s+the|its|their|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}?(?:goals?|aims?"
    r"|objectives?|targets?|priority|priorities|ambitions?|prize)\b"
)
# …or said to be needed for something else: "@1's liberation is critical to oust …"
_NEEDED_AFTER = re.compile(
    r"\s*(?:is|are|remains|would\s+be|will\s+be)\s+(?:(?:so|very|more|most|also|seen\s+as)\s+)?"
    r"(?:critical|crucial|key|vital|essential|necessary|important|needed|required)\s+(?:to|for)\b"
)
# …or named as an aim before it: "set the year's main goal as the capture of @1"
_GOAL_BEFORE = re.compile(
    r"\b(?:goals?|aims?|objectives?|targets?|tasks?|priorit(?:y|ies)|ambitions?)\b"
    r"[^.;:@]{0,40}?\b(?:as|is|was|remains|remained|be|being|of|for)\s+(?:the\s+)?$"
    # "a step towards the liberation of @1"
    r"|\btowards?\s+(?:the\s+)?(?:full\s+|complete\s+)?$"
    # "preparing for the liberation of @1", "noted the importance of the liberation of @1",
    # "an achievement for the further liberation of @1": a capture to come, or weighed
    r"|\b(?:prepar(?:e|es|ed|ing)|preparations?|readiness|ready|plans?|planning|importance"
    r"|significance|prospects?|hopes?)\s+(?:[\w-]+\s+){0,3}?(?:for|of)\s+(?:the\s+)?"
    r"(?:further\s+|full\s+|complete\s+|final\s+)?$"
    r"|\b(?:further|future|eventual|subsequent|upcoming|forthcoming|possible|potential)\s+$"
    # "the army is approaching the liberation of @1", "on the verge of the capture of @1"
    r"|\b(?:approach(?:es|ed|ing)?|nearing|(?:close|closer)\s+to|on\s+the\s+(?:verge|brink)\s+of)"
    r"\s+(?:the\s+)?(?:full\s+|complete\s+|final\s+)?$"
    # "this affects the terms of liberation of @1", "set no date for the capture of @1": when
    # it is to happen, so not yet
    r"|\b(?:terms?|timing|timeline|timeframe|deadline|date|dates|schedule|pace)\s+(?:of|for)\s+"
    r"(?:the\s+)?(?:full\s+|complete\s+|final\s+)?$"
    # "factors complicating the full liberation of @1", "obstacles to the capture of @1": what
    # stands in its way, so not done
    r"|\b(?:complicat(?:e|es|ed|ing)|hinder(?:s|ed|ing)?|imped(?:e|es|ed|ing)|delay(?:s|ed|ing)?"
    r"|obstacles?\s+to|obstruct(?:s|ed|ing)?|slow(?:s|ed|ing)?\s+(?:down\s+)?)"
    r"\s+(?:the\s+)?(?:full\s+|complete\s+|final\s+)?$"
)
# A time still to come right after a gain named by a noun
_FUTURE_AFTER = re.compile(
    # (past an aside between dashes: "the liberation of @1—a city in the region—was 'a matter
    # of time'")
    r"(?:\s*[—–]\s*[^—–.;]{1,80}[—–])?"
    r"\s*(?:in\s+the\s+(?:near|coming|foreseeable)\s+future|in\s+the\s+coming\s+(?:days|weeks"
    r"|months)|(?:very\s+)?soon"
    # "full liberation of @1 is being prepared for the coming days"
    r"|(?:is|are|was|were)\s+(?:now\s+)?(?:being\s+)?(?:prepared|planned|scheduled)"
    # "the capture of @1 is imminent"
    r"|(?:is|was|seems|seemed|appears|appeared|looks|looked)\s+(?:now\s+)?(?:to\s+be\s+)?"
    r"['‘’\"“]?(?:imminent|near|close|inevitable|(?:only\s+)?a\s+matter\s+of))\b"
    # "the capture of @1, Donetsk region, by Russian troops is unlikely to give them an edge":
    # a capture weighed, not reported
    r"|(?:\s*,\s*@\d+\s+(?:region|oblast)\s*,)?(?:\s+by\s+[^,.;:@]{1,40}?)?\s+(?:is|was"
    r"|would\s+be)\s+(?:(?:highly|very|not)\s+)?(?:un)?likely\s+to\b"
)
# A gain named by a noun that is still under way: "the clearing of @1 and @2 continues"
_ONGOING_AFTER = re.compile(
    rf"(?:{_ASIDE}|[^,.;:@]{{0,100}}?\s)?\s*(?:(?:is|are)\s+)?(?:still\s+)?(?:continues"
    # (not "ongoing" before a noun: "as part of their ongoing offensive" is another action)
    r"|continue|continuing|ongoing(?!\s+[a-z])|under\s*way|in\s+progress|goes\s+on|go\s+on)\b"
)
_ENEMY_WORD = re.compile(r"\b(?:the\s+)?(?:enem(?:y|ies)|opponents?|adversar(?:y|ies))\b")
_CLAIMED_THAT = re.compile(
    r"\b(?:they|it)\s+(?:also\s+|had\s+|have\s+|has\s+)?(?:claimed|claims|reported|reports|said"
    r"|says|announced|announces)\s+(?:that\s+)?@\d+\s+(?:\w+\s+){0,3}$"
)
# "Moscow's claim that @1 …": whose claim a subject-shaped change is
_CLAIM_THAT = re.compile(
    r"(?P<owner>[\w-]+)['’]s?\s+(?:claims?|assertions?|statements?|reports?)\s+that\s+@\d+"
)
_RELATIVE_PASSIVE = re.compile(r"@\d+\s*,\s*(?:which|that)\s+$")
_NOT_YET = re.compile(
    r"\b(?:yet|still|as\s+of\s+now|so\s+far|for\s+now|for\s+the\s+time\s+being)\b"
)
_NO_LONGER_IN = re.compile(
    r"\bno\s+longer\s+(?:in|ukrainian|russian)\b|\b(?:not|no\s+longer)\s+ours\b"
)
# A place taken, told in the simple past: "was occupied by"
_PAST_OCCUPIED = re.compile(
    r"\b(?:was|were|(?:has|have|had)\s+(?:now\s+|already\s+)?been)\s+(?:(?:allegedly|reportedly"
    r"|apparently|also|then|later|soon|quickly"
    r"|eventually|briefly|fully|completely|likely|probably|most\s+likely|most\s+probably"
    r"|almost\s+certainly)\s+)*occupied\s+by\b"
)
_UNTIL = re.compile(r"[^.;,]{0,40}?\b(?:until|till|before|from\s+\w+\s+to)\b")
# A state regained: "back under Ukrainian control", "back in Ukrainian hands"
_BACK_UNDER = re.compile(r"\bback\s+(?:under|in|into)\b")
_AGAIN_AFTER = re.compile(r"\s+(?:once\s+)?again\b")
# "@1 is again controlled by Ukrainian troops" (not "again under the jurisdiction of", a
# status the labels keep)
_AGAIN_HELD_BY = re.compile(r"\bagain\s+(?:[a-z]+\s+)?(?:controlled|held|occupied)\s+by\b")
_CLEARED_OF = re.compile(r"^clear(?:ed|ing|s)?\b.*?\bof\s+(?P<who>[^@:;,]{1,40}?)\s*[:—–]")
_FREED_FROM = re.compile(
    r"\b(?:liberated|freed|recaptured|retaken|cleared)\s+from\s+(?P<who>[^@:;,]{1,50}?)\s*[:—–]"
)
_COMMENTED_ON = re.compile(r"\bcomment(?:ed|ing|s)?\s+on\s")
_TOKEN_ONLY = re.compile(r"\s*@(\d+)\s*")
_COMMENT_ON = re.compile(
    r"(?:(?:\bnot|n['’]t|\bno|\bdeclined\s+to|\brefused\s+to|\bwithout)\s+(?:immediately\s+)?"
    r"comment(?:ed|ing)?\s+on"
    # "the General Staff's report contains no indications of the alleged capture of @1"
    r"|\bno\s+(?:indications?|mention|confirmation|word)\s+of)"
    r"\s+(?:the\s+)?(?:(?:reported|claimed|alleged|purported)\s+)?$"
)
# What a change named at a sentence's opening is said to do next, if it is yet to come
_FORECAST_AFTER = re.compile(
    r"[^.;:]{0,160}?\b(?:will|would|could|may|might|should|is\s+expected\s+to)\s+(?:only\s+)?"
    r"(?:occur|happen|take\s+place|be\s+(?:completed|achieved|possible|a\s+matter)|come|require"
    r"|take\s+(?:weeks|months|days|time))\b"
)
_FROM_FORCES_AFTER = re.compile(
    r"\s+from\s+(?:the\s+)?(?P<who>(?:[\w'’-]+\s+){0,3}?(?:forces|troops|army|units|militants"
    r"|occupation|occupiers|invaders|control|formations|nationalists|fighters|militia|soldiers"
    r"|grouping|regime))\b"
)
_VICTORY = re.compile(r"\bvictor(?:y|ies)\s+(?:in|at)\b")
# The speaker's own forces: "his forces", "our troops"
_SPEAKERS_OWN = re.compile(r"(?:his|her|our|my)\s")
_NATIONAL_FLAG = re.compile(r"(?:national|state)\s+flags?\b")
# Ukraine's colours name its flag: "raising the blue and yellow flag in @1"
_UKRAINIAN_COLOURS = re.compile(
    r"\b(?:blue[-\s]+and[-\s]+yellow|yellow[-\s]+and[-\s]+blue)\s+(?:flag|banner)"
)
_AGAIN_BEFORE = re.compile(r"\bagain\s+$")
# Whose control a place passes under: "the transfer of @1 under the control of Russian troops"
_UNDER_CONTROL = re.compile(r"\s*under\s+(?:the\s+)?(?:[^,.;:@]{0,40}?\s)?control\b[^,.;:@]{0,50}")
# An adverbial phrase opening a clause with a gerund ("After taking @1, …") and the subject
# of the main clause after its comma
# ("Three days after fully capturing @1, …": a time before it, an adverb after it)
_GERUND_OPENING = re.compile(
    r"(?:^|[,;:—–]\s*|\.\s+)(?:(?:[\w-]+\s+){1,2}(?:days?|weeks?|months?|hours?)\s+)?"
    r"(?:after|upon|since|following)\s+(?:[a-z]+ly\s+)?$"
)
# (a place right after another is its own group: the frame drops the comma between them)
_MAIN_SUBJECT = re.compile(
    r"(?:[^,;:.@]{0,60},\s+|\s*(?=@\d))(?P<subject>(?:[\w'@-]+\s+){0,3}[\w'@-]+)"
)
_NOMINAL_OPENING = re.compile(
    r"\b(?:during|after|following|amid|upon|since)\s+(?:the|their|its)\s+$"
)
_AFTER_NOMINAL = re.compile(r"\b(?:after|following|upon|once|with)\s+(?:the\s+)?(?:[\w-]+\s+)?$")
_GERUND_AS_ADJECTIVE = re.compile(
    r"(?:\b\w+ing|\b(?:at|on|against|hit|struck|targeted|shelled))\s+$"
)
_CONJ_BEFORE_GERUND = re.compile(r"\b(?:after|before|upon|since|while|when)\s+$")
_NEXT_AFTER = re.compile(r"[^.;:!?]{0,60}?\b(?:is|are)\s+(?:the\s+)?next\b")
# (after a gain named by a noun, "can" and "may" make a condition too)
_CONDITION_MODAL = re.compile(
    r"\b(?:will|would|must|should|could|might|may|can|need|needs|have\s+to|has\s+to)\b"
)
_MAIN_MODAL = re.compile(
    r"\b(?:will|would|must|should|could|might|need|needs|plan|plans|have\s+to"
    r"|has\s+to|intend|intends|aim|aims|hope|hopes|want|wants)\b"
)
# A side declaring a gain named by a noun: "Russian war correspondents began to declare the
# liberation of"
_DECLARED_BY = re.compile(
    r"(?P<who>[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+(?:(?:began|begin|begins|started|start)\s+to\s+)?"
    r"(?:declared?|declares|declaring|proclaimed?|proclaims|celebrated?|celebrates|hailed|hails)"
    r"\s+(?:the\s+)?(?:(?:alleged|complete|full|final)\s+)*$"
)
# Someone told of a gain named by a noun: "Putin was also briefed on the alleged liberation of"
_BRIEFED = re.compile(
    r"(?P<who>[\w'-]+(?:\s+[\w'-]+)?)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:also\s+)?(?:briefed|informed|told)\s+(?:about|on|of)\s+(?:the\s+)?"
    r"(?:(?:alleged|reported|complete|full)\s+)*$"
)
# A gain named by a noun inside a prediction ("would be broken after the fall of @1",
# "would lead to the fall of @1"): nothing has happened yet
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:would|will|could|might|may|can)\s[^,;.@]{0,50}?\b(?:after|following|upon|with|to)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+)?$"
    # "in the event of the complete capture of @1": a condition
    r"|\bin\s+(?:the\s+)?(?:event|case)\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?$"
)


def _speakers_own(obj: str | None, speaker_side: str | None) -> str | None:
    """The speaker's side when the acting forces are the speaker's own ("he said … he had
    moved his forces to new frontiers"), else None."""
    if obj and _SPEAKERS_OWN.match(obj) and speaker_side in OTHER:
        return speaker_side
    return None


def _under_control_of(frame: Frame, end: int, speaker_side: str | None) -> str | None:
    """The side whose control a place passes under, named right after ``end`` ("taken under
    Ukrainian control", "fallen under the control of Russian troops"), if any."""
    under = _UNDER_CONTROL.match(frame.text, end)
    return _side_in(under.group(), speaker_side, last=True, strict=False) if under else None


def resolve_actor(
    rule: Rule,
    m: re.Match[str],
    frame: Frame,
    speaker_side: str | None,
    *,
    house_side: Callable[[], str | None] | None = None,
    country: str | None = None,
) -> tuple[str, str | None]:
    """(event, actor) of a match; actor None means the side could not be established.

    ``house_side``: works out the side of the outlet's own voice (state media, or words only
    one side uses), which gives a liberation word its side when nobody is quoted; asked only
    then, since most matches never need it. ``country``: the country all the claim's places
    lie in, if one."""
    kind, event = rule.kind, rule.event
    if kind in _FIXED_SIDE:
        if country == "RU" and _FIXED_SIDE[kind] == "UA":
            # "among the liberated settlements are @1 and @2 in the Kursk region": Russia
            # liberates its own villages, as _liberator reads a liberation word
            return event, "RU"
        return event, _FIXED_SIDE[kind]
    if kind == "occupation_ended":
        # "the end of the Russian occupation of @1": the occupier named lost it; with none
        # named, the place is back with its own country's side
        occupier = _side_in(m.group("side") or "", speaker_side, last=False, strict=False)
        if occupier in OTHER:
            return event, OTHER[occupier]
        return event, country if country in OTHER else None
    if kind == "captured_adjective":
        # "near recently-captured @1", "the recently captured small town of @1": taken by the
        # side at war with its country
        return event, OTHER.get(country or "")
    if kind == "passive_negated":
        said = frame.text[clause_start(frame, m.start()) : m.end()]
        if _NOT_YET.search(said):
            # "@1 has not yet been captured", "as of now, @1 has not been taken": an assault
            # under way
            return "contested", None
        return event, None  # held by its own side: the parser reads it off the place
    if kind == "defence_line":
        # "a new line of defence was formed along @1": by the side speaking, or the one named
        before = frame.text[clause_start(frame, m.start()) : m.start()]
        side = _side_in(before, speaker_side, last=True)
        side = side if side in OTHER else speaker_side
        return (event, side) if side in OTHER else ("none", None)
    if kind == "absent":
        # "there are no Russian troops in @1": held by the side not named
        absent = _side_in(m.group("side"), speaker_side, last=False, strict=False)
        return event, OTHER.get(absent or "")
    if kind == "marked_as":
        return event, None  # the side that took them is named in the sentences before
    if (
        kind == "nominal"
        and not frame.text[: m.start()].strip(" \"'“‘")
        and _FORECAST_AFTER.match(frame.text, m.end())
    ):
        # "The liberation of @1, which would mean …, will occur within a month": a forecast
        return "none", None
    if kind == "nominal" and _MODAL_INSIDE.search(m.group()):
        # "the liberation of @0 would place the settlement of @1 out of reach": a match that
        # runs through a modal verb joins a condition to what would follow from it
        return "none", None
    if (
        kind == "withdraw"
        and _DECISION_TO.search(frame.text, max(0, m.start() - 14), m.start())
        and context().modal_after.match(frame.text, m.end())
    ):
        return "none", None  # "the decision to withdraw from @1 would be made by …": pending
    if _GERUND_AT.match(m.group()) and context().modal_after.match(frame.text, m.end()):
        # "taking control over @1 will also allow Russian artillery to …": a gerund subject
        # of a modal verb is a condition, not a change
        return "none", None
    if kind == "flag" and event == "captured" and _removed_flag_before(frame.text, m.start()):
        # "pull down a Russian flag hoisted on a building in @1": the flag comes down
        return "none", None
    groups = m.re.groupindex
    # soldiers holding up a flag in @1 took it, and troops taking one down took it from its
    # side; residents holding flags at a rally, or tearing one down, did not
    if (
        kind == "flag"
        and (event == "withdrew" or ("v" in groups and context().needs_force.match(m.group("v"))))
        and not context().force_nouns.search(frame.text, clause_start(frame, m.start()), m.start())
    ):
        return "none", None
    named = m.group("side") if "side" in groups else None
    # "cleared two villages around @1 of Russian forces: @2", "the villages freed from Russian
    # control: @1": the side cleared out, or freed from, lost
    for rid_of in (_CLEARED_OF, _FREED_FROM) if kind == "active" else ():
        found = rid_of.search(m.group())
        loser = (
            _side_in(found.group("who"), speaker_side, last=False, strict=False) if found else None
        )
        if loser in OTHER:
            return event, OTHER[loser]
    if kind == "nominal" and _COMMENT_ON.search(frame.text, max(0, m.start() - 40), m.start()):
        # "Ukrainian officials didn't comment on reported capture of @1": the change the
        # subject is silent on, or speaks of, is the other side's claim
        silent = _actor_left(frame, m.start(), speaker_side) or _side_in(
            frame.text[clause_start(frame, m.start()) : m.start()],
            speaker_side,
            last=True,
            strict=False,
        )
        if silent in OTHER:
            return event, OTHER[silent]
    if kind == "active" and _VICTORY.search(m.group()):
        # "the Russian president has declared victory in @1": whoever declares it, a leader
        # or a government as much as its troops
        before = frame.text[clause_start(frame, m.start()) : m.start()]
        side = _side_in(before, speaker_side, last=True, strict=False)
        if side in OTHER:
            return event, side
    if kind == "flag" and not named and _UKRAINIAN_COLOURS.search(m.group()):
        return event, "UA"
    if kind == "flag" and not named and _NATIONAL_FLAG.match(m.group()):
        # "state flags had been raised in @1", "the national flag flies over @1 again": the
        # flag of whoever says so, else of the place's country (the other side names its own
        # flag: "the Russian flag")
        side = speaker_side or country
        if side in OTHER:
            return event, side
    if kind == "held_state" and (
        _BACK_UNDER.search(m.group())
        or _AGAIN_HELD_BY.search(m.group())
        or (
            m.group().endswith(("flag", "hands", "control"))
            and _AGAIN_AFTER.match(frame.text, m.end())
        )
    ):
        # "@1 was back under Ukrainian control", "@1 is under the Ukrainian flag again", "@1
        # was also in Ukrainian hands again", "@1 is again controlled by Ukrainian troops": it
        # changed hands
        event = "captured"
    if kind == "held_verb" and _AGAIN_BEFORE.search(frame.text, max(0, m.start() - 12), m.start()):
        event = "captured"  # "Ukrainian troops once again control @1": they took it back
    if (
        kind == "held_state"
        and _PAST_OCCUPIED.search(m.group())
        and not context().durative.match(frame.text, m.end())
        and not _UNTIL.match(frame.text, m.end())
    ):
        # "@1 was allegedly occupied by the Akhmat regiment": an event told in the past, not
        # a state ("@1 was occupied by Russia for eight months", "… until November" are)
        event = "captured"
    if named:
        side = _side_in(named, speaker_side, last=False, strict=False)
        if kind == "held_state" and _NO_LONGER_IN.search(m.group()):
            # "Russian forces are no longer in control of @1": the other side took it
            return "captured", OTHER.get(side or "")
        return event, side
    if kind == "defeat":
        # "the defeat of Russian forces at @1": the place stays with the other side
        # (and "burned Russian flags in @1": a side adjective alone names the loser's flags)
        loser = _side_in(m.group("loser"), speaker_side, last=False) or _side_in(
            m.group("loser"), None, last=False, strict=False
        )
        return event, OTHER.get(loser or "")
    if kind == "push":
        subject = _actor_left(frame, m.start(), speaker_side)
        obj = m.group("obj") or ""
        # "driven Ukrainian Armed Forces (UAF) units from @1": a named side before a generic
        # force noun is whose forces they are
        pushed = _side_in(obj, speaker_side, last=True, generic=False) or _side_in(
            obj, speaker_side, last=True
        )
        if obj.strip() and not obj.startswith("to ") and not _forces(obj):
            return "none", None  # "pushed back the front line from @1"
        if _AWAY.search(obj):
            return "none", None  # "push the Russians further away from @1": already outside it
        if not obj.strip() or obj.startswith("to "):
            # "were pushed out of @1", "were forced to retreat from @1"
            return "withdrew", pushed or subject
        if subject and (subject != pushed or _ENEMY_WORD.search(obj)):
            # "units of the Vostok group drove the enemy out of @1": the enemy is the other
            # side of the subject, whoever reports it
            return "captured", subject
        return "withdrew", pushed
    if kind == "withdraw":
        obj = (m.group("obj") if "obj" in groups else None) or ""
        ctx = context()
        handed = _HANDED_TO.match(frame.text, m.end()) if _GIVING_UP.match(m.group("v")) else None
        taker = _side_in(handed.group("side"), None, last=False) if handed else None
        if taker in OTHER:
            # "surrendering @1 to the Russians": the side it goes to took it; a side named as
            # the subject withdrew ("Ukraine …, effectively ceding control of @1 to Russia")
            giver = _actor_left(frame, m.start(), speaker_side)
            return ("withdrew", giver) if giver == OTHER[taker] else ("captured", taker)
        if ctx.rest_after.match(frame.text, m.end()):
            return "none", None  # units pulled out "for replenishment" are rotated, not beaten
        if _SOME_OF.match(obj) and not m.group("v").startswith("regroup"):
            # "withdrawing some forces from @1": the rest still hold it (not "a decision was
            # made to regroup some of its troops from the @1 and @2 regions": the euphemism
            # announces the retreat itself)
            return "none", None
        if (
            obj
            and m.group("v").endswith("ing")
            and _GERUND_AS_ADJECTIVE.search(frame.text, max(0, m.start("v") - 25), m.start("v"))
        ):
            # "artillery striking retreating Russian forces near @1": an adjective of the
            # forces struck, no withdrawal told
            return "none", None
        under_way = (
            _REGROUPING_UNDER_WAY.search(frame.text, max(0, m.start("v") - 30), m.start("v"))
            if m.group("v").startswith("regroup")
            else None
        )
        if under_way and (m.group("v").endswith("ing") or under_way.group("keep")):
            # "the enemy is regrouping its troops in the @1 area", "continue to regroup": a
            # reorganisation under way where they stand, not the ministry's word for a retreat
            return "none", None
        trailing = (
            _CONJ_BEFORE_GERUND.search(frame.text, max(0, m.start("v") - 10), m.start("v"))
            if m.group("v").endswith("ing") and not obj
            else None
        )
        if trailing:
            # "Russian troops dug in at @0 after leaving @1", "firing at Russian units that are
            # trying to gain a foothold in @0 after leaving @1": the gerund's subject is the
            # nearest side before the conjunction
            clause = frame.text[clause_start(frame, trailing.start()) : trailing.start()]
            side = _side_in(clause, speaker_side, last=True)
            if side in OTHER:
                return event, side
        # (where the leavers are named after the place, "residents of @1 … after Russian
        # troops left", they are the subject to check, not the words before the place)
        lead = m.start("obj") if "mid" in groups and obj else m.start()
        if ctx.needs_force.match(m.group("v")) and not (
            ctx.force_nouns.search(obj)
            or ctx.force_nouns.search(frame.text, clause_start(frame, lead), lead)
            # "the Russians left @1": a side named as the subject is its forces
            or _SIDE_SUBJECT.search(frame.text, max(0, lead - 40), lead)
        ):
            return event, None  # civilians leave and are evacuated too
        if ctx.needs_force.match(m.group("v")) and ctx.person_subject.search(
            frame.text, max(0, lead - 80), lead
        ):
            return event, None  # "military commanders have left @1": people, not troops
        side = _side_in(obj, speaker_side, last=False, generic=False) if obj else None
        side = side or _speakers_own(obj, speaker_side)
        if side is None and _NOMINAL_OPENING.search(
            frame.text, max(0, m.start("v") - 25), m.start("v")
        ):
            # "during the retreat from @1, the invaders mined …": the main clause's subject
            after = _MAIN_SUBJECT.match(frame.text, m.end())
            side = _side_in(after.group("subject"), speaker_side, last=False) if after else None
        side = side or _actor_left(frame, m.start(), speaker_side)
        if side is None:
            # "a Ukrainian withdrawal from positions near five settlements, including a full
            # retreat from @1": the side of a withdrawal named before in the sentence
            named = _SIDE_WITHDRAWAL.search(frame.text, max(0, m.start() - 160), m.start())
            if named:
                side = "UA" if named.group(1) == "ukrainian" else "RU"
        if side is None and obj:
            # "a decision was made to regroup troops in the areas of @1, the ministry said": with
            # no subject, the speaker's own troops
            side = _side_in(obj, speaker_side, last=False)
            if side is None and ctx.force_nouns.search(obj):
                # …and with no speaker either, the side whose words the sentence speaks ("to
                # achieve the goals of the special military operation, … regroup troops")
                side = _perspective(frame.text, m.start())
        return event, side
    if kind == "relative_held":
        return event, _side_in(m.group("obj"), speaker_side, last=True)
    if kind == "relative":
        side = _side_in(m.group("obj"), speaker_side, last=True)
        verb = m.group("v")
        withdrew = context().withdraw_direct.fullmatch(verb) is not None
        return ("withdrew" if withdrew else "captured"), side
    if kind in {"passive", "lost", "fallen", "headline", "participle", "dash"}:
        prep, side = _agent(frame, m.end(), speaker_side)
        if kind == "passive":
            named_under = _under_control_of(frame, m.end(), speaker_side)
            if named_under in OTHER:
                return event, named_under  # "@1 has been taken under Ukrainian control"
        if kind == "lost" and "surrender" in m.group() and prep != "by":
            # "Ukrainian forces hiding in the plant in @1 had surrendered": the forces gave up
            # the place, which did not surrender itself
            forces = _side_in(
                frame.text[clause_start(frame, m.start()) : m.start()], None, last=True
            )
            if forces:
                return "withdrew", forces
        if kind == "lost":
            loser = side if prep == "by" else speaker_side if speaker_side in OTHER else None
            if prep == "to" and side:
                return "captured", side
            return "captured", OTHER.get(loser or "")
        if kind == "fallen":
            named_under = _under_control_of(frame, m.end(), speaker_side)
            if named_under:
                return event, named_under  # "have fallen under Russian control"
            hands = _INTO_HANDS.match(frame.text, m.end())
            named_hands = (
                _side_in(hands.group(), speaker_side, last=True, strict=False) if hands else None
            )
            if named_hands in OTHER:
                return event, named_hands  # "fell into Russian hands", "into the hands of …"
            if (
                prep == "to" or (prep == "of" and "control" in frame.text[m.end() : m.end() + 30])
            ) and side:
                return event, side  # "fallen to", "fallen under the control of"
            owner = _CLAIM_THAT.search(frame.text, max(0, m.start() - 40), m.start())
            if owner:
                # "challenged Moscow's claim that @1 had fallen": the claim's owner won it
                claimed = _side_in(owner.group("owner"), None, last=True, strict=False)
                if claimed in OTHER:
                    return event, claimed
            # "@1 has fallen, a Ukrainian officer said": a side reports its own losses; a
            # place of the other side's country fallen is the speaker's gain ("Bakhmut has
            # fallen, Wagner said")
            if (
                speaker_side in OTHER
                and country in OTHER
                and speaker_side != country
                # (not "occupied Izium has fallen": the other side held it)
                and "occupied" not in frame.text[max(0, m.start() - 80) : m.start()]
            ):
                return event, speaker_side
            return event, OTHER.get(speaker_side or "")
        if prep == "by" and side:
            return event, side
        if prep == "of" and side and "control" in frame.text[m.end() : m.end() + 30]:
            return event, side  # "taken under the control of detachments of Wagner"
        if prep in {"from", "of"} and side:
            return event, OTHER[side]  # "recaptured from Russian troops", "cleared of them"
        if "v" in groups:  # "was brought under Russian control": the verb names the side
            named = _side_in(m.group("v"), None, last=True, strict=False)
            if named:
                return event, named
            if context().occupation.fullmatch(m.group("v")):
                return event, None  # nobody calls their own gain occupation: see the places
        side = speaker_side if speaker_side in OTHER else None
        before = frame.text[max(0, m.start() - _REACH) : m.start()]
        # (a quotation may hold several sentences: only the one with the verb counts)
        before = before[before.rfind(". ") + 1 :]
        if _RELATIVE_PASSIVE.search(before) or (kind == "passive" and _CLAIMED_THAT.search(before)):
            # "Russian forces advancing from @1, which was captured earlier, took …", "the
            # Russians … also claimed that @1 had been captured": the side named before,
            # whoever tells it
            side = _side_in(before, speaker_side, last=True, generic=False) or side
        if kind == "participle" and _APPOSED_NOUN.search(m.group()):
            # "the Russians shelled @1, one of the towns liberated last month": the main
            # clause's subject did not do what the appositive's participle tells
            before = ""
        # (a country named as a place acts for nobody: "Russian advances in eastern Ukraine
        # continue: @1 and @2 have been captured")
        side = (
            side
            or _side_in(before, speaker_side, last=True, places=False)
            or _side_in(before, speaker_side, last=True, strict=False, places=False)
        )
        if not side and m.group("v") in _RESTORED:
            # "control over @1 in the Belgorod region has been restored": by its own country
            country = _place_country(frame, m)
            if country in OTHER:
                return event, country
        return event, (
            side
            or _liberator(
                m.group("v"),
                _perspective(frame.text, m.start()) or speaker_side or _asked(house_side),
                country,
            )
            or _invader(m.group("v"), country)
        )
    if kind == "nominal":
        verb = m.group("v")
        liberation = context().liberation.fullmatch(verb) is not None
        if context().modal_after.match(frame.text, m.end()) or _HYPOTHETICAL_BEFORE.search(
            frame.text, max(0, m.start() - 70), m.start()
        ):
            return "none", None
        if _ONGOING.match(frame.text, m.end()):
            return "contested", None  # "the takeover of @1 is still going on": not done yet
        if _AFTER_NOMINAL.search(frame.text, max(0, m.start() - 30), m.start()):
            main = _MAIN_SUBJECT.match(frame.text, m.end())
            if (main and _CONDITION_MODAL.search(main.group("subject"))) or _NEXT_AFTER.match(
                frame.text, m.end()
            ):
                # "after the de-occupation of @1, @2 can become the next", "… the @2 region
                # is the next": a condition
                return "none", None
            subject = _side_in(main.group("subject"), None, last=False) if main else None
            if subject in OTHER and verb in {"capture", "seizure", "takeover", "taking"}:
                # "after the capture of @1, Russian troops continued their attacks": the main
                # clause's subject took it
                return event, subject
            if (
                subject is None
                and not liberation
                and speaker_side in OTHER
                and country == speaker_side
                and verb in {"capture", "seizure", "takeover", "occupation"}
            ):
                # "the General Staff confirmed that after the capture of @1, civilians were
                # deported": a side's own village, captured, was taken by the other side
                return event, OTHER[speaker_side]
        if verb in {"fall", "loss"}:
            prep, side = _agent(frame, m.end(), speaker_side)
            if prep == "to" and side:
                return "captured", side
            before = frame.text[clause_start(frame, m.start()) : m.start()]
            # (a quotation may hold several sentences: only the one with the noun counts)
            before = before[before.rfind(". ") + 1 :]
            loser = _side_in(before, None, last=True)
            if verb == "loss":
                if loser is None and speaker_side in OTHER and _admitting().search(before):
                    # "the General Staff acknowledged the loss of @1": the speaker's own loss
                    loser = speaker_side
                return "withdrew", loser
            winner = _outcome_winner(frame, m.end()) if verb == "fall" else None
            if winner:
                return "captured", winner  # "the fall of @1 is a heavy blow to Ukraine"
            # "the fall of @1" names no winner; a speaker celebrating it is one, a speaker
            # admitting it is the loser ("the fall of @1 was confirmed by the Ukrainian army")
            if speaker_side not in OTHER:
                return "captured", None
            admitted = _admitting().search(frame.text) is not None
            # "reports of the fall of @1 were untrue": a fall the speaker denies is its loss
            reported = context().claim_about.search(frame.text, max(0, m.start() - 40), m.start())
            # …and a side that reports the fall of one of its own country's places reports
            # a loss ("the Ukrainian military reported the fall of @1")
            # (not one hailing it: "Zelensky hailed the fall of @1")
            own_place = _place_country(frame, m) == speaker_side
            hailed = _CELEBRATING.search(before) is not None
            lost = admitted or reported is not None or (own_place and not hailed)
            return "captured", OTHER[speaker_side] if lost else speaker_side
        if _DURING.search(frame.text, max(0, m.start() - 40), m.start()):
            return "contested", None  # "fighting continues during the liberation of @1"
        if (
            _GOAL_AFTER.match(frame.text, m.end())
            or _NEEDED_AFTER.match(frame.text, m.end())
            or _FUTURE_AFTER.match(frame.text, m.end())
            or _GOAL_BEFORE.search(frame.text, max(0, m.start() - 60), m.start())
        ):
            # "the capture of @1 … has been a major goal", "hinted at the liberation of @1 in
            # the near future": not yet
            return "none", None
        if _ONGOING_AFTER.match(frame.text, m.end()):
            return "contested", None  # "the clearing of @1 continues": under way
        freed = _FROM_FORCES_AFTER.match(frame.text, m.end()) if event == "captured" else None
        loser = (
            _side_in(freed.group("who"), speaker_side, last=False, strict=False) if freed else None
        )
        if loser in OTHER:
            # "the liberation of @1 from the Ukrainian armed forces": the side it is freed from
            # lost it
            return event, OTHER[loser]
        if verb.startswith(("trans", "passing")):
            # "the alleged transfer of @1 under the control of Russian troops": to that side
            under = _UNDER_CONTROL.match(frame.text, m.end())
            side = _side_in(under.group(), speaker_side, last=True) if under else None
            return ("captured", side) if side else ("none", None)
        prep, side = _agent(frame, m.end(), speaker_side)
        if prep == "by" and side:
            return event, side  # "the capture of @1 by Russian forces"
        inner = _AGENT_BEFORE_LIST.search(m.group())
        side = _side_in(inner["who"], speaker_side, last=False, strict=False) if inner else None
        if side in OTHER:
            return event, side  # "the liberation of three villages by Ukrainian troops: @1"
        confirmed = _CONFIRMED_BY.match(frame.text, m.end())
        if confirmed and liberation:
            # "the liberation of @1 was confirmed by President Zelenskyy": a side confirms
            # its own liberations
            side = _side_in(confirmed.group("who"), None, last=False, strict=False)
            if side in OTHER:
                return event, side
        winner = _outcome_winner(frame, m.end())
        if winner:
            return event, winner  # "the capture of @1 is a major victory for Kyiv"
        shown = _SHOWS_THAT.match(frame.text, m.end())
        if shown:
            # "the capture of @1 is evidence that Ukrainian forces can puncture Russian lines":
            # the forces it tells of made it
            side = _side_in(shown.group("subject"), None, last=False, generic=False)
            if side in OTHER:
                return event, side
        # "Russian war correspondents began to declare the liberation of @1": a side declares
        # its own liberations; "Putin was briefed on the alleged liberation of @1": his side's
        # gain
        declarers = ((_DECLARED_BY, None),) if liberation else ()
        for told, speaking in (*declarers, (_BRIEFED, speaker_side)):
            teller = told.search(frame.text, max(0, m.start() - 80), m.start())
            if teller:
                side = _side_in(teller.group("who"), speaking, last=True, strict=False)
                if side in OTHER:
                    return event, side
        if (
            speaker_side in OTHER
            and _asked(house_side) in (None, speaker_side)
            and liberation
            and announced_gain(frame, m.start())
            and not _side_in(frame.text[max(0, m.start() - 60) : m.start()], None, last=True)
        ):
            # "the General Staff described the stages of the liberation of @1": a side tells
            # of its own liberations, whatever enemy its quotation names
            return event, speaker_side
        owner = _POSSESSOR.search(frame.text, max(0, m.start() - 40), m.start())
        if owner:
            # "the enemy's seizure of @1", "Russia's capture of @1": the owner acted
            side = _side_in(owner.group(1)[:-2], speaker_side, last=True, strict=False)
            if side in OTHER:
                return event, side
        # "Russian claims about the capture of @1": the claim's source acted
        source = claim_source_side(frame, m.start())
        if source is not None:
            return event, source
        claim = context().claim_about.search(frame.text, max(0, m.start() - 40), m.start())
        if claim and speaker_side in OTHER and _CONFIRMED_AFTER.match(frame.text, m.end()):
            # "information about the liberation of @1 was confirmed by the Ukrainian deputy
            # minister": news the speaker vouches for is its own side's gain
            return event, speaker_side
        media = _MEDIA_OWNER.search(frame.text, max(0, m.start() - 120), m.start())
        if claim and media:
            # "Russian media have been spreading reports claiming the capture of @1": the
            # claim is its owner's side's gain, whoever denies it later
            side = _side_in(media.group("side"), None, last=True, strict=False)
            if side in OTHER:
                return event, side
        if (
            claim
            and not _SOURCED.search(frame.text, 0, claim.start())
            # "the ministry announced the alleged capture of @1": the doubt is the outlet's
            and not announced_gain(frame, m.start())
        ):
            # "a Ukrainian spokesman said claims about the capture of @1 were not confirmed":
            # a side speaks of its own gains as news, of the enemy's as claims; an unnamed
            # speaker's side is the one named before the claim ("a spokesperson for the
            # Ukrainian land forces said that the alleged capture of @1 …")
            if country == "RU" and liberation:
                # "Gerasimov claimed control was restored after the alleged liberation of
                # @1" in the Kursk region: only Russia liberates a place in Russia
                return event, "RU"
            own = speaker_side if speaker_side in OTHER else None
            own = own or _side_in(frame.text[: claim.start()], None, last=True, strict=False)
            if own in OTHER:
                return event, OTHER[own]
    credited = (
        _CREDITED_FOR.search(frame.text, max(0, m.start("v") - 120), m.start("v"))
        if "v" in groups and (m.group("v") or "").endswith("ing")
        else None
    )
    if credited:
        # "Kyiv credited soldiers of its 35th brigade for recapturing @1": those credited
        # acted; "its" and "their" are the side of who credits them
        who = credited.group("who")
        side = _side_in(who, None, last=False, generic=False)
        if side is None and _OWNERS.search(who):
            before = frame.text[clause_start(frame, credited.start()) : credited.start()]
            side = _side_in(before, speaker_side, last=True, strict=False)
        if side in OTHER:
            return event, side
    own = _speakers_own(m.group("obj") if "obj" in groups else None, speaker_side)
    if own:
        return event, own  # "he had moved his forces to new frontiers west of @1"
    # "near @1, Ukrainian units moved to …": a place opening the sentence stands before the
    # actor, who is named right before the verb
    side = _actor_left(frame, m.start("v") if kind == "fronted" else m.start(), speaker_side)
    if side or "v" not in groups:
        return event, side
    opening = _GERUND_OPENING.search(frame.text, max(0, m.start("v") - 40), m.start("v"))
    if opening and m.group("v").endswith("ing"):
        # "After taking @1 two weeks ago, Russian forces pushed on": the gerund's subject is
        # the main clause's, named right after the comma that closes the opening phrase
        after = _MAIN_SUBJECT.match(frame.text, m.end())
        if after and _MAIN_MODAL.search(after.group("subject")):
            return "none", None  # "After taking @1, the Russians will have to take …": a plan
        side = _side_in(after.group("subject"), speaker_side, last=False) if after else None
        if side:
            return event, side
    owner = _CLAIM_OWNER.search(frame.text, max(0, m.start() - 60), m.start())
    if owner:
        # "dismissed the Russian claim to have seized @1": the claim's owner acted
        side = _side_in(owner.group("owner"), speaker_side, last=True, strict=False)
        if side in OTHER:
            return event, side
    if "v" in groups and pronoun_before_verb(frame.text, m.start("v")):
        # "they have liberated @1" with no side in the sentence: the pronoun stands for the
        # last sentence's actor, which the caller knows, not for a liberator by vocabulary
        return event, None
    # only a liberation word left without a side needs the vocabulary around it
    voice = _perspective(frame.text, m.start()) or speaker_side or _asked(house_side)
    return event, _liberator(m.group("v"), voice, country)


# Whom a side credits with a gain told by a gerund ("credited soldiers of its brigades for")
_CREDITED_FOR = re.compile(
    r"\b(?:credited|credits|thanked|thanks|praised|praises|commended|commends|congratulated"
    r"|congratulates|honou?red|honou?rs|awarded|awards"
    # "expressed his gratitude to the marines … for liberating @1"
    r"|expressed\s+(?:his|her|their|its)\s+(?:gratitude|thanks)\s+to)"
    r"\s+(?P<who>[^.;:@]{3,100}?)\s+for\s+$"
)
_OWNERS = re.compile(r"\b(?:its|their)\b")


# A pronoun subject right before the verb ("they have liberated")
_PRONOUN_VERB = re.compile(
    # "assault groups liberated @1": units of no side named, the last sentence's
    r"(?<![\w-])(?:they|it|(?:the\s+)?(?:assault|offensive|storm|attack)\s+(?:groups?|units?"
    r"|detachments?))\s+(?:(?:have|has|had|also|then|now|already|reportedly|allegedly)\s+)*$"
)


def pronoun_before_verb(text: str, verb: int) -> bool:
    """Whether a pronoun subject stands right before the verb at ``verb`` ("they have
    liberated @1"): it means the last sentence's actor."""
    return _PRONOUN_VERB.search(text, max(0, verb - 40), verb) is not None


@cache
def _flag_removed() -> re.Pattern[str]:
    verbs = alternation(load_lexicon("triggers")["flag_removal_verbs"])
    return re.compile(
        rf"\b(?:{verbs})\s+(?:(?:the|a|an|their|its)\s+)?"
        r"(?:(?!(?:and|then)\b)[\w'’-]+\s+){0,3}$"
    )


def _removed_flag_before(text: str, pos: int) -> bool:
    """Whether a flag removal verb governs the flag named at ``pos``."""
    return _flag_removed().search(text, max(0, pos - 60), pos) is not None


@cache
def _admitting() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(load_lexicon('actors')['admitting'])})\b")


# A side's withdrawal named as a noun ("a Ukrainian withdrawal", "the Russian retreat")
_SIDE_WITHDRAWAL = re.compile(
    r"\b(ukrainian|russian)\s+(?:(?:troops|forces|army)['’]?\s+)?"
    r"(?:withdrawal|retreat|pull-?back|pull-?out)\b"
)


def _forces(text: str) -> bool:
    """Whether ``text`` names armed forces or a side ("Russian troops", "them", "the enemy")."""
    ctx = context()
    return bool(side_words().search(text) or ctx.force_nouns.search(text) or _PRONOUN.search(text))


def _asked(side: Callable[[], str | None] | None) -> str | None:
    return side() if side is not None else None


def house_side(outlet: str | None, opening: str, url: str | None = None) -> str | None:
    """The side whose state, army or government-aligned media published the article, from
    its outlet name, the host of its ``url`` ("https://tass.com/…") or the dateline in its
    ``opening`` ("MOSCOW, June 1. /TASS/.")."""
    host = (urlsplit(url).hostname or "") if url else ""
    for text in (outlet or "", host, opening):
        m = _houses().search(text.lower())
        if m:
            return "RU" if m.lastgroup == "ru" else "UA"
    return None


def article_voice(text: str) -> str | None:
    """The side whose own voice a whole article speaks, if it uses only that side's words
    (``voice_terms``: "Krasnoarmeysk", "the Kiev regime"; "occupiers", "ruscists")."""
    lowered = text.lower()
    found = {
        side
        for side, (words, pattern) in _voices().items()
        # a plain substring test first: most articles hold none of the words
        if any(word in lowered for word in words)
        and any(
            not _NAME_GLOSS.search(lowered, max(0, m.start() - 40), m.start())
            for m in pattern.finditer(lowered)
        )
    }
    return found.pop() if len(found) == 1 else None


# A name given as the other side's usage ("Pokrovsk, which Russia calls Krasnoarmeysk") is
# no sign of the article's own voice
_NAME_GLOSS = re.compile(
    r"(?:\bcalls?|\bcalled|\bknown(?:\s+in\s+\w+)?\s+as|\bname[sd]?|\brenamed|\bformerly"
    r"|\bor)\W*(?:it\s+|as\s+)?(?:the\s+)?(?:[\w-]+\s+)?$"
    r"|\(\s*(?:in\s+russian\s*:?\s*|russian\s*:\s*)?$"
)


@cache
def _voices() -> dict[str, tuple[tuple[str, ...], re.Pattern[str]]]:
    terms = load_lexicon("actors")["voice_terms"]
    return {
        side: (
            tuple(words),
            re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])"),
        )
        for side, words in terms.items()
    }


@cache
def _houses() -> re.Pattern[str]:
    sides = load_lexicon("actors")["house_sides"]
    parts = [f"(?P<{side.lower()}>{alternation(names)})" for side, names in sides.items()]
    return re.compile(r"(?<![\w'-])(?:" + "|".join(parts) + r")(?![\w-])")


def _perspective(text: str, pos: int) -> str | None:
    """The side whose vocabulary the words around ``pos`` speak ("the liberation of @1 in the
    Donetsk People's Republic" is Moscow's word), if they use one side's terms only."""
    return vocabulary_side(text, max(0, pos - _REACH), pos + _REACH)


def _liberator(verb: str | None, speaker_side: str | None, country: str | None) -> str | None:
    """For a liberation word that nothing else gives a side to: Russia's for a place in Russia
    ("the liberation of @1" in the Kursk region), else the speaker's side, since each side
    calls its own gains liberation ("Moscow reported the liberation of @1"), else Ukraine."""
    if not (verb and context().liberation.fullmatch(verb)):
        return None
    if country == "RU":
        return "RU"
    return speaker_side if speaker_side in OTHER else "UA"


def _invader(verb: str | None, country: str | None) -> str | None:
    """For a plain capture verb in the passive that nothing else gives a side to ("Irpin,
    Bucha and Vorzel are seized"): the side at war with the place's country, who takes its
    places; its own side retakes or liberates them, in other words."""
    if verb and _PLAIN_CAPTURE.fullmatch(verb) and country in OTHER:
        return OTHER[country]
    return None


_PLAIN_CAPTURE = re.compile(r"captured|seized|overrun|conquered")
_CELEBRATING = re.compile(
    r"\b(?:hail(?:ed|s|ing)?|welcom(?:ed|es|ing|e)|celebrat(?:ed|es|ing|e)|prais(?:ed|es|ing|e)"
    r"|congratulat(?:ed|es|ing|e))\b"
)


def _place_country(frame: Frame, m: re.Match[str]) -> str | None:
    """The country of the place a match names (``@N`` in group ``g``), if known."""
    index = m.group("g") if "g" in m.re.groupindex else None
    if index is None or int(index) >= len(frame.places):
        return None
    return frame.places[int(index)].country
