"""Pinned assets: cache location, layouts, checksums, fetching (never from the network here)."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

import pytest

from kharkivmap import assets
from kharkivmap.assets import Asset, fetch_assets, inline_css, inline_js, load_assets, locate
from kharkivmap.errors import AssetsError

NPM = Path(os.environ.get("KHARKIVMAP_ASSETS_NPM", Path(__file__).parent.parent / ".ci/npm-assets"))

JS = b"console.log('</script>');"
PNG = b"\x89PNG fake"
CSS = b".a { background: url(img/x.png); } .b { behavior: url(#default#VML); }"


def _asset(path: str, data: bytes) -> Asset:
    return Asset("pkg", "1.0.0", path, hashlib.sha256(data).hexdigest(), "https://cdn.test/npm/")


FAKE = (_asset("dist/a.js", JS), _asset("dist/a.css", CSS), _asset("dist/img/x.png", PNG))
CONTENT = {"dist/a.js": JS, "dist/a.css": CSS, "dist/img/x.png": PNG}


@pytest.fixture
def fake_manifest(monkeypatch: pytest.MonkeyPatch) -> tuple[Asset, ...]:
    monkeypatch.setattr(assets, "manifest", lambda: FAKE)
    return FAKE


def _fill(root: Path, *, skip: str = "", corrupt: str = "") -> None:
    for path, data in CONTENT.items():
        if path == skip:
            continue
        target = root / "pkg" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"tampered" if path == corrupt else data)


def test_asset_url_and_key_follow_the_cdn_layout() -> None:
    asset = FAKE[0]
    assert asset.url == "https://cdn.test/npm/pkg@1.0.0/dist/a.js"
    assert asset.key == "pkg/dist/a.js"


def test_cache_dir_honours_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert assets.cache_dir() == tmp_path / "kharkivmap" / "assets"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert assets.cache_dir() == Path.home() / ".cache" / "kharkivmap" / "assets"


def test_load_assets_reads_a_cache_folder(fake_manifest: object, tmp_path: Path) -> None:
    _fill(tmp_path)
    files = load_assets(assets_dir=tmp_path)
    assert files == {f"pkg/{path}": data for path, data in CONTENT.items()}


def test_load_assets_reads_an_npm_prefix_folder(fake_manifest: object, tmp_path: Path) -> None:
    _fill(tmp_path / "node_modules")
    assert locate(FAKE[0], assets_dir=tmp_path) == tmp_path / "node_modules/pkg/dist/a.js"
    assert len(load_assets(assets_dir=tmp_path)) == 3


def test_load_assets_defaults_to_the_cache(
    fake_manifest: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _fill(tmp_path / "kharkivmap" / "assets")
    assert len(load_assets()) == 3


def test_a_missing_asset_says_how_to_get_it(fake_manifest: object, tmp_path: Path) -> None:
    _fill(tmp_path, skip="dist/a.css")
    with pytest.raises(AssetsError) as caught:
        load_assets(assets_dir=tmp_path)
    assert str(caught.value) == (
        f"missing asset pkg@1.0.0/dist/a.css in {tmp_path}; "
        "run `kharkivmap assets fetch` or pass --assets-dir"
    )


def test_a_missing_folder_is_an_assets_error(fake_manifest: object, tmp_path: Path) -> None:
    with pytest.raises(AssetsError, match="does not exist; run `kharkivmap assets fetch`"):
        load_assets(assets_dir=tmp_path / "nope")


def test_a_tampered_asset_is_rejected(fake_manifest: object, tmp_path: Path) -> None:
    _fill(tmp_path, corrupt="dist/a.js")
    with pytest.raises(
        AssetsError, match=re.escape("does not match the pinned checksum of pkg@1.0.0")
    ):
        load_assets(assets_dir=tmp_path)


def test_fetch_downloads_verifies_and_stores(fake_manifest: object, tmp_path: Path) -> None:
    asked: list[str] = []
    states: list[str] = []

    def download(url: str) -> bytes:
        asked.append(url)
        return CONTENT[url.split("pkg@1.0.0/", 1)[1]]

    root = fetch_assets(dest=tmp_path, download=download, on_file=lambda a, s: states.append(s))
    assert root == tmp_path
    assert asked == [asset.url for asset in FAKE]
    assert states == ["fetched"] * 3
    assert load_assets(assets_dir=tmp_path)["pkg/dist/a.js"] == JS

    states.clear()
    fetch_assets(
        dest=tmp_path, download=lambda url: pytest.fail(url), on_file=lambda a, s: states.append(s)
    )
    assert states == ["present"] * 3


def test_fetch_refuses_a_download_with_the_wrong_checksum(
    fake_manifest: object, tmp_path: Path
) -> None:
    with pytest.raises(AssetsError, match="does not match its pinned checksum; not saved"):
        fetch_assets(dest=tmp_path, download=lambda url: b"evil")
    assert not (tmp_path / "pkg" / "dist" / "a.js").exists()


def test_fetch_reports_download_failures(fake_manifest: object, tmp_path: Path) -> None:
    def offline(url: str) -> bytes:
        raise OSError("network unreachable")

    with pytest.raises(AssetsError) as caught:
        fetch_assets(dest=tmp_path, download=offline)
    assert str(caught.value) == (
        "cannot download https://cdn.test/npm/pkg@1.0.0/dist/a.js: network unreachable"
    )


def test_inline_js_cannot_close_its_script_element() -> None:
    text = inline_js(b"a='</script><script>x()</SCRIPT>'; b='<!--'")
    assert "</script" not in text.lower() and "<!--" not in text
    assert text == "a='<\\/script><script>x()<\\/SCRIPT>'; b='<\\!--'"


def test_inline_css_embeds_referenced_files_as_data_uris() -> None:
    files = {"pkg/dist/a.css": CSS + b"</style>", "pkg/dist/img/x.png": PNG}
    css = inline_css("pkg/dist/a.css", files)
    encoded = base64.b64encode(PNG).decode()
    assert f'url("data:image/png;base64,{encoded}")' in css
    assert "url(#default#VML)" in css
    assert "</style" not in css


def test_inline_css_rejects_a_file_outside_the_manifest() -> None:
    with pytest.raises(
        AssetsError, match=re.escape("refers to img/x.png, which the asset manifest lacks")
    ):
        inline_css("pkg/dist/a.css", {"pkg/dist/a.css": CSS})


def test_the_shipped_manifest_pins_leaflet_and_the_timeline() -> None:
    keys = {asset.key for asset in assets.manifest()}
    assert {"leaflet/dist/leaflet.js", "leaflet/dist/leaflet.css"} <= keys
    assert "leaflet.timeline/dist/leaflet.timeline.js" in keys
    assert all(asset.url.startswith("https://cdn.jsdelivr.net/npm/") for asset in assets.manifest())


@pytest.mark.skipif(not (NPM / "node_modules" / "leaflet").is_dir(), reason="npm assets missing")
def test_the_pinned_checksums_match_the_npm_packages() -> None:
    files = load_assets(assets_dir=NPM)
    css = inline_css("leaflet/dist/leaflet.css", files)
    assert "url(images/" not in css
