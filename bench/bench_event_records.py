"""Event records against hand-coded gold: do grouped records match real events?

Reads ../shared/eval/events-dev (30 real reports with one gold record per real event) and
scores geomap's event records with the shared scorer (score_events.py), beside a baseline
measured in the same run: the sentence-level reports, each taken as its own record (what
geomap drew before grouping). Also prints, per article, the records against the gold
events, the share of matched gold events whose crowd range and death toll a record
carries, and the corroboration on the seeds (three outlets on the same days).

    python bench/bench_event_records.py
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from gazetteer import Gazetteer
from geomap.export import feature_collection
from geomap.model import Event
from geomap.pipeline import Batch, run
from geomap.record_export import record_feature_collection
from geomap.records import group_reports

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DEV = EVAL / "events-dev"


def _scorer() -> Any:
    sys.path.insert(0, str(EVAL))
    import score_events  # type: ignore[import-not-found]

    return score_events


def _score(collection: dict[str, Any]) -> dict[str, Any]:
    scorer = _scorer()
    with tempfile.NamedTemporaryFile("w", suffix=".geojson", delete=False) as handle:
        json.dump(collection, handle)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        scorer.main(["score_events.py", str(DEV / "gold.json"), handle.name, "--json"])
    Path(handle.name).unlink()
    return json.loads(out.getvalue())


def _reports(folder: Path, gaz: Gazetteer) -> list[Event]:
    return list(run([str(folder)], gaz, Batch()))


def _article_key(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1][:2]


def _figures_right(collection: dict[str, Any], gold: dict[str, Any]) -> tuple[int, int, int]:
    """(matched gold events whose crowd range and toll a matching record carries, matched
    gold events with such figures, gold events with figures that no record matched).

    A record matches a gold event as the shared scorer matches them: it cites the
    article, lies within 25 km, has a compatible type and, when both are dated, the day.
    """
    scorer = _scorer()
    right = matched = unmatched = 0
    for key, article in gold["articles"].items():
        for event in article.get("events", []):
            wanted = _wanted_figures(event)
            if not wanted or event["place"] not in gold["places"]:
                continue
            candidates = [
                f["properties"]
                for f in collection["features"]
                if _matches(scorer, f, key, event, gold)
            ]
            if not candidates:
                unmatched += 1
                continue
            matched += 1
            right += any(wanted <= _carried_figures(props) for props in candidates)
    return right, matched, unmatched


def _matches(
    scorer: Any, feature: dict[str, Any], key: str, event: dict[str, Any], gold: dict[str, Any]
) -> bool:
    props = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"]
    place = gold["places"][event["place"]]
    if key not in scorer.articles_of(props, gold["articles"]):
        return False
    if scorer.km((lat, lon), (place["lat"], place["lon"])) > 25:
        return False
    if not scorer.compatible(event["type"], props):
        return False
    day = props.get("event_date") or props.get("date")
    return not (event.get("date") and day and str(day)[:10] != event["date"])


def _wanted_figures(event: dict[str, Any]) -> set[tuple[str, object]]:
    wanted: set[tuple[str, object]] = set()
    if event.get("crowd_low") is not None:
        wanted.add(("crowd", (event["crowd_low"], event.get("crowd_high"))))
    if event.get("killed") is not None:
        wanted.add(("killed", event["killed"]))
    return wanted


def _carried_figures(props: dict[str, Any]) -> set[tuple[str, object]]:
    carried: set[tuple[str, object]] = set()
    for claim in props.get("size_claims", []):
        carried.add(("crowd", (claim["low"], claim["high"])))
        carried.add(("crowd", (claim["low"], None)))  # an open gold figure matches its low
    for name in ("fatalities", "fatalities_high"):
        if props.get(name) is not None:
            carried.add(("killed", props[name]))
    return carried


def _per_article(collection: dict[str, Any], gold: dict[str, Any]) -> str:
    counts = Counter(
        _article_key(s) for f in collection["features"] for s in f["properties"]["sources"]
    )
    cells = [
        f"{key}:{counts.get(key, 0)}/{len(article.get('events', []))}"
        for key, article in sorted(gold["articles"].items())
    ]
    return " ".join(cells)


def _baseline_as_records(reports: list[Event]) -> dict[str, Any]:
    # Each sentence-level report as its own record: its figures renamed to the record's.
    collection = feature_collection(reports)
    for feature in collection["features"]:
        p = feature["properties"]
        p["event_date"] = p["date"]
        p["sources"] = [p["source"]]
        p["size_low"] = p["crowd_low"]
        claim = {"low": p["crowd_low"], "high": p["crowd_high"]}
        p["size_claims"] = [claim] if p["crowd_low"] is not None else []
        p["fatalities"] = p["killed"]
    return collection


def main() -> None:
    gaz = Gazetteer.default()
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    reports = _reports(DEV / "texts", gaz)
    records = group_reports(reports)
    grouped = record_feature_collection(records)
    baseline = _baseline_as_records(reports)
    print("events-dev (30 real reports): event records against gold events")
    header = f"{'':24} {'P':>6} {'R':>6} {'F1':>6} {'count/gold':>11} {'figures right':>14}"
    print(header, "  (of matched gold events)")
    for name, collection in (("reports as records", baseline), ("event records", grouped)):
        score = _score(collection)
        right, matched, unmatched = _figures_right(collection, gold)
        print(
            f"{name:24} {score['precision']:6.3f} {score['recall']:6.3f} {score['f1']:6.3f} "
            f"{score['count_ratio']:11.2f} {right:>8}/{matched} ({right / matched:.0%})"
            f"   {unmatched} unmatched"
        )
    print("records/gold events per article:", _per_article(grouped, gold))
    seeds = group_reports(_reports(ROOT / "seeds", gaz))
    seed_reports = sum(len(r.reports) for r in seeds)
    corroborated = sum(1 for r in seeds if r.n_sources >= 2)
    print(
        f"seeds: {seed_reports} reports -> {len(seeds)} event records; "
        f"{corroborated} confirmed by 2 or more sources"
    )


if __name__ == "__main__":
    main()
