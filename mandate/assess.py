"""Turn the classifier's labels into a verdict per element, with the reason and the evidence.

covered: at least one substantive passage (a paragraph whose subject is the element, or a section
whose heading announces it and whose text speaks of it) — and, for a compound element, every part
answered in those passages. partial: only passing mentions, or parts missing. missing: nothing.
"""

from __future__ import annotations

from mandate.models import (
    Assessment,
    Classification,
    Document,
    Evidence,
    Label,
    Status,
    Verdict,
)
from mandate.rules import Element, Mandate

MAX_MENTIONS = 3


def assess(document: Document, mandate: Mandate, classification: Classification) -> Assessment:
    """Every element's verdict; the draft is ready when every element is covered."""
    labels: dict[str, list[tuple[int, int, Label]]] = {e.id: [] for e in mandate.elements}
    for pl in classification.paragraphs:
        for label in pl.labels:
            labels[label.element].append((pl.section, pl.paragraph, label))
    section_subject = {(s.section, e) for s in classification.sections for e in s.elements}
    verdicts = [
        _verdict(document, element, labels[element.id], section_subject, mandate.languages)
        for element in mandate.elements
    ]
    if not mandate.reviewed:
        verdicts = [_cap_weak(v, labels[v.id], document.language, mandate) for v in verdicts]
    return Assessment(ready=all(v.status is Status.COVERED for v in verdicts), verdicts=verdicts)


def _verdict(
    document: Document,
    element: Element,
    found: list[tuple[int, int, Label]],
    section_subject: set[tuple[int, str]],
    languages: list[str],
) -> Verdict:
    counted = [(s, p, lab) for s, p, lab in found if lab.score > 0]
    strong = [t for t in counted if t[2].substantive]
    # A section whose heading announces the element and whose text, spread over short paragraphs,
    # speaks of it is substantive as a whole: then its paragraphs are the evidence.
    by_heading = {s for s, e in section_subject if e == element.id} - {s for s, _, _ in strong}
    strong += [t for t in counted if t[0] in by_heading]
    strong.sort(key=lambda t: -t[2].score)
    mentions = sorted([t for t in counted if t not in strong], key=lambda t: -t[2].score)[
        :MAX_MENTIONS
    ]
    evidence = [_evidence(document, s, p, lab, True) for s, p, lab in strong]
    evidence += [_evidence(document, s, p, lab, False) for s, p, lab in mentions]
    lang = document.language if document.language in element.title else languages[0]
    if strong:
        answered = {part for _, _, lab in strong for part in lab.parts}
        missing_parts = [part.id for part in element.parts if part.id not in answered]
        where = _where(document, strong)
        if missing_parts:
            titles = [
                part.title.get(lang, part.id) for part in element.parts if part.id in missing_parts
            ]
            return Verdict(
                id=element.id,
                item=element.item,
                status=Status.PARTIAL,
                reason=f"Answered in {where}, but not: {'; '.join(titles)}.",
                evidence=evidence,
                missing_parts=missing_parts,
            )
        return Verdict(
            id=element.id,
            item=element.item,
            status=Status.COVERED,
            reason=f"Answered in {where}.",
            evidence=evidence,
        )
    if counted:
        return Verdict(
            id=element.id,
            item=element.item,
            status=Status.PARTIAL,
            reason=f"Only touched in passing ({_where(document, mentions)}); "
            "no passage is about it.",
            evidence=evidence,
        )
    discounted = sorted({h.term for _, _, lab in found for h in lab.hits if not h.counted})
    tail = f" Words set aside in context: {', '.join(discounted)}." if discounted else ""
    return Verdict(
        id=element.id,
        item=element.item,
        status=Status.MISSING,
        reason="Nothing in the letter answers it." + tail,
        evidence=[],
    )


def _cap_weak(
    verdict: Verdict, found: list[tuple[int, int, Label]], lang: str, mandate: Mandate
) -> Verdict:
    """Unreviewed rules: an element whose only evidence is generic words is at most partial."""
    if verdict.status is not Status.COVERED:
        return verdict
    from mandate.generic import is_generic

    floor = mandate.thresholds.mention_weight
    terms = {h.term for _, _, lab in found for h in lab.hits if h.counted and h.weight >= floor}
    if not terms or not all(is_generic(t, lang) for t in terms):
        return verdict
    return verdict.model_copy(
        update={
            "status": Status.PARTIAL,
            "reason": f"Only general words speak of it ({', '.join(sorted(terms))}), and these "
            "rules have not been reviewed: at most partial.",
        }
    )


def _where(document: Document, found: list[tuple[int, int, Label]]) -> str:
    """Places in letter order, grouped by section: 'section 2 “…”, paragraphs 8, 9'."""
    grouped: dict[int, list[int]] = {}
    for s, p, _ in sorted(found, key=lambda t: t[1]):
        grouped.setdefault(s, []).append(p)
    places = []
    for s, ps in grouped.items():
        heading = document.sections[s].heading
        named = f"section {s} “{heading}”" if heading else f"section {s}"
        noun = "paragraph" if len(ps) == 1 else "paragraphs"
        places.append(f"{named}, {noun} {', '.join(map(str, ps))}")
    return "; ".join(places)


def _evidence(
    document: Document, section: int, paragraph: int, label: Label, strong: bool
) -> Evidence:
    return Evidence(
        section=section,
        paragraph=paragraph,
        text=document.paragraph(paragraph).text,
        terms=label.terms,
        score=label.score,
        substantive=strong,
        sentence=label.sentence,
        highlights=[(h.start, h.end) for h in label.hits if h.counted],
    )
