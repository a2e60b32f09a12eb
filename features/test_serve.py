"""Steps of serve.feature: a real `mandate serve` driven through Debian's chromium."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from lettercraft import SEED, SEED_HEADINGS, seed_blocks, to_docx
from pytest_bdd import given, parsers, scenarios, then, when
from serving import start_server

from mandate.messages import say
from mandate.web.pages import catalog

scenarios("serve.feature")

MANDATE_CLI = Path(sys.executable).with_name("mandate")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`mandate serve --port 0`, as a desk officer starts it; stopped with SIGTERM at the end."""
    folder = tmp_path_factory.mktemp("serve")
    log = folder / "server.log"
    proc, url = start_server(["--port", "0"], log, {**os.environ, "TMPDIR": str(folder)})
    yield url
    proc.terminate()
    assert proc.wait(timeout=30) == 0, log.read_text("utf-8")


@given("`mandate serve` is running on a free loopback port")
def running(ctx: dict, server: str) -> None:
    ctx["url"] = server


def _open(ctx: dict, browser, locale: str, javascript: bool = True) -> None:
    if "browser_context" in ctx:
        ctx["browser_context"].close()
    context = browser.new_context(
        locale=locale,
        java_script_enabled=javascript,
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
    )
    ctx["browser_context"] = context
    page = context.new_page()
    ctx["requests"] = []
    page.on("request", lambda r: ctx["requests"].append(r.url))
    page.goto(ctx["url"])
    ctx["page"] = page


@pytest.fixture(autouse=True)
def _close_context(ctx: dict):
    yield
    if "browser_context" in ctx:
        ctx["browser_context"].close()


@when("the desk officer opens the page in English")
def open_english(ctx: dict, browser) -> None:
    _open(ctx, browser, "en-GB")


@when("the desk officer opens the page in English with JavaScript off")
def open_no_script(ctx: dict, browser) -> None:
    _open(ctx, browser, "en-GB", javascript=False)


@when("the desk officer opens the page with a browser set to Chinese")
def open_chinese(ctx: dict, browser) -> None:
    _open(ctx, browser, "zh-CN")


def _submit(ctx: dict, button: str = "#submit") -> None:
    page = ctx["page"]
    with page.expect_navigation(wait_until="load", timeout=60_000):
        page.click(button)


@when("chooses the bundled letter of 1 June 2020 and submits it")
def choose_seed(ctx: dict) -> None:
    ctx["page"].set_input_files("#letter", str(SEED))
    _submit(ctx)


@when("chooses the bundled letter saved as a Word file and submits it")
def choose_docx(ctx: dict) -> None:
    ctx["draft"] = to_docx(seed_blocks(), SEED_HEADINGS, ctx["tmp"] / "seed.docx")
    ctx["page"].set_input_files("#letter", str(ctx["draft"]))
    _submit(ctx)


@when("drops the bundled letter of 1 June 2020 on the form and submits it")
def drop_seed(ctx: dict) -> None:
    page = ctx["page"]
    transfer = page.evaluate_handle(
        """text => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], "seed.txt", {type: "text/plain"}));
            return transfer;
        }""",
        SEED.read_text(encoding="utf-8"),
    )
    page.dispatch_event("[data-drop=letter]", "drop", {"dataTransfer": transfer})
    assert page.eval_on_selector("#letter", "input => input.files[0].name") == "seed.txt"
    _submit(ctx)


@when(parsers.parse('submits a file named "{name}"'))
@when(parsers.parse('the desk officer submits a file named "{name}"'))
def submit_named(ctx: dict, name: str) -> None:
    path = ctx["tmp"] / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n" if name.endswith(".png") else b"some text")
    ctx["page"].set_input_files("#letter", str(path))
    _submit(ctx)


@when(parsers.parse('the desk officer submits an empty file named "{name}"'))
def submit_empty(ctx: dict, name: str) -> None:
    path = ctx["tmp"] / name
    path.write_bytes(b"")
    ctx["page"].set_input_files("#letter", str(path))
    _submit(ctx)


@when(parsers.parse("the desk officer switches the interface to French"))
def switch_french(ctx: dict) -> None:
    page = ctx["page"]
    with page.expect_navigation():
        page.click('nav a[hreflang="fr"]')


@when("downloads the annotated copy")
def download_annotated(ctx: dict) -> None:
    page = ctx["page"]
    with page.expect_download() as info:
        page.click('a[download$=".annotated.docx"]')
    download = info.value
    assert download.suggested_filename == "seed.annotated.docx"
    ctx["annotated"] = ctx["tmp"] / download.suggested_filename
    download.save_as(str(ctx["annotated"]))


@then(parsers.parse("the report says the draft is {state}"))
def report_verdict(ctx: dict, state: str) -> None:
    verdict = ctx["page"].locator("#verdict")
    assert verdict.is_visible()
    assert verdict.get_attribute("data-ready") == ("true" if state == "ready" else "false")
    lang = ctx["page"].locator("html").get_attribute("lang")
    assert say(lang, "ui.ready" if state == "ready" else "ui.not_ready") in verdict.inner_text()
    assert ctx["page"].locator("#elements tbody tr").count() == 8


@then(parsers.parse('the "{placeholder}" placeholder is among the blockers'))
def placeholder_blocks(ctx: dict, placeholder: str) -> None:
    page = ctx["page"]
    blocking = page.locator('#blocking #blockers li[data-rule="placeholder"]')
    texts = [blocking.nth(i).inner_text() for i in range(blocking.count())]
    assert any(placeholder in t for t in texts), texts
    assert page.locator("#blocking").is_visible()
    assert page.locator("#verdict").get_attribute("data-ready") == "false"


@then("the report offers the JSON and the report itself for download")
def offers_downloads(ctx: dict) -> None:
    page = ctx["page"]
    names = page.eval_on_selector_all(
        "#downloads a[download]", "links => links.map(a => a.getAttribute('download'))"
    )
    assert names == ["2480-letter-2020-06-01.zh.mandate.json", "2480-letter-2020-06-01.zh.mandate.html"]
    with page.expect_download() as info:
        page.click('a[download$=".mandate.json"]')
    saved = ctx["tmp"] / "result.json"
    info.value.save_as(str(saved))
    import json

    assert json.loads(saved.read_text("utf-8"))["mandate"]["id"] == "2480"


@then("the browser fetched nothing outside the server")
def nothing_outside(ctx: dict) -> None:
    outside = [u for u in ctx["requests"] if not (u.startswith(ctx["url"]) or u.startswith("data:"))]
    assert outside == [], outside


@then(parsers.parse('the annotated copy has a Word comment about the "{placeholder}" placeholder'))
def comment_about(ctx: dict, placeholder: str) -> None:
    import docx

    annotated = docx.Document(io.BytesIO(ctx["annotated"].read_bytes()))
    comments = [c.text for c in annotated.comments]
    assert any(placeholder in c and "placeholder" in c.lower() for c in comments), comments
    assert all(c.author == "mandate" for c in annotated.comments)


@then("the annotated copy's text is the draft's text")
def same_text(ctx: dict) -> None:
    import docx

    def text(path: Path) -> list[str]:
        return [p.text for p in docx.Document(str(path)).paragraphs]

    assert text(ctx["annotated"]) == text(ctx["draft"])


def _in_language(ctx: dict, code: str) -> None:
    page = ctx["page"]
    assert page.get_attribute("html", "lang") == code
    assert page.locator("h1").inner_text() == catalog()[code].title
    assert page.locator("#submit").inner_text() == catalog()[code].submit
    assert page.locator(f'nav a[hreflang="{code}"]').get_attribute("aria-current") == "page"


@then("the page is in Chinese")
def in_chinese(ctx: dict) -> None:
    _in_language(ctx, "zh")


@then("the page is in French")
def in_french(ctx: dict) -> None:
    _in_language(ctx, "fr")


@then(parsers.parse('the error page is in French and says "{sentence}"'))
def error_in_french(ctx: dict, sentence: str) -> None:
    page = ctx["page"]
    assert page.get_attribute("html", "lang") == "fr"
    assert page.locator("#error h2").inner_text() == catalog()["fr"].error_title
    assert page.locator("#error-message").inner_text() == sentence


@then(parsers.parse('the error page says "{start}" with status {status:d}'))
def error_page(ctx: dict, start: str, status: int) -> None:
    page = ctx["page"]
    assert page.locator("#error-message").inner_text().startswith(start)
    assert f"HTTP {status}" in page.locator("#error .code").inner_text()
    assert page.locator("#check-form").is_visible()


@then("axe-core finds no WCAG 2.1 A or AA violation")
def axe_clean(ctx: dict) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        ctx["page"], options={"runOnly": {"type": "tag", "values": WCAG_21_AA}}
    )
    assert results.response["passes"], "axe-core ran no rule"  # it did run, under the page's CSP
    assert results.violations_count == 0, results.generate_report()
