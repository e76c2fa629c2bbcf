"""Tests for gazetteer.hygiene: the rules that screen alternate names, and their counts."""

from __future__ import annotations

import json

import pytest

from gazetteer import Gazetteer
from gazetteer.hygiene import RULES, Alias, AliasScreen, Vocabulary, demonym_stems

VOCAB = Vocabulary(
    common_words=frozenset({"union", "logos", "soul", "rim"}),
    demonyms=frozenset({"kazakh", "canadian"}),
)


@pytest.mark.parametrize(
    ("name", "display", "kind", "rule"),
    [
        # Demonyms: a people's name is no town's name, but a country keeps its own.
        ("Kazakh", "Petropavl", "city", "demonym"),
        ("Canadian", "Canadian", "city", None),  # Canadian, Texas: the display name stays
        ("Kazakh", "Kazakhstan", "country", None),
        # Buildings and landmarks, unless the place's own name has the word.
        ("White House", "Casablanca", "city", "building"),
        ("Hayward Station", "Hayward", "city", "building"),
        ("Castle Rock Village", "Castle Rock", "city", None),
        ("Whitehouse", "Casablanca", "city", None),  # a whole word only
        # Ordinary words, in Latin script only.
        ("Logos", "Lagos", "city", "common_word"),
        ("Söul", "Seoul", "city", "common_word"),  # folds to "soul"
        ("Рим", "Rome", "city", None),  # Cyrillic: a Russian text means Rome
        ("Union City", "Union City", "city", None),
        ("Frunze", "Bishkek", "city", None),
    ],
)
def test_rule_table(name: str, display: str, kind: str, rule: str | None) -> None:
    assert AliasScreen(VOCAB).rule_for(Alias(name, display, kind)) == rule


def test_the_screen_counts_what_each_rule_removed() -> None:
    screen = AliasScreen(VOCAB)
    offered = [
        Alias("Kazakh", "Petropavl", "city"),
        Alias("Logos", "Lagos", "city"),
        Alias("Soul", "Seoul", "city"),
        Alias("Frunze", "Bishkek", "city"),
    ]
    kept = [a.name for a in offered if screen.keep(a)]
    assert kept == ["Frunze"]
    assert screen.counts() == {"demonym": 1, "building": 0, "common_word": 2}


def test_demonym_stems_come_from_stan_names_only() -> None:
    stems = demonym_stems(["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Pakistan", "France"])
    # Pakistan's stem "pak" is too short to be a people's name; France has no -stan.
    assert stems == {"kazakh", "uzbek", "kyrgyz"}


def test_every_rule_is_named_and_has_an_example() -> None:
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert all(rule.example for rule in RULES)


def test_the_embedded_gazetteer_records_the_counts(gaz: Gazetteer) -> None:
    row = gaz._con.execute("SELECT value FROM meta WHERE key = 'alias_screen_removed'").fetchone()
    counts = json.loads(row[0])
    assert set(counts) == {rule.name for rule in RULES}
    assert all(n > 0 for n in counts.values()), counts


@pytest.mark.parametrize(
    ("name", "not_meant"),
    [("Kazakh", "Petropavl"), ("White House", "Casablanca"), ("Logos", "Lagos")],
)
def test_screened_names_no_longer_lead_to_the_place(
    gaz: Gazetteer, name: str, not_meant: str
) -> None:
    found = gaz.lookup(name, limit=10)
    assert not_meant not in {c.place.name for c in found if c.similarity == 100}
