"""The editor's loop in a real Chromium: review page -> corrections file -> rebuilt map.

An editor opens `geomap build --review`, drops one report, moves another, adds a missed
event, downloads the corrections file and rebuilds with it; the new map shows exactly those
changes, and a rebuild with one more article keeps them.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from test_render_browser import CHROMIUM_ARGS, Watch, _marker, _open, _open_marker, _settle
from typer.testing import CliRunner

from geomap.cli import app

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
# A short report of our own, for the rebuild with one more article.
TOKMOK = (
    "TOKMOK, Kyrgyzstan, 23 March 2005 - About 500 protesters occupied the town "
    "administration building in Tokmok on Wednesday, witnesses said.\n"
)
# Text an editor might type that looks like markup: it must stay text everywhere.
NOTE = 'Confirmed by <b>phone</b> <img src=x onerror="alert(1)">'
ADDED_QUOTE = "Several hundred people rallied outside the regional administration in Naryn."


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _features(path: Path) -> dict[str, dict[str, Any]]:
    features = json.loads(path.read_text("utf-8"))["features"]
    return {f["properties"]["report_id"]: f["properties"] for f in features}


def _report_tools(page: Page, kind: str, place: str, words: str) -> Any:
    """Open the marker's popup and return the review tools of the report quoting `words`."""
    _open_marker(_marker(page, kind, place))
    page.wait_for_selector(".leaflet-popup .geomap-review-tools")
    # A popup may pan the map to fit; on a busy machine a click during the pan lands where
    # the button was (CI lost a drop this way), so wait for the map to hold still first.
    _settle(page)
    item = page.locator(".leaflet-popup .geomap-report", has_text=words)
    assert item.count() == 1
    return item.locator(".geomap-review-tools")


def _submit(tools: Any, action: str, **fields: str) -> str:
    tools.locator(f".geomap-review-{action}").click()
    form = tools.locator(f".geomap-review-form[data-action='{action}']")
    form.wait_for()
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator(".geomap-review-submit").click()
    assert form.count() == 0  # accepted
    return str(tools.get_attribute("data-report-id"))


def _close_popup(page: Page) -> None:
    _settle(page)
    page.locator(".leaflet-popup-close-button").click()
    page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 0")


def _edit_in_review_page(browser: Browser, review: Path, download_to: Path) -> tuple[str, str]:
    page, watch = _open(browser, review)
    page.fill(".geomap-review-panel input[name=editor]", "Ana")

    # Seed 003 quotes an official calling the rallies' organisers liars: a statement, not a
    # protest in Osh; seed 001's eviction "in southern Kyrgyzstan" was reported from
    # Jalal-Abad.
    tools = _report_tools(page, "protest", "Osh", "lying rumours")
    dropped = _submit(tools, "drop", reason="a statement, not an event")
    assert "Drop — a statement, not an event" in tools.inner_text()
    _close_popup(page)
    tools = _report_tools(page, "clash", "Kyrgyzstan", "forcibly evicted demonstrators")
    moved = _submit(
        tools, "move", place="Jalal-Abad", country="KG", reason="reported from Jalal-Abad"
    )
    _close_popup(page)

    page.locator(".geomap-review-add-open").click()
    form = page.locator(".geomap-review-add")
    form.locator("[name=event_type]").select_option("protest")
    form.locator("[name=place]").fill("Naryn")
    form.locator("[name=country]").fill("KG")
    form.locator("[name=date]").fill("2005-03-22")
    form.locator("[name=source]").fill("https://example.org/naryn-rally")
    form.locator("[name=quote]").fill(ADDED_QUOTE)
    form.locator("[name=note]").fill(NOTE)
    form.locator("[name=reason]").fill("missed by the extractor")
    form.locator(".geomap-review-submit").click()
    assert page.locator(".geomap-review-count").inner_text().startswith("3 changes")

    # Kept in the browser: a reload still has all three.
    page.reload()
    page.wait_for_selector("[data-geomap-ready='1']")
    assert page.locator(".geomap-review-count").inner_text().startswith("3 changes")

    with page.expect_download() as caught:
        page.locator(".geomap-review-download").click()
    caught.value.save_as(download_to)
    _no_requests_no_errors(watch)
    page.close()
    return dropped, moved


def _no_requests_no_errors(watch: Watch) -> None:
    assert watch.external_requests == []
    assert watch.console_errors == [] and watch.dialogs == []


def _protest_quotes(path: Path, place: str) -> list[str]:
    """The quotes of the reports of every protest record at `place`, from the map's data
    (payload.COLUMNS)."""
    blob = path.read_text("utf-8").split('_data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(blob)
    columns = {table: {n: i for i, n in enumerate(c)} for table, c in data["columns"].items()}
    e, r, p = columns["events"], columns["reports"], columns["places"]
    protest = data["types"].index("protest")
    return [
        data["reports"][row[e["reports"]] + k][r["quote"]]
        for row in data["events"]
        if row[e["event_type"]] == protest and data["places"][row[e["place"]]][p["place"]] == place
        for k in range(row[e["n_reports"]])
    ]


def _check_published_map(browser: Browser, path: Path) -> None:
    page, watch = _open(browser, path)
    assert page.locator(".geomap-review-tools, .geomap-review-panel").count() == 0
    # From the changes: one of Osh's protest reports dropped, Kyrgyzstan's one clash moved.
    # The published map draws event records; no protest record in Osh keeps the dropped
    # report (the same sentence stays a report in Jalal-Abad, where nobody dropped it).
    assert "lying rumours" not in " ".join(_protest_quotes(path, "Osh"))
    assert "lying rumours" in " ".join(_protest_quotes(path, "Jalal-Abad"))
    assert _marker(page, "clash", "Kyrgyzstan").count() == 0
    naryn = _marker(page, "protest", "Naryn")
    assert naryn.locator(".geomap-reviewed-badge").count() == 1
    assert page.locator(".geomap-legend", has_text="Reviewed by an editor").count() == 1
    _open_marker(naryn)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert ADDED_QUOTE in popup.inner_text()
    assert f"✓ Reviewed by an editor: {NOTE}" in popup.inner_text()
    assert popup.locator("img, b").count() == 0  # the note stayed text
    _no_requests_no_errors(watch)
    page.close()


def _check_changes(before: Path, after: Path, dropped: str, moved: str) -> None:
    old, new = _features(before), _features(after)
    (added,) = set(new) - set(old)
    assert set(old) - set(new) == {dropped}
    for report_id in set(old) - {dropped, moved}:
        assert new[report_id] == old[report_id]
    place_fields = {"place", "place_id", "admin1", "precision", "mentions", "inferred"}
    for name, value in old[moved].items():
        if name not in place_fields | {"reviewed"}:
            assert new[moved][name] == value, name
    assert (new[moved]["place"], new[moved]["precision"], new[moved]["reviewed"]) == (
        "Jalal-Abad",
        "point",
        True,
    )
    assert new[added]["place"] == "Naryn" and new[added]["quote"] == ADDED_QUOTE
    assert (new[added]["event_type"], new[added]["date"]) == ("protest", "2005-03-22")
    assert new[added]["reviewed"] and new[added]["editor_note"] == NOTE


def test_review_drop_move_add_download_rebuild_and_grow(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "news")
    monkeypatch.chdir(tmp_path)  # sources are cited as typed: news/000_....txt
    _run("build", "news", "--review", "-o", "review.html")
    corrections = tmp_path / "corrections.json"
    dropped, moved = _edit_in_review_page(browser, tmp_path / "review.html", corrections)

    document = json.loads(corrections.read_text("utf-8"))
    entries = document["corrections"]
    assert document["geomap_corrections"] == 1
    assert [(e["action"], e.get("event")) for e in entries] == [
        ("drop", dropped),
        ("move", moved),
        ("add", None),
    ]
    assert all(e["editor"] == "Ana" and e["reason"] for e in entries)
    assert (entries[1]["place"], entries[1]["country"]) == ("Jalal-Abad", "KG")

    _run("extract", "news", "--level", "reports", "-o", "plain.geojson")
    out = _run(
        "extract",
        "news",
        "--level",
        "reports",
        "--corrections",
        str(corrections),
        "-o",
        "fixed.geojson",
    )
    assert "not applied" not in out
    _check_changes(tmp_path / "plain.geojson", tmp_path / "fixed.geojson", dropped, moved)
    _run("build", "news", "--corrections", str(corrections), "--self-contained", "-o", "map.html")
    _check_published_map(browser, tmp_path / "map.html")

    # One more article: its events join, and every correction still finds its report.
    (tmp_path / "news" / "003_tokmok.txt").write_text(TOKMOK, encoding="utf-8")
    _run("extract", "news", "--level", "reports", "-o", "grown-plain.geojson")
    out = _run(
        "extract",
        "news",
        "--level",
        "reports",
        "--corrections",
        str(corrections),
        "-o",
        "grown.geojson",
    )
    assert "not applied" not in out
    grown = _features(tmp_path / "grown.geojson")
    tokmok = [p for p in grown.values() if p["source"] == "news/003_tokmok.txt"]
    assert tokmok and all((p["place"], p["country_code"]) == ("Tokmok", "KG") for p in tokmok)
    _check_changes(tmp_path / "grown-plain.geojson", tmp_path / "grown.geojson", dropped, moved)
    out = _run(
        "build", "news", "--corrections", str(corrections), "--self-contained", "-o", "map.html"
    )
    assert "not applied" not in out
    _check_published_map(browser, tmp_path / "map.html")


def test_review_page_built_with_corrections_downloads_them_again(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editor's second session: the file's entries are kept, the new one follows them.
    monkeypatch.chdir(ROOT)
    earlier = {
        "geomap_corrections": 1,
        "corrections": [
            {
                "action": "add",
                "event_type": "protest",
                "place": "Naryn",
                "source": "https://example.org/naryn-rally",
                "quote": ADDED_QUOTE,
                "editor": "Ana",
                "reason": "missed",
            }
        ],
    }
    file = tmp_path / "corrections.json"
    file.write_text(json.dumps(earlier), "utf-8")
    review = tmp_path / "review.html"
    _run("build", "seeds", "--corrections", str(file), "--review", "-o", str(review))
    page, watch = _open(browser, review)
    assert "1 from the corrections file" in page.locator(".geomap-review-count").inner_text()
    page.fill(".geomap-review-panel input[name=editor]", "Ben")
    tools = _report_tools(page, "protest", "Naryn", "Naryn")
    noted = _submit(tools, "note", note="Two witnesses", reason="phoned")
    with page.expect_download() as caught:
        page.locator(".geomap-review-download").click()
    again = tmp_path / "again.json"
    caught.value.save_as(again)
    entries = json.loads(again.read_text("utf-8"))["corrections"]
    assert entries[0] == earlier["corrections"][0]
    assert entries[1] == {
        "action": "note",
        "event": noted,
        "note": "Two witnesses",
        "editor": "Ben",
        "reason": "phoned",
    }
    _no_requests_no_errors(watch)
    page.close()


def test_review_page_flags_the_reports_the_filter_doubts(browser: Browser, tmp_path: Path) -> None:
    # Our wage-march story (tests/test_report_filter.py): every event is in Phnom Penh; the
    # deaths near Dhaka are an aside comparing wages. The editor is told to check that
    # report first, and only that one.
    from test_report_filter import WAGE_MARCH

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "wage-march.txt").write_text(WAGE_MARCH, "utf-8")
    review = tmp_path / "review.html"
    _run("build", str(folder), "--review", "-o", str(review))
    page, watch = _open(browser, review)
    assert page.locator(".geomap-review-doubts").inner_text() == (
        "1 report to check first (marked in the popups)"
    )
    tools = _report_tools(page, "casualties", "Dhaka", "collapse of a garment factory")
    assert "Check first: the report filter puts the chance" in tools.inner_text()
    _no_requests_no_errors(watch)
    page.close()
