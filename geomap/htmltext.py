"""Article text and metadata from an HTML page, with navigation and boilerplate dropped."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from lxml import etree
from lxml import html as lxml_html

from geomap.metadata import canonical_outlet, known_outlet, parse_date, text_metadata

__all__ = ["HtmlDocument", "html_to_text"]


@dataclass(frozen=True)
class HtmlDocument:
    """The readable article in a page; `text` is what character offsets index."""

    text: str
    title: str = ""
    date: str | None = None  # ISO YYYY-MM-DD
    outlet: str = ""
    url: str = ""


# Never article text, whatever they contain.
_JUNK_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "map", "head", "button", "select", "option", "textarea",
    "input", "label", "nav", "aside", "footer", "menu", "dialog", "figcaption",
)  # fmt: skip
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "br", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "caption",
))  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# class/id words of page furniture. They outrank words like "content" ("sidebar-content",
# "comment-body" are still furniture), but an element that holds the article is kept.
_FURNITURE_WORDS = frozenset((
    "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumbs",
    "footer", "sidebar", "related", "share", "sharing", "sharetools", "social", "comment",
    "comments", "disqus", "cookie", "cookies", "consent", "newsletter", "promo",
    "promotion", "advert", "advertisement", "ads", "ad", "sponsor", "sponsored", "outbrain",
    "taboola", "popup", "modal", "skip", "skiplink", "pagination", "pager", "trending",
    "mostread", "mostpopular", "popular", "recommended", "subscribe", "signup", "login",
    "toolbar", "banner", "widget", "rss", "tags", "topnav", "subnav", "sitemap", "caption",
))  # fmt: skip
_HEADER_WORDS = frozenset({"header", "masthead", "topbar"})
_ARTICLE_WORDS = frozenset(("article", "story", "storybody", "articlebody", "headline"))
_WORD_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")

# Short blocks that are site boilerplate in any page.
_BOILERPLATE = re.compile(
    r"all rights reserved|copyright|©|terms of (?:use|service)|privacy (?:policy|notice)|"
    r"cookies?\b|sign (?:up|in)\b|log ?in\b|subscribe|newsletter|share (?:this|on)\b|"
    r"follow us|advertisement|read more|click here|e-?mail this|printable version|print this|"
    r"skip to|back to top|not responsible for the content|related (?:stories|links|articles|"
    r"internet links|topics)|most (?:popular|read|viewed)|top stories|more on this story",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*(?:\s|$)")

_DATE_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "originalpublicationdate",
    "parsely-pub-date",
    "sailthru.date",
    "date",
    "article:modified_time",
    "datemodified",
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# lxml refuses strings with control characters XML cannot hold.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _Kind(Enum):
    GOOD = "good"
    NEAR_GOOD = "near-good"
    SHORT = "short"
    HEADING = "heading"
    BAD = "bad"


@dataclass
class _Block:
    text: str
    link_chars: int
    tag: str
    initial: _Kind = _Kind.BAD
    final: _Kind = _Kind.BAD

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def _parse(markup: str) -> lxml_html.HtmlElement | None:
    markup = _XML_INVALID.sub("", _XML_DECLARATION.sub("", markup, count=1))
    if not markup.strip():
        return None
    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _words_of(element: lxml_html.HtmlElement) -> set[str]:
    hints = f"{element.get('class') or ''} {element.get('id') or ''}"
    return {word.lower() for word in _WORD_SPLIT.split(hints) if word}


# ---------------------------------------------------------------------------------------------
# Metadata


def _meta_values(root: lxml_html.HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        content = (meta.get("content") or "").strip()
        if key and content:
            values.setdefault(key.lower(), content)
    return values


def _json_ld_dates(root: lxml_html.HtmlElement) -> Iterator[str]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str):
                    yield value
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(reversed(item))


def _date_of(root: lxml_html.HtmlElement, meta: dict[str, str]) -> str | None:
    for key in _DATE_META_KEYS:
        if key in meta and (date := parse_date(meta[key])):
            return date
    for value in _json_ld_dates(root):
        if date := parse_date(value):
            return date
    times = list(root.iter("time"))
    # A <time> marked as the publication date first, then the first one in the page.
    times.sort(key=lambda t: not (t.get("pubdate") is not None or t.get("itemprop")))
    for time in times:
        for value in (time.get("datetime"), time.text_content()):
            if value and (date := parse_date(value)):
                return date
    for element in root.xpath("//*[@itemprop='datePublished']"):
        value = element.get("content") or element.get("datetime") or element.text_content()
        if value and (date := parse_date(value)):
            return date
    return None


_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—»:]|::|-{1,2})\s+")


def _split_title(title: str, outlet: str) -> str:
    """The headline inside a <title> such as "BBC NEWS | Asia-Pacific | Kyrgyz protests hit"."""
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    if len(parts) <= 1:
        return title.strip()
    site = outlet.casefold()
    kept = [p for p in parts if p.casefold() != site and not known_outlet(p)]
    # Section names are shorter than headlines.
    return max(kept or parts, key=len)


def _title_outlet(title: str) -> str:
    for part in _TITLE_SEPARATOR.split(title):
        if name := known_outlet(part):
            return name
    return ""


def _link_urls(root: lxml_html.HtmlElement, meta: dict[str, str]) -> str:
    candidates = [link.get("href") or "" for link in root.xpath("//link[@rel='canonical']")]
    candidates.append(meta.get("og:url", ""))
    for url in candidates:
        url = url.strip()
        # Only web links: a page must not smuggle javascript: or file: URLs into the map.
        if re.match(r"https?://", url, re.IGNORECASE):
            return url
    return ""


# ---------------------------------------------------------------------------------------------
# Removing furniture


def _holds_article(element: lxml_html.HtmlElement) -> bool:
    return element.tag in ("article", "main") or bool(
        element.xpath(".//article|.//main|.//*[@itemprop='articleBody']")
    )


def _paragraph_chars(element: lxml_html.HtmlElement) -> int:
    return sum(len(_collapse(p.text_content())) for p in element.iter("p"))


def _is_hidden(element: lxml_html.HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or (element.get("aria-hidden") or "").lower() == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _is_page_header(element: lxml_html.HtmlElement, words: set[str]) -> bool:
    if element.tag != "header" and not words & _HEADER_WORDS:
        return False
    if words & _ARTICLE_WORDS or element.xpath("ancestor::article|ancestor::main"):
        return False
    # An article's own header carries its headline as plain text, not as a logo link.
    return not any(
        _collapse(h.text_content()) and not h.xpath(".//a") for h in element.iter("h1", "h2")
    )


def _drop_furniture(body: lxml_html.HtmlElement) -> None:
    etree.strip_elements(body, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in list(body.iter(*_JUNK_TAGS)):
        if element.getparent() is not None and not (
            element.tag in ("header", "footer", "aside") and _holds_article(element)
        ):
            element.drop_tree()
    total_paragraph_chars = _paragraph_chars(body)
    for element in list(body.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if element.tag in ("html", "body") or not _is_attached(element, body):
            continue
        words = _words_of(element)
        furniture = (
            _is_hidden(element) or bool(words & _FURNITURE_WORDS) or _is_page_header(element, words)
        )
        if not furniture or _holds_article(element):
            continue
        # A wrapper with an unlucky class ("page has-sidebar") can hold the whole story.
        if total_paragraph_chars and _paragraph_chars(element) > 0.5 * total_paragraph_chars:
            continue
        element.drop_tree()


def _is_attached(element: lxml_html.HtmlElement, body: lxml_html.HtmlElement) -> bool:
    return any(ancestor is body for ancestor in element.iterancestors())


# ---------------------------------------------------------------------------------------------
# Blocks and their classification (after jusText: length, link density, then neighbours)


def _blocks(body: lxml_html.HtmlElement) -> list[_Block]:
    blocks: list[_Block] = []
    parts: list[str] = []
    link_parts: list[str] = []
    block_tags = ["body"]
    link_depth = 0

    def flush() -> None:
        text = _collapse("".join(parts))
        if text:
            link_chars = min(len(_collapse("".join(link_parts))), len(text))
            blocks.append(_Block(text, link_chars, block_tags[-1]))
        parts.clear()
        link_parts.clear()

    def add(text: str | None) -> None:
        if text:
            parts.append(text)
            if link_depth:
                link_parts.append(text)

    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
                block_tags.append(tag)
            if tag == "a":
                link_depth += 1
            add(element.text)
        else:
            if tag == "a":
                link_depth -= 1
            if tag in _BLOCK_TAGS:
                flush()
                block_tags.pop()
            if element is not body:
                add(element.tail)
    flush()
    return blocks


def _initial_kind(block: _Block) -> _Kind:
    length = len(block.text)
    if block.link_density > 0.3:
        return _Kind.BAD
    if length < 250 and _BOILERPLATE.search(block.text):
        return _Kind.BAD
    if block.tag in _HEADINGS:
        return _Kind.HEADING
    if length < 30:
        return _Kind.SHORT
    if length >= 80 and (_SENTENCE_END.search(block.text) or length >= 200):
        return _Kind.GOOD
    return _Kind.NEAR_GOOD


def _nearest(blocks: list[_Block], index: int, step: int) -> _Kind:
    """The nearest clear-cut (good or bad) neighbour; the page's edges count as bad."""
    index += step
    while 0 <= index < len(blocks):
        if blocks[index].initial in (_Kind.GOOD, _Kind.BAD):
            return blocks[index].initial
        index += step
    return _Kind.BAD


def _classify(blocks: list[_Block]) -> None:
    for block in blocks:
        block.initial = block.final = _initial_kind(block)
    for index, block in enumerate(blocks):
        before, after = _nearest(blocks, index, -1), _nearest(blocks, index, 1)
        if block.initial is _Kind.SHORT:
            # Stricter than jusText: a short line must sit inside the story on both sides.
            block.final = _Kind.GOOD if before is after is _Kind.GOOD else _Kind.BAD
        elif block.initial is _Kind.NEAR_GOOD:
            block.final = _Kind.GOOD if _Kind.GOOD in (before, after) else _Kind.BAD
    for index, block in enumerate(blocks):
        if block.initial is not _Kind.HEADING:
            continue
        block.final = _Kind.BAD
        # A heading belongs to the story when story text follows it before any furniture.
        for following in blocks[index + 1 : index + 5]:
            if following.initial in (_Kind.BAD, _Kind.HEADING):
                break
            if following.final is _Kind.GOOD:
                block.final = _Kind.GOOD
                break


# ---------------------------------------------------------------------------------------------
# Entry point


def html_to_text(html: str) -> HtmlDocument:
    """Extract the article from an HTML page: its text, title, date, outlet and URL.

    Scripts, styles, navigation, headers, footers, asides, hidden elements and elements whose
    class or id names page furniture (nav, menu, footer, related, share, comment...) are
    dropped. The remaining text blocks are kept or dropped by length, link density and their
    neighbours, as jusText does; kept blocks are joined by blank lines. Metadata comes from
    og:/article: meta tags, JSON-LD, <time>, <h1> and <title>, then from the visible text.
    """
    root = _parse(html)
    if root is None:
        return HtmlDocument(text="")
    meta = _meta_values(root)
    page_title = _collapse(root.findtext(".//title") or "")
    date = _date_of(root, meta)
    url = _link_urls(root, meta)
    outlet = canonical_outlet(
        meta.get("og:site_name") or meta.get("application-name") or meta.get("dc.publisher") or ""
    )

    body = root.find("body")
    if body is None:
        body = root
    _drop_furniture(body)
    blocks = _blocks(body)
    _classify(blocks)
    kept = [block.text for block in blocks if block.final is _Kind.GOOD]
    if not kept:
        # A tiny page (one short paragraph) has no neighbours to vouch for it.
        kept = [block.text for block in blocks if block.initial is not _Kind.BAD]
    text = "\n\n".join(kept)

    headline = next((b.text for b in blocks if b.tag == "h1" and b.initial is not _Kind.BAD), "")
    title = _collapse(meta.get("og:title") or meta.get("twitter:title") or "") or headline
    if not title and page_title:
        title = _split_title(page_title, outlet)

    visible = "\n".join(b.text for b in blocks if b.link_density <= 0.5)
    if date is None or not outlet:
        from_text = text_metadata(visible)
        date = date or from_text.date
        outlet = outlet or _title_outlet(page_title) or from_text.outlet
    return HtmlDocument(text=text, title=title, date=date, outlet=outlet, url=url)
