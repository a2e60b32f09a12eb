"""10,000 random inputs (bytes and letter-like text) through the whole check; prints the tally.

Run: `.venv/bin/python scripts/fuzz.py [N]`. The properties are those of tests/properties.py.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, given, settings
from properties import letters_text, raw_bytes, run


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    tally: Counter = Counter()
    each = settings(
        max_examples=n // 2, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "letter.txt"

        @each
        @given(data=raw_bytes)
        def bytes_case(data: bytes) -> None:
            tally["bytes " + run(path, data)] += 1

        @each
        @given(text=letters_text)
        def text_case(text: str) -> None:
            tally["text " + run(path, text.encode("utf-8", errors="surrogatepass"))] += 1

        bytes_case()
        text_case()
    total = sum(tally.values())
    print(
        f"{total} inputs in {time.perf_counter() - start:.1f} s; no exception escaped, "
        "no text without a cue term was judged covered"
    )
    for key, count in sorted(tally.items()):
        print(f"  {key:<24} {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
