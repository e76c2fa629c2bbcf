"""What the linter reports: findings, their kinds, and the drafts they are made from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from gazetteer import Place

__all__ = ["Draft", "Finding", "FindingKind", "Mention", "arrow", "label", "reading"]


class FindingKind(str, Enum):
    VARIANT = "variant"  # a known spelling, but not the preferred one
    INCONSISTENT = "inconsistent"  # the same place is spelled otherwise elsewhere
    TYPO = "typo"  # not a known spelling, but very near one
    AMBIGUOUS = "ambiguous"  # the verdict depends on which of several places is meant


@dataclass(frozen=True)
class Finding:
    """One reported place-name spelling.

    `start`/`end` index the article's text (for JSON lines, the record's "text" value);
    `line`/`col` are 1-based and count characters in the file as written (for HTML, in
    the extracted article text). `suggestion` is "" when no change is safe to make.
    `geonameid` is None for a place GeoNames gives no id (US counties); `place_id` names
    every place, as event output does ("geonames:1528249", "geomap:289826112").
    """

    path: str
    line: int
    col: int
    start: int
    end: int
    found: str
    suggestion: str
    place: str
    country_code: str
    geonameid: int | None
    kind: FindingKind
    message: str
    place_id: str = ""
    source: str = field(default="", compare=False)  # the Article.source it came from

    @property
    def fixable(self) -> bool:
        return bool(self.suggestion) and self.suggestion != self.found

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "start": self.start,
            "end": self.end,
            "found": self.found,
            "suggestion": self.suggestion or None,
            "place": self.place,
            "country_code": self.country_code,
            "geonameid": self.geonameid,
            "place_id": self.place_id or None,
            "kind": self.kind.value,
            "message": self.message,
        }


@dataclass(frozen=True)
class Mention:
    """A place name the finder resolved, and the spelling the house style wants for it."""

    article: int
    start: int
    end: int
    surface: str
    place: Place
    suggestion: str


@dataclass(frozen=True)
class Draft:
    """A finding before it is placed at a line and column."""

    article: int
    start: int
    end: int
    found: str
    suggestion: str
    place: Place | None
    kind: FindingKind
    message: str


def label(place: Place) -> str:
    return f"{place.name}, {place.country_code}" if place.country_code else place.name


def reading(place: Place) -> str:
    return f"{place.name} ({place.country_code})" if place.country_code else place.name


def arrow(found: str, suggestion: str) -> str:
    return f"{found!r} → {suggestion!r}"
