"""Towns below the gazetteer's size line, read from GeoNames' postal localities.

The sentences are our own. Each case names the town a reader would place the event in, from
the story's own clues (its country, its other towns, a qualifier after the name), and the
namesake or wrong reading that must not win. Points are checked against where the towns
lie (South Africa's Vaal townships near 26.6 S 27.8 E; Nandigram of West Bengal near
22.0 N 87.9 E), not pasted from output.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Kind
from gazetteer.build_localities import RULES, PostalRule, _Words
from gazetteer.hygiene import Vocabulary
from gazetteer.localities import Localities, LocalityPlace
from gazetteer.normalize import fold
from geomap.extract import extract_events
from geomap.model import Article
from geomap.places import find_mentions
from geomap.places import great_circle_km as km


def _town(gaz: Gazetteer, text: str, name: str) -> LocalityPlace | None:
    found = [m.place for m in find_mentions(text, gaz) if m.text == name]
    places = [p for p in found if isinstance(p, LocalityPlace)]
    return places[0] if places else None


READ = [
    # A township of the story's country, near its other towns.
    (
        "Police fired on a crowd in Sebokeng on Monday, 50 km south of Johannesburg.",
        "Sebokeng",
        (-26.58, 27.83),
    ),
    (
        "In Sakhile township outside Standerton, residents barricaded roads in Mpumalanga.",
        "Sakhile",
        (-26.97, 29.20),
    ),
    # Two Nandigrams in India: the story's Kolkata picks West Bengal's, its Cuttack Odisha's.
    (
        "Police opened fire on villagers in Nandigram, 150 km from Kolkata.",
        "Nandigram",
        (22.00, 87.96),
    ),
    (
        "Farmers blocked the road in Nandigram, a village south-east of Cuttack.",
        "Nandigram",
        (20.22, 86.34),
    ),
    # A qualifier right after the name picks the namesake inside it.
    (
        "Miners marched in Phulbari, Dinajpur, against the open-pit coal mine in Bangladesh.",
        "Phulbari",
        (25.50, 88.95),
    ),
]


@pytest.mark.parametrize(("text", "name", "point"), READ)
def test_an_introduced_town_of_the_storys_country_is_read(
    gaz: Gazetteer, text: str, name: str, point: tuple[float, float]
) -> None:
    town = _town(gaz, text, name)
    assert town is not None
    assert town.kind is Kind.CITY
    assert km(town.lat, town.lon, *point) < 10
    assert town.place_id.startswith("geonames-postal:")
    assert not town.is_geonames  # no GeoNames id is invented for it


NOT_READ = [
    # The story is about Chile: a South African township's name is no place here.
    ("Students marched in Santiago and in Sebokeng Street, police said.", "Sebokeng"),
    # Belfast's Ardoyne is no village of Aberdeenshire, 400 km away across the sea.
    ("Rioting spread from the Falls Road to Ardoyne in Belfast, and in Ardoyne.", "Ardoyne"),
    # Phulbari is a town in Bangladesh and in India; a story naming neither's towns is silent.
    ("Thousands protested in Phulbari, organisers said, as India watched.", "Phulbari"),
    # A quarter of a metropolis the story names is the city's (Taksim, 4 km from Istanbul).
    ("The crowd gathered in Taksim on Sunday as police sealed off Istanbul.", "Taksim"),
    # Not introduced as a place: the name only heads a noun.
    ("Workers at the Sebokeng hospital in Johannesburg went on strike.", "Sebokeng"),
]


@pytest.mark.parametrize(("text", "name"), NOT_READ)
def test_a_name_the_story_does_not_place_is_left_alone(
    gaz: Gazetteer, text: str, name: str
) -> None:
    assert _town(gaz, text, name) is None


def test_the_event_goes_to_the_township_not_the_dateline(gaz: Gazetteer) -> None:
    text = (
        "JOHANNESBURG, Sept 3 - Police fired on stone-throwing residents in Sebokeng on "
        "Monday, killing six people, a police spokesman said in Pretoria."
    )
    article = Article(source="report.txt", text=text, date="1984-09-03")
    events = extract_events(article, gaz)
    places = {e.place.name for e in events}
    assert "Sebokeng" in places
    sebokeng = [e for e in events if e.place.name == "Sebokeng"]
    assert {e.event_type.value for e in sebokeng} >= {"clash"}
    assert "Johannesburg" not in places and "Pretoria" not in places


INTRODUCED = [
    # after a locational adjective, or as "the town of X", a name is introduced as a place
    (
        "VEREENIGING - In neighbouring Sharpeville, residents marched on the council offices "
        "against the rent increases.",
        "Sharpeville",
        {("protest", "Sharpeville")},
    ),
    (
        "Police fired on a crowd near the northern township of Sakhile, outside Standerton, "
        "killing two people.",
        "Sakhile",
        {("clash", "Sakhile"), ("casualties", "Sakhile")},
    ),
    # a town GeoNames files under its Arabic article (Al Ḩawījah), written without it
    (
        "KIRKUK, Iraq, April 23 (Wire) - Security forces stormed a protest camp near the "
        "northern town of Hawija at dawn, setting off clashes that killed 27 people.",
        "Hawija",
        {("clash", "Al Ḩawījah"), ("casualties", "Al Ḩawījah")},
    ),
]


@pytest.mark.parametrize(("text", "name", "wanted"), INTRODUCED)
def test_a_town_introduced_by_its_noun_or_an_adjective_is_the_event_place(
    gaz: Gazetteer, text: str, name: str, wanted: set[tuple[str, str]]
) -> None:
    article = Article(source="report.txt", text=text, date="2013-04-23")
    found = {(e.event_type.value, e.place.name) for e in extract_events(article, gaz)}
    assert wanted <= found
    # the dateline city is where the reporter files from, not the event place
    assert not {place for _, place in found} & {"Kirkuk", "Vereeniging", "Standerton"}


def test_an_article_about_a_town_without_its_article_stays_unread_elsewhere(
    gaz: Gazetteer,
) -> None:
    mentions = find_mentions("Students protested in Santiago and near Hawija.", gaz)
    assert [m.place.name for m in mentions] == ["Santiago"]


def test_a_dateline_the_story_says_is_elsewhere_places_nothing(gaz: Gazetteer) -> None:
    text = (
        "JOHANNESBURG, Sept. 3 (Wire) - At least 26 people were killed on Monday when "
        "protests against rent increases turned into running battles with police in the "
        "townships of the Vaal Triangle, about 35 miles south of here, the police said."
    )
    article = Article(source="report.txt", text=text, date="1984-09-03")
    assert {e.place.name for e in extract_events(article, gaz)} == set()


def test_the_localities_file_holds_no_description_or_gazetteer_name() -> None:
    localities = Localities.default()
    # Made of ordinary words: a post office's building, found in many towns.
    assert localities.find("Parliament House", frozenset({"AU", "IN"})) == ()
    assert localities.find("Police Lines", frozenset({"IN"})) == ()
    # Held by the main gazetteer, which decides it with population and alternate names.
    assert localities.find("Aberdeen", frozenset({"GB"})) == ()
    # Only the countries asked for are searched.
    assert localities.find("Sebokeng", frozenset({"CL"})) == ()
    assert [t.country_code for t in localities.find("Sebokeng", frozenset({"ZA"}))] == ["ZA"]


_WORDS = _Words(
    Vocabulary(common_words=frozenset({"union"}), demonyms=frozenset({"bengali"})),
    lower_case_words=frozenset({"police", "lines", "high", "court", "parliament", "house"}),
    gazetteer_keys=frozenset({"aberdeen"}),
)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_build_rule_removes_its_example_and_keeps_a_town(rule: PostalRule) -> None:
    assert rule.removes(rule.example, fold(rule.example), _WORDS)
    assert not rule.removes("Sebokeng", "sebokeng", _WORDS)
