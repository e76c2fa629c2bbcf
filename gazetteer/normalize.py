"""Spelling normalisation: fold case, script, diacritics and punctuation into search keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = ["fold", "script_of", "skeleton", "transliterate"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Transliteration drift between Russian-, English-, German-, French- and Turkic-style
# romanisations of the same name (Dzhalal-Abad, Djalal-Abad, Jalal-Abad, Zhalal-Abad;
# Kharkov/Harkov; Tschimkent/Chimkent). Folding them to one "skeleton" lets variants that
# no source lists still meet. Longest patterns first; applied to an already folded key.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),
    ("dzh", "j"),
    ("dsch", "j"),
    ("sch", "sh"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("ck", "k"),
    ("tz", "ts"),
    ("ou", "u"),
    ("w", "v"),
    ("q", "k"),
    ("y", "i"),
)
_DOUBLED = re.compile(r"(.)\1+")


def transliterate(text: str) -> str:
    """Latin-script rendering of any script (Джалал-Абад -> Dzhalal-Abad, Өзгөн -> Ozgon)."""
    return anyascii(text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The exact-match key: ASCII, lower case, letters and digits only.

    Kara-Suu, Kara Suu and Karasuu share one key, as do Przheval'sk and Przhevalsk, and
    Cyrillic spellings meet their usual Latin transliteration.
    """
    return _NON_ALNUM.sub("", anyascii(text).lower())


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """A coarser key that also absorbs transliteration drift and doubled letters."""
    for pattern, replacement in _SKELETON_RULES:
        if pattern in key:
            key = key.replace(pattern, replacement)
    return _DOUBLED.sub(r"\1", key)


def script_of(text: str) -> str:
    """ "latin", "cyrillic" or "other": the script of the first letter that has one."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name.startswith("LATIN"):
                return "latin"
            if name.startswith("CYRILLIC"):
                return "cyrillic"
            return "other"
    return "other"
