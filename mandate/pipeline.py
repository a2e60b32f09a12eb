"""The whole check, step by step: read → segment → match → assess → lint. Rendering is separate."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from mandate import __version__
from mandate.assess import assess
from mandate.errors import InputError
from mandate.lint import lint
from mandate.match import classify
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
from mandate.waivers import Waiver, apply_waivers, check_waivers, load_waivers, sidecar


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
            ),
            mandate=MandateInfo(
                id=self.mandate.id, resolution=self.mandate.resolution, source=self.mandate.source
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


def check_document(
    document: Document,
    mandate: Mandate,
    waivers: list[Waiver] | None = None,
    fail_on: FailOn = "error",
    waivers_path: Path | str = "waivers",
) -> Check:
    """match → assess → lint on a segmented letter, then the desk officer's waivers."""
    if document.language not in mandate.languages:
        raise InputError(
            f"The rules for {mandate.resolution} have no vocabulary for letters in "
            f"'{document.language}' (they cover {', '.join(mandate.languages)})."
        )
    if waivers:
        from mandate.lint import REGISTRY

        elements = [e.id for e in mandate.elements]
        check_waivers(waivers, elements, set(REGISTRY), waivers_path)
    document = recognise_request(document, mandate.request.get(document.language))
    classification = classify(document, mandate)
    assessment = assess(document, mandate, classification)
    findings = lint(document, mandate)
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
    document = segment(read(path, max_bytes=max_bytes), language=language)
    rules = (
        mandate if isinstance(mandate, Mandate) else resolve_mandate(document, mandate, max_bytes)
    )
    found = load_waivers(waivers_path, required=waivers is not None, max_bytes=max_bytes)
    return check_document(document, rules, found, fail_on, waivers_path)
