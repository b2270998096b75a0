"""The clean stage: a ``RawDocument`` in, a ``Document`` (or the reason it failed) out.

- ``html``: HTML page -> article text and page metadata (trafilatura, pruned boxes)
- ``lines``: the line filter for scraped text (page furniture out, sentences in)
- ``metadata``: publication date and outlet
- ``language``: ISO 639-1 code, stated or detected
- ``hashing``: content hash
- ``cleaner``: ``clean`` itself, which wires the above together

The furniture patterns (``packs/boilerplate.yaml`` and the user's) are knowledge: loaded by
``chronicler.knowledge.boilerplate`` and passed in as ``KnowledgeBase.boilerplate``.
"""

from chronicler.clean.cleaner import clean

__all__ = ["clean"]
