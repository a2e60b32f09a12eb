"""Draft placeholders left in the text: [618], [XX], 【】, TBC, [date]."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mandate.models import Document, Finding, Role
from mandate.rules import Mandate

RULE = "placeholder"
_PATTERNS = [
    (re.compile(r"\[[^\[\]\n]{0,40}\]|【[^【】\n]{0,40}】|［[^［］\n]{0,40}］"), "bracketed"),
    (re.compile(r"(?<![A-Za-z])(?:XX+|TBC|TBD|tbc|tbd)(?![A-Za-z])"), "marker"),
    (re.compile(r"…{2,}|\.{4,}|_{3,}"), "gap"),
]
_EXPLAIN = {
    "bracketed": "Text in square brackets is a drafting placeholder: confirm the figure and remove "
    "the brackets before the letter goes out.",
    "marker": "A placeholder marker (XX, TBC, TBD) is still in the text.",
    "gap": "A gap left to be filled is still in the text.",
}


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """One error per placeholder, located to the paragraph and character."""
    from mandate.lint import excerpt

    for paragraph in document.paragraphs:
        if paragraph.role is Role.REQUEST:
            continue  # a quoted request may legitimately carry brackets
        for pattern, kind in _PATTERNS:
            for m in pattern.finditer(paragraph.text):
                if kind == "bracketed" and _is_legitimate_bracket(m.group()):
                    continue
                yield Finding(
                    rule=RULE,
                    severity="error",
                    section=paragraph.section,
                    paragraph=paragraph.index,
                    excerpt=excerpt(paragraph.text, m.start(), m.end()),
                    message=f"Placeholder {m.group()}: {_EXPLAIN[kind]}",
                    span=(m.start(), m.end()),
                )


def _is_legitimate_bracket(text: str) -> bool:
    """Editorial brackets inside quotations ([sic], [the Mission]) are text, not placeholders."""
    inner = text[1:-1].strip().lower()
    return inner in {"sic"} or (
        len(inner.split()) > 1
        and not any(c.isdigit() for c in inner)
        and "x" not in inner
        and "date" not in inner
    )
