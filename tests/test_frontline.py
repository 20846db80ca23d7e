"""The estimated front line runs between the sides, within reach of the places that define it."""

from __future__ import annotations

import math

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from kharkivmap.errors import TimelineError
from kharkivmap.frontline import estimate_front_line


def _km(lon1: float, lat1: float, lon2: float, lat2: float, lat0: float) -> float:
    """Distance on the equirectangular projection the module documents."""
    dx = (lon1 - lon2) * 111.320 * math.cos(math.radians(lat0))
    dy = (lat1 - lat2) * 110.574
    return math.hypot(dx, dy)


def _grid(lons: list[float], side: str) -> list[tuple[float, float, str]]:
    return [(lon, 49.5 + 0.1 * i, side) for lon in lons for i in range(7)]


def test_two_clusters_give_a_north_south_line_between_them() -> None:
    points = _grid([35.9, 36.0, 36.1], "UA") + _grid([36.5, 36.6, 36.7], "RU")
    line = estimate_front_line(points)
    assert line is not None
    assert line.geom_type == "LineString"
    xs, ys = zip(*line.coords, strict=True)
    assert all(abs(x - 36.3) < 1e-9 for x in xs)
    # From below the southernmost to above the northernmost place, within the 25 km reach.
    assert min(ys) < 49.5 < 50.1 < max(ys)
    assert max(ys) - 50.1 < 25 / 110.574


def test_two_places_give_the_bisector_cut_to_the_buffer() -> None:
    line = estimate_front_line([(36.0, 50.0, "UA"), (36.2, 50.0, "RU")], buffer_km=25)
    assert line is not None
    half_gap = _km(36.0, 50.0, 36.1, 50.0, 50.0)
    expected = 2 * math.sqrt(25**2 - half_gap**2) / 110.574
    assert line.length == pytest.approx(expected, rel=1e-6)
    assert {round(x, 9) for x, _ in line.coords} == {36.1}


@pytest.mark.parametrize(
    "points",
    [
        [],
        [(36.0, 50.0, "UA"), (36.5, 50.0, "UA")],
        [(36.0, 50.0, "RU")],
        [(36.0, 50.0, "UA"), (36.5, 50.0, "contested"), (36.7, 50.0, "disputed")],
    ],
)
def test_one_side_only_gives_none(points: list[tuple[float, float, str]]) -> None:
    assert estimate_front_line(points) is None


def test_points_without_coordinates_are_ignored() -> None:
    nan = float("nan")
    points = [(36.0, nan, "UA"), (nan, 50.0, "RU"), (36.0, 50.0, "UA"), (36.2, 50.0, "RU")]
    assert estimate_front_line(points) == estimate_front_line(points[2:])


@pytest.mark.parametrize("buffer_km", [0, -5, float("nan")])
def test_buffer_must_be_positive(buffer_km: float) -> None:
    with pytest.raises(TimelineError, match=r"^buffer_km must be positive, not "):
        estimate_front_line([(36.0, 50.0, "UA"), (36.2, 50.0, "RU")], buffer_km=buffer_km)


def test_sides_farther_apart_than_two_buffers_give_none() -> None:
    # About 72 km apart: the bisector is 36 km from both, beyond a 25 km reach.
    assert estimate_front_line([(36.0, 49.5, "UA"), (37.0, 49.5, "RU")]) is None
    assert estimate_front_line([(36.0, 49.5, "UA"), (37.0, 49.5, "RU")], buffer_km=40) is not None


def test_places_at_one_spot_with_both_sides_are_left_out() -> None:
    points = [(36.0, 50.0, "UA"), (36.2, 50.0, "RU"), (36.1, 50.0, "UA"), (36.1, 50.0, "RU")]
    line = estimate_front_line(points)
    assert line is not None
    assert {round(x, 9) for x, _ in line.coords} == {36.1}


def test_an_enclave_is_ringed() -> None:
    points = [*_grid([35.9, 36.0, 36.2, 36.3], "UA"), (36.1, 49.8, "RU")]
    line = estimate_front_line(points)
    assert line is not None
    assert line.is_ring
    assert shapely.Polygon(line.coords).contains(shapely.Point(36.1, 49.8))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 300), st.integers(0, 200), st.sampled_from(["UA", "RU", "contested"])
        ),
        min_size=2,
        max_size=60,
        unique_by=lambda p: (p[0], p[1]),
    )
)
def test_every_vertex_is_equidistant_from_both_sides_and_within_reach(
    raw: list[tuple[int, int, str]],
) -> None:
    points = [(35.5 + x / 100, 49.0 + y / 100, side) for x, y, side in raw]
    line = estimate_front_line(points, buffer_km=25)
    sided = [p for p in points if p[2] in ("UA", "RU")]
    if line is None:
        return
    lat0 = sum(p[1] for p in sided) / len(sided)
    for x, y in shapely.get_coordinates(line):
        ua = min(_km(x, y, lon, lat, lat0) for lon, lat, side in sided if side == "UA")
        ru = min(_km(x, y, lon, lat, lat0) for lon, lat, side in sided if side == "RU")
        assert ua == pytest.approx(ru, abs=1e-6)
        assert ua <= 25 + 1e-6
