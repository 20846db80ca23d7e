"""Resolve place names in any spelling to gazetteer rows, alone or in the light of a whole text.

Every name, Ukrainian and Russian name and alias of every row is indexed under its
:func:`~kharkivmap.normalize.fold` key, so lookups are dictionary hits; a bounded fuzzy match
catches misspellings. Homonyms (a dozen villages are called Vilkhivka) are scored on six kinds
of evidence: the oblast the text names ("Borova, Kharkiv oblast"), the distance to other places
it names, a population/kind prior, nearness to the war zone, a country prior (Ukraine unless
the text puts the place in Russia) and whether the name is the place's own or only a
historical/foreign alias. Scores are probabilities over a name's candidates, 0–1.

The shipped CSV is parsed once and its index cached as a pickle in the user cache folder, keyed
by a hash of the CSV and of the code that builds the index; a cache that cannot be read or
written is rebuilt or skipped without complaint.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kharkivmap import _gazetteer_io as store
from kharkivmap.errors import UnknownPlaceError
from kharkivmap.models import Candidate, Mention, Place, Resolution
from kharkivmap.normalize import fold

if TYPE_CHECKING:
    from kharkivmap.geocoder import GeocoderLike

__all__ = [
    "Evidence",
    "Gazetteer",
    "distance_km",
    "is_war_zone_town",
    "row_number",
    "war_zone_nearness",
]

_KIND_PRIOR = {"city": 1.0, "town": 0.6, "village": 0.3}
# Reporting on the war is about Ukraine: a Russian namesake must be named as such to win.
_COUNTRY_PRIOR = {"UA": 1.0, "RU": 0.2}
_OTHER_COUNTRY_PRIOR = 0.0
# Weights of the evidence kinds; they sum to one so a raw score stays in 0–1 (the war-zone
# prior below adds at most 0.1).
_W_PRIOR, _W_ADMIN, _W_NEAR, _W_COUNTRY, _W_NAME = 0.3, 0.22, 0.36, 0.15, 0.03
_SOFTMAX_T = 0.08  # a raw-score gap of 0.1 makes one candidate ~3.5 times likelier
_NEAR_KM = 40.0  # proximity evidence falls to 1/e at 40 km
# "near the border with X": namesakes this much farther from X than the nearest are not meant
_NEAREST_SLACK_KM = 3.0
_FUZZY_CUTOFF = 88.0
_FUZZY_ONE_EDIT_CUTOFF = 80.0  # one edit in a name of seven letters or more
_ONE_EDIT_MIN_LEN = 7
_FUZZY_MIN_LEN = 5
_FUZZY_LENGTH = 1  # a typo adds, drops or swaps a letter; more is another name
# A spelling near enough to be the place meant, when the exact one lies far from the rest
_ALIKE_CUTOFF = 80.0
_LISTED_CUTOFF = 75.0  # a list item spelt like a neighbour of the places listed with it
_TYPO_CUTOFF = _FUZZY_CUTOFF  # …as a typo, or with the same consonants (see _consonants)
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")


def _consonants(key: str) -> str:
    """A folded key's consonants, "g" read as "h" and repeats made one: what the Russian,
    Ukrainian and French transliterations of one name share ("Slatina", "Slatyne";
    "Olginka", "Olhynka"; "Rovnopol", "Rivnopil")."""
    return _REPEATS.sub(r"\1", _VOWELS.sub("", key.replace("g", "h")))


_ONLINE_SCORE = 0.5
_RESOLVE_CACHE_MAX = 200_000
# Reporting on the war is about places near the fighting: among namesakes otherwise alike,
# the one nearer the war zone (data/war_zone.csv) is likelier. The zone is wide (the 2022
# northern front to the Kherson bank), so this only breaks ties the text leaves open.
_W_ZONE = 0.1
_W_FOUGHT_OVER = 0.1
_ZONE_KM = 30.0
_ZONE_REACH_KM = 65.0
_ZONE_TOWN_NEARNESS = math.exp(-1.0 / _ZONE_KM)  # within a km of a listed war-zone town
_EARTH_RADIUS_KM = 6371.009  # geopy's mean great-circle radius


@dataclass(slots=True)
class Evidence:
    """What a text says about where its places are.

    ``admin1`` weighs oblasts (1 for "X region", less for a city of that oblast), ``anchors``
    are ``(place id, lat, lon, weight)`` of places already placed (weight 1 when certain),
    ``country`` a country the text puts the name in, ``within`` oblasts it names as regions
    ("Donetsk region"): a candidate outside them loses when any candidate lies inside.
    """

    admin1: dict[str, float] = field(default_factory=dict)
    anchors: list[tuple[str, float, float, float]] = field(default_factory=list)
    country: str | None = None
    within: set[str] = field(default_factory=set)


def row_number(entry: int) -> int:
    """The row number of an index entry (aliases are stored as ``~row``)."""
    return entry if entry >= 0 else ~entry


@lru_cache(maxsize=65536)
def _trig(lat: float, lon: float) -> tuple[float, float, float]:
    rad = math.radians(lat)
    return math.sin(rad), math.cos(rad), math.radians(lon)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance, computed exactly as geopy's ``great_circle`` does.

    Within 0.5 % of the ellipsoidal geodesic; every homonym is weighed against every other
    place in an article, so the formula runs inline on cached sines instead of through
    geopy's point objects, which cost ten times the arithmetic.
    """
    return _arc_km(_trig(*a), _trig(*b))


def _arc_km(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    sin_lat1, cos_lat1, lng1 = a
    sin_lat2, cos_lat2, lng2 = b
    delta_lng = lng2 - lng1
    cos_delta_lng, sin_delta_lng = math.cos(delta_lng), math.sin(delta_lng)
    d = math.atan2(
        math.sqrt(
            (cos_lat2 * sin_delta_lng) ** 2
            + (cos_lat1 * sin_lat2 - sin_lat1 * cos_lat2 * cos_delta_lng) ** 2
        ),
        sin_lat1 * sin_lat2 + cos_lat1 * cos_lat2 * cos_delta_lng,
    )
    return _EARTH_RADIUS_KM * d


@lru_cache(maxsize=1)
def _war_zone() -> dict[tuple[int, int], tuple[tuple[float, float, float], ...]]:
    """The war zone's towns (data/war_zone.csv), read on first use, by 1-degree cell."""
    import csv

    text = (resources.files("kharkivmap") / "data/war_zone.csv").read_text(encoding="utf-8")
    cells: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
    for row in csv.DictReader(text.splitlines()):
        lat, lon = float(row["lat"]), float(row["lon"])
        cells.setdefault((math.floor(lat), math.floor(lon)), []).append(_trig(lat, lon))
    return {cell: tuple(towns) for cell, towns in cells.items()}


@lru_cache(maxsize=65536)
def war_zone_nearness(lat: float, lon: float) -> float:
    """How near ``(lat, lon)`` lies to the towns the war was fought over (data/war_zone.csv):
    ``exp(-km / _ZONE_KM)`` to the nearest, 1 at one of them, 0 beyond ``_ZONE_REACH_KM`` (a
    degree of longitude, so the nine cells around a place hold every town that counts).
    Cached: the same places recur in article after article."""
    cells = _war_zone()
    here = _trig(lat, lon)
    row, col = math.floor(lat), math.floor(lon)
    km = min(
        (
            _arc_km(here, town)
            for dlat in (-1, 0, 1)
            for dlon in (-1, 0, 1)
            for town in cells.get((row + dlat, col + dlon), ())
        ),
        default=math.inf,
    )
    return math.exp(-km / _ZONE_KM) if km <= _ZONE_REACH_KM else 0.0


def is_war_zone_town(lat: float, lon: float) -> bool:
    """Whether a place at ``(lat, lon)`` is one of the war zone's towns (data/war_zone.csv):
    the towns the war's reporting names most, each within a km of its listed position."""
    return war_zone_nearness(lat, lon) >= _ZONE_TOWN_NEARNESS


def _anchor_weight(anchor: tuple[str, tuple[float, float, float], float]) -> float:
    return anchor[2]


def _nearness(
    here: tuple[float, float, float],
    place_id: str,
    anchors: list[tuple[str, tuple[float, float, float], float]],
) -> float:
    """The best ``weight * exp(-km / _NEAR_KM)`` over anchors other than the place itself.

    Anchors come heaviest first: a term never exceeds its weight, so once the weight is no
    more than the best so far, no later anchor can raise it and the rest are skipped.
    """
    near = 0.0
    exp = math.exp
    for anchor_id, there, weight in anchors:
        if weight <= near:
            break
        if anchor_id != place_id:
            value = weight * exp(-_arc_km(here, there) / _NEAR_KM)
            if value > near:
                near = value
    return near


# A noun and an adjective ending make different places of one stem: Novopokrovka and
# Novopokrovske are two villages, not a typo of one another.
_NOUN_ENDINGS = frozenset({"ka"})
_ADJECTIVE_ENDINGS = frozenset({"e", "ske", "ne", "ve", "o", "ovo", "ove", "yi"})


def _other_ending(key: str, match: str) -> bool:
    """Whether two folded names share a stem and differ only in a place-name ending."""
    stem = next(
        (i for i, (a, b) in enumerate(zip(key, match, strict=False)) if a != b),
        min(len(key), len(match)),
    )
    ends = {key[stem:], match[stem:]}
    return not ends.isdisjoint(_NOUN_ENDINGS) and not ends.isdisjoint(_ADJECTIVE_ENDINGS)


_Cells = dict[tuple[int, int], list[tuple[float, float]]]


class Gazetteer:
    """An in-memory gazetteer: lookup by any spelling, homonym scoring, mention finding.

    Build one with :meth:`load` (shipped CSV plus user files), :meth:`from_csv` or
    :meth:`from_places`; the constructor itself is internal. The public API is :meth:`resolve`,
    :meth:`find_mentions`, :meth:`suggest`, :attr:`places`, :meth:`get` and ``len()``; the
    row-level methods (:meth:`lookup`, :meth:`row`, :meth:`score`, …) serve the mention finder.
    """

    def __init__(
        self,
        rows: list[tuple[Any, ...]],
        index: store.Index,
        *,
        geocoder: GeocoderLike | None = None,
    ) -> None:
        self._rows = rows
        self._index = index
        self._by_id = {row[0]: i for i, row in enumerate(rows)}
        self._objects: list[Place | None] = [None] * len(rows)
        self._geocoder = geocoder
        self._resolved: dict[str, Resolution] = {}
        self._facts: dict[int, tuple[Any, ...]] = {}  # row number -> see _row_facts
        self._scored: dict[tuple[Any, ...], list[tuple[int, float]]] = {}
        self._fuzzy_pool: dict[tuple[str, int], list[str]] | None = None
        self._initial_pool: dict[str, list[str]] | None = None
        self._finder: Any = None
        self._oblasts: frozenset[str] | None = None  # every admin1, for region_of
        self._area_cells: dict[
            tuple[int, str], dict[tuple[int, int], list[tuple[float, float]]]
        ] = {}

    # --- construction ------------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        *,
        extra: Sequence[str | os.PathLike[str]] = (),
        geocoder: str | GeocoderLike | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> Gazetteer:
        """The shipped gazetteer plus user CSV files (``extra``) that add or override rows by id.

        ``geocoder`` is ``"nominatim"`` or an object with a ``geocode(query)`` method, asked
        only by :meth:`resolve` for names the gazetteer lacks. ``cache_dir`` defaults to
        ``$XDG_CACHE_HOME/kharkivmap`` (``~/.cache/kharkivmap``).
        """
        cache = Path(cache_dir) if cache_dir is not None else store.default_cache_dir()
        shipped = resources.files("kharkivmap") / "data/gazetteer.csv"
        rows, index = store.load_cached(Path(str(shipped)), cache_dir=cache)
        for path in extra:
            store.merge(rows, index, store.read_csv(path, user=True))
        if isinstance(geocoder, str):
            from kharkivmap.geocoder import make_geocoder

            geocoder = make_geocoder(geocoder, cache_dir=cache)
        return cls(rows, index, geocoder=geocoder)

    @classmethod
    def from_csv(
        cls, path: str | os.PathLike[str], *, geocoder: GeocoderLike | None = None
    ) -> Gazetteer:
        """A gazetteer of one CSV file (columns as in ``docs/ARCHITECTURE.md``)."""
        rows = store.read_csv(path, user=False)
        return cls(rows, store.build_index(rows), geocoder=geocoder)

    @classmethod
    def from_places(
        cls, places: Iterable[Place], *, geocoder: GeocoderLike | None = None
    ) -> Gazetteer:
        """A gazetteer of the given places (handy in tests); a repeated id replaces the first."""
        rows: list[tuple[Any, ...]] = []
        index = store.Index()
        store.merge(rows, index, [store.row_of(place) for place in places])
        return cls(rows, index, geocoder=geocoder)

    # --- rows --------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def places(self) -> tuple[Place, ...]:
        """Every place, in file order."""
        return tuple(self.place_at(i) for i in range(len(self._rows)))

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        i = self._by_id.get(place_id)
        return None if i is None else self.place_at(i)

    def near_oblast(self, entries: Sequence[int], oblast: str, km: float) -> tuple[int, ...]:
        """The index entries whose place lies outside ``oblast`` but within ``km`` of one of its
        places: by its border ("near the border with the Donetsk region"). Of several, those
        nearest its places (within _NEAREST_SLACK_KM of the nearest): the oblast's villages
        stand in for its border line, and the namesake right by them is the one meant."""
        gaps = self._area_gaps(entries, 5, oblast)
        near = [entry for entry in gaps if gaps[entry] <= km]
        if not near:
            return ()
        least = min(gaps[entry] for entry in near)
        return tuple(entry for entry in near if gaps[entry] <= least + _NEAREST_SLACK_KM)

    def near_country(self, entries: Sequence[int], country: str, km: float) -> tuple[int, ...]:
        """The index entries whose place lies outside ``country`` but within ``km`` of one of
        its places ("9 km from the Russian border"; the border zone's places stand in for the
        border line, so ``km`` should allow for the few km to the nearest of them)."""
        return self._near_area(entries, 4, country, km)

    def _near_area(
        self, entries: Sequence[int], column: int, area: str, km: float
    ) -> tuple[int, ...]:
        """Entries outside ``area`` (the value of row ``column``) within ``km`` of its places."""
        gaps = self._area_gaps(entries, column, area)
        return tuple(entry for entry in gaps if gaps[entry] <= km)

    def _area_gaps(self, entries: Sequence[int], column: int, area: str) -> dict[int, float]:
        """For each entry outside ``area``, in order, the distance in km from its place to the
        nearest place of ``area`` (within about a degree; infinite beyond)."""
        gaps: dict[int, float] = {}
        for entry in entries:
            row = self._rows[row_number(entry)]
            if row[column] == area:
                continue
            here = (row[2], row[3])
            points = self._area_points(column, area, *here)
            gaps[entry] = min((distance_km(here, p) for p in points), default=math.inf)
        return gaps

    def _area_points(
        self, column: int, area: str, lat: float, lon: float
    ) -> list[tuple[float, float]]:
        """The places of ``area`` in the degree cells around a position."""
        cells = self._area_cells.get((column, area))
        if cells is None:
            cells = self._area_cells[(column, area)] = {}
            for row in self._rows:
                if row[column] == area:
                    cells.setdefault((round(row[2]), round(row[3])), []).append((row[2], row[3]))
        cell = (round(lat), round(lon))
        return [
            p
            for dlat in (-1, 0, 1)
            for dlon in (-1, 0, 1)
            for p in cells.get((cell[0] + dlat, cell[1] + dlon), ())
        ]

    def place_at(self, i: int) -> Place:
        """The place at a row number (Place objects are made on first use)."""
        place = self._objects[i]
        if place is None:
            place = self._objects[i] = Place(*self._rows[i])
        return place

    def row(self, i: int) -> tuple[Any, ...]:
        """The raw row tuple (Place field order) at a row number."""
        return self._rows[i]

    def region_of(self, i: int) -> str:
        """The oblast a region word after the name at row number ``i`` means: "Kyiv region"
        is the Kyiv Oblast around the capital, not the city's own ``Kyiv City``."""
        admin1: str = self._rows[i][5]
        if admin1.endswith(" City"):
            if self._oblasts is None:
                self._oblasts = frozenset(row[5] for row in self._rows)
            oblast = admin1[: -len(" City")] + " Oblast"
            if oblast in self._oblasts:
                return oblast
        return admin1

    def lookup(self, key: str) -> tuple[int, ...]:
        """Index entries under a folded key (see :func:`row_number`)."""
        return self._index.keys.get(key, ())

    def starts_name(self, key: str) -> bool:
        """True when a multi-word name begins with a word of this folded key."""
        return key in self._index.starts

    # --- resolution --------------------------------------------------------------------------

    def resolve(
        self,
        name: str,
        *,
        near: Place | tuple[float, float] | str | None = None,
        context: str | None = None,
    ) -> Resolution:
        """The place a name most likely means, with the scored alternatives.

        ``near`` (a place, a ``(lat, lon)`` pair or a place name) and ``context`` (text around
        the name, e.g. ``"Kharkiv oblast"``) steer the choice among homonyms. Raises
        :class:`~kharkivmap.errors.UnknownPlaceError` with close suggestions when nothing
        matches and no geocoder finds it.
        """
        plain = near is None and context is None
        if plain and name in self._resolved:
            return self._resolved[name]
        key = fold(name)
        entries, quality = self._match(name, key)
        if not entries:
            return self._resolve_online(name, key)
        evidence = Evidence() if plain else self._evidence(key, near=near, context=context)
        if evidence.within:
            inside = tuple(e for e in entries if self._rows[row_number(e)][5] in evidence.within)
            entries = inside or entries
        scored = self.score(entries, evidence)
        best, share = scored[0]
        resolution = Resolution(
            query=name,
            place=self.place_at(best),
            score=round(share * quality, 4),
            alternatives=tuple(
                Candidate(self.place_at(i), round(s * quality, 4)) for i, s in scored[1:]
            ),
        )
        if plain:
            if len(self._resolved) >= _RESOLVE_CACHE_MAX:
                self._resolved.clear()
            self._resolved[name] = resolution
        return resolution

    def _match(self, name: str, key: str) -> tuple[tuple[int, ...], float]:
        entries = self.lookup(key)
        if entries:
            return entries, 1.0
        if name[:1] and "\u0400" <= name[0] <= "\u04ff":
            entries = self.mention_finder().inflected_entries(name.strip())
            if entries:
                return entries, 0.95  # a declined form ("Харкова") matched by its nominative
        match = self.fuzzy(key)
        if match is None:
            return (), 0.0
        return self.lookup(match[0]), match[1]

    def _resolve_online(self, name: str, key: str) -> Resolution:
        if self._geocoder is not None and key:
            from kharkivmap.geocoder import place_from_answer

            place = place_from_answer(self._geocoder.geocode(name))
            if place is not None:
                return Resolution(query=name, place=place, score=_ONLINE_SCORE)
        raise UnknownPlaceError(name, self.suggest(name))

    def _evidence(
        self, key: str, *, near: Place | tuple[float, float] | str | None, context: str | None
    ) -> Evidence:
        finder = self.mention_finder()
        evidence = finder.text_evidence(context, exclude=key) if context else Evidence()
        if isinstance(near, str):
            near = self.resolve(near).place
        if isinstance(near, Place):
            evidence.anchors.append((near.id, near.lat, near.lon, 1.0))
            evidence.admin1[near.admin1] = max(evidence.admin1.get(near.admin1, 0.0), 0.5)
        elif near is not None:
            evidence.anchors.append(("", float(near[0]), float(near[1]), 1.0))
        return evidence

    def score(self, entries: Sequence[int], evidence: Evidence) -> list[tuple[int, float]]:
        """Row numbers and shares (summing to 1) of index entries weighed on the evidence."""
        if len(entries) == 1:
            return [(row_number(entries[0]), 1.0)]
        if evidence.anchors:
            return self._weigh(entries, evidence)
        # Without anchors the evidence is a country and a few oblasts, alike in many texts.
        key = (tuple(entries), evidence.country, frozenset(evidence.admin1.items()))
        scored = self._scored.get(key)
        if scored is None:
            if len(self._scored) >= _RESOLVE_CACHE_MAX:
                self._scored.clear()
            scored = self._scored[key] = self._weigh(entries, evidence)
        return list(scored)

    def _weigh(self, entries: Sequence[int], evidence: Evidence) -> list[tuple[int, float]]:
        """:meth:`score` of several entries, without the cache."""
        # The anchors' sines are taken once for all candidates, heaviest anchor first (see
        # _nearness).
        anchors = sorted(
            ((a[0], _trig(a[1], a[2]), a[3]) for a in evidence.anchors),
            key=_anchor_weight,
            reverse=True,
        )
        admin1 = evidence.admin1
        country = evidence.country
        raw = []
        for entry in entries:
            number = row_number(entry)
            facts = self._facts.get(number) or self._row_facts(number)
            prior, place_id, oblast, place_country, here, _population = facts
            if country:
                country_score = 1.0 if place_country == country else 0.0
            else:
                country_score = _COUNTRY_PRIOR.get(place_country, _OTHER_COUNTRY_PRIOR)
            near = _nearness(here, place_id, anchors) if anchors else 0.0
            raw.append(
                prior
                + _W_ADMIN * admin1.get(oblast, 0.0)
                + _W_NEAR * near
                + _W_COUNTRY * country_score
                + _W_NAME * (entry >= 0)
            )
        top = max(raw)
        exp = math.exp
        weights = [exp((r - top) / _SOFTMAX_T) for r in raw]
        total = sum(weights)
        scored = [(row_number(e), w / total) for e, w in zip(entries, weights, strict=True)]
        # Ties go to the larger place; sort is stable, so then to file order.
        known = self._facts
        scored.sort(key=lambda item: (-item[1], -known[item[0]][5]))
        return scored

    def _row_facts(self, number: int) -> tuple[Any, ...]:
        """What scoring reads of a row, worked out once: the weighted kind, size and war-zone
        prior, id, oblast, country, the sines of its position and its population."""
        row = self._rows[number]
        population = row[10]
        size = min(1.0, math.log10(population + 1) / 6.5) if population > 0 else 0.0
        prior = 0.5 * _KIND_PRIOR.get(row[11], 0.3) + 0.5 * size
        here = _trig(row[2], row[3])
        nearness = war_zone_nearness(row[2], row[3])
        zone = _W_ZONE * nearness
        if nearness >= _ZONE_TOWN_NEARNESS:
            # a town the war was fought over ("Lyman", "Siversk"; "Borova", a village by kind)
            # is what its name means in war reporting, not a village of that name near
            # another place the text names
            zone += _W_FOUGHT_OVER
        facts = self._facts[number] = (
            _W_PRIOR * prior + zone,
            row[0],
            row[5],
            row[4],
            here,
            population,
        )
        return facts

    # --- fuzzy matching ----------------------------------------------------------------------

    def fuzzy(self, key: str) -> tuple[str, float] | None:
        """The indexed key closest to a folded key, with a 0–1 similarity, if close enough.

        Bounded on purpose: keys of at least five letters, the same first two letters, a length
        within one and a high cut-off, so ordinary words and unknown villages do not turn into
        other places (Vremivka is no typo of Veremiivka, 200 km away). A key that only adds or
        drops letters at the end is no typo but another word (the surname Lavrov, the village
        Lavrove; Sparta and Spartak).
        """
        if len(key) < _FUZZY_MIN_LEN:
            return None
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        near = self._keys_like(key)
        found = [
            (match, similarity)
            for match, similarity, _ in process.extract(
                key, near, scorer=fuzz.ratio, score_cutoff=_FUZZY_ONE_EDIT_CUTOFF, limit=5
            )
            # below the cut-off, one letter changed or two swapped in a long name still is a typo
            # ("Solidar", "Beretsky")
            if (
                similarity >= _FUZZY_CUTOFF
                or (len(key) >= _ONE_EDIT_MIN_LEN and OSA.distance(key, match) <= 1)
            )
            and not (match.startswith(key) or key.startswith(match) or _other_ending(key, match))
        ]
        if not found:
            return None
        # Equally close keys: the typo more likely meant the larger place ("Khakiv" is Kharkiv
        # more often than the village Halkiv).
        top = found[0][1]
        match = max((m for m, sim in found if sim == top), key=self._largest_population)
        return match, top / 100.0

    def spelt_alike_near(self, key: str, near: Callable[[tuple[float, float]], bool]) -> int | None:
        """The row number of a place spelt almost like the folded ``key`` (not exactly) for which
        ``near`` holds, the most alike first: a village the text names far from every other
        place may be a misspelling of one among them ("Hlyboka" for Hlyboke)."""
        return self._spelt_alike(key, lambda i: near((self._rows[i][2], self._rows[i][3])))

    def spelt_alike_in(self, key: str, oblast: str) -> int | None:
        """The row number of a place of ``oblast`` spelt almost like the folded ``key`` (not
        exactly), as :meth:`spelt_alike_near`: "Hlyboka … in the Kharkiv region", where only
        a Hlyboke lies, names that one."""
        skeleton = _consonants(key)
        return self._spelt_alike(
            key,
            lambda i: self._rows[i][5] == oblast,
            # only where the spellings differ in their vowels, as transliterations do
            # ("Shakhterskoye", "Lvivo"): "Dalne" is no Dachne
            alike=lambda match: _consonants(match) == skeleton,
        )

    def _spelt_alike(
        self,
        key: str,
        keep: Callable[[int], bool],
        alike: Callable[[str], bool] | None = None,
    ) -> int | None:
        if len(key) < _FUZZY_MIN_LEN:
            return None
        from rapidfuzz import fuzz, process

        candidates = [
            indexed
            for indexed in self._keys_like(key)
            if indexed != key and (alike is None or alike(indexed))
        ]
        for match, _similarity, _ in process.extract(
            key, candidates, scorer=fuzz.ratio, score_cutoff=_ALIKE_CUTOFF, limit=5
        ):
            close = [i for i in (row_number(e) for e in self.lookup(match)) if keep(i)]
            if close:
                return max(close, key=lambda i: self._rows[i][10])
        return None

    def spelt_like_near(
        self, key: str, anchors: Sequence[tuple[float, float]], km: float
    ) -> int | None:
        """The row number of a place within ``km`` of one of ``anchors`` whose name is spelt
        like the folded ``key``, more loosely than a typo: a word the gazetteer lacks, listed
        beside places it knows, is mostly one of their neighbours in another transliteration
        ("Striliche, Krasne, Pylna" names Strilecha; "Bezruka, Slatina" Bezruky and Slatyne).
        The same first letter and a length within two; the most alike, then the largest."""
        if len(key) < _FUZZY_MIN_LEN or not anchors:
            return None
        from rapidfuzz import fuzz, process

        pool = self._keys_by_initial().get(key[0], ())
        near = [k for k in pool if abs(len(k) - len(key)) <= 2 and k != key]
        skeleton = _consonants(key)
        for match, similarity, _ in process.extract(
            key, near, scorer=fuzz.ratio, score_cutoff=_LISTED_CUTOFF, limit=None
        ):
            if similarity < _TYPO_CUTOFF and _consonants(match) != skeleton:
                continue  # transliterations differ in their vowels, other names in more
            rows = [row_number(entry) for entry in self.lookup(match)]
            close = [
                i
                for i in rows
                if any(distance_km((self._rows[i][2], self._rows[i][3]), a) <= km for a in anchors)
            ]
            if close:
                return max(close, key=lambda i: self._rows[i][10])
        return None

    def _keys_by_initial(self) -> dict[str, list[str]]:
        """Index keys pooled by their first letter (built on first use)."""
        if self._initial_pool is None:
            pool: dict[str, list[str]] = {}
            for indexed in self._index.keys:
                pool.setdefault(indexed[:1], []).append(indexed)
            self._initial_pool = pool
        return self._initial_pool

    def _keys_like(self, key: str) -> list[str]:
        """Index keys that could be a typo of ``key``: the same first two letters and a length
        within one (keys pooled by both, built on first use)."""
        if self._fuzzy_pool is None:
            pool: dict[tuple[str, int], list[str]] = {}
            for indexed in self._index.keys:
                pool.setdefault((indexed[:2], len(indexed)), []).append(indexed)
            self._fuzzy_pool = pool
        return [
            indexed
            for size in range(len(key) - _FUZZY_LENGTH, len(key) + _FUZZY_LENGTH + 1)
            for indexed in self._fuzzy_pool.get((key[:2], size), ())
        ]

    def _largest_population(self, key: str) -> int:
        return max(self._rows[row_number(entry)][10] for entry in self.lookup(key))

    def suggest(self, name: str, *, limit: int = 3) -> tuple[str, ...]:
        """Names of places spelled like ``name``, best first (for "did you mean …?")."""
        key = fold(name)
        if not key:
            return ()
        from rapidfuzz import fuzz, process

        names: list[str] = []
        matches = process.extract(
            key, list(self._index.keys), scorer=fuzz.ratio, limit=limit * 4, score_cutoff=70
        )
        for match, _similarity, _position in matches:
            best = self.score(self.lookup(match), Evidence())[0][0]
            if self._rows[best][1] not in names:
                names.append(self._rows[best][1])
        return tuple(names[:limit])

    # --- mentions ----------------------------------------------------------------------------

    def mention_finder(self) -> Any:
        """The text scanner bound to this gazetteer (built on first use, keeps word caches)."""
        if self._finder is None:
            from kharkivmap.mentions import MentionFinder

            self._finder = MentionFinder(self)
        return self._finder

    def find_mentions(self, text: str) -> list[Mention]:
        """Every place name in ``text``, in order, with homonyms resolved jointly.

        Latin and Cyrillic, multi-word and hyphenated names; a possessive ``'s`` stays out of
        the mention, and ``text[m.start:m.end] == m.text``. Lower-case words count only when
        they spell a city (``kyiv``). "Kharkiv region" yields the city Kharkiv: the caller
        decides what the region word means. The online geocoder is never asked here.
        """
        return self.mention_finder().find(text)
