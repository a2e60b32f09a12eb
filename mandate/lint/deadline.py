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
            "deadline.far",
            {"resolution": mandate.resolution, "own": own.isoformat(), "due": due.isoformat()},
        )
    elif late > 0:
        yield finding(
            RULE,
            "warning",
            document,
            where,
            "deadline.late",
            {"own": own.isoformat(), "n": late, "due": due.isoformat()},
        )
