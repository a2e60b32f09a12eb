"""Readiness, computed in one place: the banner, the terminal, the batch index, the diff and the
exit code all ask this module, so they can never disagree.

A letter is ready when every element is covered (or its gap waived) and no unwaived finding reaches
the ``--fail-on`` level. What blocks it is listed: gaps first, in the request's order, then findings
in letter order.
"""

from __future__ import annotations

from mandate.models import Blocker, FailOn, Finding, Readiness, Status, Verdict, trusted

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def blocks(finding: Finding, fail_on: FailOn) -> bool:
    """Whether one finding stops submission at this --fail-on level."""
    if finding.waived or fail_on == "never":
        return False
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on]


def readiness(verdicts: list[Verdict], findings: list[Finding], fail_on: FailOn) -> Readiness:
    """Ready, coverage complete, and the list of what blocks submission."""
    # Built from the checker's own validated models (``trusted``): a long letter has tens of
    # thousands of findings, and validating a blocker for each was a tenth of writing its JSON.
    gaps = [
        trusted(
            Blocker,
            kind="gap",
            element=v.id,
            status=v.status,
            finding=None,
            rule=None,
            severity=None,
            section=None,
            paragraph=None,
        )
        for v in verdicts
        if v.status is not Status.COVERED and not v.waived
    ]
    stopping = [
        trusted(
            Blocker,
            kind="finding",
            element=None,
            status=None,
            finding=i,
            rule=f.rule,
            severity=f.severity,
            section=f.section,
            paragraph=f.paragraph,
        )
        for i, f in enumerate(findings)
        if blocks(f, fail_on)
    ]
    return Readiness(
        ready=not gaps and not stopping,
        coverage_complete=not gaps,
        fail_on=fail_on,
        blocking=gaps + stopping,
    )
