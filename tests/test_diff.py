"""Two drafts of one letter in the same language: the figures that changed, read as the letter's
language writes them."""

from __future__ import annotations

from pathlib import Path

from mandate.diff import diff
from mandate.pipeline import check

FRENCH = Path(__file__).resolve().parent.parent / "corpus" / "letters" / "2480-2020-06-01.fr.txt"


def _draft(tmp_path: Path, name: str, sentence: str) -> Path:
    paragraphs = FRENCH.read_text(encoding="utf-8").split("\n\n")
    middle = len(paragraphs) // 2
    paragraphs[middle] += " " + sentence
    path = tmp_path / name
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def test_a_decimal_comma_figure_changes_as_one_figure(tmp_path: Path) -> None:
    old = check(_draft(tmp_path, "old.fr.txt", "Le taux de disponibilité atteint 5,5 % en mai."))
    new = check(_draft(tmp_path, "new.fr.txt", "Le taux de disponibilité atteint 5,6 % en mai."))
    changes = [(f.old, f.new) for f in diff(old, new).figures]
    assert changes == [("5,5", "5,6")]


def test_a_changed_document_symbol_is_named_whole(tmp_path: Path) -> None:
    old = check(_draft(tmp_path, "old.fr.txt", "Voir le document S/2020/476."))
    new = check(_draft(tmp_path, "new.fr.txt", "Voir le document S/2020/467."))
    changes = [(f.old, f.new) for f in diff(old, new).figures]
    assert changes == [("S/2020/476", "S/2020/467")]
