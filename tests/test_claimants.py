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
            # the denied claim's owner, not the denier, made the claim
            "ukraine's military denied russian claims that its forces had captured @0.",
            "captured",
            "Russian government",
        ),
        (
            "russian forces likely control the town @0, the uk ministry said.",
            "control",
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
            "Ukrainian Foreign Ministry (Oleh Nikolenko)",
        ),
        ("ukrainian troops entered @0 on friday.", "entered", None),
        ("fighting was reported near @0 on friday.", "fighting", None),
    ],
)
def test_innermost_speaker(frame: str, anchor: str, expected: str | None) -> None:
    assert _claimant(frame, anchor) == expected


@pytest.mark.parametrize(
    ("frame", "anchor", "expected"),
    [
        (
            "@0 was liberated, the 3rd separate assault brigade said.",
            "liberated",
            "3rd Separate Assault Brigade",
        ),
        (
            "troops captured @0, a village on the border, the state border guard service said.",
            "captured",
            "Ukrainian State Border Guard Service",
        ),
        (
            "@0 has been liberated, ukraine's marine corps said.",
            "liberated",
            "Ukrainian Marine Corps",
        ),
        (
            "troops took @0, general valery gerasimov told putin.",
            "took",
            "Russian General Staff (Valery Gerasimov)",
        ),
        (
            "ms tetiana apatchenko, press officer for the 92nd separate mechanised brigade,"
            " the main ukrainian force near @0, confirmed that troops had recaptured @1.",
            "recaptured",
            "92nd Separate Mechanised Brigade (Tetiana Apatchenko)",
        ),
        (
            "the general staff of the ukrainian armed forces reported a withdrawal from @0.",
            "withdrawal",
            "Ukrainian General Staff",
        ),
        (
            "troops took @0, the defence ministry in moscow said.",
            "took",
            "Russian Defense Ministry",
        ),
        ("the russian army said it had liberated @0.", "liberated", "Russian army"),
        ("ukrainian authorities said troops had left @0.", "left", "Ukrainian authorities"),
        (
            "ms tetiana apatchenko, press officer for the 92nd separate mechanised brigade, the"
            " main ukrainian force fighting north of @0 and in the villages around it, confirmed"
            " that troops had recaptured @1.",
            "recaptured",
            "92nd Separate Mechanised Brigade (Tetiana Apatchenko)",
        ),
        ("troops took @0, tass reported.", "took", "TASS"),
        # a named outlet citing nobody is the claimant; one relaying a source yields to it
        ("troops took @0, interfax-ukraine reported.", "took", "Interfax-Ukraine"),
        (
            "the general staff said troops took @0, interfax-ukraine reported.",
            "took",
            "Ukrainian General Staff",
        ),
        ("troops took @0, local media reported.", "took", None),
    ],
)
def test_the_most_specific_organisation_in_the_text_words(
    frame: str, anchor: str, expected: str | None
) -> None:
    assert _claimant(frame, anchor) == expected


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        ("russian propagandist vladimir solovyov claimed that @0 fell.", "Vladimir Solovyov"),
        (
            "defence minister sergei shoigu said troops took @0.",
            "Russian Defense Ministry (Sergei Shoigu)",
        ),
        (
            "president volodymyr zelensky said troops liberated @0.",
            "Ukrainian President (Volodymyr Zelensky)",
        ),
        ("oleh said troops left @0.", None),
        (
            "the enemy took @0, ukrainian army spokesman volodymyr fityo said.",
            "Ukrainian military (Volodymyr Fityo)",
        ),
    ],
)
def test_an_unknown_person_keeps_the_name(frame: str, expected: str | None) -> None:
    assert _claimant(frame, "@0") == expected


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (
            "serhiy cherevaty, a spokesman for ukraine's armed forces, said troops entered @0.",
            "Ukrainian armed forces (Serhiy Cherevaty)",
        ),
        ("the russian defence ministry said troops took @0.", "Russian Defense Ministry"),
        # a person too far from the office, across a clause, is someone else
        (
            "oleh petrenko, who visited the front in the spring and met soldiers there, was"
            " not present when the russian defence ministry said troops took @0.",
            "Russian Defense Ministry",
        ),
    ],
)
def test_an_office_keeps_the_person_named_beside_it(frame: str, expected: str) -> None:
    assert _claimant(frame, "@0") == expected


def test_a_pronoun_can_point_to_an_organisation_that_did_not_comment() -> None:
    (ministry,) = find_speakers("the russian ministry of defense has not provided comments.")
    assert ministry.named(None) == "Russian Defense Ministry"


def test_an_addressee_does_not_speak() -> None:
    frame = "“we have liberated @0,” gerasimov told putin in a video posted on the kremlin site."
    speaker = choose_speaker(find_speakers(frame), frame.index("liberated"))
    assert speaker is not None and speaker.named("RU") == "Russian General Staff (Valery Gerasimov)"


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


def test_whom_a_speaker_told_is_no_speaker() -> None:
    frame = (
        '"the ukrainian army has taken back @0," oleksiy gromov, an official with the '
        "ukrainian general staff, told television."
    )
    names = [s.name for s in find_speakers(frame)]
    assert names == ["Ukrainian General Staff (Oleksiy Gromov)"]
