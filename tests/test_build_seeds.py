"""End to end: `geomap build` on the seed articles, checked as a file and in Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from test_render_browser import _marker, _open  # the browser harness, shared
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
    # From reading the seeds: seizures and clashes at both towns, crowds at Jalal-Abad.
    for kind, place in [
        ("seizure", "Jalal-Abad"),
        ("clash", "Jalal-Abad"),
        ("crowd", "Jalal-Abad"),
        ("seizure", "Osh"),
        ("clash", "Osh"),
        ("arrest", "Osh"),
    ]:
        assert _marker(page, kind, place).count() == 1, (kind, place)
    _marker(page, "seizure", "Jalal-Abad").click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "stormed the regional governor’s offices" in text
    assert "seeds/000_862050ed1c4916d1.txt" in text
    assert "written ‘Jala-abad’" in text
    assert page.locator(".geomap-legend").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "seeds_build.png"))
    assert watch.external_requests == []
    assert watch.console_errors == []
    assert watch.dialogs == []
