"""PDF letters with pdfminer.six: text lines with their positions, so that the UN layout's running
lines can be told from body text, and paragraphs rebuilt from line spacing.

Why pdfminer.six: it is pure Python, reads CID-keyed CJK fonts through their CMaps, and gives each
line's coordinates and fonts; pypdf's text extraction loses positions, and pdfplumber is a layer
over pdfminer that adds nothing this reader needs.

Running lines left out: the document symbol (S/2020/476), the job number (20-07002), page numbers
(2/5), barcodes (*2007002*), the masthead of the first page (United Nations, Security Council,
Distr.: General, Original: English) and any line repeated in the top or bottom margin of most
pages. Lines and paragraphs that run on over a page break stay separate blocks marked as such;
the segmenter rejoins them and remembers where.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

from mandate.errors import InputError
from mandate.language import profiles
from mandate.models import Block
from mandate.read.text import join_lines

# Symbols, job numbers and page numbers; each language profile adds its own page lines
# ("Page 2 of 5") and masthead lines ("United Nations", "Security Council").
_NEUTRAL_RUNNING = (
    r"S/\d{4}/\d+(?:/\S+)?|S/RES/\d+\s*\(\d{4}\)|\d{2}-\d{5}\s*(?:\([A-Z]\))?|\d+\s*/\s*\d+"
    r"|\*\d{5,}\*|-?\s*\d+\s*-?"
)


@cache
def _running() -> re.Pattern[str]:
    extra = [x for p in profiles().values() for x in p.letter.page_lines]
    return re.compile("^(?:" + "|".join([_NEUTRAL_RUNNING, *extra]) + ")$", re.IGNORECASE)


@cache
def _masthead() -> re.Pattern[str]:
    lines = [x for p in profiles().values() for x in p.letter.masthead] or [r"(?!x)x"]
    return re.compile("^(?:" + "|".join(lines) + ")$", re.IGNORECASE)


_MARGIN = 0.09  # top and bottom share of the page where running lines live


@dataclass
class _Line:
    text: str
    x0: float
    y0: float
    y1: float
    page: int
    bold: bool
    size: float = 0.0
    x1: float = 0.0


def _lines(data: bytes, path: Path) -> tuple[list[list[_Line]], list[float]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    if not data.lstrip()[:5] == b"%PDF-":
        raise InputError(f"{path} is not a PDF file.")
    if b"%%EOF" not in data[-4096:]:
        raise InputError(f"{path} is truncated (the PDF has no end-of-file marker).")
    pages: list[list[_Line]] = []
    heights: list[float] = []
    try:
        for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams())):
            heights.append(page.height)
            lines = []
            for box in page:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if not isinstance(line, LTTextLine):
                        continue
                    text = re.sub(r"[ \t]{2,}", " ", line.get_text()).strip()
                    if not text:
                        continue
                    chars = [c for c in line if isinstance(c, LTChar)]
                    bold = bool(chars) and all(_heavy(c.fontname) for c in chars)
                    size = statistics.median([c.size for c in chars]) if chars else 0.0
                    lines.append(
                        _Line(text, line.x0, line.y0, line.y1, number, bold, size, line.x1)
                    )
            lines.sort(key=lambda ln: (-ln.y1, ln.x0))
            pages.append(_same_baseline(lines))
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise InputError(f"{path} is encrypted; export an unprotected PDF.") from None
    except (
        PDFSyntaxError,
        PSException,
        ValueError,
        KeyError,
        TypeError,
        AssertionError,
        IndexError,
        EOFError,
        OSError,
    ):
        raise InputError(f"{path} is not a readable PDF (damaged or truncated).") from None
    except Exception as exc:  # pdfminer raises a wide family for broken files
        if "encrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise InputError(f"{path} is encrypted; export an unprotected PDF.") from None
        raise InputError(f"{path} is not a readable PDF ({type(exc).__name__}).") from None
    return pages, heights


def _same_baseline(lines: list[_Line]) -> list[_Line]:
    """Pieces of one printed line put back together: justified text stretches the spaces so
    wide that the layout analysis may cut a line in two."""
    out: list[_Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and abs(prev.y0 - ln.y0) < 1.5 and ln.x0 > prev.x0:
            prev.text = f"{prev.text} {ln.text}"
            prev.bold = prev.bold and ln.bold
            prev.x1 = max(prev.x1, ln.x1)
            continue
        out.append(ln)
    return out


def _heavy(fontname: str) -> bool:
    """A bold or black face, whatever the producer calls it."""
    name = fontname.lower()
    return any(w in name for w in ("bold", "black", "heavy", "semibold", "demi", ",bd", "-bd"))


def _normalise(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def read_pdf(data: bytes, path: Path) -> list[Block]:
    """Blocks of a PDF's body text, page breaks marked."""
    pages, heights = _lines(data, path)
    if not pages:
        raise InputError(f"{path} has no pages.")
    repeated: dict[str, int] = {}
    for lines, height in zip(pages, heights, strict=True):
        for line in {_normalise(ln.text) for ln in lines if _in_margin(ln, height)}:
            repeated[line] = repeated.get(line, 0) + 1
    threshold = max(2, len(pages) // 2)
    body: list[list[_Line]] = []
    for lines, height in zip(pages, heights, strict=True):
        kept = []
        for ln in lines:
            in_margin = _in_margin(ln, height)
            if in_margin and (
                _running().match(ln.text) or repeated.get(_normalise(ln.text), 0) >= threshold
            ):
                continue
            if ln.page == 0 and _masthead().match(ln.text):
                continue
            if _running().match(ln.text) and re.match(r"^\*\d+\*$|^\d{2}-\d{5}", ln.text):
                continue
            kept.append(ln)
        body.append(kept)
    return _paragraphs(body)


def _in_margin(line: _Line, height: float) -> bool:
    return line.y1 > height * (1 - _MARGIN) or line.y0 < height * _MARGIN


def _paragraphs(pages: list[list[_Line]]) -> list[Block]:
    """Lines into paragraphs: a new one at a wider gap (even a small one), a first-line indent, a
    change of face or size; a block set apart by a bold face or a larger size is a heading.

    Producers differ: headings may be set apart by size alone, by a bold or black face alone, or
    by spacing alone; paragraphs by small gaps or first-line indents; text may be justified.
    """
    body = statistics.median([ln.size for lines in pages for ln in lines if ln.size] or [0.0])
    right = max([ln.x1 for lines in pages for ln in lines] or [0])
    pairs = [(a, b, a.y0 - b.y1) for lines in pages for a, b in pairwise(lines)]
    gaps = [gap for _, _, gap in pairs if 0 <= gap < 40]
    # The line gap and the left margin are read after full lines, which a paragraph goes on
    # from: in a letter of many one- and two-line paragraphs most gaps are paragraph gaps and
    # most lines open a paragraph (indented), and medians over all lines hid both.
    after_full = [(b, gap) for a, b, gap in pairs if a.x1 >= right - 3 * max(body, 8)]
    full = [gap for _, gap in after_full if 0 <= gap < 40]
    usual = statistics.median(full or gaps) if gaps else 4.0
    margins = [b.x0 for b, gap in after_full if 0 <= gap < 40]
    left = (
        min(margins)
        if margins
        else statistics.median([ln.x0 for lines in pages for ln in lines] or [0])
    )
    # A paragraph gap: wider than the line gap by a fifth of the type size (or 1.8 times it).
    wider = min(usual * 1.8, usual + max(1.5, 0.2 * body)) if body else usual * 1.8
    blocks: list[Block] = []
    current: list[_Line] = []
    opens_page = False  # the block being built starts a new page

    def larger(ln: _Line) -> bool:
        return bool(body) and ln.size > body * 1.1

    def flush() -> None:
        nonlocal current, opens_page
        if current:
            heading = all(ln.bold for ln in current) or all(larger(ln) for ln in current)
            blocks.append(
                Block(
                    text=join_lines([ln.text for ln in current]),
                    line=len(blocks) + 1,
                    blank_before=1,
                    page_break_before=opens_page,
                    heading_level=2 if heading else None,
                )
            )
        current, opens_page = [], False

    for number, lines in enumerate(pages):
        for i, ln in enumerate(lines):
            if i == 0 and number > 0:
                flush()
                opens_page = True
            elif current:
                prev = current[-1]
                gap = prev.y0 - ln.y1
                # A first-line indent, after a full line or after a short line that ended the
                # previous paragraph (a one-line paragraph is indented too).
                short = prev.x1 < right - 3 * max(body, 8)
                indented = ln.x0 - left > 8 and (prev.x0 - left <= 8 or short)
                resized = larger(ln) != larger(prev)
                if gap > wider or indented or ln.bold != prev.bold or resized:
                    flush()
            current.append(ln)
    flush()
    return blocks
