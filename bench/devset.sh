#!/usr/bin/env bash
# Extraction quality on the shared development set (../shared/devset), scored by its own scorer.
# usage: bench/devset.sh [--json]   (run scripts/setup first)
set -euo pipefail
cd "$(dirname "$0")/.."
DEVSET=${DEVSET:-../shared/devset}
mkdir -p out
.venv/bin/chronicler extract "$DEVSET/docs" --format jsonl > out/devset.jsonl
python3 "$DEVSET/score.py" "$DEVSET/docs" "$DEVSET/gold" out/devset.jsonl "$@"
