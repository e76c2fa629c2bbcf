"""From one article to place-resolved events: sentences, triggers, places, figures, claims.

Each event is one place, one type and one sentence of evidence. Where events go is decided
by the ordered rule tables of geomap.event_places (places that are not event sites, scenes
carried to sentences that name no place, clause binding); infobox residue ("- Place: ...",
"10,000 (Ankara)") is read by geomap.infobox. Which words make an event is geomap.triggers'
job, and which are future, planned or a cause; figures and claimants come from
geomap.figures and geomap.claims. Two figures for one crowd or toll from different sources
mark both disputed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import pairwise
from typing import overload

from gazetteer import Gazetteer, Kind, MatchType, Place
from gazetteer.capitals import Capitals
from gazetteer.normalize import fold
from geomap.caseless import Caseless, folds_exactly
from geomap.claims import denial_cue, find_claimant, is_denial
from geomap.dates import parse_article_date, resolve_date, story_start
from geomap.event_places import (
    GATHERING_RE,
    PlaceCue,
    PlaceRule,
    Scene,
    SceneCue,
    bind_clauses,
    district_of,
    is_list,
    is_live_page,
    may_name_a_town,
    not_event_place,
    scene_places,
    unknown_towns,
)
from geomap.figures import (
    Counts,
    CrowdFigure,
    find_numbers,
    parse_counts,
    parse_crowds,
    parse_number,
    side_counts,
)
from geomap.implied_places import IMPLIED_SCORE, SeatFinder, implied_places, story_country
from geomap.infobox import Field, FieldKind, fields
from geomap.lazy import cached_property
from geomap.model import Article, Event, EventType, PlaceMention, Precision
from geomap.named_sites import sites_placed
from geomap.places import (
    LANDMARK_REACH_KM,
    contains,
    find_mentions,
    great_circle_km,
    names_put_as_places,
    told_as_a_town,
    unresolved_place_names,
)
from geomap.report_filter import ReportFilter, default_filter
from geomap.sentences import CITATION_MARKS, Span, split_sentences
from geomap.triggers import (
    Trigger,
    caption_trigger,
    classify,
    is_historical,
    may_be_unrealised,
    reports_an_event,
    unrealised_cue,
)

__all__ = ["PlaceFallback", "extract_events"]

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
    # It names a place that is not an event place (an origin, an office): a later sentence
    # does not continue an earlier scene across it.
    breaks: bool = False
    dateline: tuple[PlaceMention, ...] = ()
    named: tuple[PlaceMention, ...] = ()  # every place name in it, event place or not
    # names of a city's districts ("in the Miramar district"), which a namesake far away
    # in the gazetteer must not make a place elsewhere
    districts: tuple[PlaceMention, ...] = ()


# Resolves a name the gazetteer does not know, given the document's main country (an
# online geocoder, when the user allows one); None when it cannot.
PlaceFallback = Callable[[str, str | None], Place | None]


def extract_events(
    article: Article,
    gaz: Gazetteer,
    *,
    fallback: PlaceFallback | None = None,
    report_filter: ReportFilter | None = None,
) -> list[Event]:
    """All events an article reports, in text order.

    `fallback` is asked about names introduced as places ("in Xyz") that the gazetteer
    does not know; without it (the default) extraction never leaves the machine.
    Every town's report carries its event_chance from the report filter
    (geomap.report_filter); `report_filter`, when given, scores them instead of the
    committed one and drops the reports it judges unlikely.
    """
    events = _extracted(article, gaz, fallback)
    if report_filter is not None:
        return report_filter.kept(article.text, events)
    return default_filter().scored(article.text, events)


def _extracted(article: Article, gaz: Gazetteer, fallback: PlaceFallback | None) -> list[Event]:
    text = article.text
    spans = split_sentences(text)
    if not spans:
        return []
    prose = _ProseLines(text)
    # The sentences' text, before any place is found: what triggers and claims read.
    texts = [_Sentence(span, text[span.start : span.end], prose.holds(span), ()) for span in spans]
    # An undated page's own year is no history: "The 2009 Guinean protests were a rally in
    # Conakry" on a page whose story begins in 2009.
    story_date = article.date or story_start(text)
    triggers_of = _Triggers(texts, story_date)
    infobox = fields(text)
    last = triggers_of.last()
    if fallback is None and last < 0 and not _may_have_infobox_events(text, infobox):
        # No sentence reports an event, and no infobox does: finding and resolving the
        # places (most of the work) would give nothing. Triggers never read places, so the
        # answer is the same. (With an online geocoder, names are still looked up as before.)
        return []
    mentions = _with_glued_fields(text, find_mentions(text, gaz), infobox, gaz)
    if fallback is not None:
        mentions = _with_fallback(text, gaz, mentions, fallback)
    story_day = parse_article_date(story_date)
    year = story_day.year if story_day else None
    mentions = implied_places(text, mentions, _capital_finder(gaz, year), spans, gaz.place)
    sentences = _Sentences(text, spans, mentions, prose)
    home = _home(text, sentences, mentions, infobox)
    scenes = _Scenes(
        spans,
        sentences,
        home,
        mentions,
        _UnknownTowns(gaz, mentions).named_in,
        triggers_of.event_types,
    )
    countries = _countries(mentions)
    events: list[Event] = []
    seen: set[_ReportKey] = set()
    # A sentence after the last one with triggers gives no event, and the scene it would
    # leave is read by no later one: it is never judged.
    for index in range(last + 1):
        sentence = sentences[index]
        places, inferred = scenes.places(index)
        if not places:
            continue  # no place to put an event at: not worth classifying
        triggers = triggers_of.at(index)
        # A headline's toll (see _sentence_triggers) counts only at a city it names: the
        # places are known only here.
        if index == 0 and not sentence.prose and not _named_cities(places, inferred):
            triggers = tuple(t for t in triggers if t.event_type is not EventType.CASUALTIES)
        if not triggers:
            continue
        said = _Said(article, texts, index)
        for trigger, bound in bind_clauses(sentence.text, sentence.span.start, triggers, places):
            if _nationwide_crowd(trigger, sentence.text, bound):
                # "Hundreds of thousands marched across Chile, above all in Valparaíso":
                # people marched in Valparaíso, but the figure is the country's.
                trigger = replace(trigger, event_type=EventType.PROTEST)
            for figures in _figures(trigger.event_type, sentence.text, said):
                for scoped, targets in _scoped(sentence, figures, bound, inferred, countries):
                    for mention in _distinct_places(targets):
                        key = _report_key(trigger.event_type, mention, sentence.span.start, scoped)
                        if key in seen:
                            continue
                        seen.add(key)
                        events.append(
                            _event(said, trigger, scoped, mention, targets, inferred, scoped.claim)
                        )
    events.extend(_infobox_events(article, infobox, mentions, seen))
    return _mark_disputes(
        _with_gatherings(_without_lone_zero_tolls(_without_country_echoes(events)))
    )


# A wire's way of naming its dateline's city again: "in this Black Sea town", "near this
# colonial city", "outside this northern port".
_THIS_TOWN_RE = re.compile(
    r"\b(?:in|at|near|outside|around|of|from|across)\s+(this\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:town|city|capital|village|port|resort|township|suburb|provincial\s+capital))\b"
)


class _Scenes:
    """The places of each sentence in turn: its own, its dateline's, or those the scene
    rules of geomap.event_places carry to it (then marked inferred)."""

    def __init__(
        self,
        spans: Sequence[Span],
        sentences: _Sentences,
        home: tuple[PlaceMention, ...],
        mentions: Sequence[PlaceMention],
        names_unknown_town: Callable[[_Sentence], bool],
        event_types: Callable[[int], frozenset[EventType]],
    ) -> None:
        self.spans = spans
        self.event_types = event_types
        self.names_unknown_town = names_unknown_town
        # The paragraph of a sentence that put events at a town the gazetteer does not know:
        # the sentences after it in that paragraph are there too, so they take no place.
        self.unknown_town_paragraph: int | None = None
        # Whether the story has put events at such a town: its dateline's city is then no
        # longer where a sentence naming no place happens ("BEIJING - ... The riot in
        # Weng'an county broke out on Saturday. ... Police detained 100 people.")
        self.unknown_town_named = False
        self.sentences = sentences
        self.home = home
        self.country = story_country(mentions)
        self.main_city = _main_city(mentions, self.country)
        self.lead_city = _main_city(mentions, self.country, by_lead=True)
        self.named_in = Counter(m.place.country_code for m in mentions)
        sizes = Counter(span.paragraph for span in spans)
        self.single = frozenset(p for p, n in sizes.items() if n == 1)
        self.scene: Scene | None = None
        self.gatherings: dict[str, tuple[PlaceMention, ...]] = {}
        self.sites: dict[str, tuple[PlaceMention, ...]] = {}
        # where the story last told of a protest or a crowd, for a later count of it
        self.last_gathering: tuple[PlaceMention, ...] = ()
        # the first sentence with a dateline: the article's own; any later one a caption's
        self.first_dateline: int | None = None

    @cached_property
    def names_a_city(self) -> bool:
        """Whether a city is an event place of any sentence; only a sentence that names a
        city can say yes, so only those are judged."""
        return any(
            m.place.kind is Kind.CITY
            for i in self.sentences.naming(Kind.CITY)
            for m in self.sentences[i].places
        )

    def _abroad(self, places: Sequence[PlaceMention]) -> bool:
        """Whether the places lie in another country than the story's, one the story names
        less than half as often (a story about two countries has no abroad)."""
        if self.country is None:
            return False
        ours = self.named_in[self.country]
        return all(2 * self.named_in[m.place.country_code] <= ours for m in places)

    def _broad_around_home(self, sentence: _Sentence) -> bool:
        # "CHILPANCINGO — ... stormed the Guerrero state government headquarters": the
        # dateline's sentence names only the region around its city; the city is meant.
        home = self.home[0].place if self.home and sentence.dateline else None
        return home is not None and all(_holds(m.place, home) for m in sentence.places)

    def _with_home_pointed_at(self, sentence: _Sentence) -> tuple[PlaceMention, ...]:
        """The sentence's places, and the dateline's city where the sentence points at it
        ("HOPA - A teacher died after police fired tear gas ... in this Black Sea town, and
        demonstrators took to the streets of Istanbul and Ankara"): a place of its own
        clause, so the clause binding keeps the death there and the marches in the cities.
        """
        pointer = _THIS_TOWN_RE.search(sentence.text) if self.home else None
        home = self.home[0] if self.home else None
        if pointer is None or home is None or home.place in {m.place for m in sentence.places}:
            return sentence.places
        start = sentence.span.start + pointer.start(1)
        pointed = replace(home, text=pointer.group(1), start=start, end=start + len(pointer[1]))
        # ("through the streets of this steel town, as Brazil's labour federation called a
        # day of protest": the country around the town says no more than the town)
        others = [m for m in sentence.places if not _around(m.place, home.place)]
        return tuple(sorted((*others, pointed), key=lambda m: m.start))

    def _dateline_city(self, index: int) -> tuple[PlaceMention, ...]:
        """The city a sentence's dateline puts it in: the article's home (none for a bureau
        abroad), or, below the first, a caption's own city in a gallery of datelined
        captions ("7/9 AMMAN, Jordan - Thousands march ...")."""
        sentence = self.sentences[index]
        if not sentence.dateline:
            return ()
        own = [m for m in sentence.dateline if m.place.kind is Kind.CITY][:1]
        return self.home if index == self.first_dateline or not own else tuple(own)

    def places(self, index: int) -> tuple[tuple[PlaceMention, ...], bool]:
        """The sentence's event places and whether they were inferred; call in order."""
        places, inferred = self._places(index)
        sentence = self.sentences[index]
        if places and not is_list(places):
            # where each kind of gathering was last told of, for "Tuesday's rally" later
            for match in GATHERING_RE.finditer(sentence.text):
                self.gatherings[match.group()] = places
            gathered = self.event_types(index) & {EventType.PROTEST, EventType.CROWD}
            if gathered and not _named_in_passing(sentence, places, self.last_gathering):
                self.last_gathering = places
        if places and not inferred:
            self.sites.update(sites_placed(sentence.text, sentence.span.start, places))
        return places, inferred

    def _places(self, index: int) -> tuple[tuple[PlaceMention, ...], bool]:
        places, inferred = self._known_places(index)
        if places:
            self.unknown_town_paragraph = None  # a place we know starts a scene of its own
        return places, inferred

    def _scene_instead(
        self, sentence: _Sentence, places: Sequence[PlaceMention], passing: bool
    ) -> tuple[PlaceMention, ...]:
        """The scene's city (or the home's) where the sentence's places leave its events
        there, else nothing. `passing`: the places are only named in passing around the
        scene's city."""
        cities = self.scene.places if self.scene is not None else self.home
        # "the protesters gathered at Town Hall and walked to Hyde Park" in a Sydney story:
        # the city's park, not the suburb of Adelaide named after one
        if _landmarks_far_from(places, cities):
            return cities
        # "said 200,000 people had taken part, the largest demonstration in Galicia": the
        # region around the scene's city, named in passing, is not where it was (but
        # "occupy 400 faculties across the country, including the biggest universities of
        # Greece" is not the city's)
        return cities if passing and not _NATIONWIDE_RE.search(sentence.text) else ()

    def _at_unknown_town(self, index: int) -> bool:
        """Whether the sentence, which names no place we know, names a town we do not know
        or goes on with one in its paragraph ("The worst violence was in Jisr al-Shughur.
        Townspeople stormed the party office.")."""
        paragraph = self.spans[index].paragraph
        if self.names_unknown_town(self.sentences[index]):
            self.unknown_town_paragraph = paragraph
            self.unknown_town_named = True
            self.scene = None
            return True
        return self.unknown_town_paragraph == paragraph

    def _known_places(self, index: int) -> tuple[tuple[PlaceMention, ...], bool]:
        sentence = self.sentences[index]
        if sentence.dateline and self.first_dateline is None:
            self.first_dateline = index
        if self.home and any(m.place == self.home[0].place for m in sentence.named):
            # "A curfew was imposed on Oujda": the story is back at its dateline's city
            self.unknown_town_named = False
        if sentence.places and not self._broad_around_home(sentence):
            places = self._with_home_pointed_at(sentence)
            passing = self.scene is not None and _named_in_passing(
                sentence, places, self.scene.places
            )
            instead = self._scene_instead(sentence, places, passing)
            if instead:
                return instead, True
            if not passing:
                self.scene = Scene(places, index)
            return places, False
        if self._at_unknown_town(index):
            # before the dateline's rule: "TEHRAN — ... order has been restored in the
            # working-class town of Islamshahr" happened in that town, not at the dateline
            return (), False
        here = self._dateline_city(index)
        if here:
            # "COLOMBO, SRI LANKA — Protesters stormed the president's residence": the
            # dateline's sentence happens at the dateline, whatever else it names; a
            # gallery's caption at its own ("7/9 AMMAN, Jordan - Thousands march ...").
            self.scene = Scene(here, index)
            return here, True
        if sentence.breaks:
            self.scene = None
            return (), False
        if not sentence.prose and not sentence.dateline:
            # A heading ("The riots", "Aftermath") or other page furniture ends the scene:
            # the section after it starts afresh, and a caption without a place is not
            # one of the scene's sentences.
            self.scene = None
        cue = SceneCue(
            index,
            self.spans,
            sentence.text,
            self.scene,
            self.home,
            self.single,
            main_city=self.main_city,
            lead_city=self.lead_city,
            gatherings=self.gatherings,
            sites=self.sites,
            last_gathering=self.last_gathering,
            event_types=partial(self.event_types, index),
        )
        places, rule = scene_places(cue, self.names_a_city)
        if rule == "home_city" and self.unknown_town_named:
            return (), False
        if rule == "continues_scene" and self._abroad(places):
            # "In Budapest, thousands rallied in solidarity. Estimates of the dead varied
            # widely.": a sentence that names no place goes on with the story, not with
            # an aside abroad (a word that refers back, "there", still may)
            return (), False
        if rule in _SETS_THE_SCENE:
            # "rioting in the city": the city referred to is the scene from here on;
            # likewise the city of a square ("The rally filled Dome Square. Police
            # estimated the crowd at 10,000.") and of a gathering named by its day
            self.scene = Scene(places, index)
        elif rule == "continues_scene" and self.scene is not None:
            self.scene = Scene(self.scene.places, index)
        return places, True


# The scene rules whose places the next sentence of the passage continues with.
_SETS_THE_SCENE = frozenset(
    {"anaphor", "landmark", "that_gathering", "named_site", "counts_the_gathering"}
)


class _UnknownTowns:
    """The towns an article names that the recogniser did not resolve, found in reading
    order: once named as a town ("in Jisr al-Shughur, a farming town"; "the working-class
    town of Islamshahr"), the name is that town in every later sentence."""

    def __init__(self, gaz: Gazetteer, mentions: Sequence[PlaceMention]) -> None:
        self.gaz = gaz
        # A name the article resolves elsewhere ("DE DOORNS, South Africa" in the dateline)
        # is known, wherever the recogniser missed it.
        self.known = {fold(m.text) for m in mentions}
        self.names: list[re.Pattern[str]] = []

    def named_in(self, sentence: _Sentence) -> bool:
        """Whether the sentence names one of the article's unknown towns."""
        text = sentence.text
        if any(name.search(text) for name in self.names):
            return True
        if not may_name_a_town(text):
            return False  # most sentences: no tokens need be read
        at = sentence.span.start
        resolved = [(m.start - at, m.end - at) for m in sentence.named]
        found = False
        for start, end in unknown_towns(text, names_put_as_places(text, self.gaz)):
            name = text[start:end]
            if fold(name) in self.known or any(s < end and start < e for s, e in resolved):
                continue  # the recogniser found a place there ("Jisr" elsewhere is none)
            self.names.append(re.compile(rf"\b{re.escape(name)}\b"))
            found = True
        return found


def _holds(region: Place, town: Place) -> bool:
    # A first-level region only: a country named there is the scope of something national.
    return region.kind is Kind.ADMIN1 and bool(region.admin1_code) and contains(region, town)


def _main_city(
    mentions: Sequence[PlaceMention], country: str | None, by_lead: bool = False
) -> tuple[PlaceMention, ...]:
    # The city the article names most often ("news outlets from Buenos Aires" too), then
    # the largest, in its story's country (not Paris, named in a story about Antananarivo):
    # the one its unnamed squares and avenues are taken to lie in. A story about Genoa that
    # names Rome once puts "Piazza Alimonda" in Genoa. `by_lead`: of cities named as
    # often, the one named first, where the story's lead is set, which "the city" means
    # (a Charlottesville story naming Washington once, for a vigil). `country`: the story's.
    cities = [m for m in mentions if m.place.kind is Kind.CITY and not m.in_name]
    local = [m for m in cities if m.place.country_code == country] or cities
    named = Counter(m.place.geonameid for m in local)
    first: dict[int, int] = {}
    for m in local:
        first.setdefault(m.place.geonameid, m.start)

    def rank(m: PlaceMention) -> tuple[int, int, int]:
        lead = -first[m.place.geonameid] if by_lead else 0
        return named[m.place.geonameid], lead, m.place.population

    main = max(local, key=rank, default=None)
    return (main,) if main is not None else ()


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
            extra.append(PlaceMention(name, start, end, place, 50.0, MatchType.GEOCODED))
    return sorted([*mentions, *extra], key=lambda m: (m.start, m.end))


class _Triggers:
    """The triggers of each sentence whose events count, each found once and only when
    asked. They read the sentence's text and whether it is prose, never its places, so they
    may be asked before any place is found."""

    def __init__(self, sentences: Sequence[_Sentence], article_date: str | None) -> None:
        self.sentences = sentences
        self.article_date = article_date
        self.found: dict[int, tuple[Trigger, ...]] = {}

    def at(self, index: int) -> tuple[Trigger, ...]:
        if index not in self.found:
            self.found[index] = _sentence_triggers(self.sentences, index, self.article_date)
        return self.found[index]

    def event_types(self, index: int) -> frozenset[EventType]:
        """The kinds of event the sentence reports."""
        return frozenset(t.event_type for t in self.at(index))

    def last(self) -> int:
        """The index of the last sentence with triggers; -1 when none has any."""
        return next((i for i in reversed(range(len(self.sentences))) if self.at(i)), -1)


def _may_have_infobox_events(text: str, infobox: Sequence[Field]) -> bool:
    """The condition under which _infobox_events looks at places at all."""
    return bool(infobox) and reports_an_event(text[:_ABOUT_PROTESTS_REACH])


class _Sentences(Sequence[_Sentence]):
    """The article's sentences with their places, each judged by the rules of
    NOT_EVENT_PLACE_RULES when first read: the sentences after the last event are never
    read, and judging every name is much of the cost of an article."""

    def __init__(
        self,
        text: str,
        spans: Sequence[Span],
        mentions: Sequence[PlaceMention],
        prose: _ProseLines,
    ) -> None:
        self.text = text
        self.spans = spans
        self.prose = prose
        self.inside: list[list[PlaceMention]] = []
        cursor = 0
        for span in spans:
            while cursor < len(mentions) and mentions[cursor].start < span.start:
                cursor += 1
            inside = []
            j = cursor
            while j < len(mentions) and mentions[j].end <= span.end:
                inside.append(mentions[j])
                j += 1
            self.inside.append(inside)
        self.judged: dict[int, _Sentence] = {}

    def __len__(self) -> int:
        return len(self.spans)

    @overload
    def __getitem__(self, index: int) -> _Sentence: ...

    @overload
    def __getitem__(self, index: slice) -> list[_Sentence]: ...

    def __getitem__(self, index: int | slice) -> _Sentence | list[_Sentence]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index not in self.judged:
            span = self.spans[index]
            self.judged[index] = _judge_sentence(
                self.text, span, self.inside[index], self.prose.holds(span)
            )
        return self.judged[index]

    def naming(self, kind: Kind) -> Iterator[int]:
        """The indexes of the sentences that name a place of this kind."""
        return (
            i for i, inside in enumerate(self.inside) if any(m.place.kind is kind for m in inside)
        )


def _judge_sentence(
    text: str, span: Span, inside: Sequence[PlaceMention], prose: bool
) -> _Sentence:
    """The sentence with its event places, after the rules of NOT_EVENT_PLACE_RULES."""
    eligible = []
    breaks = False
    dateline = []
    districts = []
    previous = None
    previous_rule: PlaceRule | None = None
    for mention, following in zip(inside, [*inside[1:], None], strict=False):
        cue = PlaceCue(text, span, mention, previous, following)
        rule = not_event_place(cue, previous_rule)
        previous, previous_rule = mention, rule
        if rule is None:
            eligible.append(mention)
        elif rule.name == "dateline":
            dateline.append(mention)
        else:
            breaks = breaks or rule.breaks_scene
            if rule.name == "district_of_a_city":
                districts.append(mention)
    places = _without_districts(text, _most_specific(tuple(eligible)))
    return _Sentence(
        span,
        text[span.start : span.end],
        prose,
        places,
        breaks and not places,
        tuple(dateline),
        tuple(inside),
        tuple(districts),
    )


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


_TRAILING_CITATIONS_RE = re.compile(CITATION_MARKS + "$")


def _is_prose(line: str) -> bool:
    """Page furniture (menus, related-story lists, bylines) is short lines without a full stop."""
    line = line.strip()
    if line.endswith("]"):
        # "... in Kumasi.[4]". Without a closing bracket at the end there is no mark to
        # drop, and the pattern, anchored at the end, would be tried at every position of a
        # long line for nothing.
        line = _TRAILING_CITATIONS_RE.sub("", line)
    if line.count("|") >= 2:
        return False
    if line.rstrip("\"”’')]").endswith((".", "!", "?", ":")):
        return True
    return len(line.split()) >= _PROSE_MIN_WORDS


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


def _without_districts(text: str, mentions: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]:
    """Drop a district the city after it qualifies: "In Moss Side, Manchester", "rioting in
    Handsworth, Birmingham". Coders code a district as its city; and a district the
    gazetteer lacks is read as a namesake village abroad (Handsworth in Canada)."""
    districts = {
        id(m)
        for m, city in pairwise(mentions)
        if text[m.end : city.start] == ", " and district_of(m.place, city.place)
    }
    return tuple(m for m in mentions if id(m) not in districts) if districts else mentions


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
    claim: str | None = None  # the claimant of this figure, when the sentence has several
    disputed: bool = False  # the sentence itself gives another figure for the same thing
    at: int = -1  # where a crowd figure stands in the sentence
    vague: bool = False  # a crowd figure in words ("thousands"), not a stated number


def _figures(event_type: EventType, text: str, said: _Said) -> list[_Figures]:
    """The figures an event of this type reports in the sentence: one per claim for a
    crowd whose size sources dispute; none for a crowd word without a figure."""
    if event_type is EventType.CROWD:
        # (a sentence whose crowd trigger is a side's bare count names no crowd itself)
        crowds = parse_crowds(text) or side_counts(text)
        several = len({c.low for c in crowds}) > 1
        clauses = _Clauses(text)
        return [
            _Figures(
                {"crowd_low": c.low, "crowd_high": c.high},
                c.text,
                clauses.claimant(c.start) if several else None,
                several,
                c.start,
                c.vague,
            )
            for c in crowds
        ]
    if event_type is EventType.CASUALTIES:
        counter = _counter_estimate(said)
        if counter is not None:
            return [counter]
        claimed = _claimed_tolls(text)
        if claimed:
            return claimed
    if event_type in (EventType.CASUALTIES, EventType.ARREST):
        counts: Counts = parse_counts(text)
        if event_type is EventType.CASUALTIES:
            return [_Figures({"killed": counts.killed, "injured": counts.injured})]
        return [_Figures({"arrested": counts.arrested})]
    return [_Figures({})]


_CLAUSE_SPLIT_RE = re.compile(r";|,\s+(?:but|while|whereas)\s+|\s+(?:while|whereas)\s+|,\s+and\s+")


class _Clauses:
    """The claimants of a sentence's clauses, each clause read once: a long sentence gives
    many figures, and finding each one's clause from the sentence start cost the square of
    its length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.claimants: dict[tuple[int, int], str | None] = {}

    @cached_property
    def _splits(self) -> tuple[list[int], list[int]]:
        splits = [match.span() for match in _CLAUSE_SPLIT_RE.finditer(self.text)]
        return [start for start, _ in splits], [end for _, end in splits]

    def claimant(self, position: int) -> str | None:
        """Who gives the figure at `position`: the claimant of its own clause."""
        starts, ends = self._splits
        before = bisect_right(ends, position)  # splits that end before the figure
        after = bisect_left(starts, position)  # the first split at or after it
        clause = (
            ends[before - 1] if before else 0,
            starts[after] if after < len(starts) else len(self.text),
        )
        if clause not in self.claimants:
            claim = find_claimant(self.text[clause[0] : clause[1]])
            self.claimants[clause] = (
                claim.claimed_by if claim is not None and not claim.pronoun else None
            )
        return self.claimants[clause]

    def texts(self) -> list[str]:
        """The clauses' own texts, in order, without the words that join them."""
        starts, ends = self._splits
        return [self.text[a:b] for a, b in zip([0, *ends], [*starts, len(self.text)], strict=True)]


_COUNTER_RE = re.compile(
    r"\b(?:put|puts)\s+(?:the\s+)?(?:figure|number|total|count|toll|death\s+toll|dead|"
    # "The archdiocese puts the number of dead at 40"
    r"number\s+of\s+(?:the\s+)?dead)\s+(?:at|as\s+high\s+as)\s+",
    re.IGNORECASE,
)
# In a clause beside one that gives a toll, "residents gave a figure of 17" gives another
# (in a sentence of its own, "a figure of 20,000" may be a crowd's).
_CLAUSE_COUNTER_RE = re.compile(
    rf"{_COUNTER_RE.pattern}|\bgave\s+(?:a\s+|the\s+)?(?:figure|toll|death\s+toll)\s+(?:of|as)\s+",
    re.IGNORECASE,
)


# "the government put the dead at 12": who puts a figure at a number
_PUT_BY_RE = re.compile(
    r"^(?:[^,;]*,\s+)?(?P<who>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5}?)\s+(?:put|puts|gave|gives)\s",
    re.IGNORECASE,
)


def _toll_claim(clause: str) -> tuple[int, str | None] | None:
    """The toll one clause gives, and who gives it: "the unions said at least 30 people
    had been killed" (30, "the unions"); "the government put the toll at two"."""
    killed = parse_counts(clause).killed
    counter = _CLAUSE_COUNTER_RE.search(clause)
    if killed is None and counter is not None:
        killed = parse_counts("killed " + clause[counter.end() :]).killed
    if killed is None:
        return None
    claim = find_claimant(clause)
    if claim is not None and not claim.pronoun:
        return killed, claim.claimed_by
    put = _PUT_BY_RE.search(clause)  # "put" and "gave" are no speech verbs for find_claimant
    return killed, put.group("who") if put is not None else None


def _claimed_tolls(text: str) -> list[_Figures]:
    """One toll per claimant where a sentence's clauses give rival tolls ("the government
    said five people were killed, while the petitioners said as many as 60 had died"), each
    credited to its own source and marked disputed; none otherwise."""
    clauses = _Clauses(text).texts()
    if len(clauses) < 2:
        return []
    claims = [claim for claim in map(_toll_claim, clauses) if claim is not None]
    tolls = {killed for killed, _ in claims}
    claimants = {claimant for _, claimant in claims if claimant}
    # ("The official toll was 20 dead; community leaders said 43 had been killed": one
    # source named is enough where the clauses give two tolls)
    if len(tolls) < 2 or not claimants:
        return []
    injured = parse_counts(text).injured
    return [
        # ("" where the clause names no source: not the sentence's other claimant)
        _Figures(
            {"killed": killed, "injured": injured if i == 0 else None},
            claim=claimant or "",
            disputed=True,
        )
        for i, (killed, claimant) in enumerate(claims)
    ]


def _counter_estimate(said: _Said) -> _Figures | None:
    """ "The Red Cross put the toll at eleven", after a sentence that gave a toll: a second
    claim for the same toll, credited to its own source and disputed."""
    if said.index == 0:
        return None
    match = _COUNTER_RE.search(said.sentence.text)
    if match is None:
        return None
    earlier = parse_counts(said.sentences[said.index - 1].text)
    if earlier.killed is None:
        return None
    numbers = parse_counts("killed " + said.sentence.text[match.end() :])
    if numbers.killed is None or numbers.killed == earlier.killed:
        return None
    return _Figures({"killed": numbers.killed, "injured": None}, disputed=True)


class _Said:
    """Who says it and when, for one sentence: worked out once, whatever its events.

    It reads only the text and span of its sentence and of those around it (claims and
    denials), never their places: extract_events gives it the sentences before their
    places are judged, so that a denial's window judges no sentence.
    """

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
        start = None if self.article.date else story_start(self.article.text)
        found = resolve_date(self.sentence.text, self.article.date, start)
        return (found.date, found.text) if found else (None, "")


def _event(
    said: _Said,
    trigger: Trigger,
    figures: _Figures,
    mention: PlaceMention,
    places: Sequence[PlaceMention],
    inferred: bool,
    claim: str | None = None,
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
        claimed_by=said.claim if claim is None else claim,
        disputed=figures.disputed or _disputed(said.sentences, said.index, trigger.event_type),
        confidence=round(confidence, 3),
        crowd_low=figures.counts.get("crowd_low"),
        crowd_high=figures.counts.get("crowd_high"),
        killed=figures.counts.get("killed"),
        injured=figures.counts.get("injured"),
        arrested=figures.counts.get("arrested"),
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


# What a denial must speak of to dispute a figure of each type: "police denied opening
# fire" does not dispute the size of the crowd.
_DENIED_TOPIC_RE = {
    EventType.CASUALTIES: re.compile(
        r"\b(?:die|died|dead|death|deaths|kill|killed|killing|casualt|fatalit|injur|wound|hurt|"
        r"victims|toll|bodies|nobody|no\s+one|anyone|report|reports|claim|claims)",
        re.I,
    ),
    EventType.CROWD: re.compile(
        r"\b(?:crowd|turnout|number|numbers|figure|figures|size|attend|people|thousand|"
        r"hundred|million|report|reports|claim|claims)",
        re.I,
    ),
    EventType.ARREST: re.compile(
        r"\b(?:arrest|detain|detention|held|custody|jail|report|reports|claim|claims)", re.I
    ),
}


def _disputed(sentences: Sequence[_Sentence], index: int, event_type: EventType) -> bool:
    """A figure is disputed when the report itself, or one of the next sentences, denies it:
    a denial that speaks of the figure's own kind (deaths, the crowd, arrests) or of the
    report or claim."""
    topic = _DENIED_TOPIC_RE.get(event_type)
    if topic is None:
        return False
    window = sentences[index : index + 1 + _DENIAL_LOOKAHEAD]
    return any(_denies(s.text) and topic.search(s.text) for s in window)


@lru_cache(maxsize=4096)
def _denies(sentence: str) -> bool:
    # Each sentence is asked about by every event in the sentences before it.
    return is_denial(sentence)


# A crowd counted over many towns: "in large towns across Chile", "nationwide".
_NATIONWIDE_RE = re.compile(
    r"\b(?:nationwide|across\s+the\s+(?:country|nation)|throughout\s+the\s+(?:country|nation)|"
    r"(?:major|several|many|other|\d+)\s+(?:cities|towns)|across\s+[A-Z][\w'’-]+)",
)


def _nationwide_crowd(trigger: Trigger, text: str, places: Sequence[PlaceMention]) -> bool:
    """A crowd figure for many towns is no town's crowd: a city the sentence names as one
    example among them gets the protest, not the figure."""
    if trigger.event_type is not EventType.CROWD:
        return False
    if not all(m.place.kind is Kind.CITY for m in places):
        return False
    return bool(_NATIONWIDE_RE.search(text, trigger.end, trigger.end + 80))


# A figure for the whole country, said right after it: "45 people were detained across the
# country", "more than 300 arrested nationwide", "throughout Belarus" (a country named),
# "60 arrested, most of them in the provinces".
# (The scope words in any case, at a sentence's start too; the named place capitalised.)
_COUNTRY_SCOPE_RE = re.compile(
    # "some 600,000 students joined the one-day national strike"
    r"\b(?:(?i:nation-?wide|country-?wide|national\s+(?:[\w-]+\s+)?(?:strikes?|protests?|days?\s+of)|"
    r"(?:across|throughout|around|all\s+over|in)\s+the\s+"
    r"(?:whole\s+|entire\s+)?(?:country|nation)|(?:most|many|some)\s+of\s+them\s+in\s+the\s+"
    r"provinces)\b|(?i:across|throughout|all\s+over)\s+(?=[A-Z]))"
)
# A figure for a state, a province, a region or an island, said right after it: "190 people
# were arrested in the state", "injured across the island". It is no city's figure, and no
# country's either: only a broad place the sentence names takes it. ("in the province of
# León" names a province: no scope word.)
_REGION_SCOPE_RE = re.compile(
    r"(?i:\b(?:state|province)-?wide\b|\b(?:across|throughout|around|all\s+over|in)\s+the\s+"
    r"(?:whole\s+|entire\s+)?(?:state|province|region|island|territory)\b(?!\s+of\b))"
)
# What every match of each scope pattern holds, in lower case. Both patterns read their words
# caselessly, so where lower() folds a sentence as IGNORECASE does (see geomap.caseless) a
# sentence holding none of them cannot match, and most sentences hold none: a few substring
# tests cost less than a case-insensitive search of the whole sentence.
_SCOPE_WORDS = {
    _COUNTRY_SCOPE_RE: ("nation", "country", "provinces", "across", "throughout", "over"),
    _REGION_SCOPE_RE: ("state", "province", "region", "island", "territor"),
}
_SCOPE_REACH = 60  # characters after a figure in which a scope word speaks of it
# "including 1,000 in Minsk", "1,000 of them in Minsk": a city's share of the figure.
_SHARE_BEFORE_RE = re.compile(
    r"(?P<number>[\w,.]+)\s+(?:(?:of\s+them|people|protesters|demonstrators)\s+)?"
    r"(?:(?:were|was)\s+\w+\s+)?in\s+(?:the\s+(?:capital|city)\s+(?:of\s+)?)?$"
)
_Targets = tuple[PlaceMention, ...]
_BROAD = (Kind.COUNTRY, Kind.ADMIN1, Kind.REGION)


def _countries(mentions: Sequence[PlaceMention]) -> dict[str, PlaceMention]:
    """The first mention of each country the article names, by country code."""
    out: dict[str, PlaceMention] = {}
    for m in mentions:
        if m.place.kind is Kind.COUNTRY and m.place.country_code:
            out.setdefault(m.place.country_code, m)
    return out


def _scoped(
    sentence: _Sentence,
    figures: _Figures,
    places: _Targets,
    inferred: bool,
    countries: dict[str, PlaceMention],
) -> list[tuple[_Figures, _Targets]]:
    """The figures and the places they belong to, when the sentence scopes its figure to the
    whole country: the country gets the national figure (when the article names it), a city
    named with its share ("including 1,000 in Minsk") gets the share, and a city only
    carried from an earlier sentence gets nothing.

    Example: "45 people were detained across the country", after a sentence about Ziguinchor,
    is no arrest in Ziguinchor."""
    value, national = _scoped_value(sentence.text, figures)
    # A national figure's one share ("800 detained nationwide, including 250 in Cusco") is
    # read below, with the country's own total.
    breakdown = _breakdown(sentence, places, figures, min_parts=1 if value is None else 2)
    if breakdown:
        return breakdown
    places = _crowd_place(sentence, figures, places)
    if value is None:
        return [(figures, places)]
    name = next(k for k, v in figures.counts.items() if v == value)
    out: list[tuple[_Figures, _Targets]] = []
    codes = {m.place.country_code for m in (*places, *sentence.named)}
    # "across England": a broad place the sentence names is the scope itself. A state's or
    # an island's figure goes to no country: only a region the sentence names takes it.
    scopes = _BROAD if national else (Kind.ADMIN1, Kind.REGION)
    named = [m for m in sentence.named if m.place.kind in scopes]
    known = countries if national else {}
    country = named[:1] or [known[c] for c in sorted(c for c in codes if c) if c in known]
    if len(country) == 1:
        out.append((figures, (country[0],)))
    if inferred:
        return out
    for mention in places:
        if mention.place.kind in _BROAD:
            continue
        share = _share(sentence, mention, value)
        counts = {k: (share if k == name else None) for k in figures.counts}
        out.append((replace(figures, counts=counts), (mention,)))
    return out


def _scoped_value(text: str, figures: _Figures) -> tuple[int | None, bool]:
    """The figure the sentence scopes wider than a city, if any, and whether the scope is
    the whole country (else a state, province, region or island)."""
    for scope, national in ((_COUNTRY_SCOPE_RE, True), (_REGION_SCOPE_RE, False)):
        scoped = _scoped_figures(text, scope)
        for name, value in figures.counts.items():
            if value is not None and name != "crowd_high" and value in scoped:
                return value, national
    return None, True


# A sentence that opens with the scope speaks of the country throughout: "Across the
# country, some 200,000 people marched"; "Nationwide, 40 were hurt".
_OPENING_SCOPE_RE = re.compile(r"^[\W]*(?:" + _COUNTRY_SCOPE_RE.pattern + r")[^,;.]{0,30},")


def _may_scope(text: str, scope: re.Pattern[str]) -> bool:
    """Whether the scope pattern may match the text (see _SCOPE_WORDS)."""
    if not folds_exactly(text):
        return True
    lowered = text.lower()
    return any(word in lowered for word in _SCOPE_WORDS[scope])


@lru_cache(maxsize=8)  # asked once for each trigger of the sentence and each scope
def _scoped_figures(text: str, scope: re.Pattern[str]) -> frozenset[int]:
    """The tolls and crowds of a sentence scoped wider than a city: a scope word follows
    the figure closely, or (for the whole country) opens the sentence."""
    if not _may_scope(text, scope) or not scope.search(text):
        return frozenset()
    opening = scope is _COUNTRY_SCOPE_RE and _OPENING_SCOPE_RE.match(text) is not None
    counts = parse_counts(text)
    figures = [
        (value, text.find(found), len(found))
        for value, found in (
            (counts.arrested, counts.arrested_text),
            (counts.killed, counts.killed_text),
            (counts.injured, counts.injured_text),
        )
        if value is not None and found
    ]
    figures += [(c.low, c.start, c.end - c.start) for c in parse_crowds(text)]
    out = set()
    for value, start, length in figures:
        end = start + length
        if start >= 0 and (opening or scope.search(text, end, end + _SCOPE_REACH)):
            out.add(value)
    return frozenset(out)


# "eight killed: four in Peshawar, two in Lahore and one each in Quetta and Karachi";
# "39 died, 36 of them in Antananarivo"; "26 dead, with 12 deaths in Maputo". A number
# is read whole: the "000" of "a rally of about 30,000 in Liège" is no part worth 0.
_PART_BEFORE_RE = re.compile(
    r"(?P<number>(?<![\w,])[\w-]+(?:,\d{3})*)\s+(?P<partition>(?:of\s+(?:them|whom)|deaths|dead|people|protesters|"
    # ("at least 43 died in Cairo and 17 in Alexandria"; "17 of the dead were in Nairobi")
    r"demonstrators|civilians|were|died|of\s+the\s+dead(?:\s+were)?)\s+)?(?P<each>each\s+)?in\s+"
    r"(?:the\s+(?:city|town|capital)\s+(?:of\s+)?)?$"
)
_SAME_PART_GAP_RE = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_TOLL_FIELDS = ("killed", "injured", "arrested")


def _breakdown(
    sentence: _Sentence, places: _Targets, figures: _Figures, min_parts: int
) -> list[tuple[_Figures, _Targets]]:
    """A toll broken down by place: each place named with its part gets that part, and the
    places named without one nothing (the total is the sum, no place's own).

    Example: "Nineteen people were killed, 17 in Kathmandu and two in Itahari": 17 and 2.
    """
    name = next((k for k in _TOLL_FIELDS if figures.counts.get(k) is not None), None)
    if name is None:
        return []
    parts = _parts(sentence, places, figures.counts[name] or 0)
    towns = [m for m in places if m.place.kind not in _BROAD]
    # One part is a breakdown only when it is the one town named: "seven killed, four of
    # them in the capital". With another town beside it, which one the rest fell in is unsaid.
    if len(parts) < min_parts or (len(parts) == 1 and len(towns) > 1):
        return []
    out: list[tuple[_Figures, _Targets]] = [
        (
            replace(
                figures, counts={k: (parts[m.start] if k == name else None) for k in figures.counts}
            ),
            (m,),
        )
        for m in places
        if m.start in parts
    ]
    # The country or region named beside its towns' parts keeps the total: it is its own.
    return out + [(figures, (m,)) for m in places if m.place.kind in _BROAD]


_CROWD_REACH_TURN_RE = re.compile(r",?\s+(?:while|whereas|but)\s|;")
# "rallies in Kragujevac and in Niš each drew tens of thousands": the figure is each one's
_EACH_RE = re.compile(r"\beach\b")
_EACH_REACH = 24  # "each drawing several hundred"
# "rallies of a few hundred people each were held in Niš and Kragujevac", "rallies of
# several thousand were held in Nitra and Žilina": a figure given per gathering, before
# the places, is the size of each gathering at each of them.
_PER_GATHERING_BEFORE_RE = re.compile(
    r"\b(?:rallies|protests|demonstrations|marches|gatherings|vigils|sit-ins)\s+of\s+$"
)
# ("several hundred people gathered in each city")
_EACH_AFTER_RE = re.compile(r"^\s*(?:[a-z]+\s+){0,3}?each\b")


def _crowd_place(sentence: _Sentence, figures: _Figures, places: _Targets) -> _Targets:
    """A crowd figure counts the people at the place named next after it (or, with none
    after or another clause or figure before it, the last before): "About 50,000 marched in
    Cluj-Napoca and 40,000 in Timișoara, and there were large rallies in Iași and Sibiu" is
    50,000 in Cluj-Napoca only."""
    at = figures.at
    shared = _EACH_RE.search(sentence.text, max(0, at - _EACH_REACH), at) if at >= 0 else None
    if figures.counts.get("crowd_low") is None or len(places) < 2 or at < 0 or shared:
        return places
    offset = sentence.span.start
    after = [m for m in places if m.start - offset >= at]
    each = _per_gathering_places(sentence, figures, after)
    if len(each) > 1:
        return each
    before = [m for m in places if m.start - offset < at]
    listed = _listed_before(sentence, figures, before) if not after else ()
    if len(listed) > 1:
        return listed
    fronted = _fronted(sentence, before, at)
    if fronted is not None:
        # "In Barcelona, several thousand people have set up tents ..., and camps have also
        # appeared in Valencia": the figure is the fronted place's
        return (fronted,)
    if after:
        following = min(after, key=lambda m: m.start)
        # "In Ganja police broke up a march of several hundred, while in Sumqayit ...": a
        # turn to another clause ends the figure's reach; "In Košice some 10,000 gathered,
        # and several thousand marched in Žilina": so does the next figure
        reach = following.start - offset
        turned = _CROWD_REACH_TURN_RE.search(sentence.text, at, reach) or _figure_between(
            sentence.text, at, reach
        )
        if not (turned and before):
            return (following,)
    return (max(before, key=lambda m: m.start),)


_PLACE_LIST_GAP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _listed_together(sentence: _Sentence, earlier: PlaceMention, later: PlaceMention) -> bool:
    """Whether only a list's comma or "and" stands between two places ("Turku and Oulu")."""
    offset = sentence.span.start
    gap = sentence.text[earlier.end - offset : later.start - offset]
    return _PLACE_LIST_GAP_RE.fullmatch(gap) is not None


def _listed_before(
    sentence: _Sentence, figures: _Figures, before: Sequence[PlaceMention]
) -> _Targets:
    """The list of places a figure given for each of them follows: "Protests were held in
    Lviv, Odesa and Dnipro, where several hundred people gathered in each city"."""
    end = figures.at + len(figures.crowd_text)
    if not before or not _EACH_AFTER_RE.match(sentence.text[end : end + 30]):
        return ()
    ordered = sorted(before, key=lambda m: m.start)
    listed = [ordered[-1]]
    for mention in reversed(ordered[:-1]):
        if not _listed_together(sentence, mention, listed[-1]):
            break
        listed.append(mention)
    return tuple(reversed(listed))


def _per_gathering_places(
    sentence: _Sentence, figures: _Figures, after: Sequence[PlaceMention]
) -> _Targets:
    """The places after a figure given per gathering, up to the next clause or figure:
    "rallies of several thousand were held in Banská Bystrica, Nitra and Žilina"."""
    at, text = figures.at, sentence.text
    end = at + len(figures.crowd_text)
    per_gathering = _PER_GATHERING_BEFORE_RE.search(
        text, max(0, at - 30), at
    ) or _EACH_AFTER_RE.match(text[end : end + 30])
    if not per_gathering:
        # "thousands rallied in Turku and Oulu": a vague figure is the size of each
        # gathering of the list its own verb leads to, as coders read it (an exact one may
        # be the list's sum)
        return _tight_list(sentence, end, after) if figures.vague else ()
    offset = sentence.span.start
    shared: list[PlaceMention] = []
    for mention in sorted(after, key=lambda m: m.start):
        start = mention.start - offset
        if _CROWD_REACH_TURN_RE.search(text, end, start) or _figure_between(text, end, start):
            break
        shared.append(mention)
    return tuple(shared)


# A new clause between a figure and a place: "several thousand people have set up tents in
# the square, and camps have also appeared in Valencia"
_NEW_CLAUSE_RE = re.compile(r",\s+(?:and|but|while|whereas)\s|;|:")


def _tight_list(sentence: _Sentence, end: int, after: Sequence[PlaceMention]) -> _Targets:
    """The places listed one after another from the first after the figure ("in Turku
    and Oulu"), up to the first gap that is no list's comma or "and"; none when a clause
    or another figure stands between the figure's end and the list."""
    ordered = sorted(after, key=lambda m: m.start)
    if not ordered:
        return ()
    first = ordered[0].start - sentence.span.start
    text = sentence.text
    if _NEW_CLAUSE_RE.search(text, end, first) or _figure_between(text, end, first):
        return ()
    listed = ordered[:1]
    for mention in ordered[1:]:
        if not _listed_together(sentence, listed[-1], mention):
            break
        listed.append(mention)
    return tuple(listed)


_FRONTED_BEFORE_RE = re.compile(
    r"(?:^|[;:]\s*|\s[-–—]\s+|,\s*(?:and|while|but)\s+)\s*(?:in|at)\s+$", re.IGNORECASE
)
# (past a date or a gloss: "In Quetzaltenango, the country's second city, several hundred";
# "In Kutaisi, Georgia's second city, about 1,000"; or with no comma at all: "In Kharkiv
# several thousand traders gathered")
_FRONTED_AFTER_RE = re.compile(
    r",\s*(?:(?:(?:on|by|in|late|early|the|a|an|its)\b|[A-Z][\w-]*['’]s\s)[^,;]{0,40},\s*)?"
    r"|\s+"
)


def _fronted(sentence: _Sentence, before: Sequence[PlaceMention], at: int) -> PlaceMention | None:
    """The place a clause opens with, right before the figure: "In Barcelona, several
    thousand people ...", "and in Sumqayit, on Monday, some 500 ..."."""
    if not before:
        return None
    last = max(before, key=lambda m: m.start)
    offset = sentence.span.start
    start, end = last.start - offset, last.end - offset
    if not _FRONTED_BEFORE_RE.search(sentence.text, max(0, start - 30), start):
        return None
    gap = _FRONTED_AFTER_RE.match(sentence.text, end)
    return last if gap is not None and gap.end() == at else None


def _figure_between(text: str, start: int, end: int) -> bool:
    """Whether a crowd figure of the sentence begins after `start` and before `end`."""
    starts = _crowd_starts(text)
    later = bisect_right(starts, start)
    return later < len(starts) and starts[later] < end


@lru_cache(maxsize=4)
def _crowd_starts(text: str) -> list[int]:
    return [figure.start for figure in parse_crowds(text)]


def _parts(sentence: _Sentence, places: _Targets, total: int) -> dict[int, int]:
    offset = sentence.span.start
    parts: dict[int, int] = {}
    each: int | None = None
    previous: PlaceMention | None = None
    for mention in sorted(places, key=lambda m: m.start):
        before = sentence.text[max(0, mention.start - offset - 30) : mention.start - offset]
        match = _PART_BEFORE_RE.search(before)
        number = parse_number(match.group("number")) if match else None
        if number is not None and number < total:
            parts[mention.start] = number
            each = number if match and match.group("each") else None
        elif (
            each is not None
            and previous is not None
            and _SAME_PART_GAP_RE.fullmatch(
                sentence.text, previous.end - offset, mention.start - offset
            )
        ):
            parts[mention.start] = each  # "one each in Quetta and Karachi"
        else:
            each = None
        previous = mention
    return _with_first_part(sentence, places, parts, total)


# "four officers were killed in Freetown and two in Kamakwie": the toll read first is the
# first town's part, when later towns have parts of their own
_FIRST_PART_AFTER_NUMBER_RE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:(?:were|was|had\s+been|have\s+been)\s+(?:killed|shot\s+dead|"
    r"injured|wounded|hurt|arrested|detained)|died|of\s+the\s+dead\s+were)\s+in\s+(?:the\s+)?"
)
_WORD_OR_NUMBER_RE = re.compile(r"(?<![\w,])[\w-]+(?:,\d{3})*")


def _with_first_part(
    sentence: _Sentence, places: _Targets, parts: dict[int, int], total: int
) -> dict[int, int]:
    unparted = sorted((m for m in places if m.start not in parts), key=lambda m: m.start)
    if not parts or not unparted or unparted[0].start > min(parts):
        return parts
    first = unparted[0]
    offset = sentence.span.start
    before = sentence.text[max(0, first.start - offset - 60) : first.start - offset]
    # the nearest number before the town, then "were killed in" right up to it
    words = list(_WORD_OR_NUMBER_RE.finditer(before))
    number = next((w for w in reversed(words) if parse_number(w.group()) is not None), None)
    if number is None or parse_number(number.group()) != total:
        return parts
    if _FIRST_PART_AFTER_NUMBER_RE.fullmatch(before, number.end()) is None:
        return parts
    return {**parts, first.start: total}


def _share(sentence: _Sentence, mention: PlaceMention, total: int) -> int | None:
    """The part of a national figure said to be the city's own, else None."""
    before = sentence.text[: mention.start - sentence.span.start]
    match = _SHARE_BEFORE_RE.search(before[-80:])
    if match is None:
        return None
    share = parse_number(match.group("number").strip(",."))
    return share if share is not None and share < total else None


# An infobox field that states what the unrest was about ("- Caused by: Israeli
# occupation; deaths in a road collision", "| Goals | independence |", "Caused byfuel
# prices") names its grievance, not an event: the deaths there started the protests.
_CAUSE_FIELD_RE = re.compile(
    r"\s*(?:[-*•|]\s*)?(?:(?:caused\s+by|causes?|goals?|aims?|motives?|grievances)\s*[:|]|"
    r"Caused\s+by(?=[A-Z]))",
    re.IGNORECASE,
)


_HEADLINE_TOLL_RE = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:dead|killed|die|died)\b",
    re.IGNORECASE,
)


def _named_cities(places: Sequence[PlaceMention], inferred: bool) -> bool:
    """Whether the places are cities the sentence names outright: a headline's toll counts
    only there ("30 killed in Port Said riots"; not "China says 140 killed", whose capital
    is only implied, nor a headline that names no place)."""
    return not inferred and all(
        m.place.kind is Kind.CITY and m.score != IMPLIED_SCORE for m in places
    )


def _sentence_triggers(
    sentences: Sequence[_Sentence], index: int, article_date: str | None
) -> tuple[Trigger, ...]:
    """The triggers of a sentence whose events count: not past, future, planned or a
    cause; a caption's protest; a protest wherever a crowd gathered."""
    sentence = sentences[index]
    text = sentence.text
    if _CAUSE_FIELD_RE.match(text):
        return ()
    if sentence.prose:
        # The caption is only the fallback of a prose sentence with no other trigger.
        triggers = list(classify(text))
        if not triggers:
            caption = caption_trigger(text, prose=True)
            triggers = [caption] if caption else []
    elif (caption := caption_trigger(text, prose=False)) is not None:
        # Page furniture gives nothing, but a photo caption reports the protest it shows
        # and its crowd, and a clash when it shows the police too; burning tyres alone
        # are not coded from a picture.
        kept = {EventType.PROTEST, EventType.CROWD}
        if _SECURITY_IN_CAPTION_RE.search(text):
            kept.add(EventType.CLASH)
        triggers = [t for t in classify(text) if t.event_type in kept]
        if all(t.event_type is not EventType.PROTEST for t in triggers):
            triggers.append(caption)
    elif index == 0 and _HEADLINE_TOLL_RE.search(text):
        # "Three dead as Darjeeling hills burn": a headline's toll is the story's own
        # claim, which the body may not repeat
        triggers = [t for t in classify(text) if t.event_type is EventType.CASUALTIES]
    else:
        return ()
    # Each filter below touches triggers of one type only, so it is read only when the
    # sentence has a trigger of that type: with none, the filter would keep every trigger.
    if (
        _has_type(triggers, EventType.CROWD)
        and index
        and _COUNTER_RE.search(text)
        and parse_counts(sentences[index - 1].text).killed
    ):
        # "The Red Cross put the toll at eleven": a second figure for the toll before.
        crowd = [t for t in triggers if t.event_type is EventType.CROWD]
        triggers = [t for t in triggers if t.event_type is not EventType.CROWD]
        if crowd and all(t.event_type is not EventType.CASUALTIES for t in triggers):
            triggers.append(replace(crowd[0], event_type=EventType.CASUALTIES))
    if sentence.prose and not _has_type(triggers, EventType.CROWD):
        triggers += [
            Trigger(EventType.CROWD, c.start, c.end, c.text, _SIDE_COUNT_CONFIDENCE)
            for c in _side_counts(sentences, index)[:1]
        ]
    if not triggers or is_historical(text, article_date):
        return ()
    denial = denial_cue(text)
    triggers = [
        t for t in triggers if not _unrealised(text, t) and (denial is None or t.start < denial[1])
    ]
    if _has_type(triggers, EventType.ARREST) and parse_counts(text).arrested == 0:
        # "no one had been arrested": no arrests to report
        triggers = [t for t in triggers if t.event_type is not EventType.ARREST]
    if (
        denial is None
        and _has_type(triggers, EventType.CASUALTIES)
        and _nobody_hurt(text)
        and find_claimant(text) is None
    ):
        # "No deaths were attributed to the protests": no casualties to report. A claim
        # ("he told RFE/RL that nobody died", "police denied that anyone died") is kept: it
        # counters another figure.
        triggers = [t for t in triggers if t.event_type is not EventType.CASUALTIES]
    return tuple(sorted(triggers, key=lambda t: (t.start, t.event_type.value)))


# A side's bare count is read from the sentences around it, not from its own words.
_SIDE_COUNT_CONFIDENCE = 0.7
# "How many people turned out?", "How big did the protest get?", "Crowd figures:": a
# question or heading that the next sentences answer with counts.
_HOW_MANY_RE = re.compile(
    r"\bhow\s+(?:many|big|large)\b|\b(?:crowd|turnout)\s+(?:figures|estimates|numbers)\s*:",
    re.IGNORECASE,
)
# A side's count looks back past fewer sentences than this that neither measure a crowd
# nor give another side's count: "How many turned out? That depends who you ask. Police say
# about four thousand." answers the question.
_SIDE_COUNT_GAPS = 2


def _side_counts(sentences: Sequence[_Sentence], index: int) -> tuple[CrowdFigure, ...]:
    """ "The police estimate about 8,000 teachers are in central Lima. Union leaders say
    20,000.": a side's bare count is another claim of the crowd that a sentence just before
    measured, or that a question asked about; counts in a row answer it together."""
    counts = side_counts(sentences[index].text)
    if not counts:
        return ()
    gaps = 0
    for before in reversed(sentences[max(0, index - 4) : index]):
        text = before.text
        if parse_crowds(text) or _HOW_MANY_RE.search(text):
            return counts
        if not side_counts(text):
            gaps += 1
            if gaps >= _SIDE_COUNT_GAPS:
                break
    return ()


def _has_type(triggers: Sequence[Trigger], event_type: EventType) -> bool:
    return any(t.event_type is event_type for t in triggers)


def _nobody_hurt(text: str) -> bool:
    # parse_counts finds a count of 0 only in a denial, which it reads only in a sentence
    # holding "no", or in a number phrase worth 0 ("zero"): without either, no figure here
    # is 0, and the full reading of the counts is skipped.
    if "no" not in text.lower() and all(phrase.low for phrase in find_numbers(text)):
        return False
    counts = parse_counts(text)
    return _only_zeros(counts.killed, counts.injured)


def _only_zeros(killed: int | None, injured: int | None) -> bool:
    """Whether a toll says nobody was killed or hurt, and gives no other figure."""
    return 0 in (killed, injured) and not (killed or injured)


_SECURITY_IN_CAPTION_RE = re.compile(
    r"\b(?:police|policemen|troops|soldiers|security\s+forces|army|gendarmes)\b", re.IGNORECASE
)


def _unrealised(text: str, trigger: Trigger) -> bool:
    """Whether the trigger's clause speaks of what will, may or is planned to happen."""
    if not may_be_unrealised(text):
        return False
    start, end = 0, len(text)
    for match in _CLAUSE_SPLIT_RE.finditer(text):
        if match.end() <= trigger.start:
            start = match.end()
        elif match.start() >= trigger.end:
            end = match.start()
            break
    return unrealised_cue(text[start:end], trigger.start - start) is not None


def _home(
    text: str,
    sentences: Sequence[_Sentence],
    mentions: Sequence[PlaceMention],
    infobox: Sequence[Field],
) -> tuple[PlaceMention, ...]:
    """The article's home city: its dateline's, or else the one city its infobox names.

    (The one city of an article's lead was tried as a third source: on the dev reports it
    placed nationwide tolls and background in the capital, costing more than it found.)"""
    for index, sentence in enumerate(sentences[:_DATELINE_SENTENCES]):
        cities = [m for m in sentence.dateline if m.place.kind is Kind.CITY]
        if len({m.place for m in cities}) > 1:
            return ()  # "Bangkok/Seoul -": a statement's offices, neither its story's home
        if cities:
            lead = sentences[index : index + _LEAD_REACH]
            away = _foreign_bureau(cities[0], lead) or _AWAY_FROM_HERE_RE.search(sentence.text)
            return () if away else (cities[0],)
    return (
        _headline_home(sentences)
        or _infobox_home(text, mentions, infobox)
        or _live_page_home(text, sentences)
    )


_LEAD_SENTENCES = 8  # a live page opens with its title, date lines and a greeting
# A dateline follows at most a headline, a "Published:" line and a section's name
_DATELINE_SENTENCES = 5


def _live_page_home(text: str, sentences: Sequence[_Sentence]) -> tuple[PlaceMention, ...]:
    """The one city a live page's lead puts its story in: each later entry opens a scene of
    its own, and one that names no place goes on with that city ("17:35 Police say 17
    protesters have been arrested")."""
    if not is_live_page(text):
        return ()
    for sentence in sentences[:_LEAD_SENTENCES]:
        if sentence.prose and sentence.places:
            cities = {m.place.geonameid: m for m in sentence.places if m.place.kind is Kind.CITY}
            return tuple(cities.values()) if len(cities) == 1 else ()
    return ()


# "UNION MOTORCADE ROUTED AT MURDOCHVILLE", "Police tear-gas marchers in Lagos"
_AT_PLACE_RE = re.compile(r"\b(?i:in|at)\s+$")


def _headline_home(sentences: Sequence[_Sentence]) -> tuple[PlaceMention, ...]:
    """The one city a headline's first item says things happened at or in ("MOTORCADE
    ROUTED AT MURDOCHVILLE; CARS OVERTURNED"), where an article without a dateline is set.
    """
    headline = sentences[0] if sentences else None
    if headline is None or headline.prose:
        return ()
    start = headline.span.start
    cities = {m.place.geonameid: m for m in headline.named if m.place.kind is Kind.CITY}
    if len(cities) != 1 or len(headline.named) != 1:
        return ()
    (city,) = cities.values()
    before = headline.text[: city.start - start]
    # ("Police break up CGT march; worker shot dead in Mendoza": a second item's place)
    first_item = ";" not in before
    return (city,) if first_item and _AT_PLACE_RE.search(before) else ()


# "JOHANNESBURG — ... running battles in the townships of the Vaal Triangle, about 35 miles
# south of here": the reporter files from the dateline, and says the story is elsewhere.
_AWAY_FROM_HERE_RE = re.compile(
    r"\b(?:miles|kilometres|kilometers|km)\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?|"
    r"away|outside)\s+(?:of\s+|from\s+)?here\b"
)


# A dateline on a line of its own ("London, 4 March 1977" under a press statement's
# letterhead) is read with the lead below it: the dateline's line and the two after it.
_LEAD_REACH = 3


def _foreign_bureau(dateline: PlaceMention, lead: Sequence[_Sentence]) -> bool:
    # "DUBAI, Oct 1 – Iranian forces opened fire ... in Zahedan": a bureau abroad, whose
    # city is where the reporter files from, not where the story happens.
    # Every place the lead's first sentence to name one names counts, event place or not
    # ("NAIROBI, KENYA - Tanzanian authorities extended a curfew in Dar es Salaam"), but the
    # dateline's own. ("SASEBO, Japan (AP) - Students fought police at the U.S. Navy base
    # here": the reporter is at the scene, whatever foreign name the sentence holds.)
    country = dateline.place.country_code
    # A dateline on a line of its own, under a statement's letterhead ("Quito, 1 October
    # 2009") or set apart above a wire's lead ("BEIJING —"), is where the text was issued
    # or filed: a lead that names another town of the same country ("the killing of a
    # teacher near Macas", "Officials in the southern city of Maoming say") is set there.
    on_its_own_line = bool(lead) and not lead[0].prose
    for sentence in lead:
        named = _lead_names(sentence, dateline)
        if named:
            abroad = (
                all(m.place.country_code != country for m in named)
                or (on_its_own_line and _another_town(named, dateline))
                or _only_towns_away(sentence, named, dateline)
            )
            return abroad and _HERE_RE.search(sentence.text) is None
        if sentence.prose:
            return False  # a lead that names no other place: the story is at the dateline
    return False


def _only_towns_away(
    sentence: _Sentence, named: Sequence[PlaceMention], dateline: PlaceMention
) -> bool:
    """Whether the lead puts its events only in towns of the dateline's country away from
    its city: "TUNIS - Police fired tear gas ... in the southern Tunisian town of Ben
    Guerdane ... against the closure of the crossing into Libya" is filed from the capital
    and set in the town."""
    # ("HOPA - A teacher died ... in this Black Sea town, and demonstrators took to the
    # streets of Istanbul": the reporter points at the dateline's town)
    if _THIS_TOWN_RE.search(sentence.text):
        return False
    here = dateline.place
    # (events abroad are away too: "NIAMEY - Two people were killed in the town of Téra
    # when protesters tried to stop a convoy held up by demonstrators in neighbouring
    # Burkina Faso")
    events = [
        m for m in named if m in sentence.places and m.place.country_code == here.country_code
    ]
    # (a town told as one: "KARACHI - Police fired on marchers in the center of Pakistan's
    # capital" names no town away, and neither does a namesake of a city's district)
    return bool(events) and all(
        told_as_a_town(sentence.text, m.start - sentence.span.start, m.end - sentence.span.start)
        and m.place.kind in (Kind.CITY, Kind.ADMIN2)
        and great_circle_km(m.place.lat, m.place.lon, here.lat, here.lon) > _SUBURB_KM
        for m in events
    )


def _lead_names(sentence: _Sentence, dateline: PlaceMention) -> list[PlaceMention]:
    """The places a lead sentence names besides its dateline. The dateline's city named
    again as no event place says nothing of where the story is when the sentence puts its
    events elsewhere ("rioted in Krivoi Rog ..., according to travelers who reached
    Moscow"); beside no other event place it still does ("martial law in the capital")."""
    # ("HAVANA - ... marched along Fifth Avenue in the Miramar district": a district of the
    # dateline's city, not the Miramar in Florida)
    named = [
        m for m in sentence.named if m not in sentence.dateline and m not in sentence.districts
    ]
    # ("Reports reaching the Thai capital": "Thai" is a word of the capital's phrase)
    named = [m for m in named if not any(_inside(m, other) for other in named)]
    others = [
        m for m in named if m.place.geonameid != dateline.place.geonameid or m in sentence.places
    ]
    return others if any(m in sentence.places for m in others) else named


def _inside(mention: PlaceMention, other: PlaceMention) -> bool:
    """Whether the mention is a word of another, longer one."""
    return other is not mention and other.start <= mention.start and mention.end <= other.end


_HERE_RE = re.compile(r"\bhere\b(?!\s+(?:is|are|was|were)\b)")


# A town nearer the dateline's than this is one of its districts or suburbs ("the Abobo
# district of Abidjan"), which the story's own city holds.
_SUBURB_KM = 30.0


def _another_town(named: Sequence[PlaceMention], dateline: PlaceMention) -> bool:
    """Whether the names hold a town of the dateline's country away from its own."""
    here = dateline.place
    return any(
        m.place.kind is Kind.CITY
        and m.place.country_code == here.country_code
        and great_circle_km(m.place.lat, m.place.lon, here.lat, here.lon) > _SUBURB_KM
        for m in named
    )


def _capital_finder(gaz: Gazetteer, year: int | None) -> SeatFinder:
    # The capital in the story's year: "the capital" in a 1988 report on Burma is Rangoon.
    def capital_of(country_code: str, body: str = "capital") -> Place | None:
        seat = Capitals.default().seat_id(country_code, body, year)
        return gaz.place(seat) if seat is not None else None

    return capital_of


def _infobox_home(
    text: str, mentions: Sequence[PlaceMention], infobox: Sequence[Field]
) -> tuple[PlaceMention, ...]:
    """The one city an infobox's place fields name, beside the regions and country around
    it ("Place: Kaunas, Lithuania"; "Location: Old Location, Windhoek, South West Africa
    (now Namibia)")."""
    place_fields = [_before_also(text, f) for f in infobox if f.kind == FieldKind.PLACE]
    if any(_MANY_PLACES_RE.search(text[f.start : f.end]) for f in place_fields):
        return ()
    if any(_LISTED_RE.search(text[f.start : f.end]) for f in place_fields):
        return ()  # "Djibouti City; Tadjoura": a list, whatever the gazetteer reads in it
    places = [m for f in place_fields for m in _field_places(text, f, mentions)]
    distinct = _distinct_places(places)
    cities = [m for m in distinct if m.place.kind is Kind.CITY]
    if len(cities) == 1 and all(
        _around(m.place, cities[0].place) for m in distinct if m is not cities[0]
    ):
        return (cities[0],)
    return _titled_city(text, mentions, cities)


def _titled_city(
    text: str, mentions: Sequence[PlaceMention], cities: Sequence[PlaceMention]
) -> tuple[PlaceMention, ...]:
    """Of the cities an infobox lists, the one the page's title names ("Zhanaozen massacre"
    over "Location: Zhanaozen, Shetpe"): the page is about it."""
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    titled = {m.place.geonameid for m in mentions if m.start < title_end}
    named = [c for c in cities if c.place.geonameid in titled]
    return (named[0],) if len(named) == 1 else ()


_LISTED_RE = re.compile(r";|\band\b|&")
# "Location: Athens; also Thessaloniki, Patras": the first place is the article's own
_ALSO_RE = re.compile(r";\s+also\b", re.IGNORECASE)


def _before_also(text: str, field: Field) -> Field:
    also = _ALSO_RE.search(text, field.start, field.end)
    return field if also is None else replace(field, end=also.start())


def _named_in_passing(
    sentence: _Sentence, places: Sequence[PlaceMention], cities: Sequence[PlaceMention]
) -> bool:
    """Whether the sentence names only the country or region around one of the cities, and
    not as where things happen: "(a demonstration in Pristina ...) The march was organised
    against the proposal for Kosovo's future status. The organisers said 10,000 took part"
    stays in Pristina; "Protests began in cities throughout Haiti" moves to the country."""
    return _broad_around(places, cities) and not any(
        _put_as_where(sentence.text, m.start - sentence.span.start) for m in places
    )


def _put_as_where(text: str, position: int) -> bool:
    """Whether the place at the position is put as where things happen ("throughout
    Haiti"), not as a superlative's scope ("the largest demonstration in Galicia in living
    memory": the march was in Santiago)."""
    return bool(_LOCATIVE_BEFORE_RE.search(text, 0, position)) and not (
        _SUPERLATIVE_SCOPE_BEFORE_RE.search(text, max(0, position - 80), position)
    )


# A place put as where things happen: "in Haiti", "throughout the country", "across Kenya",
# "in southern and western Kyrgyzstan", "in western districts of Kyrgyzstan"
_LOCATIVE_BEFORE_RE = re.compile(
    r"\b(?:in|throughout|across|around|all\s+over|over)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+(?:(?:and|or)\s+)?){0,2}?"
    r"(?:(?:parts?|districts?|regions?|areas?|provinces?|towns?|cities)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


# A landmark's name that a small place far away also bears
_LANDMARK_NAME_RE = re.compile(r"\s(?:Park|Square|Gardens?|Green|Common)$")
_LANDMARK_NAMESAKE_POPULATION = 20_000


def _landmarks_far_from(places: Sequence[PlaceMention], cities: Sequence[PlaceMention]) -> bool:
    """Whether every place is a small town named like a landmark ("Hyde Park") that lies
    far from each of the scene's cities."""
    towns = [c.place for c in cities if c.place.kind is Kind.CITY]
    return bool(towns) and all(
        m.place.kind is Kind.CITY
        and m.place.population < _LANDMARK_NAMESAKE_POPULATION
        and _LANDMARK_NAME_RE.search(m.text) is not None
        and all(
            great_circle_km(m.place.lat, m.place.lon, town.lat, town.lon) > LANDMARK_REACH_KM
            for town in towns
        )
        for m in places
    )


_SUPERLATIVE_SCOPE_BEFORE_RE = Caseless(
    r"\b(?:largest|biggest|greatest|worst|deadliest|bloodiest|fiercest|heaviest|most\s+\w+)\s+"
    r"(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?$"
)


def _broad_around(places: Sequence[PlaceMention], cities: Sequence[PlaceMention]) -> bool:
    """Whether the places are all countries or regions around one of the cities."""
    towns = [c.place for c in cities if c.place.kind is Kind.CITY]
    return bool(towns) and all(
        m.place.kind is not Kind.CITY and any(_around(m.place, town) for town in towns)
        for m in places
    )


def _around(broad: Place, city: Place) -> bool:
    """Whether a place lies around the city: its continent, country or first-level region."""
    return broad.kind is Kind.REGION or contains(broad, city)


# "Budapest and other cities": the infobox is not about one city.
_MANY_PLACES_RE = re.compile(
    r"\b(?:other|several|many|most|major|various)\s+(?:\w+\s+)?(?:cities|towns|areas|places)\b|"
    r"\b(?:nationwide|across|throughout)\b",
    re.IGNORECASE,
)


def _with_glued_fields(
    text: str, mentions: list[PlaceMention], infobox: Sequence[Field], gaz: Gazetteer
) -> list[PlaceMention]:
    """The mentions, with the places of a place field glued to its key ("LocationPort
    Moresby, Lae, Goroka"), which the text's own words hide: "LocationPort" is no name."""
    glued = [
        f
        for f in infobox
        if f.kind == FieldKind.PLACE and f.start > 0 and text[f.start - 1].isalpha()
    ]
    if not glued:
        return mentions
    taken = {(m.start, m.end) for m in mentions}
    extra = [
        replace(m, start=m.start + f.start, end=m.end + f.start)
        for f in glued
        for m in find_mentions(text[f.start : f.end], gaz)
    ]
    extra = [m for m in extra if (m.start, m.end) not in taken]
    return sorted([*mentions, *extra], key=lambda m: (m.start, m.end)) if extra else mentions


def _field_places(
    text: str, field: Field, mentions: Sequence[PlaceMention]
) -> tuple[PlaceMention, ...]:
    """The event places an infobox field names, judged by the same rules as a sentence's."""
    start, end = field.start, field.end
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    return _judge_sentence(text, Span(start, end, -1), inside, False).places


def _line_span(text: str, start: int, end: int) -> Span:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    while line_start < line_end and text[line_start].isspace():
        line_start += 1
    return Span(line_start, line_end, -1)


_ABOUT_PROTESTS_REACH = 3000


# One report per type, place, sentence and crowd figure: a sentence that names a place
# twice, or that two triggers of one type read, gives one report; its crowd figures, each
# a claim of its own ("police said 5,000, organisers 20,000"), give one each.
_ReportKey = tuple[str, int, int, int | None, int | None]


def _report_key(
    event_type: EventType, mention: PlaceMention, start: int, figures: _Figures
) -> _ReportKey:
    # (a rival claim for the toll is a report of its own, as a rival crowd figure is)
    claimed = figures.counts.get("killed") if figures.disputed else None
    return (
        event_type.value,
        mention.place.geonameid,
        start,
        figures.counts.get("crowd_low"),
        claimed,
    )


def _infobox_events(
    article: Article,
    infobox: Sequence[Field],
    mentions: Sequence[PlaceMention],
    seen: set[_ReportKey],
) -> list[Event]:
    """Events an infobox states: a protest at each place of its place field, a crowd at
    the one place of a crowd line, and tolls at the one city the infobox is about."""
    text = article.text
    found = infobox
    if not found or not reports_an_event(text[:_ABOUT_PROTESTS_REACH]):
        return []  # an infobox of a page that is not about protests
    home_places = list(_infobox_home(text, mentions, infobox))
    events: list[Event] = []
    for field in found:
        if field.kind == FieldKind.PLACE:
            places = _distinct_places(_field_places(text, field, mentions))
            items = [(EventType.PROTEST, _Figures({}))]
        elif field.kind == FieldKind.CROWD:
            places = _distinct_places(_field_places(text, field, mentions))
            if len(places) != 1:
                continue
            figures = _Figures({"crowd_low": field.low, "crowd_high": field.high})
            items = [(EventType.CROWD, figures), (EventType.PROTEST, _Figures({}))]
        else:
            places = home_places
            if len(places) != 1 or not field.low:
                continue  # tolls belong to the one city the infobox is about; 0 is no event
            kind = EventType.ARREST if field.kind == FieldKind.ARRESTED else EventType.CASUALTIES
            name = {FieldKind.KILLED: "killed", FieldKind.INJURED: "injured"}.get(
                field.kind, "arrested"
            )
            counts: dict[str, int | None] = {name: field.low}
            rivals = _rival_tolls(text[field.start : field.end]) if name == "killed" else []
            items = [(kind, figures) for figures in rivals] or [(kind, _Figures(counts))]
        span = _line_span(text, field.start, field.end)
        line = _Sentence(span, text[span.start : span.end], False, tuple(places))
        said = _Said(article, [line], 0)
        for event_type, figures in items:
            trigger = Trigger(event_type, 0, 0, "", 0.7)
            for mention in places:
                key = _report_key(event_type, mention, span.start, figures)
                if key in seen:
                    continue
                seen.add(key)
                events.append(_event(said, trigger, figures, mention, places, False, figures.claim))
    return events


# "- Deaths: 4 (police); 6 (opposition)", "| Deaths | 16 (official); 64 (opposition claim)
# |": a figure and, in brackets, whose it is
_FIELD_CLAIM_RE = re.compile(
    r"(?<![\d,])(?P<number>\d[\d,]*)(?:\s*[–-]\s*\d[\d,]*)?\s*\((?P<source>[^()\d]{2,40})\)"
)


# "16 (some counts 20)", "19 (21 including later deaths)": a toll and another count in
# brackets, said by whoever the bracket names, if anyone
_FIELD_ALTERNATIVE_RE = re.compile(
    r"^\s*(?P<number>\d[\d,]*)\s*\((?P<source>[^()\d,]{0,30}?)\s*"
    r"(?!(?:1[5-9]|20)\d\d\b)(?P<other>\d[\d,]*)[^()\d]{0,40}\)"
)


def _alternative_tolls(value: str) -> list[tuple[int, str | None]]:
    match = _FIELD_ALTERNATIVE_RE.match(value)
    if match is None:
        return []
    # ("some counts 20" names who counts; "21 including later deaths" says what it counts)
    other_source = match.group("source").strip() or None
    return [
        (int(match.group("number").replace(",", "")), None),
        (int(match.group("other").replace(",", "")), other_source),
    ]


def _rival_tolls(value: str) -> list[_Figures]:
    """One toll per source where an infobox field gives rival tolls, each credited and
    disputed; none where it gives one."""
    claims: list[tuple[int, str | None]] = [
        (int(match.group("number").replace(",", "")), match.group("source").strip())
        for match in _FIELD_CLAIM_RE.finditer(value)
    ] or _alternative_tolls(value)
    if len({killed for killed, _ in claims}) < 2:
        return []
    return [_Figures({"killed": k, "injured": None}, claim=who, disputed=True) for k, who in claims]


# Who takes a building as a protest: "Protesters stormed the mayor's office".
_PROTESTERS_RE = Caseless(
    r"\b(?:protesters|protestors|demonstrators|marchers|crowds?|rioters|activists|mobs?)\b"
)


def _gathers(event: Event) -> bool:
    """A crowd, or protesters taking a building or fighting there: people gathered there."""
    if event.event_type is EventType.CROWD:
        return True
    acted = event.event_type in (EventType.SEIZURE, EventType.CLASH)
    return acted and bool(_PROTESTERS_RE.search(event.quote))


def _without_country_echoes(events: list[Event]) -> list[Event]:
    """A report placed only at a country, with no figure of its own, is left out when the
    article places the same kind of event at a town of that country.

    "Protests spread across Kenya" beside the march in Kisumu adds no event a reader could
    locate: event coders (ACLED, CCC) code the most specific place named, and a marker at
    the country's middle would show a protest where none was. A national figure ("19 people
    had died across the country") is kept: it is a fact no town's report gives.
    """
    located = {
        (e.event_type, e.place.country_code) for e in events if e.precision is Precision.POINT
    }
    return [e for e in events if not _country_echo(e, located)]


def _country_echo(event: Event, located: set[tuple[EventType, str]]) -> bool:
    return (
        event.precision is Precision.COUNTRY
        and (event.event_type, event.place.country_code) in located
        and not any(getattr(event, name) is not None for name in _FIGURE_NAMES)
    )


_FIGURE_NAMES = ("crowd_low", "crowd_high", "killed", "injured", "arrested")


def _without_lone_zero_tolls(events: list[Event]) -> list[Event]:
    """A claim that nobody was hurt is kept only where it counters a toll.

    "No one was seriously hurt, according to the police chief" after a peaceful march
    reports no casualties: a marker saying "0 injured" would show casualties where there
    were none. Beside "two were wounded" at the same place, the same claim is the other
    side of a dispute, and stays.
    """
    hurt = {e.place.geonameid for e in events if e.killed or e.injured}
    return [e for e in events if not _zero_toll(e) or e.place.geonameid in hurt]


def _zero_toll(event: Event) -> bool:
    return event.event_type is EventType.CASUALTIES and _only_zeros(event.killed, event.injured)


def _with_gatherings(events: list[Event]) -> list[Event]:
    """A crowd that gathered at a place, or protesters who stormed a building there, is a
    protest there: where the article reports one but no protest at a place, its first such
    report also gives the protest."""
    protests = {e.place.geonameid for e in events if e.event_type is EventType.PROTEST}
    out = []
    for event in events:
        out.append(event)
        if _gathers(event) and event.place.geonameid not in protests:
            protests.add(event.place.geonameid)
            out.append(
                replace(
                    event,
                    event_type=EventType.PROTEST,
                    crowd_low=None,
                    crowd_high=None,
                    crowd_text="",
                    disputed=False,
                )
            )
    return out


_FIGURE_FIELDS = {EventType.CROWD: "crowd_low", EventType.CASUALTIES: "killed"}


def _mark_disputes(events: list[Event]) -> list[Event]:
    """Two figures for one crowd or toll at one place are a dispute: from two named
    sources (government and opposition), or a counter-estimate and the figure before it."""
    # Figures are compared within a group (one type at one place) through counts and
    # indexes, not pair by pair: a long article has thousands of events at one place.
    figures: list[tuple[int, _Group, int]] = []
    for i, event in enumerate(events):
        name = _FIGURE_FIELDS.get(event.event_type)
        value = getattr(event, name) if name else None
        if value is not None:
            figures.append((i, (event.event_type, event.place.geonameid), value))
    disputed = _named_disputes(events, figures) | _adjacent_disputes(events, figures)
    return [replace(e, disputed=True) if i in disputed else e for i, e in enumerate(events)]


_Group = tuple[EventType, int | None]


def _named_disputes(events: list[Event], figures: list[tuple[int, _Group, int]]) -> set[int]:
    """Figures of a group that another claimant puts at another value."""
    named: dict[_Group, list[tuple[int, int, str]]] = {}
    for i, group, value in figures:
        if events[i].claimed_by:
            named.setdefault(group, []).append((i, value, events[i].claimed_by))
    disputed: set[int] = set()
    for members in named.values():
        values = Counter(value for _, value, _ in members)
        claims = Counter(claim for _, _, claim in members)
        both = Counter((value, claim) for _, value, claim in members)
        for i, value, claim in members:
            # Members with another value and another claimant, by inclusion and exclusion.
            if len(members) - values[value] - claims[claim] + both[value, claim] > 0:
                disputed.add(i)
    return disputed


def _adjacent_disputes(events: list[Event], figures: list[tuple[int, _Group, int]]) -> set[int]:
    """A counter-estimate (an event already marked disputed) and the other figures of its
    group in the sentence just before it."""
    disputed: set[int] = set()
    # (group, char_end) -> value -> earlier figures not yet marked; and every value seen.
    pending: dict[tuple[_Group, int], dict[int, list[int]]] = {}
    values: dict[tuple[_Group, int], set[int]] = {}
    for i, group, value in figures:
        event = events[i]
        if event.disputed:
            for end in range(event.char_start - 3, event.char_start + 1):
                seen = values.get((group, end), set())
                if len(seen) > 1 or (seen and value not in seen):
                    disputed.add(i)
                    earlier = pending[group, end]
                    for other in [v for v in earlier if v != value]:
                        disputed.update(earlier.pop(other))
        pending.setdefault((group, event.char_end), {}).setdefault(value, []).append(i)
        values.setdefault((group, event.char_end), set()).add(value)
    return disputed
