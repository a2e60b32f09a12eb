"""Classify each body paragraph and section against the mandate's elements, keeping the evidence.

spaCy does the language work: a blank pipeline per language (no trained model can be installed
here), its tokenizer (character tokens for Chinese, so multi-character cue terms always line up),
and a PhraseMatcher on lower-cased tokens built from the rules' own
vocabularies. What a word means depends on its context, so a cue term does not count:
- inside a phrase the element excludes ("机组人员轮调" is not a rotation of contingents);
- when its group asks for a co-occurring term and the sentence has none ("撤出" with no mission);
- in a sentence that only promises the information later.
A passage's subject is an element when the element's score is high enough on its own and against
the strongest element in the same passage; a heading that announces the element adds a bonus to
text under it that already speaks of it, never to text that does not.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from mandate.judgement import clauses, content_words, figures, full_sentences, grammar
from mandate.language import has_normalisation, normaliser, patterns, profile
from mandate.models import (
    Classification,
    Document,
    Hit,
    Label,
    ParagraphLabels,
    Role,
    SectionLabels,
)
from mandate.rules import CueGroup, Mandate
from mandate.segment import sentences

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
    kind: str  # cue | with | exclude | part
    element: str
    slot: str  # group index, part id, or "" (exclude)


class ElementMatcher:
    """Compiled patterns of one mandate in one language; build once, classify many letters."""

    def __init__(self, mandate: Mandate, lang: str) -> None:
        from spacy.matcher import PhraseMatcher

        self.mandate = mandate
        self.lang = lang
        self.nlp = blank_pipeline(profile(lang).tokenizer or lang)
        # Words are matched on their normalised form (stem, unified spelling) where the profile
        # gives one, so plurals, cases and clitics do not matter; else on lower case.
        self.norm = normaliser(lang) if has_normalisation(lang) else None
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="NORM" if self.norm else "LOWER")
        self.keys: dict[int, _Key] = {}
        self.groups: dict[tuple[str, str], CueGroup] = {}
        c = patterns(lang)
        self.deferral = c.deferral
        self.abbreviations = c.abbreviations
        self.grammar = grammar(profile(lang).deferral.grammar)
        self.stopwords = frozenset(w.lower() for w in profile(lang).detection.stopwords)
        self.spaceless = not profile(lang).spaces  # words are counted in characters
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
        name = f"{key.kind}\t{key.element}\t{key.slot}"
        match_id = self.nlp.vocab.strings.add(name)
        self.keys[match_id] = key
        self.matcher.add(name, [self._normed(d) for d in self.nlp.tokenizer.pipe(terms)])

    def _normed(self, doc):  # -> spacy.tokens.Doc
        """The doc with each token's NORM set to the profile's normal form of the word."""
        if self.norm is not None:
            for token in doc:
                token.norm_ = self.norm(token.text)
        return doc

    def make_doc(self, text: str):  # -> spacy.tokens.Doc
        """Tokens of a passage, normalised as the patterns are."""
        return self._normed(self.nlp.make_doc(text))

    def key(self, text: str) -> str:
        """What makes two hits the same term: their words' normal forms."""
        if self.norm is None:
            return text.lower()
        return " ".join(self.norm(t) for t in text.split())

    def hits(self, text: str) -> tuple[dict[str, list[Hit]], dict[str, set[str]]]:
        """Hits per element in one passage (counted or not, with why), and parts answered."""
        doc = self.make_doc(text)
        found: dict[_Key, list[tuple[int, int]]] = defaultdict(list)
        for match_id, start, end in self.matcher(doc):
            last = doc[end - 1]
            found[self.keys[match_id]].append((doc[start].idx, last.idx + len(last.text)))
        bounds = sentences(text, self.abbreviations, self.lang)
        starts = [a for a, _ in bounds]

        def sentence_of(char: int) -> int:
            return bisect_right(starts, char) - 1

        # Context is looked for in the whole sentence: a list after a colon belongs to it.
        full_starts = [a for a, _ in full_sentences(text)]

        def whole_of(char: int) -> int:
            return bisect_right(full_starts, char) - 1

        deferred = {
            n for n, (a, b) in enumerate(bounds) if any(p.search(text, a, b) for p in self.deferral)
        }
        promised = self.promises(text, [span for spans in found.values() for span in spans])
        deferred |= {n for n, (a, _) in enumerate(bounds) if any(x <= a < y for x, y in promised)}
        global_excl = found.get(_Key("exclude", "*", ""), [])
        by_element: dict[str, list[Hit]] = defaultdict(list)
        parts: dict[str, set[str]] = defaultdict(set)
        for key, spans in found.items():
            if key.kind == "part":
                parts[key.element].add(key.slot)
            if key.kind != "cue":
                continue
            group = self.groups[(key.element, key.slot)]
            excl = found.get(_Key("exclude", key.element, ""), [])
            withs = found.get(_Key("with", key.element, key.slot), [])
            for start, end in spans:
                if _covering(start, end, global_excl) is not None:
                    continue  # part of a name such as 安全理事会: no word at all
                hit = Hit(term=text[start:end].lower(), start=start, end=end, weight=group.weight)
                sent = sentence_of(start)
                covering = _covering(start, end, excl)
                if covering is not None:
                    hit.counted = False
                    hit.why_not = f"part of “{text[covering[0] : covering[1]]}”"
                    hit.aside, hit.phrase = "excluded", text[covering[0] : covering[1]]
                elif group.with_ and not any(
                    whole_of(s) == whole_of(start) and (s, e) != (start, end) for s, e in withs
                ):
                    hit.counted = False
                    hit.why_not = "no " + ", ".join(group.with_) + " in the same sentence"
                    hit.aside = "context"
                elif sent in deferred:
                    hit.counted = False
                    hit.why_not = "the sentence only promises the information"
                    hit.aside = "deferral"
                by_element[key.element].append(hit)
        return {e: _resolve_overlaps(h) for e, h in by_element.items()}, parts

    def promises(self, text: str, named: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Whole sentences that count for nothing: deferrals, and a bare "it is premature to …".

        A sentence that promises the information later is a deferral unless its other clauses say
        something beyond the names of elements (an action with its actors: "will set benchmarks
        with the Government, and report on them in my next letter"). "Premature" is an answer
        when the passage goes on to say something else (an assessment with its conditions);
        alone, or followed only by a promise, it is not.
        """
        g = self.grammar
        full = full_sentences(text)
        out = [
            (a, b)
            for a, b in full
            if g.is_deferral(text[a:b]) and self._besides(text, a, b, named) < _ACTION_WORDS
        ]
        out += [
            (a, b)
            for a, b in full
            if any(p.search(text, a, b) for p in self.deferral) and (a, b) not in out
        ]
        premature = [(a, b) for a, b in full if (a, b) not in out and g.is_premature(text[a:b])]
        if premature:
            rest = [(a, b) for a, b in full if (a, b) not in out and (a, b) not in premature]
            said = sum(len(text[a:b].strip()) for a, b in rest)
            conditions = any(g.has_conditions(text[a:b]) for a, b in premature)
            if said < self.mandate.thresholds.min_chars and not conditions:
                out += premature
        return out

    def _besides(self, text: str, a: int, b: int, named: list[tuple[int, int]]) -> float:
        """Words a deferral sentence says outside its promising clauses and the elements' names."""
        g = self.grammar
        words = 0.0
        for ca, cb in clauses(text, a, b):
            clause = text[ca:cb]
            if any(p and p.search(clause) for p in (g.channel, g.later, g.keep_informed)):
                continue
            masked = list(clause)
            for s, e in named:
                for i in range(max(s, ca), min(e, cb)):
                    masked[i - ca] = " "
            words += content_words("".join(masked), self.spaceless, self.stopwords)
        return words

    def describe(
        self, text: str, element: str, hits: dict[str, list[Hit]], min_weight: float
    ) -> float:
        """What the passage says about the element beyond naming it (the ``naming`` weights).

        Clauses with the element's words count in full, the rest of their sentence at the
        ``context`` share; a sentence that names several elements divides its description.
        """
        w = self.mandate.naming
        touch = self.mandate.thresholds.touch_weight or min_weight
        cjk = self.spaceless
        spoken = [h for h in hits[element] if h.counted and h.weight >= min_weight]
        every = [h for hs in hits.values() for h in hs if h.counted]
        total = 0.0
        for a, b in full_sentences(text):
            mine = [h for h in spoken if a <= h.start < b]
            if not mine:
                continue
            named = sum(
                1
                for hs in hits.values()
                if any(h.counted and h.weight >= touch and a <= h.start < b for h in hs)
            )
            own = {
                h.term
                for h in hits[element]
                if h.counted and a <= h.start < b and h.term not in self.echo[element]
            }
            said = 0.0
            for ca, cb in clauses(text, a, b):
                masked = list(text[ca:cb])
                for h in every:
                    for i in range(max(h.start, ca), min(h.end, cb)):
                        masked[i - ca] = " "
                stretch = "".join(masked)
                value = w.figure * figures(stretch, self.lang) + w.word * content_words(
                    stretch, cjk, self.stopwords
                )
                inside = any(ca <= h.start < cb for h in mine)
                said += value if inside else w.context * value
            total += (said + w.term * len(own)) / max(1, named)
        return round(total, 2)

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
        said_anything: dict[int, bool] = {}
        body = [p for p in document.paragraphs if p.role is Role.BODY]
        for paragraph in body:
            hits, parts = self.hits(paragraph.text)
            bounds = sentences(paragraph.text, self.abbreviations, self.lang)
            hinted = heading_hints.get(paragraph.section, set())
            # A passage that promises its details later keeps only a share of its weight.
            promised = self.promises(
                paragraph.text, [(h.start, h.end) for hs in hits.values() for h in hs]
            )
            defers = bool(promised)
            if len(promised) < len(full_sentences(paragraph.text)):
                said_anything[paragraph.section] = True
            else:
                said_anything.setdefault(paragraph.section, False)
            keep = self.mandate.naming.deferred if defers else 1.0
            scores = {e: score(hs, self.key) * keep for e, hs in hits.items()}
            boosted = {
                e: s + (th.heading_bonus if e in hinted and s > 0 else 0) for e, s in scores.items()
            }
            top = max(boosted.values(), default=0.0)
            labels = []
            for element in self.mandate.elements:
                e = element.id
                if e not in hits:
                    continue
                s = boosted[e]
                said = self.describe(paragraph.text, e, hits, th.mention_weight)
                named = said < self.mandate.naming.described
                substantive = (
                    not named
                    and s >= th.substantive
                    and s >= th.dominance * top
                    and len(paragraph.text.strip()) >= th.min_chars
                    and (
                        e in hinted
                        or _share(full_sentences(paragraph.text), hits[e], th.mention_weight)
                        >= th.min_share
                    )
                    and (
                        e in hinted or _clause_share(paragraph.text, hits[e]) >= th.min_clause_share
                    )
                )
                if not any(h.counted and h.weight >= th.mention_weight for h in hits[e]):
                    s = 0.0  # supporting words only: kept for the record, worth nothing
                    substantive = False
                touch = th.touch_weight or th.mention_weight
                if not substantive and not any(h.counted and h.weight >= touch for h in hits[e]):
                    s = 0.0  # not about it, and no word that names it: not even a mention
                labels.append(
                    Label(
                        element=e,
                        score=round(s, 2),
                        substantive=substantive,
                        heading_hint=e in hinted and scores[e] > 0,
                        hits=hits[e],
                        sentence=_best_sentence(paragraph.text, hits[e], bounds),
                        parts=sorted(parts.get(e, set())),
                        named=named and s > 0 and s >= th.dominance * top,
                        deferred=defers,
                        description=said,
                    )
                )
                section_scores[paragraph.section][e] += scores[e] if s > 0 else 0.0
                section_said[paragraph.section][e] += said if s > 0 else 0.0
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
                    deferred=said_anything.get(section.index) is False,
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


def _share(bounds: list[tuple[int, int]], hits: list[Hit], min_weight: float) -> float:
    """The share of sentences with a counted term of at least ``min_weight``."""
    spoken = {
        n
        for h in hits
        if h.counted and h.weight >= min_weight
        for n, (a, b) in enumerate(bounds)
        if a <= h.start < b
    }
    return len(spoken) / max(1, len(bounds))


def _clause_share(text: str, hits: list[Hit]) -> float:
    """In a one-sentence passage, the share of its clauses that hold a counted term: a trailing
    clause of a sentence about something else ("…, in line with the transition planning") is a
    mention. (With several sentences, the sentence share measures it.)"""
    whole = full_sentences(text)
    if len(whole) > 1:
        return 1.0  # several sentences: the sentence share measures it
    spans = [c for a, b in whole for c in clauses(text, a, b, lists=False)]
    spoken = {n for h in hits if h.counted for n, (a, b) in enumerate(spans) if a <= h.start < b}
    return len(spoken) / max(1, len(spans))


def _covering(start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    for s, e in spans:
        if s < end and start < e:
            return s, e
    return None


def _resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Where terms overlap, the longest (then heaviest, then counted) stands; the rest go."""
    ordered = sorted(hits, key=lambda h: (-(h.end - h.start), not h.counted, -h.weight, h.start))
    kept: list[Hit] = []
    for hit in ordered:
        if not any(k.start < hit.end and hit.start < k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _best_sentence(text: str, hits: list[Hit], bounds: list[tuple[int, int]]) -> str:
    """The sentence of the paragraph that carries the most counted weight."""
    best, best_weight = text, -1.0
    for a, b in bounds:
        weight = sum(h.weight for h in hits if h.counted and a <= h.start < b)
        if weight > best_weight:
            best, best_weight = text[a:b].strip(), weight
    return best


_MATCHERS: dict[tuple[str, str, str], ElementMatcher] = {}


def matcher_for(mandate: Mandate, lang: str) -> ElementMatcher:
    """The matcher for a mandate and language, built once per process (keyed by content)."""
    key = (mandate.id, lang, mandate.model_dump_json())
    if key not in _MATCHERS:
        _MATCHERS[key] = ElementMatcher(mandate, lang)
    return _MATCHERS[key]


def classify(document: Document, mandate: Mandate) -> Classification:
    """The match step: labels for the letter's paragraphs and sections."""
    return matcher_for(mandate, document.language).classify(document)
