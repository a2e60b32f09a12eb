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

from mandate.errors import InputError
from mandate.generic import (
    DraftingLanguage,
    authoring_data,
    content_words,
    generic_reason,
    is_generic,
)
from mandate.language import edge_marks, patterns, profile, profiles, script_of
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
    problems += generic_cues(mandate)
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


def generic_cues(mandate: Mandate) -> list[Problem]:
    """Cue terms that count alone although they are everyday words, in every paragraph, or in the
    letters' boilerplate: a warning naming term and element, an error when such terms are all the
    element's strong cues in a language (then any paragraph could answer it)."""
    problems: list[Problem] = []
    floor = mandate.thresholds.mention_weight
    for element in mandate.elements:
        for lang, groups in element.cues.items():
            strong_specific = False
            flagged: list[tuple[int, str, str]] = []
            for g, group in enumerate(groups):
                if group.weight < floor:
                    continue  # supporting words: alone they mention nothing
                for term in group.terms:
                    why = generic_reason(term, lang)
                    if why is None:
                        strong_specific = True
                    elif not group.with_:
                        flagged.append((g, term, why))
            for g, term, why in flagged:
                where = f"{element.id}.cues.{lang}.{g}"
                if strong_specific:
                    message = (
                        f"“{term}” counts alone for {element.id} but is generic: {why}; "
                        "give it a `with` context or drop it"
                    )
                    problems.append(Problem("warning", where, message))
                else:
                    message = (
                        f"“{term}” is generic ({why}) and the only kind of strong cue "
                        f"{element.id} has in '{lang}': any paragraph could answer it"
                    )
                    problems.append(Problem("error", where, message))
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
        if all(not h.counted and h.aside == "excluded" for h in mine):
            return f"it is always inside an excluded phrase (part of “{mine[0].phrase}”)"
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

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _words(lang: str) -> DraftingLanguage:
    """How the language phrases a request (formulas, fillers, conditions); a language the
    authoring data does not know drafts with its profile's splitters alone."""
    data = authoring_data().languages
    return data.get(lang, DraftingLanguage())


def _item(lang: str) -> re.Pattern[str]:
    return re.compile(profile(lang).draft.item, re.IGNORECASE)


def _split(lang: str) -> re.Pattern[str]:
    return re.compile(profile(lang).draft.split, re.IGNORECASE)


def _fillers(lang: str) -> list[re.Pattern[str]]:
    own = [re.compile(p, re.IGNORECASE) for p in _words(lang).fillers]
    return [*own, re.compile(profile(lang).draft.lead, re.IGNORECASE)]


def _slug(text: str, lang: str) -> str:
    stop = set(_words(lang).stopwords) | set(profile(lang).draft.stop)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    stop_ascii = {unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() for w in stop}
    words = [
        w
        for w in re.findall(r"[a-z0-9]+", ascii_text.lower())
        if w not in stop_ascii and len(w) > 1
    ]
    return "-".join(words[:3])


def request_text(paragraph: str, lang: str) -> str:
    """The request, not the letter: reference formulas ("I have the honour to refer to …, by
    which the Council requested me,") dropped from its start."""
    text = " ".join(paragraph.split())
    for pattern in _words(lang).references:
        m = re.match(pattern, text, re.IGNORECASE)
        if m and m.end() < len(text):
            text = text[m.end() :]
    return text.strip()


def _request_block(text: str, lang: str) -> str:
    """Of a letter's opening (title, request, first paragraphs), the block that lists sub-items."""
    blocks = [b for b in re.split(r"\n\s*\n|\n", text) if b.strip()]
    if len(blocks) <= 1:
        return text
    item = _item(lang)
    return max(blocks, key=lambda b: (len(item.findall(b)) >= 2, len(item.findall(b))))


def _strip_fillers(text: str, lang: str) -> str:
    """Drop words that open (or, in some languages, close) an item without naming its subject,
    as often as they repeat."""
    fillers = _fillers(lang)
    text = text.strip(edge_marks(lang))
    changed = True
    while changed and text:
        changed = False
        for f in fillers:
            m = f.match(text)
            if m and m.end() > 0:
                text = text[m.end() :].strip(" ,;:.")
                changed = True
        for pattern in _words(lang).closing_fillers:
            m = re.search(f"(?:{pattern})$", text, re.IGNORECASE)
            if m and m.start() > 0:
                text = text[: m.start()].strip(" ,;:.")
                changed = True
    return text


def _cut_conditions(text: str, lang: str) -> str:
    """The subject, without the clause of conditions ("… on the basis of improved security").
    A clause that closes the item is cut with all that follows; one the language puts inside
    the subject, before its noun, is matched whole by the pattern's group ``inside``: only it
    goes."""
    for pattern in _words(lang).conditions:
        m = re.search(pattern, text, re.IGNORECASE)
        if m and "inside" in m.re.groupindex and m.group("inside"):
            text = text[: m.start("inside")] + text[m.end("inside") :]
        elif m:
            text = text[: m.start()]
    return text.strip(" ,;:.")


def _split_and(piece: str, lang: str) -> list[str]:
    """Split coordinated subjects: "performance and rotations of uniformed personnel" is two
    elements (the complement is shared), "framework and related transition plan" is two;
    "access to water and food" stays one (the "and" is inside the complement)."""
    w = _words(lang)
    if not w.split_and:
        return [piece]
    preps = {p.lower() for p in w.prepositions}
    openers = {o.lower() for o in w.and_openers}
    parts = re.split(rf"\s+{re.escape(w.split_and)}\s+", piece, maxsplit=1, flags=re.IGNORECASE)
    if len(parts) < 2:
        return [piece]
    left, right = parts
    left_words, right_words = left.lower().split(), right.lower().split()
    if len(left_words) == 1 and len(right_words) >= 3 and right_words[1] in preps:
        rest = " ".join(right.split()[1:])
        return [f"{left} {rest}", right]
    if right_words and (right_words[0] in openers or not preps & set(left_words)):
        if not any(not is_generic(word, lang) for word in content_words(right, lang)):
            return [piece]  # "… and their impact on the Mission" qualifies, names nothing new
        return [left, *_split_and(right, lang)]
    return [piece]


def _unlettered(request: str, lang: str) -> str:
    """An unlettered request as one list: its pieces minus the delivery clause ("to provide
    within 30 days a written report") and the process conditions ("in consultation with …")."""
    w = _words(lang)
    opener = None
    for pattern in w.list_openers:
        m = re.search(pattern, request, re.IGNORECASE)
        if m and (opener is None or m.start() < opener.start()):
            opener = m
    head, tail = (request[: opener.start()], request[opener.end() :]) if opener else ("", request)
    conditions = [m.group("text") for p in w.process for m in re.finditer(p, head, re.IGNORECASE)]
    kinds = [re.compile(p, re.IGNORECASE) for p in [*w.letter, *w.report]]
    kept = [
        piece
        for piece in _split(lang).split(head)
        if piece
        and piece.strip()
        and not any(piece.strip() in c for c in conditions)
        and not any(k.search(piece) for k in kinds)
    ]
    return "; ".join([*kept, tail]) if kept else tail


def _process(chapeau: str, lang: str) -> list[dict]:
    conditions = []
    for pattern in _words(lang).process:
        for m in re.finditer(pattern, chapeau, re.IGNORECASE):
            text = m.group("text").strip(" ,;:")
            slug = _slug(text, lang)
            conditions.append(
                {"id": slug or f"condition-{len(conditions) + 1}", "text": {lang: text}}
            )
    return conditions


def _document_kind(chapeau: str, lang: str) -> str:
    w = _words(lang)
    found = {
        kind: min(
            (m.start() for p in pats for m in [re.search(p, chapeau, re.IGNORECASE)] if m),
            default=None,
        )
        for kind, pats in (("letter", w.letter), ("report", w.report))
    }
    places = {k: v for k, v in found.items() if v is not None}
    return min(places, key=places.get) if places else "letter"


def _head_index(words: list[str], lang: str) -> int | None:
    """Where the phrase's head noun is: the word the other words qualify."""
    w = _words(lang)
    stop, preps = set(w.stopwords), set(w.prepositions)
    content = [i for i, word in enumerate(words) if word not in stop and word not in preps]
    if not content:
        return None
    if w.head == "first":
        return content[0]
    last = None
    for i, word in enumerate(words):
        if word in preps and last is not None:
            return last
        if i in content:
            last = i
    return last


def cue_groups(title: str, lang: str) -> list[dict]:
    """Cue groups from a subject's own words, none of them generic on its own.

    The phrase and its sub-phrases that keep the head noun weigh 3; the head alone weighs 2 if it
    is specific; other specific words weigh 1 (supporting) and only beside another word of the
    subject; generic words ("mission", "impact", "plan") serve only as that context.
    """
    if not profile(lang).spaces:
        return _unspaced_cue_groups(title, lang)
    w = _words(lang)
    stop, preps = set(w.stopwords), set(w.prepositions)
    # "undeclared caveats and their impact on the Mission": the first subject names the element;
    # what is coordinated with it only qualifies it (its words are context, never cues).
    main, rest = title, ""
    if w.split_and:
        parts = re.split(rf"\s+{re.escape(w.split_and)}\s+", title, maxsplit=1)
        main, rest = parts[0], (parts[1] if len(parts) > 1 else "")
    words = [m.group().lower() for m in _WORD.finditer(main)]
    extra = [m.group().lower() for m in _WORD.finditer(rest)]
    if not words:
        return []
    head = _head_index(words, lang)
    content = [i for i, word in enumerate(words) if word not in stop and word not in preps]
    phrases: list[str] = []
    names = [n.lower() for n in _proper_names(title, stop | preps)]
    if 2 <= len(words) <= 6 and words[0] not in stop and words[-1] not in stop:
        phrases.append(" ".join(words))
    # Sub-phrases keep the head and stay inside its noun phrase (never "reintegration of former").
    first_prep = next((i for i, word in enumerate(words) if word in preps and i > 0), len(words))
    chunk = range(0, first_prep) if head is not None and head < first_prep else range(0)
    for size in (3, 2):
        for i in chunk:
            span = range(i, i + size)
            if span[-1] in chunk and i in content and span[-1] in content and head in span:
                phrases.append(" ".join(words[i : i + size]))
    strong = [p for p in dict.fromkeys([*names, *phrases]) if not is_generic(p, lang)]
    head_word = words[head] if head is not None else None
    singles = [words[i] for i in content if i != head and len(words[i]) > 2]
    context = list(
        dict.fromkeys(
            [words[i] for i in content]
            + [x for x in extra if x not in stop and x not in preps and len(x) > 2]
        )
    )
    context = [c for c in context if len(c) > 2]
    groups: list[dict] = []
    if strong:
        groups.append({"weight": 3, "terms": strong})
    if head_word and not is_generic(head_word, lang) and head_word not in strong:
        groups.append({"weight": 2, "terms": [head_word]})
    specific = [s for s in dict.fromkeys(singles) if not is_generic(s, lang) and s not in strong]
    # A word is never its own context (nor are its fellow qualifiers: with stemmed matching,
    # "responsibilities" and "response" would vouch for each other).
    own_context = [c for c in context if c not in specific]
    if specific and own_context:
        # Supporting only (below mention_weight): they add to the subject's score, never
        # mention it alone — matching on stems makes a lone qualifier too easy to meet.
        groups.append({"weight": 1, "terms": specific, "with": own_context})
    if not groups and head_word:
        # Nothing specific in the subject: keep its head so that `rules check` says so.
        groups.append({"weight": 2, "terms": [head_word]})
    return groups


def _proper_names(title: str, particles: set[str]) -> list[str]:
    """Runs of capitalised words joined by the language's particles (its stopwords and
    prepositions): "Instance de coordination au Mali"."""
    joins = "|".join(
        sorted((re.escape(p) for p in particles if p.isalpha()), key=len, reverse=True)
    )
    pattern = re.compile(
        r"\b[A-Z][\w'’-]+(?:\s+(?:(?:" + (joins or "(?!)") + r")\s+)*[A-Za-z][\w'’-]+)+"
    )
    names = []
    for m in pattern.finditer(title):
        name = m.group()
        if sum(1 for word in name.split() if word[0].isupper()) >= 2 or len(name.split()) >= 3:
            names.append(name)
    return names


def _unspaced_cue_groups(title: str, lang: str) -> list[dict]:
    """Languages written without spaces: the subject and its chunks between function words."""
    rules = profile(lang).draft
    stop = re.compile(rules.stop_pattern) if rules.stop_pattern else None
    chunks = [c for c in (stop.split(title) if stop else [title]) if len(c) >= 2]
    whole = re.sub(rules.trim, "", title) if rules.trim else title
    terms = list(dict.fromkeys([whole, *chunks] if 2 <= len(whole) <= 12 else chunks))
    strong = [t for t in terms if not is_generic(t, lang)]
    weak = [t for t in terms if t not in strong]
    groups: list[dict] = []
    if strong:
        groups.append({"weight": 3, "terms": strong[:1]})
        if strong[1:]:
            groups.append({"weight": 2, "terms": strong[1:], "with": terms})
    elif weak:
        groups.append({"weight": 2, "terms": weak[:1]})
    return groups


def draft(
    paragraph: str, lang: str | None = None, number: int | None = None, year: int | None = None
) -> dict:
    """A starting rules file (as data) from a reporting paragraph's text, marked unreviewed."""
    from mandate.errors import UnsupportedLanguage
    from mandate.language import detect, english_name

    lang = lang or detect(paragraph)
    if lang not in profiles():
        known = ", ".join(sorted(profiles()))
        raise UnsupportedLanguage(
            lang,
            f"The paragraph is in {english_name(lang)}, a language the checker has no profile "
            f"for (it has {known}).",
        )
    citation = patterns(lang).citation.search(paragraph)
    if citation:
        number = number or int(citation.group("number"))
        year = year or int(citation.group("year"))
    if not number or not year:
        raise InputError("The paragraph cites no resolution; give --number and --year.")
    request = request_text(_request_block(paragraph, lang), lang)
    marks = list(_item(lang).finditer(request))
    chapeau = request[: marks[0].start()] if marks else request
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(request)
        items.append((m.group(1).lower(), request[m.end() : end].strip(edge_marks(lang))))
    if not items:
        # No lettered sub-items: the list after "including but not limited to" / "focused on"
        # holds the elements; before it, what is not the delivery or a process condition.
        items = [("a", _unlettered(request, lang))]
        chapeau = request
    elements = []
    for item, text in items:
        # The clause of conditions closes the item ("… on the basis of improved security and of
        # progress in the Agreement"): its nouns are conditions, not elements.
        text = _cut_conditions(text, lang)
        pieces = [p for p in _split(lang).split(text) if p and p.strip()]
        n = 0
        for raw in pieces:
            for piece in _split_and(_strip_fillers(raw, lang), lang):
                title = _cut_conditions(_strip_fillers(piece, lang), lang).strip(edge_marks(lang))
                groups = cue_groups(title, lang) if title else []
                if not groups:
                    continue
                n += 1
                slug = _slug(title, lang)
                elements.append(
                    {
                        "id": f"{item}.{slug or f'e{n}'}",
                        "item": item,
                        "title": {lang: title},
                        "counts": f"A passage whose subject is: {title}.",
                        "cues": {lang: groups},
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
        "document": _document_kind(chapeau, lang),
        "reviewed": False,
        "languages": [lang],
        "request": {lang: request},
        "process_conditions": _process(chapeau, lang),
        "thresholds": {"substantive": 5.0, "mention_weight": 2.0},
        "elements": elements,
    }


def draft_yaml(data: dict) -> str:
    header = (
        "# Drafted by `mandate rules draft`: a starting point, marked `reviewed: false`. Until a\n"
        "# person reviews it, reports say so and evidence from everyday words never covers.\n"
        "# Review the elements, add the words drafters really use (synonyms, other languages),\n"
        "# run `mandate rules check` and `mandate rules test`, then set `reviewed: true`.\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
