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


# Issue 10: event places on news geomap was not written for. Each table holds made-up
# reports, with the (type, place) pairs a reader would code, and those that must not appear.


def _pairs(gaz: Gazetteer, text: str, date: str = "2024-06-25") -> set[tuple[str, str]]:
    article = Article(source="report.txt", text=text, date=date)
    return {(e.event_type.value, e.place.name) for e in extract_events(article, gaz)}


CASES_CARRY_OVER = [
    # class 1: a place carries to the next sentence of the same scene ...
    (
        "Protesters rallied in Kisumu on Monday. Police fired tear gas at them.",
        {("clash", "Kisumu")},
        set(),
    ),
    # ... and through wire copy's one-sentence paragraphs
    (
        "Thousands rallied in Kisumu on Monday.\n\nPolice fired tear gas to disperse them.",
        {("clash", "Kisumu")},
        set(),
    ),
    # ... or to an anaphor, even a paragraph later
    (
        "Protesters gathered in Mombasa on Monday. They waved flags and sang.\n\n"
        "Later, a police station in the city was set on fire.",
        {("clash", "Mombasa")},
        set(),
    ),
    # never across a paragraph of several sentences to an unrelated one
    (
        "Protests took place in Kisumu on Monday. They were peaceful.\n\n"
        "Some opponents of the law were later detained.",
        {("protest", "Kisumu")},
        {("arrest", "Kisumu")},
    ),
    # a list of places is a summary, not a scene
    (
        "Marches were also held in Eldoret, Nyeri and Machakos. Officers shot dead three "
        "bystanders.",
        {("protest", "Eldoret"), ("protest", "Machakos")},
        {("clash", "Eldoret"), ("casualties", "Nyeri"), ("clash", "Machakos")},
    ),
    # never across a sentence that names another place
    (
        "Protesters rallied in Kisumu. In Washington, the State Department said it was "
        "concerned. Officers arrested 20 people.",
        {("protest", "Kisumu")},
        {("arrest", "Kisumu"), ("arrest", "Washington")},
    ),
    # when the article names a city, a country is never carried
    (
        "Rioting erupted in Riga on Friday. It was the worst disorder in Latvia since "
        "1991. In the violence, a young man was fatally stabbed.",
        {("clash", "Riga")},
        {("casualties", "Latvia")},
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES_CARRY_OVER)
def test_places_carry_only_where_the_scene_continues(
    gaz: Gazetteer, text: str, present: set, absent: set
) -> None:
    found = _pairs(gaz, text)
    assert present <= found
    assert not absent & found


CASES_DATELINE = [
    # class 2: the dateline city is where unplaced events happen
    ("NAIROBI, June 25 – Police fired tear gas at protesters.", {("clash", "Nairobi")}),
    ("Colombo: Thousands of students marched against the new tax.", {("protest", "Colombo")}),
    (
        "OSH (AFP) – Demonstrators seized the regional administration building.",
        {("seizure", "Osh")},
    ),
    # the country after the dateline's city belongs to the dateline
    ("NAIROBI, Kenya — Police fired tear gas at protesters.", {("clash", "Nairobi")}),
    (
        "KYIV, Ukraine (AP) — Thousands rallied against the law.\n\nPolice detained 12 people.",
        {("protest", "Kyiv"), ("arrest", "Kyiv")},
    ),
]


def test_the_country_of_a_dateline_is_not_an_event_place(gaz: Gazetteer) -> None:
    found = _pairs(gaz, "NAIROBI, Kenya — Police fired tear gas at protesters.")
    assert not [pair for pair in found if pair[1] == "Kenya"]


@pytest.mark.parametrize(("text", "present"), CASES_DATELINE)
def test_datelines_place_the_story(gaz: Gazetteer, text: str, present: set) -> None:
    assert present <= _pairs(gaz, text)


def test_a_place_named_in_the_story_beats_the_dateline(gaz: Gazetteer) -> None:
    text = "NAIROBI, June 25 – Police fired tear gas at protesters in Kisumu."
    found = _pairs(gaz, text)
    assert ("clash", "Kisumu") in found
    assert ("clash", "Nairobi") not in found


CASES_CLAUSES = [
    # class 3: each trigger binds to the place of its own clause (the seizers are supporters
    # of a candidate, not protesters: protesters taking a building would be a protest too)
    (
        "Supporters seized the governor's office in Jalal-Abad, and hundreds rallied in Osh.",
        {("seizure", "Jalal-Abad"), ("protest", "Osh")},
        {("seizure", "Osh"), ("protest", "Jalal-Abad")},
    ),
    (
        "Police detained 30 people in Mombasa; in Kisumu, marchers blocked the highway.",
        {("arrest", "Mombasa"), ("protest", "Kisumu")},
        {("arrest", "Kisumu")},
    ),
    # one clause, several places: every event at every place
    (
        "Demonstrators clashed with police in Mombasa and Kisumu.",
        {("clash", "Mombasa"), ("clash", "Kisumu")},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES_CLAUSES)
def test_clause_level_binding(gaz: Gazetteer, text: str, present: set, absent: set) -> None:
    found = _pairs(gaz, text)
    assert present <= found
    assert not absent & found


CASES_NOT_EVENTS = [
    # class 4: statements and condemnations from elsewhere
    (
        "Protesters clashed with police in Tbilisi. Amnesty International and the United "
        "States condemned the violence.",
        {("clash", "Tbilisi")},
        {"United States"},
    ),
    # the outlet's name
    (
        "Voice of America reported that protesters marched in Harare.",
        {("protest", "Harare")},
        {"United States"},
    ),
    # photo credits, timestamps, share buttons and source lists
    (
        "Police lobbed tear gas at marchers in Nairobi. (Jane Doe/Reuters)\n"
        "Updated 17:27 UK\nShare on Facebook\nSources: Reuters, Kyiv Post",
        {("clash", "Nairobi")},
        {"United Kingdom", "Kyiv"},
    ),
    # a currency, an agreement's name and a newspaper's name
    (
        "Students marched in Gitega with placards calling for a return to the Arusha accord, "
        "after the weekly Ndongozi was shut, costing US$3 million.",
        {("protest", "Gitega")},
        {"Arusha", "United States"},
    ),
    # a town's region in an address
    (
        "Troops fired on marchers at Paucarpata, Arequipa, on Tuesday.",
        {("clash", "Paucarpata")},
        {"Arequipa"},
    ),
    # the destination of a plan
    (
        "Marchers in Huancayo planned to walk on to Lima to protest.",
        set(),
        {"Lima"},
    ),
]


@pytest.mark.parametrize(("text", "present", "absent_places"), CASES_NOT_EVENTS)
def test_not_event_places(gaz: Gazetteer, text: str, present: set, absent_places: set) -> None:
    found = _pairs(gaz, text)
    assert present <= found
    assert not {place for _, place in found} & absent_places


CASES_FUTURE = [
    ("A rally is planned for tomorrow in Kisumu.", set()),
    ("Those who throw stones in Mombasa will be arrested, police warned.", set()),
    (
        "Thousands marched in Kisumu on Monday; another rally is planned for Friday.",
        {("protest", "Kisumu")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES_FUTURE)
def test_future_and_planned_events_are_not_reported(
    gaz: Gazetteer, text: str, expected: set
) -> None:
    found = {pair for pair in _pairs(gaz, text) if pair[0] != "crowd"}
    assert found == expected


def _events(gaz: Gazetteer, text: str) -> list[Event]:
    return extract_events(Article(source="r.txt", text=text, date="2024-06-25"), gaz)


def test_counter_estimates_keep_their_claimants_and_are_disputed(gaz: Gazetteer) -> None:
    # class 7
    text = (
        "The march in Belgrade drew a vast crowd: organisers said 190,000 while police put it "
        "at 128,000."
    )
    crowds = {(e.crowd_low, e.claimed_by, e.disputed) for e in _events(gaz, text) if e.crowd_low}
    assert crowds == {(190_000, "organisers", True), (128_000, "police", True)}


def test_government_and_opposition_figures_are_a_dispute(gaz: Gazetteer) -> None:
    text = (
        "Opposition leaders said 20,000 people rallied in Osh on Monday.\n\n"
        "The government said about 5,000 people took part in the rally in Osh."
    )
    crowds = [e for e in _events(gaz, text) if e.event_type is EventType.CROWD]
    assert {e.crowd_low for e in crowds} == {20_000, 5_000}
    assert all(e.disputed for e in crowds)


def test_a_toll_counter_estimate_is_a_second_disputed_toll(gaz: Gazetteer) -> None:
    text = (
        "At least nineteen people died in clashes in Lusaka. The Red Cross put the figure "
        "at eleven."
    )
    tolls = {(e.killed, e.disputed) for e in _events(gaz, text) if e.killed}
    assert tolls == {(19, True), (11, True)}
    assert not [e for e in _events(gaz, text) if e.event_type is EventType.CROWD]


def test_a_denial_disputes_and_is_never_the_source(gaz: Gazetteer) -> None:
    text = (
        "Witnesses said five protesters were killed in Andijan.\n\n"
        "Police denied that anyone had died."
    )
    tolls = [e for e in _events(gaz, text) if e.killed == 5]
    assert tolls and all(e.disputed for e in tolls)
    assert all(e.claimed_by == "Witnesses" for e in tolls)
    assert not [e for e in _events(gaz, text) if "Police" in e.claimed_by]


def test_arrest_counts_are_not_crowds(gaz: Gazetteer) -> None:
    events = _events(gaz, "About 20 people were apprehended in Almaty on Sunday.")
    assert {e.event_type for e in events} == {EventType.ARREST}


CASES_CAPTIONS = [
    # class 8: a verbless photo caption is a protest report
    ("Protesters in Aktobe on January 4\n\nThe government resigned.", {("protest", "Aktobe")}),
    ("Protests on 16 August in Minsk\n", {("protest", "Minsk")}),
    # a caption gives the protest it shows, not what else is in the picture
    ("Tyres set alight by demonstrators in Jacmel, May 2020\n", {("protest", "Jacmel")}),
    # a related-story link is not a caption
    ("Protests before Kyrgyzstan vote\n23 Feb 05 | Asia-Pacific\n", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES_CAPTIONS)
def test_captions_report_protests(gaz: Gazetteer, text: str, expected: set) -> None:
    assert _pairs(gaz, text) == expected


INFOBOX = """= 2031 Example protests =

Infobox
- Title: 2031 Example protests
- Place: Kisumu, Mombasa and Nakuru
- Methods: Demonstrations, rioting
- Howmany1: Up to 40,000 in Kisumu , Up to 9,000 in Mombasa

Number
12,000 (Nakuru)

Unrest started in April over bread prices.
"""

INFOBOX_ONE_CITY = """= Example riot =

Infobox
- Place: Kaunas, Lithuania
- Fatalities: 1
- Arrests: 1,000+
- Injuries: 0

Two nights of rioting over a statue's removal shook the city.
"""


def test_an_infobox_lists_places_and_crowds(gaz: Gazetteer) -> None:
    events = _events(gaz, INFOBOX)
    pairs = {(e.event_type.value, e.place.name) for e in events}
    assert {("protest", "Kisumu"), ("protest", "Mombasa"), ("protest", "Nakuru")} <= pairs
    crowds = {(e.place.name, e.crowd_low) for e in events if e.crowd_low}
    assert crowds == {("Kisumu", 40_000), ("Mombasa", 9_000), ("Nakuru", 12_000)}
    # tolls need the one city the infobox is about: there are three here
    assert not [e for e in events if e.killed or e.arrested]


def test_a_one_city_infobox_gives_its_tolls(gaz: Gazetteer) -> None:
    events = _events(gaz, INFOBOX_ONE_CITY)
    tolls = {(e.event_type.value, e.place.name, e.killed, e.arrested, e.injured) for e in events}
    assert ("casualties", "Kaunas", 1, None, None) in tolls
    assert ("arrest", "Kaunas", None, 1_000, None) in tolls
    assert not [e for e in events if e.injured == 0]  # a zero toll is no event
    assert not [e for e in events if e.place.name == "Lithuania"]


def test_an_infobox_in_a_page_about_something_else_gives_nothing(gaz: Gazetteer) -> None:
    text = "= Example town =\n\n- Place: Kisumu, Kenya\n- Population: 600,000\n"
    assert _events(gaz, text) == []


def test_every_event_place_rule_explains_itself_with_an_example() -> None:
    # The rule tables are what a newcomer reads to learn why a name was or was not taken.
    from geomap.event_places import NOT_EVENT_PLACE_RULES, SCENE_RULES

    for rule in (*NOT_EVENT_PLACE_RULES, *SCENE_RULES):
        assert "Example:" in rule.doc, rule.name
    names = [rule.name for rule in (*NOT_EVENT_PLACE_RULES, *SCENE_RULES)]
    assert len(names) == len(set(names))


WHY_NOT = [
    ("Voice of America reported it.", "America", "outlet_name"),
    ("Placards called for a return to the Arusha accord.", "Arusha", "agreement_name"),
    ("Updated 17:27 UK", "UK", "timestamp"),
    ("Damage reached US$2 million.", "US", "currency"),
    ("Naivasha, a town northwest of Nairobi, saw clashes.", "Nairobi", "distance_reference"),
    ("Troops from Bishkek arrived.", "Bishkek", "origin"),
    ("Kenya's president said the rally was illegal.", "Kenya", "office"),
    ("Amnesty International and the US condemned the clashes.", "US", "statement_subject"),
    ("Protesters marched in Kisumu.", "Kisumu", None),
]


@pytest.mark.parametrize(("sentence", "name", "rule"), WHY_NOT)
def test_the_rule_that_says_why_a_place_is_not_an_event_place(
    gaz: Gazetteer, sentence: str, name: str, rule: str | None
) -> None:
    from geomap.event_places import PlaceCue, not_event_place
    from geomap.places import find_mentions
    from geomap.sentences import Span

    mention = next(m for m in find_mentions(sentence, gaz) if m.text == name)
    found = not_event_place(PlaceCue(sentence, Span(0, len(sentence), 0), mention))
    assert (found.name if found else None) == rule


INFOBOX_LINES = [
    # line, (place words, low, high) of the crowd it gives, or None
    ("4,000 [2] - 12,000 [3] (Braga)", ("Braga", 4_000, 12_000)),
    ("  • Lyon: ~3,000–20,000[14]", ("Lyon", 3_000, 20_000)),
    ("- Howmany2: From 15,000 up to 25,000 in Porto", ("Porto", 15_000, 25_000)),
    ("~40,000 gendarmes and troops[9]", None),  # the security forces are no crowd
    ("Kyiv: 12:30", None),  # a time
    ("- Date: 2012-01-02", None),  # a field's key is not a place
    ("- Title: 2031 Example protests", None),
    # a page's title line: the year in it is no crowd
    ("Events of May 1958 (Malta)", None),
    ("1983 general strike (Bolivia)", None),
    ("2,000 (Valletta)", ("Valletta", 2_000, 2_000)),
]


@pytest.mark.parametrize(("line", "expected"), INFOBOX_LINES)
def test_infobox_crowd_lines(line: str, expected: tuple[str, int, int] | None) -> None:
    from geomap.infobox import FieldKind, fields

    crowds = [f for f in fields(line) if f.kind == FieldKind.CROWD]
    if expected is None:
        assert crowds == []
    else:
        assert [(line[f.start : f.end], f.low, f.high) for f in crowds] == [expected]


CASES_MORE = [
    # the dateline's sentence happens at the dateline, even when it names an office too
    (
        "COLOMBO, SRI LANKA — Protesters stormed the residence of Sri Lanka's president.",
        {("seizure", "Colombo")},
        {("seizure", "Sri Lanka")},
    ),
    # what a denial denies is not reported
    (
        "Thousands marched in Minsk on Sunday. Police denied that rubber bullets were used.",
        {("protest", "Minsk")},
        {("clash", "Minsk")},
    ),
    # "the capital" is the scene's largest city, not every city of the scene
    (
        "Students clashed with police in Dhaka, and hundreds rallied in Chittagong. At least "
        "six people were killed in the capital.",
        {("casualties", "Dhaka")},
        {("casualties", "Chattogram")},
    ),
    # protesters breaking through police barricades are still the ones who occupy the road
    (
        "In Colombo, demonstrators broke through police barricades and occupied the main road.",
        {("protest", "Colombo")},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES_MORE)
def test_datelines_denials_and_anaphors(
    gaz: Gazetteer, text: str, present: set, absent: set
) -> None:
    found = _pairs(gaz, text)
    assert present <= found
    assert not absent & found


def test_a_nationwide_crowd_is_not_one_citys_crowd(gaz: Gazetteer) -> None:
    text = "Hundreds of thousands turned out in large towns across Chile, above all in Valparaíso."
    events = _events(gaz, text)
    assert ("protest", "Valparaíso") in {(e.event_type.value, e.place.name) for e in events}
    assert not [e for e in events if e.crowd_low and e.place.name == "Valparaíso"]


def test_a_citys_own_crowd_stays_its_own(gaz: Gazetteer) -> None:
    events = _events(gaz, "Some 4,000 people rallied in Valparaíso's harbour square on Saturday.")
    assert {(e.place.name, e.crowd_low) for e in events if e.crowd_low} == {("Valparaíso", 4_000)}


DENIAL_TOPICS = [
    # a denial disputes the figures of its own kind only
    ("Police denied that anyone had died.", "killed", True),
    ("Police denied that anyone had died.", "crowd_low", False),
    ("The ministry denied opening fire on the crowd.", "killed", False),
    ("Officials dismissed the reports as baseless.", "crowd_low", True),
]


@pytest.mark.parametrize(("denial", "figure", "disputed"), DENIAL_TOPICS)
def test_a_denial_disputes_figures_of_its_own_kind(
    gaz: Gazetteer, denial: str, figure: str, disputed: bool
) -> None:
    text = "About 5,000 people rallied in Osh, and two protesters were killed.\n\n" + denial
    events = [e for e in _events(gaz, text) if getattr(e, figure)]
    assert events and all(e.disputed is disputed for e in events)


# A toll scoped to the whole country is the country's: the city of the sentence before does
# not inherit it, and a city named with its share gets the share.
# (text, expected (event type, place, arrested or killed) rows, rows that must be absent)
NATIONAL_SCOPE = [
    (
        "Police fired tear gas at marchers in Kumasi on Monday. Officials in Ghana said 60 "
        "people had been arrested across the country.",
        {("arrest", "Ghana", 60)},
        {("arrest", "Kumasi", 60)},
    ),
    # the article names no country: the figure goes nowhere rather than to the city
    (
        "Students rallied in Kumasi on Monday. Officials said 60 people had been arrested "
        "nationwide.",
        set(),
        {("arrest", "Kumasi", 60)},
    ),
    (
        "Unrest gripped Peru. Marchers blocked roads in Cusco on Friday. The police said about "
        "800 people were detained nationwide, including 250 in Cusco.",
        {("arrest", "Peru", 800), ("arrest", "Cusco", 250)},
        {("arrest", "Cusco", 800)},
    ),
    (
        "Rioting spread from Leeds on Tuesday. More than 900 arrests had been made across "
        "England by the weekend.",
        {("arrest", "England", 900)},
        {("arrest", "Leeds", 900)},
    ),
    # a count of the city's own stays the city's
    (
        "Protesters marched in Cusco on Friday. Police detained 35 people in the city.",
        {("arrest", "Cusco", 35)},
        set(),
    ),
    (
        "Police clashed with marchers in Cusco. Officials said 12 people had been killed "
        "throughout the country.",
        set(),
        {("casualties", "Cusco", 12)},
    ),
]


def _tolls(gaz: Gazetteer, text: str) -> set[tuple[str, str, int | None]]:
    return {
        (e.event_type.value, e.place.name, e.arrested if e.arrested is not None else e.killed)
        for e in _events(gaz, text)
        if e.event_type in (EventType.ARREST, EventType.CASUALTIES)
    }


@pytest.mark.parametrize(("text", "present", "absent"), NATIONAL_SCOPE)
def test_a_national_toll_is_the_countrys(
    gaz: Gazetteer, text: str, present: set, absent: set
) -> None:
    found = _tolls(gaz, text)
    assert present <= found
    assert not absent & found


# A crowd counted over the whole country is no city's crowd either.
NATIONAL_CROWDS = [
    (
        "Police fired tear gas at marchers in Kumasi, Ghana, on Monday. Across the country, "
        "some 200,000 people marched.",
        {("Ghana", 200_000)},
        {("Kumasi", 200_000)},
    ),
    (
        "Across Ghana, about 90,000 people marched on Sunday, 30,000 of them in Kumasi.",
        {("Ghana", 90_000), ("Kumasi", 30_000)},
        {("Kumasi", 90_000)},
    ),
    # a scope word that is not the country's leaves the city its crowd
    ("Across the river, 3,000 people rallied in Kumasi.", {("Kumasi", 3_000)}, set()),
]


@pytest.mark.parametrize(("text", "present", "absent"), NATIONAL_CROWDS)
def test_a_national_crowd_is_the_countrys(
    gaz: Gazetteer, text: str, present: set, absent: set
) -> None:
    found = {(e.place.name, e.crowd_low) for e in _events(gaz, text) if e.crowd_low}
    assert present <= found
    assert not absent & found


def test_a_national_toll_is_placed_at_country_precision(gaz: Gazetteer) -> None:
    text = "Marchers blocked roads in Cusco. About 800 people were detained across Peru."
    events = [e for e in _events(gaz, text) if e.arrested == 800]
    assert [(e.place.name, e.precision.value) for e in events] == [("Peru", "country")]


def test_two_estimates_of_one_crowd_in_one_sentence_are_both_kept(gaz: Gazetteer) -> None:
    text = (
        "In Quito, a crowd of about 7,000 gathered outside the palace, according to the "
        "police; organisers put the figure at 40,000."
    )
    crowds = {(e.crowd_low, e.claimed_by, e.disputed) for e in _events(gaz, text) if e.crowd_low}
    assert crowds == {(7_000, "the police", True), (40_000, "organisers", True)}


SEIZURES_BY_PROTESTERS = [
    ("Protesters stormed the town hall in Arequipa on Monday.", {("protest", "Arequipa")}),
    ("A crowd seized the airport in Arequipa.", {("protest", "Arequipa")}),
    # soldiers taking a building are not a protest
    ("Soldiers seized the television station in Arequipa.", set()),
]


@pytest.mark.parametrize(("text", "protests"), SEIZURES_BY_PROTESTERS)
def test_protesters_storming_a_building_is_a_protest_there(
    gaz: Gazetteer, text: str, protests: set
) -> None:
    found = {pair for pair in _pairs(gaz, text) if pair[0] == "protest"}
    assert found == protests
