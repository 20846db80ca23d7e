"""Claims become per-place control intervals, changes and disputes, as the product spec reads."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kharkivmap.errors import KharkivmapError, TimelineError
from kharkivmap.models import CLAIM_FIELDS, Claim, Place
from kharkivmap.timeline import Change, Interval, Timeline

KHARKIV = Place(id="706483", name="Kharkiv", lat=49.9808, lon=36.2527, kind="city")
IZIUM = Place(id="707753", name="Izium", lat=49.2128, lon=37.2569, kind="town")
KUPIANSK = Place(id="704617", name="Kupiansk", lat=49.7106, lon=37.6156, kind="town")
VOVCHANSK = Place(id="689558", name="Vovchansk", lat=50.2906, lon=36.9413, kind="town")
LUKIANTSI = Place(id="702723", name="Lukiantsi", lat=50.2047, lon=36.5203)


def claim(
    place: Place,
    event: str,
    controller: str | None,
    day: date | None,
    *,
    published: date | None = None,
    hedged: bool = False,
    article: str = "a1",
    actor: str | None = None,
) -> Claim:
    return Claim(
        article=article,
        published=published if published is not None else day,
        place=place,
        mention=place.name,
        start=0,
        end=len(place.name),
        event=event,  # type: ignore[arg-type]
        actor=actor,  # type: ignore[arg-type]
        controller=controller,  # type: ignore[arg-type]
        date=day,
        date_precision="day" if day else "unknown",
        claimant=None,
        hedged=hedged,
        sentence=f"{place.name}: {event}.",
        confidence=0.9,
    )


def statuses(timeline: Timeline, place: Place) -> list[tuple[date, date | None, str]]:
    return [
        (iv.start, iv.end, iv.controller) for iv in timeline.intervals if iv.place.id == place.id
    ]


def test_one_capture_gives_one_open_interval_and_one_change() -> None:
    timeline = Timeline.from_claims([claim(IZIUM, "captured", "RU", date(2022, 4, 1))])
    assert statuses(timeline, IZIUM) == [(date(2022, 4, 1), None, "RU")]
    assert [(c.date, c.before, c.after) for c in timeline.changes] == [
        (date(2022, 4, 1), None, "RU")
    ]
    assert timeline.places == (IZIUM,)
    assert (timeline.first_day, timeline.last_day) == (date(2022, 4, 1), date(2022, 4, 1))


def test_capture_then_recapture_gives_two_intervals_and_two_changes() -> None:
    timeline = Timeline.from_claims(
        [
            claim(IZIUM, "captured", "UA", date(2022, 9, 10)),
            claim(IZIUM, "captured", "RU", date(2022, 4, 1)),
        ]
    )
    assert statuses(timeline, IZIUM) == [
        (date(2022, 4, 1), date(2022, 9, 10), "RU"),
        (date(2022, 9, 10), None, "UA"),
    ]
    assert [(c.before, c.after) for c in timeline.changes] == [(None, "RU"), ("RU", "UA")]
    assert all(isinstance(c, Change) for c in timeline.changes)


def test_reports_of_one_capture_from_two_articles_merge() -> None:
    first = claim(IZIUM, "captured", "UA", date(2022, 9, 10), article="a1")
    second = claim(IZIUM, "withdrew", "UA", date(2022, 9, 12), article="a2", hedged=True)
    timeline = Timeline.from_claims([first, second])
    (interval,) = timeline.intervals
    (report,) = interval.reports
    assert report.claims == (first, second)
    assert report.date == date(2022, 9, 10)
    assert report.event == "captured"
    assert not report.hedged
    assert len(timeline.changes) == 1


def test_same_controller_outside_the_window_extends_the_interval() -> None:
    timeline = Timeline.from_claims(
        [
            claim(KHARKIV, "held", "UA", date(2022, 5, 1)),
            claim(KHARKIV, "held", "UA", date(2022, 5, 20), article="a2"),
        ]
    )
    (interval,) = timeline.intervals
    assert len(interval.reports) == 2
    assert (interval.start, interval.end) == (date(2022, 5, 1), None)


def test_window_days_decides_what_merges() -> None:
    claims = [
        claim(IZIUM, "captured", "UA", date(2022, 9, 10)),
        claim(IZIUM, "captured", "UA", date(2022, 9, 15), article="a2"),
    ]
    assert len(Timeline.from_claims(claims).intervals[0].reports) == 2
    assert len(Timeline.from_claims(claims, window_days=7).intervals[0].reports) == 1


def test_capture_denied_by_the_other_side_in_the_window_is_disputed() -> None:
    capture = claim(
        VOVCHANSK, "captured", "RU", date(2024, 5, 16), hedged=True, actor="RU", article="ru"
    )
    denial = claim(VOVCHANSK, "held", "UA", date(2024, 5, 17), actor="UA", article="ua")
    timeline = Timeline.from_claims([capture, denial])
    (interval,) = timeline.intervals
    assert interval.controller == "disputed"
    assert interval.start == date(2024, 5, 16)
    assert [r.claims for r in interval.reports] == [(capture,)]
    assert interval.disputing == (denial,)
    assert not interval.confirmed
    assert [(c.before, c.after) for c in timeline.changes] == [(None, "disputed")]


def test_dispute_is_settled_by_a_later_report() -> None:
    timeline = Timeline.from_claims(
        [
            claim(VOVCHANSK, "captured", "RU", date(2024, 5, 16)),
            claim(VOVCHANSK, "held", "UA", date(2024, 5, 17), article="a2"),
            claim(VOVCHANSK, "held", "UA", date(2024, 6, 1), article="a3"),
        ]
    )
    assert statuses(timeline, VOVCHANSK) == [
        (date(2024, 5, 16), date(2024, 6, 1), "disputed"),
        (date(2024, 6, 1), None, "UA"),
    ]


def test_other_side_outside_the_window_is_a_change_not_a_dispute() -> None:
    timeline = Timeline.from_claims(
        [
            claim(KHARKIV, "held", "UA", date(2022, 5, 1)),
            claim(KHARKIV, "captured", "RU", date(2022, 5, 5)),
        ]
    )
    assert [iv.controller for iv in timeline.intervals] == ["UA", "RU"]


def test_hedged_only_is_claimed_not_confirmed() -> None:
    hedged = Timeline.from_claims(
        [claim(KUPIANSK, "captured", "RU", date(2023, 1, 5), hedged=True)]
    )
    assert not hedged.intervals[0].confirmed
    both = Timeline.from_claims(
        [
            claim(KUPIANSK, "captured", "RU", date(2023, 1, 5), hedged=True),
            claim(KUPIANSK, "captured", "RU", date(2023, 1, 6), article="a2"),
        ]
    )
    assert both.intervals[0].confirmed


def test_held_then_withdrawal() -> None:
    timeline = Timeline.from_claims(
        [
            claim(IZIUM, "held", "UA", date(2022, 3, 1)),
            claim(IZIUM, "withdrew", None, date(2022, 4, 1), actor="UA", article="a2"),
        ]
    )
    assert statuses(timeline, IZIUM) == [
        (date(2022, 3, 1), date(2022, 4, 1), "UA"),
        (date(2022, 4, 1), None, "RU"),
    ]
    # The opening held claim is not a change; the withdrawal is.
    assert [(c.date, c.before, c.after) for c in timeline.changes] == [
        (date(2022, 4, 1), "UA", "RU")
    ]


def test_fighting_does_not_unseat_a_known_controller() -> None:
    timeline = Timeline.from_claims(
        [
            claim(VOVCHANSK, "held", "UA", date(2024, 5, 1)),
            claim(VOVCHANSK, "contested", "contested", date(2024, 5, 10), article="a2"),
            claim(VOVCHANSK, "captured", "RU", date(2024, 6, 1), article="a3"),
        ]
    )
    assert statuses(timeline, VOVCHANSK) == [
        (date(2024, 5, 1), date(2024, 6, 1), "UA"),
        (date(2024, 6, 1), None, "RU"),
    ]
    held = timeline.control_on(date(2024, 5, 20))[VOVCHANSK.id]
    assert held.controller == "UA"
    assert [r.controller for r in held.reports] == ["UA", "contested"]
    assert [(c.before, c.after) for c in timeline.changes] == [("UA", "RU")]


def test_fighting_first_shows_contested_until_a_side_is_reported() -> None:
    timeline = Timeline.from_claims(
        [
            claim(VOVCHANSK, "contested", "contested", date(2024, 5, 10), article="a2"),
            claim(VOVCHANSK, "captured", "RU", date(2024, 6, 1), article="a3"),
        ]
    )
    assert statuses(timeline, VOVCHANSK) == [
        (date(2024, 5, 10), date(2024, 6, 1), "contested"),
        (date(2024, 6, 1), None, "RU"),
    ]


def test_fighting_on_the_day_of_a_side_report_keeps_the_side() -> None:
    timeline = Timeline.from_claims(
        [
            claim(VOVCHANSK, "held", "UA", date(2024, 5, 10)),
            claim(VOVCHANSK, "contested", "contested", date(2024, 5, 10), article="a2"),
        ]
    )
    (interval,) = timeline.intervals
    assert interval.controller == "UA"
    assert {r.controller for r in interval.reports} == {"UA", "contested"}


def test_claims_without_a_date_or_event_are_dropped() -> None:
    undated = claim(IZIUM, "captured", "RU", None, published=None)
    no_event = claim(IZIUM, "none", None, date(2022, 4, 1))
    published_only = claim(IZIUM, "captured", "RU", None, published=date(2022, 4, 3))
    timeline = Timeline.from_claims([undated, no_event, published_only])
    assert timeline.dropped == (undated, no_event)
    assert statuses(timeline, IZIUM) == [(date(2022, 4, 3), None, "RU")]
    assert timeline.claims == (undated, no_event, published_only)


def test_an_earlier_held_date_starts_the_interval_earlier() -> None:
    # "held since last month": the claim's date lies before the article's.
    timeline = Timeline.from_claims(
        [claim(IZIUM, "held", "RU", date(2022, 4, 1), published=date(2022, 5, 16))]
    )
    assert timeline.intervals[0].start == date(2022, 4, 1)


def test_control_on_boundaries() -> None:
    timeline = Timeline.from_claims(
        [
            claim(IZIUM, "captured", "RU", date(2022, 4, 1)),
            claim(IZIUM, "captured", "UA", date(2022, 9, 10)),
        ]
    )
    assert IZIUM.id not in timeline.control_on(date(2022, 3, 31))
    assert timeline.control_on(date(2022, 4, 1))[IZIUM.id].controller == "RU"
    assert timeline.control_on(date(2022, 9, 9))[IZIUM.id].controller == "RU"
    assert timeline.control_on(date(2022, 9, 10))[IZIUM.id].controller == "UA"
    assert timeline.control_on(date(2030, 1, 1))[IZIUM.id].controller == "UA"
    assert isinstance(timeline.control_on(date(2022, 9, 10))[IZIUM.id], Interval)


def test_seed_scenario() -> None:
    timeline = Timeline.from_claims(
        [
            claim(KHARKIV, "held", "UA", date(2022, 5, 14)),
            claim(KHARKIV, "held", "UA", date(2022, 5, 16), article="a2"),
            claim(IZIUM, "held", "RU", date(2022, 4, 1), published=date(2022, 5, 16)),
            claim(IZIUM, "captured", "UA", date(2022, 9, 10), article="a3"),
            claim(KUPIANSK, "captured", "UA", date(2022, 9, 1), published=date(2022, 9, 11)),
            claim(VOVCHANSK, "captured", "RU", date(2024, 5, 15), article="a4"),
            claim(LUKIANTSI, "captured", "RU", date(2024, 5, 15), article="a4"),
        ]
    )

    def controllers(day: date) -> dict[str, str]:
        return {pid: iv.controller for pid, iv in timeline.control_on(day).items()}

    assert controllers(date(2022, 6, 1)) == {KHARKIV.id: "UA", IZIUM.id: "RU"}
    assert controllers(date(2022, 9, 15)) == {KHARKIV.id: "UA", IZIUM.id: "UA", KUPIANSK.id: "UA"}
    assert controllers(date(2024, 5, 20)) == {
        KHARKIV.id: "UA",
        IZIUM.id: "UA",
        KUPIANSK.id: "UA",
        VOVCHANSK.id: "RU",
        LUKIANTSI.id: "RU",
    }
    assert [c.date for c in timeline.changes] == sorted(c.date for c in timeline.changes)
    assert (timeline.first_day, timeline.last_day) == (date(2022, 4, 1), date(2024, 5, 15))


def test_date_range_clips_but_keeps_the_state_before_it() -> None:
    claims = [
        claim(IZIUM, "captured", "RU", date(2022, 4, 1)),
        claim(IZIUM, "captured", "UA", date(2022, 9, 10)),
        claim(VOVCHANSK, "captured", "RU", date(2024, 5, 15)),
    ]
    timeline = Timeline.from_claims(claims, start=date(2022, 6, 1), end=date(2022, 12, 31))
    assert statuses(timeline, IZIUM) == [
        (date(2022, 6, 1), date(2022, 9, 10), "RU"),
        (date(2022, 9, 10), None, "UA"),
    ]
    assert timeline.places == (IZIUM,)
    assert [c.date for c in timeline.changes] == [date(2022, 9, 10)]
    assert (timeline.first_day, timeline.last_day) == (date(2022, 6, 1), date(2022, 12, 31))


def test_date_range_without_data_is_empty() -> None:
    timeline = Timeline.from_claims(
        [claim(IZIUM, "captured", "RU", date(2022, 4, 1))], end=date(2022, 3, 1)
    )
    assert timeline.intervals == ()
    assert (timeline.first_day, timeline.last_day) == (None, None)
    assert timeline.slices() == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"start": date(2022, 5, 1), "end": date(2022, 4, 1)},
            "the date range ends (2022-04-01) before it starts (2022-05-01)",
        ),
        ({"window_days": -1}, "window_days must be 0 or more, not -1"),
    ],
)
def test_bad_options_raise_timeline_error(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(TimelineError) as caught:
        Timeline.from_claims([], **kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert isinstance(caught.value, KharkivmapError)


def _span(first: date, last: date) -> Timeline:
    return Timeline.from_claims(
        [claim(IZIUM, "captured", "RU", first), claim(IZIUM, "captured", "UA", last)]
    )


def test_slices_by_day_week_and_month() -> None:
    timeline = _span(date(2022, 11, 30), date(2023, 1, 3))  # a Wednesday to a Tuesday
    days = timeline.slices("day")
    assert days[0] == (date(2022, 11, 30), date(2022, 12, 1))
    assert days[-1] == (date(2023, 1, 3), date(2023, 1, 4))
    assert len(days) == 35
    weeks = timeline.slices("week")
    assert weeks[0] == (date(2022, 11, 28), date(2022, 12, 5))
    assert weeks[-1] == (date(2023, 1, 2), date(2023, 1, 9))
    assert all(begin.weekday() == 0 for begin, _ in weeks)
    assert timeline.slices("month") == [
        (date(2022, 11, 1), date(2022, 12, 1)),
        (date(2022, 12, 1), date(2023, 1, 1)),
        (date(2023, 1, 1), date(2023, 2, 1)),
    ]
    for periods in (days, weeks):
        assert all(a[1] == b[0] for a, b in itertools.pairwise(periods))


@pytest.mark.parametrize(
    ("last", "freq"),
    [(date(2022, 3, 1), "day"), (date(2022, 6, 1), "week"), (date(2024, 1, 1), "month")],
)
def test_slices_frequency_follows_the_span(last: date, freq: str) -> None:
    timeline = _span(date(2022, 2, 24), last)
    assert timeline.slices() == timeline.slices(freq)  # type: ignore[arg-type]


def test_unknown_slice_frequency() -> None:
    with pytest.raises(TimelineError, match="unknown slice frequency 'year'; choose one of day"):
        _span(date(2022, 2, 24), date(2022, 3, 1)).slices("year")  # type: ignore[arg-type]


def _two_fronts() -> list[Claim]:
    """UA holds a column of places at 36.2°E, RU one at 36.6°E; in June RU takes the UA one."""
    claims = []
    for i in range(5):
        lat = 49.8 + 0.1 * i
        west = Place(id=f"w{i}", name=f"West {i}", lat=lat, lon=36.2)
        east = Place(id=f"e{i}", name=f"East {i}", lat=lat, lon=36.6)
        claims.append(claim(west, "held", "UA", date(2022, 5, 2)))
        claims.append(claim(east, "held", "RU", date(2022, 5, 2)))
        claims.append(claim(west, "captured", "RU", date(2022, 6, 8), article="a2"))
    return claims


def test_front_line_between_the_sides() -> None:
    timeline = Timeline.from_claims(_two_fronts())
    line = timeline.front_line(date(2022, 5, 10))
    assert line is not None
    lons = [x for x, _ in line.coords]
    assert all(abs(x - 36.4) < 1e-6 for x in lons)
    assert timeline.front_line(date(2022, 6, 10)) is None
    assert timeline.front_line(date(2022, 5, 1)) is None


def test_front_lines_merge_equal_periods() -> None:
    timeline = Timeline.from_claims(_two_fronts())
    weeks = timeline.slices("week")
    periods = timeline.front_lines(weeks)
    assert [(begin, end) for begin, end, _ in periods] == [
        (date(2022, 5, 2), date(2022, 6, 6)),
        (date(2022, 6, 6), date(2022, 6, 13)),
    ]
    assert periods[0][2] is not None
    assert periods[0][2].equals(timeline.front_line(date(2022, 5, 10)))
    assert periods[1][2] is None


def test_frames_have_the_documented_columns() -> None:
    claims = _two_fronts()
    timeline = Timeline.from_claims(claims)
    intervals = timeline.intervals_frame()
    assert list(intervals.columns) == [
        "place",
        "place_id",
        "lat",
        "lon",
        "start",
        "end",
        "controller",
        "confirmed",
        "event",
        "sources",
        "disputed_by",
    ]
    assert len(intervals) == len(timeline.intervals)
    assert intervals["end"].isna().sum() == 10
    frame = timeline.claims_frame()
    assert list(frame.columns[: len(CLAIM_FIELDS)]) == list(CLAIM_FIELDS)
    assert len(frame) == len(claims)
    changes = timeline.changes_frame()
    assert list(changes.columns) == [
        "place",
        "place_id",
        "lat",
        "lon",
        "date",
        "before",
        "after",
        "event",
        "sources",
    ]
    assert len(changes) == 5


def test_frames_of_an_empty_timeline() -> None:
    timeline = Timeline.from_claims([])
    assert list(timeline.claims_frame().columns) == list(CLAIM_FIELDS)
    assert timeline.intervals_frame().empty
    assert timeline.changes_frame().empty


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([IZIUM, KUPIANSK]),
            st.sampled_from(["captured", "withdrew", "held", "contested", "none"]),
            st.sampled_from(["UA", "RU"]),
            st.one_of(st.none(), st.integers(0, 60)),
            st.booleans(),
        ),
        max_size=30,
    ),
    st.integers(0, 5),
)
def test_intervals_tile_time_and_keep_every_claim(
    raw: list[tuple[Place, str, str, int | None, bool]], window: int
) -> None:
    origin = date(2022, 9, 1)
    claims = [
        claim(
            place,
            event,
            "contested" if event == "contested" else side,
            origin + timedelta(days=offset) if offset is not None else None,
            published=None,
            hedged=hedged,
            article=f"a{i}",
        )
        for i, (place, event, side, offset, hedged) in enumerate(raw)
    ]
    timeline = Timeline.from_claims(claims, window_days=window)
    placed = [c for iv in timeline.intervals for c in (*iv.claims, *iv.disputing)]
    assert sorted(id(c) for c in (*placed, *timeline.dropped)) == sorted(id(c) for c in claims)
    for place in timeline.places:
        ivs = [iv for iv in timeline.intervals if iv.place == place]
        assert all(a.end == b.start and a.start < a.end for a, b in itertools.pairwise(ivs))
        assert all(a.controller != b.controller for a, b in itertools.pairwise(ivs))
        assert ivs[-1].end is None
        changes = [ch for ch in timeline.changes if ch.place == place]
        # Every interval is a change except, perhaps, a first one opened by a held claim.
        assert [ch.after for ch in changes] == [
            iv.controller for iv in ivs[len(ivs) - len(changes) :]
        ]
        assert len(changes) >= len(ivs) - 1
        for iv in ivs:
            assert iv.confirmed == any(not c.hedged for c in iv.claims)
