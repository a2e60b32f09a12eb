"""The HTML coverage report: one view object, one jinja2 template, CSS inlined (self-contained).

The first screen is what to do: the verdict, what blocks submission (errors grouped by paragraph,
then the elements missing or partial with the reason and where the tool looked), the resolution,
the letter's date against the due date and the clearance conditions; then everything else. Every
word comes from the message catalog in the reader's language. The view is built from the check's
models only; nothing here reads or re-parses the letter.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from mandate import __version__, messages
from mandate.messages import long_date, say
from mandate.models import Finding, Status
from mandate.pipeline import Check
from mandate.readiness import SEVERITY_RANK, blocks
from mandate.render import words
from mandate.render.words import Seg, Segs, aside, compose, letter_text, paragraph_links
from mandate.resources import reports_dir

STATUS_MARK = {Status.COVERED: "✔", Status.PARTIAL: "◐", Status.MISSING: "✘"}
_DUE_WINDOW_DAYS = 120  # a due date further than this from the letter is another reporting cycle


@dataclass(frozen=True)
class Piece:
    """A run of text, highlighted or not: templates never slice strings themselves."""

    text: str
    hit: bool


@dataclass
class Item:
    """One line of a findings list: a sentence, where it is, what the letter says there."""

    severity: str
    rule: str
    text: Segs
    where: Segs
    quote: str = ""
    waiver: str | None = None


@dataclass
class Group:
    """Warnings and notes of one check, folded."""

    rule: str
    summary: str
    items: list[Item]


@dataclass
class GapView:
    id: str
    anchor: str
    title: Seg
    status: str
    status_label: str
    mark: str
    reason: Segs


@dataclass
class ElementRow:
    id: str
    anchor: str
    item: str
    title: Seg
    title_letter: str
    status: str
    status_label: str
    mark: str
    reason: Segs
    places: Segs
    quote: list[Piece]
    quote_href: str
    quote_label: str
    terms: list[str]
    waiver: str | None


@dataclass
class ParagraphView:
    index: int
    label: str | None
    anchor: str
    role: str
    role_label: str
    pieces: list[Piece]
    chips: list[tuple[str, str, bool]]  # title, href, substantive
    flags: list[tuple[str, str, str | None]]  # severity label, text, waiver
    flag_severities: list[str]
    set_aside: list[Segs]


@dataclass
class SectionView:
    index: int
    anchor: str
    title: str
    kind: str
    answers: list[tuple[str, str]]  # element title, href
    mentions: list[tuple[str, str]]
    paragraphs: list[ParagraphView] = field(default_factory=list)


@dataclass
class ReportView:
    """Everything the report template shows, precomputed and ready to print."""

    lang: str
    dir: str
    letter_lang: str
    letter_dir: str
    s: object  # say(code, **params) in the page's language
    title: str
    ready: bool
    verdict: str
    colon: str
    list_sep: str
    counts_text: str
    finding_counts_text: str
    blockers: list[Item]
    gaps: list[GapView]
    desk: list[tuple[str, str]]
    conditions: list[Seg]
    elements: list[ElementRow]
    groups: list[Group]
    sections: list[SectionView]
    request: list[tuple[str, str, bool, str]]  # language, text, unofficial, dir
    meta: list[tuple[str, str]]
    css: Markup
    reviewed: bool = True  # drafted rules nobody has reviewed yet are said so in the banner


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


def css() -> Markup:
    """The report's own stylesheet: trusted, so it is not HTML-escaped inside <style>."""
    return Markup((reports_dir() / "report.css").read_text(encoding="utf-8"))


def page_language(check: Check, lang: str | None) -> str:
    """The page's language: the one asked for, else the letter's (if it has a catalog), else en."""
    if lang:
        return lang
    return check.document.language if check.document.language in messages.languages() else "en"


def _flagged(finding: Finding) -> str:
    """What the letter says at the finding: the flagged text itself, else the excerpt."""
    flagged = finding.params.get("found") or finding.params.get("doubled") or finding.excerpt
    return str(flagged)


def finding_items(check: Check, findings: list[Finding], lang: str) -> list[Item]:
    """Findings as list items; several of one kind in one paragraph become one item."""
    letter = check.document.language
    grouped: dict[tuple[str, str, int | None], list[Finding]] = defaultdict(list)
    for f in findings:
        grouped[(f.rule, f.code, f.paragraph)].append(f)
    items = []
    for (rule, code, paragraph), group in grouped.items():
        first = group[0]
        where = paragraph_links(lang, [paragraph]) if paragraph else Segs()
        key = f"group.{code}"
        if paragraph and messages.has(lang, key):
            quoted = Segs()
            for i, f in enumerate(group):
                if i:
                    quoted.append(Seg(" "))
                quoted.append(letter_text(_flagged(f), letter))
            text = compose(lang, key, n=len(group), where=where, items=quoted)
            items.append(Item(first.severity, rule, text, Segs(), "", first.waiver))
            continue
        for f in group:
            text = Segs([Seg(messages.finding_text(lang, f))])
            items.append(Item(f.severity, rule, text, where, f.excerpt, f.waiver))
    return items


def _punctuation_items(check: Check, findings: list[Finding], lang: str) -> list[Item]:
    """One item per kind of mark for the whole letter, listing its paragraphs."""
    half: dict[tuple[str, str], set[int]] = defaultdict(set)
    full: dict[str, set[int]] = defaultdict(set)
    severity: dict[str, str] = {}
    rest = []
    for f in findings:
        kinds = str(f.params.get("kinds", ""))
        if f.code == "punctuation.half-width" and f.paragraph:
            for mark, wide in zip(kinds, str(f.params.get("full", "")), strict=False):
                half[(mark, wide)].add(f.paragraph)
                severity[mark] = _worst(severity.get(mark), f.severity)
        elif f.code == "punctuation.full-width" and f.paragraph:
            for mark in kinds:
                full[mark].add(f.paragraph)
                severity[mark] = _worst(severity.get(mark), f.severity)
        else:
            rest.append(f)
    items = finding_items(check, rest, lang)
    for (mark, wide), paras in sorted(half.items()):
        where = paragraph_links(lang, sorted(paras))
        text = compose(lang, "group.half-width", mark=mark, full=wide, where=where)
        items.append(Item(severity[mark], "punctuation", text, Segs()))
    for mark, paras in sorted(full.items()):
        where = paragraph_links(lang, sorted(paras))
        text = compose(lang, "group.full-width", mark=mark, where=where)
        items.append(Item(severity[mark], "punctuation", text, Segs()))
    return items


def _worst(a: str | None, b: str) -> str:
    return b if a is None or SEVERITY_RANK[b] > SEVERITY_RANK[a] else a


def other_groups(check: Check, lang: str) -> list[Group]:
    """Everything that does not block submission, grouped by check with counts."""
    rest = [f for f in check.findings if not blocks(f, check.fail_on)]
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in rest:
        by_rule[f.rule].append(f)
    groups = []
    for rule, found in by_rule.items():
        if rule == "punctuation":
            items = _punctuation_items(check, found, lang)
        else:
            items = finding_items(check, found, lang)
        name = say(lang, f"rule.{rule}") if messages.has(lang, f"rule.{rule}") else rule
        groups.append(Group(rule, say(lang, "ui.group_count", name=name, n=len(found)), items))
    return groups


def due_text(check: Check, lang: str) -> str:
    """The letter's date, then 'on the due date (…)' or how many days early or late."""
    own = check.letter_date
    if own is None:
        return say(lang, "ui.no_date")
    text = long_date(lang, own)
    dues = check.mandate.due_dates
    if not dues:
        return text
    due = min(dues, key=lambda d: abs((d - own).days))
    early = (due - own).days
    shown = long_date(lang, due)
    if abs(early) > _DUE_WINDOW_DAYS:
        relation = say(lang, "due.far", due=shown)
    elif early > 0:
        relation = say(lang, "due.early", n=early, due=shown)
    elif early < 0:
        relation = say(lang, "due.late", n=-early, due=shown)
    else:
        relation = say(lang, "due.on_day", due=shown)
    return f"{text} — {relation}"


def build_view(check: Check, lang: str | None = None) -> ReportView:
    """The report's view object from a finished check."""
    doc, mandate = check.document, check.mandate
    lang = page_language(check, lang)
    letter = doc.language
    letter_dir = messages.direction(letter)
    verdicts = {v.id: v for v in check.assessment.verdicts}
    named = {e.id: words.titled(e.title, lang, e.id) for e in mandate.elements}
    titles = {e: seg.text for e, seg in named.items()}

    def t(code: str, **params: object) -> str:
        return say(lang, code, **params)

    def section_title(index: int) -> str:
        section = doc.sections[index]
        if section.heading:
            return section.heading
        return {"preamble": t("ui.preamble"), "closing": t("ui.closing")}.get(
            section.kind, t("ui.untitled")
        )

    blockers = finding_items(
        check,
        [check.findings[b.finding] for b in check.readiness.blocking if b.kind == "finding"],
        lang,
    )
    gaps = []
    rows = []
    for element in mandate.elements:
        v = verdicts[element.id]
        why = words.reason(lang, v.why, element, letter) if v.why else Segs([Seg(v.reason)])
        if v.status is not Status.COVERED and not v.waived:
            gaps.append(
                GapView(
                    id=element.id,
                    anchor=f"el-{element.id}",
                    title=named[element.id],
                    status=v.status.value,
                    status_label=t(f"ui.{v.status.value}"),
                    mark=STATUS_MARK[v.status],
                    reason=why,
                )
            )
        best = v.evidence[0] if v.evidence else None
        quote: list[Piece] = []
        if best is not None:
            start = max(0, best.text.find(best.sentence))
            quote = pieces(best.sentence, best.highlights, offset=start)
        strong = [e for e in v.evidence if e.substantive]
        places = words.place_links(lang, v.why.places, letter) if v.why and strong else Segs()
        rows.append(
            ElementRow(
                id=element.id,
                anchor=f"el-{element.id}",
                item=element.item,
                title=named[element.id],
                title_letter=element.title.get(letter, "")
                if letter != named[element.id].lang
                else "",
                status=v.status.value,
                status_label=t(f"ui.{v.status.value}"),
                mark=STATUS_MARK[v.status],
                reason=why,
                places=places,
                quote=quote,
                quote_href=f"#p-{best.paragraph}" if best else "",
                quote_label=messages.paragraphs(lang, [best.paragraph]) if best else "",
                terms=(best.strong_terms or best.terms) if best else [],
                waiver=v.waiver if v.waived else None,
            )
        )

    labels = {pl.paragraph: pl.labels for pl in check.classification.paragraphs}
    by_paragraph: dict[int | None, list[Finding]] = defaultdict(list)
    for f in check.findings:
        by_paragraph[f.paragraph].append(f)
    section_labels = {s.section: s for s in check.classification.sections}
    sections = []
    for section in doc.sections:
        if not section.paragraphs and section.kind != "body":
            continue
        sl = section_labels.get(section.index)
        answered = set(sl.elements) if sl else set()
        mentioned = {
            lab.element for p in section.paragraphs for lab in labels.get(p, []) if lab.score > 0
        } - answered
        view = SectionView(
            index=section.index,
            anchor=f"s-{section.index}",
            title=section_title(section.index),
            kind=section.kind,
            answers=[(titles[e], f"#el-{e}") for e in titles if e in answered],
            mentions=[(titles[e], f"#el-{e}") for e in titles if e in mentioned],
        )
        for p in doc.section_paragraphs(section):
            plabels = labels.get(p.index, [])
            spans = [(h.start, h.end) for lab in plabels for h in lab.hits if h.counted]
            found = by_paragraph.get(p.index, [])
            view.paragraphs.append(
                ParagraphView(
                    index=p.index,
                    label=p.label,
                    anchor=f"p-{p.index}",
                    role=p.role.value,
                    role_label=t(f"ui.role.{p.role.value}") if p.role.value != "body" else "",
                    pieces=pieces(p.text, spans),
                    chips=[
                        (titles[lab.element], f"#el-{lab.element}", lab.substantive)
                        for lab in plabels
                        if lab.score > 0
                    ],
                    flags=[
                        (
                            t(f"ui.{f.severity}"),
                            messages.finding_text(lang, f),
                            f.waiver if f.waived else None,
                        )
                        for f in found
                    ],
                    flag_severities=[f.severity for f in found],
                    set_aside=[
                        aside(lang, h.aside, h.term, h.phrase, letter)
                        for h in {
                            (h.term, h.aside): h
                            for lab in plabels
                            for h in lab.hits
                            if not h.counted and h.aside
                        }.values()
                    ],
                )
            )
        sections.append(view)

    request = []
    for code in [doc.language, *[c for c in ("en", "zh", "fr") if c != doc.language]]:
        if code in mandate.request and len(request) < 2:
            direction = messages.direction(code)
            request.append((code, mandate.request[code], code in mandate.unofficial, direction))
    conditions = [words.titled(c.text, lang, c.id) for c in mandate.process_conditions]
    basis = mandate.resolution
    if mandate.paragraph:
        basis = t(
            "ui.request_paragraph", resolution=mandate.resolution, paragraph=mandate.paragraph
        )
    desk = [(t("ui.request_basis"), basis), (t("ui.letter_date"), due_text(check, lang))]
    meta = [
        (t("ui.tool"), f"mandate {__version__}"),
        (t("ui.rules"), f"{mandate.resolution} — {Path(mandate.source).name}"),
        (
            t("ui.language"),
            messages.catalog(letter).name if letter in messages.languages() else letter,
        ),
        (t("ui.encoding"), doc.encoding),
        (t("ui.input_hash"), doc.sha256),
    ]
    from mandate.render.text import verdict_line

    counts = Counter(v.status.value for v in check.assessment.verdicts)
    severities = Counter(f.severity for f in check.findings if not f.waived)
    sep = t("count.sep")
    return ReportView(
        lang=lang,
        dir=messages.catalog(lang).dir,
        letter_lang=letter,
        letter_dir=letter_dir,
        s=t,
        title=f"{mandate.resolution} — {Path(doc.path).name}",
        ready=check.ready,
        verdict=verdict_line(check, lang, head=False),
        colon=t("ui.colon"),
        list_sep=messages.catalog(lang).list_sep,
        counts_text=sep.join(
            t(f"count.{s}", n=counts.get(s, 0)) for s in ("covered", "partial", "missing")
        ),
        finding_counts_text=sep.join(
            t(f"count.{s}", n=severities.get(s, 0)) for s in ("error", "warning", "info")
        ),
        blockers=blockers,
        gaps=gaps,
        desk=desk,
        conditions=conditions,
        elements=rows,
        groups=other_groups(check, lang),
        sections=sections,
        request=request,
        meta=meta,
        css=css(),
        reviewed=mandate.reviewed,
    )


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

    from mandate.hygiene import clean_page

    if isinstance(value, Markup):
        return Markup(clean_page(str(value)))
    return clean_page(value) if isinstance(value, str) else value


def render_html(check: Check, lang: str | None = None) -> str:
    """The self-contained HTML report of one check (a string: the web app serves it as is)."""
    view = build_view(check, lang=lang)
    return environment().get_template("report.html.j2").render(v=view)
