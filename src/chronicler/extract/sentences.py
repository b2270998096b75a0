"""The units of the learned event detector: sentences, as the detector is trained and will read them.

Every line of the text, cut at sentence-final punctuation, so that a headline ("N killed in X") or a
caption is a sentence of its own; the dependency reader's sentences come from the parse of the
paragraphs it reads, which these need not match. ``scripts/detector_data.py`` labels them from the
development set's gold and ``scripts/train_detector.py`` trains and cross-validates a sentence
classifier on them (issue 11: the detector joins the readers once it beats the rules' precision).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence ends at ".", "!", "?" (and the Arabic-script question mark) before a space and a
# capital, a digit, a quote or a bracket; abbreviations of one or two capitals ("U.S.", "Dr.") do not.
_END = re.compile(r"(?<![A-Z][a-z]\.)(?<!\b[A-Z]\.)(?<=[.!?؟])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9\u0600-\u06ff])")
_MIN_CHARS = 12  # shorter lines are bylines, datelines and furniture


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every sentence of ``text``: each line, cut at sentence-final punctuation."""
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for cut in _END.finditer(line.group()):
            yield from _span(text, start, line.start() + cut.start())
            start = line.start() + cut.end()
        yield from _span(text, start, line.end())


def _span(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    if end - trail - (start + lead) >= _MIN_CHARS:
        yield start + lead, end - trail
