"""The evaluation corpus as a regression test: every verdict right, every truth label found."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import evaluate


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


# Known and not yet mended (each named, so a new one or a mended one fails the test). The last
# two of the tuned batches (an element named in a relative clause of a sentence about something
# else, 2480-r5 05 ru and 2531-r4 05 ar) were mended by the rule that words only in a clause that
# sets the scene do not make a passage's subject.
# The held-out batch heldout-r6, scored at the end of a session (its SCORES.md): an element named
# in a sentence that says only that work on it is under way or watched ("fait l'objet d'un suivi",
# 仍在进行之中), beside a word of the element's family in a sentence about something else.
KNOWN_FALSE_COVERED: dict[str, set[tuple[str, str]]] = {
    "heldout-r6": {
        ("2480-r6-03-numbered-paras-bare-premature.zh.txt", "a.force-performance"),
        ("2531-r6-03-numbered-headings-light-security.fr.txt", "b.performance"),
    },
    # Round 7, recorded before tuning (42f9efd): an element named in a sentence that says only that
    # work on it goes on, and a word shared by several elements in one paragraph.
    "2480-r7a": {
        (
            "2480-r7-01-unannounced-headings-multi-element-para.zh.txt",
            "b.integrated-strategic-framework",
        ),
        ("2480-r7-02-numbered-paras-status-sentences-dash-list.en.txt", "a.security-coordination"),
    },
    "2480-r7b": {
        ("2480-r7-05-roman-oblique-headings-table-rotations.es.txt", "a.security-coordination"),
        (
            "2480-r7-08-unheaded-prose-multi-element-premature-conditions.zh.txt",
            "b.integrated-strategic-framework",
        ),
    },
}


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
