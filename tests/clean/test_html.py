from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.clean.html import HtmlExtract, extract_html
from chronicler.knowledge.boilerplate import Boilerplate

PAGE = Path(__file__).parent.parent / "fixtures" / "clean" / "page.html"

ARTICLE = [
    "Several hundred dockworkers walked off the job at the southern container terminal on Monday morning, "
    "demanding back pay that they say is four months overdue.",
    "The workers gathered at the main gate and blocked lorries from entering for most of the day, "
    "according to a representative of their union.",
    # a <br> in the middle of the sentence is layout, not a break
    "Port police detained three of the organisers in the afternoon and released them late in the evening "
    "without charge.",
    "The port authority said in a statement that the wages would be paid by the end of the month "
    "and urged the workers to return.",
    "Monday: the walkout begins at dawn.\nTuesday: the union meets port officials.",
    "Union leaders said the walkout would continue until every worker had been paid in full.",
]


@pytest.fixture(scope="module")
def page(boilerplate: Boilerplate) -> HtmlExtract:
    return extract_html(PAGE.read_text(encoding="utf-8"), boilerplate)


def test_article_paragraphs_separated_by_blank_lines(page: HtmlExtract) -> None:
    assert page.text == "\n\n".join(ARTICLE)


@pytest.mark.parametrize(
    "furniture",
    [
        "Dockworkers stage walkout",  # the <h1> headline
        "cookies",
        "Home",
        "By Harbour Herald reporters",
        "Share",
        "Cranes stand idle",  # caption
        "Advertisement",
        "Fishermen protest",  # inline related link
        "Take action",
        "Email the port director",
        "Send an email",
        "morning briefing",
        "Tags",
        "Customs officers strike",  # related-articles list
        "Copyright",
        "powered by",
    ],
)
def test_page_furniture_is_gone(page: HtmlExtract, furniture: str) -> None:
    assert furniture not in page.text


def test_page_metadata(page: HtmlExtract) -> None:
    assert page.title == "Dockworkers stage walkout at southern port"
    assert page.date == "2021-06-14"
    assert page.url == "https://www.harbour-herald.example/news/2021/06/14/dockworkers-walkout"
    assert page.sitename == "The Harbour Herald"
    assert page.copyright_year == "2021"  # the footer's, not the year inside a <script>


def test_subheadings_inside_the_body_stay(boilerplate: Boilerplate) -> None:
    body = "".join(
        f"<p>Paragraph {n} tells how the strike at the mill went on for another day, its organisers said.</p>"
        for n in range(1, 5)
    )
    article = f"<h1>Mill strike</h1>{body}<h2>What comes next</h2>{body}"
    html = f"<html><body><article>{article}</article></body></html>"
    text = extract_html(html, boilerplate).text
    assert "What comes next" in text
    assert "Mill strike" not in text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        "<html><body></body></html>",
        "not html at all",
    ],
)
def test_page_without_article_gives_empty_text(html: str, boilerplate: Boilerplate) -> None:
    assert extract_html(html, boilerplate).text == ""


NESTED_ARTICLE = (
    "<p>Nurses gathered outside the provincial health office on Monday to demand unpaid wages.</p>"
    "<p>Police dispersed the crowd after two hours, witnesses said, and detained three organisers.</p>"
)


@pytest.mark.parametrize("depth", [300, 1000])
def test_an_article_nested_deeper_than_the_parser_reads_is_kept(depth: int, boilerplate: Boilerplate) -> None:
    """trafilatura's parser stops 255 levels down; the fallback reads the page's prose paragraphs."""
    menu = "<nav><p>Home, about us, our team of writers, and the archive of this site.</p></nav>"
    page = f"{menu}{NESTED_ARTICLE}<div>Subscribe</div>"
    html = f"<html><body>{'<div>' * depth}{page}{'</div>' * depth}</body></html>"
    text = extract_html(html, boilerplate).text
    assert text.split("\n\n") == [
        "Nurses gathered outside the provincial health office on Monday to demand unpaid wages.",
        "Police dispersed the crowd after two hours, witnesses said, and detained three organisers.",
    ]


def test_the_fallback_keeps_no_furniture(boilerplate: Boilerplate) -> None:
    """Short labels and lines that do not end like a sentence are no prose."""
    html = f"<html><body>{'<div>' * 300}<p>Read more</p><p>Share this story on your favourite network now</p>"
    html += f"<div>Sign up for our newsletter</div>{'</div>' * 300}</body></html>"
    assert extract_html(html, boilerplate).text == ""
