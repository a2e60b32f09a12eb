"""Characters the reader could not decode: a stray invalid byte in a UTF-8 draft is read as the
replacement character (U+FFFD) so the rest of the letter is still checked; this says where."""

from __future__ import annotations

from collections.abc import Iterator

from mandate.lint.base import finding
from mandate.models import Document, Finding
from mandate.rules import Mandate

RULE = "encoding"
_REPLACEMENT = "\ufffd"


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """One error per paragraph holding undecodable bytes, at the first of them."""
    for paragraph in document.paragraphs:
        at = paragraph.text.find(_REPLACEMENT)
        if at < 0:
            continue
        yield finding(
            RULE,
            "error",
            document,
            paragraph,
            "encoding.undecodable",
            {"paragraph": paragraph.index},
            span=(at, at + 1),
        )
