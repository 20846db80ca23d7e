"""Headless Chromium (Debian's, driven by playwright) with every network request accounted for.

``file://`` loads go through; the pinned CDN files are answered from the npm copies that
``.ci/run`` installs (``$KHARKIVMAP_ASSETS_NPM``, default ``.ci/npm-assets``); anything else
is aborted and recorded, so a test sees every attempt to reach the network.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kharkivmap.assets import locate, manifest

CHROMIUM = os.environ.get("KHARKIVMAP_CHROMIUM", "/usr/bin/chromium")
NPM = Path(
    os.environ.get("KHARKIVMAP_ASSETS_NPM", Path(__file__).parents[2] / ".ci" / "npm-assets")
)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TYPES = {".js": "application/javascript", ".css": "text/css", ".png": "image/png"}


@dataclass
class Page:
    """A loaded page plus what it tried to do: errors and network requests."""

    page: Any
    errors: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)


# CI sets this so that a missing browser fails the run instead of skipping the browser tests.
REQUIRED = os.environ.get("KHARKIVMAP_REQUIRE_BROWSER") == "1"


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason}; KHARKIVMAP_REQUIRE_BROWSER=1 forbids skipping", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def npm_assets() -> Path:
    if not (NPM / "node_modules" / "leaflet").is_dir():
        _unavailable(f"npm assets missing in {NPM} (run .ci/run or npm install as it does)")
    return NPM


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        _unavailable(f"chromium not found at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def open_map(chromium: Any, npm_assets: Path) -> Iterator[Callable[..., Page]]:
    """``open_map(path, timezone_id=None)``: load a map and wait for ``window.kharkivmap``."""
    local = {asset.url: locate(asset, assets_dir=npm_assets) for asset in manifest()}
    contexts: list[Any] = []

    def load(path: Path, *, timezone_id: str | None = None, ready: bool = True) -> Page:
        context = chromium.new_context(
            timezone_id=timezone_id, viewport={"width": 1280, "height": 800}
        )
        contexts.append(context)
        page = context.new_page()
        result = Page(page)
        page.on("pageerror", lambda error: result.errors.append(f"pageerror: {error}"))
        page.on(
            "console",
            lambda message: (
                result.errors.append(f"console: {message.text}")
                if message.type == "error"
                else None
            ),
        )

        def route(request_route: Any) -> None:
            url = request_route.request.url
            if url.startswith("file://"):
                request_route.continue_()
            elif local.get(url) is not None:
                result.served.append(url)
                target = local[url]
                request_route.fulfill(
                    path=str(target),
                    content_type=TYPES.get(target.suffix, "application/octet-stream"),
                )
            else:
                result.blocked.append(url)
                request_route.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        if ready:
            page.wait_for_function("window.kharkivmap && window.kharkivmap.map !== undefined")
        return result

    yield load
    for context in contexts:
        context.close()
