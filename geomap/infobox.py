"""Infobox and table residue in encyclopaedia pages: the places and figures it lists.

Copied encyclopaedia pages keep their infobox as `- Key: value` lines, `Key | value |` table
rows, keys glued to their values ("Death(s)14", "Arrested2,500+") or a key alone on a line
with its values on the lines below ("Location" then "Porto, Braga, Coimbra"). These are
not sentences, but they state where a protest happened and how big it was:

- a place field (Place, Location) lists where the protests took place;
- a crowd line gives one place and one figure: "8,000 (Porto)", "Lyon: ~3,000–20,000",
  "Up to 60,000 in Kraków";
- a toll field (Fatalities, Injuries, Arrests) counts the killed, injured or arrested.

This module finds those fields as offsets into the text; geomap.extract decides which names
in them are event places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.figures import NumberPhrase, find_numbers

__all__ = ["Field", "FieldKind", "fields"]


class FieldKind:
    """What an infobox field states (plain strings, so fields print readably)."""

    PLACE = "place"
    CROWD = "crowd"
    KILLED = "killed"
    INJURED = "injured"
    ARRESTED = "arrested"


@dataclass(frozen=True)
class Field:
    """One field: text[start:end] is its value (for a crowd line, the whole line)."""

    kind: str
    start: int
    end: int
    low: int | None = None  # the figure, for crowd and toll fields
    high: int | None = None


_KEYS = {
    FieldKind.PLACE: r"places?|locations?|venues?",
    FieldKind.CROWD: r"number|howmany\d?|participants|crowd\s+size|size",
    FieldKind.KILLED: r"fatalities|death\(s\)|deaths?|killed|dead",
    FieldKind.INJURED: r"injuries|injured|wounded",
    FieldKind.ARRESTED: r"arrests|arrested|detained|detentions|detainees",
}
_KEY_ALTERNATIVES = "|".join(f"(?P<{kind}>{body})" for kind, body in _KEYS.items())
# "- Place: ...", "Location | ...", "| Deaths | 8 |", "Death(s)27", "Arrested1,000+",
# "Deaths: 846". A table row's closing bar is no part of the value.
_FIELD_RE = re.compile(
    rf"^[ \t]*(?:[-*•|][ \t]*)?(?:{_KEY_ALTERNATIVES})(?:\[\d+\])?"
    r"[ \t]*(?:[:|][ \t]*)?(?P<value>[^\n]*?)[ \t|]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Keys that start the next field: a place field's values stop at them.
_NEXT_KEY_RE = re.compile(
    r"^[ \t]*(?:[-*•|][ \t]*)?(?:date|goals?|caused|causes|methods|status|parties|lead|number|"
    r"casualties|result|resulted|concessions|side\d?|type|target|weapons|perpetrators|"
    r"part\s*of|title|howmany|fatalities|injuries|arrests|deaths?|death\(s\))",
    re.IGNORECASE,
)
# "- Title: ...", "- Effect: ...": any dash-and-colon field is a key, not a place.
_OTHER_KEY_RE = re.compile(r"^[ \t]*-[ \t]*[A-Z][\w ]{0,25}:")
_DIGIT_RE = re.compile(r"\d")
_CITATION_RE = re.compile(r"\[[^\]\n]{0,20}\]")
_MAX_VALUE_LINES = 6
_MAX_CROWD_LINE_WORDS = 10
_MAX_CROWD_LINE_CHARS = 120
_MAX_FIGURE_WORDS = 6
_MIN_CROWD = 20
_TIME_RE = re.compile(r"\d[:.]\d\d\b")
_YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d")
# One place and one figure on a short line: "4,000 - 12,000 (Braga)", "Lyon: ~3,000",
# "Up to 60,000 in Kraków". The place part is checked by the caller against the gazetteer.
_CROWD_LINE_RES = (
    re.compile(r"^[-*•~\s]*(?P<figure>[^()\n]*?\d[^()\n]*?)\s*\((?P<place>[^()\d\n]+)\)\s*$"),
    re.compile(r"^[-*•\s]*(?P<place>[^:\d\n]+?)\s*:\s*(?P<figure>[~≈]?\s*\d[^\n]*?)\s*$"),
    re.compile(
        r"^[-*•\s]*(?P<figure>(?:(?:from|up\s+to|about|around|over|more\s+than|some|est\.?)\s+)?"
        r"[\d,.]+(?:\s+(?:up\s+)?to\s+[\d,.]+)?(?:\s+(?:thousand|million))?)\s+(?:people\s+)?"
        r"in\s+(?P<place>[^\d\n,]+?)\s*$",
        re.IGNORECASE,
    ),
)
# A figure that counts something other than the crowd: "100,000 police and soldiers".
_NOT_CROWD_RE = re.compile(
    r"\b(?:police|policemen|soldiers|troops|officers|killed|dead|deaths?|injured|wounded|"
    r"arrested|detained|cities|towns|km|%|percent)\b",
    re.IGNORECASE,
)


def _clean(value: str) -> str:
    """Drop citation markers and approximation signs that break number phrases."""
    # Same length, so offsets into the cleaned value are offsets into the text.
    blanked = _CITATION_RE.sub(lambda m: " " * len(m.group(0)), value)
    return blanked.replace("~", " ").replace("+", " ").replace("≈", " ")


def _figure(text: str) -> NumberPhrase | None:
    numbers = find_numbers(_clean(text))
    return numbers[0] if numbers else None


def _place_values(text: str, match: re.Match[str]) -> list[tuple[int, int]]:
    """The value of a place field: its own line, or the lines below a bare key."""
    if match.group("value").strip():
        return [match.span("value")]
    spans = []
    position = match.end() + 1
    for _ in range(_MAX_VALUE_LINES):
        if position >= len(text):
            break
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        line = text[position:line_end]
        if _NEXT_KEY_RE.match(line):
            break
        if line.strip():
            spans.append((position, line_end))
        position = line_end + 1
    return spans


def _toll(kind: str, text: str, match: re.Match[str]) -> Field | None:
    value = match.group("value")
    figure = _figure(value)
    if figure is None or figure.start > 3:
        return None  # "Injuries: 12 recorded injuries among detainees" starts with its figure
    start, end = match.span("value")
    return Field(kind, start, end, figure.low, figure.high)


def _crowd_line(text: str, start: int, end: int) -> Field | None:
    """A crowd figure for one place: the field spans the place's words."""
    line = _clean(text[start:end])
    if len(line.split()) > _MAX_CROWD_LINE_WORDS or _NOT_CROWD_RE.search(line):
        return None
    for pattern in _CROWD_LINE_RES:
        match = pattern.match(line)
        if match is None:
            continue
        figure_text = match.group("figure")
        figure = _figure(figure_text)
        if figure is None or (figure.vague and figure.low < 100):
            return None
        # "Events of July 1960 (Italy)", "1977 national civic strike (Colombia)": a year in
        # a page's title line, however many words stand around it
        if len(figure_text.split()) > _MAX_FIGURE_WORDS or _YEAR_RE.fullmatch(figure.text.strip()):
            return None
        if _TIME_RE.search(figure_text) or figure.low < _MIN_CROWD:
            return None  # "Kyiv: 12:30", "Osh: 3": a time or a score, not a crowd
        place_start, place_end = match.span("place")
        return Field(
            FieldKind.CROWD, start + place_start, start + place_end, figure.low, figure.high
        )
    return None


_SEGMENT_RE = re.compile(r"[^,;\n]+(?:,\d{3}[^,;\n]*)*")


def _crowd_segments(text: str, match: re.Match[str]) -> list[Field]:
    """ "Up to 80,000 in Porto , Up to 25,000 in Braga": one figure per segment."""
    offset = match.start("value")
    found = []
    for segment in _SEGMENT_RE.finditer(match.group("value")):
        crowd = _crowd_line(text, offset + segment.start(), offset + segment.end())
        if crowd is not None:
            found.append(crowd)
    return found


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    while position < len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        spans.append((position, line_end))
        position = line_end + 1
    return spans


def fields(text: str) -> list[Field]:
    """The infobox fields of the text, in text order.

    Place fields come back as the spans of their values, crowd figures as the span of their
    place's words (the caller checks that they name one place), tolls with their figure.
    """
    found: list[Field] = []
    crowd_fields = set()
    for match in _FIELD_RE.finditer(text):
        kind = next(k for k in _KEYS if match.group(k) is not None)
        if kind == FieldKind.PLACE:
            found.extend(Field(kind, s, e) for s, e in _place_values(text, match))
        elif kind == FieldKind.CROWD:
            segments = _crowd_segments(text, match)
            found.extend(segments)
            crowd_fields.add(match.start())
        else:
            toll = _toll(kind, text, match)
            if toll is not None:
                found.append(toll)
    for start, end in _lines(text):
        if start in crowd_fields or end - start > _MAX_CROWD_LINE_CHARS:
            continue
        line = text[start:end]
        if not _DIGIT_RE.search(line) or _NEXT_KEY_RE.match(line):
            continue
        if _FIELD_RE.match(line) or _OTHER_KEY_RE.match(line):
            continue
        crowd = _crowd_line(text, start, end)
        if crowd is not None:
            found.append(crowd)
    return sorted(found, key=lambda f: (f.start, f.kind))
