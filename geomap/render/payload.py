"""Pack event records into the compact JSON blob the browser-side renderer reads.

The blob is a set of tables whose rows are lists; `payload["columns"]` names each table's
columns, and geomap.js looks every column up by that name, never by a position of its own.
The names are geomap.schema's (EVENT_SCHEMA, REPORT_ITEM_SCHEMA, SIZE_CLAIM_SCHEMA), except
for the derived columns listed in DERIVED_COLUMNS, which hold an index into a shared table
or a value computed here. A reports collection is drawn as one-report records
(geomap.render.adapt), so the renderer reads one level only.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from geomap.model import EventType
from geomap.render.adapt import EXTRA_REPORT_ITEM_FIELDS, as_records
from geomap.render.contract import collection_level
from geomap.schema import (
    EVENT_SCHEMA,
    REPORT_ITEM_SCHEMA,
    REPORT_SCHEMA,
    SIZE_CLAIM_SCHEMA,
    field_names,
)

__all__ = [
    "COLUMNS",
    "DERIVED_COLUMNS",
    "build_payload",
    "safe_href",
    "script_safe_json",
]

_EVENT_FIELD = {f.name: f for f in EVENT_SCHEMA}
_SUB_EVENT_TYPES = _EVENT_FIELD["sub_event_type"].choices
_DATE_PRECISIONS = _EVENT_FIELD["date_precision"].choices

# The columns of each table, in row order. Trailing empty values are dropped from each
# row, so a record's figures, which most records lack, come last.
COLUMNS: dict[str, tuple[str, ...]] = {
    "events": (
        "event_type",  # index into payload["types"]
        "place",  # index into payload["places"]
        "reports",  # index of its first report in payload["reports"]; n_reports follow
        "n_reports",
        "n_sources",
        "event_date",
        "date_precision",  # index into payload["date_precisions"]
        "sub_event_type",  # index into payload["sub_event_types"]
        "geo_precision",
        "disputed",  # 1 or 0
        "reviewed",  # 1 or 0: an editor checked one of its reports (geomap.corrections)
        "size_low",
        "size_high",
        "size_claims",  # rows of the "size_claims" columns
        "fatalities",
        "fatalities_high",
        "injuries",
        "injuries_high",
        "arrests",
        "arrests_high",
    ),
    "reports": (
        "source",  # index into payload["sources"]: the article, its outlet and date
        "quote",
        "claimed_by",
        "reviewed",  # 1 or 0
        "editor_note",
    ),
    "size_claims": (
        "low",
        "high",
        "text",
        "claimed_by",
        "source",  # index into payload["sources"]
    ),
    "sources": (
        "source_title",
        "outlet",
        "date",  # the article's publication date
        "url",  # only an http(s) link (safe_href), else ""
        "source",
    ),
    "places": (
        "lat",
        "lon",
        "place",
        "admin1",
        "country_code",
    ),
}

# Columns that are no schema field of their table, or hold an index instead of the value.
DERIVED_COLUMNS: dict[str, frozenset[str]] = {
    "events": frozenset({"event_type", "place", "reports", "date_precision", "sub_event_type"}),
    "reports": frozenset({"source"}),
    "size_claims": frozenset({"source"}),
    "sources": frozenset(),
    # Coordinates are the Feature's geometry, not a property.
    "places": frozenset({"lat", "lon"}),
}

_SCHEMA_NAMES = {
    "events": field_names(EVENT_SCHEMA),
    "reports": field_names(REPORT_ITEM_SCHEMA),
    "size_claims": field_names(SIZE_CLAIM_SCHEMA),
    # A source row describes an article: report names, and REPORT_SCHEMA's headline.
    "sources": (*field_names(REPORT_ITEM_SCHEMA), *EXTRA_REPORT_ITEM_FIELDS),
    "places": field_names(REPORT_SCHEMA),
}


def _check_columns() -> None:
    # A column that is neither a schema field nor documented as derived is a typo, or a
    # field renamed in geomap.schema and not here: fail on import, not in a reader's browser.
    for table, names in COLUMNS.items():
        unknown = set(names) - set(_SCHEMA_NAMES[table]) - DERIVED_COLUMNS[table]
        if unknown:
            raise AssertionError(f"payload table {table!r}: {sorted(unknown)} not in the schema")


_check_columns()

_TYPE_INDEX = {t.value: i for i, t in enumerate(EventType)}
_FLAGS = frozenset({"disputed", "reviewed"})

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


def _is_empty(name: str, value: Any) -> bool:
    # A count of 0 ("nobody died") is a claim and stays; a 0 flag is just "no".
    if name in _FLAGS and value == 0:
        return True
    return value is None or value == "" or value == []


def _row(table: str, values: dict[str, Any]) -> list[Any]:
    names = COLUMNS[table]
    row = [values[name] for name in names]
    while row and _is_empty(names[len(row) - 1], row[-1]):
        row.pop()
    return row


class _Tables:
    """The shared tables: each place and each article once, and every report in order."""

    def __init__(self) -> None:
        self.places: list[list[Any]] = []
        self.place_index: dict[tuple[Any, ...], int] = {}
        self.sources: list[list[Any]] = []
        self.source_index: dict[tuple[Any, ...], int] = {}  # by the article as written
        self.row_index: dict[tuple[Any, ...], int] = {}  # by its row
        # A claim names its article by path only; it is the article of one of the reports.
        self.source_by_path: dict[str, int] = {}
        self.reports: list[list[Any]] = []

    def place(self, properties: dict[str, Any], coordinates: list[Any]) -> int:
        # GeoJSON stores [lon, lat]; the blob, like the rest of geomap, says lat first.
        lon, lat = (round(float(c), 5) for c in coordinates)
        place_id = properties.get("place_id") or ""
        key = (place_id,) if place_id else (properties.get("place", ""), lat, lon)
        if key not in self.place_index:
            self.place_index[key] = len(self.places)
            values = {"lat": lat, "lon": lon}
            for name in ("place", "admin1", "country_code"):
                values[name] = properties.get(name, "")
            self.places.append([values[name] for name in COLUMNS["places"]])
        return self.place_index[key]

    def source(self, item: dict[str, Any]) -> int:
        raw = (
            item.get("source_title", ""),
            item.get("outlet", ""),
            item.get("date") or "",
            item.get("url", ""),
            item.get("source", ""),
        )
        # Keyed on the article as written, so each one's link is checked once, not once
        # for each of its reports.
        index = self.source_index.get(raw)
        if index is not None:
            return index
        title, outlet, date, url, source = raw
        values = {
            "source_title": title,
            "outlet": outlet,
            "date": date,
            # A link to the article: its address, or its source when that is one (an
            # article read from the web is cited by its URL).
            "url": safe_href(url) or safe_href(source) or "",
            "source": source,
        }
        row = [values[name] for name in COLUMNS["sources"]]
        key = tuple(row)
        if key not in self.row_index:
            self.row_index[key] = len(self.sources)
            self.sources.append(row)
            self.source_by_path.setdefault(source, self.row_index[key])
        self.source_index[raw] = self.row_index[key]
        return self.row_index[key]

    def claim_source(self, path: str) -> int:
        if path not in self.source_by_path:
            return self.source({"source": path})
        return self.source_by_path[path]

    def report(self, item: dict[str, Any]) -> int:
        values = {
            "source": self.source(item),
            "quote": item.get("quote", ""),
            "claimed_by": item.get("claimed_by", ""),
            "reviewed": int(bool(item.get("reviewed", False))),
            "editor_note": item.get("editor_note", ""),
        }
        self.reports.append(_row("reports", values))
        return len(self.reports) - 1


def _claim_row(claim: dict[str, Any], tables: _Tables) -> list[Any]:
    values = {name: claim.get(name) for name in ("low", "high")}
    values.update(
        text=claim.get("text", ""),
        claimed_by=claim.get("claimed_by", ""),
        source=tables.claim_source(claim.get("source", "")),
    )
    return _row("size_claims", values)


def _event_row(feature: dict[str, Any], tables: _Tables) -> list[Any]:
    properties = feature["properties"]
    reports = properties.get("reports", [])
    first = len(tables.reports)
    for item in reports:
        tables.report(item)
    values = {name: properties.get(name) for name in COLUMNS["events"]}
    precision = properties.get("date_precision") or "unknown"
    values.update(
        event_type=_TYPE_INDEX[properties["event_type"]],
        place=tables.place(properties, feature["geometry"]["coordinates"]),
        reports=first,
        n_reports=len(reports),
        n_sources=properties.get("n_sources", 0),
        event_date=properties.get("event_date") or "",
        date_precision=_DATE_PRECISIONS.index(precision),
        sub_event_type=_SUB_EVENT_TYPES.index(
            properties.get("sub_event_type") or _SUB_EVENT_TYPES[0]
        ),
        geo_precision=properties.get("geo_precision") or 1,
        disputed=int(bool(properties.get("disputed", False))),
        reviewed=int(bool(properties.get("reviewed", False))),
        size_claims=[_claim_row(c, tables) for c in properties.get("size_claims", [])],
    )
    return _row("events", values)


def build_payload(collection: dict[str, Any]) -> dict[str, Any]:
    """The blob for a checked collection of either level: one row per record, in order."""
    records = as_records(collection)
    tables = _Tables()
    events = [_event_row(feature, tables) for feature in records["features"]]
    return {
        # "reports": each record is one report (the map's counts say reports, not events).
        "level": collection_level(collection),
        "columns": {table: list(names) for table, names in COLUMNS.items()},
        "types": [t.value for t in EventType],
        "sub_event_types": list(_SUB_EVENT_TYPES),
        "date_precisions": list(_DATE_PRECISIONS),
        "places": tables.places,
        "sources": tables.sources,
        "reports": tables.reports,
        "events": events,
    }
