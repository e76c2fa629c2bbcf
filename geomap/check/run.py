"""The linter's entry points: articles checked together, or files placed at lines and columns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer import Gazetteer
from geomap.check.consistency import minority_spellings
from geomap.check.findings import Draft, Finding, FindingKind, Mention, arrow, label
from geomap.check.jsonl import jsonl_source, placed_in_jsonl
from geomap.check.mentions import article_mentions
from geomap.check.rules import Spellings
from geomap.check.typos import typos
from geomap.model import Article, InputProblem
from geomap.sources import iter_articles
from geomap.style import DEFAULT_STYLE, HouseStyle

__all__ = ["CheckRun", "check_articles", "check_paths"]


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _variant(m: Mention) -> Draft:
    return Draft(
        m.article,
        m.start,
        m.end,
        m.surface,
        m.suggestion,
        m.place,
        FindingKind.VARIANT,
        f"{arrow(m.surface, m.suggestion)} ({label(m.place)}; variant)",
    )


def _finding(d: Draft, article: Article) -> Finding:
    line, col = _line_col(article.text, d.start)
    return Finding(
        path=article.source,
        line=line,
        col=col,
        start=d.start,
        end=d.end,
        found=d.found,
        suggestion=d.suggestion,
        place=d.place.name if d.place else "",
        country_code=d.place.country_code if d.place else "",
        geonameid=d.place.geonameid if d.place and d.place.is_geonames else None,
        kind=d.kind,
        message=d.message,
        place_id=d.place.place_id if d.place else "",
        source=article.source,
    )


def check_articles(
    articles: Sequence[Article], gaz: Gazetteer, style: HouseStyle = DEFAULT_STYLE
) -> list[Finding]:
    """Findings for articles checked together, in article order, then by position.

    Line and column are counted in each article's text. Raises StyleError when the style
    names a place the gazetteer does not know.
    """
    spellings = Spellings(style, gaz)
    mentions: list[Mention] = []
    drafts: list[Draft] = []
    for index, article in enumerate(articles):
        found = article_mentions(index, article, gaz, spellings)
        mentions.extend(found.mentions)
        drafts.extend(found.ambiguous)
        focus = {m.place.country_code for m in found.resolved if m.place.country_code}
        drafts.extend(typos(index, article, gaz, spellings, found.spans, focus))
    minority = minority_spellings(mentions, spellings)
    for m in mentions:
        draft = minority.get((m.article, m.start))
        if draft is not None:
            drafts.append(draft)
        elif m.suggestion:
            drafts.append(_variant(m))
    drafts.sort(key=lambda d: (d.article, d.start, d.end))
    return [_finding(d, articles[d.article]) for d in drafts]


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
        located = jsonl_source(article.source)
        files.append(located[0] if located else article.source)
        placed.extend(placed_in_jsonl(by_source.get(article.source, []), article))
    return CheckRun(
        findings=tuple(placed),
        problems=tuple(problems),
        paths=tuple(dict.fromkeys(files)),
        articles=len(articles),
        roots=tuple(paths),
    )
