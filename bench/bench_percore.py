"""Per-core extraction speed against an earlier commit, measured side by side in one run.

    python bench/bench_percore.py                      # against 9c9b96c, the commit before
                                                       # the per-core speed work
    python bench/bench_percore.py --baseline HEAD~3    # against any revision
    python bench/bench_percore.py --articles 1000 --runs 3
    python bench/bench_percore.py --baseline C^ --current C
                                                       # one commit's own share: both
                                                       # sides from worktrees
    python bench/bench_percore.py --corpus reports     # the repository's own reports

The baseline is checked out into a temporary git worktree (removed afterwards), so its
code is the commit's own, not a copy kept by hand. Both codebases read the same corpus
(bench_extract's: article-sized texts recombined from the paragraphs of real articles) and
do what `geomap extract --level reports` does: read the JSON lines, extract, and stream
GeoJSON (here to /dev/null). The recombined corpus draws its articles from about 1,400
distinct paragraphs, so each recurs some seven times in 1,000 articles and no article has
an infobox; `--corpus reports` reads instead the hand-coded reports of bench/fresh*/texts,
each once, whole (wire copy, encyclopaedia pages with infoboxes, transcripts, live blogs).

Every run is a fresh interpreter started in the codebase's own tree, and the two trees
alternate run by run, so a neighbour's load on a shared machine falls on both. Each run
reports the CPU seconds (user + system, `time.process_time`) of reading, extracting and
writing, after its imports and the gazetteer's opening: the per-core cost of an article,
which wall time on a busy machine is not. The figure is the ratio of the medians, and every
run is printed beside it. Peak memory is measured fresh in each run as well (VmHWM, this
process's own high-water mark; `ru_maxrss` would inherit the bench's).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_extract import _corpus  # noqa: E402

DEFAULT_BASELINE = "9c9b96c"  # main before the per-core speed work (issue 17)

# Run in a fresh interpreter whose first path entry is the tree measured. Prints: articles,
# events, CPU seconds of the extraction, and the process's own peak RSS in MB.
MEASURE = """
import sys, time
sys.path.insert(0, sys.argv[1])
from gazetteer import Gazetteer
from geomap.export import write_events
from geomap.pipeline import Batch, run
import geomap
assert geomap.__file__.startswith(sys.argv[1]), geomap.__file__
gaz = Gazetteer.default()
batch = Batch()
start = time.process_time()
with open("/dev/null", "wb") as sink:
    write_events(run([sys.argv[2]], gaz, batch), None, sink)
cpu = time.process_time() - start
status = open("/proc/self/status").read()
peak_kb = int(status.split("VmHWM:")[1].split()[0])
print(batch.articles, batch.events, cpu, peak_kb / 1024)
"""


def _reports(limit: int) -> list[dict]:
    """The repository's hand-coded reports, each once and whole, in a fixed order."""
    paths = sorted((ROOT / "bench").glob("fresh*/texts/*.txt"))[:limit]
    return [{"text": path.read_text(encoding="utf-8"), "title": path.stem} for path in paths]


CORPORA: dict[str, Callable[[int], list[dict]]] = {"recombined": _corpus, "reports": _reports}


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def _measure(tree: Path, corpus: Path) -> tuple[int, int, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tree), str(corpus)],
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"},
    ).stdout.split()
    return int(out[0]), int(out[1]), float(out[2]), float(out[3])


def compare(
    baseline: str,
    articles: int,
    runs: int,
    current: str | None = None,
    corpus_name: str = "recombined",
) -> float:
    base_commit = _git("rev-parse", "--short", baseline)
    if current is None:
        dirty = _git("status", "--porcelain", "--", "geomap", "gazetteer")
        head = _git("rev-parse", "--short", "HEAD") + (
            " (with uncommitted changes)" if dirty else ""
        )
    else:
        head = _git("rev-parse", "--short", current)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        corpus = tmp / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for article in CORPORA[corpus_name](articles):
                f.write(json.dumps(article) + "\n")
        tree = tmp / "baseline"
        _git("worktree", "add", "--detach", str(tree), base_commit)
        ours = ROOT
        if current is not None:
            ours = tmp / "current"
            _git("worktree", "add", "--detach", str(ours), head)
        try:
            cpu: dict[str, list[float]] = {"baseline": [], "current": []}
            found: dict[str, tuple[int, int, float]] = {}
            for _ in range(runs):
                for label, where in (("baseline", tree), ("current", ours)):
                    n, events, seconds, peak = _measure(where, corpus)
                    cpu[label].append(seconds)
                    found[label] = (n, events, peak)
        finally:
            _git("worktree", "remove", "--force", str(tree))
            if current is not None:
                _git("worktree", "remove", "--force", str(ours))
    base_cpu, current_cpu = statistics.median(cpu["baseline"]), statistics.median(cpu["current"])
    n = found["current"][0]
    for label, commit in (("baseline", base_commit), ("current", head)):
        median = statistics.median(cpu[label])
        _, events, peak = found[label]
        print(
            f"{label} {commit}: {n:,} articles, {events:,} reports; median {median:.2f} CPU s "
            f"= {n / median:,.0f} articles per CPU-second (runs: "
            f"{', '.join(f'{s:.2f}' for s in cpu[label])} s); peak RSS {peak:.0f} MB"
        )
    print(
        f"per-core speed-up, current over {base_commit}: {base_cpu / current_cpu:.2f}x "
        f"(ratio of median CPU seconds, {runs} alternating fresh runs each)"
    )
    return base_cpu / current_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git revision to beat")
    parser.add_argument("--articles", type=int, default=3_000, help="corpus size")
    parser.add_argument("--runs", type=int, default=3, help="fresh runs of each codebase")
    parser.add_argument(
        "--current", metavar="REV", help="measure this revision instead of the working tree"
    )
    parser.add_argument(
        "--corpus",
        choices=sorted(CORPORA),
        default="recombined",
        help="recombined paragraphs (bench_extract's), or the reports of bench/fresh*",
    )
    args = parser.parse_args()
    compare(args.baseline, args.articles, args.runs, args.current, args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
