"""Spelling variants across Central Asia, the Caucasus, Ukraine and Belarus; former and
foreign country names; BGN/PCGN romanisations; second-level divisions.

Each row of tests/data/variants.tsv was written from the public source named in the row
(Wikipedia, Britannica, GeoNames, news style guides, the BGN/PCGN romanisation systems);
"typo" rows are realistic misspellings.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from geomap.places import great_circle_km

TABLE = Path(__file__).parent / "data" / "variants.tsv"
ROWS = list(csv.DictReader(TABLE.open(encoding="utf-8"), delimiter="\t"))
TOLERANCE_KM = 10.0  # the table gives coordinates to 0.01 degrees


def test_table_is_big_and_sourced() -> None:
    assert len(ROWS) >= 300
    assert all(row["source"].strip() for row in ROWS)
    # The table covers romanisation systems and divisions, not only cities' spellings.
    assert sum("BGN/PCGN" in row["source"] for row in ROWS) >= 30
    assert sum("second-level division" in row["source"] for row in ROWS) >= 3
    assert {row["country_code"] for row in ROWS} >= {
        "KG",
        "KZ",
        "UZ",
        "TJ",
        "GE",
        "AM",
        "AZ",
        "UA",
        "BY",
    }


@pytest.mark.parametrize("row", ROWS, ids=[r["query"] for r in ROWS])
def test_variant_resolves_to_the_expected_place(gaz: Gazetteer, row: dict[str, str]) -> None:
    # Spellings shared with another real place carry the country a user would give.
    found = gaz.lookup(row["query"], country=row["country_bias"] or None, limit=5)
    assert found, f"nothing for {row['query']!r}"
    best = found[0].place
    assert best.country_code == row["country_code"], (best.name, best.country_code)
    distance = great_circle_km(best.lat, best.lon, float(row["lat"]), float(row["lon"]))
    assert distance < TOLERANCE_KM, best
