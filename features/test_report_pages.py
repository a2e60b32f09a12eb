"""Steps of the other outputs: Word comments on the flagged words, batch index, draft comparison."""

from __future__ import annotations

import re
from pathlib import Path

from lettercraft import (
    SEED,
    SEED_HEADINGS,
    corrected_seed,
    join,
    replace_section_text,
    seed_blocks,
    to_docx,
    without_section,
)
from pytest_bdd import given, parsers, scenarios, then

from mandate.models import Role, Status

scenarios("report_pages.feature")

DEFERRAL = "关于部队轮调的信息将在我的下一份报告中提供。"


def _comments(path: Path) -> list[dict]:
    """Every comment: its text, its paragraphs, the text it covers and the body paragraph index."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    texts = {c.comment_id: c for c in document.comments}
    body = list(document.element.body.iterchildren())
    out = []
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        cid = start.get(qn("w:id"))
        covered, inside = [], False
        for node in document.element.body.iter():
            if node.tag == qn("w:commentRangeStart") and node.get(qn("w:id")) == cid:
                inside = True
            elif node.tag == qn("w:commentRangeEnd") and node.get(qn("w:id")) == cid:
                break
            elif inside and node.tag == qn("w:t"):
                covered.append(node.text or "")
        paragraph = start.getparent()
        comment = texts[int(cid)]
        out.append(
            {
                "id": int(cid),
                "text": comment.text,
                "lines": [p.text for p in comment.paragraphs],
                "covered": "".join(covered),
                "line": body.index(paragraph) + 1,
            }
        )
    return sorted(out, key=lambda x: x["id"])  # in the order they were written


@given(
    "the bundled letter as a Word file whose rotations section only promises the information later"
)
def docx_deferred(ctx: dict) -> None:
    parts = replace_section_text(seed_blocks(), "部队轮调", DEFERRAL)
    path = to_docx(parts, SEED_HEADINGS, ctx["tmp"] / "d.docx")
    ctx["letter"], ctx["before"] = path, path.read_bytes()


@then("python-docx reads back one comment per finding and one per element not covered")
def comment_count(ctx: dict) -> None:
    ctx["comments"] = _comments(ctx["annotated"])
    c = ctx["check"]
    gaps = [v for v in c.assessment.verdicts if v.status is not Status.COVERED]
    assert gaps and len(ctx["comments"]) == len(c.findings) + len(gaps)
    assert all(x["text"].strip() for x in ctx["comments"])


def _gap_comments(ctx: dict, element: str) -> list[dict]:
    title = ctx["check"].mandate.element(element).title["zh"]
    return [x for x in _comments(ctx["annotated"]) if title in x["lines"][0]]


@then("each finding's comment covers at most the flagged text and 10 more characters")
def tight_ranges(ctx: dict) -> None:
    c = ctx["check"]
    comments = ctx["comments"]
    finding_comments = comments[-len(c.findings) :]  # gaps are written first
    for f, x in zip(c.findings, finding_comments, strict=True):
        flagged = ""
        if f.paragraph and f.span:
            flagged = c.document.paragraph(f.paragraph).text[f.span[0] : f.span[1]]
        assert 0 < len(x["covered"]) <= len(flagged) + 10, (f.rule, flagged, x["covered"])
        if flagged:
            assert flagged in x["covered"] or x["covered"] in flagged, (flagged, x["covered"])


@then(parsers.parse('the placeholders "{a}", "{b}", "{c}" and "{d}" each carry their own comment'))
def placeholders_anchored(ctx: dict, a: str, b: str, c: str, d: str) -> None:
    for figure in (a, b, c, d):
        hits = [x for x in ctx["comments"] if x["covered"] == figure]
        assert len(hits) == 1 and figure in hits[0]["text"], figure


@then("every comment reads in Chinese first with English beneath, citing paragraphs, never lines")
def bilingual(ctx: dict) -> None:
    for x in ctx["comments"]:
        assert len(x["lines"]) == 2, x["lines"]
        local, english = x["lines"]
        assert re.search(r"[\u4e00-\u9fff]", local) and not re.search(
            r"[\u4e00-\u9fff]{4}", english.split("“")[0]
        )
        assert "line" not in x["text"].lower() and "行" not in local.replace("执行", "").replace(
            "进行", ""
        )
    cited = [x for x in ctx["comments"] if "第 7 段" in x["lines"][0]]
    assert cited and all("paragraph 7" in x["lines"][1] for x in cited)


@then("the one comment for a.rotations sits at the end of the body and says what to add")
def gap_at_end(ctx: dict) -> None:
    found = _gap_comments(ctx, "a.rotations")
    assert len(found) == 1
    last = [p for p in ctx["check"].document.paragraphs if p.role is Role.BODY][-1]
    assert found[0]["line"] == last.line and len(found[0]["covered"]) <= 10
    assert "S/RES/2480 (2019)" in found[0]["lines"][0] and "add a passage" in found[0]["lines"][1]


@then(parsers.parse('the one comment for a.rotations sits on the heading "{heading}"'))
def gap_on_heading(ctx: dict, heading: str) -> None:
    found = _gap_comments(ctx, "a.rotations")
    assert len(found) == 1 and found[0]["covered"] == heading


@given(
    parsers.parse(
        "a folder with a corrected copy of the bundled letter, the bundled letter and a letter "
        'without the section headed "{heading}"'
    )
)
def folder_of_three(ctx: dict, heading: str) -> None:
    folder = ctx["tmp"] / "letters"
    folder.mkdir()
    (folder / "a-corrected.txt").write_text(corrected_seed(), encoding="utf-8")
    (folder / "b-seed.txt").write_bytes(SEED.read_bytes())
    (folder / "c-gap.txt").write_text(
        join(without_section(blocks_of_corrected(), heading)), encoding="utf-8"
    )
    ctx["folder"] = folder


def blocks_of_corrected() -> list[str]:
    from lettercraft import blocks

    return blocks(corrected_seed())


def _rows(ctx: dict) -> list[tuple[str, str, str]]:
    html = (ctx["out"] / "index.html").read_text(encoding="utf-8")
    return re.findall(
        r'<tr data-letter="([^"]+)" data-ready="(true|false)"[^>]*>(.*?)</tr>', html, re.S
    )


@then(parsers.parse('the index lists "{a}", "{b}" as not ready, then "{c}" as ready'))
def index_order(ctx: dict, a: str, b: str, c: str) -> None:
    rows = _rows(ctx)
    assert [(name, ready) for name, ready, _ in rows] == [(a, "false"), (b, "false"), (c, "true")]


@then(parsers.parse('the row of "{name}" names the missing element "{title}"'))
def row_names_gap(ctx: dict, name: str, title: str) -> None:
    row = next(body for n, _, body in _rows(ctx) if n == name)
    assert f"<li>{title}</li>" in row and "badge missing" in row


@then(parsers.parse('each row shows the letter\'s date "{date}" and its language "{language}"'))
def row_date(ctx: dict, date: str, language: str) -> None:
    for _, _, body in _rows(ctx):
        assert f"<td>{date}</td>" in body and f"<td>{language}</td>" in body


@then(parsers.parse('the comparison page is in Chinese and names "{title}", now "{status}"'))
def diff_titles(ctx: dict, title: str, status: str) -> None:
    html = ctx["html"].read_text(encoding="utf-8")
    assert '<html lang="zh"' in html
    row = re.search(r'<tr data-element="a.rotations">(.*?)</tr>', html, re.S).group(1)
    assert title in row and f"> {status}</span>" not in row and status in row


@then(parsers.parse('it shows both drafts\' readiness: "{before}" before, "{now}" now'))
def diff_readiness(ctx: dict, before: str, now: str) -> None:
    html = ctx["html"].read_text(encoding="utf-8")
    line = re.search(r'id="verdict-line">(.*?)</p>', html, re.S).group(1)
    assert line.index(before) < line.index(now)
