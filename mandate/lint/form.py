"""A letter is addressed as its language profile says (``letter.president``), closes with the
formula and is signed."""

from __future__ import annotations

from collections.abc import Iterator

from mandate.language import patterns
from mandate.lint.base import finding
from mandate.models import Document, Finding, Role
from mandate.rules import Mandate

RULE = "form"


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """Letters only: reports have no closing formula or addressee."""
    if mandate.document != "letter" or not document.paragraphs:
        return
    roles = {p.role for p in document.paragraphs}
    front = [p for p in document.paragraphs if p.role in {Role.TITLE, Role.ADDRESSEE}]
    last = document.paragraphs[-1]
    president = patterns(document.language).president
    if president and not any(x.search(p.text) for p in front for x in president):
        yield finding(
            RULE,
            "warning",
            document,
            document.paragraphs[0],
            "form.addressee",
        )
    if Role.CLOSING not in roles:
        yield finding(
            RULE,
            "warning",
            document,
            last,
            "form.closing",
        )
    if Role.SIGNATURE not in roles:
        yield finding(
            RULE,
            "warning",
            document,
            last,
            "form.signature",
        )
