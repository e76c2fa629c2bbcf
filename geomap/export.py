"""Events to GeoJSON features and tables: the one place (lat, lon) becomes (lon, lat)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from geomap.model import Event

__all__ = ["FEATURE_PROPERTIES", "dumps", "event_properties", "feature_collection", "to_feature"]

# The property names are a public contract (other tools read them); keep their order too,
# so that written files are byte-identical from run to run.
FEATURE_PROPERTIES = (
    "event_type",
    "place",
    "place_id",
    "country_code",
    "admin1",
    "precision",
    "inferred",
    "mentions",
    "source",
    "source_title",
    "source_date",
    "outlet",
    "url",
    "date",
    "date_text",
    "quote",
    "char_start",
    "char_end",
    "crowd_low",
    "crowd_high",
    "crowd_text",
    "killed",
    "injured",
    "arrested",
    "claimed_by",
    "disputed",
    "confidence",
)


def event_properties(event: Event) -> dict[str, Any]:
    place = event.place
    values: dict[str, Any] = {
        "event_type": event.event_type.value,
        "place": place.name,
        "place_id": place.place_id,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "precision": event.precision.value,
        "inferred": event.inferred,
        "mentions": list(event.mentions),
        "source": event.source,
        "source_title": event.source_title,
        "source_date": event.source_date,
        "outlet": event.outlet,
        "url": event.url,
        "date": event.date,
        "date_text": event.date_text,
        "quote": event.quote,
        "char_start": event.char_start,
        "char_end": event.char_end,
        "crowd_low": event.crowd_low,
        "crowd_high": event.crowd_high,
        "crowd_text": event.crowd_text,
        "killed": event.killed,
        "injured": event.injured,
        "arrested": event.arrested,
        "claimed_by": event.claimed_by,
        "disputed": event.disputed,
        "confidence": round(event.confidence, 3),
    }
    return {name: values[name] for name in FEATURE_PROPERTIES}


def to_feature(event: Event) -> dict[str, Any]:
    # GeoJSON (RFC 7946) orders positions as [longitude, latitude]; everywhere else in
    # geomap coordinates are (lat, lon). This is the only place the order flips.
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [event.place.lon, event.place.lat]},
        "properties": event_properties(event),
    }


def feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [to_feature(e) for e in events]}


def dumps(collection: dict[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
