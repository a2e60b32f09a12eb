"""A long letter's match step on two cores answers exactly what one core does."""

from __future__ import annotations

from pathlib import Path

import pytest
from lettercraft import ROOT, SEED

from mandate import twocores
from mandate.match import classify
from mandate.pipeline import check
from mandate.read import read
from mandate.rules import find_mandate
from mandate.segment import recognise_request, segment

LETTERS = [SEED, *sorted((ROOT / "corpus").rglob("*.txt"))[::7]]


def _document(path: Path, mandate):
    document = segment(read(path))
    return recognise_request(document, mandate.request.get(document.language), mandate.number)


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.name)
def test_two_halves_classify_as_the_whole_letter(path, monkeypatch):
    monkeypatch.setattr(twocores, "_BATCH", 2)  # the child's answer comes back in many frames
    mandate = check(path).mandate
    if path.name.split(".")[-2] not in mandate.languages:
        pytest.skip("no vocabulary")
    document = _document(path, mandate)
    cut = twocores._cut(document, 0)
    if cut is None:
        pytest.skip("one section of body text")
    whole = classify(document, mandate)
    halves = twocores.classify_long(document, mandate, min_chars=0)
    assert halves.model_dump() == whole.model_dump()
    assert [p.paragraph for p in halves.paragraphs] == [p.paragraph for p in whole.paragraphs]


def test_a_failed_child_leaves_the_work_to_the_parent(monkeypatch):
    mandate = find_mandate("2480")
    document = _document(SEED, mandate)
    whole = classify(document, mandate)

    def broken(found):
        raise RuntimeError("the child fails")

    monkeypatch.setattr(twocores, "_frames", broken)
    assert twocores.classify_long(document, mandate, min_chars=0) == whole


def test_short_letters_and_threaded_processes_stay_on_one_core(monkeypatch):
    mandate = find_mandate("2480")
    document = _document(SEED, mandate)
    assert twocores._cut(document, twocores.MIN_CHARS) is None  # 17 KB
    assert twocores._cut(document, 0) is not None
    monkeypatch.setattr(twocores.threading, "active_count", lambda: 2)
    assert twocores._cut(document, 0) is None


def test_a_busy_machine_keeps_the_check_on_one_core(monkeypatch):
    mandate = find_mandate("2480")
    document = _document(SEED, mandate)
    whole = classify(document, mandate)
    forks = []
    real = twocores._forked
    monkeypatch.setattr(twocores, "_forked", lambda work: forks.append(1) or real(work))
    monkeypatch.setattr(twocores, "MIN_CHARS", 0)
    monkeypatch.setattr(twocores.os, "sched_getaffinity", lambda pid: {0, 1})
    for load, forked in ((3.2, 0), (0.4, 1)):
        monkeypatch.setattr(twocores.os, "getloadavg", lambda load=load: (load, load, load))
        assert twocores.classify_long(document, mandate) == whole
        assert len(forks) == forked


def test_the_child_also_lints_while_the_parent_assesses_and_the_answer_is_the_same(
    monkeypatch,
):
    from mandate.assess import assess
    from mandate.lint import lint

    monkeypatch.setattr(twocores, "_BATCH", 2)  # findings come back in many frames too
    mandate = find_mandate("2480")
    document = _document(SEED, mandate)
    whole, findings = classify(document, mandate), lint(document, mandate)
    assessment = assess(document, mandate, whole)
    assert len(findings) > 2
    halves, assessed, linted = twocores.match_assess_lint(
        document, mandate, assess, lint, min_chars=0
    )
    assert halves.model_dump() == whole.model_dump()
    assert assessed.model_dump() == assessment.model_dump()
    assert [f.model_dump() for f in linted] == [f.model_dump() for f in findings]

    def broken(found):
        raise RuntimeError("the child fails")

    monkeypatch.setattr(twocores, "_frames", broken)
    again = twocores.match_assess_lint(document, mandate, assess, lint, min_chars=0)
    assert again == (whole, assessment, findings)


def test_a_child_that_fails_after_its_labels_leaves_the_lint_to_the_parent(monkeypatch):
    from mandate.assess import assess
    from mandate.lint import lint

    mandate = find_mandate("2480")
    document = _document(SEED, mandate)
    whole, findings = classify(document, mandate), lint(document, mandate)
    in_child = []

    def failing(document, mandate):  # in the child the lint fails; in the parent it works
        if in_child:
            raise RuntimeError("the child's lint fails")
        return lint(document, mandate)

    real = twocores._forked

    def forked(work):
        def marked():
            in_child.append(1)  # runs only in the child: the parent's list stays empty
            yield from work()

        return real(marked)

    monkeypatch.setattr(twocores, "_forked", forked)
    found, _assessed, linted = twocores.match_assess_lint(
        document, mandate, assess, failing, min_chars=0
    )
    assert found == whole and linted == findings
    assert not in_child


def test_with_the_lint_the_parent_takes_the_larger_share():
    mandate = find_mandate("2480")
    document = _document(SEED, mandate)
    half, more = twocores._cut(document, 0), twocores._cut(document, 0, twocores.LINT_SHARE)
    assert half is not None and more is not None and more >= half


def test_full_collections_are_held_off_only_in_a_long_letter_and_come_back(monkeypatch):
    import gc

    mandate = find_mandate("2480")
    document = _document(SEED, mandate)
    before = gc.get_threshold()
    with twocores.no_full_collections(document):  # 17 KB: nothing changes
        assert gc.get_threshold() == before
    monkeypatch.setattr(twocores, "MIN_CHARS", 0)
    with twocores.no_full_collections(document):
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] > before[2]
    assert gc.get_threshold() == before
    monkeypatch.setattr(twocores.threading, "active_count", lambda: 2)
    with twocores.no_full_collections(document):  # another thread may be collecting: untouched
        assert gc.get_threshold() == before


def test_a_long_letters_objects_are_out_of_the_collectors_sight_while_its_report_is_written(
    monkeypatch,
):
    import gc

    mandate = find_mandate("2480")
    document = _document(SEED, mandate)
    before = gc.get_freeze_count()
    with twocores.frozen_after(document):  # 17 KB: nothing changes
        assert gc.get_freeze_count() == before
    monkeypatch.setattr(twocores, "MIN_CHARS", 0)
    with twocores.frozen_after(document):
        assert gc.get_freeze_count() > before
    assert gc.get_freeze_count() == before  # given back
    monkeypatch.setattr(twocores.threading, "active_count", lambda: 2)
    with twocores.frozen_after(document):  # a server's threads: untouched
        assert gc.get_freeze_count() == before
