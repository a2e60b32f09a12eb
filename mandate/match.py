"""Classify each body paragraph and section against the mandate's elements, keeping the evidence.

spaCy does the language work: a blank pipeline per language (no trained model can be installed
here), its tokenizer (character tokens for Chinese, so multi-character cue terms always line up),
and a PhraseMatcher on lower-cased tokens built from the rules' own
vocabularies. What a word means depends on its context, so a cue term does not count:
- inside a phrase the element excludes ("aircrew rotations" are no rotation of contingents);
- when its group asks for a co-occurring term and the sentence has none ("withdrawal" with no
  mission named);
- in a sentence that only promises the information later.
A passage's subject is an element when the element's score is high enough on its own and against
the strongest element in the same passage; a heading that announces the element adds a bonus to
text under it that already speaks of it, never to text that does not.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from operator import itemgetter
from typing import NamedTuple

from mandate.judgement import clauses, content_words, figures, grammar
from mandate.language import (
    clause_splitter,
    full_stop_splitter,
    has_normalisation,
    normaliser,
    patterns,
    profile,
    script_class,
)
from mandate.models import (
    Classification,
    Document,
    Hit,
    Label,
    ParagraphLabels,
    Role,
    SectionLabels,
    trusted,
)
from mandate.rules import CueGroup, Mandate
from mandate.segment import sentences, whole_sentences

_REPEAT_SHARE = 0.5  # a term said again adds half its weight: repetition is weak evidence
# A deferral sentence whose other clauses say this many words (beyond names) also reports an action.
_ACTION_WORDS = 5


@cache
def blank_pipeline(lang: str):  # -> spacy.Language, imported lazily: spaCy is the cold-start cost
    """A blank spaCy pipeline: its tokenizer is all the matcher needs (built once per language).

    The language class is instantiated directly (``Chinese()``), which is what ``spacy.blank``
    does without resolving a config through the registry: half the cost on a cold start.
    """
    from spacy.util import get_lang_class

    return get_lang_class(lang)()


@dataclass(frozen=True)
class _Key:
    kind: str  # cue | with | without | exclude | part
    element: str
    slot: str  # group index, part id, or "" (exclude)


@dataclass(frozen=True)
class _Judged:
    """One element in one passage: score (heading bonus included), raw score, verdict bits."""

    score: float
    raw: float
    substantive: bool
    named: bool
    said: float
    aside: bool = False  # its words only set the scene or say it is pending: no heading helps
    # What it adds to its section's sum: the raw score, cut whenever the passage promises
    # anything (a heading's thin text that also promises is not enough text); None: ``raw``.
    section: float | None = None


@dataclass(frozen=True)
class Passage:
    """What the matcher read in one passage."""

    hits: dict[str, list[Hit]]  # per element, counted or not (with why)
    parts: dict[str, set[str]]  # parts of compound elements answered
    promised: list[tuple[int, int]]  # whole sentences that only promise (deferrals), sorted


class ElementMatcher:
    """Compiled patterns of one mandate in one language; build once, classify many letters."""

    def __init__(self, mandate: Mandate, lang: str) -> None:
        self.mandate = mandate
        self.lang = lang
        # Words are matched on their normalised form (stem, unified spelling) where the profile
        # gives one, so plurals, cases and clitics do not matter; else on lower case.
        self.norm = normaliser(lang) if has_normalisation(lang) else None
        # Term ids (spaCy's hashes of the keys' names) and the spaCy objects are made on first
        # use (``_spacy``), or read back with the character automaton (``_compile``).
        self.keys: dict[int, _Key] = {}
        self.ids: dict[_Key, int] = {}
        self._by_name: dict[tuple[str, str, str], int] = {}
        self._entries: list[tuple[_Key, str, list[str]]] = []  # (key, name, terms) in order
        self._built: tuple | None = None  # (nlp, PhraseMatcher, pattern docs)
        self._lock = threading.RLock()
        self._said_last: tuple[_Said, ...] = ()
        self._terms: dict[str, str] = {}
        self._chars: _CharMatcher | bool | None = False  # built on first use (False: not yet)
        self.groups: dict[tuple[str, str], CueGroup] = {}
        c = patterns(lang)
        self.deferral = c.deferral
        self.abbreviations = c.abbreviations
        self.grammar = grammar(profile(lang).deferral.grammar)
        self.stopwords = frozenset(w.lower() for w in profile(lang).detection.stopwords)
        spoken = profile(lang)
        # Without spaces, how much a passage says is counted in letters of the script.
        self.letters = None if spoken.spaces else script_class(spoken.script)
        self.per_word = spoken.characters_per_word
        self.echo = {
            element.id: " ".join(
                [element.title.get(lang, ""), mandate.request.get(lang, "")]
            ).lower()
            for element in mandate.elements
        }
        for element in mandate.elements:
            for i, group in enumerate(element.cues.get(lang, [])):
                self.groups[(element.id, str(i))] = group
                self._add(_Key("cue", element.id, str(i)), group.terms)
                if group.with_:
                    self._add(_Key("with", element.id, str(i)), self._expand(group.with_))
                if group.without:
                    self._add(_Key("without", element.id, str(i)), self._expand(group.without))
            self._add(_Key("exclude", element.id, ""), element.exclude.get(lang, []))
            for part in element.parts:
                terms = [t for g in part.cues.get(lang, []) for t in g.terms]
                self._add(_Key("part", element.id, part.id), terms)
        self._add(_Key("exclude", "*", ""), mandate.exclude.get(lang, []))

    def _expand(self, terms: list[str]) -> list[str]:
        out: list[str] = []
        for term in terms:
            if term.startswith("@"):
                out.extend(self.mandate.contexts[term[1:]][self.lang])
            else:
                out.append(term)
        return out

    def _add(self, key: _Key, terms: list[str]) -> None:
        if not terms:
            return
        # A preposition written on a term's first word (Arabic "for-the-plan") is the same term: a
        # word that already carries the article takes it in the normaliser's own prefixes.
        clitics = profile(self.lang).normalise.term_prefixes if self.norm else []
        if clitics:
            article = tuple(profile(self.lang).normalise.prefixes)
            terms = terms + [c + t for t in terms if not t.startswith(article) for c in clitics]
        self._entries.append((key, f"{key.kind}\t{key.element}\t{key.slot}", terms))

    def _spacy(self) -> tuple:
        """spaCy's pipeline, PhraseMatcher and pattern docs, built once, on first use: a letter
        whose terms the character automaton finds (Chinese) never imports spaCy when the
        automaton was kept by an earlier run (``_compile``), and spaCy's import is most of a cold
        start."""
        if self._built is None:
            with self._lock:
                if self._built is None:
                    from spacy.matcher import PhraseMatcher

                    nlp = blank_pipeline(profile(self.lang).tokenizer or self.lang)
                    matcher = PhraseMatcher(nlp.vocab, attr="NORM" if self.norm else "LOWER")
                    keys: dict[int, _Key] = {}
                    patterns: list = []
                    for key, name, terms in self._entries:
                        keys[nlp.vocab.strings.add(name)] = key
                        docs = [self._normed(d) for d in nlp.tokenizer.pipe(terms)]
                        matcher.add(name, docs)
                        patterns.extend(docs)
                    self._set_ids(keys)
                    self._built = (nlp, matcher, patterns)
        return self._built

    def _set_ids(self, keys: dict[int, _Key]) -> None:
        self.ids = {key: match_id for match_id, key in keys.items()}
        # The same by (kind, element, slot): no key object made per question.
        self._by_name = {(k.kind, k.element, k.slot): match_id for match_id, k in keys.items()}
        self.keys = keys

    @property
    def nlp(self):  # -> spacy.Language
        """The blank spaCy pipeline of the language (its tokenizer)."""
        return self._spacy()[0]

    @property
    def matcher(self):  # -> spacy.matcher.PhraseMatcher
        """spaCy's PhraseMatcher of every term."""
        return self._spacy()[1]

    @property
    def _patterns(self) -> list:
        """The pattern docs, in the order they were added."""
        return self._spacy()[2]

    def _compile(self) -> None:
        """The character automaton (or None: spaCy matches), once. It is kept in the data cache,
        keyed by every term and its key, the language's tokenizer and the versions of spaCy,
        pyahocorasick and the checker; with it come the term ids, so spaCy is not needed."""
        if self._chars is not False:
            return
        with self._lock:
            if self._chars is not False:
                return
            chars = None
            if self.norm is None:
                from mandate.datacache import code_stamp, module_stamp, remember

                tokenizer = profile(self.lang).tokenizer or self.lang
                stamp = "\0".join(
                    [
                        "char-automaton",
                        code_stamp(),
                        module_stamp("spacy"),
                        module_stamp("ahocorasick"),
                        self.lang,
                        tokenizer,
                        repr(self._entries),  # every term, in order: what the automaton is
                    ]
                )
                plain = remember(stamp, lambda: _CharMatcher.plain(self))
                if plain is not None:
                    if self._built is None:
                        self._set_ids({match_id: _Key(*key) for match_id, key in plain["keys"]})
                    chars = _CharMatcher.from_plain(plain)
            if chars is None:
                self._spacy()
            self._chars = chars

    def _normed(self, doc):  # -> spacy.tokens.Doc
        """The doc with each token's NORM set to the profile's normal form of the word."""
        if self.norm is not None:
            for token in doc:
                token.norm_ = self.norm(token.text)
        return doc

    def make_doc(self, text: str):  # -> spacy.tokens.Doc
        """Tokens of a passage, normalised as the patterns are."""
        return self._normed(self._doc(text))

    def key(self, text: str) -> str:
        """What makes two hits the same term: their words' normal forms."""
        if self.norm is None:
            return text.lower()
        return " ".join(self.norm(t) for t in text.split())

    def _matches(self, text: str):
        """(match id, start char, end char) of every term, in windows below spaCy's length limit.

        A paragraph longer than the window is cut at sentence ends (or, failing those, anywhere):
        memory stays bounded and spaCy's 1,000,000-character limit (E088) is never reached.
        """
        for offset, chunk in _windows(text, _WINDOW, self.lang):
            doc = self._normed(self._doc(chunk))
            if len(doc) == len(chunk):  # one token per character: token offsets are characters
                for match_id, start, end in self.matcher(doc):
                    yield match_id, offset + start, offset + end
                continue
            for match_id, start, end in self.matcher(doc):
                last = doc[end - 1]
                yield match_id, offset + doc[start].idx, offset + last.idx + len(last.text)

    def _found(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """(start, end) character spans of every term by match id, in the order spaCy's matcher
        reports them (by start, then end), keys in the order of their first match.

        Where tokens are single characters (Chinese) an Aho-Corasick automaton over the tokens'
        lower-case forms finds exactly what the PhraseMatcher finds, without building a spaCy
        Doc of every character (the largest cost of a long letter)."""
        self._compile()
        found: dict[int, list[tuple[int, int]]] = defaultdict(list)
        if self._chars is None:
            for match_id, start, end in self._matches(text):
                found[match_id].append((start, end))
            return found
        chars = self._chars
        assert isinstance(chars, _CharMatcher)
        shared: dict[tuple[int, int], tuple[int, ...]] = {}
        for offset, chunk in _windows(text, _WINDOW, self.lang):
            chars.find(chunk, offset, found, shared)
        for spans in found.values():
            spans.sort()

        def first(match_id: int) -> tuple[int, int, int]:
            # spaCy's order: by first match (start, end), then the id's place among those of
            # its pattern (a span is one pattern's: its symbols are the text's).
            span = found[match_id][0]
            ids = shared.get(span)
            return (*span, 0 if ids is None else ids.index(match_id))

        return {m: found[m] for m in sorted(found, key=first)}

    def _doc(self, text: str):
        """The tokens of ``text``. For Chinese character segmentation the Doc is built here in one
        pass: spaCy's own alignment (util.get_words_and_spaces) slices the rest of the text for
        every character, which is quadratic in the length of the text. Characters between runs
        of white space are taken a run at a time (a run is one token; a single space after a
        character is that character's trailing space, as spaCy has it)."""
        if not _char_tokens(self.nlp.tokenizer):
            return self.nlp.make_doc(text)
        from spacy.tokens import Doc

        words, spaces = _char_words(text)
        return Doc(self.nlp.vocab, words=words, spaces=spaces)

    def hits(self, text: str) -> tuple[dict[str, list[Hit]], dict[str, set[str]]]:
        """Hits per element in one passage (counted or not, with why), and parts answered."""
        passage = self.passage(text)
        return passage.hits, passage.parts

    def passage(self, text: str) -> Passage:
        """Hits per element in one passage (counted or not, with why), parts answered, and the
        sentences that only promise (the one deferral decision: hits and scores both read it).

        Every step is a sort, a bisect or a single pass: time is linear in the passage, however
        many terms it repeats.
        """
        found = self._found(text)

        by_name = self._by_name

        def spans_of(kind: str, element: str, slot: str) -> list[tuple[int, int]]:
            match_id = by_name.get((kind, element, slot))
            return found.get(match_id, []) if match_id is not None else []

        # Context is looked for in the whole sentence: a list after a colon belongs to it.
        full_starts = [a for a, _ in whole_sentences(text, self.abbreviations, self.lang)]

        def whole_of(char: int) -> int:
            return bisect_right(full_starts, char) - 1

        names = [
            span for mid, spans in found.items() if self.keys[mid].kind == "cue" for span in spans
        ]
        # The mandate's names ("Security Council") and the language's phrases of the present
        # circumstances ("in the current conditions": the profile's ``setting``, for every
        # mandate) hold no element's word.
        global_excl = _Spans(spans_of("exclude", "*", "") + self.grammar.setting_spans(text))
        global_covering = global_excl.covering if global_excl.spans else None
        # The names no exclusion covers ("the armed forces withdrew" names no exit): what
        # follows "premature" is its assessment only where it speaks of something.
        own_excl: dict[str, _Spans] = {}
        live = []
        for mid, spans in found.items():
            key = self.keys[mid]
            if key.kind != "cue":
                continue
            if key.element not in own_excl:
                own_excl[key.element] = _Spans(spans_of("exclude", key.element, ""))
            mine = own_excl[key.element]
            live += [
                span
                for span in spans
                if (global_covering is None or global_covering(*span) is None)
                and (not mine.spans or mine.covering(*span) is None)
            ]
        promised = sorted(self.promises(text, names, live))
        excluded: dict[str, _Spans] = {}  # per element, made once per passage
        # Hits are plain tuples until overlaps are resolved (start, end, term, weight, counted,
        # why_not, aside, phrase): a long passage makes tens of thousands; models only for those
        # kept.
        by_element: dict[str, list[tuple]] = defaultdict(list)
        if len(self._terms) > 50_000:  # the forms met so far: a few hundred in any letter
            self._terms.clear()
        terms = self._terms
        parts: dict[str, set[str]] = defaultdict(set)
        for match_id, spans in found.items():
            key = self.keys[match_id]
            if key.kind == "part":
                parts[key.element].add(key.slot)
            if key.kind != "cue":
                continue
            group = self.groups[(key.element, key.slot)]
            weight = group.weight
            excl = excluded.get(key.element)
            if excl is None:
                excl = excluded[key.element] = _Spans(spans_of("exclude", key.element, ""))
            if group.with_:
                withs = spans_of("with", key.element, key.slot)
                # Context is counted per whole sentence, once: no pair of hits is ever compared.
                with_per_whole = Counter(whole_of(s) for s, _ in withs)
                with_spans = Counter(withs)
            without = {whole_of(s) for s, _ in spans_of("without", key.element, key.slot)}
            no_context = "no " + ", ".join(group.with_) + " in the same sentence"
            other_subject = "its sentence speaks of " + ", ".join(group.without)
            kept = by_element[key.element]
            # The same questions as below, asked only where they can be answered yes.
            excl_covering = excl.covering if excl.spans else None
            with_ = bool(group.with_)
            for start, end in spans:
                if global_covering is not None and global_covering(start, end) is not None:
                    continue  # part of a name such as "Security Council": no word at all
                term = text[start:end].lower()
                term = terms.setdefault(term, term)  # one string per term, not one per hit
                covering = None if excl_covering is None else excl_covering(start, end)
                if covering is not None and _holds(start, end, covering):
                    covering = None  # the longer term holds the excluded phrase whole: it stands
                if covering is not None:
                    phrase = text[covering[0] : covering[1]]
                    why = f"part of “{phrase}”"
                    hit = (start, end, term, weight, False, why, "excluded", phrase)
                elif without and whole_of(start) in without:
                    hit = (start, end, term, weight, False, other_subject, "context", None)
                elif with_ and (with_per_whole[whole_of(start)] - with_spans[(start, end)] <= 0):
                    hit = (start, end, term, weight, False, no_context, "context", None)
                elif promised and _inside(start, promised):
                    hit = (start, end, term, weight, False, _PROMISE, "deferral", None)
                else:
                    hit = (start, end, term, weight, True, None, None, None)
                kept.append(hit)
        return Passage(
            hits={
                e: [
                    _new_hit(Hit, (h[2], h[0], h[1], h[3], h[4], h[5], h[6], h[7]))  # _hit
                    for h in _resolve_overlaps(hs)
                ]
                for e, hs in by_element.items()
            },
            parts=parts,
            promised=promised,
        )

    def promises(
        self,
        text: str,
        named: list[tuple[int, int]],
        live: list[tuple[int, int]] | None = None,
    ) -> list[tuple[int, int]]:
        """Whole sentences that count for nothing: deferrals, and a bare "it is premature to …".

        A sentence that promises the information later is a deferral unless its other clauses say
        something beyond the names of elements (an action with its actors: "will set benchmarks
        with the Government, and report on them in my next letter"). "Premature" is an answer
        when the passage goes on to say something after it (an assessment with its conditions);
        alone, at the end of a passage about something else, or followed only by a promise, it
        is not. What follows it says something when it holds conditions or a name no exclusion
        covers (``live``): "The Malian armed forces withdrew from isolated posts" does not.
        """
        g = self.grammar
        full = whole_sentences(text, self.abbreviations, self.lang)
        named = sorted(named)  # bisected per clause: never every name against every clause
        longest = max((e - s for s, e in named), default=0)
        # Each question is asked of a sentence at most once (no memo needed).
        out = [
            (a, b)
            for a, b in full
            if self._listed(text, a, b)
            or (
                g.is_deferral(text[a:b])
                and self._besides(text, a, b, named, longest) < _ACTION_WORDS
            )
        ]
        taken = set(out)
        if out:  # beside a promise, "is being reviewed" says nothing yet either
            out += [
                (a, b)
                for a, b in full
                if (a, b) not in taken
                and g.is_pending(text[a:b])
                and self._besides(text, a, b, named, longest) < _ACTION_WORDS
            ]
            out.sort()
            taken = set(out)
        premature = [(a, b) for a, b in full if (a, b) not in taken and g.is_premature(text[a:b])]
        if out or premature:
            # Beside a promise or "premature", "members asked for my views on …" is the
            # question, not an answer.
            out += [
                (a, b)
                for a, b in full
                if (a, b) not in taken
                and (a, b) not in premature
                and g.is_question(text[a:b])
                and self._besides(text, a, b, named, longest) < _ACTION_WORDS
            ]
            out.sort()
            taken = set(out)
        if premature:
            # What comes after "premature" is its assessment (the conditions); what came before
            # is about something else.
            early = set(premature)
            rest = [  # a stock commitment ("I will continue to work closely with …") is no answer
                (a, b)
                for a, b in full
                if (a, b) not in taken
                and (a, b) not in early
                and a >= premature[0][0]
                and not g.is_stock(text[a:b])
                and (  # it speaks of something: a word no exclusion covers, or conditions
                    live is None or any(a <= x < b for x, _ in live) or g.has_conditions(text[a:b])
                )
            ]
            said = sum(len(text[a:b].strip()) for a, b in rest)
            conditions = any(g.has_conditions(text[a:b]) for a, b in premature)
            if said < self.mandate.thresholds.min_chars and not conditions:
                out += premature
        return out

    def _listed(self, text: str, a: int, b: int) -> bool:
        """The sentence text[a:b] has one of the profile's deferral phrases."""
        return any(p.search(text, a, b) for p in self.deferral)

    def _besides(
        self,
        text: str,
        a: int,
        b: int,
        named: list[tuple[int, int]],
        longest: int | None = None,
    ) -> float:
        """Words a deferral sentence says outside its promising or pending clauses and the
        elements' names (``named`` sorted; ``longest`` the longest name, so only names near a
        clause are read)."""
        if longest is None:
            named = sorted(named)
            longest = max((e - s for s, e in named), default=0)
        words = 0.0
        for ca, cb in clauses(text, a, b, lang=self.lang):
            clause = text[ca:cb]
            if self.grammar.promising(clause):
                continue
            masked = _masked(text, ca, cb, named, longest)
            words += content_words(masked, self.stopwords, self.letters, self.per_word)
        return words

    def describe(
        self, text: str, element: str, hits: dict[str, list[Hit]], min_weight: float
    ) -> float:
        """What the passage says about the element beyond naming it (the ``naming`` weights).

        Clauses with the element's words count in full, the rest of their sentence at the
        ``context`` share; a sentence that names several elements divides its description.
        """
        w = self.mandate.naming
        context, term = w.context, w.term
        said_in = self._said(text, hits, min_weight)
        starts, named_by = said_in.starts, said_in.named_by
        echo = self.echo[element]
        # Hits bucketed by sentence once: linear in the passage however many terms it repeats.
        mine_by: dict[int, list[int]] = defaultdict(list)
        own_by: dict[int, set[str]] = defaultdict(set)
        for h in hits[element]:
            if not h.counted:
                continue
            n = bisect_right(starts, h.start) - 1  # said_in.sentence_of, without the call
            if h.weight >= min_weight:
                mine_by[n].append(h.start)
            if h.term not in echo:
                own_by[n].add(h.term)
        total = 0.0
        for n in sorted(k for k in mine_by if k >= 0):
            mine = sorted(mine_by[n])
            last = mine[-1]
            said = 0.0
            for ca, cb, value in said_in.clauses(n):
                if ca > last:  # no hit of the element from here on: the rest is context
                    said += context * value
                    continue
                k = bisect_left(mine, ca)
                inside = mine[k] < cb  # k < len(mine): mine[-1] >= ca
                said += value if inside else context * value
            own = own_by.get(n)
            total += (said + term * (len(own) if own else 0)) / max(1, named_by[n])
        return round(total, 2)

    def _judge(self, text: str, passage: Passage, hinted: set[str]) -> dict[str, _Judged]:
        """Per element found in a passage: its score, whether the passage is about it, and
        whether it only names it (the thresholds and the ``naming`` weights)."""
        th = self.mandate.thresholds
        hits = passage.hits
        whole = whole_sentences(text, self.abbreviations, self.lang)
        touch = th.touch_weight or th.mention_weight
        # A passage that promises its details later keeps only a share of its weight: the
        # weight of what the promise names (a word of at least the touch weight in a promising
        # sentence), or of every element when it names none ("details will follow").
        promised = _promised_elements(passage, touch)
        cut = self.mandate.naming.deferred
        keep = {e: cut if promised is None or e in promised else 1.0 for e in hits}
        # A supporting word counts for the element its sentence names: "contingents" in a
        # sentence on their relief is no evidence of their performance.
        owners = _owners(whole, hits, touch)  # the same touch weight throughout
        others = _supporting_elsewhere(whole, hits, touch, th.mention_weight, owners)
        scores = {
            e: score(
                [h for h in hs if (h.start, h.end) not in others[e]] if e in others else hs,
                self.key,
            )
            * keep[e]
            for e, hs in hits.items()
        }
        boosted = {
            e: s + (th.heading_bonus if e in hinted and s > 0 else 0) for e, s in scores.items()
        }
        top = max(boosted.values(), default=0.0)
        # A heading that announces one element presumes the text under it is about it; one that
        # announces several (a merged section) leaves each to show its own share of the text.
        presumed = hinted if len(hinted) == 1 else set()
        owned = _owned(whole, hits, touch, owners)
        # Named only beside others: every sentence that names the element (a word of at least the
        # touch weight) names another too and says next to nothing of it. Its supporting words
        # elsewhere, however many, name nothing (below the touch weight a word is no mention):
        # they do not make it the subject of another sentence.
        # Named beside another: in one clause with another element's name ("the framework and
        # the transition plan remain …"), not in a list of what the sentence says of it.
        # Each sentence's clauses (not cut at list items), read by the two questions below.
        spans = [c for a, b in whole for c in clauses(text, a, b, lists=False, lang=self.lang)]
        beside = _beside(text, whole, hits, touch, self.lang, spans)
        crowded = {
            e
            for e in hits
            if (naming := {n for n, named in owners.items() if e in named})
            and all(n in beside.get(e, ()) for n in naming)
            and self.describe(text, e, hits, touch) < self.mandate.naming.described
        }
        # A clause saying the matter is still being decided ("whose evaluations are still being
        # consolidated") says nothing of it yet, and one that sets the scene ("Amid …",
        # "Despite …") is not the sentence's news: their words make no sentence the element's.
        # A sentence that says only that work on the matter goes on ("the performance of the
        # contingents continues to be closely monitored") names what it speaks of, whatever its
        # other clauses carry: the whole sentence is read like a pending clause.
        idle = self._said(text, hits, th.mention_weight).idle
        pending = _Spans(
            [
                (ca, cb)
                for ca, cb in spans
                if self.grammar.is_pending(text[ca:cb])
                or self.grammar.is_backdrop(text[ca:cb])
                or (self.grammar.is_stock(text[ca:cb]) and not figures(text[ca:cb], self.lang))
            ]
            + [whole[n] for n in idle]
        )
        # What the sentences' own news says of each element: words in a clause that sets the
        # scene or says the matter is pending name it, they do not make it the passage's subject.
        # After a colon whose lead-in names one other element alone ("A new division of
        # responsibilities was agreed: the armed forces secure the axes, the Mission protects
        # civilians in remote areas, …"), the sentence says what that element holds: words of
        # this one there are touched in passing, as under a bulleted list's lead-in.
        led, leads = _colon_led(text, whole, hits, touch, self.lang, pending)
        aside_of = {e: (pending, led[e]) if e in led else (pending,) for e in hits}

        def beside_news(e: str, h: Hit) -> bool:
            return any(spans.covering(h.start, h.end) is not None for spans in aside_of[e])

        news = {
            e: score(
                [
                    h
                    for h in hs
                    if (h.start, h.end) not in others.get(e, ()) and not beside_news(e, h)
                ],
                self.key,
            )
            * keep[e]
            for e, hs in hits.items()
        }
        # The matters of a digest: each sentence's elements, promised ones too (a sentence that
        # defers the caveats is the caveats' sentence of the digest).
        subjects = _subjects(whole, hits, touch)
        # In a paragraph whose first sentence is about an element and no sentence about another,
        # the sentences that name no element (not even in a promise) go on with its subject:
        # "The transition plan provides for … Then the Mission and the country team listed
        # 14 tasks … For each task, a lead entity … are set."
        named_any = _owners(whole, hits, touch, promised=True)
        follows = set(range(1, len(whole))) - set(named_any)
        topics = {e for n in named_any for e in subjects.get(n, named_any[n])}
        alone_subject = (
            next(iter(topics)) if subjects.get(0) == topics and len(topics) == 1 else None
        )
        matters = _subjects(whole, hits, touch, promised=True) if passage.promised else subjects
        out: dict[str, _Judged] = {}
        led = _lead_named(text, hits, touch, self.lang)  # a list's lead-in and who it names
        for e, found in hits.items():
            s = boosted[e]
            # Without a counted word at the mention weight (supporting words only) nothing is
            # described at that weight (``describe`` answers 0.0), its words are all aside and it
            # is not the subject (below): the same answers, without asking.
            mentioned = any(h.counted and h.weight >= th.mention_weight for h in found)
            said = self.describe(text, e, hits, th.mention_weight) if mentioned else 0.0
            named = said < self.mandate.naming.described
            # Under its heading, still not presumed where its words only set the scene or say
            # the matter is pending.
            aside = not mentioned or not any(
                h.counted and h.weight >= th.mention_weight and not beside_news(e, h) for h in found
            )
            heads = e in presumed and not aside
            # One sentence with the element in too few of its clauses is a passing mention; when
            # the sentence does not even open with it ("The period was marked by delays in the
            # aircrew rotation …, and it may be added in passing that the evaluations were
            # satisfactory"), no heading makes it its section's subject either.
            few = (
                not heads
                and _clause_share(text, found, self.abbreviations, self.lang, leads.get(e, []))
                < th.min_clause_share
            )
            passing = few and not _opens(text, found, self.lang)
            substantive = (
                mentioned
                and not named
                and e not in crowded
                and s >= th.substantive
                and news[e] + (th.heading_bonus if e in hinted and s > 0 else 0) >= th.substantive
                and s >= th.dominance * top
                and len(text.strip()) >= th.min_chars
                and (
                    heads
                    or _share(
                        whole,
                        found,
                        th.mention_weight,
                        owned.get(e, set())
                        | {(h.start, h.end) for h in found if beside_news(e, h)},
                        follows if alone_subject == e else None,
                    )
                    >= th.min_share
                )
                and not few
            )
            # A digest of several matters answers each in its own sentences (see _digest_share):
            # each is weighed there, not against the matter the digest says most about.
            substantive = substantive or (
                not named
                and e not in crowded
                and _digest_share(text, whole, subjects, matters, e, found, self.key, self.lang)
                >= th.substantive
            )
            # A list of facts under a lead-in that names the element alone answers it.
            substantive = substantive or (
                not named
                and e not in crowded
                and s >= th.dominance * top
                and _listed_facts(led, e, self.lang)
            )
            # Under a lead-in that names another element alone, the items are that element's:
            # words of this one only in the items are touched in passing.
            if (
                led is not None
                and len(led.named) == 1
                and e not in led.named
                and not any(h.counted and h.weight >= touch and h.start < led.start for h in found)
            ):
                substantive = False
            if not mentioned:
                s = 0.0  # supporting words only: kept for the record, worth nothing
                substantive = False
            if not substantive and not any(h.counted and h.weight >= touch for h in found):
                s = 0.0  # not about it, and no word that names it: not even a mention
            out[e] = _Judged(
                score=s,
                raw=scores[e],
                section=scores[e] / keep[e] * cut if passage.promised else None,
                substantive=substantive,
                named=named and s > 0 and s >= th.dominance * top,
                said=said,
                # Named only beside others: no heading makes that the section's subject either.
                aside=aside or e in crowded or passing,
            )
        return out

    def _said(self, text: str, hits: dict[str, list[Hit]], min_weight: float) -> _Said:
        """What each clause of the passage says beyond the names of elements, shared by every
        element ``describe`` is asked about (the last passage's are kept, one per weight asked:
        the judgement asks at the mention and at the touch weight in turn)."""
        kept = self._said_last  # a tuple read and replaced whole: safe when threads share it
        touch = self.mandate.thresholds.touch_weight or min_weight
        for said in kept:
            if said.text is text and said.hits is hits and said.touch == touch:
                return said
        said = _Said(self, text, hits, min_weight)
        same = [s for s in kept if s.text is text and s.hits is hits]
        self._said_last = (*same[-1:], said)
        return said

    def classify(self, document: Document) -> Classification:
        """Labels for every body paragraph and section of the letter."""
        th = self.mandate.thresholds
        heading_hints: dict[int, set[str]] = {}
        for section in document.sections:
            if section.heading:
                hits, _ = self.hits(section.heading)
                heading_hints[section.index] = {
                    e for e, hs in hits.items() if score(hs, self.key) >= th.heading_min
                }
        paragraph_labels: list[ParagraphLabels] = []
        section_scores: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        section_elements: dict[int, set[str]] = defaultdict(set)
        section_said: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        body = [p for p in document.paragraphs if p.role is Role.BODY]
        for paragraph in body:
            passage = self.passage(paragraph.text)
            hits, parts = passage.hits, passage.parts
            bounds = sentences(paragraph.text, self.abbreviations, self.lang)
            bound_starts = [a for a, _ in bounds]
            hinted = heading_hints.get(paragraph.section, set())
            judged = self._judge(paragraph.text, passage, hinted)
            # A list's items are passages too (each with its lead-in): a merged section written
            # as labelled bullets answers each element in its own item.
            for item in _items(paragraph.text, self.lang):
                if all(j.substantive for j in judged.values()):
                    break  # an item can only make an element substantive: nothing left to gain
                for e, j in self._judge(item, self.passage(item), hinted).items():
                    if j.substantive and e in judged and not judged[e].substantive:
                        whole = judged[e]
                        judged[e] = _Judged(
                            max(whole.score, j.score), whole.raw, True, False, whole.said
                        )
            labels = []
            cut: dict[int, str] = {}  # the paragraph's sentences its labels show, cut once
            for element in self.mandate.elements:
                e = element.id
                if e not in hits:
                    continue
                j = judged[e]
                s, substantive, said = j.score, j.substantive, j.said
                labels.append(
                    trusted(
                        Label,
                        element=e,
                        score=round(s, 2),
                        substantive=substantive,
                        heading_hint=e in hinted and j.raw > 0,
                        hits=hits[e],
                        sentence=_best_sentence(paragraph.text, hits[e], bounds, bound_starts, cut),
                        parts=sorted(parts.get(e, set())),
                        named=j.named,
                    )
                )
                raw = j.raw if j.section is None else j.section
                section_scores[paragraph.section][e] += raw if s > 0 and not j.aside else 0.0
                section_said[paragraph.section][e] += said if s > 0 and not j.aside else 0.0
                if substantive:
                    section_elements[paragraph.section].add(e)
            paragraph_labels.append(
                ParagraphLabels(paragraph=paragraph.index, section=paragraph.section, labels=labels)
            )
        sections = []
        for section in document.sections:
            sums = section_scores.get(section.index, {})
            hinted = heading_hints.get(section.index, set())
            elements = set(section_elements.get(section.index, set()))
            # A heading plus enough text under it makes the section's subject, even when the
            # text is spread thin over several short paragraphs.
            elements |= {
                e
                for e in hinted
                if sums.get(e, 0) + th.heading_bonus >= th.substantive
                and sums.get(e, 0) >= th.mention
                and section_said[section.index].get(e, 0) >= self.mandate.naming.described
            }
            order = [e.id for e in self.mandate.elements]
            sections.append(
                SectionLabels(
                    section=section.index,
                    elements=[e for e in order if e in elements],
                    heading_elements=[e for e in order if e in hinted],
                    scores={e: round(v, 2) for e, v in sums.items()},
                )
            )
        return Classification(paragraphs=paragraph_labels, sections=sections)


def score(hits: list[Hit], key: Callable[[str], str] = str.lower) -> float:
    """Distinct terms at full weight, repeats at half, never more than the distinct terms.

    ``key`` says when two hits are the same term ('rotation' and 'rotations' are).
    """
    best: dict[str, float] = {}
    repeats = 0.0
    for hit in hits:
        if not hit.counted:
            continue
        term = key(hit.term)
        if term in best:
            repeats += _REPEAT_SHARE * hit.weight
            best[term] = max(best[term], hit.weight)
        else:
            best[term] = hit.weight
    distinct = sum(best.values())
    return distinct + min(repeats, distinct)


@cache
def _item_start(lang: str | None) -> re.Pattern[str]:
    """Where a list item starts: a new line (items joined by the segmenter), or a bullet after a
    colon or a sentence end of the language (items a text reader ran together on one line)."""
    letter = profile(lang).letter if lang else None
    marks = ".:;" + (letter.sentence_end + letter.lead_in if letter else "")
    return re.compile(r"\n\s*|(?<=[" + re.escape(marks) + r"])\s+(?=[-–—•·●▪◦*‣]\s)")


def _items(text: str, lang: str | None = None) -> list[str]:
    """Each list item of a paragraph with its lead-in; none unless there are two items, each
    ending a sentence: items that are fragments of one sentence (closed by ';' or ',') make one
    passage with their lead-in, and what follows the last of them is not an item's."""
    cuts = [m.start() for m in _item_start(lang).finditer(text)]
    if len(cuts) < 2:
        return []
    lead = text[: cuts[0]].strip()
    ends = [*cuts[1:], len(text)]
    items = [text[a:b].strip() for a, b in zip(cuts, ends, strict=True)]
    stop = full_stop_splitter(lang)
    if not all(item and stop.match(item[-1]) for item in items[:-1]):
        return []
    return [f"{lead} {item}" for item in items]


def _named(
    bounds: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    hits: dict[str, list[Hit]],
    touch: float,
    promised: bool = False,
) -> dict[int, Counter[str]]:
    """Per sentence, the weight of each element's names there (a counted term of at least
    ``touch`` weight; with ``promised``, a term set aside because its sentence only promises
    counts too): what ``_owners`` and ``_subjects`` both read."""
    starts = [a for a, _ in bounds]
    weight: dict[int, Counter[str]] = defaultdict(Counter)
    for e, hs in hits.items():
        for h in hs:
            if (h.counted or (promised and h.aside == "deferral")) and h.weight >= touch:
                weight[bisect_right(starts, h.start) - 1][e] += h.weight
    return weight


def _owners(
    bounds: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    hits: dict[str, list[Hit]],
    touch: float,
    promised: bool = False,
) -> dict[int, set[str]]:
    """Per sentence, the elements it names (``_named``)."""
    owners: dict[int, set[str]] = defaultdict(set)
    for n, named in _named(bounds, hits, touch, promised).items():
        owners[n].update(named)
    return owners


def _subjects(
    bounds: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    hits: dict[str, list[Hit]],
    touch: float,
    promised: bool = False,
) -> dict[int, set[str]]:
    """Per sentence, what it is about: of the elements it names (``_named``), the one whose
    names there weigh most ("a unit refused to escort a convoy, citing an undeclared national
    restriction" is about the caveat, the escort its detail); all of them on a tie."""
    out: dict[int, set[str]] = {}
    for n, named in _named(bounds, hits, touch, promised).items():
        ranked = named.most_common(2)
        tie = len(ranked) > 1 and ranked[1][1] == ranked[0][1]
        out[n] = set(named) if tie else {ranked[0][0]}
    return out


def _supporting_elsewhere(
    bounds: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    hits: dict[str, list[Hit]],
    touch: float,
    below: float,
    owners: dict[int, set[str]] | None = None,
) -> dict[str, set[tuple[int, int]]]:
    """Per element, its supporting words (lighter than ``below``) in sentences that name other
    elements (a term of at least ``touch`` weight) and not it (``owners``: ``_owners``' answer
    for the same bounds and weight, when the caller has it)."""
    starts = [a for a, _ in bounds]
    if owners is None:
        owners = _owners(bounds, hits, touch)
    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for e, hs in hits.items():
        for h in hs:
            if h.counted and h.weight < below:
                named = owners.get(bisect_right(starts, h.start) - 1, set())
                if named and e not in named:
                    out[e].add((h.start, h.end))
    return out


@cache
def _list_marks(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a bulleted list's lead-in ends (a colon of the language before a bullet), and where
    each of its items starts (a bullet, after a sentence or clause end of the language)."""
    letter = profile(lang).letter if lang else None
    lead = ":" + (letter.lead_in if letter else "")
    ends = ".:;" + (letter.sentence_end if letter else "")
    return (
        re.compile("[" + re.escape(lead) + r"]\s*(?=[-–—•·●▪◦*‣]\s)"),
        re.compile(r"(?:^|[" + re.escape(ends) + r"]?\s+)[-–—•·●▪◦*‣]\s"),
    )


class _Lead(NamedTuple):
    """A bulleted list's lead-in: where it ends, the elements it names, and the list's items."""

    start: int
    named: set[str]
    items: list[str]


def _lead_named(text: str, hits: dict[str, list[Hit]], touch: float, lang: str) -> _Lead | None:
    """Where a bulleted list's lead-in ends and the elements it names (a term of at least
    ``touch`` weight); None without a list (a lead-in and at least two items)."""
    lead_end, item_start = _list_marks(lang)
    lead = lead_end.search(text)
    if lead is None:
        return None
    items = [i for i in item_start.split(text[lead.end() :]) if i.strip()]
    if len(items) < 2:
        return None
    named = {
        e
        for e, hs in hits.items()
        for h in hs
        if h.counted and h.weight >= touch and h.start < lead.start()
    }
    return _Lead(lead.start(), named, items)


@cache
def _colon(lang: str | None) -> re.Pattern[str]:
    """A colon of the language that opens what a sentence goes on to list (not one in "10:30")."""
    letter = profile(lang).letter if lang else None
    return re.compile("[" + re.escape(":" + (letter.lead_in if letter else "")) + r"](?!\d)")


def _colon_led(
    text: str,
    bounds: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    hits: dict[str, list[Hit]],
    touch: float,
    lang: str,
    aside: _Spans | None = None,
) -> tuple[dict[str, _Spans], dict[str, list[tuple[int, int]]]]:
    """Per element, the stretches after a sentence's colon whose lead-in (the sentence before
    the colon) names one other element alone (a counted term of at least ``touch`` weight) and
    not this one: what follows says what the named element holds. And per element, the
    stretches its own lead-in leads (they speak of it). Words in ``aside`` spans (a clause that
    sets the scene: "In line with that framework, the transition plan …:") name nothing there."""
    colon = _colon(lang)
    starts = [a for a, _ in bounds]
    cut: dict[int, int] = {}
    for n, (a, b) in enumerate(bounds):
        m = colon.search(text, a, b)
        if m is not None and text[m.end() : b].strip():
            cut[n] = m.start()
    if not cut:
        return {}, {}
    lead: dict[int, set[str]] = defaultdict(set)
    for e, hs in hits.items():
        for h in hs:
            n = bisect_right(starts, h.start) - 1
            if (
                h.counted
                and h.weight >= touch
                and n in cut
                and h.start < cut[n]
                and (aside is None or aside.covering(h.start, h.end) is None)
            ):
                lead[n].add(e)
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    own: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for n, named in lead.items():
        if len(named) == 1:
            own[next(iter(named))].append((cut[n], bounds[n][1]))
            for e in hits.keys() - named:
                out[e].append((cut[n], bounds[n][1]))
    return {e: _Spans(spans) for e, spans in out.items()}, dict(own)


def _listed_facts(led: _Lead | None, element: str, lang: str) -> bool:
    """A bulleted list whose lead-in names the element and no other and whose items, two or
    more, each carry a figure or a date: "Relief of contingents completed: – an infantry
    battalion in Gao, 850 troops; – …"."""
    return led is not None and led.named == {element} and all(figures(i, lang) for i in led.items)


def _digest_share(
    text: str,
    bounds: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    owners: dict[int, set[str]],
    matters: dict[int, set[str]],
    element: str,
    hits: list[Hit],
    key: Callable[[str], str],
    lang: str,
) -> float:
    """In a paragraph that reports several matters each in its own sentences (at least three
    elements each the subject of a sentence: ``owners`` as ``_subjects`` answers, ``matters`` the
    same with a matter only promised among them), the element's score in the sentences about it
    alone, when they carry a fact (a figure or a date) in a clause that holds its words; else 0.
    Such a digest gives each matter a sentence or two: its share of the paragraph says nothing
    of how well each is answered. (With two such elements it would be a paragraph about one
    matter with an aside; a date in another clause of the sentence — "the draft goes to the
    Government in 2020, and will, when conditions allow, inform any later thinking on
    the exit" — is that clause's fact, not the element's.)"""
    alone = {n for n, named in owners.items() if named == {element}}
    if not alone or len({x for named in matters.values() if len(named) == 1 for x in named}) < 3:
        return 0.0
    starts = [a for a, _ in bounds]
    at = sorted(h.start for h in hits if h.counted and bisect_right(starts, h.start) - 1 in alone)
    facts = 0
    for n in alone:
        if n < 0:
            continue
        for ca, cb in clauses(text, *bounds[n], lists=False, lang=lang):
            k = bisect_left(at, ca)
            if k < len(at) and at[k] < cb:
                facts += figures(text[ca:cb], lang)
    if facts < 1:
        return 0.0
    return score([h for h in hits if h.counted and bisect_right(starts, h.start) - 1 in alone], key)


def _beside(
    text: str,
    bounds: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    hits: dict[str, list[Hit]],
    touch: float,
    lang: str,
    spans: list[tuple[int, int]] | None = None,
) -> dict[str, set[int]]:
    """Per element, the sentences where a clause names it together with another element (a
    counted term of at least ``touch`` weight each): "the framework and the transition plan remain
    the basis" names both; "the framework was revised, with four outcomes: …, protection of
    civilians" says what the framework holds. ``spans``: those clauses, when the caller has
    them."""
    if spans is None:
        spans = [c for a, b in bounds for c in clauses(text, a, b, lists=False, lang=lang)]
    starts = [a for a, _ in spans]
    sentence_starts = [a for a, _ in bounds]
    named: dict[int, set[str]] = defaultdict(set)
    for e, hs in hits.items():
        for h in hs:
            if h.counted and h.weight >= touch:
                named[bisect_right(starts, h.start) - 1].add(e)
    out: dict[str, set[int]] = defaultdict(set)
    for n, elements in named.items():
        if len(elements) > 1 and n >= 0:
            sentence = bisect_right(sentence_starts, spans[n][0]) - 1
            for e in elements:
                out[e].add(sentence)
    return out


def _owned(
    bounds: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    hits: dict[str, list[Hit]],
    touch: float,
    owners: dict[int, set[str]] | None = None,
) -> dict[str, set[tuple[int, int]]]:
    """Per element, the words it shares with another element in a sentence that names only the
    other (a counted term of at least ``touch`` weight): a shared word ("country team") goes to
    the element the sentence is about (``owners`` as for ``_supporting_elsewhere``)."""
    starts = [a for a, _ in bounds]
    if owners is None:
        owners = _owners(bounds, hits, touch)
    holders: dict[tuple[int, int], set[str]] = defaultdict(set)
    for e, hs in hits.items():
        for h in hs:
            if h.counted:
                holders[(h.start, h.end)].add(e)
    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for span, elements in holders.items():
        if len(elements) < 2:
            continue
        named = owners.get(bisect_right(starts, span[0]) - 1, set())
        for e in elements:
            if named and e not in named and named & elements:
                out[e].add(span)
    return out


def _share(
    bounds: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    hits: list[Hit],
    min_weight: float,
    theirs: set[tuple[int, int]] | None = None,
    follows: set[int] | None = None,
) -> float:
    """The share of the passage in sentences with a counted term of at least ``min_weight``:
    by number of sentences, or by length where those sentences are the long ones (one long
    sentence of facts is not a passing mention beside three short ones). Words the element shares
    with the element a sentence names (``theirs``) are that element's. ``follows``: sentences
    that go on with the element's subject (a paragraph's topic sentence is about it)."""
    starts = [a for a, _ in bounds]
    spoken = set(follows or ())
    for h in hits:
        if h.counted and h.weight >= min_weight:
            n = bisect_right(starts, h.start) - 1
            if theirs and (h.start, h.end) in theirs:
                continue
            if n >= 0 and bounds[n][0] <= h.start < bounds[n][1]:
                spoken.add(n)
    length = sum(b - a for a, b in bounds)
    said = sum(bounds[n][1] - bounds[n][0] for n in spoken)
    return max(len(spoken) / max(1, len(bounds)), said / max(1, length))


def _promised_elements(passage: Passage, touch: float) -> set[str] | None:
    """The elements a passage's promising sentences name (a word of at least ``touch`` weight);
    None when it has promising sentences that name none (a promise of everything in it), and the
    empty set when it promises nothing."""
    if not passage.promised:
        return set()
    named = {
        e
        for e, hs in passage.hits.items()
        for h in hs
        if h.weight >= touch and _inside(h.start, passage.promised)
    }
    return named or None


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``char`` lies in one of ``spans`` (sorted, not overlapping: whole sentences)."""
    n = bisect_right(spans, (char, float("inf"))) - 1
    return n >= 0 and spans[n][0] <= char < spans[n][1]


class _CharMatcher:
    """The PhraseMatcher's answer for a character tokenizer on lower-case forms, by an
    Aho-Corasick automaton (pyahocorasick) over one symbol per token.

    A token's symbol is its lower-case form when that is one character; forms of several
    characters (white-space runs, a few letters whose lower case is two characters) that some
    pattern has are given surrogate code points, which no decoded text contains; any other such
    token gets one more surrogate that no pattern has."""

    _FIRST, _LAST = 0xD800, 0xDFFF  # surrogates: never in text read from a file

    def __init__(self, odd: dict[str, str], automaton) -> None:
        self.odd = odd
        self.automaton = automaton

    @classmethod
    def build(cls, m: ElementMatcher) -> _CharMatcher | None:
        """The automaton for a matcher of a character tokenizer on lower case; else None."""
        plain = cls.plain(m)
        return None if plain is None else cls.from_plain(plain)

    @classmethod
    def plain(cls, m: ElementMatcher) -> dict | None:
        """What the automaton is made of, as plain data (kept between runs): the symbols of
        forms of several characters, each pattern's symbols with the ids spaCy reports for it,
        and the term ids. None unless the tokenizer makes a token of each character and matches
        lower case."""
        if m.norm is not None or not _char_tokens(m.nlp.tokenizer):
            return None
        odd: dict[str, str] = {}
        by_symbols: dict[str, object] = {}
        for doc in m._patterns:
            if len(doc) == 0:
                continue
            symbols = []
            for token in doc:
                form = token.lower_
                if len(form) != 1 or cls._FIRST <= ord(form) <= cls._LAST:
                    if form not in odd:
                        odd[form] = chr(cls._FIRST + len(odd))
                        if len(odd) >= cls._LAST - cls._FIRST:
                            return None
                    form = odd[form]
                symbols.append(form)
            by_symbols.setdefault("".join(symbols), doc)
        words = []
        for symbols, doc in by_symbols.items():
            # The ids spaCy reports for this very pattern, in its order (its trie's terminal).
            ids = [i for i, a, b in m.matcher(doc) if a == 0 and b == len(doc)]
            if ids:
                words.append((symbols, tuple(ids)))
        if not words:
            return None
        keys = [(i, (k.kind, k.element, k.slot)) for i, k in m.keys.items()]
        return {"odd": odd, "words": words, "keys": keys}

    @classmethod
    def from_plain(cls, plain: dict) -> _CharMatcher:
        """The automaton from ``plain``'s data."""
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for symbols, ids in plain["words"]:
            automaton.add_word(symbols, (len(symbols), tuple(ids)))
        automaton.make_automaton()
        return cls(dict(plain["odd"]), automaton)

    def find(
        self,
        text: str,
        offset: int,
        found: dict[int, list[tuple[int, int]]],
        shared: dict[tuple[int, int], tuple[int, ...]],
    ) -> None:
        """Add the spans of every pattern in ``text`` (at ``offset``) to ``found``, and keep in
        ``shared`` the ids of each span whose pattern has several (their places order them)."""
        lowered = text.lower()
        if len(lowered) != len(text) or _NOT_PER_CHAR.search(text):
            self._find_per_token(text, offset, found, shared)
            return
        # One token per character (token offsets are characters) unless a space merges: asked
        # first of any white space, which a simple class finds fast (most Chinese paragraphs
        # have none), then of the merging pattern, whose look-behind is tried at every place.
        if not (_SPACE.search(text) and _MERGED.search(text)):
            self._report(self.automaton.iter(lowered), offset, found, shared)
            return
        # Stretches of characters (a token each) and runs of white space (a token each, once a
        # single space after a character is taken as that character's trailing space).
        symbols: list[str] = []
        token_at: list[int] = []  # first token of each stretch
        char_at: list[int] = []  # its first character
        run_end: list[int] = []  # a white-space run's end, or -1 for a stretch of characters
        tokens = at = 0
        for run in _WHITE.finditer(text):
            a, b = run.span()
            if a > at:
                token_at.append(tokens), char_at.append(at), run_end.append(-1)
                symbols.append(lowered[at:a])
                tokens += a - at
            if a > 0 and text[a] == " ":  # runs are maximal: a character precedes this one
                a += 1
            if a < b:
                token_at.append(tokens), char_at.append(a), run_end.append(b)
                symbols.append(self._symbol(text[a:b]))
                tokens += 1
            at = b
        if at < len(text):
            token_at.append(tokens), char_at.append(at), run_end.append(-1)
            symbols.append(lowered[at:])

        def start(t: int) -> int:
            k = bisect_right(token_at, t) - 1
            return char_at[k] + (t - token_at[k])

        def end(t: int) -> int:
            k = bisect_right(token_at, t) - 1
            return run_end[k] if run_end[k] >= 0 else char_at[k] + (t - token_at[k]) + 1

        self._report(self.automaton.iter("".join(symbols)), offset, found, shared, start, end)

    def _find_per_token(
        self,
        text: str,
        offset: int,
        found: dict[int, list[tuple[int, int]]],
        shared: dict[tuple[int, int], tuple[int, ...]],
    ) -> None:
        """The same, one token at a time (text whose lower case is not the same per character)."""
        words, spaces = _char_words(text)
        symbols = "".join(self._symbol(w.lower()) for w in words)
        starts, ends, at = [], [], 0
        for word, space in zip(words, spaces, strict=True):
            starts.append(at)
            ends.append(at + len(word))
            at += len(word) + space
        matches = self.automaton.iter(symbols)
        self._report(matches, offset, found, shared, starts.__getitem__, ends.__getitem__)

    @staticmethod
    def _report(
        matches,
        offset: int,
        found: dict[int, list[tuple[int, int]]],
        shared: dict[tuple[int, int], tuple[int, ...]],
        start: Callable[[int], int] | None = None,
        end: Callable[[int], int] | None = None,
    ) -> None:
        """Automaton matches (last token, (length, ids)) as character spans per match id."""
        if start is None or end is None:
            for last, (length, ids) in matches:
                span = (offset + last - length + 1, offset + last + 1)
                if len(ids) == 1:
                    found[ids[0]].append(span)
                    continue
                shared[span] = ids
                for match_id in ids:
                    found[match_id].append(span)
            return
        for last, (length, ids) in matches:
            span = (offset + start(last - length + 1), offset + end(last))
            if len(ids) > 1:
                shared[span] = ids
            for match_id in ids:
                found[match_id].append(span)

    def _symbol(self, form: str) -> str:
        if len(form) == 1 and not self._FIRST <= ord(form) <= self._LAST:
            return form
        return self.odd.get(form, chr(self._LAST))


# Letters whose lower case is not the same taken alone and in a string (a final capital sigma),
# and surrogates: text with them gets its symbols one token at a time.
_NOT_PER_CHAR = re.compile("[\u03a3\ud800-\udfff]")
# Where spaCy's character segmenter does not make one token of each character: a space after a
# character (its trailing space), a run of white space (one token).
_MERGED = re.compile(r"(?<=\S) |\s\s")


def _char_tokens(tokenizer) -> bool:
    """Whether the tokenizer makes one token of each character (spaCy's Chinese 'char')."""
    return str(getattr(tokenizer, "segmenter", "")) in {"char", "Segmenter.char"}


def _char_words(text: str) -> tuple[list[str], list[bool]]:
    """Words and trailing spaces as spaCy's character segmenter gives them: each character a
    word, a run of white space a word, a single space after a character that character's
    trailing space. Characters between runs of white space are taken a run at a time."""
    words: list[str] = []
    spaces: list[bool] = []
    at = 0
    for run in _WHITE.finditer(text):
        a, b = run.span()
        words += text[at:a]
        spaces += [False] * (a - at)
        at = b
        if a > 0 and text[a] == " ":  # runs are maximal: a character precedes this one
            spaces[-1] = True
            a += 1
        if a < b:
            words.append(text[a:b])
            spaces.append(False)
    words += text[at:]
    spaces += [False] * (len(text) - at)
    return words, spaces


class _Said:
    """One passage's sentences and, per sentence, what each clause says once the words of every
    element are masked (figures and content words at the ``naming`` weights): the same for every
    element, so computed once per passage and sentence, not once per element."""

    def __init__(
        self, matcher: ElementMatcher, text: str, hits: dict[str, list[Hit]], min_weight: float
    ) -> None:
        m = matcher
        # Only the touch weight (the weight asked when the mandate sets none) shapes what is
        # kept here: every weight with the same touch weight shares one.
        touch = m.mandate.thresholds.touch_weight or min_weight
        self.matcher, self.text, self.hits, self.touch = matcher, text, hits, touch
        self.full = whole_sentences(text, m.abbreviations, m.lang)
        self.starts = [a for a, _ in self.full]
        self.named_by: Counter[int] = Counter()
        for hs in hits.values():
            self.named_by.update(
                {self.sentence_of(h.start) for h in hs if h.counted and h.weight >= touch}
            )
        self.every = sorted((h.start, h.end) for hs in hits.values() for h in hs if h.counted)
        self.longest = max((e - s for s, e in self.every), default=0)
        self._clauses: dict[int, list[tuple[int, int, float]]] = {}
        self._every_spans: _Spans | None = None
        self.idle = {n for n, (a, b) in enumerate(self.full) if self._idle(a, b)}

    def _every(self) -> _Spans:
        if self._every_spans is None:
            self._every_spans = _Spans(self.every)
        return self._every_spans

    def _idle(self, a: int, b: int) -> bool:
        """The sentence says only that work on what it names goes on ("…, like their
        performance, continues to be monitored closely by …"): no figure, no condition (an
        assessment), no clause after that predicate's with an element's word or a few words of
        its own, and before it a subject, not statements (at most twice as many words beside
        the names)."""
        m, text = self.matcher, self.text
        found = m.grammar.ongoing_at(text[a:b])
        if (
            found is None
            or figures(_NUMBERED.sub("", text[a:b], count=1), m.lang)
            or m.grammar.has_conditions(text[a:b])  # "only once a process is under way"
        ):
            return False
        start, end = a + found[0], a + found[1]
        before = after = 0.0
        for ca, cb in clauses(text, a, b, lang=m.lang):
            if ca < end and cb > start:
                continue  # the predicate's own clause, with its agent
            if ca >= end and self._every().covering(ca, cb) is not None:
                return False  # a statement of its own about an element
            stretch = _masked(text, ca, cb, self.every, self.longest)
            words = content_words(stretch, m.stopwords, m.letters, m.per_word)
            if ca >= end:
                after += words
            else:
                before += words
        return after < _ACTION_WORDS and before < 2 * _ACTION_WORDS

    def sentence_of(self, char: int) -> int:
        return bisect_right(self.starts, char) - 1

    def clauses(self, n: int) -> list[tuple[int, int, float]]:
        """(start, end, value) of each clause of sentence ``n``."""
        if n not in self._clauses:
            m, text, w = self.matcher, self.text, self.matcher.mandate.naming
            a, b = self.full[n]
            if n in self.idle:  # "… continues to be monitored closely": says nothing
                self._clauses[n] = [(ca, cb, 0.0) for ca, cb in clauses(text, a, b, lang=m.lang)]
                return self._clauses[n]
            out = []
            for ca, cb in clauses(text, a, b, lang=m.lang):
                stretch = _masked(text, ca, cb, self.every, self.longest)
                found = figures(stretch, m.lang)
                facts = (  # the same figures unless a paragraph number opens the clause
                    figures(_NUMBERED.sub("", stretch, count=1), m.lang)
                    if _NUMBERED.match(stretch)
                    else found
                )
                if not facts and m.grammar.is_stock(text[ca:cb]):
                    out.append((ca, cb, 0.0))  # "remains the basis for the work of …": nothing
                    continue
                value = w.figure * found + w.word * content_words(
                    stretch, m.stopwords, m.letters, m.per_word
                )
                out.append((ca, cb, value))
            self._clauses[n] = out
        return self._clauses[n]


def _masked(text: str, a: int, b: int, spans: list[tuple[int, int]], longest: int) -> str:
    """``text[a:b]`` with every character inside one of ``spans`` (sorted; none longer than
    ``longest``) made a space: only the spans near the stretch are read, and it is built from
    slices, not character by character."""
    pieces, at = [], a
    lo = bisect_left(spans, (a - longest, -1))
    for s, e in spans[lo : bisect_left(spans, (b, -1))]:
        s, e = max(s, at), min(e, b)
        if s >= e:
            continue
        pieces += (text[at:s], " " * (e - s))
        at = e
    pieces.append(text[at:b])
    return "".join(pieces)


class _Spans:
    """Character spans, sorted once, asked which one overlaps a hit in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []  # index of the span reaching furthest among the first i + 1
        best = -1
        for i, (_, e) in enumerate(self.spans):
            if best < 0 or e > self.spans[best][1]:
                best = i
            self.reach.append(best)

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        """A span overlapping [start, end), if any."""
        n = bisect_left(self.starts, end)  # spans starting before the hit ends
        if n == 0:
            return None
        span = self.spans[self.reach[n - 1]]
        return span if span[1] > start else None


def _clause_share(
    text: str,
    hits: list[Hit],
    abbreviations: frozenset[str],
    lang: str,
    led: list[tuple[int, int]] | None = None,
) -> float:
    """In a one-sentence passage, the share of its clauses that hold a counted term: a trailing
    clause of a sentence about something else ("…, in line with the transition planning") is a
    mention. (With several sentences, the sentence share measures it.) Clauses after a colon
    whose lead-in names the element alone (``led``) say what it holds: they are its too."""
    whole = whole_sentences(text, abbreviations, lang)
    if len(whole) > 1:
        return 1.0  # several sentences: the sentence share measures it
    spans = [c for a, b in whole for c in clauses(text, a, b, lists=False, lang=lang)]
    starts = [a for a, _ in spans]
    spoken = {n for n, (a, b) in enumerate(spans) if any(x <= a and b <= y for x, y in led or ())}
    for h in hits:  # one bisect per hit: linear in the passage, however many terms it repeats
        n = bisect_right(starts, h.start) - 1
        if h.counted and n >= 0 and h.start < spans[n][1]:
            spoken.add(n)
    return len(spoken) / max(1, len(spans))


def _opens(text: str, hits: list[Hit], lang: str) -> bool:
    """Whether a counted word of the element lies in the passage's first clause (cut at commas,
    semicolons and colons): the sentence opens with it, it is its topic."""
    first = clauses(text, 0, len(text), lists=False, lang=lang)[0]
    return any(h.counted and first[0] <= h.start < first[1] for h in hits)


def _holds(start: int, end: int, span: tuple[int, int]) -> bool:
    """Whether [start, end) holds ``span`` whole and is longer ("a plan for the transition
    period" holds the excluded "transition period")."""
    return start <= span[0] and span[1] <= end and end - start > span[1] - span[0]


def _resolve_overlaps(hits: list[tuple]) -> list[tuple]:
    """Where terms overlap, the longest (then heaviest, then counted) stands; the rest go.

    Hits are tuples (start, end, term, weight, counted, …). Taken characters are remembered in
    a set: each hit costs its own length, not the number of hits kept before it.
    """
    by_start = sorted(hits, key=_start)
    if all(h[1] > h[0] for h in hits) and all(b[0] >= a[1] for a, b in pairwise(by_start)):
        return by_start  # nothing overlaps (the usual case): every hit stands
    ordered = sorted(hits, key=lambda h: (h[0] - h[1], not h[4], -h[3], h[0]))
    taken: set[int] = set()
    kept: list[tuple] = []
    for hit in ordered:
        start, end = hit[0], hit[1]
        if end <= start:
            if start not in taken:
                kept.append(hit)
            continue
        if not any(c in taken for c in range(start, end)):
            kept.append(hit)
            taken.update(range(start, end))
    return sorted(kept, key=lambda h: h[0])


_PROMISE = "the sentence only promises the information"
_start = itemgetter(0)
# A Hit from its fields in order, as ``Hit._make`` makes it, without a Python call per hit.
_new_hit = tuple.__new__


def _hit(
    start: int,
    end: int,
    term: str,
    weight: float,
    counted: bool,
    why_not: str | None,
    aside: str | None,
    phrase: str | None,
) -> Hit:
    """A ``Hit`` from the matcher's working tuple (start first, for sorting)."""
    return Hit(term, start, end, weight, counted, why_not, aside, phrase)


def _best_sentence(
    text: str,
    hits: list[Hit],
    bounds: list[tuple[int, int]],
    starts: list[int] | None = None,
    shared: dict[int, str] | None = None,
) -> str:
    """The sentence of the paragraph that carries the most counted weight (``starts``: the
    bounds' starts, when the caller has them; ``shared``: the sentences already cut from this
    paragraph, by number — the labels of one paragraph often show the same sentence, and a long
    letter holds every label until its report is written)."""
    if starts is None:
        starts = [a for a, _ in bounds]
    weights = [0.0] * len(bounds)
    for h in hits:
        if h.counted:
            n = bisect_right(starts, h.start) - 1
            if n >= 0 and bounds[n][0] <= h.start < bounds[n][1]:
                weights[n] += h.weight
    if not bounds:
        return text
    best = max(range(len(weights)), key=weights.__getitem__)  # the first of the heaviest
    if shared is None:
        a, b = bounds[best]
        return text[a:b].strip()
    found = shared.get(best)
    if found is None:
        a, b = bounds[best]
        found = shared[best] = text[a:b].strip()
    return found


def _windows(text: str, size: int, lang: str | None = None) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) windows of at most ``size`` characters, cut after a sentence
    end where there is one in the second half of the window."""
    if len(text) <= size:
        return [(0, text)]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            # After the last sentence end in the window's second half, else clause end, else space.
            for stops in (full_stop_splitter(lang), clause_splitter(lang), _SPACE):
                last = None
                for m in stops.finditer(text, start + size // 2, end):
                    last = m
                if last is not None:
                    end = last.end()
                    break
        out.append((start, text[start:end]))
        start = end
    return out


_SPACE = re.compile(r"\s")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s")  # a paragraph's own number is no fact
_WHITE = re.compile(r"\s+")
_WINDOW = 50_000  # characters per spaCy doc: far below E088's 1,000,000, and memory bounded


_MATCHERS: dict[tuple[str, str, str], ElementMatcher] = {}
# The content digest of the last few mandate objects asked about (each kept alive with its
# digest, so its id is not reused): pickling a mandate costs a millisecond, as much as a tenth of
# a short letter's check, and a long-running process asks about the same object every time.
_DIGESTS: dict[int, tuple[Mandate, str]] = {}


_DIGESTS_LOCK = threading.Lock()


def _digest(mandate: Mandate) -> str:
    """The mandate's content digest (its pickled fields), remembered per object."""
    known = _DIGESTS.get(id(mandate))
    if known is not None and known[0] is mandate:
        return known[1]
    digest = hashlib.sha256(pickle.dumps(mandate)).hexdigest()
    with _DIGESTS_LOCK:
        if len(_DIGESTS) >= 8:
            _DIGESTS.pop(next(iter(_DIGESTS)))
        _DIGESTS[id(mandate)] = (mandate, digest)
    return digest


def matcher_for(mandate: Mandate, lang: str) -> ElementMatcher:
    """The matcher for a mandate and language, built once per process (keyed by content: the
    pickled fields, which need no serializer built as a JSON dump would on a cold start)."""
    key = (mandate.id, lang, _digest(mandate))
    if key not in _MATCHERS:
        _MATCHERS[key] = ElementMatcher(mandate, lang)
    return _MATCHERS[key]


def classify(document: Document, mandate: Mandate) -> Classification:
    """The match step: labels for the letter's paragraphs and sections."""
    return matcher_for(mandate, document.language).classify(document)
