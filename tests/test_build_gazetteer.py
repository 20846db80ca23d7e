"""The shipped gazetteer CSV and the rules of scripts/build_gazetteer.py that produce it."""

from __future__ import annotations

import csv
import importlib
import json
import math
import sys
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest
from shapely import box

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
GOLD = Path(__file__).resolve().parent / "data" / "seeds_gold.jsonl"
sys.path.insert(0, str(SCRIPTS))
common = importlib.import_module("gazetteer_common")
postal = importlib.import_module("gazetteer_postal")
build = importlib.import_module("build_gazetteer")

PostalPlace, PostalRow, Anchor = postal.PostalPlace, postal.PostalRow, postal.Anchor


def _rows() -> list[dict[str, str]]:
    text = files("kharkivmap").joinpath("data/gazetteer.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


ROWS = _rows()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return common.haversine_km(lat1, lon1, lat2, lon2)


# --- the shipped CSV ----------------------------------------------------------------------


def test_columns_are_the_documented_ones() -> None:
    header = files("kharkivmap").joinpath("data/gazetteer.csv").read_text("utf-8").split("\n")[0]
    assert tuple(header.split(",")) == common.COLUMNS


def test_ids_are_unique_and_prefixed_by_source() -> None:
    ids = Counter(r["id"] for r in ROWS)
    assert [i for i, n in ids.items() if n > 1] == []
    prefix = {"postal": "pc:", "curated": "cur:"}
    for r in ROWS:
        if r["source"] == "geonames":
            assert r["id"].isdigit(), r
        else:
            assert r["id"].startswith(prefix[r["source"]]), r


def test_positions_are_in_range_and_ukraine_rows_in_ukraine() -> None:
    for r in ROWS:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
        if r["country"] == "UA":
            assert 44.0 <= lat <= 52.5 and 22.0 <= lon <= 40.5, r


def test_every_row_has_a_known_kind_source_and_oblast() -> None:
    assert {r["kind"] for r in ROWS} <= {"city", "town", "village"}
    assert {r["source"] for r in ROWS} == {"geonames", "postal", "curated"}
    assert all(r["admin1"] for r in ROWS)


def _city(gid: int, name: str, lat: float, lon: float, population: int) -> dict:
    return {
        "geonameid": gid,
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "population": population,
        "countrycode": "UA",
        "alternatenames": [],
    }


def test_a_big_citys_later_entries_of_town_size_are_its_neighbourhoods() -> None:
    cities = [
        _city(706483, "Kharkiv", 49.98, 36.25, 1_421_125),
        _city(12500938, "Oleksiivka", 50.045, 36.193, 100_500),  # a micro-district
        _city(9113069, "Spartak", 50.05, 36.30, 1_956),  # a village on the edge
        _city(689564, "Vynnyky", 50.03, 36.20, 19_037),  # an old satellite town
        _city(13000000, "Chuhuiv", 49.84, 36.69, 30_000),  # a later entry, but far out
        _city(13000001, "Big Suburb", 50.02, 36.30, 600_000),  # more than a third its size
    ]
    assert build.city_neighbourhoods(cities) == {12500938}


def test_no_neighbourhood_of_a_big_city_is_shipped() -> None:
    ids = {r["id"] for r in ROWS}
    # Kharkiv's Oleksiivka and Saltivka, Kyiv's Voskresenka
    assert ids.isdisjoint({"12500938", "6722148", "13580098"})
    assert "689564" in ids  # Vynnyky, an old satellite town of Lviv


def test_kharkiv_oblast_has_at_least_a_thousand_settlements() -> None:
    assert sum(r["admin1"] == "Kharkiv Oblast" for r in ROWS) >= 1000


def test_curated_rows_cite_their_source() -> None:
    curated = [r for r in ROWS if r["source"] == "curated"]
    assert curated
    assert all(r["source_url"].startswith(("http://", "https://")) for r in curated)


def _gold_places() -> list[tuple[str, float, float]]:
    places = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("lat") is not None:
            places[rec["place"]] = (float(rec["lat"]), float(rec["lon"]))
    return sorted((p, lat, lon) for p, (lat, lon) in places.items())


@pytest.mark.parametrize(("place", "lat", "lon"), _gold_places())
def test_seed_places_are_present_at_their_gold_position(place: str, lat: float, lon: float) -> None:
    named = [r for r in ROWS if r["name"] == place or place in r["aliases"].split("|")]
    assert min(_km(lat, lon, float(r["lat"]), float(r["lon"])) for r in named) <= 3.0


def test_historic_names_reach_their_current_rows() -> None:
    by_name = {r["name"]: r for r in ROWS if r["source"] == "geonames" and r["kind"] != "village"}
    assert "Artemivsk" in by_name["Bakhmut"]["aliases"].split("|")
    assert "Volchansk" in by_name["Vovchansk"]["aliases"].split("|")


# --- names --------------------------------------------------------------------------------


def test_ukrainian_name_is_chosen_over_russian_and_bulgarian_spellings() -> None:
    alternates = ["Донецк", "Донецьк", "Доњецк"]
    assert build.pick_name_uk(alternates, ["Donetsk"]) == "Донецьк"
    assert build.pick_name_ru(alternates, ["Doneck"], name="Donetsk", name_uk="Донецьк") == "Донецк"


def test_ukrainian_name_keeps_its_apostrophe() -> None:
    assert build.pick_name_uk(["Купянськ", "Куп’янськ"], ["Kupiansk"]) == "Куп’янськ"
    assert build.pick_name_uk(["Святогірськ"], ["Sviatohirsk"]) == "Святогірськ"


def test_russian_name_prefers_the_soft_sign_and_skips_former_names() -> None:
    alternates = ["Харков", "Харьков", "Харків"]
    picked = build.pick_name_ru(alternates, ["Kharkov"], name="Kharkiv", name_uk="Харків")
    assert picked == "Харьков"
    former = build.pick_name_ru(["Артемовск"], ["Artemovsk"], name="Bakhmut", name_uk="Бахмут")
    assert former == ""


def test_latin_alternates_drop_codes_and_foreign_script_romanizations() -> None:
    assert common.is_latin_name("Kharkov")
    assert not common.is_latin_name("HRK")
    assert not common.is_latin_name("ha er ke fu")
    assert not common.is_latin_name("Ko")


def test_projection_distances_match_great_circle_distances() -> None:
    a, b = common.PROJECT(50.0, 36.2), common.PROJECT(48.0, 37.8)
    planar = math.dist(a, b)
    assert planar == pytest.approx(_km(50.0, 36.2, 48.0, 37.8), rel=0.01)


# --- postal rules -------------------------------------------------------------------------


def _row(name: str, raion: str, lat: float, lon: float, acc: int = 4, code: str = "1") -> PostalRow:
    return PostalRow(code, name, "Kharkiv Oblast", raion, lat, lon, acc)


def _place(name: str, raion: str, lat: float, lon: float) -> PostalPlace:
    return PostalPlace(name, "Kharkiv Oblast", raion, lat, lon, ("1",))


def test_clean_name_drops_council_names_and_fixes_look_alike_letters() -> None:
    assert postal.clean_name("Золочівське (Старомерчинська сільрада)") == "Золочівське"
    assert postal.clean_name("Церкoвна") == "Церковна"  # Latin o
    assert postal.clean_name("Лук'янці") == "Лук’янці"
    assert postal.clean_name("Дубова 1") is None


def test_district_centroids_are_dropped() -> None:
    kept, dropped = postal.drop_district_centroids(
        [_row("А", "X", 50, 36, acc=1), _row("Б", "X", 50, 36.1)]
    )
    assert [r.name_uk for r in kept] == ["Б"] and dropped == 1


def test_postal_codes_of_one_place_are_merged() -> None:
    rows = [_row("Пильна", "X", 50.1, 36.9, code="1"), _row("Пильна", "X", 50.1, 36.9, code="2")]
    places, merged = postal.merge_postal_codes(rows)
    assert merged == 1 and places[0].codes == ("1", "2")


def _district(raion: str, lat: float, lon: float, n: int = 6) -> list[PostalPlace]:
    return [_place(f"{raion}{i}", raion, lat + i / 100, lon) for i in range(n)]


def test_a_shared_position_goes_to_the_claimant_its_neighbours_confirm() -> None:
    # Пильна (Kharkivskyi) was given the point of Пільна (Vovchanskyi), amid Vovchanskyi villages.
    neighbours = _district("Vovchanskyi", 50.15, 36.98) + _district("Kharkivskyi", 50.25, 36.5)
    wrong = _place("Пильна", "Kharkivskyi", 50.1621, 36.9845)
    right = _place("Пільна", "Vovchanskyi", 50.1621, 36.9845)
    kept, dropped, resolved = postal.drop_shared_positions(
        [*neighbours, wrong, right], k=6, min_votes=3
    )
    assert right in kept and wrong not in kept
    assert (dropped, resolved) == (1, 1)


def test_a_shared_position_nobody_can_claim_drops_every_claimant() -> None:
    neighbours = _district("Zmiivskyi", 49.6, 36.3)
    claimants = [
        _place("Іванівка", "Kharkivskyi", 49.7, 36.5),
        _place("Іванівка", "Iziumskyi", 49.7, 36.5),
    ]
    kept, dropped, resolved = postal.drop_shared_positions(
        [*neighbours, *claimants], k=6, min_votes=3
    )
    assert kept == neighbours and (dropped, resolved) == (2, 0)


def test_places_outside_their_oblast_are_dropped() -> None:
    x0, y0 = common.PROJECT(49.0, 35.0)
    x1, y1 = common.PROJECT(50.5, 38.0)
    extents = {"Kharkiv Oblast": box(x0, y0, x1, y1)}
    inside, far = _place("А", "X", 49.9, 36.2), _place("Б", "X", 47.3, 33.2)
    kept, dropped = postal.drop_outside_oblast([inside, far], extents, max_km=15)
    assert kept == [inside] and dropped == 1


def _keys(place: PostalPlace) -> set[str]:
    return {common.fold(place.name_uk)}


def test_a_namesake_in_another_oblast_at_the_same_spot_marks_a_borrowed_position() -> None:
    anchors = postal.index_anchors([Anchor("1", "Sumy Oblast", 50.5, 35.0, frozenset({"береза"}))])
    borrowed, own = _place("Береза", "X", 50.501, 35.0), _place("Береза", "X", 49.9, 36.2)
    kept, dropped = postal.drop_borrowed_positions([borrowed, own], anchors, _keys, km=2)
    assert kept == [own] and dropped == 1


def test_a_nearby_same_oblast_namesake_is_the_same_place() -> None:
    anchors = postal.index_anchors(
        [Anchor("7", "Kharkiv Oblast", 50.0, 36.0, frozenset({"липці"}))]
    )
    same, other = (
        _place("Липці", "Kharkivskyi", 50.02, 36.01),
        _place("Липці", "Zmiivskyi", 49.5, 36.5),
    )
    new, matched = postal.match_anchors([same, other], anchors, _keys, km=5)
    assert new == [other] and matched == {"7": same}


def test_a_place_among_other_districts_villages_is_dropped() -> None:
    home = [_place(f"Д{i}", "Kharkivskyi", 50.0 + i / 100, 36.0) for i in range(4)]
    away = [_place(f"В{i}", "Vovchanskyi", 50.3 + i / 100, 36.9) for i in range(6)]
    stray = _place("Пильна", "Kharkivskyi", 50.32, 36.91)
    everyone = [*home, *away, stray]
    kept, dropped = postal.drop_raion_outliers([*home, stray], everyone, k=6, min_same=1)
    assert kept == home and dropped == 1


def test_raion_labels_name_the_district_but_not_the_oblast_city() -> None:
    assert build.raion_label("Kharkivskyi", "Kharkivska") == "Kharkivskyi Raion"
    assert build.raion_label("Kharkivska", "Kharkivska") == ""
    assert build.raion_label("Avdiivka", "Donetska") == "Avdiivka"


# --- curated rows and overrides ----------------------------------------------------------


def _curated_file(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "curated.csv"
    path.write_text(
        ",".join(common.COLUMNS)
        + "\ncur:pylna,Pylna,Пильна,Пыльная,,50.28694,36.51778,UA,Kharkiv Oblast,,211,village,"
        + f"curated,{url}\n",
        encoding="utf-8",
    )
    return path


def test_curated_rows_without_a_url_stop_the_build(tmp_path: Path) -> None:
    with pytest.raises(common.BuildError, match="source_url"):
        build.load_curated(_curated_file(tmp_path, "wikipedia"))


def test_a_curated_row_replaces_the_misplaced_postal_row(tmp_path: Path) -> None:
    curated = build.load_curated(_curated_file(tmp_path, "https://example.org/Pylna"))
    assert "Pylnaya" in curated[0].aliases
    postal_row = build.postal_row(
        _place("Пильна", "Kharkivskyi", 50.1621, 36.9845), {"Kharkiv Oblast": "Kharkivska"}
    )
    rows, replaced = build.add_curated([postal_row], curated)
    assert replaced == 1 and [r.id for r in rows] == ["cur:pylna"]


def test_a_listed_postal_namesake_is_kept_beside_the_curated_row(tmp_path: Path) -> None:
    curated = build.load_curated(_curated_file(tmp_path, "https://example.org/Pylna"))
    postal_row = build.postal_row(
        _place("Пильна", "Kharkivskyi", 50.1621, 36.9845), {"Kharkiv Oblast": "Kharkivska"}
    )
    rows, replaced = build.add_curated([postal_row], curated, keep=frozenset({postal_row.id}))
    assert replaced == 0 and [r.id for r in rows] == [postal_row.id, "cur:pylna"]


def test_an_override_for_a_changed_geonames_id_stops_the_build() -> None:
    row = build.postal_row(_place("Липці", "X", 50.2, 36.4), {"Kharkiv Oblast": "Kharkivska"})
    override = {
        "id": row.id,
        "geonames_name": "Lyptsi",
        "name_uk": "",
        "name_ru": "",
        "aliases": "",
    }
    with pytest.raises(common.BuildError, match="expected 'Lyptsi'"):
        build.apply_overrides([row], [override], {row.id: "Somewhere else"})


# --- alias rules ----------------------------------------------------------------------------

rules = importlib.import_module("gazetteer_alias_rules")
ALIAS_CONTEXT = rules.AliasContext(
    never_places=frozenset(rules.fold(w) for w in ("stalin", "police")),
    words=frozenset({"keep", "odessa"}),
    foreign=frozenset({"paris"}),
    own_names={rules.fold("Bilhorod-Dnistrovskyi"): frozenset({"b"})},
)


@pytest.mark.parametrize(
    ("alias", "reason"),
    [
        ("Paris", rules.FOREIGN),
        ("Stalin", rules.WORD),
        ("Сталин", rules.WORD),
        ("Police", rules.WORD),  # even though it spells Polytsi
        ("Keep", rules.WORD),
        ("Civ", rules.SHORT),
        ("Bilhorod-Dnistrovskyi", rules.OTHER_PLACE),
        ("Hamburg", rules.NOT_A_VARIANT),
        ("Kharkov", None),
        ("Charkiw", None),
        ("Odessa", None),  # a frequent English word that spells the place
        ("Artemovsk", None),  # a former name some Cyrillic alternate spells
        ("Ваня", None),
    ],
)
def test_alias_rules(alias: str, reason: str | None) -> None:
    names = ["Kharkiv", "Харків", "Харьков", "Kharkov", "Polytsi", "Odesa"]
    cyrillic = ["Артемовск", "Ваня"]
    got = rules.drop_reason(
        alias, row_id="a", names=names, cyrillic=cyrillic, context=ALIAS_CONTEXT
    )
    assert got == reason


def test_shipped_aliases_hold_no_foreign_city_word_or_person() -> None:
    by_alias = {a: r["name"] for r in ROWS for a in r["aliases"].split("|")}
    for alias in ("Paris", "Hamburg", "Leipzig", "Waterloo", "Stalin", "Keep", "Civ", "Izh"):
        assert alias not in by_alias, (alias, by_alias.get(alias))


def test_oblast_centres_are_the_largest_namesake() -> None:
    zaporizhzhia = [r for r in ROWS if r["name"] == "Zaporizhzhia" and r["kind"] == "city"]
    assert [r["id"] for r in zaporizhzhia] == ["687700"]
