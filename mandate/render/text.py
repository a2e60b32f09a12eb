"""The terminal summary: the verdict line first, then one line per element and per finding; colour
only on a terminal."""

from __future__ import annotations

import click

from mandate.messages import say
from mandate.pipeline import Check

_STATUS_COLOUR = {"covered": "green", "partial": "yellow", "missing": "red"}
_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def verdict_line(check: Check, lang: str = "en", head: bool = True) -> str:
    """'NOT READY — all 8 elements covered; 5 errors block submission', from the one readiness
    (without the head, for a page whose heading already says it)."""
    r = check.readiness
    total = len(check.assessment.verdicts)
    gaps = [b for b in r.blocking if b.kind == "gap"]
    stopping = [b for b in r.blocking if b.kind == "finding"]
    if r.coverage_complete:
        coverage = say(lang, "verdict.covered_all", n=total)
    else:
        coverage = say(lang, "verdict.gaps", n=len(gaps), total=total)
    if not stopping:
        blockers = say(lang, "verdict.nothing_blocks")
    elif all(b.severity == "error" for b in stopping):
        blockers = say(lang, "verdict.errors_block", n=len(stopping))
    else:
        blockers = say(lang, "verdict.findings_block", n=len(stopping))
    if not head:
        return say(lang, "verdict.detail", coverage=coverage, blockers=blockers)
    word = say(lang, "verdict.ready" if r.ready else "verdict.not_ready")
    return say(lang, "verdict.line", head=word, coverage=coverage, blockers=blockers)


def render_text(check: Check) -> list[str]:
    """Lines of the summary, styled; click.echo strips the styles when not on a TTY."""
    result = check.result()
    line = verdict_line(check)
    head, _, rest = line.partition(" — ")
    styled = click.style(head, fg="green" if result.ready else "red", bold=True)
    lines = [
        f"{result.letter.path}: {styled} — {rest} ({result.mandate.resolution}, letter in "
        f"{result.letter.language})"
    ]
    if not result.mandate.reviewed:
        lines.append(
            click.style("  rules not reviewed:", fg="yellow")
            + " drafted rules; an element answered only by everyday words is at most partial."
        )
    for req in result.requirements:
        status = click.style(f"{req.status.value:<8}", fg=_STATUS_COLOUR[req.status.value])
        waived = f" [waived: {req.waiver}]" if req.waived else ""
        lines.append(f"  {status} {req.id:<34} {req.reason}{waived}")
    for f in result.findings:
        where = f"{result.letter.path}:{f.paragraph}" if f.paragraph else result.letter.path
        sev = click.style(f.severity, fg=_SEVERITY_COLOUR[f.severity])
        waived = f" [waived: {f.waiver}]" if f.waived else ""
        lines.append(f"{where}: {sev} {f.rule} {f.message}{waived}")
    return lines
