"""Every pathological input of `make stress` finishes (a generous ceiling, not a benchmark: the
figures are printed by `make stress`). A hang or a quadratic step would blow the ceiling."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from mandate.pipeline import check

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import stress

CEILING_S = 60.0  # each input takes about a second here; a quadratic step took minutes
PATHOLOGICAL = [
    stress.cue_paragraph,
    stress.units_commas,
    stress.digit_run,
    stress.short_lines,
    stress.placeholders,
    stress.huge_number,
    stress.long_paragraph,
]


@pytest.mark.parametrize("make", PATHOLOGICAL, ids=lambda f: f.__name__)
def test_pathological_input_finishes(make, tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(make(stress.SIZE), encoding="utf-8")
    start = time.process_time()  # CPU time: the shared machine's load does not count
    result = check(path, "2480")
    elapsed = time.process_time() - start
    assert elapsed < CEILING_S, f"{make.__name__}: {elapsed:.1f} s"
    assert result.assessment.verdicts  # checked, not refused


def test_short_lines_are_not_one_paragraph(tmp_path):
    """Short lines between blank lines, none ending in 。: paragraphs of their own, no false
    page-break warnings (the text gives no sign of a page)."""
    path = tmp_path / "letter.txt"
    path.write_text(stress.short_lines(60_000), encoding="utf-8")
    result = check(path, "2480")
    assert len(result.document.paragraphs) > 400  # 60 KB of 127-byte lines: about 470
    assert not [f for f in result.findings if f.rule == "page-break"]


def test_placeholders_beyond_fifty_in_a_paragraph_are_counted_in_one_finding(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(stress.placeholders(30_000), encoding="utf-8")
    found = [f for f in check(path, "2480").findings if f.rule == "placeholder"]
    assert len(found) == 51
    more = [f for f in found if f.code == "placeholder.more"]
    assert len(more) == 1 and "more placeholders" in more[0].message, more
