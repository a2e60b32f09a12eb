"""How the vocabularies grow from real drafts: paragraphs that look like an element but were not
judged to answer it, with the words a rules author might add.

A paragraph judged partial or missing for an element is a candidate when it sits under a heading
that announces the element, shares rare words with the element's evidence elsewhere in the drafts,
or holds the element's cue terms that did not count (no context, a passing clause). Its candidate
words are those it uses often and the other paragraphs rarely, that the element's vocabulary lacks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mandate.language import has_normalisation, normaliser, profile, script_class
from mandate.models import Role
from mandate.pipeline import check
from mandate.rules import Mandate

_LATIN_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]", re.UNICODE)
_MIN_LATIN = 4
_WORDS = 6


@dataclass
class Suggestion:
    """One paragraph that looks like an element without answering it."""

    element: str
    letter: str
    paragraph: int
    heading: str | None
    status: str
    why: list[str]
    words: list[str]
    text: str


@dataclass
class _Letter:
    path: Path
    lang: str
    paragraphs: dict[int, str] = field(default_factory=dict)


def _terms(text: str, lang: str, stop: frozenset[str]) -> list[str]:
    """Words, or character bigrams in a language written without spaces, that could be cue
    terms; names (words always written with a capital) never are."""
    spoken = profile(lang)
    if not spoken.spaces:
        out = []
        letters = script_class(spoken.script).pattern
        for run in re.findall(f"{letters}+", text):
            out += [
                run[i : i + 2]
                for i in range(len(run) - 1)
                if not (set(run[i : i + 2]) & stop)  # a function character is no term
            ]
        return out
    found = _LATIN_WORD.findall(text)
    lower = {w for w in found if not w[:1].isupper()}
    names = {w.lower() for w in found if w[:1].isupper()} - {w.lower() for w in lower}
    words = [w.lower() for w in found]
    return [w for w in words if len(w) >= _MIN_LATIN and w not in stop and w not in names]


def _vocabulary(mandate: Mandate, element_id: str, lang: str) -> set[str]:
    """Every term the element (and the mandate's contexts) already lists, word by word."""
    element = mandate.element(element_id)
    terms = [t for g in element.cues.get(lang, []) for t in g.terms]
    terms += [t for g in element.cues.get(lang, []) for t in g.with_ if not t.startswith("@")]
    for ctx in mandate.contexts.values():
        terms += ctx.get(lang, [])
    words: set[str] = set()
    for term in terms:
        words.add(term.lower())
        words.update(w.lower() for w in term.split())
    return words


def _known(word: str, vocab: set[str], norm: Callable[[str], str] | None) -> bool:
    if word in vocab or any(word in term for term in vocab if len(word) >= 2 and " " not in word):
        return True
    if norm is not None:
        stem = norm(word)
        return any(norm(v) == stem for v in vocab if " " not in v)
    return False


def suggest(letters: list[Path], mandate: Mandate) -> list[Suggestion]:
    """Per element, the paragraphs of the drafts that look like it but were not judged to answer
    it, with candidate words to add to its vocabulary."""
    checks = []
    for path in letters:
        checks.append((path, check(path, mandate)))
    # How rare each word is over every paragraph of the drafts, per language.
    df: dict[str, Counter] = {}
    count: Counter = Counter()
    for _, result in checks:
        lang = result.document.language
        stop = frozenset(w.lower() for w in profile(lang).detection.stopwords)
        for p in result.document.paragraphs:
            if p.role is Role.BODY:
                df.setdefault(lang, Counter()).update(set(_terms(p.text, lang, stop)))
                count[lang] += 1
    evidence_words: dict[tuple[str, str], Counter] = {}
    for _, result in checks:
        lang = result.document.language
        stop = frozenset(w.lower() for w in profile(lang).detection.stopwords)
        for pl in result.classification.paragraphs:
            for label in pl.labels:
                if label.substantive:
                    text = result.document.paragraph(pl.paragraph).text
                    evidence_words.setdefault((label.element, lang), Counter()).update(
                        set(_terms(text, lang, stop))
                    )
    out: list[Suggestion] = []
    for path, result in checks:
        doc, lang = result.document, result.document.language
        stop = frozenset(w.lower() for w in profile(lang).detection.stopwords)
        norm = normaliser(lang) if has_normalisation(lang) else None
        hinted = {
            (s.section, e) for s in result.classification.sections for e in s.heading_elements
        }
        labels = {
            (pl.paragraph, lab.element): lab
            for pl in result.classification.paragraphs
            for lab in pl.labels
        }
        n = max(1, count[lang])
        weight = mandate.thresholds.mention_weight
        for element in mandate.elements:
            e = element.id
            vocab = _vocabulary(mandate, e, lang)
            for p in doc.paragraphs:
                if p.role is not Role.BODY:
                    continue
                label = labels.get((p.index, e))
                if label is not None and label.substantive:
                    continue
                words = _terms(p.text, lang, stop)
                why = []
                if (p.section, e) in hinted:
                    why.append("under a heading that announces it")
                elsewhere = evidence_words.get((e, lang), Counter())
                rare_shared = sorted(
                    {
                        w
                        for w in words
                        if w in elsewhere and df[lang][w] <= max(2, n // 10) and len(w) >= 5
                    }
                )
                if len(rare_shared) >= 3:
                    why.append("shares rare words with its evidence: " + ", ".join(rare_shared[:4]))
                near = sorted({h.term for h in label.hits if h.weight >= weight}) if label else []
                if near:
                    why.append("near its cue terms: " + ", ".join(near))
                if not why:
                    continue
                # One candidate per word family (its most frequent form), rarest in the drafts
                # and most repeated here first; longer words are more specific on ties.
                families: dict[str, Counter] = {}
                for w in words:
                    families.setdefault(norm(w) if norm else w, Counter())[w] += 1
                scored = {}
                for forms in families.values():
                    w, _ = forms.most_common(1)[0]
                    if _known(w, vocab, norm):
                        continue
                    scored[w] = sum(forms.values()) * math.log((1 + n) / (1 + df[lang][w]))
                top = sorted(scored, key=lambda w: (-round(scored[w], 6), -len(w), w))[:_WORDS]
                if not top:
                    continue
                out.append(
                    Suggestion(
                        element=e,
                        letter=str(path),
                        paragraph=p.index,
                        heading=doc.sections[p.section].heading,
                        status="partial" if label is not None and label.score > 0 else "missing",
                        why=why,
                        words=top,
                        text=p.text,
                    )
                )
    # Strongest hints first: under its heading, then rare words shared, then cue terms nearby.
    out.sort(key=lambda s: (s.element, -len(s.why), s.letter, s.paragraph))
    return out


def render(suggestions: list[Suggestion], mandate: Mandate) -> str:
    """The suggestions as text, per element."""
    if not suggestions:
        return "No paragraph looks like an element it was not judged to answer.\n"
    lines: list[str] = []
    for element in mandate.elements:
        mine = [s for s in suggestions if s.element == element.id]
        if not mine:
            continue
        title = element.title.get("en") or next(iter(element.title.values()))
        lines.append(f"{element.id} — {title}")
        for s in mine:
            where = f"paragraph {s.paragraph}" + (f" (“{s.heading}”)" if s.heading else "")
            lines.append(f"  {s.letter}, {where}, judged {s.status}: {'; '.join(s.why)}")
            excerpt = s.text if len(s.text) <= 160 else s.text[:157] + "…"
            lines.append(f"    “{excerpt}”")
            lines.append(f"    words to add: {', '.join(s.words)}")
        lines.append("")
    return "\n".join(lines)
