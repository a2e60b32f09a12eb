"""Control characters never reach a terminal or a page: ESC could drive the terminal, NUL breaks
HTML. Letter text is stripped of them when read; names and messages are escaped when shown."""

from __future__ import annotations

import re

# C0 controls but tab, line feed and form feed; DEL; C1 controls; bidi overrides stay (Arabic).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")
_CONTROL_IN_LINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# On a page, tab, line feed, form feed and carriage return are white space (CSS needs them).
_CONTROL_ON_PAGE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Letter text without control characters (carriage returns were already line ends)."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def clean(text: str) -> str:
    """One line for a terminal or a page: every control character shown as an escape (\\x1b)."""
    if not _CONTROL_IN_LINE.search(text):
        return text
    return _CONTROL_IN_LINE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def clean_page(text: str) -> str:
    """Text for an HTML page: control characters escaped (\\x1b), white space left as it is."""
    if not _CONTROL_ON_PAGE.search(text):
        return text
    return _CONTROL_ON_PAGE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
