"""Speed and memory of `mandate check`, printed as a table (run: `make bench`).

- cold: `mandate check SEED --format json` in a fresh process, against `python -c "import spacy"`
  (median wall time and peak RSS of each child, measured with os.wait4);
- warm: time per letter through the library API, 100 letters (the seed and variants of it);
- batch: 1,000 letter files through 2 worker processes.
Targets (2-core machine): cold <= 1.15 x import spacy, warm <= 20 ms for the 17 KB seed,
1,000 letters <= 30 s, peak RSS <= 150 MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lettercraft import SEED, SEED_HEADINGS, join, seed_blocks, without_section  # noqa: E402

MANDATE = Path(sys.executable).with_name("mandate")
COLD_RUNS = int(os.environ.get("BENCH_COLD_RUNS", "9"))


def _child(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{argv} failed")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cold() -> dict[str, float]:
    # To standard output (the child's is /dev/null): -o refuses a device such as /dev/null.
    check = [str(MANDATE), "check", str(SEED), "--format", "json", "-o", "-"]
    spacy = [sys.executable, "-c", "import spacy"]
    runs_check, runs_spacy = [], []
    for _ in range(COLD_RUNS):  # interleaved, so load on the machine hits both alike
        runs_spacy.append(_child(spacy))
        runs_check.append(_child(check))
    wall = statistics.median(w for w, _, _ in runs_check)
    base = statistics.median(w for w, _, _ in runs_spacy)
    cpu = statistics.median(c for _, c, _ in runs_check)
    cpu_base = statistics.median(c for _, c, _ in runs_spacy)
    return {
        "cold_wall_s": wall,
        "spacy_wall_s": base,
        "ratio": wall / base,
        "cold_cpu_s": cpu,
        "spacy_cpu_s": cpu_base,
        "cpu_ratio": cpu / cpu_base,
        "cold_rss_mb": max(r for _, _, r in runs_check),
        "spacy_rss_mb": max(r for _, _, r in runs_spacy),
    }


def letters(n: int) -> list[str]:
    """The seed and variants of it (each section removed in turn, headings stripped)."""
    parts = seed_blocks()
    variants = [SEED.read_text(encoding="utf-8")]
    variants += [join(without_section(parts, h)) for h in SEED_HEADINGS]
    variants.append(join([p for p in parts if p not in SEED_HEADINGS]))
    return [variants[i % len(variants)] for i in range(n)]


def warm(n: int = 100) -> dict[str, float]:
    from mandate.models import Source
    from mandate.pipeline import check_document
    from mandate.read import split_blocks
    from mandate.rules import find_mandate
    from mandate.segment import segment

    mandate = find_mandate("2480")
    seed_text = SEED.read_text(encoding="utf-8")

    def one(text: str) -> None:
        source = Source(path="x.txt", format="txt", encoding="utf-8", blocks=split_blocks(text))
        check_document(segment(source), mandate)

    one(seed_text)  # build matchers once, as a long-running process would
    times = []
    for text in letters(n):
        start = time.perf_counter()
        one(text)
        times.append(time.perf_counter() - start)
    seed_times = []
    for _ in range(20):
        start = time.perf_counter()
        one(seed_text)
        seed_times.append(time.perf_counter() - start)
    return {
        "warm_ms_per_letter": 1000 * statistics.mean(times),
        "warm_ms_seed_median": 1000 * statistics.median(seed_times),
        "warm_ms_p95": 1000 * sorted(times)[int(0.95 * len(times)) - 1],
    }


def _work(path: str) -> bool:
    from mandate.pipeline import check
    from mandate.render.json import render_json

    result = check(Path(path), "2480")
    render_json(result)
    return result.ready


def batch(n: int = 1000, workers: int = 2) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(letters(n)):
            path = Path(tmp) / f"letter-{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=workers) as pool:
            ready = sum(pool.map(_work, paths, chunksize=25))
        wall = time.perf_counter() - start
    return {"batch_s": wall, "batch_letters_per_s": n / wall, "batch_ready": ready}


def main() -> None:
    results = {**cold(), **warm(), **batch()}
    rows = [
        ("cold `mandate check SEED -f json` (median)", f"{results['cold_wall_s']:.3f} s", ""),
        ("cold `python -c 'import spacy'` (median)", f"{results['spacy_wall_s']:.3f} s", ""),
        ("cold ratio (wall)", f"{results['ratio']:.2f} x", "<= 1.15 x"),
        (
            "cold CPU, mandate check / import spacy",
            f"{results['cold_cpu_s']:.3f} / {results['spacy_cpu_s']:.3f} s",
            "",
        ),
        ("cold ratio (CPU time, less noisy)", f"{results['cpu_ratio']:.2f} x", "<= 1.15 x"),
        ("peak RSS, mandate check", f"{results['cold_rss_mb']:.0f} MB", "<= 150 MB"),
        ("peak RSS, import spacy", f"{results['spacy_rss_mb']:.0f} MB", ""),
        ("warm, seed (median of 20)", f"{results['warm_ms_seed_median']:.1f} ms", "<= 20 ms"),
        ("warm, 100 letters (mean)", f"{results['warm_ms_per_letter']:.1f} ms", ""),
        ("warm, 100 letters (p95)", f"{results['warm_ms_p95']:.1f} ms", ""),
        ("batch, 1,000 letters, 2 workers", f"{results['batch_s']:.1f} s", "<= 30 s"),
        ("batch throughput", f"{results['batch_letters_per_s']:.0f} letters/s", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>14}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>14}  {target}")


if __name__ == "__main__":
    main()
