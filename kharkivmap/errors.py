"""One error family for everything the library reports to its callers.

Each member also subclasses the matching built-in error, so callers that already catch
``ValueError`` or ``LookupError`` keep working. The CLI turns any ``KharkivmapError`` into a
one-line ``Error: …`` and exit code 1.
"""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "AssetsError",
    "ClaimsFileError",
    "GazetteerError",
    "GeocoderError",
    "KharkivmapError",
    "TimelineError",
    "UnknownPlaceError",
]


class KharkivmapError(Exception):
    """Base class of every error kharkivmap raises on purpose."""


class GazetteerError(KharkivmapError, ValueError):
    """A gazetteer file is unreadable or malformed (the message names file, line and problem)."""


class UnknownPlaceError(KharkivmapError, LookupError):
    """No place matches a name; ``suggestions`` holds close names, best first."""

    def __init__(self, query: str, suggestions: tuple[str, ...] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        message = f"no place named {query!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(self.suggestions) + "?"
        super().__init__(message)


class GeocoderError(KharkivmapError, RuntimeError):
    """The opt-in online geocoder failed or is misconfigured."""


class ArticleError(KharkivmapError, ValueError):
    """An article input cannot be read at all (a missing path, an unsupported file type)."""


class ClaimsFileError(KharkivmapError, ValueError):
    """A claims file written by ``extract`` (JSON Lines, CSV, GeoJSON) is malformed."""


class AssetsError(KharkivmapError, RuntimeError):
    """JavaScript/CSS assets for a self-contained map are missing or fail their checksum."""


class TimelineError(KharkivmapError, ValueError):
    """Timeline options are invalid (a date range that ends before it starts, an unknown slice
    frequency, a negative merge window)."""
