"""The batch: inputs to events, with bad inputs recorded and the rest going on."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer import Gazetteer
from geomap.atomic import atomic_output
from geomap.extract import PlaceFallback, extract_events
from geomap.model import Article, Event, InputProblem
from geomap.report_filter import ReportFilter
from geomap.sources import iter_articles

__all__ = ["Batch", "read_articles", "run", "write_report"]


@dataclass
class Batch:
    """What a run read: how many articles, which inputs failed and why."""

    articles: int = 0
    events: int = 0
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def read_articles(
    paths: Sequence[str], problems: list[InputProblem], *, date_override: str | None = None
) -> Iterator[Article]:
    """Only the articles in `paths`; every input that fails is appended to `problems`.

    The list is required on purpose: a failed input must land somewhere a caller sees it.
    (`geomap.sources.iter_articles` yields both kinds, for callers that report as they go.)
    """
    for item in iter_articles(paths, date_override=date_override):
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            yield item


def run(
    paths: Sequence[str],
    gaz: Gazetteer,
    batch: Batch,
    *,
    date_override: str | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_article: Callable[[Article], None] | None = None,
    fallback: PlaceFallback | None = None,
    report_filter: ReportFilter | None = None,
) -> Iterator[Event]:
    """Stream the events of every readable input; problems go to `batch` and `on_problem`.

    `fallback` resolves names the gazetteer does not know (see geomap.geocode); it is
    None unless the user asked for an online geocoder. `report_filter` is None unless the
    user asked for one (geomap.report_filter).
    """
    for item in iter_articles(paths, date_override=date_override):
        if isinstance(item, InputProblem):
            batch.problems.append(item)
            if on_problem:
                on_problem(item)
            continue
        batch.articles += 1
        if on_article:
            on_article(item)
        for event in extract_events(item, gaz, fallback=fallback, report_filter=report_filter):
            batch.events += 1
            yield event


def write_report(path: Path, batch: Batch) -> None:
    """The --report file: every failed input with its reason, and the totals."""
    document = {
        "articles": batch.articles,
        "events": batch.events,
        "failed": [{"source": p.source, "reason": p.reason} for p in batch.problems],
    }
    with atomic_output(path) as handle:
        handle.write((json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
