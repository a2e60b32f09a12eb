"""Readiness is computed in one place: coverage and unwaived findings at the --fail-on level."""

from mandate.models import Finding, Status, Verdict
from mandate.readiness import readiness


def _verdict(id_: str, status: Status, waived: bool = False) -> Verdict:
    return Verdict(id=id_, item="a", status=status, reason="", evidence=[], waived=waived)


def _finding(severity: str, waived: bool = False) -> Finding:
    return Finding(
        rule="x", severity=severity, section=1, paragraph=3, excerpt="", message="", waived=waived
    )


def test_covered_and_no_error_is_ready():
    r = readiness([_verdict("a.x", Status.COVERED)], [_finding("warning")], "error")
    assert r.ready and r.coverage_complete and r.blocking == []


def test_an_error_blocks_even_with_coverage_complete():
    r = readiness([_verdict("a.x", Status.COVERED)], [_finding("error")], "error")
    assert not r.ready and r.coverage_complete
    assert [(b.kind, b.finding, b.paragraph) for b in r.blocking] == [("finding", 0, 3)]


def test_a_gap_blocks_with_no_finding_at_all():
    r = readiness([_verdict("a.x", Status.MISSING)], [], "never")
    assert not r.ready and not r.coverage_complete
    assert [(b.kind, b.element, b.status) for b in r.blocking] == [("gap", "a.x", "missing")]


def test_fail_on_levels_and_waivers():
    covered = [_verdict("a.x", Status.COVERED)]
    assert not readiness(covered, [_finding("warning")], "warning").ready
    assert readiness(covered, [_finding("info")], "warning").ready
    assert readiness(covered, [_finding("error")], "never").ready
    assert readiness(covered, [_finding("error", waived=True)], "error").ready
    assert readiness([_verdict("a.x", Status.PARTIAL, waived=True)], [], "error").ready
