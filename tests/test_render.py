"""Renderers: the JSON contract, a deterministic and escaped HTML report, the terminal lines."""

import json

import pytest
from jinja2 import UndefinedError
from lettercraft import ELEMENTS_2480, SEED

from mandate.files import write_output
from mandate.pipeline import check
from mandate.render.html import environment, pieces, render_html
from mandate.render.json import render_json, render_json_chunks
from mandate.render.text import render_text


@pytest.fixture(scope="module")
def seed_check():
    return check(SEED, "2480")


def test_json_written_in_pieces_is_the_same_json(seed_check, tmp_path):
    """A long letter's JSON is written a verdict and a finding at a time: byte for byte the
    document serialized whole, with findings or without."""
    from dataclasses import replace

    for result in (seed_check, replace(seed_check, findings=[])):
        pieces = list(render_json_chunks(result))
        assert len(pieces) > len(result.assessment.verdicts)
        assert b"".join(pieces) == render_json(result).encode("utf-8")
    target = tmp_path / "out.json"
    write_output(target, render_json_chunks(seed_check))
    assert target.read_bytes() == render_json(seed_check).encode("utf-8")


def test_json_contract(seed_check):
    data = json.loads(render_json(seed_check))
    assert set(data) >= {"letter", "mandate", "ready", "requirements", "sections", "findings"}
    # Readiness: every element covered, and the five errors are what blocks submission.
    assert data["ready"] is False and data["coverage_complete"] is True
    blocking = data["blocking"]
    assert [b["kind"] for b in blocking] == ["finding"] * 5
    assert sorted(b["rule"] for b in blocking) == ["page-break"] + ["placeholder"] * 4
    for b in blocking:
        assert data["findings"][b["finding"]]["severity"] == "error"
        assert data["findings"][b["finding"]]["paragraph"] == b["paragraph"]
    assert set(data["letter"]) >= {"path", "language", "encoding"}
    assert set(data["mandate"]) >= {"id", "resolution"}
    assert [r["id"] for r in data["requirements"]] == ELEMENTS_2480
    for req in data["requirements"]:
        assert req["status"] in {"covered", "partial", "missing"}
        for ev in req["evidence"]:
            assert isinstance(ev["section"], int) and isinstance(ev["paragraph"], int)
            assert isinstance(ev["text"], str) and all(isinstance(t, str) for t in ev["terms"])
    for section in data["sections"]:
        assert set(section) >= {"index", "heading", "requirements"}
    for finding in data["findings"]:
        assert finding["severity"] in {"error", "warning", "info"}
        assert set(finding) >= {"rule", "section", "paragraph", "excerpt", "message"}


def test_html_is_deterministic_and_self_contained(seed_check):
    first, second = render_html(seed_check), render_html(check(SEED, "2480"))
    assert first == second
    assert "http://" not in first.replace("http-equiv", "") and "https://" not in first
    assert "<script" not in first and "Content-Security-Policy" in first


def test_html_escapes_letter_text(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace(
        "部队轮调\n\n", "部队轮调\n\n<b onmouseover=x>&amp;"
    )
    path = tmp_path / "l.txt"
    path.write_text(text, encoding="utf-8")
    html = render_html(check(path, "2480"))
    assert "<b onmouseover" not in html and "&lt;b onmouseover=x&gt;&amp;amp;" in html


def test_templates_fail_loudly_on_undefined_names():
    template = environment().from_string("{{ v.nothing_here }}")
    with pytest.raises(UndefinedError):
        template.render(v={})


def test_pieces_split_highlights():
    assert [(p.text, p.hit) for p in pieces("abcdef", [(1, 3), (2, 4)])] == [
        ("a", False),
        ("bc", True),
        ("d", True),
        ("ef", False),
    ]
    assert [(p.text, p.hit) for p in pieces("xyz", [(10, 12)], offset=9)] == [
        ("x", False),
        ("yz", True),
    ]


def test_report_language_follows_the_letter_or_the_option(seed_check):
    assert 'lang="zh"' in render_html(seed_check)
    html = render_html(seed_check, lang="en")
    assert 'lang="en"' in html and "Not ready to submit" in html


def test_text_lines(seed_check):
    lines = render_text(seed_check)
    import click

    first = click.unstyle(lines[0])
    assert "NOT READY — all 8 elements covered; 5 errors block submission" in first
    assert sum(1 for line in lines if "placeholder" in line) == 4


def test_outputs_are_written_whole_and_leave_no_temporary_file(tmp_path):
    target = tmp_path / "out" / "r.html"
    write_output(target, "one")
    write_output(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["r.html"]


def test_written_files_follow_the_umask(tmp_path):
    import os

    target = tmp_path / "r.html"
    write_output(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
