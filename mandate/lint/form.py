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
            {
                "en": "The letter is not addressed to the President of the Security Council.",
                "zh": "信函未写明致安全理事会主席。",
                "fr": "La lettre n'est pas adressée au Président du Conseil de sécurité.",
            },
        )
    if Role.CLOSING not in roles:
        yield finding(
            RULE,
            "warning",
            document,
            last,
            {
                "en": "The closing formula (bringing the letter to the attention of the members "
                "of the Council) is missing.",
                "zh": "缺少结尾套语(请提请安全理事会成员注意本信)。",
                "fr": "La formule finale (porter la lettre à l'attention des membres du Conseil) "
                "manque.",
            },
        )
    if Role.SIGNATURE not in roles:
        yield finding(
            RULE,
            "warning",
            document,
            last,
            {
                "en": "The signature line is missing.",
                "zh": "缺少署名。",
                "fr": "La signature manque.",
            },
        )
