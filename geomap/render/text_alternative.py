"""An HTML table of every event record and its reports, for screen readers and readers
without JS."""

from __future__ import annotations

from html import escape
from typing import Any

from geomap.render.adapt import as_records
from geomap.render.payload import safe_href
from geomap.render.styles import EVENT_STYLES

__all__ = ["PAGE_SIZE", "events_table"]

_LABELS = {style.event_type.value: style.label for style in EVENT_STYLES}
_VAGUE_GEO_PRECISION = 3  # ACLED: a region or country


def _place_cell(properties: dict[str, Any]) -> str:
    parts = [properties.get("place", ""), properties.get("admin1", "")]
    text = ", ".join(p for p in [*parts, properties.get("country_code", "")] if p)
    if properties.get("geo_precision") == _VAGUE_GEO_PRECISION:
        # Known only to a region or country: the point is that area's centre, not a site.
        text = "somewhere in " + text
    return escape(text)


def _range(low: int, high: int | None) -> str:
    return f"{low:,}" + (f"–{high:,}" if high is not None and high != low else "")


def _claim(claim: dict[str, Any]) -> str:
    text = _range(claim["low"], claim.get("high"))
    if claim.get("text"):
        text += f" (“{claim['text']}”)"
    return text + " — " + (claim.get("claimed_by") or "no claimant named")


def _figures_cell(properties: dict[str, Any]) -> str:
    figures = []
    low = properties.get("size_low")
    if low is not None:
        claims = [_claim(c) for c in properties.get("size_claims", [])]
        figures.append(
            f"crowd {_range(low, properties.get('size_high'))}"
            + (" (" + "; ".join(claims) + ")" if claims else "")
        )
    for label, name in (("killed", "fatalities"), ("injured", "injuries"), ("arrested", "arrests")):
        if properties.get(name) is not None:
            figures.append(f"{label} {_range(properties[name], properties.get(name + '_high'))}")
    cell = escape("; ".join(figures))
    if properties.get("disputed"):
        cell += " <strong>(disputed)</strong>"
    return cell


def _source(item: dict[str, Any]) -> str:
    title = item.get("source_title") or item.get("source", "")
    href = safe_href(item.get("url", "")) or safe_href(item.get("source", ""))
    if href:
        cell = f'<a href="{escape(href)}" rel="noopener noreferrer nofollow">{escape(title)}</a>'
    else:
        cell = f"<cite>{escape(title)}</cite>"
    rest = " · ".join(d for d in (item.get("outlet", ""), item.get("date") or "") if d)
    return cell + (" · " + escape(rest) if rest else "")


def _report(item: dict[str, Any]) -> str:
    text = f"<q>{escape(item.get('quote', ''))}</q> {_source(item)}"
    if item.get("claimed_by"):
        text += " · according to " + escape(item["claimed_by"])
    if item.get("reviewed"):
        # The map's ✓ mark, in words (geomap.corrections); the note is the editor's text.
        note = item.get("editor_note", "")
        text += " <strong>(reviewed by an editor)</strong>" + (f" {escape(note)}" if note else "")
    return f"<li>{text}</li>"


def _reports_cell(properties: dict[str, Any]) -> str:
    n_sources = properties.get("n_sources", 0)
    n_reports = len(properties.get("reports", []))
    head = f"{n_reports} report{'s' if n_reports != 1 else ''}" + (
        f", confirmed by {n_sources} sources"
        if n_sources >= 2
        else f" from {n_sources} source{'s' if n_sources != 1 else ''}"
    )
    items = "".join(_report(item) for item in properties.get("reports", []))
    return f"{escape(head)}<ol>{items}</ol>"


def _type_cell(properties: dict[str, Any]) -> str:
    label = _LABELS[properties["event_type"]]
    sub = properties.get("sub_event_type", "")
    return escape(label + (f" ({sub})" if sub else ""))


# Column headings; each cell also carries its heading, which a narrow embed shows beside the
# value when the rows reflow into one card per event (geomap.css).
_COLUMNS = ("Event", "Place", "Date", "Figures", "Reports")

# Longer lists are split into pages, each a <details> of its own, so that a reader on a phone
# is not handed one 20,000-pixel column; the first page starts open.
PAGE_SIZE = 25


def _row(properties: dict[str, Any]) -> str:
    cells = (
        _type_cell(properties),
        _place_cell(properties),
        escape(properties.get("event_date") or "unknown"),
        _figures_cell(properties),
        _reports_cell(properties),
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
    """One row per event record (a report of a reports collection is one), in input order;
    every value HTML-escaped.

    Up to PAGE_SIZE rows make one table; more make one table per page, each inside a
    <details> whose summary says which rows it holds.
    """
    records = as_records(collection)
    rows = [_row(feature["properties"]) for feature in records["features"]]
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
