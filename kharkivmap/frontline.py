"""An estimated front line: where places held by one side meet places held by the other.

Reporting names settlements, not lines, so the line is inferred: every place of known control
owns the area closer to it than to any other place (its Voronoi cell), cells are limited to
``buffer_km`` around their place so the line does not run through areas nobody reported on, and
the line is the boundary shared by the Ukrainian and the Russian cells (the boundary of the
union of each side's clipped cells, where they meet). Geometry is computed in kilometres on an
equirectangular projection around the points' mean latitude (accurate to a few per cent over an
oblast) and returned in lon/lat.

Rather than unioning polygons, the line is assembled from the cell edges that a Ukrainian and a
Russian cell have in common (cells of one diagram share their edges exactly): the same result at
a fraction of the cost, which matters when a map needs a line for every week of two years.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kharkivmap.errors import TimelineError

if TYPE_CHECKING:
    import numpy as np
    from shapely.geometry.base import BaseGeometry

__all__ = ["estimate_front_line"]

_KM_PER_DEG_LAT = 110.574
_KM_PER_DEG_LON_EQUATOR = 111.320


def estimate_front_line(
    points: Sequence[tuple[float, float, str]], *, buffer_km: float = 25
) -> BaseGeometry | None:
    """The shared boundary of the two sides' Voronoi areas, as a (Multi)LineString in lon/lat.

    ``points`` are ``(lon, lat, side)`` with side ``"UA"`` or ``"RU"``; other sides and points
    without finite coordinates are ignored.
    Places at the same coordinates count once (and not at all when their sides disagree, since
    no cell can be drawn for them). Returns None when only one side is present or the two
    sides' areas do not meet within ``buffer_km`` of their places. Raises
    :class:`~kharkivmap.errors.TimelineError` when ``buffer_km`` is not positive.
    """
    import numpy as np
    import shapely

    if not buffer_km > 0:
        raise TimelineError(f"buffer_km must be positive, not {buffer_km}")
    sided = [(lon, lat, side == "RU") for lon, lat, side in points if side in ("UA", "RU")]
    if not sided:
        return None
    table = np.array(sided, dtype=float)
    table = table[np.isfinite(table[:, :2]).all(axis=1)]
    # A diagram needs distinct sites: one per spot, none where the sides disagree.
    _, first, spot, count = np.unique(
        table[:, 0] + 1j * table[:, 1], return_index=True, return_inverse=True, return_counts=True
    )
    russian = np.bincount(spot, weights=table[:, 2], minlength=len(count))
    table = table[first[(russian == 0) | (russian == count)]]
    lons, lats, sides = table[:, 0], table[:, 1], table[:, 2] == 1
    if sides.all() or not sides.any():
        return None

    lon0, lat0 = float(lons.mean()), float(lats.mean())
    kx = _KM_PER_DEG_LON_EQUATOR * math.cos(math.radians(lat0))
    sites = np.column_stack(((lons - lon0) * kx, (lats - lat0) * _KM_PER_DEG_LAT))
    # The diagram must reach every point within the buffer, or its frame would cut the line.
    reach = shapely.box(*(sites.min(axis=0) - buffer_km), *(sites.max(axis=0) + buffer_km))
    diagram = shapely.voronoi_polygons(shapely.multipoints(sites), extend_to=reach, ordered=True)
    a, b, owner = _shared_edges(shapely.get_parts(diagram), sides)
    segments = _clip_to_disks(a, b, sites[owner], buffer_km)
    if segments is None:
        return None
    start, end = segments
    to_lonlat = np.array([kx, _KM_PER_DEG_LAT])
    origin = np.array([lon0, lat0])
    lines = shapely.linestrings(
        np.stack((start / to_lonlat + origin, end / to_lonlat + origin), axis=1)
    )
    return shapely.line_merge(shapely.multilinestrings(lines))


def _shared_edges(
    cells: np.ndarray, sides: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cell edges that a cell of one side shares with a cell of the other.

    Returns the edges' end points (two ``(n, 2)`` arrays) and, for each edge, the index of one
    of the two places it separates.
    """
    import numpy as np
    import shapely

    coords, cell = shapely.get_coordinates(cells, return_index=True)
    # Neighbouring cells hold bit-identical copies of their common vertices: number them once.
    _, vertex = np.unique(coords[:, 0] + 1j * coords[:, 1], return_inverse=True)
    same_ring = cell[:-1] == cell[1:]
    va, vb, owner = vertex[:-1][same_ring], vertex[1:][same_ring], cell[:-1][same_ring]
    # The two cells along an edge walk it in opposite directions: key it by its sorted ends.
    key = np.minimum(va, vb) * (len(coords) + 1) + np.maximum(va, vb)
    order = np.argsort(key)
    key, side = key[order], sides[owner[order]]
    edge = order[:-1][(key[:-1] == key[1:]) & (side[:-1] != side[1:])]
    return coords[:-1][same_ring][edge], coords[1:][same_ring][edge], owner[edge]


def _clip_to_disks(
    a: np.ndarray, b: np.ndarray, centre: np.ndarray, radius: float
) -> tuple[np.ndarray, np.ndarray] | None:
    """Cut each segment ``a→b`` to its part within ``radius`` of its ``centre``.

    An edge between two cells is equidistant from their two places and no other place is
    closer, so cutting it by the disk of either place equals cutting it by the union of all
    places' disks. Returns the kept segments' end points, or None when nothing is left.
    """
    import numpy as np

    # Solve |a + t(b - a) - centre| = radius for t and keep the part with t in [0, 1].
    d, f = b - a, a - centre
    qa = (d * d).sum(axis=1)
    qb = 2 * (f * d).sum(axis=1)
    qc = (f * f).sum(axis=1) - radius * radius
    disc = qb * qb - 4 * qa * qc
    hit = (disc > 0) & (qa > 0)
    root = np.sqrt(np.where(hit, disc, 0))
    denom = np.where(hit, 2 * qa, 1)
    t0 = np.clip((-qb - root) / denom, 0, 1)
    t1 = np.clip((-qb + root) / denom, 0, 1)
    keep = hit & (t1 > t0)
    if not keep.any():
        return None
    # Unclipped ends stay bit-identical to the shared vertices so that the pieces join up.
    start = np.where((t0 > 0)[:, None], a + t0[:, None] * d, a)
    end = np.where((t1 < 1)[:, None], a + t1[:, None] * d, b)
    return start[keep], end[keep]
