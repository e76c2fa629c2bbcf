"""House-style files for `geomap check`: preferred, accepted and ignored place-name spellings."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geomap.errors import GeomapError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 needs the backport
    import tomli as tomllib

__all__ = ["DEFAULT_STYLE", "HouseStyle", "StyleError", "load_style", "parse_style"]

_KNOWN_KEYS = frozenset({"prefer", "accept", "ignore"})


class StyleError(GeomapError, ValueError):
    """A house-style file cannot be read or says something geomap cannot use."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


@dataclass(frozen=True)
class HouseStyle:
    """A newsroom's spelling decisions; the empty style means "the gazetteer's names".

    `prefer` maps a place (its gazetteer name, or a GeoNames id written "1528249" or
    "geonames:1528249") to the spelling to use. `accept` lists spellings that are fine
    although not preferred. `ignore` lists names never reported (compared ignoring case,
    accents and punctuation).
    """

    prefer: Mapping[str, str] = field(default_factory=dict)
    accept: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    source: str = ""


DEFAULT_STYLE = HouseStyle()


def _string_list(source: str, document: Mapping[str, Any], key: str) -> frozenset[str]:
    value = document.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise StyleError(source, f"`{key}` must be a list of non-empty strings")
    return frozenset(v.strip() for v in value)


def parse_style(text: str, source: str = "<style>") -> HouseStyle:
    """Read a house style from TOML text.

    Raises StyleError for invalid TOML, unknown top-level keys (a typo such as `prefered`
    would otherwise silently change nothing) or values of the wrong type.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StyleError(source, f"invalid TOML: {error}") from None
    unknown = sorted(set(document) - _KNOWN_KEYS)
    if unknown:
        known = ", ".join(sorted(_KNOWN_KEYS))
        raise StyleError(source, f"unknown key {unknown[0]!r} (expected one of: {known})")
    prefer = document.get("prefer", {})
    if not isinstance(prefer, dict):
        raise StyleError(source, "`prefer` must be a table of place = spelling")
    for place, spelling in prefer.items():
        if not isinstance(spelling, str) or not spelling.strip():
            raise StyleError(source, f"prefer.{place!r} must be a non-empty string")
    return HouseStyle(
        prefer={place.strip(): spelling.strip() for place, spelling in prefer.items()},
        accept=_string_list(source, document, "accept"),
        ignore=_string_list(source, document, "ignore"),
        source=source,
    )


def load_style(path: str | Path) -> HouseStyle:
    """Read a house-style TOML file. Raises StyleError with a one-line reason."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise StyleError(source, (error.strerror or str(error)).lower()) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StyleError(source, "not UTF-8 text") from None
    return parse_style(text, source)
