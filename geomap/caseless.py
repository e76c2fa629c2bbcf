"""Case-insensitive regexes that run case-sensitively on lower-cased ASCII text.

`re` matches an IGNORECASE pattern several times slower than a plain one: it folds each
character it compares, and an alternation can no longer skip a branch by its first letter.
On ASCII text, `str.lower()` folds exactly as IGNORECASE does and keeps every offset, so a
pattern without upper-case letters of its own finds the same matches, at the same offsets,
in the lower-cased text. So it does on text whose other characters have no case at all (the
curly quotes and dashes of news copy, _UNCASED): lower() leaves them as they are, and
IGNORECASE matches them only as themselves. Any other text (an accented letter) takes the
IGNORECASE twin, so the answers are the same on every text; only the time differs.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from typing import Any


class Caseless:
    """A regex matched case-insensitively; see the module's docstring for how.

    A match found the fast way is a match in the lower-cased text: its offsets are the
    text's own, but its groups hold lower-cased text. Callers read offsets, not groups.
    """

    __slots__ = ("folded", "ignorecase")

    def __init__(self, pattern: str) -> None:
        _check_foldable(pattern)
        self.folded = guarded(pattern)
        self.ignorecase = re.compile(pattern, re.IGNORECASE)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # (lower() keeps every offset of such a text, so a window is the same window)
        if folds_exactly(text):
            return self.folded.search(text.lower(), pos, endpos)
        return self.ignorecase.search(text, pos, endpos)

    def match(self, text: str) -> re.Match[str] | None:
        if folds_exactly(text):
            return self.folded.match(text.lower())
        return self.ignorecase.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if folds_exactly(text):
            return self.folded.finditer(text.lower())
        return self.ignorecase.finditer(text)


# Characters beyond ASCII without case that news copy is full of: no-break space, guillemets,
# dashes, curly quotes, bullet, ellipsis.
_UNCASED = "\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026"
_OTHER_THAN_ASCII_OR_UNCASED = re.compile(f"[^\\x00-\\x7f{_UNCASED}]")


def folds_exactly(text: str) -> bool:
    """Whether lower() folds the text as IGNORECASE does (isascii is a flag lookup)."""
    return text.isascii() or _OTHER_THAN_ASCII_OR_UNCASED.search(text) is None


def _check_foldable(pattern: str) -> None:
    """Refuse a pattern that lower-cased text would not match as IGNORECASE text does.

    Refused: an upper-case letter of its own (escapes such as \\S aside); a letter written
    as a code (\\x41 is "A"); an inline flag, which may turn case back on; a character
    that IGNORECASE equates with an ASCII letter (the Kelvin sign is a "k"); and a range
    other than of digits or of lower-case letters ([0-_] holds "A" but not "a").
    """
    if re.search(r"\\[xuUN0-9]", pattern):
        raise ValueError(f"a character code in a caseless pattern: {pattern!r}")
    for body in _CHARACTER_CLASS.findall(pattern):
        for low, high in _RANGE.findall(body):
            if not ("0" <= low <= high <= "9" or "a" <= low <= high <= "z"):
                raise ValueError(f"range {low}-{high} in a caseless pattern: {pattern!r}")
    # Escapes (\S, \W, \B, \\) and group syntax ((?:, (?=, (?<!, (?P<name>) are no letters.
    letters = re.sub(r"\\.|\(\?(?:[:=!]|<[=!]|P<\w+>|P=\w+\))", "", pattern)
    if "(?" in letters:
        raise ValueError(f"an inline flag in a caseless pattern: {pattern!r}")
    for char in letters:
        if char.isupper() or (
            not char.isascii() and (char.lower().isascii() or char.upper().isascii())
        ):
            raise ValueError(f"{char!r} in a caseless pattern: {pattern!r}")


# A character class's body, and the ranges in it ("\w-" and a leading or trailing "-" are
# no ranges; an escaped end counts as the range's end, and is refused).
_CHARACTER_CLASS = re.compile(r"\[\^?\]?((?:\\.|[^\]\\])*)\]")
_RANGE = re.compile(r"(?<!\\)((?:\\.|[^\\-]))-((?:\\.|[^\\\]]))")


# The parser `re` compiles with (named sre_parse before Python 3.11, a name that warns on
# import since): read only to work out a pattern's first characters, below.
_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_OPS: Any = importlib.import_module(
    "re._constants" if sys.version_info >= (3, 11) else "sre_constants"
)
# The categories a first character may be given by, as a character class writes them
_CATEGORIES = {_OPS.CATEGORY_DIGIT: r"\d", _OPS.CATEGORY_SPACE: r"\s"}
_ZERO_WIDTH = (_OPS.AT, _OPS.ASSERT, _OPS.ASSERT_NOT)
_REPEATS = (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT)


def guarded(pattern: str) -> re.Pattern[str]:
    """The pattern compiled behind a one-character test: a lookahead for the characters a
    match can start with.

    `re` tries a pattern at every position, and a long alternation of words costs a test
    of each of its branches there (or, for a lookbehind before a word, the lookbehind
    first). The guard admits every character a match can start with, so the matches are
    the same; most positions start with none and are passed over by one class test. A
    pattern whose first characters are not worked out (a class by negation or by word
    character, any character, a back-reference, a caseless part, a pattern that may match
    nothing) is compiled as it is.
    """
    first = _first_characters(pattern)
    if first is None:
        return re.compile(pattern)
    return re.compile(f"(?=[{''.join(sorted(first))}])(?:{pattern})")


class WordLed:
    r"""A pattern for lower-cased text with branches that may start at any word, as
    "(?:\w+\s+)?crowds?\s+of\s+protesters" or "\w+\s+years?\s+ago": guarded() can then
    test no first character, and `re` tries every branch at every word.

    Each such branch is `lead`, then one of `words`. In a text holding none of the words no
    match runs through a lead, so the text is searched behind the first characters of the
    pattern without its leads; a text holding one is searched behind those characters or a
    lead and a word. Either guard only admits, as guarded()'s does: the matches are the same.
    """

    __slots__ = ("led", "narrow", "words")

    def __init__(self, pattern: str, lead: str, words: tuple[str, ...]) -> None:
        first = _first_characters(pattern.replace(lead, ""))
        if lead not in pattern or first is None:
            raise ValueError(f"no first characters without {lead!r}: {pattern!r}")
        chars = "".join(sorted(first))
        self.narrow = re.compile(f"(?=[{chars}])(?:{pattern})")
        either = "|".join(map(re.escape, words))
        self.led = re.compile(f"(?=[{chars}]|{lead}(?:{either}))(?:{pattern})")
        self.words = words

    def finditer(self, lowered: str) -> Iterator[re.Match[str]]:
        led = any(word in lowered for word in self.words)
        return (self.led if led else self.narrow).finditer(lowered)


def _first_characters(pattern: str) -> set[str] | None:
    """What a character class holding every first character of a match is written with."""
    parsed = _PARSER.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    first, may_be_empty = _first_of(list(parsed))
    return None if may_be_empty else first


def _first_of(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """The first characters of a sequence of parsed items, and whether it may match
    nothing; None for the characters where they are not worked out."""
    members: set[str] = set()
    for op, value in items:
        first, may_be_empty = _first_of_item(op, value)
        if first is None:
            return None, False
        members |= first
        if not may_be_empty:
            return members, False
    return members, True


def _first_of_item(op: Any, value: Any) -> tuple[set[str] | None, bool]:
    if op is _OPS.LITERAL:
        return {re.escape(chr(value))}, False
    if op is _OPS.IN:
        return _class_members(value), False
    if op is _OPS.SUBPATTERN:
        _, add_flags, _, items = value
        return _first_of(list(items)) if not add_flags & re.IGNORECASE else (None, False)
    if op is _OPS.BRANCH:
        members: set[str] = set()
        may_be_empty = False
        for alternative in value[1]:
            first, empty = _first_of(list(alternative))
            if first is None:
                return None, False
            members |= first
            may_be_empty = may_be_empty or empty
        return members, may_be_empty
    if op in _REPEATS:
        low, _, items = value
        first, empty = _first_of(list(items))
        return first, empty or low == 0
    if op in _ZERO_WIDTH:  # a boundary or a look-around: it consumes nothing
        return set(), True
    return None, False


def _class_members(items: list[tuple[Any, Any]]) -> set[str] | None:
    members = set()
    for op, value in items:
        if op is _OPS.LITERAL:
            members.add(re.escape(chr(value)))
        elif op is _OPS.RANGE:
            members.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is _OPS.CATEGORY and value in _CATEGORIES:
            members.add(_CATEGORIES[value])
        else:
            return None
    return members
