"""Browser tests for the map's clustering: cluster clicks, ring offsets and the phone layout.

The events are written here, at coordinates chosen against Leaflet's Web Mercator pixel grid,
so that what clusters at which zoom follows from the input: geomap.js puts places in one
cluster when map.project() puts them in the same clusterCellPx (64 px) square, below
clusterMaxZoom (11); places that share coordinates share one spot, and the markers of the
event types at one spot sit on a ring around it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from test_render_browser import (
    _GEOMETRY,
    CHROMIUM_ARGS,
    SCREENSHOTS,
    VIEWPORTS,
    _close_popup,
    _inside,
    _open,
    _overlap,
    _settle,
)

from geomap.export import FEATURE_PROPERTIES
from geomap.render import render_html
from geomap.render.styles import EVENT_STYLES

pytestmark = pytest.mark.browser

CELL_PX = 64  # geomap.render.page._CLUSTER_CELL_PX
CLUSTER_ZOOM = 5
MAP = "Object.values(window).find(v => v instanceof L.Map)"


def _lat_lon(x: float, y: float, zoom: int) -> tuple[float, float]:
    """The inverse of Leaflet's EPSG:3857 map.project(): world pixels at `zoom` to lat/lon."""
    size = 256 * 2**zoom
    lon = x / size * 360 - 180
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / size))))
    return round(lat, 6), round(lon, 6)


# One 64 px cell at zoom 5, around 42°N 74°E; three towns 12 px from its centre are in it.
_CELL_X, _CELL_Y = 90 * CELL_PX + CELL_PX / 2, 47 * CELL_PX + CELL_PX / 2
NEAR_TOWNS = {
    "Upper Ferry": _lat_lon(_CELL_X - 12, _CELL_Y - 10, CLUSTER_ZOOM),
    "Lower Ferry": _lat_lon(_CELL_X + 12, _CELL_Y - 10, CLUSTER_ZOOM),
    "Mill Bridge": _lat_lon(_CELL_X, _CELL_Y + 12, CLUSTER_ZOOM),
}
# Four cells east at zoom 5 (256 px): never in the towns' cluster.
RING_TOWN = _lat_lon(_CELL_X + 4 * CELL_PX, _CELL_Y, CLUSTER_ZOOM)
RING_TYPES = ("protest", "seizure", "clash", "arrest")


def _report(event_type: str, place: str, at: tuple[float, float], number: int) -> dict[str, Any]:
    lat, lon = at
    quote = f"Report {number}: a {event_type} in {place}."
    properties: dict[str, Any] = {
        "event_type": event_type,
        "place": place,
        "place_id": f"test:{place.lower().replace(' ', '-')}",
        "country_code": "KG",
        "admin1": "",
        "precision": "point",
        "inferred": False,
        "mentions": [place],
        "source": f"articles/{number:03d}.txt",
        "source_title": f"Story {number}",
        "source_date": f"2005-03-{20 + number % 5:02d}",
        "outlet": "Test Wire",
        "url": "",
        "date": None,
        "date_text": "",
        "quote": quote,
        "char_start": 0,
        "char_end": len(quote),
        "crowd_low": None,
        "crowd_high": None,
        "crowd_text": "",
        "killed": None,
        "injured": None,
        "arrested": 3 if event_type == "arrest" else None,
        "claimed_by": "",
        "disputed": False,
        "confidence": 0.8,
        "event_chance": 0.9,
        "report_id": f"r{number:03d}",
        "reviewed": False,
        "editor_note": "",
    }
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},  # GeoJSON order
        "properties": {name: properties[name] for name in FEATURE_PROPERTIES},
    }


def _collection() -> dict[str, Any]:
    reports = [_report("protest", name, at, n) for n, (name, at) in enumerate(NEAR_TOWNS.items())]
    reports.append(_report("arrest", "Mill Bridge", NEAR_TOWNS["Mill Bridge"], 3))
    reports += [_report(kind, "Ring Town", RING_TOWN, 10 + n) for n, kind in enumerate(RING_TYPES)]
    # A market with the town's very coordinates: one spot, so one seizure marker for both.
    reports.append(_report("seizure", "Ring Bazaar", RING_TOWN, 20))
    return {"type": "FeatureCollection", "features": reports}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def map_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cluster") / "cluster_map.html"
    html = render_html(_collection(), title="Clusters and rings", mode="self-contained")
    path.write_text(html, encoding="utf-8")
    return path


def _icons(page: Page) -> list[dict[str, Any]]:
    """Every marker icon: title, whether a cluster, and its box in page pixels."""
    found: list[dict[str, Any]] = page.eval_on_selector_all(
        ".geomap-icon",
        """nodes => nodes.map(n => {
          const r = n.getBoundingClientRect();
          return {title: n.title, cluster: !!n.querySelector('.geomap-cluster'),
            left: r.left, top: r.top, right: r.right, bottom: r.bottom,
            x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2};
        })""",
    )
    return found


def _set_view(page: Page, at: tuple[float, float], zoom: int) -> None:
    page.evaluate(f"([at, z]) => {MAP}.setView(at, z, {{animate: false}})", [list(at), zoom])
    _settle(page)


def _page_point(page: Page, at: tuple[float, float]) -> tuple[float, float]:
    x, y = page.evaluate(
        f"""at => {{
          const map = {MAP}, p = map.latLngToContainerPoint(at);
          const box = map.getContainer().getBoundingClientRect();
          return [box.left + p.x, box.top + p.y];
        }}""",
        list(at),
    )
    return float(x), float(y)


def _clear_of_controls(page: Page, markers: list[dict[str, Any]]) -> None:
    geometry = page.evaluate(_GEOMETRY)
    for marker in markers:
        assert _inside(marker, geometry["map"]), marker["title"]
        for control in geometry["controls"]:
            assert not _overlap(marker, control), (marker["title"], control["name"])


def test_three_towns_in_one_cell_are_one_cluster_per_type_until_clicked(
    browser: Browser, map_path: Path
) -> None:
    page, watch = _open(browser, map_path)
    _set_view(page, NEAR_TOWNS["Mill Bridge"], CLUSTER_ZOOM)
    icons = _icons(page)
    clusters = [i for i in icons if i["cluster"]]
    # Three protests at three towns and one arrest at one of them: one marker per type.
    assert sorted(i["title"] for i in clusters) == [
        "Arrest: 1 report at 3 places; click to zoom in",
        "Protest: 3 reports at 3 places; click to zoom in",
    ]
    assert not any("Ferry" in i["title"] or "Mill Bridge" in i["title"] for i in icons)
    # The two cluster markers sit on a ring of two, one above the other, not overlapping.
    upper, lower = sorted(clusters, key=lambda i: i["y"])
    assert upper["x"] == pytest.approx(lower["x"], abs=1)
    assert not _overlap(upper, lower)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "cluster_before_click.png"))

    page.locator(".geomap-icon[title^='Protest: 3 reports']").dispatch_event("click")
    _settle(page)
    zoom = page.evaluate(f"{MAP}.getZoom()")
    assert zoom > CLUSTER_ZOOM
    icons = _icons(page)
    assert not any(i["cluster"] for i in icons)
    titles = {i["title"] for i in icons}
    for name in NEAR_TOWNS:
        assert f"Protest at {name}: 1 report" in titles
    assert "Arrest at Mill Bridge: 1 report" in titles
    # Each town's markers are now drawn at the town itself: the cluster was spread.
    spread = [i for i in icons if any(f" at {name}:" in i["title"] for name in NEAR_TOWNS)]
    assert len(spread) == 4
    for name, at in NEAR_TOWNS.items():
        x, y = _page_point(page, at)
        (protest,) = [i for i in spread if i["title"].startswith(f"Protest at {name}:")]
        # Alone at its spot, or on a ring of two (Mill Bridge also has an arrest): 26 px
        # markers, so within 14 px (alone) or 18 px (ring of two) of the town.
        assert math.hypot(protest["x"] - x, protest["y"] - y) <= 18.5, name
    _clear_of_controls(page, spread)
    page.screenshot(path=str(SCREENSHOTS / "cluster_after_click.png"))
    assert watch.page_errors == []
    page.close()


def _ring(page: Page) -> list[dict[str, Any]]:
    return [i for i in _icons(page) if " at Ring Town" in i["title"]]


def test_markers_at_one_point_sit_on_a_ring_and_each_opens_its_own_popup(
    browser: Browser, map_path: Path
) -> None:
    page, watch = _open(browser, map_path)
    _set_view(page, RING_TOWN, 9)
    ring = _ring(page)
    # Four event types at Ring Town (the bazaar's seizure shares the town's marker).
    assert len(ring) == len(RING_TYPES)
    assert any(i["title"] == "Seizure at Ring Town / Ring Bazaar: 2 reports" for i in ring), [
        i["title"] for i in ring
    ]
    x, y = _page_point(page, RING_TOWN)
    radii = [math.hypot(i["x"] - x, i["y"] - y) for i in ring]
    # On one ring around the town, none at its centre, within the 44 px the layout keeps.
    assert max(radii) - min(radii) <= 1.5
    assert min(radii) >= 13 and max(radii) <= 44
    # Evenly spaced, starting at the top, in the legend's order of types.
    order = [s.event_type.value for s in EVENT_STYLES if s.event_type.value in RING_TYPES]
    for k, kind in enumerate(order):
        (icon,) = [i for i in ring if i["title"].startswith(kind.capitalize() + " at ")]
        angle = math.degrees(math.atan2(icon["y"] - y, icon["x"] - x))
        expected = -90 + 360 * k / len(order)
        assert abs((angle - expected + 180) % 360 - 180) <= 4, (kind, angle)
    # The discs do not overlap: centres at least one marker (26 px) apart.
    for a in ring:
        for b in ring:
            if a is not b:
                assert math.hypot(a["x"] - b["x"], a["y"] - b["y"]) >= 26
    page.screenshot(path=str(SCREENSHOTS / "cluster_ring.png"))

    # A real pointer click at each marker's centre opens that type's popup: none hides another.
    for kind in order:
        (icon,) = [i for i in _ring(page) if i["title"].startswith(kind.capitalize() + " at ")]
        page.mouse.click(icon["x"], icon["y"])
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        heading = popup.locator(".geomap-popup-title").inner_text()
        assert heading.startswith(kind.capitalize() + " · Ring Town"), heading
        _close_popup(page)
    assert watch.page_errors == []
    page.close()


def test_on_a_phone_fitted_markers_and_clusters_clear_the_legend_and_controls(
    browser: Browser, map_path: Path
) -> None:
    page, watch = _open(browser, map_path, viewport=VIEWPORTS["phone"])
    _settle(page)
    # The legend starts as a button on a phone.
    assert page.locator(".geomap-legend").get_by_text("Event types").is_hidden()
    icons = _icons(page)
    # The first view fits every place: the ring town and the three towns, as clusters or not.
    assert any(" at Ring Town" in i["title"] for i in icons)
    near = [i for i in icons if i["cluster"] or any(n in i["title"] for n in NEAR_TOWNS)]
    assert near
    _clear_of_controls(page, icons)
    page.screenshot(path=str(SCREENSHOTS / "cluster_phone_fitted.png"))

    clicks = 0
    while page.locator(".geomap-cluster").count():
        assert clicks < 3, "a cluster click should spread three towns within three clicks"
        page.locator(".geomap-icon:has(.geomap-cluster)").first.dispatch_event("click")
        _settle(page)
        clicks += 1
    spread = [i for i in _icons(page) if any(f" at {n}:" in i["title"] for n in NEAR_TOWNS)]
    titles = {i["title"] for i in spread}
    assert {f"Protest at {name}: 1 report" for name in NEAR_TOWNS} <= titles
    # The markers just fitted into view are all on the map and under no control.
    _clear_of_controls(page, spread)
    page.screenshot(path=str(SCREENSHOTS / "cluster_phone_after_click.png"))
    assert watch.page_errors == []
    page.close()
