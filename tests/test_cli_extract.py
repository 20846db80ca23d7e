"""`kharkivmap extract`: bad inputs are reported and skipped, good articles are all extracted."""

from __future__ import annotations

import json
import sys
import types
from datetime import date

import pytest
from click.testing import CliRunner

from kharkivmap import cli as cli_module
from kharkivmap.claims_io import read_claims
from kharkivmap.cli import cli
from kharkivmap.models import Article, Claim, Place

KHARKIV = Place(id="706483", name="Kharkiv", lat=49.98, lon=36.25, name_uk="Харків")
IZIUM = Place(id="712165", name="Izium", lat=49.21, lon=37.25, name_uk="Ізюм")
NAMES = {"Kharkiv": KHARKIV, "Харків": KHARKIV, "Izium": IZIUM}


def stand_in_extract_claims(
    article: Article, gazetteer: object, *, all_mentions: bool = False
) -> list[Claim]:
    """Claims every name of NAMES found in the text as captured by Ukraine."""
    if "PARSER-BUG" in article.text:
        raise RuntimeError("unexpected token")
    claims = []
    for name, place in NAMES.items():
        start = article.text.find(name)
        if start < 0:
            continue
        claims.append(
            Claim(
                article=article.id,
                published=article.published,
                place=place,
                mention=name,
                start=start,
                end=start + len(name),
                event="captured",
                actor="UA",
                controller="UA",
                date=article.published,
                date_precision="day" if article.published else "unknown",
                claimant=None,
                hedged=False,
                sentence=article.text[start : start + 40],
                confidence=0.9,
                title=article.title,
            )
        )
    return claims


@pytest.fixture(autouse=True)
def stand_ins(monkeypatch):
    """The pipeline's parser and gazetteer, replaced by small predictable stand-ins."""
    module = types.ModuleType("kharkivmap.parser")
    module.extract_claims = stand_in_extract_claims  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kharkivmap.parser", module)
    monkeypatch.setattr(cli_module, "load_gazetteer", lambda files, geocoder: object())


@pytest.fixture
def bad_folder(tmp_path):
    """A folder with one example of every kind of bad input, next to good articles."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "manifest.csv").write_text(
        "file,published,title\ngood.txt,2022-09-10,Izium retaken\nmissing.txt,2022-09-11,Gone\n",
        encoding="utf-8",
    )
    (folder / "good.txt").write_text("Ukrainian troops entered Izium on Saturday.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "legacy.txt").write_bytes(
        "---\npublished: 2022-09-11\n---\nЗСУ повернули контроль над Харків.\n".encode("cp1251")
    )
    with (folder / "huge.txt").open("wb") as handle:
        line = b"Kharkiv news filler line repeated to make a large file.\n"
        handle.write(line * (50_000_000 // len(line) + 1))
    (folder / "page.html").write_text(
        "<html><head><title>Kharkiv report</title>"
        '<meta name="date" content="2022-05-14"></head><body><article>'
        "<p>Russian forces have pulled back from the outskirts of Kharkiv, officials said on "
        "Saturday, after weeks of shelling of the city.</p></article></body></html>",
        encoding="utf-8",
    )
    rows = [
        json.dumps({"id": "j1", "text": "Izium is free.", "published": "2022-09-10"}),
        '{"id": "j2", "text": "broken',
        json.dumps({"id": "j3", "text": "Near Kharkiv.", "published": "Sep 12, 2022"}),
    ]
    (folder / "corpus.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "bad_date.md").write_text("---\npublished: 2022-02-30\n---\nKharkiv held.\n")
    return folder


def run(*args: str):
    return CliRunner().invoke(cli, ["extract", *args])


def test_bad_inputs_are_reported_and_good_articles_extracted(bad_folder):
    result = run(str(bad_folder))
    assert result.exit_code == 0, result.output
    f = str(bad_folder)
    assert result.stderr.splitlines() == [
        f"warning: {f}/manifest.csv:3: listed file 'missing.txt' not found",
        f"warning: {f}/bad_date.md: impossible date '2022-02-30'; its dates are unknown",
        f"warning: {f}/corpus.jsonl:2: invalid JSON (Unterminated string starting at)",
        f"warning: {f}/empty.txt: empty",
        f"warning: {f}/huge.txt: too large: 50.0 MB > 20 MB limit",
        f"warning: {f}/image.txt: binary file (NUL bytes)",
        f"warning: {f}/legacy.txt: not UTF-8; decoded as cp1251",
        "extracted 6 claims from 6 articles; 5 inputs skipped",
    ]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"], r["place"]) for r in records] == [
        ("bad_date.md", "Kharkiv"),
        ("j1", "Izium"),
        ("j3", "Kharkiv"),
        ("good.txt", "Izium"),
        ("legacy.txt", "Kharkiv"),
        ("page.html", "Kharkiv"),
    ]
    by_article = {r["article"]: r for r in records}
    assert by_article["good.txt"]["published"] == "2022-09-10"
    assert by_article["good.txt"]["title"] == "Izium retaken"
    assert by_article["legacy.txt"]["mention"] == "Харків"
    assert by_article["page.html"]["published"] == "2022-05-14"
    assert by_article["bad_date.md"]["published"] is None


def test_strict_exits_1_and_leaves_the_output_untouched(bad_folder, tmp_path):
    out = tmp_path / "claims.jsonl"
    out.write_text("previous\n")
    result = run(str(bad_folder), "-o", str(out), "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        "extracted 6 claims from 6 articles; 5 inputs skipped",
        "Error: 5 inputs skipped (--strict)",
    ]
    assert out.read_text() == "previous\n"


def test_strict_passes_when_only_warnings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kharkiv.\n")
    result = run(str(path), "--strict")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {path}: no publication date; its dates are unknown",
        "extracted 1 claims from 1 articles; 0 inputs skipped",
    ]


def test_quiet_silences_stderr(bad_folder):
    result = run(str(bad_folder), "-q")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 6


@pytest.mark.parametrize(
    ("name", "options", "check"),
    [
        ("out.csv", [], lambda text: text.startswith("article,published,place,")),
        ("out.geojson", [], lambda text: json.loads(text)["type"] == "FeatureCollection"),
        ("out.txt", ["--format", "geojson"], lambda text: json.loads(text)["features"]),
        ("out.data", [], lambda text: json.loads(text.splitlines()[0])["place"] == "Izium"),
    ],
)
def test_output_file_format_from_extension_or_option(tmp_path, name, options, check):
    source = tmp_path / "a.txt"
    source.write_text("---\npublished: 2022-09-10\n---\nIzium retaken.\n")
    out = tmp_path / name
    result = run(str(source), "-o", str(out), *options)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert check(out.read_text(encoding="utf-8"))
    [claim] = read_claims(out)
    assert (claim.place.name, claim.published) == ("Izium", date(2022, 9, 10))


def test_a_parser_failure_skips_only_that_article(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: 2022-09-10\n---\nPARSER-BUG Kharkiv\n")
    (tmp_path / "b.txt").write_text("---\npublished: 2022-09-10\n---\nIzium.\n")
    result = run(str(tmp_path))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {tmp_path}/a.txt: extraction failed (RuntimeError: unexpected token)",
        "extracted 1 claims from 1 articles; 1 inputs skipped",
    ]
    assert json.loads(result.stdout)["article"] == "b.txt"


def test_missing_path_is_an_error(tmp_path):
    result = run(str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: no such file or folder: {tmp_path / 'nope'}\n"
    assert result.stdout == ""


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "claims.jsonl"
    result = run(str(tmp_path), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"warning: {tmp_path}/empty.txt: empty",
        f"Error: no readable articles in {tmp_path}",
    ]
    assert not out.exists()


def test_paths_are_required():
    result = run()
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.stderr
