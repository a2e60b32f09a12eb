"""The server's own pages — the upload form and the error page — and the downloads bar added to a
report. One view object per page; templates, CSS, script and words in ``reports/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from mandate.errors import InputError
from mandate.render.html import environment
from mandate.resources import reports_dir
from mandate.web.work import Download

CATALOG = "serve.yaml"


class Words(BaseModel):
    """The words of one interface language; a missing or unknown key names the file and field."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    intro: str
    letter_label: str
    letter_hint: str
    drop_hint: str
    mandate_label: str
    mandate_auto: str
    report_lang_label: str
    report_lang_letter: str
    submit: str
    diff_title: str
    diff_intro: str
    diff_old: str
    diff_new: str
    diff_submit: str
    language_switch: str
    error_title: str
    error_code: str
    try_again: str
    downloads: str
    download_json: str
    download_report: str
    download_docx: str
    download_diff: str
    back: str
    privacy: str


@cache
def catalog() -> dict[str, Words]:
    """Every interface language's words, validated."""
    path = reports_dir() / CATALOG
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, Words] = {}
    for code, words in data.items():
        try:
            out[code] = Words.model_validate(words)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path}: field {code}.{field}: {first['msg']}.") from None
    return out


def report_languages() -> list[str]:
    """The languages the report itself can be written in: those of the message catalog."""
    from mandate.messages import languages

    return list(languages())


def interface_languages() -> list[str]:
    """zh, en, fr and every language of the message catalog that has the server's words too."""
    from mandate.messages import languages

    wanted = ["zh", "en", "fr", *languages(), *report_languages()]
    words = catalog()
    return [c for c in dict.fromkeys(wanted) if c in words]


def negotiate(accept_language: str | None, choice: str | None = None) -> str:
    """The page's language: an explicit choice, else the best of Accept-Language, else English."""
    available = interface_languages()
    if choice in available:
        return choice  # type: ignore[return-value]
    ranked: list[tuple[float, int, str]] = []
    for n, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        match = re.search(r"q=([0-9.]+)", params)
        if match:
            try:
                q = float(match.group(1))
            except ValueError:
                q = 0.0
        code = tag.strip().lower().split("-")[0]
        if code and q > 0:
            ranked.append((-q, n, code))
    for _, _, code in sorted(ranked):
        if code in available:
            return code
    return "en" if "en" in available else available[0]


def _language(code: str):  # -> mandate.messages.Catalog: the language's name and direction
    from mandate.messages import catalog as messages

    return messages(code)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool = False


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    href: str
    current: bool


@dataclass
class UploadView:
    """The upload page; with ``error`` it is the error page (the form stays, to try again)."""

    lang: str
    dir: str
    t: Words
    languages: list[LanguageLink]
    mandates: list[Option]
    report_langs: list[Option]
    letter_hint: str
    accept: str
    error: str | None
    error_code: str


def upload_page(
    lang: str,
    mandates: list[tuple[str, str]],
    max_mb: float,
    accept: str,
    error: str | None = None,
    status: int = 200,
) -> str:
    """The upload page in ``lang``; with ``error`` the one sentence above the form."""
    t = catalog()[lang]
    view = UploadView(
        lang=lang,
        dir=_language(lang).dir,
        t=t,
        languages=[
            LanguageLink(code, _language(code).name, f"/?lang={code}", code == lang)
            for code in interface_languages()
        ],
        mandates=[Option("", t.mandate_auto, True)]
        + [Option(value, label) for value, label in mandates],
        report_langs=[Option("", t.report_lang_letter, lang not in report_languages())]
        + [Option(code, _language(code).name, code == lang) for code in report_languages()],
        letter_hint=t.letter_hint.format(max=f"{max_mb:g}"),
        accept=accept,
        error=error,
        error_code=t.error_code.format(status=status),
    )
    return environment().get_template("serve.html.j2").render(v=view)


@dataclass
class DownloadsView:
    lang: str
    dir: str
    t: Words
    links: list[tuple[str, str, str]]  # href, file name, label


def with_downloads(page: str, lang: str, downloads: list[Download]) -> str:
    """The report (or diff) page exactly as the CLI writes it, with a bar of downloads on top."""
    t = catalog()[lang]
    labels = {
        ".json": t.download_json,
        ".docx": t.download_docx,
        ".html": t.download_diff if len(downloads) == 1 else t.download_report,
    }
    links = [(d.href, d.filename, labels[d.filename[d.filename.rfind(".") :]]) for d in downloads]
    view = DownloadsView(lang, _language(lang).dir, t, links)
    bar = environment().get_template("serve-downloads.html.j2").render(v=view)
    # After the report's own skip link, which stays the first thing a keyboard reaches.
    match = re.search(r"<body[^>]*>\s*(<a class=\"skip\"[^>]*>[^<]*</a>\s*)?", page)
    at = match.end() if match else 0
    return page[:at] + bar + page[at:]
