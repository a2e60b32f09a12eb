"""The evaluation corpus as a regression test: every verdict right, every truth label found."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import evaluate
import pytest


def test_every_verdict_on_the_corpus_is_right():
    cases = evaluate.corpus()
    assert len(cases) >= 50
    evaluate.judge(cases)
    ours = evaluate.scores(cases, "ours")
    wrong = [
        (c.name, e, t, c.predicted[e])
        for c in cases
        for e, t in c.verdicts.items()
        if not evaluate._right(t, c.predicted[e])
    ]
    assert wrong == []
    assert ours["sections"][1] == 1.0  # recall: no section loses a label it should carry
    base = evaluate.scores(cases, "baseline")
    assert base["right"] < ours["right"]  # the baseline is a real comparison, not a strawman of 0


# Known and not yet mended (each named, so a new one or a mended one fails the test; see
# test_the_known_false_covered_is_still_wrong below): the operations of the Mission named in a
# relative clause and an adverbial phrase of a long sentence about armed groups ("in the districts
# where the Mission had set up temporary bases, armed groups return once the patrols leave").
# And langcontent's, from its 2531-r4 SCORES.md: a merged heading over a passing clause (the
# section rule).
KNOWN_FALSE_COVERED = {
    "2480-r5": {("2480-r5-05-unannounced-headings-passive-deferral.ru.txt", "a.operations")},
    "2531-r4": {("2531-r4-05-plain-headings-mislabelled.ar.txt", "c.transition-plan")},
}


@pytest.mark.xfail(strict=True, reason="a passing mention in a relative clause (issue 13)")
def test_the_known_false_covered_is_still_wrong():
    batch = next(b for b in evaluate.blind_batches() if b.name == "2480-r5")
    evaluate.judge_blind(batch)
    assert batch.false_covered() == []


def test_no_blind_letter_gets_a_false_covered():
    """Letters nobody here wrote: whatever else slips, never "covered" for what is not."""
    batches = evaluate.blind_batches()
    assert {b.name for b in batches} >= {
        "2480",
        "2480-esruar",
        "2531",
        "2480-r3-enfr",
        "2480-r3-zhesruar",
        "2531-r2",
    }
    for batch in batches:
        assert batch.before, f"{batch.name}: the before-tuning score must be recorded"
        evaluate.judge_blind(batch)
        false = {(name, e) for name, e, _, _ in batch.false_covered()}
        assert false == KNOWN_FALSE_COVERED.get(batch.name, set()), batch.name
    first = next(b for b in batches if b.name == "2480")
    assert first.total() - len(first.wrong()) > first.before["right"]  # tuning helped
