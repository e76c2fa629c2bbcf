"""Where the page's JS, CSS and basemap come from: registry packages and committed data."""

from __future__ import annotations

import base64
import functools
import importlib.resources
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geomap.errors import RenderError

__all__ = [
    "RENDERER_PARTS",
    "VendorAsset",
    "basemap_for",
    "leaflet_assets",
    "renderer_css",
    "renderer_js",
    "scope_css",
]

_LEAFLET_NOTICE = (
    "Leaflet {version}, https://leafletjs.com, BSD-2-Clause licence, "
    "(c) 2010-2022 Vladimir Agafonkin, (c) 2010-2011 CloudMade; "
    "inlined from the PyPI package XStatic-Leaflet"
)


@dataclass(frozen=True)
class VendorAsset:
    """A third-party file inlined into a page, with the licence notice kept beside it."""

    name: str  # file name in its package, e.g. "leaflet.js"
    text: str
    notice: str


def _leaflet_files() -> tuple[Any, str]:
    try:
        import xstatic.pkg.leaflet as xstatic_leaflet
    except ImportError as error:
        raise RenderError(
            "maps need the XStatic-Leaflet package (pip install XStatic-Leaflet)"
        ) from error
    return importlib.resources.files(xstatic_leaflet) / "data", str(xstatic_leaflet.VERSION)


@functools.lru_cache(maxsize=1)
def leaflet_assets() -> tuple[VendorAsset, VendorAsset]:
    """leaflet.js and leaflet.css, ready to inline: no source map, images as data URIs."""
    data, version = _leaflet_files()
    notice = _LEAFLET_NOTICE.format(version=version)
    js = (data / "leaflet.js").read_text(encoding="utf-8")
    # A sourceMappingURL makes developer tools fetch a file that is not there.
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)

    def inline_image(match: re.Match[str]) -> str:
        image = (data / "images" / match.group(1)).read_bytes()
        return "url(data:image/png;base64," + base64.b64encode(image).decode("ascii") + ")"

    css = (data / "leaflet.css").read_text(encoding="utf-8")
    css = re.sub(r"url\(images/([\w.-]+\.png)\)", inline_image, css)
    return VendorAsset("leaflet.js", js, notice), VendorAsset("leaflet.css", css, notice)


# geomap/assets ships as package data beside this subpackage.
_ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"


def _geomap_asset(*parts: str) -> str:
    return _ASSETS_DIR.joinpath(*parts).read_text(encoding="utf-8")


# geomap's renderer, one file per part (render.js says what each holds), joined in this order
# inside one function scope: each part only declares functions and values, and render.js's
# `render` becomes window.geomapRender.
RENDERER_PARTS = (
    "util.js",
    "basemap.js",
    "data.js",
    "popups.js",
    "clustering.js",
    "controls.js",
    "layout.js",
    "render.js",
)
_RENDERER_OPEN = (
    "/* geomap event renderer (MIT, part of geomap): geomap/assets/renderer/*.js */\n"
    "(function () {\n"
    '"use strict";\n'
    "if (window.geomapRender) {\n"
    "  return; // a second map on the same page reuses the first copy\n"
    "}\n"
)
_RENDERER_CLOSE = "window.geomapRender = render;\n})();\n"


@functools.lru_cache(maxsize=1)
def renderer_js() -> str:
    """geomap's own browser-side renderer (markers, popups, legend, filters), as one script."""
    parts = [_geomap_asset("renderer", name) for name in RENDERER_PARTS]
    return _RENDERER_OPEN + "\n".join(parts) + _RENDERER_CLOSE


@functools.lru_cache(maxsize=1)
def renderer_css() -> str:
    return _geomap_asset("renderer", "geomap.css")


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, Any]:
    countries: dict[str, Any] = json.loads(_geomap_asset("basemap", "countries.json"))
    return countries


@functools.lru_cache(maxsize=1)
def _admin1() -> dict[str, Any]:
    admin1: dict[str, Any] = json.loads(_geomap_asset("basemap", "admin1.json"))
    return admin1


@functools.lru_cache(maxsize=1)
def _cities() -> list[list[Any]]:
    cities: list[list[Any]] = json.loads(_geomap_asset("basemap", "cities.json"))["cities"]
    return cities


# Cities of this rank or lower (capitals 0, 5 million 1, a million 2) are labelled worldwide;
# the smaller ones (300,000 and 100,000) only in the countries that have events.
_WORLD_LABEL_RANK = 2


def basemap_for(country_codes: frozenset[str]) -> dict[str, Any]:
    """World country outlines, first-level regions of the countries that have events, and
    city labels: [lat, lon, name, rank] for capitals and large cities."""
    countries = _countries()
    admin1 = _admin1()
    codes = {code.upper() for code in country_codes}
    regions = [feature for code in sorted(codes) for feature in admin1["countries"].get(code, [])]
    labels = [
        [lat, lon, name, rank]
        for lat, lon, name, code, rank in _cities()
        if rank <= _WORLD_LABEL_RANK or code in codes
    ]
    return {
        "countries": {"type": "FeatureCollection", "features": countries["features"]},
        "admin1": {"type": "FeatureCollection", "features": regions},
        "cities": labels,
    }


_ROOT_SELECTORS = re.compile(r"^(html|body|:root)\b")


def _scope_selectors(selectors: str, scope: str) -> str:
    scoped = []
    for selector in selectors.split(","):
        selector = selector.strip()
        if not selector:
            continue
        if _ROOT_SELECTORS.match(selector):
            scoped.append(_ROOT_SELECTORS.sub(scope, selector, count=1))
        else:
            scoped.append(f"{scope} {selector}")
    return ",".join(scoped)


def scope_css(css: str, scope: str) -> str:
    """Prefix every selector with `scope` (e.g. "#geomap-1a2b"), inside @media blocks too.

    Enough for plain stylesheets like Leaflet's and ours: rules, comments, @media and
    @container.
    """
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out: list[str] = []
    position = 0
    while position < len(css):
        brace = css.find("{", position)
        if brace < 0:
            break
        prelude = css[position:brace].strip()
        depth, end = 1, brace + 1
        while depth and end < len(css):
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        body = css[brace + 1 : end - 1]
        if prelude.startswith(("@media", "@supports", "@container")):
            out.append(f"{prelude}{{{scope_css(body, scope)}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body.strip()}}}")
        else:
            declarations = " ".join(body.split())
            out.append(f"{_scope_selectors(prelude, scope)}{{{declarations}}}")
        position = end
    return "\n".join(out) + "\n"
