"""The models that flow between the steps: read → segment → match → assess → lint → render.

Each step takes and returns these; none knows how the next one works. The JSON contract is the
``CheckResult`` dump: fields may be added, never renamed.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal, NamedTuple, TypeVar

from pydantic import BaseModel as _PydanticModel
from pydantic import ConfigDict, Field


class BaseModel(_PydanticModel):
    """Schemas are built on first use, not at import: a cold run pays only for what it uses."""

    model_config = ConfigDict(defer_build=True)


_FIELDS: dict[type, tuple[list[str], set[str]]] = {}
_new_attr = object.__setattr__
M = TypeVar("M", bound=_PydanticModel)


def trusted(cls: type[M], **values: object) -> M:
    """A model built from values the checker computed itself (right types, every field given),
    without validation: what ``model_construct`` sets, with one shared set of set fields per
    class. A long letter makes hundreds of thousands of hits and labels: validating each, and a
    set of field names in each, cost more time and memory than the text itself. (Pydantic only
    ever adds a field's name to that set — present already — or copies it.)"""
    known = _FIELDS.get(cls)
    if known is None:
        known = _FIELDS[cls] = (list(cls.model_fields), set(cls.model_fields))
    names, every = known
    if list(values) != names:  # the fields' order is the JSON's order
        if values.keys() != every:
            return cls.model_construct(**values)
        values = {name: values[name] for name in names}
    model = cls.__new__(cls)
    _new_attr(model, "__dict__", values)
    _new_attr(model, "__pydantic_fields_set__", every)
    _new_attr(model, "__pydantic_extra__", None)
    _new_attr(model, "__pydantic_private__", None)
    return model


class Block(BaseModel):
    """A physical block of the source: text between blank lines (or a .docx paragraph)."""

    text: str
    line: int = Field(description="1-based line of the source where the block starts.")
    blank_before: int = Field(default=0, description="Blank lines before it: page breaks show.")
    page_break_before: bool = False
    heading_level: int | None = Field(
        default=None, description="From markup, where there is any (0: the document's title)."
    )
    label: str | None = Field(default=None, description="Automatic numbering, e.g. '12.'.")
    table: bool = Field(default=False, description="A table row: text, never a heading.")
    list_item: bool = Field(
        default=False, description="A bullet or numbered list item: judged with its lead-in."
    )


class Source(BaseModel):
    """What the reader hands on: the decoded blocks, and how they were decoded."""

    path: str
    format: str
    encoding: str
    sha256: str = ""
    blocks: list[Block]


class Role(StrEnum):
    """What a paragraph is in the letter; only body paragraphs can be evidence."""

    TITLE = "title"
    ADDRESSEE = "addressee"
    REQUEST = "request"
    BODY = "body"
    CLOSING = "closing"
    SIGNATURE = "signature"


class Join(BaseModel):
    """Where a paragraph split by a page break was put back together."""

    offset: int = Field(description="Character offset in the paragraph where the break fell.")
    line: int = Field(description="Source line where the continuation started.")
    before: str = Field(description="The text just before the break.")
    after: str = Field(description="The text just after the break.")
    page_boundary: bool = Field(
        default=False,
        description="The break is a real page boundary of a paginated source (layout, not "
        "debris): a paragraph running on to the next page is normal there.",
    )


class Paragraph(BaseModel):
    """One paragraph of the letter, in reading order."""

    index: int = Field(description="1-based, counted over every paragraph but headings.")
    section: int
    role: Role
    text: str
    line: int
    joins: list[Join] = Field(default_factory=list)
    label: str | None = Field(default=None, description="The draft's own numbering, e.g. '12.'.")


class Section(BaseModel):
    """A heading and the paragraphs under it; the preamble and the closing are sections too."""

    index: int
    heading: str | None
    heading_line: int | None = None
    kind: Literal["preamble", "body", "closing"]
    paragraphs: list[int] = Field(default_factory=list)


class Document(BaseModel):
    """The letter as the checker understands it."""

    path: str
    format: str
    encoding: str
    sha256: str = ""
    language: str
    sections: list[Section]
    paragraphs: list[Paragraph]
    cited_resolutions: list[int] = Field(
        default_factory=list, description="Resolutions cited by the restated request, in order."
    )

    def paragraph(self, index: int) -> Paragraph:
        """The paragraph with this 1-based index."""
        return self.paragraphs[index - 1]

    def section_paragraphs(self, section: Section) -> list[Paragraph]:
        """The paragraphs of one section, in order."""
        return [self.paragraph(i) for i in section.paragraphs]


class Hit(NamedTuple):
    """One cue term found in a passage.

    A small immutable record, not a pydantic model: a long letter holds hundreds of thousands of
    them until the report is written (a model's field dictionary was most of their memory). Hits
    are never part of the JSON contract; a ``Label`` built with validation still checks them."""

    term: str
    start: int  # character offset in the paragraph text
    end: int
    weight: float
    counted: bool = True
    why_not: str | None = None  # why a hit was discounted, in words
    # Why a hit was discounted, as data: part of an excluded phrase, without the context its
    # group needs, or in a sentence that only promises the information.
    aside: Literal["excluded", "context", "deferral"] | None = None
    phrase: str | None = None  # the excluded phrase that covers it


class Label(BaseModel):
    """How strongly one passage speaks to one element, and the words that show it."""

    element: str
    score: float
    substantive: bool
    heading_hint: bool = False
    hits: list[Hit]
    sentence: str = Field(description="The sentence with the most evidence.")
    parts: list[str] = Field(default_factory=list, description="Parts of the element it answers.")
    named: bool = Field(
        default=False, description="The passage names the element but says nothing about it."
    )

    @property
    def terms(self) -> list[str]:
        """Distinct counted terms, strongest first."""
        seen: dict[str, float] = {}
        for hit in self.hits:
            if hit.counted:
                seen[hit.term] = max(seen.get(hit.term, 0), hit.weight)
        return sorted(seen, key=lambda t: (-seen[t], t))


class ParagraphLabels(BaseModel):
    """The labels of one body paragraph."""

    paragraph: int
    section: int
    labels: list[Label]


class SectionLabels(BaseModel):
    """The elements a section answers, and those its heading announces."""

    section: int
    elements: list[str]
    heading_elements: list[str] = Field(default_factory=list)
    scores: dict[str, float] = Field(default_factory=dict)


class Classification(BaseModel):
    """What the matcher found: labels per paragraph and per section."""

    paragraphs: list[ParagraphLabels]
    sections: list[SectionLabels]


class Status(StrEnum):
    """An element's verdict."""

    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"


class Evidence(BaseModel):
    """A passage that answers (or touches) an element; the JSON contract's evidence item."""

    section: int
    paragraph: int
    text: str
    terms: list[str]
    score: float
    substantive: bool
    sentence: str
    highlights: list[tuple[int, int]] = Field(
        default_factory=list, description="Character spans of counted hits in the paragraph."
    )
    strong_terms: list[str] = Field(
        default_factory=list,
        description="The terms that carry the evidence (not the supporting words): what a reader "
        "is shown.",
    )


class Place(BaseModel):
    """Paragraphs of one section: where the tool found (or looked for) something."""

    section: int
    heading: str | None = None
    paragraphs: list[int]


class SetAside(BaseModel):
    """A cue word found but not counted, and why (data: the renderer chooses the words)."""

    term: str
    kind: Literal["excluded", "context", "deferral"]
    paragraph: int
    phrase: str | None = Field(default=None, description="The excluded phrase, if any.")


ReasonKind = Literal[
    "answered", "parts_missing", "passing", "named", "deferred", "nothing", "general_words"
]


class Reason(BaseModel):
    """Why an element has its status, as data: kind, places, parts, words set aside."""

    kind: ReasonKind
    places: list[Place] = Field(default_factory=list)
    parts: list[str] = Field(
        default_factory=list, description="Ids of the element's parts not answered."
    )
    set_aside: list[SetAside] = Field(default_factory=list)


class Verdict(BaseModel):
    """One element's status, the reason (data in ``why``, English in ``reason``), the passages."""

    id: str
    item: str
    status: Status
    reason: str = Field(description="The reason in English, from the message catalog.")
    why: Reason | None = Field(default=None, description="The reason as data.")
    evidence: list[Evidence]
    missing_parts: list[str] = Field(default_factory=list)
    waived: bool = False
    waiver: str | None = None


class Assessment(BaseModel):
    """Every element's verdict; readiness also needs the findings (mandate.readiness)."""

    verdicts: list[Verdict]


Severity = Literal["error", "warning", "info"]
FailOn = Literal["error", "warning", "never"]
Param = str | int | float | list[str] | list[int]


class Finding(BaseModel):
    """A pre-submission defect, located and explained."""

    rule: str
    severity: Severity
    section: int | None
    paragraph: int | None
    excerpt: str
    message: str = Field(description="The message in English, from the message catalog.")
    message_local: str | None = Field(
        default=None, description="The message in the letter's language."
    )
    code: str = Field(default="", description="The message's key in the catalog.")
    params: dict[str, Param] = Field(
        default_factory=dict, description="The values the message's placeholders take."
    )
    span: tuple[int, int] | None = Field(default=None, description="Characters in the paragraph.")
    waived: bool = False
    waiver: str | None = Field(default=None, description="Why the desk officer waived it.")


class LetterInfo(BaseModel):
    path: str
    language: str
    encoding: str
    format: str
    date: dt.date | None = Field(default=None, description="The letter's own date, if found.")


class MandateInfo(BaseModel):
    id: str
    resolution: str
    source: str
    reviewed: bool = Field(
        default=True, description="False for drafted rules nobody has reviewed yet."
    )


class SectionOut(BaseModel):
    index: int
    heading: str | None
    kind: str
    requirements: list[str]


class Blocker(BaseModel):
    """One thing that stops submission: an element not covered, or an unwaived finding."""

    kind: Literal["gap", "finding"]
    element: str | None = Field(default=None, description="Gap: the element's id.")
    status: Status | None = Field(default=None, description="Gap: partial or missing.")
    finding: int | None = Field(default=None, description="Finding: its index in findings.")
    rule: str | None = None
    severity: Severity | None = None
    section: int | None = None
    paragraph: int | None = None


class Readiness(BaseModel):
    """Whether the letter can go out, computed once (mandate.readiness) and shown everywhere."""

    ready: bool = Field(description="Coverage complete and no unwaived finding at fail_on.")
    coverage_complete: bool = Field(description="Every element covered, or its gap waived.")
    fail_on: FailOn
    blocking: list[Blocker]


class CheckResult(BaseModel):
    """Everything one check produced: what JSON, HTML and the terminal are rendered from."""

    tool: str = "mandate"
    version: str
    letter: LetterInfo
    mandate: MandateInfo
    ready: bool = Field(description="Nothing blocks submission: see blocking.")
    coverage_complete: bool = Field(description="Every element covered, or its gap waived.")
    fail_on: FailOn = "error"
    blocking: list[Blocker] = Field(
        default_factory=list, description="What blocks submission: gaps first, then findings."
    )
    requirements: list[Verdict]
    sections: list[SectionOut]
    findings: list[Finding]
