"""What the defect checks share: building a located finding (a message code and its parameters,
worded from the message catalog), and reading dates."""

from __future__ import annotations

import datetime as dt
import re

from mandate import messages
from mandate.language import patterns
from mandate.models import Document, Finding, Paragraph, Param, Role, Severity

_DIGIT = re.compile(r"\d")


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
    """Dates written as the language's profile writes them; a date without a year takes ``year``.

    Digits may be of any script (Arabic-Indic too): ``int`` reads them all.
    """
    if not _DIGIT.search(text):
        return []  # a date's day is read with int(): no digit, no date (most paragraphs)
    c = patterns(lang)
    out: list[tuple[dt.date, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in c.dates:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # an earlier pattern read this date already
            groups = m.groupdict()
            y = int(groups["y"]) if groups.get("y") else year
            raw = groups.get("m") or ""
            month = int(raw) if raw.isdigit() else c.month_index.get(raw.lower())
            if y is None or month is None or not groups.get("d"):
                continue  # a month without its day is no date to check
            try:
                out.append((dt.date(y, month, int(groups["d"])), m.start(), m.end()))
            except ValueError:
                continue
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda d: d[1])


def letter_date(document: Document) -> dt.date | None:
    """The letter's own date: the first full date in its title or addressee lines."""
    for paragraph in document.paragraphs:
        if paragraph.role not in {Role.TITLE, Role.ADDRESSEE}:
            break
        dates = find_dates(paragraph.text, document.language)
        if dates:
            return dates[0][0]
    return None
