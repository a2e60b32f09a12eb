"""Where the bundled rules and report templates live, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _data(name: str) -> Path:
    """A wheel carries ``rules/`` and ``reports/`` in the package; a checkout at its top."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def rules_dir() -> Path:
    """The folder of bundled rules files."""
    return _data("rules")


def reports_dir() -> Path:
    """The folder of report templates and CSS."""
    return _data("reports")


def letters_dirs() -> list[Path]:
    """The bundled letters (the examples and the labelled corpus): what letters really say."""
    installed = _PACKAGE / "_data" / "letters"
    if installed.is_dir():
        return sorted(p for p in installed.iterdir() if p.is_dir())
    return [
        d
        for d in (_PACKAGE.parent / "examples", _PACKAGE.parent / "corpus" / "letters")
        if d.is_dir()
    ]


def schemas_dir() -> Path:
    """The folder of the shipped JSON Schemas."""
    return _data("schemas")
