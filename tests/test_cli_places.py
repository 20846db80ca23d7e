"""``kharkivmap places``: lookups, alternatives, --near, --json, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kharkivmap import geocoder as geocoder_module
from kharkivmap.cli import cli, places_command
from kharkivmap.gazetteer import Gazetteer
from kharkivmap.models import Place

JSON_KEYS = ["query", "name", "id", "lat", "lon", "admin1", "country", "kind", "score", "source"]
ALTERNATIVE_KEYS = ["name", "id", "lat", "lon", "admin1", "country", "kind", "score", "source"]


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("xdg"))


@pytest.fixture
def run(cache_home: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("XDG_CACHE_HOME", cache_home)

    def invoke(*args: str) -> Any:
        return CliRunner().invoke(cli, ["places", *args], catch_exceptions=False)

    return invoke


def test_text_output_names_the_place_and_alternatives(run: Any) -> None:
    result = run("Izyum", "Vilkhivka")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("Izyum → Izium (Kharkiv Oblast, UA; town)  49.2")
    assert "source geonames" in lines[0]
    assert lines[1].startswith("Vilkhivka → Vilkhivka (")
    assert [line[:7] for line in lines[2:5]] == ["    or "] * 3


def test_json_lines_have_exactly_the_documented_keys(run: Any) -> None:
    result = run("Kupiyansk", "Харків", "--json")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["name"] for r in records] == ["Kupiansk", "Kharkiv"]
    for record in records:
        assert list(record) == [*JSON_KEYS, "alternatives"]
        assert all(list(alt) == ALTERNATIVE_KEYS for alt in record["alternatives"])
    assert records[0]["query"] == "Kupiyansk" and 0 <= records[0]["score"] <= 1


@pytest.mark.parametrize("near", ["Kharkiv", "49.99,36.23"])
def test_near_chooses_among_homonyms(run: Any, near: str) -> None:
    result = run("Vilkhivka", "--near", near, "--json")
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert record["admin1"] == "Kharkiv Oblast"
    assert abs(record["lat"] - 49.988) < 0.03 and abs(record["lon"] - 36.514) < 0.03
    assert len(record["alternatives"]) == 3


def test_unknown_place_is_one_error_line(run: Any, cache_home: str) -> None:
    suggestions = Gazetteer.load(cache_dir=Path(cache_home) / "kharkivmap").suggest("Kharkif")
    assert suggestions[0] == "Kharkiv" and len(suggestions) == 3
    result = run("Izyum", "Kharkif")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: no place named 'Kharkif'; did you mean {', '.join(suggestions)}?\n"
    )


def test_unknown_near_place_is_an_error(run: Any) -> None:
    result = run("Lyman", "--near", "Qqqqqq")
    assert result.exit_code == 1
    assert result.output == "Error: no place named 'Qqqqqq'\n"


def test_names_are_required(run: Any) -> None:
    result = run()
    assert result.exit_code == 2
    assert "Missing argument 'NAMES...'" in result.output


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("id,name,lat\n1,A,49\n", "line 1: missing column(s) lon"),
        ("id,name,lat,lon\n1,A,49,36\n2,B,abc,36\n", "line 3: lat 'abc' is not a number"),
        ("id,name,lat,lon\n1,A,91,36\n", "line 2: lat 91 is out of range (-90 to 90)"),
        ("id,name,lat,lon\n7,A,49,36\n7,B,48,36\n", "line 3: duplicate id '7' (first on line 2)"),
        (b"id,name,lat,lon\n\xc3\x28,A,49,36\n", "line 2: byte 0xc3 is not UTF-8 text"),
    ],
)
def test_bad_gazetteer_files_are_one_error_line(
    run: Any, tmp_path: Path, content: str | bytes, problem: str
) -> None:
    bad = tmp_path / "bad.csv"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    result = run("Izyum", "--gazetteer", str(bad))
    assert result.exit_code == 1
    assert result.output == f"Error: {bad} {problem}\n"


def test_missing_gazetteer_file(run: Any, tmp_path: Path) -> None:
    result = run("Izyum", "--gazetteer", str(tmp_path / "nope.csv"))
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope.csv'}: no such file\n"


def test_user_gazetteer_rows_show_their_source(run: Any, tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("id,name,lat,lon\nu1,Zzyzxivka,49.5,36.5\n", encoding="utf-8")
    result = run("Zzyzxivka", "--gazetteer", str(mine), "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)["source"] == "mine.csv"


def test_online_answers_are_marked(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    class Fake:
        def geocode(self, query: str) -> Place:
            return Place(id="nominatim:node/1", name=query, lat=50.0, lon=36.4, source="nominatim")

    monkeypatch.setattr(geocoder_module, "make_geocoder", lambda name, cache_dir: Fake())
    result = run("Xanadu-on-Sea", "--geocoder", "nominatim")
    assert result.exit_code == 0
    assert result.output.rstrip().endswith("source nominatim")


def test_help_has_a_runnable_example() -> None:
    assert "\b\n    kharkivmap places Izyum" in (places_command.help or "")
    result = CliRunner().invoke(cli, ["places", "-h"])
    assert result.exit_code == 0 and "kharkivmap places Izyum Kupiyansk Balaklia" in result.output
