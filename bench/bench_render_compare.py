"""The 100,000-event map against folium's strongest mode, in alternating runs with medians.

    python bench/bench_render_compare.py [--events 100000] [--rounds 3]
        [--per-marker-events 2000] [--baseline-ref COMMIT] [--no-browser]

bench/bench_render.py divides two wall-clock timings taken one after the other; on a shared
machine that ratio moved between 16x and 29x (issue 17). Here every contender is built and
then opened in turn, the order reversed each round, and each figure is the median over the
rounds:

- build: CPU seconds (time.process_time) from features to the HTML string, for geomap's
  self-contained page, for folium's FastMarkerCluster (its fastest clustering mode: one JSON
  array and a JS callback, no Python object per marker) and for folium's Marker+Popup per
  event on a subset (its CPU per event is scaled to the full count);
- bytes of each page;
- in headless Chromium (every request that is not file: or data: is answered by the browser
  from registry packages or refused; nothing leaves the machine): time to interactive, from
  navigation start to the first animation frame after the load event has run and painted,
  and the renderer main thread's busy time (CDP Performance TaskDuration, its CPU time).

FastMarkerCluster's page asks CDNs for Leaflet and Leaflet.markercluster; the browser is given
the same files from the PyPI packages XStatic-Leaflet and XStatic-Leaflet-MarkerCluster
(`pip install 'geomap[bench]'`). Its other CDN assets (jQuery, Bootstrap, Font Awesome) are
refused: the page draws markers without them. Each folium marker carries the same popup as
bench_render's per-marker folium (folium_popup_html), bound in the callback.

With --baseline-ref, geomap's page is also built by the code of that commit, checked out in
a temporary git worktree, and opened in the same rounds: how a change to the renderer moved
time to interactive, measured against its predecessor in one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_render import (  # noqa: E402
    CHROMIUM_ARGS,
    build_folium,
    folium_popup_html,
    synthetic_collection,
)

# Recorded by the page itself, so that every contender is timed by one definition: the first
# animation frame after the load event (all inline scripts have run), plus a task turn, so
# that the frame has been produced and the main thread is free for a click.
INTERACTIVE_PROBE = """
window.__bench = {};
addEventListener('load', () => requestAnimationFrame(() => setTimeout(() => {
  window.__bench.interactive = performance.now();
}, 0)));
"""

# The callback FastMarkerCluster calls for each row [lat, lon, popup HTML].
_FOLIUM_CALLBACK = """function (row) {
    var marker = L.marker(new L.LatLng(row[0], row[1]));
    marker.bindPopup(row[2], {maxWidth: 320});
    return marker;
}"""


@dataclass(frozen=True)
class PageFigures:
    interactive_ms: float
    main_thread_ms: float  # CDP TaskDuration: the renderer main thread's busy time
    heap_mb: float  # CDP JSHeapUsedSize once interactive
    markers: int  # marker icons in the DOM once interactive


def cdn_files() -> dict[str, Path]:
    """File name -> local copy from a registry package, for the CDN URLs folium writes."""
    try:
        import xstatic.pkg.leaflet as leaflet
        import xstatic.pkg.leaflet_markercluster as markercluster
    except ImportError as error:
        raise SystemExit(
            "this bench needs XStatic-Leaflet-MarkerCluster: pip install 'geomap[bench]'"
        ) from error
    leaflet_dir = Path(leaflet.BASE_DIR)
    cluster_dir = Path(markercluster.BASE_DIR)
    files = {name: leaflet_dir / name for name in ("leaflet.js", "leaflet.css")}
    files.update({p.name: p for p in (leaflet_dir / "images").glob("*.png")})
    for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
        files[name] = cluster_dir / name
    return files


_CONTENT_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}


def route_offline(files: dict[str, Path]) -> Callable[[Any], None]:
    """A Playwright route handler: local files pass, known CDN files come from packages."""

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
            return
        name = url.split("?", 1)[0].rsplit("/", 1)[-1]
        if url.startswith("https://") and name in files:
            path = files[name]
            route.fulfill(
                status=200, content_type=_CONTENT_TYPES[path.suffix], body=path.read_bytes()
            )
        else:
            route.abort()

    return handle


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def open_and_measure(browser: Any, path: Path, files: dict[str, Path]) -> PageFigures:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.route("**/*", route_offline(files))
        page.add_init_script(INTERACTIVE_PROBE)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(path.as_uri(), timeout=300_000)
        page.wait_for_function("window.__bench.interactive !== undefined", timeout=300_000)
        interactive = float(page.evaluate("window.__bench.interactive"))
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        markers = int(page.evaluate("document.querySelectorAll('.leaflet-marker-icon').length"))
    finally:
        page.close()
    return PageFigures(
        interactive_ms=interactive,
        main_thread_ms=metrics["TaskDuration"] * 1000,
        heap_mb=metrics["JSHeapUsedSize"] / 1e6,
        markers=markers,
    )


def build_geomap(collection: dict[str, Any]) -> str:
    from geomap.render import render_html

    return render_html(collection, title="Synthetic benchmark", mode="self-contained")


def build_fast_marker_cluster(collection: dict[str, Any]) -> str:
    import folium
    from folium.plugins import FastMarkerCluster

    rows = []
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]  # GeoJSON order
        rows.append([lat, lon, folium_popup_html(feature["properties"])])
    folium_map = folium.Map(location=[20, 0], zoom_start=2)
    FastMarkerCluster(rows, callback=_FOLIUM_CALLBACK).add_to(folium_map)
    html: str = folium_map.get_root().render()
    return html


# Run in a fresh interpreter on another commit's tree: that commit's geomap builds the page
# from the same events, less any property its contract did not know yet.
_BASELINE_BUILD = """
import json, sys, time
tree, events, out = sys.argv[1:4]
sys.path.insert(0, tree)
from geomap.export import FEATURE_PROPERTIES
from geomap.render import render_html
collection = json.loads(open(events, encoding="utf-8").read())
for feature in collection["features"]:
    feature["properties"] = {k: feature["properties"].get(k) for k in FEATURE_PROPERTIES}
start = time.process_time()
html = render_html(collection, title="Synthetic benchmark", mode="self-contained")
print(time.process_time() - start)
open(out, "w", encoding="utf-8").write(html)
"""


@contextmanager
def worktree(ref: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as directory:
        tree = Path(directory) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), ref],
            check=True,
            capture_output=True,
        )
        try:
            yield tree
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )


def build_in_tree(tree: Path, events_path: Path, out: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _BASELINE_BUILD, str(tree), str(events_path), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def timed_cpu(build: Callable[[], str]) -> tuple[float, str]:
    start = time.process_time()
    html = build()
    return time.process_time() - start, html


def median(values: list[float]) -> float:
    return statistics.median(values)


def spread(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def run_builds(
    collection: dict[str, Any],
    subset: dict[str, Any],
    rounds: int,
    directory: Path,
    baseline: tuple[Path, Path] | None,
) -> tuple[dict[str, list[float]], dict[str, Path]]:
    """Build every contender `rounds` times, order reversed each round; keep the last pages."""
    builders: dict[str, Callable[[], float]] = {}
    pages: dict[str, Path] = {}

    def in_process(name: str, build: Callable[[], str]) -> Callable[[], float]:
        def run() -> float:
            seconds, html = timed_cpu(build)
            pages[name] = directory / f"{name}.html"
            pages[name].write_text(html, encoding="utf-8")
            return seconds

        return run

    builders["geomap"] = in_process("geomap", lambda: build_geomap(collection))
    builders["folium FastMarkerCluster"] = in_process(
        "fastmarkercluster", lambda: build_fast_marker_cluster(collection)
    )
    builders["folium Marker+Popup (subset)"] = in_process("permarker", lambda: build_folium(subset))
    if baseline is not None:
        tree, events_path = baseline

        def run_baseline() -> float:
            pages["baseline"] = directory / "baseline.html"
            return build_in_tree(tree, events_path, pages["baseline"])

        builders["geomap at baseline"] = run_baseline
    cpu: dict[str, list[float]] = {name: [] for name in builders}
    names = list(builders)
    for number in range(rounds):
        for name in names if number % 2 == 0 else names[::-1]:
            cpu[name].append(builders[name]())
    return cpu, pages


def run_pages(pages: dict[str, Path], rounds: int) -> dict[str, list[PageFigures]]:
    files = cdn_files()
    shown = {k: v for k, v in pages.items() if k != "permarker"}
    names = list(shown)
    figures: dict[str, list[PageFigures]] = {name: [] for name in names}
    with chromium() as browser:
        for number in range(rounds):
            for name in names if number % 2 == 0 else names[::-1]:
                figures[name].append(open_and_measure(browser, shown[name], files))
    return figures


def print_builds(
    cpu: dict[str, list[float]], pages: dict[str, Path], n_events: int, n_subset: int
) -> None:
    ours = median(cpu["geomap"])
    fast = median(cpu["folium FastMarkerCluster"])
    per_marker = median(cpu["folium Marker+Popup (subset)"]) / n_subset * n_events
    print(f"build CPU, median of {len(cpu['geomap'])} alternating runs ({n_events:,} events):")
    print(f"  geomap                    {ours:6.2f} s  ({spread(cpu['geomap'])})")
    if "geomap at baseline" in cpu:
        print(
            f"  geomap at baseline        {median(cpu['geomap at baseline']):6.2f} s  "
            f"({spread(cpu['geomap at baseline'])})"
        )
    print(f"  folium FastMarkerCluster  {fast:6.2f} s  ({spread(cpu['folium FastMarkerCluster'])})")
    print(
        f"  folium Marker+Popup       {per_marker:6.2f} s  scaled from {n_subset:,} events "
        f"({spread(cpu['folium Marker+Popup (subset)'])} s)"
    )
    print(f"  speed-up over FastMarkerCluster: {fast / ours:.2f}x")
    print(f"  speed-up over Marker+Popup:      {per_marker / ours:.1f}x (target >= 10x)")
    size = {name: path.stat().st_size for name, path in pages.items()}
    print(
        f"page bytes: geomap {size['geomap'] / 1e6:.1f} MB, FastMarkerCluster "
        f"{size['fastmarkercluster'] / 1e6:.1f} MB "
        f"(ratio {size['geomap'] / size['fastmarkercluster']:.2f})"
    )


def print_pages(figures: dict[str, list[PageFigures]], n_events: int) -> None:
    rounds = len(figures["geomap"])
    print(f"in Chromium, 1280x800, median of {rounds} alternating loads ({n_events:,} events):")
    labels = {
        "geomap": "geomap",
        "baseline": "geomap at baseline",
        "fastmarkercluster": "folium FastMarkerCluster",
    }
    for name, runs in figures.items():
        interactive = [f.interactive_ms / 1000 for f in runs]
        main = [f.main_thread_ms / 1000 for f in runs]
        heap = median([f.heap_mb for f in runs])
        print(
            f"  {labels[name]:25} interactive {median(interactive):5.2f} s "
            f"({spread(interactive)}); main thread {median(main):5.2f} s CPU; heap {heap:.0f} MB; "
            f"{runs[-1].markers} markers"
        )
    ours = median([f.interactive_ms for f in figures["geomap"]])
    fast = median([f.interactive_ms for f in figures["fastmarkercluster"]])
    print(f"  interactive: FastMarkerCluster / geomap = {fast / ours:.2f} (geomap target <= 5 s)")
    if "baseline" in figures:
        base = median([f.interactive_ms for f in figures["baseline"]])
        print(f"  interactive: geomap / geomap at baseline = {ours / base:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-marker-events", type=int, default=2_000)
    parser.add_argument("--baseline-ref", help="also build geomap's page at this commit")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    collection = synthetic_collection(args.events)
    subset = {
        "type": "FeatureCollection",
        "features": collection["features"][: args.per_marker_events],
    }
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        baseline = None
        with contextmanager_or_none(args.baseline_ref) as tree:
            if tree is not None:
                events_path = folder / "events.json"
                events_path.write_text(json.dumps(collection), encoding="utf-8")
                baseline = (tree, events_path)
            cpu, pages = run_builds(collection, subset, args.rounds, folder, baseline)
        print_builds(cpu, pages, args.events, args.per_marker_events)
        if not args.no_browser:
            print_pages(run_pages(pages, args.rounds), args.events)
    return 0


@contextmanager
def contextmanager_or_none(ref: str | None) -> Iterator[Path | None]:
    if ref is None:
        yield None
        return
    with worktree(ref) as tree:
        yield tree


if __name__ == "__main__":
    raise SystemExit(main())
