"""The other pages: the draft diff and the batch index (one view object each, templates in
reports/)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mandate import __version__
from mandate.diff import DraftDiff
from mandate.render.html import environment
from mandate.resources import reports_dir


def _css() -> str:
    return (reports_dir() / "report.css").read_text(encoding="utf-8")


@dataclass
class DiffView:
    d: DraftDiff
    old_name: str
    new_name: str
    version: str
    css: str


def render_diff_html(d: DraftDiff) -> str:
    """The draft diff as a self-contained page."""
    view = DiffView(d, Path(d.old_path).name, Path(d.new_path).name, __version__, _css())
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


@dataclass
class IndexView:
    rows: list[IndexRow]
    ready_count: int
    all_ready: bool
    version: str
    css: str


def render_index_html(rows: list[IndexRow]) -> str:
    """The batch index page: one row per letter, linking to its report."""
    ready = sum(1 for r in rows if r.ready and not r.error)
    view = IndexView(rows, ready, ready == len(rows), __version__, _css())
    return environment().get_template("index.html.j2").render(v=view)
