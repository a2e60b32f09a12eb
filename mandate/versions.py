"""Compare two language versions of one letter: figures, document symbols, dates, placeholders.

Translators drop and alter figures, and no word-based comparison can line a Chinese paragraph up
with its French rendering. What survives translation is structure and numbers: sections follow in
the same order, and a paragraph keeps its figures, dates and symbols. So sections, then paragraphs,
are aligned by their order and by the facts they share — never by their words — and every fact
that differs between aligned paragraphs is reported with both values and both paragraph numbers.
How each language writes numbers, months, percentages and placeholders comes from its profile
(``rules/languages/<code>.yaml``); this module holds no language's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Literal

from pydantic import Field

from mandate.language import patterns, profile
from mandate.models import BaseModel, Document, Paragraph, Section

Kind = Literal["figure", "date", "symbol", "placeholder"]

# Unicode digit sets that stand for 0-9 (Arabic-Indic, Eastern Arabic-Indic, full-width): a fact of
# the script, not of any language. Each maps one character to one, so offsets do not move.
_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0xFF10 + i): str(i) for i in range(10)},
    }
)
# United Nations document symbols are Latin letters and Western digits in every language.
_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])[A-Z]{1,3}(?:/(?:[A-Z]{1,6}(?:\.\d+)?|\d{1,5}))*/\d{1,5}"
    r"(?:/(?:Add|Rev|Corr|Amend)\.\d+)*"
)
_YEAR = range(1900, 2100)
_MERGES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1))
_SECTION_PENALTY = 0.05
_PARAGRAPH_PENALTY = 0.25


@dataclass(frozen=True)
class Fact:
    """One figure, date part, symbol or placeholder as written in one paragraph."""

    kind: Kind
    key: str  # what compares across languages: "N:3120", "M:6", "S:S/2020/476", "P:…"
    text: str
    start: int
    end: int
    paragraph: int
    soft: bool = False  # may answer a counterpart, never reported on its own
    marked: bool = False  # written as a placeholder ("[618]")

    def weight(self) -> float:
        if self.soft:
            return 0.5
        if self.key.startswith(("S:", "P:")):
            return 4.0
        if self.key.startswith("N:"):
            digits = sum(c.isdigit() for c in self.key)
            return 2.0 if digits >= 3 or "." in self.key else 1.0
        return 1.0


@dataclass(frozen=True)
class _Formats:
    number: re.Pattern[str]
    thousands: tuple[str, ...]
    decimal: tuple[str, ...]
    dates: tuple[re.Pattern[str], ...]
    months: dict[str, int]
    month_names: re.Pattern[str] | None
    words: dict[str, int]
    word_names: re.Pattern[str] | None
    placeholders: tuple[re.Pattern[str], ...]
    ignore: frozenset[str]


def _alternation(names: Sequence[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@cache
def formats(lang: str) -> _Formats:
    """How the language writes facts, from its profile (dates as the profile compiles them)."""
    p = profile(lang)
    compiled = patterns(lang)
    thousands = tuple(p.numbers.thousands)
    decimal = tuple(p.numbers.decimal)
    t = _alternation(thousands) or "(?!)"
    # Digits glued to a Latin letter or hyphened to a word of any script name things ("G5 Sahel",
    # "COVID-19"): they are no figures.
    d = _alternation(decimal) or "(?!)"
    number = re.compile(
        rf"(?<![\d])(?<![A-Za-z])(?<![^\W\d_]-)(?:\d{{1,3}}(?:(?:{t})\d{{3}})+(?!\d)(?:(?:{d})\d+)?"
        rf"|\d+(?:(?:{d})\d+)?)(?!\d)"
    )
    months = compiled.month_index
    month_names = (
        re.compile(rf"(?<!\w)(?:{_alternation(list(months))})(?!\w)", re.IGNORECASE)
        if months
        else None
    )
    words = {w.lower(): n for n, forms in p.numbers.words.items() for w in forms}
    word_names = (
        re.compile(rf"(?<!\w)(?:{_alternation(list(words))})(?!\w)", re.IGNORECASE)
        if words
        else None
    )
    return _Formats(
        number=number,
        thousands=thousands,
        decimal=decimal,
        dates=tuple(compiled.dates),
        months=months,
        month_names=month_names,
        words=words,
        word_names=word_names,
        placeholders=tuple(re.compile(x) for x in p.placeholders.error),
        ignore=frozenset(i.lower() for i in p.placeholders.ignore),
    )


def _number_key(written: str, f: _Formats) -> str | None:
    """'3 120' → 'N:3120', '5,5' (decimal comma) → 'N:5.5'."""
    text = written
    for mark in sorted(f.decimal, key=len, reverse=True):
        head, sep, tail = text.rpartition(mark)
        if sep and tail.isdigit() and not (mark in f.thousands and len(tail) == 3):
            text = head + "\0" + tail
            break
    for mark in f.thousands:
        text = text.replace(mark, "")
    try:
        value = Decimal(text.replace("\0", "."))
    except InvalidOperation:
        return None
    value = value.normalize()
    return "N:" + (f"{value:f}" if value == value.to_integral() else str(value))


def facts(text: str, lang: str, paragraph: int = 0) -> list[Fact]:
    """Every figure, date part, document symbol and placeholder of one paragraph, in order."""
    f = formats(lang)
    plain = text.translate(_DIGITS)
    taken: list[tuple[int, int]] = []
    out: list[Fact] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    def add(kind: Kind, key: str, a: int, b: int, **flags: bool) -> None:
        out.append(Fact(kind, key, text[a:b], a, b, paragraph, **flags))
        taken.append((a, b))

    for m in _SYMBOL.finditer(plain):
        add("symbol", "S:" + m.group(), m.start(), m.end())
    for pattern in f.placeholders:
        for m in pattern.finditer(plain):
            inner = _unbracketed(m.group())
            if not free(m.start(), m.end()) or m.group().lower() in f.ignore:
                continue
            key = _number_key(inner, f) if f.number.fullmatch(inner) else None
            if key:
                add("figure", key, m.start(), m.end(), marked=True)
            else:
                add("placeholder", "P:" + " ".join(inner.lower().split()), m.start(), m.end())
    for pattern in f.dates:
        for m in pattern.finditer(plain):
            if not free(m.start(), m.end()):
                continue
            month = m.group("m")
            number = int(month) if month.isdigit() else f.months.get(month.lower())
            if number is None or not 1 <= number <= 12:
                continue
            # Keys from the digits read as 0-9; the text as the letter writes it.
            for group in ("d", "y"):
                value = m.groupdict().get(group)
                if value:
                    a, b = m.span(group)
                    out.append(Fact("date", f"N:{int(value)}", text[a:b], a, b, paragraph))
            a, b = m.span("m")
            out.append(Fact("date", f"M:{number}", text[a:b], a, b, paragraph))
            taken.append(m.span())
    if f.month_names:
        for m in f.month_names.finditer(plain):
            if free(m.start(), m.end()):
                key = f"M:{f.months[m.group().lower()]}"
                previous = out[-1] if out else None
                if (
                    previous is not None
                    and previous.key == key
                    and not plain[previous.end : m.start()].strip(" /")
                ):
                    continue  # one month under two names (Arabic gives both)
                add("date", key, m.start(), m.end(), soft=True)
    for m in f.number.finditer(plain):
        if not free(m.start(), m.end()):
            continue
        key = _number_key(m.group(), f)
        if key is None:
            continue
        whole = key[2:].isdigit()
        kind: Kind = "date" if whole and int(key[2:]) in _YEAR else "figure"
        add(kind, key, m.start(), m.end())
    if f.word_names:
        for m in f.word_names.finditer(plain):
            if free(m.start(), m.end()):
                add("figure", f"N:{f.words[m.group().lower()]}", m.start(), m.end(), soft=True)
    out = _days_in_lists(out, plain)
    return sorted(out, key=lambda x: x.start)


def _days_in_lists(found: list[Fact], text: str) -> list[Fact]:
    """'26 and 27' before a month: a small figure next to a date's day is a day too."""
    day_facts = [x for x in found if x.kind == "date" and x.key.startswith("N:")]
    days = sorted(x.start for x in day_facts)
    ends = sorted(x.end for x in day_facts)
    out = []
    for x in found:
        if x.kind == "figure" and not x.soft and x.key[2:].isdigit() and int(x.key[2:]) <= 31:
            after = next((d for d in days if d >= x.end), None)
            before = next((e for e in reversed(ends) if e <= x.start), None)
            gaps = [text[x.end : after] if after is not None else None]
            gaps.append(text[before : x.start] if before is not None else None)
            if any(g is not None and len(g) <= 8 and not any(c.isdigit() for c in g) for g in gaps):
                x = Fact("date", x.key, x.text, x.start, x.end, x.paragraph)
        out.append(x)
    return out


# --- alignment --------------------------------------------------------------------------------


@dataclass
class _Unit:
    """A section or a paragraph: what it is called and the facts it carries."""

    ids: list[int]
    facts: list[Fact]


def _match(a: list[Fact], b: list[Fact]) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Pair facts with equal keys (hard with hard first, then with soft); the rest are unmatched."""
    pairs: list[tuple[Fact, Fact]] = []
    left_a = list(a)
    left_b = list(b)
    for soft_a, soft_b in ((False, False), (False, True), (True, False)):
        for x in [x for x in left_a if x.soft == soft_a]:
            y = next((y for y in left_b if y.soft == soft_b and y.key == x.key), None)
            if y is not None:
                pairs.append((x, y))
                left_a.remove(x)
                left_b.remove(y)
    return pairs, [x for x in left_a if not x.soft], [y for y in left_b if not y.soft]


def _score(a: list[_Unit], b: list[_Unit], penalty: float) -> float:
    fa = [x for u in a for x in u.facts]
    fb = [y for u in b for y in u.facts]
    pairs, only_a, only_b = _match(fa, fb)
    shared = sum(min(x.weight(), y.weight()) for x, y in pairs)
    if not pairs and (only_a or only_b):
        return -1.0  # nothing in common: no evidence these say the same thing
    return 2 * shared - penalty * (len(only_a) + len(only_b)) + 0.2 - 0.6 * (len(a) + len(b) - 2)


def _align(
    a: list[_Unit], b: list[_Unit], penalty: float
) -> list[tuple[list[int], list[int], str]]:
    """Monotone alignment (with 1:2, 1:3 merges and gaps) maximising the facts shared.

    ``penalty`` is what each fact found on one side only costs: little between sections (a
    rendering may shorten a section and still be that section), more between paragraphs.

    Units left over between two anchors in equal numbers on both sides are paired in order:
    a paragraph whose only figure was changed still has its counterpart.
    """
    n, m = len(a), len(b)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            options: list[tuple[float, tuple[int, int]]] = []
            if i:
                options.append((best[i - 1][j], (1, 0)))
            if j:
                options.append((best[i][j - 1], (0, 1)))
            for k, h in _MERGES:
                if i >= k and j >= h:
                    s = _score(a[i - k : i], b[j - h : j], penalty)
                    if s > 0:
                        options.append((best[i - k][j - h] + s, (k, h)))
            best[i][j], back[i][j] = max(options, key=lambda o: o[0])
    steps: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        k, h = back[i][j]  # type: ignore[misc]
        steps.append((i - k, k, j - h, h))
        i, j = i - k, j - h
    steps.reverse()
    out: list[tuple[list[int], list[int], str]] = []
    gap_a: list[int] = []
    gap_b: list[int] = []

    def flush() -> None:
        if gap_a and len(gap_a) == len(gap_b):
            out.extend(([x], [y], "position") for x, y in zip(gap_a, gap_b, strict=True))
        else:
            out.extend(([x], [], "none") for x in gap_a)
            out.extend(([], [y], "none") for y in gap_b)
        gap_a.clear()
        gap_b.clear()

    for i0, k, j0, h in steps:
        if k and h:
            flush()
            xs, ys = a[i0 : i0 + k], b[j0 : j0 + h]
            shared, _, _ = _match(
                [x for u in xs for x in u.facts], [y for u in ys for y in u.facts]
            )
            by = "facts" if shared else "position"
            out.append((list(range(i0, i0 + k)), list(range(j0, j0 + h)), by))
        elif k:
            gap_a.append(i0)
        else:
            gap_b.append(j0)
    flush()
    return out


# --- the comparison ---------------------------------------------------------------------------


class FactDifference(BaseModel):
    """One figure, date, symbol or placeholder that differs between the two versions."""

    kind: Kind
    change: Literal["changed", "only_a", "only_b", "marked"] = Field(
        description="changed: two values; only_a / only_b: absent from the other version's "
        "paragraph; marked: a placeholder in one version, plain in the other."
    )
    a: str = Field(description="As written in version A ('' when absent).")
    b: str = Field(description="As written in version B ('' when absent).")
    a_paragraph: int
    b_paragraph: int
    a_context: str
    b_context: str


class AlignedParagraphs(BaseModel):
    a: list[int]
    b: list[int]
    by: Literal["facts", "position"]


class SectionRef(BaseModel):
    index: int
    heading: str | None
    paragraphs: list[int]


class ParagraphRef(BaseModel):
    paragraph: int
    section: int
    excerpt: str = Field(description="The paragraph's first words, to find it.")
    facts: list[str] = Field(description="The figures, dates, symbols it carries, as written.")


class VersionComparison(BaseModel):
    """Two language versions of one letter, aligned, with every fact that differs."""

    a_language: str
    b_language: str
    aligned: list[AlignedParagraphs]
    sections_only_a: list[SectionRef]
    sections_only_b: list[SectionRef]
    paragraphs_only_a: list[ParagraphRef]
    paragraphs_only_b: list[ParagraphRef]
    differences: list[FactDifference]

    def of_kind(self, kind: str) -> list[FactDifference]:
        return [d for d in self.differences if d.kind == kind]


def _context(p: Paragraph, x: Fact | None) -> str:
    if x is None:
        return ""
    return p.text[max(0, x.start - 15) : x.end + 15].replace("\n", " ").strip()


def compare_versions(a: Document, b: Document) -> VersionComparison:
    """Align two versions of a letter by section order and shared facts, then diff the facts."""
    fa = {p.index: facts(p.text, a.language, p.index) for p in a.paragraphs}
    fb = {p.index: facts(p.text, b.language, p.index) for p in b.paragraphs}
    sa = [s for s in a.sections if s.paragraphs]
    sb = [s for s in b.sections if s.paragraphs]
    sec_units_a = [_Unit([s.index], [x for i in s.paragraphs for x in fa[i]]) for s in sa]
    sec_units_b = [_Unit([s.index], [x for i in s.paragraphs for x in fb[i]]) for s in sb]
    result = VersionComparison(
        a_language=a.language,
        b_language=b.language,
        aligned=[],
        sections_only_a=[],
        sections_only_b=[],
        paragraphs_only_a=[],
        paragraphs_only_b=[],
        differences=[],
    )
    for xs, ys, _ in _align(sec_units_a, sec_units_b, _SECTION_PENALTY):
        if not ys:
            result.sections_only_a += [_section_ref(sa[x]) for x in xs]
            continue
        if not xs:
            result.sections_only_b += [_section_ref(sb[y]) for y in ys]
            continue
        pa = [i for x in xs for i in sa[x].paragraphs]
        pb = [i for y in ys for i in sb[y].paragraphs]
        units_a = [_Unit([i], fa[i]) for i in pa]
        units_b = [_Unit([i], fb[i]) for i in pb]
        for gx, gy, by in _align(units_a, units_b, _PARAGRAPH_PENALTY):
            ia = [pa[g] for g in gx]
            ib = [pb[g] for g in gy]
            if not ib:
                result.paragraphs_only_a += [_paragraph_ref(a.paragraph(i), fa[i]) for i in ia]
            elif not ia:
                result.paragraphs_only_b += [_paragraph_ref(b.paragraph(i), fb[i]) for i in ib]
            else:
                result.aligned.append(AlignedParagraphs(a=ia, b=ib, by=by))  # type: ignore[arg-type]
                result.differences += _differences(a, b, ia, ib, fa, fb)
    return result


def _section_ref(section: Section) -> SectionRef:
    return SectionRef(index=section.index, heading=section.heading, paragraphs=section.paragraphs)


def _paragraph_ref(p: Paragraph, found: list[Fact]) -> ParagraphRef:
    words = " ".join(p.text.split())
    return ParagraphRef(
        paragraph=p.index,
        section=p.section,
        excerpt=words if len(words) <= 60 else words[:60] + "…",
        facts=[x.text for x in found if not x.soft],
    )


def _differences(
    a: Document,
    b: Document,
    ia: list[int],
    ib: list[int],
    fa: dict[int, list[Fact]],
    fb: dict[int, list[Fact]],
) -> list[FactDifference]:
    pairs, only_a, only_b = _match([x for i in ia for x in fa[i]], [y for i in ib for y in fb[i]])
    out: list[FactDifference] = []

    def line(change: str, kind: Kind, x: Fact | None, y: Fact | None) -> FactDifference:
        return FactDifference(
            kind=kind,
            change=change,  # type: ignore[arg-type]
            a=x.text if x else "",
            b=y.text if y else "",
            a_paragraph=x.paragraph if x else ia[0],
            b_paragraph=y.paragraph if y else ib[0],
            a_context=_context(a.paragraph(x.paragraph), x) if x else "",
            b_context=_context(b.paragraph(y.paragraph), y) if y else "",
        )

    for x, y in pairs:
        if x.marked != y.marked and not (x.soft or y.soft):
            out.append(line("marked", "placeholder", x, y))
    kinds: Counter[Kind] = Counter(x.kind for x in only_a) + Counter(y.kind for y in only_b)
    for kind in ("figure", "date", "symbol", "placeholder"):
        if not kinds[kind]:
            continue
        xs = [x for x in only_a if x.kind == kind]
        ys = [y for y in only_b if y.kind == kind]
        for x, y in zip(xs, ys, strict=False):
            out.append(line("changed", kind, x, y))
        out += [line("only_a", kind, x, None) for x in xs[len(ys) :]]
        out += [line("only_b", kind, None, y) for y in ys[len(xs) :]]
    return out


def version_lines(v: VersionComparison) -> list[str]:
    """The comparison as terminal lines: one per difference, naming both values and paragraphs."""
    a, b = v.a_language, v.b_language
    lines = [f"versions compared: A ({a}) and B ({b}), aligned by section order and shared facts"]
    for s in v.sections_only_a:
        lines.append(
            f"section only in A ({a}): “{s.heading or '(untitled)'}” {_span(s.paragraphs)}"
        )
    for s in v.sections_only_b:
        lines.append(
            f"section only in B ({b}): “{s.heading or '(untitled)'}” {_span(s.paragraphs)}"
        )
    for p in v.paragraphs_only_a:
        lines.append(f"paragraph only in A ({a}): ¶{p.paragraph} “{p.excerpt}”{_carrying(p.facts)}")
    for p in v.paragraphs_only_b:
        lines.append(f"paragraph only in B ({b}): ¶{p.paragraph} “{p.excerpt}”{_carrying(p.facts)}")
    for d in v.differences:
        left = f"“{d.a}” (A ¶{d.a_paragraph})" if d.a else f"— (A ¶{d.a_paragraph})"
        right = f"“{d.b}” (B ¶{d.b_paragraph})" if d.b else f"— (B ¶{d.b_paragraph})"
        what = {
            "changed": "differs",
            "only_a": "missing from B",
            "only_b": "missing from A",
            "marked": "is a placeholder in one version only",
        }[d.change]
        lines.append(f"{d.kind} {what}: A {left} / B {right}")
    if not v.differences:
        lines.append("no figure, date, symbol or placeholder differs between aligned paragraphs")
    return lines


def _span(paragraphs: list[int]) -> str:
    if not paragraphs:
        return ""
    if len(paragraphs) == 1:
        return f"(¶{paragraphs[0]})"
    return f"(¶{paragraphs[0]}–{paragraphs[-1]})"


def _carrying(found: list[str]) -> str:
    return f", carrying {', '.join(found)}" if found else ""


def _unbracketed(text: str) -> str:
    """A placeholder's content without its brackets, whatever the script's brackets look like
    (Unicode's opening and closing punctuation) and without spaces."""

    def edge(ch: str) -> bool:
        return ch.isspace() or unicodedata.category(ch) in ("Ps", "Pe")

    i, j = 0, len(text)
    while i < j and edge(text[i]):
        i += 1
    while j > i and edge(text[j - 1]):
        j -= 1
    return text[i:j]
