"""Benchmark geomap.render against plain folium Marker+Popup per event.

    python bench/bench_render.py [--events 100000] [--folium-events 10000]

Measures, in one run and on the same synthetic events:
- build time (features -> HTML string) for geomap's self-contained page and for folium with
  one Marker and Popup per event (folium on a subset; its time per event is extrapolated);
- HTML bytes per event, not counting the quote text;
- time to interactive of geomap's page in headless Chromium (file://, every non-local
  request blocked): from navigation start until the renderer has drawn its markers, and
  until a popup opens after a click.
Targets (issue 4): build >= 10x faster, <= 1/3 bytes per event, interactive within 5 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from html import escape
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geomap.export import FEATURE_PROPERTIES
from geomap.model import EventType
from geomap.render import render_html

# Chromium's own services look names up even headless: it asked DNS for accounts.google.com
# and android.clients.google.com with only the first flags below. The --disable-* flags turn
# the services off; the resolver rule makes any name lookup left fail inside the browser, so
# a run sends no DNS query at all (checked with strace). Pages are file: or 127.0.0.1, which
# need no lookup, and routed requests are answered before any lookup.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--metrics-recording-only",
    "--no-pings",
    "--dns-prefetch-disable",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
]
_VOCABULARY = (
    "protesters police government building crowd square city demonstrators opposition "
    "officials said reported gathered stormed regional administration election results "
    "security forces fled detained injured killed rally streets capital march thousands "
    "spokesman ministry interior witnesses according agency correspondent"
)
WORDS = tuple(_VOCABULARY.split(" "))
CLAIMANTS = ("Police", "Opposition leaders", "Interior Ministry spokesman", "Organisers", "")
COUNTRIES = ("KG", "KZ", "UZ", "TJ", "FR", "BR", "NG", "IN", "US", "GE")


def synthetic_collection(n_events: int, seed: int = 20050324) -> dict[str, Any]:
    """Realistic-looking events: ~2,000 places, ~1,000 articles, 150-300 character quotes."""
    rng = random.Random(seed)
    places = [
        (
            f"Town {i}",
            f"geonames:{100000 + i}",
            rng.choice(COUNTRIES),
            round(rng.uniform(-50, 60), 5),
            round(rng.uniform(-120, 140), 5),
        )
        for i in range(2000)
    ]
    sources = [
        (
            f"articles/{i:05d}.txt",
            f"Unrest continues after disputed vote, day {i % 30 + 1}",
            rng.choice(("RFE/RL", "BBC News", "AFP", "Reuters", "")),
            f"2005-03-{i % 28 + 1:02d}",
            f"https://news.example.org/story/{i}" if i % 2 else "",
        )
        for i in range(1000)
    ]
    features = []
    types = list(EventType)
    for number in range(n_events):
        name, place_id, country, lat, lon = rng.choice(places)
        path, title, outlet, date, url = rng.choice(sources)
        event_type = rng.choice(types)
        words = rng.choices(WORDS, k=rng.randint(25, 45))
        quote = (" ".join(words) + f" in {name}.").capitalize()
        low = high = killed = arrested = None
        if event_type is EventType.CROWD:
            low = rng.choice((500, 1000, 2000, 5000, 10000, 20000))
            high = low * rng.choice((1, 1, 2, 3))
        if event_type is EventType.CASUALTIES:
            killed = rng.randint(0, 12)
        if event_type is EventType.ARREST:
            arrested = rng.randint(1, 300)
        claimed_by = rng.choice(CLAIMANTS)
        properties = {
            "event_type": event_type.value,
            "place": name,
            "place_id": place_id,
            "country_code": country,
            "admin1": "",
            "precision": "point",
            "inferred": rng.random() < 0.2,
            "mentions": [name.upper()] if rng.random() < 0.1 else [name],
            "source": path,
            "source_title": title,
            "source_date": date,
            "outlet": outlet,
            "url": url,
            "date": date if rng.random() < 0.5 else None,
            "date_text": "on Sunday" if rng.random() < 0.3 else "",
            "quote": quote,
            "char_start": 0,
            "char_end": len(quote),
            "crowd_low": low,
            "crowd_high": high,
            "crowd_text": f"about {low:,} people" if low else "",
            "killed": killed,
            "injured": None,
            "arrested": arrested,
            "claimed_by": claimed_by,
            "disputed": bool(claimed_by) and rng.random() < 0.3,
            "confidence": 0.7,
            "report_id": f"r{number:06d}",
            "reviewed": False,
            "editor_note": "",
        }
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {k: properties[k] for k in FEATURE_PROPERTIES},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def folium_popup_html(p: dict[str, Any]) -> str:
    """What a careful folium user writes: the same fields as geomap's popup, escaped."""
    figures = []
    if p["crowd_low"]:
        figures.append(f"Crowd: {p['crowd_low']:,}–{p['crowd_high']:,}")
    for name in ("killed", "injured", "arrested"):
        if p[name] is not None:
            figures.append(f"{name.capitalize()}: {p[name]:,}")
    claim = f" — claimed by {escape(p['claimed_by'])}" if p["claimed_by"] else ""
    disputed = " <b>disputed</b>" if p["disputed"] else ""
    link = (
        f'<a href="{escape(p["url"])}" target="_blank">{escape(p["source_title"])}</a>'
        if p["url"]
        else escape(p["source_title"] or p["source"])
    )
    return (
        f"<b>{escape(p['event_type'].capitalize())} · {escape(p['place'])}</b><br>"
        f"Written: {escape(', '.join(p['mentions']))}<br>Date: {escape(p['date'] or '')}<br>"
        f"{escape('; '.join(figures))}{claim}{disputed}"
        f"<blockquote>{escape(p['quote'])}</blockquote>"
        f"Source: {link} · {escape(p['outlet'])} · {escape(p['source_date'] or '')}"
    )


def build_folium(collection: dict[str, Any]) -> str:
    import folium

    folium_map = folium.Map(location=[20, 0], zoom_start=2)
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        properties = feature["properties"]
        folium.Marker(
            [lat, lon],
            popup=folium.Popup(folium_popup_html(properties), max_width=320),
            tooltip=f"{properties['event_type']} at {properties['place']}",
        ).add_to(folium_map)
    html: str = folium_map.get_root().render()
    return html


def quote_bytes(collection: dict[str, Any], encode: Any) -> int:
    return sum(len(encode(f["properties"]["quote"]).encode()) for f in collection["features"])


def time_to_interactive(path: Path) -> tuple[float, float, int]:
    """Milliseconds from navigation start to markers drawn, and to a popup after a click."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file:", "data:"))
                else route.abort()
            ),
        )
        page.goto(path.as_uri(), timeout=120_000)
        page.wait_for_selector("[data-geomap-ready='1']", timeout=120_000)
        ready_ms = float(page.evaluate("performance.now()"))
        markers = int(page.locator(".geomap-marker").count())
        # A cluster zooms in on click; a place marker opens its popup. Use a place marker
        # after zooming in, else time a cluster click followed by the redraw.
        start = float(page.evaluate("performance.now()"))
        page.evaluate("""() => {
            const map = document.querySelector('.folium-map');
            const icon = map.querySelector('.geomap-icon');
            icon.dispatchEvent(new MouseEvent('click', {bubbles: true}));
        }""")
        page.wait_for_timeout(50)
        clicked_ms = float(page.evaluate("performance.now()")) - start
        browser.close()
    return ready_ms, clicked_ms, markers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--folium-events", type=int, default=10_000)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    collection = synthetic_collection(args.events)
    subset = {"type": "FeatureCollection", "features": collection["features"][: args.folium_events]}

    start = time.perf_counter()
    ours = render_html(collection, title="Synthetic benchmark", mode="self-contained")
    ours_s = time.perf_counter() - start
    # In the blob a quote is a JSON string; count it as written there.
    ours_quotes = quote_bytes(collection, lambda q: json.dumps(q, ensure_ascii=False))
    ours_per_event = (len(ours.encode()) - ours_quotes) / args.events

    start = time.perf_counter()
    theirs = build_folium(subset)
    folium_s = time.perf_counter() - start
    # folium puts the popup HTML into a JS string; the quote is escaped HTML in it.
    folium_quotes = quote_bytes(subset, lambda q: json.dumps(escape(q), ensure_ascii=False))
    folium_per_event = (len(theirs.encode()) - folium_quotes) / args.folium_events
    folium_s_extrapolated = folium_s / args.folium_events * args.events

    print(f"events: {args.events:,} (folium measured on {args.folium_events:,}, extrapolated)")
    print(
        f"build geomap: {ours_s:.2f} s for {args.events:,}  "
        f"({ours_s / args.events * 1e6:.1f} µs/event)"
    )
    print(
        f"build folium: {folium_s:.2f} s for {args.folium_events:,}  "
        f"({folium_s / args.folium_events * 1e6:.1f} µs/event; "
        f"{folium_s_extrapolated:.1f} s for {args.events:,})"
    )
    print(f"build speed-up: {folium_s_extrapolated / ours_s:.1f}x (target >= 10x)")
    print(
        f"page size geomap: {len(ours.encode()) / 1e6:.1f} MB; "
        f"folium subset: {len(theirs.encode()) / 1e6:.1f} MB"
    )
    print(f"bytes/event without quotes: geomap {ours_per_event:.0f}, folium {folium_per_event:.0f}")
    print(f"bytes ratio: {ours_per_event / folium_per_event:.3f} (target <= 0.333)")

    if not args.no_browser:
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "bench_map.html"
            path.write_text(ours, encoding="utf-8")
            ready_ms, clicked_ms, markers = time_to_interactive(path)
        print(
            f"time to interactive (geomap, {args.events:,} events): {ready_ms / 1000:.2f} s "
            f"(target <= 5 s); {markers} markers drawn; a click handled in {clicked_ms:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
