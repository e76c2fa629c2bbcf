"""Where a sentence's events happened: ordered tables of small, named rules.

Three tables decide it, each rule a small function with a docstring and an example, so a
reader can see why a name was or was not taken as an event place:

- `NOT_EVENT_PLACE_RULES`: a place the sentence names is not where anything happened when
  it is part of a dateline, an outlet's or an agreement's name, a photo credit or a
  timestamp, or when it is an origin, a distance reference, an office, a speaker's seat,
  the subject of a statement, or the qualifier of an address ("Paucarpata, Arequipa").
- `SCENE_RULES`: a sentence that names no place continues the scene of the sentence just
  before it (same paragraph, or wire-style one-sentence paragraphs), or refers back to it
  ("in the city"), or happens at the article's home city (its dateline or infobox place).
  A list of several places is a summary, not a scene; a country is never carried when the
  article names a city.
- `bind_clauses`: in a sentence whose clauses each have their own event words and their
  own places, each event goes to the places of its own clause.
"""

from __future__ import annotations

import inspect
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from gazetteer import Kind, Place
from gazetteer.capitals import Capitals
from geomap.caseless import Caseless, folds_exactly
from geomap.figures import parse_crowds
from geomap.implied_places import CAPITAL_RE
from geomap.lazy import cached_property
from geomap.model import EventType, PlaceMention
from geomap.named_sites import Sites, site_named
from geomap.places import (
    LANDMARK_REACH_KM,
    METROPOLIS_POPULATION,
    contains,
    great_circle_km,
    is_dateline,
    owns_the_quarter,
)
from geomap.sentences import Span
from geomap.triggers import Trigger, UnrealisedCues, classify, may_be_unrealised

__all__ = [
    "GATHERING_RE",
    "NOT_EVENT_PLACE_RULES",
    "SCENE_RULES",
    "PlaceCue",
    "PlaceRule",
    "SceneCue",
    "SceneRule",
    "bind_clauses",
    "district_of",
    "is_list",
    "is_live_page",
    "may_name_a_town",
    "not_event_place",
    "scene_places",
    "unknown_towns",
]


@dataclass(frozen=True)
class PlaceCue:
    """A place named in a sentence, with what surrounds it: what every place rule reads."""

    text: str  # the whole article
    span: Span  # the sentence
    mention: PlaceMention
    previous: PlaceMention | None = None  # the place named just before, in the same sentence
    following: PlaceMention | None = None  # and the place named just after it

    # Cut once per name: every rule of NOT_EVENT_PLACE_RULES reads them.
    @cached_property
    def before(self) -> str:
        return self.text[max(self.span.start, self.mention.start - 60) : self.mention.start]

    @cached_property
    def after(self) -> str:
        return self.text[self.mention.end : min(self.span.end, self.mention.end + 60)]

    @property
    def sentence(self) -> str:
        return _sentence_text(self.text, self.span.start, self.span.end)

    @property
    def line_bounds(self) -> tuple[int, int]:
        """Where the line (or lines) holding the name start and end in the text."""
        breaks = _line_breaks(self.text)
        before = bisect_right(breaks, self.mention.start - 1)
        after = bisect_right(breaks, self.mention.end - 1, before)
        start = breaks[before - 1] + 1 if before else 0
        return start, breaks[after] if after < len(breaks) else len(self.text)

    @property
    def line(self) -> str:
        start, end = self.line_bounds
        return self.text[start:end]


# A sentence's names are judged one after another: each judgement gets the same sentence
# string and line index, not a fresh copy of a sentence or a search for its line, which
# made a long sentence or a one-line article cost the square of its length. The cache key
# is the article itself, whose hash Python computes once per string.
@lru_cache(maxsize=1)
def _sentence_text(text: str, start: int, end: int) -> str:
    return text[start:end]


@lru_cache(maxsize=1)
def _line_breaks(text: str) -> list[int]:
    return [match.start() for match in re.finditer("\n", text)]


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


class _EndsWithWord:
    """A pattern for the words before a name whose every match ends the text with one of
    `words`, then whitespace and an optional "the" and whitespace ("the government of the
    ", "officials in "). Searched from every position, such a pattern costs as much where
    the text ends otherwise, as it nearly always does; the end is tested first.

    `words`: lower case, none ending in "the" (so a final "the" is never part of one). Where
    lower() folds the text as IGNORECASE does (see geomap.caseless), a caseless match's
    word ends the lower-cased text before its last whitespace, one "the" taken off; any
    other text is searched as it is.
    """

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: Caseless | re.Pattern[str], words: str) -> None:
        self.pattern = pattern
        self.words = _words(words)
        if any(word.endswith("the") or word != word.lower() for word in self.words):
            raise ValueError(f"a word ending in 'the' or not in lower case: {words!r}")

    def search(self, before: str) -> re.Match[str] | None:
        if folds_exactly(before) and not self.may_end(before.lower()):
            return None
        return self.pattern.search(before)

    def may_end(self, lowered: str) -> bool:
        tail = lowered.rstrip()
        if tail.endswith("the"):
            tail = tail[:-3].rstrip()
        return tail.endswith(self.words)


@dataclass(frozen=True)
class PlaceRule:
    """A reason a named place is not an event place.

    `breaks_scene`: the name is a real place the text talks about (an origin, an office), so
    a following sentence does not continue an earlier scene across it; names that are only
    furniture (a dateline, a photo credit) leave the scene as it was.

    `words`: lower-case strings of which a sentence holds at least one wherever the rule
    applies to a place in it (each cue the rule's patterns read contains one), or () where
    no such list is kept. A sentence that holds none is not read by the rule at all.
    """

    name: str
    applies: Callable[[PlaceCue], bool]
    breaks_scene: bool
    words: tuple[str, ...] = ()

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.applies) or ""


_ORGANISATION_BEFORE_RE = re.compile(
    r"\b(?:Union|Forces|Party|Front|Movement|Council|Alliance|Congress|Coalition|Federation|"
    r"Association|Organi[sz]ation|League|Committee|Commission|Assembly|University|Institute|"
    r"Church|Bank|Academy|Society|Foundation)\s+(?:of|for)\s+(?:the\s+)?$"
)


def _in_organisation_name(cue: PlaceCue) -> bool:
    """Part of an organisation's name; the organisation acts, the place does not.

    Example: "RFE/RL's Kyrgyzstan Service reported ..." (Kyrgyzstan); "the People's National
    Congress Party of Ghana".
    """
    if cue.mention.in_name:
        return True
    if cue.mention.place.kind is Kind.CITY and _CAMPUS_BEFORE_RE.search(cue.before):
        return False  # "boycotted lectures at the University of Ibadan": on its campus
    return bool(_ORGANISATION_BEFORE_RE.search(cue.before))


# A university named after its city, as the venue of what happened there
_CAMPUS_BEFORE_RE = re.compile(
    r"\b(?:at|outside|near|into|on|in\s+front\s+of)\s+the\s+(?:University|Polytechnic)\s+of\s+$"
)


_MIXED_DATELINE_RE = re.compile(
    r"^\s*(?:\([^)\n]{1,25}\)\s*)?(?:[-–—:]|,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}\b))"
)
_DATELINE_REACH = 400  # a dateline opens the story: within its first lines
# A statement issued from two offices: "Bangkok/Seoul - The network is deeply shocked"
_JOINT_DATELINE_BEFORE_RE = re.compile(r"(?:[A-Z][\w.'’ -]{1,25}/)+")
_JOINT_DATELINE_AFTER_RE = re.compile(r"(?:/[A-Z][\w.'’ -]{1,25}?(?=[/\s]*[-–—:]))*")


def _is_dateline(text: str, mention: PlaceMention) -> bool:
    if is_dateline(text, mention.start, mention.text):
        return True
    if mention.start > _DATELINE_REACH:
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[line_start : mention.start].strip()
    if before and not _JOINT_DATELINE_BEFORE_RE.fullmatch(before):
        return False
    after = text[mention.end : mention.end + 60]
    after = _JOINT_DATELINE_AFTER_RE.sub("", after, count=1)  # past "/Seoul", if any
    return bool(_MIXED_DATELINE_RE.match(after)) and not re.match(r"\s*:\s*[~\d]", after)


def _dateline(cue: PlaceCue) -> bool:
    """The dateline names where the story was filed; it becomes the article's home city.
    The country after a dateline's city belongs to it.

    Example: "NAIROBI, June 25 – Police fired tear gas ..."; "Colombo: ..."; "OSH (AFP) –";
    "KYIV, Ukraine (AP) –".
    """
    if _is_dateline(cue.text, cue.mention):
        return True
    previous = cue.previous
    return (
        previous is not None
        and cue.text[previous.end : cue.mention.start].strip() == ","
        # ("BELGRADE, Yugoslavia, Dec. 14 (AP)": a former state's name is filed under
        # another country code than its city's today)
        and (
            cue.mention.place.kind is Kind.COUNTRY
            or (
                cue.mention.place.kind is Kind.ADMIN1
                and previous.place.country_code == cue.mention.place.country_code
            )
        )
        and _is_dateline(cue.text, previous)
    )


_FURNITURE_LINE_RE = re.compile(
    r"^\s*(?:sources?|related(?:\s+stories)?|read\s+more|see\s+also|more\s+on|share(?:\s+on)?|"
    r"follow\s+us|credits?|copyright|©|tags?|topics?|filed\s+under)\b",
    re.IGNORECASE,
)
# The same, matched in place at a line's start ("^" holds only at the text's own start).
_FURNITURE_LINE_AT_RE = re.compile(_FURNITURE_LINE_RE.pattern.removeprefix("^"), re.IGNORECASE)


def _page_furniture(cue: PlaceCue) -> bool:
    """A line of source lists, share buttons, tags or credits.

    Example: "Sources: Reuters, Kyiv Independent"; "Share on Facebook"; "Tags: Kenya".
    """
    start, end = cue.line_bounds
    return bool(_FURNITURE_LINE_AT_RE.match(cue.text, start, end))


_CLOCK_TIME = r"\d{1,2}[:.]\d{2}"  # "17:27", "9.30"
_TIMESTAMP_RE = Caseless(rf"\b{_CLOCK_TIME}\s*(?:[ap]\.?m\.?\s*)?$")


def _timestamp(cue: PlaceCue) -> bool:
    """The zone of a timestamp.

    Example: "Updated 17:27 UK" (but "19:20 Minsk: riot police detain dozens" is where the
    entry is set).
    """
    return bool(_TIMESTAMP_RE.search(cue.before)) and not _ENTRY_HEADING_AFTER_RE.match(cue.after)


# A live page's entry headed by its place: "19:20 Minsk: ...", "19:32 From Gomel: ..."
_ENTRY_HEADING_AFTER_RE = re.compile(r"^\s*:")
_FROM_HEADING_BEFORE_RE = re.compile(rf"(?:^|\n|\b{_CLOCK_TIME})\s*[Ff]rom\s+$")


# "Photo by ...", "Credit: ...", "©", "Photo: AFP/Kyiv" (not "Photo: Protesters in Minsk").
_CREDIT_BEFORE_RE = Caseless(
    r"(?:\b(?:photos?|images?|pictures?)\s+(?:by|courtesy\s+of)|\bcredits?\s*:|©|"
    r"\b(?:photo|image|picture)\s*:\s*[^/\n]{0,30}/)[^.()]{0,40}$"
)


def _photo_credit(cue: PlaceCue) -> bool:
    """A photographer's or agency's credit.

    Example: "(Jill Craig/VOA)"; "Photo: AFP/Kyiv".
    """
    if _CREDIT_BEFORE_RE.search(cue.before):
        return True
    opened = cue.before.rfind("(")
    if opened < 0 or ")" in cue.before[opened:]:
        return False
    closing = cue.after.find(")")
    inside = cue.before[opened:] + cue.mention.text + cue.after[: max(closing, 0)]
    return closing >= 0 and "/" in inside


# What every cue of _photo_credit holds (see PlaceRule.words)
_PHOTO_CREDIT_WORDS = _words("photo image picture credit © /")


def _currency(cue: PlaceCue) -> bool:
    """A currency sign after a country's letters.

    Example: "US$23.4 million"; "HK$500".
    """
    return cue.after.startswith("$")


_OUTLET_BEFORE_RE = re.compile(
    r"\b(?:Voice\s+of|Radio(?:\s+Free)?)\s+(?:the\s+)?$|"
    # "the reformist newspaper Salam", "the weekly Hadar"
    r"\b(?:newspaper|magazine|daily|weekly|tabloid|journal|channel|broadcaster|news\s+agency|"
    r"website|news\s+site)\s*,?\s*$"
)
_OUTLET_AFTER_RE = re.compile(
    r"^\s+(?:Service|Broadcasting|Television|TV|Radio|Times|Post|Herald|Tribune|Gazette|"
    r"Journal|Chronicle|Daily|Press|News(?:\s+Agency)?|Telegraph|Observer|Independent)\b"
    # "Moscow radio blamed hooligans", "Tehran television said": a state's broadcaster
    # speaking (but "rebels seized Kabul radio" took it there)
    r"|^\s+(?:radio|television)\s+(?:said|says|reported|reports|blamed|announced|quoted|"
    r"broadcast|claimed|accused)\b"
)


def _outlet_name(cue: PlaceCue) -> bool:
    """Part of a news outlet's name.

    Example: "Voice of America reported ..."; "the New York Times"; "the newspaper Salam".
    """
    return bool(_OUTLET_BEFORE_RE.search(cue.before) or _OUTLET_AFTER_RE.match(cue.after))


# What every cue of _outlet_name holds (see PlaceRule.words)
_OUTLET_NAME_WORDS = _words(
    "voice radio newspaper magazine daily weekly tabloid journal channel broadcast news "
    "website service television tv times post herald tribune gazette chronicle press "
    "telegraph observer independent"
)


_AGREEMENT_AFTER_RE = re.compile(
    r"^\s+(?:accords?|agreements?|treaty|protocol|declaration|convention|peace\s+process|"
    r"ceasefire|charter|(?-i:War))\b",
    re.IGNORECASE,
)


_DAY_OF_BEFORE_RE = Caseless(r"\b\d{1,2}(?:st|nd|rd|th)?\s+of\s+$")


def _calendar_name(cue: PlaceCue) -> bool:
    """A month of another calendar, after a day number.

    Example: "the rally of the 9th of Tir" (a month of the Iranian calendar, not Tyre).
    """
    return bool(_DAY_OF_BEFORE_RE.search(cue.before))


def _agreement_name(cue: PlaceCue) -> bool:
    """The name of an agreement or treaty, signed somewhere else and long ago.

    Example: "a return to the Arusha accord"; "the Minsk agreements".
    """
    return bool(_AGREEMENT_AFTER_RE.match(cue.after))


_ADDRESS_GAP_RE = re.compile(r"^(?:\s+(?:municipality|district|province|region|county))?,\s*$")


_DISTRICT_KM = 15.0  # a district and its city's point lie this close
_DISTRICT_SHARE = 10  # ... and the city has this many times its people
_SMALL_TOWN = 50_000  # a namesake abroad this small is the district meant


def district_of(district: Place, city: Place) -> bool:
    """Whether a town is a district of a much larger city close by (Chiyoda of Tokyo),
    or a small namesake abroad of the district meant."""
    if district.kind is not Kind.CITY or city.kind is not Kind.CITY:
        return False
    if city.population < _DISTRICT_SHARE * max(district.population, 1):
        return False
    if district.country_code != city.country_code:
        return district.population < _SMALL_TOWN  # a namesake abroad: the district meant
    return great_circle_km(district.lat, district.lon, city.lat, city.lon) < _DISTRICT_KM


def _ward_of_a_metropolis(ward: Place, city: Place) -> bool:
    # GeoNames counts the people of a metropolis's wards ("Chiyoda, Tokyo": 66,680); a
    # district it gives no figure for ("Paucarpata, Arequipa") is left to the address reading
    return (
        city.population >= METROPOLIS_POPULATION and ward.population > 0 and district_of(ward, city)
    )


# "the railway station at Sakrand, in Nawabshah district": the district a town lies in;
# "Petrozavodsk, the capital of the Karelia region": the region a city is the capital of
_IN_DISTRICT_BEFORE_RE = re.compile(r",\s+in\s+(?:the\s+)?$")
_DISTRICT_WORD_AFTER_RE = re.compile(
    r"^\s+(?:district|province|region|county|governorate|prefecture|department|oblast)\b"
)
_GLOSS_BEFORE_RE = re.compile(
    r",\s+(?:the|a)\s+(?:[\w-]+\s+)?(?:capital|main\s+town|largest\s+city|chief\s+town)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _region_of_a_town(cue: PlaceCue) -> bool:
    """The district or region a town is placed in by a gloss: coders code the town.

    Example: "set fire to the railway station at Sakrand, in Nawabshah district";
    "Petrozavodsk, the capital of the Karelia region".
    """
    in_district = bool(
        _IN_DISTRICT_BEFORE_RE.search(cue.before) and _DISTRICT_WORD_AFTER_RE.match(cue.after)
    )
    return in_district or bool(_GLOSS_BEFORE_RE.search(cue.before))


def _address_qualifier(cue: PlaceCue) -> bool:
    """The region after a town in an address, even when it shares a city's name.

    Example: "Paucarpata, Arequipa, Peru" (Arequipa is the region, not the city).
    """
    previous = cue.previous
    if previous is None or previous.place.geonameid == cue.mention.place.geonameid:
        return False
    if not _ADDRESS_GAP_RE.match(cue.text[previous.end : cue.mention.start]):
        return False
    if _ward_of_a_metropolis(previous.place, cue.mention.place):
        return False  # "Chiyoda, Tokyo": a ward's metropolis, which coders code
    if previous.place.kind is not Kind.CITY:
        return False
    region = previous.place.admin1.lower()
    return cue.mention.text.lower() in (
        region,
        region.removesuffix(" province"),
        region.removesuffix(" region"),
    ) or _a_region_of_its_country(cue, previous.place)


_REGION_WORD_AFTER_RE = re.compile(r"^\s+(?:province|region|state|prefecture|governorate)\b")


def _a_region_of_its_country(cue: PlaceCue, town: Place) -> bool:
    # "Batam, Riau Islands province": a region the address calls one, which GeoNames may
    # not file the town under (Batam is still in Riau, the province it was split from)
    region = cue.mention.place
    return (
        region.kind is Kind.ADMIN1
        and region.country_code == town.country_code
        and _REGION_WORD_AFTER_RE.match(cue.after) is not None
    )


_DISTANCE_RE = Caseless(
    r"(?:\b|(?<=\d))(?:(?:km|kms|kilometres|kilometers|miles|mi)\b[^.;]{0,40}|"
    # "Amizour, a town near Béjaïa": the town locates itself by its neighbour
    r"(?:a|an|the)\s+(?:[\w-]+\s+)?(?:town|township|village|city|suburb|settlement|district|"
    r"community|camp)\s+(?:near|outside|close\s+to|not\s+far\s+from)\s+(?:the\s+)?|"
    # "protesters in Shi'ite villages around the capital": unnamed places near it
    r"\b(?:villages|towns|suburbs|settlements|communities|areas)\s+(?:around|near|outside|"
    r"surrounding)\s+(?:the\s+)?|"
    # "a town northwest of Nairobi", but not "in the south of Kyrgyzstan", a region of it
    r"(?<!the\s)(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?"
    r"(?:[a-z]+\s+(?=capital|city))?"
    r"(?:capital\s+|city\s+(?:of\s+)?|central\s+|centre\s+of\s+|center\s+of\s+)?)$"
)
_OF_BEFORE_RE = Caseless(r"\b(?:from|of)\s+(?:the\s+)?(?:capital\s+|city\s+of\s+)?$")


def _distance_reference(cue: PlaceCue) -> bool:
    """A place that locates another one.

    Example: "Jala-abad, 250 km southwest of the capital Bishkek"; "Naivasha, a town
    northwest of Nairobi"; "Amizour, a town near Béjaïa".
    """
    match = _DISTANCE_RE.search(cue.before)
    if match is None or _PART_OF_IT_BEFORE_RE.search(cue.before):
        return False
    return not match.group(0)[:1].isdigit() or bool(_OF_BEFORE_RE.search(cue.before))


# What stands between a town and the place that locates it: "Sirjan, in the southeastern
# province of Kerman", "Qahderijan, near Isfahan", "Mansfield in Nottinghamshire",
# "Sakhile township outside Standerton", "Soweto, just outside Johannesburg".
_NEAR = r"(?:just\s+)?(?:near|outside|close\s+to|not\s+far\s+from)"
_LOCATOR_GAP_RE = re.compile(
    r"(?:\s+(?:township|village|town|camp|settlement))?"
    rf"(?:,\s*(?:in\s+|{_NEAR}\s+)?|\s+(?:in|{_NEAR})\s+)"
    r"(?:the\s+)?(?P<division>(?:[\w'’-]+\s+){0,2}?"
    r"(?:province|state|region|county|district|department|governorate|prefecture|oblast|"
    r"canton)\s+of\s+)?"
)
_NEAR_RE = re.compile(_NEAR)
_OUTSIDE_KM = 40.0
_LOCATOR_REACH_KM = 100.0


def _locator_of_a_town(cue: PlaceCue) -> bool:
    """A place named right after a town to say where the town is: a region it lies in, or
    a place it lies near. Coders code the town.

    Example: "Sirjan, in the southeastern province of Kerman"; "Qahderijan, near Isfahan";
    "Mansfield in Nottinghamshire"; "Sakhile township outside Standerton" (but "Nairobi,
    Mombasa" is a list of towns).
    """
    town = cue.previous
    if town is None or town.place.kind is not Kind.CITY:
        return False
    gap = _LOCATOR_GAP_RE.fullmatch(cue.text, town.end, cue.mention.start)
    if gap is None:
        return False
    if gap.group("division") or "near" in gap.group(0):
        return True
    if _NEAR_RE.search(gap.group(0)):
        # "outside" a town is beside it ("Acapulco, outside Chilpancingo" 100 km off is the
        # road's end, then where the road was blocked)
        here, there = town.place, cue.mention.place
        return great_circle_km(here.lat, here.lon, there.lat, there.lon) < _OUTSIDE_KM
    return _lies_in(town.place, cue.mention.place)


def _lies_in(town: Place, region: Place) -> bool:
    if region.kind is Kind.ADMIN1:
        return bool(region.admin1_code) and contains(region, town)
    # GeoNames gives no second-level code for a town: nearness stands in for it
    return (
        region.kind is Kind.ADMIN2
        and region.country_code == town.country_code
        and great_circle_km(town.lat, town.lon, region.lat, region.lon) < _LOCATOR_REACH_KM
    )


# "Phoenix, a suburb north of Durban": the suburb is part of the city, which is the place.
_PART_OF_IT_BEFORE_RE = Caseless(
    r"\b(?:suburb|district|neighbou?rhood|township|quarter|slum)\s+(?:[\w-]+\s+){0,2}?of\s+"
    r"(?:the\s+)?$"
)


_ORIGIN_RE = Caseless(
    r"\bfrom\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+|surrounding\s+|regional\s+|provincial\s+)?"
    r"(?:capital,?\s+|city\s+of\s+|(?:[\w-]+\s+)?(?:provinces?|regions?|districts?|departments?|"
    r"states?)\s+of\s+)?$"
    # "forcing two flights from Saint-Denis to divert": where flights come from or go
    r"|\bflights?\s+(?:[\w-]+\s+){0,2}?(?:from|to|for|bound\s+for)\s+(?:the\s+)?$"
    # "many from the beaches of Cojímar"
    r"|\bfrom\s+the\s+(?:beaches|shores?|coast|ports?|harbou?rs?)\s+of\s+$"
    # "marchers had come from the Siglo XX and Catavi mines near Llallagua": their home
    # ("coming back from the war memorial at Redipuglia", "who had come over from estates at
    # Sainte-Marie")
    r"|\b(?:came|come|coming|travell?ed|bused|bussed|returning|returned)\s+"
    r"(?:in\s+|back\s+|over\s+|down\s+)?from\s+(?:the\s+)?"
    r"[^.;]{0,50}?\b(?:near|outside|around|at)\s+$"
    # "the summit had been moved from the resort town of Hua Hin"
    # ("brought in from the neighboring towns of Cadiz and Sagay")
    r"|\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:towns?|city|cities|villages?|resort|port)\s+"
    r"of\s+$"
    # "100 arrested, many of them nationals of Senegal, Mali and the Gambia"
    r"|\b(?:nationals|citizens|natives)\s+of\s+(?:the\s+)?$"
    # "many of them with roots in Somalia, Iraq and Turkey"
    r"|\b(?:roots|origins|family|families|ancestry)\s+in\s+(?:the\s+)?$"
    # "cut off the water supply of Delhi", "carries water from Haryana to the capital":
    # where the supply goes
    r"|\b(?:water|power|electricity|gas|fuel|food)\s+suppl(?:y|ies)\s+(?:of|to)\s+(?:the\s+)?$"
    r"|\b(?:carries|carrying|carried|supplies|supplying|pumps|pumping)\s+[^.;]{0,40}?\bto\s+"
    r"(?:the\s+)?$"
    # "an anti-Islam video made in the United States", "produced privately in California"
    r"|\b(?:made|produced|filmed|published|printed|manufactured)\s+(?:\w+ly\s+)?in\s+(?:the\s+)?$"
    # "young men from tribal areas such as Jahra and Ahmadi"
    r"|\bfrom\s+(?:[\w'’-]+\s+){0,3}?(?:areas|regions|towns|villages|provinces|districts|"
    r"cities|places)\s+(?:such\s+as|like|including)\s+$"
)
# The cue of _ORIGIN_RE that reads capitals, apart: the rest runs caseless.
_ORIGIN_NAMED_RE = re.compile(
    # "miners from Huanuni, in the Oruro region": the qualifier of where they came from
    r"\bfrom\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?,?\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "steelworkers and dockers from all over Belgium", "from across Kenya": people gathered
# from a whole country or region. (Officers "drawn from across the capital" are still in
# it, so a city is left to the story.)
_FROM_ALL_OVER_RE = Caseless(r"\bfrom\s+(?:all\s+over|across|around|throughout)\s+(?:the\s+)?$")


# "Potosi residents living in Santa Cruz": where people come from, named before where they
# live now
_LIVING_ELSEWHERE_AFTER_RE = re.compile(
    r"^\s+(?:residents|natives|migrants|emigrants|exiles|people|families|workers|students)\s+"
    r"(?:living|who\s+live|who\s+lived|settled|based)\s+in\b",
    re.IGNORECASE,
)


def _origin(cue: PlaceCue) -> bool:
    """Where people or forces came from, or where supplies go.

    Example: "security forces from Bishkek".
    """
    # ("Reports from Lagos say students were shot dead": the news comes from where it
    # happened)
    origin = (
        _ORIGIN_RE.search(cue.before)
        or _ORIGIN_NAMED_RE.search(cue.before)
        or (cue.mention.place.kind is not Kind.CITY and _FROM_ALL_OVER_RE.search(cue.before))
        or _LIVING_ELSEWHERE_AFTER_RE.match(cue.after)
    )
    if not origin or _NEWS_FROM_RE.search(cue.before):
        return False
    if _FROM_HEADING_BEFORE_RE.search(cue.before) and _ENTRY_HEADING_AFTER_RE.match(cue.after):
        return False  # "19:32 From Gomel: about 200 people gathered": the news from there
    # ("miners marched from Zonguldak toward Ankara", "set out from Oruro on 10 August":
    # where a march set out is its place, unless the sentence names where it went: "set
    # out from Abidjan to Grand-Bassam")
    return not (_MARCH_FROM_RE.search(cue.before) and _NO_DESTINATION_AFTER_RE.match(cue.after))


# What every cue of _origin holds (see PlaceRule.words)
_ORIGIN_WORDS = _words(
    "from flight national citizen native roots origin famil ancestry suppl carr pump made "
    "produced filmed published printed manufactured liv settled based"
)


_MARCH_FROM_RE = Caseless(r"\b(?:marched|set\s+(?:off|out)|started\s+out)\s+from\s+$")
_NO_DESTINATION_AFTER_RE = re.compile(
    r"^(?:\s*[,.;]|\s+(?:towards?|on|at|in|early|late|after|before)\b|\s*$)"
)


_NEWS_FROM_RE = Caseless(
    # ("Reports from the port city of Boma: police fired on a crowd")
    r"\b(?:reports?|news|word|dispatches|accounts?)\s+from\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:city|town|village|port)\s+of\s+)?$"
    # "Travelers arriving from Merca say a smaller crowd marched there": witnesses of it
    r"|\b(?:travell?ers|visitors|refugees|witnesses|passengers)\s+(?:arriving|returning|"
    r"coming|fleeing|(?:who\s+)?(?:arrived|returned|came|fled))\s+from\s+(?:the\s+)?$"
)


_BORDER_RE = Caseless(
    # "the border with Uzbekistan", "a border deal with Chechnya"
    r"\bborders?\s+(?:deal\s+|agreement\s+|dispute\s+|treaty\s+)?(?:with\s+|of\s+)(?:the\s+)?"
    r"(?:neighbou?ring\s+)?$"
    # "an allusion to the dispute with Egypt over the dam": the other side of a quarrel
    r"|\b(?:dispute|row|quarrel|feud|rivalry|tensions?|talks|negotiations)\s+with\s+(?:the\s+)?$"
    # "anger at the mobilisation for the war in Ukraine", "since the invasion of Kuwait":
    # a war elsewhere that the story mentions
    r"|\b(?:civil\s+)?war\s+in\s+(?:neighbou?ring\s+)?(?:the\s+)?$"
    # "visiting troops fighting rebels in the Kanem region": a war's front
    r"|\bfighting\s+(?:the\s+)?(?:rebels|insurgents|militants|jihadists|separatists|guerrillas)"
    r"\s+in\s+(?:neighbou?ring\s+)?(?:the\s+)?$"
    r"|\binvasion\s+of\s+(?:neighbou?ring\s+)?(?:the\s+)?$"
    # "the universities' financial ties to Israel"; "his plans for a union with Russia",
    # "after the minister's meeting with her Israeli counterpart": the other party to a bond
    r"|\b(?:ties|links|relations)\s+(?:with|to)\s+(?:the\s+)?$"
    r"|\b(?:union|alliance|merger|reunification|pact|treaty|partnership|meetings?)\s+with\s+"
    r"(?:the\s+|his\s+|her\s+|its\s+|their\s+)?$"
    # "Some are comparing this to the protests in the United States"
    r"|\b(?:compared|comparing|likened|likening)\b[^.;]{0,40}?\b(?:to|with)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:protests?|riots?|unrest|uprisings?|demonstrations?|movement|"
    r"revolts?|events)\s+(?:in|of)\s+(?:the\s+)?$"
    # "in scenes that recalled Cairo's Tahrir Square", "echoing the 1989 protests in Prague"
    r"|\b(?:recall(?:ed|ing)|evok(?:ed|ing)|echo(?:ed|ing))\s+(?:the\s+)?"
    r"(?:(?!that\b)[\w'’-]+\s+){0,3}?(?:(?:in|of)\s+(?:the\s+)?)?$"
    r"|\b(?:modell?ed\s+on|reminiscent\s+of|inspired\s+(?:in\s+part\s+)?by\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:in|of))\s+(?:the\s+)?$"
    # "three days after a similar riot in Riga": another place's events, compared
    r"|\bsimilar\s+(?:[\w-]+\s+)?(?:riots?|protests?|unrest|demonstrations?|clashes|uprisings?|"
    r"rall(?:y|ies)|strikes?)\s+in\s+(?:the\s+)?$"
    # "send troops to join the United States": an ally's side
    r"|\b(?:join|joined|joining|alongside)\s+(?:the\s+)?$"
    # "Suruç, the Turkish town facing Kobanî across the border"
    r"|\bfacing\s+$"
)
# "Unlike Greece, Portugal had seen few protests": a comparison, not a scene. Apart from
# _BORDER_RE, whose other cues all start at a word boundary: `re` then tests the boundary
# once for all of them, and one cue without it made each position cost every cue's test.
_UNLIKE_BEFORE_RE = re.compile(r"(?:^|[.;,]\s*)unlike\s+$", re.IGNORECASE)
# The cues of _BORDER_RE that read capitals, apart: the rest runs caseless (see Caseless).
_BORDER_NAMES_RE = re.compile(
    # "the gas dispute between Moscow and Kyiv": both sides of a quarrel
    r"\b(?:dispute|row|quarrel|feud|rivalry|tensions?|talks|negotiations|war)\s+between\s+"
    r"(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?\s+and\s+(?:the\s+)?)?$"
    # "compared the camp to Cairo's Tahrir Square"; "inspired in part by the uprisings in
    # Tunisia and Egypt": a model the story is measured against
    # ("compared online to Occupy Wall Street in New York": the model's own place)
    r"|\b(?:compared|comparing|likened|likening)\b[^.;]{0,60}?\b(?:to|with)\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]*\s+(?:(?-i:[A-Z])[\w'’-]*\s+){0,3}(?:in|of)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def _found_before(cue: PlaceCue, pattern: re.Pattern[str], reach: int) -> bool:
    """Whether the pattern ends right before the name, within `reach` characters of the
    sentence: for cues further back than the 60 characters of `cue.before`."""
    start = max(cue.span.start, cue.mention.start - reach)
    return pattern.search(cue.text, start, cue.mention.start) is not None


# "Organizers cited as inspiration the Arab Spring, in particular the occupation of Tahrir
# Square in Cairo": what a movement names as its model, further back than a rule's usual
# reach
_CITED_MODEL_RE = re.compile(
    r"\b(?:cited|named|took|gave)\s+(?:[\w'’-]+\s+){0,3}?as\s+(?:their\s+|its\s+|an\s+|a\s+)?"
    r"(?:inspiration|model)\b[^.;]{0,120}$",
    re.IGNORECASE,
)
_CITED_MODEL_REACH = 160


def _cited_as_a_model(cue: PlaceCue) -> bool:
    """A place in what a movement cites as its inspiration or model.

    Example: "Organizers cited as inspiration the Arab Spring, in particular the occupation of
    Tahrir Square in Cairo".
    """
    return _found_before(cue, _CITED_MODEL_RE, _CITED_MODEL_REACH)


# What every cue of _cited_as_a_model holds (see PlaceRule.words)
_CITED_AS_A_MODEL_WORDS = _words("inspiration model")


# "The blockade was imposed in January, shortly before a peace conference in Berlin": an
# event elsewhere that dates this one
_DATED_BY_BEFORE_RE = re.compile(
    r"\b(?:before|after|ahead\s+of|during|since)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:conference|summit|talks|election|vote|referendum|match|final)\s+in\s+(?:the\s+)?$"
    # "two days after the former prime minister was hanged in Rawalpindi": an act of the
    # state that dates the protest (a killing may be the episode's own: not listed)
    r"|\b(?:days?|weeks?|months?|hours?|shortly|soon|a\s+day)\s+after\s+[^.;]{0,80}?\b"
    r"(?:was|were|had\s+been)\s+(?:hanged|executed|assassinated|sentenced|deposed|"
    r"overthrown|sworn\s+in|shot\s+dead|murdered)\s+(?:in|at)\s+(?:the\s+)?$"
    # "five days after armed followers of Juhayman al-Otaybi seized the Grand Mosque in
    # Mecca": another group's act, days before
    r"|\b(?:days?|weeks?|months?)\s+after\s+[^.;]{0,80}?\b(?:seized|stormed|bombed|attacked)\s+"
    r"(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,4}?(?:in|at)\s+(?:the\s+)?$"
    # "less than three weeks after the Free Officers seized power in Cairo"; "nine months
    # after army veterans killed President Sylvanus Olympio in Lomé"
    r"|\b(?:days?|weeks?|months?|years?|shortly|soon)\s+after\s+[^.;]{0,80}?\b"
    r"(?:(?:seized|took|grabbed|came\s+to)\s+power|(?:killed|assassinated|murdered|shot)\s+"
    r"(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,4})\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _dated_by_another_event(cue: PlaceCue) -> bool:
    """The place of another event that dates this one: no event there.

    Example: "The blockade was imposed in January, shortly before a peace conference in
    Berlin"; "two days after the former prime minister was hanged in Rawalpindi".
    """
    # (a person's titles and names may stand between "after" and the act)
    return _found_before(cue, _DATED_BY_BEFORE_RE, _DATED_BY_REACH)


# What every cue of _dated_by_another_event holds (see PlaceRule.words)
_DATED_BY_ANOTHER_EVENT_WORDS = _words("before after ahead during since")


_DATED_BY_REACH = 140


def _border(cue: PlaceCue) -> bool:
    """The country across a border, or one the story compares itself with or follows.

    Example: "close to the border with Uzbekistan"; "Unlike Greece, Portugal had seen few
    protests"; "compared the camp to Cairo's Tahrir Square".
    """
    return bool(
        _BORDER_RE.search(cue.before)
        or _UNLIKE_BEFORE_RE.search(cue.before)
        or _BORDER_NAMES_RE.search(cue.before)
    )


# What every cue of _border holds (see PlaceRule.words)
_BORDER_WORDS = _words(
    "border dispute row quarrel feud rivalry tension talks negotiations war invasion ties "
    "fighting "
    "links relations union alliance merger pact treaty partnership meeting "
    "compar liken recall evok echo model reminiscent inspired similar "
    "join alongside facing unlike"
)


_OFFICE_AFTER_RE = re.compile(
    r"^['’]s\s+(?:(?:prime|foreign|interior|deputy|acting|former|vice)\s+)*"
    r"(?:president|minister|ministry|government|ambassador|embassy|parliament|leader|"
    r"officials?|authorities|spokes(?:man|woman|person)|state\s+secretary|envoy|army|military|"
    # "Beijing's decision in August": what a government decided
    r"decisions?|polic(?:y|ies)|orders?|refusal|rule|response|"
    # "Manila's Cardinal Jaime Sin": a see's office-holder
    r"cardinal|archbishop|bishop|"
    # "handed the Baltic states to Moscow's sphere of influence": a power's reach
    r"sphere|orbit|influence|control|domination|grip)\b",
    re.IGNORECASE,
)
# Before a building's noun: people standing there gathered, they do not sit there
_NOT_GATHERED_BEFORE = r"(?<!outside\sthe\s)(?<!front\sof\sthe\s)(?<!at\sthe\s)"
_OFFICE_BEFORE_RE = Caseless(
    r"\b(?:governments?|embassy|ministry|president|prime\s+minister|parliament|authorities|"
    r"leaders|rulers|foreign\s+minist(?:ers?|ry|ries)|(?:city|town|municipal|regional)\s+councils?|"
    # ("the governor of West Azerbaijan said": the region's office)
    r"mayors?|governors?)\s+of\s+"
    r"(?:the\s+)?$"
    # "the protests were being encouraged by Moscow", "accused New Delhi of": a capital or a
    # country for its government
    r"|\b(?:encouraged|backed|supported|orchestrated|funded|financed|instigated|sponsored|"
    r"directed|ordered|organi[sz]ed)\s+by\s+(?:[^.;]{1,60}?\s+and\s+by\s+)?$"
    # ("accusing France of failing to stop the attacks")
    r"|\b(?:accused|accuses|accusing|blamed|blames|blaming)\s+$"
    # "The Soviet ambassador lodged a protest in Warsaw": where a note was delivered
    r"|\b(?:lodged|filed|delivered)\s+(?:a\s+|an\s+)?(?:formal\s+|strong\s+|official\s+|"
    r"diplomatic\s+)?protests?\s+in\s+$"
    # "his handling of the riots was well received in London": where it was judged
    r"|\b(?:well|badly|warmly|coolly|poorly|favourably|favorably)\s+received\s+in\s+(?:the\s+)?$"
    # "ignored by officials in Moscow", "the tribunal in The Hague"
    # (but "gathered outside the court in Osh" is where they gathered)
    r"|\b(?:by\s+(?:the\s+)?(?:officials|authorities|leaders)|" + _NOT_GATHERED_BEFORE +
    # "a jury in Tampa cleared the officers": where a verdict was given
    # "courts in Tetouan and Nador handed down prison terms"
    r"(?:tribunals?|courts?|jury|juries|grand\s+jury|judges?|magistrates?|judiciary))\s+in\s+$"
    # "after the central government in Karachi excluded Bengali": where it sat
    # ("The central government's delegation in Galicia put the figure at 80,000")
    r"|\b(?:central|federal|national|colonial|imperial)\s+(?:government|authorities)"
    r"(?:['’]s\s+(?:delegation|representation|delegate|representative))?\s+in\s+(?:the\s+)?$"
    # "asked through its embassy in Nouakchott" (but "outside the consulate in Vancouver" is
    # where people gathered)
    r"|\b(?:its|their|his|her)\s+(?:[\w-]+\s+)?(?:embassy|consulate|high\s+commission)\s+in\s+"
    r"(?:the\s+)?$"
    # "the Department of State in Washington", "officials of the Colonial Office in London":
    # where a government's department sits (but "outside the foreign ministry in Warsaw" is
    # where people gathered)
    r"|" + _NOT_GATHERED_BEFORE + r"(?<!near\sthe\s)"
    r"\b(?:department\s+of\s+state|state\s+department|(?:foreign|colonial|home)\s+office|"
    # ("The interior ministry of North Rhine-Westphalia in Duesseldorf had mobilised")
    r"(?:foreign|interior|defen[cs]e)\s+ministry(?:\s+of(?:\s+[\w'’-]+){1,4}?)?|"
    r"foreign\s+policy\s+chief)\s+in\s+$"
)
# The cue of _OFFICE_BEFORE_RE that reads capitals, apart: the rest runs caseless.
_OFFICE_NAMES_BEFORE_RE = re.compile(
    # "Cardinal Ernesto Corripio of Mexico City", "Noranda Mines Limited of Toronto": a
    # titled person's see or office, a company's seat
    r"\b(?-i:(?:Cardinal|Archbishop|Bishop|Patriarch|Mayor|Governor|Senator|Rabbi|Imam)"
    r"(?:\s+[A-Z][\w'’.-]+){1,3}|[A-Z][\w'’-]+\s+(?:Limited|Ltd\.?|Inc\.?|Corporation|"
    r"Company|Co\.))\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# (each alternative of either ends "of", "by", "accused", "blamed" or "in" before the name)
_OFFICE_BEFORE = _EndsWithWord(
    _OFFICE_BEFORE_RE, "of by accused accuses accusing blamed blames blaming in"
)
_OFFICE_NAMES_BEFORE = _EndsWithWord(_OFFICE_NAMES_BEFORE_RE, "of")


def _office(cue: PlaceCue) -> bool:
    """A country's or city's office, which speaks for it.

    Example: "Kyrgyzstan's Prime Minister said"; "the government of Kenya".
    """
    return bool(
        _OFFICE_AFTER_RE.match(cue.after)
        or _OFFICE_BEFORE.search(cue.before)
        or _OFFICE_NAMES_BEFORE.search(cue.before)
        or _STATE_SAID_AFTER_RE.match(cue.after)
    )


# "within hours of the Israeli announcement", "a U.S. request": what a state said or asked
_STATE_SAID_AFTER_RE = re.compile(
    r"^\s+(?:announcement|decision|statement|request|proposal|counterpart|ambassador|envoy|"
    r"diplomats?)\b"
)


_CLAUSE_IN_BEFORE_RE = re.compile(r"[,;]\s+(?:and\s+|while\s+|but\s+)?in\s+$")
# "In" alone before the name, matched in place rather than on a copy of the sentence.
_IN_PREFIX_RE = re.compile(r"\s*[Ii]n\s*")
_SPEECH_RE = re.compile(r"\b(?:said|says|say|told|tells|announced|stated|added)\b", re.I)


# "In New Delhi, the foreign ministry called the unrest an internal matter": an official
# body's words, whatever they speak of.
_OFFICIAL_SPEAKS_RE = re.compile(
    # ("In New York, U.N. Secretary-General Ban Ki-moon called for")
    r"^,?\s+(?:the\s+|a\s+|its\s+)?(?:[\w'’.-]+\s+){0,3}?(?:ministry|government|president|"
    r"minister|spokes(?:man|woman|person)|embassy|office|officials?|authorities|parliament|senate|"
    r"state\s+department|white\s+house|kremlin|council|court|prosecutors?|"
    # "In New York, U.N. Secretary-General Ban Ki-moon called for", "in Washington
    # President Barack Obama said", "In Ottawa, Progressive Conservative leader Robert
    # Stanfield said"
    r"secretary-general|envoy|commissioner|premier|chancellor|leader)"
    # "a spokesman for the Taiwan Affairs Office declined to comment"
    r"(?:\s+(?:for|of)\s+the(?:\s+[A-Z][\w'’.-]*){1,5})?(?:\s+[A-Z][\w'’.-]*){0,3}\s+"
    r"(?:has\s+|had\s+)?"
    r"(?:said|says|called|calls|described|urged|warned|condemned|critici[sz]ed|denounced|"
    r"issued|expressed|announced|rejected|accused|dismissed|insisted|denied|blamed|vowed|"
    r"defended|praised|played\s+down|downplayed|declined|refused|welcomed|asked|faced|"
    # "Premier Zhou Enlai protested to the British chargé d'affaires": a formal complaint
    r"protested\s+to|complained|summoned|lodged)\b"
    # "In Riyadh, there was no official comment on the protests"
    r"|^,?\s+there\s+(?:was|has\s+been|had\s+been)\s+no\s+(?:official\s+|immediate\s+)?"
    r"(?:comment|reaction|response)\b",
    re.IGNORECASE,
)


def _speaker_seat(cue: PlaceCue) -> bool:
    """Where a speaker sits, opening a sentence of speech.

    Example: "In Washington, the State Department said ..."; "In New Delhi, the foreign
    ministry called the unrest an internal matter".
    """
    text, span, mention = cue.text, cue.span, cue.mention
    opens_sentence = mention.start == span.start or _IN_PREFIX_RE.fullmatch(
        text, span.start, mention.start
    )
    # "..., and in Washington President Barack Obama said": a clause opens the same way
    if not opens_sentence and not _CLAUSE_IN_BEFORE_RE.search(cue.before):
        return False
    rest = cue.sentence[mention.end - span.start :]
    if _OFFICIAL_SPEAKS_RE.match(rest):
        return True
    # (a clause's "in Kasserine, Sidi Bouzid and Gafsa, witnesses said" is where it happened)
    speech = _SPEECH_RE.search(rest[:120]) if opens_sentence and rest.startswith(",") else None
    if speech is None:
        return False
    # What is said is read a few words past the verb, so an apposition ("In Leipzig, about
    # 100 km to the north-west, police said 4,800 marched") does not push the report out of
    # sight; and to its clause's end where that names no other place ("In Goma, the
    # citizens' movement Lucha says at least 20 of its activists were arrested this
    # morning as they gathered at a roundabout")
    said = rest[: max(60, speech.end() + 40)]
    return not classify(said) and not _said_of_here(cue, rest, speech.end())


_CLAUSE_END_RE = re.compile(r"[,;:.]")


def _said_of_here(cue: PlaceCue, rest: str, said_from: int) -> bool:
    """Whether the clause that follows the speech verb reports an event and names no
    other place."""
    end = _CLAUSE_END_RE.search(rest, said_from)
    clause_end = end.start() if end else len(rest)
    following = cue.following
    if following is not None and following.start - cue.mention.end < clause_end:
        return False
    return bool(classify(rest[said_from:clause_end]))


_WHERE_SPEAKING_RE = Caseless(
    r"\b(?:said|says|announced|declared|stated|told\s+(?:[\w'’-]+\s+){0,2}?|speaking(?:\s+(?:at|to|from)(?:\s+[\w'’-]+){1,4}?)?|"
    # "The Parliamentary Assembly of the Council of Europe, meeting in Strasbourg, criticised"
    r"(?<=,\s)(?:meeting|convening|sitting)|"
    # "The Prime Minister, campaigning in Cardiff, said he deplored violence"
    r"(?<=,\s)(?:campaigning|visiting|touring|travell?ing)|"
    # "government spokesman Patrick Muyaya said Wednesday in Kinshasa"
    r"(?:said|announced|declared|told\s+reporters)\s+(?:on\s+)?(?:(?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day|yesterday|today|last\s+night)|"
    # "The UN Security Council met in New York"; "Jammeh was attending a summit in Havana"
    r"(?:council|assembly|committee|summit|leaders|ministers)\s+(?:met|meets|convened|meeting)|"
    # "while European Union ministers meeting in Brussels discussed sanctions"
    r"(?:leaders|ministers|officials|diplomats|envoys|delegates)\s+(?:meeting|gathered)|"
    # "as negotiators met for informal United Nations talks at Manhasset"
    # ("Moroccan and Polisario negotiators met at Manhasset")
    r"(?:negotiators|delegations|diplomats|envoys|ministers)\s+(?:met|meeting)(?:\s+for\s+"
    r"(?:[\w'’-]+\s+){0,3}?talks)?|"
    # "according to the defence ministries in Baku and Yerevan": where the sources sit
    r"according\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:ministr(?:y|ies)|governments?|"
    r"authorities|officials|command|staff|headquarters|embass(?:y|ies))|"
    r"(?:was|were|had)\s+attend(?:ing|ed)(?:\s+[\w'’-]+){0,6}?|"
    r"(?:statement|communiqu[eé]|figures|report|data)\s+(?:issued|released|published|"
    r"presented)|addressing\s+(?:[\w'’-]+\s+){0,2}?|told\s+(?:reporters|journalists|the\s+press|the\s+media|a\s+"
    r"(?:news|press)\s+conference)|at\s+a\s+(?:news|press)\s+conference|in\s+a\s+(?:statement|"
    r"speech|interview|televised\s+address))\s+(?:in|from|at)\s+(?:the\s+)?$"
)
_WHERE_SPEAKING = _EndsWithWord(_WHERE_SPEAKING_RE, "in from at")
# Where a person is, not where anything happens: "the ailing leader remained in a hospital
# in Geneva", "is recovering in Paris".
_WHEREABOUTS_RE = Caseless(
    r"\b(?:remained|remains|stayed|stays|(?:is|was|were|are)\s+(?:being\s+)?treated|"
    r"receiving\s+treatment|recovering|in\s+exile|(?:who|they|whom)\s+live|lives|lived|living|"
    r"resides|resided|"
    # (but "protesters spent a fifth night in the square" is a protest camp)
    r"(?:spends|spent|spending)(?!\s+(?:[\w'’-]+\s+){0,2}nights?\b)|"
    # "Twelve bodies were brought to hospitals in Sampaloc": where the hurt were treated
    # ("Seven people with serious injuries were sent to hospital in Khartoum")
    r"(?:taken|rushed|flown|airlifted|transferred|evacuated|admitted|brought|driven|sent)\s+"
    r"(?:away\s+)?to\s+(?:a\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:hospitals?|clinics?)|"
    r"is\s+being\s+held|"
    # "soldiers seized him and flew him to Costa Rica", "arrests the mayor, flies him to
    # Ica": where a person was taken
    r"(?:flew|flies|fly|flying|flown|deported|expelled|exiled|sent|bundled|take|took|taken|"
    r"bring|brought|carry|carried|evacuate|evacuated)\s+(?:him|her|them)\s+"
    r"(?:out\s+|back\s+|home\s+)?to|"
    # "Saddam Hussein is already on trial in Baghdad", "the trial of the movement's leaders
    # continues in Casablanca": where a court sits
    r"on\s+trial\s+in|\btrial\s+(?:[\w'’-]+\s+){0,5}?(?:continues|continued|opened|opens|"
    r"began|begins|resumed|resumes|is\s+under\s+way)\s+in|"
    # "returned to Paris a week later without an agreement"
    r"(?:but|later|then)\s+returned\s+to|"
    # "according to travelers who reached Moscow this week": where the tellers came to
    r"who\s+(?:had\s+|have\s+)?(?:just\s+)?(?:reached|arrived\s+in|got\s+to|returned\s+to|"
    r"came\s+to|fled\s+to|crossed\s+into)|"
    # "flew back to Islamabad in the evening": where a traveller went; "left for Botswana",
    # "fled to Kenya", "went into exile in Tanzania": where people went away to
    # ("Hundreds of tourists left the hills for Siliguri")
    r"flew\s+(?:[\w'’-]+\s+){0,3}?(?:to|into)|(?:left|leave|leaving)\s+(?:the\s+[\w'’-]+\s+)?for|"
    # "gathered to leave for the capital", "to prevent violent groups from reaching the
    # capital": where people meant to go, and did not reach ("stopped them from reaching
    # the seat of government in Accra" did reach Accra)
    r"from\s+reaching(?=\s+(?:the\s+)?$)|"
    r"fled\s+(?:abroad\s+)?to|"
    # "arrested again in November and exiled to Turkey", "in 1965 he moved to Najaf"
    r"(?:exiled|deported|expelled|banished|extradited|(?:later|then)\s+sent)\s+to|"
    # "they were sent to Lima under guard": where detainees were taken
    r"(?:was|were|been|being)\s+(?:later\s+|then\s+)?sent\s+(?:back\s+)?to(?=\s+$)|"
    r"(?:he|she)\s+moved\s+to|"
    # "blocked thousands of miners marching on the capital at Calamarca": where a march
    # was going, not where it was stopped
    r"(?:marching|walking|heading|travell?ing)\s+(?:on|to|towards?)(?=\s+(?:the\s+)?$)|"
    # "miners marched from Zonguldak toward Ankara": where a march was bound, not reached
    r"(?:marched|marching|walked|walking|headed|heading|set\s+(?:off|out))\s+"
    r"(?:[\w'’-]+\s+){0,3}?towards?(?=\s+(?:the\s+)?$)|"
    # "thousands fled to join the insurgents in the jungles of Nan"
    r"fled\s+to\s+join\s+(?:[\w'’-]+\s+){0,6}?(?:in|of)|"
    r"into\s+exile\s+in|"
    # "trained in camps in Ukraine", "were taken by bus to Petrozavodsk"
    r"(?:trained|training)\s+(?:in\s+camps\s+)?in|taken\s+by\s+(?:bus|train|plane|"
    r"helicopter|boat|ferry)\s+to|"
    # "boats seized by people trying to reach the United States"
    r"(?:try|tries|tried|trying|attempt(?:s|ed|ing)?|seeking|hoping)\s+to\s+reach|"
    # "opposition leaders escaped to Kuwait", "workers recruited in Ukraine": where people
    # went, or were taken on
    r"escaped\s+(?:abroad\s+)?to|(?:recruited|hired|enlisted)\s+(?:[\w'’-]+\s+){0,2}?(?:in|from)|"
    # "was arrested on 16 September and flown to La Paz"; "marching to a meeting in Cobija"
    # (but "were taken to Osh hospital" were hurt in Osh)
    # ("arrested on 16 September and flown to La Paz": the same passive, its verb shared)
    # ("thousands of whom were later evacuated to Russia")
    # ("have since been flown to Kinshasa", "is being taken to Moscow")
    r"(?:was|were|been|being|\band)\s+(?:then\s+|later\s+)?(?:flown|transferred|driven|evacuated)\s+to|"
    r"being\s+taken\s+to|"
    # "police stopped the king's officials from travelling to Kayunga": never got there
    r"\bfrom\s+(?:travell?ing|going|getting|driving|marching|heading)\s+to|"
    # "the senior sergeant has been moved to the Gold Coast"
    r"(?:was|were|has\s+been|had\s+been)\s+moved\s+to|"
    r"(?:marching|heading|travelling|traveling|on\s+(?:their|its|the)\s+way)\s+to\s+(?:a|an|the)\s+"
    r"(?:[\w'’-]+\s+)?(?:meeting|rally|congress|conference)\s+in|"
    # "the most seriously injured were flown to Arequipa": where the wounded were treated
    r"(?:injured|wounded|hurt|casualties|victims)\s+(?:[\w'’-]+\s+){0,2}?(?:were|was|had\s+been)\s+(?:later\s+)?"
    r"(?:flown|taken|rushed|airlifted|transferred|evacuated)\s+to|"
    # "died of his injuries a month later in Mexico City": where the wounded died, not
    # where they were hurt
    r"died\s+(?:of\s+(?:his|her|their)\s+(?:injuries|wounds)|(?:later\s+)?in\s+hospital)|"
    # "who during a visit to Argenteuil had called", "returned from a visit to Malaysia",
    # "travellers arriving at Tunis airport": where a visitor or traveller was
    # "returned from a pro-democracy conference in Lusaka"
    r"(?:returned|back)(?:\s+[\w'’-]+){0,2}?\s+from\s+(?:a|an|the|his|her|their)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:conference|meeting|summit|congress|talks)\s+in|"
    r"(?:(?:returned|back)(?:\s+[\w'’-]+){0,2}?\s+from|made|paid|making|paying|who\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:during|on))\s+(?:a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,2}?(?:visit|trip|tour)\s+"
    r"to|arriving\s+(?:at|in)|"
    # "triggered by Fico's surprise visit to Moscow": whose visit, named before it
    r"['’]s\s+(?:[\w-]+\s+)?(?:visit|trip|journey)\s+to|"
    # "the government's peace talks with FARC rebels in Havana": where negotiators sat
    r"(?:peace\s+talks|negotiations)\s+(?:with\s+(?:[\w'’-]+\s+){1,4}?)?(?:in|at)|"
    r"(?:was|were|is|are|stayed)\s+at\s+(?:his|her|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:residence|home|house|villa|palace|retreat|estate)\s+in|"
    # "Reports reaching the Thai capital say police in Laos broke up": where news arrives
    # ("News of the riot was cabled to London")
    # ("reports, reaching Singapore tonight, that"; "Radio Tirana, monitored in Belgrade")
    r"(?:reports?|news|word|accounts?),?\s+(?:reaching|received\s+in)|"
    r"(?:cabled|telegraphed|wired|relayed)\s+to|monitored\s+in|"
    # "President Díaz-Canel, who went to San Antonio": a visit, told of a person;
    # "Morauta, who was in Mount Hagen on the day"
    r"who\s+(?:later\s+|also\s+)?(?:went|travelled|traveled|flew|returned|visited|was|were|"
    r"crossed|(?:had|has)\s+been(?=\s+(?:in|at)\s)))"
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:in|at|to)?\s*(?:the\s+)?$"
)


# "diplomats in Paris said", "The US State Department in Washington has condemned": where
# distant sources or an official body speak from
_REMOTE_SOURCES_BEFORE_RE = Caseless(
    r"\b(?:diplomats|analysts|experts|observers|envoys|exiles|department|ministry|embassy|"
    r"governments?(?:-in-exile)?|ministries|staff|groups?|organi[sz]ations?|watchdog|monitor|chamber|association|federation|"
    r"correspondents?|reporters?|channels?|stations?|broadcasters?|agency|newspapers?|press|"
    r"confederation|institute|foundation|bishops|conference|commission|secretariat|union|"
    # "police headquarters in Nairobi announced", "exiled opponents in Dakar claimed",
    # "Business leaders in Monterrey called", "whose leaders in Tiraspol say"
    r"leadership|headquarters|opponents|dissidents|leaders|"
    # "Amnesty International in Johannesburg condemned", "Russia's Investigative Committee
    # in Moscow says", "The French command in Algiers says"
    r"international|watch|committee|command|office|bureau|mission|network|coalition|"
    # "A State Department spokesman in Washington said" (but see _SAID_THERE_RE); "a
    # Foreign Office minister in London said", "Radio Free Europe in Munich reported"
    r"spokes(?:man|woman|person)|ministers?|radio(?:\s+[\w'’-]+){1,3}?)(?:\s+of(?:\s+[\w'’-]+){1,4}?)?\s+"
    r"(?:based\s+|here\s+)?in\s+(?:the\s+)?$"
)
_REMOTE_SOURCES_BEFORE = _EndsWithWord(_REMOTE_SOURCES_BEFORE_RE, "in")
_SAID_THERE_RE = re.compile(r"\b(?:there|in\s+the\s+city|in\s+the\s+town)\b")
_SAID_AFTER_RE = re.compile(
    # "a rights group in Norway, Iran Human Rights, said"
    r"^(?:\s*,\s*[^,.;]{1,40},)?(?:\s+and\s+(?:the\s+)?[^,.;]{1,50}?)?\s*,?\s*(?:has\s+|have\s+)?"
    # ("newspapers in Chicago later put the number at 35,000")
    r"(?:(?:later|also|then|separately)\s+)?"
    r"(?:said|say|says|told|reported|added|put\s+(?:the|its|their|it)\b|estimated|"
    # "The Xinhua news agency in Beijing carried a brief report"
    r"carried|published|quoted|"
    # "The Interior Ministry in Tirana acknowledged only two deaths"
    r"claimed|acknowledged|admitted|confirmed|insisted|"
    r"summoned|blamed|accused|denied|rejected|broadcast|aired|condemned|criticised|"
    r"criticized|denounced|called|asked|urged|demanded|announced|expressed|ordered|"
    # "the government in Pretoria stressed that ...", "the interim government in Bucharest
    # sent a commission of inquiry to the city"
    r"stressed|maintained|argued|noted|warned|replied|responded|welcomed|dismissed|"
    r"sent\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:commission|delegation|envoy|team|message|letter|"
    r"telegram|note)|"
    # "India's foreign ministry in Delhi declined to comment on the unrest"
    r"declined|refused\s+to\s+comment|(?:did|would)\s+not\s+(?:comment|respond)|"
    r"had\s+no\s+(?:immediate\s+)?comment|issued\s+a\s+statement|"
    # "The Chinese embassy in Kyiv thanked the government", "Business leaders in Monterrey
    # called the march a circus"
    r"thanked|praised|regretted|deplored|lamented|appealed|pledged|voiced)\b"
)


# "The European Union, in Brussels, urged all sides": a speaker's seat in apposition
_IN_APPOSITION_BEFORE_RE = re.compile(r",\s+in\s+$")
# "Chiba prefectural police said": the force named after its region
_POLICE_FORCE_AFTER_RE = re.compile(
    r"^\s+(?:prefectural|provincial|state|regional|county|district|metropolitan|city)\s+police\b",
    re.IGNORECASE,
)


# "died in a Baku hospital", "the general hospital in Damanhour, where the wounded were
# taken", "transferred to the Karapitiya Teaching Hospital in Galle": the hospital's town
_HOSPITAL_NOUNS = r"(?:hospitals?|clinics?|infirmary|morgue|mortuary)"
_HOSPITAL_BEFORE_RE = re.compile(
    rf"\b{_HOSPITAL_NOUNS}\s+(?:in|at|of)\s+(?:the\s+)?$", re.IGNORECASE
)
_HOSPITAL_AFTER_RE = re.compile(rf"^(?:\s+[A-Z][\w'’-]*){{0,3}}\s+(?i:{_HOSPITAL_NOUNS})\b")
# ... unless a crowd gathered there: "protesters stormed the hospital in Gaza"
_GATHERED_RE = re.compile(
    r"\b(?:outside|stormed|attacked|besieged|surrounded|gathered|marched|protest\w*|rall\w*|"
    r"demonstrat\w*|sit-ins?|clash\w*|riot\w*)\b",
    re.IGNORECASE,
)


# Where detainees were taken or are held, the town named after the jail: "taken to the
# police prefecture in Arequipa", "transferred three strike leaders to a military prison in
# Juiz de Fora", "held for three days at an army camp in Saraburi"
_DETENTION_SITE_BEFORE_RE = Caseless(
    # "were later moved to a prison in Alexandria", "sent to the salt-mine prison of
    # Taoudenni": the jail's town, named after it (a crowd "outside the prison in Lefortovo"
    # gathered there: a verb of holding or moving detainees comes first)
    r"\b(?:moved|sent|transferred|taken|flown|brought|driven|held|detained|jailed|imprisoned|"
    r"locked\s+up|kept|deported)\s+(?:[\w'’-]+\s+){0,2}?(?:to|in|at)\s+(?:a|the|an)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:prisons?|jails?|penitentiary|detention\s+(?:cent(?:re|er)|camps?)|"
    r"(?:labou?r|prison|army|military)\s+camps?|police\s+cells?)\s+(?:in|at|of|near|outside)\s+"
    r"(?:the\s+)?$"
    r"|\b(?:"
    # "abused by police on the way to the prison in Santiaguito": where detainees were held;
    # "taken to the headquarters of the General Intelligence Department in Amman",
    # "taken to the police prefecture in Arequipa": where they were taken
    # ("taken by coach to stations as far away as Southampton": the cells they were taken to)
    # ("had transferred three strike leaders to a military prison in Juiz de Fora")
    r"(?:taken|sent|transferred|moved|driven|bussed|on\s+the\s+way)\s+(?:(?:[\w'’-]+\s+){1,3}?(?=to\s))?"
    r"(?:by\s+(?:coach|bus|lorry|truck|van|helicopter|plane|train|road|air)\s+)?to\s+"
    r"(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,5}?(?:prisons?|jails?|penitentiary|headquarters|"
    r"offices|prefecture|(?:police\s+)?stations?|cells|barracks|"
    r"(?:army|military|labou?r|prison)\s+camps?|detention\s+cent(?:re|er)s?)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:in|at|of|as\s+far\s+(?:away\s+)?as)|"
    # "many of those detained were being held at a police training camp at Sendafa",
    # "held in the county jail in Mandan": where detainees are kept
    # ("was held for three days at an army camp in Saraburi", "held at a government rest
    # house at Sihala")
    r"(?:held|detained|kept|jailed|imprisoned)\s+(?:for\s+(?:[\w'’-]+\s+){1,3}?)?(?:at|in)\s+"
    r"(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:jail|prison|camp|barracks|detention\s+cent(?:re|er)|"
    r"facility|rest\s+house|guest\s*house|villa|compound)\s+(?:in|at|near)(?=\s+$)|"
    # "Police drove the detainees to the airport at Rurrenabaque"
    r"(?:drove|bussed|trucked|transported|ferried)\s+(?:the\s+)?(?:detainees|prisoners|"
    r"arrested|detained|them)\s+to|"
    # "sentenced, some to long terms in the uranium camps at Jáchymov": where prisoners went
    r"(?:sentenced|terms?|deported|sent)\b[^.;]{0,40}?\b(?:camps?|prisons?|jails?|penal\s+"
    r"colon(?:y|ies))\s+(?:at|in|near))"
    # (the words after the cue, as _WHEREABOUTS_RE reads them)
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:in|at|to)?\s*(?:the\s+)?$"
)


def _hospital_town(cue: PlaceCue) -> bool:
    """The town of the hospital the hurt were taken to, or died in, is where they were
    treated, not where they were hurt; a crowd gathered at the hospital is there.

    Example: "the wounded were taken to the general hospital in Damanhour" in a story that
    names Damanhour nowhere else; but "Protesters gathered outside the hospital in
    Kisumu".
    """
    if _MOVED_TO_HOSPITAL_BEFORE_RE.search(cue.before):
        return True  # "later transferred to the Teaching Hospital in Kumasi", named or not
    named = _HOSPITAL_BEFORE_RE.search(cue.before) or _HOSPITAL_AFTER_RE.match(cue.after)
    if named and _WHERE_THE_HURT_WERE_TAKEN_AFTER_RE.match(cue.after):
        return True  # "died in hospitals in Sulaymaniyah, where the wounded had been taken"
    return bool(named) and _GATHERED_RE.search(cue.sentence) is None and not _named_elsewhere(cue)


# ", where the most seriously wounded had been taken": the hospital's town, told as
# where the hurt were brought, is not where they were hurt (even where the story names it
# elsewhere too)
_WHERE_THE_HURT_WERE_TAKEN_AFTER_RE = re.compile(
    r"^\s*,\s+where\s+(?:[\w'’-]+\s+){0,5}?(?:had\s+been|have\s+been|were|was|are\s+being)\s+"
    r"(?:taken|transferred|flown|moved|rushed|brought|evacuated)\b",
    re.IGNORECASE,
)
# The hurt moved to a hospital elsewhere: treated there, hurt where the story was
_MOVED_TO_HOSPITAL_BEFORE_RE = re.compile(
    # ("flown by police helicopter to hospitals in Chiba city")
    rf"\b(?:transferred|flown|airlifted|evacuated|moved)\s+(?:later\s+)?"
    rf"(?:by\s+(?:[\w-]+\s+)?(?:helicopter|plane|air|ambulance)\s+)?to\s+(?:the\s+|a\s+)?"
    rf"(?:[\w'’-]+\s+){{0,5}}?{_HOSPITAL_NOUNS}\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# What every cue of _hospital_town holds (see PlaceRule.words)
_HOSPITAL_TOWN_WORDS = _words("hospital clinic infirmary morgue mortuary")


def _named_elsewhere(cue: PlaceCue) -> bool:
    """Whether the article names the place outside this sentence too: a town the story is
    about has its own hospital ("Doctors at the Georgetown Public Hospital said 31 people
    were treated" in a story about Georgetown)."""
    # (a dateline writes it in capitals: "VOLTA REDONDA, Brazil -")
    name = cue.text[cue.mention.start : cue.mention.end].lower()
    return cue.text.lower().count(name) > cue.sentence.lower().count(name)


def _speaks_of_itself(cue: PlaceCue) -> bool:
    """Whether the sentence's only place is the seat its words then point back to: "A
    spokesman in Rawalpindi said 40 workers were detained there" (but in "Videos from Izeh
    showed ..., and a rights group in Norway said one man died there", "there" is Izeh)."""
    alone = cue.previous is None and cue.following is None
    return alone and _SAID_THERE_RE.search(cue.sentence) is not None


def _where_someone_is(cue: PlaceCue) -> bool:
    """Where a speaker spoke from, or where a person stays: no event there.

    Example: "Interior Minister Ahmad Vahidi, speaking in Tehran, said"; "the ailing leader
    remained in a hospital in Geneva"; "diplomats in Paris said".
    """
    if (
        cue.mention.place.kind is Kind.CITY
        and _LIVING_IN_BEFORE_RE.search(cue.before)
        and _RESIDENTS_ACT_AFTER_RE.match(cue.after)
    ):
        return False  # "Guatemalans living in Los Angeles gather outside the consulate"
    # (the anchored match on the words after is the cheap half of each test: read it first)
    said = _SAID_AFTER_RE.match(cue.after) is not None
    remote = said and _REMOTE_SOURCES_BEFORE.search(cue.before) and not _speaks_of_itself(cue)
    apposed = said and _IN_APPOSITION_BEFORE_RE.search(cue.before)
    if apposed or _POLICE_FORCE_AFTER_RE.match(cue.after):
        return True
    return bool(_WHERE_SPEAKING.search(cue.before) or _WHEREABOUTS_RE.search(cue.before) or remote)


# People "living in" a city who then gather or march act where they live (in a country,
# the dateline's city may say where): "Guatemalans living in Los Angeles gather outside
# their country's consulate", "Potosi residents living in Santa Cruz held a march in that
# city"
_LIVING_IN_BEFORE_RE = re.compile(r"\bliving\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_RESIDENTS_ACT_AFTER_RE = re.compile(
    r"^\s+(?:(?:also|have|had|have\s+been|were|are)\s+)?(?:gather(?:ed|s)?|held|hold|staged?|"
    r"march(?:ed|es)?|rall(?:ied|y)|protest(?:ed|s)?|demonstrat(?:ed|e)|picket(?:ed|s)?)\b",
    re.IGNORECASE,
)


# "The government blamed the unrest on "foreign hands" in Khartoum and Doha": where the
# blamed are said to be, not where the unrest was
_BLAMED_BEFORE_RE = Caseless(
    r"\bblam(?:ed|es|ing)\s+(?:[\w'’-]+\s+){0,4}?on\s+[^.;]{0,40}?\b(?:in|from)\s+(?:the\s+)?$"
    # "officials pointed to Baghdad", "pointed the finger at Moscow": who is blamed
    r"|\bpoint(?:ed|s|ing)\s+(?:the\s+finger\s+)?(?:to|at)\s+(?:the\s+)?$"
)


# "the driver, James Fields Jr., 20, of Maumee, Ohio": a person's age, then home town;
# "who had been born in Alytus", "a native of Gori", "grew up in Osh": a life story
_HOMETOWN_BEFORE_RE = Caseless(
    r"\b\d{1,3},\s+(?:of|from)\s+$"
    r"|\b(?:(?:was|were|been|being)\s+(?:born|raised|brought\s+up)|grew\s+up|"
    r"(?:a|the)\s+natives?\s+of)\s+(?:(?:in|at|near)\s+)?(?:the\s+)?$"
    # "the coffin of U Thant, who had died in New York": a life story, told back
    r"|\bwho\s+had\s+(?:died|lived|worked|studied)\s+(?:in|at)\s+(?:the\s+)?$"
)
# "the dead youth, 18, a first-year student at Kyoto University": who a person is. Apart
# from _HOMETOWN_BEFORE_RE, whose cues all start at a word boundary (see _UNLIKE_BEFORE_RE).
_WHO_SOMEONE_IS_BEFORE_RE = re.compile(
    r",\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:student|resident|native|teacher|lecturer|"
    r"professor|graduate|employee)\s+(?:at|of|from|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _hometown(cue: PlaceCue) -> bool:
    """Where a person comes from, named with an age, in a life story or in apposition: no
    event there.

    Example: "Police arrested the driver, James Fields Jr., 20, of Maumee, Ohio"; "Kalanta,
    who had been born in Alytus, set himself alight in Kaunas"; "the dead youth, a student
    at Kyoto University, was run over at the airport".
    """
    return bool(
        _HOMETOWN_BEFORE_RE.search(cue.before) or _WHO_SOMEONE_IS_BEFORE_RE.search(cue.before)
    )


# What every cue of _hometown holds (see PlaceRule.words)
_HOMETOWN_WORDS = _words(
    "0 1 2 3 4 5 6 7 8 9 born raised brought grew native who student resident teacher "
    "lecturer professor graduate employee"
)


# "Most of its marchers lived in the shanty towns and workers' hostels of the western
# suburbs, notably Nanterre and Gennevilliers": the towns named as examples of where they
# lived, further back than a rule's usual reach
_RESIDENCE_BEFORE_RE = re.compile(
    r"\b(?:lived|live|lives|living|housed)\s+in\b[^.;]{0,100}?\b(?:notably|especially|"
    r"such\s+as|including|mainly\s+in|mostly\s+in)\s+$",
    re.IGNORECASE,
)
_RESIDENCE_REACH = 120


def _residence(cue: PlaceCue) -> bool:
    """Where people live, named as an example of it: no event there.

    Example: "Most of its marchers lived in the shanty towns of the western suburbs,
    notably Nanterre and Gennevilliers".
    """
    return _found_before(cue, _RESIDENCE_BEFORE_RE, _RESIDENCE_REACH)


# What every cue of _residence holds (see PlaceRule.words)
_RESIDENCE_WORDS = _words("liv housed")


_HELD_IN_BEFORE_RE = Caseless(
    r"\b(?:held|detained|jailed|imprisoned|kept|locked\s+up)\s+(?:in|at)\s+(?:a|the)\s+$"
    # "Two men were arrested at the scene and brought to Belmullet Garda station"
    r"|\b(?:brought|taken|driven)\s+to\s+(?:the\s+)?$"
)
_JAIL_AFTER_RE = re.compile(
    r"^\s+(?:jail|prison|penitentiary|detention\s+cent(?:re|er)|police\s+cells?|"
    r"(?:police|garda|gendarmerie)\s+station)\b",
    re.IGNORECASE,
)


def _place_of_detention(cue: PlaceCue) -> bool:
    """Where detainees are held, named before or after the jail: not where they were
    arrested.

    Example: "They were being held in a Managua jail on charges of inciting violence";
    "several activists were later moved to a prison in Alexandria".
    """
    if _DETENTION_SITE_BEFORE_RE.search(cue.before):
        return True
    return bool(_HELD_IN_BEFORE_RE.search(cue.before) and _JAIL_AFTER_RE.match(cue.after))


# What every cue of _place_of_detention holds (see PlaceRule.words)
_PLACE_OF_DETENTION_WORDS = _words(
    "prison jail penitentiary detention camp cell station headquarters office prefecture "
    "barracks facility house villa compound detainees prisoners arrested detained them "
    "colon"
)


def _where_the_blamed_are(cue: PlaceCue) -> bool:
    """Where those blamed for the unrest are said to be: no event there.

    Example: "The government blamed the unrest on "foreign hands" in Khartoum and Doha".
    """
    return bool(_BLAMED_BEFORE_RE.search(cue.before))


# What every cue of _where_the_blamed_are holds (see PlaceRule.words)
_WHERE_THE_BLAMED_ARE_WORDS = _words("blam point")


# "the Oslo-based group", "a London-registered charity", "an NGO based in Paris"
_BASED_AFTER_RE = re.compile(r"^-(?:based|registered|headquartered|born)\b", re.IGNORECASE)
_BASED_BEFORE_RE = Caseless(
    r"\b(?:based|headquartered|registered)\s+(?:in|at)\s+(?:the\s+)?$"
    # "The Polisario Front, which is based in the refugee camps around Tindouf"
    r"|\b(?:based|headquartered)\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?(?:around|near|outside)\s+"
    r"(?:the\s+)?$"
    # "Amnesty International, whose regional office is in Dakar"
    r"|\bwhose\s+(?:[\w-]+\s+){0,2}?(?:office|offices|headquarters|base|seat|commission|"
    r"secretariat)\s+(?:is|are|was|were|sits|sit)\s+in\s+(?:the\s+)?$"
    # "the region of Gagauzia, whose capital is Comrat"; "the Prime Minister, whose
    # constituency includes Triolet": what a relative clause says of a place or a person
    r"|\bwhose\s+(?:[\w-]+\s+){0,2}?(?:capital|constituency|diocese|birthplace|home\s+town|"
    r"hometown|seat)\s+(?:is|was|includes|included|lies\s+in)\s+(?:the\s+)?$"
    # "The World Bank, from its headquarters in Washington, had pressed for the sale"
    r"|\b(?:its|their|his|her)\s+(?:[\w-]+\s+)?(?:headquarters|head\s+office|offices?|base|"
    r"seat|secretariat)\s+in\s+(?:the\s+)?$"
)
# "a nearby area known as Colombia": a nickname, not the country
_KNOWN_AS_BEFORE_RE = Caseless(
    r"\b(?:known\s+as|called|nicknamed|dubbed|named)\s+(?:the\s+)?['‘\"“]?$"
)


def _attribute_of_a_name(cue: PlaceCue) -> bool:
    """A place that only qualifies an organisation's name or names something else; the
    scene goes on past it ("The Britain-based Syrian Observatory put the number at 3,000"
    counts the crowd the sentence before placed).

    Example: "the Oslo-based group Iran Human Rights said"; "an area known as Colombia".
    """
    return bool(_BASED_AFTER_RE.match(cue.after) or _KNOWN_AS_BEFORE_RE.search(cue.before))


# What every cue of _attribute_of_a_name holds (see PlaceRule.words)
_ATTRIBUTE_OF_A_NAME_WORDS = _words("based registered headquartered born known called named dubbed")


# "Zagros Human Rights Centre (Paris)", "Human Rights Watch (New York)": the seat of the
# body a statement comes from, in brackets after its name
_SEAT_IN_BRACKETS_BEFORE_RE = re.compile(
    r"\b(?-i:[A-Z])[\w'’-]*\s+(?:centre|center|watch|international|committee|commission|"
    r"foundation|institute|federation|union|association|league|council|group|forum|network|"
    r"coalition|monitor|observatory|project|society|trust|alliance)\s*\(\s*$",
    re.IGNORECASE,
)


def _seat_in_brackets(cue: PlaceCue) -> bool:
    """A body's seat in brackets after its name, as a statement signs itself.

    Example: "10 May 2015 - Zagros Human Rights Centre (Paris)".
    """
    return cue.after.startswith(")") and bool(_SEAT_IN_BRACKETS_BEFORE_RE.search(cue.before))


def _seat_of_an_organisation(cue: PlaceCue) -> bool:
    """Where an organisation is based, a real place the text turns to.

    Example: "the Ruckus Society, based in Oakland, ran training camps".
    """
    return bool(_BASED_BEFORE_RE.search(cue.before))


# What every cue of _seat_of_an_organisation holds (see PlaceRule.words)
_SEAT_OF_AN_ORGANISATION_WORDS = _words("base headquarter registered whose office seat secretariat")


# "the hunger striker elected TD for Cavan-Monaghan", "the Labour MP for Bolsover", "a
# senator for Victoria": a member's constituency, not where anything happened
_CONSTITUENCY_BEFORE_RE = Caseless(
    r"\b(?:mps?|tds?|meps?|mlas?|mpps?|deputy|deputies|senators?|members?|"
    r"representatives?|congress(?:man|woman)|assemblyman|councillors?|"
    r"(?:elected|re-elected|returned)(?:\s+as)?(?:\s+an?)?(?:\s+[\w-]+)?)\s+for\s+"
    r"(?:the\s+)?$"
)


def _constituency(cue: PlaceCue) -> bool:
    """The constituency a member sits for.

    Example: "Kieran Doherty, elected TD for Cavan-Monaghan last month".
    """
    return bool(_CONSTITUENCY_BEFORE_RE.search(cue.before))


# What every cue of _constituency holds (see PlaceRule.words)
_CONSTITUENCY_WORDS = _words(
    "mp td mep mla deput senator member representative congress assemblyman councillor "
    "elected returned"
)


# An open quotation after chanting or a placard: "chanting "Iran out"".
_SLOGAN_BEFORE_RE = Caseless(
    r"\b(?:chant(?:ed|ing|s)?|shout(?:ed|ing|s)?|slogans?|cr(?:ied|ying)|reading|read|"
    r"placards?|banners?|signs?)\b[^.;\"“”]{0,30}[\"“‘'][^\"“”’]*$"
)


def _slogan(cue: PlaceCue) -> bool:
    """A place in a slogan or a placard's words.

    Example: "torched the Iranian consulate, chanting "Iran out"".
    """
    return bool(_SLOGAN_BEFORE_RE.search(cue.before))


# What every cue of _slogan holds (see PlaceRule.words)
_SLOGAN_WORDS = _words("chant shout slogan cried crying read placard banner sign")


# The incident a protest answers, with its own place: "against the alleged rape of a girl
# by a police commander in the port of Chabahar", "since the death of a young woman in
# custody in Tehran", "a bill allowing extraditions to mainland China".
_GRIEVANCE_BEFORE_RE = Caseless(
    r"\b(?:against|over|after|following|followed|since|(?:sparked|triggered|set\s+off|prompted|"
    r"caused)\s+by|to\s+protest|"
    r"in\s+protest\s+at|outrage\s+at|anger\s+at|in\s+(?:memory|honou?r|remembrance)\s+of|"
    # "to demand a full inquiry into the massacre of refugees in the camps in Beirut"
    r"(?:inquiry|enquiry|investigation|probe)\s+into)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:alleged\s+|recent\s+|brutal\s+|fatal\s+|suspicious\s+|(?:1[89]|20)\d\d\s+)?"
    r"(?:rape|killing|murder|death|shooting|arrest|detention|beating|assault|torture|execution|"
    r"abduction|kidnapping|disappearance|sentencing|jailing|eviction|demolition|fire|blaze|"
    r"explosion|collapse|victims|attacks?|"
    # (a plural of deaths or shootings may be what the crowd protested where it stood)
    r"bombings?|assassinations?|lynchings?|massacres?|brawl|"
    # "in memory of those killed in Abobo"
    r"(?<=of\s)those\s+(?:[\w'’-]+\s+){0,2}?(?:killed|who\s+died))\b[^;:]{0,100}$"
    # "The protest was sparked by a security camera video, widely shared last week, showing
    # two policemen beating a soldier on a street in Holon": where the video was filmed
    r"|\b(?:sparked|triggered|set\s+off|prompted|caused)\s+by\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:video|footage|images|photographs?|recording)\b[^;:]{0,140}$"
    # "riots over plans to pipe gas from the region to the main city, Dar es Salaam": where
    # the grievance would send or take something
    r"|\bagainst\s+[^;:,]{0,80}\b(?:to|from)\s+(?:the\s+)?(?:mainland\s+)?$"
    r"|\b(?:against|over)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+)?(?:plans?|proposals?|decision|"
    r"project|scheme|bill|law|move|deal)\b[^;:]{0,100}\b(?:to|from)\s+(?:the\s+)?"
    r"(?:(?:[\w'’-]+\s+){0,2}?(?:city|capital|port|town),\s+)?$"
    # "The protests began after a canopy at the station in Novi Sad collapsed"
    r"|\b(?:protests?|demonstrations?|unrest|rallies|anger|outrage|violence|riots?|rioting|"
    r"uprising)\s+(?:[^.;:]{0,80}?\s)?"
    r"(?:first\s+)?(?:began|erupted|broke\s+out|started|flared|spread)\s+(?:[\w'’-]+,?\s+){0,4}?"
    r"(?:after|when|over|following)\b[^;:]{0,160}$"
    # "The march was called in support of students at the university in Monterrey, who had
    # been on strike": the people a protest stood by, where they are
    # (but "rallies in support of the opposition were held in Štip" were in Štip)
    r"|\bin\s+(?:support|solidarity)\s+(?:of|with)\s+(?:(?!(?:was|were|is|are|been|held|took|"
    r"marched|rallied|gathered|staged|protested)\b)[\w'’-]+,?\s+){1,8}?(?:in|at)\s+(?:the\s+)?$"
    # "a film alleging that the prime minister controls ... an estate near Plyos": what an
    # allegation says
    r"|\b(?:alleging|alleged\s+that|accusing\s+(?:[\w'’-]+\s+){1,4}?of)\b[^;:]{0,160}$"
    # "thousands protest island handover to Saudi Arabia", "against extradition to China":
    # who would receive what the protest is against
    r"|\b(?:handover|hand-over|transfer|sale|cession|extradition|deportation)s?\s+"
    r"(?:of\s+[^;:,]{0,40}?\s+)?to\s+(?:the\s+)?$"
    # "over allegations that officials stole coal destined for China"
    r"|\b(?:over|against|about|amid)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+)?(?:allegations?|"
    r"accusations?|claims?|revelations?|scandal|reports?)\b[^;:]{0,140}$"
    # "in protest at Israel's bombardment of Gaza", "against the invasion of Iraq": the land
    # a war's act fell on, protested far away
    r"|\b(?:bombardment|bombing|shelling|invasion|occupation|blockade|annexation|siege)\s+of\s+"
    r"(?:the\s+)?$"
)
_CLAUSE_TURN_RE = re.compile(r",\s+(?:and|but|while|where|as)\s|;|\s(?:where|while)\s")


def _site_of_the_grievance(cue: PlaceCue) -> bool:
    """Where the incident that a protest answers took place, named inside the grievance:
    not where people protested.

    Example: "protested against the alleged rape of a teenage girl by a police commander
    in the port of Chabahar"; "against a bill allowing extraditions to mainland China".
    """
    start = max(cue.span.start, cue.mention.start - 240)
    before = cue.text[start : cue.mention.start]
    match = _GRIEVANCE_BEFORE_RE.search(before)
    return (
        match is not None
        and not _CLAUSE_TURN_RE.search(before, match.start())
        and not _ONSET_PROTEST_RE.search(before, match.start())
        and not _AT_A_PROTEST_RE.search(before, match.start())
    )


# "an inquiry into the death of a man during a demonstration in Podgorica": the incident
# befell a protest, whose place is an event place
_AT_A_PROTEST_RE = re.compile(
    r"\b(?:during|at)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?(?:demonstrations?|protests?|"
    r"rall(?:y|ies)|march(?:es)?|sit-ins?|vigils?|clashes)\b",
    re.IGNORECASE,
)


# "The unrest broke out when thousands of people gathered in Nukus": what started the
# protests was a protest, and its place is an event place.
_ONSET_PROTEST_RE = re.compile(
    r"\b(?:began|erupted|broke\s+out|started|flared|spread)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:after|when|following)\b[^;:]*\b(?:gathered|marched|rallied|demonstrated|protested|"
    r"took\s+to\s+the\s+streets|stormed|blocked)\b",
    re.IGNORECASE,
)


# "the Rampura and Mirpur districts of the capital": parts of a city, which coders code as
# the city; the gazetteer's towns of those names lie elsewhere.
# "In Phoenix, a suburb north of Durban": the suburb is coded as its city, which the
# sentence names next; the gazetteer's place of that name lies elsewhere.
_SUBURB_APPOSITIVE_RE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?(?:suburb|district|neighbou?rhood|township|"
    r"quarter|slum|area)\b"
)
_DISTRICT_AFTER_RE = re.compile(
    # ("the St Ann's district of Nottingham")
    r"^(?:['’]s)?(?:\s*(?:,|and|,\s+and)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*\s+(?:districts?|"
    r"neighbou?rhoods?|suburbs?|quarters?|townships?|slums?|areas?|sections?|wards?)\s+of\b"
)


# "the Colombo–Puttalam road", "the Delhi—Mumbai railway line": any dash joins the ends
_DASHES = ("-", "–", "—")
_ROAD_AFTER_RE = re.compile(
    # ("the Negombo-Colombo main road")
    r"^(?:[-–—][A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)*\s+(?:(?:main|old|new|national|coastal|trunk)\s+)?"
    r"(?:highway|road|railway|railroad|expressway|motorway|corridor|"
    r"pipeline|route|line)\b",
    re.IGNORECASE,
)


# "the Highway of the Sun, which links Mexico City with the beach resort of Acapulco"
_ROAD_ENDS_BEFORE_RE = Caseless(
    r"\b(?:links?|linking|connects?|connecting|runs?\s+from|running\s+from)\s+(?:[^,;.]{0,60}?"
    r"\s(?:with|to|and)\s+)?(?:the\s+(?:[\w-]+\s+){0,2}?(?:resort|port|city|town)\s+of\s+)?$"
    # "blocked the main road to Kirkuk", "the only crossing of the Tagus into Lisbon"
    r"|\b(?:road|highway|route|railway|motorway|pipeline|bridge|ferry|crossing)"
    r"(?:\s+(?:of|over|across)\s+(?:the\s+)?[\w'’-]+)?\s+(?:to|towards|from|into)\s+"
    r"(?:the\s+)?$"
    # "in Orsha, on the main line from Moscow to the border city of Brest": the far end
    r"|\b(?:road|highway|route|railway|line|motorway|pipeline)\s+from\s+[^,;.]{1,40}?\s+to\s+"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:city|town|port)\s+of\s+)?$"
)
# The cue of _ROAD_ENDS_BEFORE_RE that reads capitals, apart: the rest runs caseless.
_ROAD_BETWEEN_BEFORE_RE = re.compile(
    # "blocked the main road between Kirkuk and Erbil"
    r"\b(?:road|highway|route|railway|railroad|motorway|line)\s+between\s+"
    r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?\s+and\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _road_name(cue: PlaceCue) -> bool:
    """A place in a road's or railway's name, or at its ends, which lie far from where it
    was blocked.

    Example: "thousands blocked the Dhaka-Rangpur highway" (in Rangpur, not Dhaka); "the
    Highway of the Sun, which links Mexico City with the resort of Acapulco"; "the Magburaka
    road" out of Makeni.
    """
    joined = cue.text[cue.mention.end : cue.mention.end + 1] in _DASHES or cue.before.endswith(
        _DASHES
    )
    # "gathered at the power station on the Magburaka road": the road that leads there
    leads_there = bool(_THE_BEFORE_RE.search(cue.before))
    named = (joined or leads_there) and bool(_ROAD_AFTER_RE.match(cue.after))
    return named or bool(
        _ROAD_ENDS_BEFORE_RE.search(cue.before) or _ROAD_BETWEEN_BEFORE_RE.search(cue.before)
    )


# What every cue of _road_name holds (see PlaceRule.words)
_ROAD_NAME_WORDS = _words(
    "highway road railway expressway motorway corridor pipeline route line link connect "
    "run bridge ferry crossing"
)


# "the Faizabad interchange", "Kalanki junction": a road junction named after a place, which
# may lie anywhere near it
_JUNCTION_AFTER_RE = re.compile(r"^\s+(?:interchange|junction|roundabout|flyover)\b", re.IGNORECASE)
# "the oilfield operated by Russia's Lukoil": a country's company or person
_OWNER_AFTER_RE = re.compile(
    r"^['’]s\s+(?!(?:Far|North|South|East|West|Northern|Southern|Eastern|Western|Central|"
    r"Upper|Lower|Greater|Inner|Outer)\b)[A-Z][a-z]"
)


def _junction_name(cue: PlaceCue) -> bool:
    """A road junction named after a place.

    Example: "clear a sit-in at the Faizabad interchange".
    """
    return bool(_JUNCTION_AFTER_RE.match(cue.after))


def _owner(cue: PlaceCue) -> bool:
    """A country that owns a company, or whose person is named.

    Example: "the West Qurna 2 oilfield operated by Russia's Lukoil".
    """
    return cue.mention.place.kind is Kind.COUNTRY and bool(_OWNER_AFTER_RE.match(cue.after))


# "Europe's last Stalinist regime", "the world's biggest cocoa producer": a ranking
_RANKED_AFTER_RE = re.compile(
    r"^['’]s\s+(?:(?:last|first|only|largest|biggest|greatest|oldest|newest|longest|poorest|"
    r"richest|smallest|youngest|top|leading|main|foremost|second|third)\b|most\s+\w+)",
    re.IGNORECASE,
)


def _ranking_scope(cue: PlaceCue) -> bool:
    """A country or continent that only ranks something, which is not in the story for it.

    Example: "the student protests that forced Europe's last Stalinist regime to allow
    opposition parties" (but "in Kyiv's largest square" is in Kyiv: towns stay).
    """
    return cue.mention.place.kind in (Kind.COUNTRY, Kind.REGION) and bool(
        _RANKED_AFTER_RE.match(cue.after)
    )


# "Armenia, Russia's closest ally": a relation, not a place of the story
_RELATION_AFTER_RE = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:ally|allies|partner|partners|neighbou?rs?|rival|rivals|"
    r"enemy|enemies|friend|friends|backer|backers|patron|"
    # "in protest at Israel's bombardment of Gaza": the power that waged it
    r"bombardment|bombing|shelling|air\s*strikes?|invasion|occupation|blockade|annexation)\b",
    re.IGNORECASE,
)
# "the 2014 Maidan protests": a past event named by its year
_YEAR_BEFORE_RE = re.compile(r"\b(?:1[89]\d\d|20\d\d)\s+$")
# "The Erawan emergency medical centre said": a body named after the place
_BODY_AFTER_RE = re.compile(
    # "told our Lagos correspondent": a reporter named after the city
    r"^\s+(?:correspondent|bureau|stringer)\b"
    r"|^(?:\s+[a-z][\w'’-]*){0,3}?\s+(?:centre|center|hospital|clinic|institute|agency|"
    r"foundation|group|committee|council|office|service|commission|network|union|association)"
    r"\s+(?:said|says|reported|told|announced|stated|added|confirmed)\b"
    # "St Louis County police chief Jon Belmar says"
    r"|^\s+(?:County\s+)?(?:police|fire|health|sheriff['’]?s?)\s+(?:chief|commissioner|"
    r"department|spokes(?:man|woman|person)|official)"
)


# "Ecuador indigenous protesters take over cultural centre": a country's name used as an
# adjective of people, as headlines do, says whose they are, not where they were
# "the U.S. magazine Newsweek", "a U.S. military base", "United States citizenship": whose
# a thing is, not where anything happened
_ADJECTIVAL_COUNTRY_AFTER_RE = re.compile(
    r"^\s+(?:(?:indigenous|opposition|student|anti-government|pro-democracy|riot|security|army|"
    r"police|military|naval|air|state|news|oil|mining)\s+)?(?:protesters|demonstrators|"
    r"students|workers|farmers|teachers|opposition|activists|police|troops|forces|security|army|"
    r"soldiers|embassy|consulate|base|bases|magazine|newspaper|agency|company|companies|firm|"
    r"firms|citizenship|citizens|nationals|passports?|diplomats?|ambassador|envoy|flag|flags|"
    r"dollars?|brands?|products|goods|interests|businesses|investors|media|press|"
    r"Embassy|Consulate|State\s+Department|Department|Army|Navy|Marines?|Marine\s+Corps|"
    # "ordered U.S. Ambassador Richard Melton out of the country", "summoned the United
    # States chargé d'affaires", "cars belonging to US servicemen"
    r"Ambassador|Envoy|Consul|Secretary\s+of\s+State|President|Vice\s+President|"
    r"charg[eé]|servicemen|service\s+members|personnel|"
    r"Air\s+Force|Air\s+Station|Forces|Military)\b"
)
# "Anti-U.S. protests", "pro-Russia rallies": the country is what they are for or against
_FOR_OR_AGAINST_BEFORE_RE = Caseless(r"\b(?:anti|pro)-$")


def _named_after_it(cue: PlaceCue) -> bool:
    """A place that names a relation, a past event or a body, not where anything happens.

    Example: "Armenia, Russia's closest ally"; "a repeat of the 2014 Maidan protests"; "The
    Erawan emergency medical centre said six people were hurt"; "the U.S. magazine
    Newsweek"; "Anti-U.S. protests".
    """
    adjectival = cue.mention.place.kind is Kind.COUNTRY and bool(
        _ADJECTIVAL_COUNTRY_AFTER_RE.match(cue.after)
        or _FOR_OR_AGAINST_BEFORE_RE.search(cue.before)
    )
    body = _BODY_AFTER_RE.match(cue.after) and not _city_police_counting_arrests(cue)
    return adjectival or bool(
        _RELATION_AFTER_RE.match(cue.after) or _YEAR_BEFORE_RE.search(cue.before) or body
    )


# "The Isfahan police chief said 67 people had been arrested": a city's own force counts
# the arrests it made there ("St Louis County police chief Jon Belmar says" speaks for a
# county around the town where things happened)
_CITY_POLICE_AFTER_RE = re.compile(r"^\s+police\b")
_ARRESTS_RE = re.compile(
    r"\b(?:arrested|detained|arrests|detentions|into\s+custody)\b", re.IGNORECASE
)


def _city_police_counting_arrests(cue: PlaceCue) -> bool:
    return (
        cue.mention.place.kind is Kind.CITY
        and _CITY_POLICE_AFTER_RE.match(cue.after) is not None
        and _ARRESTS_RE.search(cue.sentence) is not None
    )


def _district_of_a_city(cue: PlaceCue) -> bool:
    """A district, suburb or quarter named as part of a city.

    Example: "fought running battles in the Rampura and Mirpur districts of the capital";
    "in Aden police fired at demonstrators in the Mansoura district"; "in the Cairo
    district of Heliopolis" (Heliopolis, not Cairo).
    """
    return bool(
        (
            _DISTRICT_AFTER_RE.match(cue.after)
            and not owns_the_quarter(cue.text, cue.mention, cue.following)
        )
        or _SUBURB_APPOSITIVE_RE.match(cue.after)
        or _distant_namesake_of_a_quarter(cue)
        or _part_named_after_its_city(cue)
        or _country_named_quarter(cue)
    )


# "in the Kenya and Katuba communes" of Lubumbashi: quarters named after a country
_QUARTERS_AFTER_RE = re.compile(
    r"^(?:\s*(?:,|and|,\s+and)\s+[A-Z][\w'’-]+)*\s+(?:communes?|districts?|neighbou?rhoods?|"
    r"quarters?|townships?|wards?|estates?)\b"
)


def _country_named_quarter(cue: PlaceCue) -> bool:
    """A country's or continent's name that names a city's quarter, whatever follows it.

    Example: "hundreds took to the streets in the Kenya and Katuba communes" (of
    Lubumbashi).
    """
    return (
        cue.mention.place.kind in (Kind.COUNTRY, Kind.REGION)
        and _QUARTERS_AFTER_RE.match(cue.after) is not None
        and _THE_BEFORE_RE.search(cue.before) is not None
    )


def _part_named_after_its_city(cue: PlaceCue) -> bool:
    """ "in the Cairo district of Heliopolis": the quarter is coded as the great city named
    just before it; the gazetteer's Heliopolis (in Algeria) is no part of it."""
    previous = cue.previous
    return previous is not None and owns_the_quarter(cue.text, previous, cue.mention)


_QUARTER_REACH_KM = 50


def _distant_namesake_of_a_quarter(cue: PlaceCue) -> bool:
    """ "in Aden police fired at demonstrators in the Mansoura district": the gazetteer's
    Mansoura (in Egypt) is no quarter of Aden. One that lies near ("the Żoliborz district"
    of Warsaw) is."""
    previous = cue.previous
    if previous is None or not _THE_BEFORE_RE.search(cue.before):
        return False
    if not _PART_NOUN_AFTER_RE.match(cue.after):
        return False
    here, there = cue.mention.place, previous.place
    return great_circle_km(here.lat, here.lon, there.lat, there.lon) > _QUARTER_REACH_KM


# "the Mansoura district": "the" before the name and a part-of-a-city noun after it.
_THE_BEFORE_RE = Caseless(r"\bthe\s+$")
_PART_NOUN_AFTER_RE = re.compile(
    r"^\s+(?:district|neighbou?rhood|quarter|suburb|township|slum|area|section|ward)\b"
)


_STATEMENT_AFTER_RE = re.compile(
    # "the US", "Mexico, Bolivia, Argentina and Colombia": the subject may be a list, and
    # "France, which has troops in the region, called for dialogue" a relative clause
    r"^(?:\s*(?:,|and|,\s+and)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}){0,8}"
    r"(?:,\s+(?:which|who|whose)\s+[^;.]{0,120}?,)?"
    r"(?:\s*(?:,|and)\s+[^.;,]{0,40}?)?\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|strongly\s+)?"
    r"(?:condemn(?:ed|s)|criticis(?:ed|es)|criticiz(?:ed|es)|denounc(?:ed|es)|urg(?:ed|es)|"
    r"called\s+(?:on|for)|calls\s+(?:on|for)|expressed|voiced|deplor(?:ed|es)|demand(?:ed|s)|"
    r"welcomed|warned|appealed|protested\s+to|summoned|imposed\s+sanctions|"
    # "The United States, Australia and Singapore updated their travel advice"
    r"(?:updated|issued|revised|changed|raised)\s+(?:their|its)\s+travel\s+(?:advice|"
    r"advisor(?:y|ies)|warnings?)|"
    # "the government in Managua declared three days of mourning"
    r"declared\s+(?:[\w-]+\s+){0,2}?(?:days?\s+of\s+)?(?:national\s+)?mourning|"
    # "Tokyo lodged a protest": a government's note, not a street protest
    r"(?:lodged|filed|registered|delivered)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?protest|"
    # "Washington was following the reports with concern"
    r"(?:was|is|were|are)\s+(?:following|monitoring|watching)|"
    r"issued\s+(?:a\s+)?(?:joint\s+)?(?:statement|communiqu[eé])|(?:signed|released)\s+"
    r"(?:a\s+)?(?:joint\s+)?(?:statement|letter|declaration))\b"
)


def _planned_or_hypothetical(cue: PlaceCue) -> bool:
    """A place in a clause about what will, may or is meant to happen.

    Example: "Marchers intended to proceed to Cochabamba"; "a rally is planned in Osh";
    "rallies planned in Manchester, Leeds and Brighton".
    """
    sentence = cue.sentence
    if not may_be_unrealised(sentence):
        return False
    position = cue.mention.start - cue.span.start
    clauses = _clauses(sentence)
    index = bisect_right(_clause_starts(sentence), position) - 1
    inside = index >= 0 and position < clauses[index][1]
    start, end = clauses[index] if inside else (0, len(sentence))
    return _clause_cues(sentence, start, end).at(position - start) is not None


@lru_cache(maxsize=4)  # a clause's cues are found once for all the places it names
def _clause_cues(sentence: str, start: int, end: int) -> UnrealisedCues:
    return UnrealisedCues(sentence[start:end])


_LOCATIVE_BEFORE_RE = Caseless(
    r"\b(?:in|at|near|outside|across|throughout|from|of|to|into)\s+(?:the\s+)?$"
)


# A country speaks through its government: "The United States said the Lebanese people had
# a right to protest". (A city that "said" is rarer, and "Kisumu said" is no usage.)
_COUNTRY_SAYS_AFTER_RE = re.compile(
    r"^(?:,\s+(?:which|who|whose)\s+[^;.]{0,120}?,)?\s+(?:has\s+|had\s+)?(?:also\s+)?"
    r"(?:said|says|stated|insisted|noted|announced|(?:stood|stands)\s+(?:with|by)|backed|"
    r"supports|supported|regarded|regards|considered|considers|viewed|views|"
    # "said the United States was "deeply concerned" by reports of violence": a reaction
    r"(?:was|is|were|are)\s+[\"“]?(?:deeply\s+|gravely\s+|very\s+)?(?:concerned|alarmed|"
    r"troubled|worried|disturbed|saddened)|"
    # "as the United States opened its embassy in Jerusalem"
    r"(?:opened|opens|moved|relocated|inaugurated)\s+(?:its|their|a|the)\s+(?:new\s+)?"
    r"(?:embassy|consulate|mission))\b"
)


_AUTHORITY_IN_BEFORE_RE = Caseless(
    r"\b(?:government|authorities|officials|ministry|regime|junta)\s+in\s+$"
)


def _statement_subject(cue: PlaceCue) -> bool:
    """A government or country that comments on events elsewhere, as the subject of its
    statement (not "protesters in Kisumu demanded ...", where Kisumu is the site).

    Example: "Amnesty International and the US condemned the clashes"; "The United States
    said the Lebanese people had a right to peaceful protest".
    """
    # A list of names or a relative clause may stand between the subject and its verb.
    after = cue.text[cue.mention.end : min(cue.span.end, cue.mention.end + 200)]
    if _LOCATIVE_BEFORE_RE.search(cue.before):
        # "the Nicaraguan government in Managua declared three days of mourning": the
        # seat of a government that speaks
        seat = _AUTHORITY_IN_BEFORE_RE.search(cue.before)
        return seat is not None and _STATEMENT_AFTER_RE.match(after) is not None
    if _STATEMENT_AFTER_RE.match(after):
        return True
    place = cue.mention.place
    if _GOVERNMENT_PROTESTED_AFTER_RE.match(after) and _seat_of_a_state(place):
        return True  # "Belgrade protested, Tito moved troops": a note, not a march
    return place.kind is Kind.COUNTRY and bool(_COUNTRY_SAYS_AFTER_RE.match(after))


# "Belgrade protested", "Moscow has formally protested": a state or its capital, as the
# subject of "protested", is a government lodging a complaint; so is one that refused or
# demanded ("When Lima refused to hand the six over")
_GOVERNMENT_PROTESTED_AFTER_RE = re.compile(
    r"^\s+(?:has\s+|had\s+)?(?:also\s+|strongly\s+|formally\s+|immediately\s+|sharply\s+)?"
    # ("Nairobi protested for a third day": its people, in the streets)
    r"(?:protested\b(?!\s+(?:for|in|at|on|outside|through|across|again|peacefully|until)\b)|"
    r"(?:refused|declined|rejected|demanded|insisted|recalled|expelled|retaliated|vetoed)\b)"
)


def _seat_of_a_state(place: Place) -> bool:
    return place.kind is Kind.COUNTRY or place.geonameid in Capitals.default().national_capitals


_MATCH_VERB = (
    r"(?:played|plays|beat|beats|defeated|defeats|drew\s+(?:with|against)|lost\s+(?:to|against)|"
    r"faced|faces|hosted|hosts|against|versus|vs\.?|v\.?)"
)
_TEAM_AFTER_RE = re.compile(rf"^\s+{_MATCH_VERB}\s", re.IGNORECASE)
_TEAM_BEFORE_RE = Caseless(rf"\b{_MATCH_VERB}\s+(?:the\s+)?$")
_SPORT_RE = Caseless(
    r"\b(?:match(?:es)?|stadium|games?|cup|goals?|tournament|football|soccer|fixtures?|"
    r"league|championships?|olympics?|kick-?off|semi-?finals?|quarter-?finals?|squad)\b"
)


def _sports_team(cue: PlaceCue) -> bool:
    """A country or city named as a team in a match, where the match, not the place, is
    meant.

    Example: "near the stadium where Nigeria played Tahiti"; "Brazil beat Spain 3-0 in the
    Confederations Cup final".
    """
    named_in_a_match = _TEAM_AFTER_RE.match(cue.after) or _TEAM_BEFORE_RE.search(cue.before)
    return bool(named_in_a_match) and bool(_SPORT_RE.search(cue.sentence))


# What every cue of _sports_team holds (see PlaceRule.words)
_SPORTS_TEAM_WORDS = _words(
    "match stadium game cup goal tournament football soccer fixture league championship "
    "olympic kick semi quarter squad"
)


_MEASURE_BEFORE_RE = Caseless(
    r"\b(?:curfews?|state\s+of\s+(?:emergency|siege)|martial\s+law|lockdowns?|emergency\s+rule)"
    r"\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+)?"
    r"(?:(?:extended|imposed|declared|expanded|widened|lifted)\s+)?(?:to|in|on|over|across|for)\s+"
    r"(?:the\s+)?(?:(?:cities|city|towns?|provinces?|regions?|states?)\s+of\s+)?$"
)
# what joins the places a measure is extended to ("to Valparaíso and Concepción")
_MEASURE_LIST_GAP_RE = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)$")


# "deployed troops in Punjab and Khyber Pakhtunkhwa provinces and in the capital ... after
# supporters stormed": the measure runs until the clause turns to what caused it
_DEPLOYMENT_RE = Caseless(
    r"\b(?:deployed|sent|dispatched|rushed|ordered)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:troops|"
    r"soldiers|army|police|paramilitar\w+|forces|rangers)\s+(?:onto\s+the\s+streets\s+)?"
    r"(?:in|to|into|across|on)\b"
)
_MEASURE_TURN_RE = re.compile(r"\b(?:after|as|when|while|where|because|following|since)\b|[;,]")


def _deployment_target(cue: PlaceCue) -> bool:
    before = cue.text[max(cue.span.start, cue.mention.start - 120) : cue.mention.start]
    last = None
    for last in _DEPLOYMENT_RE.finditer(before):  # noqa: B007 - the last one is wanted
        continue
    return last is not None and not _MEASURE_TURN_RE.search(before, last.end())


_CAUSE_CLAUSE_RE = re.compile(r"\b(?:after|when|as|following)\b")
_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]")


def _unrest_there_named_nowhere_else(cue: PlaceCue) -> bool:
    """ "A curfew was imposed on Larkana, the home town of ..., after several thousand
    people marched through the main bazaar": the unrest the measure answers, told with no
    place of its own, was where the measure fell."""
    rest = cue.text[cue.mention.end : cue.span.end]
    turn = _CAUSE_CLAUSE_RE.search(rest)
    if turn is None:
        return False
    clause = rest[turn.end() :]
    return bool(classify(clause)) and _CAPITALISED_RE.search(clause) is None


def _measure_target(cue: PlaceCue) -> bool:
    """A place a curfew, state of emergency or martial law is extended to: a government's
    measure, not an event there (the unrest it answers is placed by its own words).

    Example: "extended a curfew to the cities of Valparaíso and Concepción after a third
    night of rioting in Santiago".
    """
    if _MEASURE_BEFORE_RE.search(cue.before):
        return not _unrest_there_named_nowhere_else(cue)
    if _deployment_target(cue):
        return True
    previous = cue.previous
    if previous is None:
        return False
    if not _MEASURE_LIST_GAP_RE.match(cue.text[previous.end : cue.mention.start]):
        return False
    window = cue.text[max(cue.span.start, previous.start - 60) : previous.start]
    return bool(_MEASURE_BEFORE_RE.search(window))


# What every cue of _measure_target holds (see PlaceRule.words)
_MEASURE_TARGET_WORDS = _words(
    "curfew state martial lockdown emergency deployed sent dispatched rushed ordered"
)


# "The biggest crowds outside the capital were in Pusan": anywhere but the capital
_OUTSIDE_BEFORE_RE = re.compile(r"\boutside\s+$", re.IGNORECASE)


def _outside_the_capital(cue: PlaceCue) -> bool:
    """ "Outside the capital" means everywhere else (but "outside the capital's city hall"
    is at it).

    Example: "The biggest crowds outside the capital were in the port of Pusan".
    """
    named = cue.mention.text.lower()
    return (
        named.startswith("the ")
        and named.endswith("capital")
        and not cue.after.startswith(("'s", "’s"))
        and bool(_OUTSIDE_BEFORE_RE.search(cue.before))
    )


# "signed an appeal asking Moscow to restore", "urged Harare to release": a government
# addressed, by its capital or its country
_ADDRESSED_BEFORE_RE = Caseless(
    r"\b(?:ask|asking|asked|urge|urging|urged|pressed|appeal(?:ed|ing)?\s+to|"
    # "called on the authorities in Yaoundé to release those detained"
    r"call(?:ed|ing|s)?\s+on\s+(?:the\s+)?(?:authorities|government|junta|regime|leaders)\s+in|"
    # "the republic's KGB told Moscow that up to 10,000 took part": whom a report went to
    r"petition(?:ed|ing)?|told|informed|assured|reported\s+to|cabled|wrote\s+to)\s+"
    r"(?:the\s+)?$"
)


def _addressee(cue: PlaceCue) -> bool:
    """A government that someone asks or urges to act.

    Example: "an appeal asking Moscow to restore Abkhazia's status"; "the United Nations
    urged Harare to release the activists".
    """
    return bool(_ADDRESSED_BEFORE_RE.search(cue.before))


# What every cue of _addressee holds (see PlaceRule.words)
_ADDRESSEE_WORDS = _words(
    "ask urg pressed appeal call petition told informed assured reported cabled wrote"
)


# "Factories in Narayanganj and Chattogram operated normally", "Detroit remained largely
# calm", "Boston was kept quiet": places said to be calm are where nothing happened
_NONE_OF = r"(?:protests?|demonstrations?|rallies|marches|unrest|violence|clashes|incidents?)"
_CALM_AFTER_RE = re.compile(
    r"^(?:\s*(?:,|and|,\s+and)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*"
    # "Aleppo, the second city, has remained largely quiet": past a gloss of the place
    r"(?:,\s+(?:the|a|an|its|their|in)\s+[^,.;]{1,40},)?(?:\s+itself)?\s+"
    # ("Here in Port-au-Prince it is calm tonight")
    r"(?:(?:(?:has|had|have)\s+)?(?:also\s+)?(?:operated|functioned|worked|remained|stayed|was|were|"
    r"been|was\s+kept|were\s+kept|(?:it|all)\s+(?:is|was))\s+(?:largely\s+|mostly\s+|"
    r"relatively\s+|generally\s+|"
    r"completely\s+)?(?:normally|calm|quiet|open\s+as\s+usual)\b"
    # "Nizwa, in the interior, saw no demonstrations": said outright, whatever came before
    rf"|(?P<none>(?:saw|has\s+seen|had\s+seen|reported|witnessed)\s+no\s+(?:[\w-]+\s+)?"
    rf"{_NONE_OF}))",
    re.IGNORECASE,
)
# "no protests were reported in the districts themselves"
_NONE_REPORTED_BEFORE_RE = re.compile(
    rf"\bno\s+(?:[\w-]+\s+)?{_NONE_OF}\s+(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:reported|held|seen|recorded)\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ("Marches in Marseille remained calm": the marches happened there)
_EVENT_NOUN_BEFORE_RE = Caseless(
    r"\b(?:march(?:es)?|rall(?:y|ies)|protests?|demonstrations?|strikes?|vigils?|sit-ins?)\b"
)


# "In Juba and the other southern towns, ..., everything is said to be quiet"
_ALL_QUIET_RE = Caseless(
    r"\b(?:everything|all|life|the\s+situation|things)\s+(?:is|was|were|remained|remains|"
    r"seemed|seems|appeared|appears)\s+(?:(?:said|reported)\s+to\s+(?:be|have\s+been)\s+)?"
    r"(?:largely\s+|relatively\s+|generally\s+|completely\s+)?(?:quiet|calm|normal)\b"
    # "In Bamenda, ..., there was no sign of the march"
    r"|\bthere\s+(?:was|were|had\s+been)\s+no\s+sign\s+of\s+(?:the\s+|any\s+)?(?:[\w-]+\s+)?"
    r"(?:march|protest|rally|demonstration|unrest|trouble|strike)"
)
# (past a transcript's speaker label: "CORRESPONDENT: In Juba ...")
_SPEAKER_LABEL = r"[A-Z][A-Z .'-]{1,30}:\s+"  # a transcript's turn: "CORRESPONDENT: "
_SENTENCE_OPENS_IN_RE = re.compile(rf"^(?:{_SPEAKER_LABEL})?(?:In|At)\s")
_SPEAKER_TURN_RE = re.compile(_SPEAKER_LABEL)


def _fronted_and_quiet(cue: PlaceCue) -> bool:
    """A place the sentence opens with ("In Juba"), whose main clause says all was quiet."""
    opening = cue.text[cue.span.start : cue.mention.start]
    if _SENTENCE_OPENS_IN_RE.match(opening) is None or "," in opening:
        return False
    # the main clause, right after the fronted phrase's comma (not "In Osh, police fired
    # tear gas, but by evening all was quiet")
    quiet = _ALL_QUIET_RE.search(cue.sentence)
    return quiet is not None and cue.sentence[: quiet.start()].endswith(", ")


# "in Kayes no protests were reported", "there has been no strike in Gaza": a clause that
# says the unrest did not happen; "but had little effect in Yaoundé", "while in Mutare most
# businesses stayed open": a strike that was not kept there
_NOTHING_HAPPENED_RE = Caseless(
    rf"\b(?:no|not\s+any)\s+(?:[\w-]+\s+)?(?:{_NONE_OF}|strikes?|trouble)\b|"
    r"\b(?:little|no|scant)\s+(?:visible\s+)?(?:effect|impact)\b|"
    r"\b(?:largely|widely|mostly)\s+ignored\b|\b(?:stayed|remained)\s+open\b"
)


def _nothing_in_its_clause(cue: PlaceCue) -> bool:
    """The place's own clause says no unrest happened, and tells of no event: the events of
    the sentence's other clause happened elsewhere.

    Example: "Students marched in Ségou and Mopti; in Kayes no protests were reported";
    "police fired tear gas in Tripoli, but there was no violence in Benghazi".
    """
    sentence = cue.sentence
    if _NOTHING_HAPPENED_RE.search(sentence) is None:
        return False  # most sentences: no clause need be cut
    position = cue.mention.start - cue.span.start
    start, end = next((s, e) for s, e in _clauses(sentence) if e >= position)
    return _NOTHING_HAPPENED_RE.search(sentence, start, end) is not None and not _clause_triggers(
        sentence, start, end
    )


def _said_to_be_calm(cue: PlaceCue) -> bool:
    """A place said to be calm or working normally, where nothing happened.

    Example: "Factories in Narayanganj and Chattogram operated normally on Wednesday";
    "Detroit remained largely calm"; "in Kayes no protests were reported".
    """
    if _NONE_REPORTED_BEFORE_RE.search(cue.before):
        return True
    if _fronted_and_quiet(cue) or _nothing_in_its_clause(cue):
        return True
    calm = _CALM_AFTER_RE.match(cue.after)
    if calm is None:
        return False
    return calm.group("none") is not None or not _EVENT_NOUN_BEFORE_RE.search(cue.before)


# What every cue of _said_to_be_calm holds (see PlaceRule.words)
_SAID_TO_BE_CALM_WORDS = _words("no effect impact quiet calm normal sign ignored open")


# "protests against Japan's purchase of the islands", "marched against Moscow": what a
# protest opposes is its target, not its site
_AGAINST_BEFORE_RE = Caseless(r"\bagainst\s+(?:the\s+)?$")


def _target(cue: PlaceCue) -> bool:
    """A country or city that a protest is against.

    Example: "angry protests against Japan's purchase of the islands".
    """
    return bool(_AGAINST_BEFORE_RE.search(cue.before))


def _landmark_of_a_named_city(cue: PlaceCue) -> bool:
    """A namesake far away, named after a city's possessive: the city's own landmark.

    Example: "drew 3,000 people to Sydney's Hyde Park" (not Hyde Park in Adelaide).
    """
    city = cue.previous
    if city is None or cue.text[city.end : cue.mention.start] not in ("'s ", "’s "):
        return False
    here, there = cue.mention.place, city.place
    return great_circle_km(here.lat, here.lon, there.lat, there.lon) > LANDMARK_REACH_KM


# Furniture first: they explain why a name is not a place of the story at all.
NOT_EVENT_PLACE_RULES: tuple[PlaceRule, ...] = (
    PlaceRule("in_organisation_name", _in_organisation_name, breaks_scene=False),
    PlaceRule("dateline", _dateline, breaks_scene=False),
    PlaceRule("page_furniture", _page_furniture, breaks_scene=False),
    PlaceRule("timestamp", _timestamp, breaks_scene=False),
    PlaceRule("photo_credit", _photo_credit, breaks_scene=False, words=_PHOTO_CREDIT_WORDS),
    PlaceRule("currency", _currency, breaks_scene=False),
    PlaceRule("outlet_name", _outlet_name, breaks_scene=False, words=_OUTLET_NAME_WORDS),
    PlaceRule("agreement_name", _agreement_name, breaks_scene=False),
    PlaceRule("calendar_name", _calendar_name, breaks_scene=False),
    PlaceRule("address_qualifier", _address_qualifier, breaks_scene=False),
    PlaceRule("region_of_a_town", _region_of_a_town, breaks_scene=False),
    PlaceRule("planned_or_hypothetical", _planned_or_hypothetical, breaks_scene=False),
    PlaceRule("distance_reference", _distance_reference, breaks_scene=False),
    PlaceRule("locator_of_a_town", _locator_of_a_town, breaks_scene=False),
    PlaceRule("origin", _origin, breaks_scene=False, words=_ORIGIN_WORDS),
    PlaceRule("border", _border, breaks_scene=False, words=_BORDER_WORDS),
    PlaceRule(
        "cited_as_a_model", _cited_as_a_model, breaks_scene=True, words=_CITED_AS_A_MODEL_WORDS
    ),
    PlaceRule(
        "dated_by_another_event",
        _dated_by_another_event,
        breaks_scene=True,
        words=_DATED_BY_ANOTHER_EVENT_WORDS,
    ),
    PlaceRule("target", _target, breaks_scene=False),
    PlaceRule("addressee", _addressee, breaks_scene=False, words=_ADDRESSEE_WORDS),
    PlaceRule("outside_the_capital", _outside_the_capital, breaks_scene=False),
    PlaceRule("said_to_be_calm", _said_to_be_calm, breaks_scene=True, words=_SAID_TO_BE_CALM_WORDS),
    PlaceRule("junction_name", _junction_name, breaks_scene=False),
    PlaceRule("owner", _owner, breaks_scene=False),
    PlaceRule("ranking_scope", _ranking_scope, breaks_scene=False),
    PlaceRule("landmark_of_a_named_city", _landmark_of_a_named_city, breaks_scene=False),
    PlaceRule("sports_team", _sports_team, breaks_scene=False, words=_SPORTS_TEAM_WORDS),
    PlaceRule("measure_target", _measure_target, breaks_scene=False, words=_MEASURE_TARGET_WORDS),
    PlaceRule(
        "attribute_of_a_name",
        _attribute_of_a_name,
        breaks_scene=False,
        words=_ATTRIBUTE_OF_A_NAME_WORDS,
    ),
    PlaceRule("constituency", _constituency, breaks_scene=False, words=_CONSTITUENCY_WORDS),
    PlaceRule(
        "seat_of_an_organisation",
        _seat_of_an_organisation,
        breaks_scene=True,
        words=_SEAT_OF_AN_ORGANISATION_WORDS,
    ),
    PlaceRule("seat_in_brackets", _seat_in_brackets, breaks_scene=True),
    PlaceRule("slogan", _slogan, breaks_scene=False, words=_SLOGAN_WORDS),
    PlaceRule("site_of_the_grievance", _site_of_the_grievance, breaks_scene=False),
    PlaceRule("district_of_a_city", _district_of_a_city, breaks_scene=False),
    PlaceRule("road_name", _road_name, breaks_scene=False, words=_ROAD_NAME_WORDS),
    PlaceRule("named_after_it", _named_after_it, breaks_scene=False),
    PlaceRule("hospital_town", _hospital_town, breaks_scene=False, words=_HOSPITAL_TOWN_WORDS),
    PlaceRule("where_someone_is", _where_someone_is, breaks_scene=True),
    PlaceRule(
        "where_the_blamed_are",
        _where_the_blamed_are,
        breaks_scene=False,
        words=_WHERE_THE_BLAMED_ARE_WORDS,
    ),
    PlaceRule("hometown", _hometown, breaks_scene=True, words=_HOMETOWN_WORDS),
    PlaceRule("residence", _residence, breaks_scene=True, words=_RESIDENCE_WORDS),
    PlaceRule(
        "place_of_detention",
        _place_of_detention,
        breaks_scene=False,
        words=_PLACE_OF_DETENTION_WORDS,
    ),
    PlaceRule("office", _office, breaks_scene=True),
    PlaceRule("speaker_seat", _speaker_seat, breaks_scene=True),
    PlaceRule("statement_subject", _statement_subject, breaks_scene=True),
)


@lru_cache(maxsize=4)  # asked for every place the sentence names, one after another
def _rules_for(sentence: str) -> tuple[PlaceRule, ...]:
    """The rules of NOT_EVENT_PLACE_RULES that may apply to a place in the sentence, in
    order: those that keep no words, and those whose words the sentence holds.

    Most sentences hold none of a rule's words (a hospital, a slogan), and a few substring
    tests once per sentence cost less than the rule's patterns for each place it names.
    Where lower() folds the sentence as IGNORECASE does (see geomap.caseless; any other
    sentence is read by every rule), a pattern's match, caseless or not, holds its words in
    lower case in the lower-cased sentence.

    No word holds whitespace (_words splits on it), so a word occurs in the sentence
    exactly when it occurs in one of its whitespace-separated chunks; chunks recur ("the",
    "said", "police"), so each distinct one is searched for the words once.
    """
    if not folds_exactly(sentence):
        return NOT_EVENT_PLACE_RULES
    held = frozenset().union(*map(_rule_words_in, set(sentence.lower().split())))
    return tuple(
        rule for rule in NOT_EVENT_PLACE_RULES if not rule.words or not held.isdisjoint(rule.words)
    )


# Every rule's words, each once
_RULE_WORDS = tuple(dict.fromkeys(word for rule in NOT_EVENT_PLACE_RULES for word in rule.words))


@lru_cache(maxsize=1 << 16)
def _rule_words_in(chunk: str) -> frozenset[str]:
    """The rule words one whitespace-free chunk of a lower-cased sentence holds."""
    return frozenset(word for word in _RULE_WORDS if word in chunk)


# Rules that read the words before a name, which speak for every name of a list that
# follows them: "from Tetovo and Gostivar", "near Tixtla and Chilpancingo", "rallies
# planned in Manchester, Leeds and Brighton".
_LIST_RULES = frozenset(
    {
        "planned_or_hypothetical",
        "origin",
        "distance_reference",
        "border",
        "target",
        "addressee",
        "measure_target",
        "site_of_the_grievance",
        "where_someone_is",
        "place_of_detention",
        "hospital_town",
        "where_the_blamed_are",
        "residence",
        "office",
    }
)


# A list's separators, and a name's gloss in brackets: "Tetovo and Gostivar",
# "Ganja (Gəncə), Sumqayit".
_LIST_GAP_RE = re.compile(
    r"(?:\s*\([^()]{1,40}\))?\s*(?:,\s*and|,|and|or)\s+(?:the\s+)?"
    # "from Battipaglia and nearby Eboli"
    r"(?:(?:nearby|neighbou?ring)\s+)?"
)


def not_event_place(cue: PlaceCue, previous_rule: PlaceRule | None = None) -> PlaceRule | None:
    """The first rule that says the named place is not an event place, or None.

    `previous_rule` is the verdict on the place named just before (`cue.previous`): a rule
    that read the words before a list speaks for the names the list continues with.
    """
    for rule in _rules_for(cue.sentence):
        if rule.applies(cue):
            return rule
    if (
        previous_rule is not None
        and previous_rule.name in _LIST_RULES
        and cue.previous is not None
        and _LIST_GAP_RE.fullmatch(cue.text, cue.previous.end, cue.mention.start) is not None
    ):
        return previous_rule  # "by bus from Tetovo and Gostivar": both are origins
    if previous_rule is not None and _qualifies_the_town_before(cue):
        return previous_rule  # "based in the camps around Tindouf in Algeria": Algeria too
    return None


# ("based in Tindouf in neighbouring Algeria")
_QUALIFIER_GAP_RE = re.compile(r",\s*|\s+in\s+(?:the\s+)?(?:neighbou?ring\s+)?")
_BROAD_KINDS = (Kind.COUNTRY, Kind.ADMIN1, Kind.REGION)


def _qualifies_the_town_before(cue: PlaceCue) -> bool:
    """Whether the place is the country or region of the town named just before it."""
    previous = cue.previous
    return (
        previous is not None
        and cue.mention.place.kind in _BROAD_KINDS
        and previous.place.kind not in _BROAD_KINDS
        and previous.place.country_code == cue.mention.place.country_code
        and _QUALIFIER_GAP_RE.fullmatch(cue.text, previous.end, cue.mention.start) is not None
    )


# ---------------------------------------------------------------------------- scenes

_LIST_SIZE = 3  # this many distinct places in one sentence make a list, not a scene


def is_list(places: Sequence[PlaceMention]) -> bool:
    """Whether the places are a summary list ("in Lome, Bafilo, Anie and Kara")."""
    return len({m.place.geonameid for m in places}) >= _LIST_SIZE


@dataclass(frozen=True)
class Scene:
    """The places a run of sentences is about, and the last sentence that continued it."""

    places: tuple[PlaceMention, ...]
    last: int  # index of the last sentence that named or continued the scene


@dataclass(frozen=True)
class SceneCue:
    """What the scene rules read for a sentence that names no place."""

    index: int
    spans: Sequence[Span]
    text: str  # the sentence
    scene: Scene | None
    home: tuple[PlaceMention, ...]  # the dateline's or the infobox's city
    single_sentence_paragraphs: frozenset[int]
    # The largest city the article names, where its unnamed squares and avenues lie.
    main_city: tuple[PlaceMention, ...] = ()
    lead_city: tuple[PlaceMention, ...] = ()  # of cities named as often, the first
    # Where the story last placed a gathering of each kind: {"rally": (Ahmedabad,)}.
    gatherings: Mapping[str, tuple[PlaceMention, ...]] = field(default_factory=dict)
    # Where the story placed each site it named: {"Thamaing": (Yangon,)}.
    sites: Sites = field(default_factory=dict)
    # Where the story last placed a gathering (a protest or a crowd), for a count of it.
    last_gathering: tuple[PlaceMention, ...] = ()
    # The kinds of event the sentence reports, asked only by the rule that needs them: a
    # sentence's triggers are otherwise found only once it has a place.
    event_types: Callable[[], frozenset[EventType]] = frozenset


@dataclass(frozen=True)
class SceneRule:
    """A way a sentence that names no place gets its places."""

    name: str
    places: Callable[[SceneCue], tuple[PlaceMention, ...] | None]

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.places) or ""


def _continues_scene(cue: SceneCue) -> tuple[PlaceMention, ...] | None:
    """The next sentence continues the scene: within a paragraph, after a paragraph of
    one sentence (wire copy puts each sentence in its own paragraph), or in the next turn
    of a transcript, which answers about the same place when that place is the story's main
    city. A list of places is not a scene, and a live page's timed entry does not continue
    the entry before it.

    Example: "In Osh, protesters stormed the building. Police fired tear gas." (Osh);
    "PRESENTER: Thirty died in San Salvador. Our correspondent was there. /
    CORRESPONDENT: The crowd broke and ran." (San Salvador)
    """
    scene = cue.scene
    if scene is None or scene.last != cue.index - 1 or is_list(scene.places):
        return None
    here, before = cue.spans[cue.index].paragraph, cue.spans[cue.index - 1].paragraph
    if here == before:
        return scene.places
    if before in cue.single_sentence_paragraphs and not _ENTRY_TIME_RE.match(cue.text):
        return scene.places
    # (a turn goes on with the story's main city, not with a town the last turn named
    # in passing: "... in intensive care at the hospital in Oujda." / "REPORTER: ...")
    main = {m.place.geonameid for m in cue.main_city}
    if _SPEAKER_TURN_RE.match(cue.text) and any(m.place.geonameid in main for m in scene.places):
        return cue.main_city
    return None


# "12:10 — Brazilians abroad are also marching.": a live page's new entry, told at its own
# time, opens a scene of its own
_ENTRY_TIME_RE = re.compile(rf"\s*{_CLOCK_TIME}\b")
# ("4.20pm": an entry's time may carry its half of the day)
_ENTRY_LINE_RE = re.compile(
    rf"^[ \t]*{_CLOCK_TIME}(?:\s*[ap]\.?m\b\.?)?(?!\w)", re.MULTILINE | re.IGNORECASE
)
_LIVE_PAGE_ENTRIES = 3


def is_live_page(text: str) -> bool:
    """Whether the text is a live page: three or more entries, each opened by its time."""
    return len(_ENTRY_LINE_RE.findall(text)) >= _LIVE_PAGE_ENTRIES


# "Tuesday's rally", "yesterday's march": one gathering the story told of before ("the
# march" alone may be any of the story's marches).
_GATHERING_NOUNS = r"(?:rally|march|protest|demonstration|sit-in|vigil|strike|blockade)"
_THAT_GATHERING_RE = re.compile(
    r"\b(?:[Yy]esterday|[A-Z][a-z]+day)['’]s\s+(?:[\w-]+\s+)?"
    rf"(?P<noun>{_GATHERING_NOUNS})\b(?!\s+(?:in|at|of)\b)"
)
# A gathering of that kind named in a sentence with places: where it was. Lower case, as
# the day's phrase is ("on March 3" names a month, not a march).
GATHERING_RE = re.compile(rf"\b{_GATHERING_NOUNS}\b")


def _that_gathering(cue: SceneCue) -> tuple[PlaceMention, ...] | None:
    """A gathering the story told of before, referred to again by its day ("Tuesday's
    rally", "yesterday's march"), is where the story placed it, whatever town the sentence
    before named.

    Example: "He addressed a huge rally in Ahmedabad. ... 35 were arrested in Surat.
    Organisers said half a million people attended Tuesday's rally." (Ahmedabad)
    """
    match = _THAT_GATHERING_RE.search(cue.text)
    if match is None:
        return None
    return cue.gatherings.get(match.group("noun"))


def _named_site(cue: SceneCue) -> tuple[PlaceMention, ...] | None:
    """A site the story placed before (a mill, a street, a square: too small for the
    gazetteer) is where the story placed it, whatever town the sentence before named.

    Example: "The strike spread to the Thamaing spinning mill in Rangoon. ... Troops
    surrounded the Thamaing mill and opened fire." (Rangoon)
    """
    return site_named(cue.text, cue.sites)


_ANAPHOR_RE = Caseless(
    # ("Mon Balaj, 30, died at the scene": where the events just told happened)
    r"\b(?:the\s+(?:city|town|village)(?!\s+of\b)|(?:in|at|from|near)\s+there|at\s+the\s+scene|"
    # "in this copper-mining town", "this port city of 260,000"
    r"this\s+(?:[\w-]+\s+){0,2}?(?:city|town|village))\b"
)


def _anaphor(cue: SceneCue) -> tuple[PlaceMention, ...] | None:
    """A word that refers back to one city: "the city" or "there" to the last one the
    scene named in the same passage; "the capital", where geomap knows no capital for the
    story's country (see `implied_places`), to the scene's largest city. Where the scene
    was set in an earlier section, or broken, "the city" is the city the article is about:
    its dateline's or infobox's, else the one it names most.

    Example: "A police station in the city was set on fire."
    """
    scene = cue.scene
    cities = (
        []
        if scene is None or is_list(scene.places)
        else [m for m in scene.places if m.place.kind is Kind.CITY]
    )
    if cities and CAPITAL_RE.search(cue.text) is not None:
        return (max(cities, key=lambda m: m.place.population),)
    if _ANAPHOR_RE.search(cue.text) is None:
        return None
    if scene is not None and not is_list(scene.places) and not cities:
        # ("the town's market" after "the town of Ben Guerdane", which GeoNames files only
        # as the district of that name)
        cities = [m for m in scene.places if m.place.kind is Kind.ADMIN2]
    if scene is not None and cities and _same_passage(cue, scene):
        return (cities[-1],)
    if scene is not None and not cities:
        return None  # a scene of regions or a list: no one city to refer to
    # "The rally" section's "a rally in the city" refers to the city the page is about,
    # not to the town a background paragraph last named.
    return cue.home or cue.lead_city or None


def _same_passage(cue: SceneCue, scene: Scene) -> bool:
    """Whether the scene was last named in the sentence's own paragraph or in the sentence
    right before it (a heading between ends the scene before this is asked)."""
    here = cue.spans[cue.index].paragraph
    return here == cue.spans[scene.last].paragraph or scene.last == cue.index - 1


_LANDMARK_RE = re.compile(
    r"\b(?:Plaza|Pra[çc]a|Piazza|Place|Platz|Avenida|Maidan|Prospekt)\s+(?:(?:de|del|de\s+la|"
    r"da|do|di|della|du|des|of)\s+)?[A-Z\u00c0-\u00de]"
    r"|\b[A-Z\u00c0-\u00de][\w'-]+\s+(?:Square|Roundabout|Avenue|Boulevard|Plaza)\b"
)


def _landmark(cue: SceneCue) -> tuple[PlaceMention, ...] | None:
    """A square or avenue the gazetteer does not know lies in the article's main city: the
    one it names most often, then the largest (coders place "Plaza de Mayo" in Buenos
    Aires, "Taksim Square" in Istanbul). Only where no scene continues.

    Example: "Thousands converged on Plaza de Mayo." in a story naming Buenos Aires.
    """
    return cue.main_city if _LANDMARK_RE.search(cue.text) else None


def _counts_the_gathering(cue: SceneCue) -> tuple[PlaceMention, ...] | None:
    """A crowd figure in a sentence that names no place counts the gathering the story
    told of last, wherever the story placed it. Asked last: the sentence just before, a
    square of the main city or the dateline's city are nearer to hand.

    Example: "Thousands rallied in Podgorica. ... (a paragraph on the law) ... The
    organisers said more than 10,000 people were present." (Podgorica)
    """
    if not cue.last_gathering or EventType.CROWD not in cue.event_types():
        return None
    return cue.last_gathering


def _home_city(cue: SceneCue) -> tuple[PlaceMention, ...] | None:
    """The article's home: the city of its dateline, or the one city of its infobox.

    Example: "NAIROBI, June 25 – ... Police fired tear gas at the crowd." (Nairobi)
    """
    return cue.home or None


# An anaphor first: "in the capital" picks one city where the scene has two.
SCENE_RULES: tuple[SceneRule, ...] = (
    SceneRule("that_gathering", _that_gathering),
    SceneRule("anaphor", _anaphor),
    SceneRule("named_site", _named_site),
    SceneRule("continues_scene", _continues_scene),
    SceneRule("landmark", _landmark),
    SceneRule("home_city", _home_city),
    SceneRule("counts_the_gathering", _counts_the_gathering),
)


def _only_broad(places: Sequence[PlaceMention]) -> bool:
    return all(m.place.kind in (Kind.COUNTRY, Kind.ADMIN1, Kind.REGION) for m in places)


# "in the village of Daih": a place the gazetteer does not know is still another place.
_UNKNOWN_PLACE_RE = re.compile(
    r"\b(?i:in|at|near|outside|from)\s+the\s+(?:village|town|hamlet|city|district|suburb|"
    r"neighbou?rhood|province|region)\s+of\s+(\w)"
)


def _names_unknown_place(sentence: str) -> bool:
    return any(m.group(1).isupper() for m in _UNKNOWN_PLACE_RE.finditer(sentence))


# "The worst violence was in Jisr al-Shughur, a farming town near the border": a name the
# recogniser did not resolve, put as a place and glossed as a town, is another town all the
# same. (Unglossed unknown names are mostly a city's own districts and sites, "in Anna
# Nagar", "at Jantar Mantar", which go on with the scene's city.)
_TOWN_WORDS = r"(?:town|village|city|hamlet|settlement|oasis|township|municipality)"
_GLOSSED_AS_A_TOWN_RE = re.compile(
    # ("Jisr al-Shughur": the unresolved name may run on in lower-case particles)
    r"(?:\s+[a-z][\w'’]*(?:-[\w'’]+)*){0,2}?,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?"
    + _TOWN_WORDS
    + r"\b(?!['’])",
    re.IGNORECASE,
)


# "the agitation that began in February at Kumarareddiyapuram, a village next to the
# smelter": a town in a relative clause tells of a noun's past, not where the story is.
_RELATIVE_CLAUSE_RE = re.compile(r"\b(?:that|which|who|whose|where)\b", re.IGNORECASE)


# "in the working-class town of Islamshahr": a town named as one, whatever the recogniser
# made of its name
_TOWN_OF_RE = re.compile(
    r"\bthe\s+(?:[\w'’-]+\s+){0,2}?"
    + _TOWN_WORDS
    + r"\s+of\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)


# "the riot in Weng'an county": a county or prefecture named by its own name, which the
# gazetteer does not know, is a place of its own, not the dateline's city
_COUNTY_WORDS = r"(?:county|prefecture)"
_COUNTY_AFTER_RE = re.compile(rf"\s+{_COUNTY_WORDS}\b", re.IGNORECASE)
_TOWN_WORD_RE = Caseless(rf"\b(?:{_TOWN_WORDS}|{_COUNTY_WORDS})\b")


def may_name_a_town(sentence: str) -> bool:
    """A cheap test before unknown_towns: without one of its words, no town is named."""
    return _TOWN_WORD_RE.search(sentence) is not None


def unknown_towns(sentence: str, names: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Where the sentence names a town in its main clause: an unresolved name put as a
    place (start, end, name in `sentence`) and glossed as a town or followed by "county",
    or any name after "the town of". The caller keeps those the recogniser resolved to nothing."""
    glossed = [
        (start, end)
        for start, end, _ in names
        if _GLOSSED_AS_A_TOWN_RE.match(sentence, end) or _COUNTY_AFTER_RE.match(sentence, end)
    ]
    titled = [m.span("name") for m in _TOWN_OF_RE.finditer(sentence)]
    return [
        (start, end)
        for start, end in glossed + titled
        if not _RELATIVE_CLAUSE_RE.search(sentence, 0, start)
    ]


# "President Ruto said the storming of parliament was treasonous"; "Human Rights Watch
# called the crackdown a serious escalation": a judgement of events already told, which
# names no new one (and so takes no place from the scene).
_SPEECH_VERB_RE = re.compile(
    r"\b(?:said|says|called|calls|described|condemned|denounced|accused|blamed|praised|"
    r"defended|insisted|warned|urged)\b"
)
_TOLD_EVENT_RE = re.compile(
    r"\bthe\s+(?:storming|crackdown|protests?|violence|unrest|killings?|clashes|raids?|"
    r"demonstrations?|riots?|attacks?|arrests?|occupation|break-in|march|rall(?:y|ies)|"
    r"shootings?|massacre|beatings?)\b"
)


# A toll or arrests in the sentence make it a report, not a judgement: "Police said four
# officers were killed in the protests."
_OUTCOME_RE = Caseless(r"\b(?:killed|died|dead|injured|wounded|hurt|arrested|detained|\d+)\b")


def _judges_what_was_told(sentence: str) -> bool:
    speech = _SPEECH_VERB_RE.search(sentence)
    told = _TOLD_EVENT_RE.search(sentence)
    if speech is None or told is None or told.start() < speech.start():
        return False
    return _OUTCOME_RE.search(sentence) is None


# "Police detained more than 600 people across the valley", "Islandwide, more than 150
# people have been arrested": a figure for the whole country or region, not for the scene.
_WIDER_THAN_A_SCENE_RE = re.compile(
    r"\b(?:arrested|detained|held|rounded\s+up|jailed|killed|died|injured|wounded|hurt)\s+"
    r"(?:[\w'’-]+\s+){0,5}?(?:across|throughout|all\s+over)\s+the\s+(?:country|nation|valley|"
    r"region|island|province|state|republic)\b"
    r"|^(?:[A-Z][A-Z .'-]{1,30}:\s+)?(?:Nationwide|Islandwide|Countrywide|Statewide),"
)


def scene_places(cue: SceneCue, names_a_city: bool) -> tuple[tuple[PlaceMention, ...], str]:
    """The places of a sentence that names none, and the rule that gave them.

    When the article names a city, a country is never carried: the events of a story about
    a city belong to the city, or nowhere. A sentence that names a place the gazetteer does
    not know ("police fired on a march in the village of Daih") takes none: its events
    happened there, not in the scene before it.
    """
    if (
        _names_unknown_place(cue.text)
        or _judges_what_was_told(cue.text)
        or _WIDER_THAN_A_SCENE_RE.search(cue.text)
    ):
        return (), ""
    for rule in SCENE_RULES:
        places = rule.places(cue)
        if not places or (names_a_city and _only_broad(places)):
            continue
        return places, rule.name
    return (), ""


# --------------------------------------------------------------------------- clauses

_EACH_PLACE_RE = re.compile(r"\b(?:each|every)\s+(?:city|town|village|place|one|of\s+them)\b")
_CLAUSE_BREAK_RE = re.compile(
    # ("killed in Muzaffarnagar, a police spokesman said, adding that 450 had been detained
    # in Meerut": what is added is a clause of its own)
    r";|,\s+(?:and|but|while|whereas|as|where|adding(?:\s+that)?)\s+|\s+(?:while|whereas)\s+|"
    r",\s+(?=[a-z]+\s+"
    r"(?:also\s+)?(?:rallied|marched|protested|gathered|clashed|stormed|seized|occupied)\b)"
    # "Students occupied university buildings in Wrocław and held rallies in Poznań"
    r"|\s+and\s+(?=(?:also\s+)?(?:held|staged)\s+(?:[\w-]+\s+)?(?:rall(?:y|ies)|protests?|"
    r"demonstrations?|marches|sit-ins?|vigils?)\b)"
)


@lru_cache(maxsize=4)  # asked again for every name and trigger of the sentence
def _clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    bounds = []
    start = 0
    for match in _CLAUSE_BREAK_RE.finditer(sentence):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(sentence)))
    return tuple(bounds)


@lru_cache(maxsize=4)
def _clause_starts(sentence: str) -> list[int]:
    return [start for start, _ in _clauses(sentence)]


def bind_clauses(
    sentence: str,
    offset: int,
    triggers: Sequence[Trigger],
    places: Sequence[PlaceMention],
) -> list[tuple[Trigger, tuple[PlaceMention, ...]]]:
    """Each trigger with the places it happened at.

    When two or more clauses each hold both event words and a place of their own, each
    trigger goes to the places of its clause; a clause with no place takes the places of
    the one before it (a "where" clause, the last of them). Otherwise every trigger goes to
    every place. `offset` is the sentence's start.

    Example: "protesters seized the governor's office in Jalalabad, and hundreds rallied
    in Osh": the seizure in Jalalabad, the rally in Osh.
    """
    clauses = _clauses(sentence)
    if len(clauses) < 2 or not places:
        return [(t, tuple(places)) for t in triggers]

    ends = [end for _, end in clauses]

    def clause_of(position: int) -> int:
        # The first clause that ends after the position, else the last.
        return min(bisect_right(ends, position), len(clauses) - 1)

    own: dict[int, list[PlaceMention]] = {}
    for m in places:
        own.setdefault(clause_of(m.start - offset), []).append(m)
    kept = {clause_of(t.start) for t in triggers}
    worded = kept | _clauses_with_event_words(sentence, clauses, own, kept)
    for index in sorted(own):
        # "In Mombasa, thousands marched": a fronted place belongs to the clause it opens,
        # past a gloss of it ("In Ganja, the country's second city, police broke up")
        opened = _opened_clause(index, len(clauses), worded, own)
        if opened is not None:
            own[opened] = own.pop(index)

    def where_place(index: int) -> tuple[PlaceMention, ...] | None:
        # "rallies in Taipei and in Vancouver, where about 300 gathered": Vancouver; "in
        # Lviv, Odesa and Dnipro, where several hundred gathered in each city": all three
        if index in own or index == 0 or index - 1 not in own:
            return None
        if not _WHERE_CLAUSE_RE.match(sentence, ends[index - 1]):
            return None
        start, end = clauses[index]
        return (
            tuple(own[index - 1])
            if _EACH_PLACE_RE.search(sentence, start, end)
            else (own[index - 1][-1],)
        )

    # Two clauses with event words and places of their own; else a list ("in Kano, Abuja,
    # and at the High Commission in London") would be cut at its ", and".
    if len(worded & set(own)) < 2:
        spread = _spread_clauses(sentence, offset, clauses, own)
        apart = _told_apart(sentence, clauses, own, worded)
        near = [
            (
                t,
                where_place(clause_of(t.start))
                or _not_told_apart(
                    _not_spread_to(places, own, spread, clause_of(t.start)),
                    own,
                    apart - {clause_of(t.start)},
                ),
            )
            for t in triggers
        ]
        # the clause the unrest spread to reports its own events there
        return near + _spare_triggers(sentence, clauses, own, near) if spread else near
    bound = []
    for trigger in triggers:
        if trigger.event_type is EventType.CROWD and len(parse_crowds(sentence)) > 1:
            # "About 50,000 marched in Cluj-Napoca, while in Timișoara 40,000 rallied":
            # each figure finds its own place (geomap.extract._crowd_place)
            bound.append((trigger, tuple(places)))
            continue
        index = clause_of(trigger.start)
        in_where = where_place(index)
        while index > 0 and index not in own:
            index -= 1
        bound.append((trigger, in_where or tuple(own.get(index, places))))
    return bound + _spare_triggers(sentence, clauses, own, bound)


# "Six killed as police move against sit-in; protests spread to Lahore, Karachi": the
# unrest reached the places after "spread to", where the other clause's deaths were not.
_SPREAD_TO_RE = re.compile(
    r"\b(?:spread|spreads|spreading|extended|reached)\s+(?:[\w'’-]+\s+){0,3}?(?:to|into)\b"
)


def _spread_clauses(
    sentence: str,
    offset: int,
    clauses: Sequence[tuple[int, int]],
    own: dict[int, list[PlaceMention]],
) -> set[int]:
    """The clauses whose places the unrest is said to have spread to."""
    return {
        index
        for index, mentions in own.items()
        if _SPREAD_TO_RE.search(sentence, clauses[index][0], mentions[0].start - offset)
    }


def _not_spread_to(
    places: Sequence[PlaceMention], own: dict[int, list[PlaceMention]], spread: set[int], index: int
) -> tuple[PlaceMention, ...]:
    """The places a trigger of clause `index` may stand at: not those a later clause says
    the unrest spread to (a clause after it, "where students occupied the faculty", is
    told of them)."""
    reached = {m for i in spread if i > index for m in own[i]}
    return tuple(m for m in places if m not in reached)


# A clause with a subject and a verb of its own: "..., and he was buried in his home
# village of Cargèse" is a new statement, no item of a list of places.
_OWN_SUBJECT_RE = re.compile(
    r"(?:he|she|they|it|(?:his|her|their|its)\s+[\w'’-]+)\s+(?:was|were|is|are|had|has|have)\b"
)


def _told_apart(
    sentence: str,
    clauses: Sequence[tuple[int, int]],
    own: dict[int, list[PlaceMention]],
    worded: set[int],
) -> set[int]:
    """The clauses with places of their own, no event words and a subject of their own:
    what they tell happened elsewhere than the events of the other clauses."""
    return {
        index
        for index in own
        if index > 0 and index not in worded and _OWN_SUBJECT_RE.match(sentence, clauses[index][0])
    }


def _not_told_apart(
    places: tuple[PlaceMention, ...], own: dict[int, list[PlaceMention]], apart: set[int]
) -> tuple[PlaceMention, ...]:
    # ("thousands attended a vigil in Ajaccio, and he was buried in Cargèse": the vigil is
    # Ajaccio's only; a trigger with no other place keeps them all)
    elsewhere = {m for i in apart for m in own[i]}
    return tuple(m for m in places if m not in elsewhere) or places


def _clauses_with_event_words(
    sentence: str,
    clauses: Sequence[tuple[int, int]],
    own: dict[int, list[PlaceMention]],
    kept: set[int],
) -> set[int]:
    """Clauses holding a place, or following one closely, whose own event words the
    sentence's one trigger of each type passed over."""
    near = {i for p in own for i in range(p, p + 2 + _MAX_GLOSS_CLAUSES)} - kept
    return {i for i in near if i < len(clauses) and _clause_triggers(sentence, *clauses[i])}


@lru_cache(maxsize=16)  # a clause is asked whether it has event words, then for them
def _clause_triggers(sentence: str, start: int, end: int) -> tuple[Trigger, ...]:
    return classify(sentence[start:end])


def _spare_triggers(
    sentence: str,
    clauses: Sequence[tuple[int, int]],
    own: dict[int, list[PlaceMention]],
    bound: Sequence[tuple[Trigger, tuple[PlaceMention, ...]]],
) -> list[tuple[Trigger, tuple[PlaceMention, ...]]]:
    """A clause's own events at its own places, where the sentence's one trigger of each
    type stood elsewhere (crowds excepted: each figure finds its place).

    Example: "police broke up a march in Ganja, while in Sumqayit protesters blocked the
    highway": the sentence's protest is the march; Sumqayit's blockade is its own."""
    placed = {(t.event_type, m.start) for t, targets in bound for m in targets}
    out = []
    for index in sorted(own):
        start, end = clauses[index]
        for trigger in _clause_triggers(sentence, start, end):
            new = [m for m in own[index] if (trigger.event_type, m.start) not in placed]
            if trigger.event_type is not EventType.CROWD and new:
                moved = replace(trigger, start=trigger.start + start, end=trigger.end + start)
                out.append((moved, tuple(new)))
    return out


_WHERE_CLAUSE_RE = re.compile(r",?\s*where\b")
_MAX_GLOSS_CLAUSES = 2


def _opened_clause(
    index: int, count: int, with_triggers: set[int], own: dict[int, list[PlaceMention]]
) -> int | None:
    """The clause a fronted place opens: the next with event words, past at most two
    clauses with neither event words nor places of their own."""
    if index in with_triggers:
        return None
    for later in range(index + 1, min(count, index + 2 + _MAX_GLOSS_CLAUSES)):
        if later in own:
            return None
        if later in with_triggers:
            return later
    return None
