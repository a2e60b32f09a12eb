"""The JSON contract: fields may be added, never renamed."""

from __future__ import annotations

from collections.abc import Iterator

from mandate.pipeline import Check

# The contract's long lists, written an item at a time (a 17 MB letter's JSON is ~50 MB).
_STREAMED = ("requirements", "findings")
_ITEM_INDENT = b"    "  # items of a top-level list, at indent=2


def render_json(check: Check) -> str:
    """The check as JSON (UTF-8 text, non-ASCII kept readable)."""
    return check.result().model_dump_json(indent=2) + "\n"


def render_json_bytes(check: Check) -> bytes:
    """The same JSON as UTF-8 bytes."""
    return b"".join(render_json_chunks(check))


def render_json_chunks(check: Check) -> Iterator[bytes]:
    """The same JSON as UTF-8 bytes, in pieces to write one after the other: the verdicts and the
    findings one at a time, so the whole document (and the serializer's growing buffer of it) is
    never held at once. The pieces are exactly ``to_json(result, indent=2)``: each item is
    serialized by the same serializer and indented as it would be in place (JSON strings hold no
    raw line breaks, so every line break in an item's text is layout)."""
    from pydantic_core import to_json

    result = check.result()
    shell = result.model_copy(update={name: [] for name in _STREAMED})
    rest = to_json(shell, indent=2)
    for name in _STREAMED:
        marker = b'\n  "' + name.encode() + b'": []'  # top level only: two spaces
        before, rest = rest.split(marker, 1)
        items = getattr(result, name)
        if not items:
            yield before + marker
            continue
        yield before + marker[:-1]
        for n, item in enumerate(items):
            text = to_json(item, indent=2).replace(b"\n", b"\n" + _ITEM_INDENT)
            yield (b"\n" if n == 0 else b",\n") + _ITEM_INDENT + text
        yield b"\n  ]"
    yield rest + b"\n"
