"""Spelling rules: a house style resolved against the gazetteer, and when two spellings are
variants of one name rather than two names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz

from gazetteer import Gazetteer, Place, fold, skeleton
from gazetteer.normalize import script_of
from geomap.style import HouseStyle, StyleError

__all__ = ["Preference", "Spellings", "abbreviation", "derived_word", "near", "shouted"]


# Below this letter similarity two spellings are different names (US / United States,
# Osh / Auch), not variants of one: the default style only polices variants.
_NEAR_SPELLING = 75.0


_MIN_VARIANT_KEY = 4  # shorter names are near too many others to call one a misspelling
_WORD = re.compile(r"[a-z0-9]+")


def _words(name: str) -> list[str]:
    return _WORD.findall(anyascii(name).lower())


def _other_form(a: str, b: str) -> bool:
    """One name is the other with whole words added: New York / New York City, Bronx /
    The Bronx. A shorter or longer form of a name, not a different spelling of it."""
    short, long = sorted((_words(a), _words(b)), key=len)
    if len(short) == len(long) or not short:
        return False
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def near(a: str, b: str) -> bool:
    """Two spellings of one name, not two names (US / United States, Osh / Auch)."""
    if _other_form(a, b):
        return False
    ka, kb = fold(a), fold(b)
    return skeleton(ka) == skeleton(kb) or fuzz.ratio(ka, kb) >= _NEAR_SPELLING


def derived_word(a: str, b: str) -> bool:
    """One is the other plus an ending (Russia / Russian, Iraq / Iraqi, Asia / Asian): an
    adjective or demonym, not a typo. A doubled last letter (Bishkekk) is still a typo."""
    short, long = sorted((fold(a), fold(b)), key=len)
    if short == long or not long.startswith(short):
        return False
    return long[len(short) :] != short[-1] * (len(long) - len(short))


def shouted(surface: str) -> bool:
    return surface.upper() == surface and surface.lower() != surface


def abbreviation(surface: str) -> bool:
    return "." in surface or (shouted(surface) and len(surface) <= 4)


@dataclass(frozen=True)
class Preference:
    spelling: str
    explicit: bool  # set by the house style, not the gazetteer's default


class Spellings:
    """A house style resolved against the gazetteer."""

    def __init__(self, style: HouseStyle, gaz: Gazetteer) -> None:
        self.accept = style.accept
        self.ignore = frozenset(fold(name) for name in style.ignore)
        self.by_place: dict[int, str] = {}
        for key, spelling in sorted(style.prefer.items()):
            for place in _places_named(key, gaz, style.source or "<style>"):
                self.by_place[place.geonameid] = spelling

    def preferred(self, place: Place, script: str) -> Preference | None:
        """The spelling to use for `place` in text of `script`; None if there is none.

        A Russian text is not wrong to write Джалал-Абад: a preference only governs
        mentions written in its own script.
        """
        chosen = self.by_place.get(place.geonameid)
        if chosen is not None and script_of(chosen) == script:
            return Preference(chosen, explicit=True)
        if script_of(place.name) == script:
            return Preference(place.name, explicit=False)
        return None

    def suggestion(self, surface: str, place: Place) -> str:
        """The spelling `surface` should become for `place`; "" when it is fine."""
        if surface in self.accept:
            return ""
        preference = self.preferred(place, script_of(surface))
        if preference is None or surface == preference.spelling:
            return ""
        target = preference.spelling
        plain = anyascii(target)
        loud = shouted(surface)
        if loud and surface in (target.upper(), plain.upper()):
            return ""  # a dateline or headline in capitals
        # English text drops accents (Jalālābād -> Jalalabad); abbreviations and other names
        # for the place are choices, not misspellings, unless a house style says so.
        if not preference.explicit and (
            surface == plain
            or abbreviation(surface)
            or len(fold(surface)) < _MIN_VARIANT_KEY
            or not near(surface, target)
        ):
            return ""
        return target.upper() if loud else target


def _places_named(key: str, gaz: Gazetteer, source: str) -> list[Place]:
    """The places a [prefer] key names: a GeoNames id, or the gazetteer's name for it."""
    bare = key.removeprefix("geonames:").strip()
    if bare.isdigit():
        place = gaz.place(int(bare))
        if place is None:
            raise StyleError(source, f"prefer: no place has GeoNames id {bare}")
        return [place]
    places = gaz.iter_places(gaz.places_for_key(fold(key)))
    named = [p for p in places if p.name.casefold() == key.casefold()]
    if not named:
        named = [p for p in places if anyascii(p.name).casefold() == anyascii(key).casefold()]
    if not named:
        raise StyleError(
            source,
            f"prefer: no place is named {key!r}; write its GeoNames id instead"
            f" (see `geomap variants {key!r}`)",
        )
    return named
