"""Which cue terms are too general to count alone: everyday words, ubiquitous words, boilerplate.

A drafted rules file once made "mission", "include" and "impact" cue words, and a paragraph about
equipment shortfalls then "covered" undeclared caveats. A generic term may still serve as a
``with`` context; alone it proves nothing. Three independent tests, all from data:
- general-language frequency (wordfreq's Zipf scale, shipped with its data, every UN language);
- the share of the bundled letters' body paragraphs (in the term's language) that contain it;
- the letters' boilerplate: title, addressee, the request's reference formula, closing, signature.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mandate.errors import InputError
from mandate.language import profile
from mandate.models import Role
from mandate.resources import letters_dirs, rules_dir


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GenericPolicy(_Strict):
    """When a term is generic."""

    zipf: dict[str, float] = Field(
        description="Zipf frequency at or above which a word is everyday."
    )
    paragraph_share: float = Field(gt=0, le=1)
    min_paragraphs: int = Field(ge=1)

    def zipf_for(self, lang: str) -> float:
        return self.zipf.get(lang, self.zipf.get("default", 4.5))


class DraftingLanguage(_Strict):
    """How one language phrases a reporting request (see rules/authoring/drafting.yaml)."""

    references: list[str] = Field(default_factory=list)
    fillers: list[str] = Field(default_factory=list)
    closing_fillers: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    list_openers: list[str] = Field(default_factory=list)
    process: list[str] = Field(default_factory=list)
    split_and: str = ""
    and_openers: list[str] = Field(default_factory=list)
    prepositions: list[str] = Field(default_factory=list)
    head: Literal["first", "last-before-preposition"] = "first"
    stopwords: list[str] = Field(default_factory=list)
    letter: list[str] = Field(default_factory=list)
    report: list[str] = Field(default_factory=list)


class Authoring(_Strict):
    """The authoring data file."""

    kind: Literal["authoring"]
    generic: GenericPolicy
    languages: dict[str, DraftingLanguage]


@cache
def authoring_data(path: Path | None = None) -> Authoring:
    """The drafting and generic-cue data (validated; errors name the file and field)."""
    from mandate.rules import _describe, _load_yaml

    path = path or rules_dir() / "authoring" / "drafting.yaml"
    try:
        data = Authoring.model_validate(_load_yaml(path))
    except ValidationError as exc:
        raise InputError(_describe(path, exc)) from None
    for lang in data.languages.values():
        patterns = [
            *lang.references,
            *lang.fillers,
            *lang.closing_fillers,
            *lang.conditions,
            *lang.process,
        ]
        for pattern in [*patterns, *lang.list_openers]:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise InputError(f"{path}: the pattern “{pattern}” is not valid: {exc}.") from None
    return data


def zipf(term: str, lang: str) -> float:
    """The term's Zipf frequency in general language (a phrase is rarer than its words)."""
    import jieba  # wordfreq's Chinese tokenizer: keep its start-up chatter off stderr

    jieba.setLogLevel(logging.WARNING)
    from wordfreq import zipf_frequency

    if not term:
        return 0.0
    try:
        return zipf_frequency(term, lang)
    except (LookupError, ValueError):
        return 0.0


class _Corpus:
    """The bundled letters of one language: body paragraphs and boilerplate, lower-cased."""

    def __init__(self, lang: str) -> None:
        self.body: list[str] = []
        self.boilerplate: list[str] = []
        from mandate.read import read
        from mandate.segment import compiled, segment

        for folder in letters_dirs():
            for path in sorted(folder.glob(f"*.{lang}.txt")):
                try:
                    document = segment(read(path), language=lang)
                except InputError:
                    continue
                enumerator = compiled(lang).enumerator
                for paragraph in document.paragraphs:
                    text = paragraph.text.lower()
                    if paragraph.role is Role.BODY:
                        self.body.append(text)
                    elif paragraph.role is Role.REQUEST:
                        # The reference formula is boilerplate; the items it lists are the topic.
                        # Unlettered, only the formula the drafter drops is boilerplate.
                        first = enumerator.search(paragraph.text)
                        if first:
                            self.boilerplate.append(text[: first.start()])
                        else:
                            from mandate.authoring import request_text

                            kept = len(request_text(text, lang))
                            self.boilerplate.append(text[: max(0, len(text) - kept)])
                    else:
                        self.boilerplate.append(text)


@cache
def _corpus(lang: str) -> _Corpus:
    return _Corpus(lang)


def _pattern(term: str, lang: str) -> re.Pattern[str]:
    """The term in running text: between word boundaries, where the language has any."""
    if not profile(lang).spaces:
        return re.compile(re.escape(term.lower()))
    return re.compile(r"(?<!\w)" + re.escape(term.lower()) + r"(?!\w)")


def paragraph_share(term: str, lang: str) -> tuple[float, int]:
    """The share of the bundled letters' body paragraphs containing the term, and how many."""
    corpus = _corpus(lang)
    if not corpus.body:
        return 0.0, 0
    pattern = _pattern(term, lang)
    hits = sum(1 for text in corpus.body if pattern.search(text))
    return hits / len(corpus.body), len(corpus.body)


def in_boilerplate(term: str, lang: str) -> bool:
    """The term appears in a title, addressee, reference formula, closing or signature."""
    pattern = _pattern(term, lang)
    return any(pattern.search(text) for text in _corpus(lang).boilerplate)


def content_words(term: str, lang: str) -> list[str]:
    """The term's words without the language's stopwords (wordfreq's own segmentation for a
    language written without spaces)."""
    if not profile(lang).spaces:
        from wordfreq import tokenize

        zipf("", lang)  # quiets jieba before its first use
        return [t for t in tokenize(term, lang) if t.strip()]
    data = authoring_data().languages.get(lang)
    stop = set(data.stopwords) | set(data.prepositions) if data else set()
    return [w for w in re.findall(r"[^\W\d_][\w'’-]*", term.lower()) if w not in stop]


def _tokens(word: str, lang: str) -> int:
    from wordfreq import tokenize

    zipf("", lang)  # quiets jieba before its first use
    return len(tokenize(word, lang)) or 1


@cache
def generic_reason(term: str, lang: str) -> str | None:
    """Why a cue term is too general to count alone, or None when it is specific.

    General-language frequency judges words, not phrases ("mission operations" is specific
    although both its words are everyday): a phrase is judged by the letters only. A phrase with a
    single content word ("the mission") is that word.
    """
    policy = authoring_data().generic
    words = content_words(term, lang)
    if len(words) == 1 and _tokens(words[0], lang) == 1:  # "system-wide" is a phrase
        frequency = zipf(words[0], lang)
        if frequency >= policy.zipf_for(lang):
            return f"an everyday word (Zipf frequency {frequency:.1f})"
    share, count = paragraph_share(term, lang)
    if count >= policy.min_paragraphs and share > policy.paragraph_share:
        return f"in {share:.0%} of the bundled letters' paragraphs"
    if in_boilerplate(term, lang):
        return "in the letters' boilerplate (title, reference formula, closing)"
    return None


def is_generic(term: str, lang: str) -> bool:
    return generic_reason(term, lang) is not None
