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


# --- File kinds: whatever sits at the path, one sentence or a check, never a hang --------------

FILE_KINDS = ("regular", "fifo", "symlink", "dangling", "loop", "directory", "device")
file_kinds = st.sampled_from(FILE_KINDS)


def make_kind(path: Path, kind: str, data: bytes = b"") -> bool:
    """Put a file of ``kind`` at ``path`` (device nodes are made here, never taken from /dev);
    False when this machine cannot make one (no root for mknod)."""
    import os
    import stat

    if kind == "regular":
        path.write_bytes(data)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        target = path.with_name(path.name + ".target")
        target.write_bytes(data)
        path.symlink_to(target)
    elif kind == "dangling":
        path.symlink_to(path.with_name("gone"))
    elif kind == "loop":
        other = path.with_name(path.name + ".loop")
        path.symlink_to(other)
        other.symlink_to(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "device":
        try:
            os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero's numbers
        except PermissionError:
            return False
    return True


def one_sentence(message: str) -> None:
    assert message and "\n" not in message and message.endswith((".", "?")), message


def run_kind(folder: Path, kind: str, data: bytes) -> str:
    """A letter of any file kind: read (regular file or a link to one) or refused in one sentence;
    an output path of that kind: written only when it is a regular file, and the kind unchanged."""
    import os
    import stat

    from mandate.files import check_output

    letter = folder / "letter.txt"
    if not make_kind(letter, kind, data):
        return "skipped"
    outcome = "refused"
    try:
        run_path(letter)
        outcome = "checked"
    except InputError as exc:
        one_sentence(str(exc))
    assert kind in {"regular", "symlink"} or outcome == "refused", kind
    before = os.lstat(letter).st_mode if os.path.lexists(letter) else None
    try:
        check_output(letter, [])
        assert kind == "regular", f"{kind} accepted as an output"
    except InputError as exc:
        one_sentence(str(exc))
    after = os.lstat(letter).st_mode if os.path.lexists(letter) else None
    assert before == after and (before is None or stat.S_IFMT(before) == stat.S_IFMT(after))
    return outcome


def run_path(path: Path) -> None:
    """The whole check of a path (InputError for what cannot be used)."""
    check(path, mandate())


# --- Rules files: any YAML is a mandate or one sentence -------------------------------------------

_yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
)
yaml_values = st.recursive(
    _yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=10), children, max_size=4),
    ),
    max_leaves=20,
)


@cache
def bundled_rules() -> dict:
    import yaml

    from mandate.resources import rules_dir

    return yaml.safe_load((rules_dir() / "2480.yaml").read_text(encoding="utf-8"))


def mutate_rules(path: tuple, value: object) -> dict:
    """The bundled rules with the value at a path of keys/indices replaced."""
    import copy

    data = copy.deepcopy(bundled_rules())
    node: object = data
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    return data


RULE_PATHS = [
    ("id",),
    ("number",),
    ("languages",),
    ("thresholds",),
    ("thresholds", "substantive"),
    ("elements",),
    ("elements", 0),
    ("elements", 0, "id"),
    ("elements", 0, "cues"),
    ("elements", 0, "cues", "zh", 0, "weight"),
    ("elements", 0, "cues", "zh", 0, "terms"),
    ("contexts",),
    ("due_dates",),
]


def run_rules(path: Path, text: str) -> str:
    """A rules file of any content: a valid mandate, or one sentence naming the file."""
    from mandate.rules import load_mandate

    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_mandate(path)
    except InputError as exc:
        one_sentence(str(exc))
        return "refused"
    return "loaded"
