"""What a passage says about an element, beyond the words that name it.

Two questions the matcher's word counts cannot answer on their own:
- Is a sentence a promise? A deferral is recognised by its grammar (a future or a promise, and a
  later letter, report or briefing, or keeping the Council informed), not by a list of phrases; it
  counts for nothing. "It is premature to …" is an answer only when something else is said.
- Does a passage describe the element or only name it? Facts (figures, dates), words of the
  element's own beyond its title, and what else the clause says weigh; a sentence that names
  several elements shares what it says among them. The weights are the mandate's ``naming`` block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

_DIGITS = r"\d+(?:[.,]\d+)*%?"


@cache
def _figure(lang: str | None) -> re.Pattern[str]:
    """Figures in digits, or spelled as the language's profile spells them (``numbers.spelled``)."""
    from mandate.language import profile  # the profiles import this module's grammar model

    spelled = profile(lang).numbers.spelled if lang else []
    return re.compile("|".join([_DIGITS, *spelled]))


_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


class DeferralGrammar(BaseModel):
    """A language's grammar of promising information later (regexes, matched case-insensitively).

    A sentence is a deferral when it has a ``promise`` (a future or an undertaking) and a later
    ``channel`` (the next letter, a subsequent report or briefing), or a ``later`` time ("later",
    "once the review is completed") with ``information`` (details, an update, to report), or
    keeping the Council informed (``keep_informed``).
    ``premature`` marks "it is premature to …": counted only when something else is said, such as
    the ``conditions`` on which the matter depends.
    ``topic`` marks a clause that only says what the sentence is about ("As for the assessment
    of …"): like the promising clauses, it reports no action.
    ``stock`` marks a stock predicate that says nothing of its subject ("remains the common
    reference for the work of …"): without a figure, such a clause describes nothing.
    ``backdrop`` marks a clause that sets the scene for the sentence's news ("Amid …", "In an
    environment where …", "Despite …"), and a relative clause after a comma (", where the Mission
    had set up bases, …", and its like in every profile with commas): an element named only there
    is touched in passing, and its words there do not make the passage's subject.
    ``ongoing`` marks a sentence that says only that work on its subject goes on ("continues",
    "is under way", "is monitored closely", "remains a priority", "is under review"): without a
    figure, the elements it names are named, not answered, whatever its other clauses carry.
    ``question`` marks a sentence reporting that the question was asked ("several members asked
    for my views on the exit strategy", "raised the question of …"): beside a promise or a bare
    "premature" it says nothing, like them.
    ``setting`` marks a phrase naming the present circumstances ("in the current conditions",
    "dans les conditions actuelles"): it states no condition, so "premature in the current
    conditions" is still a bare "premature"; and the matcher takes no element's word inside it,
    for every mandate.
    ``pending`` marks a matter still being decided ("is being reviewed with the contributing
    countries", "under discussion"): beside a promise it says nothing yet, in the promising
    sentence or in another sentence of the passage.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    promise: list[str] = Field(default_factory=list)
    channel: list[str] = Field(default_factory=list)
    later: list[str] = Field(default_factory=list)
    information: list[str] = Field(default_factory=list)
    keep_informed: list[str] = Field(default_factory=list)
    premature: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    pending: list[str] = Field(default_factory=list)
    topic: list[str] = Field(default_factory=list)
    stock: list[str] = Field(default_factory=list)
    backdrop: list[str] = Field(default_factory=list)
    ongoing: list[str] = Field(default_factory=list)
    question: list[str] = Field(default_factory=list)
    setting: list[str] = Field(default_factory=list)

    @field_validator(
        "promise",
        "channel",
        "later",
        "information",
        "keep_informed",
        "premature",
        "conditions",
        "pending",
        "topic",
        "stock",
        "backdrop",
        "ongoing",
        "question",
        "setting",
    )
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns


@dataclass(frozen=True)
class Grammar:
    """Compiled deferral grammar of one language."""

    promise: re.Pattern[str] | None
    channel: re.Pattern[str] | None
    later: re.Pattern[str] | None
    information: re.Pattern[str] | None
    keep_informed: re.Pattern[str] | None
    premature: re.Pattern[str] | None
    conditions: re.Pattern[str] | None
    pending: re.Pattern[str] | None
    topic: re.Pattern[str] | None
    stock: re.Pattern[str] | None = None
    backdrop: re.Pattern[str] | None = None
    ongoing: re.Pattern[str] | None = None
    question: re.Pattern[str] | None = None
    setting: re.Pattern[str] | None = None

    def is_deferral(self, sentence: str) -> bool:
        """A sentence whose content is that the information will come later."""
        if self.promise is None or not self.promise.search(sentence):
            return False

        def has(pattern: re.Pattern[str] | None) -> bool:
            return bool(pattern and pattern.search(sentence))

        return (
            has(self.channel)
            or (has(self.later) and has(self.information))
            or has(self.keep_informed)
        )

    def is_premature(self, sentence: str) -> bool:
        """A sentence saying it is too early to say."""
        return bool(self.premature and self.premature.search(sentence))

    def has_conditions(self, text: str) -> bool:
        """Conditions, requirements or a contrast: an assessment rather than a refusal (the
        present circumstances named as a ``setting`` are none)."""
        if self.setting:
            text = self.setting.sub(" ", text)
        return bool(self.conditions and self.conditions.search(text))

    def setting_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text names the present circumstances ("in the current conditions"): no
        condition, and no element's word either."""
        return [m.span() for m in self.setting.finditer(text)] if self.setting else []

    def is_pending(self, text: str) -> bool:
        """A matter still being decided (under review, being reorganised): no answer yet."""
        return bool(self.pending and self.pending.search(text))

    def is_stock(self, clause: str) -> bool:
        """A stock predicate ("remains the basis for the work of …"): it says nothing."""
        return bool(self.stock and self.stock.search(clause))

    def ongoing_at(self, sentence: str) -> tuple[int, int] | None:
        """Where the sentence says that work on the matter goes on ("continues", "is monitored
        closely"): no answer yet."""
        found = self.ongoing.search(sentence) if self.ongoing else None
        return found.span() if found else None

    def is_question(self, sentence: str) -> bool:
        """The sentence reports that the question was asked ("members asked for my views")."""
        return bool(self.question and self.question.search(sentence))

    def is_backdrop(self, clause: str) -> bool:
        """A clause that sets the scene ("Amid …", "Despite …"), not the sentence's news."""
        return bool(self.backdrop and self.backdrop.match(_NUMBER.sub("", clause, count=1)))

    def promising(self, clause: str) -> bool:
        """A clause that promises or says the matter is still open: it reports nothing."""
        return any(
            p is not None and p.search(clause)
            for p in (self.channel, self.later, self.keep_informed, self.pending, self.question)
        ) or bool(self.topic and self.topic.match(_NUMBER.sub("", clause, count=1)))


_NUMBER = re.compile(r"^\s*(\d{1,3}[.)]\s*)?")  # white space and a paragraph's own number


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def grammar(spec: DeferralGrammar | None) -> Grammar:
    """The compiled grammar (an empty one when the language has none)."""
    spec = spec or DeferralGrammar()
    return Grammar(
        promise=_alternation(spec.promise),
        channel=_alternation(spec.channel),
        later=_alternation(spec.later),
        information=_alternation(spec.information),
        keep_informed=_alternation(spec.keep_informed),
        premature=_alternation(spec.premature),
        conditions=_alternation(spec.conditions),
        pending=_alternation(spec.pending),
        topic=_alternation(spec.topic),
        stock=_alternation(spec.stock),
        backdrop=_alternation(spec.backdrop),
        ongoing=_alternation(spec.ongoing),
        question=_alternation(spec.question),
        setting=_alternation(spec.setting),
    )


_clause_splitter: Callable[[str | None, bool], re.Pattern[str]] | None = None


def clauses(
    text: str, a: int, b: int, lists: bool = True, lang: str | None = None
) -> list[tuple[int, int]]:
    """Clause spans inside a sentence: cut at commas, semicolons, colons (and, with ``lists``,
    at dashes, brackets and enumeration commas) — the marks of every language profile."""
    global _clause_splitter
    if _clause_splitter is None:  # the profiles import this module's grammar: imported late
        from mandate.language import clause_splitter as _clause_splitter

    out, start = [], a
    for m in _clause_splitter(lang, lists).finditer(text, a, b):
        if text[start : m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:b].strip():
        out.append((start, b))
    return out or [(a, b)]


def figures(text: str, lang: str | None = None) -> int:
    """Figures and dates written with digits (or Chinese numerals before a measure word)."""
    return len(_figure(lang).findall(text))


def content_words(
    text: str,
    stopwords: frozenset[str],
    letters: re.Pattern[str] | None = None,
    per_word: float = 0,
) -> float:
    """How much a stretch of text says: words, or in a language written without spaces its
    script's ``letters``, ``per_word`` of them to a word (the profile's ``characters_per_word``)."""
    if letters is not None and per_word:
        return len(letters.findall(text)) / per_word
    return sum(1 for w in _WORD.findall(text) if w.lower() not in stopwords)
