"""An HTML table of every event and its source, for screen readers and readers without JS."""

from __future__ import annotations

from html import escape
from typing import Any

from geomap.model import Precision
from geomap.render.payload import safe_href
from geomap.render.styles import EVENT_STYLES

__all__ = ["events_table"]

_LABELS = {style.event_type.value: style.label for style in EVENT_STYLES}
_VAGUE = frozenset({Precision.REGION.value, Precision.COUNTRY.value})


def _place_cell(properties: dict[str, Any]) -> str:
    name = properties.get("place", "")
    parts = [name, properties.get("admin1", ""), properties.get("country_code", "")]
    text = ", ".join(p for p in parts if p)
    if properties.get("precision") in _VAGUE:
        # Known only to a region or country: the point is that area's centre, not a site.
        text = "somewhere in " + text
    spellings = [m for m in properties.get("mentions", []) if m.lower() != name.lower()]
    if spellings:
        text += ", written " + ", ".join(f"‘{s}’" for s in dict.fromkeys(spellings))
    return escape(text)


def _figures_cell(properties: dict[str, Any]) -> str:
    figures = []
    low, high = properties.get("crowd_low"), properties.get("crowd_high")
    if low is not None:
        figures.append(f"crowd {low:,}" + (f"–{high:,}" if high and high != low else ""))
    for name in ("killed", "injured", "arrested"):
        if properties.get(name) is not None:
            figures.append(f"{name} {properties[name]:,}")
    text = "; ".join(figures)
    if properties.get("claimed_by"):
        text += (" — claimed by " if text else "according to ") + properties["claimed_by"]
    cell = escape(text)
    if properties.get("disputed"):
        cell += " <strong>(disputed)</strong>"
    return cell


def _source_cell(properties: dict[str, Any]) -> str:
    title = properties.get("source_title") or properties.get("source", "")
    href = safe_href(properties.get("url", ""))
    if href:
        cell = f'<a href="{escape(href)}" rel="noopener noreferrer nofollow">{escape(title)}</a>'
    else:
        cell = f"<cite>{escape(title)}</cite>"
    details = [properties.get("outlet", ""), properties.get("source_date") or ""]
    if not href and properties.get("source") and properties.get("source") != title:
        details.append("file " + properties["source"])
    rest = " · ".join(d for d in details if d)
    return cell + (" · " + escape(rest) if rest else "")


def _quote_cell(properties: dict[str, Any]) -> str:
    cell = f"<q>{escape(properties.get('quote', ''))}</q>"
    if properties.get("reviewed"):
        # The map's ✓ mark, in words (geomap.corrections); the note is the editor's text.
        note = properties.get("editor_note", "")
        cell += " <strong>(reviewed by an editor)</strong>" + (f" {escape(note)}" if note else "")
    return cell


def events_table(collection: dict[str, Any], caption: str) -> str:
    """One row per event, in input order; every value HTML-escaped."""
    rows = []
    for feature in collection["features"]:
        properties = feature["properties"]
        date = properties.get("date") or properties.get("source_date") or ""
        rows.append(
            "<tr>"
            f"<td>{escape(_LABELS[properties['event_type']])}</td>"
            f"<td>{_place_cell(properties)}</td>"
            f"<td>{escape(date)}</td>"
            f"<td>{_figures_cell(properties)}</td>"
            f"<td>{_quote_cell(properties)}</td>"
            f"<td>{_source_cell(properties)}</td>"
            "</tr>"
        )
    return (
        f"<table><caption>{escape(caption)}</caption>"
        "<thead><tr><th scope=col>Event</th><th scope=col>Place</th><th scope=col>Date</th>"
        "<th scope=col>Figures</th><th scope=col>Quote</th><th scope=col>Source</th></tr></thead>"
        "<tbody>" + "\n".join(rows) + "</tbody></table>"
    )
