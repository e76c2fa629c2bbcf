"""The on-disk gazetteer: one SQLite file, written once by a builder and read-only after."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gazetteer.normalize import fold, skeleton

__all__ = [
    "SCHEMA",
    "NameRow",
    "PlaceRow",
    "fuzzy_blocks",
    "open_readonly",
    "write_gazetteer",
]

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE places(
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country_code TEXT NOT NULL DEFAULT '',
    admin1_code TEXT NOT NULL DEFAULT '',
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE admin1(code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE names(
    geonameid INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (geonameid, name)
) WITHOUT ROWID;
CREATE TABLE keys(
    key TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE skeletons(
    skel TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    PRIMARY KEY (skel, geonameid)
) WITHOUT ROWID;
CREATE TABLE fuzzy(block TEXT PRIMARY KEY, skels BLOB NOT NULL) WITHOUT ROWID;
"""
# A place's display name is places.name; names holds every spelling including it.
# keys maps fold(spelling) to places; skeletons holds skeleton(key) only where it differs
# from the key, since a skeleton lookup also consults keys.


@dataclass(frozen=True)
class PlaceRow:
    geonameid: int
    name: str
    kind: str
    country_code: str
    lat: float
    lon: float
    population: int = 0
    admin1_code: str = ""
    admin1: str = ""
    feature_code: str = ""


@dataclass(frozen=True)
class NameRow:
    geonameid: int
    name: str


def fuzzy_blocks(skel: str) -> tuple[str, ...]:
    """Blocks a skeleton is filed under for typo search.

    A typo leaves at least one of the first trigram, the trigram after the first letter, or
    the last trigram intact, so a query meets its target in one of them without scanning
    every name.
    """
    if len(skel) < 4:
        return (skel,)
    return tuple(dict.fromkeys((skel[:3], "^" + skel[1:4], skel[-3:] + "$")))


def write_gazetteer(
    out: Path,
    places: Iterable[PlaceRow],
    names: Iterable[NameRow],
    meta: dict[str, str],
    *,
    fuzzy_min_population: int = 0,
) -> dict[str, int]:
    """Write a gazetteer file atomically; returns counts for the build log."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        counts = _write(tmp, places, names, meta, fuzzy_min_population)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return counts


def _write(
    path: Path,
    places: Iterable[PlaceRow],
    names: Iterable[NameRow],
    meta: dict[str, str],
    fuzzy_min_population: int,
) -> dict[str, int]:
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        population: dict[int, int] = {}
        admin1: dict[str, str] = {}
        for p in places:
            con.execute(
                "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?)",
                (
                    p.geonameid,
                    p.name,
                    p.kind,
                    p.country_code,
                    p.admin1_code,
                    round(p.lat, 5),
                    round(p.lon, 5),
                    p.population,
                ),
            )
            if p.admin1 and p.admin1_code:
                admin1.setdefault(f"{p.country_code}.{p.admin1_code}", p.admin1)
            # Regions and countries are always worth a typo search; cities by size.
            population[p.geonameid] = p.population if p.kind == "city" else 10**12
            con.execute("INSERT OR IGNORE INTO names VALUES (?,?)", (p.geonameid, p.name))
        con.executemany("INSERT INTO admin1 VALUES (?,?)", sorted(admin1.items()))
        block_members: dict[str, set[str]] = defaultdict(set)
        n_names = 0
        for row in names:
            key = fold(row.name)
            if not key or row.geonameid not in population:
                continue
            n_names += con.execute(
                "INSERT OR IGNORE INTO names VALUES (?,?)", (row.geonameid, row.name)
            ).rowcount
            con.execute("INSERT OR IGNORE INTO keys VALUES (?,?)", (key, row.geonameid))
            skel = skeleton(key)
            if skel != key:
                con.execute("INSERT OR IGNORE INTO skeletons VALUES (?,?)", (skel, row.geonameid))
            if population[row.geonameid] >= fuzzy_min_population and len(skel) >= 3:
                for block in fuzzy_blocks(skel):
                    block_members[block].add(skel)
        for block in sorted(block_members):
            packed = zlib.compress("\n".join(sorted(block_members[block])).encode(), 9)
            con.execute("INSERT INTO fuzzy VALUES (?,?)", (block, packed))
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    return {"places": len(population), "names": n_names, "fuzzy_blocks": len(block_members)}


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open a gazetteer file read-only; `immutable` skips locking, so reads never write."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    con = sqlite3.connect(uri, uri=True, check_same_thread=False)
    con.execute("PRAGMA query_only=ON")
    return con
