"""The command line: ``mandate check LETTER``, and the rules commands.

Exit codes follow Vale: 0 ready and nothing at the --fail-on level; 1 an element not covered or a
finding at that level; 2 the letter or the rules could not be used (one sentence, no traceback).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mandate import __version__
from mandate.errors import InputError
from mandate.files import check_output, max_size_bytes, write_output
from mandate.hygiene import clean
from mandate.messages import languages
from mandate.read import LETTER_SUFFIXES

if TYPE_CHECKING:  # imported when a command needs it: a cold start pays only for what it uses
    from mandate.pipeline import Check

_REPORT_LANGUAGES = list(languages())  # those of rules/messages


class _Group(click.Group):
    """Every failure becomes one sentence and exit code 2; MANDATE_DEBUG=1 shows the traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"mandate: {clean(str(exc))}", err=True)
            sys.exit(2)
        except click.UsageError as exc:
            # One sentence for a bad option value, not click's usage block.
            click.echo(f"mandate: {clean(exc.format_message())}", err=True)
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`mandate … | head`): stop quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("mandate: interrupted.", err=True)
            sys.exit(2)
        except MemoryError:
            click.echo("mandate: out of memory; the input is too large to check.", err=True)
            sys.exit(2)
        except (SystemExit, GeneratorExit):
            raise
        except BaseException as exc:
            if os.environ.get("MANDATE_DEBUG"):
                raise
            detail = clean(str(exc))[:200]
            click.echo(
                f"mandate: internal error ({type(exc).__name__}: {detail}); "
                "rerun with MANDATE_DEBUG=1 and report it.",
                err=True,
            )
            sys.exit(2)


def run() -> None:
    """The console command: ``main``, then leave without tearing the interpreter down.

    Freeing the matcher's, spaCy's and the caches' objects one by one at exit took a sixth of a
    cold check (~0.35 s of CPU on the seed). Every output is already written whole (atomic
    writes, closed), so the standard streams are flushed and the process ends with the command's
    exit code. Tests that call ``main`` in process are unaffected."""
    code: int = 0
    try:
        main()
    except SystemExit as done:
        if isinstance(done.code, int):
            code = done.code
        elif done.code is not None:
            print(done.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`| head`)
            stream.flush()
    os._exit(code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mandate")
def main() -> None:
    """Check a draft Secretary-General letter against the Security Council's request."""


@main.command()
@click.argument("letter", type=click.Path(path_type=Path))
@click.option("--mandate", "-m", "mandate_spec", help="Resolution number, id or rules file.")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="text: terminal summary (and the HTML report); json: the contract; html: the report.",
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Where to write.")
@click.option("--report/--no-report", default=True, help="With text: also write the HTML report.")
@click.option("--lang", type=click.Choice(_REPORT_LANGUAGES), help="Report language.")
@click.option(
    "--letter-lang", metavar="CODE", help="The letter's language (a profile code): skip detection."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Findings at or above this level make exit code 1 (never: only coverage does).",
)
@click.option(
    "--waivers",
    type=click.Path(path_type=Path),
    help="Waivers file (default: LETTER-STEM.waivers.yaml next to the letter).",
)
@click.option(
    "--max-size",
    type=str,
    default="20",
    show_default=True,
    help="Refuse letters (and rules and waivers files) larger than this many MB.",
)
def check(
    letter: Path,
    mandate_spec: str | None,
    fmt: str,
    output: Path | None,
    report: bool,
    lang: str | None,
    letter_lang: str | None,
    fail_on: str,
    waivers: Path | None,
    max_size: str,
) -> None:
    """Check LETTER: every requested element covered, and what to fix before it goes out."""
    from mandate.pipeline import check as run_check

    max_bytes = max_size_bytes(max_size)
    inputs = _inputs(letter, mandate_spec, waivers)
    # Every output is vetted before any work: a clash is reported at once, not after the check.
    if fmt == "json":
        target = check_output(output, inputs)
    elif fmt == "html" or report:
        if output is not None and str(output) == "-" and fmt == "text":
            raise InputError("-o - writes to standard output: use it with --format json or html.")
        target = output if output is not None else Path(f"{_safe_stem(letter)}.mandate.html")
        check_output(target, inputs)
    else:
        target = None
    result = run_check(
        letter,
        mandate_spec,
        language=letter_lang,
        max_bytes=max_bytes,
        waivers=waivers,
        fail_on=fail_on,
    )
    from mandate.twocores import frozen_after

    with frozen_after(result.document):  # a long letter's labels: no collector pass over them
        _answer(result, fmt, target, inputs, lang, report)
    sys.exit(exit_code(result.ready))


def _answer(
    result: Check,
    fmt: str,
    target: Path | None,
    inputs: list[Path],
    lang: str | None,
    report: bool,
) -> None:
    """The check's answer in its format, written to its target (or the terminal)."""
    if fmt == "json":
        from mandate.render.json import render_json_chunks

        _emit(render_json_chunks(result), target, inputs)
    elif fmt == "html":
        from mandate.render.html import render_html

        _emit(render_html(result, lang=lang), target, inputs)
        if str(target) != "-":
            click.echo(f"report: {clean(str(target))}", err=True)
    else:
        from mandate.render.text import render_text

        for line in render_text(result):
            click.echo(line)
        if report:
            from mandate.render.html import render_html

            _emit(render_html(result, lang=lang), target, inputs)
            click.echo(f"report: {clean(str(target))}")


@main.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    required=True,
    help="The annotated copy (never the draft itself).",
)
@click.option("--mandate", "-m", "mandate_spec", help="Resolution number, id or rules file.")
def annotate(draft: Path, output: Path, mandate_spec: str | None) -> None:
    """Write a copy of a Word DRAFT with gaps and findings as Word comments."""
    from mandate.pipeline import check as run_check
    from mandate.render.word import annotate_docx

    inputs = _inputs(draft, mandate_spec, None)
    if str(output) == "-":
        raise InputError("annotate writes a Word file: give an output path, not -.")
    check_output(output, inputs)
    result = run_check(draft, mandate_spec)
    count = annotate_docx(result, draft, output)
    click.echo(f"{clean(str(output))}: {count} comment(s)")


@main.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--mandate", "-m", "mandate_spec", help="Resolution number, id or rules file.")
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["text", "html"]), default="text", show_default=True
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Where to write.")
@click.option("--lang", type=click.Choice(_REPORT_LANGUAGES), help="Page language (html).")
def diff(
    old: Path, new: Path, mandate_spec: str | None, fmt: str, output: Path | None, lang: str | None
) -> None:
    """What changed between two drafts: statuses, sections, figures, findings."""
    from mandate.diff import diff as compare
    from mandate.diff import diff_lines
    from mandate.pipeline import check as run_check

    inputs = [*_inputs(old, mandate_spec, None), new]
    target = output if output is not None or fmt != "html" else Path(f"{_safe_stem(new)}.diff.html")
    check_output(target, inputs)
    older = run_check(old, mandate_spec)
    newer = run_check(new, mandate_spec or older.mandate.source)
    changes = compare(older, newer)
    if fmt == "html":
        from mandate.render.pages import render_diff_html

        page = render_diff_html(changes, newer, lang=lang, old=older)
        _emit(page, target, inputs)
    else:
        _emit("\n".join(clean(line) for line in diff_lines(changes)) + "\n", target, inputs)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("mandate-reports"),
    show_default=True,
    help="Folder for the reports and index.html.",
)
@click.option("--mandate", "-m", "mandate_spec", help="Resolution number, id or rules file.")
@click.option("--lang", type=click.Choice(_REPORT_LANGUAGES), help="Report language.")
def batch(
    paths: tuple[Path, ...], output: Path, mandate_spec: str | None, lang: str | None
) -> None:
    """Check several letters (or folders of them): a report each and an index page."""
    from collections import Counter
    from urllib.parse import quote

    from mandate.files import regular_input
    from mandate.pipeline import check as run_check
    from mandate.render.html import render_html
    from mandate.render.pages import IndexRow, index_row, render_index_html

    letters: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            # Every entry named like a letter gets a row: a dangling link, a FIFO or a folder
            # named *.txt is listed with the reason it could not be checked, never skipped.
            letters += sorted(p for p in path.iterdir() if p.suffix.lower() in LETTER_SUFFIXES)
        else:
            letters.append(path)
    if not letters:
        raise InputError("No letters found in the paths given.")
    _check_batch_folder(output, [*paths, *letters])
    if mandate_spec and Path(mandate_spec).suffix in {".yaml", ".yml"}:
        _check_batch_folder(output, [Path(mandate_spec)])
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"Cannot create the folder {output}: {exc.strerror or exc}.") from None
    rows: list[IndexRow] = []
    checked = []
    with click.progressbar(
        letters,
        label="Checking",
        file=sys.stderr,
        item_show_func=lambda p: clean(p.name) if p else None,
    ) as bar:
        for n, letter in enumerate(bar, start=1):
            try:
                regular_input(letter)
                result = run_check(letter, mandate_spec)
            except InputError as exc:
                rows.append(IndexRow(letter.name, None, "—", False, 0, 0, 0, 0, 0, error=str(exc)))
                continue
            # Numbered, and only word characters from the letter's name: two letters never
            # share a report, and no report is ever named index.html.
            name = f"{n:03d}-{_slug(letter.stem)}.html"
            _emit(render_html(result, lang=lang), output / name, letters)
            checked.append((result, name))
    languages = Counter(result.document.language for result, _ in checked)
    index_lang = lang or (languages.most_common(1)[0][0] if languages else "en")
    rows += [index_row(result, quote(name), index_lang) for result, name in checked]
    _emit(render_index_html(rows, index_lang), output / "index.html", letters)
    ready = sum(1 for r in rows if r.ready)
    failed = [r for r in rows if r.error]
    for row in failed:
        click.echo(f"could not check {clean(row.name)}: {clean(row.error or '')}", err=True)
    click.echo(
        f"{clean(str(output / 'index.html'))}: {ready} of {len(rows)} ready"
        + (f", {len(failed)} could not be checked" if failed else "")
    )
    sys.exit(2 if failed else (0 if ready == len(rows) else 1))


def _slug(stem: str) -> str:
    """A file-name part from a letter's stem: letters, digits, '-', '_' and '.' only."""
    import re

    slug = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._") or "letter"
    return slug[:80]


def _check_batch_folder(output: Path, inputs: list[Path]) -> None:
    """The reports folder must be a folder (or a new name) that holds none of the inputs."""
    if str(output) == "-":
        raise InputError("batch writes a folder of reports: give a folder, not -.")
    if output.is_symlink():
        raise InputError(f"Refusing to write into {output}: it is a symbolic link.")
    if output.exists() and not output.is_dir():
        raise InputError(f"Refusing to write into {output}: it is not a folder.")
    try:
        folder = output.resolve()
    except (OSError, RuntimeError):
        raise InputError(f"The output folder {output} cannot be resolved.") from None
    for source in inputs:
        try:
            where = source.absolute().parent.resolve()
            itself = source.resolve()
        except (OSError, RuntimeError):
            continue
        if folder == itself or (folder == where and not source.is_dir()):
            raise InputError(
                f"The output folder {output} holds the letters being checked; "
                "write the reports to another folder or a subfolder."
            )


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8480, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--max-size",
    type=str,
    default="20",
    show_default=True,
    help="Refuse uploads larger than this many MB.",
)
@click.option("--workers", type=click.IntRange(1, 64), help="Checks run at once (default 2–4).")
@click.option("--access-log/--no-access-log", default=False, help="Log each request line.")
def serve(host: str, port: int, max_size: str, workers: int | None, access_log: bool) -> None:
    """A local web page: drop a draft, read the report, take the annotated copy back."""
    from mandate.web.server import serve as run_server

    run_server(
        host,
        port,
        max_bytes=max_size_bytes(max_size),
        workers=workers,
        log_level="info" if access_log else "warning",
    )


@main.group()
def rules() -> None:
    """List, show, check, test and draft mandate rules files."""


@rules.command("list")
def rules_list() -> None:
    """Every bundled mandate: resolution, document, languages, due dates, reviewed or not."""
    from mandate.rules import load_mandate, mandate_files

    click.echo(
        f"{'id':<8} {'resolution':<20} {'document':<8} {'elements':>8}  {'languages':<18} "
        f"{'due':<23} reviewed  file"
    )
    for path in mandate_files():
        m = load_mandate(path)
        due = ", ".join(d.isoformat() for d in m.due_dates) or "—"
        languages = ",".join(m.languages)
        unofficial = f" ({','.join(m.unofficial)} unofficial)" if m.unofficial else ""
        click.echo(
            f"{m.id:<8} {m.resolution:<20} {m.document:<8} {len(m.elements):>8}  "
            f"{languages:<18} {due:<23} {'yes' if m.reviewed else 'NO':<8}  {path.name}"
            f"{unofficial}"
        )


@rules.command("show")
@click.argument("spec")
def rules_show(spec: str) -> None:
    """One mandate: its request and its elements."""
    from mandate.rules import find_mandate

    m = find_mandate(spec)
    click.echo(f"{m.resolution} — {m.document}, languages {', '.join(m.languages)}")
    for lang, text in m.request.items():
        note = " (unofficial)" if lang in m.unofficial else ""
        click.echo(f"\n[{lang}{note}] {text}")
    click.echo("")
    for e in m.elements:
        title = e.title.get("en") or next(iter(e.title.values()))
        counts = {lang: sum(len(g.terms) for g in groups) for lang, groups in e.cues.items()}
        terms = ", ".join(f"{lang} {n}" for lang, n in counts.items())
        click.echo(f"({e.item}) {e.id:<34} {title}  [{terms} terms]")
    for c in m.process_conditions:
        click.echo(f"to confirm: {c.text.get('en') or next(iter(c.text.values()))}")
    if m.due_dates:
        click.echo("due: " + ", ".join(d.isoformat() for d in m.due_dates))


@rules.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_check(paths: tuple[Path, ...]) -> None:
    """Validate rules files and flag what would silently never fire (default: the bundled ones)."""
    from mandate.authoring import check as check_rules
    from mandate.rules import load_mandate, mandate_files

    errors = 0
    for path in paths or tuple(mandate_files()):
        problems = check_rules(load_mandate(path))
        for problem in problems:
            click.echo(problem.line(str(path)))
        errors += sum(1 for p in problems if p.level == "error")
        if not problems:
            click.echo(f"{path}: ok")
    sys.exit(1 if errors else 0)


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_test(paths: tuple[Path, ...]) -> None:
    """Run every element's example passages, like unit tests of the rules."""
    from mandate.authoring import run_examples
    from mandate.rules import load_mandate, mandate_files

    passed = failed = 0
    for path in paths or tuple(mandate_files()):
        for r in run_examples(load_mandate(path)):
            status = "PASS" if r.passed else "FAIL"
            click.echo(
                f"{status} {path.name} {r.element} [{r.lang}] {r.kind} #{r.number}: {r.detail}"
            )
            passed += r.passed
            failed += not r.passed
    click.echo(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


@rules.command("draft")
@click.argument("paragraph", type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Where to write the YAML.")
@click.option("--lang", metavar="CODE", help="The paragraph's language: skip detection.")
@click.option("--number", type=int, help="Resolution number, if the text does not cite it.")
@click.option("--year", type=int, help="Resolution year, if the text does not cite it.")
def rules_draft(
    paragraph: Path, output: Path | None, lang: str | None, number: int | None, year: int | None
) -> None:
    """Draft a rules file from the text of a resolution's reporting paragraph."""
    from mandate.authoring import draft, draft_yaml
    from mandate.read import read

    check_output(output, [paragraph])
    text = "\n".join(b.text for b in read(paragraph).blocks)
    _emit(draft_yaml(draft(text, lang=lang, number=number, year=year)), output, [paragraph])


@rules.command("suggest")
@click.argument("letters", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--mandate", "spec", required=True, help="Resolution number, mandate id or rules file."
)
def rules_suggest(letters: tuple[Path, ...], spec: str) -> None:
    """Paragraphs that look like an element but were not judged to answer it; words to add."""
    from mandate.rules import find_mandate
    from mandate.suggest import render, suggest

    mandate = find_mandate(spec)
    click.echo(render(suggest(list(letters), mandate), mandate), nl=False)


@rules.command("schema")
@click.option("--output", "-o", type=click.Path(path_type=Path))
def rules_schema(output: Path | None) -> None:
    """The JSON Schema of rules files, for editor completion and validation."""
    from mandate.schemas import rules_schema_text

    _emit(rules_schema_text(), output)


def exit_code(ready: bool) -> int:
    """0 when nothing blocks submission (mandate.readiness), else 1."""
    return 0 if ready else 1


def _emit(
    text: str | bytes | Iterable[bytes], output: Path | None, inputs: list[Path] | None = None
) -> None:
    """Standard output (None or -) or a file vetted again just before the atomic write."""
    if output is None or str(output) == "-":
        if isinstance(text, str | bytes):
            click.echo(text, nl=False)
        else:
            out = sys.stdout.buffer
            for piece in text:
                out.write(piece)
            out.flush()
        return
    write_output(output, text, inputs or [])


def _inputs(letter: Path, mandate_spec: str | None, waivers: Path | None) -> list[Path]:
    """Every file a command reads: none of them may be its output."""
    from mandate.waivers import sidecar

    found = [letter, sidecar(letter)]
    if waivers is not None:
        found.append(waivers)
    if mandate_spec and Path(mandate_spec).suffix in {".yaml", ".yml"}:
        found.append(Path(mandate_spec))
    return found


def _safe_stem(path: Path) -> str:
    """A default report name from the letter's stem, without characters a shell would trip on."""
    stem = clean(path.stem).replace("/", "_") or "letter"
    return stem[:120]


if __name__ == "__main__":  # pragma: no cover
    main()
