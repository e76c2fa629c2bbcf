"""geomap.distributed on a real dask.distributed LocalCluster: 2 worker processes on 127.0.0.1.

Every expectation is the single-process run (geomap.pipeline.run) of the same inputs, or
follows from how the inputs were written: the corpus is small, but cut into many
partitions (a few KB each), so byte ranges, batching and ordering are all exercised.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client  # the test extra installs Dask
from distributed.diagnostics.plugin import WorkerPlugin
from typer.testing import CliRunner

from gazetteer import Gazetteer
from geomap import distributed
from geomap.cli import app
from geomap.model import InputProblem
from geomap.pipeline import Batch, run
from geomap.records import group_reports

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PARTITION = 6_000  # bytes: the corpus below makes a dozen partitions


def _seed_paragraphs() -> list[str]:
    return [
        p.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n")
        if len(p.strip()) > 80
    ]


def _articles(n: int) -> list[dict[str, str]]:
    # The seeds' own paragraphs, rotated, so every article names places and events.
    paragraphs = _seed_paragraphs()
    return [
        {
            "text": "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(3)),
            "date": "2005-03-2" + str(i % 5),
            "title": f"article {i}",
        }
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """seeds/, a JSON-lines file with 25 bad lines among 60 articles, a .jsonl.gz, and a
    folder of small text files with one binary file among them."""
    root = tmp_path_factory.mktemp("corpus")
    lines = []
    for i, article in enumerate(_articles(60)):
        lines.append(json.dumps(article))
        if i % 2 == 1 and i < 50:  # 25 bad lines, spread over the whole file
            lines.append('{"text": broken')
    (root / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(root / "more.jsonl.gz", "wt", encoding="utf-8") as handle:
        for article in _articles(8):
            handle.write(json.dumps(article) + "\n")
    folder = root / "texts"
    folder.mkdir()
    for i, article in enumerate(_articles(6)):
        (folder / f"{i:02d}.txt").write_text(article["text"], encoding="utf-8")
    (folder / "03b.txt").write_bytes(bytes(range(256)) * 8)
    return root


def _inputs(corpus: Path) -> list[str]:
    return [
        str(SEEDS),
        str(corpus / "big.jsonl"),
        str(corpus / "more.jsonl.gz"),
        str(corpus / "texts"),
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with distributed.connect(distributed.Cluster(workers=2)) as client:
        yield client


@pytest.fixture(scope="module")
def single(corpus: Path, gaz: Gazetteer) -> tuple[list, Batch]:
    batch = Batch()
    return list(run(_inputs(corpus), gaz, batch)), batch


def test_the_corpus_is_cut_into_ranges_and_batches(corpus: Path) -> None:
    plan = list(distributed.plan_partitions(_inputs(corpus), partition_bytes=PARTITION))
    partitions = [p for p in plan if isinstance(p, distributed.Partition)]
    ranges = [piece for p in partitions for piece in p.pieces if piece.end is not None]
    # big.jsonl is about 40 KB: several ranges, each starting on a line whose number it knows
    assert len(ranges) >= 4
    data = (corpus / "big.jsonl").read_bytes()
    for piece in ranges:
        assert piece.start == 0 or data[piece.start - 1 : piece.start] == b"\n"
        assert data[: piece.start].count(b"\n") + 1 == piece.first_line
    assert [p.index for p in partitions] == list(range(len(partitions)))
    gz = [piece for p in partitions for piece in p.pieces if piece.source.endswith(".gz")]
    assert len(gz) == 1 and gz[0].end is None  # gzip is read whole


def test_events_and_problems_equal_the_single_process_run(
    corpus: Path, client: Client, single: tuple[list, Batch]
) -> None:
    events, batch = single
    got = Batch()
    found = list(distributed.run(_inputs(corpus), got, client, partition_bytes=PARTITION))
    assert found == events
    assert (got.articles, got.events) == (batch.articles, batch.events)
    assert got.problems == batch.problems


def test_bad_file_and_bad_lines_reported_once_the_rest_kept(
    corpus: Path, client: Client, single: tuple[list, Batch]
) -> None:
    got = Batch()
    found = list(distributed.run(_inputs(corpus), got, client, partition_bytes=PARTITION))
    binary = str(corpus / "texts" / "03b.txt")
    assert [p.source for p in got.problems].count(binary) == 1
    # 25 bad lines in big.jsonl, spread over several partitions: the first 10 listed and
    # one line for the other 15, as one process reads them
    big = str(corpus / "big.jsonl")
    lines = [p.reason for p in got.problems if p.source == big]
    assert len(lines) == 11 and lines[-1] == "15 more bad lines not listed"
    assert all(r.startswith("line ") for r in lines[:10])
    # 60 + 8 + 6 articles and the seeds: every good article is read
    assert got.articles == 60 + 8 + 6 + len(list(SEEDS.glob("*.txt")))
    assert {e.source.split(":")[0] for e in found} >= {big, str(corpus / "more.jsonl.gz")}


def test_event_records_are_grouped_on_the_workers_as_in_one_process(
    corpus: Path, client: Client, single: tuple[list, Batch]
) -> None:
    events, batch = single
    got = Batch()
    records = distributed.run_records(
        _inputs(corpus), got, client, partition_bytes=PARTITION, buckets=3
    )
    assert records == group_reports(events)
    assert got.problems == batch.problems


class _KillOnce(WorkerPlugin):
    """A worker plugin that kills its worker's process as the first extraction task starts
    (claimed through a marker file, so across the cluster it happens exactly once)."""

    name = "geomap-test-kill-once"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key: object, start: str, finish: str, **kwargs: object) -> None:
        if finish != "executing" or not str(key).startswith("geomap-extract"):
            return
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os._exit(1)


def test_a_killed_workers_partition_is_run_again(
    corpus: Path, tmp_path: Path, single: tuple[list, Batch]
) -> None:
    import cloudpickle

    events, batch = single
    marker = tmp_path / "killed"
    # Its own cluster: a dead worker must not slow the other tests.
    with distributed.connect(distributed.Cluster(workers=2)) as client:
        cloudpickle.register_pickle_by_value(sys.modules[__name__])
        try:
            client.register_plugin(_KillOnce(str(marker)))
        finally:
            cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
        got = Batch()
        found = list(distributed.run(_inputs(corpus), got, client, partition_bytes=PARTITION))
    assert marker.exists()  # a worker really died mid-run
    assert found == events
    assert got.problems == batch.problems


# ---------------------------------------------------------------------------------------------
# Through the command line

runner = CliRunner()


def _extract(corpus: Path, out: Path, *options: str) -> tuple[int, str]:
    result = runner.invoke(
        app,
        ["extract", *_inputs(corpus), "-o", str(out), "--report", str(out) + ".report", *options],
        env={"GEOMAP_PARTITION_BYTES": str(PARTITION)},
    )
    return result.exit_code, result.stderr


def test_one_worker_and_two_give_the_same_bytes_as_one_process(
    corpus: Path, tmp_path: Path, client: Client
) -> None:
    plain, one, two = tmp_path / "plain.geojson", tmp_path / "1.geojson", tmp_path / "2.geojson"
    assert _extract(corpus, plain)[0] == 1  # the binary file and the bad lines failed
    assert _extract(corpus, one, "--workers", "1")[0] == 1
    # two workers: the module's cluster, joined through --scheduler
    code, stderr = _extract(corpus, two, "--scheduler", client.scheduler.address)
    assert code == 1
    assert one.read_bytes() == two.read_bytes() == plain.read_bytes()
    # --report gathers the problems of every worker: the same list as one process
    reports = [json.loads(Path(str(p) + ".report").read_text()) for p in (plain, one, two)]
    assert reports[0] == reports[1] == reports[2]
    assert len(reports[2]["failed"]) == 12  # 10 bad lines, the rest counted, the binary file
    assert stderr.count("03b.txt") == 1


def test_partitioned_geoparquet_reads_back_with_geopandas_and_dask_geopandas(
    corpus: Path, tmp_path: Path, single: tuple[list, Batch], client: Client
) -> None:
    import dask_geopandas
    import geopandas

    events, _ = single
    folder = tmp_path / "events.parquet"
    where = ["--scheduler", client.scheduler.address, "--parquet-dir", str(folder)]
    result = runner.invoke(
        app,
        ["extract", *_inputs(corpus), *where],
        env={"GEOMAP_PARTITION_BYTES": str(4 * PARTITION)},  # fewer, larger files
    )
    assert result.exit_code == 1, result.stderr
    parts = sorted(folder.glob("part.*.parquet"))
    assert len(parts) > 1 and (folder / "_metadata").is_file()
    whole = geopandas.read_parquet(folder)
    assert list(whole["report_id"]) == [e.stable_id for e in events]
    assert whole.crs.to_epsg() == 4326
    lazy = dask_geopandas.read_parquet(folder)
    assert lazy.npartitions == len(parts)
    assert list(lazy.compute()["report_id"]) == [e.stable_id for e in events]
    assert list(whole.geometry.x) == [e.place.lon for e in events]


def test_event_records_through_the_cli_match_one_process(
    corpus: Path, tmp_path: Path, client: Client
) -> None:
    plain, two = tmp_path / "plain.csv", tmp_path / "two.csv"
    assert _extract(corpus, plain, "--level", "events")[0] == 1
    address = client.scheduler.address
    assert _extract(corpus, two, "--level", "events", "--scheduler", address)[0] == 1
    assert two.read_bytes() == plain.read_bytes()


def test_the_report_filter_runs_on_the_workers_as_in_one_process(
    tmp_path: Path, client: Client
) -> None:
    from test_report_filter import WAGE_MARCH

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "wage-march.txt").write_text(WAGE_MARCH, encoding="utf-8")
    inputs = [str(SEEDS), str(folder)]
    outs = [tmp_path / "plain.geojson", tmp_path / "two.geojson", tmp_path / "all.geojson"]
    address = ["--scheduler", client.scheduler.address]
    for out, options in zip(outs, ([], address, []), strict=True):
        filtered = ["--filter-reports"] if out.name != "all.geojson" else []
        result = runner.invoke(app, ["extract", *inputs, "-o", str(out), *filtered, *options])
        assert result.exit_code == 0, result.stderr
    assert outs[0].read_bytes() == outs[1].read_bytes()
    places = [json.loads(out.read_text())["features"] for out in (outs[1], outs[2])]
    # The aside's deaths near Dhaka (tests/test_report_filter.py) went on the workers too.
    assert [f for f in places[1] if f["properties"]["place"] == "Dhaka"]
    assert not [f for f in places[0] if f["properties"]["place"] == "Dhaka"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "give one of them"),
        (["--parquet-dir", "x.parquet"], "needs --workers or --scheduler"),
        (["--workers", "2", "--geocoder", "nominatim"], "--geocoder runs in one process"),
        (["--workers", "0"], "--workers"),
    ],
)
def test_usage_errors(options: list[str], message: str) -> None:
    result = runner.invoke(app, ["extract", str(SEEDS), *options])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    where = distributed.Cluster(scheduler="tcp://127.0.0.1:9", timeout=1.0)  # nothing listens
    with (
        pytest.raises(distributed.DistributedError, match=r"cannot reach scheduler tcp://127"),
        distributed.connect(where),
    ):
        pass


def test_a_default_run_never_imports_dask(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from geomap.cli import app\n"
        f"r = CliRunner().invoke(app, ['extract', {str(SEEDS)!r}, '-o', "
        f"{str(tmp_path / 'e.geojson')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "e.geojson").stat().st_size > 0


def _profiles(dask_worker: object) -> bool:
    return "profile" in dask_worker.periodic_callbacks  # type: ignore[attr-defined]


def test_local_workers_keep_no_statistical_profile(client: Client) -> None:
    # Dask's profiler would keep a call tree per second of work for the last 1,000 seconds
    # on every worker: memory that grew with the length of the run, for a dashboard that a
    # local run never opens. Each worker started by connect() runs without it.
    assert client.run(_profiles) == dict.fromkeys(client.scheduler_info()["workers"], False)


def test_stdin_cannot_be_split() -> None:
    with pytest.raises(distributed.DistributedError, match="stdin"):
        list(distributed.plan_partitions(["-"]))


def test_problems_of_the_walk_keep_their_place(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Protesters rallied in Osh.", encoding="utf-8")
    plan = list(
        distributed.plan_partitions(
            [str(tmp_path / "missing"), str(tmp_path / "a.txt"), str(tmp_path / "gone")]
        )
    )
    kinds = [type(item).__name__ for item in plan]
    assert kinds == ["InputProblem", "Partition", "InputProblem"]
    assert plan[0] == InputProblem(str(tmp_path / "missing"), "no such file or directory")
