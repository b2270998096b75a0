"""Figures in news text: value, qualifier and what they count (SCHEMA.md, "count").

``find_counts`` reads digits in three scripts, number words, round nouns ("une centaine") and
vague figures ("thousands"), sets aside what is no count (years, dates, ages, durations,
percentages, money, ordinals, article numbers, "one of the ..."), reads the qualifier around
the figure ("at least", "between ... and ..."), and infers its kind:

1. the noun the figure counts decides when it is telling: "21 cities" is ``other`` even next to
   "killed", "hundreds of wounded" is ``injured``;
2. otherwise the nearest cue word in the clause (the governing verb, "the dead", "a toll of"),
   preferring what follows the figure, never looking past a reporting verb ("officials told
   Reuters that ... killed" does not make the officials dead);
3. otherwise a protest noun ("5,000 protesters") gives ``participants``; anything else ``other``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from chronicler.extract.facts.numbers import ascii_digits, digits_value, words_value
from chronicler.extract.facts.times import find_dates
from chronicler.knowledge import LanguageKnowledge
from chronicler.knowledge.counts import CountWords
from chronicler.knowledge.numbers import NumberWords
from chronicler.records import Count, CountKind, Qualifier

__all__ = ["CountMatch", "find_counts"]

_TOKEN = re.compile(r"[\w\u200c]+(?:[-'’][\w\u200c]+)*|[^\s\w\u200c]")
# A clause ends at a full stop, a semicolon or colon, a line, or the end of a quotation.
_CLAUSE_END = re.compile(r"[.!?;:؛]\s|\n|[,.!?][”\"»]")
_QUOTES = set("\"“”«»„‘’'()´`")
# "29 of the country's 31 provinces": the second figure is the whole, not a count.
_OF_WHOLE = re.compile(r"^\s+(?:of|de|des|du|von|der|از)\s+(?:(?:the|les|la|le|den|der)\s+)?"
                       r"(?:[\w\u200c-]+['’]s\s+)?$", re.IGNORECASE)
_WINDOW = 15  # tokens either side searched for a cue


@dataclass(frozen=True)
class CountMatch:
    start: int
    end: int
    count: Count
    head_start: int | None
    head_end: int | None


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: Qualifier
    digits: bool = False  # written in digits without separators or scale ("2019")
    single_word_one: bool = False


def find_counts(text: str, lang: LanguageKnowledge) -> list[CountMatch]:
    """Every figure in ``text`` that counts something, left to right."""
    cw = lang.counts
    norm = ascii_digits(text)
    dates = [(m.start, m.end) for m in find_dates(text, None, None, lang.dates)]
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm)]
    out: list[CountMatch] = []
    for fig in _figures(norm, cw, lang.numbers, dates):
        head = _head(norm, fig, cw, tokens)
        if not _is_count(norm, fig, cw, head):
            continue
        kind, cue = _kind(norm, fig, cw, tokens, head)
        if kind == "participants" and head and norm[head[0]:head[1]].lower() in cw.forces:
            kind = "other"  # "watched by 100 police" near the crowd: the police are not in it
        if head is None and out and cw.list_link.match(norm[out[-1].end:fig.start]):
            kind = out[-1].count.kind  # "60 detained in Shiraz, 30 in Rasht": the list's kind
        span = head or cue
        count = Count(kind=kind, low=fig.low, high=fig.high, qualifier=fig.qualifier,
                      text=text[fig.start:fig.end])
        head_start, head_end = span if span else (None, None)
        out.append(CountMatch(fig.start, fig.end, count, head_start, head_end))
    return out


# -- finding figures ---------------------------------------------------------------------------


def _numbers(text: str, nw: NumberWords) -> list[tuple[int, int, float, bool]]:
    """(start, end, value, plain_digits) of every number, digits before words where they overlap."""
    found: list[tuple[int, int, float, bool]] = []
    for m in nw.digits.finditer(text):
        plain = m.group("frac") is None and m.group("scale") is None and m.group("int").isdigit()
        found.append((m.start(), m.end(), digits_value(m, nw), plain))
    for m in nw.spelled.finditer(text):
        value = words_value(m.group(), nw)
        if value is not None and not any(s < m.end() and m.start() < e for s, e, _, _ in found):
            found.append((m.start(), m.end(), float(value), False))
    return sorted(found)


def _figures(text: str, cw: CountWords, nw: NumberWords, dates: list[tuple[int, int]]) -> list[_Figure]:
    def free(s: int, e: int) -> bool:
        return not any(ds < e and s < de for ds, de in dates)

    numbers = [n for n in _numbers(text, nw) if free(n[0], n[1])]
    figures: list[_Figure] = []
    i = 0
    while i < len(numbers):
        start, end, value, plain = numbers[i]
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        before = cw.range_from.search(text[max(0, start - 30):start])
        if nxt and value < nxt[2] and cw.range_to.match(text[end:nxt[0]]) and (
                before or not re.search(r"\b(?:and|und|et|و)\b", text[end:nxt[0]])):
            lead = start - len(before.group()) if before else start
            figures.append(_Figure(lead, nxt[1], _int(value), _int(nxt[2]), "range"))
            i += 2
            continue
        if value != int(value) or value <= 0:
            i += 1
            continue
        if i > 0 and _OF_WHOLE.match(text[numbers[i - 1][1]:start]):
            i += 1  # the whole in "29 of the country's 31 provinces"
            continue
        figures.append(_qualified(text, cw, start, end, int(value), plain))
        i += 1
    for m in cw.approx_rx.finditer(text):
        if free(m.start(), m.end()):
            value = cw.approx[" ".join(m.group().lower().split())]
            fig = _qualified(text, cw, m.start(), m.end(), value, False)
            qualifier: Qualifier = fig.qualifier if fig.qualifier != "exact" else "about"
            figures.append(_Figure(fig.start, fig.end, fig.low, fig.high, qualifier))
    for m in cw.vague_rx.finditer(text):
        word = m.group().lower()
        if word in cw.vague_need_of and not cw.partitive.match(text[m.end():]):
            continue
        if free(m.start(), m.end()) and not any(f.start < m.end() and m.start() < f.end for f in figures):
            figures.append(_Figure(m.start(), m.end(), None, None, "vague"))
    return _bounds_joined(text, cw, sorted(figures, key=lambda f: f.start))


def _bounds_joined(text: str, cw: CountWords, figures: list[_Figure]) -> list[_Figure]:
    """ "at least four people, and as many as six": a lower and an upper bound of one figure."""
    out: list[_Figure] = []
    for fig in figures:
        prev = out[-1] if out else None
        if (prev is not None and prev.qualifier in ("at_least", "more_than") and fig.qualifier == "at_most"
                and cw.range_to.match(re.sub(r"^\s*[\w'’-]*\s*,", " ", text[prev.end:fig.start]))):
            out[-1] = _Figure(prev.start, fig.end, prev.low, fig.high, "range")
            continue
        out.append(fig)
    return out


def _int(value: float) -> int | None:
    return int(value) if value == int(value) else None


def _qualified(text: str, cw: CountWords, start: int, end: int, value: int, plain: bool) -> _Figure:
    """The figure with its qualifier words: "at least 304", "100 or more"."""
    prefix = text[max(0, start - 40):start]
    best: tuple[int, Qualifier] | None = None
    for qualifier, rx in cw.qualifiers:
        m = rx.search(prefix)
        if m and (best is None or len(m.group()) > best[0]):
            best = (len(m.group()), qualifier)
    words = text[start:end]
    single = words.lower() in ("one", "un", "une", "eins")
    if best is None:
        more = cw.or_more.match(text[end:])
        if more:
            return _Figure(start, end + more.end(), value, None, "at_least", plain, single)
        return _Figure(start, end, value, None, "exact", plain, single)
    length, qualifier = best
    lead = start - length
    lead += len(text[lead:start]) - len(text[lead:start].lstrip())
    if qualifier in ("at_most", "less_than"):
        return _Figure(lead, end, None, value, qualifier, False, single)
    return _Figure(lead, end, value, None, qualifier, False, single)


# -- what is no count ------------------------------------------------------------------------


def _is_count(text: str, fig: _Figure, cw: CountWords, head: tuple[int, int] | None) -> bool:
    core_end = fig.end
    after = text[core_end:core_end + 40]
    before = text[max(0, fig.start - 40):fig.start]
    if cw.not_after.match(after) or cw.not_before.search(before):
        return False
    if fig.qualifier == "vague":
        # "thousands of dollars", "hundreds of years"
        of = re.match(r"\s+(?:of|de|d['’]|von|از)\s*", after, re.IGNORECASE)
        return not (of and cw.not_after.match(after[of.end():]))
    if re.match(r"[\w\u200c]|[:/]\d|[.,]\d", after) or before.endswith(("#", "/")):
        return False  # "1st", "10am", "10:30", "24/7"
    if before.endswith("[") and after.startswith("]"):
        return False  # a footnote mark: "... its inquiry.[2]"
    head_word = text[head[0]:head[1]].lower() if head else ""
    known_head = head_word in cw.heads or head_word in cw.persons
    if head is None and fig.qualifier == "exact" and cw.pointing.search(before):
        return False  # "the three were released": the people of a figure given before
    if head and head_word in cw.persons and (
            cw.source_before.search(before) or cw.source_after.match(text[head[1]:head[1] + 20])):
        return False  # the sources: "citing three officials", "three officials told Reuters"
    if (fig.digits and fig.qualifier == "exact" and 1000 <= (fig.low or 0) <= 2100
            and len(text[fig.start:fig.end]) == 4 and not known_head):
        return False  # a year: "in 1988" is a date, "1500 people" a count
    if not known_head and cw.age_predicate.search(before) and not re.match(r"\s+[\w\u200c]", after):
        return False  # "He was 63."
    if fig.single_word_one and (not known_head or cw.partitive.match(after) or cw.pronoun_one.search(before)):
        return False  # "no one", "one of the"
    named = re.search(r"(?:[A-Z][\w'’-]+,|\()\s*$", before)
    if re.match(r"\s*[,)]", after) and named and (fig.low or 0) < 120:
        return not re.match(r"\s*,", after) or known_head  # "Mahsa Amini, 22, died"
    return not (cw.language == "de" and re.match(r"\.\s+[a-zäöü]", after))  # German ordinal "3. welle"


# -- what a figure counts ----------------------------------------------------------------------


def _head(text: str, fig: _Figure, cw: CountWords, tokens: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The noun the figure counts: the first known noun within a few words after it."""
    i = bisect.bisect_left(tokens, (fig.end, fig.end))
    seen = 0
    while i < len(tokens) and seen < 3:
        s, e = tokens[i]
        word = text[s:e].lower()
        i += 1
        if word in _QUOTES or word in cw.skip or word.endswith(("'s", "’s")) or word in cw.classifiers:
            if word in cw.classifiers:
                return s, e
            continue
        seen += 1
        if i < len(tokens):  # a head of two words wins over its first: "27 death sentences"
            following = text[tokens[i][0] : tokens[i][1]].lower()
            if f"{word} {following}" in cw.heads:
                return s, tokens[i][1]
            if word in cw.persons and following in cw.heads:
                return tokens[i]  # a person noun as modifier: "10,000 civilian lives", "two student deaths"
        if word in cw.heads or word in cw.persons:
            return s, e
        if not re.match(r"[\w\u200c]", word) or word in cw.stop or cw.barriers.fullmatch(word):
            return None
    return None


def _kind(text: str, fig: _Figure, cw: CountWords, tokens: list[tuple[int, int]],
          head: tuple[int, int] | None) -> tuple[CountKind, tuple[int, int] | None]:
    word = text[head[0]:head[1]].lower() if head else ""
    if word in cw.heads:
        return cw.heads[word], None
    lo, hi = _clause(text, fig)
    first = bisect.bisect_left(tokens, (fig.start, fig.start))
    last = max(first, bisect.bisect_left(tokens, (fig.end, fig.end)) - 1)
    barriers = [m.start() for m in cw.barriers.finditer(text, lo, hi)]
    best: tuple[int, CountKind, tuple[int, int]] | None = None
    for kind, span in _cues(text, cw, lo, hi):
        if span[0] < fig.end and fig.start < span[1]:
            continue
        at = bisect.bisect_left(tokens, (span[0], span[0]))
        if span[0] >= fig.end:
            if any(fig.end <= b < span[0] for b in barriers):
                continue
            distance = at - last
        else:
            if any(span[1] <= b < fig.start for b in barriers):
                continue
            distance = first - at + 1
        if distance <= _WINDOW and (best is None or distance < best[0]):
            best = (distance, kind, span)
    if best:
        return best[1], best[2]
    return cw.fallback.get(word, "other"), None


def _clause(text: str, fig: _Figure) -> tuple[int, int]:
    starts = [m.end() for m in _CLAUSE_END.finditer(text, max(0, fig.start - 400), fig.start)]
    end = _CLAUSE_END.search(text, fig.end)
    return (starts[-1] if starts else max(0, fig.start - 400)), (end.start() if end else len(text))


def _cues(text: str, cw: CountWords, lo: int, hi: int) -> list[tuple[CountKind, tuple[int, int]]]:
    found = [(kind, m.span()) for kind, rx in cw.cues for m in rx.finditer(text, lo, hi)]
    found.sort(key=lambda f: (-(f[1][1] - f[1][0]), f[1][0]))
    kept: list[tuple[CountKind, tuple[int, int]]] = []
    for kind, span in found:
        if all(span[1] <= s or span[0] >= e for _, (s, e) in kept):
            kept.append((kind, span))
    return kept
