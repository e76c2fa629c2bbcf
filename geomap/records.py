"""From reports to events: one record per real event, corroborated across articles.

A *report* is what `geomap.extract` finds: one sentence naming one kind of event at one
place. An *event record* is the unit that ACLED and the Crowd Counting Consortium (CCC)
code by hand: one event type, at one place, on one day, with every report of it.

The grouping rules, in the order they are applied (each is a small function below):

1. **Main events are protests, seizures and clashes.** Reports of these with the same
   place, type and day are one record.
2. **An undated report joins the record it most likely tells of.** ACLED's practice: with
   no day in the sentence, the event happened in the week before publication. It joins the
   latest record of the same place and type dated in that week (or, when the article has no
   date either, only an undated record of that place and type). With none, it is a record
   of its own, dated by the week of publication (`date_precision` "week") or not at all.
3. **Crowd sizes, casualties and arrests are attributes** of the protest, seizure or clash
   at the same place on a compatible day: a crowd belongs to the protest, deaths and
   arrests to the clash (else the protest, else the seizure). Where nothing else happened
   at that place and day, or where the report gives no figure to attach ("dozens were
   detained"), they are records of their own, so the map and the data still show them.
4. **A region- or country-level report joins a town's record inside it** when exactly one
   record of that type and day lies there ("clashes in Kyrgyzstan" beside "clashes in
   Osh"); otherwise it stays a record of its own, marked by its coarse `geo_precision`.

Merged figures: `size_low` is the lowest reported low and `size_high` the highest high,
with every claim kept in `size_claims`; `fatalities`, `injuries` and `arrests` are the most
conservative reported figure (ACLED's rule), and the `_high` fields the largest.

Everything here is pure and deterministic: reports are grouped in a canonical order, so
the same reports give the same records and ids whatever order they arrive in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from gazetteer.model import Kind, Place
from geomap.model import Event, EventType, Precision

__all__ = [
    "ATTRIBUTE_TYPES",
    "MAIN_TYPES",
    "SUB_EVENT_TYPES",
    "EventRecord",
    "SizeClaim",
    "group_reports",
    "record_order",
    "size_category",
    "sub_event_type",
]

MAIN_TYPES = (EventType.PROTEST, EventType.SEIZURE, EventType.CLASH)
ATTRIBUTE_TYPES = (EventType.CROWD, EventType.CASUALTIES, EventType.ARREST)

# Which main event an attribute belongs to when several happened at one place that day.
_ATTRIBUTE_HOSTS: dict[EventType, tuple[EventType, ...]] = {
    EventType.CROWD: (EventType.PROTEST, EventType.SEIZURE, EventType.CLASH),
    EventType.CASUALTIES: (EventType.CLASH, EventType.PROTEST, EventType.SEIZURE),
    EventType.ARREST: (EventType.CLASH, EventType.PROTEST, EventType.SEIZURE),
}

# ACLED's time_precision, by name: how exactly `event_date` is known.
DAY, WEEK, UNKNOWN = "day", "week", "unknown"
_REPORTING_WINDOW = dt.timedelta(days=7)

# ACLED's geo_precision: 1 a named town, 2 near a town (place inferred from context),
# 3 a region or country.
_GEO_PRECISION = {Precision.POINT: 1, Precision.REGION: 3, Precision.COUNTRY: 3}


@dataclass(frozen=True)
class SizeClaim:
    """One crowd figure as reported, with who gave it and where it was read."""

    low: int
    high: int | None
    text: str
    claimed_by: str
    source: str


@dataclass(frozen=True)
class EventRecord:
    """One real event: a type, a place and a day, with every report of it."""

    event_id: str
    event_type: EventType
    place: Place
    geo_precision: int
    event_date: str | None
    date_precision: str
    reports: tuple[Event, ...]
    size_claims: tuple[SizeClaim, ...] = ()
    disputed: bool = False

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({r.source for r in self.reports}))

    @property
    def n_sources(self) -> int:
        """Independent sources: distinct outlets, or distinct articles where none is named."""
        return len({r.outlet or r.source.split(":")[0] for r in self.reports})

    @property
    def size_low(self) -> int | None:
        return min((c.low for c in self.size_claims), default=None)

    @property
    def size_high(self) -> int | None:
        highs = [c.high if c.high is not None else c.low for c in self.size_claims]
        return max(highs, default=None)

    @property
    def fatalities(self) -> int | None:
        return _conservative(r.killed for r in self.reports)

    @property
    def fatalities_high(self) -> int | None:
        return _largest(r.killed for r in self.reports)

    @property
    def injuries(self) -> int | None:
        return _conservative(r.injured for r in self.reports)

    @property
    def injuries_high(self) -> int | None:
        return _largest(r.injured for r in self.reports)

    @property
    def arrests(self) -> int | None:
        return _conservative(r.arrested for r in self.reports)

    @property
    def arrests_high(self) -> int | None:
        return _largest(r.arrested for r in self.reports)


def _conservative(figures: Iterable[int | None]) -> int | None:
    return min((f for f in figures if f is not None), default=None)


def _largest(figures: Iterable[int | None]) -> int | None:
    return max((f for f in figures if f is not None), default=None)


def size_category(size_low: int | None) -> int:
    """CCC's size_cat from the lowest estimate: 0 none given, 1 under 100, 2 hundreds,
    3 thousands, 4 ten thousand or more."""
    if size_low is None:
        return 0
    for category, ceiling in ((1, 100), (2, 1_000), (3, 10_000)):
        if size_low < ceiling:
            return category
    return 4


# ACLED's names for the sub-event types a record can be given (geomap.schema's vocabulary).
PEACEFUL, INTERVENTION, EXCESSIVE_FORCE, VIOLENT, ARRESTS = SUB_EVENT_TYPES = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Arrests",
)


def sub_event_type(record: EventRecord) -> str:
    """ACLED's sub-event type, from the record's type and figures.

    ACLED codes a demonstration by what happened to it: violence by the demonstrators
    (a seizure or a clash) makes it a violent demonstration; arrests or injuries without
    it, a protest with intervention; deaths reported on their own, excessive force.
    """
    if record.event_type in (EventType.SEIZURE, EventType.CLASH):
        return VIOLENT
    if record.event_type is EventType.ARREST:
        return ARRESTS
    if record.event_type is EventType.CASUALTIES:
        return EXCESSIVE_FORCE
    if record.arrests or record.injuries or record.fatalities:
        return INTERVENTION
    return PEACEFUL


# ---------------------------------------------------------------------------------------------
# Grouping


@dataclass
class _Draft:
    """A record being assembled; frozen into an EventRecord at the end."""

    event_type: EventType
    place: Place
    precision: Precision
    inferred: bool
    date: str | None
    date_precision: str
    reports: list[Event] = field(default_factory=list)


# (place, type, day, how exactly the day is known)
_Key = tuple[str, EventType, str | None, str]


class _Drafts:
    """The records being assembled, indexed so a report looks only at its own place and
    country: grouping stays linear in the reports however many records a corpus makes."""

    def __init__(self) -> None:
        self.by_key: dict[_Key, _Draft] = {}
        self._by_place: dict[tuple[str, EventType], list[_Draft]] = defaultdict(list)
        self._by_country: dict[str, list[_Draft]] = defaultdict(list)

    def add(self, key: _Key, draft: _Draft) -> None:
        self.by_key[key] = draft
        self._by_place[(draft.place.place_id, draft.event_type)].append(draft)
        self._by_country[draft.place.country_code].append(draft)

    def compatible(self, report: Event, event_type: EventType) -> list[_Draft]:
        """Records of `event_type` at the report's place on a day it may tell of."""
        at_place = self._by_place.get((report.place.place_id, event_type), [])
        return [d for d in at_place if _compatible_day(report, d)]

    def in_country(self, country_code: str) -> list[_Draft]:
        return self._by_country.get(country_code, [])


def group_reports(reports: Iterable[Event]) -> list[EventRecord]:
    """Event records from reports, in a stable order (date, place, type)."""
    ordered = sorted(reports, key=_report_order)
    drafts = _Drafts()
    steps: tuple[Callable[[Event, _Drafts], _Draft | None], ...] = (
        _join_coarse_into_town,
        _join_same_day,
        _join_reporting_week,
        _attach_to_main_event,
    )
    # Main types first, dated before undated and fine before coarse: a later report can
    # then only join records that already hold the evidence it is compared with.
    for report in sorted(ordered, key=_grouping_pass):
        host = next((d for step in steps if (d := step(report, drafts)) is not None), None)
        if host is None:
            host = _new_draft(report, drafts)
        host.reports.append(report)
    return sorted((_freeze(d) for d in drafts.by_key.values()), key=record_order)


def _report_order(report: Event) -> tuple[str, int, int, str]:
    return (report.source, report.char_start, report.char_end, report.event_type.value)


def _grouping_pass(report: Event) -> tuple[int, int, int]:
    is_attribute = report.event_type in ATTRIBUTE_TYPES
    is_coarse = report.precision is not Precision.POINT
    return (int(is_coarse), int(is_attribute), int(report.date is None))


def _date_window(report: Event) -> tuple[str, str] | None:
    """The days an undated report may tell of: the week up to its publication date."""
    if report.source_date is None:
        return None
    published = dt.date.fromisoformat(report.source_date)
    return ((published - _REPORTING_WINDOW).isoformat(), published.isoformat())


def _compatible_day(report: Event, draft: _Draft) -> bool:
    if report.date is not None:
        return draft.date is None or draft.date == report.date
    window = _date_window(report)
    if window is None or draft.date is None:
        return True
    return window[0] <= draft.date <= window[1]


def _latest(candidates: Sequence[_Draft]) -> _Draft | None:
    # Dated records first, latest day first; an undated one only when nothing is dated.
    return max(candidates, key=lambda d: (d.date is not None, d.date or ""), default=None)


def _join_same_day(report: Event, drafts: _Drafts) -> _Draft | None:
    """Same place, same type, same day: the same event. ("seized the Osh administration
    on Monday", in two articles)."""
    if report.date is None or report.event_type in ATTRIBUTE_TYPES:
        return None
    return drafts.by_key.get((report.place.place_id, report.event_type, report.date, DAY))


def _join_reporting_week(report: Event, drafts: _Drafts) -> _Draft | None:
    """An undated report joins the latest record of its place and type in the week before
    publication ("protesters clashed with police in Osh", published on the 21st)."""
    if report.date is not None or report.event_type in ATTRIBUTE_TYPES:
        return None
    return _pick_for_undated(report, drafts.compatible(report, report.event_type))


def _pick_for_undated(report: Event, candidates: Sequence[_Draft]) -> _Draft | None:
    """With a publication date, the latest record in the week before it. Without one there
    is no evidence of the day: only an undated record. (An encyclopaedia page that tells
    of "On 18 October" and, undated, of "takeovers of the main stations" may speak of two
    days; joining them would claim a day the text never gives.)"""
    if report.source_date is not None:
        return _latest(candidates)
    return next((d for d in candidates if d.date is None), None)


def _attach_to_main_event(report: Event, drafts: _Drafts) -> _Draft | None:
    """A crowd, casualty or arrest report belongs to the main event at its place and day
    ("10,000 rallied in Osh" is the size of the Osh protest)."""
    hosts = _ATTRIBUTE_HOSTS.get(report.event_type)
    if hosts is None:
        return None
    if not _has_figure(report):
        # "Dozens were detained" with no count: attached, the arrests would vanish into a
        # null `arrests`; as a record of their own they stay on the map and in the data.
        return _same_attribute_record(report, drafts)
    for host_type in hosts:
        found = _pick(report, drafts.compatible(report, host_type))
        if found is not None:
            return found
    return _same_attribute_record(report, drafts)


def _has_figure(report: Event) -> bool:
    figure = {
        EventType.CROWD: report.crowd_low,
        EventType.CASUALTIES: report.killed if report.killed is not None else report.injured,
        EventType.ARREST: report.arrested,
    }.get(report.event_type)
    return figure is not None


def _same_attribute_record(report: Event, drafts: _Drafts) -> _Draft | None:
    # With no main event there, casualty reports of one place and day are one record.
    return _pick(report, drafts.compatible(report, report.event_type))


def _pick(report: Event, candidates: Sequence[_Draft]) -> _Draft | None:
    return _latest(candidates) if report.date else _pick_for_undated(report, candidates)


def _contains(region: Place, town: Place) -> bool:
    if region.country_code != town.country_code or region.place_id == town.place_id:
        return False
    if region.kind is Kind.COUNTRY:
        return True
    return bool(region.admin1_code) and region.admin1_code == town.admin1_code


def _join_coarse_into_town(report: Event, drafts: _Drafts) -> _Draft | None:
    """A region- or country-level report joins the one town record of its type and day
    inside that region ("clashes in Kyrgyzstan" on the 20th beside "clashes in Osh" on
    the 20th); with several towns it cannot tell which, and stays a record of its own.

    The day must agree, or both be unknown: a country-level sentence often sums up a
    movement of many days ("the 2021 Myanmar protests"), not one town's event.
    """
    if report.precision is Precision.POINT:
        return None
    wanted = _ATTRIBUTE_HOSTS.get(report.event_type, (report.event_type,))
    candidates = [
        d
        for d in drafts.in_country(report.place.country_code)
        if d.precision is Precision.POINT
        and d.event_type in wanted
        and _contains(report.place, d.place)
        and d.date == report.date
    ]
    towns = {d.place.place_id for d in candidates}
    if len(towns) != 1:
        return None
    return _latest(candidates)


def _new_draft(report: Event, drafts: _Drafts) -> _Draft:
    date, precision = _record_date(report)
    key = (report.place.place_id, report.event_type, date, precision)
    if key in drafts.by_key:  # a twin that could not be joined by day: same event, same doubt
        return drafts.by_key[key]
    draft = _Draft(
        report.event_type, report.place, report.precision, report.inferred, date, precision
    )
    drafts.add(key, draft)
    return draft


def _record_date(report: Event) -> tuple[str | None, str]:
    if report.date is not None:
        return report.date, DAY
    if report.source_date is not None:
        return report.source_date, WEEK
    return None, UNKNOWN


# ---------------------------------------------------------------------------------------------
# Freezing


def _freeze(draft: _Draft) -> EventRecord:
    reports = tuple(sorted(draft.reports, key=_report_order))
    claims = _size_claims(reports)
    return EventRecord(
        event_id=_event_id(draft),
        event_type=draft.event_type,
        place=draft.place,
        geo_precision=2 if draft.inferred else _GEO_PRECISION[draft.precision],
        # Only a known day is a date; a week-precision record keeps its publication date
        # in its reports, so no reader takes that day for the day of the event.
        event_date=draft.date if draft.date_precision == DAY else None,
        date_precision=draft.date_precision,
        reports=reports,
        size_claims=claims,
        disputed=any(r.disputed for r in reports) or _claims_disagree(claims),
    )


def _size_claims(reports: Sequence[Event]) -> tuple[SizeClaim, ...]:
    claims = {
        SizeClaim(r.crowd_low, r.crowd_high, r.crowd_text, r.claimed_by, r.source): None
        for r in reports
        if r.crowd_low is not None
    }
    return tuple(claims)


def _claims_disagree(claims: Sequence[SizeClaim]) -> bool:
    """Two claimants giving different figures for one crowd: a dispute (police against
    organisers, government against opposition)."""
    by_claimant: dict[str, set[tuple[int, int | None]]] = defaultdict(set)
    for claim in claims:
        by_claimant[claim.claimed_by].add((claim.low, claim.high))
    named = [figures for claimant, figures in by_claimant.items() if claimant]
    return len(named) >= 2 and len(set().union(*named)) >= 2


def _event_id(draft: _Draft) -> str:
    # Derived from what defines the event and its first report, so the same inputs give
    # the same id, and two undated records of one place and type still differ.
    first = min(draft.reports, key=_report_order)
    basis = "\0".join(
        (
            draft.place.place_id,
            draft.event_type.value,
            draft.date or "",
            first.source,
            str(first.char_start),
        )
    )
    return "ev-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def record_order(record: EventRecord) -> tuple[str, str, str, str]:
    """The order records are listed in: by day (undated last), place, type and id."""
    return (
        record.event_date or "9999",
        record.place.name,
        record.event_type.value,
        record.event_id,
    )
