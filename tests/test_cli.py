"""The command line: exit codes, output contracts, and one-line errors for user mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geomap.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_862050ed1c4916d1.txt"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), terminal_width=100)
    return result.exit_code, result.stdout, result.stderr


def test_every_command_has_help_with_an_example() -> None:
    commands = ["variants", "places", "extract", "build", "render", "check"]
    for command in commands:
        code, out, _ = invoke(command, "--help")
        assert code == 0, command
        assert "Example:" in out, command


@pytest.mark.parametrize(
    ("query", "extra", "name", "country"),
    [
        ("Jala-abad", [], "Jalal-Abad", "KG"),
        ("Джалал-Абад", [], "Jalal-Abad", "KG"),
        ("Jalalabad", ["--country", "KG"], "Jalal-Abad", "KG"),
        ("Frunze", [], "Bishkek", "KG"),
        ("Kiev", [], "Kyiv", "UA"),
    ],
)
def test_variants_json_puts_the_right_place_first(
    query: str, extra: list[str], name: str, country: str
) -> None:
    code, out, _ = invoke("variants", query, "--json", *extra)
    assert code == 0
    document = json.loads(out)
    assert (document["best"]["name"], document["best"]["country_code"]) == (name, country)
    assert document["candidates"][0]["geonameid"] == document["best"]["geonameid"]
    assert name in document["best"]["variants"]
    for key in ("admin1", "lat", "lon", "population", "kind", "match_type", "score"):
        assert key in document["best"]


def test_jalalabad_without_country_lists_both_cities() -> None:
    code, out, _ = invoke("variants", "Jalalabad", "--json", "--limit", "10")
    assert code == 0
    countries = {c["country_code"] for c in json.loads(out)["candidates"] if c["kind"] == "city"}
    assert {"KG", "AF"} <= countries


def test_variants_without_a_match_exits_1_with_suggestions() -> None:
    code, _, err = invoke("variants", "Bisxkxk")
    assert code == 1
    assert err.count("\n") == 1
    assert "no place matches 'Bisxkxk'; did you mean Bishkek (KG)" in err


def test_variants_lists_postal_localities_for_a_town_below_the_gazetteer() -> None:
    # Sebokeng, a township of the Vaal south of Johannesburg, is no cities500 place.
    code, out, _ = invoke("variants", "Sebokeng")
    assert code == 0
    assert "not in the gazetteer" in out
    assert "Sebokeng (ZA) -26.5" in out and "geonames-postal:ZA:" in out
    # Two Nandigrams in India, one in West Bengal and one in Odisha; none in Bangladesh asked.
    code, out, _ = invoke("variants", "Nandigram", "--country", "IN", "--json")
    assert code == 0
    document = json.loads(out)
    assert {c["country_code"] for c in document["candidates"]} == {"IN"}
    assert {c["admin1"] for c in document["candidates"]} == {"West Bengal", "Odisha"}
    assert document["best"]["geonameid"] is None  # GeoNames gives postal rows no id


def test_places_json_for_one_file_indexes_the_decoded_text() -> None:
    code, out, _ = invoke("places", str(SEED_000), "--json")
    assert code == 0
    mentions = json.loads(out)
    text = SEED_000.read_text("utf-8")
    assert [m["text"] for m in mentions][:2] == ["Jala-abad", "Osh"]
    for m in mentions:
        assert text[m["start"] : m["end"]] == m["text"]
        assert set(m) == {
            "text",
            "start",
            "end",
            "name",
            "lat",
            "lon",
            "country_code",
            "geonameid",
            "kind",
        }


def test_places_json_for_several_files_is_keyed_by_path() -> None:
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    code, out, _ = invoke("places", *paths, "--json")
    assert code == 0
    assert sorted(json.loads(out)) == paths


def test_extract_writes_a_feature_collection_to_stdout() -> None:
    code, out, _ = invoke("extract", str(SEED_000))
    assert code == 0
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    feature = collection["features"][0]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert 72 < lon < 74 and 40 < lat < 42  # GeoJSON order: lon first
    assert feature["properties"]["place_id"].startswith("geonames:")


@pytest.mark.parametrize("suffix", [".geojson", ".csv", ".gpkg", ".parquet"])
def test_extract_output_formats(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / "sub" / f"events{suffix}"
    code, _, _ = invoke("extract", str(SEEDS), "--level", "events", "-o", str(out))
    assert code == 0
    assert out.stat().st_size > 0
    if suffix in (".gpkg", ".parquet"):
        import geopandas

        # One row per event record, with ACLED/CCC column names.
        frame = geopandas.read_file(out) if suffix == ".gpkg" else geopandas.read_parquet(out)
        assert {"event_type", "event_date", "size_low", "n_sources"} <= set(frame.columns)
        assert "Jalal-Abad" in set(frame["place"])


@pytest.mark.parametrize("suffix", [".gpkg", ".parquet"])
def test_extract_reports_level_output_formats(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"reports{suffix}"
    code, _, _ = invoke("extract", str(SEEDS), "--level", "reports", "-o", str(out))
    assert code == 0
    import geopandas

    frame = geopandas.read_file(out) if suffix == ".gpkg" else geopandas.read_parquet(out)
    assert {"event_type", "quote", "crowd_low", "claimed_by"} <= set(frame.columns)
    assert "Jalal-Abad" in set(frame["place"])


def test_a_bad_input_is_reported_once_and_the_batch_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    report = tmp_path / "report.json"
    out = tmp_path / "events.geojson"
    code, _, err = invoke(
        "extract",
        "--level",
        "reports",
        str(SEED_000),
        str(empty),
        str(tmp_path / "missing.txt"),
        "-o",
        str(out),
        "--report",
        str(report),
    )
    assert code == 1
    assert f"geomap: {empty}: empty file" in err
    assert f"{tmp_path / 'missing.txt'}: " in err
    assert "Traceback" not in err
    failed = json.loads(report.read_text())["failed"]
    assert sorted(f["source"] for f in failed) == sorted(
        [str(empty), str(tmp_path / "missing.txt")]
    )
    good = json.loads(out.read_text())["features"]
    assert {f["properties"]["source"] for f in good} == {str(SEED_000)}


@pytest.mark.parametrize(
    "args",
    [
        ["extract", str(SEED_000), "--date", "21/03/2005"],
        ["render", "does-not-exist.geojson"],
        ["variants", "Osh", "--limit", "0"],
        ["nonsense"],
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    code, _, err = invoke(*args)
    assert code == 2
    assert "Traceback" not in err


def test_render_accepts_extract_output(tmp_path: Path) -> None:
    events = tmp_path / "events.geojson"
    assert invoke("extract", str(SEEDS), "-o", str(events))[0] == 0
    out = tmp_path / "map.html"
    code, _, _ = invoke("render", str(events), "-o", str(out), "--embed")
    assert code == 0
    assert "Jalal-Abad" in out.read_text("utf-8")


def test_nominatim_without_an_identifying_user_agent_is_a_usage_error() -> None:
    code, _, err = invoke("extract", str(SEED_000), "--geocoder", "nominatim")
    assert code == 2
    assert "requires a user agent" in err
    assert err.count("\n") == 1
