"""The online fallback is opt-in, bounded, rate-limited and cached; no test uses the network."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from geopy.exc import ConfigurationError
from geopy.location import Location

from kharkivmap import __version__
from kharkivmap.errors import GeocoderError, UnknownPlaceError
from kharkivmap.gazetteer import Gazetteer
from kharkivmap.geocoder import (
    USER_AGENT,
    NominatimGeocoder,
    make_geocoder,
    place_from_answer,
)
from kharkivmap.models import Place

RAW = {
    "osm_type": "node",
    "osm_id": 42,
    "name": "Tsyrkuny",
    "addresstype": "village",
    "address": {"state": "Kharkiv Oblast", "district": "Kharkiv Raion", "country_code": "ua"},
}


class FakeNominatim:
    """Stands in for geopy's Nominatim client and records every call."""

    def __init__(self, answer: Any = None, error: Exception | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.answer = answer
        self.error = error

    def geocode(self, query: str, **kwargs: Any) -> Any:
        self.calls.append((query, kwargs))
        if self.error:
            raise self.error
        return self.answer


def _location() -> Location:
    return Location("Tsyrkuny, Kharkiv Raion, Ukraine", (50.09, 36.36), RAW)


def test_location_becomes_an_online_place() -> None:
    place = place_from_answer(_location())
    assert place == Place(
        id="nominatim:node/42",
        name="Tsyrkuny",
        lat=50.09,
        lon=36.36,
        country="UA",
        admin1="Kharkiv Oblast",
        admin2="Kharkiv Raion",
        kind="village",
        source="nominatim",
    )
    assert place_from_answer(None) is None


def test_queries_are_bounded_rate_limited_and_cached(tmp_path: Path) -> None:
    client = FakeNominatim(_location())
    geocoder = NominatimGeocoder(cache_dir=tmp_path, client=client)
    first = geocoder.geocode("Tsyrkuny")
    assert first is not None and first.source == "nominatim"
    query, options = client.calls[0]
    assert query == "Tsyrkuny"
    assert options["country_codes"] == ["ua", "ru"] and options["exactly_one"] is True
    assert geocoder._limited.min_delay_seconds >= 1

    again = NominatimGeocoder(cache_dir=tmp_path, client=client)
    assert again.geocode("  tsyrkuny ") == first
    assert len(client.calls) == 1
    cached = json.loads((tmp_path / "nominatim.json").read_text(encoding="utf-8"))
    assert cached["tsyrkuny"]["source"] == "nominatim"


def test_not_found_is_cached_too(tmp_path: Path) -> None:
    client = FakeNominatim(None)
    assert NominatimGeocoder(cache_dir=tmp_path, client=client).geocode("Nowhere") is None
    assert NominatimGeocoder(cache_dir=tmp_path, client=client).geocode("Nowhere") is None
    assert len(client.calls) == 1


def test_service_errors_become_geocoder_errors(tmp_path: Path) -> None:
    client = FakeNominatim(error=ConfigurationError("HTTP 403 (blocked user agent)"))
    geocoder = NominatimGeocoder(cache_dir=tmp_path, client=client)
    with pytest.raises(GeocoderError, match=r"^nominatim: HTTP 403 \(blocked user agent\)$"):
        geocoder.geocode("Tsyrkuny")


def test_unwritable_cache_still_answers(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    geocoder = NominatimGeocoder(cache_dir=blocker / "cache", client=FakeNominatim(_location()))
    assert geocoder.geocode("Tsyrkuny") is not None


def test_user_agent_names_the_tool_and_version() -> None:
    assert USER_AGENT.startswith(f"kharkivmap/{__version__} (+http")


def test_registry() -> None:
    assert isinstance(make_geocoder("nominatim", cache_dir="."), NominatimGeocoder)
    with pytest.raises(GeocoderError, match="unknown geocoder 'google'"):
        make_geocoder("google", cache_dir=".")


def test_gazetteer_asks_an_injected_geocoder_only_for_unknown_names() -> None:
    izium = Place(id="1", name="Izium", lat=49.2, lon=37.27)

    class Fake:
        def __init__(self) -> None:
            self.asked: list[str] = []

        def geocode(self, query: str) -> Any:
            self.asked.append(query)
            return _location() if query == "Tsyrkuny" else None

    fake = Fake()
    gazetteer = Gazetteer.from_places([izium], geocoder=fake)
    assert gazetteer.resolve("Izyum").place == izium
    online = gazetteer.resolve("Tsyrkuny")
    assert online.place.source == "nominatim" and online.score == 0.5
    with pytest.raises(UnknownPlaceError):
        gazetteer.resolve("Atlantis")
    assert fake.asked == ["Tsyrkuny", "Atlantis"]
    assert gazetteer.find_mentions("Troops left Tsyrkuny.") == []  # never online while scanning
