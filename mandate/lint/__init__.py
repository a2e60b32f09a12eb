"""Pre-submission defect checks. Each check is one module with a ``RULE`` and a ``check``
function; adding one means writing the module and adding it to ``REGISTRY`` — nothing else."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mandate.lint import (
    arithmetic,
    citation,
    dates,
    deadline,
    encoding,
    form,
    pagebreak,
    placeholders,
    punctuation,
)
from mandate.models import Document, Finding
from mandate.rules import Mandate

LintCheck = Callable[[Document, Mandate], Iterable[Finding]]

REGISTRY: dict[str, LintCheck] = {
    module.RULE: module.check
    for module in (
        placeholders,
        pagebreak,
        punctuation,
        citation,
        dates,
        arithmetic,
        form,
        deadline,
        encoding,
    )
}


def lint(document: Document, mandate: Mandate) -> list[Finding]:
    """Every registered check's findings, in letter order (letter-wide findings first)."""
    findings = [f for run in REGISTRY.values() for f in run(document, mandate)]
    return sorted(findings, key=lambda f: (f.paragraph or 0, (f.span or (0, 0))[0], f.rule))
