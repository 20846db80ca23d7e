"""Many articles at once: one failing article is reported, the others keep their claims."""

from __future__ import annotations

from datetime import date

import pytest

import kharkivmap.parser
from kharkivmap.articles import Problem
from kharkivmap.gazetteer import Gazetteer
from kharkivmap.models import Article, Place
from kharkivmap.pipeline import claims_from_articles

KUPIANSK = Place(id="703656", name="Kupiansk", lat=49.71003, lon=37.61581, kind="town")
TEXT = "Ukrainian forces recaptured Kupiansk on Saturday, the General Staff said."


@pytest.fixture
def gazetteer() -> Gazetteer:
    return Gazetteer.from_places([KUPIANSK])


def articles() -> list[Article]:
    return [
        Article(id=name, text=TEXT, published=date(2022, 9, 11), source=name)
        for name in ("a.txt", "bad.txt", "c.txt")
    ]


def test_claims_of_every_article_stream_in_order(gazetteer: Gazetteer) -> None:
    seen: list[tuple[str, int]] = []
    claims = list(
        claims_from_articles(
            articles(), gazetteer, on_article=lambda a, found: seen.append((a.id, len(found)))
        )
    )
    assert [c.article for c in claims] == ["a.txt", "bad.txt", "c.txt"]
    assert {c.controller for c in claims} == {"UA"}
    assert seen == [("a.txt", 1), ("bad.txt", 1), ("c.txt", 1)]


def test_a_failing_article_is_reported_and_the_rest_go_on(
    gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = kharkivmap.parser.extract_claims

    def flaky(article, finder, *, all_mentions=False):
        if article.id == "bad.txt":
            raise RuntimeError("boom")
        return real(article, finder, all_mentions=all_mentions)

    monkeypatch.setattr(kharkivmap.parser, "extract_claims", flaky)
    problems: list[Problem] = []
    claims = list(claims_from_articles(articles(), gazetteer, on_problem=problems.append))
    assert [c.article for c in claims] == ["a.txt", "c.txt"]
    assert problems == [Problem("bad.txt", "extraction failed (RuntimeError: boom)")]
    with pytest.raises(RuntimeError, match="boom"):
        list(claims_from_articles(articles(), gazetteer))
