"""Word lists that keep ordinary words out of place matching."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["common_words", "description_words"]

_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Folded keys of ordinary words and demonyms that are also place names."""
    return _word_list("common_words.txt")


@lru_cache(maxsize=1)
def description_words() -> frozenset[str]:
    """Lower-case ordinary words found in place names of several words ("old", "town")."""
    return _word_list("description_words.txt")


def _word_list(name: str) -> frozenset[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))
