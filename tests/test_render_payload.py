"""Tests for geomap.render.payload: the JSON blob the browser renderer reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from geomap.render.payload import EVENT_FIELDS, build_payload, safe_href, script_safe_json

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


def test_places_and_sources_are_shared_by_their_events() -> None:
    payload = build_payload(_seed())
    # Jalal-Abad, Osh and Kyrgyzstan as a whole; three seed articles.
    assert [place[2] for place in payload["places"]] == ["Jalal-Abad", "Osh", "Kyrgyzstan"]
    assert payload["places"][0][:2] == [40.93307, 73.00165]
    assert [source[4] for source in payload["sources"]] == [
        "seeds/000_862050ed1c4916d1.txt",
        "seeds/001_a06f24123c493c60.txt",
        "seeds/002_d687500d7c2a08b1.txt",
    ]
    assert payload["sources"][2][:3] == [
        "Kyrgyz protests hit second city",
        "BBC News",
        "2005-03-21",
    ]
    assert len(payload["events"]) == 15


def test_an_event_row_keeps_figures_claimant_and_dispute() -> None:
    payload = build_payload(_seed())
    row = payload["events"][7]
    by_name = dict(zip(EVENT_FIELDS, row, strict=False))  # trailing empties are dropped
    assert payload["types"][by_name["type"]] == "crowd"
    assert by_name["quote"].startswith("Opposition leaders say 20,000 to 30,000 people")
    assert (by_name["crowd_low"], by_name["crowd_high"]) == (20000, 30000)
    assert by_name["claimed_by"] == "Opposition leaders"
    assert by_name["disputed"] == 1


def test_trailing_empty_columns_are_dropped_but_a_zero_count_stays() -> None:
    collection = _seed()
    protest = collection["features"][5]["properties"]
    casualties = collection["features"][10]["properties"]
    casualties.update(killed=0, claimed_by="", disputed=False)
    payload = build_payload(
        {
            "type": "FeatureCollection",
            "features": [collection["features"][5], collection["features"][10]],
        }
    )
    assert len(payload["events"][0]) == EVENT_FIELDS.index("mentions") + 1
    assert payload["events"][0][EVENT_FIELDS.index("quote")] == protest["quote"]
    assert payload["events"][1][-1] == 0
    assert len(payload["events"][1]) == EVENT_FIELDS.index("killed") + 1
