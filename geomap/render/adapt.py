"""Reports as one-report event records, so the renderer draws a single level: records.

`geomap render` accepts a collection of either level (geomap.render.contract). A records
collection is drawn as it is; a reports collection (`geomap extract --level reports`) is
drawn one marker per report, each report adapted here to a record of its own. Nothing is
grouped: the same reports give the same markers as before, one per report.
"""

from __future__ import annotations

from typing import Any, NamedTuple, cast

from geomap.model import EventType
from geomap.records import EventRecord, size_category, sub_event_type
from geomap.render.contract import collection_level

__all__ = ["EXTRA_REPORT_ITEM_FIELDS", "as_records", "report_as_record"]

# A report knows its article's headline and address; a record's report items do not carry
# them (geomap.schema.REPORT_ITEM_SCHEMA), so they are kept here under the report's own
# names, and the payload reads them from any item that has them.
EXTRA_REPORT_ITEM_FIELDS = ("source_title", "url")

# ACLED's geo_precision, as geomap.records assigns it: 1 a named town, 2 a place inferred
# from the paragraph, 3 a region or country.
_GEO_PRECISION = {"point": 1, "region": 3, "country": 3}


class _Figures(NamedTuple):
    """What geomap.records.sub_event_type reads of a record: its type and figures."""

    event_type: EventType
    arrests: int | None
    injuries: int | None
    fatalities: int | None


_EVENT_TYPES = {t.value: t for t in EventType}


def _event_date(properties: dict[str, Any]) -> tuple[str | None, str]:
    # As geomap.records dates a record: the report's own day, else the week of publication
    # (ACLED's practice), which is no day and so leaves event_date empty.
    if properties.get("date"):
        return properties["date"], "day"
    if properties.get("source_date"):
        return None, "week"
    return None, "unknown"


def _report_item(properties: dict[str, Any]) -> dict[str, Any]:
    item = {
        "source": properties.get("source", ""),
        "outlet": properties.get("outlet", ""),
        "date": properties.get("source_date"),
        "quote": properties.get("quote", ""),
        "char_start": properties.get("char_start"),
        "char_end": properties.get("char_end"),
        "claimed_by": properties.get("claimed_by", ""),
        "report_id": properties.get("report_id", ""),
        "reviewed": bool(properties.get("reviewed", False)),
        "editor_note": properties.get("editor_note", ""),
        "event_chance": properties.get("event_chance"),
    }
    for name in EXTRA_REPORT_ITEM_FIELDS:
        item[name] = properties.get(name, "")
    return item


def _size_claims(properties: dict[str, Any]) -> list[dict[str, Any]]:
    if properties.get("crowd_low") is None:
        return []
    return [
        {
            "low": properties["crowd_low"],
            "high": properties.get("crowd_high"),
            "text": properties.get("crowd_text", ""),
            "claimed_by": properties.get("claimed_by", ""),
            "source": properties.get("source", ""),
        }
    ]


def report_as_record(properties: dict[str, Any], number: int) -> dict[str, Any]:
    """The properties of a one-report record (geomap.schema.EVENT_SCHEMA) for one report.

    `number` is the report's position in its collection: with its report id it makes the
    record's id, so the same file gives the same ids.
    """
    event_date, date_precision = _event_date(properties)
    event_type = _EVENT_TYPES[properties["event_type"]]
    killed, injured, arrested = (properties.get(k) for k in ("killed", "injured", "arrested"))
    # A report's figures are its record's, low and high alike.
    figures = _Figures(event_type, arrests=arrested, injuries=injured, fatalities=killed)
    low, high = properties.get("crowd_low"), properties.get("crowd_high")
    if high is None:
        high = low
    precision = properties.get("precision") or "point"
    geo_precision = 2 if properties.get("inferred") else _GEO_PRECISION[precision]
    source = properties.get("source", "")
    return {
        "event_id": f"report-{number}-{properties.get('report_id', '')}",
        "event_date": event_date,
        "date_precision": date_precision,
        "event_type": event_type.value,
        # Structurally a record for this rule, which reads only the type and the figures.
        "sub_event_type": sub_event_type(cast(EventRecord, figures)),
        "place": properties.get("place", ""),
        "place_id": properties.get("place_id", ""),
        "country_code": properties.get("country_code", ""),
        "admin1": properties.get("admin1", ""),
        "geo_precision": geo_precision,
        "size_low": low,
        "size_high": high,
        "size_text": properties.get("crowd_text", "") if low is not None else "",
        "size_cat": size_category(low),
        "size_claims": _size_claims(properties),
        "fatalities": killed,
        "fatalities_high": killed,
        "injuries": injured,
        "injuries_high": injured,
        "arrests": arrested,
        "arrests_high": arrested,
        "disputed": bool(properties.get("disputed", False)),
        "reviewed": bool(properties.get("reviewed", False)),
        "n_reports": 1,
        "n_sources": 1,
        "sources": [source],
        "reports": [_report_item(properties)],
    }


def as_records(collection: dict[str, Any]) -> dict[str, Any]:
    """A checked collection of either level as a collection of records, in input order."""
    if collection_level(collection) == "events":
        return collection
    return {
        **collection,
        "features": [
            {**feature, "properties": report_as_record(feature["properties"], number)}
            for number, feature in enumerate(collection["features"], start=1)
        ],
    }
