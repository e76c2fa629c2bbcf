"""The per-core shortcuts (issue 17) answer as the full scans they stand in front of.

Each shortcut skips a costly scan where a cheap test shows the scan cannot find anything;
these tests pin both sides of each cheap test to what the scan itself says.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap import event_places
from geomap.decoding import remove_invisible
from geomap.event_places import _EndsWithWord
from geomap.extract import _SCOPE_WORDS, _is_prose, _may_scope
from geomap.figures import _CROWD_VOCABULARY_RE, _has_crowd_word, parse_crowds
from geomap.model import EventType
from geomap.triggers import classify

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of people marched through the city.",
        "The RALLY drew a large Crowd on Friday.",
        "Opposition-supporters waited outside.",
        "Police fired tear gas.",
        "no\u00a0crowd here",  # a no-break space splits chunks, and no crowd word holds one
        "",
    ],
)
def test_crowd_word_test_agrees_with_the_vocabulary_pattern(sentence: str) -> None:
    expected = _CROWD_VOCABULARY_RE.search(sentence.lower()) is not None
    assert _has_crowd_word(sentence) is expected


def test_a_crowd_figure_is_still_found_behind_the_word_test() -> None:
    crowds = parse_crowds("About 5,000 protesters marched in Bishkek.")
    assert [(c.low, c.text) for c in crowds] == [(5000, "About 5,000 protesters")]


def test_a_sentence_without_stems_or_numbers_has_no_trigger() -> None:
    # No chunk of it holds a trigger stem or a number word: nothing to classify.
    assert classify("The weather is nice.") == ()


def test_a_sentence_with_stems_is_still_classified() -> None:
    triggers = classify("Police arrested 40 people in Osh.")
    assert [t.event_type for t in triggers] == [EventType.ARREST]
    assert triggers[0].text == "arrested"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O\u200bsh", "Osh"),  # the zero-width space goes
        ("plain ASCII text", "plain ASCII text"),  # ASCII holds no invisible character
        ("Café in Bishkek", "Café in Bishkek"),  # non-ASCII, but nothing invisible
        ("co\u00adoperation", "cooperation"),  # a soft hyphen goes
    ],
)
def test_remove_invisible(text: str, expected: str) -> None:
    assert remove_invisible(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Short, but a full stop before the citation marks: prose.
        ("Protesters gathered in Kumasi.[4]", True),
        ("Protesters gathered in Kumasi.[4][note 2]", True),
        # Short, ending in a bracket that is no citation mark: not prose.
        ("See the gallery [photo]", False),
        # Short, no bracket, no full stop: furniture.
        ("Home | News | Sport", False),
        ("Related stories", False),
    ],
)
def test_is_prose_with_and_without_trailing_citations(line: str, expected: bool) -> None:
    assert _is_prose(line) is expected


_SCOPE_PIECES = [
    "nation", "wide", "-", " ", "the ", "whole ", "country", "national ", "strike",
    "across", "throughout", "all over", "around ", "in ", "most of them in the provinces",
    "state", "province", "region", "island", "territory", "Across", "NATION", "Over",
    "\u0130", "\u0131", "\u017f", "\u212a", "é", ", ", "Kenya",
]  # fmt: skip


@given(st.lists(st.sampled_from(_SCOPE_PIECES), max_size=12))
def test_the_scope_words_turn_away_no_text_a_scope_pattern_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    for scope in _SCOPE_WORDS:
        assert scope.search(text) is None or _may_scope(text, scope), (scope.pattern, text)


def test_every_scope_match_in_the_bench_reports_holds_a_scope_word() -> None:
    # Each match itself holds one of its pattern's words: the words are what the pattern
    # reads, not what happens to stand near it.
    paths = sorted((ROOT / "bench").glob("fresh*/texts/*.txt"))
    assert paths
    matched = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for scope, words in _SCOPE_WORDS.items():
            for match in scope.finditer(text):
                matched += 1
                assert any(word in match.group(0).lower() for word in words), match.group(0)
    assert matched > 100


_ENDS_WITH_WORD = [
    value for value in vars(event_places).values() if isinstance(value, _EndsWithWord)
]
_TAIL_PIECES = [
    "the ", "The ", "government", " of ", " OF ", "of", "by ", "accused ", "blamed  ",
    "officials", " in ", "in", " In ", "\u0131n ", "\u0130N ", "o\u017f ", "from ", "at ",
    "said ", "told reporters ", "speaking ", "diplomats ", "embassy ", "Cardinal Ruiz ",
    "Mines Limited ", "\u00a0", ", ", "lathe ", "Berlin ", "its embassy ",
]  # fmt: skip


def test_every_end_anchored_pattern_is_wrapped() -> None:
    assert len(_ENDS_WITH_WORD) == 4


@given(st.lists(st.sampled_from(_TAIL_PIECES), max_size=10))
def test_the_last_word_test_turns_away_no_text_its_pattern_matches(pieces: list[str]) -> None:
    before = "".join(pieces)
    for wrapped in _ENDS_WITH_WORD:
        found, bare = wrapped.search(before), wrapped.pattern.search(before)
        assert (found and found.span()) == (bare and bare.span()), before


def test_the_last_word_test_turns_away_no_name_of_the_bench_reports() -> None:
    # The words before every capitalised word of a few sets, as PlaceCue.before cuts them.
    paths = [p for name in ("fresh", "fresh5", "fresh21", "fresh89") for p in
             sorted((ROOT / "bench" / name / "texts").glob("*.txt"))]  # fmt: skip
    assert paths
    matched: Counter[int] = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for name in re.finditer(r"\b[A-Z]", text):
            before = text[max(0, name.start() - 60) : name.start()]
            for index, wrapped in enumerate(_ENDS_WITH_WORD):
                match = wrapped.pattern.search(before)
                if match is not None:
                    matched[index] += 1
                    assert wrapped.may_end(before.lower()), before
    assert len(matched) >= 3, matched
