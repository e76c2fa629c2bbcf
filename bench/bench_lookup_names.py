"""Which place a bare town name looks up to, against an earlier commit, in one run.

    python bench/bench_lookup_names.py                    # against 532c9e0, before the
                                                          # ranking rules for borrowed names
    python bench/bench_lookup_names.py --baseline HEAD~1 --min-population 100000

Every distinct display name of a town of 15,000 people or more (the names a journalist is
most likely to type into `geomap variants`) is looked up, alone and without a country, by
this tree's gazetteer and by the baseline's (checked out into a temporary git worktree, so
its code is the commit's own). Printed: how many names have a best reading the name is
only an alternate of (an old name or a translation: "Islamabad" for Chittagong), how many
names changed their best reading, and each change, to be read by eye.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_render_compare import worktree  # noqa: E402

# Run in a fresh interpreter whose first path entry is the tree measured: one JSON line per
# name, [name, best place, its country, its kind, how the name met it].
LOOKUP = """
import json, sys
sys.path.insert(0, sys.argv[1])
from gazetteer import Gazetteer
gaz = Gazetteer.default()
names = sorted({n for (n,) in gaz._con.execute(
    "SELECT name FROM places WHERE kind = 'city' AND population >= ?", (int(sys.argv[2]),))})
for name in names:
    found = gaz.lookup(name, fuzzy=False, limit=10)
    if found:
        best = found[0]
        print(json.dumps([name, best.place.name, best.place.country_code,
                          best.place.kind.value, best.match_type.value], ensure_ascii=False))
"""


def _best_readings(tree: Path, min_population: int) -> dict[str, list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", LOOKUP, str(tree), str(min_population)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
    ).stdout
    return {row[0]: row[1:] for row in map(json.loads, out.splitlines())}


def _report(label: str, readings: dict[str, list[str]]) -> None:
    borrowed = sum(1 for *_, match in readings.values() if match != "exact")
    print(f"{label}: {len(readings):,} names; best reading only an alternate name: {borrowed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="532c9e0")
    parser.add_argument("--min-population", type=int, default=15_000)
    args = parser.parse_args()
    with worktree(args.baseline) as tree:
        before = _best_readings(tree, args.min_population)
    after = _best_readings(ROOT, args.min_population)
    _report(f"baseline {args.baseline}", before)
    _report("current", after)
    changed = sorted(name for name in after if before.get(name) != after[name])
    print(f"names whose best reading changed: {len(changed)}")
    for name in changed:
        print(f"  {name}: {' '.join(before.get(name, ['-']))} -> {' '.join(after[name])}")


if __name__ == "__main__":
    main()
