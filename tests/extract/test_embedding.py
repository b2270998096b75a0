"""The NumPy forward pass of all-MiniLM-L6-v2 gives the reference implementation's vectors.

The reference figures were computed once with sentence-transformers 5 and PyTorch (CPU) on the same
model package, ``normalize_embeddings=True``; they are the first eight and two further dimensions.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from chronicler.errors import ChroniclerError
from chronicler.extract.embedding import load_encoder, model_dir

pytestmark = pytest.mark.slow

REFERENCE = {
    "Riot police fired tear gas at striking nurses outside the ministry.": (
        [-0.000169, 0.040213, 0.022775, 0.015237, 0.08083, 0.067529, -0.069289, 0.015961],
        -0.043926,
        0.025643,
    ),
    "The bakery on the corner sells fresh bread every morning.": (
        [0.031659, 0.063237, -0.044609, 0.019416, -0.023032, 0.049921, -0.016329, 0.026202],
        0.013406,
        -0.037587,
    ),
}


def test_vectors_match_the_reference_implementation() -> None:
    texts = list(REFERENCE)
    vectors = load_encoder().encode(texts)
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    for row, (first, d100, d383) in zip(vectors, REFERENCE.values(), strict=True):
        assert np.allclose(row[:8], first, atol=2e-6)
        assert abs(row[100] - d100) < 2e-6 and abs(row[383] - d383) < 2e-6
        assert abs(float(np.linalg.norm(row)) - 1.0) < 1e-5


def test_batching_and_order_do_not_change_a_vector() -> None:
    """Texts are batched by length; each comes back in its own place, the same as alone."""
    texts = [
        "Short.",
        "A much longer sentence about the strike that spread to the oil fields in the south.",
    ] * 20
    together = load_encoder().encode(texts)
    alone = load_encoder().encode([texts[1]])
    assert np.allclose(together[1], alone[0], atol=1e-5) and np.allclose(together[0], together[2], atol=1e-6)
    assert load_encoder().encode([]).shape == (0, 384)


def test_an_overlong_text_is_truncated_not_refused() -> None:
    assert load_encoder().encode(["protest " * 2000]).shape == (1, 384)


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    assert model_dir() is not None
    with pytest.raises(ChroniclerError, match="not installed"):
        load_encoder.__wrapped__(tmp_path / "nowhere")


def _published_layer(layer: int) -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    where = model_dir()
    assert where is not None
    weights = load_file(str(where / "model.safetensors"))
    return {k: v for k, v in weights.items() if k.startswith(f"encoder.layer.{layer}.")}


def test_tuned_layers_replace_the_published_ones(tmp_path: Path) -> None:
    """A file of layers replaces those of the model: the published top layer again changes nothing, a
    changed one changes the vectors."""
    from safetensors.numpy import save_file

    texts = list(REFERENCE)
    same, changed = tmp_path / "same.safetensors", tmp_path / "changed.safetensors"
    top = _published_layer(5)
    save_file(top, str(same))
    name = "encoder.layer.5.output.LayerNorm.bias"
    save_file({**top, name: top[name] + np.linspace(-0.5, 0.5, 384, dtype=np.float32)}, str(changed))
    published = load_encoder().encode(texts)
    assert np.array_equal(load_encoder(tuned=same).encode(texts), published)
    assert not np.allclose(load_encoder(tuned=changed).encode(texts), published, atol=1e-3)


def test_tuned_layers_of_another_shape_are_a_clear_error(tmp_path: Path) -> None:
    from safetensors.numpy import save_file

    path = tmp_path / "bad.safetensors"
    save_file({"encoder.layer.5.output.dense.bias": np.zeros(7, dtype=np.float32)}, str(path))
    with pytest.raises(ChroniclerError, match="not a weight of the sentence model"):
        load_encoder.__wrapped__(None, path)
