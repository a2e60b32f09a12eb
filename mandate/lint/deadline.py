"""The letter's date against the due dates the rules file gives for the mandate."""

from __future__ import annotations

from collections.abc import Iterator

from mandate.lint.base import finding, letter_date
from mandate.models import Document, Finding
from mandate.rules import Mandate

RULE = "deadline"
_WINDOW_DAYS = 120  # a due date further than this from the letter is some other reporting cycle


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """A warning when the letter is dated after the due date of its reporting cycle."""
    own = letter_date(document)
    if own is None or not mandate.due_dates:
        return
    due = min(mandate.due_dates, key=lambda d: abs((d - own).days))
    late = (own - due).days
    where = document.paragraphs[0]
    if abs(late) > _WINDOW_DAYS:
        yield finding(
            RULE,
            "info",
            document,
            where,
            {
                "en": f"No due date of {mandate.resolution} falls near the letter's date "
                f"({own.isoformat()}); the nearest is {due.isoformat()}.",
                "zh": f"信函日期({own.isoformat()})附近没有{mandate.resolution}规定的提交日期;"
                f"最近的是 {due.isoformat()}。",
                "fr": f"Aucune échéance de la {mandate.resolution} n'est proche de la date de la "
                f"lettre ({own.isoformat()}) ; la plus proche est le {due.isoformat()}.",
            },
        )
    elif late > 0:
        yield finding(
            RULE,
            "warning",
            document,
            where,
            {
                "en": f"The letter is dated {own.isoformat()}, {late} day(s) after it was due "
                f"({due.isoformat()}).",
                "zh": f"信函日期为 {own.isoformat()},比规定日期({due.isoformat()})晚 {late} 天。",
                "fr": f"La lettre est datée du {own.isoformat()}, {late} jour(s) après "
                f"l'échéance ({due.isoformat()}).",
            },
        )
