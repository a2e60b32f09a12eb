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

from mandate.match import matcher_for
from mandate.models import Document, Paragraph, Role, Section
from mandate.rules import Mandate, load_conventions
from mandate.segment import is_cjk

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a rules file."""

    level: Level
    where: str
    message: str

    def line(self, path: str) -> str:
        return f"{path}: {self.level}: {self.where}: {self.message}"


def _cjk(text: str) -> bool:
    return any(map(is_cjk, text))


def check(mandate: Mandate) -> list[Problem]:
    """Problems that validation alone cannot see: missing vocabularies, terms that never count."""
    problems: list[Problem] = []
    known = set(load_conventions().languages)
    for lang in mandate.languages:
        if lang not in known:
            problems.append(Problem("error", "languages", f"no letter conventions for '{lang}'"))
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
                    if lang == "zh" and not _cjk(term) and not term.isascii():
                        problems.append(Problem("warning", where, f"“{term}” has no Chinese"))
                    if lang != "zh" and _cjk(term):
                        problems.append(
                            Problem("error", where, f"“{term}” is Chinese in the '{lang}' list")
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

_ITEM = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[:：;；]))[(（]?([a-h])[)）]\s*", re.IGNORECASE)
_SPLIT = {
    "en": re.compile(
        r";|,\s*(?:and\s+|including\s+)?|\s+as well as\s+|\s+including\s+|\s+and\s+"
        r"(?=(?:an?\s+|the\s+)?(?:update|information|progress|report|possible)\b)"
    ),
    "fr": re.compile(
        r";|,\s*(?:et\s+|y compris\s+)?|\s+ainsi que\s+|\s+y compris\s+|\s+notamment\s+"
        r"|\s+et\s+(?=(?:une?\s+|les?\s+|la\s+|des\s+)?(?:mise à jour|informations?|"
        r"progrès|éventuelle)\b)"
    ),
    "zh": re.compile(r"[、，,；;]|以及|包括|及其"),
}
_LEAD = {
    "en": re.compile(
        r"^(?:and\s+|on\s+|as well as\s+)?(?:an?\s+|the\s+)?(?:update\s+on\s+|information\s+on\s+"
        r"|progress\s+(?:in|on)\s+(?=the)|report\s+on\s+)?(?:the\s+)?",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"^(?:et\s+|ainsi que\s+)?(?:une?\s+)?(?:mise à jour\s+sur\s+|informations?\s+sur\s+)?"
        r"(?:les?\s+|la\s+|l'|des\s+)?",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"^(?:有关|关于|和|与|以及|及)"),
}
_STOP = {
    "en": set(
        [
            "a",
            "an",
            "the",
            "of",
            "on",
            "in",
            "to",
            "for",
            "and",
            "or",
            "with",
            "by",
            "from",
            "its",
            "their",
            "this",
            "that",
            "any",
            "all",
            "update",
            "information",
            "progress",
            "report",
            "possible",
            "related",
            "including",
            "as",
            "well",
        ]
    ),
    "fr": set(
        [
            "le",
            "la",
            "les",
            "l'",
            "un",
            "une",
            "des",
            "de",
            "du",
            "d'",
            "et",
            "ou",
            "en",
            "au",
            "aux",
            "sur",
            "pour",
            "par",
            "dans",
            "avec",
            "sa",
            "son",
            "ses",
            "leur",
            "leurs",
            "mise",
            "jour",
            "informations",
            "information",
            "éventuelle",
            "connexe",
            "dans",
            "que",
            "ainsi",
        ]
    ),
}
_ZH_STOP = re.compile(r"的|和|与|及|在|方面|有关|关于|情况|最新|信息|进展|可能")


def _slug(text: str, lang: str) -> str:
    stop = _STOP.get(lang, _STOP["en"])
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [
        w for w in re.findall(r"[a-z0-9]+", ascii_text.lower()) if w not in stop and len(w) > 1
    ]
    return "-".join(words[:3])


def _terms(text: str, lang: str) -> list[str]:
    """Cue terms as they stand in the text: the whole phrase, its contiguous parts, key words."""
    if lang == "zh":
        chunks = [c for c in _ZH_STOP.split(text) if len(c) >= 2]
        whole = re.sub(r"^(?:有关|关于)|(?:的最新情况|的最新|方面的信息|情况)$", "", text)
        return list(dict.fromkeys([whole, *chunks] if 2 <= len(whole) <= 12 else chunks))
    words = text.lower().split()
    content = [w.strip(".,;:") not in _STOP[lang] and len(w) > 2 for w in words]
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
    from mandate.segment import compiled, detect_language

    lang = lang or detect_language(paragraph)
    citation = compiled(lang).citation.search(paragraph)
    if citation:
        number = number or int(citation.group("number"))
        year = year or int(citation.group("year"))
    if not number or not year:
        from mandate.errors import InputError

        raise InputError("The paragraph cites no resolution; give --number and --year.")
    marks = list(_ITEM.finditer(paragraph))
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(paragraph)
        items.append((m.group(1).lower(), paragraph[m.end() : end].strip(" ;；,，.。:：")))
    if not items:
        items = [("a", paragraph.strip())]
    elements = []
    for item, text in items:
        for n, piece in enumerate(p for p in _SPLIT[lang].split(text) if p and p.strip()):
            title = _LEAD[lang].sub("", piece.strip()).strip(" .。")
            terms = _terms(title, lang)
            if not title or not terms:
                continue
            slug = _slug(title, lang) if lang != "zh" else f"e{n + 1}"
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
