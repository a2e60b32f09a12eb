"""Figures that must add up: parts against their stated total, percentages against counts.

A total is a count followed by a list (a colon, 其中, "of which") of counts of the same kind; the
list runs to the end of the sentence and on into sentences that open with a remainder ("剩下的",
"the remaining"). "Including" lists may fall short of the total; exhaustive lists must match it.
Two different remainder groups in one list are ambiguous: worth a note, not an error.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from mandate.lint.base import finding
from mandate.models import Document, Finding, Paragraph
from mandate.rules import Mandate
from mandate.segment import sentences

RULE = "arithmetic"
# Possessive quantifiers and a digit look-behind: a number starts only where a run of digits
# starts and is never backtracked into, so a run of 40,000 digits costs one pass, not a square.
_NUM = r"(?<!\d)\[?(?P<n>\d{1,3}(?:[ ,\u00a0]\d{3})++(?!\d)|\d++)\]?"
_MAX_DIGITS = 15  # a count of units, not a serial number: longer runs are no figure to add up
_PCT = r"\s*[(（]\s*(?P<p>\d+(?:[.,]\d+)?)\s*(?:%|％|per cent|pour cent)\s*[)）]"


@dataclass(frozen=True)
class _Lang:
    count: re.Pattern[str]
    total_marker: re.Pattern[str]
    inclusive: re.Pattern[str]
    remainder: re.Pattern[str]


_ZH = _Lang(
    count=re.compile(_NUM + r"\s*(?P<cl>[个辆名起支所架人座项营连处件])(?:" + _PCT + ")?"),
    total_marker=re.compile(r"^[^，。；,;]{0,16}?(：|:)|其中"),
    inclusive=re.compile(r"其中包括|包括"),
    remainder=re.compile(r"(其余|剩下的|剩余的?|另有|其他)"),
)
_LATIN = _Lang(
    count=re.compile(r"(?<![\d/.])" + _NUM + r"(?![\d/])(?P<cl>)(?:" + _PCT + ")?"),
    total_marker=re.compile(r"^[^,.;]{0,40}?(:|, of which|, dont|, including|, y compris)"),
    inclusive=re.compile(r"including|y compris|notamment", re.IGNORECASE),
    remainder=re.compile(
        r"(the remaining|the rest|the other|a further|another|les autres|le reste|restants?)",
        re.IGNORECASE,
    ),
)


@dataclass
class _Count:
    value: int
    pct: float | None
    start: int
    end: int
    kind: str


def _counts(text: str, lang: _Lang) -> list[_Count]:
    out = []
    for m in lang.count.finditer(text):
        digits = re.sub(r"\D", "", m.group("n"))
        if len(digits) > _MAX_DIGITS:
            continue  # int() refuses 4,301+ digits, and no breakdown counts in such numbers
        value = int(digits)
        if lang is _LATIN and 1900 <= value <= 2100 and not m.group("p"):
            continue  # a year, not a count
        pct = float(m.group("p").replace(",", ".")) if m.group("p") else None
        out.append(_Count(value, pct, m.start(), m.end(), m.group("cl")))
    return out


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """Findings for lists that do not add up, and notes for ambiguous remainders."""
    lang = _ZH if document.language == "zh" else _LATIN
    for paragraph in document.paragraphs:
        yield from _check_paragraph(document, paragraph, lang)


def _check_paragraph(document: Document, paragraph: Paragraph, lang: _Lang) -> Iterator[Finding]:
    """Each sentence's first total with a list after it: counts are bucketed by sentence once,
    and the list marker is looked for only just after the total, so time is linear."""
    text = paragraph.text
    counts = _counts(text, lang)
    if len(counts) < 2:
        return
    spans = sentences(text)
    starts = [a for a, _ in spans]
    per_sentence: list[list[_Count]] = [[] for _ in spans]
    for c in counts:
        per_sentence[bisect_right(starts, c.start) - 1].append(c)
    used: set[int] = set()
    for si, (_, s_end) in enumerate(spans):
        in_sentence = [c for c in per_sentence[si] if c.start not in used]
        if not in_sentence:
            continue
        # How many counts of the same kind follow each count in the sentence.
        seen: dict[str, int] = {}
        after_kind = [0] * len(in_sentence)
        for i in range(len(in_sentence) - 1, -1, -1):
            after_kind[i] = seen.get(in_sentence[i].kind, 0)
            seen[in_sentence[i].kind] = after_kind[i] + 1
        remainders: dict[str, list[_Count]] = {}
        for ti, total in enumerate(in_sentence):
            after = text[total.end : min(s_end, total.end + _MARKER_WINDOW)]
            if lang.total_marker.search(after) is None:
                continue
            if total.kind not in remainders:
                remainders[total.kind] = _remainders(
                    text, spans, si, per_sentence, total.kind, lang
                )
            more = remainders[total.kind]
            if after_kind[ti] + len(more) < 2:
                continue
            parts = [c for c in in_sentence[ti + 1 :] if c.kind == total.kind] + more
            used.update(c.start for c in [total, *parts])
            yield from _judge(document, paragraph, total, parts, after, lang)
            break


_MAX_REMAINDERS = 12  # "the remaining …" sentences that can close one breakdown
_MARKER_WINDOW = 200  # the list marker follows the total closely ("：", "其中", ", of which")


def _remainders(
    text: str,
    spans: list[tuple[int, int]],
    si: int,
    per_sentence: list[list[_Count]],
    kind: str,
    lang: _Lang,
) -> list[_Count]:
    """The first count of each following sentence that opens with a remainder ("the remaining")."""
    out = []
    for n in range(si + 1, min(len(spans), si + 1 + _MAX_REMAINDERS)):
        n_start, n_end = spans[n]
        following = text[n_start : min(n_end, n_start + 80)].strip()
        if not lang.remainder.match(following):
            break
        more = [c for c in per_sentence[n] if c.kind == kind]
        out += more[:1]
    return out


def _judge(
    document: Document,
    paragraph: Paragraph,
    total: _Count,
    parts: list[_Count],
    after: str,
    lang: _Lang,
) -> Iterator[Finding]:
    text = paragraph.text
    span = (total.start, parts[-1].end)
    figures = " + ".join(str(p.value) for p in parts)
    added = sum(p.value for p in parts)
    inclusive = bool(lang.inclusive.search(after[:24]))
    if (added != total.value and not inclusive) or (inclusive and added > total.value):
        yield finding(
            RULE,
            "error",
            document,
            paragraph,
            "arithmetic.sum",
            {"figures": figures, "added": added, "total": total.value},
            span=span,
        )
    for part in parts:
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
    for part in parts:
        marker = lang.remainder.search(text[max(0, part.start - 14) : part.start])
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
            shown=text[total.start : min(len(text), parts[-1].end + 8)],
        )
