"""A long letter's match step on two cores: the later half of its sections in a forked process.

Each section's labels depend only on its own paragraphs and heading (the matcher judges each
passage alone and sums a section's scores over its own paragraphs), so the letter is cut between
two sections at about half its body text: the parent classifies the sections before the cut, a
forked child those after it, and the two answers are put together in order — exactly the
classification of the whole letter (tested on letters cut at their middle section). Only where it
pays (a long letter, a core idle), where ``fork`` exists, and never in a process running other
threads (``mandate serve``): there, and whenever the child fails, the parent does all the work
itself. The lint reads only the document, so in the pipeline the child runs it too, after its
sections, while the parent classifies the rest of its larger share of the sections, and then the
parent assesses the whole classification (``match_assess_lint``).
"""

from __future__ import annotations

import gc
import io
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from mandate.match import classify, matcher_for
from mandate.models import (
    Assessment,
    Classification,
    Document,
    Finding,
    Hit,
    Label,
    ParagraphLabels,
    Role,
    trusted,
)
from mandate.rules import Mandate

MIN_CHARS = 400_000  # body text below which one core is as fast (a fork and a copy back cost)


def classify_long(
    document: Document, mandate: Mandate, min_chars: int | None = None
) -> Classification:
    """``match.classify(document, mandate)``, on two cores when the letter has ``min_chars``
    (``MIN_CHARS``) of body text and, by default, when another core is idle."""
    return _split(document, mandate, min_chars, None, None)[0]


def match_assess_lint(
    document: Document,
    mandate: Mandate,
    assess: Callable[[Document, Mandate, Classification], Assessment],
    lint: Callable[[Document, Mandate], list[Finding]],
    min_chars: int | None = None,
) -> tuple[Classification, Assessment, list[Finding]]:
    """``match.classify``, ``assess`` and ``lint`` of the letter; on two cores as
    ``classify_long``, and the child then also runs the lint (which reads only the document)
    while the parent still classifies, so the parent takes the larger share of the sections
    (``LINT_SHARE``): both finish at about the same time, then the parent assesses."""
    found, assessment, findings = _split(document, mandate, min_chars, assess, lint)
    assert assessment is not None and findings is not None
    return found, assessment, findings


# The parent's share of the body text when the child also lints (its labels sent meanwhile) and
# the parent, once it has them, reads them back and assesses: c * share + read + assess =
# c * (1 - share) + lint, so share = (c + lint - read - assess) / 2c. At 1000x the seed on two
# cores classify took 18.7 s in all, lint 3.0 s, reading the labels back 0.45 s, assess 1.0 s:
# (18.7 + 3.0 - 1.45) / 37.4 = 0.54.
LINT_SHARE = 0.55


def _split(
    document: Document,
    mandate: Mandate,
    min_chars: int | None,
    assess: Callable[[Document, Mandate, Classification], Assessment] | None,
    lint: Callable[[Document, Mandate], list[Finding]] | None,
) -> tuple[Classification, Assessment | None, list[Finding] | None]:
    """The classification (and, when given, its assessment and the lint's findings), the later
    sections (and the lint) in a child."""

    def rest(found: Classification) -> tuple[Classification, Assessment | None, list | None]:
        return (
            found,
            None if assess is None else assess(document, mandate, found),
            None if lint is None else lint(document, mandate),
        )

    if min_chars is None and not _idle_core():
        return rest(classify(document, mandate))
    share = 0.5 if lint is None else LINT_SHARE
    cut = _cut(document, MIN_CHARS if min_chars is None else min_chars, share)
    if cut is None:
        return rest(classify(document, mandate))
    before = document.model_copy(
        update={"paragraphs": [p for p in document.paragraphs if p.section < cut]}
    )
    after = document.model_copy(
        update={"paragraphs": [p for p in document.paragraphs if p.section >= cut]}
    )
    matcher_for(mandate, document.language).hits("")  # built once, before the fork: both share it

    def work() -> Iterator[object]:
        found = classify(after, mandate)
        if lint is None:
            yield from _frames(found)
            return
        # The labels, pickled at once, go out on a thread of the child's while it lints: the
        # parent, done with its larger share, reads them and assesses as the lint goes on. (Sent
        # frame by frame, they waited in the pipe until the parent was done, and only then did the
        # lint begin, while the parent, done assessing, waited for the findings.)
        yield _Pickled([*_frames(found), ("labelled", None)])
        del found
        findings = list(lint(document, mandate))
        for at in range(0, len(findings), _BATCH):
            yield ("findings", findings[at : at + _BATCH])

    child = _forked(work)
    try:
        mine = classify(before, mandate)
        # With the lint to come, up to the labels' end; else the whole answer (the child reaped).
        frames = child.read(_rebuilt, until=None if lint is None else "labelled")
        if frames is None:  # the child failed: the parent does all the work
            return rest(_joined(mine, classify(after, mandate), cut))
        sections = frames[0][1]
        paragraphs = [pl for kind, batch in frames if kind == "paragraphs" for pl in batch]
        theirs = Classification(paragraphs=paragraphs, sections=sections)
        found = _joined(mine, theirs, cut)
        assessment = None if assess is None else assess(document, mandate, found)
    except BaseException:
        child.stop()
        raise
    findings: list[Finding] | None = None
    if lint is not None:
        frames = child.read(_rebuilt)
        findings = (
            lint(document, mandate)
            if frames is None
            else [f for kind, batch in frames if kind == "findings" for f in batch]
        )
    else:
        child.stop()
    return found, assessment, findings


def _joined(mine: Classification, theirs: Classification, cut: int) -> Classification:
    """The classification of the sections before ``cut`` followed by that of the rest."""
    return Classification(
        paragraphs=[*mine.paragraphs, *theirs.paragraphs],
        sections=[
            (theirs.sections if s.section >= cut else mine.sections)[n]
            for n, s in enumerate(mine.sections)
        ],
    )


@contextmanager
def no_full_collections(document: Document) -> Iterator[None]:
    """For a long letter (``MIN_CHARS`` of body text) in a process without other threads, the
    cyclic collector's full passes are held off while the block runs (young generations are
    still collected). The steps make hardly any cyclic garbage, but each full pass walks every
    label and hit made so far: at 1000x the seed, 13 passes took 3.9 s of 73 s. The collector's
    thresholds are restored after the block."""
    if not long_letter(document):
        yield
        return
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 1_000_000_000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def long_letter(document: Document) -> bool:
    """A letter with ``MIN_CHARS`` of body text, checked in a process without other threads:
    where the cyclic collector's full passes are held off (``no_full_collections``)."""
    body = sum(len(p.text) for p in document.paragraphs if p.role is Role.BODY)
    return body >= MIN_CHARS and threading.active_count() == 1


@contextmanager
def frozen_after(document: Document) -> Iterator[None]:
    """For a long letter (``long_letter``), what the check made is moved out of the cyclic
    collector's sight while the block runs (``gc.freeze``), and given back after it. The
    collector's first full pass after ``no_full_collections`` walks every label, hit and finding
    and finds nothing to free (0.7 s at 1000x the seed): the report is written meanwhile."""
    if not long_letter(document):
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _idle_core() -> bool:
    """Whether a second core is free: the last minute's load average leaves one idle. On a busy
    machine the child only competes for the same cores, and its copy back makes the check slower
    (measured: 1.7 MB letter at load 3, 8.3 -> 8.5 s and 11.3 -> 12.9 s wall)."""
    try:
        cores = len(os.sched_getaffinity(0))
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return False
    return cores >= 2 and load < cores - 0.5


def _cut(document: Document, min_chars: int, share: float = 0.5) -> int | None:
    """The first section after the first ``share`` of the body text, or None when the letter is
    short, cannot be cut between sections, or this process cannot fork safely."""
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
        if done >= total * share:
            return section
        done += per_section[section]
    return None


class _Pickled:
    """Frames pickled at once, to be written to the pipe on a thread of the child's while its
    work goes on (the parent may not read them before it is done with its own share)."""

    def __init__(self, frames: list[object]) -> None:
        out = io.BytesIO()
        for frame in frames:
            pickle.dump(frame, out, protocol=pickle.HIGHEST_PROTOCOL)
        self.data = out.getvalue()


class _Sender:
    """Bytes written to the child's pipe on a thread, one write at a time."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.thread: threading.Thread | None = None
        self.failed: BaseException | None = None

    def start(self, data: bytes) -> None:
        def send() -> None:
            try:
                self.out.write(data)
                self.out.flush()
            except BaseException as exc:  # the parent stopped reading: the child fails
                self.failed = exc

        self.thread = threading.Thread(target=send, daemon=True)
        self.thread.start()

    def wait(self) -> None:
        """Until the bytes are written; the writer's error, if it had one."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.failed is not None:
            raise self.failed


def _forked(work: Callable[[], Iterable[object]]) -> _Child:
    """Run ``work`` in a forked child, which pickles each frame it yields into a pipe (frames
    already pickled, ``_Pickled``, are written on a thread while the work goes on); the answer
    reads them back (``_Child.read``)."""
    sys.stdout.flush()
    sys.stderr.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, leave without any clean-up of the parent's
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                sender = _Sender(out)
                try:
                    for frame in work():
                        sender.wait()  # one writer at a time: the thread's bytes go first
                        if isinstance(frame, _Pickled):
                            sender.start(frame.data)
                        else:
                            pickle.dump(frame, out, protocol=pickle.HIGHEST_PROTOCOL)
                finally:  # even when the work fails: what was sent is whole
                    sender.wait()
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return _Child(pid, os.fdopen(read, "rb"))


class _Child:
    """The forked child's answer, read back a part at a time."""

    def __init__(self, pid: int, pipe) -> None:
        self.pid, self.pipe, self.done = pid, pipe, False

    def read(self, rebuild: Callable[[object], object], until: str | None = None) -> list | None:
        """The next frames, each rebuilt as soon as it is read (the child's whole answer is never
        held at once): up to the first of kind ``until``, or to the end (the child is then
        reaped). None if the child failed (it is then stopped)."""
        frames = []
        while not self.done:
            try:
                frame = pickle.load(self.pipe)
            except EOFError:
                break
            except Exception:  # a child killed mid-frame: stopped, its answer not used
                self.stop()
                return None
            frames.append(rebuild(frame))
            if until is not None and frame[0] == until:  # type: ignore[index]
                return frames
        return frames if self._reaped() and until is None else self.stop()

    def stop(self) -> None:
        """Stop the child (if it is still running) and reap it."""
        if not self.done:
            os.kill(self.pid, signal.SIGKILL)
            self._reaped()

    def _reaped(self) -> bool:
        """Wait for the child; whether it finished its work."""
        if self.done:
            return False
        self.done = True
        self.pipe.close()
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status) == 0


_BATCH = 1000  # paragraphs per frame
_new_hit = tuple.__new__


def _frames(found: Classification) -> Iterator[object]:
    """The classification as frames of plain tuples (hits as tuples: smaller and faster to
    pickle than models, and each model rebuilt as the matcher builds it): the sections, then
    the paragraphs' labels a batch at a time."""
    names = list(Label.model_fields)

    def values(label: Label) -> tuple:
        return tuple(
            [tuple(h) for h in label.hits] if n == "hits" else getattr(label, n) for n in names
        )

    yield ("sections", found.sections)
    for at in range(0, len(found.paragraphs), _BATCH):
        yield (
            "paragraphs",
            [
                (pl.paragraph, pl.section, [values(label) for label in pl.labels])
                for pl in found.paragraphs[at : at + _BATCH]
            ],
        )


def _rebuilt(frame: object) -> object:
    """One frame's models, with its kind: the sections and findings as they came, a batch of
    paragraphs' labels rebuilt."""
    kind, data = frame  # type: ignore[misc]
    if kind != "paragraphs":
        return kind, data
    names = list(Label.model_fields)
    hits = names.index("hits")
    out = []
    for paragraph, section, labels in data:
        built = []
        for values in labels:
            fields = dict(zip(names, values, strict=True))
            fields["hits"] = [_new_hit(Hit, h) for h in values[hits]]  # Hit._make, no call each
            built.append(trusted(Label, **fields))
        out.append(ParagraphLabels(paragraph=paragraph, section=section, labels=built))
    return kind, out
