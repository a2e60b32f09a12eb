"""The JSON contract: fields may be added, never renamed."""

from __future__ import annotations

from mandate.pipeline import Check


def render_json(check: Check) -> str:
    """The check as JSON (UTF-8 text, non-ASCII kept readable)."""
    return check.result().model_dump_json(indent=2) + "\n"


def render_json_bytes(check: Check) -> bytes:
    """The same JSON as UTF-8 bytes, ready to write: a 20 MB letter's JSON is not held a second
    time as text (non-ASCII text takes two or four bytes a character) and encoded again."""
    from pydantic_core import to_json

    return to_json(check.result(), indent=2) + b"\n"
