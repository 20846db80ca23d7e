"""Reading gazetteer CSV files strictly, indexing their rows, and caching the shipped index.

Rows are kept as plain tuples in :class:`~kharkivmap.models.Place` field order: they pickle and
unpickle several times faster than dataclass instances, and most rows of a 30,000-row gazetteer
are never looked at in one run. A malformed user file raises one ``GazetteerError`` line that
names the file, the line and the problem.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import os
import pickle
import re
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Any

from kharkivmap.errors import GazetteerError
from kharkivmap.models import Place
from kharkivmap.normalize import fold
from kharkivmap.outputs import write_atomic

__all__ = [
    "Index",
    "build_index",
    "default_cache_dir",
    "load_cached",
    "merge",
    "parse_csv",
    "read_csv",
    "row_keys",
    "row_of",
]

REQUIRED = ("id", "name", "lat", "lon")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_WORD_BREAK = re.compile(r"[\s\-\u2010\u2011]+")
_MAY_BREAK = re.compile(r"[\s\-\u2010\u2011]")
_CACHE_FORMAT = b"kharkivmap-gazetteer-index-5"
# The index depends on the folding and romanization code as much as on the CSV.
_CODE_FILES = ("normalize.py", "translit.py", "_gazetteer_io.py")

Row = tuple[Any, ...]


def row_of(place: Place) -> Row:
    """A place as a row tuple (Place field order)."""
    return astuple(place)


def row_keys(
    row: Row, *, fold_key: Callable[[str], str] = fold
) -> tuple[set[str], set[str], set[str]]:
    """Folded keys of a row: (names, aliases only, first words of multi-word spellings).

    Names are the row's name, Ukrainian and Russian names and their standard romanizations;
    aliases hold historical and foreign spellings, which weigh less among homonyms.
    ``fold_key`` lets a bulk build share one memo: most spellings recur among a row's names
    and aliases.
    """
    from kharkivmap.translit import masculine_forms, romanize_ru, romanize_uk, russian_forms

    names = [row[1], row[7], row[8]]
    if row[7]:
        names.append(romanize_uk(row[7]))
    if row[8]:
        names.append(romanize_ru(row[8]))
    primary = _keys_of(names, fold_key)
    # no Russian name from the sources: guess it from the ending, as an alias only
    # (a "Russian" name that is the Ukrainian one again counts as none)
    russian = row[8] if row[8] != row[7] else ""
    guessed = russian_forms(row[7]) if row[7] and not russian else []
    # and the masculine form of a neuter adjective name, given or guessed
    guessed += masculine_forms([russian] if russian else guessed)
    starts: set[str] = set()
    for spelling in (*names, *row[9], *guessed):
        if _MAY_BREAK.search(spelling):
            words = _WORD_BREAK.split(_PARENTHESES.sub("", spelling).strip())
            if len(words) > 1:
                starts.add(fold_key(words[0]))
    aliases = [*row[9], *guessed]
    return primary, _keys_of(aliases, fold_key) - primary, starts


def _keys_of(names: Iterable[str], fold_key: Callable[[str], str]) -> set[str]:
    keys = set()
    for name in names:
        if name:
            keys.add(fold_key(name))
            if "(" in name:  # postal names carry a council in brackets
                keys.add(fold_key(_PARENTHESES.sub("", name)))
    return {key for key in keys if len(key) >= 2}


@dataclass(slots=True)
class Index:
    """Folded keys to row entries: ``i`` for a match on a name, ``~i`` for an alias only.

    ``starts`` holds the keys of the first words of multi-word names, so a scanner tries
    longer word runs only where one can begin.
    """

    keys: dict[str, tuple[int, ...]] = field(default_factory=dict)
    starts: set[str] = field(default_factory=set)

    def add(self, i: int, row: Row, *, fold_key: Callable[[str], str] = fold) -> None:
        """Index row ``i``.

        Keys go in sorted, not in set order: the order of ``keys`` breaks ties among equally
        close fuzzy matches, so it must not depend on the hash seed of the building process.
        """
        primary, aliases, starts = row_keys(row, fold_key=fold_key)
        for key in sorted(primary):
            self.keys[key] = (*self.keys.get(key, ()), i)
        for key in sorted(aliases):
            self.keys[key] = (*self.keys.get(key, ()), ~i)
        self.starts |= starts

    def remove(self, i: int, row: Row) -> None:
        """Forget row ``i``'s keys (before it is replaced)."""
        primary, aliases, _ = row_keys(row)
        for key in primary | aliases:
            left = tuple(e for e in self.keys.get(key, ()) if e not in (i, ~i))
            if left:
                self.keys[key] = left
            else:
                self.keys.pop(key, None)


def build_index(rows: list[Row]) -> Index:
    """Index every row, folding each distinct spelling once."""
    index = Index()
    memo: dict[str, str] = {}

    def fold_key(text: str) -> str:
        key = memo.get(text)
        if key is None:
            key = memo[text] = fold(text)
        return key

    for i, row in enumerate(rows):
        index.add(i, row, fold_key=fold_key)
    return index


def merge(rows: list[Row], index: Index, new_rows: Iterable[Row]) -> None:
    """Add rows in place; a row whose id exists replaces the old row and its keys."""
    positions = {row[0]: i for i, row in enumerate(rows)}
    for row in new_rows:
        i = positions.get(row[0])
        if i is None:
            i = positions[row[0]] = len(rows)
            rows.append(row)
        else:
            index.remove(i, rows[i])
            rows[i] = row
        index.add(i, row)


def _fail(path: str, line: int | None, problem: str) -> GazetteerError:
    where = f"{path} line {line}" if line is not None else path
    return GazetteerError(f"{where}: {problem}")


def _number(path: str, line: int, column: str, text: str, low: float, high: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _fail(path, line, f"{column} {text!r} is not a number") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise _fail(path, line, f"{column} {text} is out of range ({low:g} to {high:g})")
    return value


def _decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise _fail(path, line, f"byte 0x{byte:02x} is not UTF-8 text") from None


def read_csv(path: str | os.PathLike[str], *, user: bool) -> list[Row]:
    """Parse and validate a gazetteer CSV into row tuples.

    Only ``id, name, lat, lon`` are required. Rows of a user file (``user=True``) that name no
    ``source`` get the file's name as source, so outputs show where they came from.
    """
    shown = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise _fail(shown, None, "no such file") from None
    except OSError as error:
        raise _fail(shown, None, error.strerror or "cannot be read") from None
    return parse_csv(shown, data, default_source=Path(path).name if user else "")


def parse_csv(shown: str, data: bytes, *, default_source: str = "") -> list[Row]:
    """Parse CSV bytes; ``shown`` names the file in error messages."""
    reader = csv.DictReader(io.StringIO(_decode(shown, data), newline=""))
    header = reader.fieldnames or []
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise _fail(shown, 1, "missing column(s) " + ", ".join(missing))
    rows: list[Row] = []
    first_line: dict[str, int] = {}
    line = 1
    try:
        for record in reader:
            line = reader.line_num
            rows.append(_parse(shown, line, record, first_line, default_source))
    except csv.Error as error:
        raise _fail(shown, reader.line_num, f"malformed CSV ({error})") from None
    return rows


def _parse(
    path: str, line: int, record: dict[str, Any], seen: dict[str, int], default_source: str
) -> Row:
    def text(column: str) -> str:
        value = record.get(column)
        return value.strip() if isinstance(value, str) else ""

    place_id, name = text("id"), text("name")
    if not place_id:
        raise _fail(path, line, "empty id")
    if place_id in seen:
        raise _fail(path, line, f"duplicate id {place_id!r} (first on line {seen[place_id]})")
    seen[place_id] = line
    if not name:
        raise _fail(path, line, "empty name")
    lat = _number(path, line, "lat", text("lat"), -90.0, 90.0)
    lon = _number(path, line, "lon", text("lon"), -180.0, 180.0)
    population_text = text("population")
    try:
        population = int(float(population_text)) if population_text else 0
    except ValueError:
        raise _fail(path, line, f"population {population_text!r} is not a number") from None
    aliases = tuple(alias.strip() for alias in text("aliases").split("|") if alias.strip())
    return (
        place_id,
        name,
        lat,
        lon,
        text("country") or "UA",
        text("admin1"),
        text("admin2"),
        text("name_uk"),
        text("name_ru"),
        aliases,
        population,
        text("kind") or "village",
        text("source") or default_source,
    )


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/kharkivmap``, else ``~/.cache/kharkivmap``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kharkivmap"


def _fingerprint(data: bytes) -> str:
    digest = hashlib.blake2b(_CACHE_FORMAT, digest_size=16)
    package = Path(__file__).parent
    for name in _CODE_FILES:
        digest.update((package / name).read_bytes())
    digest.update(data)
    return digest.hexdigest()


def load_cached(path: Path, *, cache_dir: Path) -> tuple[list[Row], Index]:
    """Rows and index of the shipped CSV, from the pickle cache when it matches the file."""
    try:
        data = path.read_bytes()
    except OSError:
        raise _fail(str(path), None, "the shipped gazetteer is missing") from None
    cache_file = cache_dir / f"gazetteer-{_fingerprint(data)}.pickle"
    try:
        with cache_file.open("rb") as handle:
            rows, index = pickle.load(handle)
        return rows, index
    except Exception:  # any unreadable or stale-format cache is rebuilt from the CSV below
        pass
    rows = parse_csv(str(path), data)
    index = build_index(rows)
    try:
        for stale in cache_dir.glob("gazetteer-*.pickle"):
            stale.unlink()
        write_atomic(cache_file, pickle.dumps((rows, index), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only home or a full disk only costs the next start its speed
    return rows, index
