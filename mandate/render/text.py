"""The terminal summary: the verdict line first, then one line per element and per finding; colour
only on a terminal."""

from __future__ import annotations

import click

from mandate.hygiene import clean
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
    head = say("en", "verdict.ready" if result.ready else "verdict.not_ready")
    rest = verdict_line(check, head=False)
    styled = click.style(head, fg="green" if result.ready else "red", bold=True)
    path = clean(result.letter.path)  # a file name with ESC in it must not drive the terminal
    lines = [
        f"{path}: {styled} — {rest} ({result.mandate.resolution}, letter in "
        f"{result.letter.language})"
    ]
    if not result.mandate.reviewed:
        lines.append("  " + click.style(say("en", "ui.unreviewed"), fg="yellow"))
    for req in result.requirements:
        status = click.style(f"{req.status.value:<8}", fg=_STATUS_COLOUR[req.status.value])
        waived = f" [waived: {clean(req.waiver or '')}]" if req.waived else ""
        lines.append(f"  {status} {req.id:<34} {clean(req.reason)}{waived}")
    for f in result.findings:
        where = f"{path}:{f.paragraph}" if f.paragraph else path
        sev = click.style(f.severity, fg=_SEVERITY_COLOUR[f.severity])
        waived = f" [waived: {clean(f.waiver or '')}]" if f.waived else ""
        lines.append(f"{where}: {sev} {f.rule} {clean(f.message)}{waived}")
    return lines
