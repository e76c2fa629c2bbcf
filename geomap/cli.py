"""The `geomap` command line: a thin adapter over the library.

Exit codes: 0 success; 1 some inputs failed, findings were reported, or nothing matched;
2 usage error (bad option, unreadable style or gazetteer file); 3 no input could be read, so
nothing was written and any earlier output was left as it was.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TypeVar

import typer

from geomap.check_cli import check_command
from geomap.cli_shared import (
    EXIT_NO_INPUT,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    GazetteerOption,
    fail,
    open_gazetteer,
)

if TYPE_CHECKING:
    from distributed import Client

    from gazetteer import Candidate, Gazetteer
    from geomap.corrections import Corrections
    from geomap.distributed import Cluster
    from geomap.extract import PlaceFallback
    from geomap.model import Event, InputProblem
    from geomap.pipeline import Batch
    from geomap.render.still import StillFormat

T = TypeVar("T")

__all__ = ["EXIT_NO_INPUT", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "app", "main"]

DEFAULT_MAP = Path("output/map.html")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn news reports of protests into place-resolved events and maps.",
)
gazetteer_app = typer.Typer(no_args_is_help=True, help="Manage gazetteer files.")
app.add_typer(gazetteer_app, name="gazetteer")


def _candidate_json(candidate: Candidate) -> dict[str, object]:
    place = candidate.place
    return {
        "name": place.name,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid if place.is_geonames else None,
        "population": place.population,
        "kind": place.kind.value,
        "match_type": candidate.match_type.value,
        "matched_name": candidate.matched_name,
        "score": candidate.score,
    }


@app.command()
def variants(
    name: Annotated[str, typer.Argument(help="A place name in any spelling or script.")],
    country: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--country", "-c", help="Prefer places in this ISO country code."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Candidates to list.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    gazetteer: GazetteerOption = None,
) -> None:
    """Look up a place name: the best match, other candidates and all known spellings.

    Example:
        geomap variants Jala-abad
        geomap variants Jalalabad --country KG --json
    """
    from gazetteer.model import MatchType

    gaz = open_gazetteer(gazetteer)
    found = gaz.lookup(name, country=country, limit=limit)
    weak = bool(found) and all(_below_floor(c) for c in found)
    # a spelling no gazetteer name holds (typos at best): an exact postal locality is likelier
    only_typos = all(c.match_type is MatchType.FUZZY for c in found)
    if only_typos and _print_localities(gaz, name, country, limit, as_json):
        return
    if not found or weak:
        hints = _suggestions(found) if weak else gaz.suggest(name)
        hint = f"; did you mean {', '.join(hints)}?" if hints else ""
        raise fail(f"no place matches {name!r}{hint}", EXIT_PARTIAL)
    found = [c for c in found if not _below_floor(c)]
    best = gaz.with_variants(found[0])
    if as_json:
        document = {
            "best": {**_candidate_json(best), "variants": list(best.variants)},
            "candidates": [_candidate_json(c) for c in found],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    place = best.place
    typer.echo(
        f"{place.name} ({place.kind.value}, {place.admin1 + ', ' if place.admin1 else ''}"
        f"{place.country_code}) {place.lat:.5f}, {place.lon:.5f}  {place.place_id}"
        f"  population {place.population:,}  {best.match_type.value} via {best.matched_name!r}"
        f"  score {best.score}"
    )
    typer.echo(f"spellings: {', '.join(best.variants)}")
    if len(found) > 1:
        typer.echo("other candidates:")
        for c in found[1:]:
            p = c.place
            typer.echo(
                f"  {p.name} ({p.kind.value}, {p.country_code}) {p.lat:.4f}, {p.lon:.4f}"
                f"  {c.match_type.value} via {c.matched_name!r}  score {c.score}"
            )


def _print_localities(
    gaz: Gazetteer, name: str, country: str | None, limit: int, as_json: bool
) -> bool:
    """List the postal localities spelt `name` (gazetteer.localities), for a name the
    gazetteer lacks; False when there are none. Text reads them only where a story
    introduces the name as a place in their country."""
    from gazetteer.model import Candidate, MatchType

    if gaz.localities is None:
        return False
    towns = gaz.localities.find(name, frozenset({country.upper()}) if country else None)
    if not towns:
        return False
    candidates = [Candidate(t, MatchType.EXACT, 100.0, t.name) for t in towns[:limit]]
    if as_json:
        document = {
            "best": {**_candidate_json(candidates[0]), "variants": [towns[0].name]},
            "candidates": [_candidate_json(c) for c in candidates],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return True
    typer.echo(f"{name!r} is not in the gazetteer; postal localities of that name:")
    for town in towns[:limit]:
        region = ", ".join(part for part in (town.admin2, town.admin1) if part)
        typer.echo(
            f"  {town.name} ({region + ', ' if region else ''}{town.country_code}) "
            f"{town.lat:.5f}, {town.lon:.5f}  {town.place_id}"
        )
    return True


# Typo matches that score below this are chance resemblances ("Xyzzyqq" scores 69 against
# Khizi, "Foobar" 71 against Abbar), while real typos score higher ("Tokmk" 75 for Tokmok,
# "Bishek" 80 for Bishkek). Below it, `variants` reports no match and offers them as hints.
FUZZY_SCORE_FLOOR = 74.0


def _below_floor(candidate: Candidate) -> bool:
    from gazetteer.model import MatchType

    return candidate.match_type is MatchType.FUZZY and candidate.score < FUZZY_SCORE_FLOOR


def _suggestions(found: list[Candidate]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f"{c.place.name} ({c.place.country_code})" for c in found[:3]))


# The linter's command lives beside its library (geomap.check_cli); one app holds both.
app.command("check")(check_command)


def _default_import_path() -> Path:
    import os

    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "geomap" / "gazetteer.sqlite"


@gazetteer_app.command("import")
def gazetteer_import(
    dumps: Annotated[
        list[Path],
        typer.Argument(
            help="GeoNames dumps: allCountries, citiesNNN or XX, as .txt or .zip.",
            exists=True,
            dir_okay=False,
        ),
    ],
    alternate_names: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--alternate-names",
            help="alternateNamesV2.txt or .zip: adds every real-language name.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    admin1_codes: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--admin1-codes",
            help="admin1CodesASCII.txt: region names.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Where to write the gazetteer file.", dir_okay=False),
    ] = None,
) -> None:
    """Build a local gazetteer from GeoNames' own dump files, for every command to use.

    Example:
        geomap gazetteer import allCountries.zip --alternate-names alternateNamesV2.zip \\
            --admin1-codes admin1CodesASCII.txt -o ~/geonames.sqlite
        export GEOMAP_GAZETTEER=~/geonames.sqlite
    """
    from gazetteer import GazetteerError
    from gazetteer.geonames_dump import import_dumps

    out = output or _default_import_path()
    try:
        summary = import_dumps(
            dumps, out, alternate_names=alternate_names, admin1_codes=admin1_codes
        )
    except GazetteerError as exc:
        raise fail(str(exc)) from None
    typer.echo(
        f"wrote {out}: {summary.places:,} places, {summary.names:,} names "
        f"({summary.skipped_rows:,} rows of other feature classes skipped)"
    )
    typer.echo(f"use it with --gazetteer {out}  or  export GEOMAP_GAZETTEER={out}")


PathsArgument = Annotated[
    list[str],
    typer.Argument(help="Files or folders (searched recursively), or - for stdin."),
]
DateOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--date", help="Publication date (YYYY-MM-DD) for every input."),
]
ReportOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--report", help="Write a JSON report of failed inputs here.", dir_okay=False),
]
TitleOption = Annotated[str, typer.Option("--title", help="Title shown on the map.")]


class GeocoderChoice(str, Enum):
    nominatim = "nominatim"
    geonames = "geonames"
    photon = "photon"


GeocoderOption = Annotated[
    Optional[GeocoderChoice],  # noqa: UP045
    typer.Option(
        "--geocoder",
        help="Ask this online service about place names the gazetteer does not know. "
        "Off by default: without it geomap opens no socket.",
    ),
]
UserAgentOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--user-agent", help="Identifies you to the geocoder (Nominatim requires it)."),
]
GeonamesUserOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--geonames-username", help="Account name for --geocoder geonames."),
]
GeocodeCacheOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--geocode-cache",
        help="SQLite cache of geocoder answers (default: ~/.cache/geomap/geocode.sqlite).",
        dir_okay=False,
    ),
]
GeocoderUrlOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--geocoder-url",
        help="Base URL of your own Nominatim or Photon, e.g. https://nominatim.example.org "
        "(default: the public service).",
    ),
]
GeocoderTimeLimitOption = Annotated[
    float,
    typer.Option(
        "--geocoder-time-limit",
        help="Seconds the geocoder may spend in all this run; names it has not reached then "
        "stay unresolved, and a rerun continues from the cache.",
    ),
]


def _fallback(
    service: GeocoderChoice | None,
    user_agent: str | None,
    username: str | None,
    cache: Path | None,
    url: str | None = None,
    time_limit: float = 600.0,
) -> PlaceFallback | None:
    """The online fallback when asked for, else None (and no socket is ever opened)."""
    if service is None:
        if url is not None:
            raise fail("--geocoder-url needs --geocoder (nominatim or photon)")
        return None
    from geomap.geocode import GeocodeResult, OnlineGeocoder

    def report(result: GeocodeResult) -> None:
        typer.echo(f"geomap: geocoder: {result.query!r}: {result.reason}", err=True)

    geocoder = _guard(
        lambda: OnlineGeocoder(
            service.value,
            user_agent=user_agent,
            username=username,
            cache_path=cache,
            url=url,
            run_time_limit=time_limit,
        )
    )
    return geocoder.fallback(report)


class Level(str, Enum):
    reports = "reports"
    events = "events"


LevelOption = Annotated[
    Optional[Level],  # noqa: UP045
    typer.Option(
        "--level",
        help="reports (the default): one Feature per sentence-level report; events: one per "
        "real event, its reports grouped across articles (what the map draws).",
        show_default=False,
    ),
]


CorrectionsOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--corrections",
        help="An editor's corrections file (JSON, see README): applied after extraction; "
        "entries whose report no longer exists are listed on stderr.",
        dir_okay=False,
    ),
]


def _load_corrections(path: Path | None, gaz: Gazetteer) -> Corrections | None:
    # Read before any article, so a malformed file (exit 2) costs no extraction.
    if path is None:
        return None
    from geomap.corrections import read_corrections

    return _guard(lambda: read_corrections(path, gaz))


def _corrected(events: Iterable[Event], corrections: Corrections | None) -> Iterator[Event]:
    if corrections is None:
        return iter(events)
    from geomap.corrections import apply_corrections

    applied = apply_corrections(events, corrections)
    for entry in applied.stale:
        typer.echo(
            f"geomap: {corrections.name}: {entry.describe()}: no such report or event in this "
            "run (its article removed or changed?); not applied",
            err=True,
        )
    return iter(applied.events)


ReviewOption = Annotated[
    bool,
    typer.Option(
        "--review",
        help="Write the editor's page: the map with tools to drop, move, retype, set figures, "
        "note and add events, and a button that downloads the corrections file (offline).",
    ),
]


FilterReportsOption = Annotated[
    bool,
    typer.Option(
        "--filter-reports",
        help="Drop the town reports that geomap's learned report filter judges unlikely: "
        "fewer wrong markers on unseen news, at a small cost in recall (README, 'Report "
        "filter').",
    ),
]
WorkersOption = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--workers",
        min=1,
        help="Extract on N local worker processes (dask.distributed on 127.0.0.1; needs "
        "pip install 'geomap[dask]'). The output is byte for byte that of one process.",
    ),
]
SchedulerOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--scheduler",
        help="Extract on an existing dask.distributed cluster (tcp://HOST:8786); every "
        "worker must see the input files and have geomap installed.",
    ),
]


SelfContainedOption = Annotated[
    bool,
    typer.Option(
        "--self-contained",
        help="Inline every asset and draw an outline basemap: the page needs no network.",
    ),
]
EmbedOption = Annotated[
    bool,
    typer.Option("--embed", help="An HTML fragment to paste into an article (offline assets)."),
]
PngOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--png",
        help="Also write the map as a still PNG image (1600x1000 at 100 dpi), no browser needed.",
        dir_okay=False,
    ),
]
SvgOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--svg", help="Also write the map as a still SVG image.", dir_okay=False),
]
DpiOption = Annotated[
    int,
    typer.Option("--dpi", help="Resolution of --png: 100 for the web, 300 for print.", min=20),
]


def _report_problem(problem: InputProblem) -> None:
    typer.echo(f"geomap: {problem.source}: {problem.reason}", err=True)


def _finish(batch: Batch, report: Path | None) -> None:
    """Write the report, print the summary, and exit 1 when some inputs failed."""
    from geomap.pipeline import write_report

    if report is not None:
        _guard(lambda: write_report(report, batch))
    if batch.failed:
        typer.echo(
            f"geomap: {len(batch.problems)} input(s) failed; {batch.articles} article(s) "
            f"read, {batch.events} event(s) extracted",
            err=True,
        )
        raise typer.Exit(EXIT_PARTIAL)


def _guard(action: Callable[[], T]) -> T:
    """Run a library call, turning geomap's errors into one line and exit code 2."""
    from geomap.errors import GeomapError

    try:
        return action()
    except GeomapError as exc:
        raise fail(str(exc)) from None


@app.command()
def places(
    paths: PathsArgument,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    date: DateOption = None,
    gazetteer: GazetteerOption = None,
) -> None:
    """List every place mention with its character offsets and resolved place.

    Offsets index the decoded text as a Python str, end exclusive. With one file the JSON
    is an array; with several, an object keyed by each path as given.

    Example:
        geomap places seeds/000_862050ed1c4916d1.txt --json
    """
    from geomap.model import InputProblem
    from geomap.places import find_mentions, mention_json
    from geomap.sources import iter_articles

    gaz = open_gazetteer(gazetteer)
    results: dict[str, list[dict[str, object]]] = {}
    problems = 0
    for item in _guard(lambda: list(iter_articles(paths, date_override=date))):
        if isinstance(item, InputProblem):
            _report_problem(item)
            problems += 1
            continue
        results[item.source] = [mention_json(m) for m in find_mentions(item.text, gaz)]
    if as_json:
        single = len(paths) == 1 and len(results) == 1 and paths[0] in results
        document: object = next(iter(results.values())) if single else results
        typer.echo(json.dumps(document, ensure_ascii=False, indent=1))
    else:
        for source, mentions in results.items():
            for m in mentions:
                typer.echo(
                    f"{source}:{m['start']}-{m['end']}: {m['text']!r} -> {m['name']} "
                    f"({m['kind']}, {m['country_code']}) {m['lat']}, {m['lon']}"
                )
    if problems:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def extract(
    paths: PathsArgument,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="GeoJSON by default; .csv, .gpkg or .parquet by extension. Default: stdout.",
            dir_okay=False,
        ),
    ] = None,
    level: LevelOption = None,
    date: DateOption = None,
    report: ReportOption = None,
    gazetteer: GazetteerOption = None,
    geocoder: GeocoderOption = None,
    user_agent: UserAgentOption = None,
    geonames_username: GeonamesUserOption = None,
    geocode_cache: GeocodeCacheOption = None,
    geocoder_url: GeocoderUrlOption = None,
    geocoder_time_limit: GeocoderTimeLimitOption = 600.0,
    corrections: CorrectionsOption = None,
    filter_reports: FilterReportsOption = False,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    parquet_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--parquet-dir",
            help="With --workers or --scheduler: write the reports as partitioned GeoParquet "
            "in this folder (one file per partition and a _metadata file), instead of -o.",
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Extract protest events as GeoJSON: one report per sentence, or grouped event records.

    By default each Feature is one sentence-level report (a place, a type and the sentence);
    `--level events` groups the reports of one real event (one type, place and day) across
    articles, as the map draws them.

    Example:
        geomap extract seeds/ -o output/events.geojson
        geomap extract seeds/ --level events -o output/event-records.csv
        geomap extract corpus.jsonl -o events.csv --report failed.json
        geomap extract corpus.jsonl --workers 2 --parquet-dir output/events.parquet
    """
    from geomap.export import output_format, write_events
    from geomap.pipeline import Batch

    _guard(lambda: output_format(output))  # a mistyped extension costs no work
    level = _effective_level(level, parquet_dir)
    gaz = open_gazetteer(gazetteer)
    checked = _load_corrections(corrections, gaz)
    batch = Batch()
    _guard(lambda: _check_date(date))
    cluster = _cluster(workers, scheduler, geocoder)
    if parquet_dir is not None or (cluster is not None and level is Level.events):
        _extract_on_cluster(
            cluster, paths, output, parquet_dir, date, report, gazetteer, checked, filter_reports
        )
        return
    fallback = _fallback(
        geocoder,
        user_agent,
        geonames_username,
        geocode_cache,
        geocoder_url,
        geocoder_time_limit,
    )
    with _progress() as tick:
        events = _reports(
            cluster, paths, gaz, batch, date, gazetteer, tick, fallback, filter_reports
        )
        first = next(events, None)
        _refuse_empty_run(batch, report)
        remaining = events if first is None else itertools.chain([first], events)
        remaining = _corrected(remaining, checked)
        _announce_new_folder(output, default=None)
        if level is Level.events:
            written = _write_records(remaining, output)
        else:
            counted = _Counted(remaining)
            _guard(lambda: write_events(counted, output, sys.stdout.buffer))
            written = f"{counted.count} report(s)"
    if output is not None:  # on stdout the data speaks for itself
        typer.echo(f"wrote {output}: {written} from {batch.articles} article(s)", err=True)
    _finish(batch, report)


def _effective_level(level: Level | None, parquet_dir: Path | None) -> Level:
    # The report level stays the default: it is what the shared triple scorer and the
    # researchers' existing scripts read. Partitioned Parquet holds reports only: records
    # are grouped across every partition.
    if parquet_dir is None:
        return level or Level.reports
    if level is Level.events:
        raise fail("--parquet-dir writes reports; event records are written with -o")
    return Level.reports


class _Counted:
    """Passes items through, counting them: streamed reports are never held."""

    def __init__(self, items: Iterable[Event]) -> None:
        self.items = items
        self.count = 0

    def __iter__(self) -> Iterator[Event]:
        for item in self.items:
            self.count += 1
            yield item


def _write_records(reports: Iterable[Event], output: Path | None) -> str:
    # Grouping looks across every article, so the reports are held, not streamed.
    from geomap.record_export import write_records
    from geomap.records import group_reports

    held = list(reports)
    records = group_reports(held)
    _guard(lambda: write_records(records, output, sys.stdout.buffer))
    return f"{len(records)} event record(s) of {len(held)} report(s)"


def _cluster(
    workers: int | None, scheduler: str | None, geocoder: GeocoderChoice | None
) -> Cluster | None:
    """Where to extract: None (this process, and Dask is never imported) or a cluster."""
    if workers is None and scheduler is None:
        return None
    if workers is not None and scheduler is not None:
        raise fail("--workers starts a local cluster; --scheduler joins one: give one of them")
    if geocoder is not None:
        # Each service's rate limit holds per process; N workers would break it N times.
        raise fail("--geocoder runs in one process; it does not go with --workers or --scheduler")
    from geomap.distributed import Cluster

    return Cluster(workers, scheduler)


def _reports(
    cluster: Cluster | None,
    paths: list[str],
    gaz: Gazetteer,
    batch: Batch,
    date: str | None,
    gazetteer: Path | None,
    tick: Callable[[], None],
    fallback: PlaceFallback | None,
    filtered: bool,
) -> Iterator[Event]:
    """The reports of `paths`, from this process or, with a cluster, from its workers."""
    if cluster is None:
        from geomap.pipeline import run
        from geomap.report_filter import default_filter

        return run(
            paths,
            gaz,
            batch,
            date_override=date,
            on_problem=_report_problem,
            on_article=lambda _article: tick(),
            fallback=fallback,
            report_filter=default_filter() if filtered else None,
        )
    return _reports_on_cluster(cluster, paths, batch, date, gazetteer, tick, filtered)


def _reports_on_cluster(
    cluster: Cluster,
    paths: list[str],
    batch: Batch,
    date: str | None,
    gazetteer: Path | None,
    tick: Callable[[], None],
    filtered: bool,
) -> Iterator[Event]:
    from geomap.distributed import DistributedError, connect, run

    def ticks(articles: int) -> None:
        for _ in range(articles):
            tick()

    try:
        with connect(cluster) as client:
            yield from run(
                paths,
                batch,
                client,
                gazetteer=gazetteer,
                date_override=date,
                on_problem=_report_problem,
                on_articles=ticks,
                filtered=filtered,
            )
    except DistributedError as exc:
        raise fail(str(exc)) from None


def _extract_on_cluster(
    cluster: Cluster | None,
    paths: list[str],
    output: Path | None,
    parquet_dir: Path | None,
    date: str | None,
    report: Path | None,
    gazetteer: Path | None,
    corrections: Corrections | None,
    filtered: bool,
) -> None:
    """`extract --level events` (grouped on the workers) or `--parquet-dir` on a cluster."""
    from geomap.distributed import DistributedError, connect
    from geomap.pipeline import Batch

    if cluster is None:
        raise fail("--parquet-dir needs --workers or --scheduler")
    if parquet_dir is not None and output is not None:
        raise fail("--parquet-dir is the output; it does not go with -o")
    if corrections is not None:
        raise fail("--corrections with --workers needs --level reports, written with -o or stdout")
    batch = Batch()
    try:
        with connect(cluster) as client:
            if parquet_dir is not None:
                written = _parquet_dir_on(
                    client, paths, batch, parquet_dir, date, gazetteer, filtered
                )
            else:
                written = _records_on(
                    client, paths, batch, output, date, report, gazetteer, filtered
                )
    except DistributedError as exc:
        raise fail(str(exc)) from None
    _refuse_empty_run(batch, report)
    target = parquet_dir or output
    if target is not None:
        typer.echo(f"wrote {target}: {written} from {batch.articles} article(s)", err=True)
    _finish(batch, report)


def _parquet_dir_on(
    client: Client,
    paths: list[str],
    batch: Batch,
    folder: Path,
    date: str | None,
    gazetteer: Path | None,
    filtered: bool,
) -> str:
    from geomap.distributed import write_partitioned_parquet

    _announce_new_folder(folder / "_metadata", default=None)
    count = _guard(
        lambda: write_partitioned_parquet(
            paths,
            batch,
            client,
            folder,
            gazetteer=gazetteer,
            date_override=date,
            on_problem=_report_problem,
            filtered=filtered,
        )
    )
    return f"{count} report(s) in {len(list(folder.glob('part.*.parquet')))} file(s)"


def _records_on(
    client: Client,
    paths: list[str],
    batch: Batch,
    output: Path | None,
    date: str | None,
    report: Path | None,
    gazetteer: Path | None,
    filtered: bool,
) -> str:
    from geomap.distributed import run_records
    from geomap.record_export import write_records

    records = run_records(
        paths,
        batch,
        client,
        gazetteer=gazetteer,
        date_override=date,
        on_problem=_report_problem,
        filtered=filtered,
    )
    _refuse_empty_run(batch, report)
    _announce_new_folder(output, default=None)
    _guard(lambda: write_records(records, output, sys.stdout.buffer))
    return f"{len(records)} event record(s) of {batch.events} report(s)"


@app.command()
def build(
    paths: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="Files or folders of articles (default: seeds/)."),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The map file.", dir_okay=False)
    ] = DEFAULT_MAP,
    title: TitleOption = "geomap: protest events",
    self_contained: SelfContainedOption = False,
    embed: EmbedOption = False,
    date: DateOption = None,
    report: ReportOption = None,
    gazetteer: GazetteerOption = None,
    geocoder: GeocoderOption = None,
    user_agent: UserAgentOption = None,
    geonames_username: GeonamesUserOption = None,
    geocode_cache: GeocodeCacheOption = None,
    geocoder_url: GeocoderUrlOption = None,
    geocoder_time_limit: GeocoderTimeLimitOption = 600.0,
    corrections: CorrectionsOption = None,
    filter_reports: FilterReportsOption = False,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    review: ReviewOption = False,
    png: PngOption = None,
    svg: SvgOption = None,
    dpi: DpiOption = 100,
) -> None:
    """Extract events from articles and draw them on a map (default: seeds/ -> output/map.html).

    The map shows one event record per real event, with every report of it in its popup
    (geomap.records); --review shows the reports one by one, as corrections name them.

    Example:
        geomap build
        geomap build news/ -o output/map.html --self-contained --title "Kyrgyzstan, March 2005"
        geomap build news/ --corrections corrections.json --review -o output/review.html
        geomap build news/ --png output/map.png --dpi 300
    """
    from geomap.export import feature_collection
    from geomap.pipeline import Batch
    from geomap.record_export import record_feature_collection
    from geomap.records import group_reports

    gaz = open_gazetteer(gazetteer)
    checked = _load_corrections(corrections, gaz)
    batch = Batch()
    _guard(lambda: _check_date(date))
    cluster = _cluster(workers, scheduler, geocoder)
    fallback = _fallback(
        geocoder,
        user_agent,
        geonames_username,
        geocode_cache,
        geocoder_url,
        geocoder_time_limit,
    )
    with _progress() as tick:
        found = _reports(
            cluster, paths or ["seeds"], gaz, batch, date, gazetteer, tick, fallback, filter_reports
        )
        events = list(found)
    _refuse_empty_run(batch, report)
    events = list(_corrected(events, checked))
    if review:
        # Corrections name reports (report_id), so the review page shows one per marker.
        collection = feature_collection(events)
        _write_review_map(collection, output, title, checked)
        drawn = f"{len(events)} report(s)"
    else:
        collection = record_feature_collection(group_reports(events))
        _write_map(collection, output, title, _mode(self_contained, embed))
        drawn = f"{len(collection['features'])} event(s) from {len(events)} report(s)"
    typer.echo(f"wrote {output}: {drawn} in {batch.articles} article(s)", err=True)
    _write_stills(collection, title, png, svg, dpi)
    _finish(batch, report)


@app.command()
def render(
    events_file: Annotated[
        Path,
        typer.Argument(
            help="A GeoJSON file written by `geomap extract` (event records or, with"
            " --level reports, reports).",
            dir_okay=False,
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The map file.", dir_okay=False)
    ] = DEFAULT_MAP,
    title: TitleOption = "geomap: protest events",
    self_contained: SelfContainedOption = False,
    embed: EmbedOption = False,
) -> None:
    """Draw already extracted events on a map.

    Example:
        geomap extract seeds/ -o output/events.geojson
        geomap render output/events.geojson -o output/map.html --embed
    """
    from geomap.render import drop_unwritable_features, load_events_geojson
    from geomap.render.contract import collection_level

    features, left_out = drop_unwritable_features(_guard(lambda: load_events_geojson(events_file)))
    for reason in left_out:
        typer.echo(f"geomap: {events_file}: {reason}", err=True)
    _write_map(features, output, title, _mode(self_contained, embed))
    # A reports collection is drawn as one event record per report (geomap.render.adapt).
    per_report = ", one per report" if collection_level(features) == "reports" else ""
    typer.echo(f"wrote {output}: {len(features['features'])} event(s){per_report}", err=True)
    if left_out:
        raise typer.Exit(EXIT_PARTIAL)


def _mode(self_contained: bool, embed: bool) -> str:
    # An embed fragment is always offline, so --embed wins over --self-contained.
    return "embed" if embed else "self-contained" if self_contained else "default"


def _write_map(features: dict[str, object], output: Path, title: str, mode: str) -> None:
    from geomap.atomic import write_text_atomic
    from geomap.render import render_html
    from geomap.unicode_edges import printable_name

    # A title typed in a non-UTF-8 terminal arrives as surrogate escapes; shown as U+FFFD.
    title = printable_name(title)
    _announce_new_folder(output, default=DEFAULT_MAP)
    html = _guard(lambda: render_html(features, title=title, mode=mode))  # type: ignore[arg-type]
    _guard(lambda: write_text_atomic(output, html))


def _write_stills(
    features: dict[str, object], title: str, png: Path | None, svg: Path | None, dpi: int
) -> None:
    if png is not None:
        _write_still(features, title, png, "png", dpi)
    if svg is not None:
        _write_still(features, title, svg, "svg", dpi)


def _write_still(
    features: dict[str, object], title: str, path: Path, image_format: StillFormat, dpi: int
) -> None:
    from geomap.atomic import write_bytes_atomic
    from geomap.render.still import render_still
    from geomap.unicode_edges import printable_name

    title = printable_name(title)
    image = _guard(lambda: render_still(features, title=title, image_format=image_format, dpi=dpi))
    _guard(lambda: write_bytes_atomic(path, image))
    typer.echo(f"wrote {path}", err=True)


def _write_review_map(
    features: dict[str, object], output: Path, title: str, corrections: Corrections | None
) -> None:
    from geomap.atomic import write_text_atomic
    from geomap.render.review import render_review_html
    from geomap.unicode_edges import printable_name

    title = printable_name(title)
    entries = corrections.documents() if corrections else []
    _announce_new_folder(output, default=DEFAULT_MAP)
    html = _guard(lambda: render_review_html(features, title=title, corrections=entries))
    _guard(lambda: write_text_atomic(output, html))


def _refuse_empty_run(batch: Batch, report: Path | None) -> None:
    """Exit 3 before writing anything when not one input could be read.

    A mistyped path must not replace a good map or events file with an empty one; the
    report (when asked for) still lists what failed.
    """
    if batch.articles:
        return
    from geomap.pipeline import write_report

    if report is not None:
        _guard(lambda: write_report(report, batch))
    why = f"{len(batch.problems)} failed" if batch.problems else "no articles found"
    raise fail(f"no input could be read ({why}); nothing written", EXIT_NO_INPUT)


def _announce_new_folder(output: Path | None, default: Path | None) -> None:
    """Say so on stderr when an output's folder does not exist yet and will be created.

    The default output folder is expected to appear; any other missing folder may be a
    typo, which the user should see rather than find their file somewhere unexpected.
    """
    if output is None or output.parent.exists():
        return
    if default is not None and output.parent == default.parent:
        return
    typer.echo(f"geomap: creating folder {output.parent}", err=True)


def _check_date(date: str | None) -> None:
    from geomap.sources import checked_date

    checked_date(date)  # before any input is read: a bad --date is a usage error


@contextmanager
def _progress() -> Iterator[Callable[[], None]]:
    """A live count of articles read, on stderr, only when stderr is a terminal.

    rich (which typer brings) draws it; it is transient, so a finished run leaves only its
    summary line, and a pipe or a log file never sees it.
    """
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed:,} articles read"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("reading", total=None)
        yield lambda: progress.advance(task)


def main() -> None:
    """Console-script entry point; keeps tracebacks for bugs, never for user mistakes."""
    try:
        app()
    except BrokenPipeError:  # e.g. `geomap places x --json | head`
        sys.stderr.close()
        sys.exit(EXIT_PARTIAL)


if __name__ == "__main__":
    main()
