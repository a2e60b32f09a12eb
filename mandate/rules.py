"""Mandates as data: the pydantic schema of a rules file, loaded with errors a person can act on.

A mandate is the Council's request (one YAML file in ``rules/``); what is true of every letter in a
language lives in its profile (``rules/languages/<code>.yaml``, see ``mandate.language``). Adding a
mandate or a language means adding data, never code.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import Counter
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from mandate.errors import InputError
from mandate.hygiene import clean
from mandate.resources import rules_dir

Lang = Annotated[str, Field(pattern=r"^[a-z]{2}$")]


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt key must not silently switch a rule off."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class CueGroup(Strict):
    """Terms of one weight; with ``with``, a term counts only in a sentence that has one of those;
    with ``without``, never in a sentence that has one of those (the rotation of a chairmanship).

    ``with`` and ``without`` entries may name a shared context list of the mandate as ``@name``.
    """

    weight: float = Field(gt=0, le=10)
    terms: list[str] = Field(min_length=1)
    with_: list[str] = Field(default_factory=list, alias="with")
    without: list[str] = Field(default_factory=list)

    @field_validator("terms", "with_", "without")
    @classmethod
    def _no_blank_terms(cls, terms: list[str]) -> list[str]:
        for term in terms:
            if not term.strip():
                raise ValueError("a term is empty")
        return terms


class Part(Strict):
    """One part of a compound element: the element is covered only when every part is answered."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: dict[Lang, str]
    cues: dict[Lang, list[CueGroup]]


class Element(Strict):
    """One thing the Council asked for, with how a letter is recognised as answering it."""

    id: str = Field(pattern=r"^[a-z0-9]+(\.[a-z0-9-]+)+$")
    item: str = Field(description="The request's sub-item the element belongs to, e.g. 'a'.")
    title: dict[Lang, str]
    counts: str = Field(
        description="What a substantive answer looks like, for the report's reader."
    )
    cues: dict[Lang, list[CueGroup]]
    exclude: dict[Lang, list[str]] = Field(
        default_factory=dict,
        description="Phrases in which a cue term does not mean this element (aircrew rotations …).",
    )
    parts: list[Part] = Field(default_factory=list)
    examples: dict[Lang, dict[Literal["match", "no_match"], list[str]]] = Field(
        default_factory=dict
    )


class Thresholds(Strict):
    """How much evidence makes a passage substantive; tuned per mandate, overridable per element."""

    substantive: float = Field(default=4.0, gt=0)
    mention: float = Field(default=1.0, gt=0)
    mention_weight: float = Field(
        default=2.0,
        gt=0,
        description="A passing mention needs one term at least this heavy: "
        "supporting words alone mention nothing.",
    )
    touch_weight: float | None = Field(
        default=None,
        gt=0,
        description="A passage that is not about the element touches it (partial) only with a "
        "term at least this heavy (default: mention_weight): supporting words touch nothing.",
    )
    dominance: float = Field(
        default=0.45,
        ge=0,
        le=1,
        description="An element is a passage's subject only if its score is at least this share "
        "of the strongest element's score in the same passage.",
    )
    min_share: float = Field(
        default=0.34,
        ge=0,
        le=1,
        description="Share of a passage's sentences that must speak of the element (with a term "
        "of at least mention_weight): a clause in a paragraph about something else is a mention.",
    )
    min_clause_share: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="Share of a passage's clauses that must hold one of the element's terms: "
        "a trailing clause of a sentence about something else is a mention.",
    )
    heading_bonus: float = Field(default=2.0, ge=0)
    heading_min: float = Field(
        default=2.0, ge=0, description="A heading announces an element only with this much score."
    )
    min_chars: int = Field(default=30, ge=0, description="Shorter passages are never substantive.")

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.mention > self.substantive:
            raise ValueError("mention must not exceed substantive")
        return self


class Naming(Strict):
    """Naming is not answering: what a passage must say about an element beyond its name.

    A sentence's description of an element is what the clauses that speak of it hold — figures and
    dates, the element's own words beyond its title and the request, other words — plus a share of
    what the rest of the sentence says, divided among the elements the sentence names.
    """

    figure: float = Field(default=1.0, ge=0, description="Each figure or date.")
    term: float = Field(
        default=1.0,
        ge=0,
        description="Each own term of the element that does not echo its title.",
    )
    word: float = Field(default=0.2, ge=0, description="Each other word (two Chinese characters).")
    context: float = Field(
        default=0.5, ge=0, le=1, description="Share of the rest of the sentence that counts."
    )
    described: float = Field(
        default=1.5, ge=0, description="Below this a passage names the element; it is a mention."
    )
    deferred: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Share of its score a passage keeps when it promises the details later.",
    )


class ProcessCondition(Strict):
    """How the letter was to be prepared: the desk officer confirms it; text cannot prove it."""

    id: str
    text: dict[Lang, str]


class Mandate(Strict):
    """A Council request for a letter or report, and the elements it must answer."""

    kind: Literal["mandate"]
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    resolution: str = Field(description="The symbol, e.g. 'S/RES/2480 (2019)'.")
    number: int = Field(gt=0, description="The resolution number, used to find the mandate.")
    year: int = Field(ge=1946, le=2100)
    adopted: dt.date | None = None
    paragraph: str | None = None
    document: Literal["letter", "report"] = "letter"
    reviewed: bool = Field(
        default=False,
        description="Set true once a person has reviewed the elements and vocabularies; drafted "
        "files say false, and until then reports say so and weak evidence never covers.",
    )
    mission: dict[Lang, str] = Field(default_factory=dict)
    languages: list[Lang] = Field(min_length=1)
    request: dict[Lang, str]
    unofficial: list[Lang] = Field(
        default_factory=list, description="Languages whose request text is our own rendering."
    )
    process_conditions: list[ProcessCondition] = Field(default_factory=list)
    due_dates: list[dt.date] = Field(default_factory=list)
    contexts: dict[str, dict[Lang, list[str]]] = Field(default_factory=dict)
    exclude: dict[Lang, list[str]] = Field(
        default_factory=dict,
        description="Names that contain cue words but are no topic (Security Council).",
    )
    thresholds: Thresholds = Field(default_factory=Thresholds)
    naming: Naming = Field(default_factory=Naming)
    elements: list[Element] = Field(min_length=1)
    source: str = Field(default="", exclude=True)

    @model_validator(mode="after")
    def _consistent(self) -> Mandate:
        counts = Counter(e.id for e in self.elements)  # counted once: linear in the elements
        dupes = sorted(i for i, n in counts.items() if n > 1)
        if dupes:
            raise ValueError(f"duplicate element ids: {', '.join(dupes)}")
        for element in self.elements:
            for lang, groups in element.cues.items():
                for group in groups:
                    for ref in [*group.with_, *group.without]:
                        name = ref[1:]
                        if ref.startswith("@") and lang not in self.contexts.get(name, {}):
                            raise ValueError(
                                f"element {element.id}: context {ref} has no '{lang}' list"
                            )
        return self

    def element(self, element_id: str) -> Element:
        """The element with this id (KeyError when the mandate has none)."""
        for element in self.elements:
            if element.id == element_id:
                return element
        raise KeyError(element_id)


RULES_MAX_BYTES = 20 * 1024 * 1024


def load_yaml_file(path: Path, what: str = "rules file", max_bytes: int = RULES_MAX_BYTES):
    """A YAML document from a regular file of at most ``max_bytes``, aliases capped.

    Expansion is capped before anything is built: a few kilobytes of nested aliases expand to
    gigabytes (the "billion laughs").
    """
    return _yaml_text(_read_text(path, what, max_bytes), path, what)


def _read_text(path: Path, what: str, max_bytes: int) -> str:
    from mandate.files import read_input

    raw = read_input(path, max_bytes, what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"The {what} {path} is not UTF-8 text (byte {exc.start + 1} is invalid)."
        ) from None


def _yaml_text(text: str, path: Path, what: str):
    # Not kept in the data cache: waivers are the desk officer's own words, and a valid mandate
    # is kept whole by load_mandate (yaml is imported only when one has to be parsed).
    try:
        return _parse(text, path, what)
    except RecursionError:
        raise InputError(f"The {what} {path} is nested too deeply to be a {what}.") from None


MAX_NODES = 200_000  # a rules file has a few thousand; aliases must not multiply that


def _loader():  # -> type[yaml.SafeLoader]
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: rules load 10x faster


def _parse(text: str, path: Path, what: str):
    """The YAML document, once its alias expansion is known to be within reason."""
    import yaml

    try:
        _check_expansion(text, path, what)
        return yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" line {where.line + 1}" if where else ""
        raise InputError(f"{path}:{line} is not valid YAML.") from None


def _check_expansion(text: str, path: Path, what: str) -> None:
    """Count the nodes the document would expand to, aliases included, from the parser's events
    alone (nothing is built): a few kilobytes of nested aliases would make gigabytes (the
    "billion laughs"). Anchors and aliases within reason, as PyYAML's own dumper writes them,
    stay allowed."""
    import yaml

    sizes: dict[str, int] = {}
    stack: list[list] = [[None, 0]]  # open collections: [anchor, nodes inside so far]
    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.AliasEvent):
            stack[-1][1] += sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            stack[-1][1] += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            stack.append([event.anchor, 0])
            continue
        elif isinstance(event, yaml.CollectionEndEvent) and len(stack) > 1:
            anchor, inside = stack.pop()
            if anchor:
                sizes[anchor] = inside + 1
            stack[-1][1] += inside + 1
        if stack[-1][1] > MAX_NODES:
            raise InputError(
                f"The {what} {path} expands to more than {MAX_NODES:,} YAML nodes "
                "(nested anchors and aliases?); write the values out."
            )


def _load_yaml(path: Path, max_bytes: int = RULES_MAX_BYTES, text: str | None = None) -> dict:
    if text is None:
        data = load_yaml_file(path, "rules file", max_bytes)
    else:
        data = _yaml_text(text, path, "rules file")
    if not isinstance(data, dict):
        raise InputError(f"{path}: a rules file must be a YAML mapping.")
    return data


def validate(model: type[BaseModel], data: object, path: Path) -> BaseModel:
    """Validate with every failure as one sentence: pydantic's errors, and whatever else the
    validator can raise on hostile input (recursion, memory, a pyo3 PanicException)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(_describe(path, exc)) from None
    except (RecursionError, MemoryError):
        raise InputError(f"{path} is too large or too deeply nested to validate.") from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise InputError(clean(f"{path}: {type(exc).__name__} while validating ({exc}).")) from None
    except BaseException as exc:  # pyo3_runtime.PanicException derives from BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        raise InputError(f"{path} could not be validated ({type(exc).__name__}).") from None


def _describe(path: Path, exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or "(top level)"
    more = len(exc.errors()) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return clean(  # a key with a line break must not break the sentence
        f"{path}: field {field[:120]}: {first['msg']}{tail}."
    )


def load_mandate(path: Path, max_bytes: int = RULES_MAX_BYTES) -> Mandate:
    """Read and validate one mandate file; InputError names the file, field and reason.

    A valid mandate is kept in the data cache for its content and the checker's code: the next
    run reads it back instead of parsing and validating again (cold start matters).
    """
    from mandate.datacache import code_stamp, folder, remember

    text = _read_text(path, "rules file", max_bytes)

    def build() -> Mandate:
        data = _load_yaml(path, max_bytes, text)
        return validate(Mandate, {**data, "source": str(path)}, path)  # type: ignore[return-value]

    key = f"mandate\0{code_stamp()}\0{path}\0{MAX_NODES}\0{text}"
    memo = (key, folder())  # another cache folder is read (and filled) afresh
    found = _LOADED.get(memo)
    if found is None:
        found = remember(key, build)
        with _LOADED_LOCK:
            if len(_LOADED) >= 16:
                _LOADED.pop(next(iter(_LOADED)))
            _LOADED[memo] = found
    return found


# The mandates this process validated or read back, by the data cache's key and folder: a batch
# or a server checks letter after letter against one rules file, and reading the mandate back
# from the data cache cost a few milliseconds each time (the file is still read: an edit shows).
_LOADED: dict[tuple[str, Path | None], Mandate] = {}
_LOADED_LOCK = threading.Lock()


def mandate_files(directory: Path | None = None) -> list[Path]:
    """Every mandate file in the rules folder (language profiles live in ``languages/``)."""
    directory = directory or rules_dir()
    return sorted(directory.glob("*.yaml"))


def find_mandate(spec: str, max_bytes: int = RULES_MAX_BYTES) -> Mandate:
    """A mandate by path, by id or by resolution number ('2480')."""
    path = Path(spec)
    if path.suffix in {".yaml", ".yml"} or os.path.lexists(path):
        return load_mandate(path, max_bytes)
    for candidate in mandate_files():
        mandate = load_mandate(candidate)
        if spec in {mandate.id, str(mandate.number)}:
            return mandate
    raise InputError(f"No rules file in {rules_dir()} is for mandate '{spec}'.")


def mandate_for_resolution(number: int) -> Mandate | None:
    """The bundled mandate for a resolution number, if there is one."""
    for candidate in mandate_files():
        mandate = load_mandate(candidate)
        if mandate.number == number:
            return mandate
    return None
