"""Tests for geomap.htmltext: the article text and metadata of hand-written pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.htmltext import HtmlDocument, html_to_text

PAGES = Path(__file__).parent / "fixtures" / "inputs" / "html"


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _story(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


BBC_2005_TEXT = _story(
    "Kyrgyz protests hit second city",
    "Opposition activists have seized government buildings in Kyrgyzstan's second largest city, "
    "Osh, as protests against disputed elections continue.",
    "About 1,000 protesters took control of the regional government building and forced police "
    "to flee, reports said.",
    "The move followed the opposition's effective seizure of parts of the nearby town of "
    "Jalal-Abad on Sunday.",
    "The opposition wants President Askar Akayev to resign, and says recent elections for "
    "parliament were unfair.",
    "In Osh, protesters first stormed the regional government building on Friday, but were "
    "forced out.",
    "Police said four officers were killed in the protests.",
    "Call for talks",
    "Kyrgyzstan's Prime Minister Nikolai Tanayev said the government was ready to talk to the "
    "protesters, and promised that force would not be used.",
    '"All other lower level negotiations will be just a waste of time," Kurmanbek Bakiyev of '
    "the People's Movement of Kyrgyzstan told the Associated Press news agency.",
    "In Washington, State Department James Ereli on Sunday said US officials have been in touch "
    "with both sides, to urge them to resolve their differences through dialogue.",
)

SCRIPT_HEAVY_TEXT = _story(
    "Thousands rally in Valparaíso against pension reform",
    "Thousands of people marched through the centre of Valparaíso on Friday to protest against "
    "a planned reform of the pension system, the third such rally this month.",
    "Organisers said about 15,000 people took part, while police put the figure at 4,000. The "
    "march ended outside the National Congress building, where protesters blocked the main "
    "avenue for several hours.",
    "Riot police used water cannon to disperse a group of protesters who threw stones at the "
    "building in the early evening. Local media reported that 23 people were detained.",
    '"We have worked all our lives and we cannot live on these pensions," said Rosa Díaz, a '
    "64-year-old retired teacher who joined the march with her grandchildren.",
    "The government said the reform was needed to keep the system solvent and that it was open "
    "to talks with the unions.",
)


def test_bbc_2005_page() -> None:
    page = html_to_text(_page("bbc_2005_story.html"))
    assert page == HtmlDocument(
        text=BBC_2005_TEXT,
        title="Kyrgyz protests hit second city",
        date="2005-03-21",
        outlet="BBC News",
        url="http://news.bbc.co.uk/2/hi/asia-pacific/4367481.stm",
    )


def test_script_heavy_page() -> None:
    page = html_to_text(_page("script_heavy.html"))
    assert page == HtmlDocument(
        text=SCRIPT_HEAVY_TEXT,
        title="Thousands rally in Valparaíso against pension reform",
        date="2019-10-25",
        outlet="The Coastal Herald",
        url="https://coastalherald.example/world/2019/10/25/valparaiso-pension-rally",
    )


@pytest.mark.parametrize(
    ("page", "furniture"),
    [
        ("bbc_2005_story.html", "News Front Page"),
        ("bbc_2005_story.html", "Last Updated"),
        ("bbc_2005_story.html", "E-mail this to a friend"),
        ("bbc_2005_story.html", "Security forces were forced to flee"),  # photo caption
        ("bbc_2005_story.html", "Advertisement"),
        ("bbc_2005_story.html", "RELATED NEWS STORIES"),
        ("bbc_2005_story.html", "Voting ends in close Kyrgyz poll"),
        ("bbc_2005_story.html", "not responsible for the content"),
        ("bbc_2005_story.html", "Scenes of violence"),
        ("bbc_2005_story.html", "navigator.appName"),
        ("bbc_2005_story.html", "font-family"),
        ("script_heavy.html", "cookies"),
        ("script_heavy.html", "Politics"),
        ("script_heavy.html", "Share on Twitter"),
        ("script_heavy.html", "By Ana Ortega"),
        ("script_heavy.html", "Photo: Ana Ortega"),
        ("script_heavy.html", "Related stories"),
        ("script_heavy.html", "Curfew declared"),
        ("script_heavy.html", "Comments (112)"),
        ("script_heavy.html", "governments ignore people"),
        ("script_heavy.html", "morning briefing"),
        ("script_heavy.html", "All rights reserved"),
        ("script_heavy.html", "Police fired tear gas"),  # a string inside a script
        ("script_heavy.html", "a CSS comment"),
        ("script_heavy.html", "renderAd"),
    ],
)
def test_furniture_is_dropped(page: str, furniture: str) -> None:
    assert furniture not in html_to_text(_page(page)).text


PLAIN_STORY = (
    "Several thousand people gathered outside the parliament building on Saturday, chanting "
    "slogans and waving flags, in the largest protest the capital has seen this year."
)


@pytest.mark.parametrize(
    ("head", "body_extra", "expected"),
    [
        pytest.param(
            '<meta property="og:title" content="Crowds gather outside parliament">'
            '<meta property="article:published_time" content="2024-05-18T09:30:00+02:00">'
            '<meta property="og:site_name" content="Deutsche Welle">',
            "",
            ("Crowds gather outside parliament", "2024-05-18", "Deutsche Welle", ""),
            id="open graph",
        ),
        pytest.param(
            "<title>Crowds gather outside parliament - BBC News</title>",
            "",
            ("Crowds gather outside parliament", None, "BBC News", ""),
            id="title with site name",
        ),
        pytest.param(
            "<title>BBC NEWS | World | Europe | Crowds gather outside parliament</title>"
            '<meta name="OriginalPublicationDate" content="2005/03/21 10:14:03">',
            "",
            ("Crowds gather outside parliament", "2005-03-21", "BBC News", ""),
            id="old BBC title",
        ),
        pytest.param(
            '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
            '{"@type": "NewsArticle", "datePublished": "2023-11-02T17:05:00Z"}]}</script>',
            "",
            ("", "2023-11-02", "", ""),
            id="json-ld",
        ),
        pytest.param(
            "",
            '<time datetime="2022-01-05">5 January</time>',
            ("", "2022-01-05", "", ""),
            id="time element",
        ),
        pytest.param(
            '<meta name="pubdate" content="20050321">',
            "",
            ("", "2005-03-21", "", ""),
            id="compact pubdate",
        ),
        pytest.param(
            "",
            "<div>Published: 12 June 2020</div>",
            ("", "2020-06-12", "", ""),
            id="date in visible text",
        ),
        pytest.param(
            '<link rel="canonical" href="javascript:alert(1)">'
            '<meta property="og:url" content="https://news.example/story">',
            "",
            ("", None, "", "https://news.example/story"),
            id="only web links",
        ),
        pytest.param(
            "",
            "<h1>Crowds gather outside parliament</h1>",
            ("Crowds gather outside parliament", None, "", ""),
            id="h1 headline",
        ),
    ],
)
def test_metadata(head: str, body_extra: str, expected: tuple[str, str | None, str, str]) -> None:
    page = html_to_text(
        f"<html><head>{head}</head><body>{body_extra}<p>{PLAIN_STORY}</p></body></html>"
    )
    assert (page.title, page.date, page.outlet, page.url) == expected
    assert page.text.endswith(PLAIN_STORY)


def test_page_without_class_hints_keeps_the_story_and_drops_link_lists() -> None:
    links = "".join(f'<li><a href="/s{i}">Section number {i}</a></li>' for i in range(8))
    page = html_to_text(
        f"<html><body><div><ul>{links}</ul></div><div><p>{PLAIN_STORY}</p>"
        f"<p>Police said the rally was peaceful and that no one had been detained by evening.</p>"
        f"<p>Organisers promised to return next week.</p></div>"
        f'<div><a href="/about">About</a> <a href="/jobs">Jobs</a> <a href="/ads">Advertise</a>'
        f"</div></body></html>"
    )
    assert page.text == _story(
        PLAIN_STORY,
        "Police said the rally was peaceful and that no one had been detained by evening.",
        "Organisers promised to return next week.",
    )


def test_wrapper_with_a_furniture_class_is_kept_when_it_holds_the_story() -> None:
    page = html_to_text(
        f'<html><body><div class="page nav-open"><div class="menu"><a href="/">Home</a></div>'
        f"<p>{PLAIN_STORY}</p></div></body></html>"
    )
    assert page.text == PLAIN_STORY


def test_hidden_elements_are_dropped() -> None:
    hidden = "This paragraph is hidden from readers and carries keywords for search engines."
    page = html_to_text(
        f'<html><body><p>{PLAIN_STORY}</p><p style="display: none">{hidden}</p>'
        f"<p hidden>{hidden}</p></body></html>"
    )
    assert page.text == PLAIN_STORY


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param("", id="empty"),
        pytest.param("   \n", id="blank"),
        pytest.param("<html></html>", id="no body"),
        pytest.param("<script>track();</script><style>p { color: red }</style>", id="only code"),
        pytest.param("<p>\x00\x01\x02</p>", id="control characters"),
    ],
)
def test_pages_without_text_give_empty_text(markup: str) -> None:
    assert html_to_text(markup).text == ""


def test_xml_declaration_and_entities() -> None:
    page = html_to_text(
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Protesters in '
        "Bishkek&#8217;s Ala-Too square &amp; around it numbered about 5,000, according to the "
        "police, who said the crowd was peaceful.</p></body></html>"
    )
    assert page.text == (
        "Protesters in Bishkek’s Ala-Too square & around it numbered about 5,000, according to "
        "the police, who said the crowd was peaceful."
    )
