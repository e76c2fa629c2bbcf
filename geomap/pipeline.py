"""The batch: inputs to events, with bad inputs recorded and the rest going on."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from gazetteer import Gazetteer
from geomap.atomic import atomic_output
from geomap.errors import OutputError
from geomap.export import FEATURE_PROPERTIES, event_properties, to_feature
from geomap.extract import PlaceFallback, extract_events
from geomap.model import Article, Event, InputProblem
from geomap.sources import iter_articles

__all__ = [
    "TABLE_FORMATS",
    "Batch",
    "events_geodataframe",
    "run",
    "write_events",
    "write_report",
]

TABLE_FORMATS = {".csv", ".gpkg", ".parquet"}


@dataclass
class Batch:
    """What a run read: how many articles, which inputs failed and why."""

    articles: int = 0
    events: int = 0
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def run(
    paths: Sequence[str],
    gaz: Gazetteer,
    batch: Batch,
    *,
    date_override: str | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    fallback: PlaceFallback | None = None,
) -> Iterator[Event]:
    """Stream the events of every readable input; problems go to `batch` and `on_problem`.

    `fallback` resolves names the gazetteer does not know (see geomap.geocode); it is
    None unless the user asked for an online geocoder.
    """
    for item in iter_articles(paths, date_override=date_override):
        if isinstance(item, InputProblem):
            batch.problems.append(item)
            if on_problem:
                on_problem(item)
            continue
        batch.articles += 1
        if on_article:
            on_article(item)
        for event in extract_events(item, gaz, fallback=fallback):
            batch.events += 1
            yield event


def _stream_geojson(events: Iterable[Event], out: IO[bytes]) -> None:
    # Written feature by feature so memory stays flat however large the corpus.
    out.write(b'{"type": "FeatureCollection", "features": [')
    for n, event in enumerate(events):
        out.write(b"\n" if n == 0 else b",\n")
        out.write(json.dumps(to_feature(event), ensure_ascii=False).encode("utf-8"))
    out.write(b"\n]}\n")


def events_geodataframe(events: Iterable[Event]) -> Any:
    """Events as a GeoDataFrame in WGS84, one row per event, contract column names."""
    import geopandas
    from shapely.geometry import Point

    rows = [event_properties(e) for e in events]
    # shapely's Point takes (x, y) = (lon, lat).
    geometry = [Point(e.place.lon, e.place.lat) for e in events] if rows else []
    frame = geopandas.GeoDataFrame(rows, columns=list(FEATURE_PROPERTIES), geometry=geometry)
    frame = frame.set_crs("EPSG:4326")
    frame["mentions"] = frame["mentions"].map(lambda m: "; ".join(m))
    return frame


def write_events(events: Iterable[Event], out: Path | None, stdout: IO[bytes]) -> None:
    """GeoJSON by default (streamed); .csv, .gpkg, .parquet by the output's extension."""
    suffix = out.suffix.lower() if out else ".geojson"
    if suffix not in TABLE_FORMATS:
        if out is None:
            _stream_geojson(events, stdout)
        else:
            with atomic_output(out) as handle:
                _stream_geojson(events, handle)
        return
    assert out is not None
    events = list(events)
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, [*FEATURE_PROPERTIES, "lat", "lon"], lineterminator="\n")
        writer.writeheader()
        for e in events:
            row = event_properties(e)
            row["mentions"] = "; ".join(row["mentions"])
            writer.writerow({**row, "lat": e.place.lat, "lon": e.place.lon})
        with atomic_output(out) as handle:
            handle.write(buffer.getvalue().encode("utf-8"))
        return
    frame = events_geodataframe(events)
    temp = out.with_name(f".{out.name}.partial{suffix}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".gpkg":
            frame.to_file(temp, driver="GPKG", layer="events")
        else:
            frame.to_parquet(temp)
        temp.replace(out)
    except (OSError, ValueError) as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {out}: {exc}") from exc


def write_report(path: Path, batch: Batch) -> None:
    """The --report file: every failed input with its reason, and the totals."""
    document = {
        "articles": batch.articles,
        "events": batch.events,
        "failed": [{"source": p.source, "reason": p.reason} for p in batch.problems],
    }
    with atomic_output(path) as handle:
        handle.write((json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
