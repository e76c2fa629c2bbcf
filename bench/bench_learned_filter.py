"""Would a learned filter over geomap's own reports raise precision on unseen news?

An experiment for issue 10, not part of the product. geomap extracts reports from the
held-out sets (bench/fresh*); each report is labelled from the set's hand-coded gold (true
when its place, within 25 km, and type are a required triple; false when neither required
nor optional; optional and coarse unmatched reports are left out). A logistic regression
over a dozen features of the report and its article (inferred or not, the place's
precision, the share of the article's reports at that place, whether the place is in the
first line, ...) is trained on the older sets and scored on the newest round, which no
rule was written for, and on the dev set (never trained on). The baseline is the same reports
unfiltered, in the same run.

Needs scikit-learn, which geomap itself does not depend on:

    pip install scikit-learn
    python bench/bench_learned_filter.py [--test-from 84]
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_MATCH_KM = 25.0
_TYPES = ("arrest", "casualties", "clash", "crowd", "protest", "seizure")
_THRESHOLDS = (0.3, 0.4, 0.5, 0.6)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def _reports(texts: Path) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "reports.geojson"
        command = [sys.executable, "-m", "geomap.cli", "extract", str(texts)]
        command += ["--level", "reports", "-o", str(out)]
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        features: list[dict] = json.loads(out.read_text())["features"]
    return features


def _article_rows(features: list[dict]) -> Iterator[tuple[dict, dict[str, float]]]:
    """Each report with its features, computed within its article."""
    by_source: dict[str, list[dict]] = {}
    for feature in features:
        by_source.setdefault(str(feature["properties"]["source"]), []).append(feature)
    for source, reports in by_source.items():
        text = Path(source).read_text(encoding="utf-8")
        first_line = text.strip().split("\n")[0]
        countries = Counter(f["properties"]["country_code"] for f in reports)
        places = Counter(f["properties"]["place"] for f in reports)
        for feature in reports:
            yield feature, _features(feature, text, first_line, countries, places, len(reports))


def _triple_scores(gold: Path, features: list[dict]) -> dict:
    """The events scorer's figures for these reports (the dev set's scorer)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "kept.geojson"
        out.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
        command = [sys.executable, str(SCORER), str(gold), str(out), "--json"]
        result = subprocess.run(command, check=True, capture_output=True, text=True)
    scores: dict = json.loads(result.stdout)
    return scores


def _gold_place(gold: dict, point: tuple[float, float]) -> str | None:
    places = gold["places"]
    best = min(places, key=lambda q: _km(point, (places[q]["lat"], places[q]["lon"])))
    near = _km(point, (places[best]["lat"], places[best]["lon"])) <= _MATCH_KM
    return best if near else None


def _label(gold_article: dict, place: str | None, event_type: str, coarse: bool) -> int | None:
    if place is None:
        return None if coarse else 0
    if [place, event_type] in gold_article["required"]:
        return 1
    return None if [place, event_type] in gold_article["optional"] else 0


def _rows(gold_path: Path, features: list[dict]) -> Iterator[dict[str, float]]:
    """One row per report that the gold can judge: its features and its label `y`."""
    gold = json.loads(gold_path.read_text())
    for feature, row in _article_rows(features):
        name = Path(feature["properties"]["source"]).name
        article = next((a for a in gold["articles"] if name.startswith(a)), None)
        if article is None:
            continue
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"][:2]
        coarse = props["precision"] in ("region", "country")
        place = _gold_place(gold, (lat, lon))
        y = _label(gold["articles"][article], place, props["event_type"], coarse)
        if y is not None:
            yield {**row, "y": float(y)}


def _features(
    feature: dict, text: str, first_line: str, countries: Counter, places: Counter, n: int
) -> dict[str, float]:
    props = feature["properties"]
    mentions = set(props.get("mentions") or [])
    row = {
        "inferred": float(bool(props["inferred"])),
        "confidence": float(props["confidence"]),
        "point": float(props["precision"] == "point"),
        "country": float(props["precision"] == "country"),
        "region": float(props["precision"] == "region"),
        "story_country": float(props["country_code"] == countries.most_common(1)[0][0]),
        "countries": float(len(countries)),
        "times_named": float(sum(text.count(m) for m in mentions)),
        "in_first_line": float(any(m in first_line for m in mentions)),
        "position": props["char_start"] / max(1, len(text)),
        "share": places[props["place"]] / n,
        "reports": float(n),
    }
    row.update({f"type_{t}": float(props["event_type"] == t) for t in _TYPES})
    return row


def _fresh_sets() -> list[tuple[int, Path]]:
    sets = []
    for path in (ROOT / "bench").glob("fresh*"):
        suffix = path.name.removeprefix("fresh")
        if (path / "gold.json").exists():
            sets.append((int(suffix or 1), path))
    return sorted(sets)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--test-from", type=int, default=84, help="first set of the test round")
    args = parser.parse_args()
    try:
        import numpy as np
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print("bench_learned_filter: needs scikit-learn (pip install scikit-learn)")
        return 2
    train: list[dict[str, float]] = []
    tests: list[tuple[str, Path, list[dict]]] = []
    for number, path in _fresh_sets():
        features = _reports(path / "texts")
        if number >= args.test_from:
            tests.append((path.name, path / "gold.json", features))
        else:
            train.extend(_rows(path / "gold.json", features))
    names = [k for k in train[0] if k != "y"]
    x_train = np.array([[r[k] for k in names] for r in train])
    model = LogisticRegression(C=1.0, max_iter=3000).fit(x_train, [r["y"] for r in train])

    def chance(rows: list[dict[str, float]]) -> np.ndarray:
        return model.predict_proba(np.array([[r[k] for k in names] for r in rows]))[:, 1]

    labelled = [row for _, gold, features in tests for row in _rows(gold, features)]
    y = np.array([r["y"] for r in labelled])
    p = chance(labelled)
    print(f"trained on {len(train)} reports of the sets before fresh{args.test_from}")
    print(f"test: {len(y)} reports, {int(y.sum())} true, {int(len(y) - y.sum())} false")
    print(f"baseline (no filter): report precision {y.mean():.4f}")
    for threshold in _THRESHOLDS:
        keep = p >= threshold
        print(
            f"filter at {threshold}: precision {y[keep].mean():.4f} (drops "
            f"{int(((~keep) & (y == 0)).sum())} false and {int(((~keep) & (y == 1)).sum())} true)"
        )
    print("events scorer, unfiltered -> filtered at 0.5 (P, R):")
    dev = ROOT.parent / "shared" / "eval" / "events-dev"
    for name, gold, features in [
        *tests,
        ("events-dev", dev / "gold.json", _reports(dev / "texts")),
    ]:
        pairs = list(_article_rows(features))
        probabilities = chance([row for _, row in pairs])
        kept = [f for (f, _), q in zip(pairs, probabilities, strict=True) if q >= 0.5]
        before, after = _triple_scores(gold, features), _triple_scores(gold, kept)
        print(
            f"  {name}: P {before['precision']:.3f} -> {after['precision']:.3f}, "
            f"R {before['recall']:.3f} -> {after['recall']:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
