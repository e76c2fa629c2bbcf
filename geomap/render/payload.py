"""Pack contract features into the compact JSON blob the browser-side renderer reads."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from geomap.model import EventType

__all__ = ["EVENT_FIELDS", "build_payload", "safe_href", "script_safe_json"]

_TYPE_INDEX = {t.value: i for i, t in enumerate(EventType)}

# Column order of one event row in the blob; geomap.js reads rows by these positions.
# Trailing empty values are dropped from each row, which is most of the saving for
# events without figures.
EVENT_FIELDS = (
    "type",  # index into payload["types"]
    "place",  # index into payload["places"]
    "source",  # index into payload["sources"]
    "quote",
    "date",
    "date_text",
    "mentions",
    "crowd_low",
    "crowd_high",
    "crowd_text",
    "killed",
    "injured",
    "arrested",
    "claimed_by",
    "disputed",  # 1 or 0
    "inferred",  # 1 or 0
    "precision",  # "" for a point
    "reviewed",  # 1 or 0: an editor checked it (geomap.corrections)
    "editor_note",
)

# Inside <script>, "</script>" or "<!--" in a string would end or confuse the element, and
# U+2028/2029 break older JS parsers; escaped, they stay the same JSON string values.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_safe_json(value: Any) -> str:
    """Compact JSON that can sit verbatim inside a <script> element.

    Besides <, > and &, the openers of Jinja markup ({{, {%, {#) are escaped: branca
    re-reads a MacroElement's output as a template, so article text such as "{{ this }}"
    would otherwise be evaluated while the page is built. JSON never has these pairs
    outside strings, and inside a string "\\u007b{" still means "{{".
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.translate(_SCRIPT_ESCAPES)
    # Every brace that opens a pair is escaped, not each pair once: replacing "{{" in
    # "{{{ x }}" would leave "\\u007b{{ x }}", which still holds "{{".
    return _JINJA_OPENER.sub(r"\\u007b", text)


_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


def safe_href(url: str) -> str | None:
    """The URL if it is an absolute http(s) link, else None (no javascript:, data:, files)."""
    candidate = url.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return candidate
    return None


def _place_key(properties: dict[str, Any], lat: float, lon: float) -> tuple[Any, ...]:
    place_id = properties.get("place_id") or ""
    if place_id:
        return (place_id,)
    return (properties.get("place", ""), lat, lon)


_FIRST_FLAG = EVENT_FIELDS.index("disputed")


def _is_empty(position: int, value: Any) -> bool:
    # A count of 0 ("nobody died") is a claim and stays; a 0 flag is just "no".
    if position >= _FIRST_FLAG and value == 0:
        return True
    return value is None or value == "" or value == []


def _row(values: list[Any]) -> list[Any]:
    while values and _is_empty(len(values) - 1, values[-1]):
        values.pop()
    return values


def build_payload(collection: dict[str, Any]) -> dict[str, Any]:
    """The blob: tables of places and sources, and one short row per event, in input order."""
    places: list[list[Any]] = []
    place_index: dict[tuple[Any, ...], int] = {}
    sources: list[list[Any]] = []
    source_index: dict[tuple[Any, ...], int] = {}
    events: list[list[Any]] = []
    for feature in collection["features"]:
        properties = feature["properties"]
        # GeoJSON stores [lon, lat]; the blob, like the rest of geomap, says lat first.
        lon, lat = (round(float(c), 5) for c in feature["geometry"]["coordinates"])
        key = _place_key(properties, lat, lon)
        if key not in place_index:
            place_index[key] = len(places)
            places.append(
                [
                    lat,
                    lon,
                    properties.get("place", ""),
                    properties.get("admin1", ""),
                    properties.get("country_code", ""),
                ]
            )
        url = properties.get("url", "")
        source = [
            properties.get("source_title", ""),
            properties.get("outlet", ""),
            properties.get("source_date") or "",
            safe_href(url) or "",
            properties.get("source", ""),
        ]
        source_key = tuple(source)
        if source_key not in source_index:
            source_index[source_key] = len(sources)
            sources.append(source)
        precision = properties.get("precision") or "point"
        events.append(
            _row(
                [
                    _TYPE_INDEX[properties["event_type"]],
                    place_index[key],
                    source_index[source_key],
                    properties.get("quote", ""),
                    properties.get("date") or "",
                    properties.get("date_text", ""),
                    list(properties.get("mentions", [])),
                    properties.get("crowd_low"),
                    properties.get("crowd_high"),
                    properties.get("crowd_text", ""),
                    properties.get("killed"),
                    properties.get("injured"),
                    properties.get("arrested"),
                    properties.get("claimed_by", ""),
                    int(bool(properties.get("disputed", False))),
                    int(bool(properties.get("inferred", False))),
                    "" if precision == "point" else precision,
                    int(bool(properties.get("reviewed", False))),
                    properties.get("editor_note", ""),
                ]
            )
        )
    return {
        "types": [t.value for t in EventType],
        "places": places,
        "sources": sources,
        "events": events,
    }
