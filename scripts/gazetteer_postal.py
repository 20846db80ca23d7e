"""Validate GeoNames postal rows for Ukraine before they enter the gazetteer.

The postal file covers many villages cities500 lacks, but its positions are noisy (see
/work/shared/data/README.md): district centroids, one position reused for unrelated villages,
coordinates borrowed from a namesake elsewhere. Each rule below is a pure function that returns
what it keeps and how many rows it dropped, so the build can report every count and the tests can
exercise each rule on a few synthetic rows.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from gazetteer_common import PROJECT, UK_LETTERS, haversine_km, km_outside
from shapely import Polygon

# Ukrainian letters that Latin look-alikes stand in for in a few postal names ("Церкoвна").
_HOMOGLYPHS = str.maketrans("aceiopxyACEIOPXHKMT", "асеіорхуАСЕІОРХНКМТ")
_PARENTHESIS = re.compile(r"\s*\(.*?\)\s*")  # "(Миколаївська сільська рада)": the council
_APOSTROPHES = re.compile(r"['ʼ`]")


@dataclass(frozen=True)
class PostalPlace:
    """One village as the postal file places it, after identical rows are merged."""

    name_uk: str
    admin1: str
    raion: str
    lat: float
    lon: float
    codes: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.admin1, self.raion, self.name_uk)

    @property
    def position(self) -> tuple[float, float]:
        return (self.lat, self.lon)

    @property
    def id(self) -> str:
        text = f"{self.admin1}|{self.raion}|{self.name_uk}|{self.lat:.4f}|{self.lon:.4f}"
        return "pc:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class PostalRow:
    """One line of the postal file (admin1 already mapped to its English oblast name)."""

    code: str
    name_uk: str
    admin1: str
    raion: str
    lat: float
    lon: float
    accuracy: int


def clean_name(raw: str) -> str | None:
    """The settlement name of a postal row, or None when it is not a usable name.

    Parenthesized council names are dropped, Latin look-alike letters become Cyrillic, and
    apostrophes become the typographic one GeoNames uses. Names with digits ("Дубова 1",
    "1 Травня") are numbered sub-divisions or need a spelled-out form, so they are refused.
    """
    name = _PARENTHESIS.sub(" ", raw).strip()
    if any(ch.isdigit() for ch in name):
        return None
    if any("\u0400" <= ch <= "\u04ff" for ch in name):
        name = name.translate(_HOMOGLYPHS)
    name = _APOSTROPHES.sub("’", name)
    letters = {ch for ch in name.lower() if ch not in " -’"}
    if not letters or not letters <= UK_LETTERS:
        return None
    return name


def read_postal(path: Path, oblasts: dict[str, str]) -> tuple[list[PostalRow], dict[str, int]]:
    """Parse the tab-separated postal file; ``oblasts`` maps its admin1 names to English ones.

    Rows without coordinates or accuracy, with an unknown oblast or an unusable name are counted
    and skipped.
    """
    rows: list[PostalRow] = []
    counts = {"malformed (no position/accuracy/oblast)": 0, "unusable name": 0}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 12 or not f[9] or not f[10] or not f[11] or f[3] not in oblasts:
                counts["malformed (no position/accuracy/oblast)"] += 1
                continue
            name = clean_name(f[2])
            if name is None:
                counts["unusable name"] += 1
                continue
            rows.append(
                PostalRow(f[1], name, oblasts[f[3]], f[5], float(f[9]), float(f[10]), int(f[11]))
            )
    return rows, counts


def drop_district_centroids(rows: Iterable[PostalRow]) -> tuple[list[PostalRow], int]:
    """Accuracy 1 means the position is the district's centroid, not the village's."""
    rows = list(rows)
    kept = [r for r in rows if r.accuracy > 1]
    return kept, len(rows) - len(kept)


def merge_postal_codes(rows: Iterable[PostalRow]) -> tuple[list[PostalPlace], int]:
    """One place per (oblast, raion, name, position): a village has one row per postal code."""
    codes: dict[tuple, list[str]] = defaultdict(list)
    n = 0
    for r in rows:
        codes[(r.admin1, r.raion, r.name_uk, r.lat, r.lon)].append(r.code)
        n += 1
    places = [
        PostalPlace(name, admin1, raion, lat, lon, tuple(sorted(c)))
        for (admin1, raion, name, lat, lon), c in sorted(codes.items())
    ]
    return places, n - len(places)


def drop_shared_positions(
    places: Iterable[PostalPlace], *, k: int, min_votes: int
) -> tuple[list[PostalPlace], int, int]:
    """A position given to places of different names or districts belongs to at most one of them.

    GeoNames matched each postal row to a place by name, so a shared point is the position of
    one namesake, wrongly reused for the others (Пильна of Kharkiv district got the point of
    Пільна of Vovchansk district). The claimant whose district holds at least ``min_votes`` of
    the ``k`` nearest unshared places keeps the point when it is the only one with more than
    one vote; otherwise nothing tells which is right and all claimants go.
    Returns the kept places, how many were dropped and how many shared points were resolved.
    """
    places = list(places)
    by_position: dict[tuple[float, float], list[PostalPlace]] = defaultdict(list)
    for p in places:
        by_position[p.position].append(p)
    unshared = [p for p in places if len({q.key for q in by_position[p.position]}) == 1]
    kept = list(unshared)
    resolved = 0
    if unshared:
        xy = np.array([PROJECT(p.lat, p.lon) for p in unshared])
        districts = [(p.admin1, p.raion) for p in unshared]
        for position, claimants in sorted(by_position.items()):
            if len({q.key for q in claimants}) == 1:
                continue
            x, y = PROJECT(*position)
            nearest = np.argsort(np.hypot(xy[:, 0] - x, xy[:, 1] - y), kind="stable")[:k]
            votes = [sum(districts[j] == (c.admin1, c.raion) for j in nearest) for c in claimants]
            winners = [c for c, v in zip(claimants, votes, strict=True) if v >= min_votes]
            if len(winners) == 1 and sum(v > 1 for v in votes) == 1:
                kept.append(winners[0])
                resolved += 1
    return kept, len(places) - len(kept), resolved


def drop_outside_oblast(
    places: Iterable[PostalPlace], extents: dict[str, Polygon], *, max_km: float
) -> tuple[list[PostalPlace], int]:
    """Drop places farther than ``max_km`` outside their oblast's settled extent (or unknown)."""
    places = list(places)
    kept = [
        p
        for p in places
        if p.admin1 in extents and km_outside(extents[p.admin1], p.lat, p.lon) <= max_km
    ]
    return kept, len(places) - len(kept)


@dataclass(frozen=True)
class Anchor:
    """A cities500 place the postal rows are checked against."""

    id: str
    admin1: str
    lat: float
    lon: float
    keys: frozenset[str]


def index_anchors(anchors: Iterable[Anchor]) -> dict[str, list[Anchor]]:
    """Anchors by every name key, so namesakes are found without scanning all of them."""
    index: dict[str, list[Anchor]] = defaultdict(list)
    for a in anchors:
        for key in a.keys:
            index[key].append(a)
    return index


def _near_namesakes(
    place: PostalPlace,
    anchors: dict[str, list[Anchor]],
    keys_of: Callable[[PostalPlace], set[str]],
    *,
    km: float,
) -> list[tuple[float, Anchor]]:
    found = {}
    for key in keys_of(place):
        for a in anchors.get(key, ()):
            d = haversine_km(place.lat, place.lon, a.lat, a.lon)
            if d <= km:
                found[a.id] = (d, a)
    return sorted(found.values(), key=lambda t: (t[0], t[1].id))


def drop_borrowed_positions(
    places: Iterable[PostalPlace],
    anchors: dict[str, list[Anchor]],
    keys_of: Callable[[PostalPlace], set[str]],
    *,
    km: float,
) -> tuple[list[PostalPlace], int]:
    """A namesake in another oblast at (nearly) the same position lent the row its coordinates."""
    places = list(places)
    kept = [
        p
        for p in places
        if not any(a.admin1 != p.admin1 for _, a in _near_namesakes(p, anchors, keys_of, km=km))
    ]
    return kept, len(places) - len(kept)


def match_anchors(
    places: Iterable[PostalPlace],
    anchors: dict[str, list[Anchor]],
    keys_of: Callable[[PostalPlace], set[str]],
    *,
    km: float,
) -> tuple[list[PostalPlace], dict[str, PostalPlace]]:
    """Split places into those new to the gazetteer and those that are a cities500 place.

    A place matches the nearest same-oblast cities500 place of the same name within ``km``;
    the match lends that row its district (``admin2``) and is not added a second time.
    """
    unmatched, matched = [], {}
    for p in places:
        hits = [a for _, a in _near_namesakes(p, anchors, keys_of, km=km) if a.admin1 == p.admin1]
        if hits:
            matched.setdefault(hits[0].id, p)
        else:
            unmatched.append(p)
    return unmatched, matched


def raion_votes(places: Sequence[PostalPlace], *, k: int) -> list[int]:
    """For each place, how many of its ``k`` nearest other places share its (oblast, raion)."""
    if len(places) < 2:
        return [0] * len(places)
    xy = np.array([PROJECT(p.lat, p.lon) for p in places])
    groups = [(p.admin1, p.raion) for p in places]
    votes = []
    for i in range(len(places)):
        d = np.hypot(xy[:, 0] - xy[i, 0], xy[:, 1] - xy[i, 1])
        d[i] = np.inf
        nearest = np.argsort(d, kind="stable")[: min(k, len(places) - 1)]
        votes.append(sum(groups[j] == groups[i] for j in nearest))
    return votes


def drop_raion_outliers(
    candidates: Iterable[PostalPlace],
    neighbourhood: Sequence[PostalPlace],
    *,
    k: int,
    min_same: int,
) -> tuple[list[PostalPlace], int]:
    """Drop a candidate unless ``min_same`` of its ``k`` nearest places share its district.

    Villages cluster by district, so a row whose neighbours all belong to other districts sits
    where its district is not: its coordinates came from a namesake elsewhere. ``neighbourhood``
    (all postal places that passed the earlier rules) supplies the neighbours.
    """
    candidates = list(candidates)
    index = {p: i for i, p in enumerate(neighbourhood)}
    votes = raion_votes(neighbourhood, k=k)
    kept = [p for p in candidates if p in index and votes[index[p]] >= min_same]
    return kept, len(candidates) - len(kept)
