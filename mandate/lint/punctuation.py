"""Half-width punctuation in a language written with full-width marks, and a letter that mixes
the two widths; full-width marks of such a language left in a letter in another one.

The profile's ``punctuation.full_width`` maps each half-width mark to the full-width mark to use;
a language without that map is written with ordinary marks. Half-width commas, colons and
semicolons between letters of the language's script are defects (warning), as are half-width
brackets around its words. Half-width brackets around Latin text or figures, such as (COVID-19)
or (87%), are a common house variation: noted (info), not warned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mandate.language import foreign_marks, profile, profiles, script_of
from mandate.lint.base import finding
from mandate.models import Document, Finding, Paragraph, Role, Severity
from mandate.rules import Mandate

RULE = "punctuation"
_BRACKETS = re.compile(r"\(([^()\n]{0,80})\)")
_SEPARATORS = ",:;?!"


def _separators(text: str, own: str, marks: str) -> list[int]:
    out = []
    for m in re.finditer("[" + re.escape(marks) + "]", text):
        i = m.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if script_of(before) == own or (script_of(after) == own and not before.isdigit()):
            out.append(i)
    return out


def _brackets(text: str, own: str) -> tuple[list[int], list[int]]:
    """Half-width brackets in the language's sentences: (around its words, around anything else)."""
    words, other = [], []
    for m in _BRACKETS.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not (script_of(before) == own or script_of(after) == own):
            continue
        (words if any(script_of(c) == own for c in m.group(1)) else other).append(m.start())
    return words, other


def _one(
    document: Document, paragraph: Paragraph, severity: Severity, marks: list[int], kinds: str
) -> Finding:
    table = profile(document.language).punctuation.full_width
    full = "".join(table.get(c, c) for c in kinds)
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
    own = profile(document.language)
    table = own.punctuation.full_width
    if not table:
        yield from _full_width_elsewhere(document)
        return
    separators_half = "".join(c for c in _SEPARATORS if c in table)
    separators_full = "".join(table[c] for c in ",:;" if c in table)
    half, full = [], []
    for paragraph in document.paragraphs:
        if paragraph.role is Role.SIGNATURE:
            continue
        text = paragraph.text
        separators = _separators(text, own.script, separators_half)
        chinese, other = _brackets(text, own.script) if "(" in table else ([], [])
        if any(ch in text for ch in separators_full):
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


def _full_width_elsewhere(document: Document) -> Iterator[Finding]:
    """Full-width marks of another language, unless they sit next to that language's words."""
    marks_of = foreign_marks(document.language)
    if not marks_of:
        return
    scripts = {p.script for p in profiles().values() if p.punctuation.marks}
    for paragraph in document.paragraphs:
        text = paragraph.text
        marks = [m.start() for m in re.finditer("[" + re.escape(marks_of) + "]", text)]
        marks = [i for i in marks if not _near(text, i, scripts)]
        if not marks:
            continue
        kinds = "".join(sorted({text[i] for i in marks}))
        yield finding(
            RULE,
            "warning",
            document,
            paragraph,
            "punctuation.full-width",
            {"n": len(marks), "kinds": kinds, "marks": list(kinds)},
            span=(marks[0], marks[0] + 1),
        )


def _near(text: str, i: int, scripts: set[str]) -> bool:
    return any(script_of(c) in scripts for c in text[max(0, i - 1) : i + 2])
