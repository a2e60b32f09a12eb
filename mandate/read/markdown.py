"""Markdown drafts with markdown-it-py: headings from #, a block per paragraph and list item."""

from __future__ import annotations

from pathlib import Path

from mandate.models import Block
from mandate.read.text import join_lines


def read_markdown(text: str, path: Path) -> list[Block]:
    """Blocks of a Markdown document: headings keep their level."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[Block] = []
    level: int | None = None
    for token in tokens:
        if token.type == "heading_open":
            level = int(token.tag[1])
        elif token.type == "inline":
            lines = [line.strip() for line in token.content.split("\n")]
            content = join_lines([line.lstrip("#").strip() if level else line for line in lines])
            if content:
                line = token.map[0] + 1 if token.map else len(blocks) + 1
                blocks.append(Block(text=content, line=line, blank_before=1, heading_level=level))
        elif token.type == "heading_close":
            level = None
    return blocks
