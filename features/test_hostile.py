"""Steps of hostile.feature: each case builds its files in a temporary folder and names the command.

Every file a case makes is watched: after the run its sha256 (or, for a FIFO, device node or
symbolic link, its kind and target) must be as before, and a path that did not exist must still
not exist. Devices are made with os.mknod in the temporary folder, never taken from /dev.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from lettercraft import ROOT, SEED
from pytest_bdd import given, parsers, scenarios, then, when

scenarios("hostile.feature")

MANDATE_CLI = Path(sys.executable).with_name("mandate")
LETTER_HEAD = "2020年6月1日秘书长给安全理事会主席的信\n\n谨提及安全理事会第2480(2019)号决议。\n\n"
LETTER_TAIL = "\n\n请将本信提请安全理事会成员注意为荷。\n\n安东尼奥·古特雷斯(签名)\n"


# --- Watching files ---------------------------------------------------------------------------


def _fingerprint(path: Path) -> tuple | None:
    """What must not change: the kind of file, and its bytes or its target."""
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if stat.S_ISLNK(st.st_mode):
        return ("link", os.readlink(path))
    if stat.S_ISREG(st.st_mode):
        return ("file", hashlib.sha256(path.read_bytes()).hexdigest())
    if stat.S_ISCHR(st.st_mode):
        return ("chr", st.st_rdev)
    if stat.S_ISFIFO(st.st_mode):
        return ("fifo",)
    if stat.S_ISDIR(st.st_mode):
        return ("dir", tuple(sorted(p.name for p in path.iterdir())))
    return ("other", stat.S_IFMT(st.st_mode))


def _watch(ctx: dict, *paths: Path) -> None:
    for path in paths:
        ctx["watch"][path] = _fingerprint(path)


def _letter(ctx: dict, name: str = "letter.txt", text: str | None = None) -> Path:
    path = ctx["tmp"] / name
    path.write_text(SEED.read_text(encoding="utf-8") if text is None else text, encoding="utf-8")
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _char_device(path: Path) -> Path:
    """A character device node (the numbers of /dev/zero) made here, never the system's."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


def _rules_copy(ctx: dict) -> dict:
    return yaml.safe_load((ROOT / "rules" / "2480.yaml").read_text(encoding="utf-8"))


def _alias_bomb(levels: int = 9) -> str:
    """A few hundred bytes that expand to 10**levels strings if aliases were followed."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, levels):
        refs = ", ".join([f"*a{n - 1}"] * 10)
        lines.append(f"a{n}: &a{n} [{refs}]")
    return "\n".join(lines) + "\n"


def _docx(path: Path, build: Callable) -> Path:
    import docx

    document = docx.Document()
    build(document)
    document.save(str(path))
    return path


# --- The cases --------------------------------------------------------------------------------


def _case(ctx: dict, case: str) -> list[str]:
    tmp: Path = ctx["tmp"]
    if case.startswith("check -o "):
        letter = _letter(ctx)
        kind = case.removeprefix("check -o ")
        if kind == "a character device node":
            target = _char_device(tmp / "null")
        elif kind == "a FIFO":
            target = _fifo(tmp / "out.fifo")
        elif kind == "a symbolic link":
            victim = _letter(ctx, "victim.txt", "precious")
            target = tmp / "link.html"
            target.symlink_to(victim)
            _watch(ctx, victim)
        elif kind == "a hard link to the letter":
            target = tmp / "same.html"
            os.link(letter, target)
        elif kind == "a path under the letter":
            target = letter / "r.json"
        elif kind == "the waivers file":
            target = tmp / "letter.waivers.yaml"
            target.write_text("waivers: []\n", encoding="utf-8")
        elif kind == "- writes JSON to standard output":
            _watch(ctx, letter, tmp / "-")
            return ["check", str(letter), "-f", "json", "-o", "-"]
        else:
            raise AssertionError(case)
        _watch(ctx, letter, target)
        return ["check", str(letter), "-f", "html", "-o", str(target)]
    if case == "check a FIFO as the letter":
        fifo = _fifo(tmp / "letter.txt")
        _watch(ctx, fifo)
        return ["check", str(fifo)]
    if case == "check a symbolic link loop":
        (tmp / "a.txt").symlink_to(tmp / "b.txt")
        (tmp / "b.txt").symlink_to(tmp / "a.txt")
        _watch(ctx, tmp / "a.txt", tmp / "b.txt")
        return ["check", str(tmp / "a.txt"), "--no-report"]
    if case == "check a directory named letter.txt":
        (tmp / "letter.txt").mkdir()
        _watch(ctx, tmp / "letter.txt", tmp / "letter.mandate.html")
        return ["check", str(tmp / "letter.txt")]
    if case.startswith("check with "):
        letter = _letter(ctx)
        _watch(ctx, letter, tmp / "letter.mandate.html")
        what = case.removeprefix("check with ")
        args = ["check", str(letter), "--no-report"]
        if what == "a FIFO as the rules file":
            rules = _fifo(tmp / "rules.yaml")
        elif what == "a character device as the rules":
            rules = _char_device(tmp / "zero")
        elif what == "rules built from YAML aliases":
            rules = tmp / "bomb.yaml"
            rules.write_text(_alias_bomb(), encoding="utf-8")
        elif what == "a rules file that is a list":
            rules = tmp / "list.yaml"
            rules.write_text("- 1\n- 2\n", encoding="utf-8")
        elif what == "waivers built from YAML aliases":
            waivers = tmp / "w.yaml"
            waivers.write_text(_alias_bomb() + "waivers: []\n", encoding="utf-8")
            _watch(ctx, waivers)
            return [*args, "--mandate", "2480", "--waivers", str(waivers)]
        elif what.startswith("--max-size "):
            return [*args, "--mandate", "2480", "--max-size", what.split()[1]]
        elif what == "a bad --format value":
            return [*args, "--format", "pdf"]
        elif what == "--waivers nope.yaml":
            return [*args, "--mandate", "2480", "--waivers", str(tmp / "nope.yaml")]
        elif what.startswith("a waiver for an unknown "):
            entry = (
                {"element": "a.nowhere", "reason": "Agreed with the Department."}
                if what.endswith("element")
                else {"rule": "spelling", "reason": "Agreed with the Department."}
            )
            waivers = tmp / "letter.waivers.yaml"
            waivers.write_text(yaml.safe_dump({"waivers": [entry]}), encoding="utf-8")
            _watch(ctx, waivers)
            return [*args, "--mandate", "2480"]
        else:
            raise AssertionError(case)
        _watch(ctx, rules)
        return [*args, "--mandate", str(rules)]
    if case.startswith("diff -o the "):
        old = _letter(ctx, "old.txt")
        new = _letter(ctx, "new.txt", SEED.read_text(encoding="utf-8").replace("[618]", "618"))
        _watch(ctx, old, new)
        target = new if case.endswith("new draft") else old
        return ["diff", str(old), str(new), "--mandate", "2480", "-o", str(target)]
    if case == "rules draft -o its own paragraph file":
        para = _letter(ctx, "para.txt", "The Council requests a report on (a) roads; (b) bridges.")
        _watch(ctx, para)
        return ["rules", "draft", str(para), "-o", str(para), "--number", "9", "--year", "2020"]
    if case == "batch -o the folder of letters":
        folder = tmp / "bo"
        folder.mkdir()
        _letter(ctx, "bo/one.txt")
        _watch(ctx, folder, folder / "one.txt")
        return ["batch", str(folder), "-o", str(folder), "--mandate", "2480"]
    if case == "batch -o a file":
        letter = _letter(ctx)
        target = _letter(ctx, "reports", "not a folder")
        _watch(ctx, letter, target)
        return ["batch", str(letter), "-o", str(target), "--mandate", "2480"]
    if case.startswith("annotate -o "):
        draft = _docx(tmp / "draft.docx", lambda d: d.add_paragraph("部队轮调工作继续进行。"))
        if case.endswith("the draft itself"):
            target = draft
        else:
            victim = _letter(ctx, "victim.txt", "precious")
            target = tmp / "out.docx"
            target.symlink_to(victim)
            _watch(ctx, victim)
        _watch(ctx, draft, target)
        return ["annotate", str(draft), "-o", str(target), "--mandate", "2480"]
    return _handled_case(ctx, case)


def _handled_case(ctx: dict, case: str) -> list[str]:
    tmp: Path = ctx["tmp"]
    report = tmp / "out.html"
    if case == "check a UTF-32 letter with a BOM":
        letter = tmp / "letter.txt"
        letter.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-32"))
        _watch(ctx, letter)
        return ["check", str(letter), "-f", "json", "-o", str(tmp / "r.json")]
    if case == "check a UTF-8 letter with one invalid byte":
        letter = tmp / "letter.txt"
        text = LETTER_HEAD + "部队轮调工作继续进行。\n\n第二段的文字"
        letter.write_bytes(text.encode("utf-8") + b"\xff" + "也在这里。".encode() + b"\n")
        _watch(ctx, letter)
        return ["check", str(letter), "-f", "json", "-o", str(tmp / "r.json")]
    if case == "check a letter carrying ESC and NUL bytes":
        letter = _letter(ctx, "letter.txt", LETTER_HEAD + "部队轮调\x1b[2J工作\x00继续[6\x001\x1b8]。" + LETTER_TAIL)
        _watch(ctx, letter)
        ctx["report"] = report
        return ["check", str(letter), "-o", str(report)]
    if case == "check a number of 5,000 digits":
        big = "1" + "0" * 4999
        letter = _letter(ctx, "letter.txt", LETTER_HEAD + f"共有{big}个单位：其中{big}个单位和3个单位。")
        _watch(ctx, letter)
        return ["check", str(letter), "--no-report"]
    if case == "check a .docx with ilvl 9 and junk numbering":
        draft = _junk_numbering_docx(tmp / "draft.docx")
        _watch(ctx, draft)
        return ["check", str(draft), "--no-report", "--mandate", "2480"]
    if case == "check a .docx paragraph without a final stop":

        def build(d) -> None:
            d.add_paragraph("2020年6月1日秘书长给安全理事会主席的信")
            d.add_paragraph("部队轮调工作在加奥和通布图继续进行而且所有部队均已完成换防和部署的全部工作")
            d.add_paragraph("稳定团继续保护马里中部平民的安全并开展巡逻。")

        draft = _docx(tmp / "draft.docx", build)
        _watch(ctx, draft)
        ctx["json"] = tmp / "r.json"
        return ["check", str(draft), "--mandate", "2480", "-f", "json", "-o", str(ctx["json"])]
    if case == "check a .docx whose table precedes text":

        def build(d) -> None:
            d.add_paragraph("2020年6月1日秘书长给安全理事会主席的信")
            table = d.add_table(rows=1, cols=2)
            table.rows[0].cells[0].text = "部队轮调进展情况说明"
            table.rows[0].cells[1].text = "加奥和通布图的营已完成换防而且部署工作仍在继续进行中"
            d.add_paragraph("稳定团继续保护马里中部平民的安全并开展巡逻。")

        draft = _docx(tmp / "draft.docx", build)
        _watch(ctx, draft)
        ctx["json"] = tmp / "r.json"
        return ["check", str(draft), "--mandate", "2480", "-f", "json", "-o", str(ctx["json"])]
    if case == "annotate a .docx whose body is one table":

        def build(d) -> None:
            body = d.element.body
            for p in list(body.iterchildren()):
                if p.tag.endswith("}p"):
                    body.remove(p)
            table = d.add_table(rows=2, cols=2)
            table.rows[0].cells[0].text = "部队轮调"
            table.rows[0].cells[1].text = "两个营已完成换防。"
            table.rows[1].cells[0].text = "数字"
            table.rows[1].cells[1].text = "共有[618]名人员。"
            body.remove(table._tbl)
            body.insert(0, table._tbl)

        draft = _docx(tmp / "draft.docx", build)
        ctx["annotated"] = tmp / "annotated.docx"
        _watch(ctx, draft)
        return ["annotate", str(draft), "-o", str(ctx["annotated"]), "--mandate", "2480"]
    if case == "diff after removing only [618]":
        seed = SEED.read_text(encoding="utf-8")
        assert "[618]" in seed and "[319]" in seed
        old = _letter(ctx, "old.txt", seed)
        new = _letter(ctx, "new.txt", seed.replace("[618]", "618"))
        _watch(ctx, old, new)
        return ["diff", str(old), str(new), "--mandate", "2480"]
    if case == "batch a folder with a letter named index.html":
        folder = tmp / "bo"
        folder.mkdir()
        page = folder / "index.html"
        page.write_text(
            "<html><body><p>2020年6月1日秘书长给安全理事会主席的信</p>"
            "<p>部队轮调工作继续进行。</p></body></html>",
            encoding="utf-8",
        )
        _letter(ctx, "bo/index.txt", LETTER_HEAD + "部队轮调工作继续进行。" + LETTER_TAIL)
        ctx["page"] = page
        _watch(ctx, page, folder / "index.txt")
        return ["batch", str(folder), "-o", str(folder / "reports"), "--mandate", "2480"]
    if case == "batch a folder with hostile entries":
        folder = tmp / "bo"
        folder.mkdir()
        _letter(ctx, "bo/good.txt", LETTER_HEAD + "部队轮调工作继续进行。" + LETTER_TAIL)
        (folder / "dangling.txt").symlink_to(tmp / "gone.txt")
        _fifo(folder / "pipe.txt")
        (folder / "folder.txt").mkdir()
        ctx["index"] = tmp / "reports" / "index.html"
        _watch(ctx, *folder.iterdir())
        return ["batch", str(folder), "-o", str(tmp / "reports"), "--mandate", "2480"]
    if case == "batch letters whose names hold # and ?":
        folder = tmp / "bo"
        folder.mkdir()
        for name in ("a#1.txt", "b?2.txt", "c d%.txt"):
            _letter(ctx, f"bo/{name}", LETTER_HEAD + "部队轮调工作继续进行。" + LETTER_TAIL)
        ctx["index"] = tmp / "reports" / "index.html"
        _watch(ctx, *folder.iterdir())
        return ["batch", str(folder), "-o", str(tmp / "reports"), "--mandate", "2480"]
    raise AssertionError(f"unknown case {case!r}")


def _junk_numbering_docx(path: Path) -> Path:
    """Numbering with ilvl 9, a non-integer ilvl, start and outline level: Word's damage."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("2020年6月1日秘书长给安全理事会主席的信")
    for text, ilvl in (("部队轮调工作继续进行。", "9"), ("稳定团继续开展巡逻。", "x")):
        p = document.add_paragraph(text, style="List Number")
        ppr = p._p.get_or_add_pPr()
        num_pr = ppr.makeelement(qn("w:numPr"), {})
        lvl = num_pr.makeelement(qn("w:ilvl"), {qn("w:val"): ilvl})
        num = num_pr.makeelement(qn("w:numId"), {qn("w:val"): "1"})
        num_pr.extend([lvl, num])
        ppr.append(num_pr)
        outline = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): "one"})
        ppr.append(outline)
    numbering = document.part.numbering_part.element
    for lvl in numbering.iter(qn("w:lvl")):
        lvl.set(qn("w:ilvl"), "x" if lvl.get(qn("w:ilvl")) == "1" else lvl.get(qn("w:ilvl")))
        start = lvl.find(qn("w:start"))
        if start is not None:
            start.set(qn("w:val"), "first")
    document.save(str(path))
    return path


# --- Steps ------------------------------------------------------------------------------------


@given(parsers.parse('the hostile case "{case}"'))
def hostile_case(ctx: dict, case: str) -> None:
    ctx["watch"] = {}
    ctx["argv"] = _case(ctx, case)


@when("the desk officer runs that command")
def run_command(ctx: dict) -> None:
    # A FIFO that blocked would hang here: the timeout turns a hang into a failure.
    ctx["proc"] = subprocess.run(
        [str(MANDATE_CLI), *ctx["argv"]],
        capture_output=True,
        text=True,
        cwd=ctx["tmp"],
        timeout=120,
        env={**os.environ, "COLUMNS": "100"},
    )


@then("every input and target is unchanged")
def all_unchanged(ctx: dict) -> None:
    assert ctx["watch"], "the case watches no file"
    for path, before in ctx["watch"].items():
        assert _fingerprint(path) == before, f"{path} changed: {before} -> {_fingerprint(path)}"


@then("standard output holds the JSON and no file named - exists")
def json_on_stdout(ctx: dict) -> None:
    data = json.loads(ctx["proc"].stdout)
    assert data["mandate"]["id"] == "2480"
    assert not (ctx["tmp"] / "-").exists()


def _json(ctx: dict) -> dict:
    path = ctx.get("json") or ctx["tmp"] / "r.json"
    return json.loads(path.read_text(encoding="utf-8"))


@then(parsers.parse("the letter was read as {encoding}"))
def read_as(ctx: dict, encoding: str) -> None:
    data = _json(ctx)
    assert data["letter"]["encoding"] == encoding
    assert len(data["requirements"]) == 8


@then(parsers.parse("an encoding finding names paragraph {n:d}"))
def encoding_finding(ctx: dict, n: int) -> None:
    found = [f for f in _json(ctx)["findings"] if f["rule"] == "encoding"]
    assert [f["paragraph"] for f in found] == [n], found
    assert f"Paragraph {n}" in found[0]["message"]


@then("neither the terminal nor the report carries ESC or NUL")
def no_controls(ctx: dict) -> None:
    out = ctx["proc"].stdout + ctx["proc"].stderr
    assert "\x1b" not in out and "\x00" not in out
    page = ctx["report"].read_text(encoding="utf-8")
    assert "\x1b" not in page and "\x00" not in page
    assert "[618]" in html.unescape(page)  # the placeholder was still found, controls gone


@then("the check finished")
def finished(ctx: dict) -> None:
    out = ctx["proc"].stdout
    assert "internal error" not in ctx["proc"].stderr
    assert "covered" in out or "missing" in out


def _paragraph_texts(ctx: dict) -> list[str]:
    from mandate.pipeline import check

    draft = next(p for p in ctx["watch"] if p.suffix == ".docx")
    return [p.text for p in check(draft, "2480").document.paragraphs]


@then("the two .docx paragraphs stay apart")
def docx_apart(ctx: dict) -> None:
    texts = _paragraph_texts(ctx)
    assert any(t.endswith("全部工作") for t in texts), texts
    assert any(t.startswith("稳定团继续保护") for t in texts), texts
    assert not any(f["rule"] == "page-break" for f in _json(ctx)["findings"])


@then("the table row and the paragraph stay apart")
def table_apart(ctx: dict) -> None:
    texts = _paragraph_texts(ctx)
    row = [t for t in texts if " | " in t]
    assert len(row) == 1 and "稳定团" not in row[0], texts
    assert any(t.startswith("稳定团继续保护") for t in texts), texts


@then("the table's comments sit on their own cells")
def comments_on_cells(ctx: dict) -> None:
    import docx

    document = docx.Document(str(ctx["annotated"]))
    commented: dict[str, list[str]] = {}
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                xml = cell._tc.xml
                ids = re.findall(r'w:commentRangeStart w:id="(\d+)"', xml)
                commented[cell.text] = ids
    comments = {c.comment_id: c.text for c in document.comments}
    placeholder = [i for i, t in comments.items() if "placeholder" in t.lower() and "[618]" in t]
    assert placeholder, comments
    assert str(placeholder[0]) in commented["共有[618]名人员。"], commented
    assert str(placeholder[0]) not in commented["部队轮调"], commented


@then("only [618] is reported resolved and nothing added")
def diff_618(ctx: dict) -> None:
    out = ctx["proc"].stdout
    resolved = [line for line in out.splitlines() if line.startswith("finding resolved")]
    added = [line for line in out.splitlines() if line.startswith("finding added")]
    assert len(resolved) == 1 and "[618]" in resolved[0], out
    assert added == [], out


@then("the letter named index.html keeps its bytes")
def index_letter_kept(ctx: dict) -> None:
    reports = sorted(p.name for p in (ctx["tmp"] / "bo" / "reports").iterdir())
    # The index, and a report for each of the two letters, neither of them named index.html.
    assert len(reports) == 3 and reports[-1] == "index.html", reports
    assert all(r[:3].isdigit() and r.endswith(".html") for r in reports[:-1]), reports


@then("the index lists every entry that could not be checked")
def index_lists_failures(ctx: dict) -> None:
    page = html.unescape(ctx["index"].read_text(encoding="utf-8"))
    for name, reason in (
        ("dangling.txt", "does not exist"),
        ("pipe.txt", "FIFO"),
        ("folder.txt", "directory"),
    ):
        assert name in page, name
        assert reason in page, reason
        assert re.search(rf"could not check {re.escape(name)}: .*{reason}", ctx["proc"].stderr)


@then("the index links are URL-encoded and lead to the reports")
def links_encoded(ctx: dict) -> None:
    from urllib.parse import unquote

    page = ctx["index"].read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)"', page)
    assert len(links) == 3, links
    for link in links:
        assert "#" not in link and "?" not in link and " " not in link, link
        assert (ctx["index"].parent / unquote(html.unescape(link))).is_file(), link
