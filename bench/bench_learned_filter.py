"""Does the report filter (geomap.report_filter) raise precision on sets it was not trained on?

The filter is trained (scripts/train_report_filter.py, the same code that writes the
committed weights) on the sets below --test-from, then every set from --test-from on, and
the dev set (never trained on), is scored twice in the same run: all reports, and the
reports the filter keeps. Report precision is over the reports the gold can judge (see the
training script); P and R are the events scorer's, as for the dev set.

    python bench/bench_learned_filter.py [--test-from 90]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_report_filter import Coded, articles, fresh_sets, label, train  # noqa: E402

from gazetteer import Gazetteer  # noqa: E402
from geomap.export import feature_collection  # noqa: E402
from geomap.model import Event  # noqa: E402
from geomap.report_filter import ReportFilter  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DEV = ROOT.parent / "shared" / "eval" / "events-dev"


def _scores(gold: Path, events: list[Event]) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "events.geojson"
        out.write_text(json.dumps(feature_collection(events)), encoding="utf-8")
        command = [sys.executable, str(SCORER), str(gold), str(out), "--json"]
        result = subprocess.run(command, check=True, capture_output=True, text=True)
    scores: dict = json.loads(result.stdout)
    return scores


def _judged(coded: list[Coded], keep: ReportFilter | None) -> tuple[int, int]:
    """(true, judged) over the reports kept, of the reports the gold can judge."""
    true = judged = 0
    for article in coded:
        reports = keep.kept(article.text, article.reports) if keep else article.reports
        for report in reports:
            y = label(report, article.gold) if article.gold else None
            if y is not None:
                judged += 1
                true += int(y)
    return true, judged


def _line(name: str, gold: Path, coded: list[Coded], keep: ReportFilter) -> str:
    every = [r for a in coded for r in a.reports]
    kept = [r for a in coded for r in keep.kept(a.text, a.reports)]
    before, after = _scores(gold, every), _scores(gold, kept)
    return (
        f"  {name}: P {before['precision']:.3f} -> {after['precision']:.3f}, "
        f"R {before['recall']:.3f} -> {after['recall']:.3f}, "
        f"reports {len(every)} -> {len(kept)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--test-from", type=int, default=90, help="first set of the test round")
    args = parser.parse_args()
    gaz = Gazetteer.default()
    keep = ReportFilter.from_json(train(fresh_sets(below=args.test_from), gaz))
    tests = [
        (p.name, p / "gold.json", list(articles(p, gaz))) for p in fresh_sets(start=args.test_from)
    ]
    dev = ("events-dev", DEV / "gold.json", list(articles(DEV, gaz)))
    coded = [a for _, _, test in tests for a in test]
    (t0, n0), (t1, n1) = _judged(coded, None), _judged(coded, keep)
    print(f"trained on the sets below fresh{args.test_from}; tested on {len(tests)} sets after")
    print(f"report precision: {t0 / n0:.4f} ({t0}/{n0}) -> {t1 / n1:.4f} ({t1}/{n1})")
    print("events scorer, all reports -> filtered:")
    for name, gold, test in [*tests, dev]:
        print(_line(name, gold, test, keep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
