"""Dates in news sentences ("on Sunday", "18 March"), resolved against the article date."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from geomap.figures import parse_number

__all__ = ["DateRef", "find_dates", "parse_article_date", "resolve_date", "story_start"]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# A date "18 March" with no year that would fall this far after the article is taken to be
# from the year before: news reports the past, give or take a dateline in another time zone.
_FUTURE_TOLERANCE = timedelta(days=7)

# Month names must be capitalised: "march" and "may" are common words.
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?![\w-])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WEEKDAY = r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_SMALL_NUMBER = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
# Where a date can begin: every branch of _DATE_BODY opens at a word boundary with a digit,
# one of these words (or their prefix: "earl" for early and earlier, "mon" for Monday), or,
# for a bare weekday, the spaces before it. `re` finds no literal prefix for _DATE_BODY's ten
# branches, so without this guard it tries them all at every boundary of the text (some 9%
# of extraction); the guard turns most words away at their first letters. It only admits,
# never decides, so the matches are the body's own (tests/test_dates.py compares them).
_WEEKDAY_STEM = r"mon|tue|wed|thu|fri|sat|sun"
_OPENING_WORDS = (
    r"on|since|by|until|between|from|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the|earl|"
    r"late|last|next|this|in|yesterday|today|tonight|tomorrow|a|one|two|three|four|five|six|"
    r"seven|eight|nine|ten"
)
# The guard's own first test: one character, where a date can begin. The caseless words
# are tried one by one at every word boundary, and most boundaries open a word that starts
# with none of their letters, or close one before no weekday. Each class holds the words'
# first letters in both cases and what IGNORECASE equates with one of them (İ and ı with i,
# ſ with s); tests/test_dates.py checks them against every character.
_FIRST_LETTERS = "ABDEFIJLMNOSTUWYabdefijlmnostuwy\u0130\u0131\u017f"
_WEEKDAY_FIRST_LETTERS = "FMSTWfmstw\u017f"
_DATE_START = (
    rf"\b(?=[\d{_FIRST_LETTERS}]|\s+[{_WEEKDAY_FIRST_LETTERS}])"
    rf"(?=\d|\s+(?i:{_WEEKDAY_STEM})|(?i:{_WEEKDAY_STEM}|{_OPENING_WORDS}))"
)
_DATE_BODY = (
    rf"\b(?P<iso>(?P<iso_year>{_YEAR})-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>0[1-9]|[12]\d|3[01]))\b"
    rf"|\b(?:(?P<dm_prep>[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil)\s+)?(?P<dm_eve>the\s+eve\s+of\s+)?"
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?"
    # "8 to 11 August", "between 6 and 11 August 2011": a span of days starts on its first.
    rf"(?:(?:[Bb]etween\s+|[Ff]rom\s+)?(?P<dm_first>{_DAY})\s*(?:-|–|—|to|and|until)\s*)?"
    rf"(?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>{_YEAR})\b)?"
    rf"|\b(?:(?P<md_prep>[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil)\s+)?(?P<md_eve>the\s+eve\s+of\s+)?"
    rf"(?:{_WEEKDAY},?\s+)?(?P<md_month>{_MONTH})\s+(?P<md_day>{_DAY})\b(?:,?\s+(?P<md_year>{_YEAR})\b)?"
    r"|\b(?P<before_yesterday>(?i:the\s+day\s+before\s+yesterday))\b"
    rf"|\b(?P<yesterday>(?i:(?:(?:early|earlier|late|later)\s+)?yesterday{_PART_OF_DAY}"
    r"|last\s+night))\b"
    rf"|\b(?P<today>(?i:(?:(?:early|earlier|late|later)\s+)?(?:today|tonight){_PART_OF_DAY}"
    r"|this\s+(?:morning|afternoon|evening)))\b"
    r"|\b(?P<tomorrow>(?i:tomorrow))\b"
    rf"|\b(?P<ago>(?i:(?P<ago_count>{_SMALL_NUMBER})\s+(?P<ago_unit>days?|weeks?)\s+ago))\b"
    rf"|\b(?P<weekday>(?:(?:(?:early|late)\s+)?[Oo]n|(?P<direction>[Ll]ast|[Nn]ext|[Tt]his)|"
    rf"[Ss]ince|[Bb]y|[Uu]ntil)?\s*(?P<weekday_name>{_WEEKDAY}){_PART_OF_DAY})(?!\w)"
    r"|\b(?P<vague>(?i:(?:last|this|next|earlier\s+this|later\s+this)\s+(?:week|weekend|month|year)"
    r"|in\s+recent\s+(?:days|weeks|months)|the\s+previous\s+(?:day|week|month|year)"
    rf"|the\s+(?:day|week)\s+before|in\s+{_YEAR}))\b"
)
_DATE_RE = re.compile(f"{_DATE_START}(?:{_DATE_BODY})")


@dataclass(frozen=True)
class DateRef:
    """Words that date an event; date is ISO (YYYY-MM-DD) or None when it cannot be fixed."""

    date: str | None
    text: str
    start: int
    end: int


def parse_article_date(value: str | None) -> date | None:
    """The calendar date of an ISO date or timestamp ("2005-03-21T10:14Z"), else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _calendar(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_and_month(
    day_text: str,
    month_text: str,
    year_text: str | None,
    article: date | None,
    start: date | None = None,
) -> date | None:
    day = int(day_text.rstrip("stndrh"))
    month = _MONTHS[month_text[:3].lower()]
    if year_text:
        return _calendar(int(year_text), month, day)
    if article is None:
        return _nearest_to(start, month, day)
    resolved = _calendar(article.year, month, day)
    if resolved is not None and resolved - article > _FUTURE_TOLERANCE:
        resolved = _calendar(article.year - 1, month, day)
    return resolved


def _nearest_to(start: date | None, month: int, day: int) -> date | None:
    # An undated story (an encyclopaedia page) tells of days around its first dated one:
    # after "14 October 2019", "On 18 October" is 2019 and "18 March" is 2020 (five months
    # on, not seven before); after "6 August 2011", a killing "on 4 August" is 2011.
    if start is None:
        return None
    days = [_calendar(start.year + shift, month, day) for shift in (-1, 0, 1)]
    return min((d for d in days if d is not None), key=lambda d: abs(d - start), default=None)


def _shift(article: date | None, days: int) -> date | None:
    if article is None:
        return None
    try:
        return article + timedelta(days=days)
    except OverflowError:
        return None


def _weekday(name: str, direction: str | None, article: date | None) -> date | None:
    if article is None:
        return None
    target = _WEEKDAYS[name.lower()]
    direction = (direction or "").lower()
    if direction == "next":
        return _shift(article, (target - article.weekday()) % 7 or 7)
    # News speaks of the past: "on Sunday" is the latest Sunday on or before the article.
    back = (article.weekday() - target) % 7
    if direction == "last" and back == 0:
        back = 7
    return _shift(article, -back)


def _resolve(
    match: re.Match[str], article: date | None, start: date | None = None
) -> tuple[date | None, bool]:
    """The date a match means, and whether it names a single day at all.

    `start` (the story's first dated day) settles the year of "18 October" only where the
    article has no date; relative words ("on Monday") need the article's own date.
    """
    group = match.group
    if group("iso"):
        return _calendar(
            int(group("iso_year")), int(group("iso_month")), int(group("iso_day"))
        ), True
    for form in ("dm", "md"):
        if group(f"{form}_day"):
            day = group(f"{form}_first") if form == "dm" and group("dm_first") else None
            day = day or group(f"{form}_day")
            resolved = _day_and_month(
                day, group(f"{form}_month"), group(f"{form}_year"), article, start
            )
            return _qualified_day(resolved, group(f"{form}_prep"), group(f"{form}_eve"))
    return _relative(group, article)


# "until 2 October", "by 10 August": a deadline, or a tally as of a day; not the event's day.
_NOT_THE_DAY = frozenset({"by", "until"})


def _qualified_day(
    resolved: date | None, preposition: str | None, eve: str | None
) -> tuple[date | None, bool]:
    if preposition and preposition.lower() in _NOT_THE_DAY:
        return None, False
    if eve and resolved is not None:
        return _shift(resolved, -1), True  # "on the eve of 9 July" is 8 July
    return resolved, True


def _relative(group: Callable[[str], Any], article: date | None) -> tuple[date | None, bool]:
    if group("before_yesterday"):
        return _shift(article, -2), True
    if group("yesterday"):
        return _shift(article, -1), True
    if group("today"):
        return article, True
    if group("tomorrow"):
        return _shift(article, 1), True
    if group("ago"):
        count_text = group("ago_count").lower()
        # _SMALL_NUMBER admits only "a", "an", digits and the words one to ten.
        count = 1 if count_text in ("a", "an") else parse_number(count_text) or 0
        days = count * (7 if group("ago_unit").lower().startswith("week") else 1)
        return _shift(article, -days), True
    if group("weekday"):
        return _weekday(group("weekday_name"), group("direction"), article), True
    return None, False


# A cheap literal pre-check on the lower-cased text: every date expression holds one of these.
_MAY_HAVE_DATE_RE = re.compile(
    r"[0-9]|day|yesterday|tonight|tomorrow|night|morning|afternoon|evening|week|month|year|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
)


# The opening of an article: where an encyclopaedia page or a report states its first day.
_OPENING = 3000


_MONTH_YEAR_RE = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<year>{_YEAR})\b")
_TITLE_YEAR_RE = re.compile(rf"\b{_YEAR}\b")


@lru_cache(maxsize=1)  # asked for every sentence of one article
def story_start(text: str) -> str | None:
    """The day an undated article's story begins, as ISO, else None.

    An article with no date of its own (an encyclopaedia page, an undated clipping) still
    says when its story begins: "Date 14 October 2019 – 18 March 2020" in an infobox, or
    "Starting in August 2017" under a title "2017–2018 Togolese protests". The first full
    date of the opening is taken, unless the title names a year: then the earliest date of
    that year (a month counts from its first day), for an opening may mention later turns
    first ("on 8 May 2019 the Parliament voted").
    """
    opening = text[:_OPENING]
    first_line = opening.split("\n", 1)[0]
    title_year = _TITLE_YEAR_RE.search(first_line)
    if title_year is not None:
        year = int(title_year.group(0))
        of_year = [day for _, day in _opening_dates(opening) if day.year == year]
        return min(of_year).isoformat() if of_year else None
    # The first full date is the one found first: the rest of the opening need not be read
    # (most openings that hold one hold it in their first lines).
    first = next((day for _, day in _full_dates(_DATE_RE.finditer(opening))), None)
    return first.isoformat() if first else None


def _full_dates(matches: Iterable[re.Match[str]]) -> Iterator[tuple[int, date]]:
    """(position, day) of each full date among the date pattern's matches."""
    for match in matches:
        if match.group("iso") or match.group("dm_year") or match.group("md_year"):
            resolved, _ = _resolve(match, None)
            if resolved is not None:
                yield match.start(), resolved


def _opening_dates(opening: str) -> list[tuple[int, date]]:
    """(position, day) of each full date; (-1, first of the month) of each month and year."""
    matches = list(_DATE_RE.finditer(opening))
    found = list(_full_dates(matches))
    full_date_ends = {match.end() for match in matches}
    for match in _MONTH_YEAR_RE.finditer(opening):
        if match.end() in full_date_ends:
            continue  # "14 October 2019" is a day, not the month
        month = _MONTHS[match.group("month")[:3].lower()]
        found.append((-1, date(int(match.group("year")), month, 1)))
    return found


def find_dates(sentence: str, article_date: str | None) -> tuple[DateRef, ...]:
    """Every date expression in the sentence, in order, resolved where possible."""
    if not _MAY_HAVE_DATE_RE.search(sentence.lower()):
        return ()
    article = parse_article_date(article_date)
    found = []
    for match in _DATE_RE.finditer(sentence):
        resolved, _ = _resolve(match, article)
        found.append(
            DateRef(
                date=resolved.isoformat() if resolved else None,
                text=match.group(0).strip(),
                start=match.start() + len(match.group(0)) - len(match.group(0).lstrip()),
                end=match.end(),
            )
        )
    return tuple(found)


# "following the March 13 elections", "after the 4 August vote": a day that names another
# event, the cause or a reference point, not the day of the sentence's own event.
_REFERENCE_BEFORE_RE = re.compile(
    r"\b(?:following|after|before|since|ahead\s+of)\s+the\s+$", re.IGNORECASE
)


def resolve_date(
    sentence: str, article_date: str | None, story_start: str | None = None
) -> DateRef | None:
    """The date of the sentence's event: its first expression naming a day, else a vague one.

    Relative words ("on Sunday", "yesterday") need the article date; without it their
    date is None but their words are kept. A day and month with no year ("On 18 October")
    in an article with no date take the year of `story_start` (see `story_start`).
    """
    if not _MAY_HAVE_DATE_RE.search(sentence.lower()):
        return None
    article = parse_article_date(article_date)
    anchor = parse_article_date(story_start)
    vague: DateRef | None = None
    for match in _DATE_RE.finditer(sentence):
        resolved, names_a_day = _resolve(match, article, anchor)
        if _REFERENCE_BEFORE_RE.search(sentence, max(0, match.start() - 24), match.start()):
            resolved, names_a_day = None, False
        text = match.group(0)
        start = match.start() + len(text) - len(text.lstrip())
        ref = DateRef(
            date=resolved.isoformat() if resolved else None,
            text=text.strip(),
            start=start,
            end=match.end(),
        )
        if names_a_day:
            return ref
        if vague is None:
            vague = ref
    return vague
