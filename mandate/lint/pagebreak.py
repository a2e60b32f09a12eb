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
                    {
                        "en": f"“{doubled}” is doubled across a page break (line {join.line}): "
                        "delete one and rejoin the paragraph.",
                        "zh": f"“{doubled}”在分页处重复(第 {join.line} 行):删除其一并将段落接合。",
                        "fr": f"« {doubled} » est répété de part et d'autre d'un saut de page "
                        f"(ligne {join.line}) : supprimez-en un et rejoignez le paragraphe.",
                    },
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
                {
                    "en": f"The paragraph is cut by a page break at line {join.line}: "
                    "rejoin it so that it reads as one.",
                    "zh": f"段落在第 {join.line} 行被分页截断:请将其接合为一段。",
                    "fr": f"Le paragraphe est coupé par un saut de page à la ligne {join.line} : "
                    "rejoignez-le.",
                },
                span=(at, at),
                shown=shown,
            )


def _doubled(text: str, offset: int) -> str:
    """What ends just before the break and starts again after it: a word, or 1-4 CJK characters."""
    before, after = text[:offset].split(), text[offset:].split()
    if before and after and before[-1].isalpha() and before[-1].lower() == after[0].lower():
        return after[0]
    for size in range(4, 0, -1):
        left, right = text[offset - size : offset].strip(), text[offset : offset + size].strip()
        if len(left) == size and left == right and not left.isdigit():
            return left
    return ""
