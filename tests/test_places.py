"""Place recognition rules that are not covered by the seed gold (see test_extract.py)."""

from __future__ import annotations

from gazetteer import Gazetteer
from geomap.places import find_mentions


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
