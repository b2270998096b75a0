"""Write docs/quality.md: chronicler's extraction quality on the dev set and on public external sets.

usage: .venv/bin/python bench/quality.py [--out docs/quality.md] [--only SET] [--devset DIR] [--external DIR]

  .venv/bin/python bench/quality.py                    # everything, written to docs/quality.md
  .venv/bin/python bench/quality.py --only timebank    # one part, printed to stdout

The dev set (../shared/devset, or $DEVSET) is extracted in-process and scored with the dev set's
scorer; the external sets (../shared/eval/external, or $EXTERNAL_SETS) are read in place, never
copied, and a set that is absent is reported as skipped with the reason. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from external import SetResult, case2021, plover_gsr, polnear, timebank, tr_news

from chronicler.config import Settings
from chronicler.consolidate.events import consolidate
from chronicler.evaluate.coreference import coreference_on_gold
from chronicler.languages import LANGUAGES
from chronicler.records import DocumentFacts, Extraction
from chronicler.service import extract

REPO = Path(__file__).resolve().parent.parent
COMMAND = ".venv/bin/python bench/quality.py"
NO_EVENT_DOC = "dev12"
EXTERNAL: dict[str, ModuleType] = {m.KEY: m for m in (plover_gsr, case2021, tr_news, timebank, polnear)}
PARTS = ("devset", *EXTERNAL)

# (label, how the figure is read from the scorer's output, threshold): the targets of issue 3.
TARGETS: tuple[tuple[str, Callable[[dict[str, Any]], float | None], float], ...] = (
    ("material events precision", lambda r: r["events_material"]["p"], 0.85),
    ("material events F1", lambda r: r["events_material"]["f1"], 0.80),
    ("verbal events F1", lambda r: r["events_verbal"]["f1"], 0.65),
    ("count claims F1", lambda r: r["count_claims"]["f1"], 0.85),
    ("date on matched events", lambda r: r["attributes"].get("date"), 0.85),
    ("place on matched events", lambda r: r["attributes"].get("place"), 0.85),
    ("claimed_by on matched events", lambda r: r["attributes"].get("claimed_by"), 0.85),
    ("historical on matched events", lambda r: r["attributes"].get("historical"), 0.90),
    ("modality on matched events", lambda r: r["attributes"].get("modality"), 0.90),
)


def progress(message: str) -> None:
    print(f"[quality] {message}", file=sys.stderr, flush=True)


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def shown(path: Path) -> str:
    """A path as the reader would type it from the repository root."""
    if path.is_absolute() and path.is_relative_to(REPO.parent):
        return os.path.relpath(path, REPO)
    return str(path)


PRF_HEAD = ("precision", "recall", "F1", "tp", "fp", "fn")


def prf_cells(v: dict[str, Any]) -> tuple[str, ...]:
    return fmt(v["p"]), fmt(v["r"]), fmt(v["f1"]), str(v["tp"]), str(v["fp"]), str(v["fn"])


def table(rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> list[str]:
    head, *body = rows
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return lines + ["| " + " | ".join(r) + " |" for r in body]


# --- the dev set -------------------------------------------------------------------------------


Scorer = Callable[[list[dict[str, Any]]], dict[str, Any]]


def _scorer(devset: Path) -> tuple[Scorer, str]:
    """chronicler's own scorer when it exists, else the dev set's score.py (same output), and its name."""
    try:
        own = importlib.import_module("chronicler.evaluate.scoring")
        return (lambda events: dict(own.score(devset / "gold", events))), "`chronicler.evaluate.scoring`"
    except ImportError:
        spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
        if spec is None or spec.loader is None:
            raise SystemExit(f"cannot load {devset / 'score.py'}") from None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return (
            (lambda events: dict(module.score(devset / "docs", devset / "gold", events, None))),
            f"`{shown(devset / 'score.py')}`",
        )


def devset_section(devset: Path) -> list[str]:
    if not (devset / "docs").is_dir() or not (devset / "gold").is_dir():
        return ["## Dev set targets", "", f"Skipped: no `docs/` and `gold/` under `{shown(devset)}`.", ""]
    progress(f"dev set: extracting {devset / 'docs'}")
    started = time.monotonic()
    results = list(extract([str(devset / "docs")], Settings()))
    done = [r for r in results if isinstance(r, Extraction)]
    events = [m.to_json() for r in done for m in r.mentions]
    failures = len(results) - len(done)
    scorer, scorer_name = _scorer(devset)
    result = scorer(events)
    seconds = time.monotonic() - started
    progress(f"dev set: {len(events)} events from {len(done)} documents in {seconds:.0f} s")
    languages = Counter(r.document.language or "?" for r in done)
    langs = ", ".join(f"{n} {lang}" for lang, n in sorted(languages.items()))
    silent = sum(1 for e in events if e["doc_id"] == NO_EVENT_DOC)
    lines = [
        "## Dev set targets",
        "",
        f"`{shown(devset)}`: {len(done)} documents ({langs}; events are extracted from "
        f"{', '.join(sorted(LANGUAGES))} only, so the others count as misses), "
        f"{len(events)} events extracted, {failures} documents failed; scored by {scorer_name} "
        "(the dev set's rules, README there). Extraction and scoring took "
        f"{seconds:.0f} s.",
        "",
    ]
    rows: list[tuple[str, ...]] = [("target", "threshold", "today", "met")]
    for label, read, threshold in TARGETS:
        value = read(result)
        met = value is not None and value >= threshold
        rows.append((label, f">= {threshold:.2f}", fmt(value), "yes" if met else "**no**"))
    rows.append((f"no-event document ({NO_EVENT_DOC}) gives no output", "0 events", str(silent),
                 "yes" if silent == 0 else "**no**"))
    lines += [*table(rows), "", "### Events and attributes", ""]
    rows = [("group", *PRF_HEAD)]
    rows += [(key, *prf_cells(result[key])) for key in ("events_all", "events_material", "events_verbal",
                                                          "count_claims")]
    lines += [*table(rows), ""]
    rows = [("attribute (on matched events)", "accuracy", "n")]
    for key, value in result["attributes"].items():
        rows.append((key, fmt(value), str(result["attribute_n"][key])))
    lines += [
        *table(rows),
        "",
        "`historical_true` is scored on gold historical events only, `modality_marked` on gold events "
        "that are not asserted; `counts` on pairs where either side has a figure.",
        "",
        "### Per event type",
        "",
    ]
    rows = [("type", *PRF_HEAD)]
    rows += [(str(key), *prf_cells(v)) for key, v in result["per_type"].items()]
    lines += [*table(rows), ""]
    return [*lines, *slices_section(devset, done, events), *ablation_section(devset, events),
            *coreference_section(devset, done, events)]


def ablation_section(devset: Path, events: list[dict[str, Any]]) -> list[str]:
    """The rules alone, the learned detector's additions alone, and both, on each split."""
    from chronicler.extract.learned import EXTRACTOR

    own = importlib.import_module("chronicler.evaluate.scoring")
    learned = [e for e in events if e.get("extractor") == EXTRACTOR]
    rules = [e for e in events if e.get("extractor") != EXTRACTOR]
    rows: list[tuple[str, ...]] = [("split", "events", "P", "R", "F1", "material P", "material F1")]
    for split in ("train", "dev"):
        path = devset / "splits" / f"{split}.txt"
        if not path.is_file():
            continue
        names = set(path.read_text(encoding="utf-8").split())
        runs = (("rules only", rules), ("detector's additions only", learned), ("both", events))
        for label, chosen in runs:
            r = own.score(devset / "gold", chosen, names)
            rows.append((split, label, *(fmt(r["events_all"][k]) for k in ("p", "r", "f1")),
                         fmt(r["events_material"]["p"]), fmt(r["events_material"]["f1"])))
    return ["### Rules and the learned detector", "",
            "The detector (`src/chronicler/models/detector/MODEL_CARD.md`) reads English sentences and "
            "adds events of types the rules did not find there (at a stricter threshold where they found "
            "others), so the rules' figures are those of the same run without its events (they include "
            "the tolls, `extract/tolls.py`, which come after it). It was trained on `train`, so its "
            "`train` rows are in-sample; the model card gives out-of-fold figures "
            "(`bench/detector_ablation.py`).", "",
            *table(rows), ""]


def slices_section(devset: Path, done: list[Extraction], events: list[dict[str, Any]]) -> list[str]:
    """The same figures on the train and dev splits (aggregates only) and per language."""
    own = importlib.import_module("chronicler.evaluate.scoring")
    groups: dict[str, set[str]] = {}
    for split in ("train", "dev"):
        path = devset / "splits" / f"{split}.txt"
        if path.is_file():
            groups[f"split {split}"] = set(path.read_text(encoding="utf-8").split())
    by_language: dict[str, set[str]] = {}
    for r in done:
        by_language.setdefault(r.document.language or "?", set()).add(Path(r.document.source).stem)
    groups.update({f"language {lang}": names for lang, names in sorted(by_language.items())})
    head = ("slice", "docs", "events P", "events R", "events F1", "material P", "count claims F1", "date",
            "place", "claimed_by")
    rows: list[tuple[str, ...]] = [head]
    for label, names in groups.items():
        r = own.score(devset / "gold", events, names)
        att = r["attributes"]
        rows.append((label, str(len(names)), *(fmt(r["events_all"][k]) for k in ("p", "r", "f1")),
                     fmt(r["events_material"]["p"]), fmt(r["count_claims"]["f1"]),
                     *(fmt(att.get(k)) for k in ("date", "place", "claimed_by"))))
    return ["### By split and language", "",
            "Rules are fitted on `train` only; `dev` is read in aggregate, as here.", "",
            *table(rows), ""]


def coreference_section(devset: Path, done: list[Extraction], events: list[dict[str, Any]]) -> list[str]:
    """Cross-document consolidation of the same mentions, against the gold files' event keys."""
    facts = {
        r.document.id: DocumentFacts(
            r.document.id, r.document.published, r.document.outlet, r.document.id, r.document.outlet
        )
        for r in done
    }
    started = time.monotonic()
    consolidated = consolidate([m for r in done for m in r.mentions], facts)
    scores = coreference_on_gold(devset / "gold", None, events, consolidated)
    seconds = time.monotonic() - started
    rows: list[tuple[str, ...]] = [("metric", "precision", "recall", "F1")]
    for name, label in (("muc", "MUC"), ("b_cubed", "B-cubed"), ("ceaf_e", "CEAF-e")):
        v = scores[name]
        rows.append((label, fmt(v["p"]), fmt(v["r"]), fmt(v["f1"])))
    rows.append(("CoNLL (mean F1)", "", "", fmt(scores["conll_f1"])))
    for split in ("train", "dev"):
        path = devset / "splits" / f"{split}.txt"
        if path.is_file():
            names = path.read_text(encoding="utf-8").split()
            v = coreference_on_gold(devset / "gold", names, events, consolidated)["b_cubed"]
            rows.append((f"B-cubed, split {split}", fmt(v["p"]), fmt(v["r"]), fmt(v["f1"])))
    met = "met" if scores["b_cubed"]["f1"] >= 0.80 else "**not met**"
    return [
        "### Cross-document coreference (issue 4)",
        "",
        f"The same {len(events)} mentions consolidated into {len(consolidated)} events in {seconds:.1f} s; "
        f"scored on the {scores['matched']} mentions matched to gold events ({scores['gold_clusters']} gold "
        f"keys, {scores['system_clusters']} system clusters), gold clusters from `event_key`. "
        f"Target B-cubed F1 >= 0.80: {met}. `.venv/bin/python bench/coreference.py DOCS GOLD "
        "EVENTS.jsonl` scores a saved extraction the same way, with publication dates and outlets read "
        "from the document JSON instead of the cleaned documents, so its figures can differ slightly.",
        "",
        *table(rows),
        "",
    ]


# --- the external sets -------------------------------------------------------------------------


def _source(directory: Path) -> str:
    """Repository, commit and licence from the set's SOURCE.txt, for the reader to check."""
    path = directory / "SOURCE.txt"
    if not path.exists():
        return ""
    fields: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key.strip() in {"repo", "commit", "licence"} and key.strip() not in fields:
            fields[key.strip()] = value.strip()
    commit = fields.get("commit", "").split()[0][:7] if fields.get("commit") else "?"
    repo = (fields.get("repo") or "?").split()[0]
    # The licence line's first clause; SOURCE.txt says more and is the place to read it in full.
    licence = re.split(r"\s\(|\.\s|;", fields.get("licence") or "?")[0].rstrip(".")
    return f"Source: `{repo}` @ `{commit}`; licence: {licence} (see SOURCE.txt there)"


def run_external(key: str, root: Path) -> SetResult:
    progress(f"{key}: running")
    started = time.monotonic()
    result: SetResult = EXTERNAL[key].run(root)
    seconds = time.monotonic() - started
    progress(f"{key}: {result.skipped or f'{result.n} {result.unit}'} in {seconds:.0f} s")
    return result


def external_section(result: SetResult, directory: Path, seconds: float) -> list[str]:
    lines = [f"### {result.title}", ""]
    if result.skipped:
        return [*lines, f"Skipped: {result.skipped}.", ""]
    source = _source(directory)
    lines += [f"{source}. Took {seconds:.0f} s." if source else f"Took {seconds:.0f} s.", ""]
    lines += [f"- **Measured:** {result.measured}", f"- **n:** {result.n} {result.unit}",
              f"- **Mapping:** {result.mapping}", f"- **Excluded:** {result.excluded}"]
    if result.baseline:
        lines.append(f"- **Baseline:** {result.baseline}")
    rows: list[tuple[str, ...]] = [("metric", "chronicler", "baseline" if result.baseline else "–")]
    rows += [(m.name, fmt(m.chronicler), fmt(m.baseline)) for m in result.metrics]
    lines += ["", *table(rows), "", "Not comparable, or worth knowing:", ""]
    lines += [f"- {note}" for note in result.notes]
    if result.table:
        lines += ["", *table(result.table)]
    return [*lines, ""]


def externals(root: Path, only: str | None) -> list[str]:
    lines = ["## External sets", "",
             f"Read in place from `{shown(root)}`; none of their text is copied into this repository.", ""]
    for key, module in EXTERNAL.items():
        if only and key != only:
            continue
        started = time.monotonic()
        result = run_external(key, root)
        lines += external_section(result, root / module.DIRNAME, time.monotonic() - started)
    return lines


# --- the document ------------------------------------------------------------------------------


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return done.stdout.strip()


def header(command: str) -> list[str]:
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    changed = _git("status", "--porcelain", "--untracked-files=no")
    dirty = " (with uncommitted changes in the working tree)" if changed else ""
    return [
        "# Extraction quality",
        "",
        f"Generated {date.today().isoformat()} at commit `{commit}`{dirty} by `bench/quality.py`. "
        "Regenerate with:",
        "",
        "```",
        command,
        "```",
        "",
        "Dev-set figures are scored by the dev set's own rules; the external sets are public data "
        "sets annotated for other purposes, so each section says what was measured, how labels were "
        "mapped and where the comparison is not like for like. A baseline is shown only where a plain "
        "one exists.",
        "",
    ]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description="Write docs/quality.md: extraction quality on the dev set and public external sets.",
        epilog=f"example: {COMMAND} --only tr_news",
    )
    ap.add_argument("--out", type=Path, help="where to write (default docs/quality.md; with --only, stdout)")
    ap.add_argument("--only", choices=PARTS, help="run one part only")
    ap.add_argument("--devset", type=Path,
                    default=Path(os.environ.get("DEVSET", REPO.parent / "shared/devset")),
                    help="the dev set directory (default $DEVSET or ../shared/devset)")
    ap.add_argument("--external", type=Path,
                    default=Path(os.environ.get("EXTERNAL_SETS", REPO.parent / "shared/eval/external")),
                    help="the external sets directory (default $EXTERNAL_SETS or ../shared/eval/external)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    lines = header(COMMAND if not args.only else f"{COMMAND} --only {args.only}")
    if args.only in (None, "devset"):
        lines += devset_section(args.devset)
    if args.only != "devset":
        lines += externals(args.external, args.only)
    lines.append(f"_Total run time {time.monotonic() - started:.0f} s._")
    text = "\n".join(lines) + "\n"
    out = args.out if args.out else (None if args.only else REPO / "docs" / "quality.md")
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        progress(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
