"""Steps of languages_content.feature: 2480 in es/ru/ar, and two language versions compared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from pytest_bdd import given, parsers, scenarios, then, when

from mandate.diff import diff
from mandate.models import Status
from mandate.pipeline import check

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from lettercraft import blocks, join, without_section, write_file

from mandate.read import read
from mandate.segment import segment

scenarios("languages_content.feature")

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "corpus" / "blind" / "2480-esruar"
SEED = ROOT / "examples" / "2480-letter-2020-06-01.zh.txt"
CODES = {"English": "en", "French": "fr", "Spanish": "es", "Russian": "ru", "Arabic": "ar"}
MANDATE_CLI = Path(sys.executable).with_name("mandate")


def _rendering(language: str) -> Path:
    code = CODES[language]
    name = f"2480-2020-06-01.{code}.txt"
    return BLIND / name if code in ("es", "ru", "ar") else ROOT / "corpus" / "letters" / name


@given(parsers.parse("the 1 June 2020 letter as rendered in {language} by the blind writer"))
def blind_rendering(ctx: dict, language: str) -> None:
    path = _rendering(language)
    ctx["text"] = path.read_text(encoding="utf-8")
    ctx["labels"] = yaml.safe_load(
        path.with_name(path.name.replace(".txt", ".labels.yaml")).read_text(encoding="utf-8")
    )
    ctx["letter"] = write_file(ctx["tmp"], path.name, ctx["text"])


def _remove_each_section(ctx: dict, mandate: str) -> None:
    """Check the letter once without each section that alone answers an element."""
    sections: dict[str, list[str]] = ctx["labels"]["sections"]
    parts = blocks(ctx["text"])
    ctx["removals"] = []
    for heading, elements in sections.items():
        others = {e for h, es in sections.items() if h != heading for e in es}
        alone = [e for e in elements if e not in others]
        if not alone:
            continue
        path = write_file(
            ctx["tmp"],
            f"without-{len(ctx['removals'])}.txt",
            join(without_section(parts, heading, list(sections))),
        )
        statuses = {v.id: v.status for v in check(path, mandate).assessment.verdicts}
        ctx["removals"].append((heading, alone, statuses))
    assert ctx["removals"], "no section alone answers an element"


@when("each section that alone answers an element is removed in turn and checked")
def remove_each_section(ctx: dict) -> None:
    _remove_each_section(ctx, "2480")


@then("every time, the elements only that section answered are no longer covered")
def removed_not_covered(ctx: dict) -> None:
    for heading, alone, statuses in ctx["removals"]:
        for element in alone:
            assert statuses[element] is not Status.COVERED, (heading, element)


@then("every time, the other elements stay covered")
def others_stay(ctx: dict) -> None:
    for heading, alone, statuses in ctx["removals"]:
        for element, status in statuses.items():
            if element not in alone:
                assert status is Status.COVERED, (heading, element, status)


LETTERS = ROOT / "corpus" / "letters"


@given(parsers.parse('the 2531 development letter "{name}"'))
def development_letter(ctx: dict, name: str) -> None:
    path = LETTERS / f"{name}.txt"
    ctx["text"] = path.read_text(encoding="utf-8")
    ctx["labels"] = yaml.safe_load((LETTERS / f"{name}.labels.yaml").read_text(encoding="utf-8"))
    ctx["letter"] = write_file(ctx["tmp"], path.name, ctx["text"])


@then("every element has the verdict its labels give")
def labelled_verdicts(ctx: dict) -> None:
    got = {v.id: v.status.value for v in ctx["check"].assessment.verdicts}
    assert got == ctx["labels"]["verdicts"]


@when(
    "each section that alone answers an element is removed in turn and checked against "
    'mandate "2531"'
)
def remove_each_section_2531(ctx: dict) -> None:
    _remove_each_section(ctx, "2531")


@then("every time, the other covered elements stay covered and no other becomes covered")
def others_keep(ctx: dict) -> None:
    # A partial touched in passing inside the removed section may go with it.
    whole = ctx["labels"]["verdicts"]
    for heading, alone, statuses in ctx["removals"]:
        for element, status in statuses.items():
            if element not in alone:
                covered = whole[element] == "covered"
                assert (status is Status.COVERED) == covered, (heading, element, status)


@given(parsers.parse('a 2531 letter in {language} whose only body paragraph is "{paragraph}"'))
def trap_letter(ctx: dict, language: str, paragraph: str) -> None:
    # The title, the restated request and the closing of that language's development letter
    # around the one paragraph: only it can answer anything.
    code = CODES[language]
    source = next(LETTERS.glob(f"2531-*.{code}.txt"))
    parts = blocks(source.read_text(encoding="utf-8"))
    text = join([*parts[:2], paragraph, *parts[-2:]])
    ctx["letter"] = write_file(ctx["tmp"], f"trap.{code}.txt", text)


@given(parsers.parse("the bundled Chinese letter and its {language} rendering"))
def seed_and_rendering(ctx: dict, language: str) -> None:
    ctx["a"] = SEED
    ctx["b"] = write_file(
        ctx["tmp"], _rendering(language).name, _rendering(language).read_text("utf-8")
    )


@given(
    parsers.parse(
        'the bundled Chinese letter and a copy of its {language} rendering where "{old}" reads "{new}"'
    )
)
def seed_and_altered_copy(ctx: dict, language: str, old: str, new: str) -> None:
    text = _rendering(language).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in the rendering"
    ctx["a"] = SEED
    ctx["b"] = write_file(ctx["tmp"], "copy." + CODES[language] + ".txt", text.replace(old, new))


@given(
    "the bundled Chinese letter and its Arabic rendering with every digit written in "
    "Arabic-Indic digits"
)
def seed_and_indic(ctx: dict) -> None:
    text = _rendering("Arabic").read_text(encoding="utf-8")
    indic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    # Document symbols stay in Western digits in every language; everything else is converted.
    out = []
    for word in text.split(" "):
        out.append(word if "/" in word else word.translate(indic))
    ctx["a"] = SEED
    ctx["b"] = write_file(ctx["tmp"], "indic.ar.txt", " ".join(out))


@when("the desk officer compares the two versions")
def compare(ctx: dict) -> None:
    ctx["diff"] = diff(check(ctx["a"], "2480"), check(ctx["b"], "2480"))
    ctx["versions"] = ctx["diff"].versions
    assert ctx["versions"] is not None, "the two letters were not read as two languages"


def _kind(ctx: dict, kind: str) -> list:
    return ctx["versions"].of_kind(kind)


@then("no figure differs between the aligned paragraphs")
def no_figure(ctx: dict) -> None:
    assert _kind(ctx, "figure") == []


@then("no document symbol differs between the aligned paragraphs")
def no_symbol(ctx: dict) -> None:
    assert _kind(ctx, "symbol") == []


@then(parsers.parse('one figure differs: "{old}" in the Chinese letter and "{new}" in the copy'))
def one_figure(ctx: dict, old: str, new: str) -> None:
    (d,) = _kind(ctx, "figure")
    assert (d.change, d.a, d.b) == ("changed", old, new)
    ctx["difference"] = d


@then("the difference names the paragraph of each version that holds the figure")
def names_paragraphs(ctx: dict) -> None:
    d = ctx["difference"]
    a = check(ctx["a"], "2480").document.paragraph(d.a_paragraph).text
    b = check(ctx["b"], "2480").document.paragraph(d.b_paragraph).text
    assert d.a in a and d.b in b


@then(
    parsers.parse(
        'one document symbol differs: "{old}" in the Chinese letter and "{new}" in the copy'
    )
)
def one_symbol(ctx: dict, old: str, new: str) -> None:
    (d,) = _kind(ctx, "symbol")
    assert (d.change, d.a, d.b) == ("changed", old, new)


@then(
    parsers.parse(
        'the section headed "{heading}" is reported as present only in the Chinese letter'
    )
)
def only_in_a(ctx: dict, heading: str) -> None:
    assert heading in [s.heading for s in ctx["versions"].sections_only_a]


@when('the desk officer runs "mandate diff" on the two versions')
def run_diff(ctx: dict) -> None:
    def run(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(MANDATE_CLI), "diff", str(ctx["a"]), str(ctx["b"]), *extra],
            capture_output=True,
            text=True,
            cwd=ctx["tmp"],
            timeout=180,
        )

    ctx["proc"] = run()
    assert ctx["proc"].returncode in (0, 1), ctx["proc"].stderr
    ctx["page"] = ctx["tmp"] / "diff.html"
    html = run("-f", "html", "-o", str(ctx["page"]))
    assert html.returncode in (0, 1), html.stderr


@then(parsers.parse('the output has a line naming "{old}", "{new}" and both paragraph numbers'))
def output_line(ctx: dict, old: str, new: str) -> None:
    lines = [x for x in ctx["proc"].stdout.splitlines() if old in x and new in x]
    assert len(lines) == 1, ctx["proc"].stdout
    # The paragraphs that really hold the two values, in each version.
    a, b = segment(read(ctx["a"])), segment(read(ctx["b"]))
    pa = next(p.index for p in a.paragraphs if old in p.text)
    pb = next(p.index for p in b.paragraphs if new in p.text)
    assert f"A ¶{pa}" in lines[0] and f"B ¶{pb}" in lines[0], lines[0]


@then(parsers.parse('the diff page lists the figure "{new}" in its language-versions block'))
def page_block(ctx: dict, new: str) -> None:
    html = ctx["page"].read_text(encoding="utf-8")
    block = html[html.index('id="versions"') :]
    assert f">{new}</mark>" in block
