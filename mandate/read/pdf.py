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
                    text = line.get_text().strip()
                    if not text:
                        continue
                    chars = [c for c in line if isinstance(c, LTChar)]
                    bold = bool(chars) and all("bold" in c.fontname.lower() for c in chars)
                    lines.append(_Line(text, line.x0, line.y0, line.y1, number, bold))
            lines.sort(key=lambda ln: (-ln.y1, ln.x0))
            pages.append(lines)
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
    """Lines into paragraphs: a new one at a wider gap, a first-line indent, or a heading."""
    gaps = [a.y0 - b.y1 for lines in pages for a, b in pairwise(lines) if 0 <= a.y0 - b.y1 < 40]
    usual = statistics.median(gaps) if gaps else 4.0
    left = statistics.median([ln.x0 for lines in pages for ln in lines] or [0])
    blocks: list[Block] = []
    current: list[_Line] = []
    opens_page = False  # the block being built starts a new page

    def flush() -> None:
        nonlocal current, opens_page
        if current:
            blocks.append(
                Block(
                    text=join_lines([ln.text for ln in current]),
                    line=len(blocks) + 1,
                    blank_before=1,
                    page_break_before=opens_page,
                    heading_level=2 if all(ln.bold for ln in current) else None,
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
                indented = ln.x0 - left > 8 and prev.x0 - left <= 8
                if gap > usual * 1.8 or indented or ln.bold != prev.bold:
                    flush()
            current.append(ln)
    flush()
    return blocks
