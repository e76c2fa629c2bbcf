"""Check that a GeoJSON FeatureCollection follows geomap.export's event contract."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from geomap.errors import RenderError
from geomap.model import EventType, Precision
from geomap.unicode_edges import first_lone_surrogate

__all__ = [
    "REQUIRED_PROPERTIES",
    "drop_unwritable_features",
    "load_events_geojson",
    "validate_feature_collection",
]

# Without these an event cannot be drawn or traced to its evidence. The other properties of
# geomap.export.FEATURE_PROPERTIES may be missing (tools that write a subset) and then count as
# empty; properties outside the contract are ignored, as GeoJSON readers do.
REQUIRED_PROPERTIES = ("event_type", "place", "quote", "source")

_EVENT_TYPES = tuple(t.value for t in EventType)
_PRECISIONS = tuple(p.value for p in Precision)
_STRING_PROPERTIES = (
    "place",
    "place_id",
    "country_code",
    "admin1",
    "source",
    "source_title",
    "outlet",
    "url",
    "date_text",
    "quote",
    "crowd_text",
    "claimed_by",
    "report_id",
    "editor_note",
)
_OPTIONAL_STRING_PROPERTIES = ("source_date", "date")
_COUNT_PROPERTIES = ("crowd_low", "crowd_high", "killed", "injured", "arrested")
_OFFSET_PROPERTIES = ("char_start", "char_end")
_BOOL_PROPERTIES = ("inferred", "disputed", "reviewed")


def load_events_geojson(path: str | Path) -> dict[str, Any]:
    """Read an events GeoJSON file and check it; raise RenderError with a one-line reason."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RenderError(f"{path}: cannot read events file ({error})") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RenderError(f"{path}: not JSON ({error.msg} at line {error.lineno})") from error
    try:
        return validate_feature_collection(data)
    except RenderError as error:
        raise RenderError(f"{path}: {error}") from error


def validate_feature_collection(data: Any) -> dict[str, Any]:
    """Return `data` unchanged if it follows the contract, else raise RenderError."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise RenderError("not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise RenderError("'features' is not a list")
    for number, feature in enumerate(features, start=1):
        _check_feature(number, feature)
    return data


def _check_feature(number: int, feature: Any) -> None:
    where = f"feature {number}"
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise RenderError(f"{where}: not a GeoJSON Feature")
    _check_point(where, feature.get("geometry"))
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        raise RenderError(f"{where}: 'properties' is not an object")
    for name in REQUIRED_PROPERTIES:
        if name not in properties:
            raise RenderError(f"{where}: missing property {name!r}")
    if properties["event_type"] not in _EVENT_TYPES:
        raise RenderError(
            f"{where}: event_type {properties['event_type']!r} is not one of "
            + ", ".join(_EVENT_TYPES)
        )
    precision = properties.get("precision")
    if precision is not None and precision not in _PRECISIONS:
        raise RenderError(
            f"{where}: precision {precision!r} is not one of " + ", ".join(_PRECISIONS)
        )
    for name in _STRING_PROPERTIES:
        _expect(where, properties, name, str, allow_none=False)
    for name in _OPTIONAL_STRING_PROPERTIES:
        _expect(where, properties, name, str, allow_none=True)
    for name in _COUNT_PROPERTIES + _OFFSET_PROPERTIES:
        _expect(where, properties, name, int, allow_none=True)
        value = properties.get(name)
        if value is not None and value < 0:
            raise RenderError(f"{where}: {name} is negative")
    for name in _BOOL_PROPERTIES:
        _expect(where, properties, name, bool, allow_none=False)
    mentions = properties.get("mentions", [])
    if not isinstance(mentions, list) or not all(isinstance(m, str) for m in mentions):
        raise RenderError(f"{where}: mentions is not a list of strings")
    confidence = properties.get("confidence", 0.0)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
        raise RenderError(f"{where}: confidence is not a number")


def _check_point(where: str, geometry: Any) -> None:
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        raise RenderError(f"{where}: geometry is not a Point")
    coordinates = geometry.get("coordinates")
    if (
        not isinstance(coordinates, list)
        or len(coordinates) != 2
        or not all(_is_number(c) for c in coordinates)
    ):
        raise RenderError(f"{where}: Point coordinates are not [lon, lat] numbers")
    lon, lat = coordinates  # GeoJSON order
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise RenderError(f"{where}: coordinates [{lon}, {lat}] are out of range")


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _expect(
    where: str, properties: dict[str, Any], name: str, kind: type, *, allow_none: bool
) -> None:
    if name not in properties:
        return
    value = properties[name]
    if value is None and allow_none:
        return
    # bool is an int in Python; a count of True people is a broken file, not a count.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        expected = kind.__name__ + (" or null" if allow_none else "")
        raise RenderError(f"{where}: {name} is {type(value).__name__}, expected {expected}")


def drop_unwritable_features(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The collection without features whose text holds an unpaired surrogate, and why.

    JSON may escape half a surrogate pair ("\\ud800"); no UTF-8 page can hold it. One such
    feature is reported and left out, so the map of every other event is still drawn.
    """
    kept: list[Any] = []
    reasons: list[str] = []
    for number, feature in enumerate(data["features"], start=1):
        name = _property_with_lone_surrogate(feature["properties"])
        if name is None:
            kept.append(feature)
        else:
            reasons.append(f"feature {number}: {name!r} holds an unpaired surrogate; left out")
    return {**data, "features": kept}, reasons


def _property_with_lone_surrogate(properties: dict[str, Any]) -> str | None:
    for name, value in properties.items():
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(t, str) and first_lone_surrogate(t) is not None for t in texts):
            return str(name)
    return None
