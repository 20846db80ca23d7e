"""The prefilter only ever skips texts a pattern cannot match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kharkivmap.claimants import _lexicon
from kharkivmap.prefilter import may_match, required_text, required_words, words_match
from kharkivmap.rules import rules


def test_literal_runs_and_alternatives_are_required() -> None:
    pattern = re.compile(r"\b(?:gerasimov|chief of (?:the )?russian general staff)\b")
    assert required_text(pattern) == (frozenset({"gerasimov", "russian general staff"}),)
    assert not may_match(required_text(pattern), "the chief of staff said")
    assert may_match(required_text(pattern), "the chief of the russian general staff said")


def test_whole_words_are_required() -> None:
    pattern = re.compile(r"\b(?:the associated press|ap|reuters)\b")
    assert required_words(pattern) == (frozenset({"associated", "ap", "reuters"}),)
    assert not words_match(required_words(pattern), {"the", "capture"})
    spaced = re.compile(r"\b(?:russian|russia's)\s+(?:[\w'-]+\s+){0,2}?(?:ministry|mod)\b")
    assert required_words(spaced) == (
        frozenset({"russian", "russia"}),
        frozenset({"ministry", "mod"}),
    )


def test_words_that_may_run_on_require_nothing() -> None:
    assert required_words(re.compile(r"ap")) == ()
    assert required_words(re.compile(r"\bab(?:cd|ef)gh\b")) == ()
    assert required_words(re.compile(r"\b(?:ax)?bc\b")) == ()
    assert required_words(re.compile(r"\bab\b", re.IGNORECASE)) == ()
    assert required_words(re.compile(r"\b(?:a\s+)?bc(?![^\w])")) == ()


def test_optional_parts_and_case_folding_require_nothing() -> None:
    assert required_text(re.compile(r"(?:under\s+)?control")) == (frozenset({"control"}),)
    assert required_text(re.compile(r"under|\d+")) == ()
    assert required_text(re.compile(r"under control", re.IGNORECASE)) == ()
    assert required_text(re.compile(r"(?i:under) control")) == (frozenset({" control"}),)


_PATTERNS = [r.pattern for r in rules() if r.needs] + [
    s.pattern for s in _lexicon().sources if s.needs or s.words
]
_WORDS = sorted(
    {w for p in _PATTERNS for w in re.findall(r"[a-z]{2,}", p.pattern)}
    | {"@0", "@1", "'s", ",", "the", "russian", "ukrainian", "troops", "forces", "12th"}
)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_PATTERNS),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
)
def test_a_skipped_text_holds_no_match(pattern: re.Pattern[str], words: list[str]) -> None:
    text = " ".join(words)
    if pattern.search(text):
        assert may_match(required_text(pattern), text)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_PATTERNS),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
)
def test_a_text_lacking_the_words_holds_no_match(
    pattern: re.Pattern[str], words: list[str]
) -> None:
    text = " ".join(words)
    if pattern.search(text):
        assert words_match(required_words(pattern), set(re.findall(r"[a-z]{2,}", text)))
