"""kharkivmap: from war reporting to per-settlement control claims and time-sliced maps.

Importing the package is cheap and does no I/O: the gazetteer, the parser and the renderer are
loaded on first use. Pipeline: articles → mentions (gazetteer) → claims (parser) → timeline →
outputs (map, GeoJSON, CSV).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from kharkivmap.errors import (
    ArticleError,
    AssetsError,
    ClaimsFileError,
    GazetteerError,
    GeocoderError,
    KharkivmapError,
    TimelineError,
    UnknownPlaceError,
)
from kharkivmap.models import Article, Candidate, Claim, Mention, Place, Resolution

__version__ = "0.1.0"

# Heavy parts of the public API, imported on first attribute access (PEP 562).
_LAZY = {
    "Gazetteer": "kharkivmap.gazetteer",
    "read_articles": "kharkivmap.articles",
    "extract_claims": "kharkivmap.parser",
    "claims_from_articles": "kharkivmap.pipeline",
    "read_claims": "kharkivmap.claims_io",
    "write_claims": "kharkivmap.claims_io",
    "Timeline": "kharkivmap.timeline",
    "build_map": "kharkivmap.render",
    "map_html": "kharkivmap.render",
}

__all__ = [
    "__version__",
    "Article",
    "ArticleError",
    "AssetsError",
    "Candidate",
    "Claim",
    "ClaimsFileError",
    "GazetteerError",
    "GeocoderError",
    "KharkivmapError",
    "Mention",
    "Place",
    "Resolution",
    "TimelineError",
    "UnknownPlaceError",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kharkivmap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
