"""How each event type looks on the map: label, colour and an inline SVG glyph."""

from __future__ import annotations

from dataclasses import dataclass

from geomap.model import EventType

__all__ = [
    "CROWD_CAP_PERSONS",
    "CROWD_MIN_RADIUS_PX",
    "CROWD_PX_PER_SQRT_PERSON",
    "CROWD_SCALE",
    "EVENT_STYLES",
    "EventStyle",
    "crowd_radius_px",
]


@dataclass(frozen=True)
class EventStyle:
    """The legend entry of one event type; `glyph` is SVG path data in a 24x24 box."""

    event_type: EventType
    label: str
    color: str
    glyph: str


# Okabe-Ito colours stay distinguishable for the common colour-vision deficiencies, and each
# type also has its own glyph, so colour is never the only cue. Glyphs are stroked paths we
# draw ourselves: no icon font, nothing to fetch.
EVENT_STYLES: tuple[EventStyle, ...] = (
    EventStyle(EventType.PROTEST, "Protest", "#0072B2", "M8 20V4M8 5h10l-2.5 3.5L18 12H8"),
    EventStyle(EventType.SEIZURE, "Seizure", "#D55E00", "M4 20h16M6 20v-9l6-5 6 5v9M10 20v-5h4v5"),
    EventStyle(EventType.CLASH, "Clash", "#CC79A7", "M5 5l14 14M19 5L5 19M5 9V5h4M19 9V5h-4"),
    EventStyle(
        EventType.CROWD,
        "Crowd",
        "#009E73",
        "M6 11a2 2 0 1 0 .1 0M12 8a2 2 0 1 0 .1 0M18 11a2 2 0 1 0 .1 0"
        "M3 19c0-3 6-3 6 0M9 16c0-3 6-3 6 0M15 19c0-3 6-3 6 0",
    ),
    EventStyle(EventType.CASUALTIES, "Casualties", "#222222", "M12 4v16M5 9h14"),
    EventStyle(
        EventType.ARREST,
        "Arrest",
        "#E69F00",
        "M7 12a4 4 0 1 0 .1 0M17 12a4 4 0 1 0 .1 0M11 12h2M7 8V5M17 8V5",
    ),
)

# Reference crowd sizes drawn in the legend's scale. The last is also the cap.
CROWD_SCALE: tuple[int, ...] = (1_000, 10_000, 100_000)

# Circle area grows with crowd size, so the radius grows with its square root. The factor
# makes 10,000 people a 15 px radius: big enough to see, small enough not to bury a city.
CROWD_PX_PER_SQRT_PERSON = 0.15
CROWD_MIN_RADIUS_PX = 4.0
# Circles are in screen pixels, so an uncapped figure covers as much screen at every zoom:
# a (wrong) 1,000,000 near Paris covered all of Europe. Crowds above the legend's largest
# size are drawn at that size with a second ring, which the legend explains.
CROWD_CAP_PERSONS = CROWD_SCALE[-1]


def crowd_radius_px(size: int) -> float:
    """Circle radius in screen pixels for a crowd of `size` people (area ∝ size, capped)."""
    return max(CROWD_MIN_RADIUS_PX, CROWD_PX_PER_SQRT_PERSON * min(size, CROWD_CAP_PERSONS) ** 0.5)
