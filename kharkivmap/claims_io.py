"""Claims files: JSON Lines, CSV and GeoJSON, written streaming and read back losslessly.

A claims file is the hand-off between ``extract`` and every later stage (timeline, map,
evaluation), so each format carries the full record of :meth:`Claim.to_record` and reading it
back rebuilds equal claims. Writers yield text chunks so large runs never sit in memory; files
are replaced atomically.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, get_args

from kharkivmap.errors import ClaimsFileError
from kharkivmap.models import CLAIM_FIELDS, Claim, Controller, DatePrecision, Event, Place, Side
from kharkivmap.outputs import write_chunks_atomic

__all__ = [
    "FORMATS",
    "RECORD_FIELDS",
    "claim_from_record",
    "format_for_path",
    "iter_claim_chunks",
    "read_claims",
    "write_claims",
]

FORMATS = ("jsonl", "csv", "geojson")
# The keys of ``Claim.to_record()`` without extras, in order: the CSV header.
RECORD_FIELDS: tuple[str, ...] = (
    *CLAIM_FIELDS,
    "place_uk",
    "admin1",
    "country",
    "place_source",
    "title",
    "url",
    "outlet",
)
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".geojson": "geojson",
    ".json": "geojson",
}
_REQUIRED = ("article", "place", "lat", "lon", "event")
_INT_FIELDS = ("start", "end")
_FLOAT_FIELDS = ("lat", "lon", "confidence")


def format_for_path(path: str | os.PathLike[str], *, default: str = "jsonl") -> str:
    """The format a file name implies: ``.csv``, ``.geojson``/``.json``, else ``default``."""
    return _SUFFIX_FORMATS.get(Path(path).suffix.lower(), default)


def iter_claim_chunks(claims: Iterable[Claim], *, format: str = "jsonl") -> Iterator[str]:
    """Yield the text of a claims file in ``format``, one claim at a time."""
    if format == "jsonl":
        for claim in claims:
            yield json.dumps(claim.to_record(), ensure_ascii=False) + "\n"
    elif format == "csv":
        yield from _csv_chunks(claims)
    elif format == "geojson":
        yield from _geojson_chunks(claims)
    else:
        raise ValueError(f"unknown claims format {format!r}; choose from {', '.join(FORMATS)}")


def write_claims(
    claims: Iterable[Claim], path: str | os.PathLike[str], *, format: str | None = None
) -> Path:
    """Write ``claims`` to ``path`` atomically; the format defaults to the one its name implies."""
    chosen = format or format_for_path(path)
    chunks = (chunk.encode("utf-8") for chunk in iter_claim_chunks(claims, format=chosen))
    return write_chunks_atomic(path, chunks)


def _csv_chunks(claims: Iterable[Claim]) -> Iterator[str]:
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for claim in claims:
        record = claim.to_record()
        if writer is None:
            # Columns follow the first record, so extras present on every claim survive.
            writer = csv.DictWriter(buffer, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({key: _csv_cell(value) for key, value in record.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if writer is None:
        csv.writer(buffer).writerow(RECORD_FIELDS)
        yield buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _geojson_chunks(claims: Iterable[Claim]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": [\n'
    separator = ""
    for claim in claims:
        record = claim.to_record()
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [record["lon"], record["lat"]]},
            "properties": record,
        }
        yield separator + json.dumps(feature, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def read_claims(path: str | os.PathLike[str]) -> list[Claim]:
    """Read a claims file in any of the three formats (told apart by name, else by content).

    Raises :class:`ClaimsFileError` naming the file, the line (or feature) and the problem.
    """
    source = Path(path)
    try:
        # newline="" keeps carriage returns inside quoted CSV cells as they were written.
        with source.open(encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise ClaimsFileError(f"{source}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ClaimsFileError(f"{source}: unreadable ({error})") from None
    suffix = source.suffix.lower()
    # ".json" is written as GeoJSON but hand-made files of that name may well be JSON Lines.
    fmt = _sniff(text) if suffix == ".json" else _SUFFIX_FORMATS.get(suffix) or _sniff(text)
    records = {"jsonl": _jsonl_records, "csv": _csv_records, "geojson": _geojson_records}[fmt]
    claims = []
    for where, record in records(text, source):
        try:
            claims.append(claim_from_record(record))
        except ValueError as error:
            raise ClaimsFileError(f"{source}:{where}: {error}") from None
    return claims


def _sniff(text: str) -> str:
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        return "csv"
    first = stripped.split("\n", 1)[0]
    try:
        head = json.loads(first)
    except json.JSONDecodeError:
        return "geojson"
    return (
        "geojson" if isinstance(head, dict) and head.get("type") == "FeatureCollection" else "jsonl"
    )


def _jsonl_records(text: str, source: Path) -> Iterator[tuple[str, Any]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield str(number), json.loads(line)
        except json.JSONDecodeError as error:
            raise ClaimsFileError(f"{source}:{number}: invalid JSON ({error.msg})") from None


def _csv_records(text: str, source: Path) -> Iterator[tuple[str, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fields = reader.fieldnames or []
        missing = [name for name in _REQUIRED if name not in fields]
        if missing:
            raise ClaimsFileError(f"{source}:1: missing column(s) {', '.join(missing)}")
        start = reader.line_num + 1
        for row in reader:
            line, start = start, reader.line_num + 1
            if None in row:
                raise ClaimsFileError(f"{source}:{line}: more cells than columns")
            yield str(line), {key: (value if value != "" else None) for key, value in row.items()}
    except csv.Error as error:
        raise ClaimsFileError(f"{source}:{reader.line_num}: {error}") from None


def _geojson_records(text: str, source: Path) -> Iterator[tuple[str, Any]]:
    try:
        collection = json.loads(text)
    except json.JSONDecodeError as error:
        raise ClaimsFileError(f"{source}:{error.lineno}: invalid JSON ({error.msg})") from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise ClaimsFileError(f"{source}:1: not a GeoJSON FeatureCollection")
    features = collection.get("features")
    if not isinstance(features, list):
        raise ClaimsFileError(f"{source}:1: 'features' is not a list")
    for index, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            raise ClaimsFileError(f"{source}: feature {index}: no properties object")
        record = dict(properties)
        geometry = feature.get("geometry")
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if isinstance(coordinates, list) and len(coordinates) >= 2:
            record.setdefault("lon", coordinates[0])
            record.setdefault("lat", coordinates[1])
        yield f"feature {index}", record


def claim_from_record(record: Any) -> Claim:
    """Rebuild a :class:`Claim` from a record as written by ``to_record`` (or read from CSV).

    Only ``article``, ``place``, ``lat``, ``lon`` and ``event`` are required, so hand-made files
    work; unknown keys come back as ``extra``. Raises ``ValueError`` naming the bad field.
    """
    if not isinstance(record, dict):
        raise ValueError("a claim must be an object")
    missing = [name for name in _REQUIRED if record.get(name) in (None, "")]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    lat, lon = _number(record, "lat"), _number(record, "lon")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: lat {lat}, lon {lon}")
    place_name = _text(record, "place") or ""
    place = Place(
        id=_text(record, "place_id") or place_name,
        name=place_name,
        lat=lat,
        lon=lon,
        country=_text(record, "country") or "",
        admin1=_text(record, "admin1") or "",
        name_uk=_text(record, "place_uk") or "",
        source=_text(record, "place_source") or "",
    )
    claim_date = _date(record, "date")
    known = set(RECORD_FIELDS)
    return Claim(
        article=_text(record, "article") or "",
        published=_date(record, "published"),
        place=place,
        mention=_text(record, "mention") or place_name,
        start=_integer(record, "start"),
        end=_integer(record, "end"),
        event=_choice(record, "event", get_args(Event)),
        actor=_choice(record, "actor", get_args(Side), optional=True),
        controller=_choice(record, "controller", get_args(Controller), optional=True),
        date=claim_date,
        date_precision=_choice(record, "date_precision", get_args(DatePrecision), optional=True)
        or ("day" if claim_date else "unknown"),
        claimant=_text(record, "claimant"),
        hedged=_boolean(record, "hedged"),
        sentence=_text(record, "sentence") or "",
        confidence=_number(record, "confidence", default=1.0),
        title=_text(record, "title"),
        url=_text(record, "url"),
        outlet=_text(record, "outlet"),
        extra=tuple((key, value) for key, value in record.items() if key not in known),
    )


def _text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ValueError(f"{key} must be text, not {type(value).__name__}")
    return str(value)


def _number(record: dict[str, Any], key: str, *, default: float | None = None) -> float:
    value = record.get(key)
    if value in (None, "") and default is not None:
        return default
    try:
        if isinstance(value, bool):
            raise TypeError
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{key} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{key} must be finite, not {value!r}")
    return number


def _integer(record: dict[str, Any], key: str) -> int:
    value = record.get(key)
    if value in (None, ""):
        return 0
    try:
        if isinstance(value, bool | float):
            raise TypeError
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{key} must be an integer, not {value!r}") from None


def _boolean(record: dict[str, Any], key: str) -> bool:
    value = record.get(key)
    if isinstance(value, bool):
        return value
    if value in (None, ""):
        return False
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError(f"{key} must be true or false, not {value!r}")


def _date(record: dict[str, Any], key: str) -> date | None:
    value = record.get(key)
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{key} must be an ISO date, not {value!r}") from None


def _choice(
    record: dict[str, Any], key: str, allowed: tuple[Any, ...], *, optional: bool = False
) -> Any:
    value = record.get(key)
    if optional and value in (None, ""):
        return None
    if value not in allowed:
        raise ValueError(f"{key} must be one of {', '.join(allowed)}, not {value!r}")
    return value
