"""Claims files round-trip in every format, and malformed ones name file, line and problem."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kharkivmap.claims_io import (
    RECORD_FIELDS,
    claim_from_record,
    format_for_path,
    iter_claim_chunks,
    read_claims,
    write_claims,
)
from kharkivmap.errors import ClaimsFileError
from kharkivmap.models import Claim, Place

IZIUM = Place(
    id="712165",
    name="Izium",
    lat=49.21,
    lon=37.25,
    admin1="Kharkiv Oblast",
    name_uk="Ізюм",
    source="geonames",
)
KUPIANSK = Place(id="cur:kupiansk", name="Kupiansk", lat=49.71, lon=37.61, source="curated")


def make_claims() -> list[Claim]:
    return [
        Claim(
            article="003.txt",
            published=date(2022, 9, 10),
            place=IZIUM,
            mention="Izyum",
            start=10,
            end=15,
            event="withdrew",
            actor="RU",
            controller="UA",
            date=date(2022, 9, 9),
            date_precision="day",
            claimant="Russian Defense Ministry",
            hedged=False,
            sentence='Russia said it would "regroup" from Izyum, a town "near" Kharkiv.',
            confidence=0.9,
            title="Pullback, «Харків»",
            url="https://news.test/a",
            outlet="Test",
        ),
        Claim(
            article="003.txt",
            published=None,
            place=KUPIANSK,
            mention="Kupiansk",
            start=40,
            end=48,
            event="none",
            actor=None,
            controller=None,
            date=None,
            date_precision="unknown",
            claimant=None,
            hedged=True,
            sentence="Line one,\nline two.",
            confidence=0.25,
        ),
    ]


def test_record_fields_match_to_record():
    assert tuple(make_claims()[0].to_record()) == RECORD_FIELDS


@pytest.mark.parametrize("name", ["c.jsonl", "c.csv", "c.geojson", "c.json", "c.ndjson"])
def test_round_trip(tmp_path, name):
    claims = make_claims()
    path = write_claims(claims, tmp_path / name)
    assert read_claims(path) == claims


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_round_trip_unknown_suffix_is_sniffed(tmp_path, fmt):
    path = tmp_path / "claims.out"
    path.write_text("".join(iter_claim_chunks(make_claims(), format=fmt)), encoding="utf-8")
    assert read_claims(path) == make_claims()


def test_extras_survive_json_formats(tmp_path):
    claim = make_claims()[0]
    with_extra = replace(claim, extra=(("k", 1),))
    path = write_claims([with_extra], tmp_path / "x.jsonl")
    assert read_claims(path)[0].extra == (("k", 1),)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_empty_files_round_trip(tmp_path, fmt):
    path = write_claims([], tmp_path / f"empty.{fmt}", format=fmt)
    assert read_claims(path) == []


def test_jsonl_is_utf8_one_object_per_line(tmp_path):
    path = write_claims(make_claims(), tmp_path / "c.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert "«Харків»" in lines[0]
    assert json.loads(lines[1])["hedged"] is True


def test_csv_header_is_record_keys(tmp_path):
    path = write_claims(make_claims(), tmp_path / "c.csv")
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == RECORD_FIELDS
    assert rows[2][RECORD_FIELDS.index("claimant")] == ""
    assert rows[2][RECORD_FIELDS.index("hedged")] == "true"


def test_geojson_is_a_feature_collection_of_lon_lat_points(tmp_path):
    path = write_claims(make_claims(), tmp_path / "c.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.25, 49.21]}
    assert feature["properties"] == make_claims()[0].to_record()


def test_write_is_atomic_on_failure(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("old\n")

    def failing():
        yield make_claims()[0]
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_claims(failing(), path)
    assert path.read_text() == "old\n"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.csv", "csv"), ("a.GeoJSON", "geojson"), ("a.json", "geojson"), ("a.txt", "jsonl")],
)
def test_format_for_path(name, expected):
    assert format_for_path(name) == expected


def test_unknown_format_is_rejected():
    with pytest.raises(ValueError, match="unknown claims format 'xml'"):
        list(iter_claim_chunks([], format="xml"))


def test_hand_made_minimal_record():
    claim = claim_from_record(
        {"article": "a", "place": "Izium", "lat": "49.2", "lon": 37.25, "event": "captured"}
    )
    assert (claim.place.id, claim.mention, claim.date_precision, claim.hedged) == (
        "Izium",
        "Izium",
        "unknown",
        False,
    )
    assert claim.confidence == 1.0


def good_line(**changes) -> str:
    record = make_claims()[0].to_record()
    record.update(changes)
    return json.dumps(record)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (good_line() + "\n{not json\n", r"c\.jsonl:2: invalid JSON \(Expecting property name"),
        (good_line() + "\n" + good_line(event="won"), r"c\.jsonl:2: event must be one of captured"),
        (good_line(lat=123), r"c\.jsonl:1: coordinates out of range: lat 123.0, lon 37.25"),
        (good_line(lat="north"), r"c\.jsonl:1: lat must be a number, not 'north'"),
        (good_line(date="2022-02-30"), r"c\.jsonl:1: date must be an ISO date, not '2022-02-30'"),
        (good_line(hedged="maybe"), r"c\.jsonl:1: hedged must be true or false, not 'maybe'"),
        (good_line(start=1.5), r"c\.jsonl:1: start must be an integer, not 1.5"),
        (good_line(place=None), r"c\.jsonl:1: missing place"),
        (good_line(actor="US"), r"c\.jsonl:1: actor must be one of UA, RU, not 'US'"),
        ("[1, 2]\n", r"c\.jsonl:1: a claim must be an object"),
    ],
)
def test_malformed_jsonl(tmp_path, content, message):
    path = tmp_path / "c.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimsFileError, match=message):
        read_claims(path)


def test_malformed_csv(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("article,place,lat,lon,event\na,Izium,49,37,captured\nb,Izium,x,37,held\n")
    with pytest.raises(ClaimsFileError, match=r"c\.csv:3: lat must be a number, not 'x'$"):
        read_claims(path)


def test_csv_missing_columns(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("article,place\na,Izium\n")
    with pytest.raises(ClaimsFileError, match=r"c\.csv:1: missing column\(s\) lat, lon, event$"):
        read_claims(path)


def test_csv_row_with_too_many_cells(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("article,place,lat,lon,event\na,Izium,49,37,captured,extra\n")
    with pytest.raises(ClaimsFileError, match=r"c\.csv:2: more cells than columns$"):
        read_claims(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"type": "FeatureCollection",\n "features": [}', r"c\.geojson:2: invalid JSON"),
        ('{"type": "Feature"}', r"c\.geojson:1: not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}', "feature 1: no prop"),
    ],
)
def test_malformed_geojson(tmp_path, content, message):
    path = tmp_path / "c.geojson"
    path.write_text(content)
    with pytest.raises(ClaimsFileError, match=message):
        read_claims(path)


def test_geojson_coordinates_fill_missing_lat_lon(tmp_path):
    path = tmp_path / "c.geojson"
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [37.25, 49.21]},
        "properties": {"article": "a", "place": "Izium", "event": "held", "controller": "UA"},
    }
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    [claim] = read_claims(path)
    assert (claim.place.lat, claim.place.lon, claim.controller) == (49.21, 37.25, "UA")


def test_missing_file(tmp_path):
    with pytest.raises(ClaimsFileError, match=r"nope\.jsonl: no such file$"):
        read_claims(tmp_path / "nope.jsonl")


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
optional_texts = st.none() | texts.filter(bool)


@st.composite
def claims(draw):
    name = draw(texts.filter(str.strip))
    place = Place(
        id=draw(texts.filter(str.strip)),
        name=name,
        lat=draw(st.floats(-90, 90, allow_nan=False)),
        lon=draw(st.floats(-180, 180, allow_nan=False)),
        country=draw(st.sampled_from(["UA", "RU", ""])),
    )
    when = draw(st.none() | st.dates())
    return Claim(
        article=draw(texts.filter(str.strip)),
        published=draw(st.none() | st.dates()),
        place=place,
        mention=draw(texts.filter(bool)),
        start=draw(st.integers(0, 10**6)),
        end=draw(st.integers(0, 10**6)),
        event=draw(st.sampled_from(["captured", "withdrew", "contested", "held", "none"])),
        actor=draw(st.sampled_from([None, "UA", "RU"])),
        controller=draw(st.sampled_from([None, "UA", "RU", "contested"])),
        date=when,
        date_precision=draw(st.sampled_from(["day", "week", "month"])) if when else "unknown",
        claimant=draw(optional_texts),
        hedged=draw(st.booleans()),
        sentence=draw(texts),
        confidence=round(draw(st.floats(0, 1)), 3),
        title=draw(optional_texts),
    )


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(claims(), max_size=4))
def test_any_claims_round_trip(tmp_path, fmt, items):
    path = write_claims(items, tmp_path / f"c.{fmt}")
    assert [c.to_record() for c in read_claims(path)] == [c.to_record() for c in items]
