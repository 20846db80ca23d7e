"""The records that flow through the pipeline: places, articles, mentions and claims.

All are frozen dataclasses so they can be shared, hashed and cached safely; each keeps its
source (gazetteer row, article id, character offsets, quoted sentence) so every output can be
traced back to where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

__all__ = [
    "CLAIM_FIELDS",
    "Article",
    "Candidate",
    "Claim",
    "Controller",
    "DatePrecision",
    "Event",
    "Mention",
    "Place",
    "Resolution",
    "Side",
]

Event = Literal["captured", "withdrew", "contested", "held", "none"]
Side = Literal["UA", "RU"]
Controller = Literal["UA", "RU", "contested"]
DatePrecision = Literal["day", "week", "month", "unknown"]


@dataclass(frozen=True, slots=True)
class Place:
    """One settlement of the gazetteer.

    ``name`` is the official Ukrainian romanization (national standard of 2010) for places in
    Ukraine; ``source`` says where the row came from (``geonames``, ``postal``, ``curated``,
    ``nominatim`` for online answers, or a user gazetteer's file name).
    """

    id: str
    name: str
    lat: float
    lon: float
    country: str = "UA"
    admin1: str = ""
    admin2: str = ""
    name_uk: str = ""
    name_ru: str = ""
    aliases: tuple[str, ...] = ()
    population: int = 0
    kind: str = "village"
    source: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place considered for a name, with its score (higher is better, 0–1)."""

    place: Place
    score: float


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer to "which place is NAME?": the chosen place and the scored alternatives."""

    query: str
    place: Place
    score: float
    alternatives: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``published`` is None when the source gives no usable date."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text: ``text[start:end] == mention`` and the place it resolves to."""

    start: int
    end: int
    text: str
    place: Place
    score: float
    alternatives: tuple[Candidate, ...] = ()


# The field names of an extracted claim record: a contract that other tools read.
CLAIM_FIELDS: tuple[str, ...] = (
    "article",
    "published",
    "place",
    "place_id",
    "lat",
    "lon",
    "mention",
    "start",
    "end",
    "event",
    "actor",
    "controller",
    "date",
    "date_precision",
    "claimant",
    "hedged",
    "sentence",
    "confidence",
)


@dataclass(frozen=True, slots=True)
class Claim:
    """What one article says about one place mention: a control claim, or ``event == "none"``.

    ``actor`` is the side that acted; ``controller`` the side holding the place after the claim
    (a withdrawal gives it to the other side). ``claimant`` is None when the outlet itself asserts
    the claim. ``title``, ``url``, ``outlet`` and ``place_uk`` travel along for popups.
    """

    article: str
    published: date | None
    place: Place
    mention: str
    start: int
    end: int
    event: Event
    actor: Side | None
    controller: Controller | None
    date: date | None
    date_precision: DatePrecision
    claimant: str | None
    hedged: bool
    sentence: str
    confidence: float
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    extra: tuple[tuple[str, Any], ...] = field(default=())

    def to_record(self) -> dict[str, Any]:
        """The claim as a flat JSON-ready dict: the contract fields first, then extras."""
        record: dict[str, Any] = {
            "article": self.article,
            "published": self.published.isoformat() if self.published else None,
            "place": self.place.name,
            "place_id": self.place.id,
            "lat": self.place.lat,
            "lon": self.place.lon,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "event": self.event,
            "actor": self.actor,
            "controller": self.controller,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "claimant": self.claimant,
            "hedged": self.hedged,
            "sentence": self.sentence,
            "confidence": round(self.confidence, 3),
            "place_uk": self.place.name_uk or None,
            "admin1": self.place.admin1 or None,
            "country": self.place.country or None,
            "place_source": self.place.source or None,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
        }
        record.update(self.extra)
        return record
