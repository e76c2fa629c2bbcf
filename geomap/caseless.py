"""Case-insensitive regexes that run case-sensitively on lower-cased ASCII text.

`re` matches an IGNORECASE pattern several times slower than a plain one: it folds each
character it compares, and an alternation can no longer skip a branch by its first letter.
On ASCII text, `str.lower()` folds exactly as IGNORECASE does and keeps every offset, so a
pattern without upper-case letters of its own finds the same matches, at the same offsets,
in the lower-cased text. Any other text (a curly quote, an accented letter) takes the
IGNORECASE twin, so the answers are the same on every text; only the time differs.
"""

from __future__ import annotations

import re


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
        if text.isascii():
            return self.folded.search(text.lower())
        return self.ignorecase.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            return self.folded.match(text.lower())
        return self.ignorecase.match(text)


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
