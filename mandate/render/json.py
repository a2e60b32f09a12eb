"""The JSON contract: fields may be added, never renamed."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from mandate.pipeline import Check

# The contract's long lists, written an item at a time (a 17 MB letter's JSON is ~70 MB): the
# verdicts, each verdict's evidence, the findings.
_STREAMED: dict[str, dict] = {"requirements": {"evidence": {}}, "findings": {}}


def render_json(check: Check) -> str:
    """The check as JSON (UTF-8 text, non-ASCII kept readable)."""
    return check.result().model_dump_json(indent=2) + "\n"


def render_json_bytes(check: Check) -> bytes:
    """The same JSON as UTF-8 bytes."""
    return b"".join(render_json_chunks(check))


def render_json_chunks(check: Check) -> Iterator[bytes]:
    """The same JSON as UTF-8 bytes, in pieces to write one after the other: the verdicts, their
    evidence and the findings one at a time, so the whole document (and the serializer's growing
    buffer of it) is never held at once. The pieces are exactly ``to_json(result, indent=2)``:
    each item is serialized by the same serializer and indented as it would be in place (JSON
    strings hold no raw line breaks, so every line break in an item's text is layout)."""
    yield from _pieces(check.result(), _STREAMED, b"")
    yield b"\n"


def _pieces(model: BaseModel, streamed: dict[str, dict], pad: bytes) -> Iterator[bytes]:
    """``model`` as indented JSON whose first line is already indented by ``pad``, the lists named
    in ``streamed`` written an item at a time (and so on, inside their items)."""
    from pydantic_core import to_json

    shell = model.model_copy(update={name: [] for name in streamed})
    rest = to_json(shell, indent=2).replace(b"\n", b"\n" + pad)
    inner = pad + b"    "  # a list's items: two levels below the model's own
    for name, nested in streamed.items():
        marker = b"\n" + pad + b'  "' + name.encode() + b'": []'  # this level only
        before, rest = rest.split(marker, 1)
        items = getattr(model, name)
        if not items:
            yield before + marker
            continue
        yield before + marker[:-1]
        for n, item in enumerate(items):
            yield (b"\n" if n == 0 else b",\n") + inner
            if nested:
                yield from _pieces(item, nested, inner)
            else:
                yield to_json(item, indent=2).replace(b"\n", b"\n" + inner)
        yield b"\n" + pad + b"  ]"
    yield rest
