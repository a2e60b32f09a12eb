"""A long letter's match step on two cores: the later half of its sections in a forked process.

Each section's labels depend only on its own paragraphs and heading (the matcher judges each
passage alone and sums a section's scores over its own paragraphs), so the letter is cut between
two sections at about half its body text: the parent classifies the sections before the cut, a
forked child those after it, and the two answers are put together in order — exactly the
classification of the whole letter (tested on letters cut at every section). Only where it pays
(a long letter), where ``fork`` exists, and never in a process running other threads (``mandate
serve``): there, and whenever the child fails, the parent does all the work itself.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable

from mandate.match import classify, matcher_for
from mandate.models import Classification, Document, Hit, Label, ParagraphLabels, Role, trusted
from mandate.rules import Mandate

MIN_CHARS = 400_000  # body text below which one core is as fast (a fork and a copy back cost)


def classify_long(
    document: Document, mandate: Mandate, min_chars: int | None = None
) -> Classification:
    """``match.classify(document, mandate)``, on two cores when the letter has ``min_chars``
    (``MIN_CHARS``) of body text."""
    cut = _cut(document, MIN_CHARS if min_chars is None else min_chars)
    if cut is None:
        return classify(document, mandate)
    before = document.model_copy(
        update={"paragraphs": [p for p in document.paragraphs if p.section < cut]}
    )
    after = document.model_copy(
        update={"paragraphs": [p for p in document.paragraphs if p.section >= cut]}
    )
    matcher_for(mandate, document.language).hits("")  # built once, before the fork: both share it
    theirs = _forked(lambda: _plain(classify(after, mandate)))
    try:
        mine = classify(before, mandate)
    except BaseException:
        theirs(cancel=True)
        raise
    plain = theirs()
    other = _rebuilt(plain) if plain is not None else classify(after, mandate)
    return Classification(
        paragraphs=[*mine.paragraphs, *other.paragraphs],
        sections=[
            (other if s.section >= cut else mine).sections[n]
            for n, s in enumerate(mine.sections)
        ],
    )


def _cut(document: Document, min_chars: int) -> int | None:
    """The first section of the later half, or None when the letter is short, cannot be cut
    between sections, or this process cannot fork safely."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    per_section: dict[int, int] = {}
    for p in document.paragraphs:
        if p.role is Role.BODY:
            per_section[p.section] = per_section.get(p.section, 0) + len(p.text)
    total = sum(per_section.values())
    if total < min_chars:
        return None
    done = 0
    for section in sorted(per_section):
        if done >= total / 2:
            return section
        done += per_section[section]
    return None


def _forked(work: Callable[[], object]) -> Callable[..., object | None]:
    """Run ``work`` in a forked child; the returned function waits for its pickled answer (None
    if the child failed), or with ``cancel=True`` stops waiting and reaps the child."""
    sys.stdout.flush()
    sys.stderr.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, leave without any clean-up of the parent's
        code = 1
        try:
            os.close(read)
            data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)

    def answer(cancel: bool = False) -> object | None:
        if cancel:
            os.kill(pid, signal.SIGKILL)
        with os.fdopen(read, "rb") as pipe:
            data = b"" if cancel else pipe.read()
        _, status = os.waitpid(pid, 0)
        if cancel or os.waitstatus_to_exitcode(status) != 0 or not data:
            return None
        return pickle.loads(data)

    return answer


def _plain(found: Classification) -> tuple:
    """The classification as plain tuples (hits as tuples): smaller and faster to pickle than
    models, and each model rebuilt as the matcher builds it."""
    names = list(Label.model_fields)

    def values(label: Label) -> tuple:
        return tuple(
            [tuple(h) for h in label.hits] if n == "hits" else getattr(label, n) for n in names
        )

    paragraphs = [
        (pl.paragraph, pl.section, [values(label) for label in pl.labels])
        for pl in found.paragraphs
    ]
    return paragraphs, found.sections


def _rebuilt(plain: object) -> Classification:
    paragraphs, sections = plain  # type: ignore[misc]
    names = list(Label.model_fields)
    hits = names.index("hits")
    out = []
    for paragraph, section, labels in paragraphs:
        built = []
        for values in labels:
            fields = dict(zip(names, values, strict=True))
            fields["hits"] = [Hit(*h) for h in values[hits]]
            built.append(trusted(Label, **fields))
        out.append(ParagraphLabels(paragraph=paragraph, section=section, labels=built))
    return Classification(paragraphs=out, sections=sections)
