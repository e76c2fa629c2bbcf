"""Places a text names without a place name: "the capital", "the Kyrgyz capital",
"Ecuador's National Assembly", and city-states named by their city's name.

`implied_places` adds them to the gazetteer's mentions (or puts them in place of one) before
sentences are judged, so that every later step treats them as any other mention.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from gazetteer import Kind, MatchType, Place, fold
from gazetteer.capitals import Capitals
from geomap.model import PlaceMention

__all__ = ["CAPITAL_RE", "implied_places", "story_country"]

# "the capital", "the Kyrgyz capital", "the Sri Lankan capital" (not "the capital of X",
# which names X, nor "capital punishment").
_UPPER = r"[A-Z\u00c0-\u00de]"
CAPITAL_RE = re.compile(
    rf"\b[Tt]he\s+(?:(?P<people>{_UPPER}[\w'-]*(?:\s+{_UPPER}[\w'-]*)?)\s+)?capital\b"
    r"(?!\s+of\b)"
)


def implied_places(
    text: str, mentions: Sequence[PlaceMention], capital_of: Callable[[str], Place | None]
) -> list[PlaceMention]:
    """The mentions, with the places the text names without a place name.

    - "the capital", "the Kyrgyz capital": the capital of the country its adjective names,
      or of the story's country (the one its places lie in most often), when not followed
      by the capital's own name ("the capital, Bishkek", "the capital Bujumbura");
    - "Ecuador's National Assembly": a country's seat of power stands in its capital; the
      mention then spans the whole name ("Ecuador's National Assembly" is in Quito);
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
            capitals.append(PlaceMention(match.group(0), start, end, place, 50.0, MatchType.ALIAS))
    return sorted([*seats, *capitals], key=lambda m: (m.start, m.end))


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


def _city_state(mention: PlaceMention, capital_of: Callable[[str], Place | None]) -> PlaceMention:
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


_SEAT_AFTER_RE = re.compile(
    # "in the heart of Ukraine's capital": the capital city itself
    r"['’]s\s+(?:(?:national|federal|state|main|new)\s+)?(?:capital(?:\s+city)?|"
    r"parliament(?:\s+building)?|"
    r"national\s+assembly|congress|senate|legislature|presidential\s+(?:palace|residence)|"
    r"supreme\s+court|constitutional\s+court|state\s+(?:television|broadcaster)|central\s+bank|"
    r"government\s+(?:headquarters|house|palace|building))\b",
    re.IGNORECASE,
)


def _seat_of_power(
    text: str, mention: PlaceMention, capital_of: Callable[[str], Place | None]
) -> PlaceMention:
    if mention.place.kind is not Kind.COUNTRY:
        return mention
    seat = _SEAT_AFTER_RE.match(text, mention.end)
    capital = capital_of(mention.place.country_code) if seat else None
    if seat is None or capital is None:
        return mention
    return replace(mention, text=text[mention.start : seat.end()], end=seat.end(), place=capital)
