"""The map's HTML: layers, shared tables, escaping, assets, slider range (no browser here)."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import folium
import pytest

from kharkivmap.errors import AssetsError, KharkivmapError
from kharkivmap.models import Claim, Place
from kharkivmap.render import _mark, build_map, is_claims_file, map_html
from kharkivmap.timeline import Timeline

NPM = Path(os.environ.get("KHARKIVMAP_ASSETS_NPM", Path(__file__).parent.parent / ".ci/npm-assets"))
HAS_NPM = (NPM / "node_modules" / "leaflet").is_dir()

IZIUM = Place("izium", "Izium", 49.2122, 37.2567, name_uk="Ізюм", kind="town")
KUPIANSK = Place("kupiansk", "Kupiansk", 49.7106, 37.6156, name_uk="Куп'янськ", kind="town")
BALAKLIIA = Place("balakliia", "Balakliia", 49.4627, 36.8586, name_uk="Балаклія", kind="town")


def claim(place: Place, controller: str, day: date, sentence: str, **fields: object) -> Claim:
    values: dict = {
        "article": f"a-{day}",
        "published": day,
        "place": place,
        "mention": place.name,
        "start": 0,
        "end": len(place.name),
        "event": "captured",
        "actor": controller,
        "controller": controller,
        "date": day,
        "date_precision": "day",
        "claimant": None,
        "hedged": False,
        "sentence": sentence,
        "confidence": 0.9,
        "title": "A title",
        "url": "https://example.org/a",
        "outlet": "Outlet",
    }
    values.update(fields)
    return Claim(**values)


CLAIMS = [
    claim(IZIUM, "RU", date(2022, 4, 1), "Russian forces captured Izium."),
    claim(IZIUM, "UA", date(2022, 9, 10), "Ukraine retook Izium on Saturday."),
    claim(KUPIANSK, "UA", date(2022, 9, 10), "Kupiansk is back under Ukrainian control."),
    claim(BALAKLIIA, "UA", date(2022, 9, 8), "Balakliia was liberated, officials said.",
          claimant="officials", hedged=True, article="a-other"),
]  # fmt: skip


def tables(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="kharkivmap-data">(.*?)</script>', page)
    assert block is not None
    return json.loads(block.group(1))


def layers(page: str) -> list[dict]:
    found = re.findall(r"L\.timeline\(\s*(\{.*?\}),\s*timeline_", page, flags=re.DOTALL)
    return [json.loads(text) for text in found]


def test_one_control_feature_per_interval_with_shared_tables() -> None:
    timeline = Timeline.from_claims(CLAIMS)
    page = map_html(timeline, tiles="none")
    control, changes, front = layers(page)
    assert len(control["features"]) == len(timeline.intervals) == 4
    data = tables(page)
    assert data["meta"] == {"places": 3, "claims": 4, "articles": 3, "slice": "week"}
    names = {data["places"][f["properties"]["p"]][0] for f in control["features"]}
    assert names == {"Izium", "Kupiansk", "Balakliia"}
    izium_now = next(
        f["properties"]
        for f in control["features"]
        if data["places"][f["properties"]["p"]][0] == "Izium" and f["properties"]["c"] == "UA"
    )
    assert izium_now["s"] == (date(2022, 9, 10) - date(1970, 1, 1)).days
    assert izium_now["e"] is None
    sentence = data["claims"][data["reports"][izium_now["r"][0]][4][0]][6]
    assert data["strings"][sentence] == "Ukraine retook Izium on Saturday."
    assert {f["geometry"]["type"] for f in front["features"]} <= {"LineString", "MultiLineString"}
    assert len(changes["features"]) == len({(c.place.id, c.date) for c in timeline.changes})


def test_hedged_only_intervals_are_marked_unconfirmed() -> None:
    control = layers(map_html(CLAIMS, tiles="none"))[0]
    confirmed = {f["properties"]["k"] for f in control["features"]}
    assert confirmed == {0, 1}


def test_repeated_sentences_are_stored_once() -> None:
    same = [
        claim(IZIUM, "UA", date(2022, 9, 10), "Ukraine retook Izium.", article=f"a{i}")
        for i in range(5)
    ]
    data = tables(map_html(same, tiles="none"))
    assert data["strings"].count("Ukraine retook Izium.") == 1
    assert len(data["claims"]) == 5


PAYLOAD = "</script><script>window.__pwned=1</script><img src=x onerror=alert(1)>${x}`\\"


def test_article_text_cannot_break_out_of_the_page() -> None:
    evil = Place("e", PAYLOAD, 49.5, 37.0, name_uk=PAYLOAD)
    bad = claim(
        evil, "RU", date(2022, 5, 1), f"Troops took {PAYLOAD} today.", mention=PAYLOAD,
        claimant=PAYLOAD, title=PAYLOAD, url="javascript:alert(1)", outlet=PAYLOAD,
    )  # fmt: skip
    page = map_html([bad], tiles="none", title=PAYLOAD)
    assert "window.__pwned" not in page.replace("window.__pwned=1", "")  # sanity of the needle
    assert "<script>window.__pwned" not in page
    assert "<img src=x" not in page
    data = tables(page)
    assert data["places"][0][0] == PAYLOAD
    assert PAYLOAD in data["strings"]
    assert "<title>&lt;/script&gt;" in page


def test_no_folium_popup_or_tooltip_templates_are_used() -> None:
    page = map_html(CLAIMS, tiles="none")
    # Popups and labels are bound to functions building DOM nodes, never to markup strings.
    assert not re.search(r"\.bind(Popup|Tooltip)\(\s*[`'\"]", page)
    assert "L.popup(" not in page
    assert "TimestampedGeoJson" not in page


def test_cdn_mode_links_only_pinned_files() -> None:
    page = map_html(CLAIMS, tiles="none")
    links = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert sorted(set(links)) == [
        "https://cdn.jsdelivr.net/npm/leaflet.timeline@1.6.0/dist/leaflet.timeline.js",
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
    ]
    assert "jquery" not in page and "bootstrap" not in page and "moment" not in page


@pytest.mark.skipif(not HAS_NPM, reason="npm assets missing (run .ci/run)")
def test_self_contained_map_has_no_external_script_or_style() -> None:
    page = map_html(CLAIMS, tiles="none", self_contained=True, assets_dir=NPM)
    assert not re.search(r"<script[^>]+src=", page)
    assert "<link" not in page
    assert "L.timelineSliderControl" in page and "data:image/png;base64," in page


def test_self_contained_without_assets_is_an_assets_error(tmp_path: Path) -> None:
    with pytest.raises(AssetsError, match="run `kharkivmap assets fetch` or pass --assets-dir"):
        build_map(CLAIMS, self_contained=True, assets_dir=tmp_path)


def test_slider_spans_the_days_at_noon_utc_and_formats_in_utc() -> None:
    page = map_html(CLAIMS, tiles="none")
    start = int(re.search(r'"start": (\d+)', page).group(1))
    end = int(re.search(r'"end": (\d+)', page).group(1))
    noon = 43_200_000
    assert start == (date(2022, 4, 1) - date(1970, 1, 1)).days * 86_400_000 + noon
    assert end == (date(2022, 9, 10) - date(1970, 1, 1)).days * 86_400_000 + noon
    assert '"formatOutput": kharkivmap.formatDay' in page


def test_date_range_limits_the_map() -> None:
    data = layers(map_html(CLAIMS, tiles="none", date_from=date(2022, 9, 1)))[0]
    assert (
        min(f["properties"]["s"] for f in data["features"])
        == (date(2022, 9, 1) - date(1970, 1, 1)).days
    )


def test_the_map_is_a_folium_map_fitted_to_the_places() -> None:
    m = build_map(CLAIMS, tiles="light", title="Kharkiv")
    assert isinstance(m, folium.Map)
    html = m._repr_html_()
    assert "iframe" in html
    bounds = re.search(
        r"fitBounds\(\s*\[\[([\d.]+), ([\d.]+)\], \[([\d.]+), ([\d.]+)\]\]", m.get_root().render()
    )
    assert [float(v) for v in bounds.groups()] == [49.2122, 36.8586, 49.7106, 37.6156]


def test_an_empty_source_still_renders_a_map() -> None:
    page = map_html([], tiles="none")
    assert tables(page)["meta"]["places"] == 0
    assert [len(layer["features"]) for layer in layers(page)] == [0, 0, 0]


def test_unknown_tiles_are_refused() -> None:
    with pytest.raises(KharkivmapError, match="unknown tiles 'sat'; choose one of osm, light"):
        build_map(CLAIMS, tiles="sat")  # type: ignore[arg-type]


def test_rendering_is_deterministic_byte_for_byte() -> None:
    first = map_html(CLAIMS, tiles="osm")
    assert first == map_html(CLAIMS, tiles="osm")
    assert not re.search(r"_[0-9a-f]{32}", first)  # no random folium ids left


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        ("Ukraine retook Izium.", "Izium", (15, 5)),
        ("IZIUM is free.", "Izium", (0, 5)),
        ("No name here.", "Izium", (-1, 0)),
        ("Anything", "", (-1, 0)),
    ],
)
def test_mark_finds_the_place_in_the_sentence(sentence: str, mention: str, expected: tuple) -> None:
    assert _mark(sentence, mention) == expected


def test_is_claims_file_tells_claims_from_corpora(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"place_id": "1", "event": "captured"}\n', encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "1", "text": "..."}\n', encoding="utf-8")
    claims_csv = tmp_path / "claims.csv"
    claims_csv.write_text("article,place_id,event\n", encoding="utf-8")
    corpus_csv = tmp_path / "corpus.csv"
    corpus_csv.write_text("id,text,published\n", encoding="utf-8")
    geojson = tmp_path / "claims.geojson"
    geojson.write_text("{}", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("place_id event", encoding="utf-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    verdicts = {p.name: is_claims_file(p) for p in (claims, corpus, claims_csv, corpus_csv,
                                                     geojson, text, broken, tmp_path)}  # fmt: skip
    assert verdicts == {
        "claims.jsonl": True,
        "corpus.jsonl": False,
        "claims.csv": True,
        "corpus.csv": False,
        "claims.geojson": True,
        "a.txt": False,
        "broken.jsonl": False,
        tmp_path.name: False,
    }


def test_articles_are_parsed_and_only_those_with_claims_are_counted() -> None:
    pytest.importorskip("kharkivmap.parser")
    from kharkivmap.gazetteer import Gazetteer
    from kharkivmap.models import Article

    gazetteer = Gazetteer.from_places([IZIUM, KUPIANSK])
    articles = [
        Article("a1", "Russian forces captured Izium on 1 April 2022.", date(2022, 4, 2)),
        Article(
            "a2", "Ukrainian troops recaptured Kupiansk on 10 September 2022.", date(2022, 9, 11)
        ),
        Article("a3", "The weather was mild.", date(2022, 9, 11)),
    ]
    data = tables(map_html(articles, gazetteer=gazetteer, tiles="none"))
    assert data["meta"]["articles"] == 2
    assert sorted(row[0] for row in data["places"]) == ["Izium", "Kupiansk"]
