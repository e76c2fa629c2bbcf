"""Tests for geomap.render.contract: what an events GeoJSON must look like."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from geomap.errors import GeomapError, RenderError
from geomap.render import load_events_geojson, validate_feature_collection

FIXTURES = Path(__file__).parent / "fixtures" / "render"


def _seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "seed_events.geojson").read_text("utf-8"))
    return data


def _broken(change: str) -> Any:
    data = _seed()
    feature = data["features"][0]
    properties = feature["properties"]
    if change == "not a collection":
        return [feature]
    if change == "features not a list":
        data["features"] = {}
    elif change == "line geometry":
        feature["geometry"] = {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}
    elif change == "lat out of range":
        feature["geometry"]["coordinates"] = [73.0, 140.0]
    elif change == "unknown type":
        properties["event_type"] = "riot"
    elif change == "no quote":
        del properties["quote"]
    elif change == "count as text":
        properties["killed"] = "four"
    elif change == "count as bool":
        properties["killed"] = True
    elif change == "negative count":
        properties["crowd_low"] = -5
    elif change == "mentions not a list":
        properties["mentions"] = "Jala-abad"
    elif change == "bad precision":
        properties["precision"] = "street"
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("not a collection", "not a GeoJSON FeatureCollection"),
        ("features not a list", "'features' is not a list"),
        ("line geometry", "feature 1: geometry is not a Point"),
        ("lat out of range", "feature 1: coordinates [73.0, 140.0] are out of range"),
        ("unknown type", "feature 1: event_type 'riot' is not one of protest, seizure, clash"),
        ("no quote", "feature 1: missing property 'quote'"),
        ("count as text", "feature 1: killed is str, expected integer or null"),
        ("count as bool", "feature 1: killed is bool, expected integer or null"),
        ("negative count", "feature 1: crowd_low is negative"),
        ("mentions not a list", "feature 1: mentions is str, expected array of strings"),
        ("bad precision", "feature 1: precision 'street' is not one of point, region, country"),
    ],
)
def test_broken_collections_are_refused_with_a_reason(change: str, message: str) -> None:
    with pytest.raises(RenderError, match=message.replace("[", r"\[").replace("]", r"\]")):
        validate_feature_collection(_broken(change))


def test_the_seed_fixture_follows_the_contract() -> None:
    data = load_events_geojson(FIXTURES / "seed_events.geojson")
    assert len(data["features"]) == 15


def test_extra_properties_are_ignored_and_optional_ones_may_be_missing() -> None:
    data = _seed()
    properties = data["features"][0]["properties"]
    properties["added_by_another_tool"] = 1
    del properties["confidence"], properties["char_start"], properties["outlet"]
    assert validate_feature_collection(copy.deepcopy(data)) == data


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        (b"\xff\xfe\x00", "cannot read events file"),
    ],
)
def test_bad_files_raise_one_line_render_errors(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = tmp_path / "events.geojson"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(RenderError, match=message) as caught:
        load_events_geojson(path)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, GeomapError)


def test_a_missing_file_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="cannot read events file"):
        load_events_geojson(tmp_path / "absent.geojson")
