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

import re
from collections.abc import Iterator


class Caseless:
    """A regex matched case-insensitively; see the module's docstring for how.

    A match found the fast way is a match in the lower-cased text: its offsets are the
    text's own, but its groups hold lower-cased text. Callers read offsets, not groups.
    """

    __slots__ = ("folded", "ignorecase")

    def __init__(self, pattern: str) -> None:
        _check_foldable(pattern)
        self.folded = re.compile(pattern)
        self.ignorecase = re.compile(pattern, re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        if folds_exactly(text):
            return self.folded.search(text.lower())
        return self.ignorecase.search(text)

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
