"""Drafting a rules file from a request paragraph: element titles name their subjects."""

from __future__ import annotations

from pathlib import Path

from mandate.authoring import draft

SEED = Path(__file__).resolve().parent.parent / "examples" / "2480-letter-2020-06-01.zh.txt"


def _request_paragraph() -> str:
    """The seed's restated request: the first paragraph holding the item letters (a) and (b)."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if "(b)" in p]
    return paragraphs[0]


def test_a_chinese_condition_inside_the_subject_leaves_the_subject_whole() -> None:
    # "(b) … 以及稳定团在…情况下可能的撤出战略的最新情况": the clause of conditions sits between
    # the Mission and its exit strategy; cutting at it lost the element to a bare "稳定团".
    titles = [e["title"]["zh"] for e in draft(_request_paragraph(), "zh")["elements"]]
    assert any("撤出战略" in t for t in titles), titles
    assert all("情况下" not in t for t in titles), titles
    assert all(len(t) > 3 for t in titles), titles


def test_an_update_on_is_no_part_of_the_title_where_chinese_puts_it_last() -> None:
    titles = [e["title"]["zh"] for e in draft(_request_paragraph(), "zh")["elements"]]
    assert not any(t.endswith("最新情况") for t in titles), titles
