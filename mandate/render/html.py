"""The HTML coverage report: one view object, one jinja2 template, CSS inlined (self-contained).

The view is built from the check's models only; nothing here reads or re-parses the letter.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from mandate import __version__
from mandate.models import Finding, Role, Status
from mandate.pipeline import Check
from mandate.resources import reports_dir

STATUS_MARK = {Status.COVERED: "✔", Status.PARTIAL: "◐", Status.MISSING: "✘"}


@dataclass(frozen=True)
class Piece:
    """A run of text, highlighted or not: templates never slice strings themselves."""

    text: str
    hit: bool


@dataclass
class ElementRow:
    id: str
    anchor: str
    item: str
    title: str
    title_en: str
    status: str
    status_label: str
    mark: str
    reason: str
    places: list[tuple[str, str, list[int]]]  # section label, section href, paragraphs
    quote: list[Piece]
    quote_place: str
    quote_href: str
    terms: list[str]
    waiver: str | None


@dataclass
class ParagraphView:
    index: int
    label: str | None
    anchor: str
    role: str
    pieces: list[Piece]
    labels: list[tuple[str, str, bool]]  # element id, anchor, substantive
    findings: list[Finding]
    set_aside: list[str]


@dataclass
class SectionView:
    index: int
    anchor: str
    title: str
    kind: str
    cells: list[str]  # per element: "substantive" | "mention" | ""
    paragraphs: list[ParagraphView] = field(default_factory=list)


@dataclass
class ReportView:
    """Everything the report template shows, precomputed and ready to print."""

    lang: str
    t: dict[str, str]
    title: str
    ready: bool
    counts_text: str
    finding_counts_text: str
    elements: list[ElementRow]
    element_ids: list[str]
    sections: list[SectionView]
    findings: list[tuple[Finding, str]]
    request: list[tuple[str, str, bool]]  # language, text, unofficial
    conditions: list[str]
    meta: list[tuple[str, str]]
    css: str


def pieces(text: str, spans: list[tuple[int, int]], offset: int = 0) -> list[Piece]:
    """Split text into highlighted and plain runs; spans are relative to ``offset``."""
    out: list[Piece] = []
    cursor = 0
    for start, end in sorted({(max(0, s - offset), min(len(text), e - offset)) for s, e in spans}):
        if end <= cursor or start >= len(text):
            continue
        start = max(start, cursor)
        if start > cursor:
            out.append(Piece(text[cursor:start], False))
        out.append(Piece(text[start:end], True))
        cursor = end
    if cursor < len(text):
        out.append(Piece(text[cursor:], False))
    return out


@cache
def strings() -> dict[str, dict[str, str]]:
    """The interface words of every language."""
    return yaml.safe_load((reports_dir() / "i18n.yaml").read_text(encoding="utf-8"))


def build_view(check: Check, lang: str | None = None) -> ReportView:
    """The report's view object from a finished check."""
    doc, mandate = check.document, check.mandate
    lang = lang or (doc.language if doc.language in strings() else "en")
    t = strings()[lang]
    verdicts = {v.id: v for v in check.assessment.verdicts}
    counts = Counter(v.status.value for v in check.assessment.verdicts)
    severities = Counter(f.severity for f in check.findings)

    def section_title(index: int) -> str:
        section = doc.sections[index]
        if section.heading:
            return section.heading
        return {"preamble": t["preamble"], "closing": t["closing"]}.get(section.kind, t["untitled"])

    def place(section: int, paragraph: int) -> str:
        return f"§{section} {section_title(section)}, {t['paragraph']} {paragraph}"

    rows = []
    for element in mandate.elements:
        v = verdicts[element.id]
        best = v.evidence[0] if v.evidence else None
        quote: list[Piece] = []
        if best is not None:
            start = max(0, best.text.find(best.sentence))
            quote = pieces(best.sentence, best.highlights, offset=start)
        rows.append(
            ElementRow(
                id=element.id,
                anchor=f"el-{element.id}",
                item=element.item,
                title=element.title.get(lang) or element.title.get(doc.language) or element.id,
                title_en=element.title.get("en", ""),
                status=v.status.value,
                status_label=t[v.status.value],
                mark=STATUS_MARK[v.status],
                reason=v.reason,
                places=_places(v.evidence, section_title),
                quote=quote,
                quote_place=place(best.section, best.paragraph) if best else "",
                quote_href=f"#p-{best.paragraph}" if best else "",
                terms=best.terms if best else [],
                waiver=v.waiver if v.waived else None,
            )
        )

    labels = {pl.paragraph: pl.labels for pl in check.classification.paragraphs}
    by_paragraph: dict[int | None, list[Finding]] = defaultdict(list)
    for f in check.findings:
        by_paragraph[f.paragraph].append(f)
    section_labels = {s.section: s for s in check.classification.sections}
    ids = [e.id for e in mandate.elements]
    sections = []
    for section in doc.sections:
        if not section.paragraphs and section.kind != "body":
            continue
        sl = section_labels.get(section.index)
        mentioned = {
            lab.element for p in section.paragraphs for lab in labels.get(p, []) if lab.score > 0
        }
        cells = [
            "substantive" if sl and e in sl.elements else ("mention" if e in mentioned else "")
            for e in ids
        ]
        view = SectionView(
            index=section.index,
            anchor=f"s-{section.index}",
            title=section_title(section.index),
            kind=section.kind,
            cells=cells,
        )
        for p in doc.section_paragraphs(section):
            plabels = labels.get(p.index, [])
            spans = [(h.start, h.end) for lab in plabels for h in lab.hits if h.counted]
            view.paragraphs.append(
                ParagraphView(
                    index=p.index,
                    label=p.label,
                    anchor=f"p-{p.index}",
                    role=p.role.value,
                    pieces=pieces(p.text, spans),
                    labels=[
                        (lab.element, f"#el-{lab.element}", lab.substantive)
                        for lab in plabels
                        if lab.score > 0
                    ],
                    findings=by_paragraph.get(p.index, []),
                    set_aside=sorted(
                        {
                            f"{h.term} ({h.why_not})"
                            for lab in plabels
                            for h in lab.hits
                            if not h.counted
                        }
                    ),
                )
            )
        sections.append(view)

    request = []
    for code in [doc.language, *[c for c in ("en", "zh", "fr") if c != doc.language]]:
        if code in mandate.request and len(request) < 2:
            request.append((code, mandate.request[code], code in mandate.unofficial))
    conditions = [
        c.text.get(lang) or c.text.get("en") or next(iter(c.text.values()))
        for c in mandate.process_conditions
    ]
    meta = [
        (t["tool"], f"mandate {__version__}"),
        (t["rules"], f"{mandate.resolution} — {Path(mandate.source).name}"),
        (t["language"], doc.language),
        (t["encoding"], doc.encoding),
        (t["input_hash"], doc.sha256),
    ]
    return ReportView(
        lang=lang,
        t=t,
        title=f"{mandate.resolution} — {Path(doc.path).name}",
        ready=check.ready,
        counts_text=t["counts"].format(
            covered=counts.get("covered", 0),
            partial=counts.get("partial", 0),
            missing=counts.get("missing", 0),
        ),
        finding_counts_text=t["finding_counts"].format(
            error=severities.get("error", 0),
            warning=severities.get("warning", 0),
            info=severities.get("info", 0),
        ),
        elements=rows,
        element_ids=ids,
        sections=sections,
        findings=[(f, f"#p-{f.paragraph}" if f.paragraph else "") for f in check.findings],
        request=request,
        conditions=conditions,
        meta=meta,
        css=(reports_dir() / "report.css").read_text(encoding="utf-8"),
    )


def _places(evidence, section_title) -> list[tuple[str, str, list[int]]]:
    """Substantive passages grouped by section, in letter order."""
    grouped: dict[int, list[int]] = {}
    for e in sorted(evidence, key=lambda e: e.paragraph):
        if e.substantive:
            grouped.setdefault(e.section, []).append(e.paragraph)
    return [(f"§{s} {section_title(s)}", f"#s-{s}", ps) for s, ps in grouped.items()]


@cache
def environment() -> Environment:
    """autoescape everywhere and StrictUndefined: a typo in a template fails, never prints blank."""
    return Environment(
        loader=FileSystemLoader(str(reports_dir())),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_no_controls,
    )


def _no_controls(value: object) -> object:
    """Every printed value without control characters (a NUL or ESC from a file name)."""
    from markupsafe import Markup

    from mandate.hygiene import clean

    if isinstance(value, Markup):
        return Markup(clean(str(value)))
    return clean(value) if isinstance(value, str) else value


def render_html(check: Check, lang: str | None = None) -> str:
    """The self-contained HTML report of one check."""
    view = build_view(check, lang=lang)
    return environment().get_template("report.html.j2").render(v=view, Role=Role)
