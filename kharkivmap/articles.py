"""Reading articles from files, folders and corpora, without ever stopping at one bad input.

Real collections of reporting are messy: legacy Cyrillic encodings, stray binaries, empty files,
broken corpus lines, impossible dates. Every such input becomes a :class:`Problem` handed to the
caller's ``on_problem`` callback, and reading carries on with the next one; only a path that does
not exist, or a call that yields no article at all, raises :class:`~kharkivmap.errors.ArticleError`.

Inputs:

- ``.txt``/``.md`` files: one article each, id = file name. An optional front matter block
  (``---`` lines around ``key: value`` pairs: ``published``, ``title``, ``url``, ``outlet``) gives
  metadata; the title defaults to the first non-empty line.
- ``.html``/``.htm`` pages: main text, title, url, date and site name extracted by trafilatura.
- ``.jsonl`` and ``.csv`` corpora: one article per row (``id``, ``text``, ``published`` and optional
  ``title``, ``url``, ``outlet``); a broken row is a problem named ``file:line``.
- Folders: read recursively in sorted order, skipping hidden entries. A ``manifest.csv`` in a folder
  (``file``, ``published`` and optional ``title``, ``url``, ``outlet``) gives metadata for the files
  it lists, overriding their front matter; unlisted files are read too. Ids of files below the
  given folder are their paths relative to it (a file at the top level: its name). Files named
  one by one also take the metadata of a manifest next to them.

Single-article files larger than ``max_bytes`` (20 MB by default) are skipped rather than read,
so one stray dump cannot exhaust memory; corpora are streamed row by row and have no file limit.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kharkivmap.errors import ArticleError
from kharkivmap.models import Article

__all__ = ["MAX_BYTES", "Problem", "parse_published", "read_articles"]

MAX_BYTES = 20_000_000

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".csv"})
MANIFEST = "manifest.csv"
METADATA_KEYS = ("published", "title", "url", "outlet")
# Legacy single-byte encodings Ukrainian and Russian text still arrives in.
LEGACY_ENCODINGS = ("cp1251", "koi8_u")

_DATE_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input. ``skipped`` is False for a warning: the article was read."""

    source: str
    reason: str
    skipped: bool = True


ProblemHandler = Callable[[Problem], None]


def parse_published(value: str) -> date:
    """Parse a publication date: ISO dates and datetimes, "10 September 2022", "Sep 10, 2022".

    Raises ``ValueError`` naming the value when it is impossible (2022-02-30) or unrecognised.
    """
    text = " ".join(value.split()).strip("\"'")
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            raise ValueError(f"impossible date {value!r}") from None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.replace("Sept ", "Sep "), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unrecognised date {value!r}")


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_problem: ProblemHandler | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article]:
    """Stream the articles of ``paths`` (files or folders), reporting bad inputs to ``on_problem``.

    Missing paths raise :class:`ArticleError` at once, before anything is read; so does an input
    set that turns out to hold no readable article, once the stream ends.
    """
    given = [Path(p) for p in paths]
    if not given:
        raise ArticleError("no article paths given")
    missing = [str(p) for p in given if not p.exists()]
    if missing:
        raise ArticleError("no such file or folder: " + ", ".join(missing))
    return _Reader(on_problem or (lambda _problem: None), max_bytes).stream(given)


class _Reader:
    """One reading run: the problem sink, the size limit, the paths and manifests already read."""

    def __init__(self, report: ProblemHandler, max_bytes: int) -> None:
        self.report = report
        self.max_bytes = max_bytes
        self.seen: set[Path] = set()
        self.manifests: dict[Path, dict[Path, dict[str, str]]] = {}

    def stream(self, given: list[Path]) -> Iterator[Article]:
        count = 0
        for path in given:
            for article in self._path(path):
                count += 1
                yield article
        if count == 0:
            raise ArticleError("no readable articles in " + ", ".join(map(str, given)))

    def _path(self, path: Path) -> Iterator[Article]:
        if path.is_dir():
            yield from self._folder(path)
            return
        if path.name == MANIFEST:
            return  # metadata for its neighbours (as in ``seeds/*``), not an article corpus
        # A file named on its own (``seeds/*.txt``) still takes its folder manifest's metadata;
        # that manifest's other rows are not this run's business, so their problems stay quiet.
        manifest = path.parent / MANIFEST
        if manifest not in self.manifests:
            found = manifest.is_file()
            self.manifests[manifest] = self._manifest(manifest, quiet=True) if found else {}
        yield from self._file(path, path.name, self.manifests[manifest].get(path.resolve(), {}))

    def _folder(self, root: Path) -> Iterator[Article]:
        metadata: dict[Path, dict[str, str]] = {}
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            here = Path(folder)
            if MANIFEST in files:
                metadata.update(self._manifest(here / MANIFEST))
            for name in sorted(files):
                if name.startswith(".") or name == MANIFEST:
                    continue
                path = here / name
                article_id = path.relative_to(root).as_posix()
                yield from self._file(path, article_id, metadata.get(path.resolve(), {}))

    def _manifest(self, manifest: Path, *, quiet: bool = False) -> dict[Path, dict[str, str]]:
        """Metadata by file for one manifest; rows naming missing files are problems."""
        entries: dict[Path, dict[str, str]] = {}
        report = (lambda _problem: None) if quiet else self.report
        try:
            with manifest.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                if "file" not in (reader.fieldnames or ()):
                    report(Problem(str(manifest), "no 'file' column; manifest ignored"))
                    return entries
                for row in reader:
                    name = (row.get("file") or "").strip()
                    if not name:
                        continue
                    target = manifest.parent / name
                    if not target.is_file():
                        where = f"{manifest}:{reader.line_num}"
                        report(Problem(where, f"listed file {name!r} not found"))
                        continue
                    entries[target.resolve()] = {
                        key: value.strip()
                        for key in METADATA_KEYS
                        if isinstance(value := row.get(key), str) and value.strip()
                    }
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            report(Problem(str(manifest), f"unreadable manifest ({error}); manifest ignored"))
        return entries

    def _file(self, path: Path, article_id: str, meta: dict[str, str]) -> Iterator[Article]:
        resolved = path.resolve()
        if resolved in self.seen:
            return
        self.seen.add(resolved)
        suffix = path.suffix.lower()
        source = str(path)
        if suffix in CORPUS_SUFFIXES:
            reader = self._jsonl if suffix == ".jsonl" else self._csv
            yield from reader(path)
            return
        if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
            self.report(Problem(source, f"unsupported file type {suffix or '(none)'!r}"))
            return
        text = self._decode(path)
        if text is None:
            return
        if suffix in HTML_SUFFIXES:
            fields = _html_fields(text)
            if fields is None:
                self.report(Problem(source, "no article text found in HTML"))
                return
        else:
            fields = _text_fields(text)
        fields.update(meta)
        article = self._article(article_id, fields, source)
        if article is not None:
            yield article

    def _decode(self, path: Path) -> str | None:
        """The file's text, or None after reporting why it cannot be read."""
        source = str(path)
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                self.report(Problem(source, _too_large(size, self.max_bytes)))
                return None
            data = path.read_bytes()
        except OSError as error:
            self.report(Problem(source, f"unreadable ({error.strerror or error})"))
            return None
        if not data.strip():
            self.report(Problem(source, "empty"))
            return None
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # Windows editors' "Unicode": full of NUL bytes, yet text.
            try:
                return data.decode("utf-16")
            except UnicodeDecodeError:
                pass
        if b"\x00" in data:
            self.report(Problem(source, "binary file (NUL bytes)"))
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        encoding, text = _guess_legacy(data)
        if text is None:
            self.report(Problem(source, "not text (neither UTF-8 nor a Cyrillic legacy encoding)"))
            return None
        self.report(Problem(source, f"not UTF-8; decoded as {encoding}", skipped=False))
        return text

    def _jsonl(self, path: Path) -> Iterator[Article]:
        try:
            with path.open("rb") as handle:
                for number, raw in enumerate(handle, start=1):
                    if not raw.strip():
                        continue
                    where = f"{path}:{number}"
                    try:
                        row = json.loads(raw.decode("utf-8-sig").rstrip("\r\n"))
                    except UnicodeDecodeError:
                        self.report(Problem(where, "not UTF-8"))
                        continue
                    except json.JSONDecodeError as error:
                        self.report(Problem(where, f"invalid JSON ({error.msg})"))
                        continue
                    article = self._row(row, path, number)
                    if article is not None:
                        yield article
        except OSError as error:
            self.report(Problem(str(path), f"unreadable ({error.strerror or error})"))

    def _csv(self, path: Path) -> Iterator[Article]:
        # Article texts are long; the csv module's default 128 KB field cap would reject them.
        csv.field_size_limit(max(csv.field_size_limit(), self.max_bytes))
        line = 1
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                if "text" not in (reader.fieldnames or ()):
                    self.report(Problem(str(path), "no 'text' column"))
                    return
                start = reader.line_num + 1
                for row in reader:
                    line, start = start, reader.line_num + 1
                    article = self._row(row, path, line)
                    if article is not None:
                        yield article
        except (UnicodeDecodeError, csv.Error) as error:
            reason = "not UTF-8" if isinstance(error, UnicodeDecodeError) else str(error)
            self.report(Problem(f"{path}:{line}", f"{reason}; rest of file skipped"))
        except OSError as error:
            self.report(Problem(str(path), f"unreadable ({error.strerror or error})"))

    def _row(self, row: Any, path: Path, number: int) -> Article | None:
        where = f"{path}:{number}"
        if not isinstance(row, dict):
            self.report(Problem(where, "not an object"))
            return None
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            self.report(Problem(where, "missing 'text'"))
            return None
        if len(text) > self.max_bytes:
            self.report(Problem(where, _too_large(len(text.encode()), self.max_bytes)))
            return None
        fields = {"text": text}
        for key in METADATA_KEYS:
            value = row.get(key)
            if value not in (None, ""):
                fields[key] = str(value)
        ident = row.get("id")
        article_id = str(ident) if ident not in (None, "") else f"{path.name}:{number}"
        return self._article(article_id, fields, where)

    def _article(self, article_id: str, fields: dict[str, str], source: str) -> Article | None:
        text = fields["text"]
        if not text.strip():
            self.report(Problem(source, "empty"))
            return None
        article = Article(
            id=article_id,
            text=text,
            title=fields.get("title") or _first_line(text),
            url=fields.get("url"),
            outlet=fields.get("outlet"),
            source=source,
        )
        published = fields.get("published")
        if not published:
            self.report(Problem(source, "no publication date; its dates are unknown", False))
            return article
        try:
            return replace(article, published=parse_published(published))
        except ValueError as error:
            self.report(Problem(source, f"{error}; its dates are unknown", skipped=False))
            return article


def _text_fields(text: str) -> dict[str, str]:
    """Split an optional front matter block off a text file; values are kept as strings."""
    fields: dict[str, str] = {}
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for index, line in enumerate(lines[1:], start=1):
            if line.strip() == "---":
                text = "\n".join(lines[index + 1 :])
                break
            key, sep, value = line.partition(":")
            key = key.strip().lower()
            if sep and key in METADATA_KEYS and value.strip():
                fields[key] = value.strip().strip("\"'")
        else:
            # An opening marker without a closing one is text, not metadata.
            fields = {}
    fields["text"] = text
    return fields


def _html_fields(html: str) -> dict[str, str] | None:
    """Main text and metadata of a web page, or None when it holds no article text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        # Only dates the page states; a guessed date would silently shift every relative date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(document, "text", None)
    if not text or not text.strip():
        return None
    fields = {"text": text}
    for key, attribute in (("title", "title"), ("url", "url"), ("published", "date")):
        value = getattr(document, attribute, None)
        if value:
            fields[key] = str(value)
    outlet = getattr(document, "sitename", None) or getattr(document, "hostname", None)
    if outlet:
        fields["outlet"] = str(outlet)
    return fields


def _guess_legacy(data: bytes) -> tuple[str, str | None]:
    """Pick the legacy Cyrillic encoding that reads ``data`` as the most plausible text.

    Running text is mostly lower case; the same bytes read in the wrong one of cp1251 and koi8-u
    come out mostly upper case, so the share of lower-case Cyrillic letters decides.
    """
    best: tuple[float, str, str | None] = (0.0, LEGACY_ENCODINGS[0], None)
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        non_ascii = [ch for ch in text if ord(ch) > 127]
        cyrillic = [ch for ch in non_ascii if _CYRILLIC.match(ch)]
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
        # Mostly non-Cyrillic high bytes or control bytes: some other binary or encoding.
        if not cyrillic or len(cyrillic) < 0.8 * len(non_ascii) or controls > len(text) // 100:
            continue
        score = sum(1 for ch in cyrillic if ch.islower()) / len(cyrillic)
        if score > best[0]:
            best = (score, encoding, text)
    return best[1], best[2]


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return None


def _too_large(size: int, limit: int) -> str:
    return f"too large: {size / 1e6:.1f} MB > {limit / 1e6:g} MB limit"
