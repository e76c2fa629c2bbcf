"""Tests for geomap.render.payload: the JSON blob the browser renderer reads."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from geomap.render.assets import renderer_js
from geomap.render.payload import (
    COLUMNS,
    DERIVED_COLUMNS,
    build_payload,
    safe_href,
    script_safe_json,
)
from geomap.schema import (
    EVENT_SCHEMA,
    REPORT_ITEM_SCHEMA,
    REPORT_SCHEMA,
    SIZE_CLAIM_SCHEMA,
    field_names,
)

FIXTURES = Path(__file__).parent / "fixtures" / "render"


def _seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "seed_events.geojson").read_text("utf-8"))
    return data


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "</script><script>alert(1)</script>",
            '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"',
        ),
        ("<!-- x", '"\\u003c!-- x"'),
        ("a & b", '"a \\u0026 b"'),
        ("line\u2028para\u2029", '"line\\u2028para\\u2029"'),
        ("Джалал-Абад", '"Джалал-Абад"'),
    ],
)
def test_script_safe_json_escapes_what_could_end_a_script(value: str, expected: str) -> None:
    text = script_safe_json(value)
    assert text == expected
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.rferl.org/a/1057902.html", "https://www.rferl.org/a/1057902.html"),
        ("HTTP://news.bbc.co.uk/x", "HTTP://news.bbc.co.uk/x"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("seeds/000_862050ed1c4916d1.txt", None),
        ("file:///etc/passwd", None),
        ("https://", None),
        ("", None),
    ],
)
def test_only_http_links_are_kept(url: str, expected: str | None) -> None:
    assert safe_href(url) == expected


def _records() -> dict[str, Any]:
    # Seizure at Jalal-Abad on 20 March, as two outlets report it; a protest at Osh whose
    # crowd is told twice with different claimants.
    jalal = [73.00165, 40.93307]
    osh = [72.7985, 40.52828]

    def item(source: str, outlet: str, quote: str, **extra: Any) -> dict[str, Any]:
        return {
            "source": source,
            "outlet": outlet,
            "date": "2005-03-21",
            "quote": quote,
            "char_start": 0,
            "char_end": len(quote),
            "claimed_by": "",
            "report_id": "rp-" + quote[:4],
            "reviewed": False,
            "editor_note": "",
            **extra,
        }

    def record(coordinates: list[float], **properties: Any) -> dict[str, Any]:
        base = {
            "event_id": "ev-1",
            "event_date": "2005-03-20",
            "date_precision": "day",
            "event_type": "seizure",
            "sub_event_type": "Violent demonstration",
            "place_id": "",
            "country_code": "KG",
            "admin1": "",
            "geo_precision": 1,
            "size_low": None,
            "size_high": None,
            "size_text": "",
            "size_cat": 0,
            "size_claims": [],
            "fatalities": None,
            "fatalities_high": None,
            "injuries": None,
            "injuries_high": None,
            "arrests": None,
            "arrests_high": None,
            "disputed": False,
            "reviewed": False,
            "n_sources": 2,
            "sources": [],
        }
        base.update(properties)
        base["n_reports"] = len(base["reports"])
        return {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": coordinates},
            "properties": base,
        }

    return {
        "type": "FeatureCollection",
        "features": [
            record(
                jalal,
                place="Jalal-Abad",
                reports=[
                    item("a.txt", "", "They stormed it."),
                    item("b.txt", "BBC News", "It was seized.", url="javascript:alert(1)"),
                ],
            ),
            record(
                osh,
                place="Osh",
                event_type="protest",
                sub_event_type="Peaceful protest",
                event_date=None,
                date_precision="unknown",
                size_low=300,
                size_high=1000,
                disputed=True,
                n_sources=1,
                fatalities=0,
                reports=[
                    item(
                        "c.txt",
                        "RFE/RL",
                        "About 300 to 400 people.",
                        url="https://www.rferl.org/a/1.html",
                    ),
                ],
                size_claims=[
                    {
                        "low": 300,
                        "high": 400,
                        "text": "300 to 400",
                        "claimed_by": "",
                        "source": "c.txt",
                    },
                    {
                        "low": 1000,
                        "high": 1000,
                        "text": "About 1,000",
                        "claimed_by": "reports",
                        "source": "c.txt",
                    },
                ],
            ),
        ],
    }


def _named(payload: dict[str, Any], table: str, row: list[Any]) -> dict[str, Any]:
    # Trailing empty values are dropped from a row.
    return dict(zip(payload["columns"][table], row, strict=False))


def test_records_share_places_and_sources_and_list_their_reports_in_order() -> None:
    payload = build_payload(_records())
    assert payload["level"] == "events"
    assert [p[2] for p in payload["places"]] == ["Jalal-Abad", "Osh"]
    # [lat, lon]: GeoJSON's [lon, lat] turned round.
    assert payload["places"][0][:2] == [40.93307, 73.00165]
    seizure = _named(payload, "events", payload["events"][0])
    assert payload["types"][seizure["event_type"]] == "seizure"
    assert (seizure["reports"], seizure["n_reports"], seizure["n_sources"]) == (0, 2, 2)
    assert seizure["event_date"] == "2005-03-20"
    assert payload["sub_event_types"][seizure["sub_event_type"]] == "Violent demonstration"
    quotes = [_named(payload, "reports", r)["quote"] for r in payload["reports"]]
    assert quotes == ["They stormed it.", "It was seized.", "About 300 to 400 people."]
    sources = [_named(payload, "sources", s) for s in payload["sources"]]
    assert [(s["source"], s["outlet"]) for s in sources] == [
        ("a.txt", ""),
        ("b.txt", "BBC News"),
        ("c.txt", "RFE/RL"),
    ]
    # Only a web link is a link.
    assert [s["url"] for s in sources] == ["", "", "https://www.rferl.org/a/1.html"]


def test_a_record_row_keeps_its_crowd_claims_toll_and_dispute() -> None:
    payload = build_payload(_records())
    protest = _named(payload, "events", payload["events"][1])
    assert protest["event_date"] == ""
    assert payload["date_precisions"][protest["date_precision"]] == "unknown"
    assert (protest["size_low"], protest["size_high"], protest["disputed"]) == (300, 1000, 1)
    claims = [_named(payload, "size_claims", c) for c in protest["size_claims"]]
    assert [(c["low"], c["high"], c["claimed_by"]) for c in claims] == [
        (300, 400, ""),
        (1000, 1000, "reports"),
    ]
    # A claim names its article: the same source row as the report read there.
    assert {payload["sources"][c["source"]][4] for c in claims} == {"c.txt"}
    # "Nobody died" is a figure: a 0 stays, and the row ends there.
    assert protest["fatalities"] == 0
    assert len(payload["events"][1]) == payload["columns"]["events"].index("fatalities") + 1


def test_a_reports_collection_is_one_record_per_report() -> None:
    seed = _seed()
    payload = build_payload(seed)
    assert payload["level"] == "reports"
    assert len(payload["events"]) == len(payload["reports"]) == len(seed["features"]) == 15
    for number, (row, feature) in enumerate(zip(payload["events"], seed["features"], strict=True)):
        record = _named(payload, "events", row)
        assert (record["reports"], record["n_reports"], record["n_sources"]) == (number, 1, 1)
        report = _named(payload, "reports", payload["reports"][number])
        assert report["quote"] == feature["properties"]["quote"]
    # The eighth report: the opposition's crowd of 20,000 to 30,000, disputed.
    crowd = _named(payload, "events", payload["events"][7])
    assert payload["types"][crowd["event_type"]] == "crowd"
    assert (crowd["size_low"], crowd["size_high"], crowd["disputed"]) == (20000, 30000, 1)
    (claim,) = crowd["size_claims"]
    assert _named(payload, "size_claims", claim)["claimed_by"] == "Opposition leaders"
    # A report keeps its article's headline, which a record's report items lack.
    assert payload["sources"][2][:3] == [
        "Kyrgyz protests hit second city",
        "BBC News",
        "2005-03-21",
    ]


def test_every_column_is_a_schema_field_or_a_documented_derived_one() -> None:
    schema = {
        "events": field_names(EVENT_SCHEMA),
        "reports": field_names(REPORT_ITEM_SCHEMA),
        "size_claims": field_names(SIZE_CLAIM_SCHEMA),
        "sources": (*field_names(REPORT_ITEM_SCHEMA), "source_title", "url"),
        "places": field_names(REPORT_SCHEMA),
    }
    for table, names in COLUMNS.items():
        assert set(names) <= set(schema[table]) | DERIVED_COLUMNS[table], table
    assert build_payload(_records())["columns"] == {t: list(n) for t, n in COLUMNS.items()}


# geomap.js reads every column as E.name (a record), R.name (a report), K.name (a crowd
# claim), S.name (an article) or P.name (a place), from maps it builds of payload["columns"].
_JS_TABLES = {"E": "events", "R": "reports", "K": "size_claims", "S": "sources", "P": "places"}
_JS_ACCESSOR = re.compile(r"(?<![\w.$])([ERKSP])\.([A-Za-z_]\w*)")
# A name built at run time: E[toll[1]] and E[toll[1] + "_high"] over the TOLLS table.
_JS_TOLLS = re.compile(r'\["\w+", "(\w+)"\]')


def _columns_read_by_the_renderer() -> dict[str, set[str]]:
    code = renderer_js()
    read: dict[str, set[str]] = {table: set() for table in _JS_TABLES.values()}
    for letter, name in _JS_ACCESSOR.findall(code):
        read[_JS_TABLES[letter]].add(name)
    tolls = code[code.index("var TOLLS = ") :].split(";", 1)[0]
    for name in _JS_TOLLS.findall(tolls):
        read["events"] |= {name, name + "_high"}
    return read


def test_the_renderer_reads_exactly_the_columns_the_payload_provides() -> None:
    read = _columns_read_by_the_renderer()
    # The parser finds what it should: a few columns the renderer is known to use.
    assert {"size_low", "n_sources", "fatalities_high"} <= read["events"]
    assert "quote" in read["reports"]
    for table, names in COLUMNS.items():
        assert read[table] == set(names), table
    # And no hard-coded positions are left.
    assert "var F = {" not in renderer_js()
