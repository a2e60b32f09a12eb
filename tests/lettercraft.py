"""Letters made by code from the seed, for features and unit tests alike.

Variants work on blocks (text between blank lines), so they do not depend on the segmenter
they are used to test. The seed's headings are the ones MANDATE-2480.md lists: part of the spec.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "2480-letter-2020-06-01.zh.txt"
FIXTURES = ROOT / "tests" / "fixtures"
SEED_HEADINGS = [
    "马里的安全挑战和稳定团行动",
    "部队和警察业绩",
    "对稳定团部队和警察部分的考绩",
    "挑战",
    "部队轮调",
    "安全存在的协调",
    "执行综合战略框架和过渡计划",
    "稳定团可能的长期撤出战略",
]
ELEMENTS_2480 = [
    "a.security-challenges",
    "a.operations",
    "a.force-performance",
    "a.rotations",
    "a.security-coordination",
    "b.integrated-strategic-framework",
    "b.transition-plan",
    "b.exit-strategy",
]


def blocks(text: str) -> list[str]:
    """Non-blank blocks of a plain-text letter."""
    return [b.strip() for b in re.split(r"\n[ \t\u3000]*\n", text) if b.strip()]


def join(parts: list[str]) -> str:
    return "\n\n".join(parts) + "\n"


def seed_blocks() -> list[str]:
    return blocks(SEED.read_text(encoding="utf-8"))


def section_span(parts: list[str], heading: str, headings: list[str], tail: int) -> tuple[int, int]:
    """Block indices of a section: its heading up to the next heading or the closing blocks."""
    start = parts.index(heading)
    end = len(parts) - tail
    for k in range(start + 1, len(parts) - tail):
        if parts[k] in headings:
            end = k
            break
    return start, end


def without_section(
    parts: list[str], heading: str, headings: list[str] = SEED_HEADINGS, tail: int = 2
) -> list[str]:
    """The letter with one section (heading and text) cut out; ``tail`` closing blocks kept."""
    start, end = section_span(parts, heading, headings, tail)
    return parts[:start] + parts[end:]


def without_headings(parts: list[str], headings: list[str] = SEED_HEADINGS) -> list[str]:
    return [p for p in parts if p not in headings]


def request_only(parts: list[str], head: int = 2, tail: int = 2) -> list[str]:
    """Title and restated request, then the closing formula and signature."""
    return parts[:head] + parts[-tail:]


def replace_section_text(parts: list[str], heading: str, text: str) -> list[str]:
    start, end = section_span(parts, heading, SEED_HEADINGS, 2)
    return [*parts[: start + 1], text, *parts[end:]]


def move_section_text(parts: list[str], heading: str, under: str) -> list[str]:
    """The text of one section moved to the end of another, its own heading dropped."""
    start, end = section_span(parts, heading, SEED_HEADINGS, 2)
    moved = parts[start + 1 : end]
    rest = parts[:start] + parts[end:]
    _, target_end = section_span(rest, under, SEED_HEADINGS, 2)
    return rest[:target_end] + moved + rest[target_end:]


FRONT = {
    "zh": (
        "{y}年{m}月{d}日秘书长给安全理事会主席的信",
        "谨提及安全理事会关于马里稳定团的第{res}号决议，安理会在该决议中要求我向安理会提交一封信函，"
        "重点说明：(a) 马里面临的安全挑战；(b) 可能的撤出战略。",
        "请提请安全理事会成员注意本信为荷。",
        "安东尼奥·古特雷斯(签名)",
    ),
    "en": (
        "Letter dated {d} {month} {y} from the Secretary-General addressed to the President of "
        "the Security Council",
        "I have the honour to refer to resolution {res}, in which the Council requested me to "
        "submit a letter focusing on (a) the security challenges facing Mali and (b) a possible "
        "exit strategy.",
        "I should be grateful if you would bring the present letter to the attention of the "
        "members of the Security Council.",
        "(Signed) António Guterres",
    ),
}
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def compose(
    lang: str,
    body: list[str],
    date: tuple[int, int, int] = (2020, 6, 1),
    resolution: tuple[int, int] = (2480, 2019),
    closing: bool = True,
) -> str:
    """A whole letter in ``lang`` around the given body paragraphs (page breaks as '<break>')."""
    title, request, close, signature = FRONT[lang]
    y, m, d = date
    number, year = resolution
    res = f"{number}（{year}）" if lang == "zh" else f"{number} ({year})"
    parts = [title.format(y=y, m=m, d=d, month=MONTH_NAMES[m - 1]), request.format(res=res)]
    parts += [p.replace("<break>", "\n\n\n\n") for p in body]
    if closing:
        parts += [close, signature]
    return join(parts)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def corrected_seed() -> str:
    """The seed as a careful editor would send it: no brackets, no page-break debris, full-width."""
    parts = seed_blocks()
    fixed: list[str] = []
    for part in parts:
        prev = fixed[-1] if fixed else ""
        if len(prev) > 40 and prev[-1] not in "。！？；：”":
            fixed[-1] = prev + (part[1:] if part[0] == prev[-1] else part)
        else:
            fixed.append(part)
    text = join(fixed)
    text = re.sub(r"\[(\d+)\]", r"\1", text)
    full = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"}
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in full:
            near = text[max(0, i - 1) : i + 2]
            if any(_is_cjk(c) for c in near) or ch in "()":
                chars[i] = full[ch]
    return "".join(chars)
