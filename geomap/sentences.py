"""Sentence and paragraph boundaries as offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["CITATION_MARKS", "Span", "sentence_text", "split_paragraphs", "split_sentences"]


@dataclass(frozen=True)
class Span:
    """A sentence: text[start:end], with surrounding whitespace left out."""

    start: int
    end: int  # exclusive
    paragraph: int  # 0-based; counts paragraph breaks before the sentence


# Abbreviations that never end a sentence, whatever follows ("Mr. Akayev", "St. Petersburg").
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cpl",
        "maj",
        "adm",
        "sen",
        "rep",
        "gov",
        "prof",
        "rev",
        "fr",
        "hon",
        "pres",
        "messrs",
        "mme",
        "mlle",
        "supt",
        "insp",
        "cmdr",
        "brig",
    ]
)
# Titles and abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = _TITLES | frozenset(
    [
        "no",
        "nos",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "jr",
        "sr",
        "inc",
        "corp",
        "ltd",
        "co",
        "bros",
        "mt",
        "ft",
        "approx",
        "est",
        "dept",
        "univ",
        "ave",
        "blvd",
        "rd",
        "atty",
        "e.g",
        "i.e",
        "cf",
        "al",
        "fig",
    ]
)
# Words that start sentences often enough that "... in the U.S. The talks" should split.
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "however",
        "meanwhile",
        "police",
        "officials",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "some",
        "many",
        "most",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "witnesses",
        "protesters",
        "demonstrators",
        "authorities",
        "opposition",
        "earlier",
        "later",
    ]
)
# Candidate ends: terminal punctuation, closing quotes or brackets, then whitespace.
# An encyclopaedia's citation markers follow the full stop: "was killed.[4] On the same
# day"; the sentence ends after them.
CITATION_MARKS = r"(?:\[(?:\d{1,3}|[a-z]|note\s+\d{1,3}|citation\s+needed)\])*"
# ("[.!?…][.!?…]*", not "[.!?…]+": `re` skips ahead to a pattern's first character only
# where the pattern opens with a class, not with a repeat of one; the matches are the same.)
_CANDIDATE_RE = re.compile(r"([.!?…][.!?…]*[\"'”’»)\]]*)" + CITATION_MARKS + r"(?=\s)")
_HORIZONTAL_SPACE = " \t\f\v\u00a0"
_BREAK_RE = re.compile(
    rf"[{_HORIZONTAL_SPACE}]*(?:\r\n|\r|\n)(?:[{_HORIZONTAL_SPACE}]*(?:\r\n|\r|\n))*"
)
_LINE_END_RE = re.compile(r"[\r\n]")
_WORD_BEFORE_RE = re.compile(r"([\w.'’-]*)$")
_NEXT_TOKEN_RE = re.compile(r"\s+([\"'“‘«(\[]*)(\w*)")
_DOTTED_RE = re.compile(r"(?:\w\.){2,}\w?\.?$")

# Hard-wrapped text (lines cut at a fixed width) joins lines within a paragraph.
_MIN_WRAPPED_LINES = 5
_WRAP_SHARE = 0.6
_MAX_WRAP_WIDTH = 100


def _line_lengths(text: str) -> list[int]:
    return [len(line.rstrip()) for line in text.splitlines() if line.strip()]


def _wrap_width(text: str) -> int | None:
    """The fixed width the text was wrapped at, or None when lines are paragraphs."""
    lengths = _line_lengths(text)
    if len(lengths) < _MIN_WRAPPED_LINES:
        return None
    width = max(lengths)
    if width > _MAX_WRAP_WIDTH:
        return None
    near_width = sum(1 for length in lengths if length >= width - 15)
    return width if near_width >= _WRAP_SHARE * len(lengths) else None


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph. A line break starts a new paragraph, except inside
    hard-wrapped text, where only blank lines and short lines end a paragraph."""
    width = _wrap_width(text)
    paragraphs: list[tuple[int, int]] = []
    start = 0
    for brk in _breaks(text):
        blank_line = brk.group(0).replace("\r\n", "\n").replace("\r", "\n").count("\n") > 1
        if width is not None and not blank_line:
            line_start = max(text.rfind("\n", 0, brk.start()), text.rfind("\r", 0, brk.start()))
            # A wrapped line runs to near the width; a shorter one ends its paragraph.
            if brk.start() - (line_start + 1) >= width - 15:
                continue
        paragraphs.append((start, brk.start()))
        start = brk.end()
    paragraphs.append((start, len(text)))
    return [(s, e) for s, e in paragraphs if text[s:e].strip()]


def _breaks(text: str) -> Iterator[re.Match[str]]:
    """What _BREAK_RE.finditer(text) finds, found faster: `re` tries a pattern that opens
    with spaces that may be none at every position of the text, while the first character
    of a line end is found by a scan. A break holds a line end, and starts at the spaces
    right before the first one after the last break: no earlier, and no later, since its
    leading spaces take them all."""
    end = 0
    while (line_end := _LINE_END_RE.search(text, end)) is not None:
        start = line_end.start()
        while start > end and text[start - 1] in _HORIZONTAL_SPACE:
            start -= 1
        brk = _BREAK_RE.match(text, start)
        if brk is None:  # (never: spaces, then a line end, start there)
            return
        yield brk
        end = brk.end()


def _is_boundary(text: str, match: re.Match[str], limit: int) -> bool:
    """Whether the punctuation `match` found (with any citation markers after it) really
    ends a sentence."""
    punct, end = match.group(1), match.end(1)
    following = _NEXT_TOKEN_RE.match(text, match.end(), limit)
    if following is None:
        return True
    next_word = following.group(2)
    if next_word[:1].islower():
        return False  # '"Go home!" he shouted.', "e.g. the"
    if punct.rstrip("\"'”’»)]") != ".":
        return True  # "?", "!", "..." end a sentence whatever came before
    before = _WORD_BEFORE_RE.search(text, max(0, end - 40), end - len(punct) + 1)
    word = before.group(1) if before else ""
    bare = word.rstrip(".").lower()
    if punct != ".":
        return True  # a closing quote or bracket after the full stop
    if bare in _TITLES:
        return False
    if bare == "no":
        return not next_word[:1].isdigit()
    if bare in _ABBREVIATIONS:
        return next_word.lower() in _SENTENCE_STARTERS
    if len(bare) == 1 and word[:1].isupper():
        return False  # an initial: "J. Smith"
    if _DOTTED_RE.search(word):
        # "U.S.", "a.m.": ends a sentence only before a word that usually starts one.
        return next_word.lower() in _SENTENCE_STARTERS
    return True


def split_sentences(text: str) -> list[Span]:
    """Sentences of the text, in order, as spans that never cross a paragraph break."""
    spans: list[Span] = []
    for paragraph, (para_start, para_end) in enumerate(split_paragraphs(text)):
        start = para_start
        for match in _CANDIDATE_RE.finditer(text, para_start, para_end):
            if _is_boundary(text, match, para_end):
                _append(spans, text, start, match.end(), paragraph)
                start = match.end()
        _append(spans, text, start, para_end, paragraph)
    return spans


def _append(spans: list[Span], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end, paragraph))


def sentence_text(text: str, span: Span) -> str:
    """The verbatim sentence."""
    return text[span.start : span.end]
