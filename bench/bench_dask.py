"""geomap on Dask: speed-up of 2 local workers over 1, peak RSS per worker, grouping cost.

    python bench/bench_dask.py              # 20,000 articles, 3 alternating runs each; RSS
                                            # per worker at 10k and 100k; grouping cost
    python bench/bench_dask.py --quick      # 1 run each, RSS at 10k only, no grouping
    python bench/bench_dask.py --rss-only   # peak RSS per worker at 10k and 100k only
    python bench/bench_dask.py --grouping   # `--level events` grouping at 10k, 20k, 50k
    python bench/bench_dask.py --million    # 1,000,000 articles through 2 workers (~1 hour)

The corpus is bench_extract's: article-sized texts recombined from real paragraphs
(TR-News when present, and the seeds). Every run is a fresh `geomap extract` process, and
1-worker and 2-worker runs alternate, so a neighbour's load on this shared machine falls
on both; the figure is the ratio of medians, and the spread is printed beside it.
Peak RSS is read by each worker process about itself (VmHWM, the high-water mark of its
own memory), in workers started fresh for that run, so no parent's high-water mark is
counted (ru_maxrss would carry the launching process's mark across fork and exec). Those
runs make the calls `geomap extract --workers 2` makes (connect, distributed.run,
write_events), writing the GeoJSON to /dev/null.

The grouping cost (`--level events`: reports shuffled into buckets by country, each bucket
grouped on a worker) is the workers' compute seconds in the shuffle's tasks, read from
Dask's task stream, beside the extraction tasks' seconds of the same run; its memory is
the workers' VmHWM in that run, against a run without grouping at the smallest size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_extract import _corpus  # noqa: E402

# 1 MiB partitions: a 20,000-article corpus (about 35 MB) makes some 35 of them, enough to
# keep two workers busy to the end; the default (32 MiB) is for corpora of millions.
PARTITION_BYTES = 1 << 20
GROUPING_SIZES = (10_000, 20_000, 50_000)


# Run in a fresh interpreter: each worker reads VmHWM, its own process's memory high-water
# mark (a worker is started from this script's process, and ru_maxrss would carry that
# parent's mark with it); the client reads its own. Progress goes to stderr.
MEASURE = """
import json, sys, time
from geomap import distributed
from geomap.export import write_events
from geomap.pipeline import Batch


def status(field):
    with open("/proc/self/status") as f:
        return int(f.read().split(field + ":")[1].split()[0]) / 1024


def seconds(stream, prefix):
    return sum(
        part["stop"] - part["start"]
        for task in stream
        if str(task["key"]).startswith(prefix)
        for part in task["startstops"]
        if part["action"] == "compute"
    )


def main():
    corpus, partition, level, every = sys.argv[1], int(sys.argv[2]) or None, *sys.argv[3:]
    every, done, start = int(every), [0, 0], time.perf_counter()

    def progress(articles):
        done[0] += articles
        if every and done[0] - done[1] >= every:
            done[1] = done[0]
            rss = sorted(client.run(status, "VmRSS").values())
            wall = time.perf_counter() - start
            print(
                f"{done[0]:,} articles, {wall:,.0f} s, {done[0] / wall:,.0f}/s, worker RSS "
                + ", ".join(f"{v:.0f}" for v in rss) + f" MB, client {status('VmRSS'):.0f} MB",
                file=sys.stderr, flush=True,
            )

    from distributed import get_task_stream

    figures = {}
    with distributed.connect(distributed.Cluster(workers=2)) as client:
        batch = Batch()
        with get_task_stream(client) as stream:
            if level == "events":
                records = distributed.run_records(
                    [corpus], batch, client, partition_bytes=partition, on_articles=progress
                )
                figures["records"] = len(records)
            else:
                with open("/dev/null", "wb") as sink:
                    events = distributed.run(
                        [corpus], batch, client, partition_bytes=partition, on_articles=progress
                    )
                    write_events(events, None, sink)
        figures["wall"] = time.perf_counter() - start
        figures["workers"] = sorted(client.run(status, "VmHWM").values())
    figures["extract_s"] = seconds(stream.data, "geomap-extract")
    figures["group_s"] = seconds(stream.data, "_bucket") + seconds(stream.data, "_group")
    figures.update(articles=batch.articles, reports=batch.events, client=status("VmHWM"))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
"""


def _write_corpus(path: Path, n: int) -> None:
    base = _corpus(min(n, 10_000))
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(base[i % len(base)]) + "\n")


def _extract(corpus: Path, out: Path, workers: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process tree) of one fresh CLI run."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = ["extract", str(corpus), "-o", str(out), "--workers", str(workers)]
    subprocess.run(
        [sys.executable, "-m", "geomap.cli", *command],
        check=True,
        capture_output=True,
        env={"GEOMAP_PARTITION_BYTES": str(PARTITION_BYTES), "PATH": "/usr/bin:/bin"},
        cwd=ROOT,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def speedup(tmp: Path, n: int, repeats: int) -> float:
    corpus = tmp / f"corpus{n}.jsonl"
    _write_corpus(corpus, n)
    walls: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeats):
        for workers in (1, 2):  # alternated: the machine's load falls on both
            walls[workers].append(_extract(corpus, tmp / f"w{workers}.geojson", workers)[0])
    same = (tmp / "w1.geojson").read_bytes() == (tmp / "w2.geojson").read_bytes()
    one, two = statistics.median(walls[1]), statistics.median(walls[2])
    spread = ", ".join(f"{a:.1f}/{b:.1f}" for a, b in zip(walls[1], walls[2], strict=True))
    print(
        f"speed-up, {n:,} articles: 2 workers {two:.1f} s vs 1 worker {one:.1f} s (medians "
        f"of {repeats}) = {one / two:.2f}x; runs 1w/2w: {spread} s; "
        f"outputs byte-identical: {same}"
    )
    return n / two  # articles per second on 2 workers


def _measure(
    corpus: Path, level: str = "reports", partition: int = PARTITION_BYTES, every: int = 0
) -> dict:
    """The figures of one fresh run on 2 local workers (partition 0: the CLI's default)."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(corpus), str(partition), level, str(every)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ).stdout
    return json.loads(out.splitlines()[-1])


def _mb(values: list[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values) + " MB"


def peak_rss(tmp: Path, n: int) -> None:
    corpus = tmp / f"rss{n}.jsonl"
    _write_corpus(corpus, n)
    run = _measure(corpus)
    print(f"peak RSS per worker, {run['articles']:,} articles: {_mb(run['workers'])}")
    corpus.unlink()


def grouping(tmp: Path, sizes: Sequence[int]) -> None:
    """`--level events` on 2 workers: the shuffle's cost and memory against corpus size."""
    print(
        "grouping (--level events, 2 workers, 1 MiB partitions): articles | reports -> "
        "records | grouping compute s (shuffle + group tasks) | extraction compute s, same "
        "run | grouping share | peak RSS per worker | wall"
    )
    for n in sizes:
        corpus = tmp / f"group{n}.jsonl"
        _write_corpus(corpus, n)
        run = _measure(corpus, "events")
        share = run["group_s"] / (run["group_s"] + run["extract_s"])
        print(
            f"  {n:>9,} | {run['reports']:,} -> {run['records']:,} | {run['group_s']:.2f} s | "
            f"{run['extract_s']:.1f} s | {share:.1%} | {_mb(run['workers'])} | "
            f"{run['wall']:.0f} s"
        )
        if n == sizes[0]:  # the baseline: the same corpus without grouping
            base = _measure(corpus)
            print(f"  {n:>9,} without grouping (--level reports): {_mb(base['workers'])}")
        corpus.unlink()


def million(tmp: Path) -> None:
    """1,000,000 articles through 2 workers at the CLI's default partition size."""
    corpus = tmp / "million.jsonl"
    _write_corpus(corpus, 1_000_000)
    print(f"1,000,000 articles: {corpus.stat().st_size / 2**30:.2f} GiB; progress on stderr")
    run = _measure(corpus, partition=0, every=50_000)
    print(
        f"1,000,000 articles through 2 workers: {run['articles']:,} articles, "
        f"{run['reports']:,} reports in {run['wall']:,.0f} s wall "
        f"({run['articles'] / run['wall']:,.0f} articles/s); peak RSS per worker "
        f"{_mb(run['workers'])}, client {run['client']:.0f} MB"
    )
    corpus.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 run each; RSS at 10k only")
    parser.add_argument(
        "--rss-only", action="store_true", help="only peak RSS per worker, at 10k and 100k"
    )
    parser.add_argument(
        "--grouping", action="store_true", help="only the grouping cost at 10k, 20k, 50k"
    )
    parser.add_argument(
        "--million", action="store_true", help="only 1,000,000 articles through 2 workers"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if args.million:
            million(tmp)
            return 0
        if not args.grouping:
            for n in (10_000,) if args.quick else (10_000, 100_000):
                peak_rss(tmp, n)
        if not args.quick and not args.rss_only:
            grouping(tmp, GROUPING_SIZES)
        if args.rss_only or args.grouping:
            return 0
        rate = speedup(tmp, 20_000, 1 if args.quick else 3)
    for workers in (2, 16, 128):
        hours = 1e8 / (rate / 2 * workers) / 3_600
        print(
            f"extrapolation: 10^8 articles on {workers} workers ~ {hours:,.1f} hours, assuming "
            "each worker keeps this machine's per-worker rate (same article mix, one core "
            "each), linear scaling, and reading and scheduling (about 1 ms a partition) "
            "never the bottleneck"
        )
    print("not run here: 1,000,000 articles (--million; about an hour on 2 shared cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
