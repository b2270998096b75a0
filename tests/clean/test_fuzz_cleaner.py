"""Property-based fuzzing of the clean stage (issue 16): ``clean`` over generated scraped text and
generated HTML pages with generated metadata, and its readers of dates, hosts and lines alone.

``clean`` declares that it returns a ``Document`` or a ``ReadFailure`` (no_text, too_deep) and
raises nothing, for anything a reader gives it (text without NUL, valid UTF-8). What it gives
keeps its invariants: the text is paragraphs of whole stripped lines, each a line of the input
when the input is text; the hash is the text's; names and titles are clean names; the date is a
reduced ISO date that ``isodates`` reads; the language is two letters.

Budgets are fixed and the examples derandomized, so CI runs the same inputs every time.
"""

from __future__ import annotations

import html
import re
from datetime import date

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from chronicler.clean import clean
from chronicler.clean.hashing import content_hash
from chronicler.clean.language import normalise_language
from chronicler.clean.lines import filter_lines, split_paragraphs
from chronicler.clean.metadata import copyright_year, host_of, normalise_published, resolve_outlet
from chronicler.isodates import iso_bounds
from chronicler.knowledge.boilerplate import Boilerplate
from chronicler.records import Document, RawDocument, ReadFailure
from chronicler.text.safe import clean_name


def _fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


REDUCED_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")

# -- what a reader gives the cleaner: text without NUL or lone surrogates -------------------------

CHARACTER = st.characters(exclude_characters="\x00", exclude_categories=["Cs"])
NOISE = st.text(CHARACTER, max_size=20)
WORDS = st.sampled_from(
    ["police", "arrested", "protesters", "in", "Tehran", "on", "Monday", "the", "strike", "workers",
     "said", "ایران", "«", "»", "2019", "Home", "News", "Share", "|", "©", "Copyright", "—"]
)  # fmt: skip
SENTENCE = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(WORDS, min_size=1, max_size=14),
    st.sampled_from([".", "!", "?", "", ":", "…", '."']),
)
FURNITURE = st.sampled_from(
    ["Home | News | Contact", "Share this:", "Tags: , , ,", "Copyright © 2020 All Rights Reserved",
     "Read more", "Advertisement", "Follow us on Twitter"]
)  # fmt: skip
LINE = st.one_of(SENTENCE, SENTENCE, FURNITURE, NOISE)
BREAK = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\u2028", " \n \t\n", "\x85", "\n\n\n"])
SCRAPED = st.builds(
    lambda lines, breaks: "".join(line + brk for line, brk in zip(lines, breaks, strict=False)),
    st.lists(LINE, min_size=1, max_size=10),
    st.lists(BREAK, min_size=10, max_size=10),
)

# -- pages: a tree of elements, some the pack prunes, with text and stray markup -------------------

TAGS = ["p", "div", "span", "article", "main", "section", "h1", "h2", "nav", "footer", "header", "aside",
        "script", "style", "ul", "li", "a", "table", "td", "blockquote", "figcaption", "time"]  # fmt: skip
CLASSES = st.sampled_from(["share", "newsletter", "related", "caption", "article-body", "menu", "cta", ""])
ATTRIBUTES = st.builds(
    lambda cls, other: f' class="{html.escape(cls)}"' + (f' title="{html.escape(other)}"' if other else ""),
    st.one_of(CLASSES, NOISE),
    st.one_of(st.just(""), NOISE),
)
STRAY = st.sampled_from(
    ["<br>", "<p>", "</div>", "&nbsp;", "&#0;", "&#xD800;", "&bogus;", "&#1114112;", "<!-- x", "-->",
     "<![CDATA[ x ]]>", "<?php echo 1 ?>", "<", ">", "&", "<img src=x onerror=alert(1)>"]
)  # fmt: skip


def _element(tag: str, attributes: str, children: list[str]) -> str:
    return f"<{tag}{attributes}>{''.join(children)}</{tag}>"


# A paragraph of prose, as articles are made of: what trafilatura and the fallback keep.
LONG_SENTENCE = st.builds(lambda words: " ".join(words) + ".", st.lists(WORDS, min_size=8, max_size=16))
PROSE = st.lists(LONG_SENTENCE, min_size=1, max_size=4).map(lambda s: f"<p>{html.escape(' '.join(s))}</p>")
NODE = st.recursive(
    st.one_of(SENTENCE.map(html.escape), NOISE.map(html.escape), STRAY, PROSE, PROSE),
    lambda inner: st.builds(_element, st.sampled_from(TAGS), ATTRIBUTES, st.lists(inner, max_size=5)),
    max_leaves=25,
)


def _page(head: str, title: str, body: list[str], depth: int) -> str:
    nested = "<div>" * depth + "".join(body) + "</div>" * depth
    return f"{head}<html><head><title>{html.escape(title)}</title></head><body>{nested}</body></html>"


HEAD = st.sampled_from(
    ["", "<!DOCTYPE html>", '<?xml version="1.0" encoding="latin-1"?>', '<meta charset="iso-8859-1">',
     "\ufeff", "   \n"]
)  # fmt: skip
PAGE = st.one_of(
    st.builds(_page, HEAD, NOISE, st.lists(NODE, min_size=1, max_size=6), st.sampled_from([0, 0, 3, 300])),
    st.lists(st.one_of(NODE, STRAY), min_size=1, max_size=6).map("".join),  # a fragment
)

# -- metadata as documents state it -----------------------------------------------------------------

DATES = st.dates(min_value=date(900, 1, 1), max_value=date(3100, 12, 31))
PUBLISHED = st.one_of(
    st.none(),
    NOISE,
    st.builds(lambda d, f: d.strftime(f), DATES, st.sampled_from(["%Y-%m-%d", "%d %B %Y", "%Y/%m/%d",
                                                                  "%Y%m%d", "%B %Y", "%Y-%m", "%d.%m.%Y"])),
    DATES.map(lambda d: f"{d.isoformat()}T12:30:00+03:30"),
)  # fmt: skip
URL = st.one_of(
    st.none(),
    NOISE,
    st.builds(lambda host, path: f"https://{host}/{path}", st.sampled_from(
        ["www.example.org", "news.example.com", "[::1]", "xn--mgba3a4f16a.ir", "a b.org", "\u202emoc.cbb"]
    ), NOISE),
)  # fmt: skip
NAME = st.one_of(st.none(), NOISE, st.sampled_from(["\u202emoc.cbb", "IRNA\x1b[2J", "  spaced   out  "]))
LANGUAGE = st.one_of(st.none(), NOISE, st.sampled_from(["en", "EN-us", "fa_IR", "zz", "english", "f"]))
METADATA = st.fixed_dictionaries(
    {"id": NAME, "url": URL, "title": NAME, "published": PUBLISHED, "outlet": NAME, "language": LANGUAGE}
)

# -- what every cleaned document must be -------------------------------------------------------------


def metadata_language(raw: RawDocument) -> str | None:
    """The two letters of the language the document states, when it states one."""
    return normalise_language(raw.language) if raw.language else None


def _check(raw: RawDocument, result: Document | ReadFailure) -> None:
    if isinstance(result, ReadFailure):
        event(result.code)
        assert result.code in {"no_text", "too_deep"}, result
        assert result.source == raw.source and result.reason
        return
    event("document")
    text = result.text
    assert text and text == text.strip() and "\x00" not in text
    for paragraph in text.split("\n\n"):
        lines = paragraph.split("\n")
        assert all(line and line == line.strip() for line in lines), paragraph
    assert result.content_hash == content_hash(text)
    for name in (result.id, result.title, result.url, result.outlet):
        assert name is None or clean_name(name) == name, name
    assert result.id
    if result.published is not None:
        assert REDUCED_DATE.fullmatch(result.published) and iso_bounds(result.published), result.published
    assert not result.published_inferred or result.published is not None
    # ISO 639-1, stated or detected (py3langid's three-letter labels, "pcm" for "police police.",
    # are read as their macrolanguage or as unknown).
    assert result.language is None or re.fullmatch("[a-z]{2}", result.language), result.language
    if metadata_language(raw):
        assert result.language == metadata_language(raw)


@_fuzz(200)
@given(text=SCRAPED, metadata=METADATA)
def test_scraped_text_is_cleaned_into_its_own_lines(
    boilerplate: Boilerplate, text: str, metadata: dict[str, str | None]
) -> None:
    raw = RawDocument(source="scraped.txt", text=text, **metadata)
    result = clean(raw, boilerplate)
    _check(raw, result)
    if isinstance(result, Document):  # nothing inside a kept line is changed
        given_lines = {line for paragraph in split_paragraphs(text) for line in paragraph}
        assert set(result.text.replace("\n\n", "\n").split("\n")) <= given_lines


@_fuzz(150)
@given(page=PAGE, metadata=METADATA)
def test_any_page_is_cleaned_or_set_aside(
    boilerplate: Boilerplate, page: str, metadata: dict[str, str | None]
) -> None:
    raw = RawDocument(source="page.html", html=page, **metadata)
    _check(raw, clean(raw, boilerplate))


# -- the cleaner's readers alone ----------------------------------------------------------------------


@_fuzz(300)
@given(value=st.one_of(PUBLISHED, st.text(max_size=40)))
def test_a_published_value_is_a_reduced_date_or_none(value: str | None) -> None:
    if value is None:
        return
    found = normalise_published(value)
    assert found is None or (REDUCED_DATE.fullmatch(found) and iso_bounds(found)), (value, found)


@_fuzz(300)
@given(value=st.one_of(URL, st.text(max_size=40), NAME), sitename=NAME)
def test_a_host_and_an_outlet_are_names_or_none(value: str | None, sitename: str | None) -> None:
    if value is not None:
        host = host_of(value)
        assert host is None or (host and not host.startswith("www.")), host
    outlet = resolve_outlet(None, value, sitename)
    assert outlet is None or clean_name(outlet) == outlet


@_fuzz(300)
@given(text=st.one_of(SCRAPED, st.text(max_size=200)))
def test_a_copyright_year_is_a_year_of_the_text(text: str) -> None:
    year = copyright_year(text)
    assert year is None or (re.fullmatch(r"(?:19|20)\d{2}", year) and year in text)


@_fuzz(200)
@given(text=st.one_of(SCRAPED, st.text(max_size=200)), title=NAME)
def test_the_line_filter_keeps_whole_lines_in_order(
    boilerplate: Boilerplate, text: str, title: str | None
) -> None:
    kept = filter_lines(text, boilerplate, title=title)
    given_lines = [line for paragraph in split_paragraphs(text) for line in paragraph]
    lines = [line for line in kept.replace("\n\n", "\n").split("\n") if line]
    position = 0
    for line in lines:  # a subsequence of the input's lines
        position = given_lines.index(line, position) + 1
    assert "\n\n\n" not in kept and kept == kept.strip()
