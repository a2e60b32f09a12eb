"""`mandate serve` checks letters in threads that share one matcher per mandate and language (and
its per-passage memos): concurrent checks answer exactly what the same checks do one by one."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from lettercraft import ROOT, SEED

from mandate import match
from mandate.pipeline import check
from mandate.render.json import render_json

LETTERS = [
    SEED,
    *sorted((ROOT / "corpus" / "letters").glob("2480-*.txt"))[:5],
    *sorted((ROOT / "corpus" / "blind" / "2480").glob("*.txt"))[:4],
]


@pytest.fixture
def busy_switching():
    """Threads switched every few microseconds, so their work interleaves inside passages."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(before)


def test_concurrent_checks_give_the_answers_of_checks_one_by_one(busy_switching, monkeypatch):
    checks = {path: check(path) for path in LETTERS}
    assert len({c.document.language for c in checks.values()}) >= 2  # several matchers shared
    alone = {path: render_json(c) for path, c in checks.items()}
    monkeypatch.setattr(match, "_MATCHERS", {})  # the threads also race to build the matchers
    work = LETTERS * 2
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda p: render_json(check(p)), work))
    assert together == [alone[p] for p in work]
