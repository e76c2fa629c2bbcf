"""Tests for gazetteer.geonames_dump: parsing GeoNames dumps and building the SQLite file."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from gazetteer import Gazetteer, Kind, MatchType
from gazetteer.errors import GazetteerDataError
from gazetteer.geonames_dump import (
    DumpFormatError,
    ImportSummary,
    classify,
    import_dumps,
    iter_admin1_codes,
    iter_alternate_names,
    iter_geonames_rows,
    script_of,
)

FIXTURES = Path(__file__).parent / "fixtures" / "geonames"
KG_TXT = FIXTURES / "KG.txt"
KG_ZIP = FIXTURES / "KG.zip"
CITIES = FIXTURES / "cities500.txt"
ALTERNATES = FIXTURES / "alternateNamesV2.txt"
ADMIN1 = FIXTURES / "admin1CodesASCII.txt"

BISHKEK, OSH, MANAS, UZGEN, KARAKOL, KOCHKOR = 1528675, 1527534, 1528249, 1527513, 1528121, 1527902
KYRGYZSTAN, JALAL_ABAD_REGION, KYIV = 1527747, 1528260, 703448

# A valid KG.txt line to start malformed files with, so the bad line is line 2.
GOOD_LINE = KG_TXT.read_text(encoding="utf-8").splitlines()[2]


def good_fields() -> list[str]:
    return GOOD_LINE.split("\t")


def with_field(index: int, value: str) -> str:
    fields = good_fields()
    fields[index] = value
    return "\t".join(fields)


# ---- parsing the geoname table ---------------------------------------------------------------


@pytest.mark.parametrize("path", [KG_TXT, KG_ZIP], ids=["txt", "zip"])
@pytest.mark.parametrize(
    ("geonameid", "field", "expected"),
    [
        (MANAS, "name", "Manas"),
        (
            MANAS,
            "alternate_names",
            ("Dzhalal-Abad", "Jalal-Abad", "Jalalabat", "Джалал-Абад", "Жалал-Абад", "Манас"),
        ),
        (MANAS, "lat", 40.94498),
        (MANAS, "lon", 72.99313),
        (MANAS, "feature_class", "P"),
        (MANAS, "feature_code", "PPLA"),
        (MANAS, "country_code", "KG"),
        (MANAS, "admin1_code", "03"),
        (MANAS, "population", 123239),
        (MANAS, "timezone", "Asia/Bishkek"),
        (MANAS, "modification_date", "2023-11-02"),
        (UZGEN, "name", "Uzgen"),
        (UZGEN, "admin1_code", "08"),
        (BISHKEK, "feature_code", "PPLC"),
        (KYRGYZSTAN, "feature_code", "PCLI"),
        (KYRGYZSTAN, "admin1_code", "00"),
        (KOCHKOR, "population", 0),  # empty in the file
    ],
)
def test_geoname_rows_carry_the_columns(path, geonameid, field, expected):
    rows = {row.geonameid: row for row in iter_geonames_rows(path)}
    assert getattr(rows[geonameid], field) == expected


def test_zip_and_txt_give_the_same_rows():
    assert list(iter_geonames_rows(KG_ZIP)) == list(iter_geonames_rows(KG_TXT))
    assert len(list(iter_geonames_rows(KG_TXT))) == 15


def test_zip_member_named_after_the_archive_is_read_beside_a_readme(tmp_path):
    archive = tmp_path / "TJ.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("readme.txt", "not data\n")
        zipped.writestr("TJ.txt", GOOD_LINE + "\n")
    assert [row.name for row in iter_geonames_rows(archive)] == ["Bishkek"]


def test_zip_without_a_matching_member_is_an_error(tmp_path):
    archive = tmp_path / "TJ.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.txt", GOOD_LINE + "\n")
        zipped.writestr("b.txt", GOOD_LINE + "\n")
    with pytest.raises(GazetteerDataError, match=r"TJ\.zip: expected a member named TJ\.txt"):
        list(iter_geonames_rows(archive))


def test_crlf_line_ends_and_blank_lines_are_tolerated(tmp_path):
    path = tmp_path / "KG.txt"
    path.write_bytes((GOOD_LINE + "\r\n\r\n" + GOOD_LINE + "\r\n").encode())
    rows = list(iter_geonames_rows(path))
    assert [row.modification_date for row in rows] == ["2023-06-09", "2023-06-09"]


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ("\t".join(good_fields()[:18]), "expected 19 tab-separated columns, found 18"),
        (GOOD_LINE + "\textra", "expected 19 tab-separated columns, found 20"),
        ("1528675 Bishkek 42.87 74.59", "expected 19 tab-separated columns, found 1"),
        (with_field(0, "Bishkek"), "geonameid is not an integer: 'Bishkek'"),
        (with_field(1, ""), "name is empty"),
        (with_field(4, "north"), "latitude is not a number: 'north'"),
        (with_field(4, "91.5"), "latitude 91.5 is outside ±90"),
        (with_field(5, "-181"), "longitude -181.0 is outside ±180"),
        (with_field(14, "many"), "population is not an integer: 'many'"),
    ],
)
def test_malformed_geoname_lines_name_file_and_line(tmp_path, bad_line, reason):
    path = tmp_path / "KG.txt"
    path.write_text(GOOD_LINE + "\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(DumpFormatError) as caught:
        list(iter_geonames_rows(path))
    assert str(caught.value) == f"{path}:2: {reason}"
    assert (caught.value.source, caught.value.line, caught.value.reason) == (str(path), 2, reason)
    assert isinstance(caught.value, GazetteerDataError)


def test_malformed_line_inside_a_zip_names_archive_member_and_line(tmp_path):
    archive = tmp_path / "KG.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("KG.txt", f"{GOOD_LINE}\n{GOOD_LINE}\nbroken line\n")
    with pytest.raises(DumpFormatError, match=r"KG\.zip!KG\.txt:3: expected 19 tab-separated"):
        list(iter_geonames_rows(archive))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8\n", "not UTF-8 text"),
        (b"PK\x03\x04 truncated", "cannot read"),
    ],
    ids=["latin-1-bytes", "broken-zip"],
)
def test_unreadable_files_are_data_errors(tmp_path, content, message):
    path = tmp_path / ("KG.zip" if content.startswith(b"PK") else "KG.txt")
    path.write_bytes(content)
    with pytest.raises(GazetteerDataError, match=message):
        list(iter_geonames_rows(path))


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(GazetteerDataError, match="cannot read"):
        list(iter_geonames_rows(tmp_path / "allCountries.txt"))


# ---- alternate names and admin1 codes --------------------------------------------------------


def test_alternate_names_parse_flags_and_languages():
    names = {row.alternate_name_id: row for row in iter_alternate_names(ALTERNATES)}
    assert len(names) == 22
    frunze = names[1628202]
    assert (frunze.geonameid, frunze.language, frunze.name) == (BISHKEK, "en", "Frunze")
    assert (frunze.is_historic, frunze.is_preferred) == (True, False)
    assert names[1628191].is_preferred is True
    assert names[1628194].language == ""


@pytest.mark.parametrize(
    ("alternate_name_id", "is_name"),
    [
        (1628191, True),  # en
        (1628192, True),  # ru
        (1628194, True),  # no language given: still a name
        (1628202, True),  # historic
        (2922451, False),  # link
        (7118402, False),  # wkdt
        (1628204, False),  # iata
        (1628205, False),  # post
        (1628222, False),  # abbr
        (1628253, False),  # unlc
    ],
)
def test_codes_links_and_ids_are_not_names(alternate_name_id, is_name):
    names = {row.alternate_name_id: row for row in iter_alternate_names(ALTERNATES)}
    assert names[alternate_name_id].is_name is is_name


def test_old_eight_column_alternate_names_file_is_accepted(tmp_path):
    path = tmp_path / "alternateNames.txt"
    path.write_text("1628202\t1528675\ten\tFrunze\t\t\t\t1\n", encoding="utf-8")
    [row] = iter_alternate_names(path)
    assert (row.name, row.is_historic) == ("Frunze", True)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "1628202\t1528675\ten\tFrunze\t\t\t\t1\t",
            "expected 8 or 10 tab-separated columns, found 9",
        ),
        ("1628202\tBishkek\ten\tFrunze\t\t\t\t1", "geonameid is not an integer: 'Bishkek'"),
        ("1628202\t1528675\ten\t\t\t\t\t1", "alternate name is empty"),
    ],
)
def test_malformed_alternate_name_lines(tmp_path, line, reason):
    path = tmp_path / "alternateNamesV2.txt"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(DumpFormatError, match=f"^{path}:1: {reason}$"):
        list(iter_alternate_names(path))


def test_admin1_codes_split_country_and_region_code():
    codes = {(code.country_code, code.admin1_code): code for code in iter_admin1_codes(ADMIN1)}
    assert codes["KG", "03"].name == "Jalal-Abad"
    assert codes["KG", "07"].name == "Ysyk-Köl"
    assert codes["KG", "07"].asciiname == "Ysyk-Kol"
    assert codes["KG", "03"].geonameid == JALAL_ABAD_REGION


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("KG03\tJalal-Abad\tJalal-Abad\t1528260", "code 'KG03' is not of the form CC.XX"),
        ("KG.03\tJalal-Abad\t1528260", "expected 4 tab-separated columns, found 3"),
    ],
)
def test_malformed_admin1_code_lines(tmp_path, line, reason):
    path = tmp_path / "admin1CodesASCII.txt"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(DumpFormatError, match=f"^{path}:1: {reason}$"):
        list(iter_admin1_codes(path))


# ---- classification and scripts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("feature_class", "feature_code", "keep_all", "expected"),
    [
        ("P", "PPLC", False, Kind.CITY),
        ("P", "PPL", False, Kind.CITY),
        ("P", "PPLA2", False, Kind.CITY),
        ("P", "PPLW", False, Kind.CITY),  # destroyed places are still reported on
        ("P", "PPLH", False, None),  # historical: no longer exists
        ("P", "PPLQ", False, None),  # abandoned
        ("A", "ADM1", False, Kind.ADMIN1),
        ("A", "ADM2", False, None),
        ("A", "ADM1H", False, None),
        ("A", "PCLI", False, Kind.COUNTRY),
        ("A", "PCLIX", False, Kind.COUNTRY),
        ("A", "PCLD", False, Kind.COUNTRY),
        ("A", "PCLF", False, Kind.COUNTRY),
        ("A", "PCLS", False, Kind.COUNTRY),
        ("A", "TERR", False, Kind.COUNTRY),
        ("L", "CONT", False, Kind.REGION),
        ("H", "LK", False, None),
        ("T", "MT", False, None),
        ("H", "LK", True, Kind.REGION),
        ("A", "ADM2", True, Kind.REGION),
        ("P", "PPLH", True, Kind.REGION),
        ("A", "ADM1", True, Kind.ADMIN1),
    ],
)
def test_classify(feature_class, feature_code, keep_all, expected):
    assert classify(feature_class, feature_code, keep_all_classes=keep_all) is expected


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("Jalal-Abad", "latin"),
        ("Özgön", "latin"),
        ("Tash-Kömür", "latin"),
        ("Джалал-Абад", "cyrillic"),
        ("Өзгөн", "cyrillic"),
        ("Кочкорка", "cyrillic"),
        ("Җalal-Abad", "latin"),  # mixed: most letters are Latin
        ("თბილისი", "other"),
        ("جلال آباد", "other"),
        ("720000", "other"),  # no letters at all
    ],
)
def test_script_of(name, script):
    assert script_of(name) == script


# ---- building the SQLite file ------------------------------------------------------------------


def build(
    tmp_path: Path, paths, name: str = "gazetteer.sqlite", **options
) -> tuple[Path, ImportSummary]:
    out = tmp_path / name
    summary = import_dumps(paths, out, **options)
    return out, summary


def query(db_path: Path, sql: str, *params):
    with sqlite3.connect(db_path) as db:
        return db.execute(sql, params).fetchall()


def names_of(db_path: Path, geonameid: int) -> set[str]:
    return {
        name for (name,) in query(db_path, "SELECT name FROM names WHERE geonameid = ?", geonameid)
    }


def test_import_counts_kinds_duplicates_and_skips(tmp_path):
    out, summary = build(tmp_path, [KG_TXT, CITIES])
    # KG.txt: 1 country + 1 ADM1 + 10 places kept, 3 skipped; cities500: 6 rows, Osh repeated.
    assert (summary.places, summary.skipped_rows, summary.duplicate_rows) == (17, 3, 1)
    assert summary.sources == ("KG.txt", "cities500.txt")
    kinds = dict(query(out, "SELECT kind, count(*) FROM places GROUP BY kind"))
    assert kinds == {"country": 1, "admin1": 1, "city": 15}
    assert query(out, "SELECT count(*) FROM names")[0][0] == summary.names
    assert query(out, "SELECT count(*) FROM places WHERE geonameid = 1528209") == [(0,)]  # lake


def opened(out: Path) -> Gazetteer:
    # Without geomap's curated overlay: these tests check the import alone.
    return Gazetteer(out, default_overlay=False)


def test_the_import_is_a_gazetteer_every_command_can_use(tmp_path):
    out, _ = build(tmp_path, [KG_TXT, CITIES], alternate_names=ALTERNATES)
    gaz = opened(out)
    best = gaz.lookup("Frunze")[0]
    assert (best.place.geonameid, best.match_type) == (BISHKEK, MatchType.ALIAS)
    assert gaz.lookup("Фрунзе")[0].place.geonameid == BISHKEK
    assert gaz.lookup("Bishkekk")[0].place.geonameid == BISHKEK  # typo search works too


@pytest.mark.parametrize(
    ("geonameid", "expected"),
    [
        (MANAS, ("Manas", Kind.CITY, "KG", "03", 40.94498, 72.99313, 123239)),
        (KOCHKOR, ("Kochkor", Kind.CITY, "KG", "04", 42.21552, 75.75659, 0)),
        (KYRGYZSTAN, ("Kyrgyzstan", Kind.COUNTRY, "KG", "", 41.5, 75.0, 6315800)),
        (
            JALAL_ABAD_REGION,
            ("Jalal-Abad Region", Kind.ADMIN1, "KG", "03", 41.3, 72.5, 1237900),
        ),
        (KYIV, ("Kyiv", Kind.CITY, "UA", "12", 50.45466, 30.5238, 2952301)),
    ],
)
def test_place_rows(tmp_path, geonameid, expected):
    out, _ = build(tmp_path, [KG_TXT, CITIES])
    p = opened(out).place(geonameid)
    assert p is not None
    assert (p.name, p.kind, p.country_code, p.admin1_code, p.lat, p.lon, p.population) == expected


@pytest.mark.parametrize(
    ("with_codes", "geonameid", "admin1"),
    [
        (False, MANAS, "Jalal-Abad Region"),  # from the ADM1 row in KG.txt
        (False, KARAKOL, ""),  # Ysyk-Köl's ADM1 row is not in the input
        (False, KYIV, ""),
        (False, KYRGYZSTAN, ""),
        (True, MANAS, "Jalal-Abad"),  # admin1CodesASCII wins over ADM1 rows
        (True, KARAKOL, "Ysyk-Köl"),
        (True, UZGEN, "Osh"),
        (True, KYIV, "Kyiv City"),
        (True, KYRGYZSTAN, ""),
        (True, JALAL_ABAD_REGION, "Jalal-Abad"),
    ],
)
def test_admin1_names_are_filled(tmp_path, with_codes, geonameid, admin1):
    out, _ = build(tmp_path, [KG_TXT, CITIES], admin1_codes=ADMIN1 if with_codes else None)
    p = opened(out).place(geonameid)
    assert p is not None and p.admin1 == admin1


def test_each_place_is_displayed_by_its_primary_name(tmp_path):
    out, _ = build(tmp_path, [KG_TXT, CITIES], alternate_names=ALTERNATES)
    gaz = opened(out)
    for geonameid, name in query(out, "SELECT geonameid, name FROM places"):
        assert gaz.spellings(geonameid)[0] == name


def test_names_come_from_the_row_without_urls(tmp_path):
    out, _ = build(tmp_path, [KG_TXT])
    names = names_of(out, BISHKEK)
    assert {"Bishkek", "Frunze", "Pishpek", "Бишкек", "FRU"} <= names
    assert not any("://" in name for name in names)
    assert "Tash-Kömür" in names_of(out, 1527260)


@pytest.mark.parametrize(
    ("geonameid", "present", "absent"),
    [
        (BISHKEK, {"Frunze", "Фрунзе", "Bishkek"}, {"FRU", "720000"}),
        (OSH, {"O'sh", "Och"}, {"OSS"}),  # Och is French, so it stays
        (MANAS, {"Jalal-Abad", "Джалал-Абад", "Жалал-Абад", "Dzhalal-Abad"}, {"Q215596"}),
        (UZGEN, {"Өзгөн"}, {"UZG"}),
        (KOCHKOR, {"Кочкорка", "Kochkorka"}, set()),
        # IEV stays: the alternate names file never marks it as a code.
        (KYIV, {"Kiev", "Kyiv", "IEV"}, {"UAIEV"}),
    ],
)
def test_alternate_names_add_real_names_and_drop_codes(tmp_path, geonameid, present, absent):
    out, _ = build(tmp_path, [KG_TXT, CITIES], alternate_names=ALTERNATES)
    names = names_of(out, geonameid)
    assert present <= names
    assert not absent & names


def test_alternate_names_of_places_not_imported_are_ignored(tmp_path):
    out, summary = build(tmp_path, [KG_TXT], alternate_names=ALTERNATES)
    assert query(out, "SELECT count(*) FROM names WHERE geonameid IN (1528339, 703448)") == [(0,)]
    assert summary.non_name_alternates == 8
    # Only Фрунзе and Кочкорка are new: the others were already in KG.txt's alternatenames.
    assert summary.alternate_names_added == 2


@pytest.mark.parametrize(
    ("name", "match_type"),
    [("Фрунзе", MatchType.ALIAS), ("Frunze", MatchType.ALIAS), ("Bishkek", MatchType.EXACT)],
)
def test_names_match_in_their_script(tmp_path, name, match_type):
    out, _ = build(tmp_path, [KG_TXT], alternate_names=ALTERNATES)
    best = opened(out).lookup(name)[0]
    assert (best.place.geonameid, best.match_type) == (BISHKEK, match_type)


def test_names_are_unique_per_place(tmp_path):
    out, _ = build(tmp_path, [KG_TXT, CITIES], alternate_names=ALTERNATES)
    duplicates = query(
        out, "SELECT geonameid, name FROM names GROUP BY geonameid, name HAVING count(*) > 1"
    )
    assert duplicates == []


def test_first_file_wins_for_a_repeated_place(tmp_path):
    out, summary = build(tmp_path, [CITIES, KG_TXT])
    assert summary.duplicate_rows == 1
    # cities500's Osh row lists only Osh and Ош; KG.txt's extra names are not merged in.
    assert names_of(out, OSH) == {"Osh", "Ош"}


def test_meta_rows_record_sources_and_counts(tmp_path):
    out, summary = build(
        tmp_path, [KG_ZIP, CITIES], alternate_names=ALTERNATES, admin1_codes=ADMIN1
    )
    meta = dict(query(out, "SELECT key, value FROM meta"))
    assert json.loads(meta["geonames_files"]) == ["KG.zip", "cities500.txt"]
    assert meta["alternate_names_file"] == "alternateNamesV2.txt"
    assert meta["admin1_codes_file"] == "admin1CodesASCII.txt"
    assert meta["places"] == "17" == str(summary.places)
    assert meta["names"] == str(summary.names)
    assert json.loads(meta["places_by_kind"]) == {"admin1": 1, "city": 15, "country": 1}
    assert (meta["skipped_rows"], meta["duplicate_rows"]) == ("3", "1")
    assert "CC BY 4.0" in meta["source"]


def test_zip_and_txt_build_the_same_tables(tmp_path):
    from_txt, _ = build(tmp_path, [KG_TXT], "txt.sqlite")
    from_zip, _ = build(tmp_path, [KG_ZIP], "zip.sqlite")
    for table in ("places", "names"):
        sql = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert query(from_txt, sql) == query(from_zip, sql)


def test_same_inputs_give_byte_identical_files(tmp_path):
    first, _ = build(tmp_path, [KG_TXT, CITIES], "a.sqlite", alternate_names=ALTERNATES)
    second, _ = build(tmp_path, [KG_TXT, CITIES], "b.sqlite", alternate_names=ALTERNATES)
    assert first.read_bytes() == second.read_bytes()


def test_an_existing_file_is_replaced(tmp_path):
    out = tmp_path / "gazetteer.sqlite"
    out.write_bytes(b"old")
    import_dumps([KG_TXT], out)
    assert query(out, "SELECT count(*) FROM places") == [(12,)]
    assert out.stat().st_mode & 0o777 == 0o644
    assert sorted(path.name for path in tmp_path.iterdir()) == ["gazetteer.sqlite"]


def test_a_failed_import_leaves_the_old_file_and_no_temporary_file(tmp_path):
    bad = tmp_path / "XX.txt"
    bad.write_text(GOOD_LINE + "\nnot a geoname line\n", encoding="utf-8")
    out = tmp_path / "gazetteer.sqlite"
    out.write_bytes(b"old")
    with pytest.raises(DumpFormatError, match=r"XX\.txt:2: "):
        import_dumps([KG_TXT, bad], out)
    assert out.read_bytes() == b"old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["XX.txt", "gazetteer.sqlite"]


def test_no_dump_is_an_error(tmp_path):
    with pytest.raises(GazetteerDataError, match="no GeoNames dump given"):
        import_dumps([], tmp_path / "gazetteer.sqlite")


def test_progress_reports_each_file_at_its_end(tmp_path):
    seen: list[tuple[str, int]] = []
    build(
        tmp_path, [KG_ZIP, CITIES], alternate_names=ALTERNATES, progress=lambda *a: seen.append(a)
    )
    assert seen == [("KG.zip", 15), ("cities500.txt", 6), ("alternateNamesV2.txt", 22)]


def test_keep_all_classes_keeps_lakes_rivers_and_districts(tmp_path):
    out, summary = build(tmp_path, [KG_TXT], keep_all_classes=True)
    assert (summary.places, summary.skipped_rows) == (15, 0)
    assert query(out, "SELECT kind FROM places WHERE geonameid = 1528209") == [("region",)]
