"""Steps of the accessibility checks: axe-core on every page, keyboard access to the first screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lettercraft import SEED, corrected_seed, join, seed_blocks, without_section, write_file
from pytest_bdd import given, parsers, scenarios, then, when

from mandate.pipeline import check
from mandate.render.html import render_html

scenarios("report_access.feature")

MANDATE_CLI = Path(sys.executable).with_name("mandate")
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@given(parsers.parse("the report of the bundled letter of 1 June 2020 in {lang}"))
def seed_report(ctx: dict, lang: str) -> None:
    ctx["page_path"] = write_file(
        ctx["tmp"], f"seed.{lang}.html", render_html(check(SEED, "2480"), lang=lang)
    )


@given(
    parsers.parse(
        'the report of the bundled letter with the sections headed "{a}" and "{b}" removed'
    )
)
def gaps_report(ctx: dict, a: str, b: str) -> None:
    letter = write_file(
        ctx["tmp"], "gaps.txt", join(without_section(without_section(seed_blocks(), a), b))
    )
    ctx["page_path"] = write_file(ctx["tmp"], "gaps.html", render_html(check(letter, "2480")))


@given(
    parsers.parse(
        'the comparison page of the bundled letter and a draft without the section headed "{h}"'
    )
)
def diff_page(ctx: dict, h: str) -> None:
    new = write_file(ctx["tmp"], "new.txt", join(without_section(seed_blocks(), h)))
    out = ctx["tmp"] / "diff.html"
    subprocess.run(
        [str(MANDATE_CLI), "diff", str(SEED), str(new), "-f", "html", "-o", str(out)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    ctx["page_path"] = out


@given("the batch index of the bundled letter, its corrected copy and a letter with gaps")
def batch_index(ctx: dict) -> None:
    folder = ctx["tmp"] / "letters"
    folder.mkdir()
    (folder / "a-seed.txt").write_bytes(SEED.read_bytes())
    (folder / "b-corrected.txt").write_text(corrected_seed(), encoding="utf-8")
    (folder / "c-gaps.txt").write_text(
        join(without_section(seed_blocks(), "部队轮调")), encoding="utf-8"
    )
    out = ctx["tmp"] / "reports"
    subprocess.run(
        [str(MANDATE_CLI), "batch", str(folder), "-o", str(out), "-m", "2480"],
        capture_output=True,
        timeout=300,
    )
    ctx["page_path"] = out / "index.html"


def _open(ctx: dict, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(ctx["page_path"].as_uri())
    page.wait_for_load_state("load")
    ctx["page"] = page
    return page


@when("axe checks the page")
def run_axe(ctx: dict, browser) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = _open(ctx, browser)
    ctx["axe"] = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    )


@then("it finds no WCAG 2.1 A or AA violation")
def no_violation(ctx: dict) -> None:
    results = ctx["axe"]
    details = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
    ]
    assert results.violations_count == 0, details


@when("the desk officer presses Tab once")
def press_tab(ctx: dict, browser) -> None:
    page = _open(ctx, browser)
    page.keyboard.press("Tab")


@then(parsers.parse('the focused link says "{text}" and has a visible outline'))
def focused(ctx: dict, text: str) -> None:
    page = ctx["page"]
    assert page.evaluate("document.activeElement.textContent") == text
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2
    box = page.evaluate("document.activeElement.getBoundingClientRect().left")
    assert box >= 0  # on screen once focused


@then("following it lands on the list of what blocks submission")
def follow_skip(ctx: dict) -> None:
    page = ctx["page"]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#blocking"
    assert page.evaluate("document.activeElement.id") == "blocking"
