"""Title, publication date and outlet read from the text of a news article."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "KNOWN_OUTLETS",
    "TextMetadata",
    "canonical_outlet",
    "find_date",
    "known_outlet",
    "parse_date",
    "text_metadata",
]


@dataclass(frozen=True)
class TextMetadata:
    """What the text itself says about its title, publication date and outlet."""

    title: str = ""
    date: str | None = None  # ISO YYYY-MM-DD
    outlet: str = ""


# Canonical outlet name -> the ways articles write it. International outlets and agencies
# that appear in credit lines, datelines and page furniture; extend freely.
KNOWN_OUTLETS: dict[str, tuple[str, ...]] = {
    "BBC News": ("BBC News", "BBC News Online", "BBC", "BBC World Service"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "Associated Press": ("Associated Press", "The Associated Press", "AP"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "RFE/RL": ("RFE/RL", "Radio Free Europe/Radio Liberty", "Radio Free Europe"),
    "Voice of America": ("Voice of America", "VOA"),
    "Interfax": ("Interfax",),
    "TASS": ("TASS", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "Al Jazeera": ("Al Jazeera", "Al Jazeera English", "Aljazeera"),
    "CNN": ("CNN",),
    "The Guardian": ("The Guardian", "Guardian"),
    "The New York Times": ("The New York Times", "New York Times", "NYT"),
    "The Washington Post": ("The Washington Post", "Washington Post"),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg",),
    "IRIN": ("IRIN",),
    "EurasiaNet": ("EurasiaNet", "Eurasianet"),
    "AKIpress": ("AKIpress",),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu", "AA"),
    "Press Trust of India": ("Press Trust of India", "PTI"),
    "Agência Brasil": ("Agência Brasil", "Agencia Brasil"),
}

_OUTLET_BY_ALIAS = {
    alias.casefold(): name for name, aliases in KNOWN_OUTLETS.items() for alias in aliases
}
# Aliases of one or two capital letters ("AP", "DW") are too easily something else in prose;
# they count only where an agency is expected (dateline parentheses, credit lines).
_PROSE_ALIASES = sorted(
    (alias for aliases in KNOWN_OUTLETS.values() for alias in aliases if len(alias) > 3),
    key=len,
    reverse=True,
)
_PROSE_OUTLET = re.compile(
    r"(?<![\w/])(" + "|".join(re.escape(a) for a in _PROSE_ALIASES) + r")(?![\w/])",
    re.IGNORECASE,
)

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv enero ene januar jän января январь",
        "february feb febr février févr febrero februar февраля февраль",
        "march mar mars marzo märz марта март",
        "april apr avril avr abril апреля апрель",
        "may mai mayo мая май",
        "june jun juin junio juni июня июнь",
        "july jul juillet juil julio juli июля июль",
        "august aug août agosto августа август",
        "september sep sept septembre septiembre setiembre сентября сентябрь",
        "october oct octobre octubre oktober okt октября октябрь",
        "november nov novembre noviembre ноября ноябрь",
        "december dec décembre déc diciembre dic dezember dez декабря декабрь",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?\.?"
_YEAR4 = r"(?P<year>(?:1[89]|20)\d\d)"
_YEAR_ANY = r"(?P<year>(?:1[89]|20)\d\d|'?\d\d)"

_ISO_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:1[89]|20)\d\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
    r"(?:[T ][0-2]?\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?(?!\d)"
)
_COMPACT_DATE = re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:T|$)")


def _textual_date_patterns(year: str) -> tuple[re.Pattern[str], ...]:
    return (
        # 21 March 2005, Monday, 21 March, 2005, 21 de marzo de 2005, 21 марта 2005 г.
        re.compile(
            r"(?<!\d)"
            + _DAY
            + r"\s+(?:de\s+)?"
            + _MONTH
            + r"\.?,?\s+(?:de\s+)?"
            + year
            + r"(?!\d)",
            re.IGNORECASE,
        ),
        # March 21, 2005 and Mar. 21st 2005
        re.compile(r"\b" + _MONTH + r"\.?\s+" + _DAY + r",?\s+" + year + r"(?!\d)", re.IGNORECASE),
    )


_FULL_YEAR_DATES = _textual_date_patterns(_YEAR4)
_ANY_YEAR_DATES = _textual_date_patterns(_YEAR_ANY)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _expand_year(text: str) -> int:
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    # Two-digit years (the "21 Mar 05" of old pages): news archives start around 1970.
    two = int(digits)
    return 2000 + two if two < 70 else 1900 + two


def find_date(text: str, *, two_digit_years: bool = False) -> str | None:
    """Return the first date written in `text` as ISO YYYY-MM-DD, or None.

    Understands ISO dates (2005-03-21, 2005/03/21, with or without a time) and dates with a
    month name (21 March 2005, Monday, 21 March, 2005, March 21, 2005, 21 марта 2005).
    Purely numeric day/month orders (21/03/2005) are ambiguous and ignored.
    """
    found: list[tuple[int, str]] = []
    for match in _ISO_DATE.finditer(text):
        iso = _iso(int(match["year"]), int(match["month"]), int(match["day"]))
        if iso:
            found.append((match.start(), iso))
            break
    for pattern in _ANY_YEAR_DATES if two_digit_years else _FULL_YEAR_DATES:
        for match in pattern.finditer(text):
            iso = _iso(
                _expand_year(match["year"]), _MONTHS[match["month"].lower()], int(match["day"])
            )
            if iso:
                found.append((match.start(), iso))
                break
    return min(found)[1] if found else None


def parse_date(value: str) -> str | None:
    """Normalise a date from metadata (ISO, with time, or written out) to YYYY-MM-DD, or None."""
    value = value.strip()
    compact = _COMPACT_DATE.match(value)
    if compact:
        return _iso(int(compact["year"]), int(compact["month"]), int(compact["day"]))
    return find_date(value, two_digit_years=True)


def known_outlet(name: str) -> str:
    """The canonical name if `name` is a known outlet ("BBC NEWS" -> "BBC News"), else ""."""
    return _OUTLET_BY_ALIAS.get(" ".join(name.split()).strip(" .,;:-–—").casefold(), "")


def canonical_outlet(name: str) -> str:
    """The canonical name of a known outlet ("BBC NEWS" -> "BBC News"), else the name tidied."""
    tidy = " ".join(name.split()).strip(" .,;:-–—")
    return _OUTLET_BY_ALIAS.get(tidy.casefold(), tidy)


_DATE_LABEL = re.compile(
    r"^\s*(?P<label>(?:page\s+)?last\s+updated|updated|first\s+published|published|posted|"
    r"publication\s+date|date\s+published|date|pubdate|dateline|опубликовано|обновлено|"
    r"publié\s+le|publicado)\b(?:\s+(?:on|at|le))?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(r"publi|опубл|posted|^date|pubdate", re.IGNORECASE)

# "BISHKEK, March 21 (Reuters) -", "OSH, Kyrgyzstan, 21 March 2005 (AFP) —", "MOSCOW (AP) --"
_DATELINE = re.compile(
    r"^(?P<head>[^\n]{2,90}?)\s*(?:\((?P<agency>[A-Za-z][\w/&.\- ]{0,40})\))?\s*(?:--?|–|—)\s+\S"
)
_DATELINE_DASH = re.compile(r"\s(?:--?|–|—)\s")
_CAPS_PLACE = re.compile(r"^[^\W\d_a-zа-яё][^\W\d_a-zа-яё'’.\- ]{1,40}(?=,|\s*\(|\s*[-–—])")
_MONTH_DAY = re.compile(
    rf"{_MONTH}\.?\s+[0-3]?\d\b|\b[0-3]?\d\s+{_MONTH.replace('?P<month>', '?:')}", re.IGNORECASE
)

# Searched in the lower-cased line: an IGNORECASE alternation is several times slower.
_CREDIT_LINE_LOWER = re.compile(
    r"contributed to this report|reporting by|writing by|editing by|compiled by|"
    r"^\s*source\s*:|©|\(c\)|copyright",
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*(?:\d{4})?\s*)?(?P<owner>[^.,;|\n]{2,60})",
    re.IGNORECASE,
)
_SOURCE_LABEL = re.compile(r"^\s*source\s*:\s*(?P<owner>[^.,;|\n]{2,60})", re.IGNORECASE)

_HEAD_LINES = 40  # labelled date lines and datelines sit near the top
_TITLE_SEARCH_LINES = 10
_TAIL_LINES = 6
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _nonempty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _labelled_date(line: str) -> tuple[bool, str | None] | None:
    """For a line like "Published: 21 March 2005", (is-a-publication-label, ISO date)."""
    label = _DATE_LABEL.match(line)
    if not label:
        return None
    rest = line[label.end() :]
    if len(rest) > 80:  # a sentence that merely starts with "Updated", not a label
        return None
    date = find_date(rest, two_digit_years=True)
    if date is None:
        return None
    return bool(_PUBLISHED_LABEL.search(label["label"])), date


def _dateline(line: str) -> tuple[str | None, str] | None:
    """For an opening dateline, (ISO date if it has a year, agency); None if not a dateline."""
    if not _DATELINE_DASH.search(line, 0, 140):
        return None  # cheap test first: most lines have no spaced dash near their start
    match = _DATELINE.match(line)
    if not match:
        return None
    head = match["head"].strip()
    agency = (match["agency"] or "").strip()
    if not (_CAPS_PLACE.match(head) or agency):
        return None
    if not agency and not _MONTH_DAY.search(head) and not _ISO_DATE.search(head):
        return None  # "BBC News - Asia" or a caption, not "PLACE, date -"
    return find_date(head), agency


def _is_date_only(line: str, *, two_digit_years: bool) -> bool:
    if len(line) > 60 or not any(c.isdigit() for c in line):
        return False
    if find_date(line, two_digit_years=two_digit_years) is None:
        return False
    leftover = _ISO_DATE.sub(" ", line)
    for pattern in _ANY_YEAR_DATES if two_digit_years else _FULL_YEAR_DATES:
        leftover = pattern.sub(" ", leftover)
    # Whatever is left should be a time or a time zone ("10:14 GMT"), not prose.
    return len(_WORD.findall(re.sub(r"\d+[:.]\d+|\b[A-Z]{2,4}\b", " ", leftover))) <= 1


def _date_of(lines: Sequence[str]) -> str | None:
    head = lines[:_HEAD_LINES]
    labelled = [found for line in head if (found := _labelled_date(line))]
    labelled += [found for line in lines[-_TAIL_LINES:] if (found := _labelled_date(line))]
    for is_publication, date in labelled:
        if is_publication:
            return date
    if labelled:
        return labelled[0][1]
    for line in head[:15]:
        dateline = _dateline(line)
        if dateline and dateline[0]:
            return dateline[0]
    for line in head[:_TITLE_SEARCH_LINES]:
        # Unlabelled, only a full year counts: "21 Mar 05" lines date related stories.
        if _is_date_only(line, two_digit_years=False):
            return find_date(line)
    return None


def _known_outlet_in(text: str) -> str:
    match = _PROSE_OUTLET.search(text)
    return canonical_outlet(match[1]) if match else ""


def _outlet_of(lines: Sequence[str]) -> str:
    for line in lines[:_TITLE_SEARCH_LINES]:
        if line.casefold().strip(" .:|-") in _OUTLET_BY_ALIAS:
            return canonical_outlet(line)
    for line in lines[:15]:
        dateline = _dateline(line)
        if dateline and dateline[1]:
            return canonical_outlet(dateline[1])
    for line in reversed(lines[-_TAIL_LINES:]):
        if not _CREDIT_LINE_LOWER.search(line.lower()):
            continue
        known = _known_outlet_in(line)
        if known:
            return known
        owner = _COPYRIGHT.search(line) or _SOURCE_LABEL.match(line)
        if owner:
            name = re.sub(r"\ball rights reserved\b.*", "", owner["owner"], flags=re.IGNORECASE)
            if name.strip():
                return canonical_outlet(name)
    return ""


def _is_furniture(line: str) -> bool:
    """Page furniture that precedes a headline in scraped text: not a title."""
    words = _WORD.findall(line)
    return (
        len(words) < 3
        or (line.startswith("[") and line.endswith("]"))
        or line.startswith(("<!--", "<"))
        or line[0].islower()
        or "|" in line
        or " › " in line
        or " » " in line
        or "://" in line
        or "@" in line
        or line.casefold().strip(" .:-") in _OUTLET_BY_ALIAS
        or _labelled_date(line) is not None
        or _is_date_only(line, two_digit_years=True)
    )


def _title_of(lines: Sequence[str]) -> str:
    for index, line in enumerate(lines[:_TITLE_SEARCH_LINES]):
        labelled = re.match(r"^(?:title|headline)\s*:\s*(?P<title>.+)$", line, re.IGNORECASE)
        if labelled:
            return labelled["title"].strip()
        if _is_furniture(line):
            continue
        # The first real line is the headline only if it reads like one; otherwise the
        # text starts straight with its first paragraph and has no title.
        words = _WORD.findall(line)
        is_headline = (
            index + 1 < len(lines)
            and 3 <= len(words) <= 25
            and len(line) <= 150
            and not line.endswith((".", ",", ";", ":", "…"))
            and _dateline(line) is None
        )
        return line if is_headline else ""
    return ""


def text_metadata(text: str, known: TextMetadata = TextMetadata()) -> TextMetadata:
    """Read the title, publication date and outlet that a plain text states about itself.

    Rules, not lists of sites: the date comes from a labelled line ("Last Updated: Monday,
    21 March, 2005"), a dateline ("OSH, March 21, 2005 (AFP) -") or a date standing alone
    near the top; a dateline without a year gives no date. The title is the first line near
    the top that reads like a headline once page furniture is skipped. The outlet comes from
    a masthead line, a dateline agency or a credit line at the end.

    Fields that `known` already holds (from a corpus record's own fields) are kept, and
    not read again: in large corpora most records carry them.
    """
    lines = _nonempty_lines(text)
    if not lines:
        return known
    return TextMetadata(
        title=known.title or _title_of(lines),
        date=known.date or _date_of(lines),
        outlet=known.outlet or _outlet_of(lines),
    )
