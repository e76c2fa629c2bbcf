"""From one article to place-resolved events: sentences, triggers, places, figures, claims.

Each event is one place, one type and one sentence of evidence. A sentence's event places
are the places it names, minus those that are not where anything happened: origins
("forces from Bishkek"), distance references ("250 km southwest of the capital
Bishkek"), a speaker's seat ("In Washington, the State Department said"), and offices
("Kyrgyzstan's Prime Minister"). A sentence that names no place takes the places of the
most recent sentence that did, and its events are marked as inferred.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from gazetteer import Gazetteer, Kind, Place
from geomap.claims import find_claimant, is_denial
from geomap.dates import resolve_date
from geomap.figures import Counts, parse_counts, parse_crowd
from geomap.model import Article, Event, EventType, InputProblem, PlaceMention, Precision
from geomap.places import find_mentions, is_dateline, unresolved_place_names
from geomap.sentences import Span, split_sentences
from geomap.triggers import Trigger, classify, is_historical

__all__ = ["PlaceFallback", "extract_events", "iter_events"]

_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|announced|stated|added)\b", re.IGNORECASE)
_ORIGIN = re.compile(r"\b(?:from|of)\s+(?:the\s+)?(?:capital\s+|city\s+of\s+)?$", re.IGNORECASE)
_ORIGIN_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:capital\s+|city\s+of\s+)?$", re.IGNORECASE)
_DISTANCE = re.compile(r"\b(?:km|kms|kilometres|kilometers|miles|mi)\b[^.;]{0,40}$", re.IGNORECASE)
_OFFICE = re.compile(
    r"^['’]s\s+(?:(?:prime|foreign|interior|deputy|acting|former)\s+)*"
    r"(?:president|minister|government|ambassador|embassy|parliament|leader|officials?|"
    r"authorities|spokes(?:man|woman|person)|state\s+secretary|envoy|army|military)\b",
    re.IGNORECASE,
)
_BORDER = re.compile(r"\bborders?\s+(?:with\s+|of\s+)(?:the\s+)?$", re.IGNORECASE)
_REGION_QUALIFIER = re.compile(
    r"\b(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western)(?:\s+and\s+\w+)?\s+"
    r"(?:parts?\s+of\s+|districts\s+of\s+)?$",
    re.IGNORECASE,
)
_DENIAL_LOOKAHEAD = 2  # sentences after a claim in which a denial disputes it
_PROSE_MIN_WORDS = 12
_INFER_CONFIDENCE = 0.7


@dataclass(frozen=True)
class _Sentence:
    span: Span
    text: str
    prose: bool
    places: tuple[PlaceMention, ...]  # event-eligible places named in the sentence


# Resolves a name the gazetteer does not know, given the document's main country (an
# online geocoder, when the user allows one); None when it cannot.
PlaceFallback = Callable[[str, str | None], Place | None]


def iter_events(
    items: Iterable[Article | InputProblem],
    gaz: Gazetteer,
    *,
    fallback: PlaceFallback | None = None,
) -> Iterator[Event | InputProblem]:
    """Stream events article by article; problems pass through for the caller to report."""
    for item in items:
        if isinstance(item, InputProblem):
            yield item
            continue
        yield from extract_events(item, gaz, fallback=fallback)


def extract_events(
    article: Article, gaz: Gazetteer, *, fallback: PlaceFallback | None = None
) -> list[Event]:
    """All events an article reports, in text order.

    `fallback` is asked about names introduced as places ("in Xyz") that the gazetteer
    does not know; without it (the default) extraction never leaves the machine.
    """
    text = article.text
    spans = split_sentences(text)
    if not spans:
        return []
    mentions = find_mentions(text, gaz)
    if fallback is not None:
        mentions = _with_fallback(text, gaz, mentions, fallback)
    sentences = _sentences(text, spans, mentions)
    events: list[Event] = []
    seen: set[tuple[str, int, int]] = set()
    focus: tuple[PlaceMention, ...] = ()
    for index, sentence in enumerate(sentences):
        if sentence.places:
            focus = sentence.places
        places = sentence.places or focus
        if not sentence.prose or not places:
            continue  # no place to put an event at: not worth classifying
        triggers = classify(sentence.text)
        if not triggers or is_historical(sentence.text, article.date):
            continue
        inferred = not sentence.places
        said = _Said(article, sentences, index)
        for trigger in triggers:
            event_type = trigger.event_type
            figures = _figures(event_type, sentence.text)
            if figures is None:
                continue  # a crowd word with no figure: nothing to report
            for mention in _distinct_places(places):
                key = (event_type.value, mention.place.geonameid, sentence.span.start)
                if key in seen:
                    continue
                seen.add(key)
                events.append(_event(said, trigger, figures, mention, places, inferred))
    return events


def _with_fallback(
    text: str, gaz: Gazetteer, mentions: list[PlaceMention], fallback: PlaceFallback
) -> list[PlaceMention]:
    countries = Counter(m.place.country_code for m in mentions if m.place.country_code)
    focus = countries.most_common(1)[0][0] if countries else None
    taken = {(m.start, m.end) for m in mentions}
    extra = []
    for start, end, name in unresolved_place_names(text, gaz):
        if (start, end) in taken:
            continue
        place = fallback(name, focus)
        if place is not None:
            extra.append(PlaceMention(name, start, end, place, 50.0, "geocoded"))
    return sorted([*mentions, *extra], key=lambda m: (m.start, m.end))


def _sentences(
    text: str, spans: Sequence[Span], mentions: Sequence[PlaceMention]
) -> list[_Sentence]:
    out = []
    cursor = 0
    prose = _ProseLines(text)
    for span in spans:
        while cursor < len(mentions) and mentions[cursor].start < span.start:
            cursor += 1
        inside = []
        j = cursor
        while j < len(mentions) and mentions[j].end <= span.end:
            inside.append(mentions[j])
            j += 1
        sentence_text = text[span.start : span.end]
        eligible = tuple(m for m in inside if _is_event_place(text, span, m, sentence_text))
        out.append(_Sentence(span, sentence_text, prose.holds(span), _most_specific(eligible)))
    return out


class _ProseLines:
    """Whether each sentence's lines are prose, each line judged once: an article of one
    long line has thousands of sentences on it, and judging the line for every one of them
    cost the square of its length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [match.start() for match in re.finditer("\n", text)]
        self.judged: dict[tuple[int, int], bool] = {}

    def holds(self, span: Span) -> bool:
        before = bisect_left(self.breaks, span.start)  # line breaks before the sentence
        after = bisect_left(self.breaks, span.end, before)  # ... and inside it
        start = self.breaks[before - 1] + 1 if before else 0
        end = self.breaks[after] if after < len(self.breaks) else len(self.text)
        if (start, end) not in self.judged:
            self.judged[start, end] = _is_prose(self.text[start:end])
        return self.judged[start, end]


def _is_prose(line: str) -> bool:
    """Page furniture (menus, related-story lists, bylines) is short lines without a full stop."""
    line = line.strip()
    if line.count("|") >= 2:
        return False
    if line.rstrip("\"”’')]").endswith((".", "!", "?", ":")):
        return True
    return len(line.split()) >= _PROSE_MIN_WORDS


def _is_event_place(text: str, span: Span, mention: PlaceMention, sentence: str) -> bool:
    if mention.in_name:
        return False  # "RFE/RL's Kyrgyzstan Service", "Toronto General Hospital"
    before = text[max(span.start, mention.start - 60) : mention.start]
    after = text[mention.end : min(span.end, mention.end + 60)]
    if _DISTANCE.search(before) and _ORIGIN.search(before):
        return False  # "250 km southwest of the capital Bishkek"
    if _ORIGIN_FROM.search(before):
        return False  # "security forces from Bishkek"
    if _BORDER.search(before):
        return False  # "close to the border with Uzbekistan"
    if _OFFICE.match(after):
        return False  # "Kyrgyzstan's Prime Minister"
    if mention.start == span.start or text[span.start : mention.start].strip() in ("In", "in"):
        # "In Washington, State Department ... said": the speaker's seat.
        rest = sentence[mention.end - span.start :]
        if rest.startswith(",") and _SPEECH.search(rest[:120]) and not classify(rest[:60]):
            return False
    # A dateline ("BISHKEK, March 21") names where the story was filed, not an event site.
    return not is_dateline(text, mention.start, mention.text)


def _most_specific(mentions: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]:
    """Drop a country or region when the sentence also names a place inside it."""
    out = []
    for m in mentions:
        broad = m.place.kind in (Kind.COUNTRY, Kind.ADMIN1)
        if broad and any(
            other.place.kind in (Kind.CITY, Kind.ADMIN2)
            and other.place.country_code == m.place.country_code
            and (m.place.kind is Kind.COUNTRY or other.place.admin1_code == m.place.admin1_code)
            for other in mentions
        ):
            continue
        out.append(m)
    return tuple(out)


def _distinct_places(mentions: Iterable[PlaceMention]) -> list[PlaceMention]:
    seen: set[int] = set()
    out = []
    for m in mentions:
        if m.place.geonameid not in seen:
            seen.add(m.place.geonameid)
            out.append(m)
    return out


def _precision(text: str, mention: PlaceMention) -> Precision:
    kind = mention.place.kind
    if kind is Kind.CITY:
        return Precision.POINT
    if kind is Kind.COUNTRY:
        before = text[max(0, mention.start - 40) : mention.start]
        return Precision.REGION if _REGION_QUALIFIER.search(before) else Precision.COUNTRY
    return Precision.REGION


@dataclass(frozen=True)
class _Figures:
    counts: dict[str, int | None]
    crowd_text: str = ""


def _figures(event_type: EventType, text: str) -> _Figures | None:
    """The figures an event of this type reports in the sentence; None for a crowd without one."""
    if event_type is EventType.CROWD:
        crowd = parse_crowd(text)
        if crowd is None:
            return None
        return _Figures({"crowd_low": crowd.low, "crowd_high": crowd.high}, crowd.text)
    if event_type in (EventType.CASUALTIES, EventType.ARREST):
        counts: Counts = parse_counts(text)
        if event_type is EventType.CASUALTIES:
            return _Figures({"killed": counts.killed, "injured": counts.injured})
        return _Figures({"arrested": counts.arrested})
    return _Figures({})


class _Said:
    """Who says it and when, for one sentence: worked out once, whatever its events."""

    def __init__(self, article: Article, sentences: Sequence[_Sentence], index: int) -> None:
        self.article = article
        self.sentences = sentences
        self.index = index
        self.sentence = sentences[index]

    @cached_property
    def claim(self) -> str:
        return _claimant(self.sentences, self.index)

    @cached_property
    def date(self) -> tuple[str | None, str]:
        found = resolve_date(self.sentence.text, self.article.date)
        return (found.date, found.text) if found else (None, "")


def _event(
    said: _Said,
    trigger: Trigger,
    figures: _Figures,
    mention: PlaceMention,
    places: Sequence[PlaceMention],
    inferred: bool,
) -> Event:
    article, sentence = said.article, said.sentence
    confidence = trigger.confidence * (_INFER_CONFIDENCE if inferred else 1.0)
    surfaces = tuple(
        dict.fromkeys(m.text for m in places if m.place.geonameid == mention.place.geonameid)
    )
    date, date_text = said.date
    return Event(
        event_type=trigger.event_type,
        place=mention.place,
        precision=_precision(article.text, mention),
        inferred=inferred,
        mentions=surfaces,
        source=article.source,
        source_title=article.title,
        source_date=article.date,
        outlet=article.outlet,
        url=article.url,
        quote=sentence.text,
        char_start=sentence.span.start,
        char_end=sentence.span.end,
        date=date,
        date_text=date_text,
        crowd_text=figures.crowd_text,
        claimed_by=said.claim,
        disputed=_disputed(said.sentences, said.index, trigger.event_type),
        confidence=round(confidence, 3),
        **figures.counts,
    )


def _claimant(sentences: Sequence[_Sentence], index: int) -> str:
    claim = find_claimant(sentences[index].text)
    if claim is None:
        return ""
    if not claim.pronoun:
        return claim.claimed_by
    # "He told RFE/RL ...": the name is in an earlier sentence.
    for back in range(index - 1, max(-1, index - 4), -1):
        earlier = find_claimant(sentences[back].text)
        if earlier is not None and not earlier.pronoun:
            return earlier.claimed_by
    return claim.claimed_by


def _disputed(sentences: Sequence[_Sentence], index: int, event_type: EventType) -> bool:
    """A figure is disputed when the report itself, or one of the next sentences, denies it."""
    if event_type not in (EventType.CASUALTIES, EventType.CROWD, EventType.ARREST):
        return False
    window = sentences[index : index + 1 + _DENIAL_LOOKAHEAD]
    return any(_denies(s.text) for s in window)


@lru_cache(maxsize=4096)
def _denies(sentence: str) -> bool:
    # Each sentence is asked about by every event in the sentences before it.
    return is_denial(sentence)
