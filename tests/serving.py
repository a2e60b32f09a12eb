"""`mandate serve` started as a desk officer starts it, for the tests that need a real server."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

MANDATE_CLI = Path(sys.executable).with_name("mandate")


def start_server(
    args: list[str], log: Path, env: dict[str, str], timeout: float = 60
) -> tuple[subprocess.Popen, str]:
    """Start `mandate serve ARGS` with its output in ``log``; return it and the address it
    printed, once that address answers."""
    with log.open("w") as sink:
        proc = subprocess.Popen(
            [str(MANDATE_CLI), "serve", *args], stdout=sink, stderr=subprocess.STDOUT, env=env
        )
    url, deadline = None, time.time() + timeout
    while url is None and time.time() < deadline and proc.poll() is None:
        found = re.search(r"http://127\.0\.0\.1:\d+/", log.read_text("utf-8"))
        url = found.group(0) if found else None
        time.sleep(0.05)
    assert url, log.read_text("utf-8")
    while time.time() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    return proc, url
