"""The opt-in online fallback: Nominatim through geopy, rate-limited, bounded and cached.

Used only by :meth:`Gazetteer.resolve` for names the gazetteer lacks, and only when asked
(``--geocoder nominatim``). Nominatim's usage policy wants a real user agent and at most one
request a second, so every query goes through geopy's ``RateLimiter``; answers (including "not
found") are kept in a JSON file in the cache folder so a name is asked once. Places found online
carry ``source="nominatim"`` so every output can mark them.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any, Protocol

from kharkivmap import __version__
from kharkivmap.errors import GeocoderError
from kharkivmap.models import Place
from kharkivmap.outputs import write_atomic

__all__ = [
    "COUNTRY_CODES",
    "USER_AGENT",
    "GeocoderLike",
    "NominatimGeocoder",
    "make_geocoder",
    "place_from_answer",
]

USER_AGENT = f"kharkivmap/{__version__} (+https://pypi.org/project/kharkivmap/)"
COUNTRY_CODES = ("ua", "ru")
_MIN_DELAY_SECONDS = 1.0
_TIMEOUT_SECONDS = 10
_KINDS = {"city": "city", "town": "town"}  # Nominatim's place types; all else is a village


class GeocoderLike(Protocol):
    """Anything with ``geocode(query)`` returning a Place, a geopy Location or None."""

    def geocode(self, query: str) -> Any: ...


def place_from_answer(answer: Any, *, source: str = "nominatim") -> Place | None:
    """A Place from a geocoder's answer: a Place as is, a geopy ``Location``, or None."""
    if answer is None or isinstance(answer, Place):
        return answer
    raw = getattr(answer, "raw", None) or {}
    address = raw.get("address", {}) if isinstance(raw, dict) else {}
    lat, lon = float(answer.latitude), float(answer.longitude)
    name = raw.get("name") or str(getattr(answer, "address", "")).split(",")[0].strip()
    osm = f"{raw.get('osm_type', '')}/{raw.get('osm_id', '')}" if raw.get("osm_id") else ""
    return Place(
        id=f"{source}:{osm or f'{lat:.5f},{lon:.5f}'}",
        name=name or f"{lat:.5f},{lon:.5f}",
        lat=lat,
        lon=lon,
        country=str(address.get("country_code", "")).upper(),
        admin1=address.get("state", ""),
        admin2=address.get("district", "") or address.get("county", ""),
        kind=_KINDS.get(raw.get("addresstype") or raw.get("type", ""), "village"),
        source=source,
    )


class NominatimGeocoder:
    """Nominatim (OpenStreetMap) via geopy, one request a second, answers cached on disk.

    ``client`` replaces geopy's Nominatim (tests pass a fake with ``geocode(query, **kw)``).
    """

    def __init__(self, *, cache_dir: str | os.PathLike[str], client: Any = None) -> None:
        self._cache_file = Path(cache_dir) / "nominatim.json"
        self._client = client
        self._limited: Any = None
        self._answers: dict[str, dict[str, Any] | None] | None = None

    def geocode(self, query: str) -> Place | None:
        """The place Nominatim finds for ``query`` in Ukraine or Russia, or None."""
        answers = self._load()
        key = " ".join(query.lower().split())
        if key in answers:
            cached = answers[key]
            if cached is None:
                return None
            try:
                return Place(**cached)
            except TypeError:
                pass  # a hand-edited or older cache entry: ask again
        place = place_from_answer(self._ask(query))
        answers[key] = None if place is None else _as_record(place)
        # An unwritable cache only means asking again next time.
        with contextlib.suppress(OSError):
            write_atomic(self._cache_file, json.dumps(answers, ensure_ascii=False, indent=1))
        return place

    def _ask(self, query: str) -> Any:
        from geopy.exc import GeopyError
        from geopy.extra.rate_limiter import RateLimiter

        if self._limited is None:
            client = self._client
            if client is None:
                from geopy.geocoders import Nominatim

                client = Nominatim(user_agent=USER_AGENT, timeout=_TIMEOUT_SECONDS)
            self._limited = RateLimiter(
                client.geocode,
                min_delay_seconds=_MIN_DELAY_SECONDS,
                max_retries=2,
                swallow_exceptions=False,
            )
        try:
            return self._limited(
                query,
                exactly_one=True,
                country_codes=list(COUNTRY_CODES),
                addressdetails=True,
                language="en",
            )
        except GeopyError as error:
            raise GeocoderError(f"nominatim: {error}") from None

    def _load(self) -> dict[str, dict[str, Any] | None]:
        if self._answers is None:
            try:
                loaded = json.loads(self._cache_file.read_text(encoding="utf-8"))
                self._answers = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self._answers = {}
        return self._answers


def _as_record(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "kind": place.kind,
        "source": place.source,
    }


def make_geocoder(name: str, *, cache_dir: str | os.PathLike[str]) -> GeocoderLike:
    """The geocoder registered under ``name`` (only ``"nominatim"``)."""
    if name == "nominatim":
        return NominatimGeocoder(cache_dir=cache_dir)
    raise GeocoderError(f"unknown geocoder {name!r} (choose nominatim)")
