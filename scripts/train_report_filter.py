"""Train geomap's report filter (geomap.report_filter) on the hand-coded sets in bench/fresh*.

Every report geomap extracts from a set, unfiltered, is labelled from the set's gold: true
when its place (the gold place within 25 km) and type are a required triple, false when
they are neither required nor optional. Optional triples are left out: the gold allows
them without asking for them. So are reports of a region or a country, which the filter
does not judge (geomap.report_filter.judged). The features are the named signals of
geomap.report_filter.FEATURES and the report's words (geomap.report_filter.words) that at
least MIN_WORD_REPORTS training reports hold. A logistic regression with an L2 penalty
(C = 0.1, the intercept unpenalised) is fitted by Newton's method, which converges to the
one optimum: the same sets give the same weights.

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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from geomap.extract import extract_events  # noqa: E402
from geomap.model import Event, InputProblem  # noqa: E402
from geomap.report_filter import FEATURES, ArticleReports, judged, words  # noqa: E402
from geomap.sources import iter_articles  # noqa: E402

OUT = ROOT / "geomap" / "assets" / "report_filter.json"
THRESHOLD = 0.5  # chosen before any test round was scored, and kept
_MATCH_KM = 25.0
# 1 / C. With some 1,200 word features beside the dozen of FEATURES, a stronger penalty
# than the dozen alone needed (1) keeps rare words from deciding: chosen by training below
# each of the held-out rounds fresh90, 96, 102 and 108 and testing on the next six sets
# (bench/bench_learned_filter.py), before fresh114-119 were scored with it.
_PENALTY = 10.0
# A word becomes a feature when this many training reports hold it.
MIN_WORD_REPORTS = 30


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


@dataclass(frozen=True)
class Row:
    """One judged report: its FEATURES values (in order), its words and its label."""

    features: list[float]
    words: frozenset[str]
    label: float


def rows(article: Coded) -> Iterator[Row]:
    """Each judged report of the article as a training row."""
    if article.gold is None or not article.reports:
        return
    context = ArticleReports.of(article.text, article.reports)
    for report in article.reports:
        y = label(report, article.gold)
        if y is not None:
            values = [feature(report, context) for feature in FEATURES.values()]
            yield Row(values, words(report), y)


def vocabulary(training: list[Row]) -> list[str]:
    """The words held by at least MIN_WORD_REPORTS training reports, sorted."""
    counts = Counter(word for row in training for word in row.words)
    return sorted(word for word, n in counts.items() if n >= MIN_WORD_REPORTS)


def design(training: list[Row], vocab: list[str]) -> np.ndarray:
    """The rows as a matrix: FEATURES' values, then one 0/1 column per vocabulary word."""
    column = {word: i for i, word in enumerate(vocab, start=len(FEATURES))}
    x = np.zeros((len(training), len(FEATURES) + len(vocab)))
    for i, row in enumerate(training):
        x[i, : len(FEATURES)] = row.features
        for word in row.words:
            if word in column:
                x[i, column[word]] = 1.0
    return x


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
    training = [row for folder in sets for a in articles(folder, gaz) for row in rows(a)]
    vocab = vocabulary(training)
    y = np.array([row.label for row in training])
    beta, intercept = fit(design(training, vocab), y)
    weights, word_weights = beta[: len(FEATURES)], beta[len(FEATURES) :]
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
        "min_word_reports": MIN_WORD_REPORTS,
        "words": {word: round(float(w), 6) for word, w in zip(vocab, word_weights, strict=True)},
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
        f"from {len(document['trained_on'])} sets, {len(document['words'])} word features"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
