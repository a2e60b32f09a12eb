"""The JSON contract: fields may be added, never renamed."""

from __future__ import annotations

from mandate.pipeline import Check


def render_json(check: Check) -> str:
    """The check as JSON (UTF-8 text, non-ASCII kept readable)."""
    return check.result().model_dump_json(indent=2) + "\n"
