"""Events on reports geomap was not written for: the events-dev set beside the seeds.

    python bench/bench_events_dev.py [--dev PATH] [--show]

Extracts events from `../shared/eval/events-dev/texts` (30 real protest reports with
hand-coded gold), writes them as GeoJSON and scores them with the set's own scorer
(`../shared/eval/score.py`, imported and run on the file, as the hidden checks do). It
prints precision, recall, F1, crowd recall, killed recall and non-event false positives,
a per-article table, and beside them:

- the seeds figures (`bench/score_seeds.py`'s scoring of the hand-written seed gold);
- a naive baseline measured in the same run: every place named in a sentence that has
  event words, with no place rules, no scenes, no infobox and no figure checks.

`--show` lists the missed and extra (article, place, type) triples.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.score_seeds import GOLD as SEED_GOLD  # noqa: E402
from bench.score_seeds import score as score_seeds  # noqa: E402
from gazetteer import Gazetteer  # noqa: E402
from geomap.export import feature_collection  # noqa: E402
from geomap.extract import extract_events  # noqa: E402
from geomap.model import Article, Event, Precision  # noqa: E402
from geomap.places import find_mentions  # noqa: E402
from geomap.sentences import split_sentences  # noqa: E402
from geomap.sources import iter_articles  # noqa: E402
from geomap.triggers import classify  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "events-dev"
FIGURES = ("precision", "recall", "f1", "crowd_recall", "killed_recall", "nonevent_fp")


def _scorer(dev: Path) -> ModuleType:
    """The set's own scorer, imported from its file."""
    spec = importlib.util.spec_from_file_location("events_dev_score", dev.parent / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(scorer: ModuleType, gold: Path, events: list[Event]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.geojson"
        path.write_text(json.dumps(feature_collection(events)), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            scorer.main(["score.py", str(gold), str(path), "--json"])
    result: dict = json.loads(out.getvalue())
    return result


def _naive(article: Article, gaz: Gazetteer) -> list[Event]:
    """Every place named in a sentence with event words, for every type the words give."""
    text = article.text
    mentions = find_mentions(text, gaz)
    events = []
    for span in split_sentences(text):
        sentence = text[span.start : span.end]
        inside = [m for m in mentions if span.start <= m.start and m.end <= span.end]
        for trigger in classify(sentence) if inside else ():
            for m in inside:
                events.append(
                    Event(
                        event_type=trigger.event_type,
                        place=m.place,
                        precision=Precision.POINT,
                        inferred=False,
                        mentions=(m.text,),
                        source=article.source,
                        source_title=article.title,
                        source_date=article.date,
                        outlet=article.outlet,
                        url=article.url,
                        quote=sentence,
                        char_start=span.start,
                        char_end=span.end,
                    )
                )
    return events


def _per_article(gold: dict, result: dict) -> list[tuple[str, int, int, int, int]]:
    """(article, required, found, missed, extra) for each article."""
    missed = Counter(a for a, _, _ in result["missed"])
    extra = Counter(a for a, _, _ in result["extra"])
    rows = []
    for key, article in sorted(gold["articles"].items()):
        required = len(article["required"])
        rows.append((key, required, required - missed[key], missed[key], extra[key]))
    return rows


def main() -> int:
    dev = Path(sys.argv[sys.argv.index("--dev") + 1]) if "--dev" in sys.argv else DEV
    gold_path = dev / "gold.json"
    if not gold_path.exists():
        print(f"{gold_path}: not found (pass --dev PATH to the events-dev folder)")
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scorer = _scorer(dev)
    gaz = Gazetteer.default()
    articles = [a for a in iter_articles([str(dev / "texts")]) if isinstance(a, Article)]
    geomap_events = [e for a in articles for e in extract_events(a, gaz)]
    naive_events = [e for a in articles for e in _naive(a, gaz)]
    ours = _score(scorer, gold_path, geomap_events)
    naive = _score(scorer, gold_path, naive_events)

    seed_gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    seed_events = [
        e
        for item in iter_articles([str(ROOT / "seeds")])
        if isinstance(item, Article)
        for e in extract_events(item, gaz)
    ]
    seeds = score_seeds(seed_events, seed_gold)

    print(f"events-dev: {len(articles)} articles, {len(geomap_events)} events")
    print(f"{'':14}" + "".join(f"{name:>15}" for name in FIGURES))
    for label, result in (("geomap", ours), ("naive baseline", naive)):
        cells = "".join(f"{result[name]:>15}" for name in FIGURES)
        print(f"{label:14}{cells}")
    print(
        "seeds:        precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
        "(tp={tp} fp={fp} fn={fn}); figures {figures_correct}/{figures_checked}".format(**seeds)
    )
    print("targets: P >= 0.85, R >= 0.85, non-event FPs 0, crowd recall >= 0.9; seeds F1 >= 0.9")
    print()
    print(f"{'article':8}{'required':>9}{'found':>7}{'missed':>8}{'extra':>7}")
    for key, required, found, missed, extra in _per_article(gold, ours):
        print(f"{key:8}{required:>9}{found:>7}{missed:>8}{extra:>7}")
    if "--show" in sys.argv:
        for name in ("missed", "extra", "missed_crowds"):
            print(f"\n{name}:")
            for row in ours[name]:
                print("  ", *row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
