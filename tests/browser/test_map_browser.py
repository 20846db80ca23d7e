"""The rendered map in a real browser: loads cleanly, shows the right controller per day, runs
no injected script, keeps the day in every time zone, and stays offline when self-contained."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from kharkivmap.assets import manifest
from kharkivmap.cli import cli
from kharkivmap.models import Claim, Place
from kharkivmap.render import map_html

pytestmark = pytest.mark.browser

SEEDS = Path(__file__).parents[2] / "seeds"

# What the seed articles report, by day ("-" = no report yet, so nothing is drawn).
EXPECTED = {
    "2022-06-01": {
        "Kharkiv": {"UA"},
        "Izium": {"RU"},
        "Kupiansk": {"-", "RU"},
        "Balakliia": {"-"},
        "Vovchansk": {"-"},
        "Lukiantsi": {"-"},
    },
    "2022-09-15": {
        "Kharkiv": {"UA"},
        "Izium": {"UA"},
        "Kupiansk": {"UA"},
        "Balakliia": {"UA"},
        "Vovchansk": {"-"},
        "Lukiantsi": {"-"},
    },
    "2024-05-20": {
        "Kharkiv": {"UA"},
        "Izium": {"UA"},
        "Kupiansk": {"UA"},
        "Balakliia": {"UA"},
        "Vovchansk": {"RU"},
        "Lukiantsi": {"RU"},
    },
}

# Move the slider to noon UTC of a day; report the labels and what each shown place displays.
STATE = """(day) => {
  const k = window.kharkivmap;
  k.slider.setTime(Date.parse(day + "T12:00:00Z"));
  const tables = k.data();
  const shown = {};
  k.timelines.control.getLayers().forEach((layer) => {
    const p = layer.feature.properties;
    const name = tables.places[p.p][0];
    (shown[name] = shown[name] || []).push(p.c);
  });
  return {
    label: document.querySelector(".time-text").textContent,
    readout: document.querySelector(".km-readout").textContent,
    shown: shown,
  };
}"""

# Open every popup of every layer shown now and collect what the reader sees.
POPUPS = """() => {
  const k = window.kharkivmap;
  const texts = [];
  let images = 0, scriptLinks = 0, links = [];
  Object.values(k.timelines).forEach((timeline) => {
    timeline.getLayers().forEach((layer) => {
      layer.openPopup();
      // A closed popup fades out for a moment: read this popup's own element.
      const box = layer.getPopup().getElement().querySelector(".leaflet-popup-content");
      texts.push(box.textContent);
      images += box.querySelectorAll("img, script, iframe").length;
      box.querySelectorAll("a").forEach((a) => links.push(a.getAttribute("href")));
      layer.closePopup();
    });
  });
  const pwned = window.__pwned === undefined ? null : String(window.__pwned);
  return { texts: texts, images: images, links: links, pwned: pwned };
}"""


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("seeds") / "kharkiv.html"
    result = CliRunner().invoke(
        cli, ["render", str(SEEDS), "-o", str(target), "--tiles", "none", "-q"]
    )
    assert result.exit_code == 0, result.output
    return target


def _seed_timeline():
    from kharkivmap.articles import read_articles
    from kharkivmap.gazetteer import Gazetteer
    from kharkivmap.parser import extract_claims
    from kharkivmap.timeline import Timeline

    gazetteer = Gazetteer.load()
    claims = [c for a in read_articles([SEEDS]) for c in extract_claims(a, gazetteer)]
    return Timeline.from_claims(claims)


def _check_days(page, expected: dict) -> None:
    for day, places in expected.items():
        state = page.evaluate(STATE, day)
        assert state["label"] == day
        assert state["readout"] == f"Control as reported on {day}"
        seen = {name: {*state["shown"].get(name, ["-"])} for name in places}
        wrong = {n: seen[n] for n, allowed in places.items() if not seen[n] <= allowed}
        assert not wrong, f"{day}: {wrong}"


def test_seed_map_loads_without_errors_and_holds_every_interval(open_map, seed_map: Path) -> None:
    page = open_map(seed_map)
    timeline = _seed_timeline()
    sizes = page.evaluate(
        "() => Object.fromEntries(Object.entries(window.kharkivmap.timelines)"
        ".map(([k, t]) => [k, t.ranges.size]))"
    )
    assert sizes["control"] == len(timeline.intervals) > 0
    assert sizes["front"] == sum(
        1 for *_, line in timeline.front_lines(timeline.slices()) if line is not None
    )
    assert page.errors == []
    assert page.blocked == []
    # Only pinned files (leaflet.css fetches its own images, pinned too), and no others.
    pinned = {asset.url for asset in manifest()}
    assert set(page.served) <= pinned
    assert {url.rsplit("/", 1)[1] for url in page.served} >= {
        "leaflet.js",
        "leaflet.css",
        "leaflet.timeline.js",
    }


def test_seed_map_shows_exactly_the_timeline_state_on_every_boundary(
    open_map, seed_map: Path
) -> None:
    timeline = _seed_timeline()
    days = {iv.start + timedelta(days=shift) for iv in timeline.intervals for shift in (-1, 0)}
    days |= {
        iv.end + timedelta(days=shift) for iv in timeline.intervals if iv.end for shift in (-1, 0)
    }
    page = open_map(seed_map, timezone_id="Asia/Tokyo")
    for day in sorted(days):
        state = page.evaluate(STATE, day.isoformat())
        shown = sorted((name, c) for name, cs in state["shown"].items() for c in cs)
        expected = sorted(
            (iv.place.name, iv.controller) for iv in timeline.control_on(day).values()
        )
        assert shown == expected, day
    assert page.errors == []


def test_seed_map_labels_the_places_shown(open_map, seed_map: Path) -> None:
    page = open_map(seed_map)
    state = page.evaluate(STATE, "2022-09-15")
    page.page.wait_for_timeout(400)  # labels of removed markers fade out first
    labels = page.evaluate(
        "() => [...document.querySelectorAll('.km-label')].map((label) => label.textContent)"
    )
    assert sorted(labels) == sorted(name for name, cs in state["shown"].items() for _ in cs)


def test_seed_map_shows_the_reported_controller_per_day(open_map, seed_map: Path) -> None:
    page = open_map(seed_map)
    _check_days(page, EXPECTED)
    assert page.errors == []


def test_seed_map_keeps_the_day_in_new_york(open_map, seed_map: Path) -> None:
    page = open_map(seed_map, timezone_id="America/New_York")
    assert page.evaluate("() => new Date(0).getTimezoneOffset()") == 300
    _check_days(page, EXPECTED)
    assert page.errors == []


def test_seed_popups_quote_the_sources(open_map, seed_map: Path) -> None:
    page = open_map(seed_map)
    page.evaluate(STATE, "2022-09-15")
    seen = page.evaluate(POPUPS)
    izium = next(text for text in seen["texts"] if text.startswith("Izium"))
    assert "Ізюм" in izium and "Ukraine since 2022-09" in izium
    mark = page.evaluate(
        "() => { const l = window.kharkivmap.timelines.control.getLayers()[0]; l.openPopup();"
        " return document.querySelectorAll('.leaflet-popup-content mark').length; }"
    )
    assert mark >= 1
    assert all(link.startswith(("http://", "https://")) for link in seen["links"])


def test_seed_popups_say_how_old_the_last_report_is(open_map, seed_map: Path) -> None:
    shown = date(2024, 5, 20)
    izium = next(
        iv
        for iv in _seed_timeline().intervals
        if iv.place.name == "Izium" and iv.start <= shown and (iv.end is None or shown < iv.end)
    )
    latest = max(r.date for r in izium.reports if r.date <= shown)
    page = open_map(seed_map)
    page.evaluate(STATE, shown.isoformat())
    text = next(t for t in page.evaluate(POPUPS)["texts"] if t.startswith("Izium"))
    days = (shown - latest).days
    assert days > 0
    assert f"Last report of this state: {latest} ({days} days before the day shown)" in text


PAYLOADS = (
    "<img src=x onerror=window.__pwned=1>",
    "</script><script>window.__pwned=1</script>",
    "${window.__pwned=1}",
    "`${window.__pwned=2}`",
    "\\'\\\"\\u003c\\",
)
EVIL = " ".join(PAYLOADS)


def _evil_claims() -> list[Claim]:
    place = Place("evil", f"Evil {EVIL}", 49.6, 36.9, name_uk=f"Зло {EVIL}", kind="town")
    other = Place("other", "Other", 49.9, 37.3, name_uk="Інше", kind="village")
    common = {
        "published": date(2022, 5, 2),
        "start": 0,
        "end": 4,
        "actor": "RU",
        "date_precision": "day",
        "confidence": 0.9,
        "title": f"Title {EVIL}",
        "outlet": f"Outlet {EVIL}",
        "extra": (),
    }
    return [
        Claim(article="a1", place=place, mention=f"Evil {EVIL}", event="captured",
              controller="RU", date=date(2022, 5, 1), claimant=f"Claimant {EVIL}", hedged=True,
              sentence=f"Troops took Evil {EVIL} today.", url="javascript:window.__pwned=1",
              **common),
        Claim(article="a2", place=place, mention="nothing", event="captured", controller="UA",
              date=date(2022, 5, 3), claimant=None, hedged=False, sentence=f"Denied {EVIL}",
              url=f"https://example.org/?q={EVIL}", **common),
        Claim(article="a3", place=other, mention="Other", event="held", controller="UA",
              date=date(2022, 5, 2), claimant=None, hedged=False, sentence="Other is held.",
              url="https://example.org/", **common),
    ]  # fmt: skip


def _assert_inert(page, day: str) -> list[str]:
    page.evaluate(STATE, day)
    seen = page.evaluate(POPUPS)
    assert seen["pwned"] is None
    assert seen["images"] == 0
    # Labels, legend and readout too: no element was made from any text (tiles are off).
    assert page.evaluate("() => document.querySelectorAll('img, iframe').length") == 0
    assert all(link.startswith("https://") for link in seen["links"])
    assert page.errors == []
    return seen["texts"]


@pytest.mark.parametrize("timezone_id", [None, "America/New_York"])
def test_payloads_in_every_field_show_as_text(open_map, tmp_path: Path, timezone_id) -> None:
    target = tmp_path / "evil.html"
    target.write_text(map_html(_evil_claims(), tiles="none", title=EVIL), encoding="utf-8")
    page = open_map(target, timezone_id=timezone_id)
    legend = page.evaluate("() => document.querySelector('.km-legend .km-title').textContent")
    assert legend == EVIL
    assert page.evaluate("() => document.title") == EVIL
    texts = _assert_inert(page, "2022-05-01") + _assert_inert(page, "2022-05-03")
    joined = "\n".join(texts)
    for field in ("Evil ", "Зло ", "Claimant ", "Title ", "Outlet ", "Denied "):
        assert field + EVIL in joined, field
    labels = page.evaluate(
        "() => [...document.querySelectorAll('.km-label')].map((label) => label.textContent)"
    )
    assert f"Evil {EVIL}" in labels
    assert page.evaluate(STATE, "2022-05-01")["label"] == "2022-05-01"


def test_payloads_from_articles_and_a_user_gazetteer_stay_inert(open_map, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    flat = EVIL.replace("\n", " ")
    (corpus / "evil.txt").write_text(
        "---\n"
        "published: 2022-05-12\n"
        f"title: {flat}\n"
        "url: javascript:window.__pwned=1\n"
        f"outlet: {flat}\n"
        "---\n"
        f"{flat}\n\n"
        "Russian forces captured Zlovillage on 10 May 2022, the governor said. "
        f"{flat}\n",
        encoding="utf-8",
    )
    gazetteer = tmp_path / "user.csv"
    gazetteer.write_text(
        "id,name,name_uk,aliases,lat,lon,country,admin1,kind,source\n"
        f'user:zlo,"Zlo {flat.replace(chr(34), chr(34) * 2)}",Зло,'
        f'"Zlovillage|{flat.replace(chr(34), chr(34) * 2)}",49.61,36.91,UA,Kharkiv Oblast,'
        "village,user\n",
        encoding="utf-8",
    )
    target = tmp_path / "evil.html"
    result = CliRunner().invoke(
        cli,
        [
            "render",
            str(corpus),
            "-o",
            str(target),
            "--tiles",
            "none",
            "--gazetteer",
            str(gazetteer),
        ],
    )
    assert result.exit_code == 0, result.output
    page = open_map(target)
    texts = _assert_inert(page, "2022-05-12")
    joined = "\n".join(texts)
    assert f"Zlo {flat}" in joined
    assert flat in joined


def test_self_contained_map_makes_no_network_request(
    open_map, npm_assets: Path, tmp_path: Path
) -> None:
    target = tmp_path / "offline.html"
    page_html = map_html(_evil_claims(), tiles="none", self_contained=True, assets_dir=npm_assets)
    target.write_text(page_html, encoding="utf-8")
    page = open_map(target)
    page.evaluate(STATE, "2022-05-03")
    page.evaluate(POPUPS)
    assert page.served == [] and page.blocked == []
    assert page.errors == []


def test_large_maps_share_one_hover_label(open_map, tmp_path: Path) -> None:
    places = [
        Place(f"p{i}", f"Place {i} {EVIL}", 49.0 + i * 0.02, 36.0 + (i % 7) * 0.2, kind="village")
        for i in range(70)
    ]
    many = [
        Claim(article=f"a{i}", published=date(2022, 5, 1), place=place, mention="x", start=0,
              end=1, event="held", actor="UA", controller="UA", date=date(2022, 5, 1),
              date_precision="day", claimant=None, hedged=False, sentence="Held.", confidence=0.9)
        for i, place in enumerate(places)
    ]  # fmt: skip
    target = tmp_path / "many.html"
    target.write_text(map_html(many, tiles="none"), encoding="utf-8")
    page = open_map(target)
    page.evaluate(STATE, "2022-05-01")
    assert page.evaluate("() => document.querySelectorAll('.km-label').length") == 0
    point = page.evaluate(
        "() => { const k = window.kharkivmap; const layer = k.timelines.control.getLayers()[0];"
        " const p = k.map.latLngToContainerPoint(layer.getLatLng());"
        " const box = k.map.getContainer().getBoundingClientRect();"
        " const name = k.data().places[layer.feature.properties.p][0];"
        " return [box.left + p.x, box.top + p.y, name]; }"
    )
    # Leaflet's canvas handles one pointer move per 32 ms: pause so the last move counts.
    page.page.mouse.move(point[0] + 40, point[1] + 40)
    page.page.wait_for_timeout(100)
    page.page.mouse.move(point[0], point[1])
    page.page.wait_for_timeout(100)
    label = page.evaluate(
        "() => [...document.querySelectorAll('.km-label')].map((label) => label.textContent)"
    )
    assert label == [point[2]]
    assert point[2].startswith("Place ") and point[2].endswith(EVIL)
    assert page.evaluate("() => window.__pwned === undefined") is True
    assert page.errors == []
