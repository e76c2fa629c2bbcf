"""The event contract, written once: every property geomap writes, its type and nullability.

Two levels share one vocabulary:
- REPORT_SCHEMA: one sentence-level report of an event (`geomap extract --level reports`);
- EVENT_SCHEMA: one event record, grouping the reports of one real event (the default),
  with REPORT_ITEM_SCHEMA for each entry of its `reports` list and SIZE_CLAIM_SCHEMA for
  each crowd-size claim.

The writers (geomap.export, geomap.record_export), the validator that `geomap render` runs on
a file (geomap.render.contract), the columnar dtypes of partitioned Parquet
(geomap.distributed) and the map's payload columns (geomap.render.payload) are all derived
from these tables, so a field is added or retyped here and nowhere else.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from geomap.model import EventType, Precision
from geomap.records import SUB_EVENT_TYPES

__all__ = [
    "EVENT_SCHEMA",
    "REPORT_ITEM_SCHEMA",
    "REPORT_SCHEMA",
    "SIZE_CLAIM_SCHEMA",
    "Field",
    "FieldKind",
    "field_names",
    "first_problem",
    "is_finite_number",
    "pandas_dtype",
]


class FieldKind(str, Enum):
    STRING = "string"
    INTEGER = "integer"  # a count or an offset: never negative
    NUMBER = "number"
    BOOLEAN = "boolean"
    STRINGS = "array of strings"
    OBJECTS = "array of objects"


@dataclass(frozen=True)
class Field:
    """One property: its name, JSON type, whether it may be null, and what it means.

    `choices` closes a string's vocabulary; `required` marks what a reader cannot do
    without (a file missing any other property is read as if it were empty, as GeoJSON
    readers do with a subset writer's output).
    """

    name: str
    kind: FieldKind
    nullable: bool
    doc: str
    choices: tuple[str, ...] = ()
    required: bool = False


_S, _I, _N, _B = FieldKind.STRING, FieldKind.INTEGER, FieldKind.NUMBER, FieldKind.BOOLEAN
_EVENT_TYPES = tuple(t.value for t in EventType)
_PRECISIONS = tuple(p.value for p in Precision)
_DATE_PRECISIONS = ("day", "week", "month", "unknown")

# Shared by both levels, so a place reads the same in a report and in a record.
_PLACE_FIELDS = (
    Field("place", _S, False, "the place's gazetteer name", required=True),
    Field("place_id", _S, False, "the gazetteer's id, 'geonames:ID' or the geocoder's"),
    Field("country_code", _S, False, "ISO 3166-1 alpha-2"),
    Field("admin1", _S, False, "first-order division (region, state, oblast)"),
)
_EVENT_TYPE = Field("event_type", _S, False, "geomap's event type", _EVENT_TYPES, required=True)

_EVENT_CHANCE = Field(
    "event_chance",
    _N,
    True,
    "the report filter's chance, 0 to 1, that a town's report is a real event of its type"
    " there (geomap.report_filter); null for a region's or a country's report, and for one"
    " an editor moved or retyped",
)

REPORT_SCHEMA: tuple[Field, ...] = (
    _EVENT_TYPE,
    *_PLACE_FIELDS,
    Field("precision", _S, False, "how exactly the place is known", _PRECISIONS),
    Field("inferred", _B, False, "the place came from a neighbouring sentence or dateline"),
    Field("mentions", FieldKind.STRINGS, False, "the spellings of the place in the article"),
    Field("source", _S, False, "the input file or record", required=True),
    Field("source_title", _S, False, "the article's headline"),
    Field("source_date", _S, True, "the article's publication date, ISO 8601"),
    Field("outlet", _S, False, "who published the article"),
    Field("url", _S, False, "the article's address"),
    Field("date", _S, True, "the event's date, ISO 8601"),
    Field("date_text", _S, False, "the words that date it"),
    Field("quote", _S, False, "the sentence, verbatim", required=True),
    Field("char_start", _I, True, "the quote's start offset in the article text"),
    Field("char_end", _I, True, "the quote's end offset"),
    Field("crowd_low", _I, True, "the crowd estimate's lower bound"),
    Field("crowd_high", _I, True, "its upper bound"),
    Field("crowd_text", _S, False, "the words of the estimate"),
    Field("killed", _I, True, "people reported killed"),
    Field("injured", _I, True, "people reported injured"),
    Field("arrested", _I, True, "people reported arrested"),
    Field("claimed_by", _S, False, "who made the claim, when the text says"),
    Field("disputed", _B, False, "another report of the same figure disagrees"),
    Field("confidence", _N, False, "the extractor's confidence, 0 to 1"),
    _EVENT_CHANCE,
    # From geomap.corrections: the report's stable id, and an editor's check and note.
    Field("report_id", _S, False, "the report's stable id, for corrections files"),
    Field("reviewed", _B, False, "an editor checked it"),
    Field("editor_note", _S, False, "the editor's note"),
)

# Each report of an event record: where it was read, and the words that say so.
REPORT_ITEM_SCHEMA: tuple[Field, ...] = (
    Field("source", _S, False, "the input file or record"),
    Field("source_title", _S, False, "the article's headline"),
    Field("url", _S, False, "the article's address"),
    Field("outlet", _S, False, "who published it"),
    Field("date", _S, True, "the article's publication date"),
    Field("quote", _S, False, "the sentence, verbatim"),
    Field("char_start", _I, True, "the quote's start offset"),
    Field("char_end", _I, True, "the quote's end offset"),
    Field("claimed_by", _S, False, "who made the claim"),
    Field("mentions", FieldKind.STRINGS, False, "the spellings of the place in the article"),
    Field("report_id", _S, False, "the report's stable id"),
    Field("reviewed", _B, False, "an editor checked it"),
    Field("editor_note", _S, False, "the editor's note"),
    _EVENT_CHANCE,
)

SIZE_CLAIM_SCHEMA: tuple[Field, ...] = (
    Field("low", _I, True, "the claim's lower bound"),
    Field("high", _I, True, "its upper bound"),
    Field("text", _S, False, "the words of the claim"),
    Field("claimed_by", _S, False, "who made it"),
    Field("source", _S, False, "where it was read"),
)

# Names follow ACLED (event_date, sub_event_type, geo_precision, fatalities) and the Crowd
# Counting Consortium (size_low, size_high, size_cat, arrests, injuries) where they exist.
EVENT_SCHEMA: tuple[Field, ...] = (
    Field("event_id", _S, False, "stable: the same inputs give the same id", required=True),
    Field("event_date", _S, True, "ISO 8601 day, or null when no report dates it"),
    Field("date_precision", _S, False, "how exactly the date is known", _DATE_PRECISIONS),
    _EVENT_TYPE,
    Field("sub_event_type", _S, False, "ACLED's sub-event type", SUB_EVENT_TYPES),
    *_PLACE_FIELDS,
    Field("geo_precision", _I, False, "ACLED's 1 (town) to 3 (region or country)"),
    Field("size_low", _I, True, "the lowest crowd estimate"),
    Field("size_high", _I, True, "the highest crowd estimate"),
    Field("size_text", _S, False, "the words of every estimate"),
    Field("size_cat", _I, False, "CCC's size category, 0 (unknown) to 4"),
    Field("size_claims", FieldKind.OBJECTS, False, "each estimate and who made it"),
    Field("fatalities", _I, True, "the conservative death toll"),
    Field("fatalities_high", _I, True, "the highest reported toll"),
    Field("injuries", _I, True, "the conservative count of injured"),
    Field("injuries_high", _I, True, "the highest count of injured"),
    Field("arrests", _I, True, "the conservative count of arrests"),
    Field("arrests_high", _I, True, "the highest count of arrests"),
    Field("disputed", _B, False, "its reports disagree on a figure"),
    Field("reviewed", _B, False, "an editor checked at least one of its reports"),
    Field("n_reports", _I, False, "how many reports it groups"),
    Field("n_sources", _I, False, "how many distinct outlets report it"),
    Field("sources", FieldKind.STRINGS, False, "those outlets"),
    Field("reports", FieldKind.OBJECTS, False, "each report", required=True),
)


def field_names(schema: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in schema)


# Columnar dtypes (pandas names) for Parquet: nullable counts stay integers, not floats.
_PANDAS_DTYPES = {
    (_I, False): "int64",
    (_I, True): "Int64",
    (_B, False): "bool",
    (_N, False): "float64",
    (_N, True): "Float64",
}


def pandas_dtype(field: Field) -> str:
    """The pandas dtype of a scalar field's column; lists are JSON text in a column."""
    return _PANDAS_DTYPES.get((field.kind, field.nullable), "string[pyarrow]")


def _is_integer(value: Any) -> bool:
    # bool is an int in Python; a count of True people is a broken file, not a count.
    return isinstance(value, int) and not isinstance(value, bool)


def is_finite_number(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_objects(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


_KIND_CHECKS = {
    FieldKind.STRING: lambda v: isinstance(v, str),
    FieldKind.INTEGER: _is_integer,
    FieldKind.NUMBER: is_finite_number,
    FieldKind.BOOLEAN: lambda v: isinstance(v, bool),
    FieldKind.STRINGS: _is_strings,
    FieldKind.OBJECTS: _is_objects,
}


def _field_problem(field: Field, value: Any) -> str | None:
    if value is None:
        return None if field.nullable else f"{field.name} is null"
    if field.kind is FieldKind.INTEGER and is_finite_number(value) and not isinstance(value, float):
        return None if value >= 0 else f"{field.name} is negative"
    if not _KIND_CHECKS[field.kind](value):
        expected = field.kind.value + (" or null" if field.nullable else "")
        return f"{field.name} is {type(value).__name__}, expected {expected}"
    if field.choices and value not in field.choices:
        return f"{field.name} {value!r} is not one of " + ", ".join(field.choices)
    return None


def first_problem(properties: Mapping[str, Any], schema: tuple[Field, ...]) -> str | None:
    """Why `properties` break `schema`, or None.

    A required property must be present; any other may be missing. Properties outside the
    schema are ignored, as GeoJSON readers do.
    """
    for field in schema:
        if field.name not in properties:
            if field.required:
                return f"missing property {field.name!r}"
            continue
        problem = _field_problem(field, properties[field.name])
        if problem is not None:
            return problem
    return None
