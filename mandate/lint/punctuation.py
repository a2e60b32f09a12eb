"""Half-width punctuation inside Chinese text, and a letter that mixes the two widths.

Half-width commas, colons and semicolons between Chinese characters are defects (warning), as are
half-width brackets around Chinese words. Half-width brackets around Latin text or figures, such
as (COVID-19) or (87%), are a common house variation: noted (info), not warned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mandate.lint.base import finding
from mandate.models import Document, Finding, Paragraph, Role, Severity
from mandate.rules import Mandate
from mandate.segment import is_cjk

RULE = "punctuation"
_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_SEPARATOR = re.compile(r"[,:;?!]")
_BRACKETS = re.compile(r"\(([^()\n]{0,80})\)")
_FULL_SEPARATORS = "，：；"


def _separators(text: str) -> list[int]:
    out = []
    for m in _SEPARATOR.finditer(text):
        i = m.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if is_cjk(before) or (is_cjk(after) and not before.isdigit()):
            out.append(i)
    return out


def _brackets(text: str) -> tuple[list[int], list[int]]:
    """Half-width brackets in Chinese sentences: (around Chinese words, around anything else)."""
    chinese, other = [], []
    for m in _BRACKETS.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not (is_cjk(before) or is_cjk(after)):
            continue
        (chinese if any(is_cjk(c) for c in m.group(1)) else other).append(m.start())
    return chinese, other


def _one(
    document: Document, paragraph: Paragraph, severity: Severity, marks: list[int], kinds: str
) -> Finding:
    full = "".join(_FULL[c] for c in kinds)
    return finding(
        RULE,
        severity,
        document,
        paragraph,
        "punctuation.half-width",
        {"n": len(marks), "kinds": kinds, "full": full, "marks": list(kinds)},
        span=(marks[0], marks[0] + 1),
    )


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """Chinese letters: half-width marks; other letters: full-width marks left from Chinese."""
    if document.language != "zh":
        yield from _full_width_in_latin(document)
        return
    half, full = [], []
    for paragraph in document.paragraphs:
        if paragraph.role is Role.SIGNATURE:
            continue
        text = paragraph.text
        separators = _separators(text)
        chinese, other = _brackets(text)
        if any(ch in text for ch in _FULL_SEPARATORS):
            full.append(paragraph.index)
        if separators:
            half.append(paragraph.index)
        warned = sorted(separators + chinese)
        if warned:
            kinds = "".join(
                sorted({text[i] for i in separators} | ({"(", ")"} if chinese else set()))
            )
            yield _one(document, paragraph, "warning", warned, kinds)
        if other:
            yield _one(document, paragraph, "info", other, "()")
    if half and full:
        yield finding(
            RULE,
            "warning",
            document,
            None,
            "punctuation.mixed",
            {"n": len(half), "paragraphs": half},
            shown=document.paragraph(half[0]).text[:40],
        )


_FULL_WIDTH = re.compile(r"[，。：；（）！？、]")


def _full_width_in_latin(document: Document) -> Iterator[Finding]:
    for paragraph in document.paragraphs:
        marks = [m.start() for m in _FULL_WIDTH.finditer(paragraph.text)]
        marks = [i for i in marks if not _near_cjk(paragraph.text, i)]
        if not marks:
            continue
        kinds = "".join(sorted({paragraph.text[i] for i in marks}))
        yield finding(
            RULE,
            "warning",
            document,
            paragraph,
            "punctuation.full-width",
            {"n": len(marks), "kinds": kinds, "marks": list(kinds)},
            span=(marks[0], marks[0] + 1),
        )


def _near_cjk(text: str, i: int) -> bool:
    return any(is_cjk(c) for c in text[max(0, i - 1) : i + 2])
