"""`mandate rules suggest`: a paragraph in words the vocabulary lacks is found, its words proposed."""

from pathlib import Path

from click.testing import CliRunner

from mandate.cli import main
from mandate.rules import find_mandate
from mandate.suggest import suggest

FIXTURE = Path(__file__).parent / "fixtures" / "suggest" / "rotations-own-words.en.txt"


def test_a_rotations_paragraph_in_own_words_is_found_with_its_words():
    found = [s for s in suggest([FIXTURE], find_mandate("2480")) if s.element == "a.rotations"]
    assert found, "the rotations paragraph is not suggested"
    s = found[0]
    assert s.status in {"partial", "missing"}
    assert "changeover" in s.text and "under a heading that announces it" in s.why
    assert {"changeover", "succeeded"} <= set(s.words)
    # a word the vocabulary already has is never proposed
    assert "battalion" not in s.words and "quarantine" not in s.words


def test_rules_suggest_command_prints_the_words():
    result = CliRunner().invoke(main, ["rules", "suggest", str(FIXTURE), "--mandate", "2480"])
    assert result.exit_code == 0, result.output
    assert "a.rotations" in result.output and "changeover" in result.output
