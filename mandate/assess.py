"""Turn the classifier's labels into a verdict per element, with the reason and the evidence.

covered: at least one substantive passage (a paragraph whose subject is the element, or a section
whose heading announces it and whose text speaks of it) — and, for a compound element, every part
answered in those passages. partial: only passing mentions, or parts missing. missing: nothing.
"""

from __future__ import annotations

from mandate.messages import FALLBACK, paragraphs, say
from mandate.models import (
    Assessment,
    Classification,
    Document,
    Evidence,
    Label,
    Place,
    Reason,
    SetAside,
    Status,
    Verdict,
    trusted,
)
from mandate.rules import Element, Mandate

MAX_MENTIONS = 3


def assess(document: Document, mandate: Mandate, classification: Classification) -> Assessment:
    """Every element's verdict, with its reason as data (kind, places, parts, words set aside)."""
    labels: dict[str, list[tuple[int, int, Label]]] = {e.id: [] for e in mandate.elements}
    for pl in classification.paragraphs:
        for label in pl.labels:
            labels[label.element].append((pl.section, pl.paragraph, label))
    section_subject = {(s.section, e) for s in classification.sections for e in s.elements}
    verdicts = [
        _verdict(document, element, labels[element.id], section_subject)
        for element in mandate.elements
    ]
    if not mandate.reviewed:
        verdicts = [
            _cap_weak(v, mandate.element(v.id), labels[v.id], document, mandate) for v in verdicts
        ]
    heavy = mandate.thresholds.mention_weight
    # Each paragraph's label of each element, found once (not by scanning every paragraph for
    # every piece of evidence: that was quadratic in the length of the letter).
    by_place: dict[tuple[int, str], Label] = {}
    for pl in classification.paragraphs:
        for label in pl.labels:
            by_place.setdefault((pl.paragraph, label.element), label)
    for verdict in verdicts:
        for ev in verdict.evidence:
            label = by_place.get((ev.paragraph, verdict.id))
            ev.strong_terms = _strong_terms(label, heavy, ev.terms)
    return Assessment(verdicts=verdicts)


def _strong_terms(label: Label | None, heavy: float, terms: list[str] | None = None) -> list[str]:
    """The words that carry the evidence (weight at least mention_weight), not supporting ones
    (``terms``: the label's terms, when the caller has them: its evidence holds them)."""
    if label is None:
        return []
    weights: dict[str, float] = {}
    for h in label.hits:
        if h.counted:
            weights[h.term] = max(weights.get(h.term, 0.0), h.weight)
    return [t for t in (label.terms if terms is None else terms) if weights.get(t, 0.0) >= heavy]


def _verdict(
    document: Document,
    element: Element,
    found: list[tuple[int, int, Label]],
    section_subject: set[tuple[int, str]],
) -> Verdict:
    counted = [(s, p, lab) for s, p, lab in found if lab.score > 0]
    strong = [t for t in counted if t[2].substantive]
    # A section whose heading announces the element and whose text, spread over short paragraphs,
    # speaks of it is substantive as a whole: then its paragraphs are the evidence.
    by_heading = {s for s, e in section_subject if e == element.id} - {s for s, _, _ in strong}
    strong += [t for t in counted if t[0] in by_heading]
    strong.sort(key=lambda t: -t[2].score)
    chosen = {id(t) for t in strong}  # by identity: a list's `in` made this quadratic
    mentions = sorted([t for t in counted if id(t) not in chosen], key=lambda t: -t[2].score)[
        :MAX_MENTIONS
    ]
    evidence = [_evidence(document, s, p, lab, True) for s, p, lab in strong]
    evidence += [_evidence(document, s, p, lab, False) for s, p, lab in mentions]
    if strong:
        answered = {part for _, _, lab in strong for part in lab.parts}
        missing_parts = [part.id for part in element.parts if part.id not in answered]
        places = _places(document, strong)
        if missing_parts:
            reason = Reason(kind="parts_missing", places=places, parts=missing_parts)
            return _make(element, Status.PARTIAL, reason, evidence, missing_parts)
        return _make(element, Status.COVERED, Reason(kind="answered", places=places), evidence)
    if counted:
        # Naming is not answering: passages that would be about the element but only name it.
        named = [t for t in mentions if t[2].named]
        kind = "named" if named else "passing"
        return _make(
            element,
            Status.PARTIAL,
            Reason(kind=kind, places=_places(document, named or mentions)),
            evidence,
        )
    set_aside = [
        SetAside(term=h.term, kind=h.aside, paragraph=p, phrase=h.phrase)
        for _, p, lab in sorted(found, key=lambda t: t[1])
        for h in lab.hits
        if not h.counted and h.aside is not None
    ]
    set_aside = list({(a.term, a.kind, a.phrase): a for a in set_aside}.values())
    deferred = [(s, p, lab) for s, p, lab in found if any(h.aside == "deferral" for h in lab.hits)]
    if deferred:
        reason = Reason(kind="deferred", places=_places(document, deferred), set_aside=set_aside)
    else:
        reason = Reason(kind="nothing", set_aside=set_aside)
    return _make(element, Status.MISSING, reason, [])


def _make(
    element: Element,
    status: Status,
    reason: Reason,
    evidence: list[Evidence],
    missing_parts: list[str] | None = None,
) -> Verdict:
    return Verdict(
        id=element.id,
        item=element.item,
        status=status,
        reason=reason_text(FALLBACK, reason, element),
        why=reason,
        evidence=evidence,
        missing_parts=missing_parts or [],
    )


def _cap_weak(
    verdict: Verdict,
    element: Element,
    found: list[tuple[int, int, Label]],
    document: Document,
    mandate: Mandate,
) -> Verdict:
    """Unreviewed rules: an element whose only evidence is generic words is at most partial."""
    if verdict.status is not Status.COVERED:
        return verdict
    from mandate.generic import is_generic

    floor = mandate.thresholds.mention_weight
    counted = [(s, p, lab) for s, p, lab in found if lab.score > 0]
    terms = {h.term for _, _, lab in counted for h in lab.hits if h.counted and h.weight >= floor}
    if not terms or not all(is_generic(t, document.language) for t in terms):
        return verdict
    reason = Reason(kind="general_words", places=_places(document, counted))
    return _make(element, Status.PARTIAL, reason, verdict.evidence)


def reason_text(lang: str, reason: Reason, element: Element) -> str:
    """The reason in words from the message catalog; renderers call it in the reader's language."""
    places = places_text(lang, reason.places)
    titles = {part.id: part.title for part in element.parts}
    parts = [_title(titles.get(p, {}), lang) or p for p in reason.parts]
    text = say(lang, f"reason.{reason.kind}", places=places, parts=parts)
    words = [
        say(lang, f"aside.{a.kind}", term=a.term, phrase=a.phrase or "")
        for a in shown_asides(reason)
    ]
    if words:
        text += say(lang, "ui.sentence_sep") + say(
            lang, "reason.set_aside", terms=words, n=len(words)
        )
    return text


def shown_asides(reason: Reason) -> list[SetAside]:
    """The set-aside words a reason names: only when nothing counted (or only a promise did),
    and never the promise itself, which the reason already says. One rule for every renderer."""
    if reason.kind not in ("nothing", "deferred"):
        return []
    return [a for a in reason.set_aside if a.kind != "deferral"]


def places_text(lang: str, places: list[Place]) -> str:
    """'paragraph 21 (“Rotations”)', or the catalog's own word order — places in letter order."""
    out = []
    for place in places:
        where = paragraphs(lang, place.paragraphs)
        if place.heading:
            out.append(say(lang, "ref.place", paragraphs=where, heading=place.heading))
        else:
            out.append(where)
    return say(lang, "ref.places_sep").join(out)


def _title(titles: dict[str, str], lang: str) -> str:
    return titles.get(lang) or titles.get(FALLBACK) or next(iter(titles.values()), "")


def _places(document: Document, found: list[tuple[int, int, Label]]) -> list[Place]:
    """Paragraphs in letter order, grouped by section."""
    grouped: dict[int, list[int]] = {}
    for s, p, _ in sorted(found, key=lambda t: t[1]):
        if p not in grouped.setdefault(s, []):
            grouped[s].append(p)
    return [
        Place(section=s, heading=document.sections[s].heading, paragraphs=ps)
        for s, ps in grouped.items()
    ]


def _evidence(
    document: Document, section: int, paragraph: int, label: Label, strong: bool
) -> Evidence:
    return trusted(
        Evidence,
        section=section,
        paragraph=paragraph,
        text=document.paragraph(paragraph).text,
        terms=label.terms,
        score=label.score,
        substantive=strong,
        sentence=label.sentence,
        highlights=[(h.start, h.end) for h in label.hits if h.counted],
        strong_terms=[],
    )
