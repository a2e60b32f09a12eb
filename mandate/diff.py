"""What changed between two drafts: element statuses, sections, figures, findings.

Paragraphs are aligned by their text (difflib), so a section removed upstream does not make every
later paragraph look changed; findings are matched by rule and excerpt, not paragraph number.
Two drafts in different languages are two versions of one letter: their words cannot be compared,
so sections, figures, dates, symbols and placeholders are compared by ``mandate.versions``, and
findings by rule.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from pydantic import Field

from mandate.models import BaseModel, Finding
from mandate.pipeline import Check
from mandate.versions import VersionComparison, compare_versions, facts, version_lines


class StatusChange(BaseModel):
    id: str
    old: str
    new: str


class FigureChange(BaseModel):
    old_paragraph: int
    new_paragraph: int
    old: str
    new: str
    context: str = Field(description="The new text around the figure.")


class DraftDiff(BaseModel):
    """The changes between an older and a newer draft of the same letter."""

    old_path: str
    new_path: str
    old_ready: bool
    new_ready: bool
    statuses: list[StatusChange]
    sections_removed: list[str]
    sections_added: list[str]
    figures: list[FigureChange]
    findings_added: list[Finding]
    findings_resolved: list[Finding]
    versions: VersionComparison | None = Field(
        default=None, description="Two language versions of one letter: facts that differ."
    )

    @property
    def empty(self) -> bool:
        v = self.versions
        return not (
            (v and (v.differences or v.sections_only_a or v.sections_only_b))
            or self.statuses
            or self.sections_removed
            or self.sections_added
            or self.figures
            or self.findings_added
            or self.findings_resolved
        )


def diff(old: Check, new: Check) -> DraftDiff:
    """Compare two finished checks."""
    old_status = {v.id: v.status.value for v in old.assessment.verdicts}
    statuses = [
        StatusChange(id=v.id, old=old_status.get(v.id, "—"), new=v.status.value)
        for v in new.assessment.verdicts
        if old_status.get(v.id) != v.status.value
    ]
    old_headings = [s.heading for s in old.document.sections if s.heading]
    new_headings = [s.heading for s in new.document.sections if s.heading]

    versions = None
    if old.document.language != new.document.language:
        versions = compare_versions(old.document, new.document)
        old_headings = new_headings = []  # the aligned comparison says which sections differ

    def key(check: Check, f: Finding) -> tuple[str, str]:
        # Across languages a finding's words differ: compare by rule (and count) only.
        return _finding_key(check, f) if versions is None else (f.rule, "")

    old_keys = [key(old, f) for f in old.findings]
    new_keys = [key(new, f) for f in new.findings]
    return DraftDiff(
        old_path=old.document.path,
        new_path=new.document.path,
        old_ready=old.ready,
        new_ready=new.ready,
        statuses=statuses,
        sections_removed=[h for h in old_headings if h not in new_headings],
        sections_added=[h for h in new_headings if h not in old_headings],
        figures=_figures(old, new) if versions is None else [],
        findings_added=_unmatched(new.findings, new_keys, old_keys),
        findings_resolved=_unmatched(old.findings, old_keys, new_keys),
        versions=versions,
    )


def _finding_key(check: Check, f: Finding) -> tuple[str, str]:
    """A finding by its rule and the very text it flags (not the excerpt's context: removing
    [618] next to [319] must not make [319] look new)."""
    if f.span and f.paragraph and f.span[1] > f.span[0]:
        try:
            text = check.document.paragraph(f.paragraph).text
        except (KeyError, IndexError, StopIteration, ValueError):
            text = ""
        flagged = text[f.span[0] : f.span[1]]
        if flagged:
            return f.rule, flagged
    return f.rule, f.excerpt


def _unmatched(
    findings: list[Finding], keys: list[tuple[str, str]], others: list[tuple[str, str]]
) -> list[Finding]:
    """Findings with no counterpart on the other side, counting repeats (two [319] against one
    leaves one)."""
    budget = Counter(others)
    out = []
    for finding, key in zip(findings, keys, strict=True):
        if budget[key] > 0:
            budget[key] -= 1
        else:
            out.append(finding)
    return out


def _figures(old: Check, new: Check) -> list[FigureChange]:
    a = [p.text for p in old.document.paragraphs]
    b = [p.text for p in new.document.paragraphs]
    pairs: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "replace":
            continue
        for i in range(i1, i2):
            best = max(range(j1, j2), key=lambda j: SequenceMatcher(None, a[i], b[j]).ratio())
            if SequenceMatcher(None, a[i], b[best]).ratio() >= 0.6:
                pairs.append((i, best))
    changes = []
    lang = new.document.language
    for i, j in pairs:
        # Figures as the letter's language writes them ("5,5" in French is one figure), and
        # symbols and dates whole: the same reading as the comparison of language versions.
        old_numbers = [(x.text, x.start) for x in facts(a[i], lang)]
        new_numbers = [(x.text, x.start, x.end) for x in facts(b[j], lang)]
        matcher = SequenceMatcher(
            None, [n for n, _ in old_numbers], [n for n, _, _ in new_numbers], autojunk=False
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag not in ("replace", "delete", "insert"):
                continue
            was = ", ".join(n for n, _ in old_numbers[i1:i2]) or "—"
            now = ", ".join(n for n, _, _ in new_numbers[j1:j2]) or "—"
            at = new_numbers[j1][1] if j1 < len(new_numbers) else len(b[j])
            end = new_numbers[j2 - 1][2] if j2 > j1 else at
            context = b[j][max(0, at - 12) : end + 12]
            changes.append(
                FigureChange(
                    old_paragraph=i + 1, new_paragraph=j + 1, old=was, new=now, context=context
                )
            )
    return changes


def diff_lines(d: DraftDiff) -> list[str]:
    """The changes as terminal lines."""
    lines = [f"{d.old_path} → {d.new_path}"]
    if d.old_ready != d.new_ready:
        lines.append(f"ready: {_yes(d.old_ready)} → {_yes(d.new_ready)}")
    lines += [f"element {s.id}: {s.old} → {s.new}" for s in d.statuses]
    lines += [f"section removed: {h}" for h in d.sections_removed]
    lines += [f"section added: {h}" for h in d.sections_added]
    lines += [
        f"figure changed, paragraph {f.new_paragraph} (was {f.old_paragraph}): "
        f"{f.old} → {f.new} (“…{f.context}…”)"
        for f in d.figures
    ]
    lines += [f"finding added: {f.severity} {f.rule} {f.message}" for f in d.findings_added]
    lines += [f"finding resolved: {f.severity} {f.rule} {f.message}" for f in d.findings_resolved]
    if d.versions is not None:
        lines += version_lines(d.versions)
    if d.empty:
        lines.append("no changes in coverage, figures or findings")
    return lines


def _yes(ready: bool) -> str:
    return "yes" if ready else "no"
