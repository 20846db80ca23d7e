"""`kharkivmap evaluate`: scores a claims file of any format against gold rows."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kharkivmap.claims_io import write_claims
from kharkivmap.cli import cli
from kharkivmap.models import Claim, Place

SEEDS_GOLD = Path(__file__).parent / "data" / "seeds_gold.jsonl"
ARTICLE = "003_180ee83d02075ab0.txt"


def claim(name: str, lat: float, lon: float, controller: str, sentence: str) -> Claim:
    return Claim(
        article=ARTICLE,
        published=date(2022, 9, 10),
        place=Place(id=name, name=name, lat=lat, lon=lon),
        mention=name,
        start=0,
        end=len(name),
        event="captured",
        actor="UA",
        controller=controller,  # type: ignore[arg-type]
        date=date(2022, 9, 9),
        date_precision="day",
        claimant="Russian Defense Ministry",
        hedged=False,
        sentence=sentence,
        confidence=0.9,
    )


PREDICTIONS = [
    claim("Izium", 49.2103, 37.2563, "UA", "Russia withdrew from Izium."),
    claim("Kyiv", 50.45466, 30.5238, "UA", "Kyiv is safe."),
    claim("Donetsk", 48.023, 37.8022, "UA", "Donetsk was taken."),
]


@pytest.fixture(params=["claims.jsonl", "claims.csv", "claims.geojson"])
def pred(request, tmp_path):
    return write_claims(PREDICTIONS, tmp_path / request.param)


def run(*args: str):
    return CliRunner().invoke(cli, ["evaluate", *args])


def test_text_report(pred):
    result = run("--gold", str(SEEDS_GOLD), str(pred))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "changes  P 0.500  R 0.091  F1 0.154  (TP 1, FP 1, FN 10, ignored 1)",
        "held     P n/a    R 0.000  F1 n/a    (TP 0, FP 0, FN 1, ignored 0)",
        "agreement on 1 matched changes: date 1.000, claimant 1.000, hedging 1.000",
        "places   resolved 1.000  (right namesake 3, wrong 0, not named 25)",
    ]


def test_verbose_lists_errors_with_text(pred):
    result = run("--gold", str(SEEDS_GOLD), str(pred), "-v")
    lines = result.stdout.splitlines()
    assert lines[4] == f"FP {ARTICLE}: Donetsk (captured -> UA): Donetsk was taken."
    assert lines[5] == (
        "FN 000_66a02f1cba7c1274.txt: Lukiantsi (-> RU): Ukrainian forces have conducted a "
        "tactical retreat from positions around two towns in the northeastern Kharkiv region"
    )
    assert len(lines) == 4 + 1 + 10 + 1
    assert lines[-1] == (
        "held FN 002_45a644dd4072bac6.txt: Izium (-> RU): has been under Russian control "
        "since last month"
    )


def test_json_report(pred):
    result = run("--gold", str(SEEDS_GOLD), str(pred), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["change"] == {
        "tp": 1,
        "fp": 1,
        "fn": 10,
        "ignored": 1,
        "precision": 0.5,
        "recall": 0.0909,
        "f1": 0.1538,
    }
    assert data["date_agreement"] == 1.0
    assert [fp["place"] for fp in data["false_positives"]] == ["Donetsk"]
    assert len(data["false_negatives"]) == 10


def test_gold_is_required(pred):
    result = run(str(pred))
    assert result.exit_code == 2
    assert "Missing option '--gold'" in result.stderr


def test_malformed_prediction_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article": "a", "place": "Izium", "lat": 49, "lon": 37, "event": "won"}\n')
    result = run("--gold", str(SEEDS_GOLD), str(bad))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {bad}:1: event must be one of captured, withdrew, contested, held, none, "
        "not 'won'\n"
    )


def test_missing_gold_file(tmp_path, pred):
    result = run("--gold", str(tmp_path / "gold.jsonl"), str(pred))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'gold.jsonl'}: no such file\n"


def test_extract_then_evaluate_the_seeds(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    claims = tmp_path / "claims.csv"
    extracted = CliRunner().invoke(cli, ["extract", str(seeds), "-o", str(claims)])
    assert extracted.exit_code == 0, extracted.output
    assert re.fullmatch(
        r"extracted \d+ claims from 5 articles; 0 inputs skipped\n", extracted.stderr
    )
    result = run("--gold", str(SEEDS_GOLD), str(claims), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["change"]["tp"] > 0
