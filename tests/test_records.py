"""Event records: reports of one real event grouped, within and across articles.

The reports here are written by hand, as extraction would give them for short news
sentences of our own; each test states the reading that fixes its expectation.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gazetteer.model import Kind, Place
from geomap.cli import app
from geomap.model import Event, EventType, Precision
from geomap.record_export import RECORD_SCHEMA, record_csv, record_properties
from geomap.records import EventRecord, group_reports, size_category, sub_event_type

OSH = Place(1527534, "Osh", Kind.CITY, "KG", "Osh Region", 40.52828, 72.79850, 322164, "08")
JALAL_ABAD = Place(
    1528249, "Jalal-Abad", Kind.CITY, "KG", "Jalal-Abad Region", 40.93, 73.0, 123239, "03"
)
KYRGYZSTAN = Place(1527747, "Kyrgyzstan", Kind.COUNTRY, "KG", "", 41.5, 75.0, 5_000_000)
NAIROBI = Place(184745, "Nairobi", Kind.CITY, "KE", "Nairobi Area", -1.28, 36.82, 2_750_000, "05")

ROOT = Path(__file__).resolve().parent.parent


def report(
    event_type: EventType,
    place: Place = OSH,
    *,
    source: str = "a.txt",
    outlet: str = "Outlet A",
    date: str | None = "2005-03-21",
    published: str | None = "2005-03-21",
    at: int = 0,
    precision: Precision = Precision.POINT,
    **figures: object,
) -> Event:
    quote = f"{event_type.value} in {place.name}"
    return Event(
        event_type=event_type,
        place=place,
        precision=precision,
        inferred=False,
        mentions=(place.name,),
        source=source,
        source_title="",
        source_date=published,
        outlet=outlet,
        url="",
        quote=quote,
        char_start=at,
        char_end=at + len(quote),
        date=date,
        **figures,  # type: ignore[arg-type]
    )


def only(records: list[EventRecord], event_type: EventType, place: Place = OSH) -> EventRecord:
    found = [r for r in records if r.event_type is event_type and r.place == place]
    assert len(found) == 1, found
    return found[0]


def test_two_outlets_reporting_one_seizure_on_one_day_make_one_record() -> None:
    # "Protesters seized the Osh administration on Monday", in two outlets' reports.
    records = group_reports(
        [
            report(EventType.SEIZURE, source="a.txt", outlet="AFP"),
            report(EventType.SEIZURE, source="b.txt", outlet="RFE/RL", at=40),
        ]
    )
    assert len(records) == 1
    assert (records[0].n_sources, len(records[0].reports)) == (2, 2)
    assert records[0].sources == ("a.txt", "b.txt")


def test_the_same_outlet_twice_is_one_source() -> None:
    records = group_reports(
        [
            report(EventType.PROTEST, source="a.txt", outlet="AFP"),
            report(EventType.PROTEST, source="b.txt", outlet="AFP"),
        ]
    )
    assert records[0].n_sources == 1


@pytest.mark.parametrize(
    ("first", "second", "expected_records"),
    [
        ("2005-03-20", "2005-03-20", 1),  # same day
        ("2005-03-20", "2005-03-21", 2),  # Sunday's and Monday's rallies are two events
    ],
)
def test_main_events_group_by_day(first: str, second: str, expected_records: int) -> None:
    records = group_reports(
        [
            report(EventType.PROTEST, date=first, source="a.txt"),
            report(EventType.PROTEST, date=second, source="b.txt"),
        ]
    )
    assert len(records) == expected_records


@pytest.mark.parametrize(
    ("published", "joins"),
    [
        ("2005-03-22", True),  # "clashes in Osh", published the next day
        ("2005-03-27", True),  # six days later: still the reporting week
        ("2005-04-15", False),  # weeks later: another clash
    ],
)
def test_an_undated_report_joins_the_event_of_its_reporting_week(
    published: str, joins: bool
) -> None:
    records = group_reports(
        [
            report(EventType.CLASH, date="2005-03-21", source="a.txt"),
            report(EventType.CLASH, date=None, published=published, source="b.txt", at=9),
        ]
    )
    assert (len(records) == 1) is joins
    dated = next(r for r in records if r.date_precision == "day")
    assert dated.event_date == "2005-03-21"


def test_an_undated_report_with_no_better_match_is_dated_by_its_week_not_its_day() -> None:
    records = group_reports([report(EventType.PROTEST, date=None, published="2005-03-22")])
    assert records[0].date_precision == "week"
    assert records[0].event_date is None  # the publication day is not the event's day


def test_an_undated_report_from_an_undated_article_does_not_guess_between_two_days() -> None:
    records = group_reports(
        [
            report(EventType.PROTEST, date="2005-03-20", source="a.txt"),
            report(EventType.PROTEST, date="2005-03-21", source="a.txt", at=10),
            report(EventType.PROTEST, date=None, published=None, source="b.txt"),
        ]
    )
    assert len(records) == 3
    assert {r.date_precision for r in records} == {"day", "unknown"}


def test_an_undated_report_from_an_undated_article_keeps_off_the_one_dated_record() -> None:
    # An encyclopaedia page: "On 18 October, protesters seized the stations" and, with no
    # day, "the protests led to takeovers of the main stations": the page never says the
    # takeovers were on the 18th, so the record keeps no day it was not given.
    records = group_reports(
        [
            report(EventType.SEIZURE, date="2019-10-18", published=None),
            report(EventType.SEIZURE, date=None, published=None, at=80),
        ]
    )
    assert sorted(r.event_date or "" for r in records) == ["", "2019-10-18"]


def test_a_crowd_is_the_size_of_the_protest_and_deaths_belong_to_the_clash() -> None:
    # "About 10,000 rallied in Osh; police fired on them and two people were killed."
    records = group_reports(
        [
            report(EventType.PROTEST),
            report(EventType.CLASH, at=50),
            report(EventType.CROWD, at=5, crowd_low=10_000, crowd_high=10_000),
            report(EventType.CASUALTIES, at=60, killed=2),
        ]
    )
    assert len(records) == 2
    protest, clash = only(records, EventType.PROTEST), only(records, EventType.CLASH)
    assert (protest.size_low, protest.size_high, protest.fatalities) == (10_000, 10_000, None)
    assert (clash.fatalities, clash.size_low) == (2, None)


def test_a_toll_where_nothing_else_happened_is_its_own_record() -> None:
    records = group_reports([report(EventType.CASUALTIES, killed=3)])
    assert [(r.event_type, r.fatalities) for r in records] == [(EventType.CASUALTIES, 3)]
    assert sub_event_type(records[0]) == "Excessive force against protesters"


def test_arrests_without_a_count_stay_visible_as_their_own_record() -> None:
    # "Police detained dozens of protesters in Osh": no figure to attach to the protest.
    records = group_reports([report(EventType.PROTEST), report(EventType.ARREST, at=30)])
    assert {r.event_type for r in records} == {EventType.PROTEST, EventType.ARREST}


def test_arrests_with_a_count_are_the_protests_arrests() -> None:
    records = group_reports(
        [report(EventType.PROTEST), report(EventType.ARREST, at=30, arrested=40)]
    )
    assert len(records) == 1
    assert records[0].arrests == 40
    assert sub_event_type(records[0]) == "Protest with intervention"


def test_a_country_report_joins_the_one_town_with_that_event_that_day() -> None:
    # "Clashes erupted in Kyrgyzstan on Monday" beside "clashes in Osh on Monday".
    records = group_reports(
        [
            report(EventType.CLASH),
            report(EventType.CLASH, KYRGYZSTAN, precision=Precision.COUNTRY, at=80),
        ]
    )
    assert len(records) == 1
    assert records[0].place == OSH


def test_a_country_report_stays_apart_when_two_towns_could_be_meant() -> None:
    records = group_reports(
        [
            report(EventType.CLASH, OSH),
            report(EventType.CLASH, JALAL_ABAD, at=40),
            report(EventType.CLASH, KYRGYZSTAN, precision=Precision.COUNTRY, at=80),
        ]
    )
    assert len(records) == 3
    assert only(records, EventType.CLASH, KYRGYZSTAN).geo_precision == 3


def test_a_country_report_never_joins_a_town_abroad() -> None:
    records = group_reports(
        [
            report(EventType.PROTEST, NAIROBI),
            report(EventType.PROTEST, KYRGYZSTAN, precision=Precision.COUNTRY, at=80),
        ]
    )
    assert len(records) == 2


def test_a_country_summary_of_many_days_does_not_join_an_undated_town_event() -> None:
    # "Protests spread across Kyrgyzstan from 13 March" and "a rally in Osh" (no day).
    records = group_reports(
        [
            report(EventType.PROTEST, date=None, published=None),
            report(
                EventType.PROTEST,
                KYRGYZSTAN,
                precision=Precision.COUNTRY,
                date="2005-03-13",
                published=None,
                at=90,
            ),
        ]
    )
    assert len(records) == 2


def test_figures_merge_as_acled_and_ccc_code_them() -> None:
    records = group_reports(
        [
            report(EventType.PROTEST),
            report(EventType.CROWD, at=1, crowd_low=5_000, crowd_high=None, claimed_by="police"),
            report(
                EventType.CROWD, at=2, crowd_low=20_000, crowd_high=30_000, claimed_by="organisers"
            ),
            report(EventType.CLASH, at=3),
            report(EventType.CASUALTIES, at=4, killed=4, claimed_by="the opposition"),
            report(EventType.CASUALTIES, at=5, killed=0, claimed_by="the government"),
        ]
    )
    protest, clash = only(records, EventType.PROTEST), only(records, EventType.CLASH)
    assert (protest.size_low, protest.size_high) == (5_000, 30_000)
    assert [c.claimed_by for c in protest.size_claims] == ["police", "organisers"]
    assert protest.disputed  # police and organisers disagree
    assert (clash.fatalities, clash.fatalities_high) == (0, 4)  # the conservative figure first


def test_one_claimant_giving_one_figure_twice_is_no_dispute() -> None:
    records = group_reports(
        [
            report(EventType.CROWD, at=1, crowd_low=900, crowd_high=900, claimed_by="police"),
            report(EventType.CROWD, at=2, crowd_low=900, crowd_high=900, claimed_by="police"),
        ]
    )
    assert not records[0].disputed


@pytest.mark.parametrize(
    ("size_low", "category"),
    [(None, 0), (1, 1), (99, 1), (100, 2), (999, 2), (1_000, 3), (9_999, 3), (10_000, 4)],
)
def test_size_category_follows_ccc(size_low: int | None, category: int) -> None:
    assert size_category(size_low) == category


def test_records_and_ids_do_not_depend_on_the_order_of_reports() -> None:
    reports = [
        report(EventType.PROTEST, source="a.txt"),
        report(EventType.CLASH, source="a.txt", at=20),
        report(EventType.CROWD, source="b.txt", crowd_low=300, crowd_high=None),
        report(EventType.SEIZURE, JALAL_ABAD, source="b.txt", at=7, date="2005-03-20"),
        report(EventType.PROTEST, source="c.txt", date=None, published="2005-03-23"),
    ]
    expected = [record_properties(r) for r in group_reports(reports)]
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert [record_properties(r) for r in group_reports(shuffled)] == expected
    assert len({p["event_id"] for p in expected}) == len(expected)


def test_every_schema_field_is_written_and_the_csv_has_acled_coordinates() -> None:
    records = group_reports([report(EventType.PROTEST), report(EventType.ARREST, arrested=3)])
    assert list(record_properties(records[0])) == [f.name for f in RECORD_SCHEMA]
    header = record_csv(records).splitlines()[0].split(",")
    assert header[-3:] == ["latitude", "longitude", "geometry"]
    for field in RECORD_SCHEMA:
        value = record_properties(records[0])[field.name]
        assert value is not None or field.nullable, field.name


def test_extract_level_events_groups_the_seed_reports(tmp_path: Path) -> None:
    runner = CliRunner()
    reports_file, events_file = tmp_path / "reports.geojson", tmp_path / "events.geojson"
    seeds = str(ROOT / "seeds")
    assert (
        runner.invoke(
            app, ["extract", seeds, "--level", "reports", "-o", str(reports_file)]
        ).exit_code
        == 0
    )
    result = runner.invoke(app, ["extract", seeds, "--level", "events", "-o", str(events_file)])
    assert result.exit_code == 0, result.output
    reports = json.loads(reports_file.read_text(encoding="utf-8"))["features"]
    events = json.loads(events_file.read_text(encoding="utf-8"))["features"]
    assert len(events) < len(reports) / 3
    # All three seeds tell of the Jalal-Abad unrest (000 the clashes, 001 the raid on the
    # administration, 002 the burning of the police station): at least one Jalal-Abad
    # event must be confirmed by two sources.
    jalal_abad = [f["properties"] for f in events if f["properties"]["place"] == "Jalal-Abad"]
    assert max(p["n_sources"] for p in jalal_abad) >= 2
    assert sum(p["n_reports"] for p in map(lambda f: f["properties"], events)) == len(reports)


def test_the_same_report_at_another_offset_is_another_report() -> None:
    first = report(EventType.PROTEST)
    records = group_reports([first, replace(first, char_start=99, char_end=120)])
    assert len(records[0].reports) == 2
