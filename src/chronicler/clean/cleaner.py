"""``clean``: one ``RawDocument`` -> the ``Document`` that extraction reads, or a ``ReadFailure``."""

from __future__ import annotations

from lxml.etree import LxmlError

from chronicler.clean.hashing import content_hash
from chronicler.clean.html import HtmlExtract, extract_html
from chronicler.clean.language import detect_language
from chronicler.clean.lines import filter_lines
from chronicler.clean.metadata import copyright_year, resolve_outlet, resolve_published
from chronicler.knowledge.boilerplate import Boilerplate
from chronicler.records import Document, RawDocument, ReadFailure
from chronicler.text.safe import clean_name

HASH_ID_PREFIX = "sha256:"
_HASH_ID_HEX = 16


def clean(raw: RawDocument, boilerplate: Boilerplate) -> Document | ReadFailure:
    """Clean one document: article text, title, date, outlet, language, content hash, id.

    The text of a plain-text document goes through the line filter; an HTML document through
    trafilatura and then the line filter; ``boilerplate`` is the page furniture they drop
    (``KnowledgeBase.boilerplate``). A document left with no text is a ``ReadFailure``.
    """
    page: HtmlExtract | None = None
    if raw.text is not None and raw.text.strip():
        text = filter_lines(raw.text, boilerplate, title=raw.title)
        copyright = copyright_year(raw.text)
    elif raw.html is not None and raw.html.strip():
        try:
            page = extract_html(raw.html, boilerplate, url=raw.url, title=raw.title)
        except (LxmlError, ValueError) as exc:
            return ReadFailure(raw.source, f"the HTML could not be parsed: {exc}", "no_text")
        except RecursionError:
            return ReadFailure(raw.source, "the HTML is nested too deep to read", "too_deep")
        text = page.text
        copyright = page.copyright_year
    else:
        return ReadFailure(raw.source, "the document has neither text nor html; give one of them", "no_text")
    if not text:
        kind = "HTML page" if page else "text"
        return ReadFailure(
            raw.source, f"no article text left after cleaning the {kind} (only page furniture)", "no_text"
        )

    title = _tidy(raw.title) or _tidy(page.title if page else None)
    url = _tidy(raw.url) or _tidy(page.url if page else None)
    published = resolve_published(raw.published, page.date if page else None, copyright)
    digest = content_hash(text)
    return Document(
        id=_tidy(raw.id) or url or HASH_ID_PREFIX + digest[:_HASH_ID_HEX],
        source=raw.source,
        text=text,
        content_hash=digest,
        title=title,
        url=url,
        published=published.value,
        published_inferred=published.inferred,
        outlet=resolve_outlet(raw.outlet, url, page.sitename if page else None),
        language=detect_language(text, raw.language),
    )


def _tidy(value: str | None) -> str | None:
    """A title, URL or id on one line, without controls or bidi characters that would spoof
    what a table shows (``clean_name``)."""
    return clean_name(value)
