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
            {
                "en": f"The opening does not cite resolution {res}, which the letter answers.",
                "zh": f"开头未提及信函所答复的第{mandate.number}({mandate.year})号决议。",
                "fr": f"L'ouverture ne cite pas la résolution {res} à laquelle la lettre répond.",
            },
        )
    elif mandate.number not in document.cited_resolutions:
        cited = ", ".join(str(n) for n in document.cited_resolutions)
        yield finding(
            RULE,
            "error",
            document,
            where,
            {
                "en": f"The letter cites resolution {cited} as its basis, not {res}.",
                "zh": f"信函援引第{cited}号决议作为依据,"
                f"而不是第{mandate.number}({mandate.year})号决议。",
                "fr": f"La lettre cite la résolution {cited} comme fondement, et non la {res}.",
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
                    {
                        "en": f"“{symbol}” is not a well-formed document symbol "
                        "(S/YYYY/NNN, S/RES/NNNN (YYYY)).",
                        "zh": f"“{symbol}”不是规范的文件编号(S/YYYY/NNN, S/RES/NNNN (YYYY))。",
                        "fr": f"« {symbol} » n'est pas une cote de document bien formée.",
                    },
                    span=span,
                )
            elif year and "y" in good.groupdict() and int(good.group("y")) > year:
                yield finding(
                    RULE,
                    "warning",
                    document,
                    paragraph,
                    {
                        "en": f"{symbol} is a document of {good.group('y')}, after the letter's "
                        f"own year ({year}).",
                        "zh": f"{symbol} 为 {good.group('y')} 年的文件,晚于信函日期({year} 年)。",
                        "fr": f"{symbol} date de {good.group('y')}, après la lettre ({year}).",
                    },
                    span=span,
                )
