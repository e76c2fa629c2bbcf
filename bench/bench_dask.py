"""geomap on Dask: speed-up of 2 local workers over 1, peak RSS per worker, extrapolation.

    python bench/bench_dask.py              # 20,000 articles, 3 alternating runs each; RSS
                                            # per worker at 10k and 100k
    python bench/bench_dask.py --quick      # 1 run each, RSS at 10k only
    python bench/bench_dask.py --rss-only   # peak RSS per worker at 10k and 100k only

The corpus is bench_extract's: article-sized texts recombined from real paragraphs
(TR-News when present, and the seeds). Every run is a fresh `geomap extract` process, and
1-worker and 2-worker runs alternate, so a neighbour's load on this shared machine falls
on both; the figure is the ratio of medians, and the spread is printed beside it.
Peak RSS is read by each worker process about itself (VmHWM, the high-water mark of its
own memory), in workers started fresh for that run, so no parent's high-water mark is
counted (ru_maxrss would carry the launching process's mark across fork and exec).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_extract import _corpus  # noqa: E402

# 1 MiB partitions: a 20,000-article corpus (about 35 MB) makes some 35 of them, enough to
# keep two workers busy to the end; the default (32 MiB) is for corpora of millions.
PARTITION_BYTES = 1 << 20

# Each worker reads VmHWM, its own process's memory high-water mark: a worker is started
# from this script's process, and ru_maxrss would carry that parent's mark with it.
RSS = """
import sys
from geomap import distributed
from geomap.export import write_events
from geomap.pipeline import Batch
with distributed.connect(distributed.Cluster(workers=2)) as client:
    batch = Batch()
    with open("/dev/null", "wb") as sink:
        write_events(
            distributed.run([sys.argv[1]], batch, client, partition_bytes={partition}), None, sink
        )
    peaks = client.run(
        lambda: int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) / 1024
    )
print(batch.articles, *sorted(peaks.values()))
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


def peak_rss(tmp: Path, n: int) -> None:
    corpus = tmp / f"rss{n}.jsonl"
    _write_corpus(corpus, n)
    out = subprocess.run(
        [sys.executable, "-c", RSS.format(partition=PARTITION_BYTES), str(corpus)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.split()
    print(
        f"peak RSS per worker, {int(out[0]):,} articles: "
        f"{', '.join(f'{float(v):.0f} MB' for v in out[1:])}"
    )
    corpus.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 run each; RSS at 10k only")
    parser.add_argument(
        "--rss-only", action="store_true", help="only peak RSS per worker, at 10k and 100k"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for n in (10_000,) if args.quick else (10_000, 100_000):
            peak_rss(tmp, n)
        if args.rss_only:
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
    print("not run: 1,000,000 articles (about an hour on this 2-core shared machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
