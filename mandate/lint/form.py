"""A letter to the Council is addressed to its President, closes with the formula, and is signed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mandate.lint.base import finding
from mandate.models import Document, Finding, Role
from mandate.rules import Mandate

RULE = "form"
_PRESIDENT = re.compile(
    r"安全理事会主席|安理会主席|President of the Security Council"
    r"|Président(e)? du Conseil de sécurité"
    r"|^(Mr\.?|Madam) President|^Monsieur le Président|^Madame la Présidente|^主席先生",
    re.IGNORECASE,
)


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """Letters only: reports have no closing formula or addressee."""
    if mandate.document != "letter" or not document.paragraphs:
        return
    roles = {p.role for p in document.paragraphs}
    front = [p for p in document.paragraphs if p.role in {Role.TITLE, Role.ADDRESSEE}]
    last = document.paragraphs[-1]
    if not any(_PRESIDENT.search(p.text) for p in front):
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
