"""The letter must cite the mandate it answers; a different resolution as its basis is an error."""

from __future__ import annotations

from collections.abc import Iterator

from mandate.models import Document, Finding, Role
from mandate.rules import Mandate

RULE = "citation"


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """The restated request cites the mandate's resolution (and no other as its basis)."""
    request = next((p for p in document.paragraphs if p.role is Role.REQUEST), None)
    where = request or next((p for p in document.paragraphs if p.role is Role.BODY), None)
    if not document.cited_resolutions:
        yield Finding(
            rule=RULE,
            severity="warning",
            section=where.section if where else None,
            paragraph=where.index if where else None,
            excerpt=(where.text[:60] if where else ""),
            message=f"The opening does not cite resolution {mandate.number} ({mandate.year}), "
            "the request the letter answers.",
        )
        return
    if mandate.number not in document.cited_resolutions:
        cited = ", ".join(str(n) for n in document.cited_resolutions)
        yield Finding(
            rule=RULE,
            severity="error",
            section=where.section if where else None,
            paragraph=where.index if where else None,
            excerpt=(where.text[:60] if where else ""),
            message=f"The letter cites resolution {cited} as its basis, not "
            f"{mandate.number} ({mandate.year}).",
        )
