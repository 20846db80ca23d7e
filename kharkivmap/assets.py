"""The JavaScript and CSS a map needs, pinned by version and checksum, for offline maps.

A self-contained map inlines Leaflet and leaflet.timeline, so the files must be on disk: in the
cache that ``kharkivmap assets fetch`` fills (``$XDG_CACHE_HOME/kharkivmap/assets``, else
``~/.cache/kharkivmap/assets``) or in a folder the caller names. Every file is checked against
the sha256 pinned in ``assets/manifest.json``, so a tampered or wrong-version copy never ends
up inside a map.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kharkivmap.errors import AssetsError

__all__ = [
    "Asset",
    "cache_dir",
    "fetch_assets",
    "inline_css",
    "inline_js",
    "load_assets",
    "locate",
    "manifest",
]

_HINT = "run `kharkivmap assets fetch` or pass --assets-dir"
_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass(frozen=True, slots=True)
class Asset:
    """One pinned file of an npm package, as served verbatim by the CDN."""

    package: str
    version: str
    path: str
    sha256: str
    cdn: str

    @property
    def key(self) -> str:
        """``package/path``: the file's place in a ``node_modules`` tree and in the cache."""
        return f"{self.package}/{self.path}"

    @property
    def url(self) -> str:
        return f"{self.cdn}{self.package}@{self.version}/{self.path}"


@cache
def manifest() -> tuple[Asset, ...]:
    """The pinned assets listed in the package's ``assets/manifest.json``."""
    text = resources.files("kharkivmap").joinpath("assets/manifest.json").read_text("utf-8")
    data = json.loads(text)
    return tuple(Asset(cdn=data["cdn"], **entry) for entry in data["files"])


def cache_dir() -> Path:
    """Where ``fetch_assets`` stores files by default (XDG_CACHE_HOME is honoured)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kharkivmap" / "assets"


def _candidates(asset: Asset, root: Path) -> list[Path]:
    # The cache mirrors node_modules; an npm prefix folder (npm install --prefix) nests it.
    return [root / asset.package / asset.path, root / "node_modules" / asset.package / asset.path]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def locate(asset: Asset, *, assets_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """The first existing copy of ``asset`` under ``assets_dir`` (default: the cache)."""
    root = Path(assets_dir) if assets_dir is not None else cache_dir()
    return next((path for path in _candidates(asset, root) if path.is_file()), None)


def load_assets(*, assets_dir: str | os.PathLike[str] | None = None) -> dict[str, bytes]:
    """Every pinned file's bytes keyed by ``Asset.key``, checksums verified.

    Raises ``AssetsError`` naming the first missing or altered file and how to get it.
    """
    root = Path(assets_dir) if assets_dir is not None else cache_dir()
    if assets_dir is not None and not root.is_dir():
        raise AssetsError(f"assets folder {str(root)!r} does not exist; {_HINT}")
    found: dict[str, bytes] = {}
    for asset in manifest():
        path = locate(asset, assets_dir=root)
        if path is None:
            raise AssetsError(
                f"missing asset {asset.package}@{asset.version}/{asset.path} in {root}; {_HINT}"
            )
        data = path.read_bytes()
        if _digest(data) != asset.sha256:
            raise AssetsError(
                f"asset {path} does not match the pinned checksum of "
                f"{asset.package}@{asset.version}; {_HINT}"
            )
        found[asset.key] = data
    return found


def _download(url: str) -> bytes:
    from urllib.request import urlopen

    with urlopen(url, timeout=60) as response:
        return response.read()


def fetch_assets(
    *,
    dest: str | os.PathLike[str] | None = None,
    download: Callable[[str], bytes] | None = None,
    on_file: Callable[[Asset, str], Any] | None = None,
) -> Path:
    """Download every pinned file that is missing or altered into ``dest`` (default: the cache).

    ``download`` maps a URL to its bytes (urllib by default); ``on_file(asset, state)`` hears
    ``"present"`` or ``"fetched"`` per file. A file whose checksum differs is never written.
    """
    from kharkivmap.outputs import write_atomic

    root = Path(dest) if dest is not None else cache_dir()
    download = download or _download

    for asset in manifest():
        target = root / asset.package / asset.path
        if target.is_file() and _digest(target.read_bytes()) == asset.sha256:
            state = "present"
        else:
            try:
                data = download(asset.url)
            except OSError as error:
                raise AssetsError(f"cannot download {asset.url}: {error}") from None
            if _digest(data) != asset.sha256:
                raise AssetsError(f"{asset.url} does not match its pinned checksum; not saved")
            write_atomic(target, data)
            state = "fetched"
        if on_file is not None:
            on_file(asset, state)
    return root


def inline_js(code: bytes | str) -> str:
    """Script text safe inside ``<script>``: no ``</script`` or ``<!--`` can end or bend it."""
    text = code.decode("utf-8") if isinstance(code, bytes) else code
    text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
    return text.replace("<!--", "<\\!--")


def inline_css(key: str, files: dict[str, bytes]) -> str:
    """The stylesheet ``key`` with every ``url(...)`` to a pinned file turned into a data URI."""
    css = files[key].decode("utf-8")
    base = posixpath.dirname(key)

    def replace(match: re.Match[str]) -> str:
        target = match.group(2).strip()
        if target.startswith(("#", "data:")):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(base, target))
        if resolved not in files:
            raise AssetsError(f"{key} refers to {target}, which the asset manifest lacks")
        mime = _MIME.get(posixpath.splitext(resolved)[1], "application/octet-stream")
        encoded = base64.b64encode(files[resolved]).decode("ascii")
        return f'url("data:{mime};base64,{encoded}")'

    css = _CSS_URL.sub(replace, css)
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
