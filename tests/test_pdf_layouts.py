"""PDFs from other producers give the .txt letter's sections and verdicts.

Headings set apart by size alone, by a bold face alone or by spacing alone; paragraphs separated by
small gaps or by first-line indents; justified text; several fonts. The PDFs are made with
reportlab's platypus (real line flow), from the same letters as the .txt files.
"""

from pathlib import Path

import pytest
import yaml
from lettercraft import SEED, SEED_HEADINGS, blocks, to_styled_pdf

from mandate.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "corpus" / "letters" / "2480-2020-06-01.en.txt"
EN_HEADINGS = list(
    yaml.safe_load(EN.with_name("2480-2020-06-01.en.labels.yaml").read_text())["sections"]
)

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


def _outline(result) -> tuple[dict, list]:
    verdicts = {v.id: v.status.value for v in result.assessment.verdicts}
    labels = {s.section: s.elements for s in result.classification.sections}
    sections = [(s.heading, labels.get(s.index, [])) for s in result.document.sections if s.heading]
    return verdicts, sections


@pytest.mark.parametrize(
    ("lang", "layout"),
    [("en", name) for name in sorted(LAYOUTS)] + [("zh", name) for name in sorted(ZH_LAYOUTS)],
)
def test_pdf_layouts_read_like_the_text(lang: str, layout: str, tmp_path: Path) -> None:
    text, headings, layouts = (
        (EN, EN_HEADINGS, LAYOUTS) if lang == "en" else (SEED, SEED_HEADINGS, ZH_LAYOUTS)
    )
    pdf = to_styled_pdf(
        blocks(text.read_text(encoding="utf-8")),
        headings,
        tmp_path / "l.pdf",
        lang,
        **layouts[layout],
    )
    assert _outline(check(pdf, "2480")) == _outline(check(text, "2480"))
