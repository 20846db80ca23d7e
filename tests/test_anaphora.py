"""Phrases such as "the village" standing for a place named in a sentence before."""

from __future__ import annotations

import pytest

from kharkivmap.anaphora import resolve_anaphors, resolve_plural_anaphors
from kharkivmap.gazetteer import Gazetteer
from kharkivmap.sentences import split_sentences


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _meant(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    mentions = sorted(gazetteer.find_mentions(text), key=lambda m: m.start)
    found = resolve_anaphors(text, split_sentences(text), mentions)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.place.name) for m in found]


def test_the_village_stands_for_the_village_named_before(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Hlyboke on Monday. Ukrainian units left the village on Tuesday."
    assert _meant(gazetteer, text) == [("the village", "Hlyboke")]


def test_a_longer_phrase_is_no_anaphor(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Hlyboke on Monday. The village council met, and the village's school shut."
    assert _meant(gazetteer, text) == []


def test_the_village_is_no_town(gazetteer: Gazetteer) -> None:
    # Lozova in the gazetteer is the town of 54,000: a village by that name is another place
    text = "DeepState reported fighting near Lozova. Its map showed the Russians took the village."
    assert _meant(gazetteer, text) == []


def test_two_places_of_the_same_kind_make_it_ambiguous(gazetteer: Gazetteer) -> None:
    text = (
        "Troops entered Tsyrkuny and Ruski Tyshky. Officials said the enemy had left the village."
    )
    assert _meant(gazetteer, text) == []


def test_the_kind_tells_a_village_from_a_city(gazetteer: Gazetteer) -> None:
    text = (
        "Troops liberated Bilohorivka, 90 km northwest of the center of Russian-occupied "
        "Luhansk. Russia claimed to have captured the village again."
    )
    assert _meant(gazetteer, text) == [("the village", "Bilohorivka")]


def test_reference_points_regions_and_capitals_are_never_meant(gazetteer: Gazetteer) -> None:
    for text in (
        "Fighting went on in Staryi Saltiv, 30 km from Vovchansk. The city was calm.",
        "Russia attacked the Kursk region. The settlement was shelled.",
        "Moscow announced new aims. Troops then left the city.",
    ):
        assert all(
            place not in {"Vovchansk", "Kursk", "Moscow"} for _, place in _meant(gazetteer, text)
        ), text


def test_nothing_named_before_gives_nothing(gazetteer: Gazetteer) -> None:
    assert _meant(gazetteer, "The village was retaken. Later Kupiansk was shelled.") == []


def _plural(gazetteer: Gazetteer, text: str) -> list[tuple[str, list[str]]]:
    mentions = sorted(gazetteer.find_mentions(text), key=lambda m: m.start)
    found = resolve_plural_anaphors(text, split_sentences(text), mentions)
    for p in found:
        assert text[p.mention.start : p.mention.end] == p.mention.text
    return [(p.mention.text, [m.place.name for m in p.antecedents]) for p in found]


def test_both_villages_stand_for_the_two_named_before(gazetteer: Gazetteer) -> None:
    text = "Fighting went on near Urozhaine and Staromaiorske. Russia said it took both villages."
    assert _plural(gazetteer, text) == [("both villages", ["Urozhaine", "Staromaiorske"])]


def test_a_count_that_does_not_fit_stands_for_nothing(gazetteer: Gazetteer) -> None:
    text = "Fighting near Urozhaine, Staromaiorske and Makarivka. Russia took the two villages."
    assert _plural(gazetteer, text) == []


def test_these_villages_stand_for_the_whole_list(gazetteer: Gazetteer) -> None:
    text = "Fighting went on near Urozhaine, Staromaiorske and Makarivka. These villages are lost."
    assert _plural(gazetteer, text) == [
        ("These villages", ["Urozhaine", "Staromaiorske", "Makarivka"])
    ]


def test_other_villages_are_others(gazetteer: Gazetteer) -> None:
    text = "Fighting went on near Urozhaine and Staromaiorske. These other villages are lost."
    assert _plural(gazetteer, text) == []


def test_villages_are_no_city(gazetteer: Gazetteer) -> None:
    text = "Fighting went on near Kharkiv and Lyptsi. Russia said it took both villages."
    assert _plural(gazetteer, text) == []


def test_a_letter_whose_lower_case_is_longer_keeps_the_offsets(gazetteer: Gazetteer) -> None:
    text = "İ. Fighting went on near Urozhaine and Staromaiorske. Russia took both villages."
    assert _plural(gazetteer, text) == [("both villages", ["Urozhaine", "Staromaiorske"])]
