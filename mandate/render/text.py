"""The terminal summary: one line per element and per finding; colour only on a terminal."""

from __future__ import annotations

import click

from mandate.hygiene import clean
from mandate.pipeline import Check

_STATUS_COLOUR = {"covered": "green", "partial": "yellow", "missing": "red"}
_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(check: Check) -> list[str]:
    """Lines of the summary, styled; click.echo strips the styles when not on a TTY."""
    result = check.result()
    counts = {s: sum(1 for r in result.requirements if r.status == s) for s in _STATUS_COLOUR}
    verdict = "READY" if result.ready else "NOT READY"
    head = click.style(verdict, fg="green" if result.ready else "red", bold=True)
    path = clean(result.letter.path)
    lines = [
        f"{path}: {head} — {counts['covered']} covered, {counts['partial']} partial, "
        f"{counts['missing']} missing ({result.mandate.resolution}, letter in "
        f"{result.letter.language})"
    ]
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
