"""A still image of the map (PNG or SVG) for print and social posts: matplotlib, no browser.

The same events, symbols, legend and title as the HTML map, drawn on the offline outline
basemap. Byte for byte reproducible: no timestamps or tool versions in the file, fixed SVG ids.
"""

from __future__ import annotations

import io
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

from geomap.errors import RenderError
from geomap.render import assets
from geomap.render.adapt import as_records
from geomap.render.contract import validate_feature_collection
from geomap.render.styles import CROWD_CAP_PERSONS, EVENT_STYLES, EventStyle, crowd_radius_px

__all__ = ["STILL_SIZE_PX", "StillFormat", "render_still"]

StillFormat = Literal["png", "svg"]

# Sized for the web at the default 100 dpi; --dpi scales the pixels, not the layout.
STILL_SIZE_PX = (1600, 1000)
_BASE_DPI = 100

_MARKER_PT = 13.0  # marker diameter in points, like the HTML map's 26 px at 2 px per point
_VAGUE_GEO_PRECISION = 3  # ACLED: known only to a region or country
_SEA, _LAND, _BORDER, _REGION = "#cfe1ec", "#f4f1ea", "#8a8a8a", "#b5b5b5"
_ATTRIBUTION = (
    "Places: GeoNames (CC BY 4.0) · Outlines: Natural Earth (public domain) · Made with geomap"
)


@dataclass(frozen=True)
class _Spot:
    """One place and one event type: a marker, as on the HTML map, with its records' count
    and crowd range."""

    lat: float
    lon: float
    place: str
    style: EventStyle
    count: int
    vague: bool
    crowd_low: int
    crowd_high: int


def _spots(collection: dict[str, Any]) -> list[_Spot]:
    """One spot per place and type, counting event records (a report of a reports
    collection is one), with the crowd range of those records."""
    groups: dict[tuple[float, float, str, str], list[dict[str, Any]]] = defaultdict(list)
    for feature in as_records(collection)["features"]:
        # GeoJSON stores [lon, lat].
        lon, lat = (round(float(c), 5) for c in feature["geometry"]["coordinates"])
        properties = feature["properties"]
        groups[(lat, lon, properties.get("place", ""), properties["event_type"])].append(properties)
    styles = {style.event_type.value: style for style in EVENT_STYLES}
    spots = []
    for (lat, lon, place, kind), records in sorted(groups.items()):
        lows = [r["size_low"] for r in records if r.get("size_low")]
        highs = [r.get("size_high") or r["size_low"] for r in records if r.get("size_low")]
        spots.append(
            _Spot(
                lat=lat,
                lon=lon,
                place=str(place),
                style=styles[kind],
                count=len(records),
                vague=all(r.get("geo_precision") == _VAGUE_GEO_PRECISION for r in records),
                crowd_low=min(lows, default=0),
                crowd_high=max(highs, default=0),
            )
        )
    return spots


def _extent(spots: list[_Spot]) -> tuple[float, float, float, float]:
    """West, east, south, north: the events with a margin, at the image's aspect ratio."""
    if not spots:
        return -180.0, 180.0, -60.0, 80.0
    lats = [s.lat for s in spots]
    lons = [s.lon for s in spots]
    mid_lat = (min(lats) + max(lats)) / 2
    stretch = 1 / max(0.2, math.cos(math.radians(mid_lat)))
    # At least about 3 degrees across, so that one town shows its surroundings.
    half_h = max((max(lats) - min(lats)) * 0.75, 1.5)
    half_w = max((max(lons) - min(lons)) * 0.75, 1.5)
    ratio = STILL_SIZE_PX[0] / STILL_SIZE_PX[1]
    # On screen a degree of latitude is `stretch` degrees of longitude long.
    half_w = max(half_w, half_h * ratio * stretch)
    half_h = max(half_h, half_w / (ratio * stretch))
    mid_lon = (min(lons) + max(lons)) / 2
    return mid_lon - half_w, mid_lon + half_w, mid_lat - half_h, mid_lat + half_h


def _ring(n: int) -> list[tuple[float, float]]:
    # Markers of different types at one place sit on a ring (points), as in geomap.js.
    if n == 1:
        return [(0.0, 0.0)]
    radius = _MARKER_PT / 2 + 1 if n == 2 else (_MARKER_PT + 1) / (2 * math.sin(math.pi / n))
    return [
        (
            radius * math.cos(-math.pi / 2 + 2 * math.pi * k / n),
            -radius * math.sin(-math.pi / 2 + 2 * math.pi * k / n),
        )
        for k in range(n)
    ]


def _draw_basemap(axes: Any, country_codes: frozenset[str]) -> None:
    import geopandas

    basemap = assets.basemap_for(country_codes)
    countries = geopandas.GeoDataFrame.from_features(basemap["countries"]["features"])
    countries.plot(ax=axes, color=_LAND, edgecolor=_BORDER, linewidth=0.6, zorder=1)
    if basemap["admin1"]["features"]:
        regions = geopandas.GeoDataFrame.from_features(basemap["admin1"]["features"])
        regions.boundary.plot(ax=axes, color=_REGION, linewidth=0.4, linestyle="--", zorder=2)


def _draw_labels(axes: Any, spots: list[_Spot], country_codes: frozenset[str]) -> None:
    from matplotlib import patheffects

    west, east = axes.get_xlim()
    south, north = axes.get_ylim()
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    named = set()
    for spot in spots:
        if spot.place in named:
            continue
        named.add(spot.place)
        axes.annotate(
            spot.place,
            (spot.lon, spot.lat),
            xytext=(0, -22),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=10,
            parse_math=False,
            fontweight="bold",
            color="#111",
            path_effects=halo,
            zorder=6,
        )
    for lat, lon, name, _rank in assets.basemap_for(country_codes)["cities"]:
        if name in named or not (west < lon < east and south < lat < north):
            continue
        axes.plot(lon, lat, "o", markersize=3, color="#555", zorder=3)
        axes.annotate(
            name,
            (lon, lat),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            parse_math=False,
            color="#333",
            path_effects=halo,
            zorder=3,
        )


def _draw_events(axes: Any, spots: list[_Spot]) -> None:
    from matplotlib.transforms import offset_copy

    by_place: dict[tuple[float, float], list[_Spot]] = defaultdict(list)
    for spot in spots:
        by_place[(spot.lat, spot.lon)].append(spot)
    order = [style.event_type for style in EVENT_STYLES]
    # A crowd is drawn in the crowd's colour whichever record carries it (a protest's, a
    # seizure's), as on the HTML map.
    crowd = next(s.color for s in EVENT_STYLES if s.event_type.value == "crowd")
    figure = axes.get_figure()
    for (lat, lon), here in sorted(by_place.items()):
        here.sort(key=lambda s: order.index(s.style.event_type))
        for spot, (dx, dy) in zip(here, _ring(len(here)), strict=True):
            if spot.crowd_high:
                # Circle radius in points equals the HTML map's in pixels; area ∝ crowd, capped.
                for size, alpha in ((spot.crowd_high, 0.12), (spot.crowd_low, 0.25)):
                    axes.plot(
                        lon,
                        lat,
                        "o",
                        markersize=2 * crowd_radius_px(size),
                        alpha=alpha,
                        markerfacecolor=crowd,
                        markeredgecolor=crowd,
                        zorder=4,
                    )
                if spot.crowd_high > CROWD_CAP_PERSONS:
                    over = 2 * crowd_radius_px(spot.crowd_high) + 8
                    axes.plot(
                        lon,
                        lat,
                        "o",
                        markersize=over,
                        markerfacecolor="none",
                        markeredgecolor=crowd,
                        zorder=4,
                    )
            shifted = offset_copy(axes.transData, fig=figure, x=dx, y=dy, units="points")
            axes.plot(
                lon,
                lat,
                "o",
                transform=shifted,
                markersize=_MARKER_PT,
                markerfacecolor="white" if spot.vague else spot.style.color,
                markeredgecolor=spot.style.color if spot.vague else "white",
                markeredgewidth=1.6,
                linestyle="none",
                zorder=5,
            )
            if spot.count > 1:
                axes.annotate(
                    str(spot.count),
                    (lon, lat),
                    xytext=(dx + 6, dy + 6),
                    textcoords="offset points",
                    fontsize=7,
                    fontweight="bold",
                    ha="center",
                    va="center",
                    zorder=7,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#555", "lw": 0.6},
                )


def _draw_legend(axes: Any, spots: list[_Spot]) -> None:
    from matplotlib.lines import Line2D

    present = [s for s in EVENT_STYLES if any(spot.style == s for spot in spots)]
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=10,
            markerfacecolor=s.color,
            markeredgecolor="white",
            label=s.label,
        )
        for s in present
    ]
    if any(spot.vague for spot in spots):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markersize=10,
                markerfacecolor="white",
                markeredgecolor="#555",
                label="Known only to a region or country",
            )
        )
    if any(spot.crowd_high for spot in spots):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markersize=2 * crowd_radius_px(10_000),
                markerfacecolor="#009E73",
                alpha=0.25,
                markeredgecolor="#009E73",
                label=f"Crowd of 10,000 (circle area; capped at {CROWD_CAP_PERSONS:,})",
            )
        )
    if handles:
        axes.legend(
            handles=handles,
            loc="lower left",
            title="Event types",
            fontsize=9,
            title_fontsize=10,
            framealpha=0.95,
            borderpad=0.8,
            labelspacing=0.8,
        )


def render_still(
    features: dict[str, Any],
    *,
    title: str = "",
    image_format: StillFormat = "png",
    dpi: int = _BASE_DPI,
) -> bytes:
    """The map as a PNG or SVG image of STILL_SIZE_PX at 100 dpi (more pixels at a higher dpi)."""
    if image_format not in ("png", "svg"):
        raise RenderError(f"unknown image format {image_format!r}; use png or svg")
    if not 20 <= dpi <= 1200:
        raise RenderError(f"dpi {dpi} is out of range; use 20 to 1200")
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError as error:
        raise RenderError("still images need matplotlib (pip install matplotlib)") from error
    collection = validate_feature_collection(features)
    spots = _spots(collection)
    codes = frozenset(
        str(f["properties"].get("country_code", "")).upper()
        for f in collection["features"]
        if f["properties"].get("country_code")
    )
    with matplotlib.rc_context({"svg.hashsalt": "geomap", "font.family": "DejaVu Sans"}):
        figure = Figure(
            figsize=(STILL_SIZE_PX[0] / _BASE_DPI, STILL_SIZE_PX[1] / _BASE_DPI), dpi=_BASE_DPI
        )
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_facecolor(_SEA)
        west, east, south, north = _extent(spots)
        _draw_basemap(axes, codes)
        axes.set_xlim(west, east)
        axes.set_ylim(south, north)
        # Degrees of longitude shrink towards the poles; _extent chose limits of this aspect
        # and the image's ratio, so the map fills the image.
        axes.set_aspect(1 / max(0.2, math.cos(math.radians((south + north) / 2))))
        axes.set_axis_off()
        _draw_labels(axes, spots, codes)
        _draw_events(axes, spots)
        _draw_legend(axes, spots)
        if title:
            # Article and user text is plain text: "$" must not start matplotlib's mathtext.
            figure.text(
                0.5,
                0.975,
                title,
                ha="center",
                va="top",
                fontsize=20,
                parse_math=False,
                fontweight="bold",
                bbox={"fc": "white", "ec": "none", "alpha": 0.9},
            )
        figure.text(
            0.995,
            0.005,
            _ATTRIBUTION,
            ha="right",
            va="bottom",
            fontsize=8,
            parse_math=False,
            color="#333",
            bbox={"fc": "white", "ec": "none", "alpha": 0.8},
        )
        out = io.BytesIO()
        # No creation date or tool version in the file: the same events give the same bytes.
        metadata = {"Software": None} if image_format == "png" else {"Date": None, "Creator": None}
        figure.savefig(out, format=image_format, dpi=dpi, metadata=metadata)
    return out.getvalue()
