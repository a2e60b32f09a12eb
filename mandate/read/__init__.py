"""Read a draft from disk into blocks of text, whatever its container and encoding.

The reader knows files, containers and encodings, not letters: it never decides what is a heading
(beyond what the markup says) or what is a request. Input is opened read-only and never written;
anything that cannot be used becomes one InputError sentence.

- .txt (and any other ending): ``read.text`` — UTF-8, BOMs, else charset-normalizer;
- .docx: ``read.docx`` — python-docx; heading styles, numbering, tables, tracked changes accepted;
- .pdf: ``read.pdf`` — pdfminer.six; running heads and footers dropped, page breaks kept;
- .html, .htm: ``read.html`` — the standard library's HTML parser;
- .md: ``read.markdown`` — markdown-it-py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mandate.errors import InputError
from mandate.files import read_input
from mandate.hygiene import strip_controls
from mandate.models import Source
from mandate.read.text import decode, join_lines, split_blocks

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_UNSUPPORTED = {".doc", ".odt", ".rtf", ".pages", ".xlsx", ".pptx"}

__all__ = ["DEFAULT_MAX_BYTES", "decode", "join_lines", "read", "read_bytes", "split_blocks"]


# What a letter may be saved as; anything else is read as text (and refused if it is not).
LETTER_SUFFIXES = (".docx", ".pdf", ".txt", ".html", ".htm", ".md", ".markdown")


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The blocks of a draft file; InputError (one sentence) when it cannot be used."""
    data = read_bytes(path, max_bytes)
    suffix = path.suffix.lower()
    digest = hashlib.sha256(data).hexdigest()
    if suffix in _UNSUPPORTED:
        raise InputError(f"{path}: {suffix} files are not supported; save the draft as .docx.")
    if suffix == ".docx":
        from mandate.read.docx import read_docx

        blocks, fmt, encoding = read_docx(data, path, max_bytes), "docx", "ooxml"
    elif suffix == ".pdf":
        from mandate.read.pdf import read_pdf

        blocks, fmt, encoding = read_pdf(data, path), "pdf", "pdf"
    elif suffix in {".html", ".htm"}:
        from mandate.read.html import read_html

        text, encoding = decode(data, path)
        blocks, fmt = read_html(text, path), "html"
    elif suffix in {".md", ".markdown"}:
        from mandate.read.markdown import read_markdown

        text, encoding = decode(data, path)
        blocks, fmt = read_markdown(text, path), "md"
    else:
        text, encoding = decode(data, path)
        blocks, fmt = split_blocks(text), "txt"
    blocks = [
        b.model_copy(update={"text": strip_controls(b.text)})
        if b.text != strip_controls(b.text)
        else b
        for b in blocks
    ]
    if not any(b.text.strip() for b in blocks):
        raise InputError(f"{path} has no readable text.")
    return Source(path=str(path), format=fmt, encoding=encoding, sha256=digest, blocks=blocks)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes: a regular file only, read-only and non-blocking, at most ``max_bytes``."""
    return read_input(path, max_bytes, "letter")
