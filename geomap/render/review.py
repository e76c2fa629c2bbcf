"""The editor's review page: the map, plus tools that write a corrections file (build --review).

The page is the self-contained map (it makes no request and needs no server) with
geomap/assets/review added: buttons on every report for drop, move, retype, figures and
note, a panel to add a missed event, and "Download corrections", which writes the file that
`geomap build --corrections FILE` reads (geomap.corrections). Changes are kept in the
browser's localStorage until they are downloaded.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
from collections.abc import Sequence
from typing import Any, cast

from branca.element import Element

from geomap.render.adapt import as_records
from geomap.render.contract import validate_feature_collection
from geomap.render.element import script_safe_code, style_safe_code
from geomap.render.page import build_map
from geomap.render.payload import script_safe_json
from geomap.render.styles import EVENT_STYLES
from geomap.report_filter import default_filter
from geomap.schema import is_finite_number

__all__ = ["render_review_html", "review_data"]


def _asset(name: str) -> str:
    return (importlib.resources.files("geomap") / "assets" / "review" / name).read_text("utf-8")


def _review_script() -> str:
    # The renderer's DOM helpers (util.js: el, isWebLink, number) in the review tools' own
    # scope, so the two pages build text nodes one way and the helpers are written once.
    util = (importlib.resources.files("geomap") / "assets" / "renderer" / "util.js").read_text(
        "utf-8"
    )
    return "(function () {\n" + util + "\n" + _asset("review.js") + "\n})();\n"


def review_data(
    collection: dict[str, Any], title: str, corrections: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """What the review tools read: each report's id (in payload order), the chance of
    those the report filter doubts, the entries the page was built with, and the
    localStorage key its changes are kept under."""
    base = list(corrections)
    reports = [
        report
        for feature in as_records(collection)["features"]
        for report in feature["properties"]["reports"]
    ]
    # One key per map title and corrections file: after a rebuild with the downloaded file
    # the page starts clean, while reloading the same page keeps the changes not yet saved.
    basis = title + "\0" + json.dumps(base, ensure_ascii=False, sort_keys=True)
    return {
        # The renderer names a report by its place in the payload's reports table: the
        # reports of each record in turn (a reports collection: one per feature, in order).
        "ids": [report.get("report_id", "") for report in reports],
        # The reports the report filter doubts (its chance, else null): checked first.
        "doubts": [_doubt(report) for report in reports],
        "corrections": base,
        "storageKey": "geomap-review:" + hashlib.sha256(basis.encode()).hexdigest()[:16],
        "types": [{"key": s.event_type.value, "label": s.label} for s in EVENT_STYLES],
    }


def _doubt(report: dict[str, Any]) -> float | None:
    chance = report.get("event_chance")
    if not is_finite_number(chance):
        return None  # a region's or country's report, or one an editor changed
    value = float(cast(float, chance))
    return value if default_filter().doubts(value) else None


def render_review_html(
    features: dict[str, Any], *, title: str = "", corrections: Sequence[dict[str, Any]] = ()
) -> str:
    """The review page as HTML; `corrections` are the entries the events were built with."""
    collection = validate_feature_collection(features)
    folium_map = build_map(collection, title=title, mode="self-contained")
    figure = folium_map.get_root()
    data = script_safe_json(review_data(collection, title, corrections))
    # The data first: the tools read it as they load, before the map is drawn.
    figure.header.add_child(  # type: ignore[attr-defined]
        Element(
            f"<style>{style_safe_code(_asset('review.css'))}</style>\n"
            f'<script type="application/json" id="geomap-review-data">{data}</script>\n'
            f"<script>{script_safe_code(_review_script())}</script>"
        ),
        name="geomap_review",
    )
    html: str = figure.render()
    return html
