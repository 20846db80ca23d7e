"""The scorer follows the evaluation README: TP, FP, FN, ignored rows, 3 km, dedup, agreement."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from kharkivmap.errors import ClaimsFileError
from kharkivmap.evaluate import GoldRow, evaluate, read_gold, same_claimant
from kharkivmap.models import Claim, Place

SEEDS_GOLD = Path(__file__).parent / "data" / "seeds_gold.jsonl"
IZIUM = (49.21, 37.25)
KUPIANSK = (49.71, 37.61)
# One kilometre due north, in degrees of latitude.
KM_LAT = 1 / (6371.0088 * math.pi / 180)


def gold(place="Izium", at=IZIUM, kind="change", controller="UA", required=True, **more):
    fields = {
        "article": "a.txt",
        "place": place,
        "lat": at[0],
        "lon": at[1],
        "kind": kind,
        "controller": controller,
        "date_from": date(2022, 9, 8),
        "date_to": date(2022, 9, 10),
        "claimant": "Russian Defense Ministry",
        "hedged": False,
        "required": required,
        "evidence": f"evidence about {place}",
    }
    fields.update(more)
    return GoldRow(**fields)


def claim(place="Izium", at=IZIUM, event="captured", controller="UA", **more):
    fields = {
        "article": "a.txt",
        "published": date(2022, 9, 10),
        "place": Place(id=place.lower(), name=place, lat=at[0], lon=at[1]),
        "mention": place,
        "start": 0,
        "end": len(place),
        "event": event,
        "actor": "UA",
        "controller": controller,
        "date": date(2022, 9, 9),
        "date_precision": "day",
        "claimant": "Russia's Ministry of Defence",
        "hedged": False,
        "sentence": f"sentence about {place}",
        "confidence": 0.8,
    }
    fields.update(more)
    return Claim(**fields)


def test_true_positive_and_agreement():
    report = evaluate([gold()], [claim()])
    assert (report.change.tp, report.change.fp, report.change.fn) == (1, 0, 0)
    assert (report.change.precision, report.change.recall, report.change.f1) == (1.0, 1.0, 1.0)
    assert (report.date_agreement, report.claimant_agreement, report.hedge_agreement) == (1, 1, 1)


def test_withdrawal_scores_by_controller():
    report = evaluate([gold(controller="UA")], [claim(event="withdrew", actor="RU")])
    assert report.change.tp == 1


def test_wrong_controller_is_a_false_positive_and_the_row_a_false_negative():
    report = evaluate([gold(controller="UA")], [claim(controller="RU")])
    assert (report.change.tp, report.change.fp, report.change.fn) == (0, 1, 1)
    assert (report.change.precision, report.change.recall, report.change.f1) == (0.0, 0.0, 0.0)
    assert report.date_agreement is None


def test_other_article_does_not_match():
    report = evaluate([gold()], [claim(article="b.txt")])
    assert (report.change.tp, report.change.fp, report.change.fn) == (0, 1, 1)


def test_optional_row_is_ignored_either_way():
    rows = [gold(required=False, kind="contested", controller="contested")]
    report = evaluate(rows, [claim(controller="RU")])
    assert (report.change.tp, report.change.fp, report.change.fn, report.change.ignored) == (
        0,
        0,
        0,
        1,
    )
    assert report.change.precision is None


def test_held_row_with_same_controller_is_ignored_but_not_with_another():
    rows = [gold(kind="held", controller="RU")]
    assert evaluate(rows, [claim(controller="RU")]).change.fp == 0
    assert evaluate(rows, [claim(controller="UA")]).change.fp == 1


def test_required_none_row_makes_a_change_a_false_positive():
    report = evaluate([gold(kind="none", controller=None)], [claim()])
    assert (report.change.fp, report.change.fn) == (1, 0)


def test_non_change_events_are_not_scored_as_changes():
    report = evaluate([gold()], [claim(event="contested", controller="contested")])
    assert (report.change.fp, report.change.fn) == (0, 1)


@pytest.mark.parametrize(("km", "hit"), [(2.99, True), (3.01, False)])
def test_three_km_boundary(km, hit):
    at = (IZIUM[0] + km * KM_LAT, IZIUM[1])
    report = evaluate([gold()], [claim(at=at)])
    assert report.change.tp == (1 if hit else 0)
    assert report.change.fp == (0 if hit else 1)


def test_repeated_claims_count_once():
    rows = [gold(), gold("Kupiansk", KUPIANSK)]
    claims = [
        claim(confidence=0.5, date=date(2022, 1, 1)),
        claim(confidence=0.9),
        claim(),
        claim("Balakliia", (49.46, 36.84)),
        claim("Balakliia", (49.46, 36.84)),
        claim("Balakliia", (49.46, 36.84), controller="RU"),
    ]
    report = evaluate(rows, claims)
    assert (report.change.tp, report.change.fp, report.change.fn) == (1, 2, 1)
    assert report.change.precision == pytest.approx(1 / 3)
    assert report.change.recall == 0.5
    assert report.change.f1 == pytest.approx(0.4)
    [match] = report.change.matches
    assert match.best.confidence == 0.9
    # The best-scored prediction decides agreement, not the low-confidence one's wrong date.
    assert report.date_agreement == 1.0
    assert [g.place for g in report.change.false_negatives] == ["Kupiansk"]


def test_nearest_required_row_wins():
    rows = [gold("Near", (IZIUM[0] + 2 * KM_LAT, IZIUM[1])), gold("Nearer", IZIUM)]
    [match] = evaluate(rows, [claim()]).change.matches
    assert match.gold.place == "Nearer"


def test_a_row_naming_the_place_wins_over_a_nearer_one():
    # two villages 1.6 km apart: each claim counts for its own row
    rows = [gold("Storozheve", IZIUM), gold("Blahodatne", (IZIUM[0] + 1.6 * KM_LAT, IZIUM[1]))]
    claims = [claim("Blahodatne", (IZIUM[0] + 0.1 * KM_LAT, IZIUM[1]))]
    [match] = evaluate(rows, claims).change.matches
    assert match.gold.place == "Blahodatne"


def test_agreement_shares():
    rows = [gold(), gold("Kupiansk", KUPIANSK, claimant=None, hedged=True)]
    claims = [
        claim(date=date(2022, 9, 11), claimant=None),
        claim("Kupiansk", KUPIANSK, date=date(2022, 9, 8), claimant=None, hedged=True),
    ]
    report = evaluate(rows, claims)
    assert report.change.tp == 2
    assert report.date_agreement == 0.5
    assert report.claimant_agreement == 0.5
    assert report.hedge_agreement == 1.0


def test_unknown_gold_dates_agree_only_with_unknown_prediction():
    rows = [gold(date_from=None, date_to=None)]
    assert evaluate(rows, [claim(date=None)]).date_agreement == 1.0
    assert evaluate(rows, [claim()]).date_agreement == 0.0


def test_held_scored_separately():
    rows = [gold(kind="held", controller="RU"), gold("Kupiansk", KUPIANSK, kind="held")]
    claims = [
        claim(event="held", controller="RU"),
        claim("Kupiansk", KUPIANSK, event="held", controller="RU"),
    ]
    report = evaluate(rows, claims)
    assert (report.held.tp, report.held.fp, report.held.fn) == (1, 1, 1)
    assert report.change.fp == report.change.tp == 0


def test_held_prediction_on_a_change_row_with_same_controller_is_ignored():
    report = evaluate([gold(controller="UA")], [claim(event="held", controller="UA")])
    assert (report.held.fp, report.held.ignored) == (0, 1)


@pytest.mark.parametrize(
    ("predicted", "expected", "agree"),
    [
        (None, None, True),
        ("Russian Defense Ministry", None, False),
        (None, "Russian Defense Ministry", False),
        ("the Russian Ministry of Defence", "Russian Defense Ministry", True),
        ("General Staff", "Ukrainian General Staff", True),
        ("ISW", "Institute for the Study of War", True),
        ("institute for the study of war", "Institute for the Study of War", True),
        ("Ukrainian officials", "Ukrainian General Staff", False),
        ("Kremlin", "Russian Defense Ministry", False),
        ("Russian Defense Ministry", "Moscow's Defense Ministry", True),
        ("Russian Defense Ministry (Sergei Shoigu)", "Sergey Shoygu", True),
        ("Ukrainian Defense Ministry (Hanna Maliar)", "deputy defence minister Ganna Maliar", True),
        ("Ukrainian army", "Khortytsia group of troops", False),
        ("Ukrainian officials (Oleh Syniehubov)", "Kharkiv governor Oleg Synegubov", True),
        ("Russian military", "Serhii Cherevatyi, spokesman for the Eastern Group", False),
    ],
)
def test_same_claimant(predicted, expected, agree):
    assert same_claimant(predicted, expected) is agree


def test_report_to_dict_is_json():
    report = evaluate([gold(), gold("Kupiansk", KUPIANSK)], [claim(), claim("X", (50.0, 36.0))])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["change"] == {
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "ignored": 0,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert data["held"]["precision"] is None
    assert data["false_positives"] == [
        {
            "article": "a.txt",
            "place": "X",
            "event": "captured",
            "controller": "UA",
            "sentence": "sentence about X",
        }
    ]
    assert data["false_negatives"][0]["evidence"] == "evidence about Kupiansk"


def test_read_seeds_gold():
    rows = read_gold(SEEDS_GOLD)
    assert len(rows) == 28
    first = rows[0]
    assert (first.article, first.place, first.kind, first.controller) == (
        "000_66a02f1cba7c1274.txt",
        "Lukiantsi",
        "change",
        "RU",
    )
    assert first.date_from == date(2024, 5, 15)
    assert sum(r.kind == "change" and r.required for r in rows) == 11


def test_gold_rows_scored_against_themselves_are_perfect():
    rows = read_gold(SEEDS_GOLD)
    claims = [
        claim(
            r.place,
            (r.lat, r.lon),
            article=r.article,
            controller=r.controller,
            date=r.date_from,
            claimant=r.claimant,
            hedged=r.hedged,
        )
        for r in rows
        if r.kind == "change"
    ]
    report = evaluate(rows, claims)
    assert (report.change.precision, report.change.recall) == (1.0, 1.0)
    assert report.change.ignored == 3
    assert (report.date_agreement, report.claimant_agreement, report.hedge_agreement) == (1, 1, 1)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{bad", r"g\.jsonl:2: invalid JSON"),
        ('{"article": "a"}', r"g\.jsonl:2: missing 'kind'"),
        ('{"article": "a", "kind": "won"}', r"g\.jsonl:2: kind must be one of change, contested"),
        ('{"kind": "held"}', r"g\.jsonl:2: missing 'article'"),
        (
            '{"article": "a", "place": "p", "lat": 1, "lon": 2, "kind": "held", "date_to": "May"}',
            r"g\.jsonl:2: not an ISO date: 'May'",
        ),
    ],
)
def test_malformed_gold(tmp_path, line, message):
    path = tmp_path / "g.jsonl"
    path.write_text(SEEDS_GOLD.read_text().split("\n")[0] + "\n" + line + "\n")
    with pytest.raises(ClaimsFileError, match=message):
        read_gold(path)


def test_place_resolution_counts_right_wrong_and_unnamed_places() -> None:
    rows = [
        gold("Kupiansk", KUPIANSK),
        gold("Hrakove", (49.86, 36.87), kind="none"),  # 80 km west of the Hrakove found
        gold("Tymkivka", (49.90, 37.20)),
        gold("Kupiansk", KUPIANSK, article="b.txt"),
    ]
    claims = [
        claim("Kupiansk", KUPIANSK, mention="Kupyansk"),
        claim("Hrakove", (49.8639, 37.9786), event="none"),
        claim("Kupiansk", (KUPIANSK[0] + KM_LAT, KUPIANSK[1]), article="b.txt"),
    ]
    places = evaluate(rows, claims).places
    assert [(r.article, r.place) for r in places.resolved] == [
        ("a.txt", "Kupiansk"),
        ("b.txt", "Kupiansk"),
    ]
    assert [(r.place, c.place.lon) for r, c in places.wrong] == [("Hrakove", 37.9786)]
    assert [r.place for r in places.unnamed] == ["Tymkivka"]
    assert places.share == 2 / 3
