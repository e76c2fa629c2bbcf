"""The learned report filter (geomap.report_filter) and `--filter-reports`.

The article below is our own: a wage march in Phnom Penh, with an aside that compares
Cambodia's factories with Bangladesh's, where a factory collapse near Dhaka killed many.
Read as a journalist reads it, every event is in Phnom Penh; the deaths near Dhaka are no
event of this story.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gazetteer import Gazetteer
from geomap.cli import app
from geomap.extract import extract_events
from geomap.model import Article, Precision
from geomap.report_filter import (
    FEATURES,
    ArticleReports,
    ReportFilter,
    default_filter,
    words,
)

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

WAGE_MARCH = """\
PHNOM PENH, May 3 (Reuters) - Thousands of garment workers marched through Phnom Penh on \
Monday to demand a higher minimum wage.

Police fired tear gas at the marchers near the Council of Ministers, and 12 workers were \
arrested, a union leader said. The workers blocked a main road in the capital for three \
hours, and unions said more than 20,000 people took part.

Labour groups have long compared wages in Cambodia's factories with those in Bangladesh, \
where the collapse of a garment factory near Dhaka killed more than 1,100 people.

The government said it would review the minimum wage in September.
"""


def _pairs(features: list[dict]) -> set[tuple[str, str]]:
    return {(f["properties"]["event_type"], f["properties"]["place"]) for f in features}


def _extract(path: Path, *options: str) -> list[dict]:
    result = runner.invoke(app, ["extract", str(path), *options])
    assert result.exit_code == 0, result.stderr
    features: list[dict] = json.loads(result.stdout)["features"]
    return features


@pytest.fixture()
def wage_march(tmp_path: Path) -> Path:
    path = tmp_path / "wage-march.txt"
    path.write_text(WAGE_MARCH, encoding="utf-8")
    return path


def test_the_filter_drops_the_aside_and_keeps_the_story(wage_march: Path) -> None:
    filtered = _pairs(_extract(wage_march, "--filter-reports"))
    story = {
        ("protest", "Phnom Penh"),
        ("clash", "Phnom Penh"),
        ("arrest", "Phnom Penh"),
        ("crowd", "Phnom Penh"),
    }
    assert story <= filtered
    assert not any(place == "Dhaka" for _, place in filtered)


def test_without_the_option_every_report_stays(wage_march: Path) -> None:
    every = _extract(wage_march)
    filtered = _extract(wage_march, "--filter-reports")
    ids = [f["properties"]["report_id"] for f in every]
    kept = [f["properties"]["report_id"] for f in filtered]
    # The filter only removes: what it keeps is the unfiltered output, in the same order.
    assert [i for i in ids if i in set(kept)] == kept
    assert len(kept) < len(ids)


def _wage_march_reports(gaz: Gazetteer) -> tuple[ArticleReports, list]:
    reports = extract_events(Article("wage-march.txt", WAGE_MARCH), gaz)
    return ArticleReports.of(WAGE_MARCH, reports), reports


def test_the_chance_is_the_logistic_of_the_weighted_features(gaz: Gazetteer) -> None:
    article, reports = _wage_march_reports(gaz)
    first = reports[0]
    model = ReportFilter({"confidence": 2.0, "share": -1.0}, intercept=0.5, threshold=0.5)
    share = article.places[first.place.place_id] / len(reports)
    z = 0.5 + 2.0 * first.confidence - 1.0 * share
    assert model.chance(first, article) == pytest.approx(1 / (1 + math.exp(-z)))


def test_a_reports_words_are_its_sentences_and_those_around_its_place(gaz: Gazetteer) -> None:
    _, reports = _wage_march_reports(gaz)
    tear_gas = next(r for r in reports if r.quote.startswith("Police fired tear gas"))
    found = words(tear_gas)
    # the sentence names no place: the report is the scene's, inferred
    assert "noplace" in found
    assert {"s:fired", "s:tear", "s:gas", "s:arrested"} <= found
    # names are not words: "Police" opens the sentence, "Council of Ministers" is a name
    assert not {"s:police", "s:council", "s:ministers"} & found
    assert not any(word.startswith(("b:", "a:")) for word in found)
    march = next(r for r in reports if "Thousands of garment workers" in r.quote)
    # "... of garment workers marched through Phnom Penh on Monday to demand a ...": the
    # four lower-case words before the place and the three after
    near = {w for w in words(march) if w.startswith(("b:", "a:"))}
    assert near == {"b:garment", "b:workers", "b:marched", "b:through", "a:on", "a:to", "a:demand"}
    assert "noplace" not in words(march)


def test_each_word_of_a_report_adds_its_weight(gaz: Gazetteer) -> None:
    article, reports = _wage_march_reports(gaz)
    first = reports[0]
    plain = ReportFilter({}, intercept=0.5, threshold=0.5)
    worded = ReportFilter(
        {}, intercept=0.5, threshold=0.5, word_weights={"s:marched": -3.0, "s:peace": 9.0}
    )
    assert "s:marched" in words(first) and "s:peace" not in words(first)
    assert worded.chance(first, article) == pytest.approx(1 / (1 + math.exp(-(0.5 - 3.0))))
    assert plain.chance(first, article) == pytest.approx(1 / (1 + math.exp(-0.5)))


def test_region_and_country_reports_are_never_judged(gaz: Gazetteer) -> None:
    # A filter that rejects everything it judges still keeps the country's report: the
    # hand-coded sets neither ask for such figures nor forbid them.
    _, reports = _wage_march_reports(gaz)
    coarse = [r for r in reports if r.precision is not Precision.POINT]
    assert coarse, "the aside gives a country-level toll"
    reject_all = ReportFilter({}, intercept=-50.0, threshold=0.5)
    assert reject_all.kept(WAGE_MARCH, reports) == coarse


def test_unknown_features_in_a_weights_file_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown features peace"):
        ReportFilter.from_json({"weights": {"peace": 1.0}, "intercept": 0, "threshold": 0.5})


def test_the_committed_weights_are_what_training_gives(gaz: Gazetteer) -> None:
    # The weights are derived data: whenever extraction changes the reports of the
    # hand-coded sets, `python scripts/train_report_filter.py` must be run again.
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from train_report_filter import fresh_sets, train
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    trained = train(fresh_sets(), gaz)
    committed = default_filter()
    assert set(trained["weights"]) == set(FEATURES) == set(committed.weights)
    for name, weight in trained["weights"].items():
        assert weight == pytest.approx(committed.weights[name], abs=1e-4), name
    assert trained["intercept"] == pytest.approx(committed.intercept, abs=1e-4)
    assert set(trained["words"]) == set(committed.word_weights)
    for word, weight in trained["words"].items():
        assert weight == pytest.approx(committed.word_weights[word], abs=1e-4), word
    assert committed.threshold == 0.5


def test_every_town_report_carries_its_chance_and_the_aside_is_doubted(
    wage_march: Path,
) -> None:
    # Without the option nothing is dropped, but each town report says how likely the
    # filter finds it: the march's own reports are likely, the deaths near Dhaka are not.
    chances: dict[tuple[str, str], list[float | None]] = {}
    for feature in _extract(wage_march):
        p = feature["properties"]
        chances.setdefault((p["event_type"], p["place"]), []).append(p["event_chance"])
    assert all(c is not None and c >= 0.5 for c in chances[("protest", "Phnom Penh")])
    assert all(c is not None and c >= 0.5 for c in chances[("arrest", "Phnom Penh")])
    assert all(c is not None and c < 0.5 for c in chances[("casualties", "Dhaka")])
    # The country's report is not judged, so it has no chance to show.
    assert chances[("casualties", "Cambodia")] == [None]


def test_the_exported_chance_is_the_filters_to_three_decimals(gaz: Gazetteer) -> None:
    article, reports = _wage_march_reports(gaz)
    committed = default_filter()
    for report in reports:
        if report.precision is Precision.POINT:
            assert report.event_chance == round(committed.chance(report, article), 3)
            assert committed.doubts(report.event_chance) == (report.event_chance < 0.5)
        else:
            assert report.event_chance is None
            assert not committed.doubts(report.event_chance)


def test_a_report_an_editor_moved_or_retyped_loses_its_chance(
    wage_march: Path, tmp_path: Path
) -> None:
    # The chance was the model's view of the old place and type, not of the editor's.
    reports = {f["properties"]["place"]: f["properties"] for f in _extract(wage_march)}
    dhaka = reports["Dhaka"]["report_id"]
    corrections = tmp_path / "corrections.json"
    entry = {"action": "retype", "event": dhaka, "event_type": "protest", "editor": "ana"}
    document = {"geomap_corrections": 1, "corrections": [{**entry, "reason": "a march"}]}
    corrections.write_text(json.dumps(document), "utf-8")
    events = tmp_path / "events.geojson"
    result = runner.invoke(
        app, ["extract", str(wage_march), "--corrections", str(corrections), "-o", str(events)]
    )
    assert result.exit_code == 0, result.output
    features = json.loads(events.read_text("utf-8"))["features"]
    retyped = [f["properties"] for f in features if f["properties"]["report_id"] == dhaka]
    assert [(p["event_type"], p["event_chance"], p["reviewed"]) for p in retyped] == [
        ("protest", None, True)
    ]
