"""Place recognition rules that are not covered by the seed gold (see test_extract.py)."""

from __future__ import annotations

from gazetteer import Gazetteer
from geomap.places import find_mentions, mention_json


def _surfaces(text: str, gaz: Gazetteer) -> list[str]:
    return [m.text for m in find_mentions(text, gaz)]


def test_upper_case_datelines_name_places(gaz: Gazetteer) -> None:
    text = "BISHKEK, March 21 (AFP) - Protesters held the regional administration in Osh."
    assert _surfaces(text, gaz) == ["BISHKEK", "Osh"]
    assert _surfaces("NARYN (AFP) - Crowds gathered on Sunday.", gaz) == ["NARYN"]


def test_a_shouted_first_word_is_not_a_dateline(gaz: Gazetteer) -> None:
    # A local paper's opening: "GREEN fingered" is an adjective, not Green, Ohio.
    text = "GREEN fingered youngsters from an Edmonton school have been hard at work."
    assert "GREEN" not in _surfaces(text, gaz)
    assert "Edmonton" in _surfaces(text, gaz)


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
    # Natural Earth knows Transnistria, but no GeoNames-derived package gives it an id: the
    # output must not pass geomap's own stand-in id off as GeoNames'.
    (mention,) = find_mentions("Thousands rallied in Transnistria on Sunday.", gaz)
    assert mention.place.country_code == "MD"
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
