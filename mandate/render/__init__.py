"""Renderers: one finished check as JSON, HTML, a terminal summary or Word comments; none
re-reads the letter. Files are written by ``mandate.files.write_output`` (atomic, checked)."""

from __future__ import annotations
