"""The learned event detector: events the readers' triggers miss, from a model trained on real news.

A logistic layer per PLOVER type over sentence embeddings (:mod:`chronicler.extract.embedding`,
all-MiniLM-L6-v2, trained on a billion sentence pairs of real text), fitted by
``scripts/train_detector.py`` (the shipped model: with the encoder's top two layers fine-tuned, by
``scripts/finetune_detector.py``) on the development set's training split and read from
``src/chronicler/models/detector/detector.json`` (see MODEL_CARD.md there). It reads English
sentences only (the embedding model is English). Where no reader found an event it adds an event of
each type whose probability reaches the model's threshold (chosen by cross-validation on the
training split so that rules and detector together keep the rules' precision); where a reader found
events, only of another type and with a stricter threshold (``beside``): the rules' reading of a
sentence stands, and the model must be surer to add to it. What such an event is told with comes
from the sentence and the story, as for the readers: its own date or the episode's, its place or the
story's, its figures; who claims it and in which mood, where the reader can parse the sentence
(English: :mod:`english.voice`); it has no trigger or actor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from chronicler.errors import ChroniclerError
from chronicler.extract import assemble, whole_sentence
from chronicler.extract.findings import VoiceReader
from chronicler.extract.sentences import sentences
from chronicler.extract.story.context import Story, read_story
from chronicler.knowledge import KnowledgeBase
from chronicler.records import Document, EventMention

MODEL_FILE = Path(__file__).resolve().parent.parent / "models" / "detector" / "detector.json"
MIN_EXAMPLES = 3  # a type with fewer training sentences gets no classifier
EXTRACTOR = "events.minilm-tuned.v1"
READER = assemble.Reader({"event": EXTRACTOR, **assemble.SHARED_EXTRACTORS}, prior=0.45)


@dataclass(frozen=True)
class Detector:
    """One logistic classifier per event type over the sentence embedding."""

    types: tuple[str, ...]
    weights: np.ndarray  # (types, dimensions)
    bias: np.ndarray  # (types,)
    threshold: float
    languages: frozenset[str]
    layers: Path | None = None  # the encoder's fine-tuned top layers, None for the published encoder
    beside: float | None = None  # the threshold in a sentence where a reader found events; None: none added

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """The sentence embeddings this detector reads: with its own top layers, where it has them."""
        from chronicler.extract.embedding import load_encoder

        return load_encoder(tuned=self.layers).encode(texts)

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """(sentences, types) probabilities."""
        out: np.ndarray = 1.0 / (1.0 + np.exp(-(embeddings @ self.weights.T + self.bias)))
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "types": list(self.types),
            "threshold": self.threshold,
            "languages": sorted(self.languages),
            **({"layers": self.layers.name} if self.layers else {}),
            **({"threshold_beside_rules": self.beside} if self.beside is not None else {}),
            "bias": [round(float(b), 6) for b in self.bias],
            "weights": [[round(float(w), 6) for w in row] for row in self.weights],
        }


def detector_from_json(data: dict[str, Any], where: str = "detector", home: Path | None = None) -> Detector:
    """The detector a model file holds; its ``layers`` file, if it names one, lies in ``home``."""
    try:
        weights = np.asarray(data["weights"], dtype=np.float32)
        bias = np.asarray(data["bias"], dtype=np.float32)
        types = tuple(str(t) for t in data["types"])
        if weights.shape[0] != len(types) or bias.shape != (len(types),):
            raise ValueError("weights, bias and types disagree in size")
        layers = (home or Path()) / str(data["layers"]) if data.get("layers") else None
        if layers is not None and not layers.is_file():
            raise ValueError(f"its encoder layers {layers} are missing")
        beside = data.get("threshold_beside_rules")
        return Detector(
            types,
            weights,
            bias,
            float(data["threshold"]),
            frozenset(data["languages"]),
            layers,
            None if beside is None else float(beside),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ChroniclerError(f"{where}: not a detector model: {exc}") from exc


@cache
def load_detector(path: Path = MODEL_FILE) -> Detector | None:
    """The trained detector, loaded once per process; None where none is installed."""
    if not path.is_file():
        return None
    return detector_from_json(json.loads(path.read_text(encoding="utf-8")), str(path), path.parent)


def fit_logistic(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression (the objective of scikit-learn's ``C``), solved by L-BFGS:
    convex, so the same data always gives the same weights."""
    from scipy.optimize import minimize

    x64, y64 = x.astype(np.float64), y.astype(np.float64)

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = params[:-1], params[-1]
        z = x64 @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        value = 0.5 * w @ w + c * float(np.sum(np.logaddexp(0.0, z) - y64 * z))
        grad = np.append(w + c * (x64.T @ (p - y64)), c * np.sum(p - y64))
        return value, grad

    result = minimize(
        loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 5000, "gtol": 1e-8}
    )
    return result.x[:-1], float(result.x[-1])


def train(
    embeddings: np.ndarray,
    labels: Sequence[Iterable[str]],
    types: Iterable[str],
    *,
    c: float = 1.0,
    threshold: float = 0.7,
    beside: float | None = None,
    languages: Iterable[str] = ("en",),
) -> Detector:
    """A detector fitted to sentence ``embeddings`` and the event types each sentence states, one
    classifier for each of ``types`` (the ontology's, ``Lexicon.groups``) with enough examples."""
    label_sets = [set(ls) for ls in labels]
    kept = tuple(t for t in types if sum(t in ls for ls in label_sets) >= MIN_EXAMPLES)
    if not kept:
        raise ValueError("no event type has enough training sentences")
    rows = [fit_logistic(embeddings, np.array([t in ls for ls in label_sets]), c) for t in kept]
    weights = np.array([w for w, _ in rows], dtype=np.float32)
    bias = np.array([b for _, b in rows], dtype=np.float32)
    return Detector(kept, weights, bias, threshold, frozenset(languages), beside=beside)


def add_detected(
    doc: Document,
    mentions: tuple[EventMention, ...],
    knowledge: KnowledgeBase,
    model: Detector | None,
    voices: VoiceReader | None = None,
) -> tuple[EventMention, ...]:
    """``mentions`` and, in text order after them, the events the detector finds: in sentences where
    the readers found none, and of other types, at the stricter ``beside`` threshold, where they
    found some (their reading stands: a sentence of death sentences is no execution because the two
    are told alike). ``voices`` reads who claims a sentence and in which mood; without it the events
    are asserted and claimed by no one."""
    if model is None or doc.language not in model.languages:
        return mentions
    spans = [(s, e, whole_sentence.told(mentions, s, e)) for s, e in sentences(doc.text)]
    spans = [(s, e, told) for s, e, told in spans if not told or model.beside is not None]
    if not spans:
        return mentions
    found = model.probabilities(model.encode([doc.text[s:e] for s, e, _ in spans]))
    lang = knowledge.language(doc.language)
    story: Story | None = None
    added: list[EventMention] = []
    for (start, end, told), probs in zip(spans, found, strict=True):
        threshold = model.beside if told and model.beside is not None else model.threshold
        kinds = [
            k for k, p in sorted(zip(model.types, probs, strict=True)) if p >= threshold and k not in told
        ]
        if kinds:
            story = story or read_story(doc, lang, knowledge)
            before = whole_sentence.last_claimant([*mentions, *added], start)
            voice = voices(start, end, before) if voices else None
            added.extend(
                whole_sentence.mentions(doc, (start, end), kinds, lang, knowledge, story, voice, READER)
            )
    return mentions + tuple(added)


__all__ = ["EXTRACTOR", "Detector", "add_detected", "load_detector", "train"]
