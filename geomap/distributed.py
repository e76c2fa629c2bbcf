"""Extraction on a dask.distributed cluster: the same events as one process, from N workers.

The inputs are cut into *partitions* in the client: small files are batched up to
`partition_bytes`, a large JSON-lines file is split into byte ranges that start on a line
(each range knows the number of its first line, so articles keep their "path:LINE" names),
and a `.jsonl.gz` is one partition (gzip cannot be entered mid-stream). Each partition is
read and extracted on a worker by the same code as the single-process path
(geomap.sources, geomap.extract), and the client takes the results back in partition
order, so events, problems and every output byte are what `geomap.pipeline.run` gives,
whatever the number of workers. Partitions are submitted a few at a time, so neither the
client nor the workers hold more than a window of results.

Event records (geomap.records) are grouped as a distributed step: reports are shuffled
into buckets by country (a region or country report may join a town record inside it, so
the country, not the place, is the unit that grouping never crosses), each bucket is
grouped on a worker, and the client merges the buckets' sorted records.

A worker that dies (out of memory, a crash) is restarted by its nanny and the scheduler
runs its partitions again; a partition that kills workers `allowed-failures` times is
reported as one failed input per file and the rest goes on. Nothing here prints.
"""

from __future__ import annotations

import dataclasses
import heapq
import json
import os
import shutil
import sys
import tempfile
import uuid
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.errors import GeomapError, OutputError
from geomap.model import Event, InputProblem
from geomap.sources import (
    _MAX_LINE_PROBLEMS,
    DEFAULT_MAX_BYTES,
    _byte_lines,
    _jsonl_records,
    _jsonl_value,
    _kind_of,
    _os_reason,
    _printable_source,
    _read_file,
    _Walker,
    bom_encoding,
    checked_date,
    more_bad_lines,
)
from geomap.unicode_edges import printable_name

if TYPE_CHECKING:
    from distributed import Client, Future

    from gazetteer import Gazetteer
    from geomap.model import Article
    from geomap.pipeline import Batch
    from geomap.records import EventRecord

__all__ = [
    "DEFAULT_PARTITION_BYTES",
    "PARTITION_BYTES_ENV",
    "Cluster",
    "DistributedError",
    "Partition",
    "PartitionResult",
    "Piece",
    "connect",
    "extract_partition",
    "plan_partitions",
    "run",
    "run_records",
    "write_partitioned_parquet",
]

# About 16,000 news articles of 2 KB: a few seconds of work per partition, enough to make
# Dask's per-task cost (about a millisecond) negligible, small enough that one worker's
# partition results stay in tens of megabytes.
DEFAULT_PARTITION_BYTES = 32 * 1024 * 1024
# Overrides the default for a run (a corpus of long documents, or a test that wants many
# partitions from a small corpus).
PARTITION_BYTES_ENV = "GEOMAP_PARTITION_BYTES"

# Partitions in flight per worker thread: one running, one queued, one finished and waiting
# for the client; more only adds memory.
_WINDOW_PER_THREAD = 3

# Task exceptions are retried (a transient OSError on a network file system); a worker
# that dies is handled by the scheduler's own `allowed-failures` (3 by default).
RETRIES = 2

_KEY_PREFIX = "geomap-extract"

# Dask's statistical profiler samples every worker's stack 100 times a second and keeps each
# second's call tree for the last `distributed.admin.low-level-log-length` (1,000) seconds:
# per-worker memory that grew with the length of the run (bench_dask: 104 MB after 10,000
# articles, 135 MB after 100,000), for a dashboard a local run never opens.
_LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


class DistributedError(GeomapError):
    """The cluster cannot be started or reached, or Dask is not installed."""


# ---------------------------------------------------------------------------------------------
# Partitions


@dataclass(frozen=True)
class Piece:
    """One file, or one byte range of a JSON-lines file, as a worker reads it."""

    source: str  # the path as the user gave it (or as the folder walk joined it)
    path: str  # absolute, so a worker with another working folder opens the same file
    start: int = 0
    end: int | None = None  # None: the whole file, read as the single-process path does
    first_line: int = 1
    last: bool = True  # the file's last piece: its "more bad lines" line comes after it

    def describe(self) -> str:
        if self.end is None:
            return self.source
        return f"{self.source} (bytes {self.start:,}-{self.end:,}, from line {self.first_line:,})"


@dataclass(frozen=True)
class Partition:
    """Pieces read in order by one task; `index` orders its results among the others'."""

    index: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class _PieceProblems:
    problems: tuple[InputProblem, ...]
    # Bad lines of a file read in byte ranges: at most _MAX_LINE_PROBLEMS are listed per
    # file, as in one process, so the client counts them across the file's pieces.
    line_problems: bool = False
    unlisted: int = 0


@dataclass(frozen=True)
class PartitionResult:
    """What a worker found in one partition."""

    index: int
    articles: int
    events: tuple[Event, ...]
    problems: tuple[_PieceProblems, ...]
    event_count: int = 0
    parquet_file: str | None = None


@dataclass(frozen=True)
class _FoundFile(InputProblem):
    # The folder walk yields problems in order; a file to read travels in the same stream.
    size: int = 0


class _Planner(_Walker):
    """The single-process folder walk, finding files instead of reading them."""

    def read(self, path: str, info: os.stat_result) -> Iterator[Article | InputProblem]:
        yield _FoundFile(path, "", info.st_size)


def plan_partitions(
    paths: Sequence[str],
    *,
    partition_bytes: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Partition | InputProblem]:
    """Partitions of `paths` in reading order, with the walk's own problems between them.

    Raises DistributedError for "-": stdin cannot be split between workers.
    """
    if "-" in paths:
        raise DistributedError("stdin (-) cannot be shared between workers; save it to a file")
    every = partition_bytes or _partition_bytes()
    planner = _Planner(limit=max_bytes, date_override=None)
    batch: list[Piece] = []
    size = 0
    index = 0

    def flush() -> Iterator[Partition]:
        nonlocal batch, size, index
        if batch:
            yield Partition(index, tuple(batch))
            index += 1
        batch, size = [], 0

    for path in [paths] if isinstance(paths, str) else paths:
        for item in planner.path(path):
            if not isinstance(item, _FoundFile):
                yield from flush()
                if isinstance(item, InputProblem):  # the planner finds no Article
                    yield _printable(item)
                continue
            pieces = _pieces(item.source, item.size, every, max_bytes)
            if len(pieces) > 1:
                yield from flush()
                for piece in pieces:
                    yield Partition(index, (piece,))
                    index += 1
                continue
            batch.append(pieces[0])
            size += item.size
            if size >= every:
                yield from flush()
    yield from flush()


def _partition_bytes() -> int:
    value = os.environ.get(PARTITION_BYTES_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_PARTITION_BYTES


def _pieces(source: str, size: int, every: int, limit: int) -> list[Piece]:
    path = os.path.abspath(source)
    whole = [Piece(source, path)]
    if size <= every or _kind_of(path) != "jsonl" or path.lower().endswith(".gz"):
        return whole
    try:
        with open(path, "rb") as stream:
            if not _splittable(stream.readline(limit + 1), limit):
                return whole
            stream.seek(0)
            starts = _line_starts(stream, every)
    except OSError:
        return whole  # the worker reading it whole reports why
    bounds = [(0, 1), *((offset, line) for offset, line in starts if offset < size)]
    ends = [offset for offset, _ in bounds[1:]] + [size]
    return [
        Piece(source, path, start, end, line, last=n == len(bounds) - 1)
        for n, ((start, line), end) in enumerate(zip(bounds, ends, strict=True))
    ]


def _splittable(first: bytes, limit: int) -> bool:
    """Whether a file may be read in ranges: its first line is JSON, so that no later line
    can make the single-process reader refuse the whole file (see sources._jsonl_records)."""
    encoding = bom_encoding(first[:4])
    if encoding and encoding[1] != "utf-8-sig":
        return False  # UTF-16/32 files are read whole
    if (len(first) > limit and not first.endswith(b"\n")) or b"\x00" in first:
        return False
    raw = first.removeprefix(b"\xef\xbb\xbf")
    return bool(raw.strip()) and not isinstance(_jsonl_value(raw), str)


def _line_starts(stream: Any, every: int, chunk: int = 1 << 20) -> list[tuple[int, int]]:
    """(offset, line number) of the first line starting at or after each `every` bytes.

    One pass in bounded chunks; each boundary is `every` bytes past the one before, so the
    cut depends only on the file's bytes and `every`, never on the number of workers.
    """
    starts: list[tuple[int, int]] = []
    target = every
    newlines = offset = 0
    while data := stream.read(chunk):
        done = 0
        while offset + len(data) > target - 1:
            found = data.find(b"\n", max(done, target - 1 - offset))
            if found < 0:
                break  # the line goes on into the next chunk
            newlines += data.count(b"\n", done, found + 1)
            done = found + 1
            starts.append((offset + done, newlines + 1))
            target = offset + done + every
        newlines += data.count(b"\n", done)
        offset += len(data)
    return starts


# ---------------------------------------------------------------------------------------------
# On a worker

_GAZETTEERS: dict[str | None, Gazetteer] = {}


def _gazetteer(path: str | None) -> Gazetteer:
    # Opened once per worker process (0.06 s, then shared by its partitions).
    if path not in _GAZETTEERS:
        from gazetteer import Gazetteer

        _GAZETTEERS[path] = Gazetteer(Path(path)) if path else Gazetteer.default()
    return _GAZETTEERS[path]


def _printable(problem: InputProblem) -> InputProblem:
    # As sources._printable_source: a file name that is not UTF-8 is shown with U+FFFD.
    return dataclasses.replace(problem, source=printable_name(problem.source))


def _renamed(item: Article | InputProblem, opened: str, given: str) -> Article | InputProblem:
    # Opened by its absolute path; named as the user gave it, as one process names it.
    if item.source.startswith(opened) and opened != given:
        item = dataclasses.replace(item, source=given + item.source[len(opened) :])
    return _printable_source(item)


def _read_piece(
    piece: Piece, date_override: str | None, limit: int
) -> Iterator[Article | InputProblem]:
    if piece.end is None:
        try:
            info = os.stat(piece.path)
        except OSError as error:
            yield _printable(InputProblem(piece.source, _os_reason(error)))
            return
        for item in _read_file(piece.path, info, limit=limit, date_override=date_override):
            yield _renamed(item, piece.path, piece.source)
        return
    end = piece.end
    try:
        with open(piece.path, "rb") as stream:
            stream.seek(piece.start)

            def readline(size: int) -> bytes:
                left = end - stream.tell()
                return stream.readline(min(size, left)) if left > 0 else b""

            items = _jsonl_records(
                piece.source,
                _byte_lines(readline, limit, first_number=piece.first_line),
                limit=limit,
                date_override=date_override,
                continued=piece.start > 0,
                max_listed=sys.maxsize,  # counted per file by the client
            )
            yield from map(_printable_source, items)
    except OSError as error:
        yield _printable(InputProblem(piece.source, _os_reason(error)))


def _extract_pieces(
    partition: Partition,
    gazetteer: str | None,
    date_override: str | None,
    limit: int,
    filtered: bool,
) -> tuple[int, list[Event], tuple[_PieceProblems, ...]]:
    from geomap.extract import extract_events
    from geomap.report_filter import default_filter

    gaz = _gazetteer(gazetteer)
    report_filter = default_filter() if filtered else None
    articles = 0
    events: list[Event] = []
    found: list[_PieceProblems] = []
    for piece in partition.pieces:
        listed: list[InputProblem] = []
        unlisted = 0
        for item in _read_piece(piece, date_override, limit):
            if isinstance(item, InputProblem):
                if piece.end is not None and len(listed) >= _MAX_LINE_PROBLEMS:
                    unlisted += 1
                else:
                    listed.append(item)
                continue
            articles += 1
            events.extend(extract_events(item, gaz, report_filter=report_filter))
        found.append(_PieceProblems(tuple(listed), piece.end is not None, unlisted))
    return articles, events, tuple(found)


def extract_partition(
    partition: Partition,
    gazetteer: str | None = None,
    date_override: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    filtered: bool = False,
) -> PartitionResult:
    """Read and extract one partition (runs on a worker; pure apart from reading files).

    `filtered`: drop the reports geomap.report_filter judges unlikely."""
    articles, events, problems = _extract_pieces(
        partition, gazetteer, date_override, max_bytes, filtered
    )
    return PartitionResult(partition.index, articles, tuple(events), problems, len(events))


def _extract_to_parquet(
    partition: Partition,
    gazetteer: str | None,
    date_override: str | None,
    max_bytes: int,
    filtered: bool,
    folder: str,
) -> PartitionResult:
    # The events go straight from the worker to its own file; only counts come back.
    articles, events, problems = _extract_pieces(
        partition, gazetteer, date_override, max_bytes, filtered
    )
    name = None
    if events:
        name = f"part.{partition.index:06d}.parquet"
        _typed_frame(events).to_parquet(os.path.join(folder, name), index=False)
    return PartitionResult(partition.index, articles, (), problems, len(events), name)


# Arrow types must agree across partition files for one `_metadata` to describe them all;
# pandas would guess them per file (a column of only nulls becomes "null"). The schema
# (geomap.schema) says what each column holds.
def _typed_frame(events: Sequence[Event]) -> Any:
    from geomap.export import events_geodataframe
    from geomap.schema import REPORT_SCHEMA, pandas_dtype

    frame = events_geodataframe(events)
    return frame.astype({field.name: pandas_dtype(field) for field in REPORT_SCHEMA})


def _summary(result: PartitionResult) -> PartitionResult:
    # What the client needs of a partition whose events stay on the workers.
    return dataclasses.replace(result, events=())


def _bucket(result: PartitionResult, bucket: int, buckets: int) -> tuple[Event, ...]:
    return tuple(e for e in result.events if _bucket_of(e, buckets) == bucket)


def _bucket_of(event: Event, buckets: int) -> int:
    # crc32, not hash(): the same country lands in the same bucket in every process.
    return zlib.crc32(event.place.country_code.encode("utf-8")) % buckets


def _group(*parts: tuple[Event, ...]) -> list[EventRecord]:
    from geomap.records import group_reports

    # Parts come in partition order, so reports keep the order one process reads them in.
    return group_reports(event for part in parts for event in part)


# ---------------------------------------------------------------------------------------------
# In the client


@dataclass(frozen=True)
class Cluster:
    """Where to run: `workers` local processes on 127.0.0.1, or an existing scheduler."""

    workers: int | None = None
    scheduler: str | None = None
    timeout: float = 10.0  # seconds to reach the scheduler


@contextmanager
def connect(cluster: Cluster) -> Iterator[Client]:
    """A dask.distributed Client for `cluster`, closed (with any local cluster) on exit.

    Raises DistributedError when Dask is missing or the scheduler cannot be reached.
    """
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise DistributedError(
            "--workers and --scheduler need Dask: pip install 'geomap[dask]'"
        ) from None
    if cluster.scheduler:
        try:
            client = Client(cluster.scheduler, timeout=cluster.timeout)
        except (OSError, TimeoutError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise DistributedError(
                f"cannot reach scheduler {cluster.scheduler}: {reason}"
            ) from None
        with client:
            yield client
        return
    # Extraction is pure Python, so one thread per process; no dashboard, no open port
    # beyond loopback, and Dask's own warnings (a restarted worker) kept off stderr.
    with dask.config.set(_LOCAL_WORKER_CONFIG):  # read by each nanny as it starts its worker
        local = LocalCluster(
            n_workers=cluster.workers or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # loopback only, on a free port
            silence_logs=50,
        )
    with local, Client(local) as client:
        yield client


class _Problems:
    """Problems in one process's order: deduplicated, bad lines capped per file."""

    def __init__(self, batch: Batch, on_problem: Callable[[InputProblem], None] | None):
        self.batch = batch
        self.on_problem = on_problem
        self.reported: set[tuple[str, str]] = set()
        self.listed = 0
        self.more = 0

    def add(self, problem: InputProblem) -> None:
        key = (problem.source, problem.reason)
        if key in self.reported:
            return
        self.reported.add(key)
        self.batch.problems.append(problem)
        if self.on_problem:
            self.on_problem(problem)

    def pieces(self, partition: Partition, found: Sequence[_PieceProblems]) -> None:
        for piece, problems in zip(partition.pieces, found, strict=True):
            for problem in problems.problems:
                if problems.line_problems and self.listed >= _MAX_LINE_PROBLEMS:
                    self.more += 1
                    continue
                self.listed += problems.line_problems
                self.add(problem)
            self.more += problems.unlisted
            if piece.last:
                if self.more:
                    self.add(more_bad_lines(printable_name(piece.source), self.more))
                self.listed = self.more = 0

    def lost(self, partition: Partition, error: BaseException) -> None:
        why = f"a worker died reading it ({type(error).__name__}); not extracted"
        for piece in partition.pieces:
            self.add(_printable(InputProblem(piece.describe(), why)))


def _submit(
    client: Client, function: Callable[..., PartitionResult], partition: Partition, *args: Any
) -> Future:
    return client.submit(
        function,
        partition,
        *args,
        key=f"{_KEY_PREFIX}-{partition.index}-{uuid.uuid4().hex}",
        retries=RETRIES,
        pure=False,
    )


def _in_order(
    client: Client,
    items: Iterable[Partition | InputProblem],
    submit: Callable[[Partition], Future],
) -> Iterator[tuple[Partition | InputProblem, PartitionResult | BaseException | None]]:
    """Each plan item with its result, in plan order, a bounded window in flight."""
    from distributed import KilledWorker

    window = max(1, sum(client.nthreads().values())) * _WINDOW_PER_THREAD
    pending: deque[tuple[Partition | InputProblem, Future | None]] = deque()
    plan = iter(items)
    while True:
        while len(pending) < window and (item := next(plan, None)) is not None:
            pending.append((item, submit(item) if isinstance(item, Partition) else None))
        if not pending:
            return
        item, future = pending.popleft()
        if future is None:
            yield item, None
            continue
        try:
            result: PartitionResult | BaseException = future.result()
        except KilledWorker as error:
            result = error
        finally:
            future.release()
        yield item, result


@dataclass(frozen=True)
class _Job:
    paths: Sequence[str]
    gazetteer: str | None
    date_override: str | None
    partition_bytes: int | None
    max_bytes: int
    filtered: bool

    def plan(self) -> Iterator[Partition | InputProblem]:
        return plan_partitions(
            self.paths, partition_bytes=self.partition_bytes, max_bytes=self.max_bytes
        )

    def args(self) -> tuple[str | None, str | None, int, bool]:
        return self.gazetteer, self.date_override, self.max_bytes, self.filtered


def _job(
    paths: Sequence[str],
    gazetteer: str | os.PathLike[str] | None,
    date_override: str | None,
    partition_bytes: int | None,
    max_bytes: int,
    filtered: bool,
) -> _Job:
    where = os.path.abspath(gazetteer) if gazetteer else None
    return _Job(paths, where, checked_date(date_override), partition_bytes, max_bytes, filtered)


def _collect(
    job: _Job,
    client: Client,
    batch: Batch,
    submit: Callable[[Partition], Future],
    on_problem: Callable[[InputProblem], None] | None,
    on_articles: Callable[[int], None] | None,
) -> Iterator[tuple[Partition, PartitionResult]]:
    """Each partition's result in order; problems and counts go to `batch` as they come."""
    problems = _Problems(batch, on_problem)
    for item, result in _in_order(client, job.plan(), submit):
        if isinstance(item, InputProblem):
            problems.add(item)
        elif isinstance(result, BaseException):
            problems.lost(item, result)
        elif result is not None:
            problems.pieces(item, result.problems)
            batch.articles += result.articles
            batch.events += result.event_count
            if on_articles:
                on_articles(result.articles)
            yield item, result


def run(
    paths: Sequence[str],
    batch: Batch,
    client: Client,
    *,
    gazetteer: str | os.PathLike[str] | None = None,
    date_override: str | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_articles: Callable[[int], None] | None = None,
    partition_bytes: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    filtered: bool = False,
) -> Iterator[Event]:
    """geomap.pipeline.run on a cluster: the same events in the same order, streamed.

    `gazetteer` is a gazetteer file every worker can open (None: the embedded one);
    `on_articles` hears the number of articles of each finished partition; `filtered`
    drops the reports geomap.report_filter judges unlikely, as `--filter-reports` does.

    Raises InputError for a bad `date_override` and DistributedError for stdin.
    """
    job = _job(paths, gazetteer, date_override, partition_bytes, max_bytes, filtered)

    def submit(partition: Partition) -> Future:
        return _submit(client, extract_partition, partition, *job.args())

    for _, result in _collect(job, client, batch, submit, on_problem, on_articles):
        yield from result.events


def run_records(
    paths: Sequence[str],
    batch: Batch,
    client: Client,
    *,
    gazetteer: str | os.PathLike[str] | None = None,
    date_override: str | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_articles: Callable[[int], None] | None = None,
    partition_bytes: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    buckets: int | None = None,
    filtered: bool = False,
) -> list[EventRecord]:
    """group_reports(run(...)), with the reports shuffled between workers, not collected.

    Every partition's reports stay on its worker; each is split into `buckets` by country
    (default: two per worker thread), each bucket is grouped on a worker from every
    partition's share of it, and only the records come back, merged in their stable order.
    """
    from geomap.records import record_order

    job = _job(paths, gazetteer, date_override, partition_bytes, max_bytes, filtered)
    held: dict[int, Future] = {}

    def submit(partition: Partition) -> Future:
        extracted = _submit(client, extract_partition, partition, *job.args())
        held[partition.index] = extracted  # kept: its reports stay on the worker to shuffle
        return client.submit(_summary, extracted, retries=RETRIES)

    done = _collect(job, client, batch, submit, on_problem, on_articles)
    kept = [held[partition.index] for partition, _ in done]
    n = buckets or max(1, 2 * sum(client.nthreads().values()))
    shares = [[client.submit(_bucket, f, b, n, retries=RETRIES) for f in kept] for b in range(n)]
    groups = [client.submit(_group, *share, retries=RETRIES) for share in shares]
    records = client.gather(groups)
    client.cancel(list(held.values()))
    return list(heapq.merge(*records, key=record_order))


def write_partitioned_parquet(
    paths: Sequence[str],
    batch: Batch,
    client: Client,
    out: str | os.PathLike[str],
    *,
    gazetteer: str | os.PathLike[str] | None = None,
    date_override: str | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    on_articles: Callable[[int], None] | None = None,
    partition_bytes: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    filtered: bool = False,
) -> int:
    """Write the events as a folder of GeoParquet files, one per partition, with `_metadata`.

    Workers write their own files (into a hidden folder beside `out`, which every worker
    must see: a local or shared file system); the client adds `_metadata` and renames the
    folder into place. An existing `out` is replaced only if it is such a folder.
    Returns the number of events written.

    Raises OutputError with one line when the folder cannot be written.
    """
    target = Path(out)
    _check_replaceable(target)
    job = _job(paths, gazetteer, date_override, partition_bytes, max_bytes, filtered)
    try:
        scratch = tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {_os_reason(error)}") from error
    try:

        def submit(partition: Partition) -> Future:
            return _submit(client, _extract_to_parquet, partition, *job.args(), scratch)

        results = [r for _, r in _collect(job, client, batch, submit, on_problem, on_articles)]
        files = [r.parquet_file for r in results if r.parquet_file]
        if batch.articles:
            _write_metadata(Path(scratch), files)
            _swap_folder(Path(scratch), target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return sum(r.event_count for r in results)


def _check_replaceable(target: Path) -> None:
    if target.exists() and not (target.is_dir() and (target / "_metadata").is_file()):
        raise OutputError(
            f"{target}: exists and is not a partitioned GeoParquet folder; not replaced"
        )


def _write_metadata(folder: Path, files: list[str]) -> None:
    import pyarrow.parquet as pq

    if not files:  # no events: one empty file, so readers still find the columns
        files = ["part.000000.parquet"]
        _typed_frame([]).to_parquet(folder / files[0], index=False)
    metadata = []
    geo: dict[str, Any] = {}
    for name in files:
        piece = pq.read_metadata(folder / name)
        geo = _merged_geo(geo, json.loads(piece.metadata[b"geo"]))
        piece.set_file_path(name)
        metadata.append(piece)
    schema = pq.read_schema(folder / files[0])
    schema = schema.with_metadata({**schema.metadata, b"geo": json.dumps(geo).encode()})
    pq.write_metadata(schema, folder / "_metadata", metadata_collector=metadata)


def _merged_geo(merged: dict[str, Any], piece: dict[str, Any]) -> dict[str, Any]:
    # The dataset's GeoParquet metadata: one file's, with the bounding boxes joined.
    if not merged:
        return piece
    column = merged["columns"][merged["primary_column"]]
    other = piece["columns"][piece["primary_column"]]
    if "bbox" in column and "bbox" in other:
        a, b = column["bbox"], other["bbox"]
        column["bbox"] = [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])]
    types = set(column.get("geometry_types", [])) | set(other.get("geometry_types", []))
    column["geometry_types"] = sorted(types)
    return merged


def _swap_folder(scratch: Path, target: Path) -> None:
    # Two renames: readers see the old folder or the new one, never a half-written one
    # (there is an instant with neither, which POSIX cannot avoid for folders).
    old = scratch.with_name(scratch.name + ".old")
    try:
        if target.exists():
            os.rename(target, old)
        os.rename(scratch, target)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {_os_reason(error)}") from error
    shutil.rmtree(old, ignore_errors=True)
