"""The letter has a date, and reports no past event dated after it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mandate.lint.base import find_dates, finding, letter_date
from mandate.models import Document, Finding, Role
from mandate.rules import Mandate
from mandate.segment import sentences

RULE = "dates"
_FUTURE = re.compile(
    r"将于|将在|计划于|预计|拟于|定于|\bwill\b|\bscheduled\b|\bplanned\b|\bexpected\b|\bdue\b"
    r"|\bsera\b|\bseront\b|\bprévue?s?\b|\bdevrait\b",
    re.IGNORECASE,
)


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
    for paragraph in document.paragraphs:
        if paragraph.role not in {Role.BODY, Role.REQUEST}:
            continue
        for date, start, end in find_dates(paragraph.text, document.language, own.year):
            if date <= own:
                continue
            sentence = _sentence(paragraph.text, start)
            if _FUTURE.search(sentence):
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


def _sentence(text: str, at: int) -> str:
    return next(text[a:b] for a, b in sentences(text) if a <= at < b or b == len(text))
