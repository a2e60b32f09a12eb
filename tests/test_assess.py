"""Verdicts from labels: covered, partial (passing mention or a part missing), missing."""

from pathlib import Path

from mandate.models import Status
from mandate.pipeline import check
from mandate.rules import find_mandate

REQUEST = (
    "标题\n\n谨提及安全理事会第2480(2019)号决议,安理会在该决议中要求我提交一封信函,"
    "重点说明:(a) 甲;(b) 乙。\n\n"
)
CLOSING = "请提请安全理事会成员注意本信为荷。\n\n某某(签名)\n"


def _verdicts(tmp_path: Path, body: str) -> dict:
    path = tmp_path / "l.txt"
    path.write_text(REQUEST + body + "\n\n" + CLOSING, encoding="utf-8")
    result = check(path, find_mandate("2480"))
    return {v.id: v for v in result.assessment.verdicts}


def test_passing_mention_is_partial(tmp_path):
    body = (
        "稳定团继续支持选举进程，向国家选举机构提供后勤和技术援助，协助分发选举材料，并与开发署合作"
        "培训选举工作人员；由于旅行限制，部分轮调推迟。"
    )
    verdict = _verdicts(tmp_path, body)["a.rotations"]
    assert verdict.status is Status.PARTIAL
    assert (
        "in passing" in verdict.reason and verdict.evidence and not verdict.evidence[0].substantive
    )


def test_exit_strategy_without_its_conditions_is_partial(tmp_path):
    body = "稳定团的撤出战略仍在拟订之中，稳定团将逐步撤出并重组其存在，最终撤出马里北部。"
    verdict = _verdicts(tmp_path, body)["b.exit-strategy"]
    assert verdict.status is Status.PARTIAL
    assert verdict.missing_parts == ["conditions"]


def test_exit_strategy_with_conditions_is_covered(tmp_path):
    body = (
        "稳定团的撤出战略取决于一系列政治和安全条件，包括《协议》的全面执行；"
        "稳定团将根据这些基准逐步撤出并重组其存在。"
    )
    assert _verdicts(tmp_path, body)["b.exit-strategy"].status is Status.COVERED


def test_nothing_is_missing_with_the_words_set_aside_named(tmp_path):
    body = "为防止疫情蔓延而实行的旅行限制影响到空中业务。对机组人员轮调的限制导致飞行时数减少。"
    verdict = _verdicts(tmp_path, body)["a.rotations"]
    assert verdict.status is Status.MISSING
    assert verdict.why.kind == "nothing"
    assert [(a.term, a.kind, a.phrase) for a in verdict.why.set_aside] == [
        ("人员轮调", "excluded", "机组人员轮调")
    ]
    assert verdict.reason == (
        "Nothing in the letter answers it. "
        "A word found but not counted: “人员轮调” (part of “机组人员轮调”)."
    )
