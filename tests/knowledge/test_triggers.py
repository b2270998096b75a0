from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from chronicler.errors import PackError
from chronicler.knowledge import KnowledgeBase
from chronicler.knowledge import triggers as triggers_module
from chronicler.knowledge.triggers import PACK_DIR, Lexicon, load_cues, load_inflections, load_lexicon


def test_default_lexicon_has_the_sixteen_plover_types(lexicon: Lexicon) -> None:
    lex = lexicon
    assert len(lex.groups) == 16
    assert lex.groups["PROTEST"] == "material" and lex.groups["ACCUSE"] == "verbal"
    assert all(t.mode is None or t.mode in lex.modes[t.event] for t in lex.triggers)


def test_stem_pattern_finds_inflected_forms(lexicon: Lexicon) -> None:
    pattern = lexicon.stem_pattern
    for word in ("executed", "arrests", "shot", "protesters", "detained", "hanged", "strikes", "freed",
                 "rallies", "rallied", "denied", "denies"):
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
    lexicon, english = load_lexicon((), language), load_lexicon()
    assert lexicon.groups == english.groups  # the PLOVER types come from packs/plover.yaml
    assert not {t.lemma for t in lexicon.triggers} & {"kill", "arrest", "execute"}
    assert load_cues((), language).speech_verbs != load_cues().speech_verbs


def test_unknown_language_has_no_lexicon() -> None:
    with pytest.raises(PackError, match="no trigger lexicon"):
        load_lexicon((), "xx")


def test_knowledge_holds_each_language_lexicon(knowledge: KnowledgeBase) -> None:
    for language in ("en", "fr", "de", "fa", "es", "it"):
        assert knowledge.language(language).lexicon.groups == knowledge.language("en").lexicon.groups
    assert knowledge.language("xx").lexicon is knowledge.language("en").lexicon  # English for the unknown


# ---------------------------------------------------------------- irregular forms


def test_shipped_inflections_are_lower_case_lists() -> None:
    table = load_inflections()
    assert table["flee"] == ("fled",) and "shot" in table["shoot"]
    assert all(lemma == lemma.lower() and forms for lemma, forms in table.items())


def test_irregular_forms_of_a_trigger_reach_the_stem_pattern(tmp_path: Path) -> None:
    (tmp_path / "plover.yaml").write_text(
        "triggers:\n"
        "  - {lemma: flee, pos: [VERB], event: MOBILIZE}\n"
        "  - {lemma: zorp, pos: [VERB], event: PROTEST, forms: [zarped, zurpen]}\n"
    )
    assert not load_lexicon().stem_pattern.search("They zarped.")
    lex = load_lexicon((tmp_path,))
    for word in ("fled", "flees", "zarped", "zurpen", "zorping"):
        assert lex.stem_pattern.search(word), word
    assert lex.inflections["zorp"] == ("zarped", "zurpen")


def test_user_inflections_extend_the_table(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "inflections.yaml").write_text("version: 1\nforms:\n  glim: [glam, glum]\n")
    table = load_inflections((tmp_path,))
    assert table["glim"] == ("glam", "glum") and table["flee"] == ("fled",)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("version: 1\nforms: [fled]\n", "forms: expected a mapping"),
        ("version: 1\nforms:\n  flee: fled\n", "forms.flee: expected a list"),
        ("forms:\n  flee: [fled]\n", "version: expected 1"),
    ],
)
def test_bad_inflections_name_the_file(tmp_path: Path, body: str, message: str) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "inflections.yaml").write_text(body)
    with pytest.raises(PackError) as info:
        load_inflections((tmp_path,))
    assert str(tmp_path / "en" / "inflections.yaml") in str(info.value) and message in str(info.value)


def test_derived_english_trigger_packs_load_before_the_hand_lexicon(lexicon: Lexicon) -> None:
    """packs/en/*_triggers.yaml (scripts/cameo_triggers.py) is read with packs/plover.yaml, first,
    so that a hand-written entry for the same lemma comes later and wins."""
    entries = yaml.safe_load((PACK_DIR / "en" / "cameo_triggers.yaml").read_text())["triggers"]
    assert entries, "the CAMEO pack keeps at least one trigger"
    lemmas = {e["lemma"] for e in entries if "lemma" in e}
    derived = [i for i, t in enumerate(lexicon.triggers) if t.lemma in lemmas]
    assert {lexicon.triggers[i].lemma for i in derived} == lemmas
    first_hand = next(i for i, t in enumerate(lexicon.triggers) if t.lemma == "protest")
    assert max(derived) < first_hand
    hand = yaml.safe_load((PACK_DIR / "plover.yaml").read_text())["triggers"]
    assert not lemmas & {h.get("lemma") for h in hand}, "the hand lexicon owns its lemmas"


def test_derived_trigger_pack_faults_name_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "plover.yaml").write_text((PACK_DIR / "plover.yaml").read_text())
    (tmp_path / "en" / "x_triggers.yaml").write_text(
        "triggers:\n  - {lemma: hug, pos: [VERB], event: EMBRACE}\n"
    )
    monkeypatch.setattr(triggers_module, "PACK_DIR", tmp_path)
    with pytest.raises(PackError) as info:
        load_lexicon()
    assert str(tmp_path / "en" / "x_triggers.yaml") in str(info.value)
