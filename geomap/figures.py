"""Numbers in news sentences: crowd sizes and counts of the killed, injured and arrested."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from geomap.caseless import Caseless, guarded

__all__ = [
    "MAY_HAVE_NUMBER_RE",
    "VAGUE_NUMBERS",
    "Counts",
    "CrowdFigure",
    "NumberPhrase",
    "find_numbers",
    "parse_counts",
    "parse_crowd",
    "parse_crowds",
    "parse_number",
    "side_counts",
]

# Vague plurals follow the Crowd Counting Consortium convention: the smallest value the
# plural can mean (two of the unit). They are floors, so a crowd gets high=None.
VAGUE_NUMBERS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
    # South Asian English counts in lakhs (100,000) and crores (10,000,000); the plural's
    # floor is two of the unit, as for "hundreds".
    "lakhs": 200_000,
    "crores": 20_000_000,
}

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "lakh": 100_000,
    "million": 1_000_000,
    "crore": 10_000_000,
    "billion": 1_000_000_000,
}
# Multipliers for "several hundred", "a few thousand": the smallest count the word allows
# in ordinary usage, matching the floors of VAGUE_NUMBERS. "Several hundred" and "several
# thousand" are read as coders read "hundreds" and "thousands" (200, 2,000, open): five
# hand-coders of our own reports, following the Crowd Counting Consortium's floors by
# analogy, all did so; they read "a few hundred" and "a few thousand" the same way.
_FUZZY_MULTIPLIERS = {"a": 1, "an": 1, "a couple of": 2, "a few": 2, "several": 2}
# "several protesters" as a count of people: the same floor as "several hundred".
_FUZZY_MULTIPLIER_ORDER = sorted(_FUZZY_MULTIPLIERS.items(), key=lambda item: -len(item[0]))
_FUZZY_COUNTS = {"several": 3, "a few": 3, "a couple of": 2, "a handful of": 3}

# Numbers are capped so that "999999999999999999999 people" cannot produce absurd values.
_MAX_VALUE = 10_000_000_000

_UNIT_WORD = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_WORD = "|".join(_TENS)
_WORD_BELOW_100 = rf"(?:(?:{_TENS_WORD})(?:[- ](?:{_UNIT_WORD}))?|{_UNIT_WORD})"
_SCALE_WORD = r"(?:hundred|thousand|lakh|million|crore|billion)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+(?:\.\d+)?)"
# "half a million", "a quarter of a million", "three quarters of a million".
_FRACTION = r"(?:half|(?:a|one|three)\s+quarters?\s+of|(?:a|one|two)\s+thirds?\s+of)"
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75, "third": 1 / 3, "thirds": 2 / 3}
_BASE = (
    rf"(?:{_FRACTION}\s+an?\s+(?:million|billion|thousand)"
    rf"|{_DIGITS}(?:\s+(?:{_SCALE_WORD}|lakhs|crores))?"  # "3 lakhs" as well as "3 lakh"
    rf"|(?:{_WORD_BELOW_100}\s+|(?:a|an|several|a\s+few|a\s+couple\s+of)\s+)?{_SCALE_WORD}"
    rf"(?:\s+{_SCALE_WORD})*"
    # "one hundred and twenty thousand" is one number ("between two hundred and three
    # hundred" stays a range)
    rf"(?:\s+(?:and\s+)?{_WORD_BELOW_100}\s+(?:thousand|lakh|million|crore|billion))?"
    rf"(?:\s+(?:and\s+)?{_WORD_BELOW_100}(?!\s+{_SCALE_WORD}))?"
    rf"|(?:{_WORD_BELOW_100}|a|an|two|a\s+couple\s+of|several|a\s+few)\s+dozen"
    r"|(?:tens|hundreds)\s+of\s+thousands|hundreds|thousands|millions|lakhs|crores|dozens|scores"
    rf"|{_WORD_BELOW_100}"
    r"|several|a\s+few|a\s+couple\s+of|a\s+handful\s+of)"
)
_QUALIFIER = (
    r"(?:around|about|some|approximately|approx\.|roughly|nearly|almost|close\s+to|"
    r"an\s+estimated|estimated|up\s+to|as\s+many\s+as|as\s+high\s+as|at\s+least|"
    r"more\s+than|over|above|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|"
    r"fewer\s+than|less\s+than|under|just\s+over|just\s+under|well\s+over|at\s+most|"
    r"no\s+more\s+than|not\s+more\s+than|closer\s+to|nearer(?:\s+to)?|"
    r"between|from|an?\s+)"
)
_OPEN_QUALIFIERS = frozenset(
    {
        "at least",
        "more than",
        "over",
        "above",
        "upwards of",
        "in excess of",
        "no fewer than",
        "no less than",
        "just over",
        "well over",
    }
)
_NUMBER_PATTERN = (
    rf"\b(?:(?P<qual>{_QUALIFIER})\s*)?(?P<low>{_BASE})"
    rf"(?:\s*(?:-|–|—|\bup\s+to\b|\bto\b|\band\b|\bor\b)\s*(?P<high>{_BASE}))?\b"
)
# Run on the lower-cased text where lower() keeps the length: `re` is several times faster
# without IGNORECASE. The case-insensitive twin covers the rare texts where it does not.
# (The lower-cased run goes behind the first-character test of geomap.caseless.guarded.)
_NUMBER_RE = guarded(_NUMBER_PATTERN)
_NUMBER_IGNORECASE_RE = re.compile(_NUMBER_PATTERN, re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class NumberPhrase:
    """A number as written in a sentence; high is None when the text sets no upper bound."""

    low: int
    high: int | None
    text: str
    start: int
    end: int
    vague: bool  # a word like "hundreds" or "several" rather than a stated number


@dataclass(frozen=True)
class CrowdFigure:
    """The size of a gathering; high is None for "more than 2,000" or "thousands"."""

    low: int
    high: int | None
    text: str
    start: int
    end: int
    vague: bool = False  # "thousands", "several hundred": a word, not a stated number


@dataclass(frozen=True)
class Counts:
    """People killed, injured and arrested, each with the words that gave the number."""

    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    killed_text: str = ""
    injured_text: str = ""
    arrested_text: str = ""
    released: bool = False  # the arrests are reported through a release of detainees

    @property
    def empty(self) -> bool:
        return self.killed is None and self.injured is None and self.arrested is None


def _words_below_100(words: str) -> int | None:
    words = words.replace("-", " ")
    total = 0
    for word in words.split():
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        else:
            return None
    return total


def _fraction_value(words: str) -> int | None:
    """ "half a million" = 500,000; "three quarters of a million" = 750,000."""
    head, _, scale = words.rpartition(" ")
    if scale not in _SCALES or not head.endswith((" a", " an")):
        return None
    parts = head.replace(" of ", " ").split()
    share = _FRACTIONS.get(parts[0]) if len(parts) == 2 else None
    if len(parts) == 3 and parts[1] in _FRACTIONS:
        share = _FRACTIONS[parts[1]] if parts[0] in ("a", "one") else None
        if parts[0] == "three" and parts[1] == "quarters":
            share = 0.75
        if parts[0] == "two" and parts[1] == "thirds":
            share = 2 / 3
    return None if share is None else round(share * _SCALES[scale])


_Value = tuple[int, bool]  # a number, and whether it is vague ("hundreds", "several")


def _vague_plural(words: str) -> _Value | None:
    """ "hundreds", "tens of thousands": the floor of the plural."""
    return (VAGUE_NUMBERS[words], True) if words in VAGUE_NUMBERS else None


def _fuzzy_count(words: str) -> _Value | None:
    """ "several", "a handful of": a few people, counted at the word's floor."""
    return (_FUZZY_COUNTS[words], True) if words in _FUZZY_COUNTS else None


def _fraction(words: str) -> _Value | None:
    """ "half a million", "three quarters of a million"."""
    value = _fraction_value(words)
    return None if value is None else (value, False)


# Numbers written as one set phrase; each reader gives None when the words are not its phrase.
_SET_PHRASES = (_vague_plural, _fuzzy_count, _fraction)


def _digits(words: str) -> _Value | None:
    """ "2,000", "1.5 million": digits, then any scale words."""
    number, _, scale = words.partition(" ")
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    for scale_word in scale.split():
        value *= _SCALES.get(scale_word.removesuffix("s"), 1)
    return int(min(value, _MAX_VALUE)), False


def _dozens(words: str) -> _Value | None:
    """ "two dozen", "a dozen", "several dozen" (vague)."""
    head = words[: -len(" dozen")]
    if head in _FUZZY_MULTIPLIERS:
        return 12 * _FUZZY_MULTIPLIERS[head], head not in ("a", "an")
    count = _words_below_100(head)
    return (12 * count, False) if count is not None else None


def _leading_multiplier(words: str) -> tuple[int, bool, str]:
    """ "several hundred" -> (3, vague, "hundred"); "a thousand" -> (1, not vague, "thousand")."""
    for head, factor in _FUZZY_MULTIPLIER_ORDER:
        if words.startswith(head + " "):
            return factor, head not in ("a", "an"), words[len(head) + 1 :]
    return 1, False, words


def _spelled_out(words: str) -> _Value | None:
    """ "two hundred and fifty", "a thousand", "several hundred", "forty-two"."""
    multiplier, vague, words = _leading_multiplier(words)
    total = 0
    current = 0
    for token in words.replace(" and ", " ").split():
        if token in _SCALES:
            current = (current or multiplier) * _SCALES[token]
            if _SCALES[token] >= 1000:
                total += current
                current = 0
        else:
            below_100 = _words_below_100(token)
            if below_100 is None:
                return None
            current += below_100
    total += current
    return min(total, _MAX_VALUE), vague


# The number grammars, tried in order: the first whose test passes reads the words, and its
# None means they are no number after all.
_GRAMMARS: tuple[tuple[Callable[[str], bool], Callable[[str], _Value | None]], ...] = (
    (lambda words: words[:1].isdigit(), _digits),
    (lambda words: words.endswith(" dozen"), _dozens),
    (lambda words: True, _spelled_out),
)


def _base_value(text: str) -> _Value | None:
    """Value of one number without qualifiers, and whether it is vague."""
    words = _SPACE_RE.sub(" ", text.strip().lower())
    for set_phrase in _SET_PHRASES:
        value = set_phrase(words)
        if value is not None:
            return value
    read = next(read for applies, read in _GRAMMARS if applies(words))
    return read(words)


def _shared_scale(low_text: str, high_text: str, low: int, high: int) -> int:
    """The low end of a range whose scale word only the high end writes: "between five and
    ten thousand" is 5,000 to 10,000 ("between 500 and two thousand" keeps its 500)."""
    scale = _SCALES.get(high_text.strip().lower().rsplit(None, 1)[-1], 1)
    low_words = set(low_text.lower().split())
    if scale < 1000 or low_words & _SCALES.keys() or low * scale > high:
        return low
    return low * scale


def _phrase(match: re.Match[str], original: str) -> NumberPhrase | None:
    low = _base_value(match.group("low"))
    if low is None:
        return None
    qualifier = _SPACE_RE.sub(" ", (match.group("qual") or "").strip().lower())
    high_text = match.group("high")
    high: int | None = low[0]
    if high_text:
        high_value = _base_value(high_text)
        if high_value is None:
            return None
        low = (_shared_scale(match.group("low"), high_text, low[0], high_value[0]), low[1])
        if high_value[0] < low[0]:
            return None
        high = high_value[0]
    elif qualifier in ("between", "from"):
        # "between hundreds of supporters and backers": a preposition, not a range
        if not low[1]:
            return None
        qualifier = "a"  # the word belongs to the sentence, not to the number
    if low[1] or qualifier in _OPEN_QUALIFIERS:
        high = None
    # "a 5,000-strong crowd": the article belongs to the noun, not to the number.
    start = match.start("low") if qualifier in ("a", "an") else match.start()
    return NumberPhrase(
        low=low[0],
        high=high,
        text=original[start : match.end()],
        start=start,
        end=match.end(),
        vague=low[1],
    )


# A cheap literal pre-check on the lower-cased text; most sentences hold no number at all.
MAY_HAVE_NUMBER_RE = re.compile(
    r"[0-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|hundred|thousand|million|"
    r"billion|lakh|crore|score|several|few|couple|handful"
)


@lru_cache(maxsize=8)  # a sentence is read for crowds, claimed figures and tolls in turn
def find_numbers(sentence: str) -> tuple[NumberPhrase, ...]:
    """Every number phrase in the sentence, with its qualifiers ("about", "more than")."""
    found: list[NumberPhrase] = []
    lowered = sentence.lower()
    if not MAY_HAVE_NUMBER_RE.search(lowered):
        return ()
    if len(lowered) == len(sentence):
        pattern, text = _NUMBER_RE, lowered
    else:
        pattern, text = _NUMBER_IGNORECASE_RE, sentence
    position = 0
    while (match := pattern.search(text, position)) is not None:
        position = match.end()
        if _vague_upper_bound(match) or _two_claims(match, text):
            # "MANAMA, Feb 15 – Thousands of Bahrainis": a dateline's dash, not a range from
            # 15 to thousands. The day is read alone, then the vague number after the dash.
            position = match.start("high")
            match = pattern.fullmatch(text, match.start(), match.end("low")) or match
        phrase = _phrase(match, sentence)
        if phrase is not None:
            found.append(phrase)
    return tuple(found)


# "gave 8,000 and 20,000 respectively": two figures of two claimants, not a range
_RESPECTIVELY = r"\s*,?\s*respectively\b"
_RESPECTIVELY_RE = re.compile(_RESPECTIVELY, re.IGNORECASE)


def _two_claims(match: re.Match[str], text: str) -> bool:
    return bool(match.group("high")) and _RESPECTIVELY_RE.match(text, match.end()) is not None


def _vague_upper_bound(match: re.Match[str]) -> bool:
    high = match.group("high")
    if not high:
        return False
    low_value, high_value = _base_value(match.group("low")), _base_value(high)
    return bool(high_value and high_value[1] and low_value and not low_value[1])


def parse_number(text: str) -> int | None:
    """The value of a phrase that is wholly a number ("2,000", "two thousand"), else None."""
    stripped = text.strip()
    match = _NUMBER_IGNORECASE_RE.fullmatch(stripped)
    if match is None:
        return None
    phrase = _phrase(match, stripped)
    return None if phrase is None else phrase.low


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A number that measures something other than people: times, dates, money, distances.
_NOT_PEOPLE_AFTER_RE = re.compile(
    rf"\s*(?:%|percent\b|per\s*cent\b|[ap]\.?m\.?(?!\w)|GMT\b|UTC\b|o'clock\b|[:.]\d|{_MONTH}(?!\w)|"
    r"(?:st|nd|rd|th)\b|km\b|kilomet|mile|met(?:er|re)|feet\b|foot\b|kg\b|tonnes?\b|tons?\b|"
    r"hours?\b|days?\b|weeks?\b|months?\b|years?\b|decades?\b|minutes?\b|seconds?\b|"
    r"dollars?\b|euros?\b|pounds?\b|roubles?\b|rubles?\b|soms?\b|votes?\b|seats?\b|"
    # "two waves of demonstrations", "three rounds of talks": a count of events
    r"waves?\b|rounds?\b|nights?\b|series\b|"
    r"-year|-day|-hour|-km|-mile)",
    re.IGNORECASE,
)
_NOT_PEOPLE_BEFORE_RE = re.compile(
    rf"(?:[$£€¥]\s*|\b{_MONTH}\s+|\b(?:in|since|until|of|by|from|year|No\.?|number|"
    r"route|article|paragraph|page|room|gate|building|district|section)\s+)$",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d")
_DEAD_AFTER_RE = re.compile(r"\s+(?:dead|deaths|killed|fatalities)\b", re.IGNORECASE)
_MONTH_BEFORE_RE = re.compile(rf"\b{_MONTH}\s+$", re.IGNORECASE)
# "On 14 March three demonstrators were shot dead": the day is already written
_DAY_AND_MONTH_BEFORE_RE = re.compile(rf"\b\d{{1,2}}\s+{_MONTH}\s+$", re.IGNORECASE)
_HEDGED_RE = re.compile(
    r"(?:about|around|some|nearly|almost|more\s+than|over|at\s+least|between|an\s+estimated|"
    r"estimated|as\s+many\s+as|up\s+to|approximately|roughly|close\s+to)\s",
    re.I,
)
_DAY_OR_YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d")
_LAST_DAY = 31


# "The industry employs about 4 million people", "a city home to 2 million people": how
# many work or live somewhere, not how many gathered
_NOT_A_GATHERING_BEFORE_RE = Caseless(
    r"\b(?:employs?|employed|employing|employer\s+of|home\s+to|houses|housing|population\s+of|"
    r"inhabited\s+by|serves|serving|"
    # "The syndicate, which represents more than 100,000 teachers": a body's members
    r"represents|represented|representing|membership\s+of|"
    # "police found the bodies of eight men": the dead, not a crowd
    r"(?:bodies|corpses|remains|graves|coffins)\s+of|"
    # "police stopped a bus carrying about 40 opposition supporters": a vehicle's passengers
    r"(?:bus|buses|coach|coaches|trucks?|lorr(?:y|ies)|vans?|boats?|trains?|planes?)\s+"
    r"(?:carrying|packed\s+with|full\s+of)|"
    # "The evacuation flight, with 45 Ukrainians on board, landed in Kharkiv"
    r"(?:flights?|planes?|aircraft|airliners?|ships?|ferr(?:y|ies)|vessels?|boats?|trains?)"
    r",?\s+with)\s+$"
)
# "a crowd of 10,000", "the bodies of 25 people": after a gathering noun or a toll's noun,
# "of" introduces a count of people, not a year or a page ("in 2019", "of 12").
_PEOPLE_OF_RE = re.compile(
    r"\b(?:crowds?|throngs?|gatherings?|rall(?:y|ies)|march(?:es)?|demonstrations?|"
    r"protests?|turnout|mob|processions?|vigils?|column|sea|bodies|deaths|killings?|murders?|"
    r"estimates?|figures?|spoke)\s+of\s+"
    r"(?:(?:at\s+least|some|about|around|more\s+than|over|nearly|almost)\s+)?$",
    re.IGNORECASE,
)


def _may_be_day_or_year(phrase: NumberPhrase) -> bool:
    """ "March ten", "5 February 1990" may be dates; "August 100,000" and "about 6,000" not."""
    if _HEDGED_RE.match(phrase.text):
        return False
    return phrase.low <= _LAST_DAY or bool(_DAY_OR_YEAR_RE.fullmatch(phrase.text))


# "a city of about 430,000 people": how many live there
# "a population of about 2,600,000 Africans and fewer than 9,000 Europeans": every count
# of the clause tells who lives there
_A_POPULATION_CLAUSE_RE = Caseless(r"\bpopulation\s+of\b[^.;:]*$")
_A_PLACE_OF_RE = re.compile(
    r"\b(?:city|town|village|country|nation|state|district|province|region|island|"
    r"community|population|municipality)\s+of\s+(?:(?:about|some|around|nearly|over|more\s+"
    r"than|roughly|almost)\s+)?$",
    re.IGNORECASE,
)


def _people_right_after(sentence: str, phrase: NumberPhrase) -> bool:
    if _A_PLACE_OF_RE.search(sentence, max(0, phrase.start - 40), phrase.start):
        return False
    end = _people_noun_end(sentence, phrase)
    return end is not None and sentence.count(" ", phrase.end, end) <= 2


def _measures_something_else(sentence: str, phrase: NumberPhrase) -> bool:
    if phrase.vague:
        return False
    if (
        sentence[phrase.start - 1 : phrase.start] == "["
        and sentence[phrase.end : phrase.end + 1] == "]"
    ):
        return True  # a citation marker: "[13] Some police were killed"
    after = sentence[phrase.end : phrase.end + 12]
    if _NOT_PEOPLE_AFTER_RE.match(after):
        return True
    before = sentence[max(0, phrase.start - 12) : phrase.start]
    if (
        _NOT_PEOPLE_BEFORE_RE.search(before)
        and not _PEOPLE_OF_RE.search(sentence, max(0, phrase.start - 20), phrase.start)
        # "On 5 February about 6,000 workers", "On 9 August 100,000 people": a hedged
        # number, or one no day or year is written as, is no part of the date
        and not (_MONTH_BEFORE_RE.search(before) and not _may_be_day_or_year(phrase))
        # "the camp of some 1,500 marchers": people counted after "of"
        and not (before.endswith(("of ", "by ")) and _people_right_after(sentence, phrase))
        # "a final toll of 15 dead": a toll counted after "of"
        and not (before.endswith("of ") and _DEAD_AFTER_RE.match(sentence, phrase.end))
    ):
        return True
    bare = phrase.text.strip()
    return bool(_YEAR_RE.fullmatch(bare)) or before.endswith(("no ", "No "))


_PEOPLE_NOUNS = frozenset(
    [
        "people",
        "persons",
        "protesters",
        "protestors",
        "demonstrators",
        "marchers",
        "ralliers",
        "supporters",
        "activists",
        "students",
        "workers",
        "residents",
        "participants",
        "rioters",
        "opponents",
        "villagers",
        "farmers",
        "miners",
        "pensioners",
        "women",
        "men",
        "youths",
        "youngsters",
        "citizens",
        "members",
        "followers",
        "strikers",
        "teachers",
        "doctors",
        "nurses",
        "mourners",
        "worshippers",
        "worshipers",
        "fans",
        "locals",
        "inhabitants",
        "voters",
        "employees",
        "traders",
        "vendors",
        "drivers",
        "veterans",
        "demonstrator",
        "protester",
        "protestor",
        "others",
        "picketers",
        "campaigners",
        "unionists",
        "opposition-supporters",
        # callings and walks of life that turn out as a body: "300 monks", "2,000 lawyers"
        "monks",
        "nuns",
        "priests",
        "clergy",
        "lawyers",
        "pilgrims",
        "shopkeepers",
        "merchants",
        "labourers",
        "laborers",
        "dockers",
        "peasants",
        "fishermen",
        "herders",
        "tribesmen",
        "pupils",
        "schoolchildren",
        "graduates",
        "retirees",
        "mothers",
        "relatives",
        "families",
        "believers",
        "parishioners",
        "environmentalists",
        "nationalists",
        "loyalists",
        "truckers",
        "motorcyclists",
        "cyclists",
        "exiles",
        "emigres",
        "émigrés",
        "squatters",
        "sailors",
        "seamen",
        "conscripts",
        "counter-demonstrators",
        "migrants",
        "immigrants",
        "townspeople",
        "townsfolk",
        "parents",
        "ex-servicemen",
        "railwaymen",
        "railroaders",
        "longshoremen",
        "steelworkers",
        "dockworkers",
        "stevedores",
        "craftsmen",
        "artisans",
        "counterprotesters",
        "counter-protesters",
    ]
)
# Words between a number and its noun that make the number a count of victims or detainees.
_VICTIM_MODIFIERS = frozenset(
    [
        "arrested",
        "detained",
        "injured",
        "wounded",
        "dead",
        "killed",
        "jailed",
        "imprisoned",
        "missing",
        "captured",
        "hospitalised",
        "hospitalized",
        "hurt",
        "held",
        "slain",
    ]
)
# Words that end the search for a noun: the number is then not followed by a people noun.
_NOUN_SEARCH_STOPS = frozenset(
    [
        "were",
        "was",
        "are",
        "is",
        "had",
        "have",
        "has",
        "and",
        "or",
        "but",
        "in",
        "at",
        "on",
        "to",
        "from",
        "by",
        "with",
        "for",
        "who",
        "which",
        "that",
        "then",
        "as",
        "when",
        "while",
        "after",
        "before",
        "said",
        "say",
        "says",
        "of",
    ]
)
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*|[^\sA-Za-z]")
_VICTIM_VERB_BEFORE_RE = Caseless(
    # ("On the evening of the shooting some 5,000 students gathered": a noun, no verb)
    r"\b(?:killing|killed|kill|injuring|injured|wounding|wounded|arrested|arresting|detained|"
    r"detaining|freed|freeing|released|releasing|shot|(?<!the\s)shooting|shot\s+dead|beat|"
    r"(?<!the\s)beating|"
    # ("The hospital said it treated 14 people overnight": patients, not a crowd)
    r"evacuated|jailed|jailing|rounded\s+up|hospitali[sz]ed|treated|treating|admitted|admitting|"
    # ("A court sentenced eight men to death", "convicted 12 students": defendants)
    r"sentenced|sentencing|convicted|convicting|executed|executing|hanged|acquitted|pardoned|"
    r"(?:deaths?|killings?|murders?|arrests?|detention)\s+of(?:\s+(?:another|a\s+further|further))?)"
    r"\s*$"
)
_VICTIM_PREDICATE_RE = re.compile(
    # "one marcher in Tamale was killed", "Four students, A, B and C, were killed"
    r"(?:\s+(?:in|at|from|near)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|\s*,[^;.]{0,100}?,|"
    # "employees trapped inside died", "members of the security forces were among the dead"
    r"\s+(?:trapped|caught|inside|of\s+the\s+[\w-]+(?:\s+[\w-]+)?|who\s+were)(?:\s+inside)?|"
    # "two workers who had been putting up posters were beaten to death": a relative clause
    r"\s+(?:who|that)\s+[^,.;]{0,80}?(?=\s+(?:were|was)\s))?"
    r"(?:\s+(?:were|was)\s+among\s+the)?"
    # Hedges may stand between: "were reported to be wounded", "are feared to have been hurt".
    r"\s*(?:(?:were|was|are|is|had|have|has|been|being|be|to|reportedly|reported|said|"
    # ("26 women said they had been sexually abused by police")
    r"believed|feared|thought|confirmed|later|then|also|still|all|who|may|might|could|now|"
    r"they|\w+ly)\s+){0,6}(?:killed|dead|died|injured|wounded|hurt|abused|raped|assaulted|"
    r"molested|mistreated|ill-treated|"
    # ("held a sit-in" is what a crowd did, "were held" what was done to it)
    r"arrested|detained|held(?!\s+(?:a|an|the|up)\b)|jailed|hospitali[sz]ed|"
    r"taken\s+(?:to(?!\s+the\s+streets)|into|away)\b|treated|shot|"
    r"beaten|freed|released|evacuated|missing|apprehended|rounded\s+up|disappeared|abducted|"
    r"kidnapped|tortured|stabbed|facing|charged|convicted|sentenced|prosecuted|identified|"
    r"summoned|fined|picked\s+up\s+by|"
    # "at least 30 people pushed into police vans": people detained, not a crowd
    r"(?:pushed|bundled|dragged|shoved|loaded|herded|thrown)\s+into\s+(?:[\w-]+\s+)?(?:vans?|"
    r"bus|buses|cars?|trucks?|vehicles?|lorries|cells?)|"
    # people who sought or received care are casualties, not a crowd: "more than 1,000
    # people had sought medical help", "200 were treated for tear gas"
    r"(?:sought|seeking|needed|needing|required|requiring|received|receiving|given)\s+"
    r"(?:(?:emergency|medical|hospital|first)\s+)?(?:help|treatment|care|attention|aid)|"
    r"admitted\s+(?:to\s+hospital|with)|in\s+hospital)\b",
    re.IGNORECASE,
)
# A number right before an outcome word counts victims, whatever crowd word stood before
# it ("the government's own figure was 276 dead").
# "sent two members of the Presidium": a delegation of a named body, not a crowd
_OF_A_BODY_RE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_FEW = 10


def _a_bodys_few_members(sentence: str, phrase: NumberPhrase, end: int) -> bool:
    return (
        not phrase.vague
        and phrase.low < _FEW
        and sentence[end - 7 : end].lower() == "members"
        and _OF_A_BODY_RE.match(sentence, end) is not None
    )


# "Husby's 12,000 residents": how many live in a place, not how many gathered
# ("most of its 12 million people live on less than a dollar a day": a country's people)
_POSSESSIVE_BEFORE_RE = re.compile(
    r"(?:[A-Za-z]['’]s|\b(?:its|their))\s+(?:about|some|nearly|over|more\s+than\s+)?$"
)
_RESIDENTS = ("residents", "inhabitants", "people", "citizens", "villagers", "population")


def _a_places_population(sentence: str, phrase: NumberPhrase, end: int) -> bool:
    before = sentence[max(0, phrase.start - 20) : phrase.start]
    noun = sentence[phrase.end : end].split()
    return bool(_POSSESSIVE_BEFORE_RE.search(before)) and bool(noun) and noun[-1] in _RESIDENTS


_VICTIM_WORD_AFTER_RE = re.compile(
    # ("police say 25 were arrested", "had been treated")
    r"\s+(?:(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?)?"
    r"(?:dead|killed|deaths|injured|wounded|hurt|arrested|detained|fatalities|casualties|"
    r"arrests|detentions|injuries|treated)\b",
    re.IGNORECASE,
)
# People who fled, crossed or arrived somewhere are refugees or migrants on the move, not a
# crowd gathered there: "1,000 people from Pemba had arrived by boat at Shimoni", "tens of
# thousands of Albanians crossed the Adriatic". Fleeing a square is not enough ("thousands
# fled the tear gas" were a crowd): the flight must go somewhere or be a displacement.
_DISPLACED_RE = re.compile(
    r"(?:\s+(?:from|of)\s+[A-Z][\w'’-]*)?(?:\s+nationals)?\s+(?:(?:had|have|has|were|was|are|been|"
    r"reportedly|also|later|reported|said|believed|to|have)\s+){0,5}(?:(?:fled|fleeing)\s+(?:to|across|into|abroad|over|their\s+homes|"
    r"in\s+fear|the\s+(?:town|city|village|area|region|country))\b|"
    r"(?:left|fled)\s+for\b|went\s+into\s+exile\b|"
    r"(?:moved|driven|forced)\s+out\b|relocated\b|resettled\b|deported\b|"
    r"left\s+(?:on|by|aboard)\b|"
    r"(?:arrived|landed)\s+(?:by\s+\w+\s+)?(?:at|in)\b|crossed\s+(?:into\s+|over\s+)?(?:the\s+)?(?:border|sea|"
    r"river|frontier|[A-Z])|displaced\b|evacuated\b|(?:sought|seeking|took|taken)\s+"
    r"(?:refuge|asylum|shelter)\b|sheltered\b|sheltering\b)"
)
# "some 60 people were hurt, including two reporters and five policemen":
# every count after "including" in the clause lists victims.
_VICTIM_LIST_BEFORE_RE = Caseless(
    r"\b(?:killed|dead|died|injured|wounded|hurt|arrested|detained|victims|casualties)\b[^;.]*"
    r"\b(?:including|among\s+them|among\s+whom)\b[^;.]*$"
)
_CROWD_CONTEXT_BEFORE_RE = Caseless(
    # "a funeral procession of hundreds of thousands", "a candlelit vigil of some 3,000"
    r"(?:\b(?:crowds?|rall(?:y|ies)|march(?:es)?|demonstrations?|protests?|gatherings?|turnout|"
    r"throngs?|attendance|numbers?|figure|size|processions?|vigils?|columns?)\b[^.,;:]{0,50}?\b"
    r"(?:of|at|to\s+be|was|were|is|are|"
    r"numbered|numbering|reached|exceeded|topped|swelled\s+to|swollen\s+to|grew\s+to|"
    r"grown\s+to|rose(?:\s+to)?|climbed\s+to|passed)"
    # "a crowd of strikers, estimated at 25,000", "the crowd, which opposition leaders
    # estimated at more than half a million", "estimated by police at 29,000"
    r"|\b(?:crowds?|rall(?:y|ies)|march(?:es)?|demonstrations?|protests?|protesters|"
    r"demonstrators|marchers|gatherings?|turnout|throngs?)\b[^.;:]{0,80}?\b(?:estimated|put|"
    r"numbered|reckoned|counted)\s+(?:by\s+[^.;:,]{1,40}?\s+)?at"
    # "Estimates of the crowd range from 10,000 to 20,000" (not of a toll: "about 70 people
    # died; unofficial estimates ranged up to 500")
    r"|\bestimates?\s+(?:of|for)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+)?(?:crowds?|turnout|size|"
    r"numbers?|attendance|march(?:es)?|rall(?:y|ies)|protests?|demonstrations?|gatherings?)\b"
    r"[^.;:]{0,60}?\b(?:range[sd]?|ranging|varied|var(?:y|ies))"
    # "attended by about 500 people", "the prefecture said there were about 15,000"
    # ("the organisers say there were ten thousand"; "our reporter's estimate is 15,000")
    r"|\battended\s+by|\b(?:said|say|says)\s+(?:that\s+)?there\s+(?:were|was|had\s+been)"
    r"|\b(?:crowd|turnout)?\s*estimate\s+(?:is|was)"
    # what organisers count is their turnout: "Organisers claimed more than 100,000"
    r"|\borgani[sz]ers\s+(?:[\w'’-]+\s+){0,4}?(?:claimed|counted|estimated)"
    r"|\b(?:drew|drawing|draws|attracted|attracting|brought\s+out|mobili[sz]ed|numbered|"
    r"numbering)"
    # "a march by several hundred residents"
    r"|\b(?:march(?:es)?|rall(?:y|ies)|demonstrations?|protests?|sit-ins?)\s+by"
    # "put the crowd in SNP Square and the surrounding streets at 65,000"
    # ("police estimated the crowd on Tverskaya Street and Pushkin Square at 7,000",
    # "Villagers put the crowd at nearer 3,000", "Organisers put it at more than 30,000")
    # ("estimated the meeting at about 1,500", "puts it at about 7,000")
    # "A police spokesman put it closer to 1,500" (the hedge is the figure's own)
    r"|\b(?:put|puts)\s+(?:it|the\s+(?:crowd|number|figure|turnout|attendance))\s+$"
    # "Local media estimate 30,000" (not "the ministry counts 83 officers injured")
    r"|\b(?:estimate|estimated|estimates)\s+$"
    r"|\b(?:put|puts|estimated|estimates)\s+(?:it|them|the\s+(?:[\w'’-]+\s+){0,2}?(?:crowd|turnout|"
    r"attendance|marchers|protesters|demonstrators|number|figure|size|gathering|peak|meeting|"
    r"rally|march|demonstration|procession|vigil))\b"
    r"[^.;:]{0,110}?\s+(?:at|nearer|closer\s+to)(?:\s+(?:nearer|closer\s+to))?)\s*$"
)
_CROWD_CONTEXT_AFTER_RE = re.compile(
    # (but "the 600-strong garrison" is a unit of troops)
    r"(?:-strong(?!\s+(?:garrison|force|contingent|battalion|brigade|regiment|unit|army|police|"
    r"squad|delegation|team)\b)(?:\s+(?:crowds?|rall(?:y|ies)|march(?:es)?|demonstrations?|"
    r"protests?|mob))?\b|"
    # "several hundred investors gathered outside": any people, named by a plural before
    # a verb of gathering somewhere
    r"\s+[a-z]+\s+(?:also\s+)?(?:gathered|rallied|marched|demonstrated|protested)\s+(?:in|at|outside|"
    r"on|near|around|before|to|against|through)\b|"
    # "300 monks from Drepung monastery marched", "800 police officers went on strike",
    # "several thousand lawyers and opposition activists marched": a plural, what qualifies
    # it, then a protest verb that only a crowd does
    r"\s+(?:[a-z]+\s+)?[a-z]+s(?:\s+(?:and|from|of)(?:\s+[\w'’-]+){1,3}?)?\s+"
    # ("About 1,000 red shirts had rallied", "300 squatters held a torch-lit march",
    # "about 30 loaders walked out")
    r"(?:(?:had|have|has)\s+)?(?:rallied|marched|demonstrated|protested|went\s+on\s+strike|"
    r"walked\s+out|downed\s+tools|stopped\s+work|took\s+part\s+in\s+"
    r"(?:the\s+|a\s+)?(?:rally|protest|march|demonstration|strike|sit-in|vigil)|held\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:march|rally|protest|vigil|sit-in|demonstration)|staged\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:sit-down|sit-in|march|rally|protest|vigil|demonstration|walkout))\b|"
    # "tens of thousands of Quichua marched into the city"
    r"\s+of\s+[\w'’-]+\s+(?:also\s+)?(?:rallied|marched|demonstrated|protested|gathered)\b|"
    # "Several thousand of them tried to march", "about 300 of them held a rally"
    r"\s+of\s+(?:them|those)\s+(?:tried\s+to\s+march|held\s+(?:a|an)\s+(?:[\w-]+\s+)?"
    r"(?:rally|march|protest|vigil|sit-in|demonstration)|staged|occupied|blocked|stormed)\b|"
    # "brought thousands to the streets of Ljubljana"
    r"\s+(?:more\s+)?(?:to|into|onto)\s+the\s+streets\b|"
    # "at least 10,000 were on the streets"
    r"\s+(?:were|was|are|is)\s+(?:out\s+)?(?:on|in)\s+the\s+streets\b|"
    # "Witnesses say hundreds of thousands are present"
    r"\s+(?:are|were)\s+(?:now\s+)?present\b|"
    # "thousands also rallied", "thousands more have gathered"
    # (past a closing quote: 'said "tens of thousands" had taken part')
    r"[\"”’]?\s+(?:more\s+)?(?:people\s+)?(?:also\s+|again\s+|then\s+)?(?:(?:have|had|has)\s+)?"
    r"(?:turned\s+out|took\s+to\s+the\s+streets|taken\s+to\s+the\s+streets|took\s+part|"
    r"taken\s+part|gathered|camped|rallied|marched|demonstrated|protested|attended|"
    # "claimed more than 300,000 had turned up", "said more than 50,000 had come"
    r"turned\s+up|(?<=had\s)come\b|(?<=have\s)come\b|"
    # "when several hundred sat down in the road": what only a crowd does to a place
    r"sat\s+down|staged\s+(?:a|an)\b|occupied|stormed|besieged|picketed|"
    # "filled the square"; a headline's present: "Thousands march in Banja Luka"
    r"filled|packed|thronged|massed|poured\s+into|converged\s+on|"
    r"(?:march|rally|protest|gather|surround)\s|"
    r"joined(?=\s*[,.;]|\s+(?:in\b|them\b|the\s+(?:rally|protest|march|demonstration|strike|"
    r"sit-in|crowd|protesters|marchers|column|procession)))))",
    re.IGNORECASE,
)


# "Thousands of Bahrainis", "50,000 Georgians": a people named by a capitalised plural
# right after the number (or its "of"). Demonyms are open-ended, so their form is read:
# a capitalised word ending in "s" that is not an acronym ("hundreds of NGOs" is no crowd).
_NOT_A_PEOPLE = r"(?!(?:Dollar|Euro|Pound|Franc|R[o]?uble|Peso|Dinar|Rupee|Shilling|Dirham)s\b)"
_PEOPLE_BY_NAME_RE = re.compile(
    # "Thousands of mostly young Spaniards": a word or two may describe them
    # ("about 150 Puerto Ricans picketed": a people of two words)
    rf"\s+(?:of\s+(?:[a-z]+\s+){{0,2}})?{_NOT_A_PEOPLE}([A-Z][a-z]+(?:[- ][A-Z][a-z]+)*"
    # ("Hundreds of thousands of Lebanese")
    r"(?:[a-z]s|is|ese))\b"
)


def _people_by_name_end(sentence: str, phrase: NumberPhrase) -> int | None:
    match = _PEOPLE_BY_NAME_RE.match(sentence, phrase.end)
    return match.end() if match else None


# Groups that are counted with the crowd they faced, not described: "200 police and
# protesters" are two groups, no crowd of 200 protesters.
_FORCES = frozenset({"police", "security", "army", "militia", "riot", "military", "staff"})


def _joins_descriptions(previous: str) -> bool:
    """Whether an "and" after this word joins two descriptions of the same people ("left-wing
    and anti-EU demonstrators"), not two groups ("200 police and protesters", "50 soldiers
    and students")."""
    return bool(previous) and previous not in _FORCES and not previous.endswith("s")


# "about 300 of the women marched", "some 2,000 of their members were manning the
# barricades": a part of the people told of before, large enough to be a gathering of its
# own ("one of the demonstrators" is a person; "about 30 of them in Bahir Dar", after a
# toll, is a part of the dead)
# ("About 1,400 of the 1,700 workers walked out": the part, out of a whole counted)
_PART_OF_THE_PEOPLE_RE = re.compile(
    r"\s+of\s+(?:the|their|these|those)\s+(?:\d[\d,.]*\s+)?(?P<first>[\w'’-]+)"
    r"(?:\s+(?P<second>[\w'’-]+))?"
)
# ... and the whole itself is no gathering
_WHOLE_AFTER_ITS_PART_RE = re.compile(r"\d\s+of\s+(?:the|their|these|those)\s+$")
_SMALLEST_PART = 20


def _part_of_the_people_end(sentence: str, phrase: NumberPhrase) -> int | None:
    if phrase.low < _SMALLEST_PART:
        return None
    match = _PART_OF_THE_PEOPLE_RE.match(sentence, phrase.end)
    if match is None:
        return None
    for group in ("first", "second"):  # "of the women", "of the union members"
        noun = match.group(group)
        if noun is not None and noun.lower() in _PEOPLE_NOUNS:
            return match.end(group)
    return None


def _people_noun_end(sentence: str, phrase: NumberPhrase) -> int | None:
    """End of the people noun that the number counts, if there is one."""
    by_name = _people_by_name_end(sentence, phrase)
    if by_name is not None:
        return by_name
    part = _part_of_the_people_end(sentence, phrase)
    if part is not None:
        return part
    seen = 0
    previous = ""
    for match in _WORD_RE.finditer(sentence, phrase.end, min(len(sentence), phrase.end + 80)):
        word = match.group(0).lower()
        if word in _PEOPLE_NOUNS:
            return match.end()
        if word == "of" and phrase.vague:
            previous = word
            continue  # "hundreds of protestors"
        if previous == "of" and word.endswith(("'s", "’s")):
            continue  # "hundreds of Saied's supporters"
        if word == "the" and previous != "of":
            previous = word
            continue
        if word == "and" and _joins_descriptions(previous):
            previous = word
            continue  # "thousands of secondary school and university students"
        # "one of the demonstrators" is a part of a group, not the size of a gathering.
        if word in _VICTIM_MODIFIERS or word in _NOUN_SEARCH_STOPS or not word[0].isalpha():
            return None
        seen += 1
        if seen > 3:
            return None
        previous = word
    return None


# Every crowd figure needs a people noun or one of the crowd words of the two context
# patterns above. A literal test on the lower-cased sentence rules most sentences out
# before the number patterns run; keep it in step with those patterns.
_CROWD_VOCABULARY_RE = re.compile(
    "|".join(
        sorted(
            {
                *_PEOPLE_NOUNS,
                # the crowd words of _CROWD_CONTEXT_AFTER_RE and _CROWD_CONTEXT_BEFORE_RE
                *("strong", "turned", "took", "gather", "rall", "march", "demonstrat"),
                *("protest", "attend", "joined", "crowd", "turnout", "throng", "number"),
                *("figure", "size", "drew", "draw", "attract", "brought", "mobili"),
                *("streets", "camped", "estimate", "strike", "organis", "organiz"),
                *("procession", "vigil", "taken", "filled", "packed", "thronged", "massed"),
                *("poured", "converged", "surround", "walked", "downed", "stopped", "held", "peak"),
                *("sat", "staged", "occupied", "stormed", "besieged", "picketed", "put"),
                *("present", "column"),
            },
            key=lambda term: (-len(term), term),
        )
    )
)


# What a bare figure's "it" or "the figure" may refer back to: a toll, or a gathering.
_TOLL_WORD_RE = Caseless(
    r"\b(?:died|dead|killed|deaths?|toll|injured|wounded|casualties|fatalities|arrested|"
    r"detained|arrests)\b"
)
_GATHERING_WORD_RE = Caseless(
    r"\b(?:crowds?|turnout|attendance|protesters|protestors|demonstrators|marchers|"
    r"participants|took\s+part|taken\s+part|gathered|rall(?:y|ies)|march(?:es)?|"
    r"demonstrations?|protests?|strikers|meeting)\b"
)


def _a_toll_told_last(before: str) -> bool:
    """Whether the last count the text before a bare figure told of was a toll: "22 people
    had died in the city, while the CLO put the figure at more than 50" (the dead), but
    "two people died; organisers put the crowd at 5,000" (the crowd)."""
    tolls = list(_TOLL_WORD_RE.finditer(before))
    return bool(tolls) and _GATHERING_WORD_RE.search(before[tolls[-1].end() :]) is None


def _has_crowd_word(sentence: str) -> bool:
    """Whether _CROWD_VOCABULARY_RE finds a word in the lower-cased sentence.

    Its words are letters and hyphens, never whitespace, so one occurs in the sentence
    exactly when it occurs in one of the sentence's whitespace-separated chunks; chunks
    ("the", "said", "police") recur, so each distinct one is searched once.
    """
    return any(map(_crowd_word_in, set(sentence.lower().split())))


@lru_cache(maxsize=1 << 16)
def _crowd_word_in(chunk: str) -> bool:
    return _CROWD_VOCABULARY_RE.search(chunk) is not None


def parse_crowd(sentence: str) -> CrowdFigure | None:
    """The first crowd-size figure in the sentence: a count of people gathered.

    Counts of victims ("30 arrested protestors", "four people were killed"), of things
    ("seven government buildings") and of measures ("250 km", "4 a.m.") are not crowds.
    """
    crowds = parse_crowds(sentence)
    return crowds[0] if crowds else None


# "organisers said 190,000 while police put it at 128,000": a figure right after a claim is
# a counter-estimate of the crowd the sentence speaks of.
_CLAIM_BEFORE_RE = re.compile(
    r"\b(?:said|say|says|claimed|claims|counted|reported|estimated|estimates|"
    r"put\s+(?:it|the\s+(?:figure|number|turnout|crowd|size|attendance))|"
    r"(?:estimated|estimates)\s+(?:it|the\s+(?:crowd|turnout|number))|gave\s+a\s+figure\s+of|"
    # "the interior ministry spoke of about 800"
    r"spoke\s+of|"
    # "a crowd, which the organisers put at more than 500,000": the crowd is the relative's
    r"which\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:put|estimated|counted)|"
    # "said there were 20,000", "the police estimate was about 20,000"
    # "organisers said it was more than 10,000"
    r"said\s+(?:that\s+)?(?:there|it|the\s+(?:crowd|turnout|number))\s+(?:were|was)|"
    r"estimate\s+(?:was|is|of))"
    r"\s+(?:at\s+|was\s+|were\s+|of\s+)?(?:only\s+|just\s+|no\s+more\s+than\s+)?$|"
    # "the opposition claimed 80,000, the police 20,000", "counted 300,000 people and the
    # police about 150,000", "drew 90,000 and independent observers about 30,000": the
    # verb is understood
    r"(?:,|\band)\s+(?:by\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:police|authorities|government|officials|"
    r"organi[sz]ers|opposition|observers|monitors|journalists|reporters|press|witnesses|"
    r"ministry|media)"
    # "the organisers claimed 100,000, the Ministry of Public Security 25,000"; "which the
    # union put at 70,000 and reporters at about 30,000"
    r"(?:\s+of(?:\s+[A-Z][\w-]*){1,3})?(?:\s+at)?\s+$|"
    # "Tens of thousands marched (police: 40,000; unions: 110,000)": claims in brackets
    r"[(;,]\s*(?:the\s+)?(?:police|authorities|government|officials|organi[sz]ers|unions?|"
    r"opposition|(?:interior\s+)?ministry|prefecture|city\s+hall)\s*:\s*(?:about\s+)?$",
    re.IGNORECASE,
)
_COUNTER_CUE_RE = Caseless(
    r"\b(?:crowd|turnout|rall(?:y|ies)|march(?:es|ed)?|protests?|demonstrations?|gathering|"
    r"gathered|protesters|demonstrators|marchers|attend\w*|took\s+part|turned\s+out|participants|"
    r"were\s+present|had\s+come|taken\s+part|"
    # what organisers count is their turnout: "Organisers later put it at 30,000"
    r"organi[sz]ers)\b"
)


# The prefilter's share of _PEOPLE_BY_NAME_RE: "of" and a capitalised plural.
_NAMED_PEOPLE_RE = re.compile(
    rf"(?:\bof|hundreds?|thousands?|dozens?|\d)\s+{_NOT_A_PEOPLE}[A-Z][a-z]+(?:-[A-Z][a-z]+)*"
    r"(?:[a-z]s|is|ese)\b"
)


@lru_cache(maxsize=8)  # asked by the triggers, then again for the event's figures
def parse_crowds(sentence: str) -> tuple[CrowdFigure, ...]:
    """Every crowd-size figure in the sentence, in order: one per claim when sources differ.

    A figure right after a claim ("organisers said 190,000 while police put it at 128,000")
    counts only where the sentence speaks of a crowd and holds at least two figures.
    """
    if not _has_crowd_word(sentence) and not _NAMED_PEOPLE_RE.search(sentence):
        return ()
    found = list(_crowd_figures(sentence))
    claimed = []
    # (a crowd figure already read says the sentence speaks of a crowd: "the students say
    # there were 11,000; the police say 3,000")
    if found or _COUNTER_CUE_RE.search(sentence):
        taken = {f.start for f in found}
        for phrase in find_numbers(sentence):
            if (
                phrase.start in taken
                or (phrase.vague and phrase.low < 100)
                or phrase.low < _SMALLEST_CROWD
            ):
                continue
            if (
                _follows_a_claim(sentence, phrase)
                and not _measures_something_else(sentence, phrase)
                and not _counts_victims(sentence, phrase)
                and not _FORCES_AFTER_RE.match(sentence, phrase.end)
            ):
                claimed.append(
                    CrowdFigure(
                        phrase.low, phrase.high, phrase.text, phrase.start, phrase.end, phrase.vague
                    )
                )
    if claimed and len(found) + len(claimed) >= 2:
        found.extend(claimed)
    if found:
        found.extend(_counts_by_place(sentence, found))
    return tuple(sorted(found, key=lambda f: f.start))


# What may follow a side's bare count: the sentence's or the clause's end ("Union leaders
# say 20,000.", "its leaders claimed 20,000, though ...").
_BARE_COUNT_END_RE = re.compile(
    r"\s*(?:[.;,:)\"”’]|\s[-–—]\s|$)|\s+(?:and|but|while|though|although|whereas)\b"
)
# A bare count smaller than this, after a crowd, is as likely a toll or a tally of arrests.
_SMALLEST_BARE_COUNT = 100


@lru_cache(maxsize=8)  # asked by the triggers, by the sentences after, and for the figures
def side_counts(sentence: str) -> tuple[CrowdFigure, ...]:
    """A side's bare counts, each standing right after its claim: "Union leaders say
    20,000.", "Police say about four thousand.", "though its leaders claimed 20,000".

    The sentence names no crowd, so a count is a crowd's size only where the sentence
    before measured one: the caller says so. The count ends its clause ("The police said
    5,000, and ...") or counts people who are no victims ("The army said 3,000 people.");
    "Police say 34 people were detained" and "said 300 jobs would go" are not crowds.
    """
    found = []
    for phrase in find_numbers(sentence):
        if (
            phrase.low < _SMALLEST_BARE_COUNT
            or not _follows_a_claim(sentence, phrase)
            or _measures_something_else(sentence, phrase)
            or _FORCES_AFTER_RE.match(sentence, phrase.end)
            # "The government put the number of dead at 32; opposition sources spoke of
            # several thousand": a second figure for the toll
            or _a_toll_told_last(sentence[: phrase.start])
        ):
            continue
        end = _people_noun_end(sentence, phrase)
        if end is None:
            if not _BARE_COUNT_END_RE.match(sentence, phrase.end):
                continue
            end = phrase.end
        elif _said_of_victims(sentence, phrase, end):
            continue
        found.append(
            CrowdFigure(
                phrase.low,
                phrase.high,
                sentence[phrase.start : end],
                phrase.start,
                end,
                phrase.vague,
            )
        )
    return tuple(found)


# "a spokesman said about 500 paratroopers had been flown in": troops sent, not a crowd
_FORCES_AFTER_RE = re.compile(
    r"\s+(?:(?:riot|security|armed|extra|more|additional|federal)\s+)?"
    r"(?:troops|soldiers|paratroopers|marines|policemen|police|officers|forces|"
    r"gendarmes|guardsmen|commandos)\b"
)


# "police estimated 40,000": the claim's verb was read as the number's qualifier
_CLAIM_AS_QUALIFIER_RE = re.compile(r"estimated\s+", re.IGNORECASE)


# "against 130,000 according to the police": the claimant named after the figure
_CLAIM_AFTER_RE = re.compile(
    # "put the crowd at 8,000 and 20,000 respectively": the second claimant's figure
    r"\s+(?:people\s+)?according\s+to\b|" + _RESPECTIVELY,
    re.IGNORECASE,
)


def _follows_a_claim(sentence: str, phrase: NumberPhrase) -> bool:
    """Whether a claim ("police put it at", "organisers said") stands right before it, or
    its claimant right after it ("according to the police")."""
    verb = _CLAIM_AS_QUALIFIER_RE.match(sentence, phrase.start)
    start = verb.end() if verb else phrase.start
    before = _text_before(sentence, start, 60)
    return bool(_CLAIM_BEFORE_RE.search(before) or _CLAIM_AFTER_RE.match(sentence, phrase.end))


def _counts_victims(sentence: str, phrase: NumberPhrase) -> bool:
    """ "says five people have died": a toll, not a counter-estimate of the crowd."""
    end = _people_noun_end(sentence, phrase) or phrase.end
    return bool(_VICTIM_PREDICATE_RE.match(sentence, end))


# "About 50,000 people marched in Cluj-Napoca and 40,000 in Timișoara": after a crowd
# figure, a bare count followed by its place is that place's crowd.
_BY_PLACE_AFTER_RE = re.compile(r"\s+(?:in|at)\s+[A-Z\u00c0-\u00de]")


def _counts_by_place(sentence: str, found: list[CrowdFigure]) -> list[CrowdFigure]:
    taken = sorted((f.start, f.end) for f in found)
    starts = [start for start, _ in taken]
    first = starts[0]
    out = []
    for phrase in find_numbers(sentence):
        # the figure found last that starts at or before the phrase is the only one that
        # can hold it (found figures do not overlap)
        holder = bisect_right(starts, phrase.start) - 1
        inside = holder >= 0 and phrase.start < taken[holder][1]
        if inside or phrase.start < first or phrase.vague or phrase.low < 100:
            continue
        if _BY_PLACE_AFTER_RE.match(sentence, phrase.end):
            out.append(
                CrowdFigure(
                    phrase.low, phrase.high, phrase.text, phrase.start, phrase.end, phrase.vague
                )
            )
    return out


# "a protest of about 50 people was held": what follows is said of the gathering
_GATHERING_OF_RE = re.compile(
    r"\b(?:crowds?|throngs?|gatherings?|rall(?:y|ies)|march(?:es)?|demonstrations?|protests?|"
    r"processions?|vigils?)\s+of\s+$",
    re.IGNORECASE,
)


def _said_of_victims(sentence: str, phrase: NumberPhrase, end: int) -> bool:
    """Whether the people counted are then said to be victims, detainees, displaced, a
    body's few members or a place's residents."""
    gathering = _GATHERING_OF_RE.search(sentence, max(0, phrase.start - 30), phrase.start)
    return (
        (gathering is None and bool(_VICTIM_PREDICATE_RE.match(sentence, end)))
        or bool(_DISPLACED_RE.match(sentence, end))
        or _a_bodys_few_members(sentence, phrase, end)
        or _a_places_population(sentence, phrase, end)
    )


def _text_before(sentence: str, end: int, reach: int) -> str:
    """The words before a number, up to an opening quote ('numbered "barely 4,000"')."""
    return sentence[max(0, end - reach) : end].rstrip('"“‘')


# Fewer people than this are individuals a report singles out ("one protester climbed onto
# the vehicle", "three students knelt", "two priests were detained"), not the size of a
# gathering: a crowd estimate in the news starts at about a dozen.
_SMALLEST_CROWD = 10


# "Police put the crowd at about 500; the students claimed it was nearer 800": a side's
# bare count, where the sentence measures a gathering ("Organisers said 5,000." alone
# measures nothing the sentence names)
_SIDE_COUNT_BEFORE_RE = Caseless(
    r"\b(?:organi[sz]ers|unions?|students|protesters|opposition|activists|police)\s+"
    r"(?:said|say|says|claimed|claim|claims)\s+(?:(?:that\s+)?it\s+was\s+)?"
    r"(?:nearer\s+|closer\s+to\s+)?$"
)
# (crowds and turnouts are gathering words already)
_MEASURED_RE = Caseless(r"\b(?:estimated?|estimates|number|figure|puts?)\b")


def _a_sides_count(sentence: str, before: str) -> bool:
    return _SIDE_COUNT_BEFORE_RE.search(before) is not None and bool(
        _MEASURED_RE.search(sentence) or _GATHERING_WORD_RE.search(sentence)
    )


def _crowd_figures(sentence: str) -> Iterator[CrowdFigure]:
    for phrase in find_numbers(sentence):
        if (
            phrase.low < _SMALLEST_CROWD
            or phrase.text.strip().lower() in _FUZZY_COUNTS
            or _measures_something_else(sentence, phrase)
        ):
            continue
        # wide enough for "put the number of people who gathered on Monday evening on
        # Austurvollur square, in front of the parliament building, at"
        before = _text_before(sentence, phrase.start, 140)
        if (
            _NOT_A_GATHERING_BEFORE_RE.search(before)
            or _A_POPULATION_CLAUSE_RE.search(before)
            or _VICTIM_VERB_BEFORE_RE.search(before)
            or _VICTIM_LIST_BEFORE_RE.search(before)
            or _TOLL_BEFORE_RE.search(before)
            or _WHOLE_AFTER_ITS_PART_RE.search(before)
        ):
            continue
        end = _people_noun_end(sentence, phrase)
        if end is None:
            if _VICTIM_WORD_AFTER_RE.match(sentence, phrase.end):
                continue  # "the government's own figure was 276 dead": a toll's figure
            context = _CROWD_CONTEXT_AFTER_RE.match(sentence, phrase.end)
            if context is None and not (
                _CROWD_CONTEXT_BEFORE_RE.search(before) or _a_sides_count(sentence, before)
            ):
                continue
            if context is None and _a_toll_told_last(before):
                continue  # "22 people had died, while the CLO put the figure at more than 50"
            end = phrase.end if context is None else context.end()
            if context is not None and not context.group(0).startswith("-strong"):
                end = phrase.end
        elif _said_of_victims(sentence, phrase, end):
            continue
        start = phrase.start
        text = sentence[start:end]
        yield CrowdFigure(phrase.low, phrase.high, text, start, end, phrase.vague)


_KILLED = "killed"
_INJURED = "injured"
_ARRESTED = "arrested"
# Outcome words that follow their count: "four officers were killed", "30 arrested protestors".
_PREDICATES = (
    (
        _KILLED,
        Caseless(
            r"\b(?:killed|beaten\s+to\s+death|shot\s+dead|stabbed\s+to\s+death|"
            r"fatally\s+(?:shot|stabbed|wounded|injured|beaten|hit)|"
            r"burned\s+to\s+death|burnt\s+to\s+death|died|dead|deaths|lost\s+their\s+lives|"
            r"fatalities|perished|slain|bodies|suffocated|drowned|burned\s+alive|burnt\s+alive|"
            r"(?:trampled|crushed)\s+to\s+death)\b"
        ),
    ),
    (
        _INJURED,
        Caseless(
            r"\b(?:injured|wounded|hurt|hospitali[sz]ed|injuries|"
            r"taken\s+to\s+(?:[\w'’-]+\s+){0,3}?hospitals?|"
            r"treated\s+(?:in\s+hospital|for\s+(?:injuries|wounds)))\b"
        ),
    ),
    (
        _ARRESTED,
        Caseless(
            r"\b(?:arrested|detained|held\s+in\s+custody|jailed|taken\s+into\s+custody|"
            r"rounded\s+up|detentions|arrests|detainees|apprehended|imprisoned)\b"
        ),
    ),
)
# Active verbs whose count follows them: "killing at least five", "freed around 30".
_OBJECT_VERBS = (
    (
        _KILLED,
        re.compile(
            r"\b(?:killing|killed|kill|shot\s+dead|shooting\s+dead|(?:deaths?|killings?|murders?|"
            r"bodies)\s+of)(?:\s+(?:another|a\s+further|further))?\s+$",
            re.I,
        ),
    ),
    (_INJURED, re.compile(r"\b(?:injuring|injured|wounding|wounded|hurting)\s+$", re.I)),
    (
        _ARRESTED,
        re.compile(
            r"\b(?:arrested|arresting|detained|detaining|freed|freeing|released|releasing|"
            r"rounded\s+up|rounding\s+up|jailed|jailing)\s+$",
            re.I,
        ),
    ),
)
_PASSIVE_BEFORE_RE = Caseless(r"\b(?:were|was|been|being|are|is)\s+(?:\w+ly\s+)?$")
_TOLL_RE = re.compile(
    r"\b(?:(?:death\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|killed|fatalities)|"
    # "puts the number of its supporters killed in the town at 41" (not "a number of"),
    # "the government put the dead at about 70", "the dead numbered 30"
    r"(?<!\ba\s)number\s+of\s+(?:[\w'’-]+\s+){1,3}?(?:killed|dead|who\s+(?:died|were\s+"
    r"killed))|(?:put|puts|putting)\s+the\s+dead|the\s+dead\s+number(?:ed)?)\b",
    re.IGNORECASE,
)
# "put the number of dead at seven": a toll's count, never a crowd's
_TOLL_BEFORE_RE = Caseless(_TOLL_RE.pattern + r"[^.;]{0,20}$")
_ZERO_PATTERNS = (
    (
        _KILLED,
        re.compile(
            r"\b(?:(?:nobody|no\s+one|no-one)\s+(?:\w+\s+){0,2}?(?:died|was\s+killed|"
            r"were\s+killed|had\s+been\s+killed|has\s+been\s+killed|killed|lost\s+(?:his|her|"
            r"their)\s+li(?:fe|ves))|no\s+(?:casualties|deaths|fatalities|one\s+dead|dead)|"
            # "There were no immediate reports of deaths in Aden"
            r"no\s+(?:immediate\s+|other\s+)?reports?\s+of\s+(?:any\s+)?(?:deaths|fatalities)|"
            # "no arrests or deaths", "no reports of injuries or deaths"
            r"no\s+(?:reports?\s+of\s+)?[\w-]+\s+or\s+(?:deaths|fatalities)|"
            r"none\s+(?:\w+\s+){0,2}?(?:died|killed))\b",
            re.IGNORECASE,
        ),
    ),
    (
        _INJURED,
        re.compile(
            # ("No one was reported hurt")
            r"\b(?:(?:nobody|no\s+one|no-one)\s+(?:was|were|had\s+been|has\s+been)\s+"
            r"(?:reported\s+)?(?:[\w-]+\s+or\s+)?(?:\w+ly\s+)?(?:injured|hurt|wounded)|"
            r"no\s+(?:injuries|one\s+injured)|"
            # "there were no reports of injuries there"
            r"no\s+(?:immediate\s+)?reports?\s+of\s+(?:serious\s+)?(?:injuries|casualties)|"
            # "No arrests or injuries were reported"
            r"no\s+(?:reports?\s+of\s+)?[\w-]+\s+or\s+(?:injuries|casualties))\b",
            re.IGNORECASE,
        ),
    ),
    (
        _ARRESTED,
        re.compile(
            r"\b(?:(?:nobody|no\s+one|no-one)\s+(?:was|were|had\s+been|has\s+been)\s+"
            r"(?:reported\s+)?(?:[\w-]+\s+or\s+)?(?:arrested|detained)|no\s+(?:[\w-]+\s+or\s+)?(?:arrests|detentions)|"
            r"(?:did\s+not|didn't|did\s+n't)\s+(?:arrest|detain)\s+anyone)\b",
            re.IGNORECASE,
        ),
    ),
)
_RELEASE_RE = Caseless(
    r"\b(?:(?:were|was|been|being)\s+(?:\w+\s+)?(?:released|freed|set\s+free)|"
    r"(?:freed|released|freeing|releasing|set\s+free)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:detainees|prisoners|protesters|protestors|demonstrators|activists|arrested|detained|"
    r"them|him|her)|release\s+of\s+(?:[\w'’-]+\s+){0,3}?(?:detainees|prisoners|protesters|"
    r"protestors|demonstrators|activists|arrested|detained|those))\b"
)
# A count and its outcome word belong together only within one short clause.
_CLAUSE_BREAK_RE = re.compile(
    r"[,;:()\"“”]|\b(?:said|says|say|told|but|while|when|after|before|because|although)\b",
    re.IGNORECASE,
)
_MAX_GAP_WORDS = 6
_BLANK_RE = re.compile(r"\s*")


# "One of the dead, a boy of seventeen, came from Les Abymes": one victim described, not
# a toll of one (but "one of the wounded died in hospital" is a death)
_ONE_OF_THE_VICTIMS_RE = re.compile(
    r"\s+of\s+(?:the|those)\s+(?:dead|killed|arrested|detained|detainees|victims)\b",
    re.IGNORECASE,
)


def _after_a_written_day(sentence: str, phrase: NumberPhrase) -> bool:
    """ "On 14 March three demonstrators were shot dead": the day is already written, so
    the number after the month counts victims (a crowd's count stays read as a date part:
    "On 7 March ten members of the council resigned")."""
    return (
        _DAY_AND_MONTH_BEFORE_RE.search(sentence, max(0, phrase.start - 16), phrase.start)
        is not None
        and not _DAY_OR_YEAR_RE.fullmatch(phrase.text.strip())
        and not _NOT_PEOPLE_AFTER_RE.match(sentence, phrase.end, phrase.end + 12)
    )


def _count_numbers(sentence: str) -> list[NumberPhrase]:
    return [
        phrase
        for phrase in find_numbers(sentence)
        if (
            not _measures_something_else(sentence, phrase) or _after_a_written_day(sentence, phrase)
        )
        and not sentence[max(0, phrase.start - 3) : phrase.start].lower().endswith("no ")
        and not (phrase.high == 1 and _ONE_OF_THE_VICTIMS_RE.match(sentence, phrase.end))
    ]


_NON_SPACE_RE = re.compile(r"\S+")


class _Words:
    """How many words str.split() finds in any stretch of a sentence, without copying the
    stretch: in a long sentence, the gaps between counts and outcome words are long."""

    def __init__(self, sentence: str) -> None:
        runs = [match.span() for match in _NON_SPACE_RE.finditer(sentence)]
        self.starts = [start for start, _ in runs]
        self.ends = [end for _, end in runs]

    def count(self, start: int, end: int) -> int:
        if start >= end:
            return 0
        # Words that begin before the stretch ends, less those that end before it begins.
        return bisect_left(self.starts, end) - bisect_right(self.ends, start)


def _subject_count(
    sentence: str, numbers: list[NumberPhrase], ends: list[int], words: _Words, position: int
) -> NumberPhrase | None:
    """The count closest before an outcome word, in the same clause."""
    before = bisect_right(ends, position)  # numbers are in text order, so their ends are too
    if not before:
        return None
    best = numbers[before - 1]
    # The word count first: a clause of a few words is cheap to search for a break.
    if words.count(best.end, position) > _MAX_GAP_WORDS:
        return None
    if _CLAUSE_BREAK_RE.search(sentence[best.end : position]):
        return None
    return best


_OUTCOME_WORDS = {
    "killed": _KILLED,
    "dead": _KILLED,
    "shot dead": _KILLED,
    "shot and killed": _KILLED,
    "injured": _INJURED,
    "wounded": _INJURED,
    "arrested": _ARRESTED,
    "detained": _ARRESTED,
}
_OUTCOME_ALTERNATIVES = r"(?P<outcome>killed|shot\s+dead|dead|injured|wounded|arrested|detained)"
# "Four students, A, B and C, were killed", "30, including the opposition leader, were
# arrested": the names between the count and its outcome. The count's noun holds no verb
# and no other count ("157 demonstrators were killed, 1,253 injured and 30, including ...,
# were arrested": 30 were arrested, not 157 or 1,253).
_APPOSITION_RE = re.compile(
    r"(?:\s+(?:(?!(?:were|was|had|have|has)\b)[^\W\d][\w'’-]*\s+){0,2}?"
    r"(?!(?:were|was|had|have|has)\b)[^\W\d][\w'’-]*)?\s*,[^;.]{3,160}?,\s*(?:were|was)\s+"
    r"(?:\w+ly\s+)?" + _OUTCOME_ALTERNATIVES + r"\b",
    re.IGNORECASE,
)
# One person's age, set off by commas: "Peter Otieno, 24, was", "one man, aged 19, had been",
# "Ana Díaz, a 23-year-old nurse, was".
_AGE_APPOSITION = (
    # ("Kang, a 20-year-old first-year student at Myongji University in Seoul, was")
    r"(?:\s*,\s*(?:aged\s+\d{1,3}|\d{1,3}|an?\s+\d{1,3}-year-old(?:\s+[\w'’-]+){0,8})\s*,)"
)
_ONE_VICTIM_OUTCOME = (
    r"\s+(?:(?:was|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
    r"(?:(?P<outcome>killed|shot\s+dead|shot\s+and\s+killed|injured|wounded|arrested|detained)|"
    r"(?P<fatal>fatally\s+(?:shot|stabbed|wounded|injured|beaten)|beaten\s+to\s+death|"
    r"stabbed\s+to\s+death))|(?:later\s+)?(?P<died>died))\b"
)
_PERSONAL_NAME = (
    r"[A-Z][\w'’-]+(?:\s+(?:(?:de|da|del|la|dos|van|von|der|al|el|bin|ibn)\s+)*[A-Z][\w'’-]+){1,3}"
)
# "a 56-year-old man who died", "a student who was shot dead"
_WHO = r"(?:\s+who)?"
_ONE_VICTIM_NOUNS = (
    r"(?:student|protester|protestor|demonstrator|man|woman|boy|girl|person|policeman|"
    r"policewoman|police\s+officer|officer|sergeant|corporal|guard|gendarme|conscript|"
    r"journalist|reporter|photographer|cameraman|bystander|passer-by|child|teenager|youth|"
    r"pupil|schoolboy|schoolgirl|soldier|worker|activist|resident|villager|farmer|miner|"
    r"driver|vendor|trader|teacher|nurse|doctor|monk|priest|pensioner|supporter|member|"
    # "a rickshaw puller", "a 40-year-old fisherman", "a police inspector"
    r"puller|fisherman|labou?rer|shopkeeper|constable|inspector|civilian|marcher|striker|"
    r"peasant|tribesman|lawyer|cleric|imam|official|employee|motorist|porter|mother|father)"
)
# "a student was killed", "one man, aged 19, had been killed", "a student, Abu Sayed, was
# shot dead", "a National Guard sergeant died": one person, with no count written.
_SINGLE_VICTIM_RE = re.compile(
    r"\b(?:a|an|one)\s+(?:[\w'’-]+\s+){0,2}?" + _ONE_VICTIM_NOUNS + r"\b"
    # ("a girl of 15 was shot dead")
    r"(?:\s+of\s+\d{1,3})?"
    r"(?:"
    + _AGE_APPOSITION
    + r"|\s*,\s*"
    + _PERSONAL_NAME
    + r"\s*,)?"
    + _WHO
    + _ONE_VICTIM_OUTCOME,
    re.IGNORECASE,
)
# "Police shot dead a student at Peradeniya", "troops shot and killed a Palestinian
# teenager": one victim, the object of the killing.
_KILLED_ONE_RE = re.compile(
    r"\b(?:shot\s+dead|shot\s+and\s+killed|killed|killing|gunned\s+down|beat\s+to\s+death|"
    r"stabbed\s+to\s+death)\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){0,2}?" + _ONE_VICTIM_NOUNS + r"\b",
    re.IGNORECASE,
)
# "Paola Ramírez, 23, was shot dead", "16-year-old Manuel Gutiérrez was killed": a person's
# name with an age is one person.
_NAMED_VICTIM_RE = re.compile(
    r"\b(?:"
    + _PERSONAL_NAME
    + _AGE_APPOSITION
    + r"|\d{1,3}-year-old\s+"
    + _PERSONAL_NAME
    + r")"
    + _ONE_VICTIM_OUTCOME
)


# "Officials have confirmed one death": one death, written in the singular
_ONE_DEATH_RE = re.compile(
    r"\b(?:one|a\s+single|a\s+first)\s+death\b(?!\s+(?:sentences?|penalty|squads?|threats?|"
    r"toll|row|march|certificates?|camp|blow))",
    re.IGNORECASE,
)


def _appositive_and_single_tolls(
    sentence: str, numbers: list[NumberPhrase]
) -> Iterator[tuple[str, int, int, str]]:
    """Counts the clause-bound search misses: a count whose outcome follows a list of
    names, and one victim written with "a" ("a student was killed")."""
    for phrase in numbers:
        match = _APPOSITION_RE.match(sentence, phrase.end)
        if match is not None:
            outcome = _OUTCOME_WORDS[re.sub(r"\s+", " ", match.group("outcome").lower())]
            yield outcome, phrase.start, phrase.low, sentence[phrase.start : match.end()]
    for victim_re in (_SINGLE_VICTIM_RE, _NAMED_VICTIM_RE):
        for match in victim_re.finditer(sentence):
            word = match.group("outcome")
            outcome = _KILLED if word is None else _OUTCOME_WORDS[" ".join(word.lower().split())]
            yield outcome, match.start(), 1, match.group(0)
    for death_re in (_ONE_DEATH_RE, _KILLED_ONE_RE):
        for match in death_re.finditer(sentence):
            yield _KILLED, match.start(), 1, match.group(0)


@dataclass(frozen=True)
class _Sentence:
    """One sentence as the count readers see it: its counts, in text order, with their
    starts and ends for bisecting, and its words for measuring gaps."""

    text: str
    numbers: list[NumberPhrase]
    starts: list[int]
    ends: list[int]
    words: _Words


class _Tally:
    """The figure found for each outcome: the one written first wins."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[int, int, str]] = {}  # outcome -> (position, value, text)

    def keep(self, outcome: str, position: int, value: int, text: str) -> None:
        if outcome not in self.found or position < self.found[outcome][0]:
            self.found[outcome] = (position, value, text)

    def widen(self, outcome: str, position: int, value: int, text: str) -> None:
        """Keep a reading that starts where the one found starts or earlier: a list of
        groups read from its first count replaces that count alone."""
        if outcome not in self.found or position <= self.found[outcome][0]:
            self.found[outcome] = (position, value, text)

    def value(self, outcome: str) -> int | None:
        return self.found[outcome][1] if outcome in self.found else None

    def text(self, outcome: str) -> str:
        return self.found[outcome][2] if outcome in self.found else ""


def _object_counts(s: _Sentence, tally: _Tally) -> None:
    """A count after an active verb: "police arrested 40 people", "killing 12"."""
    for phrase in s.numbers:
        before = s.text[max(0, phrase.start - 30) : phrase.start]
        for outcome, verb_re in _OBJECT_VERBS:
            verb = verb_re.search(before)
            if verb is None or _PASSIVE_BEFORE_RE.search(before[: verb.start()]):
                continue
            start = phrase.start - len(before) + verb.start()
            tally.keep(outcome, start, phrase.low, s.text[start : phrase.end])


def _object_follows(s: _Sentence, end: int) -> bool:
    """Whether a count follows `end` with nothing between: only the next count can."""
    later = bisect_left(s.starts, end)
    return later < len(s.numbers) and bool(_BLANK_RE.fullmatch(s.text, end, s.starts[later]))


def _subject_counts(s: _Sentence, tally: _Tally) -> None:
    """A count before its outcome in one clause: "12 people were killed", "40 detained"."""
    for outcome, predicate_re in _PREDICATES:
        for match in predicate_re.finditer(s.text):
            if outcome in tally.found and tally.found[outcome][0] < match.start():
                break
            subject = _subject_count(s.text, s.numbers, s.ends, s.words, match.start())
            # "Two gunmen killed 5 protesters": the count is the object, not the subject.
            if subject is not None and not _object_follows(s, match.end()):
                tally.keep(outcome, subject.start, subject.low, s.text[subject.start : match.end()])


# Groups of victims named one after another, each with its own count, before one outcome:
# "two militiamen and three insurgents were killed", "Three police officers and an air
# force serviceman were killed", "four students, a teacher and two guards were wounded".
# (", and" joins clauses more often than it ends a list: "63 were injured, among them 21
# policemen and four newsmen, and 27 students were arrested")
_GROUP_JOINT_RE = re.compile(r"\s*,\s*(?!and\b)|\s+and\s+")
# A group's noun: a few words, none a verb or an outcome ("three students died and 82
# people were injured" is two clauses, not a list).
_GROUP_NOUN_RE = re.compile(
    r"(?:\s+(?!(?:were|was|are|is|had|have|has|been|be|who|that|of|and|in|at|among|including|"
    r"died|dead|killed|injured|wounded|hurt|arrested|detained)\b)[a-z][\w'’-]*){1,4}",
    re.IGNORECASE,
)
_ONE_GROUP_RE = re.compile(r"\b(?:a|an|one)\b", re.IGNORECASE)
_GROUPS_OUTCOME_RE = re.compile(
    r"\s+(?:(?:were|was|had\s+been|have\s+been|are)\s+(?:\w+ly\s+)?)?$", re.IGNORECASE
)
# The list opens a clause: "Police said two soldiers and ..." (not "arrested 30 people and
# two students were killed", where the first count is an object).
_CLAUSE_OPENING_RE = re.compile(
    r"(?:^|[,;:(—–](?:\s*and\b)?|\b(?:that|said|says|say|but|while|whereas|when|after|as|"
    r"where)\b)\s*$",
    re.IGNORECASE,
)
_MAX_GROUPS_REACH = 120  # characters from a list's first count to its outcome
_OPENING_REACH = 12  # characters before a list's first count that show a clause opening


def _group_end(
    sentence: str, start: int, limit: int, counts: Mapping[int, NumberPhrase]
) -> tuple[int, int] | None:
    """The value of the counted group at `start` ("three insurgents", "an air force
    serviceman") and where its noun, before `limit`, ends; None when no group starts
    there."""
    phrase = counts.get(start)
    if phrase is not None and phrase.vague:
        return None  # "three officers and several demonstrators": no sum to give
    if phrase is not None:
        value, after = phrase.low, phrase.end
    else:
        one = _ONE_GROUP_RE.match(sentence, start)
        if one is None:
            return None
        value, after = 1, one.end()
    noun = _GROUP_NOUN_RE.match(sentence, after, limit)
    return None if noun is None else (value, noun.end())


def _groups_total(
    s: _Sentence, first: NumberPhrase, outcome_at: int, counts: Mapping[int, NumberPhrase]
) -> int | None:
    """The sum of the groups listed from `first` up to the outcome word, when the whole
    stretch is such a list of two or more."""
    total, groups, at = 0, 0, first.start
    while True:
        group = _group_end(s.text, at, outcome_at, counts)
        if group is None:
            return None
        value, end = group
        total, groups = total + value, groups + 1
        if _GROUPS_OUTCOME_RE.match(s.text, end, outcome_at):
            return total if groups >= 2 else None
        joint = _GROUP_JOINT_RE.match(s.text, end)
        if joint is None or joint.end() >= outcome_at:
            return None
        at = joint.end()


def _conjoined_counts(s: _Sentence, tally: _Tally) -> None:
    """Groups listed with their own counts before one outcome are added up: "two militiamen
    and three insurgents were killed" is 5 killed."""
    if not s.numbers:
        return  # a list opens with a count
    counts = dict(zip(s.starts, s.numbers, strict=True))
    for outcome, predicate_re in _PREDICATES:
        for match in predicate_re.finditer(s.text):
            # only the counts within reach before the outcome can open its list
            low = bisect_left(s.starts, match.start() - _MAX_GROUPS_REACH)
            for first in s.numbers[low : bisect_left(s.starts, match.start())]:
                # ("^" still means the sentence's start, only when the window begins there)
                window = max(0, first.start - _OPENING_REACH)
                if _CLAUSE_OPENING_RE.search(s.text, window, first.start) is None:
                    continue
                total = _groups_total(s, first, match.start(), counts)
                if total is not None:
                    tally.widen(outcome, first.start, total, s.text[first.start : match.end()])
                    break


def _toll_counts(s: _Sentence, tally: _Tally) -> None:
    """ "the death toll rose to 30": the count a few words after "toll"."""
    for toll in _TOLL_RE.finditer(s.text):
        # Only the next count can be near enough: every later one is further away.
        later = bisect_right(s.starts, toll.end())
        if later < len(s.numbers) and s.words.count(toll.end(), s.starts[later]) <= 8:
            count = s.numbers[later]
            tally.keep(_KILLED, toll.start(), count.low, s.text[toll.start() : count.end])


def _appositive_and_single_counts(s: _Sentence, tally: _Tally) -> None:
    """ "Four students, A, B and C, were killed", "a student was killed": only for an
    outcome the readers before found no count for."""
    for outcome, position, count, text in _appositive_and_single_tolls(s.text, s.numbers):
        if outcome not in tally.found:
            tally.keep(outcome, position, count, text)


def _denials(s: _Sentence, tally: _Tally) -> None:
    """ "nobody died", "there were no arrests": a count of 0."""
    if "no" not in s.text.lower():
        return
    for outcome, zero_re in _ZERO_PATTERNS:
        for match in zero_re.finditer(s.text):
            tally.keep(outcome, match.start(), 0, match.group(0))


# The readers of counts, in order: a reader may look at what the readers before it found.
_COUNT_READERS = (
    _object_counts,
    _subject_counts,
    _conjoined_counts,
    _toll_counts,
    _appositive_and_single_counts,
    _denials,
)


@lru_cache(maxsize=8)  # asked for each toll event of a sentence and its scope
def parse_counts(sentence: str) -> Counts:
    """People killed, injured and arrested, as the sentence states them.

    "nobody died" and "there were no casualties" give killed=0: a denial is a figure too.
    When a sentence gives two figures for one outcome, the first is kept.
    """
    numbers = _count_numbers(sentence)
    s = _Sentence(
        sentence,
        numbers,
        [phrase.start for phrase in numbers],
        [phrase.end for phrase in numbers],
        _Words(sentence),
    )
    tally = _Tally()
    for read in _COUNT_READERS:
        read(s, tally)
    return Counts(
        killed=tally.value(_KILLED),
        injured=tally.value(_INJURED),
        arrested=tally.value(_ARRESTED),
        killed_text=tally.text(_KILLED),
        injured_text=tally.text(_INJURED),
        arrested_text=tally.text(_ARRESTED),
        released=bool(_RELEASE_RE.search(sentence)),
    )
