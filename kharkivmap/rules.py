"""The parser's patterns, compiled once from the lexicons in ``kharkivmap/lexicon``.

Patterns run on a sentence *frame*: the sentence lowercased, quotes removed, whitespace
collapsed, and every place mention (or list of coordinated mentions) replaced by a token
``@N``. Two shapes exist. *Object* rules name the place after the trigger ("recaptured the
town of @3", "withdrew from positions around @1"); the token is the named group ``g``.
*Subject* rules have the place before the trigger ("@2 has been retaken", "@0, which has
been under Russian control"); the parser finds the subject in the text before the match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from kharkivmap.lexicons import alternation, compile_words, load_lexicon
from kharkivmap.prefilter import Clauses, required_text

__all__ = [
    "Context",
    "Rule",
    "context",
    "key_words",
    "key_words_in",
    "rules",
    "rules_for",
    "rules_keyed",
    "words_of",
]

_WORD = re.compile(r"[a-z]+")


def words_of(text: str) -> frozenset[str]:
    """The lowercase words of ``text``, to test rule keys against."""
    return frozenset(_WORD.findall(text))


def key_words(phrases: Iterable[str]) -> frozenset[str]:
    """Words of which a rule needs at least one: a cheap test before running its regex."""
    # Words too common to tell whether a rule can match are no keys.
    stop = frozenset(load_lexicon("triggers")["stop_words"])
    keys = set()
    for phrase in phrases:
        # A phrase needs each of its words; its first content word is the cheapest test.
        words = [w for w in _WORD.findall(phrase) if w not in stop]
        keys.update(words[:1])
    return frozenset(keys)


Shape = Literal["object", "subject"]


# Adverbs between "has" and "come under …" ("has already come under Russian control")
_COME_ADVERBS = (
    r"(?:now|finally|fully|already|also|reportedly|allegedly|completely|entirely|effectively"
    r"|officially|recently)"
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger pattern: ``kind`` selects how the parser reads actor and controller.

    ``keys``: the frame must contain one of these words for the pattern to be tried;
    ``needs``: literal text every match holds (:mod:`kharkivmap.prefilter`), so a frame
    lacking it is not scanned.
    """

    kind: str
    event: str
    shape: Shape
    pattern: re.Pattern[str]
    weight: float
    keys: frozenset[str]
    needs: Clauses = ()


@dataclass(frozen=True, slots=True)
class Context:
    """Patterns that classify a mention by its surroundings, and clause/modality patterns."""

    join: re.Pattern[str]
    region_after: re.Pattern[str]
    direction_after: re.Pattern[str]
    not_target_after: re.Pattern[str]
    reference_before: re.Pattern[str]
    soft_before: re.Pattern[str]
    river_before: re.Pattern[str]
    rivers: frozenset[str]
    dateline_after: re.Pattern[str]
    capitals: dict[str, str]
    capital_after: re.Pattern[str]
    capital_before: re.Pattern[str]
    clause: re.Pattern[str]
    blockers: re.Pattern[str]
    contested_blockers: re.Pattern[str]
    goal_before: re.Pattern[str]  # "toward " right before a capture gerund: a goal
    goal_infinitive: re.Pattern[str]  # "determined to " right before a capture verb: a goal
    result_before: re.Pattern[str]  # "pushed back … to ": the infinitive is the result
    future: re.Pattern[str]
    denials: re.Pattern[str]
    negations: re.Pattern[str]
    negation_gap: re.Pattern[str]
    claim_denials: re.Pattern[str]
    # after a denial verb, a claim named with its source: "the Russian Defense Ministry's
    # claims", "the occupiers' fake report", "Moscow's claim" (not a bare "the claim")
    sourced_claim: re.Pattern[str]
    claim_about: re.Pattern[str]  # "claims about the capture of": someone else's word
    claim_denial_verbs: tuple[str, ...]
    held_copula: re.Pattern[str]
    still_pending: re.Pattern[str]
    direct_subject: re.Pattern[str]
    anaphor: re.Pattern[str]
    anaphoric_nouns: frozenset[str]
    relative: re.Pattern[str]
    agent: re.Pattern[str]
    modal_after: re.Pattern[str]
    needs_force: re.Pattern[str]
    durative: re.Pattern[str]
    unverified: re.Pattern[str]  # an outlet's "could not verify" disclaimer
    background: re.Pattern[str]  # "the brigade that liberated …": history, ends at the verb
    # "had taken control of five villages": a counted capture that names none of them
    counted_capture: re.Pattern[str]
    counted_places: re.Pattern[str]  # "three other villages – @0 – were now under …"
    list_noun: re.Pattern[str]  # "villages", "settlements": what a count counts
    held_since: frozenset[str]  # capture verbs that, before "since"/"for months", state a hold
    withdraw_direct: re.Pattern[str]
    possessive_nominal: re.Pattern[str]
    partial_before: re.Pattern[str]
    entry_verbs: frozenset[str]
    fighting_after_entry: re.Pattern[str]  # "entered @1 and began battles": fighting inside
    rest_after: re.Pattern[str]  # "withdrawing from near @1 for replenishment": a rotation
    share_before: re.Pattern[str]
    liberation: re.Pattern[str]
    occupation: re.Pattern[str]  # "occupied": the gain of the side the place is not in
    force_nouns: re.Pattern[str]
    person_subject: re.Pattern[str]


def _alt(words: list[str]) -> str:
    return alternation(words)


# The greatest of a counted group's places, named after it
_LARGEST = r"(?:largest|biggest|main|most\s+important|most\s+notable|key|major)"


# "secured full control over", "established control of": "control" there is the noun of a
# gain, not a verb of holding
_NOT_AFTER_GAIN = "".join(
    rf"(?<!{word}\s)"
    for word in (
        "full", "complete", "total", "effective", "secured", "gained", "established", "took",
        "seized", "regained", "restored", "assumed", "taken", "won", "retook",
    )
)  # fmt: skip


# Where a list of places lies, after its noun: "cities in the @0 region", "cities in @0:"
# (a bare name before a comma may begin the next clause: "towns in @0, @1 holds …")
_LIST_REGION = (
    r"(?:\s+(?:in|of)\s+(?:the\s+)?(?:(?:[\w-]+\s+)?@\d+(?:\s+(?:region|oblast|area|province)"
    r"|(?=\s*(?:[–—:]|--)|\s*,?\s*(?:like|such\s+as|including)\b))"
    r"|(?:[\w-]+\s+){0,2}(?:region|oblast|area|province)))?"
)


# A time right after a participle: "@1, captured a week ago", "@1, retaken last month"
_PARTICIPLE_TIME = (
    r"(?:a|an|one|two|three|four|five|several|some|\d+)\s+(?:days?|weeks?|months?)\s+ago\b"
    r"|(?:last|earlier\s+this|this)\s+(?:week|month)\b"
    r"|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


@cache
def _object(*, part: bool = False) -> str:
    """The object slot: determiner, adjectives, place noun ("the key town of"), then ``@N``.

    A region qualifier may precede the noun ("the @2 region town of @3"). With ``part``,
    a part of the place counts too ("central @1", "the outskirts of @1"): enough for fighting,
    not for a change of control.
    """
    t = load_lexicon("triggers")
    noun = _alt(t["place_nouns"])
    # Before a place noun any modifiers may stand ("the beleaguered frontline city of"),
    # but no preposition: "soldiers in the city of @1" is not the city.
    modifier = rf"(?:(?!{_alt(t['not_modifiers'])}\b)[\w'-]+\s+)"
    # "the @2 region town of @3", "the @2 town of @3"
    # ("@2's village of @3")
    region = r"(?:@\d+(?:['’]s)?\s+(?:(?:region|oblast|area)(?:'s)?\s+)?)?"
    parts = rf"(?:{_alt(t['part_adjectives'])}\s+)?" if part else ""
    whole = rf"(?:{_alt(t['whole_of'])}\s+)?"
    # "about 70% of @1": a share of the place (the parser reads it as partial)
    share = rf"(?:{_alt(t['partial_shares'])}\s+)?"
    # "the village of Zelenivka and @1": a name the gazetteer lacks opens the list
    # (or several: "the villages of Berdychi, @1 and @2"; a list of Kursk hamlets may name
    # eight the gazetteer lacks before one it has)
    unknown = r"(?:[\w'-]+(?:\s+[\w'-]+)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)){0,12}"
    # "the settlements Alexandro-Kalinovo, @1": after a plural noun with no "of", only
    # hyphenated names the gazetteer lacks open the list
    hyphenated = r"(?<=s\s)(?:[\w']+-[\w'-]+\s*,\s*(?:and\s+)?){1,3}"
    # "the neighbouring @1 village": a place adjective right before the name
    # (not one that names a part of it: "central @1", "eastern @1")
    whole_adjectives = [a for a in t["place_adjectives"] if a not in t["part_adjectives"]]
    adjectives = rf"(?:(?:{_alt(whole_adjectives)})\s+){{0,2}}"
    # "another village in the region, @1,": the name in apposition after the noun, set off
    # by commas ("the town, @1 officials said" is no apposition)
    # ("abandoned their main bastion in northeastern Ukraine, @1")
    apposed = (
        r"(?P<apposed>(?:\s+in\s+(?:the\s+(?:@\d+\s+)?(?:region|oblast|area)"
        r"|(?:[a-z-]+ern\s+)?(?:ukraine|russia)))?\s*,)"
    )
    # "another village called @1"
    naming = _alt(t["naming_links"])
    # "retreated from both @1 and …": the list's opening word
    both = r"(?:both\s+)?"
    # "the @2 suburb of @1": the named suburb itself (not "a suburb of @1" or "the suburb of
    # @1", a part of the city)
    suburb = r"(?:(?<=@\d\s)|(?<=@\d\d\s))suburb\s+of\s+"
    # "eastern Ukraine's @1": a possessive, with its compass word, is a determiner
    owner = r"(?:the\s+)?(?:[a-z]+-?[a-z]*ern\s+)?[a-z]+'s"
    the_name = r"the\s+(?=@\d+(?!\s+(?:region|oblast|district|area|province|raion)\b))"
    # "control of a nuclear plant and the cities of @1 and @2": a site before the places;
    # "took under control the oil refinery, the mine, the plant and the settlement of @1"
    facility = rf"(?:a|an|the)\s+(?:[\w'@-]+\s+){{0,2}}?{_alt(t['facility_nouns'])}"
    site = rf"(?:(?:{facility}\s*,\s*){{0,3}}{facility}\s*,?\s+and\s+)?"
    # "captured what it described as the strategic logistics hub of @1": the speaker's name
    # for the place
    described = (
        r"(?:what\s+(?:it|they|he|she|moscow|kyiv|kiev|russia|ukraine|@\d+|the\s+[a-z]+)\s+"
        r"(?:described|describes|called|calls|termed|terms|dubbed)\s+(?:as\s+)?)?"
    )
    return (
        rf"{described}{both}{parts}{share}{whole}{site}(?:(?:the|a|an|its|their|{owner})\s+)?"
        rf"{region}"
        # ("the village of the Andriivka": a translated article before the name)
        rf"(?:{modifier}{{0,3}}?{noun}{apposed}?\s+(?:of\s+(?:[a-z]+'s\s+|{the_name})?{unknown}|{hyphenated}"
        rf"|{naming}\s+)?"
        rf"|{suburb}|{adjectives})@(?P<g>\d+)(?(apposed)(?=\s*(?:[,.;:—–]|$)))"
    )


@cache
def context() -> Context:
    """The compiled context patterns (cached for the process)."""
    t = load_lexicon("triggers")
    n = load_lexicon("nonplace")
    a = load_lexicon("actors")
    h = load_lexicon("hedges")
    adjective = _alt(t["place_adjectives"])
    noun = _alt(t["place_nouns"])
    # ("25 miles from the country's capital, @1": the name in apposition)
    tail = (
        rf"\s+(?:(?:the|a|an)\s+)?(?:(?:{adjective}\s+){{0,3}}{noun}\s+(?:of\s+)?"
        r"|(?:[\w'-]+\s+)?(?:capital|regional\s+cent(?:re|er))\s*,\s*)?$"
    )
    w = r"(?<![\w'-])"
    return Context(
        join=re.compile(
            # "@1 in April and @2": a time phrase may sit before the conjunction
            r"(?:\s+(?:in|on|by)\s+[a-z]+(?:\s+\d{1,4})?|\s+(?:last|this)\s+(?:week|month))?"
            r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+|\s*[-/–]\s*|\s+as\s+well\s+as\s+"
            r"|,?\s+(?:along|together)\s+with\s+)"
            # ("control over the villages of @1 and of @2": the preposition repeated)
            r"(?:(?:the\s+(?:[a-z-]+\s+)?)?(?:towns?|villages?|city|cities|settlements?"
            r"|localit(?:y|ies)|hamlets?)\s+of\s+|(?<=and\s)of\s+"
            # ("raised the flag over @1, and elsewhere in @2": the place preposition repeated)
            r"|(?<=and\s)(?:also|elsewhere)\s+(?:in|over)\s+)?"
        ),
        region_after=re.compile(rf"^\s*{_alt(n['region_after'])}(?![\w-])"),
        direction_after=re.compile(rf"^\s*{_alt(n['direction_after'])}(?![\w-])"),
        not_target_after=re.compile(rf"^{_alt(n['not_target_after'])}"),
        reference_before=re.compile(w + _alt(n["reference_before"]) + tail),
        soft_before=re.compile(w + _alt(n["soft_before"]) + tail),
        river_before=re.compile(w + rf"(?:the|{_alt(n['river_before'])})\s+$"),
        rivers=frozenset(n["rivers"]),
        dateline_after=re.compile(
            # ("KYIV (Reuters) -": a hyphen closes a dateline only after its bracketed source)
            r"^\s*(?:\[[^\]]*\]\s*)?(?:,[^—:;@]{0,40}?)?\s*(?:\([^)]*\)\s*(?:—|–|-{1,2}|:)|—|:)"
        ),
        capitals=dict(a["capitals"]),
        capital_after=re.compile("^" + a["capital_as_actor_after"]),
        capital_before=re.compile(a["capital_as_actor_before"]),
        clause=re.compile(
            r";|:|\s—\s|,\s*(?=(?:as|while|but|and|after|which|where|who|when|although|though"
            r"|since|whereas|before|because|saying|adding|dealing|amid)\b)"
            r"|(?<![\w-])(?:as|while|whereas|after|before|because|although|though|amid|but)\s"
            r"(?!well\b|much\b|many\b|far\b|part\b|per\b|quoted\b|a\s+result\b|of\b|soon\b)"
            # "… a town captured by Russian forces in February and that he had moved …": a
            # second reported clause
            r"|(?<![\w-])and\s+that\s"
        ),
        blockers=compile_words(h["blockers"]),
        contested_blockers=compile_words(h["contested_blockers"]),
        goal_before=re.compile(r"(?<![\w'-])" + alternation(h["goal_before_gerund"]) + r"\s+$"),
        goal_infinitive=re.compile(
            rf"(?<![\w'-])(?!{alternation(h['done_before_infinitive'])}\s)[\w'-]+\s+to\s+"
            r"(?:(?:fully|finally|completely|quickly|eventually|also)\s+)?$"
        ),
        result_before=compile_words(h["result_before_infinitive"]),
        future=compile_words(h["future"]),
        denials=compile_words(h["denials"]),
        unverified=compile_words(h["unverified"]),
        negations=re.compile(alternation(h["negations"])),
        # (an aside between commas too: "have not, in fact, taken")
        negation_gap=re.compile(rf"(?:,?\s+{alternation(h['negation_gap'])},?)*\s*"),
        claim_denial_verbs=(*h["claim_denial_verbs"], *h["claim_label_verbs"]),
        claim_denials=re.compile(
            rf"{w}(?:{_alt(h['claim_denial_verbs'])}\s+(?:{_alt(h['claim_determiners'])}\s+)*"
            rf"{_alt(h['claim_nouns'])}|{_alt(h['claim_label_verbs'])}\s+"
            rf"(?:{_alt(h['claim_determiners'])}\s+)+{_alt(h['claim_nouns'])}\s+(?:as\s+)?"
            rf"{_alt(h['claim_verdicts'])})(?![\w-])"
        ),
        sourced_claim=re.compile(
            r"\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
            # the source: a possessive (its apostrophe may be gone from a frame), a side, a
            # pronoun
            r"(?:[\w.-]+['’]s?|(?!(?:various|previous|numerous|these|those|this|the|earlier"
            r"|such)\s)[\w-]+s|russian|ukrainian|kremlin|moscow|kyiv|its|their|his|her)"
            rf"\s+(?:(?:fake|false|latest|new|earlier)\s+)?{_alt(h['claim_nouns'])}\b"
            # "dismissed statements by the chief of Russia's general staff that …"
            rf"|\s+(?:the\s+|an?\s+)?(?:(?:fake|false|latest|new|earlier|recent)\s+)?"
            rf"{_alt(h['claim_nouns'])}\s+(?:by|from)\s+(?!(?:the\s+)?(?:media|press)\b)"
            r"(?:[\w.'’-]+\s+){1,7}?(?=that\b)"
        ),
        claim_about=re.compile(
            rf"{w}{_alt(h['claim_nouns'])}\s+(?:about|of|on|regarding|concerning|claiming"
            r"|alleging|asserting)\s+(?:the\s+)?(?:[\w-]+\s+)?$"
            # "the alleged capture of @1", "did not confirm @1's capture": the enemy's word
            r"|\b(?:alleged|purported|supposed|so-called)\s+(?:[\w-]+\s+)?$"
            r"|(?:\bnot|n't|\bnever)\s+(?:yet\s+)?confirm(?:ed)?\s+(?:the\s+)?$"
        ),
        held_copula=re.compile(_alt(t["held_copulas"]) + r"(?![\w-])"),
        still_pending=compile_words(h["still_pending"]),
        direct_subject=re.compile(
            # "@0 village in the Zaporizhzhia region was taken over": a noun after the name
            # ("@0 city was retaken by the Ukrainian army": the noun before the verb)
            r"@(\d+)\s*(?:\([^)]*\)\s*)?(?:\s+(?:village|town|city|settlement)"
            r"(?:(?=\s+in\s)|\s*$)"
            # "@0 and @1 settlements are liberated": a plural noun after a list
            r"|(?<=\d)\s+(?:settlements|villages|towns|localities)\b\s*)?"
            # "#" stands for a place that only qualifies the subject ("@0 near the town of #",
            # "@0, 20 km south of #,"), masked by the parser
            rf"(?:\s+(?:{_alt(n['soft_before'])}|{_alt(n['reference_before'])})\s*[^,@;#]{{0,40}}?#"
            r"(?:\s+(?:city|town))?\s*)?"  # "… northeast of Kherson city had been liberated"
            # "@0 north of the megacity has been liberated": a landmark named by a noun
            r"(?:\s+(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of\s+the\s+(?:[\w-]+\s+)?"
            r"(?:city|town|megacity|capital|regional\s+cent(?:er|re))\s*)?"
            # "@0 in the Donetsk region was liberated": the region only qualifies the subject
            # (or by its centre alone, a region already: "@0 in Sumy have fallen")
            # ("@0 in the northern Kyiv region had been retaken": a compass point may come first)
            # ("@0 in the @1 hromada in @2 oblast are under …": a community, then its oblast)
            r"(?:\s+(?:in|of)\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?"
            r"(?:(?:ukraine|russia)['’]s\s+)?"
            r"(?:(?:north|south)(?:[-\s]?(?:east|west))?ern\s+|eastern\s+|western\s+|central\s+)?"
            r"(?:#(?:\s+(?:region|oblast|province|district|hromada|raion|community"
            r"|area|people's\s+republic))?|dpr|lpr|[dl]nr"
            # "@0 outside # in north eastern ukraine have all been retaken": the country too
            r"|(?<=ern\s)(?:ukraine|russia)(?![\w'’-]))(?:\s+of\s+(?:ukraine|russia))?\s*){0,2}"
            # "@0 and @1 - all in the Sumy region - had been occupied": an aside locating them
            r"(?:\s*[-–—,(]\s*(?:all|both|each)\s+(?:of\s+them\s+)?(?:located\s+|situated\s+)?in\s+"
            r"(?:the\s+)?#(?:\s+(?:region|oblast|province|district|area))?\s*[-–—,)]\s*)?"
            # "@0, @1 and others were liberated"
            r"(?:,?\s+and\s+(?:many\s+|several\s+|some\s+)?others\s*)?"
            # "@0 and their outskirts have been liberated"
            r"(?:,?\s+and\s+(?:their|its|the)\s+(?:outskirts|surroundings|environs"
            r"|surrounding\s+areas?)\s*)?"
            # "@0, @1 and the whole Kyiv region were liberated": the region ends the subject
            r"(?:,?\s+and\s+(?:the\s+)?(?:whole\s+|entire\s+|rest\s+of\s+(?:the\s+)?)?#\s+"
            r"(?:region|oblast)\s*)?"
            # an appositive may hold numbers with commas ("of around 20,000 people")
            r"(?:,\s*(?:[^,@;]|,(?=\d)){1,160}?,\s*|,\s*(?:the|a|an|one\s+of\s+the)\s+"
            r"(?:[^,@;]{1,60}?\s+)?|,\s*|\s*—\s*"  # "three villages – @0 – were taken"
            # "@0 and @1, significant urban centers still under …": a plural appositive
            r"|,\s*(?:[\w-]+\s+){0,3}?(?:cities|towns|villages|settlements|cent(?:er|re)s|hubs"
            r"|strongholds)\s+"
            # "@0 is the largest city in the # region still under …": a predicate noun that
            # a status describes (only for a status: see subject_of)
            r"|(?P<pred>\s+(?:is|are|remains?)\s+(?:(?:one|two)\s+of\s+)?"
            r"the\s+(?:[^,@;.]{1,60}?\s+)?))?"
            # a first predicate before the trigger's ("@0 has not fallen and remains …")
            r"(?:(?:has|have|had|is|was|are|were)\s+(?:not\s+|never\s+)?(?:yet\s+)?[\w-]+\s+"
            r"(?:and|but)\s+)?"
            # "shows @0 as controlled by …": a map's or a report's statement
            # "@0 too has been liberated"
            r"(?:(?:which|that|who)\s+|as\s+)?(?:(?:now|still|also|too|reportedly|allegedly"
            r"|apparently|already|finally)\s+)*"
            # "@0 appears to have been captured", "@0 is believed to be under …": a raising
            # verb between the subject and the trigger
            r"(?:(?:appears?|appeared|seems?|seemed|(?:is|are|was|were)\s+(?:now\s+)?"
            r"(?:believed|thought|said|reported|understood|alleged|assumed|presumed|known"
            r"|considered|confirmed|likely))\s+(?:(?:now|still|also)\s+)?(?:to\s+)?)?$"
        ),
        anaphor=re.compile(
            w + r"(?:it|which|that|(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:city|town|village|settlement|locality|hub|stronghold|place|area)(?:\s+itself)?"
            # a list before: "both villages", "both of which", "the two settlements"
            r"|both\s+of\s+(?:which|them)|(?:both|these|the\s+two|the\s+three|all\s+three)\s+"
            r"(?:[\w-]+\s+)?(?:villages|settlements|towns|cities|localities))\s*"
            # "…, which officials said was recaptured": a speech clause inside the relative
            r"(?:(?:[\w'-]+\s+){1,4}?(?:said|says|claimed|claims|reported|believe[sd]?"
            r"|confirmed)\s+(?:(?:earlier\s+)?(?:on\s+)?[a-z]+day\s+|earlier\s+)?)?"
            r"(?:,[^,@;]{1,60},\s*)?(?:(?:now|still|also|reportedly|finally)\s+)*$"
        ),
        anaphoric_nouns=frozenset(t["anaphoric_nouns"]),
        # "@1, which …", "@1 city, which …"
        relative=re.compile(
            # ("@1 (also known as @2) which was liberated": an aside in brackets, no comma)
            r"@(\d+)(?:\s+(?:city|town))?(?:\s*,|\s*\((?:[^()@]|@\d+){1,60}\)\s*,?)\s*(?:which|that)\b"
            r"[^;@]*(?:@\d+[^;@]*)*$"
        ),
        # "was taken (under control) by Russian forces"
        agent=re.compile(
            r"^\s*,?\s*(?:back\s+|(?:over|under\s+(?:the\s+)?(?:(?:full|complete)\s+)?control)\s+"
            # "liberated thanks to the offensive actions taken by Russian troops"
            # (…"following successful offensive actions carried out by units of the Vostok
            # group")
            r"|(?:thanks\s+to|following|after|as\s+a\s+result\s+of|in\s+the\s+course\s+of)\s+"
            r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:actions?|operations?|efforts?"
            r"|offensive)\s+(?:(?:taken|carried\s+out|conducted|undertaken)\s+)?(?=by\s))?"
            r"(by|from|to|of)\s+"
        ),
        # "the capture of @1 (by Ukrainian forces)(, which …,) would be a setback"
        modal_after=re.compile(
            # ("the fall of @1 to Russia could threaten …")
            r"(?:\s+(?:by|to)\s+[^,;:@.]{1,60}?)?(?:\s*,[^,;:.]{1,160},)?"
            # ("the liberation of @1 and part of the @2 region would provide water")
            r"(?:\s+and\s+(?:(?:part|parts|the\s+rest|all)\s+of\s+)?(?:the\s+)?@\d+"
            r"(?:\s+(?:region|oblast|area))?)?"
            r"\s*(?:would|could|will|may|might|should|can)\b"
        ),
        needs_force=re.compile(_alt(t["needs_force_subject"]) + "$"),
        force_nouns=compile_words(t["force_nouns"]),
        person_subject=re.compile(
            # ("local officials in the @0 region have left @1": a place of theirs between)
            rf"{w}{_alt(t['person_heads'])}\s+(?:(?:in|of|from)\s+(?:the\s+)?(?:[\w@'-]+\s+){{1,3}}?)?"
            rf"(?:{_alt(t['aux_words'])}\s+)*$"
        ),
        withdraw_direct=re.compile(_alt(t["withdraw_direct_verbs"])),
        # "almost completed the clearing of @1": a gain not yet made
        partial_before=re.compile(
            # ("was almost completely liberated": the adverb of degree it limits too; "almost
            # entirely lost" is reported as the loss it all but is)
            rf"(?<![\w-]){_alt(t['partial_adverbs'])}\s+(?:(?:completely|fully)\s+)?"
            r"(?:(?:completed|finished|complete)\s+(?:the\s+)?)?$"
        ),
        entry_verbs=frozenset(t["entry_verbs"]),
        fighting_after_entry=re.compile(t["fighting_after_entry"]),
        rest_after=re.compile(
            rf"[^.;]{{0,80}}?(?:\b(?:for\s+(?:the\s+)?(?:[\w-]+\s+)?|to\s+)"
            rf"{_alt(t['rest_purposes'])}\b|(?<![\w-]){_alt(t['relief_after'])}(?![\w-]))"
        ),
        # "70% of the Donetsk region city of @1": a region may qualify the noun
        share_before=re.compile(
            w
            + _alt(t["partial_shares"])
            + r"\s+(?:(?:the|a|an)\s+)?(?:(?:@\d+\s+(?:region|oblast|province)\s+)?"
            # ("parts of the beleaguered city of @1": any words describing it)
            + rf"(?:(?:{adjective}|(?!(?:in|near|of|from|to|by|at|and)\b)[\w-]+)\s+){{0,3}}"
            + rf"{noun}\s+(?:of\s+)?)?$"
        ),
        possessive_nominal=re.compile(rf"^'s\s+{_alt(t['possessive_nominals'])}(?![\w-])"),
        liberation=re.compile(_alt(t["liberation_words"])),
        occupation=re.compile(_alt(t["occupation_words"])),
        held_since=frozenset(t["held_since_verbs"]),
        background=re.compile(rf"(?<![\w-])(?:{_alt(t['background_before'])})$"),
        counted_places=re.compile(
            rf"(?<![\w-])(?:{_alt(t['counts'])})\s+(?:[\w-]+\s+){{0,2}}?{_alt(t['list_nouns'])}"
            r"(?![\w-])"
        ),
        list_noun=re.compile(rf"(?<![\w-]){_alt(t['list_nouns'])}(?![\w-])"),
        counted_capture=re.compile(
            rf"(?<![\w-])(?:{_alt(t['capture_verbs'])}|{_alt(t['control_verbs'])}\s+"
            rf"(?:(?:full|complete|total)\s+)?control\s+(?:of|over)"
            # "full control was established over @1 and a number of nearby settlements"
            rf"|control\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:established"
            rf"|taken|gained|assumed)\s+(?:of|over)"
            rf"|(?:capture|seizure|liberation|takeover)\s+of)"
            # "established full control over @1 and a number of nearby settlements"
            rf"\s+(?:@\d+\s+and\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_alt(t['counts'])})\s+(?:[\w-]+\s+){{0,2}}?"
            rf"{_alt(t['list_nouns'])}(?![\w-])"
            # "said its forces had seized settlements in the Donetsk and Kharkiv regions": no
            # count, but a plural noun right after the verb leaves the places to name
            rf"|(?<![\w-])(?:{_alt(t['capture_verbs'])})\s+{_alt(t['list_nouns'])}\s+in\s"
            # "they had recaptured a village from Russian forces": one place, named later
            rf"|(?<![\w-])(?:{_alt(t['capture_verbs'])})\s+(?:a|another)\s+(?:[\w-]+\s+)?"
            r"(?:village|settlement|town)\s+(?:from|in|on|near|back)\s"
            # "Seven settlements were de-occupied.": the passive of a counted capture
            rf"|(?<![\w-])(?:{_alt(t['counts'])})\s+(?:[\w-]+\s+){{0,2}}?{_alt(t['list_nouns'])}\s+"
            # "five settlements in @1 region were liberated"
            r"(?:(?:in|of|near|around)\s+(?:the\s+)?(?:@\d+|[\w-]+)(?:\s+(?:region|oblast|district"
            r"|area|direction|sector))?\s+)?"
            rf"(?:(?:have|has|had)\s+)?(?:been|were|was)\s+(?:(?:already|now|also|fully)\s+)?"
            rf"(?:{_alt(t['passive_capture'])})(?![\w-])"
        ),
        durative=re.compile(
            r"\s*,?\s*(?:for\s+(?:more\s+than\s+|almost\s+|nearly\s+|about\s+|over\s+|some\s+)?"
            r"(?:\w+\s+)?(?:months|weeks|years)\b|since\s)"
        ),
    )


@cache
def _rule_index() -> tuple[dict[str, tuple[int, ...]], frozenset[str]]:
    """Rules by key word, and the key words as a set to intersect a sentence's words with."""
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules()):
        for word in rule.keys:
            index.setdefault(word, []).append(i)
    return {word: tuple(found) for word, found in index.items()}, frozenset(index)


@cache
def _key_pattern() -> re.Pattern[str]:
    """Any rule key word as a whole word of :func:`words_of`: one scan finds only the few
    words that matter instead of every word of the text."""
    _index, keys = _rule_index()
    return re.compile(rf"(?<![a-z]){alternation(sorted(keys))}(?![a-z])")


def key_words_in(text: str) -> frozenset[str]:
    """The rule key words among the words of lowercase ``text`` (``words_of(text)`` narrowed to
    the key words)."""
    return frozenset(_key_pattern().findall(text))


def rules_for(words: Iterable[str]) -> list[Rule]:
    """The rules whose key words occur among ``words``, in rule order."""
    return list(rules_keyed(words))


def rules_keyed(words: Iterable[str]) -> tuple[Rule, ...]:
    """:func:`rules_for` as a shared tuple, for callers that only read it."""
    index, keys = _rule_index()
    present = keys.intersection(words)
    # Sentences name few key words, and few combinations of them occur: each is looked up once.
    chosen = _by_keys.get(present)
    if chosen is None:
        if len(_by_keys) >= _BY_KEYS_MAX:
            _by_keys.clear()
        found = {i for word in present for i in index[word]}
        table = rules()
        chosen = _by_keys[present] = tuple(table[i] for i in sorted(found))
    return chosen


_BY_KEYS_MAX = 10_000
_by_keys: dict[frozenset[str], tuple[Rule, ...]] = {}


@cache
def rules() -> tuple[Rule, ...]:
    """All trigger rules, compiled from ``triggers.json`` and ``actors.json``."""
    t = load_lexicon("triggers")
    a = load_lexicon("actors")
    obj = _object()
    part_obj = _object(part=True)
    # where positions a side falls back to lie: not in or at the place itself
    taken_links = _alt([x for x in t["withdraw_position_links"] if x not in {"in", "at"}])
    # Tokens (@N) name no side inside an adjective slot.
    side_adj = _alt(
        [
            s
            for s in (*a["RU"], *a["UA"], *a["RU_adjectives"], *a["UA_adjectives"])
            if not s.startswith("@")
        ]
    )
    # "under our control", "remained under its control": the speaker's side
    # "the 6th Russian Army": a numbered formation names its side too
    # "the self-proclaimed Luhansk republic": a separatist republic, named by its region
    # "under the control of soldiers of the 67th Separate Mechanized Brigade": the men of a side
    side_any = (
        r"(?:(?:(?:the\s+)?(?:soldiers|troops|fighters|servicemen|units|defenders|warriors)\s+of\s+)?"
        rf"(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+(?:separate\s+)?)?{side_adj}"
        rf"(?:\s+{_alt(a['generic'])})?|our|its|their|(?:the\s+)?enemy"
        r"|(?:the\s+)?(?:self-proclaimed\s+)?@\d+\s+(?:people's\s+)?republic)"
        # ("routes … controlled by Russian drones": fire control, not ground)
        r"(?!\s+(?:drones?|uavs?|fpv|artillery|fire)\b)"
    )
    w = r"(?<![\w'-])"
    # "moved to more advantageous positions": a fall-back told as a move to better lines
    moved_to_lines = (
        rf"(?P<v>{_alt(t['euphemism_moves'])})\s+to\s+(?:the\s+)?"
        rf"{_alt(t['euphemism_targets'])}\s+{_alt(t['euphemism_lines'])}(?![\w-])"
    )
    # "occupied cities such as @1": before a bare plural place noun, an adjective, no verb
    not_adjective = (
        rf"(?!occupied\s+(?:ukrainian\s+)?(?:{_alt(t['list_nouns'])}|territories)(?![\w-]))"
        # "assaults near Kreminna, as well as recently liberated @1": an adjective too
        + "".join(
            rf"(?<!\b{before}\s{recent}\s)"
            for before in ("near", r"as\swell\sas", "towards", "toward", "including", "around")
            for recent in ("recently", "newly")
        )
    )
    not_falling = "".join(
        rf"(?<!{noun}\s)"
        for noun in (
            *("missile", "rocket", "shell", "drone", "bomb", "projectile", "fragment"),
            *("missiles", "rockets", "shells", "drones", "bombs", "fragments", "debris"),
            "wreckage",
        )
    )
    force_np = (
        # ("regroup some of its troops from @1", "part of the forces")
        r"(?:(?:(?:some|part|most|all|many|half|several|the\s+bulk|the\s+majority|the\s+rest"
        r"|the\s+remainder)\s+of\s+)?"
        r"(?:of\s+)?(?:(?:its|their|our|the|his|her|all|some|most|remaining|enemy|several"
        r"|occupation|occupying|invading|invasion|defen[cs]e|armed"  # "the defense forces"
        rf"|two|three|[\w-]+-strong|{side_adj})\s+){{0,3}}"
        r"(?:troops|forces|units|soldiers|fighters|personnel|servicemen|contingent|garrison"
        r"|brigades?|battalions?|army|military|group(?:ing)?(?:\s+of\s+(?:forces|troops))?)\s+"
        # "the withdrawal of units of the Ukrainian armed forces from @1"
        rf"(?:of\s+(?:the\s+)?(?:{side_adj}\s+)?(?:armed\s+forces|army|military|forces|troops)"
        rf"(?:\s+of\s+(?:{side_adj}))?\s+)?"
        # "withdrew troops and equipment from @1"; equipment alone leaves, the troops stay
        r"(?:and\s+(?:(?:its|their|military|heavy)\s+)?(?:equipment|weapons|hardware)\s+)?)"
    )
    # a determiner or a side's adjective before a verb that is also a noun ("their push")
    not_a_noun = "".join(
        rf"(?<!\b{word}\s)"
        for word in ("a", "the", "their", "its", "our", "his", "this", "ukrainian", "russian")
    )
    positions = (
        # ("its forward defensive position at @1": up to two adjectives before the noun)
        rf"(?:(?:(?:its|their|our|his|the)\s+)?(?:(?:forward|frontline|front-line|advanced"
        rf"|fortified|defensive)\s+){{0,2}}{_alt(t['withdraw_positions'])}\s+"
        rf"{_alt(t['withdraw_position_links'])}\s+)"
    )
    # "in some areas", "in certain sections": where along a line, not a place
    some_areas = (
        r"in\s+(?:some|certain|several|a\s+number\s+of|two|three|separate)\s+"
        r"(?:areas|places|spots|sectors|sections)"
    )
    aux = _alt(t["aux_words"])
    # "regained lost positions": after these words a leaving verb is an adjective
    adjectival = "".join(rf"(?<!\b{re.escape(word)} )" for word in t["participle_markers"])
    # ("was liberated in the @1 region" names where, not what)
    no_object = (
        r"(?!\s+(?:(?:full|complete)\s+)?(?:control\s+(?:of|over)\s+)?"
        # ("was liberated together with @2" names a second place taken, no object)
        r"(?!(?:along|together)\s+with\b)(?:[\w-]+\s+){0,3}"
        r"@(?!\d+\s+(?:region|oblast|province|district)\b))"
    )

    # a gain named by a noun ("claimed the capture of two villages, @1 and @2"); a loss or
    # a fall names no winner
    gains = _alt([n for n in t["capture_nouns"] if n not in {"fall", "loss"}])
    # names the gazetteer lacks, ahead of a known one in a list ("including Berdychi and @2")
    unknown_names = r"(?:[\w'-]+(?:\s+[\w'-]+)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)){0,3}"
    listed_names = r"(?:[\w'-]+(?:\s+[\w'-]+)?\s*,\s*){1,3}(?:(?:and\s+)?(?=@)|[\w'-]+\s+and\s+)"
    # "@1, a village that …": the place noun of an appositive before a relative clause
    # "including the largest ones:", "among them the biggest,"
    largest = (
        rf"(?:(?:the\s+)?{_LARGEST}(?:\s+ones?|\s+of\s+them)?\s*(?:[:—–,]|\s+(?:are|were))?\s*)?"
    )
    appositive_noun = (
        rf"(?:(?:a|an|the|another)\s+(?:[\w-]+\s+){{0,2}}?{_alt(t['place_nouns'])}\s+"
        # "a town in Kharkiv region that …", "a strategic town in Ukraine's east that …"
        r"(?:in\s+(?:the\s+)?(?:(?:@\d+|[\w'’-]+)\s+){0,2}?"
        r"(?:east|west|south|north|region|oblast|province|ukraine|russia|donbas)\s+"
        # "another village near @1, that Russia said it had captured"
        r"|(?:near|outside|close\s+to)\s+@\d+\s*,?\s+)?)"
    )
    appositive = rf"{appositive_noun}?"
    # a line beyond the places, which are left behind: "west of @1", "west of the villages of
    # berdychi, @1 and @2"
    beyond = (
        rf"(?:west|east|north|south)\s+of\s+(?:the\s+{_alt(t['list_nouns'])}\s+of\s+)?"
        rf"{unknown_names}{obj}"
    )
    # a list opening with a name the gazetteer lacks ("seized striliche, @1, @2 and @3"); the
    # parser takes it only before a list of several places
    # "captured @1" after a name the gazetteer lacks: "Kleban-Byk, @1" (a comma alone may end
    # an object: "captured equipment, @1 officials said") or "Kleban-Byk and @1"
    # names the gazetteer lacks, with their region, before a known one ("Derylove and Maiske in
    # the Donetsk region, as well as @1 in the Dnipropetrovsk region")
    unknown_in_region = (
        r"(?:(?!(?:it|them|positions|control)\s)[\w'-]+(?:\s*,\s*[\w'-]+){0,3}\s+and\s+[\w'-]+\s+in\s+"
        r"(?:the\s+)?@\d+\s+(?:region|oblast)\s*,?\s+(?:as\s+well\s+as|and)\s+"
        r"(?:(?:the\s+)?(?:village|town|city|settlement)\s+of\s+)?)"
    )
    list_head = (
        r"(?:(?P<head>[\w'-]+)\s*,\s*|(?!(?:it|them|positions|control)\s)[\w'-]+\s+and\s+"
        # "captured Karmazinovka, Myasozharovka and @1": names the gazetteer lacks (no English
        # words: "captured weapons, ammunition and …" is checked by the parser)
        r"|(?P<unlisted>(?:[\w'-]+\s*,\s*){1,3}[\w'-]+\s+and\s+)"
        rf"|{unknown_in_region})?"
    )
    # flags are raised only over places: "flags in pravdyne and @1" names two of them
    flag_list_head = r"(?:(?P<head>[\w'-]+)\s*(?:,\s*(?:and\s+)?|\s+and\s+))?"
    flag_raised = (
        r"(?P<v>raised|raises|raise|raising|hoisted|hoists|hoist|hoisting|planted|plants|plant"
        r"|planting|unfurled|unfurls|unfurling|unfurl|unfolded|unfolding|put\s+up|puts\s+up"
        r"|holding\s+up|holding|held\s+up"
        r"|hold\s+up|holds\s+up|returned|returning|restored|restoring"
        # "posing with their unit's flag in the adjacent village of @1"
        r"|posing\s+with|posed\s+with)"
    )
    # a flag raised in "the Russian-occupied village of @1" is resistance, not liberation
    flag_place = (
        r"(?!(?:the|an?)\s+(?:[\w-]+\s+)?(?<!formerly\s)(?<!previously\s)(?<!once\s)"
        r"(?:\w+-)?occupied\b)"
    )
    # whose flag: "the flag of Ukraine", "the flags of the Russian Federation"
    flag_side = rf"(?:{side_adj}|russian\s+federation|russia|ukraine)"
    # words between a flag and its verb: "the Ukrainian flag was officially raised"
    flag_aux = (
        r"(?:(?:was|were|has|have|had|been|is|are|now|again|once|officially|finally|already|proudly"
        r"|solemnly|also|reportedly)\s+)"
    )
    # "… over the village of @1", "… in the centre of @1 and @2"
    flag_over = (
        # ("returned the flag of their country to @1": the raisers' own)
        r"(?:\s+of\s+(?:their|its|his|our)\s+country)?"
        # "holding the flag aloft in triumph in @1"
        r"(?:\s+(?:aloft|high|proudly|triumphantly))?(?:\s+in\s+(?:triumph|celebration))?"
        # ("raising the flag in front of the @1 city hall": before its town hall)
        rf"\s+(?:over|in|above|on|at|to|(?P<front>in\s+front\s+of|outside))\s+{flag_place}"
        rf"(?:(?:the|a)\s+[\w@\s-]{{1,30}}?\s+(?:in|of)\s+)?{flag_list_head}"
        # "raised the Ukrainian flag over the liberated @1"
        r"(?:the\s+(?:newly\s+|recently\s+)?(?:liberated|recaptured|retaken|freed|de-?occupied)\s+"
        r"(?=@\d))?"
        rf"{obj}(?(front)(?=\s+(?:city|town|village)\s+(?:hall|council|administration)))"
    )

    # what soldiers do with a flag they bring to a place
    flag_hands = ["waving", "waves", "waved", "raising", "raises", "raised", "hoisting", "hoisted"]
    flag_hands += ["hoists", "planting", "planted", "plants", "unfurling", "unfurled"]

    # a flag taken down: "removed the Russian flag in @1", "… from the council building in @1"
    flag_removal = _alt(t["flag_removal_verbs"])
    flag_down_at = (
        # "pull down a Russian flag hoisted on a building in @1"
        r"(?:\s+(?:hoisted|raised|flying|installed|placed|hung)\s+(?:on|over|above|at)\s+"
        r"(?:the|a|an)\s+[\w-]+(?:\s+[\w-]+)?)?"
        rf"\s+(?:from|over|in|above|on|at)\s+{flag_place}"
        rf"(?:(?:the|a)\s+[\w\s-]{{1,30}}?\s+(?:in|of)\s+)?{flag_list_head}{obj}"
    )

    # leaving words among the euphemisms' verbs ("retreated", not "moved")
    retreats = [
        v
        for v in t["euphemism_moves"]
        if v in t["withdraw_from_verbs"] and not v.startswith(("relocat", "redeploy"))
    ]

    def r(kind: str, event: str, shape: Shape, source: str, weight: float, *keys: str) -> Rule:
        pattern = re.compile(source)
        return Rule(kind, event, shape, pattern, weight, key_words(keys), required_text(pattern))

    held_states = []
    for state in t["held_states"]:
        text = state.replace(" ", r"\s+").replace("{side}", rf"(?P<side>{side_any})")
        copula = _alt(t["held_copulas"])
        adverbs = rf"(?:{_alt(t['state_adverbs'])}\s+)*"
        held_states.append(
            r(
                "held_state",
                "held",
                "subject",
                rf"(?:{w}{copula}\s+)?{adverbs}{w}{text}(?![\w-])",
                0.75,
                state.replace("{side}", ""),
            )
        )
    # the place itself as a clause's subject, perhaps with an appositive (not "the language in
    # @1 is …")
    place_subject = r"(?<!\bin\s)(?<!\bof\s)@(?P<g>\d+)(?:\s*,[^,;:@]{1,60},)?\s+"
    # "@1 is ours" (the speaker's side holds it); "@1 is not ours", "no longer ours": the
    # other side took it
    held_states.append(
        r(
            "held_state",
            "held",
            "object",
            rf"{place_subject}(?:is|was|are|were|remains|remained)\s+(?:(?:now|already|still)\s+)?"
            r"(?:(?:not|no\s+longer)\s+)?(?P<side>our)s(?![\w-])",
            0.7,
            "ours",
        )
    )
    # "@1 is no longer Ukrainian": the other side took it (the place itself the subject: not
    # "the language in @1 is no longer Russian")
    held_states.append(
        r(
            "held_state",
            "held",
            "object",
            rf"{place_subject}(?:is|was|are|were)\s+(?:now\s+)?no\s+longer\s+"
            r"(?P<side>ukrainian|russian)(?![\w-])",
            0.65,
            "longer",
        )
    )
    # "@1 was, is and will be Ukrainian", "@1 remains Ukrainian": the speaker's vow of a hold
    held_states.append(
        r(
            "held_state",
            "held",
            "object",
            rf"{place_subject}(?:was\s*,?\s+is\s*,?\s+and\s+will\s+be|is\s+and\s+will\s+be"
            r"|was\s+and\s+remains|remains|remained|is\s+still|will\s+always\s+be)\s+"
            r"(?P<side>ukrainian|russian)(?![\w-])",
            0.65,
            "ukrainian",
            "russian",
        )
    )
    # "Ukraine's armed forces were now in complete control of @1"
    held_states.append(
        r(
            "held_state",
            "held",
            "object",
            rf"{w}(?P<side>{side_any})\s+(?:(?:armed|defen[cs]e)\s+forces\s+)?(?:(?:is|are|was|were"
            rf"|remain|remains|remained)\s+)?(?:(?:now|still|firmly|no\s+longer)\s+)*in\s+(?:(?:full|complete"
            # "are in control of the situation in the city of @1"
            rf"|total|effective|firm)\s+)?control\s+of\s+(?:the\s+situation\s+in\s+)?{obj}",
            0.7,
            "control",
        )
    )
    # "four settlements were now under its control, including @1": the places follow
    held_states.append(
        r(
            "held_state",
            "held",
            "object",
            rf"{w}under\s+(?P<side>{side_any})\s+control\s*,?\s+(?:including|among\s+them"
            rf"|such\s+as|namely)\s+{unknown_names}{obj}",
            0.7,
            "including",
            "among",
            "namely",
        )
    )
    # "Among the areas now fully under Russian control are the villages of @1 and @2"
    held_states.append(
        r(
            "held_state",
            "held",
            "object",
            rf"{w}among\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:(?:that|which)\s+(?:are|were)\s+)?"
            rf"(?:(?:now|still|currently|fully|completely|entirely)\s+)*under\s+(?P<side>{side_any})"
            rf"\s+control\s+(?:are|were|is|was)\s+(?:(?:the\s+)?(?:[\w-]+\s+)?"
            rf"{_alt(t['list_nouns'])}\s+of\s+)?{unknown_names}{obj}",
            0.7,
            "among",
        )
    )
    # "four villages he said were now held by Russian forces — @1, @2, @3 and @4"
    held_states.append(
        r(
            "held_state",
            "held",
            "object",
            # "the four villages now occupied by Russian forces: @1", "four villages are now
            # under Russian control: @1"
            # ("four villages inside the border that he said were now held by …": a relative)
            rf"{w}{_alt(t['list_nouns'])}\s+(?:(?:[\w@'-]+\s+){{0,7}}?(?:are|were|is|was)\s+"
            rf"|(?=(?:now|currently|still)\s))(?:(?:now|still|currently|fully)\s+)*(?:(?:held|controlled"
            rf"|occupied)\s+by\s+|under\s+)(?P<side>{side_any})(?:\s+control)?"
            # "the last two cities still under Ukrainian control in the Donbas region, @1 and @2"
            rf"(?:\s+in\s+(?:the\s+)?(?:@\d+\s+|[\w-]+\s+){{1,2}}(?:region|oblast|area))?"
            rf"\s*(?:[—–:]|--|\s-|,(?=\s*{unknown_names}@\d+\s*(?:[.;]|$)))\s*"
            rf"{unknown_names}{obj}",
            0.7,
            "held",
            "controlled",
            "occupied",
            "control",
        )
    )
    # "Mariupol and Volnovakha are ours!": the speaker's side holds them
    held_states.append(
        r(
            "held_state",
            "held",
            "subject",
            rf"{w}(?:is|are|was|were|remains?)\s+(?:(?:now|already|again|still|once\s+again)\s+)*"
            r"(?P<side>our)s(?![\w'-])",
            0.7,
            "ours",
        )
    )
    # "@1 and @2 are under temporary occupation": occupation with no side named is Russia's
    held_states.append(
        r(
            "held_occupation",
            "held",
            "subject",
            rf"(?:{w}{_alt(t['held_copulas'])}\s+)(?:{_alt(t['state_adverbs'])}\s+)*"
            r"under\s+(?:temporary\s+)?occupation(?![\w-])(?!\s+(?:by|of)\b)",
            0.7,
            "occupation",
        )
    )
    # "the remaining cities still under Ukrainian control, @1 and @2", "towns under Ukrainian
    # government control such as @1": places named after the status of their kind
    held_states.append(
        r(
            "held_state",
            "held",
            "object",
            rf"{w}(?:{_alt(t['list_nouns'])}|cities)\s+(?:(?:that|which)\s+(?:are|remain|were"
            r"|remained)\s+)?"
            rf"(?:(?:still|now|currently)\s+)?under\s+(?P<side>{side_any})\s+(?:government\s+"
            rf"|military\s+)?control\s*(?:[,:—–]\s*|\s+)(?:(?:including|such\s+as|namely|like)\s+)?"
            rf"{unknown_names}{obj}",
            0.7,
            *t["list_nouns"],
            "cities",
        )
    )
    return (
        r(
            "control",
            "captured",
            "object",
            # "declared Ukraine's complete control over the city of @1", "announced complete
            # Russian control over @1": the side named holds it
            rf"{w}(?P<v>{_alt(t['control_verbs'])})\s+(?:back\s+)?"
            rf"(?:(?:full|complete|total|effective|firm)\s+(?=[\w-]+\s+control\b))?"
            rf"(?:(?P<side>{side_adj})(?:['’]s)?\s+)?"
            rf"(?:(?:full|complete|total|partial|effective|firm)\s+)?control\s+(?:of|over)\s+"
            rf"{unknown_in_region}?{obj}",
            0.85,
            "control",
        ),
        r(
            "active",
            "captured",
            "object",
            rf"(?<!\bin )(?<!\bof )(?<!\bthe )(?<!temporarily )(?<!-){w}"
            rf"{not_adjective}(?P<v>{_alt(t['capture_verbs'])})\s+"
            rf"(?:(?:full|complete|total|back|effectively)\s+)?"
            # "liberated from the Russian invaders the villages of @1 and @2"
            rf"(?:from\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:invaders|occupiers|enemy|russians"
            rf"|troops|forces)\s+)?{list_head}{obj}",
            0.85,
            *t["capture_verbs"],
        ),
        r(
            "active",
            "captured",
            "object",
            # "Russia's claims of capturing the @1 village": the claim names the gain (not "the
            # goal of capturing @1")
            rf"{w}(?:claims?|reports?|announcements?|statements?)\s+(?:of|about)\s+(?:having\s+)?"
            rf"(?P<v>capturing|seizing|taking|liberating|occupying|retaking|recapturing|entering)"
            rf"\s+(?:(?:full|complete)\s+control\s+(?:of|over)\s+)?{list_head}{obj}",
            0.7,
            "capturing",
            "seizing",
            "taking",
            "liberating",
            "occupying",
            "retaking",
            "recapturing",
            "entering",
        ),
        r(
            "participle",
            "captured",
            "object",
            # "the recaptured areas include the villages of @1, @2 and @3": the places a gain
            # is said to include
            rf"{w}the\s+(?:newly\s+|recently\s+)?(?P<v>recaptured|liberated|captured|retaken"
            rf"|occupied|seized)\s+(?:areas|settlements|villages|towns|localities|territories)"
            rf"\s+(?:include|includes|included|are|were)\s+(?:the\s+(?:villages?|settlements?"
            rf"|towns?|localities)\s+of\s+)?{unknown_names}{obj}",
            0.7,
            "include",
            "includes",
            "included",
            "areas",
            "settlements",
            "villages",
        ),
        r(
            "active",
            "captured",
            "object",
            # "claim to have seized the first major Ukrainian city in their week-long offensive
            # - the strategic southern port of @1": the place named after a dash
            rf"(?<!\bin )(?<!\bof )(?<!\bthe )(?<!-){w}(?P<v>{_alt(t['capture_verbs'])})\s+"
            rf"(?:the|a|an|its|their)\s+(?:[\w'-]+\s+){{0,4}}?(?:{_alt(t['place_nouns'])})"
            rf"(?![\w-])[^@.;:—–()\"“”]{{0,50}}?\s(?:-|–|—|--)\s+{obj}",
            0.75,
            *t["capture_verbs"],
        ),
        r(
            "active",
            "captured",
            "object",
            # "returned Kutuzovka, Kharkiv region, under control": the verb split by its object
            rf"{w}(?P<v>returned|brought|put|took)\s+{obj}(?:\s*,\s*(?:the\s+)?"
            rf"(?:@\d+\s+)?(?:region|oblast)\s*,)?\s+(?:back\s+)?under\s+(?:(?:its|their|our|the"
            rf"|full|complete)\s+)*(?:{side_adj}\s+)?control(?![\w-])",
            0.75,
            "returned",
            "brought",
            "put",
            "took",
        ),
        r(
            "returned",
            "captured",
            "object",
            # "The following villages returned to the control of Ukraine: @1, @2"
            rf"{w}(?P<v>returned|came\s+back)\s+(?:back\s+)?(?:to|under)\s+(?:the\s+)?"
            rf"(?:control\s+of\s+(?:the\s+)?)?(?P<side>{side_adj})(?:\s+control)?\s*[:—]\s*{obj}",
            0.75,
            "returned",
            "came",
        ),
        # "@1 has returned to Ukrainian control", "… came back under the control of Ukraine"
        *(
            r(
                "returned",
                "captured",
                "subject",
                # "@1 was returned under the control of the Ukrainian military"
                rf"{w}(?:has\s+|have\s+|had\s+|was\s+|were\s+)?(?:been\s+)?(?:now\s+)?"
                rf"(?P<v>returned|came\s+back)"
                rf"\s+(?:back\s+)?(?:to|under)\s+(?:the\s+)?{control}(?![\w-])",
                0.75,
                "returned",
                "came",
            )
            for control in (
                rf"(?P<side>{side_adj})\s+control",
                rf"control\s+of\s+(?:the\s+)?(?P<side>{side_adj})",
            )
        ),
        r(
            "flag",
            "captured",
            "object",
            # "video of a Ukrainian soldier waving a flag in @1": a side's soldiers with a flag
            # over a place (their own: "a flag", "the national flag")
            rf"{w}(?P<side>{side_adj})\s+(?:[\w-]+\s+){{0,2}}?(?:soldiers?|troops|servicem[ae]n"
            r"|fighters?|marines?|paratroopers?|defenders|units?)\s+(?:(?:is|are|was|were|had|have"
            rf"|has)\s+)?(?:been\s+)?(?P<v>{_alt(flag_hands)}|holding\s+up|held\s+up)\s+"
            r"(?:a|the|their|his|its|our)\s+(?:(?:national|state)\s+)?(?:flags?|banners?)"
            rf"{flag_over}",
            0.75,
            *flag_hands,
            "holding",
            "held",
        ),
        r(
            "flag",
            "captured",
            "object",
            # "a video showed soldiers in nearby @1 waving the Ukrainian flag": the place
            # before the raisers' verb
            rf"{w}(?:soldiers|troops|servicemen|fighters|defenders|marines|paratroopers)\s+in\s+"
            r"(?:the\s+)?(?:(?:nearby|neighbou?ring|adjacent|liberated)\s+)?"
            r"(?:(?:village|town|city|settlement)\s+of\s+)?@(?P<g>\d+)\s+(?:(?:are|were)\s+)?"
            r"(?P<v>waving|raising|hoisting|unfurling|holding\s+up)\s+(?:the\s+|a\s+|their\s+)?"
            rf"(?P<side>{side_adj}|russia['’]s|ukraine['’]s)\s+(?:national\s+)?flags?(?![\w-])",
            0.7,
            *["waving", "raising", "hoisting", "unfurling", "holding"],
        ),
        r(
            "flag",
            "captured",
            "object",
            # ("Ukraine's flag was again flying over @1": the country's possessive too)
            # ("state flags had been raised in @1": a country's own flag, the speaker's side)
            rf"(?:(?P<side>{side_adj}|russia['’]s|ukraine['’]s)\s+(?:national\s+)?|{w}(?:national|state)\s+)"
            rf"flags?\s+{flag_aux}*"
            rf"(?P<v>{_alt(t['flag_verbs'])})"
            # ("was flown this Sunday in the village of @1": a time between verb and place)
            r"(?:\s+(?:this|last|on|early|late)\s+[\w-]+(?:\s+(?:morning|evening|night))?)?"
            # ("was raised by residents of the town of @1": who raised it, where they live)
            r"(?:\s+by\s+(?:local\s+)?(?:residents|locals|villagers|inhabitants|people)(?=\s+of\s))?"
            rf"\s+(?:(?:once\s+)?again\s+|once\s+more\s+)?(?:over|in|to|above|on|at|of)\s+{flag_place}(?:(?:the|a)\s+[\w\s-]{{1,30}}?\s+(?:in|of)\s+)?{flag_list_head}{obj}",
            0.8,
            *["flag", "flags", "banner", "tricolor", "tricolour"],
        ),
        r(
            "flag",
            "captured",
            "object",
            rf"{w}{flag_raised}\s+(?:(?:the|a|their|its|his)\s+)?(?:(?:(?P<side>"
            rf"{side_adj}|russia['’]s|ukraine['’]s)|national|state|blue(?:-|\s+)and(?:-|\s+)yellow|tricolou?r"
            # "raised their country's flag": the raisers' own
            r"|(?:country|nation)['’]s)\s+)*"
            rf"(?:flag|flags|banner|tricolou?r)"
            rf"{flag_over}",
            0.8,
            *["flag", "flags", "banner", "tricolor", "tricolour"],
        ),
        r(
            "flag",
            "captured",
            "object",
            # "residents welcomed Ukrainian soldiers into the centre of @1", "greeted the
            # Ukrainian troops arriving in @1": the people of a place greet the side that
            # has just taken it
            rf"{w}(?:welcom|greet)(?:ed|ing|e|es|s)?\s+(?:the\s+)?(?P<side>{side_adj})\s+"
            r"(?:soldiers|troops|forces|servicemen|army|military|units|fighters|defenders)\s+"
            r"(?:(?:arriving|returning|entering|marching)\s+|back\s+)?(?:in|into|to|at)\s+"
            rf"(?:the\s+(?:centre|center|streets|main\s+square)\s+of\s+)?{obj}",
            0.75,
            *["welcomed", "welcome", "welcoming", "welcomes", "greeted", "greet", "greeting"],
        ),
        r(
            "flag",
            "captured",
            "object",
            # "the flag of Ukraine was raised over @1"
            rf"{w}(?:national\s+|state\s+)?flag\s+of\s+(?:the\s+)?(?P<side>{flag_side})\s+{flag_aux}+"
            rf"(?P<v>{_alt(t['flag_verbs'])})(?:\s+again)?{flag_over}",
            0.8,
            *["flag", "flags"],
        ),
        r(
            "flag",
            "captured",
            "object",
            # "In the village of @1, @2 region, for the first time in eight months, the flag of
            # Ukraine again flutters": the place fronted, the flag after it
            rf"^\s*(?:in|over|above)\s+(?:the\s+(?:[\w-]+\s+)?(?:village|town|city|settlement)\s+"
            rf"of\s+)?@(?P<g>\d+)\s*,(?:(?:[^@;:.]|@\d+){{0,80}}?,)?\s*(?:the\s+)?"
            rf"(?:national\s+|state\s+)?"
            rf"flag\s+of\s+(?:the\s+)?(?P<side>{flag_side})\s+{flag_aux}*"
            rf"(?P<v>{_alt(t['flag_verbs'])})(?![\w-])",
            0.75,
            *["flag"],
        ),
        r(
            "flag",
            "captured",
            "object",
            # "raised the national flag of Ukraine over the villages of @1 and @2"
            rf"{w}{flag_raised}\s+(?:(?:the|a|their|its|his)\s+)?(?:(?:national|state)\s+)?"
            rf"(?:flag|flags|banner)\s+of\s+(?:the\s+)?(?P<side>{flag_side}){flag_over}",
            0.8,
            *["flag", "flags", "banner"],
        ),
        r(
            "flag",
            "withdrew",
            "object",
            # "removed the Russian flag in @1": the side whose flag comes down lost the place
            rf"{w}(?P<v>{flag_removal})\s+(?:(?:the|a|their|its)\s+)?"
            rf"(?P<side>{side_adj}|russia['’]s|ukraine['’]s)\s+(?:national\s+|state\s+)?"
            rf"(?:flag|flags|banner|tricolou?r){flag_down_at}",
            0.75,
            *["flag", "flags", "banner", "tricolor", "tricolour"],
        ),
        r(
            "flag",
            "withdrew",
            "object",
            # "removed the red flag of the Russian landing force over the village of @1"
            rf"{w}(?P<v>{flag_removal})\s+(?:(?:the|a|their|its)\s+)?"
            rf"(?:red\s+|national\s+|state\s+)?(?:flag|flags|banner)\s+of\s+(?:the\s+)?"
            rf"(?P<side>{side_adj})(?:\s+[\w-]+){{0,3}}?{flag_down_at}",
            0.75,
            *["flag", "flags", "banner"],
        ),
        r(
            "push",
            "captured",
            "object",
            # (not the noun: "a clear push to get to the road from @1", "their push from @1
            # towards @2", an advance from the place)
            # (nor "the Ukrainian force grouping conducted a withdrawal from @1")
            rf"{w}{not_a_noun}(?P<v>{_alt(t['push_out_verbs'])})(?!\s+to\s)"
            r"(?!\s+(?:grouping|group)s?\b)"
            rf"\s+(?P<obj>[^@,;]{{0,40}}?)\s*"
            # ("pushed Russian troops back from @1", "away from @1": from around it, which
            # they never held)
            r"(?:back\s+)?"
            rf"(?:out\s+of|(?<!back\s)(?<!away\s)from)\s+(?:{positions})?{obj}",
            0.8,
            *t["push_out_verbs"],
        ),
        r(
            "push",
            "captured",
            "object",
            # "pushed Russian forces out of three villages in Donetsk region: @1, @2 and @3"
            rf"{w}(?P<v>{_alt(t['push_out_verbs'])})\s+(?:out\s+)?(?P<obj>[^@,]{{0,40}}?)\s*(?:back\s+)?"
            # "drove Russian troops out of settlements: @1, @2, @3" (a count or none)
            rf"(?:out\s+of|from)\s+(?:the\s+)?(?:(?:{_alt(t['counts'])})\s+)?(?:[\w-]+\s+)?"
            rf"{_alt(t['list_nouns'])}"
            rf"(?:\s+(?:in|of|near)\s+(?:the\s+)?(?:@\d+\s+)?[^@:;—]{{0,30}}?)?\s*[:—]\s*{unknown_names}"
            rf"{obj}",
            0.75,
            *t["push_out_verbs"],
        ),
        r(
            "euphemism",
            "withdrew",
            "object",
            rf"{w}(?P<v>{_alt(t['euphemism_moves'])})\s+(?:(?:its|their|our)\s+(?:troops|forces"
            # ("moved to new defensive positions west of @1": two words of the kind)
            rf"|units)\s+)?to\s+(?:the\s+)?(?:{_alt(t['euphemism_targets'])}\s+){{1,2}}"
            # "moved to new frontiers, west of @1": a comma before the place's relation
            rf"{_alt(t['euphemism_lines'])}(?:\s*,\s*{_alt(t['withdraw_position_links'])}\s+"
            # "… positions in some areas around @1"
            # ("… positions in the areas of @1 and @2")
            rf"|(?:\s+{some_areas})?\s+(?:(?:{_alt(t['withdraw_position_links'])}"
            rf"|in\s+the\s+(?:areas?|vicinity)\s+of)\s+)?){obj}",
            0.75,
            *t["euphemism_lines"],
        ),
        r(
            "euphemism",
            "withdrew",
            "object",
            # "units carried out a maneuver near the settlements of @1 and @2": the General
            # Staff's word for pulling back
            rf"{w}(?P<v>carried\s+out|conducted|performed|made|completed)\s+(?:an?|the)\s+"
            rf"(?:(?:tactical|planned|necessary|organi[sz]ed)\s+)?(?:maneuver|manoeuvre)\s+"
            # "a manoeuvre at certain sections in the @1 and @2 areas"
            rf"(?:(?:at|in)\s+(?:certain|some|several)\s+(?:sections|sectors|areas|spots)\s+)?"
            rf"(?:near|around|in\s+the\s+(?:area|vicinity)\s+of|from"
            rf"|in\s+the(?=\s+@\d+(?:\s*(?:,|and)\s*@\d+)*\s+(?:areas?|sectors?)\b))\s+{obj}",
            0.65,
            "maneuver",
            "manoeuvre",
        ),
        r(
            "euphemism",
            "withdrew",
            "object",
            # "were forced to take 'more favorable positions' near the town of @1"
            # (not an attacker's gain: "managed to take more advantageous positions")
            rf"{w}(?<!managed\sto\s)(?<!able\sto\s)(?P<v>take|takes|took|taken|taking)\s+(?:up\s+)?"
            # (only positions one falls back to: not "took up defensive positions")
            rf"[\"“”']?(?:the\s+)?(?:{_alt(t['retreat_targets'])})\s+(?:{_alt(t['euphemism_lines'])})"
            # (positions taken in or at the place itself are an attacker's: "Russian forces take
            # advantageous positions in @1")
            rf"[\"“”']?\s+(?:{taken_links}"
            rf"|in\s+the\s+(?:area|vicinity)\s+of)\s+{obj}",
            0.7,
            *t["euphemism_lines"],
        ),
        r(
            "euphemism",
            "withdrew",
            "object",
            # "Ukrainian troops 'changed positions' near the village of @1", "to save the lives
            # of servicemen, positions were changed near @1": the General Staff's wording
            rf"{w}(?:(?P<v>changed|have\s+changed|has\s+changed)\s+(?:their\s+|its\s+)?[\"“”']?"
            rf"positions[\"“”']?|[\"“”']?positions[\"“”']?\s+(?:were|have\s+been|had\s+been)\s+"
            rf"changed)\s+(?:near|around|in\s+the\s+(?:areas?|vicinity)\s+of|in|at|outside"
            rf"|close\s+to)\s+{obj}",
            0.7,
            "changed",
        ),
        r(
            "euphemism",
            "withdrew",
            "object",
            # "pulled back to more advantageous positions in two areas of @1 region, including
            # the @2 area"
            rf"{w}(?P<v>{_alt(t['euphemism_moves'])})\s+(?:(?:its|their|our)\s+(?:troops|forces"
            rf"|units)\s+)?to\s+(?:the\s+)?{_alt(t['euphemism_targets'])}\s+"
            rf"{_alt(t['euphemism_lines'])}\s+(?:[^;@—]|@\d+\s+(?:region|oblast)){{0,60}}?,?\s+"
            rf"including\s+{unknown_names}{obj}",
            0.7,
            "including",
        ),
        r(
            "fronted",
            "withdrew",
            "object",
            # "In certain spots in @1 areas, …, units were removed to advantageous positions":
            # the place opens the sentence (or one inside a quote)
            # …or after a phrase of its own ("In some areas, near @1 and @2, …")
            rf"(?:^|(?<=[.!?;:] ))\s*"
            # ("In certain sectors in the area of @1 and @2, …": no comma between the two)
            rf"(?:in\s+(?:[\w-]+\s+){{0,2}}?(?:areas|places|spots|sectors)\s*,?\s*)?"
            # "In certain areas near @1 and @2, …"
            rf"(?:in|near|around|at)\s+(?:[\w-]+\s+){{0,3}}?@(?P<g>\d+)(?:\s*(?:,|and)\s*@\d+)*"
            rf"(?:\s+(?:areas?|sectors?"
            rf"|directions?))?\s*,[^;@]{{0,200}}?{moved_to_lines}",
            0.7,
            *t["euphemism_lines"],
        ),
        r(
            "fronted",
            "withdrew",
            "object",
            # "units near @1 and @2 are maneuvering and relocating to more strategic
            # positions": the place named in the subject, which falls back from it
            rf"{w}(?:troops|forces|units|soldiers|defenders|servicemen|brigades?|battalions?)\s+"
            rf"(?:near|in|around|at|outside|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?"
            rf"@(?P<g>\d+)(?:\s*(?:,|,?\s*and)\s*@\d+)*(?:\s+(?:areas?|sectors?|directions?))?\s+"
            rf"(?:(?:are|were|have|has|had)\s+(?:been\s+)?)?(?:[a-z]+ing\s+and\s+)?{moved_to_lines}",
            0.7,
            *t["euphemism_lines"],
        ),
        r(
            "transfer",
            "withdrew",
            "object",
            rf"{w}(?P<v>{_alt(t['transfer_nouns'])})\s+of\s+(?:the\s+)?{obj}"
            rf"(?=\s+{_alt(t['group_nouns'])}(?![\w-]))",
            0.7,
            *t["transfer_nouns"],
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "troops in the @1 and @2 areas would be regrouped": the troops there leave them
            rf"{w}(?P<obj>(?:the\s+)?(?:[\w-]+\s+)?(?:troops|forces|units|grouping|group|contingent))"
            rf"\s+(?:stationed\s+|deployed\s+)?in\s+(?:the\s+)?{obj}"
            r"(?:\s*(?:,|and)\s*(?:the\s+)?@\d+)*(?:\s+(?:areas?|direction|sector|region))?"
            r"\s+(?:would|will|were|was|are|is|had|have|has)\s+(?:(?:been|be|being|now|to\s+be)\s+)+"
            r"(?P<v>regrouped|redeployed|withdrawn|relocated|pulled\s+(?:out|back)|transferred)\b",
            0.7,
            "regrouped",
            "redeployed",
            "withdrawn",
            "relocated",
            "pulled",
            "transferred",
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "Russian troops from a third key city, @1, have also withdrawn": the troops of a
            # place left it
            rf"{w}(?P<obj>(?:the\s+)?(?:[\w-]+\s+)?(?:troops|forces|units|soldiers|servicemen))"
            rf"\s+from\s+(?:(?:a|the)\s+(?:[\w-]+\s+){{0,3}}?(?:city|town|village|settlement)"
            rf"\s*,\s*)?{obj}\s*,?\s+(?:(?:have|has|had)\s+)?(?:(?:also|now|already|finally)\s+)?"
            # (not "left their equipment behind": an object after "left")
            r"(?P<v>withdrawn|withdrew|retreated|pulled\s+(?:out|back)|fled"
            r"|left(?!\s+(?:their|its|his|the|a|an|behind|some|many|several|them)\b))(?![\w-])",
            0.7,
            "withdrawn",
            "withdrew",
            "retreated",
            "pulled",
            "left",
            "fled",
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            rf"{w}(?P<v>{_alt(t['withdraw_from_verbs'])})\s+(?P<obj>{force_np})?"
            # "retreated over the weekend from @1"
            r"(?:(?:over\s+the\s+(?:weekend|past\s+\w+|last\s+\w+)|overnight|last\s+(?:week|night)"
            r"|earlier\s+this\s+week|this\s+week|on\s+\w+day|yesterday"
            # "are retreating en masse from @1"
            r"|en\s+masse|hastily|quickly|rapidly"
            # "retreated in late April west from the villages of @1, @2 and @3"
            r"|in\s+(?:early|mid|late)[\s-]+[a-z]+)\s+)?"
            r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:wards?)?\s+(?=from\s))?"
            # "retreated about 30km in the southern @1 region from @2": a distance first
            r"(?:(?:about|some|nearly|almost|up\s+to|around)\s+)?(?:\d+(?:\.\d+)?\s*(?:km|kilometres"
            r"|kilometers|miles)\s+(?:(?:in|across)\s+(?:the\s+)?(?:[\w-]+\s+)?@\d+\s+(?:region|oblast"
            r"|area)\s+)?(?=from\s))?"
            # "regrouped in the eastern @1 region from the @2 and @3 areas": the destination first
            r"(?:(?:to|in|into|towards?)\s+(?:the\s+)?(?:[\w-]+\s+)?@\d+\s+(?:region|oblast|area|direction)"
            r"\s+(?=from\s))?(?:(?:back|out)"
            # "withdraw from the key area of @1"
            # "have withdrawn in the areas of @1 and @2": translated reports
            rf"\s+)?(?:from|out\s+of|(?=in\s+the\s+(?:areas?|vicinity)\s+of\s))\s*"
            rf"(?:around\s+|(?:the|in\s+the)\s+(?:[\w-]+\s+)?(?:areas?|vicinity)\s+(?:of|around)\s+)?"
            rf"(?:{positions})?{obj}",
            0.8,
            *t["withdraw_from_verbs"],
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "Russia says it has completed Kherson withdrawal", "ordered the Kherson pullout":
            # a withdrawal named after its place, done or ordered
            rf"{w}(?:complet(?:ed|es|e|ing)|finish(?:ed|es|ing)?|order(?:ed|s|ing)?|announc(?:ed|es|ing))"
            rf"\s+(?:the\s+)?@(?P<g>\d+)\s+(?P<v>withdrawal|pull-?out|pullback|retreat)(?![\w-])",
            0.75,
            "withdrawal",
            "pullout",
            "pull-out",
            "pullback",
            "retreat",
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "After heavy fighting for @1, the Ukrainian forces were forced to withdraw from
            # their positions": the place fought for is the place left
            rf"{w}after\s+(?:[\w-]+\s+){{0,3}}?(?:fighting|battles?|clashes)\s+(?:for|in|around"
            rf"|over)\s+{obj}\s*,\s*(?P<obj>[^@;]{{0,80}}?)(?P<v>{_alt(t['withdraw_from_verbs'])})"
            rf"(?![^@;.]{{0,60}}@)",
            0.7,
            "fighting",
            "battles",
            "battle",
            "clashes",
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "After the withdrawal of Russian troops last week, @1, a town of 13,000, …": the
            # place a sentence opened by a withdrawal goes on to tell of is the place left
            rf"^[\"'“‘]?(?:after|following|since|with)\s+(?:the\s+)?(?P<v>withdrawal|retreat"
            rf"|departure|pull-?out)\s+of\s+(?P<obj>(?:(?:the|{side_adj})\s+){{1,2}}"
            r"(?:troops|forces|units|army|military|soldiers|occupiers|invaders))"
            r"(?:\s+(?:last|this|earlier|in|on|at|from|after)(?:\s+[\w-]+){1,3}?)?\s*,\s*"
            rf"(?:the\s+(?:[\w-]+\s+)?(?:town|village|city|settlement)\s+of\s+)?{obj}",
            0.7,
            "withdrawal",
            "retreat",
            "departure",
            "pullout",
            "pull-out",
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "@1 has sustained heavy damage as Russian troops withdrew", "residents of @1 …
            # after Russian troops withdrew this month": a bare withdrawal in a clause after the
            # only place named is from that place
            rf"{obj}(?P<mid>[^@;:()]{{0,120}}?)\b(?:after|as|when|since|once)\s+"
            rf"(?P<obj>(?:(?:the|{side_adj})\s+){{1,2}}(?:troops|forces|units|army|military"
            r"|soldiers|occupiers|invaders))\s+(?:had\s+|have\s+)?(?P<v>withdrew|withdrawn"
            r"|retreated|pulled\s+out|left|fled)(?=\s*(?:[,.;!]|$)|\s+(?:this|last|earlier"
            r"|on|in|after|for|under|amid|following|overnight)\b)",
            0.6,
            "withdrew",
            "withdrawn",
            "retreated",
            "pulled out",
            "left",
            "fled",
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            rf"{adjectival}{w}(?P<v>{_alt(t['withdraw_direct_verbs'])})\s+(?:{positions})?{obj}",
            0.75,
            *t["withdraw_direct_verbs"],
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "the occupiers left two more settlements in the Kherson region - @1 and @2"
            rf"{w}(?P<v>{_alt(t['withdraw_direct_verbs'])})\s+(?:{_alt(t['counts'])})\s+"
            rf"(?:(?:more|other)\s+)?(?:[\w-]+\s+)?{_alt(t['list_nouns'])}"
            rf"(?:\s+(?:in|of|near)\s+(?:the\s+)?(?:@\d+\s+)?[^@:;—–-]{{0,30}}?)?\s*[-–—:]\s*"
            rf"{unknown_names}{obj}",
            0.75,
            *t["withdraw_direct_verbs"],
        ),
        r(
            "active",
            "captured",
            "object",
            # "the Russian military liberated: Soledar, Sergeevka, Opytnoe, … and Bakhmut"
            rf"{w}(?P<v>{_alt(t['capture_verbs'])}):\s*{unknown_names}{obj}",
            0.75,
            *t["capture_verbs"],
        ),
        r(
            "beyond",
            "withdrew",
            "object",
            # "withdrew west of @1": to a line beyond the place, which is left behind
            rf"{w}(?P<v>{_alt(t['withdraw_from_verbs'])})\s+(?P<obj>{force_np})?(?:(?:back|further)"
            rf"\s+)?(?:to\s+(?:the\s+)?(?:(?:positions|lines|areas?)\s+)?)?{beyond}",
            0.7,
            *t["withdraw_from_verbs"],
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "Russia no longer has control of the village of @1": the side has lost it
            rf"{w}(?P<v>no\s+longer\s+(?:has|have|had|holds?|held|controls?|controlled|is\s+in"
            rf"|are\s+in|was\s+in|were\s+in))\s+(?:(?:full|any)\s+)?(?:control\s+(?:of|over)\s+)?{obj}",
            0.7,
            "longer",
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "we do not control @1 anymore": the side has lost it
            rf"{w}(?P<v>(?:do|does|did)\s+not|don['’]t|doesn['’]t|didn['’]t)\s+(?:fully\s+)?"
            rf"control\s+{obj}\s*,?\s+(?:any\s*more|any\s+longer)(?![\w-])",
            0.7,
            "anymore",
            "longer",
            "any more",
        ),
        r(
            "beyond",
            "withdrew",
            "object",
            # "units have moved to new frontiers, west of @1": a euphemism's line beyond it
            rf"{w}(?P<v>{_alt(t['euphemism_moves'])})\s+(?P<obj>{force_np})?to\s+(?:the\s+)?"
            rf"(?:{_alt(t['euphemism_targets'])}\s+)?{_alt(t['euphemism_lines'])}\s*,?\s+{beyond}",
            0.7,
            *t["euphemism_lines"],
        ),
        r(
            "beyond",
            "withdrew",
            "object",
            # "his troops had taken up new positions west of the villages of @1, @2 and @3": a
            # line taken beyond the places, which are left
            rf"{w}(?P<v>took|taken|taking|take|takes)\s+up\s+(?:(?:{_alt(t['euphemism_targets'])})"
            rf"\s+){{1,2}}{_alt(t['euphemism_lines'])}\s*,?\s+{beyond}",
            0.65,
            *t["euphemism_lines"],
        ),
        r(
            "euphemism",
            "withdrew",
            "object",
            # "we have retreated to the outskirts of @1": out of the place, to its edge (not
            # "moved to the outskirts of @1", an advance as often as a retreat)
            rf"{w}(?P<v>{_alt(retreats)})\s+(?P<obj>{force_np})?to\s+(?:the\s+)?outskirts\s+of\s+"
            rf"{obj}",
            0.7,
            "outskirts",
        ),
        r(
            "nominal",
            "captured",
            "object",
            # "the loss of control of @1" is the loss of @1
            # ("the capture on Saturday of @1": a time between the noun and its place)
            rf"{w}(?P<v>{_alt(t['capture_nouns'])})(?:\s+(?:on|last|this|earlier\s+this)\s+"
            r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend))?"
            r"\s+(?:from\s+(?:the\s+)?[\w-]+\s+)?of\s+"
            # "de-occupation of areas of @1, @2 and @3"
            # "the establishment of control by the Russian army over @1"
            # ("… of control by our troops over the village of @1")
            rf"(?:(?:full\s+|complete\s+)?control\s+(?:by\s+(?P<side>{side_any})(?:\s+(?:troops"
            rf"|forces|units|army|soldiers|servicemen))?\s+)?(?:of|over)\s+"
            rf"|(?:the\s+)?(?:areas?|territor(?:y|ies))"
            # "the recapture of Viktorovka, Nikolayevka and @1": names the gazetteer lacks
            # (one comma at least: a list, not "the capture of equipment and @1")
            rf"\s+of\s+|{listed_names}"
            # "the fall of two villages in the sector — @1 and @2": a count named after a dash
            # ("the liberation of three nearby villages on Sunday evening by Ukrainian troops:
            # @1, @2 and @3": an adjective, a time and an agent before the colon)
            rf"|(?:{_alt(t['counts'])})\s+(?:more\s+)?(?:[a-z-]+\s+)?(?:villages|settlements|towns"
            rf"|localities)(?:\s+(?:in|of|near|on|by|last|this|earlier)\s+[^@—–:;.]{{1,50}}?)?"
            rf"\s*(?:—|–|:|--)\s*)?{obj}",
            0.7,
            *t["capture_nouns"],
        ),
        r(
            "nominal",
            "captured",
            "object",
            # "reported the entry of the LPR and the Russian forces into the town of @1": an
            # entry is a capture, as "entered @1" is
            rf"{w}(?P<v>entry)\s+of\s+(?P<side>(?:[\w'’-]+\s+){{1,8}}?)into\s+(?:the\s+)?"
            rf"(?:(?:town|city|village|settlement)\s+of\s+)?{obj}",
            0.65,
            "entry",
        ),
        r(
            "active",
            "captured",
            "object",
            # "Russia claimed victories in the Ukrainian cities of @1, @2 and @3": a claimed
            # capture (not "victory in the battle for @1", a fight won where it stood)
            rf"{w}(?P<v>claimed|claims|claim|claiming|declared|declares|proclaimed|proclaims)\s+"
            rf"(?:a\s+|the\s+)?(?:full\s+|complete\s+|final\s+)?victor(?:y|ies)\s+(?:in|at)\s+"
            rf"(?:(?:the\s+)?(?:[\w-]+\s+)?(?:cities|towns|villages|city|town|village|settlements?)"
            rf"\s+of\s+)?{obj}",
            0.6,
            "victory",
            "victories",
        ),
        r(
            "active",
            "captured",
            "object",
            # "confirmed the Kremlin's claim of recapturing the village of @1" (a claim
            # refuted or dismissed is read by the denial rules)
            rf"{w}(?:confirm(?:ed|s|ing)?|verif(?:ied|ies|y)|corroborat(?:ed|es|e)|acknowledg(?:ed|es|e))"
            rf"\s+(?:the\s+)?(?P<side>[\w'’-]+\s+){{0,2}}?claims?\s+(?:of|about)\s+(?:having\s+)?"
            rf"(?P<v>capturing|recapturing|seizing|taking"
            rf"|retaking|liberating|occupying|entering)\s+(?:(?:full|complete)\s+control\s+(?:of|over)\s+)?"
            rf"{obj}",
            0.65,
            "confirmed",
            "confirms",
            "confirm",
            "verified",
            "corroborated",
            "acknowledged",
        ),
        r(
            "nominal",
            "captured",
            "object",
            # "reported the capture of three more settlements, including the town of @1": a
            # counted gain named in part after "including"
            rf"{w}(?P<v>{gains})\s+of\s+(?:(?:{_alt(t['counts'])}|several|more|other|further)\s+){{1,3}}"
            rf"(?:[\w-]+\s+)?{_alt(t['list_nouns'])}(?:\s+(?:in|of|near|around)\s+(?:the\s+)?"
            rf"(?:@\d+\s+)?(?:region|oblast|area|district|direction|axis))?\s*,?\s+(?:including"
            rf"|among\s+them|such\s+as|namely)\s+{unknown_names}{obj}",
            0.7,
            *["including", "among", "such", "namely"],
        ),
        r(
            "nominal",
            "captured",
            "object",
            # "In addition to @1 and @2, this week we saw the liberation of @3"
            rf"{w}in\s+addition\s+to\s+{obj}(?:\s+and\s+[\w'-]+)?\s*,\s*[^@;:]{{0,60}}?(?<![\w-])(?P<v>{gains}|"
            rf"{_alt(t['capture_verbs'])})\s+(?:of\s+)?(?:the\s+(?:[\w-]+\s+){{0,2}}?(?:village"
            rf"|town|city|settlement)s?\s+of\s+)?@\d+",
            0.7,
            "addition",
        ),
        r(
            "counted_link",
            "captured",
            "object",
            # "… announced the capture of three villages. Two of the villages -- @1 and @2 --
            # are located near …": the names of the places a counted capture left unnamed
            # "the largest of them are @1, @2"
            rf"{w}(?:(?:{_alt(t['counts'])}|one|both|all|some|(?:the\s+)?(?:largest|biggest|main"
            rf"|most\s+important))\s+of\s+)?(?:the|these|those|them|(?<![\w-])they(?=\s+(?:are|were)\s))"
            # "the villages in question are @1 and @2", "the villages captured are @1 and @2"
            # "the captured cities — @1 and @2 —"
            # "the villages cited by Moscow were @1 and @2"
            # ("among them, the city of @1 and the village of @2": the list right after it)
            rf"(?:\s+(?:[\w-]+\s+)?{_alt(t['list_nouns'])}\s*(?:in\s+question\s*|(?:captured"
            rf"|seized|taken|liberated|occupied|recaptured|retaken)\s+|(?:cited|named|listed"
            rf"|mentioned|identified)\s+(?:by\s+(?:[@\w'-]+\s+){{1,3}}?)?)?)?\s*"
            rf"(?:[:—]|--|,|\s*(?:are|were|include|included"
            rf"|including))\s*{unknown_names}{obj}",
            0.6,
            *t["list_nouns"],
            "them",
            "these",
            "those",
            "they",
        ),
        r(
            "counted_link",
            "captured",
            "object",
            # "… had taken control of five population centers. This involves the villages of @1,
            # @2 and @3": a sentence that says which places the counted capture meant
            rf"{w}(?:this|that|these|it)\s+(?:involves|involved|concerns|concerned|refers\s+to"
            rf"|means|meant)\s+(?:<\.\.\.>\s*|…\s*|\.\.\.\s*)?(?:the\s+)?(?:[\w-]+\s+)?"
            rf"{_alt(t['list_nouns'])}\s+of\s+{unknown_names}{obj}",
            0.6,
            *t["list_nouns"],
        ),
        r(
            "counted_link",
            "captured",
            "object",
            # "… said its forces captured two more settlements. The latest were @1 and @2, it
            # said": the newest of a counted capture, named
            rf"{w}the\s+(?:latest|most\s+recent|newest)(?:\s+(?:ones|of\s+them"
            rf"|{_alt(t['list_nouns'])}))?\s*(?:[:—]|--|,|\s*(?:are|were|is|was|include|included))"
            rf"\s*{unknown_names}{obj}",
            0.6,
            "latest",
            "recent",
            "newest",
        ),
        r(
            "counted_link",
            "captured",
            "object",
            # "… reclaimed 28 settlements. This includes the Ukrainian village of @1": one of
            # a counted capture, named
            rf"{w}(?:this|these|they|which)\s+(?:includes?|included)\s+(?:the\s+)?"
            rf"(?:[\w'-]+\s+){{0,2}}?(?:village|town|settlement|city)s?\s+of\s+{unknown_names}{obj}",
            0.6,
            "includes",
            "include",
            "included",
        ),
        r(
            "counted_link",
            "captured",
            "object",
            # "… confirmed that five settlements were liberated. We are talking about @1, @2 and
            # @3": the same link, in the words of a spokesman's briefing
            rf"{w}(?:we\s+are|we're|it\s+is|it's|this\s+is)\s+(?:talking|speaking)\s+about\s+"
            rf"(?:the\s+(?:[\w-]+\s+)?{_alt(t['list_nouns'])}\s+(?:of\s+)?)?{unknown_names}{obj}",
            0.6,
            "talking",
            "speaking",
        ),
        r(
            "counted_link",
            "captured",
            "object",
            # "the ministry named the three captured settlements as @1, @2 and @3": the same
            # link, by a verb of naming
            # ("… which identified the settlement as @1": one place)
            rf"{w}(?P<v>named|names|identified|identifies|listed|lists)\s+"
            rf"(?:the|these|those|them)(?:\s+(?:(?:{_alt(t['counts'])}|[\w-]+)\s+){{0,2}}?"
            rf"{_alt(t['list_nouns'])}|\s+(?:village|settlement|town)|\s+(?:{_alt(t['counts'])}))?"
            rf"\s+as\s+{unknown_names}{obj}",
            0.6,
            "named",
            "names",
            "identified",
            "identifies",
            "listed",
            "lists",
        ),
        r(
            "occupation",
            "captured",
            "object",
            # "DeepState reported the alleged occupation of the settlement of @1": Russia's act
            # ("soldiers … announcing the occupation of the settlements of @1")
            # ("reported on the occupation of @1", "reported to Putin about the full occupation
            # of the town of @1")
            rf"{w}(?:announc(?:ed|es|ing)|report(?:ed|s|ing)|claim(?:ed|s|ing)"
            r"|confirm(?:ed|s|ing))\s+(?:to\s+(?:[\w-]+\s+){1,4}?)?(?:on\s+|about\s+)?"
            rf"(?:the\s+)?(?:(?:alleged|complete|full|reported)\s+)*(?P<v>occupation)\s+of\s+{obj}",
            0.7,
            "occupation",
        ),
        r(
            "defeat",
            "captured",
            "object",
            # "Ukrainian soldiers burned Russian flags and dismantled banners … in the city of
            # @1", "ripping down Russian banners from a supermarket in @1": the other side's
            # flags come down where the place has changed hands
            rf"{w}(?:soldiers|troops|servicemen|fighters|forces|units)\s+(?:[\w-]+\s+){{0,2}}?"
            r"(?P<v>burned|burnt|burning|tore\s+down|tearing\s+down|took\s+down|taking\s+down"
            r"|ripped\s+down|ripping\s+down|pulled\s+down|pulling\s+down)\s+(?:the\s+)?"
            r"(?P<loser>russian|ukrainian)\s+(?:flags?|banners?|tricolou?rs?)"
            rf"[^@.;]{{0,90}}?\b(?:in|from|over|on)\s+(?:(?:a|the)\s+[\w\s-]{{1,30}}?\s+in\s+)?{obj}",
            0.7,
            "burned",
            "burnt",
            "burning",
            "down",
        ),
        r(
            "defeat",
            "captured",
            "subject",
            # "@1 has been taken away from Ukraine's control": the side named lost it
            rf"{w}(?:was|were|(?:has|have|had)\s+been)\s+(?:now\s+)?(?P<v>taken\s+away|wrested"
            rf"|wrenched)\s+from\s+(?:the\s+)?(?P<loser>{side_any}|ukraine|russia)(?:['’]s)?"
            r"\s+(?:control|hands)\b",
            0.7,
            *["away", "wrested", "wrenched"],
        ),
        r(
            "defeat",
            "captured",
            "object",
            # "The battle for @1 ended in Russian defeat": the side beaten lost the place
            rf"{w}(?:battle|battles|fight|fighting|struggle)\s+for\s+{obj}\s+(?P<v>ended|finished"
            r"|concluded)\s+(?:in|with)\s+(?:an?\s+|the\s+)?(?P<loser>russian|ukrainian|russia['’]s"
            r"|ukraine['’]s)\s+(?:defeat|retreat|withdrawal|rout)\b",
            0.7,
            "ended",
            "finished",
            "concluded",
        ),
        r(
            "defeat",
            "held",
            "object",
            rf"{w}(?P<v>{_alt(t['defeat_nouns'])})\s+of\s+(?P<loser>{force_np})"
            rf"{_alt(t['defeat_links'])}\s+{obj}",
            0.65,
            *t["defeat_nouns"],
        ),
        r(
            "active",
            "captured",
            "object",
            # "seized four medium-sized settlements — @1, @2"
            # "liberated, established, and restored the state flag of Ukraine in eight
            # settlements of the @0 district: @1": verbs that share the list
            rf"{w}{not_adjective}(?P<v>{_alt(t['capture_verbs'])})(?:,\s+[\w-]+){{0,2}},?\s+(?:and\s+[\w-]+\s+"
            rf"(?:(?:the|a)\s+)?(?:[\w-]+\s+){{0,4}}?(?:in|over)\s+)?"
            # ("a cluster of four nearby settlements: @1, @2"; not "large parts of two towns")
            r"\s*(?:(?!(?:parts?|half|most|much|areas?|sections?|districts?)\s+of\b)"
            r"(?:the|all|[\w-]+)\s+){0,5}"
            # "… villages in Ukraine's @0 region near the border with Russia -- @1, @2"
            # ("three villages beyond @0 -- @1, @2": a landmark)
            rf"{_alt(t['list_nouns'])}(?:\s+(?:in|of|near|around|on|beyond|outside|(?:north|south|east"
            rf"|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+)?"
            rf"[^—:@;]{{0,30}}?(?:@\d+\s+)?(?:region|oblast|area|district|direction|axis)?){{0,2}}"
            r"(?:\s*(?:over|in|during|within)\s+the\s+(?:past|last)\s+[\w\s]{1,20}?"
            # "five villages as a result of offensive actions — @1, @2"
            r"|\s+as\s+a\s+result\s+of\s+[\w\s-]{1,40}?)?"
            rf"\s*{_alt(t['list_openers'])}\s*{unknown_names}{obj}",
            0.8,
            *t["list_nouns"],
        ),
        r(
            "active",
            "captured",
            "object",
            # "liberated two settlements in the Zaporozhye Region, Sladkoye and Novoye": a
            # counted list named right after a comma…
            rf"{w}(?P<v>{_alt(t['capture_verbs'])}|{gains}\s+of|{_alt(t['control_verbs'])}\s+"
            rf"(?:(?:full|complete)\s+)?control\s+(?:of|over))\s+(?:{_alt(t['counts'])}"
            # "gained control over the following settlements in Kharkiv region: @1"
            r"|the\s+following)\s+"
            # "three other small villages nearby — @1, @2 and @3", "four mid-sized settlements"
            rf"(?:[\w-]+\s+){{0,2}}?{_alt(t['list_nouns'])}(?:\s+(?:nearby|more|in\s+total))?"
            # ("two villages around @1 of Russian forces: @2 and @3": two such phrases)
            # ("two villages just inside the region—@1 and @2")
            r"(?:\s+(?:(?:just|right|deep)\s+)?(?:in|of|near|around|on|inside|within|along)\s+"
            r"(?:the\s+)?"
            rf"[^—:@;,]{{0,30}}?(?:@\d+\s*)?(?:region|oblast|area|district|direction|axis)?){{0,2}}"
            # "… in @1 district (of @2 region):"
            r"(?:\s*\((?:of\s+)?(?:the\s+)?@\d+\s+(?:region|oblast)\))?"
            # "… seventeen communities that had been under Ukrainian control: @1, @2"
            rf"(?:\s+(?:that|which)\s+[^@:;—]{{1,80}}?(?=\s*:))?"
            # …or after a dash or colon ("liberated 4 settlements of @1 region - @2, @3"; "…
            # near @1: they are @2, @3")
            r"(?:,|\s*[-–—:])\s*(?:(?:they|these)\s+(?:are|were|include)\s+|namely\s+)?"
            rf"{unknown_names}{obj}",
            0.75,
            *t["list_nouns"],
        ),
        r(
            "active",
            "captured",
            "object",
            rf"{w}{not_adjective}(?P<v>{_alt(t['capture_verbs'])}|{_alt(t['control_verbs'])}"
            # "seized five settlements near @1, including @2"
            # ('established "full control" in the republic over 231 settlements, including @1')
            r"\s+[\"“‘']?(?:(?:full|complete)"
            # (not "control over crucial roads leading to cities such as @1": the roads)
            r"\s+)?control[\"”’']?(?:\s+in\s+the\s+(?:republic|region|oblast))?\s+(?:of|over))\s(?:(?!(?:roads?|routes?|highways?|supply\s+lines?"
            r"|approaches|leading\s+to)\b)[^;—@]|@\d+(?:\s+|-)(?:region|oblast|area)"
            # "recaptured two villages in @1, namely @2": a region named by its centre
            r"|(?:(?<=near\s)|(?<=around\s)|(?<=outside\s)|(?<=\bin\s))@\d+"
            # "took control of @0 and other nearby towns, the most notable of which are @1"
            r"|@\d+(?=\s+and\s+(?:other|several|some|many|more|two|three|four|five|\d+)\s"
            rf"|,\s+(?:the\s+)?{_LARGEST}\s+of\s+which\s)){{0,120}}?"
            # "… territory in the northeast—including @1"
            r"(?:,?\s+|\s*[—–]\s*)(?:(?:including|among\s+them|such\s+as|namely|specifically|notably"
            # "took villages like @1 and @2" (not a comparison: "like" after a plural place noun)
            r"|(?:(?<=villages\s)|(?<=settlements\s)|(?<=towns\s)|(?<=cities\s)"
            r"|(?<=localities\s))like"
            # "including the largest ones: @1", "…, the largest of which are @1"
            rf"|in\s+particular)\s+{largest}|(?<=,\s)(?:the\s+)?{_LARGEST}\s+of\s+which\s+"
            rf"(?:are|were|is|was)\s+){unknown_names}{obj}",
            0.75,
            *["including", "among", "such", "namely", "specifically", "notably", "particular"],
            *["which", "like"],
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "abandoning key supply centers like @1 and @2", "left towns such as @1": a list
            # after a plural place noun
            rf"{w}(?P<v>{_alt(t['withdraw_direct_verbs'])})\s+(?:the\s+)?(?:[\w'-]+\s+){{0,3}}?"
            r"(?:towns|cities|villages|settlements|localities|hubs|cent(?:er|re)s|strongholds)"
            r"\s*,?\s+(?:including|among\s+them|such\s+as|like|namely)\s+"
            rf"{unknown_names}{obj}",
            0.7,
            *["including", "among", "such", "like", "namely"],
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            rf"{w}(?P<v>{_alt(t['withdraw_from_verbs'])})\s+(?P<obj>{force_np})?(?:(?:back|out)"
            rf"\s+)?(?:from|out\s+of)\s+(?:[^;@—]|@\d+){{0,60}}?(?:,?\s+(?:including|among\s+them|such\s+as"
            # "… from the last major settlements of the region – @1 and @2"
            rf"|namely)\s+|{_alt(t['list_nouns'])}(?:\s+(?:of|in|on\s+the\s+territory\s+of)\s+(?:the\s+)?"
            rf"(?:@\d+\s+)?(?:region|oblast|area|district|people['’]s\s+republic))?\s*[–—:]\s*)"
            rf"{unknown_names}{obj}",
            0.75,
            *["including", "among", "such", "namely"],
            *t["list_nouns"],
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            rf"{w}(?P<v>{_alt(t['withdraw_from_verbs'])})\s+(?P<obj>{force_np})"
            # "regroup the troops located in the areas of @1": the MoD's wording of a retreat, also
            # without "located" ("regroup Russian troops in the areas of @1") or with a relative
            # ("regroup Russian troops that are in the areas of @1")
            r"(?:(?:that|which|who)\s+(?:are|were)\s+)?"
            rf"(?:(?:{_alt(t['stationed'])})"
            # "regroup troops in the @1 area"
            rf"\s+(?:in|near|around|at|outside)|in(?=\s+the\s+(?:areas?|vicinity|districts?)\s+of\s)"
            # "regroup Russian troops near @1"
            r"|in(?=\s+the\s+@\d+\s+(?:areas?|regions?|districts?|sectors?)(?![\w-]))|near|around)"
            rf"\s+(?:the\s+(?:areas?|vicinity|districts?)\s+of\s+)?{obj}",
            0.75,
            *t["withdraw_from_verbs"],
        ),
        r(
            "active",
            "captured",
            "object",
            # "advanced into @1 and captured it", "made gains near @1 and liberated the village":
            # the pronoun or noun stands for the place just named
            rf"@(?P<g>\d+)(?:\s+[^@;:.]{{0,60}}?)?\s+and\s+(?:(?:then|later|eventually|finally"
            rf"|soon|quickly|fully)\s+)?(?P<v>{_alt(t['capture_verbs'])})\s+(?:back\s+)?"
            # …but "captured the village of @2" names another place
            rf"(?:it|the\s+{_alt(t['anaphoric_nouns'])})(?![\w'-])(?!\s+of\s+@)",
            0.75,
            *t["capture_verbs"],
        ),
        r(
            "active",
            "captured",
            "object",
            # "the villages and towns freed from Russian control: @1, @2", "settlements
            # liberated by the brigade: @1 and @2": a list after a participle, set off by a colon
            rf"{w}(?:{_alt(t['list_nouns'])})(?:\s+and\s+(?:{_alt(t['list_nouns'])}))?\s+"
            rf"(?:(?:already|now|recently|newly)\s+)?(?P<v>liberated|freed|recaptured|retaken"
            rf"|captured|seized|taken|occupied|cleared)"
            rf"(?:\s+(?:from|by)\s+[^:;—@]{{1,50}}?)?\s*[:—]\s*{obj}",
            0.7,
            *["liberated", "freed", "recaptured", "retaken", "captured", "seized", "taken"],
            *["occupied", "cleared"],
        ),
        r(
            "active",
            "captured",
            "object",
            # "Two villages were recaptured by Ukrainian troops: @1 and @2"
            # "… have already been liberated: @1, @2"
            rf"{w}(?:was|were|(?:has|have|had)\s+(?:(?:already|now|also|just|recently)\s+)?been)"
            rf"\s+(?:(?:already|now|also|fully|recently)\s+)?(?P<v>"
            # "12 settlements have already been liberated, including @1"
            rf"{_alt(t['passive_capture'])})(?:\s+by\s+(?P<side>[^:;—@]{{1,60}}?))?"
            rf"(?:\s*[:—]\s*|\s*,\s*(?:including|among\s+them|namely)\s+{unknown_names}){obj}",
            0.75,
            *t["passive_capture"],
        ),
        r(
            "passive",
            "captured",
            "object",
            # "Also captured were the villages of @1 and @2": the passive inverted
            rf"{w}(?:also\s+)?(?P<v>{_alt(t['passive_capture'])})\s+(?:was|were)\s+(?:the\s+)?"
            rf"(?:(?:{_alt(t['counts'])})\s+)?(?:(?:village|town|settlement|city|"
            rf"{_alt(t['list_nouns'])})\s+(?:of\s+)?)?{obj}",
            0.7,
            *t["passive_capture"],
        ),
        r(
            "relative",
            "captured",
            "object",
            # "the @0 village, which Ukraine says it liberated"
            # (not "a suburb of @1 city that …": the city names where the suburb is)
            rf"@(?P<g>\d+)(?:\s+(?:village|settlement)(?:\s+in\s+(?:the\s+)?@\d+\s+(?:region|oblast))?"
            rf"\s*,)?\s*,?\s*"
            # ("the village of @0 on Nov. 3, 2022, which occupying Russian forces had
            # abandoned": a date between the name and its clause)
            r"(?:on\s+(?:[a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[a-z]+)(?:\s*,\s*\d{4})?\s*,\s*(?=which\s))?"
            rf"(?:{appositive}(?:which|that)\s+"
            # "@0, the main town Moscow recaptured this week": the relative pronoun left out
            # (its subject is no phrase of place: "a city in eastern Ukraine occupied by …")
            rf"|{appositive_noun}(?!(?:in|of|on|at|near|by|from|to|with|about|some|located"
            rf"|situated|now|still|long|recently|already)\s))"
            # ("another town Russia claimed to be capturing": under way, no change)
            rf"(?P<obj>[^,;@]{{1,40}}?)\s+(?:(?:had|has|have"
            rf"|only|recently|finally|just)\s+)*(?<!\bbe\s)(?P<v>{_alt(t['capture_verbs'])}"
            # "a larger town that Russia claimed earlier this week": claimed as taken
            r"|claimed(?=\s*(?:[,.;]|$)|\s+(?:earlier|last|on|this|yesterday)\b)"
            rf"|{_alt(t['withdraw_direct_verbs'])})(?![\w-])(?!\s+(?:the\s+)?@)"
            # ("a stronghold that Russia tried to reach after seizing the town of @1")
            rf"(?!\s+(?:the|a)\s+(?:[\w-]+\s+){{0,2}}?{_alt(t['place_nouns'])}\s+of\s+@)",
            0.7,
            *t["capture_verbs"],
            *t["withdraw_direct_verbs"],
            "claimed",
        ),
        r(
            "relative",
            "captured",
            "object",
            # "@0 is one of two villages that Ukraine has retaken in the region this summer"
            rf"@(?P<g>\d+)\s*,?\s+(?:is|was)\s+(?:one|among)\s+(?:of\s+)?(?:the\s+)?"
            rf"(?:(?:two|three|four|five|six|seven|eight|several|many|\d+)\s+)?"
            rf"(?:(?:[\w-]+\s+)?(?:villages|settlements|towns|places|localities)\s+)?"
            rf"(?:(?:that|which)\s+)?(?P<obj>[^,;@]{{1,40}}?)\s+(?:(?:had|has|have|recently"
            rf"|reportedly|now|already)\s+)*(?P<v>{_alt(t['capture_verbs'])})(?![\w-])"
            rf"(?!\s+(?:the\s+)?@)",
            0.65,
            *t["capture_verbs"],
        ),
        r(
            "withdraw",
            "withdrew",
            "object",
            # "the city of @1, from which Ukraine withdrew on Feb. 17"
            # ("@1, from where Russian troops had withdrawn")
            rf"@(?P<g>\d+)\s*,\s*(?:{appositive_noun})?(?:(?:from|out\s+of)\s+which|from\s+where)\s+"
            rf"(?P<obj>[^,;@]{{1,40}}?)\s+(?:(?:had|has|have|recently|finally|eventually)\s+)*"
            r"(?P<v>withdrew|withdrawn|retreated|pulled\s+(?:out|back)|were\s+forced\s+to\s+"
            r"withdraw|was\s+forced\s+to\s+withdraw)(?![\w-])",
            0.7,
            *["withdrew", "withdrawn", "retreated", "pulled", "forced"],
        ),
        r(
            "relative_held",
            "held",
            "object",
            rf"@(?P<g>\d+)\s*,?\s*(?:which|that)\s+(?P<obj>[^,;@]{{1,40}}?)\s+(?:has|have)\s+"
            rf"(?:(?:firmly|fully|largely|effectively)\s+)?(?P<v>{_alt(t['held_since_verbs'])})"
            r"\s+since\b",
            0.65,
            *t["held_since_verbs"],
        ),
        r(
            "participle",
            "captured",
            "object",
            # "@1, recently liberated by …", "@1, a village captured by Russia on Sunday";
            # "@1, a former frontline town in @2 province recently recaptured by Ukraine"
            # ("@1 village, liberated by our military a couple of weeks ago": a noun after the
            # name)
            # ("@1, one of the villages allegedly recaptured by Russia, lies …")
            rf"@(?P<g>\d+)(?:\s+(?:village|town|city|settlement))?\s*,\s*(?:(?:a|an|the"
            rf"|one\s+of\s+the)\s+"
            rf"(?:[\w-]+\s+){{0,3}}?{_alt(t['place_nouns'])}\s+"
            r"(?:in\s+(?:the\s+)?@\d+\s+(?:region|oblast|province)\s+)?)?"
            # "@1, which was liberated on Sept. 8": a relative clause needs no agent
            rf"(?P<which>(?:which|that)\s+(?:was|were|had\s+been|has\s+been)\s+)?"
            rf"(?:(?P<recent>recently|newly|just)\s+|(?:only|already|since|finally|confirmed"
            rf"|declared|allegedly|reportedly|reported|claimed)\s+)?"
            # (without "which", an agent or a time must follow: "@1, captured a week ago"; or
            # "recently" before it: "@1, a city recently brought under Russian control")
            rf"(?P<v>{_alt(t['passive_capture'])})"
            rf"(?(which)(?![\w-])|(?(recent)(?![\w-])|\s+(?=by\s|{_PARTICIPLE_TIME})))",
            0.75,
            *t["passive_capture"],
        ),
        r(
            "held_adj",
            "held",
            "object",
            # "@1 remains the only regional capital to fall to Russia", "@1, the only regional
            # capital captured by Russia": who has held it since
            rf"@(?P<g>\d+)\s*(?:,|\s+(?:remains|remained|is|was)(?:\s+still)?)\s*the\s+"
            r"(?:only|sole)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:capital|city|cities|town|centre|center)\s+(?:(?:so\s+far\s+|yet\s+)?to\s+"
            r"(?:have\s+)?(?:fallen|fall)\s+to|(?:captured|seized|taken|occupied|held|controlled)"
            rf"\s+by)\s+(?P<side>{side_any}|russia|ukraine)(?![\w-])",
            0.65,
            *["only", "sole"],
        ),
        r(
            "held_adj",
            "held",
            "object",
            # "the Russian-appointed local government of @1", "Moscow-installed authorities in
            # @1": who runs a place holds it
            rf"{w}(?P<side>russian|moscow|kremlin|russia)-(?:appointed|installed|imposed)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:government|administration|authorities|council|mayor"
            r"|head|leadership)\s+(?:of|in)\s+(?:the\s+)?(?:(?:village|town|city|settlement)"
            r"\s+of\s+)?@(?P<g>\d+)(?!\s+(?:region|oblast|province|district)\b)",
            0.65,
            *["appointed", "installed", "imposed"],
        ),
        r(
            "held_adj",
            "held",
            "object",
            # "@1 and @2, the two largest remaining Ukrainian cities in the region", "@1, the
            # last Ukrainian stronghold": what a side still holds
            rf"@(?P<g>\d+)\s*(?:,|\s+(?:is|was|are|were|remains?|remained)(?:\s+still)?)\s*"
            rf"(?:the|one\s+of\s+the)\s+(?:[\w-]+\s+){{0,2}}?(?:last|remaining)\s+"
            rf"(?:(?:major|big|large|main|key|remaining)\s+)?(?P<side>{side_adj})"
            rf"(?:-(?:held|controlled))?\s+(?:[\w-]+\s+)?(?:cities|city|towns?|strongholds?"
            rf"|bastions?|outposts?|settlements?|villages?|footholds?|hubs?)(?![\w-])",
            0.65,
            *["last", "remaining"],
        ),
        r(
            "held_adj",
            "held",
            "object",
            # "@1, a Russian-held town", "@1 is a Ukrainian-held town", "@1, the last major
            # Ukrainian-controlled city"
            rf"@(?P<g>\d+)\s*(?:,|\s+(?:is|was|remains|remained)(?:\s+still)?)\s*(?:a|an|the|now)\s+"
            rf"(?:[\w-]+\s+){{0,3}}?(?P<side>{side_adj})-?\s*"
            rf"{_alt(t['held_adjective'])}(?![\w-])",
            0.65,
            *t["held_adjective"],
        ),
        r(
            "headline",
            "captured",
            "object",
            rf"@(?P<g>\d+)\s+(?:(?:fully|completely|finally|now|officially)\s+)?"
            rf"(?P<v>{_alt(t['passive_capture'])})(?![\w-])",
            0.7,
            *t["passive_capture"],
        ),
        r(
            "dash",
            "captured",
            "object",
            # "Irpin, Bucha and @1 and the entire Kyiv region - liberated from the enemy":
            # telegraphic, as headlines and posts are, wherever it stands
            r"@(?P<g>\d+)(?:\s+and\s+(?:the\s+)?(?:entire|whole)\s+@\d+\s+(?:region|oblast))?"
            r"\s+[-–—]+\s+(?:(?:fully|completely|finally|now|officially|already)\s+)?"
            r"(?P<v>liberated|freed|recaptured|retaken|captured|taken|occupied)(?![\w-])",
            0.65,
            "liberated",
            "freed",
            "recaptured",
            "retaken",
            "captured",
            "taken",
            "occupied",
        ),
        r(
            "nominal",
            "captured",
            "object",
            # "the streets of @1 village, after its complete liberation on December 7"
            rf"@(?P<g>\d+)(?:\s+(?:village|town|city|settlement))?\s*,?\s+(?:(?:shortly|soon|days?"
            rf"|weeks?)\s+)?(?:after|following|since|upon)\s+its\s+(?:(?:complete|full|final|recent)"
            rf"\s+)?(?P<v>{_alt(t['possessive_nominals'])})(?![\w-])",
            0.65,
            *["after", "following", "since", "upon"],
        ),
        r(
            "nominal",
            "captured",
            "object",
            rf"@(?P<g>\d+)'s\s+(?P<v>{_alt(t['possessive_nominals'])})(?![\w-])",
            0.7,
            *t["possessive_nominals"],
        ),
        r(
            "passive",
            "captured",
            "subject",
            rf"(?P<aux>(?:{w}{aux}\s+)+)(?:[\"“‘'«]\s?)?(?P<v>{_alt(t['passive_capture'])})(?![\w-])"
            rf"{no_object}",  # "had been 'liberated'": the source's word, quoted
            0.8,
            *t["passive_capture"],
        ),
        r(
            "passive_negated",
            "held",
            "subject",
            # "Kupiansk was never captured", "@1 has not been taken": its defenders hold it
            rf"(?P<aux>(?:{w}(?:has|have|had|was|were|is|are)\s+))(?:(?:so\s+far|yet|still)\s+)?"
            rf"(?P<neg>not|never)\s+(?:(?:yet|been|fully|completely|actually)\s+)*"
            rf"(?P<v>{_alt(t['passive_capture'])})(?![\w-]){no_object}",
            0.7,
            "not",
            "never",
        ),
        r(
            "passive",
            "captured",
            "object",
            # "@1 and @2, @3 and @4: All of these towns were liberated by Ukraine"
            rf"@(?P<g>\d+)\s*[:—]\s*(?:all|both|each)\s+(?:of\s+)?(?:these|those|them|the)\s+"
            rf"(?:(?:[\w-]+\s+)?(?:{_alt(t['list_nouns'])}|towns|cities)\s+)?(?P<aux>(?:{aux}\s+)+)"
            rf"(?P<v>{_alt(t['passive_capture'])})(?![\w-])",
            0.7,
            "all",
            "both",
            "each",
        ),
        r(
            "lost",
            "captured",
            "subject",
            rf"(?P<aux>(?:{w}{aux}\s+)+)(?P<v>{_alt(t['passive_lost'])})(?![\w-]){no_object}"
            # "forces in the city had lost more than 4,000 people": a count lost, not a place
            r"(?!\s+(?:(?:more|less|fewer)\s+than\s+|over\s+|about\s+|around\s+|up\s+to\s+"
            r"|nearly\s+|almost\s+|at\s+least\s+)?(?:\d|hundreds\b|thousands\b|dozens\b"
            r"|tens\s+of\b|(?:a|one)\s+(?:hundred|thousand)\b))",
            0.7,
            *t["passive_lost"],
        ),
        r(
            "fallen",
            "captured",
            "subject",
            # (not "a missile fell on a building in @1": what falls from the sky)
            rf"{not_falling}(?P<aux>(?:{w}{aux}\s+)*){not_falling}{w}(?P<v>{_alt(t['fallen'])})(?![\w-])",
            0.75,
            *t["fallen"],
        ),
        r(
            "passive",
            "captured",
            "subject",
            # "@1 was reported free of Russian Federation troops by midday": freed of that side
            rf"(?P<aux>(?:{w}{aux}\s+)+)(?:(?:reported|declared|now|completely|fully|totally"
            rf"|entirely|finally)\s+)*(?P<v>free)(?=\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
            rf"(?:troops|forces|occupiers|invaders|soldiers|army|military)\b)",
            0.7,
            "free",
        ),
        r(
            "fallen",
            "captured",
            "subject",
            # "@1 has become the first major Ukrainian city to fall to Russian forces"
            rf"{w}(?:became|become|becomes|has\s+become|is|was)\s+the\s+(?:first|second|third|latest"
            rf"|last)\s+(?:[\w-]+\s+){{0,3}}?(?:city|town|village|settlement|capital)\s+"
            rf"(?:[^,.;@]{{0,30}}?\s)?to\s+(?P<v>fall)(?![\w-])",
            0.7,
            "first",
            "second",
            "third",
            "latest",
            "last",
        ),
        r(
            "passive",
            "captured",
            "object",
            # "full control was established over @1": the passive of "took control of"
            rf"{w}(?:(?:full|complete|total)\s+)?control\s+(?:was|were|has\s+been|have\s+been"
            rf"|had\s+been)\s+(?:(?:fully|now|also|finally)\s+)?(?P<v>established|taken|gained"
            rf"|assumed|restored)\s+(?:over|of)\s+{obj}",
            0.75,
            "control",
        ),
        r(
            "passive",
            "captured",
            "object",
            # "control over the village of @1 in the @2 region has been fully restored"
            rf"{w}(?:(?:full|complete|total)\s+)?control\s+(?:over|of)\s+{obj}"
            r"(?:\s+in\s+(?:the\s+)?@\d+\s+(?:region|oblast))?\s+(?:was|were|has\s+been"
            r"|have\s+been|had\s+been)\s+(?:(?:fully|completely|now|also|finally)\s+)?"
            r"(?P<v>established|regained|restored|re-established)(?![\w-])",
            0.75,
            "control",
        ),
        r(
            "came_under",
            "captured",
            "subject",
            # "@1 has come under Russian control": a perfect tense too
            # ("@1 had already come under …", "@1 has reportedly come under …")
            rf"(?:{w}(?:has|have|had)\s+(?:{_COME_ADVERBS}\s+)*)?"
            rf"{w}(?P<v>came|comes|come|got|gets|went|goes|fell|falls|passed|passes|returned|returns)"
            r"\s+(?:back\s+)?"
            # "came under Russian control", "came under the control of the self-proclaimed
            # Luhansk republic"
            rf"(?:under|to)\s+(?:the\s+)?(?:full\s+)?(?P<of>control\s+of\s+)?"
            rf"(?P<side>{side_any})(?(of)|\s+(?:military\s+)?(?:control|hands))",
            0.8,
            *["control", "hands"],
        ),
        r(
            "active",
            "captured",
            "object",
            # "completed mop-up operations in @1": the last stage of a capture
            rf"{w}(?P<v>completed|complete|completes|finished|finishes|concluded)\s+(?:the\s+)?"
            r"(?:mop-?up|mopping-?up|clean-?up|clearing|clearance)(?:\s+operations?)?\s+(?:in|of|at)\s+"
            rf"{obj}",
            0.7,
            "mop-up",
            "mopup",
            "mopping-up",
            "clean-up",
            "cleanup",
            "clearing",
            "clearance",
        ),
        r(
            "marked_as",
            "captured",
            "object",
            # "DeepState identified the settlements of @1, @2 and @3 as captured": a monitor's
            # verdict, the side that took them named before
            # ("with DeepState marking the village of @1 as captured")
            rf"{w}(?P<v>identified|identifies|identifying|listed|lists|listing|marked|marks"
            r"|marking|mapped|maps|mapping)\s+"
            rf"{unknown_names}{obj}\s*,?\s+as\s+(?:being\s+)?(?:captured|occupied|taken|lost)"
            r"(?![\w-])",
            0.65,
            *["identified", "identifies", "identifying", "listed", "lists", "listing"],
            *["marked", "marks", "marking", "mapped", "maps", "mapping"],
        ),
        r(
            "ordered_out",
            "withdrew",
            "object",
            # "Ukrainian troops defending @1 have been ordered to retreat": the defenders leave
            rf"{w}(?:(?P<side>{side_adj})\s+)?(?:[\w-]+\s+)?(?:troops|forces|units|soldiers"
            rf"|defenders|servicemen|garrison)\s+(?:defending|holding|in|inside|stationed\s+in)\s+"
            rf"{obj}(?:[^.;:@]|@\d+\s+(?:oblast|region|province)){{0,40}}?\s(?:have|has|had)\s+been"
            r"\s+ordered\s+to\s+"
            r"(?P<v>retreat|withdraw|pull\s+out|pull\s+back|leave|fall\s+back)(?![\w-])",
            0.7,
            "ordered",
        ),
        r(
            "linked",
            "withdrew",
            "subject",
            # "… fighting near @1 and @2. Ukrainian units have moved to more advantageous
            # positions.": the General Staff's withdrawal from the places just named
            rf"{w}(?P<v>moved|maneuvered|manoeuvred|withdrew|withdrawn|pulled\s+back|relocated"
            # (its "line" group tells the parser the moving side needs no echo before)
            r"|retreated|redeployed)\s+to\s+(?:more\s+)?(?P<line>advantageous|favou?rable"
            r"|defensible|prepared)\s+(?:positions|lines|boundaries|frontiers)",
            0.55,
            "advantageous",
            "favorable",
            "favourable",
            "defensible",
            "prepared",
        ),
        r(
            "linked",
            "withdrew",
            "subject",
            rf"{w}(?P<v>{_alt(t['bare_withdraw_verbs'])})"
            rf"(?=\s*(?:[,.;:!]|$)|\s+{_alt(t['bare_withdraw_after'])}(?![\w-]))",
            0.6,
            *t["bare_withdraw_verbs"],
        ),
        *held_states,
        r(
            "held_adj",
            "held",
            "object",
            rf"(?P<side>{side_adj})-?\s*{_alt(t['held_adjective'])}\s+{obj}",
            0.7,
            *t["held_adjective"],
        ),
        r(
            "held_adj",
            "held",
            "object",
            # "Donetsk - the largest city in Russian-held territory": an appositive placing the
            # place in the part a side holds
            rf"@(?P<g>\d+)\s*(?:,|–|—|--|-)\s*(?:the\s+)?(?:(?:largest|biggest|main|only|last"
            r"|second[-\s]largest|key|major)\s+)?(?:city|town|village|settlement|hub)\s+(?:in|of)\s+"
            rf"(?:the\s+)?(?P<side>{side_adj})-?\s*{_alt(t['held_adjective'])}\s+(?:territory"
            r"|territories|part|parts|areas?|east|south|north)\b",
            0.65,
            *t["held_adjective"],
        ),
        r(
            "held_adj",
            "held",
            "object",
            # "the embattled Ukrainian stronghold of @1"
            # ("the remaining Ukrainian strongholds of @1 and @2")
            rf"(?P<side>{side_adj})\s+(?:stronghold|bastion|fortress|outpost)s?\s+of\s+{obj}",
            0.65,
            "stronghold",
            "bastion",
            "fortress",
            "outpost",
            "strongholds",
            "bastions",
            "fortresses",
            "outposts",
        ),
        r(
            "held_adj",
            "held",
            "object",
            # "the two biggest Ukrainian-controlled cities in the Donetsk region – @1 and @2"
            rf"(?P<side>{side_adj})-?\s*{_alt(t['held_adjective'])}\s+(?:[\w-]+\s+)?"
            rf"(?:{_alt(t['list_nouns'])}|cities){_LIST_REGION}"
            # "Ukrainian-held cities like @1 and @2", "…in the industrial @0 area, including @1"
            rf"(?:\s*(?:[–—:]|--|,)\s*(?:(?:like|such\s+as|including)\s+)?"
            rf"|\s+(?:like|such\s+as|including)\s+){obj}",
            0.65,
            *t["held_adjective"],
        ),
        r(
            "held_occupied",
            "held",
            "object",
            # (not a verb after its subject: "he claimed they temporarily occupied @1")
            rf"{w}(?:(?<!\bthey\s)(?<!\bwe\s)(?<!\bit\s)(?<!troops\s)(?<!forces\s)(?<!units\s)"
            rf"temporarily\s+occupied|(?:in|of|from|near|around|across|into|occupied|the|and"
            rf"|another|other)\s+(?:the\s+)?(?:temporarily\s+)?occupied)\s+{obj}",
            0.7,
            "occupied",
        ),
        r(
            "held_occupied",
            "held",
            "object",
            # "in occupied settlements in Kherson Oblast, including @1, @2", "unlike in
            # occupied cities such as @1": each place the list names is held
            rf"{w}(?:(?:in|of|from|near|around|across|into|the|and|another|other|all|many"
            rf"|unlike)\s+)?(?:the\s+)?(?:temporarily\s+|now\s+|still\s+)?occupied\s+"
            # (not "occupied two villages: @1 and @2", a capture)
            rf"(?:(?!(?:{_alt(t['counts'])}|several|some|the|a|an)\s)[\w-]+\s+)?"
            rf"(?:{_alt(t['list_nouns'])}|cities){_LIST_REGION}"
            rf"(?:\s*(?:[–—:]|--|,)\s*(?:(?:like|such\s+as|including)\s+)?"
            rf"|\s+(?:like|such\s+as|including)\s+){obj}",
            0.65,
            "occupied",
        ),
        r(
            "held_occupied",
            "held",
            "object",
            # "in @1, which is temporarily occupied", "@1, which remains occupied": a status
            # in the present ("which was occupied in October" tells a change)
            r"@(?P<g>\d+)\s*,\s*which\s+(?:is|are|remains?|remained)"
            r"\s+(?:still\s+|now\s+|currently\s+)?(?:temporarily\s+)?occupied"
            r"(?![\w-])(?!\s+(?:by|in|on|from|after|until|at|during|for)\b)",
            0.65,
            "occupied",
        ),
        r(
            "held_occupied",
            "held",
            "object",
            # "@1 and other settlements in the temporarily occupied territory of the region": a
            # list the status closes
            # (the frame joins "and other settlements" to the list's token)
            rf"(?<!\bby\s){obj}(?:\s*,?\s+and\s+other\s+{_alt(t['list_nouns'])})?\s+(?:in|on)\s+(?:the\s+)?"
            r"(?:temporarily\s+)?(?P<v>occupied)\s+(?:territor(?:y|ies)|areas?|parts?)\b",
            0.65,
            "occupied",
        ),
        r(
            "held_liberated",
            "held",
            "object",
            # "@1, @2 and other localities in the de-occupied territory of Kherson region"
            # (the frame joins "and other settlements" to the list's token)
            rf"(?<!\bby\s){obj}(?:\s*,?\s+and\s+other\s+{_alt(t['list_nouns'])})?\s+(?:in|on)\s+(?:the\s+)?"
            r"(?P<v>de-?occupied|liberated)\s+(?:territor(?:y|ies)|areas?|parts?)\b",
            0.65,
            "deoccupied",
            "de-occupied",
            "liberated",
        ),
        r(
            "held_occupied",
            "held",
            "object",
            # "in the temporarily captured @1": Ukraine's word for a place Russia holds
            rf"{w}temporarily\s+(?:captured|seized)\s+{obj}",
            0.7,
            "temporarily",
        ),
        r(
            "held_occupied",
            "held",
            "object",
            # "around @1, an occupied town in southern Ukraine": occupation with no side named
            rf"@(?P<g>\d+)\s*,\s*(?:an?|the)\s+(?:(?:now|still|temporarily|currently)\s+)?"
            rf"occupied\s+(?:[\w-]+\s+)?{_alt(t['place_nouns'])}(?![\w'’-])",
            0.65,
            "occupied",
        ),
        r(
            "held_liberated",
            "held",
            "object",
            # "the newly-liberated villages in Kherson Oblast include @1, @2": news of gains;
            # "among the liberated settlements are @1, @2"
            # ("the latest liberated populated areas were @1 and @2")
            rf"{w}(?:(?:newly|recently)[\s-]|(?<=\bamong\sthe\s)|(?<=\bthe\slatest\s)"
            rf"|(?<=\bthe\slast\s))liberated\s+(?:[\w-]+\s+)?"
            rf"{_alt(t['list_nouns'])}"
            rf"(?:\s+(?:in|of)\s+(?:the\s+)?(?:@\d+\s+)?[\w-]*\s*(?:region|oblast|province)?)?"
            rf"\s*(?:include|included|includes|are|were|such\s+as|:|—|-)\s*{unknown_names}{obj}",
            0.65,
            "liberated",
        ),
        r(
            "active",
            "captured",
            "object",
            # "Russian troops have returned to Kreminna": a side's forces back in a place (not
            # residents or refugees, who return home)
            rf"{w}(?P<side>{side_adj})\s+(?:troops|forces|army|military|soldiers|units)\s+"
            rf"(?:(?:have|has|had)\s+)?(?:now\s+|already\s+)?(?P<v>returned)\s+to\s+{obj}",
            0.65,
            "returned",
        ),
        r(
            "participle",
            "captured",
            "object",
            # "Vovchansk, a recently liberated city in Kharkiv Oblast": news of the gain in an
            # apposition
            rf"@(?P<g>\d+)\s*,\s*(?:a|an|the)\s+(?:recently|newly|freshly)[\s-]"
            rf"(?P<v>liberated|freed|de-occupied|deoccupied|recaptured|retaken)\s+"
            rf"(?:[\w-]+\s+)?{_alt(t['place_nouns'])}\b",
            0.6,
            *["liberated", "freed", "deoccupied", "recaptured", "retaken"],
        ),
        r(
            # "in the liberated @1", "against the recently liberated village of @1": news of
            # the gain told in passing
            "liberated_adjective",
            "captured",
            "object",
            rf"{w}(?:(?:in|of|into|to|through|across|around|from|at)\s+(?:the\s+)?"
            rf"(?:recently\s+|newly\s+)?(?:liberated|freed|de-occupied|deoccupied)\s+"
            # "assaults near @0, as well as recently liberated @1"
            r"|(?:near|as\s+well\s+as|towards?|including)\s+(?:recently|newly)\s+"
            r"(?:liberated|freed|de-occupied|deoccupied)\s+"
            # "against the recently liberated village of @1": news of the gain after any word;
            # "near the recently recaptured village of @1": taken back by its own side
            r"|the\s+(?:recently|newly)[\s-](?:liberated|freed|de-occupied|deoccupied"
            r"|recaptured|retaken|reclaimed|regained)\s+)"
            # "the newly liberated settlements, including @1 and @2"
            rf"(?:(?<=liberated\s)(?:{_alt(t['list_nouns'])})\s*,?\s+(?:including|such\s+as"
            rf"|among\s+them|namely|like)\s+{unknown_names})?"
            rf"{obj}",
            0.6,
            *["liberated", "occupied", "deoccupied", "freed"],
            *["recaptured", "retaken", "reclaimed", "regained"],
        ),
        r(
            "captured_adjective",
            "captured",
            "object",
            # "near recently-captured @1", "the recently captured small town of @1"
            rf"{w}(?:the\s+)?(?:recently|newly|just)[\s-](?:captured|seized|taken|occupied)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:(?:village|town|city|settlement)\s+of\s+)?"
            rf"{obj}",
            0.6,
            *["captured", "seized", "taken", "occupied"],
        ),
        r(
            "occupation_ended",
            "captured",
            "object",
            # "marked the end of occupation in @1", "ended the Russian occupation of @1": the
            # occupier lost it
            # (not "hope for an end to the occupation of @1": a wish)
            rf"{w}(?P<v>(?<=the\s)end\s+of|ended)\s+(?:the\s+)?"
            rf"(?:[\w-]+-(?:month|year|week|day)(?:-long)?\s+)?(?:(?P<side>{side_any})\s+)?"
            r"occupation\s+(?:of|in)\s+(?:the\s+(?:[\w-]+\s+)?(?:village|town|city|settlement)"
            rf"\s+of\s+)?{obj}",
            0.6,
            "occupation",
        ),
        r(
            "liberated_adjective",
            "captured",
            "object",
            # "Balakliia, another town retaken in recent days": an appositive participle with no
            # agent, regained by the place's own side
            rf"@(?P<g>\d+)\s*,\s*(?:another|one\s+of\s+the|the\s+latest|the\s+last)\s+"
            rf"(?:[\w-]+\s+)?{_alt(t['place_nouns'])}\s+(?:(?:recently|newly|just)\s+)?"
            r"(?P<v>retaken|recaptured|regained|reclaimed|liberated|freed|de-?occupied)"
            r"(?!\s+(?:by|from)\b)",
            0.6,
            *["retaken", "recaptured", "regained", "reclaimed", "liberated", "freed"],
        ),
        r(
            # "these villages liberated Sunday — @1, @2 and @3 — are located in …": the places a
            # participle's noun names between dashes or after a colon
            "liberated_adjective",
            "captured",
            "object",
            rf"{w}{_alt(t['list_nouns'])}\s+(?:(?:recently|newly|just)\s+)?"
            r"(?:liberated|freed|de-occupied|deoccupied)(?:\s+(?:on\s+|last\s+|this\s+)?"
            r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|week|weekend))?\s*(?:[—–:]|--)\s*"
            rf"{obj}",
            0.6,
            *["liberated", "deoccupied", "de-occupied", "freed"],
        ),
        r(
            # "a new line of defence was formed along the settlements of @1, @2 and @3": the
            # side that formed it holds them
            "defence_line",
            "held",
            "object",
            rf"{w}(?:line\s+of\s+defen[cs]e|defen[cs]ive\s+line|defen[cs]e\s+line)\s+(?:(?:was|has\s+been"
            r"|had\s+been|is\s+being)\s+)?(?:formed|established|set\s+up|built|organi[sz]ed|created)\s+"
            rf"along\s+(?:the\s+)?(?:(?:line|settlements|villages)\s+(?:of\s+)?)?{unknown_names}{obj}",
            0.6,
            "along",
        ),
        r(
            "held_verb",
            "held",
            "object",
            # (not the noun of a gain: "had secured full control over @1")
            rf"{w}{_NOT_AFTER_GAIN}(?P<v>{_alt(t['held_verbs'])})\s+{obj}",
            0.7,
            *t["held_verbs"],
        ),
        r(
            "held_verb",
            "held",
            "object",
            # "Russia said it now has complete control over the village of @1" (full control of
            # a place of the other side's country is news of its capture: see the parser)
            # (not "don't have full control over @1": a denial)
            rf"{w}(?<!n't\s)(?<!n’t\s)(?<!not\s)(?<!never\s)"
            rf"(?P<v>(?:has|have|had|having)\s+(?:now\s+)?(?:full|complete|total|effective)"
            rf"\s+control)\s+(?:of|over)\s+{obj}",
            0.7,
            "control",
        ),
        r(
            "held_verb",
            "held",
            "object",
            # "its forces had not been pushed out of @1": they still hold it
            rf"{w}(?P<v>(?:has|have|had|was|were)\s*(?:not|n['’]t)\s+(?:yet\s+)?been\s+"
            rf"(?:pushed|driven|forced|kicked|knocked|thrown)\s+out)\s+(?:of|from)\s+{obj}",
            0.65,
            *["pushed", "driven", "forced", "kicked", "knocked", "thrown"],
        ),
        r(
            "held_verb",
            "held",
            "object",
            # "Ukraine now controls over 80 Russian settlements, including the town of @1"
            rf"{w}(?P<v>controls|control|holds|hold|occupies|occupy)\s+(?:(?:over|more\s+than"
            rf"|about|some|nearly|almost|at\s+least)\s+)?(?:{_alt(t['counts'])})\s+"
            r"(?:[\w-]+\s+){0,2}?(?:settlements|villages|towns|localities|communities)"
            r"(?:\s+[^,;:]{1,60}?)?\s*,?\s*(?:including|among\s+them|such\s+as)\s+"
            rf"(?:the\s+(?:[\w-]+\s+)?(?:town|village|city|settlement)\s+of\s+)?{unknown_names}{obj}",
            0.7,
            *["controls", "control", "holds", "hold", "occupies", "occupy"],
        ),
        r(
            "absent",
            "held",
            "object",
            # "@1, which has yet to fall to Russian forces", "@1 is one of the last urban centres
            # in the province yet to fall to Russian forces": held by the side it would fall from
            # ("the battle for @1, one of the last urban centres … yet to fall to Russian forces")
            rf"{obj}(?:\s*,\s*(?:which|that)\s+(?:has|have|is|are)|(?:\s+(?:has|have|is|are|was"
            r"|remains?)|\s*,)(?:\s+(?:one\s+of\s+)?the\s+(?:last|only)\s+[^.;]{0,100}?)?)\s+(?:still\s+)?"
            rf"yet\s+to\s+fall\s+to\s+(?:the\s+)?(?P<side>{side_any})",
            0.65,
            "yet",
        ),
        r(
            "absent",
            "held",
            "object",
            # "@1 is now fully clear of enemy troops": the side named is gone from it
            rf"(?<!\bin\s)(?<!\bof\s)@(?P<g>\d+)\s+(?:is|was|has\s+been|had\s+been)\s+"
            r"(?:now\s+)?(?:(?:fully|completely|entirely|totally)\s+)?(?P<v>clear|cleared)\s+of\s+"
            rf"(?P<side>{side_any}|(?:the\s+)?enemy)",
            0.65,
            "clear",
            "cleared",
        ),
        r(
            "absent",
            "held",
            "object",
            # "Ukraine controlled no part of @1": the other side holds all of it
            rf"{w}(?P<side>{side_any})\s+(?:now\s+|still\s+)?(?P<v>controls|controlled|control"
            r"|holds|held|hold)\s+no\s+(?:part|parts|section|sections|area|areas)\s+of\s+"
            rf"(?:the\s+(?:town|city|village)\s+of\s+)?{obj}",
            0.65,
            "controls",
            "controlled",
            "control",
            "holds",
            "held",
            "hold",
        ),
        r(
            "absent",
            "held",
            "object",
            # "there are no Russian troops in @1", "there is no enemy in the city": the other
            # side holds it
            rf"{w}there\s+(?:are|were|is|was)\s+(?:now\s+|still\s+)?(?P<v>no)\s+(?:more\s+)?"
            rf"(?P<side>{side_any}|(?:the\s+)?enemy)(?:\s+(?:troops|forces|soldiers|military|units"
            rf"|servicemen|presence))?\s+(?:left\s+)?(?:in|inside|within)\s+{obj}",
            0.65,
            "there",
        ),
        r(
            "won",
            "held",
            "object",
            rf"{w}(?P<v>{_alt(t['won_battle'])})\s+{obj}",
            0.6,
            *["won", "win"],
        ),
        r(
            "contested",
            "contested",
            "object",
            # (not "the Ministry of Defense in @1": the ministry's seat)
            rf"{w}(?<!ministry\sof\s)(?<!minister\sof\s)(?P<v>{_alt(t['contested_nouns'])})\s+"
            rf"(?:{_alt(t['contested_fillers'])}\s+){{0,3}}{_alt(t['contested_links'])}\s+{part_obj}",
            0.6,
            *t["contested_nouns"],
        ),
        r(
            "contested",
            "contested",
            "object",
            rf"@(?P<g>\d+)\s+(?P<v>{_alt(t['contested_after_place'])})(?![\w-])",
            0.55,
            *t["contested_after_place"],
        ),
        r(
            "contested",
            "contested",
            "object",
            rf"{w}(?P<v>{_alt(t['contested_verbs'])})\s+{part_obj}",
            0.6,
            *t["contested_verbs"],
        ),
        r(
            "contested_state",
            "contested",
            "subject",
            rf"(?:{w}{_alt(t['held_copulas'])}\s+)?{w}(?P<v>{_alt(t['contested_states'])})"
            r"(?![\w-])",
            0.55,
            *t["contested_states"],
        ),
    )
