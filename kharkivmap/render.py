"""The interactive map: who controls which place on the day the time slider shows.

Three time-aware layers (leaflet.timeline): one canvas circle per (place, control interval),
rings around places whose control changed within the current slice, and the front line
estimated from the reported places. Article text (sentences, titles, claimants, outlets) never
passes through folium's popup or tooltip templates: it goes into one JSON block of shared
tables, escaped for HTML, and ``assets/map.js`` puts it on the page with ``textContent``.
Features refer to those tables by index, so a sentence is stored once however many features
cite it.

>>> from kharkivmap.render import build_map
>>> m = build_map(claims, tiles="none")   # doctest: +SKIP
>>> m.save("map.html")                      # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import folium
from branca.element import Element, MacroElement
from folium.plugins import Timeline as TimelineLayer
from folium.plugins import TimelineSlider
from folium.template import Template
from folium.utilities import JsCode

from kharkivmap.assets import inline_css, inline_js, load_assets, manifest
from kharkivmap.errors import KharkivmapError
from kharkivmap.models import Article, Claim

if TYPE_CHECKING:
    from kharkivmap.gazetteer import Gazetteer
    from kharkivmap.timeline import Freq, Interval, Report, Timeline

__all__ = ["TILES", "Tiles", "build_map", "is_claims_file", "map_html"]

Tiles = Literal["osm", "light", "dark", "none"]
_ESRI = "https://server.arcgisonline.com/ArcGIS/rest/services/Canvas/{}/MapServer/tile/{{z}}/{{y}}/{{x}}"
_ESRI_ATTRIBUTION = "Tiles &copy; Esri &mdash; Esri, DeLorme, NAVTEQ"
# Base maps that need no API key: (tile URL or folium name, attribution, max zoom).
TILES: dict[str, tuple[str, str | None, int] | None] = {
    "osm": ("OpenStreetMap", None, 19),
    "light": (_ESRI.format("World_Light_Gray_Base"), _ESRI_ATTRIBUTION, 16),
    "dark": (_ESRI.format("World_Dark_Gray_Base"), _ESRI_ATTRIBUTION, 16),
    "none": None,
}
_EPOCH = date(1970, 1, 1)
_DAY_MS = 86_400_000
# Where an empty map looks (Ukraine), and how close to zoom on a single place.
_EMPTY_VIEW = ((48.5, 31.5), 6)
_SINGLE_ZOOM = 11
_COORD_DIGITS = 5
_LINE_DIGITS = 4
# Up to this many places every marker carries its name; above, names show on hover.
_LABELLED_PLACES = 60


def build_map(
    source: Iterable[Article | Claim] | Timeline,
    *,
    gazetteer: Gazetteer | None = None,
    title: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    slice: Freq | None = None,
    tiles: Tiles = "osm",
    self_contained: bool = False,
    assets_dir: str | os.PathLike[str] | None = None,
) -> folium.Map:
    """A folium map with a time slider of the control claims in ``source``.

    ``source`` holds Articles (parsed with ``gazetteer``, loaded on first need when None),
    Claims, or both; or is a ready :class:`~kharkivmap.timeline.Timeline`. ``date_from`` and
    ``date_to`` restrict the days shown; ``slice`` sets the period of change rings and front
    lines (chosen from the span when None). ``self_contained`` inlines every script and style
    (from the asset cache or ``assets_dir``) so the file needs no network except for tiles.
    The attribution counts the articles that gave at least one claim. In Jupyter the
    returned map displays itself.
    """
    if tiles not in TILES:
        raise KharkivmapError(f"unknown tiles {tiles!r}; choose one of {', '.join(TILES)}")
    timeline, n_articles = _timeline(source, gazetteer, date_from, date_to)
    first, last = _span(timeline, date_from, date_to)
    slices = timeline.slices(slice) if first is not None else []
    payload = _Payload(timeline, slices, n_articles, slice)

    m = folium.Map(tiles=None, prefer_canvas=True, control_scale=True)
    provider = TILES[tiles]
    if provider is not None:
        url, attribution, max_zoom = provider
        folium.TileLayer(url, attr=attribution, max_zoom=max_zoom, control=False).add_to(m)
    _fit(m, payload.bounds)
    page_title = title or "Reported control of places"
    root: Any = m.get_root()  # a folium Figure, which the stubs type as an Element
    root.title = html.escape(page_title)
    timeline_link = _add_assets(m, payload, self_contained=self_contained, assets_dir=assets_dir)

    layers = {
        "control": TimelineLayer(
            payload.control,
            get_interval=JsCode("kharkivmap.interval"),
            point_to_layer=JsCode("kharkivmap.marker"),
            on_each_feature=JsCode("kharkivmap.popup"),
        ),
        "changes": TimelineLayer(
            payload.changes,
            get_interval=JsCode("kharkivmap.interval"),
            point_to_layer=JsCode("kharkivmap.ring"),
            on_each_feature=JsCode("kharkivmap.changePopup"),
        ),
        "front": TimelineLayer(
            payload.front,
            get_interval=JsCode("kharkivmap.interval"),
            style=JsCode("kharkivmap.lineStyle"),
            on_each_feature=JsCode("kharkivmap.linePopup"),
        ),
    }
    labels = {
        "control": "Control of places",
        "changes": f"Changed this {payload.freq}",
        "front": "Front line (estimated)",
    }
    for key, layer in layers.items():
        layer.layer_name = labels[key]
        layer.default_js = timeline_link
        layer.add_to(m)

    start, end = (first, last) if first is not None and last is not None else (_EPOCH, _EPOCH)
    days = max((end - start).days, 1)
    slider = TimelineSlider(
        auto_play=False,
        start=_noon_ms(start),
        end=_noon_ms(end),
        show_ticks=False,
        enable_keyboard_controls=True,
        steps=days,
        playback_duration=days * 100,
    )
    # The stock label formats in the viewer's time zone with moment; this one formats in UTC.
    options: dict[str, Any] = slider.options
    options["format_output"] = JsCode("kharkivmap.formatDay")
    slider.default_js = timeline_link
    slider.add_timelines(*layers.values()).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    _Init({"title": page_title, "meta": payload.meta}, layers, slider).add_to(m)
    _stable_ids(m.get_root())
    return m


def map_html(
    source: Iterable[Article | Claim] | Timeline,
    *,
    gazetteer: Gazetteer | None = None,
    title: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    slice: Freq | None = None,
    tiles: Tiles = "osm",
    self_contained: bool = False,
    assets_dir: str | os.PathLike[str] | None = None,
) -> str:
    """The HTML page of :func:`build_map` with the same arguments."""
    m = build_map(
        source,
        gazetteer=gazetteer,
        title=title,
        date_from=date_from,
        date_to=date_to,
        slice=slice,
        tiles=tiles,
        self_contained=self_contained,
        assets_dir=assets_dir,
    )
    return m.get_root().render()


_LEAFLET_JS = "leaflet/dist/leaflet.js"
_LEAFLET_CSS = "leaflet/dist/leaflet.css"
_TIMELINE_JS = "leaflet.timeline/dist/leaflet.timeline.js"


def _own(name: str) -> str:
    return resources.files("kharkivmap").joinpath(f"assets/{name}").read_text("utf-8")


def _add_assets(
    m: folium.Map,
    payload: _Payload,
    *,
    self_contained: bool,
    assets_dir: str | os.PathLike[str] | None,
) -> list[tuple[str, str]]:
    """Put scripts, styles and the shared tables in the page head.

    Only Leaflet and leaflet.timeline are loaded (folium's jQuery, Bootstrap, Font Awesome and
    moment go unused). Returns the link list the timeline elements should declare: the pinned
    CDN file, or nothing when it is inlined.
    """
    root: Any = m.get_root()  # a folium Figure, which the stubs type as an Element
    header = root.header
    if self_contained:
        files = load_assets(assets_dir=assets_dir)
        m.default_js, m.default_css = [], []
        for markup in (
            f"<style>{inline_css(_LEAFLET_CSS, files)}</style>",
            f"<script>{inline_js(files[_LEAFLET_JS])}</script>",
            f"<script>{inline_js(files[_TIMELINE_JS])}</script>",
        ):
            header.add_child(_Raw(markup))
        timeline_link = []
    else:
        urls = {asset.key: asset.url for asset in manifest()}
        m.default_js = [("leaflet", urls[_LEAFLET_JS])]
        m.default_css = [("leaflet_css", urls[_LEAFLET_CSS])]
        timeline_link = [("timeline", urls[_TIMELINE_JS])]
    header.add_child(_Raw(f"<style>{_own('map.css')}</style>"))
    header.add_child(_Raw(f"<script>{inline_js(_own('map.js'))}</script>"))
    for block, text in (("data", payload.json()), ("style", payload.style())):
        header.add_child(
            _Raw(f'<script type="application/json" id="kharkivmap-{block}">{text}</script>')
        )
    return timeline_link


def _timeline(
    source: Iterable[Article | Claim] | Timeline,
    gazetteer: Gazetteer | None,
    date_from: date | None,
    date_to: date | None,
) -> tuple[Timeline, int]:
    from kharkivmap.timeline import Timeline

    if isinstance(source, Timeline):
        return source, len({claim.article for claim in source.claims})
    articles: set[str] = set()

    def claims() -> Iterator[Claim]:
        nonlocal gazetteer
        for item in source:
            if isinstance(item, Claim):
                articles.add(item.article)
                yield item
                continue
            if gazetteer is None:
                from kharkivmap.gazetteer import Gazetteer

                gazetteer = Gazetteer.load()
            from kharkivmap.parser import extract_claims

            found = extract_claims(item, gazetteer)
            if found:
                articles.add(item.id)
            yield from found

    built = Timeline.from_claims(claims(), start=date_from, end=date_to)
    return built, len(articles)


def _span(
    timeline: Timeline, date_from: date | None, date_to: date | None
) -> tuple[date | None, date | None]:
    first, last = timeline.first_day, timeline.last_day
    if first is None or last is None:
        return None, None
    first = max(first, date_from) if date_from is not None else first
    last = min(last, date_to) if date_to is not None else last
    return first, max(first, last)


def _day(value: date) -> int:
    return (value - _EPOCH).days


def _noon_ms(value: date) -> int:
    # Noon UTC keeps the slider's instant on the same calendar day in every time zone.
    return _day(value) * _DAY_MS + _DAY_MS // 2


def _fit(m: folium.Map, bounds: tuple[float, float, float, float] | None) -> None:
    if bounds is None:
        m.location, m.options["zoom"] = list(_EMPTY_VIEW[0]), _EMPTY_VIEW[1]
        return
    south, west, north, east = bounds
    if south == north and west == east:
        m.location, m.options["zoom"] = [south, west], _SINGLE_ZOOM
        return
    # Room for the legend (top right) and the slider (bottom) so no marker hides under them.
    m.fit_bounds(
        [[south, west], [north, east]],
        padding_top_left=(30, 30),
        padding_bottom_right=(290, 110),
        max_zoom=_SINGLE_ZOOM,
    )


class _Strings:
    """Each distinct string once; rows refer to it by index (-1 for none)."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, value: str | None) -> int:
        if not value:
            return -1
        index = self._index.get(value)
        if index is None:
            index = self._index[value] = len(self.items)
            self.items.append(value)
        return index


def _mark(sentence: str, mention: str) -> tuple[int, int]:
    """Where the place's name sits in the quoted sentence, to highlight it (-1 if absent)."""
    if not mention:
        return -1, 0
    at = sentence.find(mention)
    if at < 0 and len(sentence.lower()) == len(sentence):
        at = sentence.lower().find(mention.lower())
    return (at, len(mention)) if at >= 0 else (-1, 0)


class _Payload:
    """The GeoJSON of the three layers and the shared tables their features point into."""

    def __init__(
        self,
        timeline: Timeline,
        slices: list[tuple[date, date]],
        n_articles: int,
        freq: Freq | None,
    ) -> None:
        self.strings = _Strings()
        self.places: list[list[Any]] = []
        self.articles: list[list[Any]] = []
        self.claims: list[list[Any]] = []
        self.reports: list[list[Any]] = []
        self._place_index: dict[str, int] = {}
        self._article_index: dict[str, int] = {}
        self._claim_index: dict[int, int] = {}
        self._report_index: dict[int, int] = {}
        self.freq = freq or _slice_name(slices)
        self.control = _collection(self._interval(iv) for iv in timeline.intervals)
        self.changes = _collection(self._changes(timeline, slices))
        self.front = _collection(self._lines(timeline, slices))
        self.meta = {
            "places": len(timeline.places),
            "claims": len(timeline.claims) - len(timeline.dropped),
            "articles": n_articles,
            "slice": self.freq,
        }
        lats = [iv.place.lat for iv in timeline.intervals]
        lons = [iv.place.lon for iv in timeline.intervals]
        self.bounds = (min(lats), min(lons), max(lats), max(lons)) if lats else None

    def json(self) -> str:
        tables = {
            "meta": self.meta,
            "strings": self.strings.items,
            "places": self.places,
            "articles": self.articles,
            "claims": self.claims,
            "reports": self.reports,
        }
        text = json.dumps(tables, ensure_ascii=False, separators=(",", ":"))
        # Inside <script> only "<" can end or bend the block; escaped it stays valid JSON.
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

    def style(self) -> str:
        """Marker sizes (one letter per place: c, t, v for city, town, village) and whether
        the map is small enough to label every place."""
        kinds = "".join(kind[:1] or "v" for *_, kind in self.places)
        return json.dumps({"kinds": kinds, "labels": len(self.places) <= _LABELLED_PLACES})

    def _place(self, claim_place: Any) -> int:
        index = self._place_index.get(claim_place.id)
        if index is None:
            index = self._place_index[claim_place.id] = len(self.places)
            self.places.append([claim_place.name, claim_place.name_uk, claim_place.kind])
        return index

    def _article(self, claim: Claim) -> int:
        index = self._article_index.get(claim.article)
        if index is None:
            index = self._article_index[claim.article] = len(self.articles)
            published = claim.published.isoformat() if claim.published else ""
            self.articles.append(
                [
                    claim.article,
                    self.strings(claim.title),
                    self.strings(claim.url),
                    self.strings(claim.outlet),
                    published,
                ]
            )
        return index

    def _claim(self, claim: Claim) -> int:
        index = self._claim_index.get(id(claim))
        if index is None:
            index = self._claim_index[id(claim)] = len(self.claims)
            at, length = _mark(claim.sentence, claim.mention)
            self.claims.append(
                [
                    self._article(claim),
                    claim.event,
                    claim.controller or "",
                    claim.date.isoformat() if claim.date else "",
                    int(claim.hedged),
                    self.strings(claim.claimant),
                    self.strings(claim.sentence),
                    at,
                    length,
                ]
            )
        return index

    def _report(self, report: Report) -> int:
        index = self._report_index.get(id(report))
        if index is None:
            index = self._report_index[id(report)] = len(self.reports)
            claims = [self._claim(claim) for claim in report.claims]
            self.reports.append(
                [
                    report.date.isoformat(),
                    report.event,
                    report.controller,
                    int(report.hedged),
                    claims,
                ]
            )
        return index

    def _point(self, place: Any, properties: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [round(place.lon, _COORD_DIGITS), round(place.lat, _COORD_DIGITS)],
            },
            "properties": {"p": self._place(place), **properties},
        }

    def _interval(self, interval: Interval) -> dict[str, Any]:
        # An interval still current at the end of the data stays open (null) for any later day.
        end = _day(interval.end) if interval.end is not None else None
        return self._point(
            interval.place,
            {
                "s": _day(interval.start),
                "e": end,
                "c": interval.controller,
                "k": int(interval.confirmed),
                "r": [self._report(report) for report in interval.reports],
                "x": [self._claim(claim) for claim in interval.disputing],
            },
        )

    def _changes(
        self, timeline: Timeline, slices: list[tuple[date, date]]
    ) -> Iterator[dict[str, Any]]:
        starts = [begin for begin, _ in slices]
        grouped: dict[tuple[str, int], list[Any]] = {}
        places = {}
        for change in timeline.changes:
            i = bisect_right(starts, change.date) - 1
            if i < 0 or change.date >= slices[i][1]:
                continue
            places[change.place.id] = change.place
            grouped.setdefault((change.place.id, i), []).append(
                [change.date.isoformat(), change.before, change.after, self._report(change.report)]
            )
        for (place_id, i), changes in grouped.items():
            begin, after = slices[i]
            yield self._point(places[place_id], {"s": _day(begin), "e": _day(after), "ch": changes})

    def _lines(
        self, timeline: Timeline, slices: list[tuple[date, date]]
    ) -> Iterator[dict[str, Any]]:
        from shapely import set_precision
        from shapely.geometry import mapping

        for begin, after, line in timeline.front_lines(slices):
            if line is None or line.is_empty:
                continue
            geometry = mapping(set_precision(line, 10**-_LINE_DIGITS))
            yield {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "s": _day(begin),
                    "e": _day(after),
                    "asof": (after - timedelta(days=1)).isoformat(),
                    "kind": "front line estimated from reported places",
                },
            }


def _stable_ids(root: Element) -> None:
    """Number the elements in tree order instead of folium's random ids, so the same input
    renders the same page byte for byte (a committed map diffs only where its data changed).
    Children are re-keyed where they were keyed by their old name."""
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        element._id = f"{counter:04d}"
        counter += 1
        children = list(element._children.items())
        element._children.clear()
        for key, child in children:
            was_named = key == child.get_name()
            visit(child)
            element._children[child.get_name() if was_named else key] = child

    visit(root)


def _slice_name(slices: list[tuple[date, date]]) -> str:
    if not slices:
        return "day"
    length = (slices[0][1] - slices[0][0]).days
    return "day" if length == 1 else "week" if length == 7 else "month"


def _collection(features: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


class _Raw(Element):
    """Markup placed verbatim in the page head (escaped by the caller)."""

    _template = Template("{{ this.markup }}")

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.markup = markup


class _Init(MacroElement):
    """Hands the map, its timelines and slider to ``kharkivmap.init`` once all exist."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "kharkivmap.init({{ this.config|tojson }}, {{ this._parent.get_name() }}, { "
        "{% for key, layer in this.layers.items() %}"
        "{{ key|tojson }}: {{ layer.get_name() }},"
        "{% endfor %} }, {{ this.slider.get_name() }});"
        "{% endmacro %}"
    )

    def __init__(self, config: dict[str, Any], layers: dict[str, Any], slider: Any) -> None:
        super().__init__()
        self._name = "KharkivmapInit"
        self.config = config
        self.layers = layers
        self.slider = slider


def is_claims_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a claims file written by ``extract`` rather than an article input.

    GeoJSON is always claims; a ``.jsonl``/``.json``/``.csv`` file is claims when its first
    record has ``place_id`` and ``event`` fields (article corpora have ``text`` instead).
    """
    import csv

    target = Path(path)
    suffix = target.suffix.lower()
    if not target.is_file():
        return False
    if suffix == ".geojson":
        return True
    if suffix not in {".jsonl", ".json", ".csv"}:
        return False
    try:
        with target.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            if suffix == ".csv":
                header = next(csv.reader(handle), [])
                return {"place_id", "event"} <= set(header)
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and {"place_id", "event"} <= record.keys()
    except (OSError, ValueError):
        return False
    return False
