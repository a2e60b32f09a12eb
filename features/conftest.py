"""Step definitions: thin glue between the features' sentences and the checker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lettercraft import (
    ELEMENTS_2480,
    FIXTURES,
    ROOT,
    SEED,
    SEED_HEADINGS,
    blocks,
    compose,
    corrected_seed,
    join,
    make_rich_docx,
    move_section_text,
    png_facts,
    replace_section_text,
    request_only,
    seed_blocks,
    to_docx,
    to_html,
    to_markdown,
    to_pdf,
    without_headings,
    without_section,
)
from pytest_bdd import given, parsers, then, when

from mandate.cli import exit_code
from mandate.models import Role, Status
from mandate.pipeline import Check, check
from mandate.render.html import render_html
from mandate.rules import load_mandate

MANDATE_CLI = Path(sys.executable).with_name("mandate")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def ctx(tmp_path: Path) -> dict:
    """What one scenario knows: the letter, the mandate, the outcome."""
    return {"tmp": tmp_path, "args": [], "mandate": None}


def _letter(ctx: dict, text: str, name: str = "letter.txt") -> Path:
    path = ctx["tmp"] / name
    path.write_text(text, encoding="utf-8")
    ctx["letter"] = path
    ctx["before"] = path.read_bytes()
    return path


def _check(ctx: dict) -> Check:
    return ctx["check"]


def _ids(text: str) -> list[str]:
    return [s.strip() for s in text.split(",") if s.strip()]


def _status(ctx: dict, element: str) -> Status:
    return next(v.status for v in _check(ctx).assessment.verdicts if v.id == element)


def _section(ctx: dict, heading: str):
    found = [s for s in _check(ctx).document.sections if s.heading == heading]
    assert found, f"no section headed {heading!r}"
    return found[0]


def _section_labels(ctx: dict, heading: str) -> list[str]:
    index = _section(ctx, heading).index
    return next(s.elements for s in _check(ctx).classification.sections if s.section == index)


# --- Given: letters -------------------------------------------------------------------------


@given("the bundled letter of 1 June 2020 in Chinese")
def bundled_letter(ctx: dict) -> None:
    _letter(ctx, SEED.read_text(encoding="utf-8"), "seed.txt")


@given(parsers.parse('the bundled letter with the section headed "{heading}" removed'))
def letter_without_section(ctx: dict, heading: str) -> None:
    _letter(ctx, join(without_section(seed_blocks(), heading)))


@given("the bundled letter reduced to its title, restated request, closing and signature")
def letter_request_only(ctx: dict) -> None:
    _letter(ctx, join(request_only(seed_blocks())))


@given("the bundled letter with every heading removed")
def letter_without_headings(ctx: dict) -> None:
    _letter(ctx, join(without_headings(seed_blocks())))


@given("the bundled letter whose rotations section only promises the information later")
def letter_rotations_deferred(ctx: dict) -> None:
    text = "关于部队轮调的信息将在我的下一份报告中提供。"
    _letter(ctx, join(replace_section_text(seed_blocks(), "部队轮调", text)))


@given("the bundled letter with its rotations paragraph moved under the coordination heading")
def letter_rotations_moved(ctx: dict) -> None:
    _letter(ctx, join(move_section_text(seed_blocks(), "部队轮调", "安全存在的协调")))


@given(parsers.parse('the made-up mandate "{name}" from the test fixtures'))
def made_up_mandate(ctx: dict, name: str) -> None:
    path = FIXTURES / "mandates" / "9001.yaml"
    ctx["mandate"] = load_mandate(path)
    assert ctx["mandate"].id == name
    ctx["fixture_letter"] = (FIXTURES / "letters" / "water-schools.en.txt").read_text("utf-8")


@given("its English letter")
def its_letter(ctx: dict) -> None:
    _letter(ctx, ctx["fixture_letter"])


@given(parsers.parse('its English letter without the section headed "{heading}"'))
def its_letter_without(ctx: dict, heading: str) -> None:
    parts = blocks(ctx["fixture_letter"])
    _letter(ctx, join(without_section(parts, heading, ["Water", "Education"])))


@given("its English letter reduced to the restated request and the closing")
def its_letter_request_only(ctx: dict) -> None:
    _letter(ctx, join(request_only(blocks(ctx["fixture_letter"]))))


# --- Given: bad input -------------------------------------------------------------------------


@given("a path that does not exist")
def missing_path(ctx: dict) -> None:
    ctx["letter"] = ctx["tmp"] / "no-such-letter.txt"


@given("a directory")
def a_directory(ctx: dict) -> None:
    ctx["letter"] = ctx["tmp"]


@given("an empty file")
def empty_file(ctx: dict) -> None:
    _letter(ctx, "")


@given("a file of only white space")
def whitespace_file(ctx: dict) -> None:
    _letter(ctx, " \n\t\n\u3000\n\n")


@given("binary junk named letter.txt")
def binary_junk(ctx: dict) -> None:
    path = ctx["tmp"] / "letter.txt"
    path.write_bytes(bytes(range(256)) * 40 + os.urandom(4096))
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@given("a file larger than the size limit")
def too_large(ctx: dict) -> None:
    _letter(ctx, SEED.read_text(encoding="utf-8") * 80)
    ctx["args"] = ["--max-size", "1"]


@given("a letter citing a resolution with no rules")
def unknown_resolution(ctx: dict) -> None:
    _letter(
        ctx,
        "Letter\n\nI have the honour to refer to resolution 9999 (2030), in which the Council "
        "requested me to report on (a) roads and (b) bridges.\n\nRoads were repaired.\n",
    )


@given(parsers.parse('a rules file whose second element has a weight of "{value}"'))
def broken_rules(ctx: dict, value: str) -> None:
    data = yaml.safe_load((ROOT / "rules" / "2480.yaml").read_text(encoding="utf-8"))
    data["elements"][1]["cues"]["zh"][0]["weight"] = value
    path = ctx["tmp"] / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    ctx["rules"] = path


# --- When -------------------------------------------------------------------------------------


@when(parsers.parse('the desk officer checks it against mandate "{spec}"'))
def check_against(ctx: dict, spec: str) -> None:
    ctx["check"] = check(ctx["letter"], spec)


@when("the desk officer checks it against that mandate")
def check_against_that(ctx: dict) -> None:
    ctx["check"] = check(ctx["letter"], ctx["mandate"])


@when("the desk officer checks it without naming a mandate")
def check_without_mandate(ctx: dict) -> None:
    ctx["check"] = check(ctx["letter"])


def _run(ctx: dict, *args: str) -> None:
    proc = subprocess.run(
        [str(MANDATE_CLI), "check", str(ctx["letter"]), *args, *ctx["args"]],
        capture_output=True,
        text=True,
        cwd=ctx["tmp"],
        timeout=120,
    )
    ctx["proc"] = proc


@when('the desk officer runs "mandate check" on it')
def run_cli(ctx: dict) -> None:
    _run(ctx)


@when(parsers.parse('the desk officer runs "mandate check" on it with "{option}"'))
def run_cli_with(ctx: dict, option: str) -> None:
    _run(ctx, *option.split())


@when('the desk officer runs "mandate check" on it with that rules file')
def run_cli_with_rules(ctx: dict) -> None:
    _run(ctx, "--mandate", str(ctx["rules"]))


@when('the desk officer runs "mandate check" on it with the output set to the letter itself')
def run_cli_over_letter(ctx: dict) -> None:
    _run(ctx, "--format", "html", "--output", str(ctx["letter"]))


# --- Then: verdicts ---------------------------------------------------------------------------


@then("the draft is ready")
def draft_ready(ctx: dict) -> None:
    assert _check(ctx).ready


@then("the draft is not ready")
def draft_not_ready(ctx: dict) -> None:
    assert not _check(ctx).ready


@then(parsers.parse('only "{rule}" findings block submission'))
def only_rule_blocks(ctx: dict, rule: str) -> None:
    c = _check(ctx)
    blocking = c.readiness.blocking
    assert blocking and all(b.kind == "finding" and b.rule == rule for b in blocking), blocking


@then("all eight elements are covered")
def all_covered(ctx: dict) -> None:
    statuses = {v.id: v.status for v in _check(ctx).assessment.verdicts}
    assert list(statuses) == ELEMENTS_2480
    assert all(s is Status.COVERED for s in statuses.values()), statuses


@then("all eight elements are missing")
def all_missing(ctx: dict) -> None:
    statuses = {v.id: v.status for v in _check(ctx).assessment.verdicts}
    assert list(statuses) == ELEMENTS_2480
    assert all(s is Status.MISSING for s in statuses.values()), statuses


@then("every element is missing")
def every_missing(ctx: dict) -> None:
    assert all(v.status is Status.MISSING for v in _check(ctx).assessment.verdicts)


@then("every covered element shows a quoted passage with its matched words")
def covered_have_evidence(ctx: dict) -> None:
    for verdict in _check(ctx).assessment.verdicts:
        best = verdict.evidence[0]
        assert best.substantive and best.terms and best.sentence in best.text
        for start, end in best.highlights:
            assert best.text[start:end].lower() in best.terms


@then(parsers.parse('the section headed "{heading}" is labelled with {elements}'))
def section_labelled(ctx: dict, heading: str, elements: str) -> None:
    labels = set(_section_labels(ctx, heading))
    if elements.startswith("at least one of "):
        # Some of these and nothing else: an extra, wrong label fails.
        wanted = set(_ids(elements.removeprefix("at least one of ")))
        assert labels & wanted and labels <= wanted, f"{heading}: {sorted(labels)}"
        return
    assert labels == set(_ids(elements)), f"{heading}: {sorted(labels)}"


@then("the paragraph that restates the request is labelled with nothing")
def request_unlabelled(ctx: dict) -> None:
    doc = _check(ctx).document
    request = [p.index for p in doc.paragraphs if p.role is Role.REQUEST]
    assert request, "the restated request was not recognised"
    labelled = {pl.paragraph for pl in _check(ctx).classification.paragraphs}
    assert not set(request) & labelled
    assert _check(ctx).classification.sections[0].elements == []


@then("the closing formula and the signature are labelled with nothing")
def closing_unlabelled(ctx: dict) -> None:
    doc = _check(ctx).document
    roles = {p.role for p in doc.paragraphs}
    assert Role.CLOSING in roles and Role.SIGNATURE in roles
    closing = [s for s in doc.sections if s.kind == "closing"]
    labels = {s.section: s.elements for s in _check(ctx).classification.sections}
    assert closing and all(labels[s.index] == [] for s in closing)


@then("no evidence quotes the restated request, the title, the closing or the signature")
def evidence_body_only(ctx: dict) -> None:
    doc = _check(ctx).document
    for verdict in _check(ctx).assessment.verdicts:
        for evidence in verdict.evidence:
            assert doc.paragraph(evidence.paragraph).role is Role.BODY


@then(parsers.parse('"{phrase}" is set aside for {element} as part of an excluded phrase'))
def set_aside(ctx: dict, phrase: str, element: str) -> None:
    hits = [
        h
        for pl in _check(ctx).classification.paragraphs
        for lab in pl.labels
        if lab.element == element
        for h in lab.hits
        if not h.counted and h.why_not and phrase in h.why_not
    ]
    assert hits


@then("the withdrawal of national forces is not evidence of b.exit-strategy")
def national_withdrawal(ctx: dict) -> None:
    verdict = next(v for v in _check(ctx).assessment.verdicts if v.id == "b.exit-strategy")
    assert all("国家武装部队撤出" not in e.sentence for e in verdict.evidence)


@then(parsers.parse('the mandate used is "{resolution}"'))
def mandate_used(ctx: dict, resolution: str) -> None:
    assert _check(ctx).mandate.resolution == resolution


@then(parsers.re(r"(?P<elements>[a-z0-9.,\s-]+) are not covered"))
def not_covered(ctx: dict, elements: str) -> None:
    ctx["removed"] = _ids(elements)
    for element in ctx["removed"]:
        assert _status(ctx, element) is not Status.COVERED, element


@then(parsers.re(r"(?P<element>[a-z0-9]+(?:\.[a-z0-9-]+)+) is not covered"))
def one_not_covered(ctx: dict, element: str) -> None:
    assert _status(ctx, element) is not Status.COVERED


@then(parsers.re(r"(?P<element>[a-z0-9]+(?:\.[a-z0-9-]+)+) is covered"))
def one_covered(ctx: dict, element: str) -> None:
    assert _status(ctx, element) is Status.COVERED


@then(parsers.re(r"(?P<element>[a-z0-9]+(?:\.[a-z0-9-]+)+) is missing"))
def one_missing(ctx: dict, element: str) -> None:
    assert _status(ctx, element) is Status.MISSING


@then("the other elements are covered")
def others_covered(ctx: dict) -> None:
    for verdict in _check(ctx).assessment.verdicts:
        if verdict.id not in ctx["removed"]:
            assert verdict.status is Status.COVERED, (verdict.id, verdict.reason)


@then(parsers.parse("the exit code would be {code:d}"))
def exit_code_would_be(ctx: dict, code: int) -> None:
    c = _check(ctx)
    assert exit_code(c.ready) == code


# --- Then: the command line -------------------------------------------------------------------


@then(parsers.parse("the exit code is {code:d}"))
def exit_code_is(ctx: dict, code: int) -> None:
    proc = ctx["proc"]
    assert proc.returncode == code, (proc.stdout[-2000:], proc.stderr[-2000:])


@then(parsers.parse('the error is one sentence mentioning "{words}"'))
def one_sentence(ctx: dict, words: str) -> None:
    err = ctx["proc"].stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("mandate: ") and err.endswith("."), err
    assert words.lower() in err.lower(), err


@then("no traceback is printed")
def no_traceback(ctx: dict) -> None:
    proc = ctx["proc"]
    assert "Traceback" not in proc.stderr + proc.stdout


@then("the input file is unchanged")
def input_unchanged(ctx: dict) -> None:
    path: Path = ctx["letter"]
    if "before" in ctx:
        assert path.read_bytes() == ctx["before"]
    elif path.is_dir():
        # A directory given as the letter: nothing may have been written into it but what the
        # scenario made (the run's cwd is the scenario's folder; no report for a refused letter).
        assert not list(path.glob("*.mandate.html")), list(path.iterdir())
    else:
        assert not os.path.lexists(path), f"{path} was created"


@then("the summary has one line per element")
def summary_lines(ctx: dict) -> None:
    out = ctx["proc"].stdout
    for element in ELEMENTS_2480:
        assert sum(1 for line in out.splitlines() if f" {element} " in line) == 1, element
    assert "\x1b[" not in out  # no colour when not on a terminal


@then("an HTML report is written")
def report_written(ctx: dict) -> None:
    reports = list(ctx["tmp"].glob("*.mandate.html"))
    assert reports and reports[0].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- The report in a real browser ------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _report(ctx: dict, text: str) -> None:
    path = _letter(ctx, text)
    report = ctx["tmp"] / "report.html"
    report.write_text(render_html(check(path, "2480")), encoding="utf-8")
    ctx["report"] = report


@given("the HTML report of the bundled letter")
def report_of_seed(ctx: dict) -> None:
    _report(ctx, SEED.read_text(encoding="utf-8"))


@given(parsers.parse('the HTML report of a letter containing "{a}" and "{b}"'))
def report_of_hostile(ctx: dict, a: str, b: str) -> None:
    parts = seed_blocks()
    at = parts.index(SEED_HEADINGS[4]) + 1
    parts[at] = f"{a}{parts[at]}{b}"
    _report(ctx, join(parts))


@when("the desk officer opens it in the browser")
def open_report(ctx: dict, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    ctx["requests"], ctx["dialogs"] = [], []
    page.on("request", lambda r: ctx["requests"].append(r.url))
    page.on("dialog", lambda d: (ctx["dialogs"].append(d.message), d.dismiss()))
    page.goto(ctx["report"].as_uri())
    page.wait_for_load_state("load")
    ctx["page"] = page


@when("the desk officer prints it to PDF")
def print_report(ctx: dict, browser) -> None:
    page = browser.new_page()
    page.goto(ctx["report"].as_uri())
    ctx["pdf"] = ctx["tmp"] / "report.pdf"
    page.pdf(path=str(ctx["pdf"]), format="A4", print_background=True)
    page.close()


@then(parsers.re(r"the page says the draft is (?P<neg>not )?ready to submit"))
def page_ready(ctx: dict, neg: str | None) -> None:
    verdict = ctx["page"].locator("#verdict")
    assert verdict.is_visible()
    assert ("尚不能提交" if neg else "可以提交") in verdict.inner_text()
    assert verdict.get_attribute("data-ready") == ("false" if neg else "true")


@then(parsers.parse('the elements table has {n:d} rows, each reading "{label}"'))
def element_rows(ctx: dict, n: int, label: str) -> None:
    rows = ctx["page"].locator("#elements tbody tr")
    assert rows.count() == n
    ids = [rows.nth(i).get_attribute("data-element") for i in range(n)]
    assert ids == ELEMENTS_2480
    for i in range(n):
        status = rows.nth(i).locator("td.status")
        assert status.is_visible() and label in status.inner_text()


@then("the browser made no network request")
def no_network(ctx: dict) -> None:
    others = [u for u in ctx["requests"] if not u.startswith("file://")]
    assert others == [] and len(ctx["requests"]) == 1, ctx["requests"]


@then(parsers.parse('a screenshot is saved as "{name}"'))
def screenshot(ctx: dict, name: str) -> None:
    target = ROOT / name
    target.parent.mkdir(parents=True, exist_ok=True)
    ctx["page"].screenshot(path=str(target), full_page=True)
    width, height, distinct = png_facts(target.read_bytes())
    assert width >= 600 and height >= 400, (width, height)
    assert distinct >= 8, f"the screenshot is nearly uniform ({distinct} distinct pixel values)"



@then("no dialog fires")
def no_dialog(ctx: dict) -> None:
    ctx["page"].wait_for_timeout(200)
    assert ctx["dialogs"] == []


@then(parsers.parse('the page shows "{text}" as text'))
def shows_text(ctx: dict, text: str) -> None:
    assert text in ctx["page"].locator("#h-letter + .letter").inner_text()
    assert ctx["page"].locator("script").count() == 0


@then(parsers.parse("the PDF has at least {n:d} A4 pages"))
def pdf_pages(ctx: dict, n: int) -> None:
    from pypdf import PdfReader

    reader = PdfReader(str(ctx["pdf"]))
    assert len(reader.pages) >= n
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3


def pytest_bdd_apply_tag(tag: str, function) -> bool | None:
    """@browser marks a feature's scenarios as needing the browser."""
    if tag == "browser":
        pytest.mark.browser(function)
        return True
    if tag == "known-gap":  # a known error of the checker: strict, so a fix must drop the tag
        pytest.mark.xfail(strict=True, reason="known gap")(function)
        return True
    return None


# --- Pre-submission defects --------------------------------------------------------------------

LANGUAGES = {"Chinese": "zh", "English": "en"}


def _findings(ctx: dict, rule: str, severity: str | None = None) -> list:
    return [
        f
        for f in _check(ctx).findings
        if f.rule == rule and (severity is None or f.severity == severity)
    ]


@given(parsers.re(r'an? (?P<language>Chinese|English) letter whose body says "(?P<body>.*)"'))
def letter_with_body(ctx: dict, language: str, body: str) -> None:
    _letter(ctx, compose(LANGUAGES[language], [body]))


@given(
    parsers.re(
        r"an? (?P<language>Chinese|English) letter whose request cites resolution "
        r"(?P<number>\d+) \((?P<year>\d{4})\)"
    )
)
def letter_citing(ctx: dict, language: str, number: str, year: str) -> None:
    body = "马里稳定团继续在北部开展巡逻。" if language == "Chinese" else "The Mission patrolled."
    _letter(ctx, compose(LANGUAGES[language], [body], resolution=(int(number), int(year))))


@given(
    parsers.re(
        r"an? (?P<language>Chinese|English) letter (?P<how>with|without) its closing formula"
    )
)
def letter_closing(ctx: dict, language: str, how: str) -> None:
    body = "马里稳定团继续在北部开展巡逻。" if language == "Chinese" else "The Mission patrolled."
    _letter(ctx, compose(LANGUAGES[language], [body], closing=how == "with"))


@given(parsers.re(r"an? (?P<language>Chinese|English) letter dated (?P<date>\d{4}-\d\d-\d\d)"))
def letter_dated(ctx: dict, language: str, date: str) -> None:
    body = "马里稳定团继续在北部开展巡逻。" if language == "Chinese" else "The Mission patrolled."
    y, m, d = (int(x) for x in date.split("-"))
    _letter(ctx, compose(LANGUAGES[language], [body], date=(y, m, d)))


@given("a corrected copy of the bundled letter")
def corrected_letter(ctx: dict) -> None:
    _letter(ctx, corrected_seed())


@given(
    parsers.parse('a waivers file next to it waiving "{rule}" findings and the element {element}')
)
def waivers_file(ctx: dict, rule: str, element: str) -> None:
    sidecar = ctx["letter"].with_name(ctx["letter"].stem + ".waivers.yaml")
    data = {
        "waivers": [
            {
                "rule": rule,
                "reason": "Figures confirmed by the Mission; brackets go at final edit.",
            },
            {
                "element": element,
                "reason": "Reported in S/2020/476, as agreed with the Department.",
            },
        ]
    }
    sidecar.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@then(
    parsers.re(
        r"there is an? (?P<rule>[a-z-]+) (?P<severity>error|warning|info)"
        r'(?: naming "(?P<name>.+)")?'
    )
)
def there_is(ctx: dict, rule: str, severity: str, name: str | None) -> None:
    found = _findings(ctx, rule, severity)
    assert found, [(f.rule, f.severity, f.message) for f in _check(ctx).findings]
    if name:
        assert any(f"“{name}”" in f.message for f in found), [f.message for f in found]


@then(parsers.re(r"there is no (?P<rule>[a-z-]+) (?P<what>finding|error)"))
def there_is_none(ctx: dict, rule: str, what: str) -> None:
    found = _findings(ctx, rule, "error" if what == "error" else None)
    assert not found, [(f.severity, f.message, f.excerpt) for f in found]


@then(parsers.parse("the placeholder findings are {listed}"))
def placeholder_list(ctx: dict, listed: str) -> None:
    expected = [s.strip().strip('"') for s in listed.split(",")]
    found = [
        f.excerpt[f.excerpt.index("[") :].split("]")[0] + "]" for f in _findings(ctx, "placeholder")
    ]
    assert found == expected
    assert all(f.severity == "error" and f.paragraph for f in _findings(ctx, "placeholder"))


@then(parsers.parse('there are {n:d} page-break findings, one naming the doubled "{char}"'))
def page_breaks(ctx: dict, n: int, char: str) -> None:
    found = _findings(ctx, "page-break")
    assert len(found) == n
    assert [f.severity for f in found].count("error") == 1
    assert any(f"“{char}”" in f.message and f.severity == "error" for f in found)


@then(
    parsers.parse(
        "the half-width punctuation of paragraphs {a:d}, {b:d}, {c:d} and {d:d} is flagged"
    )
)
def half_width(ctx: dict, a: int, b: int, c: int, d: int) -> None:
    warned = {f.paragraph for f in _findings(ctx, "punctuation", "warning") if f.paragraph}
    assert {a, b, c, d} <= warned
    assert any(f.paragraph is None for f in _findings(ctx, "punctuation", "warning"))


@then('the two different "remaining" groups are noted')
def remaining_noted(ctx: dict) -> None:
    notes = _findings(ctx, "arithmetic", "info")
    assert len(notes) == 1 and "其余" in notes[0].message and "剩下的" in notes[0].message


@then(parsers.re(r"(?P<element>[a-z0-9]+(?:\.[a-z0-9-]+)+) is missing but waived with its reason"))
def element_waived(ctx: dict, element: str) -> None:
    verdict = next(v for v in _check(ctx).assessment.verdicts if v.id == element)
    assert verdict.status is Status.MISSING and verdict.waived and "S/2020/476" in verdict.waiver


@then("every placeholder finding is waived with its reason")
def placeholders_waived(ctx: dict) -> None:
    found = _findings(ctx, "placeholder")
    assert found and all(f.waived and f.waiver for f in found)
    assert not [f for f in _check(ctx).findings if f.rule == "waiver"]


# --- Rules authoring and other languages -------------------------------------------------------

CORPUS = ROOT / "corpus" / "letters"
RENDERINGS = {"English": "2480-2020-06-01.en.txt", "French": "2480-2020-06-01.fr.txt"}


def _headings(parts: list[str]) -> list[str]:
    """Headings of a rendering: short blocks without final punctuation, between title and closing."""
    return [p for p in parts[2:-2] if len(p) < 90 and p[-1] not in ".:;!?"]


@given(parsers.parse("the {language} rendering of the 1 June 2020 letter"))
def rendering(ctx: dict, language: str) -> None:
    _letter(ctx, (CORPUS / RENDERINGS[language]).read_text(encoding="utf-8"))


@given(parsers.parse('the {language} rendering with the section headed "{heading}" removed'))
def rendering_without(ctx: dict, language: str, heading: str) -> None:
    parts = blocks((CORPUS / RENDERINGS[language]).read_text(encoding="utf-8"))
    _letter(ctx, join(without_section(parts, heading, _headings(parts))))


@given(parsers.parse('the letter "{name}" from the corpus'))
def corpus_letter(ctx: dict, name: str) -> None:
    _letter(ctx, (CORPUS / name).read_text(encoding="utf-8"))


@then(parsers.parse('the letter\'s language is detected as "{code}"'))
def language_is(ctx: dict, code: str) -> None:
    assert _check(ctx).document.language == code


def _run_rules(ctx: dict, *args: str) -> None:
    ctx["proc"] = subprocess.run(
        [str(MANDATE_CLI), "rules", *args],
        capture_output=True,
        text=True,
        cwd=ctx["tmp"],
        timeout=120,
    )


@when('the desk officer runs "mandate check" on it with the made-up mandate\'s rules file')
def run_with_made_up(ctx: dict) -> None:
    _run(ctx, "--mandate", str(FIXTURES / "mandates" / "9001.yaml"), "--no-report")


@when(parsers.re(r'the mandate team runs "mandate rules (?P<command>check|test)"'))
def run_rules_bundled(ctx: dict, command: str) -> None:
    _run_rules(ctx, command)


@when(parsers.re(r'the mandate team runs "mandate rules (?P<command>check|test)" on that copy'))
def run_rules_copy(ctx: dict, command: str) -> None:
    _run_rules(ctx, command, str(ctx["rules"]))


def _rules_copy(ctx: dict, change) -> None:
    data = yaml.safe_load((ROOT / "rules" / "2480.yaml").read_text(encoding="utf-8"))
    change(data)
    path = ctx["tmp"] / "copy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    ctx["rules"] = path


def _element(data: dict, element: str) -> dict:
    return next(e for e in data["elements"] if e["id"] == element)


@given(
    parsers.parse('a copy of the 2480 rules with "{term}" added to the English cues of {element}')
)
def planted_term(ctx: dict, term: str, element: str) -> None:
    _rules_copy(ctx, lambda d: _element(d, element)["cues"]["en"][0]["terms"].append(term))


@given("a copy of the 2480 rules with a rotations example that speaks only of elections")
def failing_example(ctx: dict) -> None:
    def change(data: dict) -> None:
        examples = _element(data, "a.rotations")["examples"]
        examples["en"]["match"].append("The legislative elections were held in March and April.")

    _rules_copy(ctx, change)


@then(parsers.parse('the output ends with "{text}"'))
def output_ends(ctx: dict, text: str) -> None:
    assert ctx["proc"].stdout.strip().endswith(text), ctx["proc"].stdout[-500:]


@then(parsers.parse('the output says "{text}"'))
def output_says(ctx: dict, text: str) -> None:
    assert text in ctx["proc"].stdout, ctx["proc"].stdout[-2000:]


@given(parsers.parse("the {lang} reporting paragraph of resolution {number:d}"))
def reporting_paragraph(ctx: dict, lang: str, number: int) -> None:
    ctx["paragraph"] = FIXTURES / "paragraphs" / f"{lang}.txt"
    ctx["number"] = number


@when('the mandate team runs "mandate rules draft" on it')
def run_draft(ctx: dict) -> None:
    ctx["draft"] = ctx["tmp"] / "draft.yaml"
    _run_rules(ctx, "draft", str(ctx["paragraph"]), "-o", str(ctx["draft"]))
    assert ctx["proc"].returncode == 0, ctx["proc"].stderr


@then('the drafted file passes "mandate rules check"')
def draft_passes(ctx: dict) -> None:
    _run_rules(ctx, "check", str(ctx["draft"]))
    assert ctx["proc"].returncode == 0, ctx["proc"].stdout
    assert load_mandate(ctx["draft"]).number == ctx["number"]


@then(parsers.parse("it has sub-items {items}"))
def draft_items(ctx: dict, items: str) -> None:
    mandate = load_mandate(ctx["draft"])
    assert sorted({e.item for e in mandate.elements}) == _ids(items)


@then(parsers.parse("its elements are {elements}"))
def draft_elements(ctx: dict, elements: str) -> None:
    assert [e.id for e in load_mandate(ctx["draft"]).elements] == _ids(elements)


# --- Containers ----------------------------------------------------------------------------------

CONTAINERS = {
    "a Word file with Heading styles": ("seed.docx", to_docx),
    "a UN-style PDF with running lines and paragraphs split across pages": ("seed.pdf", to_pdf),
    "an HTML page": ("seed.html", to_html),
    "a Markdown file": ("seed.md", to_markdown),
}
ENCODINGS = {
    "GB18030 text": ("gb18030", "\n"),
    "UTF-16 text": ("utf-16", "\n"),
    "UTF-8 text with a byte-order mark and CRLF line endings": ("utf-8-sig", "\r\n"),
}


@given(parsers.parse("the bundled letter saved as {container}"))
def bundled_in_container(ctx: dict, container: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    ctx["plain"] = check(SEED, "2480")
    if container in ENCODINGS:
        encoding, newline = ENCODINGS[container]
        path = ctx["tmp"] / "seed.txt"
        path.write_bytes(text.replace("\n", newline).encode(encoding))
    else:
        name, make = CONTAINERS[container]
        path = make(seed_blocks(), SEED_HEADINGS, ctx["tmp"] / name)
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@then("the sections and their headings are those of the plain-text letter")
def same_sections(ctx: dict) -> None:
    plain, got = ctx["plain"].document, _check(ctx).document
    assert [(s.kind, s.heading) for s in got.sections] == [
        (s.kind, s.heading) for s in plain.sections
    ]
    assert [p.role for p in got.paragraphs] == [p.role for p in plain.paragraphs]


@then("the verdicts and section labels are those of the plain-text letter")
def same_verdicts(ctx: dict) -> None:
    plain, got = ctx["plain"], _check(ctx)
    assert [(v.id, v.status) for v in got.assessment.verdicts] == [
        (v.id, v.status) for v in plain.assessment.verdicts
    ]
    assert [s.elements for s in got.classification.sections] == [
        s.elements for s in plain.classification.sections
    ]


@then("the page-break findings are those of the plain-text letter")
def same_page_breaks(ctx: dict) -> None:
    def breaks(c: Check) -> list[tuple[str, int | None]]:
        return [(f.severity, f.paragraph) for f in c.findings if f.rule == "page-break"]

    assert breaks(_check(ctx)) == breaks(ctx["plain"])


@then(parsers.parse('no paragraph contains "{a}", "{b}", "{c}" or a page number like "{d}"'))
def no_running_lines(ctx: dict, a: str, b: str, c: str, d: str) -> None:
    for p in _check(ctx).document.paragraphs:
        for running in (a, b, c, d, "United Nations"):
            assert running not in p.text, (running, p.text[:80])


@given(
    "a Word draft with numbered paragraphs, a table, a tracked insertion and deletion, "
    "a comment and a footer"
)
def word_draft(ctx: dict) -> None:
    ctx["letter"] = make_rich_docx(ctx["tmp"] / "draft.docx")
    ctx["before"] = ctx["letter"].read_bytes()


@then(parsers.parse('the numbered paragraphs keep their labels "{a}", "{b}" and "{c}"'))
def numbered(ctx: dict, a: str, b: str, c: str) -> None:
    labels = [p.label for p in _check(ctx).document.paragraphs if p.label]
    assert labels == [a, b, c]


@then("the table's rows are read as text")
def table_rows(ctx: dict) -> None:
    texts = [p.text for p in _check(ctx).document.paragraphs]
    assert any("550" in t and "479" in t and "|" in t for t in texts), texts


@then("the inserted words are read and the deleted words are not")
def tracked(ctx: dict) -> None:
    whole = "\n".join(p.text for p in _check(ctx).document.paragraphs)
    assert "两个步兵营完成了换防" in whole and "三个步兵营" not in whole


@then("the comment and the footer are not body text")
def no_comment(ctx: dict) -> None:
    whole = "\n".join(p.text for p in _check(ctx).document.paragraphs)
    assert "请核实数字" not in whole and "20-07002" not in whole


@given("a .pdf that is not a PDF")
def fake_pdf(ctx: dict) -> None:
    path = ctx["tmp"] / "letter.pdf"
    path.write_text("This is a letter, not a PDF.", encoding="utf-8")
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@given("a truncated PDF")
def truncated_pdf(ctx: dict) -> None:
    full = to_pdf(seed_blocks(), SEED_HEADINGS, ctx["tmp"] / "full.pdf").read_bytes()
    path = ctx["tmp"] / "letter.pdf"
    path.write_bytes(full[: len(full) * 2 // 3])
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@given("an encrypted PDF")
def encrypted_pdf(ctx: dict) -> None:
    from reportlab.pdfgen import canvas

    path = ctx["tmp"] / "letter.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(72, 720, "Letter dated 1 June 2020")
    c.showPage()
    c.save()
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@given("a truncated .docx")
def truncated_docx(ctx: dict) -> None:
    full = to_docx(seed_blocks(), SEED_HEADINGS, ctx["tmp"] / "full.docx").read_bytes()
    path = ctx["tmp"] / "letter.docx"
    path.write_bytes(full[: len(full) // 2])
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@given("an encrypted .docx")
def encrypted_docx(ctx: dict) -> None:
    path = ctx["tmp"] / "letter.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@given("a .docx zip bomb")
def zip_bomb(ctx: dict) -> None:
    import zipfile

    path = ctx["tmp"] / "letter.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(210):
                member.write(chunk)
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@given("a .docx whose document part is missing")
def docx_without_document(ctx: dict) -> None:
    import zipfile

    path = ctx["tmp"] / "letter.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/other.xml", "<x/>")
    ctx["letter"], ctx["before"] = path, path.read_bytes()


# --- Outputs: Word comments, diff, batch, terminal ---------------------------------------------


@given(
    parsers.parse('the bundled letter as a Word file with the section headed "{heading}" removed')
)
def docx_without_section(ctx: dict, heading: str) -> None:
    path = to_docx(without_section(seed_blocks(), heading), SEED_HEADINGS, ctx["tmp"] / "d.docx")
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@when("the desk officer annotates it")
def annotate_it(ctx: dict) -> None:
    ctx["annotated"] = ctx["tmp"] / "annotated.docx"
    proc = subprocess.run(
        [str(MANDATE_CLI), "annotate", str(ctx["letter"]), "-o", str(ctx["annotated"])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    ctx["check"] = check(ctx["letter"], "2480")


@then("every paragraph of the copy reads as in the draft")
def same_text(ctx: dict) -> None:
    import docx

    before = [p.text for p in docx.Document(str(ctx["letter"])).paragraphs]
    after = [p.text for p in docx.Document(str(ctx["annotated"])).paragraphs]
    assert before == after


@then("the draft itself is unchanged")
def draft_unchanged(ctx: dict) -> None:
    assert ctx["letter"].read_bytes() == ctx["before"]


@given(
    parsers.parse(
        'the bundled letter and a new draft without the section headed "{heading}" and with '
        '"{old}" changed to "{new}"'
    )
)
def two_drafts(ctx: dict, heading: str, old: str, new: str) -> None:
    parts = [p.replace(old, new) for p in without_section(seed_blocks(), heading)]
    ctx["old"] = SEED
    ctx["new"] = ctx["tmp"] / "new.txt"
    ctx["new"].write_text(join(parts), encoding="utf-8")


@when("the desk officer compares the two drafts")
def compare(ctx: dict) -> None:
    ctx["proc"] = subprocess.run(
        [str(MANDATE_CLI), "diff", str(ctx["old"]), str(ctx["new"])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    ctx["html"] = ctx["tmp"] / "diff.html"
    subprocess.run(
        [
            str(MANDATE_CLI),
            "diff",
            str(ctx["old"]),
            str(ctx["new"]),
            "-f",
            "html",
            "-o",
            str(ctx["html"]),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


@then("the changes are exactly:")
def changes_exactly(ctx: dict, docstring: str) -> None:
    lines = ctx["proc"].stdout.strip().splitlines()[1:]
    assert [line.split(" (“")[0] for line in lines] == docstring.strip().splitlines()


@then("the HTML comparison shows the same changes")
def html_changes(ctx: dict) -> None:
    html = ctx["html"].read_text(encoding="utf-8")
    assert "a.rotations" in html and "部队轮调" in html and "3 200" in html
    assert html.count('<li class="finding') == 0


@given(
    "a folder with the bundled letter, a letter that only mentions things in passing and "
    "a file of binary junk"
)
def a_folder(ctx: dict) -> None:
    folder = ctx["tmp"] / "letters"
    folder.mkdir()
    (folder / "a-seed.txt").write_bytes(SEED.read_bytes())
    (folder / "b-passing.txt").write_bytes((CORPUS / "2480-passing-mentions.zh.txt").read_bytes())
    (folder / "c-junk.txt").write_bytes(bytes(range(256)) * 30)
    ctx["folder"] = folder


@when("the desk officer checks the folder in one batch")
def run_batch(ctx: dict) -> None:
    ctx["out"] = ctx["tmp"] / "reports"
    ctx["proc"] = subprocess.run(
        [str(MANDATE_CLI), "batch", str(ctx["folder"]), "-o", str(ctx["out"]), "-m", "2480"],
        capture_output=True,
        text=True,
        timeout=300,
    )


@then(
    parsers.parse(
        "the index lists {n:d} letters, {ready:d} ready, and {bad:d} that could not be checked"
    )
)
def index_lists(ctx: dict, n: int, ready: int, bad: int) -> None:
    html = (ctx["out"] / "index.html").read_text(encoding="utf-8")
    assert html.count("<tr data-letter=") == n
    assert html.count('data-ready="true"') == ready and html.count("无法检查") == bad


@then("each checked letter has its own report linked from the index")
def reports_linked(ctx: dict) -> None:
    html = (ctx["out"] / "index.html").read_text(encoding="utf-8")
    reports = sorted(p.name for p in ctx["out"].glob("0*.html"))
    assert len(reports) == 2 and all(f'href="{name}"' in html for name in reports)


@then('every finding is a line "PATH:PARAGRAPH: LEVEL RULE MESSAGE"')
def finding_lines(ctx: dict) -> None:
    import re

    path = str(ctx["letter"])
    out = ctx["proc"].stdout.splitlines()[1:]  # the first line is the verdict
    lines = [line for line in out if line.startswith(path + ":")]
    result = check(ctx["letter"], "2480")
    assert len(lines) == len(result.findings)
    pattern = re.compile(re.escape(path) + r"(:\d+)?: (error|warning|info) [a-z-]+ \S")
    assert all(pattern.match(line) for line in lines), lines[:3]
