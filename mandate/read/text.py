"""Plain text: decode any encoding, then blocks between blank lines (page-break hints kept)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from mandate.errors import InputError
from mandate.models import Block, trusted

_BLANK = re.compile(r"^[ \t\u3000\u00a0]*$")


def decode(data: bytes, path: Path | str = "input") -> tuple[str, str]:
    """Text and the encoding it was in; binary junk is refused rather than guessed at."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(f"{path} is empty.")
    text, encoding = _decode(data)
    if text is None:
        raise InputError(f"{path} is not a text file in any encoding the checker recognises.")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{path} contains only white space.")
    if _looks_binary(text):
        raise InputError(f"{path} looks like binary data, not the text of a letter.")
    return text, encoding


def _decode(data: bytes) -> tuple[str | None, str]:
    """UTF-8 first (most drafts, and exact); then BOMs; then charset-normalizer's best guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError:
            pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mended = _utf8_with_bad_bytes(data)
    if mended is not None:
        return mended, "utf-8 (with invalid bytes)"
    from charset_normalizer import from_bytes  # only paid for drafts that are not UTF-8

    best = from_bytes(data).best()
    if best is None:
        return None, ""
    return str(best), best.encoding


def _utf8_with_bad_bytes(data: bytes) -> str | None:
    """UTF-8 with a stray bad byte or two: read, the bytes shown as U+FFFD (a lint finding says
    where). A file in another encoding has no valid multi-byte sequences and is left to guessing."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if bad > 0 and good >= 8 and bad <= max(2, good // 50):
        return text
    return None


def _looks_binary(text: str) -> bool:
    """Control characters or unassigned code points in bulk mean this was never text."""
    sample = text[:20000]
    bad = sum(  # each distinct character's category looked up once
        n
        for ch, n in Counter(sample).items()
        if (unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"} and ch not in "\n\r\t\f")
    )
    return bad > max(8, len(sample) // 100)


def split_blocks(text: str) -> list[Block]:
    """Blocks of non-blank lines; form feeds and runs of blank lines are kept as break hints."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    current: list[str] = []
    start = blank_before = blank = 0
    page_break = pb_before = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw
        if "\f" in line:
            page_break = True
            line = line.replace("\f", "")
        if _BLANK.match(line):
            if current:
                blocks.append(_block(current, start, blank_before, pb_before))
                current = []
                blank = 0
            blank += 1
            continue
        if not current:
            start, blank_before, pb_before = number, blank, page_break
            page_break = False
        current.append(line.strip())
    if current:
        blocks.append(_block(current, start, blank_before, pb_before))
    return blocks


def _block(lines: list[str], line: int, blank: int, page_break: bool) -> Block:
    # Built from values of the right types (``trusted``): a 17 MB letter has ~50,000 blocks, and
    # validating each was a sixth of reading it.
    return trusted(
        Block,
        text=join_lines(lines),
        line=line,
        blank_before=blank,
        page_break_before=page_break,
        heading_level=None,
        label=None,
        table=False,
        list_item=False,
    )


def join_lines(lines: list[str]) -> str:
    """Wrapped lines of one block become one paragraph: no space between CJK characters."""
    lines = [line for line in lines if line]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    joined = "".join(lines)
    chinese = len(_CJK.findall(joined)) > 0.3 * len(joined)  # then a line end is never a space
    out = lines[0]
    for line in lines[1:]:
        if out and (chinese or _is_cjk(out[-1]) or _is_cjk(line[0])):
            out += line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out += " " + line
    return out


_CJK = re.compile("[\u3000-\u9fff\uff00-\uffef]")


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
