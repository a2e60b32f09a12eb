"""Letters made by code from the seed, for features and unit tests alike.

Variants work on blocks (text between blank lines), so they do not depend on the segmenter
they are used to test. The seed's headings are the ones MANDATE-2480.md lists: part of the spec.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "2480-letter-2020-06-01.zh.txt"
FIXTURES = ROOT / "tests" / "fixtures"
SEED_HEADINGS = [
    "马里的安全挑战和稳定团行动",
    "部队和警察业绩",
    "对稳定团部队和警察部分的考绩",
    "挑战",
    "部队轮调",
    "安全存在的协调",
    "执行综合战略框架和过渡计划",
    "稳定团可能的长期撤出战略",
]
ELEMENTS_2480 = [
    "a.security-challenges",
    "a.operations",
    "a.force-performance",
    "a.rotations",
    "a.security-coordination",
    "b.integrated-strategic-framework",
    "b.transition-plan",
    "b.exit-strategy",
]


def blocks(text: str) -> list[str]:
    """Non-blank blocks of a plain-text letter."""
    return [b.strip() for b in re.split(r"\n[ \t\u3000]*\n", text) if b.strip()]


def join(parts: list[str]) -> str:
    return "\n\n".join(parts) + "\n"


def write_file(folder: Path, name: str, text: str) -> Path:
    """A UTF-8 text file named ``name`` in ``folder`` (a letter, a report page)."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def seed_blocks() -> list[str]:
    return blocks(SEED.read_text(encoding="utf-8"))


def section_span(parts: list[str], heading: str, headings: list[str], tail: int) -> tuple[int, int]:
    """Block indices of a section: its heading up to the next heading or the closing blocks."""
    start = parts.index(heading)
    end = len(parts) - tail
    for k in range(start + 1, len(parts) - tail):
        if parts[k] in headings:
            end = k
            break
    return start, end


def without_section(
    parts: list[str], heading: str, headings: list[str] = SEED_HEADINGS, tail: int = 2
) -> list[str]:
    """The letter with one section (heading and text) cut out; ``tail`` closing blocks kept."""
    start, end = section_span(parts, heading, headings, tail)
    return parts[:start] + parts[end:]


def without_headings(parts: list[str], headings: list[str] = SEED_HEADINGS) -> list[str]:
    return [p for p in parts if p not in headings]


def request_only(parts: list[str], head: int = 2, tail: int = 2) -> list[str]:
    """Title and restated request, then the closing formula and signature."""
    return parts[:head] + parts[-tail:]


def replace_section_text(parts: list[str], heading: str, text: str) -> list[str]:
    start, end = section_span(parts, heading, SEED_HEADINGS, 2)
    return [*parts[: start + 1], text, *parts[end:]]


def move_section_text(parts: list[str], heading: str, under: str) -> list[str]:
    """The text of one section moved to the end of another, its own heading dropped."""
    start, end = section_span(parts, heading, SEED_HEADINGS, 2)
    moved = parts[start + 1 : end]
    rest = parts[:start] + parts[end:]
    _, target_end = section_span(rest, under, SEED_HEADINGS, 2)
    return rest[:target_end] + moved + rest[target_end:]


FRONT = {
    "zh": (
        "{y}年{m}月{d}日秘书长给安全理事会主席的信",
        "谨提及安全理事会关于马里稳定团的第{res}号决议，安理会在该决议中要求我向安理会提交一封信函，"
        "重点说明：(a) 马里面临的安全挑战；(b) 可能的撤出战略。",
        "请提请安全理事会成员注意本信为荷。",
        "安东尼奥·古特雷斯(签名)",
    ),
    "en": (
        "Letter dated {d} {month} {y} from the Secretary-General addressed to the President of "
        "the Security Council",
        "I have the honour to refer to resolution {res}, in which the Council requested me to "
        "submit a letter focusing on (a) the security challenges facing Mali and (b) a possible "
        "exit strategy.",
        "I should be grateful if you would bring the present letter to the attention of the "
        "members of the Security Council.",
        "(Signed) António Guterres",
    ),
}
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def compose(
    lang: str,
    body: list[str],
    date: tuple[int, int, int] = (2020, 6, 1),
    resolution: tuple[int, int] = (2480, 2019),
    closing: bool = True,
) -> str:
    """A whole letter in ``lang`` around the given body paragraphs (page breaks as '<break>')."""
    title, request, close, signature = FRONT[lang]
    y, m, d = date
    number, year = resolution
    res = f"{number}（{year}）" if lang == "zh" else f"{number} ({year})"
    parts = [title.format(y=y, m=m, d=d, month=MONTH_NAMES[m - 1]), request.format(res=res)]
    parts += [p.replace("<break>", "\n\n\n\n") for p in body]
    if closing:
        parts += [close, signature]
    return join(parts)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def corrected_seed() -> str:
    """The seed as a careful editor would send it: no brackets, no page-break debris, full-width."""
    parts = seed_blocks()
    fixed: list[str] = []
    for part in parts:
        prev = fixed[-1] if fixed else ""
        if len(prev) > 40 and prev[-1] not in "。！？；：”":
            fixed[-1] = prev + (part[1:] if part[0] == prev[-1] else part)
        else:
            fixed.append(part)
    text = join(fixed)
    text = re.sub(r"\[(\d+)\]", r"\1", text)
    full = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in full:
            near = text[max(0, i - 1) : i + 2]
            if any(_is_cjk(c) for c in near) or ch in "()":
                chars[i] = full[ch]
    return "".join(chars)


# --- The same letter in other containers, made by real libraries ------------------------------


def to_docx(parts: list[str], headings: list[str], path: Path) -> Path:
    """A Word file: the title in the Title style, headings in Heading 1, the rest as paragraphs."""
    import docx

    document = docx.Document()
    for i, part in enumerate(parts):
        if i == 0:
            document.add_heading(part, level=0)
        elif part in headings:
            document.add_heading(part, level=1)
        else:
            paragraph = document.add_paragraph(part)
            # Where the text's paragraph was cut by a page, Word has a real page break: Word
            # marks paragraphs itself, and only a page break can split one in two.
            before = parts[i - 1]
            if i > 1 and before not in headings and before[-1] not in "。！？.!?":
                paragraph.paragraph_format.page_break_before = True
    document.save(str(path))
    return path


def to_html(parts: list[str], headings: list[str], path: Path) -> Path:
    from html import escape

    body = [f"<h1>{escape(parts[0])}</h1>"]
    body += [f"<h2>{escape(p)}</h2>" if p in headings else f"<p>{escape(p)}</p>" for p in parts[1:]]
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>draft</title>"
        "<style>p{margin:0}</style><script>var x = '马里稳定团 轮调';</script></head><body>"
        + "\n".join(body)
        + "</body></html>",
        encoding="utf-8",
    )
    return path


def to_markdown(parts: list[str], headings: list[str], path: Path) -> Path:
    lines = [f"# {parts[0]}", ""]
    for part in parts[1:]:
        lines += [f"## {part}" if part in headings else part, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def to_pdf(
    parts: list[str],
    headings: list[str],
    path: Path,
    lang: str = "zh",
    symbol: str = "S/2020/476",
    job: str = "20-07002",
) -> Path:
    """A UN-style PDF: masthead on page 1; symbol, job number, page x/y and barcode on every page;
    paragraphs wrapped to the page and cut wherever the page ends."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    if lang == "zh":
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = "STSong-Light"
    width, height = A4
    left, right, top, bottom, size, leading = 72, 72, 90, 80, 11, 15
    usable = width - left - right

    def wrap(text: str) -> list[str]:
        if lang == "zh":
            per_line = int(usable // size)
            return [text[i : i + per_line] for i in range(0, len(text), per_line)]
        return simpleSplit(text, font, size, usable)

    lines: list[tuple[str, bool]] = []  # (text, starts a paragraph)
    for part in parts:
        for n, line in enumerate(wrap(part)):
            lines.append((line, n == 0))
    per_page = int((height - top - bottom) // leading) - 2
    pages: list[list[tuple[str, bool]]] = []
    first_capacity = per_page - 6  # the masthead takes room on page 1
    pages.append(lines[:first_capacity])
    rest = lines[first_capacity:]
    while rest:
        pages.append(rest[:per_page])
        rest = rest[per_page:]
    c = canvas.Canvas(str(path), pagesize=A4)
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        c.setFont("Helvetica", 9)
        c.drawString(left, height - 40, symbol)
        c.drawString(left, 40, job)
        c.drawCentredString(width / 2, 40, f"{number}/{total}")
        c.drawRightString(width - right, 40, f"*{job.replace('-', '')}*")
        y = height - top
        if number == 1:
            for line in ["United Nations", "Security Council", "Distr.: General", "2 June 2020"]:
                c.drawString(left, y, line)
                y -= leading
            y -= leading
        c.setFont(font, size)
        for text, starts in page:
            if starts and y < height - top:
                y -= leading * 0.8  # the space between paragraphs
            c.drawString(left, y, text)
            y -= leading
        c.showPage()
    c.save()
    return path


def make_rich_docx(path: Path) -> Path:
    """A Word draft with what Word drafts really carry: automatic numbering, a table, tracked
    changes, a comment and a footer (the tracked changes are written as Word writes them)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    title, request, close, signature = FRONT["zh"]
    document = docx.Document()
    document.add_heading(title.format(y=2020, m=6, d=1), level=0)
    document.add_paragraph(request.format(res="2480（2019）"))
    document.add_heading("部队业绩和轮调", level=1)
    numbered = [
        "稳定团对24个军事单位进行了考绩，其中15个单位被评为令人满意。",
        "稳定团修订了标准作业程序，并加强了部队保护和培训。",
    ]
    first = document.add_paragraph(numbered[0], style="List Number")
    document.add_comment(first.runs, text="请核实数字", author="Desk officer", initials="DO")
    document.add_paragraph(numbered[1], style="List Number")
    tracked = parse_xml(
        f"<w:p {nsdecls('w')}><w:pPr><w:pStyle w:val='ListNumber'/></w:pPr>"
        "<w:r><w:t>本报告所述期间，</w:t></w:r>"
        "<w:del w:id='1' w:author='DO' w:date='2020-05-30T00:00:00Z'><w:r>"
        "<w:delText>三个步兵营</w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='DO' w:date='2020-05-30T00:00:00Z'><w:r>"
        "<w:t>两个步兵营</w:t></w:r></w:ins>"
        "<w:r><w:t>完成了换防，另有一个特遣队的轮调因旅行限制推迟。</w:t></w:r></w:p>"
    )
    document.element.body.insert(len(document.element.body) - 1, tracked)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["装甲车", "总数", "在用"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["辆", "550", "479"], strict=True):
        cell.text = text
    document.add_paragraph(close)
    document.add_paragraph(signature)
    document.sections[0].footer.paragraphs[0].text = "20-07002"
    document.save(str(path))
    return path


def png_facts(data: bytes) -> tuple[int, int, int]:
    """Width, height and how many distinct pixel values a PNG holds (decoded with zlib only)."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        if kind == b"IDAT":
            chunks.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour] * max(1, depth // 8)
    stride = width * channels + 1
    rows = [raw[i * stride + 1 : (i + 1) * stride] for i in range(0, height, max(1, height // 50))]
    # Filtered bytes, sampled: a uniform image gives a handful of byte values, a page of text many.
    distinct = len({row[j : j + channels] for row in rows for j in range(0, len(row), channels)})
    return width, height, distinct


def to_styled_pdf(
    parts: list[str],
    headings: list[str],
    path: Path,
    lang: str = "en",
    *,
    font: str = "Times-Roman",
    size: float = 11,
    heading_font: str | None = None,
    heading_size: float | None = None,
    heading_space: float = 0,
    paragraph_gap: float = 0,
    indent: float = 0,
    justify: bool = False,
) -> Path:
    """A PDF as another producer lays it out (platypus flows the text, so lines are real lines):
    headings set apart by a size, a face or spacing only; paragraphs by a small gap or a
    first-line indent; justified or ragged text."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if lang == "zh":
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = "STSong-Light"
    leading = size * 1.35
    body = ParagraphStyle(
        "body",
        fontName=font,
        fontSize=size,
        leading=leading,
        spaceBefore=paragraph_gap,
        firstLineIndent=indent,
        alignment=TA_JUSTIFY if justify else TA_LEFT,
        wordWrap="CJK" if lang == "zh" else None,
    )
    hsize = heading_size or size
    head = ParagraphStyle(
        "head",
        fontName=heading_font or font,
        fontSize=hsize,
        leading=hsize * 1.35,
        spaceBefore=paragraph_gap + heading_space,
        spaceAfter=heading_space,
    )
    story = [Paragraph(escape(p), head if p in headings else body) for p in parts]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path
