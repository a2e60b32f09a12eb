"""Steps of mandates.feature: shipped mandates, honest drafting, generic cues, rules list."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml
from lettercraft import FIXTURES, ROOT
from pytest_bdd import given, parsers, scenarios, then, when

from mandate.messages import say
from mandate.models import Status
from mandate.pipeline import check
from mandate.render.html import render_html
from mandate.render.text import render_text
from mandate.rules import load_mandate

sys.path.insert(0, str(ROOT / "scripts"))

scenarios("mandates.feature")

MANDATE_CLI = Path(sys.executable).with_name("mandate")
OPENING = "mandate2531-opening.en.txt"
# What drafted element ids say, and the 2480 element each stands for.
DRAFTED_2480 = {
    "security-challenges": "a.security-challenges",
    "operations": "a.operations",
    "performance": "a.force-performance",
    "rotations": "a.rotations",
    "coordination": "a.security-coordination",
    "framework": "b.integrated-strategic-framework",
    "transition": "b.transition-plan",
    "exit": "b.exit-strategy",
}


def shared_file(name: str) -> Path | None:
    """The shared folder sits beside the clone (CI, /work/main) or beside the worktrees."""
    for folder in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (folder / name).is_file():
            return folder / name
    return None


def _cli(ctx: dict, *args: str) -> None:
    ctx["proc"] = subprocess.run(
        [str(MANDATE_CLI), *args], capture_output=True, text=True, cwd=ctx["tmp"], timeout=300
    )


def _statuses(ctx: dict) -> dict[str, Status]:
    return {v.id: v.status for v in ctx["check"].assessment.verdicts}


# --- The 2531 opening ---------------------------------------------------------------------------


@given(parsers.parse("the opening of the December 2020 letter under resolution 2531 ({source})"))
def opening(ctx: dict, source: str) -> None:
    if source == "our paraphrase":
        path = FIXTURES / "openings" / "2531-opening.en.txt"
    else:
        path = shared_file(OPENING)
        if path is None:
            pytest.skip(f"shared/{OPENING} is not beside this clone")
    ctx["letter"] = path


@then(parsers.parse("the letter was checked against {resolution}"))
def checked_against(ctx: dict, resolution: str) -> None:
    assert ctx["check"].mandate.resolution == resolution


@then(parsers.parse("no element is covered or partial except {elements}"))
def only_these(ctx: dict, elements: str) -> None:
    allowed = {e.strip() for e in elements.split(",")}
    wrong = {
        e: s.value
        for e, s in _statuses(ctx).items()
        if e not in allowed and s is not Status.MISSING
    }
    assert wrong == {}, wrong


@then(parsers.parse("{element} is at most partial"))
def at_most_partial(ctx: dict, element: str) -> None:
    assert _statuses(ctx)[element] is not Status.COVERED


# --- rules list ---------------------------------------------------------------------------------


@when('the mandate team runs "mandate rules list"')
def run_list(ctx: dict) -> None:
    _cli(ctx, "rules", "list")


@then(
    parsers.parse(
        "the output lists {mid} as {resolution}, a {document} in {languages}, due {due}, reviewed"
    )
)
def listed(ctx: dict, mid: str, resolution: str, document: str, languages: str, due: str) -> None:
    line = next((ln for ln in ctx["proc"].stdout.splitlines() if ln.split()[:1] == [mid]), None)
    assert line is not None, ctx["proc"].stdout
    for needed in (resolution, document, languages, due, " yes "):
        assert needed in line, (needed, line)


# --- Drafting -----------------------------------------------------------------------------------


@when('the mandate team runs "mandate rules draft" on that opening')
def draft_opening(ctx: dict) -> None:
    ctx["draft"] = ctx["tmp"] / "drafted.yaml"
    _cli(ctx, "rules", "draft", str(ctx["letter"]), "-o", str(ctx["draft"]))
    assert ctx["proc"].returncode == 0, ctx["proc"].stderr
    assert ctx["proc"].stderr == "", ctx["proc"].stderr  # no library chatter


@then("the drafted file says reviewed: false")
def drafted_unreviewed(ctx: dict) -> None:
    assert load_mandate(ctx["draft"]).reviewed is False
    assert "reviewed: false" in ctx["draft"].read_text(encoding="utf-8")


@then(parsers.parse('its request no longer holds "{formula}"'))
def no_formula(ctx: dict, formula: str) -> None:
    request = load_mandate(ctx["draft"]).request["en"]
    assert formula.lower() not in request.lower(), request
    if "(c)" in ctx["letter"].read_text(encoding="utf-8"):
        assert "(a)" in request and "(c)" in request  # the sub-items are kept


@then(parsers.re(r"no cue term of the drafted file is (?P<words>.+) alone"))
def no_generic_alone(ctx: dict, words: str) -> None:
    banned = set(re.findall(r'"([^"]+)"', words))
    alone = {
        t.lower()
        for e in load_mandate(ctx["draft"]).elements
        for g in e.cues["en"]
        if not g.with_
        for t in g.terms
    }
    assert not banned & alone, banned & alone


@when("the desk officer checks the opening against the drafted rules")
def check_with_draft(ctx: dict) -> None:
    ctx["check"] = check(ctx["letter"], str(ctx["draft"]))


@then(parsers.re(r"no drafted element about (?P<topics>.+) is covered"))
def drafted_not_covered(ctx: dict, topics: str) -> None:
    words = [w.strip() for w in re.split(r",|\bor\b", topics) if w.strip()]
    statuses = _statuses(ctx)
    for word in words:
        about = {e: s for e, s in statuses.items() if word in e}
        assert about, f"no drafted element about {word}: {sorted(statuses)}"
        assert all(s is not Status.COVERED for s in about.values()), about


@then("the report says the rules have not been reviewed")
def report_says_unreviewed(ctx: dict) -> None:
    c = ctx["check"]
    assert c.result().mandate.reviewed is False
    assert any(say("en", "ui.unreviewed") in click.unstyle(line) for line in render_text(c))
    assert 'id="unreviewed"' in render_html(c, lang="en")


# --- 2480 drafted, bundled letter with each section removed -------------------------------------


@given("rules drafted from our paraphrase of the 2480 request")
def drafted_2480(ctx: dict) -> None:
    ctx["draft"] = ctx["tmp"] / "drafted-2480.yaml"
    paragraph = FIXTURES / "paragraphs" / "2480-paraphrase.en.txt"
    _cli(ctx, "rules", "draft", str(paragraph), "-o", str(ctx["draft"]))
    assert ctx["proc"].returncode == 0, ctx["proc"].stderr


@when("the bundled English letter is checked against them with each section removed in turn")
def each_removed(ctx: dict) -> None:
    import evaluate

    letter = ROOT / "corpus" / "letters" / "2480-2020-06-01.en.txt"
    labels = yaml.safe_load(letter.with_suffix("").with_suffix(".en.labels.yaml").read_text())
    drafted = load_mandate(ctx["draft"])
    mapping = {}
    for element in drafted.elements:
        (target,) = {v for k, v in DRAFTED_2480.items() if k in element.id} or {None}
        assert target, f"drafted element {element.id} stands for no 2480 element"
        mapping[element.id] = target
    assert sorted(set(mapping.values())) == sorted(DRAFTED_2480.values())
    cases = [
        c
        for c in evaluate.variants(
            letter.name,
            letter.read_text(encoding="utf-8"),
            {**labels, "variants": ["each-section-removed"]},
            drafted,
            "en",
        )
        if "without" in c.name
    ]
    assert len(cases) == len(labels["sections"])
    ctx["outcomes"] = []
    for n, case in enumerate(cases):
        path = ctx["tmp"] / f"case-{n}.txt"
        path.write_bytes(case.data)
        result = check(path, drafted)
        for verdict in result.assessment.verdicts:
            truth = case.verdicts[mapping[verdict.id]]
            ctx["outcomes"].append((case.name, verdict.id, truth, verdict.status))


@then("no element whose only section was removed comes out covered")
def none_falsely_covered(ctx: dict) -> None:
    false = [o for o in ctx["outcomes"] if o[2] == "not-covered" and o[3] is Status.COVERED]
    assert ctx["outcomes"] and false == [], false


# --- Generic cues -------------------------------------------------------------------------------


def _rules(ctx: dict, groups: list[dict], reviewed: bool = True, name: str = "generic.yaml"):
    data = {
        "kind": "mandate",
        "id": "generic-test",
        "resolution": "S/RES/9301 (2031)",
        "number": 9301,
        "year": 2031,
        "document": "letter",
        "reviewed": reviewed,
        "languages": ["en"],
        "request": {"en": "Requests the Secretary-General to report on (a) the topic."},
        "elements": [
            {
                "id": ctx.get("element", "a.generic"),
                "item": "a",
                "title": {"en": "The topic"},
                "counts": "A passage on the topic.",
                "cues": {"en": groups},
            }
        ],
    }
    path = ctx["tmp"] / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    ctx["rules"] = path
    return path


@given(parsers.parse('a rules file whose element a.generic relies on "{term}" alone'))
def relies_alone(ctx: dict, term: str) -> None:
    _rules(ctx, [{"weight": 3, "terms": [term]}])


@given(
    parsers.parse('a rules file whose element a.generic has "{specific}" and also "{term}" alone')
)
def generic_beside_specific(ctx: dict, specific: str, term: str) -> None:
    _rules(ctx, [{"weight": 3, "terms": [specific]}, {"weight": 2, "terms": [term]}])


@given(parsers.parse('a letter whose only paragraph on security says "{word}" again and again'))
def security_letter(ctx: dict, word: str) -> None:
    text = (
        "Letter dated 1 June 2031 from the Secretary-General addressed to the President of the "
        "Security Council\n\n"
        "I have the honour to refer to resolution 9301 (2031), by which the Council requested me "
        "to report on (a) the topic.\n\n"
        f"The {word} of the compound was reviewed twice. {word.capitalize()} officers walked the "
        f"perimeter at night. New {word} lights were fitted along the fence.\n\n"
        "I should be grateful if you would bring the present letter to the attention of the "
        "members of the Security Council.\n\n(Signed) António Guterres\n"
    )
    path = ctx["tmp"] / "letter.txt"
    path.write_text(text, encoding="utf-8")
    ctx["letter"] = path


@given(parsers.parse('unreviewed rules whose element a.security counts the word "{word}" alone'))
def unreviewed_rules(ctx: dict, word: str) -> None:
    ctx["element"] = "a.security"
    ctx["groups"] = [{"weight": 3, "terms": [word]}]
    _rules(ctx, ctx["groups"], reviewed=False)


@when("the same rules are marked reviewed")
def mark_reviewed(ctx: dict) -> None:
    _rules(ctx, ctx["groups"], reviewed=True, name="reviewed.yaml")


@when("the desk officer checks it against those rules")
def check_against_rules(ctx: dict) -> None:
    ctx["check"] = check(ctx["letter"], str(ctx["rules"]))


@then(parsers.parse("{element} is partial because only general words speak of it"))
def partial_general(ctx: dict, element: str) -> None:
    verdict = next(v for v in ctx["check"].assessment.verdicts if v.id == element)
    assert verdict.status is Status.PARTIAL, verdict
    assert "not been reviewed" in verdict.reason


# --- An unlettered request (2692) ---------------------------------------------------------------


@given("the English reporting paragraph of resolution 2692 (2023) on Haiti")
def paragraph_2692(ctx: dict) -> None:
    ctx["letter"] = FIXTURES / "paragraphs" / "2692.en.txt"
    ctx["number"] = 2692


@when(
    parsers.parse(
        'the mandate team runs "mandate rules draft" on it with --number {number} --year {year}'
    )
)
def draft_with_number(ctx: dict, number: str, year: str) -> None:
    ctx["draft"] = ctx["tmp"] / "drafted.yaml"
    _cli(ctx, "rules", "draft", str(ctx["letter"]), "--number", number, "--year", year)
    assert ctx["proc"].returncode == 0, ctx["proc"].stderr
    ctx["draft"].write_text(ctx["proc"].stdout, encoding="utf-8")


@then(parsers.parse('its process conditions hold "{text}"'))
def process_holds(ctx: dict, text: str) -> None:
    conditions = [c.text["en"] for c in load_mandate(ctx["draft"]).process_conditions]
    assert text in conditions, conditions


@then(parsers.parse("its elements include {elements}"))
def elements_include(ctx: dict, elements: str) -> None:
    ids = [e.id for e in load_mandate(ctx["draft"]).elements]
    for element in (e.strip() for e in elements.split(",")):
        assert element in ids, ids
