"""The letter has a date, and reports no past event dated after it."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from mandate.language import patterns
from mandate.lint.base import find_dates, finding, letter_date
from mandate.models import Document, Finding, Role
from mandate.rules import Mandate
from mandate.segment import sentences

RULE = "dates"


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """A warning for a missing date, and for each past-tense date later than the letter."""
    own = letter_date(document)
    first = document.paragraphs[0] if document.paragraphs else None
    if own is None:
        if mandate.document == "letter":
            yield finding(
                RULE,
                "warning",
                document,
                first,
                "dates.missing",
            )
        return
    c = patterns(document.language)
    for paragraph in document.paragraphs:
        if paragraph.role not in {Role.BODY, Role.REQUEST}:
            continue
        bounds: list[tuple[int, int]] | None = None
        for date, start, end in find_dates(paragraph.text, document.language, own.year):
            if date <= own:
                continue
            if bounds is None:
                bounds = sentences(paragraph.text, c.abbreviations, document.language)
                starts = [a for a, _ in bounds]
            sentence = _sentence(paragraph.text, start, bounds, starts)
            if c.future is not None and c.future.search(sentence):
                continue
            yield finding(
                RULE,
                "warning",
                document,
                paragraph,
                "dates.after-letter",
                {"date": paragraph.text[start:end], "own": own.isoformat()},
                span=(start, end),
            )


def _sentence(text: str, at: int, bounds: list[tuple[int, int]], starts: list[int]) -> str:
    """The sentence around ``at`` (sentence spans computed once per paragraph, then bisected)."""
    n = max(0, bisect_right(starts, at) - 1)
    a, b = bounds[n]
    return text[a:b]
