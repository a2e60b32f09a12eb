"""What the defect checks share: building a located finding (a message code and its parameters,
worded from the message catalog), and reading dates."""

from __future__ import annotations

import datetime as dt
import re

from mandate import messages
from mandate.models import Document, Finding, Paragraph, Param, Role, Severity

MONTHS = {
    "en": [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}
_ZH_DATE = re.compile(r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_LATIN_DATE = {
    lang: re.compile(
        r"(?P<d>\d{1,2})(?:er)?\s+(?P<m>" + "|".join(months) + r")(?:\s+(?P<y>\d{4}))?",
        re.IGNORECASE,
    )
    for lang, months in MONTHS.items()
}


def excerpt(text: str, start: int, end: int, context: int = 12) -> str:
    """The flagged text with a little context either side, for the reader to find it."""
    a, b = max(0, start - context), min(len(text), end + context)
    return ("…" if a else "") + text[a:b] + ("…" if b < len(text) else "")


def finding(
    rule: str,
    severity: Severity,
    document: Document,
    paragraph: Paragraph | None,
    code: str,
    params: dict[str, Param] | None = None,
    span: tuple[int, int] | None = None,
    shown: str | None = None,
) -> Finding:
    """A located finding: its message code and parameters, worded in English and, where the
    catalog has the letter's language, in that language too."""
    text = paragraph.text if paragraph else ""
    if shown is None:
        shown = excerpt(text, *span) if span and paragraph else text[:60]
    params = params or {}
    lang = document.language
    local = (
        messages.say(lang, code, **params)
        if lang != messages.FALLBACK and lang in messages.languages()
        else None
    )
    return Finding(
        rule=rule,
        severity=severity,
        section=paragraph.section if paragraph else None,
        paragraph=paragraph.index if paragraph else None,
        excerpt=shown,
        message=messages.say(messages.FALLBACK, code, **params),
        message_local=local,
        code=code,
        params=params,
        span=span,
    )


def find_dates(text: str, lang: str, year: int | None = None) -> list[tuple[dt.date, int, int]]:
    """Dates written in the letter's language; a date without a year takes ``year``."""
    pattern = _ZH_DATE if lang == "zh" else _LATIN_DATE.get(lang, _LATIN_DATE["en"])
    out = []
    for m in pattern.finditer(text):
        y = int(m.group("y")) if m.group("y") else year
        if y is None:
            continue
        if lang == "zh":
            month = int(m.group("m"))
        else:
            month = MONTHS.get(lang, MONTHS["en"]).index(m.group("m").lower()) + 1
        try:
            out.append((dt.date(y, month, int(m.group("d"))), m.start(), m.end()))
        except ValueError:
            continue
    return out


def letter_date(document: Document) -> dt.date | None:
    """The letter's own date: the first full date in its title or addressee lines."""
    for paragraph in document.paragraphs:
        if paragraph.role not in {Role.TITLE, Role.ADDRESSEE}:
            break
        dates = find_dates(paragraph.text, document.language)
        if dates:
            return dates[0][0]
    return None
