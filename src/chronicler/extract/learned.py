"""The learned event detector: events the readers' triggers miss, from a model trained on real news.

A spaCy ``textcat_multilabel`` over sentences (:mod:`chronicler.extract.sentences`), trained by
``scripts/train_detector.py`` on the development set's training split and read from
``src/chronicler/models/detector/`` when that holds one (none ships yet: the first model, bag of
words over 1,141 sentences, did not keep the rules' precision on our own examples; see issue 11's
notes). It adds an event of a type to a sentence only where its
probability reaches :data:`THRESHOLD` (chosen by cross-validation on the training split, precision
first) and no reader found an event of that type there. What such an event is told with comes from
the sentence and the story, as for the readers: its own date or the episode's, its place or the
story's, its figures; it has no trigger, actor or claimant.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronicler.extract import assemble
from chronicler.extract.facts.counts import find_counts
from chronicler.extract.facts.places import find_places, in_dateline
from chronicler.extract.facts.times import find_dates
from chronicler.extract.sentences import sentences
from chronicler.extract.story import episode
from chronicler.extract.story.context import Story, read_story
from chronicler.extract.story.episode import Clause
from chronicler.knowledge import KnowledgeBase, LanguageKnowledge
from chronicler.records import Document, EventMention, Location, Span

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "detector"
# Chosen by 5-fold cross-validation on the training split: the detector with the rules keeps the
# rules' precision within a point (scripts/train_detector.py --cv 5 --oof).
THRESHOLD = 0.7
SEED = 0
EPOCHS = 20
TYPES = ("PROTEST", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "RETREAT", "AID", "COOPERATE",
         "ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONCEDE", "CONSULT")
EXTRACTOR = "events.textcat.v1"
READER = assemble.Reader({"event": EXTRACTOR, **assemble.SHARED_EXTRACTORS}, prior=0.45)



@cache
def load_detector(path: Path = MODEL_DIR) -> Language | None:
    """The trained detector, loaded once per process; None where none is installed."""
    if not (path / "meta.json").is_file():
        return None
    import spacy

    return spacy.load(path)


def train(rows: list[dict[str, Any]], epochs: int = EPOCHS, seed: int = SEED) -> Language:
    """A detector trained on sentences ``{"text": ..., "labels": {type: n}}``, the same for the same data.

    Bag-of-words and bigram features over spaCy's multilingual tokeniser: one small model for
    every language of the training data.
    """
    import random

    import spacy
    from spacy.training import Example
    from spacy.util import minibatch
    from thinc.api import fix_random_seed

    fix_random_seed(seed)
    nlp = spacy.blank("xx")
    textcat: Any = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
        "no_output_layer": False, "length": 65536}})
    for label in TYPES:
        textcat.add_label(label)
    examples = [
        Example.from_dict(nlp.make_doc(r["text"]), {"cats": {t: float(t in r["labels"]) for t in TYPES}})
        for r in rows
    ]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=16):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, drop=0.1)
    return nlp


def save(model: Language, path: Path, texts: list[str]) -> None:
    """Save ``model`` with only the language's own strings in its vocabulary.

    The features are hashes, so the words of the training articles (among them the names of people
    in the reports) need not ship with the model; the predictions on ``texts`` are checked to be the
    same without them.
    """
    import json

    import spacy

    model.meta["name"] = "chronicler_detector"
    model.meta["version"] = "1.0.0"
    model.to_disk(path)
    before = [doc.cats for doc in model.pipe(texts)]
    strings = path / "vocab" / "strings.json"
    strings.write_text(json.dumps(sorted(spacy.blank("xx").vocab.strings)), encoding="utf-8")
    if [doc.cats for doc in spacy.load(path).pipe(texts)] != before:
        raise ValueError(f"{path}: the predictions change without the training strings")


def add_detected(
    doc: Document, mentions: tuple[EventMention, ...], knowledge: KnowledgeBase, model: Language | None
) -> tuple[EventMention, ...]:
    """``mentions`` and, in text order after them, the events the detector finds that they lack."""
    if model is None:
        return mentions
    spans = list(sentences(doc.text))
    found = model.pipe(doc.text[s:e] for s, e in spans)
    lang = knowledge.language(doc.language)
    story = read_story(doc, lang, knowledge)
    added: list[EventMention] = []
    for (start, end), sent in zip(spans, found, strict=True):
        kinds = [k for k, p in sorted(sent.cats.items())
                 if p >= THRESHOLD and not _told(mentions, k, start, end)]
        if kinds:
            added.extend(_mentions(doc, start, end, kinds, lang, knowledge, story))
    return mentions + tuple(added)


def _told(mentions: Iterable[EventMention], kind: str, start: int, end: int) -> bool:
    """Whether a reader already found an event of ``kind`` in the sentence [start, end)."""
    for m in mentions:
        at = m.trigger.start if m.trigger else m.start
        if m.event == kind and start <= at < end:
            return True
    return False


def _mentions(
    doc: Document, start: int, end: int, kinds: list[str], lang: LanguageKnowledge,
    knowledge: KnowledgeBase, story: Story,
) -> list[EventMention]:
    text = doc.text[start:end]
    dates = [d for d in find_dates(text, story.published, story.anchor(start), lang.dates)
             if d.date and not in_dateline(story.datelines, start + d.start)]
    own = dates[0] if dates else None
    places = [p.location for p in find_places(text, knowledge.gazetteer)
              if not in_dateline(story.datelines, start + p.start)]
    counts = [c.count for c in find_counts(text, lang)]
    out = []
    for kind in kinds:
        material = lang.lexicon.groups.get(kind) == "material"
        dated = episode.lend(story, own, start + own.start if own else 0, story.paragraph_of(start), material,
                             Clause(), lang.cues, end)
        is_hist = episode.background(dated, text, lang.cues, story)
        date, enddate = episode.settle(dated, is_hist, Clause())
        mine = tuple(c for c in counts if assemble.COUNT_EVENT.get(c.kind) == kind)
        out.append(assemble.mention(doc, READER, assemble.Facts(
            event=kind,
            mode=None,
            sentence=Span(text, start, end),
            trigger=None,
            verb=False,
            actors=(),
            recipients=(),
            participants=False,
            date=date,
            enddate=enddate,
            places=_where(places, material, story),
            counts=mine,
            claimant=None,
            modality=assemble.to_come("asserted", date, story.published),
            historical=is_hist,
        )))
    return out


def _where(places: list[Location], material: bool, story: Story) -> tuple[Location, ...]:
    if places:
        return (places[0],)
    home = story.city or story.home
    return (home,) if material and home is not None else ()


__all__ = ["EXTRACTOR", "THRESHOLD", "add_detected", "load_detector"]
