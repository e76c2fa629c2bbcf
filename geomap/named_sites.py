"""Sites a story places once and names again: "the Thamaing spinning mill ... in Rangoon",
then "troops surrounded the Thamaing mill"; "clashes on Merghany Street in Heliopolis", then
"pitched battles now along Merghany Street".

A mill, street, square or campus is too small for the gazetteer, so a sentence that names
only the site names no place. A reader knows where it is from where the story first put
it, whatever town the sentence before named. This module remembers, for each site a
sentence binds to one of its places, where the site is, and finds a site named again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from gazetteer import fold
from gazetteer.lexicon import common_words, description_words
from geomap.model import PlaceMention

# What a site is called after its name: works, streets and squares, campuses, buildings.
_SITE_NOUNS = (
    "mill|mills|dockyard|shipyard|docks|factory|works|mine|colliery|refinery|plant|campus|"
    "university|stadium|prison|jail|barracks|market|bazaar|square|street|avenue|road|"
    "boulevard|bridge|palace|park|camp|estate|compound|cathedral|mosque|church|temple"
)
_NAME_WORD = r"[A-Z\u00c0-\u00de][\w'’-]+"
_SITE_RE = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
    # "the Thamaing spinning mill": one describing word may stand between
    rf"\s+(?:[a-z]+\s+)?(?i:{_SITE_NOUNS})\b"
)
# A name that starts with one of these is the phrase's article or pronoun, not the site's.
_DETERMINERS = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our"})
# What may stand between a site and the town it is in: "the Thamaing spinning mill and the
# Sinmaleik dockyard in Rangoon" (no clause break, then "in" or "at").
_SITE_TO_TOWN_RE = re.compile(r"[^,;:.()]{0,60}?\s(?:in|at)\s+(?:the\s+)?$")
_POSSESSIVE_RE = re.compile(r"['’]s\s+$")

Sites = Mapping[str, tuple[PlaceMention, ...]]


def _site_names(sentence: str) -> Iterable[re.Match[str]]:
    for match in _SITE_RE.finditer(sentence):
        name = match.group("name")
        first = name.split()[0]
        if first in _DETERMINERS or all(map(_ordinary, name.split())):
            continue  # "The mill", "Central Market": no name of its own to find again
        yield match


def _ordinary(word: str) -> bool:
    word = word.lower()
    return word in common_words() or word in description_words()


def sites_placed(
    sentence: str, start: int, places: Sequence[PlaceMention]
) -> dict[str, tuple[PlaceMention, ...]]:
    """The sites the sentence (which starts at `start` in the article) names, each with
    the one of its event places it is in: the sentence's only place, the town named after
    it ("the Thamaing mill in Rangoon"), or the town whose possessive it follows
    ("Cairo's Tahrir Square")."""
    found: dict[str, tuple[PlaceMention, ...]] = {}
    towns = {m.place.geonameid for m in places}
    names = {fold(m.text) for m in places}
    for match in _site_names(sentence):
        name = match.group("name")
        if fold(name) in names:
            continue  # "Rangoon University" is named after its town, which is placed anyway
        town = _town_of(sentence, start, match, places) if len(towns) > 1 else places[0]
        if town is not None:
            found.setdefault(name, (town,))
    return found


def _town_of(
    sentence: str, start: int, match: re.Match[str], places: Sequence[PlaceMention]
) -> PlaceMention | None:
    for mention in places:
        at = mention.start - start
        if at >= match.end() and _SITE_TO_TOWN_RE.fullmatch(sentence, match.end(), at):
            return mention
        if mention.end - start <= match.start() and _POSSESSIVE_RE.fullmatch(
            sentence, mention.end - start, match.start()
        ):
            return mention
    return None


def site_named(sentence: str, sites: Sites) -> tuple[PlaceMention, ...] | None:
    """The places of the first site the story placed before that the sentence names."""
    if not sites:
        return None
    first: tuple[int, str] | None = None
    for name in sites:
        if name not in sentence:
            continue  # the common answer, without building the name's pattern
        match = re.search(rf"\b{re.escape(name)}\b", sentence)
        if match is not None and (first is None or match.start() < first[0]):
            first = (match.start(), name)
    return None if first is None else sites[first[1]]
