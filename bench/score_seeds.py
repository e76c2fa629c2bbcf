"""Score extraction against the hand-written seed gold: precision, recall and F1.

    python bench/score_seeds.py [--show]

A predicted event matches a gold event when source, event type and place agree and the
gold quote is part of the predicted sentence. Predictions matching an `optional` gold
entry count neither way. Figures (crowd, killed, injured, arrested) are checked on the
matched pairs and reported separately.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from geomap.extract import extract_events  # noqa: E402
from geomap.model import Article, Event  # noqa: E402
from geomap.sources import iter_articles  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "seed_events.json"
FIGURES = ("crowd_low", "crowd_high", "killed", "injured", "arrested")


def _matches(gold: dict, event: Event, ids: dict[str, int]) -> bool:
    return (
        Path(event.source).name == gold["source"]
        and event.event_type.value == gold["event_type"]
        and event.place.geonameid == ids[gold["place"]]
        and gold["quote"] in event.quote
    )


def score(events: list[Event], gold: dict) -> dict[str, float]:
    ids = gold["places"]
    used: set[int] = set()
    tp = 0
    figure_ok = figure_n = 0
    for g in gold["events"]:
        hit = next((i for i, e in enumerate(events) if i not in used and _matches(g, e, ids)), None)
        if hit is None:
            continue
        used.add(hit)
        tp += 1
        for name in FIGURES:
            if name in g:
                figure_n += 1
                figure_ok += getattr(events[hit], name) == g[name]
    rest = [i for i in range(len(events)) if i not in used]
    ignored = {i for i in rest if any(_matches(o, events[i], ids) for o in gold["optional"])}
    fp = len(rest) - len(ignored)
    fn = len(gold["events"]) - tp
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "ignored": len(ignored),
        "precision": p,
        "recall": r,
        "f1": f,
        "figures_correct": figure_ok,
        "figures_checked": figure_n,
        "false_positives": [events[i] for i in rest if i not in ignored],
    }  # type: ignore[dict-item]


def main() -> int:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    gaz = Gazetteer.default()
    events: list[Event] = []
    for item in iter_articles([str(ROOT / "seeds")]):
        if isinstance(item, Article):
            events.extend(extract_events(item, gaz))
    result = score(events, gold)
    print(f"seed events: predicted {len(events)}, gold {len(gold['events'])}")
    print("tp={tp} fp={fp} fn={fn} ignored(optional)={ignored}".format(**result))
    print("precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}".format(**result))
    print("figures on matched events: {figures_correct}/{figures_checked} correct".format(**result))
    if "--show" in sys.argv:
        for e in result["false_positives"]:  # type: ignore[union-attr]
            print(
                f"  FP {Path(e.source).name[:3]} {e.event_type.value:10} {e.place.name:12}"
                f" {e.quote[:80]!r}"
            )
        ids = gold["places"]
        for g in gold["events"]:
            if not any(_matches(g, e, ids) for e in events):
                print(
                    f"  FN {g['source'][:3]} {g['event_type']:10} {g['place']:12}"
                    f" {g['quote'][:80]!r}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
