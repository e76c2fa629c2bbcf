"""Lint place-name spellings: variants, inconsistencies, typos and ambiguous names.

`check_articles` is pure: it reads articles and returns findings. `check_paths` reads files
through `geomap.sources` and places each finding at a line and column of the file itself.
`plan_fixes` and `write_fixes` turn fixable findings into corrected files.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from anyascii import anyascii
from rapidfuzz import fuzz

from gazetteer import Candidate, Gazetteer, Kind, MatchType, Place, fold, skeleton
from gazetteer.lexicon import common_words
from gazetteer.normalize import script_of
from geomap.atomic import write_bytes_atomic
from geomap.decoding import raw_offsets, remove_invisible
from geomap.model import Article, InputProblem, PlaceMention
from geomap.places import (
    SpanCandidates,
    Token,
    find_place_spans,
    has_place_cue,
    in_a_name,
    is_capitalised,
    is_major,
    resolve_mentions,
    tokenize,
)
from geomap.sources import (
    FIXED_COPY_MARK,
    JSONL_SUFFIXES,
    OUTPUT_FOLDER_MARKER,
    UndecodableError,
    decode_bytes,
    iter_articles,
)
from geomap.style import DEFAULT_STYLE, HouseStyle, StyleError
from geomap.wordlists import (
    CALENDAR,
)

__all__ = [
    "CheckRun",
    "Finding",
    "FindingKind",
    "FixPlan",
    "FixedFile",
    "check_articles",
    "check_paths",
    "findings_json",
    "findings_text",
    "fix_text",
    "plan_fixes",
    "summary",
    "write_fixes",
]


class FindingKind(str, Enum):
    VARIANT = "variant"  # a known spelling, but not the preferred one
    INCONSISTENT = "inconsistent"  # the same place is spelled otherwise elsewhere
    TYPO = "typo"  # not a known spelling, but very near one
    AMBIGUOUS = "ambiguous"  # the verdict depends on which of several places is meant


@dataclass(frozen=True)
class Finding:
    """One reported place-name spelling.

    `start`/`end` index the article's text (for JSON lines, the record's "text" value);
    `line`/`col` are 1-based and count characters in the file as written (for HTML, in
    the extracted article text). `suggestion` is "" when no change is safe to make.
    """

    path: str
    line: int
    col: int
    start: int
    end: int
    found: str
    suggestion: str
    place: str
    country_code: str
    geonameid: int | None
    kind: FindingKind
    message: str
    source: str = field(default="", compare=False)  # the Article.source it came from

    @property
    def fixable(self) -> bool:
        return bool(self.suggestion) and self.suggestion != self.found

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "start": self.start,
            "end": self.end,
            "found": self.found,
            "suggestion": self.suggestion or None,
            "place": self.place,
            "country_code": self.country_code,
            "geonameid": self.geonameid,
            "kind": self.kind.value,
            "message": self.message,
        }


# ---------------------------------------------------------------------------------------------
# Preferred spellings


# Below this letter similarity two spellings are different names (US / United States,
# Osh / Auch), not variants of one: the default style only polices variants.
_NEAR_SPELLING = 75.0


_MIN_VARIANT_KEY = 4  # shorter names are near too many others to call one a misspelling
_WORD = re.compile(r"[a-z0-9]+")


def _words(name: str) -> list[str]:
    return _WORD.findall(anyascii(name).lower())


def _other_form(a: str, b: str) -> bool:
    """One name is the other with whole words added: New York / New York City, Bronx /
    The Bronx. A shorter or longer form of a name, not a different spelling of it."""
    short, long = sorted((_words(a), _words(b)), key=len)
    if len(short) == len(long) or not short:
        return False
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _near(a: str, b: str) -> bool:
    """Two spellings of one name, not two names (US / United States, Osh / Auch)."""
    if _other_form(a, b):
        return False
    ka, kb = fold(a), fold(b)
    return skeleton(ka) == skeleton(kb) or fuzz.ratio(ka, kb) >= _NEAR_SPELLING


def _derived_word(a: str, b: str) -> bool:
    """One is the other plus an ending (Russia / Russian, Iraq / Iraqi, Asia / Asian): an
    adjective or demonym, not a typo. A doubled last letter (Bishkekk) is still a typo."""
    short, long = sorted((fold(a), fold(b)), key=len)
    if short == long or not long.startswith(short):
        return False
    return long[len(short) :] != short[-1] * (len(long) - len(short))


def _shouted(surface: str) -> bool:
    return surface.upper() == surface and surface.lower() != surface


def _abbreviation(surface: str) -> bool:
    return "." in surface or (_shouted(surface) and len(surface) <= 4)


@dataclass(frozen=True)
class _Preference:
    spelling: str
    explicit: bool  # set by the house style, not the gazetteer's default


class _Spellings:
    """A house style resolved against the gazetteer."""

    def __init__(self, style: HouseStyle, gaz: Gazetteer) -> None:
        self.accept = style.accept
        self.ignore = frozenset(fold(name) for name in style.ignore)
        self.by_place: dict[int, str] = {}
        for key, spelling in sorted(style.prefer.items()):
            for place in _places_named(key, gaz, style.source or "<style>"):
                self.by_place[place.geonameid] = spelling

    def preferred(self, place: Place, script: str) -> _Preference | None:
        """The spelling to use for `place` in text of `script`; None if there is none.

        A Russian text is not wrong to write Джалал-Абад: a preference only governs
        mentions written in its own script.
        """
        chosen = self.by_place.get(place.geonameid)
        if chosen is not None and script_of(chosen) == script:
            return _Preference(chosen, explicit=True)
        if script_of(place.name) == script:
            return _Preference(place.name, explicit=False)
        return None

    def suggestion(self, surface: str, place: Place) -> str:
        """The spelling `surface` should become for `place`; "" when it is fine."""
        if surface in self.accept:
            return ""
        preference = self.preferred(place, script_of(surface))
        if preference is None or surface == preference.spelling:
            return ""
        target = preference.spelling
        plain = anyascii(target)
        shouted = _shouted(surface)
        if shouted and surface in (target.upper(), plain.upper()):
            return ""  # a dateline or headline in capitals
        # English text drops accents (Jalālābād -> Jalalabad); abbreviations and other names
        # for the place are choices, not misspellings, unless a house style says so.
        if not preference.explicit and (
            surface == plain
            or _abbreviation(surface)
            or len(fold(surface)) < _MIN_VARIANT_KEY
            or not _near(surface, target)
        ):
            return ""
        return target.upper() if shouted else target


def _places_named(key: str, gaz: Gazetteer, source: str) -> list[Place]:
    """The places a [prefer] key names: a GeoNames id, or the gazetteer's name for it."""
    bare = key.removeprefix("geonames:").strip()
    if bare.isdigit():
        place = gaz.place(int(bare))
        if place is None:
            raise StyleError(source, f"prefer: no place has GeoNames id {bare}")
        return [place]
    places = gaz.iter_places(gaz.places_for_key(fold(key)))
    named = [p for p in places if p.name.casefold() == key.casefold()]
    if not named:
        named = [p for p in places if anyascii(p.name).casefold() == anyascii(key).casefold()]
    if not named:
        raise StyleError(
            source,
            f"prefer: no place is named {key!r}; write its GeoNames id instead"
            f" (see `geomap variants {key!r}`)",
        )
    return named


# ---------------------------------------------------------------------------------------------
# One article


# Rival readings of a name worth raising: within this many score points of the chosen one,
# and not a hamlet (every name has a namesake village somewhere).
_RIVAL_MARGIN = 5.0
_RIVAL_POPULATION = 10_000
_RESOLVE_DEPTH = 12


@dataclass(frozen=True)
class _Mention:
    article: int
    start: int
    end: int
    surface: str
    place: Place
    suggestion: str


@dataclass(frozen=True)
class _Draft:
    """A finding before it is placed at a line and column."""

    article: int
    start: int
    end: int
    found: str
    suggestion: str
    place: Place | None
    kind: FindingKind
    message: str


def _label(place: Place) -> str:
    return f"{place.name}, {place.country_code}" if place.country_code else place.name


def _reading(place: Place) -> str:
    return f"{place.name} ({place.country_code})" if place.country_code else place.name


def _arrow(found: str, suggestion: str) -> str:
    return f"{found!r} → {suggestion!r}"


def _plausible_rival(candidate: Candidate, chosen: PlaceMention) -> bool:
    place = candidate.place
    return (
        place.country_code != chosen.place.country_code
        and candidate.match_type is not MatchType.FUZZY
        and candidate.score >= chosen.score - _RIVAL_MARGIN
        and (place.kind is not Kind.CITY or place.population >= _RIVAL_POPULATION)
    )


def _ambiguity(
    span: SpanCandidates,
    mention: PlaceMention,
    suggestion: str,
    other_countries: set[str],
    spellings: _Spellings,
) -> list[Place]:
    """Other places the name may mean whose reading changes the verdict; [] when settled."""
    if mention.place.country_code in other_countries:
        return []  # the rest of the document is about this place's country
    preference = spellings.preferred(mention.place, script_of(span.text))
    if preference is not None and span.text == preference.spelling:
        return []  # written exactly as this place's own name: the writer chose it
    differing: dict[str, Place] = {}
    for candidate in span.candidates[:_RESOLVE_DEPTH]:
        if not _plausible_rival(candidate, mention):
            continue
        if spellings.suggestion(span.text, candidate.place) != suggestion:
            differing.setdefault(candidate.place.country_code, candidate.place)
    return list(differing.values())


def _mentions(
    index: int, article: Article, gaz: Gazetteer, spellings: _Spellings
) -> tuple[list[_Mention], list[_Draft], list[SpanCandidates], list[PlaceMention]]:
    spans = find_place_spans(article.text, gaz)
    resolved = resolve_mentions(article.text, spans)
    keys = [fold(s.text) for s in spans]
    mentions: list[_Mention] = []
    drafts: list[_Draft] = []
    for i, (span, mention) in enumerate(zip(spans, resolved, strict=True)):
        if keys[i] in spellings.ignore:
            continue
        suggestion = spellings.suggestion(span.text, mention.place)
        others = {m.place.country_code for j, m in enumerate(resolved) if keys[j] != keys[i]}
        rivals = _ambiguity(span, mention, suggestion, others, spellings)
        if rivals:
            readings = " or ".join(_reading(p) for p in [mention.place, *rivals])
            drafts.append(
                _Draft(
                    index,
                    span.start,
                    span.end,
                    span.text,
                    "",
                    mention.place,
                    FindingKind.AMBIGUOUS,
                    f"{span.text!r} may be {readings}; name the country or region"
                    " (ambiguous: no change suggested)",
                )
            )
            continue
        mentions.append(_Mention(index, span.start, span.end, span.text, mention.place, suggestion))
    return mentions, drafts, spans, resolved


# ---------------------------------------------------------------------------------------------
# Typos: capitalised words that no spelling matches, but one nearly does


_TYPO_SIMILARITY = 88.0
_TYPO_MIN_KEY = 5  # shorter words are near too many names to judge


def _units(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of single words and hyphenated compounds."""
    units = []
    i = 0
    while i < len(tokens):
        j = i + 1
        while j < len(tokens) and text[tokens[j - 1].end : tokens[j].start] == "-":
            j += 1
        units.append((i, j))
        i = j
    return units


def _typo_of(surface: str, spelling: str) -> bool:
    if not spelling:
        return False
    if _derived_word(surface, spelling):
        return False
    a, b = fold(surface), fold(spelling)
    return skeleton(a) == skeleton(b) or fuzz.ratio(a, b) >= _TYPO_SIMILARITY


def _typo_suggestion(surface: str, candidate: Candidate, spellings: _Spellings) -> str:
    script = script_of(surface)
    preference = spellings.preferred(candidate.place, script)
    if preference is not None:
        return preference.spelling
    return candidate.matched_name if script_of(candidate.matched_name) == script else ""


def _typos(
    index: int,
    article: Article,
    gaz: Gazetteer,
    spellings: _Spellings,
    spans: Sequence[SpanCandidates],
    focus: set[str],
) -> list[_Draft]:
    text = article.text
    tokens = tokenize(text, gaz)
    covered = [(s.start, s.end) for s in spans]
    common = common_words()
    drafts = []
    for i, j in _units(text, tokens):
        first, last = tokens[i], tokens[j - 1]
        surface = text[first.start : last.end]
        key = fold(surface)
        if (
            not is_capitalised(first)
            or first.is_abbreviation
            or _shouted(surface)
            or len(key) < _TYPO_MIN_KEY
            or key in common
            or first.text.lower() in CALENDAR
            or key in spellings.ignore
            or surface in spellings.accept
            or any(s < last.end and first.start < e for s, e in covered)
            or gaz.places_for_key(key)  # a real spelling the finder judged not a place
            or in_a_name(text, tokens, i, j - i)
        ):
            continue
        cue = has_place_cue(text, tokens, i, j - i)
        # Near the spelling that would be suggested, not merely near some alias: "Kyrgyz"
        # drifts to a village's alias "Kirgiz", but is no typo of the village's name.
        near = [
            c
            for c in gaz.lookup(surface, limit=10)
            if c.match_type in (MatchType.TRANSLITERATED, MatchType.FUZZY)
            and c.similarity >= _TYPO_SIMILARITY
            and _typo_of(surface, _typo_suggestion(surface, c, spellings))
        ]
        # Looking like a place twice over: near a known spelling, and either introduced
        # as a place or near a major place of a country the document is about.
        plausible = [
            c
            for c in near
            if (is_major(c.place) and (cue or c.place.country_code in focus))
            or (cue and c.place.country_code in focus)
        ]
        in_focus = [c for c in plausible if c.place.country_code in focus]
        plausible = in_focus or plausible
        if not plausible:
            continue
        countries = list(dict.fromkeys(c.place.country_code for c in plausible))
        best = plausible[0]
        if len(countries) > 1:
            readings = " or ".join(
                _reading(next(c.place for c in plausible if c.place.country_code == cc))
                for cc in countries
            )
            drafts.append(
                _Draft(
                    index,
                    first.start,
                    last.end,
                    surface,
                    "",
                    best.place,
                    FindingKind.AMBIGUOUS,
                    f"{surface!r} is not a known spelling; it may be a typo for {readings}"
                    " (ambiguous: no change suggested)",
                )
            )
            continue
        suggestion = _typo_suggestion(surface, best, spellings)
        if suggestion:
            message = f"{_arrow(surface, suggestion)} ({_label(best.place)}; typo)"
        else:
            message = f"{surface!r} is not a known spelling of {_label(best.place)} (typo)"
        drafts.append(
            _Draft(
                index,
                first.start,
                last.end,
                surface,
                suggestion,
                best.place,
                FindingKind.TYPO,
                message,
            )
        )
    return drafts


# ---------------------------------------------------------------------------------------------
# Consistency across all articles checked together


def _consistency(
    mentions: Sequence[_Mention], spellings: _Spellings
) -> dict[tuple[int, int], _Draft]:
    """Minority spellings of a place, keyed by (article, start)."""
    groups: dict[tuple[int, str], list[_Mention]] = defaultdict(list)
    for m in mentions:
        if not _shouted(m.surface):
            groups[(m.place.geonameid, script_of(m.surface))].append(m)
    out: dict[tuple[int, int], _Draft] = {}
    for (_, script), group in groups.items():
        counts = Counter(m.surface for m in group)
        if len(counts) < 2:
            continue
        articles: dict[str, set[int]] = defaultdict(set)
        for m in group:
            articles[m.surface].add(m.article)
        order = list(dict.fromkeys(m.surface for m in group))
        place = group[0].place
        preference = spellings.preferred(place, script)
        preferred = preference.spelling if preference else None
        majority = max(order, key=lambda s: (counts[s], s == preferred, -order.index(s)))
        usage = ", ".join(
            f"{s!r} {counts[s]} time{'s' if counts[s] > 1 else ''}"
            f" in {len(articles[s])} article{'s' if len(articles[s]) > 1 else ''}"
            for s in sorted(order, key=lambda s: (-counts[s], order.index(s)))
        )
        for m in group:
            if m.surface in (majority, preferred) or not _near(m.surface, majority):
                continue
            suggestion = m.suggestion or majority
            out[(m.article, m.start)] = _Draft(
                m.article,
                m.start,
                m.end,
                m.surface,
                suggestion,
                place,
                FindingKind.INCONSISTENT,
                f"{_arrow(m.surface, suggestion)} ({_label(place)}; inconsistent: {usage})",
            )
    return out


# ---------------------------------------------------------------------------------------------
# Entry points


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_articles(
    articles: Sequence[Article], gaz: Gazetteer, style: HouseStyle = DEFAULT_STYLE
) -> list[Finding]:
    """Findings for articles checked together, in article order, then by position.

    Line and column are counted in each article's text. Raises StyleError when the style
    names a place the gazetteer does not know.
    """
    spellings = _Spellings(style, gaz)
    mentions: list[_Mention] = []
    drafts: list[_Draft] = []
    for index, article in enumerate(articles):
        found, ambiguous, spans, resolved = _mentions(index, article, gaz, spellings)
        mentions.extend(found)
        drafts.extend(ambiguous)
        focus = {m.place.country_code for m in resolved if m.place.country_code}
        drafts.extend(_typos(index, article, gaz, spellings, spans, focus))
    minority = _consistency(mentions, spellings)
    for m in mentions:
        draft = minority.get((m.article, m.start))
        if draft is not None:
            drafts.append(draft)
        elif m.suggestion:
            drafts.append(
                _Draft(
                    m.article,
                    m.start,
                    m.end,
                    m.surface,
                    m.suggestion,
                    m.place,
                    FindingKind.VARIANT,
                    f"{_arrow(m.surface, m.suggestion)} ({_label(m.place)}; variant)",
                )
            )
    drafts.sort(key=lambda d: (d.article, d.start, d.end))
    findings = []
    for d in drafts:
        article = articles[d.article]
        line, col = _line_col(article.text, d.start)
        findings.append(
            Finding(
                path=article.source,
                line=line,
                col=col,
                start=d.start,
                end=d.end,
                found=d.found,
                suggestion=d.suggestion,
                place=d.place.name if d.place else "",
                country_code=d.place.country_code if d.place else "",
                geonameid=d.place.geonameid if d.place else None,
                kind=d.kind,
                message=d.message,
                source=article.source,
            )
        )
    return findings


# ---------------------------------------------------------------------------------------------
# Files


def _jsonl_source(source: str) -> tuple[str, int] | None:
    """("corpus.jsonl", 3) for the Article.source "corpus.jsonl:3"."""
    path, _, number = source.rpartition(":")
    if not number.isdigit() or not path:
        return None
    if path != "-" and os.path.splitext(path)[1].lower() not in JSONL_SUFFIXES:
        return None
    return path, int(number)


def _skip_ws(line: str, i: int) -> int:
    while i < len(line) and line[i] in " \t\r\n":
        i += 1
    return i


def _text_offsets(line: str) -> list[int] | None:
    """Where each character of a JSON record's "text" value sits in the raw line, plus its end.

    Escapes (\\n, \\u00e9, surrogate pairs) make the decoded text and the raw line differ;
    this map lets a finding point at the line as an editor shows it, and a fix rewrite
    only the bytes of the name.
    """
    decoder = json.JSONDecoder()
    i = _skip_ws(line, 0)
    if not line.startswith("{", i):
        return None
    i, start = i + 1, None
    try:
        while True:
            i = _skip_ws(line, i)
            if line.startswith("}", i):
                break
            if not line.startswith('"', i):
                return None
            key, i = json.decoder.scanstring(line, i + 1)  # type: ignore[attr-defined]
            i = _skip_ws(line, i)
            if not line.startswith(":", i):
                return None
            i = _skip_ws(line, i + 1)
            if key == "text" and line.startswith('"', i):
                start = i + 1  # the last "text" wins, as in json.loads
            _, i = decoder.raw_decode(line, i)
            i = _skip_ws(line, i)
            if line.startswith(",", i):
                i += 1
    except (ValueError, IndexError):
        return None
    if start is None:
        return None
    offsets, i = [], start
    while i < len(line) and line[i] != '"':
        offsets.append(i)
        if line[i] != "\\":
            i += 1
        elif line[i + 1] != "u":
            i += 2
        elif 0xD800 <= int(line[i + 2 : i + 6], 16) < 0xDC00 and line.startswith("\\u", i + 6):
            i += 12  # a surrogate pair decodes to one character
        else:
            i += 6
    offsets.append(i)
    return offsets


def _read_lines(path: str) -> list[str] | None:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
    return text.split("\n")


@dataclass(frozen=True)
class CheckRun:
    """What `check_paths` found: findings, unreadable inputs, and what was read."""

    findings: tuple[Finding, ...]
    problems: tuple[InputProblem, ...]
    paths: tuple[str, ...]  # files read, in order (a JSON-lines file once)
    articles: int
    roots: tuple[str, ...] = ()  # the paths as the user gave them

    @property
    def clean(self) -> bool:
        return not self.findings and not self.problems


def _placed_in_jsonl(findings: Iterable[Finding], article: Article) -> list[Finding]:
    located = _jsonl_source(article.source)
    if located is None:
        return list(findings)
    path, number = located
    lines = _read_lines(path) if path != "-" else None
    offsets = None
    if lines is not None and number <= len(lines):
        offsets = _text_offsets(lines[number - 1])
        if offsets is not None and len(offsets) != len(article.text) + 1:
            offsets = None
    out = []
    for f in findings:
        # Without the raw line (stdin) the column counts within the "text" value.
        col = offsets[f.start] + 1 if offsets is not None else f.start + 1
        out.append(replace(f, path=path, line=number, col=col))
    return out


def check_paths(
    paths: Sequence[str],
    gaz: Gazetteer,
    style: HouseStyle = DEFAULT_STYLE,
    *,
    stdin: object = None,
) -> CheckRun:
    """Check files, directories, JSON-lines corpora or "-" (stdin), all together.

    Unreadable inputs become InputProblems and the rest is still checked. Raises
    StyleError when the style names a place the gazetteer does not know.
    """
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in iter_articles(paths, stdin=stdin):  # type: ignore[arg-type]
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            articles.append(item)
    findings = check_articles(articles, gaz, style)
    by_source: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_source[f.source].append(f)
    placed: list[Finding] = []
    files: list[str] = []
    for article in articles:
        located = _jsonl_source(article.source)
        files.append(located[0] if located else article.source)
        placed.extend(_placed_in_jsonl(by_source.get(article.source, []), article))
    return CheckRun(
        findings=tuple(placed),
        problems=tuple(problems),
        paths=tuple(dict.fromkeys(files)),
        articles=len(articles),
        roots=tuple(paths),
    )


# ---------------------------------------------------------------------------------------------
# Fixing


def fix_text(text: str, findings: Iterable[Finding]) -> str:
    """`text` with each fixable finding's span replaced by its suggestion.

    Raises ValueError when a finding's span no longer holds what was found.
    """
    out, cursor = [], 0
    for f in sorted((f for f in findings if f.fixable), key=lambda f: f.start):
        if f.start < cursor or text[f.start : f.end] != f.found:
            raise ValueError(f"{f.path}:{f.line}:{f.col}: text changed since it was checked")
        out.append(text[cursor : f.start])
        out.append(f.suggestion)
        cursor = f.end
    out.append(text[cursor:])
    return "".join(out)


def _fix_jsonl(data: bytes, findings: Sequence[Finding]) -> bytes:
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    lines = data[len(bom) :].decode("utf-8").split("\n")
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        by_line[f.line].append(f)
    for number, fixes in by_line.items():
        line = lines[number - 1]
        offsets = _text_offsets(line)
        if offsets is None:
            raise ValueError(f"line {number}: cannot find the record's text")
        out, cursor = [], 0
        for f in sorted(fixes, key=lambda f: f.start):
            raw_start, raw_end = offsets[f.start], offsets[f.end]
            if raw_start < cursor or json.loads(f'"{line[raw_start:raw_end]}"') != f.found:
                raise ValueError(f"line {number}: text changed since it was checked")
            out.append(line[cursor:raw_start])
            out.append(json.dumps(f.suggestion, ensure_ascii=False)[1:-1])
            cursor = raw_end
        out.append(line[cursor:])
        lines[number - 1] = "".join(out)
    return bom + "\n".join(lines).encode("utf-8")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _in_raw_text(raw: str, findings: Sequence[Finding]) -> list[Finding]:
    """Findings moved from the cleaned text (zero-width characters and soft hyphens removed
    on reading) to the file's own text, so a fix keeps every other character as written."""
    offsets = raw_offsets(raw)
    if len(offsets) == len(raw) + 1:
        return list(findings)  # nothing was removed
    moved = []
    for f in findings:
        if f.end > len(offsets) - 1:
            moved.append(f)  # out of range: the check below reports the file as changed
            continue
        start, end = offsets[f.start], offsets[f.end - 1] + 1
        if remove_invisible(raw[start:end]) == f.found:
            f = replace(f, start=start, end=end, found=raw[start:end])
        moved.append(f)
    return moved


def _fix_document(data: bytes, findings: Sequence[Finding]) -> bytes:
    """The file's bytes with the fixes applied, in its own encoding and byte-order mark."""
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as error:
        raise ValueError(error.reason) from None
    findings = _in_raw_text(text, findings)
    if any(text[f.start : f.end] != f.found for f in findings):
        # HTML findings index the extracted article text, not the page's markup.
        raise ValueError("positions refer to extracted text (HTML), or the file changed")
    fixed = fix_text(text, findings)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom + fixed.encode(codec)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"cannot write back its encoding ({encoding})") from None
    try:
        return fixed.encode(encoding)
    except UnicodeEncodeError:
        raise ValueError(f"a suggestion cannot be written in {encoding}") from None


@dataclass(frozen=True)
class FixedFile:
    source: str
    target: str
    data: bytes
    fixes: int


@dataclass(frozen=True)
class FixPlan:
    files: tuple[FixedFile, ...]
    problems: tuple[InputProblem, ...]


def _fixed_name(path: str) -> str:
    stem, suffix = os.path.splitext(path)
    return f"{stem}{FIXED_COPY_MARK}{suffix}"


def _relative_to_roots(path: str, roots: Sequence[str]) -> str:
    for root in roots:
        if root != "-" and os.path.isdir(root):
            relative = os.path.relpath(path, root)
            if not relative.startswith(os.pardir):
                return relative
    return os.path.basename(path)


def plan_fixes(run: CheckRun, *, in_place: bool = False, out_dir: str | None = None) -> FixPlan:
    """Corrected copies of the files with fixable findings; nothing is written yet.

    Copies go beside each input as NAME.fixed.EXT, or under `out_dir` (mirroring the
    folders given), or replace the input when `in_place`. A file that cannot be fixed
    safely (HTML, stdin, an encoding that cannot hold a suggestion) becomes a problem.
    """
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in run.findings:
        if f.fixable:
            by_path[f.path].append(f)
    files, problems, targets = [], [], set()
    for path, findings in by_path.items():
        if path == "-":
            problems.append(InputProblem(path, "stdin cannot be fixed; save it to a file"))
            continue
        try:
            data = Path(path).read_bytes()
            is_jsonl = os.path.splitext(path)[1].lower() in JSONL_SUFFIXES
            fixed = _fix_jsonl(data, findings) if is_jsonl else _fix_document(data, findings)
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            problems.append(InputProblem(path, f"not fixed: {reason}"))
            continue
        if in_place:
            target = path
        elif out_dir is not None:
            target = os.path.join(out_dir, _relative_to_roots(path, run.roots))
        else:
            target = _fixed_name(path)
        if target in targets:
            problems.append(InputProblem(path, f"not fixed: {target} would be written twice"))
            continue
        targets.add(target)
        files.append(FixedFile(path, target, fixed, len(findings)))
    return FixPlan(tuple(files), tuple(problems))


def write_fixes(plan: FixPlan, out_dir: str | None = None) -> None:
    """Write each planned file atomically. Raises OutputError on the first failure.

    An `out_dir` gets a marker file, so that reading a folder that holds it (`geomap
    extract .` after `check . --fix -o fixed`) does not count every article twice.
    """
    if out_dir is not None and plan.files:
        write_bytes_atomic(
            os.path.join(out_dir, OUTPUT_FOLDER_MARKER),
            b"Corrected copies written by `geomap check --fix`; geomap skips this folder "
            b"when it reads a folder around it.\n",
        )
    for fixed in plan.files:
        write_bytes_atomic(fixed.target, fixed.data)


# ---------------------------------------------------------------------------------------------
# Reports


def findings_text(findings: Iterable[Finding]) -> str:
    """One `path:line:col: message` line per finding, like a compiler."""
    return "".join(f"{f.path}:{f.line}:{f.col}: {f.message}\n" for f in findings)


def findings_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(run: CheckRun, plan: FixPlan | None = None) -> str:
    """One line: how many findings of each kind, in how many files, and what was fixed."""
    files = _plural(len(run.paths), "file")
    if not run.findings:
        return f"No findings in {files}."
    kinds = Counter(f.kind.value for f in run.findings)
    by_kind = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    with_findings = len({f.path for f in run.findings})
    line = (
        f"Found {_plural(len(run.findings), 'finding')} ({by_kind}) in {with_findings} of {files}"
    )
    fixable = sum(f.fixable for f in run.findings)
    if plan is not None:
        fixed = sum(f.fixes for f in plan.files)
        return f"{line}; fixed {fixed} in {_plural(len(plan.files), 'file')}."
    return f"{line}; {fixable} fixable with --fix."
