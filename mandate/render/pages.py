"""The other pages: the draft diff and the batch index (one view object each, templates in
reports/), with the report's readiness, element titles and words from the message catalog."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from mandate import __version__, messages
from mandate.diff import DraftDiff
from mandate.messages import long_date, say
from mandate.pipeline import Check
from mandate.render.html import css, environment
from mandate.render.text import verdict_line
from mandate.render.words import title


def _dir(lang: str) -> str:
    return messages.direction(lang)


@dataclass
class StatusRow:
    id: str
    title: str
    old: str
    new: str
    old_label: str
    new_label: str


@dataclass
class DiffView:
    d: DraftDiff
    lang: str
    dir: str
    s: object
    old_name: str
    new_name: str
    old_verdict: str
    new_verdict: str
    statuses: list[StatusRow]
    added: list[tuple[str, str, str]]  # severity, label, text
    resolved: list[tuple[str, str, str]]
    letter_lang: str
    version: str
    css: Markup


def render_diff_html(
    d: DraftDiff, check: Check | None = None, lang: str | None = None, old: Check | None = None
) -> str:
    """The draft diff as a self-contained page; with the new draft's check, titles and verdicts."""
    lang = lang or (check.document.language if check else "en")
    if lang not in messages.languages():
        lang = "en"

    def t(code: str, **params: object) -> str:
        return say(lang, code, **params)

    titles = {e.id: title(e.title, lang, e.id) for e in check.mandate.elements} if check else {}

    def label(status: str) -> str:
        return t(f"ui.{status}") if status in ("covered", "partial", "missing") else status

    def words(f) -> tuple[str, str, str]:
        text = messages.finding_text(lang, f)
        where = messages.paragraphs(lang, [f.paragraph]) if f.paragraph else ""
        return f.severity, t(f"ui.{f.severity}"), f"{where}{t('ui.colon')}{text}" if where else text

    yes = t("ui.ready")
    no = t("ui.not_ready")
    view = DiffView(
        d=d,
        lang=lang,
        dir=_dir(lang),
        s=t,
        old_name=Path(d.old_path).name,
        new_name=Path(d.new_path).name,
        old_verdict=verdict_line(old, lang) if old else (yes if d.old_ready else no),
        new_verdict=verdict_line(check, lang) if check else (yes if d.new_ready else no),
        statuses=[
            StatusRow(s.id, titles.get(s.id, s.id), s.old, s.new, label(s.old), label(s.new))
            for s in d.statuses
        ],
        added=[words(f) for f in d.findings_added],
        resolved=[words(f) for f in d.findings_resolved],
        letter_lang=check.document.language if check else lang,
        version=__version__,
        css=css(),
    )
    return environment().get_template("diff.html.j2").render(v=view)


@dataclass
class IndexRow:
    name: str
    report: str | None
    mandate: str
    ready: bool
    covered: int
    partial: int
    missing: int
    errors: int
    warnings: int
    error: str | None = None
    date: str = ""
    language: str = ""
    blocking: str = ""
    gaps: list[str] = field(default_factory=list)


def index_row(check: Check, report: str, lang: str) -> IndexRow:
    """One letter's row of the batch index, from its check (the one readiness)."""
    statuses = [v.status.value for v in check.assessment.verdicts]
    severities = [f.severity for f in check.findings if not f.waived]
    letter = check.document.language
    gaps = [
        title(check.mandate.element(b.element).title, lang, b.element)
        for b in check.readiness.blocking
        if b.kind == "gap" and b.element
    ]
    return IndexRow(
        name=Path(check.document.path).name,
        report=report,
        mandate=check.mandate.resolution,
        ready=check.ready,
        covered=statuses.count("covered"),
        partial=statuses.count("partial"),
        missing=statuses.count("missing"),
        errors=severities.count("error"),
        warnings=severities.count("warning"),
        date=long_date(lang, check.letter_date) if check.letter_date else "—",
        language=messages.catalog(letter).name if letter in messages.languages() else letter,
        blocking=verdict_line(check, lang, head=False),
        gaps=gaps,
    )


@dataclass
class IndexView:
    rows: list[IndexRow]
    lang: str
    dir: str
    s: object
    ready_count: int
    all_ready: bool
    version: str
    css: Markup


def render_index_html(rows: list[IndexRow], lang: str = "en") -> str:
    """The batch index page: one row per letter, not-ready (and unreadable) letters first."""
    if lang not in messages.languages():
        lang = "en"
    ready = sum(1 for r in rows if r.ready and not r.error)
    ordered = sorted(rows, key=lambda r: (r.ready and not r.error, r.name))

    def t(code: str, **params: object) -> str:
        return say(lang, code, **params)

    view = IndexView(ordered, lang, _dir(lang), t, ready, ready == len(rows), __version__, css())
    return environment().get_template("index.html.j2").render(v=view)
