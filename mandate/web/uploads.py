"""Reading an upload: the body is counted as it arrives and refused past the limit (413 before the
whole body is read), and file parts stay in memory — nothing is spooled to the system's temp folder.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from mandate.read import LETTER_SUFFIXES

# What the readers take (mandate.read); anything else is refused with 415.
ACCEPTED_SUFFIXES = LETTER_SUFFIXES
# Multipart framing, field names and the small text fields around the files.
_OVERHEAD = 64 * 1024


class UploadError(Exception):
    """One sentence for the desk officer and the HTTP status it goes with."""

    def __init__(self, status: int, sentence: str) -> None:
        super().__init__(sentence)
        self.status = status
        self.sentence = sentence


@dataclass(frozen=True)
class Upload:
    """One uploaded file: a safe base name (its ending chooses the reader) and its bytes."""

    name: str
    data: bytes

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()


def limit_sentence(name: str, max_bytes: int) -> str:
    """The CLI's sentence for a file over the limit (mandate.read.read_bytes says the same)."""
    mb = max_bytes / 1_048_576
    shown = f"{mb:.0f}" if mb >= 1 else f"{mb:.2g}"
    return f"{name} is over the {shown} MB limit."


def safe_name(filename: str | None) -> str:
    """The file's base name without folders, control characters or a leading dot."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    name = re.sub(r"^\.+", "", name)[-120:]
    return name or "letter"


class _InMemoryParser(MultiPartParser):
    """Starlette's parser with file parts kept in memory: the body limit bounds their size."""

    spool_max_size = 1 << 62


async def read_form(request: Request, files: int, max_bytes: int) -> dict[str, str | Upload]:
    """The form's fields, each file as an Upload; UploadError on a body too large or malformed.

    The limit is checked on Content-Length before anything is read, then on every chunk.
    """
    limit = files * max_bytes + _OVERHEAD
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise UploadError(413, limit_sentence("The upload", max_bytes))
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        raise UploadError(
            415, "Send the draft as a multipart/form-data upload, as the page's form does."
        )

    async def counted() -> AsyncIterator[bytes]:
        received = 0
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise UploadError(413, limit_sentence("The upload", max_bytes))
            yield chunk

    parser = _InMemoryParser(
        request.headers, counted(), max_files=files, max_fields=8, max_part_size=4096
    )
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise UploadError(400, f"The upload could not be read: {exc.message}") from None
    out: dict[str, str | Upload] = {}
    try:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if not value.filename:
                    continue  # a file input left empty
                data = await value.read()
                name = safe_name(value.filename)
                if len(data) > max_bytes:
                    raise UploadError(413, limit_sentence(name, max_bytes))
                out[key] = Upload(name, data)
            else:
                out[key] = value
    finally:
        await form.close()
    return out


def require_file(form: dict[str, str | Upload], field: str) -> Upload:
    """The named file, of an accepted type; 400 when missing, 415 when of another type."""
    upload = form.get(field)
    if not isinstance(upload, Upload):
        raise UploadError(400, "Choose a draft letter to check.")
    if upload.suffix not in ACCEPTED_SUFFIXES:
        ending = upload.suffix or "files without an ending"
        what = f"{ending} files" if upload.suffix else ending
        raise UploadError(
            415,
            f"{upload.name}: {what} are not supported; save the draft as .docx "
            f"(or {', '.join(ACCEPTED_SUFFIXES[1:])}).",
        )
    return upload
