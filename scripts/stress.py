"""Hostile and huge letters through `mandate check`, each timed in a fresh process (`make stress`).

Generates every pathological input of issue 15 at about 300 KB (a paragraph of repeated cue
sentences, "24个单位，" repeated, one run of digits, short lines between blank lines without a
final 。, '[618]' repeated), a paragraph over spaCy's 1,000,000-character limit, a 5,000-digit
number, the bundled letter at 1x, 10x, 100x and 1000x, and letters of the sizes of 100x and
1000x made of distinct paragraphs (generated from the 2480 corpus); prints wall time, CPU time
and peak RSS of each run (os.wait4; CPU includes the forked child of a long letter, RSS is the
larger process's), after one check of the bundled letter that builds the data cache if the rules
changed. A benchmark, not a test: the tests only assert that each input finishes.
Targets (2-core machine): each pathological input <= 3 s, any letter up to 20 MB <= 30 s and
<= 400 MB RSS.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "2480-letter-2020-06-01.zh.txt"
MANDATE = Path(sys.executable).with_name("mandate")
SIZE = 300_000  # bytes of each pathological input

HEAD = "2020年6月1日秘书长给安全理事会主席的信\n\n谨提及安全理事会第2480(2019)号决议。\n\n"
TAIL = "\n\n请将本信提请安全理事会成员注意为荷。\n\n安东尼奥·古特雷斯(签名)\n"


def _fill(unit: str, size: int = SIZE) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def cue_paragraph(size: int = SIZE) -> str:
    return HEAD + _fill("稳定团继续开展部队轮调和换防，安全局势仍然不稳定。", size) + TAIL


def units_commas(size: int = SIZE) -> str:
    return HEAD + _fill("24个单位，", size) + "。" + TAIL


def digit_run(size: int = SIZE) -> str:
    return HEAD + "共有" + "7" * size + "个单位。" + TAIL


def short_lines(size: int = SIZE) -> str:
    """Lines just over the heading length, blank lines between, none ending in 。: once all
    merged into one paragraph with a false page-break warning per line."""
    line = "马里稳定团部队在加奥大区和通布图大区继续开展巡逻行动并保护平民安全和人道主义准入工作"
    return HEAD + _fill(line + "\n\n", size) + TAIL


def placeholders(size: int = SIZE) -> str:
    return HEAD + _fill("[618]", size) + "。" + TAIL


def long_paragraph(size: int = 0) -> str:
    """Over 1,000,000 characters in one paragraph (spaCy's E088 limit): windows, not refusal."""
    return HEAD + _fill("部队轮调工作继续进行，", 3_300_000) + "。" + TAIL


def huge_number(size: int = 0) -> str:
    """A 5,000-digit count: over Python's 4,300-digit int-string limit."""
    digits = "1" + "0" * 4999
    return HEAD + f"共有{digits}个单位：其中{digits}个单位和{digits}个单位。" + TAIL


def seed_times(n: int) -> Callable[[int], str]:
    def make(size: int = 0) -> str:
        body = SEED.read_text(encoding="utf-8")
        return "\n\n".join([body] * n)

    make.__name__ = f"seed_x{n}"
    return make


_FIGURE = re.compile(r"(?<![\d(（])\d{1,3}(?![\d)）])")  # counts, days: not years, not 2480(2019)


def distinct_times(n: int) -> Callable[[int], str]:
    """About n times the seed's size in *distinct* paragraphs: the seed and the Chinese letters
    of the 2480 corpus in turn, each copy's figures shifted and each of its sentences marked
    with the copy's number, so no paragraph repeats (caches keyed by a passage's text are not
    flattered as they are by the seed repeated)."""

    def make(size: int = 0) -> str:
        letters = [SEED, *sorted(ROOT.glob("corpus/**/2480*.zh.txt"))]
        texts = [p.read_text(encoding="utf-8") for p in letters]
        target = n * len(SEED.read_bytes())
        out: list[str] = []
        done = copy = 0
        while done < target:
            text, shift = texts[copy % len(texts)], copy // len(texts)
            if shift:
                text = _FIGURE.sub(lambda m, k=shift: str(int(m.group()) + k), text)
                text = text.replace("。\n", f"（第{shift}稿）。\n")
            out.append(text)
            done += len(text.encode("utf-8")) + 2
            copy += 1
        return "\n\n".join(out)

    make.__name__ = f"distinct_x{n}"
    return make


INPUTS: list[Callable[..., str]] = [
    cue_paragraph,
    units_commas,
    digit_run,
    short_lines,
    placeholders,
    long_paragraph,
    huge_number,
    seed_times(1),
    seed_times(10),
    seed_times(100),
    seed_times(1000),
    distinct_times(100),
    distinct_times(1000),
]


def run(path: Path, out: Path) -> tuple[float, float, float, int]:
    """Wall s, CPU s, peak RSS MB and exit code of `mandate check` on one file."""
    argv = [str(MANDATE), "check", str(path), "--mandate", "2480", "-f", "json", "-o", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if code not in (0, 1):
        print(f"    exit {code}: {err.strip()[:200]}", file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


def main(names: list[str]) -> None:
    chosen = [f for f in INPUTS if not names or f.__name__ in names]
    print(f"{'input':<16} {'size':>10} {'wall s':>8} {'cpu s':>8} {'RSS MB':>8} {'exit':>5}")
    figures: dict[str, tuple[int, float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # The first check after a change of the rules builds the data cache (the Chinese
        # automaton among it): timed apart, so that the first input's row is not charged for it.
        wall, cpu, rss, code = run(SEED, Path(tmp) / "out.json")
        print(
            f"{'(first run: cache)':<16} {SEED.stat().st_size:>10,} {wall:>8.2f} {cpu:>8.2f} "
            f"{rss:>8.0f} {code:>5}"
        )
        for make in chosen:
            path = Path(tmp) / f"{make.__name__}.txt"
            path.write_text(make(SIZE), encoding="utf-8")
            wall, cpu, rss, code = run(path, Path(tmp) / "out.json")
            size = path.stat().st_size
            figures[make.__name__] = (size, cpu, rss)
            print(f"{make.__name__:<16} {size:>10,} {wall:>8.2f} {cpu:>8.2f} {rss:>8.0f} {code:>5}")
            sys.stdout.flush()
            path.unlink()
    print(growth(figures))


def growth(figures: dict[str, tuple[int, float, float]]) -> str:
    """How time and memory grow from 100x to 1000x the seed (linear: about x10 beyond the start,
    which the 1x run stands for)."""
    if "seed_x100" not in figures or "seed_x1000" not in figures:
        return "growth 100x -> 1000x: run both seed_x100 and seed_x1000 to see it"
    (s1, c1, r1), (s2, c2, r2) = figures["seed_x100"], figures["seed_x1000"]
    start = figures.get("seed_x1", (0, 0.0, 0.0))[1]
    beyond = (c2 - start) / (c1 - start) if c1 > start else float("nan")
    return (
        f"growth 100x -> 1000x: size x{s2 / s1:.1f}, CPU x{c2 / c1:.1f} "
        f"(x{beyond:.1f} beyond the {start:.1f} s start), RSS x{r2 / r1:.1f} "
        f"(+{r2 - r1:.0f} MB)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
