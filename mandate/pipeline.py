"""The whole check, step by step: read → segment → match → assess → lint. Rendering is separate."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from mandate import __version__
from mandate.assess import assess
from mandate.errors import InputError, UnsupportedLanguage
from mandate.language import english_name
from mandate.lint import lint
from mandate.lint.base import letter_date
from mandate.models import (
    Assessment,
    CheckResult,
    Classification,
    Document,
    FailOn,
    Finding,
    LetterInfo,
    MandateInfo,
    Readiness,
    SectionOut,
)
from mandate.read import DEFAULT_MAX_BYTES, read
from mandate.readiness import readiness
from mandate.rules import Mandate, find_mandate, mandate_for_resolution
from mandate.segment import recognise_request, segment
from mandate.twocores import match_assess_lint, no_full_collections
from mandate.waivers import Waiver, apply_waivers, check_waivers, load_waivers, sidecar

# A resolution cited in any language: its number and year stay in digits everywhere.
_CITED = re.compile(r"(?<!\d)(\d{3,4})\s*\(\s*(\d{4})\s*\)")


@dataclass(frozen=True)
class Check:
    """Everything one check produced; renderers take it as it is."""

    document: Document
    mandate: Mandate
    classification: Classification
    assessment: Assessment
    findings: list[Finding]
    fail_on: FailOn = "error"

    @cached_property
    def readiness(self) -> Readiness:
        """Ready or not, and what blocks it: the one readiness every output shows."""
        return readiness(self.assessment.verdicts, self.findings, self.fail_on)

    @cached_property
    def letter_date(self) -> dt.date | None:
        """The letter's own date, as the date checks read it."""
        return letter_date(self.document)

    @property
    def ready(self) -> bool:
        """Nothing blocks submission."""
        return self.readiness.ready

    def result(self) -> CheckResult:
        """The JSON contract."""
        labels = {s.section: s.elements for s in self.classification.sections}
        return CheckResult(
            version=__version__,
            letter=LetterInfo(
                path=self.document.path,
                language=self.document.language,
                encoding=self.document.encoding,
                format=self.document.format,
                date=self.letter_date,
            ),
            mandate=MandateInfo(
                id=self.mandate.id,
                resolution=self.mandate.resolution,
                source=self.mandate.source,
                reviewed=self.mandate.reviewed,
            ),
            ready=self.readiness.ready,
            coverage_complete=self.readiness.coverage_complete,
            fail_on=self.fail_on,
            blocking=self.readiness.blocking,
            requirements=self.assessment.verdicts,
            sections=[
                SectionOut(
                    index=s.index,
                    heading=s.heading,
                    kind=s.kind,
                    requirements=labels.get(s.index, []),
                )
                for s in self.document.sections
            ],
            findings=self.findings,
        )


def resolve_mandate(
    document: Document, spec: str | None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Mandate:
    """The mandate asked for, or else the one whose resolution the letter's request cites."""
    if spec:
        return find_mandate(spec, max_bytes)
    for number in document.cited_resolutions:
        mandate = mandate_for_resolution(number)
        if mandate is not None:
            return mandate
    if document.cited_resolutions:
        cited = ", ".join(str(n) for n in document.cited_resolutions)
        raise InputError(f"No rules file is for resolution {cited}; name one with --mandate.")
    raise InputError("The letter cites no resolution the checker knows; name one with --mandate.")


def no_vocabulary(code: str, mandate: Mandate) -> InputError:
    """One sentence naming the letter's language and the mandate that has no words for it."""
    name = english_name(code)
    if code in mandate.languages:
        return UnsupportedLanguage(
            code,
            f"The letter is in {name}: {mandate.resolution} has {name} vocabulary, but the checker "
            f"has no {name} language profile (rules/languages/{code}.yaml).",
        )
    covered = [english_name(c) for c in mandate.languages]
    listed = ", ".join(covered[:-1]) + (" and " if len(covered) > 1 else "") + covered[-1]
    return UnsupportedLanguage(
        code,
        f"The letter is in {name}, and {mandate.resolution} has no {name} vocabulary "
        f"(it covers {listed}): the letter cannot be checked in {name}.",
    )


def _cited_mandate(text: str, spec: str | None) -> Mandate | None:
    """The mandate named, or the first bundled one whose 'NNNN (YYYY)' the text cites."""
    if spec:
        return find_mandate(spec)
    for m in _CITED.finditer(text[:20000]):
        found = mandate_for_resolution(int(m.group(1)))
        if found is not None and found.year == int(m.group(2)):
            return found
    return None


def check_document(
    document: Document,
    mandate: Mandate,
    waivers: list[Waiver] | None = None,
    fail_on: FailOn = "error",
    waivers_path: Path | str = "waivers",
) -> Check:
    """match → assess → lint on a segmented letter, then the desk officer's waivers."""
    if document.language not in mandate.languages:
        raise no_vocabulary(document.language, mandate)
    if waivers:
        from mandate.lint import REGISTRY

        elements = [e.id for e in mandate.elements]
        check_waivers(waivers, elements, set(REGISTRY), waivers_path)
    document = recognise_request(
        document, mandate.request.get(document.language), number=mandate.number
    )
    with no_full_collections(document):
        classification, assessment, findings = match_assess_lint(document, mandate, assess, lint)
    if waivers:
        assessment, findings = apply_waivers(waivers, assessment, findings)
    return Check(document, mandate, classification, assessment, findings, fail_on)


def check(
    path: Path,
    mandate: str | Mandate | None = None,
    language: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    waivers: Path | None = None,
    fail_on: FailOn = "error",
) -> Check:
    """Check one letter file against a mandate (by spec, object, or the one the letter cites).

    Waivers come from ``waivers`` or, when it is not given, the sidecar file next to the letter;
    ``fail_on`` is the finding severity that blocks submission (readiness).
    """
    waivers_path = waivers or sidecar(path)
    source = read(path, max_bytes=max_bytes)
    try:
        document = segment(source, language=language)
    except UnsupportedLanguage as exc:
        text = "\n".join(b.text for b in source.blocks)
        rules = mandate if isinstance(mandate, Mandate) else _cited_mandate(text, mandate)
        raise (no_vocabulary(exc.code, rules) if rules else exc) from None
    del source  # its text is the document's now: a long letter is not held twice
    rules = (
        mandate if isinstance(mandate, Mandate) else resolve_mandate(document, mandate, max_bytes)
    )
    found = load_waivers(waivers_path, required=waivers is not None, max_bytes=max_bytes)
    return check_document(document, rules, found, fail_on, waivers_path)
