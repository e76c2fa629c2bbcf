"""Airports as places, from airportsdata (PyPI, MIT): their names and the short names
news copy uses ("Heathrow", "Pearson International Airport").

IATA codes are not indexed: news copy is full of three-letter acronyms that are also
IATA codes (BBC, CNN, NHS, CIA, ABC, CBS, GOP, PKK, NGO, CEO, USA), and a dictionary
check catches none of those.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from gazetteer.errors import GazetteerDataError

__all__ = ["Airport", "airport_names", "read_airports"]

_FILLER = frozenset({"airport", "international", "intl", "regional", "aerodrome", "airfield"})


@dataclass(frozen=True)
class Airport:
    icao: str
    iata: str
    name: str
    city: str
    country_code: str
    lat: float
    lon: float


def read_airports(path: Path) -> list[Airport]:
    """Airports with an IATA code (those with scheduled flights), in ICAO order."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise GazetteerDataError(f"cannot read {path}: {error}") from error
    out = []
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        if not row.get("iata"):
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError):
            raise GazetteerDataError(f"{path}:{number}: bad coordinates") from None
        out.append(
            Airport(row["icao"], row["iata"], row["name"], row["city"], row["country"], lat, lon)
        )
    return sorted(out, key=lambda a: a.icao)


def _without_place(name: str, city: str, big_places: frozenset[str]) -> str:
    """The name after a leading place name: "London Heathrow Airport" -> "Heathrow Airport"."""
    words = name.split()
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        if len(words) > n and (head == city or head in big_places):
            return " ".join(words[n:])
    return name


def airport_names(
    airport: Airport, big_places: frozenset[str], dictionary: frozenset[str]
) -> tuple[str, ...]:
    """Spellings of an airport for the gazetteer, its full name first.

    - each part of a name written "Ottawa / Macdonald-Cartier International Airport";
    - the part without its leading place name, when that place is the airport's city or a
      large place ("Toronto Pearson International Airport" -> "Pearson International
      Airport"), so long as something beside "Airport" is left;
    - the bare short name ("Heathrow", "Schiphol", "Sheremetyevo") only where none of its
      words is in `dictionary` (lower-cased entries): "Pearson", "Kennedy", "Logan" and
      "Midway" are people's names and words before they are airports; and never a place's
      own name ("Osh Airport" gives no second "Osh").
    """
    names = [airport.name]
    parts = [p.strip() for p in airport.name.split(" / ") if len(p.split()) > 1]
    names += parts
    for part in parts:
        rest = _without_place(part, airport.city, big_places)
        words = rest.split()
        core = [w for w in words if w.lower() not in _FILLER]
        if rest != part and core and len(words) > 1:
            names.append(rest)
        short = " ".join(core)
        if (
            len(short) >= 4
            and short != airport.city
            and short not in big_places
            and not any(w.lower() in dictionary for w in core)
        ):
            names.append(short)
    return tuple(dict.fromkeys(names))
