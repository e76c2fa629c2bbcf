"""Caseless patterns find what their IGNORECASE twins find, at the same offsets.

Every Caseless pattern of the library is run both ways over the words before and after
each capitalised word of the seed articles (what the place rules read) and over their
sentences; the pattern checker is pinned on the patterns it must refuse.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap import figures, triggers
from geomap.caseless import _UNCASED, Caseless, WordLed, _first_characters, guarded
from geomap.triggers import _UNREALISED_RE, may_be_unrealised

ROOT = Path(__file__).resolve().parent.parent
MODULES = [
    "geomap.claims",
    "geomap.event_places",
    "geomap.extract",
    "geomap.figures",
    "geomap.places",
    "geomap.triggers",
]


def _caseless_patterns() -> list[tuple[str, Caseless]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        found += [(f"{name}.{k}", v) for k, v in vars(module).items() if isinstance(v, Caseless)]
    found += [(f"geomap.figures._PREDICATES.{k}", v) for k, v in figures._PREDICATES]
    return found


def _texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:40]:
        article = path.read_text(encoding="utf-8")
        texts += re.split(r"(?<=[.!?])\s+", article)
        for capital in re.finditer(r"\b[A-Z]", article):
            at = capital.start()
            texts.append(article[max(0, at - 60) : at])
            texts.append(article[max(0, at - 240) : at])
            texts.append(article[capital.end() : capital.end() + 60])
    texts += ["", "In Tehran", "MARCHED FROM ", "diplomats in ", "Diyarbakır in ", "“Rally” – in "]
    # ASCII twins of the non-ASCII texts: the fast path runs on them too
    texts += [t.encode("ascii", "ignore").decode() for t in texts if not t.isascii()]
    return texts


@pytest.mark.parametrize("name_pattern", _caseless_patterns(), ids=lambda np: np[0])
def test_a_caseless_pattern_matches_as_its_ignorecase_twin(
    name_pattern: tuple[str, Caseless],
) -> None:
    _, pattern = name_pattern
    for text in _texts():
        for ours, theirs in (
            (pattern.search(text), pattern.ignorecase.search(text)),
            (pattern.match(text), pattern.ignorecase.match(text)),
        ):
            assert (ours and ours.span()) == (theirs and theirs.span()), text


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bIn\s+$",  # an upper-case letter of its own
        r"(?-i:[A-Z])\w+",  # case turned back on
        r"\x41",  # "A", written as a code
        r"[0-_]",  # a range holding "A" but not "a"
        "\u212a",  # the Kelvin sign, a "k" to IGNORECASE
    ],
)
def test_a_pattern_lower_cased_text_would_not_match_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        Caseless(pattern)


def test_escapes_and_group_names_are_no_letters() -> None:
    pattern = Caseless(r"(?P<word>\S+)\s+(?P=word)\W(?<!x)(?=y)")
    assert pattern.search("the the!y") is not None
    assert pattern.search("The the!y") is not None


def test_the_loose_unrealised_twin_says_no_only_where_the_pattern_does() -> None:
    texts = [*_texts(), "It may rain.", "In May 2005 they marched.", "MAY DAY RALLY WILL GO ON"]
    for text in texts:
        assert may_be_unrealised.__wrapped__(text) is (_UNREALISED_RE.search(text) is not None)


@pytest.mark.parametrize("char", _UNCASED)
def test_the_characters_taken_as_uncased_have_no_case(char: str) -> None:
    assert char.lower() == char == char.upper() == char.casefold()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        assert re.fullmatch(letter, char, re.IGNORECASE) is None
        assert re.fullmatch(re.escape(char), letter, re.IGNORECASE) is None


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"\bmarch(?:es|ed)?", {"m"}),
        (r"(?:the\s+)?crowd|[0-9]+|\d", {"t", "c", "0-9", r"\d"}),
        (r"(?<![\d] )(?<!in )march|rall(?:y|ies)", {"m", "r"}),  # look-arounds consume nothing
        (r"(?:a|b)?c", {"a", "b", "c"}),  # an optional start, then what follows
        (r"\s*,", {r"\s", ","}),
        (r"a*", None),  # may match nothing: every position may start a match
        (r"\w+\s+crowds?", None),  # any word character: no test worth making
        (r"[^a]b", None),
        (r".b", None),
        (r"(?i:a)b", None),  # a caseless part is not worked out
    ],
)
def test_the_first_characters_of_a_pattern(pattern: str, first: set[str] | None) -> None:
    assert _first_characters(pattern) == first


def _folded_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """Every pattern run on lower-cased text behind the first-character test: its name, the
    pattern as written (its caseless twin's), and the pattern run."""
    found = [(name, p.ignorecase.pattern, p.folded) for name, p in _caseless_patterns()]
    found += [(f"geomap.triggers.{k}", v.ignorecase.pattern, v.folded)
              for k, v in vars(triggers).items()
              if isinstance(v, triggers._Folded) and not isinstance(v.folded, WordLed)]  # fmt: skip
    found.append(("geomap.figures._NUMBER_RE", figures._NUMBER_PATTERN, figures._NUMBER_RE))
    return found


@pytest.mark.parametrize("case", _folded_patterns(), ids=lambda case: case[0])
def test_a_guarded_pattern_finds_what_the_bare_one_finds(
    case: tuple[str, str, re.Pattern[str]],
) -> None:
    _, written, run = case
    bare = re.compile(written)
    assert run.pattern == guarded(written).pattern
    for text in _texts():
        lowered = text.lower()
        assert [(m.span(), m.groups()) for m in run.finditer(lowered)] == [
            (m.span(), m.groups()) for m in bare.finditer(lowered)
        ], text


@pytest.mark.parametrize("name_pattern", _caseless_patterns(), ids=lambda np: np[0])
def test_a_caseless_search_in_a_window_matches_as_its_ignorecase_twin(
    name_pattern: tuple[str, Caseless],
) -> None:
    # The windows the readers of a trigger search: the words before it, up to it.
    _, pattern = name_pattern
    for text in _texts()[::7]:
        for pos, endpos in ((0, len(text) // 2), (len(text) // 3, len(text)), (5, len(text) - 5)):
            ours = pattern.search(text, pos, endpos)
            theirs = pattern.ignorecase.search(text, pos, endpos)
            assert (ours and ours.span()) == (theirs and theirs.span()), (text, pos, endpos)


# The patterns with branches that may start at any word: the pattern as written, and run.
_WORD_LED = [
    ("_PROTEST_RE", triggers._PROTEST_RE.ignorecase.pattern, triggers._PROTEST_RE.folded),
    ("_HISTORICAL_FOLDED_RE", triggers._HISTORICAL_RE.pattern, triggers._HISTORICAL_FOLDED_RE),
]
_WORD_LED_PIECES = [
    "large ", "crowds of protesters", "crowd of demonstrators", "Crowds ", "of ", "the ",
    "two ", "12 ", "years ago", "year before", "decades earlier", "centuries ago", ",",
    "protest", "march", "in 1990", "gathered in ", "x", " ", "\u00a0", "ş", "_", "crowd",
]  # fmt: skip


def test_every_pattern_led_by_any_word_is_known() -> None:
    led = [k for k, v in vars(triggers).items() if isinstance(v, WordLed)]
    led += [k for k, v in vars(triggers).items()
            if isinstance(v, triggers._Folded) and isinstance(v.folded, WordLed)]  # fmt: skip
    assert sorted(led) == sorted(name for name, _, _ in _WORD_LED)


def _same_matches(run: WordLed | re.Pattern[str], bare: re.Pattern[str], lowered: str) -> bool:
    return [(m.span(), m.groups()) for m in run.finditer(lowered)] == [
        (m.span(), m.groups()) for m in bare.finditer(lowered)
    ]


@pytest.mark.parametrize("case", _WORD_LED, ids=lambda case: case[0])
def test_a_word_led_pattern_finds_what_the_bare_one_finds(
    case: tuple[str, str, WordLed],
) -> None:
    _, written, run = case
    bare = re.compile(written)
    texts = _texts()
    for path in sorted((ROOT / "bench").glob("fresh1[0-4]/texts/*.txt")):
        texts += re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8"))
    led = 0
    for text in texts:
        lowered = text.lower()
        assert _same_matches(run, bare, lowered), text
        # each guard on its own: the lead's on any text, the narrow one where no word is
        assert _same_matches(run.led, bare, lowered), text
        if any(word in lowered for word in run.words):
            led += 1
        else:
            assert _same_matches(run.narrow, bare, lowered), text
    assert led > 20


@given(st.lists(st.sampled_from(_WORD_LED_PIECES), max_size=12))
def test_a_word_led_pattern_matches_as_the_bare_one_on_any_text(pieces: list[str]) -> None:
    lowered = "".join(pieces).lower()
    for _, written, run in _WORD_LED:
        assert _same_matches(run, re.compile(written), lowered), lowered


def test_a_pattern_led_by_any_word_elsewhere_is_refused() -> None:
    with pytest.raises(ValueError):
        WordLed(r"\w+\s+crowd|\w+\s+march", r"\w+\s+crowd", ("crowd",))
    with pytest.raises(ValueError):
        WordLed(r"rally|crowd", r"\w+\s+", ("crowd",))  # no such lead
    assert WordLed(r"\b(?:\w+\s+)?crowd|rally", r"(?:\w+\s+)?", ("crowd",)).narrow.pattern == (
        r"(?=[cr])(?:\b(?:\w+\s+)?crowd|rally)"
    )
