"""Tests for geomap.render.assets: inlined Leaflet, scoped CSS and the outline basemap."""

from __future__ import annotations

import pytest

from geomap.render.assets import basemap_for, leaflet_assets, renderer_js, scope_css


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
