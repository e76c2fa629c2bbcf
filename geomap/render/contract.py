"""Check that a GeoJSON FeatureCollection follows the event contract (geomap.schema)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from geomap.errors import RenderError
from geomap.schema import (
    EVENT_SCHEMA,
    REPORT_ITEM_SCHEMA,
    REPORT_SCHEMA,
    SIZE_CLAIM_SCHEMA,
    Field,
    first_problem,
    is_finite_number,
)
from geomap.unicode_edges import first_lone_surrogate

__all__ = [
    "LEVELS",
    "REQUIRED_PROPERTIES",
    "collection_level",
    "drop_unwritable_features",
    "load_events_geojson",
    "validate_feature_collection",
]

# A collection holds one level: event records (geomap's default output) or sentence-level
# reports (`--level reports`). A record is known by its `reports` list.
LEVELS = ("events", "reports")
_SCHEMAS = {"events": EVENT_SCHEMA, "reports": REPORT_SCHEMA}
# Inside a record: each entry of these lists follows its own schema.
_ITEM_SCHEMAS = {"reports": REPORT_ITEM_SCHEMA, "size_claims": SIZE_CLAIM_SCHEMA}
REQUIRED_PROPERTIES = {
    level: tuple(f.name for f in schema if f.required) for level, schema in _SCHEMAS.items()
}


def collection_level(data: dict[str, Any]) -> str:
    """ "events" when the (checked) collection holds event records, else "reports"."""
    features = data.get("features") or []
    first = features[0]["properties"] if features else {}
    return _level_of(first)


def _level_of(properties: dict[str, Any]) -> str:
    return "events" if "reports" in properties else "reports"


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
    level = None
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        properties = _feature_properties(where, feature)
        this_level = _level_of(properties)
        if level is not None and this_level != level:
            raise RenderError(f"{where}: mixes {this_level} with {level} in one collection")
        level = this_level
        _check_properties(where, properties, _SCHEMAS[level])
    return data


def _feature_properties(where: str, feature: Any) -> dict[str, Any]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise RenderError(f"{where}: not a GeoJSON Feature")
    _check_point(where, feature.get("geometry"))
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        raise RenderError(f"{where}: 'properties' is not an object")
    return properties


def _check_properties(where: str, properties: dict[str, Any], schema: tuple[Field, ...]) -> None:
    problem = first_problem(properties, schema)
    if problem is not None:
        raise RenderError(f"{where}: {problem}")
    if schema is not EVENT_SCHEMA:
        return
    for name, item_schema in _ITEM_SCHEMAS.items():
        for number, item in enumerate(properties.get(name, []), start=1):
            _check_properties(f"{where}, {name} {number}", item, item_schema)


def _check_point(where: str, geometry: Any) -> None:
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        raise RenderError(f"{where}: geometry is not a Point")
    coordinates = geometry.get("coordinates")
    if (
        not isinstance(coordinates, list)
        or len(coordinates) != 2
        or not all(is_finite_number(c) for c in coordinates)
    ):
        raise RenderError(f"{where}: Point coordinates are not [lon, lat] numbers")
    lon, lat = coordinates  # GeoJSON order
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise RenderError(f"{where}: coordinates [{lon}, {lat}] are out of range")


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
        if _holds_lone_surrogate(value):
            return str(name)
    return None


def _holds_lone_surrogate(value: Any) -> bool:
    # A record nests its reports and claims: lists of objects of strings.
    if isinstance(value, str):
        return first_lone_surrogate(value) is not None
    if isinstance(value, dict):
        return any(_holds_lone_surrogate(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_lone_surrogate(v) for v in value)
    return False
