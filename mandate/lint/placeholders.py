"""Draft placeholders left in the text: [618], [XX], XX, TBC, [date] — the marks of the
letter's language profile (``placeholders``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mandate.language import profile
from mandate.lint.base import finding
from mandate.models import Document, Finding, Role, Severity
from mandate.rules import Mandate

RULE = "placeholder"


@cache
def _patterns(lang: str) -> list[tuple[re.Pattern[str], Severity]]:
    """The language's drafting marks: errors first, then the softer words (warnings)."""
    marks = profile(lang).placeholders
    return [(re.compile(x), "error") for x in marks.error] + [
        (re.compile(x, re.IGNORECASE), "warning") for x in marks.warning
    ]


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """One finding per placeholder, located to the paragraph and character."""
    found_marks = _patterns(document.language)
    ignore = {x.lower() for x in profile(document.language).placeholders.ignore}
    for paragraph in document.paragraphs:
        if paragraph.role is Role.REQUEST:
            continue  # the request quotes the resolution, brackets and all
        for pattern, severity in found_marks:
            for m in pattern.finditer(paragraph.text):
                if m.group().lower() in ignore:
                    continue
                found = m.group()
                yield finding(
                    RULE,
                    severity,
                    document,
                    paragraph,
                    "placeholder.found",
                    {"found": found},
                    span=(m.start(), m.end()),
                )
