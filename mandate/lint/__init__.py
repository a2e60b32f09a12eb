"""Pre-submission defect checks. Each check is one module with a ``check`` function; adding one
means writing the module and adding it to ``REGISTRY`` — nothing else changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mandate.lint import citation, pagebreak, placeholders
from mandate.models import Document, Finding
from mandate.rules import Mandate

LintCheck = Callable[[Document, Mandate], Iterable[Finding]]

REGISTRY: dict[str, LintCheck] = {
    placeholders.RULE: placeholders.check,
    pagebreak.RULE: pagebreak.check,
    citation.RULE: citation.check,
}


def lint(document: Document, mandate: Mandate) -> list[Finding]:
    """Every registered check's findings, in letter order."""
    findings = [f for run in REGISTRY.values() for f in run(document, mandate)]
    return sorted(findings, key=lambda f: (f.paragraph or 0, (f.span or (0, 0))[0], f.rule))


def excerpt(text: str, start: int, end: int, context: int = 12) -> str:
    """The flagged text with a little context either side, for the reader to find it."""
    a, b = max(0, start - context), min(len(text), end + context)
    return ("…" if a else "") + text[a:b] + ("…" if b < len(text) else "")
