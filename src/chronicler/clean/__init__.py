"""The clean stage: a ``RawDocument`` in, a ``Document`` (or the reason it failed) out.

- ``html``: HTML page -> article text and page metadata (trafilatura, pruned boxes)
- ``lines``: the line filter for scraped text (page furniture out, sentences in)
- ``metadata``: publication date and outlet
- ``language``: ISO 639-1 code, stated or detected
- ``hashing``: content hash
- ``boilerplate``: loads and validates ``packs/boilerplate.yaml`` (the furniture patterns)
- ``cleaner``: ``clean`` itself, which wires the above together
"""

from chronicler.clean.cleaner import clean

__all__ = ["clean"]
