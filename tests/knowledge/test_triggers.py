from __future__ import annotations

from pathlib import Path

import pytest

from chronicler.errors import PackError
from chronicler.knowledge.triggers import load_cues, load_lexicon


def test_default_lexicon_has_the_sixteen_plover_types() -> None:
    lex = load_lexicon()
    assert len(lex.groups) == 16
    assert lex.groups["PROTEST"] == "material" and lex.groups["ACCUSE"] == "verbal"
    assert all(t.mode is None or t.mode in lex.modes[t.event] for t in lex.triggers)


def test_stem_pattern_finds_inflected_forms() -> None:
    pattern = load_lexicon().stem_pattern
    for word in ("executed", "arrests", "shot", "protesters", "detained", "hanged", "strikes", "freed"):
        assert pattern.search(word), word
    assert not pattern.search("The weather was mild and sunny.")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("triggers:\n  - {lemma: hug, pos: [VERB], event: EMBRACE}\n", "not a PLOVER type"),
        ("triggers:\n  - {lemma: hug, pos: [VERB], event: PROTEST, mode: cuddle}\n", "not a mode of PROTEST"),
        ("triggers:\n  - {lemma: hug, event: PROTEST}\n", "needs pos"),
        ("triggers:\n  - {lemma: hug, pos: [VERB], event: PROTEST, colour: red}\n", "unknown key"),
        # YAML reads a bare false as a boolean: the error names the entry
        (
            "triggers:\n  - {lemma: hug, pos: [VERB], event: PROTEST, complement: [fake, false]}\n",
            "list of strings",
        ),
    ],
)
def test_user_pack_errors_name_the_file(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "plover.yaml").write_text(body)
    with pytest.raises(PackError) as info:
        load_lexicon((tmp_path,))
    assert str(tmp_path / "plover.yaml") in str(info.value) and message in str(info.value)


def test_user_pack_extends_the_lexicon(tmp_path: Path) -> None:
    (tmp_path / "plover.yaml").write_text(
        "triggers:\n  - {lemma: picket, pos: [VERB], event: PROTEST, mode: demo}\n"
    )
    lex = load_lexicon((tmp_path,))
    assert any(t.lemma == "picket" for t in lex.triggers)


def test_cues_load() -> None:
    cues = load_cues()
    assert "say" in cues.speech_verbs and "no" in cues.negation and cues.historical_after_days > 0


@pytest.mark.parametrize("language", ["fr", "de"])
def test_language_packs_keep_their_own_triggers(language: str) -> None:
    from chronicler.knowledge.triggers import load_cues, load_lexicon

    lexicon, english = load_lexicon((), language), load_lexicon()
    assert lexicon.groups == english.groups  # the PLOVER types come from packs/plover.yaml
    assert not {t.lemma for t in lexicon.triggers} & {"kill", "arrest", "execute"}
    assert load_cues((), language).speech_verbs != load_cues().speech_verbs


def test_unknown_language_has_no_lexicon() -> None:
    from chronicler.errors import PackError
    from chronicler.knowledge.triggers import load_lexicon

    with pytest.raises(PackError, match="no trigger lexicon"):
        load_lexicon((), "xx")
