"""The real-article development set is well formed: the parser's score on it is only as honest
as its gold rows, so every row must point at real text, real coordinates and valid labels."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kharkivmap.articles import read_articles
from kharkivmap.evaluate import read_gold

DATA = Path(__file__).parent / "data"
DEV = DATA / "dev"
GOLD = DATA / "dev_gold.jsonl"
MANIFEST = DEV / "manifest.csv"

FIELDS = {
    "article",
    "place",
    "geonameid",
    "lat",
    "lon",
    "kind",
    "controller",
    "date_from",
    "date_to",
    "claimant",
    "hedged",
    "required",
    "evidence",
}
KINDS = {"change", "held", "contested", "none"}
# Ukraine, the occupied territories and the Russian border regions the articles mention.
LAT_RANGE = (44.0, 56.0)
LON_RANGE = (22.0, 41.0)


def _manifest() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def _text(article: str) -> str:
    return (DEV / article).read_text(encoding="utf-8")


GOLD_ROWS = _gold()


def test_manifest_has_the_columns_and_lists_every_article_once():
    rows = _manifest()
    assert list(rows[0]) == ["file", "published", "title", "url", "outlet"]
    listed = [row["file"] for row in rows]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(path.name for path in DEV.glob("*.txt"))


@pytest.mark.parametrize("row", _manifest(), ids=lambda row: row["file"])
def test_manifest_row_is_complete(row):
    assert (DEV / row["file"]).is_file()
    published = date.fromisoformat(row["published"])
    assert date(2022, 2, 24) <= published <= date(2025, 12, 31)
    assert row["url"].startswith(("http://", "https://"))
    assert row["outlet"].strip()
    # A title is given only when it is the page's own headline, found in the stored text.
    assert not row["title"] or row["title"] in _text(row["file"])


def test_every_article_has_gold_rows_and_every_row_has_its_article():
    articles = {row["file"] for row in _manifest()}
    assert {row["article"] for row in GOLD_ROWS} == articles


def test_one_row_per_article_place_and_kind():
    keys = Counter((row["article"], row["place"], row["kind"]) for row in GOLD_ROWS)
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize(
    "row", GOLD_ROWS, ids=lambda row: f"{row['article']}:{row['place']}:{row['kind']}"
)
def test_gold_row_is_valid(row):
    assert FIELDS <= set(row) <= FIELDS | {"note"}
    assert row["evidence"] and row["evidence"] in _text(row["article"])
    assert LAT_RANGE[0] <= row["lat"] <= LAT_RANGE[1]
    assert LON_RANGE[0] <= row["lon"] <= LON_RANGE[1]
    assert row["geonameid"] is None or (isinstance(row["geonameid"], int) and row["geonameid"] > 0)
    assert row["kind"] in KINDS
    expected = {
        "change": {"UA", "RU"},
        "held": {"UA", "RU"},
        "contested": {"contested"},
        "none": {None},
    }[row["kind"]]
    assert row["controller"] in expected
    assert isinstance(row["hedged"], bool) and isinstance(row["required"], bool)
    assert row["claimant"] is None or row["claimant"].strip()
    dates = [row["date_from"], row["date_to"]]
    if dates != [None, None]:
        start, end = (date.fromisoformat(value) for value in dates)
        assert start <= end


def test_change_dates_do_not_follow_publication():
    published = {row["file"]: date.fromisoformat(row["published"]) for row in _manifest()}
    late = [
        (row["article"], row["place"])
        for row in GOLD_ROWS
        if row["date_to"] and date.fromisoformat(row["date_to"]) > published[row["article"]]
    ]
    assert late == []


def test_same_place_has_the_same_coordinates_everywhere():
    spots: dict[str, set[tuple[float, float]]] = {}
    for row in GOLD_ROWS:
        spots.setdefault(row["place"], set()).add((row["lat"], row["lon"]))
    assert {place: spot for place, spot in spots.items() if len(spot) > 1} == {}


def test_the_scorer_and_the_reader_accept_the_set():
    assert len(read_gold(GOLD)) == len(GOLD_ROWS)
    articles = {article.id: article for article in read_articles([DEV])}
    assert set(articles) == {row["file"] for row in _manifest()}
    for row in _manifest():
        assert articles[row["file"]].published == date.fromisoformat(row["published"])
