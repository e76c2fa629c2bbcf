"""Tests for gazetteer.airports: which spellings an airport gets, and airports as places."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Kind
from gazetteer.airports import Airport, airport_names, read_airports
from gazetteer.errors import GazetteerDataError

BIG_PLACES = frozenset({"London", "Toronto", "Amsterdam", "Moscow", "New York"})
# Dictionary entries, lower-cased, as the build reads them from wamerican.
DICTIONARY = frozenset({"pearson", "kennedy", "john", "logan", "midway", "charles"})


def airport(name: str, city: str) -> Airport:
    return Airport("XXXX", "XXX", name, city, "GB", 0.0, 0.0)


@pytest.mark.parametrize(
    ("name", "city", "expected"),
    [
        (
            "London Heathrow Airport",
            "London",
            ("London Heathrow Airport", "Heathrow Airport", "Heathrow"),
        ),
        # The city field is Mississauga; Toronto is a large place leading the name.
        (
            "Toronto Pearson International Airport",
            "Mississauga",
            ("Toronto Pearson International Airport", "Pearson International Airport"),
        ),
        (
            "Amsterdam Airport Schiphol",
            "Amsterdam",
            ("Amsterdam Airport Schiphol", "Airport Schiphol", "Schiphol"),
        ),
        (
            "Ottawa / Macdonald-Cartier International Airport",
            "Ottawa",
            (
                "Ottawa / Macdonald-Cartier International Airport",
                "Macdonald-Cartier International Airport",
                "Macdonald-Cartier",
            ),
        ),
        # People's names and dictionary words get no bare short name.
        (
            "John F Kennedy International Airport",
            "New York",
            ("John F Kennedy International Airport",),
        ),
        (
            "Sheremetyevo International Airport",
            "Moscow",
            ("Sheremetyevo International Airport", "Sheremetyevo"),
        ),
        # A town's own name is never repeated as its airport's.
        ("Osh Airport", "Osh", ("Osh Airport",)),
        ("Dubai International Airport", "Dubai", ("Dubai International Airport",)),
    ],
)
def test_airport_names(name: str, city: str, expected: tuple[str, ...]) -> None:
    assert airport_names(airport(name, city), BIG_PLACES, DICTIONARY) == expected


def test_read_airports_keeps_those_with_an_iata_code(tmp_path: Path) -> None:
    path = tmp_path / "airports.csv"
    path.write_text(
        '"icao","iata","name","city","subd","country","elevation","lat","lon","tz","lid"\n'
        '"EGLL","LHR","London Heathrow Airport","London","England","GB",83,51.4706,-0.46194,'
        '"Europe/London",""\n'
        '"00AA","","Aero B Ranch Airport","Leoti","Kansas","US",3435,38.7,-101.47,'
        '"America/Chicago","00AA"\n',
        encoding="utf-8",
    )
    (lhr,) = read_airports(path)
    assert (lhr.iata, lhr.country_code, lhr.lat, lhr.lon) == ("LHR", "GB", 51.4706, -0.46194)


def test_bad_coordinates_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "airports.csv"
    path.write_text(
        "icao,iata,name,city,subd,country,elevation,lat,lon,tz,lid\n"
        "EGLL,LHR,Heathrow,London,England,GB,83,north,-0.4,Europe/London,\n",
        encoding="utf-8",
    )
    with pytest.raises(GazetteerDataError, match=r"airports\.csv:2: bad coordinates"):
        read_airports(path)


def test_heathrow_is_an_airport_near_london(gaz: Gazetteer) -> None:
    best = gaz.lookup("Heathrow", limit=3)[0].place
    assert best.kind is Kind.AIRPORT
    assert best.country_code == "GB"
    assert abs(best.lat - 51.47) < 0.05 and abs(best.lon + 0.46) < 0.05


def test_an_airport_code_is_no_name(gaz: Gazetteer) -> None:
    # LHR is Heathrow's IATA code; codes are left out (BBC and CNN are IATA codes too).
    assert all(c.place.kind is not Kind.AIRPORT for c in gaz.lookup("LHR", limit=5))
