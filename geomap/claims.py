"""Who a sentence says made its claim ("Police said", "according to organisers"), and denials."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.caseless import Caseless

__all__ = ["Claim", "denial_cue", "find_claimant", "is_denial"]


@dataclass(frozen=True)
class Claim:
    """The source of a claim, as written: sentence[start:end] == claimed_by."""

    claimed_by: str
    start: int
    end: int
    pronoun: bool = False  # "He said": the name is in an earlier sentence


# Denials ("police denied that anyone died") are not here: the denier disputes a figure
# and is never its source (see is_denial).
_SPEECH_VERB = (
    r"(?:said|says|say|told|tells|tell|reported|reports|report|reporting|claimed|claims|claim|"
    r"claiming|estimated|estimates|estimate|stated|states|announced|announces|added|adds|"
    r"confirmed|confirms|insisted|insists|alleges|wrote|writes|"
    r"noted|notes|maintained|maintains|warned|warns|explained|explains|"
    r"put\s+(?:it|(?:the\s+)?(?:number|figure|turnout|crowd|toll|death\s+toll|size))|"
    r"(?:issued|distributed|released|published|put\s+out|sent\s+out)\s+(?:a|an)\s+"
    r"(?:press\s+release|statement|communiqu[eé]|report)|"
    r"citing|quoting)"
)
# Case-sensitive: "the United States" and "Have Your Say" hold no speech verb.
_VERB_RE = re.compile(rf"\b{_SPEECH_VERB}\b")
_ACCORDING_RE = re.compile(
    r"\b(?:according\s+to|as\s+(?:estimated|reported|counted)\s+by|estimated\s+by|"
    r"as\s+(?:\w+\s+)?(?:said|say|says|reported)\s+by)\s+"
    r"(?P<source>[^,.;:!?()\"“”]+?)(?=\s*(?:[,.;:!?()\"“”]|\bthat\b|\bat\s+\d|\bwho\b|$))",
    re.IGNORECASE,
)
# A subject ends at the verb; it starts after punctuation that opens a clause.
_CLAUSE_START_RE = re.compile(
    r"[;:(\[\]]|[,.!?][\"”’]|--|—|–|\s-\s|,(?!\d{3})|[\"“”]\s*$"  # " - " after a dateline
)
_LEADING_WORDS_RE = re.compile(
    r"^(?:(?:but|and|however|meanwhile|separately|also|yet|so|still|now|earlier|later|"
    r"then|in\s+addition|in\s+a\s+statement)\b[,\s]*)+",
    re.IGNORECASE,
)
_TRAILING_WORDS_RE = re.compile(
    r"(?:\s+(?:has|have|had|also|already|later|earlier|repeatedly|separately|previously|"
    r"initially|subsequently|reportedly|on\s+(?:\w+\s+)?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|"
    r"late|early|tonight|last\s+(?:night|week)|in\s+a\s+statement|in\s+an\s+interview|"
    r"on\s+television|on\s+state\s+television|on\s+\w+\s+radio|at\s+a\s+(?:news\s+)?"
    r"(?:press\s+)?(?:conference|briefing)|(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{1,2}|"
    r"on\s+\d{1,2}\s+[A-Z][a-z]+))+$",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "one",
        "our",
        "his",
        "her",
        "their",
        "its",
        "some",
        "several",
        "many",
        "two",
        "three",
        "local",
        "state",
        "government",
        "official",
        "senior",
    ]
)
# Nouns that name sources in protest news even when written in lower case.
_SOURCE_NOUNS = frozenset(
    [
        "police",
        "officials",
        "official",
        "authorities",
        "witnesses",
        "witness",
        "organisers",
        "organizers",
        "organiser",
        "organizer",
        "activists",
        "activist",
        "residents",
        "resident",
        "sources",
        "source",
        "media",
        "reports",
        "report",
        "doctors",
        "doctor",
        "correspondents",
        "correspondent",
        "journalists",
        "journalist",
        "reporters",
        "reporter",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leaders",
        "leader",
        "opposition",
        "protesters",
        "protestors",
        "demonstrators",
        "ministry",
        "government",
        "agency",
        "agencies",
        "observers",
        "monitors",
        "lawyers",
        "lawyer",
        "medics",
        "hospital",
        "officers",
        "officer",
        "army",
        "military",
        "participants",
    ]
)
# Words that show the "subject" is really a clause ("the elections were marred").
_CLAUSE_WORDS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "there",
        "if",
        "because",
        "whether",
        "than",
        "who",
        "which",
        "what",
        "when",
        "where",
        "while",
        "as",
        "not",
        "had",
        "has",
        "have",
        "to",
        "that",
        "this",
    ]
)
_MAX_SUBJECT_WORDS = 12
_MAX_ASIDE_WORDS = 8
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|these|those|such|their|its|his|her)\s+$", re.I)
_NOUN_LIKE_VERBS = frozenset({"reports", "report", "claims", "estimates", "notes", "states"})
_ROLE_NOUNS_RE = re.compile(
    r"\b(?:correspondent|spokesman|spokeswoman|spokesperson|minister|leader|official|"
    r"chairman|chairwoman|director|president|head|secretary|reporter|editor|analyst|"
    r"commander|chief|governor|mayor|member|deputy|activist|organi[sz]er)s?$",
    re.IGNORECASE,
)
_NAME_RE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")
_TRAILING_PUNCT = ' \t\n.,;:!?"”’)]'


def _clean(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Shrink sentence[start:end] to the subject words, dropping connectives and adverbs."""
    while start < end and sentence[start] in " \t\n\"“”'‘’,([":
        start += 1
    while end > start and sentence[end - 1] in _TRAILING_PUNCT + " ":
        end -= 1
    leading = _LEADING_WORDS_RE.match(sentence, start, end)
    if leading is not None:
        start = leading.end()
    trailing = _TRAILING_WORDS_RE.search(sentence, start, end)
    if trailing is not None:
        end = trailing.start()
    while end > start and sentence[end - 1] in _TRAILING_PUNCT:
        end -= 1
    return start, end


def _looks_like_source(words: list[str]) -> bool:
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return False
    lowered = [word.lower().strip("\"“”'‘’,") for word in words]
    if any(word in _CLAUSE_WORDS for word in lowered):
        return False
    if lowered[0] in _PRONOUNS:
        return len(words) == 1
    first = words[0].lstrip("\"“'‘")
    return (
        first[:1].isupper()
        or lowered[0] in _DETERMINERS
        or lowered[-1] in _SOURCE_NOUNS
        or lowered[-1].rstrip("s") in _SOURCE_NOUNS
    )


def _claim(sentence: str, start: int, end: int) -> Claim | None:
    start, end = _clean(sentence, start, end)
    text = sentence[start:end]
    words = text.split()
    if not _looks_like_source(words):
        return None
    return Claim(text, start, end, pronoun=text.lower() in _PRONOUNS)


def _clause_start(sentence: str, position: int) -> int:
    start = 0
    for match in _CLAUSE_START_RE.finditer(sentence, 0, position):
        start = match.end()
    return start


def _joined(sentence: str, first: Claim, second: Claim) -> Claim:
    return Claim(sentence[first.start : second.end], first.start, second.end)


def _subject_before(sentence: str, verb: re.Match[str]) -> Claim | None:
    start = _clause_start(sentence, verb.start())
    if verb.group(0) in ("citing", "quoting"):
        # "Interfax, citing police sources, said": the claimant comes before the comma.
        if sentence[start : verb.start()].strip() or start == 0 or sentence[start - 1] != ",":
            return None
        previous = _clause_start(sentence, start - 1)
        return _claim(sentence, previous, start - 1)
    if sentence[start : verb.start()].strip() or start == 0 or sentence[start - 1] != ",":
        return _claim(sentence, start, verb.start())
    # The verb follows an aside between commas: "X, citing sources, said",
    # "The BBC's correspondent, Monica Whitlock, says", "Police, in a statement, said".
    aside_start = _clause_start(sentence, start - 1)
    aside = _claim(sentence, aside_start, start - 1)
    if aside is not None and len(aside.claimed_by.split()) > _MAX_ASIDE_WORDS:
        aside = None
    head = None
    if aside_start > 0 and sentence[aside_start - 1] == ",":
        head_start = _clause_start(sentence, aside_start - 1)
        head = _claim(sentence, head_start, aside_start - 1)
    if re.match(r"\s*(?:citing|quoting|who|which|in\s+a|in\s+an)\b", sentence[aside_start:]):
        return head
    if head is not None and aside is not None:
        if _ROLE_NOUNS_RE.search(head.claimed_by) and _NAME_RE.match(aside.claimed_by):
            return _joined(sentence, head, aside)
        if _NAME_RE.match(head.claimed_by) and _ROLE_NOUNS_RE.search(aside.claimed_by):
            return _joined(sentence, head, aside)
    return aside


def _subject_after(sentence: str, verb: re.Match[str]) -> Claim | None:
    """', said police spokesman John Doe.': the source follows the verb at the end."""
    if verb.group(0).lower() not in ("said", "says", "added", "reported", "told"):
        return None
    before = sentence[: verb.start()].rstrip()
    if not before.endswith((",", ',"', ",”", "”", '"')):
        return None
    tail_start = verb.end()
    tail = sentence[tail_start:]
    # "..., said John Doe, a police spokesman." keeps the apposition; other commas
    # mean the tail is more than a name.
    if re.search(r"[,;:]\s*(?!a\b|an\b|the\b)\w", tail.rstrip(_TRAILING_PUNCT)):
        return None
    return _claim(sentence, tail_start, len(sentence))


def find_claimant(sentence: str) -> Claim | None:
    """Who the sentence says made its claim, as written, or None.

    "According to X" wins; otherwise the subject of the first speech verb ("Police said",
    "Opposition leaders say", "..., reports said."), or the name after an inverted
    ", said X." at the end.
    """
    according = _ACCORDING_RE.search(sentence)
    if according is not None:
        claim = _claim(sentence, according.start("source"), according.end("source"))
        if claim is not None:
            return claim
    for verb in _VERB_RE.finditer(sentence):
        if verb.group(0) in _NOUN_LIKE_VERBS and (
            _VERB_RE.match(sentence, verb.end() + 1)
            or _DETERMINER_BEFORE_RE.search(sentence, 0, verb.start())
        ):
            continue  # "reports said", "denied the report": the word is the noun
        claim = _subject_before(sentence, verb) or _subject_after(sentence, verb)
        if claim is not None:
            return claim
    return None


_DENIAL_RE = Caseless(
    r"\b(?:denied|denies|deny|denying|denial|rejected\s+(?:the\s+|these\s+|those\s+)?"
    r"(?:claims?|reports?|allegations?|accounts?|figures?)|dismissed\s+(?:the\s+|as\s+)?"
    r"(?:claims?|reports?|allegations?|rumou?rs?|false|untrue|baseless)|refuted|"
    r"(?:nobody|no\s+one|no-one)\s+(?:\w+\s+){0,2}?(?:died|was\s+killed|were\s+killed|"
    r"killed|was\s+hurt|was\s+injured)|no\s+(?:casualties|deaths|fatalities)|"
    r"(?:lying|false|baseless|unfounded)\s+(?:rumou?rs?|reports?|claims?)|"
    r"(?:were|was|is|are)\s+(?:untrue|false|baseless|unfounded)|not\s+true)\b"
)


_DENIAL_VERB_RE = Caseless(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes)\b"
)


def denial_cue(sentence: str) -> tuple[int, int] | None:
    """Offsets of the verb that denies what follows it ("Police denied that rubber bullets
    were used"): what follows is disputed, not reported. None without such a verb."""
    match = _DENIAL_VERB_RE.search(sentence)
    return match.span() if match else None


def is_denial(sentence: str) -> bool:
    """Whether the sentence reports a denial ("denied the report", "nobody died")."""
    return _DENIAL_RE.search(sentence) is not None
