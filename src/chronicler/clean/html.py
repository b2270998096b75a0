"""HTML page -> article text and page metadata, with trafilatura.

trafilatura finds the article body; before it runs, the boxes that pages put *inside* the body
(call-to-action, newsletter, related links, captions, the ``<h1>`` headline) are pruned with the
XPaths of the :class:`Boilerplate` it is given, because trafilatura keeps some of them. Its output tree is
then turned into paragraphs separated by one blank line, and the line filter has the last word.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from chronicler.clean.lines import filter_lines
from chronicler.clean.metadata import copyright_year
from chronicler.knowledge.boilerplate import Boilerplate

# The structural elements whose classes describe the whole page: never pruned.
_NEVER_PRUNED = frozenset({"html", "body", "main", "article"})
_WHITESPACE = re.compile(r"[^\S\n]+")
# Loose text between trafilatura's blocks is usually a stray link label ("Sign the petition");
# it is kept only when it ends like a sentence.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)»]*$")
# The fewest words a paragraph of the fallback reader has: fewer is a label, a menu or a caption.
PROSE_WORDS = 8


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None = None
    date: str | None = None  # as trafilatura gives it: "YYYY-MM-DD"
    url: str | None = None  # canonical URL of the page
    sitename: str | None = None
    copyright_year: str | None = None  # from the page's visible text, e.g. its footer


def extract_html(
    html: str, pack: Boilerplate, *, url: str | None = None, title: str | None = None
) -> HtmlExtract:
    """Article text and metadata of one HTML page; ``text`` is "" when no article is found."""
    # Imported on first use: trafilatura pulls in a good part of a second of modules.
    import trafilatura
    from trafilatura.metadata import extract_metadata

    tree = trafilatura.load_html(html)
    if tree is None:
        return HtmlExtract(text="")
    meta = extract_metadata(copy.deepcopy(tree), default_url=url, date_config=_date_params())
    page_title = meta.title or None
    pruned = _pruned(tree, pack)
    body = _article_body(pruned, url)
    paragraphs = list(_paragraphs(body)) if body is not None else []
    text = filter_lines("\n\n".join(paragraphs), pack, title=title or page_title)
    if not text:
        # trafilatura gives up on some pages that hold an article (layout nested deeper than the
        # 255 levels its parser reads): their paragraphs of prose, in page order, rather than nothing.
        deep = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
        text = filter_lines("\n\n".join(_prose(_pruned(deep, pack))), pack, title=title or page_title)
    return HtmlExtract(
        text=text,
        title=page_title,
        date=meta.date or None,
        url=meta.url or None,
        sitename=meta.sitename or None,
        copyright_year=copyright_year(_visible_text(tree)),
    )


def _date_params() -> dict[str, Any]:
    # Only the page's own markup and URL: the extensive search guesses from any date in the
    # text, which for a news page is often the date of the events, not of publication.
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


def _pruned(tree: HtmlElement, pack: Boilerplate) -> HtmlElement:
    pruned = copy.deepcopy(tree)
    for expression in pack.html_prune:
        found = pruned.xpath(expression)
        if not isinstance(found, list):  # a number, string or boolean (count(//p) in a user pack)
            continue
        for node in found:
            if isinstance(node, etree._Element) and node.tag not in _NEVER_PRUNED:
                parent = node.getparent()
                if parent is not None:
                    _remove_keeping_tail(node, parent)
    return pruned


def _remove_keeping_tail(node: etree._Element, parent: etree._Element) -> None:
    tail = node.tail
    if tail and tail.strip():
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)


def _article_body(tree: HtmlElement, url: str | None) -> etree._Element | None:
    import trafilatura

    result = trafilatura.bare_extraction(
        tree,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=False,
    )
    if result is None:
        return None
    body = result.body if not isinstance(result, dict) else result.get("body")
    return body if isinstance(body, etree._Element) else None


def _prose(tree: HtmlElement) -> Iterator[str]:
    """The page's paragraphs of prose, when trafilatura finds no article: each ``<p>`` (or, on a page
    with none, each innermost ``<div>``) of at least PROSE_WORDS words that ends like a sentence.
    Menus, buttons and captions are short or end without a stop, and stay out."""
    blocks = list(tree.iter("p")) or [d for d in tree.iter("div") if next(d.iter("div", "p"), d) is d]
    for block in blocks:
        if any(a.tag in ("script", "style", "noscript", "nav", "footer") for a in block.iterancestors()):
            continue
        text = _tidy(" ".join(block.itertext()))
        if len(text.split()) >= PROSE_WORDS and _SENTENCE_END.search(text):
            yield text


def _paragraphs(body: etree._Element) -> Iterator[str]:
    for block in body:
        if block.tag == "list":
            lines = [_inline_text(item) for item in block.iter("item")]
            text = "\n".join(line for line in lines if line)
        elif block.tag == "quote" and any(child.tag in ("p", "list", "quote") for child in block):
            yield from _paragraphs(block)
            text = ""
        else:
            text = _inline_text(block)
        if text:
            yield text
        tail = _tidy(block.tail or "")
        if tail and _SENTENCE_END.search(tail):
            yield tail


def _inline_text(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != "list":
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = [_WHITESPACE.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in filter(None, lines):
        # A <br> inside a sentence is layout: the sentence goes on in lower case after it.
        if out and line[0].islower() and not _SENTENCE_END.search(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _visible_text(tree: HtmlElement) -> str:
    chunks = []
    for element in tree.iter():
        if element.tag in ("script", "style", "noscript") or not isinstance(element.tag, str):
            if element.tail:
                chunks.append(element.tail)
            continue
        if element.text:
            chunks.append(element.text)
        if element.tail:
            chunks.append(element.tail)
    return " ".join(chunks)
