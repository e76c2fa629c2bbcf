"""Draw events on a map: a folium.Map for notebooks, or a reproducible HTML page or fragment."""

from __future__ import annotations

# First: folium imports requests, whose urllib3 binds a socket at import (see lazy_requests).
from geomap.render import lazy_requests  # noqa: F401
from geomap.render.contract import (
    drop_unwritable_features,
    load_events_geojson,
    validate_feature_collection,
)
from geomap.render.page import EMBED_HEIGHT_PX, RenderMode, build_map, render_html

__all__ = [
    "EMBED_HEIGHT_PX",
    "RenderMode",
    "build_map",
    "drop_unwritable_features",
    "load_events_geojson",
    "render_html",
    "validate_feature_collection",
]
