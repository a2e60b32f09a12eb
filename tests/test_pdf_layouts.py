"""PDFs from other producers give the .txt letter's sections and verdicts.

Headings set apart by size alone, by a bold face alone or by spacing alone; paragraphs separated by
small gaps or by first-line indents; justified text; several fonts. The PDFs are made with
reportlab's platypus (real line flow), from the same letters as the .txt files.
"""

from pathlib import Path

import pytest
import yaml
from lettercraft import SEED, blocks, to_styled_pdf

from mandate.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ROOT / "corpus" / "letters"
# Letters with headings, by other hands and under other mandates than the seed as well.
BY_LANGUAGE = {
    "en": [
        LETTERS / "2480-2020-06-01.en.txt",
        LETTERS / "2531-2020-12-headed.en.txt",
        LETTERS / "2692-2023-08-options.en.txt",
    ],
    "zh": [
        SEED,
        LETTERS / "2480-numbered-headings.zh.txt",
    ],
}


def _headings(letter: Path) -> list[str]:
    """The letter's headings, as its labels name them."""
    labels = letter.with_name(letter.name.replace(".txt", ".labels.yaml"))
    return list(yaml.safe_load(labels.read_text(encoding="utf-8"))["sections"])


LAYOUTS = {
    "size alone, small gaps": {"heading_size": 12.5, "paragraph_gap": 3},
    "bold alone, small gaps": {"heading_font": "Times-Bold", "paragraph_gap": 3},
    "spacing alone, indents": {"heading_space": 10, "indent": 18},
    "bold sans, indents, justified": {
        "font": "Helvetica",
        "heading_font": "Helvetica-Bold",
        "indent": 20,
        "justify": True,
    },
    "monospace, size, justified": {
        "font": "Courier",
        "heading_size": 13,
        "paragraph_gap": 4,
        "justify": True,
    },
}
ZH_LAYOUTS = {
    "size alone, small gaps": {"heading_size": 12.5, "paragraph_gap": 3},
    "spacing alone, indents": {"heading_space": 10, "indent": 22},
    "size, indents, justified": {"heading_size": 13, "indent": 22, "justify": True},
}


def _case(letter, layout: str):
    """One (letter, layout) row, keeping the letter's marks (a known gap stays a strict xfail)."""
    if isinstance(letter, Path):
        return pytest.param(letter, layout, id=f"{letter.name}-{layout}")
    (path,) = letter.values
    return pytest.param(path, layout, marks=letter.marks, id=f"{path.name}-{layout}")


def _outline(result) -> tuple[dict, list]:
    verdicts = {v.id: v.status.value for v in result.assessment.verdicts}
    labels = {s.section: s.elements for s in result.classification.sections}
    sections = [(s.heading, labels.get(s.index, [])) for s in result.document.sections if s.heading]
    return verdicts, sections


@pytest.mark.parametrize(
    ("letter", "layout"),
    [_case(letter, name) for letter in BY_LANGUAGE["en"] for name in sorted(LAYOUTS)]
    + [_case(letter, name) for letter in BY_LANGUAGE["zh"] for name in sorted(ZH_LAYOUTS)],
)
def test_pdf_layouts_read_like_the_text(letter: Path, layout: str, tmp_path: Path) -> None:
    lang = letter.stem.rsplit(".", 1)[-1]
    layouts = LAYOUTS if lang == "en" else ZH_LAYOUTS
    pdf = to_styled_pdf(
        blocks(letter.read_text(encoding="utf-8")),
        _headings(letter),
        tmp_path / "l.pdf",
        lang,
        **layouts[layout],
    )
    assert _outline(check(pdf)) == _outline(check(letter))
