"""Typos: capitalised words that no spelling matches, but one nearly does."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from gazetteer import Candidate, Gazetteer, MatchType, fold, skeleton
from gazetteer.lexicon import common_words
from gazetteer.normalize import script_of
from geomap.check.findings import Draft, FindingKind, arrow, label, reading
from geomap.check.rules import Spellings, derived_word, shouted
from geomap.model import Article
from geomap.places import (
    SpanCandidates,
    Token,
    has_place_cue,
    in_a_name,
    is_capitalised,
    is_major,
    tokenize,
)
from geomap.wordlists import CALENDAR

__all__ = ["typos"]


_TYPO_SIMILARITY = 88.0
_TYPO_MIN_KEY = 5  # shorter words are near too many names to judge


@dataclass(frozen=True)
class _Scope:
    """One article as the typo rules see it."""

    index: int
    text: str
    tokens: Sequence[Token]
    covered: list[tuple[int, int]]  # spans the place finder already judged
    focus: set[str]  # countries the article is about
    gaz: Gazetteer
    spellings: Spellings
    common: frozenset[str]


@dataclass(frozen=True)
class _Unit:
    """A single word or a hyphenated compound: token indices [i, j)."""

    i: int
    j: int
    first: Token
    start: int
    end: int
    surface: str
    key: str


def _units(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of single words and hyphenated compounds."""
    units = []
    i = 0
    while i < len(tokens):
        j = i + 1
        while j < len(tokens) and text[tokens[j - 1].end : tokens[j].start] == "-":
            j += 1
        units.append((i, j))
        i = j
    return units


def _unit(scope: _Scope, i: int, j: int) -> _Unit:
    first, last = scope.tokens[i], scope.tokens[j - 1]
    surface = scope.text[first.start : last.end]
    return _Unit(i, j, first, first.start, last.end, surface, fold(surface))


# Words that cannot be typos of a place name, each rule named for what it passes over, in the
# order they are cheapest to rule out.
_NOT_A_TYPO: tuple[tuple[str, Callable[[_Unit, _Scope], bool]], ...] = (
    ("lower case", lambda u, s: not is_capitalised(u.first)),
    ("abbreviation", lambda u, s: u.first.is_abbreviation),  # "Gen.", "St."
    ("capitals", lambda u, s: shouted(u.surface)),  # acronyms and headlines
    ("short", lambda u, s: len(u.key) < _TYPO_MIN_KEY),
    ("common word", lambda u, s: u.key in s.common),  # "Police" opening a sentence
    ("calendar", lambda u, s: u.first.text.lower() in CALENDAR),  # months and weekdays
    ("ignored", lambda u, s: u.key in s.spellings.ignore),
    ("accepted", lambda u, s: u.surface in s.spellings.accept),
    ("in a place span", lambda u, s: any(a < u.end and u.start < b for a, b in s.covered)),
    # A real spelling that the finder judged not a place here.
    ("known spelling", lambda u, s: bool(s.gaz.places_for_key(u.key))),
    ("in a name", lambda u, s: in_a_name(s.text, s.tokens, u.i, u.j - u.i)),
)


def _typo_of(surface: str, spelling: str) -> bool:
    if not spelling:
        return False
    if derived_word(surface, spelling):
        return False
    a, b = fold(surface), fold(spelling)
    return skeleton(a) == skeleton(b) or fuzz.ratio(a, b) >= _TYPO_SIMILARITY


def _typo_suggestion(surface: str, candidate: Candidate, spellings: Spellings) -> str:
    script = script_of(surface)
    preference = spellings.preferred(candidate.place, script)
    if preference is not None:
        return preference.spelling
    return candidate.matched_name if script_of(candidate.matched_name) == script else ""


def _near(unit: _Unit, scope: _Scope) -> list[Candidate]:
    # Near the spelling that would be suggested, not merely near some alias: "Kyrgyz"
    # drifts to a village's alias "Kirgiz", but is no typo of the village's name.
    surface = unit.surface
    return [
        c
        for c in scope.gaz.lookup(surface, limit=10)
        if c.match_type in (MatchType.TRANSLITERATED, MatchType.FUZZY)
        and c.similarity >= _TYPO_SIMILARITY
        and _typo_of(surface, _typo_suggestion(surface, c, scope.spellings))
    ]


def _plausible(unit: _Unit, scope: _Scope) -> list[Candidate]:
    """Places the word looks like twice over: near a known spelling, and either introduced
    as a place or near a major place of a country the document is about. Those in the
    document's countries first, if any."""
    cue = has_place_cue(scope.text, scope.tokens, unit.i, unit.j - unit.i)
    focus = scope.focus
    plausible = [
        c
        for c in _near(unit, scope)
        if (is_major(c.place) and (cue or c.place.country_code in focus))
        or (cue and c.place.country_code in focus)
    ]
    in_focus = [c for c in plausible if c.place.country_code in focus]
    return in_focus or plausible


def _ambiguous(unit: _Unit, scope: _Scope, plausible: list[Candidate]) -> Draft:
    countries = dict.fromkeys(c.place.country_code for c in plausible)
    readings = " or ".join(
        reading(next(c.place for c in plausible if c.place.country_code == cc)) for cc in countries
    )
    return Draft(
        scope.index,
        unit.start,
        unit.end,
        unit.surface,
        "",
        plausible[0].place,
        FindingKind.AMBIGUOUS,
        f"{unit.surface!r} is not a known spelling; it may be a typo for {readings}"
        " (ambiguous: no change suggested)",
    )


def _typo(unit: _Unit, scope: _Scope, best: Candidate) -> Draft:
    surface = unit.surface
    suggestion = _typo_suggestion(surface, best, scope.spellings)
    if suggestion:
        message = f"{arrow(surface, suggestion)} ({label(best.place)}; typo)"
    else:
        message = f"{surface!r} is not a known spelling of {label(best.place)} (typo)"
    return Draft(
        scope.index,
        unit.start,
        unit.end,
        surface,
        suggestion,
        best.place,
        FindingKind.TYPO,
        message,
    )


def _draft(unit: _Unit, scope: _Scope) -> Draft | None:
    if any(passes_over(unit, scope) for _, passes_over in _NOT_A_TYPO):
        return None
    plausible = _plausible(unit, scope)
    if not plausible:
        return None
    if len({c.place.country_code for c in plausible}) > 1:
        return _ambiguous(unit, scope, plausible)
    return _typo(unit, scope, plausible[0])


def typos(
    index: int,
    article: Article,
    gaz: Gazetteer,
    spellings: Spellings,
    spans: Sequence[SpanCandidates],
    focus: set[str],
) -> list[Draft]:
    """Drafts for the words of one article that look like misspelt place names."""
    text = article.text
    tokens = tokenize(text, gaz)
    covered = [(s.start, s.end) for s in spans]
    scope = _Scope(index, text, tokens, covered, focus, gaz, spellings, common_words())
    drafts = (_draft(_unit(scope, i, j), scope) for i, j in _units(text, tokens))
    return [d for d in drafts if d is not None]
