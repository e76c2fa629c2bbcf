"""Property tests (hypothesis): parsers never crash, offsets index the text, HTML stays inert.

Every string that can reach a map page is drawn from a mix of random unicode and markup
fragments, and the page is checked structurally: the same tags as a page built from bland
placeholders, only http(s) links, data that survives its escaping unchanged.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer, fold
from geomap import places
from geomap.dates import find_dates, resolve_date
from geomap.figures import find_numbers, parse_counts, parse_crowd, parse_number
from geomap.model import EventType
from geomap.places import find_mentions
from geomap.render import RenderMode, render_html
from geomap.render.payload import build_payload, safe_href

FAST = settings(max_examples=80, deadline=None)
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HTML = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that have broken text code elsewhere: case mappings that change length (İ, ß,
# ﬁ), combining marks, right-to-left text, line and paragraph separators, zero-width joiners.
TRICKY = ("İ", "ß", "ﬁ", "ǅ", "é", "e\u0301", "\u200d", "\u2028", "\u2029", "ـ", "ש", "\x00", "\t")
WORDS = (
    "Jalal-Abad",
    "Jala-abad",
    "Osh",
    "OSH",
    "Bishkek",
    "Бишкек",
    "Джалал-Абад",
    "Kara-Suu",
    "Naryn",
    "Talas",
    "Kyrgyzstan",
    "Georgia",
    "protesters",
    "seized",
    "thousand",
    "2,000",
    "March",
    "Sunday",
    "yesterday",
    "24",
    "-",
    ".",
    ",",
    "'",
    " ",
    "\n",
)


def _mixed(fragments: tuple[str, ...], max_parts: int = 12) -> st.SearchStrategy[str]:
    part = st.one_of(st.sampled_from(fragments), st.sampled_from(TRICKY), st.text(max_size=6))
    return st.lists(part, max_size=max_parts).map("".join)


sentences = _mixed(WORDS)

# --- numbers -----------------------------------------------------------------------------------

NUMBER_WORDS = ("two", "thousand", "hundred", "and", "about", "some", "tens of", "million", "1.5")
number_text = _mixed((*NUMBER_WORDS, "2,000", "5,000-7,000", "12", ",", " ", "-", "to"), 6)


@FAST
@given(number_text)
def test_parse_number_returns_a_count_or_none(text: str) -> None:
    value = parse_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)


@FAST
@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_reads_digits_with_and_without_separators(n: int) -> None:
    # Figures past ten billion are typos or not people; the parser caps them there.
    expected = min(n, 10**10)
    assert parse_number(str(n)) == expected
    assert parse_number(f"{n:,}") == expected


_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _below_100(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, units = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")


def _below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _below_100(rest)
    return f"{_UNITS[hundreds]} hundred" + (f" and {_below_100(rest)}" if rest else "")


@FAST
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["", " thousand", " million"]))
def test_parse_number_reads_words(n: int, scale: str) -> None:
    # Only words below 100 take a scale ("forty-two thousand"); "three hundred and five
    # thousand" is written in figures in news text, and geomap does not claim to read it.
    if scale and n >= 100:
        n %= 100
        n = n or 1
    multiplier = {"": 1, " thousand": 1000, " million": 10**6}[scale]
    words = (_below_1000(n) if not scale else _below_100(n)) + scale
    assert parse_number(words) == n * multiplier
    assert parse_number(words.upper()) == n * multiplier


@FAST
@given(sentences)
def test_find_numbers_offsets_index_the_sentence(sentence: str) -> None:
    for phrase in find_numbers(sentence):
        assert 0 <= phrase.start < phrase.end <= len(sentence)
        assert sentence[phrase.start : phrase.end] == phrase.text
        assert phrase.low >= 0
        assert phrase.high is None or phrase.high >= phrase.low


@FAST
@given(sentences)
def test_parse_crowd_is_a_span_of_the_sentence(sentence: str) -> None:
    crowd = parse_crowd(sentence)
    if crowd is not None:
        assert sentence[crowd.start : crowd.end] == crowd.text
        assert crowd.low >= 0
        assert crowd.high is None or crowd.high >= crowd.low


@FAST
@given(_mixed((*WORDS, "killed", "injured", "arrested", "detained", "wounded", "died"), 14))
def test_parse_counts_quotes_the_sentence(sentence: str) -> None:
    counts = parse_counts(sentence)
    for value, text in (
        (counts.killed, counts.killed_text),
        (counts.injured, counts.injured_text),
        (counts.arrested, counts.arrested_text),
    ):
        assert (value is None) == (text == "")
        if value is not None:
            assert value >= 0
            assert text in sentence


# --- dates -------------------------------------------------------------------------------------

DATE_WORDS = (
    "On",
    "on",
    "Sunday",
    "last",
    "next",
    "Monday",
    "yesterday",
    "today",
    "24",
    "31",
    "29",
    "February",
    "March",
    "Mar.",
    "2005",
    "1999",
    "0",
    "early",
    "late",
    "week",
    "the",
    " ",
    ",",
)
article_dates = st.one_of(
    st.none(),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.text(max_size=12),
)


@FAST
@given(_mixed(DATE_WORDS, 10), article_dates)
def test_resolve_date_gives_a_real_date_and_a_span(sentence: str, article: str | None) -> None:
    found = resolve_date(sentence, article)
    if found is not None:
        assert found.date is None or date.fromisoformat(found.date).isoformat() == found.date
        assert 0 <= found.start <= found.end <= len(sentence)
        assert found.text.strip() in sentence
    for ref in find_dates(sentence, article):
        assert ref.date is None or date.fromisoformat(ref.date).isoformat() == ref.date
        assert ref.text in sentence


# --- names -------------------------------------------------------------------------------------


@FAST
@given(st.text(max_size=40))
def test_fold_is_an_idempotent_ascii_key(text: str) -> None:
    key = fold(text)
    assert re.fullmatch(r"[a-z0-9]*", key)
    assert fold(key) == key


@FAST
@given(st.one_of(st.text(max_size=30), _mixed(WORDS, 4)), st.sampled_from([None, "KG", "zz", ""]))
def test_lookup_never_crashes(gaz: Gazetteer, name: str, country: str | None) -> None:
    for candidate in gaz.lookup(name, country=country, limit=5):
        assert 0.0 <= candidate.score <= 100.0
        assert -90.0 <= candidate.place.lat <= 90.0


@SLOW
@given(_mixed(WORDS, 24))
def test_find_mentions_offsets_index_the_text(gaz: Gazetteer, text: str) -> None:
    previous_end = 0
    for mention in find_mentions(text, gaz):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end  # in order, never overlapping
        previous_end = mention.end


NAME_CONTEXT = (
    *WORDS,
    "didn't",
    "U.S.",
    "Ky.",
    "Osh's",
    "Kyrgyzstan’s",
    "of",
    "the",
    "in",
    "President",
    "said",
    "Province",
    "McDonald",
    "iPhone",
    "Gov.",
    "China.",
    "  ",
    "(",
)


@SLOW
@given(_mixed(NAME_CONTEXT, 30))
def test_recognition_reads_the_same_from_the_reduced_token_list(gaz: Gazetteer, text: str) -> None:
    # Recognition tokenises only around capitals (a speed-up); it must find exactly what a
    # pass over every token finds.
    abbreviations = places._abbreviations(gaz)
    every = places._tokens(text, abbreviations)
    reduced = places._name_tokens(text, abbreviations)
    remaining = iter(every)
    assert all(any(token == other for other in remaining) for token in reduced)
    assert places._find_place_spans(text, gaz, reduced) == places._find_place_spans(
        text, gaz, every
    )


# --- HTML --------------------------------------------------------------------------------------

MARKUP = (
    "<script>",
    "</script>",
    "<script>alert(1)</script>",
    "</SCRIPT >",
    "<!--",
    "-->",
    "<img src=x onerror=alert(1)>",
    "</style>",
    "</title>",
    "</textarea>",
    "<",
    ">",
    '"',
    "'",
    "`",
    "&",
    "&amp;",
    "&lt;",
    "javascript:",
    "JaVaScRiPt:alert(1)",
    "\u2028",
    "\u2029",
    "${x}",
    # branca re-reads folium elements' output as a Jinja template: these must stay text.
    "{{ this }}",
    "{{",
    "{%",
    "{#",
    "{{ this.__init__.__globals__ }}",
    "\\",
    "]]>",
)
URLS = (
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "https://example.org/a?b=1&c=<script>",
    'http://example.org/"onmouseover="alert(1)',
    "https://example.org/\u2028",
    "http:alert(1)",
    "",
)
STRING_FIELDS = (
    "place",
    "admin1",
    "quote",
    "source",
    "source_title",
    "outlet",
    "date_text",
    "crowd_text",
    "claimed_by",
    "date",
    "source_date",
)

hostile = _mixed(MARKUP, 6)
urls = st.one_of(st.sampled_from(URLS), _mixed(URLS + MARKUP, 3))


@st.composite
def hostile_features(draw: st.DrawFn, number: int) -> dict[str, Any]:
    # Nonces around every value make a verbatim occurrence in the page attributable to this
    # value alone (a bare "<" or "&" occurs in any page).
    properties: dict[str, Any] = {
        name: f"qzx{number}{name}:{draw(hostile)}:xzq" for name in STRING_FIELDS
    }
    properties.update(
        event_type=draw(st.sampled_from([t.value for t in EventType])),
        place_id="",
        country_code="KG",
        precision="point",
        inferred=draw(st.booleans()),
        disputed=draw(st.booleans()),
        mentions=[f"qzx{number}m:{m}:xzq" for m in draw(st.lists(hostile, max_size=3))],
        url=draw(urls),
        crowd_low=draw(st.one_of(st.none(), st.integers(0, 10**6))),
        crowd_high=None,
        killed=draw(st.one_of(st.none(), st.integers(0, 100))),
        injured=None,
        arrested=None,
        char_start=0,
        char_end=1,
        confidence=0.5,
    )
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [74.59, 42.87]},
        "properties": properties,
    }


collections = (
    st.integers(min_value=1, max_value=3)
    .flatmap(lambda count: st.tuples(*(hostile_features(number) for number in range(count))))
    .map(lambda features: {"type": "FeatureCollection", "features": list(features)})
)


def _bland(value: str) -> str:
    return "x" if value else ""


def _bland_collection(collection: dict[str, Any]) -> dict[str, Any]:
    """The same events with every string replaced by a placeholder of the same emptiness."""
    features = []
    for feature in collection["features"]:
        properties = dict(feature["properties"])
        for name in STRING_FIELDS:
            properties[name] = _bland(properties[name])
        properties["mentions"] = [_bland(m) for m in properties["mentions"]]
        properties["url"] = "https://example.org/" if safe_href(properties["url"]) else ""
        features.append({**feature, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


class _Structure(HTMLParser):
    """Tags and attribute names in document order, link targets, and the text of scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, ...]] = []
        self.links: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, *sorted(name for name, _ in attrs)))
        self.links += [value or "" for name, value in attrs if name in ("href", "src")]
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(("/" + tag,))
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _structure(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser


@lru_cache(maxsize=256)
def _bland_tags(bland_json: str, title: str, mode: RenderMode) -> list[tuple[str, ...]]:
    return _structure(render_html(json.loads(bland_json), title=title, mode=mode)).tags


_DATA_SCRIPT_RE = re.compile(
    r'<script type="application/json" id="[^"]+[-_]data">(.*?)</script>', re.DOTALL
)


@pytest.mark.parametrize("mode", ["default", "self-contained", "embed"])
@HTML
@given(collection=collections, title=hostile)
def test_hostile_strings_stay_inert(
    mode: RenderMode, collection: dict[str, Any], title: str
) -> None:
    html = render_html(collection, title=title, mode=mode)
    page = _structure(html)

    # The same markup as for harmless text: nothing the input said became a tag or attribute.
    bland = json.dumps(_bland_collection(collection), sort_keys=True)
    assert page.tags == _bland_tags(bland, _bland(title), mode)

    # No value that could open markup or an entity appears as written.
    for feature in collection["features"]:
        properties = feature["properties"]
        for value in [properties[name] for name in STRING_FIELDS] + properties["mentions"]:
            if "<" in value or "&" in value:
                assert value not in html, value

    # Only web links, wherever a link appears.
    for link in page.links:
        assert urlsplit(link.strip()).scheme in ("http", "https"), link

    # Line separators end a JS string in older parsers; no script may carry one raw.
    assert not any("\u2028" in s or "\u2029" in s for s in page.scripts)

    # Escaping loses nothing: the data blob reads back as exactly what was built.
    (blob,) = _DATA_SCRIPT_RE.findall(html)
    payload = json.loads(blob)
    assert payload == json.loads(json.dumps(build_payload(collection)))
    for source in payload["sources"]:
        assert source[3] == "" or urlsplit(source[3]).scheme in ("http", "https")
