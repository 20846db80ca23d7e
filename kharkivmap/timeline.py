"""Per-place control over time: claims become reports, reports become control intervals.

How claims are read:

- A claim's event date is ``claim.date``, else the article's ``published`` date; claims with
  neither, with event ``none``, or whose controller cannot be told are kept in ``dropped``.
- Claims about one place with the same controller and event dates within ``window_days`` of
  the first of them are one :class:`Report` (one event told by several articles; every source
  is kept, corroboration is ``len(report.claims)``).
- Reports of opposite sides (UA vs RU) within ``window_days`` of each other contradict each
  other (a capture claim and a denial, or the other side saying it still holds the place): they
  make one ``disputed`` interval from the earliest of them. The side that claims a change
  (captured or withdrew; else the earliest report's side) gives the interval's ``reports``,
  the other side's claims are its ``disputing``.
- ``contested`` (fighting without a change of control) does not unseat a known controller:
  an assault on a town a side holds leaves it that side's until a change is claimed, so the
  report joins the current interval as a source. A place whose first reports are of fighting
  is shown contested until a side is reported.
- An interval lasts from its opening report until the next report with a different controller;
  later reports of the same controller extend it. Reports of different statuses on the same
  day make one interval shown with the least settled status (disputed, then contested).
- An interval is ``confirmed`` when at least one supporting claim is unhedged; otherwise it is
  only "claimed".
- A :class:`Change` is recorded when an interval's controller differs from the previous one's;
  a place's first interval counts only when it opens with a capture or a withdrawal (a ``held``
  claim says nothing about a change).

Dates: ``Interval.start`` is inclusive, ``Interval.end`` exclusive, ``end=None`` means "still
current at the end of the data". ``from_claims(start=, end=)`` restricts the timeline to the
inclusive day range: intervals are clipped to it, but claims before ``start`` still decide the
state at ``start``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal, get_args

from kharkivmap.errors import TimelineError
from kharkivmap.models import CLAIM_FIELDS, Claim, Controller, Place

if TYPE_CHECKING:
    import pandas
    from shapely.geometry.base import BaseGeometry

__all__ = ["Change", "Freq", "Interval", "Report", "Status", "Timeline"]

Status = Literal["UA", "RU", "contested", "disputed"]
Freq = Literal["day", "week", "month"]

_CHANGE_EVENTS = ("captured", "withdrew")
_OTHER_SIDE: dict[str, Controller] = {"UA": "RU", "RU": "UA"}
# When statuses start on the same day the least settled one is shown.
_UNSETTLED = {"UA": 0, "RU": 0, "contested": 1, "disputed": 2}
# Span limits (days) for the automatic slice frequency.
_DAILY_SPAN = 60
_WEEKLY_SPAN = 548


@dataclass(frozen=True, slots=True)
class Report:
    """One event as reported, merged across articles: every source is kept in ``claims``."""

    place: Place
    date: date
    controller: Controller
    event: str
    claims: tuple[Claim, ...]
    hedged: bool


@dataclass(frozen=True, slots=True)
class Interval:
    """One place under one status over ``[start, end)``: one feature on the map.

    ``reports`` support the status (the opening one first); ``disputing`` holds the claims that
    contradict it, so both sides of a dispute stay reachable.
    """

    place: Place
    start: date
    end: date | None
    controller: Status
    confirmed: bool
    reports: tuple[Report, ...]
    disputing: tuple[Claim, ...] = ()

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in ``[start, end)``."""
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The supporting claims of every report, in report order."""
        return tuple(claim for report in self.reports for claim in report.claims)


@dataclass(frozen=True, slots=True)
class Change:
    """A place whose status changed on ``date``; ``before`` is None for a first capture."""

    place: Place
    date: date
    before: Status | None
    after: Status
    report: Report


class Timeline:
    """Control intervals and changes of every place, built with :meth:`from_claims`.

    Attributes (read-only): ``places`` (sorted by id), ``intervals`` (sorted by place id, then
    start), ``changes`` (sorted by date, then place id), ``dropped`` (claims that could not be
    placed in time), ``claims`` (every claim given, in input order), ``first_day`` and
    ``last_day`` (the days the data covers, None when there is no interval).
    """

    __slots__ = (
        "_by_place",
        "_starts",
        "changes",
        "claims",
        "dropped",
        "first_day",
        "intervals",
        "last_day",
        "places",
    )

    def __init__(
        self,
        *,
        intervals: Sequence[Interval],
        changes: Sequence[Change],
        dropped: Sequence[Claim] = (),
        claims: Sequence[Claim] = (),
        first_day: date | None = None,
        last_day: date | None = None,
    ) -> None:
        """Index ready-made intervals and changes; :meth:`from_claims` is the usual way in."""
        self.intervals = tuple(sorted(intervals, key=lambda iv: (iv.place.id, iv.start)))
        self.changes = tuple(sorted(changes, key=lambda ch: (ch.date, ch.place.id)))
        self.dropped = tuple(dropped)
        self.claims = tuple(claims)
        self.first_day = first_day
        self.last_day = last_day
        self._by_place: dict[str, list[Interval]] = {}
        for interval in self.intervals:
            self._by_place.setdefault(interval.place.id, []).append(interval)
        self._starts = {pid: [iv.start for iv in ivs] for pid, ivs in self._by_place.items()}
        self.places = tuple(ivs[0].place for ivs in self._by_place.values())

    def __repr__(self) -> str:
        return (
            f"<Timeline {len(self.places)} places, {len(self.intervals)} intervals, "
            f"{len(self.changes)} changes, {self.first_day}..{self.last_day}>"
        )

    @classmethod
    def from_claims(
        cls,
        claims: Iterable[Claim],
        *,
        window_days: int = 3,
        start: date | None = None,
        end: date | None = None,
    ) -> Timeline:
        """Build the timeline of ``claims``, optionally restricted to the days ``start..end``.

        Raises :class:`~kharkivmap.errors.TimelineError` for a negative window or a range that
        ends before it starts.
        """
        if window_days < 0:
            raise TimelineError(f"window_days must be 0 or more, not {window_days}")
        if start is not None and end is not None and end < start:
            raise TimelineError(f"the date range ends ({end}) before it starts ({start})")
        given = tuple(claims)
        dropped: list[Claim] = []
        by_place: dict[str, list[tuple[date, Controller, Claim]]] = {}
        for claim in given:
            day = claim.date or claim.published
            controller = _controller_of(claim)
            if day is None or controller is None:
                dropped.append(claim)
                continue
            by_place.setdefault(claim.place.id, []).append((day, controller, claim))

        intervals: list[Interval] = []
        changes: list[Change] = []
        lo: date | None = None
        hi: date | None = None
        window = timedelta(days=window_days)
        for items in by_place.values():
            items.sort(key=lambda item: (item[0], _UNSETTLED[item[1]], item[1]))
            lo = items[0][0] if lo is None else min(lo, items[0][0])
            hi = items[-1][0] if hi is None else max(hi, items[-1][0])
            place_intervals = _intervals(_reports(items, window), window)
            intervals.extend(place_intervals)
            changes.extend(_changes(place_intervals))

        if start is not None or end is not None:
            intervals = _clip(intervals, start, end)
            changes = [
                ch
                for ch in changes
                if (start is None or ch.date >= start) and (end is None or ch.date <= end)
            ]
        first_day = last_day = None
        if intervals and lo is not None and hi is not None:
            first_day = start if start is not None and lo < start else lo
            last_day = end if end is not None and hi > end else hi
            last_day = max(last_day, first_day)
        return cls(
            intervals=intervals,
            changes=changes,
            dropped=dropped,
            claims=given,
            first_day=first_day,
            last_day=last_day,
        )

    def control_on(self, day: date) -> dict[str, Interval]:
        """Place id → the interval valid on ``day`` (places without one that day are absent)."""
        state: dict[str, Interval] = {}
        for pid, starts in self._starts.items():
            i = bisect.bisect_right(starts, day) - 1
            if i >= 0:
                interval = self._by_place[pid][i]
                if interval.end is None or day < interval.end:
                    state[pid] = interval
        return state

    def slices(self, freq: Freq | None = None) -> list[tuple[date, date]]:
        """``[start, end)`` calendar periods (days, Monday weeks, months) covering the data.

        ``freq=None`` picks from the span: up to 60 days by day, up to 1.5 years by week, else
        by month. The first and last periods are whole periods, so they may reach outside
        ``first_day..last_day``.
        """
        if freq is None:
            freq = _auto_freq(self.first_day, self.last_day)
        if freq not in get_args(Freq):
            choices = ", ".join(get_args(Freq))
            raise TimelineError(f"unknown slice frequency {freq!r}; choose one of {choices}")
        if self.first_day is None or self.last_day is None:
            return []
        if freq == "day":
            begin = self.first_day
        elif freq == "week":
            begin = self.first_day - timedelta(days=self.first_day.weekday())
        else:
            begin = self.first_day.replace(day=1)
        periods = []
        while begin <= self.last_day:
            after = _next_period(begin, freq)
            periods.append((begin, after))
            begin = after
        return periods

    def front_line(self, day: date, *, buffer_km: float = 25) -> BaseGeometry | None:
        """The estimated front line on ``day`` (see :mod:`kharkivmap.frontline`), or None."""
        from kharkivmap.frontline import estimate_front_line

        return estimate_front_line(_sided_points(self.control_on(day)), buffer_km=buffer_km)

    def front_lines(
        self, slices: Sequence[tuple[date, date]], *, buffer_km: float = 25
    ) -> list[tuple[date, date, BaseGeometry | None]]:
        """The front line of each ``[start, end)`` slice, consecutive equal lines merged.

        Each slice shows the state on its last day (the latest news within the period). States
        with the same places on the same sides share one computed geometry.
        """
        from kharkivmap.frontline import estimate_front_line

        cache: dict[frozenset[tuple[str, str]], BaseGeometry | None] = {}
        periods: list[tuple[date, date, BaseGeometry | None]] = []
        for begin, after in slices:
            state = self.control_on(after - timedelta(days=1))
            key = frozenset(
                (pid, iv.controller) for pid, iv in state.items() if iv.controller in _OTHER_SIDE
            )
            if key not in cache:
                cache[key] = estimate_front_line(_sided_points(state), buffer_km=buffer_km)
            line = cache[key]
            if periods and periods[-1][1] == begin and _same_line(periods[-1][2], line):
                periods[-1] = (periods[-1][0], after, periods[-1][2])
            else:
                periods.append((begin, after, line))
        return periods

    def claims_frame(self) -> pandas.DataFrame:
        """One row per claim given (``Claim.to_record`` columns)."""
        import pandas as pd

        records = [claim.to_record() for claim in self.claims]
        return pd.DataFrame.from_records(records, columns=None if records else list(CLAIM_FIELDS))

    def intervals_frame(self) -> pandas.DataFrame:
        """One row per interval.

        Columns: place, place_id, lat, lon, start, end (datetime64; end NaT while current),
        controller, confirmed, event (of the opening report), sources (supporting claims),
        disputed_by (disputing claims).
        """
        import pandas as pd

        rows = [
            {
                "place": iv.place.name,
                "place_id": iv.place.id,
                "lat": iv.place.lat,
                "lon": iv.place.lon,
                "start": iv.start,
                "end": iv.end,
                "controller": iv.controller,
                "confirmed": iv.confirmed,
                "event": iv.reports[0].event,
                "sources": len(iv.claims),
                "disputed_by": len(iv.disputing),
            }
            for iv in self.intervals
        ]
        columns = [
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
        frame = pd.DataFrame.from_records(rows, columns=columns)
        frame["start"] = pd.to_datetime(frame["start"])
        frame["end"] = pd.to_datetime(frame["end"])
        return frame

    def changes_frame(self) -> pandas.DataFrame:
        """One row per change: place, place_id, lat, lon, date (datetime64), before, after,
        event and sources (of the report that made the change)."""
        import pandas as pd

        rows = [
            {
                "place": ch.place.name,
                "place_id": ch.place.id,
                "lat": ch.place.lat,
                "lon": ch.place.lon,
                "date": ch.date,
                "before": ch.before,
                "after": ch.after,
                "event": ch.report.event,
                "sources": len(ch.report.claims),
            }
            for ch in self.changes
        ]
        columns = ["place", "place_id", "lat", "lon", "date", "before", "after", "event", "sources"]
        frame = pd.DataFrame.from_records(rows, columns=columns)
        frame["date"] = pd.to_datetime(frame["date"])
        return frame


def _controller_of(claim: Claim) -> Controller | None:
    """Who holds the place after the claim, from its controller or else its actor and event."""
    if claim.event == "contested":
        return "contested"
    if claim.event not in ("captured", "withdrew", "held"):
        return None
    if claim.controller in _OTHER_SIDE:
        return claim.controller
    if claim.actor is None:
        return None
    return _OTHER_SIDE[claim.actor] if claim.event == "withdrew" else claim.actor


def _reports(items: list[tuple[date, Controller, Claim]], window: timedelta) -> list[Report]:
    """Merge one place's date-sorted claims: same controller within ``window`` of the first."""
    groups: list[tuple[date, Controller, list[Claim]]] = []
    open_group: dict[str, tuple[date, Controller, list[Claim]]] = {}
    for day, controller, claim in items:
        group = open_group.get(controller)
        if group is not None and day - group[0] <= window:
            group[2].append(claim)
        else:
            group = (day, controller, [claim])
            open_group[controller] = group
            groups.append(group)
    reports = []
    for day, controller, group_claims in groups:
        opening = next((c for c in group_claims if c.event in _CHANGE_EVENTS), group_claims[0])
        reports.append(
            Report(
                place=group_claims[0].place,
                date=day,
                controller=controller,
                event=opening.event,
                claims=tuple(group_claims),
                hedged=all(c.hedged for c in group_claims),
            )
        )
    reports.sort(key=lambda r: (r.date, _UNSETTLED[r.controller], r.controller))
    return reports


@dataclass(slots=True)
class _Draft:
    """An interval under construction."""

    start: date
    controller: Status
    reports: list[Report]
    disputing: list[Claim]


def _drafts(reports: list[Report], window: timedelta) -> list[_Draft]:
    """One draft per report, except that chains of side reports within ``window`` of each other
    that name both sides become one disputed draft."""
    drafts: list[_Draft] = []
    chain: list[Report] = []

    def flush() -> None:
        if len({r.controller for r in chain}) > 1:
            claimed = next((r for r in chain if r.event in _CHANGE_EVENTS), chain[0]).controller
            disputing = [c for r in chain if r.controller != claimed for c in r.claims]
            supporting = [r for r in chain if r.controller == claimed]
            drafts.append(_Draft(chain[0].date, "disputed", supporting, disputing))
        else:
            drafts.extend(_Draft(r.date, r.controller, [r], []) for r in chain)
        chain.clear()

    for report in reports:
        if report.controller not in _OTHER_SIDE:
            drafts.append(_Draft(report.date, report.controller, [report], []))
            continue
        if chain and report.date - chain[-1].date > window:
            flush()
        chain.append(report)
    flush()
    drafts.sort(key=lambda d: (d.start, _UNSETTLED[d.controller]))
    return drafts


def _intervals(reports: list[Report], window: timedelta) -> list[Interval]:
    """One place's intervals: same-day drafts merge, consecutive equal statuses extend."""
    merged: list[_Draft] = []
    for draft in _drafts(reports, window):
        last = merged[-1] if merged else None
        if last is not None and draft.controller == "contested" and last.controller != "contested":
            last.reports.extend(draft.reports)
            continue
        if last is not None and (last.start == draft.start or last.controller == draft.controller):
            if _UNSETTLED[draft.controller] > _UNSETTLED[last.controller]:
                last.controller = draft.controller
            last.reports.extend(draft.reports)
            last.disputing.extend(draft.disputing)
            # A same-day merge may make the status equal to the one before: extend that one.
            if len(merged) > 1 and merged[-2].controller == last.controller:
                merged[-2].reports.extend(last.reports)
                merged[-2].disputing.extend(last.disputing)
                merged.pop()
        else:
            merged.append(draft)
    return [
        Interval(
            place=draft.reports[0].place,
            start=draft.start,
            end=merged[i + 1].start if i + 1 < len(merged) else None,
            controller=draft.controller,
            confirmed=any(not c.hedged for r in draft.reports for c in r.claims),
            reports=tuple(draft.reports),
            disputing=tuple(draft.disputing),
        )
        for i, draft in enumerate(merged)
    ]


def _changes(intervals: list[Interval]) -> list[Change]:
    changes = []
    before: Status | None = None
    for interval in intervals:
        opening = interval.reports[0]
        if before is not None or opening.event in _CHANGE_EVENTS:
            changes.append(
                Change(
                    place=interval.place,
                    date=interval.start,
                    before=before,
                    after=interval.controller,
                    report=opening,
                )
            )
        before = interval.controller
    return changes


def _clip(intervals: list[Interval], start: date | None, end: date | None) -> list[Interval]:
    """Intervals overlapping the inclusive day range, cut to it; those reaching past ``end``
    become current (``end=None``) since the data stops there."""
    stop = end + timedelta(days=1) if end is not None else None
    clipped = []
    for iv in intervals:
        if start is not None and iv.end is not None and iv.end <= start:
            continue
        if stop is not None and iv.start >= stop:
            continue
        new_start = max(iv.start, start) if start is not None else iv.start
        new_end = None if iv.end is None or (stop is not None and iv.end >= stop) else iv.end
        clipped.append(replace(iv, start=new_start, end=new_end))
    return clipped


def _auto_freq(first: date | None, last: date | None) -> Freq:
    span = (last - first).days if first is not None and last is not None else 0
    if span <= _DAILY_SPAN:
        return "day"
    return "week" if span <= _WEEKLY_SPAN else "month"


def _next_period(begin: date, freq: Freq) -> date:
    if freq == "day":
        return begin + timedelta(days=1)
    if freq == "week":
        return begin + timedelta(days=7)
    return date(begin.year + begin.month // 12, begin.month % 12 + 1, 1)


def _sided_points(state: dict[str, Interval]) -> list[tuple[float, float, str]]:
    return [
        (iv.place.lon, iv.place.lat, iv.controller)
        for iv in state.values()
        if iv.controller in _OTHER_SIDE
    ]


def _same_line(a: BaseGeometry | None, b: BaseGeometry | None) -> bool:
    if a is None or b is None:
        return a is b
    return a is b or bool(a.equals_exact(b, 0.0))
