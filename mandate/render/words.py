"""Words for the pages, chosen from the message catalog: sentences as segments (text, links to
paragraphs, quotes of the letter with their own language), so that a template lays out a sentence
written in any language without slicing strings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mandate import messages
from mandate.assess import shown_asides
from mandate.messages import say
from mandate.models import Place, Reason
from mandate.rules import Element

_TOKEN = re.compile("\x00(\\d+)\x00")


@dataclass(frozen=True)
class Seg:
    """A run of a sentence: plain text, a link (with an accessible label), or letter text."""

    text: str
    href: str | None = None
    label: str | None = None
    lang: str | None = None
    dir: str | None = None


class Segs(list):
    """Segments already composed: inserted into a sentence as they are."""


def compose(lang: str, code: str, **params: object) -> Segs:
    """The message ``code`` with segment parameters kept as segments."""
    table: list[list[Seg]] = []
    values: dict[str, object] = {}
    for key, value in params.items():
        if isinstance(value, Seg):
            value = Segs([value])
        if isinstance(value, Segs):
            table.append(list(value))
            values[key] = f"\x00{len(table) - 1}\x00"
        else:
            values[key] = value
    text = say(lang, code, **values)
    out = Segs()
    for i, piece in enumerate(_TOKEN.split(text)):
        if i % 2:
            out.extend(table[int(piece)])
        elif piece:
            out.append(Seg(piece))
    return out


def joined(lang: str, items: list[Segs], sep: str | None = None) -> Segs:
    """Segment lists joined with the language's list separator."""
    out = Segs()
    for i, item in enumerate(items):
        if i:
            out.append(Seg(messages.catalog(lang).list_sep if sep is None else sep))
        out.extend(item)
    return out


def paragraph_links(lang: str, numbers: list[int]) -> Segs:
    """'paragraph 7' as one link, or 'paragraphs 8, 9' with each number a link named
    'paragraph 8': link text says where it goes."""
    if len(numbers) == 1:
        return Segs([Seg(messages.paragraphs(lang, numbers), href=f"#p-{numbers[0]}")])
    links = [
        Segs([Seg(str(n), href=f"#p-{n}", label=messages.paragraphs(lang, [n]))]) for n in numbers
    ]
    return compose(lang, "ref.paragraphs", n=len(numbers), list=joined(lang, links))


def letter_text(text: str, letter_lang: str) -> Seg:
    """A piece of the letter, marked with its own language and direction."""
    return Seg(text, lang=letter_lang, dir=messages.catalog(letter_lang).dir)


def place_links(lang: str, places: list[Place], letter_lang: str) -> Segs:
    """'paragraph 21 (“Rotations”)' for each place, joined."""
    out = []
    for place in places:
        where = paragraph_links(lang, place.paragraphs)
        if place.heading:
            heading = letter_text(place.heading, letter_lang)
            out.append(compose(lang, "ref.place", paragraphs=where, heading=heading))
        else:
            out.append(where)
    return joined(lang, out, sep=say(lang, "ref.places_sep"))


def title(titles: dict[str, str], lang: str, fallback: str) -> str:
    """A title in the reader's language, else English, else any."""
    return titled(titles, lang, fallback).text


def titled(titles: dict[str, str], lang: str, fallback: str) -> Seg:
    """A title in the reader's language, else English, else any — marked with its language."""
    for code in (lang, "en", *titles):
        if titles.get(code):
            direction = messages.direction(code)
            return Seg(titles[code], lang=code, dir=direction)
    return Seg(fallback)


def aside(lang: str, kind: str, term: str, phrase: str | None, letter_lang: str) -> Segs:
    """A word set aside (excluded phrase, missing context, deferral), the letter's words kept in
    the letter's language."""
    return compose(
        lang,
        f"aside.{kind}",
        term=letter_text(term, letter_lang),
        phrase=letter_text(phrase or "", letter_lang),
    )


def reason(lang: str, why: Reason, element: Element, letter_lang: str) -> Segs:
    """Why an element has its status, in the reader's language, with links to the places."""
    parts = {p.id: p.title for p in element.parts}
    part_titles = [title(parts.get(p, {}), lang, p) for p in why.parts]
    out = compose(
        lang,
        f"reason.{why.kind}",
        places=place_links(lang, why.places, letter_lang),
        parts=part_titles,
    )
    asides = shown_asides(why)
    if asides:
        words = [aside(lang, a.kind, a.term, a.phrase, letter_lang) for a in asides]
        out.append(Seg(say(lang, "ui.sentence_sep")))
        out.extend(compose(lang, "reason.set_aside", n=len(words), terms=joined(lang, words)))
    return out
