"""Draft placeholders left in the text: [618], [XX], 【】, XX, TBC, [date], 待定."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mandate.lint.base import finding
from mandate.models import Document, Finding, Role, Severity
from mandate.rules import Mandate

RULE = "placeholder"
# Beyond this many in one paragraph, one finding counts the rest: a hundred thousand identical
# findings help nobody and cost memory and time in every report.
PER_PARAGRAPH = 50
_PATTERNS: list[tuple[re.Pattern[str], Severity]] = [
    (re.compile(r"\[[^\[\]\n]{0,60}\]|【[^【】\n]{0,60}】|［[^［］\n]{0,60}］"), "error"),
    (re.compile(r"(?<![A-Za-z])(?:XX+|xx+|TBC|TBD|tbc|tbd)(?![A-Za-z])|××+"), "error"),
    (re.compile(r"…{2,}|\.{4,}|_{3,}"), "error"),
    (re.compile(r"待定|待补充?|待确认|(?<![A-Za-z])(?:à confirmer|à compléter)"), "warning"),
]


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """One finding per placeholder, located to the paragraph and character."""
    for paragraph in document.paragraphs:
        if paragraph.role is Role.REQUEST:
            continue  # the request quotes the resolution, brackets and all
        shown = 0
        more: dict[str, int] = {}
        for pattern, severity in _PATTERNS:
            for m in pattern.finditer(paragraph.text):
                if m.group().lower() == "[sic]":
                    continue
                found = m.group()
                if shown >= PER_PARAGRAPH:
                    more[severity] = more.get(severity, 0) + 1
                    continue
                shown += 1
                yield finding(
                    RULE,
                    severity,
                    document,
                    paragraph,
                    "placeholder.found",
                    {"found": found},
                    span=(m.start(), m.end()),
                )
        for severity, count in more.items():
            yield finding(
                RULE,
                severity,  # type: ignore[arg-type]
                document,
                paragraph,
                "placeholder.more",
                {"n": count, "max": PER_PARAGRAPH},
            )
