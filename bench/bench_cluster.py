"""geomap's grid clustering against Leaflet.markercluster and supercluster, at 100,000 events.

    python bench/bench_cluster.py [--events 100000] [--rounds 3] [--input shared|distinct|both]
        [--supercluster DIR] [--renderer GEOMAP_JS]

Issue 13: keep the hand-written grid clustering of geomap.js, or use a packaged library?
Every contender runs in one headless Chromium (1280x800) on the same page: geomap's own
self-contained page for the same synthetic events, with the points as one extra JSON array.
Its renderer is caught as it registers (window.geomapRender): for "grid" it runs as shipped
and is timed; for a library it is held back, so that the library clusters the same events on
the same Leaflet map instead. Contenders alternate, the order reversed each round, and each
figure is a median.

- first render: from the call that starts clustering to the second animation frame after it
  returns (the markers are in a frame). For the grid that call is geomap's whole render()
  (basemap outlines, labels, legend and controls too); "grid redraw" times its redraw()
  alone at the same view, which is the clustering and drawing of markers only.
- zoom: setView to zooms 3, 4, 5, 6 and back to 2, each timed to the second frame. With
  animation off, each library re-clusters inside setView, as geomap does.
- heap: CDP JSHeapUsedSize after a forced garbage collection, once drawn, less the same
  page's heap with nothing drawn (the baseline is measured in each library run, before it
  starts), plus the typed arrays of supercluster's index, which that figure leaves out;
  DOM nodes once drawn.

Two inputs: "shared", the events of bench_render.synthetic_collection (100,000 events at
2,000 places, where geomap first groups by place) and "distinct", the same events moved to
100,000 distinct places, where grouping saves nothing.

--renderer draws the grid with another geomap.js (a candidate fix) instead of the installed
one, so a change to the renderer can be measured against the libraries before it lands.

The libraries come from registry packages only: Leaflet.markercluster from the PyPI package
XStatic-Leaflet-MarkerCluster (`pip install 'geomap[bench]'`), supercluster's UMD build
(dist/supercluster.min.js, which bundles kdbush) from the npm package, fetched with
`npm pack supercluster@9.1.0` into a temporary folder unless --supercluster names an
unpacked copy.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_render import synthetic_collection  # noqa: E402
from bench.bench_render_compare import chromium  # noqa: E402

SUPERCLUSTER_PACKAGE = "supercluster@9.1.0"
CONTENDERS = ("grid", "markercluster", "supercluster")
ZOOMS = (3, 4, 5, 6, 2)
START_VIEW = ([20, 0], 2)  # the world at 1280x800, where geomap's own fit lands too

# Runs before the page's scripts: catches geomap's renderer as geomap.js registers it.
# "grid" times it; any other mode keeps only the map, for a library to draw on.
_CATCH_RENDERER = """
(() => {
  const mode = %(mode)r;
  const bench = window.__bench = {mode: mode};
  const twoFrames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  bench.twoFrames = twoFrames;
  let wrapped;
  Object.defineProperty(window, 'geomapRender', {configurable: true,
    get: () => wrapped,
    set: render => {
      wrapped = (map, data, basemap, config) => {
        bench.map = map;
        if (mode !== 'grid') { bench.held = true; return null; }
        window.geomapHooks = {ready: (m, d, controls) => { bench.redraw = controls.redraw; }};
        const start = performance.now();
        const out = render(map, data, basemap, config);
        bench.syncMs = performance.now() - start;
        twoFrames().then(() => { bench.firstMs = performance.now() - start; });
        return out;
      };
    }});
})();
"""

# The libraries' side, written against their documented APIs. Both draw a plain dot for a
# single event and a count for a cluster; geomap draws a glyph per event type.
_LIBRARY_CONTENDERS = """
(() => {
  const bench = window.__bench;
  const points = JSON.parse(document.getElementById('bench-points').textContent);
  const dot = L.divIcon({className: 'bench-dot', iconSize: [10, 10]});
  function countIcon(n) {
    return L.divIcon({html: '<div><span>' + n + '</span></div>', iconSize: [40, 40],
      className: 'marker-cluster marker-cluster-medium'});
  }
  bench.start = {
    markercluster(map) {
      // Animation off: a zoom re-clusters inside setView, as geomap's grid does.
      const group = L.markerClusterGroup({animate: false});
      const markers = new Array(points.length / 2);
      for (let i = 0; i < markers.length; i++) {
        markers[i] = L.marker([points[2 * i], points[2 * i + 1]], {icon: dot});
      }
      group.addLayers(markers);
      map.addLayer(group);
    },
    supercluster(map) {
      const features = new Array(points.length / 2);
      for (let i = 0; i < features.length; i++) {
        features[i] = {type: 'Feature', properties: null,
          geometry: {type: 'Point', coordinates: [points[2 * i + 1], points[2 * i]]}};
      }
      const index = new Supercluster({radius: 60, maxZoom: 16}).load(features);
      // Its index lives in typed arrays, whose buffers the JS heap figure leaves out.
      let bytes = index.coords ? index.coords.byteLength : 0;
      index.trees.forEach(tree => {
        if (tree) bytes += tree.data.byteLength + tree.ids.byteLength + tree.coords.byteLength;
      });
      bench.typedMb = bytes / 1e6;
      const layer = L.layerGroup().addTo(map);
      function draw() {
        layer.clearLayers();
        const b = map.getBounds();
        const west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
        const south = Math.max(-85, b.getSouth()), north = Math.min(85, b.getNorth());
        index.getClusters([west, south, east, north], map.getZoom()).forEach(f => {
          const [lon, lat] = f.geometry.coordinates;
          const icon = f.properties && f.properties.cluster ?
            countIcon(f.properties.point_count_abbreviated) : dot;
          layer.addLayer(L.marker([lat, lon], {icon: icon}));
        });
      }
      map.on('moveend', draw);
      draw();
    },
  };
  bench.run = async mode => {
    const map = bench.map;
    // geomap's map has no tile layer, so no maxZoom; Leaflet.markercluster needs one.
    if (map.getMaxZoom() === Infinity) map.setMaxZoom(18);
    map.setView(%(view)s, %(zoom)d, {animate: false});
    const start = performance.now();
    bench.start[mode](map);
    bench.syncMs = performance.now() - start;
    await bench.twoFrames();
    bench.firstMs = performance.now() - start;
  };
})();
"""

_TIME_ZOOMS = """async zooms => {
  const bench = window.__bench, map = bench.map, out = [];
  for (const z of zooms) {
    const start = performance.now();
    map.setView(%(view)s, z, {animate: false});
    const sync = performance.now() - start;
    await bench.twoFrames();
    const frame = performance.now() - start;
    out.push({zoom: z, sync: sync, frame: frame,
      markers: document.querySelectorAll('.leaflet-marker-icon:not(.geomap-label-icon)').length});
  }
  return out;
}"""


@dataclass(frozen=True)
class Run:
    first_ms: float  # start of clustering to the second frame after
    redraw_ms: float | None  # grid only: redraw() alone at the first view
    zoom_ms: list[float]  # each zoom step, to the second frame
    heap_mb: float  # JS heap once drawn, after GC
    baseline_heap_mb: float | None  # same page with nothing drawn (library runs)
    nodes: int
    markers: int
    zoom: int
    typed_mb: float  # typed-array buffers the library keeps (supercluster's index)


def supercluster_js(directory: Path | None, scratch: Path) -> str:
    if directory is None:
        subprocess.run(
            ["npm", "pack", SUPERCLUSTER_PACKAGE, "--silent"],
            cwd=scratch,
            check=True,
            capture_output=True,
        )
        (tarball,) = scratch.glob("supercluster-*.tgz")
        with tarfile.open(tarball) as archive:
            archive.extractall(scratch, filter="data")
        directory = scratch / "package"
    return (directory / "dist" / "supercluster.min.js").read_text(encoding="utf-8")


def markercluster_assets() -> tuple[str, str]:
    try:
        import xstatic.pkg.leaflet_markercluster as markercluster
    except ImportError as error:
        raise SystemExit(
            "this bench needs XStatic-Leaflet-MarkerCluster: pip install 'geomap[bench]'"
        ) from error
    data = Path(markercluster.BASE_DIR)
    css = "\n".join(
        (data / name).read_text(encoding="utf-8")
        for name in ("MarkerCluster.css", "MarkerCluster.Default.css")
    )
    return (data / "leaflet.markercluster.js").read_text(encoding="utf-8"), css


def distinct_places(collection: dict[str, Any], seed: int = 7) -> dict[str, Any]:
    """The same events, each at a place of its own."""
    rng = random.Random(seed)
    features = []
    for number, feature in enumerate(collection["features"]):
        lat, lon = round(rng.uniform(-50, 60), 5), round(rng.uniform(-120, 140), 5)
        properties = dict(feature["properties"], place=f"Spot {number}")
        properties["place_id"] = f"geonames:{1_000_000 + number}"
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},  # GeoJSON order
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def short_quotes(collection: dict[str, Any]) -> dict[str, Any]:
    # Clustering never reads the quote; shorter pages load faster on the shared cores.
    for feature in collection["features"]:
        properties = feature["properties"]
        properties["quote"] = properties["quote"][:60]
        properties["char_end"] = len(properties["quote"])
    return collection


def write_page(collection: dict[str, Any], path: Path, renderer: Path | None = None) -> None:
    from geomap.render import assets, render_html

    if renderer is not None:
        # page.py inlines whatever assets.renderer_js() returns.
        text = renderer.read_text(encoding="utf-8")
        assets.renderer_js = lambda: text  # type: ignore[assignment]
    html = render_html(collection, title="Cluster benchmark", mode="self-contained")
    flat: list[float] = []
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]  # GeoJSON order
        flat.extend((lat, lon))
    points = '<script type="application/json" id="bench-points">' + repr(flat) + "</script>"
    head, tail = html.rsplit("</body>", 1)
    path.write_text(head + points + "</body>" + tail, encoding="utf-8")


def _heap(cdp: Any) -> tuple[float, int]:
    cdp.send("HeapProfiler.collectGarbage")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["JSHeapUsedSize"] / 1e6, int(metrics["Nodes"])


def measure(browser: Any, path: Path, mode: str, libraries: tuple[str, str, str]) -> Run:
    view, zoom = START_VIEW
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file:", "data:"))
                else route.abort()
            ),
        )
        page.add_init_script(_CATCH_RENDERER % {"mode": mode})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(path.as_uri(), timeout=300_000)
        baseline = None
        if mode != "grid":
            markercluster, css, supercluster = libraries
            page.add_style_tag(content=css + ".bench-dot{background:#c33;border-radius:50%}")
            page.add_script_tag(content=markercluster if mode == "markercluster" else supercluster)
            page.add_script_tag(content=_LIBRARY_CONTENDERS % {"view": view, "zoom": zoom})
            baseline = _heap(cdp)[0]
            page.evaluate("mode => window.__bench.run(mode)", mode)
        page.wait_for_function("window.__bench.firstMs !== undefined", timeout=300_000)
        first_zoom = int(page.evaluate("window.__bench.map.getZoom()"))
        redraw = page.evaluate(
            "() => { const b = window.__bench; if (!b.redraw) return null;"
            " const t = performance.now(); b.redraw(); return performance.now() - t; }"
        )
        page.evaluate("() => window.__bench.twoFrames()")
        heap, nodes = _heap(cdp)
        markers = int(
            page.evaluate(
                "document.querySelectorAll('.leaflet-marker-icon:not(.geomap-label-icon)').length"
            )
        )
        steps = page.evaluate(_TIME_ZOOMS % {"view": view}, list(ZOOMS))
        first = float(page.evaluate("window.__bench.firstMs"))
        typed = float(page.evaluate("window.__bench.typedMb || 0"))
    finally:
        page.close()
    return Run(
        first_ms=first,
        redraw_ms=None if redraw is None else float(redraw),
        zoom_ms=[float(s["frame"]) for s in steps],
        heap_mb=heap,
        baseline_heap_mb=baseline,
        nodes=nodes,
        markers=markers,
        zoom=first_zoom,
        typed_mb=typed,
    )


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(name: str, runs: dict[str, list[Run]]) -> None:
    baselines = [
        r.baseline_heap_mb for rs in runs.values() for r in rs if r.baseline_heap_mb is not None
    ]
    empty_heap = median(baselines)
    print(f"\n{name}: median of {len(runs['grid'])} alternating runs; page heap with nothing")
    print(f"drawn {empty_heap:.0f} MB")
    header = (
        f"  {'':14}{'first render':>14}{'zoom step':>12}{'heap +':>9}{'nodes':>8}{'markers':>9}"
    )
    print(header + "  (zoom at start)")
    first = {}
    zoom = {}
    for contender, rs in runs.items():
        first[contender] = median([r.first_ms for r in rs])
        zoom[contender] = median([ms for r in rs for ms in r.zoom_ms])
        heap = median([r.heap_mb for r in rs]) - empty_heap + median([r.typed_mb for r in rs])
        print(
            f"  {contender:14}{first[contender]:11.0f} ms{zoom[contender]:9.0f} ms"
            f"{heap:6.0f} MB{median([r.nodes for r in rs]):8.0f}{rs[-1].markers:9d}"
            f"  (z{rs[-1].zoom})"
        )
    grid = runs["grid"]
    redraw = median([r.redraw_ms for r in grid if r.redraw_ms is not None])
    print(
        f"  grid redraw() alone at the first view: {redraw:.0f} ms (clustering and drawing "
        "markers; no labels, basemap or controls)"
    )
    for contender, rs in runs.items():
        by_zoom = [median([r.zoom_ms[k] for r in rs]) for k in range(len(ZOOMS))]
        steps = ", ".join(f"z{z} {ms:.0f}" for z, ms in zip(ZOOMS, by_zoom, strict=True))
        print(f"  {contender} zoom steps (ms, median): {steps}")
    for contender in CONTENDERS[1:]:
        print(
            f"  {contender} / grid: first render {first[contender] / first['grid']:.2f}, "
            f"first render / grid redraw {first[contender] / redraw:.2f}, "
            f"zoom step {zoom[contender] / zoom['grid']:.2f}"
        )


@contextmanager
def scratch_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as directory:
        yield Path(directory)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--input", choices=("shared", "distinct", "both"), default="both")
    parser.add_argument("--supercluster", type=Path, help="an unpacked npm supercluster")
    parser.add_argument("--renderer", type=Path, help="a geomap.js to draw the grid with")
    args = parser.parse_args()

    with scratch_dir() as scratch:
        markercluster, css = markercluster_assets()
        libraries = (markercluster, css, supercluster_js(args.supercluster, scratch))
        events = short_quotes(synthetic_collection(args.events))
        inputs = {}
        if args.input in ("shared", "both"):
            inputs[f"{args.events:,} events at 2,000 places"] = events
        if args.input in ("distinct", "both"):
            inputs[f"{args.events:,} events at {args.events:,} places"] = distinct_places(events)
        print(
            "Chromium 1280x800; Leaflet.markercluster "
            + _markercluster_version()
            + f" (PyPI XStatic); {SUPERCLUSTER_PACKAGE} (npm)"
        )
        for name, collection in inputs.items():
            path = scratch / "page.html"
            write_page(collection, path, args.renderer)
            runs: dict[str, list[Run]] = {c: [] for c in CONTENDERS}
            with chromium() as browser:
                for number in range(args.rounds):
                    order = CONTENDERS if number % 2 == 0 else CONTENDERS[::-1]
                    for contender in order:
                        print(f"  ({name}: {contender}, round {number + 1})", file=sys.stderr)
                        runs[contender].append(measure(browser, path, contender, libraries))
            report(name, runs)
    return 0


def _markercluster_version() -> str:
    import xstatic.pkg.leaflet_markercluster as markercluster

    return str(markercluster.VERSION)


if __name__ == "__main__":
    raise SystemExit(main())
