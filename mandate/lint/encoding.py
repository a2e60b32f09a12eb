"""Characters the reader could not decode: a stray invalid byte in a UTF-8 draft is read as the
replacement character (U+FFFD) so the rest of the letter is still checked; this says where."""

from __future__ import annotations

from collections.abc import Iterator

from mandate.lint.base import finding
from mandate.models import Document, Finding
from mandate.rules import Mandate

RULE = "encoding"
_REPLACEMENT = "\ufffd"


def check(document: Document, mandate: Mandate) -> Iterator[Finding]:
    """One error per paragraph holding undecodable bytes, at the first of them."""
    for paragraph in document.paragraphs:
        at = paragraph.text.find(_REPLACEMENT)
        if at < 0:
            continue
        count = paragraph.text.count(_REPLACEMENT)
        yield finding(
            RULE,
            "error",
            document,
            paragraph,
            {
                "en": f"Paragraph {paragraph.index} has {count} character(s) that could not be "
                "read (bytes that are not valid in the file's encoding, shown as �): retype them.",
                "zh": f"第 {paragraph.index} 段有 {count} 个字符无法读取(文件编码中的无效字节,"
                "显示为 �):请重新输入。",
                "fr": f"Le paragraphe {paragraph.index} contient {count} caractère(s) illisible(s) "
                "(octets invalides dans l'encodage du fichier, affichés �) : ressaisissez-les.",
            },
            span=(at, at + 1),
        )
