"""Shared pieces of the gazetteer build: geometry, name folding, output rows, oblast names.

Used by scripts/build_gazetteer.py and scripts/gazetteer_postal.py only; the library never
imports these.
"""

from __future__ import annotations

import csv
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from shapely import MultiPoint, Point, Polygon, concave_hull

ROOT = Path(__file__).resolve().parent.parent
ADMIN1_FILE = ROOT / "scripts" / "gazetteer_admin1.csv"

COLUMNS = (
    "id", "name", "name_uk", "name_ru", "aliases", "lat", "lon", "country", "admin1", "admin2",
    "population", "kind", "source", "source_url",
)  # fmt: skip

CITY_MIN_POPULATION = 100_000
TOWN_MIN_POPULATION = 10_000
EARTH_RADIUS_KM = 6371.0088

RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
UK_LETTERS = set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
NAME_PUNCT = set(" -'’ʼ.()")


class BuildError(Exception):
    """An input contradicts the data it refers to; the build stops rather than guess."""


# --- geometry -------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; accurate to well under 1 % at the scales used here."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


class Lcc:
    """Spherical Lambert conformal conic projection in km, standard parallels 45° and 52° N.

    Between the standard parallels (all of Ukraine and its border zone) the scale error stays
    below about 1 %, so planar distances in this projection are distances on the ground.
    """

    def __init__(
        self, lat1: float = 45.0, lat2: float = 52.0, lat0: float = 48.5, lon0: float = 31.5
    ) -> None:
        p1, p2 = math.radians(lat1), math.radians(lat2)
        self.n = math.log(math.cos(p1) / math.cos(p2)) / math.log(
            math.tan(math.pi / 4 + p2 / 2) / math.tan(math.pi / 4 + p1 / 2)
        )
        self.f = math.cos(p1) * math.tan(math.pi / 4 + p1 / 2) ** self.n / self.n
        self.rho0 = self._rho(lat0)
        self.lon0 = lon0

    def _rho(self, lat: float) -> float:
        return EARTH_RADIUS_KM * self.f / math.tan(math.pi / 4 + math.radians(lat) / 2) ** self.n

    def __call__(self, lat: float, lon: float) -> tuple[float, float]:
        rho = self._rho(lat)
        theta = self.n * math.radians(lon - self.lon0)
        return rho * math.sin(theta), self.rho0 - rho * math.cos(theta)


PROJECT = Lcc()


def outline(points: Iterable[tuple[float, float]], *, ratio: float = 0.05) -> Polygon:
    """Concave hull (projected km) of (lat, lon) points: the settled extent of a country/oblast."""
    hull = concave_hull(MultiPoint([PROJECT(lat, lon) for lat, lon in points]), ratio=ratio)
    return hull if isinstance(hull, Polygon) else hull.convex_hull


def km_outside(shape: Polygon, lat: float, lon: float) -> float:
    """Distance in km from a point to a projected shape (0 inside it)."""
    return shape.distance(Point(PROJECT(lat, lon)))


# --- names ----------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower-case, accent-free letters and digits only: the key names are compared by."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ʼ", "'"))
    return "".join(ch for ch in decomposed.lower() if ch.isalnum())


def is_cyrillic_name(s: str) -> bool:
    """A name written in the Russian/Ukrainian alphabets (other Cyrillic languages excluded)."""
    letters = [ch for ch in s.lower() if ch not in NAME_PUNCT]
    return bool(letters) and all(ch in (RU_LETTERS | UK_LETTERS) for ch in letters)


def is_latin_name(s: str) -> bool:
    """A Latin-script place name; lower-case starts are romanizations of other scripts, dropped."""
    if not s or not s[0].isupper() or "://" in s or any(ch.isdigit() for ch in s):
        return False
    if s.isupper() and len(s) <= 4:  # airport and other codes
        return False
    if sum(ch.isalpha() for ch in s) < 3:  # "Ko" and the like match too much running text
        return False
    return all(
        ch in NAME_PUNCT or (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"))
        for ch in s
    )


def join_aliases(aliases: Iterable[str], *, name: str) -> str:
    """Sorted, de-duplicated ``|``-joined aliases without the row's own name."""
    return "|".join(sorted({a.strip() for a in aliases if a.strip() and a.strip() != name}))


# --- records --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Admin1:
    country: str
    code: str
    postal_name: str
    name: str
    centre: str


def load_admin1(path: Path = ADMIN1_FILE) -> dict[tuple[str, str], Admin1]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [Admin1(**row) for row in csv.DictReader(fh)]
    return {(r.country, r.code): r for r in rows}


@dataclass(frozen=True)
class Row:
    """One output row; ``aliases`` is a set until it is written."""

    id: str
    name: str
    name_uk: str
    name_ru: str
    aliases: frozenset[str]
    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str
    population: int | None
    kind: str
    source: str
    source_url: str = ""

    def as_csv(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            "name_uk": self.name_uk,
            "name_ru": self.name_ru,
            "aliases": join_aliases(self.aliases, name=self.name),
            "lat": f"{self.lat:.5f}",
            "lon": f"{self.lon:.5f}",
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "population": "" if self.population is None else str(self.population),
            "kind": self.kind,
            "source": self.source,
            "source_url": self.source_url,
        }


def kind_for(population: int | None, *, centre: bool) -> str:
    if centre or (population or 0) >= CITY_MIN_POPULATION:
        return "city"
    return "town" if (population or 0) >= TOWN_MIN_POPULATION else "village"
