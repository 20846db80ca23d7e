"""Event dates from the date expressions of a sentence and the publication date.

News dates events relative to publication ("on Saturday", "earlier this week", "last
month") or explicitly ("on Nov. 11", "11 September 2022"). A claim takes the expression
nearest to its trigger; without one, the date of the previous sentence carries over, and
failing that the claim is dated to the day before publication with week precision (reported
events mostly happened in the days before the report). Year-level expressions ("last year")
give no date. Without a publication date only explicit dates with a year resolve.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from kharkivmap.claimants import speech_verbs
from kharkivmap.lexicons import alternation, load_lexicon
from kharkivmap.models import DatePrecision

__all__ = [
    "DateExpression",
    "find_date_expressions",
    "nearest_expression",
    "pick_date",
    "resolve_date",
]

Resolved = tuple[date | None, DatePrecision]

_RELATIVE = re.compile(r", (?:which|where|who|whose)\b[^,;—]*")
_SPEECH_GAP = 25
_CACHE_MAX = 20_000
_scans: dict[str, tuple[re.Match[str], ...]] = {}


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression found at ``start:end`` of a lowercased text, resolved."""

    start: int
    end: int
    date: date | None
    precision: DatePrecision
    past_year: bool = False  # names a year before publication ("last year", "in 2022")
    # relative clauses it does not date: "Today, in Izium, which was liberated …"
    shielded: tuple[tuple[int, int], ...] = ()
    # the participle aside it stands in, the only span it dates: "captured @0, located
    # between @1, captured in February, and @2" (February is @1's)
    confined: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague: frozenset[str]
    # Every expression holds a digit or one of these words (as part of a word or whole);
    # most sentences hold neither and are not scanned. None: always scan.
    hint: re.Pattern[str] | None


_INVASION = date(2022, 2, 24)


# The words an expression can begin with, besides a digit or a month, weekday or number name.
# The pattern first looks for one of them, so that most words are passed over at a glance
# instead of being tried against every kind of expression.
_LEADS = (
    "a", "at", "beginning", "by", "during", "early", "earlier", "first", "in", "initial",
    "last", "late", "later", "mid", "on", "opening", "outset", "over", "overnight", "past",
    "since", "start", "the", "this", "through", "today", "tonight", "until", "yesterday",
)  # fmt: skip


@cache
def _grammar() -> _Grammar:
    lex = load_lexicon("dates")
    months: dict[str, int] = lex["months"]
    weekdays: dict[str, int] = lex["weekdays"]
    numbers: dict[str, int] = lex["numbers"]
    return _Grammar(
        _pattern(months, weekdays, numbers),
        months,
        weekdays,
        numbers,
        frozenset(lex["vague"]),
        _hint(months, weekdays),
    )


def _pattern(
    months: dict[str, int], weekdays: dict[str, int], numbers: dict[str, int], *, lead: bool = True
) -> re.Pattern[str]:
    """The date expression pattern; ``lead`` adds the look for a leading word (the pattern
    matches the same without it, only slower)."""
    first = rf"(?=\d|{alternation([*months, *weekdays, *numbers, *_LEADS])}\b)" if lead else ""
    mon = alternation(months)
    wd = alternation(weekdays)
    num = alternation([*numbers, r"\d{1,2}"])
    # "on the night of 12-13 may", "may 12 to 13": the first night counts
    span = r"(?:\s*(?:-|—|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"
    return re.compile(
        rf"""(?<![\w@-]){first}(?:
        (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))
        |(?P<md>(?P<m1>{mon})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{span}(?![\d:])
            (?:,?\s+(?P<y1>\d{{4}}))?)
        |(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?{span}\s+(?:of\s+)?(?P<m2>{mon})\.?
            (?:,?\s+(?P<y2>\d{{4}}))?)
        |(?P<my>(?P<m3>{mon})\.?,?\s+(?P<y3>\d{{4}}))
        |(?P<mo>(?:in|since|during|by|early|late|mid-?|until|through|last)\s+(?:early\s+|late\s+|mid-?)?
            (?P<m4>(?!may\s+(?:be|have|not|also|well|still|soon)\b){mon})
            (?!\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:]))  # "since may 8" is a day, below
            (?:\.?,?\s+(?P<y4>\d{{4}}))?)
        |(?P<wd>(?P<wdmod>last\s+|this\s+|past\s+)?(?P<w>{wd}))
        |(?P<yesterday>yesterday|the\s+day\s+before|last\s+night)
        |(?P<today>today|this\s+morning|this\s+afternoon|this\s+evening|tonight|overnight
            |(?:earlier|later)\s+that\s+day|(?:on\s+)?that\s+same\s+day)
        |(?P<ago>(?P<n>{num})\s+(?P<unit>day|week|month)s?\s+ago)
        |(?P<thisweek>(?:earlier\s+|later\s+)?this\s+week|in\s+recent\s+days
            |(?:in|over|during)\s+the\s+(?:past|last)\s+(?:(?:few|several|two|three)\s+days|week))
        |(?P<lastweek>last\s+week|a\s+week\s+ago|the\s+previous\s+week)
        |(?P<weekend>(?:over|at|during|on)\s+the\s+weekend|this\s+weekend|last\s+weekend)
        |(?P<lastmonth>last\s+month|a\s+month\s+ago|the\s+previous\s+month)
        |(?P<thismonth>(?:earlier\s+)?this\s+month)
        |(?P<invasion>(?:the\s+)?(?:first|early|opening|initial)\s+(?:days|weeks|months|stages?
            |phase)\s+of\s+(?:the\s+|russia's\s+)?(?:full-scale\s+)?(?:invasion|war)
            |(?:the\s+)?(?:start|beginning|outset)\s+of\s+(?:the\s+|russia's\s+)?
            (?:full-scale\s+)?invasion)
        |(?P<year>last\s+year|earlier\s+this\s+year|this\s+year|in\s+\d{{4}}|a\s+year\s+ago
            |\d{{4}}(?=\s+(?:counter-?offensives?|offensives?|invasion|campaign)\b))
        )(?![\w-])""",
        re.VERBOSE,
    )


# The words each kind of expression needs one of besides month and weekday names: "day"
# ("yesterday", "today", "the day before", "in recent days"), "night" ("tonight",
# "overnight"), "morning", "afternoon", "evening", "ago", "week" ("weekend"), "month",
# "year"; the rest need a digit.
_HINT_WORDS = ("day", "night", "morning", "afternoon", "evening", "ago", "week", "month", "year")
_DIGIT = re.compile(r"\d")


def _hint(months: dict[str, int], weekdays: dict[str, int]) -> re.Pattern[str] | None:
    words = [*months, *weekdays, *_HINT_WORDS]
    if not all(re.fullmatch(r"[a-z]+", word) for word in words):
        return None  # a name written as a pattern: its letters are no plain substring
    return re.compile(alternation(words))


def _day(year: int, month: int, day: int) -> date | None:
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return date(year, month, day)
    return None


def _explicit(g: _Grammar, m: re.Match[str], published: date | None) -> Resolved:
    if m.group("iso"):
        found = _day(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        return (found, "day") if found else (None, "unknown")
    month = g.months[(m.group("m1") or m.group("m2") or m.group("m3") or m.group("m4")).lower()]
    year_text = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
    day_text = m.group("d1") or m.group("d2")
    if year_text:
        year = int(year_text)
    elif published:
        year = published.year
        # A month later than publication without a year belongs to the year before.
        later = month > published.month or (
            day_text and month == published.month and int(day_text) > published.day + 1
        )
        if later:
            year -= 1
    else:
        return None, "unknown"
    if not day_text:
        return date(year, month, 1), "month"
    found = _day(year, month, int(day_text))
    return (found, "day") if found else (None, "unknown")


def _relative(g: _Grammar, m: re.Match[str], pub: date) -> Resolved:
    kind = m.lastgroup
    if kind == "wd":
        back = (pub.weekday() - g.weekdays[m.group("w")]) % 7
        if back == 0 and (m.group("wdmod") or "").strip() in {"last", "past"}:
            back = 7
        return pub - timedelta(days=back), "day"
    if kind == "yesterday":
        return pub - timedelta(days=1), "day"
    if kind == "today":
        return pub, "day"
    if kind == "ago":
        return _ago(g, m.group("n"), m.group("unit"), pub)
    if kind == "thisweek":
        return pub - timedelta(days=min(pub.weekday(), 1)), "week"
    if kind == "lastweek":
        return pub - timedelta(days=7), "week"
    if kind == "weekend":
        return pub - timedelta(days=(pub.weekday() - 5) % 7), "week"
    if kind == "lastmonth":
        return (pub.replace(day=1) - timedelta(days=1)).replace(day=1), "month"
    if kind == "thismonth":
        return pub.replace(day=1), "month"
    return None, "unknown"


def _ago(g: _Grammar, number: str, unit: str, pub: date) -> Resolved:
    count = g.numbers[number] if number in g.numbers else int(number)
    if unit == "month":
        return pub - timedelta(days=30 * count), "month"
    if unit == "week":
        return pub - timedelta(weeks=count), "week"
    # "a few days ago" is as vague as "earlier this week"
    return pub - timedelta(days=count), "week" if number in g.vague else "day"


def find_date_expressions(text: str, published: date | None) -> list[DateExpression]:
    """All date expressions in lowercased ``text``, resolved against ``published``.

    "Today" in reported speech is the day of the speech when the text dates it ("said on
    Tuesday: today our units liberated …"). An expression does not date the relative
    clauses it stands outside of.
    """
    found, todays = _expressions(text, published)
    if not found:
        return found
    spoken = _speech_day(text, found, todays) if todays and len(found) > 1 else None
    clauses = [m.span() for m in _RELATIVE.finditer(text)] if ", wh" in text else []
    asides = [m.span() for m in _PARTICIPLE_ASIDE.finditer(text)] if "@" in text else []
    if "@" in text:
        asides += [m.span(1) for m in _PLACE_RELATIVE.finditer(text)]
    if spoken is None and not clauses and not asides:
        return found
    result = []
    for i, expr in enumerate(found):
        if spoken is not None and i in todays:
            expr = replace(expr, date=spoken.date, precision=spoken.precision)
        shielded = tuple(c for c in clauses if not c[0] <= expr.start < c[1])
        if shielded:
            expr = replace(expr, shielded=shielded)
        confined = next((a for a in asides if a[0] <= expr.start < a[1]), None)
        result.append(replace(expr, confined=confined) if confined else expr)
    return result


# A place's participle aside between commas: ", @1, captured in February,"
_PARTICIPLE_ASIDE = re.compile(
    r"@\d+\s*,\s+(?:(?:recently|already|only|first)\s+)?(?:captured|taken|seized|liberated"
    r"|occupied|retaken|recaptured|lost|abandoned|overrun|destroyed)\s+[^,;:.@—]{1,40},"
)


# A relative clause right after a place, without a comma, telling its earlier change: "lost
# control of @0 they seized in october 2023". Its date is that change's, not the sentence's.
_PLACE_RELATIVE = re.compile(
    r"@\d+\s+((?:(?:that|which)\s+)?(?:they|it|we|russia|ukraine|kyiv|moscow)\s+(?:had\s+|have\s+)?"
    r"(?:captured|took|seized|liberated|occupied|retook|recaptured|entered|won|gained|lost)"
    r"\s+[^,;:.@—]{1,40})"
)


def _speech_day(text: str, found: list[DateExpression], todays: set[int]) -> DateExpression | None:
    """The day-precise expression, other than a "today", that dates a speech verb of ``text``
    ("said on tuesday")."""
    verbs = speech_verbs()
    for i, expr in enumerate(found):
        if expr.precision != "day" or expr.date is None or i in todays:
            continue
        before = text[max(0, expr.start - _SPEECH_GAP) : expr.start]
        after = text[expr.end : expr.end + _SPEECH_GAP]
        near = [m for m in verbs.finditer(before) if "," not in before[m.end() :]]
        if near or verbs.match(after.lstrip(" ,")):
            return expr
    return None


def _expressions(text: str, published: date | None) -> tuple[list[DateExpression], set[int]]:
    """The expressions of ``text`` and the indices of those that say "today"."""
    g = _grammar()
    found: list[DateExpression] = []
    todays: set[int] = set()
    when: date | None
    precision: DatePrecision
    for m in _scan(g, text):
        kind = m.lastgroup
        if _OTHER_EVENT_AFTER.match(text, m.end()):
            continue  # "a feature of last year's counteroffensive": that event's time
        if kind == "today":
            todays.add(len(found))
        if kind == "mo" and published and m.group().startswith("since"):
            # "captured 14 villages since January": gains spread up to publication
            when, precision = published, "month"
        elif kind in {"iso", "md", "dm", "my", "mo"}:
            when, precision = _explicit(g, m, published)
        elif kind == "invasion":
            # "in the first days of the invasion": the weeks after 24 February 2022
            when, precision = _INVASION, "month"
        elif kind == "year" or published is None:
            found.append(DateExpression(m.start(), m.end(), None, "unknown", _past(m, published)))
            continue
        else:
            when, precision = _relative(g, m, published)
        found.append(DateExpression(m.start(), m.end(), when, precision))
    return found, todays


# A possessive time before a campaign, an offensive or talks: it dates that ("a feature of
# last year's counteroffensive"), not the claim ("Monday's capture", "Sunday's news" do)
_OTHER_EVENT_AFTER = re.compile(
    r"['’]s?\s+(?:[a-z-]+\s+)?(?:counter-?offensives?|offensives?|invasion|campaigns?|operations?"
    r"|war|elections?|referendums?|talks|summit|negotiations)\b"
)


def _scan(g: _Grammar, text: str) -> tuple[re.Match[str], ...]:
    """The date pattern's matches in ``text``; sentences repeat across articles published on
    different days, so the scan is kept and only the resolution redone."""
    found = _scans.get(text)
    if found is None:
        if g.hint is not None and not g.hint.search(text) and not _DIGIT.search(text):
            return ()
        if len(_scans) >= _CACHE_MAX:
            _scans.clear()
        found = _scans[text] = tuple(g.pattern.finditer(text))
    return found


def resolve_date(text: str, *, anchor: int, published: date | None, previous: str = "") -> Resolved:
    """The date of an event whose trigger sits at ``anchor`` in lowercased ``text``.

    The nearest date expression of the sentence wins (one after the trigger counts at half
    its distance, as time adverbials follow their verb). Without one, a dated expression of the
    ``previous`` sentence carries over (reports date a story once and continue it); failing
    that, the day before publication at week precision.
    """
    return pick_date(
        find_date_expressions(text, published),
        anchor=anchor,
        published=published,
        previous=find_date_expressions(previous, published) if previous else (),
    )


def _past(m: re.Match[str], published: date | None) -> bool:
    text = m.group()
    year = re.search(r"\d{4}", text)
    if year:
        return published is not None and int(year.group()) < published.year
    return "last" in text or "ago" in text


def nearest_expression(expressions: Sequence[DateExpression], anchor: int) -> DateExpression | None:
    """The expression that dates a trigger at ``anchor``: the nearest, one after the trigger
    counting at half its distance (time adverbials follow their verb)."""
    best: DateExpression | None = None
    best_distance = 0.0
    for expr in expressions:
        if any(lo <= anchor < hi for lo, hi in expr.shielded):
            continue
        if expr.confined is not None and not expr.confined[0] <= anchor < expr.confined[1]:
            continue
        if expr.start <= anchor < expr.end:
            distance = 0.0
        elif expr.start >= anchor:
            distance = (expr.start - anchor) / 2
        else:
            distance = float(anchor - expr.end)
        if best is None or distance < best_distance:
            best, best_distance = expr, distance
    return best


def pick_date(
    expressions: Sequence[DateExpression],
    *,
    anchor: int,
    published: date | None,
    previous: Sequence[DateExpression] = (),
) -> Resolved:
    """:func:`resolve_date` over expressions found beforehand (callers cache them)."""
    best = nearest_expression(expressions, anchor)
    if best is not None:
        return best.date, best.precision
    carried = [e for e in previous if e.date is not None]
    # a day the sentence before names dates the story on ("said on Sunday that … seized
    # last week. It added that …": Sunday)
    days = [e for e in carried if e.precision == "day"]
    if days:
        return days[-1].date, "day"
    if carried and carried[-1].precision == "week":
        return carried[-1].date, carried[-1].precision
    if published is None:
        return None, "unknown"
    return published - timedelta(days=1), "week"
