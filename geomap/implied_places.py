"""Places a text names without a place name: "the capital", "the Kyrgyz capital",
"Ecuador's National Assembly", and city-states named by their city's name.

`implied_places` adds them to the gazetteer's mentions (or puts them in place of one) before
sentences are judged, so that every later step treats them as any other mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from gazetteer import Kind, MatchType, Place, fold
from gazetteer.capitals import Capitals
from geomap.model import PlaceMention
from geomap.sentences import Span

__all__ = ["CAPITAL_RE", "SeatFinder", "implied_places", "story_country"]

# The score of a place the text names without its name ("the capital"): no gazetteer match.
IMPLIED_SCORE = 50.0


class SeatFinder(Protocol):
    """Where a country's capital, legislature or government sits in the story's year."""

    def __call__(self, country_code: str, body: str = "capital") -> Place | None: ...


class PlaceFinder(Protocol):
    """The gazetteer's place of a geonameid."""

    def __call__(self, geonameid: int) -> Place | None: ...


# "the capital", "the Kyrgyz capital", "the Sri Lankan capital" (not "the capital of X",
# which names X, nor "capital punishment").
_UPPER = r"[A-Z\u00c0-\u00de]"
CAPITAL_RE = re.compile(
    rf"\b[Tt]he\s+(?:(?P<people>{_UPPER}[\w'-]*(?:\s+{_UPPER}[\w'-]*)?)\s+)?capital\b"
    r"(?!\s+of\b)"
)


def implied_places(
    text: str,
    mentions: Sequence[PlaceMention],
    capital_of: SeatFinder,
    spans: Sequence[Span],
    place_of: PlaceFinder | None = None,
) -> list[PlaceMention]:
    """The mentions, with the places the text names without a place name.

    - "the capital", "the Kyrgyz capital": the capital of the country its adjective names,
      or of the story's country (the one its places lie in most often), when not followed
      by the capital's own name ("the capital, Bishkek", "the capital Bujumbura");
    - "Ecuador's National Assembly": a country's seat of power stands in its capital; the
      mention then spans the whole name ("Ecuador's National Assembly" is in Quito);
    - "outside the Storting", "marched on the Kremlin": a parliament or palace by its own
      name stands in its city (gazetteer/data/named_seats.tsv; `place_of` reads the city);
    - "Hong Kong", "Singapore": a country that is one city, named by the city's name, is
      the city (so a story about it names a city, whose scene carries).
    """
    country = story_country(mentions)
    named = {m.start for m in mentions}
    seats = [_seat_of_power(text, _city_state(m, capital_of), capital_of) for m in mentions]
    # Only a seat of power widens its mention ("Ecuador's National Assembly"); a capital
    # phrase inside one is part of that name.
    covered = [(m.start, m.end) for m, old in zip(seats, mentions, strict=True) if m is not old]
    capitals = []
    # CAPITAL_RE is case-sensitive and ends on the word "capital": a text without the word
    # has no match, and a substring test is far cheaper than scanning it with the pattern.
    for match in CAPITAL_RE.finditer(text) if "capital" in text else ():
        if _names_it_next(text, match.end(), named) or _inside(match.start(), covered):
            continue
        people = match.group("people")
        code = Capitals.default().country_of_adjective(people) if people else country
        place = capital_of(code) if code else None
        if place is not None:
            start, end = match.start(), match.end()
            capitals.append(
                PlaceMention(match.group(0), start, end, place, IMPLIED_SCORE, MatchType.ALIAS)
            )
    places = {m.place.geonameid for m in (*mentions, *capitals)}
    bodies = _national_bodies(text, spans, mentions, places, covered, country, capital_of)
    named_seats = _named_seats(text, spans, mentions, places, place_of) if place_of else []
    return sorted([*seats, *capitals, *bodies, *named_seats], key=lambda m: (m.start, m.end))


# "marched on the Parliament", "outside parliament", "stormed the National Assembly": a
# country's own legislature or palace, where people gather or go, stands in the seat of
# that body (the capital, unless gazetteer/data/seats.tsv names another city). The body
# follows its preposition or verb with no adjective between (the "regional parliament",
# the "Scottish Parliament" sit elsewhere), and a name right after it ("the parliament in
# Sofia") is the place itself.
_TOWARDS_A_SEAT = (
    r"\b(?:outside|in\s+front\s+of|on|to|towards|toward|at|near|into|storm(?:ed|ing)?|"
    r"surround(?:ed|ing)|besieg(?:ed|ing)|enter(?:ed|ing)|occup(?:ied|ying))\s+(?:the\s+)?"
)
_NATIONAL_BODY_RE = re.compile(
    _TOWARDS_A_SEAT + r"(?P<body>[Pp]arliament|National\s+Assembly|[Pp]residential\s+[Pp]alace|"
    r"Congress)(?:\s+(?:building|buildings|complex|grounds|compound|precinct|lawns))?\b"
)
_NAMED_AFTER_RE = re.compile(r"[,\s]*(?:(?:in|at|of|on)\s+(?:the\s+)?)?")


_NAMED_SEAT_RE = re.compile(
    _TOWARDS_A_SEAT
    + r"(?P<seat>"
    + "|".join(re.escape(name) for name in sorted(Capitals.default().named_seats, key=len)[::-1])
    + r")(?!\w)"
)


def _named_seats(
    text: str,
    spans: Sequence[Span],
    mentions: Sequence[PlaceMention],
    named_places: set[int],
    place_of: PlaceFinder,
) -> list[PlaceMention]:
    """ "protesters surrounded the Storting": Oslo, in a story that names Oslo elsewhere
    and no other place in the sentence (a story that never names the city is told from
    elsewhere, and a place of the sentence's own is where its events are)."""
    found = []
    named = sorted(m.start for m in mentions)
    span_starts = [s.start for s in spans]
    seats = Capitals.default().named_seats
    for match in _NAMED_SEAT_RE.finditer(text):
        start, end = match.start("seat"), match.end("seat")
        place = place_of(seats[match.group("seat")])
        if place is None or place.geonameid not in named_places or start in named:
            continue
        if _names_a_place_nearby(spans, span_starts, start, named):
            continue
        found.append(
            PlaceMention(text[start:end], start, end, place, IMPLIED_SCORE, MatchType.ALIAS)
        )
    return found


def _scene_elsewhere(cities: Sequence[PlaceMention], position: int, seat: set[int]) -> bool:
    """Whether the last city named before `position` is another city than the seat."""
    before = [m for m in cities if m.start < position]
    return bool(before) and before[-1].place.geonameid not in seat


def _names_a_place_nearby(
    spans: Sequence[Span], span_starts: Sequence[int], position: int, named: Sequence[int]
) -> bool:
    """Whether the sentence around `position` names a place of its own (`span_starts`:
    the sentences' starts; `named`: the mentions' starts, both in order)."""
    index = bisect_right(span_starts, position) - 1
    if index < 0:
        return False
    span = spans[index]
    first = bisect_left(named, span.start)
    return first < len(named) and named[first] < span.end


def _national_bodies(
    text: str,
    spans: Sequence[Span],
    mentions: Sequence[PlaceMention],
    named_places: set[int],
    covered: Sequence[tuple[int, int]],
    country: str | None,
    capital_of: SeatFinder,
) -> list[PlaceMention]:
    capital = capital_of(country) if country else None
    # A story that never names the capital is told elsewhere: a breakaway region's own
    # parliament, a province's palace.
    if country is None or capital is None or capital.geonameid not in named_places:
        return []
    found = []
    named = {m.start for m in mentions}
    starts = sorted(named)
    span_starts = [s.start for s in spans]
    cities = [m for m in mentions if m.place.kind is Kind.CITY]
    for match in _NATIONAL_BODY_RE.finditer(text):
        start, end = match.start("body"), match.end()
        place = capital_of(country, _body(match.group("body"))) or capital
        after = _NAMED_AFTER_RE.match(text, end)
        if (after is not None and after.end() in named) or _inside(start, covered):
            continue
        if _names_a_place_nearby(spans, span_starts, start, starts):
            continue  # "in Valparaiso, where police met protesters outside Congress"
        if _scene_elsewhere(cities, start, {place.geonameid, capital.geonameid}):
            continue  # after "in Tskhinvali": the breakaway republic's own parliament
        found.append(
            PlaceMention(text[start:end], start, end, place, IMPLIED_SCORE, MatchType.ALIAS)
        )
    return found


def story_country(mentions: Sequence[PlaceMention]) -> str | None:
    """The country a story's places lie in most often, else None (two as often)."""
    countries = Counter(m.place.country_code for m in mentions if m.place.country_code)
    top = countries.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None  # two countries as often: no telling whose capital
    return top[0][0]


_NAME_GAP_RE = re.compile(r"[,\s]*(?:city\s+of\s+)?")


def _names_it_next(text: str, end: int, named: set[int]) -> bool:
    # "the capital, Bishkek": the name that follows is the mention
    gap = _NAME_GAP_RE.match(text, end)
    return gap is not None and gap.end() in named


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _city_state(mention: PlaceMention, capital_of: SeatFinder) -> PlaceMention:
    place = mention.place
    if place.kind is not Kind.COUNTRY:
        return mention
    capital = capital_of(place.country_code)
    if capital is None or fold(capital.name) != fold(place.name):
        return mention
    # Half the people or more live in the city: Hong Kong, Singapore, Macau, Monaco; not
    # Luxembourg, whose capital holds an eighth of them.
    return (
        replace(mention, place=capital) if 2 * capital.population >= place.population else mention
    )


def _body(words: str) -> str:
    """The body a seat-of-power phrase names: "legislature", "government" or "capital"."""
    folded = words.lower()
    if any(w in folded for w in ("parliament", "assembly", "congress", "senate", "legislature")):
        return "legislature"
    if "palace" in folded or "residence" in folded or "government" in folded:
        return "government"
    return "capital"


_SEAT_AFTER_RE = re.compile(
    # "in the heart of Ukraine's capital": the capital city itself
    r"['’]s\s+(?:(?:national|federal|state|main|new)\s+)?(?:capital(?:\s+city)?|"
    r"parliament(?:\s+building)?|"
    r"national\s+assembly|congress|senate|legislature|presidential\s+(?:palace|residence)|"
    r"supreme\s+court|constitutional\s+court|state\s+(?:television|broadcaster)|central\s+bank|"
    r"government\s+(?:headquarters|house|palace|building))\b",
    re.IGNORECASE,
)


def _seat_of_power(text: str, mention: PlaceMention, capital_of: SeatFinder) -> PlaceMention:
    if mention.place.kind is not Kind.COUNTRY:
        return mention
    seat = _SEAT_AFTER_RE.match(text, mention.end)
    capital = capital_of(mention.place.country_code, _body(seat.group(0))) if seat else None
    if seat is None or capital is None:
        return mention
    return replace(mention, text=text[mention.start : seat.end()], end=seat.end(), place=capital)
