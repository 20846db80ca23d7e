"""Date expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kharkivmap.dates import find_date_expressions, resolve_date

SAT = date(2022, 9, 10)  # a Saturday


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("troops entered the town on saturday", SAT, (date(2022, 9, 10), "day")),
        ("officials acknowledged wednesday", SAT, (date(2022, 9, 7), "day")),
        ("late on friday night", SAT, (date(2022, 9, 9), "day")),
        ("last saturday", SAT, (date(2022, 9, 3), "day")),
        ("yesterday", SAT, (date(2022, 9, 9), "day")),
        ("last night", SAT, (date(2022, 9, 9), "day")),
        ("today", SAT, (SAT, "day")),
        ("earlier that day", SAT, (SAT, "day")),  # a news day, not the week before
        ("three days ago", SAT, (date(2022, 9, 7), "day")),
        ("earlier this week", SAT, (date(2022, 9, 9), "week")),
        ("over the past week", SAT, (date(2022, 9, 9), "week")),
        ("last week", SAT, (date(2022, 9, 3), "week")),
        ("over the weekend", date(2022, 5, 16), (date(2022, 5, 14), "week")),
        ("since last month", SAT, (date(2022, 8, 1), "month")),
        ("earlier this month", SAT, (date(2022, 9, 1), "month")),
        ("on nov. 11", date(2022, 11, 12), (date(2022, 11, 11), "day")),
        ("on the evening of may 14", date(2024, 5, 16), (date(2024, 5, 14), "day")),
        ("on 11 september 2022", date(2023, 1, 1), (date(2022, 9, 11), "day")),
        ("on december 30", date(2023, 1, 5), (date(2022, 12, 30), "day")),
        ("in september 2022", date(2024, 5, 17), (date(2022, 9, 1), "month")),
        ("in april", date(2024, 8, 28), (date(2024, 4, 1), "month")),
        ("on 2024-02-17", None, (date(2024, 2, 17), "day")),
        ("last year", SAT, (None, "unknown")),
        ("several weeks ago", date(2024, 5, 20), (date(2024, 4, 29), "week")),
        ("two weeks ago", SAT, (date(2022, 8, 27), "week")),
        ("a few days ago", SAT, (date(2022, 9, 7), "week")),
        ("three months ago", SAT, (date(2022, 6, 12), "month")),
        ("on the night of 12-13 may", date(2024, 5, 15), (date(2024, 5, 12), "day")),
        ("on the night of 12 — 13 may", date(2024, 5, 15), (date(2024, 5, 12), "day")),
        ("may 12 to 13", date(2024, 5, 15), (date(2024, 5, 12), "day")),
        ("since friday", SAT, (date(2022, 9, 9), "day")),
    ],
)
def test_expressions(text: str, published: date | None, expected: tuple) -> None:
    assert resolve_date(text, anchor=0, published=published) == expected


def test_no_expression_gives_the_day_before_publication_at_week_precision() -> None:
    assert resolve_date("troops entered the town", anchor=5, published=SAT) == (
        date(2022, 9, 9),
        "week",
    )


def test_previous_sentence_date_carries_over() -> None:
    got = resolve_date("it was also claimed", anchor=3, published=SAT, previous="on friday")
    assert got == (date(2022, 9, 9), "day")


def test_unknown_publication_keeps_only_absolute_dates() -> None:
    assert resolve_date("on saturday", anchor=0, published=None) == (None, "unknown")
    assert resolve_date("on nov. 11", anchor=0, published=None) == (None, "unknown")
    assert resolve_date("no date here", anchor=0, published=None) == (None, "unknown")


def test_nearest_expression_to_the_anchor_wins() -> None:
    text = "announced on saturday that troops left the town on thursday"
    assert resolve_date(text, anchor=text.index("left"), published=SAT) == (
        date(2022, 9, 8),
        "day",
    )
    assert resolve_date(text, anchor=0, published=SAT) == (SAT, "day")


@pytest.mark.parametrize("text", ["may have fallen", "march toward the city", "31 february", "sat"])
def test_words_that_are_not_dates(text: str) -> None:
    assert [e.date for e in find_date_expressions(text, SAT) if e.date] == []


@pytest.mark.parametrize(
    ("text", "past"),
    [("in 2022", True), ("in 2024", False), ("last year", True), ("earlier this year", False)],
)
def test_year_expressions_mark_the_past(text: str, past: bool) -> None:
    (expr,) = find_date_expressions(text, date(2024, 5, 1))
    assert (expr.date, expr.precision, expr.past_year) == (None, "unknown", past)


def test_today_in_reported_speech_is_the_day_of_the_speech() -> None:
    text = "shoigu said on thursday: today our units liberated @0"
    got = resolve_date(text, anchor=text.index("liberated"), published=SAT)
    assert got == (date(2022, 9, 8), "day")
    text = "troops captured @0 today, officials said"
    assert resolve_date(text, anchor=text.index("captured"), published=SAT) == (SAT, "day")


def test_a_relative_clause_keeps_out_the_main_clause_date() -> None:
    text = "today, in @0, which was liberated by ukrainian troops, residents gathered"
    got = resolve_date(text, anchor=text.index("liberated"), published=SAT)
    assert got == (date(2022, 9, 9), "week")
    assert resolve_date(text, anchor=text.index("gathered"), published=SAT) == (SAT, "day")


# Pieces of every kind of expression, and words that begin like them.
_PIECES = (
    "the day before", "the previous week", "the previous month", "the first days of the invasion",
    "the start of russia's full-scale invasion", "the opening phase of the war", "a week ago",
    "a few days ago", "a couple of days ago", "two weeks ago", "3 months ago", "a year ago",
    "in the past few days", "during the last week", "over the weekend", "at the weekend",
    "on the weekend", "mid-may", "mid may", "in mid-may", "in early june", "since january",
    "by march", "until april", "through july", "last night", "last week", "last month",
    "last year", "last monday", "this morning", "this afternoon", "this evening", "this week",
    "this weekend", "this year", "earlier this week", "later this week", "earlier this month",
    "earlier this year", "past friday", "in recent days", "in 2022", "12-13 may", "may 12 to 13",
    "sept. 5, 2022", "5th of june 2023", "june 2023", "2023-05-01", "today", "tonight",
    "overnight", "yesterday", "may be", "another", "inside", "these", "attack", "thesis", "onward",
    "x", ",", "@1", "the", "a", "in", "on", "by",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map(" ".join))
def test_the_lead_word_look_only_makes_the_pattern_faster(text: str) -> None:
    from kharkivmap.dates import _grammar, _pattern

    g = _grammar()
    plain = _pattern(g.months, g.weekdays, g.numbers, lead=False)
    found = [(m.span(), m.lastgroup) for m in g.pattern.finditer(text)]
    assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text)]
