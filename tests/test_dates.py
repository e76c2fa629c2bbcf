"""Date words resolved against the article's date, as news reports use them."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.dates import (
    _DATE_BODY,
    _DATE_RE,
    _FIRST_LETTERS,
    _OPENING,
    _OPENING_WORDS,
    _TITLE_YEAR_RE,
    _WEEKDAY_FIRST_LETTERS,
    _WEEKDAY_STEM,
    _opening_dates,
    find_dates,
    parse_article_date,
    resolve_date,
    story_start,
)

MONDAY = "2005-03-21"  # the BBC seed article's "Last Updated: Monday, 21 March, 2005"

DATES = [
    # sentence, article date, expected date, expected words
    (
        "Police forcibly evicted demonstrators from two buildings early today.",
        MONDAY,
        "2005-03-21",
        "early today",
    ),
    (
        "Later today, thousands of demonstrators gathered in Jalal-Abad.",
        MONDAY,
        "2005-03-21",
        "Later today",
    ),
    (
        "The demonstrators had occupied the buildings on 18 March.",
        MONDAY,
        "2005-03-18",
        "on 18 March",
    ),
    (
        "The move followed the seizure of parts of Jalal-Abad on Sunday.",
        MONDAY,
        "2005-03-20",
        "on Sunday",
    ),
    (
        "In Osh, protesters first stormed the building on Friday, but were forced out.",
        MONDAY,
        "2005-03-18",
        "on Friday",
    ),
    (
        "On Monday, many of the returning protesters carried shields.",
        MONDAY,
        "2005-03-21",
        "On Monday",
    ),
    (
        "Yesterday about 8,000 people demonstrated in three cities.",
        MONDAY,
        "2005-03-20",
        "Yesterday",
    ),
    ("Polls went to a second round on March 13.", MONDAY, "2005-03-13", "on March 13"),
    ("Sunday’s events came amid a wave of unrest.", MONDAY, "2005-03-20", "Sunday"),
    ("Run-off elections were held on 13 March 2005.", None, "2005-03-13", "on 13 March 2005"),
    (
        "Last Updated: Monday, 21 March, 2005, 10:14 GMT",
        None,
        "2005-03-21",
        "Monday, 21 March, 2005",
    ),
    (
        "Protesters gathered on Christmas Eve, 24 December.",
        "2006-01-05",
        "2005-12-24",
        "24 December",
    ),
    ("The march was called for last Sunday.", "2011-02-13", "2011-02-06", "last Sunday"),
    (
        "Police raided the camp late on Tuesday night.",
        "2011-02-13",
        "2011-02-08",
        "late on Tuesday night",
    ),
    ("Organisers plan a new rally next Saturday.", "2011-02-13", "2011-02-19", "next Saturday"),
    ("Three days ago the square was cleared.", "2011-02-13", "2011-02-10", "Three days ago"),
    ("The vote on Sept. 30, 2019 was disputed.", None, "2019-09-30", "on Sept. 30, 2019"),
    ("Activists were detained on 2020-08-09 in Minsk.", None, "2020-08-09", "2020-08-09"),
    ("Last night police fired tear gas.", "2019-06-13", "2019-06-12", "Last night"),
]


@pytest.mark.parametrize(("sentence", "article_date", "expected", "words"), DATES)
def test_resolve_date(sentence: str, article_date: str | None, expected: str, words: str) -> None:
    ref = resolve_date(sentence, article_date)
    assert ref is not None
    assert (ref.date, ref.text) == (expected, words)
    assert sentence[ref.start : ref.end] == ref.text


UNRESOLVED = [
    ("The protests started last week.", MONDAY, "last week"),
    ("Rallies have gained momentum in recent days.", MONDAY, "in recent days"),
    ("In 1990 hundreds of people were killed.", MONDAY, "In 1990"),
    ("Protesters stormed the building on Sunday.", None, "on Sunday"),
    ("Police forcibly evicted demonstrators early today.", None, "early today"),
    ("The demonstrators had occupied the buildings on 18 March.", None, "on 18 March"),
    ("Protests continued yesterday.", "not a date", "yesterday"),
    ("Elections were held on 31 February.", MONDAY, "on 31 February"),
]


@pytest.mark.parametrize(("sentence", "article_date", "words"), UNRESOLVED)
def test_words_kept_when_date_unknown(sentence: str, article_date: str | None, words: str) -> None:
    ref = resolve_date(sentence, article_date)
    assert ref is not None
    assert ref.date is None
    assert ref.text == words


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of people march on the capital.",
        "Protesters may gather again.",
        "Four policemen were killed.",
        "The rally drew 2,000 people.",
        "",
    ],
)
def test_no_date(sentence: str) -> None:
    assert resolve_date(sentence, MONDAY) is None


def test_a_day_beats_a_vague_period() -> None:
    ref = resolve_date("Last week's rallies turned violent on Friday.", MONDAY)
    assert ref is not None
    assert (ref.date, ref.text) == ("2005-03-18", "on Friday")


def test_find_dates_lists_every_expression() -> None:
    refs = find_dates("Protests that began on 13 March spread on Sunday.", MONDAY)
    assert [(r.text, r.date) for r in refs] == [
        ("on 13 March", "2005-03-13"),
        ("on Sunday", "2005-03-20"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2005-03-21", "2005-03-21"),
        ("2005-03-21T10:14:00Z", "2005-03-21"),
        ("", None),
        (None, None),
        ("21/03/2005", None),
    ],
)
def test_parse_article_date(value: str | None, expected: str | None) -> None:
    parsed = parse_article_date(value)
    assert (parsed.isoformat() if parsed else None) == expected


@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=30), st.dates().map(str)))
def test_resolve_date_never_raises(sentence: str, article_date: str | None) -> None:
    ref = resolve_date(sentence, article_date)
    if ref is not None:
        assert sentence[ref.start : ref.end] == ref.text
        assert ref.date is None or len(ref.date) == 10


@given(
    st.lists(
        st.sampled_from(
            [
                "on",
                "last",
                "next",
                "Sunday",
                "Monday",
                "31",
                "29",
                "February",
                "Feb.",
                "2004",
                "March",
                "13",
                "today",
                "yesterday",
                "early",
                "late",
                "three",
                "days",
                "weeks",
                "ago",
                ",",
                ".",
                "the",
                "of",
                "0",
                "99",
                "9999",
                "0001",
            ]
        ),
        max_size=12,
    ),
    st.dates().map(str),
)
def test_resolve_date_survives_date_like_word_salad(words: list[str], article_date: str) -> None:
    sentence = " ".join(words)
    ref = resolve_date(sentence, article_date)
    if ref is not None:
        assert sentence[ref.start : ref.end] == ref.text


# Sentences whose day is not simply the first date they name.
QUALIFIED = [
    # a span of days starts on its first
    ("Riots spread to other cities from 8 to 11 August.", "2011-08-15", "2011-08-08"),
    ("Clashes took place between 6 and 11 August 2011 in London.", None, "2011-08-06"),
    # the eve of a day is the day before
    ("The protests began on the eve of 9 July 1999.", None, "1999-07-08"),
    # a deadline or a tally as of a day is not the event's day
    ("The junta banned all protests until 2 October.", "2009-09-28", None),
    ("By 10 August, more than 3,000 people had been arrested.", "2011-08-12", None),
    # a day that names the cause is not the day of the event
    ("Protesters stormed buildings following the March 13 elections.", MONDAY, None),
    (
        "Protesters stormed buildings on March 19 after the March 13 elections.",
        MONDAY,
        "2005-03-19",
    ),
]


@pytest.mark.parametrize(("sentence", "article", "expected"), QUALIFIED)
def test_the_day_of_the_event_not_of_its_span_deadline_or_cause(
    sentence: str, article: str | None, expected: str | None
) -> None:
    found = resolve_date(sentence, article)
    assert found is not None
    assert found.date == expected


def test_an_undated_page_dates_its_days_from_where_its_story_begins() -> None:
    page = (
        "2019–2020 Chilean protests\n\nDate 14 October 2019 – 18 March 2020\n\n"
        "On 18 October, the situation escalated."
    )
    start = story_start(page)
    assert start == "2019-10-14"
    assert resolve_date("On 18 October, the situation escalated.", None, start).date == (
        "2019-10-18"
    )
    # five months after the start, not seven before it
    assert resolve_date("On 18 March, a march was held.", None, start).date == "2020-03-18"
    # relative words still need the article's own date
    assert resolve_date("On Monday, a march was held.", None, start).date is None


def test_a_title_year_outweighs_a_later_turn_told_first() -> None:
    page = (
        "2017–2018 Togolese protests\n\nIn 2017–18, protests took place. On 8 May 2019 "
        "parliament voted. Starting in August 2017, the opposition held weekly protests."
    )
    assert story_start(page) == "2017-08-01"
    assert story_start("Protesters marched in Lome on Tuesday.") is None


# Words that open, close or almost open a date, in several cases, with look-alikes that
# IGNORECASE equates with ASCII letters ("ſince", "İn") and digits of another script.
_DATE_WORDS = (
    "on On ON since by Until the The eve of Monday MONDAY tuesday Sunday , . - – to and "
    "between From 1 3 12 21st 08 2019 2024-03-12 January March May Sept Sep. Dec early "
    "earlier Later yesterday morning night today tonight this tomorrow a an one Two ten "
    "days week ago last next weekend month year in recent previous before ſince İn ١٢ "
    "protest said (Monday) 'today'"
)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_DATE_WORDS.split()), st.sampled_from([" ", "  ", "\n", "", ","])
        ),
        max_size=12,
    )
)
def test_the_guard_before_the_date_pattern_changes_no_match(pieces: list[tuple[str, str]]) -> None:
    # _DATE_START only skips where no date can begin: the guarded pattern finds what the
    # bare body finds, group for group.
    text = "".join(word + gap for word, gap in pieces)
    bare = re.compile(_DATE_BODY)
    assert [(m.span(), m.groups()) for m in _DATE_RE.finditer(text)] == [
        (m.span(), m.groups()) for m in bare.finditer(text)
    ]


def test_the_guards_first_letters_hold_every_character_its_words_can_start_with() -> None:
    # The one-character test before the guard's caseless words must admit every character
    # IGNORECASE lets a word begin with, or it would turn dates away.
    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    for words, letters in (
        (f"{_WEEKDAY_STEM}|{_OPENING_WORDS}", _FIRST_LETTERS),
        (_WEEKDAY_STEM, _WEEKDAY_FIRST_LETTERS),
    ):
        first = "".join(sorted({word[0] for word in words.split("|")}))
        can_start = set(re.findall(f"(?i:[{first}])", every_character))
        assert can_start <= set(letters), sorted(can_start - set(letters))
        assert set(letters) <= can_start  # no more than needed


def test_story_start_stops_at_the_first_full_date_as_reading_them_all_would() -> None:
    # Without a year in the title, the opening's first full date is its earliest-placed
    # one: story_start stops reading there, and must give what a full reading gives.
    paths = sorted(Path(__file__).resolve().parent.parent.glob("bench/fresh*/texts/*.txt"))
    assert paths
    dated = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        story_start.cache_clear()
        full = [(at, day) for at, day in _opening_dates(text[:_OPENING]) if at >= 0]
        if _TITLE_YEAR_RE.search(text.split("\n", 1)[0]) is None:
            assert story_start(text) == (min(full)[1].isoformat() if full else None), path
            dated += bool(full)
    assert dated > 100
