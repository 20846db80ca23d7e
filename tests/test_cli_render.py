"""The render and assets commands: inputs, options, messages and exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kharkivmap import assets
from kharkivmap.assets import Asset
from kharkivmap.claims_io import write_claims
from kharkivmap.cli import cli
from kharkivmap.models import Claim, Place

NPM = Path(os.environ.get("KHARKIVMAP_ASSETS_NPM", Path(__file__).parent.parent / ".ci/npm-assets"))
SEEDS = Path(__file__).parent.parent / "seeds"

IZIUM = Place("izium", "Izium", 49.2122, 37.2567, name_uk="Ізюм", kind="town")
CLAIMS = [
    Claim(article=f"a{i}", published=day, place=IZIUM, mention="Izium", start=0, end=5,
          event="captured", actor=side, controller=side, date=day, date_precision="day",
          claimant=None, hedged=False, sentence=f"{side} took Izium.", confidence=0.9,
          title="T", url="https://example.org/", outlet="O")
    for i, (side, day) in enumerate([("RU", date(2022, 4, 1)), ("UA", date(2022, 9, 10))])
]  # fmt: skip


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def data_of(path: Path) -> dict:
    page = path.read_text(encoding="utf-8")
    block = re.search(r'id="kharkivmap-data">(.*?)</script>', page)
    return json.loads(block.group(1))


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_render_reads_claims_files(tmp_path: Path, fmt: str) -> None:
    claims = tmp_path / f"claims.{fmt}"
    write_claims(CLAIMS, claims, format=fmt)
    out = tmp_path / "maps" / "izium.html"
    result = run("render", str(claims), "-o", str(out), "--tiles", "none")
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"wrote {out} ({out.stat().st_size // 1024} KB): 1 places, 2 intervals from 2 claims "
        "of 2 articles\n"
    )
    assert data_of(out)["meta"]["claims"] == 2


def test_render_options_reach_the_map(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    write_claims(CLAIMS, claims, format="jsonl")
    out = tmp_path / "map.html"
    result = run(
        "render", str(claims), "-o", str(out), "-q", "--from", "2022-09-01", "--to", "2022-12-31",
        "--slice", "month", "--title", "Izium <b>", "--tiles", "dark",
    )  # fmt: skip
    assert result.exit_code == 0 and result.output == ""
    page = out.read_text(encoding="utf-8")
    assert data_of(out)["meta"]["slice"] == "month"
    assert "<title>Izium &lt;b&gt;</title>" in page
    assert "World_Dark_Gray_Base" in page


def test_render_opens_the_browser_when_asked(tmp_path: Path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    claims = tmp_path / "claims.jsonl"
    write_claims(CLAIMS, claims, format="jsonl")
    out = tmp_path / "map.html"
    assert run("render", str(claims), "-o", str(out), "-q", "--open").exit_code == 0
    assert opened == [out.resolve().as_uri()]


def test_render_without_assets_explains_how_to_get_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    claims = tmp_path / "claims.jsonl"
    write_claims(CLAIMS, claims, format="jsonl")
    out = tmp_path / "map.html"
    result = run("render", str(claims), "-o", str(out), "--self-contained")
    assert result.exit_code == 1
    assert result.output == (
        "Error: missing asset leaflet@1.9.3/dist/leaflet.js in "
        f"{tmp_path / 'cache' / 'kharkivmap' / 'assets'}; "
        "run `kharkivmap assets fetch` or pass --assets-dir\n"
    )
    assert not out.exists()


@pytest.mark.skipif(not (NPM / "node_modules" / "leaflet").is_dir(), reason="npm assets missing")
def test_render_self_contained_from_an_npm_folder(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    write_claims(CLAIMS, claims, format="jsonl")
    out = tmp_path / "map.html"
    result = run(
        "render", str(claims), "-o", str(out), "-q", "--tiles", "none",
        "--self-contained", "--assets-dir", str(NPM),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert not re.search(r"<script[^>]+src=|<link", out.read_text(encoding="utf-8"))


def test_render_rejects_a_missing_path_and_a_bad_date(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = run("render", str(tmp_path / "nope"), "-o", str(out))
    assert result.exit_code == 1
    assert result.output == f"Error: no such file or folder: {tmp_path / 'nope'}\n"
    result = run("render", str(tmp_path), "-o", str(out), "--from", "2022-13-01")
    assert result.exit_code == 2
    assert "Invalid value for '--from'" in result.output


def test_render_reports_a_malformed_claims_file(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"place_id": "1", "event": "captured"}\n', encoding="utf-8")
    result = run("render", str(claims), "-o", str(tmp_path / "map.html"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "Traceback" not in result.output


def test_render_seed_articles_through_the_pipeline(tmp_path: Path) -> None:
    pytest.importorskip("kharkivmap.parser")
    out = tmp_path / "kharkiv.html"
    result = run("render", str(SEEDS), "-o", str(out), "--tiles", "none")
    assert result.exit_code == 0, result.output
    meta = data_of(out)["meta"]
    assert meta["articles"] == 5 and meta["places"] >= 5


FILES = {"dist/a.js": b"a()", "dist/b.css": b".b{}"}


@pytest.fixture
def fake_manifest(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tuple(
        Asset("pkg", "1.0.0", path, hashlib.sha256(data).hexdigest(), "https://cdn.test/npm/")
        for path, data in FILES.items()
    )
    monkeypatch.setattr(assets, "manifest", lambda: fake)
    monkeypatch.setattr(assets, "_download", lambda url: FILES[url.split("@1.0.0/")[1]])


def test_assets_fetch_then_check(fake_manifest: None, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    root = tmp_path / "kharkivmap" / "assets"
    result = run("assets", "fetch")
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"fetched  pkg@1.0.0/dist/a.js\nfetched  pkg@1.0.0/dist/b.css\nassets ready in {root}\n"
    )
    assert (root / "pkg" / "dist" / "a.js").read_bytes() == b"a()"
    result = run("assets", "check")
    assert (result.exit_code, result.output) == (0, "2 pinned asset files present and verified\n")
    assert run("assets", "fetch", "-q").output == ""


def test_assets_fetch_into_a_folder_and_check_a_broken_one(
    fake_manifest: None, tmp_path: Path
) -> None:
    result = run("assets", "fetch", "--dir", str(tmp_path), "-q")
    assert result.exit_code == 0
    (tmp_path / "pkg" / "dist" / "b.css").write_bytes(b"changed")
    result = run("assets", "check", "--assets-dir", str(tmp_path))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: asset {tmp_path / 'pkg' / 'dist' / 'b.css'} does not match the pinned checksum "
        "of pkg@1.0.0; run `kharkivmap assets fetch` or pass --assets-dir\n"
    )


def test_render_rejects_a_reversed_date_range(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    write_claims(CLAIMS, claims, format="jsonl")
    result = run(
        "render", str(claims), "-o", str(tmp_path / "m.html"), "--from", "2023-01-01",
        "--to", "2022-01-01",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output == (
        "Error: the date range ends (2022-01-01) before it starts (2023-01-01)\n"
    )


def test_render_warns_about_bad_inputs_and_keeps_going(tmp_path: Path) -> None:
    pytest.importorskip("kharkivmap.parser")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "izium.txt").write_text(
        "---\npublished: 2022-09-11\n---\n"
        "Ukrainian forces recaptured Izium on 10 September 2022.\n",
        encoding="utf-8",
    )
    out = tmp_path / "map.html"
    result = run("render", str(corpus), "-o", str(out), "--tiles", "none")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"warning: {corpus / 'empty.txt'}: ")
    assert lines[-1].startswith(f"wrote {out} ")
    assert run("render", str(corpus), "-o", str(out), "-q").output == ""
