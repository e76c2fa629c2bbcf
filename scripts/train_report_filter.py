"""Train geomap's report filter (geomap.report_filter) on the hand-coded sets in bench/fresh*.

Every report geomap extracts from a set, unfiltered, is labelled from the set's gold: true
when its place (the gold place within 25 km) and type are a required triple, false when
they are neither required nor optional. Optional triples are left out: the gold allows
them without asking for them. So are reports of a region or a country, which the filter
does not judge (geomap.report_filter.judged). A logistic regression
with an L2 penalty (C = 1, the intercept unpenalised) is fitted by Newton's method, which
converges to the one optimum: the same sets give the same weights.

    python scripts/train_report_filter.py            # all sets -> geomap/assets/report_filter.json
    python scripts/train_report_filter.py --below 90 --out /tmp/f.json   # only fresh..fresh89

Retrain whenever extraction changes what reports it gives, and before a new round of
held-out sets is scored (train below it, so the round stays unseen).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from geomap.extract import extract_events  # noqa: E402
from geomap.model import Event, InputProblem  # noqa: E402
from geomap.report_filter import FEATURES, ArticleReports, judged  # noqa: E402
from geomap.sources import iter_articles  # noqa: E402

OUT = ROOT / "geomap" / "assets" / "report_filter.json"
THRESHOLD = 0.5  # chosen before any test round was scored, and kept
_MATCH_KM = 25.0
_PENALTY = 1.0  # 1 / C


@dataclass(frozen=True)
class Coded:
    """One article's unfiltered reports, its text and its gold (None when the gold lacks it)."""

    text: str
    reports: list[Event]
    gold: dict | None


def fresh_sets(below: int | None = None, start: int = 0) -> list[Path]:
    """bench/fresh (numbered 1), fresh2, ... from `start` and below `below`, in order."""
    sets = []
    for path in (ROOT / "bench").glob("fresh*"):
        number = int(path.name.removeprefix("fresh") or 1)
        in_range = number >= start and (below is None or number < below)
        if in_range and (path / "gold.json").exists():
            sets.append((number, path))
    return [path for _, path in sorted(sets)]


def articles(folder: Path, gaz: Gazetteer) -> Iterator[Coded]:
    """The articles of a set (or of any folder with a gold.json), with their reports."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    for item in iter_articles([str(folder / "texts")]):
        if isinstance(item, InputProblem):
            raise SystemExit(f"train_report_filter: {item}")
        name = Path(item.source).name
        key = next((k for k in gold["articles"] if name.startswith(k)), None)
        coded = None if key is None else {"places": gold["places"], **gold["articles"][key]}
        yield Coded(item.text, extract_events(item, gaz), coded)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


def label(report: Event, gold: dict) -> float | None:
    """1 for a required triple, 0 for one the gold does not allow, None when it is not asked."""
    if not judged(report):
        return None
    places = gold["places"]
    point = (report.place.lat, report.place.lon)
    best = min(places, key=lambda q: _km(point, (places[q]["lat"], places[q]["lon"])))
    if _km(point, (places[best]["lat"], places[best]["lon"])) > _MATCH_KM:
        return 0.0
    triple = [best, report.event_type.value]
    if triple in gold["required"]:
        return 1.0
    return None if triple in gold["optional"] else 0.0


def rows(article: Coded) -> Iterator[tuple[list[float], float]]:
    """Each judged report's feature vector (in FEATURES order) and its label."""
    if article.gold is None or not article.reports:
        return
    context = ArticleReports.of(article.text, article.reports)
    for report in article.reports:
        y = label(report, article.gold)
        if y is not None:
            yield [feature(report, context) for feature in FEATURES.values()], y


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method: (weights, intercept)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    penalty = np.eye(design.shape[1]) * _PENALTY
    penalty[-1, -1] = 0.0  # the intercept is not shrunk
    beta = np.zeros(design.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        gradient = design.T @ (p - y) + penalty @ beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return beta[:-1], float(beta[-1])


def train(sets: list[Path], gaz: Gazetteer) -> dict:
    """The weights document for the filter, trained on `sets`."""
    pairs = [pair for folder in sets for a in articles(folder, gaz) for pair in rows(a)]
    x = np.array([features for features, _ in pairs])
    y = np.array([label for _, label in pairs])
    weights, intercept = fit(x, y)
    return {
        "about": (
            "geomap.report_filter's logistic regression, written by "
            "scripts/train_report_filter.py from the hand-coded sets named below."
        ),
        "trained_on": [folder.name for folder in sets],
        "reports": len(y),
        "true": int(y.sum()),
        "threshold": THRESHOLD,
        "intercept": round(intercept, 6),
        "weights": {name: round(float(w), 6) for name, w in zip(FEATURES, weights, strict=True)},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--below", type=int, help="train only on sets numbered below this")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    document = train(fresh_sets(args.below), Gazetteer.default())
    args.out.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(
        f"{args.out}: {document['reports']} reports ({document['true']} true) "
        f"from {len(document['trained_on'])} sets"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
