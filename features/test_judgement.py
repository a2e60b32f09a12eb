"""Steps of the judgement feature: naming, deferral, word forms, lists, PDF layouts, suggestions."""

from __future__ import annotations

import yaml
from lettercraft import ROOT, SEED, SEED_HEADINGS, blocks, join, section_span, to_styled_pdf
from pytest_bdd import given, parsers, scenarios, then, when

from mandate.assess import reason_text
from mandate.models import Status
from mandate.pipeline import check
from mandate.rules import find_mandate
from mandate.suggest import suggest

scenarios("judgement.feature")

CORPUS = ROOT / "corpus" / "letters"
LETTERS = {
    "Chinese": ("zh", SEED, SEED_HEADINGS),
    "English": ("en", CORPUS / "2480-2020-06-01.en.txt", None),
    "French": ("fr", CORPUS / "2480-2020-06-01.fr.txt", None),
}
SECTIONS = {  # the section each topic has in each rendering
    "rotations": {"zh": "部队轮调", "en": "Rotation of troops", "fr": "Relève des contingents"},
    "framework": {
        "zh": "执行综合战略框架和过渡计划",
        "en": "Implementation of the integrated strategic framework and the transition plan",
        "fr": "Mise en œuvre du cadre stratégique intégré et du plan de transition",
    },
    "exit": {
        "zh": "稳定团可能的长期撤出战略",
        "en": "A possible long-term exit strategy for the Mission",
        "fr": "Éventuelle stratégie de sortie à long terme de la Mission",
    },
}
LAYOUTS = {
    "headings set apart by size alone and paragraphs by small gaps": {
        "heading_size": 12.5,
        "paragraph_gap": 3,
    },
    "headings set apart by a bold face alone and justified text": {
        "font": "Helvetica",
        "heading_font": "Helvetica-Bold",
        "paragraph_gap": 3,
        "justify": True,
    },
    "headings set apart by spacing alone and first-line indents": {
        "heading_space": 10,
        "indent": 20,
    },
}


def _parts(language: str) -> tuple[str, list[str], list[str]]:
    code, path, headings = LETTERS[language]
    if headings is None:
        labels = path.with_name(path.name.replace(".txt", ".labels.yaml"))
        headings = list(yaml.safe_load(labels.read_text(encoding="utf-8"))["sections"])
    return code, blocks(path.read_text(encoding="utf-8")), headings


def _write(ctx: dict, text: str) -> None:
    path = ctx["tmp"] / "letter.txt"
    path.write_text(text, encoding="utf-8")
    ctx["letter"] = path


def _replace(language: str, topic: str, new: list[str]) -> str:
    code, parts, headings = _parts(language)
    start, end = section_span(parts, SECTIONS[topic][code], headings, 2)
    return join([*parts[: start + 1], *new, *parts[end:]])


def _verdict(ctx: dict, element: str):
    return next(v for v in ctx["check"].assessment.verdicts if v.id == element)


@given(parsers.parse('the {language} letter whose {topic} section only says "{sentence}"'))
def section_says(ctx: dict, language: str, topic: str, sentence: str) -> None:
    ctx["language"] = language
    _write(ctx, _replace(language, topic, [sentence]))


@given(
    parsers.parse(
        'the {language} letter whose {topic} section only says "{sentence}" and that has no '
        "{other} section"
    )
)
def section_says_without(ctx: dict, language: str, topic: str, sentence: str, other: str) -> None:
    code, parts, headings = _parts(language)
    start, end = section_span(parts, SECTIONS[topic][code], headings, 2)
    parts = [*parts[: start + 1], sentence, *parts[end:]]
    start, end = section_span(parts, SECTIONS[other][code], headings, 2)
    ctx["language"] = language
    _write(ctx, join(parts[:start] + parts[end:]))


@given(
    parsers.parse(
        'the {language} letter whose rotations section is the list "{lead}" with items "{items}"'
    )
)
def section_list(ctx: dict, language: str, lead: str, items: str) -> None:
    ctx["items"] = [i.strip() for i in items.split(";")]
    _write(ctx, _replace(language, "rotations", [lead, *(f"- {i}" for i in ctx["items"])]))


@given(parsers.parse("the {language} letter printed to PDF with {layout}"))
def printed(ctx: dict, language: str, layout: str) -> None:
    code, parts, headings = _parts(language)
    ctx["text"] = LETTERS[language][1]
    ctx["pdf"] = to_styled_pdf(parts, headings, ctx["tmp"] / "l.pdf", code, **LAYOUTS[layout])


@when(parsers.parse('the desk officer checks the PDF and the text against mandate "{spec}"'))
def check_both(ctx: dict, spec: str) -> None:
    ctx["both"] = [check(ctx["pdf"], spec), check(ctx["text"], spec)]


@when(parsers.parse('the desk officer asks for suggestions against mandate "{spec}"'))
def ask_suggestions(ctx: dict, spec: str) -> None:
    ctx["suggestions"] = suggest([ctx["letter"]], find_mandate(spec))


@then(parsers.re(r"(?P<element>[a-z0-9]+(?:\.[a-z0-9-]+)+) is partial"))
def is_partial(ctx: dict, element: str) -> None:
    assert _verdict(ctx, element).status is Status.PARTIAL


@then(parsers.parse('the reason for {element} in {code} begins "{words}"'))
def reason_begins(ctx: dict, element: str, code: str, words: str) -> None:
    verdict = _verdict(ctx, element)
    text = reason_text(code, verdict.why, ctx["check"].mandate.element(element))
    assert text.startswith(words), text


@then("the evidence for a.rotations quotes every item of the list")
def quotes_items(ctx: dict) -> None:
    strong = [e for e in _verdict(ctx, "a.rotations").evidence if e.substantive]
    assert any(all(item in e.text for item in ctx["items"]) for e in strong)


@then("both have the same sections, section labels and verdicts")
def same_outline(ctx: dict) -> None:
    def outline(result) -> tuple:
        labels = {s.section: s.elements for s in result.classification.sections}
        sections = [(s.heading, labels.get(s.index, [])) for s in result.document.sections]
        verdicts = {v.id: v.status for v in result.assessment.verdicts}
        return [s for s in sections if s[0]], verdicts

    pdf, text = ctx["both"]
    assert outline(pdf) == outline(text)


@then(
    parsers.parse('a rotations paragraph under its heading is suggested with the words "{words}"')
)
def suggested(ctx: dict, words: str) -> None:
    found = [
        s
        for s in ctx["suggestions"]
        if s.element == "a.rotations" and "under a heading that announces it" in s.why
    ]
    assert found, [(s.element, s.why) for s in ctx["suggestions"]]
    wanted = {w.strip() for w in words.split(",")}
    assert wanted <= set(found[0].words), found[0].words
