"""Find place mentions in text and resolve them to gazetteer places.

No trained NER model can be installed offline, so recognition is gazetteer-driven, as in
CLAVIN and the Edinburgh Geoparser's rule-based pipeline: capitalised word sequences are
matched against the gazetteer's folded keys (longest first), context rules drop ordinary
words, demonyms, person and organisation names, and a document-level pass resolves
ambiguous names towards the countries and regions the document is about.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache, partial
from typing import NamedTuple

from gazetteer import Candidate, Gazetteer, Kind, MatchType, Place, fold
from gazetteer.capitals import Capitals
from gazetteer.lexicon import common_words, description_words
from gazetteer.localities import LocalityPlace
from geomap.caseless import Caseless
from geomap.lazy import cached_property
from geomap.model import PlaceMention
from geomap.wordlists import (
    CALENDAR,
    FACILITY_HEADS,
    LOCATIVES,
    OPENERS,
    ORGANISATION_HEADS,
    ORGANISATION_NOUNS,
    PLACE_FOLLOWERS,
    SPEECH_VERBS,
    TITLES,
)

__all__ = [
    "NAME_RULES",
    "READING_RULES",
    "READING_SCREENS",
    "RECOGNITION_RULES",
    "NameDecision",
    "NameInText",
    "SpanCandidates",
    "Verdict",
    "explain_names",
    "find_mentions",
    "find_place_spans",
    "great_circle_km",
    "has_place_cue",
    "in_a_name",
    "is_dateline",
    "is_major",
    "judge",
    "resolve_mentions",
    "told_as_a_town",
]

_MAX_TOKENS = 5
_TOKEN = re.compile(
    r"(?P<abbr>(?:[A-Z]\.){2,}(?:[A-Z][a-z]?\.?)?|[A-Z][a-z]{0,4}\.(?:[A-Z][a-z]{0,3}\.)?)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)",
)
_POSSESSIVE = re.compile(r"['’]s?$")
_CONTRACTION = re.compile(r"['’](?:d|ve|ll|re|m|t)$", re.IGNORECASE)
_SMALL_PLACE = 10_000
# Place names that head an ordinary compound noun, not a place ("Molotov cocktails" is
# not Perm, once named Molotov). Keyed by the folded name and the next word.
_EPONYMS = frozenset(
    {
        ("molotov", "cocktail"),
        ("molotov", "cocktails"),
        ("brussels", "sprouts"),
        ("stockholm", "syndrome"),
        ("french", "fries"),
        ("turkish", "delight"),
        ("panama", "hat"),
        ("panama", "papers"),
        ("hamburger", "bun"),
        ("bikini", "clad"),
        ("jersey", "barrier"),
        ("berlin", "wall"),
    }
)
# Abbreviated first words of place names ("St. Thomas", "Mt. Pleasant", "Ft. Worth").
_NAME_PREFIXES = frozenset({"St.", "Ste.", "Mt.", "Ft.", "Pt."})
_CONNECTORS = frozenset(
    [
        "of",
        "de",
        "del",
        "la",
        "las",
        "los",
        "le",
        "les",
        "du",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "al",
        "el",
        "upon",
        "on",
        "am",
        "an",
        "and",
        "the",
        "sur",
        "en",
        "y",
        "i",
        # "Dar es Salaam", "Alphen aan den Rijn"
        "es",
        "ul",
        "aan",
        "den",
        "der",
    ]
)
_SENTENCE_END = frozenset('.!?:;"“”\n')
_MAJOR_POPULATION = 100_000


@dataclass(frozen=True)
class SpanCandidates:
    """A stretch of text that names a place, with the places it may name."""

    text: str
    start: int
    end: int
    candidates: tuple[Candidate, ...]
    in_name: bool = False  # part of an organisation's name (see PlaceMention.in_name)


class Token(NamedTuple):
    # A NamedTuple, not a frozen dataclass: millions are made, and tuples build fastest.
    start: int
    end: int
    text: str
    is_abbreviation: bool


def tokenize(text: str, gaz: Gazetteer) -> list[Token]:
    """Words with their offsets; possessives trimmed, listed abbreviations (U.S.) kept whole."""
    return _tokens(text, _abbreviations(gaz))


def _tokens(text: str, abbreviations: frozenset[str]) -> list[Token]:
    out = []
    for match in _TOKEN.finditer(text):
        token = _token_of(match, abbreviations)
        if token is not None:
            out.append(token)
    return out


# Token's own constructor is a Python function; a tuple built straight is the same value.
_new_token: Callable[[tuple[int, int, str, bool]], Token] = partial(tuple.__new__, Token)


def _token_of(match: re.Match[str], abbreviations: frozenset[str]) -> Token | None:
    """The token a match of _TOKEN stands for; None for a contraction ("didn't")."""
    start, end = match.span()
    word = match.group()
    if match.lastgroup == "word" and "'" not in word and "’" not in word:
        return _new_token((start, end, word, False))  # most words: a plain word
    if match.lastgroup == "abbr":
        if word in abbreviations or word in _NAME_PREFIXES or word.count(".") >= 2:
            return Token(start, end, word, True)
        # "China." at a sentence end: the word, not an abbreviation.
        end = start + len(word.rstrip("."))
        word = word.rstrip(".")
        return None if "." in word else Token(start, end, word, False)
    if "'" not in word and "’" not in word:
        return Token(start, end, word, False)
    if _CONTRACTION.search(word):
        return None
    possessive = _POSSESSIVE.search(word)
    if possessive and possessive.start() > 0:
        end -= len(possessive.group())
        word = word[: len(word) - len(possessive.group())]
    return Token(start, end, word, False)


# A letter that may be upper case: A-Z or any letter outside ASCII (str.isupper decides
# those). `re` has no \p{Lu}, and a class of every upper-case letter scans several times
# slower than this one over English text.
_MAYBE_CAPITAL = re.compile(r"[^\W\da-z_]")
_LETTER = re.compile(r"[^\W\d_]")


def _name_tokens(text: str, abbreviations: frozenset[str]) -> list[Token]:
    """The tokens that place recognition reads, in order: a subsequence of _tokens(text).

    Most words of an article are lower case and far from any name, and building a Token
    for each is the costliest part of recognition. The rules only ever read a capitalised
    token, the token before it, the run of words that may continue its name, and the one
    token after that run; so only those are made. Where words are left out between two
    kept tokens, the text between them is more than the single space or hyphen that joins
    the words of a name, so no rule can mistake them for neighbours.
    """
    out: list[Token] = []
    covered = 0  # the text before this offset has been tokenised
    at = _next_capital(text, 0)
    while at is not None:
        previous: Token | None = out[-1] if out else None
        for match in _TOKEN.finditer(text, _restart_before(text, at, covered, abbreviations)):
            covered = match.end()
            token = _token_of(match, abbreviations)
            if token is None:
                continue
            out.append(token)
            if (
                token.end > at
                and not token.text[:1].isupper()
                and not (previous is not None and _continues_name(text, previous, token))
            ):
                # The token after the run. Starting a fresh pass costs more than reading
                # a few words, so go on when the next capital is close.
                at = _next_capital(text, covered)
                if at is None or at - covered > _READ_ON_CHARS:
                    break
            previous = token
        else:
            break  # the text is read to its end
    return out


_READ_ON_CHARS = 30


def _next_capital(text: str, pos: int) -> int | None:
    """Offset of the next upper-case letter at or after `pos`, or None."""
    while (found := _MAYBE_CAPITAL.search(text, pos)) is not None:
        if text[found.start()].isupper():
            return found.start()
        pos = found.start() + 1
    return None


def _continues_name(text: str, previous: Token, token: Token) -> bool:
    gap = text[previous.end : token.start]
    return gap == "-" or (gap == " " and token.text in _CONNECTORS)


def _restart_before(text: str, at: int, covered: int, abbreviations: frozenset[str]) -> int:
    """An offset at or after `covered` from which tokenising again finds the same tokens
    as a full pass, with at least one token before `at` (if the text has one).

    Tokens never contain a space or a line break, so a full pass also restarts just after
    one; it restarts at `covered`, the end of the last match, as well.
    """
    start = at
    while start > covered:
        boundary = max(text.rfind(" ", covered, start - 1), text.rfind("\n", covered, start - 1))
        start = covered if boundary < 0 else boundary + 1
        before = text[start:at]
        if not _LETTER.search(before):
            continue
        if "'" not in before and "’" not in before and "." not in before:
            return start  # a plain word: always a token
        if any(_token_of(m, abbreviations) for m in _TOKEN.finditer(text, start, at)):
            return start
    return covered


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_all_caps(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isupper() and not token.is_abbreviation


_CITATION_BEFORE = re.compile(r"(?:\[\d{1,3}\])+$")


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\r([‘'\"“":
        i -= 1
    # Citation markers ("began.[13][14] Mass protests") stand between the full stop and the
    # next sentence.
    marker = _CITATION_BEFORE.search(text, max(0, i - 40), i + 1)
    if marker is not None:
        i = marker.start() - 1
    return i < 0 or text[i] in _SENTENCE_END


# What follows the place of a dateline: the agency, a comma and the country or date, a dash.
_DATELINE_TAIL = re.compile(r"(?: \(| ?[-–—] |, [A-Z])")


def _short_dateline(text: str, token: Token) -> bool:
    """An upper-case word alone at the head of a line, followed as a dateline is followed.

    Abbreviations ("UN", "EU") rarely open a line this way, and when they do ("UN, the ...")
    the lower case after the comma gives them away.
    """
    return _line_initial(text, token.start) and bool(_DATELINE_TAIL.match(text, token.end))


def is_dateline(text: str, start: int, surface: str) -> bool:
    """Whether the name at `start` is an upper-case dateline ("BISHKEK, March 21 ...")."""
    return surface.isupper() and _line_initial(text, start)


def _line_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return _CAPTION_COUNTER_RE.fullmatch(text, line_start, start) is not None


# A photo gallery numbers its captions: "7/9 AMMAN, Jordan - ...", "Photo 5. LISBON - ..."
_CAPTION_COUNTER_RE = re.compile(
    r"[ \t]*(?:\d{1,2}\s*/\s*\d{1,2}|\d{1,2}[.)]|(?:Photo|Picture|Image)\s+\d{1,2}[.:]?)[ \t]+"
)


def _joined(text: str, a: Token, b: Token) -> bool:
    """Two tokens belong to one name only when a single space or hyphen joins them."""
    return text[a.end : b.start] in (" ", "-")


def _hyphen_joined(text: str, a: Token, b: Token) -> bool:
    return text[a.end : b.start] == "-"


@lru_cache(maxsize=4)
def _abbreviations(gaz: Gazetteer) -> frozenset[str]:
    """Dotted spellings the gazetteer lists (U.S., Ky., B.C.): these are names, not ends."""
    return frozenset(
        name for names in gaz.overlay.added_names.values() for name in names if "." in name
    )


def find_place_spans(text: str, gaz: Gazetteer) -> list[SpanCandidates]:
    """Every stretch of `text` that names a gazetteer place, before disambiguation."""
    return _find_place_spans(text, gaz, _name_tokens(text, _abbreviations(gaz)))


@dataclass(frozen=True)
class NameDecision:
    """Why a gazetteer name in a text was or was not taken as a place."""

    surface: str
    start: int
    end: int
    verdict: Verdict
    rule: str  # the deciding rule's name, or a step of _find_place_spans below


# Steps after the rules: a lesser place needs a cue, and a name used for a person anywhere
# in the text is a person's everywhere in it.
SMALL_PLACE_WITHOUT_CUE = "small_place_without_cue"
NAMED_AS_PERSON = "named_as_person_elsewhere"


def explain_names(text: str, gaz: Gazetteer) -> list[NameDecision]:
    """Every gazetteer name in `text` with the verdict on it and the rule that decided."""
    return _decide(text, gaz, _name_tokens(text, _abbreviations(gaz)), explain=True)[1]


def _find_place_spans(text: str, gaz: Gazetteer, tokens: Sequence[Token]) -> list[SpanCandidates]:
    return _decide(text, gaz, tokens)[0]


def _decide(
    text: str, gaz: Gazetteer, tokens: Sequence[Token], *, explain: bool = False
) -> tuple[list[SpanCandidates], list[NameDecision]]:
    """The spans that name places, and (when `explain`) the decision on every name."""
    common = common_words()
    judged: list[tuple[NameInText, Verdict, str]] = []
    # Only a capitalised token can start a name; the rest are context for the rules.
    starts = [i for i, t in enumerate(tokens) if t.text[:1].isupper()]
    next_free = 0
    for i in starts:
        if i < next_free:
            continue
        found = _longest_match(text, tokens, i, gaz)
        if found is None:
            continue
        n = found[0]
        next_free = i + n
        start, end = tokens[i].start, tokens[i + n - 1].end
        readings = _readings(text, start, end, _readings_as_spelt(text[start:end], gaz), gaz)
        if readings:
            name = NameInText.of(text, tokens, i, n, readings, common)
            judged.append((name, *judge(name)))
    people = {name.key for name, verdict, _ in judged if verdict is Verdict.PART_OF_NAME}
    spans = []
    decisions = []
    for name, verdict, rule in judged:
        top = name.candidates[0].place
        if verdict in (Verdict.PLACE, Verdict.IN_NAME):
            if (
                name.key in people
                and top.kind is Kind.CITY
                and not _put_as_a_town(tokens, name.i, top)
                # "SEABROOK, N.H. -" heads the story as its place, whatever "Seabrook
                # Station" or a Mr Seabrook makes of the name elsewhere
                and not is_dateline(text, name.first.start, name.surface)
            ):
                # "Obama" after "Barack Obama": one sense per discourse
                verdict, rule = Verdict.PART_OF_NAME, NAMED_AS_PERSON
            elif not _supported(text, tokens, name.i, name.n, top):
                verdict, rule = Verdict.NOT_PLACE, SMALL_PLACE_WITHOUT_CUE
            else:
                spans.append(
                    SpanCandidates(
                        name.surface,
                        name.first.start,
                        name.last.end,
                        name.candidates,
                        verdict is Verdict.IN_NAME,
                    )
                )
        if explain:
            decisions.append(
                NameDecision(name.surface, name.first.start, name.last.end, verdict, rule)
            )
    return spans, decisions


# "faith in Obama", "confidence in Mandela": a person after "in" all the same
_TRUSTED_IN = frozenset({"faith", "confidence", "trust", "interest", "belief", "hope"})


# A town this large, put as a place, is the town even where a person bears its name (a
# hamlet or a quarter named "Gazi" or "Keïta" is likelier the person's name again)
_TOWN_NAMED_FOR_A_PERSON = 100_000


def _put_as_a_town(tokens: Sequence[Token], i: int, top: Place) -> bool:
    """Whether the name at token i is a large town's, right after "in", "at", "near" or
    "outside": a city named for a person ("the steel mill in Lázaro Cárdenas" beside
    "Governor Lázaro Cárdenas Batel") is the city there, whatever the name does elsewhere."""
    if top.population < _TOWN_NAMED_FOR_A_PERSON:
        return False
    if i == 0 or tokens[i - 1].text.lower() not in _STRONG_LOCATIVES:
        return False
    return i < 2 or tokens[i - 2].text.lower() not in _TRUSTED_IN


def _supported(text: str, tokens: Sequence[Token], i: int, n: int, top: Place) -> bool:
    """Small places need a cue that a place is meant: a locative before, a qualifier after.

    A hamlet's name is far more often a surname or a word in a title; "in Bantam" or
    "Bantam, Conn." is how writers introduce a small place.
    """
    if top.kind is not Kind.CITY or top.population >= _SMALL_PLACE:
        return True
    last = tokens[i + n - 1]
    if _locative_before(text, tokens, i):
        # ("in Buq'ata soldiers arrested 12 men": after "in", a plural starts the clause)
        return tokens[i - 1].text != "of" or not _modifies_a_plural(text, tokens, i + n)
    if _last_of_a_list_of_places(text, tokens[i].start):
        return True
    if text[last.end : last.end + 2] == ", " and i + n < len(tokens):
        return is_capitalised(tokens[i + n])
    return has_place_cue(text, tokens, i, n)


# "walked off the job in Melbourne, Sydney and Fremantle": the last name of a list that a
# strong locative opens is put as a place too (but "a placard in Chinese and English" lists
# languages)
# a name of one or two capitalised words, in a list or a pair of streets
_LIST_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?"
_LAST_OF_A_LIST_BEFORE_RE = re.compile(
    rf"\b(?:in|at|near|outside)\s+((?:{_LIST_NAME},\s+){{0,6}}{_LIST_NAME}),?\s+(?:and|or)\s+$"
)
_LANGUAGE_OR_PEOPLE_RE = re.compile(r"(?:ish|ese|ian|ic)$")


def _last_of_a_list_of_places(text: str, start: int) -> bool:
    found = _LAST_OF_A_LIST_BEFORE_RE.search(text, max(0, start - 120), start)
    return found is not None and not any(
        _LANGUAGE_OR_PEOPLE_RE.search(item.strip()) for item in found.group(1).split(",")
    )


# Lower-case words in -s that follow a place as often as they follow a modifier
_NOT_PLURAL_NOUNS = frozenset({"was", "is", "has", "as", "this", "its", "his", "towards", "across"})


def _modifies_a_plural(text: str, tokens: Sequence[Token], after: int) -> bool:
    """Whether the word right after a name is a lower-case plural noun it may modify: after
    "of", the noun is what "of" governs ("the silence of Arab governments" names no Arab,
    Alabama)."""
    if after >= len(tokens) or text[tokens[after - 1].end : tokens[after].start] != " ":
        return False
    word = tokens[after].text
    return word.islower() and word.endswith("s") and word not in _NOT_PLURAL_NOUNS


def _longest_match(
    text: str, tokens: Sequence[Token], i: int, gaz: Gazetteer
) -> tuple[int, tuple[Candidate, ...]] | None:
    first = tokens[i]
    if not is_capitalised(first) or first.text.lower() in CALENDAR:
        return None
    # A name runs over capitalised words, connectors ("of") and hyphenated parts, joined by
    # one space or hyphen. The first token that is none of these ends every longer reading.
    # (_joined and _continues_name, inlined: this runs for every capitalised word.)
    limit = 1
    stop = min(_MAX_TOKENS, len(tokens) - i)
    while limit < stop:
        token = tokens[i + limit]
        gap = text[tokens[i + limit - 1].end : token.start]
        if gap != "-" and not (
            gap == " " and (token.text[:1].isupper() or token.text in _CONNECTORS)
        ):
            break
        limit += 1
    return _longest_match_in_run(text[first.start : tokens[i + limit - 1].end], gaz)


@lru_cache(maxsize=1 << 16)
def _longest_match_in_run(run: str, gaz: Gazetteer) -> tuple[int, tuple[Candidate, ...]] | None:
    """The longest gazetteer name that starts a run of name-like words, and its candidates.

    The answer depends only on the run's own characters (tokens never reach across
    whitespace, so the run tokenises alone as it did in its text), and the same runs ("The",
    "Police", "Kyrgyzstan") recur across a corpus, so each distinct run is read once.
    """
    tokens = _tokens(run, _abbreviations(gaz))
    if not tokens:
        return None
    first = tokens[0]
    for n in range(len(tokens), 0, -1):
        last = tokens[n - 1]
        if not is_capitalised(last) and not (n > 1 and _hyphen_joined(run, tokens[n - 2], last)):
            continue  # a name does not end on a connector
        if n == 1 and len(first.text) == 1:
            continue
        surface = run[first.start : last.end]
        key = fold(surface)
        if len(key) < 2 or not gaz.places_for_key(key):
            continue
        candidates = gaz.lookup(surface, fuzzy=False, limit=25)
        if n > 1 and first.text.lower() in _FUNCTION_WORDS:
            # "In June" folds to the key of Injune, Queensland; "In Salah" is a town's name
            candidates = [c for c in candidates if _spelt_apart(surface, c.matched_name)]
        if candidates:
            return n, tuple(candidates)
    return None


# Words that open a sentence or a headline in capitals and, spelt apart from the next
# word, are no part of a name the gazetteer writes as one word.
_FUNCTION_WORDS = frozenset(
    {"in", "on", "at", "by", "to", "of", "the", "a", "an", "and", "or", "for", "from", "as"}
)
_NAME_GAP_RE = re.compile(r"[\s-]+")


def _spelt_apart(surface: str, name: str) -> bool:
    """Whether the stored name has a word break wherever the text has one."""
    return len(_NAME_GAP_RE.split(name.strip())) >= len(_NAME_GAP_RE.split(surface.strip()))


class Verdict(Enum):
    """What a recognition rule says about a gazetteer name where it stands."""

    PLACE = "place"
    NOT_PLACE = "not a place"
    PART_OF_NAME = "part of a person's or organisation's name"
    IN_NAME = "a place named within an organisation's name"


class NameInText(NamedTuple):
    """The tokens tokens[i : i + n] of `text`, which spell a gazetteer name, its readings,
    and what the recognition rules read around it (see `NameInText.of`).

    A NamedTuple, not a frozen dataclass, as Token is: one is made for every capitalised
    name of every article.
    """

    text: str
    tokens: Sequence[Token]
    i: int
    n: int
    candidates: tuple[Candidate, ...]
    common: frozenset[str]
    first: Token
    last: Token
    surface: str
    key: str
    major: bool  # the best reading is a country, region or city of 100,000 or more
    before: Token | None
    gap_before: str  # the text between the token before and the name
    after: Token | None
    gap_after: str
    follower: str  # the next word, lower case, without a trailing full stop

    @classmethod
    def of(
        cls,
        text: str,
        tokens: Sequence[Token],
        i: int,
        n: int,
        candidates: tuple[Candidate, ...],
        common: frozenset[str],
    ) -> NameInText:
        first, last = tokens[i], tokens[i + n - 1]
        surface = text[first.start : last.end]
        before = tokens[i - 1] if i > 0 else None
        after = tokens[i + n] if i + n < len(tokens) else None
        return cls(
            text,
            tokens,
            i,
            n,
            candidates,
            common,
            first,
            last,
            surface,
            fold(surface),
            bool(candidates) and is_major(candidates[0].place),
            before,
            text[before.end : first.start] if before else "",
            after,
            text[last.end : after.start] if after else "",
            after.text.lower().rstrip(".") if after else "",
        )

    def ordinary(self, word: str) -> bool:
        """A dictionary word, or a word that heads the names of buildings and bodies."""
        return word in self.common or word in _BUILDING_HEADS or word in ORGANISATION_HEADS


# Words that end the name of a building ("White House", "Winter Palace", "City Hall"): a
# name made of them is the building, even where a town's alternate name translates to it.
_BUILDING_HEADS = FACILITY_HEADS | frozenset(
    {"house", "palace", "hall", "tower", "building", "castle", "mosque", "temple", "stadium"}
)


def is_major(place: Place) -> bool:
    """A country, first-level region or continent, a city of 100,000 people or more, or a
    country's or territory's capital ("in Cayenne" is French Guiana's capital, not the
    pepper, though the town has 60,000 people)."""
    return (
        place.kind in (Kind.COUNTRY, Kind.ADMIN1, Kind.REGION)
        or place.population >= _MAJOR_POPULATION
        or place.geonameid in Capitals.default().national_capitals
    )


def has_place_cue(text: str, tokens: Sequence[Token], i: int, n: int) -> bool:
    """A locative just before the name ("in X") or a region word after it ("X region").

    Example: "protests in Arab" introduce a place; "Part of 2011 Arab protests" does not,
    though "of" comes two words before.
    """
    if _locative_before(text, tokens, i):
        return True
    return i + n < len(tokens) and tokens[i + n].text.lower() in PLACE_FOLLOWERS


def _locative_before(text: str, tokens: Sequence[Token], i: int) -> bool:
    # Numbers are no tokens: the locative must stand right before the name.
    if i == 0:
        return False
    before = tokens[i - 1]
    return before.text.lower() in LOCATIVES and text[before.end : tokens[i].start] == " "


# Each recognition rule reads one name in its context and returns a Verdict, or None when
# it has nothing to say. The rules run in the order of RECOGNITION_RULES and the first
# verdict decides; a name no rule speaks about is a place. `explain_names` reports, for
# every name, which rule decided.


def calendar_word(name: NameInText) -> Verdict | None:
    """A month or a weekday is a date.

    Example: "May elections" is not May, Oklahoma.
    """
    return Verdict.NOT_PLACE if name.first.text.lower() in CALENDAR else None


_MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
_DAY_AFTER_RE = re.compile(r"\.?\s+\d{1,2}\b")


def month_abbreviation(name: NameInText) -> Verdict | None:
    """A month's abbreviation before a day is a date.

    Example: "ABIDJAN, Ivory Coast, Nov 7" is not Noves, France (but "Mar del Plata" is
    a city).
    """
    if name.n != 1 or name.first.text.lower().rstrip(".") not in _MONTH_ABBREVIATIONS:
        return None
    return Verdict.NOT_PLACE if _DAY_AFTER_RE.match(name.text, name.last.end) else None


# Kinds of quarter that many cities have: "looting shops in Chinatown" in Honiara is no
# town in California, whatever GeoNames lists under the name.
_GENERIC_QUARTERS = frozenset(
    {"chinatown", "downtown", "uptown", "midtown", "little italy", "little india"}
)


def generic_quarter(name: NameInText) -> Verdict | None:
    """A name for a kind of quarter is the quarter of the city in the story.

    Example: "crowds burned shops in Chinatown" (in Honiara) is not Chinatown, California.
    """
    return Verdict.NOT_PLACE if name.surface.lower() in _GENERIC_QUARTERS else None


# Korean and Japanese quarters and streets: "Nampo-dong", "Gangnam-gu", "Shibuya-ku",
# "Jongno-ro" ("-shi" and "-gun" name the city or county itself, and are not here)
_QUARTER_SUFFIXES = frozenset(
    {"dong", "gu", "ku", "ri", "myeon", "eup", "cho", "chō", "machi", "chome", "chōme", "ro", "gil"}
)


def quarter_suffix(name: NameInText) -> Verdict | None:
    """A name hyphenated to a quarter's or a street's suffix names that quarter of the
    story's city, not the town of the bare name.

    Example: "shopkeepers in Nampo-dong" (in Busan) is not Namp'o in North Korea.
    """
    after = name.after
    if name.gap_after == "-" and after is not None and after.text.lower() in _QUARTER_SUFFIXES:
        return Verdict.NOT_PLACE
    return None


# "Avon and Somerset Police", "Devon and Cornwall Constabulary": a force, service or
# council named after the places it serves, listed before its capitalised head
_BODY_HEAD = r"\s+(?:Police|Constabulary|Fire|Ambulance|Council|Authority|Regiment|Railway)\b"
_NAMED_FOR_PLACES_AFTER_RE = re.compile(
    rf"(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)+{_BODY_HEAD}"
)
# ... and the list's last place, right before the head
_LISTED_BEFORE_RE = re.compile(r"[A-Z][\w'’-]+\s*(?:,|and|&)\s*$")
_BODY_HEAD_AFTER_RE = re.compile(_BODY_HEAD)


def body_named_for_places(name: NameInText) -> Verdict | None:
    """A place listed with others before a force's or service's capitalised head names that
    body, not where anything happened.

    Example: "Avon and Somerset Police said seven people were arrested" is no event in
    Avon or Somerset; "Somerset Police" alone is left to the rules for a capitalised word
    after.
    """
    text, start, end = name.text, name.first.start, name.last.end
    first_listed = _NAMED_FOR_PLACES_AFTER_RE.match(text, end)
    last_listed = _BODY_HEAD_AFTER_RE.match(text, end) and _LISTED_BEFORE_RE.search(
        text, max(0, start - 40), start
    )
    if first_listed or last_listed:
        return Verdict.IN_NAME if name.major else Verdict.PART_OF_NAME
    return None


# "the English city of Bristol", "the Spanish port of Cadiz": a people's adjective
_ADJECTIVE_END_RE = re.compile(r"(?:ish|ese|ian)$")
_PLACE_NOUNS_AFTER = frozenset(
    {"city", "town", "village", "port", "capital", "island", "province", "region", "coast"}
)


def adjective_before_a_place_noun(name: NameInText) -> Verdict | None:
    """A people's adjective between an article and a place noun describes the place named
    next; a small town spelt like it is not meant.

    Example: "Police in the English city of Bristol" is no English, Indiana.
    """
    before = name.before
    if (
        name.n == 1
        and not name.major
        and before is not None
        and before.text.lower() in ("the", "a", "an")
        and name.follower in _PLACE_NOUNS_AFTER
        and _ADJECTIVE_END_RE.search(name.surface)
    ):
        return Verdict.NOT_PLACE
    return None


# Plural nouns for people that a people's or a faith's name describes: "Igbo victims",
# "Hausa traders", "Kazakh students".
_PEOPLE_AFTER = frozenset(
    {
        "victims", "residents", "people", "traders", "students", "youths", "men", "women",
        "villagers", "workers", "refugees", "settlers", "migrants", "families", "leaders",
        "elders", "militants", "fighters", "gangs", "mobs", "communities", "farmers",
        "herders", "protesters", "demonstrators", "activists", "nationalists",
    }
)  # fmt: skip


def people_adjective(name: NameInText) -> Verdict | None:
    """A lesser town reached only through another of its names, read before a plural noun
    for people, is that people's name as an adjective.

    Example: "the bodies of Igbo victims" is no Igbo-Ukwu (which GeoNames also calls Igbo);
    "Bombay residents" stays Mumbai, a major city.
    """
    best = name.candidates[0]
    if (
        name.major
        or best.match_type is MatchType.EXACT
        or name.gap_after != " "
        or name.follower not in _PEOPLE_AFTER
    ):
        return None
    return Verdict.NOT_PLACE


# "(Dutch: Witte Mars; French: Marche blanche)": a gloss in other languages
_LANGUAGE_GLOSS_BEFORE_RE = re.compile(r"\(\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*:[^()]{0,80}$")


def language_gloss(name: NameInText) -> Verdict | None:
    """Words inside a gloss of a name in other languages are that language's words, unless
    they name a major place ("Revolta de la Chișinău" still names Chișinău).

    Example: "The White March (French: Marche blanche)" is not Marche-en-Famenne.
    """
    if name.major:
        return None
    before = name.text[max(0, name.first.start - 100) : name.first.start]
    return Verdict.NOT_PLACE if _LANGUAGE_GLOSS_BEFORE_RE.search(before) else None


_LANGUAGE_USE_AFTER_RE = re.compile(r"-(?:speaking|speakers?|language|medium)\b", re.IGNORECASE)


def language_use(name: NameInText) -> Verdict | None:
    """A language's name before "-speaking" or "-language" is the language.

    Example: "in the English-Speaking Southwest" is not English, Indiana.
    """
    end = name.last.end
    return Verdict.NOT_PLACE if _LANGUAGE_USE_AFTER_RE.match(name.text, end) else None


_ORDINAL_DAY = Caseless(r"\b(?:[12]?\d|3[01])(?:st|nd|rd|th)(?: of)? $")


def day_of_a_month(name: NameInText) -> Verdict | None:
    """A name after an ordinal day is a month of another calendar (Persian, Islamic).

    Example: "on the 18th of Tir" is the Persian month, not Tyre in Lebanon.
    """
    before = name.text[max(0, name.first.start - 12) : name.first.start]
    return Verdict.NOT_PLACE if _ORDINAL_DAY.search(before) else None


def three_letter_dateline(name: NameInText) -> Verdict | None:
    """A three-letter upper-case word opening a report, followed as a dateline is.

    Example: "OSH (AFP) - Protesters ..." is Osh.
    """
    first = name.first
    if (
        name.n == 1
        and len(first.text) == 3
        and first.text.isupper()
        and _short_dateline(name.text, first)
    ):
        return Verdict.PLACE
    return None


def abbreviation(name: NameInText) -> Verdict | None:
    """An abbreviation or a short upper-case word is a place only when the gazetteer lists
    exactly that spelling for a country or region.

    Example: "U.S." and "UK" are places; "UN" and "AFP" are not; "Mo." is Missouri.
    """
    first = name.first
    if name.n != 1 or not (
        first.is_abbreviation or (len(first.text) <= 3 and first.text.isupper())
    ):
        return None
    listed = any(c.matched_name == name.surface for c in name.candidates)
    region = name.candidates[0].place.kind is not Kind.CITY
    return Verdict.PLACE if listed and region else Verdict.NOT_PLACE


# An upper-case locative before an upper-case name: the name is a headline's place.
_HEADLINE_LOCATIVE_RE = re.compile(r"(?<![^\s])(?:IN|AT|NEAR|OUTSIDE)\s$")


def upper_case(name: NameInText) -> Verdict | None:
    """Upper case names a place only in a dateline, at the head of a line and followed by a
    comma, an agency, a date or a colon, or after a headline's locative ("AT").

    Example: "BISHKEK, March 21 (AFP)" is Bishkek; "GREEN fingered youngsters" is not Green,
    Ohio, nor "UNION MOTORCADE ROUTED AT MURDOCHVILLE" Union, New Jersey.
    """
    if not all(_is_all_caps(t) for t in name.tokens[name.i : name.i + name.n]):
        return None
    after = name.text[name.last.end : name.last.end + 3]
    if _HEADLINE_LOCATIVE_RE.search(name.text, max(0, name.first.start - 8), name.first.start):
        # "UNION MOTORCADE ROUTED AT MURDOCHVILLE": a headline's place after "at" or "in"
        return Verdict.NOT_PLACE if name.ordinary(name.key) else Verdict.PLACE
    if not _line_initial(name.text, name.first.start) or after[:1] not in {",", " ", "(", ":"}:
        return Verdict.NOT_PLACE
    shouted = after[:1] == " " and after[1:2].islower()
    # "UNION MOTORCADE ROUTED", "PIAZZA STATUTO: THIRD NIGHT": a headline's first word,
    # followed by more capitals, is a place only when it is no dictionary word.
    headline = after[:1] == " " and after[1:2].isupper() and name.ordinary(name.key)
    return Verdict.NOT_PLACE if shouted or headline else Verdict.PLACE


def ordinary_word(name: NameInText) -> Verdict | None:
    """A dictionary word is a place only when the place is major, and at the start of a
    sentence (where every word has a capital) only when it is a country or continent.

    A town reached only through an alternate name that is a dictionary word is never meant
    by it: such names are nicknames and translations.

    Example: "Police said" is not Police, Poland; "Orange juice" is not Orange, California;
    "Google" is not Topeka (which once called itself so); "the Metro Center for Journalists'
    Rights" is not Metro, Indonesia, nor "Bush's visit" Būsh, Egypt; "Turkey" is the
    country, also first in a sentence.
    """
    if not name.ordinary(name.key):
        return None
    best = name.candidates[0]
    top = best.place
    if top.kind is Kind.CITY and best.match_type is not MatchType.EXACT:
        # (but a major city's English name after a locative is the city: "in Cologne")
        exonym = name.major and _locative_before(name.text, name.tokens, name.i)
        return None if exonym else Verdict.NOT_PLACE
    broad = top.kind in (Kind.COUNTRY, Kind.REGION)
    if not broad and (_heads_a_proper_name(name) or _POSSESSIVE_AFTER_RE.match(name.gap_after)):
        # "the Metro Center for Journalists' Rights"; "against Bush's visit"
        return Verdict.NOT_PLACE
    if told_as_a_town(name.text, name.first.start, name.last.end):
        return None  # "in Paramount, a largely Latino city", "in the town of Salt"
    initial = _sentence_initial(name.text, name.first.start)
    return Verdict.NOT_PLACE if not name.major or (initial and not broad) else None


_TOWN_OF_BEFORE_RE = re.compile(r"\b(?:town|city|village|port)\s+of\s$", re.IGNORECASE)
# The writer says the word is a town: ", a largely Latino city", ", the port town",
# ", Panama's Caribbean port city"
_TOWN_APPOSITIVE_RE = re.compile(
    r",\s+(?:a|an|the|[A-Z][\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:city|town|village|suburb|municipality|port)\b"
)


def told_as_a_town(text: str, start: int, end: int) -> bool:
    """Whether the writer says the name at text[start:end] is a town: "the town of Salt",
    "Paramount, a largely Latino city"."""
    return bool(
        _TOWN_APPOSITIVE_RE.match(text, end)
        or _TOWN_OF_BEFORE_RE.search(text, max(0, start - 24), start)
    )


_POSSESSIVE_AFTER_RE = re.compile(r"^['’]s?\b")


def _heads_a_proper_name(name: NameInText) -> bool:
    after = name.after
    return (
        after is not None
        and name.gap_after == " "
        and is_capitalised(after)
        and name.follower not in PLACE_FOLLOWERS
        and name.follower not in CALENDAR
    )


def generic_region(name: NameInText) -> Verdict | None:
    """A region whose name is an ordinary word counts only when it is called a region.

    Example: "Western Province" and "Centre Region" are regions; "the Centre for Human
    Rights" and "Western diplomats" are not.
    """
    top = name.candidates[0].place
    # (a name written with letters the English word lacks is not the word: "Colón", the
    # province's and its port city's name, is no colon)
    if (
        top.kind is Kind.ADMIN1
        and name.surface.isascii()
        and name.ordinary(name.key)
        and name.follower not in PLACE_FOLLOWERS
    ):
        return Verdict.NOT_PLACE
    return None


def eponym(name: NameInText) -> Verdict | None:
    """A place name heading an ordinary compound noun is that noun.

    Example: "Molotov cocktails" is not Perm (once named Molotov).
    """
    words = name.text[name.last.end : name.last.end + 24].lower().split()
    if words and (name.key, words[0].strip(".,;:")) in _EPONYMS:
        return Verdict.NOT_PLACE
    return None


def ordinary_words_in_capitals(name: NameInText) -> Verdict | None:
    """Several dictionary words in capitals are a title or a building, not a town named so,
    nor a town whose foreign name they translate.

    Example: "White House" is neither White House, Tennessee nor Casablanca (an alias that
    translates its name); "Southern District" is a court's district; "Old Town" is no name
    of Las Vegas.
    """
    if name.n == 1:
        return None
    words = [
        fold(t.text) for t in name.tokens[name.i : name.i + name.n] if t.text not in _CONNECTORS
    ]
    best = name.candidates[0]
    translated = best.place.kind is Kind.CITY and best.match_type is not MatchType.EXACT
    if translated and all(w in description_words() for w in words):
        # "Riga's Old Town" is not Las Vegas, whose sources list "Old Town" as a name
        return Verdict.NOT_PLACE
    if not all(name.ordinary(w) for w in words):
        return None
    return Verdict.NOT_PLACE if not name.major or translated else None


# Lower-case particles of family names: Arabic "al-", "el-"; "bin", "ibn"; Dutch and German
# "van", "von". A capitalised word next to one is part of a person's name.
_PARTICLE_BEFORE = re.compile(r"(?:\b(?:al|el)-|\b(?:bin|ibn|bint|van|von|der|den) )$")
_PARTICLE_AFTER = re.compile(r" (?:(?:al|el)-|(?:bin|ibn|bint|van|von) )[A-Z]")


def name_particle(name: NameInText) -> Verdict | None:
    """A name just before or after a family-name particle is part of a person's name,
    unless a locative introduces it.

    Example: "Muqtada al-Sadr" is not Sadr City; "Ahmad al-Hassan" is neither Al Ahmadi
    nor Hassan, India; "fighting in al-Hasakah" is the city.
    """
    text, start = name.text, name.first.start
    particle = _PARTICLE_BEFORE.search(text, max(0, start - 6), start)
    if particle is not None:
        preceding = text[max(0, particle.start() - 12) : particle.start()].split()
        if preceding and preceding[-1].lower() in LOCATIVES:
            return None
        return Verdict.PART_OF_NAME
    if name.n == 1 and _PARTICLE_AFTER.match(text, name.last.end):
        return Verdict.PART_OF_NAME
    return None


def organisation_noun(name: NameInText) -> Verdict | None:
    """A name beside a lower-case noun for an outlet, agency or company names that body.
    After the noun, the name is the body's whole name; before it, a major place may only
    say where the body is, and is kept as a mention inside the name.

    Example: "the reformist newspaper Salam" and "the Salam newspaper" are a newspaper;
    "Xinhua news agency" an agency; "the retailer Zara" a company; "a Moscow newspaper" is
    Moscow, named inside the outlet's name.
    """
    before = name.before
    if (
        before is not None
        and name.gap_before in (" ", ", ")
        and before.text in ORGANISATION_NOUNS
        and not (name.after is not None and name.gap_after == " " and is_capitalised(name.after))
    ):
        return Verdict.PART_OF_NAME
    after = name.after
    if after is not None and name.gap_after == " " and after.text in ORGANISATION_NOUNS:
        return Verdict.IN_NAME if name.major else Verdict.PART_OF_NAME
    return None


def title_before(name: NameInText) -> Verdict | None:
    """A name after a title is a person's.

    Example: "President Jackson", "Gen. Sherman", "Mayor Houston".
    """
    before = name.before
    if (
        before is not None
        and before.text.lower().rstrip(".") in TITLES
        and name.gap_before
        in (
            " ",
            ". ",
        )
    ):
        return Verdict.PART_OF_NAME
    return None


# The nouns after "the X" that make X a surname: "the Maldonado family", "the Bhutto clan".
_KIN_NOUNS = frozenset({"family", "families", "clan", "clans", "dynasty"})
_THE_BEFORE_NAME_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def family_name(name: NameInText) -> Verdict | None:
    """A name between "the" and "family", "clan" or "dynasty" is a surname.

    Example: "the Maldonado family" is neither Uruguay's department nor its town; "a Gaza
    family" (a family from Gaza) is left to the other rules.
    """
    if (
        name.follower not in _KIN_NOUNS
        or name.gap_after != " "
        or not _THE_BEFORE_NAME_RE.search(name.text, max(0, name.first.start - 5), name.first.start)
    ):
        return None
    return Verdict.PART_OF_NAME


def capitalised_before(name: NameInText) -> Verdict | None:
    """A name after another capitalised word is the end of a longer proper name. A major
    place after a broadcaster's acronym is named in the broadcaster's name.

    Example: "Monica Whitlock" is not Whitlock; "CTV Winnipeg" names Winnipeg in the
    broadcaster's name; "Central Asia" is not Asia alone.
    """
    before = name.before
    if (
        before is None
        or name.gap_before != " "
        or not is_capitalised(before)
        or len(before.text) == 1
        or before.text.lower() in OPENERS
        or before.is_abbreviation
        or (_sentence_initial(name.text, before.start) and fold(before.text) in name.common)
    ):
        return None
    if name.major and _is_acronym(before):
        return Verdict.IN_NAME
    return Verdict.NOT_PLACE if name.major else Verdict.PART_OF_NAME


# What a hyphenated pair of place names heads: "Charlotte-Mecklenburg Police", "the
# Dallas-Fort Worth airport" name one body or site, not the second place
_BODY_HEADS = ORGANISATION_HEADS | FACILITY_HEADS | {"police", "schools", "county", "metro"}


def hyphenated_to_a_name(name: NameInText) -> Verdict | None:
    """A name hyphenated to another and heading a body's name is part of that name.

    Example: "Charlotte-Mecklenburg Police Chief" is no Mecklenburg (an old name of
    Shepherdstown, West Virginia); "UW-Madison police" names Madison inside the name.
    """
    before, after = name.before, name.after
    if (
        before is None
        or after is None
        or name.gap_before != "-"
        or not is_capitalised(before)
        or name.gap_after != " "
        or after.text.lower() not in _BODY_HEADS
    ):
        return None
    # ("UW-Madison police": a well-known place stays named inside the body's name)
    return Verdict.IN_NAME if name.major else Verdict.PART_OF_NAME


def cut_from_a_longer_name(name: NameInText) -> Verdict | None:
    """A name hyphenated to a capitalised word the gazetteer does not continue with is
    only the head of a longer name, unless it is the place's own name.

    Example: "Sainte" of "Sainte-Soline" is no Saint-Étienne (whose nickname it is).
    """
    after = name.after
    if after is None or name.gap_after != "-" or not is_capitalised(after):
        return None
    # (the best reading's own name: "Ala-Too Square" is no Alabama, whatever town is
    # called Ala)
    own_name = fold(name.candidates[0].place.name) == name.key if name.candidates else False
    return None if own_name else Verdict.PART_OF_NAME


# "Robert F. Kennedy", "George W. Bush": a given name and a middle initial
_MIDDLE_INITIAL_BEFORE_RE = re.compile(r"[A-Z][a-z]+\s+[A-Z]\.\s+$")


def middle_initial_before(name: NameInText) -> Verdict | None:
    """A name after a given name and a middle initial is a surname.

    Example: "Senator Robert F. Kennedy" is not Kennedy, the locality of Bogotá.
    """
    start = name.first.start
    if _MIDDLE_INITIAL_BEFORE_RE.search(name.text, max(0, start - 30), start):
        return Verdict.PART_OF_NAME
    return None


def capitalised_after(name: NameInText) -> Verdict | None:
    """A name before another capitalised word heads a longer proper name. A well-known
    place heading a building's name is where the building stands; heading an
    organisation's, it is named in the name; a lesser one is as likely a surname.

    Example: "Toronto General Hospital" is in Toronto; "Kyrgyzstan Service" names
    Kyrgyzstan; "Edmonton Oilers" is a team; "Jordan Peterson" and "Campbell Soup Company"
    are not places.
    """
    after = name.after
    if (
        after is None
        or name.gap_after != " "
        or not is_capitalised(after)
        or len(after.text) == 1
        or after.text.isupper()  # "California DMV", "Calgary MLA"
        or name.follower in PLACE_FOLLOWERS
        or name.follower in CALENDAR
    ):
        return None
    if after.text.lower() in _FEATURE_HEADS:
        return Verdict.NOT_PLACE  # "Minamata Bay": the water, not the town, nor a person
    head = _name_head(name.text, name.tokens, name.i + name.n)
    if head in _HOTEL_HEADS:
        # "the Phuket Merlin Hotel" is no person's name, nor is "the Palestine Hotel" in
        # Palestine: a hotel's name says nothing of the place either way
        return Verdict.NOT_PLACE
    if head in FACILITY_HEADS or head in _LOWER_CASE_HEADS:
        return Verdict.PLACE if name.major else Verdict.NOT_PLACE
    if head in ORGANISATION_HEADS:
        return Verdict.IN_NAME if name.major else Verdict.NOT_PLACE
    return Verdict.NOT_PLACE if name.major else Verdict.PART_OF_NAME


_HOTEL_HEADS = frozenset({"hotel", "hotels"})
# Lower-case heads that end a capitalised name as a building's: "Auckland Central police
# station", "the Kabul Polytechnic campus" (a word the rest of the name modifies)
_LOWER_CASE_HEADS = frozenset({"police", "campus", "station", "hospital", "prison", "stadium"})


# Natural features named after a town: a bay, a river or a valley is no person's surname,
# so such a name says nothing of what the town's name means elsewhere in the story.
_FEATURE_HEADS = frozenset(
    {"bay", "gulf", "river", "lake", "valley", "strait", "straits", "sea", "harbour", "harbor"}
)


# Particles inside Romance names ("Abreu e Lima", "Trinta di Mei", "Gobernación de
# Antioquia"). "e" joins two names as "and" does and is no English word, so it speaks even
# before a major place's own name; the others only before a lesser place or another name of
# a major one ("Universidad de Buenos Aires" still names the city).
_INNER_PARTICLES = frozenset({"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des"})
_JOINING_PARTICLE = "e"


# Connectors that join the words of a building's or body's name ("Palacio de Justicia",
# "Bank of Uganda"), but not a list ("and").
_NAME_CONNECTORS = frozenset({"de", "del", "di", "da", "do", "dos", "das", "du", "la", "of"})


# Romance connectors, and the articles that may follow them ("de los", "de la").
_ROMANCE_CONNECTORS = frozenset({"de", "del", "da", "do", "dos", "das"})
_ARTICLES = frozenset({"los", "las", "la", "el", "le", "les", "lo"})


def continued_by_connector(name: NameInText) -> Verdict | None:
    """A place's name followed by "de", "of" and a capitalised word heads a longer name that
    the gazetteer does not know. A major place's name counts only before a Romance
    connector ("San Antonio de los Baños" is a Cuban town, not San Antonio in Texas; the
    gazetteer's own longer names, "Rio de Janeiro", are matched whole first).

    Example: "el Palacio de Justicia" is a court house, not Palacio in Spain.
    """
    joined = name.follower == _JOINING_PARTICLE  # "Abreu e Lima": no English word
    if name.gap_after != " " or (name.follower not in _NAME_CONNECTORS and not joined):
        return None
    if name.major and name.follower not in _ROMANCE_CONNECTORS and not joined:
        return None
    j = name.i + name.n + 1
    while j < len(name.tokens) - 1 and name.tokens[j].text.lower() in _ARTICLES:
        j += 1  # "de los Baños"
    if j < len(name.tokens) and _joined(name.text, name.tokens[j - 1], name.tokens[j]):
        nxt = name.tokens[j]
        if is_capitalised(nxt) and nxt.text.lower() not in CALENDAR:
            return Verdict.NOT_PLACE
    return None


def after_a_connector(name: NameInText) -> Verdict | None:
    """A name after a capitalised word and a Romance particle ends a longer name the
    gazetteer does not know: a town, a square or an event named after a date.

    Example: "Abreu e Lima, a town near Recife" is not Lima in Peru; "Trinta di Mei" (the
    thirtieth of May) is not Meizhou. After a titled person's given names even a major
    place's own name is a surname: "President Jose Eduardo dos Santos" is not Santos.
    """
    if name.i < 2 or name.gap_before != " ":
        return None
    particle, head = name.tokens[name.i - 1], name.tokens[name.i - 2]
    word = particle.text
    if name.text[head.end : particle.start] != " " or not is_capitalised(head):
        return None
    if word == _JOINING_PARTICLE:
        return Verdict.NOT_PLACE
    if word not in _INNER_PARTICLES:
        return None
    own_major = name.major and name.candidates[0].match_type is MatchType.EXACT
    return Verdict.NOT_PLACE if not own_major or _after_titled_names(name) else None


_MAX_GIVEN_NAMES = 3


def _after_titled_names(name: NameInText) -> bool:
    """Whether the particle before the name follows a title and up to three given names
    ("President Jose Eduardo dos", "Gen. Humberto de")."""
    tokens, j = name.tokens, name.i - 2  # the capitalised word before the particle
    for _ in range(_MAX_GIVEN_NAMES):
        if j < 1 or not is_capitalised(tokens[j - 1]):
            return False
        gap = name.text[tokens[j - 1].end : tokens[j].start]
        if tokens[j - 1].text.lower().rstrip(".") in TITLES and gap in (" ", ". "):
            return True
        if gap != " ":
            return False
        j -= 1
    return False


# A street's or square's word, with the connector its language puts before a name: "Plaza
# de", "Avenida", "Rue de la", "Praça da", "Piazza", "Boulevard".
_STREET_BEFORE_RE = re.compile(
    r"\b(?:Plaza|Plazuela|Pra[çc]a|Piazza|Piazzale|Place|Platz|Avenida|Avenue|Av\.|Calle|"
    r"Carrera|Rua|Rue|Via|Viale|Boulevard|Bulevar|Paseo|Largo|Ulitsa|Prospekt|Maidan|"
    # stations named after where their trains go: "Gare du Nord", "Stazione di Roma"
    r"Square|Street|Road|Gare|Estaci[oó]n|Stazione|Bahnhof|"
    # "the church of Santo Domingo in Quito": a church is named after its saint
    r"[Cc]hurch|[Cc]athedral|[Cc]hapel|[Bb]asilica|[Mm]onastery|[Cc]onvent|[Ss]hrine)\s+"
    r"(?:(?:de|del|de\s+la|de\s+los|de\s+las|da|do|das|dos|di|della|"
    r"du|des|de\s+l'|of|of\s+the)\s+)?$"
    # "at the corner of Sherbrooke and Saint-Denis streets", "the intersection of Florence
    # and Normandie avenues"
    r"|\b(?:corner|intersection|junction)\s+of\s+$"
)
# The word after a name that makes it a street's or square's: "Tahrir Square".
_STREET_AFTER = frozenset(
    {"square", "street", "avenue", "road", "boulevard", "roundabout", "plaza", "lane"}
)
_STREETS_AFTER = frozenset({"streets", "avenues", "roads", "boulevards"})
_LOWER_CASE_STREET_WORDS = frozenset({"street", "avenue", "boulevard", "lane", "square"})
# A name that ends in one of these is a street's, whatever else the gazetteer calls so.
_STREET_WORDS = frozenset({"street", "avenue", "road", "boulevard", "lane"})


# Streets named with a suffix: Korean "-ro", "-daero", "-gil"; Chinese "-lu"; Japanese
# "-dori"
_STREET_SUFFIX_RE = re.compile(r"-(?:ro|daero|gil|lu|d[oō]ri)\b")


def street_or_square(name: NameInText) -> Verdict | None:
    """A name inside a street's or square's name is not the place it honours.

    Example: "in the Plaza de Bolívar" is a square in Bogotá, not Bolívar department;
    "Avenida Brasil", "Rue de Paris" and "Pearl Roundabout" are streets and squares, and
    "South Grand Boulevard" a street, not the Chicago area of that name.
    """
    before = name.text[max(0, name.first.start - 24) : name.first.start]
    if _STREET_BEFORE_RE.search(before):
        return Verdict.NOT_PLACE
    if name.n > 1 and name.last.text.lower() in _STREET_WORDS:
        return Verdict.NOT_PLACE  # "South Grand Boulevard" in St Louis is no Chicago area
    if _STREET_SUFFIX_RE.match(name.text, name.last.end):
        return Verdict.NOT_PLACE  # "Sejong-ro" in Seoul is no Sejong City
    after = name.after
    # ("Baquedano street", as some outlets write it; but "the Kabul road" leads to Kabul)
    written_as_street = after is not None and (
        is_capitalised(after) or name.follower in _LOWER_CASE_STREET_WORDS
    )
    street = written_as_street and name.follower in _STREET_AFTER
    # "at the corner of Sherbrooke and Saint-Denis streets" (either name)
    streets = name.follower in _STREETS_AFTER or bool(
        _AND_STREETS_AFTER_RE.match(name.text, name.last.end)
    )
    if street and name.gap_after in ("'s ", "’s "):
        return Verdict.NOT_PLACE  # "St Peter's Square" in Manchester is no Saint Peter
    return Verdict.NOT_PLACE if (street or streets) and name.gap_after == " " else None


# " and Federal streets": the other street of a pair the name is the first of ("the
# Lichtenburg and Vryburg roads" lead to those towns)
_AND_STREETS_AFTER_RE = re.compile(rf",?\s+and\s+{_LIST_NAME}\s+(?:streets|avenues)\b")


# "on the Huallaga river": a river's name, whatever the gazetteer calls so
_WATER_AFTER = frozenset({"river", "rivers", "creek", "canal"})
# "crossed the snow-covered Bolu mountains": a range named after a town, however large
# ("the Darjeeling hills" are where Darjeeling stands)
_RANGE_AFTER = frozenset({"mountains", "range"})
# "in front of the Candelária church in Rio de Janeiro": a building's own name, when the
# place the building stands in follows it
_FACILITY_IN_A_PLACE_RE = re.compile(
    r" (?:church|cathedral|chapel|basilica|mosque|temple|monastery|shrine|stadium|"
    r"arena|hall|barracks|prison|hospital|market|bridge|station|campus) (?:in|at|of) "
    r"(?:the )?[A-Z\u00c0-\u00de]"
)


def named_feature(name: NameInText) -> Verdict | None:
    """A lesser place's name before "river" names the river; a name before a building's
    noun and the place the building stands in names the building, and so does a
    possessive before a building's capitalised noun.

    Example: "In Yurimaguas, on the Huallaga river" is no Huallaga airport; "the
    Candelária church in Rio de Janeiro" is no Candelária, the town in Rio Grande do Sul;
    "St George's Cathedral" in Cape Town is no St. George, Utah.
    """
    if name.gap_after == " " and name.follower in _WATER_AFTER and not name.major:
        return Verdict.NOT_PLACE
    if name.gap_after == " " and name.follower in _RANGE_AFTER:
        return Verdict.NOT_PLACE
    if _FACILITY_IN_A_PLACE_RE.match(name.text, name.last.end):
        return Verdict.NOT_PLACE
    if name.gap_after in ("'s ", "’s ") and _names_a_building(name):
        return Verdict.NOT_PLACE
    return None


def _names_a_building(name: NameInText) -> bool:
    """ "St George's Cathedral", "Guy's Hospital": a possessive before a capitalised
    building noun names whom the building honours. (A town's possessive is followed by
    the building's own name or a lower-case noun: "Cape Town's Grand Parade", "Kaduna's
    refinery".)"""
    after = name.after
    return after is not None and is_capitalised(after) and name.follower in FACILITY_HEADS


def speech_verb_after(name: NameInText) -> Verdict | None:
    """A lesser place's name before "said", "told" or "reported" is a person or an outlet,
    unless a locative puts it as a place ("a hospital worker in Wete said", "Residents of
    Chake Chake said").

    Example: "Castro said", "Xinhua reported".
    """
    if name.gap_after != " " or name.follower not in SPEECH_VERBS or name.major:
        return None
    before = name.before
    if before is not None and name.gap_before == " " and before.text.lower() in _PLACE_WORDS_BEFORE:
        return None
    return Verdict.PART_OF_NAME


PlaceRule = Callable[[NameInText], "Verdict | None"]

# The rules that tell a person's or an organisation's name from a place's, also used by the
# linter to leave names alone.
NAME_RULES: tuple[PlaceRule, ...] = (
    name_particle,
    organisation_noun,
    title_before,
    family_name,
    capitalised_before,
    middle_initial_before,
    hyphenated_to_a_name,
    cut_from_a_longer_name,
    capitalised_after,
    continued_by_connector,
    after_a_connector,
    speech_verb_after,
)
# The order matters: the first rule with a verdict decides; the name rules come last.
RECOGNITION_RULES: tuple[PlaceRule, ...] = (
    calendar_word,
    month_abbreviation,
    day_of_a_month,
    generic_quarter,
    quarter_suffix,
    adjective_before_a_place_noun,
    people_adjective,
    body_named_for_places,
    language_gloss,
    language_use,
    street_or_square,
    named_feature,
    three_letter_dateline,
    abbreviation,
    upper_case,
    ordinary_word,
    generic_region,
    eponym,
    ordinary_words_in_capitals,
    *NAME_RULES,
)
NO_RULE = "gazetteer_name"  # no rule spoke: a gazetteer name is a place


def judge(name: NameInText) -> tuple[Verdict, str]:
    """The first verdict of RECOGNITION_RULES on `name`, and the rule's name."""
    for rule in RECOGNITION_RULES:
        verdict = rule(name)
        if verdict is not None:
            return verdict, rule.__name__
    return Verdict.PLACE, NO_RULE


def in_a_name(text: str, tokens: Sequence[Token], i: int, n: int) -> bool:
    """Whether tokens[i : i + n] (no gazetteer name) stand inside a person's or an
    organisation's name, by the NAME_RULES; the linter leaves such words alone."""
    name = NameInText.of(text, tokens, i, n, (), frozenset())
    return any(rule(name) is not None for rule in NAME_RULES)


# Reading screens: before the rules judge a name, each screen drops the readings the name
# cannot have as written. A name left with none is no place.
# A screen reads the text, the name's offsets, its readings and the gazetteer.
ReadingScreen = Callable[[str, int, int, Sequence[Candidate], Gazetteer], Sequence[Candidate]]


def dotted_abbreviation(
    text: str, start: int, end: int, candidates: Sequence[Candidate], gaz: Gazetteer
) -> Sequence[Candidate]:
    """A dotted abbreviation written without its dot is not read as the abbreviation at the
    start of a sentence, where an ordinary word has a capital too.

    Example: "Mass protests broke out" is not Mass. (Massachusetts); "Mass." and "EDMONTON,
    Ky -" are.
    """
    undotted = [c for c in candidates if not c.matched_name.endswith(".")]
    if len(undotted) == len(candidates) or text[end - 1] == ".":
        return candidates
    return undotted if _sentence_initial(text, start) else candidates


def people_of_a_country(
    text: str, start: int, end: int, candidates: Sequence[Candidate], gaz: Gazetteer
) -> Sequence[Candidate]:
    """The people of a country named "<people>stan" are not a town that shares the word.

    Example: "Kazakh police" is neither Petropavl (which lists "Kazakh" as a name) nor
    Gazakh in Azerbaijan; "Kurd" is no village in Iran.
    """
    key = fold(text[start:end])
    if " " in key:
        return candidates
    # (a country or region: "Bostan", a town, makes no people of "Bo", a city of Sierra Leone)
    stans = (
        gaz.place(i)
        for i in (*gaz.places_for_key(key + "stan"), *gaz.places_for_key(key + "istan"))
    )
    if not any(p is not None and p.kind is not Kind.CITY for p in stans):
        return candidates
    return [c for c in candidates if c.place.kind is Kind.COUNTRY]


def country_by_spelling_drift(
    text: str, start: int, end: int, candidates: Sequence[Candidate], gaz: Gazetteer
) -> Sequence[Candidate]:
    """A country is not read through spelling drift: writers spell countries' names as
    they are known, and a word that drifts into a foreign name of one is something else.

    Example: "Imran Khan" is no South Korea ("Han" after "kh" folds to "h").
    """
    return [
        c
        for c in candidates
        if not (c.place.kind is Kind.COUNTRY and c.match_type is MatchType.TRANSLITERATED)
    ]


def two_letters_as_spelt(
    text: str, start: int, end: int, candidates: Sequence[Candidate], gaz: Gazetteer
) -> Sequence[Candidate]:
    """A two-letter name is read only as the gazetteer spells it, accents and all: so short
    a word matches too much by folding.

    Example: "In Bo, the main town of the south" is Bo in Sierra Leone; "Al-Ahram" is no
    Ål in Norway.
    """
    surface = text[start:end].rstrip(".").casefold()  # ("Ky." is Kentucky's own spelling)
    if len(surface) > 2:
        return candidates
    return [c for c in candidates if c.matched_name.rstrip(".").casefold() == surface]


READING_SCREENS: tuple[ReadingScreen, ...] = (
    two_letters_as_spelt,
    dotted_abbreviation,
    people_of_a_country,
    country_by_spelling_drift,
)
# The screens that read only the name as written, and those that read the text around it.
# Each screen drops readings one by one, whatever the others keep, so they may run in any
# order: the first kind's answer for a spelling holds wherever it stands, and is kept.
_SPELLING_SCREENS = (two_letters_as_spelt, people_of_a_country, country_by_spelling_drift)
_CONTEXT_SCREENS = (dotted_abbreviation,)
assert set(_SPELLING_SCREENS + _CONTEXT_SCREENS) == set(READING_SCREENS)


@lru_cache(maxsize=1 << 16)
def _readings_as_spelt(surface: str, gaz: Gazetteer) -> tuple[Candidate, ...]:
    """The readings of the gazetteer name `surface` (as _longest_match_in_run finds them)
    that the spelling screens leave. Names recur across a corpus; each is screened once."""
    candidates: Sequence[Candidate] = gaz.lookup(surface, fuzzy=False, limit=25)
    for screen in _SPELLING_SCREENS:
        candidates = screen(surface, 0, len(surface), candidates, gaz)
    return tuple(candidates)


def _readings(
    text: str, start: int, end: int, candidates: Sequence[Candidate], gaz: Gazetteer
) -> tuple[Candidate, ...]:
    """The readings that the context screens leave of the name at text[start:end]."""
    for screen in _CONTEXT_SCREENS:
        candidates = screen(text, start, end, candidates, gaz)
    return tuple(candidates)


def _is_acronym(token: Token) -> bool:
    return 2 <= len(token.text) <= 5 and token.text.isupper() and not token.is_abbreviation


_ORGANISATION_NAME_WORDS = 4


def _name_head(text: str, tokens: Sequence[Token], j: int) -> str:
    """The head noun of the capitalised words from token j on, if it is one of a building or
    an organisation ("(Toronto) General Hospital", "(Alberta) Liquor Store Association");
    else ""."""
    for k in range(j, min(len(tokens), j + _ORGANISATION_NAME_WORDS)):
        token = tokens[k]
        if k > j and not is_capitalised(token) and token.text in _LOWER_CASE_HEADS:
            return token.text  # "(Auckland) Central police station": a building's after all
        if not is_capitalised(token) or (k > j and text[tokens[k - 1].end : token.start] != " "):
            return ""
        word = token.text.lower()
        if word in ORGANISATION_HEADS or word in FACILITY_HEADS or word in _HOTEL_HEADS:
            return word
    return ""


def resolve_mentions(
    text: str, spans: Sequence[SpanCandidates], *, focus_countries: Iterable[str] = ()
) -> list[PlaceMention]:
    """Pick one place per span, using what the whole document says.

    Four signals lift a candidate over its gazetteer rank: the document's country focus
    (countries of its other place names, one vote per distinct name so that a name
    repeated ten times cannot vote for itself, and countries it names outright), regions it
    names (a city inside a mentioned state or oblast), nearness to the document's other
    places (Edmonton beside Enfield is the London one), and the "Place, Region" pattern
    ("London, Ontario"), which settles the name outright. Two rounds let the choices
    settle on each other.
    """
    if not spans:
        return []
    chosen = [s.candidates[0] for s in spans]
    named_countries = Counter(
        s.candidates[0].place.country_code
        for s in spans
        if s.candidates[0].place.kind is Kind.COUNTRY
    )
    # What each name gives the focus as a country named outright: a name cannot vote for
    # itself ("Congo" three times is no evidence for either Congo)
    self_named = Counter(
        (fold(s.text), s.candidates[0].place.country_code)
        for s in spans
        if s.candidates[0].place.kind is Kind.COUNTRY
    )
    bias = Counter(focus_countries)
    rounds = 2 if any(len(s.candidates) > 1 for s in spans) else 0
    peoples = _peoples_named(text) if rounds else Counter[str]()
    layout = _Layout(text, spans) if rounds else None
    for _ in range(rounds):
        assert layout is not None
        votes = {key: c.place.country_code for key, c in zip(layout.keys, chosen, strict=True)}
        focus = Counter(cc for cc in votes.values() if cc)
        focus.update({cc: _NAMED_COUNTRY_WEIGHT * n for cc, n in named_countries.items()})
        # the dateline says where the story is told from, and usually where it happens
        focus.update(
            {
                c.place.country_code: _DATELINE_WEIGHT
                for s, c in zip(spans, chosen, strict=True)
                if c.place.country_code and is_dateline(text, s.start, s.text)
            }
        )
        focus.update({cc: 5 * n for cc, n in bias.items()})
        focus.update(peoples)
        context = _Context(layout, chosen, focus, votes, self_named)
        settled = _one_sense_per_name(spans, context)
        if settled == chosen:
            break  # another round would see the same evidence
        chosen = settled
    return [
        PlaceMention(
            text=span.text,
            start=span.start,
            end=span.end,
            place=c.place,
            score=c.score,
            match_type=c.match_type,
            in_name=span.in_name,
        )
        for span, c in zip(spans, chosen, strict=True)
    ]


# A capitalised word long enough to be a demonym ("Guyanese", "Thai" is too short to tell
# from a name's first part).
# (\b before the capital, written as a look-behind after it: a pattern that opens with a
# character class is scanned for that class alone, twice as fast over a whole text)
_CAPITALISED_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]{4,}\b")


def _peoples_named(text: str) -> Counter[str]:
    """The countries whose people the text names ("Guyanese"), each weighed once as a
    country named outright: a story told from Georgetown may speak of Guyanese strikers and
    never name Guyana."""
    demonyms = Capitals.default().demonyms
    return Counter(
        {
            demonyms[key]: _NAMED_COUNTRY_WEIGHT
            for word in set(_CAPITALISED_WORD.findall(text))
            if (key := fold(word)) in demonyms
        }
    )


_RESOLVE_DEPTH = 8
# Places that lie inside one first-level region and near their neighbours: towns, counties.
_LOCAL = frozenset({Kind.CITY, Kind.ADMIN2})


def _one_sense_per_name(spans: Sequence[SpanCandidates], context: _Context) -> list[Candidate]:
    """Every mention of one name in a document means one place, chosen on all evidence.

    "GLASGOW, Ky." in the dateline settles every later "Glasgow" in the story.
    """
    chosen: list[Candidate] = list(context.chosen)
    for name in context.layout.names:
        best = _best_reading(spans[name.indexes[0]].candidates, name, context)
        for i in name.indexes:
            chosen[i] = _same_place(spans[i].candidates, best)
    return chosen


def _best_reading(candidates: Sequence[Candidate], name: _Name, context: _Context) -> Candidate:
    """The reading of one name that the document's evidence favours."""
    # A bare upper-case dateline ("WASHINGTON -") is a city that needs no state: wire
    # style qualifies every other one ("HOLLIDAY, Mo."), so no lesser namesake is sought.
    regions = set() if name.bare_dateline else context.regions
    options = _options(candidates, regions)
    if len(options) > 1:  # (no rule drops every reading: one reading is the answer)
        options = _narrowed(options, name, regions, context)
    if len(options) == 1:
        return options[0]
    return max(options, key=partial(_total, name=name, context=context))


def _narrowed(
    options: Sequence[Candidate], name: _Name, regions: set[tuple[str, str]], context: _Context
) -> Sequence[Candidate]:
    """The readings left to rank once a qualifier or the reading rules have spoken."""
    # A region after the name ("Berlin, N.H.") settles it against the reading rules; a
    # list of towns ("Berlin, Frankfurt, London") does not. Where the region fits several
    # readings ("JULIACA, Peru" fits Juliaca and Juli, a town that lists its name), the
    # rules choose among those.
    fitting = (
        [c for c in options if any(context.qualifier_boost(i, c.place) for i in name.qualified)]
        if name.qualified
        else []
    )
    if len(fitting) == 1:
        return options  # the qualifier's boost ranks the one that fits
    evidence = ReadingEvidence(
        regions,
        partial(context.local_neighbours, name.key),
        context.named_countries,
        context.countries_besides(name.key),
    )
    options = fitting or options
    for rule in READING_RULES:
        options = rule(options, evidence)
    return options


def _total(c: Candidate, name: _Name, context: _Context) -> tuple[float, int]:
    """Best single mention plus the average over all mentions of the name. The document's
    evidence is the same for every mention; only a qualifier after one mention ("Paris,
    Texas") sets it apart."""
    base = c.score + context.document_bonus(name.key, c.place)
    if not name.qualified:
        return 2 * base, -c.place.geonameid  # (as below: adding no boosts adds 0.0)
    boosts = [context.qualifier_boost(i, c.place) for i in name.qualified]
    n = len(name.indexes)
    return 2 * base + max(boosts, default=0.0) + sum(boosts) / n, -c.place.geonameid


_WHOLE_COUNTRY = "*"  # a "region" that is a whole small country
_SMALL_COUNTRY = 2_000_000  # people: as many as a large region of a big country


def _in_regions(place: Place, regions: set[tuple[str, str]]) -> bool:
    """Whether the place lies in one of the named regions (or small countries)."""
    return (place.country_code, place.admin1_code) in regions or (
        place.country_code,
        _WHOLE_COUNTRY,
    ) in regions


def _local_in_regions(place: Place, regions: set[tuple[str, str]]) -> bool:
    """Whether a town or district lies in one of the named regions, or a first-level
    division in a small country named: Bermuda's parishes (Southampton, Devonshire) are as
    local as a large country's districts."""
    if place.kind in _LOCAL:
        return _in_regions(place, regions)
    return place.kind is Kind.ADMIN1 and (place.country_code, _WHOLE_COUNTRY) in regions


def _options(candidates: Sequence[Candidate], regions: set[tuple[str, str]]) -> Sequence[Candidate]:
    """The candidates worth ranking: the best few, and any town inside a region the document
    names, however far down the list ("Paris" in a story about Missouri is the ninth Paris)."""
    head = candidates[:_RESOLVE_DEPTH]
    if not regions:
        return head
    inside = [c for c in candidates[_RESOLVE_DEPTH:] if _local_in_regions(c.place, regions)]
    return [*head, *inside] if inside else head


# Resolution rules: each narrows the readings of a name that no qualifier settles, before
# the document's evidence (its countries, named regions, nearby places) ranks them. A
# reading is kept when a rule has no reason to drop it; no rule drops every reading.
@dataclass(frozen=True)
class ReadingEvidence:
    """What the rest of the document says that the reading rules may use."""

    regions: set[tuple[str, str]]  # (country, admin1) of the first-level regions it names
    # its other places within 150 km of a place, the world cities listed with it left out
    neighbours: Callable[[Place], int]
    countries: frozenset[str] = frozenset()  # the countries it names outright
    # the countries its other names were first read in
    other_countries: frozenset[str] = frozenset()


ReadingRule = Callable[[Sequence[Candidate], ReadingEvidence], Sequence[Candidate]]


def country_over_towns(
    options: Sequence[Candidate], evidence: ReadingEvidence
) -> Sequence[Candidate]:
    """A name whose best reading is a country is the country, not a town of that name,
    nor a province or district of that country named after it.

    Example: "Turkey" is the country, not New Providence, New Jersey (once called Turkey),
    however many American cities the text lists; "Mexico" is the country, not its capital
    or the State of Mexico; "Panama" beside Panama City and Chame is the country, though
    the Distrito de Panamá lies near both. ("Georgia" may still be the American state: it
    is no part of the country.)
    """
    if not options or options[0].place.kind is not Kind.COUNTRY:
        return options
    country = options[0].place.country_code
    return [
        c
        for c in options
        if c.place.kind is not Kind.CITY
        and not (c.place.kind in _ADMIN_KINDS and c.place.country_code == country)
    ]


_ADMIN_KINDS = frozenset({Kind.ADMIN1, Kind.ADMIN2})


_DWARFED = 10  # a namesake this many times smaller than the well-known city
_WORLD_CITY = 500_000
_METROPOLIS = 5_000_000


def _in_named_region(place: Place, evidence: ReadingEvidence) -> bool:
    return _in_regions(place, evidence.regions)


def well_known_over_villages(
    options: Sequence[Candidate], evidence: ReadingEvidence
) -> Sequence[Candidate]:
    """A village (under 10,000 people and a tenth the size of the well-known city the name
    best reads as) is meant only where the document names its region.

    Example: "Berlin" beside New York and Newark is Germany's capital, not Berlin, New
    Jersey, though that is near both; "Paris" in a story that names Missouri is Paris,
    Missouri; "Lázaro Cárdenas" in a story naming Mexico City is the Michoacán port, not the
    municipality of 2,389 in Tlaxcala near the capital.
    """
    towns = [c for c in options if c.place.kind is Kind.CITY]
    if not towns or not is_major(towns[0].place):
        return options
    floor = min(_SMALL_PLACE, towns[0].place.population / _DWARFED)
    return [
        c
        for c in options
        if not _a_village(c.place)
        or c.place.population >= floor
        or _in_named_region(c.place, evidence)
    ]


def _a_village(place: Place) -> bool:
    # A municipality of a few thousand counts as its village ("Lázaro Cárdenas" in
    # Tlaxcala, 2,389 people, beside the Michoacán port of 196,000); one whose population
    # the gazetteer does not know is no village for it.
    return place.kind is Kind.CITY or (place.kind is Kind.ADMIN2 and place.population > 0)


def world_city_over_distant_towns(
    options: Sequence[Candidate], evidence: ReadingEvidence
) -> Sequence[Candidate]:
    """Beside a city of half a million or more, a lesser town of the same name is meant only
    where the document names its country or region, or another place near it: the
    country's other towns far away are no evidence, nor a world city listed with it.

    Example: "Dublin" beside New York and Boston is Ireland's capital, not Dublin, Ohio;
    "Vienna" in a list with London and Washington is Austria's, not Vienna, Virginia;
    "Edmonton" beside Enfield and Tottenham, or in a story that names the UK, is the London
    district; "Paris" beside Brantford is Paris, Ontario.
    """
    towns = [c for c in options if c.place.kind is Kind.CITY]
    if not towns or towns[0].place.population < _WORLD_CITY:
        return options
    # Beside a metropolis ("London"), the country named is too little: every American
    # story names the United States, and London, Ohio is not meant by it.
    country_is_enough = towns[0].place.population < _METROPOLIS
    return [
        c
        for c in options
        if c is towns[0]
        or c.place.kind is not Kind.CITY
        or is_major(c.place)
        or _in_named_region(c.place, evidence)
        or (country_is_enough and c.place.country_code in evidence.countries)
        or evidence.neighbours(c.place) > 0
    ]


def own_name_over_aliases(
    options: Sequence[Candidate], evidence: ReadingEvidence
) -> Sequence[Candidate]:
    """When the best reading is a major city called exactly so, another town reached only
    through one of its alternate names is meant only where the document names its region.

    Example: "Çorum" is the city of Çorum, not Çorlu (a source lists "Çorum" among Çorlu's
    names), though Çorlu lies near other towns of the story; "Newcastle" may still be
    Newcastle upon Tyne, whose name it shortens; "Westminster" beside London is the City of
    Westminster, as Westminster, Colorado, lies near nothing the story names.
    """
    if not options:
        return options
    best = options[0]
    if (
        best.place.kind is not Kind.CITY
        or best.match_type is not MatchType.EXACT
        or not is_major(best.place)
    ):
        return options
    # A best reading far from everything else the story names, in a country it never names
    # ("Westminster", Colorado, in a story about London), leaves room for an alias that lies
    # among the story's places.
    story = evidence.countries | evidence.other_countries
    isolated = evidence.neighbours(best.place) == 0 and best.place.country_code not in story
    # A world city called exactly so ("Belo Horizonte") is not lost to a town that lists
    # its name among its own, though the story names that town's region; nor is a city in
    # the region named, which is as much evidence for it ("Juliaca" in a story that names
    # Puno is the city, not Juli, a town by Lake Titicaca that lists the name).
    region_counts = best.place.population < _WORLD_CITY and not _in_named_region(
        best.place, evidence
    )
    return [
        c
        for c in options
        if c.place.kind is not Kind.CITY
        or c.match_type is MatchType.EXACT
        # a short form of the town's own name ("Newcastle" of Newcastle upon Tyne)
        or fold(c.place.name).startswith(fold(c.matched_name))
        or (region_counts and _in_named_region(c.place, evidence))
        or (isolated and evidence.neighbours(c.place) > 0)
    ]


def city_over_its_countrys_foreign_name(
    options: Sequence[Candidate], evidence: ReadingEvidence
) -> Sequence[Candidate]:
    """A major city called exactly so is meant, not its own country reached only through
    one of the country's foreign-language names.

    Example: "Brasília" is Brazil's capital, though "Brasilia" is Brazil in Italian;
    "Kuwait" and "Djibouti" stay the countries, which they name exactly.
    """
    if not options or options[0].place.kind is not Kind.COUNTRY:
        return options
    country = options[0]
    if country.match_type is MatchType.EXACT:
        return options
    # (any country's: "Granada" is the Spanish city, not Grenada by its Spanish name)
    own_city = any(
        c.place.kind is Kind.CITY and c.match_type is MatchType.EXACT and is_major(c.place)
        for c in options
    )
    return [c for c in options if c is not country] if own_city else options


def national_capital_over_dwarfed_namesakes(
    options: Sequence[Candidate], evidence: ReadingEvidence
) -> Sequence[Candidate]:
    """The capital of a country the story names or is set in is meant, not a town a tenth
    its size, even in a region the story names.

    Example: "rallied outside the White House in Washington" in a story that names Chicago
    and Illinois is the capital, not Washington, Illinois; "Paris" in a story about
    Missouri that never names France may still be Paris, Missouri.
    """
    story = evidence.countries | evidence.other_countries
    capitals = Capitals.default().national_capitals
    capital = next(
        (
            c.place
            for c in options
            if c.place.geonameid in capitals and c.place.country_code in story
        ),
        None,
    )
    if capital is None:
        return options
    floor = capital.population / _DWARFED
    return [
        c
        for c in options
        if c.place is capital or c.place.kind is not Kind.CITY or c.place.population >= floor
    ]


READING_RULES: tuple[ReadingRule, ...] = (
    city_over_its_countrys_foreign_name,
    country_over_towns,
    national_capital_over_dwarfed_namesakes,
    well_known_over_villages,
    world_city_over_distant_towns,
    own_name_over_aliases,
)


def _same_place(candidates: Sequence[Candidate], best: Candidate) -> Candidate:
    for c in candidates:
        if c.place.geonameid == best.place.geonameid:
            return c
    return best


_NEAR_KM = 150.0
_NEAR_DEGREES = _NEAR_KM / 111.0
# Two points nearer than _NEAR_KM are nearer than this in a straight line through the Earth
# (the chord that great_circle_km's sphere gives, with a margin for rounding); so in a grid
# of cubes of this size, a place's neighbours lie in the 27 cubes around its own.
_NEAR_CHORD_KM = 12742.0 * math.sin(_NEAR_KM / 12742.0) * 1.001
_MAX_NEIGHBOURS = 3  # more neighbours than this add nothing to a place's score


# The 27 cubes around a cube, its own included.
_AROUND = tuple(itertools.product((-1, 0, 1), repeat=3))


@lru_cache(maxsize=1 << 16)  # the same few thousand places recur across a corpus
def _cube(lat: float, lon: float) -> tuple[int, int, int]:
    phi, lam = math.radians(lat), math.radians(lon)
    x, y, z = math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)
    size = _NEAR_CHORD_KM / 6371.0
    return math.floor(x / size), math.floor(y / size), math.floor(z / size)


class _Name(NamedTuple):
    """One name of a document and where it stands, whatever it is read as."""

    key: str  # its fold
    indexes: list[int]  # of its spans
    # an upper-case dateline with no region after it ("WASHINGTON -")
    bare_dateline: bool
    qualified: list[int]  # the spans a region or a bearing follows ("Paris, Texas")


class _Layout:
    """What the text says around its spans, whatever they are read as: the same in every
    round of resolve_mentions, so read once per document."""

    def __init__(self, text: str, spans: Sequence[SpanCandidates]) -> None:
        self.spans = spans
        self.keys = [fold(s.text) for s in spans]
        self.qualifiers = [_qualifier(text, spans, i) for i in range(len(spans))]
        # "the town of Salt, west of Amman": a town placed by its bearing from another
        self.bearings = [_bearing_from(text, spans, i) for i in range(len(spans))]
        self.lists = _lists(text, spans)
        indexes: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            indexes.setdefault(key, []).append(i)
        self.names = [
            _Name(
                key,
                where,
                any(
                    self.qualifiers[i] is None and is_dateline(text, spans[i].start, spans[i].text)
                    for i in where
                ),
                [
                    i
                    for i in where
                    if self.qualifiers[i] is not None or self.bearings[i] is not None
                ],
            )
            for key, where in indexes.items()
        ]


class _Context:
    """What the rest of the document says, for scoring one span's candidates."""

    def __init__(
        self,
        layout: _Layout,
        chosen: Sequence[Candidate],
        focus: Counter[str],
        votes: dict[str, str],
        self_named: Counter[tuple[str, str]] | None = None,
    ) -> None:
        self.layout = layout
        self.chosen = chosen
        self.focus = focus
        self.votes = votes
        self.self_named = self_named or Counter()
        self.self_named_weight: Counter[str] = Counter()
        for (key, _), n in self.self_named.items():
            self.self_named_weight[key] += _NAMED_COUNTRY_WEIGHT * n
        self.total = sum(focus.values())
        self.regions = {
            (c.place.country_code, c.place.admin1_code)
            for c in chosen
            if c.place.kind is Kind.ADMIN1
        } | {
            # A small country named is as specific as a region: "Hamilton" in a story that
            # names Bermuda is Bermuda's capital, however far down the Hamiltons it comes.
            (c.place.country_code, _WHOLE_COUNTRY)
            for c in chosen
            if c.place.kind is Kind.COUNTRY and 0 < c.place.population < _SMALL_COUNTRY
        }
        self.named_countries = frozenset(
            c.place.country_code for c in chosen if c.place.kind is Kind.COUNTRY
        )
        self.keys = layout.keys
        # The document's towns by grid cube, each distinct (name, point) once: with every
        # town compared to every other, a long list of places cost the square of its length.
        self.towns = list(
            dict.fromkeys(
                (self.keys[j], c.place.lat, c.place.lon)
                for j, c in enumerate(chosen)
                if c.place.kind in _LOCAL
            )
        )
        self.cities: dict[tuple[int, int, int], list[tuple[str, float, float]]] = {}
        for city in self.towns:
            self.cities.setdefault(_cube(city[1], city[2]), []).append(city)
        self.qualifiers = layout.qualifiers
        self.bearings = layout.bearings
        # In a list of world cities ("Berlin, Frankfurt, London, Washington, Chicago,
        # Vienna"), each is one more world city: every metropolis has namesakes of the others
        # among its suburbs (Frankfort, Illinois by Chicago), so nearness to a world city of
        # the same list says nothing.
        self.list_skip: dict[str, frozenset[str]] = {}
        for members in layout.lists:
            big = frozenset(
                self.keys[j]
                for j in members
                if chosen[j].place.kind in _LOCAL and chosen[j].place.population >= _WORLD_CITY
            )
            for j in members:
                self.list_skip[self.keys[j]] = self.list_skip.get(self.keys[j], frozenset()) | big

    @cached_property
    def _country_keys(self) -> dict[str, frozenset[str]]:
        # Each country's names, gathered once: asked for every name, a pass over all the
        # document's names each time cost the square of their number.
        keys: dict[str, set[str]] = {}
        for key, c in zip(self.keys, self.chosen, strict=True):
            if c.place.country_code:
                keys.setdefault(c.place.country_code, set()).add(key)
        return {code: frozenset(names) for code, names in keys.items()}

    @cached_property
    def _countries_of_one_name(self) -> dict[str, frozenset[str]]:
        # The countries that a single name of the document is read in, by that name: the
        # only ones that countries_besides leaves out.
        alone: dict[str, set[str]] = {}
        for code, keys in self._country_keys.items():
            if len(keys) == 1:
                alone.setdefault(next(iter(keys)), set()).add(code)
        return {key: frozenset(codes) for key, codes in alone.items()}

    @cached_property
    def _countries(self) -> frozenset[str]:
        return frozenset(self._country_keys)

    def countries_besides(self, own: str) -> frozenset[str]:
        """The countries of the document's other names, as first read."""
        return self._countries - self._countries_of_one_name.get(own, frozenset())

    def local_neighbours(self, own: str, place: Place) -> int:
        """Other places of the document near this one, leaving out the world cities listed
        with it."""
        return self._neighbours(own, place, self.list_skip.get(own, frozenset()))

    def qualifier_boost(self, index: int, place: Place) -> float:
        """What "Place, Region" after this mention says for `place`: it settles the name."""
        qualifier = self.qualifiers[index]
        if qualifier is not None and any(
            contains(q.place, place) for q in qualifier.candidates[:_RESOLVE_DEPTH]
        ):
            return 25.0
        reference = self.bearings[index]
        if reference is not None and place.kind in _LOCAL:
            there = reference.candidates[0].place
            if great_circle_km(place.lat, place.lon, there.lat, there.lon) < _NEAR_KM:
                return 25.0
        return 0.0

    def document_bonus(self, key: str, place: Place) -> float:
        """What the rest of the document says for `place` under the name `key`: the same for
        every mention of the name."""
        # The name's own vote is left out: only the rest of the document counts.
        own = self.votes.get(key)
        # ... and so is its weight as the country named outright (see resolve_mentions)
        cc = place.country_code
        # (Counter.get: a missing key costs a call to Counter.__missing__ by [])
        named = _NAMED_COUNTRY_WEIGHT * self.self_named.get((key, cc), 0)
        support = max(0, self.focus.get(cc, 0) - (own == cc) - named)
        others = self.total - (1 if own else 0) - self.self_named_weight.get(key, 0)
        bonus = 15.0 * support / others if others > 0 else 0.0
        if _local_in_regions(place, self.regions):
            bonus += 8.0
        return bonus + 8.0 * self._neighbours(key, place)

    def _towns_around(self, place: Place) -> Iterable[list[tuple[str, float, float]]]:
        """The towns of the 27 cubes around the place's cube, cube by cube. A document with
        fewer cubes than that has all its towns read instead of 27 cubes probed: a town of
        a farther cube lies beyond _NEAR_KM, which _neighbours tests anyway, and the order
        does not matter to _neighbours, which counts distinct names."""
        if len(self.cities) < len(_AROUND):
            return (self.towns,)
        x, y, z = _cube(place.lat, place.lon)
        return (self.cities.get((x + dx, y + dy, z + dz), []) for dx, dy, dz in _AROUND)

    def _neighbours(self, own: str, place: Place, skip: frozenset[str] = frozenset()) -> int:
        """Other places of the document (by distinct name, leaving out the names in `skip`)
        within reach of this one, up to _MAX_NEIGHBOURS."""
        if place.kind not in _LOCAL:
            return 0
        near: set[str] = set()
        for towns in self._towns_around(place):
            for key, lat, lon in towns:
                # A degree of latitude is 111 km: most pairs are rejected without trigonometry.
                if key == own or key in near or key in skip or abs(lat - place.lat) > _NEAR_DEGREES:
                    continue
                if great_circle_km(place.lat, place.lon, lat, lon) < _NEAR_KM:
                    near.add(key)
                    if len(near) == _MAX_NEIGHBOURS:
                        return _MAX_NEIGHBOURS
        return len(near)


_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", ","})
_LIST_ITEMS = 3


def _lists(text: str, spans: Sequence[SpanCandidates]) -> list[list[int]]:
    """Runs of three or more names joined only by commas, "and" or "or": the indexes."""
    runs: list[list[int]] = []
    run: list[int] = []
    for j, span in enumerate(spans):
        if run and text[spans[run[-1]].end : span.start] in _LIST_GAPS:
            run.append(j)
            continue
        if len(run) >= _LIST_ITEMS:
            runs.append(run)
        run = [j]
    if len(run) >= _LIST_ITEMS:
        runs.append(run)
    return runs


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


# ", west of Amman", ", 250 km southwest of the capital Bishkek"
_BEARING_GAP_RE = re.compile(
    r",\s+(?:about\s+|some\s+|just\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+"
    r"(?:\([^()]{1,20}\)\s+)?)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+"
    r"(?:the\s+)?(?:capital,?\s+)?"
)


def _bearing_from(text: str, spans: Sequence[SpanCandidates], index: int) -> SpanCandidates | None:
    """The place a town is placed from by a bearing right after it ("Salt, west of
    Amman"), if there is one."""
    if index + 1 >= len(spans):
        return None
    here, after = spans[index], spans[index + 1]
    if not _BEARING_GAP_RE.fullmatch(text, here.end, after.start):
        return None
    return after


# "Changsha, capital of Hunan province", "Lahan, in Siraha district", "Bignona, in the
# southern Casamance region": an apposition that places the town in a region qualifies it
# as ", " alone does.
_LOCATING_GAP_RE = re.compile(
    r",\s+(?:in\s+(?:the\s+)?(?:[a-z]+\s+)?|(?:the\s+|a\s+)?(?:[a-z]+\s+)?"
    r"(?:capital|city|town|village|seat|port)\s+(?:of|in)\s+(?:the\s+)?(?:[a-z]+\s+)?)"
)


def _qualifier(text: str, spans: Sequence[SpanCandidates], index: int) -> SpanCandidates | None:
    """The region right after ", " ("London, Ontario") or a locating apposition
    ("Changsha, capital of Hunan province"), if there is one.

    Two country names in a row are a list ("in Russia, U.S. officials said"; "Russia, China
    and Iran"), not a town qualified by its country: a writer who means the hamlet of Russia,
    Ohio names the state.
    """
    if index + 1 >= len(spans):
        return None
    here, after = spans[index], spans[index + 1]
    gap = text[here.end : after.start]
    if gap != ", " and not _LOCATING_GAP_RE.fullmatch(gap):
        return None
    if (
        here.candidates[0].place.kind is Kind.COUNTRY
        and after.candidates[0].place.kind is Kind.COUNTRY
    ):
        return None
    return after


def contains(region: Place, place: Place) -> bool:
    """Whether a country or first-level region holds the place."""
    if region.kind is Kind.COUNTRY:
        return place.country_code == region.country_code and place.kind is not Kind.COUNTRY
    if region.kind is Kind.ADMIN1:
        return (
            place.kind in _LOCAL
            and place.country_code == region.country_code
            and place.admin1_code == region.admin1_code
        )
    return False


# Prepositions that introduce a place strongly enough to ask an online geocoder about an
# unknown name after them ("protesters gathered in Xyz").
_STRONG_LOCATIVES = frozenset({"in", "near", "outside", "at"})
# ... and the words that put a name as a place before "said" ("Residents of Chake Chake said")
_PLACE_WORDS_BEFORE = _STRONG_LOCATIVES | {"of", "from"}
_ADJECTIVE_ENDING = re.compile(r"(?:ish|ese|ian|ic|ean|i)$")


def unresolved_place_names(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Capitalised names introduced as places ("in Xyz") that the gazetteer does not know.

    These are what an online geocoder is asked about, when the user allows one.
    """
    found = []
    for start, end, surface, parts in _names_put_as_places(text, gaz):
        if gaz.places_for_key(fold(surface)):
            continue
        if any(gaz.places_for_key(fold(part)) for part in parts):
            continue  # part known ("in Osh Mayor's office"): the recogniser decides
        found.append((start, end, surface))
    return found


def names_put_as_places(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Capitalised names introduced as places ("in Xyz", "near Xyz"), known or not: where
    the recogniser found no place among them, the text still names one."""
    return [(start, end, surface) for start, end, surface, _ in _names_put_as_places(text, gaz)]


def _names_put_as_places(
    text: str, gaz: Gazetteer
) -> Iterator[tuple[int, int, str, tuple[str, ...]]]:
    tokens = _tokens(text, _abbreviations(gaz))
    common = common_words()
    for i in range(1, len(tokens)):
        before, first = tokens[i - 1], tokens[i]
        if (
            before.text.lower() not in _STRONG_LOCATIVES
            or text[before.end : first.start] != " "
            or not is_capitalised(first)
            or _is_all_caps(first)
            or first.text.lower() in CALENDAR
        ):
            continue
        last = i
        while (
            last + 1 < len(tokens)
            and last - i < _MAX_TOKENS - 1
            and _joined(text, tokens[last], tokens[last + 1])
            and is_capitalised(tokens[last + 1])
        ):
            last += 1
        surface = text[first.start : tokens[last].end]
        key = fold(surface)
        if len(key) < 3 or key in common:
            continue
        if first is tokens[last] and _ADJECTIVE_ENDING.search(first.text):
            continue  # "in Turkish", "in Arabic": languages and demonyms
        yield first.start, tokens[last].end, surface, tuple(t.text for t in tokens[i : last + 1])


def mention_json(mention: PlaceMention) -> dict[str, object]:
    """The `geomap places --json` record of one mention (a contract other tools read)."""
    place = mention.place
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "geonameid": place.geonameid if place.is_geonames else None,
        "kind": place.kind.value,
    }


def find_mentions(
    text: str, gaz: Gazetteer, *, focus_countries: Iterable[str] = ()
) -> list[PlaceMention]:
    """Place mentions in `text`, resolved; offsets index `text` (end exclusive)."""
    focus = frozenset(focus_countries)
    mentions = resolve_mentions(text, find_place_spans(text, gaz), focus_countries=focus)
    # Names introduced as places that no gazetteer key holds, read in turn by each reader
    # of unknown names below (each sees the towns the one before it read).
    unknown = tuple(dict.fromkeys(_introduced_names(text, gaz)))
    if unknown:
        mentions = _with_spelling_variants(text, gaz, mentions, unknown)
        mentions = _with_arabic_article_names(text, gaz, mentions, unknown)
        mentions = _with_postal_localities(text, gaz, mentions, unknown)
    mentions = _regions_named_as_regions(text, gaz, mentions)
    return _without_former_names(text, _without_strays(text, mentions, focus))


# "in Santa Fe province", "Kandahar province", "Oaxaca state": the word after the name says
# a region is meant, not the city it is named after.
_REGION_WORD_AFTER_RE = re.compile(
    r"\s+(?:province|state|region|oblast|governorate|prefecture|department|district|county)\b"
)
_REGION_KINDS = (Kind.ADMIN1, Kind.ADMIN2)


# "Thailand's three southernmost provinces - Pattani, Yala and Narathiwat": a list the
# plural introduces
_REGION_LIST_BEFORE_RE = re.compile(
    r"\b(?:provinces|states|regions|districts|oblasts|governorates|prefectures|counties)"
    r"\s*(?:[-–—:(]|,|\s+of)\s*(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*(?:,\s*and|,|and)\s+)*$"
)
_REGION_LIST_REACH = 80


def _regions_named_as_regions(
    text: str, gaz: Gazetteer, mentions: list[PlaceMention]
) -> list[PlaceMention]:
    """The mentions, with a city named before "province", "state" or "district", or listed
    after "provinces", read as the region of that name in the city's own country, when the
    gazetteer has one."""
    following = [*mentions[1:], None]
    return [
        _as_region(gaz, m) if _named_as_region(text, m, after) else m
        for m, after in zip(mentions, following, strict=False)
    ]


# A metropolis names its own quarters: "the Cairo district of Heliopolis" is Cairo's
# Heliopolis, not a district of Cairo Governorate. ("the Punjab district of Attock" names
# a province, which no city of that size shares; "the Lusaka section of Highfield" is a
# section of a Harare suburb that bears the Zambian capital's name.)
_QUARTER_OF_RE = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb|township)\s+of\s+")


def owns_the_quarter(text: str, city: PlaceMention, quarter: PlaceMention | None) -> bool:
    """Whether a metropolis is named as the owner of the quarter named right after it (which
    the gazetteer may not know: "the Cairo district of Imbaba")."""
    if city.place.kind is not Kind.CITY or city.place.population < METROPOLIS_POPULATION:
        return False
    owner = _QUARTER_OF_RE.match(text, city.end)
    if owner is None:
        return False
    if quarter is not None and quarter.start == owner.end():
        # "the Abobo district of Abidjan": the larger place owns the other
        return quarter.place.population < city.place.population
    return text[owner.end() : owner.end() + 1].isupper()


def _named_as_region(text: str, mention: PlaceMention, following: PlaceMention | None) -> bool:
    if _REGION_WORD_AFTER_RE.match(text, mention.end):
        return not owns_the_quarter(text, mention, following)
    start = max(0, mention.start - _REGION_LIST_REACH)
    return _REGION_LIST_BEFORE_RE.search(text, start, mention.start) is not None


def _as_region(gaz: Gazetteer, mention: PlaceMention) -> PlaceMention:
    city = mention.place
    if city.kind is not Kind.CITY:
        return mention
    regions = [
        c
        for c in gaz.lookup(mention.text, fuzzy=False, limit=25)
        if c.place.kind in _REGION_KINDS and c.place.country_code == city.country_code
    ]
    if not regions:
        return mention
    # the region that holds the city: its province, not a namesake district elsewhere
    own = [c for c in regions if c.place.admin1_code == city.admin1_code] or regions
    return replace(mention, place=own[0].place, score=own[0].score, match_type=own[0].match_type)


# "the Gold Coast (now Ghana)", "Ceylon, now Sri Lanka,": the name is a former one
_NOW_AFTER_RE = re.compile(r"\s*(?:\(|,)\s*now\s+(?:called\s+|known\s+as\s+)?[A-Z]")


def _without_former_names(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions without a name the text says is a former one of another place,
    anywhere it is named: the gazetteer's place of that name is another place (the Gold
    Coast of Queensland), and the present name is named beside it.

    Example: "riots in the British colony of the Gold Coast (now Ghana)".
    """
    by_start = {m.start: m for m in mentions}
    former = set()
    for m in mentions:
        now = _NOW_AFTER_RE.match(text, m.end)
        present = by_start.get(now.end() - 1) if now else None
        # "Rangoon (now Yangon)", "Samchi (now Samtse)": the gazetteer knows the old name
        # as the same place, which stays
        if present is not None and present.place.geonameid != m.place.geonameid:
            former.add(fold(m.text))
    return [m for m in mentions if fold(m.text) not in former] if former else mentions


_VARIANT_POPULATION = 5_000  # a town this large, spelt another way, is worth reading


def _with_spelling_variants(
    text: str, gaz: Gazetteer, mentions: list[PlaceMention], unknown: Sequence[str]
) -> list[PlaceMention]:
    """The mentions, with towns of the story's countries introduced as places ("in
    Qamishli") under a spelling the gazetteer holds only after transliteration (Al
    Qāmishlī).

    Only a town of a country the story's other places lie in is read so: a name no spelling
    of the gazetteer has, in a story elsewhere, is as likely a person or a building.
    """
    countries = {m.place.country_code for m in mentions if m.place.country_code}
    if not countries:
        return mentions
    read: dict[str, Candidate] = {}
    for surface in unknown:
        found = gaz.lookup(surface, limit=1, fuzzy=False)
        if not found:
            continue
        best = found[0]
        place = best.place
        if (
            best.match_type is MatchType.TRANSLITERATED
            and place.kind is Kind.CITY
            and place.population >= _VARIANT_POPULATION
            and place.country_code in countries
        ):
            read[surface] = best
    return _with_every_occurrence(text, mentions, read)


def _with_every_occurrence(
    text: str, mentions: list[PlaceMention], read: dict[str, Candidate]
) -> list[PlaceMention]:
    """The mentions, with each newly read name as a mention wherever the text repeats it:
    once introduced, the name means the town."""
    if not read:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    added = [
        PlaceMention(surface, match.start(), match.end(), best.place, best.score, best.match_type)
        for surface, best in read.items()
        for match in re.finditer(rf"\b{re.escape(surface)}\b", text)
        if not any(start < match.end() and match.start() < end for start, end in taken)
    ]
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def _with_postal_localities(
    text: str, gaz: Gazetteer, mentions: list[PlaceMention], unknown: Sequence[str]
) -> list[PlaceMention]:
    """The mentions, with towns below the gazetteer's size line that the text introduces as
    places ("in Sebokeng", "at Sharpeville"), read from GeoNames' postal localities of the
    story's leading country, near the story's other places.

    Example: "police fired on a crowd in Sebokeng" in a story that names Johannesburg is the
    township of Sebokeng, 50 km away, not the dateline. "in Ardoyne" in a Belfast story is
    not the Ardoyne of Aberdeenshire, and "outside Parliament House" in Honiara is not
    Canberra's, though the story names Australia once.
    """
    if gaz.localities is None:
        return mentions
    countries = _leading_countries(mentions)
    if not countries:
        return mentions
    read: dict[str, Candidate] = {}
    for surface in unknown:
        towns = _in_the_qualifier(
            gaz.localities.find(surface, countries), _qualifiers(text, surface, mentions)
        )
        town = _locality_near_the_story(towns, mentions)
        if town is not None and not _neighbourhood(town, mentions):
            read[surface] = Candidate(town, MatchType.EXACT, 100.0, town.name)
    return _with_every_occurrence(text, mentions, read)


# "Ciñera, in León", "Nandigram in East Midnapore", "Sakhile, Mpumalanga": a place that
# qualifies the name right after it.
_QUALIFIER_GAP_RE = re.compile(r",? (?:in )?")


def _qualifiers(text: str, surface: str, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The places that qualify `surface` where the text names it."""
    by_start = {m.start: m for m in mentions}
    found = []
    for match in re.finditer(rf"\b{re.escape(surface)}\b", text):
        gap = _QUALIFIER_GAP_RE.match(text, match.end())
        if gap is not None and gap.end() in by_start:
            found.append(by_start[gap.end()])
    return found


def _in_the_qualifier(
    towns: Sequence[LocalityPlace], qualifiers: Sequence[PlaceMention]
) -> Sequence[LocalityPlace]:
    """The towns inside the place that qualifies the name, when the text gives one: a
    region or district by the postal table's name for it, a town by distance."""
    if not qualifiers:
        return towns
    names = {fold(q.text) for q in qualifiers} | {fold(q.place.name) for q in qualifiers}
    cities = [q.place for q in qualifiers if q.place.kind is Kind.CITY]
    return [
        town
        for town in towns
        if fold(town.admin1) in names
        or fold(town.admin2) in names
        or any(
            great_circle_km(town.lat, town.lon, c.lat, c.lon) <= _LOCALITY_REACH_KM / 4
            for c in cities
        )
    ]


# A postal locality this close to a city of a million the story names is a quarter of it
# (Taksim in Istanbul): the events are the city's, as a square's or a district's are. Near
# a smaller city it is a town of its own (Sharpeville, 5 km from Vereeniging).
_NEIGHBOURHOOD_KM = 12.0
METROPOLIS_POPULATION = 1_000_000


def _neighbourhood(town: Place, mentions: Sequence[PlaceMention]) -> bool:
    return any(
        m.place.kind is Kind.CITY
        and m.place.population >= METROPOLIS_POPULATION
        and m.place.country_code == town.country_code
        and great_circle_km(town.lat, town.lon, m.place.lat, m.place.lon) <= _NEIGHBOURHOOD_KM
        for m in mentions
    )


# GeoNames writes Arabic names with their article, assimilated to the next letter (Al
# Ḩawījah, Ar Ramādī, An Nāşirīyah), where English copy drops it and often the final h
# ("Hawija", "Nasiriya").
_ARABIC_ARTICLES = ("Al", "Ar", "An", "As", "Ash", "Ad", "At", "Az", "Adh", "Ath", "El")


def _with_arabic_article_names(
    text: str, gaz: Gazetteer, mentions: list[PlaceMention], unknown: Sequence[str]
) -> list[PlaceMention]:
    """The mentions, with towns of the story's leading country introduced as places under
    their name without its Arabic article ("near the town of Hawija" in a story about
    Kirkuk: Al Ḩawījah), near the story's other places.

    Example: "clashes in Hawija" in a story naming Kirkuk is Al Ḩawījah, 55 km away; the
    same name in a story about Chile is left unread.
    """
    countries = _leading_countries(mentions)
    if not countries:
        return mentions
    read: dict[str, Candidate] = {}
    for surface in unknown:
        towns = _towns_with_an_article(gaz, surface, countries)
        town = _locality_near_the_story(towns, mentions) if towns else None
        if town is not None:
            read[surface] = Candidate(town, MatchType.TRANSLITERATED, 90.0, town.name)
    return _with_every_occurrence(text, mentions, read)


def _towns_with_an_article(gaz: Gazetteer, surface: str, countries: frozenset[str]) -> list[Place]:
    forms = [surface, surface + "h"] if surface.endswith("a") else [surface]
    ids = {
        gid for a in _ARABIC_ARTICLES for f in forms for gid in gaz.places_for_key(fold(f"{a} {f}"))
    }
    places = (gaz.place(gid) for gid in sorted(ids))
    return [
        p for p in places if p is not None and p.kind is Kind.CITY and p.country_code in countries
    ]


def _leading_countries(mentions: Sequence[PlaceMention]) -> frozenset[str]:
    """The countries with the most place names in the story (ties all lead)."""
    names: dict[str, set[str]] = {}
    for m in mentions:
        if m.place.country_code:
            names.setdefault(m.place.country_code, set()).add(fold(m.text))
    most = max((len(keys) for keys in names.values()), default=0)
    return frozenset(cc for cc, keys in names.items() if len(keys) == most)


# A town the story means lies this close to one of the story's towns or districts in its
# country; a namesake must also lie at least twice as far as the town chosen.
_LOCALITY_REACH_KM = 250.0


def _locality_near_the_story(
    towns: Sequence[Place], mentions: Sequence[PlaceMention]
) -> Place | None:
    """The one town of `towns` the story means: the one in a region the story names, or
    the one clearly nearest the story's other towns, within reach of them; else none."""
    regions = {fold(m.place.name) for m in mentions if m.place.kind is Kind.ADMIN1}
    in_named_region = [t for t in towns if t.admin1 and fold(t.admin1) in regions]
    if len(in_named_region) == 1:
        return in_named_region[0]
    anchors = [m.place for m in mentions if m.place.kind in (Kind.CITY, Kind.ADMIN2)]

    def distance(town: Place) -> float:
        return min(
            (
                great_circle_km(town.lat, town.lon, a.lat, a.lon)
                for a in anchors
                if a.country_code == town.country_code
            ),
            default=math.inf,
        )

    ranked = sorted(towns, key=distance)
    if not ranked or distance(ranked[0]) > _LOCALITY_REACH_KM:
        return None
    if len(ranked) > 1 and distance(ranked[1]) < 2 * distance(ranked[0]):
        return None
    return ranked[0]


# A capitalised name of up to four words after a strong locative ("in Qamishli"): scanned
# for directly, as tokenising the whole text again for this cost a tenth of extraction.
_INTRODUCED_RE = re.compile(
    # (the letters the two alternatives open with, İ and ı being i's other cases: looking
    # for them first makes the scan of a whole text a third faster)
    r"(?=[iInNoOaAtTİı])(?:"
    r"\b(?i:in|near|outside|at) (?:(?:neighbouring|neighboring|nearby|central|downtown|"
    r"northern|southern|eastern|western) )?"
    r"([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,3})\b(?!['’]s\b|\.\w)"
    # "near the northern town of Hawija", "the township of Sebokeng"
    r"|\bthe (?:[a-z-]+ ){0,2}(?:town|village|city|township|hamlet) of "
    r"([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,3})\b(?!['’]s\b|\.\w)"
    r")"
)


def _introduced_names(text: str, gaz: Gazetteer) -> Iterator[str]:
    """Names introduced as places that no gazetteer key holds, whole or in part."""
    common = common_words()
    for match in _INTRODUCED_RE.finditer(text):
        surface = match.group(1) or match.group(2)
        key = fold(surface)
        if (
            len(key) < 3
            or surface.isupper()
            or key in common
            or surface.split()[0].lower() in CALENDAR
            or gaz.places_for_key(key)
            or any(gaz.places_for_key(fold(part)) for part in surface.split())
        ):
            continue
        yield surface


_STORY_NAMES = 2  # distinct names in one country that make it the story's country
_NAMED_COUNTRY_WEIGHT = 2  # a country named outright counts twice in the focus
# A town of this size or less, alone in its country, is a stray in a story about another
# country ("at Bellevue" in Zürich is no city of 140,000 in Washington state); a city
# larger than this is news wherever it is named.
_STRAY_POPULATION = 250_000
_DATELINE_WEIGHT = 3  # and the dateline's country three more times


def _without_strays(
    text: str, mentions: Sequence[PlaceMention], focus: frozenset[str]
) -> list[PlaceMention]:
    """The mentions without stray towns: a town (of 250,000 people or fewer) of a country
    nothing else in the text is in, unqualified, in a text about another country (two or
    more of its names lie there).

    Example: "near Stella" in a caption about Minsk and Belarus is the Minsk monument, not
    Stella in Italy; "at Eden Park in Auckland" is no Australian village; "Tralee, Ireland"
    in a story about Boston and New York is kept, and so is "Tralee" in a story that also
    names Cork.
    """
    names: dict[str, set[str]] = {}
    for m in mentions:
        names.setdefault(m.place.country_code, set()).add(fold(m.text))
    by_start = {m.start: m for m in mentions}
    kept = []
    for m in mentions:
        cc, key = m.place.country_code, fold(m.text)
        # (a country's capital is no stray town: "outside the House of Assembly in
        # Kingstown" in a story that names Barbados more often than St Vincent)
        small_town = (
            m.place.kind is Kind.CITY
            and m.place.population < _STRAY_POPULATION
            and m.place.geonameid not in Capitals.default().national_capitals
        )
        placed = _placed_in_a_far_city(text, m, by_start)
        alone = (
            cc not in focus
            and not (names.get(cc, set()) - {key})
            and not (text[m.end : m.end + 2] == ", " and m.end + 2 in by_start)
            and any(len(keys - {key}) >= _STORY_NAMES for c, keys in names.items() if c != cc)
        )
        # "Whitehall in London", or "the end of Whitehall" in a London story, is no Atlanta,
        # reached through an old name of it: a town named by an alias alone in its country
        # is a stray. A metropolis introduced as a place keeps its well-known other names
        # ("rallied in Chittagong", "in Bombay") in a story that mostly names its neighbour.
        by_alias = m.match_type is not MatchType.EXACT and (
            placed is not None
            or (alone and m.place.kind is Kind.CITY and not _introduced_metropolis(text, m))
        )
        stray = placed == _LANDMARK or by_alias or (small_town and (placed is not None or alone))
        if not stray:
            kept.append(m)
    return kept


_LOCATIVE_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(sorted(_STRONG_LOCATIVES))})\s+$", re.IGNORECASE)


def _introduced_metropolis(text: str, mention: PlaceMention) -> bool:
    """A city of a million or more, introduced by a locative ("in Chittagong")."""
    return mention.place.population >= METROPOLIS_POPULATION and bool(
        _LOCATIVE_BEFORE_RE.search(text, max(0, mention.start - 8), mention.start)
    )


_LANDMARK = "landmark"  # the name heads a landmark's noun: "the Bolivar square"
_TOWN = "town"  # a town's name alone: "at Eden Park in Auckland"


def _placed_in_a_far_city(
    text: str, mention: PlaceMention, by_start: dict[int, PlaceMention]
) -> str | None:
    """How a place far from the city the text puts it in is named there, if it is.

    "at Eden Park in Auckland": a small town of another country is the landmark the text
    places in a city of its own. "the Bolivar square in central Bogotá", "Victoria
    junction in Kampala": a place of any size heading a landmark's noun names the landmark.
    """
    placed = _PLACED_IN_RE.match(text, mention.end)
    if placed is None:
        return None
    where = by_start.get(placed.end())
    if where is None:
        return None
    here, there = mention.place, where.place
    # a namesake of another country, or of the same one far from the city it is placed in
    far = there.country_code != here.country_code or (
        there.kind is Kind.CITY
        and great_circle_km(here.lat, here.lon, there.lat, there.lon) > LANDMARK_REACH_KM
    )
    if not far:
        return None
    return _LANDMARK if placed.group("noun") else _TOWN


# A landmark lies within this distance of the city it stands in: a namesake farther away
# is another place ("Hyde Park" in Adelaide is not Sydney's).
LANDMARK_REACH_KM = 50.0
_LANDMARK_NOUN = (
    r"(?:junction|square|roundabout|park|market|bridge|stadium|crossing|interchange|gate|"
    r"plaza|circle|avenue|street|road|boulevard)"
)
_PLACED_IN_RE = re.compile(
    rf"(?:\s+(?P<noun>{_LANDMARK_NOUN}))?(?:\s+in\s+(?:central\s+|downtown\s+)?|(?(noun),\s+|(?!)))"
)
