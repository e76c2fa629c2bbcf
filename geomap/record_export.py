"""Event records to GeoJSON, CSV, GeoPackage and GeoParquet, from one schema table.

Column names follow ACLED (event_date, sub_event_type, geo_precision, fatalities) and the
Crowd Counting Consortium (size_low, size_high, size_cat, arrests, injuries) where they
exist, so a record sits beside their data without renaming; the README gives the mapping.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from geomap.atomic import write_text_atomic
from geomap.export import (
    output_format,
    wkt_point,
    wkt_xy,
    write_geopackage,
    write_geoparquet,
)
from geomap.model import Event
from geomap.records import EventRecord, SizeClaim, size_category, sub_event_type
from geomap.schema import EVENT_SCHEMA, REPORT_ITEM_SCHEMA, field_names

__all__ = [
    "RECORD_SCHEMA",
    "REPORT_FIELDS",
    "record_csv",
    "record_feature",
    "record_feature_collection",
    "record_properties",
    "write_records",
]


# Each report of an event: where it was read, and the words that say so.
REPORT_FIELDS = field_names(REPORT_ITEM_SCHEMA)


def _report_json(report: Event) -> dict[str, Any]:
    return {
        "source": report.source,
        "source_title": report.source_title,
        "url": report.url,
        "outlet": report.outlet,
        "date": report.source_date,
        "quote": report.quote,
        "char_start": report.char_start,
        "char_end": report.char_end,
        "claimed_by": report.claimed_by,
        "mentions": list(report.mentions),
        "report_id": report.stable_id,
        "reviewed": report.reviewed,
        "editor_note": report.editor_note,
        "event_chance": report.event_chance,
    }


def _claim_json(claim: SizeClaim) -> dict[str, Any]:
    return {
        "low": claim.low,
        "high": claim.high,
        "text": claim.text,
        "claimed_by": claim.claimed_by,
        "source": claim.source,
    }


def _size_text(record: EventRecord) -> str:
    return "; ".join(dict.fromkeys(c.text for c in record.size_claims if c.text))


# How each field of geomap.schema.EVENT_SCHEMA is read off a record; the names, types and
# order are the schema's (test_schema checks that every field has exactly one reader).
_READERS: dict[str, Callable[[EventRecord], Any]] = {
    "event_id": lambda r: r.event_id,
    "event_date": lambda r: r.event_date,
    "date_precision": lambda r: r.date_precision,
    "event_type": lambda r: r.event_type.value,
    "sub_event_type": sub_event_type,
    "place": lambda r: r.place.name,
    "place_id": lambda r: r.place.place_id,
    "country_code": lambda r: r.place.country_code,
    "admin1": lambda r: r.place.admin1,
    "geo_precision": lambda r: r.geo_precision,
    "size_low": lambda r: r.size_low,
    "size_high": lambda r: r.size_high,
    "size_text": _size_text,
    "size_cat": lambda r: size_category(r.size_low),
    "size_claims": lambda r: [_claim_json(c) for c in r.size_claims],
    "fatalities": lambda r: r.fatalities,
    "fatalities_high": lambda r: r.fatalities_high,
    "injuries": lambda r: r.injuries,
    "injuries_high": lambda r: r.injuries_high,
    "arrests": lambda r: r.arrests,
    "arrests_high": lambda r: r.arrests_high,
    "disputed": lambda r: r.disputed,
    "reviewed": lambda r: any(x.reviewed for x in r.reports),
    "n_reports": lambda r: len(r.reports),
    "n_sources": lambda r: r.n_sources,
    "sources": lambda r: list(r.sources),
    "reports": lambda r: [_report_json(x) for x in r.reports],
}
RECORD_SCHEMA = EVENT_SCHEMA
_RECORD_NAMES = field_names(EVENT_SCHEMA)


def record_properties(record: EventRecord) -> dict[str, Any]:
    return {name: _READERS[name](record) for name in _RECORD_NAMES}


def record_feature(record: EventRecord) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": list(wkt_xy(record.place))},
        "properties": record_properties(record),
    }


def record_feature_collection(records: Iterable[EventRecord]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [record_feature(r) for r in records]}


def record_csv(records: Iterable[EventRecord]) -> str:
    """One row per event, ACLED-style `latitude`/`longitude` and a WKT `geometry`; lists
    (claims, sources, reports) are JSON in their cell."""
    names = list(_RECORD_NAMES)
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, [*names, "latitude", "longitude", "geometry"], lineterminator="\n"
    )
    writer.writeheader()
    for record in records:
        row = _cells(record_properties(record))
        row.update(
            latitude=record.place.lat,
            longitude=record.place.lon,
            geometry=wkt_point(record.place),
        )
        writer.writerow(row)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Files: the same formats as the report level (geomap.export), by the output's extension.


def _write_geojson(records: Sequence[EventRecord], out: Path) -> None:
    text = json.dumps(record_feature_collection(records), ensure_ascii=False, indent=1)
    write_text_atomic(out, text + "\n")


def _write_csv(records: Sequence[EventRecord], out: Path) -> None:
    write_text_atomic(out, record_csv(records))


def _frames(records: Sequence[EventRecord]) -> tuple[Any, Any]:
    """Two GeoDataFrames, events and their reports, joined on `event_id`."""
    import geopandas
    from shapely.geometry import Point

    names = list(_RECORD_NAMES)
    rows = [_cells(p) for p in map(record_properties, records)]
    points = [Point(wkt_xy(r.place)) for r in records]
    events = geopandas.GeoDataFrame(rows, columns=names, geometry=points, crs="EPSG:4326")
    report_rows = [
        {"event_id": r.event_id, **_cells(_report_json(x))} for r in records for x in r.reports
    ]
    report_points = [Point(wkt_xy(r.place)) for r in records for _ in r.reports]
    reports = geopandas.GeoDataFrame(
        report_rows,
        columns=["event_id", *REPORT_FIELDS],
        geometry=report_points,
        crs="EPSG:4326",
    )
    return events, reports


def _cells(properties: dict[str, Any]) -> dict[str, Any]:
    # A table cell holds no list: lists (claims, sources, reports, mentions) are JSON text.
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
        for k, v in properties.items()
    }


def _write_gpkg(records: Sequence[EventRecord], out: Path) -> None:
    events, reports = _frames(records)
    write_geopackage([("events", events), ("reports", reports)], out)


def _write_parquet(records: Sequence[EventRecord], out: Path) -> None:
    write_geoparquet(_frames(records)[0], out)


_RECORD_WRITERS: dict[str, Callable[[Sequence[EventRecord], Path], None]] = {
    "GeoJSON": _write_geojson,
    "CSV": _write_csv,
    "GeoPackage": _write_gpkg,
    "GeoParquet": _write_parquet,
}


def write_records(records: Sequence[EventRecord], out: Path | None, stdout: IO[bytes]) -> None:
    """Event records as GeoJSON (to `stdout` when `out` is None) or by the extension.

    Raises OutputFormatError for an unknown extension and OutputError when the file cannot
    be written; either way an existing file at `out` is left as it was.
    """
    fmt = output_format(out)
    if out is None:
        text = json.dumps(record_feature_collection(records), ensure_ascii=False, indent=1)
        stdout.write((text + "\n").encode("utf-8"))
        return
    _RECORD_WRITERS[fmt.name](records, out)
