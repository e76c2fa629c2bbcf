"""The event contract is written once (geomap.schema); every writer and reader follows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_records import JALAL_ABAD, OSH, report  # hand-built reports, shared
from typer.testing import CliRunner

from geomap.cli import app
from geomap.errors import RenderError
from geomap.export import FEATURE_PROPERTIES, event_properties, to_feature
from geomap.model import EventType
from geomap.record_export import record_feature_collection, record_properties
from geomap.records import group_reports
from geomap.render.contract import collection_level, validate_feature_collection
from geomap.schema import (
    EVENT_SCHEMA,
    REPORT_ITEM_SCHEMA,
    REPORT_SCHEMA,
    SIZE_CLAIM_SCHEMA,
    FieldKind,
    field_names,
    first_problem,
    pandas_dtype,
)

ROOT = Path(__file__).resolve().parent.parent

# Reports a reader would code from two outlets' sentences about one day in Osh: a crowd
# of about 10,000 by one count and 3,000 by another, and four killed (disputed).
_REPORTS = [
    report(EventType.PROTEST, source="a.txt", outlet="A", crowd_low=10_000, crowd_high=10_000),
    report(EventType.PROTEST, source="b.txt", outlet="B", crowd_low=3_000, crowd_high=3_000),
    report(EventType.CLASH, place=JALAL_ABAD, source="a.txt", outlet="A", killed=4),
]


def test_each_schema_names_each_field_once() -> None:
    for schema in (REPORT_SCHEMA, EVENT_SCHEMA, REPORT_ITEM_SCHEMA, SIZE_CLAIM_SCHEMA):
        names = field_names(schema)
        assert len(names) == len(set(names))
        assert all(f.doc for f in schema)


def test_report_writer_has_exactly_the_schemas_fields_all_valid() -> None:
    properties = event_properties(_REPORTS[0])
    assert tuple(properties) == FEATURE_PROPERTIES == field_names(REPORT_SCHEMA)
    assert first_problem(properties, REPORT_SCHEMA) is None


def test_record_writer_has_exactly_the_schemas_fields_all_valid() -> None:
    records = group_reports(_REPORTS)
    for record in records:
        properties = record_properties(record)
        assert tuple(properties) == field_names(EVENT_SCHEMA)
        assert first_problem(properties, EVENT_SCHEMA) is None
        for item in properties["reports"]:
            assert tuple(item) == field_names(REPORT_ITEM_SCHEMA)
            assert first_problem(item, REPORT_ITEM_SCHEMA) is None
        for claim in properties["size_claims"]:
            assert tuple(claim) == field_names(SIZE_CLAIM_SCHEMA)


def test_the_validator_knows_both_levels_and_refuses_a_mixture() -> None:
    records = record_feature_collection(group_reports(_REPORTS))
    reports = {"type": "FeatureCollection", "features": [to_feature(r) for r in _REPORTS]}
    assert collection_level(validate_feature_collection(records)) == "events"
    assert collection_level(validate_feature_collection(reports)) == "reports"
    mixed = {"type": "FeatureCollection", "features": records["features"] + reports["features"]}
    with pytest.raises(RenderError, match="mixes reports with events"):
        validate_feature_collection(mixed)


def test_a_broken_report_inside_a_record_is_named() -> None:
    records = record_feature_collection(group_reports(_REPORTS))
    records["features"][0]["properties"]["reports"][0]["quote"] = None
    with pytest.raises(RenderError, match="feature 1, reports 1: quote is null"):
        validate_feature_collection(records)


def test_a_record_without_its_reports_is_refused() -> None:
    records = record_feature_collection(group_reports(_REPORTS))
    records["features"][0]["properties"]["reports"] = "two"
    with pytest.raises(RenderError, match="reports is str, expected array of objects"):
        validate_feature_collection(records)


def test_columns_keep_their_type_when_every_value_is_missing() -> None:
    by_name = {f.name: f for f in REPORT_SCHEMA}
    assert pandas_dtype(by_name["killed"]) == "Int64"  # a count, null when unknown
    assert pandas_dtype(by_name["disputed"]) == "bool"
    assert pandas_dtype(by_name["quote"]) == "string[pyarrow]"
    assert by_name["mentions"].kind is FieldKind.STRINGS


def test_both_levels_of_the_seeds_follow_the_contract(tmp_path: Path) -> None:
    runner = CliRunner()
    for level in ("events", "reports"):
        out = tmp_path / f"{level}.geojson"
        args = ["extract", str(ROOT / "seeds"), "--level", level, "-o", str(out)]
        assert runner.invoke(app, args).exit_code == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        assert collection_level(validate_feature_collection(data)) == level
        assert OSH.name in {f["properties"]["place"] for f in data["features"]}
