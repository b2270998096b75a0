from __future__ import annotations

import pytest

from chronicler.clean.lines import (
    MENU_WORDS_ID,
    filter_lines,
    furniture_match,
    is_heading_like,
    split_paragraphs,
)
from chronicler.knowledge.boilerplate import Boilerplate

# (line, id of the rule that must drop it)
DROPPED = [
    ("Tags: , , , , ,", "tag-list"),
    ("Tags:", "tag-list"),
    ("Tags: Iran, Labour, Strikes", "tag-list"),
    ("Filed under: Middle East | Human rights", "tag-list"),
    ("Copyright © 2020 All Rights Reserved | XML Sitemap", "copyright-year"),
    ("© 2021 Northwind Media Group", "copyright-year"),
    ("Copyright 2018-2023 The Evening Ledger.", "copyright-year"),
    ("© Northwind Media Group", "copyright-symbol"),
    ("Northwind Media Group. All rights reserved.", "all-rights-reserved"),
    ("Social media & sharing icons powered by ShareKit", "powered-by"),
    ("Proudly powered by WordPress", "powered-by"),
    ("Reading time: 2 min", "reading-time"),
    ("6 min read", "reading-time"),
    ("Estimated reading time: 4 minutes", "reading-time"),
    ("Share this:", "share-bar"),
    ("Share: Facebook Twitter WhatsApp Email", "share-bar"),
    ("Share on Facebook", "share-bar"),
    ("Facebook | Twitter | Telegram", "social-names"),
    ("Follow us on Telegram and Instagram", "follow-us"),
    ("Like this:", "wordpress-like"),
    ("Loading...", "wordpress-like"),
    ("Read more", "read-more"),
    ("Read more: Bus drivers walk out over unpaid wages", "read-more"),
    ("Related articles", "read-more"),
    ("See also: Farmers rally over water shortages", "read-more"),
    ("Continue reading…", "read-more"),
    ("We use cookies to give you the best experience on our site.", "cookie-we-use"),
    ("This website uses cookies", "cookie-we-use"),
    ("By continuing to browse you agree to our use of cookies.", "cookie-consent"),
    ("Accept all cookies", "cookie-consent"),
    ("Cookie settings", "cookie-consent"),
    ("Sign up for our weekly newsletter", "newsletter"),
    ("Subscribe to our mailing list for daily updates.", "newsletter"),
    ("Enter your email address", "email-field"),
    ("Photo: a crowd outside the governor's office", "caption-credit"),
    ("(Photo by Jane Roe/Agency via Picture Desk)", "caption-credit"),
    ("3 comments", "comments"),
    ("Leave a reply", "comments"),
    ("Advertisement", "advertisement"),
    ("Advertisement - Scroll to continue", "advertisement"),
    ("By Staff Writer", "byline"),
    ("By Our Middle East Correspondent", "byline"),
    ("BY ANNA SMITH AND LEE PARK", "byline"),
    ("Saturday 30 April 2022", "date-stamp"),
    ("Updated: May 3, 2021 at 10:15 GMT", "date-stamp"),
    ("Skip to main content", "skip-link"),
    ("Back to top", "skip-link"),
    ("Home » Middle East » Iran", "breadcrumb"),
    ("Print this article", "print-email"),
    ("Home", MENU_WORDS_ID),
    ("Home | News | Opinion | Contact us", MENU_WORDS_ID),
    ("  Privacy policy  ", MENU_WORDS_ID),
]

# Sentences and lines of articles that look a little like furniture but must stay.
KEPT = [
    "The sit-in lasted 40 minutes before police read out an order to leave.",
    "Teachers shared videos of the rally on social media, the union said.",
    "The protests, powered by anger over prices, spread to a dozen cities.",
    "Related protests broke out in two other provinces on Sunday.",
    "Read more widely, the report suggests the toll is far higher.",
    "By Friday, at least 20 people had been detained in the city.",
    "By the end of the week, shops in the bazaar had reopened.",
    "Copyright lawyers representing the newspaper filed a complaint on Monday.",
    "Police said they would share the findings with the prosecutor.",
    "Home to about two million people, the city has been the centre of the unrest.",
    "The ministry said its website had been hacked and that no cookies were involved.",
    "Photographs of the rally showed hundreds of people in the square.",
    "Subscribers to the channel reported that it had been blocked.",
    "Advertising billboards were set on fire overnight, activists said.",
    "Saturday's rally drew thousands of retirees, according to organisers.",
    "He was detained on 30 April 2022 and released three days later.",
    "Tags on the prisoners' clothing showed their cell numbers, a former inmate said.",
    "The group said it would follow the case closely.",
    "Comments by the minister were broadcast on state television.",
    "Search operations continued in the mountains through the night.",
    "More than 300 people were arrested, the group said.",
    "All rights groups interviewed said the figure was too low.",
]


@pytest.mark.parametrize(("line", "rule"), DROPPED)
def test_furniture_is_dropped(line: str, rule: str, boilerplate: Boilerplate) -> None:
    assert furniture_match(line, boilerplate) == rule


@pytest.mark.parametrize("line", KEPT)
def test_article_sentences_are_kept(line: str, boilerplate: Boilerplate) -> None:
    assert furniture_match(line, boilerplate) is None


def test_every_pattern_has_a_dropped_case(boilerplate: Boilerplate) -> None:
    covered = {rule for _, rule in DROPPED}
    assert {rule.id for rule in boilerplate.lines} | {MENU_WORDS_ID} <= covered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", [["One."], ["Two."]]),
        ("One.\r\n\r\nTwo.\r\nThree.", [["One."], ["Two.", "Three."]]),
        ("\n\n  One.  \n \t \n\n\nTwo.\n", [["One."], ["Two."]]),
        ("   \n\n ", []),
    ],
)
def test_split_paragraphs(text: str, expected: list[list[str]]) -> None:
    assert split_paragraphs(text) == expected


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Iran: Teachers' Protests", True),
        ("Police detained six people.", False),
        ("What happens next?", False),
        (
            " ".join(["word"] * 16),
            False,
        ),
    ],
)
def test_is_heading_like(line: str, heading: bool) -> None:
    assert is_heading_like(line) is heading


SCRAPED = (
    "Skip to content\n"
    "Home | News | Opinion\n\n"
    "Nurses strike in three cities\n\n"
    "Nurses walked out of hospitals in three cities on Monday, their union said.\n\n"
    "Advertisement\n\n"
    "Police detained two union leaders.\nBoth were released on bail.\n\n"
    "Share this:\nFacebook\nTwitter\n\n"
    "Tags: , , ,\n\n"
    "Copyright © 2021 All Rights Reserved | XML Sitemap\n"
    "Social media & sharing icons powered by ShareKit\n"
)


def test_filter_lines_keeps_sentences_verbatim_and_paragraphs_apart(boilerplate: Boilerplate) -> None:
    cleaned = filter_lines(SCRAPED, boilerplate, title="Nurses strike in three cities")
    assert cleaned == (
        "Nurses strike in three cities\n\n"
        "Nurses walked out of hospitals in three cities on Monday, their union said.\n\n"
        "Police detained two union leaders.\nBoth were released on bail."
    )


def test_kept_lines_keep_their_text_unchanged(boilerplate: Boilerplate) -> None:
    text = "First  paragraph,   spaced oddly.\n\nSecond line one.\nSecond line two."
    assert filter_lines(text, boilerplate) == text


def test_headline_kept_once_as_the_first_report_of_the_event(boilerplate: Boilerplate) -> None:
    text = "Strikes spread\n\nBody text here.\n\nStrikes Spread\n\nMore body."
    expected = "Strikes spread\n\nBody text here.\n\nMore body."
    assert filter_lines(text, boilerplate, title="Strikes Spread") == expected
    lead = "Workers went on strike in the port on Monday."
    assert filter_lines(f"{lead}\n\nMore text.", boilerplate, title=lead) == f"{lead}\n\nMore text."


def test_repeated_heading_keeps_first_copy_only(boilerplate: Boilerplate) -> None:
    text = "Resistance news\n\nA headline about the week\n\nResistance news\n\nThe rally was held."
    expected = "Resistance news\n\nA headline about the week\n\nThe rally was held."
    assert filter_lines(text, boilerplate) == expected


def test_repeated_sentence_is_not_a_heading_and_stays(boilerplate: Boilerplate) -> None:
    text = "The rally was held.\n\nThe rally was held."
    assert filter_lines(text, boilerplate) == text


def test_only_furniture_gives_empty_text(boilerplate: Boilerplate) -> None:
    assert filter_lines("Home\n\nShare this:\n\nTags: , ,", boilerplate) == ""
