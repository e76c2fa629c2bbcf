"""Screening rules for alternate names: which spellings a source lists that must not lead
to a place in running text.

GeoNames-derived sources list, beside real names, the people's adjective ("Kazakh" as a
name of Petropavl), a landmark's translation ("White House" of Casablanca) and ordinary
words ("Union", "Police"). Each rule below removes one of those sorts; the build counts
what each removed and writes the counts into the gazetteer's meta table. Exceptions stay
in `overlay.tsv`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from gazetteer.normalize import fold, script_of

__all__ = ["RULES", "Alias", "AliasRule", "AliasScreen", "demonym_stems"]


@dataclass(frozen=True)
class Alias:
    """An alternate name offered for a place, with what the screen needs to judge it."""

    name: str
    display: str  # the place's display name, which is never screened
    kind: str  # gazetteer kind of the place: "city", "admin1", "country", ...


@dataclass(frozen=True)
class Vocabulary:
    """Word lists the rules consult (built from registry data at build time)."""

    # Lower-case dictionary words with no capitalised entry of their own ("union", but not
    # "cologne", which the dictionary also knows as Cologne).
    common_words: frozenset[str] = frozenset()
    # Folded demonyms and people's names ("kazakh", "canadian", "uzbek").
    demonyms: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AliasRule:
    """A named test; `removes(alias, vocabulary)` is True when the alias must go."""

    name: str
    example: str
    removes: Callable[[Alias, Vocabulary], bool]


def _is_demonym(alias: Alias, vocab: Vocabulary) -> bool:
    """A people's name or adjective is not a town's name: "Kazakh" (of Petropavl),
    "Uzbek", "Canadian". Countries keep theirs: the screen never sees a country's."""
    return alias.kind != "country" and fold(alias.name) in vocab.demonyms


# A building or institution named in an alternate name is a landmark, not the town: the
# words are matched whole, and only where the display name lacks them ("Castle Rock" keeps
# its "Castle").
_BUILDING_WORDS = frozenset(
    {
        "airport",
        "building",
        "castle",
        "cathedral",
        "church",
        "hospital",
        "hotel",
        "house",
        "mosque",
        "museum",
        "palace",
        "stadium",
        "station",
        "temple",
        "tower",
        "university",
    }
)
_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _is_building(alias: Alias, vocab: Vocabulary) -> bool:
    """ "White House" of Casablanca, "Hotel Ukraina" of a village: a landmark's name."""
    found = _words(alias.name) & _BUILDING_WORDS
    return bool(found) and not found <= _words(alias.display)


def _is_common_word(alias: Alias, vocab: Vocabulary) -> bool:
    """An ordinary English word listed as another name of a place reads as the word in
    running text: "Union", "Logos" (of Lagos), "Söul" (of Seoul). Only Latin-script names
    are screened: Рим is Rome in Russian text, whatever "rim" means in English."""
    key = fold(alias.name)
    return (
        alias.name.isalpha()
        and script_of(alias.name) == "latin"
        and key in vocab.common_words
        and key != fold(alias.display)
    )


RULES: tuple[AliasRule, ...] = (
    AliasRule("demonym", "Kazakh (a name of Petropavl)", _is_demonym),
    AliasRule("building", "White House (a name of Casablanca)", _is_building),
    AliasRule("common_word", "Union (a name of several towns)", _is_common_word),
)


@dataclass
class AliasScreen:
    """Applies RULES in order and counts, per rule, the names it removed."""

    vocabulary: Vocabulary
    rules: tuple[AliasRule, ...] = RULES
    removed: Counter[str] = field(default_factory=Counter)

    def rule_for(self, alias: Alias) -> str | None:
        """The name of the first rule that removes `alias`, or None when it stays."""
        if fold(alias.name) == fold(alias.display):
            return None
        for rule in self.rules:
            if rule.removes(alias, self.vocabulary):
                return rule.name
        return None

    def keep(self, alias: Alias) -> bool:
        rule = self.rule_for(alias)
        if rule is None:
            return True
        self.removed[rule] += 1
        return False

    def counts(self) -> dict[str, int]:
        """Names removed by each rule, every rule listed (zero included)."""
        return {rule.name: self.removed[rule.name] for rule in self.rules}


def demonym_stems(country_names: Iterable[str]) -> set[str]:
    """Folded people's names hidden in country names: Kazakhstan gives "kazakh",
    Uzbekistan "uzbek". Only the -stan names are cut: elsewhere the stem is not a people's
    name ("Frankreich" gives no "frank" a reader would take for the French). Stems shorter
    than five letters are left out: they are syllables, not names."""
    stems = set()
    for name in country_names:
        key = fold(name)
        for suffix in ("istan", "stan"):  # Uzbekistan -> uzbek; Kazakhstan -> kazakh
            if key.endswith(suffix):
                stem = key[: -len(suffix)]
                if len(stem) >= 5:
                    stems.add(stem)
                break
    return stems
