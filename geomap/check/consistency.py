"""Consistency across all articles checked together: a place spelled one way, and now and
then another."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from gazetteer.normalize import script_of
from geomap.check.findings import Draft, FindingKind, Mention, arrow, label
from geomap.check.rules import Spellings, near, shouted

__all__ = ["minority_spellings"]


def _times(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n > 1 else ''}"


def _minority(group: Sequence[Mention], script: str, spellings: Spellings) -> list[Draft]:
    """Drafts for the mentions of one place, in one script, not spelled as most are."""
    counts = Counter(m.surface for m in group)
    if len(counts) < 2:
        return []
    articles: dict[str, set[int]] = defaultdict(set)
    for m in group:
        articles[m.surface].add(m.article)
    order = list(dict.fromkeys(m.surface for m in group))
    place = group[0].place
    preference = spellings.preferred(place, script)
    preferred = preference.spelling if preference else None
    majority = max(order, key=lambda s: (counts[s], s == preferred, -order.index(s)))
    usage = ", ".join(
        f"{s!r} {_times(counts[s], 'time')} in {_times(len(articles[s]), 'article')}"
        for s in sorted(order, key=lambda s: (-counts[s], order.index(s)))
    )
    drafts = []
    for m in group:
        if m.surface in (majority, preferred) or not near(m.surface, majority):
            continue
        suggestion = m.suggestion or majority
        drafts.append(
            Draft(
                m.article,
                m.start,
                m.end,
                m.surface,
                suggestion,
                place,
                FindingKind.INCONSISTENT,
                f"{arrow(m.surface, suggestion)} ({label(place)}; inconsistent: {usage})",
            )
        )
    return drafts


def minority_spellings(
    mentions: Sequence[Mention], spellings: Spellings
) -> dict[tuple[int, int], Draft]:
    """Minority spellings of a place, keyed by (article, start)."""
    groups: dict[tuple[int, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if not shouted(m.surface):
            groups[(m.place.geonameid, script_of(m.surface))].append(m)
    return {
        (d.article, d.start): d
        for (_, script), group in groups.items()
        for d in _minority(group, script, spellings)
    }
