"""Stream GeoNames' own dump files (allCountries, citiesNNN, XX, alternate names) into SQLite."""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gazetteer.errors import GazetteerDataError
from gazetteer.model import Kind
from gazetteer.store import NameRow, PlaceRow, write_gazetteer

__all__ = [
    "COUNTRY_FEATURE_CODES",
    "DEFUNCT_PLACE_CODES",
    "NON_NAME_LANGUAGES",
    "Admin1Code",
    "AlternateName",
    "DumpFormatError",
    "GeoNamesRow",
    "ImportSummary",
    "ProgressCallback",
    "classify",
    "import_dumps",
    "iter_admin1_codes",
    "iter_alternate_names",
    "iter_geonames_rows",
    "script_of",
]

# Scratch tables for staging dumps; the lookup file itself is written by gazetteer.store.
_STAGING_SCHEMA = """\
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places(geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, \
feature_code TEXT, country_code TEXT, admin1_code TEXT, admin1 TEXT, lat REAL, lon REAL, \
population INTEGER);
CREATE TABLE names(geonameid INTEGER NOT NULL, name TEXT NOT NULL, is_display INTEGER NOT NULL, \
script TEXT NOT NULL);
"""

COUNTRY_FEATURE_CODES = frozenset({"PCLI", "PCLIX", "PCLD", "PCLF", "PCLS", "TERR"})
# Places that no longer exist would outrank living towns of the same name, so they are left out.
DEFUNCT_PLACE_CODES = frozenset({"PPLH", "PPLQ", "PPLCH"})
# isolanguage values of alternateNames that hold codes, links or ids rather than names.
NON_NAME_LANGUAGES = frozenset(
    {"link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "tcid"}
)

_GEONAMES_COLUMNS = 19
_ALTERNATE_COLUMNS = (8, 10)  # alternateNames.txt (old) and alternateNamesV2.txt (adds from/to)
_ADMIN1_COLUMNS = 4
_NO_ADMIN1 = "00"  # GeoNames' placeholder admin1 code for features outside any region
_BATCH = 5_000
_PROGRESS_EVERY = 100_000

ProgressCallback = Callable[[str, int], None]
"""Called with (source name, lines read so far) while a file streams and once when it ends."""


class DumpFormatError(GazetteerDataError):
    """A line of a GeoNames dump cannot be parsed; carries the source, line and reason."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(f"{source}:{line}: {reason}")


@dataclass(frozen=True)
class GeoNamesRow:
    """One line of a geoname dump (allCountries, citiesNNN, XX). Coordinates in WGS84 degrees."""

    geonameid: int
    name: str
    asciiname: str
    alternate_names: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    population: int
    timezone: str
    modification_date: str


@dataclass(frozen=True)
class AlternateName:
    """One line of alternateNames(V2).txt; `language` may be a code such as "link" or "iata"."""

    alternate_name_id: int
    geonameid: int
    language: str
    name: str
    is_preferred: bool
    is_short: bool
    is_colloquial: bool
    is_historic: bool

    @property
    def is_name(self) -> bool:
        return self.language not in NON_NAME_LANGUAGES


@dataclass(frozen=True)
class Admin1Code:
    """One line of admin1CodesASCII.txt: a first-level region's code and name."""

    country_code: str
    admin1_code: str
    name: str
    asciiname: str
    geonameid: int


@dataclass(frozen=True)
class ImportSummary:
    """What `import_dumps` wrote and what it left out."""

    places: int
    names: int
    skipped_rows: int  # rows of a feature class the gazetteer does not keep
    duplicate_rows: int  # rows whose geonameid an earlier file already supplied
    alternate_names_added: int  # names the alternate names file added beyond the dumps' own
    non_name_alternates: int  # link/wkdt/iata/... rows of the alternate names file
    sources: tuple[str, ...]


def classify(
    feature_class: str, feature_code: str, *, keep_all_classes: bool = False
) -> Kind | None:
    """The gazetteer kind of a GeoNames feature, or None when the gazetteer leaves it out.

    Kept: populated places (class P, except defunct ones), first-level divisions (ADM1),
    countries and territories, and continents. With `keep_all_classes`, every other feature
    becomes a REGION, which suits small custom gazetteers but not allCountries.
    """
    if feature_class == "P":
        if feature_code not in DEFUNCT_PLACE_CODES:
            return Kind.CITY
    elif feature_class == "A":
        if feature_code == "ADM1":
            return Kind.ADMIN1
        if feature_code in COUNTRY_FEATURE_CODES:
            return Kind.COUNTRY
    elif feature_class == "L" and feature_code == "CONT":
        return Kind.REGION
    return Kind.REGION if keep_all_classes else None


def script_of(name: str) -> str:
    """Return "latin", "cyrillic" or "other": the script most of its letters are written in."""
    counts = {"latin": 0, "cyrillic": 0, "other": 0}
    for char in name:
        if not char.isalpha():
            continue
        char_name = unicodedata.name(char, "")
        if char_name.startswith("LATIN"):
            counts["latin"] += 1
        elif char_name.startswith("CYRILLIC"):
            counts["cyrillic"] += 1
        else:
            counts["other"] += 1
    if not any(counts.values()):
        return "other"
    return max(counts, key=lambda script: counts[script])  # ties go to the first: latin


@contextmanager
def _open_text(path: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    """Open a dump as text, reading a .zip's matching member as a stream; yields (label, file)."""
    if path.suffix.lower() != ".zip":
        try:
            handle = open(path, encoding="utf-8", newline="\n")  # noqa: SIM115
        except OSError as error:
            raise GazetteerDataError(f"cannot read {path}: {error}") from error
        with handle:
            yield str(path), handle
        return
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise GazetteerDataError(f"cannot read {path}: {error}") from error
    with archive:
        member = _pick_member(path, archive.namelist())
        with archive.open(member) as raw:
            # newline="\n": a stray carriage return inside a field must not split the line.
            yield f"{path}!{member}", io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


def _pick_member(path: Path, members: list[str]) -> str:
    """GeoNames zips hold `<stem>.txt` (KG.zip -> KG.txt), sometimes beside a readme."""
    wanted = f"{path.stem}.txt"
    if wanted in members:
        return wanted
    texts = [member for member in members if member.endswith(".txt")]
    if len(texts) == 1:
        return texts[0]
    raise GazetteerDataError(f"{path}: expected a member named {wanted}, found {members}")


def _iter_fields(path: Path, widths: tuple[int, ...]) -> Iterator[tuple[str, int, list[str]]]:
    """Yield (source label, line number, fields) for each data line; blank lines are skipped."""
    with _open_text(path) as (label, handle):
        try:
            for number, line in enumerate(handle, start=1):
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                fields = line.split("\t")
                if len(fields) not in widths:
                    expected = " or ".join(str(width) for width in widths)
                    raise DumpFormatError(
                        label,
                        number,
                        f"expected {expected} tab-separated columns, found {len(fields)}",
                    )
                yield label, number, fields
        except UnicodeDecodeError as error:
            raise GazetteerDataError(f"{label}: not UTF-8 text ({error.reason})") from error


def _integer(label: str, number: int, column: str, text: str, *, empty: int | None = None) -> int:
    if not text and empty is not None:
        return empty
    try:
        return int(text)
    except ValueError:
        raise DumpFormatError(label, number, f"{column} is not an integer: {text!r}") from None


def _degrees(label: str, number: int, column: str, text: str, limit: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise DumpFormatError(label, number, f"{column} is not a number: {text!r}") from None
    if not -limit <= value <= limit:
        raise DumpFormatError(label, number, f"{column} {value} is outside ±{limit:g}")
    return value


def iter_geonames_rows(path: Path) -> Iterator[GeoNamesRow]:
    """Stream a geoname dump (.txt or .zip) line by line; never loads the file whole.

    Raises DumpFormatError (naming file:line) for a wrong column count, a missing name or
    an unparseable id or coordinate. An empty population reads as 0.
    """
    for label, number, fields in _iter_fields(Path(path), (_GEONAMES_COLUMNS,)):
        if not fields[1]:
            raise DumpFormatError(label, number, "name is empty")
        yield GeoNamesRow(
            geonameid=_integer(label, number, "geonameid", fields[0]),
            name=fields[1],
            asciiname=fields[2],
            alternate_names=tuple(name for name in fields[3].split(",") if name),
            lat=_degrees(label, number, "latitude", fields[4], 90.0),
            lon=_degrees(label, number, "longitude", fields[5], 180.0),
            feature_class=fields[6],
            feature_code=fields[7],
            country_code=fields[8],
            admin1_code=fields[10],
            population=_integer(label, number, "population", fields[14], empty=0),
            timezone=fields[17],
            modification_date=fields[18],
        )


def iter_alternate_names(path: Path) -> Iterator[AlternateName]:
    """Stream alternateNamesV2.txt (or the older 8-column alternateNames.txt), .txt or .zip."""
    for label, number, fields in _iter_fields(Path(path), _ALTERNATE_COLUMNS):
        if not fields[3]:
            raise DumpFormatError(label, number, "alternate name is empty")
        yield AlternateName(
            alternate_name_id=_integer(label, number, "alternateNameId", fields[0]),
            geonameid=_integer(label, number, "geonameid", fields[1]),
            language=fields[2],
            name=fields[3],
            is_preferred=fields[4] == "1",
            is_short=fields[5] == "1",
            is_colloquial=fields[6] == "1",
            is_historic=fields[7] == "1",
        )


def iter_admin1_codes(path: Path) -> Iterator[Admin1Code]:
    """Stream admin1CodesASCII.txt: `KG.03<TAB>Jalal-Abad<TAB>Jalal-Abad<TAB>1528260`."""
    for label, number, fields in _iter_fields(Path(path), (_ADMIN1_COLUMNS,)):
        country_code, dot, admin1_code = fields[0].partition(".")
        if not dot or not country_code or not admin1_code:
            raise DumpFormatError(label, number, f"code {fields[0]!r} is not of the form CC.XX")
        yield Admin1Code(
            country_code=country_code,
            admin1_code=admin1_code,
            name=fields[1],
            asciiname=fields[2],
            geonameid=_integer(label, number, "geonameid", fields[3]),
        )


_STAGING = """\
CREATE TEMP TABLE staged_names(geonameid INTEGER NOT NULL, name TEXT NOT NULL,
    is_display INTEGER NOT NULL, script TEXT NOT NULL, attested INTEGER NOT NULL,
    UNIQUE(geonameid, name));
CREATE TEMP TABLE admin1_labels(country_code TEXT NOT NULL, admin1_code TEXT NOT NULL,
    name TEXT NOT NULL, PRIMARY KEY(country_code, admin1_code));
CREATE TEMP TABLE code_names(geonameid INTEGER NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY(geonameid, name));
"""

# A name seen in a real language (or as the display name) is "attested"; the dumps' own
# alternatenames column mixes in IATA codes and the like, which only the alternate names
# file can tell apart.
_UPSERT_NAME = """\
INSERT INTO staged_names(geonameid, name, is_display, script, attested) VALUES (?, ?, ?, ?, ?)
ON CONFLICT(geonameid, name) DO UPDATE SET attested = max(attested, excluded.attested)"""

_INSERT_PLACE = """\
INSERT OR IGNORE INTO places(geonameid, name, kind, feature_code, country_code, admin1_code,
    admin1, lat, lon, population) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)"""

_UPSERT_KNOWN_PLACE_NAME = """\
INSERT INTO staged_names(geonameid, name, is_display, script, attested)
SELECT ?, ?, 0, ?, 1 WHERE EXISTS (SELECT 1 FROM places WHERE geonameid = ?)
ON CONFLICT(geonameid, name) DO UPDATE SET attested = 1"""


@dataclass
class _Counts:
    skipped: int = 0
    duplicates: int = 0
    alternates_added: int = 0
    non_name_alternates: int = 0


def import_dumps(
    paths: Sequence[Path],
    out: Path,
    *,
    alternate_names: Path | None = None,
    admin1_codes: Path | None = None,
    keep_all_classes: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Build a gazetteer SQLite file at `out` from GeoNames dumps, replacing it atomically.

    `paths` are geoname dumps (allCountries, citiesNNN or XX, as .txt or .zip); when two files
    hold the same geonameid the first wins. Names come from each row's name, asciiname and
    alternatenames; `alternate_names` adds every real-language name of a kept place and
    drops the codes (IATA, links, ...) that the alternatenames column mixes in. Region
    names (`admin1`) come from `admin1_codes` first, then from ADM1 rows in the dumps.
    The same inputs always give the same rows in the same order.
    """
    if not paths:
        raise GazetteerDataError("no GeoNames dump given")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Stage the dumps in a scratch database (deduplicated, codes removed), then write the
    # lookup file in the same format as the embedded gazetteer, with keys and typo blocks.
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.name}.") as scratch:
        staging = Path(scratch) / "staging.sqlite"
        summary = _build(
            [Path(path) for path in paths],
            staging,
            alternate_names=None if alternate_names is None else Path(alternate_names),
            admin1_codes=None if admin1_codes is None else Path(admin1_codes),
            keep_all_classes=keep_all_classes,
            progress=progress,
        )
        db = sqlite3.connect(staging)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            write_gazetteer(out, _staged_places(db), _staged_names(db), meta)
        finally:
            db.close()
    out.chmod(0o644)  # mkstemp's private 0600 would follow the file to its readers
    return summary


def _staged_places(db: sqlite3.Connection) -> Iterator[PlaceRow]:
    for row in db.execute(
        "SELECT geonameid, name, kind, country_code, lat, lon, population, admin1_code,"
        " admin1, feature_code FROM places ORDER BY geonameid"
    ):
        yield PlaceRow(*row)


def _staged_names(db: sqlite3.Connection) -> Iterator[NameRow]:
    for geonameid, name in db.execute("SELECT geonameid, name FROM names ORDER BY geonameid, name"):
        yield NameRow(geonameid, name)


def _build(
    paths: list[Path],
    target: Path,
    *,
    alternate_names: Path | None,
    admin1_codes: Path | None,
    keep_all_classes: bool,
    progress: ProgressCallback | None,
) -> ImportSummary:
    counts = _Counts()
    db = sqlite3.connect(target, isolation_level=None)
    try:
        # The file is private until os.replace, so crash safety buys nothing here.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA temp_store = FILE")
        db.executescript(_STAGING_SCHEMA)
        db.executescript(_STAGING)
        db.execute("BEGIN")
        if admin1_codes is not None:
            _stage_admin1_codes(db, admin1_codes)
        for path in paths:
            _stage_dump(db, path, counts, keep_all_classes=keep_all_classes, progress=progress)
        if alternate_names is not None:
            _stage_alternate_names(db, alternate_names, counts, progress=progress)
        _finish(db)
        sources = tuple(path.name for path in paths)
        summary = ImportSummary(
            places=db.execute("SELECT count(*) FROM places").fetchone()[0],
            names=db.execute("SELECT count(*) FROM names").fetchone()[0],
            skipped_rows=counts.skipped,
            duplicate_rows=counts.duplicates,
            alternate_names_added=counts.alternates_added,
            non_name_alternates=counts.non_name_alternates,
            sources=sources,
        )
        _write_meta(db, summary, alternate_names=alternate_names, admin1_codes=admin1_codes)
        db.execute("COMMIT")
        db.execute("VACUUM")
    finally:
        db.close()
    return summary


def _stage_admin1_codes(db: sqlite3.Connection, path: Path) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO admin1_labels VALUES (?, ?, ?)",
        ((code.country_code, code.admin1_code, code.name) for code in iter_admin1_codes(path)),
    )


def _stage_dump(
    db: sqlite3.Connection,
    path: Path,
    counts: _Counts,
    *,
    keep_all_classes: bool,
    progress: ProgressCallback | None,
) -> None:
    batch: list[tuple[tuple[object, ...], list[tuple[object, ...]]]] = []
    labels: list[tuple[str, str, str]] = []
    read = 0

    def flush() -> None:
        for place, names in batch:
            cursor = db.execute(
                _INSERT_PLACE,
                place,
            )
            if cursor.rowcount == 1:
                db.executemany(_UPSERT_NAME, names)
            else:  # an earlier file (or line) already supplied this place, and it stands
                counts.duplicates += 1
        db.executemany("INSERT OR IGNORE INTO admin1_labels VALUES (?, ?, ?)", labels)
        batch.clear()
        labels.clear()

    for row in iter_geonames_rows(path):
        read += 1
        kind = classify(row.feature_class, row.feature_code, keep_all_classes=keep_all_classes)
        if kind is None:
            counts.skipped += 1
        else:
            admin1_code = "" if row.admin1_code == _NO_ADMIN1 else row.admin1_code
            place = (
                row.geonameid,
                row.name,
                kind.value,
                row.feature_code,
                row.country_code,
                admin1_code,
                row.lat,
                row.lon,
                row.population,
            )
            batch.append((place, list(_row_names(row))))
            if kind is Kind.ADMIN1 and admin1_code:
                labels.append((row.country_code, admin1_code, row.name))
            if len(batch) >= _BATCH:
                flush()
        if progress is not None and read % _PROGRESS_EVERY == 0:
            progress(path.name, read)
    flush()
    if progress is not None:
        progress(path.name, read)


def _row_names(row: GeoNamesRow) -> Iterator[tuple[object, ...]]:
    yield (row.geonameid, row.name, 1, script_of(row.name), 1)
    for name in (row.asciiname, *row.alternate_names):
        if name and "://" not in name:  # the alternatenames column sometimes carries URLs
            yield (row.geonameid, name, 0, script_of(name), 0)


def _stage_alternate_names(
    db: sqlite3.Connection, path: Path, counts: _Counts, *, progress: ProgressCallback | None
) -> None:
    named: list[tuple[object, ...]] = []
    coded: list[tuple[int, str]] = []
    read = 0

    def flush() -> None:
        db.executemany(_UPSERT_KNOWN_PLACE_NAME, named)
        db.executemany(
            "INSERT OR IGNORE INTO code_names SELECT ?, ? WHERE EXISTS"
            " (SELECT 1 FROM places WHERE geonameid = ?)",
            ((geonameid, name, geonameid) for geonameid, name in coded),
        )
        named.clear()
        coded.clear()

    staged_before = _staged_name_count(db)
    for alternate in iter_alternate_names(path):
        read += 1
        if alternate.is_name:
            script = script_of(alternate.name)
            named.append((alternate.geonameid, alternate.name, script, alternate.geonameid))
        else:
            counts.non_name_alternates += 1
            coded.append((alternate.geonameid, alternate.name))
        if len(named) + len(coded) >= _BATCH:
            flush()
        if progress is not None and read % _PROGRESS_EVERY == 0:
            progress(path.name, read)
    flush()
    counts.alternates_added = _staged_name_count(db) - staged_before
    if progress is not None:
        progress(path.name, read)


def _staged_name_count(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT count(*) FROM staged_names").fetchone()[0])


def _finish(db: sqlite3.Connection) -> None:
    db.execute(
        "DELETE FROM staged_names WHERE is_display = 0 AND attested = 0 AND EXISTS"
        " (SELECT 1 FROM code_names c"
        "  WHERE c.geonameid = staged_names.geonameid AND c.name = staged_names.name)"
    )
    db.execute(
        "UPDATE places SET admin1 = coalesce((SELECT name FROM admin1_labels a"
        " WHERE a.country_code = places.country_code AND a.admin1_code = places.admin1_code), '')"
    )
    # Copy in a fixed order so the file does not depend on the order rows were met.
    db.execute(
        "INSERT INTO names(geonameid, name, is_display, script)"
        " SELECT geonameid, name, is_display, script FROM staged_names"
        " ORDER BY geonameid, is_display DESC, name"
    )
    db.execute("CREATE INDEX names_gid ON names(geonameid)")


def _write_meta(
    db: sqlite3.Connection,
    summary: ImportSummary,
    *,
    alternate_names: Path | None,
    admin1_codes: Path | None,
) -> None:
    kinds = dict(db.execute("SELECT kind, count(*) FROM places GROUP BY kind ORDER BY kind"))
    meta = {
        "source": "GeoNames (geonames.org), CC BY 4.0",
        "geonames_files": json.dumps(list(summary.sources)),
        "alternate_names_file": "" if alternate_names is None else alternate_names.name,
        "admin1_codes_file": "" if admin1_codes is None else admin1_codes.name,
        "places": str(summary.places),
        "names": str(summary.names),
        "places_by_kind": json.dumps(kinds, sort_keys=True),
        "skipped_rows": str(summary.skipped_rows),
        "duplicate_rows": str(summary.duplicate_rows),
    }
    db.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", sorted(meta.items()))
