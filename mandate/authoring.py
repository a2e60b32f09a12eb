"""Authoring mandates without a programmer: check a rules file, run its examples, draft one.

``check`` finds what would silently never fire (Vale's issue #1154: a rule that cannot match and a
run that reports the file clean anyway). ``run_examples`` is a unit test of the rules. ``draft``
turns the text of a resolution's reporting paragraph into a starting rules file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import yaml

from mandate.language import patterns, profile, profiles, script_of
from mandate.match import matcher_for
from mandate.models import Document, Paragraph, Role, Section
from mandate.rules import Mandate

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a rules file."""

    level: Level
    where: str
    message: str

    def line(self, path: str) -> str:
        return f"{path}: {self.level}: {self.where}: {self.message}"


def _foreign_script(term: str, script: str) -> str | None:
    """A script other than the language's own (and Latin, for names and acronyms) in a term."""
    for ch in term:
        found = script_of(ch)
        if found and found not in {script, "latin"}:
            return found
    return None


def check(mandate: Mandate) -> list[Problem]:
    """Problems that validation alone cannot see: missing vocabularies, terms that never count."""
    problems: list[Problem] = []
    known = set(profiles())
    for lang in mandate.languages:
        if lang not in known:
            problems.append(Problem("error", "languages", f"no language profile for '{lang}'"))
        if lang not in mandate.request:
            problems.append(Problem("warning", "request", f"no request text in '{lang}'"))
    for element in mandate.elements:
        for lang in mandate.languages:
            if not element.cues.get(lang):
                problems.append(
                    Problem("error", element.id, f"no cue terms in '{lang}', a declared language")
                )
        for lang in element.cues:
            if lang not in mandate.languages:
                problems.append(
                    Problem("warning", element.id, f"cues in '{lang}', not a declared language")
                )
    for lang in [lang for lang in mandate.languages if lang in known]:
        matcher = matcher_for(mandate, lang)
        for element in mandate.elements:
            seen: dict[tuple[str, tuple[str, ...]], int] = {}
            for g, group in enumerate(element.cues.get(lang, [])):
                for term in group.terms:
                    where = f"{element.id}.cues.{lang}.{g}"
                    key = (term.lower(), tuple(group.with_))  # same term, same condition
                    if key in seen:
                        problems.append(
                            Problem(
                                "warning",
                                where,
                                f"“{term}” is listed twice (also group {seen[key]})",
                            )
                        )
                    seen[key] = g
                    own = profile(lang)
                    foreign = _foreign_script(term, own.script)
                    if foreign:
                        problems.append(
                            Problem(
                                "error",
                                where,
                                f"“{term}” is in {foreign.capitalize()} script in the "
                                f"'{lang}' ({own.english_name}) list",
                            )
                        )
                    elif (
                        own.script != "latin"
                        and not any(script_of(ch) == own.script for ch in term)
                        and not term.isascii()
                    ):
                        problems.append(
                            Problem("warning", where, f"“{term}” has no {own.english_name}")
                        )
                    why = _never_counts(matcher, element.id, term)
                    if why:
                        problems.append(Problem("error", where, f"“{term}” never counts: {why}"))
    return problems


def _never_counts(matcher, element: str, term: str) -> str | None:
    """Why a cue can never count: split differently in running text, or always excluded."""
    for text in (f"{term}", f"x {term} x"):
        hits, _ = matcher.hits(text)
        mine = [h for h in hits.get(element, []) if h.term == term.lower()]
        if not mine:
            if text == term:
                return "the tokenizer splits it so that it cannot match its own text"
            return "in running text the tokenizer splits it differently, so it cannot match"
        if all(not h.counted and h.why_not and h.why_not.startswith("part of") for h in mine):
            return f"it is always inside an excluded phrase ({mine[0].why_not})"
    hits, _ = matcher.hits(f"x {term} x")
    if not any(h.term == term.lower() for h in hits.get(element, [])):
        return "it is inside a name the mandate excludes"
    return None


@dataclass(frozen=True)
class ExampleResult:
    element: str
    lang: str
    kind: str
    number: int
    passed: bool
    detail: str


def run_examples(mandate: Mandate) -> list[ExampleResult]:
    """Each element's example passages: 'match' must be substantive, 'no_match' must score 0."""
    results = []
    for element in mandate.elements:
        for lang, kinds in element.examples.items():
            matcher = matcher_for(mandate, lang)
            for kind, passages in kinds.items():
                for n, passage in enumerate(passages, start=1):
                    label = next(
                        (
                            lab
                            for pl in matcher.classify(_one_paragraph(passage, lang)).paragraphs
                            for lab in pl.labels
                            if lab.element == element.id
                        ),
                        None,
                    )
                    score = label.score if label else 0.0
                    passed = bool(label and label.substantive) if kind == "match" else score == 0
                    terms = ", ".join(label.terms) if label else "no terms"
                    results.append(
                        ExampleResult(
                            element.id, lang, kind, n, passed, f"score {score:g} ({terms})"
                        )
                    )
    return results


def _one_paragraph(text: str, lang: str) -> Document:
    return Document(
        path="<example>",
        format="txt",
        encoding="utf-8",
        language=lang,
        sections=[
            Section(index=0, heading=None, kind="preamble"),
            Section(index=1, heading=None, kind="body", paragraphs=[1]),
        ],
        paragraphs=[Paragraph(index=1, section=1, role=Role.BODY, text=text, line=1)],
    )


# --- Drafting a rules file from a resolution's paragraph -----------------------------------------


def _slug(text: str, lang: str) -> str:
    stop = set(profile(lang).draft.stop)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [
        w for w in re.findall(r"[a-z0-9]+", ascii_text.lower()) if w not in stop and len(w) > 1
    ]
    return "-".join(words[:3])


def _terms(text: str, lang: str) -> list[str]:
    """Cue terms as they stand in the text: the whole phrase, its contiguous parts, key words."""
    rules = profile(lang).draft
    if not profile(lang).spaces:
        stop = re.compile(rules.stop_pattern) if rules.stop_pattern else None
        chunks = [c for c in (stop.split(text) if stop else [text]) if len(c) >= 2]
        whole = re.sub(rules.trim, "", text) if rules.trim else text
        return list(dict.fromkeys([whole, *chunks] if 2 <= len(whole) <= 12 else chunks))
    stopwords = set(rules.stop)
    words = text.lower().split()
    content = [w.strip(".,;:") not in stopwords and len(w) > 2 for w in words]
    if not any(content):
        return []
    spans = [" ".join(words)] if len(words) <= 6 else []
    for size in (3, 2):
        for i in range(len(words) - size + 1):
            if content[i] and content[i + size - 1]:
                spans.append(" ".join(words[i : i + size]))
    spans += [w for w, c in zip(words, content, strict=True) if c and len(w) >= 5]
    return list(dict.fromkeys(t.strip(".,;:") for t in spans if t.strip(".,;:")))


def draft(
    paragraph: str, lang: str | None = None, number: int | None = None, year: int | None = None
) -> dict:
    """A starting rules file (as data) from a reporting paragraph's text."""
    from mandate.errors import InputError, UnsupportedLanguage
    from mandate.language import detect, english_name

    lang = lang or detect(paragraph)
    if lang not in profiles():
        known = ", ".join(sorted(profiles()))
        raise UnsupportedLanguage(
            lang,
            f"The paragraph is in {english_name(lang)}, a language the checker has no profile "
            f"for (it has {known}).",
        )
    rules = profile(lang).draft
    citation = patterns(lang).citation.search(paragraph)
    if citation:
        number = number or int(citation.group("number"))
        year = year or int(citation.group("year"))
    if not number or not year:
        raise InputError("The paragraph cites no resolution; give --number and --year.")
    marks = list(re.finditer(rules.item, paragraph, re.IGNORECASE))
    own = profile(lang)
    edges = " ;,.:" + own.letter.sentence_end + own.letter.clause_end
    edges += "".join(own.punctuation.full_width.values())
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(paragraph)
        items.append((m.group(1).lower(), paragraph[m.end() : end].strip(edges)))
    if not items:
        items = [("a", paragraph.strip())]
    elements = []
    for item, text in items:
        split = re.compile(rules.split, re.IGNORECASE)
        lead = re.compile(rules.lead, re.IGNORECASE)
        for n, piece in enumerate(p for p in split.split(text) if p and p.strip()):
            title = lead.sub("", piece.strip()).strip(" ." + profile(lang).letter.sentence_end)
            terms = _terms(title, lang)
            if not title or not terms:
                continue
            slug = _slug(title, lang)
            elements.append(
                {
                    "id": f"{item}.{slug or f'e{n + 1}'}",
                    "item": item,
                    "title": {lang: title},
                    "counts": f"A passage whose subject is: {title}.",
                    "cues": {
                        lang: [
                            {"weight": 3, "terms": terms[:1]},
                            *([{"weight": 2, "terms": terms[1:]}] if terms[1:] else []),
                        ]
                    },
                }
            )
    seen: dict[str, int] = {}
    for element in elements:
        base = element["id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            element["id"] = f"{base}-{seen[base]}"
    return {
        "kind": "mandate",
        "id": str(number),
        "resolution": f"S/RES/{number} ({year})",
        "number": number,
        "year": year,
        "languages": [lang],
        "request": {lang: " ".join(paragraph.split())},
        "elements": elements,
    }


def draft_yaml(data: dict) -> str:
    header = (
        "# Drafted by `mandate rules draft`: a starting point. Review the elements, add the\n"
        "# words drafters really use (synonyms, other languages), then run `mandate rules check`.\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
