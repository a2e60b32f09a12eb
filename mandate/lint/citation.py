"""The letter cites the mandate it answers, and its document symbols are well formed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mandate.lint.base import finding, letter_date
from mandate.models import Document, Finding, Role
from mandate.rules import Mandate

RULE = "citation"
_CANDIDATE = re.compile(r"(?<![A-Za-z])S\s*/\s*[A-Za-z0-9][A-Za-z0-9./]*(?:\s*\(\d{4}\))?")
_GOOD = [
    re.compile(r"S/(?P<y>\d{4})/\d{1,4}(?:/(?:Add|Corr|Rev)\.\d+)*"),
    re.compile(r"S/RES/\d{1,4} \(\d{4}\)"),
    re.compile(r"S/PRST/\d{4}/\d{1,3}"),
    re.compile(r"S/PV\.\d{1,5}"),
]


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """Wrong or absent basis is an error or warning; malformed symbols are warnings."""
    request = next((p for p in document.paragraphs if p.role is Role.REQUEST), None)
    where = request or next((p for p in document.paragraphs if p.role is Role.BODY), None)
    res = f"{mandate.number} ({mandate.year})"
    if not document.cited_resolutions:
        yield finding(
            RULE,
            "warning",
            document,
            where,
            "citation.absent",
            {"res": res, "number": mandate.number, "year": mandate.year},
        )
    elif mandate.number not in document.cited_resolutions:
        yield finding(
            RULE,
            "error",
            document,
            where,
            "citation.wrong-basis",
            {
                "cited": [str(n) for n in document.cited_resolutions],
                "res": res,
                "number": mandate.number,
                "year": mandate.year,
            },
        )
    own = letter_date(document)
    year = own.year if own else None
    for paragraph in document.paragraphs:
        for m in _CANDIDATE.finditer(paragraph.text):
            symbol = m.group().rstrip(".")
            good = next((g.fullmatch(symbol) for g in _GOOD if g.fullmatch(symbol)), None)
            span = (m.start(), m.start() + len(symbol))
            if good is None:
                yield finding(
                    RULE,
                    "warning",
                    document,
                    paragraph,
                    "citation.malformed",
                    {"symbol": symbol},
                    span=span,
                )
            elif year and "y" in good.groupdict() and int(good.group("y")) > year:
                yield finding(
                    RULE,
                    "warning",
                    document,
                    paragraph,
                    "citation.later-symbol",
                    {"symbol": symbol, "symbol_year": int(good.group("y")), "year": year},
                    span=span,
                )
