"""Plain values that flow one way through the pipeline.

source files -> Article -> PlaceMention -> Event -> GeoJSON / map.
Coordinates are (lat, lon) everywhere in Python; the swap to GeoJSON's
(lon, lat) happens once, in geomap.export.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum

from gazetteer.model import MatchType, Place

__all__ = [
    "Article",
    "Event",
    "EventType",
    "InputProblem",
    "PlaceMention",
    "Precision",
    "report_id_for",
]


@dataclass(frozen=True)
class Article:
    """One decoded news text and what is known about where it came from."""

    source: str  # the path as the user gave it ("-" for stdin); a JSON-lines article is "path:LINE"
    text: str  # decoded text; every character offset in geomap indexes this string
    title: str = ""
    date: str | None = None  # ISO publication date, when known
    outlet: str = ""
    url: str = ""
    encoding: str = "utf-8"


@dataclass(frozen=True)
class InputProblem:
    """A user's input that could not be used, recorded so the batch goes on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in an article, resolved to a gazetteer place."""

    text: str  # the surface form exactly as written (article.text[start:end])
    start: int
    end: int  # exclusive
    place: Place
    score: float = 100.0
    match_type: MatchType = MatchType.EXACT
    # Part of an organisation's name ("Toronto General Hospital", "CTV Winnipeg"): the text
    # names the place, but nothing happens there because of it.
    in_name: bool = False


class EventType(str, Enum):
    PROTEST = "protest"
    SEIZURE = "seizure"
    CLASH = "clash"
    CROWD = "crowd"
    CASUALTIES = "casualties"
    ARREST = "arrest"


class Precision(str, Enum):
    POINT = "point"
    REGION = "region"
    COUNTRY = "country"


@dataclass(frozen=True)
class Event:
    """One place, one type, one piece of evidence (a sentence)."""

    event_type: EventType
    place: Place
    precision: Precision
    inferred: bool  # the sentence named no place; it came from the paragraph
    mentions: tuple[str, ...]  # surface forms of the place as written in the article
    source: str
    source_title: str
    source_date: str | None
    outlet: str
    url: str
    quote: str  # the verbatim sentence: article.text[char_start:char_end]
    char_start: int
    char_end: int
    date: str | None = None
    date_text: str = ""
    crowd_low: int | None = None
    crowd_high: int | None = None
    crowd_text: str = ""
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    claimed_by: str = ""
    disputed: bool = False
    confidence: float = 0.5
    # Set by geomap.report_filter for a town's report: the learned chance that it is a real
    # event of its type at its place; None for a region's or country's report, which the
    # filter does not judge, and for a report an editor moved or retyped.
    event_chance: float | None = None
    # Set by geomap.corrections: the id the report had as extracted (so that a moved or
    # retyped report keeps its name), and whether an editor has checked it.
    report_id: str = ""
    reviewed: bool = False
    editor_note: str = ""

    @property
    def stable_id(self) -> str:
        """The report's id, "rp-" and 16 hex digits: the same article gives the same ids."""
        return self.report_id or report_id_for(
            self.source, self.char_start, self.char_end, self.event_type, self.place.place_id
        )


def report_id_for(
    source: str, char_start: int, char_end: int, event_type: EventType, place_id: str
) -> str:
    # From where the evidence sits in its article, not from what was made of it: the id
    # survives rebuilds on a grown folder. The place is part of it because one sentence
    # may report the same kind of event at two places.
    basis = "\0".join((source, str(char_start), str(char_end), event_type.value, place_id))
    return "rp-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
