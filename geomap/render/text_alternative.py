"""An HTML table of every event and its source, for screen readers and readers without JS."""

from __future__ import annotations

from html import escape
from typing import Any

from geomap.model import Precision
from geomap.render.payload import safe_href
from geomap.render.styles import EVENT_STYLES

__all__ = ["PAGE_SIZE", "events_table"]

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


# Column headings; each cell also carries its heading, which a narrow embed shows beside the
# value when the rows reflow into one card per event (geomap.css).
_COLUMNS = ("Event", "Place", "Date", "Figures", "Quote", "Source")

# Longer lists are split into pages, each a <details> of its own, so that a reader on a phone
# is not handed one 20,000-pixel column; the first page starts open.
PAGE_SIZE = 25


def _row(properties: dict[str, Any]) -> str:
    date = properties.get("date") or properties.get("source_date") or ""
    cells = (
        escape(_LABELS[properties["event_type"]]),
        _place_cell(properties),
        escape(date),
        _figures_cell(properties),
        _quote_cell(properties),
        _source_cell(properties),
    )
    return (
        "<tr>"
        + "".join(f'<td data-label="{c}">{v}</td>' for c, v in zip(_COLUMNS, cells, strict=True))
        + "</tr>"
    )


def _table(rows: list[str], caption: str) -> str:
    head = "".join(f"<th scope=col>{c}</th>" for c in _COLUMNS)
    return (
        f"<table><caption>{escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead>"
        "<tbody>" + "\n".join(rows) + "</tbody></table>"
    )


def events_table(collection: dict[str, Any], caption: str) -> str:
    """One row per event, in input order; every value HTML-escaped.

    Up to PAGE_SIZE events make one table; more make one table per page, each inside a
    <details> whose summary says which events it holds.
    """
    rows = [_row(feature["properties"]) for feature in collection["features"]]
    if len(rows) <= PAGE_SIZE:
        return _table(rows, caption)
    pages = []
    for first in range(0, len(rows), PAGE_SIZE):
        last = min(first + PAGE_SIZE, len(rows))
        span = f"events {first + 1}–{last} of {len(rows)}"
        pages.append(
            f'<details class="geomap-page"{" open" if first == 0 else ""}>'
            f"<summary>{span.capitalize()}</summary>"
            + _table(rows[first:last], f"{caption}, {span}")
            + "</details>"
        )
    return "\n".join(pages)
