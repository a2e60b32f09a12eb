"""Properties every input must keep, shared by the bounded test and the 10,000-example script:
no exception but InputError escapes read → segment → match → assess → lint, and a text with no
cue term of the mandate is never judged to cover anything."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from mandate.errors import InputError
from mandate.models import Status
from mandate.pipeline import check
from mandate.rules import Mandate, find_mandate

# Text that looks like letters: CJK, Latin, digits, punctuation, brackets, blank lines, form feeds.
letters_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from(list("\n\n\n\f，。：；（）【】[]《》“”、·\u3000\t")),
        st.characters(),
    ),
    max_size=3000,
)
raw_bytes = st.binary(max_size=4000)


@cache
def mandate() -> Mandate:
    return find_mandate("2480")


@cache
def cue_terms() -> tuple[str, ...]:
    m = mandate()
    return tuple(
        t.lower() for e in m.elements for groups in e.cues.values() for g in groups for t in g.terms
    )


def run(path: Path, data: bytes) -> str:
    """One input through the whole check: 'refused', 'checked' or 'checked-covered'."""
    path.write_bytes(data)
    try:
        result = check(path, mandate())
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message and message.endswith((".", "?")), message
        return "refused"
    text = data.decode("utf-8", errors="ignore").lower()
    covered = [v for v in result.assessment.verdicts if v.status is Status.COVERED]
    if not any(term in text for term in cue_terms()):
        assert covered == [], [v.id for v in covered]
    for verdict in covered:
        assert verdict.evidence and verdict.evidence[0].terms
    return "checked-covered" if covered else "checked"
