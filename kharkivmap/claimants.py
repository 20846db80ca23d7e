"""Who makes a claim, on which side, and whether it is reported with doubt.

Works on a sentence *frame*: lowercased text whose place mentions are ``@N`` tokens. A
speaker is found around a speech verb ("X said", "according to X", "X reported citing Y");
the parser takes the speaker nearest before the claim's trigger (the innermost one in "AP
reported that the ministry said …"), else the last one after it. Pronouns ("he said", "it
was also claimed") inherit the previous sentence's speaker; wire agencies relay rather than
claim, so they yield no claimant. The most specific organisation named wins, in the words
the text uses: "the 3rd Separate Assault Brigade", "the General Staff of the Ukrainian Armed
Forces", "Ukraine's Marine Corps" (as "Ukrainian Marine Corps").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from kharkivmap.lexicons import alternation, compile_words, load_lexicon
from kharkivmap.models import Place
from kharkivmap.prefilter import Clauses, may_match, required_text, required_words, words_match

__all__ = [
    "Speaker",
    "choose_speaker",
    "find_speakers",
    "has_quoted_trigger",
    "is_followup_hedge",
    "is_hedged",
    "names_a_place",
    "side_words",
    "speech_verbs",
    "vocabulary_side",
]

_WINDOW = 110
# An administration of a place set up by Russia ("the occupation authorities", "the
# Moscow-installed head"); not "the de-occupation of the region" nor "the occupation of @1"
_INSTALLED = re.compile(
    r"russian-installed|moscow-installed|russian-appointed|moscow-appointed"
    r"|(?<![\w-])occupation(?!\s+of\b)"
)
# An office and the person named for it stand this close ("a spokesman for the army, Ivan X").
_PERSON_GAP = 45
# A source credited after a dash at the end, or before a colon at the start, of a line.
_CREDIT_AFTER = re.compile(r"\s[—–-]\s*(?P<who>[^—–@:;,.]{2,40}?)[.]?$")
_CREDIT_BEFORE = re.compile(r"(?P<who>[^—–@:;,.\"“”]{2,40}):\s")
_SIDES = frozenset({"RU", "UA"})
_POSSESSIVE_END = re.compile(r"['’]s?$")
PRONOUNS = frozenset({"we", "our", "its", "their", "they", "it"})
_LETTERS = re.compile(r"[a-z]{2,}")
_PASSIVE = re.compile(r"(?:was|were|is|are|been|be|being)\s+$")
_QUOTE_MARKS = frozenset("\"“”‘’'«»")
_SMALL = frozenset({"of", "the", "for", "and", "in", "on", "at"})
# A generic or fallback source yields to a more specific one this close to it.
_JOINED = 30
_FALLBACK, _GENERIC, _SPECIFIC = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Speaker:
    """A source found in a frame: ``verb`` is where its speech verb starts.

    ``side`` is ``RU``, ``UA``, ``neutral`` or None (unknown); ``inherit`` marks a pronoun
    that stands for an earlier speaker; ``agency`` a news outlet relaying others.
    """

    name: str | None
    side: str | None
    verb: int
    inherit: bool = False
    agency: bool = False
    hint: str | None = None
    # a region's or town's own officials ("the regional governor said", by the words
    # matched): the officials of the place spoken of
    home: str = ""

    @property
    def likely_side(self) -> str | None:
        """The known side, else the side of the words around the speaker."""
        return self.side or self.hint

    def named(self, actor: str | None, place: Place | None = None) -> str | None:
        """The claimant's name; a generic source ("officials", "the army") takes the side of
        the claim's actor, since a side mostly reports its own gains and pullbacks. A governor
        or mayor named with no place speaks for the ``place`` the claim is about, in its
        country ("Russian forces have taken control of @1, the regional governor said": the
        Luhansk governor)."""
        if self.name is None or "{side}" not in self.name:
            return self.name
        if self.home and self.side is None and place is not None and place.country in _SIDES:
            # the person named with the office stays ("Sumy governor (Oleh Hryhorov)")
            person = self.name[self.name.find(" (") :] if " (" in self.name else ""
            region = place.admin1.removesuffix(" Oblast").removesuffix(" Oblast'")
            where = place.name if self.home == "mayor" or not region else region
            return f"{where} {self.home}{person}"
        side = actor if actor in _SIDES and self.side is None else self.likely_side
        adjective = _lexicon().side_names.get(side or "")
        if adjective:
            return self.name.replace("{side}", adjective)
        bare = self.name.replace("{side} ", "")
        return bare[:1].upper() + bare[1:]


@dataclass(frozen=True, slots=True)
class _Source:
    keys: frozenset[str]
    pattern: re.Pattern[str]
    rank: int  # _FALLBACK, _GENERIC or _SPECIFIC
    name: str | None
    side: str | None
    agency: bool
    inherit: bool
    noun: str = ""  # the name's {noun} when the pattern's org group is not matched
    # the side is a default a side named at the source overrides ("Valery Gerasimov, the
    # chief of the General Staff")
    side_guessed: bool = False
    home: bool = False  # a place's own officials (see Speaker.home)
    words: Clauses = ()  # whole words every match holds, besides one of ``keys``
    needs: Clauses = ()  # literal text every match holds


@dataclass(frozen=True, slots=True)
class _Lexicon:
    before: re.Pattern[str]
    after: re.Pattern[str]
    sources: tuple[_Source, ...]
    by_word: dict[str, tuple[int, ...]]  # literal word -> sources that spell it, in order
    addressee: re.Pattern[str]
    addressee_words: frozenset[str]
    side_names: dict[str, str]
    hedges: re.Pattern[str]
    quoted: re.Pattern[str]
    followup: re.Pattern[str]
    sides: re.Pattern[str]
    side_keys: frozenset[str] | None  # words one of which every RU or UA side term spells


@cache
def side_words(*, strict: bool = True) -> re.Pattern[str]:
    """Side terms: group ``ru`` or ``ua`` (an explicit side), ``enemy``, ``generic``.

    An explicit side absorbs a following force noun so "Russian troops" counts once. When
    ``strict`` (finding who acted), a side adjective counts only before a force noun:
    "Russian troops" acted, "Russian defences" did not.
    """
    lex = load_lexicon("actors")
    force = alternation(lex["generic"])
    armed = alternation([g for g in lex["generic"] if g not in PRONOUNS])
    # a unit's kind between a side and its force ("Ukrainian landing party units", "Russian
    # 3rd motorised rifle troops")
    mods = alternation(lex["unit_modifiers"])
    parts = []
    for group, side, other in (("ru", "RU", "UA"), ("ua", "UA", "RU")):
        adjectives = alternation(lex[f"{side}_adjectives"])
        # ("Russian and allied units": a second adjective, not the other side's)
        second = rf"(?:and\s+(?!{alternation(lex[f'{other}_adjectives'])}(?![\w-])))?"
        adjective = (
            rf"{adjectives}\s+{second}(?:[\w-]+\s+)?(?:(?:{mods})\s+){{0,3}}{armed}"
            if strict
            else adjectives
        )
        # "Russian volunteer fighters" are the other side's name, not a Russian adjective
        named_other = rf"(?!{alternation(lex[other])}(?![\w-]))"
        parts.append(
            rf"(?P<{group}>{alternation(lex[side])}(?:\s+{force})?|{named_other}{adjective})"
        )
    parts += [
        # "the enemy's defences" names no one who acts; "the enemy's troops" does
        # "advanced into the enemy defences": what a side attacked, not who acted
        rf"(?P<enemy>{alternation(lex['enemy'])}(?:['’]s\s+{armed}"
        rf"|(?!['’]s|\s+{alternation(lex['enemy_belongings'])}(?![\w-]))(?:\s+{force})?))",
        rf"(?P<generic>{force})",
    ]
    return re.compile(r"(?<![\w'-])(?:" + "|".join(parts) + r")(?![\w-])")


def fallback_names() -> frozenset[str]:
    """The names of the sources a text falls back on when it names only a country ("Russian
    government" for "Russia said")."""
    return _names_of_rank(_FALLBACK)


def generic_names() -> frozenset[str]:
    """The names of sources that name no body in particular ("Ukrainian officials")."""
    return _names_of_rank(_GENERIC)


@cache
def _names_of_rank(rank: int) -> frozenset[str]:
    names = set()
    for source in _lexicon().sources:
        if source.rank == rank and source.name and "{org}" not in source.name:
            for side in ("", *_lexicon().side_names.values()):
                names.add(source.name.replace("{side}", side).strip())
    return frozenset(names)


@cache
def _lexicon() -> _Lexicon:
    lex = load_lexicon("claimants")
    listed = [
        _Source(
            frozenset(entry["keys"]) if "keys" in entry else _key_words(entry["re"]),
            re.compile(entry["re"]),
            _FALLBACK if entry.get("fallback") else _GENERIC if entry.get("generic") else _SPECIFIC,
            entry.get("name"),
            entry.get("side"),
            bool(entry.get("agency")),
            bool(entry.get("inherit")),
            entry.get("noun", ""),
            bool(entry.get("side_guessed")),
            bool(entry.get("home")),
        )
        for entry in lex["sources"]
    ]
    sources = tuple(
        replace(
            source,
            words=tuple(c for c in required_words(source.pattern) if c != source.keys),
            needs=required_text(source.pattern),
        )
        for source in (*listed, _person_source(lex["persons"]["titles"], lex["verbs_before"]))
    )
    after = re.compile(r"(?<![\w-])" + alternation(lex["verbs_after"]) + r"\s+")
    by_word: dict[str, list[int]] = {}
    for i, source in enumerate(sources):
        for word in source.keys:
            by_word.setdefault(word, []).append(i)
    return _Lexicon(
        before=compile_words(lex["verbs_before"]),
        after=after,
        sources=sources,
        by_word={word: tuple(found) for word, found in by_word.items()},
        addressee_words=frozenset(a.split()[0] for a in lex["addressee"]),
        addressee=re.compile(
            r"(?<![\w-])" + alternation(lex["addressee"]) + r"\s+(?:[\w'.-]+\s+){0,4}$"
        ),
        side_names=lex["side_names"],
        hedges=compile_words(load_lexicon("hedges")["hedges"]),
        followup=compile_words(load_lexicon("hedges")["followup"]),
        quoted=re.compile(load_lexicon("hedges")["quoted_trigger"], re.IGNORECASE),
        sides=side_words(strict=False),
        side_keys=_side_keys(),
    )


def _side_keys() -> frozenset[str] | None:
    """Words one of which any side term naming Russia or Ukraine spells as a whole word
    ("russian", "kyiv", "zsu"): a window lacking them all names no side."""
    lex = load_lexicon("actors")
    return _term_words(
        [t for key in ("RU", "UA", "RU_adjectives", "UA_adjectives") for t in lex[key]]
    )


def _term_words(terms: Sequence[str]) -> frozenset[str] | None:
    """Words one of which each of ``terms`` (regex source, matched as whole words) spells,
    or None when some term spells no whole word."""
    each = ")|(?:".join(t.replace(" ", r"\s+") for t in terms)
    clauses = required_words(re.compile(rf"(?<![\w'-])(?:(?:{each}))(?![\w-])"))
    return clauses[0] if clauses else None


def _person_source(titles: list[str], verbs: list[str]) -> _Source:
    """Given name and surname: a speaker kept by name, the weakest source ("Oleh said" has
    no surname)."""
    text = resources.files("kharkivmap").joinpath("lexicon/first_names.txt").read_text("utf-8")
    given = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    given -= set(titles)
    surname = rf"(?!{alternation(verbs)}\b)[a-z][a-z'-]+[a-z]"
    pattern = re.compile(rf"(?<![\w'-])(?P<org>{alternation(given)}\s+{surname})\b")
    return _Source(frozenset(given), pattern, _FALLBACK, "{org}", None, False, False)


def is_hedged(frame: str) -> bool:
    """True when the sentence reports its content with doubt (appears, reportedly, claimed…)."""
    return _lexicon().hedges.search(frame) is not None


def speech_verbs() -> re.Pattern[str]:
    """Verbs that introduce a speaker ("said", "announced", "claimed" …)."""
    return _lexicon().before


def has_quoted_trigger(sentence: str) -> bool:
    """Whether the raw ``sentence`` quotes its capture word ("said it had “liberated” @1")."""
    if _QUOTE_MARKS.isdisjoint(sentence):
        return False  # the pattern needs a quotation mark (or apostrophe) next to the word
    return _lexicon().quoted.search(sentence) is not None


def is_followup_hedge(frame: str) -> bool:
    """True for a sentence that casts doubt on the one before ("Kyiv did not comment.")."""
    return "@" not in frame and _lexicon().followup.search(frame) is not None


def _side_near(frame: str, start: int, end: int) -> str | None:
    """The last side named in ``frame[start:end]``, leaving out the country as a place
    ("in Ukraine", "Ukraine's eastern Donetsk region"): that names no actor."""
    lex = _lexicon()
    keys = lex.side_keys
    if keys is not None and keys.isdisjoint(_LETTERS.findall(frame, start, end)):
        return None  # no word of a side term: nothing to scan for
    side = None
    for m in lex.sides.finditer(frame, start, end):
        if names_a_place(frame, m.start(), m.end()):
            continue
        if m.lastgroup == "ru":
            side = "RU"
        elif m.lastgroup == "ua":
            side = "UA"
    return side


def vocabulary_side(text: str, start: int, end: int) -> str | None:
    """The side whose vocabulary ``text[start:end]`` speaks ("the Donetsk People's Republic"
    is Moscow's word, "occupiers" Kyiv's), if it uses one side's terms only."""
    found = {side for side, pattern in _vocabularies().items() if pattern.search(text, start, end)}
    return found.pop() if len(found) == 1 else None


@cache
def _vocabularies() -> dict[str, re.Pattern[str]]:
    terms = load_lexicon("actors")["perspective"]
    return {
        side: re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])")
        for side, words in terms.items()
        if side in _SIDES
    }


def names_a_place(frame: str, start: int, end: int) -> bool:
    """Whether the side term at ``frame[start:end]`` names the country as a place ("in
    Ukraine", "Ukraine's eastern Donetsk region") rather than an actor."""
    if _SOURCE_FROM.search(frame, max(0, start - 30), start):
        return False  # "reports from Russia claiming it had captured @1": a source
    return bool(
        _GEOGRAPHIC_BEFORE.search(frame, max(0, start - 30), start)
        or _GEOGRAPHIC_AFTER.match(frame, end)
    )


_SOURCE_FROM = re.compile(
    r"\b(?:reports?|claims?|statements?|announcements?|word)\s+(?:\w+\s+)?from\s+(?:the\s+)?$"
)


_GEOGRAPHIC_BEFORE = re.compile(
    r"\b(?:in|of|across|into|inside|from|to)\s+(?:(?:north|south|east|west|central)[\w-]*\s+)?$"
)
# "the east of Ukraine", "in eastern Ukraine": the country as a place, never a speaker
_PLACE_OF = re.compile(
    r"\b(?:(?:regions?|oblasts?|areas?|parts?|east|west|north|south|territory|territories"
    r"|border|soil)\s+of|(?:in|across|into|inside|of|from)\s+(?:north|south|east|west|central)"
    r"[\w-]*)\s+$"
)
_GEOGRAPHIC_AFTER = re.compile(
    # "Ukraine's entire @1 region", "Ukraine's embattled eastern @1"
    r"(?:'s)?\s+(?:(?:entire|whole|(?:partially\s+)?occupied|embattled|besieged|industrial)\s+)?"
    r"(?:(?:north|south|east|west|central|north-?eastern|south-?eastern|north-?western"
    r"|south-?western|northern|southern|eastern|western)\s+)?(?:@\d+|regions?|oblasts?|border"
    r"|territor(?:y|ies)|soil|land|frontier|cities|villages|towns)\b"
)


def _key_words(pattern: str) -> frozenset[str]:
    """Words a window must hold one of for a source pattern to match: the whole words of
    which every match spells one, else every word the pattern spells out."""
    clauses = required_words(re.compile(pattern))
    return (
        clauses[0] if clauses else frozenset(_LETTERS.findall(re.sub(r"\\[a-zA-Z]", " ", pattern)))
    )


_Found = tuple["_Source", re.Match[str], str | None]
# Speakers of frames that recur (stock attributions with other places) are kept, up to this
# many frames.
_CACHE_MAX = 20_000


_sources_in: dict[tuple[str, bool], _Found | None] = {}


def _source_in(window: str, *, nearest_end: bool) -> _Found | None:
    """The source nearest the speech verb in ``window``, with a side it borrows (or None).

    The words before a speech verb recur across frames that do not ("…, the ministry
    said"), so results are kept, up to as many windows as frames."""
    key = (window, nearest_end)
    if key in _sources_in:
        return _sources_in[key]
    if len(_sources_in) >= _CACHE_MAX:
        _sources_in.clear()
    found = _sources_in[key] = _find_source_in(window, nearest_end=nearest_end)
    return found


def _find_source_in(window: str, *, nearest_end: bool) -> _Found | None:
    """:func:`_source_in` without the cache."""
    best: tuple[_Source, re.Match[str]] | None = None
    found: list[tuple[_Source, re.Match[str]]] = []
    lex = _lexicon()
    # Only sources that spell a word of the window can match it; visit them in lexicon order.
    words = set(_LETTERS.findall(window))
    hits = {i for word in words for i in lex.by_word.get(word, ())}
    spoken_to = not lex.addressee_words.isdisjoint(words)
    for i in sorted(hits):
        source = lex.sources[i]
        if (source.words and not words_match(source.words, words)) or (
            source.needs and not may_match(source.needs, window)
        ):
            continue  # it spells out words or text the window lacks
        for m in source.pattern.finditer(window):
            if spoken_to and lex.addressee.search(window, max(0, m.start() - 60), m.start()):
                continue  # "Gerasimov told Putin": Putin is spoken to
            if source.inherit and nearest_end and "," in window[m.end() :]:
                continue  # "the force near @0 and around it, confirmed": not the subject
            if source.rank == _FALLBACK and _PLACE_OF.search(
                window, max(0, m.start() - 30), m.start()
            ):
                continue  # "forces in the eastern region of Ukraine said": a place, no speaker
            found.append((source, m))
            if best is None:
                best = (source, m)
                continue
            old = best[1]
            better = (
                m.end() > old.end() or (m.end() == old.end() and m.start() < old.start())
                if nearest_end
                else m.start() < old.start() or (m.start() == old.start() and m.end() > old.end())
            )
            if better:
                best = (source, m)
    if best is None:
        return None
    return _most_specific(window, best, found)


def _most_specific(
    window: str, best: tuple[_Source, re.Match[str]], found: list[tuple[_Source, re.Match[str]]]
) -> _Found:
    """A more specific source joined to a generic ``best`` speaks for it: "the Defense
    Ministry in Moscow said", "the General Staff of the Ukrainian Armed Forces reported"."""
    source, match = best
    if source.rank == _SPECIFIC:
        return source, match, None
    chosen: tuple[_Source, re.Match[str]] | None = None
    for other, m in found:
        if other.rank <= source.rank or other.agency or other.inherit:
            continue
        lo, hi = sorted((m.end(), match.start()))
        gap = window[lo:hi]
        joined = hi - lo < _JOINED and "," not in gap and "@" not in gap
        if joined and (chosen is None or (other.rank, m.end()) > (chosen[0].rank, chosen[1].end())):
            chosen = (other, m)
    if chosen is None:
        return source, match, None
    # a source with a side of its own keeps it: "separatist forces in Ukraine claimed"
    borrowed = source.side if source.side in _SIDES and chosen[0].side not in _SIDES else None
    return chosen[0], chosen[1], borrowed


@lru_cache(maxsize=4096)
def _title(text: str) -> str:
    """An organisation's name from lowercased text: "3rd Separate Assault Brigade"; the same
    few names recur across speakers, so each is spelled once."""
    words = text.split()
    return " ".join(w if w in _SMALL and i else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _speaker(
    frame: str,
    verb: int,
    found: _Found,
    span: tuple[int, int],
    places: Sequence[Place],
) -> Speaker:
    source, m, borrowed = found
    if source.agency or source.inherit:
        name = source.name if source.agency else None  # "CNN reported", with nobody cited
        return Speaker(name, None, verb, inherit=source.inherit, agency=source.agency)
    side = borrowed or source.side
    name = source.name or ""
    groups = m.re.groupindex
    if "adj" in groups and m.group("adj"):
        side = _side_near(m.group("adj"), 0, len(m.group("adj"))) or side
    if "org" in groups:
        org = (m.group("org") or source.noun).removeprefix("the ")
        name = name.replace("{org}", _title(org)).replace("{noun}", org)
    if "{place}" in name:
        index = int(m.group(1) or m.group(2))
        place = places[index] if index < len(places) else None
        if place is None:
            return Speaker(None, None, verb, agency=True)
        installed = _INSTALLED.search(frame)
        side = "RU" if place.country == "RU" or installed else "UA"
        name = name.replace("{place}", place.name)
    person = _person_at(frame, span, m) if source is not _lexicon().sources[-1] else None
    if source.side_guessed and person:
        # "Valery Gerasimov, the chief of the General Staff": the person names the side
        side = _side_near(person.lower(), 0, len(person)) or side
    name_pattern = source.name or ""
    if person and ("{place}" in name_pattern or (source.side is None and "{side}" in name_pattern)):
        # "Vladimir Saldo, the governor of the Kherson region": an office in a Ukrainian
        # region held for Moscow, whose holder the lexicon knows; "Serhii Cherevatyi, Speaker
        # of the Eastern group of troops": a group either side may have
        side = _known_side(person) or side
    hint = None
    if side is None:
        # A side word right at the source ("a Ukrainian military source") settles it.
        start = span[0] + m.start()
        lo = max(span[0], start - 25)
        # (not across a comma: "a key hub for Kiev's forces, the Defence Ministry said")
        lo = max(lo, frame.rfind(",", lo, start) + 1)
        side = _side_near(frame, lo, span[0] + m.end())
        # one side's vocabulary around the speaker ("from Russian occupation forces") tells
        # the voice better than the side words it names, which are often the enemy's
        # …but a speaker before its verb takes no side from what it says ("Kyiv, whose
        # troops took @1, said Russia was retreating")
        reach = span[1] if span[1] <= verb else min(len(frame), span[1] + 300)
        hint = (
            _side_near(frame, *span)
            or vocabulary_side(frame, max(0, span[0] - 300), min(len(frame), span[1] + 300))
            or _side_near(frame, max(0, span[0] - 300), reach)
        )
        if side is None and "{side}" not in name:
            side = hint
    if side in _SIDES and "{side}" in name:
        name = name.replace("{side}", _lexicon().side_names[side])
    if person:
        person = _POSSESSIVE_END.sub("", person)  # "Zaluzhnyi's adviser": the adviser's chief
    if person and person.casefold() not in name.casefold():
        name = f"{name} ({person})"
    home = m.group().lower() if source.home else ""
    return Speaker(name or None, side, verb, hint=hint, home=home)


def _known_side(person: str) -> str | None:
    """The side of a person a source of the lexicon names with a side ("Saldo")."""
    lowered = person.lower()
    for source in _lexicon().sources:
        if (
            source.rank == _SPECIFIC
            and source.side in _SIDES
            and not source.side_guessed
            and source.pattern.search(lowered)
        ):
            return source.side
    return None


def _person_at(frame: str, span: tuple[int, int], m: re.Match[str]) -> str | None:
    """The person who speaks for an office, named beside it ("Russian General Staff chief
    Valery Gerasimov", "Serhiy Cherevaty, a spokesman for Ukraine's armed forces"): readers
    cite either, so the claimant keeps both."""
    window = frame[span[0] : span[1]]
    words = set(_LETTERS.findall(window))
    person = _lexicon().sources[-1]
    people = _people()
    named = []
    if not person.keys.isdisjoint(words):  # a given name
        named = [(p, _title(p.group("org"))) for p in person.pattern.finditer(window)]
    if not named and (people.keys is None or not people.keys.isdisjoint(words)):
        # a surname alone: "Zelensky said"
        named = [(p, people.names[p.group()]) for p in people.pattern.finditer(window)]
    best: tuple[int, str] | None = None
    for hit, full in named:
        if hit.end() <= m.start():
            gap = window[hit.end() : m.start()]
        elif m.end() <= hit.start():
            gap = window[m.end() : hit.start()]
        else:
            gap = ""  # the office is named by the person ("gerasimov said")
        if len(gap) > _PERSON_GAP or gap.count(",") > 1 or "@" in gap or ";" in gap:
            continue
        if best is None or len(gap) < best[0]:
            best = (len(gap), full)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class _People:
    pattern: re.Pattern[str]
    names: dict[str, str]  # surname as written, lowercased -> full name
    keys: frozenset[str] | None  # words one of which every surname spells


@cache
def _people() -> _People:
    names: dict[str, str] = load_lexicon("claimants")["people"]
    pattern = re.compile(rf"(?<![\w'-])(?:{alternation(names)})(?![\w-])")
    return _People(pattern, names, _term_words(list(names)))


def find_speakers(frame: str, places: Sequence[Place] = ()) -> list[Speaker]:
    """Speakers in ``frame`` in text order; ``places[i]`` is the place of token ``@i``."""
    cached = _speakers_of.get(frame)
    if cached is not None:
        return list(cached)
    speakers, by_place = _find_speakers(frame, places)
    if not by_place:  # a speaker named after a place ("the @0 governor") is the frame's own
        if len(_speakers_of) >= _CACHE_MAX:
            _speakers_of.clear()
        _speakers_of[frame] = tuple(speakers)
    return speakers


_speakers_of: dict[str, tuple[Speaker, ...]] = {}


def _find_speakers(frame: str, places: Sequence[Place]) -> tuple[list[Speaker], bool]:
    """:func:`find_speakers` without the cache, and whether a speaker is named by a place."""
    lex = _lexicon()
    speakers: list[Speaker] = []
    by_place = False
    for m in lex.before.finditer(frame):
        if (
            _AS_NOUN.search(frame, max(0, m.start() - 20), m.start())
            or (
                _SOURCE_AFTER.match(frame, m.end())
                and _ARTICLE_BEFORE.search(frame, max(0, m.start() - 6), m.start())
            )
            or (
                m.group() in _PLURAL_NOUNS
                and _SIDE_ADJECTIVE_BEFORE.search(frame, max(0, m.start() - 16), m.start())
                and not _CONTENT_AFTER.match(frame, m.end())
            )
        ):
            # "according to reports from …", "dismissing Russian claims": a noun, no speech
            continue
        # "Ms X, press officer for the 92nd Brigade, the main force near @0, confirmed": a
        # speaker closed by an appositive reaches further back
        reach = (
            2 * _WINDOW
            if frame[max(0, m.start() - 3) : m.start()].rstrip().endswith(",")
            else _WINDOW
        )
        inverted = _inverted(frame, m, places)
        if inverted is not None:
            speakers.append(inverted)
            continue
        lo = max(0, m.start() - reach)
        cut = max(frame.rfind(";", lo, m.start()), frame.rfind(":", lo, m.start()))
        lo = max(lo, cut + 1)
        hi = m.start()
        aside = _RELATIVE_BEFORE.search(frame, lo, hi)
        if aside is not None and _source_in(frame[lo : aside.start()], nearest_end=True):
            # "the Legion, which seeks to liberate Russia from Putin, said": a relative
            # clause between the speaker and its verb names someone else
            hi = aside.start()
        found = _source_in(frame[lo:hi], nearest_end=True)
        if found and _PASSIVE.search(frame, lo, m.start()) and not found[0].inherit:
            continue  # "fighting was reported": nobody speaks, unless "it was claimed"
        if found:
            by_place = by_place or "{place}" in (found[0].name or "")
            speakers.append(_speaker(frame, m.start(), found, (lo, m.start()), places))
    for m in lex.after.finditer(frame):
        hi = min(len(frame), m.end() + _WINDOW)
        stop = _CLAUSE_END.search(frame, m.end(), hi)
        if stop and not _source_in(frame[m.end() : stop.start()], nearest_end=False):
            continue  # "according to unverified data, we lost @0": no source past the comma
        found = _source_in(frame[m.end() : hi], nearest_end=False)
        if found:
            by_place = by_place or "{place}" in (found[0].name or "")
            speakers.append(_speaker(frame, m.start(), found, (m.end(), hi), places))
    # Headlines compress an attribution: "… — Defense Ministry", "TASS: …"
    for credit in (_CREDIT_AFTER.search(frame), _CREDIT_BEFORE.match(frame)):
        if credit is None:
            continue
        lo, hi = credit.span("who")
        found = _source_in(frame[lo:hi], nearest_end=False)
        if found and found[1].end() - found[1].start() >= len(frame[lo:hi].strip()) - 4:
            by_place = by_place or "{place}" in (found[0].name or "")
            speakers.append(_speaker(frame, credit.start(), found, (lo, hi), places))
    speakers.sort(key=lambda s: s.verb)
    return speakers, by_place


_CLAUSE_END = re.compile(r"[,;:.!?]\s")
# A relative clause set off by commas that ends right before a speech verb
_RELATIVE_BEFORE = re.compile(r",\s*(?:which|who)\s[^,;]{1,160},\s*$")
# A speech verb spelt like a noun after a preposition ("according to reports", "citing claims")
_AS_NOUN = re.compile(r"\b(?:according\s+to|citing|in|from|of)\s+(?:the\s+|media\s+)?$")
# …or a plural noun after a side's adjective ("dismissing Russian claims")
_PLURAL_NOUNS = frozenset({"claims", "reports"})
_CONTENT_AFTER = re.compile(r"\s+(?:that|of|about|to)\b")  # "Russian claims that …" still tell
_SIDE_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:russian|ukrainian|pro-russian|pro-kremlin|pro-ukrainian|separatist|kremlin)\s+$"
)
# …or after an article with its source following it ("could not verify the report by …")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
_SOURCE_AFTER = re.compile(r"\s+by\b")

# "…, said Hromov.": the speaker follows the verb and ends the sentence ("…,” said the @2
# regional governor, Serhiy Haidai.": an office, a place and a name)
_INVERTED_TAIL = re.compile(r"\s+((?:[a-z@0-9'’.-]+,?\s+){0,7}?[a-z'’.-]+)\s*[.!?]?\s*$")
_PARTICIPLE_AFTER = re.compile(r",\s+[a-z]+ing\s")
# Verbs whose object is whom the speaker spoke to
_TOLD = re.compile(r"(?:told|tells|tell)\b")
# A quotation closing right before the comma's verb ("…,” said …")
_CLOSING_QUOTES = " ”\"’»'"
_NOT_A_SPEAKER = frozenset(
    {
        "on", "in", "at", "late", "earlier", "later", "last", "this", "yesterday", "today",
        "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "that", "it", "adding", "then", "also", "previously", "recently", "he", "she", "they",
    }
)  # fmt: skip


# Words no person's name is made of
_FUNCTION_WORDS = frozenset(
    {"in", "on", "at", "the", "a", "an", "to", "for", "with", "from", "into", "that", "this", "it",
     "they", "we", "there", "their", "its", "our", "not", "no"}
)  # fmt: skip
# Finite verbs that make the words after "said" a clause of their own
_FINITE = frozenset(
    {"was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should", "can"}
)


def _inverted(frame: str, m: re.Match[str], places: Sequence[Place]) -> Speaker | None:
    """The speaker of "…, said Hromov.", where the words before the comma are the quote's:
    a source named after the verb, else the words there as a person's name."""
    if not frame[max(0, m.start() - 4) : m.start()].rstrip(_CLOSING_QUOTES).endswith(","):
        return None
    if _TOLD.match(frame, m.start()):
        return None  # "…, an official with the General Staff, told television": an addressee
    # "…, said the governor, Serhiy Haidai, referring to two hamlets": a participle's clause
    # after the speaker is not part of the name
    after = _PARTICIPLE_AFTER.search(frame, m.end())
    tail = _INVERTED_TAIL.match(frame[: after.start()] if after else frame, m.end())
    if tail is None or tail.group(1).split()[0].rstrip(".") in _NOT_A_SPEAKER:
        return None
    words = tail.group(1).replace(",", " ").split()
    if not _FINITE.isdisjoint(words):
        return None  # "…, said Russia was retreating": what was said, not who said it
    end = tail.end(1)
    found = _source_in(frame[m.end() : end], nearest_end=False)
    if found:
        return _speaker(frame, m.start(), found, (m.end(), end), places)
    if "," in tail.group(1) or "@" in tail.group(1) or len(words) > 5:
        return None  # no source among many words: not one person's name
    if not _FUNCTION_WORDS.isdisjoint(words):
        return None  # "…, said bodies lay in the streets": a clause, not a name
    return Speaker(_title(tail.group(1).rstrip(".")), None, m.start())


def choose_speaker(
    speakers: Sequence[Speaker], anchor: int, *, breaks: Sequence[int] = ()
) -> Speaker | None:
    """The innermost speaker of a claim at ``anchor``.

    The nearest speaker before the claim wins ("AP reported that the ministry said …").
    After the claim, the nearest one wins, followed along a chain of relays in the same
    clause ("…, RIA reported citing the ministry"); ``breaks`` are the clause boundaries.
    """
    useful = [s for s in speakers if not s.agency]
    if not useful:
        # a named outlet speaks for itself when it cites nobody ("according to Ukrainska
        # Pravda, …"); an outlet that relays a source yields to it
        useful = [s for s in speakers if s.name]
    before = [s for s in useful if s.verb <= anchor]
    if before:
        return before[-1]
    after = [s for s in useful if s.verb > anchor]
    if not after:
        return None
    chosen = after[0]
    for nxt in after[1:]:
        if any(chosen.verb < b <= nxt.verb for b in breaks):
            break
        chosen = nxt
    return chosen
