"""Turn the reader's blocks into a letter: language, paragraphs, sections and the parts of a letter.

Headings are found without markup (short lines with no sentence punctuation, followed by text);
paragraphs split by a page break are rejoined and the join remembered; the title, the paragraph that
restates the request, the closing formula and the signature are recognised from the language's
profile (``rules/languages/<code>.yaml``), so they are never taken as evidence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from mandate.errors import InputError, UnsupportedLanguage
from mandate.language import (
    Patterns,
    codes,
    detect,
    patterns,
    profile,
    script_of,
    sentence_splitter,
)
from mandate.models import Block, Document, Join, Paragraph, Role, Section, Source

_ENUMERATOR = re.compile(r"^(?:\d{1,3}|[a-z]|[ivxlc]{1,6})$")
# A list item's own marker: a bullet, "(a)", "a)", "(iv)", "1)" (a language adds its own).
_BULLET = re.compile(
    r"^\s*(?:[-–—•·●▪◦*‣]\s*|\(?[a-z]\)\s|\([ivx]{1,4}\)\s|\(?\d{1,2}\)\s)"
)
_REQUEST_WINDOW = 4


def is_cjk(ch: str) -> bool:
    """A Chinese character (the Han script)."""
    return script_of(ch) == "han"


def sentences(
    text: str, abbreviations: frozenset[str] = frozenset(), lang: str | None = None
) -> list[tuple[int, int]]:
    """Sentence spans by end punctuation: the scope in which a cue's context must appear.

    A full stop after a paragraph number ('6.'), an initial ('A.') or an abbreviation of the
    language ('Mr.', 'para.') ends nothing. Without a language, every profile's marks end one.
    """
    bounds, start = [], 0
    for m in sentence_splitter(lang).finditer(text):
        if m.group() == ".":
            word = text[start : m.start()].split()[-1:] or [""]
            stem = word[0].lstrip("(").lower()
            if _ENUMERATOR.match(stem) or stem in abbreviations:
                continue
        bounds.append((start, m.end()))
        start = m.end()
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return bounds


def detect_language(text: str) -> str:
    """The letter's language, by script and then stopwords (see ``mandate.language.detect``)."""
    return detect(text)


def compiled(lang: str) -> Patterns:
    """The language's profile as compiled patterns (once per process)."""
    return patterns(lang)


def ends_sentence(text: str, lang: str) -> bool:
    """Whether a block ends where a sentence may end (closing quotes and brackets ignored)."""
    letter = compiled(lang).profile.letter
    stripped = text.rstrip().rstrip(letter.closers)
    return bool(stripped) and stripped[-1] in letter.sentence_end


def _any(patterns: list[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _heading_like(block: Block, lang: str) -> bool:
    """Short, no sentence punctuation: a heading if text follows it."""
    if block.heading_level is not None:
        return True
    if block.table:
        return False
    c = compiled(lang)
    letter = c.profile.letter
    text = c.numbering.sub("", block.text).strip()
    if not text or len(text) > letter.heading_max_chars:
        return False
    if ends_sentence(block.text, lang) or text.endswith(tuple(letter.clause_end)):
        return False
    if any(ch in text for ch in letter.heading_forbidden) or _any(c.signature, text):
        return False
    return not (letter.heading_max_words and len(text.split()) > letter.heading_max_words)


@dataclass
class _Para:
    text: str
    line: int
    heading: bool
    role: Role = Role.BODY
    joins: list[Join] = field(default_factory=list)
    label: str | None = None
    listing: bool = False  # a lead-in with its list items or table rows


def _list_item(block: Block, lang: str) -> bool:
    """A bullet or numbered list item (marked by the reader, or by its own bullet or marker)."""
    if block.list_item or _BULLET.match(block.text):
        return True
    head = block.text.lstrip()
    return any(re.match(m, head) for m in profile(lang).letter.list_markers)


def _lead_in(text: str) -> bool:
    """A paragraph that announces a list or table: it ends with a colon."""
    return text.rstrip().endswith((":", "："))


def _rejoin(blocks: list[Block], lang: str) -> list[_Para]:
    """Blocks as paragraphs, with paragraphs that a page break cut in two put back together.

    Lists and tables are passages: bullet or numbered items and table rows that follow a lead-in
    (a paragraph ending with a colon) are judged together with it, one line each.
    """
    out: list[_Para] = []
    for n, block in enumerate(blocks):
        prev = out[-1] if out else None
        item = block.table or _list_item(block, lang)
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        # A lead-in announcing a list or table is text, never a heading.
        leads = (
            _lead_in(block.text)
            and following is not None
            and (following.table or _list_item(following, lang))
        )
        if prev is not None and item and not prev.heading and (prev.listing or _lead_in(prev.text)):
            prev.text = prev.text + "\n" + block.text
            prev.listing = True
            continue
        heading = False if item or leads else _heading_like(block, lang)
        if prev is not None and not heading and _continues(prev, block, lang):
            sep = "" if not compiled(lang).profile.spaces or prev.text.endswith("-") else " "
            text = prev.text[:-1] if sep == "" and prev.text.endswith("-") else prev.text
            offset = len(text) + len(sep)
            prev.joins.append(
                Join(
                    offset=offset,
                    line=block.line,
                    before=prev.text[-16:],
                    after=block.text[:16],
                    page_boundary=block.page_break_before,
                )
            )
            prev.text = text + sep + block.text
            continue
        out.append(_Para(text=block.text, line=block.line, heading=heading, label=block.label))
    return out


def _continues(prev: _Para, block: Block, lang: str) -> bool:
    """The block goes on with the previous paragraph's unfinished sentence."""
    if prev.heading or ends_sentence(prev.text, lang):
        return False
    c = compiled(lang)
    if _any(c.closing, prev.text) or _any(c.signature, prev.text) or _any(c.title, prev.text):
        return False
    first = block.text[:1]
    if c.profile.spaces and first.islower():
        return True
    # A long block stopping mid-sentence was cut; a short one would have been a heading.
    return len(prev.text) > c.profile.letter.heading_max_chars and not _any(c.signature, block.text)


def _mark_roles(paras: list[_Para], lang: str) -> list[int]:
    """Title, addressee, request, closing and signature; returns the cited resolution numbers."""
    c = compiled(lang)
    # Front matter: heading-like lines before the first real paragraph, and salutations.
    first_text = next(
        (
            i
            for i, p in enumerate(paras)
            if not p.heading and not _any(c.title, p.text) and not _any(c.addressee, p.text)
        ),
        len(paras),
    )
    for p in paras[:first_text]:
        is_addressee = _any(c.addressee, p.text)
        p.role, p.heading = (Role.ADDRESSEE if is_addressee else Role.TITLE), False
    # Closing formula, and whatever follows it: signature, name, title of the signatory.
    closing_at = None
    for i in range(len(paras) - 1, first_text - 1, -1):
        if _any(c.closing, paras[i].text):
            closing_at = i
            break
    if closing_at is not None:
        paras[closing_at].role, paras[closing_at].heading = Role.CLOSING, False
        for p in paras[closing_at + 1 :]:
            p.role, p.heading = Role.SIGNATURE, False
    for p in paras:
        if p.role is Role.BODY and _any(c.signature, p.text) and len(p.text) <= 80:
            p.role, p.heading = Role.SIGNATURE, False
    # The paragraph restating the request, and its enumerated items if they stand apart.
    cited: list[int] = []
    body = [i for i, p in enumerate(paras) if p.role is Role.BODY and not p.heading]
    for i in body[:_REQUEST_WINDOW]:
        p = paras[i]
        citations = list(c.citation.finditer(p.text))
        if not citations:
            continue
        marker = _any(c.request, p.text)
        items = len(c.enumerator.findall(p.text))
        if marker or items >= 2:
            p.role = Role.REQUEST
            cited.extend(int(m.group("number")) for m in citations)
            for q in paras[i + 1 :]:
                if q.role is Role.BODY and not q.heading and c.enumerator_start.match(q.text):
                    q.role = Role.REQUEST
                else:
                    break
            break
    if not cited:
        for i in body[:_REQUEST_WINDOW]:
            match = c.citation.search(paras[i].text)
            if match:
                cited.append(int(match.group("number")))
                break
    return cited


def segment(source: Source, language: str | None = None) -> Document:
    """The letter's structure from the reader's blocks."""
    if not source.blocks:
        raise InputError(f"{source.path} has no text.")
    if language is not None and language not in codes():
        known = ", ".join(sorted(codes()))
        raise InputError(f"The checker has no language profile for '{language}' (it has {known}).")
    lang = language or detect_language("\n".join(b.text for b in source.blocks))
    if lang not in codes():
        raise UnsupportedLanguage(lang)
    paras = _rejoin(source.blocks, lang)
    # A heading needs text under it: a heading-like last line, or one before the closing, is text.
    for i, p in enumerate(paras):
        if p.heading and (i + 1 >= len(paras)):
            p.heading = False
    cited = _mark_roles(paras, lang)
    return _assemble(source, lang, paras, cited)


def _assemble(source: Source, lang: str, paras: list[_Para], cited: list[int]) -> Document:
    c = compiled(lang)
    sections = [Section(index=0, heading=None, kind="preamble")]
    paragraphs: list[Paragraph] = []
    closing: Section | None = None
    for p in paras:
        if p.heading:
            heading = c.numbering.sub("", p.text).strip() or p.text
            sections.append(
                Section(index=len(sections), heading=heading, heading_line=p.line, kind="body")
            )
            continue
        if p.role in {Role.CLOSING, Role.SIGNATURE}:
            if closing is None:
                closing = Section(index=len(sections), heading=None, kind="closing")
                sections.append(closing)
            target = closing
        elif p.role in {Role.TITLE, Role.ADDRESSEE, Role.REQUEST} and len(sections) == 1:
            target = sections[0]
        else:
            if sections[-1].kind != "body":
                sections.append(Section(index=len(sections), heading=None, kind="body"))
            target = sections[-1]
        index = len(paragraphs) + 1
        paragraphs.append(
            Paragraph(
                index=index,
                section=target.index,
                role=p.role,
                text=p.text,
                line=p.line,
                joins=p.joins,
                label=p.label,
            )
        )
        target.paragraphs.append(index)
    return Document(
        path=source.path,
        format=source.format,
        encoding=source.encoding,
        sha256=source.sha256,
        language=lang,
        sections=sections,
        paragraphs=paragraphs,
        cited_resolutions=cited,
    )


def _grams(text: str, lang: str) -> set[str]:
    """Character bigrams for Chinese, word bigrams otherwise: what a restatement shares."""
    if not profile(lang).spaces:
        chars = [ch for ch in text if not ch.isspace()]
        return {a + b for a, b in itertools.pairwise(chars)}
    words = re.findall(r"\w+", text.lower())
    return {f"{a} {b}" for a, b in itertools.pairwise(words)}


def recognise_request(
    document: Document,
    request: str | None,
    share: float = 0.5,
    number: int | None = None,
    cited_share: float = 0.25,
) -> Document:
    """Mark as the restated request an opening paragraph that repeats the mandate's request text.

    The segmenter finds the request by its citation and verbs; a drafter who restates it without
    citing the resolution, or with verbs it does not know ("invited me to inform it by letter of
    …"), would otherwise have the Council's own words counted as answers. A paragraph that cites
    the mandate's own resolution needs less of the request's wording (``cited_share``): body
    paragraphs share a few percent of it, restatements a third or more.
    """
    if not request:
        return document
    wanted = _grams(request, document.language)
    body = [p for p in document.paragraphs if p.role is Role.BODY][:_REQUEST_WINDOW]
    changed = []
    for paragraph in body:
        grams = _grams(paragraph.text, document.language)
        if not grams:
            continue
        overlap = len(grams & wanted) / len(grams)
        cites = number is not None and any(
            int(m.group("number")) == number
            for m in compiled(document.language).citation.finditer(paragraph.text)
        )
        if overlap >= share or (cites and overlap >= cited_share):
            changed.append(paragraph.index)
    if not changed:
        return document
    paragraphs = [
        p.model_copy(update={"role": Role.REQUEST}) if p.index in changed else p
        for p in document.paragraphs
    ]
    return document.model_copy(update={"paragraphs": paragraphs})
