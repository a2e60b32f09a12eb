"""The blocking part of a request, run in the worker pool: write the upload into a private folder,
run the pipeline and the renderers, delete the folder. Nothing survives the call.

The pipeline reads from a path (its readers choose by the file's ending), hence the folder; it is
created 0700 under the server's own private root and removed in ``finally``.
"""

from __future__ import annotations

import base64
import dataclasses
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mandate.errors import InputError
from mandate.pipeline import Check
from mandate.web.uploads import Upload, UploadError

log = logging.getLogger("mandate.web")

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Download:
    """A file the page offers, carried in the page itself as a data: URL (no server state)."""

    filename: str
    media_type: str
    data: bytes

    @property
    def href(self) -> str:
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass(frozen=True)
class Checked:
    """What one check produced for the answer."""

    json_text: str
    html: str | None
    downloads: list[Download]


class _Private:
    """A private folder for one request, removed on exit whatever happened."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __enter__(self) -> Path:
        self.folder = Path(tempfile.mkdtemp(prefix="req-", dir=self.root))
        return self.folder

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _place(folder: Path, upload: Upload) -> Path:
    path = folder / upload.name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(upload.data)
    return path


def _run(path: Path, folder: Path, name: str, mandate: str | None, max_bytes: int) -> Check:
    """The pipeline on one file; its sentences name the upload, never the private folder."""
    from mandate.pipeline import check

    try:
        result = check(path, mandate, max_bytes=max_bytes)
    except InputError as exc:
        raise UploadError(400, str(exc).replace(f"{path.parent}/", "")) from None
    except RecursionError:
        raise UploadError(400, f"{name} is nested too deeply to be read.") from None
    document = result.document.model_copy(update={"path": name})
    return dataclasses.replace(result, document=document)


def check_upload(
    root: Path,
    upload: Upload,
    mandate: str | None,
    lang: str | None,
    max_bytes: int,
    html: bool = True,
) -> Checked:
    """Check one upload; with ``html`` also the report and the downloads it offers."""
    from mandate.render.json import render_json

    with _Private(root) as folder:
        path = _place(folder, upload)
        result = _run(path, folder, upload.name, mandate, max_bytes)
        json_text = render_json(result)
        if not html:
            return Checked(json_text, None, [])
        from mandate.render.html import render_html

        report = render_html(result, lang=lang)
        stem = Path(upload.name).stem
        downloads = [
            Download(f"{stem}.mandate.json", "application/json", json_text.encode("utf-8")),
            Download(f"{stem}.mandate.html", "text/html", report.encode("utf-8")),
        ]
        if result.document.format == "docx":
            from mandate.render.word import annotate_docx

            annotated = folder / f".annotated-{stem}.docx"
            annotate_docx(result, path, annotated)
            downloads.append(Download(f"{stem}.annotated.docx", DOCX_TYPE, annotated.read_bytes()))
        return Checked(json_text, report, downloads)


def diff_uploads(root: Path, old: Upload, new: Upload, mandate: str | None, max_bytes: int) -> str:
    """The draft diff page of two uploads (the same as ``mandate diff -f html``)."""
    from mandate.diff import diff
    from mandate.render.pages import render_diff_html

    with _Private(root) as folder:
        (folder / "old").mkdir()
        (folder / "new").mkdir()
        old_path = _place(folder / "old", old)
        new_path = _place(folder / "new", new)
        older = _run(old_path, folder / "old", old.name, mandate, max_bytes)
        newer = _run(new_path, folder / "new", new.name, mandate or older.mandate.source, max_bytes)
        return render_diff_html(diff(older, newer), newer, old=older)
