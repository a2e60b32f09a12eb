"""Page-break debris: paragraphs that a page break cut, and characters doubled across the cut."""

from __future__ import annotations

from collections.abc import Iterator

from mandate.lint.base import finding
from mandate.models import Document, Finding
from mandate.rules import Mandate

RULE = "page-break"


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """An error where text repeats across the break; a warning for every other cut paragraph."""
    for paragraph in document.paragraphs:
        for join in paragraph.joins:
            at = join.offset
            shown = f"{paragraph.text[max(0, at - 12) : at]} ⏎ {paragraph.text[at : at + 12]}"
            doubled = _doubled(paragraph.text, at)
            if doubled:
                yield finding(
                    RULE,
                    "error",
                    document,
                    paragraph,
                    "page-break.doubled",
                    {"doubled": doubled, "paragraph": paragraph.index},
                    span=(at - len(doubled), at + len(doubled)),
                    shown=shown,
                )
                continue
            if join.page_boundary:
                continue  # a paragraph running on to the next page of a PDF is layout
            yield finding(
                RULE,
                "warning",
                document,
                paragraph,
                "page-break.cut",
                {"paragraph": paragraph.index, "before": join.before, "after": join.after},
                span=(at, at),
                shown=shown,
            )


def _doubled(text: str, offset: int) -> str:
    """What ends just before the break and starts again after it: a word, or 1-4 CJK characters."""
    # Only the words next to the break: splitting the whole paragraph at every break of a long
    # one would be quadratic.
    near = 200
    before = text[max(0, offset - near) : offset].split()
    after = text[offset : offset + near].split()
    if offset > near and not text[offset - near - 1].isspace() and len(before) == 1:
        before = []  # the window cut the word: longer than any word worth comparing
    if before and after and before[-1].isalpha() and before[-1].lower() == after[0].lower():
        return after[0]
    for size in range(4, 0, -1):
        left, right = text[offset - size : offset].strip(), text[offset : offset + size].strip()
        if len(left) == size and left == right and not left.isdigit():
            return left
    return ""
