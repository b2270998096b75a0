"""Quotations that run over several sentences, and who speaks them.

News quotes a witness or an official at length and names the speaker once, after the closing mark
(“They fired without warning. Three of my friends were killed,” said a protester) or before the
opening one (A witness described the scene: “Police beat the women. Then they arrested ten.”).
Every sentence inside the marks is the speaker's claim, though only one of them holds the
reporting verb. Quotations are read within one paragraph; one left open at its end is not read.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from chronicler.extract.english.attribution import reports
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'


def _step(ch: str, depth: int) -> int | None:
    """The quotation depth after the character ``ch``, or None when it is no quotation mark."""
    if ch in OPENING:
        return depth + 1
    if ch in CLOSING:
        return max(0, depth - 1)
    if ch == STRAIGHT:
        return 0 if depth else 1
    return None


def inside(tok: Token) -> bool:
    """Whether the word stands inside quotation marks opened earlier in its sentence."""
    depth = 0
    for ch in tok.doc.text[tok.sent.start_char : tok.idx]:
        after = _step(ch, depth)
        depth = depth if after is None else after
    return depth > 0


def _marks(sent: Span, depth: int) -> tuple[int, list[tuple[int, int]]]:
    """The quotation depth after ``sent`` and its (character offset, depth after) at each mark."""
    out = []
    for i, ch in enumerate(sent.text):
        after = _step(ch, depth)
        if after is None:
            continue
        depth = after
        out.append((sent.start_char + i, depth))
    return depth, out


def _regions(sents: list[Span]) -> list[tuple[int, int, int, int]]:
    """Quotations spanning sentences: (first sentence, last sentence, opening offset, closing offset)."""
    regions = []
    depth, start = 0, None
    for k, sent in enumerate(sents):
        before = depth
        depth, marks = _marks(sent, depth)
        if before == 0 and depth > 0:
            opened = [off for off, d in marks if d == 1]
            start = (k, opened[-1]) if opened else None
        elif before > 0 and depth == 0 and start is not None:
            closed = [off for off, d in marks if d == 0]
            if closed and start[0] < k:
                regions.append((start[0], k, start[1], closed[0]))
            start = None
    return regions


def _reporting(
    sent: Span, verb_side: slice, quote_side: slice, cues: Cues, vocab: EnglishWords
) -> Token | None:
    """A reporting verb with a subject in ``sent``, outside the quotation, tied to a word inside it
    (its complement, or the quotation's verb it hangs on when the parser turns the two round)."""
    for verb in sent.doc[verb_side]:
        if verb.sent != sent or not reports(verb, cues, vocab):
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            continue
        tied = [*verb.children, verb.head]
        if any(quote_side.start <= t.idx < quote_side.stop and not t.is_punct for t in tied):
            return verb
    return None


def quoted_by(parsed: Doc, cues: Cues, vocab: EnglishWords) -> dict[int, Token]:
    """For each sentence inside a quotation of several (by its first token's index), the reporting
    verb that names the speaker, after the closing mark or before the opening one and a colon."""
    sents = list(parsed.sents)
    out: dict[int, Token] = {}
    for first, last, opened, closed in _regions(sents):
        tail = sents[last]
        after = next((t.i for t in tail if t.idx > closed), tail.end)
        verb = _reporting(tail, slice(after, tail.end), slice(opened, closed), cues, vocab)
        if verb is None:
            head = sents[first]
            before = next((t.i for t in head if t.idx >= opened), head.start)
            if ":" in parsed.text[head.start_char : opened]:
                verb = _reporting(head, slice(head.start, before), slice(opened, closed), cues, vocab)
        if verb is not None:
            out.update((sents[k].start, verb) for k in range(first, last + 1))
    return out
