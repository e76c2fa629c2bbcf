"""Doubling an article at most about doubles the work of reading it (issue 15).

Work is counted as the lines of geomap's and the gazetteer's own code that run, traced with
sys.settrace: the count does not depend on the machine, so its bound can be tight. A step
that rescans the text for every sentence, name or event shows as a ratio near 16 when the
text grows fourfold. Work done inside C (a slice, a regex, str.split) runs no line: its
time is measured by bench/bench_linear.py, which prints t(2N)/t(N) for each shape. A timing
bound has no place here, where a busy machine would fail it (a CPU-time ratio test did,
at 6.01 against 6.0).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import gazetteer
import geomap
from gazetteer import Gazetteer
from geomap.extract import extract_events
from geomap.metadata import text_metadata
from geomap.model import Article
from geomap.sources import decode_bytes

# Written for this test: the kinds of sentence a wire story about a protest is made of.
SENTENCES = (
    "Thousands of protesters gathered in Bishkek on Monday to demand the resignation of "
    "the government, witnesses said.",
    "Police fired tear gas at demonstrators who tried to storm the regional administration in Osh.",
    "At least 12 people were killed and 150 injured in the clashes, according to the "
    "Health Ministry.",
    "The opposition said some 20,000 people took part, while police put the figure at about 3,000.",
    "More than 40 activists were detained overnight on the outskirts of Nairobi.",
    "Soldiers blocked the main road to Kisumu on March 21.",
    "In Washington, the State Department said it was following the events with concern.",
    "Supporters of the mayor occupied the city hall in Bangkok and set fire to two cars.",
)
# Clauses of one sentence with no full stop anywhere.
CLAUSES = (
    "thousands of protesters gathered in Bishkek on Monday",
    "police fired tear gas at demonstrators who tried to storm a building in Osh",
    "at least 12 people were killed and 150 injured in clashes with soldiers",
    "the opposition said some 20,000 people took part in the march",
    "more than 40 activists were detained overnight in Nairobi",
    "soldiers blocked the main road to Kisumu",
)
# For the many-places text: each sentence names two towns not named before.
PLACE_SENTENCE = "Hundreds of students marched in {} while riot police detained 30 people in {}."

SHAPES = ("lines", "single line", "long sentence", "many places")


def _repeat(parts: tuple[str, ...], joiner: str, size: int) -> str:
    pieces: list[str] = []
    while sum(len(p) + len(joiner) for p in pieces) < size:
        pieces.append(parts[len(pieces) % len(parts)])
    return joiner.join(pieces)


def make_text(shape: str, size: int, towns: list[str]) -> str:
    """About `size` characters of protest prose in one of the SHAPES."""
    if shape == "lines":
        return _repeat(SENTENCES, "\n", size)
    if shape == "single line":
        return _repeat(SENTENCES, " ", size)
    if shape == "long sentence":
        return "Reports said " + _repeat(CLAUSES, ", and ", size) + "."
    lines: list[str] = []
    while sum(len(line) + 1 for line in lines) < size:
        n = len(lines)
        lines.append(PLACE_SENTENCE.format(towns[2 * n], towns[2 * n + 1]))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def towns(gaz: Gazetteer) -> list[str]:
    # The gazetteer has no listing call; its table is read directly, as the benches do.
    rows = gaz._con.execute(
        "SELECT name FROM places WHERE kind = 'city' AND name GLOB '[A-Z][a-z]*'"
        " AND name NOT GLOB '*[^A-Za-z]*' ORDER BY population DESC, geonameid LIMIT 2000"
    )
    return list(dict.fromkeys(name for (name,) in rows))  # a name shared by two towns once


def read_article(gaz: Gazetteer, text: str) -> int:
    """The per-article path after reading a file: decode, metadata, events."""
    decoded, _ = decode_bytes(text.encode("utf-8"))
    meta = text_metadata(decoded)
    return len(extract_events(Article(source="t.txt", text=decoded, date=meta.date), gaz))


_OWN_CODE = tuple(str(Path(str(module.__file__)).parent) for module in (geomap, gazetteer))


@contextmanager
def counting_lines() -> Iterator[list[int]]:
    """Counts the lines of geomap and gazetteer code run inside the block."""
    count = [0]

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        if event == "line":
            count[0] += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return local if frame.f_code.co_filename.startswith(_OWN_CODE) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        yield count
    finally:
        sys.settrace(previous)


def lines_run(gaz: Gazetteer, text: str) -> int:
    with counting_lines() as count:
        read_article(gaz, text)
    return count[0]


SMALL = 6_000


@pytest.mark.parametrize("shape", SHAPES)
def test_four_times_the_text_runs_at_most_about_four_times_the_lines(
    gaz: Gazetteer, towns: list[str], shape: str
) -> None:
    small, large = make_text(shape, SMALL, towns), make_text(shape, 4 * SMALL, towns)
    assert len(large) >= 3.9 * len(small)
    # One-off work (the gazetteer's first queries) is done before counting, on another
    # text: warming up on `small` itself would spare it the lookups of its own names.
    read_article(gaz, make_text("lines", 2_000, towns))
    small_lines = lines_run(gaz, small)  # first: the large text repeats its names
    ratio = lines_run(gaz, large) / small_lines
    # Linear work gives 4 (less where caches help); a quadratic step, up to 16.
    assert ratio <= 4.6, f"{shape}: {ratio:.2f} times the lines for 4 times the text"


def test_the_text_shapes_are_what_they_claim(towns: list[str]) -> None:
    assert "\n" not in make_text("single line", SMALL, towns)
    long_sentence = make_text("long sentence", SMALL, towns)
    assert long_sentence.count(".") == 1 and long_sentence.endswith(".")
    many = make_text("many places", 4 * SMALL, towns).splitlines()
    named = [town for line in many for town in towns if f" {town} " in line or f" {town}." in line]
    assert len(set(named)) >= 2 * len(many)  # every line names two new towns
