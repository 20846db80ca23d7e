"""Properties of the parser on arbitrary text: it never raises and its offsets are exact."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kharkivmap.gazetteer import Gazetteer
from kharkivmap.models import Article, Mention, Place
from kharkivmap.parser import extract_claims

PLACES = [
    Place("1", "Kharkiv", 49.98, 36.25, admin1="Kharkiv Oblast", kind="city"),
    Place("2", "Izium", 49.21, 37.28, admin1="Kharkiv Oblast"),
    Place("3", "Kyiv", 50.45, 30.52, admin1="Kyiv City", kind="city"),
    Place("4", "Moscow", 55.75, 37.62, country="RU", admin1="Moscow City"),
    Place("5", "Bakhmut", 48.59, 37.99, admin1="Donetsk Oblast"),
]
NAMES = {p.name: p for p in PLACES}
NAME_RE = re.compile("|".join(NAMES))


class Finder:
    def find_mentions(self, text: str) -> list[Mention]:
        return [
            Mention(m.start(), m.end(), m.group(), NAMES[m.group()], 0.9)
            for m in NAME_RE.finditer(text)
        ]


FRAGMENTS = [
    *NAMES,
    "Russian troops",
    "Ukrainian forces",
    "the enemy",
    "captured",
    "recaptured",
    "was retaken by",
    "withdrew from",
    "pulled back from positions around",
    "moved to more advantageous positions near",
    "has fallen",
    "under Russian control since last month",
    "failed to take",
    "denied",
    "said",
    "according to",
    "it was claimed that",
    "the town of",
    "region",
    "axis",
    "50 km south of",
    "on Saturday",
    "Nov. 11",
    "yesterday",
    "“",
    "”",
    '"',
    "’s",
    ",",
    ".",
    "?",
    ":",
    " — ",
    "\n",
    "\n\n",
    "   ",
    "\t",
    "\x00",
    "\u2028",
    "Ізюм",
    "Харків",
    "U.S.",
    "Gen.",
    "(Photo: AFP)",
    "@0",
    "{side}",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join),
)
published = st.one_of(st.none(), st.dates(min_value=date(2014, 1, 1), max_value=date(2030, 12, 31)))


def _check(text: str, claims: list) -> None:
    for claim in claims:
        assert text[claim.start : claim.end] == claim.mention
        assert claim.event in {"captured", "withdrew", "contested", "held", "none"}
        assert 0.0 < claim.confidence < 1.0
        if claim.event == "contested":
            assert claim.controller == "contested"
        elif claim.event in {"captured", "held"}:
            assert claim.controller == claim.actor and claim.actor in {"UA", "RU"}
        elif claim.event == "withdrew":
            assert {claim.actor, claim.controller} == {"UA", "RU"}


@settings(max_examples=400, deadline=None)
@given(text=texts, when=published, every=st.booleans())
def test_never_raises_and_offsets_are_exact(text: str, when: date | None, every: bool) -> None:
    article = Article(id="p", text=text, published=when)
    claims = extract_claims(article, Finder(), all_mentions=every)
    _check(text, claims)
    assert claims == extract_claims(article, Finder(), all_mentions=every)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, when=published)
def test_never_raises_with_the_real_gazetteer(text: str, when: date | None) -> None:
    gazetteer = Gazetteer.load()
    claims = extract_claims(
        Article(id="p", text=text, published=when), gazetteer, all_mentions=True
    )
    _check(text, claims)
