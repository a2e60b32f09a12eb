"""The message catalog: every sentence a person reads, one validated YAML file per language.

Code never writes a sentence: lint and assess hand on a message code and its parameters (data),
and renderers pick the words here, in the reader's language. A message is a format string with
named placeholders, or a mapping of CLDR plural categories (zero, one, two, few, many, other) to
format strings, chosen by the parameter ``n`` with the language's plural rule (Babel's CLDR data).
A list parameter is joined with the language's separator (``list_sep``, e.g. "8, 9"). A language
without a catalog, or a key missing from one, falls back to English, so a new language never
breaks a run.
"""

from __future__ import annotations

import datetime as dt
import string
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mandate.errors import InputError
from mandate.resources import rules_dir

if TYPE_CHECKING:
    from mandate.models import Finding

Plural = Literal["zero", "one", "two", "few", "many", "other"]
Message = str | dict[Plural, str]
FALLBACK = "en"


class Catalog(BaseModel):
    """One language's messages and how its text is laid out."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    kind: Literal["messages"]
    lang: str = Field(pattern=r"^[a-z]{2,3}$")
    name: str = Field(description="The language's name in itself, e.g. 'Français'.")
    locale: str = Field(description="Babel locale for plurals and dates, e.g. 'en_GB'.")
    dir: Literal["ltr", "rtl"] = "ltr"
    list_sep: str = Field(default=", ", description="Between items of a list, e.g. ', '.")
    messages: dict[str, Message]

    @field_validator("messages")
    @classmethod
    def _formats(cls, messages: dict[str, Message]) -> dict[str, Message]:
        for key, message in messages.items():
            variants = [message] if isinstance(message, str) else list(message.values())
            if isinstance(message, dict) and "other" not in message:
                raise ValueError(f"{key}: a plural message needs an 'other' form")
            for text in variants:
                try:
                    list(string.Formatter().parse(text))
                except ValueError as exc:
                    raise ValueError(f"{key}: {exc}") from None
        return messages


def messages_dir() -> Path:
    """The folder of message catalogs."""
    return rules_dir() / "messages"


def placeholders(message: Message) -> set[str]:
    """The named placeholders a message uses, across its plural forms."""
    variants = [message] if isinstance(message, str) else list(message.values())
    return {name for text in variants for _, name, _, _ in string.Formatter().parse(text) if name}


@cache
def languages() -> tuple[str, ...]:
    """The languages that have a catalog."""
    return tuple(sorted(p.stem for p in messages_dir().glob("*.yaml")))


@cache
def catalog(lang: str) -> Catalog:
    """The catalog of ``lang``, or the English one when there is none."""
    path = messages_dir() / f"{lang}.yaml"
    if not path.is_file():
        path = messages_dir() / f"{FALLBACK}.yaml"
    from mandate.datacache import code_stamp, parsed_yaml, remember

    try:  # a valid catalog is kept in the data cache for its content and the checker's code
        text = path.read_text(encoding="utf-8")
        return remember(
            f"catalog\0{code_stamp()}\0{text}",
            lambda: Catalog.model_validate(parsed_yaml(text, _parse)),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise InputError(f"{path}: field {field}: {first['msg']}.") from None
    except (OSError, _Unreadable) as exc:
        raise InputError(f"The message catalog {path} cannot be read: {exc}.") from None


def _parse(text: str) -> object:
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise _Unreadable(str(exc)) from None


class _Unreadable(Exception):
    """A catalog that is not YAML (the message is PyYAML's)."""


@cache
def _plural_rule(locale: str):
    """Babel's CLDR plural rule of the locale. Its rules (a few short strings) are kept in the
    data cache: Babel reads the whole locale (hundreds of kilobytes) to give them."""
    from babel.plural import PluralRule

    from mandate.datacache import module_stamp, remember

    rules = remember(f"plural\0{module_stamp('babel')}\0{locale}", lambda: _cldr_rules(locale))
    return PluralRule(rules)


def _cldr_rules(locale: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(locale).plural_form.rules)


def plural(lang: str, n: int | float) -> Plural:
    """The CLDR plural category of ``n`` in ``lang``."""
    return _plural_rule(catalog(lang).locale)(abs(n))


def has(lang: str, code: str) -> bool:
    """Whether the catalog (or its English fallback) has this message."""
    return code in catalog(lang).messages or code in catalog(FALLBACK).messages


def say(lang: str, code: str, **params: object) -> str:
    """The message ``code`` in ``lang`` with its placeholders filled."""
    cat = catalog(lang)
    message = cat.messages.get(code)
    if message is None:
        cat = catalog(FALLBACK)
        message = cat.messages.get(code)
        if message is None:
            raise KeyError(f"no message '{code}' in the catalog")
    if isinstance(message, dict):
        form = plural(cat.lang, params.get("n", 0))  # type: ignore[arg-type]
        message = message.get(form) or message["other"]
    values = {
        k: cat.list_sep.join(str(x) for x in v) if isinstance(v, list | tuple) else v
        for k, v in params.items()
    }
    return message.format(**values)


def join(lang: str, items: list[str]) -> str:
    """Items joined with the language's separator."""
    return catalog(lang).list_sep.join(items)


def long_date(lang: str, date: dt.date) -> str:
    """A date as the language writes it in a letter (Babel's long format for its locale)."""
    from babel.dates import format_date

    return format_date(date, "long", locale=catalog(lang).locale)


def paragraphs(lang: str, numbers: list[int]) -> str:
    """'paragraph 7', 'paragraphs 8, 9', or the catalog's own word order and separator."""
    return say(lang, "ref.paragraphs", n=len(numbers), list=numbers)


def direction(code: str) -> str:
    """'rtl' or 'ltr': how a language's text runs (from its catalog; left to right without one)."""
    return catalog(code).dir if code in languages() else "ltr"


def finding_text(lang: str, finding: Finding) -> str:
    """A finding's message in ``lang``, from its code (the English ``message`` for old findings
    that carry none)."""
    return say(lang, finding.code, **finding.params) if finding.code else finding.message
