"""Word drafts (.docx) with python-docx: headings from styles and outline levels, Word's own
paragraph numbering kept as the paragraph's label, tables read row by row, tracked changes read
as if accepted, comments, headers and footers left out. Zip bombs are refused by the sizes the
archive declares and by what it actually inflates to.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from pathlib import Path

from mandate.errors import InputError
from mandate.language import profiles
from mandate.models import Block

MAX_INFLATED = 200 * 1024 * 1024  # a 40-page letter inflates to a few MB; this is generous
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@cache
def _heading_style() -> re.Pattern[str]:
    """Heading style names in every profile language ('Heading 2', 'Titre 2')."""
    names = {n for p in profiles().values() for n in p.letter.heading_styles} | {"heading"}
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"^(?:{alt})\s*(\d)$", re.IGNORECASE)


_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _check_archive(data: bytes, path: Path) -> None:
    if data.startswith(_OLE):
        raise InputError(
            f"{path} is password-protected (encrypted) or an old .doc file; "
            "save it as an unprotected .docx."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{path} is not a valid .docx file (damaged or truncated).") from None
    declared = sum(i.file_size for i in infos)
    if declared > MAX_INFLATED:
        raise InputError(
            f"{path} declares {declared / 1_048_576:.0f} MB once unpacked, over the "
            f"{MAX_INFLATED / 1_048_576:.0f} MB limit (a zip bomb?)."
        )
    actual = 0
    try:
        for info in infos:
            with archive.open(info) as member:
                while chunk := member.read(1 << 20):
                    actual += len(chunk)
                    if actual > MAX_INFLATED:
                        raise InputError(
                            f"{path} unpacks to more than {MAX_INFLATED / 1_048_576:.0f} MB "
                            "(a zip bomb?)."
                        )
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError):
        raise InputError(
            f"{path} is not a valid .docx file (damaged, truncated or encrypted)."
        ) from None
    if "word/document.xml" not in archive.namelist():
        raise InputError(f"{path} is not a Word document (no word/document.xml).")


def read_docx(data: bytes, path: Path, max_bytes: int) -> list[Block]:
    """Blocks of a .docx body in reading order."""
    _check_archive(data, path)
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for malformed packages
        raise InputError(
            f"{path} cannot be opened as a Word document ({type(exc).__name__})."
        ) from None
    numbering = _Numbering(document)
    blocks: list[Block] = []
    for n, anchor in enumerate(anchors(document.element.body), start=1):
        if anchor.tag == qn("w:p"):
            text = _text(anchor)
            if not text.strip():
                continue
            blocks.append(
                Block(
                    text=text,
                    line=n,
                    blank_before=1,
                    page_break_before=_page_break_before(anchor),
                    heading_level=_heading_level(anchor, document),
                    label=numbering.label(anchor, document),
                    list_item=_is_list_item(anchor),
                )
            )
        else:  # a table row: its own paragraph, never joined to the text around it
            text = ROW_SEPARATOR.join(t for t, _ in row_cells(anchor) if t)
            if text:
                blocks.append(Block(text=text, line=n, blank_before=1, table=True))
    return blocks


ROW_SEPARATOR = " | "


def anchors(body) -> list:
    """Body paragraphs and table rows in reading order: a .docx block's ``line`` is its 1-based
    position here, so the Word round trip finds the element a finding belongs to."""
    from docx.oxml.ns import qn

    out = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(child)
        elif child.tag == qn("w:tbl"):
            out.extend(child.iterchildren(qn("w:tr")))
    return out


def row_cells(row) -> list[tuple[str, object]]:
    """A table row's cells: (text, the cell element), in order."""
    from docx.oxml.ns import qn

    return [
        (" ".join(_text(p) for p in cell.iter(qn("w:p"))).strip(), cell)
        for cell in row.iterchildren(qn("w:tc"))
    ]


def _int(value: str | None, default: int | None = None) -> int | None:
    """An integer attribute of the XML, or ``default`` when it is missing or not an integer."""
    if value is None:
        return default
    try:
        return int(value.strip())
    except (ValueError, AttributeError):
        return default


def _is_list_item(p) -> bool:
    """A paragraph in a Word list (bullets or numbering, directly or by a List style)."""
    from docx.oxml.ns import qn

    if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
        return True
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and "list" in (style.get(qn("w:val")) or "").lower()


def _text(p) -> str:
    """A paragraph's text with insertions kept and deletions and moved-from text dropped."""
    from docx.oxml.ns import qn

    skip = {qn("w:del"), qn("w:moveFrom")}
    parts: list[str] = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        ancestor = node.getparent()
        dropped = False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in skip:
                dropped = True
                break
            ancestor = ancestor.getparent()
        if dropped:
            continue
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        else:
            parts.append(" ")
    return "".join(parts).strip()


def _page_break_before(p) -> bool:
    from docx.oxml.ns import qn

    if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None:
        return True
    first_run = p.find(qn("w:r"))
    if first_run is not None:
        br = first_run.find(qn("w:br"))
        return br is not None and br.get(qn("w:type")) == "page"
    return False


def _heading_level(p, document) -> int | None:
    """From the style ('Heading 2', 'Title') or an explicit outline level."""
    from docx.text.paragraph import Paragraph

    style = Paragraph(p, document).style
    while style is not None:
        name = style.name or ""
        if name.lower() == "title":
            return 0
        m = _heading_style().match(name)
        if m:
            return int(m.group(1))
        level = _outline(style.element)
        if level is not None:
            return level
        style = style.base_style
    return _outline(p)


def _outline(element) -> int | None:
    """An explicit outline level 0-8 as a heading level 1-9 (9 is body text; junk is ignored)."""
    from docx.oxml.ns import qn

    outline = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    level = _int(outline.get(qn("w:val"))) if outline is not None else None
    return level + 1 if level is not None and 0 <= level <= 8 else None


def _style_numbering(p, document):
    """Numbering that comes with the paragraph's style ('List Number')."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    style = Paragraph(p, document).style
    while style is not None:
        num_pr = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            return num_pr
        style = style.base_style
    return None


class _Numbering:
    """Word's automatic numbering, computed the way Word shows it ('12.', 'a)', 'iv.')."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract_levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        for abstract in root.iter(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iter(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                level = _int(lvl.get(qn("w:ilvl")))
                if level is None or not 0 <= level <= 8:
                    continue  # Word has levels 0-8; anything else is damage, not numbering
                first = _int(start.get(qn("w:val")), 1) if start is not None else 1
                levels[level] = (
                    (fmt.get(qn("w:val")) or "decimal") if fmt is not None else "decimal",
                    (text.get(qn("w:val")) or "") if text is not None else "%1.",
                    max(0, min(first or 0, 10**6)),
                )
            abstract_levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                abstract_id = ref.get(qn("w:val"))
                self.abstract_of[num.get(qn("w:numId"))] = abstract_id
                for level, spec in abstract_levels.get(abstract_id, {}).items():
                    self.formats[(num.get(qn("w:numId")), level)] = spec

    def label(self, p, document=None) -> str | None:
        qn = self.qn
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None and document is not None:
            num_pr = _style_numbering(p, document)
        if num_pr is None:
            return None
        num_id_el, ilvl_el = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
        if num_id_el is None:
            return None
        num_id = num_id_el.get(qn("w:val"))
        level = _int(ilvl_el.get(qn("w:val")), 0) if ilvl_el is not None else 0
        if level is None or not 0 <= level <= 8 or (num_id, level) not in self.formats:
            return None
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, [0] * 9)
        fmt, text, start = self.formats[(num_id, level)]
        counters[level] = counters[level] + 1 if counters[level] else start
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        if fmt == "bullet" or fmt == "none":
            return None
        out = text
        for depth in range(level + 1):
            spec = self.formats.get((num_id, depth), ("decimal", "", 1))
            out = out.replace(f"%{depth + 1}", _format(counters[depth] or spec[2], spec[0]))
        return out


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for value, numeral in _ROMAN:
            while n >= value:
                out, n = out + numeral, n - value
        return out.upper() if fmt == "upperRoman" else out
    return str(n)
