"""Tests for geomap.metadata: dates, titles and outlets read from plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.metadata import TextMetadata, canonical_outlet, find_date, parse_date, text_metadata

SEEDS = Path(__file__).parent / "fixtures" / "inputs" / "good"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2005-03-21", "2005-03-21"),
        ("2005-03-21T10:14:00Z", "2005-03-21"),
        ("2005-03-20T23:30:00-05:00", "2005-03-20"),  # the publisher's own calendar day
        ("2005/03/21 10:14:03", "2005-03-21"),
        ("20050321", "2005-03-21"),
        ("Monday, 21 March, 2005, 10:14 GMT", "2005-03-21"),
        ("21 March 2005", "2005-03-21"),
        ("March 21, 2005", "2005-03-21"),
        ("Mar. 21st 2005", "2005-03-21"),
        ("Sept 3, 2019", "2019-09-03"),
        ("21 Mar 05", "2005-03-21"),
        ("3 Feb 99", "1999-02-03"),
        ("21 марта 2005 г.", "2005-03-21"),
        ("21 de marzo de 2005", "2005-03-21"),
        ("21 mars 2005", "2005-03-21"),
        ("21. März 2005", "2005-03-21"),
        ("2005-02-30", None),  # no such day
        ("21/03/2005", None),  # day and month order is ambiguous
        ("March 2005", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The vote on 13 March 2005 was disputed, and on March 24, 2005 ...", "2005-03-13"),
        ("Protests since 2005-03-18 spread", "2005-03-18"),
        ("No date here, only 2005.", None),
        ("A 2-digit year is not read in prose: 21 Mar 05.", None),
    ],
)
def test_find_date_in_prose(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        pytest.param(
            "BBC News\nLast Updated: Monday, 21 March, 2005, 10:14 GMT\nHeadline here now\nBody.",
            "2005-03-21",
            id="last updated line",
        ),
        pytest.param(
            "Page last updated at 09:12 GMT, Tuesday, 22 March 2005\nBody text.",
            "2005-03-22",
            id="page last updated at",
        ),
        pytest.param(
            "Updated: 2005-03-22\nPublished: 2005-03-21\nBody text.",
            "2005-03-21",
            id="published beats updated",
        ),
        pytest.param(
            "OSH, Kyrgyzstan, March 21, 2005 (AFP) - Protesters seized the building.",
            "2005-03-21",
            id="dateline with year",
        ),
        pytest.param(
            "BISHKEK, March 21 (Reuters) - Protesters seized the building.",
            None,
            id="dateline without year",
        ),
        pytest.param(
            "Protests spread\n2005-03-21\nProtesters seized the building.", "2005-03-21", id="ISO"
        ),
        pytest.param(
            "Protesters seized the building after the 13 March 2005 elections.\nMore text.",
            None,
            id="a date in prose is not the publication date",
        ),
        pytest.param(
            "Story text.\n\nKyrgyz protesters take over town\n21 Mar 05 |  Asia-Pacific\n"
            "Voting ends in close Kyrgyz poll\n13 Mar 05 |  Asia-Pacific\n" + "More.\n" * 20,
            None,
            id="dates of related stories far down",
        ),
        pytest.param(
            "Body text.\nMore body.\nPublished: 4 July 2016", "2016-07-04", id="label at the end"
        ),
    ],
)
def test_text_dates(text: str, iso: str | None) -> None:
    assert text_metadata(text).date == iso


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "[an error occurred while processing this directive]\nBBC News\n"
            "watch One-Minute World News\nLast Updated: Monday, 21 March, 2005, 10:14 GMT\n"
            "Kyrgyz protests hit second city\nOpposition activists have seized buildings.",
            "Kyrgyz protests hit second city",
            id="after page furniture",
        ),
        pytest.param(
            "Title: Students occupy rectorate\n\nStudents occupied the building.",
            "Students occupy rectorate",
            id="labelled",
        ),
        pytest.param(
            "Home | World | Europe\nFarmers block roads across the country\nFarmers drove.",
            "Farmers block roads across the country",
            id="after a navigation line",
        ),
        pytest.param(
            "Police evicted demonstrators from two buildings early today.\nMore text follows.",
            "",
            id="text starts with a sentence",
        ),
        pytest.param(
            "BISHKEK, March 21 (Reuters) - Protesters seized\nthe building.", "", id="dateline"
        ),
        pytest.param("Just one line of text", "", id="nothing after it"),
        pytest.param(
            "Is this the end of the Tulip Revolution?\nBody text here.",
            "Is this the end of the Tulip Revolution?",
            id="question headline",
        ),
    ],
)
def test_titles(text: str, title: str) -> None:
    assert text_metadata(text).title == title


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        pytest.param("BBC NEWS\nHeadline of the day\nBody.", "BBC News", id="masthead line"),
        pytest.param(
            "BISHKEK, March 21 (Reuters) - Protesters seized the building.", "Reuters", id="Reuters"
        ),
        pytest.param("MOSCOW (AP) -- Police detained 30 people.", "Associated Press", id="AP"),
        pytest.param(
            "PARIS, 3 mai 2018 (AFP) - Des milliers de manifestants ont défilé.", "AFP", id="AFP"
        ),
        pytest.param(
            "Body text.\n(Our correspondents in Prague and RFE/RL's Kazakh Service contributed "
            "to this report)",
            "RFE/RL",
            id="credit line",
        ),
        pytest.param(
            "Body text.\n© 2019 The Coastal Herald. All rights reserved.",
            "The Coastal Herald",
            id="copyright line",
        ),
        pytest.param("Body text.\nSource: Xinhua", "Xinhua", id="source line"),
        pytest.param(
            "Interfax news agency, citing police sources, said the toll could be 10.\nMore.",
            "",
            id="an agency quoted in prose is not the outlet",
        ),
    ],
)
def test_outlets(text: str, outlet: str) -> None:
    assert text_metadata(text).outlet == outlet


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000_862050ed1c4916d1.txt", TextMetadata()),
        ("001_a06f24123c493c60.txt", TextMetadata(outlet="RFE/RL")),
        (
            "002_d687500d7c2a08b1.txt",
            TextMetadata(
                title="Kyrgyz protests hit second city", date="2005-03-21", outlet="BBC News"
            ),
        ),
    ],
)
def test_seed_metadata(seed: str, expected: TextMetadata) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    assert text_metadata(text) == expected


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("BBC NEWS", "BBC News"),
        ("Agence France-Presse", "AFP"),
        ("  The Associated Press. ", "Associated Press"),
        ("Kabar", "Kabar"),
    ],
)
def test_canonical_outlet(name: str, canonical: str) -> None:
    assert canonical_outlet(name) == canonical


def test_empty_text() -> None:
    assert text_metadata("") == TextMetadata()
