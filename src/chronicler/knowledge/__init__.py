"""Everything chronicler knows, as data: loaded once per process, validated, and passed down.

``load_knowledge(dirs)`` reads the shipped packs (``src/chronicler/packs/``) and extends each kind
with the user's pack directories (``CHRONICLER_PACKS``)::

    <dir>/plover.yaml, <dir>/<lang>/plover.yaml     triggers (English at the top level)
    <dir>/cues.yaml, <dir>/<lang>/cues.yaml         news-language cues
    <dir>/en/inflections.yaml                        irregular English verb forms
    <dir>/en/events.yaml, participants.yaml,         closed classes of the English dependency reader
        time.yaml, places.yaml
    <dir>/<lang>/surface.yaml                        closed-class words of the surface reader
    <dir>/actors.yaml, <dir>/*/actors.yaml           actors, offices and their holders
    <dir>/gazetteer/places.tsv, stoplist.txt         places (a row replaces the shipped row of its key)
    <dir>/counts.yaml, calendar.yaml, numbers.yaml   count, calendar and number words by language
    <dir>/outlets.yaml                               outlets (read by consolidation)
    <dir>/boilerplate.yaml                           page furniture (read by the clean stage)
    <dir>/episodes.yaml                              well-known episodes, to date undated articles

Nothing below this package loads a pack: extractors take the :class:`KnowledgeBase` (or the part
they need) as an argument, so the same function runs with the user's knowledge in a pool or on Ray.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from chronicler.errors import PackError
from chronicler.knowledge.actors import ActorIndex, load_actors
from chronicler.knowledge.boilerplate import Boilerplate, load_boilerplate
from chronicler.knowledge.calendar import Calendar, load_calendars
from chronicler.knowledge.counts import CountWords, load_count_words
from chronicler.knowledge.date_patterns import Patterns, build_patterns
from chronicler.knowledge.english import EnglishWords, load_english_words
from chronicler.knowledge.episodes import Episode, load_episodes
from chronicler.knowledge.gazetteer import Gazetteer, load_gazetteer
from chronicler.knowledge.grammar import Grammar, load_grammar
from chronicler.knowledge.numbers import NumberWords, load_numbers
from chronicler.knowledge.triggers import Cues, Lexicon, load_cues, load_lexicon
from chronicler.languages import LANGUAGES

__all__ = ["KnowledgeBase", "LanguageKnowledge", "load_knowledge"]

FALLBACK = "en"


@dataclass(frozen=True)
class LanguageKnowledge:
    """What one language's readers and finders know: its triggers, cues, dates, figures, grammar."""

    code: str
    lexicon: Lexicon
    cues: Cues
    calendar: Calendar
    dates: Patterns
    numbers: NumberWords
    counts: CountWords
    grammar: Grammar | None  # the surface reader's closed classes; None for English


@dataclass(frozen=True)
class KnowledgeBase:
    languages: dict[str, LanguageKnowledge]
    actors: ActorIndex
    gazetteer: Gazetteer
    # The English reader's closed classes; the story's anniversary and acronyms read them in any text.
    english: EnglishWords
    # The page furniture the clean stage drops (line rules, menu words, HTML boxes).
    boilerplate: Boilerplate
    pack_dirs: tuple[Path, ...] = ()
    # Well-known episodes: what an article without a publication date is dated against.
    episodes: tuple[Episode, ...] = ()
    # Languages without event rules but with number words of their own: English but for its figures.
    figures_only: dict[str, LanguageKnowledge] = field(default_factory=dict)

    def language(self, code: str | None) -> LanguageKnowledge:
        """The knowledge of ``code``; English (dates, figures, places) for a language without rules,
        but for the number words of ``numbers.yaml`` where it has a section."""
        key = code or FALLBACK
        return self.languages.get(key) or self.figures_only.get(key) or self.languages[FALLBACK]

    def reads(self, code: str | None) -> bool:
        """Whether events are extracted from documents in ``code``."""
        return (code or FALLBACK) in self.languages


def load_knowledge(pack_dirs: Sequence[Path] = ()) -> KnowledgeBase:
    """The shipped packs extended by ``pack_dirs``, validated; a fault raises PackError naming the file."""
    dirs = tuple(Path(d) for d in pack_dirs)
    for d in dirs:
        if not d.is_dir():
            raise PackError(str(d), "not a directory; a pack directory holds pack files such as actors.yaml")
    calendars = load_calendars(dirs)
    numbers = load_numbers(dirs)
    counts = load_count_words(dirs)
    languages = {}
    for code, spec in LANGUAGES.items():
        calendar = calendars.get(code, calendars[FALLBACK])
        number_words = numbers.get(calendar.language, numbers[FALLBACK])
        languages[code] = LanguageKnowledge(
            code=code,
            lexicon=load_lexicon(dirs, code),
            cues=load_cues(dirs, code),
            calendar=calendar,
            dates=build_patterns(calendar, calendars[FALLBACK], number_words),
            numbers=numbers.get(code, numbers[FALLBACK]),
            counts=counts.get(code, counts[FALLBACK]),
            grammar=load_grammar(code, dirs) if spec.reader == "surface" else None,
        )
    figures_only = {code: replace(languages[FALLBACK], code=code, numbers=words)
                    for code, words in numbers.items() if code not in languages}
    return KnowledgeBase(
        languages,
        load_actors(dirs),
        load_gazetteer(extra_dirs=dirs),
        load_english_words(dirs),
        load_boilerplate(dirs),
        dirs,
        load_episodes(dirs),
        figures_only,
    )
