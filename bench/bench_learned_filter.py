"""Would a learned filter over geomap's own reports raise precision on unseen news?

An experiment for issue 10, not part of the product. geomap extracts reports from the
held-out sets (bench/fresh*); each report is labelled from the set's hand-coded gold (true
when its place, within 25 km, and type are a required triple; false when neither required
nor optional; optional and coarse unmatched reports are left out). A logistic regression
over a dozen features of the report and its article (inferred or not, the place's
precision, the share of the article's reports at that place, whether the place is in the
first line, ...) is trained on the older sets and scored on the newest round, which no
rule was written for. The baseline is the same reports unfiltered, in the same run.

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


def _reports(texts: Path) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "reports.geojson"
        command = [sys.executable, "-m", "geomap.cli", "extract", str(texts)]
        command += ["--level", "reports", "-o", str(out)]
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        features: list[dict[str, object]] = json.loads(out.read_text())["features"]
    return features


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


def _rows(set_dir: Path) -> Iterator[dict[str, float]]:
    """One row per report that the gold can judge: its features and its label `y`."""
    gold = json.loads((set_dir / "gold.json").read_text())
    by_source: dict[str, list[dict]] = {}
    for feature in _reports(set_dir / "texts"):
        by_source.setdefault(str(feature["properties"]["source"]), []).append(feature)
    for source, features in by_source.items():
        name = Path(source).name
        article = next((a for a in gold["articles"] if name.startswith(a)), None)
        if article is None:
            continue
        text = Path(source).read_text(encoding="utf-8")
        first_line = text.strip().split("\n")[0]
        countries = Counter(f["properties"]["country_code"] for f in features)
        places = Counter(f["properties"]["place"] for f in features)
        for feature in features:
            row = _features(feature, text, first_line, countries, places, len(features))
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
    test: list[dict[str, float]] = []
    for number, path in _fresh_sets():
        (test if number >= args.test_from else train).extend(_rows(path))
    names = [k for k in train[0] if k != "y"]

    def matrix(rows: list[dict[str, float]]) -> tuple[np.ndarray, np.ndarray]:
        return np.array([[r[k] for k in names] for r in rows]), np.array([r["y"] for r in rows])

    model = LogisticRegression(C=1.0, max_iter=3000).fit(*matrix(train))
    x, y = matrix(test)
    chance = model.predict_proba(x)[:, 1]
    print(f"trained on {len(train)} reports of the sets before fresh{args.test_from}")
    print(f"test: {len(y)} reports, {int(y.sum())} true, {int(len(y) - y.sum())} false")
    print(f"baseline (no filter): report precision {y.mean():.4f}")
    for threshold in _THRESHOLDS:
        keep = chance >= threshold
        dropped_false = int(((~keep) & (y == 0)).sum())
        dropped_true = int(((~keep) & (y == 1)).sum())
        print(
            f"filter at {threshold}: precision {y[keep].mean():.4f} "
            f"(drops {dropped_false} false and {dropped_true} true reports)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
