"""Read a draft from disk into blocks of text, whatever its encoding; refuse what cannot be used.

The reader knows files and encodings, not letters: it never decides what is a heading or a request.
The file is opened read-only and never written.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from mandate.errors import InputError
from mandate.models import Block, Source

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_BLANK = re.compile(r"^[ \t\u3000\u00a0]*$")


def read(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The blocks of a draft file; InputError (one sentence) when it cannot be used."""
    data = _read_bytes(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix in {".docx", ".pdf", ".doc", ".odt", ".rtf"}:
        raise InputError(f"{path}: {suffix} files are not supported yet; save the draft as .txt.")
    text, encoding = decode(data, path)
    return Source(
        path=str(path),
        format="txt",
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=split_blocks(text),
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{path} is a directory, not a letter.")
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path} does not exist.") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read: permission denied.") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if size > max_bytes:
        raise InputError(
            f"{path} is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB limit."
        )
    try:
        with open(path, "rb", buffering=0) as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{path} cannot be read: permission denied.") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if len(data) > max_bytes:
        raise InputError(f"{path} is over the {max_bytes / 1_048_576:.0f} MB limit.")
    return data


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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only paid for drafts that are not UTF-8

    best = from_bytes(data).best()
    if best is None:
        return None, ""
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    """Control characters or unassigned code points in bulk mean this was never text."""
    sample = text[:20000]
    bad = sum(
        1
        for ch in sample
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
    return Block(
        text=join_lines(lines), line=line, blank_before=blank, page_break_before=page_break
    )


def join_lines(lines: list[str]) -> str:
    """Wrapped lines of one block become one paragraph: no space between CJK characters."""
    out = lines[0]
    for line in lines[1:]:
        if out and (_is_cjk(out[-1]) or _is_cjk(line[0])):
            out += line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out += " " + line
    return out


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
