"""Sentence and paragraph boundaries on news text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.sentences import (
    _BREAK_RE,
    _breaks,
    sentence_text,
    split_paragraphs,
    split_sentences,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SPLITS = [
    # text, the sentences expected
    (
        "Police said four officers were killed. Mr. Akayev denied it.",
        ["Police said four officers were killed.", "Mr. Akayev denied it."],
    ),
    (
        "The U.S. State Department urged calm. Dr. Smith agreed.",
        ["The U.S. State Department urged calm.", "Dr. Smith agreed."],
    ),
    (
        "Forces stormed the building at about 4 a.m. (local time). People ran.",
        ["Forces stormed the building at about 4 a.m. (local time).", "People ran."],
    ),
    (
        "They met at 4 p.m. The talks failed.",
        ["They met at 4 p.m.", "The talks failed."],
    ),
    (
        "Turnout rose 2.5 percent. Protests followed.",
        ["Turnout rose 2.5 percent.", "Protests followed."],
    ),
    (
        "Protesters gathered on Jan. 5 in St. Petersburg. Police watched.",
        ["Protesters gathered on Jan. 5 in St. Petersburg.", "Police watched."],
    ),
    (
        "Delegate No. 4 walked out. J. R. Smith stayed.",
        ["Delegate No. 4 walked out.", "J. R. Smith stayed."],
    ),
    (
        '"We will not leave!" he shouted. The crowd cheered.',
        ['"We will not leave!" he shouted.', "The crowd cheered."],
    ),
    (
        'He said: "People are running away in panic." Soldiers fired.',
        ['He said: "People are running away in panic."', "Soldiers fired."],
    ),
    (
        "Was anyone hurt? Nobody knows. Stay tuned!",
        ["Was anyone hurt?", "Nobody knows.", "Stay tuned!"],
    ),
    (
        "Troops fired on the crowd... Witnesses fled.",
        ["Troops fired on the crowd...", "Witnesses fled."],
    ),
    (
        "Demonstrators seized the building, e.g. the governor's office. It burned.",
        ["Demonstrators seized the building, e.g. the governor's office.", "It burned."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [sentence_text(text, span) for span in split_sentences(text)] == expected


def test_blank_lines_separate_paragraphs() -> None:
    text = "First report. Second sentence.\n\n  Next paragraph here.\n\n\nLast one."
    spans = split_sentences(text)
    assert [(sentence_text(text, s), s.paragraph) for s in spans] == [
        ("First report.", 0),
        ("Second sentence.", 0),
        ("Next paragraph here.", 1),
        ("Last one.", 2),
    ]


def test_single_newlines_separate_paragraphs() -> None:
    # Seed 001 writes one paragraph per line with no blank lines between.
    text = (
        "Police evicted demonstrators early today. They had occupied the buildings.\n"
        "Officials say several protesters were injured.\n"
        "Later today, thousands gathered."
    )
    spans = split_sentences(text)
    assert [s.paragraph for s in spans] == [0, 0, 1, 2]


def test_headings_without_punctuation_stand_alone() -> None:
    text = "Call for talks\nThe Prime Minister said the government was ready to talk."
    spans = split_sentences(text)
    assert [sentence_text(text, s) for s in spans] == [
        "Call for talks",
        "The Prime Minister said the government was ready to talk.",
    ]
    assert [s.paragraph for s in spans] == [0, 1]


def test_hard_wrapped_lines_are_joined() -> None:
    lines = [
        "Thousands of protesters marched through the centre of the capital on Sunday",
        "demanding the resignation of the president, and police said the crowd had",
        "grown to more than 20,000 by the afternoon as more people arrived from the",
        "suburbs. Riot police blocked the main avenue leading to the presidential",
        "palace but did not intervene, witnesses said, and no arrests were reported.",
        "",
        "The opposition said it would hold another rally next week.",
    ]
    text = "\n".join(lines)
    spans = split_sentences(text)
    sentences = [sentence_text(text, s) for s in spans]
    assert len(sentences) == 3
    assert sentences[0].startswith("Thousands") and sentences[0].endswith("suburbs.")
    assert [s.paragraph for s in spans] == [0, 0, 1]


def test_windows_line_endings() -> None:
    text = "One paragraph.\r\n\r\nAnother paragraph.\r\nA third."
    spans = split_sentences(text)
    assert [(sentence_text(text, s), s.paragraph) for s in spans] == [
        ("One paragraph.", 0),
        ("Another paragraph.", 1),
        ("A third.", 2),
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\t \r\n"])
def test_empty_text(text: str) -> None:
    assert split_sentences(text) == []
    assert split_paragraphs(text) == []


@given(st.text(max_size=500))
def test_spans_are_stripped_ordered_and_disjoint(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    previous_paragraph = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        assert span.paragraph >= previous_paragraph
        previous_end, previous_paragraph = span.end, span.paragraph
    # Every non-space character belongs to a sentence.
    outside = text
    for span in reversed(spans):
        outside = outside[: span.start] + outside[span.end :]
    assert not outside.strip()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "one line",
        "a \r\n \r b",
        "x  \t\n\n  \r\r\n y \u00a0\n",
        "\r\n\r\nq",
        " \n",
        "trailing spaces   ",
        "a\u00a0\u00a0\r\n\u00a0\n\nb",
        *(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))[:40]),
    ],
)
def test_breaks_are_the_break_pattern_s_matches(text: str) -> None:
    # _breaks skips to line ends instead of trying _BREAK_RE at every position
    found = [m.span() for m in _breaks(text)]
    assert found == [m.span() for m in _BREAK_RE.finditer(text)]


@given(st.text(alphabet=" \t\f\v\u00a0\r\nab.", max_size=40))
def test_breaks_are_the_break_pattern_s_matches_on_any_text(text: str) -> None:
    assert [m.span() for m in _breaks(text)] == [m.span() for m in _BREAK_RE.finditer(text)]
