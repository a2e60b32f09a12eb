"""Where the bundled rules and report templates live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


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


def schemas_dir() -> Path:
    """The folder of the shipped JSON Schemas."""
    return _data("schemas")
