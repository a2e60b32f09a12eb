"""Waivers: the desk officer accepts a finding or a gap, with a reason, in a sidecar file.

A waived item stays in every output, marked as waived with its reason: never silently hidden. A
waiver that matches nothing is itself reported, so stale waivers do not pile up unseen.
The sidecar sits next to the letter as ``<letter stem>.waivers.yaml``:

    waivers:
      - rule: placeholder
        paragraph: 7
        match: "[618]"
        reason: Figures confirmed by the Mission on 30 May; brackets go at final edit.
      - element: a.rotations
        reason: Rotations were reported in S/2020/476, as agreed with the Department.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from mandate.errors import InputError
from mandate.messages import FALLBACK, say
from mandate.models import Assessment, Finding, Status


class Waiver(BaseModel):
    """One accepted finding (rule, optionally paragraph and text) or one element."""

    model_config = ConfigDict(extra="forbid")

    rule: str | None = None
    element: str | None = None
    paragraph: int | None = None
    match: str | None = Field(default=None, description="Text that must be in the excerpt.")
    reason: str = Field(min_length=3)

    @model_validator(mode="after")
    def _one_target(self) -> Waiver:
        if (self.rule is None) == (self.element is None):
            raise ValueError("give either a rule or an element")
        return self

    def covers(self, finding: Finding) -> bool:
        return (
            self.rule == finding.rule
            and (self.paragraph is None or self.paragraph == finding.paragraph)
            and (self.match is None or self.match in finding.excerpt)
        )


class WaiverFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    waivers: list[Waiver] = Field(default_factory=list)


def sidecar(letter: Path) -> Path:
    """Where a letter's waivers live."""
    return letter.with_name(f"{letter.stem}.waivers.yaml")


def load_waivers(path: Path) -> list[Waiver]:
    """The waivers of a sidecar file (none when it does not exist)."""
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return WaiverFile.model_validate(data).waivers
    except yaml.YAMLError:
        raise InputError(f"The waivers file {path} is not valid YAML.") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise InputError(f"{path}: field {field}: {first['msg']}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"The waivers file {path} cannot be read: {exc}.") from None


def apply_waivers(
    waivers: list[Waiver], assessment: Assessment, findings: list[Finding]
) -> tuple[Assessment, list[Finding]]:
    """Mark waived elements and findings; readiness then ignores them."""
    used: set[int] = set()
    verdicts = []
    for verdict in assessment.verdicts:
        hit = next((i for i, w in enumerate(waivers) if w.element == verdict.id), None)
        if hit is not None and verdict.status is not Status.COVERED:
            used.add(hit)
            verdict = verdict.model_copy(update={"waived": True, "waiver": waivers[hit].reason})
        elif hit is not None:
            used.discard(hit)
        verdicts.append(verdict)
    marked = []
    for finding in findings:
        hit = next((i for i, w in enumerate(waivers) if w.rule and w.covers(finding)), None)
        if hit is not None:
            used.add(hit)
            finding = finding.model_copy(update={"waived": True, "waiver": waivers[hit].reason})
        marked.append(finding)
    for i, waiver in enumerate(waivers):
        if i not in used:
            target = waiver.element or waiver.rule or ""
            marked.append(
                Finding(
                    rule="waiver",
                    severity="info",
                    section=None,
                    paragraph=waiver.paragraph,
                    excerpt=waiver.match or "",
                    message=say(FALLBACK, "waiver.unused", target=target),
                    code="waiver.unused",
                    params={"target": target},
                )
            )
    return Assessment(verdicts=verdicts), marked
