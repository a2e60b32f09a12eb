"""Steps of the report's first screen: readiness, blockers, gaps, layout and language, in Chromium."""

from __future__ import annotations

import re

from lettercraft import (
    ROOT,
    SEED,
    blocks,
    corrected_seed,
    join,
    png_facts,
    replace_section_text,
    without_section,
)
from pytest_bdd import given, parsers, scenarios, then, when

from mandate.assess import reason_text
from mandate.messages import catalog, say
from mandate.pipeline import check
from mandate.render.html import render_html

scenarios("report_first_screen.feature")

SCREENS = ROOT / "artifacts" / "screens"  # this checkout's own: never another run's folder
CORPUS = ROOT / "corpus" / "letters"
LETTERS = {
    "the bundled letter of 1 June 2020": lambda: SEED.read_text(encoding="utf-8"),
    "a corrected copy of the bundled letter": corrected_seed,
    "the English rendering of the 1 June 2020 letter": lambda: (
        CORPUS / "2480-2020-06-01.en.txt"
    ).read_text(encoding="utf-8"),
}
DEFERRAL = "关于部队轮调的信息将在我的下一份报告中提供。"


def _headings(parts: list[str]) -> list[str]:
    return [p for p in parts[2:-2] if len(p) < 90 and p[-1] not in ".:;!?。：；"]


def _report(ctx: dict, text: str, lang: str) -> None:
    path = ctx["tmp"] / "letter.txt"
    path.write_text(text, encoding="utf-8")
    ctx["check"] = check(path, "2480")
    ctx["lang"] = lang
    ctx["html"] = render_html(ctx["check"], lang=lang)
    ctx["report"] = ctx["tmp"] / f"report.{lang}.html"
    ctx["report"].write_text(ctx["html"], encoding="utf-8")


@given(
    parsers.re(
        r"(?P<letter>the bundled letter of 1 June 2020|a corrected copy of the bundled letter|the English rendering of the 1 June 2020 letter) reported in (?P<lang>[a-z]{2})$"
    )
)
def reported(ctx: dict, letter: str, lang: str) -> None:
    _report(ctx, LETTERS[letter](), lang)


@given(
    parsers.re(
        r'(?P<letter>.+) with the section headed "(?P<heading>.+)" removed, reported in (?P<lang>[a-z]{2})$'
    )
)
def reported_without(ctx: dict, letter: str, heading: str, lang: str) -> None:
    parts = blocks(LETTERS[letter]())
    _report(ctx, join(without_section(parts, heading, _headings(parts))), lang)


@given(
    parsers.re(
        r"a corrected copy of the bundled letter whose rotations section only promises the information later, reported in (?P<lang>[a-z]{2})$"
    )
)
def reported_deferred(ctx: dict, lang: str) -> None:
    parts = blocks(corrected_seed())
    _report(ctx, join(replace_section_text(parts, "部队轮调", DEFERRAL)), lang)


@then(
    parsers.re(
        r'the report says "(?P<verdict>not ready|ready)" with coverage (?P<coverage>complete|incomplete) and (?P<n>\d+) blockers?'
    )
)
def says(ctx: dict, verdict: str, coverage: str, n: str) -> None:
    c = ctx["check"]
    ready = verdict == "ready"
    assert c.ready is ready
    assert c.readiness.coverage_complete is (coverage == "complete")
    assert len(c.readiness.blocking) == int(n), c.readiness.blocking
    assert f'data-ready="{"true" if ready else "false"}"' in ctx["html"]
    heading = say(ctx["lang"], "ui.ready" if ready else "ui.not_ready")
    assert re.search(r'id="verdict"[^>]*>.*?' + re.escape(heading) + "</h1>", ctx["html"])
    result = c.result()
    assert result.ready is ready and len(result.blocking) == int(n)


def _text(html: str) -> str:
    """Visible text of an HTML fragment, tags removed and spaces collapsed."""
    import html as h

    return re.sub(r"\s+", " ", h.unescape(re.sub(r"<[^>]+>", "", html))).strip()


def _items(ctx: dict, css_class: str) -> list[str]:
    found = re.findall(
        r'<li class="blocker [^"]*' + css_class + r'[^"]*"[^>]*>(.*?)</li>', ctx["html"], re.S
    )
    return [_text(x) for x in found]


@then(parsers.parse('the first blocking item reads "{text}"'))
def first_blocker(ctx: dict, text: str) -> None:
    items = _items(ctx, "finding")
    assert items and items[0].split(" ", 1)[1] == text, items


@then(parsers.parse('a blocking item reads "{text}"'))
def some_blocker(ctx: dict, text: str) -> None:
    assert text in [i.split(" ", 1)[1] for i in _items(ctx, "finding")], _items(ctx, "finding")


@then(parsers.parse('the verdict line reads "{text}"'))
def verdict_line(ctx: dict, text: str) -> None:
    line = re.search(r'id="verdict-line">(.*?)</p>', ctx["html"], re.S)
    assert line and _text(line.group(1)) == text


@then(parsers.parse('the gap is "{title}", missing, with the reason starting "{reason}"'))
def the_gap(ctx: dict, title: str, reason: str) -> None:
    gaps = re.findall(r'<li class="blocker gap missing"[^>]*>(.*?)</li>', ctx["html"], re.S)
    assert len(gaps) == 1, gaps
    label = say(ctx["lang"], "ui.missing")
    assert _text(gaps[0]).startswith(f"✘ {label} {title} — {reason}"), _text(gaps[0])


@when(parsers.parse("the desk officer opens it at {width:d} × {height:d}"))
def open_at(ctx: dict, browser, width: int, height: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(ctx["report"].as_uri())
    page.wait_for_load_state("load")
    ctx["page"], ctx["viewport"] = page, (width, height)


@then("the first blocking item is in the first viewport")
def first_in_viewport(ctx: dict) -> None:
    box = ctx["page"].locator(".blocker").first.bounding_box()
    assert box is not None and 0 <= box["y"] < ctx["viewport"][1] - 20, box


@then("the page is no wider than the screen")
def no_horizontal_scroll(ctx: dict) -> None:
    width = ctx["page"].evaluate("document.documentElement.scrollWidth")
    assert width <= ctx["viewport"][0], width


@then("the body text uses the report's font stack")
def font_stack(ctx: dict) -> None:
    css = (ROOT / "reports" / "report.css").read_text(encoding="utf-8")
    declared = re.search(r"body \{ font-family: ([^;]+);", css).group(1)
    computed = ctx["page"].evaluate(
        "getComputedStyle(document.querySelector('#blocking')).fontFamily"
    )
    assert computed == declared, (computed, declared)
    assert "&#34;" not in ctx["html"] and "&quot;" not in ctx["html"].split("</style>")[0]


@then("no English reason or message appears on the page")
def no_english(ctx: dict) -> None:
    text = ctx["page"].locator("main").inner_text()
    c = ctx["check"]
    english = [reason_text("en", v.why, c.mandate.element(v.id)) for v in c.assessment.verdicts]
    english += [say("en", f.code, **f.params) for f in c.findings]
    english += [
        m
        for m in catalog("en").messages.values()
        if isinstance(m, str) and "{" not in m and len(m.split()) >= 3
    ]
    assert not [e for e in english if e in text]
    assert not re.search(r"\b(?:paragraphs?|Answered in|Nothing in the letter)\b", text)


@then("the page is laid out right to left with Arabic interface words")
def right_to_left(ctx: dict) -> None:
    page = ctx["page"]
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    heading = page.locator("#h-blocking").inner_text()
    assert heading == say("ar", "ui.blocking") and re.search(r"[\u0600-\u06FF]", heading)
    box = page.locator("#h-blocking").bounding_box()
    width = ctx["viewport"][0]
    assert box["x"] + box["width"] > width / 2  # the heading starts on the right
    # Arabic glyphs render with a real font, not boxes: the text has width.
    assert page.evaluate(
        "document.fonts.check('16px \"Noto Naskh Arabic\"') || document.fonts.check('16px \"Noto Sans Arabic\"')"
    )


@then("the letter's own text keeps its language and direction")
def letter_direction(ctx: dict) -> None:
    para = ctx["page"].locator(".para .text").first
    assert para.get_attribute("lang") == "zh" and para.get_attribute("dir") == "ltr"


@then(parsers.parse('a screenshot of the first screen is saved as "{name}"'))
def first_screen_shot(ctx: dict, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    target = SCREENS / name
    ctx["page"].screenshot(path=str(target))
    width, height, distinct = png_facts(target.read_bytes())
    viewport = ctx["page"].viewport_size
    assert (width, height) == (viewport["width"], viewport["height"])
    assert distinct > 50  # a page of text and colour, not a blank or uniform image


@then("the first A4 page holds the verdict, every blocking item and every element's title")
def first_printed_page(ctx: dict) -> None:
    from pypdf import PdfReader

    page = PdfReader(str(ctx["pdf"])).pages[0]
    assert abs(float(page.mediabox.width) - 595) < 3 and abs(float(page.mediabox.height) - 842) < 3
    text = re.sub(r"\s+", " ", page.extract_text())
    lang, c = ctx["lang"], ctx["check"]
    assert say(lang, "ui.ready" if c.ready else "ui.not_ready") in text
    blockers = [c.findings[b.finding] for b in c.readiness.blocking if b.kind == "finding"]
    assert blockers
    for finding in blockers:  # what each blocking finding names: the placeholder, the character
        shown = [v for v in finding.params.values() if isinstance(v, str)]
        for value in shown or [_flagged_text(c, finding)]:
            assert value in text, (value, finding)
    for element in c.mandate.elements:
        words = element.title[lang].split()
        assert " ".join(words[:3]) in text, element.title[lang]


def _flagged_text(c, finding) -> str:
    """What a finding flags in its paragraph (its span), else its excerpt."""
    if finding.span and finding.paragraph:
        a, b = finding.span
        flagged = c.document.paragraph(finding.paragraph).text[a:b].strip()
        if flagged:
            return flagged
    return finding.excerpt
