"""Random bytes and random text through the whole check (bounded here; scripts/fuzz.py runs
10,000 examples)."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from properties import letters_text, raw_bytes, run

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(data=raw_bytes)
def test_random_bytes_are_checked_or_refused_in_one_sentence(data):
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp) / "letter.txt", data)


@SETTINGS
@given(text=letters_text)
def test_random_text_never_covers_without_a_cue_term(text):
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp) / "letter.txt", text.encode("utf-8", errors="surrogatepass"))


@SETTINGS
@given(data=raw_bytes)
def test_random_bytes_named_docx_and_pdf_are_refused_cleanly(data):
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp) / "letter.docx", data)
        run(Path(tmp) / "letter.pdf", b"%PDF-1.4\n" + data)
