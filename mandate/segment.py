"""Turn the reader's blocks into a letter: language, paragraphs, sections and the parts of a letter.

Headings are found without markup (short lines with no sentence punctuation, followed by text);
paragraphs split by a page break are rejoined and the join remembered; the title, the paragraph that
restates the request, the closing formula and the signature are recognised from the language's
profile (``rules/languages/<code>.yaml``), so they are never taken as evidence.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from mandate.errors import InputError, UnsupportedLanguage
from mandate.language import (
    DETECT_CHARS,
    Patterns,
    codes,
    detect,
    full_stop_splitter,
    patterns,
    profile,
    sentence_splitter,
)
from mandate.models import Block, Document, Join, Paragraph, Role, Section, Source, trusted

# What a full stop may follow without ending anything: a paragraph number, an initial of any
# script, a well-formed roman numeral (a word spelt with those letters still ends its sentence).
_ENUMERATOR = re.compile(
    r"^(?:\d{1,3}|[^\W\d_]|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))$"
)
# A list item's own marker: a bullet, "(a)", "a)", "(iv)", "1)" (a language adds its own).
_BULLET = re.compile(r"^\s*(?:[-–—•·●▪◦*‣]\s*|\(?[a-z]\)\s|\([ivx]{1,4}\)\s|\(?\d{1,2}\)\s)")
_REQUEST_WINDOW = 4


def sentences(
    text: str, abbreviations: frozenset[str] = frozenset(), lang: str | None = None
) -> list[tuple[int, int]]:
    """Sentence spans by end punctuation: the scope in which a cue's context must appear.

    A full stop after a paragraph number ('6.'), an initial ('A.') or an abbreviation of the
    language ('Mr.', 'para.') ends nothing. Without a language, every profile's marks end one.
    """
    return list(_sentences(text, abbreviations, lang, sentence_splitter(lang)))


@lru_cache(maxsize=64)
def _sentences(
    text: str, abbreviations: frozenset[str], lang: str | None, splitter: re.Pattern[str]
) -> tuple[tuple[int, int], ...]:
    """Kept for the last passages asked: the matcher and the checks ask about each one."""
    return tuple(_spans(text, splitter, _ends_nothing(abbreviations)))


@lru_cache(maxsize=64)
def whole_sentences(
    text: str, abbreviations: frozenset[str] = frozenset(), lang: str | None = None
) -> tuple[tuple[int, int], ...]:
    """Spans of whole sentences (ended by a full stop, not by ';' or ':'), and list lines: what
    a passage says is judged per whole sentence, so a list of conditions after a colon belongs to
    its sentence. A stop after a number, an initial or an abbreviation ends nothing.

    Kept for the last passages asked: the matcher asks several times about each one."""

    return tuple(
        _spans(text, full_stop_splitter(lang), _ends_nothing(abbreviations), drop_blank=True)
    )


def _ends_nothing(abbreviations: frozenset[str]) -> Callable[[str], bool]:
    """Whether a full stop after this word ends nothing: one rule for sentences and whole
    sentences, so a passage and its sentences are cut alike."""

    def ends_nothing(stem: str) -> bool:
        return len(stem) <= 12 and bool(_ENUMERATOR.match(stem) or stem in abbreviations)

    return ends_nothing


def _spans(
    text: str,
    splitter: re.Pattern[str],
    ends_nothing: Callable[[str], bool],
    drop_blank: bool = False,
) -> list[tuple[int, int]]:
    """Spans between the splitter's matches; a full stop whose word ``ends_nothing`` is skipped.

    The word before a full stop is found by scanning back to white space (never the whole
    sentence so far: a run of '1.' would make that quadratic)."""
    bounds, start = [], 0
    for m in splitter.finditer(text):
        if m.group() == ".":
            j = m.start()
            while j > start and not text[j - 1].isspace():
                j -= 1
            if ends_nothing(text[j : m.start()].lstrip("(").lower()):
                continue
        if not drop_blank or text[start : m.end()].strip():
            bounds.append((start, m.end()))
        start = m.end()
    rest = text[start:].strip() if drop_blank else start < len(text)
    if rest or not bounds:
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
    # While rejoining: the pieces (joined once at the end, never re-scanned as the text grows),
    # the length so far, and whether a closing, signature or title formula was seen in a piece.
    pieces: list[str] = field(default_factory=list)
    length: int = 0
    formula: bool = False
    table: bool = False
    listing: bool = False  # a lead-in with its list items or table rows


def _list_item(block: Block, markers: tuple[re.Pattern[str], ...]) -> bool:
    """A bullet or numbered list item (marked by the reader, or by its own bullet or one of the
    profile's ``markers``)."""
    if block.list_item or _BULLET.match(block.text):
        return True
    head = block.text.lstrip()
    return any(m.match(head) for m in markers)


@lru_cache(maxsize=16)
def _markers(markers: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """A profile's list markers compiled once (asked of every block)."""
    return tuple(re.compile(m) for m in markers)


def _lead_in(text: str, colons: tuple[str, ...]) -> bool:
    """A paragraph that announces a list or table: it ends with a colon (the profile's
    ``colons``)."""
    return text.rstrip().endswith(colons)


# Text files give no paragraph marks: a block that stops mid-sentence was cut by a page break only
# in a letter whose paragraphs otherwise end with a full stop, and no page holds fewer characters.
_MIN_PAGE_CHARS = 600
_MIN_ENDING_SHARE = 0.75


def _rejoin(blocks: list[Block], lang: str, explicit: bool = False) -> list[_Para]:
    """Blocks as paragraphs, with paragraphs that a page break cut in two put back together.

    ``explicit``: the format marks paragraphs itself (Word), so only a real page break can cut one.
    Each block is looked at once and each join appends a piece: time is linear in the letter.
    """
    c = compiled(lang)
    letter = profile(lang).letter  # once per letter, not per block
    markers, colons = _markers(tuple(letter.list_markers)), tuple(letter.lead_in)
    guess = not explicit and _ends_are_meaningful(blocks, lang)
    out: list[_Para] = []
    read, since_guess = 0, -_MIN_PAGE_CHARS  # characters so far, and at the last guessed cut
    for n, block in enumerate(blocks):
        read += len(block.text)
        prev = out[-1] if out else None
        # Lists and tables are passages: items and rows after a lead-in (ending with a colon)
        # are judged with it, one line each; a lead-in announcing them is never a heading.
        item = block.table or _list_item(block, markers)
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        leads = (
            _lead_in(block.text, colons)
            and following is not None
            and (following.table or _list_item(following, markers))
        )
        if (
            prev is not None
            and item
            and not prev.heading
            and (prev.listing or _lead_in(prev.pieces[-1], colons))
        ):
            prev.pieces.append("\n" + block.text)
            prev.length += 1 + len(block.text)
            prev.listing = True
            continue
        heading = False if item or leads else _heading_like(block, lang)
        joinable = prev is not None and not heading and not block.table and not prev.table
        how = _continues(prev, block, lang) if joinable else None
        if prev is not None and how is not None:
            certain = block.page_break_before
            # Word marks its paragraphs: only a real page break cuts one. In text, a lower-case
            # start is evidence enough; a missing full stop only where stops are the rule.
            plausible = not explicit and (how == "lower" or guess)
            if certain or (plausible and read - since_guess >= _MIN_PAGE_CHARS):
                if not certain:
                    since_guess = read
                tail = prev.pieces[-1]
                before = _last_chars(prev.pieces, 16)
                sep = "" if not c.profile.spaces or tail.endswith("-") else " "
                if sep == "" and tail.endswith("-"):
                    prev.pieces[-1] = tail[:-1]
                    prev.length -= 1
                prev.joins.append(
                    Join(
                        offset=prev.length + len(sep),
                        line=block.line,
                        before=before,
                        after=block.text[:16],
                        # A PDF's page end is layout; a hard page break that splits a Word
                        # paragraph in two is debris to mend.
                        page_boundary=block.page_break_before and not explicit,
                    )
                )
                prev.pieces.append(sep + block.text)
                prev.length += len(sep) + len(block.text)
                prev.formula = prev.formula or _formula(c, block.text)
                continue
        out.append(
            _Para(
                text=block.text,
                line=block.line,
                heading=heading,
                label=block.label,
                pieces=[block.text],
                length=len(block.text),
                table=block.table,
                formula=_formula(c, block.text),
            )
        )
    for p in out:
        if len(p.pieces) > 1:
            p.text = "".join(p.pieces)
        p.pieces = []
    return out


def _last_chars(pieces: list[str], n: int) -> str:
    """The last ``n`` characters of the pieces joined, reading only the pieces needed."""
    out = ""
    for piece in reversed(pieces):
        out = piece + out
        if len(out) >= n:
            break
    return out[-n:]


def _formula(c: Patterns, text: str) -> bool:
    return _any(c.closing, text) or _any(c.signature, text) or _any(c.title, text)


def _ends_are_meaningful(blocks: list[Block], lang: str) -> bool:
    """Whether the letter's long paragraphs end with a sentence end, so a missing one means a
    cut; a letter written without final stops gives no such evidence."""
    limit = compiled(lang).profile.letter.heading_max_chars
    long_blocks = [b for b in blocks if not b.table and len(b.text) > limit]
    if len(long_blocks) < 3:
        return True
    ending = sum(1 for b in long_blocks if ends_sentence(b.text, lang))
    return ending >= _MIN_ENDING_SHARE * len(long_blocks)


def _continues(prev: _Para, block: Block, lang: str) -> str | None:
    """Whether the block goes on with the previous paragraph's unfinished sentence: "lower" when
    it opens in lower case, "long" when the previous block is too long to be a heading."""
    tail = prev.pieces[-1] if prev.pieces else prev.text
    if prev.heading or prev.formula or ends_sentence(tail, lang):
        return None
    c = compiled(lang)
    first = block.text[:1]
    if c.profile.spaces and first.islower():
        return "lower"
    # A long block stopping mid-sentence was cut; a short one would have been a heading.
    if prev.length > c.profile.letter.heading_max_chars and not _any(c.signature, block.text):
        return "long"
    return None


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


def _opening(blocks: list[Block], chars: int) -> str:
    """The blocks joined by line ends, as far as the first ``chars`` characters (a 20 MB letter
    is not copied whole to read its opening)."""
    taken, length = [], 0
    for block in blocks:
        taken.append(block.text)
        length += len(block.text) + 1
        if length > chars:
            break
    return "\n".join(taken)[:chars]


def segment(source: Source, language: str | None = None) -> Document:
    """The letter's structure from the reader's blocks."""
    if not source.blocks:
        raise InputError(f"{source.path} has no text.")
    if language is not None and language not in codes():
        known = ", ".join(sorted(codes()))
        raise InputError(f"The checker has no language profile for '{language}' (it has {known}).")
    lang = language or detect_language(_opening(source.blocks, DETECT_CHARS))
    if lang not in codes():
        raise UnsupportedLanguage(lang)
    paras = _rejoin(source.blocks, lang, explicit=source.format == "docx")
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
            trusted(
                Paragraph,
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
    paragraphs share a few percent of it, restatements a third or more. The restatement comes
    before the answers: after a paragraph that reports facts (figures beyond a citation), a
    paragraph that echoes the request's words is an answer naming them, not a restatement.
    """
    from mandate.judgement import figures

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
        else:
            uncited = compiled(document.language).citation.sub(" ", paragraph.text)
            if figures(uncited, document.language) >= 2:
                break  # the answers have begun
    if not changed:
        return document
    paragraphs = [
        p.model_copy(update={"role": Role.REQUEST}) if p.index in changed else p
        for p in document.paragraphs
    ]
    return document.model_copy(update={"paragraphs": paragraphs})
