"""Page-break debris: paragraphs that a page break cut, and characters doubled across the cut."""

from __future__ import annotations

from collections.abc import Iterator

from mandate.models import Document, Finding
from mandate.rules import Mandate

RULE = "page-break"


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """A warning per rejoined paragraph; an error where the text repeats across the break."""
    for paragraph in document.paragraphs:
        for join in paragraph.joins:
            doubled = _doubled(paragraph.text, join.offset)
            before = paragraph.text[max(0, join.offset - 12) : join.offset]
            after = paragraph.text[join.offset : join.offset + 12]
            shown = f"{before} ⏎ {after}"
            if doubled:
                yield Finding(
                    rule=RULE,
                    severity="error",
                    section=paragraph.section,
                    paragraph=paragraph.index,
                    excerpt=shown,
                    message=f"“{doubled}” is doubled across a page break (line {join.line}): "
                    f"delete one and rejoin the paragraph.",
                    span=(join.offset - len(doubled), join.offset + len(doubled)),
                )
            else:
                yield Finding(
                    rule=RULE,
                    severity="warning",
                    section=paragraph.section,
                    paragraph=paragraph.index,
                    excerpt=shown,
                    message=f"The paragraph is split by a page break at line {join.line}: "
                    "rejoin it so it reads as one.",
                    span=(join.offset, join.offset),
                )


def _doubled(text: str, offset: int) -> str:
    """The longest run (up to 4 characters) that ends just before the break and starts after it."""
    for size in range(4, 0, -1):
        left, right = text[offset - size : offset].strip(), text[offset : offset + size].strip()
        if len(left) == size and left == right and not left.isdigit():
            return left
    return ""
