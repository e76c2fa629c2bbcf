"""Tests for geomap.render.page: modes, reproducibility, escaping and the golden page."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import folium
import pytest

from geomap.errors import RenderError
from geomap.render import build_map, load_events_geojson, render_html
from geomap.render.assets import leaflet_assets
from geomap.render.element import script_safe_code, style_safe_code

FIXTURES = Path(__file__).parent / "fixtures" / "render"
GOLDEN = Path(__file__).parent / "golden" / "seed_map.html"
TITLE = "Protests in Kyrgyzstan, March 2005"
XSS_STRINGS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "</script><script>",
)


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return load_events_geojson(FIXTURES / "seed_events.geojson")


@pytest.fixture(scope="module")
def xss() -> dict[str, Any]:
    return load_events_geojson(FIXTURES / "xss_events.geojson")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _golden_form(html: str) -> str:
    """The page with inlined third-party code and basemap data replaced by their hashes.

    Still an exact comparison (any change in those bytes changes the hash), without
    committing Leaflet's code or megabytes of outlines as a test file.
    """
    js, css = leaflet_assets()
    html = html.replace(script_safe_code(js.text), f"/* {js.name} sha256:{_digest(js.text)} */")
    html = html.replace(style_safe_code(css.text), f"/* {css.name} sha256:{_digest(css.text)} */")
    return re.sub(
        r'(<script type="application/json" id="[^"]+_basemap">)([^<]*)(</script>)',
        lambda m: f"{m.group(1)}sha256:{_digest(m.group(2))}{m.group(3)}",
        html,
    )


def test_self_contained_page_matches_the_golden_file(
    seed: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    page = _golden_form(render_html(seed, title=TITLE, mode="self-contained"))
    update = request.config.getoption("--update-golden", default=False)
    if update or os.environ.get("GEOMAP_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(page, encoding="utf-8")
    assert page == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", ["default", "self-contained", "embed"])
def test_same_input_gives_byte_identical_html(seed: dict[str, Any], mode: str) -> None:
    first = render_html(seed, title=TITLE, mode=mode)  # type: ignore[arg-type]
    second = render_html(json.loads(json.dumps(seed)), title=TITLE, mode=mode)  # type: ignore[arg-type]
    assert first == second


def test_self_contained_page_references_nothing_outside_itself(seed: dict[str, Any]) -> None:
    page = render_html(seed, title=TITLE, mode="self-contained")
    assert "<script src" not in page
    assert "<link" not in page
    assert "tile.openstreetmap.org" not in page
    assert "cdn.jsdelivr.net" not in page
    assert "Leaflet 1.9.3" in page and "BSD-2-Clause" in page
    assert "GeoNames" in page and "Natural Earth" in page


def test_default_page_inlines_leaflet_and_only_tries_tiles(seed: dict[str, Any]) -> None:
    page = render_html(seed, title=TITLE, mode="default")
    # Leaflet from a CDN left offline readers a blank page ("L is not defined").
    assert "<script src" not in page and "<link" not in page
    assert "cdn.jsdelivr.net" not in page
    js, _ = leaflet_assets()
    assert script_safe_code(js.text) in page
    # The tile address is in the renderer's settings, tried at run time; the outline
    # basemap it falls back to is in the page.
    assert page.count("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == 1
    assert '_basemap">' in page
    self_contained = render_html(seed, title=TITLE, mode="self-contained")
    assert "tile.openstreetmap.org" not in self_contained
    # One data blob and one renderer, not one folium Marker per event: the page for one
    # event has as much marker code as the page for fifteen.
    one_event = {"type": "FeatureCollection", "features": seed["features"][:1]}
    assert page.count("L.marker(") == render_html(one_event, title=TITLE).count("L.marker(")
    assert page.count('_data">') == 1


def test_title_is_escaped_in_the_page_title(seed: dict[str, Any]) -> None:
    page = render_html(seed, title="<b>Kyrgyzstan</b> & co", mode="default")
    assert "<title>&lt;b&gt;Kyrgyzstan&lt;/b&gt; &amp; co</title>" in page


def test_build_map_returns_a_folium_map_for_notebooks(seed: dict[str, Any]) -> None:
    folium_map = build_map(seed, title=TITLE)
    assert isinstance(folium_map, folium.Map)
    assert "geomapRender" in folium_map._repr_html_()


def test_unknown_mode_is_a_render_error(seed: dict[str, Any]) -> None:
    with pytest.raises(RenderError, match="unknown map mode 'poster'"):
        render_html(seed, title=TITLE, mode="poster")  # type: ignore[arg-type]


def test_a_broken_collection_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="not a GeoJSON FeatureCollection"):
        render_html({"type": "Feature"}, title=TITLE)


@pytest.mark.parametrize("mode", ["default", "self-contained", "embed"])
def test_article_text_never_reaches_the_page_as_markup(xss: dict[str, Any], mode: str) -> None:
    page = render_html(xss, title="<script>alert(1)</script>", mode=mode)  # type: ignore[arg-type]
    for payload in XSS_STRINGS:
        assert payload not in page
    assert 'href="javascript' not in page.lower()
    assert "data:text/html" not in page


@pytest.mark.parametrize("mode", ["default", "self-contained", "embed"])
@pytest.mark.parametrize(
    "template", ["{{{ this.__init__.__globals__ }}", "{{% set x = 1 %}", "{{# note #}"]
)
def test_template_markup_in_article_text_is_never_evaluated(
    seed: dict[str, Any], mode: str, template: str
) -> None:
    # branca re-reads rendered output as a Jinja template. Three braces once slipped past
    # an escape that handled "{{" a pair at a time, and dumped Python module globals into
    # the page.
    feature = json.loads(json.dumps(seed["features"][0]))
    feature["properties"]["quote"] = template
    feature["properties"]["source_date"] = template
    collection = {"type": "FeatureCollection", "features": [feature]}
    page = render_html(collection, title=template, mode=mode)  # type: ignore[arg-type]
    assert "__builtins__" not in page and "branca.element" not in page
    (blob,) = re.findall(r'<script type="application/json" id="[^"]+[-_]data">(.*?)</script>', page)
    # Escaped for the page, the text still reads back exactly as the article wrote it.
    assert template in json.dumps(json.loads(blob), ensure_ascii=False)


def test_embed_fragment_is_scoped_and_lists_events_as_text(seed: dict[str, Any]) -> None:
    fragment = render_html(seed, title=TITLE, mode="embed")
    scope = re.search(r'<div id="(gm[0-9a-f]{10})" class="geomap-embed">', fragment)
    assert scope is not None
    assert not fragment.lstrip().startswith(("<!DOCTYPE", "<html"))
    assert "<body" not in fragment and "<head" not in fragment
    style = re.search(r"<style>(.*?)</style>", fragment, flags=re.S)
    assert style is not None
    for rule in style.group(1).splitlines():
        if rule and not rule.startswith(("@", "}")):
            # Commas inside :where(...) belong to one selector.
            selectors = re.split(r",(?![^(]*\))", rule.split("{", 1)[0])
            assert all(s.startswith("#" + scope.group(1)) for s in selectors), rule
    # The text alternative: one row per record, here one per report, each with its quote
    # and source.
    assert fragment.count('<tr><td data-label="Event">') == 15
    assert "<q>Opposition leaders say 20,000 to 30,000 people were on the streets" in fragment
    # A claim says who made it, and a disputed figure says so.
    assert "crowd 20,000–30,000 (20,000–30,000 (“" in fragment
    assert "”) — Opposition leaders) <strong>(disputed)</strong>" in fragment
    assert '<td data-label="Place">Jalal-Abad, Jalal-Abad, KG</td>' in fragment
    # The one event known only to its country says so rather than naming a point.
    assert '<td data-label="Place">somewhere in Kyrgyzstan, KG</td>' in fragment
    assert "<cite>Kyrgyz protests hit second city</cite> · BBC News · 2005-03-21" in fragment


def test_two_different_embeds_get_different_scopes(seed: dict[str, Any]) -> None:
    osh_only = {
        "type": "FeatureCollection",
        "features": [f for f in seed["features"] if f["properties"]["place"] == "Osh"],
    }
    first = render_html(seed, title=TITLE, mode="embed")
    second = render_html(osh_only, title=TITLE, mode="embed")
    ids = [re.findall(r'id="(gm[0-9a-f]{10})"', html) for html in (first, second)]
    assert ids[0] and ids[1] and ids[0][0] != ids[1][0]


def test_http_links_are_links_and_other_sources_show_the_file(seed: dict[str, Any]) -> None:
    linked = json.loads(json.dumps(seed))
    linked["features"][0]["properties"]["url"] = "https://example.org/kyrgyz-report"
    fragment = render_html(linked, title=TITLE, mode="embed")
    assert (
        '<a href="https://example.org/kyrgyz-report" rel="noopener noreferrer nofollow">'
        in fragment
    )
    assert "<cite>seeds/001_a06f24123c493c60.txt</cite> · RFE/RL" in fragment


def test_a_long_text_alternative_is_split_into_pages_the_first_one_open(
    seed: dict[str, Any],
) -> None:
    # 60 events: pages of 25, 25 and 10, in input order.
    features = [json.loads(json.dumps(f)) for _ in range(4) for f in seed["features"]]
    for number, feature in enumerate(features):
        feature["properties"]["quote"] = f"Quote number {number}."
    fragment = render_html({"type": "FeatureCollection", "features": features}, mode="embed")
    pages = re.findall(r'<details class="geomap-page"( open)?><summary>([^<]*)</summary>', fragment)
    assert pages == [
        (" open", "Events 1–25 of 60"),
        ("", "Events 26–50 of 60"),
        ("", "Events 51–60 of 60"),
    ]
    quotes = [int(n) for n in re.findall(r"<q>Quote number (\d+)\.</q>", fragment)]
    assert quotes == list(range(60))
    # A reports collection is listed one report per row, and says so.
    assert "Map of reported events: 60 reports and their sources, events 26–50 of 60" in fragment


def test_a_records_collection_is_drawn_and_listed_one_row_per_event() -> None:
    from test_render_payload import _records  # a seizure told by two outlets, a protest

    records = _records()
    fragment = render_html(records, title=TITLE, mode="embed")
    assert fragment.count('<tr><td data-label="Event">') == 2
    assert f"{TITLE}: 2 events and their sources" in fragment
    assert "Seizure (Violent demonstration)" in fragment
    assert "2 reports, confirmed by 2 sources" in fragment
    assert "1 report from 1 source" in fragment
    # The protest's crowd with each claim and who made it; a toll of 0 is a figure.
    assert "crowd 300–1,000 (300–400 (“300 to 400”) — no claimant named; " in fragment
    assert "1,000 (“About 1,000”) — reports); killed 0 <strong>(disputed)</strong>" in fragment
    # Only a web link is a link: not the javascript: address of the second report.
    assert '<a href="https://www.rferl.org/a/1.html"' in fragment
    assert "javascript:" not in fragment
