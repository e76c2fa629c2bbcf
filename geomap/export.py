"""Events to GeoJSON, CSV, GeoPackage and GeoParquet: the one place (lat, lon) becomes (lon, lat).

Every file is written atomically (geomap.atomic), and the same events give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from gazetteer.model import Place
from geomap.atomic import atomic_output, atomic_path
from geomap.errors import GeomapError
from geomap.model import Event
from geomap.schema import REPORT_SCHEMA, field_names

__all__ = [
    "CSV_COLUMNS",
    "FEATURE_PROPERTIES",
    "OUTPUT_FORMATS",
    "OutputFormat",
    "OutputFormatError",
    "event_properties",
    "events_geodataframe",
    "feature_collection",
    "output_format",
    "to_feature",
    "wkt_point",
    "wkt_xy",
    "write_events",
    "write_geopackage",
    "write_geoparquet",
]

# The property names are a public contract (other tools read them), written once in
# geomap.schema; their order is kept too, so that written files are byte-identical.
FEATURE_PROPERTIES = field_names(REPORT_SCHEMA)


def event_properties(event: Event) -> dict[str, Any]:
    place = event.place
    values: dict[str, Any] = {
        "event_type": event.event_type.value,
        "place": place.name,
        "place_id": place.place_id,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "precision": event.precision.value,
        "inferred": event.inferred,
        "mentions": list(event.mentions),
        "source": event.source,
        "source_title": event.source_title,
        "source_date": event.source_date,
        "outlet": event.outlet,
        "url": event.url,
        "date": event.date,
        "date_text": event.date_text,
        "quote": event.quote,
        "char_start": event.char_start,
        "char_end": event.char_end,
        "crowd_low": event.crowd_low,
        "crowd_high": event.crowd_high,
        "crowd_text": event.crowd_text,
        "killed": event.killed,
        "injured": event.injured,
        "arrested": event.arrested,
        "claimed_by": event.claimed_by,
        "disputed": event.disputed,
        "confidence": round(event.confidence, 3),
        "event_chance": event.event_chance,
        "report_id": event.stable_id,
        "reviewed": event.reviewed,
        "editor_note": event.editor_note,
    }
    # Built by name and reordered by the schema; test_export checks the two name sets agree.
    return {name: values[name] for name in FEATURE_PROPERTIES}


# The CSV adds the point twice: as numbers for spreadsheets, and as WKT for GIS tools.
CSV_COLUMNS = (*FEATURE_PROPERTIES, "lat", "lon", "geometry")


def wkt_xy(place: Place) -> tuple[float, float]:
    # GeoJSON (RFC 7946), WKT and shapely order a position as (x, y) = (longitude,
    # latitude); everywhere else in geomap coordinates are (lat, lon). This is the only
    # place the order flips.
    return place.lon, place.lat


def to_feature(event: Event) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": list(wkt_xy(event.place))},
        "properties": event_properties(event),
    }


def wkt_point(place: Place) -> str:
    """The place as Well-Known Text, "POINT (lon lat)", numbers as Python writes floats."""
    x, y = wkt_xy(place)
    return f"POINT ({x!r} {y!r})"


def feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [to_feature(e) for e in events]}


# ---------------------------------------------------------------------------------------------
# Files


class OutputFormatError(GeomapError, ValueError):
    """An output name whose extension is not a format geomap writes (a usage error)."""


def _stream_geojson(events: Iterable[Event], out: IO[bytes]) -> None:
    # Written feature by feature so memory stays flat however large the corpus.
    out.write(b'{"type": "FeatureCollection", "features": [')
    for n, event in enumerate(events):
        out.write(b"\n" if n == 0 else b",\n")
        out.write(json.dumps(to_feature(event), ensure_ascii=False).encode("utf-8"))
    out.write(b"\n]}\n")


def _write_geojson(events: Iterable[Event], out: Path) -> None:
    with atomic_output(out) as handle:
        _stream_geojson(events, handle)


def _csv_row(event: Event) -> dict[str, Any]:
    row = event_properties(event)
    row["mentions"] = "; ".join(row["mentions"])
    return {
        **row,
        "lat": event.place.lat,
        "lon": event.place.lon,
        "geometry": wkt_point(event.place),
    }


def _write_csv(events: Iterable[Event], out: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_csv_row(e) for e in events)
    with atomic_output(out) as handle:
        handle.write(buffer.getvalue().encode("utf-8"))


def events_geodataframe(events: Iterable[Event]) -> Any:
    """Events as a GeoDataFrame in WGS84, one row per event, contract column names."""
    import geopandas
    from shapely.geometry import Point

    events = list(events)
    rows = [event_properties(e) for e in events]
    geometry = [Point(*wkt_xy(e.place)) for e in events]
    frame = geopandas.GeoDataFrame(rows, columns=list(FEATURE_PROPERTIES), geometry=geometry)
    frame = frame.set_crs("EPSG:4326")
    frame["mentions"] = frame["mentions"].map(lambda m: "; ".join(m))
    return frame


# GDAL stamps a GeoPackage with the time it was written (gpkg_contents.last_change); a fixed
# stamp makes the file a function of the events alone. GDAL config is process-wide, hence
# the lock: two threads must not set and restore it across each other's writes.
_GPKG_TIMESTAMP = "1970-01-01T00:00:00.000Z"
_GDAL_CONFIG = threading.Lock()


# What GDAL and Arrow raise when a file cannot be written: pyogrio's errors (DataSourceError,
# FeatureError, ...) derive from RuntimeError, Arrow's from OSError, ValueError or
# RuntimeError depending on the error.
_WRITER_FAILURES = (OSError, RuntimeError, ValueError)


def write_geopackage(layers: Sequence[tuple[str, Any]], out: Path) -> None:
    """GeoDataFrames as named layers of one GeoPackage, written atomically and reproducibly."""
    import pyogrio

    with atomic_path(out, failures=_WRITER_FAILURES) as temp, _GDAL_CONFIG:
        previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": _GPKG_TIMESTAMP})
        try:
            for layer, frame in layers:
                frame.to_file(temp, driver="GPKG", layer=layer, engine="pyogrio")
        finally:
            pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})


def write_geoparquet(frame: Any, out: Path) -> None:
    """A GeoDataFrame as GeoParquet, written atomically."""
    with atomic_path(out, failures=_WRITER_FAILURES) as temp:
        frame.to_parquet(temp)


def _write_gpkg(events: Iterable[Event], out: Path) -> None:
    write_geopackage([("events", events_geodataframe(events))], out)


def _write_parquet(events: Iterable[Event], out: Path) -> None:
    write_geoparquet(events_geodataframe(events), out)


@dataclass(frozen=True)
class OutputFormat:
    """A file format for events: the extensions that choose it and how it is written."""

    name: str
    suffixes: tuple[str, ...]
    write: Callable[[Iterable[Event], Path], None]


# The first is the default, and the only one streamed (to stdout without -o).
OUTPUT_FORMATS = (
    OutputFormat("GeoJSON", (".geojson", ".json"), _write_geojson),
    OutputFormat("CSV", (".csv",), _write_csv),
    OutputFormat("GeoPackage", (".gpkg",), _write_gpkg),
    OutputFormat("GeoParquet", (".parquet",), _write_parquet),
)


def output_format(path: str | Path | None) -> OutputFormat:
    """The format an output name asks for; GeoJSON when there is no name (stdout).

    Call it before any work starts, so a mistyped extension costs nothing.

    Raises OutputFormatError, naming the formats, for any other extension.
    """
    if path is None:
        return OUTPUT_FORMATS[0]
    suffix = Path(path).suffix.lower()
    for fmt in OUTPUT_FORMATS:
        if suffix in fmt.suffixes:
            return fmt
    known = ", ".join(s for fmt in OUTPUT_FORMATS for s in fmt.suffixes)
    given = f"extension {suffix!r}" if suffix else "no extension"
    raise OutputFormatError(f"{path}: {given} is not an output format (use one of: {known})")


def write_events(events: Iterable[Event], out: Path | None, stdout: IO[bytes]) -> None:
    """GeoJSON by default (streamed to `stdout` when `out` is None); the rest by extension.

    Raises OutputFormatError for an unknown extension and OutputError when the file cannot
    be written; either way an existing file at `out` is left as it was.
    """
    fmt = output_format(out)
    if out is None:
        _stream_geojson(events, stdout)
        return
    fmt.write(events, out)
