"""A place rule's words (PlaceRule.words) spare it only sentences it cannot apply to.

Over the hand-coded reports of a few bench sets, every rule a sentence's words leave out is
still asked about each place of the sentence, and must say no; and the rules with words
are met often enough there for the check to mean something.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from geomap import event_places
from geomap.caseless import folds_exactly
from geomap.event_places import NOT_EVENT_PLACE_RULES, PlaceCue, PlaceRule
from geomap.extract import extract_events
from geomap.model import Article

ROOT = Path(__file__).resolve().parent.parent
SETS = ["fresh", "fresh2", "fresh3", "fresh5", "fresh8", "fresh13", "fresh21", "fresh34"]


def test_rule_words_leave_out_only_rules_that_do_not_apply(
    gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    gated = event_places._rules_for
    left_out: Counter[str] = Counter()

    def never(rule: PlaceRule) -> PlaceRule:
        def applies(cue: PlaceCue) -> bool:
            left_out[rule.name] += 1
            assert not rule.applies(cue), (rule.name, cue.sentence)
            return False

        return replace(rule, applies=applies)

    def every_rule(sentence: str) -> tuple[PlaceRule, ...]:
        kept = gated(sentence)
        return tuple(rule if rule in kept else never(rule) for rule in NOT_EVENT_PLACE_RULES)

    monkeypatch.setattr(event_places, "_rules_for", every_rule)
    paths = [p for name in SETS for p in sorted((ROOT / "bench" / name / "texts").glob("*.txt"))]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        extract_events(Article(source=path.name, text=text, date="2024-06-25"), gaz)
    worded = [rule.name for rule in NOT_EVENT_PLACE_RULES if rule.words]
    assert sum(left_out[name] > 0 for name in worded) >= len(worded) - 1, left_out


def test_no_rule_word_holds_whitespace() -> None:
    # _rules_for finds a sentence's words chunk by whitespace-free chunk: a word holding
    # whitespace would be found in no chunk.
    words = [word for rule in NOT_EVENT_PLACE_RULES for word in rule.words]
    assert words
    assert all(word.split() == [word] for word in words)


def test_the_rules_for_a_sentence_are_those_whose_words_it_holds() -> None:
    paths = [p for name in SETS for p in sorted((ROOT / "bench" / name / "texts").glob("*.txt"))]
    lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [
        "Police in Osh said the hospital treated 12 people.",
        "The photo/credit line named Osh.",
        "A slogan\u00a0read 'Osh' in a residence.",  # a no-break space splits chunks too
        "Nothing here names a word of any rule at all: Osh.",
    ]
    for sentence in lines:
        lowered = sentence.lower()
        expected = tuple(
            rule
            for rule in NOT_EVENT_PLACE_RULES
            if not rule.words
            or any(word in lowered for word in rule.words)
            or not folds_exactly(sentence)  # read by every rule (see _rules_for)
        )
        assert event_places._rules_for(sentence) == expected, sentence
