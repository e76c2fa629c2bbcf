"""Extraction on the seed articles, against the hand-written gold (tests/gold/seed_events.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from geomap.extract import extract_events
from geomap.model import Article, Event, EventType, Precision
from geomap.sources import iter_articles

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((Path(__file__).parent / "gold" / "seed_events.json").read_text("utf-8"))
IDS = GOLD["places"]
JALAL_ABAD, OSH = IDS["Jalal-Abad"], IDS["Osh"]
SEED_000 = "000_862050ed1c4916d1.txt"
SEED_001 = "001_a06f24123c493c60.txt"
SEED_002 = "002_d687500d7c2a08b1.txt"


@pytest.fixture(scope="module")
def events(gaz: Gazetteer) -> dict[str, list[Event]]:
    by_file: dict[str, list[Event]] = {}
    for item in iter_articles([str(ROOT / "seeds")]):
        assert isinstance(item, Article)
        by_file[Path(item.source).name] = extract_events(item, gaz)
    return by_file


def _find(events: list[Event], kind: str, place_id: int, quote: str) -> Event | None:
    return next(
        (
            e
            for e in events
            if e.event_type.value == kind and e.place.geonameid == place_id and quote in e.quote
        ),
        None,
    )


@pytest.mark.parametrize(
    "gold", GOLD["events"], ids=lambda g: f"{g['source'][:3]}-{g['event_type']}-{g['place']}"
)
def test_every_gold_event_is_found_with_its_figures(
    events: dict[str, list[Event]], gold: dict
) -> None:
    found = _find(events[gold["source"]], gold["event_type"], IDS[gold["place"]], gold["quote"])
    assert found is not None, gold["quote"]
    for name in ("crowd_low", "crowd_high", "killed", "injured", "arrested", "disputed"):
        if name in gold:
            assert getattr(found, name) == gold[name], name
    if "claimed_by" in gold:
        assert gold["claimed_by"] in found.claimed_by
    if "inferred" in gold:
        assert found.inferred is gold["inferred"]
    if "precision" in gold:
        assert found.precision is Precision(gold["precision"])
    if gold.get("date", "").startswith("2005"):
        assert found.date == gold["date"]
    for surface in gold.get("mentions", []):
        assert surface in found.mentions


@pytest.mark.parametrize("source", [SEED_000, SEED_001, SEED_002])
def test_each_article_has_events_at_osh_and_jalal_abad(
    events: dict[str, list[Event]], source: str
) -> None:
    places = {e.place.geonameid for e in events[source]}
    assert {OSH, JALAL_ABAD} <= places


def test_jala_abad_resolves_to_jalal_abad(events: dict[str, list[Event]]) -> None:
    spelled = [e for e in events[SEED_000] if "Jala-abad" in e.mentions]
    assert spelled
    assert {e.place.geonameid for e in spelled} == {JALAL_ABAD}


def test_crowd_figures_and_who_claimed_them(events: dict[str, list[Event]]) -> None:
    def crowds(source: str) -> set[tuple[int | None, int | None, int]]:
        return {
            (e.crowd_low, e.crowd_high, e.place.geonameid)
            for e in events[source]
            if e.event_type is EventType.CROWD
        }

    assert (10000, 10000, JALAL_ABAD) in crowds(SEED_000)
    assert (2000, 2000, JALAL_ABAD) in crowds(SEED_000)
    assert (20000, 30000, JALAL_ABAD) in crowds(SEED_001)
    assert (10000, 10000, JALAL_ABAD) in crowds(SEED_001)
    assert (300, 400, OSH) in crowds(SEED_001)
    assert (1000, 1000, OSH) in crowds(SEED_002)
    claims = {
        (e.crowd_low, e.claimed_by)
        for e in events[SEED_001]
        if e.event_type is EventType.CROWD and e.place.geonameid == JALAL_ABAD
    }
    assert (20000, "Opposition leaders") in claims
    assert (10000, "Government spokesman Orazaly Karasartov") in claims


def test_no_event_at_origins_references_or_comparisons(events: dict[str, list[Event]]) -> None:
    names = {e.place.name for evs in events.values() for e in evs}
    assert not names & set(GOLD["not_event_places"])


def test_page_furniture_gives_no_events(events: dict[str, list[Event]]) -> None:
    text = (ROOT / "seeds" / SEED_002).read_text("utf-8")
    footer = text.index("Scenes of violence on Kyrgyzstan's streets")
    assert all(e.char_start < footer for e in events[SEED_002])


def test_quotes_are_verbatim_sentences(events: dict[str, list[Event]]) -> None:
    for source, evs in events.items():
        text = (ROOT / "seeds" / source).read_text("utf-8")
        for e in evs:
            assert text[e.char_start : e.char_end] == e.quote


def test_relative_dates_resolve_against_the_article_date(events: dict[str, list[Event]]) -> None:
    sunday = _find(events[SEED_002], "seizure", JALAL_ABAD, "effective seizure")
    friday = _find(events[SEED_002], "seizure", OSH, "first stormed")
    assert sunday is not None and (sunday.date, sunday.date_text) == ("2005-03-20", "on Sunday")
    assert friday is not None and (friday.date, friday.date_text) == ("2005-03-18", "on Friday")
    assert sunday.source_date == "2005-03-21"


def test_an_allowed_fallback_places_names_the_gazetteer_lacks(gaz: Gazetteer) -> None:
    from gazetteer import Kind, Place

    text = "Thousands of protesters gathered in Zorkbayat on Monday, police said."
    asked: list[tuple[str, str | None]] = []
    village = Place(-7, "Zorkbayat", Kind.CITY, "KG", "", 41.0, 73.0, 0)

    def fallback(name: str, country: str | None) -> Place | None:
        asked.append((name, country))
        return village if name == "Zorkbayat" else None

    article = Article(source="x.txt", text=text)
    assert extract_events(article, gaz) == []  # offline: an unknown name gives nothing
    events = extract_events(article, gaz, fallback=fallback)
    assert asked == [("Zorkbayat", None)]
    assert {(e.event_type, e.place.name) for e in events} >= {
        (EventType.PROTEST, "Zorkbayat"),
        (EventType.CROWD, "Zorkbayat"),
    }


def test_an_organisations_name_is_not_the_site_of_its_report(gaz: Gazetteer) -> None:
    # The Service reports from Prague; the detentions happened in Osh.
    article = Article(
        source="org.txt",
        text=(
            "Police detained dozens of protesters in Osh on Monday.\n\n"
            "RFE/RL's Kyrgyzstan Service reported that 40 people were detained."
        ),
        date="2005-03-21",
    )
    places = {(e.event_type.value, e.place.name) for e in extract_events(article, gaz)}
    assert ("arrest", "Osh") in places
    assert not any(name == "Kyrgyzstan" for _, name in places)
