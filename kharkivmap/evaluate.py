"""Scoring extracted claims against analyst-made gold rows (see the evaluation README).

Primary metric: every predicted change (event ``captured`` or ``withdrew``) is a triple
(article, place, controller). It is a true positive when a required ``change`` gold row of the
same article lies within 3 km of the predicted coordinates with the same controller (of several,
one naming the predicted place first, then the nearest); it is
ignored when it falls on an optional row, or on a ``held`` row with the same controller;
otherwise it is a false positive. Required change rows left unmatched are false negatives.
Repeated claims count once: per matched gold row, and per (article, place, controller) among
false positives. ``held`` predictions are scored the same way against ``held`` rows (a ``change``
row with the same controller is ignored ground, since holding follows from the change).

For matched changes the report gives agreement shares, each judged on the best-scored
prediction of the gold row (highest confidence, then first in order):

- date: the predicted date lies in ``[date_from, date_to]`` (both unknown also agrees);
- claimant: both null, or the same organisation (see :func:`same_claimant`);
- hedging: the same ``hedged`` flag.

Place resolution is scored apart from claims: a gold row's place is *named* by a prediction of
the same article whose mention (or resolved name) spells the gold place's name, and *resolved*
when that prediction lies within 3 km of it. Predictions from ``extract --all-mentions`` name
every place the parser found, so that output measures resolution best.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz.fuzz import ratio

from kharkivmap.errors import ClaimsFileError
from kharkivmap.models import Claim
from kharkivmap.normalize import fold

__all__ = [
    "MATCH_KM",
    "EvaluationReport",
    "GoldRow",
    "Match",
    "PlaceResolution",
    "Score",
    "evaluate",
    "read_gold",
    "same_claimant",
]

MATCH_KM = 3.0
CHANGE_EVENTS = frozenset({"captured", "withdrew"})
GOLD_KINDS = frozenset({"change", "held", "contested", "none"})
# Tokens that carry no identity in organisation names ("the Ministry of Defence").
_STOPWORDS = frozenset({"the", "of", "for", "and", "a", "an", "in", "on", "s"})
_CAPITAL_COUNTRIES = {"moscow": "russia", "kyiv": "ukraine", "kiev": "ukraine"}
# Long enough to separate organisations, short enough to merge Russia/Russian, Defence/Defense.
_STEM = 5
# Words of roles, bodies and sides, which many claimants share: no proper name
_ROLE_WORDS = (
    "ukrainian",
    "ukraine",
    "russian",
    "russia",
    "moscow",
    "kremlin",
    "defense",
    "defence",
    "ministry",
    "minister",
    "military",
    "forces",
    "armed",
    "general",
    "staff",
    "group",
    "command",
    "operational",
    "regional",
    "region",
    "administration",
    "officials",
    "official",
    "government",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "deputy",
    "president",
    "governor",
    "troops",
    "army",
    "sources",
    "source",
    "media",
    "reports",
    "analysts",
    "separatists",
    "separatist",
    "militia",
    "council",
    "office",
    "headquarters",
    "national",
    "security",
    "intelligence",
    "british",
    "american",
    "western",
    "local",
    "oblast",
    "district",
    "brigade",
    "battalion",
    "commander",
    "chief",
    "southern",
    "northern",
    "eastern",
    "central",
    "people",
    "republic",
)
_ROLE_STEMS = frozenset(w[:_STEM] for w in _ROLE_WORDS)
# Folded names this similar are spellings of one name (Volchansk/Vovchansk, Kupyansk/Kupiansk).
_NAME_SIMILARITY = 80


@dataclass(frozen=True, slots=True)
class GoldRow:
    """One analyst judgement about one place in one article."""

    article: str
    place: str
    lat: float
    lon: float
    kind: str
    controller: str | None
    date_from: date | None
    date_to: date | None
    claimant: str | None
    hedged: bool
    required: bool
    evidence: str = ""
    geonameid: int | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Match:
    """A gold row and the predictions that matched it (best first)."""

    gold: GoldRow
    claims: tuple[Claim, ...]

    @property
    def best(self) -> Claim:
        return self.claims[0]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts, matches and errors for one kind of claim (changes or held)."""

    matches: tuple[Match, ...]
    false_positives: tuple[Claim, ...]
    false_negatives: tuple[GoldRow, ...]
    ignored: int

    @property
    def tp(self) -> int:
        return len(self.matches)

    @property
    def fp(self) -> int:
        return len(self.false_positives)

    @property
    def fn(self) -> int:
        return len(self.false_negatives)

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted: undefined rather than zero."""
        return _share(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _share(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "ignored": self.ignored,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    """How the places of the gold rows were resolved: right namesake, wrong one, or not named.

    Each distinct (article, place) of the gold set counts once.
    """

    resolved: tuple[GoldRow, ...]
    wrong: tuple[tuple[GoldRow, Claim], ...]
    unnamed: tuple[GoldRow, ...]

    @property
    def share(self) -> float | None:
        """Right namesakes among the places that a prediction named."""
        return _share(len(self.resolved), len(self.resolved) + len(self.wrong))

    def to_dict(self) -> dict[str, Any]:
        return {
            "resolved": len(self.resolved),
            "wrong": len(self.wrong),
            "unnamed": len(self.unnamed),
            "share": _round(self.share),
        }


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """The scores of one prediction set against one gold set."""

    change: Score
    held: Score
    date_agreement: float | None
    claimant_agreement: float | None
    hedge_agreement: float | None
    places: PlaceResolution

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary, with each error listed by article, place and quoted text."""
        return {
            "change": self.change.to_dict(),
            "held": self.held.to_dict(),
            "date_agreement": _round(self.date_agreement),
            "claimant_agreement": _round(self.claimant_agreement),
            "hedge_agreement": _round(self.hedge_agreement),
            "places": self.places.to_dict(),
            "wrong_places": [
                {**_gold_summary(row), "predicted": _claim_summary(claim)}
                for row, claim in self.places.wrong
            ],
            "false_positives": [_claim_summary(c) for c in self.change.false_positives],
            "false_negatives": [_gold_summary(g) for g in self.change.false_negatives],
        }


def evaluate(gold_rows: Sequence[GoldRow], claims: Iterable[Claim]) -> EvaluationReport:
    """Score ``claims`` against ``gold_rows`` (both may cover many articles)."""
    claims = list(claims)
    gold_by_article: dict[str, list[GoldRow]] = {}
    for row in gold_rows:
        gold_by_article.setdefault(row.article, []).append(row)
    change = _score(gold_by_article, claims, events=CHANGE_EVENTS, kind="change", lenient="held")
    held = _score(
        gold_by_article, claims, events=frozenset({"held"}), kind="held", lenient="change"
    )
    matches = change.matches
    return EvaluationReport(
        change=change,
        held=held,
        date_agreement=_agreement(matches, _date_agrees),
        claimant_agreement=_agreement(
            matches, lambda m: same_claimant(m.best.claimant, m.gold.claimant)
        ),
        hedge_agreement=_agreement(matches, lambda m: m.best.hedged == m.gold.hedged),
        places=_resolution(gold_by_article, claims),
    )


def _resolution(gold_by_article: dict[str, list[GoldRow]], claims: list[Claim]) -> PlaceResolution:
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    resolved: list[GoldRow] = []
    wrong: list[tuple[GoldRow, Claim]] = []
    unnamed: list[GoldRow] = []
    for article, rows in gold_by_article.items():
        seen: set[tuple[str, float, float]] = set()
        for row in rows:
            key = (fold(row.place), round(row.lat, 2), round(row.lon, 2))
            if key in seen:
                continue
            seen.add(key)
            naming = [c for c in by_article.get(article, ()) if _names(c, key[0])]
            if not naming:
                unnamed.append(row)
                continue
            far = [c for c in naming if _km(c.place.lat, c.place.lon, row.lat, row.lon) > MATCH_KM]
            if len(far) < len(naming):
                resolved.append(row)
            else:
                wrong.append((row, far[0]))
    return PlaceResolution(tuple(resolved), tuple(wrong), tuple(unnamed))


def _names(claim: Claim, gold_key: str) -> bool:
    """Whether ``claim`` mentions the gold place by some spelling of its name."""
    for text in (claim.mention, claim.place.name):
        key = fold(text)
        if key == gold_key or (key and gold_key and ratio(key, gold_key) >= _NAME_SIMILARITY):
            return True
    return False


def _score(
    gold_by_article: dict[str, list[GoldRow]],
    claims: list[Claim],
    *,
    events: frozenset[str],
    kind: str,
    lenient: str,
) -> Score:
    matched: dict[GoldRow, list[Claim]] = {}
    false_positives: dict[tuple[str, str, str | None], Claim] = {}
    ignored = 0
    for claim in claims:
        if claim.event not in events:
            continue
        # Of the rows within reach, one that names the claim's place comes first: two villages
        # a kilometre or two apart (Blahodatne and Storozheve) are each their own row
        ranked = sorted(
            (
                (
                    not _names(claim, fold(row.place)),
                    _km(claim.place.lat, claim.place.lon, row.lat, row.lon),
                    index,
                    row,
                )
                for index, row in enumerate(gold_by_article.get(claim.article, ()))
            ),
            key=lambda item: item[:3],
        )
        nearby = [row for _, km, _, row in ranked if km <= MATCH_KM]
        hit = next(
            (
                r
                for r in nearby
                if r.required and r.kind == kind and r.controller == claim.controller
            ),
            None,
        )
        if hit is not None:
            matched.setdefault(hit, []).append(claim)
        elif any(
            not r.required or (r.kind == lenient and r.controller == claim.controller)
            for r in nearby
        ):
            ignored += 1
        else:
            false_positives.setdefault((claim.article, _place_key(claim), claim.controller), claim)
    wanted = [
        row
        for rows in gold_by_article.values()
        for row in rows
        if row.required and row.kind == kind
    ]
    return Score(
        matches=tuple(
            Match(row, tuple(sorted(matched[row], key=lambda c: -c.confidence)))
            for row in wanted
            if row in matched
        ),
        false_positives=tuple(false_positives.values()),
        false_negatives=tuple(row for row in wanted if row not in matched),
        ignored=ignored,
    )


def same_claimant(predicted: str | None, gold: str | None) -> bool:
    """Whether two claimants name the same source, leniently.

    Both null agree; one null disagrees. Otherwise names are compared as sets of word stems
    (case-folded, possessives and function words dropped, each word cut to its first five
    letters so "Russia's Ministry of Defence" equals "Russian Defense Ministry"); they agree when
    one set contains the other ("General Staff" within "Ukrainian General Staff"), when one
    name is the acronym of the other ("ISW") or when both hold one proper name in two
    spellings ("Shoigu", "Shoygu"). A capital stands for its country ("Moscow's Defense
    Ministry").
    """
    if predicted is None or gold is None:
        return predicted is None and gold is None
    a, b = _words(predicted), _words(gold)
    if not a or not b:
        return False
    stems_a, stems_b = {_stem(w) for w in a}, {_stem(w) for w in b}
    if stems_a <= stems_b or stems_b <= stems_a:
        return True
    return _is_acronym(a, b) or _is_acronym(b, a) or _same_person(a, b)


def _stem(word: str) -> str:
    """A word's first letters, a capital standing for its country ("Moscow's Defense
    Ministry" is the Russian one)."""
    return _CAPITAL_COUNTRIES.get(word, word)[:_STEM]


def _same_person(a: list[str], b: list[str]) -> bool:
    """Whether both names hold one proper name in two spellings ("Russian Defense Ministry
    (Sergei Shoigu)" and "Sergey Shoygu"; "deputy defence minister Ganna Maliar")."""
    from rapidfuzz import fuzz

    names_a = [w for w in a if len(w) >= 5 and w[:_STEM] not in _ROLE_STEMS]
    names_b = [w for w in b if len(w) >= 5 and w[:_STEM] not in _ROLE_STEMS]
    return any(fuzz.ratio(x, y) >= _NAME_SIMILARITY for x in names_a for y in names_b)


def _words(name: str) -> list[str]:
    words = re.findall(r"\w+", name.casefold().replace("’", "'").replace("'s", ""))
    return [w for w in words if w not in _STOPWORDS]


def _is_acronym(short: list[str], long: list[str]) -> bool:
    return len(short) == 1 and len(long) > 1 and short[0] == "".join(w[0] for w in long)


def _date_agrees(match: Match) -> bool:
    predicted, gold = match.best.date, match.gold
    if gold.date_from is None and gold.date_to is None:
        return predicted is None
    if predicted is None:
        return False
    low = gold.date_from or date.min
    high = gold.date_to or date.max
    return low <= predicted <= high


def _agreement(matches: tuple[Match, ...], agrees: Callable[[Match], bool]) -> float | None:
    return _share(sum(1 for m in matches if agrees(m)), len(matches))


def _place_key(claim: Claim) -> str:
    return claim.place.id or f"{claim.place.name}@{claim.place.lat:.4f},{claim.place.lon:.4f}"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _claim_summary(claim: Claim) -> dict[str, Any]:
    return {
        "article": claim.article,
        "place": claim.place.name,
        "event": claim.event,
        "controller": claim.controller,
        "sentence": claim.sentence,
    }


def _gold_summary(row: GoldRow) -> dict[str, Any]:
    return {
        "article": row.article,
        "place": row.place,
        "controller": row.controller,
        "evidence": row.evidence,
    }


def read_gold(path: str | os.PathLike[str]) -> list[GoldRow]:
    """Read gold rows from JSON Lines; a malformed row raises :class:`ClaimsFileError`."""
    source = Path(path)
    try:
        lines = source.read_text(encoding="utf-8-sig").split("\n")
    except FileNotFoundError:
        raise ClaimsFileError(f"{source}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ClaimsFileError(f"{source}: unreadable ({error})") from None
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append(_gold_row(json.loads(line), number))
        except json.JSONDecodeError as error:
            raise ClaimsFileError(f"{source}:{number}: invalid JSON ({error.msg})") from None
        except (KeyError, TypeError, ValueError) as error:
            problem = f"missing {error}" if isinstance(error, KeyError) else str(error)
            raise ClaimsFileError(f"{source}:{number}: {problem}") from None
    return rows


def _gold_row(record: Any, line: int) -> GoldRow:
    if not isinstance(record, dict):
        raise ValueError("a gold row must be an object")
    kind = record["kind"]
    if kind not in GOLD_KINDS:
        raise ValueError(f"kind must be one of {', '.join(sorted(GOLD_KINDS))}, not {kind!r}")
    controller = record.get("controller")
    if controller not in (None, "UA", "RU", "contested"):
        raise ValueError(f"controller must be UA, RU, contested or null, not {controller!r}")
    return GoldRow(
        article=str(record["article"]),
        place=str(record["place"]),
        lat=float(record["lat"]),
        lon=float(record["lon"]),
        kind=kind,
        controller=controller,
        date_from=_optional_date(record.get("date_from")),
        date_to=_optional_date(record.get("date_to")),
        claimant=record.get("claimant") or None,
        hedged=bool(record.get("hedged", False)),
        required=bool(record.get("required", True)),
        evidence=str(record.get("evidence") or ""),
        geonameid=record.get("geonameid"),
        line=line,
    )


def _optional_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"not an ISO date: {value!r}") from None
