"""A reproducible synthetic news corpus for benchmarking extraction.

Each article (3–5 KB) mixes control-claim sentences about real gazetteer places — captures,
withdrawals, passive and hedged forms, attributed claims, denials, contested fighting, places
held, mentions without a claim — with ordinary news filler. The same ``--seed`` gives the same
corpus byte for byte, so timings are comparable between runs and machines.

The default corpus is templated: its filler sentences recur verbatim, as stock phrases do in
real copy but far more often. ``--unique`` makes no sentence repeat anywhere in the corpus
(filler is composed from a larger vocabulary with names, numbers and extra clauses; claims may
name a person as claimant and end in a clause with names and numbers, so even with their
places set aside they seldom recur), so work keyed by sentence text cannot be reused and
timings show the cost of reading new text.

Run from the repository root::

    python benchmarks/corpus.py --articles 10000 --seed 1 -o corpus.jsonl
    python benchmarks/corpus.py --articles 10000 --seed 1 --unique -o unique.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

from kharkivmap.models import Article, Place

# Claim sentences: {p} a place, {q} another place, {by} a claimant, {f}/{e} two opposing forces.
CLAIMS = (
    "{f} captured {p} on {day}, {by} said.",
    "{f} have taken full control of the village of {p}, according to {by}.",
    "{p} was recaptured by {f} earlier this week.",
    "{p} has been liberated, {by} announced on {day}.",
    "{e} withdrew from {p} to more advantageous positions, {by} said.",
    "{e} pulled back from the outskirts of {p} after days of heavy shelling.",
    "{by} said units had regrouped away from {p} and {q}.",
    "{f} appear to have entered {p}, {by} said, though the claim could not be verified.",
    "{f} likely seized {p} in recent days, {by} assessed.",
    "{by} claimed that {f} had raised their flag over {p}, a claim {e} disputed.",
    "{by} denied reports that {p} had fallen, saying fighting continued.",
    "Fierce fighting continued for {p}, where neither side has gained ground.",
    "{f} launched an assault on {p} from the direction of {q}.",
    "{f} are trying to encircle {p}, {by} said.",
    "{p}, which has been under {adj} control since {month}, was shelled again overnight.",
    "The town of {p} remains in {adj} hands, {by} said.",
    "A missile strike hit an apartment building in {p}, killing {n} people.",
    "{p} lies about {n} km south of {q}.",
    "Refugees from {p} arrived in {q} on {day}.",
    "The governor visited {p} to inspect repairs to the power grid.",
)
FILLER = (
    "Officials said the talks would resume next month in Geneva.",
    "The central bank kept its key interest rate unchanged at {n} percent.",
    "Grain exports through the Black Sea corridor rose for the third month in a row.",
    "Temperatures are expected to drop below freezing by the end of the week.",
    "The ministry said it had received {n} new applications for compensation.",
    "Analysts expect the budget deficit to narrow slightly next year.",
    "Volunteers delivered generators, medicine and warm clothes to several villages.",
    "The European Commission proposed a new package of financial assistance.",
    "Schools in the region will continue teaching online until further notice.",
    "A spokesperson declined to comment on the reports.",
    "Power engineers restored electricity to about {n} thousand households.",
    "The football match was postponed because of an air-raid alert.",
    "Prices for fuel and food have risen sharply since the spring.",
    "The parliament approved the law in a second reading with {n} votes.",
    "Humanitarian organisations warned of shortages ahead of the winter.",
    "Railway services between the two cities were partly restored.",
    "Journalists were not allowed to visit the site.",
    "The report cited satellite images and interviews with local residents.",
    "Several foreign ministers condemned the attack in a joint statement.",
    "Demining teams have cleared roughly {n} hectares of farmland so far.",
    "The mayor urged residents to use shelters during alerts.",
    "Economists say reconstruction will cost hundreds of billions of dollars.",
    "The hospital said it was treating {n} wounded civilians.",
    "Negotiators exchanged lists of prisoners ahead of a planned swap.",
)
CLAIMANTS = (
    "Ukraine's General Staff",
    "the Russian Defense Ministry",
    "the Institute for the Study of War",
    "a regional governor",
    "Ukrainian officials",
    "a Kremlin spokesman",
    "a military analyst",
    "the British Defence Ministry",
)
FORCES = {"UA": "Ukrainian forces", "RU": "Russian troops"}
ADJECTIVES = {"UA": "Ukrainian", "RU": "Russian"}
MONTHS = ("March", "April", "May", "June", "September", "the spring", "last month")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# --unique: filler composed from parts, people named from given names and surname pieces.
OPENERS = (
    "",
    "On {day}, ",
    "Earlier this week, ",
    "In a statement, ",
    "According to {person}, ",
    "Late on {day}, ",
    "As of {n} a.m. local time, ",
    "In {month}, ",
)
SUBJECTS = (
    "officials",
    "the ministry",
    "{person}, a spokesperson for the {org},",
    "the {org}",
    "{person}",
    "regional authorities",
    "a senior adviser, {person},",
    "the {ordinal} session of the {org}",
)
PREDICATES = (
    "said talks on {topic} would resume in {n} days",
    "reported {n} new applications for {topic}",
    "approved a plan worth {n} million euros for {topic}",
    "warned that {topic} could cost up to {n} billion dollars",
    "expects about {n} thousand people to need help with {topic}",
    "discussed {topic} with {n} foreign delegations",
    "postponed a vote on {topic} by {n} weeks",
    "published {n} pages of proposals on {topic}",
    "opened {n} new centres for {topic}",
    "declined to give figures on {topic} for the past {n} months",
)
TOPICS = (
    "grain exports",
    "energy repairs",
    "school heating",
    "mine clearance",
    "pension payments",
    "water supply",
    "housing compensation",
    "bank lending",
    "railway freight",
    "hospital equipment",
    "fuel prices",
    "prisoner exchanges",
    "reconstruction loans",
    "air-raid shelters",
    "internet access",
    "farm subsidies",
)
EXTRAS = (
    "",
    ", up from {n} a year earlier",
    ", {person} told reporters",
    ", the {org} said in a statement",
    " despite objections from {n} lawmakers",
    ", according to a report published on {day}",
    " after a meeting that lasted {n} hours",
    ", with {pct} percent of respondents in favour",
)
ORGS = (
    "finance ministry",
    "energy ministry",
    "national bank",
    "city council",
    "regional administration",
    "Red Cross",
    "World Bank",
    "European Commission",
    "statistics office",
    "railway company",
    "health ministry",
    "central election commission",
)
GIVEN_NAMES = (
    "Olena", "Maria", "Iryna", "Natalia", "Oksana", "Tetiana", "Yulia", "Kateryna", "Anna",
    "Sophie", "Emma", "Laura", "Petro", "Mykola", "Taras", "Oleh", "Ivan", "Dmytro", "Yurii",
    "Vasyl", "Roman", "Mark", "James", "Thomas", "Daniel", "Peter", "Michael", "Andreas",
    "Pierre", "Lukas", "Tomasz", "Jan",
)  # fmt: skip
SURNAME_STEMS = (
    "Kov", "Pet", "Shev", "Bond", "Mel", "Tkach", "Hryts", "Lys", "Moroz", "Sav", "Dan",
    "Ost", "Kravch", "Pol", "Zin", "Kuz", "Marchen", "Yar", "Ros", "Bil", "Hor", "Koval",
    "Ster", "Bran", "Wald", "Holm", "Fisch", "Hart", "Lind", "Berg",
)  # fmt: skip
SURNAME_ENDINGS = (
    "enko", "uk", "chuk", "ov", "yshyn", "iak", "ets", "ovych", "sky", "ova", "man", "er",
    "son", "ton", "ley", "ström",
)  # fmt: skip
# --unique: claims name people too, and close with a clause of their own.
PERSON_CLAIMANTS = (
    "{person}, a spokesperson for the {unit} brigade,",
    "{person}, an adviser to the regional governor,",
    "military blogger {person}",
    "{person} of the {unit} battalion",
)
CLAIM_ENDINGS = (
    " in an update posted at {hh}:{mm} local time",
    ", citing {n} sources",
    ", {person} told reporters",
    " in its {unit} report in {n} days",
    " (update {n}, {hh}:{mm})",
    ", after {n} hours of shelling",
)
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
FIRST_DAY = date(2022, 2, 24)
DAY_SPAN = 1000


def corpus_places(places: Sequence[Place]) -> list[Place]:
    """Places a war report would name: settlements in Ukraine."""
    return [p for p in places if p.country == "UA"]


def generate(
    count: int,
    *,
    places: Sequence[Place],
    seed: int = 1,
    min_chars: int = 3000,
    unique: bool = False,
) -> Iterator[Article]:
    """Yield ``count`` articles; the same ``seed`` and ``places`` give the same articles.

    With ``unique``, no sentence (title included) occurs twice in the whole corpus.
    """
    rng = random.Random(seed)
    seen: set[str] | None = set() if unique else None
    pool = corpus_places(places)
    weights = [{"city": 20.0, "town": 4.0}.get(p.kind, 1.0) for p in pool]
    for number in range(count):
        target = rng.randint(min_chars, min_chars + 2000)
        picks = rng.choices(pool, weights=weights, k=6)
        paragraphs: list[str] = []
        size = 0
        while size < target:
            if seen is None:
                sentences = [_filler(rng) for _ in range(rng.randint(2, 4))]
            else:
                sentences = [_fresh(rng, seen, _composed) for _ in range(rng.randint(2, 4))]
            for _ in range(rng.choice((0, 1, 1, 2))):
                at = rng.randrange(len(sentences) + 1)
                if seen is None:
                    claim = _claim(rng, picks)
                else:
                    claim = _fresh(rng, seen, lambda r: _varied_claim(r, picks))  # noqa: B023
                sentences.insert(at, claim)
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
        text = "\n\n".join(paragraphs)
        published = FIRST_DAY + timedelta(days=rng.randrange(DAY_SPAN))
        title = f"War update: {_spelling(rng, picks[0])}"
        if seen is not None:
            title = _fresh(rng, seen, lambda _r: title, first=title)  # noqa: B023
        yield Article(
            id=f"bench-{number:05d}.txt",
            text=text,
            published=published,
            title=title,
            source="synthetic",
        )


def _claim(rng: random.Random, picks: Sequence[Place]) -> str:
    side = rng.choice(("UA", "RU"))
    other = "RU" if side == "UA" else "UA"
    first, second = rng.sample(list(picks), 2)
    sentence = rng.choice(CLAIMS).format(
        p=_spelling(rng, first),
        q=_spelling(rng, second),
        by=rng.choice(CLAIMANTS),
        f=FORCES[side],
        e=FORCES[other],
        adj=ADJECTIVES[side],
        month=rng.choice(MONTHS),
        day=rng.choice(DAYS),
        n=rng.randint(2, 90),
    )
    return sentence[0].upper() + sentence[1:]


def _varied_claim(rng: random.Random, picks: Sequence[Place]) -> str:
    """A claim whose wording apart from its places varies too: a claimant may be a person
    and a clause with names and numbers closes it, so even its frame seldom recurs."""
    sentence = _claim(rng, picks)
    for claimant in CLAIMANTS:
        if claimant in sentence and rng.random() < 0.4:
            person = rng.choice(PERSON_CLAIMANTS).format(person=_person(rng), unit=_ordinal(rng))
            sentence = sentence.replace(claimant, person.rstrip(","), 1)
            sentence = sentence[0].upper() + sentence[1:]
            break
    ending = rng.choice(CLAIM_ENDINGS).format(
        hh=f"{rng.randint(0, 23):02d}",
        mm=f"{rng.randint(0, 59):02d}",
        n=rng.randint(2, 990),
        person=_person(rng),
        unit=_ordinal(rng),
    )
    return f"{sentence[:-1]}{ending}."


def _ordinal(rng: random.Random) -> str:
    n = rng.randint(1, 160)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _filler(rng: random.Random) -> str:
    return rng.choice(FILLER).format(n=rng.randint(2, 900))


def _person(rng: random.Random) -> str:
    surname = rng.choice(SURNAME_STEMS) + rng.choice(SURNAME_ENDINGS)
    return f"{rng.choice(GIVEN_NAMES)} {surname}"


def _composed(rng: random.Random) -> str:
    """A filler sentence put together from parts, so that it is almost never repeated."""
    slots = {
        "day": rng.choice(DAYS),
        "month": rng.choice(MONTHS[:5]),
        "person": _person(rng),
        "org": rng.choice(ORGS),
        "ordinal": rng.choice(ORDINALS),
        "topic": rng.choice(TOPICS),
        "pct": rng.randint(1, 99),
    }
    parts = (rng.choice(OPENERS), rng.choice(SUBJECTS), " ", rng.choice(PREDICATES))
    sentence = "".join(parts) + rng.choice(EXTRAS) + "."
    # every {n} gets a number of its own
    while "{n}" in sentence:
        sentence = sentence.replace("{n}", str(rng.randint(2, 990)), 1)
    sentence = sentence.format(**slots)
    return sentence[0].upper() + sentence[1:]


def _fresh(
    rng: random.Random,
    seen: set[str],
    make: Callable[[random.Random], str],
    *,
    first: str | None = None,
) -> str:
    """A sentence from ``make`` that is not in ``seen`` (then added to it); a repeat gets a
    clause with a person and a number until it is new."""
    sentence = first if first is not None else make(rng)
    while sentence in seen:
        clause = f", {_person(rng)} wrote in update {rng.randint(2, 99_999)}"
        body, end = (sentence[:-1], sentence[-1]) if sentence[-1] in ".!?" else (sentence, "")
        sentence = f"{body}{clause}{end}"
    seen.add(sentence)
    return sentence


def _spelling(rng: random.Random, place: Place) -> str:
    """Mostly the official name; sometimes a Latin alias, as reporting spells places variously."""
    latin = [a for a in place.aliases if a.isascii() and a[:1].isupper()]
    return rng.choice(latin) if latin and rng.random() < 0.3 else place.name


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="JSON Lines file (default: stdout)")
    parser.add_argument("--unique", action="store_true", help="no sentence occurs twice")
    args = parser.parse_args(argv)
    from kharkivmap.gazetteer import Gazetteer

    places = Gazetteer.load().places
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    with out:
        for article in generate(args.articles, places=places, seed=args.seed, unique=args.unique):
            record = {
                "id": article.id,
                "text": article.text,
                "published": article.published.isoformat() if article.published else None,
                "title": article.title,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
