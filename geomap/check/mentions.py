"""One article's place names: the spelling each should have, or why no verdict is safe."""

from __future__ import annotations

from dataclasses import dataclass

from gazetteer import Candidate, Gazetteer, Kind, MatchType, Place, fold
from gazetteer.normalize import script_of
from geomap.check.findings import Draft, FindingKind, Mention, reading
from geomap.check.rules import Spellings
from geomap.model import Article, PlaceMention
from geomap.places import SpanCandidates, find_place_spans, resolve_mentions

__all__ = ["ArticleMentions", "article_mentions"]


# Rival readings of a name worth raising: within this many score points of the chosen one,
# and not a hamlet (every name has a namesake village somewhere).
_RIVAL_MARGIN = 5.0
_RIVAL_POPULATION = 10_000
_RESOLVE_DEPTH = 12


@dataclass(frozen=True)
class ArticleMentions:
    """What the place finder made of one article, and what the linter made of that."""

    mentions: list[Mention]  # names with a settled reading
    ambiguous: list[Draft]  # names whose verdict depends on the place meant
    spans: list[SpanCandidates]
    resolved: list[PlaceMention]


def _plausible_rival(candidate: Candidate, chosen: PlaceMention) -> bool:
    place = candidate.place
    return (
        place.country_code != chosen.place.country_code
        and candidate.match_type is not MatchType.FUZZY
        and candidate.score >= chosen.score - _RIVAL_MARGIN
        and (place.kind is not Kind.CITY or place.population >= _RIVAL_POPULATION)
    )


def _ambiguity(
    span: SpanCandidates,
    mention: PlaceMention,
    suggestion: str,
    other_countries: set[str],
    spellings: Spellings,
) -> list[Place]:
    """Other places the name may mean whose reading changes the verdict; [] when settled."""
    if mention.place.country_code in other_countries:
        return []  # the rest of the document is about this place's country
    preference = spellings.preferred(mention.place, script_of(span.text))
    if preference is not None and span.text == preference.spelling:
        return []  # written exactly as this place's own name: the writer chose it
    differing: dict[str, Place] = {}
    for candidate in span.candidates[:_RESOLVE_DEPTH]:
        if not _plausible_rival(candidate, mention):
            continue
        if spellings.suggestion(span.text, candidate.place) != suggestion:
            differing.setdefault(candidate.place.country_code, candidate.place)
    return list(differing.values())


def _ambiguous_draft(index: int, span: SpanCandidates, places: list[Place]) -> Draft:
    readings = " or ".join(reading(p) for p in places)
    return Draft(
        index,
        span.start,
        span.end,
        span.text,
        "",
        places[0],
        FindingKind.AMBIGUOUS,
        f"{span.text!r} may be {readings}; name the country or region"
        " (ambiguous: no change suggested)",
    )


def article_mentions(
    index: int, article: Article, gaz: Gazetteer, spellings: Spellings
) -> ArticleMentions:
    spans = find_place_spans(article.text, gaz)
    resolved = resolve_mentions(article.text, spans)
    keys = [fold(s.text) for s in spans]
    mentions: list[Mention] = []
    drafts: list[Draft] = []
    for i, (span, mention) in enumerate(zip(spans, resolved, strict=True)):
        if keys[i] in spellings.ignore:
            continue
        suggestion = spellings.suggestion(span.text, mention.place)
        others = {m.place.country_code for j, m in enumerate(resolved) if keys[j] != keys[i]}
        rivals = _ambiguity(span, mention, suggestion, others, spellings)
        if rivals:
            drafts.append(_ambiguous_draft(index, span, [mention.place, *rivals]))
            continue
        mentions.append(Mention(index, span.start, span.end, span.text, mention.place, suggestion))
    return ArticleMentions(mentions, drafts, spans, resolved)
