"""End to end: `geomap build` on the seed articles, checked as a file and in Chromium."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from test_render_browser import (  # the browser harness, shared
    _GEOMETRY,
    VIEWPORTS,
    _inside,
    _marker,
    _open,
    _open_marker,
    _overlap,
    _settle,
)
from test_render_page import _golden_form  # hashes inlined third-party code
from typer.testing import CliRunner

from geomap.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "seeds_build.html"
SCREENSHOTS = ROOT / "output" / "screenshots"


def _build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> Path:
    # Relative paths, as a user types them: sources are cited "seeds/000_....txt".
    monkeypatch.chdir(ROOT)
    out = tmp_path / "map.html"
    result = CliRunner().invoke(app, ["build", "seeds", "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


def test_seed_map_matches_the_golden_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    page = _golden_form(_build(tmp_path, monkeypatch, "--self-contained").read_text("utf-8"))
    if request.config.getoption("--update-golden") or os.environ.get("GEOMAP_UPDATE_GOLDEN"):
        GOLDEN.write_text(page, encoding="utf-8")
    assert page == GOLDEN.read_text(encoding="utf-8")


def test_build_draws_event_records_and_says_how_many_of_how_many_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "map.html"
    result = CliRunner().invoke(app, ["build", "seeds", "-o", str(out)])
    assert result.exit_code == 0, result.output
    line = r"wrote (\S+): (\d+) event\(s\) from (\d+) report\(s\) in 3 article\(s\)"
    match = re.search(line, result.output)
    assert match is not None, result.output
    events, reports = int(match.group(2)), int(match.group(3))
    # Three articles tell of the same days in Osh and Jalal-Abad, most events in several
    # sentences: far fewer events than reports.
    assert 0 < events < reports / 2
    (blob,) = re.findall(r'id="[^"]+_data">(.*?)</script>', out.read_text("utf-8"))
    data = json.loads(blob)
    assert data["level"] == "events" and len(data["events"]) == events
    assert len(data["reports"]) == reports


def test_render_accepts_the_records_extract_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geomap.cli_shared import open_gazetteer
    from geomap.pipeline import Batch, run
    from geomap.record_export import record_feature_collection
    from geomap.records import group_reports

    monkeypatch.chdir(ROOT)
    reports = run(["seeds"], open_gazetteer(None), Batch())
    records = record_feature_collection(group_reports(reports))
    events = tmp_path / "events.geojson"
    events.write_text(json.dumps(records), encoding="utf-8")
    out = tmp_path / "map.html"
    result = CliRunner().invoke(app, ["render", str(events), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: {len(records['features'])} event(s)\n" in result.output
    built = _build(tmp_path / "built", monkeypatch)
    # The same records as `geomap build` draws, so the same page.
    assert out.read_bytes() == built.read_bytes()


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _build(tmp_path / "a", monkeypatch).read_bytes()
    second = _build(tmp_path / "b", monkeypatch).read_bytes()
    assert first == second


@pytest.fixture(scope="module")
def browser() -> Browser:
    from playwright.sync_api import sync_playwright
    from test_render_browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium  # type: ignore[misc]
        chromium.close()


@pytest.mark.browser
def test_seed_map_works_offline_in_chromium(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, watch = _open(browser, _build(tmp_path, monkeypatch, "--self-contained"))
    assert page.evaluate("typeof window.L") == "object"
    # From reading the seeds: seizures and clashes at both towns, a protest of thousands at
    # Jalal-Abad (its crowd is the protest's, not a marker of its own), arrests at Osh.
    for kind, place in [
        ("seizure", "Jalal-Abad"),
        ("clash", "Jalal-Abad"),
        ("protest", "Jalal-Abad"),
        ("seizure", "Osh"),
        ("clash", "Osh"),
        ("arrest", "Osh"),
    ]:
        assert _marker(page, kind, place).count() == 1, (kind, place)
    assert _marker(page, "crowd", "Jalal-Abad").count() == 0
    # The protest's crowd is drawn from its size range.
    assert page.locator("path.geomap-crowd-low").count() > 0
    assert page.locator(".geomap-legend").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "seeds_build.png"))
    assert watch.external_requests == []
    assert watch.console_errors == []
    assert watch.dialogs == []


def _popup_clear_of_controls(page: Page) -> None:
    geometry = page.evaluate(_GEOMETRY)
    (popup,) = geometry["popups"]
    assert _inside(popup, geometry["map"])
    for control in geometry["controls"]:
        assert not _overlap(popup, control), control["name"]


@pytest.mark.browser
@pytest.mark.parametrize("size", sorted(VIEWPORTS))
def test_a_seizure_two_outlets_report_opens_as_one_event_with_both_reports(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: str
) -> None:
    # Seed 000 tells how protesters "stormed the regional governor's offices" in Jala-abad;
    # the BBC (seed 002) of "the opposition's effective seizure of parts of the nearby town
    # of Jalal-Abad on Sunday", 20 March. One event, two sources.
    path = _build(tmp_path, monkeypatch, "--self-contained")
    page, watch = _open(browser, path, viewport=VIEWPORTS[size])
    _settle(page)
    if page.locator(".geomap-cluster").count():
        # On a phone the two towns start as one cluster: a tap fits them into view.
        page.locator(".geomap-cluster").first.dispatch_event("click")
        _settle(page)
    _open_marker(_marker(page, "seizure", "Jalal-Abad"))
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    _settle(page)
    text = popup.inner_text()
    assert "Seizure · Jalal-Abad" in text
    assert "Date: 2005-03-20" in text
    assert "Violent demonstration" in text
    assert "confirmed by 2 sources" in text
    assert "stormed the regional governor’s offices" in text
    assert "effective seizure of parts of the nearby town of Jalal-Abad on Sunday" in text
    # Each report names its outlet; the one without says which file it came from.
    assert "BBC News" in text
    assert "seeds/000_862050ed1c4916d1.txt" in text
    _popup_clear_of_controls(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"seeds_event_popup_{size}.png"))
    assert watch.console_errors == []
    page.close()


@pytest.mark.browser
def test_a_long_report_list_opens_short_and_shows_all_on_request(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clash at Jalal-Abad is told in every seed article, in many sentences.
    page, watch = _open(browser, _build(tmp_path, monkeypatch, "--self-contained"))
    _open_marker(_marker(page, "clash", "Jalal-Abad"))
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    # The record told in many sentences opens short, with a button for the rest.
    section = popup.locator(".geomap-event", has=page.locator(".geomap-show-all")).first
    summary = section.locator(".geomap-confirmed").inner_text()
    total = int(summary.split(" report", 1)[0])
    reports = section.locator(".geomap-report")
    button = section.locator(".geomap-show-all")
    # One sentence giving two reports of the record (a clash and its toll) is quoted once,
    # so the list holds the distinct quoted sentences, and says so when that is fewer.
    words = button.inner_text().split(" ")
    shown = int(words[2])
    assert 0 < reports.count() < shown <= total
    assert " ".join(words[3:]) == ("reports" if shown == total else "quoted sentences")
    _settle(page)
    button.click()
    assert reports.count() == shown
    quotes = [q.inner_text() for q in section.locator(".geomap-quote").all()]
    sources = [line.inner_text() for line in section.locator(".geomap-source").all()]
    assert len(set(zip(quotes, sources, strict=True))) == shown
    assert button.is_hidden()
    assert page.locator(".leaflet-popup").count() == 1
    _settle(page)
    _popup_clear_of_controls(page)
    # Taller now, it scrolls inside the free area rather than running off the map.
    page.screenshot(path=str(SCREENSHOTS / "seeds_long_popup.png"))
    assert watch.console_errors == []
    page.close()


# Our own wire lead: one sentence that tells a clash and its toll, which the records join.
_ONE_SENTENCE_TWO_REPORTS = (
    "Police fired tear gas and rubber bullets at thousands of residents who marched in "
    "Sebokeng on Monday, killing six people, a police spokesman said in Pretoria.\n"
)


@pytest.mark.browser
def test_a_sentence_that_gives_two_reports_is_quoted_once(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("report.txt").write_text(_ONE_SENTENCE_TWO_REPORTS, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", "report.txt", "-o", "map.html", "--self-contained"])
    assert result.exit_code == 0, result.output
    page, watch = _open(browser, tmp_path / "map.html")
    _open_marker(_marker(page, "clash", "Sebokeng"))
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "2 reports from 1 source" in popup.inner_text()
    assert popup.locator(".geomap-quote", has_text="killing six people").count() == 1
    assert watch.console_errors == []
    page.close()
