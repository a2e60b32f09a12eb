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

    from mandate.read.docx import ROW_SEPARATOR, anchors, row_cells

    if check.document.format != "docx":
        raise InputError(f"{source} is not a .docx file; only Word drafts can be annotated.")
    if output.resolve() == source.resolve():
        raise InputError("Refusing to annotate the draft in place: give another output path.")
    from mandate.files import read_input

    document = docx.Document(io.BytesIO(read_input(source, 200 * 1024 * 1024, "draft")))
    # A block's line is its position among body paragraphs and table rows (read.docx.anchors).
    by_line = dict(enumerate(anchors(document.element.body), start=1))
    if not by_line:
        raise InputError(f"{source} has no paragraph or table to comment on.")

    def paragraph_of(element, offset: int | None) -> object:
        """The w:p to comment on: the paragraph itself, or the cell of a table row that holds
        the flagged text (the first non-empty cell when no offset is known)."""
        if element.tag == qn("w:p"):
            return element
        cells = [(t, c) for t, c in row_cells(element) if t]
        chosen = cells[0][1] if cells else None
        at = 0
        for text, cell in cells:
            if offset is not None and at <= offset < at + len(text) + len(ROW_SEPARATOR):
                chosen = cell
                break
            at += len(text) + len(ROW_SEPARATOR)
        if chosen is None:
            chosen = element.find(f"{qn('w:tc')}")
        first = chosen.find(qn("w:p")) if chosen is not None else None
        if first is None:
            first = chosen.makeelement(qn("w:p"), {}) if chosen is not None else None
            if first is None:
                raise InputError(f"{source}: a table row has no cell to comment on.")
            chosen.append(first)
        return first

    def runs_of(paragraph_index: int | None, offset: int | None = None):
        paragraphs = check.document.paragraphs
        index = (paragraph_index or 1) - 1
        target = paragraphs[index] if 0 <= index < len(paragraphs) else None
        element = by_line.get(target.line) if target else None
        if element is None:
            element = by_line[min(by_line)]
        paragraph = Paragraph(paragraph_of(element, offset), document)
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
        offset = finding.span[0] if finding.span else None
        document.add_comment(
            runs_of(finding.paragraph, offset), text=text, author=AUTHOR, initials=INITIALS
        )
        added += 1
    buffer = io.BytesIO()
    document.save(buffer)
    from mandate.files import write_output

    write_output(output, buffer.getvalue(), [source])
    return added
