"""The Word round trip: the check's gaps and findings as Word comments in a copy of the draft.

Each partial or missing element becomes a comment on the title (or first paragraph); each finding
a comment on the paragraph it concerns. The draft's own text is left exactly as it was; the
original file is never written (the output path must differ).
"""

from __future__ import annotations

import io
from pathlib import Path

from mandate.errors import InputError
from mandate.models import Status
from mandate.pipeline import Check

AUTHOR, INITIALS = "mandate", "MD"


def annotate_docx(check: Check, source: Path, output: Path) -> int:
    """Write ``output``: ``source`` with comments; returns how many comments were added."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    if check.document.format != "docx":
        raise InputError(f"{source} is not a .docx file; only Word drafts can be annotated.")
    if output.resolve() == source.resolve():
        raise InputError("Refusing to annotate the draft in place: give another output path.")
    document = docx.Document(io.BytesIO(source.read_bytes()))
    by_line = {
        n: child
        for n, child in enumerate(document.element.body.iterchildren(), start=1)
        if child.tag == qn("w:p")
    }

    def runs_of(paragraph_index: int | None):
        paragraphs = check.document.paragraphs
        target = paragraphs[(paragraph_index or 1) - 1] if paragraphs else None
        element = by_line.get(target.line) if target else None
        if element is None:
            element = next(iter(by_line.values()))
        paragraph = Paragraph(element, document)
        runs = paragraph.runs or [paragraph.add_run("")]
        return runs

    titles = {e.id: e.title.get(check.document.language) or e.id for e in check.mandate.elements}
    added = 0
    for verdict in check.assessment.verdicts:
        if verdict.status is Status.COVERED:
            continue
        waived = f" (waived: {verdict.waiver})" if verdict.waived else ""
        text = (
            f"[{verdict.status.value}] {verdict.id} — {titles[verdict.id]}: "
            f"{verdict.reason}{waived}"
        )
        document.add_comment(runs_of(1), text=text, author=AUTHOR, initials=INITIALS)
        added += 1
    for finding in check.findings:
        local = f"\n{finding.message_local}" if finding.message_local else ""
        waived = f" (waived: {finding.waiver})" if finding.waived else ""
        text = f"[{finding.severity}] {finding.rule}: {finding.message}{waived}{local}"
        document.add_comment(
            runs_of(finding.paragraph), text=text, author=AUTHOR, initials=INITIALS
        )
        added += 1
    buffer = io.BytesIO()
    document.save(buffer)
    from mandate.render import write_atomic_bytes

    write_atomic_bytes(output, buffer.getvalue())
    return added
