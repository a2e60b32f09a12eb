"""HTML drafts: headings from <h1>–<h6>, a block per paragraph, list item and table row."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from mandate.models import Block
from mandate.read.text import join_lines

_BLOCKS = {
    "p",
    "div",
    "li",
    "tr",
    "blockquote",
    "pre",
    "section",
    "article",
    "dd",
    "dt",
    "caption",
    "td",
    "th",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP = {"script", "style", "head", "template", "noscript", "svg"}


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.level: int | None = None
        self.skip = 0
        self.in_row = False

    def _flush(self) -> None:
        text = join_lines([" ".join(p.split()) for p in "".join(self.parts).split("\n")])
        if text:
            self.blocks.append(
                Block(
                    text=text,
                    line=self.getpos()[0],
                    blank_before=1,
                    heading_level=self.level,
                    table=self.in_row,
                )
            )
        self.parts, self.level = [], None

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _HEADINGS:
            self._flush()
            self.level = _HEADINGS[tag]
        elif tag in {"td", "th"}:
            self.parts.append(" | " if "".join(self.parts).strip() else "")
        elif tag in _BLOCKS - {"td", "th"}:
            self._flush()
            self.in_row = tag == "tr"
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _HEADINGS or tag in _BLOCKS - {"td", "th"}:
            self._flush()
            self.in_row = False

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def read_html(text: str, path: Path) -> list[Block]:
    """Blocks of an HTML document's body in reading order."""
    parser = _Blocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.blocks
