"""Speakers, their sides and hedging, on sentence frames."""

from __future__ import annotations

import pytest

from kharkivmap.claimants import choose_speaker, find_speakers, is_followup_hedge, is_hedged


def _claimant(frame: str, anchor_word: str) -> str | None:
    speaker = choose_speaker(find_speakers(frame), frame.index(anchor_word))
    return speaker.named(None) if speaker else None


@pytest.mark.parametrize(
    ("frame", "anchor", "expected"),
    [
        (
            "ap reported that the russian defense ministry said troops had left @0.",
            "left",
            "Russian Defense Ministry",
        ),
        (
            "russian troops captured @0, according to the russian defense ministry.",
            "captured",
            "Russian Defense Ministry",
        ),
        (
            "ukrainian units have captured @0, the british military said, as quoted by ap.",
            "captured",
            "British Defence Ministry",
        ),
        (
            "the general staff said its troops had moved to new positions near @0.",
            "moved",
            "Ukrainian General Staff",
        ),
        (
            "foreign ministry spokesperson oleh nikolenko hinted that troops had retaken @0.",
            "retaken",
            "Ukrainian Foreign Ministry",
        ),
        ("ukrainian troops entered @0 on friday.", "entered", None),
        ("fighting was reported near @0 on friday.", "fighting", None),
    ],
)
def test_innermost_speaker(frame: str, anchor: str, expected: str | None) -> None:
    assert _claimant(frame, anchor) == expected


def test_a_relay_chain_after_the_claim_ends_at_the_source() -> None:
    frame = "russian forces have seized @0, ria novosti reported citing the defence ministry."
    speaker = choose_speaker(find_speakers(frame), frame.index("seized"))
    assert speaker is not None and speaker.named("RU") == "Russian Defense Ministry"


def test_pronouns_and_generic_sources() -> None:
    (he,) = find_speakers("“the army has withdrawn,” he said on friday.")
    assert he.inherit and he.name is None
    (officials,) = find_speakers("ukrainian forces retreated from @0, officials acknowledged.")
    assert officials.named("UA") == "Ukrainian officials"
    assert officials.named(None) == "Ukrainian officials"  # the sentence's side word


@pytest.mark.parametrize(
    ("frame", "hedged"),
    [
        ("ukraine appears to have won the battle.", True),
        ("russia claimed to have taken @0.", True),
        ("the claim could not be independently verified.", True),
        ("ukrainian troops entered @0 on friday.", False),
    ],
)
def test_hedges(frame: str, hedged: bool) -> None:
    assert is_hedged(frame) is hedged


def test_follow_up_doubt_stands_alone() -> None:
    assert is_followup_hedge("reuters could not independently verify the report.")
    assert not is_followup_hedge("reuters could not independently verify that @0 fell.")
