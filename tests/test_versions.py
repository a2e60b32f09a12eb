"""Facts read the same whatever the language writes them, and alignment does not use words."""

from __future__ import annotations

import pytest

from mandate.models import Document, Paragraph, Role, Section
from mandate.versions import compare_versions, facts


def keys(text: str, lang: str) -> list[str]:
    return [f.key for f in facts(text, lang) if not f.soft]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("zh", "协助 3 120 名流离失所者返回", ["N:3120"]),
        ("en", "helped 3,120 displaced persons return", ["N:3120"]),
        ("fr", "a aidé 3 120 personnes déplacées", ["N:3120"]),
        ("es", "ayudó a 3.120 desplazados", ["N:3120"]),
        ("ru", "помогла 3 120 перемещенным лицам", ["N:3120"]),
        ("ar", "ساعدت ٣١٢٠ من المشردين", ["N:3120"]),
        ("ar", "ساعدت ٣٬١٢٠ من المشردين", ["N:3120"]),
        ("fr", "30 véhicules (5,5 %) sont en réparation", ["N:30", "N:5.5"]),
        ("es", "30 vehículos (5,5 %) están en reparación", ["N:30", "N:5.5"]),
        ("ru", "30 машин (5,5 процента) находятся в ремонте", ["N:30", "N:5.5"]),
        ("en", "30 (5.5 per cent) are under repair", ["N:30", "N:5.5"]),
        ("ar", "30 مركبة (٥٫٥ في المائة) قيد الإصلاح", ["N:30", "N:5.5"]),
    ],
)
def test_numbers_in_each_language_format(lang: str, text: str, expected: list[str]) -> None:
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "2020年6月1日"),
        ("en", "1 June 2020"),
        ("fr", "1er juin 2020"),
        ("es", "1 de junio de 2020"),
        ("ru", "1 июня 2020 года"),
        ("ar", "1 حزيران/يونيه 2020"),
    ],
)
def test_one_date_in_six_languages(lang: str, text: str) -> None:
    assert sorted(keys(text, lang)) == ["M:6", "N:1", "N:2020"]


def test_a_date_in_arabic_indic_digits_is_shown_as_written() -> None:
    found = facts("١ حزيران/يونيه ٢٠٢٠", "ar")
    assert sorted((f.key, f.text) for f in found if f.key.startswith("N:")) == [
        ("N:1", "١"),
        ("N:2020", "٢٠٢٠"),
    ]


def test_symbols_are_kept_whole_and_their_digits_are_no_figures() -> None:
    found = facts("如同我在最近的报告(S/2020/223 和 S/2020/476)中所述", "zh")
    assert [(f.kind, f.text) for f in found] == [
        ("symbol", "S/2020/223"),
        ("symbol", "S/2020/476"),
    ]


def test_a_bracketed_figure_is_a_marked_figure() -> None:
    (found,) = facts("该股正在调查总共[618]起案件", "zh")
    assert (found.key, found.marked) == ("N:618", True)


def _document(lang: str, sections: list[tuple[str | None, list[str]]]) -> Document:
    paragraphs: list[Paragraph] = []
    out: list[Section] = []
    for s, (heading, texts) in enumerate(sections):
        indices = []
        for text in texts:
            index = len(paragraphs) + 1
            paragraphs.append(
                Paragraph(index=index, section=s, role=Role.BODY, text=text, line=index)
            )
            indices.append(index)
        out.append(Section(index=s, heading=heading, kind="body", paragraphs=indices))
    return Document(
        path=f"x.{lang}",
        format="text",
        encoding="utf-8",
        language=lang,
        sections=out,
        paragraphs=paragraphs,
    )


def test_alignment_survives_a_dropped_section_and_reports_a_changed_figure() -> None:
    a = _document(
        "en",
        [
            ("One", ["Since 2013, 550 vehicles: 479 in use and 41 broken (S/2020/476)."]),
            ("Two", ["On 12 March, 24 units were evaluated; 17 submitted plans."]),
            ("Three", ["A paragraph that carries 3,120 returnees."]),
        ],
    )
    b = _document(
        "fr",
        [
            (
                "Un",
                ["Depuis 2013, 550 véhicules : 479 en service et 14 hors d'usage (S/2020/476)."],
            ),
            ("Trois", ["Un paragraphe qui compte 3 120 rapatriés."]),
        ],
    )
    v = compare_versions(a, b)
    assert [s.heading for s in v.sections_only_a] == ["Two"]
    (d,) = v.differences
    assert (d.kind, d.change, d.a, d.b, d.a_paragraph, d.b_paragraph) == (
        "figure",
        "changed",
        "41",
        "14",
        1,
        1,
    )


def test_digits_that_name_things_are_no_figures() -> None:
    assert keys("COVID-19, G5 et كوفيد-19", "fr") == []
    assert keys("2019-2020", "fr") == ["N:2019", "N:2020"]


def test_a_month_without_its_day_is_a_date() -> None:
    assert keys("3月，一个运输护卫连", "zh") == ["M:3"]
    assert sorted(keys("2019 年 11 月举办", "zh")) == ["M:11", "N:2019"]


def test_number_words_only_confirm() -> None:
    (five,) = facts("five improvised explosive devices", "en")
    assert (five.key, five.soft) == ("N:5", True)
