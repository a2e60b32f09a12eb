"""The fast paths of a long letter answer exactly what the slow ones did.

Chinese terms are found by an Aho-Corasick automaton over the tokens' lower-case forms instead of
spaCy's PhraseMatcher over a Doc of every character: same spans, same ids, same order. Hits and
labels are built without validation (``models.trusted``), hits are plain records: equal to
validated ones."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from pydantic import ValidationError

from mandate.match import _hit, _resolve_overlaps, matcher_for
from mandate.models import Evidence, Hit, Label, trusted
from mandate.rules import find_mandate

# Characters that change tokens (spaces, runs of white space), case (Latin, a final capital
# sigma, a letter whose lower case is two characters) and sentence and clause marks.
NOISE = [*"的和在了是，。；：、 \n\t\u3000ABCabcΣσİ12（）", "  ", " \n ", "Mali", "Σ "]


def _spacy(matcher, text: str) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for match_id, start, end in matcher._matches(text):
        found[match_id].append((start, end))
    return dict(found)


@pytest.mark.parametrize("spec", ["2480", "2531"])
def test_the_automaton_finds_what_the_phrase_matcher_finds(spec):
    matcher = matcher_for(find_mandate(spec), "zh")
    terms = ["".join(t.text_with_ws for t in doc) for doc in matcher._patterns]
    rng = random.Random(15)
    matched = 0
    for _ in range(1500):
        parts = [
            rng.choice(terms) if rng.random() < 0.5 else rng.choice(NOISE)
            for _ in range(rng.randint(0, 40))
        ]
        text = "".join(parts)
        if rng.random() < 0.3:
            text = text.upper()
        want = _spacy(matcher, text)
        assert list(matcher._found(text).items()) == list(want.items()), text
        matched += sum(len(v) for v in want.values())
    assert matched > 10_000  # the texts really are full of terms


def test_the_automaton_cuts_long_passages_where_spacy_did():
    matcher = matcher_for(find_mandate("2480"), "zh")
    text = (
        "稳定团继续开展部队轮调和换防，安全局势仍然不稳定" * 3000
        + "。"
        + "部队轮调工作继续进行，" * 5000
    )
    assert list(matcher._found(text).items()) == list(_spacy(matcher, text).items())


def test_overlaps_are_resolved_as_before_when_nothing_overlaps_or_something_does():
    def slow(hits):
        ordered = sorted(hits, key=lambda h: (h[0] - h[1], not h[4], -h[3], h[0]))
        taken: set[int] = set()
        kept = []
        for hit in ordered:
            if hit[1] <= hit[0]:
                if hit[0] not in taken:
                    kept.append(hit)
            elif not any(c in taken for c in range(hit[0], hit[1])):
                kept.append(hit)
                taken.update(range(hit[0], hit[1]))
        return sorted(kept, key=lambda h: h[0])

    rng = random.Random(7)
    for _ in range(5000):
        hits = []
        for i in range(rng.randint(0, 8)):
            a = rng.randint(0, 30)
            b = a + rng.randint(0 if rng.random() < 0.05 else 1, 4)
            weight = rng.choice([1.0, 0.5])
            hits.append((a, b, f"t{i}", weight, rng.random() < 0.7, None, None, None))
        assert _resolve_overlaps(hits) == slow(hits)


def test_trusted_models_equal_validated_ones():
    hit = _hit(1, 3, "ab", 1.0, False, "no mission in the same sentence", "context", None)
    valid = Hit(
        term="ab",
        start=1,
        end=3,
        weight=1.0,
        counted=False,
        why_not="no mission in the same sentence",
        aside="context",
    )
    assert hit == valid and type(hit) is Hit and valid.phrase is None
    # A label validated as usual takes hits as they are and still checks their fields.
    label = dict(element="e", score=1.0, substantive=True, sentence="ab")
    assert Label(**label, hits=[hit]).hits == [valid]
    with pytest.raises(ValidationError):
        Label(**label, hits=[(*hit[:6], "elsewhere", None)])
    values = dict(section=1, paragraph=2, text="t", terms=["a"], score=1.5, substantive=True)
    values |= dict(sentence="t", highlights=[(0, 1)], strong_terms=[])
    assert trusted(Evidence, **values) == Evidence(**values)
    backwards = dict(reversed(values.items()))  # the JSON keeps the fields' order
    assert trusted(Evidence, **backwards).model_dump_json() == Evidence(**values).model_dump_json()
    partial = trusted(Evidence, **{k: v for k, v in values.items() if k != "strong_terms"})
    assert partial == Evidence(**values)  # a field left out takes its default
