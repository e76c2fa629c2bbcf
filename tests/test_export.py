"""Tests for geomap.export's files: formats by extension, atomic, reproducible, whole."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gazetteer import Gazetteer
from geomap.cli import app
from geomap.errors import GeomapError, OutputError
from geomap.export import (
    CSV_COLUMNS,
    FEATURE_PROPERTIES,
    OutputFormatError,
    output_format,
    write_events,
)
from geomap.model import Event
from geomap.pipeline import Batch, run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_862050ed1c4916d1.txt"
FORMATS = (".geojson", ".csv", ".gpkg", ".parquet")


@pytest.fixture(scope="module")
def events(gaz: Gazetteer) -> list[Event]:
    found = list(run([str(SEEDS)], gaz, Batch()))
    assert len(found) > 50  # enough rows that every format spans several disk blocks
    return found


def _read_rows(path: Path) -> int:
    """How many events a written file holds, read back by the tools users would use."""
    if path.suffix == ".geojson":
        return len(json.loads(path.read_text(encoding="utf-8"))["features"])
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return sum(1 for _ in csv.DictReader(handle))
    import geopandas

    frame = geopandas.read_file(path) if path.suffix == ".gpkg" else geopandas.read_parquet(path)
    return len(frame)


def _others(folder: Path, *keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


# ---------------------------------------------------------------------------------------------
# Which format


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (None, "GeoJSON"),
        ("events.geojson", "GeoJSON"),
        ("events.json", "GeoJSON"),
        ("out/Events.CSV", "CSV"),
        ("events.gpkg", "GeoPackage"),
        ("events.parquet", "GeoParquet"),
    ],
)
def test_the_extension_chooses_the_format(name: str | None, expected: str) -> None:
    assert output_format(name).name == expected


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("out.xlsx", "extension '.xlsx'"),
        ("events.geojson.bak", "extension '.bak'"),
        ("events", "no extension"),
    ],
)
def test_an_unknown_extension_is_a_usage_error_listing_the_formats(name: str, given: str) -> None:
    with pytest.raises(OutputFormatError) as caught:
        output_format(name)
    assert str(caught.value) == (
        f"{name}: {given} is not an output format "
        "(use one of: .geojson, .json, .csv, .gpkg, .parquet)"
    )
    assert isinstance(caught.value, GeomapError)


def test_the_cli_refuses_an_unknown_extension_before_reading_anything(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    missing = tmp_path / "no_such_folder"
    result = CliRunner().invoke(app, ["extract", str(missing), "-o", str(out)])
    assert result.exit_code == 2
    # The only line is the format's: the missing input was never looked at.
    assert result.stderr == (
        f"geomap: {out}: extension '.xlsx' is not an output format "
        "(use one of: .geojson, .json, .csv, .gpkg, .parquet)\n"
    )
    assert not out.exists()


# ---------------------------------------------------------------------------------------------
# What each format holds


def test_the_csv_has_a_wkt_geometry_that_geopandas_reads(
    events: list[Event], tmp_path: Path
) -> None:
    import geopandas
    import pandas

    out = tmp_path / "events.csv"
    write_events(events, out, io.BytesIO())
    with out.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == [*FEATURE_PROPERTIES, "lat", "lon", "geometry"]
    assert CSV_COLUMNS[-1] == "geometry"
    # As the README says to read it.
    frame = pandas.read_csv(out)
    points = geopandas.GeoSeries.from_wkt(frame["geometry"], crs="EPSG:4326")
    for event, point, lat, lon in zip(events, points, frame["lat"], frame["lon"], strict=True):
        # WKT is (x, y): the longitude first, as in GeoJSON.
        assert (point.x, point.y) == (event.place.lon, event.place.lat) == (lon, lat)


@pytest.mark.parametrize("suffix", FORMATS)
def test_the_same_events_give_the_same_bytes(
    events: list[Event], tmp_path: Path, suffix: str
) -> None:
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    write_events(events, first, io.BytesIO())
    # GDAL's own stamp has millisecond resolution: without geomap's fixed stamp, a later
    # write would differ.
    time.sleep(0.01)
    write_events(events, second, io.BytesIO())
    assert first.read_bytes() == second.read_bytes()
    assert _read_rows(first) == len(events)


# ---------------------------------------------------------------------------------------------
# Concurrent runs


_WRITER = textwrap.dedent(
    """
    import io, sys
    from pathlib import Path
    from gazetteer import Gazetteer
    from geomap.export import write_events
    from geomap.pipeline import Batch, run

    events = list(run([sys.argv[1]], Gazetteer.default(), Batch()))
    print("ready", flush=True)
    sys.stdin.readline()  # start together, so the writes overlap
    for _ in range(int(sys.argv[3])):
        write_events(events, Path(sys.argv[2]), io.BytesIO())
    print("done", len(events), flush=True)
    """
)


@pytest.mark.parametrize("suffix", [".gpkg", ".parquet"])
def test_concurrent_runs_to_one_file_leave_it_whole(
    events: list[Event], tmp_path: Path, suffix: str
) -> None:
    # Two processes each write the same output four times; before every writer had a
    # temporary name of its own, they tore each other's GeoPackage and Parquet files.
    out = tmp_path / f"same{suffix}"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(SEEDS), str(out), "4"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        stdout, stderr = writer.communicate(timeout=300)
        assert writer.returncode == 0, stderr
        assert stdout == f"done {len(events)}\n"
    assert _read_rows(out) == len(events)
    assert _others(tmp_path, out.name) == []


# ---------------------------------------------------------------------------------------------
# A full disk


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 16 KiB file system (tmpfs): room for the old output, not for a new one."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the file-size limit test covers the rest")
    mount = tmp_path / "disk"
    mount.mkdir()
    # As root the mount must work: a failure here is a failure, not a reason to skip.
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount)],
        capture_output=True,
        check=True,
    )
    try:
        yield mount
    finally:
        gc.collect()  # Arrow leaves its file open after a failed write until collected
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_full_disk_is_one_line_and_keeps_the_old_file(
    events: list[Event], small_disk: Path, suffix: str
) -> None:
    out = small_disk / f"events{suffix}"
    out.write_bytes(b"the old events")
    with pytest.raises(OutputError) as caught:
        write_events(events, out, io.BytesIO())
    assert str(caught.value) == f"cannot write {out}: no space left on device"
    assert out.read_bytes() == b"the old events"
    assert _others(small_disk, out.name) == []


_LIMITED_CLI = textwrap.dedent(
    """
    import resource, sys
    # Every file this process writes may hold 20 kB at most, as on a nearly full disk.
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
    from geomap.cli import main
    sys.argv = ["geomap", *sys.argv[1:]]
    main()
    """
)


# The streamed formats meet the same limit in geomap.atomic, tested there and above.
@pytest.mark.parametrize("suffix", [".gpkg", ".parquet"])
def test_a_write_cut_short_by_a_file_size_limit_is_one_line_and_cleans_up(
    tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"events{suffix}"
    out.write_bytes(b"the old events")
    done = subprocess.run(
        [sys.executable, "-c", _LIMITED_CLI, "extract", str(SEEDS), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"geomap: cannot write {out}: ")
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert out.read_bytes() == b"the old events"
    assert _others(tmp_path, out.name) == []
