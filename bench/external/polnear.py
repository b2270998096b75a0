"""PolNeAR dev: who a reporting verb attributes a statement to, against chronicler's claimant finder.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) marks attributions in 2016 US campaign news as
Source, Cue and Content spans linked by an event line (BRAT standoff). The comparable subset is the
attributions chronicler's rule is written for: the cue is one reporting verb from chronicler's cue
pack, and source, cue and content all lie in one sentence. For each, the content's syntactic head
stands in for an event trigger and ``chronicler.extract.english.attribution.find_claimant`` is asked who
claims it; it is right when its claimant's span overlaps the gold source span.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicler.extract.english.attribution import find_claimant
from chronicler.knowledge.actors import ActorIndex
from chronicler.knowledge.english import EnglishWords
from chronicler.knowledge.triggers import Cues
from chronicler.nlp import load_pipeline
from chronicler.pipeline import shared_knowledge
from external import Metric, SetResult, missing, overlaps, ratio

KEY = "polnear"
TITLE = "PolNeAR dev attribution sources"
DIRNAME = "polnear_dev"
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who"})
# The prepositional cues chronicler's finder reads ("according to X", "citing X").
PREP_CUES = frozenset({"according to", "citing", "quoting"})
_SPAN = re.compile(r"(\d+) (\d+)")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Relation:
    source: Spans
    cue: Spans
    content: Spans
    source_text: str


def parse_ann(text: str) -> list[Relation]:
    """The attribution relations of one BRAT file that have a source, a cue and a content."""
    spans: dict[str, tuple[Spans, str]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 3:
            offsets = tuple((int(a), int(b)) for a, b in _SPAN.findall(cols[1]))
            spans[cols[0]] = (offsets, cols[2])
        elif line.startswith("E") and len(cols) >= 2:
            events.append(dict(part.split(":", 1) for part in cols[1].split() if ":" in part))
    out: list[Relation] = []
    for ev in events:
        if not {"Source", "Cue", "Content"} <= ev.keys() or not all(
            ev[r] in spans for r in ("Source", "Cue", "Content")
        ):
            continue
        source, source_text = spans[ev["Source"]]
        out.append(Relation(source, spans[ev["Cue"]][0], spans[ev["Content"]][0], source_text))
    return out


def _annotation_files(base: Path) -> dict[str, Path]:
    """One annotation file per article: the metadata's annotator, else the first file by name."""
    chosen: dict[str, str] = {}
    meta = base / "metadata_dev.tsv"
    if meta.exists():
        with meta.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                chosen[row["filename"]] = row["annotators"].split("|")[0].strip()
    out: dict[str, Path] = {}
    for path in sorted((base / "attributions").glob("*.ann")):
        article, annotator = path.stem.rsplit("_", 1)
        if article not in out or chosen.get(article) == annotator:
            out[article] = path
    return out


@dataclass
class Tally:
    relations: int = 0
    comparable: int = 0
    pronoun: int = 0
    pronoun_flagged: int = 0
    right: int = 0
    verb_cues: int = 0
    verb_right: int = 0
    baseline_right: int = 0


def _cue_token(doc: Any, cue: Spans, cues: Cues) -> tuple[Any, bool] | None:
    """(token, is a verb) for a one-span cue that is one speech verb ("said", "has said") or a
    prepositional cue ("according to"); None for any other cue."""
    if len(cue) != 1:
        return None
    span = doc.char_span(*cue[0], alignment_mode="expand")
    if span is None:
        return None
    if span.text.lower().strip() in PREP_CUES:
        return span[0], False
    verbs = [t for t in span if t.pos_ in {"VERB", "AUX"}]
    if verbs and verbs[-1].lemma_.lower() in cues.speech_verbs and all(v.pos_ == "AUX" for v in verbs[:-1]):
        return verbs[-1], True
    return None


def _content_head(doc: Any, content: Spans) -> Any | None:
    """The content token whose syntactic head lies outside the content: the clause's predicate."""
    tokens = [t for s, e in content for t in (doc.char_span(s, e, alignment_mode="contract") or ())]
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in heads if t.pos_ in {"VERB", "AUX"}]
    return (verbs or heads or [None])[0]


def _subtree_span(tok: Any) -> tuple[int, int]:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def _subject_span(verb: Any) -> tuple[int, int] | None:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return _subtree_span(subjects[0]) if subjects else None


def _object_span(prep: Any) -> tuple[int, int] | None:
    """What follows a prepositional cue: the object of "to" in "according to", of "citing"."""
    heads = [prep.doc[prep.i + 1]] if prep.lower_ == "according" and prep.i + 1 < len(prep.doc) else [prep]
    objects = [c for h in heads for c in h.children if c.dep_ in {"pobj", "dobj", "obj"}]
    return _subtree_span(objects[0]) if objects else None


def _judge(
    doc: Any, rel: Relation, cues: Cues, actors: ActorIndex, vocab: EnglishWords, tally: Tally
) -> None:
    tally.relations += 1
    found = _cue_token(doc, rel.cue, cues)
    if found is None or len(rel.source) != 1:
        return
    cue, is_verb = found
    sent = cue.sent
    inside = all(sent.start_char <= s and e <= sent.end_char for s, e in rel.source + rel.content)
    head = _content_head(doc, rel.content)
    if not inside or head is None:
        return
    att = find_claimant(head, cues, None, actors, vocab)
    if rel.source_text.strip().lower() in PRONOUNS:
        # The pipeline resolves "he said" to the last named claimant; the gold marks the pronoun.
        tally.pronoun += 1
        tally.pronoun_flagged += att.pronoun
        return
    tally.comparable += 1
    gold = rel.source[0]
    if att.claimant is not None and overlaps((att.claimant.start, att.claimant.end), gold):
        tally.right += 1
    if is_verb:
        tally.verb_cues += 1
        tally.verb_right += att.verb is not None and att.verb.i == cue.i
    reference = _subject_span(cue) if is_verb else _object_span(cue)
    if reference is not None and overlaps(reference, gold):
        tally.baseline_right += 1


def run(root: Path) -> SetResult:
    base = root / DIRNAME
    gone = missing(KEY, TITLE, base / "text", base / "attributions")
    if gone:
        return gone
    nlp = load_pipeline()
    knowledge = shared_knowledge()
    cues = knowledge.language("en").cues
    tally = Tally()
    files = _annotation_files(base)
    for article, ann in sorted(files.items()):
        text_path = base / "text" / f"{article}.txt"
        if not text_path.exists():
            continue
        doc = nlp(text_path.read_text(encoding="utf-8"))
        for rel in parse_ann(ann.read_text(encoding="utf-8")):
            _judge(doc, rel, cues, knowledge.actors, knowledge.english, tally)
    n = tally.comparable
    return SetResult(
        key=KEY,
        title=TITLE,
        n=n,
        unit=f"attributions (of {tally.relations} with a source, cue and content in {len(files)} articles)",
        baseline=(
            "the gold cue's syntactic subject, or the object of \"according to\" (given the gold cue: an "
            "easier task, so a reference point rather than a competitor)"
        ),
        metrics=(
            Metric("source found (claimant span overlaps the gold source)", ratio(tally.right, n),
                   ratio(tally.baseline_right, n)),
            Metric(f"reporting verb found is the gold cue (verb cues, n={tally.verb_cues})",
                   ratio(tally.verb_right, tally.verb_cues), None),
            Metric(f"pronoun sources flagged for resolution from context (n={tally.pronoun})",
                   ratio(tally.pronoun_flagged, tally.pronoun), None),
        ),
        measured=(
            "Each article is parsed with `chronicler.nlp.load_pipeline()`; for each comparable "
            "attribution, the head of the content span is passed to "
            "`chronicler.extract.english.attribution.find_claimant` as if it were an event trigger."
        ),
        mapping=(
            f"Comparable subset: the cue is one contiguous span that is either a verb whose lemma is one "
            f"of chronicler's {len(cues.speech_verbs)} speech verbs (`packs/cues.yaml`), possibly after "
            "auxiliaries (\"has said\"), or \"according to\", \"citing\", \"quoting\"; source, cue and "
            "content lie in the cue's sentence; the source is one span. "
            "One annotation file per article: the annotator named in the metadata, else the first by name."
        ),
        excluded=(
            f"{tally.relations - n - tally.pronoun} attributions outside that subset (cues such as "
            "colons, dashes or non-speech verbs; quotes spanning sentences); "
            f"{tally.pronoun} with a pronoun source, scored separately because the pipeline replaces "
            "the pronoun with the previous named claimant, which PolNeAR does not mark as the source."
        ),
        notes=(
            "PolNeAR attributes opinions, quotes and poll findings in US campaign coverage; chronicler's "
            "finder is written to attribute event reports, and is called here on the content head, not "
            "on an event trigger, so the subset tests its reporting-verb and subject logic only.",
            "A claimant that overlaps the gold source counts as right even when its extent differs "
            "(chronicler trims determiners and clauses: \"the spokesman\" vs \"a spokesman for X\").",
        ),
    )
