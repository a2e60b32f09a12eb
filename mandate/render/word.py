"""The Word round trip: the check's gaps and findings as Word comments in a copy of the draft.

Each finding's comment is anchored on the very words it flags (the placeholder "[618]", the doubled
character, the offending mark), split out of their runs; the comment reads in the letter's language
first, English beneath, and refers to paragraphs by number (Word shows no line numbers). Each
element not covered gets one comment where the request expects it: on its section's heading if the
draft has one, else at the end of the body. The draft's own text is left exactly as it was; the
original file is never written (the output path must differ).
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from pathlib import Path

from mandate import messages
from mandate.assess import reason_text
from mandate.errors import InputError
from mandate.messages import FALLBACK, say
from mandate.models import Finding, Role, Status, Verdict
from mandate.pipeline import Check
from mandate.render.words import title

AUTHOR, INITIALS = "mandate", "MD"
_UNSPANNED = 10  # a finding about a whole paragraph is anchored on its first characters


@dataclass
class _Run:
    run: object  # docx.text.run.Run
    start: int
    end: int


class _Anchors:
    """The runs of the draft's Word paragraphs, split on demand to cover exact characters."""

    def __init__(self, check: Check, document) -> None:
        from docx.oxml.ns import qn

        from mandate.read.docx import anchors

        self.check, self.document = check, document
        # A block's line is its position among body paragraphs and table rows (read.docx).
        self.by_line = dict(enumerate(anchors(document.element.body), start=1))
        if not self.by_line:
            raise InputError(f"{check.document.path} has no paragraph or table to comment on.")
        self.qn = qn

    def _paragraphs(self, element) -> list:
        """A body paragraph itself; a table row's cell paragraphs (its findings go on cells)."""
        qn = self.qn
        if element.tag == qn("w:tr"):
            return [p for tc in element.iterchildren(qn("w:tc")) for p in tc.iter(qn("w:p"))]
        return [element]

    def _runs(self, elements: list) -> tuple[str, list[_Run]]:
        from docx.text.paragraph import Paragraph

        text, runs = "", []
        for element in [p for e in elements for p in self._paragraphs(e)]:
            for run in Paragraph(element, self.document).runs:
                runs.append(_Run(run, len(text), len(text) + len(run.text)))
                text += run.text
        return text, runs

    def _elements(self, index: int | None) -> list:
        paragraphs = self.check.document.paragraphs
        if not paragraphs:
            return [next(iter(self.by_line.values()))]
        target = paragraphs[(index or 1) - 1]
        lines = [target.line, *[j.line for j in target.joins]]
        found = [self.by_line[n] for n in dict.fromkeys(lines) if n in self.by_line]
        return found or [next(iter(self.by_line.values()))]

    def range(self, index: int | None, flagged: str, near: int, at_end: bool = False) -> list:
        """Runs covering ``flagged`` in paragraph ``index`` (the occurrence nearest ``near``)."""
        text, runs = self._runs(self._elements(index))
        if not runs:
            return []
        if flagged:
            hits = [i for i in _occurrences(text, flagged)]
            start = min(hits, key=lambda i: abs(i - near)) if hits else None
        else:
            start = None
        if start is None:
            size = min(_UNSPANNED, len(text)) or len(text)
            start = len(text) - size if at_end else 0
            end = start + size
        else:
            end = start + len(flagged)
        return self._split(runs, start, end)

    def _split(self, runs: list[_Run], start: int, end: int) -> list:
        out = []
        for r in runs:
            if r.end <= start or r.start >= end:
                continue
            run = r.run
            lo, hi = max(start, r.start) - r.start, min(end, r.end) - r.start
            if hi < len(run.text):
                run = _cut(run, hi, keep_left=True)
            if lo > 0:
                run = _cut(run, lo, keep_left=False)
            out.append(run)
        return out


def _occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _cut(run, at: int, keep_left: bool):
    """Split a plain-text run at ``at``; return the left part (keep_left) or the right part."""
    from docx.oxml.ns import qn
    from docx.text.run import Run

    r = run._r
    content = [c for c in r if c.tag != qn("w:rPr")]
    if len(content) != 1 or content[0].tag != qn("w:t"):
        return run  # a run with tabs, breaks or fields stays whole
    texts = content
    value = texts[0].text or ""
    twin = copy.deepcopy(r)
    r.addnext(twin)
    texts[0].text = value[:at]
    twin.find(qn("w:t")).text = value[at:]
    for t in (texts[0], twin.find(qn("w:t"))):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return Run(r, run._parent) if keep_left else Run(twin, run._parent)


def _languages(check: Check) -> list[str]:
    """The letter's language first (if it has a catalog), English beneath."""
    letter = check.document.language
    return (
        [letter, FALLBACK] if letter in messages.languages() and letter != FALLBACK else [FALLBACK]
    )


def finding_comment(check: Check, finding: Finding) -> list[str]:
    """The comment's paragraphs: the letter's language first, then '[error] paragraph 7: …'."""
    out = []
    for lang in _languages(check):
        where = messages.paragraphs(lang, [finding.paragraph]) if finding.paragraph else ""
        head = f"[{say(lang, f'ui.{finding.severity}')}] {where}".strip()
        text = messages.finding_text(lang, finding)
        line = f"{head}{say(lang, 'ui.colon')}{text}"
        if finding.waived and finding.waiver:
            line += say(lang, "ui.sentence_sep") + say(
                lang, "comment.waived", reason=finding.waiver
            )
        out.append(line)
    return out


def gap_comment(check: Check, verdict: Verdict) -> list[str]:
    """What is missing and what to add, in the letter's language then English."""
    element = check.mandate.element(verdict.id)
    out = []
    for lang in _languages(check):
        status = say(lang, f"ui.{verdict.status.value}")
        name = title(element.title, lang, element.id)
        if verdict.status is Status.MISSING:
            text = say(
                lang, "comment.gap", status=status, title=name, resolution=check.mandate.resolution
            )
        else:
            reason = reason_text(lang, verdict.why, element) if verdict.why else verdict.reason
            text = say(lang, "comment.gap_partial", status=status, title=name, reason=reason)
        if verdict.waived and verdict.waiver:
            text += say(lang, "ui.sentence_sep") + say(
                lang, "comment.waived", reason=verdict.waiver
            )
        out.append(text)
    return out


def annotate_docx(check: Check, source: Path, output: Path) -> int:
    """Write ``output``: ``source`` with comments; returns how many comments were added."""
    import docx

    if check.document.format != "docx":
        raise InputError(f"{source} is not a .docx file; only Word drafts can be annotated.")
    from mandate.files import MAX_SIZE_MB, read_input

    # The draft was read once already under --max-size; writing over it is refused at the write.
    limit = int(MAX_SIZE_MB * 1024 * 1024)
    document = docx.Document(io.BytesIO(read_input(source, limit, "draft")))
    anchors = _Anchors(check, document)

    def comment(runs: list, lines: list[str]) -> bool:
        if not runs:
            return False
        note = document.add_comment(runs, text=lines[0], author=AUTHOR, initials=INITIALS)
        for line in lines[1:]:
            note.add_paragraph(line)
        return True

    added = 0
    headed = {e: s.section for s in check.classification.sections for e in s.heading_elements}
    body = [p for p in check.document.paragraphs if p.role is Role.BODY]
    for verdict in check.assessment.verdicts:
        if verdict.status is Status.COVERED:
            continue
        section = headed.get(verdict.id)
        heading = check.document.sections[section] if section is not None else None
        if heading is not None and heading.heading and heading.heading_line in anchors.by_line:
            from docx.text.paragraph import Paragraph

            runs = Paragraph(anchors.by_line[heading.heading_line], document).runs
        else:
            last = body[-1] if body else None
            runs = anchors.range(last.index if last else None, "", 0, at_end=True)
        added += comment(runs, gap_comment(check, verdict))
    for finding in check.findings:
        paragraph = check.document.paragraph(finding.paragraph) if finding.paragraph else None
        flagged, near = "", 0
        if paragraph is not None and finding.span:
            start, end = finding.span
            if end == start:  # a point (where a page break cut the text): the words around it
                start, end = max(0, start - _UNSPANNED // 2), end + _UNSPANNED // 2
            flagged, near = paragraph.text[start:end], start
        runs = anchors.range(finding.paragraph, flagged, near)
        added += comment(runs, finding_comment(check, finding))
    buffer = io.BytesIO()
    document.save(buffer)
    from mandate.files import write_output

    write_output(output, buffer.getvalue(), [source])
    return added
