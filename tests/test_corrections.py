"""Editorial corrections: each action, stale entries, record ids, malformed files, the CLI.

Reports are written by hand as extraction would give them; place names are resolved through
the real embedded gazetteer. Each test says the reading that fixes its expectation.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gazetteer import Gazetteer
from gazetteer.model import Kind, Place
from geomap.cli import app
from geomap.corrections import (
    Corrections,
    CorrectionsError,
    apply_corrections,
    parse_corrections,
    read_corrections,
)
from geomap.export import CSV_COLUMNS, FEATURE_PROPERTIES, event_properties
from geomap.model import Event, EventType, Precision
from geomap.records import group_reports

ROOT = Path(__file__).resolve().parent.parent
# GeoNames' records, as the embedded gazetteer has them.
OSH = Place(1527534, "Osh", Kind.CITY, "KG", "Osh Region", 40.52828, 72.79850, 322164, "08")
JALAL_ABAD = Place(
    1528249, "Jalal-Abad", Kind.CITY, "KG", "Jalal-Abad Region", 40.93, 73.0, 123239, "03"
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def report(
    event_type: EventType = EventType.PROTEST,
    place: Place = JALAL_ABAD,
    *,
    source: str = "a.txt",
    at: int = 0,
    date: str | None = "2005-03-21",
    **fields: Any,
) -> Event:
    quote = f"A {event_type.value} in {place.name}."
    return Event(
        event_type=event_type,
        place=place,
        precision=Precision.POINT,
        inferred=False,
        mentions=(place.name,),
        source=source,
        source_title="",
        source_date="2005-03-21",
        outlet="Outlet",
        url="",
        quote=quote,
        char_start=at,
        char_end=at + len(quote),
        date=date,
        **fields,
    )


def corrections(gaz: Gazetteer, *entries: dict[str, Any]) -> Corrections:
    document = {"geomap_corrections": 1, "corrections": list(entries)}
    return parse_corrections(json.dumps(document), "c.json", gaz)


def entry(action: str, target: Event | str | None = None, **fields: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"action": action, "editor": "ana", "reason": "checked", **fields}
    if target is not None:
        out["event"] = target if isinstance(target, str) else target.stable_id
    return out


# ---------------------------------------------------------------------------------------------
# Ids


def test_a_report_id_is_the_documented_hash_of_where_its_evidence_sits() -> None:
    r = report(EventType.CLASH, source="news/b.txt", at=40)
    basis = f"news/b.txt\0{40}\0{40 + len(r.quote)}\0clash\0geonames:1528249"
    assert r.stable_id == "rp-" + hashlib.sha256(basis.encode()).hexdigest()[:16]


def test_one_sentence_reporting_two_places_gives_two_ids() -> None:
    # "Protests in Osh and Jalal-Abad": one sentence, one type, two reports.
    assert report(place=OSH).stable_id != report(place=JALAL_ABAD).stable_id


def test_the_id_is_exported_with_the_reviewed_flag_and_note() -> None:
    assert FEATURE_PROPERTIES[-3:] == ("report_id", "reviewed", "editor_note")
    assert {"report_id", "reviewed", "editor_note"} <= set(CSV_COLUMNS)
    properties = event_properties(report())
    assert properties["report_id"] == report().stable_id
    assert properties["reviewed"] is False and properties["editor_note"] == ""


# ---------------------------------------------------------------------------------------------
# Each action


def test_drop_removes_only_the_named_report(gaz: Gazetteer) -> None:
    keep, gone = report(at=0), report(at=100)
    applied = apply_corrections([keep, gone], corrections(gaz, entry("drop", gone)))
    assert applied.events == (keep,)
    assert applied.stale == () and applied.changed == 1


def test_move_to_a_place_name_resolves_it_through_the_gazetteer(gaz: Gazetteer) -> None:
    wrong = report(EventType.CLASH, place=JALAL_ABAD)
    fix = entry("move", wrong, place="Osh", country="KG", note="The clash was in Osh.")
    (moved,) = apply_corrections([wrong], corrections(gaz, fix)).events
    assert moved.place.place_id == "geonames:1527534"  # Osh, Kyrgyzstan
    assert (round(moved.place.lat, 2), round(moved.place.lon, 2)) == (40.53, 72.8)
    assert moved.precision is Precision.POINT
    # The article spelled the old place; the editor chose this one.
    assert moved.mentions == ()
    assert moved.reviewed and moved.editor_note == "The clash was in Osh."
    # A moved report keeps the name the file gave it, so the entry still finds it next time.
    assert moved.stable_id == wrong.stable_id
    assert moved.quote == wrong.quote and moved.event_type is EventType.CLASH


def test_move_to_a_country_is_located_only_to_the_country(gaz: Gazetteer) -> None:
    fix = entry("move", report(), place="Kyrgyzstan")
    (moved,) = apply_corrections([report()], corrections(gaz, fix)).events
    assert moved.place.kind is Kind.COUNTRY and moved.precision is Precision.COUNTRY


def test_move_to_coordinates_makes_a_place_of_the_editors_own(gaz: Gazetteer) -> None:
    fix = entry("move", report(), lat=40.51, lon=72.81, place="Osh bazaar", country="kg")
    (moved,) = apply_corrections([report()], corrections(gaz, fix)).events
    assert (moved.place.lat, moved.place.lon) == (40.51, 72.81)
    assert moved.place.name == "Osh bazaar" and moved.place.country_code == "KG"
    # geomap's own ids are negative; an editor's point must not take a real region's id.
    assert moved.place.place_id.startswith("geomap:") and -moved.place.geonameid >= 10**9


def test_two_editor_points_get_two_place_ids(gaz: Gazetteer) -> None:
    a, b = report(at=0), report(at=50)
    file = corrections(
        gaz, entry("move", a, lat=40.0, lon=72.0), entry("move", b, lat=40.0, lon=73.0)
    )
    moved = apply_corrections([a, b], file).events
    assert moved[0].place.place_id != moved[1].place.place_id


def test_retype_changes_only_the_type(gaz: Gazetteer) -> None:
    r = report(EventType.PROTEST)
    file = corrections(gaz, entry("retype", r, event_type="clash"))
    (retyped,) = apply_corrections([r], file).events
    assert retyped.event_type is EventType.CLASH
    assert replace(retyped, event_type=EventType.PROTEST, report_id="", reviewed=False) == r


def test_figures_set_the_named_counts_and_leave_the_rest(gaz: Gazetteer) -> None:
    r = report(EventType.CROWD, crowd_low=1000, crowd_high=3000, crowd_text="thousands", killed=2)
    fix = entry("figures", r, crowd_low=5000, injured=0, note="Police and organisers agree.")
    (fixed,) = apply_corrections([r], corrections(gaz, fix)).events
    # A new single crowd figure replaces the range, and the article's word no longer fits it.
    assert (fixed.crowd_low, fixed.crowd_high, fixed.crowd_text) == (5000, None, "")
    assert (fixed.killed, fixed.injured, fixed.arrested) == (2, 0, None)
    assert fixed.editor_note == "Police and organisers agree."


def test_figures_can_clear_a_count_with_null(gaz: Gazetteer) -> None:
    r = report(EventType.ARREST, arrested=40)
    (fixed,) = apply_corrections([r], corrections(gaz, entry("figures", r, arrested=None))).events
    assert fixed.arrested is None and fixed.reviewed


def test_date_sets_the_day_and_drops_the_articles_wording(gaz: Gazetteer) -> None:
    r = report(date="2005-03-20", date_text="yesterday")
    (fixed,) = apply_corrections([r], corrections(gaz, entry("date", r, date="2005-03-19"))).events
    assert (fixed.date, fixed.date_text) == ("2005-03-19", "")


def test_note_marks_the_report_reviewed_and_changes_nothing_else(gaz: Gazetteer) -> None:
    r = report()
    (noted,) = apply_corrections([r], corrections(gaz, entry("note", r, note="Confirmed."))).events
    assert noted.reviewed and noted.editor_note == "Confirmed."
    assert replace(noted, report_id="", reviewed=False, editor_note="") == r


def test_add_appends_a_missed_report_after_the_extracted_ones(gaz: Gazetteer) -> None:
    r = report()
    missed = entry(
        "add",
        event_type="protest",
        place="Bishkek",
        date="2005-03-24",
        source="https://example.org/bishkek",
        quote="Thousands marched on the White House in Bishkek.",
        crowd_low=5000,
        note="From the AKIpress wire.",
    )
    events = apply_corrections([r], corrections(gaz, missed)).events
    assert events[0] == r
    added = events[1]
    assert added.event_type is EventType.PROTEST and added.place.name == "Bishkek"
    assert added.place.country_code == "KG" and added.date == "2005-03-24"
    assert added.quote == "Thousands marched on the White House in Bishkek."
    assert added.source == "https://example.org/bishkek" and added.crowd_low == 5000
    assert added.reviewed and added.editor_note == "From the AKIpress wire."
    assert added.stable_id.startswith("rp-") and added.stable_id != r.stable_id


def test_entries_apply_in_file_order_and_notes_add_up(gaz: Gazetteer) -> None:
    r = report(EventType.PROTEST)
    file = corrections(
        gaz,
        entry("retype", r, event_type="clash", note="Stones were thrown."),
        entry("move", r, place="Osh", country="KG"),
        entry("note", r, note="Two sources."),
    )
    (fixed,) = apply_corrections([r], file).events
    assert (fixed.event_type, fixed.place.name) == (EventType.CLASH, "Osh")
    assert fixed.editor_note == "Stones were thrown.\nTwo sources."


def test_drop_wins_over_other_entries_for_the_same_report(gaz: Gazetteer) -> None:
    r = report()
    file = corrections(gaz, entry("note", r, note="first thought"), entry("drop", r))
    assert apply_corrections([r], file).events == ()


def test_the_same_reports_in_another_order_get_the_same_corrections(gaz: Gazetteer) -> None:
    a, b, c = report(at=0), report(at=50), report(at=100)
    file = corrections(gaz, entry("drop", b), entry("note", c, note="ok"))
    forward = apply_corrections([a, b, c], file).events
    backward = apply_corrections([c, b, a], file).events
    assert set(forward) == set(backward) and len(forward) == 2


# ---------------------------------------------------------------------------------------------
# Records and stale entries


def test_an_event_id_applies_to_every_report_of_that_record(gaz: Gazetteer) -> None:
    # Two articles report one protest in Osh that day: one record of two reports. A clash
    # in Jalal-Abad the same day is another record and stays as it was.
    one = report(place=OSH, source="a.txt")
    two = report(place=OSH, source="b.txt")
    other = report(EventType.CLASH, place=JALAL_ABAD, source="a.txt", at=80)
    records = group_reports([one, two, other])
    (protest,) = [r for r in records if r.event_type is EventType.PROTEST]
    assert len(protest.reports) == 2
    fix = entry("note", protest.event_id, note="Both outlets confirmed by phone.")
    events = apply_corrections([one, two, other], corrections(gaz, fix)).events
    assert [e.reviewed for e in events] == [True, True, False]
    assert events[2] == other


def test_an_entry_whose_report_is_gone_is_stale_and_applied_to_nothing(gaz: Gazetteer) -> None:
    # The article b.txt was removed from the folder: its report is not in this run. Another
    # report at the same place, type and day must not inherit the drop.
    kept = report(source="a.txt")
    removed = report(source="b.txt")
    file = corrections(gaz, entry("drop", removed), entry("note", kept, note="seen"))
    applied = apply_corrections([kept], file)
    assert [c.number for c in applied.stale] == [1]
    assert applied.stale[0].describe() == f"entry 1 (drop {removed.stable_id}, by ana)"
    assert len(applied.events) == 1 and applied.events[0].editor_note == "seen"


def test_a_stale_record_id_is_stale_too(gaz: Gazetteer) -> None:
    file = corrections(gaz, entry("drop", "ev-0123456789abcdef"))
    applied = apply_corrections([report()], file)
    assert applied.events == (report(),) and len(applied.stale) == 1


def test_an_empty_file_changes_nothing(gaz: Gazetteer) -> None:
    applied = apply_corrections([report()], corrections(gaz))
    assert applied.events == (report(),) and applied.stale == () and applied.changed == 0


# ---------------------------------------------------------------------------------------------
# Malformed files: one line, naming the file and the entry

R = "rp-0123456789abcdef"


def _file(*entries: Any) -> str:
    return json.dumps({"geomap_corrections": 1, "corrections": list(entries)})


def _e(kind: str, /, **fields: Any) -> dict[str, Any]:
    """An entry naming report R, by ana, with a reason; fields replace these, None removes."""
    base: dict[str, Any] = {"action": kind, "event": R, "editor": "ana", "reason": "r"}
    return {k: v for k, v in {**base, **fields}.items() if v is not None}


_ADD = {"event": None, "event_type": "protest", "place": "Osh", "source": "s", "quote": "q"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "c.json: not JSON (Expecting value at line 1 column 1)"),
        ("{", "c.json: not JSON (Expecting property name enclosed in double quotes"),
        ("[]", "c.json: not a corrections file (expected a JSON object)"),
        ("{}", "c.json: not a corrections file (no 'geomap_corrections' key)"),
        ('{"geomap_corrections": 2}', "c.json: corrections format 2 is not supported"),
        ('{"geomap_corrections": 1, "fixes": []}', "c.json: unknown key 'fixes'"),
        ('{"geomap_corrections": 1, "corrections": {}}', "c.json: 'corrections' is not a list"),
        (_file(3), "c.json: entry 1: not a JSON object"),
        (
            _file(_e("delete")),
            "c.json: entry 1: action 'delete' is not one of drop, move, retype, figures, date, "
            "note, add",
        ),
        (_file(_e("drop", action=None)), "c.json: entry 1: action missing is not one of"),
        (
            _file(_e("drop", editor=None)),
            f"c.json: entry 1 (drop {R}): 'editor' is missing or empty (say who and why)",
        ),
        (_file(_e("drop", reason="  ")), f"c.json: entry 1 (drop {R}): 'reason' is missing"),
        (
            _file(_e("drop", event="x1")),
            "c.json: entry 1 (drop x1): 'event' is not a report id (rp-…) or event id (ev-…)",
        ),
        (_file(_e("drop", event=None)), "c.json: entry 1 (drop ): 'event' is not a report id"),
        (
            _file(_e("drop", plcae="Osh")),
            f"c.json: entry 1 (drop {R}): unknown field 'plcae' for drop",
        ),
        (
            _file(_e("move")),
            f"c.json: entry 1 (move {R}): needs a 'place' name or 'lat' and 'lon'",
        ),
        (
            _file(_e("move", place="Qwxzyplk")),
            f"c.json: entry 1 (move {R}): no place 'Qwxzyplk' in the gazetteer",
        ),
        (
            _file(_e("move", place="Bishkek", country="FR")),
            f"c.json: entry 1 (move {R}): no place 'Bishkek' in FR in the gazetteer",
        ),
        (
            _file(_e("move", lat=40.5)),
            f"c.json: entry 1 (move {R}): give both 'lat' and 'lon', or a 'place' name",
        ),
        (_file(_e("move", lat=95, lon=10)), f"c.json: entry 1 (move {R}): lat 95 is out of range"),
        (
            _file(_e("move", lat="40", lon=10)),
            f"c.json: entry 1 (move {R}): lat '40' is not a number",
        ),
        (_file(_e("retype")), f"c.json: entry 1 (retype {R}): retype needs 'event_type'"),
        (
            _file(_e("retype", event_type="riot")),
            f"c.json: entry 1 (retype {R}): event_type 'riot' is not one of protest, seizure, "
            "clash, crowd, casualties, arrest",
        ),
        (
            _file(_e("figures")),
            f"c.json: entry 1 (figures {R}): names no figure (crowd_low, crowd_high, killed, "
            "injured, arrested)",
        ),
        (
            _file(_e("figures", killed=-1)),
            f"c.json: entry 1 (figures {R}): killed -1 is not a whole number of people (or null)",
        ),
        (
            _file(_e("figures", killed=True)),
            f"c.json: entry 1 (figures {R}): killed True is not a whole number of people",
        ),
        (
            _file(_e("figures", crowd_low=500, crowd_high=100)),
            f"c.json: entry 1 (figures {R}): crowd_high 100 is below crowd_low 500",
        ),
        (
            _file(_e("date", date="24 March 2005")),
            f"c.json: entry 1 (date {R}): date '24 March 2005' is not YYYY-MM-DD",
        ),
        (
            _file(_e("date", date="2005-02-30")),
            f"c.json: entry 1 (date {R}): date '2005-02-30' is not YYYY-MM-DD",
        ),
        (_file(_e("note")), f"c.json: entry 1 (note {R}): 'note' is empty"),
        (_file(_e("note", note=7)), f"c.json: entry 1 (note {R}): 'note' is int, expected text"),
        (_file(_e("add", **{**_ADD, "quote": None})), "c.json: entry 1 (add): add needs 'quote'"),
        (
            _file(_e("add", **{**_ADD, "event": R})),
            "c.json: entry 1 (add): unknown field 'event' for add",
        ),
        (
            _file(_e("note", note="fine"), _e("add", **{**_ADD, "quote": " "})),
            "c.json: entry 2 (add): 'quote' is empty",
        ),
        (
            _file(_e("add", **_ADD), _e("add", **_ADD)),
            "c.json: entry 2 (add): the same report as entry 1",
        ),
    ],
)
def test_a_malformed_file_is_refused_in_one_line(
    gaz: Gazetteer, content: str, message: str
) -> None:
    with pytest.raises(CorrectionsError) as caught:
        parse_corrections(content, "c.json", gaz)
    text = str(caught.value)
    assert text.startswith(message), text
    assert "\n" not in text


def test_an_unreadable_or_binary_file_is_refused_naming_it(gaz: Gazetteer, tmp_path: Path) -> None:
    with pytest.raises(CorrectionsError, match=r"missing\.json: cannot read corrections file"):
        read_corrections(tmp_path / "missing.json", gaz)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage\x9c")
    with pytest.raises(CorrectionsError, match=r"binary\.json: corrections file is not UTF-8"):
        read_corrections(binary, gaz)


def test_a_file_with_a_bom_is_read(gaz: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes('\ufeff{"geomap_corrections": 1, "corrections": []}'.encode())
    assert read_corrections(path, gaz).entries == ()


# ---------------------------------------------------------------------------------------------
# The command line, on the seed articles


def _seed_reports(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict[str, Any]]:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "plain.geojson"
    result = CliRunner().invoke(app, ["extract", "seeds", "--level", "reports", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return [f["properties"] for f in json.loads(out.read_text("utf-8"))["features"]]


def _one(reports: list[dict[str, Any]], event_type: str, place: str, words: str) -> str:
    (found,) = [
        r["report_id"]
        for r in reports
        if r["event_type"] == event_type and r["place"] == place and words in r["quote"]
    ]
    return str(found)


def _write(path: Path, *entries: dict[str, Any]) -> Path:
    path.write_text(json.dumps({"geomap_corrections": 1, "corrections": list(entries)}), "utf-8")
    return path


def test_extract_applies_corrections_and_exports_them_as_reviewed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    reports = _seed_reports(monkeypatch, tmp_path)
    # Seed 000: the State Secretary speaks of "those who organise these rallies" in general;
    # seed 001 opens with an eviction "in southern Kyrgyzstan", which its later lines place
    # in Jalal-Abad.
    rallies = _one(reports, "protest", "Jalal-Abad", "those who organise these rallies")
    eviction = _one(reports, "clash", "Kyrgyzstan", "forcibly evicted")
    file = _write(
        tmp_path / "corrections.json",
        entry("drop", rallies),
        entry("move", eviction, place="Jalal-Abad", note="Jalal-Abad, per paragraph 5."),
    )
    out = tmp_path / "fixed.geojson"
    result = CliRunner().invoke(
        app,
        ["extract", "seeds", "--level", "reports", "-o", str(out), "--corrections", str(file)],
    )
    assert result.exit_code == 0, result.output
    fixed = [f["properties"] for f in json.loads(out.read_text("utf-8"))["features"]]
    assert len(fixed) == len(reports) - 1
    assert rallies not in {r["report_id"] for r in fixed}
    (moved,) = [r for r in fixed if r["report_id"] == eviction]
    assert (moved["place"], moved["reviewed"]) == ("Jalal-Abad", True)
    assert moved["editor_note"] == "Jalal-Abad, per paragraph 5."
    assert sum(r["reviewed"] for r in fixed) == 1


def test_a_stale_entry_is_reported_once_and_the_build_succeeds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    gone = "rp-00000000000000aa"
    file = _write(tmp_path / "c.json", entry("drop", gone))
    result = CliRunner().invoke(
        app, ["build", "seeds", "-o", str(tmp_path / "m.html"), "--corrections", str(file)]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if gone in line]
    assert lines == [
        f"geomap: {file}: entry 1 (drop {gone}, by ana): no such report or event in this run "
        "(its article removed or changed?); not applied"
    ]


def test_a_malformed_file_exits_2_before_reading_articles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    file = tmp_path / "c.json"
    file.write_text('{"geomap_corrections": 1, "corrections": [{"action": "zap"}]}', "utf-8")
    outputs = (tmp_path / "m.html", tmp_path / "e.geojson")
    for command, out in zip(("build", "extract"), outputs, strict=True):
        result = CliRunner().invoke(
            app, [command, "seeds", "-o", str(out), "--corrections", str(file)]
        )
        assert result.exit_code == 2
        assert result.output.startswith(f"geomap: {file}: entry 1: action 'zap' is not one of")
        assert len(result.output.splitlines()) == 1 and "Traceback" not in result.output
        assert not out.exists()


def test_a_record_correction_reaches_the_event_level_export(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    plain = tmp_path / "records.geojson"
    result = CliRunner().invoke(app, ["extract", "seeds", "--level", "events", "-o", str(plain)])
    assert result.exit_code == 0, result.output
    records = json.loads(plain.read_text("utf-8"))["features"]
    # The seeds tell of offices seized at Osh on two days: one record a day.
    seizures = sorted(
        (f["properties"]["event_date"], f["properties"]["event_id"])
        for f in records
        if f["properties"]["event_type"] == "seizure" and f["properties"]["place"] == "Osh"
    )
    assert len(seizures) == 2
    file = _write(tmp_path / "c.json", entry("drop", seizures[0][1]))
    fixed = tmp_path / "fixed.geojson"
    result = CliRunner().invoke(
        app,
        ["extract", "seeds", "--level", "events", "-o", str(fixed), "--corrections", str(file)],
    )
    assert result.exit_code == 0, result.output
    after = json.loads(fixed.read_text("utf-8"))["features"]
    left = [
        f["properties"]["event_id"]
        for f in after
        if f["properties"]["event_type"] == "seizure" and f["properties"]["place"] == "Osh"
    ]
    assert left == [seizures[1][1]]
    assert len(after) == len(records) - 1


# ---------------------------------------------------------------------------------------------
# The review page (its browser side is tests/test_review_browser.py)


def test_the_review_page_carries_each_events_id_and_the_files_entries_as_data() -> None:
    from geomap.export import feature_collection
    from geomap.render.review import render_review_html, review_data

    reports = [report(at=0), report(EventType.CLASH, place=OSH, at=40)]
    collection = feature_collection(reports)
    hostile = {"action": "note", "note": "</script><script>alert(1)</script>{{ 7 * 7 }}"}
    data = review_data(collection, "T", [hostile])
    assert data["ids"] == [r.stable_id for r in reports]  # payload order is feature order
    assert data["corrections"] == [hostile]
    page = render_review_html(collection, title="T", corrections=[hostile])
    # The entry sits in a JSON script element: it can neither end it nor reach Jinja, and it
    # reads back as it was.
    blob = page.split('<script type="application/json" id="geomap-review-data">', 1)[1]
    blob = blob.split("</script>", 1)[0]
    assert json.loads(blob)["corrections"] == [hostile]
    assert "<script>alert(1)" not in page and "{{ 7" not in page
    assert page == render_review_html(collection, title="T", corrections=[hostile])
    # Another corrections file is another page state: its changes are kept apart.
    assert review_data(collection, "T", [])["storageKey"] != data["storageKey"]


def test_event_records_say_which_were_reviewed(gaz: Gazetteer) -> None:
    from geomap.record_export import record_properties

    # A protest in Osh (two articles) and a clash in Jalal-Abad: two records; the editor
    # checked one report of the protest.
    one = report(place=OSH, source="a.txt")
    two = report(place=OSH, source="b.txt")
    other = report(EventType.CLASH, place=JALAL_ABAD, source="a.txt", at=80)
    fix = corrections(gaz, entry("note", two, note="Seen on video."))
    records = group_reports(apply_corrections([one, two, other], fix).events)
    by_type = {r.event_type: record_properties(r) for r in records}
    protest, clash = by_type[EventType.PROTEST], by_type[EventType.CLASH]
    assert protest["reviewed"] is True and clash["reviewed"] is False
    notes = {(x["report_id"], x["reviewed"], x["editor_note"]) for x in protest["reports"]}
    assert notes == {(one.stable_id, False, ""), (two.stable_id, True, "Seen on video.")}


def test_the_embed_text_table_says_reviewed_in_words(gaz: Gazetteer) -> None:
    from geomap.export import feature_collection
    from geomap.render.text_alternative import events_table

    checked, unchecked = report(at=0), report(at=40)
    fix = corrections(gaz, entry("note", checked, note="<i>Two</i> witnesses"))
    table = events_table(
        feature_collection(apply_corrections([checked, unchecked], fix).events), "T"
    )
    first, second = table.split("</tr>")[1:3]  # after the header row
    assert "(reviewed by an editor)</strong> &lt;i&gt;Two&lt;/i&gt; witnesses" in first
    assert "reviewed" not in second
