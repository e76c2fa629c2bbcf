"""Find place mentions in text and resolve them to gazetteer places.

No trained NER model can be installed offline, so recognition is gazetteer-driven, as in
CLAVIN and the Edinburgh Geoparser's rule-based pipeline: capitalised word sequences are
matched against the gazetteer's folded keys (longest first), context rules drop ordinary
words, demonyms, person and organisation names, and a document-level pass resolves
ambiguous names towards the countries and regions the document is about.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from gazetteer import Candidate, Gazetteer, Kind, Place, fold
from gazetteer.lexicon import common_words
from geomap.model import PlaceMention
from geomap.wordlists import (
    CALENDAR,
    FACILITY_HEADS,
    LOCATIVES,
    OPENERS,
    ORGANISATION_HEADS,
    PLACE_FOLLOWERS,
    SPEECH_VERBS,
    TITLES,
)

__all__ = [
    "SpanCandidates",
    "find_mentions",
    "find_place_spans",
    "great_circle_km",
    "is_dateline",
    "resolve_mentions",
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


def _token_of(match: re.Match[str], abbreviations: frozenset[str]) -> Token | None:
    """The token a match of _TOKEN stands for; None for a contraction ("didn't")."""
    start, end = match.span()
    word = match.group()
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


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\r([‘'\"“":
        i -= 1
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
    return i < 0 or text[i] == "\n"


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


def _find_place_spans(text: str, gaz: Gazetteer, tokens: Sequence[Token]) -> list[SpanCandidates]:
    common = common_words()
    found_spans: list[tuple[int, int, tuple[Candidate, ...], bool]] = []
    names_of_people: set[str] = set()
    # Only a capitalised token can start a name; the rest are context for the rules.
    starts = [i for i, t in enumerate(tokens) if t.text[:1].isupper()]
    next_free = 0
    for i in starts:
        if i < next_free:
            continue
        found = _longest_match(text, tokens, i, gaz)
        if found is None:
            continue
        n, candidates = found
        first, last = tokens[i], tokens[i + n - 1]
        surface = text[first.start : last.end]
        verdict = _keep(text, tokens, i, n, candidates, surface, common)
        if verdict in (_Verdict.PLACE, _Verdict.IN_NAME):
            found_spans.append((i, n, candidates, verdict is _Verdict.IN_NAME))
        elif verdict is _Verdict.PART_OF_NAME:
            names_of_people.add(fold(surface))
        next_free = i + n
    spans = []
    for i, n, candidates, in_name in found_spans:
        first, last = tokens[i], tokens[i + n - 1]
        surface = text[first.start : last.end]
        top = candidates[0].place
        if fold(surface) in names_of_people and top.kind is Kind.CITY:
            continue  # "Obama" after "Barack Obama": one sense per discourse
        if not _supported(text, tokens, i, n, top):
            continue
        spans.append(SpanCandidates(surface, first.start, last.end, tuple(candidates), in_name))
    return spans


def _supported(text: str, tokens: Sequence[Token], i: int, n: int, top: Place) -> bool:
    """Small places need a cue that a place is meant: a locative before, a qualifier after.

    A hamlet's name is far more often a surname or a word in a title; "in Bantam" or
    "Bantam, Conn." is how writers introduce a small place.
    """
    if top.kind is not Kind.CITY or top.population >= _SMALL_PLACE:
        return True
    last = tokens[i + n - 1]
    if i > 0 and tokens[i - 1].text.lower() in LOCATIVES:
        return True
    if text[last.end : last.end + 2] == ", " and i + n < len(tokens):
        return is_capitalised(tokens[i + n])
    following = tokens[i + n].text.lower() if i + n < len(tokens) else ""
    return following in PLACE_FOLLOWERS


def _longest_match(
    text: str, tokens: Sequence[Token], i: int, gaz: Gazetteer
) -> tuple[int, tuple[Candidate, ...]] | None:
    first = tokens[i]
    if not is_capitalised(first) or first.text.lower() in CALENDAR:
        return None
    # A name runs over capitalised words, connectors ("of") and hyphenated parts, joined by
    # one space or hyphen. The first token that is none of these ends every longer reading.
    limit = 1
    while limit < _MAX_TOKENS and i + limit < len(tokens):
        previous, token = tokens[i + limit - 1], tokens[i + limit]
        capital_joined = token.text[:1].isupper() and _joined(text, previous, token)
        if not (capital_joined or _continues_name(text, previous, token)):
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
        if candidates:
            return n, tuple(candidates)
    return None


class _Verdict(Enum):
    PLACE = "place"
    NOT_PLACE = "not a place"
    PART_OF_NAME = "part of a person's or organisation's name"
    IN_NAME = "a place named within an organisation's name"


def _keep(
    text: str,
    tokens: Sequence[Token],
    i: int,
    n: int,
    candidates: Sequence[Candidate],
    surface: str,
    common: frozenset[str],
) -> _Verdict:
    verdict = _judge(text, tokens, i, n, candidates, surface, common)
    if isinstance(verdict, _Verdict):
        return verdict
    return _Verdict.PLACE if verdict else _Verdict.NOT_PLACE


def _judge(
    text: str,
    tokens: Sequence[Token],
    i: int,
    n: int,
    candidates: Sequence[Candidate],
    surface: str,
    common: frozenset[str],
) -> bool | _Verdict:
    """Context rules that tell a place name from the same letters used otherwise."""
    first, last = tokens[i], tokens[i + n - 1]
    top = candidates[0].place
    major = top.kind in (Kind.COUNTRY, Kind.ADMIN1, Kind.REGION) or (
        top.population >= _MAJOR_POPULATION
    )
    initial = _sentence_initial(text, first.start)
    if first.text.lower() in CALENDAR:
        return False
    if n == 1 and len(first.text) == 3 and first.text.isupper() and _short_dateline(text, last):
        return True  # "OSH (AFP) -": a three-letter city opening a report
    if n == 1 and (first.is_abbreviation or (len(first.text) <= 3 and first.text.isupper())):
        # Abbreviations (U.S., Ky., UK) count only when spelled as a listed alias.
        return any(c.matched_name == surface for c in candidates) and top.kind is not Kind.CITY
    if all(_is_all_caps(t) for t in tokens[i : i + n]):
        # Upper case is a dateline ("BISHKEK, March 21") or a shouted headline; only the
        # dateline names a place.
        after = text[last.end : last.end + 3]
        if not _line_initial(text, first.start) or after[:1] not in {",", " ", "(", ":"}:
            return False
        # "OSH (AFP)" or "BISHKEK March 21" is a dateline; "GREEN fingered youngsters" is
        # a shouted first word running on into the sentence.
        return not (after[:1] == " " and after[1:2].islower())
    key = fold(surface)
    broad = top.kind in (Kind.COUNTRY, Kind.REGION)
    if key in common and (not major or (initial and not broad)):
        return False
    if key in common and top.kind is Kind.ADMIN1:
        # "Western", "Central", "Coast": region names that are ordinary adjectives count
        # only when named as regions ("Western Province", "Central Region").
        following = tokens[i + n].text.lower() if i + n < len(tokens) else ""
        if following not in PLACE_FOLLOWERS:
            return False
    following_words = text[last.end : last.end + 24].lower().split()
    if following_words and (fold(surface), following_words[0].strip(".,;:")) in _EPONYMS:
        return False  # "Molotov cocktails": a name used as an ordinary noun
    words = [fold(t.text) for t in tokens[i : i + n] if t.text not in _CONNECTORS]
    if n > 1 and not major and all(w in common for w in words):
        return False  # "White House", "Southern District": ordinary words in capitals
    if i > 0:
        before = tokens[i - 1]
        gap = text[before.end : first.start]
        if before.text.lower().rstrip(".") in TITLES and gap in (" ", ". "):
            return _Verdict.PART_OF_NAME
        if (
            gap == " "
            and is_capitalised(before)
            and len(before.text) > 1
            and before.text.lower() not in OPENERS
            and not before.is_abbreviation
            and (not _sentence_initial(text, before.start) or fold(before.text) not in common)
        ):
            if major and _is_acronym(before):
                return _Verdict.IN_NAME  # a broadcaster's or agency's branch: "CTV Winnipeg"
            # Inside a longer proper name: "Monica Whitlock", "Central Asia".
            return _Verdict.PART_OF_NAME if not major else False
    if i + n < len(tokens):
        after_token = tokens[i + n]
        gap = text[last.end : after_token.start]
        follower = after_token.text.lower().rstrip(".")
        if (
            gap == " "
            and is_capitalised(after_token)
            and len(after_token.text) > 1
            and not after_token.text.isupper()  # "California DMV", "Calgary MLA"
            and follower not in PLACE_FOLLOWERS
            and follower not in CALENDAR
        ):
            # "Kyrgyzstan Service", "Edmonton Oilers", "Jordan Peterson"
            # A well-known place heading a name is named there; a lesser one is as likely a
            # founder's surname ("Campbell Soup Company").
            head = _name_head(text, tokens, i + n)
            if head in FACILITY_HEADS:
                return major  # "protesters outside Toronto General Hospital": in Toronto
            if head in ORGANISATION_HEADS:
                return _Verdict.IN_NAME if major else False
            return False if major else _Verdict.PART_OF_NAME
        if gap == " " and follower in SPEECH_VERBS and not major:
            return _Verdict.PART_OF_NAME  # "Castro said"
    return True


def _is_acronym(token: Token) -> bool:
    return 2 <= len(token.text) <= 5 and token.text.isupper() and not token.is_abbreviation


_ORGANISATION_NAME_WORDS = 4


def _name_head(text: str, tokens: Sequence[Token], j: int) -> str:
    """The head noun of the capitalised words from token j on, if it is one of a building or
    an organisation ("(Toronto) General Hospital", "(Alberta) Liquor Store Association");
    else ""."""
    for k in range(j, min(len(tokens), j + _ORGANISATION_NAME_WORDS)):
        token = tokens[k]
        if not is_capitalised(token) or (k > j and text[tokens[k - 1].end : token.start] != " "):
            return ""
        word = token.text.lower()
        if word in ORGANISATION_HEADS or word in FACILITY_HEADS:
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
    bias = Counter(focus_countries)
    rounds = 2 if any(len(s.candidates) > 1 for s in spans) else 0
    for _ in range(rounds):
        votes = {fold(s.text): c.place.country_code for s, c in zip(spans, chosen, strict=True)}
        focus = Counter(cc for cc in votes.values() if cc)
        focus.update({cc: 2 * n for cc, n in named_countries.items()})
        focus.update({cc: 5 * n for cc, n in bias.items()})
        settled = _one_sense_per_name(spans, _Context(text, spans, chosen, focus, votes))
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
            match_type=c.match_type.value,
            in_name=span.in_name,
        )
        for span, c in zip(spans, chosen, strict=True)
    ]


_RESOLVE_DEPTH = 8
# Places that lie inside one first-level region and near their neighbours: towns, counties.
_LOCAL = frozenset({Kind.CITY, Kind.ADMIN2})


def _one_sense_per_name(spans: Sequence[SpanCandidates], context: _Context) -> list[Candidate]:
    """Every mention of one name in a document means one place, chosen on all evidence.

    "GLASGOW, Ky." in the dateline settles every later "Glasgow" in the story.
    """
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(context.keys):
        groups.setdefault(key, []).append(i)
    chosen: list[Candidate] = list(context.chosen)
    for indexes in groups.values():
        # A bare upper-case dateline ("WASHINGTON -") is a city that needs no state: wire
        # style qualifies every other one ("HOLLIDAY, Mo."), so no lesser namesake is sought.
        bare_dateline = any(context.is_bare_dateline(i) for i in indexes)
        options = _options(
            spans[indexes[0]].candidates, set() if bare_dateline else context.regions
        )
        if len(options) == 1:
            best = options[0]
        else:
            key = context.keys[indexes[0]]
            qualified = [i for i in indexes if context.qualifiers[i] is not None]

            # Best single mention plus the average over all mentions of the name. The
            # document's evidence is the same for every mention; only a qualifier after
            # one mention ("Paris, Texas") sets it apart.
            def total(
                c: Candidate,
                key: str = key,
                qualified: list[int] = qualified,
                n: int = len(indexes),
            ) -> tuple[float, int]:
                base = c.score + context.document_bonus(key, c.place)
                boosts = [context.qualifier_boost(i, c.place) for i in qualified]
                return 2 * base + max(boosts, default=0.0) + sum(boosts) / n, -c.place.geonameid

            best = max(options, key=total)
        for i in indexes:
            chosen[i] = _same_place(spans[i].candidates, best)
    return chosen


def _options(candidates: Sequence[Candidate], regions: set[tuple[str, str]]) -> Sequence[Candidate]:
    """The candidates worth ranking: the best few, and any town inside a region the document
    names, however far down the list ("Paris" in a story about Missouri is the ninth Paris)."""
    head = candidates[:_RESOLVE_DEPTH]
    if not regions:
        return head
    inside = [
        c
        for c in candidates[_RESOLVE_DEPTH:]
        if c.place.kind in _LOCAL and (c.place.country_code, c.place.admin1_code) in regions
    ]
    return [*head, *inside] if inside else head


def _same_place(candidates: Sequence[Candidate], best: Candidate) -> Candidate:
    for c in candidates:
        if c.place.geonameid == best.place.geonameid:
            return c
    return best


_NEAR_KM = 150.0
_NEAR_DEGREES = _NEAR_KM / 111.0


class _Context:
    """What the rest of the document says, for scoring one span's candidates."""

    def __init__(
        self,
        text: str,
        spans: Sequence[SpanCandidates],
        chosen: Sequence[Candidate],
        focus: Counter[str],
        votes: dict[str, str],
    ) -> None:
        self.text = text
        self.spans = spans
        self.chosen = chosen
        self.focus = focus
        self.votes = votes
        self.total = sum(focus.values())
        self.regions = {
            (c.place.country_code, c.place.admin1_code)
            for c in chosen
            if c.place.kind is Kind.ADMIN1
        }
        self.keys = [fold(s.text) for s in spans]
        self.cities = [
            (self.keys[j], c.place.lat, c.place.lon)
            for j, c in enumerate(chosen)
            if c.place.kind in _LOCAL
        ]
        self.qualifiers = [_qualifier(text, spans, i) for i in range(len(spans))]

    def is_bare_dateline(self, index: int) -> bool:
        span = self.spans[index]
        return self.qualifiers[index] is None and is_dateline(self.text, span.start, span.text)

    def qualifier_boost(self, index: int, place: Place) -> float:
        """What "Place, Region" after this mention says for `place`: it settles the name."""
        qualifier = self.qualifiers[index]
        if qualifier is not None and any(
            _contains(q.place, place) for q in qualifier.candidates[:_RESOLVE_DEPTH]
        ):
            return 25.0
        return 0.0

    def document_bonus(self, key: str, place: Place) -> float:
        """What the rest of the document says for `place` under the name `key`: the same for
        every mention of the name."""
        # The name's own vote is left out: only the rest of the document counts.
        own = self.votes.get(key)
        support = max(0, self.focus.get(place.country_code, 0) - (own == place.country_code))
        others = self.total - (1 if own else 0)
        bonus = 15.0 * support / others if others > 0 else 0.0
        if place.kind in _LOCAL and (place.country_code, place.admin1_code) in self.regions:
            bonus += 8.0
        return bonus + 8.0 * min(3, self._neighbours(key, place))

    def _neighbours(self, own: str, place: Place) -> int:
        """Other places of the document (by distinct name) within reach of this one."""
        if place.kind not in _LOCAL:
            return 0
        near = set()
        for key, lat, lon in self.cities:
            # A degree of latitude is 111 km: most pairs are rejected without trigonometry.
            if key == own or key in near or abs(lat - place.lat) > _NEAR_DEGREES:
                continue
            if great_circle_km(place.lat, place.lon, lat, lon) < _NEAR_KM:
                near.add(key)
        return len(near)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _qualifier(text: str, spans: Sequence[SpanCandidates], index: int) -> SpanCandidates | None:
    """The span right after ", " ("London, Ontario"), if there is one.

    Two country names in a row are a list ("in Russia, U.S. officials said"; "Russia, China
    and Iran"), not a town qualified by its country: a writer who means the hamlet of Russia,
    Ohio names the state.
    """
    if index + 1 >= len(spans):
        return None
    here, after = spans[index], spans[index + 1]
    if text[here.end : after.start] != ", ":
        return None
    if (
        here.candidates[0].place.kind is Kind.COUNTRY
        and after.candidates[0].place.kind is Kind.COUNTRY
    ):
        return None
    return after


def _contains(region: Place, place: Place) -> bool:
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
_ADJECTIVE_ENDING = re.compile(r"(?:ish|ese|ian|ic|ean|i)$")


def unresolved_place_names(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """Capitalised names introduced as places ("in Xyz") that the gazetteer does not know.

    These are what an online geocoder is asked about, when the user allows one.
    """
    tokens = _tokens(text, _abbreviations(gaz))
    common = common_words()
    found = []
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
        if len(key) < 3 or key in common or gaz.places_for_key(key):
            continue
        if first is tokens[last] and _ADJECTIVE_ENDING.search(first.text):
            continue  # "in Turkish", "in Arabic": languages and demonyms
        if any(gaz.places_for_key(fold(t.text)) for t in tokens[i : last + 1]):
            continue  # part known ("in Osh Mayor's office"): the recogniser decides
        found.append((first.start, tokens[last].end, surface))
    return found


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
    return resolve_mentions(text, find_place_spans(text, gaz), focus_countries=focus_countries)
