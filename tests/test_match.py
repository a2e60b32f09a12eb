"""The classifier's fine print: context, exclusions, deferrals, overlaps, scores, headings."""

import pytest

from mandate.match import matcher_for, score
from mandate.models import Hit, Source
from mandate.read import split_blocks
from mandate.rules import find_mandate
from mandate.segment import segment


@pytest.fixture(scope="module")
def zh():
    return matcher_for(find_mandate("2480"), "zh")


@pytest.fixture(scope="module")
def en():
    return matcher_for(find_mandate("2480"), "en")


def _counted(hits, element):
    return [h.term for h in hits.get(element, []) if h.counted]


def test_aircrew_rotations_are_not_rotations(zh, en):
    hits, _ = zh.hits("对机组人员轮调、专门维修队和备件再补给的限制，导致飞行时数减少。")
    assert _counted(hits, "a.rotations") == []
    assert hits["a.rotations"][0].why_not == "part of “机组人员轮调”"
    hits, _ = en.hits("Restrictions on aircrew rotations reduced flight hours.")
    assert _counted(hits, "a.rotations") == []


def test_rotations_of_contingents_count(zh):
    hits, _ = zh.hits("两个步兵营完成了换防，另有一个特遣队的轮调推迟。")
    assert {"换防", "轮调"} <= set(_counted(hits, "a.rotations"))


def test_a_word_that_needs_context_counts_only_with_it(zh):
    # 撤出 is the Mission's exit only where the sentence speaks of the Mission.
    hits, _ = zh.hits("国家当局决定撤出该地区的行政人员。")
    assert "撤出" not in _counted(hits, "b.exit-strategy")
    hits, _ = zh.hits("稳定团的撤出应取决于安全条件。")
    assert "撤出" in _counted(hits, "b.exit-strategy")


def test_national_forces_withdrawal_is_excluded(zh):
    hits, _ = zh.hits("马里稳定团加紧努力来保护国家武装部队撤出地区的平民。")
    assert _counted(hits, "b.exit-strategy") == []


def test_coordinated_un_response_is_not_security_coordination(zh, en):
    hits, _ = zh.hits("它仍然是确保利用联合国系统内的相对优势作出协调反应的重要协调工具。")
    assert _counted(hits, "a.security-coordination") == []
    hits, _ = en.hits(
        "The framework ensures a coordinated United Nations response to the pandemic."
    )
    assert _counted(hits, "a.security-coordination") == []
    hits, _ = en.hits("Coordination with the Malian defence and security forces improved.")
    assert "coordination" in _counted(hits, "a.security-coordination")


def test_a_promise_of_later_information_is_not_an_answer(zh, en):
    hits, _ = zh.hits("关于部队轮调的信息将在我的下一份报告中提供。")
    assert _counted(hits, "a.rotations") == []
    assert "promises" in hits["a.rotations"][0].why_not
    hits, _ = en.hits("Information on rotations will be provided in my next report.")
    assert _counted(hits, "a.rotations") == []


def test_security_council_is_a_name_not_a_security_word(zh):
    hits, _ = zh.hits("安全理事会成员。")
    assert hits.get("a.security-challenges", []) == []


def test_longest_overlapping_term_wins(zh):
    hits, _ = zh.hits("综合战略框架的实施继续。")
    assert _counted(hits, "b.integrated-strategic-framework") == ["综合战略框架"]


def test_score_counts_repeats_at_half_and_never_more_than_distinct():
    def hit(term, weight=2.0, counted=True):
        return Hit(term=term, start=0, end=1, weight=weight, counted=counted)

    assert score([hit("a"), hit("b", 3)]) == 5
    assert score([hit("a"), hit("a"), hit("a")]) == 2 + 2  # repeats capped at the distinct sum
    assert score([hit("a"), hit("a")]) == 3
    assert score([hit("a", counted=False)]) == 0


def test_heading_alone_makes_no_label(zh):
    text = (
        "标题\n\n谨提及安全理事会第2480(2019)号决议,安理会要求我提交一封信函,重点说明:(a) 甲;(b) 乙。\n\n"
        "部队轮调\n\n稳定团继续与当局开展对话，支持选举进程，并向民间社会提供援助。\n"
    )
    doc = segment(Source(path="t", format="txt", encoding="utf-8", blocks=split_blocks(text)))
    result = zh.classify(doc)
    section = next(s for s in result.sections if s.section == 1)
    assert "a.rotations" in section.heading_elements
    assert "a.rotations" not in section.elements


def test_no_bundled_cue_term_is_one_that_never_counts():
    from mandate.authoring import check as check_rules

    errors = [p for p in check_rules(find_mandate("2480")) if p.level == "error"]
    assert errors == []


@pytest.mark.parametrize(
    ("lang", "text", "promise"),
    [
        ("en", "Information on rotations will be provided in my next report.", True),
        (
            "en",
            "The Mission will set benchmarks for the withdrawal with the Government and the "
            "Malian defence and security forces, and will report on them in my next letter.",
            False,
        ),
        ("zh", "关于部队轮调的信息将在我的下一份报告中提供。", True),
        (
            "zh",
            "稳定团正在与马里当局为撤出的每项条件制定衡量基准，今后每封信函将据此评估进展。",
            False,
        ),
    ],
)
def test_one_deferral_decision_for_hits_and_scores(lang, text, promise):
    """Whether a sentence only promises is decided once per passage: the hits set aside as
    deferrals are exactly those inside the promised sentences the scores are discounted for."""
    matcher = matcher_for(find_mandate("2480"), lang)
    passage = matcher.passage(text)
    assert bool(passage.promised) is promise
    hits = [h for hs in passage.hits.values() for h in hs]
    assert hits
    for hit in hits:
        inside = any(a <= hit.start < b for a, b in passage.promised)
        assert (hit.aside == "deferral") is (inside and hit.aside not in ("excluded", "context"))


def test_a_cue_does_not_count_in_a_sentence_that_speaks_of_what_it_is_without(en):
    hits, _ = en.hits(
        "The chairmanship of the monitoring committee passed to the next member under the "
        "agreed rotation."
    )
    assert _counted(hits, "a.rotations") == []
    assert "chairmanship" in hits["a.rotations"][0].why_not
    hits, _ = en.hits("The rotation of two battalions was completed in May.")
    assert "rotation" in _counted(hits, "a.rotations")
