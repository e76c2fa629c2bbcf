"""Words that make a sentence report a protest event, and cues that it is history or hypothesis.

Who acts decides between a seizure and a clash: protesters who storm, occupy or retake a
building make a `seizure`; security forces who storm or retake it make a `clash` (a raid).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from geomap.caseless import Caseless, WordLed, guarded
from geomap.dates import parse_article_date
from geomap.figures import MAY_HAVE_NUMBER_RE, parse_crowd
from geomap.lazy import cached_property
from geomap.model import EventType

__all__ = [
    "Trigger",
    "UnrealisedCues",
    "caption_trigger",
    "classify",
    "historical_cue",
    "is_historical",
    "may_be_unrealised",
    "reports_an_event",
    "unrealised_cue",
]


@dataclass(frozen=True)
class Trigger:
    """The words that give one event type, with offsets within the sentence."""

    event_type: EventType
    start: int
    end: int
    text: str
    confidence: float


_HIGH = 0.9
_MEDIUM = 0.7
_LOW = 0.5


class _Folded:
    """A regex run on the lower-cased sentence: `re` is several times faster without
    IGNORECASE. Offsets carry over because lower() kept the length; when it does not
    (a few non-ASCII letters), the case-insensitive twin runs on the original.

    `word_led` gives the lead and the words of branches that may start at any word (see
    geomap.caseless.WordLed); the others are guarded by their first characters.
    """

    def __init__(self, pattern: str, word_led: tuple[str, tuple[str, ...]] | None = None) -> None:
        self.folded: re.Pattern[str] | WordLed = (
            guarded(pattern) if word_led is None else WordLed(pattern, *word_led)
        )
        self.ignorecase = re.compile(pattern, re.IGNORECASE)

    def finditer(self, sentence: str, lowered: str) -> Iterator[re.Match[str]]:
        if len(lowered) == len(sentence):
            return self.folded.finditer(lowered)
        return self.ignorecase.finditer(sentence)


def _tiers(word_led: tuple[str, tuple[str, ...]] | None = None, **tiers: str) -> _Folded:
    """One regex per event type; the named group that matched gives the confidence.

    Each tier matches at a word boundary, written once before them all: `re` then tests the
    boundary once at each position, not once for each tier (it factors a boundary shared
    by alternatives out of them, but not out of their groups).
    """
    tiered = "|".join(f"(?P<{name}>{body})" for name, body in tiers.items())
    return _Folded(rf"\b(?:{tiered})", word_led)


_TIER_CONFIDENCE = {"high": _HIGH, "medium": _MEDIUM, "low": _LOW}

# The shops of a strike kept or not: "shops and markets stayed shut", "stores were closed".
_SHOPS = r"(?:shops|stores|markets|bazaars?|businesses)"
# Shops closed or shuttered for a holiday, a weekend or the night keep no strike.
_NOT_FOR_A_HOLIDAY = (
    r"(?!\s+for\s+(?:the\s+)?(?:[\w-]+\s+)?(?:holidays?|festival|weekend|sabbath|eid|"
    r"christmas|easter|new\s+year|night|day))"
)
_PROTEST_RE = _tiers(
    # (only "crowds of protesters" may start at any word, the one before "crowd")
    word_led=(r"(?:\w+\s+)?", ("crowd",)),
    # ("resigned in protest" is a resignation: see _RESIGNED_BEFORE_RE)
    high=r"(?:protest(?:s|ed|ing)?|rall(?:y|ies|ied|ying)|demonstrat(?:ion|ions|ed|ing|e|es)|"
    r"(?<![\d] )(?<![\d])(?<!in )(?<!of )(?<!since )(?<!until )(?<!early )(?<!late )"
    # (the month is only ever "march": "reports of marches in Recife" are marches)
    r"(?<!mid-)march(?!\s+\d)|march(?:es|ed|ing)|marchers|sit-ins?|hunger\s+strikes?|"
    # "began a sit-down strike": workers holding their workplace in protest
    r"sit-?down\s+strikes?|"
    # a strike is a protest (the coding rules), told as it happens: "The strike spread to
    # Sabadell", "postal workers walked out", "miners downed tools" (a strike named as a
    # topic, "the strike committee met", places nothing)
    r"walk(?:ed|s|ing)\s+out\b(?!\s+of\s+(?:the\s+)?(?:talks|meeting|negotiations|session|"
    r"hearing|parliament|chamber))|downed\s+tools|down\s+tools|stopped\s+work|"
    # "Waterside workers walked off the job in Fremantle"
    r"walk(?:ed|s|ing)\s+off\s+(?:the|their)\s+jobs?\b|"
    r"(?:began|staged|held|launched|started|joined|observed|enforced)\s+(?:a|an|the|their|its)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:strike|stoppage|walkout|hartal|bandh|stayaway|stay-away)|"
    r"(?:strike|stoppage|walkout|hartal|bandh|stayaway|stay-away)s?\s+(?:(?:also|then|quickly|soon|later)\s+)?(?:spread|"
    r"began|started|paralys|paralyz|shut|closed|crippled|halted|brought)|"
    r"(?:general|national|nationwide|political|commercial)\s+strikes?|on\s+strike|"
    r"picket(?:s|ed|ing)?|self-immolat\w*|"
    # "held roadside meetings in Manikganj", "a mass meeting at the Maidan": a rally (a
    # cabinet's meeting is none, and "a public meeting" is as often a minister's)
    r"(?:mass|roadside|street-corner|open-air|protest)\s+meetings?|"
    r"set\s+(?:himself|herself|themselves)\s+(?:on\s+fire|alight|ablaze)|"
    r"blockades?|blockaded|took\s+to\s+the\s+streets|walk-?outs?|"
    # the pot-banging protest of Latin America and Spain
    r"cacerolazos?|pot-banging)\b",
    medium=r"(?:(?:roads?|streets?|highways?|motorways?|bridges?)\s+(?:were|was|had\s+been|"
    r"have\s+been)\s+(?:also\s+)?blocked|"
    # ("blocked access to the ferry terminal", "blocked one of the main avenues")
    r"block(?:ed|ing)\s+(?:access\s+to\s+)?(?:the\s+|a\s+|one\s+of\s+the\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:roads?|highways?|streets?|avenues?|boulevards?|junctions?|crossings?|terminals?|gates?|"
    r"runways?|bridges?|railways?|(?:rail(?:way)?\s+)?tracks|rail\s+lines?|border|entrances?|"
    r"traffic|motorways?|airports?|ports?|interchanges?|intersections?|flyovers?|expressways?|"
    r"harbou?rs?)|"
    # "students sat in at lunch counters", "sat down in the road"
    r"sat\s+in\s+(?:at|outside)\b|sat\s+down\s+(?:in|on|across)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:roads?|streets?|road|tracks|avenues?|squares?|highways?)|"
    # "Demonstrators also cut railway lines and roads in Girona"
    r"(?:cut|severed)\s+(?:off\s+)?(?:the\s+)?(?:main\s+)?(?:railway\s+lines?|rail\s+lines?|"
    r"roads?|highways?|motorways?)|"
    # "students boycotted classes": a student strike
    r"boycott(?:s|ed|ing)?\s+(?:of\s+)?(?:their\s+)?(?:classes|lectures|schools?)|"
    r"class\s+boycotts?|"
    # "Lawyers in Kumba also stayed away from the courts": a stayaway strike
    r"stayed\s+away\s+from\s+(?:work|(?:the\s+)?courts|classes|lectures|schools?|(?:their\s+)?"
    r"(?:jobs|offices|factories|shops))|"
    # "The agitation spread to Gaya": a movement of protest, in South Asian usage, told as
    # it happens ("a history of caste agitation", "spoke of communist agitation" is none)
    r"agitation\s+(?:also\s+|then\s+|soon\s+|quickly\s+)?(?:spread|began|started|"
    r"continued|intensified)|"
    # "There were also processions in Rajshahi", "a silent procession through the town": a
    # march in South Asian, African and older usage (a funeral's, a festival's or a faith's
    # procession is none, and "Procession Road" is a street)
    r"(?<!funeral\s)(?<!festival\s)(?<!religious\s)(?<!ashura\s)(?<!muharram\s)"
    r"(?<!victory\s)(?<!prayer\s)(?<!wedding\s)(?<!carnival\s)(?<!day\s)(?<!easter\s)"
    r"(?<!royal\s)(?<!holy\s)(?<!shia\s)(?<!church\s)processions?(?!\s+(?:road|street)\b)|"
    # "villagers felled trees across the main road", "youths barricaded roads", "activists
    # chained themselves to the rails": a blockade
    r"fell(?:ed|ing)\s+trees\s+(?:across|on|over)|"
    r"barricad(?:ed|ing)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+)?(?:roads?|streets?|highways?|"
    r"avenues?|bridges?|junctions?)|chain(?:ed|ing)\s+themselves\s+to|"
    # "squatted on the railway line at Okara": a sit-down blockade
    r"squat(?:ted|ting|s)?\s+on\s+(?:the\s+)?(?:[\w'’–-]+\s+){0,3}?(?:tracks|railways?|"
    r"rail\s+lines?|railway\s+lines?|roads?|highways?)|"
    # ("had earlier gathered along the route", and a caption's "Exiles gather outside the
    # consulate"; "called on them to gather" is still to come)
    r"(?:gathered|gathers|(?<!to\s)gather)(?=\s+(?:again\s+|once\s+more\s+|once\s+again\s+|"
    r"(?:on\s+)?the\s+same\s+day\s+|that\s+day\s+|overnight\s+|yesterday\s+|today\s+|"
    r"earlier\s+|later\s+|also\s+|first\s+|briefly\s+)?(?:in|at|outside|on|near|around|"
    r"before|in\s+front|to|for|peacefully|along|across|opposite|inside))|"
    r"vigils?|strikers|(?:(?:\w+\s+)?crowds?\s+of\s+(?:protesters|protestors|demonstrators))|"
    # "held solidarity gatherings outside embassies" (a family gathering is none);
    # "Smaller gatherings took place in Rundu": likened to the protest the story told of
    r"(?:solidarity|protest|mass|public|anti-[\w-]+|smaller|similar|larger|bigger)\s+"
    r"gatherings?|"
    # "youths put up barricades", "set up roadblocks of burning tyres", "courted arrest"
    r"(?:put\s+up|set\s+up|erected|built|manned)\s+(?:[\w-]+\s+)?roadblocks|"
    r"put\s+up\s+(?:[\w-]+\s+)?barricades|court(?:ed|ing)\s+arrest|"
    r"chant(?:ed|ing)\s+(?:anti-[\w-]+\s+)?slogans|(?:built|erected|set\s+up|manned)\s+barricades|(?<!police\s)barricades\s+of|(?:filled|poured\s+into|packed)\s+the\s+"
    r"(?:streets|squares?|avenues?)|"
    r"(?:protesters|protestors|demonstrators|marchers)\s+(?:[\w'’-]+\s+){0,2}?"
    r"converg(?:ed|ing|e)\s+(?:on|at|in|outside)|"
    # "Roadblocks were also put up in Spanish Town and May Pen"
    r"(?:roadblocks|barricades)\s+(?:were|had\s+been|have\s+been)\s+(?:also\s+)?(?:put\s+up|"
    r"set\s+up|erected|thrown\s+up|mounted)|barricades\s+went\s+up|"
    # "The strike was partly observed in Holguín", "shops closed in answer to the strike
    # call", "shops and markets have stayed shut for a second day": a strike kept there
    r"(?:strike|stoppage|hartal|bandh|shutdown|stayaway|stay-away)\s+(?:call\s+)?(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:(?:also|again|still|\w+ly)\s+){0,2}(?:observed|heeded|followed)|"
    r"in\s+(?:answer|response)\s+to\s+the\s+(?:[\w-]+\s+)?(?:strike|shutdown|hartal)\s+call|"
    + _SHOPS
    + r"\s+(?:[\w'’-]+\s+){0,4}?(?:have\s+|had\s+)?"
    r"(?:stayed|remained)\s+(?:shut|closed)|"
    # "Stores were also closed in Kumasi", "youths burnt tyres on a main road"
     + _SHOPS + r"\s+(?:were|was)\s+(?:also\s+|largely\s+|"
    r"mostly\s+)?(?:closed|shut)" + _NOT_FOR_A_HOLIDAY + "|"
    r"burn(?:ed|t|ing)\s+(?:[\w-]+\s+)?(?:tyres|tires)|"
    # "Shutters down on the main street of Akbou", "traders pulled down their shutters",
    # "shops closed in solidarity": a shopkeepers' strike kept there
    r"(?:pulled|brought|kept|rolled)\s+down\s+(?:their\s+|the\s+)?shutters|"
    r"down(?:ed|ing)\s+(?:their\s+)?shutters|"
    r"(?:shutters\s+(?:were\s+|stayed\s+|remained\s+)?down|"
    + _SHOPS
    + r"\s+(?:were\s+|was\s+|stayed\s+|remained\s+)?shuttered)"
    + _NOT_FOR_A_HOLIDAY
    + r"|"
    + _SHOPS
    + r"\s+(?:also\s+)?"
    r"(?:closed|shut)\s+(?:down\s+)?in\s+(?:solidarity|protest|support))\b",
    low=r"(?:unrest|uprising|upheavals?)\b",
)
# What is seized when nothing is taken but goods: "seized weapons stored in the mosque",
# "seized the company's lorries", "rifles had been seized" (a haul, no building taken)
_GOODS = (
    r"weapons|arms|guns|rifles|ammunition|explosives|devices|drugs|documents|passports|phones|"
    r"cameras|equipment|goods|property|assets|cash|money|vehicles|cars|trucks|lorr(?:y|ies)|"
    r"buses|firearms|grenades|bombs|dynamite|cargo|shipments?|livestock|cattle|grain|stocks"
)
_SEIZURE_RE = _tiers(
    # "seized power in a coup" is no building taken
    # "seized weapons stored in the mosque" is a haul and "seized him" an arrest, not a
    # place taken
    # ("died of a seizure" is an illness: the noun counts only as "the seizure of")
    # ("they were seized while travelling in a convoy": people taken, no place)
    high=r"(?:storm(?:ed|ing|s)?|occup(?:y|ied|ying|ies)|(?:(?<!they\swere\s)(?<!who\swere\s)"
    r"(?<!he\swas\s)(?<!she\swas\s)(?<!who\swas\s)seiz(?:e|ed|ing|es)|seizure(?=\s+of\b))"
    r"(?!\s+power\b)"
    r"(?!\s+(?:him|her|them)\b)(?!\s+(?:[\w'’-]+\s+){0,2}?(?:" + _GOODS + r")\b)|"
    # "the occupation of the ministry", not "Soviet occupation"
    r"occupation\s+of\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:building|offices?|"
    r"headquarters|ministry|parliament|palace|square|station|airport|compound|premises)|"
    r"(?:took|take|taken|taking|takes|seized|gained|gain)\s+control\s+of|"
    r"(?:took|take|taken|taking|takes)\s+over(?!\s+(?:the\s+)?(?:powers?|role|duties|functions|"
    r"leadership|presidency|command|running|work|jobs|operations|business|"
    # ("took over the government" is power; "took over government offices" a building)
    r"government(?!\s+(?:offices?|buildings?|headquarters|house|compound))|"
    # "contractors took over much of the remaining work"
    r"contracts|(?:much|most|some|part)\s+of)\b)"
    # ("The security role was taken over by the military": a task handed on)
    r"(?<!role\swas\staken\sover)(?<!duties\swere\staken\sover)(?<!task\swas\staken\sover)"
    r"(?<!control\swas\staken\sover)|"
    # "students held the city's radio station for a second day", "who had held the campus
    # since March": a building kept for a time is occupied
    r"(?:held|holding)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:radio\s+station|campus|"
    r"university|faculty|building|offices?|headquarters|town\s+hall|city\s+hall|factory|"
    r"plant|mine)(?:\s+(?:in|at|of)\s+[^,.;]{1,30}?)?\s+(?:for|since|until)\b|"
    r"re-?(?:took|take|taken|taking|captured?|capturing)|retak(?:e|en|ing)|"
    r"captur(?:ed|ing|e)|broke\s+into|break(?:s|ing)?\s+into|overr(?:an|un)|"
    # "walked into the Congress building", "barricaded themselves inside the Law School"
    r"(?:walked|marched|burst)\s+into\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:building|"
    r"parliament|congress|palace|ministry|offices?|headquarters|legislature|assembly)|"
    r"barricaded\s+themselves\s+(?:inside|in)|broke\s+down\s+the\s+(?:doors?|gates?)|"
    # ("The crowd appears to have forced its way in")
    r"(?:forced|smashed|fought|pushed|broke)\s+(?:their|its)\s+way\s+in(?:to)?)\b",
    low=r"(?:rushed|swarmed|stormed)\s+(?:into\s+)?(?:the|a)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:building|offices?|compound|headquarters|parliament|palace|square|station|premises)\b",
    # Attacking or ransacking a seat of power is taking it, when protesters do it.
    medium=r"(?:attack(?:ed|ing)?|ransack(?:ed|ing)?|invad(?:ed|ing)|broke\s+into|"
    r"entered)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:parliament|palace|residence|"
    r"airport|legislature|congress|senate|ministry|city\s+hall|town\s+hall|prison|jail|"
    r"police\s+stations?|offices?|headquarters|house|home|consulate|embassy|courthouse|"
    r"(?:presidential|government|administration|parliament)\s+(?:building|office|offices|"
    r"headquarters|compound))\b",
)
_CLASH_RE = _tiers(
    high=r"(?:clash(?:es|ed|ing)?|fighting|fought|scuffl(?:es|ed|e)|skirmish(?:es)?|"
    r"beat(?:en|ings?)?|beat\s+(?:\w+\s+)?up|clubbed|batons?|gunfire|gunshots|"
    r"opened\s+fire|fired\s+(?:on|at|into|upon|shots|their\s+(?:guns|weapons)|weapons|warning|"
    r"tear|rubber|live|in\s+the\s+air|in\s+the\s+air)|firing\s+(?:on|at|into|shots|tear|rubber|"
    r"live|in\s+the\s+air)|shot\s+(?:dead|at|and)|(?:was|were)\s+shot|shooting|shots\s+fired|"
    # (but "blocked the highway with stones and tree trunks" built a barricade)
    r"(?:stones|rocks)(?!\s+and\s+(?:tree|logs|branches|boulders|burning|tyres|tires)\b)|molotov|petrol\s+bombs?|tear\s*gas|water\s+cannons?|rubber\s+bullets|"
    r"attack(?:ed|ing)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:protesters|protestors|"
    r"demonstrators|supporters|marchers|crowds?|police|officers|activists|students)|"
    r"stun\s+grenades|threw|throwing|hurled|hurling|pelted|set\s+fire|"
    # (but "set himself on fire" is a self-immolation, a protest)
    r"set\s+(?!(?:himself|herself|themselves)\b)(?:[\w'’-]+\s+){0,4}?(?:on\s+fire|alight|ablaze)|"
    r"burnt?\s+down|burned\s+down|"
    r"torched|arson|forcibly\s+(?:evicted|removed|dispersed|cleared)|evicted|dispersed|"
    # "cars were burned each night in the suburbs of Lyon"
    r"(?:cars|vehicles|buses|shops|buildings|houses|homes|tyres|tires)\s+(?:were|was|had\s+been)"
    r"\s+(?:burned|burnt|torched)|"
    # "a state of siege" is a decree, and "riot police watched" a kind of police, not a riot
    # (but a march that "broke up without incident" or "after two hours" ended of itself)
    r"broke\s+up(?!\s+(?:peacefully|quietly|calmly|without|after|around|before|shortly|soon|"
    r"early|late|later|when|as|of\s+its\s+own|on\s+(?:its|their)\s+own)\b)(?!\s*[,.;:]|\s*$)|"
    r"(?<!prosecutors\s)(?<!investigators\s)raids?|(?<!prosecutors\s)(?<!investigators\s)raided|besieg(?:ed|ing)|(?<!of\s)siege|charged\s+(?:at|into)|crackdown|"
    r"cracked\s+down|loot(?:ed|ing)|vandali[sz](?:ed|ing)|"
    # "smashed shop windows", "broke store windows"
    r"(?:broke|smashed|shattered)\s+(?:the\s+)?(?:[\w'’-]+\s+)?windows|"
    # "crowds stoned police stations", "buses were stoned", "was stoned to death"
    r"ston(?:ed|ing)|"
    r"(?:running|pitched|street)\s+(?:battles?|fights?|fighting)|"
    r"battles?\s+with\s+(?:the\s+)?(?:[\w-]+\s+)?(?:police|troops|soldiers|gendarmes)|"
    r"tangled\s+with|set\s+upon|scuffling|broken\s+up|pepper\s+spray|"
    r"fired\s+to\s+disperse|came\s+under\s+attack|"
    # "two Ahmadis were killed by a mob", "attacked by a local mob"
    r"by\s+(?:a|the)\s+(?:[\w-]+\s+)?mobs?|"
    # "mobs burned ration shops and buses" (but "blocked roads with burning tyres" is a
    # blockade)
    r"(?:burned|burnt|torching)\s+(?:[\w'’-]+\s+){0,3}?(?:cars|vehicles|buses|shops|"
    r"churches|mosques|houses|homes|supermarkets?|stores|trucks|lorries|buildings?|"
    r"offices?|halls?|stations?)|"
    # "riot police cleared the square", "broke it up with truncheons", "pushed them back",
    # "advanced on the crowd", "fireworks were thrown at them", "a man shot by a police
    # patrol", "struck by a stone", "kicked by a riot officer", "supermarkets were sacked"
    r"cleared\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:square|road|roadblocks?|blockades?|"
    r"barricades?|camp|encampment|streets?|bridge|highway|occupiers)|"
    r"broke\s+(?:it|them)\s+up|pushed\s+(?:them|the\s+(?:crowds?|protesters|demonstrators|"
    r"marchers))\s+back|advanced\s+on\s+(?:the\s+)?(?:crowds?|protesters|demonstrators|"
    r"marchers)|thrown\s+at|shot\s+by\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?(?:police|soldiers?|"
    r"troops|gendarmes?|officers?|security)|struck\s+by\s+(?:a\s+)?(?:stones?|rocks?|bricks?|"
    r"bottles?|projectiles?|bullets?)|kick(?:ed|ing)|punch(?:ed|ing)|(?:were|was)\s+sacked|"
    # "mounted carabinieri charged a banned rally" (not "charged them with rioting")
    r"charged\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?(?:crowds?|rall(?:y|ies)|march(?:es)?|"
    r"pickets?|protesters|demonstrators|strikers|marchers|students|them)"
    r"(?!\s+with\s+(?:[\w-]+\s+){0,3}?(?:offen[cs]es?|crimes?|murder|treason|sedition|"
    r"rioting|incitement|inciting|terrorism|assault|vandalism|obstruction|disturbing|breach|"
    r"illegal|unlawful|public))|"
    # "when a crowd attacked a checkpoint", "gangs attacked Hausa residents"
    r"attack(?:ed|ing)\s+(?:a\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:checkpoints?|patrols?|"
    r"convoys?|soldiers|troops|residents|shops|vehicles|cars|buses|homes|houses|Christians|"
    r"Muslims)|"
    r"(?<!anti-)riot(?:s|ing|ed)?(?!\s+(?:police|policemen|officers?|gear|"
    r"squads?|shields?|troops|units?|control|helmets?|vans?|trucks?)\b)|rioters|brutally|"
    r"violently)\b",
    low=r"(?:violence|violent|armed\s+with|sticks|fires\s+burning)\b",
)
_CASUALTIES_RE = _tiers(
    # "his chosen successor died suddenly in July": a death of illness is no casualty
    # (a "dead city" day is a general strike, not a toll)
    # ("died of lung cancer", "died of heart failure": any qualifier of the illness)
    high=r"(?:killed|killing|kill|dead(?!\s+(?:city|town)\b)|died(?!\s+(?:suddenly|peacefully|of\s+(?:natural\s+"
    r"causes|old\s+age|covid|(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:heart\s+attack|stroke|cancer|"
    r"illness|disease|pneumonia|tuberculosis|hunger|starvation|malnutrition))|after\s+a\s+"
    # ("five men were sentenced to death": a court's sentence, no casualty)
    r"(?:long\s+|short\s+)?illness))|(?<!sentenced\sto\s)(?<!condemned\sto\s)deaths?|"
    r"death\s+toll|injured|injuring|wounded|"
    r"wounding|casualties|fatalities|beaten\s+to\s+death|hospitali[sz]ed|"
    r"taken\s+to\s+(?:[\w'’-]+\s+){0,3}?hospitals?|injuries|lost\s+their\s+lives|bodies|"
    r"slain|perished|"
    # "Sixteen people were treated in hospital", "The Red Cross said it had treated 22
    # people", "a boy lost an eye", "was crushed by a lorry"
    r"(?:were|was|been|had|have|has|it|they)\s+treated\b|treated\s+(?:\d[\d,]*|some|about|"
    r"more\s+than|at\s+least|dozens|scores|several)\b|treated\s+for\s+(?:[\w-]+\s+)?(?:wounds|"
    r"injuries|cuts|burns|bruises)|lost\s+(?:an|one|his|her)\s+eye|lost\s+the\s+sight|"
    r"fractured|critical\s+condition|crushed\s+(?:by|under)|suffocated|fatally\s+struck|"
    r"sought\s+medical)\b",
    medium=r"(?:hurt|toll|(?:was|were|been)\s+shot(?!\s+(?:at|down|dead)\b))\b",
)
_ARREST_RE = _tiers(
    # "detained by prosecutors", "arrested in Aalborg on a South Korean warrant": a
    # judicial arrest of one person, not an arrest at a protest
    high=r"(?:(?:arrest(?:ed|s|ing)?|detain(?:ed|ing|s|ees?)?)(?![^.;]{0,60}?\b(?:by\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?prosecutors|on\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?warrant|"
    # "arrested six men in connection with the assault": a criminal case
    r"in\s+connection\s+with\s+the\s+(?:[\w-]+\s+)?(?:assault|attack|murder|killing|rape|"
    r"robbery|case|crime)|"
    # "a colonel was arrested in July 2021 for his alleged responsibility for the massacre"
    r"for\s+(?:his|her)\s+(?:alleged\s+)?(?:role|responsibility|involvement)\b))|"
    r"detentions?|"
    # (a convoy "held up" or "held back" for a week was delayed, not detained)
    r"(?:being|been)\s+held(?!\s+(?:hostage|captive|up|back|by\s+(?:jihadists|militants|kidnappers|"
    r"rebels|gunmen|insurgents|abductors|captors)))|held\s+(?:in\s+custody|in\s+detention|incommunicado|without\s+charge|"
    r"by\s+(?:the\s+)?police)|taken\s+into\s+(?:police\s+)?custody|jailed|rounded\s+up|apprehended|"
    # "dozens of students were taken away in trucks", "loaded into a police truck"
    r"(?<!bodies\s)(?<!body\s)(?:were|was)\s+(?:[\w'’-]+\s+)?(?:taken|led|dragged|driven)\s+away|"
    r"(?:taking|leading|dragging)\s+(?:[\w'’-]+\s+){1,3}?away|"
    r"loaded\s+into\s+(?:a\s+|the\s+)?(?:police\s+)?(?:trucks?|vans?|buses)|"
    r"gave\s+(?:themselves|himself|herself)\s+up|"
    # "three youths were held for questioning", "30 people were picked up by police",
    # "confined the opposition leader to his home"
    r"held\s+for\s+questioning|picked\s+up\s+by\s+(?:the\s+)?(?:[\w-]+\s+)?(?:police|"
    r"security\s+forces|soldiers|troops|gendarmes)|confined\s+(?:[\w'’.-]+\s+){0,5}?to\s+"
    r"(?:his|her|their)\s+(?:homes?|houses?|residences?)|"
    r"imprisoned)\b",
    medium=r"(?:(?:were|was|been|being)\s+(?:\w+\s+)?(?:released|freed|set\s+free)|"
    r"(?:freed|released|freeing|releasing)\s+(?:[\w'’-]+\s+){0,4}?(?:detainees|prisoners|"
    r"protesters|protestors|demonstrators|activists|them|him|her)"
    # "broke into the stores and freed prisoners from the town jail": a crowd's jailbreak
    r"(?!\s+from\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:jails?|prisons?|lock-?ups?|cells|"
    r"police\s+stations?))|"
    r"release\s+of\s+(?:[\w'’-]+\s+){0,3}?(?:detainees|prisoners|protesters|protestors|"
    r"demonstrators|activists|those))\b",
)

_SECURITY_AGENT = (
    r"police(?:men|man)?|security\s+(?:forces|troops|services)|troops|soldiers|army|military|"
    r"special\s+forces|officers|guards|militia|gendarmes|national\s+guard|omon|commandos|"
    r"forces|authorities|riot\s+police"
)
_PROTESTER_AGENT = (
    r"protesters?|protestors?|demonstrators?|opposition|activists?|supporters|crowds?|"
    r"rioters|people|residents|youths|mob|students|villagers|workers|strikers|"
    r"opponents|groups"
)
# "police station", "army barracks": the security word names a place, not the actor.
# The object of "clashed with police" or "fought against troops" is not who acts next.
_AGENT_RE = Caseless(
    r"(?<!with )(?<!with the )(?<!with riot )(?<!against )(?<!against the )"
    rf"\b(?:(?P<security>{_SECURITY_AGENT})|(?P<protester>{_PROTESTER_AGENT}))\b"
    r"(?!['’]s\b|\s+(?:stations?|headquarters|compound|building|post|cars?|vans?|vehicles?|"
    r"offices?|cordons?|lines|chief|spokes(?:man|woman|person)|barracks|base|barricades?|"
    r"barriers?|checkpoints?))"
)
_PASSIVE_AGENT_RE = re.compile(
    rf"\s*(?:[\w'’-]+\s+){{0,4}}?by\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?"
    rf"(?:(?P<security>{_SECURITY_AGENT})|(?P<protester>{_PROTESTER_AGENT}))\b",
    re.IGNORECASE,
)
_NEGATION_BEFORE_RE = Caseless(
    r"\b(?:not|never|no|nobody|no\s+one|without|n't|refused\s+to|failed\s+to)\s+"
    r"(?:[\w'’-]+\s+){0,2}"
    # a list the negation runs through: "no reports of clashes or arrests"
    r"(?:[\w'’-]+(?:\s*,\s*[\w'’-]+){0,3}\s+(?:or|nor)\s+)?$"
    # "nobody I spoke to saw any arrests", "police did not report any injuries"
    r"|\b(?:nobody|no\s+one|not|never|n't)\b[^.;,]{0,30}?\bany\s+$"
)


class _Agents:
    """The actors a sentence names, found in one pass: each verb then looks up its nearest
    actor instead of rescanning the sentence from its start, which made a sentence with
    many verbs cost the square of its length."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence

    @cached_property
    def _found(self) -> tuple[list[int], list[bool]]:
        # Scanning the whole sentence finds the same actors before a verb as scanning up to
        # it: a verb starts a word, and no actor phrase, nor a word that makes it a place
        # ("police station"), runs into a seizure or blockade verb.
        ends: list[int] = []
        security: list[bool] = []
        for match in _AGENT_RE.finditer(self.sentence):
            ends.append(match.end())
            security.append(match.group("security") is not None)
        return ends, security

    def is_security(self, start: int, end: int) -> bool | None:
        """Whether security forces perform the verb at sentence[start:end]; None when unknown."""
        passive = _PASSIVE_AGENT_RE.match(self.sentence, end, min(len(self.sentence), end + 60))
        if passive is not None:
            return passive.group("security") is not None
        ends, security = self._found
        nearest = bisect_right(ends, start)  # actors that end before the verb starts
        return security[nearest - 1] if nearest else None


def _best(
    pattern: _Folded, sentence: str, lowered: str, negatable: bool, run: bool = True
) -> list[tuple[re.Match[str], float]]:
    found: list[tuple[re.Match[str], float]] = []
    if not run:
        return found
    for match in pattern.finditer(sentence, lowered):
        if negatable and _NEGATION_BEFORE_RE.search(
            sentence, max(0, match.start() - 40), match.start()
        ):
            continue
        found.append((match, _TIER_CONFIDENCE[match.lastgroup or "low"]))
    return found


def _trigger(
    event_type: EventType, sentence: str, match: re.Match[str], confidence: float
) -> Trigger:
    start, end = match.span()
    return Trigger(event_type, start, end, sentence[start:end], confidence)


def _strongest(candidates: list[Trigger]) -> Trigger | None:
    best = None
    for candidate in candidates:
        if best is None or candidate.confidence > best.confidence:
            best = candidate
    return best


# Cheap literal pre-checks on the lower-cased sentence: a type's full regex runs only when
# one of its stems occurs. Each stem is matched inside one whitespace-free chunk, so a stem
# is one word or a part of one. A branch of plain literals lets `re` skip ahead by first letter.
_STEMS = {
    "protest": re.compile(
        r"protest|rall|demonstrat|march|sit-in|strike|picket|blockade|streets|walk|block|"
        r"gather|vigil|crowd|unrest|uprising|upheaval|chant|filled|poured|packed|barricade|squat|cut|sever|boycott|"
        r"stay|agitation|tyres|tires|"
        r"immolat|himself|herself|themselves|roadblock|courted|courting|tools|stopped|stoppage|"
        r"hartal|bandh|sat|cacerolazo|pot-banging|shut|closed|observed|heeded|followed|went|meeting|"
        r"procession|felled|felling|barricad|chain"
    ),
    "seizure": re.compile(
        r"storm|occup|seiz|control|took|take|captur|broke|overr|forced|rushed|swarmed|way|"
        r"attack|ransack|invad|entered|break|into|barricaded|held|holding"
    ),
    "clash": re.compile(
        r"clash|fight|fought|scuffl|skirmish|beat|club|baton|gun|fire|firing|shot|shoot|"
        r"stone|rock|molotov|petrol|tear|cannon|rubber|stun|threw|throw|hurl|pelt|set|burn|"
        r"torch|arson|evict|dispers|broke|raid|besieg|siege|charged|crack|riot|brutal|attack|"
        r"violen|armed|sticks|loot|vandal|smashed|shattered|ston|battle|tangled|upon|broken|"
        r"pepper|mob|burnt|cleared|pushed|advanced|thrown|struck|kick|punch|sacked"
    ),
    "casualties": re.compile(
        r"kill|dead|died|death|injur|wound|casualt|fatalit|hospital|lost|bodies|slain|"
        r"perish|hurt|toll|shot|treated|fractur|critical|crushed|suffocat|struck|medical"
    ),
    "arrest": re.compile(
        r"arrest|detain|detention|held|custody|jail|rounded|apprehend|imprison|releas|fre|"
        r"away|loaded|gave|picked|confined"
    ),
}
_NUMBER = "number"


@lru_cache(maxsize=1 << 16)
def _stems_in(chunk: str) -> frozenset[str]:
    """The event types (and _NUMBER) whose stems occur in one whitespace-free chunk."""
    found = {name for name, stems in _STEMS.items() if stems.search(chunk)}
    if MAY_HAVE_NUMBER_RE.search(chunk):
        found.add(_NUMBER)
    return frozenset(found)


def _stems_present(lowered: str) -> frozenset[str]:
    # No stem contains whitespace, so a stem occurs in the sentence exactly when it occurs
    # in one of its whitespace-separated chunks; chunks repeat across a corpus, so the
    # per-chunk answer is cached and most sentences cost a split and a few dict lookups.
    return frozenset().union(*map(_stems_in, set(lowered.split())))


# Occupying a road, square or park is a protest or a blockade, not a seizure; so is a
# movement named "Occupy X".
_PUBLIC_SPACE_AFTER_RE = re.compile(
    r"\s+(?:(?:the|a|an|several|two|three|main|central|key|major|busy)\s+|[\w'’-]+\s+){0,3}?"
    r"(?:roads?|streets?|squares?|highways?|motorways?|bridges?|intersections?|junctions?|"
    r"crossroads|avenues?|boulevards?|parks?|plazas?|railways?|rail\s+lines?|tracks|"
    r"roundabouts?|runways?|ports?|border\s+crossings?)\b",
    re.IGNORECASE,
)


def _occupies_public_space(sentence: str, match: re.Match[str]) -> bool:
    word = sentence[match.start() : match.end()]
    if not word.lower().startswith("occup"):
        return False
    if word == "Occupy" and sentence[match.end() : match.end() + 2].strip()[:1].isupper():
        return True  # "Occupy Wall Street", "Occupy Nigeria": a protest movement
    return bool(_PUBLIC_SPACE_AFTER_RE.match(sentence, match.end()))


_CAUSE_TYPES = frozenset({EventType.CASUALTIES, EventType.ARREST, EventType.CLASH})
# The death, arrest or violence a protest is about, not one it reports.
_CAUSE_RE = Caseless(
    r"\b(?:(?:sparked|triggered|prompted|provoked|caused|fuell?ed|angered|outraged|"
    r"motivated|set\s+off)\s+by|follow(?:ing|ed|s)|after|since|until|over|against|amid|about|in\s+protest\s+(?:at|"
    r"against|over)|in\s+response\s+to|in\s+reaction\s+to|in\s+the\s+wake\s+of|due\s+to|"
    r"because\s+of|(?:investigation|inquiry|enquiry|inquest|probe)\s+into|"
    # "held on charges of inciting violence": what detainees are accused of
    r"(?:on\s+)?charges?\s+of|charged\s+with|accused\s+of|convicted\s+of|"
    r"(?:demand(?:ing|ed|s)?|call(?:ing|ed|s)?\s+for|"
    r"seeking)(?:\s+justice\s+for)?)"
    r"\s+(?:(?:the|a|an|his|her|their|its|this|that|[\w'’-]+['’]s)\s+)?(?:[\w'’-]+\s+){0,6}?"
    r"(?:(?:death|deaths|killing|killings|murder|murders|shooting|assassination|arrest|arrests|"
    r"detention|jailing|imprisonment|release|rape|beating)\s+(?:of|in)\b[^,;]{0,60}|"
    # ("protested outside the commission over the arrests": the arrests are the grievance)
    r"violence\b|(?:deaths?|death\s+toll|killings|arrests|detentions)\b|"
    # "rallied against the crackdown on the union": the crackdown is what is protested
    r"(?:crackdowns?|repression|brutality|massacres?)\b|"
    # "sparked by a video, widely shared, showing two policemen beating a soldier": what
    # the video shows set the protest off
    r"(?:video|footage|images|recording)\b[^;]{0,160})"
    # "News of the detentions spread on social media": what set the next gathering off
    r"|\bnews\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:deaths?|killings?|"
    r"shootings?|arrests?|detentions?|murders?)\b"
)
# "the canopy collapse that killed 15 sparked protests": what comes before is the cause.
_SPARKED_RE = Caseless(
    r"\b(?:sparked|sparking|triggered|triggering|prompted|prompting|provoked|set\s+off|"
    r"setting\s+off|ignited|igniting|fuell?ed)\s+(?:the\s+|a\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:protests?|demonstrations?|riots?|unrest|rallies|clashes|outrage|"
    r"anger|uprising|revolution)"
)


def _cause_spans(sentence: str) -> list[tuple[int, int]]:
    """Offsets of the words that give a protest's cause ("over the killing of a student")."""
    spans = [
        _with_relative_clause(sentence, match.span()) for match in _CAUSE_RE.finditer(sentence)
    ]
    sparked = _SPARKED_RE.search(sentence)
    if sparked is not None:
        spans.append((0, sparked.start()))
    began = _BEGAN_AFTER_RE.search(sentence)
    if began is not None:
        spans.append((began.end(), len(sentence)))
    spans.extend(match.span() for match in _PURPOSE_RE.finditer(sentence))
    return spans


# "followed the murder of an editor, who was shot near his home": the relative clause tells
# of the victim, as the cause does
# ("the murder of Nasib Metni, editor of a daily, who was shot": past the victim's gloss)
_VICTIM_CLAUSE_RE = re.compile(r"(?:,\s+[^,;]{1,60})?,\s+(?:who|whom|whose)\b[^,;]*")


def _with_relative_clause(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """A cause's span, with the relative clause that follows it about the victim."""
    relative = _VICTIM_CLAUSE_RE.match(sentence, span[1])
    return (span[0], relative.end()) if relative else span


# "gathered at his homestead to prevent his arrest": what they came to prevent
_PURPOSE_RE = Caseless(
    r"\bto\s+(?:prevent|stop|block|avoid|resist|thwart)\s+(?:his|her|their|the|an?|any)\s+"
    r"(?:arrest|detention|eviction|extradition|killing)\b"
    # "marched in Taiz to mourn the dead": the dead fell elsewhere
    r"|\bto\s+(?:mourn|bury|honou?r|commemorate|remember)\s+(?:the\s+)?(?:[\w'’-]+\s+)?"
    r"(?:dead|victims|martyrs|those\s+killed)\b"
    # "held a candle-lighting protest on Friday night to condemn the shooting": what the
    # protest answered, not what happened at it
    r"|\bto\s+(?:condemn|denounce|protest(?:\s+against)?|decry)\s+(?:the\s+)?(?:[\w'’-]+\s+)?"
    r"(?:shooting|killings?|murders?|massacre|arrests?|detentions?|beatings?|deaths?)\b"
    # "ceremonies for the Tabriz dead led to riots in Yazd": mourning earlier deaths
    r"|\b(?:ceremon(?:y|ies)|funerals?|memorials?|mourning|commemorations?|vigils?)\s+"
    # ("a funeral procession for the dead")
    r"(?:(?:procession|march|service|prayers?|rites)\s+)?"
    r"(?:for|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:dead|victims|martyrs)\b"
    # "when Chinese honour the dead": the dead of other times
    r"|\b(?:mourn|honou?r|remember|commemorate)(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w'’-]+\s+)?"
    r"(?:dead|victims|martyrs)\b"
    # "marched in Bouaké in memory of those killed in Abobo": deaths told of, not reported
    r"|\bin\s+(?:memory|honou?r|remembrance)\s+of\s+(?:the\s+|those\s+|all\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:dead|victims|martyrs|killed|who\s+(?:died|were\s+killed))\b"
    r"[^,;]{0,60}"
    # "marched in Milan in solidarity with those injured in Rome": the hurt the march is for
    # (but "in solidarity with the women and detained three people" detained them there)
    r"|\bin\s+solidarity\s+with\s+(?:the\s+|those\s+|all\s+)?(?:(?!and\b)[\w'’-]+\s+){0,2}?"
    r"(?:dead|victims|killed|injured|wounded|hurt|arrested|detained|jailed|imprisoned|"
    r"who\s+(?:died|were\s+(?:killed|injured|wounded|hurt|arrested|detained)))\b"
    r"[^,;]{0,60}?(?=\s+and\s|[,;.]|$)"
    # "a young man whose death in 2018 was never solved", "Zhou Enlai, who had died in
    # January": a person's death told of in passing
    r"|\bwhose\s+(?:death|killing|murder)\b[^,;]{0,80}|\bwho\s+had\s+(?:died|been\s+killed)\b"
    # "in support of the committee, whose members had been arrested": told as background
    r"|\bwhose\s+(?:[\w'’-]+\s+){1,3}?(?:had|have)\s+been\s+(?:[\w'’-]+\s+)?(?:arrested|"
    r"detained|jailed|imprisoned|killed|shot)\b"
)


# "The protests began after a canopy collapsed, killing 15": what follows is the cause.
_BEGAN_AFTER_RE = Caseless(
    # "The protest movement, known as Hirak, began in October after a fishmonger was crushed"
    r"\b(?:protests?|demonstrations?|unrest|rallies|anger|outrage|movement|uprising|revolt|"
    r"riots?|campaign|violence|rioting)(?:,[^,.;]{1,40},)?\s+(?:first\s+)?(?:began|"
    r"erupted|broke\s+out|started|flared)\s+(?:[\w'’-]+\s+){0,3}?(?:after|when|following)\b"
)


# "touring the country to promote the march": the march is still to come (the touring and
# any arrest on the way are not)
_TO_COME_RE = Caseless(
    r"\bto\s+(?:promote|publici[sz]e|advertise|prepare\s+for|organi[sz]e|mobili[sz]e\s+for)\s+"
    r"(?:the|a|an|their|its|next|this)\s+(?:[\w'’-]+\s+)?(?:march|rally|protest|demonstration|"
    r"strike|sit-in)\b"
)


class _Causes:
    """The cause phrases of a sentence, and the protests it speaks of as still to come,
    each found once and only when a trigger of their type asks."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        return _cause_spans(self.sentence)

    @cached_property
    def to_come(self) -> list[tuple[int, int]]:
        return [match.span() for match in _TO_COME_RE.finditer(self.sentence)]

    def still_to_come(self, trigger: Trigger) -> bool:
        """A protest the sentence speaks of as coming: "to promote the march"."""
        if trigger.event_type is not EventType.PROTEST:
            return False
        return any(s <= trigger.start < e for s, e in self.to_come)

    def cover(self, trigger: Trigger) -> bool:
        if trigger.event_type not in _CAUSE_TYPES:
            return False
        return any(s <= trigger.start < e for s, e in self.spans)


_PASSIVE_JUST_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", re.I)


# What follows "dispersed" used without an object: a manner, a time, a way or the end of
# the clause ("dispersed peacefully by midday", "dispersed into side streets").
_NO_OBJECT_AFTER_RE = re.compile(
    r"\s*(?:[,.;:)]|$|\w+ly\b|(?:by|after|before|at|in|into|on|when|as|without|once|around|"
    r"within|shortly|soon|later)\b)"
)


# "a meeting, which the police dispersed without violence", "police dispersed the crowd
# peacefully": a dispersal with no force is no clash, whoever did it
_PEACEFULLY_AFTER_RE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,5}?(?:peacefully|without\s+(?:violence|incident|force|injur\w+))\b",
    re.IGNORECASE,
)


def _dispersed_without_force(r: _Reading) -> bool:
    """A crowd that dispersed went home, and one dispersed with no force met none:
    "Crowds gathered at Holetown but dispersed without violence", "drivers blocked roads
    but dispersed peacefully by midday", "a meeting, which the police dispersed without
    violence" (but "police dispersed the crowd" and "the crowd was dispersed" are clashes).
    Whoever the subject, a "dispersed" with no object and no security force behind it is
    the crowd's own going."""
    start, end = r.match.span()
    if not r.lowered.startswith("dispers", start):
        return False
    if _PEACEFULLY_AFTER_RE.match(r.sentence, end):
        return True
    if _PASSIVE_JUST_BEFORE_RE.search(r.sentence, max(0, start - 20), start):
        return False
    security = r.agents.is_security(start, end)
    if security is None:
        return _NO_OBJECT_AFTER_RE.match(r.sentence, end) is not None
    return security is False


def _not_a_protest(sentence: str, match: re.Match[str], agents: _Agents) -> bool:
    # soldiers setting up blockades are not protesting
    if "block" in match.group(0).lower() and agents.is_security(match.start(), match.end()):
        return True
    # "protested to the British chargé d'affaires": a government's formal complaint
    if _FORMAL_PROTEST_RE.match(sentence, match.start()):
        return True
    # "the Dutch Foreign Ministry protested and said": a government's note, not a street
    # protest
    if match.group(0).lower().startswith("protest") and _OFFICIAL_BODY_BEFORE_RE.search(
        sentence, max(0, match.start() - 40), match.start()
    ):
        return True
    # "resigned in protest", "the finance minister resigned in New Delhi in protest": a
    # resignation
    if _RESIGNED_BEFORE_RE.search(sentence, max(0, match.start() - 50), match.start()):
        return True
    # "sent a telegram of protest to President Sarney": a written complaint, not a crowd
    if _WRITTEN_PROTEST_BEFORE_RE.search(sentence, max(0, match.start() - 30), match.start()):
        return True
    # "the anthem of the 8888 Uprising": a past upheaval named as a proper noun (but a
    # headline in title case, "Workers' Uprising Grips Gdansk", tells of one)
    # (the match may be on the lower-cased sentence: its case is read off the sentence)
    if (
        match.start() > 0
        and _NAMED_UPHEAVAL_RE.fullmatch(sentence, match.start(), match.end())
        and not _TITLE_CASE_AFTER_RE.match(sentence, match.end())
    ):
        return True
    if _the_month(sentence, match):
        return True
    # "respects the right to peaceful protest": a right, not a protest
    return bool(_RIGHT_TO_BEFORE_RE.search(sentence, max(0, match.start() - 30), match.start()))


# "which received Israel's claim last March", "between February and March": the month,
# written with its capital after a word in lower case. A march so written is a named one
# ("the March on Washington", "the March against Fear").
_LOWER_WORD_BEFORE_RE = re.compile(r"\b[a-z][a-z'’-]*\s+$")
_NAMED_MARCH_AFTER_RE = re.compile(r"\s+(?:on|against|for|of|to|through|from)\s+[A-Z]")


def _the_month(sentence: str, match: re.Match[str]) -> bool:
    start, end = match.span()
    return (
        sentence[start:end] == "March"
        and _LOWER_WORD_BEFORE_RE.search(sentence, max(0, start - 20), start) is not None
        and not _NAMED_MARCH_AFTER_RE.match(sentence, end)
    )


# (Case sensitive: "the uprising spread to Mandalay" tells of it as it happens.)
_NAMED_UPHEAVAL_RE = re.compile(r"Uprising|Unrest|Upheavals?")
_TITLE_CASE_AFTER_RE = re.compile(r"\s+[A-Z]")


_WRITTEN_PROTEST_BEFORE_RE = Caseless(
    r"\b(?:letters?|telegrams?|cables?|messages?|notes?|statements?|declarations?|"
    r"resolutions?|petitions?)\s+of\s+$"
    # "The Soviet ambassador lodged a protest in Warsaw": a protest lodged is a note
    r"|\b(?:lodged|lodges|lodging|filed|files|filing)\s+(?:a\s+|an\s+)?(?:formal\s+|"
    r"strong\s+|official\s+|diplomatic\s+|written\s+)?$"
)
_RESIGNED_BEFORE_RE = Caseless(
    r"\b(?:resign(?:ed|s|ing)?|quit|stepped\s+down)\b[^.;,]{0,40}\bin\s+$"
)


_OFFICIAL_BODY_BEFORE_RE = re.compile(
    r"\b(?:ministry|government|embassy|ambassador|foreign\s+office|state\s+department|"
    r"consulate|envoy|chancellery|legation)\s+(?:(?:has|had|also|formally|strongly|"
    r"officially)\s+){0,2}$",
    re.IGNORECASE,
)


_FORMAL_PROTEST_RE = re.compile(
    r"(?i:protest(?:ed|s|ing)?\s+to|(?:lodged|filed|delivered|sent)\s+(?:a\s+)?(?:formal\s+|"
    r"strong\s+|diplomatic\s+)?protests?\s+(?:with|to))\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?"
    r"(?i:ambassador|embassy|chargé|charge|envoy|government|ministry|consul\w*|authorities|"
    r"United\s+Nations|UN|Security\s+Council)\b"
)


# "rallies in support of him had been held in Gyumri", "where the trial was being held":
# an event held somewhere, not a person held in custody
_EVENT_HELD_RE = re.compile(
    r"\b(?:rall(?:y|ies)|protests?|demonstrations?|march(?:es)?|meetings?|vigils?|"
    r"elections?|talks|ceremon(?:y|ies)|funerals?|referend(?:um|a)|conferences?|summits?|"
    r"gatherings?|sit-ins?|strikes?|services|prayers|events?|concerts?|hearings?|trials?|"
    r"sessions?|congress(?:es)?|celebrations?|festivals?|commemorations?)\b[^.;,\d]{0,60}?"
    r"\b(?:has|have|had|is|are|was|were)\s+(?:also\s+|already\s+)?(?:being|been)\s+held$"
)


def _an_event_held(lowered: str, match: re.Match[str]) -> bool:
    if not match.group(0).endswith("held"):
        return False
    return bool(_EVENT_HELD_RE.search(lowered, max(0, match.start() - 100), match.end()))


# "The flood, unleashed when the dams burst, has killed at least 3,800 people": a natural
# hazard's toll is no protest casualty. A fight or the security forces named after the
# hazard make the deaths the protest's again ("after the earthquake, police shot two").
_HAZARD_TOLL_RE = re.compile(
    r"\b(?:floods?|floodwaters|earthquakes?|quakes?|storms?|cyclones?|hurricanes?|typhoons?|"
    r"tsunamis?|landslides?|mudslides?|avalanches?|eruptions?|droughts?|famines?|epidemics?|"
    r"pandemics?|heatwaves?|diseases?|"
    # a bombing by militants is no protest's toll
    r"(?:suicide|car|roadside)\s+bomb(?:s|ings?|ers?)?)\b"
    r"(?:(?!protest|police|troops|soldiers|security|forces|clash|riot|gunmen|shot|shoot|"
    r"fired|demonstrat|crowd|violen|attack|fight|fought|stone|beat|loot|burn|turned)[^.;])*$"
)
# "in the occupied West Bank", "the occupied territories": land held by an army, a
# standing description, not a building taken that day
_OCCUPIED_LAND_RE = re.compile(
    r"occupied\s+(?:[A-Z][\w'’-]*|territor(?:y|ies)|lands?|zones?|areas?|regions?|parts?)\b"
)
_DRUMS_RE = re.compile(
    r"beat(?:ing|s)?\s+(?:[\w-]+\s+)?(?:drums?|pots|pans|saucepans|tambourines)\b"
)
_PEOPLE_SEIZED_RE = re.compile(r"\bwho\s+(?:were|was)\s+(?:\w+\s+)?seized$")
# "firearms and explosive devices had been seized": a haul told in the passive
_GOODS_SEIZED_RE = re.compile(
    r"\b(?:" + _GOODS + r")\s+(?:(?:had|have|has|were|was|been|being|also|later)\s+){1,3}$"
)
_LINE_OVERRUN_RE = re.compile(
    r"(?:overr(?:an|un)|broke\s+through|stormed)\s+(?:a|the)\s+(?:police\s+)?(?:lines?|cordons?|"
    r"barricades?)\b"
)
# "Storm Daniel burst the dams": a weather system's name, not a storming
_STORM_NAME_RE = re.compile(r"Storm\s+[A-Z][a-z]")
_WITHOUT_BEFORE_RE = Caseless(r"\bwithout\s+(?:[\w-]+\s+){0,2}$")
_RIGHT_TO_BEFORE_RE = re.compile(r"\brights?\s+(?:to|of)\s+(?:peaceful(?:ly)?\s+)?$", re.I)
# "crowds attacked the police station": a fight with the police (ACLED's violent
# demonstration), not a building taken; breaking into it or occupying it is.
_ATTACK_ON_POLICE_RE = re.compile(
    r"(?:attack|ransack)\w*\s+(?:[\w'’-]+\s+){0,3}?police\s+stations?\b", re.IGNORECASE
)


def _taking(
    sentence: str, match: re.Match[str], confidence: float, agents: _Agents
) -> Trigger | None:
    """Who storms or occupies what: protesters taking a building make a seizure, security
    forces a clash; occupying a road or square is a protest, and troops doing it nothing."""
    security = agents.is_security(match.start(), match.end())
    if _occupies_public_space(sentence, match):
        return None if security else _trigger(EventType.PROTEST, sentence, match, confidence)
    if security or _ATTACK_ON_POLICE_RE.match(match.group(0)):
        return _trigger(EventType.CLASH, sentence, match, confidence)
    # Without a named actor, a building "occupied" or "stormed" in protest news is usually
    # held by protesters.
    tier = confidence if security is False else _MEDIUM
    return _trigger(EventType.SEIZURE, sentence, match, tier)


class _Reading(NamedTuple):
    """One match of a type's pattern, with what its reader may weigh.

    A NamedTuple, not a frozen dataclass (as places.Token): one is made for every match of
    every type's pattern, and a frozen dataclass's __init__ costs a call per field.
    """

    sentence: str
    lowered: str
    match: re.Match[str]
    confidence: float
    agents: _Agents

    def trigger(self, event_type: EventType) -> Trigger:
        return _trigger(event_type, self.sentence, self.match, self.confidence)


def _read_protest(r: _Reading) -> Trigger | None:
    if _not_a_protest(r.sentence, r.match, r.agents):
        return None
    return r.trigger(EventType.PROTEST)


# "after it took over the country", "captured the Panjshir Valley": land taken by an army
# or an armed movement, not a building taken by protesters ("took over the city hall" is).
_LAND_TAKEN_RE = re.compile(
    r"(?:took|take|taken|taking|takes|re-?took|retak\w*)\s+over|captur\w*|seiz\w*|overr(?:an|un)",
)
_LAND_AFTER_RE = re.compile(
    r"\s+(?:the\s+|a\s+)?(?:whole\s+|entire\s+|rest\s+of\s+the\s+)?(?:[\w'’-]+\s+)?"
    r"(?:country|city|town|village|province|region|territory|valley|district|capital|island)"
    # the noun ends its phrase: "the district administration" is a building
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|and|after|before|from|by|with|for|of|as|when|"
    r"last|this|three|two|\d)\b)"
)


# "Major General Azam Khan took control of Lahore under martial law": a town taken by an
# army, named without an article ("took control of the parliament" is a building)
_CONTROL_OF_A_TOWN_RE = re.compile(
    r"(?i:took|take|taken|taking|seized|seize|seizing|assumed|gained)\s+(?i:full\s+)?"
    r"(?i:control)\s+of\s+(?!(?:Parliament|Congress|Government|State|City|Radio|Television)\b)"
    r"[A-Z][\w'’-]+(?=\s*(?:[,.;:]|$)|\s+[a-z])"
)


def _land_taken(r: _Reading) -> bool:
    """A country, town or valley taken, named by its noun or, after "control of", by its
    own name."""
    if _CONTROL_OF_A_TOWN_RE.match(r.sentence, r.match.start()):
        return True
    taking = _LAND_TAKEN_RE.match(r.lowered, r.match.start())
    return taking is not None and _LAND_AFTER_RE.match(r.lowered, taking.end()) is not None


def _read_seizure(r: _Reading) -> Trigger | None:
    if _STORM_NAME_RE.match(r.sentence, r.match.start()):
        return None
    if _land_taken(r):
        return None
    if _PEOPLE_SEIZED_RE.search(r.lowered, max(0, r.match.start() - 20), r.match.end()):
        return None  # "57 who were seized when police raided its office": an arrest
    if _GOODS_SEIZED_RE.search(r.lowered, max(0, r.match.start() - 50), r.match.start()):
        return None
    if _LINE_OVERRUN_RE.match(r.lowered, r.match.start()):
        return r.trigger(EventType.CLASH)  # "overran a police line": no building taken
    start = r.match.start()
    if r.lowered.endswith("the ", 0, start) and _OCCUPIED_LAND_RE.match(r.sentence, start):
        return None
    return _taking(r.sentence, r.match, r.confidence, r.agents)


def _read_clash(r: _Reading) -> Trigger | None:
    if _dispersed_without_force(r):
        return None
    if _DRUMS_RE.match(r.lowered, r.match.start()):
        return None  # "beating drums and waving flags": a rally's noise
    return r.trigger(EventType.CLASH)


# "There was no word on casualties": news that has not come, not a toll
_NO_NEWS_OF_BEFORE_RE = Caseless(
    r"\bno\s+(?:immediate\s+|official\s+|further\s+)?(?:word|reports?|news|information|details|"
    r"confirmation)\s+(?:of|on|about)\s+(?:any\s+)?$"
    # "I have not been able to confirm casualties there"
    r"|\b(?:not|n['’]t|unable\s+to)\s+(?:been\s+able\s+to\s+)?(?:confirm|verify)\s+(?:any\s+)?$"
)


# "A special court sentenced eight men to death": a court's sentence, however many words
# stand between the verb and "to death" (the pattern's lookbehind reads only the next two)
_SENTENCED_TO_RE = Caseless(
    r"\b(?:sentenced|sentencing|condemned|condemning)\b[^.;:]{0,60}?\bto\s+$"
)


def _read_casualties(r: _Reading) -> Trigger | None:
    start = r.match.start()
    if _SENTENCED_TO_RE.search(r.sentence, max(0, start - 80), start):
        return None
    if _WITHOUT_BEFORE_RE.search(r.sentence, max(0, start - 30), start):
        return None  # "petrol bombs were thrown, without causing injuries"
    if _NO_NEWS_OF_BEFORE_RE.search(r.sentence, max(0, start - 40), start):
        return None
    if _HAZARD_TOLL_RE.search(r.lowered, max(0, start - 120), start):
        return None
    return r.trigger(EventType.CASUALTIES)


def _read_arrest(r: _Reading) -> Trigger | None:
    if _an_event_held(r.lowered, r.match):
        return None
    return r.trigger(EventType.ARREST)


# Each type's stem key, pattern, whether a negation before it cancels it ("nobody died" is
# still a casualty report, with a count of zero), and the reader that weighs each match.
_READERS: tuple[tuple[str, _Folded, bool, Callable[[_Reading], Trigger | None]], ...] = (
    ("protest", _PROTEST_RE, True, _read_protest),
    ("seizure", _SEIZURE_RE, True, _read_seizure),
    ("clash", _CLASH_RE, True, _read_clash),
    ("casualties", _CASUALTIES_RE, False, _read_casualties),
    ("arrest", _ARREST_RE, True, _read_arrest),
)


def classify(sentence: str) -> tuple[Trigger, ...]:
    """The event types the sentence reports, one trigger per type, in sentence order.

    Each trigger is the strongest (then the first) evidence for its type. Negated actions
    ("did not arrest anyone") give no trigger, except casualties: "nobody died" is a
    casualty report with a count of zero.
    """
    by_type: dict[EventType, list[Trigger]] = {}
    for trigger in _kept_triggers(sentence):
        by_type.setdefault(trigger.event_type, []).append(trigger)
    triggers = [t for t in (_strongest(c) for c in by_type.values()) if t is not None]
    slogans = _slogan_spans(sentence) if _may_quote(sentence) else ()
    triggers = [t for t in triggers if not _in_slogan(t, slogans)]
    return tuple(sorted(triggers, key=lambda t: (t.start, t.event_type.value)))


def reports_an_event(text: str) -> bool:
    """bool(classify(text)), reading no further than needed: a page's whole opening, asked
    whether it is about protests, is not read for every other event type and crowd figure
    once a trigger is found that classify would keep.

    classify keeps each type's strongest trigger (the first of the highest confidence)
    unless a slogan holds it. Without slogans any trigger answers; with them, a type's
    strongest so far answers once no later trigger can outrank it.
    """
    slogans = _slogan_spans(text) if _may_quote(text) else ()
    strongest: dict[EventType, Trigger] = {}
    for trigger in _kept_triggers(text):
        best = strongest.get(trigger.event_type)
        if best is None or trigger.confidence > best.confidence:
            strongest[trigger.event_type] = best = trigger
        final = not slogans or best.confidence >= _TOP_CONFIDENCE
        if final and not _in_slogan(best, slogans):
            return True
    return any(not _in_slogan(t, slogans) for t in strongest.values())


# No trigger is given more: a type's strongest trigger with it stays the strongest.
_TOP_CONFIDENCE = max(_HIGH, _MEDIUM, _LOW, *_TIER_CONFIDENCE.values())


def _in_slogan(trigger: Trigger, slogans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= trigger.start < b for a, b in slogans)


def _may_quote(sentence: str) -> bool:
    return '"' in sentence or "“" in sentence


def _kept_triggers(sentence: str) -> Iterator[Trigger]:
    """Every trigger the sentence gives that no cause covers and that is not still to come,
    reader by reader, then the crowd figure; each reader's patterns run only when asked."""
    lowered = sentence.lower()
    present = _stems_present(lowered)
    if not present:
        return  # no type's stems and no number: none of the patterns below can match
    agents = _Agents(sentence)
    causes = _Causes(sentence)

    def kept(trigger: Trigger) -> bool:
        # "protests over the killing of a student": the killing is the cause
        return not (causes.cover(trigger) or causes.still_to_come(trigger))

    for stem, pattern, negatable, read in _READERS:
        for match, confidence in _best(
            pattern, sentence, lowered, negatable=negatable, run=stem in present
        ):
            trigger = read(_Reading(sentence, lowered, match, confidence, agents))
            if trigger is not None and kept(trigger):
                yield trigger
    crowd = parse_crowd(sentence) if _NUMBER in present else None
    if crowd is not None:
        trigger = Trigger(EventType.CROWD, crowd.start, crowd.end, crowd.text, _HIGH)
        if kept(trigger):
            yield trigger


# What a crowd chants or a placard reads is not an event: "chanting "occupying forces out"".
_SLOGAN_RE = Caseless(
    r"\b(?:chant(?:ed|ing|s)?|shout(?:ed|ing|s)?|slogans?|cr(?:ied|ying)|reading|read|"
    r"banners?|placards?|signs?)\b[^.;\"“”]{0,30}[\"“]([^\"”]{1,100})[\"”]"
)


def _slogan_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    return tuple(match.span(1) for match in _SLOGAN_RE.finditer(sentence))


_HISTORICAL_RE = re.compile(
    r"\b(?:(?:\w+|\d+)\s+(?:years?|decades?|centuries)\s+ago|last\s+year|in\s+the\s+past|"
    # "Ten years earlier, some 35,000 miners had struck": a past the story looks back on
    r"(?:\w+|\d+)\s+(?:years?|decades?)\s+(?:earlier|before)(?=\s*,)|a\s+decade\s+(?:earlier|before)|"
    r"previously|historically|back\s+in|(?:in|of)\s+the\s+(?:(?:early|late|mid)[\s-]+)?\d{4}s|"
    r"in\s+the\s+(?:sixties|seventies|eighties|nineties)|since\s+independence|"
    r"(?:during|in)\s+(?:the\s+)?soviet\s+(?:era|times|period)|at\s+a\s+similar\b|"
    # (not "anniversary of": "staged the biggest march in years, as the city celebrated
    # the 200th anniversary of the First Fleet's arrival" reports the march; an anniversary
    # is the day's occasion)
    r"commemorat(?:e|es|ed|ing)\s+(?:the\s+)?|compared\s+(?:[\w'’-]+\s+){0,3}?(?:to|with)\s+the\b|"
    r"(?:revolution|uprising|protests|elections?|coup|war|crisis|riots|strikes?|stoppages?|"
    r"march|demonstrations?|massacre|unrest)\s+of\s+(?:(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december)\s+)?(?:1[89]|20)\d\d|"
    # hypotheses and comparisons: the events are feared or seen elsewhere, not reported
    # (warnings, threats, vows, plans and modal verbs reach only their own clause: the
    # position-aware cues of _UNREALISED_RE read them. "tens of thousands massed in
    # Jerusalem, a day after the minister urged a halt to the government's plan to
    # overhaul the judiciary" reports the crowd.)
    r"possibility\s+of|in\s+the\s+event\s+of|"
    r"of\s+the\s+kind\s+seen|similar\s+to\s+(?:those|the\s+ones?)|comparisons?\s+with)\b",
    re.IGNORECASE,
)
# ("three years ago", "two decades earlier": the branches that start at any word)
_HISTORICAL_FOLDED_RE = WordLed(
    _HISTORICAL_RE.pattern, r"(?:\w+|\d+)\s+", ("year", "decade", "centuries")
)
_IN_YEAR_RE = Caseless(
    # ("The protests recalled 11 July 2021, when", "remembered July 11, 2021")
    r"\b(?:in|recalls?|recalled|remember(?:s|ed)?)\s+(?:early\s+|late\s+|mid-)?(?:\d{1,2}\s+)?"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+(?:\d{1,2},?\s+)?)?((?:1[5-9]|20)\d\d)\b"
    # "the disputed 2007 election", "a 2014 coup", "the 2014 Maidan protests": an event
    # named by its year
    r"|\b(?:the|a|an)\s+(?:[\w-]+\s+)?((?:1[5-9]|20)\d\d)\s+(?:[\w-]+\s+)?(?:elections?|coup|"
    r"uprising|protests?|revolution|war|crisis|vote|referendum|riots?|massacre|crackdown|"
    r"unrest|demonstrations?|movement|shootings?|killings?|strikes?)\b"
)


# "more than at the rallies of October 2000", "the largest demonstration since the end of
# the civil war in 1996": a past year that measures the reported event
_COMPARISON_BEFORE_RE = re.compile(
    r"\b(?:than|compared\s+with|as\s+in|like\s+in|(?:largest|biggest|worst|first|"
    r"deadliest|most\s+\w+)\b[^.;]{0,60}?\bsince)\b",
    re.I,
)


# What a protest is against may be a plan or a bill that would do something: "marched
# against plans to treble fees", "rallied over the government's plan to raise prices",
# "against a bill that would allow extraditions". The plan and the modal are the
# grievance's, not the march's. A cue of that kind counts only where no protest word and
# at most a few words come before it ("A rally against plans to raise fees is planned for
# Friday" keeps its own cue, "is planned for").
_AGAINST_BEFORE_RE = re.compile(
    r"\b(?:against|over|opposing|oppos(?:e|es|ed)|protesting|protested|denouncing|rejecting|"
    r"in\s+protest\s+(?:at|against|over))\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:(?P<relative>that|which)\s+)?$",
    re.IGNORECASE,
)
_PLAN_OR_MODAL_RE = re.compile(
    r"(?P<plan>plans?\s)|(?P<modal>will|would|shall|could|might|may)\b", re.IGNORECASE
)


def _grievance_cue(clause: str, cue: re.Match[str]) -> bool:
    """Whether a plan or modal cue belongs to what a protest is against."""
    kind = _PLAN_OR_MODAL_RE.match(clause, cue.start())
    if kind is None:
        return False
    before = _AGAINST_BEFORE_RE.search(clause, max(0, cue.start() - 80), cue.start())
    if before is None:
        return False
    # a plan is the grievance's noun ("against plans to"); a modal, its relative clause's
    return bool(kind.group("plan")) != bool(before.group("relative"))


def historical_cue(sentence: str, article_date: str | None = None) -> tuple[int, int] | None:
    """Offsets of the first words that put the sentence's events in the past or the
    hypothetical ("three years ago", "in 1990", "would risk civil war"), or None."""
    cues = []
    lowered = sentence.lower()
    # The folded twin is several times faster; lower() nearly always keeps the length.
    matches = (
        _HISTORICAL_FOLDED_RE.finditer(lowered)
        if len(lowered) == len(sentence)
        else _HISTORICAL_RE.finditer(sentence)
    )
    # "marched against plans to treble fees": the plan is the grievance's
    match = next((m for m in matches if not _grievance_cue(sentence, m)), None)
    if match is not None:
        cues.append((match.start(), match.end()))
    article = parse_article_date(article_date)
    for year_match in _IN_YEAR_RE.finditer(sentence):
        year = int(year_match.group(1) or year_match.group(2))
        if _COMPARISON_BEFORE_RE.search(
            sentence, max(0, year_match.start() - 80), year_match.start()
        ):
            continue  # "275,000 took part, more than at the rallies of October 2000"
        if article is None or year < article.year:
            cues.append((year_match.start(), year_match.end()))
            break
    return min(cues) if cues else None


def is_historical(sentence: str, article_date: str | None = None) -> bool:
    """Whether the sentence speaks of past or hypothetical events, not the reported ones.

    "in 2005" is historical only before the article's year; with no article date, any
    "in <year>" counts.
    """
    return historical_cue(sentence, article_date) is not None


# A day of the calendar, either way round ("Feb. 24", "24 February"), for the date a call
# sets.
_CALENDAR_DAY = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)"
)
_UNREALISED_RE = re.compile(
    # modal verbs: what will, would or could happen (a hedged toll, "may have been killed",
    # "could be as high as 10", is a report and stays)
    # ("May 1998" is a month: the modal is lower case)
    # ("could not stop them", "could barely hold them" report what happened)
    r"\b(?:will|would|shall|could|might|(?-i:may))\s+(?!have\b|\d|"
    r"(?<=could\s)(?:not|barely|hardly|scarcely)\b|"
    r"be\s+(?:as\s+high|higher|"
    r"more|up\s+to)\b)(?:not\s+)?(?:\w+ly\s+)?\w+|"
    # plans, calls, threats, vows and conditions
    # "called for a "dead city" day next Monday"
    r"\bcall(?:s|ed|ing)?\s+for\s+[^.;]{0,40}?\bnext\s+(?:week|month|(?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day)\b|"
    # "announced further action, including a walkout at the ports later this month"
    r"\b(?:announced|promised|planned|called)\s+(?:further|more|new)\s+(?:action|strikes?|"
    r"protests?|walkouts?|stoppages?)\b|\blater\s+this\s+(?:week|month|year)\b|"
    r"\b(?:is|are|was|were)\s+(?:also\s+|now\s+|already\s+)?(?:planned|scheduled|expected|due|"
    # "Vigils were planned Sunday evening in Richmond"
    r"set)\s+(?:tomorrow\s+|today\s+|tonight\s+|this\s+(?:morning|afternoon|evening|weekend)\s+|"
    r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|"
    r"night))?\s+)?(?:for|to|in|at)\b|\btomorrow\b|"
    # "a separate march is being advertised in Cork", "announced a rally in Inchon on July 4"
    r"\b(?:is|are)\s+being\s+(?:advertised|planned|organi[sz]ed|prepared|called)\b|"
    # "Metalworkers in Angers are to vote Monday on whether to join the walkout"
    r"\bwhether\s+to\b|"
    # "similar gatherings had also been proposed for Kosice"
    r"\bbeen\s+(?:proposed|mooted|suggested)\s+(?:for|in)\b|\b(?:is|are)\s+to\s+(?:vote|decide|meet)\b|"
    r"\bannounced\s+(?:a|an|another|new|fresh)\s+(?:[\w-]+\s+)?(?:rally|protest|march|strike|"
    r"demonstration|sit-in)\b|"
    # "A national march has been called for next Sunday"
    r"\b(?:has|have|had)\s+been\s+called\s+for\b|"
    # "The next blockades have been announced for Saturday"; "organisers called off a
    # planned rally"
    r"\b(?:has\s+been|have\s+been|had\s+been|is|are)\s+announced\s+for\b|"
    r"\bcall(?:s|ed|ing)?\s+off\s+(?:a|the|their|its)\s+planned\b|"
    # "A demonstration has been called in Barcelona for Wednesday", "A rally has been called
    # in London next Saturday"
    r"\b(?:has|have|had)\s+been\s+called\s+(?:in|at)\s+[^.;,]{1,40}?\s+(?:for|next)\b|"
    r"\b(?:rall(?:y|ies)|march(?:es)?|protests?|demonstrations?|strikes?)\s+(?:planned|scheduled)\s+"
    r"(?:there\s+)?(?:in|at|for)\b|"
    # "a planned counter-rally was cancelled": what was called off never happened
    r"\b(?:was|were|been|being)\s+(?:later\s+)?(?:cancell?ed|called\s+off|postponed|abandoned)\b|"
    # "The party postponed a series of rallies it had planned in Kampong Cham"
    r"\b(?:postpon(?:ed|es|ing)|cancell?(?:ed|s|ing)|call(?:ed|s|ing)\s+off)\s+"
    r"(?:a|an|the|its|their|all)\s+(?:[\w-]+\s+){0,3}?(?:rall(?:y|ies)|march(?:es)?|"
    r"protests?|demonstrations?|strikes?)\b|"
    r"\bbann(?:ed|ing|s)\s+(?:(?:a|the|all|any)\s+)?(?:[\w-]+\s+){0,2}?(?:march(?:es)?|"
    r"rall(?:y|ies)|protests?|demonstrations?|gatherings?)\b|"
    r"\bplan(?:s|ned|ning)?\s+(?:to|for|a|an)\b|\bintend(?:s|ed|ing)?\s+to\b|"
    # "Farmers in Germany are planning similar demonstrations"; "the next step is a march"
    r"\b(?:is|are|was|were)\s+planning\b|\bnext\s+step\b|"
    # "have called further rallies", "called a demonstration in Vilnius for Friday"
    r"\bcalled\s+(?:further|more|new|fresh|another)\s+(?:[\w-]+\s+)?"
    r"(?:protests?|rall(?:y|ies)|strikes?|demonstrations?|march(?:es)?)\b|"
    # ("called a stay-at-home protest for Feb. 24", "for the following evening")
    r"\bcalled\s+(?:a|an)\s+(?:[\w\"'“”-]+\s+){0,4}?(?:protest|rally|strike|demonstration|"
    r"march)\b[^.;]{0,60}?\bfor\s+(?:next|tomorrow|this\s+coming|the\s+following|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|" + _CALENDAR_DAY + r")\b|"
    # "The council has called a new rally for Kisumu on August 8": a call still standing
    r"\b(?:has|have)\s+called\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:protest|rally|strike|"
    r"demonstration|march)\s+(?:for|in)\b|"
    r"\bcall(?:s|ed|ing)?\s+(?:on\s+\w+\s+)?(?:for|to)\s+(?:a\s+|an\s+|new\s+|more\s+|"
    r"another\s+|further\s+|fresh\s+)*"
    # "called for another nationwide day of protest on Monday"
    # ("calling for a solidarity march in Rabat this weekend")
    r"(?:(?:general|national|nationwide|mass|solidarity|peaceful|similar)\s+)?"
    r"(?:days?\s+of\s+(?:[\w-]+\s+)?)?"
    r"(?:protests?|rall(?:y|ies)|strikes?|demonstrations?|march(?:es)?|boycotts?|gatherings?|"
    r"join)\b|"
    r"\bthreat(?:en(?:s|ed|ing)?)?\s+(?:to|with)\b|\bvow(?:s|ed|ing)?\s+to\b|"
    r"\bpromis(?:e|es|ed|ing)\s+to\b|\bwarn(?:s|ed|ing)?\s+(?:of|that|against)\b|"
    r"\bready\s+to\b|\bif\b|\bunless\b|\bin\s+case\b|"
    # "has largely been spared the violence that has hit the south"
    r"\bspared\b",
    re.IGNORECASE,
)
# A looser twin of _UNREALISED_RE for a quick "no": the same pattern with case ignored
# throughout ("May", the month, passes it too), so every match of _UNREALISED_RE is one of
# its own, and where it finds none, _UNREALISED_RE finds none; it runs caseless, several
# times faster. (Should the modal lose its inline flag, Caseless refuses the pattern.)
_UNREALISED_LOOSE_RE = Caseless(_UNREALISED_RE.pattern.replace("(?-i:may)", "may"))


_SUBORDINATE_BEFORE_RE = re.compile(
    r"\b(?:before|until|than|so\s+that|as\s+soon\s+as)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE
)


# A subordinating word ends at most three words before the modal ("as soon as they could"),
# and may itself be three words long: its match starts within the last six.
_SUBORDINATE_REACH_WORDS = 6
_WORD_START_RE = re.compile(r"\S+")
# What stops a cue's reach: a mark, or a past stretch of events it was said after ("will
# send troops after two days of rioting in the capital Honiara")
_CUE_STOP_RE = re.compile(
    # (", such as La Rioja" goes on with the clause before it)
    r",(?!\s+(?:such\s+as|including|notably)\b)|[;–—()]|\b(?:after|following)\s+(?:[\w-]+\s+){0,2}?(?:days?|nights?|weeks?|months?|"
    r"hours?)\s+of\b",
    re.IGNORECASE,
)


class UnrealisedCues:
    """The cues of one clause that make its events future, planned, threatened or
    hypothetical, found once for every position asked about: a long clause naming many
    places was searched again, from its start, for each of them."""

    def __init__(self, clause: str) -> None:
        # Most clauses hold no cue: their words and marks are not listed at all.
        words: list[int] = []
        cues = []
        for match in _UNREALISED_RE.finditer(clause):
            words = words or [word.start() for word in _WORD_START_RE.finditer(clause)]
            back = bisect_left(words, match.start()) - _SUBORDINATE_REACH_WORDS
            if _SUBORDINATE_BEFORE_RE.search(clause, words[back] if back > 0 else 0, match.start()):
                continue  # "before they could get close": a report of what stopped them
            if _grievance_cue(clause, match):
                continue
            cues.append(match.span())
        self.cues = cues
        self.ends = [end for _, end in cues]
        self.marks = [match.start() for match in _CUE_STOP_RE.finditer(clause)] if cues else []
        self.quotes = _quotes_around(clause, cues)
        self.onward = [_onward_only(clause, start) for start, _ in cues]
        self.length = len(clause)

    def at(self, position: int | None = None) -> tuple[int, int] | None:
        """The first cue that reaches `position`: no comma, semicolon, dash or bracket
        between them, and no quotation mark around the cue alone (any cue when `position`
        is None)."""
        if not self.cues or position is None:
            return self.cues[0] if self.cues else None
        after = bisect_left(self.marks, position)  # marks before the position
        mark_before = self.marks[after - 1] if after else -1
        mark_after = self.marks[after] if after < len(self.marks) else self.length
        # Cues are in text order: the first that ends after the mark before the position is
        # the first that may reach it, and it does unless it starts beyond the mark after or
        # stands in a quotation the position is outside of.
        for index in range(bisect_right(self.ends, mark_before), len(self.cues)):
            cue = self.cues[index]
            if cue[0] > mark_after:
                return None
            if self.onward[index] and position < cue[0]:
                continue
            quote = self.quotes[index]
            if quote is None or quote[0] <= position < quote[1]:
                return cue
        return None


# "24 people had been arrested in Mombasa and would be charged": a modal that opens a verb
# phrase of its own after "and" tells what is yet to come of those already named, and the
# report before it stands.
_MODAL_AFTER_AND_RE = re.compile(r"\band\s+(?:then\s+|later\s+)?(?=(?:will|would|could|might)\b)")


def _onward_only(clause: str, start: int) -> bool:
    # ("and later " ends within 12 characters of the cue; the modal within 6 of its start)
    return _MODAL_AFTER_AND_RE.search(clause, max(0, start - 12), start + 6) is not None


# A quotation in double marks: a banner's, a chant's or a speaker's own words.
_QUOTATION_RE = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')


def _quotes_around(clause: str, cues: Sequence[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """The quotation each cue stands in, if any. A cue quoted reaches only its own quotation:
    in 'marched behind a banner reading "We will not forget Sivas"' the march happened,
    while in 'said "we will march on Osh"' the march is still to come."""
    quotations = [m.span() for m in _QUOTATION_RE.finditer(clause)] if cues else []
    return [
        next((span for span in quotations if span[0] < start and end < span[1]), None)
        for start, end in cues
    ]


@lru_cache(maxsize=4)  # asked for every place and every trigger of the sentence
def may_be_unrealised(sentence: str) -> bool:
    """Whether any clause of the sentence can hold a future, plan or condition cue: most
    sentences hold none, and then no clause of theirs need be searched. (A clause starts
    and ends beside a mark or a space, so a cue found in a clause is found in the sentence.)
    """
    if _UNREALISED_LOOSE_RE.search(sentence) is None:
        return False
    return _UNREALISED_RE.search(sentence) is not None


def unrealised_cue(clause: str, position: int | None = None) -> tuple[int, int] | None:
    """Offsets of words that make a clause's events future, planned, threatened or
    hypothetical ("a rally is planned for tomorrow", "those who throw stones will be
    arrested"), or None.

    With `position` (an event word's or a place's offset in the clause), only a cue that
    no comma or dash parts from it counts: in "Police, who said they would not tolerate
    unrest, fired tear gas", the firing is reported.
    """
    return UnrealisedCues(clause).at(position)


_CAPTION_NOUN_RE = re.compile(
    r"\b(?:protesters|protestors|demonstrators|marchers|rall(?:y|ies)|protests?|"
    r"demonstrations?|march(?:es)?|sit-ins?|strikers|picket(?:s|ers)?)\b",
    re.IGNORECASE,
)
# A caption or a verbless report puts its place after a preposition: "Protesters in Aktobe".
_CAPTION_PLACE_RE = re.compile(r"\b(?:in|at|near|outside|across)\s+(?:[\w'’-]+['’]s\s+)?[A-Z]")
_FILE_NAME_RE = Caseless(r"\.(?:jpe?g|png|gif|svg|tiff?|webp)\b")
_CAPTION_MAX_WORDS = 20
# In prose, only a sentence that opens with the protesters and their place is a caption.
_CAPTION_OPENING_RE = re.compile(
    r"^\W*(?i:(?:the|a|some|many|several|hundreds|thousands|dozens|of|young|student|"
    r"opposition|women|anti-[\w-]+|pro-[\w-]+)\s+){0,3}"
    r"(?i:protesters|protestors|demonstrators|marchers)\s+(?:in|at|near|outside)\s+[A-Z]"
)


def caption_trigger(line: str, *, prose: bool = False) -> Trigger | None:
    """A protest reported without a verb, as photo captions do.

    "Protesters in Aktobe on January 4" and "Protests on 16 August in Minsk" report a
    protest; "Protests before Kyrgyzstan vote", a related-story link, names no place after
    a preposition and does not. In prose only a sentence that opens with the protesters and
    their place counts ("Protesters in Mandalay holding banners ...").
    """
    if (len(line.split()) > _CAPTION_MAX_WORDS and not prose) or _FILE_NAME_RE.search(line):
        return None
    if prose and not _CAPTION_OPENING_RE.match(line):
        return None
    noun = _CAPTION_NOUN_RE.search(line)
    if noun is None or not _CAPTION_PLACE_RE.search(line):
        return None
    return Trigger(EventType.PROTEST, noun.start(), noun.end(), noun.group(0), _MEDIUM)
