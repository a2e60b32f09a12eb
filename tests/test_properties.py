"""Random bytes and random text through the whole check (bounded here; scripts/fuzz.py runs
10,000 examples)."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from properties import (
    RULE_PATHS,
    file_kinds,
    letters_text,
    mutate_rules,
    raw_bytes,
    run,
    run_kind,
    run_rules,
    yaml_values,
)

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


@SETTINGS
@given(kind=file_kinds, data=raw_bytes)
def test_any_file_kind_is_checked_or_refused_and_never_written(kind, data):
    with tempfile.TemporaryDirectory() as tmp:
        run_kind(Path(tmp), kind, data)


@SETTINGS
@given(where=st.sampled_from(RULE_PATHS), value=yaml_values)
def test_any_change_to_a_rules_file_loads_or_is_one_sentence(where, value):
    import yaml

    text = yaml.safe_dump(mutate_rules(where, value), allow_unicode=True)
    with tempfile.TemporaryDirectory() as tmp:
        run_rules(Path(tmp) / "rules.yaml", text)


@SETTINGS
@given(text=st.text(max_size=2000), alias=st.booleans())
def test_any_text_as_a_rules_file_loads_or_is_one_sentence(text, alias):
    if alias:  # nested aliases that would expand to 10**7 nodes: never built, never loaded
        bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        bomb += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 7)]
        text = "\n".join(bomb) + "\n" + text
    with tempfile.TemporaryDirectory() as tmp:
        outcome = run_rules(Path(tmp) / "rules.yaml", text)
        assert not (alias and outcome == "loaded")
