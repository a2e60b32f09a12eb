"""Languages as data: one validated profile per language, detection, and word normalisation.

Everything the checker knows about a language — how its letters open and close, its month names,
its number formats, the words the defect checks look for, how the drafter splits a request — lives
in ``rules/languages/<code>.yaml``. The code here only loads, validates and compiles those files, so
a new language is a new file (``MANDATE_LANGUAGES`` names extra folders of profiles, searched
first). Scripts are Unicode facts, not language knowledge: they are the only tables kept here.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mandate.errors import InputError
from mandate.judgement import DeferralGrammar
from mandate.resources import rules_dir

Lang = Annotated[str, Field(pattern=r"^[a-z]{2}$")]
Script = Literal["han", "latin", "cyrillic", "arabic", "greek", "hebrew", "devanagari"]

# Unicode blocks of each script's letters (the letters themselves, not any language's words).
_SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "han": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F)),
    "latin": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)),
    "cyrillic": ((0x400, 0x52F),),
    "arabic": ((0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "greek": ((0x370, 0x3FF),),
    "hebrew": ((0x590, 0x5FF),),
    "devanagari": ((0x900, 0x97F),),
}
LANGUAGES_ENV = "MANDATE_LANGUAGES"


@lru_cache(maxsize=8192)
def script_of(ch: str) -> str | None:
    """The script a letter belongs to, or None (digits, punctuation, other scripts, no letter).

    Remembered per character: detection and the punctuation check ask about every character
    they meet, and a letter has a few hundred distinct ones."""
    if len(ch) != 1:
        return None
    cp = ord(ch)
    for name, ranges in _SCRIPT_RANGES.items():
        if any(a <= cp <= b for a, b in ranges):
            return name
    return None


@cache
def script_class(name: str) -> re.Pattern[str]:
    """One letter of a script (a regex character class, compiled when first asked for: the wide
    Han ranges alone take milliseconds)."""
    ranges = _SCRIPT_RANGES[name]
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]")


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt key must not silently switch a rule off."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _compiles(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern, re.IGNORECASE)  # as most are used: compiled once, then cached
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
    return patterns


class Normalise(Strict):
    """How a word is reduced to the form cues and text are matched on (see ``normalise``).

    Character maps unify spellings (Arabic alef, ya, ta marbuta), ``strip`` removes characters
    (tatweel), ``strip_marks`` removes combining marks (Arabic short vowels, accents); then one
    clitic prefix and one inflectional suffix are removed, longest first, keeping ``min_stem``
    characters. ``stemmer`` names a Snowball algorithm used instead of the suffix list.
    """

    strip_marks: bool = False
    strip: str = ""
    replace: dict[str, str] = Field(default_factory=dict)
    prefixes: list[str] = Field(default_factory=list)
    suffixes: list[str] = Field(default_factory=list)
    stemmer: str | None = Field(default=None, description="A snowballstemmer algorithm name.")
    min_stem: int = Field(default=3, ge=1)
    term_prefixes: list[str] = Field(
        default_factory=list,
        description="Prepositions written on the next word (the Arabic 'for', 'by', 'as'): a "
        "cue term is also found with one on its first word ('for-the-transition-plan'). Text is "
        "never stripped of them, so a word that begins with the same letter stays whole.",
    )


class Detection(Strict):
    """What tells the language apart from others of its script."""

    stopwords: list[str] = Field(default_factory=list)


class Letter(Strict):
    """How a letter in this language is laid out, opens, closes and is signed (regexes)."""

    sentence_end: str = Field(description="Characters that end a sentence at the end of a block.")
    sentence_split: str = Field(
        description="Characters that split sentences anywhere (the full stop is handled apart)."
    )
    heading_forbidden: str = Field(description="Characters never found in a heading.")
    clause_end: str = Field(description="Characters a heading never ends with.")
    full_stop: str = Field(
        default="!?",
        description="Characters that end a whole sentence besides the full stop (not ';' or "
        "':'): the span in which a passage is judged to say something.",
    )
    clause_split: str = Field(default=",;:", description="Characters between clauses.")
    list_split: str = Field(
        default="—–()", description="Characters between listed items or asides in a clause."
    )
    lead_in: str = Field(
        default=":", description="Characters that end a paragraph announcing a list or table."
    )
    closers: str = Field(default="\"')]", description="Quotes and brackets after a sentence end.")
    list_markers: list[str] = Field(
        default_factory=list,
        description="Regexes of a list item's own marker in this language (beyond bullets, "
        "'(a)' and '1)'): the item is read with its lead-in.",
    )
    closing: list[str]
    signature: list[str] = Field(default_factory=list)
    request_markers: list[str]
    resolution_citation: str = Field(description="Regex with a group 'number' (and 'year').")
    enumerator: str = Field(description="Regex of a request sub-item marker such as '(a)'.")
    abbreviations: list[str] = Field(default_factory=list)
    heading_numbering: str
    heading_max_chars: int = Field(gt=0)
    heading_max_words: int | None = Field(default=None, gt=0)
    title: list[str] = Field(default_factory=list)
    addressee: list[str] = Field(default_factory=list)
    president: list[str] = Field(
        default_factory=list, description="Regexes: the letter is addressed to the President."
    )
    heading_styles: list[str] = Field(
        default_factory=list, description="Word heading style names in this language's Word."
    )
    page_lines: list[str] = Field(
        default_factory=list, description="Regexes of a PDF's page-number lines ('Page 2 of 5')."
    )
    masthead: list[str] = Field(
        default_factory=list, description="Regexes of the lines of a PDF's first-page masthead."
    )

    @field_validator(
        "closing",
        "signature",
        "request_markers",
        "title",
        "addressee",
        "president",
        "page_lines",
        "masthead",
    )
    @classmethod
    def regexes(cls, v: list[str]) -> list[str]:
        return _compiles(v)

    @field_validator("resolution_citation", "enumerator", "heading_numbering")
    @classmethod
    def regex(cls, v: str) -> str:
        return _compiles([v])[0]


class Deferral(Strict):
    """Sentences that only promise the information later: phrases (regexes) and a grammar.

    The grammar (promise + later channel, or later time + information, or keeping the Council
    informed) recognises a deferral in any wording; see ``mandate.judgement.DeferralGrammar``.
    """

    patterns: list[str] = Field(default_factory=list)
    grammar: DeferralGrammar | None = None

    @field_validator("patterns")
    @classmethod
    def regexes(cls, v: list[str]) -> list[str]:
        return _compiles(v)


class Dates(Strict):
    """Month names (twelve entries, each every form a drafter writes) and date patterns.

    A pattern has groups ``d`` and ``m`` (and ``y``); ``{month}`` stands for any month name.
    Numeric months (``m`` all digits) are read as numbers. ``future`` marks a sentence about
    what is planned, where a date after the letter's own is no defect.
    """

    months: list[list[str]] = Field(default_factory=list)
    patterns: list[str] = Field(min_length=1)
    future: list[str] = Field(default_factory=list)

    @field_validator("months")
    @classmethod
    def _twelve(cls, months: list[list[str]]) -> list[list[str]]:
        if months and len(months) != 12:
            raise ValueError(f"twelve months are needed, {len(months)} given")
        return months


class Numbers(Strict):
    """How figures are written: marks between thousands, decimal marks, percent signs."""

    thousands: list[str] = Field(default_factory=lambda: [","])
    decimal: list[str] = Field(default_factory=lambda: ["."])
    percent: list[str] = Field(
        default_factory=lambda: ["%"], description="Regexes of what follows a percentage."
    )
    spelled: list[str] = Field(
        default_factory=list, description="Regexes of figures written in words ('twenty')."
    )
    words: dict[int, list[str]] = Field(
        default_factory=dict,
        description="Small numbers written as words, every form ('five', 'fives'), by value: the "
        "version comparison reads them as figures that confirm a counterpart, never report alone.",
    )

    @field_validator("percent", "spelled")
    @classmethod
    def regexes(cls, v: list[str]) -> list[str]:
        return _compiles(v)


class Placeholders(Strict):
    """Drafting marks left in the text (regexes): errors, and softer words (warnings)."""

    error: list[str] = Field(default_factory=list)
    warning: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list, description="Bracketed text that is no mark.")

    @field_validator("error", "warning")
    @classmethod
    def regexes(cls, v: list[str]) -> list[str]:
        return _compiles(v)


class Arithmetic(Strict):
    """Words of a breakdown: its total marker, 'including', the remainder groups, count units."""

    units: str | None = Field(
        default=None, description="Regex of counting words a figure needs (Chinese classifiers)."
    )
    total: str = Field(description="Regex: the text after a total that opens its breakdown.")
    inclusive: str = Field(description="Regex: the breakdown need not be exhaustive.")
    remainder: str = Field(description="Regex: words announcing a remainder group.")
    remainder_window: int = Field(
        default=24, ge=1, description="How far from a figure its remainder word may stand."
    )

    @field_validator("total", "inclusive", "remainder")
    @classmethod
    def regex(cls, v: str) -> str:
        return _compiles([v])[0]


class Punctuation(Strict):
    """Full-width punctuation: the language's own marks, and their half-width look-alikes."""

    full_width: dict[str, str] = Field(
        default_factory=dict, description="Half-width mark -> the full-width mark to use."
    )
    marks: str = Field(default="", description="The language's own full-width marks.")


class Draft(Strict):
    """How `rules draft` cuts a request's item into elements and names them."""

    item: str = Field(description="Regex of a request item marker; group 1 is its letter.")
    split: str
    lead: str
    stop: list[str] = Field(default_factory=list)
    stop_pattern: str | None = Field(default=None, description="For languages without spaces.")
    trim: str | None = None

    @field_validator("item", "split", "lead")
    @classmethod
    def regex(cls, v: str) -> str:
        return _compiles([v])[0]


class Profile(Strict):
    """Everything the checker knows about one language."""

    kind: Literal["language"]
    code: Lang
    name: str = Field(description="The language's own name for itself.")
    english_name: str
    script: Script
    direction: Literal["ltr", "rtl"] = "ltr"
    tokenizer: str = Field(default="", description="spaCy language class; '' means the code.")
    spaces: bool = Field(default=True, description="Words are separated by spaces.")
    characters_per_word: float = Field(
        default=0,
        ge=0,
        description="Without spaces, how many letters of the script count as one word when "
        "measuring how much a passage says (0: words are counted).",
    )
    detection: Detection = Field(default_factory=Detection)
    normalise: Normalise = Field(default_factory=Normalise)
    letter: Letter
    deferral: Deferral = Field(default_factory=Deferral)
    dates: Dates
    numbers: Numbers = Field(default_factory=Numbers)
    placeholders: Placeholders = Field(default_factory=Placeholders)
    arithmetic: Arithmetic
    punctuation: Punctuation = Field(default_factory=Punctuation)
    draft: Draft
    source: str = Field(default="", exclude=True)


class KnownLanguage(Strict):
    """A language told apart only to refuse it clearly: no profile, no checking."""

    english_name: str
    script: Script
    stopwords: list[str] = Field(default_factory=list)


class Recognised(Strict):
    """The file of languages recognised but not supported (``languages/recognised.yaml``)."""

    kind: Literal["recognised-languages"]
    languages: dict[Lang, KnownLanguage]


def _describe(path: Path, exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or "(top level)"
    more = len(exc.errors()) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{path}: field {field}: {first['msg']}{tail}."


def _parse(text: str, path: Path) -> object:
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" line {where.line + 1}" if where else ""
        raise InputError(f"{path}:{line} is not valid YAML.") from None


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"The language file {path} cannot be read: {exc}.") from None


def _load(path: Path, text: str | None = None) -> dict:
    from mandate.datacache import parsed_yaml

    text = _text(path) if text is None else text
    data = parsed_yaml(text, lambda t: _parse(t, path))  # parsed once per content
    if not isinstance(data, dict):
        raise InputError(f"{path}: a language file must be a YAML mapping.")
    return data


def load_profile(path: Path) -> Profile:
    """Read and validate one profile; InputError names the file, the field and the reason.

    A valid profile is kept in the data cache for its content and the checker's code: the next
    run reads it back instead of parsing and validating again (cold start matters).
    """
    from mandate.datacache import code_stamp, remember

    text = _text(path)
    return remember(f"profile\0{code_stamp()}\0{path}\0{text}", lambda: _validate(path, text))


def _validate(path: Path, text: str) -> Profile:
    data = _load(path, text)
    try:
        profile = Profile.model_validate({**data, "source": str(path)})
    except ValidationError as exc:
        raise InputError(_describe(path, exc)) from None
    if profile.code != path.stem:
        raise InputError(f"{path}: field code: '{profile.code}' differs from the file name.")
    return profile


def profile_dirs() -> list[Path]:
    """Folders of profiles: those named in MANDATE_LANGUAGES first, then the bundled one."""
    return list(_dirs())


def _dirs() -> tuple[Path, ...]:
    """The folders as a tuple, built once per value of MANDATE_LANGUAGES: every sentence split
    asks for a profile, and building paths (and asking the disk where the bundled rules are)
    each time was a third of a long letter's check."""
    return _dirs_for(os.environ.get(LANGUAGES_ENV, ""))


@cache
def _dirs_for(extra: str) -> tuple[Path, ...]:
    return (*[Path(p) for p in extra.split(os.pathsep) if p], rules_dir() / "languages")


@cache
def _paths(dirs: tuple[Path, ...]) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for directory in reversed(dirs):  # earlier folders override later ones
        for path in sorted(directory.glob("*.yaml")):
            if path.stem != "recognised":
                out[path.stem] = path
    return out


def codes() -> list[str]:
    """The codes of every language with a profile (no file is validated to list them)."""
    return list(_paths(_dirs()))


@cache
def _profile(path: Path) -> Profile:
    return load_profile(path)


def profile(code: str) -> Profile:
    """The profile of one language, validated on first use; InputError when there is none.

    Profiles are loaded on demand: a check reads only its letter's (cold start matters).
    """
    key = (os.environ.get(LANGUAGES_ENV, ""), code)
    found = _LOADED.get(key)  # asked for every paragraph: one look-up, not three cached calls
    if found is None:
        known = _paths(_dirs_for(key[0]))
        if code not in known:
            raise InputError(f"The checker has no language profile for '{code}'.")
        found = _LOADED[key] = _profile(known[code])
    return found


# Profiles by (MANDATE_LANGUAGES, code): the same answer as the folders, paths and files cached
# per value below, found in one dictionary look-up (a long letter asks ~100 k times).
_LOADED: dict[tuple[str, str], Profile] = {}


def profiles() -> dict[str, Profile]:
    """Every language profile by code, all validated (rules check, readers, tests)."""
    return {code: profile(code) for code in codes()}


class _Cues(Strict):
    """What detection needs of a profile, validated without the rest of it."""

    script: Script
    stopwords: list[str] = Field(default_factory=list)


@cache
def _cues(path: Path) -> _Cues:
    from mandate.datacache import code_stamp, remember

    text = _text(path)  # every profile is read to detect a language: validated once per content
    return remember(f"cues\0{code_stamp()}\0{path}\0{text}", lambda: _validate_cues(path, text))


def _validate_cues(path: Path, text: str) -> _Cues:
    data = _load(path, text)
    detection = data.get("detection") or {}
    try:
        return _Cues.model_validate(
            {
                "script": data.get("script"),
                "stopwords": detection.get("stopwords", []) if isinstance(detection, dict) else [],
            }
        )
    except ValidationError as exc:
        raise InputError(_describe(path, exc)) from None


def cues() -> dict[str, tuple[str, list[str]]]:
    """Script and stopwords of every profile language, without validating whole profiles."""
    out = {}
    for code, path in _paths(_dirs()).items():
        c = _cues(path)
        out[code] = (c.script, c.stopwords)
    return out


@cache
def _recognised(dirs: tuple[Path, ...]) -> dict[str, KnownLanguage]:
    out: dict[str, KnownLanguage] = {}
    for directory in reversed(dirs):
        path = directory / "recognised.yaml"
        if path.exists():
            out.update(_known(path).languages)
    return out


def _known(path: Path) -> Recognised:
    from mandate.datacache import code_stamp, remember

    def build() -> Recognised:
        try:
            return Recognised.model_validate(_load(path, text))
        except ValidationError as exc:
            raise InputError(_describe(path, exc)) from None

    text = _text(path)
    return remember(f"recognised\0{code_stamp()}\0{path}\0{text}", build)


def recognised() -> dict[str, KnownLanguage]:
    """Languages told apart only to be refused (a profile for the same code wins)."""
    own = set(codes())
    return {k: v for k, v in _recognised(_dirs()).items() if k not in own}


def english_name(code: str) -> str:
    """The language's English name, for messages ('German'), or its code."""
    if code in codes():
        return profile(code).english_name
    known = recognised().get(code)
    return known.english_name if known else code


def reset() -> None:
    """Forget loaded profiles and everything compiled from them (after changing the folders)."""
    _dirs_for.cache_clear()
    _SPLITTERS.clear()
    _LOADED.clear()
    _paths.cache_clear()
    _profile.cache_clear()
    _cues.cache_clear()
    _recognised.cache_clear()
    patterns.cache_clear()
    _normaliser.cache_clear()
    _sentence_split.cache_clear()
    _every_mark.cache_clear()
    full_stop_splitter.cache_clear()
    clause_splitter.cache_clear()


# --- Detection -------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
DETECT_CHARS = 20000  # the opening of the letter that detection reads


def detect(text: str) -> str:
    """The letter's language: script first, then stopwords among languages of that script.

    Returns a profile's code, or the code of a recognised but unsupported language (the caller
    refuses it in one sentence). A letter with no letters at all is taken as English if there is
    an English profile.
    """
    text = text[:DETECT_CHARS]  # plenty to tell the language; long letters need not be read twice
    scripts: Counter[str] = Counter()
    for ch, n in Counter(text).items():  # each distinct character looked up once
        found = script_of(ch)
        if found is not None:
            scripts[found] += n
    total = sum(scripts.values())
    known = cues()
    if not total:
        return "en" if "en" in known else next(iter(known))
    # A non-Latin script with a real share wins: names and symbols are in Latin everywhere.
    other = [(n, s) for s, n in scripts.items() if s != "latin"]
    script = "latin"
    if other:
        n, s = max(other)
        if n / total > 0.2:
            script = s
    candidates: dict[str, list[str]] = {c: words for c, (s, words) in known.items() if s == script}
    candidates.update({c: k.stopwords for c, k in recognised().items() if k.script == script})
    if not candidates:
        raise InputError(
            f"The letter is written in {script.capitalize()} script, "
            "for which the checker has no language profile."
        )
    if len(candidates) == 1:
        return next(iter(candidates))
    counts = Counter(w.lower() for w in _WORD.findall(text))
    # A stopword several languages share ("con", "una") counts for each only in part.
    sharing = Counter(w.lower() for words in candidates.values() for w in set(words))
    scored = sorted(
        (
            (sum(counts.get(w.lower(), 0) / sharing[w.lower()] for w in set(words)), c)
            for c, words in candidates.items()
        ),
        key=lambda t: (-t[0], t[1] not in known, t[1]),
    )
    return scored[0][1]


# --- Compiled patterns -----------------------------------------------------------------------


@dataclass(frozen=True)
class Patterns:
    """A profile's regular expressions, compiled once per process."""

    profile: Profile
    closing: list[re.Pattern[str]]
    signature: list[re.Pattern[str]]
    request: list[re.Pattern[str]]
    citation: re.Pattern[str]
    enumerator: re.Pattern[str]
    enumerator_start: re.Pattern[str]
    numbering: re.Pattern[str]
    title: list[re.Pattern[str]]
    addressee: list[re.Pattern[str]]
    president: list[re.Pattern[str]]
    deferral: list[re.Pattern[str]]
    abbreviations: frozenset[str]
    dates: list[re.Pattern[str]]
    month_index: dict[str, int]
    future: re.Pattern[str] | None

    @property
    def conv(self) -> Letter:
        """The letter conventions (the name older callers used)."""
        return self.profile.letter


def _many(items: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in items]


@cache
def patterns(code: str) -> Patterns:
    """The language's patterns, compiled (once per process)."""
    p = profile(code)
    letter = p.letter
    forms = {f.lower(): i + 1 for i, names in enumerate(p.dates.months) for f in names}
    month = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) or r"(?!x)x"
    dates = []
    for where, raw in enumerate(p.dates.patterns):
        try:
            dates.append(re.compile(raw.replace("{month}", f"(?:{month})"), re.IGNORECASE))
        except re.error as exc:
            raise InputError(f"{p.source}: field dates.patterns.{where}: {exc}.") from None
    future = "|".join(f"(?:{w})" for w in p.dates.future)
    return Patterns(
        profile=p,
        closing=_many(letter.closing),
        signature=_many(letter.signature),
        request=_many(letter.request_markers),
        citation=re.compile(letter.resolution_citation, re.IGNORECASE),
        enumerator=re.compile(letter.enumerator, re.IGNORECASE),
        enumerator_start=re.compile(r"^\s*" + letter.enumerator, re.IGNORECASE),
        numbering=re.compile(letter.heading_numbering),
        title=_many(letter.title),
        addressee=_many(letter.addressee),
        president=_many(letter.president),
        deferral=_many(p.deferral.patterns),
        abbreviations=frozenset(a.lower() for a in letter.abbreviations),
        dates=dates,
        month_index=forms,
        future=re.compile(future, re.IGNORECASE) if future else None,
    )


@cache
def _sentence_split(marks: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(marks) + r"]|\.(?=\s|$)")


def sentence_splitter(code: str | None = None) -> re.Pattern[str]:
    """Sentence ends of one language, or of every language (for text of unknown language).

    Asked for every passage (several times): kept per language and profile folders."""
    key = (code, os.environ.get(LANGUAGES_ENV, ""))
    found = _SPLITTERS.get(key)
    if found is None:
        found = _SPLITTERS[key] = _sentence_splitter(code)
    return found


_SPLITTERS: dict[tuple[str | None, str], re.Pattern[str]] = {}


def _sentence_splitter(code: str | None) -> re.Pattern[str]:
    if code is not None and code in codes():
        marks = profile(code).letter.sentence_split
    else:
        marks = "".join(sorted({ch for p in profiles().values() for ch in p.letter.sentence_split}))
    return _sentence_split(marks)


def every_mark(field: str) -> str:
    """The characters one ``letter`` field lists, over every profile (text of any language)."""
    return _every_mark(field)


@cache
def _every_mark(field: str) -> str:
    return "".join(sorted({ch for p in profiles().values() for ch in getattr(p.letter, field)}))


def _marks(code: str | None, field: str) -> str:
    """One ``letter`` field of a language, or of every language for text of unknown language."""
    if code is not None and code in codes():
        return getattr(profile(code).letter, field)
    return every_mark(field)


@cache
def full_stop_splitter(code: str | None = None) -> re.Pattern[str]:
    """Ends of whole sentences: the language's full stops, a full stop before a space, a line
    end. Semicolons and colons do not end one (a list of conditions belongs to its sentence)."""
    return re.compile("[" + re.escape(_marks(code, "full_stop")) + r"]|\.(?=\s|$)|\n")


@cache
def clause_splitter(code: str | None = None, lists: bool = True) -> re.Pattern[str]:
    """Clause boundaries; with ``lists``, also between listed items and asides."""
    marks = _marks(code, "clause_split") + (_marks(code, "list_split") if lists else "")
    return re.compile("[" + re.escape(marks) + "]" + (r"|\s-\s" if lists else ""))


def edge_marks(code: str) -> str:
    """Punctuation and spaces to trim from the ends of a phrase in this language."""
    letter = profile(code).letter
    return " ." + letter.sentence_end + letter.full_stop + letter.clause_end + letter.clause_split


def foreign_marks(code: str) -> str:
    """Full-width marks of other languages, out of place in a letter in this one."""
    own = set(profile(code).punctuation.marks)
    return "".join(sorted({ch for p in profiles().values() for ch in p.punctuation.marks} - own))


# --- Normalisation ---------------------------------------------------------------------------


def normaliser(code: str) -> Callable[[str], str]:
    """The language's word normaliser (cached per word)."""
    return _normaliser(code)


@cache
def _normaliser(code: str) -> Callable[[str], str]:
    rules = profile(code).normalise
    table = {ord(k): v for k, v in rules.replace.items()}
    table.update({ord(ch): None for ch in rules.strip})
    prefixes = sorted(rules.prefixes, key=len, reverse=True)
    suffixes = sorted(rules.suffixes, key=len, reverse=True)
    stem = None
    if rules.stemmer:
        import Stemmer  # PyStemmer: Snowball in C, imported in ~2 ms

        try:
            stem = Stemmer.Stemmer(rules.stemmer).stemWord
        except KeyError:
            raise InputError(
                f"{profile(code).source}: field normalise.stemmer: no Snowball stemmer "
                f"'{rules.stemmer}'."
            ) from None
    keep = rules.min_stem

    @cache
    def one(word: str) -> str:
        w = word.lower()
        if rules.strip_marks:
            # Replaced before marks go: a letter whose mark is part of it (a hamza on its seat)
            # is mapped whole, not left as its bare seat.
            w = unicodedata.normalize("NFC", w).translate(table)
            w = "".join(
                ch for ch in unicodedata.normalize("NFD", w) if not unicodedata.combining(ch)
            )
            w = unicodedata.normalize("NFC", w)
        w = w.translate(table)
        for prefix in prefixes:
            if w.startswith(prefix) and len(w) - len(prefix) >= keep:
                w = w[len(prefix) :]
                break
        if stem is not None:
            # A stem shorter than min_stem is no word family ("IEDs" stems to "i", the pronoun):
            # the word stays whole.
            stemmed = stem(w)
            return stemmed if len(stemmed) >= keep or len(stemmed) == len(w) else w
        for suffix in suffixes:
            if w.endswith(suffix) and len(w) - len(suffix) >= keep:
                return w[: -len(suffix)]
        return w

    return one


def normalise(word: str, code: str) -> str:
    """The form a word is matched on: case, marks, clitics and endings do not matter."""
    return _normaliser(code)(word)


def has_normalisation(code: str) -> bool:
    """Whether the language's words are reduced at all beyond lower case."""
    n = profile(code).normalise
    return bool(n.strip_marks or n.strip or n.replace or n.prefixes or n.suffixes or n.stemmer)
