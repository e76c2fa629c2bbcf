"""A learned last check on an article's reports: drop those unlikely to be a real event there.

The rules in geomap.triggers and geomap.event_places each read one sentence or one scene.
Some mistakes only show across the article: a place named once, late, in a story whose
other reports are all elsewhere; a report inferred from the scene at a place of another
country. A logistic regression over a dozen such signals, and over the words of the
report's sentence and around its place, trained on the hand-coded held-out sets in
bench/fresh* (scripts/train_report_filter.py), gives each report the chance that it is a
real event of its type at its place; reports below the threshold are dropped. It raised
precision on report sets nobody tuned for (README, "How it works").

Scoring is plain Python over the committed weights (assets/report_filter.json): no model
library at run time, and the same reports give the same answer on every machine.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from geomap.model import Event, EventType, Precision

__all__ = ["FEATURES", "ArticleReports", "ReportFilter", "default_filter", "judged", "words"]


@dataclass(frozen=True)
class ArticleReports:
    """What the features read about one report: the article's text and all its reports."""

    text: str
    first_line: str
    reports: int
    countries: Counter[str]
    places: Counter[str]
    story_country: str  # the country with most reports (ties: the one reported first)

    @classmethod
    def of(cls, text: str, events: Sequence[Event]) -> ArticleReports:
        stripped = text.strip()
        countries = Counter(e.place.country_code for e in events)
        return cls(
            text=text,
            first_line=stripped.split("\n", 1)[0] if stripped else "",
            reports=len(events),
            countries=countries,
            places=Counter(e.place.place_id for e in events),
            # (Counter keeps insertion order, so a tie goes to the country reported first)
            story_country=countries.most_common(1)[0][0] if countries else "",
        )


def judged(event: Event) -> bool:
    """Whether the filter judges a report: only those that put a marker on a town.

    A region's or a country's report ("19 killed across Kenya") is the text's own scope,
    and the hand-coded sets neither ask for such figures nor forbid them: there is nothing
    to learn them from.
    """
    return event.precision is Precision.POINT


_Feature = Callable[[Event, ArticleReports], float]


def _flag(value: bool) -> float:
    return 1.0 if value else 0.0


def _times_named(event: Event, article: ArticleReports) -> float:
    # How often the article writes the place (any of its spellings): the story's own
    # places come back; a place named in passing does not.
    return math.log1p(sum(article.text.count(m) for m in set(event.mentions)))


def _type_feature(event_type: EventType) -> _Feature:
    return lambda event, _: _flag(event.event_type is event_type)


# Each signal by name; the weights file gives each a weight. Counts are taken as
# log(1 + n), so that a long article's many reports do not push a report far past what
# the training articles showed.
FEATURES: dict[str, _Feature] = {
    "inferred": lambda e, _: _flag(e.inferred),
    "confidence": lambda e, _: e.confidence,
    "story_country": lambda e, a: _flag(e.place.country_code == a.story_country),
    "countries": lambda _, a: math.log1p(len(a.countries)),
    "times_named": _times_named,
    "in_first_line": lambda e, a: _flag(any(m in a.first_line for m in e.mentions)),
    "position": lambda e, a: e.char_start / max(1, len(a.text)),
    "share": lambda e, a: a.places[e.place.place_id] / a.reports,
    "reports": lambda _, a: math.log1p(a.reports),
    **{f"type_{t.value}": _type_feature(t) for t in EventType},
}


# Words written in lower case only: a capitalised word is mostly a name ("India", "April"),
# whose weight would be a fact about the training stories rather than a cue of how news is
# written (measured: as much precision gained on the held-out rounds, with less recall lost).
_WORD_RE = re.compile(r"\b[a-z]+\b")
_WORDS_BEFORE_PLACE = 4
_WORDS_AFTER_PLACE = 3


def words(event: Event) -> frozenset[str]:
    """The report's words, as the filter's word features name them.

    Every lower-case word of its sentence ("s:fired"), the four lower-case words before its
    place and the three after ("b:prison", "a:said"), and "noplace" when the sentence does
    not write the place (a report inferred from the scene). The signals FEATURES reads are
    the article's; these are the sentence's own: "in memory of", "officials in ... said",
    "a prison in" are cues no single rule lists in every wording, and the training sets hold
    thousands of them.
    """
    quote = event.quote
    found = {f"s:{word}" for word in _WORD_RE.findall(quote)}
    written = False
    for mention in set(event.mentions):
        at = quote.find(mention)
        if at < 0:
            continue
        written = True
        before = _WORD_RE.findall(quote[:at])[-_WORDS_BEFORE_PLACE:]
        after = _WORD_RE.findall(quote[at + len(mention) :])[:_WORDS_AFTER_PLACE]
        found.update(f"b:{word}" for word in before)
        found.update(f"a:{word}" for word in after)
    if not written:
        found.add("noplace")
    return frozenset(found)


@dataclass(frozen=True)
class ReportFilter:
    """A logistic regression over FEATURES and the report's words, and the chance below
    which a report goes."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    # word feature (see `words`) -> weight; words the training sets held too rarely have none
    word_weights: dict[str, float] = field(default_factory=dict)

    def chance(self, event: Event, article: ArticleReports) -> float:
        z = self.intercept + sum(
            w * FEATURES[name](event, article) for name, w in self.weights.items()
        )
        if self.word_weights:
            z += sum(self.word_weights.get(word, 0.0) for word in words(event))
        return 1.0 / (1.0 + math.exp(-z))

    def scored(self, text: str, events: Sequence[Event]) -> list[Event]:
        """The reports, in their order, each town's report with its event_chance (to three
        decimals: the figure an editor sees is the one the threshold is applied to)."""
        if not events:
            return []
        article = ArticleReports.of(text, events)
        return [
            replace(event, event_chance=round(self.chance(event, article), 3))
            if judged(event)
            else event
            for event in events
        ]

    def kept(self, text: str, events: Sequence[Event]) -> list[Event]:
        """The reports the filter does not doubt, and every report of a region or country,
        in their order, scored as `scored` gives them."""
        return [event for event in self.scored(text, events) if not self.doubts(event.event_chance)]

    def doubts(self, event_chance: float | None) -> bool:
        """Whether a report with this event_chance is one the filter would drop: an editor
        checks it first. A report the filter does not judge (None) is not doubted."""
        return event_chance is not None and event_chance < self.threshold

    @classmethod
    def from_json(cls, document: dict) -> ReportFilter:
        weights = {str(k): float(v) for k, v in document["weights"].items()}
        unknown = sorted(set(weights) - set(FEATURES))
        if unknown:
            raise ValueError(f"report filter: unknown features {', '.join(unknown)}")
        word_weights = {str(k): float(v) for k, v in document.get("words", {}).items()}
        return cls(
            weights, float(document["intercept"]), float(document["threshold"]), word_weights
        )


@cache
def default_filter() -> ReportFilter:
    """The filter trained on bench/fresh*, as committed."""
    path = resources.files("geomap") / "assets" / "report_filter.json"
    return ReportFilter.from_json(json.loads(path.read_text(encoding="utf-8")))
