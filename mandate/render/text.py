"""The terminal summary: one line per element and per finding; colour only on a terminal."""

from __future__ import annotations

import click

from mandate.pipeline import Check

_STATUS_COLOUR = {"covered": "green", "partial": "yellow", "missing": "red"}
_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(check: Check) -> list[str]:
    """Lines of the summary, styled; click.echo strips the styles when not on a TTY."""
    result = check.result()
    counts = {s: sum(1 for r in result.requirements if r.status == s) for s in _STATUS_COLOUR}
    verdict = "READY" if result.ready else "NOT READY"
    head = click.style(verdict, fg="green" if result.ready else "red", bold=True)
    lines = [
        f"{result.letter.path}: {head} — {counts['covered']} covered, {counts['partial']} partial, "
        f"{counts['missing']} missing ({result.mandate.resolution}, letter in "
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
