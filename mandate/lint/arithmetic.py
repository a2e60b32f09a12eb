"""Figures that must add up: parts against their stated total, percentages against counts.

Everything language-bound is the profile's: how figures are written (``numbers``: thousands and
decimal marks, percent signs; digits of any script), the words that open a breakdown, say it need
not be exhaustive, or announce a remainder group (``arithmetic``), and the counting words a figure
needs (Chinese classifiers). A total is a count followed by its breakdown marker; the breakdown runs
to the end of the sentence and on into following sentences whose figure stands next to a remainder
word ("the remaining 4 units", "les 4 autres unités"; the profile's ``remainder``). When groups can
be read two ways — the sum holds only if a later remainder group is one already counted — the
check asks (warning) instead of asserting an error.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from mandate.language import patterns, profile
from mandate.lint.base import find_dates, finding
from mandate.models import Document, Finding, Paragraph
from mandate.rules import Mandate
from mandate.segment import sentences

RULE = "arithmetic"
_MAX_DIGITS = 15  # a count of units, not a serial number
_MARKER_WINDOW = 200  # the breakdown marker follows its total closely
_MAX_REMAINDERS = 12  # remainder sentences that can close one breakdown
_HEAD = 40  # a remainder sentence's figure stands near its start


@dataclass(frozen=True)
class _Lang:
    count: re.Pattern[str]
    percent: re.Pattern[str]
    total: re.Pattern[str]
    inclusive: re.Pattern[str]
    remainder: re.Pattern[str]
    window: int
    units: bool
    thousands: str
    decimal: tuple[str, ...]


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


@cache
def _lang(code: str) -> _Lang:
    """The profile's number formats and breakdown words as patterns (once per language)."""
    p = profile(code)
    numbers, words = p.numbers, p.arithmetic
    thousands = _alt(numbers.thousands) or r"(?!x)x"
    decimal = _alt(numbers.decimal) or r"(?!x)x"
    num = (
        rf"(?<![\d/.])\[?(?P<n>\d{{1,3}}(?:(?:{thousands})\d{{3}})++(?!\d)|\d++)"
        rf"(?P<frac>(?:{decimal})\d+)?\]?(?![\d/])"
    )
    unit = rf"\s*(?P<cl>{words.units})" if words.units else "(?P<cl>)"
    opening = "(" + p.punctuation.full_width.get("(", "")
    closing = ")" + p.punctuation.full_width.get(")", "")
    sign = "|".join(f"(?:{x})" for x in numbers.percent)
    # "479 (87 %)", and "479 of them (87 %)": one short word may stand before the bracket.
    pct = (
        rf"(?:\s+[^\s\d{re.escape(opening)}]{{1,8}})?\s*[{re.escape(opening)}]\s*"
        rf"(?P<p>\d+(?:(?:{decimal})\d+)?)\s*(?:{sign})\s*[{re.escape(closing)}]"
    )
    return _Lang(
        count=re.compile(num + unit + f"(?:{pct})?", re.IGNORECASE),
        percent=re.compile(rf"\s*(?:{sign})", re.IGNORECASE),
        total=re.compile(words.total, re.IGNORECASE),
        inclusive=re.compile(words.inclusive, re.IGNORECASE),
        remainder=re.compile(words.remainder, re.IGNORECASE),
        window=words.remainder_window,
        units=bool(words.units),
        thousands="".join(numbers.thousands),
        decimal=tuple(numbers.decimal),
    )


def _figure(text: str, decimal: tuple[str, ...]) -> float:
    """A written figure as a number: any script's digits, the language's decimal mark."""
    for mark in decimal:
        if mark in text:
            whole, _, frac = text.rpartition(mark)
            if frac.isdigit() and len(frac) != 3:
                return float(f"{int(whole or '0')}.{int(frac)}")
    return float(int(re.sub(r"\D", "", text)))


@dataclass
class _Count:
    value: int
    pct: float | None
    start: int
    end: int
    kind: str


def _counts(text: str, lang: _Lang) -> list[_Count]:
    """The counts of a passage (the day or year of a date is left to the caller)."""
    out = []
    for m in lang.count.finditer(text):
        digits = re.sub(r"\D", "", m.group("n"))
        if len(digits) > _MAX_DIGITS or (m.group("frac") and not m.group("p")):
            continue  # a serial number, or a decimal figure: nothing a breakdown counts
        if not m.group("p") and lang.percent.match(text, m.end("n") + len(m.group("frac") or "")):
            continue  # a percentage standing alone
        value = int(digits)
        if not lang.units and 1900 <= value <= 2100 and not m.group("p"):
            continue  # a year, not a count
        pct = _figure(m.group("p"), lang.decimal) if m.group("p") else None
        out.append(_Count(value, pct, m.start(), m.end(), m.group("cl")))
    return out


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """Findings for lists that do not add up, and questions where the groups read two ways."""
    lang = _lang(document.language)
    abbreviations = patterns(document.language).abbreviations
    for paragraph in document.paragraphs:
        yield from _check_paragraph(document, paragraph, lang, abbreviations)


def _check_paragraph(
    document: Document, paragraph: Paragraph, lang: _Lang, abbreviations: frozenset[str]
) -> Iterator[Finding]:
    """Each sentence's first total with a breakdown after it (counts bucketed once: linear)."""
    text = paragraph.text
    counts = _counts(text, lang)
    if len(counts) < 2:
        return  # dates only ever remove counts: most paragraphs need not look for them
    dates = [(a, b) for _, a, b in find_dates(text, document.language, year=1)]
    counts = [c for c in counts if not any(a <= c.start < b for a, b in dates)]
    if len(counts) < 2:
        return
    spans = sentences(text, abbreviations, document.language)
    starts = [a for a, _ in spans]
    per_sentence: list[list[_Count]] = [[] for _ in spans]
    for c in counts:
        per_sentence[bisect_right(starts, c.start) - 1].append(c)
    used: set[int] = set()
    for si, (_, s_end) in enumerate(spans):
        in_sentence = [c for c in per_sentence[si] if c.start not in used]
        for ti, total in enumerate(in_sentence):
            after = text[total.end : min(s_end, total.end + _MARKER_WINDOW)]
            marker = lang.total.search(after)
            if marker is None:
                continue
            parts = [c for c in in_sentence[ti + 1 :] if c.kind == total.kind]
            more = _remainders(text, spans, si, per_sentence, total.kind, lang)
            if len(parts) + len(more) < 2:
                continue
            used.update(c.start for c in [total, *parts, *more])
            if any(c.value > total.value for c in [*parts, *more]):
                break  # a "part" larger than the total counts something else: no breakdown
            inclusive = bool(lang.inclusive.search(after, 0, marker.end() + 12))
            yield from _judge(document, paragraph, total, parts, more, inclusive, lang)
            break


def _remainders(
    text: str,
    spans: list[tuple[int, int]],
    si: int,
    per_sentence: list[list[_Count]],
    kind: str,
    lang: _Lang,
) -> list[_Count]:
    """The figure of each following sentence that names a remainder group next to it."""
    out = []
    for n in range(si + 1, min(len(spans), si + 1 + _MAX_REMAINDERS)):
        first = next((c for c in per_sentence[n] if c.kind == kind), None)
        start = spans[n][0]
        if first is None or len(text[start : first.start].strip()) > _HEAD:
            break
        if not lang.remainder.search(text, start, min(spans[n][1], first.end + lang.window)):
            break
        out.append(first)
    return out


def _adds_up(parts: list[_Count], total: int, inclusive: bool) -> bool:
    added = sum(p.value for p in parts)
    return added <= total if inclusive else added == total


def _judge(
    document: Document,
    paragraph: Paragraph,
    total: _Count,
    parts: list[_Count],
    more: list[_Count],
    inclusive: bool,
    lang: _Lang,
) -> Iterator[Finding]:
    text = paragraph.text
    every = parts + more
    span = (total.start, every[-1].end)
    if not _adds_up(every, total.value, inclusive):
        if more and len(parts) >= 2 and _adds_up(parts, total.value, inclusive):
            # Read without the later group the figures hold; read with it they do not.
            yield finding(
                RULE,
                "warning",
                document,
                paragraph,
                "arithmetic.ambiguous",
                {
                    "figures": " + ".join(str(p.value) for p in parts),
                    "total": total.value,
                    "group": " + ".join(str(p.value) for p in more),
                },
                span=span,
            )
        else:
            yield finding(
                RULE,
                "error",
                document,
                paragraph,
                "arithmetic.sum",
                {
                    "figures": " + ".join(str(p.value) for p in every),
                    "added": sum(p.value for p in every),
                    "total": total.value,
                },
                span=span,
            )
    for part in every:
        if part.pct is None or total.value == 0:
            continue
        actual = 100 * part.value / total.value
        if abs(actual - part.pct) > 0.55:
            yield finding(
                RULE,
                "error",
                document,
                paragraph,
                "arithmetic.percent",
                {
                    "part": part.value,
                    "total": total.value,
                    "actual": f"{actual:.1f}",
                    "given": f"{part.pct:g}",
                },
                span=(part.start, part.end),
            )
    remainders = []
    for part in every:
        near = text[max(0, part.start - lang.window) : part.end + lang.window]
        marker = lang.remainder.search(near)
        if marker:
            remainders.append(marker.group().lower())
    if len(set(remainders)) >= 2:
        yield finding(
            RULE,
            "info",
            document,
            paragraph,
            "arithmetic.remainders",
            {"words": list(dict.fromkeys(remainders))},
            span=span,
            shown=text[total.start : min(len(text), every[-1].end + 8)],
        )
