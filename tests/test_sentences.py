"""Sentence splitting for news copy."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kharkivmap.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "U.S. envoy Blinken visited Kyiv on Nov. 11. Gen. Syrskyi and Oleksandr O. Syrskyi spoke."
    )
    assert _texts(text) == [
        "U.S. envoy Blinken visited Kyiv on Nov. 11.",
        "Gen. Syrskyi and Oleksandr O. Syrskyi spoke.",
    ]


def test_a_quotation_of_several_sentences_stays_with_its_speaker() -> None:
    text = "“Bakhmut has been taken. We hold it,” he said. Next."
    assert _texts(text) == ["“Bakhmut has been taken. We hold it,” he said.", "Next."]


def test_a_quoted_paragraph_with_no_speaker_after_it_splits() -> None:
    text = "“Russia took a village. The ministry named it Metolkine.” (06/19/22)"
    assert _texts(text)[:2] == ["“Russia took a village.", "The ministry named it Metolkine.”"]


def test_quotes_with_their_speaker_between_them_stay_whole() -> None:
    text = "“Kreminna is lost. They entered,” the governor said. “We had to withdraw.”"
    assert _texts(text) == [
        "“Kreminna is lost. They entered,” the governor said.",
        "“We had to withdraw.”",
    ]


def test_a_quoted_paragraph_with_its_speaker_after_it_stays_whole() -> None:
    text = "“Russia took a village. The ministry named it Metolkine,” he wrote."
    assert _texts(text) == [text]


def test_unbalanced_quotes_fall_back_to_plain_splitting() -> None:
    assert _texts("“Open quote. Another sentence.") == ["“Open quote.", "Another sentence."]


def test_lines_are_boundaries_and_headings_are_marked() -> None:
    text = "Title line\n\nUkraine says Russia pulling back:\nTroops left. More text"
    found = split_sentences(text)
    assert _texts(text) == [
        "Title line",
        "Ukraine says Russia pulling back:",
        "Troops left.",
        "More text",
    ]
    assert [s.line for s in found] == [0, 1, 2, 2]
    assert [s.heading for s in found] == [False, True, False, False]
    assert [s.first_in_line for s in found] == [True, True, True, False]


def test_offsets_slice_the_stripped_sentence() -> None:
    text = "  A first one.   B second one!  \n\t C third?  "
    for s in split_sentences(text):
        assert text[s.start : s.end] == text[s.start : s.end].strip()
    assert _texts(text) == ["A first one.", "B second one!", "C third?"]


# The abbreviation check walks back by hand; this is the pattern it stands in for.
_WORD_BEFORE = re.compile(r"([\w.'’-]*)[.!?]+[\"”’')\]»]*$")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Gen", "u.s", "O", "ab", "é", "5", "_", "-", "'", "’", ".", "!", '"', ")", " ",
             "x" * 30, "!" * 45, "Mr", "NO", "r-n", "K", "a.M"]
        ),
        max_size=12,
    ).map(lambda tokens: "".join(tokens) + ". Z")
)  # fmt: skip
def test_abbreviation_word_is_the_one_the_pattern_finds(line: str) -> None:
    from kharkivmap.sentences import _abbreviations, _boundaries, _is_abbreviation

    boundaries = _boundaries(".!?")
    for cut in boundaries.pattern.finditer(line):
        start, end = cut.span(1)
        found = _WORD_BEFORE.search(line, max(0, end - 40), end)
        word = found.group(1).strip(".").lower() if found else ""
        expected = (len(word) == 1 and word.isalpha()) or word in _abbreviations()
        assert _is_abbreviation(line, start, max(0, end - 40)) == expected
        # only boundaries the pattern marks (or long runs of stops) are checked by hand
        if expected:
            assert cut.start(2) >= 0 or end - start >= boundaries.long_run


def test_a_bullet_list_stays_with_the_line_that_opens_it() -> None:
    text = (
        "The General Staff said the following settlements were liberated:\n\n"
        "- Liubymivka\n- Khreshchenivka\n\n"
        "- A long paragraph that happens to start with a dash, and goes on for a while.\n"
        "Fighting continues."
    )
    got = [text[s.start : s.end] for s in split_sentences(text)]
    assert got[0].endswith("- Khreshchenivka")
    assert got[0].startswith("The General Staff said")
    assert got[1].startswith("- A long paragraph")  # too long for a list item
    assert got[2] == "Fighting continues."
