"""Every fault of a YAML pack names the file and the line of the offending entry (issue 10).

Each case writes a user file into a pack directory; most are merged into a shipped file, and the
error must still name the user file and the line in it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.knowledge.actors import load_actors
from chronicler.knowledge.calendar import load_calendars
from chronicler.knowledge.counts import load_count_words
from chronicler.knowledge.gazetteer import read_cues
from chronicler.knowledge.grammar import load_grammar
from chronicler.knowledge.numbers import load_numbers
from chronicler.knowledge.triggers import load_cues, load_inflections, load_lexicon

LOADERS: dict[str, Callable[[Path], object]] = {
    "plover.yaml": lambda d: load_lexicon([d]),
    "de/plover.yaml": lambda d: load_lexicon([d], "de"),
    "cues.yaml": lambda d: load_cues([d]),
    "fr/cues.yaml": lambda d: load_cues([d], "fr"),
    "en/inflections.yaml": lambda d: load_inflections([d]),
    "de/surface.yaml": lambda d: load_grammar("de", [d]),
    "fa/surface.yaml": lambda d: load_grammar("fa", [d]),
    "actors.yaml": lambda d: load_actors([d]),
    "counts.yaml": lambda d: load_count_words([d]),
    "calendar.yaml": lambda d: load_calendars([d]),
    "numbers.yaml": lambda d: load_numbers([d]),
    "gazetteer/cues.yaml": lambda d: read_cues(d / "gazetteer" / "cues.yaml"),
}

ACTOR = "actors:\n  - id: example-monitor\n    name: Example Monitor\n    kind: ngo\n"
CASES = [
    ("plover.yaml", "triggers:\n  - {lemma: picket, pos: [VERB], event: PROTEST}\n"
     "  - {lemma: hug, pos: [VERB], event: FOO}\n", 3, "triggers[1]: event 'FOO' is not a PLOVER type"),
    ("plover.yaml", "triggers:\n  - lemma: hug\n    pos: [VERB]\n    event: PROTEST\n    mode: cuddle\n",
     5, "triggers[0]: mode 'cuddle' is not a mode of PROTEST"),
    ("plover.yaml", "triggers:\n  - lemma: hug\n    pos: [VERB]\n    event: PROTEST\n    complement:\n"
     "      - fake\n      - false\n", 7, "triggers[0].complement: expected a list of strings"),
    ("plover.yaml", "triggers:\n  - lemma: hug\n    pos: [VERB]\n    event: PROTEST\n    colour: red\n",
     5, "triggers[0]: unknown key(s) ['colour']"),
    ("plover.yaml", "types:\n  PROTEST: {group: loud}\n", 2, "types.PROTEST: needs group material or verbal"),
    ("de/plover.yaml", "triggers:\n\n  - {lemma: verschleppen, event: ASSAULT}\n", 3,
     "triggers[0]: a lemma trigger needs pos"),
    ("cues.yaml", "version: 1\nspeech_verbs: [squawk]\nspeach_verbs: [squawk]\n", 3,
     "unknown cue list 'speach_verbs'"),
    ("fr/cues.yaml", "version: 1\n\nhedgez: [prétendument]\n", 3, "unknown cue list 'hedgez'"),
    # a scalar from the user file replaces the shipped list of "flee"
    ("en/inflections.yaml", "version: 1\nforms:\n  overrun: [overran]\n  flee: fled\n", 4,
     "forms.flee: expected a list"),
    ("en/inflections.yaml", "version: 1\nforms:\n  overrun: [overran]\nform: {}\n", 4,
     "top level: unknown key(s) ['form']"),
    ("de/surface.yaml", "version: 1\narticles: [der]\nprepositions: seitens\n", 3,
     "prepositions: expected a list"),
    # the bad item is appended to the shipped list: its line is the user file's
    ("de/surface.yaml", "version: 1\nprepositions:\n  - seitens\n  - ''\n",
     4, "prepositions: expected a list"),
    ("fa/surface.yaml", "version: 1\nverbs:\n  پزیدن: [پزید, پز, پ]\n",
     3, "verbs.پزیدن: expected [past stem"),
    ("actors.yaml", ACTOR + "    sector: XYZ\n    country: NGO\n", 5, "unknown sector 'XYZ'"),
    ("actors.yaml", ACTOR + "    country: NGO\n", 2, "entry #1 ('example-monitor'): missing key 'sector'"),
    ("actors.yaml", ACTOR + "    sector: NGO\n    country: NGO\n    aliases:\n      - EPM\n      - ' '\n", 9,
     "'aliases' must be a list of non-empty strings"),
    ("actors.yaml", ACTOR.replace("kind: ngo", "kind: office") + "    sector: GOV\n    country: IRN\n"
     "    offices:\n      - {title: Chair, holder: ali-khamenei, start: 2019-13-01}\n", 8,
     "office date '2019-13-01' is not ISO 8601"),
    ("actors.yaml", "actors:\n  - {id: example-monitor, name: Example Monitor, kind: ngo, sector: NGO,"
     " country: NGO}\n  - {id: other-monitor, name: Other Monitor, kind: ngo, sector: NGO, country: NGO,"
     " aliases: [Amnesty]}\n", 3, "entry 'other-monitor': duplicate alias 'Amnesty'"),
    ("counts.yaml", "version: 1\nen:\n  heads:\n    corpses: [dead]\n",
     4, "en.heads.corpses: expected one of"),
    ("counts.yaml", "version: 1\nen:\n  approx:\n    dozens: many\n",
     4, "en.approx.dozens: expected an integer"),
    ("counts.yaml", "version: 1\nen:\n  cues: [dead]\n", 3, "en.cues: expected a mapping"),
    ("calendar.yaml", "version: 1\nen:\n  days: {ereyesterday: two}\n", 3,
     "en.days.ereyesterday: expected an integer"),
    ("calendar.yaml", "version: 1\nen:\n  months:\n    Mayish: 13\n",
     4, "en.months.Mayish: expected an integer"),
    ("calendar.yaml", "version: 1\nen:\n  periods:\n    the fortnight: [fortnight, 0]\n", 4,
     "en.periods.the fortnight: expected [unit, offset]"),
    ("calendar.yaml", "version: 1\nen:\n  units:\n    fortnights: fortnight\n", 4,
     "en.units.fortnights: unit must be one of"),
    ("calendar.yaml", "version: 1\nen:\n  future_after: maybe\n",
     3, "en.future_after: expected true or false"),
    ("calendar.yaml", "version: 1\nen:\n  last:\n    - previous\n    - 3\n", 5,
     "en.last: expected a list of non-empty strings"),
    ("calendar.yaml", "version: 1\nen:\n  day: {ereyesterday: -2}\n", 3, "en: unknown key(s) ['day']"),
    ("numbers.yaml", "version: 1\nen:\n  words:\n    eleventy: 110\n    zillion: lots\n", 5,
     "en.words.zillion: expected an integer"),
    ("numbers.yaml", "version: 1\nen:\n  joiners: plus\n", 3, "en.joiners: expected a list"),
    ("numbers.yaml", "# a comment\nversion: 2\nen: {}\n", 2, "version: expected 1"),
    ("numbers.yaml", "version: 1\nen:\n  words: {eleventy: 110\n", 4, "cannot be read as YAML"),
    ("gazetteer/cues.yaml", "version: 1\nprovince_after:\n  - province\n  - ''\n", 4,
     "province_after: expected a list of words"),
    ("gazetteer/cues.yaml", "version: 1\nprovince_after: [province]\n\nsurprise: [x]\n", 4,
     "unknown lists ['surprise']"),
]


@pytest.mark.parametrize(("name", "body", "line", "message"), CASES,
                         ids=[f"{n}:{line}:{m}" for n, _, line, m in CASES])
def test_a_fault_names_the_user_file_and_line(tmp_path: Path, name: str, body: str, line: int,
                                              message: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PackError) as error:
        LOADERS[name](tmp_path)
    assert str(error.value).startswith(f"{path}:{line}: "), str(error.value)
    assert (error.value.path, error.value.line) == (str(path), line)
    assert message in error.value.reason


def test_a_duplicate_alias_names_both_entries(tmp_path: Path) -> None:
    (tmp_path / "actors.yaml").write_text(
        "actors:\n  - {id: other-monitor, name: Other Monitor, kind: ngo, sector: NGO, country: NGO, "
        "aliases: [Amnesty]}\n", encoding="utf-8")
    with pytest.raises(PackError) as error:
        load_actors([tmp_path])
    other = error.value.reason.split("already an alias of 'amnesty-international' (")[1]
    assert other.split(":")[0].endswith("actors.yaml") and other.split(":")[1].rstrip(")").isdigit()
